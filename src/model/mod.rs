//! The model: everything the widget and `analyze()` derive from the core for one
//! configuration (rotation histories, performance lines, returns, baskets, spreads, trend
//! lines), each computed once per input and cached.
//!
//! Pure, like `analysis` and `chart` (no browser imports; `tests/architecture.rs` checks), so
//! it is tested natively. It sits between the two in the chain: it reads `analysis`, and
//! `chart`, `app` and `embed` read it; it never reads them.
//!
//! One [`Model`] is built per loaded table from [`AnalyzeOptions`] (the widget turns its
//! config into the same options with `WidgetConfig::analyze_options`), and both the widget's
//! views and [`analyze::analyze`] read every number through its methods: the widget and the
//! JS API cannot disagree, and a warning is worded in one place.
//!
//! - [`Model::rotation_set`]: every symbol's rotation history against a benchmark;
//! - [`Model::returns`]: ranked period returns with excess over the benchmark;
//! - [`Model::period_lines`]: the performance chart's lines over a period (clipped to the data
//!   by [`crate::analysis::relative::line_start`], the one clipping rule);
//! - [`Model::basket_returns`], [`Model::spread`], [`Model::spread_lines`] (in [`spread`]): the
//!   one spread, as a return or as lines (basket returns are a few means, not cached);
//! - [`Model::trend`]: one symbol's close and moving averages over a period.

pub mod analyze;
mod cache;
mod colours;
pub mod performance;
pub mod spread;
#[cfg(test)]
mod tests;

pub use analyze::{analyze, Analysis, AnalyzeOptions};
pub use cache::Cache;
pub use colours::ColourOrder;
pub use performance::{LineKey, PerfLines, PerfMode};
pub use spread::{Leg, LegKind};

use crate::analysis::period::Period;
use crate::analysis::relative::{line_start, period_lines, LineMode, PeriodLines};
use crate::analysis::returns::{basket_return, ranked_returns, Basket, BasketReturn, PeriodReturn};
use crate::analysis::rotation::{rotations, timeline, Interval, Quadrant, RotationMethod, RotationParams, SymbolRotation, Transition};
use crate::analysis::Date;
use crate::analysis::selection::as_of_index;
use crate::analysis::trend::{trend_lines, TrendLines};
use crate::analysis::{AnalysisError, PriceTable, Selection, Warning};
use std::ops::Deref;
use std::rc::Rc;

/// Every symbol's rotation history against one benchmark.
#[derive(Debug, Clone, PartialEq)]
pub struct RotationSet {
    pub rotations: Vec<SymbolRotation>,
    pub warnings: Vec<Warning>,
    /// Table indices the date slider steps through.
    pub timeline: Vec<usize>,
}

impl RotationSet {
    /// The whole rotation history of the symbol at `position` (oldest first), if it has one.
    pub fn history(&self, position: usize) -> Option<&[crate::analysis::rotation::RotationPoint]> {
        self.rotations.iter().find(|r| r.position == position).map(|r| r.points.as_slice())
    }
}

/// A quadrant change new data brought: `rotascope:alert`'s detail (typed in the d.ts).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RotationAlert {
    pub symbol: String,
    pub from: Quadrant,
    pub to: Quadrant,
    pub date: Date,
    pub benchmark: String,
    pub interval: Interval,
    /// At an unfinished week's point: it may still reverse.
    pub partial: bool,
    #[serde(skip)]
    pub method: RotationMethod,
    /// The symbol's table position.
    #[serde(skip)]
    pub position: usize,
}

impl RotationAlert {
    /// Whether `t`, a change of `symbol` against `benchmark` by `interval` and `method`, is
    /// this one.
    pub fn is(&self, symbol: &str, benchmark: &str, interval: Interval, method: RotationMethod, t: &Transition) -> bool {
        self.benchmark == benchmark && self.interval == interval && self.method == method && same_change(interval, (&self.symbol, self.from, self.to, self.date), (symbol, t.from, t.to, t.date))
    }

    /// Whether `other` is the same change (an unfinished week's change that went and came
    /// back is not new again).
    pub fn same(&self, other: &RotationAlert) -> bool {
        let t = Transition { date: other.date, from: other.from, to: other.to, partial: other.partial, index: 0 };
        self.is(&other.symbol, &other.benchmark, other.interval, other.method, &t)
    }
}

/// A symbol's quadrant change: symbol, from, to and the day of its point.
type Change<'a> = (&'a str, Quadrant, Quadrant, Date);

/// Whether two changes (against one benchmark, by `interval`) are the same one: the same
/// symbol and quadrants at the same point, which is its day, or for weekly points its week
/// (an unfinished week's point moves to each new day of the week). So a file that drops its
/// oldest days as it gains new ones does not make old changes look new.
fn same_change(interval: Interval, a: Change, b: Change) -> bool {
    let point = |date: Date| match interval {
        Interval::Weekly => date.week_start(),
        Interval::Daily => date,
    };
    a.0 == b.0 && a.1 == b.1 && a.2 == b.2 && point(a.3) == point(b.3)
}

/// The changes in `now` that `before` did not have.
pub fn fresh_transitions(before: &[(String, Transition)], now: Vec<(String, Transition)>, interval: Interval) -> Vec<(String, Transition)> {
    fn change((symbol, t): &(String, Transition)) -> Change<'_> {
        (symbol, t.from, t.to, t.date)
    }
    now.into_iter().filter(|c| !before.iter().any(|b| same_change(interval, change(b), change(c)))).collect()
}

/// Ranked period returns and their warnings, or why there are none.
pub type Ranked = Result<(Vec<PeriodReturn>, Vec<Warning>), AnalysisError>;

/// Every configured basket's return over one period (`None` where no member has one, in
/// basket order) and what was left out.
#[derive(Debug, Clone, PartialEq)]
pub struct BasketReturns {
    pub returns: Vec<Option<BasketReturn>>,
    pub warnings: Vec<Warning>,
}

/// A loaded table and everything derived from it for one configuration.
///
/// `T` is how the table is held: `Rc<PriceTable>` in the widget (shared with closures),
/// `&PriceTable` in `analyze()` (borrowed, never copied).
pub struct Model<T = Rc<PriceTable>> {
    pub table: T,
    /// The as-of day's table index.
    pub to: usize,
    /// The configured benchmark (the widget's benchmark control starts here).
    pub benchmark: usize,
    /// Configured symbols and the configured benchmark, in configured order: the set the
    /// views show, whatever the current benchmark.
    pub members: Vec<usize>,
    pub colours: ColourOrder,
    pub baskets: Vec<Basket>,
    /// The rotation window (samples).
    pub window: usize,
    rotation_cache: Cache<(usize, Interval, RotationMethod), Result<RotationSet, AnalysisError>>,
    lines_cache: Cache<(usize, Period, PerfMode), PerfLines>,
    returns_cache: Cache<(usize, Period), Ranked>,
    trend_cache: Cache<(usize, Period), Option<(TrendLines, usize)>>,
}

impl<T: Deref<Target = PriceTable>> Model<T> {
    /// Resolves the benchmark, symbols, as-of day and baskets of `options` against `table`.
    /// An unknown name or an as-of day before the data is an error naming it.
    pub fn new(table: T, options: &AnalyzeOptions) -> Result<Model<T>, AnalysisError> {
        let mut model = Model::without_baskets(table, options)?;
        model.resolve_baskets(&options.baskets)?;
        Ok(model)
    }

    /// [`Model::new`] but for the baskets, which [`Model::resolve_baskets`] adds: `analyze()`
    /// reports a bad basket only after the returns and the rotation, as it always has.
    ///
    /// Every period must start on or before the as-of day ([`Period::checked_start`]): this is
    /// where a configured or requested period meets the data's as-of day.
    pub fn without_baskets(table: T, options: &AnalyzeOptions) -> Result<Model<T>, AnalysisError> {
        let selection = Selection::resolve(&table, options.benchmark.as_deref(), options.symbols.as_deref())?;
        let to = as_of_index(&table, options.as_of.as_deref())?;
        for period in &options.periods {
            period.checked_start(table.date(to))?;
        }
        let mut members = selection.symbols;
        members.push(selection.benchmark);
        let colours = ColourOrder::new(&members, table.series.len());
        Ok(Model {
            to,
            benchmark: selection.benchmark,
            members,
            colours,
            baskets: Vec::new(),
            window: options.rotation.window,
            table,
            rotation_cache: Cache::new(),
            lines_cache: Cache::new(),
            returns_cache: Cache::new(),
            trend_cache: Cache::new(),
        })
    }

    /// Resolves the baskets' member names; an unknown member is an error naming the basket.
    pub fn resolve_baskets(&mut self, baskets: &[(String, Vec<String>)]) -> Result<(), AnalysisError> {
        let mut resolved = Vec::with_capacity(baskets.len());
        for (name, m) in baskets {
            resolved.push(Basket::resolve(&self.table, name, m)?);
        }
        self.baskets = resolved;
        self.lines_cache = Cache::new();
        Ok(())
    }

    /// The symbols compared with `benchmark`: every member but the benchmark itself.
    pub fn selection(&self, benchmark: usize) -> Selection {
        Selection { benchmark, symbols: self.members.iter().copied().filter(|&p| p != benchmark).collect() }
    }

    /// The symbols the widget shows against `benchmark`, each once: the configured symbols and
    /// benchmark, the baskets' members and `benchmark` itself (the reader may pick any loaded
    /// symbol). The data notes are limited to these.
    pub fn shown(&self, benchmark: usize) -> Vec<usize> {
        let mut shown = Vec::with_capacity(self.members.len() + 1);
        let baskets = self.baskets.iter().flat_map(|b| b.members.iter());
        for &p in self.members.iter().chain(baskets).chain(std::iter::once(&benchmark)) {
            if !shown.contains(&p) {
                shown.push(p);
            }
        }
        shown
    }

    pub fn symbol(&self, position: usize) -> &str {
        self.table.symbol_at(position)
    }

    pub fn name(&self, position: usize) -> Option<&str> {
        self.table.series_at(position)?.name.as_deref()
    }

    /// The as-of day (the last trading day on or before the configured one).
    pub fn as_of(&self) -> crate::analysis::Date {
        self.table.date(self.to)
    }

    /// `period` if it starts on or before the as-of day, else why not: for periods chosen
    /// after the model is built (a link, the date field).
    pub fn check_period(&self, period: Period) -> Result<Period, AnalysisError> {
        period.checked_start(self.as_of()).map(|_| period)
    }

    /// Whether any shown symbol has a name (tables drop the Name column otherwise).
    pub fn has_names(&self) -> bool {
        self.members.iter().any(|&p| self.name(p).is_some())
    }

    /// The symbol's colour slot (the same in every view; the palette gives the colour).
    pub fn colour_slot(&self, position: usize) -> usize {
        self.colours.slot(position)
    }

    /// Every shown symbol's rotation history against `benchmark`, from the first point its
    /// window allows up to the as-of day (tails are cut from it when shown).
    pub fn rotation_set(&self, benchmark: usize, interval: Interval, method: RotationMethod) -> Rc<Result<RotationSet, AnalysisError>> {
        self.rotation_cache.get_or((benchmark, interval, method), || {
            // The tail length only cuts what is shown; the history does not depend on it.
            let params = RotationParams { interval, window: self.window, tail: 1, method };
            rotations(&self.table, &self.selection(benchmark), self.to, params)
                .map(|(rotations, warnings)| RotationSet { timeline: timeline(&rotations), rotations, warnings })
        })
    }

    /// Where a rotation timeline position `step` of `before` (the same publisher's file,
    /// loaded earlier) falls on this model's: the step of the same day (a file that drops its
    /// oldest days shifts every step), or of the next day there is; `None` (the latest) for
    /// `before`'s last step or a day past this timeline.
    pub fn same_step(&self, before: &Model<T>, step: usize, benchmark: usize, interval: Interval, method: RotationMethod) -> Option<usize> {
        let old = before.rotation_set(benchmark, interval, method);
        let old = old.as_ref().as_ref().ok()?;
        if step + 1 >= old.timeline.len() {
            return None;
        }
        let day = *before.table.dates.get(*old.timeline.get(step)?)?;
        let now = self.rotation_set(benchmark, interval, method);
        let timeline = &now.as_ref().as_ref().ok()?.timeline;
        let at = timeline.partition_point(|&i| self.table.dates.get(i).is_some_and(|d| *d < day));
        (at + 1 < timeline.len()).then_some(at)
    }

    /// The quadrant changes against `benchmark` this model has and `before` (the same
    /// publisher's file, loaded earlier) did not: what new data brought, oldest first.
    pub fn new_alerts(&self, before: &Model<T>, benchmark: usize, interval: Interval, method: RotationMethod) -> Vec<RotationAlert> {
        let changes = |model: &Model<T>, benchmark: Option<usize>| -> Vec<(String, Transition)> {
            let set = benchmark.map(|b| model.rotation_set(b, interval, method));
            let Some(Ok(set)) = set.as_deref() else { return Vec::new() };
            set.rotations.iter().flat_map(|r| r.transitions.iter().map(|t| (model.symbol(r.position).to_owned(), t.clone()))).collect()
        };
        let benchmark_name = self.symbol(benchmark).to_owned();
        let old = changes(before, before.table.position(&benchmark_name));
        let mut brought: Vec<RotationAlert> = fresh_transitions(&old, changes(self, Some(benchmark)), interval)
            .into_iter()
            .map(|(symbol, t)| RotationAlert { position: self.table.position(&symbol).unwrap_or_default(), symbol, from: t.from, to: t.to, date: t.date, benchmark: benchmark_name.clone(), interval, partial: t.partial, method })
            .collect();
        crate::analysis::sorting::sort_by(&mut brought, |a, b| a.date.cmp(&b.date).then(a.position.cmp(&b.position)));
        brought
    }

    /// The performance chart's lines: every shown symbol's % change or ratio to `benchmark`,
    /// or the two baskets and their spread, from the period's base day to the as-of day.
    pub fn period_lines(&self, benchmark: usize, period: Period, mode: PerfMode) -> Rc<PerfLines> {
        // The spread chart spans the same range as the others and reports what they report.
        let base = match mode {
            PerfMode::BasketSpread => Some(self.period_lines(benchmark, period, PerfMode::PercentChange)),
            _ => None,
        };
        self.lines_cache.get_or((benchmark, period, mode), || {
            let symbol_lines = |p: PeriodLines| PerfLines {
                from: p.from,
                to: p.to,
                lines: p.lines.into_iter().map(|(pos, l)| (LineKey::Symbol(pos), l)).collect(),
                warnings: p.warnings,
            };
            let sel = self.selection(benchmark);
            match (mode, base) {
                (PerfMode::Ratio, _) => symbol_lines(period_lines(&self.table, &sel, period, self.to, LineMode::RatioToBenchmark)),
                (PerfMode::PercentChange, _) | (PerfMode::BasketSpread, None) => {
                    symbol_lines(period_lines(&self.table, &sel, period, self.to, LineMode::PercentChange))
                }
                (PerfMode::BasketSpread, Some(base)) => {
                    let mut warnings = base.warnings.clone();
                    let lines = self
                        .basket_legs()
                        .and_then(|(a, b)| self.spread_lines(&a, &b, base.from, base.to, &mut warnings))
                        .map(|(la, lb, spread)| vec![(LineKey::Basket(0), la), (LineKey::Basket(1), lb), (LineKey::Spread, spread)])
                        .unwrap_or_default();
                    PerfLines { from: base.from, to: base.to, lines, warnings }
                }
            }
        })
    }

    /// The benchmark's and every shown symbol's return over `period`, ranked best first.
    pub fn returns(&self, benchmark: usize, period: Period) -> Rc<Ranked> {
        self.returns_cache.get_or((benchmark, period), || ranked_returns(&self.table, &self.selection(benchmark), period, self.to))
    }

    /// The period's returns of the shown symbols (not the benchmark), and the benchmark's, for
    /// summaries.
    pub fn performers(&self, benchmark: usize, period: Period) -> (Vec<PeriodReturn>, Option<f64>) {
        let returns = self.returns(benchmark, period);
        let Ok((rows, _)) = returns.as_ref() else { return (Vec::new(), None) };
        let bench = self.symbol(benchmark);
        let performers = rows.iter().filter(|r| r.symbol != bench).cloned().collect();
        (performers, rows.iter().find(|r| r.symbol == bench).map(|r| r.return_pct))
    }

    /// Every configured basket's equal-weight return over `period` (a few means: computed
    /// when asked, not cached).
    pub fn basket_returns(&self, period: Period) -> BasketReturns {
        let mut warnings = Vec::new();
        let returns = self.baskets.iter().map(|b| basket_return(&self.table, b, period, self.to, &mut warnings)).collect();
        BasketReturns { returns, warnings }
    }

    /// Trend lines of `position` over `period` and the first index shown.
    pub fn trend(&self, position: usize, period: Period) -> Rc<Option<(TrendLines, usize)>> {
        self.trend_cache.get_or((position, period), || {
            // The trend view lists no data notes; the clipping itself is the same as the lines'.
            let from = line_start(&self.table, period, self.to, &mut Vec::new());
            trend_lines(&self.table, position, from, self.to).map(|l| (l, from))
        })
    }

    /// How many results are cached (for tests: reading twice must not compute twice).
    pub fn cached(&self) -> usize {
        self.rotation_cache.len() + self.lines_cache.len() + self.returns_cache.len() + self.trend_cache.len()
    }
}
