//! Pointer gestures on the rotation graph, as plain state: a mouse or pen drag draws a zoom
//! rectangle, two fingers pinch (and pan) the zoom, a press without movement stays a click.
//! Pure, so it is tested natively; the browser glue only forwards pointer events.
//!
//! # Rules
//!
//! - A drag is a press that moves more than [`DRAG_THRESHOLD`] device pixels × `ui` before it
//!   is released; anything less is left to the click (pin a symbol).
//! - Fingers: one finger never zooms (it scrolls the page and hovers); the moment a second
//!   finger touches, a pinch starts from the current viewport. With the fingers' distance going
//!   from `d₀` to `d₁` and their midpoint from `m₀` to `m₁`, both spans scale by `d₀ / d₁` and the
//!   data point that was under `m₀` moves to `m₁`.

use super::labels::Rect;
use super::rotation::Viewport;

/// Device pixels (per CSS pixel) a press must move to become a drag.
pub const DRAG_THRESHOLD: f64 = 5.0;

#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    Idle,
    Pressed { id: i32, start: (f64, f64) },
    Dragging { id: i32, start: (f64, f64), now: (f64, f64) },
    Pinching { start: Viewport, d0: f64, m0: (f64, f64) },
}

/// What the view should do after a pointer event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GestureOutcome {
    /// Nothing for the zoom (hover and clicks go on as usual).
    None,
    /// Show the drag rectangle between these device-pixel corners.
    Rectangle((f64, f64), (f64, f64)),
    /// The drag ended: zoom to this rectangle (device pixels).
    ZoomTo((f64, f64), (f64, f64)),
    /// The pinch moved: this is the viewport now.
    Pinch(Viewport),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Gestures {
    state: State,
    /// Fingers down: (pointer id, position).
    fingers: Vec<(i32, (f64, f64))>,
    ui: f64,
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

fn midpoint(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0)
}

/// The viewport after a pinch from `start` (drawn in `plot`): spans × `factor`, and the data
/// point under `from` (device pixels) now under `to`.
pub fn pinch_viewport(start: Viewport, plot: Rect, factor: f64, from: (f64, f64), to: (f64, f64)) -> Viewport {
    let (w, h) = (plot.width(), plot.height());
    if !(factor.is_finite() && factor > 0.0 && w > 0.0 && h > 0.0) {
        return start;
    }
    let (sx, sy) = (start.x.1 - start.x.0, start.y.1 - start.y.0);
    // Data under `from`: x grows rightwards from plot.left, y upwards from plot.bottom.
    let data_x = start.x.0 + (from.0 - plot.left) / w * sx;
    let data_y = start.y.0 + (plot.bottom - from.1) / h * sy;
    let (nx, ny) = (sx * factor, sy * factor);
    let x0 = data_x - (to.0 - plot.left) / w * nx;
    let y0 = data_y - (plot.bottom - to.1) / h * ny;
    Viewport { x: (x0, x0 + nx), y: (y0, y0 + ny) }
}

impl Gestures {
    pub fn new(ui: f64) -> Gestures {
        Gestures { state: State::Idle, fingers: Vec::new(), ui: ui.max(0.5) }
    }

    /// The device pixel ratio changed (the canvas moved to another screen).
    pub fn set_ui(&mut self, ui: f64) {
        self.ui = ui.max(0.5);
    }

    /// Whether a drag or pinch is under way (hover and clicks then stand aside).
    pub fn active(&self) -> bool {
        matches!(self.state, State::Dragging { .. } | State::Pinching { .. })
    }

    /// A pointer went down; `current` is the viewport on screen (a pinch starts from it).
    pub fn down(&mut self, id: i32, at: (f64, f64), touch: bool, current: Viewport) -> GestureOutcome {
        if !touch {
            self.state = State::Pressed { id, start: at };
            return GestureOutcome::None;
        }
        self.fingers.retain(|(f, _)| *f != id);
        self.fingers.push((id, at));
        if let [(_, a), (_, b)] = self.fingers.as_slice() {
            self.state = State::Pinching { start: current, d0: distance(*a, *b).max(1.0), m0: midpoint(*a, *b) };
        }
        GestureOutcome::None
    }

    pub fn moved(&mut self, id: i32, at: (f64, f64), plot: Rect) -> GestureOutcome {
        if let Some(f) = self.fingers.iter_mut().find(|(f, _)| *f == id) {
            f.1 = at;
        }
        match self.state {
            State::Pressed { id: p, start } if p == id && distance(start, at) > DRAG_THRESHOLD * self.ui => {
                self.state = State::Dragging { id, start, now: at };
                GestureOutcome::Rectangle(start, at)
            }
            State::Dragging { id: p, start, .. } if p == id => {
                self.state = State::Dragging { id, start, now: at };
                GestureOutcome::Rectangle(start, at)
            }
            State::Pinching { start, d0, m0 } => match self.fingers.as_slice() {
                [(_, a), (_, b)] => GestureOutcome::Pinch(pinch_viewport(start, plot, d0 / distance(*a, *b).max(1.0), m0, midpoint(*a, *b))),
                _ => GestureOutcome::None,
            },
            _ => GestureOutcome::None,
        }
    }

    pub fn up(&mut self, id: i32, at: (f64, f64)) -> GestureOutcome {
        self.fingers.retain(|(f, _)| *f != id);
        match self.state {
            State::Dragging { id: p, start, .. } if p == id => {
                self.state = State::Idle;
                GestureOutcome::ZoomTo(start, at)
            }
            State::Pressed { id: p, .. } if p == id => {
                self.state = State::Idle;
                GestureOutcome::None
            }
            State::Pinching { .. } if self.fingers.len() < 2 => {
                self.state = State::Idle;
                GestureOutcome::None
            }
            _ => GestureOutcome::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLOT: Rect = Rect { left: 0.0, top: 0.0, right: 100.0, bottom: 100.0 };
    const VIEW: Viewport = Viewport { x: (96.0, 104.0), y: (98.0, 102.0) };

    #[test]
    fn a_small_press_is_a_click_and_a_drag_makes_a_rectangle() {
        let mut g = Gestures::new(1.0);
        g.down(1, (10.0, 10.0), false, VIEW);
        assert_eq!(g.moved(1, (13.0, 12.0), PLOT), GestureOutcome::None, "3.6 px is under the threshold");
        assert_eq!(g.up(1, (13.0, 12.0)), GestureOutcome::None);
        assert!(!g.active());
        g.down(1, (10.0, 10.0), false, VIEW);
        assert_eq!(g.moved(1, (40.0, 30.0), PLOT), GestureOutcome::Rectangle((10.0, 10.0), (40.0, 30.0)));
        assert!(g.active());
        assert_eq!(g.moved(1, (60.0, 50.0), PLOT), GestureOutcome::Rectangle((10.0, 10.0), (60.0, 50.0)));
        assert_eq!(g.up(1, (61.0, 51.0)), GestureOutcome::ZoomTo((10.0, 10.0), (61.0, 51.0)));
        assert!(!g.active());
        // The threshold scales with the device pixel ratio: 8 px at ui 2 is still a click.
        let mut hidpi = Gestures::new(2.0);
        hidpi.down(1, (0.0, 0.0), false, VIEW);
        assert_eq!(hidpi.moved(1, (8.0, 0.0), PLOT), GestureOutcome::None);
    }

    #[test]
    fn one_finger_never_zooms_two_fingers_pinch() {
        let mut g = Gestures::new(1.0);
        g.down(7, (20.0, 50.0), true, VIEW);
        assert_eq!(g.moved(7, (80.0, 50.0), PLOT), GestureOutcome::None);
        // Second finger at (80, 50): distance 60 from (20, 50), midpoint (50, 50).
        g.moved(7, (20.0, 50.0), PLOT);
        g.down(8, (80.0, 50.0), true, VIEW);
        assert!(g.active());
        // Spread to 120 apart about the same midpoint: spans halve, centre stays put.
        g.moved(7, (-10.0, 50.0), PLOT);
        let GestureOutcome::Pinch(v) = g.moved(8, (110.0, 50.0), PLOT) else { panic!("a pinch") };
        assert!((v.x.0 - 98.0).abs() < 1e-9 && (v.x.1 - 102.0).abs() < 1e-9, "{v:?}");
        assert!((v.y.0 - 99.0).abs() < 1e-9 && (v.y.1 - 101.0).abs() < 1e-9, "{v:?}");
        g.up(8, (110.0, 50.0));
        assert!(!g.active());
    }

    #[test]
    fn pinch_keeps_the_point_under_the_fingers() {
        // No scaling, midpoint moves 25 px right: x shifts by 25 % of the 8-wide span, left.
        let v = pinch_viewport(VIEW, PLOT, 1.0, (50.0, 50.0), (75.0, 50.0));
        assert!((v.x.0 - 94.0).abs() < 1e-9 && (v.x.1 - 102.0).abs() < 1e-9, "{v:?}");
        // Zooming in about a corner: the data at (0, 100) px, (96, 98), stays there.
        let v = pinch_viewport(VIEW, PLOT, 0.5, (0.0, 100.0), (0.0, 100.0));
        assert_eq!((v.x, v.y), ((96.0, 100.0), (98.0, 100.0)));
        // A degenerate factor changes nothing.
        assert_eq!(pinch_viewport(VIEW, PLOT, f64::NAN, (0.0, 0.0), (1.0, 1.0)), VIEW);
    }
}
