//! The trend view: one symbol's price with its 50- and 200-day moving averages and a dashed
//! line at the prior high, labelled with its value, date and the distance from it; under it,
//! the symbol's RS-Ratio and RS-Momentum against the benchmark. How the pieces fit:
//!
//! - [`Chart`] is what they share: the [`LineSurface`] of the price chart (crosshair, focus,
//!   tooltip; the panel follows the same crosshair) and [`layout`], which lays both charts
//!   out on one x axis;
//! - [`canvas`]: the price chart's scene, overlay and label;
//! - [`keys`]: what a date reads (tooltip) and the keyboard walk along the price lines;
//! - [`panel`]: the RS panel, its canvas, pointer and keyboard;
//! - [`words`]: the figures above the chart, the summary, the data table and the export names;
//! - [`controls`]: the symbol (the period control is shared: [`PeriodControl`]).

mod canvas;
mod controls;
mod keys;
mod panel;
mod words;

use super::a11y::{unique_id, ChartExtras, ChartTable};
use super::chart_canvas::ChartCanvas;
use super::controls::{PeriodControl, Tooltip};
use super::line_surface::LineSurface;
use super::state::{use_state, Controls, SharedData};
use super::widget_context;
use crate::browser::canvas::CanvasSize;
use crate::chart::format::Format;
use crate::chart::trend_chart::TrendSpec;
use crate::chart::performance::LineChartView;
use crate::chart::rs_lines::{NoPanel, RsLinesView};
use crate::chart::Palette;
use leptos::prelude::*;

/// What the trend view's pieces share (cheap to clone).
#[derive(Clone)]
struct Chart {
    data: SharedData,
    c: Controls,
    surface: LineSurface,
    /// The RS panel's height in CSS px: a third of the price chart's.
    panel_height: f64,
}

/// The price chart laid out for a canvas of `size`, and the RS panel under it (`panel_height`
/// CSS px tall, as wide) or why there is none. The price chart reserves the panel's label room
/// and the panel takes the price chart's x axis, so their dates line up; both canvases' scenes
/// call this for the same width.
fn layout(m: &crate::chart::messages::Messages, data: &SharedData, c: Controls, size: CanvasSize, panel_height: f64, palette: &Palette, format: &dyn Format) -> Option<(LineChartView, Result<RsLinesView, NoPanel>)> {
    let spec = TrendSpec {
        symbol: c.trend_symbol.get(),
        period: c.period.get(),
        benchmark: c.benchmark.get(),
        interval: c.interval.get(),
        method: c.method.get(),
        width: size.device_width(),
        height: size.device_height(),
        panel_height: (panel_height * size.dpr).round(),
        ui: size.dpr,
        published: c.published.get(),
    };
    crate::chart::trend_chart::layout(m, data, &spec, palette, format)
}

#[component]
pub fn TrendView() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let chart = Chart { data, c, surface: LineSurface::new(), panel_height: (ctx.height / 3.0).round() };
    let scene_ref = NodeRef::<leptos::html::Canvas>::new();
    let rs_scene_ref = NodeRef::<leptos::html::Canvas>::new();
    let summary_id = unique_id("rs-summary");
    let table_open = RwSignal::new(false);
    let exports = words::exports(&chart, &ctx, scene_ref, rs_scene_ref);
    let table_rows = exports.table.clone();
    let read = keys::read(&chart, &ctx);

    view! {
        <div class="rs-toolbar">
            {controls::symbol_select(&chart)}
            <PeriodControl />
        </div>
        {words::figures(&chart, &ctx)}
        <ChartExtras summary=words::summary(&chart, &ctx) summary_id=summary_id.clone() exports=exports table_open=table_open />
        <ChartCanvas height=ctx.height label=canvas::label(&chart) scene=canvas::scene(&chart, &ctx) overlay=chart.surface.overlay(ctx.palette, || None)
            on_pointer=chart.surface.pointer(read.clone()) keyboard=keys::keyboard(&chart, &ctx, read, summary_id.clone()) scene_ref=scene_ref>
            <Tooltip data=chart.surface.tooltip />
        </ChartCanvas>
        {panel::panel(&chart, &ctx, rs_scene_ref, summary_id)}
        <ChartTable open=table_open table=table_rows />
    }
}
