//! The default rotation method rotates: weekly, every symbol against SPY, the median
//! correlation of RS-Ratio and RS-Momentum is at most 0.3 and at least 90 % of RS-Ratio's
//! turning points have an RS-Momentum crossing of 100 within two samples (see
//! `analysis::rotation_quality`). Checked on the sample data always, and on the real closes in
//! `../shared/data/prices` (or `$ROTASCOPE_REAL_DATA`) when they are there. `zscore` is
//! measured too and must stay what it is: momentum riding with the ratio.
#![cfg(not(target_arch = "wasm32"))]

use rotascope::analysis::input::{merge, parse_contract_json, parse_text};
use rotascope::analysis::rotation::{rotations, RotationMethod, RotationParams};
use rotascope::analysis::rotation_quality::RotationQuality;
use rotascope::analysis::{Date, PriceTable, Selection};
use std::path::PathBuf;

fn quality(table: &PriceTable, method: RotationMethod) -> RotationQuality {
    let selection = Selection::resolve(table, Some("SPY"), None).unwrap();
    let params = RotationParams::default().with_method(method);
    let (rots, _) = rotations(table, &selection, table.dates.len() - 1, params).unwrap();
    RotationQuality::of(&rots)
}

fn assert_rotates(what: &str, table: &PriceTable) {
    let q = quality(table, RotationMethod::RatioRoc);
    let z = quality(table, RotationMethod::Zscore);
    eprintln!("{what}, ratio-roc: {q}\n{what}, zscore:    {z}");
    let r = q.median_correlation.unwrap();
    assert!(r <= 0.3, "{what}: median correlation {r:.3} > 0.3");
    assert!(q.matched_pct() >= 90.0, "{what}: {:.1} % of turns matched", q.matched_pct());
    assert!(q.clockwise_pct() >= 65.0, "{what}: {:.1} % of steps clockwise", q.clockwise_pct());
    // zscore is today's method unchanged: its momentum is a second level of the ratio.
    assert!(z.median_correlation.unwrap() > 0.5, "{what}: zscore correlation {:?}", z.median_correlation);
}

#[test]
fn the_default_method_rotates_on_the_sample_data() {
    let table = parse_contract_json(include_str!("../www/data/sample-prices.json")).unwrap();
    assert_rotates("sample data", &table);
}

/// The folder of real closes: `$ROTASCOPE_REAL_DATA`, else `../shared/data/prices` beside the
/// project, else `/work/shared/data/prices`.
fn real_data_dir() -> Option<PathBuf> {
    let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/prices");
    std::env::var_os("ROTASCOPE_REAL_DATA").map(PathBuf::from).into_iter().chain([beside, PathBuf::from("/work/shared/data/prices")]).find(|d| d.is_dir())
}

#[test]
fn the_default_method_rotates_on_the_real_closes_when_present() {
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
    assert_rotates(&format!("real closes ({})", dir.display()), &table);
}
