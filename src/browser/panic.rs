//! A panic is a bug, but it must never leave a blank box: the hook writes a message into
//! every mounted widget and logs the details for the developer.

use wasm_bindgen::JsCast;

/// Selector of every mounted widget's root (inside a host's shadow root, or in the page).
pub const ROOT_SELECTOR: &str = "[data-rotascope-root]";
/// The attribute on a widget's root holding its "stopped" message in its language (the
/// template, `{detail}` unfilled), written when the widget is drawn: a panic cannot look up
/// the widget's messages, but it can read the page.
pub const STOPPED_ATTRIBUTE: &str = "data-rotascope-stopped";
/// Selector of the hosts whose shadow roots hold widgets.
pub const HOST_SELECTOR: &str = "[data-rotascope-mounted]";

/// Every widget root on the page, including those inside shadow roots.
fn widget_roots() -> Vec<web_sys::Element> {
    let doc = super::document();
    let mut roots = Vec::new();
    let mut collect = |list: Result<web_sys::NodeList, wasm_bindgen::JsValue>| {
        if let Ok(list) = list {
            roots.extend((0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()));
        }
    };
    collect(doc.query_selector_all(ROOT_SELECTOR));
    if let Ok(hosts) = doc.query_selector_all(HOST_SELECTOR) {
        for i in 0..hosts.length() {
            if let Some(shadow) = hosts.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()).and_then(|h| h.shadow_root()) {
                collect(shadow.query_selector_all(ROOT_SELECTOR));
            }
        }
    }
    roots
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Rotascope stopped: {info}").into());
        show_fatal();
    }));
}

/// Replaces every widget's content with an error card saying it stopped, in the widget's
/// language (its root carries the sentence; one drawn before its language loaded, or the
/// embed's own, says it in English). What went wrong is for the console, not the card. A
/// panic aborts the wasm instance, so this is what the hook does before that; the release
/// build has no hook (a panic there is a trap) and the loader does the same on a trap.
pub fn show_fatal() {
    let doc = super::document();
    for root in widget_roots() {
        let Ok(card) = doc.create_element("div") else { continue };
        card.set_class_name("rs-error rs-error--fatal");
        let _ = card.set_attribute("role", "alert");
        let _ = card.set_attribute("data-testid", "fatal");
        let text = root.get_attribute(STOPPED_ATTRIBUTE).unwrap_or_else(|| crate::chart::messages::Messages::english().get("panic.stopped").to_owned());
        card.set_text_content(Some(&text));
        root.set_text_content(None);
        let _ = root.append_child(&card);
    }
}
