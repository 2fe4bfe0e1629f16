//! The chart's two layers, and its label: the **scene** (the lines from the period start,
//! pinned emphasis) and the **overlay** (crosshair, focus ring, the hovered symbol's line).

use super::{Chart, Drawn};
use crate::app::chart_canvas::{Paint, PaintBuilder};
use crate::app::WidgetContext;
use crate::browser::canvas::CanvasSize;
use crate::chart::paint::Painter;
use crate::chart::performance::{draw_line_chart, LineChartSpec, LineChartView, PlotLine, ValueKind};
use crate::chart::rotation::Emphasis;
use crate::chart::words::{self, line_style};
use crate::chart::Rgb;
use crate::model::LineKey;
use leptos::prelude::*;
use std::rc::Rc;

/// The lines shown (tracked: benchmark, period, mode, hidden and pinned symbols, theme,
/// size); records what it drew for the overlay, the crosshair and the keyboard.
pub fn scene(g: &Chart, ctx: &WidgetContext) -> PaintBuilder {
    let (g, ctx) = (g.clone(), ctx.clone());
    Rc::new(move |size: CanvasSize| -> Paint {
        let (data, c) = (&g.data, g.c);
        let palette = ctx.palette.get();
        let words = ctx.messages.get_untracked().unwrap_or_default();
        let (benchmark, mode) = (c.benchmark.get(), c.mode.get());
        let lines = data.period_lines(benchmark, c.period.get(), mode);
        let mut source = Vec::new();
        let styled: Vec<(LineKey, String, Rgb, bool, bool, &crate::analysis::lines::Line)> = lines
            .shown(benchmark, |p| c.is_hidden(p))
            .map(|(k, (key, line))| {
                source.push(k);
                let (label, colour, dashed) = line_style(&words, data, &palette, *key, benchmark);
                let faded = matches!(key.symbol(), Some(p) if p != benchmark && c.pinned_emphasis(p) == Emphasis::Faded);
                (*key, label, colour, dashed, faded, line)
            })
            .collect();
        // On the spread chart the baskets are % change lines; only the spread is in pp.
        let plot: Vec<PlotLine> = styled
            .iter()
            .map(|(key, label, colour, dashed, faded, line)| PlotLine {
                label,
                colour: *colour,
                dashed: *dashed,
                faded: *faded,
                line,
                unit: matches!(key, LineKey::Basket(_)).then_some(ValueKind::PercentChange),
            })
            .collect();
        if plot.is_empty() {
            *g.surface.view.borrow_mut() = None;
            return Rc::new(|_| {});
        }
        let view = LineChartView::build(
            &LineChartSpec {
                dates: &data.table.dates,
                from: lines.from,
                to: lines.to,
                lines: &plot,
                kind: ValueKind::of(mode),
                reference: &[],
                width: size.device_width(),
                height: size.device_height(),
                ui: size.dpr,
                gutters: (0.0, 0.0),
                note: c.published.get().map(|d| (d, words.get("label.noteMark"))),
            },
            ctx.format.as_ref(),
        );
        *g.surface.view.borrow_mut() = Some(view.clone());
        *g.drawn.borrow_mut() = Some(Drawn { lines: lines.clone(), source });
        Rc::new(move |pen: &mut dyn Painter| {
            draw_line_chart(pen, &view, &palette);
        })
    })
}

/// The crosshair and ring, and the hovered symbol's line on screen (hover and keyboard never
/// rebuild the scene).
pub fn overlay(g: &Chart, ctx: &WidgetContext) -> PaintBuilder {
    let g2 = g.clone();
    g.surface.overlay(ctx.palette, move || {
        let hovered = g2.c.hovered.get()?;
        let drawn = g2.drawn.borrow();
        let d = drawn.as_ref()?;
        d.source.iter().position(|&k| d.lines.lines.get(k).and_then(|(key, _)| key.symbol()) == Some(hovered))
    })
}

/// The chart's accessible name (tracked).
pub fn label(g: &Chart) -> Signal<String> {
    let (data, c, m, format) = (g.data.clone(), g.c, crate::app::messages(), crate::app::widget_context().format);
    Signal::derive(move || words::performance_chart_label(&m, c.mode.get(), data.symbol(c.benchmark.get()), &c.period.get(), format.as_ref()))
}
