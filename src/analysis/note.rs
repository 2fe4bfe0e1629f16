//! The research-note contract (see README, "Research note contract").
//!
//! A note that is not JSON or not of the contract's shape is an error on the card alone (the
//! charts keep working). Inside a well-formed note, problems stay local: a bad sentiment score
//! becomes an error in the sentiment block, a malformed claim is listed as one that cannot be
//! checked, a link that is not http(s) is shown as text. Unknown fields are reported.

use super::date::Date;
use super::error::*;
use super::said::{Message, Said};
use super::period::Period;
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub body: String,
}

/// What a claim states, recomputable from prices.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimKind {
    /// A symbol's period return, in %.
    Return { symbol: String },
    /// A symbol's return minus the benchmark's, in pp (`benchmark`: the widget's unless given).
    Excess { symbol: String, benchmark: Option<String> },
    /// Equal-weight basket `long` minus basket `short`, in pp.
    Spread { long: Vec<String>, short: Vec<String> },
}

impl ClaimKind {
    /// The unit a claim of this kind is stated in.
    pub fn unit(&self) -> &'static str {
        match self {
            ClaimKind::Return { .. } => "%",
            _ => "pp",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub kind: ClaimKind,
    pub period: Period,
    /// The claim's own as-of day; `None` means "as of the data's last day".
    pub as_of: Option<Date>,
    pub value: f64,
}

/// A claim as written, and either its checkable form or why it cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteClaim {
    pub text: String,
    pub claim: Result<Claim, Reason>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NoteSentiment {
    pub label: Option<String>,
    /// `None` when the score is missing or not a number (read_sentiment words the error).
    pub score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Note {
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<Date>,
    /// Only http(s) links are kept as links.
    pub url: Option<String>,
    pub summary: Option<String>,
    pub sections: Vec<Section>,
    pub sentiment: Option<NoteSentiment>,
    pub tickers: Vec<String>,
    pub claims: Vec<NoteClaim>,
    pub warnings: Vec<Warning>,
}

/// Why a note cannot be read (its English for scripts and the tool; the card says it in the
/// reader's language).
pub type NoteError = Reason;

fn wrong(path: &str, expected: Message, found: &Value) -> AnalysisError {
    AnalysisError::WrongShape { path: path.to_owned(), expected, found: json_kind(found) }
}

/// A note's problem said by `message`.
fn unreadable(message: Message, values: &[(&'static str, &str)]) -> AnalysisError {
    AnalysisError::Stated { said: Said::new(message, values) }
}

fn text(map: &Map<String, Value>, key: &str, path: &str) -> Result<Option<String>, AnalysisError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(wrong(&format!("{path}.{key}"), EXPECT_TEXT, other)),
    }
}

fn symbols(v: &Value, path: &str) -> Result<Vec<String>, AnalysisError> {
    let list: Vec<String> = match v {
        Value::String(s) => s.split(',').map(|x| x.trim().to_owned()).collect(),
        Value::Array(a) => {
            let mut out = Vec::with_capacity(a.len());
            for x in a {
                out.push(x.as_str().ok_or_else(|| wrong(path, NOTE_EXPECT_SYMBOLS, x))?.trim().to_owned());
            }
            out
        }
        other => return Err(wrong(path, NOTE_EXPECT_LIST, other)),
    };
    Ok(list.into_iter().filter(|s| !s.is_empty()).collect())
}

/// Whether `url` may become a link (http or https only; no `javascript:` and friends).
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn parse_claim(v: &Value, path: &str) -> NoteClaim {
    let Value::Object(m) = v else {
        return NoteClaim { text: String::new(), claim: Err(wrong(path, NOTE_EXPECT_OBJECT, v).into()) };
    };
    let wording = m.get("text").and_then(Value::as_str).unwrap_or("").to_owned();
    let claim = (|| -> Result<Claim, AnalysisError> {
        let field = |k: &str| m.get(k).ok_or_else(|| unreadable(NOTE_MISSING, &[("path", &format!("{path}.{k}"))]));
        let symbol = || field("symbol").and_then(|s| s.as_str().map(|x| x.trim().to_owned()).ok_or_else(|| wrong(&format!("{path}.symbol"), NOTE_EXPECT_SYMBOL, s)));
        let kind = match field("kind")?.as_str() {
            Some("return") => ClaimKind::Return { symbol: symbol()? },
            Some("excess") => ClaimKind::Excess { symbol: symbol()?, benchmark: text(m, "benchmark", path)? },
            Some("spread") => {
                let long = symbols(field("long")?, &format!("{path}.long"))?;
                let short = symbols(field("short")?, &format!("{path}.short"))?;
                if long.is_empty() || short.is_empty() {
                    return Err(unreadable(NOTE_SPREAD_SIDES, &[("path", path)]));
                }
                // The same basket on both sides is 0 pp whatever the prices: nothing to check.
                if long.iter().all(|s| short.contains(s)) && short.iter().all(|s| long.contains(s)) {
                    return Err(unreadable(NOTE_SPREAD_SAME, &[("path", path), ("symbols", &long.join(", "))]));
                }
                ClaimKind::Spread { long, short }
            }
            _ => return Err(unreadable(NOTE_KIND, &[("path", path)])),
        };
        let period = match text(m, "period", path)? {
            Some(p) => Period::parse(&p).map_err(|e| AnalysisError::InSource { source_name: format!("`{path}.period`"), error: Box::new(e) })?,
            None => Period::YearToDate,
        };
        let as_of = match text(m, "as_of", path)? {
            Some(d) => Some(Date::parse_iso(d.trim()).map_err(|reason| AnalysisError::BadDate { at: data_path(&format!("`{path}.as_of`")), value: d.clone(), reason })?),
            None => None,
        };
        let value = match field("value")? {
            Value::Number(n) => n.as_f64().filter(|x| x.is_finite()).ok_or_else(|| unreadable(NOTE_NOT_FINITE, &[("path", path)]))?,
            other => return Err(wrong(&format!("{path}.value"), NOTE_EXPECT_NUMBER, other)),
        };
        if let Some(unit) = text(m, "unit", path)? {
            let unit = unit.trim();
            let stated = if unit == "%" || unit.eq_ignore_ascii_case("percent") { "%" } else if unit.eq_ignore_ascii_case("pp") { "pp" } else { unit };
            if stated != kind.unit() {
                let named = match kind {
                    ClaimKind::Return { .. } => "return",
                    ClaimKind::Excess { .. } => "excess",
                    ClaimKind::Spread { .. } => "spread",
                };
                return Err(unreadable(NOTE_UNIT, &[("path", path), ("unit", unit), ("kind", named), ("stated", kind.unit())]));
            }
        }
        Ok(Claim { kind, period, as_of, value })
    })();
    NoteClaim { text: wording, claim: claim.map_err(Reason::from) }
}

/// Parses a note from JSON text.
pub fn parse_note_json(text: &str) -> Result<Note, NoteError> {
    let value: Value = serde_json::from_str(text).map_err(|e| NoteError::from(unreadable(NOTE_NOT_JSON, &[("detail", &e.to_string())])))?;
    parse_note(&value)
}

/// Parses a decoded note. Errors are structural (the card cannot be shown).
///
/// # Example
/// ```
/// use rotascope::analysis::note::parse_note;
/// let n = parse_note(&serde_json::json!({"title": "Small caps", "sentiment": {"label": "neutral", "score": 0.1},
///     "claims": [{"text": "IWM up 9 %", "kind": "return", "symbol": "IWM", "value": 9}]})).unwrap();
/// assert_eq!(n.title.as_deref(), Some("Small caps"));
/// assert!(n.claims[0].claim.is_ok());
/// ```
pub fn parse_note(value: &Value) -> Result<Note, NoteError> {
    read_note(value).map_err(NoteError::from)
}

fn read_note(value: &Value) -> Result<Note, AnalysisError> {
    let Value::Object(m) = value else {
        return Err(wrong("note", NOTE_EXPECT_OBJECT, value));
    };
    let mut note = Note::default();
    for (key, v) in m {
        match key.as_str() {
            "title" => note.title = text(m, key, "note")?,
            "source" => note.source = text(m, key, "note")?,
            "summary" => note.summary = text(m, key, "note")?,
            "published" => {
                note.published = match text(m, key, "note")? {
                    // A time of day (`2026-02-04T09:30:00Z`) is read as its date.
                    Some(d) => Some(Date::parse_day(&d).map_err(|reason| AnalysisError::BadDate { at: data_path("`note.published`"), value: d.clone(), reason })?),
                    None => None,
                }
            }
            "url" => {
                if let Some(u) = text(m, key, "note")? {
                    if is_web_link(&u) {
                        note.url = Some(u.trim().to_owned());
                    } else {
                        note.warnings.push(Warning::of("not_a_link", None, Said::new(NOT_A_LINK, &[("url", &u)])));
                    }
                }
            }
            "sections" => {
                let Value::Array(items) = v else { return Err(wrong("note.sections", NOTE_EXPECT_SECTIONS, v)) };
                for (i, item) in items.iter().enumerate() {
                    let path = format!("note.sections[{i}]");
                    let Value::Object(s) = item else { return Err(wrong(&path, NOTE_EXPECT_SECTION, item)) };
                    note.sections.push(Section {
                        heading: text(s, "heading", &path)?.unwrap_or_default(),
                        body: text(s, "body", &path)?.unwrap_or_default(),
                    });
                }
            }
            "sentiment" => {
                let Value::Object(s) = v else { return Err(wrong("note.sentiment", NOTE_EXPECT_SENTIMENT, v)) };
                note.sentiment = Some(NoteSentiment { label: text(s, "label", "note.sentiment")?, score: s.get("score").and_then(Value::as_f64) });
            }
            "tickers" => note.tickers = symbols(v, "note.tickers")?,
            "claims" => {
                let Value::Array(items) = v else { return Err(wrong("note.claims", NOTE_EXPECT_CLAIMS, v)) };
                note.claims = items.iter().enumerate().map(|(i, c)| parse_claim(c, &format!("note.claims[{i}]"))).collect();
            }
            _ => note.warnings.push(Warning::of("ignored_field", None, Said::new(NOTE_IGNORED_FIELD, &[("key", key)]))),
        }
    }
    Ok(note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_the_documented_example() {
        let n = parse_note(&json!({
            "title": "Small caps turn", "source": "Example Research", "published": "2026-02-04",
            "url": "https://example.org/notes/1", "summary": "S",
            "sections": [{"heading": "Winners and losers", "body": "B"}],
            "sentiment": {"label": "mildly positive", "score": 0.45},
            "tickers": ["IWM", "IJR"],
            "claims": [
                {"text": "Small caps lead large caps by 8.5 pp this year", "kind": "spread", "long": ["IWM"], "short": ["SPY"],
                 "period": "YTD", "as_of": "2026-02-20", "value": 8.5, "unit": "pp"},
                {"text": "IWC is up 8.7 %", "kind": "return", "symbol": "IWC", "period": "YTD", "value": 8.7, "unit": "%"}
            ]
        }))
        .unwrap();
        assert_eq!(n.published.unwrap().to_string(), "2026-02-04");
        assert_eq!(n.sections[0].heading, "Winners and losers");
        assert_eq!(n.tickers, vec!["IWM", "IJR"]);
        let spread = n.claims[0].claim.as_ref().unwrap();
        assert_eq!(spread.kind, ClaimKind::Spread { long: vec!["IWM".into()], short: vec!["SPY".into()] });
        assert_eq!(spread.as_of.unwrap().to_string(), "2026-02-20");
        assert!(n.warnings.is_empty());
    }

    #[test]
    fn malformed_claims_stay_on_their_line() {
        let n = parse_note(&json!({"claims": [
            {"text": "a", "kind": "guess", "value": 1},
            {"text": "b", "kind": "return", "value": 1},
            {"text": "c", "kind": "return", "symbol": "IWM", "value": "8.7"},
            {"text": "d", "kind": "return", "symbol": "IWM", "value": 8.7, "unit": "pp"},
            {"text": "e", "kind": "spread", "long": [], "short": ["SPY"], "value": 1},
            {"text": "f", "kind": "excess", "symbol": "IWM", "value": 1, "as_of": "20 Feb"},
            {"text": "g", "kind": "excess", "symbol": "IWM", "value": 1, "period": "2W"},
            7,
            {"text": "h", "kind": "spread", "long": "IWM", "short": ["IWM"], "value": 0},
            {"text": "i", "kind": "spread", "long": ["IWM", "IJR"], "short": "IJR, IWM, IJR", "value": 0}
        ]}))
        .unwrap();
        let reasons: Vec<String> = n.claims.iter().map(|c| c.claim.clone().unwrap_err().to_string()).collect();
        assert_eq!(
            reasons,
            vec![
                "`note.claims[0].kind` should be return, excess or spread",
                "`note.claims[1].symbol` is missing",
                "`note.claims[2].value` should be a number, but it is the text \"8.7\"",
                "`note.claims[3].unit` is \"pp\", but a return claim is stated in %",
                "`note.claims[4]`: a spread needs symbols on both sides",
                "`note.claims[5].as_of` = \"20 Feb\" is not an ISO date (YYYY-MM-DD)",
                "`note.claims[6].period`: option `period` = \"2W\": use 1W, 1M, 3M, 6M, YTD, 1Y, 3Y or a start date YYYY-MM-DD",
                "`note.claims[7]` should be an object, but it is the number 7",
                "`note.claims[8]`: its long and short sides are the same (IWM), so the spread is always 0",
                "`note.claims[9]`: its long and short sides are the same (IWM, IJR), so the spread is always 0",
            ]
        );
        // Overlapping but different sides are a spread.
        let n = parse_note(&json!({"claims": [{"text": "j", "kind": "spread", "long": ["IWM", "IJR"], "short": ["IWM"], "value": 1}]})).unwrap();
        assert!(n.claims[0].claim.is_ok());
    }

    #[test]
    fn structural_problems_are_errors_and_non_web_links_are_not_links() {
        assert_eq!(parse_note(&json!([1])).unwrap_err(), "`note` should be an object, but it is an array of 1 items");
        assert_eq!(parse_note(&json!({"title": 5})).unwrap_err(), "`note.title` should be a text, but it is the number 5");
        assert_eq!(parse_note(&json!({"published": "Feb 4"})).unwrap_err(), "`note.published` = \"Feb 4\" is not an ISO date (YYYY-MM-DD)");
        // A time of day is read as its date; a time glued on is still not a date.
        for written in ["2026-02-04T09:30:00Z", "2026-02-04T23:59:59-05:00", " 2026-02-04 09:30 "] {
            assert_eq!(parse_note(&json!({"published": written})).unwrap().published.map(|d| d.to_string()).as_deref(), Some("2026-02-04"), "{written}");
        }
        assert_eq!(parse_note(&json!({"published": "2026-02-0409:30"})).unwrap_err(), "`note.published` = \"2026-02-0409:30\" is not an ISO date (YYYY-MM-DD)");
        assert_eq!(parse_note_json("{").unwrap_err(), "the note is not valid JSON: EOF while parsing an object at line 1 column 1");
        let n = parse_note(&json!({"url": "javascript:alert(1)", "mood": "happy"})).unwrap();
        assert_eq!(n.url, None);
        assert_eq!(n.warnings.len(), 2);
        assert!(is_web_link("HTTPS://example.org") && !is_web_link("data:text/html,x") && !is_web_link("//example.org"));
    }

    #[test]
    fn a_bad_score_is_kept_for_the_sentiment_block_to_report() {
        let n = parse_note(&json!({"sentiment": {"label": "neutral", "score": "high"}})).unwrap();
        assert_eq!(n.sentiment.unwrap().score, None);
    }
}
