//! Canvas sizing for crisp drawing: the backing store is the CSS size times the device pixel
//! ratio, and charts draw in device pixels with `ui = dpr` scaling fonts and strokes.

use crate::chart::curve::Point;
use crate::chart::draw::FONT_FAMILY;
use crate::chart::paint::{Align, Baseline, Ink, Painter, TextStyle};
use crate::chart::Rgb;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

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
    fit_at(canvas, css_width, css_height, device_pixel_ratio())
}

/// [`fit`] at a chosen device pixel ratio (printing draws finer than the screen).
pub fn fit_at(canvas: &HtmlCanvasElement, css_width: f64, css_height: f64, dpr: f64) -> CanvasSize {
    let size = CanvasSize { css_width: css_width.max(1.0), css_height: css_height.max(1.0), dpr };
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

/// [`Painter`] over a canvas's 2D context, in device pixels. It remembers the context's
/// state (colours, opacity, width, dash, font, alignment) and sets only what changes: setting
/// a colour or a font makes the browser parse a CSS string, which for a scene of hundreds of
/// shapes costs more than drawing them.
pub struct CanvasPainter {
    ctx: CanvasRenderingContext2d,
    width: f64,
    height: f64,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    alpha: f64,
    line_width: f64,
    dash: Option<(f64, f64)>,
    font: Option<(f64, bool)>,
    align: Option<Align>,
    baseline: Option<Baseline>,
}

impl CanvasPainter {
    pub fn new(canvas: &HtmlCanvasElement) -> Option<CanvasPainter> {
        let ctx = canvas.get_context("2d").ok().flatten()?.dyn_into::<CanvasRenderingContext2d>().ok()?;
        // The context keeps its state between paints; start from what this painter assumes.
        ctx.set_global_alpha(1.0);
        ctx.set_line_width(1.0);
        let _ = ctx.set_line_dash(&js_sys::Array::new());
        Some(CanvasPainter {
            ctx,
            width: f64::from(canvas.width()),
            height: f64::from(canvas.height()),
            fill: None,
            stroke: None,
            alpha: 1.0,
            line_width: 1.0,
            dash: None,
            font: None,
            align: None,
            baseline: None,
        })
    }

    fn set_alpha(&mut self, alpha: f64) {
        if self.alpha != alpha {
            self.ctx.set_global_alpha(alpha);
            self.alpha = alpha;
        }
    }

    fn set_fill(&mut self, ink: Ink) {
        if self.fill != Some(ink.colour) {
            self.ctx.set_fill_style_str(&ink.colour.to_string());
            self.fill = Some(ink.colour);
        }
        self.set_alpha(ink.alpha);
    }

    fn set_stroke(&mut self, ink: Ink, width: f64, dash: Option<(f64, f64)>) {
        if self.stroke != Some(ink.colour) {
            self.ctx.set_stroke_style_str(&ink.colour.to_string());
            self.stroke = Some(ink.colour);
        }
        if self.line_width != width {
            self.ctx.set_line_width(width);
            self.line_width = width;
        }
        if self.dash != dash {
            let pattern = js_sys::Array::new();
            if let Some((d, g)) = dash {
                pattern.push(&JsValue::from_f64(d));
                pattern.push(&JsValue::from_f64(g));
            }
            let _ = self.ctx.set_line_dash(&pattern);
            self.dash = dash;
        }
        self.set_alpha(ink.alpha);
    }

    fn trace(&self, points: &[Point]) {
        let mut iter = points.iter();
        if let Some(&(x, y)) = iter.next() {
            self.ctx.move_to(x, y);
        }
        for &(x, y) in iter {
            self.ctx.line_to(x, y);
        }
    }
}

fn visible(ink: Ink) -> bool {
    ink.alpha > 0.0
}

impl Painter for CanvasPainter {
    fn clear(&mut self) {
        self.ctx.clear_rect(0.0, 0.0, self.width, self.height);
    }

    fn fill_rect(&mut self, a: Point, b: Point, ink: Ink) {
        if visible(ink) {
            self.set_fill(ink);
            self.ctx.fill_rect(a.0.min(b.0), a.1.min(b.1), (b.0 - a.0).abs(), (b.1 - a.1).abs());
        }
    }

    fn stroke_polyline(&mut self, points: &[Point], ink: Ink, width: f64, dash: Option<(f64, f64)>) {
        if points.len() < 2 || !visible(ink) {
            return;
        }
        self.set_stroke(ink, width, dash);
        self.ctx.begin_path();
        self.trace(points);
        self.ctx.stroke();
    }

    fn fill_polygon(&mut self, points: &[Point], ink: Ink) {
        if points.len() < 3 || !visible(ink) {
            return;
        }
        self.set_fill(ink);
        self.ctx.begin_path();
        self.trace(points);
        self.ctx.close_path();
        self.ctx.fill();
    }

    fn fill_circles(&mut self, centres: &[Point], radius: f64, ink: Ink) {
        if centres.is_empty() || !visible(ink) {
            return;
        }
        self.set_fill(ink);
        self.ctx.begin_path();
        for &(x, y) in centres {
            // A sub-path per disc, so the fill joins none of them with a line.
            self.ctx.move_to(x + radius, y);
            let _ = self.ctx.arc(x, y, radius, 0.0, std::f64::consts::TAU);
        }
        self.ctx.fill();
    }

    fn stroke_circle(&mut self, centre: Point, radius: f64, ink: Ink, width: f64) {
        if !visible(ink) {
            return;
        }
        self.set_stroke(ink, width, None);
        self.ctx.begin_path();
        let _ = self.ctx.arc(centre.0, centre.1, radius, 0.0, std::f64::consts::TAU);
        self.ctx.stroke();
    }

    fn text(&mut self, text: &str, at: Point, style: TextStyle, ink: Ink) {
        if !visible(ink) {
            return;
        }
        self.set_fill(ink);
        if self.font != Some((style.px, style.bold)) {
            let weight = if style.bold { "bold" } else { "normal" };
            self.ctx.set_font(&format!("{weight} {}px {FONT_FAMILY}", style.px));
            self.font = Some((style.px, style.bold));
        }
        if self.align != Some(style.align) {
            self.ctx.set_text_align(match style.align {
                Align::Left => "start",
                Align::Centre => "center",
                Align::Right => "end",
            });
            self.align = Some(style.align);
        }
        if self.baseline != Some(style.baseline) {
            self.ctx.set_text_baseline(match style.baseline {
                Baseline::Top => "top",
                Baseline::Middle => "middle",
                Baseline::Bottom => "bottom",
            });
            self.baseline = Some(style.baseline);
        }
        if style.upward {
            self.ctx.save();
            let _ = self.ctx.translate(at.0, at.1);
            let _ = self.ctx.rotate(-std::f64::consts::FRAC_PI_2);
            let _ = self.ctx.fill_text(text, 0.0, 0.0);
            self.ctx.restore();
        } else {
            let _ = self.ctx.fill_text(text, at.0, at.1);
        }
    }
}
