//! Reading publisher data into a [`PriceTable`]: the price contract, Yahoo-chart JSON and
//! CSV, one source or several merged on the union of their calendars.
//!
//! The format is recognised from the text: JSON with a `chart` object is Yahoo-chart, other
//! JSON is the contract, anything else is CSV.

pub mod contract;
pub mod csv;
pub mod yahoo;

pub use contract::{parse_contract_json, parse_contract_value, to_contract_json};
pub(crate) use contract::json_error;

use super::date::Date;
use super::error::{AnalysisError, Warning, MIXED_ADJUSTMENT, NO_SOURCES};
use super::said::Said;
use super::prices::{Adjustment, PriceTable, Series};

/// One symbol's dated closes before they are aligned on a shared calendar.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawSeries {
    pub symbol: String,
    pub name: Option<String>,
    pub group: Option<String>,
    pub dates: Vec<Date>,
    pub closes: Vec<Option<f64>>,
}

impl RawSeries {
    /// From `(date, close, where)` rows; dates must be strictly increasing and the error
    /// names the row.
    pub(crate) fn from_points(symbol: String, points: Vec<(Date, Option<f64>, Said)>) -> Result<RawSeries, AnalysisError> {
        let mut dates = Vec::with_capacity(points.len());
        let mut closes = Vec::with_capacity(points.len());
        for (day, close, at) in points {
            contract::check_increasing(&dates, day, at)?;
            dates.push(day);
            closes.push(close);
        }
        Ok(RawSeries { symbol, name: None, group: None, dates, closes })
    }
}

type Row = (String, Date, Option<f64>, Said);
type SymbolRows = Vec<(String, Vec<(Date, Option<f64>, Said)>)>;

/// Groups long-format rows by symbol, in order of first appearance.
pub(crate) fn group_by_symbol(rows: Vec<Row>) -> SymbolRows {
    let mut groups: SymbolRows = Vec::new();
    for (sym, day, close, at) in rows {
        match groups.iter_mut().find(|(s, _)| *s == sym) {
            Some((_, points)) => points.push((day, close, at)),
            None => groups.push((sym, vec![(day, close, at)])),
        }
    }
    groups
}

/// Series with their own calendars, to be aligned into one table.
pub(crate) struct Tabled {
    pub series: Vec<RawSeries>,
    pub adjustment: Adjustment,
    pub source: Option<String>,
    pub warnings: Vec<Warning>,
}

impl Tabled {
    /// Aligns every series on the union of all their dates (`None` where a series has no
    /// row), then validates the table.
    pub(crate) fn into_table(self) -> Result<PriceTable, AnalysisError> {
        let mut dates: Vec<Date> = self.series.iter().flat_map(|s| s.dates.iter().copied()).collect();
        crate::analysis::sorting::sort_by(&mut dates, Date::cmp);
        dates.dedup();
        let mut series = Vec::with_capacity(self.series.len());
        for raw in self.series {
            if series.iter().any(|s: &Series| s.symbol == raw.symbol) {
                return Err(AnalysisError::DuplicateSymbol { symbol: raw.symbol });
            }
            // `dates` is the sorted union of every series' dates, so each day is found.
            let mut closes = vec![None; dates.len()];
            let mut k = 0;
            for (day, close) in raw.dates.iter().zip(raw.closes) {
                while dates.get(k).is_some_and(|d| d < day) {
                    k += 1;
                }
                if let Some(slot) = closes.get_mut(k) {
                    *slot = close;
                }
            }
            series.push(Series { symbol: raw.symbol, name: raw.name, group: raw.group, closes });
        }
        PriceTable::validated(dates, series, self.adjustment, self.source, self.warnings)
    }
}

/// Parses one source, recognising its format. `name` (a URL or file name; empty for inline
/// data) prefixes error messages and names a CSV's symbol unless `symbol` is given.
pub fn parse_text(name: &str, text: &str, symbol: Option<&str>) -> Result<PriceTable, AnalysisError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        let in_source = |e: AnalysisError| if name.is_empty() { e } else { AnalysisError::InSource { source_name: name.to_owned(), error: Box::new(e) } };
        if let Some(result) = contract::parse_contract_fast(trimmed) {
            return result.map_err(in_source);
        }
        let value: serde_json::Value = serde_json::from_str(trimmed).map_err(|e| in_source(json_error(e)))?;
        return if yahoo::is_yahoo_chart(&value) {
            yahoo::parse_yahoo_chart(&value).map_err(in_source)
        } else {
            parse_contract_value(&value).map_err(in_source)
        };
    }
    let csv_name = if name.is_empty() { symbol.unwrap_or("prices.csv") } else { name };
    csv::parse_csv(text, csv_name, symbol)
}

/// Parses one source as [`parse_text`] does, its closes stated as `adjusted` when the
/// publisher says so (a source's `adjusted`; see [`PriceTable::stated`]).
pub fn parse_source(name: &str, text: &str, symbol: Option<&str>, adjusted: Option<Adjustment>) -> Result<PriceTable, AnalysisError> {
    parse_text(name, text, symbol).map(|t| t.stated(adjusted))
}

/// Parses an already-decoded JSON value: a Yahoo chart or the price contract.
pub fn parse_value(value: &serde_json::Value) -> Result<PriceTable, AnalysisError> {
    if yahoo::is_yahoo_chart(value) {
        yahoo::parse_yahoo_chart(value)
    } else {
        parse_contract_value(value)
    }
}

/// Merges tables from several sources on the union of their calendars. A symbol may come
/// from one source only. Mixed adjustments make the result "not stated", with a warning.
pub fn merge(tables: Vec<PriceTable>) -> Result<PriceTable, AnalysisError> {
    if tables.len() == 1 {
        if let Some(only) = tables.into_iter().next() {
            return Ok(only);
        }
        return Err(AnalysisError::no_data(NO_SOURCES));
    }
    let Some(first) = tables.first() else {
        return Err(AnalysisError::no_data(NO_SOURCES));
    };
    let mut adjustment = first.adjustment;
    let mut warnings = Vec::new();
    if tables.iter().any(|t| t.adjustment != adjustment) {
        adjustment = Adjustment::NotStated;
        warnings.push(Warning::of(
            "mixed_adjustment",
            None,
            Said::plain(MIXED_ADJUSTMENT),
        ));
    }
    let mut sources: Vec<String> = Vec::new();
    let mut raws = Vec::new();
    for t in tables {
        if let Some(s) = t.source {
            if !sources.contains(&s) {
                sources.push(s);
            }
        }
        warnings.extend(t.warnings);
        for s in t.series {
            raws.push(RawSeries { symbol: s.symbol, name: s.name, group: s.group, dates: t.dates.clone(), closes: s.closes });
        }
    }
    let source = (!sources.is_empty()).then(|| sources.join("; "));
    Tabled { series: raws, adjustment, source, warnings }.into_table()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_each_format() {
        let contract = parse_text("", r#"{"dates":["2026-01-02"],"series":{"A":[1]}}"#, None).unwrap();
        assert_eq!(contract.symbols(), vec!["A"]);
        let yahoo = parse_text(
            "q.json",
            r#"{"chart":{"result":[{"meta":{"symbol":"Y"},"timestamp":[1783949400],"indicators":{"quote":[{"close":[3]}]}}],"error":null}}"#,
            None,
        )
        .unwrap();
        assert_eq!(yahoo.symbols(), vec!["Y"]);
        let csv = parse_text("data/xlk.csv", "Date,Close\n2026-01-02,1\n", None).unwrap();
        assert_eq!(csv.symbols(), vec!["XLK"]);
        let named = parse_text("download.csv", "Date,Close\n2026-01-02,1\n", Some("QQQ")).unwrap();
        assert_eq!(named.symbols(), vec!["QQQ"]);
    }

    #[test]
    fn a_source_states_what_its_closes_are_over_what_the_file_says() {
        let csv = "Date,Close\n2026-01-02,1\n";
        let yahoo = r#"{"chart":{"result":[{"meta":{"symbol":"Y"},"timestamp":[1783949400],"indicators":{"quote":[{"close":[3]}]}}],"error":null}}"#;
        // A `Close` column cannot say; Yahoo's quote close is price-only.
        assert_eq!(parse_source("a.csv", csv, None, None).map(|t| t.adjustment), Ok(Adjustment::NotStated));
        assert_eq!(parse_source("q.json", yahoo, None, None).map(|t| t.adjustment), Ok(Adjustment::PriceOnly));
        for (adjusted, expected) in [(Adjustment::TotalReturn, Adjustment::TotalReturn), (Adjustment::PriceOnly, Adjustment::PriceOnly)] {
            assert_eq!(parse_source("a.csv", csv, Some("A"), Some(adjusted)).map(|t| t.adjustment), Ok(expected));
            assert_eq!(parse_source("q.json", yahoo, None, Some(adjusted)).map(|t| t.adjustment), Ok(expected));
        }
        // One CSV per symbol, each marked total-return: the merged table is too, with no
        // mixed-adjustment warning; one left unmarked makes it "not stated", with the warning.
        let one = |symbol: &str, adjusted| parse_source("", csv, Some(symbol), adjusted).unwrap();
        let both = merge(vec![one("A", Some(Adjustment::TotalReturn)), one("B", Some(Adjustment::TotalReturn))]).unwrap();
        assert_eq!((both.adjustment, both.symbols(), both.warnings.len()), (Adjustment::TotalReturn, vec!["A", "B"], 0));
        let mixed = merge(vec![one("A", Some(Adjustment::TotalReturn)), one("B", None)]).unwrap();
        assert_eq!((mixed.adjustment, mixed.warnings.first().map(|w| w.code)), (Adjustment::NotStated, Some("mixed_adjustment")));
    }

    #[test]
    fn json_errors_name_their_source() {
        let e = parse_text("https://x.org/p.json", r#"{"dates":[],"series":{}}"#, None).unwrap_err();
        assert_eq!(e.to_string(), "https://x.org/p.json: no data: `dates` is empty");
        let e = parse_text("", "{oops", None).unwrap_err();
        assert_eq!(e.to_string(), "prices are not valid JSON: key must be a string at line 1 column 2");
    }

    #[test]
    fn merges_sources_on_the_union_calendar() {
        let a = parse_text("SPY.csv", "Date,Adj Close\n2026-01-02,100\n2026-01-05,101\n", None).unwrap();
        let b = parse_text("IWM.csv", "Date,Adj Close\n2026-01-05,50\n2026-01-06,51\n", None).unwrap();
        let t = merge(vec![a, b]).unwrap();
        assert_eq!(t.dates.iter().map(|d| d.to_string()).collect::<Vec<_>>(), ["2026-01-02", "2026-01-05", "2026-01-06"]);
        assert_eq!(t.series[0].closes, vec![Some(100.0), Some(101.0), None]);
        assert_eq!(t.series[1].closes, vec![None, Some(50.0), Some(51.0)]);
        assert_eq!(t.adjustment, Adjustment::TotalReturn);
        let codes: Vec<_> = t.warnings.iter().map(|w| w.code).collect();
        // Warnings follow series order: SPY (first) ends before the last date, IWM starts late.
        assert_eq!(codes, ["early_end", "late_start"]);
    }

    #[test]
    fn a_symbol_from_two_sources_is_an_error() {
        let a = parse_text("a/SPY.csv", "Date,Close\n2026-01-02,1\n", None).unwrap();
        let b = parse_text("b/spy.csv", "Date,Close\n2026-01-05,1\n", None).unwrap();
        assert_eq!(
            merge(vec![a, b]).unwrap_err().to_string(),
            "symbol \"SPY\" is given more than once; give each symbol in one source only"
        );
    }

    #[test]
    fn mixed_adjustments_are_flagged() {
        let a = parse_text("SPY.csv", "Date,Adj Close\n2026-01-02,1\n", None).unwrap();
        let b = parse_text("IWM.csv", "Date,Close\n2026-01-02,1\n", None).unwrap();
        let t = merge(vec![a, b]).unwrap();
        assert_eq!(t.adjustment, Adjustment::NotStated);
        assert_eq!(t.warnings[0].code, "mixed_adjustment");
    }
}

/// The core's errors and warnings said through the shipped German table.
#[cfg(test)]
mod in_german {
    use super::parse_source;
    use crate::analysis::error::*;
    use crate::analysis::said::Said;
    use serde_json::{Map, Value};

    /// The shipped German table, as the widget looks keys up in it.
    fn german() -> impl Fn(&str) -> Option<&'static str> {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/lang/de.json")).unwrap();
        let table: Map<String, Value> = serde_json::from_str(&text).unwrap();
        let table: &'static Map<String, Value> = Box::leak(Box::new(table));
        move |key: &str| table.get(key).and_then(Value::as_str)
    }

    /// Two errors inside their source's sentence (a bad close; a date's reason inside a bad
    /// date): in German every word is German but the data (file, symbol, path, dates, value).
    #[test]
    fn a_source_error_reads_in_german_but_for_its_data() {
        let de = german();
        let source = |text: &str| parse_source("data/prices.json", text, None, None).unwrap_err();
        let bad_close = source(r#"{"dates": ["2026-01-02", "2026-01-05"], "series": {"IWM": [100, -5]}}"#);
        assert_eq!(bad_close.to_string(), "data/prices.json: IWM on 2026-01-05 (series.IWM[1]): close -5 is negative; closes must be positive numbers or null");
        assert_eq!(bad_close.say(&de), "data/prices.json: IWM am 2026-01-05 (series.IWM[1]): Schlusskurs -5 ist negativ; Schlusskurse müssen positive Zahlen oder null sein");
        let bad_date = source(r#"{"dates": ["2026–01–02"], "series": {"IWM": [100]}}"#);
        assert_eq!(bad_date.to_string(), "data/prices.json: dates[0] = \"2026–01–02\" is written with \"–\" (U+2013) where an ISO date (YYYY-MM-DD) has a hyphen");
        assert_eq!(bad_date.say(&de), "data/prices.json: dates[0] = „2026–01–02“ ist mit „–“ (U+2013) geschrieben, wo ein ISO-Datum (JJJJ-MM-TT) einen Bindestrich hat");
        // A file's line and column are named in German too.
        let in_file = parse_source("data/iwm.csv", "Date,Close\n2026–01–02,100\n", None, None).unwrap_err();
        assert!(in_file.say(&de).starts_with("data/iwm.csv, Zeile 2, Spalte Date = „2026–01–02“ ist mit"), "{}", in_file.say(&de));
        // Without a table, the English.
        assert_eq!(bad_date.say(&|_| None), bad_date.to_string());
        // An invisible character is named in the reader's language.
        let hidden = crate::analysis::date::DateParseError::Invisible('\u{200b}').said();
        assert_eq!(hidden.english(), "a date but for an invisible zero-width space (U+200B) in it");
        assert_eq!(hidden.say(&de), "ein Datum, enthält aber ein unsichtbares Zeichen (breitenloses Leerzeichen, U+200B)");
    }

    #[test]
    fn a_warning_about_an_error_reads_in_german() {
        let de = german();
        let error = AnalysisError::unknown_symbol(Said::plain(ROLE_BENCHMARK), "QQQ", &["SPY", "IWM"]);
        let warning = Warning::about("rotation_skipped", None, NO_GRAPH, &[], Within::Error(error));
        assert_eq!(warning.message, "unknown benchmark \"QQQ\": the prices have SPY, IWM; no rotation graph");
        assert_eq!(warning.say(&de), "„QQQ“ ist als Benchmark unbekannt: Die Kursdaten enthalten SPY, IWM; daher kein Rotationsgraph");
    }

    #[test]
    fn a_period_from_a_date_inside_a_warning_reads_in_german() {
        let de = german();
        let period = crate::analysis::period::Period::parse("2026-01-05").unwrap();
        let said = Said::new(BASKET_EMPTY, &[("basket", "small"), ("period", &period.to_string())]);
        let warning = Warning::of("basket_empty", None, said).with("period", period.words());
        assert_eq!(warning.message, "basket \"small\" has no member with a since 2026-01-05 return");
        assert_eq!(warning.say(&de), "Der Korb „small“ hat kein Mitglied mit einer Rendite im Zeitraum seit 2026-01-05");
    }
}
