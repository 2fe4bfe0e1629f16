//! The JavaScript API: `analyze(options)` (also `globalThis.Rotascope.analyze`).

use crate::analysis::api::analyze as analyze_table;
use crate::analysis::Warning;
use crate::app::load::load_prices;
use crate::config::AnalyzeRequest;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `analyze(options) → Promise<result>`: loads `options.prices` (an object, JSON or CSV text,
/// a URL, or a list of those) and computes returns, rotation, baskets, spreads and trend.
/// Bad input rejects with an `Error` whose message names the problem, as the widget shows it.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze(options: JsValue) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        run(options).await.map_err(|message| js_sys::Error::new(&message).into())
    })
}

async fn run(options: JsValue) -> Result<JsValue, String> {
    if !options.is_object() {
        return Err("option `options` should be an object with at least `prices`".into());
    }
    let json = js_sys::JSON::stringify(&options)
        .map_err(|e| format!("options cannot be read as JSON ({})", crate::browser::intl::js_error_text(&e)))?;
    let request = AnalyzeRequest::from_json(&String::from(json)).map_err(|e| e.to_string())?;
    let table = load_prices(request.prices).await.map_err(|e| e.to_string())?;
    let mut result = analyze_table(&table, &request.options).map_err(|e| e.to_string())?;
    for key in request.ignored {
        result.warnings.push(Warning::new("ignored_option", None, format!("option `{key}` is not known and was ignored")));
    }
    result
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| format!("internal error while returning the result: {e}"))
}
