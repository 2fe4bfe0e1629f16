//! The surface charts paint on: a handful of primitives in device pixels, shaped so a chart
//! can batch (many dots in one fill, a whole polyline in one stroke). The browser implements
//! it over a Canvas 2D context (`browser::canvas::CanvasPainter`); [`SvgPainter`] writes SVG
//! for native tests. Nothing here is browser-specific.

use super::curve::Point;
use super::theme::Rgb;
use std::fmt::Write;

/// A colour at an opacity in 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ink {
    pub colour: Rgb,
    pub alpha: f64,
}

impl Ink {
    pub fn solid(colour: Rgb) -> Ink {
        Ink { colour, alpha: 1.0 }
    }
    pub fn new(colour: Rgb, alpha: f64) -> Ink {
        Ink { colour, alpha }
    }
}

/// Where a text's anchor point sits horizontally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

/// Where a text's anchor point sits vertically.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
    Bottom,
}

/// How a text is set: size in device pixels, weight, anchor, and whether it reads upward
/// (turned a quarter anticlockwise, as a y-axis title).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub px: f64,
    pub bold: bool,
    pub align: Align,
    pub baseline: Baseline,
    pub upward: bool,
}

/// The drawing primitives. Widths and radii are in device pixels (callers scale by the
/// device pixel ratio). Nothing is drawn for fewer points than a primitive needs.
pub trait Painter {
    /// Makes the whole surface transparent.
    fn clear(&mut self);
    /// Fills the rectangle between two opposite corners.
    fn fill_rect(&mut self, a: Point, b: Point, ink: Ink);
    /// Strokes one open polyline; `dash` is (dash, gap) lengths.
    fn stroke_polyline(&mut self, points: &[Point], ink: Ink, width: f64, dash: Option<(f64, f64)>);
    /// Fills one closed polygon.
    fn fill_polygon(&mut self, points: &[Point], ink: Ink);
    /// Fills a disc of `radius` at each centre, all in one fill: overlapping discs of one call
    /// do not darken each other.
    fn fill_circles(&mut self, centres: &[Point], radius: f64, ink: Ink);
    /// Strokes a circle's outline.
    fn stroke_circle(&mut self, centre: Point, radius: f64, ink: Ink, width: f64);
    fn text(&mut self, text: &str, at: Point, style: TextStyle, ink: Ink);
}

/// Writes what is painted as SVG elements, one per shape (so tests can count circles and find
/// texts): coordinates rounded to whole pixels, opacity written only below 1, texts on a line
/// of their own.
#[derive(Debug, Default)]
pub struct SvgPainter {
    pub body: String,
}

fn opacity(alpha: f64) -> String {
    if alpha < 1.0 {
        format!(" opacity=\"{alpha}\"")
    } else {
        String::new()
    }
}

fn points_attr(points: &[Point]) -> String {
    points.iter().map(|p| format!("{},{}", p.0.round(), p.1.round())).collect::<Vec<_>>().join(" ")
}

impl SvgPainter {
    /// The whole document, `width × height` pixels.
    pub fn document(&self, width: f64, height: f64) -> String {
        format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\">\n{}</svg>\n", self.body)
    }
}

impl Painter for SvgPainter {
    fn clear(&mut self) {
        self.body.clear();
    }

    fn fill_rect(&mut self, a: Point, b: Point, ink: Ink) {
        let (x0, x1) = (a.0.min(b.0).round(), a.0.max(b.0).round());
        let (y0, y1) = (a.1.min(b.1).round(), a.1.max(b.1).round());
        let _ = writeln!(self.body, "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\"{} fill=\"{}\"/>", x1 - x0, y1 - y0, opacity(ink.alpha), ink.colour);
    }

    fn stroke_polyline(&mut self, points: &[Point], ink: Ink, width: f64, dash: Option<(f64, f64)>) {
        if points.len() < 2 {
            return;
        }
        let dash = dash.map_or(String::new(), |(d, g)| format!(" stroke-dasharray=\"{d} {g}\""));
        let _ = writeln!(self.body, "<polyline fill=\"none\"{} stroke=\"{}\" stroke-width=\"{width}\"{dash} points=\"{}\"/>", opacity(ink.alpha), ink.colour, points_attr(points));
    }

    fn fill_polygon(&mut self, points: &[Point], ink: Ink) {
        if points.len() < 3 {
            return;
        }
        let _ = writeln!(self.body, "<polygon{} fill=\"{}\" points=\"{}\"/>", opacity(ink.alpha), ink.colour, points_attr(points));
    }

    fn fill_circles(&mut self, centres: &[Point], radius: f64, ink: Ink) {
        for c in centres {
            let _ = writeln!(self.body, "<circle cx=\"{}\" cy=\"{}\" r=\"{radius}\"{} fill=\"{}\"/>", c.0.round(), c.1.round(), opacity(ink.alpha), ink.colour);
        }
    }

    fn stroke_circle(&mut self, centre: Point, radius: f64, ink: Ink, width: f64) {
        let _ = writeln!(self.body, "<circle cx=\"{}\" cy=\"{}\" r=\"{radius}\"{} fill=\"none\" stroke=\"{}\" stroke-width=\"{width}\"/>", centre.0.round(), centre.1.round(), opacity(ink.alpha), ink.colour);
    }

    fn text(&mut self, text: &str, at: Point, style: TextStyle, ink: Ink) {
        let anchor = match style.align {
            Align::Left => "start",
            Align::Centre => "middle",
            Align::Right => "end",
        };
        let baseline = match style.baseline {
            Baseline::Top => "hanging",
            Baseline::Middle => "middle",
            Baseline::Bottom => "text-after-edge",
        };
        let (x, y) = (at.0.round(), at.1.round());
        let turn = if style.upward { format!(" transform=\"rotate(-90 {x} {y})\"") } else { String::new() };
        let weight = if style.bold { " font-weight=\"bold\"" } else { "" };
        let escaped = text.replace('&', "&amp;").replace('<', "&lt;");
        let _ = writeln!(self.body, "<text x=\"{x}\" y=\"{y}\" font-size=\"{}\"{weight} text-anchor=\"{anchor}\" dominant-baseline=\"{baseline}\"{turn}{} fill=\"{}\">\n{escaped}\n</text>", style.px, opacity(ink.alpha), ink.colour);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_writes_one_element_per_shape_and_skips_degenerate_ones() {
        let mut p = SvgPainter::default();
        let ink = Ink::new(Rgb(200, 10, 10), 0.5);
        p.fill_circles(&[(1.0, 2.0), (3.0, 4.0)], 2.0, ink);
        p.stroke_polyline(&[(0.0, 0.0)], ink, 1.0, None);
        p.fill_polygon(&[(0.0, 0.0), (1.0, 1.0)], ink);
        p.fill_rect((10.4, 20.0), (5.0, 2.0), Ink::solid(Rgb(0, 0, 0)));
        p.text("a<b", (1.0, 1.0), TextStyle { px: 12.0, bold: true, align: Align::Centre, baseline: Baseline::Middle, upward: true }, Ink::solid(Rgb(0, 0, 0)));
        assert_eq!(p.body.matches("<circle").count(), 2);
        assert!(p.body.contains("opacity=\"0.5\" fill=\"#c80a0a\""));
        assert!(!p.body.contains("<polyline") && !p.body.contains("<polygon"));
        assert!(p.body.contains("<rect x=\"5\" y=\"2\" width=\"5\" height=\"18\" fill=\"#000000\"/>"));
        assert!(p.body.contains("\na&lt;b\n") && p.body.contains("rotate(-90 1 1)"));
        p.clear();
        assert!(p.body.is_empty());
    }
}
