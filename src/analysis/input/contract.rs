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
use crate::analysis::error::*;
use crate::analysis::said::{Message, Said};
use crate::analysis::prices::{Adjustment, PriceTable, Series};
use serde_json::{Map, Value};

/// Parses price-contract JSON text.
///
/// Well-formed input takes a scanning fast path straight into the table (no JSON tree);
/// anything irregular is parsed again through [`parse_contract_value`], whose messages name
/// the exact path, so errors read the same either way.
///
/// # Example
/// ```
/// use rotascope::analysis::input::parse_contract_json;
/// let t = parse_contract_json(r#"{"dates":["2026-01-02","2026-01-05"],
///                                 "series":{"SPY":[100,101.5]}}"#).unwrap();
/// assert_eq!(t.series[0].closes, vec![Some(100.0), Some(101.5)]);
/// ```
pub fn parse_contract_json(text: &str) -> Result<PriceTable, AnalysisError> {
    if let Some(result) = parse_contract_fast(text) {
        return result;
    }
    let value: Value = serde_json::from_str(text).map_err(json_error)?;
    parse_contract_value(&value)
}

/// The fast path alone: `None` when the text is not plainly the contract (another format, or
/// anything irregular) and must be parsed into a `Value` to be recognised or reported.
pub(crate) fn parse_contract_fast(text: &str) -> Option<Result<PriceTable, AnalysisError>> {
    let raw = fast::scan(text)?;
    // A Yahoo chart is recognised by its `chart` field, on the slow path.
    if raw.has_key("chart") {
        return None;
    }
    if let Some(symbol) = raw.duplicate_symbol {
        return Some(Err(AnalysisError::DuplicateSymbol { symbol }));
    }
    raw.into_parts().map(finish)
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
    let root = expect_object(value, "prices", EXPECT_PRICES)?;
    let dates = parse_dates(root.get("dates").ok_or_else(|| missing("dates", "prices"))?)?;
    let series_map = expect_object(
        root.get("series").ok_or_else(|| missing("series", "prices"))?,
        "series",
        EXPECT_SERIES,
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
            warnings.push(Warning::of(
                "ignored_field",
                None,
                Said::new(IGNORED_FIELD, &[("key", &key)]),
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
        Some(other) => return Err(wrong("adjusted", EXPECT_BOOLEAN, &other)),
    };
    let source = match source {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(other) => return Err(wrong("source", EXPECT_TEXT, &other)),
    };
    PriceTable::validated(dates, series, adjustment, source, warnings)
}

/// The fast path: a scanner for well-formed contract text that reads dates and closes
/// straight into the table (no JSON tree, no per-number allocation). It only has to succeed
/// on well-formed input; on anything it does not expect (escapes in keys or dates, a repeated
/// top-level field, a number it cannot read exactly) it gives up and the caller takes the
/// `Value` walk, whose messages name the exact path. Panic-free: every byte is read with
/// `get`, every slice with `str::get`.
mod fast {
    use super::*;

    /// Each symbol and its closes, in the order given.
    type SeriesList<'a> = Vec<(&'a str, Vec<Option<f64>>)>;

    pub(super) struct Raw<'a> {
        keys: Vec<String>,
        dates: Option<Vec<&'a str>>,
        series: Option<SeriesList<'a>>,
        meta: Option<&'a str>,
        adjusted: Option<&'a str>,
        source: Option<&'a str>,
        /// A symbol given twice in `series` (a JSON object keeps only the last one, which would
        /// drop data silently, so this is an error).
        pub duplicate_symbol: Option<String>,
    }

    /// Reads the contract's top level; `None` sends the text to the slow path.
    pub(super) fn scan(text: &str) -> Option<Raw<'_>> {
        let mut s = Scanner { text, bytes: text.as_bytes(), at: 0 };
        let mut raw = Raw { keys: Vec::new(), dates: None, series: None, meta: None, adjusted: None, source: None, duplicate_symbol: None };
        s.expect(b'{')?;
        if !s.eat(b'}') {
            loop {
                let key = s.plain_string()?;
                s.expect(b':')?;
                if raw.keys.iter().any(|k| k == key) {
                    return None;
                }
                match key {
                    "dates" => raw.dates = Some(s.dates()?),
                    "series" => {
                        let (series, duplicate) = s.series()?;
                        raw.series = Some(series);
                        raw.duplicate_symbol = duplicate;
                    }
                    "meta" => raw.meta = Some(s.value_text()?),
                    "adjusted" => raw.adjusted = Some(s.value_text()?),
                    "source" => raw.source = Some(s.value_text()?),
                    _ => {
                        s.value_text()?;
                    }
                }
                raw.keys.push(key.to_owned());
                if !s.eat(b',') {
                    s.expect(b'}')?;
                    break;
                }
            }
        }
        s.skip_space();
        (s.at == s.bytes.len()).then_some(raw)
    }

    impl Raw<'_> {
        pub(super) fn has_key(&self, key: &str) -> bool {
            self.keys.iter().any(|k| k == key)
        }

        /// The table's parts; `None` when anything needs the slow path's message.
        pub(super) fn into_parts(self) -> Option<Parts> {
            let mut dates = Vec::with_capacity(self.dates.as_ref()?.len());
            for text in self.dates? {
                let date = Date::parse_iso(text).ok()?;
                // Out of order: the slow path says where.
                if dates.last().is_some_and(|&previous| date <= previous) {
                    return None;
                }
                dates.push(date);
            }
            let mut series = Vec::new();
            for (symbol, closes) in self.series? {
                if symbol.trim().is_empty() || closes.len() != dates.len() {
                    return None;
                }
                series.push(Series { symbol: symbol.to_owned(), name: None, group: None, closes });
            }
            // The optional fields are small: parsed as values, as the slow path does.
            let value = |text: Option<&str>| -> Option<Option<Value>> {
                match text {
                    None => Some(None),
                    Some(t) => serde_json::from_str(t).ok().map(Some),
                }
            };
            Some(Parts { keys: self.keys, dates, series, meta: value(self.meta)?, adjusted: value(self.adjusted)?, source: value(self.source)? })
        }
    }

    /// One number as the scanner reads it (for tests against `str::parse`).
    #[cfg(test)]
    pub(super) fn number_of(text: &str) -> Option<f64> {
        let mut s = Scanner { text, bytes: text.as_bytes(), at: 0 };
        let n = s.number()?;
        (s.at == text.len()).then_some(n)
    }

    /// Exact powers of ten: every integer below 2^53 divided by one of these is correctly
    /// rounded (one IEEE division of two exact values), which is what `str::parse` gives.
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    struct Scanner<'a> {
        text: &'a str,
        bytes: &'a [u8],
        at: usize,
    }

    impl<'a> Scanner<'a> {
        fn peek(&self) -> Option<u8> {
            self.bytes.get(self.at).copied()
        }

        fn skip_space(&mut self) {
            while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
                self.at += 1;
            }
        }

        /// Skips space, then takes `byte` if it is next.
        fn eat(&mut self, byte: u8) -> bool {
            self.skip_space();
            let found = self.peek() == Some(byte);
            if found {
                self.at += 1;
            }
            found
        }

        fn expect(&mut self, byte: u8) -> Option<()> {
            self.eat(byte).then_some(())
        }

        /// A string without escapes or control characters (symbols, dates, field names).
        fn plain_string(&mut self) -> Option<&'a str> {
            self.expect(b'"')?;
            let start = self.at;
            loop {
                match self.peek()? {
                    b'"' => break,
                    b'\\' => return None,
                    b if b < 0x20 => return None,
                    _ => self.at += 1,
                }
            }
            let text = self.text.get(start..self.at)?;
            self.at += 1;
            Some(text)
        }

        /// `[ "date", ... ]`
        fn dates(&mut self) -> Option<Vec<&'a str>> {
            let mut out = Vec::new();
            self.expect(b'[')?;
            if self.eat(b']') {
                return Some(out);
            }
            loop {
                out.push(self.plain_string()?);
                if !self.eat(b',') {
                    self.expect(b']')?;
                    return Some(out);
                }
            }
        }

        /// `{ "SYM": [close or null, ...], ... }` and the first symbol given twice.
        fn series(&mut self) -> Option<(SeriesList<'a>, Option<String>)> {
            let mut out: SeriesList<'a> = Vec::new();
            let mut duplicate = None;
            self.expect(b'{')?;
            if self.eat(b'}') {
                return Some((out, None));
            }
            loop {
                let symbol = self.plain_string()?;
                self.expect(b':')?;
                let closes = self.closes(out.first().map_or(0, |(_, c)| c.len()))?;
                if duplicate.is_none() && out.iter().any(|(s, _)| *s == symbol) {
                    duplicate = Some(symbol.to_owned());
                }
                out.push((symbol, closes));
                if !self.eat(b',') {
                    self.expect(b'}')?;
                    return Some((out, duplicate));
                }
            }
        }

        fn closes(&mut self, expected_len: usize) -> Option<Vec<Option<f64>>> {
            let mut out = Vec::with_capacity(expected_len);
            self.expect(b'[')?;
            if self.eat(b']') {
                return Some(out);
            }
            loop {
                self.skip_space();
                if self.bytes.get(self.at..self.at + 4) == Some(b"null") {
                    self.at += 4;
                    out.push(None);
                } else {
                    out.push(Some(self.number()?));
                }
                if !self.eat(b',') {
                    self.expect(b']')?;
                    return Some(out);
                }
            }
        }

        /// A JSON number, read exactly: the fast path for up to 15 significant digits without
        /// an exponent, `str::parse` (correctly rounded) for the rest; non-finite is `None`.
        fn number(&mut self) -> Option<f64> {
            let start = self.at;
            let negative = self.peek() == Some(b'-');
            if negative {
                self.at += 1;
            }
            let mut mantissa: u64 = 0;
            let mut digits = 0usize;
            let int_start = self.at;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d - b'0'));
                digits += 1;
                self.at += 1;
            }
            let int_len = self.at - int_start;
            // JSON: no empty integer part, no leading zero before more digits.
            if int_len == 0 || (int_len > 1 && self.bytes.get(int_start) == Some(&b'0')) {
                return None;
            }
            let mut fraction = 0usize;
            if self.peek() == Some(b'.') {
                self.at += 1;
                while let Some(d @ b'0'..=b'9') = self.peek() {
                    mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d - b'0'));
                    digits += 1;
                    fraction += 1;
                    self.at += 1;
                }
                if fraction == 0 {
                    return None;
                }
            }
            let mut exponent = false;
            if matches!(self.peek(), Some(b'e' | b'E')) {
                exponent = true;
                self.at += 1;
                if matches!(self.peek(), Some(b'+' | b'-')) {
                    self.at += 1;
                }
                let exp_start = self.at;
                while let Some(b'0'..=b'9') = self.peek() {
                    self.at += 1;
                }
                if self.at == exp_start {
                    return None;
                }
            }
            let value = if let (false, true, Some(scale)) = (exponent, digits <= 15, POW10.get(fraction)) {
                // mantissa < 10^15 < 2^53: exact as f64.
                let magnitude = mantissa as f64 / scale;
                if negative { -magnitude } else { magnitude }
            } else {
                self.text.get(start..self.at)?.parse::<f64>().ok()?
            };
            value.is_finite().then_some(value)
        }

        /// Skips one JSON value and gives its text (for the small optional fields and unknown
        /// ones, which the slow path's parser then reads or reports).
        fn value_text(&mut self) -> Option<&'a str> {
            self.skip_space();
            let start = self.at;
            self.skip_value(0)?;
            self.text.get(start..self.at)
        }

        fn skip_value(&mut self, depth: usize) -> Option<()> {
            if depth > 64 {
                return None;
            }
            self.skip_space();
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    loop {
                        match self.peek()? {
                            b'"' => break,
                            b'\\' => self.at += 2,
                            b if b < 0x20 => return None,
                            _ => self.at += 1,
                        }
                    }
                    self.at += 1;
                }
                b'[' | b'{' => {
                    let close = if self.peek() == Some(b'[') { b']' } else { b'}' };
                    let object = close == b'}';
                    self.at += 1;
                    if !self.eat(close) {
                        loop {
                            if object {
                                self.skip_space();
                                if self.peek() != Some(b'"') {
                                    return None;
                                }
                                self.skip_value(depth + 1)?;
                                self.expect(b':')?;
                            }
                            self.skip_value(depth + 1)?;
                            if !self.eat(b',') {
                                self.expect(close)?;
                                break;
                            }
                        }
                    }
                }
                b't' | b'f' | b'n' => {
                    let word: &[u8] = match self.peek()? {
                        b't' => b"true",
                        b'f' => b"false",
                        _ => b"null",
                    };
                    if self.bytes.get(self.at..self.at + word.len()) != Some(word) {
                        return None;
                    }
                    self.at += word.len();
                }
                _ => {
                    self.number()?;
                }
            }
            Some(())
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
        expected: EXPECT_PRESENT,
        found: Said::plain(FOUND_MISSING),
    }
}

pub(crate) fn wrong(path: impl Into<String>, expected: Message, found: &Value) -> AnalysisError {
    AnalysisError::WrongShape { path: path.into(), expected, found: json_kind(found) }
}

fn expect_object<'a>(
    value: &'a Value,
    path: &str,
    expected: Message,
) -> Result<&'a Map<String, Value>, AnalysisError> {
    value.as_object().ok_or_else(|| wrong(path, expected, value))
}

fn parse_dates(value: &Value) -> Result<Vec<Date>, AnalysisError> {
    let items = value.as_array().ok_or_else(|| wrong("dates", EXPECT_DATES, value))?;
    let mut dates = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("dates[{i}]");
        let text = item.as_str().ok_or_else(|| wrong(at.clone(), EXPECT_DATE, item))?;
        let date = Date::parse_iso(text)
            .map_err(|reason| AnalysisError::BadDate { at: data_path(&at), value: text.into(), reason })?;
        check_increasing(&dates, date, data_path(&at))?;
        dates.push(date);
    }
    Ok(dates)
}

/// Dates must be strictly increasing; `at` names the new date's position for the message.
pub(crate) fn check_increasing(so_far: &[Date], date: Date, at: Said) -> Result<(), AnalysisError> {
    match so_far.last() {
        Some(&previous) if date == previous => {
            Err(AnalysisError::DateOrder { at, date, previous, problem: DATE_REPEATS })
        }
        Some(&previous) if date < previous => {
            Err(AnalysisError::DateOrder { at, date, previous, problem: DATE_BEFORE })
        }
        _ => Ok(()),
    }
}

fn parse_series(symbol: &str, value: &Value, dates: &[Date]) -> Result<Series, AnalysisError> {
    if symbol.trim().is_empty() {
        return Err(AnalysisError::WrongShape {
            path: "series".into(),
            expected: EXPECT_SERIES_KEYS,
            found: Said::new(FOUND_KEY, &[("key", symbol)]),
        });
    }
    let path = format!("series.{symbol}");
    let items = value.as_array().ok_or_else(|| wrong(path.clone(), EXPECT_CLOSES, value))?;
    if items.len() != dates.len() {
        return Err(AnalysisError::LengthMismatch {
            symbol: symbol.into(),
            len: items.len(),
            dates_len: dates.len(),
        });
    }
    let mut closes = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        closes.push(match item {
            Value::Null => None,
            Value::Number(n) => n.as_f64(),
            other => return Err(wrong(dates.get(i).map_or_else(|| format!("{path}[{i}]"), |d| format!("{path}[{i}] ({d})")), EXPECT_CLOSE, other)),
        });
    }
    Ok(Series { symbol: symbol.into(), name: None, group: None, closes })
}

fn apply_meta(meta: &Value, series: &mut [Series], warnings: &mut Vec<Warning>) -> Result<(), AnalysisError> {
    let entries = expect_object(meta, "meta", EXPECT_META)?;
    for (symbol, entry) in entries {
        let path = format!("meta.{symbol}");
        let fields = expect_object(entry, &path, EXPECT_META_ENTRY)?;
        let Some(target) = series.iter_mut().find(|s| &s.symbol == symbol) else {
            warnings.push(Warning::of(
                "ignored_field",
                Some(symbol),
                Said::new(META_WITHOUT_SERIES, &[("path", &path)]),
            ));
            continue;
        };
        for (key, v) in fields {
            let slot = match key.as_str() {
                "name" => &mut target.name,
                "group" => &mut target.group,
                _ => {
                    warnings.push(Warning::of(
                        "ignored_field",
                        Some(symbol),
                        Said::new(META_UNKNOWN_FIELD, &[("path", &path), ("key", key)]),
                    ));
                    continue;
                }
            };
            *slot = match v {
                Value::String(s) => Some(s.clone()),
                Value::Null => None,
                other => return Err(wrong(format!("{path}.{key}"), EXPECT_TEXT, other)),
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
    fn the_fast_path_takes_well_formed_text() {
        let text = r#"{"source":"S","adjusted":true,"extra":[1,{"a":"\"x\""}],"dates":["2025-12-31","2026-01-02"],
                       "series":{"SPY":[681.92,-0],"IWM":[null,2.5e3]}, "meta":{"SPY":{"name":"n"}}}"#;
        let raw = fast::scan(text).expect("scanned");
        assert!(raw.into_parts().is_some());
        // Text the scanner leaves to the slow path: trailing garbage, an escaped symbol, a
        // repeated field, a leading zero, a bare dot.
        for text in [
            r#"{"dates":[],"series":{}} x"#,
            r#"{"dates":[],"series":{"S\u0050Y":[]}}"#,
            r#"{"dates":[],"dates":[],"series":{}}"#,
            r#"{"dates":["2026-01-05"],"series":{"A":[01]}}"#,
            r#"{"dates":["2026-01-05"],"series":{"A":[1.]}}"#,
        ] {
            assert!(fast::scan(text).is_none(), "{text}");
        }
    }

    #[test]
    fn the_fast_path_reads_every_number_as_str_parse_does() {
        let fixed = [
            "0", "-0", "1", "681.92", "0.1", "0.3", "123456789012345", "1234567890123456", "9007199254740993", "1e-3", "2.5E+3",
            "0.000000000000000000000001", "1.7976931348623157e308", "4.9e-324", "99999999999999.99", "0.0000000000000000000001234",
        ];
        for t in fixed {
            assert_eq!(fast::number_of(t).map(f64::to_bits), Some(t.parse::<f64>().unwrap().to_bits()), "{t}");
        }
        // Pseudo-random decimals of 1 to 19 digits with 0 to 24 of them after the point.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let digits = 1 + (state % 19) as usize;
            let text: String = (0..digits).map(|k| char::from(b'0' + ((state >> (k * 3 % 60)) % 10) as u8)).collect();
            let text = text.trim_start_matches('0');
            let text = if text.is_empty() { "0" } else { text };
            let point = ((state >> 40) % 25) as usize;
            let t = if point == 0 {
                text.to_owned()
            } else {
                let padded = format!("{:0>width$}", text, width = point + 1);
                let (a, b) = padded.split_at(padded.len() - point);
                format!("{a}.{b}")
            };
            assert_eq!(fast::number_of(&t).map(f64::to_bits), Some(t.parse::<f64>().unwrap().to_bits()), "{t}");
        }
        assert_eq!(fast::number_of("1e999"), None, "out of range goes to the slow path's message");
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
