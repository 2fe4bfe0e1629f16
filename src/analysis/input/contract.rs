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
/// Well-formed input takes a typed fast path straight into the table (no JSON tree); anything
/// irregular is parsed again through [`parse_contract_value`], whose messages name the exact
/// path, so errors read the same either way.
///
/// # Example
/// ```
/// use rotascope::analysis::input::parse_contract_json;
/// let t = parse_contract_json(r#"{"dates":["2026-01-02","2026-01-05"],
///                                 "series":{"SPY":[100,101.5]}}"#).unwrap();
/// assert_eq!(t.series[0].closes, vec![Some(100.0), Some(101.5)]);
/// ```
pub fn parse_contract_json(text: &str) -> Result<PriceTable, AnalysisError> {
    if let Ok(raw) = serde_json::from_str::<fast::Raw>(text) {
        if let Some(symbol) = raw.duplicate_symbol {
            return Err(AnalysisError::DuplicateSymbol { symbol });
        }
        if let Some(parts) = raw.into_parts() {
            return finish(parts);
        }
    }
    let value: Value = serde_json::from_str(text).map_err(json_error)?;
    parse_contract_value(&value)
}

pub(crate) fn json_error(e: serde_json::Error) -> AnalysisError {
    AnalysisError::NotJson { detail: e.to_string() }
}

/// The contract's fields once dates and closes are read.
struct Parts {
    keys: Vec<String>,
    dates: Vec<Date>,
    series: Vec<Series>,
    meta: Option<Value>,
    adjusted: Option<Value>,
    source: Option<Value>,
}

/// Parses an already-decoded price-contract value.
pub fn parse_contract_value(value: &Value) -> Result<PriceTable, AnalysisError> {
    let root = expect_object(value, "prices", "an object with `dates` and `series`")?;
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
    finish(Parts {
        keys: root.keys().cloned().collect(),
        dates,
        series,
        meta: root.get("meta").cloned(),
        adjusted: root.get("adjusted").cloned(),
        source: root.get("source").cloned(),
    })
}

/// Everything after dates and closes, shared by both paths.
fn finish(parts: Parts) -> Result<PriceTable, AnalysisError> {
    let Parts { keys, dates, mut series, meta, adjusted, source } = parts;
    let mut warnings = Vec::new();
    for key in keys {
        if !matches!(key.as_str(), "dates" | "series" | "meta" | "adjusted" | "source") {
            warnings.push(Warning::new(
                "ignored_field",
                None,
                format!("prices: field `{key}` is not part of the contract (dates, series, meta, adjusted, source) and was ignored"),
            ));
        }
    }
    if let Some(meta) = &meta {
        apply_meta(meta, &mut series, &mut warnings)?;
    }
    let adjustment = match adjusted {
        None | Some(Value::Null) => Adjustment::NotStated,
        Some(Value::Bool(true)) => Adjustment::TotalReturn,
        Some(Value::Bool(false)) => Adjustment::PriceOnly,
        Some(other) => return Err(wrong("adjusted", "true or false", &other)),
    };
    let source = match source {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(other) => return Err(wrong("source", "a text", &other)),
    };
    PriceTable::validated(dates, series, adjustment, source, warnings)
}

/// The typed fast path: dates borrowed from the text, closes read straight into
/// `Vec<Option<f64>>`. It only has to succeed on well-formed input; on anything else the
/// caller falls back to the `Value` walk for a precise message.
mod fast {
    use super::*;
    use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
    use std::fmt;

    pub(super) struct Raw<'a> {
        keys: Vec<String>,
        dates: Option<Vec<&'a str>>,
        series: Option<Vec<(String, Vec<Option<f64>>)>>,
        meta: Option<Value>,
        adjusted: Option<Value>,
        source: Option<Value>,
        /// A symbol given twice in `series` (a JSON object keeps only the last one, which would
        /// drop data silently, so this is an error).
        pub duplicate_symbol: Option<String>,
    }

    impl<'a> Raw<'a> {
        /// `None` when anything needs the slow path's message.
        pub(super) fn into_parts(self) -> Option<Parts> {
            let mut dates = Vec::with_capacity(self.dates.as_ref()?.len());
            for (i, text) in self.dates?.into_iter().enumerate() {
                let date = Date::parse_iso(text).ok()?;
                check_increasing(&dates, date, format!("dates[{i}]")).ok()?;
                dates.push(date);
            }
            let mut series = Vec::new();
            for (symbol, closes) in self.series? {
                if symbol.trim().is_empty() || closes.len() != dates.len() {
                    return None;
                }
                series.push(Series { symbol, name: None, group: None, closes });
            }
            Some(Parts { keys: self.keys, dates, series, meta: self.meta, adjusted: self.adjusted, source: self.source })
        }
    }

    struct SeriesMap(Vec<(String, Vec<Option<f64>>)>, Option<String>);

    impl<'de> Deserialize<'de> for SeriesMap {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = SeriesMap;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("an object of close arrays")
                }
                fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<SeriesMap, M::Error> {
                    let mut out: Vec<(String, Vec<Option<f64>>)> = Vec::new();
                    let mut duplicate = None;
                    while let Some(symbol) = map.next_key::<String>()? {
                        let closes: Vec<Option<f64>> = map.next_value()?;
                        if out.iter().any(|(s, _)| *s == symbol) {
                            duplicate.get_or_insert_with(|| symbol.clone());
                        }
                        out.push((symbol, closes));
                    }
                    Ok(SeriesMap(out, duplicate))
                }
            }
            d.deserialize_map(V)
        }
    }

    impl<'de: 'a, 'a> Deserialize<'de> for Raw<'a> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V<'a>(std::marker::PhantomData<&'a ()>);
            impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
                type Value = Raw<'a>;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("the price contract")
                }
                fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Raw<'a>, M::Error> {
                    let mut raw = Raw { keys: Vec::new(), dates: None, series: None, meta: None, adjusted: None, source: None, duplicate_symbol: None };
                    while let Some(key) = map.next_key::<String>()? {
                        match key.as_str() {
                            "dates" => raw.dates = Some(map.next_value()?),
                            "series" => {
                                let SeriesMap(series, duplicate) = map.next_value()?;
                                raw.series = Some(series);
                                raw.duplicate_symbol = duplicate;
                            }
                            "meta" => raw.meta = Some(map.next_value()?),
                            "adjusted" => raw.adjusted = Some(map.next_value()?),
                            "source" => raw.source = Some(map.next_value()?),
                            _ => {
                                map.next_value::<IgnoredAny>()?;
                            }
                        }
                        raw.keys.push(key);
                    }
                    Ok(raw)
                }
            }
            d.deserialize_map(V(std::marker::PhantomData))
        }
    }
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
    fn a_symbol_given_twice_is_an_error_not_a_silent_overwrite() {
        let e = parse_contract_json(r#"{"dates":["2026-01-05"],"series":{"SPY":[1],"SPY":[2]}}"#).unwrap_err();
        assert_eq!(e.to_string(), "symbol \"SPY\" is given more than once; give each symbol in one source only");
    }

    #[test]
    fn fast_and_slow_paths_give_the_same_table() {
        let text = r#"{"source":"S","adjusted":true,"extra":[1,{"a":2}],"dates":["2025-12-31","2026-01-02","2026-01-05"],
                       "series":{"SPY":[681.92,683.1,null],"IWM":[null,250,1e-3]},
                       "meta":{"SPY":{"name":"n","group":"g"}}}"#;
        let fast = parse_contract_json(text).unwrap();
        let slow = parse_contract_value(&serde_json::from_str(text).unwrap()).unwrap();
        assert_eq!(fast, slow);
        // The extra field, SPY's trailing null (early end) and IWM's late start.
        let codes: Vec<_> = fast.warnings.iter().map(|w| w.code).collect();
        assert_eq!(codes, ["ignored_field", "early_end", "late_start"]);
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
