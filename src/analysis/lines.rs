//! Lines for the relative-performance chart: % change from a start day, ratio to the
//! benchmark rebased to 100, and spreads in percentage points.
//!
//! # Formula
//!
//! For a line from table index `from` (the last date on or before the start day) to `to`:
//!
//! - `P(i)` is the last close on or before day `i` (gaps carry the previous close forward);
//!   the base is `P(from)`.
//! - % change: `pct(i) = (P(i) / P(from) − 1) × 100`.
//! - Ratio to benchmark `B`, rebased: `ratio(i) = 100 × (P(i) / B(i)) / (P(from) / B(from))`.
//! - Spread of A over B in percentage points: `spread(i) = pct_A(i) − pct_B(i)`.
//! - Basket (equal weight, bought at the base and held, no rebalancing):
//!   `basket(i) = mean over members m of pct_m(i)`; its spread uses the basket line as `pct`.
//!
//! # Edge cases
//!
//! A symbol with no close on or before `from` has no line (`None`): it did not exist yet.
//! Every line starts at exactly 0 (% change, spread) or 100 (ratio).

use super::prices::Series;

/// Values on consecutive table indices `from..=from + values.len() - 1`.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub from: usize,
    pub values: Vec<f64>,
}

impl Line {
    /// Index of the last value (`from` for a line without values, which no function here
    /// makes).
    pub fn to(&self) -> usize {
        self.from + self.values.len().saturating_sub(1)
    }

    /// The last value (NaN for a line without values, which no function here makes).
    pub fn last(&self) -> f64 {
        self.values.last().copied().unwrap_or(f64::NAN)
    }

    /// Value at table index `i`, if the line covers it.
    pub fn at(&self, i: usize) -> Option<f64> {
        i.checked_sub(self.from).and_then(|k| self.values.get(k).copied())
    }
}

/// Carried-forward closes on `from..=to`, or `None` when the series has no close on or
/// before `from`, or the range is empty (`from > to`).
fn carried_closes(series: &Series, from: usize, to: usize) -> Option<Vec<f64>> {
    if from > to {
        return None;
    }
    let (_, mut last) = series.close_on_or_before(from)?;
    Some(
        (from..=to)
            .map(|i| {
                if let Some(c) = series.closes.get(i).copied().flatten() {
                    last = c;
                }
                last
            })
            .collect(),
    )
}

/// % change from the base close.
///
/// # Example
/// ```
/// use rotascope::analysis::{lines::percent_change, Series};
/// let s = Series { symbol: "X".into(), name: None, group: None,
///                  closes: vec![Some(50.0), None, Some(75.0), Some(25.0)] };
/// // base 50; the gap carries 50 (0 %); 75/50 − 1 = +50 %; 25/50 − 1 = −50 %
/// let line = percent_change(&s, 0, 3).unwrap();
/// assert_eq!(line.values, vec![0.0, 0.0, 50.0, -50.0]);
/// ```
pub fn percent_change(series: &Series, from: usize, to: usize) -> Option<Line> {
    let closes = carried_closes(series, from, to)?;
    let base = *closes.first()?;
    Some(Line { from, values: closes.iter().map(|&p| (p / base - 1.0) * 100.0).collect() })
}

/// Ratio of `series` to `benchmark`, rebased to 100 at the base day.
pub fn ratio_to_benchmark(series: &Series, benchmark: &Series, from: usize, to: usize) -> Option<Line> {
    let p = carried_closes(series, from, to)?;
    let b = carried_closes(benchmark, from, to)?;
    let base = p.first()? / b.first()?;
    Some(Line { from, values: p.iter().zip(&b).map(|(p, b)| 100.0 * (p / b) / base).collect() })
}

/// Equal-weight basket of % change lines (all over the same range; `None` when they are not).
pub fn basket_line(members: &[Line]) -> Option<Line> {
    let first = members.first()?;
    if members.iter().any(|m| (m.from, m.values.len()) != (first.from, first.values.len())) {
        return None;
    }
    let n = members.len() as f64;
    let values = (0..first.values.len())
        .map(|k| members.iter().filter_map(|m| m.values.get(k)).sum::<f64>() / n)
        .collect();
    Some(Line { from: first.from, values })
}

/// `long − short` in percentage points, point by point.
pub fn spread(long: &Line, short: &Line) -> Line {
    debug_assert_eq!((long.from, long.values.len()), (short.from, short.values.len()));
    Line { from: long.from, values: long.values.iter().zip(&short.values).map(|(a, b)| a - b).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(closes: &[Option<f64>]) -> Series {
        Series { symbol: "T".into(), name: None, group: None, closes: closes.to_vec() }
    }

    #[test]
    fn percent_change_hand_worked() {
        // 80 → 100 is +25 %, → 60 is −25 %, gap carries 60.
        let line = percent_change(&s(&[Some(80.0), Some(100.0), Some(60.0), None]), 0, 3).unwrap();
        assert_eq!(line.values, vec![0.0, 25.0, -25.0, -25.0]);
        assert_eq!((line.from, line.to()), (0, 3));
    }

    #[test]
    fn base_is_last_close_on_or_before_the_start() {
        // Start index 2 has no close: the base is index 1's 40.
        let line = percent_change(&s(&[Some(10.0), Some(40.0), None, Some(50.0)]), 2, 3).unwrap();
        assert_eq!(line.values, vec![0.0, 25.0]);
        assert_eq!(percent_change(&s(&[None, None, Some(5.0)]), 1, 2), None);
    }

    #[test]
    fn ratio_is_rebased_to_100() {
        let p = s(&[Some(20.0), Some(22.0), Some(30.0)]);
        let b = s(&[Some(100.0), Some(100.0), Some(120.0)]);
        // (22/100)/(20/100) = 1.1 → 110; (30/120)/(0.2) = 1.25 → 125.
        let line = ratio_to_benchmark(&p, &b, 0, 2).unwrap();
        assert_eq!(line.values[0], 100.0);
        assert!((line.values[1] - 110.0).abs() < 1e-12);
        assert!((line.values[2] - 125.0).abs() < 1e-12);
    }

    #[test]
    fn baskets_average_members_and_spreads_subtract() {
        let a = Line { from: 3, values: vec![0.0, 10.0, 20.0] };
        let b = Line { from: 3, values: vec![0.0, -4.0, 6.0] };
        let basket = basket_line(&[a.clone(), b.clone()]).unwrap();
        assert_eq!(basket.values, vec![0.0, 3.0, 13.0]);
        assert_eq!(spread(&a, &b).values, vec![0.0, 14.0, 14.0]);
        assert_eq!(basket.at(4), Some(3.0));
        assert_eq!(basket.at(2), None);
        assert_eq!(basket.at(6), None);
    }
}
