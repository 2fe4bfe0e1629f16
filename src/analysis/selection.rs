//! Which symbols a computation is about, and as of which day.

use super::date::Date;
use super::error::{AnalysisError, DATA_STARTS, ROLE_BENCHMARK, ROLE_SYMBOL};
use super::said::Said;
use super::prices::PriceTable;

/// The benchmark and the symbols compared with it, as table positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub benchmark: usize,
    /// In the order asked for (this order fixes each symbol's colour).
    pub symbols: Vec<usize>,
}

impl Selection {
    /// Resolves names against the table.
    ///
    /// Defaults: the benchmark is `SPY` when loaded, else the first series; the symbols are
    /// every other series in data order. A name that is not loaded is an error listing what is.
    /// The benchmark listed among the symbols is dropped from them (it is always shown as the
    /// reference), and a repeated symbol counts once.
    pub fn resolve(table: &PriceTable, benchmark: Option<&str>, symbols: Option<&[String]>) -> Result<Selection, AnalysisError> {
        let benchmark = match benchmark {
            Some(name) => table.position(name).ok_or_else(|| AnalysisError::unknown_symbol(Said::plain(ROLE_BENCHMARK), name, &table.symbols()))?,
            None => table.position("SPY").unwrap_or(0),
        };
        let symbols = match symbols {
            Some(names) => {
                let mut out: Vec<usize> = Vec::with_capacity(names.len());
                for name in names {
                    let i = table.position(name).ok_or_else(|| AnalysisError::unknown_symbol(Said::plain(ROLE_SYMBOL), name, &table.symbols()))?;
                    if i != benchmark && !out.contains(&i) {
                        out.push(i);
                    }
                }
                out
            }
            None => (0..table.series.len()).filter(|&i| i != benchmark).collect(),
        };
        Ok(Selection { benchmark, symbols })
    }
}

/// The table index of the as-of day: the last date on or before `as_of` (default: the last
/// date). A day before the first date is an error.
pub fn as_of_index(table: &PriceTable, as_of: Option<&str>) -> Result<usize, AnalysisError> {
    let Some(text) = as_of else {
        return Ok(table.last_index());
    };
    let day = Date::parse_iso(text.trim())
        .map_err(|e| AnalysisError::bad_option("asOf", format!("\"{text}\""), e.said()))?;
    table.index_on_or_before(day).ok_or_else(|| {
        AnalysisError::bad_option("asOf", day, Said::new(DATA_STARTS, &[("day", &table.first_date().to_string())]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::input::parse_contract_json;

    fn table() -> PriceTable {
        parse_contract_json(
            r#"{"dates":["2026-01-02","2026-01-05"],
                "series":{"IWM":[1,2],"SPY":[1,2],"IJR":[1,2]}}"#,
        )
        .unwrap()
    }

    #[test]
    fn defaults_to_spy_and_everything_else() {
        let s = Selection::resolve(&table(), None, None).unwrap();
        assert_eq!(s, Selection { benchmark: 1, symbols: vec![0, 2] });
    }

    #[test]
    fn explicit_names_keep_order_and_drop_benchmark_and_repeats() {
        let names: Vec<String> = ["IJR", "SPY", "IWM", "IJR"].map(String::from).to_vec();
        let s = Selection::resolve(&table(), Some("SPY"), Some(&names)).unwrap();
        assert_eq!(s.symbols, vec![2, 0]);
    }

    #[test]
    fn unknown_names_are_errors_listing_what_is_loaded() {
        let e = Selection::resolve(&table(), Some("QQQ"), None).unwrap_err();
        assert_eq!(e.to_string(), "unknown benchmark \"QQQ\": the prices have IWM, SPY, IJR");
        let names = vec!["IWC".to_string()];
        let e = Selection::resolve(&table(), None, Some(&names)).unwrap_err();
        assert_eq!(e.to_string(), "unknown symbol \"IWC\": the prices have IWM, SPY, IJR");
    }

    #[test]
    fn as_of_resolves_to_last_date_on_or_before() {
        let t = table();
        assert_eq!(as_of_index(&t, None).unwrap(), 1);
        assert_eq!(as_of_index(&t, Some("2026-01-04")).unwrap(), 0);
        assert_eq!(as_of_index(&t, Some("2027-01-01")).unwrap(), 1);
        assert_eq!(
            as_of_index(&t, Some("2025-12-31")).unwrap_err().to_string(),
            "option `asOf` = 2025-12-31: the data starts on 2026-01-02"
        );
        assert_eq!(
            as_of_index(&t, Some("yesterday")).unwrap_err().to_string(),
            "option `asOf` = \"yesterday\": not an ISO date (YYYY-MM-DD)"
        );
    }

    #[test]
    fn a_german_reader_reads_why_the_as_of_day_is_refused_in_german_with_the_day_as_written() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/lang/de.json")).unwrap();
        // The shipped table read directly: the core cannot reach `chart::messages`.
        let lang: &'static serde_json::Map<String, serde_json::Value> = Box::leak(Box::new(serde_json::from_str(&text).unwrap()));
        let german = |key: &str| lang.get(key).and_then(serde_json::Value::as_str);
        let t = table();
        assert_eq!(as_of_index(&t, Some("2025-12-31")).unwrap_err().say(&german), "Option `asOf` = 2025-12-31: Die Daten beginnen am 2026-01-02");
        let no_day = as_of_index(&t, Some("2026-02-30")).unwrap_err();
        assert_eq!(no_day.say(&german), "Option `asOf` = \"2026-02-30\": kein gültiger Kalendertag");
        assert_eq!(no_day.to_string(), "option `asOf` = \"2026-02-30\": no such day in the calendar");
    }
}
