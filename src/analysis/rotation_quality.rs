//! How well a rotation graph rotates: the two figures the default method is held to.
//!
//! # Formula
//!
//! For one symbol's points `(x_t, y_t) = (RS-Ratio_t − 100, RS-Momentum_t − 100)`, oldest first:
//!
//! - **Correlation**: Pearson's `r` of `x` and `y` over every point. Momentum that leads the
//!   ratio by a quarter turn gives `r` near 0; momentum that is a second level of the ratio
//!   gives `r` well above 0 (tails along the diagonal).
//! - **Turning points**: every `t` with 3 points on each side where `x_t` is the largest or the
//!   smallest of `x_{t−3} … x_{t+3}` (a flat run, all seven equal, is not a turn). A turn is
//!   **matched** when RS-Momentum crosses 100 between some `k − 1` and `k` with
//!   `t − 2 ≤ k ≤ t + 2` (a crossing is a change of `y ≥ 0`). By de Kempenaer's definition,
//!   RS-Momentum crosses 100 when RS-Ratio peaks or troughs.
//!
//! - **Clockwise steps**: steps from `t − 1` to `t` that turn clockwise around 100/100 (on the
//!   graph, x right and y up): `x_{t−1} · (y_t − y_{t−1}) − y_{t−1} · (x_t − x_{t−1}) < 0`.
//!
//! Over a set of symbols: the median of the correlations (the mean of the middle two for an
//! even count; symbols whose `x` or `y` never varies have no correlation and are left out) and
//! the turns and matches added up.

use super::rotation::{RotationPoint, SymbolRotation};

/// Pearson's correlation of RS-Ratio and RS-Momentum; `None` with fewer than two points or
/// when either never varies.
pub fn correlation(points: &[RotationPoint]) -> Option<f64> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let mean_x = points.iter().map(|p| p.rs_ratio).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.rs_momentum).sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for p in points {
        let (dx, dy) = (p.rs_ratio - mean_x, p.rs_momentum - mean_y);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// (turning points of RS-Ratio, those with an RS-Momentum crossing of 100 near them).
pub fn turns_matched(points: &[RotationPoint]) -> (usize, usize) {
    let x: Vec<f64> = points.iter().map(|p| p.rs_ratio).collect();
    let above: Vec<bool> = points.iter().map(|p| p.rs_momentum >= 100.0).collect();
    let crossing_at = |k: usize| k >= 1 && k < above.len() && above.get(k - 1) != above.get(k);
    let (mut turns, mut matched) = (0, 0);
    for (t, around) in x.windows(7).enumerate().map(|(i, w)| (i + 3, w)) {
        let (lo, hi) = around.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        let Some(&here) = around.get(3) else { continue };
        if lo == hi || (here != lo && here != hi) {
            continue;
        }
        turns += 1;
        if (t.saturating_sub(2)..=t + 2).any(crossing_at) {
            matched += 1;
        }
    }
    (turns, matched)
}

/// (steps, clockwise steps) between consecutive points.
pub fn clockwise_steps(points: &[RotationPoint]) -> (usize, usize) {
    let clockwise = points
        .iter()
        .zip(points.iter().skip(1))
        .filter(|(p, q)| {
            let (x, y) = (p.rs_ratio - 100.0, p.rs_momentum - 100.0);
            x * (q.rs_momentum - p.rs_momentum) - y * (q.rs_ratio - p.rs_ratio) < 0.0
        })
        .count();
    (points.len().saturating_sub(1), clockwise)
}

/// The figures over a set of symbols.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RotationQuality {
    pub symbols: usize,
    /// Median over symbols of the correlation of RS-Ratio and RS-Momentum.
    pub median_correlation: Option<f64>,
    pub turns: usize,
    pub matched: usize,
    pub steps: usize,
    pub clockwise: usize,
}

impl RotationQuality {
    pub fn of(rotations: &[SymbolRotation]) -> RotationQuality {
        let mut correlations: Vec<f64> = rotations.iter().filter_map(|r| correlation(&r.points)).collect();
        correlations.sort_by(f64::total_cmp);
        let n = correlations.len();
        let median_correlation = match n {
            0 => None,
            _ if n % 2 == 1 => correlations.get(n / 2).copied(),
            _ => correlations.get(n / 2 - 1).zip(correlations.get(n / 2)).map(|(a, b)| (a + b) / 2.0),
        };
        let (turns, matched) = rotations.iter().map(|r| turns_matched(&r.points)).fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        let (steps, clockwise) = rotations.iter().map(|r| clockwise_steps(&r.points)).fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        RotationQuality { symbols: rotations.len(), median_correlation, turns, matched, steps, clockwise }
    }

    /// Share of steps turning clockwise, in percent (0 when there are none).
    pub fn clockwise_pct(&self) -> f64 {
        if self.steps == 0 {
            0.0
        } else {
            100.0 * self.clockwise as f64 / self.steps as f64
        }
    }

    /// Share of turning points matched, in percent (100 when there are none).
    pub fn matched_pct(&self) -> f64 {
        if self.turns == 0 {
            100.0
        } else {
            100.0 * self.matched as f64 / self.turns as f64
        }
    }
}

impl std::fmt::Display for RotationQuality {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let r = self.median_correlation.map_or("none".to_string(), |r| format!("{r:+.3}"));
        write!(f, "{} symbols: median correlation {r}, turns matched {}/{} = {:.1} %, clockwise steps {:.1} %", self.symbols, self.matched, self.turns, self.matched_pct(), self.clockwise_pct())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::rotation::Quadrant;
    use crate::analysis::Date;

    fn points(xy: &[(f64, f64)]) -> Vec<RotationPoint> {
        xy.iter()
            .enumerate()
            .map(|(i, &(x, y))| RotationPoint { date: Date::parse_iso("2026-01-05").unwrap().add_days(7 * i as i32), rs_ratio: x, rs_momentum: y, quadrant: Quadrant::of(x, y), partial: false, index: i })
            .collect()
    }

    #[test]
    fn correlation_hand_worked() {
        // y = 2x − 100 exactly: r = 1; y = 200 − x: r = −1.
        assert!((correlation(&points(&[(99.0, 98.0), (100.0, 100.0), (102.0, 104.0)])).unwrap() - 1.0).abs() < 1e-12);
        assert!((correlation(&points(&[(99.0, 101.0), (100.0, 100.0), (102.0, 98.0)])).unwrap() + 1.0).abs() < 1e-12);
        // x: 99, 101, 99, 101 and y: 100, 100, 102, 102: sxy = (−1)(−1) + (1)(−1) + (−1)(1) + (1)(1) = 0.
        assert_eq!(correlation(&points(&[(99.0, 100.0), (101.0, 100.0), (99.0, 102.0), (101.0, 102.0)])), Some(0.0));
        assert_eq!(correlation(&points(&[(100.0, 99.0), (100.0, 101.0)])), None);
    }

    #[test]
    fn turns_count_extremes_over_seven_points_and_match_nearby_crossings() {
        // x peaks at t = 3 (and nowhere else over a full ±3 window).
        let x = [100.0, 101.0, 102.0, 103.0, 102.0, 101.0, 100.0];
        // y crosses 100 between t = 3 and t = 4: k = 4 is within t ± 2.
        let crossing: Vec<(f64, f64)> = x.iter().zip([101.0, 101.0, 101.0, 100.5, 99.0, 99.0, 99.0]).map(|(&a, b)| (a, b)).collect();
        assert_eq!(turns_matched(&points(&crossing)), (1, 1));
        // y stays above 100: the turn is not matched.
        let none: Vec<(f64, f64)> = x.iter().map(|&a| (a, 101.0)).collect();
        assert_eq!(turns_matched(&points(&none)), (1, 0));
        // A crossing 3 samples after the turn (between t = 5 and t = 6) is too late.
        let late: Vec<(f64, f64)> = x.iter().zip([101.0, 101.0, 101.0, 101.0, 101.0, 101.0, 99.0]).map(|(&a, b)| (a, b)).collect();
        assert_eq!(turns_matched(&points(&late)), (1, 0));
        // A flat run is not a turn; too few points, no turns.
        assert_eq!(turns_matched(&points(&[(100.0, 101.0); 9])), (0, 0));
        assert_eq!(turns_matched(&points(&crossing[..6])), (0, 0));
    }

    #[test]
    fn quality_takes_the_median_and_adds_up_turns() {
        let a = points(&[(99.0, 98.0), (100.0, 100.0), (102.0, 104.0)]);
        let b = points(&[(99.0, 101.0), (100.0, 100.0), (102.0, 98.0)]);
        let r = |points: Vec<RotationPoint>| SymbolRotation { position: 0, points, transitions: vec![] };
        let q = RotationQuality::of(&[r(a.clone()), r(b), r(a)]);
        assert_eq!(q.median_correlation.map(|m| (m - 1.0).abs() < 1e-12), Some(true));
        assert_eq!((q.turns, q.matched, q.matched_pct()), (0, 0, 100.0));
        // a and b each step twice; a goes (−1,−2) → (0,0): x·dy − y·dx = −1·2 − (−2)·1 = 0, not
        // clockwise; (0,0) → (2,4): 0. b: (−1,1) → (0,0): −1·(−1) − 1·1 = 0; none clockwise.
        assert_eq!((q.steps, q.clockwise), (6, 0));
        // A quarter turn from (1, 0) down to (0, −1) is clockwise: 1·(−1) − 0·(−1) = −1 < 0.
        assert_eq!(clockwise_steps(&points(&[(101.0, 100.0), (100.0, 99.0)])), (1, 1));
        assert_eq!(clockwise_steps(&points(&[(100.0, 99.0), (101.0, 100.0)])), (1, 0));
    }
}
