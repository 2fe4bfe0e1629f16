//! Text size estimates and label placement that keeps labels from overlapping.
//!
//! Sizes are estimated from character classes rather than measured, so layout is identical in
//! the browser and in native tests, and never needs a canvas.

/// Estimated width in pixels of `text` at `font_px`, for a sans-serif UI font.
/// Deliberately generous so placed labels do not touch.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' | ' ' => 0.32,
            'I' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' => 0.42,
            'M' | 'W' | 'm' | 'w' | '%' | '@' => 0.92,
            c if c.is_ascii_uppercase() || c.is_ascii_digit() || c == '+' || c == '−' => 0.66,
            _ => 0.56,
        })
        .sum::<f64>()
        * font_px
}

/// Estimated width of bold text (about 8 % wider than regular in common UI fonts).
pub fn bold_text_width(text: &str, font_px: f64) -> f64 {
    text_width(text, font_px) * 1.08
}

/// Places labels of height `height` along one axis near their wanted positions, keeping at
/// least `height` between neighbours and staying within `[min, max]`. Returns the placed
/// positions in the input order. Classic sweep: push down while sorted by wanted position,
/// then pull back up from the far end if the stack overflowed.
pub fn spread_1d(wanted: &[f64], height: f64, min: f64, max: f64) -> Vec<f64> {
    // (input position, wanted position), sorted by wanted position, then placed in place.
    let mut order: Vec<(usize, f64)> = wanted.iter().copied().enumerate().collect();
    crate::analysis::sorting::sort_by(&mut order, |a, b| a.1.total_cmp(&b.1));
    let mut floor = min;
    for (_, y) in order.iter_mut() {
        // Not `clamp`, which panics when a tiny plot makes `min > max`.
        *y = y.max(min).min(max).max(floor);
        floor = *y + height;
    }
    let mut ceiling = max;
    for (_, y) in order.iter_mut().rev() {
        *y = y.min(ceiling);
        ceiling = *y - height;
    }
    let mut placed = vec![0.0; wanted.len()];
    for (i, y) in order {
        if let Some(slot) = placed.get_mut(i) {
            *slot = y;
        }
    }
    placed
}

/// An axis-aligned rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn width(&self) -> f64 {
        self.right - self.left
    }
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.left && x <= self.right && y >= self.top && y <= self.bottom
    }
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right && other.left < self.right && self.top < other.bottom && other.top < self.bottom
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_scale_with_font_and_length() {
        assert!(text_width("IWM", 12.0) > text_width("IWC", 10.0));
        assert!((text_width("XLK", 10.0) - 19.8).abs() < 1e-9);
    }

    #[test]
    fn spread_keeps_order_and_spacing_and_bounds() {
        // Three labels wanting nearly the same spot, spaced 10 apart.
        let placed = spread_1d(&[50.0, 52.0, 49.0], 10.0, 0.0, 100.0);
        assert_eq!(placed, vec![59.0, 69.0, 49.0]);
        // Overflow at the bottom is pulled back up.
        let placed = spread_1d(&[95.0, 96.0, 97.0], 10.0, 0.0, 100.0);
        assert_eq!(placed, vec![80.0, 90.0, 100.0]);
        // Labels already apart do not move.
        assert_eq!(spread_1d(&[10.0, 40.0], 10.0, 0.0, 100.0), vec![10.0, 40.0]);
    }
}
