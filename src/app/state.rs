//! The state one widget's views share: loaded data with results cached per input
//! (compute once, draw many), and the reader's control settings as signals.

use crate::analysis::period::Period;
use crate::analysis::relative::{basket_spread_lines, period_lines, LineMode, PeriodLines};
use crate::analysis::returns::{ranked_returns, Basket, PeriodReturn};
use crate::analysis::rotation::{rotations, timeline, Interval, RotationMethod, RotationParams, SymbolRotation};
use crate::analysis::trend::{trend_lines, TrendLines};
use crate::analysis::{AnalysisError, PriceTable, Selection, Warning};
use crate::chart::rotation::{Emphasis, Marker};
use crate::chart::theme::{ColourOrder, SERIES_COLOURS};
use crate::chart::{Palette, Rgb};
use crate::config::{View, WidgetConfig};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hash;
use std::rc::Rc;

/// Remembers results by input, so redrawing (resize, hover, scrub) never recomputes them.
pub struct Cache<K, V>(RefCell<HashMap<K, Rc<V>>>);

impl<K: Eq + Hash, V> Cache<K, V> {
    pub fn new() -> Self {
        Cache(RefCell::new(HashMap::new()))
    }

    pub fn get_or(&self, key: K, compute: impl FnOnce() -> V) -> Rc<V> {
        if let Some(v) = self.0.borrow().get(&key) {
            return v.clone();
        }
        let v = Rc::new(compute());
        self.0.borrow_mut().insert(key, v.clone());
        v
    }
}

impl<K: Eq + Hash, V> Default for Cache<K, V> {
    fn default() -> Self {
        Cache::new()
    }
}

/// Every symbol's rotation history against one benchmark.
pub struct RotationSet {
    pub rotations: Vec<SymbolRotation>,
    pub warnings: Vec<Warning>,
    /// Table indices the date slider steps through.
    pub timeline: Vec<usize>,
}

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
pub struct PerfLines {
    pub from: usize,
    pub to: usize,
    pub lines: Vec<(LineKey, crate::analysis::lines::Line)>,
    pub warnings: Vec<Warning>,
}

/// Ranked period returns and their warnings, or why there are none.
pub type Ranked = Result<(Vec<PeriodReturn>, Vec<Warning>), AnalysisError>;

/// Loaded prices and everything derived from them, per widget.
pub struct Data {
    pub table: Rc<PriceTable>,
    /// The as-of day's table index.
    pub to: usize,
    /// Configured symbols and the configured benchmark, in configured order: the set the
    /// views show, whatever the current benchmark.
    pub members: Vec<usize>,
    pub colours: ColourOrder,
    pub baskets: Vec<Basket>,
    pub window: usize,
    rotation_cache: Cache<(usize, Interval, RotationMethod), Result<RotationSet, AnalysisError>>,
    lines_cache: Cache<(usize, Period, PerfMode), PerfLines>,
    returns_cache: Cache<(usize, Period), Ranked>,
    trend_cache: Cache<(usize, Period), Option<(TrendLines, usize)>>,
}

impl Data {
    pub fn new(table: Rc<PriceTable>, config: &WidgetConfig, to: usize) -> Result<(Data, usize), AnalysisError> {
        let selection = Selection::resolve(&table, config.benchmark.as_deref(), config.symbols.as_deref())?;
        let mut members = selection.symbols.clone();
        members.push(selection.benchmark);
        let colours = ColourOrder::new(&members, table.series.len());
        let baskets = config
            .baskets
            .iter()
            .map(|(name, m)| Basket::resolve(&table, name, m))
            .collect::<Result<Vec<_>, _>>()?;
        let data = Data {
            table,
            to,
            members,
            colours,
            baskets,
            window: config.rotation.window,
            rotation_cache: Cache::new(),
            lines_cache: Cache::new(),
            returns_cache: Cache::new(),
            trend_cache: Cache::new(),
        };
        Ok((data, selection.benchmark))
    }

    /// The symbols compared with `benchmark`: every member but the benchmark itself.
    pub fn selection(&self, benchmark: usize) -> Selection {
        Selection { benchmark, symbols: self.members.iter().copied().filter(|&p| p != benchmark).collect() }
    }

    pub fn symbol(&self, position: usize) -> &str {
        &self.table.series[position].symbol
    }

    pub fn name(&self, position: usize) -> Option<&str> {
        self.table.series[position].name.as_deref()
    }

    /// Whether any shown symbol has a name (tables drop the Name column otherwise).
    pub fn has_names(&self) -> bool {
        self.members.iter().any(|&p| self.name(p).is_some())
    }

    pub fn colour(&self, palette: &Palette, position: usize) -> Rgb {
        palette.series_colour(self.colours.slot(position))
    }

    pub fn marker(&self, position: usize) -> Marker {
        Marker::for_slot(self.colours.slot(position), SERIES_COLOURS)
    }

    pub fn rotation_set(&self, benchmark: usize, interval: Interval, method: RotationMethod) -> Rc<Result<RotationSet, AnalysisError>> {
        self.rotation_cache.get_or((benchmark, interval, method), || {
            let params = RotationParams { interval, window: self.window, tail: 1, method };
            rotations(&self.table, &self.selection(benchmark), self.to, params)
                .map(|(rotations, warnings)| RotationSet { timeline: timeline(&rotations), rotations, warnings })
        })
    }

    pub fn period_lines(&self, benchmark: usize, period: Period, mode: PerfMode) -> Rc<PerfLines> {
        self.lines_cache.get_or((benchmark, period, mode), || {
            let sel = self.selection(benchmark);
            let symbol_lines = |p: PeriodLines| PerfLines {
                from: p.from,
                to: p.to,
                lines: p.lines.into_iter().map(|(pos, l)| (LineKey::Symbol(pos), l)).collect(),
                warnings: p.warnings,
            };
            match mode {
                PerfMode::PercentChange => symbol_lines(period_lines(&self.table, &sel, period, self.to, LineMode::PercentChange)),
                PerfMode::Ratio => symbol_lines(period_lines(&self.table, &sel, period, self.to, LineMode::RatioToBenchmark)),
                PerfMode::BasketSpread => {
                    // The same range as the other modes, then the two baskets and their spread.
                    let base = period_lines(&self.table, &sel, period, self.to, LineMode::PercentChange);
                    let mut warnings = base.warnings;
                    let (a, b) = (&self.baskets[0], &self.baskets[1]);
                    let lines = basket_spread_lines(&self.table, (&a.name, &a.members), (&b.name, &b.members), base.from, base.to, &mut warnings)
                        .map(|(la, lb, spread)| vec![(LineKey::Basket(0), la), (LineKey::Basket(1), lb), (LineKey::Spread, spread)])
                        .unwrap_or_default();
                    PerfLines { from: base.from, to: base.to, lines, warnings }
                }
            }
        })
    }

    pub fn returns(&self, benchmark: usize, period: Period) -> Rc<Ranked> {
        self.returns_cache.get_or((benchmark, period), || ranked_returns(&self.table, &self.selection(benchmark), period, self.to))
    }

    /// The period's returns of the shown symbols (not the benchmark), for summaries.
    pub fn performers(&self, benchmark: usize, period: Period) -> (Vec<crate::chart::describe::Performer>, Option<f64>) {
        let returns = self.returns(benchmark, period);
        let Ok((rows, _)) = returns.as_ref() else { return (Vec::new(), None) };
        let bench = self.symbol(benchmark);
        let performers = rows
            .iter()
            .filter(|r| r.symbol != bench)
            .map(|r| crate::chart::describe::Performer { symbol: r.symbol.clone(), return_pct: r.return_pct })
            .collect();
        (performers, rows.iter().find(|r| r.symbol == bench).map(|r| r.return_pct))
    }

    /// The first configured basket minus the second over `period`, when both have returns.
    pub fn spread_fact(&self, period: Period) -> Option<crate::chart::describe::SpreadFact> {
        let [a, b, ..] = self.baskets.as_slice() else { return None };
        let mut warnings = Vec::new();
        let ra = crate::analysis::returns::basket_return(&self.table, a, period, self.to, &mut warnings)?;
        let rb = crate::analysis::returns::basket_return(&self.table, b, period, self.to, &mut warnings)?;
        Some(crate::chart::describe::SpreadFact { long: a.name.clone(), short: b.name.clone(), spread_pp: ra.return_pct - rb.return_pct })
    }

    /// Trend lines of `position` over `period` and the first index shown.
    pub fn trend(&self, position: usize, period: Period) -> Rc<Option<(TrendLines, usize)>> {
        self.trend_cache.get_or((position, period), || {
            let start = period.start(self.table.dates[self.to]);
            let from = self.table.index_on_or_before(start).unwrap_or(0);
            trend_lines(&self.table, position, from, self.to).map(|l| (l, from))
        })
    }
}

/// The reader's settings, as signals (cheap `Copy` handles shared by every view).
#[derive(Clone, Copy)]
pub struct Controls {
    pub view: RwSignal<View>,
    pub benchmark: RwSignal<usize>,
    pub interval: RwSignal<Interval>,
    pub method: RwSignal<RotationMethod>,
    pub tail: RwSignal<usize>,
    /// The tail slider's end: 52 or the configured tail, whichever is longer.
    pub tail_max: usize,
    /// Whether the rotation graph draws tails (off: heads only) and head labels.
    pub show_tails: RwSignal<bool>,
    pub show_labels: RwSignal<bool>,
    /// The rotation graph's zoom in data units; `None` fits every point, centred on 100.
    pub zoom: RwSignal<Option<crate::chart::rotation::Viewport>>,
    /// Position on the rotation timeline; `None` follows the latest point.
    pub scrub: RwSignal<Option<usize>>,
    pub playing: RwSignal<bool>,
    /// Symbols hidden from the charts (legend toggles).
    pub hidden: RwSignal<Vec<usize>>,
    /// The symbol clicked to stay highlighted.
    pub pinned: RwSignal<Option<usize>>,
    /// The symbol under the pointer (chart, legend or table).
    pub hovered: RwSignal<Option<usize>>,
    pub period: RwSignal<Period>,
    pub mode: RwSignal<PerfMode>,
    pub trend_symbol: RwSignal<usize>,
    /// The live region's text.
    pub announce: RwSignal<String>,
    /// Whether the chart summary is shown to sighted readers (screen readers always get it).
    pub show_summary: RwSignal<bool>,
}

impl Controls {
    pub fn new(config: &WidgetConfig, benchmark: usize, first_symbol: usize) -> Controls {
        Controls {
            view: RwSignal::new(config.view),
            benchmark: RwSignal::new(benchmark),
            interval: RwSignal::new(config.rotation.interval),
            method: RwSignal::new(config.rotation.method),
            tail: RwSignal::new(config.rotation.tail),
            tail_max: config.rotation.tail.max(52),
            show_tails: RwSignal::new(true),
            show_labels: RwSignal::new(true),
            zoom: RwSignal::new(None),
            scrub: RwSignal::new(None),
            playing: RwSignal::new(false),
            hidden: RwSignal::new(Vec::new()),
            pinned: RwSignal::new(None),
            hovered: RwSignal::new(None),
            period: RwSignal::new(config.period),
            mode: RwSignal::new(PerfMode::PercentChange),
            trend_symbol: RwSignal::new(first_symbol),
            announce: RwSignal::new(String::new()),
            show_summary: RwSignal::new(false),
        }
    }

    /// How `position` is drawn given the pinned and hovered symbols (tracked).
    pub fn emphasis(&self, position: usize) -> Emphasis {
        match self.hovered.get().or(self.pinned.get()) {
            Some(p) if p == position => Emphasis::Highlighted,
            Some(_) => Emphasis::Faded,
            None => Emphasis::Normal,
        }
    }

    pub fn is_hidden(&self, position: usize) -> bool {
        self.hidden.with(|h| h.contains(&position))
    }

    pub fn toggle_hidden(&self, position: usize) {
        self.hidden.update(|h| match h.iter().position(|&p| p == position) {
            Some(i) => {
                h.remove(i);
            }
            None => h.push(position),
        });
    }

    /// The table index the rotation view shows (tracked): the scrub position on `timeline`,
    /// or its end.
    pub fn scrub_index(&self, timeline: &[usize]) -> Option<usize> {
        let last = timeline.len().checked_sub(1)?;
        Some(timeline[self.scrub.get().map_or(last, |s| s.min(last))])
    }
}

/// The widget's data, shareable with reactive closures. leptos wants those `Send`; a wasm
/// widget runs on one thread, so `SendWrapper` (which checks that) is all it takes.
pub type SharedData = SendWrapper<Rc<Data>>;

/// The widget's data and controls, for any component below the widget root.
pub fn use_state() -> (SharedData, Controls) {
    (expect_context::<SharedData>(), expect_context::<Controls>())
}
