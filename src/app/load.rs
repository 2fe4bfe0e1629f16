//! Loading configured price sources into one validated table: URLs are fetched concurrently,
//! each source is parsed in its own format, and several are merged on one calendar.

use crate::analysis::input::{merge, parse_text, parse_value};
use crate::analysis::{AnalysisError, PriceTable};
use crate::browser::fetch::{fetch_text, FetchError};
use crate::config::PriceSource;
use std::rc::Rc;

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

async fn load_one(source: PriceSource) -> Result<PriceTable, LoadError> {
    match source {
        PriceSource::Inline(value) => parse_value(&value).map_err(LoadError::Data),
        PriceSource::Text { text, symbol } => parse_text("", &text, symbol.as_deref()).map_err(LoadError::Data),
        PriceSource::Url { url, symbol } => {
            let text = fetch_text(&url).await.map_err(LoadError::Fetch)?;
            parse_text(&url, &text, symbol.as_deref()).map_err(LoadError::Data)
        }
    }
}

pub async fn load_prices(sources: Vec<PriceSource>) -> Result<Rc<PriceTable>, LoadError> {
    let tables = futures::future::join_all(sources.into_iter().map(load_one)).await;
    let tables = tables.into_iter().collect::<Result<Vec<_>, _>>()?;
    merge(tables).map(Rc::new).map_err(LoadError::Data)
}
