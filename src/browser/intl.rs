//! Locale-aware formatting through the browser's `Intl`, implementing the charts' [`Format`].

use crate::analysis::Date;
use crate::chart::format::{sign_for, Format};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;
    // `catch`: an invalid locale throws a RangeError, which must not escape into wasm.
    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = NumberFormat)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<NumberFormat, JsValue>;
    #[wasm_bindgen(method, js_name = format)]
    fn format(this: &NumberFormat, value: f64) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;
    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = DateTimeFormat)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method, js_name = format)]
    fn format(this: &DateTimeFormat, date: &js_sys::Date) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    type PluralRules;
    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = PluralRules)]
    fn new(locales: &JsValue) -> Result<PluralRules, JsValue>;
    #[wasm_bindgen(method)]
    fn select(this: &PluralRules, n: f64) -> String;
}

/// The plural category of `n` in `lang` through `Intl.PluralRules`: the category a count's
/// form is chosen by (`one`, `few`, `other`, …); `other` if the browser has no rule.
pub fn plural_category(lang: &str, n: f64) -> String {
    PluralRules::new(&JsValue::from_str(lang)).map_or_else(|_| "other".to_owned(), |rules| rules.select(n))
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// The reader's time now, hours and minutes, in `locale`'s short time style in the reader's
/// time zone ("10:32 AM", German "00:55"); the browser's locale when `locale` is not a valid tag.
pub fn clock_time(locale: Option<&str>) -> String {
    let hm = options(&[("timeStyle", JsValue::from_str("short"))]);
    let f = DateTimeFormat::new(&locale.map_or(JsValue::UNDEFINED, JsValue::from_str), &hm).or_else(|_| DateTimeFormat::new(&JsValue::UNDEFINED, &hm));
    f.map(|f| f.format(&js_sys::Date::new_0())).unwrap_or_default()
}

/// Formats with `Intl` for one locale; formatters are created once and cached.
pub struct IntlFormat {
    locale: JsValue,
    // A few each (decimals, date styles): lists searched in order, less code than hash maps.
    numbers: RefCell<Vec<(usize, NumberFormat)>>,
    dates: RefCell<Vec<(&'static str, DateTimeFormat)>>,
    /// The language's `unit.points`, once the widget's words are in.
    points: std::cell::Cell<&'static str>,
}

impl IntlFormat {
    /// `locale` is a BCP 47 tag; `None` uses the browser's. An invalid tag is reported as
    /// `Err` with the reason, so the caller can warn and fall back.
    pub fn new(locale: Option<&str>) -> Result<IntlFormat, String> {
        let tag = locale.map_or(JsValue::UNDEFINED, JsValue::from_str);
        NumberFormat::new(&tag, &JsValue::UNDEFINED)
            .map_err(|e| format!("locale \"{}\" is not valid ({})", locale.unwrap_or(""), js_error_text(&e)))?;
        Ok(IntlFormat { locale: tag, numbers: RefCell::default(), dates: RefCell::default(), points: std::cell::Cell::new(crate::chart::format::ENGLISH_POINTS) })
    }

    /// Writes percentage points in the words `m` from now on (their `unit.points`).
    pub fn speak(&self, m: &crate::chart::messages::Messages) {
        self.points.set(m.get("unit.points"));
    }

    fn number_with(&self, value: f64, decimals: usize) -> String {
        let mut cache = self.numbers.borrow_mut();
        if let Some((_, nf)) = cache.iter().find(|(d, _)| *d == decimals) {
            return nf.format(value);
        }
        let d = JsValue::from_f64(decimals as f64);
        let nf = NumberFormat::new(&self.locale, &options(&[("minimumFractionDigits", d.clone()), ("maximumFractionDigits", d)]))
            .expect("locale validated in IntlFormat::new");
        let text = nf.format(value);
        cache.push((decimals, nf));
        text
    }

    fn date_with(&self, key: &'static str, date: Date, opts: &[(&str, &str)]) -> String {
        let mut cache = self.dates.borrow_mut();
        let ms = f64::from(date.days()) * 86_400_000.0;
        let day = js_sys::Date::new(&JsValue::from_f64(ms));
        if let Some((_, f)) = cache.iter().find(|(k, _)| *k == key) {
            return f.format(&day);
        }
        let mut pairs: Vec<(&str, JsValue)> = opts.iter().map(|(k, v)| (*k, JsValue::from_str(v))).collect();
        // Dates are civil days: format them in UTC so no time zone shifts the day.
        pairs.push(("timeZone", JsValue::from_str("UTC")));
        let f = DateTimeFormat::new(&self.locale, &options(&pairs)).expect("locale validated in IntlFormat::new");
        let text = f.format(&day);
        cache.push((key, f));
        text
    }
}

impl Format for IntlFormat {
    fn points_template(&self) -> &'static str {
        self.points.get()
    }

    fn number(&self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return "–".into();
        }
        let text = self.number_with(value.abs(), decimals);
        if sign_for(value, decimals) == "−" { format!("−{text}") } else { text }
    }

    fn percent(&self, value: f64, decimals: usize) -> String {
        format!("{}{}%", sign_for(value, decimals), self.number(value.abs(), decimals))
    }

    fn date(&self, date: Date) -> String {
        self.date_with("date", date, &[("year", "numeric"), ("month", "short"), ("day", "numeric")])
    }

    fn month(&self, date: Date) -> String {
        self.date_with("month", date, &[("month", "short")])
    }

    fn month_day(&self, date: Date) -> String {
        self.date_with("month_day", date, &[("month", "short"), ("day", "numeric")])
    }

    fn year(&self, date: Date) -> String {
        self.date_with("year", date, &[("year", "numeric")])
    }
}

/// The message of a thrown JS value, for error texts.
pub fn js_error_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|err| String::from(err.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
