//! The RS panel under the price chart: the symbol's RS-Ratio and RS-Momentum against the
//! benchmark on its own canvas, laid out on the price chart's x axis (the same [`layout`], for
//! the same width) and sharing its crosshair. Its keyboard is the same walker as the price
//! chart's ([`line_keyboard`]): Up/Down between the two lines, Left/Right from point to point.

use super::{layout, Chart};
use crate::app::a11y::{line_keyboard, LineNav};
use crate::app::chart_canvas::{ChartCanvas, ChartKeyboard, Paint, PaintBuilder, PointerAction, PointerHandler};
use crate::app::controls::{Tooltip, TooltipData};
use crate::app::state::{Controls, SharedData};
use crate::app::WidgetContext;
use crate::browser::canvas::CanvasSize;
use crate::chart::messages::Messages;
use crate::chart::paint::Painter;
use crate::chart::rs_lines::{self, draw_rs_lines, draw_rs_overlay, history_of, in_period, NoPanel, RsLinesView};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// The quadrant key's swatches, in [`Quadrant::ALL`] order (fills and text from the theme).
const KEY_CLASSES: [&str; 4] = ["rs-key-leading", "rs-key-weakening", "rs-key-lagging", "rs-key-improving"];

/// The panel's one line (tracked): whether it draws, and what it shows or why it shows nothing.
fn panel_line(m: &Messages, data: &SharedData, c: Controls) -> (bool, String) {
    let (symbol, benchmark) = (c.trend_symbol.get(), c.benchmark.get());
    let (interval, method) = (c.interval.get(), c.method.get());
    let set = data.rotation_set(benchmark, interval, method);
    let shown = history_of(&set, symbol, benchmark).and_then(|h| {
        let trend = data.trend(symbol, c.period.get());
        let from = trend.as_ref().as_ref().map_or(data.to, |(_, from)| *from);
        if in_period(h, from, data.to).1.is_empty() { Err(NoPanel::NoneInPeriod) } else { Ok(()) }
    });
    let (name, bench) = (data.symbol(symbol), data.symbol(benchmark));
    match shown {
        Ok(()) => (true, rs_lines::panel_title(m, name, bench, interval, method, data.window)),
        Err(why) => (false, rs_lines::panel_unavailable(m, why, name, bench, interval, method, data.window)),
    }
}

/// What the panel's pieces share: the panel as last laid out, its keyboard focus (line,
/// point) and tooltip, and the price chart's crosshair.
#[derive(Clone)]
struct Panel {
    view: Rc<RefCell<Option<RsLinesView>>>,
    focus: RwSignal<Option<(usize, usize)>>,
    tooltip: RwSignal<Option<TooltipData>>,
    cursor: RwSignal<Option<usize>>,
}

impl Panel {
    /// Shows point `k`'s reading beside (`x`, `y`) device pixels, with the crosshair on its date.
    fn show(&self, m: &Messages, k: usize, x: f64, y: f64, format: &dyn crate::chart::format::Format) {
        let view = self.view.borrow();
        let Some((v, p)) = view.as_ref().and_then(|v| Some((v, v.points.get(k)?))) else { return };
        self.cursor.set(Some(p.point.index));
        let (title, rows) = rs_lines::reading_rows(m, &p.point, format);
        self.tooltip.set(Some(TooltipData::beside(x / v.ui, y / v.ui, v.width / v.ui, v.height / v.ui, title, rows)));
    }

    fn clear(&self) {
        self.cursor.set(None);
        self.tooltip.set(None);
    }
}

fn scene(g: &Chart, ctx: &WidgetContext, p: &Panel) -> PaintBuilder {
    let (g, ctx, rs) = (g.clone(), ctx.clone(), p.view.clone());
    Rc::new(move |size: CanvasSize| -> Paint {
        let palette = ctx.palette.get();
        let price_size = CanvasSize { css_height: ctx.height, ..size };
        let view = layout(&ctx.messages.get_untracked().unwrap_or_default(), &g.data, g.c, price_size, g.panel_height, &palette, ctx.format.as_ref()).and_then(|(_, panel)| panel.ok());
        rs.borrow_mut().clone_from(&view);
        let Some(view) = view else { return Rc::new(|_| {}) };
        Rc::new(move |pen: &mut dyn Painter| draw_rs_lines(pen, &view, &palette))
    })
}

fn overlay(ctx: &WidgetContext, p: &Panel) -> PaintBuilder {
    let (p, palette) = (p.clone(), ctx.palette);
    Rc::new(move |_size: CanvasSize| -> Paint {
        let palette = palette.get();
        let (index, focus) = (p.cursor.get(), p.focus.get());
        let rs = p.view.clone();
        Rc::new(move |pen: &mut dyn Painter| {
            if let Some(v) = rs.borrow().as_ref() {
                draw_rs_overlay(pen, v, &palette, index, focus);
            }
        })
    })
}

fn pointer(ctx: &WidgetContext, p: &Panel) -> PointerHandler {
    let (p, format, m) = (p.clone(), ctx.format.clone(), crate::app::messages());
    Rc::new(move |action: PointerAction| match action {
        PointerAction::Move { x, y, .. } => match p.view.borrow().as_ref().and_then(|v| v.reading_at(x)) {
            Some(k) => p.show(&m, k, x, y, format.as_ref()),
            None => p.clear(),
        },
        PointerAction::Leave => p.clear(),
        _ => {}
    })
}

/// Up/Down between RS-Ratio and RS-Momentum, Left/Right from point to point (the "index" is
/// the point's place in the period).
fn keyboard(g: &Chart, ctx: &WidgetContext, p: &Panel, summary_id: String) -> ChartKeyboard {
    let (shape_of, shown, cleared) = (p.view.clone(), p.clone(), p.clone());
    let (data, c, format, m) = (g.data.clone(), g.c, ctx.format.clone(), crate::app::messages());
    line_keyboard(
        LineNav {
            shape: Rc::new(move || shape_of.borrow().as_ref().and_then(|v| Some((rs_lines::LINE_NAMES.len(), 0, v.points.len().checked_sub(1)?)))),
            show: Rc::new(move |line, k| {
                let found = shown.view.borrow().as_ref().and_then(|v| Some((v.line_point(line, k)?, v.points.get(k)?.point.clone())));
                let Some(((x, y), point)) = found else { return };
                shown.show(&m, k, x, y, format.as_ref());
                c.announce.set(rs_lines::announce_point(&m, data.symbol(c.trend_symbol.get_untracked()), line, &point, format.as_ref()));
            }),
            choose: Rc::new(|_| {}),
            clear: Rc::new(move || cleared.clear()),
        },
        p.focus,
        summary_id,
    )
}

/// The panel: its line (title or why there is none), the quadrant key and the canvas.
pub fn panel(g: &Chart, ctx: &WidgetContext, scene_ref: NodeRef<leptos::html::Canvas>, summary_id: String) -> impl IntoView {
    let p = Panel { view: Rc::new(RefCell::new(None)), focus: RwSignal::new(None), tooltip: RwSignal::new(None), cursor: g.surface.cursor };
    let label = {
        let (data, c, m) = (g.data.clone(), g.c, crate::app::messages());
        Signal::derive(move || rs_lines::panel_label(&m, data.symbol(c.trend_symbol.get()), data.symbol(c.benchmark.get())))
    };
    let (d1, d2, c, m) = (g.data.clone(), g.data.clone(), g.c, crate::app::messages());
    view! {
        <div class="rs-panel" data-testid="rs-lines">
            <p class="rs-panel-line" data-testid="rs-lines-line">{move || panel_line(&m, &d1, c).1}</p>
            <div class:rs-hidden=move || !panel_line(&m, &d2, c).0>
                <ul class="rs-quadrant-key" data-testid="quadrant-key">
                    {crate::chart::words::quadrant_names(&crate::app::messages()).into_iter().zip(KEY_CLASSES).map(|(name, class)| view! { <li class=class>{name}</li> }).collect_view()}
                </ul>
                <ChartCanvas height=g.panel_height label=label scene=scene(g, ctx, &p) overlay=overlay(ctx, &p) on_pointer=pointer(ctx, &p)
                    keyboard=keyboard(g, ctx, &p, summary_id) scene_ref=scene_ref>
                    <Tooltip data=p.tooltip />
                </ChartCanvas>
            </div>
        </div>
    }
}
