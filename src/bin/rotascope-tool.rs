//! Native developer tool.
//!
//! ```text
//! rotascope-tool sample-data                       the sample price contract (stdout)
//! rotascope-tool convert [--until DAY] [--adjusted yes|no] FILE...
//!                                                  CSV / Yahoo / contract files → contract JSON
//! rotascope-tool bench [--data DIR] [--until DAY] [--runs N] [--json OUT]
//!                                                  parse + analyze timings (see README)
//! ```
use rotascope::model::{analyze, AnalyzeOptions};
use rotascope::analysis::input::{merge, parse_contract_json, parse_text, to_contract_json};
use rotascope::analysis::period::Period;
use rotascope::analysis::rotation::{Interval, RotationMethod, RotationParams};
use rotascope::analysis::rotation_quality::method_properties;
use rotascope::analysis::Selection;
use rotascope::analysis::{Date, PriceTable};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn usage() -> ExitCode {
    eprintln!(
        "usage:\n  rotascope-tool sample-data > www/data/sample-prices.json\n  \
         rotascope-tool convert [--until YYYY-MM-DD] [--adjusted yes|no] FILE... > prices.json\n  \
         rotascope-tool bench [--data DIR] [--until YYYY-MM-DD] [--runs N] [--json OUT]"
    );
    ExitCode::from(2)
}

/// Value of `--name` in `args`, removing both.
fn take_flag(args: &mut Vec<String>, name: &str) -> Option<String> {
    let i = args.iter().position(|a| a == name)?;
    let value = args.get(i + 1).cloned();
    args.drain(i..(i + 2).min(args.len()));
    value
}

fn load_files(files: &[PathBuf], until: Option<Date>) -> Result<PriceTable, String> {
    let mut tables = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        tables.push(parse_text(&f.display().to_string(), &text, None).map_err(|e| e.to_string())?);
    }
    let table = merge(tables).map_err(|e| e.to_string())?;
    match until {
        Some(day) => table.until(day).map_err(|e| e.to_string()),
        None => Ok(table),
    }
}

fn csv_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "csv")).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn parse_day(text: Option<String>) -> Result<Option<Date>, String> {
    text.map(|t| Date::parse_iso(&t).map_err(|e| format!("--until {t}: {e}"))).transpose()
}

fn median_ms(mut samples: Vec<f64>) -> (f64, f64) {
    samples.sort_by(f64::total_cmp);
    (samples[samples.len() / 2], samples[0])
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64) {
    let samples = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    median_ms(samples)
}

fn bench(mut args: Vec<String>) -> Result<(), String> {
    let data = take_flag(&mut args, "--data").filter(|d| !d.is_empty());
    let until = parse_day(take_flag(&mut args, "--until"))?;
    let runs: usize = take_flag(&mut args, "--runs").map_or(Ok(20), |r| r.parse().map_err(|_| format!("--runs {r}: not a number")))?;
    let json_out = take_flag(&mut args, "--json");

    let (table, origin) = match data.as_deref().map(Path::new).filter(|d| d.is_dir()) {
        Some(dir) => {
            let files = csv_files(dir);
            if files.is_empty() {
                return Err(format!("{}: no .csv files", dir.display()));
            }
            (load_files(&files, until)?, format!("real closes from {}", dir.display()))
        }
        None => {
            let first = Date::parse_iso("2000-05-26").expect("valid");
            let last = Date::parse_iso("2026-07-13").expect("valid");
            (rotascope::sample::synthetic_table(24, first, last), "synthetic random walks (no --data directory found)".to_string())
        }
    };
    let text = to_contract_json(&table);
    if let Some(out) = json_out {
        if let Some(parent) = Path::new(&out).parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{out}: {e}"))?;
        }
        std::fs::write(&out, &text).map_err(|e| format!("{out}: {e}"))?;
    }
    let weekly = AnalyzeOptions { periods: Period::NAMED.to_vec(), ..AnalyzeOptions::default() };
    let daily = AnalyzeOptions {
        rotation: RotationParams::new(Interval::Daily, 14, 10).expect("valid"),
        ..weekly.clone()
    };
    println!(
        "data: {} symbols × {} dates ({} .. {}), contract JSON {:.1} MB; {origin}",
        table.series.len(),
        table.dates.len(),
        table.first_date(),
        table.last_date(),
        text.len() as f64 / 1e6
    );
    let (m, lo) = time(runs, || parse_contract_json(&text).expect("round trip"));
    println!("native  parse contract JSON            median {m:8.2} ms  (min {lo:.2}, {runs} runs)");
    let (m, lo) = time(runs, || analyze(&table, &weekly).expect("analyze"));
    println!("native  analyze: 7 periods, weekly RRG median {m:8.2} ms  (min {lo:.2}, {runs} runs)");
    let (m, lo) = time(runs, || analyze(&table, &daily).expect("analyze"));
    println!("native  analyze: 7 periods, daily RRG  median {m:8.2} ms  (min {lo:.2}, {runs} runs)");
    let (m, lo) = time(runs, || analyze(&parse_contract_json(&text).expect("parse"), &weekly).expect("analyze"));
    println!("native  parse + analyze (weekly)       median {m:8.2} ms  (min {lo:.2}, {runs} runs)");
    print_rotation_quality(&table)
}

/// The properties of README "Rotation methods", for both methods, weekly and daily.
fn print_rotation_quality(table: &PriceTable) -> Result<(), String> {
    // The default benchmark: SPY if loaded, else the first symbol.
    let selection = Selection::resolve(table, None, None).map_err(|e| e.to_string())?;
    let benchmark = &table.series[selection.benchmark].symbol;
    println!("rotation methods against {benchmark}, window 14 (log-trend's targets: distance ÷ s within 1 ± 0.1, median correlation <= 0.3, >= 90 % of turns matched, median roundness 0.67..1.5):");
    for interval in [Interval::Weekly, Interval::Daily] {
        for method in RotationMethod::ALL {
            let params = RotationParams::new(interval, 14, 10).map_err(|e| e.to_string())?.with_method(method);
            let properties = method_properties(table, selection.benchmark, table.dates.len() - 1, params).map_err(|e| e.to_string())?;
            println!("  {:<6} {:<9} {properties}", format!("{interval:?}").to_lowercase(), method.name());
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        return usage();
    }
    let command = args.remove(0);
    let result = match command.as_str() {
        "sample-data" => {
            print!("{}", rotascope::sample::sample_prices_json());
            Ok(())
        }
        "convert" => parse_day(take_flag(&mut args, "--until")).and_then(|until| {
            // The file may not say (a `Close` column can hold adjusted closes): the caller can.
            let adjusted = match take_flag(&mut args, "--adjusted").as_deref() {
                None => None,
                Some("yes") => Some(rotascope::analysis::Adjustment::TotalReturn),
                Some("no") => Some(rotascope::analysis::Adjustment::PriceOnly),
                Some(other) => return Err(format!("--adjusted {other}: use yes or no")),
            };
            if args.is_empty() {
                return Err("convert needs at least one file".into());
            }
            let files: Vec<PathBuf> = args.iter().map(PathBuf::from).collect();
            load_files(&files, until).map(|t| {
                let t = t.stated(adjusted);
                for w in &t.warnings {
                    eprintln!("warning: {w}");
                }
                print!("{}", to_contract_json(&t));
            })
        }),
        "bench" => bench(args),
        _ => return usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rotascope-tool: {e}");
            ExitCode::FAILURE
        }
    }
}
