//! The words the components show around the charts: what the live region announces, the
//! charts' accessible names, tooltip and keyboard readings, table captions, PNG titles, the
//! performance modes' names, the trend's figures, the note card's texts and the loading line.
//! The components only pass them on; each text here is tested as it reads.

use super::describe::period_name;
use super::format::Format;
use super::messages::Messages;
use super::performance::{NoteDay, ValueKind};
use super::theme::{Palette, Rgb};
use crate::analysis::lines::Line;
use crate::analysis::period::Period;
use crate::analysis::rotation::{Interval, Quadrant};
use crate::analysis::sentiment::{Band, LabelCheck};
use crate::analysis::trend::{TrendLines, TrendSummary};
use crate::analysis::Date;
use crate::model::{LineKey, Model, PerfMode};


// ---- The widget and its controls ----------------------------------------------------------
//
// The chrome's words (tabs, controls, buttons, toggles, exports, headings, quadrant names) are
// messages in the reader's language ([`super::messages`]): the components look them up by key.

/// The view tabs' names in English, in tab order (rotation, performance, trend): their test
/// ids and what the live region announces.
pub const TAB_NAMES: [&str; 3] = ["Rotation", "Performance", "Trend"];

/// The view tabs' message keys, in tab order.
pub const TAB_KEYS: [&str; 3] = ["tab.rotation", "tab.performance", "tab.trend"];

/// The settings the widget did not know, or nothing when there were none.
pub fn ignored_settings(m: &Messages, names: &[String]) -> Option<String> {
    (!names.is_empty()).then(|| m.fill("settings.ignored", &[("names", &names.join(", "))]))
}

/// The last item of a shortened list: "and 3 more".
pub fn and_more(m: &Messages, n: usize) -> String {
    m.count("list.more", n)
}

/// A symbol with its name when the data has one: "XLK · Technology" (benchmark choices,
/// the rotation graph's tooltip title).
pub fn symbol_with_name(m: &Messages, symbol: &str, name: Option<&str>) -> String {
    match name {
        Some(n) => m.fill("label.symbolWithName", &[("symbol", symbol), ("name", n)]),
        None => symbol.to_owned(),
    }
}

/// A chart's accessible name when it takes the keyboard: its label, then the keys.
pub fn with_keys(m: &Messages, label: &str) -> String {
    m.fill("label.withKeys", &[("label", label)])
}

/// The line under an exported PNG: the product, how the prices are adjusted, their source.
pub fn source_line(m: &Messages, adjustment: &str, source: Option<&str>) -> String {
    match source {
        Some(src) => m.fill("export.sourceLineWithSource", &[("adjustment", adjustment), ("source", src)]),
        None => m.fill("export.sourceLine", &[("adjustment", adjustment)]),
    }
}

/// " weeks" after the tail slider's value (one sample unit: "week", "days", …).
pub fn tail_unit(m: &Messages, interval: Interval, tail: usize) -> String {
    format!(" {}", m.count(unit_key(interval), tail))
}

/// The plural message of one sample of `interval`: `unit.week`, `unit.day`.
fn unit_key(interval: Interval) -> &'static str {
    match interval {
        Interval::Weekly => "unit.week",
        Interval::Daily => "unit.day",
    }
}

/// "Tail " before the tail slider's value.
pub fn tail_label(m: &Messages) -> String {
    format!("{} ", m.get("control.tail"))
}

pub fn quadrant_short(m: &Messages, q: Quadrant) -> &'static str {
    m.get(match q {
        Quadrant::Leading => "quadrant.short.leading",
        Quadrant::Weakening => "quadrant.short.weakening",
        Quadrant::Lagging => "quadrant.short.lagging",
        Quadrant::Improving => "quadrant.short.improving",
    })
}

/// The four quadrants' names in [`Quadrant::ALL`]'s order (the rotation graph's corners).
pub fn quadrant_names(m: &Messages) -> [&'static str; 4] {
    Quadrant::ALL.map(|q| m.quadrant(q))
}

// ---- Announcements (the polite live region) -----------------------------------------------

/// The tail length, or the interval and the tail when the interval just changed.
pub fn tail_changed(m: &Messages, tail: usize, interval: Interval, interval_changed: bool) -> String {
    let base = match (interval_changed, interval) {
        (false, Interval::Weekly) => "announce.tail.weekly",
        (false, Interval::Daily) => "announce.tail.daily",
        (true, Interval::Weekly) => "announce.interval.weekly",
        (true, Interval::Daily) => "announce.interval.daily",
    };
    m.count(base, tail)
}

pub fn benchmark_changed(m: &Messages, symbol: &str) -> String {
    m.fill("announce.benchmark", &[("symbol", symbol)])
}

pub fn period_changed(m: &Messages, period: &Period, fmt: &dyn Format) -> String {
    m.fill("announce.period", &[("period", &period_name(m, *period, fmt))])
}

/// "Rotation view", from the tab's name.
pub fn view_changed(m: &Messages, tab: &str) -> String {
    m.fill("announce.view", &[("tab", tab)])
}

pub fn hidden_changed(m: &Messages, symbol: &str, hidden: bool) -> String {
    m.fill(if hidden { "announce.hidden" } else { "announce.shown" }, &[("symbol", symbol)])
}

pub fn highlight_changed(m: &Messages, symbol: Option<&str>) -> String {
    symbol.map_or_else(|| m.get("announce.highlightCleared").to_owned(), |s| m.fill("announce.highlighted", &[("symbol", s)]))
}

pub fn playing_changed(m: &Messages, playing: bool) -> &'static str {
    m.get(if playing { "announce.playing" } else { "announce.paused" })
}

/// The date the graph was scrubbed to.
pub fn showing_date(m: &Messages, date: Date, fmt: &dyn Format) -> String {
    m.fill("announce.showing", &[("date", &fmt.date(date))])
}

pub fn csv_ready(m: &Messages) -> &'static str {
    m.get("announce.csvReady")
}

pub fn png_ready(m: &Messages) -> &'static str {
    m.get("announce.pngReady")
}

// ---- Line charts (performance and trend) --------------------------------------------------

/// One line's reading in a tooltip: "XLK +4.20%".
pub fn reading(m: &Messages, label: &str, value: &str) -> String {
    m.fill("label.reading", &[("label", label), ("value", value)])
}

/// What the keyboard announces on a line at a date: "XLK +4.20% on Jun 30, 2026", or that the
/// line has no value there.
pub fn value_on(m: &Messages, who: &str, value: Option<&str>, day: &str) -> String {
    match value {
        Some(v) => m.fill("label.valueOn", &[("who", who), ("value", v), ("day", day)]),
        None => m.fill("label.noValueOn", &[("who", who), ("day", day)]),
    }
}

/// A day as read where the note's publication is marked (tooltip title, keyboard, the date
/// slider): "Feb 4, 2026"; at the mark (`at_note`), "Feb 4, 2026 (note published)" when it is
/// the publication day itself, else "Feb 8, 2026 (first since the note)".
pub fn day_read(m: &Messages, day: String, at_note: Option<NoteDay>) -> String {
    match at_note {
        None => day,
        Some(NoteDay::Published) => m.fill("label.notePublishedOn", &[("day", &day)]),
        Some(NoteDay::FirstSince) => m.fill("label.noteFirstSince", &[("day", &day)]),
    }
}

/// The date slider's note mark's title: "Research note published Feb 4, 2026".
pub fn slider_mark_title(m: &Messages, day: Date, fmt: &dyn Format) -> String {
    m.fill("label.noteMarkTitle", &[("day", &fmt.date(day))])
}

// ---- The performance view -----------------------------------------------------------------

/// How the performance modes are named, each where it appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModeWords {
    /// In the chart's accessible name.
    pub chart: &'static str,
    /// In the summary.
    pub summary: &'static str,
    /// In the data table's caption.
    pub table: &'static str,
    /// What the live region says when the mode is chosen.
    pub chosen: &'static str,
}

pub fn mode_words(m: &Messages, mode: PerfMode) -> ModeWords {
    let [chart, summary, table, chosen] = match mode {
        PerfMode::PercentChange => ["perf.percent.chart", "perf.percent.summary", "perf.percent.table", "perf.percent.chosen"],
        PerfMode::Ratio => ["perf.ratio.chart", "perf.ratio.summary", "perf.ratio.table", "perf.ratio.chosen"],
        PerfMode::BasketSpread => ["perf.spread.chart", "perf.spread.summary", "perf.spread.table", "perf.spread.chosen"],
    }
    .map(|key| m.get(key));
    ModeWords { chart, summary, table, chosen }
}

/// The first basket minus the second: "Growth − Value".
pub fn spread_name(m: &Messages, first: &str, second: &str) -> String {
    m.fill("perf.spreadName", &[("first", first), ("second", second)])
}

/// The mode buttons: % change and ratio, and the spread of the first two baskets when there
/// are two (named by them: [`spread_name`]).
pub fn mode_options(m: &Messages, baskets: Option<(&str, &str)>) -> Vec<(PerfMode, String)> {
    let mut out = vec![(PerfMode::PercentChange, m.get("mode.percent").to_owned()), (PerfMode::Ratio, m.get("mode.ratio").to_owned())];
    if let Some((a, b)) = baskets {
        out.push((PerfMode::BasketSpread, spread_name(m, a, b)));
    }
    out
}

pub fn performance_chart_label(m: &Messages, mode: PerfMode, benchmark: &str, period: &Period, fmt: &dyn Format) -> String {
    m.fill("perf.chartLabel", &[("mode", mode_words(m, mode).chart), ("benchmark", benchmark), ("period", &period_name(m, *period, fmt))])
}

pub fn performance_table_caption(m: &Messages, mode: PerfMode, period: &Period, benchmark: &str, fmt: &dyn Format) -> String {
    m.fill("perf.tableCaption", &[("mode", mode_words(m, mode).table), ("period", &period_name(m, *period, fmt)), ("benchmark", benchmark)])
}

pub fn performance_png_title(m: &Messages, period: &Period, benchmark: &str, fmt: &dyn Format) -> String {
    m.fill("perf.pngTitle", &[("period", &period_name(m, *period, fmt)), ("benchmark", benchmark)])
}

/// The returns table's caption: "YTD returns to Jun 30, 2026, ranked".
pub fn returns_caption(m: &Messages, period: &Period, as_of: Date, fmt: &dyn Format) -> String {
    m.fill("returns.caption", &[("period", &period_name(m, *period, fmt)), ("date", &fmt.date(as_of))])
}

/// The returns table's column headings (the bar's is for screen readers only), and the
/// benchmark's own row in the "vs benchmark" column.
pub struct ReturnsHeadings {
    pub rank: &'static str,
    pub symbol: &'static str,
    pub name: &'static str,
    pub return_pct: &'static str,
    pub excess: &'static str,
    pub bar: &'static str,
    pub benchmark: &'static str,
}

pub fn returns_headings(m: &Messages) -> ReturnsHeadings {
    ReturnsHeadings {
        rank: m.get("returns.rank"),
        symbol: m.get("returns.symbol"),
        name: m.get("returns.name"),
        return_pct: m.get("returns.return"),
        excess: m.get("returns.excess"),
        bar: m.get("returns.bar"),
        benchmark: m.get("returns.benchmark"),
    }
}

/// A line's reading in its unit: "XLK +4.20%".
pub fn line_reading(m: &Messages, label: &str, kind: ValueKind, value: f64, fmt: &dyn Format) -> String {
    reading(m, label, &kind.format(fmt, value))
}

// ---- The trend view -----------------------------------------------------------------------

/// The trend's figures' names above the chart (close, averages, from the prior high).
pub fn trend_figure_names(m: &Messages) -> [&'static str; 4] {
    [m.get("trend.close"), m.get("trend.sma50"), m.get("trend.sma200"), m.get("trend.fromHigh")]
}

/// Who a trend line is when announced: the symbol for its close, "IWM SMA 50" for an average.
pub fn trend_line_owner(m: &Messages, symbol: &str, line: &str) -> String {
    if line == m.get("trend.close") { symbol.to_owned() } else { m.fill("trend.lineOwner", &[("symbol", symbol), ("line", line)]) }
}

/// Why the trend view has nothing to show (a notice).
pub fn no_closes(m: &Messages, symbol: &str) -> String {
    m.fill("trend.noCloses", &[("symbol", symbol)])
}

/// The same, as the summary's sentence.
pub fn no_closes_sentence(m: &Messages, symbol: &str) -> String {
    m.fill("trend.noClosesSentence", &[("symbol", symbol)])
}

pub fn trend_chart_label(m: &Messages, symbol: &str) -> String {
    m.fill("trend.chartLabel", &[("symbol", symbol)])
}

pub fn trend_table_caption(m: &Messages, symbol: &str, period: &Period, fmt: &dyn Format) -> String {
    m.fill("trend.tableCaption", &[("symbol", symbol), ("period", &period_name(m, *period, fmt))])
}

pub fn trend_png_title(m: &Messages, symbol: &str, period: &Period, fmt: &dyn Format) -> String {
    m.fill("trend.pngTitle", &[("symbol", symbol), ("period", &period_name(m, *period, fmt))])
}

/// The trend's figures above the chart: each value and its muted aside (with its leading
/// space), as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendFigures {
    pub close: String,
    pub close_date: String,
    pub sma50: String,
    pub sma50_side: String,
    pub sma200: String,
    pub sma200_side: String,
    pub from_high: String,
}

pub fn trend_figures(m: &Messages, s: &TrendSummary, fmt: &dyn Format) -> TrendFigures {
    let value = |v: Option<f64>| v.map_or_else(|| m.get("trend.notEnoughHistory").to_owned(), |v| fmt.number(v, 2));
    let side = |avg: Option<f64>| {
        let word = match avg {
            Some(a) if s.close >= a => m.get("trend.above"),
            Some(_) => m.get("trend.below"),
            None => "",
        };
        format!(" {word}")
    };
    TrendFigures {
        close: fmt.number(s.close, 2),
        close_date: format!(" {}", fmt.date(s.date)),
        sma50: value(s.sma50),
        sma50_side: side(s.sma50),
        sma200: value(s.sma200),
        sma200_side: side(s.sma200),
        from_high: s.from_high_pct.map_or_else(|| m.get("trend.noEarlierClose").to_owned(), |d| fmt.percent(d, 1)),
    }
}

// ---- The rotation view --------------------------------------------------------------------

/// The rotation graph's accessible name.
pub fn rotation_chart_label(m: &Messages, symbols: usize, benchmark: &str) -> String {
    m.count_fill("rotation.chartLabel", symbols, &[("benchmark", benchmark)])
}

/// The rotation summary: where the heads are, how they move, and what the graph shows.
pub fn rotation_summary(m: &Messages, rotation: &str, motion: &str, extent: &str) -> String {
    m.fill("rotation.summary", &[("rotation", rotation), ("motion", motion), ("extent", extent)])
}

/// The rotation table's caption; the count picks the sentence's form, the unit its own.
pub fn rotation_table_caption(m: &Messages, benchmark: &str, interval: Interval, tail: usize, extent: &str) -> String {
    let unit = m.count(unit_key(interval), tail);
    m.count_fill("rotation.tableCaption", tail, &[("benchmark", benchmark), ("unit", &unit), ("extent", extent)])
}

pub fn rotation_png_title(m: &Messages, benchmark: &str, as_of: Date, fmt: &dyn Format) -> String {
    m.fill("rotation.pngTitle", &[("benchmark", benchmark), ("date", &fmt.date(as_of))])
}

// ---- The note card ------------------------------------------------------------------------

// The card's words are messages in the reader's language ([`super::claims::MESSAGES`]): its
// name (`card.label`), failure notice (`card.failed`), link to the note (`card.read`), the
// disagreement mark (`card.disagree`), the chips' group (`card.chips`), a claim's figures
// (`claim.stated`, `claim.computed`), the checked figures' section (`claim.label`,
// `claim.heading`, `claim.csv`) and the alerts' heading (`alert.heading`).

/// The sentiment gauge's scale under it: its ends and its middle.
pub const GAUGE_SCALE: [&str; 3] = ["−1", "0", "+1"];

/// What separates the parts of the line under the note's title (and the link after them).
pub const META_SEPARATOR: &str = " · ";

/// The line under the note's title: its source and its publication day, those it has.
pub fn note_meta(source: Option<&str>, published: Option<&str>) -> String {
    [source, published].into_iter().flatten().collect::<Vec<_>>().join(META_SEPARATOR)
}
/// A sentiment band's name in the reader's language (the note's own label is shown as given).
pub fn band_name(m: &Messages, band: Band) -> &'static str {
    m.get(match band {
        Band::StronglyNegative => "card.band.stronglyNegative",
        Band::MildlyNegative => "card.band.mildlyNegative",
        Band::Neutral => "card.band.neutral",
        Band::MildlyPositive => "card.band.mildlyPositive",
        Band::StronglyPositive => "card.band.stronglyPositive",
    })
}

/// The sentiment gauge's texts: its accessible name, and what is said when the note's label
/// and its score disagree (or the label is not on the scale).
pub fn sentiment_words(m: &Messages, shown: &str, score: &str, band: Band, check: &LabelCheck) -> (String, Option<String>) {
    let alt = m.fill("card.sentiment", &[("label", shown), ("score", score)]);
    let key = match check {
        LabelCheck::NoLabel | LabelCheck::Agrees => None,
        LabelCheck::Disagrees { .. } => Some("card.sentiment.disagrees"),
        LabelCheck::NotOnScale => Some("card.sentiment.offScale"),
    };
    (alt, key.map(|k| m.fill(k, &[("label", shown), ("score", score), ("band", band_name(m, band))])))
}

/// A ticker chip's title: what choosing it does, or why it does nothing.
pub fn chip_title(m: &Messages, ticker: &str, in_data: bool) -> String {
    m.fill(if in_data { "card.chip.highlight" } else { "card.chip.missing" }, &[("symbol", ticker)])
}

/// A claim's basis after its figures: " (close to close)".
pub fn basis_aside(m: &Messages, basis: &str) -> String {
    m.fill("claim.basis.aside", &[("basis", basis)])
}

/// A rotation alert: "XLK Improving → Leading".
pub fn alert_text(m: &Messages, symbol: &str, from: Quadrant, to: Quadrant) -> String {
    m.fill("alert.text", &[("symbol", symbol), ("from", m.quadrant(from)), ("to", m.quadrant(to))])
}

/// The line under a refreshing chart: "Updated 10:32" (the last time its server answered),
/// or, while refreshes fail, since when it could not update.
pub fn refresh_status(m: &Messages, time: &str, failing: bool) -> String {
    m.fill(if failing { "refresh.failed" } else { "refresh.updated" }, &[("time", time)])
}

/// What a screen reader hears once new prices are drawn: "Prices updated to Dec 4, 2026: IWM
/// moved into Leading" (the changes `moves` brought, each as symbol and new quadrant).
pub fn refresh_announcement(m: &Messages, latest: Date, moves: &[(&str, Quadrant)], fmt: &dyn Format) -> String {
    let date = fmt.date(latest);
    if moves.is_empty() {
        return m.fill("refresh.announce", &[("date", &date)]);
    }
    let moves: Vec<String> = moves.iter().map(|(symbol, to)| m.fill("refresh.moved", &[("symbol", symbol), ("to", m.quadrant(*to))])).collect();
    m.fill("refresh.announce.moves", &[("date", &date), ("moves", &m.list(&moves))])
}

/// When an alert happened, after it: " · week of Jun 22, 2026", " · Jun 24, 2026", and
/// " (week in progress)" for a partial week (daily samples are never partial).
pub fn alert_when(m: &Messages, interval: Interval, date: Date, partial: bool, fmt: &dyn Format) -> String {
    let when = match interval {
        Interval::Weekly => m.fill(if partial { "alert.week.partial" } else { "alert.week" }, &[("date", &fmt.date(date.week_start()))]),
        Interval::Daily => fmt.date(date),
    };
    META_SEPARATOR.to_owned() + &when
}

/// Label, colour and dash of a performance line: the benchmark dashed in the text colour, a
/// symbol in its series colour, a basket in its basket's colour, the spread in the text colour.
pub fn line_style(m: &Messages, model: &Model, palette: &Palette, key: LineKey, benchmark: usize) -> (String, Rgb, bool) {
    let basket = |k: usize| model.baskets.get(k).map_or("", |b| b.name.as_str());
    match key {
        LineKey::Symbol(p) if p == benchmark => (model.symbol(p).to_owned(), palette.text, true),
        LineKey::Symbol(p) => (model.symbol(p).to_owned(), palette.series_colour(model.colour_slot(p)), false),
        LineKey::Basket(k) => (basket(k).to_owned(), palette.series_colour(k), false),
        LineKey::Spread => (spread_name(m, basket(0), basket(1)), palette.text, false),
    }
}

/// The trend chart's lines with their names: the close, then the averages that exist.
pub fn trend_lines<'a>(m: &Messages, lines: &'a TrendLines) -> Vec<(&'static str, &'a Line)> {
    let mut out = vec![(m.get("trend.close"), &lines.close)];
    out.extend(lines.sma50.as_ref().map(|l| (m.get("trend.sma50"), l)));
    out.extend(lines.sma200.as_ref().map(|l| (m.get("trend.sma200"), l)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::format::PlainFormat;

    /// SPY, IWM and IJR over 260 weekdays, with baskets "small" (IWM, IJR) and "large" (SPY).
    fn model() -> Model {
        use crate::analysis::input::parse_contract_json;
        let first = Date::parse_iso("2025-01-06").unwrap();
        let dates: Vec<String> = (0..).map(|i| first.add_days(i)).filter(|d| d.weekday() < 5).take(260).map(|d| format!("\"{d}\"")).collect();
        let series = |f: &dyn Fn(f64) -> f64| (0..260).map(|i| format!("{}", f(f64::from(i)))).collect::<Vec<_>>().join(",");
        let json = format!(
            r#"{{"dates":[{}],"series":{{"SPY":[{}],"IWM":[{}],"IJR":[{}]}}}}"#,
            dates.join(","),
            series(&|i| 100.0 + i * 0.1),
            series(&|i| 50.0 + i * 0.2),
            series(&|i| 80.0 - i * 0.05)
        );
        let options = crate::model::AnalyzeOptions {
            baskets: vec![("small".into(), vec!["IWM".into(), "IJR".into()]), ("large".into(), vec!["SPY".into()])],
            ..crate::model::AnalyzeOptions::default()
        };
        Model::new(std::rc::Rc::new(parse_contract_json(&json).unwrap()), &options).unwrap()
    }

    #[test]
    fn the_benchmark_is_dashed_in_the_text_colour_and_the_others_keep_their_colours() {
        let m = model();
        let palette = Palette::light();
        let (spy, iwm) = (m.table.position("SPY").unwrap(), m.table.position("IWM").unwrap());
        let en = Messages::english();
        assert_eq!(line_style(&en, &m, &palette, LineKey::Symbol(spy), spy), ("SPY".to_string(), palette.text, true));
        assert_eq!(line_style(&en, &m, &palette, LineKey::Symbol(iwm), spy), ("IWM".to_string(), palette.series_colour(m.colour_slot(iwm)), false));
        // Against IWM, SPY is an ordinary line.
        assert!(!line_style(&en, &m, &palette, LineKey::Symbol(spy), iwm).2);
        assert_eq!(line_style(&en, &m, &palette, LineKey::Basket(1), spy), ("large".to_string(), palette.series_colour(1), false));
        assert_eq!(line_style(&en, &m, &palette, LineKey::Spread, spy), (spread_name(&en, "small", "large"), palette.text, false));
    }

    #[test]
    fn the_trend_chart_names_the_close_then_the_averages_that_exist() {
        let m = model();
        let spy = m.table.position("SPY").unwrap();
        // A year of data: the 50-day average exists, the 200-day one too (260 days).
        let trend = m.trend(spy, crate::analysis::period::Period::Year1);
        let (lines, _) = trend.as_ref().as_ref().unwrap();
        let en = Messages::english();
        let names: Vec<&str> = trend_lines(&en, lines).iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["Close", "SMA 50", "SMA 200"]);
        assert!(std::ptr::eq(trend_lines(&en, lines)[0].1, &lines.close));
        let mut short = lines.clone();
        short.sma200 = None;
        let names: Vec<&str> = trend_lines(&en, &short).iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["Close", "SMA 50"]);
    }

    #[test]
    fn the_note_meta_joins_what_the_note_has() {
        assert_eq!(note_meta(Some("Desk"), Some("Mar 2, 2026")), "Desk · Mar 2, 2026");
        assert_eq!(note_meta(None, Some("Mar 2, 2026")), "Mar 2, 2026");
        assert_eq!(note_meta(Some("Desk"), None), "Desk");
        assert_eq!(note_meta(None, None), "");
        assert_eq!(GAUGE_SCALE, ["−1", "0", "+1"]);
    }

    fn day(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn the_widget_and_its_controls() {
        let m = Messages::english();
        let g = |k| m.get(k);
        assert_eq!(g("widget.region"), "Rotascope market rotation chart");
        assert_eq!(TAB_NAMES, ["Rotation", "Performance", "Trend"]);
        assert_eq!(TAB_KEYS.map(g), TAB_NAMES);
        assert_eq!(ignored_settings(&m, &[]), None);
        assert_eq!(ignored_settings(&m, &["colour".into(), "hieght".into()]).as_deref(), Some("Unknown settings ignored: colour, hieght"));
        assert_eq!(and_more(&m, 3), "and 3 more");
        assert_eq!(and_more(&m, 1), "and 1 more");
        assert_eq!(symbol_with_name(&m, "XLK", Some("Technology")), "XLK · Technology");
        assert_eq!(symbol_with_name(&m, "XLK", None), "XLK");
        assert_eq!(
            with_keys(&m, "Line chart."),
            "Line chart. Arrow keys move between symbols and dates, Home and End jump to the ends, Enter highlights, Escape clears."
        );
        assert_eq!(source_line(&m, "Adjusted closes", None), "Rotascope · Adjusted closes");
        assert_eq!(source_line(&m, "Adjusted closes", Some("Example Data Inc.")), "Rotascope · Adjusted closes · Example Data Inc.");
        assert_eq!(tail_unit(&m, Interval::Weekly, 1), " week");
        assert_eq!(tail_unit(&m, Interval::Weekly, 5), " weeks");
        assert_eq!(tail_unit(&m, Interval::Daily, 1), " day");
        assert_eq!(tail_unit(&m, Interval::Daily, 10), " days");
        assert_eq!(g("tab.list"), "View");
        assert_eq!(["error.chart", "error.retry", "error.view"].map(g), ["This chart cannot be shown", "Try again", "This view cannot be shown"]);
        assert_eq!(g("permalink.notRestored"), "Part of the shared view could not be restored:");
        assert_eq!(["control.benchmark", "control.period", "control.periodStart", "control.mode", "control.symbol"].map(g), ["Benchmark", "Period", "From", "Show", "Symbol"]);
        assert_eq!(g("control.legend"), "Show or hide symbols");
        assert_eq!(["tools.label", "tools.summary", "tools.table"].map(g), ["Chart tools", "Summary", "Data table"]);
        assert_eq!((g("export.png"), g("export.png.label")), ("PNG", "Download the chart as a PNG image"));
        assert_eq!((g("export.csv"), g("export.csv.label")), ("CSV", "Download the chart's data as CSV"));
        assert_eq!(quadrant_names(&m), ["Leading", "Weakening", "Lagging", "Improving"]);
        assert_eq!(Quadrant::ALL.map(|q| quadrant_short(&m, q)), ["Lead.", "Weak.", "Lag.", "Impr."]);
    }

    /// The slice's functions in German: the table's words, its plural forms, its templates.
    #[test]
    fn the_chrome_in_another_language() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/lang/de.json")).unwrap();
        let table = crate::chart::messages::keep(crate::chart::messages::parse_table(&text).unwrap());
        let de = Messages::new("de", table, &[], None);
        assert_eq!(tail_unit(&de, Interval::Weekly, 1), " Woche");
        assert_eq!(tail_unit(&de, Interval::Weekly, 3), " Wochen");
        assert_eq!(tail_unit(&de, Interval::Daily, 2), " Tage");
        assert_eq!(tail_label(&de), "Schweif ");
        assert_eq!(quadrant_names(&de), ["Führend", "Schwächelnd", "Nachlaufend", "Aufholend"]);
        assert_eq!(returns_caption(&de, &Period::YearToDate, day("2026-06-30"), &PlainFormat), "Renditen YTD bis Jun 30, 2026, nach Rang");
        assert_eq!(ignored_settings(&de, &["farbe".into()]).as_deref(), Some("Unbekannte Einstellungen ignoriert: farbe"));
        assert_eq!(play_label(&de, true), "Pause");
        assert_eq!(de.get("label.noteMark"), "Studie");
        assert_eq!(day_read(&de, "Feb 4, 2026".into(), Some(NoteDay::Published)), "Feb 4, 2026 (Studie veröffentlicht)");
        // A note out on a Saturday marks the Monday: not "published" that day.
        assert_eq!(day_read(&de, "Feb 9, 2026".into(), Some(NoteDay::FirstSince)), "Feb 9, 2026 (erster Stand seit der Studie)");
        assert_eq!(day_read(&de, "Feb 9, 2026".into(), None), "Feb 9, 2026");
        assert_eq!(slider_mark_title(&de, day("2026-02-04"), &PlainFormat), "Research-Studie veröffentlicht am Feb 4, 2026");
        let en = Messages::english();
        assert_eq!(day_read(&en, "Dec 8, 2026".into(), Some(NoteDay::FirstSince)), "Dec 8, 2026 (first since the note)");
        assert_eq!(day_read(&en, "Dec 8, 2026".into(), Some(NoteDay::Published)), "Dec 8, 2026 (note published)");
        assert_eq!(interval_button(&de, Interval::Weekly), "Wöchentlich");
        assert_eq!(mode_options(&de, None).iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(), ["Veränderung in %", "Verhältnis zur Benchmark"]);
        // A publisher's override wins over the table.
        let overridden = Messages::new("de", table, &[("quadrant.leading", "Vorne")], None);
        assert_eq!(quadrant_names(&overridden)[0], "Vorne");
    }

    /// The labels, captions and readings in German: templates filled, counts in their form.
    #[test]
    fn labels_in_another_language() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/lang/de.json")).unwrap();
        let de = Messages::new("de", crate::chart::messages::keep(crate::chart::messages::parse_table(&text).unwrap()), &[], None);
        assert_eq!(
            rotation_table_caption(&de, "SPY", Interval::Weekly, 5, "E."),
            "RS-Ratio und RS-Momentum gegenüber SPY, jeder Schweif über 5 Wochen bis zum letzten Datum. E."
        );
        assert!(rotation_chart_label(&de, 1, "SPY").starts_with("Relative-Rotation-Graph von 1 Symbol gegenüber SPY:"));
        assert!(rotation_chart_label(&de, 9, "SPY").starts_with("Relative-Rotation-Graph von 9 Symbolen gegenüber SPY:"));
        assert_eq!(performance_chart_label(&de, PerfMode::Ratio, "SPY", &Period::YearToDate, &PlainFormat), "Liniendiagramm: Verhältnis zur Benchmark jedes Symbols gegenüber SPY, YTD");
        assert_eq!(value_on(&de, "XLK", None, "30.06.2026"), "XLK: kein Wert am 30.06.2026");
        assert_eq!(trend_line_owner(&de, "IWM", "GD 50"), "IWM GD 50");
        assert_eq!(trend_line_owner(&de, "IWM", "Schlusskurs"), "IWM");
        assert_eq!(crate::chart::notes::DataNotes { listed: vec!["a".into()], others: 2 }.summary(&de), "Datenhinweise (1, dazu 2 zu anderen Symbolen der Datei)");
    }

    #[test]
    fn announcements() {
        let en = Messages::english();
        assert_eq!(tail_changed(&en, 1, Interval::Weekly, false), "Tail length 1 week");
        assert_eq!(tail_changed(&en, 6, Interval::Weekly, false), "Tail length 6 weeks");
        assert_eq!(tail_changed(&en, 1, Interval::Daily, false), "Tail length 1 day");
        assert_eq!(tail_changed(&en, 10, Interval::Daily, true), "Daily rotation, tail 10 days");
        assert_eq!(tail_changed(&en, 1, Interval::Weekly, true), "Weekly rotation, tail 1 week");
        assert_eq!(benchmark_changed(&en, "IWM"), "Benchmark IWM");
        assert_eq!(period_changed(&en, &Period::YearToDate, &PlainFormat), "Period YTD");
        assert_eq!(view_changed(&en, "Performance"), "Performance view");
        assert_eq!(hidden_changed(&en, "XLK", true), "XLK hidden");
        assert_eq!(hidden_changed(&en, "XLK", false), "XLK shown");
        assert_eq!(highlight_changed(&en, Some("XLE")), "XLE highlighted");
        assert_eq!(highlight_changed(&en, None), "Highlight cleared");
        assert_eq!(playing_changed(&en, true), "Playing");
        assert_eq!(playing_changed(&en, false), "Paused");
        assert_eq!(showing_date(&en, day("2026-06-12"), &PlainFormat), "Showing Jun 12, 2026");
        assert_eq!(csv_ready(&en), "CSV file ready");
        assert_eq!(png_ready(&en), "PNG image ready");
        // Each announcement is a whole sentence per language, its count choosing the form.
        let de = Messages::new("de", crate::chart::messages::keep(crate::chart::messages::parse_table(include_str!("../../www/lang/de.json")).unwrap()), &[], None);
        assert_eq!(tail_changed(&de, 1, Interval::Daily, true), "Tägliche Rotation, Schweif 1 Tag");
        assert_eq!(tail_changed(&de, 6, Interval::Weekly, false), "Schweiflänge 6 Wochen");
    }

    #[test]
    fn refresh_words() {
        let en = Messages::english();
        assert_eq!(refresh_status(&en, "10:32", false), "Updated 10:32");
        assert_eq!(refresh_status(&en, "10:32", true), "Could not update since 10:32");
        let latest = day("2026-12-04");
        assert_eq!(refresh_announcement(&en, latest, &[], &PlainFormat), "Prices updated to Dec 4, 2026");
        assert_eq!(
            refresh_announcement(&en, latest, &[("IWM", Quadrant::Leading), ("XLE", Quadrant::Weakening)], &PlainFormat),
            "Prices updated to Dec 4, 2026: IWM moved into Leading and XLE moved into Weakening"
        );
        let de = Messages::new("de", crate::chart::messages::keep(crate::chart::messages::parse_table(include_str!("../../www/lang/de.json")).unwrap()), &[], None);
        assert_eq!(refresh_status(&de, "10:32", true), "Seit 10:32 keine Aktualisierung möglich");
        assert_eq!(refresh_announcement(&de, latest, &[("IWM", Quadrant::Leading)], &PlainFormat), "Kurse aktualisiert bis Dec 4, 2026: IWM wechselt in den Quadranten Führend");
    }

    #[test]
    fn line_chart_readings() {
        let m = Messages::english();
        assert_eq!(reading(&m, "SMA 50", "412.30"), "SMA 50 412.30");
        // A % change reads to one decimal, a price to two.
        assert_eq!(line_reading(&m, "XLK", ValueKind::PercentChange, 4.2, &PlainFormat), "XLK +4.2%");
        assert_eq!(line_reading(&m, "XLK", ValueKind::Price, 412.3, &PlainFormat), "XLK 412.30");
        assert_eq!(value_on(&m, "XLK", Some("+4.20%"), "Jun 30, 2026"), "XLK +4.20% on Jun 30, 2026");
        assert_eq!(value_on(&m, "IWM SMA 200", None, "Jan 2, 2026"), "IWM SMA 200: no value on Jan 2, 2026");
    }

    #[test]
    fn each_performance_mode_is_named_in_one_place() {
        let p = Period::YearToDate;
        let m = Messages::english();
        assert_eq!(mode_options(&m, None), vec![(PerfMode::PercentChange, "% change".to_owned()), (PerfMode::Ratio, "Ratio to benchmark".to_owned())]);
        assert_eq!(
            mode_options(&m, Some(("Growth", "Value"))).last(),
            Some(&(PerfMode::BasketSpread, "Growth − Value".to_owned()))
        );
        assert_eq!(performance_chart_label(&m, PerfMode::PercentChange, "SPY", &p, &PlainFormat), "Line chart: % change of each symbol against SPY for YTD");
        assert_eq!(performance_chart_label(&m, PerfMode::Ratio, "SPY", &p, &PlainFormat), "Line chart: ratio to the benchmark of each symbol against SPY for YTD");
        assert_eq!(performance_chart_label(&m, PerfMode::BasketSpread, "SPY", &p, &PlainFormat), "Line chart: basket spread of each symbol against SPY for YTD");
        assert_eq!(performance_table_caption(&m, PerfMode::PercentChange, &p, "SPY", &PlainFormat), "% change, YTD, against SPY");
        assert_eq!(performance_table_caption(&m, PerfMode::Ratio, &p, "SPY", &PlainFormat), "ratio to the benchmark, YTD, against SPY");
        assert_eq!(performance_table_caption(&m, PerfMode::BasketSpread, &p, "SPY", &PlainFormat), "basket lines (% change) and spread (pp), YTD, against SPY");
        assert_eq!(mode_words(&m, PerfMode::PercentChange).summary, "% change");
        assert_eq!(mode_words(&m, PerfMode::Ratio).summary, "ratio to the benchmark (rebased to 100)");
        assert_eq!(mode_words(&m, PerfMode::BasketSpread).summary, "basket spread");
        assert_eq!(mode_words(&m, PerfMode::PercentChange).chosen, "Showing % change");
        assert_eq!(mode_words(&m, PerfMode::Ratio).chosen, "Showing the ratio to the benchmark");
        assert_eq!(mode_words(&m, PerfMode::BasketSpread).chosen, "Showing the basket spread");
        assert_eq!(performance_png_title(&m, &p, "SPY", &PlainFormat), "Performance, YTD, against SPY");
        assert_eq!(returns_caption(&m, &p, day("2026-06-30"), &PlainFormat), "YTD returns to Jun 30, 2026, ranked");
        let h = returns_headings(&m);
        assert_eq!(h.benchmark, "benchmark");
        assert_eq!([h.rank, h.symbol, h.name, h.return_pct, h.excess, h.bar], ["#", "Symbol", "Name", "Return", "vs benchmark", "Bar"]);
    }

    #[test]
    fn trend_words() {
        let p = Period::Since(day("2026-01-15"));
        let m = Messages::english();
        assert_eq!(trend_figure_names(&m), ["Close", "SMA 50", "SMA 200", "From prior high"]);
        assert_eq!(trend_line_owner(&m, "IWM", "Close"), "IWM");
        assert_eq!(trend_line_owner(&m, "IWM", "SMA 50"), "IWM SMA 50");
        assert_eq!(no_closes(&m, "IWM"), "IWM has no closes in this period");
        assert_eq!(no_closes_sentence(&m, "IWM"), "IWM has no closes in this period.");
        assert_eq!(trend_chart_label(&m, "IWM"), "Price of IWM with 50- and 200-day moving averages and its prior high");
        assert_eq!(trend_table_caption(&m, "IWM", &p, &PlainFormat), "IWM close and moving averages, since Jan 15, 2026");
        assert_eq!(trend_table_caption(&m, "IWM", &Period::YearToDate, &PlainFormat), "IWM close and moving averages, YTD");
        assert_eq!(trend_png_title(&m, "IWM", &Period::YearToDate, &PlainFormat), "IWM: trend, YTD");
        let s = TrendSummary {
            symbol: "IWM".into(),
            date: day("2026-06-30"),
            close: 210.5,
            sma50: Some(205.126),
            sma200: Some(1210.0),
            prior_high: Some(230.0),
            prior_high_date: Some(day("2026-02-02")),
            from_high_pct: Some(-8.478),
        };
        assert_eq!(
            trend_figures(&m, &s, &PlainFormat),
            TrendFigures {
                close: "210.50".into(),
                close_date: " Jun 30, 2026".into(),
                sma50: "205.13".into(),
                sma50_side: " above".into(),
                sma200: "1,210.00".into(),
                sma200_side: " below".into(),
                from_high: "−8.5%".into(),
            }
        );
        let short = TrendSummary { sma50: None, sma200: None, prior_high: None, prior_high_date: None, from_high_pct: None, ..s };
        let f = trend_figures(&m, &short, &PlainFormat);
        assert_eq!((f.sma50.as_str(), f.sma50_side.as_str()), ("not enough history", " "));
        assert_eq!((f.sma200.as_str(), f.sma200_side.as_str()), ("not enough history", " "));
        assert_eq!(f.from_high, "no earlier close");
        // Level with the average counts as above.
        let level = TrendSummary { sma50: Some(210.5), ..short };
        assert_eq!(trend_figures(&m, &level, &PlainFormat).sma50_side, " above");
    }

    #[test]
    fn rotation_words() {
        let m = Messages::english();
        assert_eq!(
            rotation_chart_label(&m, 10, "SPY"),
            "Relative rotation graph of 10 symbols against SPY: RS-Ratio across, RS-Momentum up. Plus and minus zoom, 0 fits."
        );
        assert_eq!(rotation_summary(&m, "A.", "B.", "C."), "A. B. C.");
        assert_eq!(
            rotation_table_caption(&m, "SPY", Interval::Weekly, 5, "Extent."),
            "RS-Ratio and RS-Momentum against SPY, the last 5 weeks of each tail. Extent."
        );
        assert_eq!(rotation_table_caption(&m, "SPY", Interval::Daily, 1, "E."), "RS-Ratio and RS-Momentum against SPY, the last 1 day of each tail. E.");
        assert_eq!(rotation_png_title(&m, "SPY", day("2026-06-30"), &PlainFormat), "Relative rotation against SPY · Jun 30, 2026");
    }

    #[test]
    fn note_card_words() {
        let m = Messages::english();
        let g = |k| m.get(k);
        assert_eq!([g("card.label"), g("card.failed"), g("card.read")], ["Research note", "The research note cannot be shown", "Read the note"]);
        assert_eq!([g("card.disagree"), g("card.chips")], ["label and score disagree", "Tickers in the note"]);
        assert_eq!([g("claim.stated"), g("claim.computed")], ["Note ", " · Prices "]);
        assert_eq!(g("claim.label"), "The note's figures, checked against the prices");
        assert_eq!([g("claim.heading"), g("claim.csv")], ["Figures checked", "Download the checked figures as CSV"]);
        assert_eq!(g("alert.heading"), "Rotation alerts");
        // The bands are named as the analysis names them.
        assert!(Band::ALL.iter().all(|b| band_name(&m, *b) == b.label()));
        let (alt, note) = sentiment_words(&m, "Bullish", "0.60", Band::MildlyPositive, &LabelCheck::Agrees);
        assert_eq!(alt, "Sentiment: Bullish, score 0.60 on a scale from −1 to 1");
        assert_eq!(note, None);
        assert_eq!(sentiment_words(&m, "mildly positive", "0.60", Band::MildlyPositive, &LabelCheck::NoLabel).1, None);
        let disagrees = LabelCheck::Disagrees { label_band: Band::StronglyPositive };
        assert_eq!(sentiment_words(&m, "Bullish", "0.30", Band::MildlyPositive, &disagrees).1.as_deref(), Some("The score 0.30 is mildly positive on this scale."));
        let (alt, note) = sentiment_words(&m, "Bullish", "−0.40", Band::MildlyNegative, &LabelCheck::NotOnScale);
        assert_eq!(alt, "Sentiment: Bullish, score −0.40 on a scale from −1 to 1");
        assert_eq!(note.as_deref(), Some("“Bullish” is not on this scale; the score −0.40 is mildly negative."));
        assert_eq!(chip_title(&m, "XLK", true), "Highlight XLK in the chart");
        assert_eq!(chip_title(&m, "ZZZ", false), "ZZZ is not in the price data");
        assert_eq!(basis_aside(&m, "close to close"), " (close to close)");
        assert_eq!(alert_text(&m, "XLK", Quadrant::Improving, Quadrant::Leading), "XLK Improving → Leading");
        // 2026-06-24 is a Wednesday: its week starts on Monday the 22nd.
        assert_eq!(alert_when(&m, Interval::Weekly, day("2026-06-24"), false, &PlainFormat), " · week of Jun 22, 2026");
        assert_eq!(alert_when(&m, Interval::Weekly, day("2026-06-24"), true, &PlainFormat), " · week of Jun 22, 2026 (week in progress)");
        assert_eq!(alert_when(&m, Interval::Daily, day("2026-06-24"), false, &PlainFormat), " · Jun 24, 2026");
    }
}

// ---- The rotation view's controls ----------------------------------------------------------

/// The interval as the live region names it (announcements are English).
pub fn interval_name(interval: Interval) -> &'static str {
    match interval {
        Interval::Weekly => "Weekly",
        Interval::Daily => "Daily",
    }
}

/// The interval's button, in the reader's language.
pub fn interval_button(m: &Messages, interval: Interval) -> &'static str {
    m.get(match interval {
        Interval::Weekly => "interval.weekly",
        Interval::Daily => "interval.daily",
    })
}

/// The play button's text: what pressing it does.
pub fn play_label(m: &Messages, playing: bool) -> &'static str {
    m.get(if playing { "button.pause" } else { "button.play" })
}

/// Why a shared view is not kept in a page that routes with its hash.
pub fn permalink_route(m: &Messages) -> &'static str {
    m.get("label.permalinkRoute")
}

#[cfg(test)]
mod control_words_tests {
    use super::*;

    #[test]
    fn rotation_control_words() {
        let m = Messages::english();
        let g = |k| m.get(k);
        assert_eq!(tail_label(&m), "Tail ");
        assert_eq!(["control.interval", "control.method", "control.graph", "toggle.tails", "toggle.labels", "button.resetZoom", "control.date"].map(g), ["Interval", "Method", "Graph", "Tails", "Labels", "Reset zoom", "Date"]);
        assert_eq!([interval_name(Interval::Weekly), interval_name(Interval::Daily)], ["Weekly", "Daily"]);
        assert_eq!([interval_button(&m, Interval::Weekly), interval_button(&m, Interval::Daily)], ["Weekly", "Daily"]);
        assert_eq!([play_label(&m, false), play_label(&m, true)], ["Play", "Pause"]);
        assert_eq!(
            permalink_route(&m),
            "This page uses the # part of its address for its own navigation, so this chart's view is not kept in the address."
        );
    }
}
