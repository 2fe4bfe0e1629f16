//! Exports: the chart as a PNG with its title, legend and data source line, and files handed
//! to the reader. Each export first fires a cancelable `rotascope:export` event (detail:
//! `{ name, type, blob }`) from the widget, so a page can take the file itself; unless it
//! calls `preventDefault()`, the browser downloads it.

use super::canvas::CanvasPainter;
use crate::chart::draw::FONT_FAMILY;
use crate::chart::frame::ImageFrame;
use crate::chart::paint::{Ink, Painter};
use crate::chart::Palette;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, CanvasRenderingContext2d, Element, HtmlAnchorElement, HtmlCanvasElement, Url};

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// A new canvas: the frame's headings and legend, the chart at its own resolution (and
/// `below` under it, as wide), then the source line; `dpr` device pixels per CSS pixel. Laid
/// out and painted by [`ImageFrame`], as the native images are.
pub fn compose_png(chart: &HtmlCanvasElement, below: Option<&HtmlCanvasElement>, frame: &ImageFrame, palette: &Palette, dpr: f64) -> Option<HtmlCanvasElement> {
    let out: HtmlCanvasElement = super::document().create_element("canvas").ok()?.dyn_into().ok()?;
    let width = f64::from(chart.width());
    let measure = context(chart)?;
    let layout = frame.layout(width, dpr, &|text, style| {
        measure.set_font(&format!("{} {}px {FONT_FAMILY}", if style.bold { "bold" } else { "normal" }, style.px));
        measure.measure_text(text).map_or(40.0 * dpr, |m| m.width())
    });
    let charts_bottom = layout.chart_top + f64::from(chart.height()) + below.map_or(0.0, |b| f64::from(b.height()));
    out.set_width(chart.width());
    out.set_height((charts_bottom + layout.source_height).round() as u32);
    let mut pen = CanvasPainter::new(&out)?;
    pen.fill_rect((0.0, 0.0), (width, f64::from(out.height())), Ink::solid(palette.background));
    frame.paint(&mut pen, &layout, palette, charts_bottom);
    let ctx = context(&out)?;
    ctx.draw_image_with_html_canvas_element(chart, 0.0, layout.chart_top).ok()?;
    if let Some(b) = below {
        ctx.draw_image_with_html_canvas_element(b, 0.0, layout.chart_top + f64::from(chart.height())).ok()?;
    }
    Some(out)
}

/// The canvas as a PNG blob.
pub async fn png_blob(canvas: &HtmlCanvasElement) -> Option<Blob> {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let cb = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        let _ = canvas.to_blob(cb.unchecked_ref());
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

pub fn text_blob(text: &str, mime: &str) -> Option<Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// Hands `text` over as the file `name` from the button the event came from (see
/// [`hand_over`]); `false` when there is no such button or the blob cannot be made.
pub fn hand_over_text(ev: &web_sys::MouseEvent, name: &str, text: &str, mime: &str) -> bool {
    let Some(button) = ev.current_target().and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
    let Some(blob) = text_blob(text, mime) else { return false };
    hand_over(&button, name, &blob);
    true
}

/// Fires `rotascope:export` from `from`; downloads the file unless a listener cancels it.
pub fn hand_over(from: &Element, name: &str, blob: &Blob) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"name".into(), &name.into());
    let _ = js_sys::Reflect::set(&detail, &"type".into(), &blob.type_().into());
    let _ = js_sys::Reflect::set(&detail, &"blob".into(), blob);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(true);
    init.set_detail(&detail);
    let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("rotascope:export", &init) else { return };
    let proceed = from.dispatch_event(&event).unwrap_or(true);
    if !proceed {
        return;
    }
    let Ok(url) = Url::create_object_url_with_blob(blob) else { return };
    if let Some(a) = super::document().create_element("a").ok().and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // Give the download a moment to start before the URL goes.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    let _ = super::window().set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 30_000);
}
