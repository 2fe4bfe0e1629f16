//! The JS API's `mount(element, config)` and the handle it returns (`update`, `refresh`, `unmount`).

use super::host::{object_map, ConfigSource, Host};
use super::registry;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// A mounted widget, for JavaScript: `update(partialConfig)` and `unmount()`. A later
/// `mount()` on the same element replaces the widget; this handle then does nothing to the
/// new one (`update` throws, `unmount` does nothing).
#[wasm_bindgen]
pub struct WidgetHandle {
    host: Option<Rc<RefCell<Host>>>,
}

impl WidgetHandle {
    /// The host this handle still owns, or why it owns none.
    fn current(&self) -> Result<&Rc<RefCell<Host>>, &'static str> {
        let host = self.host.as_ref().ok_or("this widget was unmounted")?;
        if registry::holds(host) {
            Ok(host)
        } else {
            Err("this widget was replaced by a later mount() on the same element; update that one's handle")
        }
    }
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Merges `partial` into the config (or, for a config read from the element, reads it
    /// again) and rebuilds the widget.
    pub fn update(&self, partial: JsValue) -> Result<(), JsValue> {
        let host = self.current().map_err(js_sys::Error::new)?;
        let partial = object_map(&partial)?;
        Host::update(host, partial);
        Ok(())
    }

    /// Re-requests the widget's prices and note now (conditional requests: an unchanged file
    /// costs no redraw).
    pub fn refresh(&self) -> Result<(), JsValue> {
        Host::refresh(self.current().map_err(js_sys::Error::new)?);
        Ok(())
    }

    /// Removes the widget, its listeners, observers and timers (nothing when a later
    /// `mount()` replaced it).
    pub fn unmount(&mut self) {
        if let Ok(host) = self.current() {
            registry::forget(host);
            Host::unmount(host);
        }
        self.host = None;
    }
}

/// `Rotascope.mount(element, config)`: a widget in `element`, configured by `config` (an
/// object), or by the element's own attributes when `config` is `null`. It replaces a widget
/// the element already has. An element that cannot hold a shadow root throws (and says so
/// in its place, with `rotascope:error`).
#[wasm_bindgen]
pub fn mount(element: HtmlElement, config: JsValue) -> Result<WidgetHandle, JsValue> {
    let source = match object_map(&config)? {
        Some(m) => ConfigSource::Object(m),
        None => ConfigSource::Element,
    };
    if let Some(existing) = registry::find(&element) {
        Host::unmount(&existing);
        registry::forget(&existing);
    }
    let host = Host::new(element, source, true);
    registry::remember(host.clone());
    if let Err(message) = Host::start(&host) {
        registry::forget(&host);
        Host::unmount(&host);
        return Err(js_sys::Error::new(&message).into());
    }
    Ok(WidgetHandle { host: Some(host) })
}
