//! Rotation metrics: where a point of a rotation graph is heading, how far it is from the
//! centre, and how fast it moves.
//!
//! # Formula
//!
//! For point `k` of one symbol's history, with RS-Ratio `x_k` and RS-Momentum `y_k`:
//!
//! - **Distance** from 100/100: `distance_k = √((x_k − 100)² + (y_k − 100)²)`.
//! - **Heading**: the direction of the last step,
//!   `heading_deg_k = atan2(y_k − y_{k−1}, x_k − x_{k−1})` in degrees, normalised to `[0, 360)`:
//!   0° is straight right (RS-Ratio rising, momentum flat), 90° straight up, 180° left, 270°
//!   down. Its compass name is one of 8 sectors of 45° centred on E (0°), NE (45°), N (90°),
//!   NW (135°), W (180°), SW (225°), S (270°), SE (315°):
//!   `sector = floor((deg + 22.5) / 45) mod 8`. NE is the healthy direction: relative strength
//!   rising and accelerating.
//! - **Velocity** with tail length `n`: the mean length of the steps within the tail ending at
//!   `k` (the last `n` points up to and including `k`, so `n − 1` steps),
//!   `Σ √(Δx² + Δy²) / (n − 1)`; with fewer points in the history, over the steps there are.
//!   In points per sample (per week or per day).
//!
//! # Example
//!
//! ```
//! use rotascope::analysis::rotation::{Quadrant, RotationPoint};
//! use rotascope::analysis::rotation_metrics::{metrics_at, Compass};
//! use rotascope::analysis::Date;
//! let p = |x: f64, y: f64| RotationPoint { date: Date::parse_iso("2026-06-12").unwrap(), rs_ratio: x, rs_momentum: y, quadrant: Quadrant::of(x, y), partial: false, index: 0 };
//! // (97, 96) → (100, 100) → (101, 100): steps of 5 (a 3-4-5 triangle) and 1.
//! let history = [p(97.0, 96.0), p(100.0, 100.0), p(101.0, 100.0)];
//! let m = metrics_at(&history, 2, 3).unwrap();
//! // The last step is straight right: heading 0°, E.
//! assert_eq!((m.heading_deg, m.heading()), (Some(0.0), Some(Compass::E)));
//! // √(1² + 0²) = 1 from the centre.
//! assert_eq!(m.distance, 1.0);
//! // Tail 3: two steps, (5 + 1) / 2 = 3 per sample.
//! assert_eq!(m.velocity, Some(3.0));
//! // Point 1: heading atan2(4, 3) = 53.13°, NE (sector floor(75.63 / 45) = 1); distance 0;
//! // one step in the history before it, so velocity 5.
//! let m = metrics_at(&history, 1, 3).unwrap();
//! assert!((m.heading_deg.unwrap() - 53.130_102_354_155_98).abs() < 1e-12);
//! assert_eq!((m.heading(), m.distance, m.velocity), (Some(Compass::NE), 0.0, Some(5.0)));
//! ```
//!
//! # Edge cases
//!
//! - The first point of a history has no previous point: no heading. A step of length zero
//!   has no direction: no heading (never `NaN`).
//! - Velocity needs a step: none at the first point, or with a tail of one point.
//! - A heading that rounds to 360° is 0°.

use super::rotation::RotationPoint;
use serde::Serialize;

/// The 8 compass sectors of a heading, counter-clockwise from E.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Compass {
    E,
    NE,
    N,
    NW,
    W,
    SW,
    S,
    SE,
}

impl Compass {
    pub const ALL: [Compass; 8] = [Compass::E, Compass::NE, Compass::N, Compass::NW, Compass::W, Compass::SW, Compass::S, Compass::SE];

    /// The sector of a heading in degrees: `floor((deg + 22.5) / 45) mod 8`.
    ///
    /// # Example
    /// ```
    /// use rotascope::analysis::rotation_metrics::Compass;
    /// assert_eq!(Compass::of(22.4), Compass::E);
    /// assert_eq!(Compass::of(22.5), Compass::NE);
    /// assert_eq!(Compass::of(337.5), Compass::E);
    /// ```
    pub fn of(deg: f64) -> Compass {
        let sector = ((deg + 22.5) / 45.0).floor().rem_euclid(8.0) as usize;
        Compass::ALL.get(sector).copied().unwrap_or(Compass::E)
    }

    /// "NE".
    pub fn name(self) -> &'static str {
        match self {
            Compass::E => "E",
            Compass::NE => "NE",
            Compass::N => "N",
            Compass::NW => "NW",
            Compass::W => "W",
            Compass::SW => "SW",
            Compass::S => "S",
            Compass::SE => "SE",
        }
    }
}

/// The metrics of one point (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointMetrics {
    /// Degrees in `[0, 360)`, counter-clockwise from straight right; `None` at the first point
    /// of a history or after a step of length zero.
    pub heading_deg: Option<f64>,
    /// From 100/100.
    pub distance: f64,
    /// Mean step length over the tail ending here, per sample; `None` without a step.
    pub velocity: Option<f64>,
}

impl PointMetrics {
    /// The heading's compass sector.
    pub fn heading(&self) -> Option<Compass> {
        self.heading_deg.map(Compass::of)
    }
}

/// `√((x − 100)² + (y − 100)²)`.
pub fn distance(p: &RotationPoint) -> f64 {
    let (dx, dy) = (p.rs_ratio - 100.0, p.rs_momentum - 100.0);
    (dx * dx + dy * dy).sqrt()
}

/// The direction of the step from `from` to `to` in degrees, `[0, 360)`; `None` for a step of
/// length zero.
///
/// # Example
/// ```
/// use rotascope::analysis::rotation::{Quadrant, RotationPoint};
/// use rotascope::analysis::rotation_metrics::heading_deg;
/// use rotascope::analysis::Date;
/// let p = |x: f64, y: f64| RotationPoint { date: Date::parse_iso("2026-06-12").unwrap(), rs_ratio: x, rs_momentum: y, quadrant: Quadrant::of(x, y), partial: false, index: 0 };
/// assert_eq!(heading_deg(&p(100.0, 100.0), &p(100.0, 101.0)), Some(90.0)); // straight up
/// assert_eq!(heading_deg(&p(100.0, 100.0), &p(100.0, 99.0)), Some(270.0)); // down, not −90
/// assert_eq!(heading_deg(&p(100.0, 100.0), &p(100.0, 100.0)), None);
/// ```
pub fn heading_deg(from: &RotationPoint, to: &RotationPoint) -> Option<f64> {
    let (dx, dy) = (to.rs_ratio - from.rs_ratio, to.rs_momentum - from.rs_momentum);
    if dx == 0.0 && dy == 0.0 || !(dx.is_finite() && dy.is_finite()) {
        return None;
    }
    let deg = dy.atan2(dx).to_degrees();
    let deg = if deg < 0.0 { deg + 360.0 } else { deg };
    // −1e−15° + 360 rounds to 360: that is straight right.
    Some(if deg >= 360.0 { 0.0 } else { deg })
}

/// `√(Δx² + Δy²)` of the step from `from` to `to`.
fn step_length(from: &RotationPoint, to: &RotationPoint) -> f64 {
    let (dx, dy) = (to.rs_ratio - from.rs_ratio, to.rs_momentum - from.rs_momentum);
    (dx * dx + dy * dy).sqrt()
}

/// The first point of the tail of `tail` points ending at `k`.
fn tail_start(k: usize, tail: usize) -> usize {
    (k + 1).saturating_sub(tail.max(1))
}

/// The mean of `steps` (added oldest first), `None` when empty.
fn mean_step(steps: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = steps.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    (count > 0).then(|| sum / count as f64)
}

/// The metrics of point `k` of `history` (oldest first) with tail length `tail`; `None` when
/// `k` is outside the history.
pub fn metrics_at(history: &[RotationPoint], k: usize, tail: usize) -> Option<PointMetrics> {
    let p = history.get(k)?;
    let heading_deg = k.checked_sub(1).and_then(|j| history.get(j)).and_then(|prev| heading_deg(prev, p));
    let window = history.get(tail_start(k, tail)..=k).unwrap_or_default();
    let velocity = mean_step(window.iter().zip(window.iter().skip(1)).map(|(a, b)| step_length(a, b)));
    Some(PointMetrics { heading_deg, distance: distance(p), velocity })
}

/// The metrics of every point of `history` from index `from` on, with tail length `tail`:
/// the same values as [`metrics_at`] for each (the same steps, added in the same order), each
/// step measured once.
///
/// # Example
/// ```
/// use rotascope::analysis::rotation::{Quadrant, RotationPoint};
/// use rotascope::analysis::rotation_metrics::{metrics_at, metrics_from};
/// use rotascope::analysis::Date;
/// let p = |x: f64, y: f64| RotationPoint { date: Date::parse_iso("2026-06-12").unwrap(), rs_ratio: x, rs_momentum: y, quadrant: Quadrant::of(x, y), partial: false, index: 0 };
/// let history = [p(97.0, 96.0), p(100.0, 100.0), p(101.0, 100.0), p(101.0, 101.0)];
/// let tail = metrics_from(&history, 2, 2);
/// assert_eq!(tail, vec![metrics_at(&history, 2, 2).unwrap(), metrics_at(&history, 3, 2).unwrap()]);
/// ```
pub fn metrics_from(history: &[RotationPoint], from: usize, tail: usize) -> Vec<PointMetrics> {
    let first = tail_start(from, tail);
    let context = history.get(first..).unwrap_or_default();
    // steps[j] is the step into context[j + 1].
    let steps: Vec<f64> = context.iter().zip(context.iter().skip(1)).map(|(a, b)| step_length(a, b)).collect();
    (from..history.len())
        .filter_map(|k| {
            let p = history.get(k)?;
            let heading_deg = k.checked_sub(1).and_then(|j| history.get(j)).and_then(|prev| heading_deg(prev, p));
            let window = steps.get(tail_start(k, tail) - first..k - first).unwrap_or_default();
            Some(PointMetrics { heading_deg, distance: distance(p), velocity: mean_step(window.iter().copied()) })
        })
        .collect()
}

/// The metrics of the tail of `tail` points ending at the last point of `history` (what a
/// graph shows at that date), each from its context in the history.
pub fn tail_metrics(history: &[RotationPoint], tail: usize) -> Vec<PointMetrics> {
    metrics_from(history, history.len().saturating_sub(tail), tail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::rotation::Quadrant;
    use crate::analysis::Date;

    fn p(x: f64, y: f64) -> RotationPoint {
        RotationPoint { date: Date::parse_iso("2026-06-12").unwrap(), rs_ratio: x, rs_momentum: y, quadrant: Quadrant::of(x, y), partial: false, index: 0 }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn distance_is_a_3_4_5_triangle_from_the_centre() {
        assert_eq!(distance(&p(103.0, 104.0)), 5.0);
        assert_eq!(distance(&p(97.0, 96.0)), 5.0);
        assert_eq!(distance(&p(100.0, 100.0)), 0.0);
    }

    #[test]
    fn headings_point_the_way_of_the_last_step() {
        let o = p(100.0, 100.0);
        // Right, up, left, down.
        assert_eq!(heading_deg(&o, &p(101.0, 100.0)), Some(0.0));
        assert_eq!(heading_deg(&o, &p(100.0, 102.0)), Some(90.0));
        assert_eq!(heading_deg(&o, &p(99.0, 100.0)), Some(180.0));
        assert_eq!(heading_deg(&o, &p(100.0, 98.0)), Some(270.0));
        // Up and right by equal amounts: 45°, NE; down and left: 225°, SW.
        assert!(close(heading_deg(&o, &p(101.0, 101.0)).unwrap(), 45.0));
        assert!(close(heading_deg(&o, &p(99.0, 99.0)).unwrap(), 225.0));
        // Right 3, down 4: atan2(−4, 3) = −53.13°, so 306.87°, SE (floor(329.37 / 45) = 7).
        let se = heading_deg(&o, &p(103.0, 96.0)).unwrap();
        assert!(close(se, 360.0 - 53.130_102_354_155_98), "{se}");
        assert_eq!(Compass::of(se), Compass::SE);
        // Right and a hair down: −5.7e−19° + 360 rounds to 360, which is 0°.
        assert_eq!(heading_deg(&p(0.0, 0.0), &p(1.0, -1e-20)), Some(0.0));
        assert_eq!(heading_deg(&o, &o), None);
        assert_eq!(heading_deg(&o, &p(f64::NAN, 100.0)), None);
    }

    #[test]
    fn compass_sectors_are_45_degrees_centred_on_each_direction() {
        let names: Vec<&str> = [0.0, 45.0, 90.0, 135.0, 180.0, 225.0, 270.0, 315.0].iter().map(|&d| Compass::of(d).name()).collect();
        assert_eq!(names, ["E", "NE", "N", "NW", "W", "SW", "S", "SE"]);
        // Each boundary belongs to the sector counter-clockwise of it.
        for (k, boundary) in [22.5, 67.5, 112.5, 157.5, 202.5, 247.5, 292.5, 337.5].into_iter().enumerate() {
            assert_eq!(Compass::of(boundary), Compass::ALL[(k + 1) % 8], "{boundary}°");
            assert_eq!(Compass::of(boundary - 1e-9), Compass::ALL[k], "just below {boundary}°");
        }
        assert_eq!(Compass::of(359.999), Compass::E);
    }

    #[test]
    fn the_first_point_has_no_heading_and_no_velocity() {
        let history = [p(99.0, 101.0), p(99.0, 102.0)];
        let first = metrics_at(&history, 0, 10).unwrap();
        assert_eq!(first, PointMetrics { heading_deg: None, distance: 2f64.sqrt(), velocity: None });
        // A step straight up: 90°, N; one step of length 1.
        let second = metrics_at(&history, 1, 10).unwrap();
        assert_eq!((second.heading_deg, second.heading(), second.velocity), (Some(90.0), Some(Compass::N), Some(1.0)));
        assert_eq!(metrics_at(&history, 2, 10), None);
        // A tail of one point has no step.
        assert_eq!(metrics_at(&history, 1, 1).unwrap().velocity, None);
    }

    #[test]
    fn velocity_averages_the_steps_inside_the_tail_only() {
        // Steps: 5 (3-4-5), 1, 2, 4.
        let history = [p(97.0, 96.0), p(100.0, 100.0), p(101.0, 100.0), p(101.0, 102.0), p(97.0, 102.0)];
        // Tail 3 ending at 4: points 2, 3, 4, steps 2 and 4: mean 3.
        assert_eq!(metrics_at(&history, 4, 3).unwrap().velocity, Some(3.0));
        // Tail 10 is longer than the history: all four steps, (5 + 1 + 2 + 4) / 4 = 3.
        assert_eq!(metrics_at(&history, 4, 10).unwrap().velocity, Some(3.0));
        // Tail 2: the last step alone.
        assert_eq!(metrics_at(&history, 4, 2).unwrap().velocity, Some(4.0));
        // Tail 3 ending at 2: steps 5 and 1.
        assert_eq!(metrics_at(&history, 2, 3).unwrap().velocity, Some(3.0));
        // Tail 4 ending at 1: only one step before it.
        assert_eq!(metrics_at(&history, 1, 4).unwrap().velocity, Some(5.0));
        // A point that did not move: no heading, and its zero step counts in the mean.
        let still = [p(101.0, 101.0), p(102.0, 101.0), p(102.0, 101.0)];
        let m = metrics_at(&still, 2, 3).unwrap();
        assert_eq!((m.heading_deg, m.velocity), (None, Some(0.5)));
    }

    #[test]
    fn metrics_from_equals_metrics_at_bit_for_bit() {
        let history: Vec<RotationPoint> = (0..40).map(|i| {
            let t = i as f64 / 3.0;
            p(100.0 + 2.0 * t.cos() + 0.1 * t, 100.0 + 1.7 * t.sin())
        }).collect();
        for tail in [1, 2, 5, 10, 52] {
            for from in [0, 1, 9, 30, 39] {
                let all = metrics_from(&history, from, tail);
                assert_eq!(all.len(), 40 - from);
                for (j, m) in all.iter().enumerate() {
                    assert_eq!(Some(*m), metrics_at(&history, from + j, tail), "tail {tail}, point {}", from + j);
                }
            }
        }
        assert!(metrics_from(&history, 40, 10).is_empty());
        assert!(metrics_from(&[], 0, 10).is_empty());
    }
}
