//! The graph laid out in device pixels, once per scene: ranges or the zoomed viewport, ticks,
//! quadrants, smoothed and clipped tails, arrows and the head labels; the hit-test and the
//! viewport arithmetic of zooming work on it without touching the analytics.

use crate::analysis::rotation::Quadrant;
use crate::chart::curve::{clip_polyline, smooth_through, Cubic, Point};
use crate::chart::format::Format;
use crate::chart::labels::{text_width, Rect};
use crate::chart::performance::NoteDay;
use crate::chart::paint::{Align, Baseline};
use crate::chart::scale::{decimals_for_step, nice_step, nice_ticks, LinearScale};
use crate::chart::theme::Rgb;
use super::head_labels::{place_labels, HeadLabel};
use super::marks::{marker_edge_distance, Emphasis, Marker, TailInput, Viewport};

/// How far, in CSS pixels, the polyline a tail's curve is flattened into may stray from the
/// curve: under a third of a pixel reads as the curve, and a gently bending segment takes a
/// few sub-steps rather than one per few pixels of its length.
const FLATTEN_TOLERANCE_PX: f64 = 0.3;

/// Level of detail for long tails; a tail of up to 17 points is drawn exactly as before.
/// Its curve is drawn as at most this many polylines, each a run of consecutive segments at
/// the opacity of its newest point, so the tail still brightens toward its head (in up to 16
/// steps) while a 500-point tail costs 16 strokes, not 499. Segments older than the newest
/// [`DOTTED_POINTS`] are straight: at that density a curve is not visible, only costly.
pub const MAX_STROKES_PER_TAIL: usize = 16;

/// Dots mark only a tail's newest points (52: a year of weeks, the longest tail StockCharts
/// offers); older points are the line alone. Every point stays in the hit-test.
pub const DOTTED_POINTS: usize = 52;
/// A drag smaller than this (CSS pixels) in either direction is a click, not a zoom.
const MIN_ZOOM_DRAG_PX: f64 = 4.0;
/// How far outside the plot (device pixels) a point still counts as inside, so a point
/// mapped exactly onto a viewport edge is not lost to rounding.
const EDGE_TOLERANCE_PX: f64 = 1e-6;

/// Where the first point on or after `day` (the note's publication day) falls in a tail: the
/// tail is `len` points of `history` (oldest first) from `start`, and the point is decided on
/// the whole history, so a tail starting after the day still rings its first point when the
/// point before it (off the tail) is older than the day. `None` when that point is not in the
/// tail, when no point is on or after the day, or when the history itself starts after the day
/// (its first point is then only the first computed, not the first since publication).
pub fn note_point(history: &[crate::analysis::rotation::RotationPoint], start: usize, len: usize, day: crate::analysis::Date) -> Option<usize> {
    let h = history.partition_point(|p| p.date < day);
    history.get(h).filter(|p| h > 0 || p.date == day)?;
    h.checked_sub(start).filter(|&k| k < len)
}

/// The date slider's mark at the note's publication day: its step, its share of the track
/// (0 at the first step, 1 at the last: where the thumb's centre is at that step, the
/// stylesheet adding the thumb's size) and whether that step's date is the day itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SliderMark {
    pub step: usize,
    pub share: f64,
    pub day: NoteDay,
}

/// The slider's mark for a note published on `day`: the first step of `timeline` (table
/// indices into `dates`, the whole history of steps) dated on or after it. As for
/// [`note_point`], `None` when no step is, or when the timeline starts after the day.
pub fn slider_mark(dates: &[crate::analysis::Date], timeline: &[usize], day: crate::analysis::Date) -> Option<SliderMark> {
    let on = |i: &usize| dates.get(*i).copied();
    let step = timeline.partition_point(|i| on(i).is_some_and(|d| d < day));
    let first = on(timeline.get(step)?)?;
    if step == 0 && first != day {
        return None;
    }
    let share = step as f64 / timeline.len().saturating_sub(1).max(1) as f64;
    Some(SliderMark { step, share, day: NoteDay::of(first, day) })
}

pub struct RrgSpec<'a> {
    pub tails: &'a [TailInput<'a>],
    /// Canvas size in device pixels and device pixels per CSS pixel.
    pub width: f64,
    pub height: f64,
    pub ui: f64,
    /// Draw the tails (curves and dots). Off, only the heads with their arrows are drawn and
    /// hit-tested.
    pub show_tails: bool,
    /// Label each head with its symbol. Off, no labels are placed at all.
    pub show_labels: bool,
    /// The data rectangle to show; `None` fits every point with the cross in the middle.
    pub zoom: Option<Viewport>,
    /// The quadrants' names in [`Quadrant::ALL`]'s order, in the reader's language.
    pub quadrant_names: [&'a str; 4],
    /// The research note's publication day: each tail rings its first point on or after it.
    pub published: Option<crate::analysis::Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PointView {
    pub x: f64,
    pub y: f64,
    /// Opacity: rises linearly from 0.25 at the oldest point to 1 at the head.
    pub alpha: f64,
}

/// A piece of a tail's smoothed curve inside the plot, drawn as one polyline.
#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    pub points: Vec<(f64, f64)>,
    /// The opacity of the point the piece's segment leads to, so a tail brightens toward its
    /// head.
    pub alpha: f64,
    /// Wholly older than the newest [`DOTTED_POINTS`]: drawn one device pixel wide.
    pub fine: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TailView {
    pub symbol: String,
    pub colour: Rgb,
    pub marker: Marker,
    pub emphasis: Emphasis,
    /// Every point, oldest first, in device pixels (also those outside a zoomed plot, so
    /// indices match the input).
    pub points: Vec<PointView>,
    /// The smoothed tail, clipped to the plot; empty when tails are off.
    pub strokes: Vec<Stroke>,
    /// The arrowhead at the head, `[tip, base corner, base corner]`: the tip touches the head
    /// marker's edge and points the way the curve arrives. `None` for a one-point tail, a tail
    /// that has not moved, or a head outside the plot.
    pub arrow: Option<[(f64, f64); 3]>,
    /// The arrowhead at the larger head marker drawn when the tail is highlighted on the
    /// overlay (hover, keyboard focus), so highlighting needs no new layout.
    pub highlight_arrow: Option<[(f64, f64); 3]>,
    /// `None` when labels are off or the head is outside the plot.
    pub label: Option<HeadLabel>,
    /// The point ringed as the first on or after the note's publication day.
    pub note_point: Option<usize>,
}

/// The plot corner a quadrant's name sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corner {
    TopRight,
    BottomRight,
    BottomLeft,
    TopLeft,
}

impl Corner {
    fn right(self) -> bool {
        matches!(self, Corner::TopRight | Corner::BottomRight)
    }
    fn bottom(self) -> bool {
        matches!(self, Corner::BottomRight | Corner::BottomLeft)
    }
    pub(super) fn anchor(self) -> (Align, Baseline) {
        (if self.right() { Align::Right } else { Align::Left }, if self.bottom() { Baseline::Bottom } else { Baseline::Top })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuadrantView {
    pub quadrant: Quadrant,
    /// The part of the quadrant inside the plot: empty (zero width or height) when the
    /// viewport does not reach it.
    pub rect: Rect,
    /// Where the name goes (its outer corner) and which corner that is.
    pub label_at: (f64, f64),
    pub corner: Corner,
    /// The name drawn there.
    pub name: String,
}

impl QuadrantView {
    /// Whether any of the quadrant is on screen, and so its fill and name are drawn.
    pub(super) fn visible(&self) -> bool {
        self.rect.width() > 0.0 && self.rect.height() > 0.0
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub px: f64,
    pub label: String,
}

/// A laid-out rotation graph in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct RrgView {
    pub width: f64,
    pub height: f64,
    pub ui: f64,
    pub plot: Rect,
    pub x: LinearScale,
    pub y: LinearScale,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    pub quadrants: Vec<QuadrantView>,
    /// Pixel position of the RS-Ratio = 100 line, `None` when the viewport leaves it out.
    pub cross_x: Option<f64>,
    /// Pixel position of the RS-Momentum = 100 line, `None` when the viewport leaves it out.
    pub cross_y: Option<f64>,
    pub tails: Vec<TailView>,
    pub show_tails: bool,
    pub font_px: f64,
    pub head_radius: f64,
}

/// Half-width of an axis range centred on 100 that holds every value with 15 % to spare
/// (at least ±1, so a quiet market is not magnified into noise).
fn half_range(values: impl Iterator<Item = f64>) -> f64 {
    values.map(|v| (v - 100.0).abs()).fold(0.0, f64::max).mul_add(1.15, 0.0).max(1.0)
}

/// `v` limited to the interval between `a` and `b` in either order (not `f64::clamp`, which
/// panics when a tiny canvas turns the plot inside out).
pub(super) fn between(v: f64, a: f64, b: f64) -> f64 {
    v.max(a.min(b)).min(a.max(b))
}

pub(super) fn inside(plot: &Rect, (x, y): Point) -> bool {
    let e = EDGE_TOLERANCE_PX;
    x >= plot.left - e && x <= plot.right + e && y >= plot.top - e && y <= plot.bottom + e
}

/// The radius a head marker is drawn at: highlighted heads are larger.
pub(super) fn head_marker_radius(head_radius: f64, emphasis: Emphasis) -> f64 {
    if emphasis == Emphasis::Highlighted { head_radius * 1.3 } else { head_radius }
}

impl RrgView {
    pub fn build(spec: &RrgSpec, fmt: &dyn Format) -> RrgView {
        let ui = spec.ui.max(0.5);
        let font_px = (11.0 * ui).round();
        let head_radius = 5.0 * ui;
        let left = 52.0 * ui;
        let bottom_gutter = 40.0 * ui;
        let plot = Rect { left, top: 10.0 * ui, right: spec.width - 14.0 * ui, bottom: spec.height - bottom_gutter };
        // Fitted, both axes get the same units per pixel (the wider range decides), so a step's
        // drawn direction is its heading and a loop looks as round as it is.
        let fitted = || {
            let visible = || spec.tails.iter().flat_map(|t| t.points.iter());
            let (hx, hy) = (half_range(visible().map(|p| p.rs_ratio)), half_range(visible().map(|p| p.rs_momentum)));
            let (w, h) = (plot.width().max(1.0), plot.height().max(1.0));
            let per_px = (hx / w).max(hy / h);
            let (hx, hy) = (per_px * w, per_px * h);
            Viewport { x: (100.0 - hx, 100.0 + hx), y: (100.0 - hy, 100.0 + hy) }
        };
        let shown = spec.zoom.and_then(Viewport::normalised).unwrap_or_else(fitted);

        let target = |px: f64| ((px / (70.0 * ui)).floor() as usize).clamp(2, 10);
        let x = LinearScale::new(shown.x, (plot.left, plot.right));
        let y = LinearScale::new(shown.y, (plot.bottom, plot.top));
        let ticks = |scale: &LinearScale, n: usize| {
            let (lo, hi) = scale.domain;
            let decimals = decimals_for_step(nice_step(hi - lo, n));
            nice_ticks(lo, hi, n).into_iter().map(|v| Tick { px: scale.map(v), label: fmt.number(v, decimals) }).collect::<Vec<_>>()
        };
        let x_ticks = ticks(&x, target(plot.width()));
        let y_ticks = ticks(&y, target(plot.height()));

        // The cross, and the quadrants' inner corner, pinned to the plot when zoomed past it.
        let holds_100 = |(lo, hi): (f64, f64)| lo <= 100.0 && 100.0 <= hi;
        let (cx, cy) = (x.map(100.0), y.map(100.0));
        let cross_x = holds_100(shown.x).then_some(cx);
        let cross_y = holds_100(shown.y).then_some(cy);
        let (cx, cy) = (between(cx, plot.left, plot.right), between(cy, plot.top, plot.bottom));
        let pad = 8.0 * ui;
        let name = |q: Quadrant| spec.quadrant_names.get(q.index()).copied().unwrap_or_default().to_owned();
        let quadrants = vec![
            QuadrantView { quadrant: Quadrant::Leading, rect: Rect { left: cx, top: plot.top, right: plot.right, bottom: cy }, label_at: (plot.right - pad, plot.top + pad), corner: Corner::TopRight, name: name(Quadrant::Leading) },
            QuadrantView { quadrant: Quadrant::Weakening, rect: Rect { left: cx, top: cy, right: plot.right, bottom: plot.bottom }, label_at: (plot.right - pad, plot.bottom - pad), corner: Corner::BottomRight, name: name(Quadrant::Weakening) },
            QuadrantView { quadrant: Quadrant::Lagging, rect: Rect { left: plot.left, top: cy, right: cx, bottom: plot.bottom }, label_at: (plot.left + pad, plot.bottom - pad), corner: Corner::BottomLeft, name: name(Quadrant::Lagging) },
            QuadrantView { quadrant: Quadrant::Improving, rect: Rect { left: plot.left, top: plot.top, right: cx, bottom: cy }, label_at: (plot.left + pad, plot.top + pad), corner: Corner::TopLeft, name: name(Quadrant::Improving) },
        ];

        let mut tails: Vec<TailView> = spec
            .tails
            .iter()
            .map(|t| {
                let n = t.points.len();
                let points: Vec<PointView> = t
                    .points
                    .iter()
                    .enumerate()
                    .map(|(k, p)| PointView {
                        x: x.map(p.rs_ratio),
                        y: y.map(p.rs_momentum),
                        alpha: if n <= 1 { 1.0 } else { 0.25 + 0.75 * k as f64 / (n - 1) as f64 },
                    })
                    .collect();
                let pixels: Vec<Point> = points.iter().map(|p| (p.x, p.y)).collect();
                let curve = smooth_through(&pixels);
                let strokes = if spec.show_tails { tail_strokes(&curve, &points, &plot, FLATTEN_TOLERANCE_PX * ui) } else { Vec::new() };
                let arrow = head_arrow(&curve, t.marker, head_marker_radius(head_radius, t.emphasis), &plot);
                let highlight_arrow = head_arrow(&curve, t.marker, head_marker_radius(head_radius, Emphasis::Highlighted), &plot);
                let note_point = spec.published.and_then(|day| note_point(t.history, t.start, t.points.len(), day));
                TailView { symbol: t.symbol.to_owned(), colour: t.colour, marker: t.marker, emphasis: t.emphasis, points, strokes, arrow, highlight_arrow, label: None, note_point }
            })
            .collect();

        if spec.show_labels {
            // Quadrant names occupy their corners: labels keep clear of them too.
            let quadrant_boxes: Vec<Rect> = quadrants
                .iter()
                .filter(|q| q.visible())
                .map(|q| {
                    let w = text_width(&q.name, font_px) + 4.0 * ui;
                    let h = font_px * 1.4;
                    let (lx, ly) = q.label_at;
                    let left = if q.corner.right() { lx - w } else { lx };
                    let top = if q.corner.bottom() { ly - h } else { ly };
                    Rect { left, top, right: left + w, bottom: top + h }
                })
                .collect();
            let heads: Vec<Option<Point>> = tails.iter().map(|t| t.points.last().map(|h| (h.x, h.y)).filter(|&h| inside(&plot, h))).collect();
            let labels = place_labels(spec.tails, &heads, plot, &quadrant_boxes, font_px, head_radius, ui);
            for (tail, label) in tails.iter_mut().zip(labels) {
                tail.label = label;
            }
        }

        RrgView { width: spec.width, height: spec.height, ui, plot, x, y, x_ticks, y_ticks, quadrants, cross_x, cross_y, tails, show_tails: spec.show_tails, font_px, head_radius }
    }

    /// The (tail, point) nearest to a device-pixel position within `radius` device pixels,
    /// heads winning ties so the symbol's latest state is what the pointer finds first.
    /// Only what is drawn can be hit: points outside the plot never, and with tails off only
    /// heads.
    pub fn hit_test(&self, px: f64, py: f64, radius: f64) -> Option<(usize, usize)> {
        let mut best: Option<(f64, usize, usize)> = None;
        for (t, tail) in self.tails.iter().enumerate() {
            let head = tail.points.len().saturating_sub(1);
            for (k, p) in tail.points.iter().enumerate() {
                if (!self.show_tails && k != head) || !inside(&self.plot, (p.x, p.y)) {
                    continue;
                }
                let mut d = ((p.x - px).powi(2) + (p.y - py).powi(2)).sqrt();
                if d > radius {
                    continue;
                }
                if k == head {
                    d -= 0.5; // prefer heads among equals
                }
                if best.is_none_or(|(bd, _, _)| d < bd) {
                    best = Some((d, t, k));
                }
            }
        }
        best.map(|(_, t, k)| (t, k))
    }

    /// The data ranges on screen (the fitted ones when not zoomed); pass it back as
    /// [`RrgSpec::zoom`] to keep the view where it is.
    pub fn viewport(&self) -> Viewport {
        Viewport { x: self.x.domain, y: self.y.domain }
    }

    /// The viewport a drag from `a` to `b` (device pixels, any two opposite corners) selects,
    /// after limiting both corners to the plot; `None` when the rectangle is under 4 CSS
    /// pixels in either direction (a click, not a zoom) or a corner is not finite.
    pub fn viewport_from_pixels(&self, a: (f64, f64), b: (f64, f64)) -> Option<Viewport> {
        if ![a.0, a.1, b.0, b.1].iter().all(|v| v.is_finite()) {
            return None;
        }
        let p = &self.plot;
        let (x0, x1) = (between(a.0, p.left, p.right), between(b.0, p.left, p.right));
        let (y0, y1) = (between(a.1, p.top, p.bottom), between(b.1, p.top, p.bottom));
        let min = MIN_ZOOM_DRAG_PX * self.ui;
        if (x1 - x0).abs() < min || (y1 - y0).abs() < min {
            return None;
        }
        Viewport { x: (self.x.invert(x0), self.x.invert(x1)), y: (self.y.invert(y0), self.y.invert(y1)) }.normalised()
    }

    /// The viewport after zooming by `factor` about the device-pixel point `centre` (pinch or
    /// wheel): each range `[lo, hi]` becomes `[c + (lo − c)·factor, c + (hi − c)·factor]` where
    /// `c` is the data value under `centre`, which therefore stays under the pointer.
    /// `factor < 1` zooms in, `> 1` out; a factor that is not a finite positive number leaves
    /// the viewport as it is.
    pub fn zoomed_by(&self, factor: f64, centre: (f64, f64)) -> Viewport {
        let current = self.viewport();
        if !(factor.is_finite() && factor > 0.0 && centre.0.is_finite() && centre.1.is_finite()) {
            return current;
        }
        let scale = |(lo, hi): (f64, f64), c: f64| (c + (lo - c) * factor, c + (hi - c) * factor);
        Viewport { x: scale(current.x, self.x.invert(centre.0)), y: scale(current.y, self.y.invert(centre.1)) }.normalised().unwrap_or(current)
    }
}

/// The arrowhead for a tail whose curve is `curve`, at a head marker of radius `r`: it points
/// along the curve's tangent at the head (from the last segment's second control point to
/// the head, or from the previous point where those coincide) with its tip on the marker's
/// outline; 1.6 r long and 1.6 r wide at the base.
fn head_arrow(curve: &[Cubic], marker: Marker, r: f64, plot: &Rect) -> Option<[Point; 3]> {
    let last = curve.last()?;
    let head = last.to;
    if !inside(plot, head) {
        return None;
    }
    let toward_head = |from: Point| {
        let (dx, dy) = (head.0 - from.0, head.1 - from.1);
        let len = dx.hypot(dy);
        (len > 1e-6 && len.is_finite()).then(|| (dx / len, dy / len))
    };
    let dir = toward_head(last.c2).or_else(|| toward_head(last.from))?;
    let edge = marker_edge_distance(marker, r, (-dir.0, -dir.1));
    let tip = (head.0 - dir.0 * edge, head.1 - dir.1 * edge);
    let (length, half_width) = (1.6 * r, 0.8 * r);
    let base = (tip.0 - dir.0 * length, tip.1 - dir.1 * length);
    let (nx, ny) = (-dir.1 * half_width, dir.0 * half_width);
    Some([tip, (base.0 + nx, base.1 + ny), (base.0 - nx, base.1 - ny)])
}

/// The smoothed tail as at most [`MAX_STROKES_PER_TAIL`] runs of segments, clipped to the
/// plot. Segment `j` leads to point `j + 1`; a run takes the opacity of the point its last
/// segment leads to.
fn tail_strokes(curve: &[Cubic], points: &[PointView], plot: &Rect, tolerance: f64) -> Vec<Stroke> {
    let per_stroke = curve.len().div_ceil(MAX_STROKES_PER_TAIL).max(1);
    let first_curved = curve.len().saturating_sub(DOTTED_POINTS);
    let mut strokes = Vec::new();
    for (g, run) in curve.chunks(per_stroke).enumerate() {
        let alpha = points.get(g * per_stroke + run.len()).map_or(1.0, |p| p.alpha);
        let mut polyline: Vec<Point> = Vec::new();
        for (k, segment) in run.iter().enumerate() {
            let flat = if g * per_stroke + k >= first_curved { segment.flatten_within(tolerance) } else { vec![segment.from, segment.to] };
            // Each segment starts where the previous one ended.
            let joint = usize::from(!polyline.is_empty());
            polyline.extend(flat.into_iter().skip(joint));
        }
        let fine = g * per_stroke + run.len() <= first_curved;
        strokes.extend(clip_polyline(&polyline, plot).into_iter().map(|points| Stroke { points, alpha, fine }));
    }
    strokes
}

/// What the graph's tests build on: points, a laid-out view, a looping tail.
#[cfg(test)]
pub mod fixtures {
    use super::*;
    use crate::analysis::rotation::RotationPoint;
    use crate::analysis::Date;
    use crate::chart::format::PlainFormat;

    pub fn point(rsr: f64, rsm: f64, week: i32) -> RotationPoint {
        RotationPoint { date: Date::parse_iso("2026-01-05").unwrap().add_days(7 * week), rs_ratio: rsr, rs_momentum: rsm, quadrant: Quadrant::of(rsr, rsm), partial: false, index: week as usize }
    }

    /// Builds a 900 × 600 view at ui 1 with `options` applied to the default spec (tails
    /// and labels on, not zoomed).
    pub fn view_with(tails: &[(String, Vec<RotationPoint>)], options: impl FnOnce(&mut RrgSpec)) -> RrgView {
        let inputs: Vec<TailInput> = tails
            .iter()
            .enumerate()
            .map(|(i, (s, p))| TailInput { symbol: s, colour: Rgb(i as u8, 0, 0), marker: Marker::for_slot(i, 12), emphasis: Emphasis::Normal, points: p, history: p, start: 0 })
            .collect();
        let mut spec = RrgSpec { tails: &inputs, width: 900.0, height: 600.0, ui: 1.0, show_tails: true, show_labels: true, zoom: None, quadrant_names: ["Leading", "Weakening", "Lagging", "Improving"], published: None };
        options(&mut spec);
        RrgView::build(&spec, &PlainFormat)
    }

    pub fn view_of(tails: &[(String, Vec<RotationPoint>)]) -> RrgView {
        view_with(tails, |_| {})
    }

    pub fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// The points of a tail moving through the four quadrants, for curve tests.
    pub fn looping_tail() -> Vec<RotationPoint> {
        vec![point(98.0, 99.0, 0), point(99.0, 101.5, 1), point(101.0, 102.0, 2), point(102.5, 100.5, 3), point(101.5, 98.5, 4)]
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use crate::analysis::rotation::RotationPoint;
    use super::super::marks::MIN_ZOOM_SPAN;

    #[test]
    fn ranges_are_centred_on_100_and_hold_every_point() {
        let v = view_of(&[("A".into(), vec![point(97.0, 101.0, 0), point(103.5, 99.0, 1)])]);
        // x: max |Δ| 3.5 × 1.15 = 4.025 either side of 100; y: 1 × 1.15 = 1.15, widened to the
        // same units per pixel: the plot is 900 − 52 − 14 = 834 px wide and 600 − 10 − 40 = 550
        // px tall, so y's half-range is 4.025 × 550 / 834.
        assert!((v.x.domain.0 - 95.975).abs() < 1e-9 && (v.x.domain.1 - 104.025).abs() < 1e-9);
        let hy = 4.025 * 550.0 / 834.0;
        assert!((v.y.domain.0 - (100.0 - hy)).abs() < 1e-9 && (v.y.domain.1 - (100.0 + hy)).abs() < 1e-9);
        let units_per_px = |(lo, hi): (f64, f64), px: f64| (hi - lo) / px;
        assert!((units_per_px(v.x.domain, v.plot.width()) - units_per_px(v.y.domain, v.plot.height())).abs() < 1e-12);
        for p in &v.tails[0].points {
            assert!(v.plot.contains(p.x, p.y));
        }
        // The cross sits in the middle of the plot.
        assert!((v.x.map(100.0) - (v.plot.left + v.plot.right) / 2.0).abs() < 1e-9);
        assert!(v.x_ticks.iter().any(|t| t.label == "100"));
    }

    #[test]
    fn quiet_data_keeps_at_least_one_point_either_side() {
        let v = view_of(&[("A".into(), vec![point(100.1, 99.95, 0)])]);
        // ±1 on the shorter axis (550 px tall); the wider one gets the same units per pixel.
        let hx = 834.0 / 550.0;
        assert!(close(v.x.domain.0, 100.0 - hx) && close(v.x.domain.1, 100.0 + hx), "{:?}", v.x.domain);
        assert!(close(v.y.domain.0, 99.0) && close(v.y.domain.1, 101.0), "{:?}", v.y.domain);
    }

    #[test]
    fn quadrants_tile_the_plot_around_the_cross() {
        let v = view_of(&[("A".into(), vec![point(102.0, 98.0, 0)])]);
        let area: f64 = v.quadrants.iter().map(|q| q.rect.width() * q.rect.height()).sum();
        assert!((area - v.plot.width() * v.plot.height()).abs() < 1e-6);
        let leading = v.quadrants.iter().find(|q| q.quadrant == Quadrant::Leading).unwrap();
        // Leading is top right: right of x = 100, above y = 100.
        assert!(leading.rect.left >= v.x.map(100.0) - 1e-9 && leading.rect.bottom <= v.y.map(100.0) + 1e-9);
    }

    #[test]
    fn each_quadrant_carries_its_name_in_the_readers_language() {
        let tails = [("A".to_string(), vec![point(102.0, 98.0, 0)])];
        let names: Vec<(Quadrant, String)> = view_of(&tails).quadrants.into_iter().map(|q| (q.quadrant, q.name)).collect();
        assert_eq!(names, Quadrant::ALL.map(|q| (q, q.name().to_owned())));
        let v = view_with(&tails, |s| s.quadrant_names = ["先行", "弱含み", "出遅れ", "改善"]);
        let names: Vec<&str> = v.quadrants.iter().map(|q| q.name.as_str()).collect();
        assert_eq!(names, ["先行", "弱含み", "出遅れ", "改善"]);
    }

    #[test]
    fn opacity_rises_toward_the_head() {
        let pts: Vec<RotationPoint> = (0..10).map(|k| point(99.0 + 0.2 * k as f64, 100.0, k)).collect();
        let v = view_of(&[("A".into(), pts)]);
        let alphas: Vec<f64> = v.tails[0].points.iter().map(|p| p.alpha).collect();
        assert_eq!(alphas[0], 0.25);
        assert_eq!(*alphas.last().unwrap(), 1.0);
        assert!(alphas.windows(2).all(|w| w[1] > w[0]));
    }

    #[test]
    fn hit_test_finds_the_nearest_point_and_prefers_heads() {
        let v = view_of(&[
            ("A".into(), vec![point(98.0, 98.0, 0), point(101.0, 101.0, 1)]),
            ("B".into(), vec![point(102.0, 99.0, 0)]),
        ]);
        let a_head = &v.tails[0].points[1];
        assert_eq!(v.hit_test(a_head.x + 2.0, a_head.y - 1.0, 10.0), Some((0, 1)));
        let a_first = &v.tails[0].points[0];
        assert_eq!(v.hit_test(a_first.x, a_first.y, 10.0), Some((0, 0)));
        assert_eq!(v.hit_test(v.plot.left + 1.0, v.plot.top + 1.0, 10.0), None);
    }

    /// Twenty-four heads bunched near the cross (a quiet market) still get labels that do not
    /// overlap each other, any head marker or a quadrant name, all inside the plot.
    #[test]
    fn labels_do_not_collide_with_24_crowded_symbols() {
        let tails: Vec<(String, Vec<RotationPoint>)> = (0..24)
            .map(|i| {
                let a = i as f64 * 0.9;
                (format!("X{i:02}"), vec![point(100.0 + 0.6 * a.cos() + 0.05 * i as f64, 100.0 + 0.5 * a.sin(), 0)])
            })
            .chain(std::iter::once(("FAR".to_string(), vec![point(104.0, 103.0, 0)])))
            .collect();
        let v = view_of(&tails);
        let rects: Vec<Rect> = v.tails.iter().map(|t| t.label.as_ref().expect("every head inside, labels on").rect).collect();
        for (i, a) in rects.iter().enumerate() {
            assert!(a.left >= v.plot.left && a.right <= v.plot.right && a.top >= v.plot.top && a.bottom <= v.plot.bottom, "{} outside", v.tails[i].symbol);
            for (j, b) in rects.iter().enumerate().skip(i + 1) {
                assert!(!a.overlaps(b), "{} overlaps {}", v.tails[i].symbol, v.tails[j].symbol);
            }
            for t in &v.tails {
                let h = t.points.last().unwrap();
                let m = Rect { left: h.x - v.head_radius, top: h.y - v.head_radius, right: h.x + v.head_radius, bottom: h.y + v.head_radius };
                assert!(!a.overlaps(&m), "{} covers {}'s head", v.tails[i].symbol, t.symbol);
            }
        }
        // Moved labels point back to their head.
        assert!(v.tails.iter().any(|t| t.label.as_ref().is_some_and(|l| l.leader.is_some())));
    }

    #[test]
    fn tails_are_curves_through_every_point_brightening_toward_the_head() {
        let v = view_of(&[("A".into(), looping_tail())]);
        let tail = &v.tails[0];
        // Unzoomed nothing is clipped: one stroke per segment, each from point k to point k + 1.
        assert_eq!(tail.strokes.len(), tail.points.len() - 1);
        for (k, stroke) in tail.strokes.iter().enumerate() {
            let (a, b) = (&tail.points[k], &tail.points[k + 1]);
            assert_eq!(stroke.points.first(), Some(&(a.x, a.y)));
            assert_eq!(stroke.points.last(), Some(&(b.x, b.y)));
            assert!(stroke.points.len() > 2, "segment {k} is flattened into sub-steps");
            assert_eq!(stroke.alpha, b.alpha);
            for &(x, y) in &stroke.points {
                assert!(x >= a.x.min(b.x) - 1e-9 && x <= a.x.max(b.x) + 1e-9 && y >= a.y.min(b.y) - 1e-9 && y <= a.y.max(b.y) + 1e-9, "segment {k} overshoots at ({x}, {y})");
            }
        }
        assert!(tail.strokes.windows(2).all(|w| w[1].alpha > w[0].alpha));
        // The second segment bends: its middle sub-step is off the straight chord.
        let (s, a, b) = (&tail.strokes[1].points, &tail.points[1], &tail.points[2]);
        let mid = s[s.len() / 2];
        let off_chord = ((b.x - a.x) * (mid.1 - a.y) - (b.y - a.y) * (mid.0 - a.x)).abs() / (b.x - a.x).hypot(b.y - a.y);
        assert!(off_chord > 0.5, "middle of the curve {off_chord} px off the chord");
    }

    #[test]
    fn arrow_points_right_for_a_tail_moving_right() {
        let v = view_of(&[("A".into(), vec![point(98.0, 100.0, 0), point(99.0, 100.0, 1), point(101.0, 100.0, 2)])]);
        let head = v.tails[0].points.last().unwrap();
        let [tip, b1, b2] = v.tails[0].arrow.expect("a moving tail has an arrow");
        assert!(tip.0 > b1.0 && tip.0 > b2.0, "points right: {tip:?} {b1:?} {b2:?}");
        assert!(close(b1.0, b2.0) && close(tip.1, head.y) && close(b1.1 + b2.1, 2.0 * head.y));
        // The tip touches the circle marker's edge on the side the tail comes from.
        assert!(close(tip.0, head.x - v.head_radius));
        // 1.6 r long, 1.6 r wide.
        assert!(close(tip.0 - b1.0, 1.6 * v.head_radius) && close((b1.1 - b2.1).abs(), 1.6 * v.head_radius));
    }

    #[test]
    fn arrow_points_up_for_a_tail_moving_up_screen() {
        // RS-Momentum rising is the head moving up the screen (pixel y falling); the tail
        // curves in from the left, and the last step is straight up.
        let v = view_of(&[("A".into(), vec![point(98.0, 98.0, 0), point(100.0, 99.0, 1), point(100.0, 101.0, 2)])]);
        let head = v.tails[0].points.last().unwrap();
        let [tip, b1, b2] = v.tails[0].arrow.expect("a moving tail has an arrow");
        assert!(tip.1 < b1.1 && tip.1 < b2.1, "points up: {tip:?} {b1:?} {b2:?}");
        assert!(close(tip.0, head.x) && close(tip.1, head.y + v.head_radius));
    }

    #[test]
    fn arrow_tip_sits_on_each_marker_shape_outline() {
        let r = 5.0;
        assert!(close(marker_edge_distance(Marker::Circle, r, (1.0, 0.0)), r));
        assert!(close(marker_edge_distance(Marker::Square, r, (1.0, 0.0)), r));
        let diagonal = (std::f64::consts::FRAC_1_SQRT_2, std::f64::consts::FRAC_1_SQRT_2);
        assert!(close(marker_edge_distance(Marker::Square, r, diagonal), r * 2f64.sqrt()));
        assert!(close(marker_edge_distance(Marker::Diamond, r, (-1.0, 0.0)), 1.3 * r));
        // The triangle's base is 0.8 r below its centre (pixel y grows downward).
        assert!(close(marker_edge_distance(Marker::Triangle, r, (0.0, 1.0)), 0.8 * r));
        // A square-marker tail moving right: the tip is r left of the head.
        let tails: Vec<(String, Vec<RotationPoint>)> = (0..13).map(|i| (format!("S{i}"), vec![point(98.0, 99.0 + 0.1 * i as f64, 0), point(101.0, 99.0 + 0.1 * i as f64, 1)])).collect();
        let v = view_of(&tails);
        let square = &v.tails[12];
        assert_eq!(square.marker, Marker::Square);
        let head = square.points.last().unwrap();
        assert!(close(square.arrow.unwrap()[0].0, head.x - v.head_radius));
    }

    #[test]
    fn no_arrow_without_a_direction_and_no_nan_from_repeats() {
        let v = view_of(&[
            ("ONE".into(), vec![point(101.0, 101.0, 0)]),
            ("STILL".into(), vec![point(99.0, 99.0, 0), point(100.5, 99.5, 1), point(100.5, 99.5, 2)]),
            ("RESTART".into(), vec![point(99.0, 101.0, 0), point(99.0, 101.0, 1), point(98.0, 100.0, 2)]),
        ]);
        assert_eq!(v.tails[0].arrow, None);
        assert!(v.tails[0].strokes.is_empty());
        assert_eq!(v.tails[1].arrow, None, "the head did not move in the last step");
        let restart = v.tails[2].arrow.expect("moved in the last step");
        // The head moves left and down the screen, so the tip sits up and right of its centre.
        let head = v.tails[2].points.last().unwrap();
        assert!(restart[0].0 > head.x && restart[0].1 < head.y, "{restart:?}");
        for t in &v.tails {
            assert!(t.strokes.iter().flat_map(|s| &s.points).all(|p| p.0.is_finite() && p.1.is_finite()), "{} finite", t.symbol);
        }
    }

    #[test]
    fn points_outside_the_zoom_are_clipped_and_not_hit() {
        let tails = [("IN".to_string(), looping_tail()), ("OUT".to_string(), vec![point(101.0, 101.0, 0), point(96.0, 101.0, 1)])];
        let v = view_with(&tails, |s| s.zoom = Some(Viewport { x: (99.5, 104.0), y: (97.0, 103.0) }));
        let tail = &v.tails[0];
        let first = &tail.points[0];
        assert!(first.x < v.plot.left, "the oldest point is left of the viewport");
        assert_eq!(v.hit_test(first.x, first.y, 10.0), None);
        let all: Vec<(f64, f64)> = v.tails.iter().flat_map(|t| &t.strokes).flat_map(|s| s.points.iter().copied()).collect();
        assert!(!all.is_empty());
        assert!(all.iter().all(|&p| inside(&v.plot, p)), "every stroke inside the plot");
        // The first segment is cut where it crosses the left edge.
        assert!(tail.strokes.first().is_some_and(|s| close(s.points[0].0, v.plot.left)));
        assert!(tail.label.is_some() && tail.arrow.is_some());
        // A head outside the viewport: no label, no arrow, not hit; its tail still shows inside.
        let out = &v.tails[1];
        assert!(out.label.is_none() && out.arrow.is_none());
        let out_head = out.points.last().unwrap();
        assert_eq!(v.hit_test(out_head.x, out_head.y, 10.0), None);
        assert!(!out.strokes.is_empty());
    }

    #[test]
    fn viewport_from_pixels_round_trips_through_the_scale() {
        let tails = [("A".to_string(), looping_tail())];
        let v = view_of(&tails);
        // Corners given bottom-right first.
        let vp = v.viewport_from_pixels((500.0, 400.0), (200.0, 150.0)).expect("a real drag");
        assert!(close(vp.x.0, v.x.invert(200.0)) && close(vp.x.1, v.x.invert(500.0)));
        assert!(close(vp.y.0, v.y.invert(400.0)) && close(vp.y.1, v.y.invert(150.0)));
        assert!(vp.x.0 < vp.x.1 && vp.y.0 < vp.y.1);
        let zoomed = view_with(&tails, |s| s.zoom = Some(vp));
        assert_eq!(zoomed.viewport(), vp);
        // The dragged rectangle fills the new plot: its corners map to the plot's corners, and
        // its middle to the plot's middle.
        assert!(close(zoomed.x.map(v.x.invert(200.0)), zoomed.plot.left) && close(zoomed.x.map(v.x.invert(500.0)), zoomed.plot.right));
        assert!(close(zoomed.y.map(v.y.invert(400.0)), zoomed.plot.bottom) && close(zoomed.y.map(v.y.invert(150.0)), zoomed.plot.top));
        assert!(close(zoomed.x.map(v.x.invert(350.0)), (zoomed.plot.left + zoomed.plot.right) / 2.0));
        // Too small in either direction, or not finite: not a zoom.
        assert_eq!(v.viewport_from_pixels((200.0, 150.0), (202.0, 400.0)), None);
        assert_eq!(v.viewport_from_pixels((200.0, 150.0), (500.0, 153.0)), None);
        assert_eq!(v.viewport_from_pixels((f64::NAN, 150.0), (500.0, 400.0)), None);
        // Dragging past the plot stops at its edges: the whole plot is today's viewport.
        let all = v.viewport_from_pixels((-50.0, -50.0), (5000.0, 5000.0)).unwrap();
        assert!(close(all.x.0, v.x.domain.0) && close(all.x.1, v.x.domain.1) && close(all.y.0, v.y.domain.0) && close(all.y.1, v.y.domain.1));
    }

    #[test]
    fn zoomed_by_scales_the_ranges_about_the_pointer() {
        let v = view_of(&[("A".into(), looping_tail())]);
        let now = v.viewport();
        assert_eq!(now, Viewport { x: v.x.domain, y: v.y.domain });
        let centre = ((v.plot.left + v.plot.right) / 2.0, (v.plot.top + v.plot.bottom) / 2.0);
        let half = v.zoomed_by(0.5, centre);
        assert!(close(half.x.1 - half.x.0, (now.x.1 - now.x.0) / 2.0) && close(half.y.1 - half.y.0, (now.y.1 - now.y.0) / 2.0));
        // The fitted view is centred on 100/100, so is the half-size one.
        assert!(close(half.x.0 + half.x.1, 200.0) && close(half.y.0 + half.y.1, 200.0));
        // About the bottom-left corner, that corner's data point stays put.
        let corner = v.zoomed_by(0.5, (v.plot.left, v.plot.bottom));
        assert!(close(corner.x.0, now.x.0) && close(corner.y.0, now.y.0) && close(corner.x.1, (now.x.0 + now.x.1) / 2.0));
        assert!(close(v.zoomed_by(2.0, centre).x.1 - v.zoomed_by(2.0, centre).x.0, 2.0 * (now.x.1 - now.x.0)));
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(v.zoomed_by(bad, centre), now);
        }
    }

    #[test]
    fn zoom_is_normalised_and_an_unusable_one_is_ignored() {
        let tails = [("A".to_string(), looping_tail())];
        let fitted = view_of(&tails);
        let reversed = view_with(&tails, |s| s.zoom = Some(Viewport { x: (104.0, 101.0), y: (103.0, 97.0) }));
        assert_eq!(reversed.viewport(), Viewport { x: (101.0, 104.0), y: (97.0, 103.0) });
        let nan = view_with(&tails, |s| s.zoom = Some(Viewport { x: (f64::NAN, 101.0), y: (97.0, 103.0) }));
        assert_eq!(nan.viewport(), fitted.viewport());
        let flat = view_with(&tails, |s| s.zoom = Some(Viewport { x: (101.0, 101.0), y: (97.0, 103.0) }));
        assert!(close(flat.x.domain.0, 101.0 - MIN_ZOOM_SPAN / 2.0) && close(flat.x.domain.1, 101.0 + MIN_ZOOM_SPAN / 2.0));
    }
}
