//! Rotascope: an embeddable market-rotation widget.
//!
//! One chain, no import running back up it:
//! [`analysis`] (pure numbers) → [`model`] (what the widget and `analyze()` derive for one
//! configuration, cached) → [`chart`] (view-models, and drawing through a painter) → `browser` (thin
//! platform glue: fetch, canvas, Intl) → `app` (leptos components) → `embed` (placeholders,
//! custom element, JS API). [`config`] and [`sample`] are pure too.
//! `browser`, `app` and `embed` exist only on wasm32, so a native `cargo test` builds the
//! pure core alone.

pub mod analysis;
pub mod chart;
pub mod config;
pub mod model;
pub mod sample;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod embed;
