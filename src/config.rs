//! The widget's configuration: one object, every field with a documented default, the same
//! whether it comes from `Rotascope.mount(el, config)`, `data-*` attributes or a
//! `<script type="application/json">` child. Pure, so it is tested natively.
//!
//! | field | default | meaning |
//! |---|---|---|
//! | `prices` | (required) | URL of price JSON/CSV, or the price contract inline |
//! | `benchmark` | `"SPY"` if loaded, else the first symbol | what everything is relative to |
//! | `symbols` | all loaded symbols but the benchmark | what to show, in colour order |
//! | `baskets` | none | `{ "small": ["IWM","IJR"], "large": ["SPY"] }` |
//! | `title` | none | heading above the chart |
//! | `view` | `"rotation"` | `"rotation"`, `"performance"` or `"trend"` |
//! | `period` | `"YTD"` | `1W 1M 3M 6M YTD 1Y 3Y` or a start day `YYYY-MM-DD` |
//! | `asOf` | the last date in the data | the day the numbers are computed for |
//! | `rotation` | `{ interval: "weekly", window: 14, tail: 10 }` | RRG settings |
//! | `theme` | `"auto"` | `"light"`, `"dark"`, `"auto"` (follows `prefers-color-scheme`) |
//! | `locale` | the browser's | BCP 47 tag for numbers and dates, e.g. `"de-DE"` |
//! | `height` | `480` | chart height in CSS pixels |
//! | `note` | none | URL of a research note JSON, or the note inline |

use crate::analysis::AnalysisError;
use serde::Deserialize;
use serde_json::{Map, Value};

/// Where prices (or a note) come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Url(String),
    Inline(Value),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    Rotation,
    Performance,
    Trend,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Light,
    Dark,
    Auto,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    Weekly,
    Daily,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RotationConfig {
    pub interval: Interval,
    pub window: usize,
    pub tail: usize,
}

impl Default for RotationConfig {
    fn default() -> Self {
        RotationConfig { interval: Interval::Weekly, window: 14, tail: 10 }
    }
}

pub const DEFAULT_HEIGHT: f64 = 480.0;

#[derive(Debug, Clone, PartialEq)]
pub struct WidgetConfig {
    pub prices: Source,
    pub benchmark: Option<String>,
    pub symbols: Option<Vec<String>>,
    pub baskets: Vec<(String, Vec<String>)>,
    pub title: Option<String>,
    pub view: View,
    pub period: String,
    pub as_of: Option<String>,
    pub rotation: RotationConfig,
    pub theme: Theme,
    pub locale: Option<String>,
    pub height: f64,
    pub note: Option<Source>,
    /// Fields this version does not know: reported, never silently dropped.
    pub ignored: Vec<String>,
}

fn bad(field: &str, value: &Value, reason: &str) -> AnalysisError {
    AnalysisError::bad_option(field, value, reason)
}

fn source(field: &str, v: &Value) -> Result<Source, AnalysisError> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Ok(Source::Url(s.trim().to_owned())),
        Value::Object(_) => Ok(Source::Inline(v.clone())),
        _ => Err(bad(field, v, "give a URL or an inline object")),
    }
}

fn text(field: &str, v: &Value) -> Result<Option<String>, AnalysisError> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => Ok(Some(s.trim().to_owned())),
        _ => Err(bad(field, v, "expected a text")),
    }
}

/// A list given as an array of texts or as one comma-separated text (`data-symbols="IWM,IJR"`).
fn list(field: &str, v: &Value) -> Result<Vec<String>, AnalysisError> {
    let items: Vec<String> = match v {
        Value::String(s) => s.split(',').map(|p| p.trim().to_owned()).collect(),
        Value::Array(a) => a
            .iter()
            .map(|x| x.as_str().map(|s| s.trim().to_owned()).ok_or_else(|| bad(field, v, "expected texts")))
            .collect::<Result<_, _>>()?,
        _ => return Err(bad(field, v, "expected a list of symbols")),
    };
    Ok(items.into_iter().filter(|s| !s.is_empty()).collect())
}

fn enum_field<T: for<'de> Deserialize<'de>>(field: &str, v: &Value, choices: &str) -> Result<T, AnalysisError> {
    let lowered = match v {
        Value::String(s) => Value::String(s.trim().to_ascii_lowercase()),
        other => other.clone(),
    };
    serde_json::from_value(lowered).map_err(|_| bad(field, v, &format!("use one of {choices}")))
}

fn number(field: &str, v: &Value) -> Result<f64, AnalysisError> {
    match v {
        Value::Number(n) => n.as_f64().ok_or_else(|| bad(field, v, "expected a number")),
        Value::String(s) => s.trim().trim_end_matches("px").parse().map_err(|_| bad(field, v, "expected a number")),
        _ => Err(bad(field, v, "expected a number")),
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
            return Err(bad("config", &value, "expected an object"));
        };
        WidgetConfig::from_map(&map)
    }

    pub fn from_map(map: &Map<String, Value>) -> Result<WidgetConfig, AnalysisError> {
        let mut c = WidgetConfig {
            prices: Source::Url(String::new()),
            benchmark: None,
            symbols: None,
            baskets: Vec::new(),
            title: None,
            view: View::Rotation,
            period: "YTD".into(),
            as_of: None,
            rotation: RotationConfig::default(),
            theme: Theme::Auto,
            locale: None,
            height: DEFAULT_HEIGHT,
            note: None,
            ignored: Vec::new(),
        };
        let mut has_prices = false;
        for (key, v) in map {
            match key.as_str() {
                "prices" => {
                    c.prices = source("prices", v)?;
                    has_prices = true;
                }
                "benchmark" => c.benchmark = text("benchmark", v)?,
                "symbols" => c.symbols = Some(list("symbols", v)?).filter(|s| !s.is_empty()),
                "baskets" => c.baskets = baskets(v)?,
                "title" => c.title = text("title", v)?,
                "view" => c.view = enum_field("view", v, "rotation, performance, trend")?,
                "period" => c.period = text("period", v)?.unwrap_or_else(|| "YTD".into()),
                "asOf" | "as_of" => c.as_of = text("asOf", v)?,
                "rotation" => c.rotation = rotation(v)?,
                "theme" => c.theme = enum_field("theme", v, "light, dark, auto")?,
                "locale" => c.locale = text("locale", v)?,
                "height" => {
                    let h = number("height", v)?;
                    if !(120.0..=4000.0).contains(&h) {
                        return Err(bad("height", v, "use a height between 120 and 4000 pixels"));
                    }
                    c.height = h;
                }
                "note" => c.note = if v.is_null() { None } else { Some(source("note", v)?) },
                _ => c.ignored.push(key.clone()),
            }
        }
        if !has_prices {
            return Err(AnalysisError::bad_option("prices", "missing", "give the URL of the price data or the data inline"));
        }
        Ok(c)
    }
}

fn baskets(v: &Value) -> Result<Vec<(String, Vec<String>)>, AnalysisError> {
    match v {
        Value::Null => Ok(Vec::new()),
        Value::Object(m) => m
            .iter()
            .map(|(name, members)| {
                let list = list(&format!("baskets.{name}"), members)?;
                if list.is_empty() {
                    return Err(bad(&format!("baskets.{name}"), members, "a basket needs at least one symbol"));
                }
                Ok((name.clone(), list))
            })
            .collect(),
        // data-baskets="small:IWM IJR IWC; large:SPY IWB"
        Value::String(s) => s
            .split(';')
            .filter(|part| !part.trim().is_empty())
            .map(|part| {
                let (name, members) = part.split_once(':').ok_or_else(|| bad("baskets", v, "write name:SYM SYM; name:SYM"))?;
                let list: Vec<String> = members.split([' ', ',']).filter(|m| !m.is_empty()).map(str::to_owned).collect();
                if list.is_empty() {
                    return Err(bad("baskets", v, "a basket needs at least one symbol"));
                }
                Ok((name.trim().to_owned(), list))
            })
            .collect(),
        _ => Err(bad("baskets", v, "expected an object of symbol lists")),
    }
}

fn rotation(v: &Value) -> Result<RotationConfig, AnalysisError> {
    let Value::Object(m) = v else {
        return Err(bad("rotation", v, "expected { interval, window, tail }"));
    };
    let mut r = RotationConfig::default();
    for (key, x) in m {
        match key.as_str() {
            "interval" => r.interval = enum_field("rotation.interval", x, "weekly, daily")?,
            "window" => r.window = whole("rotation.window", x, 2, 260)?,
            "tail" => r.tail = whole("rotation.tail", x, 1, 260)?,
            _ => return Err(bad(&format!("rotation.{key}"), x, "not a rotation setting (interval, window, tail)")),
        }
    }
    Ok(r)
}

fn whole(field: &str, v: &Value, min: usize, max: usize) -> Result<usize, AnalysisError> {
    let n = number(field, v)?;
    if n.fract() != 0.0 || n < min as f64 || n > max as f64 {
        return Err(bad(field, v, &format!("use a whole number from {min} to {max}")));
    }
    Ok(n as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply() {
        let c = WidgetConfig::from_json(r#"{"prices":"p.json"}"#).unwrap();
        assert_eq!(c.prices, Source::Url("p.json".into()));
        assert_eq!((c.view, c.theme, c.period.as_str(), c.height), (View::Rotation, Theme::Auto, "YTD", 480.0));
        assert_eq!(c.rotation, RotationConfig { interval: Interval::Weekly, window: 14, tail: 10 });
        assert!(c.ignored.is_empty());
    }

    #[test]
    fn accepts_attribute_style_strings() {
        let c = WidgetConfig::from_json(
            r#"{"prices":"p.json","height":"360px","theme":"Dark","baskets":"small: IWM IJR; large: SPY",
                "rotation":{"window":"10","tail":5,"interval":"daily"},"colour":"red"}"#,
        )
        .unwrap();
        assert_eq!(c.height, 360.0);
        assert_eq!(c.theme, Theme::Dark);
        assert_eq!(c.baskets, vec![("small".into(), vec!["IWM".into(), "IJR".into()]), ("large".into(), vec!["SPY".into()])]);
        assert_eq!(c.rotation, RotationConfig { interval: Interval::Daily, window: 10, tail: 5 });
        assert_eq!(c.ignored, vec!["colour".to_string()]);
    }

    #[test]
    fn bad_fields_name_the_field() {
        let cases = [
            (r#"{}"#, "option `prices` = missing: give the URL of the price data or the data inline"),
            (r#"{"prices":5}"#, "option `prices` = 5: give a URL or an inline object"),
            (r#"{"prices":"p","view":"pie"}"#, "option `view` = \"pie\": use one of rotation, performance, trend"),
            (r#"{"prices":"p","rotation":{"window":1}}"#, "option `rotation.window` = 1: use a whole number from 2 to 260"),
            (r#"{"prices":"p","rotation":{"speed":1}}"#, "option `rotation.speed` = 1: not a rotation setting (interval, window, tail)"),
            (r#"{"prices":"p","height":"tall"}"#, "option `height` = \"tall\": expected a number"),
            (r#"{"prices":"p","height":50}"#, "option `height` = 50: use a height between 120 and 4000 pixels"),
            (r#"{"prices":"p","baskets":{"small":[]}}"#, "option `baskets.small` = []: a basket needs at least one symbol"),
        ];
        for (input, expected) in cases {
            assert_eq!(WidgetConfig::from_json(input).unwrap_err().to_string(), expected, "{input}");
        }
    }
}
