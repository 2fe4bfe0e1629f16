//! The graph's shared vocabulary, which the other chart modules and the app speak too:
//! marker shapes and their outlines, how a tail is emphasised, one symbol's tail as input,
//! the viewport (a rectangle in data units) and the highlight's wash.

use crate::analysis::rotation::RotationPoint;
use crate::chart::curve::Point;
use crate::chart::theme::Rgb;

/// Narrowest viewport range (RS units): past this the ticks' decimals run out and a pinch
/// would magnify float noise.
pub(super) const MIN_ZOOM_SPAN: f64 = 1e-3;

/// Marker shapes, so symbols that share a colour (more than 12 shown) still differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
}

impl Marker {
    /// The marker for colour slot `slot`: a new shape each time the palette wraps around.
    pub fn for_slot(slot: usize, palette_len: usize) -> Marker {
        match (slot / palette_len.max(1)) % 4 {
            0 => Marker::Circle,
            1 => Marker::Square,
            2 => Marker::Triangle,
            _ => Marker::Diamond,
        }
    }
}

/// How a tail is drawn relative to the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    Normal,
    Highlighted,
    Faded,
}

/// One symbol's tail, oldest point first.
#[derive(Debug, Clone)]
pub struct TailInput<'a> {
    pub symbol: &'a str,
    pub colour: Rgb,
    pub marker: Marker,
    pub emphasis: Emphasis,
    pub points: &'a [RotationPoint],
    /// The symbol's whole rotation history, `points` being its run from `start`: where the
    /// note's first point is decided ([`super::note_point`]).
    pub history: &'a [RotationPoint],
    pub start: usize,
}

/// A rectangle of the graph in data units: RS-Ratio range `x`, RS-Momentum range `y`, each
/// `(low, high)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub x: (f64, f64),
    pub y: (f64, f64),
}

impl Viewport {
    /// Both ranges low to high and at least [`MIN_ZOOM_SPAN`] wide (widened about their
    /// middle), or `None` if any bound is not finite.
    pub(super) fn normalised(self) -> Option<Viewport> {
        let range = |(a, b): (f64, f64)| -> Option<(f64, f64)> {
            if !(a.is_finite() && b.is_finite()) {
                return None;
            }
            let (lo, hi) = (a.min(b), a.max(b));
            if hi - lo >= MIN_ZOOM_SPAN {
                return Some((lo, hi));
            }
            let mid = lo / 2.0 + hi / 2.0;
            Some((mid - MIN_ZOOM_SPAN / 2.0, mid + MIN_ZOOM_SPAN / 2.0))
        };
        Some(Viewport { x: range(self.x)?, y: range(self.y)? })
    }
}

/// How strongly the overlay's wash fades the scene under a highlighted tail (the opacity of
/// the background colour laid over the plot): the rest read as faded, as pinned tails do.
pub const HIGHLIGHT_WASH: f64 = 0.7;

/// Distance from a marker's centre to its outline in the unit direction `dir`: the radius for
/// a circle, the ray's first crossing of an edge for the polygon shapes.
pub(super) fn marker_edge_distance(marker: Marker, r: f64, dir: Point) -> f64 {
    let outline = marker_path(marker, (0.0, 0.0), r);
    let cross = |a: Point, b: Point| a.0 * b.1 - a.1 * b.0;
    // Solve t·dir = a + s·(b − a) for each edge a → b, with t > 0 and s in 0..=1.
    let hits = outline.iter().zip(outline.iter().cycle().skip(1)).filter_map(|(&a, &b)| {
        let edge = (b.0 - a.0, b.1 - a.1);
        let denom = cross(dir, edge);
        if denom.abs() < 1e-12 {
            return None;
        }
        let (t, s) = (cross(a, edge) / denom, cross(a, dir) / denom);
        (t > 0.0 && (-1e-9..=1.0 + 1e-9).contains(&s)).then_some(t)
    });
    hits.fold(None, |best: Option<f64>, t| Some(best.map_or(t, |b| b.min(t)))).unwrap_or(r)
}

pub(super) fn marker_path(marker: Marker, (x, y): (f64, f64), r: f64) -> Vec<(f64, f64)> {
    match marker {
        Marker::Circle => Vec::new(),
        Marker::Square => vec![(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)],
        Marker::Triangle => vec![(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)],
        Marker::Diamond => vec![(x, y - r * 1.3), (x + r * 1.3, y), (x, y + r * 1.3), (x - r * 1.3, y)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_shapes_change_when_colours_wrap() {
        assert_eq!(Marker::for_slot(0, 12), Marker::Circle);
        assert_eq!(Marker::for_slot(11, 12), Marker::Circle);
        assert_eq!(Marker::for_slot(12, 12), Marker::Square);
        assert_eq!(Marker::for_slot(30, 12), Marker::Triangle);
    }
}
