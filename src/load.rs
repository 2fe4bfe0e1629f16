//! Loading what a widget (or `analyze()`) reads: the configured price sources into one
//! validated table (URLs fetched concurrently, each source parsed in its own format, several
//! merged on one calendar, tables kept for the page) and the research note. Both fail with
//! one [`LoadError`]. Widgets asking for a file another widget is downloading wait for that
//! download ([`shared`]). No leptos here: the components and the JS API sit on top.

use crate::analysis::input::{merge, parse_source, parse_value};
use crate::analysis::note::{parse_note, parse_note_json, Note, NoteError};
use crate::analysis::error::IN_SOURCE;
use crate::analysis::said::Said;
use crate::analysis::{Adjustment, AnalysisError, PriceTable};
use crate::browser::fetch::{fetch, fetch_text, FetchError, Freshness, Validator};
use crate::config::{PriceSource, Source};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Poll, Waker};

/// A file loaded from a URL, kept for the page: what it was loaded as (`key`), the response's
/// validator and a digest of its text (an unchanged file is neither read again, when the
/// validator says so, nor parsed again), whether the publisher may have changed it since
/// (`update()`: ask the server before using it again), the page-wide version it was stored
/// under (a widget redraws when the versions of its files differ from those it drew: another
/// widget may have been the one to fetch the new file), and what was read from it.
struct Kept<K, T> {
    key: K,
    validator: Option<Validator>,
    digest: u64,
    stale: bool,
    version: u32,
    value: T,
}

/// A table is kept by the URL, and the symbol and adjustment given for it.
type TableKey = (String, Option<String>, Option<Adjustment>);
/// A page has a few: lists searched in order (a hash map costs more code than it saves time).
type LoadedTables = Vec<Kept<TableKey, Rc<PriceTable>>>;
type LoadedNotes = Vec<Kept<String, Note>>;

/// A language's message table, shared by the widgets of a page that show it.
pub type LanguageTable = crate::chart::messages::Table;

/// A load under way on this page: those waiting for it, and once it ends, its outcome (`None`:
/// its asker went away before the end). Type-erased, so one copy of the waiting code serves
/// prices, notes and languages.
#[derive(Default)]
struct UnderWay {
    waiting: Vec<Waker>,
    ended: Option<Option<Rc<dyn std::any::Any>>>,
}

thread_local! {
    /// Language tables by language, each fetched once for the page. Failures are not kept.
    static LANGUAGES: RefCell<Vec<(&'static str, LanguageTable)>> = const { RefCell::new(Vec::new()) };
    /// Loads under way, by what they load (`prices <url> …`, `note <url>`, `lang de`).
    static UNDER_WAY: RefCell<Vec<(String, Rc<RefCell<UnderWay>>)>> = const { RefCell::new(Vec::new()) };
    /// Tables loaded from URLs on this page, so several widgets (or a widget remounted after a
    /// config change) reading the same file fetch and parse it once. Failures are not kept.
    static LOADED: RefCell<LoadedTables> = const { RefCell::new(Vec::new()) };
    /// Notes downloaded on this page, so a widget redrawn with new prices does not fetch its
    /// note again. Failures are not kept.
    static NOTES: RefCell<LoadedNotes> = const { RefCell::new(Vec::new()) };
    /// The last version given to a file stored in `LOADED` or `NOTES`.
    static VERSION: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A new page-wide version for a file just read.
fn next_version() -> u32 {
    VERSION.with(|v| {
        v.set(v.get().wrapping_add(1));
        v.get()
    })
}

/// The versions of the files `sources` name, as this page holds them (0: not from a URL, or
/// not loaded): a widget keeps those it drew.
pub fn versions(sources: &[PriceSource]) -> Vec<u32> {
    LOADED.with(|c| {
        let all = c.borrow();
        sources
            .iter()
            .map(|s| match s {
                PriceSource::Url { url, symbol, adjusted } => all.iter().find(|t| t.key.0 == *url && t.key.1 == *symbol && t.key.2 == *adjusted).map_or(0, |t| t.version),
                _ => 0,
            })
            .collect()
    })
}

/// The version of the note at `url` this page holds (0: not loaded).
pub fn note_version(url: &str) -> u32 {
    NOTES.with(|c| c.borrow().iter().find(|n| n.key == url).map_or(0, |n| n.version))
}

/// 64-bit FNV-1a of `text`: tells a changed file from the copy at hand when the server sends
/// no validator (or the browser cannot read it).
fn digest(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Keeps `kept` for the page in `store`, in place of what was kept under its key.
fn replace_kept<K: PartialEq, T>(store: &'static std::thread::LocalKey<RefCell<Vec<Kept<K, T>>>>, kept: Kept<K, T>) {
    store.with(|c| {
        let mut all = c.borrow_mut();
        all.retain(|t| t.key != kept.key);
        all.push(kept);
    });
}

/// Every file loaded so far is checked with its server before it is used again (the
/// publisher may have changed it: `update()` reads it anew, even under the same URL).
pub fn mark_stale() {
    LOADED.with(|c| c.borrow_mut().iter_mut().for_each(|t| t.stale = true));
    NOTES.with(|c| c.borrow_mut().iter_mut().for_each(|n| n.stale = true));
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

/// One source's table; a file asked again of its server (`revalidate`, or stale) that is
/// unchanged (by validator or by digest) keeps its table and version.
async fn load_one(source: PriceSource, timeout_s: f64, progress: &dyn Fn(u64, Option<u64>), revalidate: bool) -> Result<Rc<PriceTable>, LoadError> {
    match source {
        PriceSource::Inline(value) => parse_value(&value).map(Rc::new).map_err(LoadError::Data),
        PriceSource::Text { text, symbol, adjusted } => parse_source("", &text, symbol.as_deref(), adjusted).map(Rc::new).map_err(LoadError::Data),
        PriceSource::Url { url, symbol, adjusted } => {
            let key = (url.clone(), symbol.clone(), adjusted);
            let known = LOADED.with(|c| c.borrow().iter().find(|t| t.key == key).map(|t| (t.validator.clone(), t.digest, t.stale, t.version, t.value.clone())));
            if let Some((_, _, false, _, table)) = &known {
                if !revalidate {
                    return Ok(table.clone());
                }
            }
            shared(format!("prices {url}\n{}\n{}", symbol.as_deref().unwrap_or_default(), adjusted.map_or(0, |a| a as u8 + 1)), Box::pin(async {
                let got = download(&url, "fault.expected.prices", timeout_s, progress, known.as_ref().map(|k| (k.0.as_ref(), k.1)), revalidate).await?;
                let (table, version) = match (got.text, known) {
                    (None, Some((.., version, table))) => (table, version),
                    (text, _) => (Rc::new(parse_source(&url, &text.unwrap_or_default(), symbol.as_deref(), adjusted).map_err(LoadError::Data)?), next_version()),
                };
                replace_kept(&LOADED, Kept { key, validator: got.validator, digest: got.digest, stale: false, version, value: table.clone() });
                Ok(table)
            }))
            .await
        }
    }
}

/// Loads every source at once, each download within `timeout_s`; `progress` hears the bytes
/// received over all of them (and their total, once each has said its size).
pub async fn load_prices(sources: Vec<PriceSource>, timeout_s: f64, progress: Progress) -> Result<Rc<PriceTable>, LoadError> {
    merged(load_all(sources, timeout_s, progress, false).await?)
}

/// The sources asked again of their servers (conditional requests): the table and its files'
/// versions when these differ from `drawn` (the versions a widget drew), `None` when not.
pub async fn refresh_prices(sources: Vec<PriceSource>, timeout_s: f64, drawn: &[u32]) -> Result<Option<(Rc<PriceTable>, Vec<u32>)>, LoadError> {
    let tables = load_all(sources.clone(), timeout_s, Rc::new(|_, _| {}), true).await?;
    let now = versions(&sources);
    if now == drawn {
        return Ok(None);
    }
    Ok(Some((merged(tables)?, now)))
}

/// One table from the sources' tables (merged on one calendar when there are several).
fn merged(tables: Vec<Rc<PriceTable>>) -> Result<Rc<PriceTable>, LoadError> {
    match tables.as_slice() {
        [only] => Ok(only.clone()),
        _ => merge(tables.iter().map(|t| (**t).clone()).collect()).map(Rc::new).map_err(LoadError::Data),
    }
}

async fn load_all(sources: Vec<PriceSource>, timeout_s: f64, progress: Progress, revalidate: bool) -> Result<Vec<Rc<PriceTable>>, LoadError> {
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
                Box::pin(async move { load_one(s, timeout_s, &report, revalidate).await })
            })
            .collect(),
    )
    .await;
    tables.into_iter().collect()
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
            if let Some(note) = NOTES.with(|c| c.borrow().iter().find(|n| n.key == url && !n.stale).map(|n| n.value.clone())) {
                return Ok(note);
            }
            fetch_note(&url, timeout_s, progress, false).await
        }
    }
}

/// The note at `url` asked again of its server; [`note_version`] then says whether it changed.
pub async fn refresh_note(url: &str, timeout_s: f64) -> Result<(), LoadError> {
    fetch_note(url, timeout_s, &|_, _| {}, true).await.map(|_| ())
}

async fn fetch_note(url: &str, timeout_s: f64, progress: &dyn Fn(u64, Option<u64>), revalidate: bool) -> Result<Note, LoadError> {
    shared(format!("note {url}"), Box::pin(async {
        let known = NOTES.with(|c| c.borrow().iter().find(|n| n.key == url).map(|n| (n.validator.clone(), n.digest, n.version, n.value.clone())));
        let got = download(url, "fault.expected.note", timeout_s, progress, known.as_ref().map(|k| (k.0.as_ref(), k.1)), revalidate).await?;
        let (note, version) = match (got.text, known) {
            (None, Some((.., version, note))) => (note, version),
            (text, _) => (parse_note_json(&text.unwrap_or_default()).map_err(|reason| LoadError::Note { url: Some(url.to_owned()), reason })?, next_version()),
        };
        replace_kept(&NOTES, Kept { key: url.to_owned(), validator: got.validator, digest: got.digest, stale: false, version, value: note.clone() });
        Ok(note)
    }))
    .await
}

/// A file's text as its server has it now, against the copy at hand (`known`: its validator
/// and digest, asked about with a conditional request).
struct Download {
    /// `None`: the same as the copy at hand (by validator, or by digest); never without one.
    text: Option<String>,
    validator: Option<Validator>,
    digest: u64,
}

async fn download(url: &str, expected: &'static str, timeout_s: f64, progress: &dyn Fn(u64, Option<u64>), known: Option<(Option<&Validator>, u64)>, revalidate: bool) -> Result<Download, LoadError> {
    let freshness = match known {
        Some((validator, _)) => Freshness::Revalidate(validator),
        None if revalidate => Freshness::Revalidate(None),
        None => Freshness::Cached,
    };
    let fetched = fetch(url, expected, timeout_s, progress, freshness).await.map_err(LoadError::Fetch)?;
    let sum = fetched.text.as_deref().map(digest);
    Ok(match (fetched.text, known) {
        (Some(text), Some((_, before))) if sum != Some(before) => Download { text: Some(text), validator: fetched.validator, digest: sum.unwrap_or_default() },
        (_, Some((_, before))) => Download { text: None, validator: fetched.validator, digest: before },
        (text, None) => Download { text: Some(text.unwrap_or_default()), validator: fetched.validator, digest: sum.unwrap_or_default() },
    })
}

/// `lang`'s message table (`lang/<lang>.json` beside the loader), downloaded within
/// `timeout_s` once for the page; why not, in the fetch's words.
pub async fn load_language(lang: &'static str, timeout_s: f64) -> Result<LanguageTable, String> {
    if let Some(table) = LANGUAGES.with(|all| all.borrow().iter().find(|(l, _)| *l == lang).map(|(_, t)| *t)) {
        return Ok(table);
    }
    shared(format!("lang {lang}"), Box::pin(async {
        let url = crate::browser::assets::beside_loader(&format!("lang/{lang}.json"));
        let table = fetch_text(&url, "fault.expected.language", timeout_s, &|_, _| {})
            .await
            .map_err(|e| e.to_string())
            .and_then(|text| crate::chart::messages::parse_table(&text))
            .map(crate::chart::messages::keep)?;
        LANGUAGES.with(|all| all.borrow_mut().push((lang, table)));
        Ok(table)
    }))
    .await
}

/// What `load` gives, or, when a load of the same `key` is under way on this page, what that
/// one gives: widgets starting at once on one file download (and parse) it once, whatever the
/// server's caching headers. A widget that waits hears no byte counts, only the outcome.
async fn shared<T: Clone + 'static>(key: String, load: Pin<Box<dyn Future<Output = T> + '_>>) -> T {
    if let Some(value) = outcome_of(&key).await.and_then(|v| v.downcast_ref::<T>().cloned()) {
        return value;
    }
    let mut ending = Ending::new(key);
    let value = load.await;
    ending.outcome = Some(Rc::new(value.clone()));
    value
}

/// The outcome of the load of `key` under way, once it is in; `None` when none is under way
/// (or the one that was went away before the end): the caller loads it.
async fn outcome_of(key: &str) -> Option<Rc<dyn std::any::Any>> {
    loop {
        let state = UNDER_WAY.with(|all| all.borrow().iter().find(|(k, _)| k == key).map(|(_, s)| s.clone()))?;
        let outcome = std::future::poll_fn(|cx| {
            let mut state = state.borrow_mut();
            match &state.ended {
                Some(outcome) => Poll::Ready(outcome.clone()),
                None => {
                    state.waiting.push(cx.waker().clone());
                    Poll::Pending
                }
            }
        })
        .await;
        if outcome.is_some() {
            return outcome;
        }
    }
}

/// Ends a shared load, also when its asker is dropped mid-way: takes it off the page's list
/// and wakes those waiting, with its outcome or (dropped) to ask themselves.
struct Ending {
    state: Rc<RefCell<UnderWay>>,
    outcome: Option<Rc<dyn std::any::Any>>,
}

impl Ending {
    /// `key`'s load, under way from now.
    fn new(key: String) -> Self {
        let state = Rc::new(RefCell::new(UnderWay::default()));
        UNDER_WAY.with(|all| all.borrow_mut().push((key, state.clone())));
        Ending { state, outcome: None }
    }
}

impl Drop for Ending {
    fn drop(&mut self) {
        UNDER_WAY.with(|all| all.borrow_mut().retain(|(_, s)| !Rc::ptr_eq(s, &self.state)));
        let mut state = self.state.borrow_mut();
        state.ended = Some(self.outcome.take());
        state.waiting.drain(..).for_each(Waker::wake);
    }
}
