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
use crate::analysis::rotation::{Interval, RotationPoint};
use crate::chart::format::Format;
use crate::chart::rotation::RrgView;
use crate::model::Model;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// The tails on screen: (table position, points up to the date shown) of every shown symbol
/// that has points by then, in the model's order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VisibleTails(pub Vec<(usize, Vec<RotationPoint>)>);

/// What the scene last drew: the laid-out graph and the tails it was laid out from (shared,
/// not copied), for hit-testing, rings and tooltips without recomputing anything.
struct Shown {
    view: Rc<RrgView>,
    tails: Arc<VisibleTails>,
}

impl Shown {
    fn position(&self, t: usize) -> usize {
        self.tails.0[t].0
    }

    fn point(&self, t: usize, k: usize) -> &RotationPoint {
        &self.tails.0[t].1[k]
    }

    /// The index of `position`'s tail on screen.
    fn tail_of(&self, position: usize) -> Option<usize> {
        self.tails.0.iter().position(|(p, _)| *p == position)
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
        }
    }

    /// Shows the ring and tooltip on point `k` of tail `t` (CSS pixel position `at`), and
    /// highlights its symbol (on the overlay only).
    fn point_at(&self, s: &Shown, t: usize, k: usize, at: (f64, f64), format: &dyn Format) {
        let (pos, p) = (s.position(t), s.point(t, k));
        self.ring.set(Some((pos, k)));
        self.c.hovered.set(Some(pos));
        let symbol = self.data.symbol(pos);
        let title = self.data.name(pos).map_or_else(|| symbol.to_owned(), |n| format!("{symbol} · {n}"));
        let lines = vec![
            format!("{}{}", format.date(p.date), if p.partial { " (week in progress)" } else { "" }),
            format!("RS-Ratio {}", format.number(p.rs_ratio, 2)),
            format!("RS-Momentum {}", format.number(p.rs_momentum, 2)),
            p.quadrant.name().to_owned(),
        ];
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

/// The points of `rotation` up to table index `at`, the last `tail` of them.
fn visible_tail(points: &[RotationPoint], at: usize, tail: usize) -> Vec<RotationPoint> {
    let end = points.partition_point(|p| p.index <= at);
    points[end.saturating_sub(tail)..end].to_vec()
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
            .map(|r| (r.position, visible_tail(&r.points, at, tail)))
            .filter(|(_, pts)| !pts.is_empty())
            .collect(),
    )
}

/// The unit of the tail and the streak in words.
fn unit(interval: Interval, n: usize) -> &'static str {
    match (interval, n) {
        (Interval::Weekly, 1) => "week",
        (Interval::Weekly, _) => "weeks",
        (Interval::Daily, 1) => "day",
        (Interval::Daily, _) => "days",
    }
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
            Err(e) => Some(view! { <ViewError message=e.to_string() /> }),
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
