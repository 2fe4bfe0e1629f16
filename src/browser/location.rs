//! The page URL's hash, read and rewritten in place (`history.replaceState`: no new history
//! entry, no scroll to an anchor, no `hashchange`), for shareable views.

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The page's hash, with its `#` (empty when there is none).
pub fn hash() -> String {
    super::window().location().hash().unwrap_or_default()
}

/// Scrolls the element with this id into view, if the page has one.
pub fn scroll_to(id: &str) {
    if let Some(el) = super::document().get_element_by_id(id) {
        el.scroll_into_view();
    }
}

/// Sets the hash to `hash` (no `#`; empty removes it) without navigating.
fn replace_hash(hash: &str) {
    let window = super::window();
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else { return };
    let url = if hash.is_empty() { format!("{path}{search}") } else { format!("{path}{search}#{hash}") };
    if let Ok(history) = window.history() {
        // The page's own history state (a router's keys) is kept as it is. Safari throws after
        // 100 calls in 30 s; writes are debounced, and a refusal is harmless.
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
}

/// A timer and the callback it will call (kept alive together).
type Timer = (i32, Closure<dyn FnMut()>);

/// Writes the hash a while after the last change (a scrub drag is one write, not fifty).
pub struct HashWriter {
    pending: RefCell<Option<Timer>>,
}

/// How long the view must stay unchanged before the URL follows it.
const QUIET_MS: i32 = 250;

impl HashWriter {
    pub fn new() -> HashWriter {
        HashWriter { pending: RefCell::new(None) }
    }

    /// Sets `key` to `value` in the hash (the rest kept as it is then) once nothing has
    /// asked again for a moment.
    pub fn write_soon(&self, key: String, value: String) {
        self.cancel();
        let fire = Closure::<dyn FnMut()>::new(move || {
            // The page may have started routing with its hash since: then it is the page's.
            let now = hash();
            if !crate::permalink::is_route(&now) {
                replace_hash(&crate::permalink::with_hash_value(&now, &key, Some(&value)));
            }
        });
        if let Ok(id) = super::window().set_timeout_with_callback_and_timeout_and_arguments_0(fire.as_ref().unchecked_ref(), QUIET_MS) {
            *self.pending.borrow_mut() = Some((id, fire));
        }
    }

    fn cancel(&self) {
        if let Some((id, _)) = self.pending.borrow_mut().take() {
            super::window().clear_timeout_with_handle(id);
        }
    }
}

impl Default for HashWriter {
    fn default() -> Self {
        HashWriter::new()
    }
}

impl Drop for HashWriter {
    fn drop(&mut self) {
        self.cancel();
    }
}
