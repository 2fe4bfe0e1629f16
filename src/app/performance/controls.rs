//! The performance view's mode buttons' options.

use crate::chart::words;

/// The modes: % change, ratio to the benchmark, and the spread of the first two baskets
/// (when there are).
pub fn modes(data: &crate::model::Model) -> Vec<(crate::model::PerfMode, String)> {
    words::mode_options(&crate::app::messages(), data.baskets.first().zip(data.baskets.get(1)).map(|(a, b)| (a.name.as_str(), b.name.as_str())))
}
