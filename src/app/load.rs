//! Loading configured price sources into one validated table: URLs are fetched concurrently,
//! each source is parsed in its own format, and several are merged on one calendar.

use crate::analysis::input::{merge, parse_text, parse_value};
use crate::analysis::{AnalysisError, PriceTable};
use crate::browser::fetch::{fetch_text, FetchError};
use crate::config::PriceSource;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Loaded tables by (URL, symbol given for it).
type Loaded = HashMap<(String, Option<String>), Rc<PriceTable>>;

thread_local! {
    /// Tables loaded from URLs on this page, so several widgets (or a widget remounted after a
    /// config change) reading the same file fetch and parse it once. Failures are not kept.
    static LOADED: RefCell<Loaded> = RefCell::new(HashMap::new());
}

/// Why a widget (or `analyze`) could not get its data.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Fetch(FetchError),
    Data(AnalysisError),
}

impl LoadError {
    pub fn retryable(&self) -> bool {
        matches!(self, LoadError::Fetch(e) if e.retryable())
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Fetch(e) => e.fmt(f),
            LoadError::Data(e) => e.fmt(f),
        }
    }
}

async fn load_one(source: PriceSource) -> Result<Rc<PriceTable>, LoadError> {
    match source {
        PriceSource::Inline(value) => parse_value(&value).map(Rc::new).map_err(LoadError::Data),
        PriceSource::Text { text, symbol } => parse_text("", &text, symbol.as_deref()).map(Rc::new).map_err(LoadError::Data),
        PriceSource::Url { url, symbol } => {
            let key = (url.clone(), symbol.clone());
            if let Some(table) = LOADED.with(|c| c.borrow().get(&key).cloned()) {
                return Ok(table);
            }
            let text = fetch_text(&url).await.map_err(LoadError::Fetch)?;
            let table = Rc::new(parse_text(&url, &text, symbol.as_deref()).map_err(LoadError::Data)?);
            LOADED.with(|c| c.borrow_mut().insert(key, table.clone()));
            Ok(table)
        }
    }
}

pub async fn load_prices(sources: Vec<PriceSource>) -> Result<Rc<PriceTable>, LoadError> {
    let tables = futures::future::join_all(sources.into_iter().map(load_one)).await;
    let mut tables = tables.into_iter().collect::<Result<Vec<_>, _>>()?;
    if tables.len() == 1 {
        return Ok(tables.pop().expect("one table"));
    }
    merge(tables.iter().map(|t| (**t).clone()).collect()).map(Rc::new).map_err(LoadError::Data)
}
