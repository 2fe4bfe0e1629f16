//! The panel under the trend view's price chart (StockCharts' "RRG indicator"): one symbol's
//! RS-Ratio and RS-Momentum against the benchmark as two lines around 100 over the price
//! chart's dates, a line at 100, and behind them a band coloured by quadrant.
//!
//! The panel shares the price chart's x axis: [`RsLinesView::build`] takes the laid-out price
//! chart and maps a point at table index `i` to the same `x` as the price chart's date `i`, so
//! the dates line up. [`rs_gutters`] says how much room the panel's labels need at the sides,
//! which the price chart reserves ([`super::performance::LineChartSpec::gutters`]).
//!
//! Each point colours the stretch since the point before it (the days its sample closes:
//! with weekly points, its week): the stretch from the previous point's date to its own, in
//! its quadrant. The first point in the period takes its stretch from the period's first day
//! when an earlier point exists, so the band starts at the left edge. Reading a date (hover)
//! gives the point whose stretch holds it: what is under the pointer is what is read.

use super::draw::Brush;
use super::format::Format;
use super::labels::{bold_text_width, text_width, Rect};
use super::messages::Messages;
use super::paint::{Align, Baseline, Painter};
use super::performance::{draw_end_labels, place_end_labels, AxisTick, EndLabel, LineChartView};
use super::scale::{decimals_for_step, nice_step, nice_ticks, padded, LinearScale};
use super::theme::{Palette, Rgb};
use crate::analysis::rotation::{Interval, Quadrant, RotationMethod, RotationPoint};
use crate::analysis::AnalysisError;
use crate::model::RotationSet;

/// The two lines' names, in their order on screen (line 0 and line 1).
pub const LINE_NAMES: [&str; 2] = ["RS-Ratio", "RS-Momentum"];

/// The points of `history` (oldest first) dated in table indices `from..=to`, and the last
/// point before them (where the first one's stretch starts).
pub fn in_period(history: &[RotationPoint], from: usize, to: usize) -> (Option<&RotationPoint>, &[RotationPoint]) {
    let start = history.partition_point(|p| p.index < from);
    let end = history.partition_point(|p| p.index <= to);
    let shown = history.get(start..end.max(start)).unwrap_or_default();
    (start.checked_sub(1).and_then(|k| history.get(k)), shown)
}

/// The history `set` gives `symbol` against `benchmark`, or why the panel has none.
pub fn history_of(set: &Result<RotationSet, AnalysisError>, symbol: usize, benchmark: usize) -> Result<&[RotationPoint], NoPanel> {
    if symbol == benchmark {
        return Err(NoPanel::Benchmark);
    }
    set.as_ref().ok().and_then(|s| s.history(symbol)).ok_or(NoPanel::NoHistory)
}

/// The y axis: domain and ticks (value, label), from the values shown and 100.
fn y_axis(points: &[RotationPoint], top: f64, bottom: f64, ui: f64, fmt: &dyn Format) -> ((f64, f64), Vec<(f64, String)>) {
    let (mut lo, mut hi) = (100.0_f64, 100.0_f64);
    for p in points {
        lo = lo.min(p.rs_ratio).min(p.rs_momentum);
        hi = hi.max(p.rs_ratio).max(p.rs_momentum);
    }
    let (lo, hi) = padded(lo, hi, 0.08);
    let target = ((bottom - top) / (36.0 * ui)).floor().max(2.0) as usize;
    let decimals = decimals_for_step(nice_step(hi - lo, target));
    let ticks = nice_ticks(lo, hi, target).into_iter().map(|v| (v, fmt.number(v, decimals))).collect();
    ((lo, hi), ticks)
}

fn font_px(ui: f64) -> f64 {
    (11.0 * ui.max(0.5)).round()
}

fn margins(ui: f64) -> (f64, f64) {
    (8.0 * ui, 8.0 * ui)
}

/// The room (left, right) in device pixels the panel's tick labels and line names need beside
/// the plot, for `history`'s points in `from..=to` on a panel `height` device pixels tall: the
/// price chart above reserves at least as much, so both plots have the same edges.
pub fn rs_gutters(history: &[RotationPoint], from: usize, to: usize, height: f64, ui: f64, fmt: &dyn Format) -> (f64, f64) {
    let (_, shown) = in_period(history, from, to);
    if shown.is_empty() {
        return (0.0, 0.0);
    }
    let (top, bottom) = margins(ui);
    let font = font_px(ui);
    let (_, ticks) = y_axis(shown, top, height - bottom, ui, fmt);
    let left = ticks.iter().map(|(_, l)| text_width(l, font)).fold(0.0, f64::max) + 10.0 * ui;
    let right = LINE_NAMES.iter().map(|n| bold_text_width(n, font)).fold(0.0, f64::max) + 18.0 * ui;
    (left, right)
}

/// Everything [`RsLinesView::build`] needs.
pub struct RsLinesSpec<'a> {
    /// The symbol's whole rotation history, oldest first.
    pub history: &'a [RotationPoint],
    /// The price chart above, laid out for the same canvas width (its dates, x scale and
    /// plot edges are the panel's).
    pub price: &'a LineChartView,
    /// The panel's height in device pixels.
    pub height: f64,
    /// RS-Ratio's and RS-Momentum's colours.
    pub colours: [Rgb; 2],
}

/// One point of the period, laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct RsPoint {
    pub point: RotationPoint,
    /// Its x (the price chart's x for its date) and the two lines' y.
    pub x: f64,
    pub ratio_y: f64,
    pub momentum_y: f64,
    /// The first table index of its stretch (its own index when it has none before it).
    pub since: usize,
}

/// A run of consecutive stretches in one quadrant, in device pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub left: f64,
    pub right: f64,
    pub quadrant: Quadrant,
}

/// The panel laid out, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct RsLinesView {
    pub width: f64,
    pub height: f64,
    pub ui: f64,
    pub font_px: f64,
    /// Left and right from the price chart's plot; top and bottom the panel's own.
    pub plot: Rect,
    /// The price chart's x scale (table index to pixels) and range.
    pub x: LinearScale,
    pub from: usize,
    pub to: usize,
    pub y: LinearScale,
    /// The y ticks; the one at 100 is major.
    pub y_ticks: Vec<AxisTick>,
    /// Where the line at 100 is.
    pub baseline: f64,
    /// The price chart's date ticks (x), drawn as a faint grid.
    pub x_grid: Vec<f64>,
    pub points: Vec<RsPoint>,
    pub bands: Vec<Band>,
    pub colours: [Rgb; 2],
    /// "RS-Ratio" and "RS-Momentum" at the right end of their lines.
    pub labels: Vec<EndLabel>,
    /// The price chart's note line (its x), continued through the panel.
    pub note_x: Option<f64>,
}

impl RsLinesView {
    /// The panel, or `None` when no point of `history` falls in the price chart's dates.
    pub fn build(spec: &RsLinesSpec, fmt: &dyn Format) -> Option<RsLinesView> {
        let price = spec.price;
        let (from, to) = (price.from, price.to);
        let (before, shown) = in_period(spec.history, from, to);
        if shown.is_empty() {
            return None;
        }
        let ui = price.ui;
        let font = font_px(ui);
        let (top, bottom) = margins(ui);
        let plot = Rect { left: price.plot.left, top, right: price.plot.right, bottom: (spec.height - bottom).max(top + 10.0) };
        let (domain, ticks) = y_axis(shown, plot.top, plot.bottom, ui, fmt);
        let y = LinearScale::new(domain, (plot.bottom, plot.top));
        let y_ticks = ticks.into_iter().map(|(v, label)| AxisTick { px: y.map(v), label, major: (v - 100.0).abs() < 1e-9 }).collect();

        let x = price.x;
        // A stretch starts the day after the previous point (the period's first day at the
        // earliest), or at the point itself when it is the first of the history.
        let mut previous = before.map(|b| b.index);
        let points: Vec<RsPoint> = shown
            .iter()
            .map(|p| {
                let since = previous.map_or(p.index, |q| (q + 1).max(from));
                previous = Some(p.index);
                RsPoint { point: p.clone(), x: x.map(p.index as f64), ratio_y: y.map(p.rs_ratio), momentum_y: y.map(p.rs_momentum), since }
            })
            .collect();

        // A stretch runs from the previous point's x (or the plot's left edge) to its own.
        let mut bands: Vec<Band> = Vec::new();
        let mut left = before.map(|b| x.map(b.index.max(from) as f64));
        for p in &points {
            let start = left.unwrap_or(p.x);
            left = Some(p.x);
            if p.x <= start {
                continue;
            }
            match bands.last_mut() {
                Some(b) if b.quadrant == p.point.quadrant && (b.right - start).abs() < 1e-9 => b.right = p.x,
                _ => bands.push(Band { left: start, right: p.x, quadrant: p.point.quadrant }),
            }
        }

        let ends: Vec<(f64, f64)> = points.last().map(|p| vec![(p.x, p.ratio_y), (p.x, p.momentum_y)]).unwrap_or_default();
        let ends = LINE_NAMES.iter().zip(spec.colours).zip(ends).map(|((name, colour), anchor)| ((*name).to_string(), colour, anchor)).collect();
        let labels = place_end_labels(ends, &plot, font);

        Some(RsLinesView {
            width: price.width,
            height: spec.height,
            ui,
            font_px: font,
            plot,
            x,
            from,
            to,
            baseline: y.map(100.0),
            y,
            y_ticks,
            x_grid: price.x_ticks.iter().map(|t| t.px).collect(),
            points,
            bands,
            colours: spec.colours,
            labels,
            note_x: price.note.as_ref().map(|n| n.x),
        })
    }

    /// The point (its place in [`RsLinesView::points`]) whose stretch holds table index `i`.
    pub fn reading(&self, i: usize) -> Option<usize> {
        let k = self.points.partition_point(|p| p.point.index < i);
        self.points.get(k).filter(|p| p.since <= i).map(|_| k)
    }

    /// The point read at horizontal pixel `x_px`, or `None` outside the plot.
    pub fn reading_at(&self, x_px: f64) -> Option<usize> {
        if x_px < self.plot.left - 1.0 || x_px > self.plot.right + 1.0 {
            return None;
        }
        let i = self.x.invert(x_px).round().max(self.from as f64).min(self.to as f64);
        self.reading(i as usize)
    }

    /// Where line `line` (0 RS-Ratio, 1 RS-Momentum) is at point `k`.
    pub fn line_point(&self, line: usize, k: usize) -> Option<(f64, f64)> {
        let p = self.points.get(k)?;
        match line {
            0 => Some((p.x, p.ratio_y)),
            1 => Some((p.x, p.momentum_y)),
            _ => None,
        }
    }
}

/// Paints the panel (the canvas must be `view.width × view.height`).
pub fn draw_rs_lines(pen: &mut dyn Painter, view: &RsLinesView, palette: &Palette) {
    let brush = Brush::new(view.ui, palette);
    brush.rect(pen, (0.0, 0.0), (view.width, view.height), palette.background, 1.0);
    let p = view.plot;
    for b in &view.bands {
        brush.rect(pen, (b.left, p.top), (b.right, p.bottom), palette.quadrant_colours(b.quadrant).0, 1.0);
    }
    for &x in &view.x_grid {
        brush.line(pen, (x, p.top), (x, p.bottom), palette.grid, 1.0);
    }
    for t in &view.y_ticks {
        if !t.major {
            brush.line(pen, (p.left, t.px), (p.right, t.px), palette.grid, 1.0);
        }
        brush.text(pen, &t.label, (p.left - 6.0 * view.ui, t.px), view.font_px, palette.muted, (Align::Right, Baseline::Middle), false);
    }
    brush.line(pen, (p.left, view.baseline), (p.right, view.baseline), palette.axis, 1.5);
    if let Some(x) = view.note_x {
        super::performance::draw_note_line(pen, &brush, x, &p, palette);
    }
    let [ratio, momentum] = view.colours;
    let line = |pick: fn(&RsPoint) -> f64| view.points.iter().map(|q| (q.x, pick(q))).collect::<Vec<_>>();
    brush.dashed_path(pen, &line(|q| q.momentum_y), momentum, 2.0);
    brush.path(pen, &line(|q| q.ratio_y), ratio, 2.0);
    // A lone point has no line: a dot shows where it is.
    if let [only] = view.points.as_slice() {
        brush.circle(pen, (only.x, only.ratio_y), 3.0, ratio, 1.0, true);
        brush.circle(pen, (only.x, only.momentum_y), 3.0, momentum, 1.0, true);
    }
    draw_end_labels(pen, &brush, &view.labels, p.right, view.ui, view.font_px);
}

/// The crosshair at table index `index` (shared with the price chart), a dot on each line at
/// the point read there, and a focus ring on line `focus.0` at point `focus.1` (keyboard).
pub fn draw_rs_overlay(pen: &mut dyn Painter, view: &RsLinesView, palette: &Palette, index: Option<usize>, focus: Option<(usize, usize)>) {
    pen.clear();
    let brush = Brush::new(view.ui, palette);
    if let Some(i) = index.filter(|i| (view.from..=view.to).contains(i)) {
        let x = view.x.map(i as f64);
        brush.line(pen, (x, view.plot.top), (x, view.plot.bottom), palette.muted, 1.0);
        for (line, colour) in view.colours.iter().enumerate() {
            if let Some(p) = view.reading(i).and_then(|k| view.line_point(line, k)) {
                brush.circle(pen, p, 4.0, palette.background, 1.0, true);
                brush.circle(pen, p, 3.0, *colour, 1.0, true);
            }
        }
    }
    if let Some(p) = focus.and_then(|(line, k)| view.line_point(line, k)) {
        brush.circle(pen, p, 9.5, palette.background, 1.0, false);
        brush.circle(pen, p, 8.0, palette.text, 1.0, false);
    }
}

/// What a point reads in the tooltip: its date, then RS-Ratio, RS-Momentum and quadrant.
pub fn reading_rows(m: &Messages, p: &RotationPoint, fmt: &dyn Format) -> (String, Vec<String>) {
    let quadrant = if p.partial { m.fill("rs.quadrantInProgress", &[("quadrant", m.quadrant(p.quadrant))]) } else { m.quadrant(p.quadrant).to_owned() };
    (
        fmt.date(p.date),
        vec![
            format!("{} {}", LINE_NAMES[0], fmt.number(p.rs_ratio, 2)),
            format!("{} {}", LINE_NAMES[1], fmt.number(p.rs_momentum, 2)),
            quadrant,
        ],
    )
}

/// What the live region says when keyboard focus lands on line `line` at `p`: "IWM RS-Ratio
/// 101.23 on Jul 10, 2026, Leading (RS-Momentum 100.40)".
pub fn announce_point(m: &Messages, symbol: &str, line: usize, p: &RotationPoint, fmt: &dyn Format) -> String {
    let (name, value, other_name, other) = if line == 0 {
        (LINE_NAMES[0], p.rs_ratio, LINE_NAMES[1], p.rs_momentum)
    } else {
        (LINE_NAMES[1], p.rs_momentum, LINE_NAMES[0], p.rs_ratio)
    };
    let (value, date, other) = (fmt.number(value, 2), fmt.date(p.date), fmt.number(other, 2));
    let values = [("symbol", symbol), ("name", name), ("value", &value), ("date", &date), ("quadrant", m.quadrant(p.quadrant)), ("otherName", other_name), ("other", &other)];
    m.fill(if p.partial { "rs.announce.inProgress" } else { "rs.announce" }, &values)
}

/// The panel's one line above it: "IWM against SPY: RS-Ratio (solid) and RS-Momentum
/// (dashed), weekly by Log trend (log-trend); the band behind shows each week's quadrant."
/// The method is named as the rotation view's select and note name it.
pub fn panel_title(m: &Messages, symbol: &str, benchmark: &str, interval: Interval, method: RotationMethod, window: usize) -> String {
    let key = match interval {
        Interval::Weekly => "rs.panelTitle.weekly",
        Interval::Daily => "rs.panelTitle.daily",
    };
    m.fill(key, &[("symbol", symbol), ("benchmark", benchmark), ("method", &super::describe::method_with_settings(m, method, window))])
}

/// Why the panel draws nothing, in one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoPanel {
    /// The symbol is the benchmark.
    Benchmark,
    /// The symbol has no rotation history at all (too few closes shared with the benchmark).
    NoHistory,
    /// It has one, but no point dated in the period.
    NoneInPeriod,
}

pub fn panel_unavailable(m: &Messages, why: NoPanel, symbol: &str, benchmark: &str, interval: Interval, method: RotationMethod, window: usize) -> String {
    let values = [("symbol", symbol), ("benchmark", benchmark)];
    match why {
        NoPanel::Benchmark => m.fill("rs.benchmark", &values),
        NoPanel::NoHistory => {
            let key = match interval {
                Interval::Weekly => "rs.noHistory.weekly",
                Interval::Daily => "rs.noHistory.daily",
            };
            let needed = method.samples_needed(window).to_string();
            m.fill(key, &[("symbol", symbol), ("benchmark", benchmark), ("method", super::describe::method_label(m, method)), ("n", &needed)])
        }
        NoPanel::NoneInPeriod => m.fill("rs.noneInPeriod", &values),
    }
}

/// The panel's accessible name.
pub fn panel_label(m: &Messages, symbol: &str, benchmark: &str) -> String {
    m.fill("rs.panelLabel", &[("symbol", symbol), ("benchmark", benchmark)])
}

/// The trend summary's sentence on the latest point: " Against SPY, its latest RS-Ratio is
/// 101.23 and RS-Momentum 99.87 (Weakening) on Jul 10, 2026."
pub fn describe_latest(m: &Messages, benchmark: &str, p: &RotationPoint, fmt: &dyn Format) -> String {
    let (ratio, momentum, date) = (fmt.number(p.rs_ratio, 2), fmt.number(p.rs_momentum, 2), fmt.date(p.date));
    format!(" {}", m.fill("rs.latest", &[("benchmark", benchmark), ("ratio", &ratio), ("momentum", &momentum), ("quadrant", m.quadrant(p.quadrant)), ("date", &date)]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lines::Line;
    use crate::analysis::Date;
    use crate::chart::format::PlainFormat;
    use crate::chart::performance::{LineChartSpec, PlotLine, ValueKind};

    fn dates(n: usize) -> Vec<Date> {
        let first = Date::parse_iso("2026-01-05").unwrap();
        (0..).map(|i| first.add_days(i)).filter(|d| d.weekday() < 5).take(n).collect()
    }

    fn point(d: &[Date], index: usize, r: f64, m: f64) -> RotationPoint {
        RotationPoint { date: d[index], rs_ratio: r, rs_momentum: m, quadrant: Quadrant::of(r, m), partial: false, index }
    }

    fn price_view(d: &[Date], close: &Line, from: usize, gutters: (f64, f64)) -> LineChartView {
        let lines = [PlotLine { label: "IWM", colour: Rgb(1, 2, 3), dashed: false, faded: false, line: close, unit: None }];
        let spec = LineChartSpec {
            dates: d,
            from,
            to: d.len() - 1,
            lines: &lines,
            kind: ValueKind::Price,
            reference: &[],
            width: 800.0,
            height: 400.0,
            ui: 1.0,
            gutters,
            note: None,
        };
        LineChartView::build(&spec, &PlainFormat)
    }

    /// Weekly points (every fifth day, the Fridays) from index 4: RS-Ratio and RS-Momentum
    /// chosen to visit the quadrants in order Lagging, Improving, Improving, Leading,
    /// Weakening, Weakening, Lagging.
    fn weekly(d: &[Date]) -> Vec<RotationPoint> {
        let values = [(99.0, 99.5), (99.5, 100.5), (99.8, 101.0), (100.5, 101.2), (101.0, 99.8), (100.4, 99.0), (99.6, 98.8)];
        values.iter().enumerate().map(|(k, &(r, m))| point(d, 4 + 5 * k, r, m)).collect()
    }

    #[test]
    fn points_share_the_price_charts_x_for_the_same_dates() {
        let d = dates(40);
        let close = Line { from: 0, values: (0..40).map(|i| 100.0 + i as f64).collect() };
        let history = weekly(&d);
        let gutters = rs_gutters(&history, 0, 39, 160.0, 1.0, &PlainFormat);
        let price = price_view(&d, &close, 0, gutters);
        let view = RsLinesView::build(&RsLinesSpec { history: &history, price: &price, height: 160.0, colours: [Rgb(1, 1, 1), Rgb(2, 2, 2)] }, &PlainFormat).unwrap();
        assert_eq!(view.points.len(), 7);
        for p in &view.points {
            // The price chart's close at the same date sits at exactly the same x.
            let (px, _) = price.lines[0].point_at(p.point.index).unwrap();
            assert_eq!(p.x, px, "{}", p.point.date);
            assert!(view.plot.contains(p.x, p.ratio_y) && view.plot.contains(p.x, p.momentum_y));
        }
        assert_eq!((view.plot.left, view.plot.right), (price.plot.left, price.plot.right));
        // The price chart reserved the panel's room: its gutters are at least what it needs.
        assert!(price.plot.left >= gutters.0 && price.width - price.plot.right >= gutters.1 - 1e-9, "{gutters:?} {:?}", price.plot);
        // The line at 100 is a major tick; RS-Ratio 99.0 is below it (y grows downward).
        assert!(view.y_ticks.iter().any(|t| t.major && t.label == "100" && (t.px - view.baseline).abs() < 1e-9), "{:?}", view.y_ticks);
        assert!(view.points[0].ratio_y > view.baseline);
        assert_eq!(view.labels.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["RS-Ratio", "RS-Momentum"]);
    }

    #[test]
    fn bands_colour_each_stretch_by_the_quadrant_it_ends_in() {
        let d = dates(40);
        let close = Line { from: 0, values: vec![100.0; 40] };
        let history = weekly(&d);
        // The period starts at index 7: the first point in it is the one at 9 (the one at 4
        // is before, so the first stretch starts at the left edge).
        let price = price_view(&d, &close, 7, (0.0, 0.0));
        let view = RsLinesView::build(&RsLinesSpec { history: &history, price: &price, height: 160.0, colours: [Rgb(1, 1, 1), Rgb(2, 2, 2)] }, &PlainFormat).unwrap();
        assert_eq!(view.points.iter().map(|p| p.point.index).collect::<Vec<_>>(), [9, 14, 19, 24, 29, 34]);
        let x = |i: usize| price.x.map(i as f64);
        // Improving twice (merged into one band), Leading, Weakening twice, Lagging.
        assert_eq!(
            view.bands,
            vec![
                Band { left: x(7), right: x(14), quadrant: Quadrant::Improving },
                Band { left: x(14), right: x(19), quadrant: Quadrant::Leading },
                Band { left: x(19), right: x(29), quadrant: Quadrant::Weakening },
                Band { left: x(29), right: x(34), quadrant: Quadrant::Lagging },
            ]
        );
        assert_eq!(view.bands[0].left, view.plot.left, "the band starts at the left edge");
        // Stretches: the first from the period's first day, the others from the day after
        // the previous point.
        assert_eq!(view.points.iter().map(|p| p.since).collect::<Vec<_>>(), [7, 10, 15, 20, 25, 30]);
        // A date reads the point whose stretch holds it, the same quadrant as the band under it.
        assert_eq!(view.reading(7), Some(0));
        assert_eq!(view.reading(9), Some(0));
        assert_eq!(view.reading(10), Some(1));
        assert_eq!(view.reading(14), Some(1));
        assert_eq!(view.reading(34), Some(5));
        assert_eq!(view.reading(35), None, "after the last point nothing is read");
        for i in 7..=34 {
            let k = view.reading(i).unwrap();
            let band = view.bands.iter().find(|b| b.left <= x(i) && x(i) <= b.right).unwrap();
            assert!(band.quadrant == view.points[k].point.quadrant || x(i) == band.left || x(i) == band.right, "index {i}");
        }
        assert_eq!(view.reading_at(x(12) + 0.4), Some(1));
        assert_eq!(view.reading_at(view.plot.left - 5.0), None);
    }

    #[test]
    fn without_a_point_before_the_period_the_band_starts_at_the_first_point() {
        let d = dates(40);
        let close = Line { from: 0, values: vec![100.0; 40] };
        let history = weekly(&d);
        let price = price_view(&d, &close, 0, (0.0, 0.0));
        let view = RsLinesView::build(&RsLinesSpec { history: &history, price: &price, height: 160.0, colours: [Rgb(1, 1, 1), Rgb(2, 2, 2)] }, &PlainFormat).unwrap();
        assert_eq!(view.points[0].since, 4);
        assert_eq!(view.bands[0].left, price.x.map(4.0));
        assert_eq!(view.bands[0].quadrant, Quadrant::Improving, "the first point alone colours nothing");
        assert_eq!(view.reading(3), None);
        assert_eq!(view.reading(4), Some(0));
    }

    #[test]
    fn no_panel_without_a_point_in_the_period() {
        let d = dates(40);
        let close = Line { from: 0, values: vec![100.0; 40] };
        let price = price_view(&d, &close, 0, (0.0, 0.0));
        // The benchmark has no history against itself; a history that ends before the period
        // has no point in it.
        let spec = |history| RsLinesSpec { history, price: &price, height: 160.0, colours: [Rgb(1, 1, 1), Rgb(2, 2, 2)] };
        assert_eq!(RsLinesView::build(&spec(&[]), &PlainFormat), None);
        assert_eq!(rs_gutters(&[], 0, 39, 160.0, 1.0, &PlainFormat), (0.0, 0.0));
        let late = price_view(&d, &close, 35, (0.0, 0.0));
        let history = weekly(&d);
        assert_eq!(RsLinesView::build(&RsLinesSpec { price: &late, ..spec(&history) }, &PlainFormat), None);
        assert_eq!(
            panel_unavailable(&Messages::english(), NoPanel::Benchmark, "SPY", "SPY", Interval::Weekly, RotationMethod::LogTrend, 14),
            "SPY is the benchmark: it has no RS-Ratio or RS-Momentum against itself."
        );
        assert_eq!(
            panel_unavailable(&Messages::english(), NoPanel::NoHistory, "XLC", "SPY", Interval::Weekly, RotationMethod::Zscore, 14),
            "XLC has too few weekly closes shared with SPY for RS-Ratio and RS-Momentum (Z-score (RRG-Lite) needs 27)."
        );
    }

    #[test]
    fn the_benchmark_has_no_panel_and_a_symbol_reads_the_models_history() {
        use crate::analysis::input::parse_contract_json;
        use crate::analysis::rotation::RotationParams;
        use crate::model::{analyze, AnalyzeOptions, Model};
        let closes = |f: fn(f64) -> f64| (0..30).map(|i| format!("{:.4}", f(f64::from(i)))).collect::<Vec<_>>().join(",");
        // From Dec 1, 2025, so the default period (YTD) has its base day.
        let first = Date::parse_iso("2025-12-01").unwrap();
        let d: Vec<Date> = (0..).map(|i| first.add_days(i)).filter(|x| x.weekday() < 5).take(30).collect();
        let json = format!(
            r#"{{"dates":[{}],"series":{{"SPY":[{}],"IWM":[{}]}}}}"#,
            d.iter().map(|x| format!("\"{x}\"")).collect::<Vec<_>>().join(","),
            closes(|i| 100.0 + i),
            closes(|i| 50.0 + (i / 3.0).sin() * 4.0 + i * 0.3)
        );
        let table = parse_contract_json(&json).unwrap();
        let rotation = RotationParams::new(Interval::Daily, 5, 100).unwrap().with_method(RotationMethod::Zscore);
        let options = AnalyzeOptions { rotation, ..AnalyzeOptions::default() };
        let model = Model::new(&table, &options).unwrap();
        let (spy, iwm) = (table.position("SPY").unwrap(), table.position("IWM").unwrap());
        let set = model.rotation_set(spy, Interval::Daily, RotationMethod::Zscore);
        assert_eq!(history_of(&set, spy, spy), Err(NoPanel::Benchmark));
        let history = history_of(&set, iwm, spy).unwrap();
        // The same points analyze() gives for IWM.
        let analysed = analyze(&table, &options).unwrap();
        assert_eq!(analysed.rotation[0].symbol, "IWM");
        assert_eq!(history, analysed.rotation[0].points.iter().map(|p| p.point.clone()).collect::<Vec<_>>().as_slice());
        // Daily points from the ninth day (2w − 1 samples): each colours only its own day.
        let close = Line { from: 0, values: vec![1.0; 30] };
        let price = price_view(&d, &close, 0, rs_gutters(history, 0, 29, 160.0, 1.0, &PlainFormat));
        let view = RsLinesView::build(&RsLinesSpec { history, price: &price, height: 160.0, colours: [Rgb(1, 1, 1), Rgb(2, 2, 2)] }, &PlainFormat).unwrap();
        assert_eq!(view.points.len(), history.len());
        assert_eq!(view.points[0].point.index, 8);
        assert!(view.points.iter().skip(1).all(|p| p.since == p.point.index));
        // A history that cannot be computed (one symbol against a benchmark it does not
        // have): no history.
        assert_eq!(history_of(&set, 99, spy), Err(NoPanel::NoHistory));
    }

    #[test]
    fn words_for_a_point() {
        assert_eq!(
            panel_title(&Messages::english(), "IWM", "SPY", Interval::Weekly, RotationMethod::Zscore, 14),
            "IWM against SPY: RS-Ratio (solid) and RS-Momentum (dashed), weekly by Z-score (RRG-Lite) (zscore, window 14); the band behind shows each week's quadrant."
        );
        let d = dates(10);
        let p = point(&d, 4, 101.234, 99.87);
        assert_eq!(reading_rows(&Messages::english(), &p, &PlainFormat), ("Jan 9, 2026".to_string(), vec!["RS-Ratio 101.23".to_string(), "RS-Momentum 99.87".into(), "Weakening".into()]));
        assert_eq!(announce_point(&Messages::english(), "IWM", 1, &p, &PlainFormat), "IWM RS-Momentum 99.87 on Jan 9, 2026, Weakening (RS-Ratio 101.23)");
        assert_eq!(describe_latest(&Messages::english(), "SPY", &p, &PlainFormat), " Against SPY, its latest RS-Ratio is 101.23 and RS-Momentum 99.87 (Weakening) on Jan 9, 2026.");
    }

    #[test]
    fn draws_bands_lines_and_names_on_an_svg_backend() {
        let d = dates(40);
        let close = Line { from: 0, values: vec![100.0; 40] };
        let history = weekly(&d);
        let price = price_view(&d, &close, 7, (0.0, 0.0));
        let view = RsLinesView::build(&RsLinesSpec { history: &history, price: &price, height: 160.0, colours: [Rgb(200, 10, 10), Rgb(10, 10, 200)] }, &PlainFormat).unwrap();
        let mut painter = crate::chart::paint::SvgPainter::default();
        let palette = Palette::light();
        draw_rs_lines(&mut painter, &view, &palette);
        let svg = painter.body.to_lowercase();
        for q in [Quadrant::Improving, Quadrant::Leading, Quadrant::Weakening, Quadrant::Lagging] {
            assert!(svg.contains(&palette.quadrant_colours(q).0.to_string()), "{q} band drawn");
        }
        assert!(svg.contains("#c80a0a") && svg.contains("#0a0ac8"), "both lines drawn");
        assert!(svg.contains("\nrs-ratio\n") && svg.contains("\nrs-momentum\n"), "both names drawn");
    }
}
