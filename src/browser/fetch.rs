//! Fetching publisher files, with errors that say which URL failed and whether retrying
//! could help.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The request never completed (offline, DNS, CORS, blocked): worth a retry.
    Network { url: String, detail: String },
    /// The server answered with an error status.
    Status { url: String, status: u16, status_text: String },
}

impl FetchError {
    /// Network failures and server errors (5xx, 408, 429) may succeed later.
    pub fn retryable(&self) -> bool {
        match self {
            FetchError::Network { .. } => true,
            FetchError::Status { status, .. } => *status >= 500 || *status == 408 || *status == 429,
        }
    }
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Network { url, detail } => write!(f, "could not load {url}: {detail}"),
            FetchError::Status { url, status, status_text } => {
                write!(f, "could not load {url}: the server answered {status} {status_text}")
            }
        }
    }
}

/// GETs `url` as text, through the page's own `fetch` (no HTTP crate: every byte of the
/// widget ships to readers).
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let network = |e: JsValue| FetchError::Network { url: url.to_owned(), detail: rejection_text(&e) };
    let window = web_sys::window().ok_or_else(|| network(JsValue::from_str("no window")))?;
    let response: Response = JsFuture::from(window.fetch_with_str(url)).await.map_err(network)?.unchecked_into();
    if !response.ok() {
        return Err(FetchError::Status { url: url.to_owned(), status: response.status(), status_text: response.status_text() });
    }
    // The body's bytes, copied once into wasm memory: `text()` would decode to UTF-16 and
    // the copy into Rust encode it back, character by character (about 10 ms for 3 MB).
    let body = JsFuture::from(response.array_buffer().map_err(network)?).await.map_err(network)?;
    Ok(utf8_text(js_sys::Uint8Array::new(&body).to_vec()))
}

/// Bytes as text the way `Response.text()` reads them: UTF-8, invalid sequences replaced.
fn utf8_text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// What a rejected fetch says, with the error's name (`TypeError: Failed to fetch`).
fn rejection_text(e: &JsValue) -> String {
    let message = crate::browser::intl::js_error_text(e);
    match e.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {message}", String::from(error.name())),
        None => message,
    }
}
