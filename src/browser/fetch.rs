//! Fetching publisher files, with errors that say which URL failed, what went wrong in words a
//! publisher can act on, a machine-readable code, and whether retrying could help. The body
//! is read as a stream so a long download can show its progress, and every download has a
//! time limit.

pub use crate::chart::faults::FetchError;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestInit};

/// Calls `abort` on a controller after a delay, until dropped.
struct Deadline {
    handle: i32,
    _fire: Closure<dyn FnMut()>,
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.handle);
        }
    }
}

/// The origin of `url` (relative to the page) and the page's, when they differ.
fn cross_origin(url: &str) -> Option<(String, String)> {
    let location = web_sys::window()?.location();
    let ours = location.origin().ok()?;
    let theirs = web_sys::Url::new_with_base(url, &location.href().ok()?).ok()?.origin();
    (theirs != ours).then_some((theirs, ours))
}

/// `url` (relative to the page) as refused by this document's `<meta>` Content-Security-Policy,
/// when its `connect-src` (else `default-src`) clearly does not allow it. A header policy is
/// not visible to scripts, and a host source is not matched here: then `None`, and the
/// failure is reported as a network or CORS one.
fn refused_by_policy(url: &str) -> Option<FetchError> {
    let window = web_sys::window()?;
    let location = window.location();
    let ours = location.origin().ok()?;
    let target = web_sys::Url::new_with_base(url, &location.href().ok()?).ok()?;
    let (scheme, theirs) = (target.protocol(), target.origin());
    let metas = crate::browser::document().query_selector_all("meta[http-equiv='Content-Security-Policy' i]").ok()?;
    (0..metas.length()).find_map(|i| {
        let policy = metas.item(i)?.dyn_into::<web_sys::Element>().ok()?.get_attribute("content")?;
        let find = |name: &str| policy.split(';').map(str::trim).find(|d| d.split_whitespace().next().is_some_and(|n| n.eq_ignore_ascii_case(name)));
        let directive = find("connect-src").or_else(|| find("default-src"))?;
        let sources: Vec<&str> = directive.split_whitespace().skip(1).collect();
        // Whether a source allows a URL with this scheme and origin; `None`: cannot tell.
        let allows = |scheme: &str, origin: &str| -> Option<bool> {
            let mut any = Some(false);
            for s in sources.iter().map(|s| s.to_ascii_lowercase()) {
                let yes = match s.as_str() {
                    "*" => matches!(scheme, "http:" | "https:" | "ws:" | "wss:"),
                    "'self'" => origin == ours,
                    s if s.starts_with('\'') => false,
                    s if s.ends_with(':') => s == scheme || (s == "http:" && scheme == "https:"),
                    _ => {
                        any = None;
                        false
                    }
                };
                if yes {
                    return Some(true);
                }
            }
            any
        };
        if allows(&scheme, &theirs)? {
            return None;
        }
        let https = allows("https:", "").unwrap_or(false) && matches!(scheme.as_str(), "http:" | "https:");
        let framed = window.top().ok().flatten().is_some_and(|top| top != window);
        Some(FetchError::Refused { url: url.to_owned(), directive: directive.split_whitespace().collect::<Vec<_>>().join(" "), https, ours: allows("", &ours).unwrap_or(false).then(|| ours.clone()), framed })
    })
}

fn looks_like_html(text: &str) -> bool {
    let start: String = text.trim_start_matches('\u{feff}').trim_start().chars().take(15).collect::<String>().to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

/// GETs `url` as text through gloo-net (the request is built here rather than by its
/// `RequestBuilder`, which appends `&` to a URL that has a query: rustwasm/gloo#498), within
/// `timeout_s` seconds from request to last byte, calling
/// `progress(received, total)` as the body arrives (`total` when the server says it and the
/// bytes are not compressed). `expected` names what the file should be (its message key, `fault.expected.prices`) for
/// the message when an HTML page comes back instead.
pub async fn fetch_text(url: &str, expected: &'static str, timeout_s: f64, progress: &dyn Fn(u64, Option<u64>)) -> Result<String, FetchError> {
    Ok(fetch(url, expected, timeout_s, progress, Freshness::Cached).await?.text.unwrap_or_default())
}

/// A download: its text (`None` when the server's validator says the copy at hand is still
/// current) and that validator (`ETag`, else `Last-Modified`; a cross-origin `ETag` is
/// readable only when the server exposes it).
pub struct Fetched {
    pub text: Option<String>,
    pub validator: Option<Validator>,
}

/// What identifies a version of a file, as its server said: an `ETag`, else its
/// `Last-Modified` date (each asked about with its own conditional header).
#[derive(Clone, Debug, PartialEq)]
pub enum Validator {
    ETag(String),
    LastModified(String),
}

/// How a download meets the browser's HTTP cache.
#[derive(Clone, Copy)]
pub enum Freshness<'a> {
    /// As the server's caching headers allow (a page's first load).
    Cached,
    /// Asks the server whether the copy at hand (its validator, when it had one) is current.
    /// On the page's own origin the request carries `If-None-Match` / `If-Modified-Since`
    /// itself and bypasses the browser's cache, so a `304` comes back as one whatever that
    /// cache kept. Across origins those headers would need a CORS preflight the publisher's
    /// server may not answer: there the browser revalidates its cached copy (`no-cache`),
    /// sending the same headers itself, and a `304` comes back as the cached body. Either
    /// way an answer with the known validator is not parsed again.
    Revalidate(Option<&'a Validator>),
}

/// [`fetch_text`] with the cache mode `freshness` and the response's validator.
pub async fn fetch(url: &str, expected: &'static str, timeout_s: f64, progress: &dyn Fn(u64, Option<u64>), freshness: Freshness<'_>) -> Result<Fetched, FetchError> {
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let network = |detail: String| -> FetchError {
        if timed_out.get() {
            FetchError::Timeout { url: url.to_owned(), seconds: timeout_s }
        } else {
            refused_by_policy(url).unwrap_or_else(|| FetchError::Network { url: url.to_owned(), detail, origins: cross_origin(url) })
        }
    };
    let window = web_sys::window().ok_or_else(|| network("no window".into()))?;
    let init = RequestInit::new();
    let known = match freshness {
        Freshness::Revalidate(Some(validator)) if cross_origin(url).is_none() => {
            let headers = web_sys::Headers::new().map_err(|e| network(rejection_text(&e)))?;
            let _ = match validator {
                Validator::ETag(tag) => headers.set("If-None-Match", tag),
                Validator::LastModified(date) => headers.set("If-Modified-Since", date),
            };
            init.set_headers(&headers);
            init.set_cache(web_sys::RequestCache::NoStore);
            Some(validator)
        }
        Freshness::Revalidate(known) => {
            init.set_cache(web_sys::RequestCache::NoCache);
            known
        }
        Freshness::Cached => None,
    };
    // Without AbortController (very old browsers) there is no time limit, only the browser's.
    let _deadline = AbortController::new().ok().and_then(|controller| {
        init.set_signal(Some(&controller.signal()));
        let flag = timed_out.clone();
        let fire = Closure::<dyn FnMut()>::new(move || {
            flag.set(true);
            controller.abort();
        });
        let ms = (timeout_s * 1000.0).round() as i32;
        let handle = window.set_timeout_with_callback_and_timeout_and_arguments_0(fire.as_ref().unchecked_ref(), ms).ok()?;
        Some(Deadline { handle, _fire: fire })
    });
    let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(|e| network(rejection_text(&e)))?;
    let response = gloo_net::http::Request::from(request).send().await.map_err(|e| network(match e {
        gloo_net::Error::JsError(e) => format!("{}: {}", e.name, e.message),
        e => e.to_string(),
    }))?;
    let status = response.status();
    if status == 304 && known.is_some() {
        // The empty body is read all the same: a response dropped unread counts as aborted.
        let _ = response.text().await;
        return Ok(Fetched { text: None, validator: known.cloned() });
    }
    if !response.ok() {
        return Err(FetchError::Status { url: url.to_owned(), status, status_text: response.status_text() });
    }
    let headers = response.headers();
    let header = |name: &str| headers.get(name);
    let validator = header("etag").map(Validator::ETag).or_else(|| header("last-modified").map(Validator::LastModified));
    if known.is_some() && validator.as_ref() == known {
        // Across origins this is the browser's cached copy, read locally; it is not parsed.
        let _ = response.text().await;
        return Ok(Fetched { text: None, validator });
    }
    let content_type = header("content-type").unwrap_or_default();
    let not_data = || FetchError::NotData { url: url.to_owned(), status, content_type: content_type.clone(), expected };
    if content_type.contains("text/html") || content_type.contains("application/xhtml") {
        return Err(not_data());
    }
    // Content-Length counts the bytes on the wire; compressed, the stream yields more.
    let compressed = header("content-encoding").is_some_and(|e| !e.trim().eq_ignore_ascii_case("identity"));
    let total = header("content-length").and_then(|l| l.trim().parse::<u64>().ok()).filter(|_| !compressed);
    let mut bytes: Vec<u8> = Vec::with_capacity(total.map_or(0, |t| t.min(64 << 20) as usize));
    let broken = |received: usize| -> FetchError {
        if timed_out.get() {
            FetchError::Timeout { url: url.to_owned(), seconds: timeout_s }
        } else {
            FetchError::Broken { url: url.to_owned(), received: received as u64, total }
        }
    };
    // No stream means an empty body: nothing to read.
    if let Some(body) = response.body() {
        let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        loop {
            let chunk = JsFuture::from(reader.read()).await.map_err(|_| broken(bytes.len()))?;
            let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done")).ok().and_then(|d| d.as_bool()).unwrap_or(true);
            if done {
                break;
            }
            if let Ok(part) = js_sys::Reflect::get(&chunk, &JsValue::from_str("value")).and_then(|v| v.dyn_into::<js_sys::Uint8Array>()) {
                let start = bytes.len();
                bytes.resize(start + part.length() as usize, 0);
                if let Some(slot) = bytes.get_mut(start..) {
                    part.copy_to(slot);
                }
            }
            progress(bytes.len() as u64, total.filter(|&t| t >= bytes.len() as u64));
        }
    }
    if total.is_some_and(|t| (bytes.len() as u64) < t) {
        return Err(broken(bytes.len()));
    }
    let text = utf8_text(bytes);
    if looks_like_html(&text) {
        return Err(not_data());
    }
    Ok(Fetched { text: Some(text), validator })
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
