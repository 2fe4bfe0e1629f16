//! Head labels: each head's symbol placed where it overlaps no other label, head marker or
//! quadrant name, with a leader line back to its head when it had to move away.

use crate::chart::labels::{text_width, Rect};
use super::marks::{Emphasis, TailInput};

#[derive(Debug, Clone, PartialEq)]
pub struct HeadLabel {
    pub text: String,
    /// The label's box; text is centred in it.
    pub rect: Rect,
    /// A line from the head to the label when the label had to move away.
    pub leader: Option<((f64, f64), (f64, f64))>,
}

/// Greedy placement of head labels: highlighted labels first, then from the most crowded
/// area outward; each takes the first of eight positions around its head (at growing
/// distances, with a leader line once it moves off) that overlaps no placed label, no head
/// marker, no quadrant name and stays inside the plot. Heads that are `None` (outside the
/// plot) get no label.
pub(super) fn place_labels(tails: &[TailInput], heads: &[Option<(f64, f64)>], plot: Rect, reserved: &[Rect], font_px: f64, head_radius: f64, ui: f64) -> Vec<Option<HeadLabel>> {
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
