//! Leptos components: wiring signals to the analytics and the charts. No math and no
//! formatting rules here; those live in `analysis` and `chart`.

pub mod chart_canvas;
pub mod load;
pub mod performance;
pub mod widget;

use crate::browser::intl::IntlFormat;
use crate::chart::format::Format;
use crate::chart::Palette;
use leptos::prelude::*;
use std::rc::Rc;

/// Shared by every component of one widget (each widget has its own).
#[derive(Clone)]
pub struct WidgetContext {
    pub palette: RwSignal<Palette>,
    pub format: Rc<dyn Format>,
    pub height: f64,
}

/// The current widget's context (provided by [`widget::Widget`] as a local stored value,
/// because it holds `Rc`s).
pub fn widget_context() -> WidgetContext {
    expect_context::<StoredValue<WidgetContext, LocalStorage>>().get_value()
}

pub fn intl_or_default(locale: Option<&str>) -> (Rc<dyn Format>, Option<String>) {
    match IntlFormat::new(locale) {
        Ok(f) => (Rc::new(f), None),
        Err(reason) => (Rc::new(IntlFormat::new(None).expect("the default locale is valid")), Some(reason)),
    }
}
