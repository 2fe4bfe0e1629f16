//! Fetching publisher files, with errors that say which URL failed and whether retrying
//! could help.

use gloo_net::http::Request;

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

/// GETs `url` as text.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| FetchError::Network { url: url.to_owned(), detail: e.to_string() })?;
    if !response.ok() {
        return Err(FetchError::Status { url: url.to_owned(), status: response.status(), status_text: response.status_text() });
    }
    response.text().await.map_err(|e| FetchError::Network { url: url.to_owned(), detail: e.to_string() })
}
