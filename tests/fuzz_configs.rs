//! Fuzzing what a reader or a publisher can choose, against a fixed small data set: widget
//! configurations (period, asOf, interval, window, tail, benchmark, symbols, baskets, method),
//! `analyze()` requests, shared links (`#w=view:…;period:…`) and the note's claims. The
//! parsers are fuzzed in `fuzz.rs`; here every value that parses is carried through the model,
//! the view-models and the claim checks the widget runs, as the widget runs them.
//!
//! Nothing may panic (a panic aborts the one wasm instance every widget on a page shares), and
//! every answer is either a clear error or consistent: every figure finite, every return's
//! base day on or before its end day and its end day on or before the as-of day, every line
//! inside the table and starting where it says.
//!
//! `make test` runs 1,000 cases per generator (FUZZ_CASES); `make fuzz` 100,000.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use rotascope::analysis::claims::{check_claim, Outcome};
use rotascope::analysis::input::parse_contract_json;
use rotascope::analysis::note::parse_note;
use rotascope::analysis::period::Period;
use rotascope::analysis::{Date, PriceTable};
use rotascope::chart::describe::{describe_performance, describe_rotation, Performer};
use rotascope::chart::messages::Messages;
use rotascope::chart::export::lines_table;
use rotascope::chart::PlainFormat;
use rotascope::config::{AnalyzeRequest, WidgetConfig};
use rotascope::model::{analyze, Model, PerfMode};
use rotascope::permalink::{resolve, ViewState};
use serde_json::{json, Map, Value};
use std::sync::OnceLock;

fn config() -> Config {
    let cases = std::env::var("FUZZ_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(1_000);
    Config { cases, failure_persistence: Some(Box::new(FileFailurePersistence::Direct("tests/fuzz_configs.proptest-regressions"))), ..Config::default() }
}

const FIRST_DAY: &str = "2024-06-03";
const DAYS: usize = 420;
const SYMBOLS: [&str; 5] = ["SPY", "IWM", "IJR", "XLK", "XLE"];

/// 420 weekdays from 2024-06-03 (to 2026-01-09) of five symbols: SPY and IWM whole, IJR with
/// gaps, XLK from day 200 on, XLE ending at day 380. Deterministic waves and drifts, so
/// rotations, lines and returns all have something to compute.
fn table() -> &'static PriceTable {
    static TABLE: OnceLock<PriceTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let first = Date::parse_iso(FIRST_DAY).unwrap();
        let dates: Vec<String> = (0..).map(|k| first.add_days(k)).filter(|d| d.weekday() < 5).take(DAYS).map(|d| d.to_string()).collect();
        let closes = |f: &dyn Fn(f64) -> Option<f64>| -> Vec<Value> { (0..DAYS).map(|i| f(i as f64).map_or(Value::Null, Value::from)).collect() };
        let series = json!({
            "SPY": closes(&|i| Some(400.0 + i * 0.3 + (i / 11.0).sin() * 6.0)),
            "IWM": closes(&|i| Some(180.0 + i * 0.05 + (i / 17.0).sin() * 9.0)),
            "IJR": closes(&|i| ((i as usize) % 9 != 4).then(|| 90.0 + (i / 23.0).cos() * 7.0)),
            "XLK": closes(&|i| (i >= 200.0).then(|| 150.0 * (1.0 + (i - 200.0) * 0.002) + (i / 7.0).sin())),
            "XLE": closes(&|i| (i <= 380.0).then(|| 80.0 - i * 0.02 + (i / 13.0).cos() * 3.0)),
        });
        parse_contract_json(&json!({ "dates": dates, "series": series }).to_string()).unwrap()
    })
}

/// A day from well before the data (which spans 605 days) to well after it.
fn day() -> impl Strategy<Value = String> {
    days_from(-200..900)
}

fn days_from(range: std::ops::Range<i32>) -> impl Strategy<Value = String> {
    range.prop_map(|k| Date::parse_iso(FIRST_DAY).unwrap().add_days(k).to_string())
}

fn period_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(vec!["1W", "1M", "3M", "6M", "YTD", "1Y", "3Y", "ytd", "2W", ""]).prop_map(String::from),
        4 => day(),
    ]
}

fn symbol() -> impl Strategy<Value = String> {
    prop_oneof![6 => proptest::sample::select(SYMBOLS.to_vec()).prop_map(String::from), 1 => Just("QQQ".to_string()), 1 => Just(String::new())]
}

fn symbols_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(symbol(), 0..5).prop_map(|s| s.join(", "))
}

fn number_text(range: std::ops::Range<i64>) -> impl Strategy<Value = String> {
    prop_oneof![6 => range.prop_map(|n| n.to_string()), 1 => Just("1000000000".to_string()), 1 => Just("-3".to_string()), 1 => Just("2.5".to_string())]
}

/// One widget option with a plausible or a wrong value, as an attribute would give it.
fn option() -> impl Strategy<Value = (&'static str, String)> {
    prop_oneof![
        3 => period_text().prop_map(|v| ("period", v)),
        3 => day().prop_map(|v| ("asOf", v)),
        1 => proptest::sample::select(vec!["weekly", "daily", "monthly"]).prop_map(|v| ("rotationInterval", v.to_string())),
        2 => number_text(0..90).prop_map(|v| ("rotationWindow", v)),
        2 => number_text(0..80).prop_map(|v| ("rotationTail", v)),
        1 => proptest::sample::select(vec!["ratio-roc", "zscore", "jdk"]).prop_map(|v| ("rotationMethod", v.to_string())),
        2 => symbol().prop_map(|v| ("benchmark", v)),
        2 => symbols_text().prop_map(|v| ("symbols", v)),
        1 => (symbols_text(), symbols_text()).prop_map(|(a, b)| ("baskets", format!("small: {a}; large: {b}"))),
        1 => proptest::sample::select(vec!["rotation", "performance", "trend"]).prop_map(|v| ("view", v.to_string())),
    ]
}

fn widget_options() -> impl Strategy<Value = Map<String, Value>> {
    proptest::collection::vec(option(), 0..7).prop_map(|options| {
        let mut map = Map::new();
        map.insert("prices".into(), Value::from("p.json"));
        for (name, value) in options {
            map.insert(name.into(), Value::from(value));
        }
        map
    })
}

/// A shared link's view, as the widget writes it or a reader edits it.
fn link() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        period_text().prop_map(|p| format!("period:{p}")),
        day().prop_map(|d| format!("date:{d}")),
        symbol().prop_map(|s| format!("benchmark:{s}")),
        symbol().prop_map(|s| format!("highlight:{s}")),
        symbols_text().prop_map(|s| format!("hidden:{}", s.replace(' ', ""))),
        proptest::sample::select(vec!["view:performance", "view:trend", "view:rotation", "method:zscore"]).prop_map(String::from),
    ];
    proptest::collection::vec(part, 0..5).prop_map(|parts| parts.join(";"))
}

/// A note's claim: every kind, with periods and as-of days in and out of the data.
fn claim() -> impl Strategy<Value = Value> {
    // Mostly inside the data, so most claims reach a figure; some on either side of it.
    let as_of = days_from(-40..660);
    let period = prop_oneof![3 => proptest::sample::select(vec!["1W", "1M", "3M", "6M", "YTD", "1Y", "3Y"]).prop_map(String::from), 2 => days_from(-40..660), 1 => period_text()];
    (0..3usize, symbol(), symbol(), proptest::option::of(period), proptest::option::of(as_of), -50.0..50.0f64).prop_map(|(kind, a, b, period, as_of, value)| {
        let mut c = match kind {
            0 => json!({ "text": "t", "kind": "return", "symbol": a, "value": value }),
            1 => json!({ "text": "t", "kind": "excess", "symbol": a, "benchmark": b, "value": value }),
            _ => json!({ "text": "t", "kind": "spread", "long": [a], "short": [b], "value": value }),
        };
        if let Some(p) = period {
            c["period"] = Value::from(p);
        }
        if let Some(d) = as_of {
            c["as_of"] = Value::from(d);
        }
        c
    })
}

/// Every figure the model gives for `period` is finite and its days are in order.
fn check_period<T: std::ops::Deref<Target = PriceTable>>(model: &Model<T>, benchmark: usize, period: Period) -> Result<(), TestCaseError> {
    let as_of = model.as_of();
    if model.check_period(period).is_err() {
        // Refused where it enters; the model still answers without panicking.
        let _ = model.returns(benchmark, period);
        let lines = model.period_lines(benchmark, period, PerfMode::PercentChange);
        prop_assert!(lines.from <= lines.to);
        return Ok(());
    }
    match model.returns(benchmark, period).as_ref() {
        Ok((rows, _)) => {
            for r in rows {
                prop_assert!(r.return_pct.is_finite() && r.excess_pp.is_finite(), "{r:?}");
                prop_assert!(r.start_date <= r.end_date && r.end_date <= as_of, "{} {}: {} → {} as of {as_of}", r.symbol, r.period, r.start_date, r.end_date);
                prop_assert!(r.start_date <= r.period_start.max(r.start_date));
            }
            let performers: Vec<Performer> = rows.iter().map(|r| Performer { symbol: r.symbol.clone(), return_pct: r.return_pct }).collect();
            let bench = model.symbol(benchmark);
            let _ = describe_performance(&Messages::english(), bench, "return", &period.label(), as_of, as_of, &performers, None, None, &PlainFormat);
        }
        Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
    }
    for mode in [PerfMode::PercentChange, PerfMode::Ratio, PerfMode::BasketSpread] {
        let lines = model.period_lines(benchmark, period, mode);
        prop_assert!(lines.from <= lines.to && lines.to == model.to, "{mode:?}: {}..={}", lines.from, lines.to);
        for (_, line) in &lines.lines {
            prop_assert!(line.from >= lines.from && line.to() <= lines.to && !line.values.is_empty());
            prop_assert!(line.values.iter().all(|v| v.is_finite()));
        }
        let labelled: Vec<(String, &rotascope::analysis::lines::Line)> = lines.lines.iter().map(|(_, l)| (String::from("x"), l)).collect();
        let _ = lines_table(&rotascope::chart::messages::Messages::english(), String::new(), &model.table.dates, lines.from, lines.to, &labelled, 2);
    }
    let _ = model.basket_returns(period);
    if let Some((trend, from)) = model.trend(benchmark, period).as_ref() {
        prop_assert!(*from <= model.to && trend.close.values.iter().all(|v| v.is_finite()));
    }
    Ok(())
}

fn check_model<T: std::ops::Deref<Target = PriceTable>>(model: &Model<T>, config: &WidgetConfig) -> Result<(), TestCaseError> {
    let benchmark = model.benchmark;
    check_period(model, benchmark, config.period)?;
    for period in Period::NAMED {
        check_period(model, benchmark, period)?;
    }
    if let Ok(set) = model.rotation_set(benchmark, config.rotation.interval, config.rotation.method).as_ref() {
        let mut heads = Vec::new();
        for r in &set.rotations {
            prop_assert!(r.points.iter().all(|p| p.rs_ratio.is_finite() && p.rs_momentum.is_finite()));
            prop_assert!(r.points.iter().all(|p| p.index <= model.to));
            prop_assert!(r.tail(config.rotation.tail).len() <= config.rotation.tail);
            if let Some(head) = r.head() {
                heads.push((model.symbol(r.position).to_owned(), head.clone()));
            }
        }
        let _ = describe_rotation(&Messages::english(), model.symbol(benchmark), config.rotation.interval, model.as_of(), &heads, &config.period.label(), &[], None, &PlainFormat);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn widget_configs_give_errors_or_consistent_numbers(options in widget_options()) {
        let Ok(config) = WidgetConfig::from_map(&options) else { return Ok(()) };
        match Model::new(table(), &config.analyze_options()) {
            Ok(model) => check_model(&model, &config)?,
            Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
        }
    }

    #[test]
    fn analyze_requests_give_errors_or_consistent_numbers(options in widget_options(), periods in proptest::collection::vec(period_text(), 0..3)) {
        let mut request = Value::Object(options);
        request["period"] = json!(periods);
        let Ok(request) = AnalyzeRequest::from_json(&request.to_string()) else { return Ok(()) };
        match analyze(table(), &request.options) {
            Ok(a) => {
                for r in &a.returns {
                    prop_assert!(r.return_pct.is_finite() && r.start_date <= r.end_date && r.end_date <= a.as_of, "{r:?} as of {}", a.as_of);
                }
                prop_assert!(a.rotation.iter().flat_map(|r| &r.points).all(|p| p.rs_ratio.is_finite() && p.rs_momentum.is_finite()));
                prop_assert!(a.spreads.iter().all(|s| s.spread_pp.is_finite()) && a.baskets.iter().all(|b| b.return_pct.is_finite()));
            }
            Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
        }
    }

    #[test]
    fn shared_links_restore_only_what_fits(options in widget_options(), text in link()) {
        let Ok(config) = WidgetConfig::from_map(&options) else { return Ok(()) };
        let Ok(model) = Model::new(table(), &config.analyze_options()) else { return Ok(()) };
        let (state, _) = ViewState::decode(&text, "w");
        let mut shown = model.members.clone();
        shown.push(model.benchmark);
        let (restored, problems) = resolve(&state, "w", |s| model.table.position(s), &shown, model.as_of());
        prop_assert!(problems.iter().all(|p| p.starts_with("permalink `w`: ")));
        if let Some(period) = restored.period {
            prop_assert!(model.check_period(period).is_ok(), "{period} restored as of {}", model.as_of());
            check_period(&model, restored.benchmark.unwrap_or(model.benchmark), period)?;
        }
    }

    #[test]
    fn claims_are_checked_or_say_why_not(claims in proptest::collection::vec(claim(), 1..4), published in proptest::option::of(day()), tolerance in 0.0..5.0f64) {
        let mut note = json!({ "claims": claims });
        if let Some(p) = &published {
            note["published"] = Value::from(p.as_str());
        }
        let Ok(note) = parse_note(&note) else { return Ok(()) };
        let t = table();
        for c in &note.claims {
            let check = check_claim(Some(t), t.position("SPY"), note.published, &c.claim, tolerance);
            match &check.outcome {
                Outcome::Unchecked { reason } => prop_assert!(!reason.trim().is_empty()),
                Outcome::Matches { difference } | Outcome::Differs { difference } => {
                    prop_assert!(difference.is_finite() && check.computed.is_some_and(f64::is_finite));
                    let (Some(as_of), Some(period)) = (check.as_of, check.period) else { return Err(TestCaseError::fail("a checked claim names its day and period")) };
                    prop_assert!(period.start(as_of) <= as_of, "claim over {period} as of {as_of} was checked");
                }
            }
            if let Some(now) = &check.now {
                prop_assert!(now.value.is_finite());
            }
        }
    }
}

/// The generators reach the model: most configurations they make are valid and build one, and
/// most claims get a figure, so the invariants above are checked on real answers.
#[test]
fn generated_configurations_mostly_reach_the_model() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let built = (0..400)
        .filter(|_| {
            let options = widget_options().new_tree(&mut runner).unwrap().current();
            WidgetConfig::from_map(&options).is_ok_and(|c| Model::new(table(), &c.analyze_options()).is_ok())
        })
        .count();
    assert!(built >= 120, "only {built} of 400 generated configs build a model");
    let checked = (0..400)
        .filter(|_| {
            let c = claim().new_tree(&mut runner).unwrap().current();
            let note = parse_note(&json!({ "claims": [c] })).unwrap();
            let check = check_claim(Some(table()), table().position("SPY"), None, &note.claims[0].claim, 0.5);
            !matches!(check.outcome, Outcome::Unchecked { .. })
        })
        .count();
    assert!(checked >= 120, "only {checked} of 400 generated claims were checked");
    eprintln!("{built} of 400 configs build a model; {checked} of 400 claims are checked");
}
