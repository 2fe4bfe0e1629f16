//! What the performance and trend charts share: the laid-out line chart, its crosshair,
//! keyboard focus and tooltip, and the overlay, pointer and keyboard handlers built on them.
//! Each view only says what a date reads like (`Read`) and how focus is announced.

use super::a11y::{line_keyboard, LineNav};
use super::chart_canvas::{ChartKeyboard, Paint, PaintBuilder, PointerAction, PointerHandler};
use super::controls::TooltipData;
use crate::browser::canvas::CanvasSize;
use crate::chart::performance::{draw_line_overlay, LineChartView};
use crate::chart::Palette;
use crate::chart::paint::Painter;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// What the chart reads at a table index: the tooltip's title and its rows.
pub type Read = Rc<dyn Fn(usize) -> (String, Vec<String>)>;

#[derive(Clone)]
pub struct LineSurface {
    /// The chart as last laid out (for hit-testing and rings, without recomputing).
    pub view: Rc<RefCell<Option<LineChartView>>>,
    pub cursor: RwSignal<Option<usize>>,
    /// Keyboard focus: (line on screen, table index).
    pub focus: RwSignal<Option<(usize, usize)>>,
    pub tooltip: RwSignal<Option<TooltipData>>,
}

impl LineSurface {
    pub fn new() -> LineSurface {
        LineSurface { view: Rc::new(RefCell::new(None)), cursor: RwSignal::new(None), focus: RwSignal::new(None), tooltip: RwSignal::new(None) }
    }

    fn clear(&self) {
        self.cursor.set(None);
        self.tooltip.set(None);
    }

    /// The crosshair at the cursor, a ring on the focused line and the line `highlighted`
    /// gives (tracked: the hovered symbol's line on screen); repainted alone.
    pub fn overlay(&self, palette: RwSignal<Palette>, highlighted: impl Fn() -> Option<usize> + 'static) -> PaintBuilder {
        let this = self.clone();
        Rc::new(move |_size: CanvasSize| -> Paint {
            let palette = palette.get();
            let (index, ring, bold) = (this.cursor.get(), this.focus.get().map(|(l, _)| l), highlighted());
            let view = this.view.clone();
            Rc::new(move |pen: &mut dyn Painter| {
                if let Some(v) = view.borrow().as_ref() {
                    draw_line_overlay(pen, v, &palette, index, ring, bold);
                }
            })
        })
    }

    /// Shows what `read` says for `index`, beside (`x`, `y`) in device pixels.
    fn show(&self, read: &Read, index: usize, x: f64, y: f64) {
        let view = self.view.borrow();
        let Some(v) = view.as_ref() else { return };
        self.cursor.set(Some(index));
        let (title, rows) = read(index);
        self.tooltip.set(Some(TooltipData::beside(x / v.ui, y / v.ui, v.width / v.ui, v.height / v.ui, title, rows)));
    }

    /// Hover: the crosshair follows the pointer, the tooltip reads the date under it.
    pub fn pointer(&self, read: Read) -> PointerHandler {
        let this = self.clone();
        Rc::new(move |action: PointerAction| match action {
            PointerAction::Move { x, y, .. } => match this.view.borrow().as_ref().and_then(|v| v.index_at(x)) {
                Some(i) => this.show(&read, i, x, y),
                None => this.clear(),
            },
            PointerAction::Leave => this.clear(),
            _ => {}
        })
    }

    /// The keyboard: the focused line's point gets the ring and the tooltip; `announce` says
    /// what it is; Enter calls `choose` with the line.
    pub fn keyboard(&self, read: Read, announce: Rc<dyn Fn(usize, usize)>, choose: Rc<dyn Fn(usize)>, described_by: String) -> ChartKeyboard {
        let (shape_of, show_on, clear_on) = (self.clone(), self.clone(), self.clone());
        line_keyboard(
            LineNav {
                shape: Rc::new(move || shape_of.view.borrow().as_ref().map(|v| (v.lines.len(), v.from, v.to))),
                show: Rc::new(move |line, index| {
                    let point = show_on.view.borrow().as_ref().and_then(|v| v.lines.get(line)?.point_at(index));
                    if let Some((x, y)) = point {
                        show_on.show(&read, index, x, y);
                    } else {
                        show_on.cursor.set(Some(index));
                    }
                    announce(line, index);
                }),
                choose,
                clear: Rc::new(move || clear_on.clear()),
            },
            self.focus,
            described_by,
        )
    }
}

impl Default for LineSurface {
    fn default() -> Self {
        LineSurface::new()
    }
}
