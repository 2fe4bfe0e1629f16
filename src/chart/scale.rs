//! Mapping data to pixels, and choosing tick values people can read.

use crate::analysis::Date;

/// Maps `domain` linearly onto `range` (pixels). Ranges may be inverted (y grows downward).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        LinearScale { domain, range }
    }

    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }

    /// Pixel back to data (hover, hit-testing).
    pub fn invert(&self, px: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return d0;
        }
        d0 + (px - r0) / (r1 - r0) * (d1 - d0)
    }
}

/// The "nice" step (1, 2, 2.5 or 5 × 10^k) that splits `span` into about `target` intervals.
pub fn nice_step(span: f64, target: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) || target == 0 {
        return 1.0;
    }
    let raw = span / target as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let residual = raw / magnitude;
    let nice = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().find(|&n| residual <= n).unwrap_or(10.0);
    nice * magnitude
}

/// Tick values covering `[min, max]` at a nice step: every multiple of the step inside it.
///
/// # Example
/// ```
/// use rotascope::chart::scale::nice_ticks;
/// assert_eq!(nice_ticks(-3.2, 17.9, 5), vec![0.0, 5.0, 10.0, 15.0]);
/// ```
pub fn nice_ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    let step = nice_step(max - min, target);
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    // Round to the step's decimals so 3 × 0.1 is 0.3, not 0.30000000000000004.
    let scale = 10f64.powi(decimals_for_step(step) as i32);
    (first..=last)
        .map(|k| {
            let v = (k as f64 * step * scale).round() / scale;
            if v == 0.0 { 0.0 } else { v }
        })
        .collect()
}

/// Decimals needed to print ticks at `step` without losing digits (0 for 5, 1 for 2.5 or 0.5).
pub fn decimals_for_step(step: f64) -> usize {
    (0..6).find(|&d| ((step * 10f64.powi(d as i32)).round() - step * 10f64.powi(d as i32)).abs() < 1e-9).unwrap_or(6)
}

/// Expands `[min, max]` by `fraction` of its span on each side (a flat range gets ±1 or ±1 %).
pub fn padded(min: f64, max: f64, fraction: f64) -> (f64, f64) {
    if !(min.is_finite() && max.is_finite()) {
        return (0.0, 1.0);
    }
    let span = max - min;
    if span <= f64::EPSILON * max.abs().max(1.0) {
        let half = (max.abs() * 0.01).max(1.0);
        return (min - half, max + half);
    }
    (min - span * fraction, max + span * fraction)
}

/// How far apart calendar ticks are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeStep {
    Week,
    Month,
    Quarter,
    HalfYear,
    Year,
}

/// A tick on a trading-day axis: position (table index) and what it marks.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeTick {
    pub index: usize,
    pub date: Date,
    /// True for the first tick of a new year (labels show the year there).
    pub year_start: bool,
}

fn period_key(date: Date, step: TimeStep) -> i64 {
    let (y, m, _) = date.ymd();
    let (y, m) = (i64::from(y), i64::from(m));
    match step {
        TimeStep::Week => i64::from(date.week_start().days()),
        TimeStep::Month => y * 12 + m,
        TimeStep::Quarter => y * 4 + (m - 1) / 3,
        TimeStep::HalfYear => y * 2 + (m - 1) / 6,
        TimeStep::Year => y,
    }
}

/// Ticks at the first trading day of each week / month / quarter / half-year / year in
/// `dates`, choosing the finest step that leaves at least `min_gap_px` between ticks when the
/// dates span `width_px`. The first date gets a tick only if it opens a period.
pub fn time_ticks(dates: &[Date], width_px: f64, min_gap_px: f64) -> (TimeStep, Vec<TimeTick>) {
    let steps = [TimeStep::Week, TimeStep::Month, TimeStep::Quarter, TimeStep::HalfYear, TimeStep::Year];
    let n = dates.len();
    let px_per_day = if n > 1 { width_px / (n - 1) as f64 } else { width_px };
    let mut chosen = (TimeStep::Year, Vec::new());
    for step in steps {
        // A tick shows the year when the year changed since the previous tick (or since
        // the first date), so weekly ticks still mark the turn of the year.
        let mut year_seen = dates.first().map_or(0, |d| d.year());
        let ticks: Vec<TimeTick> = dates
            .iter()
            .zip(dates.iter().skip(1))
            .enumerate()
            .filter(|(_, (&before, &date))| period_key(date, step) != period_key(before, step))
            .map(|(k, (_, &date))| {
                let year_start = date.year() != year_seen;
                year_seen = date.year();
                TimeTick { index: k + 1, date, year_start }
            })
            .collect();
        let fits = ticks.iter().zip(ticks.iter().skip(1)).all(|(a, b)| (b.index - a.index) as f64 * px_per_day >= min_gap_px);
        chosen = (step, ticks);
        if fits {
            break;
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_maps_and_inverts() {
        let s = LinearScale::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(s.map(0.0), 100.0);
        assert_eq!(s.map(2.5), 75.0);
        assert_eq!(s.invert(75.0), 2.5);
    }

    #[test]
    fn nice_steps_and_ticks() {
        assert_eq!(nice_step(100.0, 5), 20.0);
        assert_eq!(nice_step(12.0, 5), 2.5);
        assert_eq!(nice_step(0.7, 5), 0.2);
        // 5.8 / 5 = 1.16, next nice step 2: the multiples of 2 inside the range.
        assert_eq!(nice_ticks(97.3, 103.1, 5), vec![98.0, 100.0, 102.0]);
        assert_eq!(nice_ticks(-0.31, 0.29, 6), vec![-0.3, -0.2, -0.1, 0.0, 0.1, 0.2]);
        assert_eq!(decimals_for_step(2.5), 1);
        assert_eq!(decimals_for_step(20.0), 0);
        assert_eq!(decimals_for_step(0.25), 2);
    }

    #[test]
    fn padding_handles_flat_ranges() {
        assert_eq!(padded(0.0, 10.0, 0.1), (-1.0, 11.0));
        assert_eq!(padded(100.0, 100.0, 0.1), (99.0, 101.0));
        assert_eq!(padded(f64::NAN, 1.0, 0.1), (0.0, 1.0));
    }

    #[test]
    fn time_ticks_pick_the_finest_step_that_fits() {
        let first = Date::parse_iso("2025-11-03").unwrap();
        let dates: Vec<Date> =
            (0..400).map(|i| first.add_days(i)).filter(|d| d.weekday() < 5).collect();
        // ~285 trading days over 900 px: months are ~66 px apart, so monthly ticks at 60 px.
        let (step, ticks) = time_ticks(&dates, 900.0, 60.0);
        assert_eq!(step, TimeStep::Month);
        assert_eq!(ticks[0].date.to_string(), "2025-12-01");
        assert!(ticks.iter().any(|t| t.year_start && t.date.to_string() == "2026-01-01"));
        // Squeezed into 300 px, quarters.
        let (step, ticks) = time_ticks(&dates, 300.0, 60.0);
        assert_eq!(step, TimeStep::Quarter);
        assert_eq!(ticks[0].date.to_string(), "2026-01-01");
    }
}
