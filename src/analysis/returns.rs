//! Period returns, excess over the benchmark, ranking, baskets and spreads.
//!
//! # Formula
//!
//! For a symbol, a period (start day `S`, see [`super::period`]) and an as-of day `D`:
//!
//! - base close `P0` = the last close on or before `S`; end close `P1` = the last close on or
//!   before `D`;
//! - `return_pct = (P1 / P0 − 1) × 100`;
//! - `excess_pp = return_pct − return_pct(benchmark)` over the same period, in percentage
//!   points;
//! - for 1Y, 3Y and custom periods of a year or more,
//!   `annualized_pct = ((P1 / P0)^(1 / years) − 1) × 100` with `years` from [`Period::years`];
//! - ranking: by `return_pct`, best first; ties by symbol.
//!
//! Baskets are equal weight: `basket_return = mean of the members' return_pct` (each member
//! with its own base and end close, as above). That is a portfolio bought in equal amounts at
//! the base and held. A spread is `long − short` in percentage points, where each side is a
//! basket or a single symbol.
//!
//! # Edge cases
//!
//! A symbol with no close on or before `S` (it started later) has no return for the period: it
//! is left out with a warning, and so is a basket member. A base or end close more than seven
//! calendar days before its target day is used, with a `stale_close` warning.

use super::date::Date;
use super::error::*;
use super::said::Said;
use super::period::Period;
use super::prices::PriceTable;
use super::selection::Selection;
use serde::Serialize;

/// Days a close may lag its target day before it is called stale (a week covers every
/// holiday run on real exchanges).
const STALE_DAYS: i32 = 7;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodReturn {
    pub symbol: String,
    pub period: Period,
    /// The period's nominal start day `S`.
    pub period_start: Date,
    /// Date of the base close (on or before `period_start`).
    pub start_date: Date,
    /// Date of the end close (on or before the as-of day).
    pub end_date: Date,
    pub start_close: f64,
    pub end_close: f64,
    pub return_pct: f64,
    pub excess_pp: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annualized_pct: Option<f64>,
}

/// One symbol's return over `period` as of table index `to` (excess left at 0).
///
/// # Example
/// ```
/// use rotascope::analysis::{input::parse_contract_json, period::Period, returns::period_return};
/// let t = parse_contract_json(r#"{"dates":["2025-12-30","2025-12-31","2026-01-02","2026-02-20"],
///     "series":{"IWM":[90,80,85,100]}}"#).unwrap();
/// // YTD base: the last close on or before 2025-12-31 is 80; 100 / 80 − 1 = +25 %.
/// let r = period_return(&t, 0, Period::YearToDate, 3).unwrap();
/// assert_eq!((r.start_date.to_string(), r.return_pct), ("2025-12-31".to_string(), 25.0));
/// ```
pub fn period_return(table: &PriceTable, position: usize, period: Period, to: usize) -> Result<PeriodReturn, Warning> {
    let series = table.series_at(position).ok_or_else(|| Warning::of("no_symbol", None, Said::new(NO_SYMBOL_AT, &[("position", &position.to_string())])))?;
    let as_of = table.date(to);
    let sym = series.symbol.as_str();
    let period_start = period.checked_start(as_of).map_err(|e| Warning::about("period_after_as_of", Some(sym), ERROR_AS_WARNING, &[], Within::Error(e)))?;
    let missing = || {
        let values = [("symbol", sym), ("start", &period_start.to_string()), ("period", &period.to_string())];
        let said = match series.first_index() {
            Some(i) => Said::new(NO_BASE, &[values.as_slice(), &[("first", &table.date(i).to_string())]].concat()),
            None => Said::new(NO_BASE_EVER, &values),
        };
        Warning::of("no_base_close", Some(sym), said).with("period", period.words())
    };
    let (base_index, start_close) = table.index_on_or_before(period_start).and_then(|i| series.close_on_or_before(i)).ok_or_else(missing)?;
    let (end_index, end_close) = series.close_on_or_before(to).ok_or_else(missing)?;
    let ratio = end_close / start_close;
    Ok(PeriodReturn {
        symbol: sym.to_owned(),
        period,
        period_start,
        start_date: table.date(base_index),
        end_date: table.date(end_index),
        start_close,
        end_close,
        return_pct: (ratio - 1.0) * 100.0,
        excess_pp: 0.0,
        annualized_pct: period.years(as_of).map(|y| (ratio.powf(1.0 / y) - 1.0) * 100.0),
    })
}

fn stale_warnings(r: &PeriodReturn, as_of: Date, out: &mut Vec<Warning>) {
    for (used, target, message) in [(r.start_date, r.period_start, STALE_BASE), (r.end_date, as_of, STALE_END)] {
        if target.days() - used.days() > STALE_DAYS {
            let values = [("symbol", r.symbol.as_str()), ("period", &r.period.to_string()), ("used", &used.to_string()), ("days", &(target.days() - used.days()).to_string()), ("target", &target.to_string())];
            out.push(Warning::of("stale_close", Some(&r.symbol), Said::new(message, &values)).with("period", r.period.words()));
        }
    }
}

/// Returns of the benchmark and every selected symbol, with excess over the benchmark, ranked
/// best first. The benchmark itself must have a return for the period.
pub fn ranked_returns(table: &PriceTable, selection: &Selection, period: Period, to: usize) -> Result<(Vec<PeriodReturn>, Vec<Warning>), AnalysisError> {
    let as_of = table.date(to);
    let base_day = period.checked_start(as_of)?;
    let mut warnings = Vec::new();
    let bench = period_return(table, selection.benchmark, period, to).map_err(|_| AnalysisError::NoBaseClose {
        what: period.return_of(table.symbol_at(selection.benchmark)),
        base_day,
        first: table.series_at(selection.benchmark).and_then(|s| s.first_index()).map(|i| table.date(i)),
    })?;
    let mut out = Vec::with_capacity(selection.symbols.len() + 1);
    for pos in std::iter::once(selection.benchmark).chain(selection.symbols.iter().copied()) {
        match period_return(table, pos, period, to) {
            Ok(mut r) => {
                r.excess_pp = r.return_pct - bench.return_pct;
                stale_warnings(&r, as_of, &mut warnings);
                out.push(r);
            }
            Err(w) => warnings.push(w),
        }
    }
    crate::analysis::sorting::sort_by(&mut out, |a, b| b.return_pct.total_cmp(&a.return_pct).then_with(|| a.symbol.cmp(&b.symbol)));
    Ok((out, warnings))
}

/// A named group of symbols (table positions).
#[derive(Debug, Clone, PartialEq)]
pub struct Basket {
    pub name: String,
    pub members: Vec<usize>,
}

impl Basket {
    /// Resolves member names; an unknown member is an error naming the basket.
    pub fn resolve(table: &PriceTable, name: &str, members: &[String]) -> Result<Basket, AnalysisError> {
        let mut positions = Vec::with_capacity(members.len());
        for m in members {
            positions.push(table.position(m).ok_or_else(|| AnalysisError::unknown_symbol(Said::new(ROLE_BASKET_MEMBER, &[("name", name)]), m, &table.symbols()))?);
        }
        let members = positions;
        if members.is_empty() {
            return Err(AnalysisError::bad_option(&format!("baskets.{name}"), "[]", Said::plain(BASKET_NEEDS_SYMBOL)));
        }
        Ok(Basket { name: name.to_owned(), members })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BasketReturn {
    pub name: String,
    pub period: Period,
    /// Members with a return, and their returns.
    pub members: Vec<String>,
    pub member_returns_pct: Vec<f64>,
    /// Members left out (no close on or before the base day).
    pub excluded: Vec<String>,
    pub return_pct: f64,
}

/// Equal-weight basket return; `None` (with warnings) when no member has a return.
pub fn basket_return(table: &PriceTable, basket: &Basket, period: Period, to: usize, warnings: &mut Vec<Warning>) -> Option<BasketReturn> {
    let mut members = Vec::new();
    let mut member_returns_pct = Vec::new();
    let mut excluded = Vec::new();
    for &pos in &basket.members {
        match period_return(table, pos, period, to) {
            Ok(r) => {
                members.push(r.symbol);
                member_returns_pct.push(r.return_pct);
            }
            Err(w) => {
                excluded.push(table.symbol_at(pos).to_owned());
                warnings.push(Warning::about("basket_member_skipped", w.symbol.clone().as_deref(), MEMBER_SKIPPED, &[("basket", &basket.name)], Within::Warning(w)));
            }
        }
    }
    if members.is_empty() {
        warnings.push(Warning::of("basket_empty", None, Said::new(BASKET_EMPTY, &[("basket", &basket.name), ("period", &period.to_string())])).with("period", period.words()));
        return None;
    }
    let return_pct = member_returns_pct.iter().sum::<f64>() / member_returns_pct.len() as f64;
    Some(BasketReturn { name: basket.name.clone(), period, members, member_returns_pct, excluded, return_pct })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpreadReturn {
    pub long: String,
    pub short: String,
    pub period: Period,
    pub long_return_pct: f64,
    pub short_return_pct: f64,
    pub spread_pp: f64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::input::parse_contract_json;

    fn table() -> PriceTable {
        // Closes picked so every ratio is exact in binary.
        parse_contract_json(
            r#"{"dates":["2025-12-31","2026-01-02","2026-06-30","2026-07-13"],
                "series":{"SPY":[100,101,110,125],
                          "IWM":[40,41,45,50],
                          "IWC":[null,8,9,10],
                          "IJR":[64,60,70,80]}}"#,
        )
        .unwrap()
    }

    #[test]
    fn ytd_returns_excess_and_ranking_hand_worked() {
        let t = table();
        let sel = Selection { benchmark: 0, symbols: vec![1, 2, 3] };
        let (r, warnings) = ranked_returns(&t, &sel, Period::YearToDate, 3).unwrap();
        // SPY 125/100 − 1 = +25 %; IWM 50/40 − 1 = +25 %; IJR 80/64 − 1 = +25 %: a three-way
        // tie broken by symbol. IWC has no close on or before 2025-12-31.
        let got: Vec<(&str, f64, f64)> = r.iter().map(|x| (x.symbol.as_str(), x.return_pct, x.excess_pp)).collect();
        assert_eq!(got, vec![("IJR", 25.0, 0.0), ("IWM", 25.0, 0.0), ("SPY", 25.0, 0.0)]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(
            warnings[0].message,
            "IWC has no close on or before 2025-12-31, the YTD base (its first close is 2026-01-02), so it has no YTD return"
        );
    }

    #[test]
    fn custom_period_and_excess() {
        let t = table();
        let sel = Selection { benchmark: 0, symbols: vec![1, 2] };
        let start = Date::parse_iso("2026-06-30").unwrap();
        let (r, _) = ranked_returns(&t, &sel, Period::Since(start), 3).unwrap();
        // SPY 125/110: +13.636...%; IWM 50/45: +11.11...%; IWC 10/9: +11.11...%.
        let spy = r.iter().find(|x| x.symbol == "SPY").unwrap();
        let iwc = r.iter().find(|x| x.symbol == "IWC").unwrap();
        assert!((spy.return_pct - (125.0 / 110.0 - 1.0) * 100.0).abs() < 1e-12);
        assert!((iwc.excess_pp - ((10.0 / 9.0 - 1.0) * 100.0 - (125.0 / 110.0 - 1.0) * 100.0)).abs() < 1e-12);
        assert_eq!(r[0].symbol, "SPY");
    }

    #[test]
    fn annualized_three_years() {
        let t = parse_contract_json(r#"{"dates":["2023-07-13","2026-07-13"],"series":{"X":[100,133.1]}}"#).unwrap();
        let r = period_return(&t, 0, Period::Year3, 1).unwrap();
        // 1.331 = 1.1³: 10 % a year.
        assert!((r.annualized_pct.unwrap() - 10.0).abs() < 1e-9);
        assert!((r.return_pct - 33.1).abs() < 1e-9);
    }

    #[test]
    fn benchmark_without_a_base_is_an_error() {
        let t = table();
        let sel = Selection { benchmark: 2, symbols: vec![1] };
        let e = ranked_returns(&t, &sel, Period::YearToDate, 3).unwrap_err();
        assert_eq!(e.to_string(), "the YTD return of IWC needs a close on or before 2025-12-31, but its first close is 2026-01-02");
        let e = ranked_returns(&t, &sel, Period::Since(Date::parse_iso("2025-06-30").unwrap()), 3).unwrap_err();
        assert_eq!(e.to_string(), "the return of IWC since 2025-06-30 needs a close on or before 2025-06-30, but its first close is 2026-01-02");
    }

    #[test]
    fn stale_closes_are_flagged() {
        let t = parse_contract_json(
            r#"{"dates":["2025-12-31","2026-01-02","2026-07-13"],"series":{"SPY":[1,2,4],"OLD":[1,2,null]}}"#,
        )
        .unwrap();
        let sel = Selection { benchmark: 0, symbols: vec![1] };
        let (_, w) = ranked_returns(&t, &sel, Period::YearToDate, 2).unwrap();
        assert_eq!(w.last().unwrap().message, "OLD's YTD end close is from 2026-01-02, 192 days before 2026-07-13");
    }

    #[test]
    fn baskets_average_members_and_skip_missing_ones() {
        let t = table();
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let small = Basket::resolve(&t, "small", &names(&["IWM", "IWC", "IJR"])).unwrap();
        let mut w = Vec::new();
        let b = basket_return(&t, &small, Period::Since(Date::parse_iso("2026-06-30").unwrap()), 3, &mut w).unwrap();
        // IWM 50/45, IWC 10/9, IJR 80/70: mean of the three returns.
        let expected = ((50.0 / 45.0 - 1.0) + (10.0 / 9.0 - 1.0) + (80.0 / 70.0 - 1.0)) / 3.0 * 100.0;
        assert!((b.return_pct - expected).abs() < 1e-12);
        let b = basket_return(&t, &small, Period::YearToDate, 3, &mut w).unwrap();
        assert_eq!(b.excluded, vec!["IWC".to_string()]);
        assert!((b.return_pct - 25.0).abs() < 1e-12);
        assert_eq!(w[0].code, "basket_member_skipped");
        let e = Basket::resolve(&t, "large", &names(&["SPY", "IWB"])).unwrap_err();
        assert_eq!(e.to_string(), "unknown basket \"large\" member \"IWB\": the prices have SPY, IWM, IWC, IJR");
    }
}
