//! Properties of the analytics core on generated inputs:
//! - a naive transcription of both rotation methods (every window recomputed from scratch,
//!   ISO weeks found by week number) agrees with the production code on deterministic
//!   synthetic series with gaps;
//! - no input of valid shape makes `analyze` panic or return a non-finite number.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rotascope::model::{analyze, AnalyzeOptions};
use rotascope::analysis::input::{parse_contract_json, to_contract_json};
use rotascope::analysis::period::Period;
use rotascope::analysis::rotation::{rotation, Interval, Quadrant, RotationMethod, RotationParams};
use rotascope::analysis::{Adjustment, AnalysisError, Date, PriceTable, Series};
use rotascope::sample::SplitMix64;

/// ISO (year, week number) by the textbook rule: the week containing the year's first
/// Thursday is week 1. Deliberately a different method from the production code's
/// "Monday of the week" key.
fn iso_week(day: Date) -> (i32, i32) {
    let weekday = day.weekday() as i32; // 0 = Monday
    let thursday = day.add_days(3 - weekday);
    let year = thursday.year();
    let jan1 = Date::from_ymd(year, 1, 1).unwrap();
    (year, (thursday.days() - jan1.days()) / 7 + 1)
}

fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    (mean, (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt())
}

fn z(xs: &[f64]) -> f64 {
    let (mean, sd) = mean_sd(xs);
    if sd <= 1e-9 * mean.abs() { 100.0 } else { 100.0 + (xs[xs.len() - 1] - mean) / sd }
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len() as f64
}

/// (date, RS-Ratio, RS-Momentum, partial) straight from the formulas.
fn naive_rotation(table: &PriceTable, sym: usize, bench: usize, to: usize, weekly: bool, w: usize, method: RotationMethod) -> Vec<(Date, f64, f64, bool)> {
    let (p, b) = (&table.series[sym].closes, &table.series[bench].closes);
    let pairs: Vec<(Date, f64)> = (0..=to).filter_map(|i| Some((table.dates[i], 100.0 * p[i]? / b[i]?))).collect();
    let as_of = table.dates[to];
    let samples: Vec<(Date, f64, bool)> = if weekly {
        let mut out: Vec<(Date, f64, bool)> = Vec::new();
        for (k, &(d, rs)) in pairs.iter().enumerate() {
            let last_of_week = pairs.get(k + 1).is_none_or(|&(next, _)| iso_week(next) != iso_week(d));
            if last_of_week {
                out.push((d, rs, iso_week(d) == iso_week(as_of) && as_of.weekday() < 4));
            }
        }
        out
    } else {
        pairs.iter().map(|&(d, rs)| (d, rs, false)).collect()
    };
    let rs: Vec<f64> = samples.iter().map(|s| s.1).collect();
    match method {
        RotationMethod::Zscore => {
            let rsr = |t: usize| z(&rs[t + 1 - w..=t]);
            (2 * w - 2..samples.len())
                .map(|t| {
                    let ratios: Vec<f64> = (t + 1 - w..=t).map(rsr).collect();
                    (samples[t].0, rsr(t), z(&ratios), samples[t].2)
                })
                .collect()
        }
        RotationMethod::LogTrend => {
            // T from t = 29 (the 30-sample mean), RS-Momentum from t = 30: every window
            // recomputed from scratch; |T| ≤ 1e-12 counts as 0.
            let log: Vec<f64> = rs.iter().map(|x| x.ln()).collect();
            let rsr = |t: usize| {
                let trend = mean(&log[t - 9..=t]) - mean(&log[t - 29..=t]);
                if trend.abs() <= 1e-12 { 100.0 } else { 100.0 + 100.0 * trend }
            };
            (30..samples.len()).map(|t| (samples[t].0, rsr(t), 100.0 + 3.0 * (rsr(t) - rsr(t - 1)), samples[t].2)).collect()
        }
    }
}

/// Deterministic synthetic table: `n` weekdays, a benchmark and `symbols` others with random
/// walks, a few gaps, and a symbol that starts late.
fn synthetic(seed: u64, n: usize, symbols: usize) -> PriceTable {
    let mut rng = SplitMix64(seed);
    let first = Date::parse_iso("2019-12-30").unwrap();
    let dates: Vec<Date> = (0..).map(|i| first.add_days(i)).filter(|d| d.weekday() < 5).take(n).collect();
    let series = (0..=symbols)
        .map(|k| {
            let mut level = 100.0;
            let late = if k == symbols { n / 3 } else { 0 };
            let closes = (0..n)
                .map(|i| {
                    level *= (0.0003 * k as f64 + 0.012 * rng.normal()).exp();
                    let gap = k > 0 && rng.unit() < 0.03;
                    (i >= late && !gap).then_some(level)
                })
                .collect();
            Series { symbol: format!("S{k}"), name: None, group: None, closes }
        })
        .collect();
    PriceTable::validated(dates, series, Adjustment::NotStated, None, vec![]).unwrap()
}

#[test]
fn naive_and_production_rotation_agree_on_synthetic_series() {
    let mut compared = 0;
    for seed in 1..=6u64 {
        let t = synthetic(seed, 900, 4);
        let settings = [(Interval::Weekly, 14), (Interval::Weekly, 5), (Interval::Daily, 14), (Interval::Daily, 2)];
        for ((interval, w), method) in settings.into_iter().flat_map(|s| RotationMethod::ALL.map(|m| (s, m))) {
            for to in [899, 650, 447] {
                for sym in 1..t.series.len() {
                    let naive = naive_rotation(&t, sym, 0, to, interval == Interval::Weekly, w, method);
                    let params = RotationParams::new(interval, w, 10).unwrap().with_method(method);
                    let fast = match rotation(&t, sym, 0, to, params) {
                        Ok(r) => r.points,
                        Err(AnalysisError::TooFewPoints { .. }) => {
                            assert!(naive.is_empty(), "seed {seed} {interval:?} {method} w{w} S{sym}: production found too few points");
                            continue;
                        }
                        Err(e) => panic!("{e}"),
                    };
                    assert_eq!(fast.len(), naive.len(), "seed {seed} {interval:?} {method} w{w} to {to} S{sym}");
                    for (f, n) in fast.iter().zip(&naive) {
                        assert_eq!((f.date, f.partial), (n.0, n.3));
                        assert!((f.rs_ratio - n.1).abs() < 1e-9 && (f.rs_momentum - n.2).abs() < 1e-9, "{} {:?} vs {:?}", f.date, (f.rs_ratio, f.rs_momentum), n);
                        assert_eq!(f.quadrant, Quadrant::of(n.1, n.2));
                        compared += 1;
                    }
                }
            }
        }
    }
    assert!(compared > 40_000, "compared {compared} points");
}

#[test]
fn iso_week_helper_matches_known_weeks() {
    let d = |s| Date::parse_iso(s).unwrap();
    assert_eq!(iso_week(d("2026-01-01")), (2026, 1));
    assert_eq!(iso_week(d("2025-12-29")), (2026, 1));
    assert_eq!(iso_week(d("2021-01-03")), (2020, 53));
    assert_eq!(iso_week(d("2026-07-13")), (2026, 29));
}

/// A table of valid shape: increasing dates with random gaps, 1-5 series of positive closes
/// (spanning nine orders of magnitude) with random nulls.
fn table_strategy() -> impl Strategy<Value = PriceTable> {
    (1usize..260, 1usize..6, any::<u64>()).prop_map(|(n, symbols, seed)| {
        let mut rng = SplitMix64(seed);
        let mut day = Date::parse_iso("2020-01-01").unwrap().add_days((rng.next_u64() % 2000) as i32);
        let dates: Vec<Date> = (0..n)
            .map(|_| {
                day = day.add_days(1 + (rng.next_u64() % 4) as i32);
                day
            })
            .collect();
        let series = (0..symbols)
            .map(|k| Series {
                symbol: format!("X{k}"),
                name: None,
                group: None,
                closes: (0..n)
                    .map(|_| (rng.unit() > 0.15).then(|| 10f64.powf(rng.unit() * 9.0 - 3.0)))
                    .collect(),
            })
            .collect();
        match PriceTable::validated(dates.clone(), series, Adjustment::NotStated, None, vec![]) {
            Ok(t) => t,
            // Every series drew only nulls: give the first one a close.
            Err(_) => PriceTable::validated(
                dates,
                vec![Series { symbol: "X0".into(), name: None, group: None, closes: (0..n).map(|i| (i == 0).then_some(1.0)).collect() }],
                Adjustment::NotStated,
                None,
                vec![],
            )
            .unwrap(),
        }
    })
}

fn options_strategy() -> impl Strategy<Value = AnalyzeOptions> {
    (prop::sample::subsequence(Period::NAMED.to_vec(), 1..4), any::<bool>(), 2usize..20, 1usize..30, any::<bool>()).prop_map(
        |(periods, weekly, window, tail, basket)| AnalyzeOptions {
            periods,
            rotation: RotationParams::new(if weekly { Interval::Weekly } else { Interval::Daily }, window, tail).unwrap(),
            baskets: if basket { vec![("all".into(), vec!["X0".into()])] } else { vec![] },
            ..AnalyzeOptions::default()
        },
    )
}

fn all_finite(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Number(n) => n.as_f64().is_some_and(f64::is_finite),
        serde_json::Value::Array(a) => a.iter().all(all_finite),
        serde_json::Value::Object(o) => o.values().all(all_finite),
        _ => true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn analyze_never_panics_or_yields_non_finite_numbers(table in table_strategy(), options in options_strategy()) {
        // Through the contract text as a publisher would send it.
        // (Warnings raised while building `table`, such as an all-null series left out, are not
        // part of the JSON, so the round trip compares the data.)
        let parsed = parse_contract_json(&to_contract_json(&table)).unwrap();
        prop_assert_eq!((&parsed.dates, &parsed.series), (&table.dates, &table.series));
        match analyze(&parsed, &options) {
            Ok(a) => {
                let v = serde_json::to_value(&a).unwrap();
                // serde_json writes NaN and infinities as null: look at the numbers directly too.
                prop_assert!(all_finite(&v));
                for r in &a.returns {
                    prop_assert!(r.return_pct.is_finite() && r.excess_pp.is_finite());
                }
                for s in &a.rotation {
                    for p in &s.points {
                        prop_assert!(p.rs_ratio.is_finite() && p.rs_momentum.is_finite(), "{:?}", p);
                    }
                }
            }
            // Short random tables often lack a base close for the benchmark: a clear error is fine.
            Err(AnalysisError::NoBaseClose { .. }) => {}
            Err(e) => prop_assert!(false, "unexpected error: {}", e),
        }
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = rotascope::analysis::input::parse_text("x.csv", &text, None);
        let _ = parse_contract_json(&text);
    }
}
