//! Rotascope: an embeddable market-rotation widget.
//!
//! One chain, no import running back up it:
//! [`analysis`] (pure numbers) → [`model`] (what the widget and `analyze()` derive for one
//! configuration, cached) → [`chart`] (view-models, and drawing through a painter) → `browser` (thin
//! platform glue: fetch, canvas, Intl) → `load` (prices and notes from their sources, one
//! error type, the page's cache; no leptos) → `app` (leptos components) → `embed`
//! (placeholders, custom element, JS API). [`config`] and [`sample`] are pure too.
//! `browser`, `load`, `app` and `embed` exist only on wasm32, so a native `cargo test` builds
//! the pure core alone.

/// Declares modules that read input (files, notes, attributes, options) or compute on what a
/// reader chose (periods, dates, links: the analytics, the model, the chart view-models) as
/// panic-free by construction: a panic aborts the one wasm instance every widget on the page
/// shares, so one bad file or one typed date would stop them all. Outside tests clippy denies there indexing and slicing
/// (`get` instead), byte slicing of text, `unwrap`/`expect` and explicit panics. A rare,
/// proven-safe exception takes `#[allow(clippy::…)]` with a comment saying why it holds.
/// `make lint` fails on a new one.
macro_rules! reads_input {
    ($($(#[$meta:meta])* $vis:vis mod $name:ident;)*) => {
        $(
            $(#[$meta])*
            #[cfg_attr(not(test), deny(
                clippy::indexing_slicing,
                clippy::string_slice,
                clippy::unwrap_used,
                clippy::expect_used,
                clippy::panic,
                clippy::unreachable,
                clippy::todo,
                clippy::unimplemented,
            ))]
            $vis mod $name;
        )*
    };
}

reads_input! {
    pub mod analysis;
    pub mod model;
    pub mod chart;
    pub mod config;
    pub mod permalink;
}
pub mod sample;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod embed;
reads_input! {
    #[cfg(target_arch = "wasm32")]
    pub mod load;
}
