//! Thin platform glue: fetch, canvas sizing, Intl formatting, CSS colours, animation frames,
//! resize observation and the panic hook. No leptos here and no analytics: components in
//! `app` use these; nothing here uses `app`.

reads_input! {
    pub mod fetch;
    pub mod palette;
}
pub mod assets;
pub mod canvas;
pub mod export;
pub mod frame;
pub mod intl;
pub mod location;
pub mod markup;
pub mod panic;
pub mod print;
pub mod refresh;
pub mod resize;

/// The page's window. Rotascope only runs in a window context.
pub fn window() -> web_sys::Window {
    web_sys::window().expect("Rotascope runs in a browser window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("window has a document")
}
