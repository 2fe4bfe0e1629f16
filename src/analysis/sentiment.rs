//! Sentiment bands: where a score on −1..1 falls, and whether a note's own label agrees.
//!
//! # Formula
//!
//! With cut points `t = [−0.6, −0.15, 0.15, 0.6]` (overridable):
//!
//! | score `s` | band |
//! |---|---|
//! | `s ≤ t0` | strongly negative |
//! | `t0 < s ≤ t1` | mildly negative |
//! | `t1 < s < t2` | neutral |
//! | `t2 ≤ s < t3` | mildly positive |
//! | `s ≥ t3` | strongly positive |
//!
//! The boundaries belong to the outer band on both sides (−0.6 is strongly negative, 0.6
//! strongly positive, ±0.15 mildly), so the scale is symmetric.
//!
//! # Edge cases
//!
//! A score that is not a finite number or lies outside −1..1 is an error (the card says so; the
//! charts are unaffected). A label that is not one of the five is kept as given and reported
//! as not on the scale.

use super::error::{Reason, BAND_CUTS, SENTIMENT_MISSING, SENTIMENT_RANGE};
use super::said::Said;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    StronglyNegative,
    MildlyNegative,
    Neutral,
    MildlyPositive,
    StronglyPositive,
}

impl Band {
    pub const ALL: [Band; 5] = [Band::StronglyNegative, Band::MildlyNegative, Band::Neutral, Band::MildlyPositive, Band::StronglyPositive];

    pub fn label(self) -> &'static str {
        match self {
            Band::StronglyNegative => "strongly negative",
            Band::MildlyNegative => "mildly negative",
            Band::Neutral => "neutral",
            Band::MildlyPositive => "mildly positive",
            Band::StronglyPositive => "strongly positive",
        }
    }

    /// Reads a label in any case, with spaces, hyphens or underscores: "Mildly-Positive".
    pub fn parse(label: &str) -> Option<Band> {
        let norm: String = label.trim().to_ascii_lowercase().chars().map(|c| if c == '-' || c == '_' { ' ' } else { c }).collect();
        let norm = norm.split_whitespace().collect::<Vec<_>>().join(" ");
        Band::ALL.into_iter().find(|b| b.label() == norm)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The four cut points between the five bands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bands(pub [f64; 4]);

impl Default for Bands {
    fn default() -> Self {
        Bands([-0.6, -0.15, 0.15, 0.6])
    }
}

impl Bands {
    /// Cut points must be finite, strictly increasing and inside −1..1.
    pub fn new(cuts: [f64; 4]) -> Result<Bands, Said> {
        if cuts.iter().any(|c| !c.is_finite() || c.abs() > 1.0) || cuts.iter().zip(cuts.iter().skip(1)).any(|(a, b)| a >= b) {
            return Err(Said::new(BAND_CUTS, &[("cuts", &format!("{cuts:?}"))]));
        }
        Ok(Bands(cuts))
    }

    /// # Example
    /// ```
    /// use rotascope::analysis::sentiment::{Band, Bands};
    /// let b = Bands::default();
    /// assert_eq!(b.band(0.45), Band::MildlyPositive);
    /// assert_eq!(b.band(0.15), Band::MildlyPositive); // the boundary is mildly positive
    /// assert_eq!(b.band(0.1499), Band::Neutral);
    /// ```
    pub fn band(&self, score: f64) -> Band {
        let [t0, t1, t2, t3] = self.0;
        if score <= t0 {
            Band::StronglyNegative
        } else if score <= t1 {
            Band::MildlyNegative
        } else if score < t2 {
            Band::Neutral
        } else if score < t3 {
            Band::MildlyPositive
        } else {
            Band::StronglyPositive
        }
    }

    /// The score range of each band, for drawing the gauge: (from, to) on −1..1.
    pub fn ranges(&self) -> [(f64, f64); 5] {
        let [t0, t1, t2, t3] = self.0;
        [(-1.0, t0), (t0, t1), (t1, t2), (t2, t3), (t3, 1.0)]
    }
}

/// How a note's own label relates to the band of its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LabelCheck {
    /// No label given: the band's label is used.
    NoLabel,
    Agrees,
    /// The label names another band.
    Disagrees { label_band: Band },
    /// The label is not one of the five.
    NotOnScale,
}

/// A validated sentiment: the score, its band, and the label as given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentiment {
    pub score: f64,
    pub band: Band,
    pub label: Option<String>,
    pub label_check: LabelCheck,
}

/// Reads a sentiment, or says why the score is unusable.
pub fn read_sentiment(label: Option<&str>, score: Option<f64>, bands: &Bands) -> Result<Sentiment, Reason> {
    let score = score.ok_or_else(|| Reason::from(Said::plain(SENTIMENT_MISSING)))?;
    if !score.is_finite() || !(-1.0..=1.0).contains(&score) {
        return Err(Said::new(SENTIMENT_RANGE, &[("score", &score.to_string())]).into());
    }
    let band = bands.band(score);
    let label = label.map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned);
    let label_check = match label.as_deref().map(Band::parse) {
        None => LabelCheck::NoLabel,
        Some(Some(b)) if b == band => LabelCheck::Agrees,
        Some(Some(b)) => LabelCheck::Disagrees { label_band: b },
        Some(None) => LabelCheck::NotOnScale,
    };
    Ok(Sentiment { score, band, label, label_check })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_boundaries_follow_the_specification_exactly() {
        let b = Bands::default();
        let cases = [
            (-1.0, Band::StronglyNegative),
            (-0.6, Band::StronglyNegative),
            (-0.5999, Band::MildlyNegative),
            (-0.15, Band::MildlyNegative),
            (-0.1499, Band::Neutral),
            (0.0, Band::Neutral),
            (0.1499, Band::Neutral),
            (0.15, Band::MildlyPositive),
            (0.45, Band::MildlyPositive),
            (0.5999, Band::MildlyPositive),
            (0.6, Band::StronglyPositive),
            (1.0, Band::StronglyPositive),
        ];
        for (score, band) in cases {
            assert_eq!(b.band(score), band, "score {score}");
        }
    }

    #[test]
    fn labels_parse_loosely_and_disagreement_is_marked() {
        assert_eq!(Band::parse("Mildly-Positive"), Some(Band::MildlyPositive));
        assert_eq!(Band::parse("  strongly_negative "), Some(Band::StronglyNegative));
        assert_eq!(Band::parse("bullish"), None);
        let b = Bands::default();
        let s = read_sentiment(Some("mildly positive"), Some(0.45), &b).unwrap();
        assert_eq!(s.label_check, LabelCheck::Agrees);
        let s = read_sentiment(Some("strongly positive"), Some(0.45), &b).unwrap();
        assert_eq!(s.label_check, LabelCheck::Disagrees { label_band: Band::StronglyPositive });
        let s = read_sentiment(Some("bullish"), Some(0.45), &b).unwrap();
        assert_eq!((s.label_check, s.label.as_deref()), (LabelCheck::NotOnScale, Some("bullish")));
        assert_eq!(read_sentiment(None, Some(-0.7), &b).unwrap().label_check, LabelCheck::NoLabel);
    }

    #[test]
    fn scores_outside_the_scale_or_missing_are_errors() {
        let b = Bands::default();
        assert_eq!(read_sentiment(None, Some(1.2), &b).unwrap_err(), "the sentiment score 1.2 is outside −1..1");
        assert_eq!(read_sentiment(None, Some(f64::NAN), &b).unwrap_err(), "the sentiment score NaN is outside −1..1");
        assert_eq!(read_sentiment(None, None, &b).unwrap_err(), "the sentiment score is missing or not a number");
        assert!(read_sentiment(None, Some(-1.0), &b).is_ok());
    }

    #[test]
    fn bands_can_be_overridden_but_must_be_ordered() {
        let b = Bands::new([-0.5, -0.1, 0.1, 0.5]).unwrap();
        assert_eq!(b.band(0.12), Band::MildlyPositive);
        assert!(Bands::new([-0.5, 0.2, 0.1, 0.5]).is_err());
        assert!(Bands::new([-1.5, -0.1, 0.1, 0.5]).is_err());
        assert_eq!(Bands::default().ranges()[2], (-0.15, 0.15));
    }
}
