//! Charts: pure view-models (ranges, ticks, labels, colours, hit-test geometry) and `draw_*`
//! functions over the [`paint::Painter`] primitives, so they render on a browser canvas and
//! on an SVG string in native tests alike. No browser imports here.

pub mod card;
pub mod claims;
pub mod curve;
pub mod describe;
pub mod draw;
pub mod export;
pub mod faults;
pub mod format;
pub mod frame;
pub mod gesture;
pub mod labels;
pub mod loading;
pub mod looks;
pub mod markup;
pub mod messages;
pub mod notes;
pub mod paint;
pub mod performance;
pub mod ranking;
pub mod render;
pub mod render_card;
pub mod rotation;
pub mod rs_lines;
pub mod scale;
pub mod theme;
pub mod trend_chart;
pub mod words;

pub use format::{Format, LocaleFormat, PlainFormat};
pub use theme::{Palette, Rgb};
