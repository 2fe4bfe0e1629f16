//! The relative rotation graph: RS-Ratio (x) against RS-Momentum (y), four shaded quadrants
//! around the 100/100 cross, and per symbol a smooth tail whose opacity rises toward the
//! labelled head, with an arrowhead showing which way the head is moving.
//!
//! [`RrgView::build`] lays everything out in device pixels once (ranges or the zoomed
//! viewport, ticks, quadrants, smoothed and clipped tails, arrows, non-overlapping head
//! labels); [`draw_rrg`] paints it (emphasis there is the pinned symbol's, a click);
//! [`draw_rrg_overlay`] paints only the hover or focus ring on a second canvas,
//! [`draw_rrg_highlight`] the hovered or focused symbol over a wash that fades the rest, and
//! [`draw_zoom_rect`] the rectangle being dragged out to zoom;
//! [`RrgView::hit_test`] finds the point under the pointer without touching the analytics.

use super::curve::{clip_polyline, smooth_through, Cubic, Point};
use super::draw::Brush;
use super::format::Format;
use super::labels::{text_width, Rect};
use super::scale::{decimals_for_step, nice_step, nice_ticks, LinearScale};
use super::theme::{Palette, Rgb};
use crate::analysis::rotation::{Quadrant, RotationPoint};
use super::paint::{Align, Baseline, Ink, Painter, TextStyle};

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
/// Narrowest viewport range (RS units): past this the ticks' decimals run out and a pinch
/// would magnify float noise.
const MIN_ZOOM_SPAN: f64 = 1e-3;
/// How far outside the plot (device pixels) a point still counts as inside, so a point
/// mapped exactly onto a viewport edge is not lost to rounding.
const EDGE_TOLERANCE_PX: f64 = 1e-6;

/// Marker shapes, so symbols that share a colour (more than 12 shown) still differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
}

impl Marker {
    /// The marker for colour slot `slot`: a new shape each time the palette wraps around.
    pub fn for_slot(slot: usize, palette_len: usize) -> Marker {
        match (slot / palette_len.max(1)) % 4 {
            0 => Marker::Circle,
            1 => Marker::Square,
            2 => Marker::Triangle,
            _ => Marker::Diamond,
        }
    }
}

/// How a tail is drawn relative to the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    Normal,
    Highlighted,
    Faded,
}

/// One symbol's tail, oldest point first.
#[derive(Debug, Clone)]
pub struct TailInput<'a> {
    pub symbol: &'a str,
    pub colour: Rgb,
    pub marker: Marker,
    pub emphasis: Emphasis,
    pub points: &'a [RotationPoint],
}

/// A rectangle of the graph in data units: RS-Ratio range `x`, RS-Momentum range `y`, each
/// `(low, high)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub x: (f64, f64),
    pub y: (f64, f64),
}

impl Viewport {
    /// Both ranges low to high and at least [`MIN_ZOOM_SPAN`] wide (widened about their
    /// middle), or `None` if any bound is not finite.
    fn normalised(self) -> Option<Viewport> {
        let range = |(a, b): (f64, f64)| -> Option<(f64, f64)> {
            if !(a.is_finite() && b.is_finite()) {
                return None;
            }
            let (lo, hi) = (a.min(b), a.max(b));
            if hi - lo >= MIN_ZOOM_SPAN {
                return Some((lo, hi));
            }
            let mid = lo / 2.0 + hi / 2.0;
            Some((mid - MIN_ZOOM_SPAN / 2.0, mid + MIN_ZOOM_SPAN / 2.0))
        };
        Some(Viewport { x: range(self.x)?, y: range(self.y)? })
    }
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
pub struct HeadLabel {
    pub text: String,
    /// The label's box; text is centred in it.
    pub rect: Rect,
    /// A line from the head to the label when the label had to move away.
    pub leader: Option<((f64, f64), (f64, f64))>,
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
    fn anchor(self) -> (Align, Baseline) {
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
}

impl QuadrantView {
    /// Whether any of the quadrant is on screen, and so its fill and name are drawn.
    fn visible(&self) -> bool {
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
fn between(v: f64, a: f64, b: f64) -> f64 {
    v.max(a.min(b)).min(a.max(b))
}

fn inside(plot: &Rect, (x, y): Point) -> bool {
    let e = EDGE_TOLERANCE_PX;
    x >= plot.left - e && x <= plot.right + e && y >= plot.top - e && y <= plot.bottom + e
}

/// The radius a head marker is drawn at: highlighted heads are larger.
fn head_marker_radius(head_radius: f64, emphasis: Emphasis) -> f64 {
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
        let quadrants = vec![
            QuadrantView { quadrant: Quadrant::Leading, rect: Rect { left: cx, top: plot.top, right: plot.right, bottom: cy }, label_at: (plot.right - pad, plot.top + pad), corner: Corner::TopRight },
            QuadrantView { quadrant: Quadrant::Weakening, rect: Rect { left: cx, top: cy, right: plot.right, bottom: plot.bottom }, label_at: (plot.right - pad, plot.bottom - pad), corner: Corner::BottomRight },
            QuadrantView { quadrant: Quadrant::Lagging, rect: Rect { left: plot.left, top: cy, right: cx, bottom: plot.bottom }, label_at: (plot.left + pad, plot.bottom - pad), corner: Corner::BottomLeft },
            QuadrantView { quadrant: Quadrant::Improving, rect: Rect { left: plot.left, top: plot.top, right: cx, bottom: cy }, label_at: (plot.left + pad, plot.top + pad), corner: Corner::TopLeft },
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
                TailView { symbol: t.symbol.to_owned(), colour: t.colour, marker: t.marker, emphasis: t.emphasis, points, strokes, arrow, highlight_arrow, label: None }
            })
            .collect();

        if spec.show_labels {
            // Quadrant names occupy their corners: labels keep clear of them too.
            let quadrant_boxes: Vec<Rect> = quadrants
                .iter()
                .filter(|q| q.visible())
                .map(|q| {
                    let w = text_width(q.quadrant.name(), font_px) + 4.0 * ui;
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

/// Distance from a marker's centre to its outline in the unit direction `dir`: the radius for
/// a circle, the ray's first crossing of an edge for the polygon shapes.
fn marker_edge_distance(marker: Marker, r: f64, dir: Point) -> f64 {
    let outline = marker_path(marker, (0.0, 0.0), r);
    let cross = |a: Point, b: Point| a.0 * b.1 - a.1 * b.0;
    // Solve t·dir = a + s·(b − a) for each edge a → b, with t > 0 and s in 0..=1.
    let hits = outline.iter().zip(outline.iter().cycle().skip(1)).filter_map(|(&a, &b)| {
        let edge = (b.0 - a.0, b.1 - a.1);
        let denom = cross(dir, edge);
        if denom.abs() < 1e-12 {
            return None;
        }
        let (t, s) = (cross(a, edge) / denom, cross(a, dir) / denom);
        (t > 0.0 && (-1e-9..=1.0 + 1e-9).contains(&s)).then_some(t)
    });
    hits.fold(None, |best: Option<f64>, t| Some(best.map_or(t, |b| b.min(t)))).unwrap_or(r)
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

/// Greedy placement of head labels: highlighted labels first, then from the most crowded
/// area outward; each takes the first of eight positions around its head (at growing
/// distances, with a leader line once it moves off) that overlaps no placed label, no head
/// marker, no quadrant name and stays inside the plot. Heads that are `None` (outside the
/// plot) get no label.
fn place_labels(tails: &[TailInput], heads: &[Option<(f64, f64)>], plot: Rect, reserved: &[Rect], font_px: f64, head_radius: f64, ui: f64) -> Vec<Option<HeadLabel>> {
    let h = font_px * 1.3;
    let head_of = |i: usize| heads.get(i).copied().flatten();
    let marker_boxes: Vec<Rect> = heads
        .iter()
        .flatten()
        .map(|&(x, y)| Rect { left: x - head_radius, top: y - head_radius, right: x + head_radius, bottom: y + head_radius })
        .collect();
    let crowding = |i: usize| -> usize {
        let Some((x, y)) = head_of(i) else { return 0 };
        heads.iter().flatten().filter(|&&(ox, oy)| (ox - x).abs() < 60.0 * ui && (oy - y).abs() < 30.0 * ui).count()
    };
    let mut order: Vec<usize> = (0..tails.len()).collect();
    crate::analysis::sorting::sort_by_key(&mut order, |&i| (tails.get(i).is_none_or(|t| t.emphasis != Emphasis::Highlighted), std::cmp::Reverse(crowding(i)), i));

    let mut placed: Vec<Option<HeadLabel>> = vec![None; tails.len()];
    let mut taken: Vec<Rect> = reserved.to_vec();
    // Eight directions: right, left, up, down, then the diagonals.
    let dirs = [(1.0, 0.0), (-1.0, 0.0), (0.0, -1.0), (0.0, 1.0), (1.0, -1.0), (-1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)];
    for &i in &order {
        let (Some((hx, hy)), Some(tail)) = (head_of(i), tails.get(i)) else { continue };
        let text = tail.symbol.to_owned();
        let w = text_width(&text, font_px) + 4.0 * ui;
        let rect_at = |dx: f64, dy: f64, dist: f64| -> Rect {
            let gap = head_radius + 3.0 * ui + dist;
            let cx = hx + dx * (gap + w / 2.0);
            let cy = hy + dy * (gap + h / 2.0);
            Rect { left: cx - w / 2.0, top: cy - h / 2.0, right: cx + w / 2.0, bottom: cy + h / 2.0 }
        };
        let fits = |r: &Rect| {
            r.left >= plot.left && r.right <= plot.right && r.top >= plot.top && r.bottom <= plot.bottom
                && !taken.iter().any(|t| t.overlaps(r))
                && !marker_boxes.iter().any(|m| m.overlaps(r))
        };
        let mut choice = None;
        'search: for step in 0..8 {
            let dist = step as f64 * 10.0 * ui;
            for &(dx, dy) in &dirs {
                let r = rect_at(dx, dy, dist);
                if fits(&r) {
                    choice = Some((r, step > 0));
                    break 'search;
                }
            }
        }
        // Nowhere free (extremely crowded): the position that overlaps least, inside the plot.
        let (rect, moved) = choice.unwrap_or_else(|| {
            let overlap = |r: &Rect| -> f64 {
                taken.iter().chain(&marker_boxes).filter(|t| t.overlaps(r)).map(|t| (r.right.min(t.right) - r.left.max(t.left)) * (r.bottom.min(t.bottom) - r.top.max(t.top))).sum()
            };
            let candidates = (0..8).flat_map(|s| dirs.iter().map(move |&(dx, dy)| (dx, dy, s)));
            let best = candidates
                .map(|(dx, dy, s)| rect_at(dx, dy, s as f64 * 10.0 * ui))
                .filter(|r| r.left >= plot.left && r.right <= plot.right && r.top >= plot.top && r.bottom <= plot.bottom)
                .min_by(|a, b| overlap(a).total_cmp(&overlap(b)))
                .unwrap_or_else(|| rect_at(1.0, 0.0, 0.0));
            (best, true)
        });
        let leader = moved.then(|| {
            let (lx, ly) = ((rect.left + rect.right) / 2.0, (rect.top + rect.bottom) / 2.0);
            ((hx, hy), nearest_edge_point(&rect, lx, ly, hx, hy))
        });
        taken.push(rect);
        if let Some(slot) = placed.get_mut(i) {
            *slot = Some(HeadLabel { text, rect, leader });
        }
    }
    placed
}

/// Where the segment from the label centre toward the head leaves the label's box.
fn nearest_edge_point(r: &Rect, cx: f64, cy: f64, hx: f64, hy: f64) -> (f64, f64) {
    let (dx, dy) = (hx - cx, hy - cy);
    let tx = if dx.abs() > 1e-9 { (r.width() / 2.0) / dx.abs() } else { f64::INFINITY };
    let ty = if dy.abs() > 1e-9 { (r.height() / 2.0) / dy.abs() } else { f64::INFINITY };
    let t = tx.min(ty).min(1.0);
    (cx + dx * t, cy + dy * t)
}

fn marker_path(marker: Marker, (x, y): (f64, f64), r: f64) -> Vec<(f64, f64)> {
    match marker {
        Marker::Circle => Vec::new(),
        Marker::Square => vec![(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)],
        Marker::Triangle => vec![(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)],
        Marker::Diamond => vec![(x, y - r * 1.3), (x + r * 1.3, y), (x, y + r * 1.3), (x - r * 1.3, y)],
    }
}

/// A head marker of radius `r` (device pixels) in `colour`, on a halo of `ring` 1.5 px wider.
fn draw_marker(pen: &mut dyn Painter, brush: &Brush, marker: Marker, at: (f64, f64), r: f64, colour: Rgb, ring: Rgb) {
    match marker {
        Marker::Circle => {
            pen.fill_circles(&[at], (r + 1.5 * brush.ui).round(), Ink::solid(ring));
            pen.fill_circles(&[at], r.round(), Ink::solid(colour));
        }
        shape => {
            pen.fill_polygon(&marker_path(shape, at, r + 1.5 * brush.ui), Ink::solid(ring));
            pen.fill_polygon(&marker_path(shape, at, r), Ink::solid(colour));
        }
    }
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

/// Paints the whole graph (everything but hover, focus and the zoom rectangle).
pub fn draw_rrg(pen: &mut dyn Painter, view: &RrgView, palette: &Palette) {
    let brush = Brush::new(view.ui, palette);
    let ui = view.ui;
    let p = view.plot;
    brush.rect(pen, (0.0, 0.0), (view.width, view.height), palette.background, 1.0);
    for q in view.quadrants.iter().filter(|q| q.visible()) {
        let r = q.rect;
        brush.rect(pen, (r.left, r.top), (r.right, r.bottom), palette.quadrant_colours(q.quadrant).0, 1.0);
    }
    for t in &view.x_ticks {
        brush.line(pen, (t.px, p.top), (t.px, p.bottom), palette.grid, 1.0);
    }
    for t in &view.y_ticks {
        brush.line(pen, (p.left, t.px), (p.right, t.px), palette.grid, 1.0);
    }
    // The 100/100 cross, where the viewport includes it.
    if let Some(cx) = view.cross_x {
        brush.line(pen, (cx, p.top), (cx, p.bottom), palette.axis, 1.5);
    }
    if let Some(cy) = view.cross_y {
        brush.line(pen, (p.left, cy), (p.right, cy), palette.axis, 1.5);
    }
    for q in view.quadrants.iter().filter(|q| q.visible()) {
        brush.text(pen, q.quadrant.name(), q.label_at, view.font_px * 1.1, palette.quadrant_colours(q.quadrant).1, q.corner.anchor(), true);
    }

    // Faded tails first, highlighted last, so emphasis reads on top.
    let mut order: Vec<&TailView> = view.tails.iter().collect();
    crate::analysis::sorting::sort_by_key(&mut order, |t| match t.emphasis {
        Emphasis::Faded => 0,
        Emphasis::Normal => 1,
        Emphasis::Highlighted => 2,
    });
    for tail in order {
        draw_tail(pen, &brush, view, palette, tail, tail.emphasis);
    }

    clip_to_plot(pen, &brush, view, palette);
    for t in &view.x_ticks {
        brush.text(pen, &t.label, (t.px, p.bottom + 5.0 * ui), view.font_px, palette.muted, (Align::Centre, Baseline::Top), false);
    }
    for t in &view.y_ticks {
        brush.text(pen, &t.label, (p.left - 6.0 * ui, t.px), view.font_px, palette.muted, (Align::Right, Baseline::Middle), false);
    }
    brush.text(pen, "RS-Ratio →", ((p.left + p.right) / 2.0, p.bottom + 22.0 * ui), view.font_px, palette.text, (Align::Centre, Baseline::Top), true);
    let upward = TextStyle { px: view.font_px, bold: true, align: Align::Centre, baseline: Baseline::Top, upward: true };
    pen.text("RS-Momentum →", (6.0 * ui, (p.top + p.bottom) / 2.0), upward, Ink::solid(palette.text));
}

/// One tail as `emphasis` says: curve, dots, head marker, arrow and label.
fn draw_tail(pen: &mut dyn Painter, brush: &Brush, view: &RrgView, palette: &Palette, tail: &TailView, emphasis: Emphasis) {
    let p = view.plot;
    let (fade, width) = match emphasis {
        Emphasis::Faded => (0.22, 1.0),
        Emphasis::Normal => (1.0, 1.6),
        Emphasis::Highlighted => (1.0, 2.6),
    };
    for stroke in &tail.strokes {
        let width = if stroke.fine { 1.0 / view.ui } else { width };
        brush.path_alpha(pen, &stroke.points, tail.colour, stroke.alpha * fade, width);
    }
    let Some((head, rest)) = tail.points.split_last() else { return };
    if view.show_tails {
        // Dots of one opacity go in one fill.
        let newest = rest.len().saturating_sub(DOTTED_POINTS - 1);
        let mut batch: Vec<Point> = Vec::new();
        let mut batch_alpha = 1.0;
        for pt in rest.iter().skip(newest).filter(|pt| inside(&p, (pt.x, pt.y))) {
            if pt.alpha != batch_alpha {
                brush.dots(pen, &batch, 2.4, tail.colour, batch_alpha * fade);
                batch.clear();
                batch_alpha = pt.alpha;
            }
            batch.push((pt.x, pt.y));
        }
        brush.dots(pen, &batch, 2.4, tail.colour, batch_alpha * fade);
    }
    let colour = if emphasis == Emphasis::Faded { tail.colour.mix(palette.background, 0.7) } else { tail.colour };
    if inside(&p, (head.x, head.y)) {
        draw_marker(pen, brush, tail.marker, (head.x, head.y), head_marker_radius(view.head_radius, emphasis), colour, palette.background);
    }
    // After the marker, so the tip meets the coloured edge rather than its halo.
    let arrow = if emphasis == Emphasis::Highlighted { &tail.highlight_arrow } else { &tail.arrow };
    if let Some(arrow) = arrow {
        brush.polygon(pen, arrow, colour, 1.0);
    }
    if let Some(label) = &tail.label {
        if let Some((from, to)) = label.leader {
            brush.path_alpha(pen, &[from, to], tail.colour, 0.6 * fade, 1.0);
        }
        let l = &label.rect;
        let text_colour = if emphasis == Emphasis::Faded { tail.colour.mix(palette.background, 0.55) } else { tail.colour };
        brush.text(pen, &label.text, ((l.left + l.right) / 2.0, (l.top + l.bottom) / 2.0), view.font_px, text_colour, (Align::Centre, Baseline::Middle), true);
    }
}

/// Paints the margins in the background colour, so nothing drawn in the plot reaches past it.
fn clip_to_plot(pen: &mut dyn Painter, brush: &Brush, view: &RrgView, palette: &Palette) {
    let p = view.plot;
    // Clip: markers and arrows of heads near the edge of a zoomed plot may reach past it;
    // painting the margins over them keeps the plot's content inside the frame.
    let (w, h) = (view.width, view.height);
    for (a, b) in [((0.0, 0.0), (w, p.top)), ((0.0, p.bottom), (w, h)), ((0.0, p.top), (p.left, p.bottom)), ((p.right, p.top), (w, p.bottom))] {
        brush.rect(pen, a, b, palette.background, 1.0);
    }
    brush.path(pen, &[(p.left, p.top), (p.right, p.top), (p.right, p.bottom), (p.left, p.bottom), (p.left, p.top)], palette.axis, 1.0);
}

/// How strongly the overlay's wash fades the scene under a highlighted tail (the opacity of
/// the background colour laid over the plot): the rest read as faded, as pinned tails do.
pub const HIGHLIGHT_WASH: f64 = 0.7;

/// Paints the highlight of tail `t` on the overlay (hover, keyboard focus, a legend or table
/// row pointed at): a wash of the background over the plot fades everything the scene drew,
/// then the tail is drawn on top, highlighted. Uses the laid-out view as is: nothing is
/// rebuilt. Does not clear the overlay (call [`draw_rrg_overlay`] first).
pub fn draw_rrg_highlight(pen: &mut dyn Painter, view: &RrgView, palette: &Palette, t: usize) {
    let Some(tail) = view.tails.get(t) else { return };
    let brush = Brush::new(view.ui, palette);
    let p = view.plot;
    brush.rect(pen, (p.left, p.top), (p.right, p.bottom), palette.background, HIGHLIGHT_WASH);
    // Unlike the scene, the margins are not painted over (that would hide the axes beneath),
    // so a head marker at the very edge of a zoomed plot may show its outer half.
    draw_tail(pen, &brush, view, palette, tail, Emphasis::Highlighted)
}

/// Paints the hover or keyboard-focus ring around one point on a transparent overlay
/// (clearing it first); nothing for a point outside the plot.
pub fn draw_rrg_overlay(pen: &mut dyn Painter, view: &RrgView, palette: &Palette, target: Option<(usize, usize)>) {
    pen.clear();
    draw_rrg_ring(pen, view, palette, target)
}

/// The ring of [`draw_rrg_overlay`] without clearing, to go on top of a highlight.
pub fn draw_rrg_ring(pen: &mut dyn Painter, view: &RrgView, palette: &Palette, target: Option<(usize, usize)>) {
    let Some((t, k)) = target else { return };
    let Some(p) = view.tails.get(t).and_then(|tail| tail.points.get(k)) else { return };
    if !inside(&view.plot, (p.x, p.y)) {
        return;
    }
    let brush = Brush::new(view.ui, palette);
    let r = (view.head_radius + 5.0 * view.ui) / view.ui;
    brush.circle(pen, (p.x, p.y), r + 1.5, palette.background, 1.0, false);
    brush.circle(pen, (p.x, p.y), r, palette.text, 1.0, false);
}

/// Paints the rectangle being dragged out to zoom, from `a` to `b` (device pixels, any two
/// opposite corners, limited to the plot as [`RrgView::viewport_from_pixels`] limits them):
/// a translucent fill and a 1 px outline. Does not clear the overlay, so it can follow
/// [`draw_rrg_overlay`] on the same canvas.
pub fn draw_zoom_rect(pen: &mut dyn Painter, view: &RrgView, palette: &Palette, a: (f64, f64), b: (f64, f64)) {
    if ![a.0, a.1, b.0, b.1].iter().all(|v| v.is_finite()) {
        return;
    }
    let p = &view.plot;
    let (x0, x1) = (between(a.0, p.left, p.right), between(b.0, p.left, p.right));
    let (y0, y1) = (between(a.1, p.top, p.bottom), between(b.1, p.top, p.bottom));
    let (left, right, top, bottom) = (x0.min(x1), x0.max(x1), y0.min(y1), y0.max(y1));
    if right - left < 1.0 || bottom - top < 1.0 {
        return;
    }
    let brush = Brush::new(view.ui, palette);
    brush.rect(pen, (left, top), (right, bottom), palette.text, 0.08);
    brush.path_alpha(pen, &[(left, top), (right, top), (right, bottom), (left, bottom), (left, top)], palette.text, 0.7, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Date;
    use crate::chart::format::PlainFormat;
    use crate::chart::paint::SvgPainter;

    fn point(rsr: f64, rsm: f64, week: i32) -> RotationPoint {
        RotationPoint { date: Date::parse_iso("2026-01-05").unwrap().add_days(7 * week), rs_ratio: rsr, rs_momentum: rsm, quadrant: Quadrant::of(rsr, rsm), partial: false, index: week as usize }
    }

    /// Builds a 900 × 600 view at ui 1 with `options` applied to the default spec (tails
    /// and labels on, not zoomed).
    fn view_with(tails: &[(String, Vec<RotationPoint>)], options: impl FnOnce(&mut RrgSpec)) -> RrgView {
        let inputs: Vec<TailInput> = tails
            .iter()
            .enumerate()
            .map(|(i, (s, p))| TailInput { symbol: s, colour: Rgb(i as u8, 0, 0), marker: Marker::for_slot(i, 12), emphasis: Emphasis::Normal, points: p })
            .collect();
        let mut spec = RrgSpec { tails: &inputs, width: 900.0, height: 600.0, ui: 1.0, show_tails: true, show_labels: true, zoom: None };
        options(&mut spec);
        RrgView::build(&spec, &PlainFormat)
    }

    fn view_of(tails: &[(String, Vec<RotationPoint>)]) -> RrgView {
        view_with(tails, |_| {})
    }

    fn svg_of(view: &RrgView) -> String {
        let mut svg = SvgPainter::default();
        draw_rrg(&mut svg, view, &Palette::light());
        svg.body
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

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
    fn marker_shapes_change_when_colours_wrap() {
        assert_eq!(Marker::for_slot(0, 12), Marker::Circle);
        assert_eq!(Marker::for_slot(11, 12), Marker::Circle);
        assert_eq!(Marker::for_slot(12, 12), Marker::Square);
        assert_eq!(Marker::for_slot(30, 12), Marker::Triangle);
    }

    #[test]
    fn draws_quadrants_names_and_tails_on_svg() {
        let v = view_of(&[("IWM".into(), vec![point(98.0, 101.0, 0), point(101.0, 102.0, 1)])]);
        let svg = svg_of(&v);
        for name in ["Leading", "Weakening", "Lagging", "Improving", "IWM", "RS-Ratio →"] {
            assert!(svg.contains(&format!("\n{name}\n")), "{name} drawn");
        }
        assert!(svg.to_uppercase().contains("#E8F6EC"), "leading fill drawn");
    }

    /// The overlay's highlight needs no new layout: it draws the one tail, highlighted (thicker
    /// curve, larger head with its own arrow, full-colour label) over a wash of the plot.
    #[test]
    fn the_highlight_draws_one_tail_over_a_wash_without_relayout() {
        let v = view_of(&[("IWM".into(), vec![point(98.0, 101.0, 0), point(101.0, 102.0, 1)]), ("IJR".into(), vec![point(99.0, 98.0, 0), point(100.5, 99.0, 1)])]);
        let before = v.clone();
        let mut painter = SvgPainter::default();
        draw_rrg_overlay(&mut painter, &v, &Palette::light(), None);
        draw_rrg_highlight(&mut painter, &v, &Palette::light(), 1);
        draw_rrg_highlight(&mut painter, &v, &Palette::light(), 7); // no such tail: nothing
        let svg = painter.body;
        assert_eq!(v, before);
        assert!(svg.contains("\nIJR\n") && !svg.contains("\nIWM\n"), "only the highlighted tail's label");
        assert!(svg.contains("opacity=\"0.7\""), "the wash");
        let (normal, highlighted) = (v.tails[1].arrow.unwrap(), v.tails[1].highlight_arrow.unwrap());
        assert!(normal[0] != highlighted[0], "the larger head has its own arrow tip");
    }

    /// The points of a tail moving through the four quadrants, for curve tests.
    fn looping_tail() -> Vec<RotationPoint> {
        vec![point(98.0, 99.0, 0), point(99.0, 101.5, 1), point(101.0, 102.0, 2), point(102.5, 100.5, 3), point(101.5, 98.5, 4)]
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
    fn long_tails_are_drawn_in_at_most_16_strokes_and_dotted_only_at_their_newest_52_points() {
        // A 200-week spiral: every segment bends, nothing is clipped.
        let spiral: Vec<RotationPoint> = (0..200)
            .map(|k| {
                let a = k as f64 * 0.3;
                let r = 0.5 + k as f64 * 0.01;
                point(100.0 + r * a.cos(), 100.0 + r * a.sin(), k)
            })
            .collect();
        let v = view_of(&[("A".into(), spiral)]);
        let tail = &v.tails[0];
        assert_eq!(tail.strokes.len(), MAX_STROKES_PER_TAIL, "199 segments in runs of 13");
        // The runs join up into one curve from the oldest point to the head.
        let first = &tail.points[0];
        let head = tail.points.last().unwrap();
        assert_eq!(tail.strokes[0].points.first(), Some(&(first.x, first.y)));
        assert_eq!(tail.strokes.last().unwrap().points.last(), Some(&(head.x, head.y)));
        for w in tail.strokes.windows(2) {
            assert_eq!(w[0].points.last(), w[1].points.first(), "runs meet");
            assert!(w[1].alpha > w[0].alpha, "brighter toward the head");
        }
        assert_eq!(tail.strokes.last().unwrap().alpha, 1.0);
        // The newest 52 segments are curves (flattened into sub-steps), the older ones straight:
        // every point of the tail's old part is a vertex and there are no others.
        let vertices: usize = tail.strokes.iter().map(|s| s.points.len()).sum::<usize>() - (tail.strokes.len() - 1);
        let old_segments = 199 - DOTTED_POINTS;
        assert!(vertices > old_segments + 2 * DOTTED_POINTS, "{vertices} vertices: the newest part is curved");
        let first_curved_point = &tail.points[old_segments];
        let old_part: Vec<(f64, f64)> = tail.strokes.iter().flat_map(|s| s.points.iter().copied()).take_while(|&p| p != (first_curved_point.x, first_curved_point.y)).collect();
        let mut expected: Vec<(f64, f64)> = tail.points[..old_segments].iter().map(|p| (p.x, p.y)).collect();
        expected.dedup();
        let mut got = old_part;
        got.dedup();
        assert_eq!(got, expected, "the old part is the points joined by straight lines");
        // A short tail keeps a dot on every point but the head, whose marker (a circle for the
        // first colour slot) is drawn in circles of its own; the long one has 51 dots.
        let short = view_of(&[("A".into(), looping_tail())]);
        let head_circles = svg_of(&short).matches("<circle").count() - (short.tails[0].points.len() - 1);
        assert!(head_circles >= 1);
        let dots = svg_of(&v).matches("<circle").count() - head_circles;
        assert_eq!(dots, DOTTED_POINTS - 1, "dots on the newest points only");
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
    fn tails_off_draws_and_hits_only_heads() {
        let tails = [("A".to_string(), vec![point(98.0, 99.0, 0), point(99.0, 101.0, 1), point(101.0, 102.0, 2)])];
        let on = view_of(&tails);
        let off = view_with(&tails, |s| s.show_tails = false);
        assert!(off.tails[0].strokes.is_empty());
        // The head's arrow stays, pointing the same way.
        assert!(off.tails[0].arrow.is_some());
        assert_eq!(off.tails[0].arrow, on.tails[0].arrow);
        let first = &off.tails[0].points[0];
        assert_eq!(on.hit_test(first.x, first.y, 10.0), Some((0, 0)));
        assert_eq!(off.hit_test(first.x, first.y, 10.0), None);
        let head = &off.tails[0].points[2];
        assert_eq!(off.hit_test(head.x, head.y, 10.0), Some((0, 2)));
        // Circle markers: two tail dots plus the head's halo and fill, then only the head.
        assert_eq!(svg_of(&on).matches("<circle").count(), 4);
        assert_eq!(svg_of(&off).matches("<circle").count(), 2);
    }

    #[test]
    fn labels_off_places_and_draws_no_labels() {
        let tails = [("IWM".to_string(), vec![point(98.0, 101.0, 0), point(101.0, 102.0, 1)])];
        let v = view_with(&tails, |s| s.show_labels = false);
        assert!(v.tails.iter().all(|t| t.label.is_none()));
        let svg = svg_of(&v);
        assert!(!svg.contains("\nIWM\n"), "no head label");
        assert!(svg.contains("\nLeading\n"), "quadrant names still drawn");
        assert!(view_of(&tails).tails[0].label.is_some());
    }

    #[test]
    fn a_zoom_right_of_100_drops_the_vertical_cross_and_the_left_quadrants() {
        let tails = [("A".to_string(), looping_tail())];
        let v = view_with(&tails, |s| s.zoom = Some(Viewport { x: (101.0, 105.0), y: (95.0, 105.0) }));
        assert_eq!(v.x.domain, (101.0, 105.0));
        assert_eq!(v.cross_x, None);
        assert!(v.cross_y.is_some_and(|cy| close(cy, (v.plot.top + v.plot.bottom) / 2.0)));
        let width = |q: Quadrant| v.quadrants.iter().find(|v| v.quadrant == q).unwrap().rect.width();
        assert_eq!(width(Quadrant::Lagging), 0.0);
        assert_eq!(width(Quadrant::Improving), 0.0);
        assert!(close(width(Quadrant::Leading), v.plot.width()) && close(width(Quadrant::Weakening), v.plot.width()));
        let area: f64 = v.quadrants.iter().map(|q| q.rect.width() * q.rect.height()).sum();
        assert!((area - v.plot.width() * v.plot.height()).abs() < 1e-6);
        // Ticks follow the viewport: 834 px wide asks for 10 intervals, 4 / 10 rounds up to
        // a step of 0.5, so 101.0, 101.5, … 105.0.
        assert!(v.x_ticks.iter().all(|t| t.px >= v.plot.left - 1e-9 && t.px <= v.plot.right + 1e-9));
        let labels: Vec<&str> = v.x_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels.first(), Some(&"101.0"));
        assert_eq!(labels.last(), Some(&"105.0"));
        assert_eq!(labels.len(), 9);
        let svg = svg_of(&v);
        assert!(svg.contains("\nLeading\n") && svg.contains("\nWeakening\n"));
        assert!(!svg.contains("\nLagging\n") && !svg.contains("\nImproving\n"));
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

    #[test]
    fn overlay_rings_only_points_inside_and_draws_the_zoom_rectangle() {
        let tails = [("A".to_string(), looping_tail())];
        let v = view_with(&tails, |s| s.zoom = Some(Viewport { x: (99.5, 104.0), y: (97.0, 103.0) }));
        let overlay = |target: Option<(usize, usize)>, drag: Option<((f64, f64), (f64, f64))>| {
            let mut svg = SvgPainter::default();
            draw_rrg_overlay(&mut svg, &v, &Palette::light(), target);
            if let Some((a, b)) = drag {
                draw_zoom_rect(&mut svg, &v, &Palette::light(), a, b);
            }
            svg.body
        };
        assert_eq!(overlay(Some((0, 0)), None).matches("<circle").count(), 0, "point 0 is outside the zoom");
        assert_eq!(overlay(Some((0, 4)), None).matches("<circle").count(), 2);
        assert_eq!(overlay(Some((7, 0)), None).matches("<circle").count(), 0);
        // A drag from inside to beyond the bottom-right corner is limited to the plot.
        let svg = overlay(None, Some(((300.0, 200.0), (5000.0, 5000.0))));
        let (w, h) = (v.plot.right.round() as i32 - 300, v.plot.bottom.round() as i32 - 200);
        assert!(svg.contains(&format!("<rect x=\"300\" y=\"200\" width=\"{w}\" height=\"{h}\" opacity=\"0.08\"")), "{svg}");
        assert!(svg.contains("<polyline"), "outline drawn");
        // A click-sized drag draws nothing.
        assert!(!overlay(None, Some(((300.0, 200.0), (300.5, 200.0)))).contains("<rect"));
    }
}
