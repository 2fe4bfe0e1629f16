//! The relative-performance view: % change of each symbol from the period start, benchmark
//! dashed.

use super::chart_canvas::{ChartCanvas, Painter};
use super::widget_context;
use crate::analysis::period::Period;
use crate::analysis::relative::{period_lines, LineMode};
use crate::analysis::{PriceTable, Selection};
use crate::chart::theme::ColourOrder;
use crate::chart::performance::{draw_line_chart, LineChartSpec, LineChartView, PlotLine, ValueKind};
use leptos::prelude::*;
use std::rc::Rc;

#[component]
pub fn PerformanceView(table: Rc<PriceTable>, selection: Selection, colours: Rc<ColourOrder>, period: Period, to: usize) -> impl IntoView {
    let ctx = widget_context();
    let height = ctx.height;
    // Computed once per data/selection; resizes and repaints reuse it.
    let lines = Rc::new(period_lines(&table, &selection, period, to, LineMode::PercentChange));
    let label = format!(
        "Line chart: % change of {} symbols against {} for {period}, {} to {}",
        selection.symbols.len(),
        table.series[selection.benchmark].symbol,
        table.dates[lines.from],
        table.dates[lines.to]
    );
    let scene = {
        let (table, lines, selection) = (table.clone(), lines.clone(), selection.clone());
        Rc::new(move |size: crate::browser::canvas::CanvasSize| -> Painter {
            let palette = ctx.palette.get();
            let plot_lines: Vec<PlotLine> = lines
                .lines
                .iter()
                .map(|(pos, line)| PlotLine {
                    label: &table.series[*pos].symbol,
                    colour: if *pos == selection.benchmark { palette.text } else { palette.series_colour(colours.slot(*pos)) },
                    dashed: *pos == selection.benchmark,
                    faded: false,
                    line,
                })
                .collect();
            let spec = LineChartSpec {
                dates: &table.dates,
                from: lines.from,
                to: lines.to,
                lines: &plot_lines,
                kind: ValueKind::PercentChange,
                width: size.device_width(),
                height: size.device_height(),
                ui: size.dpr,
            };
            let view = LineChartView::build(&spec, ctx.format.as_ref());
            Rc::new(move |area| {
                let _ = draw_line_chart(area, &view, &palette);
            })
        })
    };
    view! {
        <ChartCanvas height=height label=Signal::derive(move || label.clone()) scene=scene />
    }
}
