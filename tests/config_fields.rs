//! The one config table (`rotascope::config::FIELDS`) against the lists that cannot be
//! generated from it: the loader's `observedAttributes` (read before the wasm loads), the
//! README's configuration table, and the npm package's types (`www/rotascope.d.ts`: the
//! properties of `RotascopeConfig` and of `RotascopeWidgetAttributes`). The defaults the
//! README and the types document are held to the table's too.
#![cfg(not(target_arch = "wasm32"))]

use rotascope::config::{Field, FieldDefault, WidgetConfig, FIELDS};
use serde_json::{Map, Value};
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

/// The config with `prices` set (so it reads) and, when given, `field` at `value` (as text, as
/// an attribute carries it).
fn config_with(field: Option<(&Field, &str)>) -> Result<WidgetConfig, String> {
    let mut map = Map::new();
    map.insert("prices".into(), Value::from("p.json"));
    if let Some((f, value)) = field {
        map.insert(f.name.into(), Value::from(value));
    }
    WidgetConfig::from_map(&map).map_err(|e| e.to_string())
}

/// Whether a default as documented agrees with the table's: a value (one text in backticks;
/// a JS string literal in them is its text) reads as the config the table's default gives;
/// words (none, the browser's) are the table's words; a required field is said to be.
fn agrees(f: &Field, documented: &str) -> Result<(), String> {
    let documented = documented.trim().trim_end_matches('.').trim();
    match f.default {
        FieldDefault::Required if documented.to_lowercase().contains("required") => Ok(()),
        FieldDefault::Required => Err(format!("`{}` is required, but {documented:?} does not say so", f.name)),
        FieldDefault::Unset(words) if documented.eq_ignore_ascii_case(words) => Ok(()),
        FieldDefault::Unset(words) => Err(format!("`{}` defaults to {words:?} in config::FIELDS, documented as {documented:?}", f.name)),
        FieldDefault::Value(ours) => {
            let inner = documented
                .strip_prefix('`')
                .and_then(|d| d.strip_suffix('`'))
                .filter(|d| !d.contains('`'))
                .ok_or_else(|| format!("`{}` defaults to `{ours}` in config::FIELDS, documented as {documented:?} (not one value in backticks)", f.name))?;
            let text = if inner.len() >= 2 && inner.starts_with('"') && inner.ends_with('"') { serde_json::from_str::<String>(inner).map_err(|e| e.to_string())? } else { inner.to_string() };
            let theirs = config_with(Some((f, &text))).map_err(|e| format!("`{}`'s documented default `{text}` does not read: {e}", f.name))?;
            if theirs == config_with(None)? {
                Ok(())
            } else {
                Err(format!("`{}` defaults to `{ours}` in config::FIELDS, documented as `{text}`", f.name))
            }
        }
    }
}

/// The README configuration table's rows: (field, default cell).
fn readme_defaults(readme: &str) -> Vec<(String, String)> {
    let start = readme.find("### Configuration").expect("README has a Configuration section");
    readme[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|row| {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            (cells[1].trim_matches('`').to_string(), cells[2].to_string())
        })
        .collect()
}

#[test]
fn the_readme_documents_the_tables_defaults() {
    let rows = readme_defaults(&read("README.md"));
    assert!(rows.len() >= 18, "the README's configuration table has a row a field: {rows:?}");
    let problems: Vec<String> = rows
        .iter()
        .filter_map(|(name, default)| FIELDS.iter().find(|f| f.name == name).map(|f| agrees(f, default)))
        .filter_map(Result::err)
        .collect();
    assert!(problems.is_empty(), "README.md configuration table:\n{}", problems.join("\n"));
}

/// Each property of `export interface <name> {` with its doc comment (the `/** … */` just
/// above it, on one line or several).
fn interface_docs(dts: &str, name: &str) -> Vec<(String, String)> {
    let head = format!("export interface {name} {{");
    let start = dts.find(&head).unwrap_or_else(|| panic!("rotascope.d.ts declares {head}"));
    let mut out = Vec::new();
    let mut doc = String::new();
    for line in dts[start + head.len()..].lines().skip(1).take_while(|l| *l != "}") {
        let t = line.trim();
        if t.starts_with("/**") || t.starts_with('*') {
            doc.push_str(t.trim_start_matches("/**").trim_end_matches("*/").trim_start_matches('*').trim());
            doc.push(' ');
        } else if line.starts_with("  ") && !line.starts_with("   ") && !t.starts_with("//") {
            let key = t.split(':').next().unwrap_or_default().trim_end_matches('?').trim_matches('"').to_string();
            out.push((key, std::mem::take(&mut doc)));
        }
    }
    out
}

/// The default a doc comment gives: after `Default` (`Default: none.`, `` Default `480`. ``),
/// the value in backticks before `(default` or `(the default)`, or that the field is required.
fn documented_default(doc: &str) -> Option<String> {
    if doc.contains("Required") {
        return Some("(required)".into());
    }
    if let Some(i) = doc.find("Default") {
        let rest = doc[i + "Default".len()..].trim_start_matches(':').trim();
        return Some(rest.split(". ").next().unwrap_or(rest).trim().trim_end_matches('.').to_string());
    }
    let i = doc.find("(default").or_else(|| doc.find("(the default"))?;
    let before = doc[..i].trim_end().strip_suffix('`')?;
    let open = before.rfind('`')?;
    Some(before[open..].to_string() + "`")
}

#[test]
fn the_types_document_the_tables_defaults() {
    let dts = read("www/rotascope.d.ts");
    let mut problems = Vec::new();
    for interface in ["RotascopeConfig", "RotascopeWidgetAttributes"] {
        for (property, doc) in interface_docs(&dts, interface) {
            let f = FIELDS.iter().find(|f| f.name == property || f.attribute == property).unwrap_or_else(|| panic!("{interface}.{property} is not a field"));
            match documented_default(&doc) {
                Some(default) => problems.extend(agrees(f, &default).err().map(|e| format!("{interface}.{property}: {e}"))),
                None => problems.push(format!("{interface}.{property}: its comment gives no default ({doc:?})")),
            }
        }
    }
    assert!(problems.is_empty(), "www/rotascope.d.ts:\n{}", problems.join("\n"));
}

#[test]
fn the_default_readers_catch_a_default_that_differs() {
    let field = |name: &str| FIELDS.iter().find(|f| f.name == name).unwrap();
    assert_eq!(documented_default("Chart height. Default `480`."), Some("`480`".into()));
    assert_eq!(documented_default("`light`, `dark`, or `auto` (default: the page's own)"), Some("`auto`".into()));
    assert_eq!(documented_default("`\"-0.6,-0.15,0.15,0.6\"` (the default)."), Some("`\"-0.6,-0.15,0.15,0.6\"`".into()));
    assert_eq!(documented_default("Default: none. More words."), Some("none".into()));
    assert_eq!(documented_default("Heading above the chart."), None);
    assert_eq!(agrees(field("height"), "`480`"), Ok(()));
    assert!(agrees(field("height"), "`400`").is_err());
    assert!(agrees(field("height"), "480 pixels").is_err());
    assert_eq!(agrees(field("bands"), "`\"-0.6,-0.15,0.15,0.6\"`"), Ok(()));
    assert!(agrees(field("bands"), "`[-0.6, -0.2, 0.15, 0.6]`").is_err());
    assert!(agrees(field("rotation"), r#"`{ "interval": "weekly", "window": 14, "tail": 8, "method": "log-trend" }`"#).is_err());
    assert!(agrees(field("lazy"), "`false`").is_err());
    assert!(agrees(field("locale"), "`en-US`").is_err());
    assert_eq!(agrees(field("locale"), "`lang` when given or found on the page, else the browser's"), Ok(()));
    assert!(agrees(field("locale"), "The browser's").is_err());
    assert!(agrees(field("prices"), "none").is_err());
    let readme = "### Configuration\n\n| field | default | meaning |\n|---|---|---|\n| `view` | `trend` | x |\n| `height` | `480` | y |\n";
    let rows = readme_defaults(readme);
    assert_eq!(rows, vec![("view".to_string(), "`trend`".to_string()), ("height".into(), "`480`".into())]);
    assert!(agrees(field("view"), &rows[0].1).is_err());
}
