//! Publisher embedding: placeholders, the `<rotascope-widget>` element (defined in the loader,
//! backed by `mount`), the JS API and events. See README "Embedding".
//!
//! `host` is one host element and its widget; `registry` the list of hosts on the page;
//! `scan` (placeholders) and `mount` (the JS API) find and add hosts through the registry.
//! No module imports one that imports it.

reads_input! {
    pub mod api;
    pub mod host;
    pub mod scan;
}
pub mod mount;
pub mod registry;

pub use host::stylesheet_url;
pub use mount::{mount, WidgetHandle};
pub use scan::scan;

/// Called once by `rotascope.js` after the wasm is instantiated: remembers the stylesheet's
/// URL (the loader resolves it, so a bundler that renames the file can rewrite it), mounts
/// every placeholder and watches for more.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start(stylesheet_url: String) {
    host::set_stylesheet_url(stylesheet_url);
    scan(wasm_bindgen::JsValue::UNDEFINED);
    scan::watch_page();
}
