//! Plain-language summaries of each chart, generated from the analytics: what the chart
//! shows, the benchmark, the as-of date, who sits in which quadrant, the period's leaders and
//! laggards, and the basket spread. Read by screen readers before the chart and shown to
//! anyone as a caption.

use super::format::Format;
use super::messages::Messages;
use crate::analysis::returns::{PeriodReturn, SpreadReturn};
use crate::analysis::rotation::{Interval, Quadrant, RotationMethod, RotationPoint};
use crate::analysis::rotation_metrics::{Compass, PointMetrics};
use crate::analysis::period::Period;
use crate::analysis::Date;

/// What the chosen view shows, for the line under the widget's title.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown<'a> {
    Rotation { benchmark: &'a str, interval: Interval, method: RotationMethod },
    Performance { benchmark: &'a str, period: Period },
    /// One symbol's own price and averages (its RS panel names the benchmark itself).
    Trend { symbol: &'a str, period: Period },
}

/// "weekly" or "daily", as the subtitle and the rotation summary say it.
fn every(m: &Messages, interval: Interval) -> &'static str {
    m.get(match interval {
        Interval::Weekly => "summary.weekly",
        Interval::Daily => "summary.daily",
    })
}

/// A period as the reader's language names it: "YTD", "1Y", "since Jan 15, 2026".
pub fn period_name(m: &Messages, period: Period, fmt: &dyn Format) -> String {
    let key = match period {
        Period::Week1 => "period.1W",
        Period::Month1 => "period.1M",
        Period::Month3 => "period.3M",
        Period::Month6 => "period.6M",
        Period::YearToDate => "period.YTD",
        Period::Year1 => "period.1Y",
        Period::Year3 => "period.3Y",
        Period::Since(day) => return m.fill("summary.since", &[("date", &fmt.date(day))]),
    };
    m.get(key).to_owned()
}

/// The line under the title: what the view shows, as its controls chose it, and the last day
/// of data. On paper, where the controls are not printed, it is what states the choices:
/// "Against SPY · weekly · Log trend · data to Jun 30, 2026", "Against SPY · YTD · data to
/// Jun 30, 2026", "Trend of IWM · since Jan 15, 2026 · data to Jun 30, 2026".
pub fn subtitle(m: &Messages, shown: Shown, data_to: Date, fmt: &dyn Format) -> String {
    let period = |p: Period| period_name(m, p, fmt);
    let what = match shown {
        Shown::Rotation { benchmark, interval, method } => {
            m.fill("summary.subtitle.rotation", &[("benchmark", benchmark), ("interval", every(m, interval)), ("method", method_label(m, method))])
        }
        Shown::Performance { benchmark, period: p } => m.fill("summary.subtitle.performance", &[("benchmark", benchmark), ("period", &period(p))]),
        Shown::Trend { symbol, period: p } => m.fill("summary.subtitle.trend", &[("symbol", symbol), ("period", &period(p))]),
    };
    m.fill("summary.subtitle.dataTo", &[("shown", &what), ("date", &fmt.date(data_to))])
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

/// Why the performance view's "From" field refused a day: a period must start on or before
/// the as-of day.
pub fn start_after_as_of(m: &Messages, day: Date, as_of: Date, fmt: &dyn Format) -> String {
    m.fill("summary.startAfterAsOf", &[("day", &fmt.date(day)), ("asOf", &fmt.date(as_of))])
}


/// "Leaders for YTD: XLK (+67.3%), IWM (+60.8%) and IVW (+46.9%). Laggards: …", after a space.
fn leaders_and_laggards(m: &Messages, period: &str, performers: &[Performer], fmt: &dyn Format) -> String {
    if performers.len() < 2 {
        return String::new();
    }
    let mut sorted = performers.to_vec();
    crate::analysis::sorting::sort_by(&mut sorted, |a, b| b.return_pct.total_cmp(&a.return_pct));
    let n = (sorted.len() / 2).clamp(1, 3);
    let say = |p: &Performer| m.fill("summary.performer", &[("symbol", &p.symbol), ("return", &fmt.percent(p.return_pct, 1))]);
    let leaders: Vec<String> = sorted.iter().take(n).map(say).collect();
    let laggards: Vec<String> = sorted.iter().rev().take(n).map(say).collect();
    after_space(m.fill("summary.leaders", &[("period", period), ("leaders", &m.list(&leaders)), ("laggards", &m.list(&laggards))]))
}

/// One more sentence of a summary: a space, then `sentence`.
fn after_space(sentence: String) -> String {
    let mut text = String::with_capacity(sentence.len() + 1);
    text.push(' ');
    text.push_str(&sentence);
    text
}

fn spread_sentence(m: &Messages, spread: Option<&SpreadFact>, period: &str, fmt: &dyn Format) -> String {
    spread.map_or_else(String::new, |s| after_space(m.fill("summary.spread", &[("long", &s.long), ("short", &s.short), ("period", period), ("spread", &fmt.points(s.spread_pp, 1))])))
}

/// The rotation graph in words.
///
/// # Example
/// ```
/// use rotascope::analysis::rotation::{Interval, Quadrant, RotationPoint};
/// use rotascope::analysis::Date;
/// use rotascope::chart::{describe::describe_rotation, messages::Messages, PlainFormat};
/// let d = Date::parse_iso("2026-06-12").unwrap();
/// let p = |r: f64, m: f64| RotationPoint { date: d, rs_ratio: r, rs_momentum: m, quadrant: Quadrant::of(r, m), partial: false, index: 0 };
/// let heads = vec![("IWM".to_string(), p(99.2, 101.4)), ("XLK".to_string(), p(101.0, 100.5))];
/// let text = describe_rotation(&Messages::english(), "SPY", Interval::Weekly, d, &heads, "YTD", &[], None, &PlainFormat);
/// assert!(text.contains("Leading: XLK. Improving: IWM."));
/// ```
#[allow(clippy::too_many_arguments)]
pub fn describe_rotation(
    m: &Messages,
    benchmark: &str,
    interval: Interval,
    as_of: Date,
    heads: &[(String, RotationPoint)],
    period: &str,
    performers: &[Performer],
    spread: Option<&SpreadFact>,
    fmt: &dyn Format,
) -> String {
    let mut text = m.count_fill("summary.rotation", heads.len(), &[("benchmark", benchmark), ("interval", every(m, interval)), ("date", &fmt.date(as_of))]);
    if heads.is_empty() {
        text.push_str(&after_space(m.get("summary.noHistory").to_owned()));
        return text;
    }
    for q in Quadrant::ALL {
        let mut in_q: Vec<&(String, RotationPoint)> = heads.iter().filter(|(_, p)| p.quadrant == q).collect();
        crate::analysis::sorting::sort_by(&mut in_q, |a, b| b.1.rs_ratio.total_cmp(&a.1.rs_ratio));
        if !in_q.is_empty() {
            let symbols = m.list(&in_q.iter().map(|(s, _)| s.clone()).collect::<Vec<_>>());
            text.push_str(&after_space(m.fill("summary.quadrant", &[("quadrant", m.quadrant(q)), ("symbols", &symbols)])));
        }
    }
    let strongest = heads.iter().max_by(|a, b| a.1.rs_ratio.total_cmp(&b.1.rs_ratio));
    let weakest = heads.iter().min_by(|a, b| a.1.rs_ratio.total_cmp(&b.1.rs_ratio));
    if let (true, Some(strongest), Some(weakest)) = (heads.len() > 1, strongest, weakest) {
        text.push_str(&after_space(m.fill(
            "summary.extremes",
            &[
                ("strongest", &strongest.0),
                ("strongestRatio", &fmt.number(strongest.1.rs_ratio, 2)),
                ("weakest", &weakest.0),
                ("weakestRatio", &fmt.number(weakest.1.rs_ratio, 2)),
            ],
        )));
    }
    text.push_str(&leaders_and_laggards(m, period, performers, fmt));
    text.push_str(&spread_sentence(m, spread, period, fmt));
    text
}

/// The sample unit for `n` samples in English: "week", "weeks", "day", "days".
pub fn unit(interval: Interval, n: usize) -> &'static str {
    match (interval, n) {
        (Interval::Weekly, 1) => "week",
        (Interval::Weekly, _) => "weeks",
        (Interval::Daily, 1) => "day",
        (Interval::Daily, _) => "days",
    }
}

/// The sample unit for `n` samples in the reader's language.
pub fn unit_in(m: &Messages, interval: Interval, n: usize) -> String {
    m.count(
        match interval {
            Interval::Weekly => "unit.week",
            Interval::Daily => "unit.day",
        },
        n,
    )
}

/// A compass sector as spoken: "north-east".
pub fn compass_words(m: &Messages, c: Compass) -> &'static str {
    m.get(match c {
        Compass::E => "point.compass.e",
        Compass::NE => "point.compass.ne",
        Compass::N => "point.compass.n",
        Compass::NW => "point.compass.nw",
        Compass::W => "point.compass.w",
        Compass::SW => "point.compass.sw",
        Compass::S => "point.compass.s",
        Compass::SE => "point.compass.se",
    })
}

/// A compass sector as written in a cell or a tooltip: "NE".
pub fn compass_short(m: &Messages, c: Compass) -> &'static str {
    m.get(match c {
        Compass::E => "point.compassShort.e",
        Compass::NE => "point.compassShort.ne",
        Compass::N => "point.compassShort.n",
        Compass::NW => "point.compassShort.nw",
        Compass::W => "point.compassShort.w",
        Compass::SW => "point.compassShort.sw",
        Compass::S => "point.compassShort.s",
        Compass::SE => "point.compassShort.se",
    })
}

/// "NE 45°", or "–" without a heading.
pub fn heading_text(m: &Messages, metrics: &PointMetrics, fmt: &dyn Format) -> String {
    match (metrics.heading(), metrics.heading_deg) {
        (Some(c), Some(deg)) => m.fill("point.heading", &[("compass", compass_short(m, c)), ("degrees", &fmt.number(deg, 0))]),
        _ => "–".into(),
    }
}

/// "north-east (45°)", or "no heading".
fn heading_words(m: &Messages, metrics: &PointMetrics, fmt: &dyn Format) -> String {
    match (metrics.heading(), metrics.heading_deg) {
        (Some(c), Some(deg)) => m.fill("point.headingWords", &[("compass", compass_words(m, c)), ("degrees", &fmt.number(deg, 0))]),
        _ => m.get("point.noHeading").into(),
    }
}

/// "0.50 per week".
fn velocity_words(m: &Messages, v: f64, interval: Interval, fmt: &dyn Format) -> String {
    let key = match interval {
        Interval::Weekly => "point.perWeek",
        Interval::Daily => "point.perDay",
    };
    m.fill(key, &[("velocity", &fmt.number(v, 2))])
}

/// The tooltip of one point: date, RS-Ratio, RS-Momentum, quadrant, heading, distance and
/// velocity (when there is one).
///
/// # Example
/// ```
/// use rotascope::analysis::rotation::{Interval, Quadrant, RotationPoint};
/// use rotascope::analysis::rotation_metrics::metrics_at;
/// use rotascope::analysis::Date;
/// use rotascope::chart::{describe::point_lines, messages::Messages, PlainFormat};
/// let p = |x: f64, y: f64| RotationPoint { date: Date::parse_iso("2026-06-12").unwrap(), rs_ratio: x, rs_momentum: y, quadrant: Quadrant::of(x, y), partial: false, index: 0 };
/// let history = [p(97.0, 96.0), p(100.0, 100.0)];
/// let lines = point_lines(&Messages::english(), &history[1], &metrics_at(&history, 1, 10).unwrap(), Interval::Weekly, &PlainFormat);
/// assert_eq!(lines, ["Jun 12, 2026", "RS-Ratio 100.00", "RS-Momentum 100.00", "Leading", "Heading NE 53°", "Distance 0.00", "Velocity 5.00 per week"]);
/// ```
pub fn point_lines(m: &Messages, p: &RotationPoint, metrics: &PointMetrics, interval: Interval, fmt: &dyn Format) -> Vec<String> {
    let date = fmt.date(p.date);
    let mut lines = vec![
        if p.partial { m.fill("point.inProgress", &[("date", &date)]) } else { date },
        m.fill("point.rsRatio", &[("value", &fmt.number(p.rs_ratio, 2))]),
        m.fill("point.rsMomentum", &[("value", &fmt.number(p.rs_momentum, 2))]),
        m.quadrant(p.quadrant).to_owned(),
        m.fill("point.headingLine", &[("heading", &heading_text(m, metrics, fmt))]),
        m.fill("point.distance", &[("value", &fmt.number(metrics.distance, 2))]),
    ];
    if let Some(v) = metrics.velocity {
        lines.push(m.fill("point.velocity", &[("velocity", &velocity_words(m, v, interval, fmt))]));
    }
    lines
}

/// What the live region says when keyboard focus lands on a point: "IWM, Improving,
/// RS-Ratio 99.20, RS-Momentum 101.40, heading north-east (45°), distance 1.62, velocity 0.50
/// per week, week of Jun 8, 2026".
pub fn describe_point(m: &Messages, symbol: &str, p: &RotationPoint, metrics: &PointMetrics, interval: Interval, fmt: &dyn Format) -> String {
    let when = match interval {
        Interval::Weekly => m.fill("point.weekOf", &[("date", &fmt.date(p.date.week_start()))]),
        Interval::Daily => fmt.date(p.date),
    };
    let heading = heading_words(m, metrics, fmt);
    let heading = if metrics.heading_deg.is_some() { m.fill("point.spoken.heading", &[("heading", &heading)]) } else { heading };
    let mut text = m.fill(
        "point.spoken",
        &[
            ("symbol", symbol),
            ("quadrant", m.quadrant(p.quadrant)),
            ("ratio", &fmt.number(p.rs_ratio, 2)),
            ("momentum", &fmt.number(p.rs_momentum, 2)),
            ("heading", &heading),
            ("distance", &fmt.number(metrics.distance, 2)),
        ],
    );
    if let Some(v) = metrics.velocity {
        text = m.fill("point.spoken.velocity", &[("text", &text), ("velocity", &velocity_words(m, v, interval, fmt))]);
    }
    text = m.fill("point.spoken.when", &[("text", &text), ("when", &when)]);
    if p.partial {
        text = m.fill("point.spoken.inProgress", &[("text", &text)]);
    }
    text
}

/// Where the heads are going, farthest from the centre first: "Heading and distance from
/// 100/100: XLF north-east (45°), 2.83; IWM north (90°), 1.50." Empty without heads.
pub fn describe_motion(m: &Messages, heads: &[(String, PointMetrics)], fmt: &dyn Format) -> String {
    let mut sorted: Vec<&(String, PointMetrics)> = heads.iter().collect();
    crate::analysis::sorting::sort_by(&mut sorted, |a, b| b.1.distance.total_cmp(&a.1.distance));
    let say = |(s, metrics): &&(String, PointMetrics)| m.fill("point.motion.head", &[("symbol", s), ("heading", &heading_words(m, metrics, fmt)), ("distance", &fmt.number(metrics.distance, 2))]);
    let mut parts = sorted.iter().map(say);
    let Some(first) = parts.next() else {
        return String::new();
    };
    let heads = parts.fold(first, |text, next| m.fill("point.motion.join", &[("first", &text), ("next", &next)]));
    m.fill("point.motion", &[("heads", &heads)])
}

/// The line charts' summaries' and data tables' sentence on the research note, with a leading
/// space: " The research note was published on Feb 4, 2026." when the chart of `dates`
/// `from..=to` marks its day ([`super::performance::note_index`]), else empty.
pub fn note_sentence(m: &Messages, published: Option<Date>, dates: &[Date], from: usize, to: usize, fmt: &dyn Format) -> String {
    published.filter(|&d| super::performance::note_index(dates, from, to, d).is_some()).map(|d| after_space(m.fill("summary.notePublished", &[("day", &fmt.date(d))]))).unwrap_or_default()
}

/// A tail as the note's sentence reads it: `len` points of the symbol's whole rotation
/// `history` from `start` (the first point since the note is decided on the history,
/// [`super::rotation::note_point`]).
pub struct NoteTail<'a> {
    pub symbol: String,
    pub history: &'a [RotationPoint],
    pub start: usize,
    pub len: usize,
}

/// The rotation summary's sentences on the note: the day, then each tail whose first point
/// since then is drawn, from that point's quadrant to its head's, joined with "; " (" The
/// research note was published on Feb 4, 2026. Since then: IWM moved from Improving to
/// Leading; XLK is still Leading."). Only the day when no tail reaches back to it.
pub fn rotation_note_sentence(m: &Messages, published: Option<Date>, tails: &[NoteTail], fmt: &dyn Format) -> String {
    let Some(day) = published else { return String::new() };
    let moves: Vec<String> = tails
        .iter()
        .filter_map(|t| {
            let then = t.history.get(t.start + super::rotation::note_point(t.history, t.start, t.len, day)?)?;
            let now = t.history.get((t.start + t.len).checked_sub(1)?)?;
            let (symbol, still) = (("symbol", t.symbol.as_str()), then.quadrant == now.quadrant);
            let now = ("now", m.quadrant(now.quadrant));
            Some(if still { m.fill("summary.noteQuadrant.same", &[symbol, now]) } else { m.fill("summary.noteQuadrant", &[symbol, ("then", m.quadrant(then.quadrant)), now]) })
        })
        .collect();
    let mut moves = moves.into_iter();
    let Some(first) = moves.next() else { return String::new() };
    let moves = moves.fold(first, |text, next| m.fill("summary.noteQuadrant.join", &[("first", &text), ("next", &next)]));
    after_space(m.fill("summary.notePublished.quadrants", &[("day", &fmt.date(day)), ("moves", &moves)]))
}

/// The keyboard's words for a rotation point, and that it is the tail's first since the note
/// was published (`at_note`).
pub fn point_at_note(m: &Messages, text: String, at_note: bool) -> String {
    if at_note { m.fill("point.spoken.note", &[("text", &text)]) } else { text }
}

/// The performance chart in words.
#[allow(clippy::too_many_arguments)]
pub fn describe_performance(
    m: &Messages,
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
    let (from, to) = (fmt.date(from), fmt.date(to));
    let key = if benchmark_return.is_some() { "summary.performanceVs" } else { "summary.performance" };
    let benchmark_pct = benchmark_return.map(|r| fmt.percent(r, 1)).unwrap_or_default();
    let facts = [("what", what), ("period", period), ("from", from.as_str()), ("to", to.as_str()), ("benchmark", benchmark), ("return", benchmark_pct.as_str())];
    let mut text = m.count_fill(key, performers.len(), &facts);
    text.push_str(&leaders_and_laggards(m, period, performers, fmt));
    if let Some(r) = benchmark_return {
        let ahead = performers.iter().filter(|p| p.return_pct > r).count();
        text.push_str(&after_space(m.count_fill("summary.beat", ahead, &[("total", &performers.len().to_string()), ("benchmark", benchmark)])));
    }
    text.push_str(&spread_sentence(m, spread, period, fmt));
    text
}

/// The trend chart in words.
#[allow(clippy::too_many_arguments)]
pub fn describe_trend(
    m: &Messages,
    symbol: &str,
    date: Date,
    close: f64,
    sma50: Option<f64>,
    sma200: Option<f64>,
    prior_high: Option<(f64, Date)>,
    from_high_pct: Option<f64>,
    fmt: &dyn Format,
) -> String {
    let mut text = m.fill("summary.trend", &[("symbol", symbol)]);
    let relation = |above: &'static str, below: &'static str, v: Option<f64>| v.map(|a| m.fill(if close >= a { above } else { below }, &[("average", &fmt.number(a, 2))]));
    let rel: Vec<String> = [relation("summary.trend.above50", "summary.trend.below50", sma50), relation("summary.trend.above200", "summary.trend.below200", sma200)].into_iter().flatten().collect();
    let (close, date) = (fmt.number(close, 2), fmt.date(date));
    text.push_str(&after_space(if rel.is_empty() {
        m.fill("summary.trend.close", &[("close", &close), ("date", &date)])
    } else {
        m.fill("summary.trend.closeVs", &[("close", &close), ("date", &date), ("averages", &m.list(&rel))])
    }));
    if let (Some((high, when)), Some(d)) = (prior_high, from_high_pct) {
        let key = if d >= 0.0 { "summary.trend.aboveHigh" } else { "summary.trend.belowHigh" };
        let change = fmt.percent(d.abs(), 1);
        text.push_str(&after_space(m.fill(key, &[("change", change.trim_start_matches('+')), ("high", &fmt.number(high, 2)), ("date", &fmt.date(when))])));
    }
    text
}

/// The one line a reader sees above the publisher's fallback content when the chart cannot be
/// drawn (the detail goes to the console and `rotascope:error`). `www/rotascope.js` says the
/// same when the WebAssembly cannot start.
pub const CHART_UNAVAILABLE: &str = "This chart could not be shown.";

/// A method's name as the method select, its note and the summaries give it.
pub fn method_label(m: &Messages, method: RotationMethod) -> &'static str {
    m.get(match method {
        RotationMethod::LogTrend => "method.logTrend",
        RotationMethod::Zscore => "method.zscore",
    })
}

/// The method's name with its settings: "Log trend (log-trend)", "Z-score (RRG-Lite)
/// (zscore, window 14)".
pub fn method_with_settings(m: &Messages, method: RotationMethod, window: usize) -> String {
    let key = match method {
        RotationMethod::LogTrend => "method.settings.logTrend",
        RotationMethod::Zscore => "method.settings.zscore",
    };
    m.fill(key, &[("method", method_label(m, method)), ("name", method.name()), ("window", &window.to_string())])
}

/// The line under the method select, which opens [`method_explainer`]: "How Log trend
/// computes RS-Ratio and RS-Momentum".
pub fn method_summary(m: &Messages, method: RotationMethod) -> String {
    m.fill("method.summary", &[("method", method_label(m, method))])
}

/// What RS-Ratio and RS-Momentum mean for `method`, its parameters and the samples it needs
/// (README "Rotation methods" has the same, with the reasons). Each sentence is written out
/// per interval: the unit's case and form change with the words around it.
pub fn method_explainer(m: &Messages, method: RotationMethod, window: usize, interval: Interval) -> Vec<String> {
    let weekly = interval == Interval::Weekly;
    let pick = |week: &'static str, day: &'static str| if weekly { week } else { day };
    let needs = method.samples_needed(window).to_string();
    let window = window.to_string();
    let rs = m.get(pick("method.rs.weekly", "method.rs.daily")).to_owned();
    match method {
        RotationMethod::LogTrend => vec![
            rs,
            m.get(pick("method.logTrend.ratio.weekly", "method.logTrend.ratio.daily")).to_owned(),
            m.get(pick("method.logTrend.momentum.weekly", "method.logTrend.momentum.daily")).to_owned(),
            m.fill(pick("method.logTrend.needs.weekly", "method.logTrend.needs.daily"), &[("n", &needs)]),
        ],
        RotationMethod::Zscore => vec![
            rs,
            m.fill(pick("method.zscore.ratio.weekly", "method.zscore.ratio.daily"), &[("window", &window)]),
            m.get("method.zscore.range").to_owned(),
            m.fill(pick("method.zscore.needs.weekly", "method.zscore.needs.daily"), &[("n", &needs)]),
        ],
    }
}

/// Which method drew the graph and, when zoomed, what part of it is in view: "Method Log
/// trend (log-trend). Zoomed to RS-Ratio 98.00 to 102.00, RS-Momentum 99.00 to 101.00."
pub fn describe_extent(m: &Messages, method: RotationMethod, window: usize, zoom: Option<super::rotation::Viewport>, fmt: &dyn Format) -> String {
    let mut text = m.fill("method.extent", &[("method", &method_with_settings(m, method, window))]);
    if let Some(v) = zoom {
        text.push_str(&after_space(m.fill(
            "method.zoomed",
            &[
                ("ratioFrom", &fmt.number(v.x.0, 2)),
                ("ratioTo", &fmt.number(v.x.1, 2)),
                ("momentumFrom", &fmt.number(v.y.0, 2)),
                ("momentumTo", &fmt.number(v.y.1, 2)),
            ],
        )));
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
        let en = Messages::english();
        let d = |s: &str| Date::parse_iso(s).unwrap();
        let to = d("2026-06-30");
        assert_eq!(
            subtitle(&en, Shown::Rotation { benchmark: "SPY", interval: Interval::Weekly, method: RotationMethod::LogTrend }, to, &PlainFormat),
            "Against SPY · weekly · Log trend · data to Jun 30, 2026"
        );
        assert_eq!(
            subtitle(&en, Shown::Rotation { benchmark: "IWM", interval: Interval::Daily, method: RotationMethod::Zscore }, to, &PlainFormat),
            "Against IWM · daily · Z-score (RRG-Lite) · data to Jun 30, 2026"
        );
        assert_eq!(subtitle(&en, Shown::Performance { benchmark: "SPY", period: Period::YearToDate }, to, &PlainFormat), "Against SPY · YTD · data to Jun 30, 2026");
        // The trend view is the symbol's own price: no "Against".
        assert_eq!(
            subtitle(&en, Shown::Trend { symbol: "IWM", period: Period::Since(d("2026-01-15")) }, to, &PlainFormat),
            "Trend of IWM · since Jan 15, 2026 · data to Jun 30, 2026"
        );
    }

    #[test]
    fn the_method_select_and_its_note_name_the_same_method_in_reader_words() {
        let en = Messages::english();
        for m in RotationMethod::ALL {
            let label = method_label(&en, m);
            // The note under the select names the method as the select does.
            assert!(method_summary(&en, m).contains(label), "{} / {label}", method_summary(&en, m));
            // Settings, where shown, add the config name in brackets after the same words.
            assert!(method_with_settings(&en, m, 14).starts_with(&format!("{label} ({}", m.name())));
            // Reader words, not the config name (`log-trend`), and never the retired method.
            for text in [label.to_string(), method_summary(&en, m)] {
                assert!(!text.contains(m.name()) && !text.contains("ratio-roc") && !text.contains("rate of change"), "{text}");
            }
        }
        assert_eq!(method_summary(&en, RotationMethod::LogTrend), "How Log trend computes RS-Ratio and RS-Momentum");
    }

    #[test]
    fn rotation_summary_names_each_quadrant_and_the_extremes() {
        let en = Messages::english();
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
        let text = describe_rotation(&en, "SPY", Interval::Weekly, Date::parse_iso("2026-06-12").unwrap(), &heads, "YTD", &performers, Some(&spread), &PlainFormat);
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
        let en = Messages::english();
        let d = |s| Date::parse_iso(s).unwrap();
        let performers = vec![Performer { symbol: "IWM".into(), return_pct: 10.0 }, Performer { symbol: "IJR".into(), return_pct: -2.0 }];
        let text = describe_performance(&en, "SPY", "% change", "YTD", d("2025-12-31"), d("2026-07-13"), &performers, Some(5.0), None, &PlainFormat);
        assert_eq!(
            text,
            "Line chart of the % change of 2 symbols for YTD, from Dec 31, 2025 to Jul 13, 2026, against SPY (SPY +5.0%). \
             YTD leaders: IWM (+10.0%). Laggards: IJR (−2.0%). 1 of 2 beat SPY."
        );
        let text = describe_trend(&en, "IWM", d("2026-07-13"), 293.48, Some(288.63), Some(261.3), Some((300.45, d("2026-06-30"))), Some(-2.32), &PlainFormat);
        assert_eq!(
            text,
            "Price of IWM with its 50- and 200-day moving averages. It closed at 293.48 on Jul 13, 2026, above its 50-day average (288.63) and above its 200-day average (261.30). \
             That is 2.3% below its prior high of 300.45 on Jun 30, 2026."
        );
    }

    #[test]
    fn points_and_heads_are_told_with_heading_distance_and_velocity() {
        let en = Messages::english();
        use crate::analysis::rotation_metrics::metrics_at;
        // (100, 100) → (101, 101): 45°, north-east; distance √2 = 1.41; one step of √2.
        let mut history = vec![point(100.0, 100.0), point(101.0, 101.0)];
        history[1].partial = true;
        let m = metrics_at(&history, 1, 10).unwrap();
        assert_eq!(
            describe_point(&en, "IWM", &history[1], &m, Interval::Weekly, &PlainFormat),
            "IWM, Leading, RS-Ratio 101.00, RS-Momentum 101.00, heading north-east (45°), distance 1.41, velocity 1.41 per week, week of Jun 8, 2026, week in progress"
        );
        let first = metrics_at(&history, 0, 10).unwrap();
        assert_eq!(
            describe_point(&en, "IWM", &history[0], &first, Interval::Daily, &PlainFormat),
            "IWM, Leading, RS-Ratio 100.00, RS-Momentum 100.00, no heading, distance 0.00, Jun 12, 2026"
        );
        let lines = point_lines(&en, &history[0], &first, Interval::Daily, &PlainFormat);
        assert_eq!(lines[4..], ["Heading –", "Distance 0.00"]);
        assert_eq!(point_lines(&en, &history[1], &m, Interval::Daily, &PlainFormat)[0], "Jun 12, 2026 (week in progress)");
        assert_eq!(point_lines(&en, &history[1], &m, Interval::Daily, &PlainFormat)[6], "Velocity 1.41 per day");
        let heads = vec![("IWM".to_string(), m), ("XLE".to_string(), PointMetrics { heading_deg: Some(200.0), distance: 3.0, velocity: None }), ("SPY".to_string(), first)];
        assert_eq!(
            describe_motion(&en, &heads, &PlainFormat),
            "Heading and distance from 100/100: XLE west (200°), 3.00; IWM north-east (45°), 1.41; SPY no heading, 0.00."
        );
        assert_eq!(describe_motion(&en, &[], &PlainFormat), "");
    }

    #[test]
    fn the_summaries_name_the_notes_day_and_the_rotation_says_where_each_tail_was_then() {
        let en = Messages::english();
        let d = |s: &str| Date::parse_iso(s).unwrap();
        let dates: Vec<Date> = (0..10).map(|i| d("2026-02-02").add_days(i)).collect();
        assert_eq!(note_sentence(&en, Some(d("2026-02-04")), &dates, 0, 9, &PlainFormat), " The research note was published on Feb 4, 2026.");
        assert_eq!(note_sentence(&en, Some(d("2026-02-04")), &dates, 5, 9, &PlainFormat), "", "before the range");
        assert_eq!(note_sentence(&en, None, &dates, 0, 9, &PlainFormat), "");
        let at = |iso: &str, r: f64, m: f64| RotationPoint { date: d(iso), ..point(r, m) };
        let iwm = [at("2026-01-30", 99.0, 99.0), at("2026-02-06", 99.5, 100.5), at("2026-02-13", 101.0, 101.0)];
        let late = [at("2026-02-13", 101.0, 99.0)];
        fn whole<'a>(symbol: &str, h: &'a [RotationPoint]) -> NoteTail<'a> {
            NoteTail { symbol: symbol.into(), history: h, start: 0, len: h.len() }
        }
        let tails = [whole("IWM", &iwm), whole("XLU", &late)];
        assert_eq!(
            rotation_note_sentence(&en, Some(d("2026-02-04")), &tails, &PlainFormat),
            " The research note was published on Feb 4, 2026. Since then: IWM moved from Improving to Leading.",
            "XLU's history starts after the day: not said"
        );
        assert_eq!(rotation_note_sentence(&en, Some(d("2026-03-04")), &tails, &PlainFormat), "");
        // A tail drawn from the point after the day (its history reaching back before it) says
        // where that point was; a quadrant unchanged is "still"; the items are joined with "; ".
        let xlk = [at("2026-01-30", 101.0, 101.0), at("2026-02-06", 102.0, 101.0), at("2026-02-13", 101.0, 102.0)];
        let xle = [at("2026-01-30", 99.0, 99.0), at("2026-02-06", 98.0, 99.0), at("2026-02-13", 99.0, 101.0)];
        let tails = [NoteTail { symbol: "IWM".into(), history: &iwm, start: 1, len: 2 }, whole("XLK", &xlk), NoteTail { symbol: "XLE".into(), history: &xle, start: 1, len: 2 }];
        assert_eq!(
            rotation_note_sentence(&en, Some(d("2026-02-04")), &tails, &PlainFormat),
            " The research note was published on Feb 4, 2026. Since then: IWM moved from Improving to Leading; XLK is still Leading; XLE moved from Lagging to Improving."
        );
        // A tail drawn only after that point says nothing of it.
        let short = [NoteTail { symbol: "IWM".into(), history: &iwm, start: 2, len: 1 }];
        assert_eq!(rotation_note_sentence(&en, Some(d("2026-02-04")), &short, &PlainFormat), "");
        // In German, from the shipped table.
        use crate::chart::messages::{keep, parse_table};
        let de = Messages::new("de", keep(parse_table(include_str!("../../www/lang/de.json")).unwrap()), &[], None);
        assert_eq!(
            rotation_note_sentence(&de, Some(d("2026-02-04")), &tails, &PlainFormat),
            " Die Research-Studie wurde am Feb 4, 2026 veröffentlicht. Quadranten seitdem: IWM von Aufholend nach Führend; XLK weiterhin Führend; XLE von Nachlaufend nach Aufholend."
        );
        assert_eq!(point_at_note(&en, "IWM, Leading".into(), true), "IWM, Leading, the first point since the research note was published");
    }

    /// German, from the shipped table: whole sentences filled with their placeholders, the
    /// list joined with "und", the quadrants and compass in German.
    #[test]
    fn summaries_read_in_the_readers_language() {
        use crate::chart::messages::{keep, parse_table};
        let table = keep(parse_table(include_str!("../../www/lang/de.json")).unwrap());
        let de = Messages::new("de", table, &[], None);
        let heads = vec![("XLK".to_string(), point(101.0, 100.5)), ("XLF".to_string(), point(101.8, 100.2)), ("IWM".to_string(), point(99.2, 101.4))];
        let text = describe_rotation(&de, "SPY", Interval::Weekly, Date::parse_iso("2026-06-12").unwrap(), &heads, "YTD", &[], None, &PlainFormat);
        assert_eq!(
            text,
            "Relative-Rotation-Graph von 3 Symbolen gegenüber SPY, wöchentlich, Stand Jun 12, 2026: RS-Ratio (relative Stärke) waagrecht, RS-Momentum (deren Änderungsrate) senkrecht. \
             Führend: XLF und XLK. Aufholend: IWM. \
             Höchste relative Stärke: XLF (101.80); niedrigste: IWM (99.20)."
        );
        assert_eq!(de.list(&["a".into(), "b".into(), "c".into()]), "a, b und c");
        let m = PointMetrics { heading_deg: Some(45.0), distance: 1.5, velocity: None };
        assert_eq!(describe_motion(&de, &[("IWM".to_string(), m)], &PlainFormat), "Richtung und Abstand von 100/100: IWM Nordosten (45°), 1.50.");
        assert_eq!(method_with_settings(&de, RotationMethod::Zscore, 14), "Z-Score (RRG-Lite) (zscore, Fenster 14)");
    }

    #[test]
    fn lists_read_naturally() {
        let en = Messages::english();
        assert_eq!(en.list(&["a".into()]), "a");
        assert_eq!(en.list(&["a".into(), "b".into(), "c".into()]), "a, b and c");
    }

    #[test]
    fn extent_names_the_method_and_the_zoom() {
        let en = Messages::english();
        use crate::analysis::rotation::RotationMethod;
        use crate::chart::rotation::Viewport;
        assert_eq!(
            describe_extent(&en, RotationMethod::Zscore, 14, None, &PlainFormat),
            "Method Z-score (RRG-Lite) (zscore, window 14)."
        );
        let zoom = Viewport { x: (98.0, 102.0), y: (99.5, 101.0) };
        let text = describe_extent(&en, RotationMethod::LogTrend, 10, Some(zoom), &PlainFormat);
        assert_eq!(text, "Method Log trend (log-trend). Zoomed to RS-Ratio 98.00 to 102.00, RS-Momentum 99.50 to 101.00.");
        assert_eq!(method_explainer(&en, RotationMethod::LogTrend, 14, Interval::Weekly).last().map(String::as_str), Some("Needs 31 weekly closes; the window setting is not used."));
        assert_eq!(method_explainer(&en, RotationMethod::Zscore, 14, Interval::Daily).last().map(String::as_str), Some("Needs 27 daily closes."));
        let p = |x: f64, y: f64| RotationPoint { date: Date::parse_iso("2026-01-05").unwrap(), rs_ratio: x, rs_momentum: y, quadrant: Quadrant::of(x, y), partial: false, index: 0 };
        let kept = points_in_view(&[p(97.0, 100.0), p(100.0, 100.0), p(101.0, 101.5)], Some(zoom));
        assert_eq!(kept.iter().map(|q| q.rs_ratio).collect::<Vec<_>>(), vec![100.0]);
        assert_eq!(points_in_view(&[p(97.0, 100.0)], None).len(), 1);
    }
}
