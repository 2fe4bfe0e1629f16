//! The performance view: ranked period returns with excess over the benchmark, and a line
//! chart from the period start (% change, ratio to the benchmark, or the spread of two baskets)
//! with a crosshair that reads every line at the hovered date. How the pieces fit:
//!
//! - [`Chart`] is what they share: the lines the scene last drew (for the crosshair, the
//!   keyboard and the hovered line, never recomputed) and the [`LineSurface`] (crosshair,
//!   focus, tooltip) every line chart has;
//! - [`canvas`]: the scene, the overlay, the pointer and the chart's label;
//! - [`keys`]: what a date reads (tooltip) and the keyboard walk along the lines;
//! - [`words`]: the summary, the data table and the export names;
//! - [`controls`]: the mode buttons' options (the period control is shared:
//!   [`PeriodControl`]);
//! - [`returns`]: the returns table.

mod canvas;
mod controls;
mod keys;
mod returns;
mod words;

use super::a11y::{unique_id, ChartExtras, ChartTable};
use super::chart_canvas::ChartCanvas;
use super::controls::{BenchmarkSelect, Legend, PeriodControl, Segmented, Tooltip};
use super::line_surface::LineSurface;
use super::state::{use_state, Controls, SharedData};
use super::widget_context;
use crate::model::{PerfLines, PerfMode};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// What the chart on screen was drawn from: the lines, and for each drawn line its index in
/// them (the crosshair and the keyboard read values through it).
struct Drawn {
    lines: Rc<PerfLines>,
    source: Vec<usize>,
}

/// What the performance view's pieces share (cheap to clone).
#[derive(Clone)]
struct Chart {
    data: SharedData,
    c: Controls,
    surface: LineSurface,
    drawn: Rc<RefCell<Option<Drawn>>>,
}

impl Chart {
    /// The value of drawn line `k` at table index `i`.
    fn value_of(&self, k: usize, i: usize) -> Option<f64> {
        self.drawn.borrow().as_ref().and_then(|d| d.lines.lines.get(*d.source.get(k)?)?.1.at(i))
    }

    /// The symbol drawn line `k` belongs to (none for a basket or the spread).
    fn symbol_of(&self, k: usize) -> Option<usize> {
        self.drawn.borrow().as_ref().and_then(|d| d.lines.lines.get(*d.source.get(k)?)?.0.symbol())
    }
}

#[component]
pub fn PerformanceView() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let chart = Chart { data, c, surface: LineSurface::new(), drawn: Rc::new(RefCell::new(None)) };
    let scene_ref = NodeRef::<leptos::html::Canvas>::new();
    let summary_id = unique_id("rs-summary");
    let table_open = RwSignal::new(false);
    let exports = words::exports(&chart, &ctx, scene_ref);
    let table_rows = exports.table.clone();
    let read = keys::read(&chart, &ctx);
    let modes = controls::modes(&chart.data);

    view! {
        <div class="rs-toolbar">
            <BenchmarkSelect />
            <PeriodControl />
            <Segmented label=crate::app::messages().get("control.mode") value=c.mode options=modes testid="mode" />
        </div>
        <ChartExtras summary=words::summary(&chart, &ctx) summary_id=summary_id.clone() exports=exports table_open=table_open />
        <ChartCanvas height=ctx.height label=canvas::label(&chart) scene=canvas::scene(&chart, &ctx) overlay=canvas::overlay(&chart, &ctx)
            on_pointer=chart.surface.pointer(read.clone()) keyboard=keys::keyboard(&chart, &ctx, read, summary_id) scene_ref=scene_ref>
            <Tooltip data=chart.surface.tooltip />
        </ChartCanvas>
        <ChartTable open=table_open table=table_rows />
        {move || (c.mode.get() != PerfMode::BasketSpread).then(|| view! { <Legend /> })}
        {returns::returns_table(&chart, &ctx)}
    }
}
