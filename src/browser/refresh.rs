//! A widget's refresh clock: a timer whose tick waits while the page is hidden (Page
//! Visibility: a background tab asks nothing of the publisher's server) and comes as soon as
//! the page shows again. The timer and the listener go when the handle drops.

use std::cell::Cell;
use std::rc::{Rc, Weak};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

struct ClockState {
    timer: Cell<Option<i32>>,
    /// A tick came while the page was hidden: it is given when the page shows.
    due: Cell<bool>,
    /// A tick has been asked for (the clock runs).
    started: Cell<bool>,
    tick: Box<dyn Fn()>,
    paused: Box<dyn Fn()>,
}

pub struct RefreshClock {
    state: Rc<ClockState>,
    fire: Closure<dyn FnMut()>,
    shown: Closure<dyn FnMut()>,
}

fn page_hidden() -> bool {
    crate::browser::document().hidden()
}

impl RefreshClock {
    /// Calls `tick` at each time [`RefreshClock::after`] sets, or, when the page is hidden
    /// then, `paused` and `tick` once the page shows again.
    pub fn new(tick: impl Fn() + 'static, paused: impl Fn() + 'static) -> RefreshClock {
        let state = Rc::new(ClockState { timer: Cell::new(None), due: Cell::new(false), started: Cell::new(false), tick: Box::new(tick), paused: Box::new(paused) });
        let weak: Weak<ClockState> = Rc::downgrade(&state);
        let fire = Closure::<dyn FnMut()>::new(move || {
            if let Some(s) = weak.upgrade() {
                s.timer.set(None);
                if page_hidden() {
                    s.due.set(true);
                    (s.paused)();
                } else {
                    (s.tick)();
                }
            }
        });
        let weak: Weak<ClockState> = Rc::downgrade(&state);
        let shown = Closure::<dyn FnMut()>::new(move || {
            if let Some(s) = weak.upgrade() {
                if !page_hidden() && s.due.replace(false) {
                    (s.tick)();
                }
            }
        });
        let _ = crate::browser::document().add_event_listener_with_callback("visibilitychange", shown.as_ref().unchecked_ref());
        RefreshClock { state, fire, shown }
    }

    /// Ticks in `seconds` (instead of any tick set before).
    pub fn after(&self, seconds: f64) {
        let Some(window) = web_sys::window() else { return };
        if let Some(t) = self.state.timer.take() {
            window.clear_timeout_with_handle(t);
        }
        self.state.due.set(false);
        self.state.started.set(true);
        let ms = (seconds * 1000.0).round() as i32;
        self.state.timer.set(window.set_timeout_with_callback_and_timeout_and_arguments_0(self.fire.as_ref().unchecked_ref(), ms).ok());
    }
}

impl RefreshClock {
    /// Whether a tick has been asked for.
    pub fn started(&self) -> bool {
        self.state.started.get()
    }
}

impl Drop for RefreshClock {
    fn drop(&mut self) {
        if let (Some(window), Some(t)) = (web_sys::window(), self.state.timer.take()) {
            window.clear_timeout_with_handle(t);
        }
        let _ = crate::browser::document().remove_event_listener_with_callback("visibilitychange", self.shown.as_ref().unchecked_ref());
    }
}

/// Where the focus is among a widget's elements, so a redraw can give it back (a reader on
/// the keyboard keeps their place when new data comes in): the focused element's test id and
/// its place among the elements with that id, else its place among the focusable ones.
pub struct Place {
    testid: Option<String>,
    index: u32,
}

fn focused_among(root: &web_sys::Element, testid: Option<&str>) -> Option<web_sys::NodeList> {
    match testid {
        Some(id) => root.query_selector_all(&format!("[data-testid=\"{id}\"]")).ok(),
        None => root.query_selector_all(FOCUSABLE).ok(),
    }
}

pub fn focused_place(root: &web_sys::Element) -> Option<Place> {
    let active = match root.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.active_element(),
        Err(_) => crate::browser::document().active_element(),
    }?;
    if !root.contains(Some(&active)) {
        return None;
    }
    let testid = active.get_attribute("data-testid").filter(|id| id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    let all = focused_among(root, testid.as_deref())?;
    let index = (0..all.length()).find(|&i| all.item(i).is_some_and(|n| n == *active))?;
    Some(Place { testid, index })
}

/// Focuses the element at `place` (see [`focused_place`]).
pub fn focus_place(root: &web_sys::Element, place: &Place) {
    if let Some(e) = focused_among(root, place.testid.as_deref()).and_then(|all| all.item(place.index)).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

/// What a reader can reach with Tab (`tabindex="-1"` is reachable by script only).
const FOCUSABLE: &str = "button, input, select, a[href], [tabindex]:not([tabindex='-1'])";

/// Resolves at the next animation frame: by then a redraw's DOM is in place.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Why a refresh failed, in the console for the publisher (the reader sees "Could not update
/// since …", with the reason in its tooltip).
pub fn warn_not_updated(why: &dyn std::fmt::Display) {
    web_sys::console::warn_1(&format!("Rotascope could not update: {why}").into());
}
