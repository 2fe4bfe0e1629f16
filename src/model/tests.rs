//! The model natively: results are cached per input, the widget's methods and `analyze()`
//! give the same numbers for the same options, and each warning is worded once.

use super::*;
use crate::analysis::input::parse_contract_json;
use crate::analysis::Date;

/// 400 weekdays from 2025-11-03: SPY wavy, IWM rising, IJR falling gently, IWC only for
/// the last 50 days (after 2025-12-31, so it has no YTD return).
fn table() -> PriceTable {
    let first = Date::parse_iso("2025-11-03").unwrap();
    let dates: Vec<String> = (0..).map(|i| first.add_days(i)).filter(|d| d.weekday() < 5).take(400).map(|d| format!("\"{d}\"")).collect();
    let series = |f: &dyn Fn(usize) -> Option<f64>| (0..400).map(|i| f(i).map_or("null".into(), |v| format!("{v}"))).collect::<Vec<_>>().join(",");
    parse_contract_json(&format!(
        r#"{{"dates":[{}],"series":{{"SPY":[{}],"IWM":[{}],"IJR":[{}],"IWC":[{}]}}}}"#,
        dates.join(","),
        series(&|i| Some(100.0 + (i as f64 / 9.0).sin())),
        series(&|i| Some(50.0 + i as f64 * 0.1 + (i as f64 / 7.0).cos())),
        series(&|i| Some(80.0 - i as f64 * 0.02)),
        series(&|i| (i >= 350).then_some(20.0 + i as f64 * 0.01)),
    ))
    .unwrap()
}

fn options() -> AnalyzeOptions {
    AnalyzeOptions {
        baskets: vec![("small".into(), vec!["IWM".into(), "IJR".into(), "IWC".into()]), ("large".into(), vec!["SPY".into()])],
        periods: vec![Period::Month1, Period::YearToDate],
        ..AnalyzeOptions::default()
    }
}

#[test]
fn the_same_input_gives_the_same_rc_and_computes_once() {
    let t = table();
    let m = Model::new(&t, &options()).unwrap();
    let (b, ytd) = (m.benchmark, Period::YearToDate);
    assert!(Rc::ptr_eq(&m.rotation_set(b, Interval::Weekly, RotationMethod::LogTrend), &m.rotation_set(b, Interval::Weekly, RotationMethod::LogTrend)));
    assert!(Rc::ptr_eq(&m.returns(b, ytd), &m.returns(b, ytd)));
    assert!(Rc::ptr_eq(&m.period_lines(b, ytd, PerfMode::Ratio), &m.period_lines(b, ytd, PerfMode::Ratio)));
    assert!(Rc::ptr_eq(&m.trend(1, ytd), &m.trend(1, ytd)));
    let after_first_reads = m.cached();
    m.rotation_set(b, Interval::Weekly, RotationMethod::LogTrend);
    m.period_lines(b, ytd, PerfMode::Ratio);
    m.trend(1, ytd);
    assert_eq!(m.cached(), after_first_reads, "a second read computes nothing");
    // Another input is another result.
    assert!(!Rc::ptr_eq(&m.returns(b, ytd), &m.returns(b, Period::Month1)));
    assert!(!Rc::ptr_eq(&m.rotation_set(b, Interval::Weekly, RotationMethod::LogTrend), &m.rotation_set(1, Interval::Weekly, RotationMethod::LogTrend)));
}

#[test]
fn the_spread_chart_reuses_the_percent_change_range_and_its_warnings() {
    let t = table();
    let m = Model::new(&t, &options()).unwrap();
    let pct = m.period_lines(m.benchmark, Period::YearToDate, PerfMode::PercentChange);
    let spread = m.period_lines(m.benchmark, Period::YearToDate, PerfMode::BasketSpread);
    assert_eq!((spread.from, spread.to), (pct.from, pct.to));
    assert!(pct.warnings.iter().all(|w| spread.warnings.contains(w)));
    let keys: Vec<LineKey> = spread.lines.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, vec![LineKey::Basket(0), LineKey::Basket(1), LineKey::Spread]);
}

/// What the widget shows (its model's methods) and what `analyze()` returns, for the same
/// options, are the same numbers: returns, rotation heads, basket returns and the spread, and
/// the spread line ends on the spread.
#[test]
fn widget_path_and_analyze_path_agree() {
    let t = table();
    let o = options();
    let widget = Model::new(Rc::new(t.clone()), &o).unwrap();
    let a = analyze(&t, &o).unwrap();
    let b = widget.benchmark;
    for period in [Period::Month1, Period::YearToDate] {
        let ranked = widget.returns(b, period);
        let (rows, _) = ranked.as_ref().as_ref().unwrap();
        let from_analyze: Vec<&PeriodReturn> = a.returns.iter().filter(|r| r.period == period).collect();
        assert_eq!(rows.iter().collect::<Vec<_>>(), from_analyze, "{period} returns");

        let fact = widget.basket_spread(period).expect("both baskets have returns");
        let listed = a.spreads.iter().find(|s| s.period == period).unwrap();
        assert_eq!(&fact, listed, "{period} spread");
        let small = a.baskets.iter().find(|x| x.name == "small" && x.period == period).unwrap();
        assert_eq!(fact.long_return_pct, small.return_pct);

        let lines = widget.period_lines(b, period, PerfMode::BasketSpread);
        let (_, spread_line) = lines.lines.iter().find(|(k, _)| *k == LineKey::Spread).unwrap();
        // YTD leaves IWC out of "small" in both, 1M keeps it in both.
        assert!((spread_line.last() - fact.spread_pp).abs() < 1e-9, "{period}: line ends at {}, spread {}", spread_line.last(), fact.spread_pp);
    }
    let set = widget.rotation_set(b, o.rotation.interval, o.rotation.method);
    let set = set.as_ref().as_ref().unwrap();
    assert_eq!(set.rotations.len(), a.rotation.len());
    for (r, out) in set.rotations.iter().zip(&a.rotation) {
        assert_eq!(widget.symbol(r.position), out.symbol);
        assert_eq!(r.tail(o.rotation.tail), out.points.iter().map(|p| p.point.clone()).collect::<Vec<_>>().as_slice());
        assert_eq!(r.transitions, out.transitions);
    }
}

#[test]
fn a_leg_is_a_basket_or_a_symbol_and_an_unknown_name_is_an_error() {
    let t = table();
    let m = Model::new(&t, &options()).unwrap();
    assert_eq!(m.leg("small").unwrap().kind, LegKind::Basket(0));
    assert_eq!(m.leg("IWM").unwrap().kind, LegKind::Symbol(1));
    assert_eq!(m.leg("DIA").unwrap_err().to_string(), "unknown spread leg (basket or symbol) \"DIA\": the prices have SPY, IWM, IJR, IWC");
    // Symbol legs: IWM − SPY is IWM's excess return.
    let (iwm, spy) = (m.leg("IWM").unwrap(), m.leg("SPY").unwrap());
    let s = m.spread(&iwm, &spy, Period::YearToDate).unwrap();
    let ranked = m.returns(m.benchmark, Period::YearToDate);
    let row = ranked.as_ref().as_ref().unwrap().0.iter().find(|r| r.symbol == "IWM").unwrap().clone();
    assert!((s.spread_pp - row.excess_pp).abs() < 1e-12);
    let mut w = Vec::new();
    let (_, _, line) = m.spread_lines(&iwm, &spy, 0, m.to, &mut w).unwrap();
    assert_eq!(line.values[0], 0.0);
    assert!(w.is_empty());
}

#[test]
fn warnings_are_worded_once_and_reported_once() {
    let t = table();
    let a = analyze(&t, &AnalyzeOptions { spreads: vec![("IWC".into(), "SPY".into()), ("small".into(), "large".into())], ..options() }).unwrap();
    let messages: Vec<&str> = a.warnings.iter().map(|w| w.message.as_str()).collect();
    // IWC starts after the YTD base: the symbol leg has no return, the basket leaves it out.
    assert!(messages.contains(&"spread IWC − SPY: a side has no YTD return"), "{messages:?}");
    let skipped: Vec<&&str> = messages.iter().filter(|m| m.starts_with("basket \"small\": IWC")).collect();
    assert_eq!(skipped.len(), 1, "one basket_member_skipped for YTD, not one per spread: {messages:?}");
    assert_eq!(a.spreads.len(), 3, "IWC − SPY for 1M, small − large for 1M and YTD");

    // A period before the data: the lines and the trend start on the first date, by one rule
    // and one warning.
    let short = parse_contract_json(r#"{"dates":["2026-01-02","2026-01-05"],"series":{"SPY":[1,2],"IWM":[2,3]}}"#).unwrap();
    let m = Model::new(&short, &AnalyzeOptions::default()).unwrap();
    let lines = m.period_lines(m.benchmark, Period::Year1, PerfMode::PercentChange);
    assert_eq!(lines.from, 0);
    assert_eq!(lines.warnings[0].code, "period_clipped");
    assert_eq!(lines.warnings[0].message, "1Y starts on 2025-01-05, before the data (2026-01-02); the lines start on 2026-01-02 instead");
    let trend = m.trend(1, Period::Year1);
    assert_eq!(trend.as_ref().as_ref().map(|(_, from)| *from), Some(lines.from));
}

#[test]
fn new_alerts_are_the_changes_the_new_data_brought() {
    use crate::analysis::rotation::{Quadrant::*, Transition};
    let day = |d: &str| Date::parse_iso(d).unwrap();
    let change = |s: &str, d: &str, from, to| (s.to_owned(), Transition { date: day(d), from, to, partial: false, index: 0 });
    let before = vec![change("IWM", "2026-11-27", Improving, Leading), change("IJR", "2026-11-20", Lagging, Improving)];
    // The changes already there, and one in a new week (Wed 2 Dec: the week of Mon 30 Nov).
    let now = vec![
        change("IWM", "2026-11-27", Improving, Leading),
        change("IJR", "2026-11-20", Lagging, Improving),
        change("IWM", "2026-12-02", Leading, Weakening),
    ];
    let fresh = fresh_transitions(&before, now.clone(), Interval::Weekly);
    assert_eq!(fresh.iter().map(|(s, t)| (s.as_str(), t.date, t.to)).collect::<Vec<_>>(), vec![("IWM", day("2026-12-02"), Weakening)]);
    // An unfinished week's change keeps its week as the week's days come in: not new.
    let moved = vec![change("IJR", "2026-11-19", Lagging, Improving)];
    assert!(fresh_transitions(&before, moved.clone(), Interval::Weekly).is_empty());
    // Daily points are days: a change on another day is another change.
    assert_eq!(fresh_transitions(&before, moved, Interval::Daily).len(), 1);

    // The model: against itself nothing is new; against the same file a day shorter, every
    // alert is a change the longer file has, dated within its last week.
    let full = Model::new(Rc::new(table()), &AnalyzeOptions::default()).unwrap();
    let b = full.benchmark;
    assert!(full.new_alerts(&full, b, Interval::Daily, RotationMethod::default()).is_empty());
    let mut shorter = table();
    let keep = shorter.dates.len() - 5;
    shorter.dates.truncate(keep);
    shorter.series.iter_mut().for_each(|s| s.closes.truncate(keep));
    let before = Model::new(Rc::new(shorter), &AnalyzeOptions::default()).unwrap();
    let alerts = full.new_alerts(&before, b, Interval::Daily, RotationMethod::default());
    assert!(!alerts.is_empty(), "five more days bring at least one quadrant change in this table");
    let last_before = before.table.dates[before.to];
    for a in &alerts {
        assert!(a.date > last_before, "{a:?}");
        assert_eq!((a.benchmark.as_str(), a.interval), ("SPY", Interval::Daily));
        assert_eq!(full.symbol(a.position), a.symbol);
    }
}

#[test]
fn a_scrub_position_stays_on_its_day_when_the_file_drops_old_days_and_gains_new_ones() {
    let full = Model::new(Rc::new(table()), &AnalyzeOptions::default()).unwrap();
    // The same file five days later: its first five days dropped, five new ones added (here:
    // the full table is "later", a copy without its first 5 and last 5 days is "before").
    let mut before = table();
    let n = before.dates.len();
    before.dates = before.dates[5..n - 5].to_vec();
    before.series.iter_mut().for_each(|s| s.closes = s.closes[5..n - 5].to_vec());
    let before = Model::new(Rc::new(before), &AnalyzeOptions::default()).unwrap();
    let (b, interval, method) = (full.benchmark, Interval::Daily, RotationMethod::default());
    let old = before.rotation_set(b, interval, method);
    let old = old.as_ref().as_ref().unwrap();
    let new = full.rotation_set(b, interval, method);
    let new = new.as_ref().as_ref().unwrap();
    let step = old.timeline.len() / 2;
    let day = before.table.dates[old.timeline[step]];
    let at = full.same_step(&before, step, b, interval, method).unwrap();
    assert_eq!(full.table.dates[new.timeline[at]], day, "the same day");
    assert_ne!(at, step, "a different step: the timelines start on different days");
    // The last step follows the latest.
    assert_eq!(full.same_step(&before, old.timeline.len() - 1, b, interval, method), None);
}
