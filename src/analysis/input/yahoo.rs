//! Yahoo-chart-style JSON: `chart.result[i]` with `meta.symbol`, `timestamp[]` and
//! `indicators.adjclose[0].adjclose[]` (total return), else `indicators.quote[0].close[]`
//! (split-adjusted prices without dividends). Each timestamp becomes the calendar day it falls
//! on in the exchange's time zone (`meta.gmtoffset` seconds; 0 when absent).

use super::contract::wrong;
use super::{RawSeries, Tabled};
use crate::analysis::date::Date;
use crate::analysis::error::*;
use crate::analysis::said::Said;
use crate::analysis::prices::{close_problem, Adjustment, PriceTable};
use serde_json::Value;

/// Whether `value` looks like a Yahoo chart response.
pub fn is_yahoo_chart(value: &Value) -> bool {
    value.get("chart").is_some_and(Value::is_object)
}

fn closes_of(result: &Value, path: &str) -> Result<(Vec<Value>, Adjustment, String), AnalysisError> {
    let adj = result.pointer("/indicators/adjclose/0/adjclose");
    let close = result.pointer("/indicators/quote/0/close");
    match (adj, close) {
        (Some(Value::Array(a)), _) => Ok((a.clone(), Adjustment::TotalReturn, format!("{path}.indicators.adjclose[0].adjclose"))),
        (_, Some(Value::Array(c))) => Ok((c.clone(), Adjustment::PriceOnly, format!("{path}.indicators.quote[0].close"))),
        _ => Err(AnalysisError::WrongShape {
            path: format!("{path}.indicators"),
            expected: EXPECT_INDICATORS,
            found: Said::plain(FOUND_NEITHER),
        }),
    }
}

/// Parses one Yahoo chart document (possibly with several results).
pub fn parse_yahoo_chart(value: &Value) -> Result<PriceTable, AnalysisError> {
    let chart = &value["chart"];
    if let Some(err) = chart.get("error").filter(|e| !e.is_null()) {
        let detail = match err.get("description").and_then(Value::as_str) {
            Some(description) => Said::new(CHART_ERROR, &[("detail", description)]),
            None => Said::plain(CHART_ERROR_UNDESCRIBED),
        };
        return Err(AnalysisError::NoData { detail });
    }
    let results = chart
        .get("result")
        .and_then(Value::as_array)
        .ok_or_else(|| wrong("chart.result", EXPECT_RESULTS, chart.get("result").unwrap_or(&Value::Null)))?;
    if results.is_empty() {
        return Err(AnalysisError::no_data(CHART_EMPTY));
    }
    let mut raws = Vec::with_capacity(results.len());
    let mut adjustments = Vec::new();
    for (k, result) in results.iter().enumerate() {
        let path = format!("chart.result[{k}]");
        let symbol = result
            .pointer("/meta/symbol")
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| wrong(format!("{path}.meta.symbol"), EXPECT_SYMBOL_TEXT, result.pointer("/meta/symbol").unwrap_or(&Value::Null)))?
            .trim()
            .to_owned();
        let offset = result.pointer("/meta/gmtoffset").and_then(Value::as_i64).unwrap_or(0);
        let stamps = result
            .get("timestamp")
            .and_then(Value::as_array)
            .ok_or_else(|| wrong(format!("{path}.timestamp"), EXPECT_UNIX_TIMES, result.get("timestamp").unwrap_or(&Value::Null)))?;
        let (closes, adjustment, close_path) = closes_of(result, &path)?;
        if closes.len() != stamps.len() {
            return Err(AnalysisError::LengthMismatch { symbol, len: closes.len(), dates_len: stamps.len() });
        }
        let mut points = Vec::with_capacity(stamps.len());
        for (i, (ts, c)) in stamps.iter().zip(&closes).enumerate() {
            let seconds = ts.as_i64().ok_or_else(|| wrong(format!("{path}.timestamp[{i}]"), EXPECT_UNIX_TIME, ts))?;
            let day = Date::from_unix_seconds(seconds, offset);
            let close = match c {
                Value::Null => None,
                Value::Number(n) => {
                    let v = n.as_f64().unwrap_or(f64::NAN);
                    if let Some(reason) = close_problem(v) {
                        return Err(AnalysisError::BadClose { symbol, at: Box::new(data_path(&format!("{close_path}[{i}]"))), date: day, value: n.to_string(), reason });
                    }
                    Some(v)
                }
                other => return Err(wrong(format!("{close_path}[{i}] ({day})"), EXPECT_CLOSE, other)),
            };
            points.push((day, close, data_path(&format!("{path}.timestamp[{i}]"))));
        }
        let mut raw = RawSeries::from_points(symbol, points)?;
        raw.name = result
            .pointer("/meta/longName")
            .or_else(|| result.pointer("/meta/shortName"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        raws.push(raw);
        adjustments.push(adjustment);
    }
    let adjustment = match adjustments.first() {
        Some(&first) if adjustments.iter().all(|&a| a == first) => first,
        _ => Adjustment::NotStated,
    };
    Tabled { series: raws, adjustment, source: Some("Yahoo chart data".into()), warnings: Vec::new() }.into_table()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn chart(meta: Value, stamps: Value, indicators: Value) -> Value {
        json!({"chart": {"result": [{"meta": meta, "timestamp": stamps, "indicators": indicators}], "error": null}})
    }

    // 2026-07-13 13:30 UTC and the next two sessions (09:30 New York).
    const T0: i64 = 1_783_949_400;
    const DAY: i64 = 86_400;

    #[test]
    fn prefers_adjclose_and_maps_timestamps_to_exchange_days() {
        let v = chart(
            json!({"symbol": "SPY", "gmtoffset": -14400, "longName": "SPDR S&P 500"}),
            json!([T0, T0 + DAY, T0 + 2 * DAY]),
            json!({"quote": [{"close": [10.0, 11.0, 12.0]}], "adjclose": [{"adjclose": [9.5, null, 11.5]}]}),
        );
        let t = parse_yahoo_chart(&v).unwrap();
        assert_eq!(t.symbols(), vec!["SPY"]);
        assert_eq!(t.dates.iter().map(|d| d.to_string()).collect::<Vec<_>>(), ["2026-07-13", "2026-07-14", "2026-07-15"]);
        assert_eq!(t.series[0].closes, vec![Some(9.5), None, Some(11.5)]);
        assert_eq!(t.series[0].name.as_deref(), Some("SPDR S&P 500"));
        assert_eq!(t.adjustment, Adjustment::TotalReturn);
    }

    #[test]
    fn falls_back_to_quote_close() {
        let v = chart(json!({"symbol": "IWM"}), json!([T0]), json!({"quote": [{"close": [200.5]}]}));
        let t = parse_yahoo_chart(&v).unwrap();
        assert_eq!(t.adjustment, Adjustment::PriceOnly);
        assert_eq!(t.series[0].closes, vec![Some(200.5)]);
    }

    #[test]
    fn malformed_charts_name_the_path() {
        let cases = [
            (json!({"chart": {"result": null, "error": {"code": "Not Found", "description": "No data found, symbol may be delisted"}}}),
             "no data: the chart response is an error: No data found, symbol may be delisted"),
            (json!({"chart": {"result": [], "error": null}}), "no data: `chart.result` is empty"),
            (chart(json!({}), json!([T0]), json!({"quote": [{"close": [1]}]})),
             "`chart.result[0].meta.symbol` should be the symbol's text, but it is null"),
            (chart(json!({"symbol": "X"}), json!([T0]), json!({})),
             "`chart.result[0].indicators` should be holding adjclose[0].adjclose or quote[0].close, but it is neither"),
            (chart(json!({"symbol": "X"}), json!([T0, T0 + DAY]), json!({"quote": [{"close": [1]}]})),
             "series \"X\" has 1 closes but `dates` has 2: give one close (or null) per date"),
            (chart(json!({"symbol": "X"}), json!([T0 + DAY, T0]), json!({"quote": [{"close": [1, 2]}]})),
             "chart.result[0].timestamp[1] = 2026-07-13 comes before the previous date 2026-07-14: dates must be strictly increasing"),
            (chart(json!({"symbol": "X"}), json!([T0]), json!({"quote": [{"close": [-3]}]})),
             "X on 2026-07-13 (chart.result[0].indicators.quote[0].close[0]): close -3 is negative; closes must be positive numbers or null"),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_yahoo_chart(&input).unwrap_err().to_string(), expected);
        }
    }
}
