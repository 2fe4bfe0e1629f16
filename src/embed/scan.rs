//! Placeholders: every `.rotascope` element gets a widget, once; placeholders added later (a
//! CMS, infinite scroll) are found by a `MutationObserver`, and widgets whose host leaves the
//! page are unmounted so nothing is left running; a placeholder whose `data-` config attribute
//! changes is updated, as `<rotascope-widget>` is.

use super::host::{ConfigSource, Host, MOUNTED};
use super::registry::{self, find, remember};
use crate::browser::document;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MutationObserver, MutationObserverInit};

type PageCallback = Closure<dyn FnMut(js_sys::Array)>;

thread_local! {
    static OBSERVER: RefCell<Option<(MutationObserver, PageCallback)>> = const { RefCell::new(None) };
}

/// Mounts a widget into every `.rotascope` placeholder under `root` (the document when
/// `root` is not an element) that has none yet.
#[wasm_bindgen]
pub fn scan(root: JsValue) {
    let found = match root.dyn_ref::<Element>() {
        Some(el) => {
            let mut list = Vec::new();
            if el.class_list().contains("rotascope") {
                list.push(el.clone());
            }
            if let Ok(nodes) = el.query_selector_all(".rotascope") {
                list.extend((0..nodes.length()).filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok()));
            }
            list
        }
        None => document()
            .query_selector_all(".rotascope")
            .map(|nodes| (0..nodes.length()).filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok()).collect())
            .unwrap_or_default(),
    };
    for el in found {
        let Ok(host) = el.dyn_into::<HtmlElement>() else { continue };
        if host.has_attribute(MOUNTED) || find(&host).is_some() {
            continue;
        }
        let h = Host::new(host, ConfigSource::Element, false);
        remember(h.clone());
        // An element that cannot hold a widget has said so; it stays listed, so it says it once.
        let _ = Host::start(&h);
    }
}

/// Unmounts placeholders' widgets whose host is no longer in the page. A `mount()` target
/// (a `<rotascope-widget>` is one) belongs to its handle, which unmounts it: it may be mounted
/// before it is attached, or moved, and still be wanted (the custom element unmounts itself
/// in `disconnectedCallback`).
fn sweep_detached() {
    let gone = registry::hosts_where(|host| !host.owned && !host.element.is_connected());
    for host in gone {
        Host::unmount(&host);
        registry::forget(&host);
    }
}

/// Watches the page for placeholders added or hosts removed after the first scan.
pub fn watch_page() {
    OBSERVER.with(|slot| {
        if slot.borrow().is_some() {
            return;
        }
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(|records: js_sys::Array| {
            let mut removed = false;
            let mut changed: Vec<Rc<RefCell<Host>>> = Vec::new();
            for record in records.iter() {
                let Ok(record) = record.dyn_into::<web_sys::MutationRecord>() else { continue };
                // A placeholder's data- config attribute changed: its widget updates, as a
                // `<rotascope-widget>` does when one of its attributes changes (once for
                // several changes in one task).
                if record.type_() == "attributes" {
                    let host = record.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|el| find(&el));
                    if let Some(h) = host.filter(|h| !h.borrow().owned && !changed.iter().any(|c| Rc::ptr_eq(c, h))) {
                        changed.push(h);
                    }
                    continue;
                }
                removed |= record.removed_nodes().length() > 0;
                let added = record.added_nodes();
                for i in 0..added.length() {
                    if let Some(el) = added.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                        scan(el.into());
                    }
                }
            }
            if removed {
                sweep_detached();
            }
            for h in changed {
                Host::update(&h, None);
            }
        });
        // Without a MutationObserver the placeholders on the page at the first scan still
        // start; ones added later wait for Rotascope.scan().
        let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) else { return };
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        // Only the config's data- attributes (not the host's own markers, which it sets).
        let filter: js_sys::Array = crate::config::FIELDS.iter().map(|f| JsValue::from(format!("data-{}", f.attribute))).collect();
        init.set_attribute_filter(&filter);
        if let Some(root) = document().document_element() {
            let _ = observer.observe_with_options(&root, &init);
        }
        *slot.borrow_mut() = Some((observer, callback));
    });
}
