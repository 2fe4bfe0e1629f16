//! What went wrong with a download, in words a publisher can act on and a reader can read in
//! their language, with a code for scripts and whether retrying could help. The browser
//! layer finds out which fault it was ([`crate::browser::fetch`]); this says it.

use super::loading::size_in;
use super::messages::Messages;


#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The request never completed (offline, DNS, blocked). `origins` is (the URL's origin,
    /// the page's) when they differ: then a CORS refusal is the likely cause.
    Network { url: String, detail: String, origins: Option<(String, String)> },
    /// This document's own Content-Security-Policy (a `<meta>` one, as embed.html carries)
    /// does not allow the download: no server header can help. `directive` is the policy's
    /// `connect-src` (or `default-src`) as written; `https` whether the same file over https
    /// would be allowed; `ours` this document's origin when `'self'` is allowed.
    Refused { url: String, directive: String, https: bool, ours: Option<String>, framed: bool },
    /// The server answered with an error status.
    Status { url: String, status: u16, status_text: String },
    /// No complete answer within the time limit.
    Timeout { url: String, seconds: f64 },
    /// An HTML page (a single-page app's fallback, a login page) where data was expected.
    /// `expected` is the message key of what the file should have been (`fault.expected.prices`).
    NotData { url: String, status: u16, content_type: String, expected: &'static str },
    /// The connection broke after part of the body arrived.
    Broken { url: String, received: u64, total: Option<u64> },
}

impl FetchError {
    /// Everything but a client error (4xx other than 408 and 429) may succeed later.
    pub fn retryable(&self) -> bool {
        match self {
            FetchError::Status { status, .. } => *status >= 500 || *status == 408 || *status == 429,
            FetchError::Refused { .. } => false,
            _ => true,
        }
    }

    /// What went wrong, for scripts (`rotascope:error`'s `detail.code`).
    pub fn code(&self) -> &'static str {
        match self {
            FetchError::Network { origins: Some(_), .. } => "cors",
            FetchError::Network { .. } => "network",
            FetchError::Refused { .. } => "csp",
            FetchError::Status { .. } => "status",
            FetchError::Timeout { .. } => "timeout",
            FetchError::NotData { .. } => "html",
            FetchError::Broken { .. } => "broken",
        }
    }
}

impl FetchError {
    /// What went wrong in `m`'s language (the URL, the browser's own words and the server's
    /// status text stay as they are).
    pub fn words(&self, m: &Messages) -> String {
        match self {
            FetchError::Network { url, detail, origins: None } => m.fill("fault.network", &[("url", url), ("detail", detail)]),
            FetchError::Network { url, detail, origins: Some((theirs, ours)) } => m.fill("fault.cors", &[("url", url), ("detail", detail), ("theirs", theirs), ("ours", ours)]),
            FetchError::Refused { url, directive, https, ours, framed } => {
                let what = m.fill(if *framed { "fault.csp.frame" } else { "fault.csp.page" }, &[("url", url), ("directive", directive)]);
                let origin = ours.as_deref().unwrap_or_default();
                let key = match (https, ours.is_some()) {
                    (true, true) => "fault.csp.httpsOrOrigin",
                    (true, false) => "fault.csp.https",
                    (false, true) => "fault.csp.origin",
                    (false, false) => "fault.csp.add",
                };
                let advice = m.fill(key, &[("origin", origin), ("directive", directive)]);
                m.fill("fault.csp.advice", &[("problem", &what), ("advice", &advice)])
            }
            FetchError::Status { url, status, status_text } => m.fill("fault.status", &[("url", url), ("status", &status.to_string()), ("statusText", status_text)]),
            FetchError::Timeout { url, seconds } => m.fill("fault.timeout", &[("url", url), ("seconds", &seconds.to_string())]),
            FetchError::NotData { url, status, content_type, expected } => {
                let content_type = if content_type.is_empty() { m.get("fault.noContentType") } else { content_type };
                m.fill("fault.html", &[("url", url), ("expected", m.get(expected)), ("status", &status.to_string()), ("contentType", content_type)])
            }
            FetchError::Broken { url, received, total } => m.fill("fault.broken", &[("url", url), ("size", &size_in(m, *received, *total))]),
        }
    }
}

/// In English: `rotascope:error`'s message, for scripts and logs.
impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(&Messages::english()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url() -> String {
        "https://data.example/p.json".to_owned()
    }

    /// English is what the widget said before the texts moved to the table (the network
    /// tests assert these sentences in the browser too).
    #[test]
    fn each_fault_says_what_went_wrong_in_english() {
        let cases = [
            (FetchError::Network { url: url(), detail: "Failed to fetch".into(), origins: None }, "could not load https://data.example/p.json: Failed to fetch"),
            (FetchError::Status { url: url(), status: 404, status_text: "Not Found".into() }, "could not load https://data.example/p.json: the server answered 404 Not Found"),
            (FetchError::Timeout { url: url(), seconds: 2.5 }, "could not load https://data.example/p.json: no complete answer within 2.5 s (the `timeout` option sets the limit)"),
            (FetchError::NotData { url: url(), status: 200, content_type: "text/html".into(), expected: "fault.expected.prices" }, "could not load https://data.example/p.json: the server sent an HTML page, not price data (status 200, content type text/html)"),
            (FetchError::NotData { url: url(), status: 200, content_type: String::new(), expected: "fault.expected.note" }, "could not load https://data.example/p.json: the server sent an HTML page, not a research note (status 200, content type none given)"),
            (FetchError::Broken { url: url(), received: 120_000, total: Some(450_000) }, "could not load https://data.example/p.json: the download broke after 120 of 450 KB"),
            (FetchError::Refused { url: url(), directive: "connect-src 'self'".into(), https: false, ours: Some("https://news.example".into()), framed: true },
             "could not load https://data.example/p.json: this frame's Content-Security-Policy (connect-src 'self') does not allow downloading it, whatever its server sends. Serve the file from https://news.example, or add its origin to connect-src 'self'"),
            (FetchError::Refused { url: url(), directive: "default-src https:".into(), https: true, ours: None, framed: false },
             "could not load https://data.example/p.json: this page's Content-Security-Policy (default-src https:) does not allow downloading it, whatever its server sends. Serve the file over https"),
        ];
        for (fault, text) in cases {
            assert_eq!(fault.to_string(), text);
        }
    }

    #[test]
    fn a_fault_reads_in_the_readers_language() {
        let table = super::super::messages::keep(vec![
            ("fault.status".into(), "{url} konnte nicht geladen werden: Der Server antwortete {status} {statusText}".into()),
            ("fault.html".into(), "{url} konnte nicht geladen werden: Der Server schickte eine HTML-Seite statt {expected} (Status {status}, Inhaltstyp {contentType})".into()),
            ("fault.expected.prices".into(), "Kursdaten".into()),
        ]);
        let de = Messages::new("de", table, &[], None);
        assert_eq!(FetchError::Status { url: url(), status: 503, status_text: "Service Unavailable".into() }.words(&de),
                   "https://data.example/p.json konnte nicht geladen werden: Der Server antwortete 503 Service Unavailable");
        assert_eq!(FetchError::NotData { url: url(), status: 200, content_type: "text/html".into(), expected: "fault.expected.prices" }.words(&de),
                   "https://data.example/p.json konnte nicht geladen werden: Der Server schickte eine HTML-Seite statt Kursdaten (Status 200, Inhaltstyp text/html)");
    }
}
