//! Small drawing helpers over [`Painter`]: line widths, radii, dashes and fonts given in CSS
//! pixels and scaled by the device pixel ratio (`ui`).

use super::curve::Point;
use super::paint::{Align, Baseline, Ink, Painter, TextStyle};
use super::theme::{Palette, Rgb};

pub const FONT_FAMILY: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif";

/// Drawing context: scale factor plus palette.
pub struct Brush<'a> {
    pub ui: f64,
    pub palette: &'a Palette,
}

impl<'a> Brush<'a> {
    pub fn new(ui: f64, palette: &'a Palette) -> Self {
        Brush { ui, palette }
    }

    /// A stroke `width` CSS pixels wide in whole device pixels, never thinner than one.
    fn stroke(&self, width: f64) -> f64 {
        (width * self.ui).round().max(1.0)
    }

    /// A radius in whole device pixels, at least one.
    fn radius(&self, radius: f64) -> f64 {
        (radius * self.ui).round().max(1.0)
    }

    pub fn line(&self, p: &mut dyn Painter, a: Point, b: Point, colour: Rgb, width: f64) {
        p.stroke_polyline(&[a, b], Ink::solid(colour), self.stroke(width), None);
    }

    pub fn path(&self, p: &mut dyn Painter, points: &[Point], colour: Rgb, width: f64) {
        self.path_alpha(p, points, colour, 1.0, width);
    }

    pub fn path_alpha(&self, p: &mut dyn Painter, points: &[Point], colour: Rgb, alpha: f64, width: f64) {
        p.stroke_polyline(points, Ink::new(colour, alpha), self.stroke(width), None);
    }

    /// Dashes of 6 and gaps of 4 CSS pixels.
    pub fn dashed_path(&self, p: &mut dyn Painter, points: &[Point], colour: Rgb, width: f64) {
        p.stroke_polyline(points, Ink::solid(colour), self.stroke(width), Some((6.0 * self.ui, 4.0 * self.ui)));
    }

    pub fn rect(&self, p: &mut dyn Painter, a: Point, b: Point, colour: Rgb, alpha: f64) {
        p.fill_rect(a, b, Ink::new(colour, alpha));
    }

    /// A filled polygon (arrowheads); fewer than three points draw nothing.
    pub fn polygon(&self, p: &mut dyn Painter, points: &[Point], colour: Rgb, alpha: f64) {
        p.fill_polygon(points, Ink::new(colour, alpha));
    }

    /// Discs of `radius` CSS pixels at `centres`, in one fill.
    pub fn dots(&self, p: &mut dyn Painter, centres: &[Point], radius: f64, colour: Rgb, alpha: f64) {
        if !centres.is_empty() {
            p.fill_circles(centres, self.radius(radius), Ink::new(colour, alpha));
        }
    }

    /// A circle of `radius` CSS pixels: a disc, or a 1.5 px outline.
    pub fn circle(&self, p: &mut dyn Painter, c: Point, radius: f64, colour: Rgb, alpha: f64, filled: bool) {
        let r = self.radius(radius);
        if filled {
            p.fill_circles(&[c], r, Ink::new(colour, alpha));
        } else {
            p.stroke_circle(c, r, Ink::new(colour, alpha), self.stroke(1.5));
        }
    }

    /// A text of `font_px` device pixels anchored at `at`.
    #[allow(clippy::too_many_arguments)]
    pub fn text(&self, p: &mut dyn Painter, text: &str, at: Point, font_px: f64, colour: Rgb, anchor: (Align, Baseline), bold: bool) {
        p.text(text, at, TextStyle { px: font_px, bold, align: anchor.0, baseline: anchor.1, upward: false }, Ink::solid(colour));
    }
}
