//! Printing: `beforeprint` and `afterprint` on the window, removed when the handle drops.
//!
//! Chromium, Firefox and Safari dispatch `beforeprint` before they lay the page out for paper
//! and take the printed image right after, without an animation frame in between: what a
//! chart should look like on paper must be painted inside the `before` callback itself.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The width a chart is drawn at for paper, in CSS px, whatever its width on screen: an A4
/// page at the browsers' default margins (210 mm at 96 px per inch, less two 10 mm margins is
/// 718 px; US Letter gives 740). Print CSS then scales the canvas to the page's real width
/// (browsers do not tell a page its paper size before printing).
pub const PRINT_WIDTH: f64 = 718.0;
/// Device pixels per CSS px on paper: crisp at 192 dpi whatever the screen's ratio.
pub const PRINT_DPR: f64 = 2.0;

pub struct PrintWatch {
    before: Closure<dyn FnMut()>,
    after: Closure<dyn FnMut()>,
}

impl PrintWatch {
    /// Calls `before` when the page is about to print and `after` when printing is over.
    pub fn new(before: impl Fn() + 'static, after: impl Fn() + 'static) -> Option<PrintWatch> {
        let window = web_sys::window()?;
        let before = Closure::<dyn FnMut()>::new(before);
        let after = Closure::<dyn FnMut()>::new(after);
        // Built first, so whatever happens next the listeners are removed with their closures.
        let watch = PrintWatch { before, after };
        window.add_event_listener_with_callback("beforeprint", watch.before.as_ref().unchecked_ref()).ok()?;
        window.add_event_listener_with_callback("afterprint", watch.after.as_ref().unchecked_ref()).ok()?;
        Some(watch)
    }
}

impl Drop for PrintWatch {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback("beforeprint", self.before.as_ref().unchecked_ref());
            let _ = window.remove_event_listener_with_callback("afterprint", self.after.as_ref().unchecked_ref());
        }
    }
}
