//! The price contract (see README, "Price data contract"):
//!
//! ```json
//! { "dates":  ["2025-12-31", "2026-01-02"],
//!   "series": { "SPY": [681.92, 683.10], "IWM": [null, 250.1] },
//!   "meta":   { "SPY": { "name": "SPDR S&P 500 ETF Trust", "group": "large" } },
//!   "adjusted": true,
//!   "source": "Example Data Co." }
//! ```
//!
//! `meta`, `adjusted` and `source` are optional. Fields the contract does not know are ignored
//! with a warning, never silently.

use crate::analysis::date::Date;
use crate::analysis::error::{describe_json, AnalysisError, Warning};
use crate::analysis::prices::{Adjustment, PriceTable, Series};
use serde_json::{Map, Value};

/// Parses price-contract JSON text.
///
/// # Example
/// ```
/// use rotascope::analysis::input::parse_contract_json;
/// let t = parse_contract_json(r#"{"dates":["2026-01-02","2026-01-05"],
///                                 "series":{"SPY":[100,101.5]}}"#).unwrap();
/// assert_eq!(t.series[0].closes, vec![Some(100.0), Some(101.5)]);
/// ```
pub fn parse_contract_json(text: &str) -> Result<PriceTable, AnalysisError> {
    let value: Value = serde_json::from_str(text).map_err(json_error)?;
    parse_contract_value(&value)
}

pub(crate) fn json_error(e: serde_json::Error) -> AnalysisError {
    AnalysisError::NotJson { detail: e.to_string() }
}

/// Parses an already-decoded price-contract value.
pub fn parse_contract_value(value: &Value) -> Result<PriceTable, AnalysisError> {
    let root = expect_object(value, "prices", "an object with `dates` and `series`")?;
    let mut warnings = Vec::new();
    for key in root.keys() {
        if !matches!(key.as_str(), "dates" | "series" | "meta" | "adjusted" | "source") {
            warnings.push(Warning::new(
                "ignored_field",
                None,
                format!("prices: field `{key}` is not part of the contract (dates, series, meta, adjusted, source) and was ignored"),
            ));
        }
    }

    let dates = parse_dates(root.get("dates").ok_or_else(|| missing("dates", "prices"))?)?;
    let series_map = expect_object(
        root.get("series").ok_or_else(|| missing("series", "prices"))?,
        "series",
        "an object mapping each symbol to its closes",
    )?;
    let mut series = Vec::with_capacity(series_map.len());
    for (symbol, closes) in series_map {
        series.push(parse_series(symbol, closes, &dates)?);
    }

    if let Some(meta) = root.get("meta") {
        apply_meta(meta, &mut series, &mut warnings)?;
    }
    let adjustment = match root.get("adjusted") {
        None | Some(Value::Null) => Adjustment::NotStated,
        Some(Value::Bool(true)) => Adjustment::TotalReturn,
        Some(Value::Bool(false)) => Adjustment::PriceOnly,
        Some(other) => return Err(wrong("adjusted", "true or false", other)),
    };
    let source = match root.get("source") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => return Err(wrong("source", "a text", other)),
    };
    PriceTable::validated(dates, series, adjustment, source, warnings)
}

/// Writes a table as price-contract JSON (one line per series; closes at full precision,
/// so parsing the text gives the same table back).
pub fn to_contract_json(table: &PriceTable) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(table.dates.len() * (14 + 10 * table.series.len()));
    out.push('{');
    if let Some(source) = &table.source {
        let _ = write!(out, "\n\"source\": {},", Value::String(source.clone()));
    }
    match table.adjustment {
        Adjustment::TotalReturn => out.push_str("\n\"adjusted\": true,"),
        Adjustment::PriceOnly => out.push_str("\n\"adjusted\": false,"),
        Adjustment::NotStated => {}
    }
    out.push_str("\n\"dates\": [");
    for (i, d) in table.dates.iter().enumerate() {
        let _ = write!(out, "{}\"{d}\"", if i == 0 { "" } else { "," });
    }
    out.push_str("],\n\"series\": {");
    for (k, s) in table.series.iter().enumerate() {
        let _ = write!(out, "{}\n{}: [", if k == 0 { "" } else { "," }, Value::String(s.symbol.clone()));
        for (i, c) in s.closes.iter().enumerate() {
            let sep = if i == 0 { "" } else { "," };
            match c {
                Some(v) => {
                    let _ = write!(out, "{sep}{v:?}");
                }
                None => {
                    let _ = write!(out, "{sep}null");
                }
            }
        }
        out.push(']');
    }
    out.push_str("\n}");
    let described: Vec<&Series> = table.series.iter().filter(|s| s.name.is_some() || s.group.is_some()).collect();
    if !described.is_empty() {
        out.push_str(",\n\"meta\": {");
        for (k, s) in described.iter().enumerate() {
            let mut m = Map::new();
            if let Some(n) = &s.name {
                m.insert("name".into(), Value::String(n.clone()));
            }
            if let Some(g) = &s.group {
                m.insert("group".into(), Value::String(g.clone()));
            }
            let _ = write!(out, "{}\n{}: {}", if k == 0 { "" } else { "," }, Value::String(s.symbol.clone()), Value::Object(m));
        }
        out.push_str("\n}");
    }
    out.push_str("\n}\n");
    out
}

fn missing(field: &str, parent: &str) -> AnalysisError {
    AnalysisError::WrongShape {
        path: format!("{parent}.{field}"),
        expected: "present",
        found: "missing".into(),
    }
}

pub(crate) fn wrong(path: impl Into<String>, expected: &'static str, found: &Value) -> AnalysisError {
    AnalysisError::WrongShape { path: path.into(), expected, found: describe_json(found) }
}

fn expect_object<'a>(
    value: &'a Value,
    path: &str,
    expected: &'static str,
) -> Result<&'a Map<String, Value>, AnalysisError> {
    value.as_object().ok_or_else(|| wrong(path, expected, value))
}

fn parse_dates(value: &Value) -> Result<Vec<Date>, AnalysisError> {
    let items = value.as_array().ok_or_else(|| wrong("dates", "an array of ISO dates", value))?;
    let mut dates = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("dates[{i}]");
        let text = item.as_str().ok_or_else(|| wrong(at.clone(), "an ISO date text (YYYY-MM-DD)", item))?;
        let date = Date::parse_iso(text)
            .map_err(|reason| AnalysisError::BadDate { at: at.clone(), value: text.into(), reason })?;
        check_increasing(&dates, date, at)?;
        dates.push(date);
    }
    Ok(dates)
}

/// Dates must be strictly increasing; `at` names the new date's position for the message.
pub(crate) fn check_increasing(so_far: &[Date], date: Date, at: String) -> Result<(), AnalysisError> {
    match so_far.last() {
        Some(&previous) if date == previous => {
            Err(AnalysisError::DateOrder { at, date, previous, problem: "repeats the previous date" })
        }
        Some(&previous) if date < previous => {
            Err(AnalysisError::DateOrder { at, date, previous, problem: "comes before the previous date" })
        }
        _ => Ok(()),
    }
}

fn parse_series(symbol: &str, value: &Value, dates: &[Date]) -> Result<Series, AnalysisError> {
    if symbol.trim().is_empty() {
        return Err(AnalysisError::WrongShape {
            path: "series".into(),
            expected: "keyed by non-empty symbols",
            found: format!("a key \"{symbol}\""),
        });
    }
    let path = format!("series.{symbol}");
    let items = value.as_array().ok_or_else(|| wrong(path.clone(), "an array of closes", value))?;
    if items.len() != dates.len() {
        return Err(AnalysisError::LengthMismatch {
            symbol: symbol.into(),
            len: items.len(),
            dates_len: dates.len(),
        });
    }
    let closes = items
        .iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::Null => Ok(None),
            Value::Number(n) => Ok(n.as_f64()),
            other => Err(wrong(format!("{path}[{i}] ({})", dates[i]), "a number or null", other)),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Series { symbol: symbol.into(), name: None, group: None, closes })
}

fn apply_meta(meta: &Value, series: &mut [Series], warnings: &mut Vec<Warning>) -> Result<(), AnalysisError> {
    let entries = expect_object(meta, "meta", "an object mapping symbols to { name, group }")?;
    for (symbol, entry) in entries {
        let path = format!("meta.{symbol}");
        let fields = expect_object(entry, &path, "an object with `name` and/or `group`")?;
        let Some(target) = series.iter_mut().find(|s| &s.symbol == symbol) else {
            warnings.push(Warning::new(
                "ignored_field",
                Some(symbol),
                format!("{path} describes a symbol that has no series; ignored"),
            ));
            continue;
        };
        for (key, v) in fields {
            let slot = match key.as_str() {
                "name" => &mut target.name,
                "group" => &mut target.group,
                _ => {
                    warnings.push(Warning::new(
                        "ignored_field",
                        Some(symbol),
                        format!("{path}.{key} is not a known field (name, group); ignored"),
                    ));
                    continue;
                }
            };
            *slot = match v {
                Value::String(s) => Some(s.clone()),
                Value::Null => None,
                other => return Err(wrong(format!("{path}.{key}"), "a text", other)),
            };
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse_contract_json(text).unwrap_err().to_string()
    }

    #[test]
    fn parses_contract_with_meta_and_order_preserved() {
        let t = parse_contract_json(
            r#"{"dates":["2025-12-31","2026-01-02"],
                "series":{"SPY":[681.92,683.10],"IWM":[null,250.5]},
                "meta":{"SPY":{"name":"SPDR S&P 500 ETF Trust","group":"large"}},
                "adjusted":true,"source":"Test"}"#,
        )
        .unwrap();
        assert_eq!(t.symbols(), vec!["SPY", "IWM"]);
        assert_eq!(t.series[0].name.as_deref(), Some("SPDR S&P 500 ETF Trust"));
        assert_eq!(t.series[0].group.as_deref(), Some("large"));
        assert_eq!(t.series[1].closes, vec![None, Some(250.5)]);
        assert_eq!(t.adjustment, Adjustment::TotalReturn);
        assert_eq!(t.source.as_deref(), Some("Test"));
        assert_eq!(t.warnings.len(), 1, "IWM starts late: {:?}", t.warnings);
    }

    #[test]
    fn every_malformed_input_names_the_problem() {
        let cases = [
            ("{", "prices are not valid JSON: EOF while parsing an object at line 1 column 1"),
            ("[]", "`prices` should be an object with `dates` and `series`, but it is an array of 0 items"),
            (r#"{"series":{}}"#, "`prices.dates` should be present, but it is missing"),
            (r#"{"dates":"2026-01-02","series":{}}"#, "`dates` should be an array of ISO dates, but it is the text \"2026-01-02\""),
            (r#"{"dates":["2026-01-02", 5],"series":{}}"#, "`dates[1]` should be an ISO date text (YYYY-MM-DD), but it is the number 5"),
            (r#"{"dates":["01/02/2026"],"series":{}}"#, "dates[0] = \"01/02/2026\" is not an ISO date (YYYY-MM-DD)"),
            (r#"{"dates":["2026-02-30"],"series":{}}"#, "dates[0] = \"2026-02-30\" is no such day in the calendar"),
            (r#"{"dates":["2026-01-05","2026-01-02"],"series":{}}"#, "dates[1] = 2026-01-02 comes before the previous date 2026-01-05: dates must be strictly increasing"),
            (r#"{"dates":["2026-01-05","2026-01-05"],"series":{}}"#, "dates[1] = 2026-01-05 repeats the previous date 2026-01-05: dates must be strictly increasing"),
            (r#"{"dates":[],"series":{"A":[]}}"#, "no data: `dates` is empty"),
            (r#"{"dates":["2026-01-05"],"series":{}}"#, "no data: `series` has no symbols"),
            (r#"{"dates":["2026-01-05"],"series":{"SPY":[1,2]}}"#, "series \"SPY\" has 2 closes but `dates` has 1: give one close (or null) per date"),
            (r#"{"dates":["2026-01-05"],"series":{"SPY":["1.0"]}}"#, "`series.SPY[0] (2026-01-05)` should be a number or null, but it is the text \"1.0\""),
            (r#"{"dates":["2026-01-05","2026-01-06"],"series":{"IWM":[1,-4]}}"#, "IWM on 2026-01-06 (series.IWM[1]): close -4 is negative; closes must be positive numbers or null"),
            (r#"{"dates":["2026-01-05"],"series":{"IWM":[0]}}"#, "IWM on 2026-01-05 (series.IWM[0]): close 0 is zero; closes must be positive numbers or null"),
            (r#"{"dates":["2026-01-05"],"series":{"IWM":[1e999]}}"#, "prices are not valid JSON: number out of range at line 1 column 46"),
            (r#"{"dates":["2026-01-05"],"series":{"IWM":[1]},"adjusted":"yes"}"#, "`adjusted` should be true or false, but it is the text \"yes\""),
            (r#"{"dates":["2026-01-05"],"series":{"IWM":[1]},"meta":{"IWM":{"name":7}}}"#, "`meta.IWM.name` should be a text, but it is the number 7"),
            (r#"{"dates":["2026-01-05"],"series":{"":[1]}}"#, "`series` should be keyed by non-empty symbols, but it is a key \"\""),
        ];
        for (input, expected) in cases {
            assert_eq!(err(input), expected, "input: {input}");
        }
    }

    #[test]
    fn writing_and_reading_back_gives_the_same_table() {
        let t = parse_contract_json(
            r#"{"source":"S \"q\"","adjusted":false,"dates":["2026-01-02","2026-01-05"],
                "series":{"SPY":[681.9200000000001,null],"IWM":[0.1,250.5]},"meta":{"IWM":{"group":"small"}}}"#,
        )
        .unwrap();
        let back = parse_contract_json(&to_contract_json(&t)).unwrap();
        assert_eq!(back, t);
    }

    #[test]
    fn unknown_fields_are_reported_not_dropped_silently() {
        let t = parse_contract_json(
            r#"{"dates":["2026-01-05"],"series":{"A":[1]},"currency":"USD",
                "meta":{"A":{"name":"a","sector":"x"},"B":{"name":"b"}}}"#,
        )
        .unwrap();
        let messages: Vec<_> = t.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "prices: field `currency` is not part of the contract (dates, series, meta, adjusted, source) and was ignored",
                "meta.A.sector is not a known field (name, group); ignored",
                "meta.B describes a symbol that has no series; ignored",
            ]
        );
    }
}
