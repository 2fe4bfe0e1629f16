//! `rotascope-tool render` as a publisher runs it, on the bundle's sample prices: for each view
//! and both themes the SVG reads as XML with its title, alt text and background, the rotation
//! graph has its four quadrants and one label per symbol, and the PNG, decoded, shows the
//! chart's colours where the view-models (built here from the same config) put them.
#![cfg(not(target_arch = "wasm32"))]

use resvg::tiny_skia::Pixmap;
use rotascope::analysis::input::parse_text;
use rotascope::analysis::sentiment::{Band, Bands};
use rotascope::analysis::Date;
use rotascope::chart::card::{gauge_bands, GAUGE_BAND, GAUGE_MARKER, GAUGE_NEEDLE};
use rotascope::chart::render::{performance_view, rotation_view, trend_view, ImageSpec};
use rotascope::chart::render_card::{card_view, CardColours, CardSpec};
use rotascope::chart::{Palette, PlainFormat, Rgb};
use rotascope::config::WidgetConfig;
use rotascope::model::Model;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;

const TOOL: &str = env!("CARGO_BIN_EXE_rotascope-tool");
const CONFIG: &str = r#"{"prices": "data/sample-prices.json", "title": "Sector <rotation> & trend", "height": 420}"#;

fn sample_prices() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("www/data/sample-prices.json")
}

/// Runs the tool for `theme` into a fresh folder, the charts alone (`--frame no`), returning
/// the folder.
fn render(theme: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rotascope-render-{}-{theme}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("widget.json"), CONFIG).unwrap();
    let prices = sample_prices();
    let out = Command::new(TOOL)
        .args(["render", "--config", "widget.json", "--prices", prices.to_str().unwrap(), "--width", "640", "--frame", "no", "--theme", theme, "--out", "images"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    dir.join("images")
}

/// The model and spec the tool builds from the same config, for the expected positions.
fn model() -> (Model, WidgetConfig) {
    let config = WidgetConfig::from_json(CONFIG).unwrap();
    let text = std::fs::read_to_string(sample_prices()).unwrap();
    let table = parse_text("sample-prices.json", &text, None).unwrap();
    (Model::new(Rc::new(table), &config.analyze_options()).unwrap(), config)
}

fn spec<'a>(config: &'a WidgetConfig, palette: &'a Palette) -> ImageSpec<'a> {
    ImageSpec {
        width: 640.0,
        height: 420.0,
        scale: 1.0,
        palette,
        title: config.title.as_deref(),
        period: config.period,
        interval: config.rotation.interval,
        method: config.rotation.method,
        tail: config.rotation.tail,
        messages: rotascope::chart::messages::Messages::english(),
        published: None,
        frame: false,
    }
}

/// Every tag closes in order (`<x/>` closes itself; `<?`, `<!` are skipped): well-formed
/// enough for what SvgPainter writes. Returns the element names in document order.
fn balanced(svg: &str) -> Vec<String> {
    let (mut open, mut names) = (Vec::<String>::new(), Vec::new());
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').expect("a tag that never ends") + i;
        let tag = &rest[i + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop().as_deref(), Some(name.trim()), "</{name}> closes the wrong element");
            continue;
        }
        let name = tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap().to_owned();
        names.push(name.clone());
        if !tag.ends_with('/') {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
    names
}

fn pixel(png: &Pixmap, (x, y): (f64, f64)) -> Rgb {
    let c = png.pixel(x.round() as u32, y.round() as u32).unwrap_or_else(|| panic!("({x}, {y}) is outside the image"));
    Rgb(c.red(), c.green(), c.blue())
}

fn distance(a: Rgb, b: Rgb) -> i32 {
    [(a.0, b.0), (a.1, b.1), (a.2, b.2)].iter().map(|(p, q)| (i32::from(*p) - i32::from(*q)).abs()).max().unwrap()
}

/// The files of `view` in `dir`: SVG, decoded PNG, alt text; the SVG's common structure
/// checked on the way.
fn files(dir: &Path, view: &str, palette: &Palette) -> (String, Pixmap, String) {
    let svg = std::fs::read_to_string(dir.join(format!("{view}.svg"))).unwrap();
    let alt = std::fs::read_to_string(dir.join(format!("{view}.txt"))).unwrap();
    let png = Pixmap::load_png(dir.join(format!("{view}.png"))).unwrap();
    let names = balanced(&svg);
    assert_eq!(names.get(..4).unwrap(), ["svg", "title", "desc", "rect"], "{view}: title, desc and the background come first");
    assert!(svg.contains("role=\"img\""), "{view}");
    assert!(svg.contains("<title id=\"rs-title\">Sector &lt;rotation&gt; &amp; trend — "), "{view}: the configured title, escaped, over the view's");
    let escaped = alt.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    assert!(alt.len() > 80 && svg.contains(&format!("<desc id=\"rs-desc\">{escaped}</desc>")), "{view}: the alt text is the desc");
    let size = format!("width=\"{}\" height=\"{}\"", png.width(), png.height());
    assert!(svg.contains(&format!("</desc>\n<rect {size} fill=\"{}\"/>", palette.background)), "{view}: the background rect, the whole image");
    assert!(svg.contains("font-family=\"&quot;DejaVu Sans&quot;, system-ui"), "{view}: the embedded font first, then the widget's stack");
    // resvg reads it too (what the PNG came from).
    resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
    // The theme's background at the corners.
    let (w, h) = (f64::from(png.width()) - 1.0, f64::from(png.height()) - 1.0);
    for corner in [(0.0, 0.0), (w, 0.0), (0.0, h), (w, h)] {
        assert_eq!(pixel(&png, corner), palette.background, "{view}: background at {corner:?}");
    }
    (svg, png, alt)
}

/// The distance from `p` to the segment `a`–`b`.
fn to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 { 0.0 } else { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0) };
    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
}

fn check(theme: &str, palette: &Palette) {
    let dir = render(theme);
    let (model, config) = model();
    let spec = spec(&config, palette);
    let f = PlainFormat;

    // Rotation: the quadrant fills where the view-model puts the quadrants, away from every
    // mark, the head markers' colours at the heads, one label per symbol.
    let (svg, png, alt) = files(&dir, "rotation", palette);
    let view = rotation_view(&model, &spec, &f).unwrap();
    assert_eq!((f64::from(png.width()), f64::from(png.height())), (view.width, view.height));
    assert!(alt.starts_with("Relative rotation graph of 10 symbols against SPY"), "{alt}");
    assert_eq!(view.quadrants.len(), 4);
    for q in &view.quadrants {
        assert!(svg.contains(&format!("fill=\"{}\"/>", palette.quadrant_colours(q.quadrant).0)), "{:?}", q.quadrant);
    }
    for t in &view.tails {
        assert_eq!(svg.matches(&format!("\n{}\n</text>", t.symbol)).count(), 1, "one label for {}", t.symbol);
    }
    // Marks: every tail's points and curve, labels, grid lines and the quadrant names' corners.
    let near_mark = |p: (f64, f64)| {
        let tails = view.tails.iter().any(|t| {
            t.points.windows(2).any(|w| to_segment(p, (w[0].x, w[0].y), (w[1].x, w[1].y)) < 14.0)
                || t.points.iter().any(|q| to_segment(p, (q.x, q.y), (q.x, q.y)) < 14.0)
                || t.label.as_ref().is_some_and(|l| p.0 > l.rect.left - 4.0 && p.0 < l.rect.right + 4.0 && p.1 > l.rect.top - 4.0 && p.1 < l.rect.bottom + 4.0)
        });
        let grid = view.x_ticks.iter().any(|t| (p.0 - t.px).abs() < 3.0) || view.y_ticks.iter().any(|t| (p.1 - t.px).abs() < 3.0);
        let name = view.quadrants.iter().any(|q| (p.0 - q.label_at.0).abs() < 90.0 && (p.1 - q.label_at.1).abs() < 24.0);
        tails || grid || name
    };
    for q in &view.quadrants {
        let r = q.rect;
        let free = (0..40)
            .flat_map(|i| (0..40).map(move |j| (r.left + 4.0 + (r.width() - 8.0) * f64::from(i) / 39.0, r.top + 4.0 + (r.height() - 8.0) * f64::from(j) / 39.0)))
            .find(|p| !near_mark(*p))
            .unwrap_or_else(|| panic!("no free pixel in {:?}", q.quadrant));
        assert_eq!(pixel(&png, free), palette.quadrant_colours(q.quadrant).0, "{theme}: {:?} at {free:?}", q.quadrant);
    }
    let mut heads = 0;
    for (k, t) in view.tails.iter().enumerate() {
        let head = t.points.last().unwrap();
        let alone = view.tails.iter().enumerate().filter(|(j, _)| *j != k).all(|(_, o)| o.points.windows(2).all(|w| to_segment((head.x, head.y), (w[0].x, w[0].y), (w[1].x, w[1].y)) > 12.0));
        if alone {
            // The symbol's series colour, the same in every view (the widget's colour slot).
            let colour = palette.series_colour(model.colour_slot(model.table.position(&t.symbol).unwrap()));
            assert_eq!(pixel(&png, (head.x, head.y)), colour, "{theme}: {}'s head at ({}, {})", t.symbol, head.x, head.y);
            heads += 1;
        }
    }
    assert!(heads >= view.tails.len() / 2, "only {heads} heads clear of other tails");

    // Performance: each line's colour at its end (a 2-pixel line, so the nearest pixel of a
    // small square round its last point).
    let (_, png, alt) = files(&dir, "performance", palette);
    let view = performance_view(&model, &spec, &f).unwrap();
    assert!(alt.contains("SPY"), "{alt}");
    for line in &view.lines {
        let (x, y) = *line.points.last().unwrap();
        let best = (-2..=2).flat_map(|i| (-2..=2).map(move |j| (x + f64::from(i), y + f64::from(j)))).map(|p| distance(pixel(&png, p), line.colour)).min().unwrap();
        assert!(best <= 24, "{theme}: {} ends at ({x}, {y}) in another colour ({best} off)", line.label);
    }

    // Trend: the price chart, then the RS panel under it.
    let (_, png, alt) = files(&dir, "trend", palette);
    let (price, panel) = trend_view(&model, &spec, &f).unwrap();
    let panel = panel.unwrap();
    assert_eq!(f64::from(png.height()), price.height + panel.height);
    assert!(alt.starts_with(&format!("Price of {} ", price.lines[0].label)), "{alt}");
    let close = &price.lines[0];
    let (x, y) = *close.points.last().unwrap();
    let best = (-2..=2).flat_map(|i| (-2..=2).map(move |j| (x + f64::from(i), y + f64::from(j)))).map(|p| distance(pixel(&png, p), close.colour)).min().unwrap();
    assert!(best <= 24, "{theme}: the close ends at ({x}, {y}) in another colour ({best} off)");
    // The panel's background just under the price chart's bottom left, shifted down by the chart.
    assert_eq!(pixel(&png, (1.0, price.height + 1.0)), palette.background);
}

#[test]
fn renders_each_view_in_the_light_theme() {
    check("light", &Palette::light());
}

#[test]
fn renders_each_view_in_the_dark_theme() {
    check("dark", &Palette::dark());
}

/// Framed, as the widget's PNG button frames them, at link-preview size: each image is 1200 ×
/// 630 whatever its view, with the configured title over the view's, the legend's swatches in
/// the series colours where the documented sizes put them (title 34 px, subtitle 20, legend
/// rows 20 from x = 12, swatches 10 px square), the chart under the legend, and the source line.
#[test]
fn framed_images_carry_title_legend_and_source_line_at_the_size_asked() {
    let prices = sample_prices();
    for (theme, palette) in [("light", Palette::light()), ("dark", Palette::dark())] {
        let (dir, stderr, ok) = run_in(&format!("framed-{theme}"), &["--config", "widget.json", "--prices", prices.to_str().unwrap(), "--width", "1200", "--height", "630", "--theme", theme, "--out", "images"], &[("widget.json", CONFIG)]);
        assert!(ok, "{stderr}");
        let (model, config) = model();
        for view in ["rotation", "performance", "trend"] {
            let (svg, png, _) = files(&dir.join("images"), view, &palette);
            assert_eq!((png.width(), png.height()), (1200, 630), "{view}");
            assert!(svg.contains("\nSector &lt;rotation> &amp; trend\n</text>"), "{view}: the title drawn");
            assert!(svg.contains("\nRotascope · total-return closes (dividends reinvested)"), "{view}: the source line drawn");
            // The first legend item: its swatch at x 12–22 in the first row's middle (34 + 20
            // + 10), in its label's series colour; the label is the text painted after it.
            let after_swatch = svg.split("<rect x=\"12\" ").nth(1).unwrap();
            let first = after_swatch.split("<text").nth(1).and_then(|t| t.split('\n').nth(1)).unwrap();
            // Drawn as its line is: the benchmark's performance line in the text colour.
            let colour = match view {
                "performance" => performance_view(&model, &spec(&config, &palette), &PlainFormat).unwrap().lines.iter().find(|l| l.label == first).unwrap().colour,
                _ => palette.series_colour(model.colour_slot(model.table.position(first).unwrap_or_else(|| panic!("{view}: legend item {first}")))),
            };
            assert_eq!(pixel(&png, (17.0, 64.0)), colour, "{theme} {view}: {first}'s swatch");
            // The chart is moved under the frame: the legend fits one row at this width, so
            // 34 + 20 + 20 + 6 below the rows.
            let top: f64 = svg.split("<g transform=\"translate(0 ").nth(1).and_then(|t| t.split(')').next()).unwrap().parse().unwrap();
            assert_eq!(top, 80.0, "{view}: where the chart starts");
        }
        let trend = std::fs::read_to_string(dir.join("images/trend.svg")).unwrap();
        for average in ["SMA 50", "SMA 200"] {
            assert!(trend.contains(&format!("\n{average}\n</text>")), "the trend legend names the {average}");
        }
    }
}

/// A config written for the images alone, without `prices` (they follow `--prices`), renders.
#[test]
fn a_config_without_prices_takes_them_from_the_option() {
    let prices = sample_prices();
    let (dir, stderr, ok) = run_in("no-prices", &["--config", "widget.json", "--prices", prices.to_str().unwrap(), "--view", "performance", "--out", "images"], &[("widget.json", r#"{"title": "Styles", "benchmark": "SPY"}"#)]);
    assert!(ok, "{stderr}");
    assert!(std::fs::read_to_string(dir.join("images/performance.svg")).unwrap().contains("\nStyles\n</text>"));
}

#[test]
fn render_names_what_is_missing_or_wrong() {
    let run = |args: &[&str]| {
        let out = Command::new(TOOL).arg("render").args(args).output().unwrap();
        assert!(!out.status.success());
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(run(&[]).contains("render needs --config FILE"));
    let dir = std::env::temp_dir().join(format!("rotascope-render-{}-bad", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("widget.json");
    std::fs::write(&config, CONFIG).unwrap();
    let config = config.to_str().unwrap();
    assert!(run(&["--config", config]).contains("render needs --prices FILE"));
    let prices = sample_prices();
    let prices = prices.to_str().unwrap();
    assert!(run(&["--config", config, "--prices", prices, "--view", "chart"]).contains("--view chart: use rotation, performance, trend, card or all"));
    assert!(run(&["--config", config, "--prices", prices, "--view", "card"]).contains("--view card needs a note: --note FILE"));
    assert!(run(&["--config", config, "--prices", prices, "--theme", "auto"]).contains("--theme auto: use light or dark"));
    assert!(run(&["--config", config, "--prices", prices, "--scale", "9"]).contains("--scale 9: a number from 1 to 4"));
}

// ---- The note card ------------------------------------------------------------------------

fn sample_note() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("www/data/demo-note.json")
}

/// Runs the tool in a fresh folder `name` with `args` after `render`, returning the folder,
/// its standard error, and whether it succeeded.
fn run_in(name: &str, args: &[&str], files: &[(&str, &str)]) -> (PathBuf, String, bool) {
    let dir = std::env::temp_dir().join(format!("rotascope-render-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, text) in files {
        std::fs::write(dir.join(file), text).unwrap();
    }
    let out = Command::new(TOOL).arg("render").args(args).current_dir(&dir).output().unwrap();
    (dir, String::from_utf8_lossy(&out.stderr).into_owned(), out.status.success())
}

/// The sample symbol's return in % from the last close of the year before `day` to `day`,
/// straight from the price file.
fn ytd(table: &rotascope::analysis::PriceTable, symbol: &str, day: &str) -> f64 {
    let day = Date::parse_iso(day).unwrap();
    let closes = &table.series[table.position(symbol).unwrap()].closes;
    let on_or_before = |d: Date| (0..table.dates.len()).rev().find(|&i| table.dates[i] <= d && closes[i].is_some()).map(|i| closes[i].unwrap()).unwrap();
    (on_or_before(day) / on_or_before(day.end_of_previous_year()) - 1.0) * 100.0
}

fn check_card(theme: &str, palette: &Palette, colours: &CardColours) {
    let prices = sample_prices();
    let note = sample_note();
    let args = ["--config", "widget.json", "--prices", prices.to_str().unwrap(), "--note", note.to_str().unwrap(), "--view", "card", "--theme", theme, "--out", "images"];
    let (dir, stderr, ok) = run_in(&format!("card-{theme}"), &args, &[("widget.json", CONFIG)]);
    assert!(ok, "{stderr}");
    let images = dir.join("images");
    assert!(!images.join("rotation.svg").exists(), "--view card draws the card alone");
    let svg = std::fs::read_to_string(images.join("card.svg")).unwrap();
    let alt = std::fs::read_to_string(images.join("card.txt")).unwrap();
    let png = Pixmap::load_png(images.join("card.png")).unwrap();

    // The document: title, desc (the alt text), the surface, each in order.
    let names = balanced(&svg);
    assert_eq!(names.get(..4).unwrap(), ["svg", "title", "desc", "rect"], "{theme}");
    assert!(svg.contains("<title id=\"rs-title\">Sector &lt;rotation&gt; &amp; trend — Small caps take the lead (sample note)</title>"), "{theme}");
    let escaped = alt.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    assert!(svg.contains(&format!("<desc id=\"rs-desc\">{escaped}</desc>\n<rect width=\"400\" height=\"{}\" fill=\"{}\"/>", png.height(), colours.surface)), "{theme}");
    assert_eq!(png.width(), 400, "the card's default width");
    let (w, h) = (f64::from(png.width()) - 1.0, f64::from(png.height()) - 1.0);
    for corner in [(0.0, 0.0), (w, 0.0), (0.0, h), (w, h)] {
        assert_eq!(pixel(&png, corner), colours.surface, "{theme}: the card's surface at {corner:?}");
    }
    // The alt text reads label and score, the summary, then each claim and its verdict.
    assert!(alt.starts_with("Sentiment: mildly positive, score 0.45 on a scale from −1 to 1. In Rotascope's sample data, small caps"), "{alt}");
    assert!(alt.contains("Figures checked: IWM, the small-cap tracker, is up about 40 % this year: matches (within 0.5 pp)."), "{alt}");

    // The label, once, in the band's text colour (mildly positive: the leading text colour).
    let leading = palette.quadrant_text[0];
    assert_eq!(svg.matches("\nmildly positive\n</text>").count(), 1, "{theme}");
    assert!(svg.contains(&format!("fill=\"{leading}\">\nmildly positive\n</text>")), "{theme}: the label's colour");
    for chip in ["IWM", "IJR", "XLK", "XLU", "IWC"] {
        assert_eq!(svg.matches(&format!("\n{chip}\n</text>")).count(), 1, "{theme}: the chip {chip}");
    }

    // One verdict line per claim, in the verdict's colour. Worked from the price file: IWM's
    // return to Oct 2 against the note's 40.1 %, XLK's minus SPY's against its 35 pp.
    let (model, _) = model();
    let iwm = ytd(&model.table, "IWM", "2026-10-02");
    assert!((iwm - 40.1).abs() <= 0.5, "IWM {iwm}");
    let xlk = ytd(&model.table, "XLK", "2026-10-02") - ytd(&model.table, "SPY", "2026-10-02");
    assert!((xlk - 35.0).abs() > 0.5, "XLK {xlk}");
    let verdicts = [
        ("matches (within 0.5 pp)".to_owned(), leading),
        (format!("differs by {:.1} pp", (xlk - 35.0).abs()), palette.quadrant_text[2]),
        ("cannot be checked: IWC is not in the price data".to_owned(), palette.muted),
    ];
    for (verdict, colour) in &verdicts {
        assert!(svg.contains(&format!("fill=\"{colour}\">\n{verdict}\n</text>")), "{theme}: {verdict} in {colour}");
    }
    let lines = svg.matches("\nmatches (within").count() + svg.matches("\ndiffers by ").count() + svg.matches("\ncannot be checked: ").count();
    assert_eq!(lines, 5, "{theme}: one verdict per claim (three match)");

    // The PNG: each band's colour on the gauge where the layout puts the gauge, clear of the
    // needle and the zero line; the needle and marker at the score's x.
    let config = WidgetConfig::from_json(CONFIG).unwrap();
    let parsed = rotascope::analysis::note::parse_note_json(&std::fs::read_to_string(sample_note()).unwrap()).unwrap();
    let spec = CardSpec {
        width: 400.0,
        scale: 1.0,
        palette,
        colours,
        title: config.title.as_deref(),
        bands: &config.bands,
        tolerance: config.tolerance,
        table: Some(&model.table),
        benchmark: Some(model.benchmark),
    };
    let view = card_view(&rotascope::chart::messages::Messages::english(), &parsed, &spec, &PlainFormat);
    assert_eq!((f64::from(png.width()), f64::from(png.height())), (view.width, view.height));
    let g = view.gauge.expect("a gauge");
    // The score 0.45 on a gauge from −1 (x 0) to +1 (x 200): x = 1.45 / 2 × 200 = 145 units.
    let needle = 145.0;
    let band_middle = (GAUGE_BAND.0 + GAUGE_BAND.1) / 2.0;
    assert_eq!(config.bands, Bands::default());
    let strip: Vec<(Band, f64, f64)> = gauge_bands(&config.bands).collect();
    // The default cut points −0.6, −0.15, 0.15, 0.6 at x 40, 85, 115 and 160.
    assert_eq!(strip.iter().map(|(_, x, _)| x.round()).collect::<Vec<_>>(), [0.0, 40.0, 85.0, 115.0, 160.0]);
    for (band, x0, width) in strip {
        let clear = (0..=20).map(|k| x0 + 3.0 + (width - 6.0) * f64::from(k) / 20.0).find(|x| (x - needle).abs() > 6.0 && (x - 100.0).abs() > 4.0).unwrap();
        assert_eq!(pixel(&png, g.at(clear, band_middle)), colours.band(band), "{theme}: {band:?} at {clear}");
    }
    let (_, bottom, marker_width) = GAUGE_MARKER;
    let marker_middle = bottom - 2.0;
    assert_eq!(pixel(&png, g.at(needle, marker_middle)), palette.text, "{theme}: the marker under the score");
    for side in [-1.0, 1.0] {
        assert_eq!(pixel(&png, g.at(needle + side * marker_width, marker_middle)), colours.surface, "{theme}: beside the marker");
    }
    assert_eq!(pixel(&png, g.at(needle, band_middle)), palette.text, "{theme}: the needle across the bands");
    assert!(GAUGE_NEEDLE.0 < GAUGE_BAND.0 && GAUGE_NEEDLE.1 > GAUGE_BAND.1);
    // Each claim's edge in its verdict's colour, left of its rows.
    for row in &view.claims {
        assert_eq!(pixel(&png, (15.0, (row.top + row.bottom) / 2.0)), if row.colour == palette.muted { colours.border } else { row.colour }, "{theme}: {}", row.verdict);
    }
}

#[test]
fn renders_the_note_card_in_both_themes() {
    check_card("light", &Palette::light(), &CardColours::light());
    check_card("dark", &Palette::dark(), &CardColours::dark());
}

#[test]
fn the_card_names_what_the_note_lacks_as_the_widget_does() {
    let prices = sample_prices();
    let prices = prices.to_str().unwrap();
    let lacking = r#"{"title": "T", "sentiment": {"label": "bullish"}, "claims": [{"text": "IWM is up", "kind": "return", "value": 3}]}"#;
    let (dir, stderr, ok) = run_in("card-lacking", &["--attr", "data-prices=p.json", "--prices", prices, "--note", "note.json", "--view", "card", "--width", "800"], &[("note.json", lacking)]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("warning: note: the sentiment score is missing or not a number"), "{stderr}");
    assert!(stderr.contains("warning: note: a claim cannot be checked: `note.claims[0].symbol` is missing"), "{stderr}");
    let svg = std::fs::read_to_string(dir.join("card.svg")).unwrap();
    // Where the widget shows them: the sentiment's error instead of the gauge, the claim's
    // verdict naming the field.
    assert!(svg.contains("\nthe sentiment score is missing or not a number\n</text>"), "{svg}");
    assert!(svg.contains("\ncannot be checked: `note.claims[0].symbol` is missing\n</text>"), "{svg}");
    for band in CardColours::light().bands {
        assert!(!svg.contains(&format!("fill=\"{band}\"/>")), "no gauge band {band}");
    }
    // A note that is no note: the tool stops, naming the file and what is wrong.
    let (_, stderr, ok) = run_in("card-not-a-note", &["--attr", "data-prices=p.json", "--prices", prices, "--note", "note.json"], &[("note.json", "[1]")]);
    assert!(!ok);
    assert!(stderr.contains("note.json: `note` should be an object, but it is"), "{stderr}");
}

#[test]
fn attributes_configure_as_on_a_placeholder_and_a_config_note_joins_all() {
    let prices = sample_prices();
    let prices = prices.to_str().unwrap();
    let note = std::fs::read_to_string(sample_note()).unwrap();
    // data- attributes as on a placeholder: the benchmark the card's excess claims name.
    let args = ["--attr", "data-prices=sample-prices.json", "--attr", "data-benchmark=IWM", "--attr", "data-title=Styles", "--attr", "data-colour=red", "--prices", prices, "--note", "note.json", "--view", "card"];
    let (dir, stderr, ok) = run_in("card-attr", &args, &[("note.json", &note)]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("unknown field colour ignored"), "{stderr}");
    let svg = std::fs::read_to_string(dir.join("card.svg")).unwrap();
    assert!(svg.contains("<title id=\"rs-title\">Styles — Small caps take the lead"), "the data-title");
    assert!(svg.contains("XLK minus IWM"), "the data-benchmark names the excess claim's benchmark");
    let (_, stderr, ok) = run_in("card-attr-bad", &["--attr", "benchmark", "--prices", prices], &[]);
    assert!(!ok && stderr.contains("--attr benchmark: write NAME=VALUE, as data-benchmark=SPY"), "{stderr}");
    // A config's `note` naming a file beside it: `all` draws the card after the views.
    let config = r#"{"prices": "p.json", "note": "note.json", "height": 300}"#;
    let (dir, stderr, ok) = run_in("card-all", &["--config", "widget.json", "--prices", prices, "--width", "320"], &[("widget.json", config), ("note.json", &note)]);
    assert!(ok, "{stderr}");
    for name in ["rotation", "performance", "trend", "card"] {
        assert!(dir.join(format!("{name}.png")).is_file(), "{name}");
    }
    assert_eq!(Pixmap::load_png(dir.join("card.png")).unwrap().width(), 320, "--width sets the card's width too");
}

/// `lang` and `locale` reach the images as they reach the widget: the language's words (its
/// table under the publisher's `messages`) and its way of writing numbers and dates.
#[test]
fn an_image_speaks_the_configured_language() {
    let prices = sample_prices();
    let prices = prices.to_str().unwrap();
    let german = ["--attr", "data-prices=p.json", "--attr", "data-lang=de-CH", "--attr", r#"data-messages={"quadrant.lagging":"Hinten"}"#, "--prices", prices, "--view", "rotation"];
    let (dir, stderr, ok) = run_in("lang-de", &german, &[]);
    assert!(ok, "{stderr}");
    let svg = std::fs::read_to_string(dir.join("rotation.svg")).unwrap();
    // The table's words (www/lang/de.json), the override over them, no English quadrant.
    let drawn = |svg: &str, word: &str| svg.contains(&format!("\n{word}\n</text>"));
    for word in ["Führend", "Hinten"] {
        assert!(drawn(&svg, word), "{word}");
    }
    for word in ["Leading", "Lagging", "Nachlaufend"] {
        assert!(!drawn(&svg, word), "{word}");
    }
    // The sample's last day, 2026-11-20, and RS-Ratio with a decimal comma, as Intl's de writes them.
    let alt = std::fs::read_to_string(dir.join("rotation.txt")).unwrap();
    assert!(alt.contains("20. Nov. 2026"), "{alt}");
    assert!(alt.contains("(104,92)"), "{alt}");
    // `locale` alone changes the numbers, not the words.
    let (dir, stderr, ok) = run_in("locale-fr", &["--attr", "data-prices=p.json", "--attr", "data-locale=fr", "--prices", prices, "--view", "rotation"], &[]);
    assert!(ok, "{stderr}");
    let alt = std::fs::read_to_string(dir.join("rotation.txt")).unwrap();
    assert!(alt.contains("20 nov. 2026") && alt.contains("Leading"), "{alt}");
    // A language without a table: English, and the widget's notice.
    let (dir, stderr, ok) = run_in("lang-pt", &["--attr", "data-prices=p.json", "--attr", "data-lang=pt-BR", "--prices", prices, "--view", "rotation"], &[]);
    assert!(ok && stderr.contains("Language \"pt-BR\" is not available: showing English"), "{stderr}");
    assert!(std::fs::read_to_string(dir.join("rotation.svg")).unwrap().contains("\nLeading\n</text>"));
    let (_, stderr, ok) = run_in("font-missing", &["--attr", "data-prices=p.json", "--prices", prices, "--font", "nowhere.ttf"], &[]);
    assert!(!ok && stderr.contains("--font nowhere.ttf: "), "{stderr}");
}

/// Every word drawn into a German image (the views' labels, axes and reference lines, the
/// card, the title and alt text) is German but for symbols and data: no piece of an English
/// template is left where the German table does not use the same words. The canvas draws the
/// same labels through the same code, which the browser's text checks cannot read.
#[test]
fn a_german_image_has_no_english_sentence_left() {
    use rotascope::chart::messages::english_pairs;
    let prices = sample_prices();
    let prices = prices.to_str().unwrap();
    let note = std::fs::read_to_string(sample_note()).unwrap();
    let args = ["--attr", "data-prices=p.json", "--attr", "data-lang=de", "--prices", prices, "--note", "note.json"];
    let (dir, stderr, ok) = run_in("lang-de-all", &args, &[("note.json", &note)]);
    assert!(ok, "{stderr}");
    let german: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("www/lang/de.json")).unwrap()).unwrap();
    let own: String = german.values().filter_map(|v| v.as_str()).collect::<Vec<_>>().join("\n");
    // The note's own texts and the sample's names are data, shown as written.
    let data: Vec<String> = {
        let mut out = vec!["log-trend".to_owned(), "zscore".to_owned()];
        let value: serde_json::Value = serde_json::from_str(&note).unwrap();
        fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                // As written, line by line, and without its full stop (the alt text follows it with a colon).
                serde_json::Value::String(s) => out.extend([s.clone(), s.trim_end_matches('.').to_owned()].into_iter().chain(s.split('\n').map(str::to_owned))),
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
                serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
                _ => {}
            }
        }
        walk(&value, &mut out);
        let sample: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(sample_prices()).unwrap()).unwrap();
        walk(&sample["meta"], &mut out);
        out.push(sample["source"].as_str().unwrap_or_default().to_owned());
        out.sort_by_key(|s| std::cmp::Reverse(s.len()));
        out
    };
    let whole = |text: &str, words: &str| {
        text.match_indices(words).any(|(i, _)| {
            let before = text[..i].chars().next_back().is_none_or(|c| !c.is_ascii_alphabetic());
            let after = text[i + words.len()..].chars().next().is_none_or(|c| !c.is_ascii_alphabetic());
            before && after
        })
    };
    for view in ["rotation", "performance", "trend", "card"] {
        let svg = std::fs::read_to_string(dir.join(format!("{view}.svg"))).unwrap();
        let svg = svg.replace("&lt;", "‹").replace("&gt;", "›").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        // The card wraps the note's texts: a line that is part of one is data too.
        let lines = svg.split('>').filter_map(|part| part.split('<').next()).map(str::trim).filter(|t| !t.is_empty());
        let mut text = lines.filter(|line| !data.iter().any(|d| d.contains(line))).collect::<Vec<_>>().join("\n");
        for d in data.iter().filter(|d| d.len() > 1) {
            text = text.replace(d.as_str(), " ");
        }
        let mut left = Vec::new();
        for (key, template) in english_pairs() {
            for piece in template.split('{').map(|p| p.split_once('}').map_or(p, |(_, rest)| rest)) {
                let words = piece.trim_matches(|c: char| !c.is_ascii_alphabetic());
                if words.chars().filter(char::is_ascii_alphabetic).count() < 3 || !words.contains(|c: char| c.is_ascii_alphabetic()) {
                    continue;
                }
                if whole(&text, words) && !whole(&own, words) {
                    left.push(format!("{key}: {words:?}"));
                }
            }
        }
        assert!(left.is_empty(), "{view}: English left: {left:?}");
    }
}
