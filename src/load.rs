//! Loading what a widget (or `analyze()`) reads: the configured price sources into one
//! validated table (URLs fetched concurrently, each source parsed in its own format, several
//! merged on one calendar, tables kept for the page) and the research note. Both fail with
//! one [`LoadError`]. No leptos here: the components and the JS API sit on top.

use crate::analysis::input::{merge, parse_source, parse_value};
use crate::analysis::note::{parse_note, parse_note_json, Note, NoteError};
use crate::analysis::error::IN_SOURCE;
use crate::analysis::said::Said;
use crate::analysis::{Adjustment, AnalysisError, PriceTable};
use crate::browser::fetch::{fetch_text, FetchError};
use crate::config::{PriceSource, Source};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::Poll;

/// Loaded tables by (URL, symbol and adjustment given for it): a page has a few, so a list
/// searched in order (a hash map costs more code than it saves time).
type LoadedTables = Vec<((String, Option<String>, Option<Adjustment>), Rc<PriceTable>)>;

/// A language's message table, shared by the widgets of a page that show it.
pub type LanguageTable = crate::chart::messages::Table;
/// Each language asked for on this page and its download.
type Languages = Vec<(&'static str, Rc<RefCell<LanguageState>>)>;

thread_local! {
    /// Language tables by language: each fetched once for the page (the first widget to ask
    /// starts the download, the others wait for it). Failures are not kept.
    static LANGUAGES: RefCell<Languages> = const { RefCell::new(Vec::new()) };
    /// Tables loaded from URLs on this page, so several widgets (or a widget remounted after a
    /// config change) reading the same file fetch and parse it once. Failures are not kept.
    static LOADED: RefCell<LoadedTables> = const { RefCell::new(Vec::new()) };
}

/// Why a widget (or `analyze`) could not get its data or its note.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The download failed (network, CORS, CSP, HTTP status, time limit, HTML, broken body).
    Fetch(FetchError),
    /// The prices arrived but cannot be used.
    Data(AnalysisError),
    /// The note arrived (or was given inline) but cannot be read: `url` when it was downloaded.
    Note { url: Option<String>, reason: NoteError },
}

impl LoadError {
    pub fn retryable(&self) -> bool {
        matches!(self, LoadError::Fetch(e) if e.retryable())
    }

    /// `rotascope:error`'s `detail.code`: the fetch's code, or `data` for a file that arrived
    /// but cannot be used.
    pub fn code(&self) -> &'static str {
        match self {
            LoadError::Fetch(e) => e.code(),
            LoadError::Data(_) | LoadError::Note { .. } => "data",
        }
    }
}

/// Bytes received so far and the total when every download in flight has said its size.
pub type Progress = Rc<dyn Fn(u64, Option<u64>)>;
/// Per source: bytes received and its size when known.
type Downloads = Rc<RefCell<Vec<(u64, Option<u64>)>>>;

impl LoadError {
    /// What went wrong in `m`'s language (the data's and the note's problems as the core
    /// says them).
    pub fn words(&self, m: &crate::chart::messages::Messages) -> String {
        match self {
            LoadError::Fetch(e) => e.words(m),
            LoadError::Data(e) => m.said(e),
            LoadError::Note { url: Some(url), reason } => m.said(&Said::new(IN_SOURCE, &[("source", url), ("error", &m.said(reason))])),
            LoadError::Note { url: None, reason } => m.said(reason),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Fetch(e) => e.fmt(f),
            LoadError::Data(e) => e.fmt(f),
            LoadError::Note { url: Some(url), reason } => write!(f, "{url}: {reason}"),
            LoadError::Note { url: None, reason } => f.write_str(reason),
        }
    }
}

async fn load_one(source: PriceSource, timeout_s: f64, progress: &dyn Fn(u64, Option<u64>)) -> Result<Rc<PriceTable>, LoadError> {
    match source {
        PriceSource::Inline(value) => parse_value(&value).map(Rc::new).map_err(LoadError::Data),
        PriceSource::Text { text, symbol, adjusted } => parse_source("", &text, symbol.as_deref(), adjusted).map(Rc::new).map_err(LoadError::Data),
        PriceSource::Url { url, symbol, adjusted } => {
            let key = (url.clone(), symbol.clone(), adjusted);
            if let Some(table) = LOADED.with(|c| c.borrow().iter().find(|(k, _)| *k == key).map(|(_, t)| t.clone())) {
                return Ok(table);
            }
            let text = fetch_text(&url, "fault.expected.prices", timeout_s, progress).await.map_err(LoadError::Fetch)?;
            let table = Rc::new(parse_source(&url, &text, symbol.as_deref(), adjusted).map_err(LoadError::Data)?);
            LOADED.with(|c| c.borrow_mut().push((key, table.clone())));
            Ok(table)
        }
    }
}

/// Loads every source at once, each download within `timeout_s`; `progress` hears the bytes
/// received over all of them (and their total, once each has said its size).
pub async fn load_prices(sources: Vec<PriceSource>, timeout_s: f64, progress: Progress) -> Result<Rc<PriceTable>, LoadError> {
    let downloads: Downloads = Rc::new(RefCell::new(vec![(0, None); sources.len()]));
    let each = |k: usize| {
        let (downloads, progress) = (downloads.clone(), progress.clone());
        move |received: u64, total: Option<u64>| {
            if let Some(slot) = downloads.borrow_mut().get_mut(k) {
                *slot = (received, total);
            }
            let all = downloads.borrow();
            let received = all.iter().map(|d| d.0).sum();
            let total = all.iter().map(|d| d.1).sum::<Option<u64>>();
            progress(received, total);
        }
    };
    let tables = join_all(
        sources
            .into_iter()
            .enumerate()
            .map(|(k, s)| {
                let report = each(k);
                Box::pin(async move { load_one(s, timeout_s, &report).await })
            })
            .collect(),
    )
    .await;
    let tables = tables.into_iter().collect::<Result<Vec<_>, _>>()?;
    if let (1, Some(only)) = (tables.len(), tables.last()) {
        return Ok(only.clone());
    }
    merge(tables.iter().map(|t| (**t).clone()).collect()).map(Rc::new).map_err(LoadError::Data)
}

/// Polls every future until all are done (so the fetches run at once), results in order.
/// `futures::join_all` does the same with twice the code in the bundle.
async fn join_all<T, F: Future<Output = T>>(mut pending: Vec<Pin<Box<F>>>) -> Vec<T> {
    let mut done: Vec<Option<T>> = pending.iter().map(|_| None).collect();
    std::future::poll_fn(move |cx| {
        let mut all_done = true;
        for (future, slot) in pending.iter_mut().zip(done.iter_mut()) {
            if slot.is_none() {
                match future.as_mut().poll(cx) {
                    Poll::Ready(value) => *slot = Some(value),
                    Poll::Pending => all_done = false,
                }
            }
        }
        if all_done {
            Poll::Ready(done.iter_mut().filter_map(Option::take).collect())
        } else {
            Poll::Pending
        }
    })
    .await
}


/// The research note from `source`, its download within `timeout_s`, `progress` hearing the
/// bytes received (and the total when known).
pub async fn load_note(source: Source, timeout_s: f64, progress: &dyn Fn(u64, Option<u64>)) -> Result<Note, LoadError> {
    match source {
        Source::Inline(value) => parse_note(&value).map_err(|reason| LoadError::Note { url: None, reason }),
        Source::Url(url) => {
            let text = fetch_text(&url, "fault.expected.note", timeout_s, progress).await.map_err(LoadError::Fetch)?;
            parse_note_json(&text).map_err(|reason| LoadError::Note { url: Some(url), reason })
        }
    }
}

/// A language table's download: under way (with the widgets waiting for it), or done.
pub enum LanguageState {
    Loading(Vec<std::task::Waker>),
    Done(Result<LanguageTable, String>),
}

/// `lang`'s message table (`lang/<lang>.json` beside the loader), downloaded within
/// `timeout_s` once for the page; why not, in the fetch's words.
pub async fn load_language(lang: &'static str, timeout_s: f64) -> Result<LanguageTable, String> {
    let (state, first) = LANGUAGES.with(|all| {
        let mut all = all.borrow_mut();
        if let Some((_, s)) = all.iter().find(|(l, s)| *l == lang && !matches!(&*s.borrow(), LanguageState::Done(Err(_)))) {
            return (s.clone(), false);
        }
        all.retain(|(l, _)| *l != lang);
        let s = Rc::new(RefCell::new(LanguageState::Loading(Vec::new())));
        all.push((lang, s.clone()));
        (s, true)
    });
    if first {
        let url = crate::browser::assets::beside_loader(&format!("lang/{lang}.json"));
        let result = fetch_text(&url, "fault.expected.language", timeout_s, &|_, _| {})
            .await
            .map_err(|e| e.to_string())
            .and_then(|text| crate::chart::messages::parse_table(&text))
            .map(crate::chart::messages::keep);
        let waiting = std::mem::replace(&mut *state.borrow_mut(), LanguageState::Done(result.clone()));
        if let LanguageState::Loading(wakers) = waiting {
            wakers.into_iter().for_each(std::task::Waker::wake);
        }
        return result;
    }
    std::future::poll_fn(move |cx| match &mut *state.borrow_mut() {
        LanguageState::Done(result) => Poll::Ready(result.clone()),
        LanguageState::Loading(wakers) => {
            wakers.push(cx.waker().clone());
            Poll::Pending
        }
    })
    .await
}
