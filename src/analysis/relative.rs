//! Period lines for the relative-performance chart: every selected symbol and the benchmark
//! rebased at the same start day (formulas in [`super::lines`]).

use super::error::{Warning, Within, ERROR_AS_WARNING, MEMBER_LEFT_OUT, NOT_DRAWN, PERIOD_CLIPPED};
use super::said::Said;
use super::lines::{self, Line};
use super::period::Period;
use super::prices::PriceTable;
use super::selection::Selection;

/// Which transformation the lines show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineMode {
    PercentChange,
    RatioToBenchmark,
}

/// Lines over one period, ready to chart.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodLines {
    /// Table indices of the base day and the as-of day.
    pub from: usize,
    pub to: usize,
    /// (table position, line). The benchmark comes first in `PercentChange` mode.
    pub lines: Vec<(usize, Line)>,
    pub warnings: Vec<Warning>,
}

/// The table index a period's lines start at: the last date on or before the period's start
/// day. This is the one clipping rule for everything drawn over a period (the performance
/// lines, the basket spread, the trend chart).
///
/// # Edge cases
///
/// A period that starts before the data starts at the first date instead, with a
/// `period_clipped` warning. (Returns never clip: a return needs a close on or before the
/// start day, see [`super::returns`].) A period that starts after the as-of day (refused
/// where periods enter: config, links, the date field, `analyze()`) gives the as-of day
/// alone, with a `period_after_as_of` warning.
pub fn line_start(table: &PriceTable, period: Period, to: usize, warnings: &mut Vec<Warning>) -> usize {
    let start = match period.checked_start(table.date(to)) {
        Ok(start) => start,
        Err(e) => {
            warnings.push(Warning::about("period_after_as_of", None, ERROR_AS_WARNING, &[], Within::Error(e)));
            return to;
        }
    };
    table.index_on_or_before(start).unwrap_or_else(|| {
        let values: [(&str, &str); 3] = [("period", &period.to_string()), ("start", &start.to_string()), ("first", &table.first_date().to_string())];
        warnings.push(Warning::of("period_clipped", None, Said::new(PERIOD_CLIPPED, &values)).with("period", period.words()));
        0
    })
}

/// Lines from the last date on or before `period`'s start up to table index `to`.
///
/// The period starts where [`line_start`] says (clipped to the data, with a warning).
/// A symbol without a close on or before the base day is left out (with a warning).
pub fn period_lines(table: &PriceTable, selection: &Selection, period: Period, to: usize, mode: LineMode) -> PeriodLines {
    let mut warnings = Vec::new();
    let from = line_start(table, period, to, &mut warnings);
    let Some(benchmark) = table.series_at(selection.benchmark) else {
        return PeriodLines { from, to, lines: Vec::new(), warnings };
    };
    let mut positions = Vec::with_capacity(selection.symbols.len() + 1);
    if mode == LineMode::PercentChange {
        positions.push(selection.benchmark);
    }
    positions.extend(&selection.symbols);
    let mut out = Vec::with_capacity(positions.len());
    for (pos, series) in positions.into_iter().filter_map(|pos| Some((pos, table.series_at(pos)?))) {
        let line = match mode {
            LineMode::PercentChange => lines::percent_change(series, from, to),
            LineMode::RatioToBenchmark => lines::ratio_to_benchmark(series, benchmark, from, to),
        };
        match line {
            Some(l) => out.push((pos, l)),
            None => warnings.push(Warning::of(
                "no_base_close",
                Some(&series.symbol),
                Said::new(NOT_DRAWN, &[("symbol", &series.symbol), ("day", &table.date(from).to_string()), ("period", &period.to_string())]),
            )
            .with("period", period.words())),
        }
    }
    PeriodLines { from, to, lines: out, warnings }
}

/// A basket's equal-weight % change line over `from..=to` (see [`lines::basket_line`]).
/// Members without a close on or before `from` are left out, each with a
/// `basket_member_skipped` warning; `None` when none is left.
pub fn basket_line(table: &PriceTable, name: &str, members: &[usize], from: usize, to: usize, warnings: &mut Vec<Warning>) -> Option<Line> {
    let lines: Vec<Line> = members
        .iter()
        .filter_map(|&m| {
            let series = table.series_at(m)?;
            let line = lines::percent_change(series, from, to);
            if line.is_none() {
                warnings.push(Warning::of(
                    "basket_member_skipped",
                    Some(&series.symbol),
                    Said::new(MEMBER_LEFT_OUT, &[("basket", name), ("symbol", &series.symbol), ("day", &table.date(from).to_string())]),
                ));
            }
            line
        })
        .collect();
    lines::basket_line(&lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::input::parse_contract_json;

    #[test]
    fn ytd_lines_start_at_the_previous_year_end_and_skip_late_starters() {
        let t = parse_contract_json(
            r#"{"dates":["2025-12-30","2025-12-31","2026-01-02","2026-01-05"],
                "series":{"SPY":[99,100,101,102],"IWM":[48,40,50,60],"NEW":[null,null,10,11]}}"#,
        )
        .unwrap();
        let sel = Selection { benchmark: 0, symbols: vec![1, 2] };
        let p = period_lines(&t, &sel, Period::YearToDate, 3, LineMode::PercentChange);
        assert_eq!((p.from, p.to), (1, 3));
        assert_eq!(p.lines.len(), 2);
        assert_eq!(p.lines[1].1.values, vec![0.0, 25.0, 50.0]); // base 40 → 50 → 60
        assert_eq!(p.warnings[0].message, "NEW has no close on or before 2025-12-31 (the YTD base), so it is not drawn");
    }

    #[test]
    fn a_basket_line_is_the_mean_of_its_members_without_late_starters() {
        let t = parse_contract_json(
            r#"{"dates":["2026-01-02","2026-01-05"],"series":{"A":[10,12],"B":[20,30],"C":[40,40],"NEW":[null,5]}}"#,
        )
        .unwrap();
        let mut w = Vec::new();
        // small = A (+20 %), B (+50 %) → +35 %; large = C (0 %), NEW (no base, left out) → 0 %.
        let small = basket_line(&t, "small", &[0, 1], 0, 1, &mut w).unwrap();
        let large = basket_line(&t, "large", &[2, 3], 0, 1, &mut w).unwrap();
        assert!((small.values[1] - 35.0).abs() < 1e-12);
        assert_eq!(large.values, vec![0.0, 0.0]);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].message, "basket \"large\": NEW has no close on or before 2026-01-02, so it is left out");
        assert!(basket_line(&t, "new", &[3], 0, 1, &mut w).is_none());
    }

    #[test]
    fn periods_before_the_data_are_clipped_with_a_warning() {
        let t = parse_contract_json(r#"{"dates":["2026-01-02","2026-01-05"],"series":{"SPY":[1,2]}}"#).unwrap();
        let sel = Selection { benchmark: 0, symbols: vec![] };
        let p = period_lines(&t, &sel, Period::Year1, 1, LineMode::PercentChange);
        assert_eq!(p.from, 0);
        assert_eq!(p.warnings[0].code, "period_clipped");
    }
}
