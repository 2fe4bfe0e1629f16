//! The default rotation method, `log-trend`, holds the properties README "Rotation methods"
//! promises, weekly and daily, every symbol against SPY, on the sample data always and on the
//! real closes in `../shared/data/prices` (or `$ROTASCOPE_REAL_DATA`) when they are there
//! (see `analysis::rotation_quality` for how each is measured):
//!
//! - proportional: scaling a symbol's log relative strength by s = 0.5, 2, 4 scales its
//!   distance from 100 by s on both axes (median within 10 %);
//! - rotation kept: median correlation of RS-Ratio and RS-Momentum at most 0.3, at least 90 %
//!   of RS-Ratio's turning points matched by an RS-Momentum crossing of 100 within two samples,
//!   and most steps clockwise;
//! - round loops: the median span ratio of 10-point runs between 0.67 and 1.5;
//! - independent of the universe, and every point finite.
//!
//! `zscore` is measured too and must stay what it is: momentum riding with the ratio, and
//! distances that do not scale.
#![cfg(not(target_arch = "wasm32"))]

use rotascope::analysis::input::{merge, parse_contract_json, parse_text};
use rotascope::analysis::rotation::{Interval, RotationMethod, RotationParams};
use rotascope::analysis::rotation_quality::{method_properties, MethodProperties};
use rotascope::analysis::{Date, PriceTable};
use std::path::PathBuf;

fn properties(table: &PriceTable, interval: Interval, method: RotationMethod) -> MethodProperties {
    let benchmark = table.position("SPY").unwrap();
    let params = RotationParams::new(interval, 14, 10).unwrap().with_method(method);
    method_properties(table, benchmark, table.dates.len() - 1, params).unwrap()
}

fn assert_properties(what: &str, table: &PriceTable) {
    for interval in [Interval::Weekly, Interval::Daily] {
        let p = properties(table, interval, RotationMethod::LogTrend);
        let z = properties(table, interval, RotationMethod::Zscore);
        eprintln!("{what}, {interval:?}, log-trend: {p}\n{what}, {interval:?}, zscore:    {z}");
        let q = &p.quality;
        for (s, m) in &p.proportional {
            let m = m.unwrap();
            assert!((m - 1.0).abs() <= 0.1, "{what} {interval:?}: distance ÷ s = {m:.3} for s = {s}");
        }
        let r = q.median_correlation.unwrap();
        assert!(r <= 0.3, "{what} {interval:?}: median correlation {r:.3} > 0.3");
        assert!(q.matched_pct() >= 90.0, "{what} {interval:?}: {:.1} % of turns matched", q.matched_pct());
        assert!(q.clockwise_pct() >= 65.0, "{what} {interval:?}: {:.1} % of steps clockwise", q.clockwise_pct());
        let round = q.median_roundness.unwrap();
        assert!((0.67..=1.5).contains(&round), "{what} {interval:?}: median roundness {round:.2}");
        assert!(p.universe_dependent.is_empty(), "{what} {interval:?}: {:?} depend on the other symbols", p.universe_dependent);
        assert_eq!(p.not_finite, 0);
        // zscore as it always was: momentum a second level of the ratio, each symbol in its own
        // units (a scaled symbol sits where the original does).
        if interval == Interval::Weekly {
            assert!(z.quality.median_correlation.unwrap() > 0.5, "{what}: zscore correlation {:?}", z.quality.median_correlation);
        }
        assert!(z.proportional.iter().all(|(s, m)| (m.unwrap() * s - 1.0).abs() < 0.01), "{what}: zscore distances {:?}", z.proportional);
    }
}

#[test]
fn the_default_method_holds_its_properties_on_the_sample_data() {
    let table = parse_contract_json(include_str!("../www/data/sample-prices.json")).unwrap();
    assert_properties("sample data", &table);
}

/// The folder of real closes: `$ROTASCOPE_REAL_DATA`, else `../shared/data/prices` beside the
/// project, else `/work/shared/data/prices`.
fn real_data_dir() -> Option<PathBuf> {
    let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/prices");
    std::env::var_os("ROTASCOPE_REAL_DATA").map(PathBuf::from).into_iter().chain([beside, PathBuf::from("/work/shared/data/prices")]).find(|d| d.is_dir())
}

#[test]
fn the_default_method_holds_its_properties_on_the_real_closes_when_present() {
    let Some(dir) = real_data_dir() else {
        eprintln!("NOT CHECKED: no real closes in ../shared/data/prices (set ROTASCOPE_REAL_DATA); sample data only");
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "csv")).collect();
    files.sort();
    let tables = files.iter().map(|f| parse_text(&f.display().to_string(), &std::fs::read_to_string(f).unwrap(), None).unwrap()).collect();
    // The last row, 2026-07-14, is intraday (see that folder's SOURCES.md).
    let table = merge(tables).unwrap().until(Date::parse_iso("2026-07-13").unwrap()).unwrap();
    assert!(table.series.len() >= 20, "{} series in {}", table.series.len(), dir.display());
    assert_properties(&format!("real closes ({})", dir.display()), &table);
}
