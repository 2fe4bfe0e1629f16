//! Return periods and their start days.
//!
//! # Formula
//!
//! For an as-of day `D`:
//!
//! | period | start day `S` |
//! |---|---|
//! | `1W` | `D − 7 days` |
//! | `1M`, `3M`, `6M` | `D − 1, 3, 6 months`, clamped to the month's last day |
//! | `YTD` | 31 December of the year before `D` |
//! | `1Y`, `3Y` | `D − 12, 36 months`, clamped (2024-02-29 − 1Y = 2023-02-28) |
//! | custom | the given day |
//!
//! The base close is the last close on or before `S`; the end close is the last close on or
//! before `D` (see [`super::returns`]).

use super::date::Date;
use super::error::{AnalysisError, PERIOD_AFTER_AS_OF, PERIOD_CODES, PERIOD_SINCE, RETURN_OF, RETURN_SINCE};

/// The named periods' names: the code in English, the reader's words in other languages
/// (`period.1W`, …; the period buttons, captions and warnings use them).
pub const PERIOD_1W: Message = ("period.1W", "1W");
pub const PERIOD_1M: Message = ("period.1M", "1M");
pub const PERIOD_3M: Message = ("period.3M", "3M");
pub const PERIOD_6M: Message = ("period.6M", "6M");
pub const PERIOD_YTD: Message = ("period.YTD", "YTD");
pub const PERIOD_1Y: Message = ("period.1Y", "1Y");
pub const PERIOD_3Y: Message = ("period.3Y", "3Y");
/// The named periods' names, for the English table.
pub const PERIOD_NAMES: [Message; 7] = [PERIOD_1W, PERIOD_1M, PERIOD_3M, PERIOD_6M, PERIOD_YTD, PERIOD_1Y, PERIOD_3Y];
use super::said::{Message, Said};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Week1,
    Month1,
    Month3,
    Month6,
    YearToDate,
    Year1,
    Year3,
    /// From a chosen day.
    Since(Date),
}

impl Period {
    /// The named periods, shortest first (the order of the period buttons).
    pub const NAMED: [Period; 7] =
        [Period::Week1, Period::Month1, Period::Month3, Period::Month6, Period::YearToDate, Period::Year1, Period::Year3];

    /// Parses `1W`, `1M`, `3M`, `6M`, `YTD`, `1Y`, `3Y` (any case) or an ISO day for a
    /// custom start.
    ///
    /// # Example
    /// ```
    /// use rotascope::analysis::period::Period;
    /// assert_eq!(Period::parse("ytd").unwrap(), Period::YearToDate);
    /// assert_eq!(Period::parse("2026-01-15").unwrap().label(), "since 2026-01-15");
    /// assert!(Period::parse("2W").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Period, AnalysisError> {
        let t = text.trim();
        Ok(match t.to_ascii_uppercase().as_str() {
            "1W" => Period::Week1,
            "1M" => Period::Month1,
            "3M" => Period::Month3,
            "6M" => Period::Month6,
            "YTD" => Period::YearToDate,
            "1Y" | "12M" => Period::Year1,
            "3Y" | "36M" => Period::Year3,
            _ => match Date::parse_iso(t) {
                Ok(day) => Period::Since(day),
                Err(_) => {
                    return Err(AnalysisError::bad_option(
                        "period",
                        format!("\"{text}\""),
                        Said::plain(PERIOD_CODES),
                    ))
                }
            },
        })
    }

    /// The period's start day for as-of day `as_of`.
    pub fn start(self, as_of: Date) -> Date {
        match self {
            Period::Week1 => as_of.add_days(-7),
            Period::Month1 => as_of.add_months_clamped(-1),
            Period::Month3 => as_of.add_months_clamped(-3),
            Period::Month6 => as_of.add_months_clamped(-6),
            Period::YearToDate => as_of.end_of_previous_year(),
            Period::Year1 => as_of.add_months_clamped(-12),
            Period::Year3 => as_of.add_months_clamped(-36),
            Period::Since(day) => day,
        }
    }

    /// The period's start day as of `as_of`, or an error naming the period when it starts
    /// after `as_of`: a custom start is free text (config, a link, the date field, `analyze()`),
    /// and every return and line needs its start on or before its end. A start on the as-of
    /// day itself is a period of one day (a return of 0).
    ///
    /// # Example
    /// ```
    /// use rotascope::analysis::{period::Period, Date};
    /// let as_of = Date::parse_iso("2025-01-15").unwrap();
    /// let late = Period::parse("2025-03-03").unwrap();
    /// assert_eq!(late.checked_start(as_of).unwrap_err().to_string(),
    ///     "option `period` = 2025-03-03: it starts after the as-of day 2025-01-15; choose a start on or before 2025-01-15");
    /// assert_eq!(Period::YearToDate.checked_start(as_of).unwrap().to_string(), "2024-12-31");
    /// ```
    pub fn checked_start(self, as_of: Date) -> Result<Date, AnalysisError> {
        let start = self.start(as_of);
        if start > as_of {
            return Err(AnalysisError::bad_option(
                "period",
                self.code(),
                Said::new(PERIOD_AFTER_AS_OF, &[("asOf", &as_of.to_string())]),
            ));
        }
        Ok(start)
    }

    /// The period as configs, links and the JS API write it: `YTD`, `2026-01-15`.
    pub fn code(self) -> String {
        match self {
            Period::Since(day) => day.to_string(),
            named => named.to_string(),
        }
    }

    /// Years to annualize over, for periods of a year or more: 1 for 1Y, 3 for 3Y; for a
    /// custom start, calendar days from the start to `as_of` divided by 365.25.
    pub fn years(self, as_of: Date) -> Option<f64> {
        match self {
            Period::Year1 => Some(1.0),
            Period::Year3 => Some(3.0),
            Period::Since(day) => {
                let years = f64::from(as_of.days() - day.days()) / 365.25;
                (years >= 1.0).then_some(years)
            }
            _ => None,
        }
    }

    pub fn label(self) -> String {
        self.to_string()
    }

    /// The period as a message: its name in the reader's language ("1W" is "1 S" in French,
    /// "1週間" in Japanese; English writes the code), or a start date ("since 2026-01-05").
    pub fn words(self) -> Option<Said> {
        Some(match self {
            Period::Since(day) => Said::new(PERIOD_SINCE, &[("day", &day.to_string())]),
            Period::Week1 => Said::plain(PERIOD_1W),
            Period::Month1 => Said::plain(PERIOD_1M),
            Period::Month3 => Said::plain(PERIOD_3M),
            Period::Month6 => Said::plain(PERIOD_6M),
            Period::YearToDate => Said::plain(PERIOD_YTD),
            Period::Year1 => Said::plain(PERIOD_1Y),
            Period::Year3 => Said::plain(PERIOD_3Y),
        })
    }

    /// "the 3Y return of SPY", "the return of SPY since 2020-02-19".
    pub fn return_of(self, symbol: &str) -> Said {
        match self {
            Period::Since(day) => Said::new(RETURN_SINCE, &[("symbol", symbol), ("day", &day.to_string())]),
            named => {
                let said = Said::new(RETURN_OF, &[("period", &named.to_string()), ("symbol", symbol)]);
                match named.words() {
                    Some(name) => said.nest("period", name),
                    None => said,
                }
            }
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Week1 => f.write_str("1W"),
            Period::Month1 => f.write_str("1M"),
            Period::Month3 => f.write_str("3M"),
            Period::Month6 => f.write_str("6M"),
            Period::YearToDate => f.write_str("YTD"),
            Period::Year1 => f.write_str("1Y"),
            Period::Year3 => f.write_str("3Y"),
            Period::Since(day) => write!(f, "since {day}"),
        }
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn start_days_follow_the_table_in_the_docs() {
        let as_of = d("2026-07-13");
        let cases = [
            (Period::Week1, "2026-07-06"),
            (Period::Month1, "2026-06-13"),
            (Period::Month3, "2026-04-13"),
            (Period::Month6, "2026-01-13"),
            (Period::YearToDate, "2025-12-31"),
            (Period::Year1, "2025-07-13"),
            (Period::Year3, "2023-07-13"),
            (Period::Since(d("2026-02-04")), "2026-02-04"),
        ];
        for (p, start) in cases {
            assert_eq!(p.start(as_of), d(start), "{p}");
        }
        // Month ends clamp.
        assert_eq!(Period::Month1.start(d("2026-03-31")), d("2026-02-28"));
        assert_eq!(Period::Month6.start(d("2026-08-31")), d("2026-02-28"));
        assert_eq!(Period::Year1.start(d("2024-02-29")), d("2023-02-28"));
    }

    #[test]
    fn parses_labels_round_trip() {
        for p in Period::NAMED {
            assert_eq!(Period::parse(&p.label()).unwrap(), p);
        }
        assert_eq!(Period::parse(" 3m ").unwrap(), Period::Month3);
        assert_eq!(
            Period::parse("2W").unwrap_err().to_string(),
            "option `period` = \"2W\": use 1W, 1M, 3M, 6M, YTD, 1Y, 3Y or a start date YYYY-MM-DD"
        );
    }

    #[test]
    fn annualization_years() {
        let as_of = d("2026-07-13");
        assert_eq!(Period::Year3.years(as_of), Some(3.0));
        assert_eq!(Period::YearToDate.years(as_of), None);
        // 2024-07-13 → 2026-07-13 is 730 days (no Feb 29 in between): 730 / 365.25.
        assert_eq!(Period::Since(d("2024-07-13")).years(as_of), Some(730.0 / 365.25));
        assert_eq!(Period::Since(d("2026-01-01")).years(as_of), None);
    }

    #[test]
    fn a_start_after_the_as_of_day_is_refused_and_the_as_of_day_itself_is_not() {
        let as_of = d("2025-01-15");
        assert_eq!(Period::Since(d("2025-01-15")).checked_start(as_of), Ok(as_of));
        assert!(Period::Since(d("2025-01-16")).checked_start(as_of).is_err());
        // Named periods always start before their as-of day.
        for p in Period::NAMED {
            assert!(p.checked_start(as_of).unwrap() < as_of, "{p}");
        }
        assert_eq!(Period::Since(d("2025-03-03")).code(), "2025-03-03");
        assert_eq!(Period::YearToDate.code(), "YTD");
    }
}
