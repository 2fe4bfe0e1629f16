//! Trend: simple moving averages and the prior high.
//!
//! # Formula
//!
//! - `SMA_n(i) = (1/n) × Σ` of the last `n` closes up to day `i` (days without a close are
//!   skipped, not filled). Defined on days with a close once `n` closes exist.
//! - Prior high as of `D`: the highest close strictly before `D` in the loaded data, with its
//!   date (the earliest date if the high repeats).
//! - Distance from the prior high: `(P(D) / high − 1) × 100`; positive means `D` made a new high.
//!
//! # Parameters
//!
//! `n ≥ 1` (the trend view uses 50 and 200).

use super::date::Date;
use super::lines::Line;
use super::prices::{PriceTable, Series};
use serde::Serialize;

/// Simple moving average of `n` closes at each day with a close, `None` elsewhere and before
/// `n` closes exist. A running sum (one add and one subtract per day); the test suite checks it
/// against the direct sum.
///
/// # Example
/// ```
/// use rotascope::analysis::trend::sma;
/// // (1 + 2) / 2 = 1.5; the gap is skipped, so the next window is {2, 4}: 3.
/// assert_eq!(sma(&[Some(1.0), Some(2.0), None, Some(4.0)], 2), vec![None, Some(1.5), None, Some(3.0)]);
/// ```
pub fn sma(closes: &[Option<f64>], n: usize) -> Vec<Option<f64>> {
    let mut out = vec![None; closes.len()];
    if n == 0 {
        return out;
    }
    let present: Vec<(usize, f64)> = closes.iter().enumerate().filter_map(|(i, c)| c.map(|v| (i, v))).collect();
    let mut sum = 0.0;
    // The close leaving the window: `n` present closes behind the one entering it.
    let mut leaving = present.iter();
    for (k, &(i, v)) in present.iter().enumerate() {
        sum += v;
        if k >= n {
            sum -= leaving.next().map_or(0.0, |&(_, old)| old);
        }
        if let (true, Some(slot)) = (k + 1 >= n, out.get_mut(i)) {
            *slot = Some(sum / n as f64);
        }
    }
    out
}

/// The highest close strictly before table index `to`, as (index, close).
pub fn prior_high(series: &Series, to: usize) -> Option<(usize, f64)> {
    series
        .closes
        .iter()
        .take(to)
        .enumerate()
        .filter_map(|(i, c)| c.map(|v| (i, v)))
        .fold(None, |best: Option<(usize, f64)>, (i, v)| match best {
            Some((_, b)) if b >= v => best,
            _ => Some((i, v)),
        })
}

/// The trend numbers of one symbol as of table index `to`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendSummary {
    pub symbol: String,
    /// Date and value of the last close on or before the as-of day.
    pub date: Date,
    pub close: f64,
    pub sma50: Option<f64>,
    pub sma200: Option<f64>,
    pub prior_high: Option<f64>,
    pub prior_high_date: Option<Date>,
    pub from_high_pct: Option<f64>,
}

pub fn trend_summary(table: &PriceTable, position: usize, to: usize) -> Option<TrendSummary> {
    let series = table.series_at(position)?;
    let (at, close) = series.close_on_or_before(to)?;
    let avg = |n: usize| -> Option<f64> {
        let window: Vec<f64> = series.closes.iter().take(at + 1).rev().flatten().take(n).copied().collect();
        (window.len() == n).then(|| window.iter().sum::<f64>() / n as f64)
    };
    let high = prior_high(series, at);
    Some(TrendSummary {
        symbol: series.symbol.clone(),
        date: table.date(at),
        close,
        sma50: avg(50),
        sma200: avg(200),
        prior_high: high.map(|h| h.1),
        prior_high_date: high.map(|h| table.date(h.0)),
        from_high_pct: high.map(|h| (close / h.1 - 1.0) * 100.0),
    })
}

/// What the trend view draws, over table indices `from..=to`.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendLines {
    /// Closes, gaps carried forward, from the first close on or after `from`.
    pub close: Line,
    pub sma50: Option<Line>,
    pub sma200: Option<Line>,
    pub summary: TrendSummary,
}

/// A line of `values` over `from..=to`, starting at the first defined value and carrying the
/// last value across gaps.
fn carried(values: &[Option<f64>], from: usize, to: usize) -> Option<Line> {
    let span = values.get(from..=to)?;
    let (offset, mut last) = span.iter().enumerate().find_map(|(k, v)| v.map(|v| (k, v)))?;
    let values = span
        .iter()
        .skip(offset)
        .map(|v| {
            if let Some(v) = *v {
                last = v;
            }
            last
        })
        .collect();
    Some(Line { from: from + offset, values })
}

/// Close, SMA 50 and SMA 200 of a symbol over `from..=to` (averages use the history before
/// `from` too, so they are defined from the first day when enough closes exist).
pub fn trend_lines(table: &PriceTable, position: usize, from: usize, to: usize) -> Option<TrendLines> {
    let series = table.series_at(position)?;
    let closes = series.closes.get(..=to)?;
    let close = carried(closes, from, to)?;
    Some(TrendLines {
        close,
        sma50: carried(&sma(closes, 50), from, to),
        sma200: carried(&sma(closes, 200), from, to),
        summary: trend_summary(table, position, to)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::input::parse_contract_json;

    fn naive_sma(closes: &[Option<f64>], n: usize) -> Vec<Option<f64>> {
        (0..closes.len())
            .map(|i| {
                closes[i]?;
                let window: Vec<f64> = closes[..=i].iter().rev().flatten().take(n).copied().collect();
                (window.len() == n).then(|| window.iter().sum::<f64>() / n as f64)
            })
            .collect()
    }

    #[test]
    fn running_sum_matches_the_direct_sum_on_a_long_synthetic_series() {
        // 6,500 deterministic closes with gaps every 37th day.
        let closes: Vec<Option<f64>> = (0..6500)
            .map(|i| (i % 37 != 5).then(|| 100.0 * (1.0 + 0.4 * ((i as f64) / 90.0).sin()) + (i as f64) * 0.01))
            .collect();
        for n in [1, 2, 50, 200] {
            let (fast, naive) = (sma(&closes, n), naive_sma(&closes, n));
            for (i, (a, b)) in fast.iter().zip(&naive).enumerate() {
                match (a, b) {
                    (Some(a), Some(b)) => assert!((a - b).abs() <= 1e-9 * b.abs(), "n={n} i={i}: {a} vs {b}"),
                    (None, None) => {}
                    _ => panic!("n={n} i={i}: {a:?} vs {b:?}"),
                }
            }
        }
    }

    #[test]
    fn trend_lines_start_where_data_allows_and_carry_gaps() {
        let first = Date::parse_iso("2025-01-01").unwrap();
        let dates: Vec<String> = (0..260).map(|i| format!("\"{}\"", first.add_days(i))).collect();
        let closes: Vec<String> = (0..260).map(|i| if i == 100 { "null".into() } else { format!("{}", 10 + i) }).collect();
        let t = parse_contract_json(&format!(r#"{{"dates":[{}],"series":{{"X":[{}]}}}}"#, dates.join(","), closes.join(","))).unwrap();
        let l = trend_lines(&t, 0, 20, 259).unwrap();
        assert_eq!(l.close.from, 20);
        assert_eq!(l.close.at(100), l.close.at(99), "the gap carries the previous close");
        // SMA 50 needs 50 closes, first reached at index 49 (after `from` = 20): it starts there.
        assert_eq!(l.sma50.as_ref().unwrap().from, 49);
        // SMA 200 needs 200 closes; one day is missing, so index 200.
        assert_eq!(l.sma200.as_ref().unwrap().from, 200);
        assert_eq!(l.sma50.unwrap().at(49), Some((10..60).sum::<i32>() as f64 / 50.0));
    }

    #[test]
    fn constant_series_has_constant_averages() {
        let closes = vec![Some(42.0); 300];
        assert!(sma(&closes, 200)[199..].iter().all(|v| *v == Some(42.0)));
    }

    #[test]
    fn prior_high_and_distance_hand_worked() {
        let t = parse_contract_json(
            r#"{"dates":["2026-01-02","2026-01-05","2026-01-06","2026-01-07","2026-01-08"],
                "series":{"X":[10,16,12,16,12]}}"#,
        )
        .unwrap();
        let s = trend_summary(&t, 0, 4).unwrap();
        // Highest close before 2026-01-08 is 16, first reached 2026-01-05; 12/16 − 1 = −25 %.
        assert_eq!(s.prior_high, Some(16.0));
        assert_eq!(s.prior_high_date.unwrap().to_string(), "2026-01-05");
        assert_eq!(s.from_high_pct, Some(-25.0));
        assert_eq!(s.sma50, None);
        // As of the first day there is nothing before it.
        assert_eq!(trend_summary(&t, 0, 0).unwrap().prior_high, None);
    }
}
