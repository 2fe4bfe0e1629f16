//! Where Rotascope's own files are: the loader (`rotascope.js`) resolves its stylesheet's URL
//! and hands it over at start; the README the bundle and the npm package carry sits beside it.

use std::cell::RefCell;

thread_local! {
    static STYLESHEET_URL: RefCell<String> = const { RefCell::new(String::new()) };
}

pub fn set_stylesheet_url(url: String) {
    STYLESHEET_URL.with(|b| *b.borrow_mut() = url);
}

/// URL of the widget stylesheet (next to `rotascope.js`, as the loader resolved it).
pub fn stylesheet_url() -> String {
    STYLESHEET_URL.with(|b| b.borrow().clone())
}

/// The README beside the loader, at `anchor` (`#rotation-methods`).
pub fn docs_url(anchor: &str) -> String {
    beside_loader(&format!("README.md{anchor}"))
}

/// A file beside the loader (`lang/de.json`).
pub fn beside_loader(path: &str) -> String {
    let stylesheet = stylesheet_url();
    let folder = stylesheet.rsplit_once('/').map_or("", |(folder, _)| folder);
    if folder.is_empty() { path.to_owned() } else { format!("{folder}/{path}") }
}
