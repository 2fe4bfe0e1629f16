//! The rotation view: the relative rotation graph with its controls, summary, data table,
//! date slider, legend and ranking. How the pieces fit:
//!
//! - [`Graph`] is what they share: the tails on screen (a memo, computed once per change of
//!   benchmark, interval, method, tail length, date or hidden symbols), the laid-out graph the
//!   scene last drew (for hit-tests and keys, never recomputed), and the ring, tooltip, focus
//!   and zoom rectangle signals;
//! - [`canvas`] builds the two layers and the pointer handler: the **scene** (quadrants, tails,
//!   dots, labels; pinned emphasis) is rebuilt only when the memo, the zoom, the toggles, the
//!   pinned symbol, the theme or the size change; the **overlay** (the hovered or focused
//!   symbol highlighted over a wash, the ring, the zoom rectangle) is all that hover and
//!   keyboard focus repaint;
//! - [`keys`]: keyboard navigation inside the chart;
//! - [`words`]: the summary, the data table and the export names, from the same memo;
//! - [`controls`]: method, tail length, toggles and the date slider with play/pause;
//! - [`ranking`]: the ranking table at the date shown.

mod canvas;
mod controls;
mod keys;
mod ranking;
mod words;

use super::a11y::{unique_id, ChartExtras, ChartTable};
use super::chart_canvas::ChartCanvas;
use super::controls::{Legend, Tooltip, TooltipData, ViewError};
use super::state::{use_state, Controls, SharedData};
use super::widget_context;
use crate::analysis::rotation::RotationPoint;
use crate::analysis::rotation_metrics::{metrics_at, metrics_from, PointMetrics};
use crate::chart::describe::{point_lines, rotation_note_sentence, NoteTail};
use crate::chart::performance::NoteDay;
use crate::chart::format::Format;
use crate::chart::rotation::RrgView;
use crate::model::Model;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// One tail on screen: the symbol's table position, where the tail starts in its history, and
/// its points up to the date shown.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownTail {
    pub position: usize,
    /// Index in the symbol's rotation history of the first point shown.
    pub start: usize,
    pub points: Vec<RotationPoint>,
}

/// The tails on screen: every shown symbol that has points by the date shown, in the model's
/// order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VisibleTails(pub Vec<ShownTail>);

/// What the scene last drew: the laid-out graph and the tails it was laid out from (shared,
/// not copied), for hit-testing, rings and tooltips without recomputing anything.
struct Shown {
    view: Rc<RrgView>,
    tails: Arc<VisibleTails>,
}

impl Shown {
    fn position(&self, t: usize) -> usize {
        self.tails.0[t].position
    }

    fn point(&self, t: usize, k: usize) -> &RotationPoint {
        &self.tails.0[t].points[k]
    }

    /// The index of `position`'s tail on screen.
    fn tail_of(&self, position: usize) -> Option<usize> {
        self.tails.0.iter().position(|tail| tail.position == position)
    }
}

/// Two opposite corners of the zoom rectangle being dragged, in device pixels.
type DragRect = ((f64, f64), (f64, f64));

/// What the rotation view's pieces share (cheap to clone).
#[derive(Clone)]
struct Graph {
    data: SharedData,
    c: Controls,
    tails: Memo<Arc<VisibleTails>>,
    shown: Rc<RefCell<Option<Shown>>>,
    /// The point with the ring (hover or keyboard): (table position, index in its tail).
    ring: RwSignal<Option<(usize, usize)>>,
    tooltip: RwSignal<Option<TooltipData>>,
    /// Keyboard focus: (tail on screen, index in it).
    focus: RwSignal<Option<(usize, usize)>>,
    drag_rect: RwSignal<Option<DragRect>>,
    /// The widget's words, for what pointer and key handlers show (they run outside its context).
    words: crate::chart::messages::Messages,
}

impl Graph {
    fn new(data: SharedData, c: Controls) -> Graph {
        let tails = {
            let data = data.clone();
            Memo::new(move |_| Arc::new(visible_tails(&data, c)))
        };
        Graph {
            data,
            c,
            tails,
            shown: Rc::new(RefCell::new(None)),
            ring: RwSignal::new(None),
            tooltip: RwSignal::new(None),
            focus: RwSignal::new(None),
            drag_rect: RwSignal::new(None),
            words: super::messages(),
        }
    }

    /// The metrics of point `k` of `tail` (computed when asked: a tooltip, a key press).
    fn point_metrics(&self, tail: &ShownTail, k: usize) -> Option<PointMetrics> {
        point_metrics(&self.data, self.c, tail, k)
    }

    /// The metrics of every point of `tail`, in order (for the data table and CSV).
    fn tail_metrics(&self, tail: &ShownTail) -> Vec<PointMetrics> {
        let end = tail.start + tail.points.len();
        with_history(&self.data, self.c, tail.position, |h| metrics_from(h.get(..end).unwrap_or_default(), tail.start, self.c.tail.get_untracked())).unwrap_or_default()
    }

    /// Shows the ring and tooltip on point `k` of tail `t` (CSS pixel position `at`), and
    /// highlights its symbol (on the overlay only).
    fn point_at(&self, s: &Shown, t: usize, k: usize, at: (f64, f64), format: &dyn Format) {
        let (pos, p) = (s.position(t), s.point(t, k));
        self.ring.set(Some((pos, k)));
        self.c.hovered.set(Some(pos));
        let symbol = self.data.symbol(pos);
        let title = crate::chart::words::symbol_with_name(&self.words, symbol, self.data.name(pos));
        let mut lines = match self.point_metrics(&s.tails.0[t], k) {
            Some(m) => point_lines(&crate::app::messages(), p, &m, self.c.interval.get_untracked(), format),
            None => Vec::new(),
        };
        let published = self.c.published.get_untracked().filter(|_| s.view.tails[t].note_point == Some(k));
        if let (Some(first), Some(day)) = (lines.first_mut(), published) {
            *first = crate::chart::words::day_read(&self.words, std::mem::take(first), Some(NoteDay::of(p.date, day)));
        }
        let (w, h) = (s.view.width / s.view.ui, s.view.height / s.view.ui);
        self.tooltip.set(Some(TooltipData::beside(at.0, at.1, w, h, title, lines)));
    }

    /// No ring, no tooltip, no highlight.
    fn clear_point(&self) {
        self.ring.set(None);
        self.c.hovered.set(None);
        self.tooltip.set(None);
    }
}

/// The rotation history of `position` against the current benchmark (untracked), for the
/// metrics of the points on screen: a point's heading and velocity reach back before its tail.
fn with_history<R>(data: &Model, c: Controls, position: usize, f: impl FnOnce(&[RotationPoint]) -> R) -> Option<R> {
    let set = data.rotation_set(c.benchmark.get_untracked(), c.interval.get_untracked(), c.method.get_untracked());
    Some(f(set.as_ref().as_ref().ok()?.history(position)?))
}

/// The summary's and table caption's sentences on the note for `tails` (on screen), each read
/// with its whole history.
fn note_sentence(data: &Model, c: Controls, tails: &VisibleTails, words: &crate::chart::messages::Messages, published: Option<crate::analysis::Date>, format: &dyn Format) -> String {
    let set = data.rotation_set(c.benchmark.get_untracked(), c.interval.get_untracked(), c.method.get_untracked());
    let Ok(set) = set.as_ref() else { return String::new() };
    let tails: Vec<NoteTail> = tails
        .0
        .iter()
        .filter_map(|tail| Some(NoteTail { symbol: data.symbol(tail.position).to_owned(), history: set.history(tail.position)?, start: tail.start, len: tail.points.len() }))
        .collect();
    rotation_note_sentence(words, published, &tails, format)
}

/// The metrics of point `k` of `tail`.
fn point_metrics(data: &Model, c: Controls, tail: &ShownTail, k: usize) -> Option<PointMetrics> {
    with_history(data, c, tail.position, |h| metrics_at(h, tail.start + k, c.tail.get_untracked())).flatten()
}

/// The points of `rotation` up to table index `at`, the last `tail` of them, and the index of
/// the first.
fn visible_tail(points: &[RotationPoint], at: usize, tail: usize) -> (usize, Vec<RotationPoint>) {
    let end = points.partition_point(|p| p.index <= at);
    let start = end.saturating_sub(tail);
    (start, points[start..end].to_vec())
}

/// The tails on screen (tracked: benchmark, interval, method, tail, scrub, hidden). Read it
/// through [`Graph::tails`], which computes it once per change.
fn visible_tails(data: &Model, c: Controls) -> VisibleTails {
    let set = data.rotation_set(c.benchmark.get(), c.interval.get(), c.method.get());
    let Ok(set) = set.as_ref() else { return VisibleTails::default() };
    let at = c.scrub_index(&set.timeline).unwrap_or(data.to);
    let tail = c.tail.get();
    VisibleTails(
        set.rotations
            .iter()
            .filter(|r| !c.is_hidden(r.position))
            .map(|r| {
                let (start, points) = visible_tail(&r.points, at, tail);
                ShownTail { position: r.position, start, points }
            })
            .filter(|t| !t.points.is_empty())
            .collect(),
    )
}

#[component]
pub fn RotationView() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let graph = Graph::new(data.clone(), c);
    let scene_ref = NodeRef::<leptos::html::Canvas>::new();
    let summary_id = unique_id("rs-summary");
    let table_open = RwSignal::new(false);
    let exports = words::exports(&graph, &ctx, scene_ref);
    let table_rows = exports.table.clone();
    let error = {
        let data = data.clone();
        move || match data.rotation_set(c.benchmark.get(), c.interval.get(), c.method.get()).as_ref() {
            Err(e) => Some(view! { <ViewError message=super::messages().said(e) /> }),
            Ok(_) => None,
        }
    };

    view! {
        <controls::Toolbar />
        <controls::MethodNote />
        {error}
        <ChartExtras summary=words::summary(&graph, &ctx) summary_id=summary_id.clone() exports=exports table_open=table_open />
        <ChartCanvas height=ctx.height label=canvas::label(&graph) scene=canvas::scene(&graph, &ctx) overlay=canvas::overlay(&graph, &ctx)
            on_pointer=canvas::pointer(&graph, &ctx) keyboard=keys::keyboard(&graph, &ctx, summary_id) scene_ref=scene_ref>
            <Tooltip data=graph.tooltip />
        </ChartCanvas>
        <ChartTable open=table_open table=table_rows />
        <controls::ScrubBar />
        <Legend />
        <ranking::RankingTable />
    }
}
