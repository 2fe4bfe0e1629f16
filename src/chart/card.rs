//! The note card's markup that reacts to nothing: its head, its sections and the sentiment
//! block, as [`Markup`] built once into their elements (`browser::markup::fill`).

use super::format::Format;
use super::markup::{band_class, band_text_class, gauge_marker, Markup};
use super::messages::Messages;
use super::words;
use crate::analysis::note::Section;
use crate::analysis::sentiment::{Band, Bands, Sentiment};

/// The card's head: the note's title (if any) and the line under it, its source and day and
/// then the link to the note (if any).
pub fn note_head(messages: &Messages, title: Option<&str>, meta: String, url: Option<&str>) -> Markup {
    let mut m = Markup::default();
    if let Some(t) = title {
        m.leaf("h3", &[("class", "rs-card-title"), ("data-testid", "card-title")], t.to_owned());
    }
    m.open("p").attr("class", "rs-card-meta").text(meta);
    if let Some(u) = url {
        m.text(words::META_SEPARATOR.into());
        m.leaf("a", &[("class", "rs-card-link"), ("href", u), ("target", "_blank"), ("rel", "noopener noreferrer")], messages.get("card.read").into());
    }
    m.close();
    m
}

/// The note's sections, each a fold: its heading, then its text.
pub fn note_sections(sections: &[Section]) -> Markup {
    let mut m = Markup::default();
    for s in sections {
        m.open("details").attr("class", "rs-section").leaf("summary", &[], s.heading.clone());
        m.leaf("p", &[("class", "rs-prose")], s.body.clone()).close();
    }
    m
}

/// The gauge's geometry in its own units (the markup's viewBox `0 -2 200 34`), for the card's
/// markup and its picture alike: a score's x, the band strip, the zero line, the needle and
/// the marker under it (`markup::gauge_marker`'s triangle, half as wide as [`GAUGE_MARKER`]).
pub const GAUGE_VIEW: (f64, f64, f64, f64) = (0.0, -2.0, 200.0, 34.0);
/// The bands' strip, the zero line, the needle: (top, bottom).
pub const GAUGE_BAND: (f64, f64) = (6.0, 18.0);
pub const GAUGE_ZERO: (f64, f64) = (4.0, 20.0);
pub const GAUGE_NEEDLE: (f64, f64) = (2.0, 22.0);
/// The marker's top (its point, at the needle's foot), bottom and width.
pub const GAUGE_MARKER: (f64, f64, f64) = (22.0, 30.0, 10.0);

/// A value's x on the gauge: −1 at 0, 1 at 200.
pub fn gauge_x(v: f64) -> f64 {
    (v + 1.0) * 100.0
}

/// Each band with its x and width on the gauge.
pub fn gauge_bands(bands: &Bands) -> impl Iterator<Item = (Band, f64, f64)> {
    bands.ranges().into_iter().zip(Band::ALL).map(|((from, to), band)| (band, gauge_x(from), gauge_x(to) - gauge_x(from)))
}

/// The sentiment's label and score (and a mark when the label disagrees with the score's
/// band), a gauge over −1..1 with the coloured `bands` and a needle at the score, its scale,
/// and what the disagreement means.
pub fn sentiment_block(messages: &Messages, s: &Sentiment, bands: &Bands, fmt: &dyn Format) -> Markup {
    let score = fmt.number(s.score, 2);
    let shown = s.label.clone().unwrap_or_else(|| words::band_name(messages, s.band).to_owned());
    let (alt, check) = words::sentiment_words(messages, &shown, &score, s.band, &s.label_check);
    let mut m = Markup::default();
    m.open("p").attr("class", "rs-sentiment-label");
    m.leaf("span", &[("class", &band_text_class(s.band))], shown);
    m.leaf("span", &[("class", "rs-sentiment-score")], score);
    if check.is_some() {
        m.leaf("span", &[("class", "rs-disagree"), ("data-testid", "disagree")], messages.get("card.disagree").into());
    }
    m.close().open("svg").attr("class", "rs-gauge").attr("viewBox", "0 -2 200 34").attr("role", "img").attr("aria-label", &alt).attr("data-testid", "gauge");
    for (band, x0, w) in gauge_bands(bands) {
        let (x0, w) = (x0.to_string(), w.to_string());
        m.open("rect").attr("class", &band_class(band)).attr("x", &x0).attr("y", "6").attr("width", &w).attr("height", "12").close();
    }
    let needle = gauge_x(s.score);
    let at = needle.to_string();
    m.open("g").open("line").attr("class", "rs-gauge-zero").attr("x1", "100").attr("y1", "4").attr("x2", "100").attr("y2", "20").close().close();
    m.open("path").attr("class", "rs-gauge-marker").attr("d", &gauge_marker(needle)).close();
    m.open("line").attr("class", "rs-gauge-needle").attr("x1", &at).attr("y1", "2").attr("x2", &at).attr("y2", "22").close();
    m.close().open("div").attr("class", "rs-gauge-scale").attr("aria-hidden", "true");
    for end in words::GAUGE_SCALE {
        m.leaf("span", &[], end.into());
    }
    m.close();
    if let Some(c) = check {
        m.leaf("p", &[("class", "rs-note")], c);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sentiment::LabelCheck;
    use crate::chart::markup::Node;

    #[test]
    fn the_note_head_is_title_then_source_day_and_link() {
        let m = note_head(&Messages::english(), Some("Small <caps> lead"), "Desk · Oct 2, 2026".into(), Some("https://example.org/n?a=1&b=2"));
        assert_eq!(
            m.html(),
            r#"<h3 class="rs-card-title" data-testid="card-title">Small &lt;caps> lead</h3><p class="rs-card-meta">Desk · Oct 2, 2026 · <a class="rs-card-link" href="https://example.org/n?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">Read the note</a></p>"#
        );
        // Text nodes, not one string: the source line, the separator, then the link.
        assert_eq!(m.0.iter().filter(|n| matches!(n, Node::Text(_))).count(), 4);
        assert_eq!(note_head(&Messages::english(), None, "Desk".into(), None).html(), r#"<p class="rs-card-meta">Desk</p>"#);
    }

    #[test]
    fn each_note_section_is_a_fold_with_its_heading() {
        let sections = [Section { heading: "Horizon".into(), body: "Three to six months.".into() }, Section { heading: "Risk".into(), body: "<b>A</b> fades.".into() }];
        assert_eq!(
            note_sections(&sections).html(),
            concat!(
                r#"<details class="rs-section"><summary>Horizon</summary><p class="rs-prose">Three to six months.</p></details>"#,
                r#"<details class="rs-section"><summary>Risk</summary><p class="rs-prose">&lt;b>A&lt;/b> fades.</p></details>"#
            )
        );
        assert_eq!(note_sections(&[]), Markup::default());
    }

    #[test]
    fn the_sentiment_block_is_label_score_gauge_and_scale() {
        // Cut points at ±0.5 and ±0.25: the gauge's x = (v + 1) × 100 puts the bands at 0, 50,
        // 75, 125 and 150, 50, 25, 50, 25 and 50 wide; a score of 0.5 is strongly positive
        // (the upper cut belongs to the band above) and its needle stands at 150.
        let bands = Bands([-0.5, -0.25, 0.25, 0.5]);
        let rects = concat!(
            r#"<rect class="rs-band rs-band-1" x="0" y="6" width="50" height="12"></rect>"#,
            r#"<rect class="rs-band rs-band-2" x="50" y="6" width="25" height="12"></rect>"#,
            r#"<rect class="rs-band rs-band-3" x="75" y="6" width="50" height="12"></rect>"#,
            r#"<rect class="rs-band rs-band-4" x="125" y="6" width="25" height="12"></rect>"#,
            r#"<rect class="rs-band rs-band-5" x="150" y="6" width="50" height="12"></rect>"#,
        );
        let gauge = |label: &str| {
            format!(
                concat!(
                    r#"<svg class="rs-gauge" viewBox="0 -2 200 34" role="img" aria-label="Sentiment: {}, score 0.50 on a scale from −1 to 1" data-testid="gauge">{}"#,
                    r#"<g><line class="rs-gauge-zero" x1="100" y1="4" x2="100" y2="20"></line></g>"#,
                    r#"<path class="rs-gauge-marker" d="M150 22 L145 30 L155 30 Z"></path>"#,
                    r#"<line class="rs-gauge-needle" x1="150" y1="2" x2="150" y2="22"></line></svg>"#,
                    r#"<div class="rs-gauge-scale" aria-hidden="true"><span>−1</span><span>0</span><span>+1</span></div>"#
                ),
                label, rects
            )
        };
        let agrees = Sentiment { score: 0.5, band: Band::StronglyPositive, label: None, label_check: LabelCheck::NoLabel };
        assert_eq!(
            sentiment_block(&Messages::english(), &agrees, &bands, &crate::chart::PlainFormat).html(),
            format!(r#"<p class="rs-sentiment-label"><span class="rs-sentiment-name rs-band-text-5">strongly positive</span><span class="rs-sentiment-score">0.50</span></p>{}"#, gauge("strongly positive"))
        );
        let disagrees = Sentiment { label: Some("bearish".into()), label_check: LabelCheck::NotOnScale, ..agrees };
        assert_eq!(
            sentiment_block(&Messages::english(), &disagrees, &bands, &crate::chart::PlainFormat).html(),
            format!(
                r#"<p class="rs-sentiment-label"><span class="rs-sentiment-name rs-band-text-5">bearish</span><span class="rs-sentiment-score">0.50</span><span class="rs-disagree" data-testid="disagree">label and score disagree</span></p>{}<p class="rs-note">“bearish” is not on this scale; the score 0.50 is strongly positive.</p>"#,
                gauge("bearish")
            )
        );
    }

    #[test]
    fn the_gauge_geometry_is_the_markups() {
        let html = sentiment_block(&Messages::english(), &Sentiment { score: -0.3, band: Band::MildlyNegative, label: None, label_check: LabelCheck::NoLabel }, &Bands([-0.5, -0.25, 0.25, 0.5]), &crate::chart::PlainFormat).html();
        let (x, y, w, h) = GAUGE_VIEW;
        assert!(html.contains(&format!(r#"viewBox="{x} {y} {w} {h}""#)), "{html}");
        assert!(html.contains(&format!(r#"y="{}" width="50" height="{}""#, GAUGE_BAND.0, GAUGE_BAND.1 - GAUGE_BAND.0)));
        assert!(html.contains(&format!(r#"x1="100" y1="{}" x2="100" y2="{}""#, GAUGE_ZERO.0, GAUGE_ZERO.1)));
        assert!(html.contains(&format!(r#"x1="70" y1="{}" x2="70" y2="{}""#, GAUGE_NEEDLE.0, GAUGE_NEEDLE.1)));
        let (top, bottom, width) = GAUGE_MARKER;
        assert!(html.contains(&format!(r#"d="M70 {top} L{} {bottom} L{} {bottom} Z""#, 70.0 - width / 2.0, 70.0 + width / 2.0)));
        assert_eq!((gauge_x(-1.0), gauge_x(0.0), gauge_x(1.0)), (0.0, 100.0, 200.0));
        let strip: Vec<_> = gauge_bands(&Bands([-0.5, -0.25, 0.25, 0.5])).collect();
        assert_eq!(strip, [(Band::StronglyNegative, 0.0, 50.0), (Band::MildlyNegative, 50.0, 25.0), (Band::Neutral, 75.0, 50.0), (Band::MildlyPositive, 125.0, 25.0), (Band::StronglyPositive, 150.0, 50.0)]);
    }
}
