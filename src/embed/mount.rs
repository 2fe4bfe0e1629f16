//! The JS API's `mount(element, config)` and the handle it returns (`update`, `unmount`).

use super::host::{ConfigSource, Host};
use super::registry;
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// A mounted widget, for JavaScript: `update(partialConfig)` and `unmount()`.
#[wasm_bindgen]
pub struct WidgetHandle {
    host: Option<Rc<RefCell<Host>>>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Merges `partial` into the config (or, for a config read from the element, reads it
    /// again) and rebuilds the widget.
    pub fn update(&self, partial: JsValue) -> Result<(), JsValue> {
        let Some(host) = &self.host else { return Err(js_sys::Error::new("this widget was unmounted").into()) };
        let partial = object_map(&partial)?;
        Host::update(host, partial);
        Ok(())
    }

    /// Removes the widget, its listeners, observers and timers.
    pub fn unmount(&mut self) {
        if let Some(host) = self.host.take() {
            registry::forget(&host);
            Host::unmount(&host);
        }
    }
}

/// A JS object as a config map (`null`/`undefined`: none).
fn object_map(value: &JsValue) -> Result<Option<Map<String, Value>>, JsValue> {
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    let json = js_sys::JSON::stringify(value).map_err(|_| js_sys::Error::new("config cannot be read as JSON"))?;
    match serde_json::from_str::<Value>(&String::from(json)) {
        Ok(Value::Object(m)) => Ok(Some(m)),
        _ => Err(js_sys::Error::new("config should be an object").into()),
    }
}

/// `Rotascope.mount(element, config)`: a widget in `element`, configured by `config` (an
/// object), or by the element's own attributes when `config` is `null`.
#[wasm_bindgen]
pub fn mount(element: HtmlElement, config: JsValue) -> Result<WidgetHandle, JsValue> {
    if let Some(existing) = registry::find(&element) {
        Host::unmount(&existing);
        registry::forget(&existing);
    }
    let source = match object_map(&config)? {
        Some(m) => ConfigSource::Object(m),
        None => ConfigSource::Element,
    };
    let host = Host::new(element, source);
    registry::remember(host.clone());
    Host::start(&host);
    Ok(WidgetHandle { host: Some(host) })
}
