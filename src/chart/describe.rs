//! Plain-language summaries of each chart, generated from the analytics: what the chart
//! shows, the benchmark, the as-of date, who sits in which quadrant, the period's leaders and
//! laggards, and the basket spread. Read by screen readers before the chart and shown to
//! anyone as a caption.

use super::format::Format;
use crate::analysis::returns::{PeriodReturn, SpreadReturn};
use crate::analysis::rotation::{Interval, Quadrant, RotationMethod, RotationPoint};
use crate::analysis::rotation_metrics::{Compass, PointMetrics};
use crate::analysis::period::Period;
use crate::analysis::Date;

/// English messages of summaries, announcements and the method note, by key (see [`super::messages`]).
pub const MESSAGES: &[(&str, &str)] = &[];

/// What the chosen view shows, for the line under the widget's title.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown<'a> {
    Rotation { benchmark: &'a str, interval: Interval, method: RotationMethod },
    Performance { benchmark: &'a str, period: Period },
    /// One symbol's own price and averages (its RS panel names the benchmark itself).
    Trend { symbol: &'a str, period: Period },
}

/// The line under the title: what the view shows, as its controls chose it, and the last day
/// of data. On paper, where the controls are not printed, it is what states the choices:
/// "Against SPY · weekly · Log trend · data to Jun 30, 2026", "Against SPY · YTD · data to
/// Jun 30, 2026", "Trend of IWM · since Jan 15, 2026 · data to Jun 30, 2026".
pub fn subtitle(shown: Shown, data_to: Date, fmt: &dyn Format) -> String {
    let period = |p: Period| match p {
        Period::Since(day) => format!("since {}", fmt.date(day)),
        named => named.to_string(),
    };
    let what = match shown {
        Shown::Rotation { benchmark, interval, method } => {
            let every = match interval {
                Interval::Weekly => "weekly",
                Interval::Daily => "daily",
            };
            format!("Against {benchmark} · {every} · {}", method_label(method))
        }
        Shown::Performance { benchmark, period: p } => format!("Against {benchmark} · {}", period(p)),
        Shown::Trend { symbol, period: p } => format!("Trend of {symbol} · {}", period(p)),
    };
    format!("{what} · data to {}", fmt.date(data_to))
}

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

impl From<&PeriodReturn> for Performer {
    fn from(r: &PeriodReturn) -> Performer {
        Performer { symbol: r.symbol.clone(), return_pct: r.return_pct }
    }
}

impl From<&SpreadReturn> for SpreadFact {
    fn from(s: &SpreadReturn) -> SpreadFact {
        SpreadFact { long: s.long.clone(), short: s.short.clone(), spread_pp: s.spread_pp }
    }
}

/// `a`, `a and b`, `a, b and c`.
/// Why the performance view's "From" field refused a day: a period must start on or before
/// the as-of day.
pub fn start_after_as_of(day: Date, as_of: Date, fmt: &dyn Format) -> String {
    format!("{} is after the as-of day. Choose a start on or before {}.", fmt.date(day), fmt.date(as_of))
}

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
    crate::analysis::sorting::sort_by(&mut sorted, |a, b| b.return_pct.total_cmp(&a.return_pct));
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
        crate::analysis::sorting::sort_by(&mut in_q, |a, b| b.1.rs_ratio.total_cmp(&a.1.rs_ratio));
        if !in_q.is_empty() {
            parts.push(format!("{}: {}.", q.name(), list(&in_q.iter().map(|(s, _)| s.clone()).collect::<Vec<_>>())));
        }
    }
    text.push(' ');
    text.push_str(&parts.join(" "));
    let strongest = heads.iter().max_by(|a, b| a.1.rs_ratio.total_cmp(&b.1.rs_ratio));
    let weakest = heads.iter().min_by(|a, b| a.1.rs_ratio.total_cmp(&b.1.rs_ratio));
    if let (true, Some(strongest), Some(weakest)) = (heads.len() > 1, strongest, weakest) {
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

/// The sample unit for `n` samples: "week", "weeks", "day", "days".
pub fn unit(interval: Interval, n: usize) -> &'static str {
    match (interval, n) {
        (Interval::Weekly, 1) => "week",
        (Interval::Weekly, _) => "weeks",
        (Interval::Daily, 1) => "day",
        (Interval::Daily, _) => "days",
    }
}

/// A compass sector as spoken: "north-east".
pub fn compass_words(c: Compass) -> &'static str {
    match c {
        Compass::E => "east",
        Compass::NE => "north-east",
        Compass::N => "north",
        Compass::NW => "north-west",
        Compass::W => "west",
        Compass::SW => "south-west",
        Compass::S => "south",
        Compass::SE => "south-east",
    }
}

/// "NE 45°", or "–" without a heading.
pub fn heading_text(m: &PointMetrics, fmt: &dyn Format) -> String {
    match (m.heading(), m.heading_deg) {
        (Some(c), Some(deg)) => format!("{} {}°", c.name(), fmt.number(deg, 0)),
        _ => "–".into(),
    }
}

/// "north-east (45°)", or "no heading".
fn heading_words(m: &PointMetrics, fmt: &dyn Format) -> String {
    match (m.heading(), m.heading_deg) {
        (Some(c), Some(deg)) => format!("{} ({}°)", compass_words(c), fmt.number(deg, 0)),
        _ => "no heading".into(),
    }
}

/// "0.50 per week".
fn velocity_words(v: f64, interval: Interval, fmt: &dyn Format) -> String {
    format!("{} per {}", fmt.number(v, 2), unit(interval, 1))
}

/// The tooltip of one point: date, RS-Ratio, RS-Momentum, quadrant, heading, distance and
/// velocity (when there is one).
///
/// # Example
/// ```
/// use rotascope::analysis::rotation::{Interval, Quadrant, RotationPoint};
/// use rotascope::analysis::rotation_metrics::metrics_at;
/// use rotascope::analysis::Date;
/// use rotascope::chart::{describe::point_lines, PlainFormat};
/// let p = |x: f64, y: f64| RotationPoint { date: Date::parse_iso("2026-06-12").unwrap(), rs_ratio: x, rs_momentum: y, quadrant: Quadrant::of(x, y), partial: false, index: 0 };
/// let history = [p(97.0, 96.0), p(100.0, 100.0)];
/// let lines = point_lines(&history[1], &metrics_at(&history, 1, 10).unwrap(), Interval::Weekly, &PlainFormat);
/// assert_eq!(lines, ["Jun 12, 2026", "RS-Ratio 100.00", "RS-Momentum 100.00", "Leading", "Heading NE 53°", "Distance 0.00", "Velocity 5.00 per week"]);
/// ```
pub fn point_lines(p: &RotationPoint, m: &PointMetrics, interval: Interval, fmt: &dyn Format) -> Vec<String> {
    let mut lines = vec![
        format!("{}{}", fmt.date(p.date), if p.partial { " (week in progress)" } else { "" }),
        format!("RS-Ratio {}", fmt.number(p.rs_ratio, 2)),
        format!("RS-Momentum {}", fmt.number(p.rs_momentum, 2)),
        p.quadrant.name().to_owned(),
        format!("Heading {}", heading_text(m, fmt)),
        format!("Distance {}", fmt.number(m.distance, 2)),
    ];
    if let Some(v) = m.velocity {
        lines.push(format!("Velocity {}", velocity_words(v, interval, fmt)));
    }
    lines
}

/// What the live region says when keyboard focus lands on a point: "IWM, Improving,
/// RS-Ratio 99.20, RS-Momentum 101.40, heading north-east (45°), distance 1.62, velocity 0.50
/// per week, week of Jun 8, 2026".
pub fn describe_point(symbol: &str, p: &RotationPoint, m: &PointMetrics, interval: Interval, fmt: &dyn Format) -> String {
    let when = match interval {
        Interval::Weekly => format!("week of {}", fmt.date(p.date.week_start())),
        Interval::Daily => fmt.date(p.date),
    };
    let velocity = m.velocity.map_or_else(String::new, |v| format!(", velocity {}", velocity_words(v, interval, fmt)));
    format!(
        "{symbol}, {}, RS-Ratio {}, RS-Momentum {}, {}, distance {}{velocity}, {when}{}",
        p.quadrant.name(),
        fmt.number(p.rs_ratio, 2),
        fmt.number(p.rs_momentum, 2),
        if m.heading_deg.is_some() { format!("heading {}", heading_words(m, fmt)) } else { heading_words(m, fmt) },
        fmt.number(m.distance, 2),
        if p.partial { ", week in progress" } else { "" }
    )
}

/// Where the heads are going, farthest from the centre first: "Heading and distance from
/// 100/100: XLF north-east (45°), 2.83; IWM north (90°), 1.50." Empty without heads.
pub fn describe_motion(heads: &[(String, PointMetrics)], fmt: &dyn Format) -> String {
    let mut sorted: Vec<&(String, PointMetrics)> = heads.iter().collect();
    crate::analysis::sorting::sort_by(&mut sorted, |a, b| b.1.distance.total_cmp(&a.1.distance));
    let parts: Vec<String> = sorted.iter().map(|(s, m)| format!("{s} {}, {}", heading_words(m, fmt), fmt.number(m.distance, 2))).collect();
    if parts.is_empty() {
        return String::new();
    }
    format!("Heading and distance from 100/100: {}.", parts.join("; "))
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

/// The one line a reader sees above the publisher's fallback content when the chart cannot be
/// drawn (the detail goes to the console and `rotascope:error`). `www/rotascope.js` says the
/// same when the WebAssembly cannot start.
pub const CHART_UNAVAILABLE: &str = "This chart could not be shown.";

/// The text of the link from the method note to the README's "Rotation methods".
pub const METHODS_LINK: &str = "All the formulas: README, Rotation methods";

/// A method's name as the method select, its note and the summaries give it.
pub fn method_label(method: RotationMethod) -> &'static str {
    match method {
        RotationMethod::LogTrend => "Log trend",
        RotationMethod::Zscore => "Z-score (RRG-Lite)",
    }
}

/// The method's name with its settings: "Log trend (log-trend)", "Z-score (RRG-Lite)
/// (zscore, window 14)".
pub fn method_with_settings(method: RotationMethod, window: usize) -> String {
    match method {
        RotationMethod::LogTrend => format!("{} ({})", method_label(method), method.name()),
        RotationMethod::Zscore => format!("{} ({}, window {window})", method_label(method), method.name()),
    }
}

/// The line under the method select, which opens [`method_explainer`]: "How Log trend
/// computes RS-Ratio and RS-Momentum".
pub fn method_summary(method: RotationMethod) -> String {
    format!("How {} computes RS-Ratio and RS-Momentum", method_label(method))
}

/// What RS-Ratio and RS-Momentum mean for `method`, its parameters and the samples it needs
/// (README "Rotation methods" has the same, with the reasons).
pub fn method_explainer(method: RotationMethod, window: usize, interval: Interval) -> Vec<String> {
    let (sample, samples) = match interval {
        Interval::Weekly => ("week", "weeks"),
        Interval::Daily => ("day", "days"),
    };
    let sampled = match interval {
        Interval::Weekly => "on each week's last trading day both have a close",
        Interval::Daily => "on each day both have a close",
    };
    match method {
        RotationMethod::LogTrend => vec![
            format!("RS = 100 × close ÷ benchmark close, {sampled}."),
            format!("RS-Ratio = 100 + 100 × (mean of ln RS over the last 10 {samples} − mean over the last 30): 103 means relative strength runs about 3 % above its longer average. Every symbol is in the same units: the farther right, the stronger."),
            format!("RS-Momentum = 100 + 3 × the change of RS-Ratio since the previous {sample}: above 100 while RS-Ratio rises, so tails turn clockwise."),
            format!("Needs {} {}; the window setting is not used.", method.samples_needed(window), interval.unit()),
        ],
        RotationMethod::Zscore => vec![
            format!("RS = 100 × close ÷ benchmark close, {sampled}."),
            format!("RS-Ratio = 100 + the z-score of RS over the last {window} {samples}; RS-Momentum = 100 + the z-score of RS-Ratio over the last {window}. The formula of RRGPy and RRG-Lite."),
            "Each symbol is measured against its own recent range, so distance from 100 does not compare strength between symbols, and momentum moves with the ratio.".to_string(),
            format!("Needs {} {}.", method.samples_needed(window), interval.unit()),
        ],
    }
}

/// Which method drew the graph and, when zoomed, what part of it is in view: "Method Log
/// trend (log-trend). Zoomed to RS-Ratio 98.00 to 102.00, RS-Momentum 99.00 to 101.00."
pub fn describe_extent(method: RotationMethod, window: usize, zoom: Option<super::rotation::Viewport>, fmt: &dyn Format) -> String {
    let mut text = format!("Method {}.", method_with_settings(method, window));
    if let Some(v) = zoom {
        text.push_str(&format!(
            " Zoomed to RS-Ratio {} to {}, RS-Momentum {} to {}.",
            fmt.number(v.x.0, 2),
            fmt.number(v.x.1, 2),
            fmt.number(v.y.0, 2),
            fmt.number(v.y.1, 2)
        ));
    }
    text
}

/// Whether `p` is inside `zoom` (every point is when not zoomed).
pub fn in_view(p: &RotationPoint, zoom: Option<super::rotation::Viewport>) -> bool {
    zoom.is_none_or(|v| (v.x.0..=v.x.1).contains(&p.rs_ratio) && (v.y.0..=v.y.1).contains(&p.rs_momentum))
}

/// The points of `points` inside `zoom` (all of them when not zoomed), order kept.
pub fn points_in_view(points: &[RotationPoint], zoom: Option<super::rotation::Viewport>) -> Vec<RotationPoint> {
    points.iter().filter(|p| in_view(p, zoom)).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::format::PlainFormat;

    fn point(rsr: f64, rsm: f64) -> RotationPoint {
        RotationPoint { date: Date::parse_iso("2026-06-12").unwrap(), rs_ratio: rsr, rs_momentum: rsm, quadrant: Quadrant::of(rsr, rsm), partial: false, index: 0 }
    }

    #[test]
    fn the_subtitle_states_each_views_choices_and_the_trend_is_not_relative() {
        let d = |s: &str| Date::parse_iso(s).unwrap();
        let to = d("2026-06-30");
        assert_eq!(
            subtitle(Shown::Rotation { benchmark: "SPY", interval: Interval::Weekly, method: RotationMethod::LogTrend }, to, &PlainFormat),
            "Against SPY · weekly · Log trend · data to Jun 30, 2026"
        );
        assert_eq!(
            subtitle(Shown::Rotation { benchmark: "IWM", interval: Interval::Daily, method: RotationMethod::Zscore }, to, &PlainFormat),
            "Against IWM · daily · Z-score (RRG-Lite) · data to Jun 30, 2026"
        );
        assert_eq!(subtitle(Shown::Performance { benchmark: "SPY", period: Period::YearToDate }, to, &PlainFormat), "Against SPY · YTD · data to Jun 30, 2026");
        // The trend view is the symbol's own price: no "Against".
        assert_eq!(
            subtitle(Shown::Trend { symbol: "IWM", period: Period::Since(d("2026-01-15")) }, to, &PlainFormat),
            "Trend of IWM · since Jan 15, 2026 · data to Jun 30, 2026"
        );
    }

    #[test]
    fn the_method_select_and_its_note_name_the_same_method_in_reader_words() {
        for m in RotationMethod::ALL {
            let label = method_label(m);
            // The note under the select names the method as the select does.
            assert!(method_summary(m).contains(label), "{} / {label}", method_summary(m));
            // Settings, where shown, add the config name in brackets after the same words.
            assert!(method_with_settings(m, 14).starts_with(&format!("{label} ({}", m.name())));
            // Reader words, not the config name (`log-trend`), and never the retired method.
            for text in [label.to_string(), method_summary(m)] {
                assert!(!text.contains(m.name()) && !text.contains("ratio-roc") && !text.contains("rate of change"), "{text}");
            }
        }
        assert_eq!(method_summary(RotationMethod::LogTrend), "How Log trend computes RS-Ratio and RS-Momentum");
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
    fn points_and_heads_are_told_with_heading_distance_and_velocity() {
        use crate::analysis::rotation_metrics::metrics_at;
        // (100, 100) → (101, 101): 45°, north-east; distance √2 = 1.41; one step of √2.
        let mut history = vec![point(100.0, 100.0), point(101.0, 101.0)];
        history[1].partial = true;
        let m = metrics_at(&history, 1, 10).unwrap();
        assert_eq!(
            describe_point("IWM", &history[1], &m, Interval::Weekly, &PlainFormat),
            "IWM, Leading, RS-Ratio 101.00, RS-Momentum 101.00, heading north-east (45°), distance 1.41, velocity 1.41 per week, week of Jun 8, 2026, week in progress"
        );
        let first = metrics_at(&history, 0, 10).unwrap();
        assert_eq!(
            describe_point("IWM", &history[0], &first, Interval::Daily, &PlainFormat),
            "IWM, Leading, RS-Ratio 100.00, RS-Momentum 100.00, no heading, distance 0.00, Jun 12, 2026"
        );
        let lines = point_lines(&history[0], &first, Interval::Daily, &PlainFormat);
        assert_eq!(lines[4..], ["Heading –", "Distance 0.00"]);
        assert_eq!(point_lines(&history[1], &m, Interval::Daily, &PlainFormat)[0], "Jun 12, 2026 (week in progress)");
        assert_eq!(point_lines(&history[1], &m, Interval::Daily, &PlainFormat)[6], "Velocity 1.41 per day");
        let heads = vec![("IWM".to_string(), m), ("XLE".to_string(), PointMetrics { heading_deg: Some(200.0), distance: 3.0, velocity: None }), ("SPY".to_string(), first)];
        assert_eq!(
            describe_motion(&heads, &PlainFormat),
            "Heading and distance from 100/100: XLE west (200°), 3.00; IWM north-east (45°), 1.41; SPY no heading, 0.00."
        );
        assert_eq!(describe_motion(&[], &PlainFormat), "");
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(list(&["a".into()]), "a");
        assert_eq!(list(&["a".into(), "b".into(), "c".into()]), "a, b and c");
    }

    #[test]
    fn extent_names_the_method_and_the_zoom() {
        use crate::analysis::rotation::RotationMethod;
        use crate::chart::rotation::Viewport;
        assert_eq!(
            describe_extent(RotationMethod::Zscore, 14, None, &PlainFormat),
            "Method Z-score (RRG-Lite) (zscore, window 14)."
        );
        let zoom = Viewport { x: (98.0, 102.0), y: (99.5, 101.0) };
        let text = describe_extent(RotationMethod::LogTrend, 10, Some(zoom), &PlainFormat);
        assert_eq!(text, "Method Log trend (log-trend). Zoomed to RS-Ratio 98.00 to 102.00, RS-Momentum 99.50 to 101.00.");
        assert_eq!(method_explainer(RotationMethod::LogTrend, 14, Interval::Weekly).last().map(String::as_str), Some("Needs 31 weekly closes; the window setting is not used."));
        assert_eq!(method_explainer(RotationMethod::Zscore, 14, Interval::Daily).last().map(String::as_str), Some("Needs 27 daily closes."));
        let p = |x: f64, y: f64| RotationPoint { date: Date::parse_iso("2026-01-05").unwrap(), rs_ratio: x, rs_momentum: y, quadrant: Quadrant::of(x, y), partial: false, index: 0 };
        let kept = points_in_view(&[p(97.0, 100.0), p(100.0, 100.0), p(101.0, 101.5)], Some(zoom));
        assert_eq!(kept.iter().map(|q| q.rs_ratio).collect::<Vec<_>>(), vec![100.0]);
        assert_eq!(points_in_view(&[p(97.0, 100.0)], None).len(), 1);
    }
}
