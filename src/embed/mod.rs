//! Publisher embedding: finds placeholders and mounts a widget into each; the JS API.

pub mod api;

use crate::app::widget::Widget;
use crate::browser::document;
use crate::config::WidgetConfig;
use leptos::prelude::*;
use serde_json::{Map, Value};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Marks a host that already has a widget, so a second scan never mounts twice.
const MOUNTED: &str = "data-rotascope-mounted";

/// Reads a placeholder's config: `data-*` attributes (`data-as-of` → `asOf`).
pub fn config_from_element(el: &Element) -> Map<String, Value> {
    let mut map = Map::new();
    let names = el.get_attribute_names();
    for i in 0..names.length() {
        let Some(name) = names.get(i).as_string() else { continue };
        let Some(key) = name.strip_prefix("data-") else { continue };
        // Our own markers and test hooks are not configuration; any other data- attribute is,
        // so a misspelt one is reported rather than silently ignored.
        if key.starts_with("rotascope") || key == "testid" {
            continue;
        }
        let camel = key.split('-').enumerate().fold(String::new(), |mut acc, (k, part)| {
            if k == 0 {
                acc.push_str(part);
            } else {
                let mut c = part.chars();
                if let Some(f) = c.next() {
                    acc.extend(f.to_uppercase());
                    acc.push_str(c.as_str());
                }
            }
            acc
        });
        if let Some(v) = el.get_attribute(&name) {
            map.insert(camel, Value::String(v));
        }
    }
    map
}

/// Mounts a widget into every `.rotascope` placeholder not mounted yet.
pub fn scan() {
    let Ok(hosts) = document().query_selector_all(".rotascope") else { return };
    for i in 0..hosts.length() {
        let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else { continue };
        if host.has_attribute(MOUNTED) {
            continue;
        }
        let _ = host.set_attribute(MOUNTED, "");
        mount(host);
    }
}

/// Gives `host` an open shadow root holding the widget stylesheet and a mount point:
/// page CSS cannot reach in, widget CSS cannot leak out.
fn shadow_mount_point(host: &HtmlElement) -> Option<HtmlElement> {
    let doc = document();
    let shadow = host.shadow_root().or_else(|| host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok())?;
    shadow.set_inner_html("");
    let link = doc.create_element("link").ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute("href", &stylesheet_url()).ok()?;
    shadow.append_child(&link).ok()?;
    let point = doc.create_element("div").ok()?.dyn_into::<HtmlElement>().ok()?;
    point.set_class_name("rs-mount");
    shadow.append_child(&point).ok()?;
    Some(point)
}

fn mount(host: HtmlElement) {
    let Some(point) = shadow_mount_point(&host) else {
        host.set_text_content(Some("Rotascope: this browser cannot isolate the widget (no shadow DOM support)."));
        return;
    };
    let map = config_from_element(&host);
    match WidgetConfig::from_map(&map) {
        Ok(config) => {
            let dark = crate::app::widget::resolve_dark(config.theme);
            let _ = host.set_attribute("data-rs-theme", if dark { "dark" } else { "light" });
            let handle = leptos::mount::mount_to(point, move || view! { <Widget config=config /> });
            handle.forget();
        }
        Err(e) => {
            point.set_class_name("rotascope-widget");
            point.set_inner_html(r#"<div class="rs-error" role="alert"><p class="rs-error-title">This chart cannot be shown</p><p class="rs-error-message"></p></div>"#);
            if let Ok(Some(msg)) = point.query_selector(".rs-error-message") {
                msg.set_text_content(Some(&e.to_string()));
            }
        }
    }
}

/// Called once by `rotascope.js` after the wasm is instantiated: remembers where the bundle
/// lives (for the stylesheet), then mounts every placeholder.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start(base_url: String) {
    BASE_URL.with(|b| *b.borrow_mut() = base_url);
    scan();
}

thread_local! {
    static BASE_URL: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// URL of the widget stylesheet, next to `rotascope.js`.
pub fn stylesheet_url() -> String {
    BASE_URL.with(|b| format!("{}rotascope.css", b.borrow()))
}
