//! Small drawing helpers over plotters primitives: f64 device pixels in, integer plotters
//! coordinates out, line widths and fonts scaled by the device pixel ratio.

use super::theme::{Palette, Rgb};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub const FONT_FAMILY: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif";

pub fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

pub fn rgba(c: Rgb, alpha: f64) -> RGBAColor {
    RGBAColor(c.0, c.1, c.2, alpha)
}

pub fn px(p: (f64, f64)) -> (i32, i32) {
    (p.0.round() as i32, p.1.round() as i32)
}

/// Drawing context: scale factor plus palette.
pub struct Brush<'a> {
    pub ui: f64,
    pub palette: &'a Palette,
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

impl<'a> Brush<'a> {
    pub fn new(ui: f64, palette: &'a Palette) -> Self {
        Brush { ui, palette }
    }

    fn stroke(&self, width: f64) -> u32 {
        (width * self.ui).round().max(1.0) as u32
    }

    pub fn line<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, a: (f64, f64), b: (f64, f64), colour: Rgb, width: f64) -> DrawResult<DB> {
        area.draw(&PathElement::new(vec![px(a), px(b)], rgb(colour).stroke_width(self.stroke(width))))
    }

    pub fn path<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, points: &[(f64, f64)], colour: Rgb, width: f64) -> DrawResult<DB> {
        self.path_alpha(area, points, colour, 1.0, width)
    }

    pub fn path_alpha<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, points: &[(f64, f64)], colour: Rgb, alpha: f64, width: f64) -> DrawResult<DB> {
        if points.len() < 2 {
            return Ok(());
        }
        let pts: Vec<(i32, i32)> = points.iter().copied().map(px).collect();
        area.draw(&PathElement::new(pts, rgba(colour, alpha).stroke_width(self.stroke(width))))
    }

    pub fn dashed_path<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, points: &[(f64, f64)], colour: Rgb, width: f64) -> DrawResult<DB> {
        if points.len() < 2 {
            return Ok(());
        }
        let pts: Vec<(i32, i32)> = points.iter().copied().map(px).collect();
        let dash = (6.0 * self.ui).round() as i32;
        let gap = (4.0 * self.ui).round() as i32;
        area.draw(&DashedPathElement::new(pts, dash, gap, rgb(colour).stroke_width(self.stroke(width))))
    }

    pub fn rect<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, a: (f64, f64), b: (f64, f64), colour: Rgb, alpha: f64) -> DrawResult<DB> {
        area.draw(&Rectangle::new([px(a), px(b)], rgba(colour, alpha).filled()))
    }

    /// A filled polygon (arrowheads); fewer than three points draw nothing.
    pub fn polygon<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, points: &[(f64, f64)], colour: Rgb, alpha: f64) -> DrawResult<DB> {
        if points.len() < 3 {
            return Ok(());
        }
        let pts: Vec<(i32, i32)> = points.iter().copied().map(px).collect();
        area.draw(&Polygon::new(pts, rgba(colour, alpha).filled()))
    }

    pub fn circle<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, c: (f64, f64), radius: f64, colour: Rgb, alpha: f64, filled: bool) -> DrawResult<DB> {
        let r = (radius * self.ui).round().max(1.0) as i32;
        let style = if filled { rgba(colour, alpha).filled() } else { rgba(colour, alpha).stroke_width(self.stroke(1.5)) };
        area.draw(&Circle::new(px(c), r, style))
    }

    #[allow(clippy::too_many_arguments)]
    pub fn text<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, text: &str, at: (f64, f64), font_px: f64, colour: Rgb, anchor: (HPos, VPos), bold: bool) -> DrawResult<DB> {
        let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
        let font = (FontFamily::Name(FONT_FAMILY), font_px, style).into_font();
        let colour = rgb(colour);
        let ts = TextStyle::from(font).color(&colour).pos(Pos::new(anchor.0, anchor.1));
        area.draw_text(text, &ts, px(at))
    }
}
