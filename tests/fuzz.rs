//! Fuzzing every parser that reads a publisher's (or a shared link's) input: structure-aware generators (valid
//! headers and envelopes whose rows, cells, dates, numbers and keys are then mutated with
//! Unicode, invisible characters, line-ending changes, cuts and duplications) and raw text.
//! No input may panic: a panic aborts the one wasm instance every widget on a page shares.
//! Each parser must also answer something a publisher can read: a table, or an error with a
//! message.
//!
//! `make test` runs a short pass (FUZZ_CASES, default 1,000 per generator); `make fuzz` runs
//! 100,000 per generator in a release build. proptest keeps every failing case it finds,
//! shrunk, in `tests/fuzz.proptest-regressions` and replays those first on every run.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use rotascope::analysis::input::parse_text;
use rotascope::analysis::note::parse_note_json;
use rotascope::analysis::period::Period;
use rotascope::analysis::rotation::RotationMethod;
use rotascope::analysis::Date;
use rotascope::config::{AnalyzeRequest, View, WidgetConfig, FIELDS};
use rotascope::permalink::{hash_value, with_hash_value, ViewState};
use serde_json::{Map, Value};

fn config() -> Config {
    let cases = std::env::var("FUZZ_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(1_000);
    Config { cases, failure_persistence: Some(Box::new(FileFailurePersistence::Direct("tests/fuzz.proptest-regressions"))), ..Config::default() }
}

/// Characters that break naive parsers: multi-byte letters and symbols, invisible and
/// direction marks, look-alike dashes and digits, separators, quotes, controls.
const NASTY: &[&str] = &[
    "é", "–", "—", "−", "‐", "\u{feff}", "\u{a0}", "\u{200b}", "\u{200e}", "\u{200f}", "\u{202e}", "\u{2028}", "０", "١", "😀", "🇺🇸", "\r", "\r\n", "\n",
    "\t", ";", ",", "\"", "\"\"", "'", "\\", "\0", "\u{7f}", "{", "}", "[", "]", ":", " ", "e", "E", "-", "+", ".", "1e309", "-0", "NaN", "Infinity", "null",
    "9999999999999999999999", "0.000000000000000000001", "2026-02-30", "0000-00-00", "T", "00:00:00", "%", "&amp;", "<b>", "\u{301}",
];

/// A mutation of a text, applied at a character position (never inside a character).
#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, &'static str),
    Delete(usize, usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Truncate(usize),
    CrLf,
    LoneCr,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), proptest::sample::select(NASTY)).prop_map(|(at, s)| Mutation::Insert(at, s)),
        2 => (any::<usize>(), 1usize..12).prop_map(|(at, n)| Mutation::Delete(at, n)),
        1 => any::<usize>().prop_map(Mutation::DuplicateLine),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        1 => any::<usize>().prop_map(Mutation::Truncate),
        1 => Just(Mutation::CrLf),
        1 => Just(Mutation::LoneCr),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for m in mutations {
        let at = |k: usize| if chars.is_empty() { 0 } else { k % (chars.len() + 1) };
        match m {
            Mutation::Insert(k, s) => {
                let i = at(*k);
                chars.splice(i..i, s.chars());
            }
            Mutation::Delete(k, n) => {
                let i = at(*k);
                let end = (i + n).min(chars.len());
                chars.drain(i..end);
            }
            Mutation::Truncate(k) => chars.truncate(at(*k)),
            Mutation::DuplicateLine(k) | Mutation::SwapLines(k, _) => {
                let mut lines: Vec<String> = chars.iter().collect::<String>().split('\n').map(str::to_owned).collect();
                let a = k % lines.len();
                if let Mutation::SwapLines(_, other) = m {
                    let b = other % lines.len();
                    lines.swap(a, b);
                } else {
                    let copy = lines[a].clone();
                    lines.insert(a, copy);
                }
                chars = lines.join("\n").chars().collect();
            }
            Mutation::CrLf => chars = chars.iter().collect::<String>().replace('\n', "\r\n").chars().collect(),
            Mutation::LoneCr => chars = chars.iter().collect::<String>().replace('\n', "\r").chars().collect(),
        }
    }
    chars.into_iter().collect()
}

fn date(k: u32) -> String {
    let day = rotascope::analysis::Date::parse_iso("2024-01-01").unwrap().add_days(k as i32);
    day.to_string()
}

fn close() -> impl Strategy<Value = String> {
    prop_oneof![
        60 => (1u32..100_000, 0u32..10_000).prop_map(|(a, b)| format!("{a}.{b:04}")),
        1 => Just(String::new()),
        1 => proptest::sample::select(&["null", "NA", "-", "0", "-5", "1e3", "1,5", "abc", "1e309", "Infinity"][..]).prop_map(str::to_owned),
    ]
}

/// A CSV of one or several symbols: Date, optional Symbol, Close and/or Adj Close columns in
/// any order, `,` `;` or tab separated, some cells quoted.
fn csv() -> impl Strategy<Value = String> {
    (
        prop_oneof![8 => Just(","), 1 => Just(";"), 1 => Just("\t")],
        proptest::sample::subsequence(vec!["Symbol", "Close", "Adj Close", "Volume"], 1..4),
        proptest::collection::vec((prop_oneof![20 => 1u32..4, 1 => Just(0u32)], close(), close(), any::<bool>()), 1..40),
        any::<bool>(),
    )
        .prop_map(|(sep, mut extra, rows, newest_first)| {
            let mut columns = vec!["Date"];
            columns.append(&mut extra);
            let mut out = columns.join(sep);
            out.push('\n');
            let mut day = 0;
            let mut lines = Vec::new();
            for (k, (step, c, a, quoted)) in rows.into_iter().enumerate() {
                day += step;
                let cells: Vec<String> = columns
                    .iter()
                    .map(|&col| match col {
                        "Date" => date(day),
                        "Symbol" => ["SPY", "IWM", "spy"][k % 3].to_owned(),
                        "Close" => c.clone(),
                        "Adj Close" => a.clone(),
                        _ => "1000".to_owned(),
                    })
                    .map(|cell| if quoted { format!("\"{cell}\"") } else { cell })
                    .collect();
                lines.push(cells.join(sep));
            }
            if newest_first {
                lines.reverse();
            }
            out.push_str(&lines.join("\n"));
            out
        })
}

fn json_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        2000 => (1u32..100_000).prop_map(|v| Value::from(f64::from(v) / 100.0)),
        40 => Just(Value::Null),
        1 => Just(Value::from(-1)),
        1 => Just(Value::from("12.5")),
        1 => Just(Value::Bool(true)),
        1 => Just(serde_json::json!([1, [2]])),
    ]
}

/// The price contract: dates and series, sometimes with meta.
fn contract() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec((prop_oneof![20 => proptest::sample::select(&["SPY", "IWM", "XLK", "ÉTF"][..]), 1 => Just("")], proptest::collection::vec(json_number(), 30)), 1..5),
        prop_oneof![10 => Just(0usize), 1 => 1usize..3],
        any::<bool>(),
    )
        .prop_map(|(series, short, meta)| {
            // Usually one close per date; sometimes a series a little short.
            let dates: Vec<Value> = (0..30u32).map(|k| Value::from(date(k * 2))).collect();
            let mut s = Map::new();
            for (k, (sym, mut closes)) in series.into_iter().enumerate() {
                if k == 0 {
                    closes.truncate(30 - short);
                }
                s.insert(sym.to_owned(), Value::Array(closes));
            }
            let mut o = Map::new();
            o.insert("dates".into(), Value::Array(dates));
            o.insert("series".into(), Value::Object(s));
            if meta {
                o.insert("meta".into(), serde_json::json!({ "SPY": { "name": "S&P 500" } }));
                o.insert("adjusted".into(), Value::Bool(true));
            }
            Value::Object(o).to_string()
        })
}

/// Yahoo's chart JSON: timestamps, closes and adjusted closes.
fn yahoo() -> impl Strategy<Value = String> {
    (proptest::collection::vec((prop_oneof![20 => 1i64..4, 1 => Just(0i64)], json_number(), json_number()), 1..30), any::<bool>()).prop_map(|(rows, adjclose)| {
        let mut t = 1_704_153_600i64; // 2024-01-02
        let mut ts = Vec::new();
        let (mut close, mut adj) = (Vec::new(), Vec::new());
        for (step, c, a) in rows {
            t += step * 86_400;
            ts.push(Value::from(t));
            close.push(c);
            adj.push(a);
        }
        let mut indicators = serde_json::json!({ "quote": [{ "close": close }] });
        if adjclose {
            indicators["adjclose"] = serde_json::json!([{ "adjclose": adj }]);
        }
        serde_json::json!({ "chart": { "result": [{ "meta": { "symbol": "IWM" }, "timestamp": ts, "indicators": indicators }], "error": null } }).to_string()
    })
}

fn text_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::from("mildly positive")),
        Just(Value::from(0.45)),
        Just(Value::from("IWM, IJR")),
        Just(Value::from("2026-02-04")),
        Just(Value::Null),
        Just(Value::from(-7)),
        Just(serde_json::json!(["IWM", 3])),
        Just(serde_json::json!({ "a": { "b": [1] } })),
        "\\PC{0,12}".prop_map(Value::from),
    ]
}

/// A research note with its known fields, each given a plausible or a wrong value.
fn note() -> impl Strategy<Value = String> {
    proptest::collection::vec((proptest::sample::select(&["title", "summary", "published", "url", "sentiment", "score", "label", "analysis", "claims", "winners", "losers", "contrarian", "horizon", "catalyst", "extra"][..]), text_value()), 0..10).prop_map(|fields| {
        let mut o = Map::new();
        for (k, v) in fields {
            if k == "sentiment" {
                o.insert(k.into(), serde_json::json!({ "label": v.clone(), "score": v }));
            } else {
                o.insert(k.into(), v);
            }
        }
        Value::Object(o).to_string()
    })
}

/// A widget config: fields from the table (and an unknown one) with plausible or wrong values.
fn widget_config() -> impl Strategy<Value = Map<String, Value>> {
    let names: Vec<&'static str> = FIELDS.iter().map(|f| f.name).chain(["unknownOption", "as_of"]).collect();
    proptest::collection::vec((proptest::sample::select(names), text_value()), 0..8).prop_map(|fields| {
        let mut o = Map::new();
        o.insert("prices".into(), Value::from("p.json"));
        for (k, v) in fields {
            o.insert(k.into(), v);
        }
        o
    })
}

/// A view as the widget writes it, with symbols of any characters.
fn view_state() -> impl Strategy<Value = ViewState> {
    let symbol = "\\PC{1,6}".prop_filter("not blank", |s: &String| !s.trim().is_empty() && s.trim() == s);
    (
        proptest::option::of(proptest::sample::select(vec![View::Rotation, View::Performance, View::Trend])),
        proptest::option::of(symbol.clone()),
        proptest::option::of(proptest::sample::select(RotationMethod::ALL.to_vec())),
        proptest::option::of(proptest::sample::select(Period::NAMED.to_vec())),
        proptest::option::of((0u32..2000).prop_map(|k| Date::parse_iso("2022-01-03").map(|d| d.add_days(k as i32)).unwrap_or_else(|_| unreachable!()))),
        proptest::option::of(symbol.clone()),
        proptest::collection::vec(symbol, 0..4),
    )
        .prop_map(|(view, benchmark, method, period, date, highlight, hidden)| ViewState { view, benchmark, method, period, date, highlight, hidden })
}

fn check_prices(name: &str, text: &str) {
    match parse_text(name, text, None) {
        Ok(table) => assert!(!table.dates.is_empty() && table.series.iter().all(|s| s.closes.len() == table.dates.len())),
        Err(e) => assert!(!e.to_string().trim().is_empty(), "an empty message for {text:?}"),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn csv_files_never_panic(text in csv(), mutations in proptest::collection::vec(mutation(), 0..5)) {
        check_prices("IWM.csv", &apply(&text, &mutations));
    }

    #[test]
    fn contract_json_never_panics(text in contract(), mutations in proptest::collection::vec(mutation(), 0..5)) {
        check_prices("prices.json", &apply(&text, &mutations));
    }

    #[test]
    fn yahoo_json_never_panics(text in yahoo(), mutations in proptest::collection::vec(mutation(), 0..5)) {
        check_prices("iwm.json", &apply(&text, &mutations));
    }

    #[test]
    fn raw_text_never_panics_any_parser(text in "\\PC{0,200}|[\\x00-\\x7f]{0,200}") {
        check_prices("raw.csv", &text);
        let _ = parse_note_json(&text);
        let _ = WidgetConfig::from_json(&text);
        let _ = AnalyzeRequest::from_json(&text);
    }

    #[test]
    fn notes_never_panic(text in note(), mutations in proptest::collection::vec(mutation(), 0..3)) {
        if let Err(e) = parse_note_json(&apply(&text, &mutations)) {
            prop_assert!(!e.trim().is_empty());
        }
    }

    #[test]
    fn shared_view_hashes_never_panic(state in view_state(), mutations in proptest::collection::vec(mutation(), 0..4)) {
        // A written view, mutated as a reader or a chat client might mangle a link, read back.
        let hash = with_hash_value("#intro", "w", Some(&state.encode()));
        let mangled = apply(&hash, &mutations);
        if let Some(raw) = hash_value(&mangled, "w") {
            let (_, problems) = ViewState::decode(raw, "w");
            prop_assert!(problems.iter().all(|p| p.starts_with("permalink `w`: ")));
        }
        // Unmangled, it reads back as written (a hidden symbol is written without its highlight).
        let mut written = state.clone();
        if written.highlight.as_ref().is_some_and(|h| written.hidden.contains(h)) {
            written.highlight = None;
        }
        prop_assert_eq!(ViewState::decode(hash_value(&hash, "w").unwrap_or(""), "w"), (written, vec![]));
    }

    #[test]
    fn configs_and_attributes_never_panic(map in widget_config(), mutations in proptest::collection::vec(mutation(), 0..3)) {
        // As JSON (a config script, mount()), mutated as text, and as attributes (strings).
        let text = apply(&Value::Object(map.clone()).to_string(), &mutations);
        if let Err(e) = WidgetConfig::from_json(&text) {
            prop_assert!(!e.to_string().trim().is_empty());
        }
        let _ = AnalyzeRequest::from_json(&text);
        let attributes: Map<String, Value> = map.into_iter().map(|(k, v)| (k, Value::from(match v { Value::String(s) => s, other => other.to_string() }))).collect();
        let _ = WidgetConfig::from_map(&attributes);
    }
}

/// The generators reach past the header: most of what they make before mutation is a valid
/// file, so mutations land in rows, cells and numbers a parser really reads.
#[test]
fn unmutated_files_mostly_parse() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut share = |strategy: BoxedStrategy<String>, name: &str| {
        let ok = (0..300).filter(|_| parse_text(name, &strategy.new_tree(&mut runner).unwrap().current(), None).is_ok()).count();
        ok as f64 / 300.0
    };
    for (what, strategy, name) in [("csv", csv().boxed(), "IWM.csv"), ("contract", contract().boxed(), "p.json"), ("yahoo", yahoo().boxed(), "iwm.json")] {
        let s = share(strategy, name);
        assert!(s >= 0.3, "only {:.0} % of unmutated {what} files parse", s * 100.0);
    }
}
