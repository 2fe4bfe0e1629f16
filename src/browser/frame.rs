//! Redraws coalesced to one per animation frame: any number of `request()` calls before the
//! next frame run the draw once.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

#[derive(Clone)]
pub struct FrameScheduler {
    pending: Rc<Cell<bool>>,
    alive: Rc<Cell<bool>>,
    draw: Rc<dyn Fn()>,
}

impl FrameScheduler {
    pub fn new(draw: impl Fn() + 'static) -> Self {
        FrameScheduler { pending: Rc::new(Cell::new(false)), alive: Rc::new(Cell::new(true)), draw: Rc::new(draw) }
    }

    /// Asks for a draw on the next animation frame.
    pub fn request(&self) {
        if self.pending.replace(true) {
            return;
        }
        let this = self.clone();
        let callback = Closure::once_into_js(move || {
            this.pending.set(false);
            if this.alive.get() {
                (this.draw)();
            }
        });
        let _ = super::window().request_animation_frame(callback.unchecked_ref());
    }

    /// Stops future draws (on unmount); a frame already requested becomes a no-op.
    pub fn cancel(&self) {
        self.alive.set(false);
    }
}
