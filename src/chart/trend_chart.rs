//! The trend view's price chart as the widget's canvas and the images both draw it: the close,
//! its 50- and 200-day averages, and the prior high as a reference line.

use super::format::Format;
use super::performance::{prior_high_labels, PlotLine, ReferenceLine};
use super::theme::{Palette, Rgb};
use super::words;
use crate::analysis::trend::TrendLines;

/// The lines to plot (the close in the symbol's `colour` labelled `symbol`, then the averages
/// that have enough history) and the prior high's reference line, when there is one.
pub fn price_lines<'a>(symbol: &'a str, colour: Rgb, lines: &'a TrendLines, palette: &Palette, fmt: &dyn Format) -> (Vec<PlotLine<'a>>, Vec<ReferenceLine>) {
    let mut plot = vec![PlotLine { label: symbol, colour, dashed: false, faded: false, line: &lines.close, unit: None }];
    if let Some(l) = &lines.sma50 {
        plot.push(PlotLine { label: words::SMA50, colour: palette.text, dashed: false, faded: false, line: l, unit: None });
    }
    if let Some(l) = &lines.sma200 {
        plot.push(PlotLine { label: words::SMA200, colour: palette.muted, dashed: true, faded: false, line: l, unit: None });
    }
    let s = &lines.summary;
    let reference = s
        .prior_high
        .zip(s.prior_high_date)
        .map(|(high, date)| ReferenceLine { value: high, labels: prior_high_labels(high, date, s.from_high_pct, fmt), colour: palette.quadrant_text[2] })
        .into_iter()
        .collect();
    (plot, reference)
}
