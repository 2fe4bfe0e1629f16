//! The line chart behind the performance and trend views: % change from the period start
//! (benchmark dashed), ratio to the benchmark, a spread in percentage points, or prices with
//! moving averages and a reference line (the prior high).
//!
//! [`LineChartView::build`] turns lines into pixels once; [`draw_line_chart`] paints a view
//! on any [`Painter`]. Hover maps a pixel back to a date with [`LineChartView::index_at`]
//! without recomputing anything.

use super::draw::Brush;
use super::paint::{Align, Baseline, Painter};
use super::format::Format;
use super::messages::Messages;
use super::labels::{bold_text_width, spread_1d, text_width, Rect};
use super::scale::{decimals_for_step, nice_step, nice_ticks, padded, time_ticks, LinearScale, TimeStep};
use super::theme::{Palette, Rgb};
use crate::analysis::lines::Line;
use crate::analysis::Date;
use crate::model::PerfMode;

/// What the y values mean, which fixes the baseline and the label format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// % change from the base day; baseline 0.
    PercentChange,
    /// Ratio to the benchmark rebased to 100; baseline 100.
    Ratio,
    /// Spread in percentage points; baseline 0.
    Spread,
    /// Prices; no baseline (the range fits the data).
    Price,
}

impl ValueKind {
    /// What a performance mode's lines hold.
    pub fn of(mode: PerfMode) -> ValueKind {
        match mode {
            PerfMode::PercentChange => ValueKind::PercentChange,
            PerfMode::Ratio => ValueKind::Ratio,
            PerfMode::BasketSpread => ValueKind::Spread,
        }
    }

    pub fn baseline(self) -> Option<f64> {
        match self {
            ValueKind::Ratio => Some(100.0),
            ValueKind::Price => None,
            _ => Some(0.0),
        }
    }

    /// The value as shown in labels and tooltips.
    pub fn format(self, fmt: &dyn Format, value: f64) -> String {
        match self {
            ValueKind::PercentChange => fmt.percent(value, 1),
            ValueKind::Ratio => fmt.number(value, 1),
            ValueKind::Spread => fmt.points(value, 1),
            ValueKind::Price => fmt.number(value, 2),
        }
    }

    fn tick_label(self, fmt: &dyn Format, value: f64, decimals: usize) -> String {
        match self {
            ValueKind::PercentChange => fmt.percent(value, decimals),
            ValueKind::Ratio | ValueKind::Price => fmt.number(value, decimals),
            ValueKind::Spread => fmt.points(value, decimals),
        }
    }
}

/// A horizontal line at a value, labelled (e.g. the prior high).
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceLine {
    pub value: f64,
    /// The label's wordings, longest first: the chart writes the longest that fits in the plot
    /// (a phone's plot is narrow), else the shortest.
    pub labels: Vec<String>,
    pub colour: Rgb,
}

/// The prior high's label, longest first: "Prior high 300.45 · Jun 30, 2026 · −2.3% from it",
/// then without the date, then shorter ("Prior high 300.45 · −2.3%", "High 300.45 · −2.3%").
pub fn prior_high_labels(m: &Messages, high: f64, date: Date, from_high_pct: Option<f64>, fmt: &dyn Format) -> Vec<String> {
    let (value, day) = (fmt.number(high, 2), fmt.date(date));
    let keys: &[&'static str] = match from_high_pct {
        Some(_) => &["summary.priorHigh.datedChange", "summary.priorHigh.change", "summary.priorHigh.shortChange", "summary.priorHigh.shortestChange"],
        None => &["summary.priorHigh.dated", "summary.priorHigh.value", "summary.priorHigh.shortest"],
    };
    let change = from_high_pct.map(|d| fmt.percent(d, 1)).unwrap_or_default();
    keys.iter().map(|key| m.fill(key, &[("high", &value), ("date", &day), ("change", &change)])).collect()
}

/// One line to plot.
#[derive(Debug, Clone)]
pub struct PlotLine<'a> {
    pub label: &'a str,
    pub colour: Rgb,
    pub dashed: bool,
    /// Drawn thin and pale while another line is highlighted.
    pub faded: bool,
    pub line: &'a Line,
    /// How this line's own value is written, when it differs from the axis (a basket's
    /// % change on a spread chart).
    pub unit: Option<ValueKind>,
}

/// Everything [`LineChartView::build`] needs.
pub struct LineChartSpec<'a> {
    /// The table's dates; lines index into them.
    pub dates: &'a [Date],
    /// Inclusive index range on the x axis.
    pub from: usize,
    pub to: usize,
    pub lines: &'a [PlotLine<'a>],
    pub kind: ValueKind,
    pub reference: &'a [ReferenceLine],
    /// Canvas size in device pixels, and device pixels per CSS pixel.
    pub width: f64,
    pub height: f64,
    pub ui: f64,
    /// The least room (left, right) in device pixels beside the plot: a panel below that
    /// shares the x axis reserves its labels' room here, so both plots have the same edges.
    pub gutters: (f64, f64),
    /// The research note's publication day and its label ("Note"): marked by a dashed
    /// vertical line at the first shown date on or after it.
    pub note: Option<(Date, &'a str)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AxisTick {
    pub px: f64,
    pub label: String,
    /// Baseline (y) or year boundary (x): drawn stronger.
    pub major: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineView {
    /// How this line's values are written.
    pub unit: ValueKind,
    pub label: String,
    pub colour: Rgb,
    pub dashed: bool,
    pub faded: bool,
    /// Table index of the first point.
    pub start: usize,
    pub points: Vec<(f64, f64)>,
}

impl LineView {
    /// The point at table index `i`, if the line has one.
    pub fn point_at(&self, i: usize) -> Option<(f64, f64)> {
        i.checked_sub(self.start).and_then(|k| self.points.get(k).copied())
    }
}

/// A reference line laid out: its y and where its label goes (inside the plot: above the
/// line, or below it when the line runs along the plot's top).
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceView {
    pub y: f64,
    pub label: String,
    pub colour: Rgb,
    /// The label's box (bold text at the chart's font size).
    pub label_box: Rect,
}

impl ReferenceView {
    fn lay_out(r: &ReferenceLine, y: f64, plot: &Rect, font_px: f64, ui: f64) -> ReferenceView {
        let gap = 6.0 * ui;
        let room = plot.width() - 2.0 * gap;
        let fits = r.labels.iter().find(|l| bold_text_width(l, font_px) <= room);
        let label = fits.or(r.labels.last()).cloned().unwrap_or_default();
        let width = bold_text_width(&label, font_px);
        let (height, lift) = (font_px * 1.2, 3.0 * ui);
        let top = if y - lift - height >= plot.top { y - lift - height } else { y + lift };
        let left = plot.left + gap;
        ReferenceView { y, label, colour: r.colour, label_box: Rect { left, top, right: left + width, bottom: top + height } }
    }
}

/// The research note's publication marked on the x axis: a dashed vertical line at table
/// index `index` (the first shown date on or after the day), its label in a box at the plot's
/// top beside the line (at the bottom when the reference line's label is there).
#[derive(Debug, Clone, PartialEq)]
pub struct NoteMark {
    pub index: usize,
    /// Whether the marked date is the publication day or the first trading day after it.
    pub day: NoteDay,
    pub x: f64,
    pub label: String,
    pub label_box: Rect,
}

impl NoteMark {
    /// The mark at table index `index`, its label clear of the reference lines' labels and
    /// inside the plot on both sides (right of the line, else left of it, else against the
    /// plot's edge); on a plot narrower than the label, the line alone (`label` empty).
    #[allow(clippy::too_many_arguments)]
    fn lay_out(index: usize, day: NoteDay, label: &str, x: &LinearScale, plot: &Rect, avoid: &[ReferenceView], font_px: f64, ui: f64) -> NoteMark {
        let x = x.map(index as f64);
        let (gap, width, height) = (4.0 * ui, bold_text_width(label, font_px) + 6.0 * ui, font_px * 1.3);
        let left = if x + gap + width <= plot.right { x + gap } else { x - gap - width };
        let left = left.min(plot.right - width).max(plot.left);
        let top_box = Rect { left, top: plot.top + 2.0 * ui, right: left + width, bottom: plot.top + 2.0 * ui + height };
        let clashes = |b: &Rect| avoid.iter().any(|r| r.label_box.left < b.right && b.left < r.label_box.right && r.label_box.top < b.bottom && b.top < r.label_box.bottom);
        let label_box = if clashes(&top_box) { Rect { top: plot.bottom - 2.0 * ui - height, bottom: plot.bottom - 2.0 * ui, ..top_box } } else { top_box };
        let label = if width <= plot.right - plot.left { label.to_owned() } else { String::new() };
        NoteMark { index, day, x, label, label_box }
    }
}

/// How a marked date stands to the note's publication day: the day itself, or the first date
/// after it (the note came out on a weekend or holiday, or between two points of a tail).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteDay {
    Published,
    FirstSince,
}

impl NoteDay {
    /// `marked` (on or after `published`) as it stands to `published`.
    pub fn of(marked: Date, published: Date) -> NoteDay {
        if marked == published { NoteDay::Published } else { NoteDay::FirstSince }
    }
}

/// The table index in `from..=to` that marks the note published on `day`: the first date on or
/// after it (dates ascending; a weekend or holiday marks the next trading day). `None` when
/// that date is outside `from..=to` or `day` is before the table's first date.
pub fn note_index(dates: &[Date], from: usize, to: usize, day: Date) -> Option<usize> {
    let i = dates.partition_point(|d| *d < day);
    let before_data = i == 0 && dates.first() != Some(&day);
    ((from..=to).contains(&i) && i < dates.len() && !before_data).then_some(i)
}

/// The value tag at the right end of a line, moved vertically to avoid its neighbours.
#[derive(Debug, Clone, PartialEq)]
pub struct EndLabel {
    pub text: String,
    pub colour: Rgb,
    /// Where the line ends.
    pub anchor: (f64, f64),
    /// Where the label's vertical centre was placed.
    pub y: f64,
}

/// A laid-out line chart, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChartView {
    pub width: f64,
    pub height: f64,
    pub ui: f64,
    pub plot: Rect,
    pub from: usize,
    pub to: usize,
    pub x: LinearScale,
    pub y: LinearScale,
    pub kind: ValueKind,
    pub y_ticks: Vec<AxisTick>,
    pub x_ticks: Vec<AxisTick>,
    pub lines: Vec<LineView>,
    pub end_labels: Vec<EndLabel>,
    pub reference: Vec<ReferenceView>,
    pub note: Option<NoteMark>,
    pub font_px: f64,
}

impl LineChartView {
    /// Whether table index `i` is the note's marked day, and which: a reading says it.
    pub fn note_day_at(&self, i: usize) -> Option<NoteDay> {
        self.note.as_ref().filter(|n| n.index == i).map(|n| n.day)
    }

    pub fn build(spec: &LineChartSpec, fmt: &dyn Format) -> LineChartView {
        let ui = spec.ui.max(0.5);
        let font_px = (11.0 * ui).round();
        let (from, to) = (spec.from, spec.to.max(spec.from));
        let baseline = spec.kind.baseline();

        let (mut lo, mut hi) = baseline.map_or((f64::INFINITY, f64::NEG_INFINITY), |b| (b, b));
        let values = spec.lines.iter().flat_map(|l| (from..=to).filter_map(move |i| l.line.at(i)));
        for v in values.chain(spec.reference.iter().map(|r| r.value)) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        let (lo, hi) = padded(lo, hi, 0.06);

        let top = 12.0 * ui;
        let bottom = spec.height - 24.0 * ui;
        let y_target = ((bottom - top) / (48.0 * ui)).floor().max(2.0) as usize;
        let step = nice_step(hi - lo, y_target);
        let decimals = decimals_for_step(step);
        let y_values = nice_ticks(lo, hi, y_target);
        let y_labels: Vec<String> = y_values.iter().map(|&v| spec.kind.tick_label(fmt, v, decimals)).collect();
        let left_gutter = (y_labels.iter().map(|l| text_width(l, font_px)).fold(0.0, f64::max) + 10.0 * ui).max(spec.gutters.0);

        let end_texts: Vec<String> = spec
            .lines
            .iter()
            .map(|l| {
                let last = l.line.at(to).unwrap_or_else(|| l.line.last());
                format!("{} {}", l.label, l.unit.unwrap_or(spec.kind).format(fmt, last))
            })
            .collect();
        let right_gutter =
            (end_texts.iter().map(|t| bold_text_width(t, font_px)).fold(0.0, f64::max) + 18.0 * ui).max(spec.gutters.1);

        let plot = Rect { left: left_gutter, top, right: (spec.width - right_gutter).max(left_gutter + 10.0), bottom };
        let x = LinearScale::new((from as f64, to as f64), (plot.left, plot.right));
        let y = LinearScale::new((lo, hi), (plot.bottom, plot.top));

        let y_ticks = y_values
            .iter()
            .zip(y_labels)
            .map(|(&v, label)| AxisTick { px: y.map(v), label, major: baseline.is_some_and(|b| (v - b).abs() < step * 1e-6) })
            .collect();

        let shown = spec.dates.get(from..=to.min(spec.dates.len().saturating_sub(1))).unwrap_or_default();
        let (time_step, ticks) = time_ticks(shown, plot.width(), 64.0 * ui);
        let x_ticks = ticks
            .into_iter()
            .map(|t| {
                let label = match time_step {
                    TimeStep::Year => fmt.year(t.date),
                    _ if t.year_start => fmt.year(t.date),
                    TimeStep::Week => fmt.month_day(t.date),
                    _ => fmt.month(t.date),
                };
                AxisTick { px: x.map((from + t.index) as f64), label, major: t.year_start }
            })
            .collect();

        let lines: Vec<LineView> = spec
            .lines
            .iter()
            .map(|l| LineView {
                unit: l.unit.unwrap_or(spec.kind),
                label: l.label.to_owned(),
                colour: l.colour,
                dashed: l.dashed,
                faded: l.faded,
                start: from.max(l.line.from),
                points: (from.max(l.line.from)..=to).filter_map(|i| l.line.at(i).map(|v| (x.map(i as f64), y.map(v)))).collect(),
            })
            .collect();

        let ends = end_texts
            .into_iter()
            .zip(spec.lines)
            .zip(&lines)
            .map(|((text, l), drawn)| (text, l.colour, drawn.points.last().copied().unwrap_or((plot.right, (plot.top + plot.bottom) / 2.0))))
            .collect();
        let end_labels = place_end_labels(ends, &plot, font_px);
        let reference: Vec<ReferenceView> = spec.reference.iter().map(|r| ReferenceView::lay_out(r, y.map(r.value), &plot, font_px, ui)).collect();
        let note = spec.note.and_then(|(day, label)| {
            let i = note_index(spec.dates, from, to, day)?;
            Some(NoteMark::lay_out(i, NoteDay::of(*spec.dates.get(i)?, day), label, &x, &plot, &reference, font_px, ui))
        });

        LineChartView {
            width: spec.width,
            height: spec.height,
            ui,
            plot,
            from,
            to,
            x,
            y,
            kind: spec.kind,
            y_ticks,
            x_ticks,
            lines,
            end_labels,
            reference,
            note,
            font_px,
        }
    }

    /// The table index under horizontal pixel `x_px`, or `None` outside the plot.
    pub fn index_at(&self, x_px: f64) -> Option<usize> {
        if x_px < self.plot.left - 1.0 || x_px > self.plot.right + 1.0 {
            return None;
        }
        // Not `clamp`, which panics when `from > to`.
        let i = self.x.invert(x_px).round().max(self.from as f64).min(self.to as f64);
        Some(i as usize)
    }
}

/// Paints `view` onto `area` (which must be `view.width × view.height`).
pub fn draw_line_chart(
    pen: &mut dyn Painter,
    view: &LineChartView,
    palette: &Palette,
) {
    let brush = Brush::new(view.ui, palette);
    brush.rect(pen, (0.0, 0.0), (view.width, view.height), palette.background, 1.0);
    let p = view.plot;

    for t in &view.x_ticks {
        let colour = if t.major { palette.axis } else { palette.grid };
        brush.line(pen, (t.px, p.top), (t.px, p.bottom), colour, 1.0);
        brush.text(pen, &t.label, (t.px, p.bottom + 6.0 * view.ui), view.font_px, palette.muted, (Align::Centre, Baseline::Top), false);
    }
    for t in &view.y_ticks {
        let (colour, width) = if t.major { (palette.axis, 1.5) } else { (palette.grid, 1.0) };
        brush.line(pen, (p.left, t.px), (p.right, t.px), colour, width);
        brush.text(pen, &t.label, (p.left - 6.0 * view.ui, t.px), view.font_px, palette.muted, (Align::Right, Baseline::Middle), false);
    }

    // Faded lines first so the highlighted one sits on top.
    let mut order: Vec<&LineView> = view.lines.iter().collect();
    crate::analysis::sorting::sort_by_key(&mut order, |l| !l.faded);
    for l in order {
        let colour = if l.faded { l.colour.mix(palette.background, 0.7) } else { l.colour };
        let width = if l.faded { 1.0 } else { 2.0 };
        if l.dashed {
            brush.dashed_path(pen, &l.points, colour, width);
        } else {
            brush.path(pen, &l.points, colour, width);
        }
    }

    for r in &view.reference {
        brush.dashed_path(pen, &[(p.left, r.y), (p.right, r.y)], r.colour, 1.2);
        let b = r.label_box;
        brush.text(pen, &r.label, (b.left, (b.top + b.bottom) / 2.0), view.font_px, r.colour, (Align::Left, Baseline::Middle), true);
    }

    if let Some(n) = &view.note {
        draw_note_line(pen, &brush, n.x, &p, palette);
    }
    if let Some(n) = view.note.as_ref().filter(|n| !n.label.is_empty()) {
        let b = n.label_box;
        brush.rect(pen, (b.left, b.top), (b.right, b.bottom), palette.background, 0.85);
        brush.text(pen, &n.label, ((b.left + b.right) / 2.0, (b.top + b.bottom) / 2.0), view.font_px, palette.muted, (Align::Centre, Baseline::Middle), true);
    }

    draw_end_labels(pen, &brush, &view.end_labels, p.right, view.ui, view.font_px);
}

/// The note's dashed vertical line at `x` over `plot` (the line charts and the RS panel).
pub fn draw_note_line(pen: &mut dyn Painter, brush: &Brush, x: f64, plot: &Rect, palette: &Palette) {
    brush.dashed_path(pen, &[(x, plot.top), (x, plot.bottom)], palette.muted, 1.5);
}

/// Labels for lines ending at their anchors ((text, colour, anchor)), moved apart vertically so
/// none overlaps another and all stay inside the plot (the line charts and the RS panel).
pub fn place_end_labels(ends: Vec<(String, Rgb, (f64, f64))>, plot: &Rect, font_px: f64) -> Vec<EndLabel> {
    let label_h = font_px * 1.45;
    let wanted: Vec<f64> = ends.iter().map(|(_, _, anchor)| anchor.1).collect();
    let placed = spread_1d(&wanted, label_h, plot.top + label_h / 2.0, plot.bottom - label_h / 2.0);
    ends.into_iter().zip(placed).map(|((text, colour, anchor), y)| EndLabel { text, colour, anchor, y }).collect()
}

/// Line-end labels right of the plot, each with a leader from its line's end when it had to
/// move away from it (the performance and trend charts and the RS panel share them).
pub fn draw_end_labels(pen: &mut dyn Painter, brush: &Brush, labels: &[EndLabel], plot_right: f64, ui: f64, font_px: f64) {
    let gap = 6.0 * ui;
    for label in labels {
        let (ax, ay) = label.anchor;
        if (label.y - ay).abs() > 1.0 {
            brush.path(pen, &[(ax, ay), (plot_right + gap * 0.6, label.y)], label.colour, 1.0);
        }
        brush.text(pen, &label.text, (plot_right + gap, label.y), font_px, label.colour, (Align::Left, Baseline::Middle), true);
    }
}

/// Paints the crosshair at table index `index` (vertical line, a dot on each line) on a
/// transparent overlay, with a focus ring around line `focus`'s dot (keyboard navigation),
/// over line `highlighted` drawn bold above a wash of the plot.
pub fn draw_line_overlay(
    pen: &mut dyn Painter,
    view: &LineChartView,
    palette: &Palette,
    index: Option<usize>,
    focus: Option<usize>,
    highlighted: Option<usize>,
) {
    pen.clear();
    let brush = Brush::new(view.ui, palette);
    // The hovered symbol's line over a wash of the rest: hover never rebuilds the scene.
    if let Some(l) = highlighted.and_then(|k| view.lines.get(k)) {
        let p = view.plot;
        brush.rect(pen, (p.left, p.top), (p.right, p.bottom), palette.background, crate::chart::rotation::HIGHLIGHT_WASH);
        if l.dashed {
            brush.dashed_path(pen, &l.points, l.colour, 2.6);
        } else {
            brush.path(pen, &l.points, l.colour, 2.6);
        }
    }
    let Some(i) = index else { return };
    let x = view.x.map(i as f64);
    brush.line(pen, (x, view.plot.top), (x, view.plot.bottom), palette.muted, 1.0);
    for l in view.lines.iter().filter(|l| !l.faded) {
        if let Some(p) = l.point_at(i) {
            brush.circle(pen, p, 4.0, palette.background, 1.0, true);
            brush.circle(pen, p, 3.0, l.colour, 1.0, true);
        }
    }
    if let Some(p) = focus.and_then(|k| view.lines.get(k)).and_then(|l| l.point_at(i)) {
        brush.circle(pen, p, 9.5, palette.background, 1.0, false);
        brush.circle(pen, p, 8.0, palette.text, 1.0, false);
    }
}

/// A date's readings, highest value first (the tooltip's rows).
pub fn best_first(mut rows: Vec<(f64, String)>) -> Vec<String> {
    crate::analysis::sorting::sort_by(&mut rows, |a, b| b.0.total_cmp(&a.0));
    rows.into_iter().map(|r| r.1).collect()
}

/// Each return's bar in the returns table: its class (up or down) and its width, a share of
/// the widest return's.
pub fn return_bars(returns: &[f64]) -> Vec<(&'static str, String)> {
    let widest = returns.iter().map(|r| r.abs()).fold(0.0_f64, f64::max).max(1e-9);
    returns
        .iter()
        .map(|&r| (if r >= 0.0 { "rs-bar rs-bar-up" } else { "rs-bar rs-bar-down" }, super::markup::percent_of(r.abs(), widest)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::format::PlainFormat;

    #[test]
    fn each_mode_has_its_kind_of_value() {
        assert_eq!(ValueKind::of(PerfMode::PercentChange), ValueKind::PercentChange);
        assert_eq!(ValueKind::of(PerfMode::Ratio), ValueKind::Ratio);
        assert_eq!(ValueKind::of(PerfMode::BasketSpread), ValueKind::Spread);
    }

    #[test]
    fn readings_go_highest_first_and_ties_keep_their_order() {
        let rows = vec![(-1.0, "a".to_string()), (3.0, "b".to_string()), (0.5, "c".to_string()), (3.0, "d".to_string())];
        assert_eq!(best_first(rows), ["b", "d", "c", "a"]);
        assert!(best_first(Vec::new()).is_empty());
    }

    #[test]
    fn return_bars_are_shares_of_the_widest_return() {
        // The widest is 8 (in size): 4 is half of it, −8 all of it, going down.
        assert_eq!(
            return_bars(&[4.0, -8.0, 0.0]),
            [("rs-bar rs-bar-up", "50.0%".to_string()), ("rs-bar rs-bar-down", "100.0%".to_string()), ("rs-bar rs-bar-up", "0.0%".to_string())]
        );
        // All flat: no division by zero.
        assert_eq!(return_bars(&[0.0]), [("rs-bar rs-bar-up", "0.0%".to_string())]);
    }

    fn dates(n: usize) -> Vec<Date> {
        let first = Date::parse_iso("2025-12-01").unwrap();
        (0..).map(|i| first.add_days(i)).filter(|d| d.weekday() < 5).take(n).collect()
    }

    fn spec<'a>(d: &'a [Date], lines: &'a [PlotLine<'a>]) -> LineChartSpec<'a> {
        LineChartSpec { dates: d, from: 0, to: d.len() - 1, lines, kind: ValueKind::PercentChange, reference: &[], width: 800.0, height: 400.0, ui: 1.0, gutters: (0.0, 0.0), note: None }
    }

    #[test]
    fn view_fits_every_point_inside_the_plot_and_maps_back_to_dates() {
        let d = dates(60);
        let up = Line { from: 0, values: (0..60).map(|i| i as f64 * 0.5).collect() };
        let down = Line { from: 0, values: (0..60).map(|i| -(i as f64) * 0.2).collect() };
        let lines = [
            PlotLine { label: "UP", colour: Rgb(1, 2, 3), dashed: false, faded: false, line: &up, unit: None },
            PlotLine { label: "SPY", colour: Rgb(4, 5, 6), dashed: true, faded: false, line: &down, unit: None },
        ];
        let v = LineChartView::build(&spec(&d, &lines), &PlainFormat);
        for l in &v.lines {
            assert_eq!(l.points.len(), 60);
            for &(x, y) in &l.points {
                assert!(v.plot.contains(x, y), "({x}, {y}) outside {:?}", v.plot);
            }
        }
        // First point of each line is at the left edge, on the 0 % baseline.
        let zero = v.y_ticks.iter().find(|t| t.major).expect("baseline tick");
        assert_eq!(zero.label, "0%");
        assert!((v.lines[0].points[0].1 - zero.px).abs() < 1e-9);
        // Hit-testing inverts the x mapping exactly at every point.
        for (i, &(x, _)) in v.lines[0].points.iter().enumerate() {
            assert_eq!(v.index_at(x), Some(i));
        }
        assert_eq!(v.index_at(v.plot.left - 5.0), None);
        assert_eq!(v.end_labels[0].text, "UP +29.5%");
        assert_eq!(v.end_labels[1].text, "SPY −11.8%");
    }

    #[test]
    fn a_line_may_write_its_value_in_its_own_unit() {
        let d = dates(10);
        let basket = Line { from: 0, values: (0..10).map(|i| i as f64).collect() };
        let spread = Line { from: 0, values: (0..10).map(|i| i as f64 / 2.0).collect() };
        let lines = [
            PlotLine { label: "small", colour: Rgb(1, 1, 1), dashed: false, faded: false, line: &basket, unit: Some(ValueKind::PercentChange) },
            PlotLine { label: "small − large", colour: Rgb(2, 2, 2), dashed: false, faded: false, line: &spread, unit: None },
        ];
        let v = LineChartView::build(&LineChartSpec { kind: ValueKind::Spread, ..spec(&d, &lines) }, &PlainFormat);
        assert_eq!(v.end_labels[0].text, "small +9.0%");
        assert_eq!(v.end_labels[1].text, "small − large +4.5 pp");
        assert!(v.y_ticks.iter().all(|t| t.label.ends_with("pp")));
    }

    #[test]
    fn price_charts_fit_the_data_and_hold_reference_lines() {
        let d = dates(50);
        let price = Line { from: 10, values: (10..50).map(|i| 200.0 + i as f64).collect() };
        let lines = [PlotLine { label: "P", colour: Rgb(1, 1, 1), dashed: false, faded: false, line: &price, unit: None }];
        let reference = [ReferenceLine { value: 300.0, labels: vec!["Prior high".into()], colour: Rgb(9, 9, 9) }];
        let spec = LineChartSpec { kind: ValueKind::Price, reference: &reference, ..spec(&d, &lines) };
        let v = LineChartView::build(&spec, &PlainFormat);
        // No zero baseline: the range runs from the lowest price to the reference line.
        assert!(v.y.domain.0 > 150.0 && v.y.domain.1 >= 300.0, "{:?}", v.y.domain);
        assert!(v.y_ticks.iter().all(|t| !t.major));
        assert!(v.plot.contains(v.plot.left + 1.0, v.reference[0].y));
        // The line starts at its own first index, and points map back by index.
        assert_eq!(v.lines[0].start, 10);
        assert_eq!(v.lines[0].point_at(10), Some(v.lines[0].points[0]));
        assert_eq!(v.lines[0].point_at(9), None);
    }

    #[test]
    fn the_prior_high_label_stays_inside_the_plot_however_narrow_the_chart() {
        // The trend chart as a 360 px phone draws it (2 device px per CSS px) and on a desktop:
        // close and both averages labelled at the right, the prior high just above the prices.
        let d = dates(260);
        let close = Line { from: 0, values: (0..260).map(|i| 250.0 + 50.0 * (i as f64 / 40.0).sin()).collect() };
        let sma50 = Line { from: 49, values: (49..260).map(|i| 250.0 + (i as f64) * 0.1).collect() };
        let sma200 = Line { from: 199, values: (199..260).map(|i| 240.0 + (i as f64) * 0.05).collect() };
        let lines = [
            PlotLine { label: "IWM", colour: Rgb(1, 1, 1), dashed: false, faded: false, line: &close, unit: None },
            PlotLine { label: "SMA 50", colour: Rgb(2, 2, 2), dashed: false, faded: false, line: &sma50, unit: None },
            PlotLine { label: "SMA 200", colour: Rgb(3, 3, 3), dashed: true, faded: false, line: &sma200, unit: None },
        ];
        let labels = prior_high_labels(&Messages::english(), 300.45, Date::parse_iso("2026-06-30").unwrap(), Some(-2.32), &PlainFormat);
        assert_eq!(labels[0], "Prior high 300.45 · Jun 30, 2026 · −2.3% from it");
        let reference = [ReferenceLine { value: 300.45, labels: labels.clone(), colour: Rgb(9, 9, 9) }];
        for (css_width, ui) in [(1000.0, 1.0), (330.0, 2.0), (330.0, 3.0), (250.0, 2.0), (160.0, 1.0)] {
            let s = LineChartSpec { kind: ValueKind::Price, reference: &reference, width: css_width * ui, height: 480.0 * ui, ui, ..spec(&d, &lines) };
            let v = LineChartView::build(&s, &PlainFormat);
            let r = &v.reference[0];
            let b = r.label_box;
            assert!((b.right - b.left - bold_text_width(&r.label, v.font_px)).abs() < 1e-9);
            assert!(b.left >= v.plot.left && b.top >= v.plot.top && b.bottom <= v.plot.bottom, "{css_width} px: {b:?} in {:?}", v.plot);
            // Whole inside the plot when any wording fits; then never past the canvas.
            if labels.iter().any(|l| bold_text_width(l, v.font_px) <= v.plot.width() - 12.0 * ui) {
                assert!(b.right <= v.plot.right, "{css_width} px: \"{}\" ends at {} past the plot's {}", r.label, b.right, v.plot.right);
            }
            if css_width == 1000.0 {
                assert_eq!(r.label, labels[0], "a desktop chart has room for the whole label");
            }
            if css_width == 330.0 {
                assert_ne!(r.label, labels[0], "a phone's plot is too narrow for the whole label");
            }
        }
    }

    #[test]
    fn end_labels_never_overlap() {
        let d = dates(30);
        let owned: Vec<Line> = (0..12).map(|k| Line { from: 0, values: (0..30).map(|i| i as f64 * 0.01 * k as f64).collect() }).collect();
        let names: Vec<String> = (0..12).map(|k| format!("S{k}")).collect();
        let lines: Vec<PlotLine> = owned
            .iter()
            .zip(&names)
            .map(|(l, n)| PlotLine { label: n, colour: Rgb(0, 0, 0), dashed: false, faded: false, line: l, unit: None })
            .collect();
        let v = LineChartView::build(&spec(&d, &lines), &PlainFormat);
        let mut ys: Vec<f64> = v.end_labels.iter().map(|l| l.y).collect();
        ys.sort_by(f64::total_cmp);
        for w in ys.windows(2) {
            assert!(w[1] - w[0] >= v.font_px * 1.45 - 1e-9, "{ys:?}");
        }
    }

    #[test]
    fn the_note_is_marked_at_its_day_or_the_next_trading_day_and_only_inside_the_range() {
        // Weekdays from Monday 2025-12-01: index 4 is Friday Dec 5, index 5 Monday Dec 8.
        let d = dates(40);
        let l = Line { from: 0, values: (0..40).map(|i| i as f64).collect() };
        let lines = [PlotLine { label: "X", colour: Rgb(1, 1, 1), dashed: false, faded: false, line: &l, unit: None }];
        let day = |iso: &str| Date::parse_iso(iso).unwrap();
        let mark = |published: &str, from: usize| {
            let s = LineChartSpec { from, note: Some((day(published), "Note")), ..spec(&d, &lines) };
            LineChartView::build(&s, &PlainFormat).note
        };
        // A trading day: the line at that date's x, labelled, its label inside the plot.
        let v = LineChartView::build(&LineChartSpec { note: Some((day("2025-12-05"), "Note")), ..spec(&d, &lines) }, &PlainFormat);
        let n = v.note.clone().expect("marked");
        assert_eq!((n.index, n.label.as_str()), (4, "Note"));
        assert!((n.x - v.x.map(4.0)).abs() < 1e-9);
        let b = n.label_box;
        assert!(b.left >= v.plot.left && b.right <= v.plot.right && b.top >= v.plot.top && b.bottom <= v.plot.bottom, "{b:?} in {:?}", v.plot);
        // A Saturday marks the Monday after it.
        assert_eq!(mark("2025-12-06", 0).map(|n| n.index), Some(5));
        // Before the shown range, after the data, or before the data: nothing.
        assert_eq!(mark("2025-12-05", 10), None);
        assert_eq!(mark("2026-06-01", 0), None);
        assert_eq!(mark("2025-11-20", 0), None);
        // On the range's first day: marked at the left edge.
        assert_eq!(mark("2025-12-05", 4).map(|n| n.index), Some(4));
        // At the right edge, the label goes left of the line and stays inside the plot.
        let last = mark("2026-01-23", 0).expect("last day marked");
        assert_eq!(last.index, 39);
        assert!(last.label_box.right <= last.x && last.label_box.left >= v.plot.left);
        // Drawn dashed in the muted colour on an SVG.
        let mut painter = crate::chart::paint::SvgPainter::default();
        draw_line_chart(&mut painter, &v, &Palette::light());
        assert!(painter.body.contains("\nNote\n"), "label drawn");
    }

    /// On a narrow plot the label stays inside it on both sides, wherever the line is.
    #[test]
    fn the_note_label_stays_inside_a_narrow_plot() {
        let d = dates(40);
        let l = Line { from: 0, values: (0..40).map(|i| i as f64).collect() };
        let lines = [PlotLine { label: "X", colour: Rgb(1, 1, 1), dashed: false, faded: false, line: &l, unit: None }];
        for width in [60.0, 90.0, 110.0, 140.0, 180.0, 260.0] {
            for i in 0..40 {
                let s = LineChartSpec { note: Some((d[i], "Research note")), width, ..spec(&d, &lines) };
                let v = LineChartView::build(&s, &PlainFormat);
                let n = v.note.clone().expect("marked");
                let b = n.label_box;
                if b.right - b.left <= v.plot.right - v.plot.left {
                    assert!(b.left >= v.plot.left - 1e-9 && b.right <= v.plot.right + 1e-9, "width {width}, day {i}: {b:?} in {:?}", v.plot);
                    assert_eq!(n.label, "Research note");
                } else {
                    assert_eq!(n.label, "", "wider than the plot: the line alone");
                    let mut painter = crate::chart::paint::SvgPainter::default();
                    draw_line_chart(&mut painter, &v, &Palette::light());
                    assert!(!painter.body.contains("Research note"), "no label drawn past the plot");
                }
            }
        }
    }

    #[test]
    fn the_note_mark_knows_whether_its_day_is_the_publication_day() {
        let d = dates(40);
        let l = Line { from: 0, values: (0..40).map(|i| i as f64).collect() };
        let lines = [PlotLine { label: "X", colour: Rgb(1, 1, 1), dashed: false, faded: false, line: &l, unit: None }];
        let day = |iso: &str| Date::parse_iso(iso).unwrap();
        let mark = |published: &str| LineChartView::build(&LineChartSpec { note: Some((day(published), "Note")), ..spec(&d, &lines) }, &PlainFormat).note.map(|n| (n.index, n.day));
        assert_eq!(mark("2025-12-05"), Some((4, NoteDay::Published)));
        assert_eq!(mark("2025-12-06"), Some((5, NoteDay::FirstSince)), "a Saturday marks the Monday");
        assert_eq!(mark("2025-12-07"), Some((5, NoteDay::FirstSince)));
        assert_eq!(mark("2025-12-08"), Some((5, NoteDay::Published)));
    }

    #[test]
    fn the_note_label_keeps_clear_of_the_prior_high_label() {
        let d = dates(60);
        let price = Line { from: 0, values: (0..60).map(|i| 100.0 + i as f64).collect() };
        let lines = [PlotLine { label: "P", colour: Rgb(1, 1, 1), dashed: false, faded: false, line: &price, unit: None }];
        let reference = [ReferenceLine { value: 159.0, labels: vec!["Prior high 159.00 · Feb 20, 2026".into()], colour: Rgb(9, 9, 9) }];
        let s = LineChartSpec { kind: ValueKind::Price, reference: &reference, note: Some((d[3], "Note")), ..spec(&d, &lines) };
        let v = LineChartView::build(&s, &PlainFormat);
        let (n, r) = (v.note.expect("marked").label_box, v.reference[0].label_box);
        let overlap = n.left < r.right && r.left < n.right && n.top < r.bottom && r.top < n.bottom;
        assert!(!overlap, "{n:?} overlaps {r:?}");
        assert!(n.bottom <= v.plot.bottom);
    }

    #[test]
    fn draws_on_an_svg_backend() {
        let d = dates(40);
        let l = Line { from: 0, values: (0..40).map(|i| (i as f64).sin()).collect() };
        let lines = [PlotLine { label: "X", colour: Rgb(200, 10, 10), dashed: true, faded: false, line: &l, unit: None }];
        let v = LineChartView::build(&spec(&d, &lines), &PlainFormat);
        let mut painter = crate::chart::paint::SvgPainter::default();
        draw_line_chart(&mut painter, &v, &Palette::light());
        let svg = painter.body;
        assert!(svg.contains("#C80A0A") || svg.contains("#c80a0a"), "line colour drawn");
        // 40 weekdays from 2025-12-01 over ~700 px: weekly ticks, the first on Monday Dec 8,
        // and the year boundary labelled with the year.
        assert!(svg.contains("\nDec 8\n"), "week tick label drawn");
        assert!(svg.contains("\n2026\n"), "year label drawn");
    }
}
