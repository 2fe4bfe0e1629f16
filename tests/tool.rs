//! The developer tool as a publisher runs it (README "Developer tool"): `--help` for the tool
//! and each command, unknown options named, `convert --symbols` and `--since` over small
//! hand-built CSV files, and the README's own command line.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TOOL: &str = env!("CARGO_BIN_EXE_rotascope-tool");

/// A fresh folder under the system's temporary one, with `files` (name, text) in it.
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rotascope-tool-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (file, text) in files {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// SPY has every date; IWM starts on 2024-01-05; XLK misses 2025-06-02. The last date is
/// 2026-01-08, so two years back is 2024-01-08.
const SPY: &str = "Date,Close\n2023-06-01,10\n2024-01-05,11\n2024-01-08,12\n2025-06-02,13\n2026-01-08,14\n";
const IWM: &str = "Date,Close\n2024-01-05,20\n2024-01-08,21\n2025-06-02,22\n2026-01-08,23\n";
const XLK: &str = "Date,Close\n2023-06-01,30\n2024-01-05,31\n2024-01-08,32\n2026-01-08,34\n";
const XLE: &str = "Date,Close\n2023-06-01,40\n2024-01-05,41\n2024-01-08,42\n2025-06-02,43\n2026-01-08,44\n";

fn prices(name: &str) -> PathBuf {
    folder(name, &[("prices/SPY.csv", SPY), ("prices/IWM.csv", IWM), ("prices/XLK.csv", XLK), ("prices/XLE.csv", XLE)])
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(TOOL).args(args).current_dir(dir).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Each series of a contract: (symbol, closes), in order.
type Series = Vec<(String, Vec<Option<f64>>)>;

/// The contract `convert` wrote: its dates and each series.
fn contract(out: &Output) -> (Vec<String>, Series) {
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let dates = v["dates"].as_array().unwrap().iter().map(|d| d.as_str().unwrap().to_owned()).collect();
    let series = v["series"].as_object().unwrap().iter().map(|(s, c)| (s.clone(), c.as_array().unwrap().iter().map(Value::as_f64).collect())).collect();
    (dates, series)
}

fn convert(dir: &Path, options: &[&str]) -> Output {
    let files = ["prices/IWM.csv", "prices/SPY.csv", "prices/XLE.csv", "prices/XLK.csv"];
    run(dir, &[&["convert"], options, &files].concat())
}

#[test]
fn help_prints_the_usage_of_the_tool_and_of_each_command() {
    let dir = std::env::temp_dir();
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let out = run(&dir, args);
        assert!(out.status.success(), "{args:?}");
        let usage = text(&out.stdout);
        assert!(usage.contains("rotascope-tool convert [OPTIONS] FILE...") && usage.contains("rotascope-tool COMMAND --help"), "{usage}");
    }
    for (args, expect) in [
        (&["convert", "--help"][..], "usage: rotascope-tool convert [OPTIONS] FILE..."),
        (&["convert", "-h"], "usage: rotascope-tool convert [OPTIONS] FILE..."),
        // Help wins over anything else on the line, even a missing file.
        (&["convert", "--since", "2Y", "missing.csv", "--help"], "usage: rotascope-tool convert"),
        (&["bench", "--help"], "usage: rotascope-tool bench"),
        (&["sample-data", "-h"], "usage: rotascope-tool sample-data"),
    ] {
        let out = run(&dir, args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        assert!(text(&out.stdout).starts_with(expect), "{args:?}: {}", text(&out.stdout));
        assert!(out.stderr.is_empty(), "{args:?}: {}", text(&out.stderr));
    }
    let convert = text(&run(&dir, &["convert", "--help"]).stdout);
    for option in ["--symbols A,B,C", "--since DAY|PERIOD", "--until DAY", "--adjusted yes|no", "--since 2Y"] {
        assert!(convert.contains(option), "{option} missing from:\n{convert}");
    }
}

#[test]
fn unknown_options_and_missing_values_are_errors_naming_them() {
    let dir = prices("unknown");
    for (args, expect) in [
        (&["convert", "--bogus", "prices/SPY.csv"][..], "unknown option --bogus (convert takes --symbols, --since, --until, --adjusted"),
        (&["convert", "-x", "prices/SPY.csv"], "unknown option -x"),
        (&["bench", "--nope"], "bench: unknown option --nope"),
        (&["sample-data", "--seed=3"], "sample-data: unknown option --seed=3 (sample-data takes no options"),
        (&["convert", "prices/SPY.csv", "--since"], "convert: --since needs a value"),
        (&["convert", "--since", "1Y", "--since", "2Y", "prices/SPY.csv"], "convert: --since is given twice"),
        (&["convert", "--since", "2X", "prices/SPY.csv"], "--since 2X: use a day YYYY-MM-DD or a period such as 2Y, 18M, 6W or YTD"),
        (&["convert", "--help-me"], "unknown option --help-me"),
        (&["convert", "nothing.csv"], "nothing.csv: no such file"),
        (&["convert"], "convert needs at least one file"),
        (&["frobnicate"], "unknown command frobnicate"),
    ] {
        let out = run(&dir, args);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(out.stdout.is_empty(), "{args:?} wrote {}", text(&out.stdout));
        assert!(text(&out.stderr).contains(expect), "{args:?}: {}", text(&out.stderr));
    }
}

#[test]
fn symbols_keeps_those_series_in_that_order_and_names_one_not_in_the_input() {
    let dir = prices("symbols");
    let (dates, series) = contract(&convert(&dir, &["--symbols", "XLK,SPY"]));
    assert_eq!(dates, ["2023-06-01", "2024-01-05", "2024-01-08", "2025-06-02", "2026-01-08"]);
    assert_eq!(
        series,
        [
            ("XLK".to_owned(), vec![Some(30.0), Some(31.0), Some(32.0), None, Some(34.0)]),
            ("SPY".to_owned(), vec![Some(10.0), Some(11.0), Some(12.0), Some(13.0), Some(14.0)]),
        ]
    );
    // Only the kept symbols' notes: XLK's gap, not IWM's late start.
    let out = convert(&dir, &["--symbols=XLK,SPY"]);
    let notes = text(&out.stderr);
    assert!(notes.contains("XLK: 1 close is missing between 2025-06-02 and 2025-06-02") && !notes.contains("IWM"), "{notes}");

    let out = convert(&dir, &["--symbols", "SPY,QQQ,IWM"]);
    assert!(!out.status.success() && out.stdout.is_empty());
    assert_eq!(text(&out.stderr).trim(), "rotascope-tool: --symbols: unknown symbol \"QQQ\": the prices have IWM, SPY, XLE, XLK");
    let out = convert(&dir, &["--symbols", "SPY,IWM,SPY"]);
    assert_eq!(text(&out.stderr).trim(), "rotascope-tool: --symbols: SPY is named twice");
    let out = convert(&dir, &["--symbols", " , "]);
    assert!(text(&out.stderr).contains("--symbols: name at least one symbol"), "{}", text(&out.stderr));
}

#[test]
fn since_keeps_the_dates_on_or_after_a_day_or_a_period_before_the_last_date() {
    let dir = prices("since");
    let dates = |options: &[&str]| contract(&convert(&dir, options)).0;
    // A day in the data, and a Saturday (the next trading day is kept).
    assert_eq!(dates(&["--since", "2024-01-05"]), ["2024-01-05", "2024-01-08", "2025-06-02", "2026-01-08"]);
    assert_eq!(dates(&["--since", "2024-01-06"]), ["2024-01-08", "2025-06-02", "2026-01-08"]);
    // Back from the last date 2026-01-08: 2Y → 2024-01-08 (kept: on or after), 18M → 2024-07-08,
    // 1Y → 2025-01-08, 6W → 2025-11-27, YTD → 2025-12-31.
    assert_eq!(dates(&["--since", "2Y"]), ["2024-01-08", "2025-06-02", "2026-01-08"]);
    assert_eq!(dates(&["--since", "18m"]), ["2025-06-02", "2026-01-08"]);
    assert_eq!(dates(&["--since", "1Y"]), ["2025-06-02", "2026-01-08"]);
    assert_eq!(dates(&["--since", "6W"]), ["2026-01-08"]);
    assert_eq!(dates(&["--since", "YTD"]), ["2026-01-08"]);
    // --until first: 1Y back from 2025-06-02 is 2024-06-02.
    assert_eq!(dates(&["--until", "2025-06-02", "--since", "1Y"]), ["2025-06-02"]);
    assert_eq!(dates(&["--since", "2024-01-05", "--until", "2025-06-02"]), ["2024-01-05", "2024-01-08", "2025-06-02"]);
    // The notes describe what is kept: IWM no longer starts late from 2024-01-05 on.
    let out = convert(&dir, &["--since", "2024-01-05"]);
    assert!(!text(&out.stderr).contains("IWM starts"), "{}", text(&out.stderr));
    assert!(text(&convert(&dir, &[]).stderr).contains("IWM starts on 2024-01-05"));
    // After the data: an error saying where it ends.
    let out = convert(&dir, &["--since", "2026-01-09"]);
    assert_eq!(text(&out.stderr).trim(), "rotascope-tool: --since 2026-01-09: the data ends on 2026-01-08");
}

/// The command line in README "Developer tool", run as written over the fixture folder.
#[test]
fn the_readme_command_line_runs_as_written() {
    let readme = include_str!("../README.md");
    let section = readme.split("\n## Developer tool\n").nth(1).unwrap().split("\n## ").next().unwrap();
    let block = section.split("```sh\n").nth(1).expect("a ```sh block in README \"Developer tool\"").split("```").next().unwrap();
    let line = block.trim();
    assert!(line.starts_with("rotascope-tool convert ") && !line.contains('\n'), "{line}");
    let dir = prices("readme");
    let bin = Path::new(TOOL).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("sh").args(["-c", line]).env("PATH", path).current_dir(&dir).output().unwrap();
    assert!(out.status.success(), "{line}: {}", text(&out.stderr));
    let written = Output { status: out.status, stdout: std::fs::read(dir.join("prices.json")).unwrap(), stderr: Vec::new() };
    let (dates, series) = contract(&written);
    assert_eq!(dates, ["2024-01-08", "2025-06-02", "2026-01-08"]);
    assert_eq!(series.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>(), ["SPY", "IWM", "XLK"]);
    let v: Value = serde_json::from_slice(&written.stdout).unwrap();
    assert_eq!(v["adjusted"], Value::Bool(true), "{v}");
}

/// `messages` writes the English table in the shape of `www/lang/*.json`: every key a shipped
/// table has but the plural categories English does not spell out, with English's texts.
#[test]
fn messages_writes_the_english_table_as_a_language_file() {
    let out = run(Path::new("."), &["messages"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let english: serde_json::Map<String, Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(english.get("quadrant.leading"), Some(&Value::from("Leading")));
    assert_eq!(english.get("list.more.one"), Some(&Value::from("and {n} more")));
    let german: serde_json::Map<String, Value> = serde_json::from_str(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("www/lang/de.json")).unwrap()).unwrap();
    let mut keys: Vec<&String> = english.keys().collect();
    let mut shipped: Vec<&String> = german.keys().collect();
    keys.sort();
    shipped.sort();
    assert_eq!(keys, shipped);
    let extra = run(Path::new("."), &["messages", "x"]);
    assert!(!extra.status.success() && text(&extra.stderr).contains("messages: unexpected argument x"));
}
