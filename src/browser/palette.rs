//! Reads the theme's CSS custom properties (`--rs-bg`, `--rs-series-1`, ...) into a chart
//! [`Palette`], so publishers restyle charts from CSS.

use crate::chart::theme::{Palette, Rgb, CSS_NAMES, SERIES_COLOURS};
use web_sys::Element;

/// The palette for `element`: the built-in light or dark one, overridden by any custom
/// property that parses as a colour.
pub fn read_palette(element: &Element, dark: bool) -> Palette {
    let mut palette = if dark { Palette::dark() } else { Palette::light() };
    let Ok(Some(style)) = super::window().get_computed_style(element) else {
        return palette;
    };
    let read = |name: &str| style.get_property_value(&format!("--rs-{name}")).ok().and_then(|v| Rgb::parse(&v));
    for (slot, name) in palette.slots_mut().into_iter().zip(CSS_NAMES) {
        if let Some(c) = read(name) {
            *slot = c;
        }
    }
    for (k, slot) in palette.series.iter_mut().enumerate().take(SERIES_COLOURS) {
        if let Some(c) = read(&format!("series-{}", k + 1)) {
            *slot = c;
        }
    }
    palette
}

/// Calls back with `true`/`false` whenever the reader's colour scheme turns dark/light; the
/// listener goes when this is dropped.
pub struct ColourSchemeWatch {
    list: web_sys::MediaQueryList,
    callback: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MediaQueryListEvent)>,
}

impl ColourSchemeWatch {
    pub fn new(on_change: impl Fn(bool) + 'static) -> Option<ColourSchemeWatch> {
        use wasm_bindgen::JsCast;
        let list = super::window().match_media("(prefers-color-scheme: dark)").ok().flatten()?;
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(move |e: web_sys::MediaQueryListEvent| on_change(e.matches()));
        list.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref()).ok()?;
        Some(ColourSchemeWatch { list, callback })
    }
}

impl Drop for ColourSchemeWatch {
    fn drop(&mut self) {
        use wasm_bindgen::JsCast;
        let _ = self.list.remove_event_listener_with_callback("change", self.callback.as_ref().unchecked_ref());
    }
}

/// Whether the reader's system asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    media_matches("(prefers-color-scheme: dark)")
}

/// Whether the page declares itself dark (`Some(true)`) or light: the root element's computed
/// `color-scheme`, else `<meta name="color-scheme">`, when it names exactly one scheme
/// ([`crate::chart::theme::declared_scheme`]); `None` otherwise.
pub fn page_declares_dark() -> Option<bool> {
    let doc = super::document();
    let root = doc.document_element()?;
    let computed = super::window().get_computed_style(&root).ok().flatten().and_then(|s| s.get_property_value("color-scheme").ok()).unwrap_or_default();
    crate::chart::theme::declared_scheme(&computed).or_else(|| {
        let meta = doc.query_selector("meta[name='color-scheme' i]").ok().flatten()?;
        crate::chart::theme::declared_scheme(&meta.get_attribute("content")?)
    })
}

/// Whether the reader asks for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    media_matches("(prefers-reduced-motion: reduce)")
}

fn media_matches(query: &str) -> bool {
    super::window().match_media(query).ok().flatten().is_some_and(|m| m.matches())
}
