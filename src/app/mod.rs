//! Leptos components: wiring signals to the analytics and the charts. No math and no
//! formatting rules here; those live in `analysis` and `chart`.

pub mod a11y;
pub mod card;
pub mod chart_canvas;
pub mod controls;
pub mod line_surface;
pub mod loading;
pub mod performance;
pub mod permalink;
pub mod refresh;
pub mod rotation;
pub mod state;
pub mod trend;
pub mod widget;

use crate::browser::intl::IntlFormat;
use crate::chart::format::Format;
use crate::chart::messages::Messages;
use crate::chart::Palette;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::rc::Rc;

/// Shared by every component of one widget (each widget has its own).
#[derive(Clone)]
pub struct WidgetContext {
    pub palette: RwSignal<Palette>,
    /// Locale formatting (`Intl` objects are browser values: wrapped to travel in closures).
    pub format: SendWrapper<Rc<dyn Format>>,
    pub height: f64,
    /// The configured title (the heading of an exported image).
    pub title: Option<String>,
    /// The interface's words, `None` until the language's table is in (nothing with words is
    /// drawn before, so a reader never sees English flash first).
    pub messages: RwSignal<Option<Messages>>,
}

/// How a widget tells its host what happened (the embed layer provides it; without it the
/// widget just renders). Called once per load outcome.
#[derive(Clone)]
pub struct WidgetEvents {
    pub ready: SendWrapper<Rc<dyn Fn()>>,
    /// A code for scripts (`network`, `cors`, `status`, `timeout`, `html`, `broken`, `data`)
    /// and the message shown.
    pub error: SendWrapper<Rc<dyn Fn(&'static str, String)>>,
    /// The widget switched to the dark (`true`) or light theme (an `auto` theme following the
    /// reader's colour scheme): the host restyles itself.
    pub theme: SendWrapper<Rc<dyn Fn(bool)>>,
    /// A quadrant change new data brought (`rotascope:alert`).
    pub alert: SendWrapper<Rc<AlertSink>>,
    /// Where the widget leaves its "refresh now" (`handle.refresh()`).
    pub refresh: SendWrapper<RefreshSlot>,
}

/// Hears each quadrant change new data brought.
pub type AlertSink = dyn Fn(&crate::model::RotationAlert);
/// Where a widget leaves the function that refreshes it now.
pub type RefreshSlot = Rc<std::cell::RefCell<Option<Rc<dyn Fn()>>>>;

/// The current widget's context, provided by [`widget::Widget`].
pub fn widget_context() -> WidgetContext {
    expect_context::<WidgetContext>()
}

/// The current widget's words (its language's table is in by the time anything asks).
pub fn messages() -> Messages {
    widget_context().messages.get_untracked().unwrap_or_default()
}

pub fn intl_or_default(locale: Option<&str>) -> (SendWrapper<Rc<IntlFormat>>, Option<String>) {
    let (format, problem) = match IntlFormat::new(locale) {
        Ok(f) => (Rc::new(f), None),
        Err(reason) => (Rc::new(IntlFormat::new(None).expect("the default locale is valid")), Some(reason)),
    };
    (SendWrapper::new(format), problem)
}
