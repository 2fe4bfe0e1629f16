//! What the performance chart draws: which lines (symbols, baskets, their spread) over which
//! range, as the model computes them.

use crate::analysis::lines::Line;
use crate::analysis::Warning;

/// How the performance chart shows the symbols.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PerfMode {
    PercentChange,
    Ratio,
    /// First configured basket minus the second, in pp.
    BasketSpread,
}

/// What a performance line stands for (it picks the line's colour and label).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKey {
    Symbol(usize),
    /// Index into the configured baskets.
    Basket(usize),
    /// The first basket minus the second.
    Spread,
}

impl LineKey {
    pub fn symbol(self) -> Option<usize> {
        match self {
            LineKey::Symbol(p) => Some(p),
            _ => None,
        }
    }
}

/// The performance chart's lines over one period.
#[derive(Debug, Clone, PartialEq)]
pub struct PerfLines {
    /// Table indices of the base day and the as-of day.
    pub from: usize,
    pub to: usize,
    pub lines: Vec<(LineKey, Line)>,
    pub warnings: Vec<Warning>,
}
