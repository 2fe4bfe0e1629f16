//! The trend view's price chart and RS panel as the widget's canvases and the images both lay
//! them out: the close, its 50- and 200-day averages, the prior high as a reference line, and
//! the panel on the same x axis.

use super::format::Format;
use super::looks::Looks;
use super::performance::{prior_high_labels, LineChartSpec, LineChartView, PlotLine, ReferenceLine, ValueKind};
use super::rs_lines::{history_of, rs_gutters, NoPanel, RsLinesSpec, RsLinesView};
use super::theme::{Palette, Rgb};
use super::messages::Messages;
use crate::analysis::period::Period;
use crate::analysis::rotation::{Interval, RotationMethod};
use crate::analysis::trend::TrendLines;
use crate::model::Model;

/// What the trend view shows, and its canvases' sizes in device pixels.
pub struct TrendSpec {
    pub symbol: usize,
    pub period: Period,
    pub benchmark: usize,
    pub interval: Interval,
    pub method: RotationMethod,
    /// The price chart's width and height, and the RS panel's height (as wide).
    pub width: f64,
    pub height: f64,
    pub panel_height: f64,
    /// Device pixels per CSS pixel.
    pub ui: f64,
    /// The research note's publication day, marked on the price chart and the panel.
    pub published: Option<crate::analysis::Date>,
}

/// The price chart, and the RS panel under it or why there is none (`None`: no trend for the
/// symbol and period). The price chart reserves the panel's label room and the panel takes the
/// price chart's x axis, so their dates line up.
pub fn layout(m: &Messages, model: &Model, spec: &TrendSpec, palette: &Palette, fmt: &dyn Format) -> Option<(LineChartView, Result<RsLinesView, NoPanel>)> {
    let trend = model.trend(spec.symbol, spec.period);
    let (lines, from) = trend.as_ref().as_ref()?;
    let set = model.rotation_set(spec.benchmark, spec.interval, spec.method);
    let history = history_of(&set, spec.symbol, spec.benchmark);
    let gutters = history.map_or((0.0, 0.0), |h| rs_gutters(h, *from, model.to, spec.panel_height, spec.ui, fmt));
    let colour = model.colour(palette, spec.symbol);
    let (plot, reference) = price_lines(m, model.symbol(spec.symbol), colour, lines, palette, fmt);
    let price = LineChartView::build(
        &LineChartSpec {
            dates: &model.table.dates,
            from: *from,
            to: model.to,
            lines: &plot,
            kind: ValueKind::Price,
            reference: &reference,
            width: spec.width,
            height: spec.height,
            ui: spec.ui,
            gutters,
            note: spec.published.map(|d| (d, m.get("label.noteMark"))),
        },
        fmt,
    );
    let panel = history.and_then(|h| {
        RsLinesView::build(&RsLinesSpec { history: h, price: &price, height: spec.panel_height, colours: [colour, palette.text] }, fmt).ok_or(NoPanel::NoneInPeriod)
    });
    Some((price, panel))
}

/// The lines to plot (the close in the symbol's `colour` labelled `symbol`, then the averages
/// that have enough history) and the prior high's reference line, when there is one.
pub fn price_lines<'a>(m: &Messages, symbol: &'a str, colour: Rgb, lines: &'a TrendLines, palette: &Palette, fmt: &dyn Format) -> (Vec<PlotLine<'a>>, Vec<ReferenceLine>) {
    let mut plot = vec![PlotLine { label: symbol, colour, dashed: false, faded: false, line: &lines.close, unit: None }];
    if let Some(l) = &lines.sma50 {
        plot.push(PlotLine { label: m.get("trend.sma50"), colour: palette.text, dashed: false, faded: false, line: l, unit: None });
    }
    if let Some(l) = &lines.sma200 {
        plot.push(PlotLine { label: m.get("trend.sma200"), colour: palette.muted, dashed: true, faded: false, line: l, unit: None });
    }
    let s = &lines.summary;
    let reference = s
        .prior_high
        .zip(s.prior_high_date)
        .map(|(high, date)| ReferenceLine { value: high, labels: prior_high_labels(m, high, date, s.from_high_pct, fmt), colour: palette.quadrant_text[2] })
        .into_iter()
        .collect();
    (plot, reference)
}
