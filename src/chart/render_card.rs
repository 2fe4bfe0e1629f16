//! The research note card as a picture (`rotascope-tool render --view card`): what the widget's
//! card shows at first sight, top to bottom — the note's title, its source and day, the
//! sentiment's label and score over the gauge (the bands and marks of [`super::card`]'s gauge),
//! the summary, the ticker chips, the sections' headings (folded, as the widget first shows
//! them) and each checked figure with its verdict in the verdict's colour. Laid out as a
//! [`CardView`] (device pixels; its height follows the content) and painted through a
//! [`Painter`]. Left out: the link to the note, the rotation alerts and the note's warnings.

use super::card::{gauge_bands, gauge_x, GAUGE_BAND, GAUGE_MARKER, GAUGE_NEEDLE, GAUGE_VIEW, GAUGE_ZERO};
use super::claims::claim_text;
use super::curve::Point;
use super::format::Format;
use super::labels::{bold_text_width, text_width};
use super::messages::Messages;
use super::paint::{Align, Baseline, Ink, Painter, SvgPainter, TextStyle};
use super::render::{image_title, svg_document, Image};
use super::theme::{Palette, Rgb};
use super::words;
use crate::analysis::claims::{check_claim, Outcome};
use crate::analysis::note::Note;
use crate::analysis::rotation::Quadrant;
use crate::analysis::sentiment::{read_sentiment, Band, Bands};
use crate::analysis::PriceTable;

/// The card's colours beyond the chart palette (the stylesheet's `--rs-surface`,
/// `--rs-border` and `--rs-band-1` … `--rs-band-5`; `tests/theme_css.rs` keeps them in step).
#[derive(Debug, Clone, PartialEq)]
pub struct CardColours {
    pub surface: Rgb,
    pub border: Rgb,
    /// The gauge's bands, most negative first.
    pub bands: [Rgb; 5],
}

impl CardColours {
    pub fn light() -> CardColours {
        CardColours {
            surface: Rgb(0xf5, 0xf7, 0xfa),
            border: Rgb(0xd9, 0xde, 0xe5),
            bands: [Rgb(0xa3, 0x24, 0x2f), Rgb(0xe3, 0x86, 0x8e), Rgb(0xb8, 0xbe, 0xc7), Rgb(0x6c, 0xbf, 0x8f), Rgb(0x1e, 0x6b, 0x3a)],
        }
    }

    pub fn dark() -> CardColours {
        CardColours {
            surface: Rgb(0x1a, 0x20, 0x29),
            border: Rgb(0x2f, 0x38, 0x44),
            bands: [Rgb(0xff, 0x7b, 0x72), Rgb(0xb8, 0x5a, 0x61), Rgb(0x5d, 0x67, 0x73), Rgb(0x3f, 0x8f, 0x60), Rgb(0x7f, 0xd8, 0x9c)],
        }
    }

    /// A band's colour on the gauge.
    pub fn band(&self, band: Band) -> Rgb {
        self.bands.get(band.index()).copied().unwrap_or(self.border)
    }
}

/// What the card image shows, besides the note: its width, the device pixel ratio, the
/// colours, the configured title, and what the widget checks the claims with.
#[derive(Debug, Clone)]
pub struct CardSpec<'a> {
    /// Width in CSS pixels.
    pub width: f64,
    pub scale: f64,
    pub palette: &'a Palette,
    pub colours: &'a CardColours,
    /// The widget's configured title.
    pub title: Option<&'a str>,
    pub bands: &'a Bands,
    /// Claim-check tolerance in percentage points.
    pub tolerance: f64,
    /// The prices and the benchmark's position in them (without, claims cannot be checked).
    pub table: Option<&'a PriceTable>,
    pub benchmark: Option<usize>,
}

/// One thing painted on the card, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Text { text: String, at: Point, style: TextStyle, colour: Rgb },
    Rect { a: Point, b: Point, colour: Rgb },
    Line { points: Vec<Point>, colour: Rgb, width: f64, dash: Option<(f64, f64)> },
    Polygon { points: Vec<Point>, colour: Rgb },
}

/// Where the gauge stands: its left edge and the y of its viewBox's top, in device pixels,
/// and device pixels per gauge unit (the gauge is 200 units wide).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GaugeBox {
    pub left: f64,
    pub top: f64,
    pub unit: f64,
}

impl GaugeBox {
    /// A point given in the gauge's units.
    pub fn at(&self, x: f64, y: f64) -> Point {
        (self.left + (x - GAUGE_VIEW.0) * self.unit, self.top + (y - GAUGE_VIEW.1) * self.unit)
    }
}

/// One checked figure's place: its rows' top and bottom, and its verdict's colour.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    pub top: f64,
    pub bottom: f64,
    pub verdict: String,
    pub colour: Rgb,
}

/// The card laid out, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct CardView {
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
    /// The gauge (none when the note has no usable sentiment).
    pub gauge: Option<GaugeBox>,
    pub claims: Vec<ClaimRow>,
    /// The card's text in reading order: the sentiment, the summary, each claim and verdict.
    pub alt: String,
}

/// `text` broken into lines no wider than `width` (by [`text_width`]'s estimate) at the
/// spaces; a line break in the text starts a new line (the widget's `pre-line`); a word
/// longer than the width stands on a line of its own.
pub fn wrap(text: &str, px: f64, bold: bool, width: f64) -> Vec<String> {
    let measure = |s: &str| if bold { bold_text_width(s, px) } else { text_width(s, px) };
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let longer = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if !line.is_empty() && measure(&longer) > width {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            } else {
                line = longer;
            }
        }
        lines.push(line);
    }
    lines
}

/// The CSS sizes of the widget's card (`www/rotascope.css`), in CSS pixels.
const PAD: (f64, f64) = (14.0, 12.0);
const LINE: f64 = 1.45;
const GAUGE_MAX: f64 = 280.0;
/// The image's DejaVu Sans sets text about 5 % wider than [`text_width`] estimates the
/// widget's system fonts: lines are wrapped to the width divided by this, so none overruns.
const IMAGE_FONT_WIDER: f64 = 1.1;

/// The flow of the card: marks placed down the page from `y`.
struct Flow {
    u: f64,
    left: f64,
    right: f64,
    y: f64,
    marks: Vec<Mark>,
}

impl Flow {
    fn style(&self, px: f64, bold: bool, align: Align) -> TextStyle {
        TextStyle { px: px * self.u, bold, align, baseline: Baseline::Top, upward: false }
    }

    /// A paragraph at `indent` CSS pixels from the left, `px` high, in lines of `line` × px.
    fn paragraph(&mut self, text: &str, px: f64, bold: bool, line: f64, indent: f64, colour: Rgb) {
        let x = self.left + indent * self.u;
        for l in wrap(text, px * self.u, bold, (self.right - x) / IMAGE_FONT_WIDER) {
            let style = self.style(px, bold, Align::Left);
            // The text's top sits half the leading below the line's top.
            let at = (x, self.y + (line - 1.0) * px * self.u / 2.0);
            if !l.is_empty() {
                self.marks.push(Mark::Text { text: l, at, style, colour });
            }
            self.y += line * px * self.u;
        }
    }

    fn space(&mut self, css: f64) {
        self.y += css * self.u;
    }
}

/// A pill from `a` (top left) to `b` (bottom right): its outline as a closed polyline.
fn pill(a: Point, b: Point) -> Vec<Point> {
    let r = (b.1 - a.1) / 2.0;
    let (cy, left, right) = (a.1 + r, a.0 + r, b.0 - r);
    let arc = |cx: f64, from: f64| (0..=8).map(move |k| from + std::f64::consts::PI * f64::from(k) / 8.0).map(move |t| (cx + r * t.cos(), cy - r * t.sin()));
    let mut points: Vec<Point> = arc(left, std::f64::consts::FRAC_PI_2).chain(arc(right, -std::f64::consts::FRAC_PI_2)).collect();
    if let Some(first) = points.first().copied() {
        points.push(first);
    }
    points
}

/// The card laid out for `note`, in `m`'s language.
pub fn card_view(m: &Messages, note: &Note, spec: &CardSpec, fmt: &dyn Format) -> CardView {
    let (u, palette, colours) = (spec.scale, spec.palette, spec.colours);
    let width = (spec.width * u).round();
    let mut f = Flow { u, left: PAD.0 * u, right: width - PAD.0 * u, y: PAD.1 * u, marks: Vec::new() };
    let (leading, lagging) = (palette.quadrant_colours(Quadrant::Leading).1, palette.quadrant_colours(Quadrant::Lagging).1);
    let mut alt = Vec::new();

    // The head: the title, then its source and day.
    if let Some(t) = &note.title {
        f.paragraph(t, 15.0, true, 1.3, 0.0, palette.text);
        f.space(2.0);
    }
    let meta = words::note_meta(note.source.as_deref(), note.published.map(|d| fmt.date(d)).as_deref());
    f.paragraph(&meta, 12.0, false, LINE, 0.0, palette.muted);
    f.space(10.0);

    // The sentiment: label and score (and the mark when they disagree), the gauge, its scale.
    let mut gauge = None;
    if let Some(ns) = &note.sentiment {
        match read_sentiment(ns.label.as_deref(), ns.score, spec.bands) {
            Ok(s) => {
                let score = fmt.number(s.score, 2);
                let shown = s.label.clone().unwrap_or_else(|| words::band_name(m, s.band).to_owned());
                let (said, check) = words::sentiment_words(m, &shown, &score, s.band, &s.label_check);
                alt.push(format!("{said}."));
                let name_colour = match s.band {
                    Band::StronglyNegative | Band::MildlyNegative => lagging,
                    Band::Neutral => palette.text,
                    Band::MildlyPositive | Band::StronglyPositive => leading,
                };
                let top = f.y;
                let mut x = f.left;
                f.marks.push(Mark::Text { text: shown.clone(), at: (x, top), style: f.style(15.0, true, Align::Left), colour: name_colour });
                x += bold_text_width(&shown, 15.0 * u) * IMAGE_FONT_WIDER + 10.0 * u;
                f.marks.push(Mark::Text { text: score.clone(), at: (x, top + 2.0 * u), style: f.style(13.0, false, Align::Left), colour: palette.muted });
                x += text_width(&score, 13.0 * u) * IMAGE_FONT_WIDER + 10.0 * u;
                if check.is_some() {
                    let disagree = m.get("card.disagree");
                    let w = bold_text_width(disagree, 12.0 * u) + 10.0 * u;
                    f.marks.push(Mark::Line { points: pill((x, top + 1.0 * u), (x + w, top + 19.0 * u)), colour: lagging, width: u, dash: None });
                    f.marks.push(Mark::Text { text: disagree.into(), at: (x + 5.0 * u, top + 4.0 * u), style: f.style(12.0, true, Align::Left), colour: lagging });
                }
                f.y = top + 15.0 * LINE * u + 6.0 * u;
                let g = GaugeBox { left: f.left, top: f.y, unit: GAUGE_MAX.min(spec.width - 2.0 * PAD.0).max(0.0) * u / GAUGE_VIEW.2 };
                for (band, x0, w) in gauge_bands(spec.bands) {
                    f.marks.push(Mark::Rect { a: g.at(x0, GAUGE_BAND.0), b: g.at(x0 + w, GAUGE_BAND.1), colour: colours.band(band) });
                }
                let zero = gauge_x(0.0);
                f.marks.push(Mark::Line { points: vec![g.at(zero, GAUGE_ZERO.0), g.at(zero, GAUGE_ZERO.1)], colour: palette.background, width: g.unit, dash: None });
                let needle = gauge_x(s.score);
                let (m_top, m_bottom, m_width) = GAUGE_MARKER;
                f.marks.push(Mark::Polygon { points: vec![g.at(needle, m_top), g.at(needle - m_width / 2.0, m_bottom), g.at(needle + m_width / 2.0, m_bottom)], colour: palette.text });
                f.marks.push(Mark::Line { points: vec![g.at(needle, GAUGE_NEEDLE.0), g.at(needle, GAUGE_NEEDLE.1)], colour: palette.text, width: 2.5 * g.unit, dash: None });
                f.y = g.at(0.0, GAUGE_VIEW.1 + GAUGE_VIEW.3).1;
                let (scale_left, scale_right) = (g.at(0.0, 0.0).0, g.at(GAUGE_VIEW.2, 0.0).0);
                let [low, mid, high] = words::GAUGE_SCALE;
                for (text, x, align) in [(low, scale_left, Align::Left), (mid, (scale_left + scale_right) / 2.0, Align::Centre), (high, scale_right, Align::Right)] {
                    f.marks.push(Mark::Text { text: text.into(), at: (x, f.y), style: f.style(11.0, false, align), colour: palette.muted });
                }
                f.space(11.0 * LINE);
                gauge = Some(g);
                if let Some(c) = check {
                    f.space(8.0);
                    f.paragraph(&c, 12.0, false, LINE, 0.0, palette.muted);
                    alt.push(c);
                }
            }
            Err(message) => {
                f.paragraph(&message, 13.0, false, LINE, 0.0, lagging);
                alt.push(format!("{message}."));
            }
        }
    }

    // The summary.
    if let Some(s) = &note.summary {
        f.space(6.0);
        f.paragraph(s, 13.0, false, LINE, 0.0, palette.text);
        f.space(6.0);
        alt.push(s.clone());
    }

    // The chips: a pill per ticker, dashed and muted for one the prices do not have.
    if !note.tickers.is_empty() {
        f.space(8.0);
        let (h, gap) = (12.0 * LINE * u + 4.0 * u, 5.0 * u);
        let mut x = f.left;
        for t in &note.tickers {
            let w = bold_text_width(t, 12.0 * u) + 20.0 * u;
            if x > f.left && x + w > f.right {
                x = f.left;
                f.y += h + gap;
            }
            let in_data = spec.table.is_some_and(|table| table.position(t).is_some());
            let outline = pill((x, f.y), (x + w, f.y + h));
            f.marks.push(Mark::Polygon { points: outline.clone(), colour: palette.background });
            f.marks.push(Mark::Line { points: outline, colour: colours.border, width: u, dash: (!in_data).then_some((3.0 * u, 2.0 * u)) });
            f.marks.push(Mark::Text { text: t.clone(), at: (x + w / 2.0, f.y + h / 2.0), style: TextStyle { baseline: Baseline::Middle, ..f.style(12.0, true, Align::Centre) }, colour: if in_data { palette.text } else { palette.muted } });
            x += w + gap;
        }
        f.y += h;
        f.space(8.0);
    }

    // The sections, folded: a rule and each heading.
    for s in &note.sections {
        f.marks.push(Mark::Rect { a: (f.left, f.y), b: (f.right, f.y + u), colour: colours.border });
        f.space(10.0);
        f.paragraph(&s.heading, 13.0, true, LINE, 0.0, palette.text);
        f.space(6.0);
    }

    // The checked figures: each claim, its figures, its verdict in the verdict's colour, the
    // figure now and the call since the note.
    let mut claims = Vec::new();
    if !note.claims.is_empty() {
        let heading = m.get("claim.heading");
        f.space(14.0);
        f.paragraph(&heading.to_uppercase(), 12.0, false, LINE, 0.0, palette.muted);
        f.space(6.0);
        let benchmark = spec.table.zip(spec.benchmark).and_then(|(t, b)| t.series.get(b)).map(|s| s.symbol.clone());
        let mut said = Vec::new();
        for c in &note.claims {
            let check = check_claim(spec.table, spec.benchmark, note.published, &c.claim, spec.tolerance);
            let t = claim_text(m, &c.claim, &check, spec.tolerance, benchmark.as_deref(), fmt);
            let (colour, edge) = match &check.outcome {
                Outcome::Matches { .. } => (leading, leading),
                Outcome::Differs { .. } => (lagging, lagging),
                Outcome::Unchecked { .. } => (palette.muted, colours.border),
            };
            let top = f.y;
            f.paragraph(&c.text, 13.0, false, LINE, 12.0, palette.text);
            let mut figures = String::new();
            if let Some(s) = &t.stated {
                figures.push_str(m.get("claim.stated"));
                figures.push_str(s);
            }
            if let Some(s) = &t.computed {
                figures.push_str(m.get("claim.computed"));
                figures.push_str(s);
            }
            if let Some(b) = &t.basis {
                figures.push_str(&words::basis_aside(m, b));
            }
            if !figures.is_empty() {
                f.paragraph(figures.trim_start(), 13.0, false, LINE, 12.0, palette.text);
            }
            f.paragraph(&t.verdict, 13.0, true, LINE, 12.0, colour);
            if let Some(n) = &t.now {
                f.paragraph(n, 13.0, false, LINE, 12.0, palette.text);
            }
            if let Some(s) = &t.since {
                let held = match t.held {
                    Some(true) => leading,
                    Some(false) => lagging,
                    None => palette.text,
                };
                f.paragraph(s, 13.0, true, LINE, 12.0, held);
            }
            f.marks.push(Mark::Rect { a: (f.left, top), b: (f.left + 3.0 * u, f.y), colour: edge });
            claims.push(ClaimRow { top, bottom: f.y, verdict: t.verdict.clone(), colour });
            said.push(format!("{}: {}.", c.text.trim().trim_end_matches('.'), t.verdict));
            f.space(8.0);
        }
        alt.push(format!("{heading}: {}", said.join(" ")));
    }
    let height = (f.y + PAD.1 * u).round();
    CardView { width, height, marks: f.marks, gauge, claims, alt: alt.join(" ") }
}

/// Paints the card's marks.
pub fn draw_card(pen: &mut dyn Painter, view: &CardView) {
    for m in &view.marks {
        match m {
            Mark::Text { text, at, style, colour } => pen.text(text, *at, *style, Ink::solid(*colour)),
            Mark::Rect { a, b, colour } => pen.fill_rect(*a, *b, Ink::solid(*colour)),
            Mark::Line { points, colour, width, dash } => pen.stroke_polyline(points, Ink::solid(*colour), *width, *dash),
            Mark::Polygon { points, colour } => pen.fill_polygon(points, Ink::solid(*colour)),
        }
    }
}

/// The card as an SVG document with its alt text, on the card's surface colour.
pub fn render_card(m: &Messages, note: &Note, spec: &CardSpec, fmt: &dyn Format) -> Image {
    let view = card_view(m, note, spec, fmt);
    let mut pen = SvgPainter::default();
    draw_card(&mut pen, &view);
    let title = image_title(spec.title, note.title.clone().unwrap_or_else(|| m.get("card.label").to_owned()));
    let svg = svg_document(&pen.body, view.width, view.height, &title, &view.alt, spec.colours.surface);
    Image { svg, alt: view.alt, title, width: view.width, height: view.height }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_at_spaces_within_the_width_and_keeps_line_breaks() {
        // At 10 px "aaaa" is 22.4 px wide, "aaaa aaaa" 48 px (two of them and a 3.2 px space).
        assert_eq!(wrap("aaaa aaaa aaaa", 10.0, false, 48.1), ["aaaa aaaa", "aaaa"]);
        assert_eq!(wrap("aaaa aaaa aaaa", 10.0, false, 47.9), ["aaaa", "aaaa", "aaaa"]);
        assert_eq!(wrap("a\nb", 10.0, false, 500.0), ["a", "b"]);
        assert_eq!(wrap("aaaaaaaaaaaa b", 10.0, false, 20.0), ["aaaaaaaaaaaa", "b"]);
        assert_eq!(wrap("", 10.0, false, 20.0), [""]);
    }

    #[test]
    fn a_pill_is_closed_and_spans_its_box() {
        let p = pill((10.0, 0.0), (50.0, 20.0));
        assert_eq!(p.first(), p.last());
        let (min_x, max_x) = p.iter().fold((f64::MAX, f64::MIN), |(lo, hi), q| (lo.min(q.0), hi.max(q.0)));
        let (min_y, max_y) = p.iter().fold((f64::MAX, f64::MIN), |(lo, hi), q| (lo.min(q.1), hi.max(q.1)));
        assert!((min_x - 10.0).abs() < 1e-9 && (max_x - 50.0).abs() < 1e-9 && min_y.abs() < 1e-9 && (max_y - 20.0).abs() < 1e-9);
    }
}
