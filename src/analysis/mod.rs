//! The pure analytics core: no browser imports, tested with plain `cargo test`.
//!
//! Data flows one way: [`input`] turns publisher data into a validated [`PriceTable`];
//! the other modules compute from it. Every formula is documented on the function that
//! implements it and collected in the README.

pub mod error;
pub mod claims;
pub mod date;
pub mod input;
pub mod note;
pub mod period;
pub mod lines;
pub mod prices;
pub mod relative;
pub mod returns;
pub mod rotation;
pub mod rotation_metrics;
pub mod rotation_quality;
pub mod said;
pub mod selection;
pub mod sentiment;
pub mod sorting;
pub mod trend;

pub use date::Date;
pub use error::{AnalysisError, Warning};
pub use period::Period;
pub use prices::{Adjustment, PriceTable, Series};
pub use selection::Selection;
