//! Calendar days without time zones.
//!
//! Closes are daily observations, so every date in Rotascope is a civil day of the proleptic
//! Gregorian calendar. Stored as a day count from 1970-01-01, which makes ordering, differences
//! and weekday arithmetic plain integer operations.

use std::fmt;
use super::said::{Message, Said};

// A date the core cannot use, and why.
pub const DATE_FORMAT: Message = ("date.format", "not an ISO date (YYYY-MM-DD)");
pub const DATE_NO_SUCH_DAY: Message = ("date.noSuchDay", "no such day in the calendar");
pub const DATE_DASH: Message = ("date.dash", "written with \"{dash}\" (U+{code}) where an ISO date (YYYY-MM-DD) has a hyphen");
pub const DATE_INVISIBLE: Message = ("date.invisible", "a date but for an invisible {name} (U+{code}) in it");
pub const DATE_INVISIBLE_UNNAMED: Message = ("date.invisible.unnamed", "a date but for an invisible character (U+{code}) in it");
pub const DATE_OUT_OF_RANGE: Message = ("date.outOfRange", "outside the years {first} to {last} that price data can cover");

/// A civil calendar day, e.g. 2026-07-13.
///
/// # Example
/// ```
/// use rotascope::analysis::Date;
/// let d = Date::parse_iso("2024-03-31").unwrap();
/// // 2024-03-31 minus one month clamps to the last day of February (a leap year).
/// assert_eq!(d.add_months_clamped(-1).to_string(), "2024-02-29");
/// assert_eq!(d.weekday(), 6); // Sunday (Monday = 0)
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

/// Why a text is not an ISO date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateParseError {
    /// Not of the form `YYYY-MM-DD`.
    Format,
    /// Well-formed but not a real day (e.g. 2026-02-30).
    NoSuchDay,
    /// An ISO date but for this dash in place of the hyphens (word processors and
    /// spreadsheets turn `2026-01-02` into `2026–01–02`).
    Dash(char),
    /// A real day, but outside the years any price data covers.
    OutOfRange,
    /// An ISO date but for this character that does not show (or shows as a space).
    Invisible(char),
}

/// The name of a character that does not show (or shows as a space) but stops a text being a
/// date: a reader cannot see it in the message, so the message names it (as a message: the
/// reader's language names it too).
pub fn invisible_name(c: char) -> Option<Message> {
    Some(match c {
        '\u{a0}' => CHAR_NO_BREAK_SPACE,
        '\u{ad}' => CHAR_SOFT_HYPHEN,
        '\u{200b}' => CHAR_ZERO_WIDTH_SPACE,
        '\u{200c}' => CHAR_ZERO_WIDTH_NON_JOINER,
        '\u{200d}' => CHAR_ZERO_WIDTH_JOINER,
        '\u{200e}' => CHAR_LEFT_TO_RIGHT_MARK,
        '\u{200f}' => CHAR_RIGHT_TO_LEFT_MARK,
        '\u{202a}'..='\u{202e}' => CHAR_DIRECTION_CONTROL,
        '\u{2060}' => CHAR_WORD_JOINER,
        '\u{feff}' => CHAR_BYTE_ORDER_MARK,
        _ => return None,
    })
}

pub const CHAR_NO_BREAK_SPACE: Message = ("date.char.noBreakSpace", "no-break space");
pub const CHAR_SOFT_HYPHEN: Message = ("date.char.softHyphen", "soft hyphen");
pub const CHAR_ZERO_WIDTH_SPACE: Message = ("date.char.zeroWidthSpace", "zero-width space");
pub const CHAR_ZERO_WIDTH_NON_JOINER: Message = ("date.char.zeroWidthNonJoiner", "zero-width non-joiner");
pub const CHAR_ZERO_WIDTH_JOINER: Message = ("date.char.zeroWidthJoiner", "zero-width joiner");
pub const CHAR_LEFT_TO_RIGHT_MARK: Message = ("date.char.leftToRightMark", "left-to-right mark");
pub const CHAR_RIGHT_TO_LEFT_MARK: Message = ("date.char.rightToLeftMark", "right-to-left mark");
pub const CHAR_DIRECTION_CONTROL: Message = ("date.char.directionControl", "direction control");
pub const CHAR_WORD_JOINER: Message = ("date.char.wordJoiner", "word joiner");
pub const CHAR_BYTE_ORDER_MARK: Message = ("date.char.byteOrderMark", "byte-order mark");
/// The invisible characters' names, for the English table.
pub const CHAR_NAMES: [Message; 10] = [CHAR_NO_BREAK_SPACE, CHAR_SOFT_HYPHEN, CHAR_ZERO_WIDTH_SPACE, CHAR_ZERO_WIDTH_NON_JOINER, CHAR_ZERO_WIDTH_JOINER, CHAR_LEFT_TO_RIGHT_MARK, CHAR_RIGHT_TO_LEFT_MARK, CHAR_DIRECTION_CONTROL, CHAR_WORD_JOINER, CHAR_BYTE_ORDER_MARK];

/// The first and last years a price date may have: a typo (`0206`, `20026` cut to four
/// digits) should not pass as history.
pub const YEARS: (i32, i32) = (1800, 9999);

/// Dashes that look like the hyphen of an ISO date.
fn is_look_alike_dash(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}')
}

/// For a text holding look-alike dashes or invisible characters: the text with hyphens for
/// the dashes and without the invisible characters, and what to report if that reads as a
/// date (a dash first). `None` for a text with neither.
pub fn without_look_alikes(text: &str) -> Option<(String, DateParseError)> {
    let reason = match text.chars().find(|&c| is_look_alike_dash(c)) {
        Some(dash) => DateParseError::Dash(dash),
        None => DateParseError::Invisible(text.chars().find(|&c| invisible_name(c).is_some())?),
    };
    let cleaned = text.chars().filter(|&c| invisible_name(c).is_none()).map(|c| if is_look_alike_dash(c) { '-' } else { c }).collect();
    Some((cleaned, reason))
}

impl DateParseError {
    /// Why the text is not a date, as a message. The invisible characters are named (in
    /// English as Unicode names them, lower case), with their code.
    pub fn said(&self) -> Said {
        match self {
            DateParseError::Format => Said::plain(DATE_FORMAT),
            DateParseError::NoSuchDay => Said::plain(DATE_NO_SUCH_DAY),
            DateParseError::Dash(c) => Said::new(DATE_DASH, &[("dash", &c.to_string()), ("code", &format!("{:04X}", u32::from(*c)))]),
            DateParseError::Invisible(c) => {
                let code = format!("{:04X}", u32::from(*c));
                match invisible_name(*c) {
                    Some(name) => Said::new(DATE_INVISIBLE, &[("code", &code)]).nest("name", Said::plain(name)),
                    None => Said::new(DATE_INVISIBLE_UNNAMED, &[("code", &code)]),
                }
            }
            DateParseError::OutOfRange => Said::new(DATE_OUT_OF_RANGE, &[("first", &YEARS.0.to_string()), ("last", &YEARS.1.to_string())]),
        }
    }
}

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said().english())
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1-12) of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The day `year-month-day`, or `None` if it does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Days from civil (H. Hinnant): count from a March-based year so February is last.
        let y = if month <= 2 { year - 1 } else { year };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date(era * 146_097 + doe - 719_468))
    }

    /// Days since 1970-01-01 (negative before).
    pub fn from_days(days: i32) -> Date {
        Date(days)
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i32 {
        self.0
    }

    /// The calendar day containing a Unix timestamp shifted by `utc_offset_seconds`
    /// (the exchange's offset from UTC, so a US open at 09:30 ET stays on its own day).
    pub fn from_unix_seconds(seconds: i64, utc_offset_seconds: i64) -> Date {
        Date((seconds + utc_offset_seconds).div_euclid(86_400) as i32)
    }

    /// (year, month 1-12, day 1-31).
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// Strict `YYYY-MM-DD` (the only form the price contract accepts).
    pub fn parse_iso(text: &str) -> Result<Date, DateParseError> {
        match Date::parse_iso_strict(text) {
            Err(DateParseError::Format) => {
                // Say so when only look-alike dashes stand between the text and a date.
                // Say so when only look-alike dashes or invisible characters stand between the
                // text and a date.
                match without_look_alikes(text) {
                    Some((cleaned, reason)) if Date::parse_iso_strict(&cleaned).is_ok() => Err(reason),
                    _ => Err(DateParseError::Format),
                }
            }
            other => other,
        }
    }

    /// A `YYYY-MM-DD` text, optionally followed by a time of day (` 00:00:00`,
    /// `T09:30:00Z`), which is ignored: the day as written. Never slices inside a character:
    /// a text whose tenth byte falls in a multi-byte character is simply not a date.
    pub fn parse_day(text: &str) -> Result<Date, DateParseError> {
        let t = text.trim();
        // Checked on the whole text (a time may follow the date), before the byte-10 split.
        if let Some((cleaned, reason)) = without_look_alikes(t) {
            return Err(Date::parse_day(&cleaned).err().unwrap_or(reason));
        }
        let (day, rest) = match (t.get(..10), t.get(10..)) {
            (Some(day), Some(rest)) => (day, rest),
            _ if t.len() < 10 => (t, ""),
            _ => return Err(DateParseError::Format),
        };
        if !(rest.is_empty() || rest.starts_with(' ') || rest.starts_with('T')) {
            return Err(DateParseError::Format);
        }
        Date::parse_iso(day)
    }

    fn parse_iso_strict(text: &str) -> Result<Date, DateParseError> {
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            b.get(r)?.iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return Err(DateParseError::Format);
        }
        let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
            return Err(DateParseError::Format);
        };
        let day = Date::from_ymd(y as i32, m, d).ok_or(DateParseError::NoSuchDay)?;
        if !(YEARS.0..=YEARS.1).contains(&(y as i32)) {
            return Err(DateParseError::OutOfRange);
        }
        Ok(day)
    }

    /// 0 = Monday ... 6 = Sunday (ISO order).
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (ISO index 3).
        (self.0 + 3).rem_euclid(7) as u32
    }

    /// The Monday that starts this day's ISO week: a key shared by every day of that week.
    pub fn week_start(self) -> Date {
        Date(self.0 - self.weekday() as i32)
    }

    pub fn add_days(self, days: i32) -> Date {
        Date(self.0 + days)
    }

    /// Calendar-month arithmetic that clamps to the end of the target month:
    /// 2026-03-31 minus 1 month is 2026-02-28; 2024-02-29 minus 12 months is 2023-02-28.
    pub fn add_months_clamped(self, months: i32) -> Date {
        let (y, m, d) = self.ymd();
        let index = y * 12 + (m as i32 - 1) + months;
        let (ty, tm) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        let td = d.min(days_in_month(ty, tm));
        // The day is clamped into the month, so it always exists; the fallback is unreachable.
        Date::from_ymd(ty, tm, td).unwrap_or(self)
    }

    /// The last day of the previous calendar year (the YTD base date).
    pub fn end_of_previous_year(self) -> Date {
        // Every year has a 31 December; the fallback is unreachable.
        Date::from_ymd(self.year() - 1, 12, 31).unwrap_or(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl serde::Serialize for Date {
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
    fn epoch_and_known_days() {
        assert_eq!(d("1970-01-01").days(), 0);
        assert_eq!(d("1970-01-02").days(), 1);
        assert_eq!(d("1969-12-31").days(), -1);
        // 2000-03-01 is 11017 days after the epoch (30 years incl. 7 leap days + Jan/Feb 2000).
        assert_eq!(d("2000-03-01").days(), 11_017);
    }

    #[test]
    fn round_trips_every_day_of_four_centuries() {
        let start = d("1900-01-01").days();
        for n in start..start + 146_097 {
            let day = Date::from_days(n);
            let (y, m, dd) = day.ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Some(day));
            assert_eq!(Date::parse_iso(&day.to_string()), Ok(day));
        }
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in ["2026-1-05", "2026/01/05", "20260105", "2026-01-05T00:00", "", "abcd-ef-gh"] {
            assert_eq!(Date::parse_iso(bad), Err(DateParseError::Format), "{bad}");
        }
        for bad in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "1900-02-29"] {
            assert_eq!(Date::parse_iso(bad), Err(DateParseError::NoSuchDay), "{bad}");
        }
        assert!(Date::parse_iso("2000-02-29").is_ok());
    }

    #[test]
    fn weekdays_and_week_starts() {
        assert_eq!(d("2026-07-13").weekday(), 0); // Monday
        assert_eq!(d("2026-07-17").weekday(), 4); // Friday
        assert_eq!(d("2026-07-19").weekday(), 6); // Sunday
        assert_eq!(d("2026-07-19").week_start(), d("2026-07-13"));
        // ISO week 1 of 2026 starts Monday 2025-12-29: the year boundary does not split it.
        assert_eq!(d("2026-01-02").week_start(), d("2025-12-29"));
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        assert_eq!(d("2026-03-31").add_months_clamped(-1), d("2026-02-28"));
        assert_eq!(d("2024-03-31").add_months_clamped(-1), d("2024-02-29"));
        assert_eq!(d("2024-02-29").add_months_clamped(-12), d("2023-02-28"));
        assert_eq!(d("2026-07-13").add_months_clamped(-6), d("2026-01-13"));
        assert_eq!(d("2026-01-15").add_months_clamped(-3), d("2025-10-15"));
        assert_eq!(d("2026-05-31").add_months_clamped(-36), d("2023-05-31"));
        assert_eq!(d("2026-12-31").add_months_clamped(-10), d("2026-02-28"));
    }

    #[test]
    fn unix_timestamps_use_exchange_offset() {
        // 2026-07-13 13:30 UTC (09:30 New York, UTC-4).
        let open = 1_783_949_400;
        assert_eq!(Date::from_unix_seconds(open, -14_400), d("2026-07-13"));
        // 23:00 New York is already the next UTC day; the offset keeps it on the 13th.
        assert_eq!(Date::from_unix_seconds(open + 13 * 3600 + 1800, -14_400), d("2026-07-13"));
    }

    #[test]
    fn end_of_previous_year() {
        assert_eq!(d("2026-02-20").end_of_previous_year(), d("2025-12-31"));
        assert_eq!(d("2026-01-01").end_of_previous_year(), d("2025-12-31"));
    }
}
