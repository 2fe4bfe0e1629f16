//! The graph's two canvas layers and the pointer. The scene reads the tails memo, the zoom,
//! the toggles, the pinned symbol, the theme and the size, never the hovered symbol or the
//! ring: hovering and keyboard focus repaint the overlay alone.

use super::{Graph, Shown};
use crate::app::chart_canvas::{Paint, PaintBuilder, PointerAction, PointerHandler};
use crate::app::state::Looks;
use crate::app::WidgetContext;
use crate::browser::canvas::CanvasSize;
use crate::chart::gesture::{GestureOutcome, Gestures};
use crate::chart::rotation::{draw_rrg, draw_rrg_highlight, draw_rrg_overlay, draw_rrg_ring, draw_zoom_rect, RrgSpec, RrgView, TailInput};
use crate::chart::paint::Painter;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The chart's accessible name.
pub fn label(g: &Graph) -> Signal<String> {
    let (data, c, m) = (g.data.clone(), g.c, g.words);
    Signal::derive(move || crate::chart::words::rotation_chart_label(&m, data.members.len().saturating_sub(1), data.symbol(c.benchmark.get())))
}

/// The whole graph: quadrants, ticks, tails, dots, heads, labels. Emphasis here is the pinned
/// symbol's (a click or Enter); hover and focus highlight on the overlay.
pub fn scene(g: &Graph, ctx: &WidgetContext) -> PaintBuilder {
    let (g, ctx) = (g.clone(), ctx.clone());
    Rc::new(move |size: CanvasSize| -> Paint {
        let (data, c) = (&g.data, g.c);
        let palette = ctx.palette.get();
        let tails = g.tails.get();
        let words = ctx.messages.get_untracked().unwrap_or_default();
        if tails.0.is_empty() {
            *g.shown.borrow_mut() = None;
            return Rc::new(|_| {});
        }
        // The whole histories, where each tail's first point since the note is decided (looked
        // up only with a note: this runs on every scrub frame).
        let published = c.published.get();
        let set = data.rotation_set(c.benchmark.get_untracked(), c.interval.get_untracked(), c.method.get_untracked());
        let set = set.as_ref().as_ref().ok().filter(|_| published.is_some());
        let inputs: Vec<TailInput> = tails
            .0
            .iter()
            .map(|t| {
                let p = t.position;
                let history = set.and_then(|s| s.history(p)).unwrap_or_default();
                TailInput { symbol: data.symbol(p), colour: data.colour(&palette, p), marker: data.marker(p), emphasis: c.pinned_emphasis(p), points: &t.points, history, start: t.start }
            })
            .collect();
        let spec = RrgSpec {
            tails: &inputs,
            width: size.device_width(),
            height: size.device_height(),
            ui: size.dpr,
            show_tails: c.show_tails.get(),
            show_labels: c.show_labels.get(),
            zoom: c.zoom.get(),
            quadrant_names: crate::chart::words::quadrant_names(&words),
            published,
        };
        // One laid-out graph, shared by the painter and the hit-tests (not copied each frame).
        let view = Rc::new(RrgView::build(&spec, ctx.format.as_ref()));
        *g.shown.borrow_mut() = Some(Shown { view: view.clone(), tails: tails.clone() });
        Rc::new(move |pen: &mut dyn Painter| {
            draw_rrg(pen, &view, &palette);
        })
    })
}

/// The hovered or focused symbol highlighted over a wash of the rest, the ring on its point,
/// and the zoom rectangle being dragged: repainted alone, from what the scene laid out.
pub fn overlay(g: &Graph, ctx: &WidgetContext) -> PaintBuilder {
    let (g, palette) = (g.clone(), ctx.palette);
    Rc::new(move |_size: CanvasSize| -> Paint {
        let palette = palette.get();
        let (ring, highlighted, rect) = (g.ring.get(), g.c.hovered.get(), g.drag_rect.get());
        let shown = g.shown.clone();
        Rc::new(move |pen: &mut dyn Painter| {
            let shown = shown.borrow();
            let Some(s) = shown.as_ref() else { return };
            draw_rrg_overlay(pen, &s.view, &palette, None);
            if let Some(t) = highlighted.and_then(|p| s.tail_of(p)) {
                draw_rrg_highlight(pen, &s.view, &palette, t);
            }
            let hit = ring.and_then(|(pos, k)| s.tail_of(pos).map(|t| (t, k)));
            draw_rrg_ring(pen, &s.view, &palette, hit);
            if let Some((a, b)) = rect {
                draw_zoom_rect(pen, &s.view, &palette, a, b);
            }
        })
    })
}

/// Hover (ring, tooltip, highlight), click to pin, drag a rectangle or pinch to zoom,
/// double-click to fit.
pub fn pointer(g: &Graph, ctx: &WidgetContext) -> PointerHandler {
    let (g, format) = (g.clone(), ctx.format.clone());
    let c = g.c;
    let gestures = RefCell::new(Gestures::new(1.0));
    // A click that ends a drag only zooms; it does not pin.
    let dragged = Cell::new(false);
    Rc::new(move |action: PointerAction| {
        let shown = g.shown.borrow();
        let Some(s) = shown.as_ref() else { return };
        let radius = 10.0 * s.view.ui;
        let outcome = {
            let mut gs = gestures.borrow_mut();
            match action {
                PointerAction::Down { x, y, id, touch } => {
                    gs.set_ui(s.view.ui);
                    gs.down(id, (x, y), touch, s.view.viewport())
                }
                PointerAction::Move { x, y, id, .. } => gs.moved(id, (x, y), s.view.plot),
                PointerAction::Up { x, y, id } => gs.up(id, (x, y)),
                _ => GestureOutcome::None,
            }
        };
        match outcome {
            GestureOutcome::Rectangle(a, b) => {
                g.ring.set(None);
                g.tooltip.set(None);
                g.drag_rect.set(Some((a, b)));
                return;
            }
            GestureOutcome::ZoomTo(a, b) => {
                g.drag_rect.set(None);
                dragged.set(true);
                if let Some(v) = s.view.viewport_from_pixels(a, b) {
                    c.zoom.set(Some(v));
                }
                return;
            }
            GestureOutcome::Pinch(v) => {
                g.tooltip.set(None);
                c.zoom.set(Some(v));
                return;
            }
            GestureOutcome::None if gestures.borrow().active() => return,
            GestureOutcome::None => {}
        }
        match action {
            PointerAction::Down { .. } | PointerAction::Up { .. } => {}
            PointerAction::DoubleClick { .. } => c.zoom.set(None),
            PointerAction::Move { x, y, css_x, css_y, .. } => match s.view.hit_test(x, y, radius) {
                Some((t, k)) => g.point_at(s, t, k, (css_x, css_y), format.as_ref()),
                None if g.ring.get_untracked().is_some() => g.clear_point(),
                None => {}
            },
            PointerAction::Click { .. } if dragged.replace(false) => {}
            PointerAction::Click { x, y } => {
                let hit = s.view.hit_test(x, y, radius).map(|(t, _)| s.position(t));
                c.pinned.update(|p| *p = if hit.is_some() && *p == hit { None } else { hit });
            }
            PointerAction::Leave => {
                g.drag_rect.set(None);
                g.clear_point();
            }
        }
    })
}
