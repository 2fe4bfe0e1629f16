//! The price chart's scene (close, averages, prior high) and its label; its overlay is the
//! plain line chart's crosshair and ring ([`LineSurface::overlay`](crate::app::line_surface::LineSurface::overlay)).

use super::{layout, Chart};
use crate::app::chart_canvas::{Paint, PaintBuilder};
use crate::app::WidgetContext;
use crate::browser::canvas::CanvasSize;
use crate::chart::paint::Painter;
use crate::chart::performance::draw_line_chart;
use crate::chart::words;
use leptos::prelude::*;
use std::rc::Rc;

/// The price chart (tracked: symbol, period, benchmark, interval, method, theme, size).
pub fn scene(g: &Chart, ctx: &WidgetContext) -> PaintBuilder {
    let (g, ctx) = (g.clone(), ctx.clone());
    Rc::new(move |size: CanvasSize| -> Paint {
        let palette = ctx.palette.get();
        let Some((view, _)) = layout(&ctx.messages.get_untracked().unwrap_or_default(), &g.data, g.c, size, g.panel_height, &palette, ctx.format.as_ref()) else {
            *g.surface.view.borrow_mut() = None;
            return Rc::new(|_| {});
        };
        *g.surface.view.borrow_mut() = Some(view.clone());
        Rc::new(move |pen: &mut dyn Painter| {
            draw_line_chart(pen, &view, &palette);
        })
    })
}

/// The chart's accessible name (tracked).
pub fn label(g: &Chart) -> Signal<String> {
    let (data, c, m) = (g.data.clone(), g.c, crate::app::messages());
    Signal::derive(move || words::trend_chart_label(&m, data.symbol(c.trend_symbol.get())))
}
