//! CSV closes: a `Date` column and an `Adj Close` (preferred) or `Close` column.
//!
//! - One symbol per file, named by the source (`SPY.csv` → `SPY`), or a `Symbol`/`Ticker`
//!   column holding several symbols in one file (long format).
//! - Dates are `YYYY-MM-DD`, optionally followed by a time (`2026-07-13 00:00:00`), which is
//!   ignored. A file listed newest first is read in reverse, with a warning; any other
//!   disorder is an error naming the line.
//! - Empty, `null`, `NA`, `N/A` and `-` are missing closes (`null` in the contract).
//! - Fields are separated by `,`, `;` or a tab, whichever the header holds most of (in a `;`
//!   file a close may use a decimal comma, `1.000,5`, decided for the whole
//!   column: see `decimals`). Fields may be quoted with `"` (RFC 4180):
//!   a quoted field may hold the separator, a doubled quote and line breaks. Lines end in LF,
//!   CRLF or a lone CR; messages count lines as an editor does.

use super::{group_by_symbol, RawSeries, Tabled};
use crate::analysis::date::Date;
use crate::analysis::error::*;
use crate::analysis::said::Said;
use crate::analysis::prices::{close_problem, Adjustment};

/// The field separator: `,`, `;` or a tab, whichever the header line holds most of outside
/// quotes (spreadsheets in locales that write a decimal comma separate fields with `;`);
/// `,` when it holds none.
fn separator(text: &str) -> char {
    let header = text.split(['\n', '\r']).next().unwrap_or("");
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in header.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            for (sep, n) in counts.iter_mut() {
                if c == *sep {
                    *n += 1;
                }
            }
        }
    }
    // Ties go to the earlier: a comma.
    counts.iter().fold((',', 0), |best, &(sep, n)| if n > best.1 { (sep, n) } else { best }).0
}

/// Splits CSV text into records (RFC 4180): fields separated by `sep`; a quoted field may hold
/// the separator, doubled quotes and line breaks; a record ends at an unquoted LF, CRLF or
/// lone CR. Each record comes with the line it starts on (1-based). Records whose fields are
/// all blank are left out. The second value is the line of a quote still open at the end.
fn records(text: &str, sep: char) -> (Vec<(usize, Vec<String>)>, Option<usize>) {
    let mut out = Vec::new();
    let (mut fields, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut line, mut start, mut opened) = (false, 1usize, 1usize, 1usize);
    let mut chars = text.chars().peekable();
    let mut end_record = |fields: &mut Vec<String>, field: &mut String, start: usize| {
        fields.push(std::mem::take(field));
        let record = std::mem::take(fields);
        if record.iter().any(|f| !f.trim().is_empty()) {
            out.push((start, record));
        }
    };
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => {
                quoted = !quoted;
                opened = line;
            }
            ('\r' | '\n', _) => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                line += 1;
                if quoted {
                    field.push('\n');
                } else {
                    end_record(&mut fields, &mut field, start);
                    start = line;
                }
            }
            (c, false) if c == sep => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    end_record(&mut fields, &mut field, start);
    (out, quoted.then_some(opened))
}

/// Splits one CSV line into fields, comma-separated.
#[cfg(test)]
fn fields(line: &str) -> Vec<String> {
    records(line, ',').0.into_iter().next().map_or_else(|| vec![String::new()], |(_, f)| f)
}

fn find_column(header: &[String], names: &[&str]) -> Option<usize> {
    names.iter().find_map(|n| header.iter().position(|h| h.trim().eq_ignore_ascii_case(n)))
}

/// A column the reader needs, named twice in the header: which one holds the data is a guess,
/// so it is an error (with both column numbers, counted from 1).
fn repeated_column(header: &[String]) -> Option<Said> {
    let wanted = ["date", "timestamp", "time", "day", "adj close", "adj_close", "adjclose", "adjusted close", "adjusted_close", "close", "symbol", "ticker"];
    header.iter().enumerate().find_map(|(i, h)| {
        let name = h.trim();
        if !wanted.iter().any(|w| name.eq_ignore_ascii_case(w)) {
            return None;
        }
        let again = header.iter().skip(i + 1).position(|other| other.trim().eq_ignore_ascii_case(name))?;
        Some(Said::new(CSV_TWICE, &[("name", name), ("first", &(i + 1).to_string()), ("second", &(i + again + 2).to_string())]))
    })
}

/// The symbol a file name stands for: `data/spy.csv?v=2` → `SPY`.
pub fn symbol_from_name(name: &str) -> String {
    let path = name.split(['?', '#']).next().unwrap_or(name);
    let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    stem.trim().to_ascii_uppercase()
}


/// What the dots and commas of a close column mean.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Decimals {
    /// A dot is the decimal point; a comma is no part of a number.
    Point,
    /// A comma is the decimal point and dots separate thousands (`1.000,5`).
    Comma,
    /// Every dotted close could be read either way (`1.234`), and nothing else tells.
    Unknown,
}

/// Whether `digits` (an optional sign, then digits and dots) groups thousands with dots:
/// 1 to 3 digits, then groups of exactly 3 (`1.234`, `12.345.678`).
fn groups_thousands(digits: &str) -> bool {
    let digits = digits.strip_prefix(['-', '+']).unwrap_or(digits);
    let mut groups = digits.split('.');
    let first = groups.next().unwrap_or("");
    let all_digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    digits.contains('.') && (1..=3).contains(&first.len()) && all_digits(first) && groups.all(|g| g.len() == 3 && all_digits(g))
}

/// How a close column writes its numbers, decided once for the whole column. Outside a `;`
/// file a dot is the decimal point. In one, a comma anywhere (or a close such as `1.234.567`)
/// makes the dots thousands separators; else a close such as `10.5` makes them decimal points;
/// else, when some close is dotted (`1.234`), which it is cannot be told.
fn decimals<'a>(sep: char, closes: impl Iterator<Item = &'a str>) -> Decimals {
    if sep != ';' {
        return Decimals::Point;
    }
    let (mut comma, mut point, mut grouped, mut dotted) = (false, false, false, false);
    for c in closes.map(str::trim).filter(|c| c.contains([',', '.'])) {
        if c.contains(',') {
            comma = true;
        } else if !groups_thousands(c) {
            point = true;
        } else {
            dotted = true;
            grouped |= c.matches('.').count() > 1;
        }
    }
    match (comma || grouped, point, dotted) {
        (true, _, _) => Decimals::Comma,
        (false, true, _) | (false, false, false) => Decimals::Point,
        (false, false, true) => Decimals::Unknown,
    }
}

/// A close cell as Rust reads numbers (`1000.5`), given its column's [`Decimals`]; `Err` with
/// why when its dots cannot be read in that column.
fn plain_number(raw: &str, decimals: Decimals, column: &str) -> Result<String, Said> {
    match decimals {
        Decimals::Point => Ok(raw.to_owned()),
        Decimals::Unknown if raw.contains('.') => {
            Err(Said::new(CSV_AMBIGUOUS, &[("raw", raw), ("plain", &raw.replace('.', "")), ("column", column), ("comma", &raw.replace('.', ","))]))
        }
        Decimals::Unknown => Ok(raw.to_owned()),
        Decimals::Comma => {
            let (whole, fraction) = raw.split_once(',').unwrap_or((raw, ""));
            if whole.contains('.') && !groups_thousands(whole) || fraction.contains('.') {
                return Err(Said::new(CSV_COMMA_DOT, &[("column", column)]));
            }
            let whole = whole.replace('.', "");
            Ok(if raw.contains(',') { format!("{whole}.{fraction}") } else { whole })
        }
    }
}

/// Parses CSV text. `source_name` names the file in messages and, without a symbol column,
/// gives the symbol (unless `symbol` overrides it).
///
/// # Example
/// ```
/// use rotascope::analysis::input::csv::parse_csv;
/// let t = parse_csv("Date,Open,Close,Adj Close\n2026-01-02,1,10.5,10\n2026-01-05,1,11,null\n", "iwm.csv", None).unwrap();
/// assert_eq!(t.symbols(), vec!["IWM"]);
/// assert_eq!(t.series[0].closes, vec![Some(10.0), None]); // Adj Close preferred
/// ```
pub fn parse_csv(text: &str, source_name: &str, symbol: Option<&str>) -> Result<crate::analysis::PriceTable, AnalysisError> {
    let not_csv = |detail: Said| AnalysisError::NotCsv { source_name: source_name.to_owned(), detail };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = separator(text);
    let (records, open_quote) = records(text, sep);
    if let Some(line) = open_quote {
        return Err(not_csv(Said::new(CSV_OPEN_QUOTE, &[("line", &line.to_string())])));
    }
    let mut lines = records.into_iter();
    let (_, header) = lines.next().ok_or_else(|| not_csv(Said::plain(CSV_EMPTY)))?;
    if let Some(problem) = repeated_column(&header) {
        return Err(not_csv(problem));
    }
    let date_col = find_column(&header, &["date", "timestamp", "time", "day"])
        .ok_or_else(|| not_csv(Said::new(CSV_NO_DATE, &[("header", &header.join(", "))])))?;
    let (close_col, adjustment) = match find_column(&header, &["adj close", "adj_close", "adjclose", "adjusted close", "adjusted_close"]) {
        Some(c) => (c, Adjustment::TotalReturn),
        None => (
            find_column(&header, &["close"])
                .ok_or_else(|| not_csv(Said::new(CSV_NO_CLOSE, &[("header", &header.join(", "))])))?,
            Adjustment::NotStated,
        ),
    };
    let symbol_col = find_column(&header, &["symbol", "ticker"]);
    let close_column = header.get(close_col).map_or("", |h| h.trim());
    let records: Vec<(usize, Vec<String>)> = lines.collect();
    let decimals = decimals(sep, records.iter().filter_map(|(_, f)| f.get(close_col)).map(String::as_str));
    let default_symbol = symbol.map_or_else(|| symbol_from_name(source_name), str::to_owned);

    let mut rows: Vec<(String, Date, Option<f64>, Said)> = Vec::new();
    for (n, f) in records {
        let line = n.to_string();
        let at = Said::new(CSV_AT, &[("source", source_name), ("line", &line)]);
        if f.len() != header.len() {
            return Err(not_csv(Said::new(CSV_FIELDS, &[("line", &n.to_string()), ("fields", &f.len().to_string()), ("columns", &header.len().to_string())])));
        }
        // Every row has as many fields as the header (checked above), and the columns were
        // found in the header, so these are present; an empty cell stands in regardless.
        let cell = |c: usize| f.get(c).map_or("", |v| v.trim());
        let day_text = cell(date_col);
        let column = header.get(date_col).map_or("", |h| h.trim());
        let day = Date::parse_day(day_text).map_err(|reason| AnalysisError::BadDate { at: Said::new(CSV_AT_COLUMN, &[("source", source_name), ("line", &line), ("column", column)]), value: day_text.to_owned(), reason })?;
        let sym = match symbol_col {
            None => default_symbol.clone(),
            // A row without its symbol belongs to no series (the contract refuses an empty key too).
            Some(c) if cell(c).is_empty() => {
                return Err(not_csv(Said::new(CSV_NO_SYMBOL, &[("line", &n.to_string()), ("column", header.get(c).map_or("", |h| h.trim()))])));
            }
            Some(c) => cell(c).to_ascii_uppercase(),
        };
        let raw = cell(close_col);
        let close = match raw.to_ascii_lowercase().as_str() {
            "" | "null" | "na" | "n/a" | "-" => None,
            _ => {
                // With `;` between fields a decimal comma may be the locale's: 1.000,5 is 1000.5.
                let number = plain_number(raw, decimals, close_column).map_err(|reason| AnalysisError::UnreadableClose {
                    symbol: sym.clone(),
                    at: Box::new(at.clone()),
                    column: close_column.to_owned(),
                    date: day,
                    value: raw.to_owned(),
                    reason: Box::new(reason),
                })?;
                let value: f64 = number.parse().map_err(|_| AnalysisError::BadClose {
                    symbol: sym.clone(),
                    at: Box::new(at.clone()),
                    date: day,
                    value: raw.to_owned(),
                    reason: CLOSE_NOT_NUMBER,
                })?;
                if let Some(reason) = close_problem(value) {
                    return Err(AnalysisError::BadClose { symbol: sym, at: Box::new(at), date: day, value: raw.to_owned(), reason });
                }
                Some(value)
            }
        };
        rows.push((sym, day, close, at));
    }
    if rows.is_empty() {
        return Err(not_csv(Said::plain(CSV_NO_ROWS)));
    }

    let mut warnings = Vec::new();
    let mut raws = Vec::new();
    for (sym, mut points) in group_by_symbol(rows) {
        if points.len() > 1 && points.windows(2).all(|w| matches!(w, [a, b] if b.0 < a.0)) {
            points.reverse();
            warnings.push(Warning::of(
                "reversed",
                Some(&sym),
                Said::new(REVERSED, &[("source", source_name), ("symbol", &sym)]),
            ));
        }
        raws.push(RawSeries::from_points(sym, points)?);
    }
    Tabled { series: raws, adjustment, source: None, warnings }.into_table()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::date::DateParseError;

    fn err(text: &str) -> String {
        parse_csv(text, "IWM.csv", None).unwrap_err().to_string()
    }

    #[test]
    fn a_date_written_with_en_dashes_is_named_with_its_file_line_and_cell_and_nothing_panics() {
        assert_eq!(
            err("Date,Close\n2026-01-02,10\n2026–01–05,11\n"),
            "IWM.csv line 3, column Date = \"2026–01–05\" is written with \"–\" (U+2013) where an ISO date (YYYY-MM-DD) has a hyphen"
        );
        assert_eq!(Date::parse_day("2026−01−05 00:00"), Err(DateParseError::Dash('−')));
        // A dash that makes no date once replaced is just not a date.
        assert_eq!(Date::parse_day("2026–13–05"), Err(DateParseError::NoSuchDay));
        // Multi-byte characters anywhere in the first ten bytes (the tenth byte inside one).
        for cell in ["2026-01-0é", "2026-01-é1", "é2026-01-01", "2026年01月02日", "😀😀😀", "2026-01-01é"] {
            assert_eq!(Date::parse_day(cell), Err(DateParseError::Format), "{cell}");
        }
        // Invisible characters are named: a reader cannot see them in the message.
        assert_eq!(Date::parse_day("2026-01-02\u{200B}"), Err(DateParseError::Invisible('\u{200B}')));
        assert_eq!(Date::parse_day("\u{FEFF}2026-01-02"), Err(DateParseError::Invisible('\u{FEFF}')));
        assert_eq!(err("Date,Close\n2026-01-\u{a0}02,1\n"), "IWM.csv line 2, column Date = \"2026-01-\u{a0}02\" is a date but for an invisible no-break space (U+00A0) in it");
        assert_eq!(Date::parse_day(" 2026-01-02T10:00 "), Ok(Date::parse_iso("2026-01-02").unwrap()));
        assert!(err("Date,Close\n2026-01-0é,10\n").starts_with("IWM.csv line 2, column Date = \"2026-01-0é\" is not an ISO date"));
    }

    #[test]
    fn semicolon_and_tab_files_are_read_and_a_semicolon_file_may_write_decimal_commas() {
        let closes = |text: &str| parse_csv(text, "IWM.csv", None).unwrap().series[0].closes.clone();
        assert_eq!(closes("Date;Close\n2026-01-02;10,5\n2026-01-05;11\n"), vec![Some(10.5), Some(11.0)]);
        assert_eq!(closes("Date\tClose\n2026-01-02\t10.5\n2026-01-05\t11\n"), vec![Some(10.5), Some(11.0)]);
        // A comma file keeps commas as separators: "10,5" there is two fields.
        assert_eq!(err("Date,Close\n2026-01-02,10,5\n"), "IWM.csv: line 2 has 3 fields but the header has 2");
    }

    #[test]
    fn a_semicolon_column_with_decimal_commas_reads_its_dots_as_thousands_and_a_doubtful_dot_is_an_error() {
        let closes = |text: &str| parse_csv(text, "IWM.csv", None).unwrap().series[0].closes.clone();
        // A comma anywhere in the column: every dot there separates thousands.
        assert_eq!(closes("Date;Close\n2026-01-02;1.000,5\n2026-01-05;1.000\n2026-01-06;12.345.678\n2026-01-07;999\n"), vec![Some(1000.5), Some(1000.0), Some(12_345_678.0), Some(999.0)]);
        // Decided per file column, across symbols; missing closes say nothing.
        let t = parse_csv("Date;Symbol;Close\n2026-01-02;SPY;1.234\n2026-01-02;IWM;2,5\n2026-01-05;SPY;NA\n", "all.csv", None).unwrap();
        assert_eq!((t.series[0].closes.clone(), t.series[1].closes.clone()), (vec![Some(1234.0), None], vec![Some(2.5), None]));
        // No comma, a close that can only be decimal: dots are decimal points.
        assert_eq!(closes("Date;Close\n2026-01-02;1.234\n2026-01-05;10.5\n"), vec![Some(1.234), Some(10.5)]);
        // Two dots can only be thousands, so the column's `1.234` is 1234.
        assert_eq!(closes("Date;Close\n2026-01-02;1.234\n2026-01-05;1.234.567\n"), vec![Some(1234.0), Some(1_234_567.0)]);
        // Outside `;` files nothing changes.
        assert_eq!(closes("Date\tClose\n2026-01-02\t1.234\n"), vec![Some(1.234)]);
        // Nothing tells: the first dotted close is named with its symbol, line, column and value.
        assert_eq!(
            err("Date;Close\n2026-01-02;7\n2026-01-05;1.234\n2026-01-06;2.500\n"),
            "IWM on 2026-01-05 (IWM.csv line 3, column Close): close 1.234 could be 1.234 or 1234: nothing in the Close column shows whether its dots are decimal points or separate thousands; write a decimal comma (1,234) or no thousands dot (1234)"
        );
        // A dot that cannot separate thousands in a decimal-comma column.
        assert_eq!(
            err("Date;Adj Close\n2026-01-02;1,5\n2026-01-05;1.5\n"),
            "IWM on 2026-01-05 (IWM.csv line 3, column Adj Close): close 1.5 cannot be read: the Adj Close column writes decimal commas, where a dot can only separate thousands (1.000,5)"
        );
        assert_eq!(err("Date;Close\n2026-01-02;1,5\n2026-01-05;10.00,5\n").split(':').nth(1), Some(" close 10.00,5 cannot be read"));
        assert_eq!(err("Date;Close\n2026-01-02;1,5,0\n"), "IWM on 2026-01-02 (IWM.csv line 2): close 1,5,0 is not a number; closes must be positive numbers or null");
    }

    #[test]
    fn quoted_fields_may_hold_line_breaks_and_lines_are_counted_across_them_in_any_line_ending() {
        for eol in ["\n", "\r\n", "\r"] {
            let text = format!("Symbol,Name,Date,Close{eol}IWM,\"Russell 2000{eol}small caps\",2026-01-02,10{eol}IWM,\"a \"\"quoted\"\" name\",2026-01-05,x{eol}");
            // The bad close is on the record that starts on line 4 (the quoted break is line 3).
            assert_eq!(err(&text), "IWM on 2026-01-05 (IWM.csv line 4): close x is not a number; closes must be positive numbers or null", "{eol:?}");
        }
        let t = parse_csv("\u{feff}Date,Close\r\n2026-01-02,10\r\n\r\n2026-01-05,11\r\n", "IWM.csv", None).unwrap();
        assert_eq!(t.series[0].closes, vec![Some(10.0), Some(11.0)]);
    }

    #[test]
    fn an_unclosed_quote_names_its_line_and_long_cells_are_quoted_short() {
        assert_eq!(err("Date,Close\n2026-01-02,1\n\"2026-01-05,2\n2026-01-06,3\n"), "IWM.csv: line 3 opens a quoted field that is never closed");
        let long = format!("{}x", "9".repeat(5000));
        assert_eq!(
            err(&format!("Date,Close\n2026-01-02,{long}\n")),
            format!("IWM on 2026-01-02 (IWM.csv line 2): close {}… (5001 characters) is not a number; closes must be positive numbers or null", "9".repeat(40))
        );
        // Dates: a year no price history has, and look-alike dashes in the contract too.
        assert_eq!(err("Date,Close\n0206-01-02,1\n"), "IWM.csv line 2, column Date = \"0206-01-02\" is outside the years 1800 to 9999 that price data can cover");
        assert_eq!(Date::parse_iso("2026‐01‐05"), Err(DateParseError::Dash('‐')));
        assert_eq!(err("Date,Close,Open,close\n2026-01-02,1,1,2\n"), "IWM.csv: the header names `Close` twice (columns 2 and 4): keep the one that holds the data");
        assert_eq!(Date::parse_iso("2026–13–05"), Err(DateParseError::Format));
        assert_eq!(crate::analysis::error::number_text(-1e-300), "-1e-300");
        assert_eq!(crate::analysis::error::number_text(-4.0), "-4");
        assert_eq!(crate::analysis::error::number_text(2.5e15), "2.5e15");
    }

    #[test]
    fn fields_handle_quotes() {
        assert_eq!(fields(r#"a,"b,c","d ""q""",,e"#), vec!["a", "b,c", "d \"q\"", "", "e"]);
    }

    #[test]
    fn symbol_names_come_from_file_names() {
        assert_eq!(symbol_from_name("https://x.org/data/spy.csv?v=3"), "SPY");
        assert_eq!(symbol_from_name("IWM"), "IWM");
        assert_eq!(symbol_from_name(r"C:\data\xlk.csv"), "XLK");
    }

    #[test]
    fn reads_close_when_there_is_no_adjusted_column_and_times_after_dates() {
        let t = parse_csv("date,close\n2026-01-02 00:00:00,5\n2026-01-05T00:00:00Z,6\n", "x/spy.csv", None).unwrap();
        assert_eq!(t.symbols(), vec!["SPY"]);
        assert_eq!(t.adjustment, Adjustment::NotStated);
        assert_eq!(t.series[0].closes, vec![Some(5.0), Some(6.0)]);
    }

    #[test]
    fn newest_first_files_are_reversed_with_a_warning() {
        let t = parse_csv("Date,Close\n2026-01-06,3\n2026-01-05,2\n2026-01-02,1\n", "IWM.csv", None).unwrap();
        assert_eq!(t.dates[0].to_string(), "2026-01-02");
        assert_eq!(t.series[0].closes, vec![Some(1.0), Some(2.0), Some(3.0)]);
        assert_eq!(t.warnings[0].message, "IWM.csv lists IWM newest first; it was read oldest first");
    }

    #[test]
    fn long_format_with_a_symbol_column_makes_one_series_per_symbol_on_a_union_calendar() {
        let t = parse_csv(
            "Date,Symbol,Close\n2026-01-02,SPY,100\n2026-01-02,iwm,50\n2026-01-05,SPY,101\n2026-01-06,IWM,52\n2026-01-06,SPY,102\n",
            "all.csv",
            None,
        )
        .unwrap();
        assert_eq!(t.symbols(), vec!["SPY", "IWM"]);
        assert_eq!(t.dates.len(), 3);
        assert_eq!(t.series[1].closes, vec![Some(50.0), None, Some(52.0)]);
    }

    #[test]
    fn an_empty_symbol_cell_is_an_error_naming_its_line_and_column() {
        assert_eq!(
            err("Date,Symbol,Close\n2026-01-02,SPY,100\n2026-01-02,,50\n"),
            "IWM.csv: line 3, column Symbol is empty: give each row its symbol"
        );
        // Blank is empty; the header's own spelling names the column; quoted line breaks count.
        assert_eq!(
            err("\"Na\nme\",Date,ticker,Close\nx,2026-01-02,  ,1\n"),
            "IWM.csv: line 3, column ticker is empty: give each row its symbol"
        );
    }

    #[test]
    fn malformed_csv_names_file_line_and_column() {
        let cases = [
            ("", "IWM.csv: the file is empty"),
            ("Day,Price\n2026-01-02,1\n", "IWM.csv: no `Adj Close` or `Close` column (the header is: Day, Price)"),
            ("When,Close\n2026-01-02,1\n", "IWM.csv: no `Date` column (the header is: When, Close)"),
            ("Date,Close\n", "IWM.csv: the file has a header but no rows"),
            ("Date,Close\n2026-01-02,1,7\n", "IWM.csv: line 2 has 3 fields but the header has 2"),
            ("Date,Close\n01/02/2026,1\n", "IWM.csv line 2, column Date = \"01/02/2026\" is not an ISO date (YYYY-MM-DD)"),
            ("Date,Close\n2026-01-02,abc\n", "IWM on 2026-01-02 (IWM.csv line 2): close abc is not a number; closes must be positive numbers or null"),
            ("Date,Close\n2026-01-02,-1\n", "IWM on 2026-01-02 (IWM.csv line 2): close -1 is negative; closes must be positive numbers or null"),
            ("Date,Close\n2026-01-02,NaN\n", "IWM on 2026-01-02 (IWM.csv line 2): close NaN is not a finite number; closes must be positive numbers or null"),
            ("Date,Close\n2026-01-02,1\n2026-01-06,2\n2026-01-05,3\n", "IWM.csv line 4 = 2026-01-05 comes before the previous date 2026-01-06: dates must be strictly increasing"),
            ("Date,Close\n2026-01-02,1\n2026-01-02,2\n", "IWM.csv line 3 = 2026-01-02 repeats the previous date 2026-01-02: dates must be strictly increasing"),
        ];
        for (input, expected) in cases {
            assert_eq!(err(input), expected, "input: {input:?}");
        }
    }
}
