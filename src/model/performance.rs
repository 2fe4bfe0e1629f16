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

impl PerfLines {
    /// The lines drawn, each with its index in [`PerfLines::lines`]: all but those of symbols
    /// the reader hid (`hidden`); the benchmark's line is never hidden.
    pub fn shown<'a>(&'a self, benchmark: usize, hidden: impl Fn(usize) -> bool + 'a) -> impl Iterator<Item = (usize, &'a (LineKey, Line))> + 'a {
        self.lines.iter().enumerate().filter(move |(_, (key, _))| !matches!(key.symbol(), Some(p) if p != benchmark && hidden(p)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_symbols_leave_the_chart_but_the_benchmark_and_baskets_stay() {
        let line = || Line { from: 0, values: vec![0.0] };
        let lines = PerfLines {
            from: 0,
            to: 0,
            lines: vec![(LineKey::Symbol(0), line()), (LineKey::Symbol(1), line()), (LineKey::Symbol(2), line()), (LineKey::Basket(0), line()), (LineKey::Spread, line())],
            warnings: Vec::new(),
        };
        let shown = |benchmark: usize, hidden: &[usize]| lines.shown(benchmark, |p| hidden.contains(&p)).map(|(k, (key, _))| (k, *key)).collect::<Vec<_>>();
        assert_eq!(shown(0, &[]).len(), 5);
        assert_eq!(shown(0, &[1]), vec![(0, LineKey::Symbol(0)), (2, LineKey::Symbol(2)), (3, LineKey::Basket(0)), (4, LineKey::Spread)]);
        // Hiding the benchmark hides nothing.
        assert_eq!(shown(1, &[1]).len(), 5);
        assert_eq!(shown(2, &[0, 1, 2]), vec![(2, LineKey::Symbol(2)), (3, LineKey::Basket(0)), (4, LineKey::Spread)]);
    }
}
