//! Smooth tails: a centripetal Catmull-Rom curve through a tail's pixel points, as one cubic
//! Bézier per pair of neighbours, kept from overshooting its points, flattened into polylines
//! (so clipping, and the SVG writer in tests, see exactly the line the canvas draws) and
//! clipped to the plot.
//!
//! Centripetal (α = 0.5) rather than uniform knots because uniform Catmull-Rom loops and
//! cusps where a tail makes a short step after a long one, which on a rotation graph would
//! draw a loop the data never made.

use super::labels::Rect;

/// A point in device pixels.
pub type Point = (f64, f64);

/// One cubic Bézier segment from `from` to `to`, pulled toward `c1` and then `c2`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cubic {
    pub from: Point,
    pub c1: Point,
    pub c2: Point,
    pub to: Point,
}

/// Most sub-steps one segment is flattened into: past this the polyline is smooth at any
/// size a tail segment has on screen, and a zoomed-in segment cannot cost unbounded work.
const MAX_FLATTEN_STEPS: usize = 32;

fn sub(a: Point, b: Point) -> Point {
    (a.0 - b.0, a.1 - b.1)
}

fn distance(a: Point, b: Point) -> f64 {
    let (dx, dy) = sub(a, b);
    dx.hypot(dy)
}

/// `v` limited to the interval between `a` and `b` in either order. Not `f64::clamp`, which
/// panics on NaN bounds; a NaN `v` comes out as a bound.
fn between(v: f64, a: f64, b: f64) -> f64 {
    v.max(a.min(b)).min(a.max(b))
}

impl Cubic {
    /// The point at parameter `u` in `0..=1`, in Bernstein form
    /// `(1−u)³·from + 3(1−u)²u·c1 + 3(1−u)u²·c2 + u³·to`: a weighted mean of the four
    /// control points, so it lies in their convex hull.
    pub fn point_at(&self, u: f64) -> Point {
        let v = 1.0 - u;
        let (w0, w1, w2, w3) = (v * v * v, 3.0 * v * v * u, 3.0 * v * u * u, u * u * u);
        let blend = |a: f64, b: f64, c: f64, d: f64| w0 * a + w1 * b + w2 * c + w3 * d;
        (blend(self.from.0, self.c1.0, self.c2.0, self.to.0), blend(self.from.1, self.c1.1, self.c2.1, self.to.1))
    }

    /// The segment as a polyline at evenly spaced parameters, starting exactly at `from` and
    /// ending exactly at `to`. The number of sub-steps is the control polygon's length (never
    /// shorter than the curve) divided by `max_step` pixels, rounded up, at least 1 and at
    /// most 32.
    pub fn flatten(&self, max_step: f64) -> Vec<Point> {
        let length = distance(self.from, self.c1) + distance(self.c1, self.c2) + distance(self.c2, self.to);
        let wanted = (length / max_step).ceil();
        self.sampled(wanted)
    }

    /// The segment at `wanted` evenly spaced sub-steps (at least 1, at most 32; NaN is 1),
    /// starting exactly at `from` and ending exactly at `to`.
    fn sampled(&self, wanted: f64) -> Vec<Point> {
        let steps = if wanted.is_nan() { 1 } else { wanted.clamp(1.0, MAX_FLATTEN_STEPS as f64) as usize };
        let mut points = Vec::with_capacity(steps + 1);
        points.push(self.from);
        points.extend((1..steps).map(|k| self.point_at(k as f64 / steps as f64)));
        points.push(self.to);
        points
    }

    /// The segment as a polyline at evenly spaced parameters that never strays more than
    /// `tolerance` pixels from the curve: by Wang's formula, `n = ⌈√(¾ · M / tolerance)⌉`
    /// sub-steps where `M = max(|from − 2·c1 + c2|, |c1 − 2·c2 + to|)`, so a straight
    /// segment is one step and a gentle one a few, whatever its length; at most 32.
    pub fn flatten_within(&self, tolerance: f64) -> Vec<Point> {
        let second = |a: Point, b: Point, c: Point| (a.0 - 2.0 * b.0 + c.0).hypot(a.1 - 2.0 * b.1 + c.1);
        let (a, b) = (second(self.from, self.c1, self.c2), second(self.c1, self.c2, self.to));
        // A NaN anywhere (f64::max would drop it) makes one step, as in `flatten`.
        let m = if a.is_nan() || b.is_nan() { f64::NAN } else { a.max(b) };
        self.sampled((0.75 * m / tolerance).sqrt().ceil())
    }
}

/// Tangent of the centripetal Catmull-Rom segment `p1 → p2` at `p1` (with `p0` before it),
/// scaled to the segment's own parameter range 0..1; `d01`, `d12` are the knot intervals
/// |P1 − P0|^0.5 and |P2 − P1|^0.5.
///
/// When `p0` coincides with `p1` (`d01 = 0`) the formula is 0 · ∞; its limit is a zero tangent,
/// which is what is returned, so points may repeat without producing NaN.
fn start_tangent(p0: Point, p1: Point, p2: Point, d01: f64, d12: f64) -> Point {
    if d01 == 0.0 {
        return (0.0, 0.0);
    }
    let (a, b) = (d12 / d01, d12 / (d01 + d12));
    ((p1.0 - p0.0) * a - (p2.0 - p0.0) * b + (p2.0 - p1.0), (p1.1 - p0.1) * a - (p2.1 - p0.1) * b + (p2.1 - p1.1))
}

/// Tangent of the segment `p1 → p2` at `p2` (with `p3` after it), the mirror of
/// [`start_tangent`]; zero when `p3` coincides with `p2`.
fn end_tangent(p1: Point, p2: Point, p3: Point, d12: f64, d23: f64) -> Point {
    if d23 == 0.0 {
        return (0.0, 0.0);
    }
    let (a, b) = (d12 / (d12 + d23), d12 / d23);
    ((p2.0 - p1.0) - (p3.0 - p1.0) * a + (p3.0 - p2.0) * b, (p2.1 - p1.1) - (p3.1 - p1.1) * a + (p3.1 - p2.1) * b)
}

/// The point `2·end − inner`: `inner` mirrored through `end`, standing in for the missing
/// neighbour beyond a tail's end. With it the end tangent is the chord to the inner neighbour.
fn reflected(end: Point, inner: Point) -> Point {
    (2.0 * end.0 - inner.0, 2.0 * end.1 - inner.1)
}

/// A smooth curve through every one of `points`: one cubic per consecutive pair (so
/// `points.len() − 1` of them, none for fewer than two points), segment `k` running exactly
/// from `points[k]` to `points[k + 1]`.
///
/// **Parametrisation** (centripetal Catmull-Rom, α = 0.5): knots grow by the square root of
/// the chord length, `t_{i+1} = t_i + |P_{i+1} − P_i|^0.5`. For the segment P1 → P2 with
/// neighbours P0, P3 and knot intervals `d01 = t1 − t0`, `d12 = t2 − t1`, `d23 = t3 − t2`,
/// the tangents at its ends, scaled to the segment's parameter range 0..1, are
///
/// ```text
/// m1 = (P1 − P0)·d12/d01 − (P2 − P0)·d12/(d01 + d12) + (P2 − P1)
/// m2 = (P2 − P1) − (P3 − P1)·d12/(d12 + d23) + (P3 − P2)·d12/d23
/// ```
///
/// and the equivalent Bézier (Hermite to Bézier) has inner control points
/// `c1 = P1 + m1/3` and `c2 = P2 − m2/3`.
///
/// **No overshoot:** each of `c1`, `c2` is then clamped into the axis-aligned box spanned by
/// P1 and P2. All four control points lie in that box, so by the convex-hull property the
/// segment never leaves it: the curve does not bulge past the points it joins. (Clamping can
/// bend the curve at a point where the tangent had to be shortened; it stays continuous.)
///
/// **Ends:** the missing neighbour before the first point and after the last is a *reflected
/// phantom point* (the inner neighbour mirrored through the end point), which makes each end
/// tangent the chord to its neighbour.
///
/// **Repeated points:** a zero-length segment becomes a point (all controls equal to it), and
/// a neighbour coinciding with a segment's end gives that end a zero tangent (the formula's
/// limit); the output stays finite for finite input.
pub fn smooth_through(points: &[Point]) -> Vec<Cubic> {
    points
        .iter()
        .zip(points.iter().skip(1))
        .enumerate()
        .map(|(k, (&p1, &p2))| {
            let p0 = k.checked_sub(1).and_then(|i| points.get(i)).copied().unwrap_or_else(|| reflected(p1, p2));
            let p3 = points.get(k + 2).copied().unwrap_or_else(|| reflected(p2, p1));
            let d12 = distance(p1, p2).sqrt();
            if d12 == 0.0 {
                return Cubic { from: p1, c1: p1, c2: p1, to: p2 };
            }
            let m1 = start_tangent(p0, p1, p2, distance(p0, p1).sqrt(), d12);
            let m2 = end_tangent(p1, p2, p3, d12, distance(p2, p3).sqrt());
            let into_box = |(x, y): Point| (between(x, p1.0, p2.0), between(y, p1.1, p2.1));
            Cubic { from: p1, c1: into_box((p1.0 + m1.0 / 3.0, p1.1 + m1.1 / 3.0)), c2: into_box((p2.0 - m2.0 / 3.0, p2.1 - m2.1 / 3.0)), to: p2 }
        })
        .collect()
}

/// The part of segment `a → b` inside `rect` (Liang–Barsky), as the parameters `(t_in, t_out)`
/// in 0..=1 where it enters and leaves; `None` if it misses the rectangle.
fn clip_segment(a: Point, b: Point, rect: &Rect) -> Option<(f64, f64)> {
    let (dx, dy) = sub(b, a);
    let (mut t_in, mut t_out) = (0.0_f64, 1.0_f64);
    // Each edge as (p, q): inside where p·t <= q.
    for (p, q) in [(-dx, a.0 - rect.left), (dx, rect.right - a.0), (-dy, a.1 - rect.top), (dy, rect.bottom - a.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return None; // parallel to this edge and outside it
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t_in = t_in.max(t);
            } else {
                t_out = t_out.min(t);
            }
        }
    }
    (t_in <= t_out).then_some((t_in, t_out))
}

/// The parts of `polyline` inside `rect`, each a polyline of at least two points, in order.
/// A polyline that leaves and re-enters the rectangle comes back as several parts; pieces
/// with a non-finite point are dropped.
pub(crate) fn clip_polyline(polyline: &[Point], rect: &Rect) -> Vec<Vec<Point>> {
    let mut parts = Vec::new();
    let mut current: Vec<Point> = Vec::new();
    let close = |current: &mut Vec<Point>, parts: &mut Vec<Vec<Point>>| {
        if current.len() >= 2 {
            parts.push(std::mem::take(current));
        }
        current.clear();
    };
    for (&a, &b) in polyline.iter().zip(polyline.iter().skip(1)) {
        let finite = a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite();
        let Some((t_in, t_out)) = clip_segment(a, b, rect).filter(|_| finite) else {
            close(&mut current, &mut parts);
            continue;
        };
        let at = |t: f64| if t == 0.0 { a } else if t == 1.0 { b } else { (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t) };
        // Continue the current part only if this piece starts where the last one ended inside.
        if t_in > 0.0 || current.is_empty() {
            close(&mut current, &mut parts);
            current.push(at(t_in));
        }
        current.push(at(t_out));
        if t_out < 1.0 {
            close(&mut current, &mut parts);
        }
    }
    close(&mut current, &mut parts);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close_to(a: Point, b: Point) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
    }

    /// Every flattened point of every segment within the box of the segment's end points.
    fn assert_no_overshoot(points: &[Point]) {
        let curve = smooth_through(points);
        assert_eq!(curve.len(), points.len().saturating_sub(1));
        for (k, c) in curve.iter().enumerate() {
            let (a, b) = (points[k], points[k + 1]);
            for p in c.flatten(0.5) {
                assert!(p.0 >= a.0.min(b.0) - 1e-9 && p.0 <= a.0.max(b.0) + 1e-9, "segment {k}: x {} outside {a:?}..{b:?}", p.0);
                assert!(p.1 >= a.1.min(b.1) - 1e-9 && p.1 <= a.1.max(b.1) + 1e-9, "segment {k}: y {} outside {a:?}..{b:?}", p.1);
            }
        }
    }

    #[test]
    fn curve_passes_through_every_point() {
        let points = [(10.0, 10.0), (60.0, 25.0), (70.0, 90.0), (20.0, 80.0), (25.0, 40.0)];
        let curve = smooth_through(&points);
        assert_eq!(curve.len(), 4);
        for (k, c) in curve.iter().enumerate() {
            assert_eq!((c.from, c.to), (points[k], points[k + 1]));
            let flat = c.flatten(2.0);
            assert_eq!(flat.first(), Some(&points[k]));
            assert_eq!(flat.last(), Some(&points[k + 1]));
            assert_eq!(c.point_at(0.0), points[k]);
            assert!(close_to(c.point_at(1.0), points[k + 1]));
        }
    }

    /// Hand-worked: P0 (0,0), P1 (4,0), P2 (4,1): knot intervals √4 = 2 and √1 = 1.
    #[test]
    fn control_points_follow_the_centripetal_formula_and_are_clamped() {
        let curve = smooth_through(&[(0.0, 0.0), (4.0, 0.0), (4.0, 1.0)]);
        // First segment starts along the chord (reflected phantom (−4, 0)): c1 = P0 + (4,0)/3.
        assert!(close_to(curve[0].c1, (4.0 / 3.0, 0.0)));
        // Its end tangent at P1 with d12 = 2, d23 = 1:
        // m2 = (4,0) − (4,1)·2/3 + (0,1)·2 = (4/3, 4/3); c2 = P1 − m2/3 = (32/9, −4/9),
        // clamped into x 0..4, y 0..0 → (32/9, 0).
        assert!(close_to(curve[0].c2, (32.0 / 9.0, 0.0)));
        // Second segment's start tangent at P1 with d01 = 2, d12 = 1:
        // m1 = (4,0)·1/2 − (4,1)·1/3 + (0,1) = (2/3, 2/3); c1 = (4 + 2/9, 2/9), whose x would
        // overshoot the segment; clamped into x 4..4 → (4, 2/9).
        assert!(close_to(curve[1].c1, (4.0, 2.0 / 9.0)));
        // Its end is the last point: tangent = chord (0,1), c2 = P2 − (0,1)/3.
        assert!(close_to(curve[1].c2, (4.0, 2.0 / 3.0)));
    }

    #[test]
    fn evenly_spaced_points_on_a_line_give_thirds() {
        let curve = smooth_through(&[(0.0, 0.0), (1.0, 0.0), (2.0, 0.0), (3.0, 0.0)]);
        assert!(close_to(curve[1].c1, (1.0 + 1.0 / 3.0, 0.0)));
        assert!(close_to(curve[1].c2, (2.0 - 1.0 / 3.0, 0.0)));
    }

    #[test]
    fn curve_never_leaves_the_box_of_the_segment_it_joins() {
        assert_no_overshoot(&[(10.0, 10.0), (60.0, 25.0), (70.0, 90.0), (20.0, 80.0), (25.0, 40.0)]);
        // A long step then a short one, and a sharp reversal: where uniform splines overshoot.
        assert_no_overshoot(&[(0.0, 0.0), (300.0, 10.0), (302.0, 12.0), (0.0, 15.0), (150.0, 400.0)]);
        // A zig-zag.
        let zig: Vec<Point> = (0..12).map(|i| (i as f64 * 7.0, if i % 2 == 0 { 0.0 } else { 30.0 })).collect();
        assert_no_overshoot(&zig);
    }

    #[test]
    fn collinear_points_give_a_straight_line() {
        // On y = 2x + 1, out of order so the tail doubles back along the line.
        let on_line = |x: f64| (x, 2.0 * x + 1.0);
        let points: Vec<Point> = [0.0, 10.0, 25.0, 15.0, 40.0].into_iter().map(on_line).collect();
        for c in smooth_through(&points) {
            for p in c.flatten(0.5) {
                assert!((p.1 - (2.0 * p.0 + 1.0)).abs() < 1e-9, "{p:?} off the line");
            }
        }
        assert_no_overshoot(&points);
    }

    #[test]
    fn repeated_points_give_finite_output() {
        let points = [(5.0, 5.0), (5.0, 5.0), (20.0, 8.0), (20.0, 8.0), (20.0, 8.0), (30.0, 2.0)];
        let curve = smooth_through(&points);
        assert_eq!(curve.len(), 5);
        for c in &curve {
            for p in [c.from, c.c1, c.c2, c.to].into_iter().chain(c.flatten(1.0)) {
                assert!(p.0.is_finite() && p.1.is_finite(), "{c:?}");
            }
        }
        // The zero-length segment is a point; a neighbour on top of an end zeroes that tangent.
        assert_eq!(curve[0], Cubic { from: (5.0, 5.0), c1: (5.0, 5.0), c2: (5.0, 5.0), to: (5.0, 5.0) });
        assert_eq!(curve[1].c1, (5.0, 5.0));
        assert_eq!(curve[1].c2, (20.0, 8.0));
        assert_no_overshoot(&points);
        // The same going down-left, so the zero tangent sits on the box's high corner
        // (a NaN tangent clamped into the box would land on the low one).
        let back = smooth_through(&[(20.0, 8.0), (20.0, 8.0), (5.0, 5.0)]);
        assert_eq!(back[1].c1, (20.0, 8.0));
        assert!(close_to(back[1].c2, (10.0, 6.0)), "end tangent is the chord: {:?}", back[1].c2);
    }

    #[test]
    fn one_or_two_points() {
        assert!(smooth_through(&[]).is_empty());
        assert!(smooth_through(&[(3.0, 4.0)]).is_empty());
        // Two points: both ends take the chord, so the curve is the straight segment.
        let curve = smooth_through(&[(0.0, 0.0), (9.0, 3.0)]);
        assert_eq!(curve.len(), 1);
        assert!(close_to(curve[0].c1, (3.0, 1.0)) && close_to(curve[0].c2, (6.0, 2.0)));
        for p in curve[0].flatten(1.0) {
            assert!((p.1 - p.0 / 3.0).abs() < 1e-9);
        }
    }

    #[test]
    fn flattening_within_a_tolerance_stays_that_close_and_takes_one_step_when_straight() {
        let straight = Cubic { from: (0.0, 0.0), c1: (100.0, 0.0), c2: (200.0, 0.0), to: (300.0, 0.0) };
        assert_eq!(straight.flatten_within(0.25).len(), 2);
        // A bend: control points 40 px off the chord. M = |(0,0) − 2·(30,40) + (70,40)| = 40.8…
        let bend = Cubic { from: (0.0, 0.0), c1: (30.0, 40.0), c2: (70.0, 40.0), to: (100.0, 0.0) };
        let m = 10.0_f64.hypot(-40.0);
        let expected = (0.75 * m / 0.25).sqrt().ceil() as usize;
        let flat = bend.flatten_within(0.25);
        assert_eq!(flat.len(), expected + 1);
        // Every point of the curve lies within the tolerance of the polyline.
        let to_polyline = |p: Point| {
            flat.windows(2)
                .map(|w| {
                    let (a, b) = (w[0], w[1]);
                    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
                    distance(p, (a.0 + t * dx, a.1 + t * dy))
                })
                .fold(f64::INFINITY, f64::min)
        };
        for k in 0..=1000 {
            let d = to_polyline(bend.point_at(k as f64 / 1000.0));
            assert!(d <= 0.25 + 1e-9, "{d} px off at u = {}", k as f64 / 1000.0);
        }
        // Four times the bend takes twice the steps; a NaN curve and a zero tolerance are capped.
        let bigger = Cubic { from: (0.0, 0.0), c1: (120.0, 160.0), c2: (280.0, 160.0), to: (400.0, 0.0) };
        assert_eq!(bigger.flatten_within(0.25).len() - 1, (0.75 * 4.0 * m / 0.25_f64).sqrt().ceil() as usize);
        assert_eq!(bend.flatten_within(0.0).len(), MAX_FLATTEN_STEPS + 1);
        let nan = Cubic { from: (f64::NAN, 0.0), c1: (0.0, 0.0), c2: (0.0, 0.0), to: (1.0, 1.0) };
        assert_eq!(nan.flatten_within(0.25).len(), 2);
    }

    #[test]
    fn flattening_scales_with_length_and_is_capped() {
        let line = |len: f64| Cubic { from: (0.0, 0.0), c1: (len / 3.0, 0.0), c2: (2.0 * len / 3.0, 0.0), to: (len, 0.0) };
        assert_eq!(line(10.0).flatten(3.0).len(), 4 + 1); // ceil(10 / 3) = 4 sub-steps
        assert_eq!(line(0.0).flatten(3.0).len(), 2); // at least one
        assert_eq!(line(1e6).flatten(3.0).len(), MAX_FLATTEN_STEPS + 1);
        assert_eq!(line(10.0).flatten(0.0).len(), MAX_FLATTEN_STEPS + 1);
        let nan = Cubic { from: (f64::NAN, 0.0), ..line(10.0) };
        assert_eq!(nan.flatten(3.0).len(), 2);
    }

    #[test]
    fn clipping_keeps_only_what_is_inside() {
        let rect = Rect { left: 0.0, top: 0.0, right: 10.0, bottom: 10.0 };
        // In, out through the right edge, back in through it, out through the bottom.
        let parts = clip_polyline(&[(5.0, 5.0), (15.0, 5.0), (15.0, 8.0), (5.0, 8.0), (5.0, 20.0)], &rect);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], vec![(5.0, 5.0), (10.0, 5.0)]);
        assert_eq!(parts[1], vec![(10.0, 8.0), (5.0, 8.0), (5.0, 10.0)]);
        // Wholly inside: unchanged, one part.
        assert_eq!(clip_polyline(&[(1.0, 1.0), (2.0, 3.0), (4.0, 4.0)], &rect), vec![vec![(1.0, 1.0), (2.0, 3.0), (4.0, 4.0)]]);
        // Wholly outside, too short, or not finite: nothing.
        assert!(clip_polyline(&[(11.0, 1.0), (20.0, 3.0)], &rect).is_empty());
        assert!(clip_polyline(&[(1.0, 1.0)], &rect).is_empty());
        assert!(clip_polyline(&[(1.0, 1.0), (f64::NAN, 2.0)], &rect).is_empty());
        // Crossing the corner region diagonally from outside to outside.
        assert_eq!(clip_polyline(&[(-5.0, 5.0), (5.0, -5.0)], &rect), vec![vec![(0.0, 0.0), (0.0, 0.0)]]);
    }
}
