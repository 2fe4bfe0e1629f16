//! What went wrong with a download (`chart::faults`).
//! English, by key: the source of the other languages' tables (`www/lang/*.json`).

pub const MESSAGES: &[(&str, &str)] = &[
    ("fault.network", "could not load {url}: {detail}"),
    ("fault.cors", "could not load {url}: {detail}. It is on another origin ({theirs}) than this page ({ours}): unless the network is down, its server refused the cross-origin request. It must answer with the header Access-Control-Allow-Origin: {ours} (or *), or the file must be served from {ours}"),
    ("fault.csp.page", "could not load {url}: this page's Content-Security-Policy ({directive}) does not allow downloading it, whatever its server sends."),
    ("fault.csp.frame", "could not load {url}: this frame's Content-Security-Policy ({directive}) does not allow downloading it, whatever its server sends."),
    ("fault.csp.httpsOrOrigin", "Serve the file over https, or from {origin}"),
    ("fault.csp.https", "Serve the file over https"),
    ("fault.csp.origin", "Serve the file from {origin}, or add its origin to {directive}"),
    ("fault.csp.add", "Add its origin to {directive}"),
    ("fault.csp.advice", "{problem} {advice}"),
    ("fault.status", "could not load {url}: the server answered {status} {statusText}"),
    ("fault.timeout", "could not load {url}: no complete answer within {seconds} s (the `timeout` option sets the limit)"),
    ("fault.html", "could not load {url}: the server sent an HTML page, not {expected} (status {status}, content type {contentType})"),
    ("fault.noContentType", "none given"),
    ("fault.broken", "could not load {url}: the download broke after {size}"),
    ("fault.expected.prices", "price data"),
    ("fault.expected.note", "a research note"),
    ("fault.expected.language", "a language table"),
];
