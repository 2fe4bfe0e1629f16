//! Colours. The CSS file (`www/rotascope.css`) defines the same values as custom properties so
//! publishers can override them; the browser layer reads those properties into a [`Palette`]
//! and a native test keeps the two in step.

use std::fmt;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rgb`, `#rrggbb` or `rgb(r, g, b)` (what `getComputedStyle` returns).
    pub fn parse(text: &str) -> Option<Rgb> {
        let t = text.trim();
        if let Some(hex) = t.strip_prefix('#') {
            let digit = |i: usize, len: usize| u8::from_str_radix(hex.get(i..i + len)?, 16).ok();
            return match hex.len() {
                3 => Some(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
                6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
                _ => None,
            };
        }
        let inner = t.strip_prefix("rgb(").or_else(|| t.strip_prefix("rgba("))?.strip_suffix(')')?;
        let mut parts = inner.split([',', ' ', '/']).filter(|p| !p.is_empty());
        let mut channel = || parts.next()?.trim().parse::<f64>().ok().map(|v| v.round().clamp(0.0, 255.0) as u8);
        Some(Rgb(channel()?, channel()?, channel()?))
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Linear blend toward `other` by `t` in 0..=1 (used for faded tails on an opaque canvas).
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Every colour a chart uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
    pub axis: Rgb,
    /// Quadrant fills: leading, weakening, lagging, improving.
    pub quadrants: [Rgb; 4],
    /// Quadrant name colours, same order (readable on their fills).
    pub quadrant_text: [Rgb; 4],
    /// Categorical colours, assigned to symbols in order, the same in every view.
    pub series: Vec<Rgb>,
}

/// The CSS custom property behind each palette colour (without the `--rs-` prefix), in the
/// order [`Palette::slots_mut`] returns them.
pub const CSS_NAMES: [&str; 13] = [
    "bg", "fg", "muted", "grid", "axis",
    "leading", "weakening", "lagging", "improving",
    "leading-text", "weakening-text", "lagging-text", "improving-text",
];

/// Number of series colours (`--rs-series-1` ... `--rs-series-12`).
pub const SERIES_COLOURS: usize = 12;

impl Palette {
    pub fn light() -> Palette {
        Palette {
            background: Rgb(0xff, 0xff, 0xff),
            text: Rgb(0x1b, 0x1f, 0x24),
            muted: Rgb(0x5b, 0x63, 0x6e),
            grid: Rgb(0xe6, 0xe9, 0xee),
            axis: Rgb(0x9a, 0xa3, 0xae),
            quadrants: [Rgb(0xe8, 0xf6, 0xec), Rgb(0xfd, 0xf6, 0xe0), Rgb(0xfc, 0xeb, 0xec), Rgb(0xe9, 0xf1, 0xfc)],
            quadrant_text: [Rgb(0x1e, 0x6b, 0x3a), Rgb(0x7a, 0x5a, 0x00), Rgb(0xa3, 0x24, 0x2f), Rgb(0x1f, 0x55, 0xa8)],
            series: vec![
                Rgb(0x1f, 0x5f, 0xc4), Rgb(0xb0, 0x45, 0x00), Rgb(0x13, 0x7a, 0x44), Rgb(0xb0, 0x1e, 0x5c),
                Rgb(0x6a, 0x3f, 0xc4), Rgb(0x00, 0x73, 0x80), Rgb(0x80, 0x60, 0x00), Rgb(0xc2, 0x1f, 0x1f),
                Rgb(0x4a, 0x55, 0x63), Rgb(0x8b, 0x4a, 0x1c), Rgb(0x00, 0x6d, 0xb3), Rgb(0x4d, 0x70, 0x00),
            ],
        }
    }

    pub fn dark() -> Palette {
        Palette {
            background: Rgb(0x12, 0x16, 0x1c),
            text: Rgb(0xe8, 0xeb, 0xef),
            muted: Rgb(0xa0, 0xa9, 0xb4),
            grid: Rgb(0x27, 0x2e, 0x37),
            axis: Rgb(0x5d, 0x67, 0x73),
            quadrants: [Rgb(0x13, 0x2b, 0x1f), Rgb(0x2d, 0x28, 0x12), Rgb(0x32, 0x19, 0x1c), Rgb(0x15, 0x23, 0x38)],
            quadrant_text: [Rgb(0x7f, 0xd8, 0x9c), Rgb(0xf0, 0xcf, 0x6a), Rgb(0xff, 0x9b, 0xa3), Rgb(0x8f, 0xbc, 0xff)],
            series: vec![
                Rgb(0x6f, 0xa8, 0xff), Rgb(0xff, 0x9d, 0x52), Rgb(0x4f, 0xd1, 0x8b), Rgb(0xff, 0x7e, 0xb3),
                Rgb(0xb8, 0x9a, 0xff), Rgb(0x3f, 0xd0, 0xdf), Rgb(0xf0, 0xc4, 0x19), Rgb(0xff, 0x7b, 0x72),
                Rgb(0xb8, 0xc2, 0xce), Rgb(0xe0, 0xa8, 0x78), Rgb(0x6c, 0xc8, 0xff), Rgb(0xb6, 0xdd, 0x5a),
            ],
        }
    }

    /// The colour for the symbol at position `index` of the widget's symbol order (the text
    /// colour if a publisher's palette has no series colours).
    pub fn series_colour(&self, index: usize) -> Rgb {
        self.series.get(index.checked_rem(self.series.len()).unwrap_or(0)).copied().unwrap_or(self.text)
    }

    /// A quadrant's fill and its name's colour.
    pub fn quadrant_colours(&self, quadrant: crate::analysis::rotation::Quadrant) -> (Rgb, Rgb) {
        let i = quadrant.index();
        (self.quadrants.get(i).copied().unwrap_or(self.background), self.quadrant_text.get(i).copied().unwrap_or(self.text))
    }

    /// Mutable slots in [`CSS_NAMES`] order, for reading overrides from CSS.
    pub fn slots_mut(&mut self) -> [&mut Rgb; 13] {
        let [l, w, g, i] = &mut self.quadrants;
        let [lt, wt, gt, it] = &mut self.quadrant_text;
        [
            &mut self.background, &mut self.text, &mut self.muted, &mut self.grid, &mut self.axis,
            l, w, g, i, lt, wt, gt, it,
        ]
    }
}

/// The scheme a page declares in a `color-scheme` value (the root element's computed style, or
/// a `<meta name="color-scheme">`'s content): dark (`true`) or light (`false`) when it names
/// exactly one of them, `None` when it names both or neither (then the reader's system decides).
pub fn declared_scheme(value: &str) -> Option<bool> {
    let words: Vec<String> = value.split_whitespace().map(str::to_ascii_lowercase).collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    match (has("light"), has("dark")) {
        (true, false) => Some(false),
        (false, true) => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_declares_a_scheme_only_by_naming_exactly_one() {
        assert_eq!(declared_scheme("dark"), Some(true));
        assert_eq!(declared_scheme("only dark"), Some(true));
        assert_eq!(declared_scheme(" Light "), Some(false));
        assert_eq!(declared_scheme("light only"), Some(false));
        for both_or_none in ["light dark", "dark light", "normal", "", "only"] {
            assert_eq!(declared_scheme(both_or_none), None, "{both_or_none:?}");
        }
    }

    #[test]
    fn parses_css_colours() {
        assert_eq!(Rgb::parse("#1f5fc4"), Some(Rgb(0x1f, 0x5f, 0xc4)));
        assert_eq!(Rgb::parse(" #fff "), Some(Rgb(255, 255, 255)));
        assert_eq!(Rgb::parse("rgb(18, 22, 28)"), Some(Rgb(18, 22, 28)));
        assert_eq!(Rgb::parse("rgb(18 22 28 / 50%)"), Some(Rgb(18, 22, 28)));
        assert_eq!(Rgb::parse("rgba(1, 2, 3, 0.5)"), Some(Rgb(1, 2, 3)));
        assert_eq!(Rgb::parse("red"), None);
        assert_eq!(Rgb::parse("#12345"), None);
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((Rgb(0, 0, 0).contrast(Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        // #777777 on white is the classic 4.48:1.
        assert!((Rgb(0x77, 0x77, 0x77).contrast(Rgb(255, 255, 255)) - 4.48).abs() < 0.01);
    }

    /// Series colours are used for ticker labels, so they must read as text (WCAG AA 4.5:1)
    /// on the background and on every quadrant fill; quadrant names likewise on their fill.
    #[test]
    fn every_palette_colour_meets_wcag_aa_for_text() {
        for (name, p) in [("light", Palette::light()), ("dark", Palette::dark())] {
            assert_eq!(p.series.len(), SERIES_COLOURS);
            for surface in std::iter::once(p.background).chain(p.quadrants) {
                for (k, c) in p.series.iter().enumerate() {
                    let ratio = c.contrast(surface);
                    assert!(ratio >= 4.5, "{name} series {k} {c} on {surface}: {ratio:.2}");
                }
                for text in [p.text, p.muted] {
                    assert!(text.contrast(surface) >= 4.5, "{name} text {text} on {surface}");
                }
            }
            for (fill, text) in p.quadrants.iter().zip(p.quadrant_text) {
                assert!(text.contrast(*fill) >= 4.5, "{name} quadrant text {text} on {fill}");
            }
        }
    }
}
