//! Plain-language summaries of each chart, generated from the analytics: what the chart
//! shows, the benchmark, the as-of date, who sits in which quadrant, the period's leaders and
//! laggards, and the basket spread. Read by screen readers before the chart and shown to
//! anyone as a caption.

use super::format::Format;
use crate::analysis::rotation::{Interval, Quadrant, RotationPoint};
use crate::analysis::Date;

/// A period's return of one symbol, for leaders and laggards.
#[derive(Debug, Clone, PartialEq)]
pub struct Performer {
    pub symbol: String,
    pub return_pct: f64,
}

/// The basket spread sentence's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct SpreadFact {
    pub long: String,
    pub short: String,
    pub spread_pp: f64,
}

/// `a`, `a and b`, `a, b and c`.
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "Leaders for YTD: XLK (+67.3%), IWM (+60.8%) and IVW (+46.9%). Laggards: …"
fn leaders_and_laggards(period: &str, performers: &[Performer], fmt: &dyn Format) -> String {
    if performers.len() < 2 {
        return String::new();
    }
    let mut sorted = performers.to_vec();
    sorted.sort_by(|a, b| b.return_pct.total_cmp(&a.return_pct));
    let n = (sorted.len() / 2).clamp(1, 3);
    let say = |p: &Performer| format!("{} ({})", p.symbol, fmt.percent(p.return_pct, 1));
    let leaders: Vec<String> = sorted.iter().take(n).map(say).collect();
    let laggards: Vec<String> = sorted.iter().rev().take(n).map(say).collect();
    format!(" {period} leaders: {}. Laggards: {}.", list(&leaders), list(&laggards))
}

fn spread_sentence(spread: Option<&SpreadFact>, period: &str, fmt: &dyn Format) -> String {
    spread.map_or_else(String::new, |s| format!(" Basket {} minus basket {} over {period}: {}.", s.long, s.short, fmt.points(s.spread_pp, 1)))
}

/// The rotation graph in words.
///
/// # Example
/// ```
/// use rotascope::analysis::rotation::{Interval, Quadrant, RotationPoint};
/// use rotascope::analysis::Date;
/// use rotascope::chart::{describe::describe_rotation, PlainFormat};
/// let d = Date::parse_iso("2026-06-12").unwrap();
/// let p = |r: f64, m: f64| RotationPoint { date: d, rs_ratio: r, rs_momentum: m, quadrant: Quadrant::of(r, m), partial: false, index: 0 };
/// let heads = vec![("IWM".to_string(), p(99.2, 101.4)), ("XLK".to_string(), p(101.0, 100.5))];
/// let text = describe_rotation("SPY", Interval::Weekly, d, &heads, "YTD", &[], None, &PlainFormat);
/// assert!(text.contains("Leading: XLK. Improving: IWM."));
/// ```
#[allow(clippy::too_many_arguments)]
pub fn describe_rotation(
    benchmark: &str,
    interval: Interval,
    as_of: Date,
    heads: &[(String, RotationPoint)],
    period: &str,
    performers: &[Performer],
    spread: Option<&SpreadFact>,
    fmt: &dyn Format,
) -> String {
    let every = match interval {
        Interval::Weekly => "weekly",
        Interval::Daily => "daily",
    };
    let mut text = format!(
        "Relative rotation graph of {} symbol{} against {benchmark}, {every}, as of {}: RS-Ratio (relative strength) across, RS-Momentum (its rate of change) up.",
        heads.len(),
        if heads.len() == 1 { "" } else { "s" },
        fmt.date(as_of)
    );
    if heads.is_empty() {
        text.push_str(" No symbol has enough history yet.");
        return text;
    }
    let mut parts = Vec::new();
    for q in Quadrant::ALL {
        let mut in_q: Vec<&(String, RotationPoint)> = heads.iter().filter(|(_, p)| p.quadrant == q).collect();
        in_q.sort_by(|a, b| b.1.rs_ratio.total_cmp(&a.1.rs_ratio));
        if !in_q.is_empty() {
            parts.push(format!("{}: {}.", q.name(), list(&in_q.iter().map(|(s, _)| s.clone()).collect::<Vec<_>>())));
        }
    }
    text.push(' ');
    text.push_str(&parts.join(" "));
    let strongest = heads.iter().max_by(|a, b| a.1.rs_ratio.total_cmp(&b.1.rs_ratio)).expect("not empty");
    let weakest = heads.iter().min_by(|a, b| a.1.rs_ratio.total_cmp(&b.1.rs_ratio)).expect("not empty");
    if heads.len() > 1 {
        text.push_str(&format!(
            " Strongest relative strength: {} ({}); weakest: {} ({}).",
            strongest.0,
            fmt.number(strongest.1.rs_ratio, 2),
            weakest.0,
            fmt.number(weakest.1.rs_ratio, 2)
        ));
    }
    text.push_str(&leaders_and_laggards(period, performers, fmt));
    text.push_str(&spread_sentence(spread, period, fmt));
    text
}

/// The performance chart in words.
#[allow(clippy::too_many_arguments)]
pub fn describe_performance(
    benchmark: &str,
    what: &str,
    period: &str,
    from: Date,
    to: Date,
    performers: &[Performer],
    benchmark_return: Option<f64>,
    spread: Option<&SpreadFact>,
    fmt: &dyn Format,
) -> String {
    let mut text = format!("Line chart of the {what} of {} symbols for {period}, from {} to {}, against {benchmark}", performers.len(), fmt.date(from), fmt.date(to));
    match benchmark_return {
        Some(r) => text.push_str(&format!(" ({benchmark} {}).", fmt.percent(r, 1))),
        None => text.push('.'),
    }
    text.push_str(&leaders_and_laggards(period, performers, fmt));
    if let Some(r) = benchmark_return {
        let ahead = performers.iter().filter(|p| p.return_pct > r).count();
        text.push_str(&format!(" {ahead} of {} beat {benchmark}.", performers.len()));
    }
    text.push_str(&spread_sentence(spread, period, fmt));
    text
}

/// The trend chart in words.
#[allow(clippy::too_many_arguments)]
pub fn describe_trend(
    symbol: &str,
    date: Date,
    close: f64,
    sma50: Option<f64>,
    sma200: Option<f64>,
    prior_high: Option<(f64, Date)>,
    from_high_pct: Option<f64>,
    fmt: &dyn Format,
) -> String {
    let mut text = format!("Price of {symbol} with its 50- and 200-day moving averages. It closed at {} on {}", fmt.number(close, 2), fmt.date(date));
    let relation = |name: &str, v: Option<f64>| {
        v.map(|a| format!("{} its {name} ({})", if close >= a { "above" } else { "below" }, fmt.number(a, 2)))
    };
    let rel: Vec<String> = [relation("50-day average", sma50), relation("200-day average", sma200)].into_iter().flatten().collect();
    if !rel.is_empty() {
        text.push_str(&format!(", {}", list(&rel)));
    }
    text.push('.');
    if let (Some((high, when)), Some(d)) = (prior_high, from_high_pct) {
        let side = if d >= 0.0 { "above" } else { "below" };
        text.push_str(&format!(" That is {} {side} its prior high of {} on {}.", fmt.percent(d.abs(), 1).trim_start_matches('+'), fmt.number(high, 2), fmt.date(when)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::format::PlainFormat;

    fn point(rsr: f64, rsm: f64) -> RotationPoint {
        RotationPoint { date: Date::parse_iso("2026-06-12").unwrap(), rs_ratio: rsr, rs_momentum: rsm, quadrant: Quadrant::of(rsr, rsm), partial: false, index: 0 }
    }

    #[test]
    fn rotation_summary_names_each_quadrant_and_the_extremes() {
        let heads = vec![
            ("IWM".to_string(), point(99.2, 101.4)),
            ("XLK".to_string(), point(101.0, 100.5)),
            ("XLF".to_string(), point(101.8, 100.2)),
            ("XLE".to_string(), point(98.3, 98.9)),
            ("IVW".to_string(), point(100.7, 99.3)),
        ];
        let performers = vec![
            Performer { symbol: "IWM".into(), return_pct: 60.85 },
            Performer { symbol: "XLK".into(), return_pct: 67.27 },
            Performer { symbol: "XLE".into(), return_pct: 12.65 },
            Performer { symbol: "XLF".into(), return_pct: 17.93 },
        ];
        let spread = SpreadFact { long: "small".into(), short: "large".into(), spread_pp: 17.0 };
        let text = describe_rotation("SPY", Interval::Weekly, Date::parse_iso("2026-06-12").unwrap(), &heads, "YTD", &performers, Some(&spread), &PlainFormat);
        assert_eq!(
            text,
            "Relative rotation graph of 5 symbols against SPY, weekly, as of Jun 12, 2026: RS-Ratio (relative strength) across, RS-Momentum (its rate of change) up. \
             Leading: XLF and XLK. Weakening: IVW. Lagging: XLE. Improving: IWM. \
             Strongest relative strength: XLF (101.80); weakest: XLE (98.30). \
             YTD leaders: XLK (+67.3%) and IWM (+60.9%). Laggards: XLE (+12.7%) and XLF (+17.9%). \
             Basket small minus basket large over YTD: +17.0 pp."
        );
    }

    #[test]
    fn performance_and_trend_summaries() {
        let d = |s| Date::parse_iso(s).unwrap();
        let performers = vec![Performer { symbol: "IWM".into(), return_pct: 10.0 }, Performer { symbol: "IJR".into(), return_pct: -2.0 }];
        let text = describe_performance("SPY", "% change", "YTD", d("2025-12-31"), d("2026-07-13"), &performers, Some(5.0), None, &PlainFormat);
        assert_eq!(
            text,
            "Line chart of the % change of 2 symbols for YTD, from Dec 31, 2025 to Jul 13, 2026, against SPY (SPY +5.0%). \
             YTD leaders: IWM (+10.0%). Laggards: IJR (−2.0%). 1 of 2 beat SPY."
        );
        let text = describe_trend("IWM", d("2026-07-13"), 293.48, Some(288.63), Some(261.3), Some((300.45, d("2026-06-30"))), Some(-2.32), &PlainFormat);
        assert_eq!(
            text,
            "Price of IWM with its 50- and 200-day moving averages. It closed at 293.48 on Jul 13, 2026, above its 50-day average (288.63) and above its 200-day average (261.30). \
             That is 2.3% below its prior high of 300.45 on Jun 30, 2026."
        );
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(list(&["a".into()]), "a");
        assert_eq!(list(&["a".into(), "b".into(), "c".into()]), "a, b and c");
    }
}
