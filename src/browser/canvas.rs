//! Canvas sizing for crisp drawing: the backing store is the CSS size times the device pixel
//! ratio, and charts draw in device pixels with `ui = dpr` scaling fonts and strokes.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Device pixels per CSS pixel (at least 1, so thin lines never vanish when zoomed out).
pub fn device_pixel_ratio() -> f64 {
    super::window().device_pixel_ratio().max(1.0)
}

/// Device-pixel size of a canvas drawn at `css_width × css_height`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CanvasSize {
    pub css_width: f64,
    pub css_height: f64,
    pub dpr: f64,
}

impl CanvasSize {
    pub fn device_width(&self) -> f64 {
        (self.css_width * self.dpr).round()
    }
    pub fn device_height(&self) -> f64 {
        (self.css_height * self.dpr).round()
    }
}

/// Resizes the backing store (only when it changed: resizing clears the canvas) and the
/// CSS box. Setting `style.width` through the CSSOM is allowed under a strict `style-src`.
pub fn fit(canvas: &HtmlCanvasElement, css_width: f64, css_height: f64) -> CanvasSize {
    let size = CanvasSize { css_width: css_width.max(1.0), css_height: css_height.max(1.0), dpr: device_pixel_ratio() };
    let (w, h) = (size.device_width() as u32, size.device_height() as u32);
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let style = canvas.style();
    let _ = style.set_property("width", &format!("{}px", size.css_width));
    let _ = style.set_property("height", &format!("{}px", size.css_height));
    size
}

/// A plotters drawing area over the whole canvas, in device pixels.
pub fn drawing_area(canvas: &HtmlCanvasElement) -> Option<DrawingArea<CanvasBackend, Shift>> {
    CanvasBackend::with_canvas_object(canvas.clone()).map(|b| b.into_drawing_area())
}

/// Clears the whole canvas to transparent. plotters cannot: it skips a fill whose colour is
/// fully transparent, so an overlay painted over itself would keep every earlier highlight.
pub fn clear(canvas: &HtmlCanvasElement) {
    use wasm_bindgen::JsCast;
    if let Some(ctx) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()) {
        ctx.clear_rect(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height()));
    }
}
