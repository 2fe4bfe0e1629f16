//! The relative rotation graph: RS-Ratio (x) against RS-Momentum (y), four shaded quadrants
//! around the 100/100 cross, and per symbol a smooth tail whose opacity rises toward the
//! labelled head, with an arrowhead showing which way the head is moving.
//!
//! [`RrgView::build`] lays everything out in device pixels once (ranges or the zoomed
//! viewport, ticks, quadrants, smoothed and clipped tails, arrows, non-overlapping head
//! labels); [`draw_rrg`] paints it (emphasis there is the pinned symbol's, a click);
//! [`draw_rrg_overlay`] paints only the hover or focus ring on a second canvas,
//! [`draw_rrg_highlight`] the hovered or focused symbol over a wash that fades the rest, and
//! [`draw_zoom_rect`] the rectangle being dragged out to zoom;
//! [`RrgView::hit_test`] finds the point under the pointer without touching the analytics.
//!
//! By job: `marks` holds the vocabulary the other chart modules share (markers, emphasis,
//! a tail's input, the viewport), `layout` the view in device pixels, `head_labels` the
//! placement of head labels, `drawing` the painting of scene and overlay.

mod drawing;
mod head_labels;
mod layout;
mod marks;

pub use drawing::{draw_rrg, draw_rrg_highlight, draw_rrg_overlay, draw_rrg_ring, draw_zoom_rect};
pub use head_labels::HeadLabel;
pub use layout::{note_point, slider_mark, Corner, PointView, QuadrantView, RrgSpec, RrgView, SliderMark, Stroke, TailView, Tick, DOTTED_POINTS, MAX_STROKES_PER_TAIL};
pub use marks::{Emphasis, Marker, TailInput, Viewport, HIGHLIGHT_WASH};
