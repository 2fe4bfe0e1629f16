//! One host element and the widget living in its shadow root: where its config comes from,
//! mounting (now or when it nears the viewport), events, updates and unmounting. Which hosts
//! exist is the registry's business ([`super::registry`]); this module knows none of them.

use crate::app::widget::{resolve_dark, Widget};
use crate::app::WidgetEvents;
use crate::browser::document;
use crate::config::{box_height, field_of_attribute, script_not_json, script_not_object, ConfigError, Nested, WidgetConfig, FIELDS, NESTING};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::de::DeserializeSeed;
use serde_json::{Map, Value};
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Marks a host that has a widget, so a second scan never mounts twice.
pub const MOUNTED: &str = "data-rotascope-mounted";

/// The attributes `<rotascope-widget>` observes: every config field's attribute, from the
/// one table ([`crate::config::FIELDS`]). The loader keeps a copy (it needs the list before
/// the wasm has loaded); a native test checks it equals the table, an end-to-end test that
/// it equals this.
#[wasm_bindgen(js_name = configAttributes)]
pub fn config_attributes() -> Vec<String> {
    FIELDS.iter().map(|f| f.attribute.to_string()).collect()
}

/// The height rule ([`box_height`]) for a config object as written, for the end-to-end test
/// that checks the loader's copy of the rule gives the same heights; read as `mount()` reads
/// its config ([`object_map`]).
#[wasm_bindgen(js_name = boxHeightOf)]
pub fn box_height_of(config: JsValue, width: f64) -> f64 {
    box_height(&object_map(&config).ok().flatten().unwrap_or_default(), width)
}

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, whose proxy trap may throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    pub(super) fn own_keys(object: &JsValue) -> Result<js_sys::Array, JsValue>;
}

/// A JS object as a config map (`null`/`undefined`: none), read as JS values through
/// serde-wasm-bindgen: what JSON leaves out of an object (undefined, a function, a symbol)
/// is left out of it, and a BigInt reads as the number it is. The one reader of config
/// values from JavaScript: `mount()`/`update()`'s objects, a config script's parsed JSON,
/// `analyze()`'s options.
pub(super) fn object_map(value: &JsValue) -> Result<Option<Map<String, Value>>, JsValue> {
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(js_sys::Error::new("config should be an object").into());
    }
    let unreadable = |_| JsValue::from(js_sys::Error::new("config cannot be read as JSON"));
    let mut map = Map::new();
    for key in own_keys(value).map_err(unreadable)?.iter().filter_map(|k| k.as_string()) {
        let v = js_sys::Reflect::get(value, &JsValue::from_str(&key)).map_err(unreadable)?;
        if v.is_undefined() || v.is_function() || v.is_symbol() {
            continue;
        }
        let v = Nested(NESTING).deserialize(serde_wasm_bindgen::Deserializer::from(v)).map_err(|_| unreadable(JsValue::NULL))?;
        map.insert(key, v);
    }
    Ok(Some(map))
}

/// The config a `<script type="application/json">` child holds: its text parsed by the
/// engine's `JSON.parse`, the value read by [`object_map`] as `mount()`'s objects are. When
/// either fails, the message is serde_json's, naming line and column
/// ([`script_not_json`]); a value that is not an object is named ([`script_not_object`]).
fn script_config(text: &str) -> Result<Map<String, Value>, ConfigError> {
    let parsed = js_sys::JSON::parse(text);
    match &parsed {
        Ok(v) if v.is_object() && !js_sys::Array::is_array(v) => {
            if let Ok(Some(map)) = object_map(v) {
                return Ok(map);
            }
        }
        Ok(v) => {
            if let Ok(value) = Nested(NESTING).deserialize(serde_wasm_bindgen::Deserializer::from(v.clone())) {
                return Err(script_not_object(&value));
            }
        }
        Err(_) => {}
    }
    Err(script_not_json(text, &parsed.err().map(|e| crate::browser::intl::js_error_text(&e)).unwrap_or_default()))
}

/// The bundle's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// An observer and the callback it calls (kept alive together).
type Observer<O> = Option<(O, Closure<dyn FnMut(js_sys::Array)>)>;

thread_local! {
    /// One observer for every lazy host on the page.
    static LAZY: RefCell<Observer<IntersectionObserver>> = const { RefCell::new(None) };
    /// Hosts waiting to come near the viewport.
    static WAITING: RefCell<Vec<Rc<RefCell<Host>>>> = const { RefCell::new(Vec::new()) };
    /// Starts the waiting hosts when the page prints.
    static PRINT_STARTS_WAITING: RefCell<Option<crate::browser::print::PrintWatch>> = const { RefCell::new(None) };
}

pub use crate::browser::assets::{set_stylesheet_url, stylesheet_url};

fn camel(kebab: &str) -> String {
    kebab.split('-').enumerate().fold(String::new(), |mut acc, (k, part)| {
        if k == 0 {
            acc.push_str(part);
        } else {
            let mut c = part.chars();
            if let Some(f) = c.next() {
                acc.push(f.to_ascii_uppercase());
                acc.push_str(c.as_str());
            }
        }
        acc
    })
}

/// A host's config as written in the page: the JSON of a child
/// `<script type="application/json">` first, then `data-*` attributes (and, on
/// `<rotascope-widget>`, the plain config attributes), later ones winning.
pub fn config_from_element(el: &Element) -> Result<Map<String, Value>, ConfigError> {
    let mut map = Map::new();
    if let Ok(Some(script)) = el.query_selector(":scope > script[type='application/json']") {
        map.extend(script_config(&script.text_content().unwrap_or_default())?);
    }
    let custom = el.tag_name().eq_ignore_ascii_case("rotascope-widget");
    let names = el.get_attribute_names();
    for i in 0..names.length() {
        let Some(name) = names.get(i).as_string() else { continue };
        let key = match name.strip_prefix("data-") {
            // Our own markers and test hooks are not configuration; any other data- attribute
            // is, so a misspelt one is reported rather than silently ignored.
            Some(k) if k.starts_with("rotascope") || k.starts_with("rs-") || k == "testid" => continue,
            Some(k) => k,
            None if custom && field_of_attribute(&name).is_some() => name.as_str(),
            None => continue,
        };
        if let Some(v) = el.get_attribute(&name) {
            map.insert(camel(key), Value::String(v));
        }
    }
    Ok(map)
}

/// Where a host's config comes from.
#[derive(Clone)]
pub enum ConfigSource {
    /// Read from the element (placeholders, custom elements); re-read on update.
    Element,
    /// Given to `Rotascope.mount`; updates merge into it.
    Object(Map<String, Value>),
}

pub struct Host {
    pub element: HtmlElement,
    pub source: ConfigSource,
    /// Mounted through `mount()` (as `<rotascope-widget>` is): its handle owns it, so the
    /// page's removal sweep leaves it alone. Placeholders found by the scan are not.
    pub owned: bool,
    /// Dropping this unmounts the leptos view (and runs every cleanup: observers, timers).
    mounted: Option<Box<dyn Any>>,
    /// Resizes the box when the host's width changes.
    resize: Option<crate::browser::resize::ResizeWatch>,
    /// The mounted widget's "refresh now" (`handle.refresh()`), once it has one.
    refresh: crate::app::RefreshSlot,
}

/// Whether `host` is an element that may have a shadow root: the DOM standard's list, and
/// custom elements.
fn can_host(host: &HtmlElement) -> bool {
    const HOSTS: [&str; 18] = ["article", "aside", "blockquote", "body", "div", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "main", "nav", "p", "section", "span"];
    let tag = host.tag_name().to_ascii_lowercase();
    tag.contains('-') || HOSTS.contains(&tag.as_str())
}

/// `host`'s open shadow root (made now if it has none), or why it cannot have one, naming
/// the element: a `<figure>` cannot host a shadow root at all, and an element whose own
/// closed shadow root is there already cannot host a second.
fn shadow_root(host: &HtmlElement) -> Result<web_sys::ShadowRoot, String> {
    if let Some(shadow) = host.shadow_root() {
        return Ok(shadow);
    }
    host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).map_err(|_| {
        let tag = host.tag_name().to_ascii_lowercase();
        let id = host.id();
        let named = if id.is_empty() { format!("<{tag}>") } else { format!("<{tag} id=\"{id}\">") };
        if can_host(host) {
            format!("cannot mount into {named}: it already has a closed shadow root of its own; mount into a <div> inside or beside it")
        } else {
            format!("cannot mount into {named}: a <{tag}> cannot hold a shadow root (which keeps the page's CSS out of the widget); mount into a <div> inside it")
        }
    })
}

/// Says on `host` why it cannot have a widget: the message in its place (unless it has a
/// closed shadow root of its own, whose children are not ours) and `rotascope:error` with
/// code `config`.
fn refuse(host: &HtmlElement, message: &str) {
    if !can_host(host) {
        if let Ok(card) = document().create_element("p") {
            let _ = card.set_attribute("role", "alert");
            let _ = card.set_attribute("data-testid", "mount-error");
            card.set_text_content(Some(message));
            host.set_text_content(None);
            let _ = host.append_child(&card);
        }
    }
    dispatch(host, "error", &error_detail("config", message));
}

/// Gives `host` an open shadow root holding the widget stylesheet and the widget's box: the
/// height rule's height from the first moment ([`box_height`]), the publisher's fallback
/// content (the host's own children, through a `<slot>`) until the chart draws, and an empty
/// mount point. Page CSS cannot reach in, widget CSS cannot leak out. Returns the mount point
/// (the box is its parent).
fn shadow_mount_point(host: &HtmlElement, raw: &Map<String, Value>) -> Option<HtmlElement> {
    let doc = document();
    let shadow = shadow_root(host).ok()?;
    shadow.set_inner_html("");
    let link = doc.create_element("link").ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute("href", &stylesheet_url()).ok()?;
    let frame = doc.create_element("div").ok()?.dyn_into::<HtmlElement>().ok()?;
    frame.set_class_name("rs-box");
    frame.set_attribute("data-state", "loading").ok()?;
    // Set here as well as in the stylesheet, which may still be on its way.
    let style = frame.style();
    for (property, value) in [("display", "flex"), ("flex-direction", "column"), ("position", "relative")] {
        let _ = style.set_property(property, value);
    }
    shadow.append_child(&link).ok()?;
    shadow.append_child(&frame).ok()?;
    let fallback = doc.create_element("div").ok()?.dyn_into::<HtmlElement>().ok()?;
    fallback.set_class_name("rs-fallback");
    // Over the box until the chart draws, when the publisher gave any; else out of the way
    // (an empty cover would still take the pointer).
    let cover: &[(&str, &str)] = if has_fallback(host) { &[("position", "absolute"), ("inset", "0"), ("overflow", "auto"), ("z-index", "2")] } else { &[("display", "none")] };
    for (property, value) in cover {
        let _ = fallback.style().set_property(property, value);
    }
    let slot = doc.create_element("slot").ok()?;
    fallback.append_child(&slot).ok()?;
    frame.append_child(&fallback).ok()?;
    let point = doc.create_element("div").ok()?.dyn_into::<HtmlElement>().ok()?;
    point.set_class_name("rs-mount");
    // Not shown until the stylesheet has arrived (its `visibility: visible !important` wins
    // over this), so nothing inside is seen moving into place; the fallback stays in view.
    let _ = point.style().set_property("visibility", "hidden");
    frame.append_child(&point).ok()?;
    size_box(&frame, raw);
    Some(point)
}

/// Gives the box the height rule's height for its current width as its least height (content
/// taller than the rule said grows it at its foot), unless the publisher chose one
/// (`--rs-box-height` on the host, which the shadow root inherits): that one is kept exactly.
fn size_box(frame: &HtmlElement, raw: &Map<String, Value>) {
    let width = frame.get_bounding_client_rect().width();
    let least = format!("var(--rs-box-height, {}px)", box_height(raw, width));
    if frame.style().get_property_value("min-height").ok().as_deref() != Some(least.as_str()) {
        let _ = frame.style().set_property("min-height", &least);
        let _ = frame.style().set_property("max-height", "var(--rs-box-height, none)");
    }
}

/// Whether the publisher put something inside the host for readers (an image, a sentence, a
/// table): anything but the JSON config, `<noscript>` (shown only without scripts) and
/// blank text.
fn has_fallback(host: &HtmlElement) -> bool {
    let nodes = host.child_nodes();
    (0..nodes.length()).filter_map(|i| nodes.item(i)).any(|node| match node.dyn_ref::<Element>() {
        Some(el) => !matches!(el.tag_name().to_ascii_lowercase().as_str(), "script" | "noscript" | "template" | "style"),
        None => node.node_type() == web_sys::Node::TEXT_NODE && node.text_content().is_some_and(|t| !t.trim().is_empty()),
    })
}

/// The widget could not draw and the publisher gave fallback content: readers keep seeing it,
/// with one line of their own under it; the detail goes to the console (and, by the caller, to `rotascope:error`).
fn fall_back(frame: &HtmlElement, detail: &str) {
    let _ = frame.set_attribute("data-state", "failed");
    web_sys::console::error_1(&format!("Rotascope: {detail}").into());
    let doc = document();
    if let Ok(note) = doc.create_element("p") {
        note.set_class_name("rs-reader-note");
        let _ = note.set_attribute("role", "status");
        let _ = note.set_attribute("data-testid", "reader-note");
        note.set_text_content(Some(crate::chart::describe::CHART_UNAVAILABLE));
        // Under the fallback content, which stays where it was: nothing on the page moves.
        if let Ok(Some(fallback)) = frame.query_selector(".rs-fallback") {
            let _ = fallback.append_child(&note);
        }
    }
}

/// What to do with a failure before the chart drew: fall back to the publisher's content
/// when there is some (true), or leave the widget's own error card (false).
fn failed_before_drawing(host: &HtmlElement, frame: Option<&HtmlElement>, detail: &str) -> bool {
    match frame {
        Some(frame) if frame.get_attribute("data-state").as_deref() != Some("drawn") && has_fallback(host) => {
            fall_back(frame, detail);
            true
        }
        _ => false,
    }
}

/// Fires `rotascope:<name>` on the host (bubbling out of the shadow root).
fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(&format!("rotascope:{name}"), &init) {
        let _ = host.dispatch_event(&ev);
    }
}

/// `rotascope:error`'s detail, `{ code, message }` (typed in `rotascope.d.ts`).
#[derive(serde::Serialize)]
struct ErrorDetail<'a> {
    code: &'a str,
    message: &'a str,
}

fn error_detail(code: &str, message: &str) -> JsValue {
    // A plain object through the same serializer as analyze()'s result; two strings cannot fail.
    serde::Serialize::serialize(&ErrorDetail { code, message }, &serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

impl Host {
    pub fn new(element: HtmlElement, source: ConfigSource, owned: bool) -> Rc<RefCell<Host>> {
        let _ = element.set_attribute(MOUNTED, "");
        Rc::new(RefCell::new(Host { element, source, owned, mounted: None, resize: None, refresh: Rc::default() }))
    }

    fn config(&self) -> Result<WidgetConfig, ConfigError> {
        let map = match &self.source {
            ConfigSource::Element => config_from_element(&self.element)?,
            ConfigSource::Object(m) => m.clone(),
        };
        Ok(WidgetConfig::from_map(&map)?)
    }

    /// The config as written, for the height rule (an unreadable one counts as empty: the
    /// error card keeps the default box).
    fn raw_config(&self) -> Map<String, Value> {
        match &self.source {
            ConfigSource::Element => config_from_element(&self.element).unwrap_or_default(),
            ConfigSource::Object(m) => m.clone(),
        }
    }

    /// Keeps the box's height right when the host's width changes (a phone turned, a sidebar
    /// opened): the rule depends on the width.
    fn watch_width(this: &Rc<RefCell<Host>>, frame: &HtmlElement) {
        let weak = Rc::downgrade(this);
        let observed = frame.clone();
        let watch = crate::browser::resize::ResizeWatch::new(frame, move |_| {
            if let Some(host) = weak.upgrade() {
                if let Ok(host) = host.try_borrow() {
                    size_box(&observed, &host.raw_config());
                }
            }
        });
        if let Ok(mut host) = this.try_borrow_mut() {
            host.resize = watch;
        }
    }

    /// Mounts (or waits for the viewport when the config says `lazy`); an element that cannot
    /// hold the widget says so (see [`refuse`]) and the reason is returned.
    pub fn start(this: &Rc<RefCell<Host>>) -> Result<(), String> {
        let element = this.borrow().element.clone();
        if let Err(message) = shadow_root(&element) {
            refuse(&element, &message);
            return Err(message);
        }
        let lazy = this.borrow().config().map(|c| c.lazy).unwrap_or(false);
        if lazy {
            Host::show_placeholder(this);
            wait_for_viewport(this.clone());
        } else {
            Host::mount_now(this);
        }
        Ok(())
    }

    /// Shows the widget's box while it waits: the height it will have (so the page does not
    /// jump, and the next widget down stays out of reach of the viewport), the publisher's
    /// fallback content, and a line saying it loads on scroll.
    fn show_placeholder(this: &Rc<RefCell<Host>>) {
        let Some(point) = ({
            let host = this.borrow();
            shadow_mount_point(&host.element, &host.raw_config())
        }) else {
            return;
        };
        let Some(frame) = point.parent_element().and_then(|f| f.dyn_into::<HtmlElement>().ok()) else { return };
        let _ = frame.set_attribute("data-state", "waiting");
        let doc = document();
        let Ok(waiting) = doc.create_element("div") else { return };
        waiting.set_class_name("rotascope-widget rs-waiting");
        let _ = waiting.set_attribute("aria-busy", "true");
        // Paper gets its own sentence (print CSS shows it instead).
        for (class, text) in [("rs-waiting-screen", "This chart loads when you scroll to it."), ("rs-waiting-print", crate::chart::loading::NOT_LOADED_ON_PAPER)] {
            if let Ok(span) = doc.create_element("span") {
                span.set_class_name(class);
                span.set_text_content(Some(text));
                let _ = waiting.append_child(&span);
            }
        }
        let _ = point.append_child(&waiting);
        Host::watch_width(this, &frame);
    }

    pub fn mount_now(this: &Rc<RefCell<Host>>) {
        let mut host = this.borrow_mut();
        host.mounted = None;
        // The widget that filled it is gone; the new one fills it once it can refresh.
        host.refresh.borrow_mut().take();
        let element = host.element.clone();
        // Only if the shadow root went away since `start` (a closed one attached meanwhile).
        let Some(point) = shadow_mount_point(&element, &host.raw_config()) else {
            refuse(&element, &shadow_root(&element).err().unwrap_or_else(|| "cannot mount: the widget's shadow root could not be filled".into()));
            return;
        };
        let frame = point.parent_element().and_then(|f| f.dyn_into::<HtmlElement>().ok());
        let config = host.config().and_then(|mut config| {
            // The interface's language, unless configured: the nearest `lang` attribute around
            // the element (the page's `<html lang>` last).
            if config.lang.is_none() {
                config.lang = element.closest("[lang]").ok().flatten().and_then(|e| e.get_attribute("lang")).filter(|l| !l.trim().is_empty());
            }
            if config.permalink == Some(crate::config::Permalink::Auto) {
                config.permalink = Some(crate::config::Permalink::Key(permalink_key(&element)?));
            }
            Ok(config)
        });
        match config {
            Ok(config) => {
                let dark = resolve_dark(config.theme);
                let _ = element.set_attribute("data-rs-theme", if dark { "dark" } else { "light" });
                let (ready_host, error_host, theme_host, alert_host) = (element.clone(), element.clone(), element.clone(), element.clone());
                let (ready_frame, error_frame) = (frame.clone(), frame.clone());
                let events = WidgetEvents {
                    ready: SendWrapper::new(Rc::new(move || {
                        if let Some(frame) = &ready_frame {
                            let _ = frame.set_attribute("data-state", "drawn");
                        }
                        dispatch(&ready_host, "ready", &JsValue::NULL)
                    })),
                    error: SendWrapper::new(Rc::new(move |code: &'static str, m: String| {
                        failed_before_drawing(&error_host, error_frame.as_ref(), &m);
                        dispatch(&error_host, "error", &error_detail(code, &m))
                    })),
                    theme: SendWrapper::new(Rc::new(move |dark: bool| {
                        let _ = theme_host.set_attribute("data-rs-theme", if dark { "dark" } else { "light" });
                    })),
                    alert: SendWrapper::new(Rc::new(move |alert: &crate::model::RotationAlert| {
                        let detail = serde::Serialize::serialize(alert, &serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL);
                        dispatch(&alert_host, "alert", &detail)
                    })),
                    refresh: SendWrapper::new(host.refresh.clone()),
                };
                let handle = leptos::mount::mount_to(point, move || {
                    provide_context(events);
                    view! { <Widget config=config /> }
                });
                host.mounted = Some(Box::new(handle));
            }
            Err(error) => {
                // In English: a config that does not read has no language yet (the language is
                // one of its fields, and its table loads only once the widget starts).
                let message = error.to_string();
                let _ = element.set_attribute("data-rs-theme", "light");
                if !failed_before_drawing(&element, frame.as_ref(), &message) {
                    point.set_inner_html(r#"<div class="rotascope-widget" data-rotascope-root=""><div class="rs-error" role="alert" data-testid="error"><p class="rs-error-title">This chart cannot be shown</p><p class="rs-error-message"></p></div></div>"#);
                    if let Ok(Some(msg)) = point.query_selector(".rs-error-message") {
                        // Text only: the message may quote the publisher's config.
                        msg.set_text_content(Some(&message));
                    }
                }
                dispatch(&element, "error", &error_detail("config", &message));
            }
        }
        drop(host);
        if let Some(frame) = &frame {
            Host::watch_width(this, frame);
        }
    }

    /// Applies a config change: merged into an object config, re-read from the element
    /// otherwise, then the widget is built again (prices come from the page's cache).
    pub fn update(this: &Rc<RefCell<Host>>, partial: Option<Map<String, Value>>) {
        // The publisher may have changed a file under the same URL: ask its server again.
        crate::load::mark_stale();
        {
            let mut host = this.borrow_mut();
            if let (ConfigSource::Object(m), Some(p)) = (&mut host.source, partial) {
                m.extend(p);
            }
        }
        let waiting = WAITING.with(|w| w.borrow().iter().any(|h| Rc::ptr_eq(h, this)));
        if waiting {
            Host::show_placeholder(this);
        } else {
            Host::mount_now(this);
        }
    }

    /// Re-requests the widget's prices and note now (`handle.refresh()`); nothing before its
    /// first draw.
    pub fn refresh(this: &Rc<RefCell<Host>>) {
        let now = this.borrow().refresh.borrow().clone();
        if let Some(now) = now {
            now();
        }
    }

    /// Removes the widget and everything it holds; the host is left empty and may be mounted
    /// again.
    pub fn unmount(this: &Rc<RefCell<Host>>) {
        stop_waiting(this);
        let mut host = this.borrow_mut();
        host.mounted = None;
        host.resize = None;
        host.refresh.borrow_mut().take();
        if let Some(shadow) = host.element.shadow_root() {
            shadow.set_inner_html("");
        }
        let _ = host.element.remove_attribute(MOUNTED);
        let _ = host.element.remove_attribute("data-rs-theme");
    }
}

/// The hash key of a `permalink: true` widget: its host's id when that is a usable key, else
/// `rotascope-N`, N being its place among the page's placeholders and `<rotascope-widget>`
/// elements (1-based). A `mount()` target has no such place: it needs an id or a key.
fn permalink_key(element: &HtmlElement) -> Result<String, ConfigError> {
    let id = element.id();
    if crate::config::is_permalink_key(&id) {
        return Ok(id);
    }
    const PLACES: &str = ".rotascope, rotascope-widget";
    if !element.matches(PLACES).unwrap_or(false) {
        return Err(ConfigError::NoPermalinkKey);
    }
    let place = document()
        .query_selector_all(PLACES)
        .ok()
        .and_then(|hosts| (0..hosts.length()).position(|i| hosts.item(i).is_some_and(|n| n.is_same_node(Some(element)))))
        .unwrap_or(0);
    Ok(format!("rotascope-{}", place + 1))
}

/// The one observer that starts widgets as they near the viewport; `None` where the browser
/// has no IntersectionObserver (then widgets start at once).
fn lazy_observer() -> Option<IntersectionObserver> {
    LAZY.with(|slot| {
        if let Some((o, _)) = slot.borrow().as_ref() {
            return Some(o.clone());
        }
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
            for entry in entries.iter() {
                let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() else { continue };
                if !entry.is_intersecting() {
                    continue;
                }
                let target = entry.target();
                let host = WAITING.with(|w| w.borrow().iter().find(|h| h.borrow().element.is_same_node(Some(&target))).cloned());
                if let Some(h) = host {
                    stop_waiting(&h);
                    Host::mount_now(&h);
                }
            }
        });
        let init = IntersectionObserverInit::new();
        // Start loading a little before the widget scrolls into view.
        init.set_root_margin("400px 0px");
        let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok()?;
        *slot.borrow_mut() = Some((observer.clone(), callback));
        Some(observer)
    })
}

fn wait_for_viewport(host: Rc<RefCell<Host>>) {
    let Some(observer) = lazy_observer() else {
        Host::mount_now(&host);
        return;
    };
    // Printing starts every waiting widget: the printed page cannot wait for its data, but
    // the next print (or the preview's refresh) has the charts.
    PRINT_STARTS_WAITING.with(|slot| {
        if slot.borrow().is_none() {
            *slot.borrow_mut() = crate::browser::print::PrintWatch::new(
                || {
                    let waiting: Vec<_> = WAITING.with(|w| w.borrow().clone());
                    for h in waiting {
                        stop_waiting(&h);
                        Host::mount_now(&h);
                    }
                },
                || {},
            );
        }
    });
    let element = host.borrow().element.clone();
    WAITING.with(|w| w.borrow_mut().push(host));
    observer.observe(&element);
}

fn stop_waiting(host: &Rc<RefCell<Host>>) {
    let element = host.borrow().element.clone();
    let was_waiting = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let before = w.len();
        w.retain(|h| !Rc::ptr_eq(h, host));
        before != w.len()
    });
    if let (true, Some(observer)) = (was_waiting, lazy_observer()) {
        observer.unobserve(&element);
    }
}
