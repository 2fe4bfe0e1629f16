//! Exports: the chart as a PNG with its title, legend and data source line, and files handed
//! to the reader. Each export first fires a cancelable `rotascope:export` event (detail:
//! `{ name, type, blob }`) from the widget, so a page can take the file itself; unless it
//! calls `preventDefault()`, the browser downloads it.

use crate::chart::draw::FONT_FAMILY;
use crate::chart::{Palette, Rgb};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, CanvasRenderingContext2d, Element, HtmlAnchorElement, HtmlCanvasElement, Url};

/// What goes around the chart in the PNG.
pub struct PngFrame<'a> {
    pub title: &'a str,
    /// A second, smaller heading under the title (the view's own, under a configured title).
    pub subtitle: Option<&'a str>,
    pub legend: &'a [(String, Rgb)],
    pub source: &'a str,
    pub palette: &'a Palette,
    /// Device pixels per CSS pixel of `chart`.
    pub dpr: f64,
}

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// A new canvas: title, legend rows, the chart at its own resolution (and `below` under it,
/// as wide), then the source line.
pub fn compose_png(chart: &HtmlCanvasElement, below: Option<&HtmlCanvasElement>, frame: &PngFrame) -> Option<HtmlCanvasElement> {
    let doc = super::document();
    let out: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    let (w, s) = (f64::from(chart.width()), frame.dpr);
    let font = |px: f64, bold: bool| format!("{}{}px {}", if bold { "bold " } else { "" }, (px * s).round(), FONT_FAMILY);
    let measure = context(chart)?;
    // Lay the legend out in rows that fit the width.
    measure.set_font(&font(12.0, true));
    let (pad, swatch, gap) = (12.0 * s, 10.0 * s, 16.0 * s);
    let mut rows: Vec<Vec<(f64, &(String, Rgb))>> = vec![Vec::new()];
    let mut x = pad;
    for item in frame.legend {
        let width = swatch + 5.0 * s + measure.measure_text(&item.0).map_or(40.0 * s, |m| m.width());
        if x + width > w - pad && !rows.last().expect("a row").is_empty() {
            rows.push(Vec::new());
            x = pad;
        }
        rows.last_mut().expect("a row").push((x, item));
        x += width + gap;
    }
    let (title_h, row_h, source_h) = (34.0 * s, 20.0 * s, 26.0 * s);
    let subtitle_h = if frame.subtitle.is_some() { 20.0 * s } else { 0.0 };
    let legend_h = if frame.legend.is_empty() { 0.0 } else { rows.len() as f64 * row_h + 6.0 * s };
    let legend_top = title_h + subtitle_h;
    let chart_top = legend_top + legend_h;
    let below_h = below.map_or(0.0, |b| f64::from(b.height()));
    let charts_h = f64::from(chart.height()) + below_h;
    out.set_width(chart.width());
    out.set_height((chart_top + charts_h + source_h).round() as u32);
    let ctx = context(&out)?;
    ctx.set_fill_style_str(&frame.palette.background.to_string());
    ctx.fill_rect(0.0, 0.0, w, f64::from(out.height()));
    ctx.set_text_baseline("middle");
    ctx.set_fill_style_str(&frame.palette.text.to_string());
    ctx.set_font(&font(16.0, true));
    let _ = ctx.fill_text(frame.title, pad, title_h / 2.0 + 2.0 * s);
    if let Some(subtitle) = frame.subtitle {
        ctx.set_font(&font(13.0, false));
        let _ = ctx.fill_text(subtitle, pad, title_h + subtitle_h / 2.0 - 4.0 * s);
    }
    ctx.set_font(&font(12.0, true));
    for (r, row) in rows.iter().enumerate() {
        let y = legend_top + r as f64 * row_h + row_h / 2.0;
        for (x, (label, colour)) in row {
            ctx.set_fill_style_str(&colour.to_string());
            ctx.fill_rect(*x, y - swatch / 2.0, swatch, swatch);
            ctx.set_fill_style_str(&frame.palette.text.to_string());
            let _ = ctx.fill_text(label, x + swatch + 5.0 * s, y);
        }
    }
    ctx.draw_image_with_html_canvas_element(chart, 0.0, chart_top).ok()?;
    if let Some(b) = below {
        ctx.draw_image_with_html_canvas_element(b, 0.0, chart_top + f64::from(chart.height())).ok()?;
    }
    ctx.set_font(&font(11.0, false));
    ctx.set_fill_style_str(&frame.palette.muted.to_string());
    let _ = ctx.fill_text(frame.source, pad, chart_top + charts_h + source_h / 2.0);
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
