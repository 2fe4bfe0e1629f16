//! Browser tests: mount the real widget into a fresh element, let it fetch/parse/draw, then
//! assert on DOM text and on canvas pixels. Run with `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use rotascope::analysis::input::parse_contract_json;
use rotascope::analysis::period::Period;
use rotascope::analysis::relative::{period_lines, LineMode};
use rotascope::analysis::Selection;
use rotascope::app::widget::Widget;
use rotascope::browser::intl::IntlFormat;
use rotascope::chart::performance::{LineChartSpec, LineChartView, PlotLine, ValueKind};
use rotascope::chart::{Palette, Rgb};
use rotascope::config::WidgetConfig;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh, visible host of a fixed width, so layout is known.
fn fresh_host(width_px: u32) -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    el.style().set_property("width", &format!("{width_px}px")).unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn mount(config_json: &str, width_px: u32) -> HtmlElement {
    let host = fresh_host(width_px);
    let config = WidgetConfig::from_json(config_json).expect("test config is valid");
    leptos::mount::mount_to(host.clone(), move || view! { <Widget config=config /> }).forget();
    host
}

async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits up to ~200 frames for `ready`.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..200 {
        if ready() {
            return;
        }
        next_frame().await;
    }
    panic!("timed out waiting for {what}");
}

fn text_of(host: &HtmlElement, selector: &str) -> Option<String> {
    host.query_selector(selector).unwrap().and_then(|e| e.text_content())
}

fn canvas(host: &HtmlElement) -> Option<HtmlCanvasElement> {
    host.query_selector("canvas").unwrap().and_then(|e| e.dyn_into().ok())
}

fn pixel(canvas: &HtmlCanvasElement, x: f64, y: f64) -> Rgb {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let d = ctx.get_image_data(x.round(), y.round(), 1.0, 1.0).unwrap().data();
    Rgb(d[0], d[1], d[2])
}

fn close(a: Rgb, b: Rgb, tolerance: i32) -> bool {
    (i32::from(a.0) - i32::from(b.0)).abs() <= tolerance
        && (i32::from(a.1) - i32::from(b.1)).abs() <= tolerance
        && (i32::from(a.2) - i32::from(b.2)).abs() <= tolerance
}

/// 30 weekdays from 2025-12-22: AAA climbs 2 % a day, BBB falls 1 % a day, SPY is flat.
fn fixture() -> String {
    let first = rotascope::analysis::Date::parse_iso("2025-12-22").unwrap();
    let dates: Vec<String> =
        (0..).map(|i| first.add_days(i)).filter(|d| d.weekday() < 5).take(30).map(|d| format!("\"{d}\"")).collect();
    let series = |f: &dyn Fn(usize) -> f64| (0..30).map(|i| format!("{:.4}", f(i))).collect::<Vec<_>>().join(",");
    format!(
        r#"{{"dates":[{}],"series":{{"SPY":[{}],"AAA":[{}],"BBB":[{}]}}}}"#,
        dates.join(","),
        series(&|_| 100.0),
        series(&|i| 50.0 * (1.0 + 0.02 * i as f64)),
        series(&|i| 80.0 * (1.0 - 0.01 * i as f64)),
    )
}

#[wasm_bindgen_test]
async fn performance_view_draws_each_line_where_its_data_says() {
    let prices = fixture();
    let host = mount(&format!(r#"{{"prices":{prices},"view":"performance","theme":"light"}}"#), 720);
    until("the chart to be drawn", || {
        canvas(&host).is_some_and(|c| c.width() > 0 && pixel(&c, c.width() as f64 / 2.0, 20.0) != Rgb(0, 0, 0))
    })
    .await;
    for _ in 0..3 {
        next_frame().await;
    }

    assert_eq!(
        text_of(&host, "[data-testid=footnote]").as_deref(),
        Some("closes as supplied (adjustment not stated)")
    );
    let canvas = canvas(&host).unwrap();
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));

    // Rebuild the view the widget drew, from the same pure functions, at the canvas's size.
    let table = parse_contract_json(&prices).unwrap();
    let selection = Selection::resolve(&table, None, None).unwrap();
    let to = table.dates.len() - 1;
    let lines = period_lines(&table, &selection, Period::YearToDate, to, LineMode::PercentChange);
    let palette = Palette::light();
    let plot: Vec<PlotLine> = lines
        .lines
        .iter()
        .map(|(pos, l)| PlotLine { label: &table.series[*pos].symbol, colour: Rgb(0, 0, 0), dashed: false, faded: false, line: l })
        .collect();
    let dpr = web_sys::window().unwrap().device_pixel_ratio().max(1.0);
    let view = LineChartView::build(
        &LineChartSpec {
            dates: &table.dates,
            from: lines.from,
            to,
            lines: &plot,
            kind: ValueKind::PercentChange,
            width: f64::from(canvas.width()),
            height: f64::from(canvas.height()),
            ui: dpr,
        },
        &IntlFormat::new(None).unwrap(),
    );
    // AAA (first symbol, colour 0) and BBB (colour 1): the middle of a segment is the line's colour.
    for (k, expected) in [(1, palette.series_colour(0)), (2, palette.series_colour(1))] {
        let pts = &view.lines[k].points;
        let (a, b) = (pts[10], pts[11]);
        let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let got = pixel(&canvas, mid.0, mid.1);
        assert!(close(got, expected, 40), "{} at {mid:?}: got {got}, expected {expected}", view.lines[k].label);
    }
    // Far above every line, inside the plot: background.
    let empty = pixel(&canvas, view.plot.left + 5.0 * dpr, view.y.map(-9.0));
    assert!(close(empty, palette.background, 10), "expected background below the lines, got {empty}");
}

#[wasm_bindgen_test]
async fn bad_prices_show_an_error_naming_symbol_date_and_field() {
    let prices = r#"{"dates":["2026-01-05","2026-01-06"],"series":{"SPY":[1,2],"IWM":[1,-4]}}"#;
    let host = mount(&format!(r#"{{"prices":{prices}}}"#), 600);
    until("the error panel", || text_of(&host, "[data-testid=error]").is_some()).await;
    let message = text_of(&host, ".rs-error-message").unwrap();
    assert_eq!(message, "IWM on 2026-01-06 (series.IWM[1]): close -4 is negative; closes must be positive numbers or null");
    assert!(host.query_selector("canvas").unwrap().is_none(), "no chart for bad data");
    assert!(host.query_selector("button").unwrap().is_none(), "bad data is not retryable");
}

#[wasm_bindgen_test]
async fn network_failure_offers_retry_and_names_the_url() {
    let host = mount(r#"{"prices":"http://127.0.0.1:9/prices.json"}"#, 600);
    until("the error panel", || text_of(&host, "[data-testid=error]").is_some()).await;
    let message = text_of(&host, ".rs-error-message").unwrap();
    assert!(message.starts_with("could not load http://127.0.0.1:9/prices.json"), "{message}");
    let button = host.query_selector("button").unwrap().expect("a retry button");
    assert_eq!(button.text_content().as_deref(), Some("Try again"));
}
