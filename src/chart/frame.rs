//! What goes around a chart in an exported image: the headings, the legend and the data's
//! source line, laid out and painted the same way for the widget's PNG button (over the
//! canvas it copies) and for `rotascope-tool render`'s images (over the native SVG).

use super::curve::Point;
use super::looks::Looks;
use super::messages::Messages;
use super::paint::{Align, Baseline, Ink, Painter, TextStyle};
use super::theme::{Palette, Rgb};
use crate::analysis::period::Period;
use crate::model::{Model, PerfMode};

/// The frame's texts and legend (label, colour), in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageFrame {
    pub title: String,
    /// A second, smaller heading under the title (the view's own, under a configured title).
    pub subtitle: Option<String>,
    pub legend: Vec<(String, Rgb)>,
    pub source: String,
}

/// Sizes in CSS pixels (multiplied by the image's scale).
const PAD: f64 = 12.0;
const TITLE_HEIGHT: f64 = 34.0;
const SUBTITLE_HEIGHT: f64 = 20.0;
const ROW_HEIGHT: f64 = 20.0;
const SOURCE_HEIGHT: f64 = 26.0;
const SWATCH: f64 = 10.0;
const SWATCH_GAP: f64 = 5.0;
const ITEM_GAP: f64 = 16.0;

/// The styles of the frame's texts at `scale`.
pub fn title_style(scale: f64) -> TextStyle {
    style(16.0 * scale, true)
}
pub fn subtitle_style(scale: f64) -> TextStyle {
    style(13.0 * scale, false)
}
pub fn legend_style(scale: f64) -> TextStyle {
    style(12.0 * scale, true)
}
pub fn source_style(scale: f64) -> TextStyle {
    style(11.0 * scale, false)
}

fn style(px: f64, bold: bool) -> TextStyle {
    TextStyle { px: px.round(), bold, align: Align::Left, baseline: Baseline::Middle, upward: false }
}

/// Where the frame's parts go in an image `width` device pixels wide, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameLayout {
    scale: f64,
    /// Each legend item's swatch corner (left, middle of its row), in the legend's order.
    legend_at: Vec<Point>,
    /// Where the chart starts: under the headings and the legend.
    pub chart_top: f64,
    /// The source line's band under the chart.
    pub source_height: f64,
}

impl ImageFrame {
    /// Lays the frame out for an image `width` device pixels wide at `scale` device pixels per
    /// CSS pixel: the legend in rows that fit the width, `measure` giving a text's width in a
    /// style (the canvas measures it; the native images estimate it).
    pub fn layout(&self, width: f64, scale: f64, measure: &dyn Fn(&str, TextStyle) -> f64) -> FrameLayout {
        let (pad, row) = (PAD * scale, ROW_HEIGHT * scale);
        let headings = (TITLE_HEIGHT + if self.subtitle.is_some() { SUBTITLE_HEIGHT } else { 0.0 }) * scale;
        let (mut x, mut rows) = (pad, 0usize);
        let mut legend_at = Vec::with_capacity(self.legend.len());
        for (label, _) in &self.legend {
            let item = (SWATCH + SWATCH_GAP) * scale + measure(label, legend_style(scale));
            if x + item > width - pad && x > pad {
                rows += 1;
                x = pad;
            }
            legend_at.push((x, headings + rows as f64 * row + row / 2.0));
            x += item + ITEM_GAP * scale;
        }
        let legend = if self.legend.is_empty() { 0.0 } else { (rows + 1) as f64 * row + 6.0 * scale };
        FrameLayout { scale, legend_at, chart_top: headings + legend, source_height: SOURCE_HEIGHT * scale }
    }

    /// Paints the headings and the legend above `layout.chart_top`, and the source line under
    /// `chart_bottom` (the background is the caller's).
    pub fn paint(&self, pen: &mut dyn Painter, layout: &FrameLayout, palette: &Palette, chart_bottom: f64) {
        let s = layout.scale;
        let (pad, swatch) = (PAD * s, SWATCH * s);
        let text = Ink::solid(palette.text);
        pen.text(&self.title, (pad, TITLE_HEIGHT * s / 2.0 + 2.0 * s), title_style(s), text);
        if let Some(subtitle) = &self.subtitle {
            pen.text(subtitle, (pad, (TITLE_HEIGHT + SUBTITLE_HEIGHT / 2.0 - 4.0) * s), subtitle_style(s), text);
        }
        for ((label, colour), &(x, y)) in self.legend.iter().zip(&layout.legend_at) {
            pen.fill_rect((x, y - swatch / 2.0), (x + swatch, y + swatch / 2.0), Ink::solid(*colour));
            pen.text(label, (x + swatch + SWATCH_GAP * s, y), legend_style(s), text);
        }
        pen.text(&self.source, (pad, chart_bottom + layout.source_height / 2.0), source_style(s), Ink::solid(palette.muted));
    }
}

/// The rotation graph's legend: each tail's symbol (by its position in the table) in its colour.
pub fn rotation_legend(model: &Model, positions: impl Iterator<Item = usize>, palette: &Palette) -> Vec<(String, Rgb)> {
    positions.map(|p| (model.symbol(p).to_owned(), model.colour(palette, p))).collect()
}

/// The performance chart's legend: each line shown (not `hidden`), labelled and coloured as
/// the chart draws it.
pub fn performance_legend(m: &Messages, model: &Model, palette: &Palette, benchmark: usize, period: Period, mode: PerfMode, hidden: &dyn Fn(usize) -> bool) -> Vec<(String, Rgb)> {
    let lines = model.period_lines(benchmark, period, mode);
    lines
        .shown(benchmark, hidden)
        .map(|(_, (key, _))| {
            let (label, colour, _) = super::words::line_style(m, model, palette, *key, benchmark);
            (label, colour)
        })
        .collect()
}

/// The trend chart's legend: the symbol's closes and its 50- and 200-day averages.
pub fn trend_legend(m: &Messages, model: &Model, palette: &Palette, symbol: usize) -> Vec<(String, Rgb)> {
    vec![
        (model.symbol(symbol).to_owned(), model.colour(palette, symbol)),
        (m.get("trend.sma50").to_owned(), palette.text),
        (m.get("trend.sma200").to_owned(), palette.muted),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::paint::SvgPainter;

    fn frame(legend: &[&str], subtitle: bool) -> ImageFrame {
        ImageFrame {
            title: "Style rotation".into(),
            subtitle: subtitle.then(|| "Relative rotation against SPY · Jun 30, 2026".into()),
            legend: legend.iter().map(|l| (l.to_string(), Rgb(1, 2, 3))).collect(),
            source: "total-return closes".into(),
        }
    }

    /// Every text 10 px per character at any style: widths worked by hand.
    fn ten_per_char(text: &str, _: TextStyle) -> f64 {
        text.chars().count() as f64 * 10.0
    }

    #[test]
    fn the_legend_wraps_into_rows_that_fit_the_width() {
        // Each item: swatch 10 + gap 5 + 30 (three letters) = 45, then 16 between items. From
        // x = 12, items start at 12, 73 and 134 (the third ends at 179, within 200 − 12 = 188);
        // a fourth at 195 would end at 240, so it starts the second row. Rows are 20 high under
        // the 34 px title, each item at its row's middle.
        let layout = frame(&["IWM", "IJR", "SPY", "IVE"], false).layout(200.0, 1.0, &ten_per_char);
        assert_eq!(layout.legend_at, vec![(12.0, 44.0), (73.0, 44.0), (134.0, 44.0), (12.0, 64.0)]);
        // Title 34, two rows of 20 and 6 below them.
        assert_eq!(layout.chart_top, 34.0 + 40.0 + 6.0);
        assert_eq!(layout.source_height, 26.0);
    }

    #[test]
    fn a_subtitle_and_the_scale_move_everything_down_and_out() {
        let layout = frame(&["IWM"], true).layout(800.0, 2.0, &ten_per_char);
        assert_eq!(layout.legend_at, vec![(24.0, (34.0 + 20.0) * 2.0 + 20.0)]);
        assert_eq!(layout.chart_top, (34.0 + 20.0 + 20.0 + 6.0) * 2.0);
        // No legend: the chart starts under the headings.
        assert_eq!(frame(&[], false).layout(800.0, 1.0, &ten_per_char).chart_top, 34.0);
    }

    #[test]
    fn the_frame_paints_headings_swatches_labels_and_the_source_line() {
        let f = frame(&["IWM", "SPY"], true);
        let layout = f.layout(400.0, 1.0, &ten_per_char);
        let mut pen = SvgPainter::default();
        f.paint(&mut pen, &layout, &Palette::light(), 300.0);
        let svg = &pen.body;
        for text in ["Style rotation", "Relative rotation against SPY · Jun 30, 2026", "IWM", "SPY", "total-return closes"] {
            assert!(svg.contains(&format!("\n{text}\n")), "{text} in {svg}");
        }
        assert_eq!(svg.matches("<rect").count(), 2, "one swatch per legend item");
        // The source line sits in the band under the chart: 300 + 26 / 2.
        assert!(svg.contains("x=\"12\" y=\"313\" font-size=\"11\""), "{svg}");
    }
}
