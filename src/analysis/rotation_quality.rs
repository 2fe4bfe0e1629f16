//! How well a rotation graph rotates, and whether its distances mean strength: the figures
//! the default method is held to (README "Rotation methods" prints them for each method).
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
//! - **Roundness**: for each run of 10 consecutive points (points 0–9, 10–19, …; a shorter
//!   rest is left out), the span of RS-Momentum divided by the span of RS-Ratio (max − min);
//!   runs where RS-Ratio does not move are left out. Round loops give about 1; tall spikes
//!   much more, flat dashes much less.
//! - **Proportionality**: against the same benchmark `B`, a symbol whose log relative strength
//!   is scaled by `s` (closes `P′ = B · (P / B)^s`, so `ln RS′ = s · ln RS` up to the constant
//!   `ln 100`) should sit `s` times as far from 100 on each axis: for every point with both
//!   versions, `|x′| / |x|` and `|y′| / |y|` (where `|x|`, `|y| > 10⁻⁹`), and their median.
//!
//! Over a set of symbols: the median of the correlations (the mean of the middle two for an
//! even count; symbols whose `x` or `y` never varies have no correlation and are left out),
//! the turns and matches added up, and the median of every run's roundness.

use super::prices::{PriceTable, Series};
use super::rotation::{RotationPoint, SymbolRotation};

/// The median of `values` (the mean of the middle two for an even count); `None` when empty.
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => values.get(n / 2).copied(),
        _ => values.get(n / 2 - 1).zip(values.get(n / 2)).map(|(a, b)| (a + b) / 2.0),
    }
}

/// RS-Momentum span ÷ RS-Ratio span of each run of 10 consecutive points (see the module docs).
pub fn roundness(points: &[RotationPoint]) -> Vec<f64> {
    let span = |values: &mut dyn Iterator<Item = f64>| {
        let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        hi - lo
    };
    points
        .chunks_exact(10)
        .filter_map(|run| {
            let width = span(&mut run.iter().map(|p| p.rs_ratio));
            let height = span(&mut run.iter().map(|p| p.rs_momentum));
            (width > 1e-12).then(|| height / width)
        })
        .collect()
}

/// `series` with its log relative strength to `benchmark` scaled by `s`: closes
/// `B · (P / B)^s` on the days both have one (see the module docs).
pub fn scaled_relative_strength(series: &Series, benchmark: &Series, s: f64) -> Series {
    let closes = series.closes.iter().zip(&benchmark.closes).map(|(p, b)| Some(b.as_ref()? * (p.as_ref()? / b.as_ref()?).powf(s))).collect();
    Series { symbol: format!("{}^{s}", series.symbol), name: None, group: None, closes }
}

/// Per point present in both histories (same date), `|x′| / |x|` and `|y′| / |y|`.
pub fn distance_ratios(base: &[RotationPoint], scaled: &[RotationPoint]) -> Vec<f64> {
    let mut out = Vec::new();
    for p in base {
        let Some(q) = scaled.iter().find(|q| q.date == p.date) else { continue };
        for (a, b) in [(p.rs_ratio - 100.0, q.rs_ratio - 100.0), (p.rs_momentum - 100.0, q.rs_momentum - 100.0)] {
            if a.abs() > 1e-9 {
                out.push(b.abs() / a.abs());
            }
        }
    }
    out
}

/// A table of `table`'s dates holding only `benchmark` and `series` (for measuring one
/// symbol without the others).
pub fn pair_table(table: &PriceTable, benchmark: &Series, series: Series) -> Result<PriceTable, super::AnalysisError> {
    PriceTable::validated(table.dates.clone(), vec![benchmark.clone(), series], table.adjustment, None, Vec::new())
}

/// Every property a rotation method is measured by, over every symbol of a table against one
/// benchmark (README "Rotation methods" has the table for each method).
#[derive(Debug, Clone, PartialEq)]
pub struct MethodProperties {
    pub quality: RotationQuality,
    /// (s, median over every point of every symbol of the distance ratio ÷ s).
    pub proportional: Vec<(f64, Option<f64>)>,
    /// Symbols whose points alone against the benchmark differ from theirs in the whole table.
    pub universe_dependent: Vec<String>,
    /// Points that are not finite.
    pub not_finite: usize,
}

/// Measures `params`' method on `table` against `benchmark` (its position): the rotation
/// figures, proportionality for s = 0.5, 2 and 4, and independence of the other symbols.
pub fn method_properties(table: &PriceTable, benchmark: usize, to: usize, params: super::rotation::RotationParams) -> Result<MethodProperties, super::AnalysisError> {
    use super::rotation::{rotation, rotations};
    let bench = table.series_at(benchmark).ok_or_else(|| super::AnalysisError::no_data(super::error::NO_BENCHMARK))?;
    let symbols: Vec<usize> = (0..table.series.len()).filter(|&p| p != benchmark).collect();
    let (rots, _) = rotations(table, &super::Selection { benchmark, symbols }, to, params)?;
    let mut proportional = Vec::new();
    for s in [0.5, 2.0, 4.0] {
        let mut ratios = Vec::new();
        for r in &rots {
            let Some(series) = table.series_at(r.position) else { continue };
            let scaled = pair_table(table, bench, scaled_relative_strength(series, bench, s))?;
            if let Ok(q) = rotation(&scaled, 1, 0, to, params) {
                ratios.extend(distance_ratios(&r.points, &q.points).into_iter().map(|d| d / s));
            }
        }
        proportional.push((s, median(ratios)));
    }
    let mut universe_dependent = Vec::new();
    for r in &rots {
        let Some(series) = table.series_at(r.position) else { continue };
        let alone = rotation(&pair_table(table, bench, series.clone())?, 1, 0, to, params).map(|a| a.points);
        if alone.as_ref().ok() != Some(&r.points) {
            universe_dependent.push(series.symbol.clone());
        }
    }
    let not_finite = rots.iter().flat_map(|r| &r.points).filter(|p| !(p.rs_ratio.is_finite() && p.rs_momentum.is_finite())).count();
    Ok(MethodProperties { quality: RotationQuality::of(&rots), proportional, universe_dependent, not_finite })
}

impl std::fmt::Display for MethodProperties {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}; distance ÷ s:", self.quality)?;
        for (s, m) in &self.proportional {
            write!(f, " s={s} {}", m.map_or("none".to_string(), |m| format!("{m:.3}")))?;
        }
        write!(f, "; depends on the other symbols: {}; not finite: {}", if self.universe_dependent.is_empty() { "none".to_string() } else { self.universe_dependent.join(", ") }, self.not_finite)
    }
}

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
    /// Median roundness over every run of 10 points of every symbol.
    pub median_roundness: Option<f64>,
}

impl RotationQuality {
    pub fn of(rotations: &[SymbolRotation]) -> RotationQuality {
        let median_correlation = median(rotations.iter().filter_map(|r| correlation(&r.points)).collect());
        let median_roundness = median(rotations.iter().flat_map(|r| roundness(&r.points)).collect());
        let (turns, matched) = rotations.iter().map(|r| turns_matched(&r.points)).fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        let (steps, clockwise) = rotations.iter().map(|r| clockwise_steps(&r.points)).fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        RotationQuality { symbols: rotations.len(), median_correlation, turns, matched, steps, clockwise, median_roundness }
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
        let round = self.median_roundness.map_or("none".to_string(), |r| format!("{r:.2}"));
        write!(
            f,
            "{} symbols: median correlation {r}, turns matched {}/{} = {:.1} %, clockwise steps {:.1} %, median roundness {round}",
            self.symbols,
            self.matched,
            self.turns,
            self.matched_pct(),
            self.clockwise_pct()
        )
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
    fn roundness_divides_the_spans_of_each_run_of_ten() {
        // Run 1: RS-Ratio 100..109 (span 9), RS-Momentum 100..104.5 (span 4.5): 0.5. Run 2: a
        // still RS-Ratio is left out. The last 5 points make no run.
        let mut xy: Vec<(f64, f64)> = (0..10).map(|k| (100.0 + k as f64, 100.0 + k as f64 / 2.0)).collect();
        xy.extend((0..10).map(|k| (101.0, 100.0 + k as f64)));
        xy.extend((0..5).map(|k| (100.0 + k as f64, 90.0)));
        assert_eq!(roundness(&points(&xy)), vec![0.5]);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(vec![]), None);
    }

    #[test]
    fn distance_ratios_compare_points_of_the_same_date() {
        let base = points(&[(102.0, 99.0), (100.0, 101.0)]);
        let scaled = points(&[(104.0, 98.0), (100.0, 102.5)]);
        // |4|/|2|, |−2|/|−1|; the second point's x is 0 (left out), |2.5|/|1|.
        assert_eq!(distance_ratios(&base, &scaled), vec![2.0, 2.0, 2.5]);
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
