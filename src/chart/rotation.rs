//! The relative rotation graph: RS-Ratio (x) against RS-Momentum (y), four shaded quadrants
//! around the 100/100 cross, and per symbol a tail whose opacity rises toward the labelled head.
//!
//! [`RrgView::build`] lays everything out in device pixels once (ranges, ticks, quadrants,
//! tails, non-overlapping head labels); [`draw_rrg`] paints it; [`draw_rrg_overlay`] paints
//! only the hover or focus ring on a second canvas; [`RrgView::hit_test`] finds the point under
//! the pointer without touching the analytics.

use super::draw::{self, Brush};
use super::format::Format;
use super::labels::{text_width, Rect};
use super::scale::{decimals_for_step, nice_step, nice_ticks, LinearScale};
use super::theme::{Palette, Rgb};
use crate::analysis::rotation::{Quadrant, RotationPoint};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

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
        [Marker::Circle, Marker::Square, Marker::Triangle, Marker::Diamond][(slot / palette_len.max(1)) % 4]
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

pub struct RrgSpec<'a> {
    pub tails: &'a [TailInput<'a>],
    /// Canvas size in device pixels and device pixels per CSS pixel.
    pub width: f64,
    pub height: f64,
    pub ui: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PointView {
    pub x: f64,
    pub y: f64,
    /// Opacity: rises linearly from 0.25 at the oldest point to 1 at the head.
    pub alpha: f64,
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
    pub points: Vec<PointView>,
    pub label: HeadLabel,
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
    fn anchor(self) -> (HPos, VPos) {
        (if self.right() { HPos::Right } else { HPos::Left }, if self.bottom() { VPos::Bottom } else { VPos::Top })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuadrantView {
    pub quadrant: Quadrant,
    pub rect: Rect,
    /// Where the name goes (its outer corner) and which corner that is.
    pub label_at: (f64, f64),
    pub corner: Corner,
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
    pub tails: Vec<TailView>,
    pub font_px: f64,
    pub head_radius: f64,
}

/// Half-width of an axis range centred on 100 that holds every value with 15 % to spare
/// (at least ±1, so a quiet market is not magnified into noise).
fn half_range(values: impl Iterator<Item = f64>) -> f64 {
    values.map(|v| (v - 100.0).abs()).fold(0.0, f64::max).mul_add(1.15, 0.0).max(1.0)
}

impl RrgView {
    pub fn build(spec: &RrgSpec, fmt: &dyn Format) -> RrgView {
        let ui = spec.ui.max(0.5);
        let font_px = (11.0 * ui).round();
        let head_radius = 5.0 * ui;
        let visible = || spec.tails.iter().flat_map(|t| t.points.iter());
        let hx = half_range(visible().map(|p| p.rs_ratio));
        let hy = half_range(visible().map(|p| p.rs_momentum));

        let target = |px: f64| ((px / (70.0 * ui)).floor() as usize).clamp(2, 10);
        let left = 52.0 * ui;
        let bottom_gutter = 40.0 * ui;
        let plot = Rect { left, top: 10.0 * ui, right: spec.width - 14.0 * ui, bottom: spec.height - bottom_gutter };
        let x = LinearScale::new((100.0 - hx, 100.0 + hx), (plot.left, plot.right));
        let y = LinearScale::new((100.0 - hy, 100.0 + hy), (plot.bottom, plot.top));
        let ticks = |scale: &LinearScale, span: f64, n: usize| {
            let step = nice_step(2.0 * span, n);
            let decimals = decimals_for_step(step);
            nice_ticks(100.0 - span, 100.0 + span, n)
                .into_iter()
                .map(|v| Tick { px: scale.map(v), label: fmt.number(v, decimals) })
                .collect::<Vec<_>>()
        };
        let x_ticks = ticks(&x, hx, target(plot.width()));
        let y_ticks = ticks(&y, hy, target(plot.height()));

        let (cx, cy) = (x.map(100.0), y.map(100.0));
        let pad = 8.0 * ui;
        let quadrants = vec![
            QuadrantView { quadrant: Quadrant::Leading, rect: Rect { left: cx, top: plot.top, right: plot.right, bottom: cy }, label_at: (plot.right - pad, plot.top + pad), corner: Corner::TopRight },
            QuadrantView { quadrant: Quadrant::Weakening, rect: Rect { left: cx, top: cy, right: plot.right, bottom: plot.bottom }, label_at: (plot.right - pad, plot.bottom - pad), corner: Corner::BottomRight },
            QuadrantView { quadrant: Quadrant::Lagging, rect: Rect { left: plot.left, top: cy, right: cx, bottom: plot.bottom }, label_at: (plot.left + pad, plot.bottom - pad), corner: Corner::BottomLeft },
            QuadrantView { quadrant: Quadrant::Improving, rect: Rect { left: plot.left, top: plot.top, right: cx, bottom: cy }, label_at: (plot.left + pad, plot.top + pad), corner: Corner::TopLeft },
        ];

        let tails_xy: Vec<Vec<PointView>> = spec
            .tails
            .iter()
            .map(|t| {
                let n = t.points.len();
                t.points
                    .iter()
                    .enumerate()
                    .map(|(k, p)| PointView {
                        x: x.map(p.rs_ratio),
                        y: y.map(p.rs_momentum),
                        alpha: if n <= 1 { 1.0 } else { 0.25 + 0.75 * k as f64 / (n - 1) as f64 },
                    })
                    .collect()
            })
            .collect();

        // Quadrant names occupy their corners: labels keep clear of them too.
        let quadrant_boxes: Vec<Rect> = quadrants
            .iter()
            .map(|q| {
                let w = text_width(q.quadrant.name(), font_px) + 4.0 * ui;
                let h = font_px * 1.4;
                let (lx, ly) = q.label_at;
                let left = if q.corner.right() { lx - w } else { lx };
                let top = if q.corner.bottom() { ly - h } else { ly };
                Rect { left, top, right: left + w, bottom: top + h }
            })
            .collect();
        let heads: Vec<Option<(f64, f64)>> = tails_xy.iter().map(|p| p.last().map(|h| (h.x, h.y))).collect();
        let labels = place_labels(spec.tails, &heads, plot, &quadrant_boxes, font_px, head_radius, ui);

        let tails = spec
            .tails
            .iter()
            .zip(tails_xy)
            .zip(labels)
            .map(|((t, points), label)| TailView { symbol: t.symbol.to_owned(), colour: t.colour, marker: t.marker, emphasis: t.emphasis, points, label })
            .collect();

        RrgView { width: spec.width, height: spec.height, ui, plot, x, y, x_ticks, y_ticks, quadrants, tails, font_px, head_radius }
    }

    /// The (tail, point) nearest to a device-pixel position within `radius` device pixels,
    /// heads winning ties so the symbol's latest state is what the pointer finds first.
    pub fn hit_test(&self, px: f64, py: f64, radius: f64) -> Option<(usize, usize)> {
        let mut best: Option<(f64, usize, usize)> = None;
        for (t, tail) in self.tails.iter().enumerate() {
            let head = tail.points.len().saturating_sub(1);
            for (k, p) in tail.points.iter().enumerate() {
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
}

/// Greedy placement of head labels: highlighted labels first, then from the most crowded
/// area outward; each takes the first of eight positions around its head (at growing
/// distances, with a leader line once it moves off) that overlaps no placed label, no head
/// marker, no quadrant name and stays inside the plot.
fn place_labels(tails: &[TailInput], heads: &[Option<(f64, f64)>], plot: Rect, reserved: &[Rect], font_px: f64, head_radius: f64, ui: f64) -> Vec<HeadLabel> {
    let h = font_px * 1.3;
    let marker_boxes: Vec<Rect> = heads
        .iter()
        .flatten()
        .map(|&(x, y)| Rect { left: x - head_radius, top: y - head_radius, right: x + head_radius, bottom: y + head_radius })
        .collect();
    let crowding = |i: usize| -> usize {
        let Some((x, y)) = heads[i] else { return 0 };
        heads.iter().flatten().filter(|&&(ox, oy)| (ox - x).abs() < 60.0 * ui && (oy - y).abs() < 30.0 * ui).count()
    };
    let mut order: Vec<usize> = (0..tails.len()).collect();
    order.sort_by_key(|&i| (tails[i].emphasis != Emphasis::Highlighted, std::cmp::Reverse(crowding(i)), i));

    let mut placed: Vec<Option<HeadLabel>> = vec![None; tails.len()];
    let mut taken: Vec<Rect> = reserved.to_vec();
    // Eight directions: right, left, up, down, then the diagonals.
    let dirs = [(1.0, 0.0), (-1.0, 0.0), (0.0, -1.0), (0.0, 1.0), (1.0, -1.0), (-1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)];
    for &i in &order {
        let text = tails[i].symbol.to_owned();
        let Some((hx, hy)) = heads[i] else {
            placed[i] = Some(HeadLabel { text, rect: Rect { left: 0.0, top: 0.0, right: 0.0, bottom: 0.0 }, leader: None });
            continue;
        };
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
        placed[i] = Some(HeadLabel { text, rect, leader });
    }
    placed.into_iter().map(|l| l.expect("every label placed")).collect()
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

fn draw_marker<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, brush: &Brush, marker: Marker, at: (f64, f64), r: f64, colour: Rgb, ring: Rgb) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    match marker {
        Marker::Circle => {
            area.draw(&Circle::new(draw::px(at), (r + 1.5 * brush.ui).round() as i32, draw::rgb(ring).filled()))?;
            area.draw(&Circle::new(draw::px(at), r.round() as i32, draw::rgb(colour).filled()))
        }
        shape => {
            let outer: Vec<(i32, i32)> = marker_path(shape, at, r + 1.5 * brush.ui).into_iter().map(draw::px).collect();
            let inner: Vec<(i32, i32)> = marker_path(shape, at, r).into_iter().map(draw::px).collect();
            area.draw(&Polygon::new(outer, draw::rgb(ring).filled()))?;
            area.draw(&Polygon::new(inner, draw::rgb(colour).filled()))
        }
    }
}

/// Paints the whole graph (everything but hover and focus).
pub fn draw_rrg<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &RrgView, palette: &Palette) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let brush = Brush::new(view.ui, palette);
    let ui = view.ui;
    area.fill(&draw::rgb(palette.background))?;
    for q in &view.quadrants {
        let r = q.rect;
        brush.rect(area, (r.left, r.top), (r.right, r.bottom), palette.quadrants[q.quadrant.index()], 1.0)?;
    }
    let p = view.plot;
    for t in &view.x_ticks {
        brush.line(area, (t.px, p.top), (t.px, p.bottom), palette.grid, 1.0)?;
        brush.text(area, &t.label, (t.px, p.bottom + 5.0 * ui), view.font_px, palette.muted, (HPos::Center, VPos::Top), false)?;
    }
    for t in &view.y_ticks {
        brush.line(area, (p.left, t.px), (p.right, t.px), palette.grid, 1.0)?;
        brush.text(area, &t.label, (p.left - 6.0 * ui, t.px), view.font_px, palette.muted, (HPos::Right, VPos::Center), false)?;
    }
    // The 100/100 cross and the frame.
    let (cx, cy) = (view.x.map(100.0), view.y.map(100.0));
    brush.line(area, (cx, p.top), (cx, p.bottom), palette.axis, 1.5)?;
    brush.line(area, (p.left, cy), (p.right, cy), palette.axis, 1.5)?;
    brush.path(area, &[(p.left, p.top), (p.right, p.top), (p.right, p.bottom), (p.left, p.bottom), (p.left, p.top)], palette.axis, 1.0)?;
    for q in &view.quadrants {
        brush.text(area, q.quadrant.name(), q.label_at, view.font_px * 1.1, palette.quadrant_text[q.quadrant.index()], q.corner.anchor(), true)?;
    }
    brush.text(area, "RS-Ratio →", ((p.left + p.right) / 2.0, p.bottom + 22.0 * ui), view.font_px, palette.text, (HPos::Center, VPos::Top), true)?;
    let text_colour = draw::rgb(palette.text);
    let style = TextStyle::from((FontFamily::Name(draw::FONT_FAMILY), view.font_px, FontStyle::Bold).into_font())
        .color(&text_colour)
        .transform(FontTransform::Rotate270)
        .pos(plotters::style::text_anchor::Pos::new(HPos::Center, VPos::Top));
    area.draw_text("RS-Momentum →", &style, draw::px((6.0 * ui, (p.top + p.bottom) / 2.0)))?;

    // Faded tails first, highlighted last, so emphasis reads on top.
    let mut order: Vec<&TailView> = view.tails.iter().collect();
    order.sort_by_key(|t| match t.emphasis {
        Emphasis::Faded => 0,
        Emphasis::Normal => 1,
        Emphasis::Highlighted => 2,
    });
    for tail in order {
        let (fade, width) = match tail.emphasis {
            Emphasis::Faded => (0.22, 1.0),
            Emphasis::Normal => (1.0, 1.6),
            Emphasis::Highlighted => (1.0, 2.6),
        };
        for seg in tail.points.windows(2) {
            brush.path_alpha(area, &[(seg[0].x, seg[0].y), (seg[1].x, seg[1].y)], tail.colour, seg[1].alpha * fade, width)?;
        }
        if let Some((head, rest)) = tail.points.split_last() {
            for pt in rest {
                brush.circle(area, (pt.x, pt.y), 2.4, tail.colour, pt.alpha * fade, true)?;
            }
            let colour = if tail.emphasis == Emphasis::Faded { tail.colour.mix(palette.background, 0.7) } else { tail.colour };
            let r = if tail.emphasis == Emphasis::Highlighted { view.head_radius * 1.3 } else { view.head_radius };
            draw_marker(area, &brush, tail.marker, (head.x, head.y), r, colour, palette.background)?;
            if let Some((from, to)) = tail.label.leader {
                brush.path_alpha(area, &[from, to], tail.colour, 0.6 * fade, 1.0)?;
            }
            let l = &tail.label.rect;
            let text_colour = if tail.emphasis == Emphasis::Faded { tail.colour.mix(palette.background, 0.55) } else { tail.colour };
            brush.text(area, &tail.label.text, ((l.left + l.right) / 2.0, (l.top + l.bottom) / 2.0), view.font_px, text_colour, (HPos::Center, VPos::Center), true)?;
        }
    }
    Ok(())
}

/// Paints the hover or keyboard-focus ring around one point on a transparent overlay.
pub fn draw_rrg_overlay<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &RrgView, palette: &Palette, target: Option<(usize, usize)>) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&TRANSPARENT)?;
    let Some((t, k)) = target else { return Ok(()) };
    let Some(p) = view.tails.get(t).and_then(|tail| tail.points.get(k)) else { return Ok(()) };
    let brush = Brush::new(view.ui, palette);
    let r = (view.head_radius + 5.0 * view.ui) / view.ui;
    brush.circle(area, (p.x, p.y), r + 1.5, palette.background, 1.0, false)?;
    brush.circle(area, (p.x, p.y), r, palette.text, 1.0, false)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Date;
    use crate::chart::format::PlainFormat;

    fn point(rsr: f64, rsm: f64, week: i32) -> RotationPoint {
        RotationPoint { date: Date::parse_iso("2026-01-05").unwrap().add_days(7 * week), rs_ratio: rsr, rs_momentum: rsm, quadrant: Quadrant::of(rsr, rsm), partial: false, index: week as usize }
    }

    fn view_of(tails: &[(String, Vec<RotationPoint>)]) -> RrgView {
        let inputs: Vec<TailInput> = tails
            .iter()
            .enumerate()
            .map(|(i, (s, p))| TailInput { symbol: s, colour: Rgb(i as u8, 0, 0), marker: Marker::for_slot(i, 12), emphasis: Emphasis::Normal, points: p })
            .collect();
        RrgView::build(&RrgSpec { tails: &inputs, width: 900.0, height: 600.0, ui: 1.0 }, &PlainFormat)
    }

    #[test]
    fn ranges_are_centred_on_100_and_hold_every_point() {
        let v = view_of(&[("A".into(), vec![point(97.0, 101.0, 0), point(103.5, 99.0, 1)])]);
        // x: max |Δ| 3.5 × 1.15 = 4.025 either side of 100; y: 1 × 1.15 = 1.15.
        assert!((v.x.domain.0 - 95.975).abs() < 1e-9 && (v.x.domain.1 - 104.025).abs() < 1e-9);
        assert!((v.y.domain.0 - 98.85).abs() < 1e-9 && (v.y.domain.1 - 101.15).abs() < 1e-9);
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
        assert_eq!(v.x.domain, (99.0, 101.0));
        assert_eq!(v.y.domain, (99.0, 101.0));
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
        let rects: Vec<Rect> = v.tails.iter().map(|t| t.label.rect).collect();
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
        assert!(v.tails.iter().any(|t| t.label.leader.is_some()));
    }

    #[test]
    fn marker_shapes_change_when_colours_wrap() {
        assert_eq!(Marker::for_slot(0, 12), Marker::Circle);
        assert_eq!(Marker::for_slot(11, 12), Marker::Circle);
        assert_eq!(Marker::for_slot(12, 12), Marker::Square);
        assert_eq!(Marker::for_slot(30, 12), Marker::Triangle);
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn draws_quadrants_names_and_tails_on_svg() {
        let v = view_of(&[("IWM".into(), vec![point(98.0, 101.0, 0), point(101.0, 102.0, 1)])]);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (900, 600)).into_drawing_area();
            draw_rrg(&root, &v, &Palette::light()).unwrap();
        }
        for name in ["Leading", "Weakening", "Lagging", "Improving", "IWM", "RS-Ratio →"] {
            assert!(svg.contains(&format!("\n{name}\n")), "{name} drawn");
        }
        assert!(svg.to_uppercase().contains("#E8F6EC"), "leading fill drawn");
    }
}
