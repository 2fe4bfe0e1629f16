//! Keeps the layer chain honest: analysis → model → chart → browser → app → embed, with the
//! pure layers (analysis, model, chart, config, permalink, sample) free of browser imports. Reads the source tree,
//! so it fails the moment someone adds a forbidden `use`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

const BROWSER_CRATES: [&str; 6] = ["leptos", "web_sys", "js_sys", "wasm_bindgen", "gloo", "serde_wasm_bindgen"];

fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut out = Vec::new();
    for entry in fs::read_dir(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())) {
        let p = entry.unwrap().path();
        if p.is_dir() {
            out.extend(rust_files(&p));
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
    out
}

/// Code lines (comments dropped) of every file under `path`, with their location.
fn code_lines(path: &str) -> Vec<(String, usize, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(path);
    let mut out = Vec::new();
    for file in rust_files(&root) {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            out.push((file.display().to_string(), n + 1, code.to_owned()));
        }
    }
    assert!(!out.is_empty(), "no Rust files under src/{path}");
    out
}

/// Whether `code` mentions `name` as a path segment (`leptos::`, `use leptos`, `leptos;`).
fn mentions(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(i, _)| {
        let before = code[..i].chars().last();
        let after = code[i + name.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_') && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

fn violations(layer: &str, forbidden: &[&str]) -> Vec<String> {
    code_lines(layer)
        .into_iter()
        .filter_map(|(file, n, code)| {
            forbidden.iter().find(|f| mentions(&code, f)).map(|f| format!("{file}:{n} uses {f}: {}", code.trim()))
        })
        .collect()
}

#[test]
fn pure_layers_have_no_browser_imports() {
    for layer in ["analysis", "model", "chart", "config.rs", "permalink.rs", "sample.rs"] {
        let v = violations(layer, &BROWSER_CRATES);
        assert!(v.is_empty(), "src/{layer} must stay pure:\n{}", v.join("\n"));
    }
}

#[test]
fn no_import_runs_back_up_the_chain() {
    let rules: [(&str, &[&str]); 5] = [
        ("analysis", &["crate::model", "crate::chart", "crate::config", "crate::browser", "crate::app", "crate::embed", "crate::sample"]),
        ("model", &["crate::chart", "crate::config", "crate::browser", "crate::app", "crate::embed", "crate::sample"]),
        ("chart", &["crate::config", "crate::browser", "crate::app", "crate::embed"]),
        ("browser", &["crate::app", "crate::embed", "leptos"]),
        ("app", &["crate::embed"]),
    ];
    for (layer, forbidden) in rules {
        let v = violations(layer, forbidden);
        assert!(v.is_empty(), "src/{layer} reaches back up the chain:\n{}", v.join("\n"));
    }
}

/// The loader code still in src/app, which is moving out of `app` into a loading layer, and
/// how many `format!` lines each file may hold for it: `app/load.rs` (none today) and the note
/// loader's error in `app/card.rs`. Nothing else in those files may use `format!`; lower or
/// drop an entry when its loader leaves, so the check tightens.
const APP_FORMAT_ALLOWED: [(&str, usize); 2] = [("app/load.rs", 0), ("app/card.rs", 1)];

/// Components hold no wording or formatting: every text, label, id and class string comes
/// from pure, natively tested functions in `chart` (or `model`).
#[test]
fn app_has_no_format() {
    let mut found: Vec<(String, usize, String)> = code_lines("app").into_iter().filter(|(_, _, code)| code.contains("format!")).collect();
    for (allowed, most) in APP_FORMAT_ALLOWED {
        let in_file = |file: &str| file.replace('\\', "/").ends_with(allowed);
        let held = found.iter().filter(|(file, _, _)| in_file(file)).count();
        if held <= most {
            found.retain(|(file, _, _)| !in_file(file));
        }
    }
    let v: Vec<String> = found.into_iter().map(|(file, n, code)| format!("{file}:{n}: {}", code.trim())).collect();
    assert!(v.is_empty(), "src/app builds text with format! (put the wording in chart/ and test it there):\n{}", v.join("\n"));
}

/// The embed layer's hosts live in one registry: `host` knows no list of hosts, the registry
/// knows only `host`, and `scan` and `mount` sit on top (no import cycle).
#[test]
fn embed_modules_depend_one_way() {
    let rules: [(&str, &[&str]); 2] = [
        ("embed/host.rs", &["super::scan", "super::registry", "super::mount", "embed::scan", "embed::registry", "embed::mount"]),
        ("embed/registry.rs", &["super::scan", "super::mount", "embed::scan", "embed::mount"]),
    ];
    for (file, forbidden) in rules {
        let v = violations(file, forbidden);
        assert!(v.is_empty(), "src/{file} imports a module above it:\n{}", v.join("\n"));
    }
}

#[test]
fn the_checker_itself_catches_a_forbidden_use() {
    assert!(mentions("use leptos::prelude::*;", "leptos"));
    assert!(mentions("    web_sys::window()", "web_sys"));
    assert!(!mentions("let leptos_like = 1;", "leptos"));
    assert!(!mentions("my_web_sys_helper()", "web_sys"));
}
