//! The one config table (`rotascope::config::FIELDS`) against the lists that cannot be
//! generated from it: the loader's `observedAttributes` (read before the wasm loads), the
//! README's configuration table, and the npm package's types (`www/rotascope.d.ts`: the
//! properties of `RotascopeConfig` and of `RotascopeWidgetAttributes`).
#![cfg(not(target_arch = "wasm32"))]

use rotascope::config::FIELDS;
use std::fs;
use std::path::Path;

fn read(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The quoted strings of the `const ATTRIBUTES = [ ... ];` array in the loader.
fn loader_attributes(js: &str) -> Vec<String> {
    let start = js.find("const ATTRIBUTES = [").expect("the loader declares const ATTRIBUTES = [...]");
    let body = &js[start..];
    let body = &body[body.find('[').unwrap() + 1..body.find("];").expect("the array ends with ];")];
    body.split(',').map(|s| s.trim().trim_matches('"').to_string()).filter(|s| !s.is_empty()).collect()
}

#[test]
fn the_loader_observes_exactly_the_tables_attributes() {
    let table: Vec<String> = FIELDS.iter().map(|f| f.attribute.to_string()).collect();
    assert_eq!(loader_attributes(&read("www/rotascope.js")), table, "www/rotascope.js ATTRIBUTES must equal config::FIELDS, in order");
}

#[test]
fn the_readme_config_table_names_every_field() {
    let readme = read("README.md");
    let start = readme.find("### Configuration").expect("README has a Configuration section");
    let section = &readme[start..];
    let table: String = section.lines().skip_while(|l| !l.starts_with('|')).take_while(|l| l.starts_with('|')).collect::<Vec<_>>().join("\n");
    let rows: Vec<&str> = table.lines().skip(2).collect();
    for f in &FIELDS {
        assert!(table.contains(&format!("`{}`", f.name)), "README configuration table lacks `{}`", f.name);
    }
    // And every row's field is in the table.
    for row in rows {
        let name = row.split('|').nth(1).unwrap().trim().trim_matches('`');
        assert!(FIELDS.iter().any(|f| f.name == name), "README lists `{name}`, which config::FIELDS does not have");
    }
}

/// The property names of `export interface <name> {` in a d.ts, in order: the lines at two
/// spaces' indent up to the interface's closing `}` (nested types are named, never inline),
/// comment lines skipped, quotes taken off (`"as-of"?: string;` is `as-of`).
fn interface_properties(dts: &str, name: &str) -> Vec<String> {
    let head = format!("export interface {name} {{");
    let start = dts.find(&head).unwrap_or_else(|| panic!("rotascope.d.ts declares {head}"));
    dts[start + head.len()..]
        .lines()
        .skip(1)
        .take_while(|l| *l != "}")
        .filter(|l| l.starts_with("  ") && !l.starts_with("   ") && !l.trim_start().starts_with('/') && !l.trim_start().starts_with('*'))
        .map(|l| {
            let key = l.trim().split(':').next().unwrap_or_default();
            key.trim_end_matches('?').trim_matches('"').to_string()
        })
        .collect()
}

#[test]
fn the_types_have_every_field_and_every_attribute() {
    let dts = read("www/rotascope.d.ts");
    let names: Vec<String> = FIELDS.iter().map(|f| f.name.to_string()).collect();
    let attributes: Vec<String> = FIELDS.iter().map(|f| f.attribute.to_string()).collect();
    assert_eq!(interface_properties(&dts, "RotascopeConfig"), names, "www/rotascope.d.ts RotascopeConfig must have config::FIELDS' names, in order");
    assert_eq!(
        interface_properties(&dts, "RotascopeWidgetAttributes"),
        attributes,
        "www/rotascope.d.ts RotascopeWidgetAttributes must have config::FIELDS' attributes, in order"
    );
}

#[test]
fn the_types_parser_catches_a_missing_or_extra_property() {
    let dts = r#"export interface RotascopeConfig {
  /** URL of price JSON or CSV. Default: `{ "a": 1 }`. */
  prices?: PriceInput;
  benchmark?: string | null;
}

export interface RotascopeWidgetAttributes {
  /**
   * Spread over lines.
   */
  "as-of"?: string;
  colour?: string;
}
"#;
    assert_eq!(interface_properties(dts, "RotascopeConfig"), vec!["prices", "benchmark"]);
    assert_eq!(interface_properties(dts, "RotascopeWidgetAttributes"), vec!["as-of", "colour"]);
    assert_ne!(interface_properties(dts, "RotascopeConfig"), FIELDS.iter().map(|f| f.name.to_string()).collect::<Vec<_>>());
}

#[test]
fn the_loader_parser_catches_a_missing_attribute() {
    let js = r#"const ATTRIBUTES = [
  "prices", "benchmark",
];"#;
    assert_eq!(loader_attributes(js), vec!["prices", "benchmark"]);
    assert_ne!(loader_attributes(js), FIELDS.iter().map(|f| f.attribute.to_string()).collect::<Vec<_>>());
}
