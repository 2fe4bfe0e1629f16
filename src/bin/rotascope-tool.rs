//! Native developer tool.
//!
//! ```text
//! rotascope-tool sample-data                       the sample price contract (stdout)
//! rotascope-tool convert [--symbols A,B] [--since DAY|PERIOD] [--until DAY] [--adjusted yes|no] FILE...
//!                                                  CSV / Yahoo / contract files → contract JSON
//! rotascope-tool bench [--data DIR] [--until DAY] [--runs N] [--json OUT]
//!                                                  parse + analyze timings (see README)
//! rotascope-tool render --config FILE | --attr NAME=VALUE... --prices FILE [FILE...] [--note FILE]
//!                       [--view V] [--width W] [--height H] [--scale S] [--frame yes|no] [--theme light|dark] [--out DIR]
//!                                                  each view and the note card as SVG, PNG and alt text
//! rotascope-tool messages                          the English message table (stdout)
//! ```
//!
//! `rotascope-tool --help` and `rotascope-tool COMMAND --help` print the usage; an unknown
//! option is an error naming it. `tests/tool.rs` runs the built tool.
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

const USAGE: &str = "\
rotascope-tool: Rotascope's developer tool (native)

usage:
  rotascope-tool sample-data                 the sample price contract, on stdout
  rotascope-tool convert [OPTIONS] FILE...   CSV, Yahoo or contract files -> one contract JSON, on stdout
  rotascope-tool bench [OPTIONS]             parse + analyze timings (the native half of `make bench`)
  rotascope-tool render [OPTIONS]            each view and the note card as an image: SVG, PNG and alt text
  rotascope-tool messages                    the English message table as JSON, on stdout

`rotascope-tool COMMAND --help` lists a command's options.
";

const SAMPLE_USAGE: &str = "\
usage: rotascope-tool sample-data > www/data/sample-prices.json

Writes the sample price contract (illustrative prices, not market data) on stdout.
";

const MESSAGES_USAGE: &str = "\
usage: rotascope-tool messages > www/lang/xx.json

Writes every text the widget shows as one JSON object, key -> English template, in the form of
www/lang/*.json: the start of a new language's table (translate each text; keep each {name}
placeholder; a plural key ending in .one or .other may gain the language's other categories).
";

const CONVERT_USAGE: &str = "\
usage: rotascope-tool convert [OPTIONS] FILE... > prices.json

Reads CSV (a `SPY.csv` of Date,Close rows, or a file of several symbols), Yahoo chart JSON or
price-contract files, merges them on one calendar and writes one price contract on stdout.
Data notes (late starts, gaps) go to stderr.

options:
  --symbols A,B,C      keep only these symbols, in this order (one not in the input is an error)
  --since DAY|PERIOD   keep only dates on or after DAY (YYYY-MM-DD), or after the last date
                       minus PERIOD: a number and W, M or Y (2Y, 18M, 6W), or YTD
  --until DAY          keep only dates on or before DAY (applied first: PERIOD counts back from it)
  --adjusted yes|no    whether the closes are adjusted for dividends and splits (total return);
                       a CSV `Close` column cannot say
  -h, --help           this help

How much to keep: a widget needs history before the first day it shows. The trend view's
200-day average needs 200 trading days (about 10 months), the weekly rotation graph 30 weeks
before its first point, a period's return the close on or before its start. Keep one year more
than the longest period shown: `--since 2Y` for a 1Y view, `--since 4Y` for 3Y.
";

const BENCH_USAGE: &str = "\
usage: rotascope-tool bench [--data DIR] [--until YYYY-MM-DD] [--runs N] [--json OUT]

Times parsing and analyze() on the .csv files in DIR (else synthetic random walks of the same
size) and prints the rotation methods' properties.

options:
  --data DIR     a folder of per-symbol CSV files
  --until DAY    drop rows after DAY
  --runs N       timed runs per measurement (20)
  --json OUT     also write the data as a price contract to OUT
  -h, --help     this help
";

const RENDER_USAGE: &str = "\
usage: rotascope-tool render --config widget.json --prices FILE [FILE...] [OPTIONS]

Draws each view as the widget first shows it (the configured benchmark, period, interval,
method, tail and as-of day; nothing hovered or zoomed) and writes, per view, DIR/<view>.svg,
DIR/<view>.png and DIR/<view>.txt (the alt text: the view's screen-reader summary, also in the
SVG's <desc>). With a research note, the card too: DIR/card.svg, .png and .txt (its text in
reading order), as tall as its content. Text is set in the DejaVu Sans (regular and bold) the tool carries,
whatever the machine has; --font adds faces for scripts it lacks (Japanese).
The words are in the config's `lang` (en, de, fr, es, it, ja; its `messages` replace any), the
numbers and dates in its `locale` (else `lang`'s), as the widget writes them.

options:
  --config FILE        the widget's config as a JSON object (its `prices` are not fetched)
  --attr NAME=VALUE    a placeholder's data- attribute (data-benchmark=SPY), instead of or
                       after --config (later ones win); may be repeated
  --prices FILE        a price file as the widget reads it (contract JSON, CSV, Yahoo JSON);
                       more files may follow the options
  --note FILE          the research note (JSON); else the config's `note`, when it names a
                       file beside the config (or holds the note itself)
  --view V             rotation, performance, trend, card or all (all: the card when there is
                       a note)
  --width W            width in CSS pixels (800; 400 for the card)
  --height H           the image's height in CSS pixels (the config's `height`); with
                       --frame no, the chart's (the trend view adds its RS panel under it)
  --frame yes|no       the title, legend and source line around the chart, as the widget's
                       PNG button draws them (yes)
  --scale S            device pixels per CSS pixel, 1 to 4 (1; 2 for sharp images on
                       high-density screens)
  --theme light|dark   the palette (the config's `theme`; `auto` draws light)
  --out DIR            where to write (.)
  --font FILE          a TrueType/OpenType font (.ttf, .otf, .ttc) for characters DejaVu Sans
                       lacks, such as Japanese (Noto Sans CJK); may be repeated
  -h, --help           this help
";

/// A command's arguments: the options given (name, value) and the other arguments.
#[derive(Debug, Default)]
struct Args {
    options: Vec<(&'static str, String)>,
    rest: Vec<String>,
    help: bool,
}

impl Args {
    /// Splits `args` into the options `known` (each takes a value: `--name value` or
    /// `--name=value`) and the rest. `-h` or `--help` anywhere asks for help; `--` ends the
    /// options; any other argument starting with `-` is an error naming it.
    fn parse(command: &str, args: Vec<String>, known: &[&'static str]) -> Result<Args, String> {
        /// Options that may be given more than once.
        const REPEATABLE: [&str; 2] = ["--attr", "--font"];
        let mut out = Args::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            if arg == "--" {
                out.rest.extend(args.by_ref());
                break;
            }
            if arg == "-h" || arg == "--help" {
                out.help = true;
                continue;
            }
            if !arg.starts_with('-') || arg == "-" {
                out.rest.push(arg);
                continue;
            }
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
                None => (arg.clone(), None),
            };
            let Some(&name) = known.iter().find(|k| **k == name) else {
                let options = if known.is_empty() { "no options".to_owned() } else { known.join(", ") };
                return Err(format!("{command}: unknown option {arg} ({command} takes {options}; see `rotascope-tool {command} --help`)"));
            };
            if !REPEATABLE.contains(&name) && out.options.iter().any(|(n, _)| *n == name) {
                return Err(format!("{command}: {name} is given twice"));
            }
            let Some(value) = inline.or_else(|| args.next()) else {
                return Err(format!("{command}: {name} needs a value (see `rotascope-tool {command} --help`)"));
            };
            out.options.push((name, value));
        }
        Ok(out)
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.options.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// Every value of an option that may be repeated, in order.
    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.options.iter().filter(move |(n, _)| *n == name).map(|(_, v)| v.as_str())
    }
}

fn load_files(files: &[PathBuf], until: Option<Date>) -> Result<PriceTable, String> {
    if let Some(missing) = files.iter().find(|f| !f.is_file()) {
        return Err(format!("{}: no such file", missing.display()));
    }
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

fn parse_day(name: &str, text: Option<&str>) -> Result<Option<Date>, String> {
    text.map(|t| Date::parse_iso(t).map_err(|e| format!("{name} {t}: {e}"))).transpose()
}

/// The first day `--since` keeps: DAY itself, or `last` minus a period (`2Y`, `18M`, `6W`;
/// `YTD`: the last day of the year before).
fn since_day(text: &str, last: Date) -> Result<Date, String> {
    let upper = text.trim().to_ascii_uppercase();
    if upper == "YTD" {
        return Ok(last.end_of_previous_year());
    }
    let count = upper.get(..upper.len().saturating_sub(1)).and_then(|n| n.parse::<i32>().ok()).filter(|&n| n > 0);
    match (count, upper.chars().last()) {
        (Some(n), Some('W')) => Ok(last.add_days(-7 * n)),
        (Some(n), Some('M')) => Ok(last.add_months_clamped(-n)),
        (Some(n), Some('Y')) => Ok(last.add_months_clamped(-12 * n)),
        _ => Date::parse_iso(text.trim()).map_err(|_| format!("--since {text}: use a day YYYY-MM-DD or a period such as 2Y, 18M, 6W or YTD")),
    }
}

/// `convert`: read and merge the files, keep what the options say, write the contract.
fn convert(args: Args) -> Result<(), String> {
    let until = parse_day("--until", args.get("--until"))?;
    // The file may not say (a `Close` column can hold adjusted closes): the caller can.
    let adjusted = match args.get("--adjusted") {
        None => None,
        Some("yes") => Some(rotascope::analysis::Adjustment::TotalReturn),
        Some("no") => Some(rotascope::analysis::Adjustment::PriceOnly),
        Some(other) => return Err(format!("--adjusted {other}: use yes or no")),
    };
    let symbols: Option<Vec<&str>> = args.get("--symbols").map(|list| list.split(',').map(str::trim).filter(|s| !s.is_empty()).collect());
    if let Some(list) = &symbols {
        if list.is_empty() {
            return Err("--symbols: name at least one symbol, as A,B,C".into());
        }
        if let Some((_, twice)) = list.iter().enumerate().find(|(i, s)| list[..*i].contains(s)) {
            return Err(format!("--symbols: {twice} is named twice"));
        }
    }
    if args.rest.is_empty() {
        return Err("convert needs at least one file (see `rotascope-tool convert --help`)".into());
    }
    let files: Vec<PathBuf> = args.rest.iter().map(PathBuf::from).collect();
    let mut t = load_files(&files, until)?;
    if let Some(list) = &symbols {
        t = t.only(list).map_err(|e| format!("--symbols: {e}"))?;
    }
    if let Some(text) = args.get("--since") {
        let first = since_day(text, t.last_date())?;
        if first > t.last_date() {
            return Err(format!("--since {text}: the data ends on {}", t.last_date()));
        }
        t = t.dated(Some(first), None).map_err(|e| format!("--since {text}: {e}"))?;
    }
    let t = t.stated(adjusted);
    for w in &t.warnings {
        eprintln!("warning: {w}");
    }
    print!("{}", to_contract_json(&t));
    Ok(())
}

/// The faces every image's text is set in (DejaVu Sans and DejaVu Sans Bold, Bitstream Vera
/// licence: `fonts/`); bold labels need their own face, or they come out regular.
#[cfg(not(target_arch = "wasm32"))]
const FONTS: [&[u8]; 2] = [include_bytes!("fonts/DejaVuSans.ttf"), include_bytes!("fonts/DejaVuSans-Bold.ttf")];

/// The rasteriser is a native dependency only (it stays out of the widget's bundle); the
/// browser tests' wasm build compiles this tool too, without it.
#[cfg(target_arch = "wasm32")]
fn rasterise(_svg: &str, _extra_fonts: &[Vec<u8>]) -> Result<Vec<u8>, String> {
    Err("PNG images need the native build of rotascope-tool".to_owned())
}

/// SVG to PNG with the tool's font and the `--font` files alone, so an image does not depend
/// on the machine. A character DejaVu Sans lacks is drawn from a `--font` face that has it.
#[cfg(not(target_arch = "wasm32"))]
fn rasterise(svg: &str, extra_fonts: &[Vec<u8>]) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut fonts = usvg::fontdb::Database::new();
    for face in FONTS.iter().copied().chain(extra_fonts.iter().map(Vec::as_slice)) {
        fonts.load_font_data(face.to_vec());
    }
    fonts.set_sans_serif_family(rotascope::chart::render::IMAGE_FONT);
    let options = usvg::Options { font_family: rotascope::chart::render::IMAGE_FONT.to_owned(), fontdb: std::sync::Arc::new(fonts), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("the SVG does not read: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("an empty image")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("PNG: {e}"))
}

fn number(name: &str, text: Option<&str>, default: f64, range: (f64, f64)) -> Result<f64, String> {
    let Some(t) = text else { return Ok(default) };
    t.trim().parse::<f64>().ok().filter(|v| *v >= range.0 && *v <= range.1).ok_or_else(|| format!("{name} {t}: a number from {} to {}", range.0, range.1))
}

/// The widget's config: the file's JSON object, then each `--attr` (a placeholder's `data-`
/// attribute, read as the widget reads it: through the attribute column of the field table),
/// later ones winning. Returns the config and the folder its relative files are in.
fn read_config(args: &Args) -> Result<(rotascope::config::WidgetConfig, PathBuf), String> {
    use rotascope::config::{field_of_attribute, WidgetConfig};
    let mut map = serde_json::Map::new();
    let mut named = "--attr".to_owned();
    let mut folder = PathBuf::from(".");
    if let Some(file) = args.get("--config") {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        match serde_json::from_str(&text) {
            Ok(serde_json::Value::Object(m)) => map = m,
            // Not an object, or not JSON: the config reader's own words.
            _ => return Err(format!("{file}: {}", WidgetConfig::from_json(&text).err().map(|e| e.to_string()).unwrap_or_default())),
        }
        named = file.to_owned();
        folder = Path::new(file).parent().map(Path::to_path_buf).unwrap_or_default();
    }
    let attrs: Vec<&str> = args.all("--attr").collect();
    if args.get("--config").is_none() && attrs.is_empty() {
        return Err("render needs --config FILE or --attr NAME=VALUE (see `rotascope-tool render --help`)".into());
    }
    for attr in attrs {
        let (name, value) = attr.split_once('=').ok_or_else(|| format!("--attr {attr}: write NAME=VALUE, as data-benchmark=SPY"))?;
        let name = name.trim();
        let bare = name.strip_prefix("data-").unwrap_or(name);
        // A name the table does not know goes in as written, to be reported as ignored.
        let key = field_of_attribute(bare).map_or(bare, |f| f.name);
        map.insert(key.to_owned(), serde_json::Value::String(value.to_owned()));
    }
    // The prices come from --prices: a config written for the images alone need not name them.
    if map.get("prices").is_none_or(serde_json::Value::is_null) {
        map.insert("prices".to_owned(), serde_json::Value::String("--prices".to_owned()));
    }
    let config = WidgetConfig::from_map(&map).map_err(|e| format!("{named}: {e}"))?;
    for field in &config.ignored {
        eprintln!("warning: {named}: unknown field {field} ignored");
    }
    Ok((config, folder))
}

/// The research note: `--note FILE`, else the config's `note` when it holds the note or names
/// a file beside the config (a web address is not fetched: `None`).
fn read_note(args: &Args, config: &rotascope::config::WidgetConfig, folder: &Path) -> Result<Option<rotascope::analysis::note::Note>, String> {
    use rotascope::analysis::note::{is_web_link, parse_note, parse_note_json};
    use rotascope::config::Source;
    let file = match (args.get("--note"), &config.note) {
        (Some(file), _) => PathBuf::from(file),
        (None, Some(Source::Inline(value))) => return parse_note(value).map(Some).map_err(|e| format!("note: {e}")),
        (None, Some(Source::Url(url))) if !is_web_link(url) && folder.join(url).is_file() => folder.join(url),
        (None, _) => return Ok(None),
    };
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    parse_note_json(&text).map(Some).map_err(|e| format!("{}: {e}", file.display()))
}

/// What the card cannot show as the note says it, as the widget's card says it: a claim that
/// cannot be read, a sentiment without a usable score, the note's own warnings.
fn note_problems(note: &rotascope::analysis::note::Note, bands: &rotascope::analysis::sentiment::Bands) -> Vec<String> {
    let mut problems: Vec<String> = note.warnings.iter().map(|w| w.message.clone()).collect();
    if let Some(s) = &note.sentiment {
        if let Err(e) = rotascope::analysis::sentiment::read_sentiment(s.label.as_deref(), s.score, bands) {
            problems.push(e.to_string());
        }
    }
    problems.extend(note.claims.iter().filter_map(|c| c.claim.as_ref().err()).map(|e| format!("a claim cannot be checked: {e}")));
    problems
}

/// The shipped language tables (the widget fetches them from `lang/`; the tool carries them).
const LANGUAGE_TABLES: [(&str, &str); 5] = [
    ("de", include_str!("../../www/lang/de.json")),
    ("fr", include_str!("../../www/lang/fr.json")),
    ("es", include_str!("../../www/lang/es.json")),
    ("it", include_str!("../../www/lang/it.json")),
    ("ja", include_str!("../../www/lang/ja.json")),
];

/// The config's words and number format, as a widget with that config shows them: `lang`'s
/// table under the publisher's `messages`, numbers and dates in `locale`, else `lang`'s.
fn image_words(config: &rotascope::config::WidgetConfig) -> Result<(rotascope::chart::messages::Messages, rotascope::chart::LocaleFormat), String> {
    use rotascope::chart::messages::{cldr_plural, keep, language_of, parse_table, unsupported_language, Messages};
    let tag = config.lang.as_deref().unwrap_or("en");
    let lang = language_of(tag).unwrap_or_else(|| {
        eprintln!("warning: {}", unsupported_language(tag));
        "en"
    });
    let table = match LANGUAGE_TABLES.iter().find(|(l, _)| *l == lang) {
        Some((_, json)) => parse_table(json).map_err(|e| format!("lang/{lang}.json: {e}"))?,
        None => Vec::new(),
    };
    let messages = Messages::new(lang, keep(table), keep(config.messages.clone()), Some(cldr_plural));
    Ok((messages, rotascope::chart::LocaleFormat::new(config.locale.as_deref().unwrap_or(lang)).speaking(&messages)))
}

/// `render`: read the config and the prices, draw each view asked for, write its files.
fn render(args: Args) -> Result<(), String> {
    use rotascope::chart::render::{render_view, ImageSpec, ImageView};
    use rotascope::chart::render_card::{render_card, CardColours, CardSpec};
    use rotascope::config::Theme;
    let (config, folder) = read_config(&args)?;
    let files: Vec<PathBuf> = args.get("--prices").into_iter().map(String::from).chain(args.rest.iter().cloned()).map(PathBuf::from).collect();
    if files.is_empty() {
        return Err("render needs --prices FILE (see `rotascope-tool render --help`)".into());
    }
    let note = read_note(&args, &config, &folder)?;
    let table = load_files(&files, None)?;
    let asked = args.get("--view").unwrap_or("all");
    let views: Vec<ImageView> = match asked {
        "all" => ImageView::ALL.to_vec(),
        "card" => Vec::new(),
        name => vec![ImageView::ALL.into_iter().find(|v| v.name() == name).ok_or_else(|| format!("--view {name}: use rotation, performance, trend, card or all"))?],
    };
    let card = match (asked, &note) {
        ("card", None) => return Err("--view card needs a note: --note FILE, or a config whose `note` names a file beside it".into()),
        ("card" | "all", Some(n)) => Some(n),
        _ => None,
    };
    let width = number("--width", args.get("--width"), 800.0, (200.0, 4000.0))?;
    let card_width = number("--width", args.get("--width"), 400.0, (200.0, 4000.0))?;
    let height = number("--height", args.get("--height"), config.height, (100.0, 4000.0))?;
    let scale = number("--scale", args.get("--scale"), 1.0, (1.0, 4.0))?;
    let frame = match args.get("--frame") {
        None | Some("yes") => true,
        Some("no") => false,
        Some(other) => return Err(format!("--frame {other}: use yes or no")),
    };
    let dark = match args.get("--theme") {
        None => config.theme == Theme::Dark,
        Some("light") => false,
        Some("dark") => true,
        Some(other) => return Err(format!("--theme {other}: use light or dark")),
    };
    let out = PathBuf::from(args.get("--out").unwrap_or("."));
    let fonts = args.all("--font").map(|file| std::fs::read(file).map_err(|e| format!("--font {file}: {e}"))).collect::<Result<Vec<_>, _>>()?;
    let (messages, format) = image_words(&config)?;
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let model = rotascope::model::Model::new(std::rc::Rc::new(table), &config.analyze_options()).map_err(|e| e.to_string())?;
    let palette = if dark { rotascope::chart::Palette::dark() } else { rotascope::chart::Palette::light() };
    let spec = ImageSpec {
        width,
        height,
        scale,
        palette: &palette,
        title: config.title.as_deref(),
        period: config.period,
        interval: config.rotation.interval,
        method: config.rotation.method,
        tail: config.rotation.tail,
        messages,
        published: note.as_ref().and_then(|n| n.published),
        frame,
    };
    let write = |name: &str, image: &rotascope::chart::render::Image| -> Result<(), String> {
        let png = rasterise(&image.svg, &fonts)?;
        for (extension, bytes) in [("svg", image.svg.as_bytes()), ("png", png.as_slice()), ("txt", image.alt.as_bytes())] {
            let file = out.join(format!("{name}.{extension}"));
            std::fs::write(&file, bytes).map_err(|e| format!("{}: {e}", file.display()))?;
        }
        println!("{name}: {} × {} px", image.width, image.height);
        Ok(())
    };
    for view in views {
        write(view.name(), &render_view(&model, view, &spec, &format))?;
    }
    if let Some(note) = card {
        for problem in note_problems(note, &config.bands) {
            eprintln!("warning: note: {problem}");
        }
        let colours = if dark { CardColours::dark() } else { CardColours::light() };
        let card_spec = CardSpec {
            width: card_width,
            scale,
            palette: &palette,
            colours: &colours,
            title: config.title.as_deref(),
            bands: &config.bands,
            tolerance: config.tolerance,
            table: Some(&*model.table),
            benchmark: Some(model.benchmark),
        };
        write("card", &render_card(&messages, note, &card_spec, &format))?;
    }
    Ok(())
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

fn bench(args: Args) -> Result<(), String> {
    if let Some(extra) = args.rest.first() {
        return Err(format!("bench: unexpected argument {extra} (see `rotascope-tool bench --help`)"));
    }
    let data = args.get("--data").filter(|d| !d.is_empty());
    let until = parse_day("--until", args.get("--until"))?;
    let runs: usize = args.get("--runs").map_or(Ok(20), |r| r.parse().map_err(|_| format!("--runs {r}: not a number")))?;
    let json_out = args.get("--json");

    let (table, origin) = match data.map(Path::new).filter(|d| d.is_dir()) {
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
        std::fs::write(out, &text).map_err(|e| format!("{out}: {e}"))?;
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
    bench_render(&table, runs.min(5))?;
    print_rotation_quality(&table)
}

/// `render`'s time for one view at 800 × 480 (the default config, light theme): the model from
/// the loaded table, the view laid out and painted to SVG, the SVG rasterised to PNG.
fn bench_render(table: &PriceTable, runs: usize) -> Result<(), String> {
    use rotascope::chart::render::{render_view, ImageSpec, ImageView};
    let config = rotascope::config::WidgetConfig::defaults();
    let table = std::rc::Rc::new(table.clone());
    let palette = rotascope::chart::Palette::light();
    let spec = ImageSpec {
        width: 800.0,
        height: config.height,
        scale: 1.0,
        palette: &palette,
        title: None,
        period: config.period,
        interval: config.rotation.interval,
        method: config.rotation.method,
        tail: config.rotation.tail,
        messages: rotascope::chart::messages::Messages::english(),
        published: None,
        frame: false,
    };
    for view in ImageView::ALL {
        let mut failed = None;
        let (m, lo) = time(runs, || {
            let model = rotascope::model::Model::new(table.clone(), &config.analyze_options()).map_err(|e| e.to_string());
            match model.map(|model| render_view(&model, view, &spec, &rotascope::chart::PlainFormat)).and_then(|image| rasterise(&image.svg, &[])) {
                Ok(png) => png.len(),
                Err(e) => {
                    failed = Some(e);
                    0
                }
            }
        });
        if let Some(e) = failed {
            return Err(format!("render {}: {e}", view.name()));
        }
        println!("native  render {:<11} to PNG, 800 px median {m:8.2} ms  (min {lo:.2}, {runs} runs; target <= 1000)", view.name());
    }
    Ok(())
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
        eprint!("{USAGE}");
        return ExitCode::from(2);
    }
    let command = args.remove(0);
    let (usage, known): (&str, &[&'static str]) = match command.as_str() {
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        "sample-data" => (SAMPLE_USAGE, &[]),
        "messages" => (MESSAGES_USAGE, &[]),
        "convert" => (CONVERT_USAGE, &["--symbols", "--since", "--until", "--adjusted"]),
        "bench" => (BENCH_USAGE, &["--data", "--until", "--runs", "--json"]),
        "render" => (RENDER_USAGE, &["--config", "--attr", "--prices", "--note", "--view", "--width", "--height", "--scale", "--frame", "--theme", "--out", "--font"]),
        other => {
            eprintln!("rotascope-tool: unknown command {other}\n");
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = Args::parse(&command, args, known).and_then(|args| {
        if args.help {
            print!("{usage}");
            return Ok(());
        }
        match command.as_str() {
            "sample-data" => match args.rest.first() {
                Some(extra) => Err(format!("sample-data: unexpected argument {extra}")),
                None => {
                    print!("{}", rotascope::sample::sample_prices_json());
                    Ok(())
                }
            },
            "messages" => match args.rest.first() {
                Some(extra) => Err(format!("messages: unexpected argument {extra}")),
                None => {
                    let table: serde_json::Map<String, serde_json::Value> = rotascope::chart::messages::english_pairs().map(|(k, v)| (k.to_owned(), v.into())).collect();
                    println!("{}", serde_json::to_string_pretty(&table).map_err(|e| e.to_string())?);
                    Ok(())
                }
            },
            "convert" => convert(args),
            "render" => render(args),
            _ => bench(args),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rotascope-tool: {e}");
            ExitCode::FAILURE
        }
    }
}
