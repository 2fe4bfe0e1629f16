//! Errors and warnings of the analytics core.
//!
//! Every message names what was wrong and where (symbol, date or index, field), because the
//! widget shows it verbatim to a publisher who has to fix their data.

use super::date::{Date, DateParseError};
use super::said::Message;
use serde::Serialize;
use std::fmt;

/// English messages of bad data and of the core's warnings, by key (see [`super::said`]).
pub const MESSAGES: &[Message] = &[];

/// Why prices or options were rejected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnalysisError {
    #[error("prices are not valid JSON: {detail}")]
    NotJson { detail: String },

    #[error("{source_name}: {detail}")]
    NotCsv { source_name: String, detail: String },

    #[error("{source_name}: {error}")]
    InSource { source_name: String, error: Box<AnalysisError> },

    #[error("symbol \"{symbol}\" is given more than once; give each symbol in one source only")]
    DuplicateSymbol { symbol: String },

    #[error("`{path}` should be {expected}, but it is {found}")]
    WrongShape { path: String, expected: &'static str, found: String },

    #[error("series \"{symbol}\" has {len} closes but `dates` has {dates_len}: give one close (or null) per date")]
    LengthMismatch { symbol: String, len: usize, dates_len: usize },

    #[error("{at} = \"{}\" is {reason}", shown(value))]
    BadDate { at: String, value: String, reason: DateParseError },

    #[error("{at} = {date} {problem} {previous}: dates must be strictly increasing")]
    DateOrder { at: String, date: Date, previous: Date, problem: &'static str },

    #[error("{symbol} on {date} ({at}): close {} is {reason}; closes must be positive numbers or null", shown(value))]
    BadClose { symbol: String, at: String, date: Date, value: String, reason: &'static str },

    /// A close whose reading depends on what its dots and commas mean, and the file does not say.
    #[error("{symbol} on {date} ({at}, column {column}): close {} {reason}", shown(value))]
    UnreadableClose { symbol: String, at: String, column: String, date: Date, value: String, reason: String },

    #[error("{what} for {symbol} needs at least {needed} {unit}, but the data has {have}")]
    TooFewPoints { what: String, symbol: String, needed: usize, have: usize, unit: &'static str },

    #[error("{what} needs a close on or before {base_day}, but its first close is {first}")]
    NoBaseClose { what: String, base_day: Date, first: String },

    #[error("unknown {role} \"{symbol}\": the prices have {available}")]
    UnknownSymbol { role: String, symbol: String, available: String },

    #[error("no data: {detail}")]
    NoData { detail: String },

    #[error("option `{field}` = {value}: {reason}")]
    BadOption { field: String, value: String, reason: super::said::Said },
}

impl AnalysisError {
    pub fn unknown_symbol(role: impl Into<String>, symbol: &str, known: &[&str]) -> Self {
        const SHOWN: usize = 12;
        let mut available = known.iter().take(SHOWN).copied().collect::<Vec<_>>().join(", ");
        if known.len() > SHOWN {
            available.push_str(&format!(" and {} more", known.len() - SHOWN));
        }
        if known.is_empty() {
            available = "no symbols".into();
        }
        AnalysisError::UnknownSymbol { role: role.into(), symbol: symbol.into(), available }
    }

    pub fn bad_option(field: &str, value: impl fmt::Display, reason: impl Into<super::said::Said>) -> Self {
        AnalysisError::BadOption { field: field.into(), value: value.to_string(), reason: reason.into() }
    }
}

/// Describes a JSON value's type for "should be X, but it is Y" messages.
/// Longest piece of a publisher's text quoted in a message, in characters.
pub const QUOTED_CHARS: usize = 40;

/// `text` as a message quotes it: whole up to [`QUOTED_CHARS`] characters, else its start,
/// an ellipsis and its length, so a 5,000-character cell does not become the message.
pub fn shown(text: &str) -> String {
    let length = text.chars().count();
    if length <= QUOTED_CHARS {
        text.to_owned()
    } else {
        format!("{}… ({length} characters)", text.chars().take(QUOTED_CHARS).collect::<String>())
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

pub fn describe_json(value: &serde_json::Value) -> String {
    use serde_json::Value::*;
    match value {
        Null => "null".into(),
        Bool(b) => format!("the boolean {b}"),
        Number(n) => format!("the number {n}"),
        String(s) if s.chars().count() > 24 => {
            format!("the text \"{}…\"", s.chars().take(24).collect::<std::string::String>())
        }
        String(s) => format!("the text \"{s}\""),
        Array(a) => format!("an array of {} items", a.len()),
        Object(_) => "an object".into(),
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
    /// A sentence for people.
    pub message: String,
}

impl Warning {
    pub fn new(code: &'static str, symbol: Option<&str>, message: impl Into<String>) -> Self {
        Warning { code, symbol: symbol.map(str::to_owned), message: message.into() }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
