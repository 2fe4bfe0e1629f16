//! The JavaScript API: `analyze(options)` (also `globalThis.Rotascope.analyze`).

use crate::model::analyze as analyze_table;
use crate::analysis::Warning;
use crate::load::load_prices;
use crate::browser::intl::js_error_text;
use crate::config::{price_source, price_sources, AnalyzeRequest, PriceSource};
use super::host::{object_map, own_keys};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `analyze(options) → Promise<result>`: loads `options.prices` (an object, JSON or CSV text,
/// a URL, or a list of those) and computes returns, rotation, baskets, spreads and trend.
/// Bad input rejects with an `Error` whose message names the problem, as the widget shows it.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze(options: JsValue) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        run(options).await.map_err(|message| js_sys::Error::new(&message).into())
    })
}

fn stringify(value: &JsValue, what: &str) -> Result<String, String> {
    js_sys::JSON::stringify(value)
        .map(String::from)
        .map_err(|e| format!("{what} cannot be read as JSON ({})", js_error_text(e.as_ref())))
}

/// Reads `prices` without passing megabytes of data through a JSON round trip: text is taken
/// as is, an inline object is stringified on its own (and then read by the typed fast path).
/// The sources `prices` holds; `field` names it in messages (`prices`, `prices[2]`), as the
/// widget's config does, and unknown keys of source objects go to `ignored`.
fn read_prices(prices: &JsValue, field: &str, ignored: &mut Vec<String>) -> Result<Vec<PriceSource>, String> {
    if prices.is_undefined() {
        return Ok(Vec::new());
    }
    if let Some(list) = prices.dyn_ref::<js_sys::Array>() {
        if list.length() == 0 {
            return price_sources(&serde_json::json!([]), ignored).map_err(|e| e.to_string());
        }
        let mut out = Vec::new();
        for (k, item) in list.iter().enumerate() {
            out.extend(read_prices(&item, &format!("{field}[{k}]"), ignored)?);
        }
        return Ok(out);
    }
    let is_spec = ["url", "csv"].iter().any(|k| js_sys::Reflect::has(prices, &JsValue::from_str(k)).unwrap_or(false));
    if prices.is_object() && !is_spec {
        return Ok(vec![PriceSource::Text { text: stringify(prices, "prices")?, symbol: None, adjusted: None }]);
    }
    let value: serde_json::Value = match prices.as_string() {
        Some(text) => serde_json::Value::String(text),
        None => serde_json::from_str(&stringify(prices, "prices")?).map_err(|e| e.to_string())?,
    };
    // A text at the top may be a list (a JSON array, or URLs separated by whitespace).
    let sources = if field == "prices" { price_sources(&value, ignored) } else { price_source(&value, field, ignored).map(|s| vec![s]) };
    sources.map_err(|e| e.to_string())
}

/// The options other than `prices`, read as `mount()`'s config is ([`object_map`]) after a
/// JSON round trip in the engine (so a `toJSON`, a `Date`'s, applies as JSON would have it),
/// and `prices` itself, each read on its own so a getter (or a `toJSON`) that throws is
/// reported with the option's name.
fn read_options(options: &JsValue) -> Result<(serde_json::Map<String, serde_json::Value>, JsValue), String> {
    let unreadable = |key: &str, e: JsValue| format!("option `{key}` cannot be read: {}", js_error_text(&e));
    let keys = own_keys(options).map_err(|e| unreadable("options", e))?;
    // `prices` may be inherited (a class's getter); the others are own, enumerable keys, as
    // JSON reads them.
    let prices = js_sys::Reflect::get(options, &JsValue::from_str("prices")).map_err(|e| unreadable("prices", e))?;
    let mut rest = serde_json::Map::new();
    for key in keys.iter().filter_map(|k| k.as_string()).filter(|k| k != "prices") {
        let value = js_sys::Reflect::get(options, &JsValue::from_str(&key)).map_err(|e| unreadable(&key, e))?;
        // In a one-key object, so what JSON leaves out (undefined, a function) is left out.
        let one = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&one, &JsValue::from_str(&key), &value);
        let json = js_sys::JSON::stringify(&one).map_err(|e| unreadable(&key, e))?;
        if let Ok(Some(m)) = js_sys::JSON::parse(&String::from(json)).map(|one| object_map(&one)).unwrap_or(Ok(None)) {
            rest.extend(m);
        }
    }
    Ok((rest, prices))
}

async fn run(options: JsValue) -> Result<JsValue, String> {
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err("option `options` should be an object with at least `prices`".into());
    }
    let (rest, prices) = read_options(&options)?;
    let mut ignored = Vec::new();
    let prices = read_prices(&prices, "prices", &mut ignored)?;
    let mut request = AnalyzeRequest::from_map_with(&rest, prices).map_err(|e| e.to_string())?;
    request.ignored.extend(ignored);
    let table = load_prices(request.prices, crate::config::DEFAULT_TIMEOUT_S, std::rc::Rc::new(|_, _| {})).await.map_err(|e| e.to_string())?;
    let mut result = analyze_table(table, &request.options).map_err(|e| e.to_string())?;
    for key in request.ignored {
        result.warnings.push(Warning::new("ignored_option", None, format!("option `{key}` is not known and was ignored")));
    }
    // As JS values (serde-wasm-bindgen), maps as plain objects and `None` as `null`, as JSON
    // would have them.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&result, &serializer).map_err(|e| format!("internal error while returning the result: {e}"))
}
