//! Keeps the layer chain honest: analysis → model → chart → browser → load → app → embed, with
//! the pure layers (analysis, model, chart, config, permalink, sample) free of browser imports,
//! and no two files importing each other. Reads the source tree, so it fails the moment someone
//! adds a forbidden `use`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

const BROWSER_CRATES: [&str; 6] = ["leptos", "web_sys", "js_sys", "wasm_bindgen", "gloo_net", "serde_wasm_bindgen"];

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
    let rules: [(&str, &[&str]); 6] = [
        ("analysis", &["crate::model", "crate::chart", "crate::config", "crate::browser", "crate::load", "crate::app", "crate::embed", "crate::sample"]),
        ("model", &["crate::chart", "crate::config", "crate::browser", "crate::load", "crate::app", "crate::embed", "crate::sample"]),
        ("chart", &["crate::config", "crate::browser", "crate::load", "crate::app", "crate::embed"]),
        ("browser", &["crate::load", "crate::app", "crate::embed", "leptos"]),
        ("load.rs", &["crate::app", "crate::embed", "leptos"]),
        ("app", &["crate::embed"]),
    ];
    for (layer, forbidden) in rules {
        let v = violations(layer, forbidden);
        assert!(v.is_empty(), "src/{layer} reaches back up the chain:\n{}", v.join("\n"));
    }
}

/// Every download goes through `browser::fetch::fetch_text` (gloo-net, the time limit, the
/// progress and the named faults): no other file makes an HTTP request.
#[test]
fn http_goes_through_one_function() {
    let requests = ["gloo_net", "fetch_with_str", "fetch_with_str_and_init", "fetch_with_request", "fetch_with_request_and_init", "XmlHttpRequest"];
    let v: Vec<String> = code_lines("")
        .into_iter()
        .filter(|(file, _, code)| !file.ends_with("browser/fetch.rs") && requests.iter().any(|r| mentions(code, r)))
        .map(|(file, n, code)| format!("{file}:{n}: {}", code.trim()))
        .collect();
    assert!(v.is_empty(), "HTTP outside src/browser/fetch.rs (download through fetch_text):\n{}", v.join("\n"));
}

/// Components hold no wording or formatting: every text, label, id and class string comes
/// from pure, natively tested functions in `chart` (or `model`).
#[test]
fn app_has_no_format() {
    let found: Vec<(String, usize, String)> = code_lines("app").into_iter().filter(|(_, _, code)| code.contains("format!")).collect();
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
    assert!(mentions("gloo_net::http::Request::from(r)", "gloo_net"));
    assert!(!mentions("w.fetch_with_str_and_init(u, &i)", "fetch_with_str"));
}

/// A source file as a module path: `src/chart/describe.rs` is `chart::describe`, a `mod.rs`
/// (and `lib.rs`) is its folder's module.
fn module_of(file: &Path, src: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

/// The paths a piece of code names from `at` (the `start`th byte on): `crate::a::{b, c::d}`
/// is `[a, b]` and `[a, c, d]` (spread over lines or not); a leading `super`/`self` is kept
/// for the caller to resolve.
fn path_trees(code: &str, start: usize) -> Vec<Vec<String>> {
    fn tree(chars: &[char], i: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        let mut path = prefix;
        loop {
            while chars.get(*i).is_some_and(|c| c.is_whitespace()) {
                *i += 1;
            }
            if chars.get(*i) == Some(&'{') {
                *i += 1;
                loop {
                    tree(chars, i, path.clone(), out);
                    while chars.get(*i).is_some_and(|c| c.is_whitespace()) {
                        *i += 1;
                    }
                    match chars.get(*i) {
                        Some(',') => *i += 1,
                        Some('}') => {
                            *i += 1;
                            return;
                        }
                        _ => return,
                    }
                    while chars.get(*i).is_some_and(|c| c.is_whitespace()) {
                        *i += 1;
                    }
                    if chars.get(*i) == Some(&'}') {
                        *i += 1;
                        return;
                    }
                }
            }
            let from = *i;
            while chars.get(*i).is_some_and(|c| c.is_alphanumeric() || *c == '_') {
                *i += 1;
            }
            let segment: String = chars[from..*i].iter().collect();
            if segment.is_empty() || segment == "self" && !path.is_empty() && path.last().is_some_and(|s| s != "super") {
                out.push(path);
                return;
            }
            path.push(segment);
            if chars.get(*i) == Some(&':') && chars.get(*i + 1) == Some(&':') {
                *i += 2;
            } else {
                out.push(path);
                return;
            }
        }
    }
    let chars: Vec<char> = code[start..].chars().collect();
    let mut out = Vec::new();
    tree(&chars, &mut 0, Vec::new(), &mut out);
    out
}

/// Every file's imports of other files: each `crate::`, `super::` and `self::` path in its code
/// (a `use` line or inline), resolved to the file that defines the named module; a name a
/// `mod.rs` re-exports with `pub use child::Name` leads to the child. Inline `mod … { }` blocks
/// (tests) are read as the file's own module, so their `use super::*` is no import.
fn import_graph() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    use std::collections::{BTreeMap, BTreeSet, HashMap};
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = rust_files(&src);
    let modules: HashMap<Vec<String>, String> =
        files.iter().filter(|f| !f.ends_with("main.rs") && !f.starts_with(src.join("bin"))).map(|f| (module_of(f, &src), f.strip_prefix(&src).unwrap().display().to_string())).collect();
    // The code of each file, comments dropped, inline modules' bodies marked.
    let code: HashMap<String, String> = files
        .iter()
        .filter_map(|f| {
            let name = f.strip_prefix(&src).unwrap().display().to_string();
            modules.values().any(|m| *m == name).then(|| {
                let text = fs::read_to_string(f).unwrap();
                (name, text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n"))
            })
        })
        .collect();
    // `pub use child::{A, B}` in a module: A and B lead to the child's file.
    let mut reexports: HashMap<(Vec<String>, String), Vec<String>> = HashMap::new();
    for (module, file) in &modules {
        for (start, _) in code[file].match_indices("pub use ").chain(code[file].match_indices("pub(crate) use ")) {
            let at = start + code[file][start..].find("use ").unwrap() + 4;
            for path in path_trees(&code[file], at) {
                if let (Some(first), Some(name)) = (path.first(), path.last()) {
                    let mut child = module.clone();
                    child.push(first.clone());
                    if modules.contains_key(&child) {
                        reexports.insert((module.clone(), name.clone()), child);
                    }
                }
            }
        }
    }
    let resolve = |mut path: Vec<String>| -> Option<String> {
        loop {
            if let Some(file) = modules.get(&path) {
                return Some(file.clone());
            }
            let name = path.pop()?;
            if let Some(child) = reexports.get(&(path.clone(), name)) {
                return modules.get(child).cloned();
            }
        }
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, file) in &modules {
        let text = &code[file];
        // Byte ranges of inline `mod name {` blocks, closed by a `}` at the same indent.
        let mut inline: Vec<(usize, usize)> = Vec::new();
        let mut offset = 0;
        let mut open: Option<(usize, usize)> = None;
        for line in text.split('\n') {
            let indent = line.len() - line.trim_start().len();
            let t = line.trim();
            match open {
                None if (t.starts_with("mod ") || t.starts_with("pub mod ")) && t.ends_with('{') => open = Some((offset, indent)),
                Some((from, at)) if t == "}" && indent == at => {
                    inline.push((from, offset));
                    open = None;
                }
                _ => {}
            }
            offset += line.len() + 1;
        }
        for prefix in ["crate::", "super::", "self::"] {
            for (start, _) in text.match_indices(prefix) {
                let before = text[..start].chars().last();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == ':') {
                    continue;
                }
                let in_inline = inline.iter().any(|&(a, b)| a <= start && start <= b);
                for path in path_trees(text, start) {
                    let mut at = module.clone();
                    let mut rest = path.into_iter().peekable();
                    match rest.peek().map(String::as_str) {
                        Some("crate") => {
                            rest.next();
                            at.clear();
                        }
                        Some("self") => {
                            rest.next();
                        }
                        _ => {
                            // Inside an inline module the first `super` is the file's module.
                            let mut skip_one = in_inline;
                            while rest.peek().is_some_and(|s| s == "super") {
                                rest.next();
                                if skip_one {
                                    skip_one = false;
                                } else {
                                    at.pop();
                                }
                            }
                        }
                    }
                    at.extend(rest);
                    if let Some(target) = resolve(at).filter(|t| t != file) {
                        graph.entry(file.clone()).or_default().insert(target);
                    }
                }
            }
        }
    }
    graph
}

/// A cycle in `graph` when there is one, as the files around it.
fn find_cycle(graph: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>) -> Option<Vec<String>> {
    use std::collections::BTreeMap;
    // 0: not seen, 1: on the current path, 2: done.
    fn visit<'a>(node: &'a str, graph: &'a BTreeMap<String, std::collections::BTreeSet<String>>, state: &mut BTreeMap<&'a str, u8>, stack: &mut Vec<&'a str>) -> Option<Vec<String>> {
        state.insert(node, 1);
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|s| *s == next).unwrap();
                    let mut cycle: Vec<String> = stack[from..].iter().map(|s| s.to_string()).collect();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(next, graph, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node, 2);
        None
    }
    let mut state = BTreeMap::new();
    graph.keys().find_map(|node| if !state.contains_key(node.as_str()) { visit(node, graph, &mut state, &mut Vec::new()) } else { None })
}

/// No two files import each other, directly or round a longer loop, inside a layer or across
/// layers: each file can be read (and moved) with what it imports, never with itself.
#[test]
fn no_file_imports_itself_through_others() {
    let graph = import_graph();
    assert!(graph.get("chart/describe.rs").is_some_and(|i| i.contains("chart/format.rs")), "the import graph misses `use super::format`: {graph:#?}");
    assert!(graph.get("chart/notes.rs").is_some_and(|i| i.contains("analysis/error.rs") || i.contains("analysis/mod.rs")), "{graph:#?}");
    let mut cycles = Vec::new();
    let mut graph = graph;
    // Every cycle, one edge of each removed in turn, so the message lists them all.
    while let Some(cycle) = find_cycle(&graph) {
        cycles.push(cycle.join(" → "));
        if let (Some(a), Some(b)) = (cycle.first(), cycle.get(1)) {
            graph.get_mut(a).unwrap().remove(b);
        }
    }
    assert!(cycles.is_empty(), "files import each other:\n{}", cycles.join("\n"));
}

#[test]
fn the_import_graph_reads_paths_and_groups() {
    let code = "use crate::chart::{describe::unit, format::Format, self};\nlet x = super::ranking::heading_text(m);";
    assert_eq!(path_trees(code, 4), vec![
        vec!["crate".to_owned(), "chart".into(), "describe".into(), "unit".into()],
        vec!["crate".to_owned(), "chart".into(), "format".into(), "Format".into()],
        vec!["crate".to_owned(), "chart".into()],
    ]);
    let at = code.find("super").unwrap();
    assert_eq!(path_trees(code, at), vec![vec!["super".to_owned(), "ranking".into(), "heading_text".into()]]);
    let cyclic = [("a", "b"), ("b", "c"), ("c", "a")].iter().map(|(f, t)| (f.to_string(), [t.to_string()].into())).collect();
    assert_eq!(find_cycle(&cyclic), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
}
