//! The JavaScript API: `analyze(options)` (also `globalThis.Rotascope.analyze`).

use crate::model::analyze as analyze_table;
use crate::analysis::Warning;
use crate::app::load::load_prices;
use crate::browser::intl::js_error_text;
use crate::config::{price_source, price_sources, AnalyzeRequest, PriceSource};
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
/// widget's config does.
fn read_prices(prices: &JsValue, field: &str) -> Result<Vec<PriceSource>, String> {
    if prices.is_undefined() {
        return Ok(Vec::new());
    }
    if let Some(list) = prices.dyn_ref::<js_sys::Array>() {
        if list.length() == 0 {
            return price_sources(&serde_json::json!([])).map_err(|e| e.to_string());
        }
        let mut out = Vec::new();
        for (k, item) in list.iter().enumerate() {
            out.extend(read_prices(&item, &format!("{field}[{k}]"))?);
        }
        return Ok(out);
    }
    let is_spec = ["url", "csv"].iter().any(|k| js_sys::Reflect::has(prices, &JsValue::from_str(k)).unwrap_or(false));
    if prices.is_object() && !is_spec {
        return Ok(vec![PriceSource::Text { text: stringify(prices, "prices")?, symbol: None }]);
    }
    let value: serde_json::Value = match prices.as_string() {
        Some(text) => serde_json::Value::String(text),
        None => serde_json::from_str(&stringify(prices, "prices")?).map_err(|e| e.to_string())?,
    };
    price_source(&value, field).map(|s| vec![s]).map_err(|e| e.to_string())
}

async fn run(options: JsValue) -> Result<JsValue, String> {
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err("option `options` should be an object with at least `prices`".into());
    }
    let key = JsValue::from_str("prices");
    let prices = read_prices(&js_sys::Reflect::get(&options, &key).unwrap_or(JsValue::UNDEFINED), "prices")?;
    let rest = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
    let _ = js_sys::Reflect::delete_property(&rest, &key);
    let request = AnalyzeRequest::from_json_with(&stringify(&rest, "options")?, prices).map_err(|e| e.to_string())?;
    let table = load_prices(request.prices, crate::config::DEFAULT_TIMEOUT_S, std::rc::Rc::new(|_, _| {})).await.map_err(|e| e.to_string())?;
    let mut result = analyze_table(table, &request.options).map_err(|e| e.to_string())?;
    for key in request.ignored {
        result.warnings.push(Warning::new("ignored_option", None, format!("option `{key}` is not known and was ignored")));
    }
    // One JSON text parsed by the engine is much faster than building a large result
    // (tens of thousands of transitions in daily mode) field by field across the boundary.
    let json = serde_json::to_string(&result).map_err(|e| format!("internal error while returning the result: {e}"))?;
    js_sys::JSON::parse(&json).map_err(|e| format!("internal error while returning the result: {}", js_error_text(&e)))
}
