//! `analyze`: every number the widget and the JS API give, from one validated table,
//! derived through the same [`Model`] methods the widget uses.

use super::Model;
use crate::analysis::error::{AnalysisError, Warning, Within, NO_GRAPH};
use crate::analysis::period::Period;
use crate::analysis::prices::PriceTable;
use crate::analysis::returns::{BasketReturn, PeriodReturn, SpreadReturn};
use crate::analysis::rotation::{Interval, Quadrant, RotationMethod, RotationParams, RotationPoint, Transition};
use crate::analysis::rotation_metrics::{tail_metrics, Compass, PointMetrics};
use crate::analysis::trend::{trend_summary, TrendSummary};
use crate::analysis::Date;
use serde::Serialize;
use std::ops::Deref;

/// What to compute. Defaults: benchmark `SPY` (else the first symbol), every other symbol,
/// the last date, YTD, weekly rotation with window 14 and tail 10, no baskets.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnalyzeOptions {
    pub benchmark: Option<String>,
    pub symbols: Option<Vec<String>>,
    pub baskets: Vec<(String, Vec<String>)>,
    /// (long, short) legs: basket names or symbols. Empty with two or more baskets means
    /// "the first basket minus the second".
    pub spreads: Vec<(String, String)>,
    pub as_of: Option<String>,
    /// Empty means `[YTD]`.
    pub periods: Vec<Period>,
    pub rotation: RotationParams,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RotationSettings {
    pub interval: Interval,
    pub window: usize,
    pub tail: usize,
    pub method: RotationMethod,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SymbolRotationOut {
    pub symbol: String,
    /// Quadrant of the last point.
    pub quadrant: Quadrant,
    /// Consecutive points in that quadrant, counting back from the last.
    pub periods_in_quadrant: usize,
    /// The last `tail` points, oldest first, with their rotation metrics.
    pub points: Vec<PointOut>,
    /// Every change of quadrant in the computed history, oldest first.
    pub transitions: Vec<Transition>,
}

/// A tail point and its rotation metrics ([`crate::analysis::rotation_metrics`]): in JSON the
/// point's own fields, then `heading_deg`, `heading`, `distance` and `velocity` (`null` where
/// there is none).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointOut {
    #[serde(flatten)]
    pub point: RotationPoint,
    pub heading_deg: Option<f64>,
    /// The compass name of the heading ("NE").
    pub heading: Option<Compass>,
    pub distance: f64,
    pub velocity: Option<f64>,
}

impl PointOut {
    pub fn new(point: RotationPoint, m: PointMetrics) -> PointOut {
        PointOut { point, heading_deg: m.heading_deg, heading: m.heading(), distance: m.distance, velocity: m.velocity }
    }
}

/// The point's own fields read through (`p.rs_ratio`).
impl Deref for PointOut {
    type Target = RotationPoint;
    fn deref(&self) -> &RotationPoint {
        &self.point
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub benchmark: String,
    pub as_of: Date,
    pub adjustment: crate::analysis::Adjustment,
    pub adjustment_text: &'static str,
    /// Ranked best first within each period; periods in the order asked.
    pub returns: Vec<PeriodReturn>,
    pub rotation_settings: RotationSettings,
    pub rotation: Vec<SymbolRotationOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub baskets: Vec<BasketReturn>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub spreads: Vec<SpreadReturn>,
    pub trend: Vec<TrendSummary>,
    pub warnings: Vec<Warning>,
}

/// Computes returns, rotation, baskets, spreads and trend for `options`.
///
/// # Example
/// ```
/// use rotascope::analysis::input::parse_contract_json;
/// use rotascope::model::{analyze, AnalyzeOptions};
/// let t = parse_contract_json(r#"{"dates":["2025-12-31","2026-01-02"],
///     "series":{"SPY":[100,102],"IWM":[50,52]}}"#).unwrap();
/// let a = analyze(&t, &AnalyzeOptions::default()).unwrap();
/// // IWM: 52/50 − 1 = +4 %, SPY +2 %: IWM first, 2 pp ahead.
/// assert_eq!(a.returns[0].symbol, "IWM");
/// assert!((a.returns[0].excess_pp - 2.0).abs() < 1e-9);
/// // Two days are far too few for a 14-week rotation: that is a warning, not an error.
/// assert!(a.rotation.is_empty() && a.warnings.iter().any(|w| w.code == "rotation_skipped"));
/// ```
///
/// `table` is borrowed (`&PriceTable`) or shared (`Rc<PriceTable>`, as the browser holds it:
/// the same `Model` type as the widget's, so the wasm carries one copy of the model's code).
pub fn analyze<T: Deref<Target = PriceTable>>(table: T, options: &AnalyzeOptions) -> Result<Analysis, AnalysisError> {
    let mut model = Model::without_baskets(table, options)?;
    let benchmark = model.benchmark;
    let periods: Vec<Period> = if options.periods.is_empty() { vec![Period::YearToDate] } else { options.periods.clone() };
    let mut warnings = model.table.warnings.clone();

    let mut returns = Vec::new();
    for &period in &periods {
        let (r, w) = model.returns(benchmark, period).as_ref().clone()?;
        returns.extend(r);
        warnings.extend(w);
    }

    let params = options.rotation;
    let rotation = match model.rotation_set(benchmark, params.interval, params.method).as_ref() {
        Ok(set) => {
            warnings.extend(set.warnings.iter().cloned());
            set.rotations
                .iter()
                .filter_map(|r| {
                    Some(SymbolRotationOut {
                        symbol: model.symbol(r.position).to_owned(),
                        quadrant: r.head()?.quadrant,
                        periods_in_quadrant: r.periods_in_quadrant(),
                        points: r.tail(params.tail).iter().cloned().zip(tail_metrics(&r.points, params.tail)).map(|(p, m)| PointOut::new(p, m)).collect(),
                        transitions: r.transitions.clone(),
                    })
                })
                .collect()
        }
        // Too little history for any rotation still leaves returns worth giving.
        Err(e @ AnalysisError::TooFewPoints { .. }) => {
            warnings.push(Warning::about("rotation_skipped", None, NO_GRAPH, &[], Within::Error(e.clone())));
            Vec::new()
        }
        Err(e) => return Err(e.clone()),
    };

    model.resolve_baskets(&options.baskets)?;
    // The spreads asked for, or by default the first basket minus the second.
    let legs = if options.spreads.is_empty() {
        model.basket_legs().into_iter().collect::<Vec<_>>()
    } else {
        let mut legs = Vec::with_capacity(options.spreads.len());
        for (long, short) in &options.spreads {
            legs.push((model.leg(long)?, model.leg(short)?));
        }
        legs
    };
    let mut baskets = Vec::new();
    let mut spreads = Vec::new();
    for &period in &periods {
        let period_baskets = model.basket_returns(period);
        warnings.extend(period_baskets.warnings);
        for (long, short) in &legs {
            match model.spread(long, short, period) {
                Ok(s) => spreads.push(s),
                Err(w) => warnings.push(w),
            }
        }
        baskets.extend(period_baskets.returns.iter().flatten().cloned());
    }

    let trend = std::iter::once(benchmark)
        .chain(model.selection(benchmark).symbols)
        .filter_map(|pos| trend_summary(&model.table, pos, model.to))
        .collect();

    Ok(Analysis {
        benchmark: model.symbol(benchmark).to_owned(),
        as_of: model.table.date(model.to),
        adjustment: model.table.adjustment,
        adjustment_text: model.table.adjustment.describe(),
        returns,
        rotation_settings: RotationSettings { interval: params.interval, window: params.window, tail: params.tail, method: params.method },
        rotation,
        baskets,
        spreads,
        trend,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::input::parse_contract_json;

    fn weekly_table() -> PriceTable {
        // 400 weekdays (80 weeks); SPY flat-ish, IWM rising, IWC starts late (its last 10 weeks).
        let first = Date::parse_iso("2025-11-03").unwrap();
        let dates: Vec<Date> = (0..).map(|i| first.add_days(i)).filter(|d| d.weekday() < 5).take(400).collect();
        let json_dates: Vec<String> = dates.iter().map(|d| format!("\"{d}\"")).collect();
        let spy: Vec<String> = (0..400).map(|i| format!("{}", 100.0 + (i as f64 / 9.0).sin())).collect();
        let iwm: Vec<String> = (0..400).map(|i| format!("{}", 50.0 + i as f64 * 0.1 + (i as f64 / 7.0).cos())).collect();
        let iwc: Vec<String> = (0..400).map(|i| if i < 350 { "null".into() } else { format!("{}", 20.0 + i as f64 * 0.01) }).collect();
        parse_contract_json(&format!(
            r#"{{"dates":[{}],"series":{{"SPY":[{}],"IWM":[{}],"IWC":[{}]}}}}"#,
            json_dates.join(","),
            spy.join(","),
            iwm.join(","),
            iwc.join(",")
        ))
        .unwrap()
    }

    #[test]
    fn analyze_gives_returns_rotation_baskets_spreads_and_trend() {
        let t = weekly_table();
        let options = AnalyzeOptions {
            baskets: vec![("small".into(), vec!["IWM".into(), "IWC".into()]), ("large".into(), vec!["SPY".into()])],
            periods: vec![Period::Month1, Period::YearToDate],
            ..AnalyzeOptions::default()
        };
        let a = analyze(&t, &options).unwrap();
        assert_eq!(a.benchmark, "SPY");
        assert_eq!(a.as_of, *t.dates.last().unwrap());
        // 1M: SPY, IWM, IWC; YTD: SPY, IWM (IWC starts after 2026-12-31).
        assert_eq!(a.returns.iter().filter(|r| r.period == Period::Month1).count(), 3);
        assert_eq!(a.returns.iter().filter(|r| r.period == Period::YearToDate).count(), 2);
        assert!(a.returns.iter().filter(|r| r.symbol == "SPY").all(|r| r.excess_pp == 0.0));
        // IWM has 80 weeks, more than the 31 log-trend needs: rotation computed with a 10-point
        // tail; IWC (10 weeks) skipped.
        assert_eq!(a.rotation.len(), 1);
        assert_eq!(a.rotation[0].points.len(), 10);
        assert!(a.warnings.iter().any(|w| w.code == "rotation_skipped" && w.symbol.as_deref() == Some("IWC")));
        // Baskets per period, and the default spread small − large.
        assert_eq!(a.baskets.len(), 4);
        assert_eq!(a.spreads.len(), 2);
        let s = &a.spreads[1];
        let small = a.baskets.iter().find(|b| b.name == "small" && b.period == Period::YearToDate).unwrap();
        assert_eq!((s.long.as_str(), s.short.as_str()), ("small", "large"));
        assert!((s.spread_pp - (small.return_pct - s.short_return_pct)).abs() < 1e-12);
        assert_eq!(a.trend.len(), 3);
    }

    #[test]
    fn serializes_to_the_documented_shape() {
        let a = analyze(&weekly_table(), &AnalyzeOptions::default()).unwrap();
        let v = serde_json::to_value(&a).unwrap();
        let r = &v["returns"][0];
        for key in ["symbol", "period", "start_date", "end_date", "return_pct", "excess_pp"] {
            assert!(r.get(key).is_some(), "returns[0].{key} in {r}");
        }
        assert_eq!(v["returns"][0]["period"], "YTD");
        let p = &v["rotation"][0]["points"][0];
        for key in ["date", "rs_ratio", "rs_momentum", "quadrant", "partial"] {
            assert!(p.get(key).is_some(), "point.{key} in {p}");
        }
        for key in ["heading_deg", "heading", "distance", "velocity"] {
            assert!(p.get(key).is_some(), "point.{key} in {p}");
        }
        assert!(p["heading"].is_string() && p["heading_deg"].is_number() && p["velocity"].is_number(), "{p}");
        assert!(v["rotation"][0]["transitions"].is_array());
        assert!(v.get("baskets").is_none(), "baskets only when asked");
        assert!(v["warnings"].is_array());
    }

    #[test]
    fn tail_points_carry_their_metrics_from_the_whole_history() {
        let t = weekly_table();
        let options = AnalyzeOptions { rotation: RotationParams::new(Interval::Weekly, 14, 4).unwrap(), ..AnalyzeOptions::default() };
        let a = analyze(&t, &options).unwrap();
        let model = Model::new(&t, &options).unwrap();
        let set = model.rotation_set(model.benchmark, Interval::Weekly, RotationMethod::LogTrend);
        let history = &set.as_ref().as_ref().unwrap().rotations[0].points;
        let out = &a.rotation[0].points;
        assert_eq!(out.len(), 4);
        let n = history.len();
        assert!(n > 8, "the history reaches back past the tail");
        for (j, p) in out.iter().enumerate() {
            // Written out from the formulas: the previous point of the history (also for the
            // tail's first point), and the 3 steps of the 4 points ending here.
            let k = n - 4 + j;
            let (x, y, px, py) = (history[k].rs_ratio, history[k].rs_momentum, history[k - 1].rs_ratio, history[k - 1].rs_momentum);
            assert_eq!(p.distance, ((x - 100.0).powi(2) + (y - 100.0).powi(2)).sqrt());
            let deg = (y - py).atan2(x - px).to_degrees().rem_euclid(360.0);
            assert!((p.heading_deg.unwrap() - deg).abs() < 1e-9, "{j}: {:?} vs {deg}", p.heading_deg);
            assert_eq!(p.heading.unwrap().name(), ["E", "NE", "N", "NW", "W", "SW", "S", "SE"][((deg + 22.5) / 45.0).floor() as usize % 8]);
            let steps: f64 = (k - 2..=k).map(|i| ((history[i].rs_ratio - history[i - 1].rs_ratio).powi(2) + (history[i].rs_momentum - history[i - 1].rs_momentum).powi(2)).sqrt()).sum();
            assert!((p.velocity.unwrap() - steps / 3.0).abs() < 1e-12, "{j}");
        }
    }

    #[test]
    fn bad_options_are_errors() {
        let t = weekly_table();
        let cases: Vec<(AnalyzeOptions, &str)> = vec![
            (AnalyzeOptions { benchmark: Some("QQQ".into()), ..Default::default() }, "unknown benchmark \"QQQ\": the prices have SPY, IWM, IWC"),
            (AnalyzeOptions { symbols: Some(vec!["XLK".into()]), ..Default::default() }, "unknown symbol \"XLK\": the prices have SPY, IWM, IWC"),
            (AnalyzeOptions { as_of: Some("2020-01-01".into()), ..Default::default() }, "option `asOf` = 2020-01-01: the data starts on 2025-11-03"),
            // A custom period after the as-of day (2026-01-15 is a Thursday in the data).
            (
                AnalyzeOptions { as_of: Some("2026-01-15".into()), periods: vec![Period::YearToDate, Period::Since(Date::parse_iso("2026-03-03").unwrap())], ..Default::default() },
                "option `period` = 2026-03-03: it starts after the as-of day 2026-01-15; choose a start on or before 2026-01-15",
            ),
            (
                AnalyzeOptions { spreads: vec![("IWM".into(), "DIA".into())], ..Default::default() },
                "unknown spread leg (basket or symbol) \"DIA\": the prices have SPY, IWM, IWC",
            ),
        ];
        for (o, expected) in cases {
            assert_eq!(analyze(&t, &o).unwrap_err().to_string(), expected);
        }
    }

    #[test]
    fn benchmark_alone_sits_at_100_100() {
        let t = parse_contract_json(&{
            let first = Date::parse_iso("2024-01-01").unwrap();
            let dates: Vec<String> = (0..400).map(|i| format!("\"{}\"", first.add_days(i))).collect();
            let b: Vec<String> = (0..400).map(|i| format!("{}", 100.0 + (i as f64 / 13.0).sin() * 5.0)).collect();
            let m: Vec<String> = (0..400).map(|i| format!("{}", 4.0 * (100.0 + (i as f64 / 13.0).sin() * 5.0))).collect();
            format!(r#"{{"dates":[{}],"series":{{"B":[{}],"M":[{}]}}}}"#, dates.join(","), b.join(","), m.join(","))
        })
        .unwrap();
        let a = analyze(&t, &AnalyzeOptions { benchmark: Some("B".into()), ..Default::default() }).unwrap();
        assert!(a.rotation[0].points.iter().all(|p| p.rs_ratio == 100.0 && p.rs_momentum == 100.0));
    }
}
