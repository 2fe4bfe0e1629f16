//! Errors and warnings of the analytics core.
//!
//! Every message names what was wrong and where (symbol, date or index, field), because the
//! widget shows it verbatim to a publisher who has to fix their data.

use super::date::{Date, DateParseError, DATE_DASH, DATE_FORMAT, DATE_INVISIBLE, DATE_INVISIBLE_UNNAMED, DATE_NO_SUCH_DAY, DATE_OUT_OF_RANGE};
use super::said::{fill, Message, Said, Say};
use serde::Serialize;
use std::fmt;

// The errors' sentences; a reason, a role or a shape named inside one is its own message, so
// a translation says every part (the values are data: symbols, dates, paths, the publisher's
// text, serde_json's words).
pub const NOT_JSON: Message = ("data.notJson", "prices are not valid JSON: {detail}");
pub const IN_SOURCE: Message = ("data.inSource", "{source}: {error}");
pub const DUPLICATE_SYMBOL: Message = ("data.duplicateSymbol", "symbol \"{symbol}\" is given more than once; give each symbol in one source only");
pub const WRONG_SHAPE: Message = ("data.wrongShape", "`{path}` should be {expected}, but it is {found}");
pub const LENGTH_MISMATCH: Message = ("data.lengthMismatch", "series \"{symbol}\" has {len} closes but `dates` has {dates}: give one close (or null) per date");
pub const BAD_DATE: Message = ("data.badDate", "{at} = \"{value}\" is {reason}");
pub const DATE_ORDER: Message = ("data.dateOrder", "{at} = {date} {problem} {previous}: dates must be strictly increasing");
pub const DATE_REPEATS: Message = ("data.dateOrder.repeats", "repeats the previous date");
pub const DATE_BEFORE: Message = ("data.dateOrder.before", "comes before the previous date");
pub const BAD_CLOSE: Message = ("data.badClose", "{symbol} on {date} ({at}): close {value} is {reason}; closes must be positive numbers or null");
pub const CLOSE_NOT_NUMBER: Message = ("data.close.notNumber", "not a number");
pub const CLOSE_NOT_FINITE: Message = ("data.close.notFinite", "not a finite number");
pub const CLOSE_ZERO: Message = ("data.close.zero", "zero");
pub const CLOSE_NEGATIVE: Message = ("data.close.negative", "negative");
pub const UNREADABLE_CLOSE: Message = ("data.unreadableClose", "{symbol} on {date} ({at}, column {column}): close {value} {reason}");
pub const TOO_FEW_POINTS: Message = ("data.tooFewPoints", "{what} for {symbol} needs at least {needed} {unit}, but the data has {have}");
pub const NO_BASE_CLOSE: Message = ("data.noBaseClose", "{what} needs a close on or before {day}, but its first close is {first}");
pub const NO_BASE_CLOSE_EVER: Message = ("data.noBaseClose.none", "{what} needs a close on or before {day}, but its first close is missing");
pub const UNKNOWN_SYMBOL: Message = ("data.unknownSymbol", "unknown {role} \"{symbol}\": the prices have {available}");
pub const SYMBOLS: Message = ("data.symbols", "{symbols}");
pub const SYMBOLS_AND_MORE: Message = ("data.symbols.more", "{symbols} and {n} more");
pub const NO_SYMBOLS: Message = ("data.symbols.none", "no symbols");
pub const ROLE_BENCHMARK: Message = ("data.role.benchmark", "benchmark");
pub const ROLE_SYMBOL: Message = ("data.role.symbol", "symbol");
pub const ROLE_BASKET_MEMBER: Message = ("data.role.basketMember", "basket \"{name}\" member");
pub const ROLE_SPREAD_LEG: Message = ("data.role.spreadLeg", "spread leg (basket or symbol)");
pub const NO_DATA: Message = ("data.noData", "no data: {detail}");
pub const BAD_OPTION: Message = ("data.badOption", "option `{field}` = {value}: {reason}");
pub const QUOTED: Message = ("data.quoted", "{start}… ({n} characters)");
// How a JSON value is named in "should be X, but it is Y".
pub const JSON_NULL: Message = ("data.json.null", "null");
pub const JSON_BOOLEAN: Message = ("data.json.boolean", "the boolean {value}");
pub const JSON_NUMBER: Message = ("data.json.number", "the number {value}");
pub const JSON_TEXT: Message = ("data.json.text", "the text \"{text}\"");
pub const JSON_LONG_TEXT: Message = ("data.json.longText", "the text \"{text}…\"");
pub const JSON_ARRAY_ONE: Message = ("data.json.array.one", "an array of {n} items");
pub const JSON_ARRAY: Message = ("data.json.array.other", "an array of {n} items");
pub const JSON_OBJECT: Message = ("data.json.object", "an object");
pub use super::said::AS_GIVEN;
// An error the core worked around, as it was said.
pub const ERROR_AS_WARNING: Message = ("warning.error", "{reason}");
// The shapes the price files' fields should have.
pub const EXPECT_PRESENT: Message = ("data.expect.present", "present");
pub const FOUND_MISSING: Message = ("data.found.missing", "missing");
pub const EXPECT_PRICES: Message = ("data.expect.prices", "an object with `dates` and `series`");
pub const EXPECT_SERIES: Message = ("data.expect.series", "an object mapping each symbol to its closes");
pub const EXPECT_SERIES_KEYS: Message = ("data.expect.seriesKeys", "keyed by non-empty symbols");
pub const FOUND_KEY: Message = ("data.found.key", "a key \"{key}\"");
pub const EXPECT_BOOLEAN: Message = ("data.expect.boolean", "true or false");
pub const EXPECT_TEXT: Message = ("data.expect.text", "a text");
pub const EXPECT_DATES: Message = ("data.expect.dates", "an array of ISO dates");
pub const EXPECT_DATE: Message = ("data.expect.date", "an ISO date text (YYYY-MM-DD)");
pub const EXPECT_CLOSES: Message = ("data.expect.closes", "an array of closes");
pub const EXPECT_CLOSE: Message = ("data.expect.close", "a number or null");
pub const EXPECT_META: Message = ("data.expect.meta", "an object mapping symbols to { name, group }");
pub const EXPECT_META_ENTRY: Message = ("data.expect.metaEntry", "an object with `name` and/or `group`");
pub const EXPECT_INDICATORS: Message = ("data.expect.indicators", "holding adjclose[0].adjclose or quote[0].close");
pub const FOUND_NEITHER: Message = ("data.found.neither", "neither");
pub const EXPECT_RESULTS: Message = ("data.expect.results", "an array of results");
pub const EXPECT_SYMBOL_TEXT: Message = ("data.expect.symbolText", "the symbol's text");
pub const EXPECT_UNIX_TIMES: Message = ("data.expect.unixTimes", "an array of Unix times");
pub const EXPECT_UNIX_TIME: Message = ("data.expect.unixTime", "a Unix time in seconds");
// Why there is nothing to show.
pub const NO_SOURCES: Message = ("data.none.sources", "no price sources were given");
pub const NO_DATES: Message = ("data.none.dates", "`dates` is empty");
pub const NO_SERIES: Message = ("data.none.series", "`series` has no symbols");
pub const ALL_EMPTY: Message = ("data.none.allEmpty", "every series is empty (all null)");
pub const CHART_ERROR: Message = ("data.none.chartError", "the chart response is an error: {detail}");
pub const CHART_ERROR_UNDESCRIBED: Message = ("data.none.chartErrorUndescribed", "the chart response is an error: no description");
pub const CHART_EMPTY: Message = ("data.none.chartEmpty", "`chart.result` is empty");
pub const NO_POSITION: Message = ("data.none.position", "no symbol at table position {symbol} or {benchmark}");
pub const NO_BENCHMARK: Message = ("data.none.benchmark", "no benchmark");
// A CSV file's problems.
pub const CSV_AT: Message = ("data.csv.at", "{source} line {line}");
pub const CSV_AT_COLUMN: Message = ("data.csv.atColumn", "{source} line {line}, column {column}");
pub const CSV_OPEN_QUOTE: Message = ("data.csv.openQuote", "line {line} opens a quoted field that is never closed");
pub const CSV_EMPTY: Message = ("data.csv.empty", "the file is empty");
pub const CSV_TWICE: Message = ("data.csv.twice", "the header names `{name}` twice (columns {first} and {second}): keep the one that holds the data");
pub const CSV_NO_DATE: Message = ("data.csv.noDate", "no `Date` column (the header is: {header})");
pub const CSV_NO_CLOSE: Message = ("data.csv.noClose", "no `Adj Close` or `Close` column (the header is: {header})");
pub const CSV_FIELDS: Message = ("data.csv.fields", "line {line} has {fields} fields but the header has {columns}");
pub const CSV_NO_SYMBOL: Message = ("data.csv.noSymbol", "line {line}, column {column} is empty: give each row its symbol");
pub const CSV_NO_ROWS: Message = ("data.csv.noRows", "the file has a header but no rows");
pub const CSV_AMBIGUOUS: Message = ("data.csv.ambiguous", "could be {raw} or {plain}: nothing in the {column} column shows whether its dots are decimal points or separate thousands; write a decimal comma ({comma}) or no thousands dot ({plain})");
pub const CSV_COMMA_DOT: Message = ("data.csv.commaDot", "cannot be read: the {column} column writes decimal commas, where a dot can only separate thousands (1.000,5)");
// What the core worked around.
pub const IGNORED_FIELD: Message = ("warning.ignoredField", "prices: field `{key}` is not part of the contract (dates, series, meta, adjusted, source) and was ignored");
pub const META_WITHOUT_SERIES: Message = ("warning.metaWithoutSeries", "{path} describes a symbol that has no series; ignored");
pub const META_UNKNOWN_FIELD: Message = ("warning.metaUnknownField", "{path}.{key} is not a known field (name, group); ignored");
pub const MIXED_ADJUSTMENT: Message = ("warning.mixedAdjustment", "the sources differ in whether closes include dividends; returns mix total-return and price closes");
pub const REVERSED: Message = ("warning.reversed", "{source} lists {symbol} newest first; it was read oldest first");
pub const EMPTY_SERIES: Message = ("warning.emptySeries", "{symbol} has no closes at all, so it is left out");
pub const LATE_START: Message = ("warning.lateStart", "{symbol} starts on {start}, after the first date {first}; periods that begin earlier are not available for it");
pub const MISSING_CLOSE: Message = ("warning.missingCloses.one", "{symbol}: 1 close is missing between {from} and {to}; the last close before each gap is carried forward");
pub const MISSING_CLOSES: Message = ("warning.missingCloses.other", "{symbol}: {n} closes are missing between {from} and {to}; the last close before each gap is carried forward");
pub const EARLY_END: Message = ("warning.earlyEnd", "{symbol} has no close after {last} (the data runs to {end}); its later values use that last close");
pub const PERIOD_CLIPPED: Message = ("warning.periodClipped", "{period} starts on {start}, before the data ({first}); the lines start on {first} instead");
pub const NOT_DRAWN: Message = ("warning.notDrawn", "{symbol} has no close on or before {day} (the {period} base), so it is not drawn");
pub const MEMBER_LEFT_OUT: Message = ("warning.memberLeftOut", "basket \"{basket}\": {symbol} has no close on or before {day}, so it is left out");
pub const NO_SYMBOL_AT: Message = ("warning.noSymbolAt", "no symbol at table position {position}");
pub const NO_BASE: Message = ("warning.noBase", "{symbol} has no close on or before {start}, the {period} base (its first close is {first}), so it has no {period} return");
pub const NO_BASE_EVER: Message = ("warning.noBase.never", "{symbol} has no close on or before {start}, the {period} base (its first close is never), so it has no {period} return");
pub const STALE_BASE: Message = ("warning.staleBase", "{symbol}'s {period} base close is from {used}, {days} days before {target}");
pub const STALE_END: Message = ("warning.staleEnd", "{symbol}'s {period} end close is from {used}, {days} days before {target}");
pub const MEMBER_SKIPPED: Message = ("warning.memberSkipped", "basket \"{basket}\": {reason}");
pub const BASKET_EMPTY: Message = ("warning.basketEmpty", "basket \"{basket}\" has no member with a {period} return");
pub const NOT_ON_GRAPH: Message = ("warning.notOnGraph", "{reason}; it is not on the rotation graph");
pub const NO_GRAPH: Message = ("warning.noGraph", "{reason}; no rotation graph");
pub const SPREAD_SKIPPED: Message = ("warning.spreadSkipped", "spread {long} − {short}: a side has no {period} return");
pub const NOT_A_LINK: Message = ("warning.notALink", "note.url \"{url}\" is not an http(s) address, so it is not linked");
pub const NOTE_IGNORED_FIELD: Message = ("warning.noteIgnoredField", "note field `{key}` is not part of the note contract and was ignored");
// A note that cannot be read, and why.
pub const NOTE_NOT_JSON: Message = ("note.notJson", "the note is not valid JSON: {detail}");
pub const NOTE_MISSING: Message = ("note.missing", "`{path}` is missing");
pub const NOTE_KIND: Message = ("note.kind", "`{path}.kind` should be return, excess or spread");
pub const NOTE_SPREAD_SIDES: Message = ("note.spreadSides", "`{path}`: a spread needs symbols on both sides");
pub const NOTE_SPREAD_SAME: Message = ("note.spreadSame", "`{path}`: its long and short sides are the same ({symbols}), so the spread is always 0");
pub const NOTE_NOT_FINITE: Message = ("note.notFinite", "`{path}.value` is not a finite number");
pub const NOTE_UNIT: Message = ("note.unit", "`{path}.unit` is \"{unit}\", but a {kind} claim is stated in {stated}");
pub const NOTE_EXPECT_OBJECT: Message = ("note.expect.object", "an object");
pub const NOTE_EXPECT_SYMBOL: Message = ("note.expect.symbol", "a symbol text");
pub const NOTE_EXPECT_SYMBOLS: Message = ("note.expect.symbols", "symbol texts");
pub const NOTE_EXPECT_LIST: Message = ("note.expect.list", "a list of symbols");
pub const NOTE_EXPECT_NUMBER: Message = ("note.expect.number", "a number");
pub const NOTE_EXPECT_SECTIONS: Message = ("note.expect.sections", "a list of { heading, body }");
pub const NOTE_EXPECT_SECTION: Message = ("note.expect.section", "an object with heading and body");
pub const NOTE_EXPECT_SENTIMENT: Message = ("note.expect.sentiment", "an object with label and score");
pub const NOTE_EXPECT_CLAIMS: Message = ("note.expect.claims", "a list of claims");
// Why a note's claim cannot be checked against the prices.
pub const CLAIM_NO_PRICES: Message = ("claimcheck.noPrices", "no price data is loaded");
pub const CLAIM_AFTER: Message = ("claimcheck.after", "its as-of day {day} is after the price data, which ends on {last}");
pub const CLAIM_BEFORE: Message = ("claimcheck.before", "its as-of day {day} is before the price data, which starts on {first}");
pub const CLAIM_PERIOD: Message = ("claimcheck.period", "its period starts on {start}, after its as-of day {day}");
pub const CLAIM_NOT_IN: Message = ("claimcheck.notIn", "{symbol} is not in the price data");
pub const CLAIM_NO_BENCHMARK: Message = ("claimcheck.noBenchmark", "no benchmark is set");
pub const CLAIM_DATED_AFTER: Message = ("claimcheck.datedAfter", "the note is dated {published}, after the price data, which ends on {last}");
pub const CLAIM_DATED_BEFORE: Message = ("claimcheck.datedBefore", "the note is dated {published}, before the price data, which starts on {first}");
// A note's sentiment that cannot be shown.
pub const SENTIMENT_MISSING: Message = ("note.sentiment.missing", "the sentiment score is missing or not a number");
pub const SENTIMENT_RANGE: Message = ("note.sentiment.range", "the sentiment score {score} is outside −1..1");
// What the closes are, under the charts.
pub const ADJUSTED_TOTAL_RETURN: Message = ("data.adjustment.totalReturn", "total-return closes (dividends reinvested)");
pub const ADJUSTED_PRICE_ONLY: Message = ("data.adjustment.priceOnly", "price closes (dividends not included)");
pub const ADJUSTED_NOT_STATED: Message = ("data.adjustment.notStated", "closes as supplied (adjustment not stated)");
// A period that starts on a date, inside a warning.
pub const PERIOD_SINCE: Message = ("data.period.since", "since {day}");
// The rotation's needs, named in "{what} for {symbol} needs at least …".
pub const MOMENTUM_LOG_TREND: Message = ("data.need.logTrend", "RS-Momentum (log-trend)");
pub const MOMENTUM_ZSCORE: Message = ("data.need.zscore", "RS-Momentum (zscore, window {window})");
pub const WEEKLY_SHARED: Message = ("data.need.weekly", "weekly closes shared with the benchmark");
pub const DAILY_SHARED: Message = ("data.need.daily", "daily closes shared with the benchmark");
pub const RETURN_OF: Message = ("data.returnOf", "the {period} return of {symbol}");
pub const RETURN_SINCE: Message = ("data.returnSince", "the return of {symbol} since {day}");
// Why an option's value is refused, in "option `{field}` = {value}: {reason}" (two share the
// config's keys and are listed with its messages: `config.basket.empty`, `config.rotation.method`).
pub const PERIOD_CODES: Message = ("data.option.period", "use 1W, 1M, 3M, 6M, YTD, 1Y, 3Y or a start date YYYY-MM-DD");
pub const PERIOD_AFTER_AS_OF: Message = ("data.option.periodAfterAsOf", "it starts after the as-of day {asOf}; choose a start on or before {asOf}");
pub const DATA_STARTS: Message = ("data.option.dataStarts", "the data starts on {day}");
pub const BASKET_NEEDS_SYMBOL: Message = ("config.basket.empty", "a basket needs at least one symbol");
pub const WINDOW_TOO_SHORT: Message = ("data.option.window", "the window needs at least 2 samples");
pub const TAIL_TOO_SHORT: Message = ("data.option.tail", "a tail needs at least 1 point");
pub const METHOD_NAMES: Message = ("config.rotation.method", "use log-trend or zscore");
pub const METHOD_RETIRED: Message = ("data.option.methodRetired", "ratio-roc was retired: it measured each symbol in its own units, so distance from 100 did not mean strength; use log-trend (the default) or zscore");
pub const BAND_CUTS: Message = ("data.option.bands", "band cut points must be four increasing numbers within −1..1, got {cuts}");

/// English messages of bad data and of the core's warnings, by key (see [`super::said`]).
pub const MESSAGES: &[Message] = &[NOT_JSON, IN_SOURCE, DUPLICATE_SYMBOL, WRONG_SHAPE, LENGTH_MISMATCH, BAD_DATE, DATE_ORDER, DATE_REPEATS, DATE_BEFORE, BAD_CLOSE, CLOSE_NOT_NUMBER, CLOSE_NOT_FINITE, CLOSE_ZERO, CLOSE_NEGATIVE, UNREADABLE_CLOSE, TOO_FEW_POINTS, NO_BASE_CLOSE, NO_BASE_CLOSE_EVER, UNKNOWN_SYMBOL, SYMBOLS, SYMBOLS_AND_MORE, NO_SYMBOLS, ROLE_BENCHMARK, ROLE_SYMBOL, ROLE_BASKET_MEMBER, ROLE_SPREAD_LEG, NO_DATA, BAD_OPTION, QUOTED, JSON_NULL, JSON_BOOLEAN, JSON_NUMBER, JSON_TEXT, JSON_LONG_TEXT, JSON_ARRAY_ONE, JSON_ARRAY, JSON_OBJECT, AS_GIVEN, ERROR_AS_WARNING, EXPECT_PRESENT, FOUND_MISSING, EXPECT_PRICES, EXPECT_SERIES, EXPECT_SERIES_KEYS, FOUND_KEY, EXPECT_BOOLEAN, EXPECT_TEXT, EXPECT_DATES, EXPECT_DATE, EXPECT_CLOSES, EXPECT_CLOSE, EXPECT_META, EXPECT_META_ENTRY, EXPECT_INDICATORS, FOUND_NEITHER, EXPECT_RESULTS, EXPECT_SYMBOL_TEXT, EXPECT_UNIX_TIMES, EXPECT_UNIX_TIME, NO_SOURCES, NO_DATES, NO_SERIES, ALL_EMPTY, CHART_ERROR, CHART_ERROR_UNDESCRIBED, CHART_EMPTY, NO_POSITION, NO_BENCHMARK, CSV_AT, CSV_AT_COLUMN, CSV_OPEN_QUOTE, CSV_EMPTY, CSV_TWICE, CSV_NO_DATE, CSV_NO_CLOSE, CSV_FIELDS, CSV_NO_SYMBOL, CSV_NO_ROWS, CSV_AMBIGUOUS, CSV_COMMA_DOT, DATE_FORMAT, DATE_NO_SUCH_DAY, DATE_DASH, DATE_INVISIBLE, DATE_INVISIBLE_UNNAMED, DATE_OUT_OF_RANGE, IGNORED_FIELD, META_WITHOUT_SERIES, META_UNKNOWN_FIELD, MIXED_ADJUSTMENT, REVERSED, EMPTY_SERIES, LATE_START, MISSING_CLOSE, MISSING_CLOSES, EARLY_END, PERIOD_CLIPPED, NOT_DRAWN, MEMBER_LEFT_OUT, NO_SYMBOL_AT, NO_BASE, NO_BASE_EVER, STALE_BASE, STALE_END, MEMBER_SKIPPED, BASKET_EMPTY, NOT_ON_GRAPH, NO_GRAPH, SPREAD_SKIPPED, NOT_A_LINK, NOTE_IGNORED_FIELD, MOMENTUM_LOG_TREND, MOMENTUM_ZSCORE, WEEKLY_SHARED, DAILY_SHARED, RETURN_OF, RETURN_SINCE, NOTE_NOT_JSON, NOTE_MISSING, NOTE_KIND, NOTE_SPREAD_SIDES, NOTE_SPREAD_SAME, NOTE_NOT_FINITE, NOTE_UNIT, NOTE_EXPECT_OBJECT, NOTE_EXPECT_SYMBOL, NOTE_EXPECT_SYMBOLS, NOTE_EXPECT_LIST, NOTE_EXPECT_NUMBER, NOTE_EXPECT_SECTIONS, NOTE_EXPECT_SECTION, NOTE_EXPECT_SENTIMENT, NOTE_EXPECT_CLAIMS, CLAIM_NO_PRICES, CLAIM_AFTER, CLAIM_BEFORE, CLAIM_PERIOD, CLAIM_NOT_IN, CLAIM_NO_BENCHMARK, CLAIM_DATED_AFTER, CLAIM_DATED_BEFORE, SENTIMENT_MISSING, SENTIMENT_RANGE, ADJUSTED_TOTAL_RETURN, ADJUSTED_PRICE_ONLY, ADJUSTED_NOT_STATED, PERIOD_SINCE, PERIOD_CODES, PERIOD_AFTER_AS_OF, DATA_STARTS, WINDOW_TOO_SHORT, TAIL_TOO_SHORT, METHOD_RETIRED, BAND_CUTS];

/// Why prices or options were rejected. Its parts that are words (a reason, a role, a shape)
/// are messages, so [`AnalysisError::say`] says the whole sentence in one language. Some
/// parts are boxed to keep the error small, as every `Result` of the core carries it.
#[derive(Debug, Clone, PartialEq)]
pub enum AnalysisError {
    NotJson { detail: String },

    NotCsv { source_name: String, detail: Said },

    InSource { source_name: String, error: Box<AnalysisError> },

    DuplicateSymbol { symbol: String },

    WrongShape { path: String, expected: Message, found: Said },

    LengthMismatch { symbol: String, len: usize, dates_len: usize },

    /// `at`: where, as a path in the data or a line of a file (so for all these).
    BadDate { at: Said, value: String, reason: DateParseError },

    DateOrder { at: Said, date: Date, previous: Date, problem: Message },

    BadClose { symbol: String, at: Box<Said>, date: Date, value: String, reason: Message },

    /// A close whose reading depends on what its dots and commas mean, and the file does not say.
    UnreadableClose { symbol: String, at: Box<Said>, column: String, date: Date, value: String, reason: Box<Said> },

    TooFewPoints { what: Box<Said>, symbol: String, needed: usize, have: usize, unit: Message },

    /// `first`: the day of the first close, `None` when there is none.
    NoBaseClose { what: Said, base_day: Date, first: Option<Date> },

    UnknownSymbol { role: Said, symbol: String, available: Box<Said> },

    NoData { detail: Said },

    BadOption { field: String, value: String, reason: Said },

    /// A problem said by its message alone (a note's, a claim's).
    Stated { said: Said },
}

impl std::error::Error for AnalysisError {}

impl Say for AnalysisError {
    fn say_in(&self, find: &dyn Fn(&str) -> Option<&'static str>) -> String {
        self.say(find)
    }
}

impl Say for Warning {
    fn say_in(&self, find: &dyn Fn(&str) -> Option<&'static str>) -> String {
        self.say(find)
    }
}

impl Say for Reason {
    fn say_in(&self, find: &dyn Fn(&str) -> Option<&'static str>) -> String {
        self.say(find)
    }
}

impl fmt::Display for AnalysisError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(&|_| None))
    }
}

impl AnalysisError {
    /// The error in the language `find` looks keys up in (English where it has none), the
    /// error of a source inside its source's sentence.
    pub fn say(&self, find: &dyn Fn(&str) -> Option<&'static str>) -> String {
        use AnalysisError::*;
        let say = |message: Message, values: &[(&str, &str)]| fill(find(message.0).unwrap_or(message.1), values);
        match self {
            NotJson { detail } => say(NOT_JSON, &[("detail", detail)]),
            NotCsv { source_name, detail } => say(IN_SOURCE, &[("source", source_name), ("error", &detail.say(find))]),
            InSource { source_name, error } => say(IN_SOURCE, &[("source", source_name), ("error", &error.say(find))]),
            DuplicateSymbol { symbol } => say(DUPLICATE_SYMBOL, &[("symbol", symbol)]),
            WrongShape { path, expected, found } => say(WRONG_SHAPE, &[("path", path), ("expected", &Said::plain(*expected).say(find)), ("found", &found.say(find))]),
            LengthMismatch { symbol, len, dates_len } => say(LENGTH_MISMATCH, &[("symbol", symbol), ("len", &len.to_string()), ("dates", &dates_len.to_string())]),
            BadDate { at, value, reason } => say(BAD_DATE, &[("at", &at.say(find)), ("value", &quoted(value, find)), ("reason", &reason.said().say(find))]),
            DateOrder { at, date, previous, problem } => {
                say(DATE_ORDER, &[("at", &at.say(find)), ("date", &date.to_string()), ("problem", &Said::plain(*problem).say(find)), ("previous", &previous.to_string())])
            }
            BadClose { symbol, at, date, value, reason } => {
                say(BAD_CLOSE, &[("symbol", symbol), ("date", &date.to_string()), ("at", &at.say(find)), ("value", &quoted(value, find)), ("reason", &Said::plain(*reason).say(find))])
            }
            UnreadableClose { symbol, at, column, date, value, reason } => say(
                UNREADABLE_CLOSE,
                &[("symbol", symbol), ("date", &date.to_string()), ("at", &at.say(find)), ("column", column), ("value", &quoted(value, find)), ("reason", &reason.say(find))],
            ),
            TooFewPoints { what, symbol, needed, have, unit } => say(
                TOO_FEW_POINTS,
                &[("what", &what.say(find)), ("symbol", symbol), ("needed", &needed.to_string()), ("unit", &Said::plain(*unit).say(find)), ("have", &have.to_string())],
            ),
            NoBaseClose { what, base_day, first: Some(first) } => say(NO_BASE_CLOSE, &[("what", &what.say(find)), ("day", &base_day.to_string()), ("first", &first.to_string())]),
            NoBaseClose { what, base_day, first: None } => say(NO_BASE_CLOSE_EVER, &[("what", &what.say(find)), ("day", &base_day.to_string())]),
            UnknownSymbol { role, symbol, available } => say(UNKNOWN_SYMBOL, &[("role", &role.say(find)), ("symbol", symbol), ("available", &available.say(find))]),
            NoData { detail } => say(NO_DATA, &[("detail", &detail.say(find))]),
            BadOption { field, value, reason } => say(BAD_OPTION, &[("field", field), ("value", value), ("reason", &reason.say(find))]),
            Stated { said } => said.say(find),
        }
    }

    /// `symbol` is not in the prices, asked for as `role` (a [`ROLE_SYMBOL`], …): the error
    /// lists the first symbols that are.
    pub fn unknown_symbol(role: Said, symbol: &str, known: &[&str]) -> Self {
        const SHOWN: usize = 12;
        let listed = known.iter().take(SHOWN).copied().collect::<Vec<_>>().join(", ");
        let available = match known.len() {
            0 => Said::plain(NO_SYMBOLS),
            n if n > SHOWN => Said::new(SYMBOLS_AND_MORE, &[("symbols", &listed), ("n", &(n - SHOWN).to_string())]),
            _ => Said::new(SYMBOLS, &[("symbols", &listed)]),
        };
        AnalysisError::UnknownSymbol { role, symbol: symbol.into(), available: Box::new(available) }
    }

    pub fn bad_option(field: &str, value: impl fmt::Display, reason: impl Into<Said>) -> Self {
        AnalysisError::BadOption { field: field.into(), value: value.to_string(), reason: reason.into() }
    }

    /// No data, for this reason.
    pub fn no_data(detail: Message) -> Self {
        AnalysisError::NoData { detail: Said::plain(detail) }
    }
}

/// A place in the data named by its path (`series.IWM[3]`), the same in every language.
pub fn data_path(path: &str) -> Said {
    Said::new(AS_GIVEN, &[("text", path)])
}

/// Longest piece of a publisher's text quoted in a message, in characters.
pub const QUOTED_CHARS: usize = 40;

/// `text` as a message quotes it: whole up to [`QUOTED_CHARS`] characters, else its start,
/// an ellipsis and its length, so a 5,000-character cell does not become the message.
pub fn shown(text: &str) -> String {
    quoted(text, &|_| None)
}

/// [`shown`] in the language `find` looks keys up in.
fn quoted(text: &str, find: &dyn Fn(&str) -> Option<&'static str>) -> String {
    let length = text.chars().count();
    if length <= QUOTED_CHARS {
        text.to_owned()
    } else {
        let start: String = text.chars().take(QUOTED_CHARS).collect();
        Said::new(QUOTED, &[("start", &start), ("n", &length.to_string())]).say(find)
    }
}

/// A close as a message writes it: as typed for ordinary sizes, in exponent form for
/// extreme ones (-1e-300 would otherwise be written out in 300 digits).
pub fn number_text(value: f64) -> String {
    let size = value.abs();
    if value != 0.0 && !(1e-6..1e15).contains(&size) {
        format!("{value:e}")
    } else {
        value.to_string()
    }
}

/// Describes a JSON value's type for "should be X, but it is Y" messages, in English.
pub fn describe_json(value: &serde_json::Value) -> String {
    json_kind(value).english()
}

/// Describes a JSON value's type for "should be X, but it is Y" messages.
pub fn json_kind(value: &serde_json::Value) -> Said {
    use serde_json::Value::*;
    match value {
        Null => Said::plain(JSON_NULL),
        Bool(b) => Said::new(JSON_BOOLEAN, &[("value", &b.to_string())]),
        Number(n) => Said::new(JSON_NUMBER, &[("value", &n.to_string())]),
        String(s) if s.chars().count() > 24 => Said::new(JSON_LONG_TEXT, &[("text", &s.chars().take(24).collect::<std::string::String>())]),
        String(s) => Said::new(JSON_TEXT, &[("text", s)]),
        Array(a) => Said::new(if a.len() == 1 { JSON_ARRAY_ONE } else { JSON_ARRAY }, &[("n", &a.len().to_string())]),
        Object(_) => Said::plain(JSON_OBJECT),
    }
}

/// A recoverable problem the core worked around. Never silent: the widget lists these and
/// `analyze()` returns them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    /// Stable machine-readable kind, e.g. `missing_closes`.
    pub code: &'static str,
    /// The symbol concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// A sentence for people, in English (`analyze()`'s).
    pub message: String,
    /// The sentence as a message, for the reader's language; `{reason}` in it is `within`
    /// (boxed, as functions return a warning by value).
    #[serde(skip)]
    pub said: Box<Said>,
    /// The problem this one reports on (an error that left a symbol out, a member's warning).
    #[serde(skip)]
    pub within: Option<Box<Within>>,
    /// Values of `said` that are messages themselves (a period that starts on a date), said
    /// in the reader's language in their place.
    #[serde(skip)]
    pub nested: Vec<(&'static str, Said)>,
}

/// A problem a [`Warning`] reports on, said inside its sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum Within {
    Error(AnalysisError),
    Warning(Warning),
}

impl Warning {
    /// A warning whose sentence is given in English only (it reads the same in every language).
    pub fn new(code: &'static str, symbol: Option<&str>, message: impl Into<String>) -> Self {
        let message = message.into();
        Warning { code, symbol: symbol.map(str::to_owned), said: Box::new(Said::new(AS_GIVEN, &[("text", &message)])), message, within: None, nested: Vec::new() }
    }

    /// A warning that says `said`.
    pub fn of(code: &'static str, symbol: Option<&str>, said: Said) -> Self {
        Warning { code, symbol: symbol.map(str::to_owned), message: said.english(), said: Box::new(said), within: None, nested: Vec::new() }
    }

    /// A warning that says `message` about `within` (its `{reason}`).
    pub fn about(code: &'static str, symbol: Option<&str>, message: Message, values: &[(&'static str, &str)], within: Within) -> Self {
        let mut warning = Warning::of(code, symbol, Said::new(message, values));
        warning.within = Some(Box::new(within));
        warning.message = warning.say(&|_| None);
        warning
    }

    /// This warning with its value `name` said by `said` in the reader's language (when
    /// there is one); its English is the same.
    pub fn with(mut self, name: &'static str, said: Option<Said>) -> Self {
        self.nested.extend(said.map(|s| (name, s)));
        self
    }

    /// The sentence in the language `find` looks keys up in (English where it has none).
    pub fn say(&self, find: &dyn Fn(&str) -> Option<&'static str>) -> String {
        if self.within.is_none() && self.nested.is_empty() {
            return self.said.say(find);
        }
        // Filling takes a value's first entry: the nested and the reason before the said's own.
        let mut values: Vec<(&'static str, String)> = self.nested.iter().map(|(name, said)| (*name, said.say(find))).collect();
        values.extend(self.within.as_ref().map(|within| ("reason", within.say(find))));
        let mut said = (*self.said).clone();
        values.append(&mut said.values);
        said.values = values;
        said.say(find)
    }
}

impl Within {
    /// The problem in the language `find` looks keys up in.
    pub fn say(&self, find: &dyn Fn(&str) -> Option<&'static str>) -> String {
        match self {
            Within::Error(e) => e.say(find),
            Within::Warning(w) => w.say(find),
        }
    }
}

/// A reason the core gives in English (what scripts, the tool and `analyze()` read, and what
/// it prints and compares as) with what it is, to say it in the reader's language.
#[derive(Debug, Clone)]
pub struct Reason {
    english: String,
    within: Box<Within>,
}

impl Reason {
    /// The reason in the language `find` looks keys up in.
    pub fn say(&self, find: &dyn Fn(&str) -> Option<&'static str>) -> String {
        self.within.say(find)
    }
}

impl From<AnalysisError> for Reason {
    fn from(error: AnalysisError) -> Reason {
        Reason { english: error.to_string(), within: Box::new(Within::Error(error)) }
    }
}

impl From<Warning> for Reason {
    fn from(warning: Warning) -> Reason {
        Reason { english: warning.message.clone(), within: Box::new(Within::Warning(warning)) }
    }
}

impl From<Said> for Reason {
    fn from(said: Said) -> Reason {
        AnalysisError::Stated { said }.into()
    }
}

/// A reason given in English only.
impl From<&str> for Reason {
    fn from(text: &str) -> Reason {
        Said::new(AS_GIVEN, &[("text", text)]).into()
    }
}

impl std::ops::Deref for Reason {
    type Target = str;
    fn deref(&self) -> &str {
        &self.english
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english)
    }
}

/// Reasons are the same when they read the same in English (however they were built).
impl PartialEq for Reason {
    fn eq(&self, other: &Reason) -> bool {
        self.english == other.english
    }
}

impl PartialEq<&str> for Reason {
    fn eq(&self, text: &&str) -> bool {
        self.english == *text
    }
}

impl PartialEq<Reason> for String {
    fn eq(&self, reason: &Reason) -> bool {
        *self == reason.english
    }
}

/// As its English text.
impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.english)
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
