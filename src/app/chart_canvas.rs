//! A chart surface of two stacked canvases that follow the container's width, are crisp on
//! HiDPI and repaint at most once per animation frame each:
//!
//! - the **scene** (axes, quadrants, lines), rebuilt when data, controls or size change;
//! - the **overlay** (crosshair, hover and focus rings), repainted alone while the pointer
//!   moves, so hovering never redraws the scene or touches the analytics.
//!
//! Each builder is reactive: every signal it reads is tracked and schedules one repaint. A
//! scene builder must not read what the pointer or the keyboard focus change (the hovered
//! symbol, the ring): those belong to the overlay. Each canvas carries `data-builds`, the
//! number of times its layer was built, so tests can hold a view to that.

use crate::browser::canvas::{self, CanvasSize};
use crate::browser::frame::FrameScheduler;
use crate::browser::resize::ResizeWatch;
use leptos::html;
use leptos::prelude::*;
use crate::chart::paint::Painter;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Something ready to paint on a canvas.
pub type Paint = Rc<dyn Fn(&mut dyn Painter)>;
/// Builds a painter for a canvas size; reads signals (tracked).
pub type PaintBuilder = Rc<dyn Fn(CanvasSize) -> Paint>;

/// What the pointer did, in device pixels of the canvas (and CSS pixels for placing DOM).
/// `id` tells pointers apart (two fingers pinching); `touch` says a finger, not a mouse or pen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PointerAction {
    Move { x: f64, y: f64, css_x: f64, css_y: f64, id: i32 },
    Down { x: f64, y: f64, id: i32, touch: bool },
    /// The pointer was lifted, or the browser took the gesture over (`pointercancel`).
    Up { x: f64, y: f64, id: i32 },
    Click { x: f64, y: f64 },
    DoubleClick { x: f64, y: f64 },
    Leave,
}

pub type PointerHandler = Rc<dyn Fn(PointerAction)>;

/// Handles a key on the focused chart; `true` when it used the key (its default is then
/// prevented).
pub type KeyHandler = Rc<dyn Fn(&web_sys::KeyboardEvent) -> bool>;

/// Keyboard reach into a chart: its key handler, what to do when focus leaves, and the id of
/// the summary that describes it.
#[derive(Clone)]
pub struct ChartKeyboard {
    pub on_key: KeyHandler,
    pub on_blur: Rc<dyn Fn()>,
    pub described_by: String,
}

/// Paints with `build` on `canvas_ref` whenever it changes, at most once per frame.
fn layer(canvas_ref: NodeRef<html::Canvas>, size: RwSignal<Option<CanvasSize>>, build: PaintBuilder) -> FrameScheduler {
    let painter: Rc<RefCell<Option<Paint>>> = Rc::new(RefCell::new(None));
    let scheduler = {
        let painter = painter.clone();
        FrameScheduler::new(move || {
            let (Some(canvas), Some(paint)) = (canvas_ref.get_untracked(), painter.borrow().clone()) else { return };
            if let Some(mut pen) = canvas::CanvasPainter::new(&canvas) {
                pen.clear();
                paint(&mut pen);
            }
        })
    };
    let requester = scheduler.clone();
    let builds = Cell::new(0_u32);
    Effect::new(move |_| {
        let Some(s) = size.get() else { return };
        *painter.borrow_mut() = Some(build(s));
        // How many times this layer was built, on the canvas (`data-builds`): tests check that
        // hovering rebuilds the overlay and never the scene.
        builds.set(builds.get() + 1);
        if let Some(canvas) = canvas_ref.get_untracked() {
            let _ = canvas.set_attribute("data-builds", &builds.get().to_string());
        }
        requester.request();
    });
    scheduler
}

#[component]
pub fn ChartCanvas(
    /// CSS height of the chart.
    height: f64,
    /// Accessible name of the chart image.
    #[prop(into)]
    label: Signal<String>,
    scene: PaintBuilder,
    #[prop(optional)] overlay: Option<PaintBuilder>,
    #[prop(optional)] on_pointer: Option<PointerHandler>,
    #[prop(optional)] keyboard: Option<ChartKeyboard>,
    /// The scene canvas, when the caller needs it (exports).
    #[prop(optional)] scene_ref: Option<NodeRef<html::Canvas>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let holder = NodeRef::<html::Div>::new();
    let scene_ref = scene_ref.unwrap_or_default();
    let overlay_ref = NodeRef::<html::Canvas>::new();
    let css_width = RwSignal::new(0.0_f64);
    let size: RwSignal<Option<CanvasSize>> = RwSignal::new(None);

    // Width follows the container; both backing stores follow the width.
    Effect::new(move |_| {
        let width = css_width.get();
        if width < 1.0 {
            return;
        }
        let (Some(s), Some(o)) = (scene_ref.get(), overlay_ref.get()) else { return };
        let fitted = canvas::fit(&s, width, height);
        canvas::fit(&o, width, height);
        if size.get_untracked() != Some(fitted) {
            size.set(Some(fitted));
        }
    });
    let scene_for_print = scene.clone();
    let mut schedulers = vec![layer(scene_ref, size, scene)];
    if let Some(build) = overlay {
        schedulers.push(layer(overlay_ref, size, build));
    }

    let watch: StoredValue<Option<ResizeWatch>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        if let Some(el) = holder.get() {
            if watch.with_value(Option::is_none) {
                watch.set_value(ResizeWatch::new(&el, move |w| {
                    if (w - css_width.get_untracked()).abs() >= 0.5 {
                        css_width.set(w);
                    }
                }));
            }
        }
    });
    // Paper: no animation frame runs between `beforeprint` and the printed image, so the scene
    // is built and painted right there, for the printed width (see browser::print), and drawn
    // again for the screen afterwards. The overlay (hover rings) is not printed.
    let print = {
        let scene_build = scene_for_print;
        crate::browser::print::PrintWatch::new(
            move || {
                let (Some(s), Some(o)) = (scene_ref.get_untracked(), overlay_ref.get_untracked()) else { return };
                // Whatever the screen width (a phone's 330 px would print blown up), the page's.
                let paper = canvas::fit_at(&s, crate::browser::print::PRINT_WIDTH, height, crate::browser::print::PRINT_DPR);
                let _ = s.set_attribute("data-print-width", &paper.css_width.to_string());
                if let Some(mut pen) = canvas::CanvasPainter::new(&s) {
                    pen.clear();
                    scene_build(paper)(&mut pen);
                }
                if let Some(mut pen) = canvas::CanvasPainter::new(&o) {
                    pen.clear();
                }
            },
            move || {
                let (Some(s), Some(o)) = (scene_ref.get_untracked(), overlay_ref.get_untracked()) else { return };
                let _ = s.remove_attribute("data-print-width");
                let width = css_width.get_untracked();
                if width >= 1.0 {
                    let fitted = canvas::fit(&s, width, height);
                    canvas::fit(&o, width, height);
                    size.set(Some(fitted));
                }
            },
        )
    };
    let print = StoredValue::new_local(print);
    let schedulers = StoredValue::new_local(schedulers);
    on_cleanup(move || {
        schedulers.with_value(|list| list.iter().for_each(FrameScheduler::cancel));
        watch.set_value(None);
        print.set_value(None);
    });

    let handler = StoredValue::new_local(on_pointer);
    let dpr = move || size.get_untracked().map_or(1.0, |s| s.dpr);
    let send = move |action: PointerAction| handler.with_value(|h| if let Some(h) = h { h(action) });
    let device = move |ev: &web_sys::MouseEvent| (f64::from(ev.offset_x()) * dpr(), f64::from(ev.offset_y()) * dpr());
    let on_move = move |ev: web_sys::PointerEvent| {
        let (cx, cy) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        send(PointerAction::Move { x: cx * dpr(), y: cy * dpr(), css_x: cx, css_y: cy, id: ev.pointer_id() });
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        // Captured, so a drag that leaves the canvas still ends here.
        if let Some(el) = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        let (x, y) = device(&ev);
        send(PointerAction::Down { x, y, id: ev.pointer_id(), touch: ev.pointer_type() == "touch" });
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let (x, y) = device(&ev);
        send(PointerAction::Up { x, y, id: ev.pointer_id() });
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let (x, y) = device(&ev);
        send(PointerAction::Click { x, y });
    };
    let on_double_click = move |ev: web_sys::MouseEvent| {
        let (x, y) = device(&ev);
        send(PointerAction::DoubleClick { x, y });
    };

    // With a keyboard handler the holder is the focusable, labelled chart ("application", so
    // screen readers pass the arrow keys through); otherwise the canvas is a labelled image.
    let interactive = keyboard.is_some();
    let described_by = keyboard.as_ref().map(|k| k.described_by.clone());
    let keys = StoredValue::new_local(keyboard);
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let used = keys.with_value(|k| k.as_ref().is_some_and(|k| (k.on_key)(&ev)));
        if used {
            ev.prevent_default();
        }
    };
    let on_blur = move |_| keys.with_value(|k| if let Some(k) = k { (k.on_blur)() });
    let words = super::messages();
    let holder_label = move || {
        if interactive {
            crate::chart::words::with_keys(&words, &label.get())
        } else {
            String::new()
        }
    };
    view! {
        <div class="rs-canvas-holder" node_ref=holder
            tabindex=interactive.then_some("0")
            role=interactive.then_some("application")
            aria-roledescription=interactive.then_some("chart")
            aria-label=move || interactive.then(holder_label)
            aria-describedby=described_by
            data-testid="chart"
            on:keydown=on_keydown
            on:blur=on_blur>
            // Its height from the start: before the first fit the canvas would take its
            // default 2:1 shape, and what is under the chart would move when it grew.
            <canvas class="rs-canvas" node_ref=scene_ref style:height=crate::chart::markup::px(height) role=(!interactive).then_some("img")
                aria-label=move || (!interactive).then(|| label.get()) aria-hidden=interactive.then_some("true")></canvas>
            <canvas class="rs-canvas rs-overlay" node_ref=overlay_ref aria-hidden="true"
                on:pointermove=on_move
                on:pointerdown=on_down
                on:pointerup=on_up
                on:pointercancel=on_up
                on:pointerleave=move |_| send(PointerAction::Leave)
                on:click=on_click
                on:dblclick=on_double_click></canvas>
            {children.map(|c| c())}
        </div>
    }
}
