//! The price model every input format is converted to: one calendar of days shared by all
//! symbols, and per symbol one optional close per day.

use super::date::Date;
use super::error::*;
use super::said::{Message, Said};

/// One symbol's closes, aligned with [`PriceTable::dates`].
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub symbol: String,
    /// Display name, e.g. "iShares Russell 2000 ETF".
    pub name: Option<String>,
    /// Publisher's grouping, e.g. "small", "large", "sector".
    pub group: Option<String>,
    /// `None` where the symbol has no close that day (not listed yet, halted, holiday abroad).
    pub closes: Vec<Option<f64>>,
}

impl Series {
    /// Index of the first day with a close.
    pub fn first_index(&self) -> Option<usize> {
        self.closes.iter().position(Option::is_some)
    }

    /// Index of the last day with a close.
    pub fn last_index(&self) -> Option<usize> {
        self.closes.iter().rposition(Option::is_some)
    }

    /// The last close on or before day index `at`, with its index: the rule every period
    /// return, line and basket uses to bridge gaps.
    pub fn close_on_or_before(&self, at: usize) -> Option<(usize, f64)> {
        let end = at.min(self.closes.len().checked_sub(1)?);
        self.closes.iter().take(end + 1).enumerate().rev().find_map(|(i, c)| c.map(|c| (i, c)))
    }

    /// Number of days with a close.
    pub fn close_count(&self) -> usize {
        self.closes.iter().filter(|c| c.is_some()).count()
    }
}

/// Whether closes include reinvested dividends. The widget says which it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Adjustment {
    /// Split- and dividend-adjusted (total return).
    TotalReturn,
    /// Prices as traded (or split-adjusted only): returns exclude dividends.
    PriceOnly,
    /// The source did not say.
    NotStated,
}

impl Adjustment {
    /// What the closes are, in English (`analyze()`'s).
    pub fn describe(self) -> &'static str {
        self.message().1
    }

    /// What the closes are, as a message (its key for the reader's language).
    pub fn message(self) -> Message {
        match self {
            Adjustment::TotalReturn => ADJUSTED_TOTAL_RETURN,
            Adjustment::PriceOnly => ADJUSTED_PRICE_ONLY,
            Adjustment::NotStated => ADJUSTED_NOT_STATED,
        }
    }
}

/// Validated prices: dates strictly increasing, every close finite and positive, every series
/// the length of `dates` and with at least one close.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceTable {
    pub dates: Vec<Date>,
    pub series: Vec<Series>,
    pub adjustment: Adjustment,
    /// Where the publisher says the data comes from (shown on exports).
    pub source: Option<String>,
    /// What was recovered from, in input order.
    pub warnings: Vec<Warning>,
}

impl PriceTable {
    /// The table with its closes stated as `adjusted` when the publisher says (a source's
    /// `adjusted`, `rotascope-tool convert --adjusted`), which a file may not: a CSV `Close`
    /// column can hold adjusted closes. The publisher's word wins over the file's; `None`
    /// keeps what the file says.
    pub fn stated(mut self, adjusted: Option<Adjustment>) -> PriceTable {
        if let Some(a) = adjusted {
            self.adjustment = a;
        }
        self
    }

    pub fn symbols(&self) -> Vec<&str> {
        self.series.iter().map(|s| s.symbol.as_str()).collect()
    }

    pub fn position(&self, symbol: &str) -> Option<usize> {
        self.series.iter().position(|s| s.symbol == symbol)
    }

    /// The series for `symbol`, or an error naming the role it was asked for in
    /// ("benchmark", "symbol", "member of basket small") and listing what exists.
    pub fn require(&self, symbol: &str, role: &str) -> Result<&Series, AnalysisError> {
        // The roles the core names are said in the reader's language; another as given.
        let role = [ROLE_BENCHMARK, ROLE_SYMBOL].into_iter().find(|m| m.1 == role).map_or_else(|| Said::new(AS_GIVEN, &[("text", role)]), Said::plain);
        self.series
            .iter()
            .find(|s| s.symbol == symbol)
            .ok_or_else(|| AnalysisError::unknown_symbol(role.clone(), symbol, &self.symbols()))
    }

    /// Index of the last date on or before `day`, or `None` if every date is later.
    pub fn index_on_or_before(&self, day: Date) -> Option<usize> {
        self.dates.partition_point(|&d| d <= day).checked_sub(1)
    }

    /// The date at table index `index`, clamped to the last date. Indices come from this
    /// table's own arithmetic, so the clamp guards and never decides. (A validated table has a
    /// date; only a hand-built empty one answers 1970-01-01.)
    pub fn date(&self, index: usize) -> Date {
        self.dates.get(index).or(self.dates.last()).copied().unwrap_or(Date::from_days(0))
    }

    /// The series at table `position`, if there is one.
    pub fn series_at(&self, position: usize) -> Option<&Series> {
        self.series.get(position)
    }

    /// The symbol at table `position` ("" for a position past the table, which no caller
    /// makes: positions come from [`PriceTable::position`] and selections of this table).
    pub fn symbol_at(&self, position: usize) -> &str {
        self.series.get(position).map_or("", |s| s.symbol.as_str())
    }

    /// The last index of the table (0 for an empty table, which validation refuses).
    pub fn last_index(&self) -> usize {
        self.dates.len().saturating_sub(1)
    }

    pub fn last_date(&self) -> Date {
        self.date(self.last_index())
    }

    pub fn first_date(&self) -> Date {
        self.date(0)
    }

    /// The table cut after `last` (rows dated later are dropped), validated again so gap
    /// warnings describe what is left.
    pub fn until(&self, last: Date) -> Result<PriceTable, AnalysisError> {
        self.dated(None, Some(last))
    }

    /// The rows dated on or after `first` (when given) and on or before `last` (when given),
    /// validated again so gap warnings describe what is left. No row left is an error.
    pub fn dated(&self, first: Option<Date>, last: Option<Date>) -> Result<PriceTable, AnalysisError> {
        let from = first.map_or(0, |f| self.dates.partition_point(|&d| d < f));
        let keep = last.map_or(self.dates.len(), |l| self.dates.partition_point(|&d| d <= l)).saturating_sub(from);
        let rows = |closes: &[Option<f64>]| closes.iter().skip(from).take(keep).copied().collect();
        let series = self.series.iter().map(|s| Series { closes: rows(&s.closes), ..s.clone() }).collect();
        let warnings = self.warnings.iter().filter(|w| !matches!(w.code, "late_start" | "missing_closes" | "early_end" | "empty_series")).cloned().collect();
        PriceTable::validated(self.dates.iter().skip(from).take(keep).copied().collect(), series, self.adjustment, self.source.clone(), warnings)
    }

    /// Only the series of `symbols`, in that order, with only the warnings about them (or about
    /// no symbol). A symbol not in the table is an error naming it.
    pub fn only(&self, symbols: &[&str]) -> Result<PriceTable, AnalysisError> {
        let series = symbols.iter().map(|&s| self.require(s, "symbol").cloned()).collect::<Result<Vec<Series>, _>>()?;
        let warnings = self.warnings.iter().filter(|w| w.symbol.as_deref().is_none_or(|s| symbols.contains(&s))).cloned().collect();
        Ok(PriceTable { dates: self.dates.clone(), series, adjustment: self.adjustment, source: self.source.clone(), warnings })
    }

    /// Checks every invariant of the model and records the gap warnings. All input formats
    /// end here, so the rules are the same whatever the publisher sent.
    pub fn validated(
        dates: Vec<Date>,
        series: Vec<Series>,
        adjustment: Adjustment,
        source: Option<String>,
        mut warnings: Vec<Warning>,
    ) -> Result<PriceTable, AnalysisError> {
        if dates.is_empty() {
            return Err(AnalysisError::no_data(NO_DATES));
        }
        if series.is_empty() {
            return Err(AnalysisError::no_data(NO_SERIES));
        }
        let mut kept = Vec::with_capacity(series.len());
        for s in series {
            if s.closes.len() != dates.len() {
                return Err(AnalysisError::LengthMismatch {
                    symbol: s.symbol,
                    len: s.closes.len(),
                    dates_len: dates.len(),
                });
            }
            for (i, (close, &date)) in s.closes.iter().zip(&dates).enumerate() {
                if let Some(value) = *close {
                    if let Some(reason) = close_problem(value) {
                        return Err(AnalysisError::BadClose {
                            symbol: s.symbol.clone(),
                            at: Box::new(data_path(&format!("series.{}[{i}]", s.symbol))),
                            date,
                            value: super::error::number_text(value),
                            reason,
                        });
                    }
                }
            }
            let (Some(first), Some(last)) = (s.first_index(), s.last_index()) else {
                warnings.push(Warning::of(
                    "empty_series",
                    Some(&s.symbol),
                    Said::new(EMPTY_SERIES, &[("symbol", &s.symbol)]),
                ));
                continue;
            };
            gap_warnings(&s, &dates, first, last, &mut warnings);
            kept.push(s);
        }
        if kept.is_empty() {
            return Err(AnalysisError::no_data(ALL_EMPTY));
        }
        Ok(PriceTable { dates, series: kept, adjustment, source, warnings })
    }
}

/// Why a close is unusable, if it is.
pub fn close_problem(value: f64) -> Option<Message> {
    if !value.is_finite() {
        Some(CLOSE_NOT_FINITE)
    } else if value == 0.0 {
        Some(CLOSE_ZERO)
    } else if value < 0.0 {
        Some(CLOSE_NEGATIVE)
    } else {
        None
    }
}

fn gap_warnings(s: &Series, dates: &[Date], first: usize, last: usize, out: &mut Vec<Warning>) {
    let sym = s.symbol.as_str();
    let day = |i: usize| dates.get(i).map_or_else(String::new, Date::to_string);
    if first > 0 {
        out.push(Warning::of("late_start", Some(sym), Said::new(LATE_START, &[("symbol", sym), ("start", &day(first)), ("first", &day(0))])));
    }
    let missing: Vec<usize> = (first..=last).filter(|&i| s.closes.get(i).is_some_and(Option::is_none)).collect();
    if let (Some(&a), Some(&b)) = (missing.first(), missing.last()) {
        let message = if missing.len() == 1 { MISSING_CLOSE } else { MISSING_CLOSES };
        let values = [("symbol", sym), ("n", &missing.len().to_string()), ("from", &day(a)), ("to", &day(b))];
        out.push(Warning::of("missing_closes", Some(sym), Said::new(message, &values)));
    }
    if last + 1 < dates.len() {
        let values = [("symbol", sym), ("last", &day(last)), ("end", &day(dates.len().saturating_sub(1)))];
        out.push(Warning::of("early_end", Some(sym), Said::new(EARLY_END, &values)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn series(symbol: &str, closes: &[Option<f64>]) -> Series {
        Series { symbol: symbol.into(), name: None, group: None, closes: closes.to_vec() }
    }

    fn dates(n: usize) -> Vec<Date> {
        (0..n as i32).map(|i| d("2026-01-05").add_days(i)).collect()
    }

    #[test]
    fn close_on_or_before_bridges_gaps() {
        let s = series("X", &[None, Some(10.0), None, None, Some(12.0)]);
        assert_eq!(s.close_on_or_before(0), None);
        assert_eq!(s.close_on_or_before(1), Some((1, 10.0)));
        assert_eq!(s.close_on_or_before(3), Some((1, 10.0)));
        assert_eq!(s.close_on_or_before(4), Some((4, 12.0)));
        assert_eq!(s.close_on_or_before(99), Some((4, 12.0)));
    }

    #[test]
    fn index_on_or_before_uses_the_calendar() {
        let t = PriceTable::validated(
            vec![d("2026-01-02"), d("2026-01-05"), d("2026-01-06")],
            vec![series("X", &[Some(1.0), Some(2.0), Some(3.0)])],
            Adjustment::NotStated,
            None,
            vec![],
        )
        .unwrap();
        assert_eq!(t.index_on_or_before(d("2026-01-01")), None);
        assert_eq!(t.index_on_or_before(d("2026-01-02")), Some(0));
        assert_eq!(t.index_on_or_before(d("2026-01-04")), Some(0));
        assert_eq!(t.index_on_or_before(d("2026-01-06")), Some(2));
        assert_eq!(t.index_on_or_before(d("2027-01-01")), Some(2));
    }

    #[test]
    fn until_drops_later_rows_and_recomputes_gap_warnings() {
        let t = PriceTable::validated(
            dates(4),
            vec![series("A", &[Some(1.0), Some(2.0), Some(3.0), Some(4.0)]), series("B", &[Some(1.0), Some(1.0), Some(1.0), None])],
            Adjustment::NotStated,
            None,
            vec![],
        )
        .unwrap();
        assert_eq!(t.warnings.len(), 1, "B ends early");
        let cut = t.until(d("2026-01-07")).unwrap();
        assert_eq!(cut.dates.len(), 3);
        assert_eq!(cut.series[0].closes, vec![Some(1.0), Some(2.0), Some(3.0)]);
        assert!(cut.warnings.is_empty(), "{:?}", cut.warnings);
    }

    #[test]
    fn dated_keeps_the_rows_from_first_to_last_and_recomputes_gap_warnings() {
        // 2026-01-05 .. 2026-01-08; A late (from the 6th), B ends early (to the 7th).
        let t = PriceTable::validated(
            dates(4),
            vec![series("A", &[None, Some(2.0), Some(3.0), Some(4.0)]), series("B", &[Some(1.0), Some(1.5), Some(1.0), None])],
            Adjustment::NotStated,
            None,
            vec![Warning::new("ignored_field", None, "kept")],
        )
        .unwrap();
        assert_eq!(t.warnings.iter().map(|w| w.code).collect::<Vec<_>>(), ["ignored_field", "late_start", "early_end"]);
        // From the 6th (a day in the data): A no longer starts late.
        let cut = t.dated(Some(d("2026-01-06")), None).unwrap();
        assert_eq!(cut.dates, vec![d("2026-01-06"), d("2026-01-07"), d("2026-01-08")]);
        assert_eq!(cut.series[0].closes, vec![Some(2.0), Some(3.0), Some(4.0)]);
        assert_eq!(cut.series[1].closes, vec![Some(1.5), Some(1.0), None]);
        assert_eq!(cut.warnings.iter().map(|w| w.code).collect::<Vec<_>>(), ["ignored_field", "early_end"]);
        // A day before the data keeps it from its start; both ends cut: no gap left at all.
        let both = t.dated(Some(d("2026-01-04")), Some(d("2026-01-07"))).unwrap();
        assert_eq!(both.dates.len(), 3);
        let middle = t.dated(Some(d("2026-01-06")), Some(d("2026-01-07"))).unwrap();
        assert_eq!(middle.dates, vec![d("2026-01-06"), d("2026-01-07")]);
        assert_eq!(middle.warnings.iter().map(|w| w.code).collect::<Vec<_>>(), ["ignored_field"]);
        // After the last day: nothing left, an error.
        assert!(matches!(t.dated(Some(d("2026-01-09")), None), Err(AnalysisError::NoData { .. })));
    }

    #[test]
    fn only_keeps_the_named_series_in_order_and_their_warnings() {
        let t = PriceTable::validated(
            dates(3),
            vec![series("A", &[None, Some(2.0), Some(3.0)]), series("B", &[Some(1.0); 3]), series("C", &[Some(1.0), None, Some(1.0)])],
            Adjustment::NotStated,
            None,
            vec![Warning::new("ignored_field", None, "kept")],
        )
        .unwrap();
        let kept = t.only(&["C", "B"]).unwrap();
        assert_eq!(kept.symbols(), vec!["C", "B"]);
        assert_eq!(kept.dates, t.dates);
        assert_eq!(kept.warnings.iter().map(|w| (w.code, w.symbol.as_deref())).collect::<Vec<_>>(), [("ignored_field", None), ("missing_closes", Some("C"))]);
        let err = t.only(&["B", "XLK"]).unwrap_err().to_string();
        assert_eq!(err, "unknown symbol \"XLK\": the prices have A, B, C");
    }

    #[test]
    fn gaps_become_warnings_naming_symbol_and_dates() {
        let t = PriceTable::validated(
            dates(6),
            vec![
                series("LATE", &[None, None, Some(1.0), Some(1.0), Some(1.0), Some(1.0)]),
                series("HOLES", &[Some(1.0), None, None, Some(1.0), None, Some(1.0)]),
                series("ENDS", &[Some(1.0), Some(1.0), Some(1.0), None, None, None]),
                series("EMPTY", &[None; 6]),
            ],
            Adjustment::NotStated,
            None,
            vec![],
        )
        .unwrap();
        let codes: Vec<_> = t.warnings.iter().map(|w| (w.code, w.symbol.clone().unwrap())).collect();
        assert_eq!(
            codes,
            vec![
                ("late_start", "LATE".to_string()),
                ("missing_closes", "HOLES".to_string()),
                ("early_end", "ENDS".to_string()),
                ("empty_series", "EMPTY".to_string()),
            ]
        );
        assert_eq!(
            t.warnings[1].message,
            "HOLES: 3 closes are missing between 2026-01-06 and 2026-01-09; the last close before each gap is carried forward"
        );
        assert_eq!(t.symbols(), vec!["LATE", "HOLES", "ENDS"]);
    }

    #[test]
    fn rejects_bad_closes_with_symbol_date_and_index() {
        for (value, reason) in [(0.0, "zero"), (-2.5, "negative"), (f64::NAN, "not a finite number")] {
            let err = PriceTable::validated(
                dates(3),
                vec![series("IWM", &[Some(1.0), Some(value), Some(1.0)])],
                Adjustment::NotStated,
                None,
                vec![],
            )
            .unwrap_err();
            let msg = err.to_string();
            assert!(msg.starts_with("IWM on 2026-01-06 (series.IWM[1]): close"), "{msg}");
            assert!(msg.contains(reason), "{msg}");
        }
    }

    #[test]
    fn rejects_length_mismatch_and_empty_input() {
        let err = PriceTable::validated(
            dates(3),
            vec![series("SPY", &[Some(1.0), Some(1.0)])],
            Adjustment::NotStated,
            None,
            vec![],
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "series \"SPY\" has 2 closes but `dates` has 3: give one close (or null) per date"
        );
        let err = PriceTable::validated(dates(2), vec![series("A", &[None, None])], Adjustment::NotStated, None, vec![])
            .unwrap_err();
        assert_eq!(err.to_string(), "no data: every series is empty (all null)");
    }
}
