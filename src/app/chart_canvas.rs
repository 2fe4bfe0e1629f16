//! A canvas that follows its container's width, is crisp on HiDPI, and repaints at most once
//! per animation frame. The caller's `build` closure turns the current size into something to
//! paint; every signal it reads is tracked, so a changed input schedules one repaint.

use crate::browser::canvas::{self, CanvasSize};
use crate::browser::frame::FrameScheduler;
use crate::browser::resize::ResizeWatch;
use leptos::html;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::Rc;

/// Something ready to paint on the canvas.
pub type Painter = Rc<dyn Fn(&DrawingArea<CanvasBackend, Shift>)>;

#[component]
pub fn ChartCanvas(
    /// CSS height of the canvas.
    height: f64,
    /// Accessible name of the chart image.
    #[prop(into)]
    label: Signal<String>,
    /// Builds what to paint for a size; reactive.
    scene: Rc<dyn Fn(CanvasSize) -> Painter>,
) -> impl IntoView {
    let holder = NodeRef::<html::Div>::new();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let css_width = RwSignal::new(0.0_f64);
    let painter: Rc<RefCell<Option<Painter>>> = Rc::new(RefCell::new(None));

    let scheduler = {
        let painter = painter.clone();
        FrameScheduler::new(move || {
            let (Some(canvas), Some(paint)) = (canvas_ref.get_untracked(), painter.borrow().clone()) else { return };
            if let Some(area) = canvas::drawing_area(&canvas) {
                paint(&area);
            }
        })
    };

    // Layout and data changes: rebuild, then paint on the next frame.
    {
        let scheduler = scheduler.clone();
        let painter = painter.clone();
        Effect::new(move |_| {
            let width = css_width.get();
            let Some(canvas) = canvas_ref.get() else { return };
            if width < 1.0 {
                return;
            }
            let size = canvas::fit(&canvas, width, height);
            *painter.borrow_mut() = Some(scene(size));
            scheduler.request();
        });
    }

    // Width follows the container; the observer disconnects when the component goes away.
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
    let scheduler = StoredValue::new_local(scheduler);
    on_cleanup(move || {
        scheduler.with_value(FrameScheduler::cancel);
        watch.set_value(None);
    });

    view! {
        <div class="rs-canvas-holder" node_ref=holder>
            <canvas class="rs-canvas" node_ref=canvas_ref role="img" aria-label=move || label.get()></canvas>
        </div>
    }
}
