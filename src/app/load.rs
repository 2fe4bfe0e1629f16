//! Turning a configured source into a validated price table.

use crate::analysis::input::{json_error, parse_contract_value};
use crate::analysis::{AnalysisError, PriceTable};
use crate::browser::fetch::{fetch_text, FetchError};
use crate::config::Source;
use std::rc::Rc;

/// Why a widget could not show its data.
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

pub async fn load_prices(source: Source) -> Result<Rc<PriceTable>, LoadError> {
    let table = match source {
        Source::Inline(value) => parse_contract_value(&value),
        Source::Url(url) => {
            let text = fetch_text(&url).await.map_err(LoadError::Fetch)?;
            serde_json::from_str(&text).map_err(json_error).and_then(|v| parse_contract_value(&v))
        }
    };
    table.map(Rc::new).map_err(LoadError::Data)
}
