//! The stylesheet's theme custom properties and the charts' built-in palettes must agree:
//! the charts read the CSS at runtime, and fall back to the built-ins.
#![cfg(not(target_arch = "wasm32"))]

use rotascope::chart::render_card::CardColours;
use rotascope::chart::theme::{Palette, Rgb, CSS_NAMES, SERIES_COLOURS};

const CSS: &str = include_str!("../www/rotascope.css");

/// The `--rs-*` colour declarations inside the block that starts with `selector`.
fn block_vars(selector: &str) -> Vec<(String, Rgb)> {
    let start = CSS.find(selector).unwrap_or_else(|| panic!("no `{selector}` block"));
    let body = &CSS[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find('}').unwrap()];
    body.lines()
        .filter_map(|l| {
            let l = l.trim();
            let (name, value) = l.strip_prefix("--rs-")?.split_once(':')?;
            Some((name.to_owned(), Rgb::parse(value.trim().trim_end_matches(';'))?))
        })
        .collect()
}

/// The note card's picture draws its surface and the gauge's bands in the stylesheet's colours.
fn check_card(selector: &str, expected: CardColours) {
    let vars = block_vars(selector);
    let get = |name: &str| vars.iter().find(|(n, _)| n == name).map(|(_, c)| *c).unwrap_or_else(|| panic!("{selector} lacks --rs-{name}"));
    assert_eq!(get("surface"), expected.surface, "{selector} --rs-surface");
    assert_eq!(get("border"), expected.border, "{selector} --rs-border");
    for (k, colour) in expected.bands.iter().enumerate() {
        assert_eq!(get(&format!("band-{}", k + 1)), *colour, "{selector} --rs-band-{}", k + 1);
    }
}

fn check(selector: &str, mut expected: Palette) {
    let vars = block_vars(selector);
    let get = |name: &str| vars.iter().find(|(n, _)| n == name).map(|(_, c)| *c).unwrap_or_else(|| panic!("{selector} lacks --rs-{name}"));
    for (slot, name) in expected.slots_mut().into_iter().zip(CSS_NAMES) {
        assert_eq!(get(name), *slot, "{selector} --rs-{name}");
    }
    for k in 0..SERIES_COLOURS {
        assert_eq!(get(&format!("series-{}", k + 1)), expected.series[k], "{selector} --rs-series-{}", k + 1);
    }
}

#[test]
fn light_css_matches_light_palette() {
    check(":host {", Palette::light());
    check_card(":host {", CardColours::light());
}

#[test]
fn dark_css_matches_dark_palette() {
    check(":host([data-rs-theme=\"dark\"])", Palette::dark());
    check_card(":host([data-rs-theme=\"dark\"])", CardColours::dark());
}
