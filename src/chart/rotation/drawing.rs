//! Painting the laid-out graph: the scene (quadrants, grid, cross, tails, heads, labels,
//! axes), and on the overlay the highlight over a wash, the hover or focus ring and the
//! rectangle being dragged out to zoom.

use crate::chart::curve::Point;
use crate::chart::draw::Brush;
use crate::chart::paint::{Align, Baseline, Ink, Painter, TextStyle};
use crate::chart::theme::{Palette, Rgb};
use super::layout::{between, head_marker_radius, inside, PointView, RrgView, TailView, DOTTED_POINTS};
use super::marks::{marker_path, Emphasis, Marker, HIGHLIGHT_WASH};

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
        brush.text(pen, &q.name, q.label_at, view.font_px * 1.1, palette.quadrant_colours(q.quadrant).1, q.corner.anchor(), true);
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
    // The first point after the note was published: a ring in the tail's colour on a halo,
    // drawn only where all of it is inside the plot (the highlight overlay is not clipped).
    let r = head_marker_radius(view.head_radius, emphasis) / view.ui + 3.5;
    let ring_fits = |pt: &&PointView| {
        let reach = (r + 1.5 + 1.0) * view.ui;
        pt.x - reach >= p.left && pt.x + reach <= p.right && pt.y - reach >= p.top && pt.y + reach <= p.bottom
    };
    if let Some(pt) = tail.note_point.and_then(|k| tail.points.get(k)).filter(|pt| ring_fits(pt) && (view.show_tails || std::ptr::eq(*pt, head))) {
        brush.circle(pen, (pt.x, pt.y), r + 1.5, palette.background, fade, false);
        brush.circle(pen, (pt.x, pt.y), r, colour, fade, false);
    }
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
    use super::super::layout::fixtures::*;
    use super::super::layout::MAX_STROKES_PER_TAIL;
    use super::super::marks::Viewport;
    use crate::analysis::rotation::{Quadrant, RotationPoint};
    use crate::chart::paint::SvgPainter;

    fn svg_of(view: &RrgView) -> String {
        let mut svg = SvgPainter::default();
        draw_rrg(&mut svg, view, &Palette::light());
        svg.body
    }

    #[test]
    fn the_first_point_since_the_note_gets_a_ring_and_no_other_changes() {
        let tails = [("IWM".to_string(), (0..6).map(|w| point(98.0 + w as f64, 99.0 + w as f64 * 0.5, w)).collect::<Vec<_>>())];
        // Weekly points from Monday 2026-01-05: a note on Wednesday Jan 14 rings Jan 19's (point 2).
        let day = crate::analysis::Date::parse_iso("2026-01-14").unwrap();
        let plain = view_of(&tails);
        let noted = view_with(&tails, |s| s.published = Some(day));
        assert_eq!(noted.tails[0].note_point, Some(2));
        assert_eq!(plain.tails[0].note_point, None);
        assert_eq!(noted.tails[0].points, plain.tails[0].points, "the points are where they were");
        // Two more circles (the ring and its halo), the dots unchanged.
        assert_eq!(svg_of(&noted).matches("<circle").count(), svg_of(&plain).matches("<circle").count() + 2);
        // On a point's own day it is that point; before the tail or after it, none.
        assert_eq!(view_with(&tails, |s| s.published = Some(tails[0].1[3].date)).tails[0].note_point, Some(3));
        assert_eq!(view_with(&tails, |s| s.published = Some(day.add_days(-30))).tails[0].note_point, None);
        assert_eq!(view_with(&tails, |s| s.published = Some(day.add_days(60))).tails[0].note_point, None);
    }

    /// The ring is decided on the whole history: a tail drawn from the first point since the
    /// note (the point before it, off the tail, older than the day) rings that point.
    #[test]
    fn a_tail_starting_at_the_first_point_since_the_note_rings_it() {
        use super::super::layout::{note_point, RrgSpec};
        use super::super::marks::{Emphasis, Marker, TailInput};
        use crate::chart::format::PlainFormat;
        let history: Vec<RotationPoint> = (0..6).map(|w| point(98.0 + w as f64, 99.0 + w as f64 * 0.5, w)).collect();
        // Weekly from Monday 2026-01-05; a note on Wednesday Jan 14: the first point since is 2 (Jan 19).
        let day = crate::analysis::Date::parse_iso("2026-01-14").unwrap();
        assert_eq!(note_point(&history, 0, 6, day), Some(2));
        assert_eq!(note_point(&history, 2, 4, day), Some(0), "the tail starts at it");
        assert_eq!(note_point(&history, 1, 3, day), Some(1));
        assert_eq!(note_point(&history, 3, 3, day), None, "the tail starts after it");
        assert_eq!(note_point(&history, 0, 2, day), None, "the tail ends before it");
        assert_eq!(note_point(&history, 0, 6, day.add_days(-30)), None, "the history starts after the day");
        assert_eq!(note_point(&history, 0, 6, history[0].date), Some(0), "on the history's first day");
        assert_eq!(note_point(&history, 0, 6, day.add_days(60)), None);
        let build = |start: usize, published: Option<crate::analysis::Date>| {
            let inputs = [TailInput { symbol: "IWM", colour: Rgb(1, 2, 3), marker: Marker::Circle, emphasis: Emphasis::Normal, points: &history[start..], history: &history, start }];
            let spec = RrgSpec { tails: &inputs, width: 900.0, height: 600.0, ui: 1.0, show_tails: true, show_labels: true, zoom: None, quadrant_names: ["Leading", "Weakening", "Lagging", "Improving"], published };
            RrgView::build(&spec, &PlainFormat)
        };
        let (at, after) = (build(2, Some(day)), build(3, Some(day)));
        assert_eq!((at.tails[0].note_point, after.tails[0].note_point), (Some(0), None));
        assert_eq!(svg_of(&at).matches("<circle").count(), svg_of(&build(2, None)).matches("<circle").count() + 2, "ringed");
        assert_eq!(svg_of(&after), svg_of(&build(3, None)), "not ringed");
    }

    /// The ring is drawn only where all of it is inside the plot, not just its centre.
    #[test]
    fn the_note_ring_stays_inside_the_plot() {
        let tails = [("IWM".to_string(), (0..6).map(|w| point(98.0 + w as f64, 99.0 + w as f64 * 0.5, w)).collect::<Vec<_>>())];
        let day = tails[0].1[2].date;
        let ringed = |zoom: Option<Viewport>| {
            let v = view_with(&tails, |s| {
                s.published = Some(day);
                s.zoom = zoom;
            });
            svg_of(&v).matches("<circle").count() - svg_of(&view_with(&tails, |s| s.zoom = zoom)).matches("<circle").count()
        };
        assert_eq!(ringed(None), 2);
        // Point 2 is at RS-Ratio 100: a viewport whose left edge is there puts it on the edge.
        let p = &tails[0].1[2];
        assert_eq!(ringed(Some(Viewport { x: (p.rs_ratio, p.rs_ratio + 4.0), y: (p.rs_momentum - 2.0, p.rs_momentum + 2.0) })), 0, "its centre on the plot's edge");
        assert_eq!(ringed(Some(Viewport { x: (p.rs_ratio - 2.0, p.rs_ratio + 2.0), y: (p.rs_momentum - 2.0, p.rs_momentum + 2.0) })), 2, "in the middle");
    }

    #[test]
    fn the_slider_marks_the_first_step_since_the_note_at_its_share_of_the_track() {
        use super::super::layout::{slider_mark, SliderMark};
        use crate::chart::performance::NoteDay;
        let d = |s: &str| crate::analysis::Date::parse_iso(s).unwrap();
        // Steps at table indices 0, 5 and 10 of daily dates from Monday Feb 2.
        let dates: Vec<crate::analysis::Date> = (0..11).map(|i| d("2026-02-02").add_days(i)).collect();
        let timeline = [0, 5, 10];
        assert_eq!(slider_mark(&dates, &timeline, d("2026-02-04")), Some(SliderMark { step: 1, share: 0.5, day: NoteDay::FirstSince }));
        assert_eq!(slider_mark(&dates, &timeline, d("2026-02-07")), Some(SliderMark { step: 1, share: 0.5, day: NoteDay::Published }));
        assert_eq!(slider_mark(&dates, &timeline, d("2026-02-12")), Some(SliderMark { step: 2, share: 1.0, day: NoteDay::Published }));
        assert_eq!(slider_mark(&dates, &timeline, d("2026-02-02")), Some(SliderMark { step: 0, share: 0.0, day: NoteDay::Published }));
        // Before the first step (the steps' history starts after the day) or after the last: none.
        assert_eq!(slider_mark(&dates, &timeline, d("2026-01-04")), None);
        assert_eq!(slider_mark(&dates, &timeline, d("2026-03-04")), None);
        // A later part of the timeline: decided on the whole of it, the first step still ringed.
        assert_eq!(slider_mark(&dates, &[5, 10], d("2026-02-06")), None, "starts after the day");
        assert_eq!(slider_mark(&dates, &[0, 5, 10], d("2026-02-06")).map(|m| m.step), Some(1));
        assert_eq!(slider_mark(&dates, &[7], d("2026-02-09")), Some(SliderMark { step: 0, share: 0.0, day: NoteDay::Published }), "one step");
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
