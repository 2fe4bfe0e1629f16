//! Shareable views (`permalink`): the reader's view of one widget, kept as one key of the page
//! URL's hash and read back when the page loads:
//!
//! ```text
//! #chart-1=view:rotation;benchmark:SPY;method:zscore;period:YTD;date:2026-06-12;highlight:IWM;hidden:XLU,XLE
//! ```
//!
//! Pure: the browser glue reads and writes `location.hash`. The rest of the hash (the page's
//! own `#section` anchor, other widgets' keys) is kept as it is. A value that cannot be read
//! or does not fit the data is reported, named by key and field, and the rest of the view is
//! still restored.

use crate::analysis::error::shown;
use crate::analysis::period::Period;
use crate::analysis::rotation::RotationMethod;
use crate::analysis::said::{Message, Said};
use crate::chart::messages::permalink::*;
use crate::analysis::Date;
use crate::config::View;

/// Something of a shared view that could not be restored: it reads as its English text (what
/// `rotascope:error` carries), and the widget says it in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    english: String,
    pub said: Said,
}

impl From<Said> for Problem {
    fn from(said: Said) -> Problem {
        Problem { english: said.english(), said }
    }
}

impl std::ops::Deref for Problem {
    type Target = str;
    fn deref(&self) -> &str {
        &self.english
    }
}

impl std::borrow::Borrow<str> for Problem {
    fn borrow(&self) -> &str {
        &self.english
    }
}

impl PartialEq<&str> for Problem {
    fn eq(&self, text: &&str) -> bool {
        self.english == *text
    }
}

impl PartialEq<String> for Problem {
    fn eq(&self, text: &String) -> bool {
        self.english == *text
    }
}

/// One widget's view, as it goes into the URL. `None`/empty: the widget's default.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    pub view: Option<View>,
    pub benchmark: Option<String>,
    pub method: Option<RotationMethod>,
    pub period: Option<Period>,
    /// The rotation graph's scrub date; `None` follows the latest point.
    pub date: Option<Date>,
    pub highlight: Option<String>,
    pub hidden: Vec<String>,
}

/// The fields of a view, in the order they are written.
pub const VIEW_FIELDS: [&str; 7] = ["view", "benchmark", "method", "period", "date", "highlight", "hidden"];

fn view_name(v: View) -> &'static str {
    match v {
        View::Rotation => "rotation",
        View::Performance => "performance",
        View::Trend => "trend",
    }
}

impl ViewState {
    /// The hash value: `field:value` pairs joined by `;`, list items by `,`, each value
    /// percent-encoded.
    ///
    /// # Example
    /// ```
    /// use rotascope::permalink::ViewState;
    /// let s = ViewState { benchmark: Some("BRK/B".into()), hidden: vec!["XLU".into(), "A;B".into()], ..Default::default() };
    /// assert_eq!(s.encode(), "benchmark:BRK/B;hidden:XLU,A%3BB");
    /// ```
    pub fn encode(&self) -> String {
        let mut parts = Vec::new();
        if let Some(v) = self.view {
            parts.push(format!("view:{}", view_name(v)));
        }
        if let Some(b) = &self.benchmark {
            parts.push(format!("benchmark:{}", encode_component(b)));
        }
        if let Some(m) = self.method {
            parts.push(format!("method:{}", m.name()));
        }
        if let Some(p) = self.period {
            let text = match p {
                Period::Since(day) => day.to_string(),
                named => named.to_string(),
            };
            parts.push(format!("period:{text}"));
        }
        if let Some(d) = self.date {
            parts.push(format!("date:{d}"));
        }
        // A hidden symbol is not highlighted: a link never says both.
        if let Some(h) = self.highlight.as_ref().filter(|h| !self.hidden.contains(h)) {
            parts.push(format!("highlight:{}", encode_component(h)));
        }
        if !self.hidden.is_empty() {
            parts.push(format!("hidden:{}", self.hidden.iter().map(|s| encode_component(s)).collect::<Vec<_>>().join(",")));
        }
        parts.join(";")
    }

    /// Reads a hash value written by [`ViewState::encode`] (or by hand): every field it can,
    /// and what was wrong with the others, each message naming `key` and the field.
    ///
    /// # Example
    /// ```
    /// use rotascope::{config::View, permalink::ViewState};
    /// let (s, problems) = ViewState::decode("view:trend;period:2W", "chart-1");
    /// assert_eq!(s.view, Some(View::Trend));
    /// assert_eq!(problems, ["permalink `chart-1`: `period` = \"2W\": use 1W, 1M, 3M, 6M, YTD, 1Y, 3Y or a start date YYYY-MM-DD"]);
    /// ```
    pub fn decode(text: &str, key: &str) -> (ViewState, Vec<Problem>) {
        let mut state = ViewState::default();
        let mut problems = Vec::new();
        // Longer than any view the widget writes: not read at all (a crafted link's megabyte
        // costs nothing but this check).
        if text.len() > MAX_VIEW_CHARS {
            problems.push(Problem::from(Said::new(TOO_LONG, &[("key", key), ("length", &text.chars().count().to_string()), ("max", &MAX_VIEW_CHARS.to_string())])));
            return (state, problems);
        }
        let wrong = |message: Message, field: &str, value: &str| Problem::from(Said::new(message, &[("key", key), ("field", field), ("value", &quoted(value))]));
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((field, raw)) = part.split_once(':') else {
                problems.push(Problem::from(Said::new(NOT_FIELD_VALUE, &[("key", key), ("part", &quoted(part))])));
                continue;
            };
            if field == "hidden" {
                // Each item is decoded on its own: a `,` inside a symbol is written %2C.
                for item in raw.split(',').filter(|i| !i.trim().is_empty()) {
                    match decode_component(item) {
                        Ok(s) => state.hidden.push(s.trim().to_owned()),
                        Err(why) => problems.push(wrong(why.message(), field, item)),
                    }
                }
                continue;
            }
            let value = match decode_component(raw) {
                Ok(v) => v,
                Err(why) => {
                    problems.push(wrong(why.message(), field, raw));
                    continue;
                }
            };
            let value = value.trim();
            match field {
                "view" => match value {
                    "rotation" => state.view = Some(View::Rotation),
                    "performance" => state.view = Some(View::Performance),
                    "trend" => state.view = Some(View::Trend),
                    _ => problems.push(wrong(BAD_VIEW, field, value)),
                },
                "benchmark" | "highlight" if value.is_empty() => problems.push(wrong(NO_SYMBOL, field, value)),
                "benchmark" => state.benchmark = Some(value.to_owned()),
                "highlight" => state.highlight = Some(value.to_owned()),
                "method" => match RotationMethod::parse(value) {
                    Ok(m) => state.method = Some(m),
                    Err(why) => problems.push(Problem::from(Said::new(BAD_METHOD, &[("key", key), ("field", field), ("value", &quoted(value))]).nest("reason", why))),
                },
                "period" => match Period::parse(value) {
                    Ok(p) => state.period = Some(p),
                    Err(_) => problems.push(wrong(BAD_PERIOD, field, value)),
                },
                "date" => match Date::parse_iso(value) {
                    Ok(d) => state.date = Some(d),
                    Err(_) => problems.push(wrong(BAD_DATE, field, value)),
                },
                other => problems.push(Problem::from(Said::new(NOT_A_FIELD, &[("key", key), ("field", &shown(other)), ("fields", &VIEW_FIELDS.join(", "))]))),
            }
        }
        (state, problems)
    }
}

/// The longest view read from a link, in bytes of its (percent-encoded) text: room for a few
/// thousand hidden symbols.
pub const MAX_VIEW_CHARS: usize = 16_384;

/// A link's text as every message quotes it: cut as [`shown`] cuts a publisher's text (40
/// characters, then its length), so a crafted link cannot put a paragraph of its own on the
/// publisher's page; in quotes, with control characters escaped.
fn quoted(text: &str) -> String {
    format!("{:?}", shown(text))
}

/// The page's own anchor in a hash that also holds views (`#intro&chart-1=…`): its first part
/// without `=`, decoded, so the page can still be scrolled to it.
pub fn anchor(hash: &str) -> Option<String> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.split('&').find(|p| !p.is_empty() && !p.contains('=')).and_then(|p| decode_component(p).ok())
}

/// Whether the page uses its hash for navigation (`#/article/5`, `#!/home`): a view written
/// there would break the page's routes, so none is.
pub fn is_route(hash: &str) -> bool {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.starts_with('/') || hash.starts_with('!')
}

/// Bytes written as they are: letters, digits and `-._~!$'()*+/@` (RFC 3986 unreserved and
/// sub-delimiters, without this format's own `;` `:` `,` and the hash's `&` `=`).
fn is_plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~!$'()*+/@".contains(&b)
}

/// Percent-encodes `text` (UTF-8) for a hash value.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if is_plain(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Why a hash value's text cannot be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadEscape {
    /// A `%` without two hex digits after it.
    NotHex,
    /// The bytes of the `%`-escapes are not UTF-8.
    NotUtf8,
}

impl BadEscape {
    /// What a reader reads about a link's value that does not decode.
    fn message(self) -> Message {
        match self {
            BadEscape::NotHex => NOT_HEX,
            BadEscape::NotUtf8 => NOT_UTF8,
        }
    }
}

/// Reverses [`encode_component`] (any `%XX`; `+` stays `+`), rejecting bad escapes and
/// bytes that are not UTF-8.
pub fn decode_component(text: &str) -> Result<String, BadEscape> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut it = text.bytes();
    while let Some(b) = it.next() {
        if b != b'%' {
            bytes.push(b);
            continue;
        }
        let hex = |x: Option<u8>| x.and_then(|x| char::from(x).to_digit(16));
        match (hex(it.next()), hex(it.next())) {
            // Two hex digits make at most 255.
            (Some(hi), Some(lo)) => bytes.push(u8::try_from(hi * 16 + lo).map_err(|_| BadEscape::NotHex)?),
            _ => return Err(BadEscape::NotHex),
        }
    }
    String::from_utf8(bytes).map_err(|_| BadEscape::NotUtf8)
}

/// The value of `key` in a URL hash (`#a=1&chart-1=view:trend`; with or without the `#`),
/// as written (still encoded).
pub fn hash_value<'h>(hash: &'h str, key: &str) -> Option<&'h str> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.split('&').find_map(|part| part.split_once('=').filter(|(k, _)| *k == key).map(|(_, v)| v))
}

/// `hash` with `key` set to `value` (or removed, for `None`), every other part kept in its
/// place; a new key goes last. Returned without the leading `#`.
///
/// # Example
/// ```
/// use rotascope::permalink::with_hash_value;
/// assert_eq!(with_hash_value("#intro", "w", Some("view:trend")), "intro&w=view:trend");
/// assert_eq!(with_hash_value("w=view:trend&x=1", "w", None), "x=1");
/// ```
pub fn with_hash_value(hash: &str, key: &str, value: Option<&str>) -> String {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let mut parts: Vec<String> = Vec::new();
    let mut placed = false;
    for part in hash.split('&').filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some((k, _)) if k == key => {
                if let (Some(v), false) = (value, placed) {
                    parts.push(format!("{key}={v}"));
                    placed = true;
                }
            }
            _ => parts.push(part.to_owned()),
        }
    }
    if let (Some(v), false) = (value, placed) {
        parts.push(format!("{key}={v}"));
    }
    parts.join("&")
}

/// A [`ViewState`] checked against the widget's data: symbols as positions in the price table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Restored {
    pub view: Option<View>,
    pub benchmark: Option<usize>,
    pub method: Option<RotationMethod>,
    pub period: Option<Period>,
    pub date: Option<Date>,
    pub highlight: Option<usize>,
    pub hidden: Vec<usize>,
}

/// Checks `state`'s symbols: the benchmark may be any loaded symbol (`position`), the
/// highlighted and hidden ones must be among those the widget shows (`shown`), and a symbol
/// both hidden and highlighted is only hidden; and its period, which must start on or before
/// the widget's as-of day `as_of`. Whatever does not fit is left out and reported.
pub fn resolve(state: &ViewState, key: &str, position: impl Fn(&str) -> Option<usize>, shown: &[usize], as_of: Date) -> (Restored, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut find = |field: &str, symbol: &str, any: bool| -> Option<usize> {
        match position(symbol) {
            Some(p) if any || shown.contains(&p) => Some(p),
            Some(_) => {
                problems.push(Problem::from(Said::new(NOT_SHOWN, &[("key", key), ("field", field), ("value", &quoted(symbol))])));
                None
            }
            None => {
                problems.push(Problem::from(Said::new(NOT_IN_DATA, &[("key", key), ("field", field), ("value", &quoted(symbol))])));
                None
            }
        }
    };
    let benchmark = state.benchmark.as_deref().and_then(|b| find("benchmark", b, true));
    let mut highlight = state.highlight.as_deref().and_then(|h| find("highlight", h, false));
    let hidden: Vec<usize> = state.hidden.iter().filter_map(|h| find("hidden", h, false)).collect();
    // Hidden and highlighted (a hand-made link): hidden wins, as the widget never writes both.
    if let (Some(h), Some(symbol)) = (highlight, state.highlight.as_deref()) {
        if hidden.contains(&h) {
            problems.push(Problem::from(Said::new(ALSO_HIDDEN, &[("key", key), ("value", &quoted(symbol))])));
            highlight = None;
        }
    }
    let period = state.period.filter(|p| {
        let fits = p.checked_start(as_of).is_ok();
        if !fits {
            problems.push(Problem::from(Said::new(PERIOD_AFTER, &[("key", key), ("value", &quoted(&p.code())), ("asOf", &as_of.to_string())])));
        }
        fits
    });
    (Restored { view: state.view, benchmark, method: state.method, period, date: state.date, highlight, hidden }, problems)
}

/// The message for a link's `date` before the rotation graph's `first` point.
pub fn before_first_point(key: &str, day: Date, first: Date) -> Problem {
    Problem::from(Said::new(BEFORE_FIRST_POINT, &[("key", key), ("day", &day.to_string()), ("first", &first.to_string())]))
}

/// The step of a rotation timeline (indices into `dates`) shown for `day`: the last one on
/// or before it. `Err` when `day` is before the timeline starts.
pub fn step_on_or_before(timeline: &[usize], dates: &[Date], day: Date) -> Result<usize, Date> {
    let steps = timeline.iter().filter(|&&i| dates.get(i).is_some_and(|d| *d <= day)).count();
    match steps.checked_sub(1) {
        Some(step) => Ok(step),
        None => Err(timeline.first().and_then(|&i| dates.get(i)).copied().unwrap_or(day)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn a_view_goes_into_the_hash_and_comes_back() {
        let state = ViewState {
            view: Some(View::Performance),
            benchmark: Some("SPY".into()),
            method: Some(RotationMethod::Zscore),
            period: Some(Period::Since(d("2026-02-04"))),
            date: Some(d("2026-06-12")),
            highlight: Some("BRK/B".into()),
            hidden: vec!["XLU".into(), "A,B".into(), "ÄB C".into()],
        };
        let text = state.encode();
        assert_eq!(text, "view:performance;benchmark:SPY;method:zscore;period:2026-02-04;date:2026-06-12;highlight:BRK/B;hidden:XLU,A%2CB,%C3%84B%20C");
        assert_eq!(ViewState::decode(&text, "w"), (state, vec![]));
        // The default view writes nothing.
        assert_eq!(ViewState::default().encode(), "");
        let (named, _) = ViewState::decode("period:ytd", "w");
        assert_eq!(named.period, Some(Period::YearToDate));
    }

    #[test]
    fn bad_values_are_named_and_the_rest_still_restores() {
        let (state, problems) = ViewState::decode("view:pie;benchmark:IWM;method:fast;date:2026-13-01;zoom:2;highlight:%E2%8;hidden:XLU,%FF;junk", "chart-2");
        assert_eq!(state.benchmark.as_deref(), Some("IWM"));
        assert_eq!(state.hidden, vec!["XLU".to_string()]);
        assert_eq!(
            problems,
            [
                "permalink `chart-2`: `view` = \"pie\": use rotation, performance or trend",
                "permalink `chart-2`: `method` = \"fast\": use log-trend or zscore",
                "permalink `chart-2`: `date` = \"2026-13-01\": use a date YYYY-MM-DD",
                "permalink `chart-2`: `zoom` is not part of a view (view, benchmark, method, period, date, highlight, hidden)",
                "permalink `chart-2`: `highlight` = \"%E2%8\": a % must be followed by two hex digits",
                "permalink `chart-2`: `hidden` = \"%FF\": its %-escapes are not UTF-8 text",
                "permalink `chart-2`: \"junk\" should be field:value",
            ]
        );
    }

    #[test]
    fn the_hash_keeps_what_is_not_ours() {
        assert_eq!(hash_value("#intro&w1=view:trend&w2=view:rotation", "w2"), Some("view:rotation"));
        assert_eq!(hash_value("#intro", "w1"), None);
        assert_eq!(hash_value("", "w1"), None);
        assert_eq!(with_hash_value("", "w1", Some("view:trend")), "w1=view:trend");
        assert_eq!(with_hash_value("#w1=a&intro&w2=b", "w1", Some("c")), "w1=c&intro&w2=b");
        assert_eq!(with_hash_value("#w1=a&w1=b", "w1", Some("c")), "w1=c");
        assert_eq!(with_hash_value("#w1=a", "w1", None), "");
        // `&` and `=` inside a value are encoded, so they never split the hash.
        let value = ViewState { highlight: Some("A&B=C".into()), ..Default::default() }.encode();
        assert_eq!(value, "highlight:A%26B%3DC");
        let hash = with_hash_value("x=1", "w", Some(&value));
        assert_eq!(ViewState::decode(hash_value(&hash, "w").unwrap(), "w").0.highlight.as_deref(), Some("A&B=C"));
    }

    #[test]
    fn a_period_after_the_as_of_day_is_named_and_not_restored() {
        let (state, problems) = ViewState::decode("view:performance;period:2025-03-03", "w");
        assert!(problems.is_empty());
        let (r, problems) = resolve(&state, "w", |_| None, &[], d("2025-01-15"));
        assert_eq!((r.view, r.period), (Some(View::Performance), None));
        assert_eq!(problems, ["permalink `w`: `period` = \"2025-03-03\": it starts after the as-of day 2025-01-15"]);
        // On the as-of day itself it restores.
        let (r, problems) = resolve(&state, "w", |_| None, &[], d("2025-03-03"));
        assert_eq!((r.period, problems.len()), (Some(Period::Since(d("2025-03-03"))), 0));
    }

    #[test]
    fn symbols_are_checked_against_the_data() {
        let table = ["SPY", "IWM", "IJR", "XLU"];
        let position = |s: &str| table.iter().position(|t| *t == s);
        let (state, _) = ViewState::decode("benchmark:IWM;highlight:XLU;hidden:IJR,QQQ", "w");
        // Shown: SPY, IWM, IJR (XLU is loaded but not shown).
        let (r, problems) = resolve(&state, "w", position, &[0, 1, 2], d("2026-07-13"));
        assert_eq!((r.benchmark, r.highlight, r.hidden), (Some(1), None, vec![2]));
        assert_eq!(problems, ["permalink `w`: `highlight` = \"XLU\": not shown in this widget", "permalink `w`: `hidden` = \"QQQ\": not in the price data"]);
        // Hidden and highlighted: restored hidden, not highlighted, and said so.
        let (state, _) = ViewState::decode("highlight:IJR;hidden:IWM,IJR", "w");
        let (r, problems) = resolve(&state, "w", position, &[0, 1, 2], d("2026-07-13"));
        assert_eq!((r.highlight, r.hidden), (None, vec![1, 2]));
        assert_eq!(problems, ["permalink `w`: `highlight` = \"IJR\": also hidden, so not highlighted"]);
        // The widget never writes such a link: a hidden symbol's highlight is left out.
        let both = ViewState { highlight: Some("IJR".into()), hidden: vec!["IJR".into()], ..Default::default() };
        assert_eq!(both.encode(), "hidden:IJR");
        // Any loaded symbol can be the benchmark.
        let (state, _) = ViewState::decode("benchmark:XLU", "w");
        assert_eq!(resolve(&state, "w", position, &[0], d("2026-07-13")).0.benchmark, Some(3));
    }

    #[test]
    fn the_page_keeps_its_anchor_and_its_routes() {
        assert_eq!(anchor("#intro&w=view:trend").as_deref(), Some("intro"));
        assert_eq!(anchor("#w=view:trend&caf%C3%A9").as_deref(), Some("café"));
        assert_eq!(anchor("#w=view:trend"), None);
        assert!(is_route("#/article/5") && is_route("#!/home") && !is_route("#intro") && !is_route(""));
        // A crafted link's text is quoted short.
        let long = format!("view:{}", "x".repeat(500));
        let (_, problems) = ViewState::decode(&long, "w");
        assert_eq!(problems, [format!("permalink `w`: `view` = \"{}… (500 characters)\": use rotation, performance or trend", "x".repeat(40))]);
    }

    #[test]
    fn a_megabyte_symbol_is_quoted_short_wherever_it_is_named() {
        let table = ["SPY", "IWM"];
        let position = |s: &str| table.iter().position(|t| *t == s);
        let big = "Q".repeat(1_000_000);
        let head = "Q".repeat(40);
        // Not in the data, loaded but not shown: each message quotes 40 characters and the length.
        let state = ViewState { benchmark: Some(big.clone()), highlight: Some(format!("{big}X")), hidden: vec![big.clone(), "IWM".into()], ..Default::default() };
        let (r, problems) = resolve(&state, "w", |s| if s == "IWM" { Some(1) } else { position(s) }, &[0], d("2026-07-13"));
        assert_eq!(r, Restored::default());
        assert_eq!(
            problems,
            [
                format!("permalink `w`: `benchmark` = \"{head}… (1000000 characters)\": not in the price data"),
                format!("permalink `w`: `highlight` = \"{head}… (1000001 characters)\": not in the price data"),
                format!("permalink `w`: `hidden` = \"{head}… (1000000 characters)\": not in the price data"),
                "permalink `w`: `hidden` = \"IWM\": not shown in this widget".to_string(),
            ]
        );
        assert!(problems.iter().all(|p| p.len() < 120), "{:?}", problems.iter().map(|p| p.len()).collect::<Vec<_>>());
        // A link that long is not read at all: one short message, nothing restored.
        let (state, problems) = ViewState::decode(&format!("view:trend;highlight:{big}"), "w");
        assert_eq!(state, ViewState::default());
        assert_eq!(problems, ["permalink `w`: the view is 1000021 characters long, more than the 16384 a view can have; it was not read"]);
        // Just under the limit, it is read: the view, and the symbol quoted short.
        let near = format!("view:trend;highlight:{}", "Q".repeat(MAX_VIEW_CHARS - 21));
        let (state, problems) = ViewState::decode(&near, "w");
        assert_eq!((state.view, problems), (Some(View::Trend), vec![]));
        let (_, problems) = resolve(&state, "w", position, &[0], d("2026-07-13"));
        assert_eq!(problems, [format!("permalink `w`: `highlight` = \"{head}… (16363 characters)\": not in the price data")]);
    }

    #[test]
    fn a_german_reader_reads_what_was_not_restored_in_german_with_the_link_as_written() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/lang/de.json")).unwrap();
        let de = crate::chart::messages::Messages::new("de", crate::chart::messages::keep(crate::chart::messages::parse_table(&text).unwrap()), &[], None);
        let (state, problems) = ViewState::decode("view:pie;highlight:QQQ", "chart-1");
        let (_, unfit) = resolve(&state, "chart-1", |_| None, &[], d("2026-07-13"));
        let german: Vec<String> = problems.iter().chain(&unfit).map(|p| de.said(&p.said)).collect();
        assert_eq!(german, ["Permalink `chart-1`: `view` = \"pie\": Verwenden Sie rotation, performance oder trend", "Permalink `chart-1`: `highlight` = \"QQQ\": nicht in den Kursdaten enthalten"]);
        // In English as before (what `rotascope:error` carries).
        assert_eq!(unfit, ["permalink `chart-1`: `highlight` = \"QQQ\": not in the price data"]);
        // The core's reason inside the link's sentence reads in German too.
        let (_, problems) = ViewState::decode("method:jdk", "chart-1");
        let german: Vec<String> = problems.iter().map(|p| de.said(&p.said)).collect();
        assert_eq!(german, ["Permalink `chart-1`: `method` = \"jdk\": Verwenden Sie log-trend oder zscore"]);
        assert_eq!(problems, ["permalink `chart-1`: `method` = \"jdk\": use log-trend or zscore"]);
    }

    #[test]
    fn a_date_finds_its_step() {
        let dates = [d("2026-06-01"), d("2026-06-05"), d("2026-06-12"), d("2026-06-19")];
        let timeline = [1, 2, 3];
        assert_eq!(step_on_or_before(&timeline, &dates, d("2026-06-12")), Ok(1));
        assert_eq!(step_on_or_before(&timeline, &dates, d("2026-06-15")), Ok(1));
        assert_eq!(step_on_or_before(&timeline, &dates, d("2027-01-01")), Ok(2));
        assert_eq!(step_on_or_before(&timeline, &dates, d("2026-06-02")), Err(d("2026-06-05")));
    }
}
