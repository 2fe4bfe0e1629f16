//! The state one widget's views share: the [`Model`] (loaded data with results cached per
//! input: compute once, draw many) and the reader's control settings as signals.

use crate::analysis::period::Period;
use crate::analysis::rotation::{Interval, RotationMethod};
use crate::chart::rotation::Emphasis;
use crate::config::{View, WidgetConfig};
use crate::model::{Model, PerfMode};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::rc::Rc;

pub use crate::chart::looks::Looks;

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
    /// The research note's publication day, once the note has loaded (the charts mark it).
    pub published: RwSignal<Option<crate::analysis::Date>>,
    /// Quadrant changes refreshes brought that the reader has not seen yet.
    pub fresh: RwSignal<Vec<crate::model::RotationAlert>>,
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
            published: RwSignal::new(None),
            fresh: RwSignal::new(Vec::new()),
        }
    }

    /// The reader's settings carried into `next`, the controls of a table with other symbols
    /// (a refreshed file that gained or lost one): the same view, period, method, tail and
    /// zoom, and the benchmark, highlight, hidden and trend symbols by name where `now` has
    /// them.
    pub fn carry_into(&self, before: &Model, now: &Model, next: Controls) {
        let same = |p: usize| now.table.position(before.symbol(p));
        next.view.set(self.view.get_untracked());
        next.interval.set(self.interval.get_untracked());
        next.method.set(self.method.get_untracked());
        next.tail.set(self.tail.get_untracked());
        next.show_tails.set(self.show_tails.get_untracked());
        next.show_labels.set(self.show_labels.get_untracked());
        next.zoom.set(self.zoom.get_untracked());
        next.period.set(self.period.get_untracked());
        next.mode.set(self.mode.get_untracked());
        next.show_summary.set(self.show_summary.get_untracked());
        next.published.set(self.published.get_untracked());
        if let Some(b) = same(self.benchmark.get_untracked()) {
            next.benchmark.set(b);
        }
        if let Some(t) = same(self.trend_symbol.get_untracked()) {
            next.trend_symbol.set(t);
        }
        next.pinned.set(self.pinned.get_untracked().and_then(same));
        next.hidden.set(self.hidden.get_untracked().into_iter().filter_map(same).collect());
    }

    /// How `position` is drawn given the pinned and hovered symbols (tracked: reading it
    /// from a scene rebuilds the scene on hover; the rotation scene reads
    /// [`Controls::pinned_emphasis`] instead).
    pub fn emphasis(&self, position: usize) -> Emphasis {
        match self.hovered.get().or(self.pinned.get()) {
            Some(p) if p == position => Emphasis::Highlighted,
            Some(_) => Emphasis::Faded,
            None => Emphasis::Normal,
        }
    }

    /// Unpins the highlighted symbol, if one is (Escape in a chart); nothing to announce
    /// otherwise.
    pub fn clear_highlight(&self) {
        if self.pinned.get_untracked().is_some() {
            self.pinned.set(None);
        }
    }

    /// How `position` is drawn given the pinned symbol alone (tracked; a click, not a hover).
    pub fn pinned_emphasis(&self, position: usize) -> Emphasis {
        match self.pinned.get() {
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

/// The widget's model, shareable with reactive closures. leptos wants those `Send`; a wasm
/// widget runs on one thread, so `SendWrapper` (which checks that) is all it takes.
pub type SharedData = SendWrapper<Rc<Model>>;

/// The widget's data and controls, for any component below the widget root.
pub fn use_state() -> (SharedData, Controls) {
    (expect_context::<SharedData>(), expect_context::<Controls>())
}
