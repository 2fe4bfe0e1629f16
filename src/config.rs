//! The widget's configuration: one object, every field with a documented default, the same
//! whether it comes from `Rotascope.mount(el, config)`, `data-*` attributes or a
//! `<script type="application/json">` child. Pure, so it is tested natively.
//!
//! Every field is in one table, [`FIELDS`]: its JSON name, the attribute that carries it
//! (`<rotascope-widget benchmark=…>`, `data-benchmark=…` on a placeholder), its default and
//! its parser. The widget's config and `analyze()`'s options are read through it, the embed
//! layer observes its attributes, and tests check that the loader (`www/rotascope.js`), the
//! README and the d.ts list the same fields with the same defaults.
//!
//! `prices` may be left out when a `note` is given: the card then stands alone.

use crate::model::AnalyzeOptions;
use crate::analysis::period::Period;
use crate::analysis::rotation::{Interval, RotationMethod, RotationParams};
use crate::analysis::sentiment::Bands;
use crate::analysis::said::{Message, Said};
use crate::chart::messages::config::*;
use crate::analysis::{AnalysisError, Adjustment};
use serde::Deserialize;
use serde_json::{Map, Value};

/// Where a note comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Url(String),
    Inline(Value),
}

/// One piece of price data, before loading.
#[derive(Debug, Clone, PartialEq)]
pub enum PriceSource {
    /// Fetch this URL (contract JSON, Yahoo-chart JSON or CSV); `symbol` names a CSV's symbol,
    /// `adjusted` says what its closes are (see [`crate::analysis::PriceTable::stated`]).
    Url { url: String, symbol: Option<String>, adjusted: Option<Adjustment> },
    /// JSON or CSV text given inline.
    Text { text: String, symbol: Option<String>, adjusted: Option<Adjustment> },
    /// A decoded JSON value (contract or Yahoo chart).
    Inline(Value),
}

/// The object forms of a source in a list, as messages write them.
const URL_FORM: &str = "{ \"url\": …, \"symbol\": …, \"adjusted\": … }";
const CSV_FORM: &str = "{ \"csv\": …, \"symbol\": …, \"adjusted\": … }";

/// One source (not a list), named `field` in messages (`prices`, `prices[2]`). A key of a
/// `{ url }` or `{ csv }` object that is not one of its own is named in `ignored`
/// (`prices[1].adjustd`), as unknown settings are.
pub fn price_source(v: &Value, field: &str, ignored: &mut Vec<String>) -> Result<PriceSource, AnalysisError> {
    match v {
        Value::String(s) if s.trim().is_empty() => Err(bad(field, v, PRICES_EMPTY)),
        Value::String(s) => {
            Ok(if is_data(s) {
                PriceSource::Text { text: s.clone(), symbol: None, adjusted: None }
            } else {
                PriceSource::Url { url: fetchable(field, s)?, symbol: None, adjusted: None }
            })
        }
        Value::Object(o) if o.contains_key("url") || o.contains_key("csv") => {
            let kind = if o.contains_key("url") { "url" } else { "csv" };
            let symbol = match o.get("symbol") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
                Some(other) => return Err(bad(&format!("{field}.symbol"), other, SOURCE_SYMBOL)),
            };
            let adjusted = match o.get("adjusted") {
                None | Some(Value::Null) => None,
                Some(Value::Bool(true)) => Some(Adjustment::TotalReturn),
                Some(Value::Bool(false)) => Some(Adjustment::PriceOnly),
                Some(other) => return Err(bad(&format!("{field}.adjusted"), other, SOURCE_ADJUSTED)),
            };
            ignored.extend(o.keys().filter(|k| !matches!(k.as_str(), "symbol" | "adjusted") && *k != kind).map(|k| format!("{field}.{k}")));
            match (kind, o.get(kind)) {
                ("url", Some(Value::String(s))) if !s.trim().is_empty() => Ok(PriceSource::Url { url: fetchable(&format!("{field}.url"), s)?, symbol, adjusted }),
                ("url", other) => Err(bad(&format!("{field}.url"), other.unwrap_or(&Value::Null), SOURCE_URL)),
                (_, Some(Value::String(t))) => Ok(PriceSource::Text { text: t.clone(), symbol, adjusted }),
                (_, other) => Err(bad(&format!("{field}.csv"), other.unwrap_or(&Value::Null), SOURCE_CSV)),
            }
        }
        Value::Object(_) => Ok(PriceSource::Inline(v.clone())),
        // An entry of a list: no list inside a list.
        _ if field != "prices" => Err(bad_said(field, v, Said::new(PRICES_LIST_ENTRY, &[("url", URL_FORM), ("csv", CSV_FORM)]))),
        _ => Err(bad(field, v, PRICES_KIND)),
    }
}

/// Whether a text is the data itself rather than URLs: JSON (after a byte-order mark), or
/// text of several lines (any line end: a file saved with lone CRs is one "line" to
/// `lines()`) whose first line holds a CSV separator (`,`, `;` or a tab), as a CSV header
/// does. Lines of URLs without one are a list (an attribute may be written over lines).
fn is_data(s: &str) -> bool {
    let t = s.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('{') || t.starts_with('[') || (t.contains(['\n', '\r']) && t.split(['\n', '\r']).next().is_some_and(|first| first.contains([',', ';', '\t'])))
}

/// `url` trimmed, or why it cannot be downloaded: an address with a scheme other than http:,
/// https: or blob: (`javascript:`, `data:`, `file:`) is refused here, in every mode, rather
/// than left to a fetch that fails with advice that cannot help. A path has no scheme.
fn fetchable(field: &str, url: &str) -> Result<String, AnalysisError> {
    let url = url.trim();
    let scheme = url.split_once(':').map(|(s, _)| s).filter(|s| {
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    match scheme.map(str::to_ascii_lowercase) {
        Some(s) if !matches!(s.as_str(), "http" | "https" | "blob") => {
            // Quoted short: a data: URL may be megabytes.
            Err(bad_said(field, &Value::String(crate::analysis::error::shown(url)), Said::new(URL_SCHEME, &[("scheme", &s)])))
        }
        _ => Ok(url.to_owned()),
    }
}

/// Reads `prices`: a URL; JSON or CSV text (recognised by a leading `{`, or by line breaks);
/// an object (the contract, a Yahoo chart, or `{ "url": ..., "symbol": ..., "adjusted": ... }` /
/// `{ "csv": ..., "symbol": ..., "adjusted": ... }`); or a list of any of these, merged on one
/// calendar. A list may also come as one text, as an attribute carries it: a JSON array, or
/// URLs separated by whitespace (a URL cannot hold an unescaped space, where it can hold a
/// comma; HTML's own lists of URLs, `ping`, are space-separated). Unknown keys of source
/// objects are named in `ignored`.
///
/// # Example
/// ```
/// use rotascope::config::{price_sources, PriceSource};
/// let mut ignored = Vec::new();
/// let s = price_sources(&serde_json::json!(["data/SPY.csv", {"url": "iwm.csv?v=2", "symbol": "IWM"}]), &mut ignored).unwrap();
/// assert_eq!(s[0], PriceSource::Url { url: "data/SPY.csv".into(), symbol: None, adjusted: None });
/// assert_eq!(s.len(), 2);
/// let attribute = price_sources(&"data/SPY.csv  data/IWM.csv".into(), &mut ignored).unwrap();
/// assert_eq!(attribute.len(), 2);
/// ```
pub fn price_sources(v: &Value, ignored: &mut Vec<String>) -> Result<Vec<PriceSource>, AnalysisError> {
    match v {
        Value::Array(items) if items.is_empty() => Err(bad("prices", v, PRICES_NONE)),
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, x) in items.iter().enumerate() {
                out.push(price_source(x, &format!("prices[{i}]"), ignored)?);
            }
            Ok(out)
        }
        Value::String(s) if s.trim_start_matches('\u{feff}').trim_start().starts_with('[') => match serde_json::from_str::<Value>(s.trim_start_matches('\u{feff}')) {
            Ok(list) => price_sources(&list, ignored),
            Err(e) => Err(bad_said("prices", &Value::String(crate::analysis::error::shown(s.trim())), Said::new(PRICES_LIST_JSON, &[("error", &e.to_string())]))),
        },
        // Split as HTML splits its token lists (class, ping): on ASCII whitespace.
        Value::String(s) if !is_data(s) && s.split_ascii_whitespace().nth(1).is_some() => {
            let urls: Vec<Value> = s.split_ascii_whitespace().map(Value::from).collect();
            price_sources(&Value::Array(urls), ignored)
        }
        _ => Ok(vec![price_source(v, "prices", ignored)?]),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    Rotation,
    Performance,
    Trend,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 3] = [View::Rotation, View::Performance, View::Trend];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Light,
    Dark,
    Auto,
}

/// Seconds a download of `analyze()` may take (it has no `timeout` option): the `timeout`
/// field's default, which a test holds to the table.
pub const DEFAULT_TIMEOUT_S: f64 = 30.0;

/// What a field is when the publisher leaves it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldDefault {
    /// It must be given (`prices`, unless a `note` is).
    Required,
    /// The value as a publisher would write it in an attribute, read by the field's own
    /// parser: every config starts from these.
    Value(&'static str),
    /// Nothing is set; what the widget does instead, in the README's words.
    Unset(&'static str),
}

/// Reads one field's value into a config (the value as written: JSON, or attribute text).
pub type ParseField = fn(&mut WidgetConfig, &Value) -> Result<(), AnalysisError>;

/// One configuration field.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The name in a JSON config and in the JS API (camelCase).
    pub name: &'static str,
    /// The attribute on `<rotascope-widget>`; with `data-` in front, on a placeholder.
    pub attribute: &'static str,
    /// What it is when left out (the README's and the d.ts's defaults are held to it).
    pub default: FieldDefault,
    /// Whether `analyze()` takes it too (read by the same parser).
    pub analyze: bool,
    /// Its parser.
    pub parse: ParseField,
}

impl PartialEq for Field {
    fn eq(&self, other: &Field) -> bool {
        self.name == other.name
    }
}

const fn field(name: &'static str, attribute: &'static str, default: FieldDefault, parse: ParseField) -> Field {
    Field { name, attribute, default, analyze: false, parse }
}

/// A field `analyze()` takes too.
const fn shared(name: &'static str, attribute: &'static str, default: FieldDefault, parse: ParseField) -> Field {
    Field { name, attribute, default, analyze: true, parse }
}

use FieldDefault::{Required, Unset};
use FieldDefault::Value as Written;

/// Every configuration field, with its default and its parser: the one list the widget's
/// config, `analyze()`'s options, the custom element's observed attributes
/// (`configAttributes()`, and through the loader's checked copy the iframe page's URL keys)
/// and the README's and d.ts's defaults are checked against. Adding a field is one row here
/// and its use.
pub const FIELDS: [Field; 25] = [
    // URL of price JSON or CSV, the data inline, or a list of sources.
    shared("prices", "prices", Required, |c, v| {
        let sources = price_sources(v, &mut c.ignored)?;
        c.prices.extend(sources);
        Ok(())
    }),
    shared("benchmark", "benchmark", Unset("`SPY` if loaded, else the first symbol"), |c, v| {
        c.benchmark = text("benchmark", v)?;
        Ok(())
    }),
    shared("symbols", "symbols", Unset("every loaded symbol but the benchmark"), |c, v| {
        c.symbols = Some(list("symbols", v)?).filter(|s| !s.is_empty());
        Ok(())
    }),
    shared("baskets", "baskets", Unset("none"), |c, v| {
        c.baskets = baskets(v)?;
        Ok(())
    }),
    field("title", "title", Unset("none"), |c, v| {
        c.title = text("title", v)?;
        Ok(())
    }),
    field("view", "view", Written("rotation"), |c, v| {
        c.view = enum_field("view", v, "rotation, performance, trend")?;
        Ok(())
    }),
    // One period here; `analyze()` reads a list of them itself.
    field("period", "period", Written("YTD"), |c, v| {
        if let Some(p) = text("period", v)? {
            c.period = Period::parse(&p)?;
        }
        Ok(())
    }),
    shared("asOf", "as-of", Unset("the last date in the data"), |c, v| {
        c.as_of = text("asOf", v)?;
        Ok(())
    }),
    shared("rotation", "rotation", Written(r#"{ "interval": "weekly", "window": 14, "tail": 10, "method": "log-trend" }"#), |c, v| {
        c.rotation = rotation(v, c.rotation)?;
        Ok(())
    }),
    // data-rotation-tail="6" and friends.
    field("rotationInterval", "rotation-interval", Written("weekly"), |c, v| rotation_setting(&mut c.rotation, "interval", v)),
    field("rotationWindow", "rotation-window", Written("14"), |c, v| rotation_setting(&mut c.rotation, "window", v)),
    field("rotationTail", "rotation-tail", Written("10"), |c, v| rotation_setting(&mut c.rotation, "tail", v)),
    field("rotationMethod", "rotation-method", Written("log-trend"), |c, v| rotation_setting(&mut c.rotation, "method", v)),
    field("theme", "theme", Written("auto"), |c, v| {
        c.theme = enum_field("theme", v, "light, dark, auto")?;
        Ok(())
    }),
    field("locale", "locale", Unset("`lang` when given or found on the page, else the browser's"), |c, v| {
        c.locale = text("locale", v)?;
        Ok(())
    }),
    // The interface's language (README "Languages"); a `lang` attribute on the custom element
    // is the HTML one, so it means the same.
    field("lang", "lang", Unset("the nearest `lang` attribute around the element (the page's), else English"), |c, v| {
        c.lang = text("lang", v)?;
        Ok(())
    }),
    // Texts replacing the language's: { "quadrant.leading": "Ahead" }.
    field("messages", "messages", Unset("none"), |c, v| {
        c.messages = match v {
            Value::Null => Vec::new(),
            _ => crate::chart::messages::read_overrides(&object_or_json("messages", v, Said::plain(MESSAGES_OBJECT), Said::plain(MESSAGES_OBJECT_ATTRIBUTE))?)?,
        };
        Ok(())
    }),
    field("height", "height", Written("480"), |c, v| {
        let h = number("height", v)?;
        if !(120.0..=4000.0).contains(&h) {
            return Err(bad("height", v, HEIGHT_RANGE));
        }
        c.height = h;
        Ok(())
    }),
    field("note", "note", Unset("none"), |c, v| {
        c.note = if v.is_null() { None } else { Some(source("note", v)?) };
        Ok(())
    }),
    field("bands", "bands", Written("[-0.6, -0.15, 0.15, 0.6]"), |c, v| {
        c.bands = bands(v)?;
        Ok(())
    }),
    field("tolerance", "tolerance", Written("0.5"), |c, v| {
        let t = number("tolerance", v)?;
        if !(t.is_finite() && t >= 0.0) {
            return Err(bad("tolerance", v, TOLERANCE_RANGE));
        }
        // Wider than 100 pp every figure "matches": the check would say nothing.
        if t > 100.0 {
            return Err(bad("tolerance", v, TOLERANCE_MAX));
        }
        c.tolerance = t;
        Ok(())
    }),
    field("lazy", "lazy", Written("true"), |c, v| {
        c.lazy = match v {
            Value::Bool(b) => *b,
            Value::String(s) if matches!(s.trim(), "true" | "") => true,
            Value::String(s) if s.trim() == "false" => false,
            _ => return Err(bad("lazy", v, LAZY_BOOL)),
        };
        Ok(())
    }),
    field("timeout", "timeout", Written("30"), |c, v| {
        let t = number("timeout", v)?;
        if !(t.is_finite() && (0.1..=600.0).contains(&t)) {
            return Err(bad("timeout", v, TIMEOUT_RANGE));
        }
        c.timeout_s = t;
        Ok(())
    }),
    // Re-request the prices (and the note) every so many seconds; off by default. Ten seconds
    // at least: faster would load the publisher's server for closes that change once a day.
    field("refresh", "refresh", Written("false"), |c, v| {
        c.refresh_s = match v {
            Value::Bool(false) | Value::Null => None,
            Value::String(s) if s.trim() == "false" => None,
            _ => {
                let t = number("refresh", v)?;
                if !(10.0..=86400.0).contains(&t) {
                    return Err(bad("refresh", v, REFRESH_RANGE));
                }
                Some(t)
            }
        };
        Ok(())
    }),
    // Keep the reader's view in the page URL's hash (`true`, or the key to use).
    field("permalink", "permalink", Written("false"), |c, v| {
        c.permalink = match v {
            Value::Bool(true) => Some(Permalink::Auto),
            Value::Bool(false) | Value::Null => None,
            Value::String(s) if matches!(s.trim(), "true" | "") => Some(Permalink::Auto),
            Value::String(s) if s.trim() == "false" => None,
            Value::String(s) if is_permalink_key(s.trim()) => Some(Permalink::Key(s.trim().to_owned())),
            _ => return Err(bad("permalink", v, PERMALINK_VALUE)),
        };
        Ok(())
    }),
];

/// Seconds until the next refresh after `failures` failed ones in a row: the interval, then
/// doubling up to ten minutes (an interval longer than that is kept).
pub fn refresh_delay(interval_s: f64, failures: u32) -> f64 {
    if failures == 0 {
        return interval_s;
    }
    (interval_s * 2f64.powi(failures.min(16) as i32)).min(600.0).max(interval_s)
}

/// The field a config key names: its camelCase name (`as_of` is also read, as before).
pub fn field_named(name: &str) -> Option<&'static Field> {
    let name = if name == "as_of" { "asOf" } else { name };
    FIELDS.iter().find(|f| f.name == name)
}

/// The field a `<rotascope-widget>` attribute (or a `data-` attribute without its prefix)
/// carries.
pub fn field_of_attribute(attribute: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.attribute == attribute)
}

#[derive(Debug, Clone, PartialEq)]
pub struct WidgetConfig {
    pub prices: Vec<PriceSource>,
    pub benchmark: Option<String>,
    pub symbols: Option<Vec<String>>,
    pub baskets: Vec<(String, Vec<String>)>,
    pub title: Option<String>,
    pub view: View,
    pub period: Period,
    pub as_of: Option<String>,
    pub rotation: RotationParams,
    pub theme: Theme,
    pub locale: Option<String>,
    /// The interface's language as written (`de`, `de-CH`); `None`: English, unless the
    /// embed layer finds a `lang` attribute around the element.
    pub lang: Option<String>,
    /// The publisher's texts by message key, checked against the English table.
    pub messages: Vec<(String, String)>,
    pub height: f64,
    pub note: Option<Source>,
    pub bands: Bands,
    /// Claim-check tolerance in percentage points.
    pub tolerance: f64,
    /// Load only when the widget comes near the viewport.
    pub lazy: bool,
    /// Seconds each download (prices, note) may take, headers to last byte.
    pub timeout_s: f64,
    /// Seconds between re-requests of the prices and the note; `None`: loaded once.
    pub refresh_s: Option<f64>,
    /// Whether (and under which hash key) the reader's view is kept in the page URL.
    pub permalink: Option<Permalink>,
    /// Fields this version does not know: reported, never silently dropped.
    pub ignored: Vec<String>,
}

/// Why a widget's config cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigError {
    /// The `<script type="application/json">` child holds JSON that is not an object (what it is).
    ScriptNotObject(String),
    /// The `<script type="application/json">` child is not valid JSON (the parser's words).
    ScriptNotJson(String),
    /// `permalink: true` on an element with neither an id nor a place among the page's widgets.
    NoPermalinkKey,
    /// A field that does not read.
    Field(Box<AnalysisError>),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::ScriptNotObject(what) => Said::new(SCRIPT_NOT_OBJECT, &[("what", what)]).fmt(f),
            ConfigError::ScriptNotJson(why) => Said::new(SCRIPT_NOT_JSON, &[("why", why)]).fmt(f),
            ConfigError::NoPermalinkKey => Said::plain(NO_PERMALINK_KEY).fmt(f),
            ConfigError::Field(e) => e.fmt(f),
        }
    }
}

impl From<AnalysisError> for ConfigError {
    fn from(e: AnalysisError) -> ConfigError {
        ConfigError::Field(Box::new(e))
    }
}

/// Why a `<script type="application/json">` child's value is no config: it is not an object
/// (the browser reads the child's text with the engine's `JSON.parse`, and the value as
/// `mount()`'s objects are read).
pub fn script_not_object(value: &Value) -> ConfigError {
    ConfigError::ScriptNotObject(crate::analysis::error::describe_json(value))
}

/// Why a config script's `text` gives no config, when the engine's `JSON.parse` refused it (its
/// words: `engine`) or its value could not be read: in serde_json's words, which name the line
/// and column, as for price files and notes.
///
/// # Example
/// ```
/// use rotascope::config::script_not_json;
/// assert_eq!(script_not_json("{", "").to_string(), "the config script is not valid JSON: EOF while parsing an object at line 1 column 1");
/// ```
pub fn script_not_json(text: &str, engine: &str) -> ConfigError {
    ConfigError::ScriptNotJson(serde_json::from_str::<Value>(text).err().map_or_else(|| engine.to_owned(), |e| e.to_string()))
}

/// How deep a config value read from a JavaScript object may nest (as deep as a JSON text
/// may: serde_json's limit). A cyclic object is refused rather than followed forever.
pub const NESTING: u8 = 128;

/// Reads one config value through any serde deserializer, as JSON would hold it: the
/// browser's objects come through serde-wasm-bindgen (no JSON text in between), nested at
/// most `self.0` levels. Numbers JSON cannot hold (NaN, ±Infinity) read as `null`, as
/// `JSON.stringify` writes them.
///
/// # Example
/// ```
/// use serde::de::DeserializeSeed;
/// use rotascope::config::Nested;
/// let v = Nested(2).deserialize(&mut serde_json::Deserializer::from_str(r#"{"a": [1]}"#)).unwrap();
/// assert_eq!(v, serde_json::json!({"a": [1]}));
/// assert!(Nested(1).deserialize(&mut serde_json::Deserializer::from_str(r#"{"a": [1]}"#)).is_err());
/// ```
#[derive(Clone, Copy)]
pub struct Nested(pub u8);

impl Nested {
    fn deeper<E: serde::de::Error>(self) -> Result<Nested, E> {
        self.0.checked_sub(1).map(Nested).ok_or_else(|| E::custom("nested too deeply"))
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Nested {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Nested {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = self.deeper()?;
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(inner)? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        let inner = self.deeper()?;
        let mut map = Map::new();
        while let Some(key) = entries.next_key::<String>()? {
            let v = entries.next_value_seed(inner)?;
            map.insert(key, v);
        }
        Ok(Value::Object(map))
    }
}

/// Whether `key` can name a view in the page URL's hash: 1 to 40 letters, digits, `-` and `_`.
pub fn is_permalink_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= 40 && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The key a widget's view takes in the page URL's hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Permalink {
    /// `permalink: true`: the host element's id, else `rotascope-N` (its place among the
    /// page's widgets), chosen when the widget mounts.
    Auto,
    /// `permalink: "name"`.
    Key(String),
}

impl WidgetConfig {
    /// The locale numbers, dates and times are written in: `locale`, else `lang`.
    pub fn locale_tag(&self) -> Option<&str> {
        self.locale.as_deref().or(self.lang.as_deref())
    }

    /// What the widget computes, as the options `analyze()` takes: the widget builds its
    /// [`crate::model::Model`] from these, so both derive every number the same way.
    pub fn analyze_options(&self) -> AnalyzeOptions {
        AnalyzeOptions {
            benchmark: self.benchmark.clone(),
            symbols: self.symbols.clone(),
            baskets: self.baskets.clone(),
            spreads: Vec::new(),
            as_of: self.as_of.clone(),
            periods: vec![self.period],
            rotation: self.rotation,
        }
    }
}

fn bad(field: &str, value: &Value, reason: Message) -> AnalysisError {
    bad_said(field, value, Said::plain(reason))
}

fn bad_said(field: &str, value: &Value, reason: Said) -> AnalysisError {
    AnalysisError::bad_option(field, value, reason)
}

fn source(field: &str, v: &Value) -> Result<Source, AnalysisError> {
    match v {
        // JSON text (a `data-note` attribute holding the note itself), not a URL.
        Value::String(s) if s.trim_start_matches('\u{feff}').trim_start().starts_with('{') => {
            let text = s.trim_start_matches('\u{feff}');
            serde_json::from_str(text).map(Source::Inline).map_err(|e| bad_said(field, v, Said::new(NOTE_JSON, &[("error", &e.to_string())])))
        }
        Value::String(s) if !s.trim().is_empty() => Ok(Source::Url(fetchable(field, s)?)),
        Value::Object(_) => Ok(Source::Inline(v.clone())),
        _ => Err(bad(field, v, NOTE_KIND)),
    }
}

fn text(field: &str, v: &Value) -> Result<Option<String>, AnalysisError> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => Ok(Some(s.trim().to_owned())),
        _ => Err(bad(field, v, TEXT)),
    }
}

/// A list given as an array of texts or as one comma-separated text (`data-symbols="IWM,IJR"`).
fn list(field: &str, v: &Value) -> Result<Vec<String>, AnalysisError> {
    let items: Vec<String> = match v {
        Value::String(s) => s.split(',').map(|p| p.trim().to_owned()).collect(),
        Value::Array(a) => {
            let mut out = Vec::with_capacity(a.len());
            for x in a {
                out.push(x.as_str().ok_or_else(|| bad(field, v, TEXTS))?.trim().to_owned());
            }
            out
        }
        _ => return Err(bad(field, v, SYMBOL_LIST)),
    };
    Ok(items.into_iter().filter(|s| !s.is_empty()).collect())
}

fn enum_field<T: for<'de> Deserialize<'de>>(field: &str, v: &Value, choices: &str) -> Result<T, AnalysisError> {
    let lowered = match v {
        Value::String(s) => Value::String(s.trim().to_ascii_lowercase()),
        other => other.clone(),
    };
    serde_json::from_value(lowered).map_err(|_| bad_said(field, v, Said::new(ONE_OF, &[("choices", choices)])))
}

fn number(field: &str, v: &Value) -> Result<f64, AnalysisError> {
    match v {
        Value::Number(n) => n.as_f64().ok_or_else(|| bad(field, v, NUMBER)),
        Value::String(s) => s.trim().trim_end_matches("px").parse().map_err(|_| bad(field, v, NUMBER)),
        _ => Err(bad(field, v, NUMBER)),
    }
}

impl WidgetConfig {
    /// Builds a config from a JSON object, applying every default.
    ///
    /// # Example
    /// ```
    /// use rotascope::config::{WidgetConfig, View};
    /// let c = WidgetConfig::from_json(r#"{"prices":"data/p.json","symbols":"IWM, IJR","view":"Performance"}"#).unwrap();
    /// assert_eq!(c.symbols, Some(vec!["IWM".to_string(), "IJR".to_string()]));
    /// assert_eq!(c.view, View::Performance);
    /// assert_eq!(c.rotation.window, 14);
    /// ```
    pub fn from_json(text: &str) -> Result<WidgetConfig, AnalysisError> {
        let value: Value = serde_json::from_str(text).map_err(|e| AnalysisError::bad_option("config", "(text)", e.to_string()))?;
        let Value::Object(map) = value else {
            return Err(bad("config", &value, OBJECT));
        };
        WidgetConfig::from_map(&map)
    }

    /// Every field at its default: each [`FieldDefault::Value`] of the table read by the
    /// field's own parser.
    pub fn defaults() -> WidgetConfig {
        // Placeholders, each replaced by its table default below (a test checks that every
        // default reads).
        let mut c = WidgetConfig {
            prices: Vec::new(),
            benchmark: None,
            symbols: None,
            baskets: Vec::new(),
            title: None,
            view: View::Rotation,
            period: Period::YearToDate,
            as_of: None,
            rotation: RotationParams::default(),
            theme: Theme::Auto,
            locale: None,
            lang: None,
            messages: Vec::new(),
            height: 0.0,
            note: None,
            bands: Bands::default(),
            tolerance: 0.0,
            lazy: false,
            timeout_s: 0.0,
            refresh_s: None,
            permalink: None,
            ignored: Vec::new(),
        };
        for f in &FIELDS {
            if let FieldDefault::Value(text) = f.default {
                let _ = (f.parse)(&mut c, &Value::String(text.to_owned()));
            }
        }
        c
    }

    pub fn from_map(map: &Map<String, Value>) -> Result<WidgetConfig, AnalysisError> {
        let mut c = WidgetConfig::defaults();
        for (key, v) in map {
            match field_named(key) {
                Some(field) => (field.parse)(&mut c, v)?,
                None => c.ignored.push(key.clone()),
            }
        }
        // A source list that reads is never empty.
        if c.prices.is_empty() && c.note.is_none() {
            return Err(AnalysisError::bad_option("prices", "missing", Said::plain(PRICES_MISSING)));
        }
        Ok(c)
    }
}

/// Four cut points as numbers or one text: `[-0.6, -0.15, 0.15, 0.6]` or `"-0.6,-0.15,0.15,0.6"`.
fn bands(v: &Value) -> Result<Bands, AnalysisError> {
    let four = || bad("bands", v, BANDS_FOUR);
    let mut parts: Vec<f64> = Vec::new();
    match v {
        Value::Array(a) => {
            for x in a {
                parts.push(x.as_f64().ok_or_else(four)?);
            }
        }
        Value::String(s) => {
            for p in s.trim_matches(|c| c == '[' || c == ']').split(',') {
                parts.push(p.trim().replace('−', "-").parse::<f64>().map_err(|_| four())?);
            }
        }
        _ => return Err(four()),
    }
    let cuts: [f64; 4] = parts.try_into().map_err(|_| four())?;
    Bands::new(cuts).map_err(|reason| bad_said("bands", v, reason))
}

fn baskets(v: &Value) -> Result<Vec<(String, Vec<String>)>, AnalysisError> {
    match v {
        Value::Null => Ok(Vec::new()),
        Value::String(s) if s.trim_start().starts_with('{') => baskets(&Value::Object(object_or_json("baskets", v, Said::plain(BASKETS_OBJECT), Said::plain(BASKETS_OBJECT_ATTRIBUTE))?)),
        Value::Object(m) => {
            let mut out = Vec::with_capacity(m.len());
            for (name, members) in m {
                let list = list(&format!("baskets.{name}"), members)?;
                if list.is_empty() {
                    return Err(bad(&format!("baskets.{name}"), members, BASKET_EMPTY));
                }
                out.push((name.clone(), list));
            }
            Ok(out)
        }
        // data-baskets="small:IWM IJR IWC; large:SPY IWB"
        Value::String(s) => {
            let mut out = Vec::new();
            for part in s.split(';').filter(|part| !part.trim().is_empty()) {
                let (name, members) = part.split_once(':').ok_or_else(|| bad("baskets", v, BASKETS_WRITTEN))?;
                let list: Vec<String> = members.split([' ', ',']).filter(|m| !m.is_empty()).map(str::to_owned).collect();
                if list.is_empty() {
                    return Err(bad("baskets", v, BASKET_EMPTY));
                }
                out.push((name.trim().to_owned(), list));
            }
            Ok(out)
        }
        _ => Err(bad("baskets", v, BASKETS_OBJECT)),
    }
}

/// An object given as such, or as JSON text (what a `data-` attribute carries).
fn object_or_json(field: &str, v: &Value, expected: Said, in_attribute: Said) -> Result<Map<String, Value>, AnalysisError> {
    match v {
        Value::Object(m) => Ok(m.clone()),
        Value::String(s) => match serde_json::from_str::<Value>(s) {
            Ok(Value::Object(m)) => Ok(m),
            _ => Err(bad_said(field, v, in_attribute)),
        },
        _ => Err(bad_said(field, v, expected)),
    }
}

fn rotation_setting(r: &mut RotationParams, key: &str, x: &Value) -> Result<(), AnalysisError> {
    match key {
        "interval" => r.interval = enum_field::<Interval>("rotation.interval", x, "weekly, daily")?,
        "window" => r.window = whole("rotation.window", x, 2)?,
        "tail" => r.tail = whole("rotation.tail", x, 1)?,
        "method" => {
            let text = x.as_str().ok_or_else(|| bad("rotation.method", x, ROTATION_METHOD))?;
            r.method = RotationMethod::parse(text).map_err(|why| bad_said("rotation.method", x, why))?;
        }
        _ => return Err(bad(&format!("rotation.{key}"), x, ROTATION_SETTING)),
    }
    Ok(())
}

/// The rotation object's settings, as messages write them.
const ROTATION_FIELDS: &str = "{ interval, window, tail, method }";

fn rotation(v: &Value, mut r: RotationParams) -> Result<RotationParams, AnalysisError> {
    for (key, x) in &object_or_json("rotation", v, Said::new(ROTATION_OBJECT, &[("fields", ROTATION_FIELDS)]), Said::new(ROTATION_OBJECT_ATTRIBUTE, &[("fields", ROTATION_FIELDS)]))? {
        rotation_setting(&mut r, key, x)?;
    }
    Ok(r)
}

/// Periods given as one text (`"YTD"`, `"1M, 3M"`) or an array of texts.
fn periods(v: &Value) -> Result<Vec<Period>, AnalysisError> {
    let mut out = Vec::new();
    for p in list("period", v)? {
        out.push(Period::parse(&p)?);
    }
    Ok(out)
}

/// Spreads given as `[["small", "large"]]` or `[{ "long": "small", "short": "large" }]`.
fn spreads(v: &Value) -> Result<Vec<(String, String)>, AnalysisError> {
    let Value::Array(items) = v else {
        return Err(bad("spreads", v, SPREADS_LIST));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let field = format!("spreads[{i}]");
        let pair = match item {
            Value::Array(p) => match p.as_slice() {
                [long, short] => (long.as_str(), short.as_str()),
                _ => (None, None),
            },
            Value::Object(o) => (o.get("long").and_then(Value::as_str), o.get("short").and_then(Value::as_str)),
            _ => (None, None),
        };
        match pair {
            (Some(l), Some(s)) => out.push((l.trim().to_owned(), s.trim().to_owned())),
            _ => return Err(bad_said(&field, item, Said::new(SPREAD_PAIR, &[("pair", "[long, short]"), ("object", "{ long, short }")]))),
        }
    }
    Ok(out)
}

/// The options of `Rotascope.analyze(options)`, except `prices` (the caller loads those).
#[derive(Debug, Clone, PartialEq)]
pub struct AnalyzeRequest {
    pub prices: Vec<PriceSource>,
    pub options: AnalyzeOptions,
    /// Options this version does not know: returned as warnings.
    pub ignored: Vec<String>,
}

impl AnalyzeRequest {
    /// # Example
    /// ```
    /// use rotascope::config::AnalyzeRequest;
    /// let r = AnalyzeRequest::from_json(r#"{"prices":"p.json","period":["1M","YTD"],"rotation":{"window":10}}"#).unwrap();
    /// assert_eq!(r.options.periods.len(), 2);
    /// assert_eq!(r.options.rotation.window, 10);
    /// ```
    pub fn from_json(json: &str) -> Result<AnalyzeRequest, AnalysisError> {
        let value: Value = serde_json::from_str(json).map_err(|e| AnalysisError::bad_option("options", "(text)", e.to_string()))?;
        let Value::Object(map) = value else {
            return Err(bad("options", &value, OBJECT));
        };
        AnalyzeRequest::from_map_with(&map, Vec::new())
    }

    /// Like [`AnalyzeRequest::from_json`], for options already read (the browser reads them
    /// as JS values), with price sources the caller read separately (the browser hands large
    /// inline data over without a JSON round trip); a `prices` field in `map` adds to them.
    pub fn from_map_with(map: &Map<String, Value>, prices: Vec<PriceSource>) -> Result<AnalyzeRequest, AnalysisError> {
        // The widget's fields that analyze() takes, read by the table's parsers from the
        // table's defaults; then its own: a list of periods, and spreads.
        let mut c = WidgetConfig::defaults();
        c.prices = prices;
        let (mut periods_given, mut spreads_given) = (Vec::new(), Vec::new());
        for (key, v) in map {
            match key.as_str() {
                "spreads" => spreads_given = spreads(v)?,
                "period" | "periods" => periods_given = periods(v)?,
                _ => match field_named(key) {
                    Some(field) if field.analyze => (field.parse)(&mut c, v)?,
                    _ => c.ignored.push(key.clone()),
                },
            }
        }
        let options = AnalyzeOptions { spreads: spreads_given, periods: periods_given, ..c.analyze_options() };
        let r = AnalyzeRequest { prices: c.prices, options, ignored: c.ignored };
        if r.prices.is_empty() {
            return Err(AnalysisError::bad_option("prices", "missing", Said::plain(PRICES_MISSING_DATA)));
        }
        Ok(r)
    }
}

fn whole(field: &str, v: &Value, min: usize) -> Result<usize, AnalysisError> {
    let n = number(field, v)?;
    if n.fract() != 0.0 || n < min as f64 || n > 1e9 {
        return Err(bad_said(field, v, Said::new(WHOLE, &[("min", &min.to_string())])));
    }
    Ok(n as usize)
}

/// The box a widget keeps from the first paint to a drawn chart, so the page never jumps:
/// its height in CSS pixels for a host `width` pixels wide, from the config as written (read
/// leniently: a value the widget will refuse counts as its default, since the error card
/// keeps the same box). README "Height rule" gives the formula; `www/rotascope.js` holds the
/// same rule for the moment before the WebAssembly runs, and an end-to-end test checks the
/// two agree.
///
/// Content taller than the box (more symbols than the rule assumed, a note card longer than
/// its share) scrolls inside it; shorter content leaves the space at the foot.
pub fn box_height(raw: &Map<String, Value>, width: f64) -> f64 {
    let text = |key: &str| raw.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty());
    let defaults = WidgetConfig::defaults();
    let view = match text("view").map(str::to_ascii_lowercase).as_deref() {
        Some("rotation") => View::Rotation,
        Some("performance") => View::Performance,
        Some("trend") => View::Trend,
        _ => defaults.view,
    };
    let chart = match raw.get("height") {
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) => s.trim().parse::<f64>().ok(),
        _ => None,
    }
    .filter(|h| (120.0..=4000.0).contains(h))
    .unwrap_or(defaults.height);
    let count = |key: &str, separator: fn(char) -> bool| match raw.get(key) {
        Some(Value::Array(items)) => Some(items.len()),
        Some(Value::Object(groups)) => Some(groups.len()),
        Some(Value::String(s)) => Some(s.split(separator).filter(|part| !part.trim().is_empty()).count()),
        _ => None,
    };
    let symbols = count("symbols", |c| c == ',' || c.is_whitespace()).filter(|n| *n > 0).unwrap_or(BOX_ASSUMED_SYMBOLS);
    let has = |key: &str| raw.get(key).is_some_and(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()));
    let width = if width.is_finite() && width > 0.0 { width } else { 600.0 };
    // Beside the chart, the note card takes a column of its own: the chart column is narrower.
    let beside = has("note") && width >= BOX_CARD_BESIDE;
    let main = if beside { width - BOX_CARD_COLUMN } else { width };
    let class = BOX_BAND_FROM.iter().rposition(|&from| main >= from).unwrap_or(0);
    let (base, per_row) = BOX_BANDS
        .iter()
        .find(|(v, _)| *v == view)
        .and_then(|(_, by_class)| by_class.get(class))
        .copied()
        .unwrap_or((500.0, 30.0));
    let (rows, chart) = match view {
        // One table row a symbol (the benchmark's row is in the base; baskets have none).
        View::Rotation | View::Performance => (symbols, chart),
        // The trend view draws its RS panel a third as tall as the price chart.
        View::Trend => (0, chart * 4.0 / 3.0),
    };
    let title = text("title").map_or(0.0, |t| {
        let lines = (t.chars().count() as f64 * BOX_TITLE_CHAR / (width - 34.0).max(100.0)).ceil();
        lines * BOX_TITLE_LINE
    });
    let card_height = BOX_CARD_STACKED.get(class).copied().unwrap_or(1180.0);
    if !has("prices") && has("note") {
        return (BOX_FRAME + title + card_height).ceil();
    }
    let card = if has("note") && !beside { BOX_CARD_GAP + card_height } else { 0.0 };
    (base + chart + rows as f64 * per_row + title + card).ceil()
}

/// How many symbols the height rule assumes when the config does not list them.
pub const BOX_ASSUMED_SYMBOLS: usize = 10;
/// Where the rule's width bands start (the chart column's width in CSS pixels): controls and
/// legends wrap onto fewer lines as the widget widens.
pub const BOX_BAND_FROM: [f64; 8] = [0.0, 340.0, 370.0, 420.0, 555.0, 700.0, 830.0, 1050.0];
/// Per view and width band: the height of everything but the chart and the table rows (frame,
/// tabs, controls, legend, table header, footnote), and the height of one table row. Measured
/// on the widget as drawn, at the tallest point of each band, plus 8 px (README "Height rule").
pub const BOX_BANDS: [(View, [(f64, f64); 8]); 3] = [
    (View::Rotation, [(775.0, 32.0), (680.0, 32.0), (650.0, 28.0), (566.0, 33.0), (527.0, 33.0), (460.0, 30.0), (452.0, 30.0), (410.0, 30.0)]),
    (View::Performance, [(635.0, 33.5), (553.0, 33.5), (522.0, 29.5), (485.0, 33.0), (485.0, 33.0), (429.0, 30.0), (410.0, 30.0), (368.0, 30.0)]),
    (View::Trend, [(709.0, 0.0), (584.0, 0.0), (549.0, 0.0), (507.0, 0.0), (384.0, 0.0), (367.0, 0.0), (367.0, 0.0), (350.0, 0.0)]),
];
/// From this host width the research note card stands beside the chart, in a column this wide
/// (with the gap); below it, it goes under the chart.
pub const BOX_CARD_BESIDE: f64 = 914.0;
pub const BOX_CARD_COLUMN: f64 = 318.0;
/// A title line: 17 px text at 1.3, and the width one character is allowed.
pub const BOX_TITLE_LINE: f64 = 22.5;
pub const BOX_TITLE_CHAR: f64 = 10.0;
/// The research note card below the chart (where it does not fit beside it), by width band:
/// the sample note's card as drawn (four checked figures, its alerts). A longer note grows the
/// box at its foot. Beside the chart the card takes the chart column's height and scrolls
/// inside it.
pub const BOX_CARD_STACKED: [f64; 8] = [1820.0, 1690.0, 1590.0, 1350.0, 1290.0, 1210.0, 1180.0, 1180.0];
pub const BOX_CARD_GAP: f64 = 18.0;
/// The widget's border and padding, for a card standing alone.
pub const BOX_FRAME: f64 = 26.0;

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: serde_json::Value) -> Map<String, Value> {
        pairs.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn the_height_rule_by_hand() {
        // Rotation, ten symbols assumed, band from 830: 452 + 480 + 10 × 30.
        assert_eq!(box_height(&raw(serde_json::json!({ "prices": "p.json" })), 1000.0), 1232.0);
        // Performance on a 390 px phone (band from 370): 522 + 480 + 2 symbols × 29.5 (its
        // baskets are lines, not table rows).
        let perf = raw(serde_json::json!({ "prices": "p.json", "view": "performance", "symbols": "IWM, IJR", "baskets": "small: IWM IJR; large: SPY" }));
        assert_eq!(box_height(&perf, 390.0), 1061.0);
        // Trend, 360 px chart (its RS panel a third of that again) and a one-line title, at 760
        // (band from 700): 367 + 480 + 22.5 = 869.5, up to 870.
        let trend = raw(serde_json::json!({ "prices": "p.json", "view": "trend", "height": "360", "title": "Small caps" }));
        assert_eq!(box_height(&trend, 760.0), 870.0);
        // A 34-character title needs two lines in a 330 px widget: 34 × 10 / (330 − 34) = 1.15.
        let titled = raw(serde_json::json!({ "prices": "p.json", "symbols": ["IWM"], "title": "Size and style against the S&P 500" }));
        assert_eq!(box_height(&titled, 330.0), 775.0 + 480.0 + 32.0 + 45.0);
        // A note below the chart adds its gap and the card's band height (1290 px from 555);
        // beside it (from 914 px) the chart column is 318 px narrower and nothing is added.
        let noted = raw(serde_json::json!({ "prices": "p.json", "symbols": "IWM", "note": "n.json" }));
        assert_eq!(box_height(&noted, 600.0), 527.0 + 480.0 + 33.0 + 18.0 + 1290.0);
        // 1200 − 318 = 882: the band from 830.
        assert_eq!(box_height(&noted, 1200.0), 452.0 + 480.0 + 30.0);
        // A card alone: the frame and the card (1350 px from 420).
        assert_eq!(box_height(&raw(serde_json::json!({ "note": "n.json" })), 500.0), 1376.0);
    }

    #[test]
    fn the_height_rule_reads_leniently_and_a_value_the_widget_refuses_counts_as_its_default() {
        let plain = box_height(&raw(serde_json::json!({ "prices": "p.json" })), 800.0);
        for bad in [serde_json::json!({ "prices": "p.json", "height": "tall" }), serde_json::json!({ "prices": "p.json", "height": 9000 }), serde_json::json!({ "prices": "p.json", "view": "pie" }), serde_json::json!({ "prices": "p.json", "symbols": "" })] {
            assert_eq!(box_height(&raw(bad.clone()), 800.0), plain, "{bad}");
        }
        // No width yet (a host not in the layout) is read as 600 px; every answer is finite.
        for width in [f64::NAN, -1.0, 0.0] {
            assert_eq!(box_height(&raw(serde_json::json!({})), width), box_height(&raw(serde_json::json!({})), 600.0));
        }
    }

    #[test]
    fn the_height_rule_grows_with_rows_and_chart_height_and_shrinks_with_width() {
        for view in ["rotation", "performance"] {
            let at = |symbols: usize, height: f64, width: f64| {
                let list: Vec<String> = (0..symbols).map(|k| format!("S{k}")).collect();
                box_height(&raw(serde_json::json!({ "prices": "p.json", "view": view, "symbols": list, "height": height })), width)
            };
            for width in [320.0, 390.0, 600.0, 800.0, 1200.0] {
                assert!(at(5, 480.0, width) > at(4, 480.0, width));
                assert_eq!(at(5, 600.0, width) - at(5, 480.0, width), 120.0);
            }
            let widths: Vec<f64> = (300..1400).step_by(10).map(f64::from).collect();
            for pair in widths.windows(2) {
                if let [narrow, wide] = pair {
                    assert!(at(5, 480.0, *wide) <= at(5, 480.0, *narrow), "{view}: {narrow} → {wide}");
                }
            }
        }
    }

    #[test]
    fn defaults_apply() {
        let c = WidgetConfig::from_json(r#"{"prices":"p.json"}"#).unwrap();
        assert_eq!(c.prices, vec![PriceSource::Url { url: "p.json".into(), symbol: None, adjusted: None }]);
        assert_eq!((c.view, c.theme, c.period, c.height), (View::Rotation, Theme::Auto, Period::YearToDate, 480.0));
        assert_eq!(c.rotation, RotationParams { interval: Interval::Weekly, window: 14, tail: 10, method: RotationMethod::LogTrend });
        assert!(c.ignored.is_empty());
    }

    #[test]
    fn a_config_script_holds_an_object() {
        assert_eq!(script_not_object(&serde_json::json!([1])).to_string(), format!("the config script should hold a JSON object, but it is {}", crate::analysis::error::describe_json(&serde_json::json!([1]))));
        assert_eq!(script_not_json("{", "").to_string(), "the config script is not valid JSON: EOF while parsing an object at line 1 column 1");
        assert_eq!(script_not_json("[1]", "nested too deeply").to_string(), "the config script is not valid JSON: nested too deeply", "the engine's words when serde_json reads it");
        let e: ConfigError = WidgetConfig::from_json("{}").unwrap_err().into();
        assert_eq!(e.to_string(), "option `prices` = missing: give the URL of the price data or the data inline");
        assert_eq!(ConfigError::NoPermalinkKey.to_string(), "option `permalink` = true: this element has no id to name its view in the address; give it an id, or set permalink to a key");
    }

    #[test]
    fn every_default_in_the_table_reads_and_is_what_the_widget_starts_from() {
        for f in &FIELDS {
            if let FieldDefault::Value(text) = f.default {
                let mut c = WidgetConfig::defaults();
                assert_eq!((f.parse)(&mut c, &Value::from(text)), Ok(()), "{}: {text}", f.name);
                assert_eq!(c, WidgetConfig::defaults(), "{}'s default is what the config starts from", f.name);
            }
        }
        let c = WidgetConfig::defaults();
        assert_eq!((c.tolerance, c.lazy, c.timeout_s, c.permalink, c.bands), (0.5, true, 30.0, None, Bands([-0.6, -0.15, 0.15, 0.6])));
        assert_eq!((c.view, c.theme, c.period, c.height), (View::Rotation, Theme::Auto, Period::YearToDate, 480.0));
        // The analysis layer's own defaults (for callers of the library) agree with the table.
        assert_eq!((c.rotation, c.bands, c.timeout_s), (RotationParams::default(), Bands::default(), DEFAULT_TIMEOUT_S));
        assert_eq!(AnalyzeRequest::from_json(r#"{"prices":"p"}"#).map(|r| r.options), Ok(AnalyzeOptions { rotation: c.rotation, ..AnalyzeOptions::default() }));
        // Only `prices` is required (or a note in its place); nothing else is unset text.
        assert_eq!(FIELDS.iter().filter(|f| f.default == FieldDefault::Required).map(|f| f.name).collect::<Vec<_>>(), ["prices"]);
    }

    #[test]
    fn only_addresses_that_can_be_downloaded_are_urls() {
        let err = |json: &str| WidgetConfig::from_json(json).unwrap_err().to_string();
        assert_eq!(
            err(r#"{"prices":"javascript:alert(1)"}"#),
            r#"option `prices` = "javascript:alert(1)": a javascript: address cannot be downloaded; give an https:// URL or a path on this site, or the data itself"#
        );
        let long = format!("data:text/csv,{}", "x".repeat(100));
        assert!(err(&format!(r#"{{"prices":"{long}"}}"#)).starts_with(r#"option `prices` = "data:text/csv,xxxxxxxxxxxxxxxxxxxxxxxxxx… (114 characters)": a data: address"#));
        assert!(err(r#"{"prices":[{"url":"FILE:///p.csv"}]}"#).starts_with("option `prices[0].url` = \"FILE:///p.csv\": a file: address"));
        assert!(err(r#"{"prices":"p.json","note":"data:,{}"}"#).starts_with("option `note` = "));
        for ok in ["https://x.org/p.json", "http://x.org/p.json", "blob:https://x.org/1", "p.json", "/d/p.json?a=b:c", "//cdn.x.org/p.json"] {
            let c = WidgetConfig::from_json(&format!(r#"{{"prices":"{ok}"}}"#)).unwrap();
            assert_eq!(c.prices, vec![PriceSource::Url { url: ok.into(), symbol: None, adjusted: None }], "{ok}");
        }
    }

    #[test]
    fn accepts_attribute_style_strings() {
        let c = WidgetConfig::from_json(
            r#"{"prices":"p.json","height":"360px","theme":"Dark","baskets":"small: IWM IJR; large: SPY",
                "rotation":{"window":"10","tail":5,"interval":"daily","method":"zscore"},"colour":"red"}"#,
        )
        .unwrap();
        assert_eq!(c.height, 360.0);
        assert_eq!(c.theme, Theme::Dark);
        assert_eq!(c.baskets, vec![("small".into(), vec!["IWM".into(), "IJR".into()]), ("large".into(), vec!["SPY".into()])]);
        assert_eq!(c.rotation, RotationParams { interval: Interval::Daily, window: 10, tail: 5, method: RotationMethod::Zscore });
        assert_eq!(c.ignored, vec!["colour".to_string()]);
    }

    #[test]
    fn object_fields_accept_json_text_and_flattened_attributes() {
        let c = WidgetConfig::from_json(
            r#"{"prices":"p","rotation":"{\"tail\": 6, \"interval\": \"daily\"}","rotationWindow":"10","rotationMethod":"zscore",
                "baskets":"{\"small\": [\"IWM\"], \"large\": \"SPY, IWB\"}"}"#,
        )
        .unwrap();
        assert_eq!(c.rotation, RotationParams { interval: Interval::Daily, window: 10, tail: 6, method: RotationMethod::Zscore });
        assert_eq!(c.baskets[1], ("large".to_string(), vec!["SPY".to_string(), "IWB".to_string()]));
        assert_eq!(
            WidgetConfig::from_json(r#"{"prices":"p","rotation":"tail 6"}"#).unwrap_err().to_string(),
            "option `rotation` = \"tail 6\": expected { interval, window, tail, method } (as JSON in an attribute)"
        );
    }

    #[test]
    fn note_settings_and_a_card_without_prices() {
        let c = WidgetConfig::from_json(r#"{"note":"n.json","bands":"-0.5, -0.1, 0.1, 0.5","tolerance":"1"}"#).unwrap();
        assert!(c.prices.is_empty());
        assert_eq!(c.note, Some(Source::Url("n.json".into())));
        assert_eq!(c.bands, Bands([-0.5, -0.1, 0.1, 0.5]));
        assert_eq!(c.tolerance, 1.0);
        assert_eq!(
            WidgetConfig::from_json(r#"{"note":"n","bands":[0.5,0.1,0.2,0.6]}"#).unwrap_err().to_string(),
            "option `bands` = [0.5,0.1,0.2,0.6]: band cut points must be four increasing numbers within −1..1, got [0.5, 0.1, 0.2, 0.6]"
        );
        assert!(WidgetConfig::from_json(r#"{"note":"n","tolerance":-1}"#).is_err());
        // Up to 100 pp; beyond, the error names the field and the value.
        assert_eq!(WidgetConfig::from_json(r#"{"note":"n","tolerance":100}"#).map(|c| c.tolerance), Ok(100.0));
        assert_eq!(
            WidgetConfig::from_json(r#"{"note":"n","tolerance":"250"}"#).unwrap_err().to_string(),
            "option `tolerance` = \"250\": use at most 100 percentage points"
        );
        assert_eq!(WidgetConfig::from_json(r#"{"prices":"p.json"}"#).unwrap().timeout_s, 30.0);
        // Data after a byte-order mark, and lines ended by lone CRs, are data, not URLs.
        for text in ["\u{feff}{\"dates\":[]}", "Date,Close\r2026-01-02,1\r"] {
            assert!(matches!(price_sources(&Value::from(text), &mut Vec::new()).unwrap().as_slice(), [PriceSource::Text { .. }]), "{text:?}");
        }
        assert_eq!(WidgetConfig::from_json(r#"{"prices":"p.json","timeout":"2.5"}"#).unwrap().timeout_s, 2.5);
        for (bad, expected) in [("0", "option `timeout` = 0: use a number of seconds from 0.1 to 600"), ("601", "option `timeout` = 601: use a number of seconds from 0.1 to 600"), ("\"soon\"", "option `timeout` = \"soon\": expected a number")] {
            let e = WidgetConfig::from_json(&format!(r#"{{"prices":"p.json","timeout":{bad}}}"#)).unwrap_err().to_string();
            assert_eq!(e, expected);
        }
    }

    #[test]
    fn failed_refreshes_back_off_doubling_up_to_ten_minutes() {
        let delays: Vec<f64> = (0..8).map(|n| refresh_delay(60.0, n)).collect();
        assert_eq!(delays, vec![60.0, 120.0, 240.0, 480.0, 600.0, 600.0, 600.0, 600.0]);
        assert_eq!(refresh_delay(10.0, 1), 20.0);
        // An interval longer than ten minutes is never shortened by a failure.
        assert_eq!(refresh_delay(3600.0, 3), 3600.0);
        assert_eq!(refresh_delay(10.0, u32::MAX), 600.0);
    }

    #[test]
    fn refresh_is_off_unless_given_and_at_least_ten_seconds() {
        assert_eq!(WidgetConfig::from_json(r#"{"prices":"p.json"}"#).unwrap().refresh_s, None);
        for (given, expected) in [("60", Some(60.0)), ("\"10\"", Some(10.0)), ("false", None), ("\"false\"", None), ("null", None)] {
            assert_eq!(WidgetConfig::from_json(&format!(r#"{{"prices":"p.json","refresh":{given}}}"#)).unwrap().refresh_s, expected, "{given}");
        }
        for (bad, expected) in [
            ("9.5", "option `refresh` = 9.5: use a number of seconds from 10 to 86400, or false"),
            ("0", "option `refresh` = 0: use a number of seconds from 10 to 86400, or false"),
            ("90000", "option `refresh` = 90000: use a number of seconds from 10 to 86400, or false"),
            ("true", "option `refresh` = true: expected a number"),
            ("\"hourly\"", "option `refresh` = \"hourly\": expected a number"),
        ] {
            let e = WidgetConfig::from_json(&format!(r#"{{"prices":"p.json","refresh":{bad}}}"#)).unwrap_err().to_string();
            assert_eq!(e, expected);
        }
    }

    fn url(url: &str) -> PriceSource {
        PriceSource::Url { url: url.into(), symbol: None, adjusted: None }
    }

    #[test]
    fn an_attribute_text_carries_a_list_of_sources() {
        let read = |text: &str| (WidgetConfig::from_json(&serde_json::json!({ "prices": text }).to_string()).map(|c| c.prices),);
        // URLs separated by whitespace, on one line or several (a comma may be in a URL).
        for text in ["data/IWM.csv data/SPY.csv", "  data/IWM.csv\n\t data/SPY.csv\r\n", "data/IWM.csv\rdata/SPY.csv"] {
            assert_eq!(read(text).0, Ok(vec![url("data/IWM.csv"), url("data/SPY.csv")]), "{text:?}");
        }
        assert_eq!(read("https://x.org/p?s=IWM,SPY").0, Ok(vec![url("https://x.org/p?s=IWM,SPY")]));
        assert_eq!(read("p.csv\n").0, Ok(vec![url("p.csv")]), "one URL and a line end");
        // A JSON array: the entries of the JSON config, each named by its place.
        let c = WidgetConfig::from_json(&serde_json::json!({
            "prices": r#" [ "data/IWM.csv", {"url": "spy.csv?v=2", "symbol": " SPY ", "adjusted": true}, {"csv": "Date,Close\n2026-01-02,1\n", "symbol": "X", "adjusted": false} ]"#,
        }).to_string())
        .unwrap();
        assert_eq!(
            c.prices,
            vec![
                url("data/IWM.csv"),
                PriceSource::Url { url: "spy.csv?v=2".into(), symbol: Some("SPY".into()), adjusted: Some(Adjustment::TotalReturn) },
                PriceSource::Text { text: "Date,Close\n2026-01-02,1\n".into(), symbol: Some("X".into()), adjusted: Some(Adjustment::PriceOnly) },
            ]
        );
        // CSV and JSON data stay data.
        for text in ["Date,Close\n2026-01-02,1\n", "Date;Close\r2026-01-02;1", "\u{feff}{\"dates\":[]}"] {
            assert!(matches!(read(text).0.as_deref(), Ok([PriceSource::Text { .. }])), "{text:?}");
        }
        let err = |text: &str| read(text).0.unwrap_err().to_string();
        assert_eq!(
            err("[[\"2026-01-02\", 1]]"),
            "option `prices[0]` = [\"2026-01-02\",1]: a list holds sources, each a URL, CSV or JSON text, or an object: { \"url\": …, \"symbol\": …, \"adjusted\": … }, { \"csv\": …, \"symbol\": …, \"adjusted\": … }, or the price data"
        );
        assert_eq!(err("[1]"), "option `prices[0]` = 1: a list holds sources, each a URL, CSV or JSON text, or an object: { \"url\": …, \"symbol\": …, \"adjusted\": … }, { \"csv\": …, \"symbol\": …, \"adjusted\": … }, or the price data");
        assert_eq!(
            err("[\"a.csv\", \"b.csv\""),
            "option `prices` = \"[\\\"a.csv\\\", \\\"b.csv\\\"\": a text starting with [ is read as a JSON list of sources, but it is not valid JSON (EOF while parsing a list at line 1 column 17)"
        );
        assert_eq!(err("[]"), "option `prices` = []: the list of sources is empty");
        assert_eq!(err("a.csv javascript:alert(1)"), "option `prices[1]` = \"javascript:alert(1)\": a javascript: address cannot be downloaded; give an https:// URL or a path on this site, or the data itself");
    }

    #[test]
    fn a_source_object_says_what_its_closes_are_and_unknown_keys_are_named_with_their_place() {
        let c = WidgetConfig::from_json(r#"{"prices":[{"url":"a.csv","adjusted":true},{"url":"b.csv","adjustd":true,"csv":"x"},{"csv":"Date,Close\n","Symbol":"B"}],"colour":"red"}"#).unwrap();
        assert_eq!(c.prices.first(), Some(&PriceSource::Url { url: "a.csv".into(), symbol: None, adjusted: Some(Adjustment::TotalReturn) }));
        assert_eq!(c.ignored, vec!["prices[1].adjustd".to_string(), "prices[1].csv".into(), "prices[2].Symbol".into(), "colour".into()]);
        let r = AnalyzeRequest::from_json(r#"{"prices":"[{\"url\":\"a.csv\",\"adjustd\":true}]"}"#).unwrap();
        assert_eq!(r.ignored, vec!["prices[0].adjustd".to_string()]);
        let err = |json: &str| WidgetConfig::from_json(json).unwrap_err().to_string();
        assert_eq!(err(r#"{"prices":[{"url":"a.csv","adjusted":"yes"}]}"#), "option `prices[0].adjusted` = \"yes\": use true (total-return closes, dividends reinvested) or false (price closes)");
        assert_eq!(err(r#"{"prices":{"csv":"Date,Close\n","symbol":5}}"#), "option `prices.symbol` = 5: give the symbol as a text");
        assert_eq!(err(r#"{"prices":{"csv":3}}"#), "option `prices.csv` = 3: give the CSV as a text");
    }

    #[test]
    fn bad_fields_name_the_field() {
        let cases = [
            (r#"{}"#, "option `prices` = missing: give the URL of the price data or the data inline"),
            (r#"{"prices":5}"#, "option `prices` = 5: give a URL, JSON or CSV text, an object, or a list of those"),
            (r#"{"prices":[]}"#, "option `prices` = []: the list of sources is empty"),
            (r#"{"prices":[{"url":3}]}"#, "option `prices[0].url` = 3: give the URL as a text"),
            (r#"{"prices":"p","view":"pie"}"#, "option `view` = \"pie\": use one of rotation, performance, trend"),
            (r#"{"prices":"p","rotation":{"window":1}}"#, "option `rotation.window` = 1: use a whole number of at least 2"),
            (r#"{"prices":"p","rotation":{"speed":1}}"#, "option `rotation.speed` = 1: not a rotation setting (interval, window, tail, method)"),
            (r#"{"prices":"p","rotationTail":"0"}"#, "option `rotation.tail` = \"0\": use a whole number of at least 1"),
            (
                r#"{"prices":"p","rotationMethod":"ratio-roc"}"#,
                "option `rotation.method` = \"ratio-roc\": ratio-roc was retired: it measured each symbol in its own units, so distance from 100 did not mean strength; use log-trend (the default) or zscore",
            ),
            (r#"{"prices":"p","height":"tall"}"#, "option `height` = \"tall\": expected a number"),
            (r#"{"prices":"p","height":50}"#, "option `height` = 50: use a height between 120 and 4000 pixels"),
            (r#"{"prices":"p","baskets":{"small":[]}}"#, "option `baskets.small` = []: a basket needs at least one symbol"),
            (r#"{"prices":"p","period":"2W"}"#, "option `period` = \"2W\": use 1W, 1M, 3M, 6M, YTD, 1Y, 3Y or a start date YYYY-MM-DD"),
        ];
        for (input, expected) in cases {
            assert_eq!(WidgetConfig::from_json(input).unwrap_err().to_string(), expected, "{input}");
        }
    }

    #[test]
    fn analyze_options_parse_with_field_names_in_errors() {
        let r = AnalyzeRequest::from_json(
            r#"{"prices":"Date,Close\n2026-01-02,1\n","benchmark":"SPY","symbols":["IWM","IJR"],"asOf":"2026-07-13",
                "period":"1M, YTD","baskets":{"small":["IWM"],"large":["SPY"]},
                "spreads":[["small","large"],{"long":"IWM","short":"SPY"}],
                "rotation":{"interval":"daily","window":10,"tail":5,"method":"log-trend"},"colour":"red"}"#,
        )
        .unwrap();
        let o = &r.options;
        assert_eq!(r.prices, vec![PriceSource::Text { text: "Date,Close\n2026-01-02,1\n".into(), symbol: None, adjusted: None }]);
        assert_eq!(o.benchmark.as_deref(), Some("SPY"));
        assert_eq!(o.periods, vec![Period::Month1, Period::YearToDate]);
        assert_eq!(o.spreads, vec![("small".into(), "large".into()), ("IWM".into(), "SPY".into())]);
        assert_eq!(o.rotation, RotationParams { interval: Interval::Daily, window: 10, tail: 5, method: RotationMethod::LogTrend });
        assert_eq!(r.ignored, vec!["colour".to_string()]);
        let cases = [
            (r#"{"benchmark":"SPY"}"#, "option `prices` = missing: give the price data (an object, JSON or CSV text, a URL, or a list of those)"),
            (r#"{"prices":"p","spreads":[["a"]]}"#, "option `spreads[0]` = [\"a\"]: give [long, short] or { long, short } with basket or symbol names"),
            (r#"{"prices":"p","period":["YTD","5D"]}"#, "option `period` = \"5D\": use 1W, 1M, 3M, 6M, YTD, 1Y, 3Y or a start date YYYY-MM-DD"),
            (r#"{"prices":"p","rotation":{"interval":"monthly"}}"#, "option `rotation.interval` = \"monthly\": use one of weekly, daily"),
            (r#"{"prices":"p","rotation":{"method":"jdk"}}"#, "option `rotation.method` = \"jdk\": use log-trend or zscore"),
            (
                r#"{"prices":"p","rotation":{"method":"Ratio-ROC"}}"#,
                "option `rotation.method` = \"Ratio-ROC\": ratio-roc was retired: it measured each symbol in its own units, so distance from 100 did not mean strength; use log-trend (the default) or zscore",
            ),
            (r#"[1]"#, "option `options` = [1]: expected an object"),
        ];
        for (input, expected) in cases {
            assert_eq!(AnalyzeRequest::from_json(input).unwrap_err().to_string(), expected, "{input}");
        }
    }

    #[test]
    fn the_language_and_the_publishers_messages() {
        let c = WidgetConfig::from_json(r#"{"prices":"p","lang":" de-CH ","messages":{"quadrant.leading":"Vorne","returns.caption":"{date}: {period}"}}"#).unwrap();
        assert_eq!(c.lang.as_deref(), Some("de-CH"));
        assert_eq!(c.messages, vec![("quadrant.leading".to_string(), "Vorne".to_string()), ("returns.caption".into(), "{date}: {period}".into())]);
        // As an attribute: JSON text.
        let c = WidgetConfig::from_json(r#"{"prices":"p","messages":"{\"tab.trend\":\"Verlauf\"}"}"#).unwrap();
        assert_eq!(c.messages, vec![("tab.trend".to_string(), "Verlauf".to_string())]);
        assert_eq!(WidgetConfig::defaults().lang, None);
        assert!(WidgetConfig::defaults().messages.is_empty());
        let err = |json: &str| WidgetConfig::from_json(json).unwrap_err().to_string();
        assert_eq!(
            err(r#"{"prices":"p","messages":{"quadrant.leadng":"Vorne"}}"#),
            "option `messages.quadrant.leadng` = \"Vorne\": no message has this key (the keys are listed in the README, \"Languages\")"
        );
        assert_eq!(
            err(r#"{"prices":"p","messages":{"returns.caption":"Renditen {period}"}}"#),
            "option `messages.returns.caption` = \"Renditen {period}\": the text must have the placeholders {period}, {date} (it has {period})"
        );
        assert_eq!(err(r#"{"prices":"p","messages":{"tab.trend":5}}"#), "option `messages.tab.trend` = 5: give the message as a text");
        assert_eq!(err(r#"{"prices":"p","messages":"tab.trend=Verlauf"}"#), "option `messages` = \"tab.trend=Verlauf\": expected an object of message keys and texts (as JSON in an attribute)");
        assert_eq!(err(r#"{"prices":"p","lang":5}"#), "option `lang` = 5: expected a text");
    }

    #[test]
    fn a_german_reader_reads_the_reasons_in_german_with_the_data_as_written() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/lang/de.json")).unwrap();
        let de = crate::chart::messages::Messages::new("de", crate::chart::messages::keep(crate::chart::messages::parse_table(&text).unwrap()), &[], None);
        let reason = |json: &str| match WidgetConfig::from_json(json) {
            Err(AnalysisError::BadOption { reason, .. }) => de.said(&reason),
            other => panic!("{other:?}"),
        };
        assert_eq!(reason(r#"{"prices":"p","height":50}"#), "Verwenden Sie eine Höhe zwischen 120 und 4000 Pixeln");
        assert_eq!(reason(r#"{"prices":"p","rotation":{"window":1}}"#), "Verwenden Sie eine ganze Zahl ab 2");
        assert_eq!(reason(r#"{"prices":"javascript:alert(1)"}"#), "Eine javascript:-Adresse kann nicht heruntergeladen werden; geben Sie eine https://-URL, einen Pfad auf dieser Website oder die Daten selbst an");
        // English still reads as before.
        assert_eq!(WidgetConfig::from_json(r#"{"prices":"p","rotation":{"window":1}}"#).unwrap_err().to_string(), "option `rotation.window` = 1: use a whole number of at least 2");
    }

    /// A value each field accepts, so the parser can be walked through the whole table.
    fn sample(name: &str) -> Value {
        match name {
            "prices" | "note" => Value::from("p.json"),
            "benchmark" | "title" | "locale" => Value::from("SPY"),
            "lang" => Value::from("de"),
            "messages" => serde_json::json!({ "tab.trend": "Verlauf" }),
            "symbols" => Value::from("IWM,IJR"),
            "baskets" => Value::from("small: IWM; large: SPY"),
            "view" => Value::from("trend"),
            "period" => Value::from("1M"),
            "asOf" => Value::from("2026-07-13"),
            "rotation" => serde_json::json!({ "tail": 4 }),
            "rotationInterval" => Value::from("daily"),
            "rotationWindow" | "rotationTail" | "height" => Value::from("200"),
            "rotationMethod" => Value::from("zscore"),
            "theme" => Value::from("dark"),
            "bands" => Value::from("-0.5,-0.1,0.1,0.5"),
            "tolerance" | "timeout" => Value::from("1"),
            "refresh" => Value::from("60"),
            "lazy" => Value::from("false"),
            "permalink" => Value::from("chart-1"),
            other => panic!("no sample for {other}"),
        }
    }

    #[test]
    fn every_field_in_the_table_is_parsed_and_its_attribute_is_its_kebab_name() {
        for f in &FIELDS {
            let mut map = Map::new();
            map.insert("prices".into(), Value::from("p.json"));
            map.insert(f.name.into(), sample(f.name));
            let c = WidgetConfig::from_map(&map).unwrap_or_else(|e| panic!("{}: {e}", f.name));
            assert!(c.ignored.is_empty(), "{} was ignored", f.name);
            let kebab: String = f.name.chars().flat_map(|ch| if ch.is_ascii_uppercase() { vec!['-', ch.to_ascii_lowercase()] } else { vec![ch] }).collect();
            assert_eq!(f.attribute, kebab, "{}", f.name);
            assert_eq!(field_of_attribute(f.attribute), Some(f));
        }
        let names: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
        assert!(names.iter().enumerate().all(|(i, n)| !names[..i].contains(n)), "no field twice");
        assert_eq!(field_named("as_of").map(|f| f.name), Some("asOf"));
        let c = WidgetConfig::from_json(r#"{"prices":"p","rotation-method":"zscore"}"#).unwrap();
        assert_eq!(c.ignored, vec!["rotation-method".to_string()], "attribute names are not JSON names");
    }

    #[test]
    fn the_widget_computes_what_analyze_would_for_its_config() {
        let c = WidgetConfig::from_json(r#"{"prices":"p","benchmark":"IWM","symbols":"IJR","baskets":"a: IJR; b: IWM","asOf":"2026-07-01","period":"1M","rotationTail":"4"}"#).unwrap();
        let o = c.analyze_options();
        assert_eq!((o.benchmark.as_deref(), o.symbols.clone(), o.as_of.as_deref()), (Some("IWM"), Some(vec!["IJR".to_string()]), Some("2026-07-01")));
        assert_eq!((o.baskets.clone(), o.periods.clone(), o.rotation), (c.baskets.clone(), vec![Period::Month1], c.rotation));
    }
}
