//! The committed sample data is exactly what the generator writes, and it shows the rotation
//! the demo promises: small caps lag the benchmark, then lead it.
#![cfg(not(target_arch = "wasm32"))]

use rotascope::analysis::input::parse_contract_json;
use rotascope::analysis::Date;

const COMMITTED: &str = include_str!("../www/data/sample-prices.json");

#[test]
fn committed_file_matches_the_generator() {
    let generated = rotascope::sample::sample_prices_json();
    assert!(
        generated == COMMITTED,
        "www/data/sample-prices.json is stale: run `make sample-data` and commit the result"
    );
}

#[test]
fn sample_has_ten_or_so_symbols_over_three_plus_years() {
    let t = parse_contract_json(COMMITTED).unwrap();
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    assert!((10..=12).contains(&t.series.len()), "{} series", t.series.len());
    assert_eq!(t.symbols()[0], "SPY");
    let span_days = t.last_date().days() - t.first_date().days();
    assert!(span_days >= 3 * 365, "{span_days} days");
    assert!(t.series.iter().all(|s| s.name.as_deref().unwrap_or("").contains("illustrative")));
}

/// IWM against SPY, rebased to 100 at the first day: below 90 at the regime change
/// (2024-06-28), back above 110 at the end.
#[test]
fn small_caps_lag_then_lead() {
    let t = parse_contract_json(COMMITTED).unwrap();
    let (iwm, spy) = (t.require("IWM", "symbol").unwrap(), t.require("SPY", "benchmark").unwrap());
    let ratio = |i: usize| 100.0 * (iwm.closes[i].unwrap() / spy.closes[i].unwrap()) / (iwm.closes[0].unwrap() / spy.closes[0].unwrap());
    let turn = t.index_on_or_before(Date::parse_iso("2024-06-28").unwrap()).unwrap();
    let last = t.dates.len() - 1;
    assert!(ratio(turn) < 90.0, "IWM/SPY at the turn: {:.1}", ratio(turn));
    assert!(ratio(last) > 110.0, "IWM/SPY at the end: {:.1}", ratio(last));
}

/// The documented example file parses, and its gaps come back as the documented warnings.
#[test]
fn example_contract_file_parses_with_its_warnings() {
    let t = parse_contract_json(include_str!("../www/data/example-prices.json")).unwrap();
    assert_eq!(t.symbols(), vec!["SPY", "IWM", "IWC"]);
    assert_eq!(t.adjustment, rotascope::analysis::Adjustment::TotalReturn);
    let codes: Vec<(&str, &str)> = t.warnings.iter().map(|w| (w.code, w.symbol.as_deref().unwrap_or(""))).collect();
    assert_eq!(codes, vec![("late_start", "IWC"), ("early_end", "IWC")]);
    // IWM YTD to 2026-01-06: 250.05 / 244.80 − 1 = +2.1446 %.
    let r = rotascope::analysis::returns::period_return(&t, 1, rotascope::analysis::Period::YearToDate, 4).unwrap();
    assert!((r.return_pct - (250.05 / 244.80 - 1.0) * 100.0).abs() < 1e-12);
    assert!((r.return_pct - 2.1446).abs() < 5e-5);
}
