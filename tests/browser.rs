//! Browser tests: mount the real widget into a fresh element, let it fetch/parse/draw, then
//! assert on DOM text and on canvas pixels. Run with `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use rotascope::analysis::input::parse_contract_json;
use rotascope::analysis::period::Period;
use rotascope::analysis::relative::{period_lines, LineMode};
use rotascope::analysis::returns::ranked_returns;
use rotascope::analysis::rotation::{rotations, RotationParams, RotationPoint};
use rotascope::analysis::trend::trend_summary;
use rotascope::analysis::{Date, PriceTable, Selection};
use rotascope::app::widget::Widget;
use rotascope::browser::intl::IntlFormat;
use rotascope::chart::format::Format;
use rotascope::chart::performance::{LineChartSpec, LineChartView, PlotLine, ValueKind};
use rotascope::chart::rotation::{Emphasis, Marker, RrgSpec, RrgView, TailInput};
use rotascope::model::ColourOrder;
use rotascope::chart::{Palette, Rgb};
use rotascope::config::WidgetConfig;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement, HtmlInputElement, HtmlSelectElement};

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

/// What the reader sees at a device pixel: the overlay (hover highlight, rings) composited
/// over the scene.
fn seen(host: &HtmlElement, x: f64, y: f64) -> Rgb {
    let scene = canvas(host).unwrap();
    let overlay: HtmlCanvasElement = host.query_selector(".rs-overlay").unwrap().unwrap().dyn_into().unwrap();
    let under = pixel(&scene, x, y);
    let ctx: CanvasRenderingContext2d = overlay.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let d = ctx.get_image_data(x.round(), y.round(), 1.0, 1.0).unwrap().data();
    let a = f64::from(d[3]) / 255.0;
    let mix = |o: u8, u: u8| (f64::from(o) * a + f64::from(u) * (1.0 - a)).round() as u8;
    Rgb(mix(d[0], under.0), mix(d[1], under.1), mix(d[2], under.2))
}

/// How many times the layer on `selector` was built (`data-builds`).
fn builds(host: &HtmlElement, selector: &str) -> u32 {
    host.query_selector(selector).unwrap().unwrap().get_attribute("data-builds").and_then(|b| b.parse().ok()).unwrap_or(0)
}

fn pointer_move(host: &HtmlElement, x: f64, y: f64) {
    let dpr = web_sys::window().unwrap().device_pixel_ratio().max(1.0);
    let overlay: HtmlElement = host.query_selector(".rs-overlay").unwrap().unwrap().dyn_into().unwrap();
    let rect = overlay.get_bounding_client_rect();
    let init = web_sys::PointerEventInit::new();
    init.set_client_x((rect.left() + x / dpr).round() as i32);
    init.set_client_y((rect.top() + y / dpr).round() as i32);
    init.set_bubbles(true);
    overlay.dispatch_event(&web_sys::PointerEvent::new_with_event_init_dict("pointermove", &init).unwrap()).unwrap();
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
    // The focusable chart is the labelled "application" around the canvases.
    let chart = host.query_selector("[data-testid=chart]").unwrap().unwrap();
    assert_eq!(chart.get_attribute("role").as_deref(), Some("application"));
    assert!(chart.get_attribute("aria-label").unwrap().starts_with("Line chart: % change"));
    assert_eq!(canvas.get_attribute("aria-hidden").as_deref(), Some("true"));

    // Rebuild the view the widget drew, from the same pure functions, at the canvas's size.
    let table = parse_contract_json(&prices).unwrap();
    let selection = Selection::resolve(&table, None, None).unwrap();
    let to = table.dates.len() - 1;
    let lines = period_lines(&table, &selection, Period::YearToDate, to, LineMode::PercentChange);
    let palette = Palette::light();
    let plot: Vec<PlotLine> = lines
        .lines
        .iter()
        .map(|(pos, l)| PlotLine { label: &table.series[*pos].symbol, colour: Rgb(0, 0, 0), dashed: false, faded: false, line: l, unit: None })
        .collect();
    let dpr = web_sys::window().unwrap().device_pixel_ratio().max(1.0);
    let view = LineChartView::build(
        &LineChartSpec {
            dates: &table.dates,
            from: lines.from,
            to,
            lines: &plot,
            kind: ValueKind::PercentChange,
            reference: &[],
            width: f64::from(canvas.width()),
            height: f64::from(canvas.height()),
            ui: dpr,
            gutters: (0.0, 0.0),
            note: None,
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

/// 600 weekdays (120 weeks, enough for log-trend's 31-week start and a 52-point tail) from
/// 2023-11-13 to 2026-02-27: SPY drifts up; AAA, BBB and CCC are SPY times a slow cycle each, so their
/// rotations orbit the graph at different phases.
fn rotation_fixture() -> String {
    let first = Date::parse_iso("2023-11-13").unwrap();
    let dates: Vec<String> = (0..).map(|i| first.add_days(i)).filter(|d| d.weekday() < 5).take(600).map(|d| format!("\"{d}\"")).collect();
    let spy = |i: usize| 100.0 * (1.0 + 0.0004 * i as f64) * (1.0 + 0.01 * (i as f64 / 7.0).sin());
    let series = |f: &dyn Fn(usize) -> f64| (0..600).map(|i| format!("{:.6}", f(i))).collect::<Vec<_>>().join(",");
    format!(
        r#"{{"dates":[{}],"series":{{"SPY":[{}],"AAA":[{}],"BBB":[{}],"CCC":[{}]}},
            "meta":{{"AAA":{{"name":"Alpha fund"}}}}}}"#,
        dates.join(","),
        series(&spy),
        series(&|i| 50.0 * spy(i) * (1.0 + 0.06 * (i as f64 / 30.0).sin())),
        series(&|i| 20.0 * spy(i) * (1.0 + 0.05 * (i as f64 / 30.0).cos())),
        series(&|i| 80.0 * spy(i) * (1.0 - 0.04 * (i as f64 / 45.0).sin())),
    )
}

/// The RRG the widget should have drawn on `canvas`, rebuilt from the same pure functions.
fn expected_rrg(table: &PriceTable, canvas: &HtmlCanvasElement, tail: usize) -> RrgView {
    let selection = Selection::resolve(table, None, None).unwrap();
    let (rots, _) = rotations(table, &selection, table.dates.len() - 1, RotationParams::default()).unwrap();
    let mut members = selection.symbols.clone();
    members.push(selection.benchmark);
    let colours = ColourOrder::new(&members, table.series.len());
    let palette = Palette::light();
    let inputs: Vec<TailInput> = rots
        .iter()
        .map(|r| TailInput {
            symbol: &table.series[r.position].symbol,
            colour: palette.series_colour(colours.slot(r.position)),
            marker: Marker::Circle,
            emphasis: Emphasis::Normal,
            points: r.tail(tail),
            history: r.tail(tail),
            start: 0,
        })
        .collect();
    let dpr = web_sys::window().unwrap().device_pixel_ratio().max(1.0);
    let spec = RrgSpec { tails: &inputs, width: f64::from(canvas.width()), height: f64::from(canvas.height()), ui: dpr, show_tails: true, show_labels: true, zoom: None, quadrant_names: ["Leading", "Weakening", "Lagging", "Improving"], published: None };
    RrgView::build(&spec, &IntlFormat::new(None).unwrap())
}

async fn settle() {
    for _ in 0..4 {
        next_frame().await;
    }
}

async fn mount_drawn(config: &str) -> (HtmlElement, HtmlCanvasElement) {
    let host = mount(config, 760);
    until("the chart to be drawn", || canvas(&host).is_some_and(|c| c.width() > 0 && pixel(&c, 2.0, 2.0) == Palette::light().background)).await;
    settle().await;
    let c = canvas(&host).unwrap();
    (host, c)
}

fn set_input(host: &HtmlElement, selector: &str, value: &str, event: &str) {
    let el = host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("{selector}"));
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else {
        el.dyn_ref::<HtmlSelectElement>().unwrap().set_value(value);
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict(event, &init).unwrap()).unwrap();
}

fn click(host: &HtmlElement, selector: &str) {
    host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("{selector}")).dyn_into::<HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
async fn rotation_view_draws_quadrants_and_heads_where_the_data_says() {
    let prices = rotation_fixture();
    let (host, canvas) = mount_drawn(&format!(r#"{{"prices":{prices},"theme":"light"}}"#)).await;
    let table = parse_contract_json(&prices).unwrap();
    let view = expected_rrg(&table, &canvas, 10);
    let palette = Palette::light();
    // Each quadrant's fill, just inside its outer corner.
    for q in &view.quadrants {
        let r = q.rect;
        let corner = match q.quadrant.index() {
            0 => (r.right - 4.0, r.top + 4.0),
            1 => (r.right - 4.0, r.bottom - 4.0),
            2 => (r.left + 4.0, r.bottom - 4.0),
            _ => (r.left + 4.0, r.top + 4.0),
        };
        let got = pixel(&canvas, corner.0, corner.1);
        assert!(close(got, palette.quadrants[q.quadrant.index()], 6), "{:?} fill at {corner:?}: {got}", q.quadrant);
    }
    // Every head is drawn in its symbol's colour where its numbers put it.
    for tail in &view.tails {
        let head = tail.points.last().unwrap();
        let got = pixel(&canvas, head.x, head.y);
        assert!(close(got, tail.colour, 30), "{} head at ({}, {}): {got} vs {}", tail.symbol, head.x, head.y, tail.colour);
    }
    // The ranking table lists the heads by RS-Ratio with the same numbers, in the page's locale.
    let selection = Selection::resolve(&table, None, None).unwrap();
    let (rots, _) = rotations(&table, &selection, table.dates.len() - 1, RotationParams::default()).unwrap();
    let mut heads: Vec<(String, f64)> = rots.iter().map(|r| (table.series[r.position].symbol.clone(), r.head().unwrap().rs_ratio)).collect();
    heads.sort_by(|a, b| b.1.total_cmp(&a.1));
    let first_row = text_of(&host, "[data-testid=ranking] tbody tr").unwrap();
    let fmt = IntlFormat::new(None).unwrap();
    assert!(first_row.contains(&heads[0].0) && first_row.contains(&fmt.number(heads[0].1, 2)), "{first_row}");
    assert!(text_of(&host, "[data-testid=ranking]").unwrap().contains("Alpha fund"));
}

#[wasm_bindgen_test]
async fn hovering_a_head_shows_its_tooltip() {
    let prices = rotation_fixture();
    let (host, canvas) = mount_drawn(&format!(r#"{{"prices":{prices},"theme":"light"}}"#)).await;
    let table = parse_contract_json(&prices).unwrap();
    let view = expected_rrg(&table, &canvas, 10);
    let aaa = view.tails.iter().find(|t| t.symbol == "AAA").unwrap();
    let head = aaa.points.last().unwrap();
    let dpr = web_sys::window().unwrap().device_pixel_ratio().max(1.0);
    let overlay: HtmlElement = host.query_selector(".rs-overlay").unwrap().unwrap().dyn_into().unwrap();
    let rect = overlay.get_bounding_client_rect();
    let init = web_sys::PointerEventInit::new();
    init.set_client_x((rect.left() + head.x / dpr).round() as i32);
    init.set_client_y((rect.top() + head.y / dpr).round() as i32);
    init.set_bubbles(true);
    overlay.dispatch_event(&web_sys::PointerEvent::new_with_event_init_dict("pointermove", &init).unwrap()).unwrap();
    settle().await;
    let tip = text_of(&host, "[data-testid=tooltip]").expect("a tooltip");
    let selection = Selection::resolve(&table, None, None).unwrap();
    let (rots, _) = rotations(&table, &selection, table.dates.len() - 1, RotationParams::default()).unwrap();
    let p = rots.iter().find(|r| table.series[r.position].symbol == "AAA").unwrap().head().unwrap().clone();
    let fmt = IntlFormat::new(None).unwrap();
    for part in [
        "AAA · Alpha fund".to_string(),
        fmt.date(p.date),
        format!("RS-Ratio {}", fmt.number(p.rs_ratio, 2)),
        format!("RS-Momentum {}", fmt.number(p.rs_momentum, 2)),
        p.quadrant.name().to_string(),
    ] {
        assert!(tip.contains(&part), "tooltip {tip:?} lacks {part:?}");
    }
    // Hovering highlights AAA: another head is now seen faded (the overlay's wash over it),
    // AAA's head in full colour.
    let other = view.tails.iter().find(|t| t.symbol == "CCC").unwrap();
    let h = other.points.last().unwrap();
    let got = seen(&host, h.x, h.y);
    assert!(!close(got, other.colour, 20), "CCC should be faded, got {got}");
    assert!(close(pixel(&canvas, h.x, h.y), other.colour, 30), "the scene itself is untouched");
    assert!(close(seen(&host, head.x, head.y), aaa.colour, 30), "AAA stays in full colour");
}

/// Hover and keyboard focus repaint the overlay only: the scene's build count stays put while
/// the pointer moves from point to point and the keys walk the tails, and goes up when a click
/// pins a symbol (so the count does see rebuilds).
#[wasm_bindgen_test]
async fn hovering_and_keyboard_focus_never_rebuild_the_scene() {
    let prices = rotation_fixture();
    let (host, canvas) = mount_drawn(&format!(r#"{{"prices":{prices},"theme":"light"}}"#)).await;
    let table = parse_contract_json(&prices).unwrap();
    let view = expected_rrg(&table, &canvas, 10);
    let (scene_before, overlay_before) = (builds(&host, "canvas:not(.rs-overlay)"), builds(&host, ".rs-overlay"));
    assert!(scene_before >= 1, "the scene was built");
    for tail in &view.tails {
        for p in tail.points.iter().rev().take(3) {
            pointer_move(&host, p.x, p.y);
            settle().await;
        }
    }
    pointer_move(&host, 1.0, 1.0); // off every point
    settle().await;
    // Nothing of the highlights is left once the pointer is off every point.
    let overlay: HtmlCanvasElement = host.query_selector(".rs-overlay").unwrap().unwrap().dyn_into().unwrap();
    let octx: CanvasRenderingContext2d = overlay.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let (w, h) = (f64::from(overlay.width()), f64::from(overlay.height()));
    assert!(octx.get_image_data(0.0, 0.0, w, h).unwrap().data().iter().skip(3).step_by(4).all(|&a| a == 0), "the overlay is clear again");
    let chart = host.query_selector("[data-testid=chart]").unwrap().unwrap();
    chart.dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    for k in ["ArrowDown", "ArrowLeft", "ArrowDown", "Home", "End", "ArrowUp"] {
        key(&chart, k);
        settle().await;
    }
    key(&chart, "Escape");
    settle().await;
    assert!(builds(&host, ".rs-overlay") > overlay_before + 5, "hover and focus repainted the overlay");
    assert_eq!(builds(&host, "canvas:not(.rs-overlay)"), scene_before, "hover and focus never rebuild the scene");
    // Pinning is a click: that rebuilds the scene (emphasis lives there).
    chart.dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    key(&chart, "ArrowDown");
    key(&chart, "Enter");
    settle().await;
    assert!(builds(&host, "canvas:not(.rs-overlay)") > scene_before, "a pin rebuilds the scene");
}

#[wasm_bindgen_test]
async fn hovering_a_row_highlights_its_line_on_the_overlay_without_rebuilding_the_performance_scene() {
    let prices = fixture();
    let host = mount(&format!(r#"{{"prices":{prices},"view":"performance","theme":"light"}}"#), 720);
    until("the chart to be drawn", || canvas(&host).is_some_and(|c| c.width() > 0 && builds(&host, "canvas:not(.rs-overlay)") >= 1)).await;
    settle().await;
    let overlay: HtmlCanvasElement = host.query_selector(".rs-overlay").unwrap().unwrap().dyn_into().unwrap();
    let overlay_alpha = || {
        let ctx: CanvasRenderingContext2d = overlay.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        let (w, h) = (f64::from(overlay.width()), f64::from(overlay.height()));
        ctx.get_image_data((w / 2.0).round(), (h / 2.0).round(), 1.0, 1.0).unwrap().data()[3]
    };
    let (scene_before, overlay_before) = (builds(&host, "canvas:not(.rs-overlay)"), builds(&host, ".rs-overlay"));
    assert_eq!(overlay_alpha(), 0, "nothing on the overlay before hovering");
    let rows = host.query_selector_all("[data-testid=returns] tbody tr").unwrap();
    assert!(rows.length() >= 2);
    let mut seen_alpha = Vec::new();
    for k in 0..rows.length() {
        let row = host.query_selector_all("[data-testid=returns] tbody tr").unwrap().item(k).unwrap();
        row.dispatch_event(&web_sys::Event::new("mouseenter").unwrap()).unwrap();
        settle().await;
        seen_alpha.push(overlay_alpha());
        let row = host.query_selector_all("[data-testid=returns] tbody tr").unwrap().item(k).unwrap();
        row.dispatch_event(&web_sys::Event::new("mouseleave").unwrap()).unwrap();
        settle().await;
        seen_alpha.push(overlay_alpha());
    }
    // Each row's line is highlighted over the wash while hovered, and cleared when left.
    let expected: Vec<bool> = (0..seen_alpha.len()).map(|k| k % 2 == 0).collect();
    assert_eq!(seen_alpha.iter().map(|&a| a > 0).collect::<Vec<_>>(), expected, "overlay alpha after each enter/leave: {seen_alpha:?}");
    assert_eq!(overlay_alpha(), 0, "the highlight goes when the pointer leaves");
    assert!(builds(&host, ".rs-overlay") > overlay_before + 2, "hover repainted the overlay");
    assert_eq!(builds(&host, "canvas:not(.rs-overlay)"), scene_before, "hover never rebuilds the scene");
}

#[wasm_bindgen_test]
async fn tail_length_and_benchmark_controls_change_what_is_drawn_and_listed() {
    let prices = rotation_fixture();
    let (host, canvas) = mount_drawn(&format!(r#"{{"prices":{prices},"theme":"light","rotation":{{"tail":12}}}}"#)).await;
    let table = parse_contract_json(&prices).unwrap();
    let long = expected_rrg(&table, &canvas, 12);
    let aaa = long.tails.iter().find(|t| t.symbol == "AAA").unwrap();
    // The oldest point of the 12-point tail is drawn (a faint dot in AAA's colour, not the fill).
    let oldest = &aaa.points[0];
    let before = pixel(&canvas, oldest.x, oldest.y);

    set_input(&host, "[data-testid=tail]", "3", "input");
    settle().await;
    assert_eq!(text_of(&host, "[data-testid=tail-value]").as_deref(), Some("3"));
    let short = expected_rrg(&table, &canvas, 3);
    // With 3 points the old dot is gone: that spot changed, and AAA's head is where the new view puts it.
    let after = pixel(&canvas, oldest.x, oldest.y);
    assert_ne!(before, after, "the oldest point of the long tail should be gone");
    let head = short.tails.iter().find(|t| t.symbol == "AAA").unwrap().points.last().unwrap();
    assert!(close(pixel(&canvas, head.x, head.y), aaa.colour, 30));

    // Benchmark AAA: AAA leaves the ranking, SPY joins it, the subtitle says so.
    let aaa_position = table.position("AAA").unwrap();
    set_input(&host, "[data-testid=benchmark]", &aaa_position.to_string(), "change");
    settle().await;
    let ranking = text_of(&host, "[data-testid=ranking] tbody").unwrap();
    assert!(ranking.contains("SPY") && !ranking.contains("AAA"), "{ranking}");
    assert!(text_of(&host, "[data-testid=subtitle]").unwrap().starts_with("Against AAA"));
}

#[wasm_bindgen_test]
async fn scrubbing_moves_the_date_and_the_table_back_in_time() {
    let prices = rotation_fixture();
    let (host, _) = mount_drawn(&format!(r#"{{"prices":{prices},"theme":"light"}}"#)).await;
    let table = parse_contract_json(&prices).unwrap();
    let fmt = IntlFormat::new(None).unwrap();
    assert_eq!(text_of(&host, "[data-testid=scrub-date]").unwrap(), fmt.date(*table.dates.last().unwrap()));
    set_input(&host, "[data-testid=scrub]", "0", "input");
    settle().await;
    // Step 0 is the first weekly point: sample 2w − 2 = 26, the Friday of the 27th week.
    let selection = Selection::resolve(&table, None, None).unwrap();
    let (rots, _) = rotations(&table, &selection, table.dates.len() - 1, RotationParams::default()).unwrap();
    let first = rots.iter().map(|r| r.points[0].date).min().unwrap();
    assert_eq!(text_of(&host, "[data-testid=scrub-date]").unwrap(), fmt.date(first));
    let ranking = text_of(&host, "[data-testid=ranking] tbody").unwrap();
    let first_aaa = rots.iter().find(|r| table.series[r.position].symbol == "AAA").unwrap().points[0].rs_ratio;
    assert!(ranking.contains(&fmt.number(first_aaa, 2)), "{ranking}");
}

#[wasm_bindgen_test]
async fn performance_period_buttons_change_the_ranked_returns() {
    let prices = rotation_fixture();
    let host = mount(&format!(r#"{{"prices":{prices},"view":"performance"}}"#), 760);
    until("the returns table", || text_of(&host, "[data-testid=returns]").is_some()).await;
    click(&host, "[data-testid=period] button:nth-child(2)"); // 1M
    settle().await;
    let table = parse_contract_json(&prices).unwrap();
    let selection = Selection::resolve(&table, None, None).unwrap();
    let (expected, _) = ranked_returns(&table, &selection, Period::Month1, table.dates.len() - 1).unwrap();
    let fmt = IntlFormat::new(None).unwrap();
    let rows = host.query_selector_all("[data-testid=returns] tbody tr").unwrap();
    assert_eq!(rows.length() as usize, expected.len());
    for (i, r) in expected.iter().enumerate() {
        let row = rows.item(i as u32).unwrap().text_content().unwrap();
        assert!(row.contains(&r.symbol) && row.contains(&fmt.percent(r.return_pct, 2)), "row {i}: {row}");
    }
    assert!(text_of(&host, "[data-testid=returns] caption").unwrap().starts_with("1M returns"));
}

#[wasm_bindgen_test]
async fn trend_view_states_close_averages_and_prior_high() {
    let prices = rotation_fixture();
    let host = mount(&format!(r#"{{"prices":{prices},"view":"trend","period":"1Y"}}"#), 760);
    until("the trend stats", || text_of(&host, "[data-testid=trend-stats]").is_some()).await;
    let table = parse_contract_json(&prices).unwrap();
    let s = trend_summary(&table, table.position("AAA").unwrap(), table.dates.len() - 1).unwrap();
    let fmt = IntlFormat::new(None).unwrap();
    let stats = text_of(&host, "[data-testid=trend-stats]").unwrap();
    for part in [fmt.number(s.close, 2), fmt.number(s.sma50.unwrap(), 2), fmt.number(s.sma200.unwrap(), 2), fmt.percent(s.from_high_pct.unwrap(), 1)] {
        assert!(stats.contains(&part), "{stats:?} lacks {part}");
    }
}

#[wasm_bindgen_test]
async fn a_fatal_error_leaves_a_message_not_a_blank_box() {
    let prices = rotation_fixture();
    let (host, _) = mount_drawn(&format!(r#"{{"prices":{prices}}}"#)).await;
    rotascope::browser::panic::show_fatal();
    let card = text_of(&host, "[data-testid=fatal]").expect("an error card");
    // What went wrong is for the console: the card says only that the chart stopped.
    assert_eq!(card, "This chart stopped because of an internal error. Reload the page to try again; the browser console has the details for a bug report.");
    assert!(host.query_selector("canvas").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn numbers_and_dates_follow_the_configured_locale() {
    let prices = rotation_fixture();
    let (host, _) = mount_drawn(&format!(r#"{{"prices":{prices},"locale":"de-DE"}}"#)).await;
    let table = parse_contract_json(&prices).unwrap();
    let selection = Selection::resolve(&table, None, None).unwrap();
    let (rots, _) = rotations(&table, &selection, table.dates.len() - 1, RotationParams::default()).unwrap();
    let best = rots.iter().map(|r| r.head().unwrap().rs_ratio).fold(f64::MIN, f64::max);
    // German: decimal comma, and a German date for the slider.
    let expected = format!("{:.2}", best).replace('.', ",");
    assert!(text_of(&host, "[data-testid=ranking] tbody tr").unwrap().contains(&expected));
    let german = IntlFormat::new(Some("de-DE")).unwrap();
    let date = text_of(&host, "[data-testid=scrub-date]").unwrap();
    assert_eq!(date, german.date(*table.dates.last().unwrap()));
    assert_ne!(date, IntlFormat::new(Some("en-US")).unwrap().date(*table.dates.last().unwrap()));
    // An unknown locale falls back with a note instead of failing.
    let (bad, _) = mount_drawn(&format!(r#"{{"prices":{prices},"locale":"xx-invalid-locale-tag-"}}"#)).await;
    assert!(text_of(&bad, "[role=note]").unwrap().contains("is not valid"));
}

/// A note about the rotation fixture: one claim of each kind, markup where text belongs, a
/// link that must not become one, and tickers in and out of the data.
fn note_json(score: &str, label: &str) -> String {
    format!(
        r#"{{"title":"<img src=x onerror=\"window.__pwned=1\"> Alpha turns","source":"Desk","published":"2026-02-04",
            "url":"javascript:window.__pwned=2","summary":"<script>window.__pwned=3</script> A very long word: Donaudampfschifffahrtsgesellschaftskapitänsmütze.",
            "sections":[{{"heading":"Winners and losers","body":"<b>AAA</b> wins."}}],
            "sentiment":{{"label":"{label}","score":{score}}},
            "tickers":["AAA","ZZZ"],
            "claims":[
              {{"text":"AAA return","kind":"return","symbol":"AAA","period":"3M","value":VALUE_RETURN}},
              {{"text":"AAA beats SPY","kind":"excess","symbol":"AAA","period":"3M","value":1000}},
              {{"text":"ZZZ is up","kind":"return","symbol":"ZZZ","value":1}}
            ]}}"#
    )
}

#[wasm_bindgen_test]
async fn the_card_renders_each_part_and_checks_the_claims() {
    let prices = rotation_fixture();
    let table = parse_contract_json(&prices).unwrap();
    let to = table.dates.len() - 1;
    let aaa = table.position("AAA").unwrap();
    let three_months = rotascope::analysis::returns::period_return(&table, aaa, Period::Month3, to).unwrap().return_pct;
    let note = note_json("0.45", "mildly positive").replace("VALUE_RETURN", &format!("{:.3}", three_months + 0.2));
    let host = mount(&format!(r#"{{"prices":{prices},"note":{note}}}"#), 1100);
    until("the card", || text_of(&host, "[data-testid=claims]").is_some()).await;
    settle().await;
    assert_eq!(text_of(&host, "[data-testid=card-title]").unwrap(), "<img src=x onerror=\"window.__pwned=1\"> Alpha turns");
    assert!(text_of(&host, ".rs-card-meta").unwrap().starts_with("Desk · "));
    let sentiment = text_of(&host, "[data-testid=sentiment]").unwrap();
    assert!(sentiment.contains("mildly positive") && sentiment.contains("0.45"), "{sentiment}");
    assert!(host.query_selector("[data-testid=disagree]").unwrap().is_none());
    let gauge = host.query_selector("[data-testid=gauge]").unwrap().unwrap();
    assert_eq!(gauge.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(gauge.get_attribute("aria-label").as_deref(), Some("Sentiment: mildly positive, score 0.45 on a scale from −1 to 1"));
    assert_eq!(host.query_selector_all("[data-testid=gauge] rect").unwrap().length(), 5);
    assert!(text_of(&host, "[data-testid=card-summary]").unwrap().contains("Donaudampfschifffahrts"));
    assert_eq!(host.query_selector_all(".rs-section").unwrap().length(), 1);
    // Claims: within 0.2 pp matches, 1000 pp differs, ZZZ cannot be checked.
    let claims = host.query_selector_all("[data-testid=claims] li").unwrap();
    let verdict = |i: u32| claims.item(i).unwrap().text_content().unwrap();
    assert!(verdict(0).contains("matches (within 0.5 pp)"), "{}", verdict(0));
    assert!(verdict(1).contains("differs by"), "{}", verdict(1));
    assert!(verdict(2).contains("cannot be checked: ZZZ is not in the price data"), "{}", verdict(2));
    // Since the note (published 2026-02-04, a Wednesday in the data): AAA minus SPY from that
    // close to the last, straight from the closes.
    let base = table.dates.iter().position(|d| d.to_string() == "2026-02-04").unwrap();
    let spy = table.position("SPY").unwrap();
    let growth = |p: usize| table.series[p].closes[to].unwrap() / table.series[p].closes[base].unwrap();
    let fmt = IntlFormat::new(None).unwrap();
    let since = host.query_selector_all("[data-testid=claim-since]").unwrap();
    assert_eq!(since.length(), 2, "one since line per checked claim");
    let expected = format!(
        "Since the note ({} to {}): AAA minus SPY {}",
        fmt.date(table.dates[base]),
        fmt.date(table.dates[to]),
        fmt.points((growth(aaa) - growth(spy)) * 100.0, 1)
    );
    let line = since.item(1).unwrap().text_content().unwrap();
    assert!(line.starts_with(&expected), "{line} / {expected}");
    // Claims without an as-of day are already as of the last day: no separate "now".
    assert!(host.query_selector("[data-testid=claim-now]").unwrap().is_none());
    let summary = text_of(&host, "[data-testid=claims-summary]").unwrap();
    assert!(summary.starts_with("3 figures checked against the prices: 1 matches, 1 differs and 1 cannot be checked. AAA: "), "{summary}");
    assert!(summary.contains(&format!("AAA minus SPY: {} since the note", fmt.points((growth(aaa) - growth(spy)) * 100.0, 1))), "{summary}");
    // Alerts: the newest transitions, at most eight.
    let alerts = host.query_selector_all("[data-testid=alerts] li").unwrap().length();
    assert!((1..=8).contains(&alerts), "{alerts} alerts");
    // The ZZZ chip cannot highlight anything.
    let chips = host.query_selector_all("[data-testid=chips] button").unwrap();
    assert!(chips.item(1).unwrap().dyn_into::<web_sys::HtmlButtonElement>().unwrap().disabled());
}

#[wasm_bindgen_test]
async fn markup_in_note_text_shows_literally_and_never_runs() {
    let prices = rotation_fixture();
    let note = note_json("0.45", "mildly positive").replace("VALUE_RETURN", "1");
    let host = mount(&format!(r#"{{"prices":{prices},"note":{note}}}"#), 1100);
    until("the card", || text_of(&host, "[data-testid=card-title]").is_some()).await;
    settle().await;
    let card = host.query_selector("[data-testid=card]").unwrap().unwrap();
    for tag in ["img", "script", "b"] {
        assert!(card.query_selector(tag).unwrap().is_none(), "a <{tag}> element was created from note text");
    }
    assert!(text_of(&host, "[data-testid=card-summary]").unwrap().starts_with("<script>window.__pwned=3</script>"));
    assert!(text_of(&host, ".rs-section .rs-prose").unwrap().contains("<b>AAA</b> wins."));
    // javascript: is not linked; the warning says so.
    assert!(card.query_selector("a").unwrap().is_none());
    assert!(text_of(&host, ".rs-note-warnings").unwrap().contains("is not an http(s) address"));
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "note text ran as code");
}

#[wasm_bindgen_test]
async fn a_chip_highlights_its_symbol_and_an_alert_scrubs_the_chart() {
    let prices = rotation_fixture();
    let note = note_json("0.45", "mildly positive").replace("VALUE_RETURN", "1");
    let host = mount(&format!(r#"{{"prices":{prices},"note":{note},"theme":"light"}}"#), 760);
    until("the chart and the card", || text_of(&host, "[data-testid=alerts]").is_some() && canvas(&host).is_some_and(|c| c.width() > 0)).await;
    settle().await;
    let canvas = canvas(&host).unwrap();
    let table = parse_contract_json(&prices).unwrap();
    let view = expected_rrg(&table, &canvas, 10);
    let ccc = view.tails.iter().find(|t| t.symbol == "CCC").unwrap();
    let ccc_head = ccc.points.last().unwrap();
    assert!(close(pixel(&canvas, ccc_head.x, ccc_head.y), ccc.colour, 30), "CCC drawn normally at first");

    click(&host, "[data-testid=chips] button"); // AAA
    settle().await;
    assert_eq!(host.query_selector("[data-testid=chips] button").unwrap().unwrap().get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(!close(pixel(&canvas, ccc_head.x, ccc_head.y), ccc.colour, 20), "CCC fades while AAA is highlighted");
    assert!(host.query_selector(".rs-row-pinned").unwrap().unwrap().text_content().unwrap().contains("AAA"));

    // The oldest alert listed (well back in time): the chart scrubs to that point's date and
    // pins that symbol.
    let selection = Selection::resolve(&table, None, None).unwrap();
    let (rots, _) = rotations(&table, &selection, table.dates.len() - 1, RotationParams::default()).unwrap();
    let feed = rotascope::analysis::rotation::latest_transitions(&rots, 8);
    let (position, oldest) = &feed[feed.len() - 1];
    let buttons = host.query_selector_all("[data-testid=alerts] button").unwrap();
    buttons.item(feed.len() as u32 - 1).unwrap().dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    let fmt = IntlFormat::new(None).unwrap();
    assert_eq!(text_of(&host, "[data-testid=scrub-date]").unwrap(), fmt.date(oldest.date));
    let pinned = host.query_selector(".rs-row-pinned").unwrap().unwrap().text_content().unwrap();
    assert!(pinned.contains(&table.series[*position].symbol), "{pinned}");
}

#[wasm_bindgen_test]
async fn a_bad_score_is_an_error_on_the_card_and_the_charts_still_work() {
    let prices = rotation_fixture();
    let note = note_json("1.7", "strongly positive").replace("VALUE_RETURN", "1");
    let (host, _) = mount_drawn(&format!(r#"{{"prices":{prices},"note":{note},"theme":"light"}}"#)).await;
    until("the card", || text_of(&host, "[data-testid=sentiment-error]").is_some()).await;
    assert_eq!(text_of(&host, "[data-testid=sentiment-error]").unwrap(), "the sentiment score 1.7 is outside −1..1");
    assert!(text_of(&host, "[data-testid=claims]").is_some(), "the rest of the card still shows");
    assert!(text_of(&host, "[data-testid=ranking]").is_some(), "the charts still work");
    // A label that disagrees with the band of its score shows both and is marked.
    let note = note_json("0.2", "strongly negative").replace("VALUE_RETURN", "1");
    let host = mount(&format!(r#"{{"prices":{prices},"note":{note}}}"#), 900);
    until("the sentiment", || text_of(&host, "[data-testid=sentiment]").is_some()).await;
    let s = text_of(&host, "[data-testid=sentiment]").unwrap();
    assert!(s.contains("strongly negative") && s.contains("label and score disagree") && s.contains("is mildly positive on this scale"), "{s}");
}

#[wasm_bindgen_test]
async fn the_card_works_alone_and_a_broken_note_leaves_the_charts() {
    let note = note_json("0.45", "neutral").replace("VALUE_RETURN", "1");
    let host = mount(&format!(r#"{{"note":{note}}}"#), 600);
    until("the card", || text_of(&host, "[data-testid=claims]").is_some()).await;
    assert!(host.query_selector("canvas").unwrap().is_none());
    assert!(text_of(&host, "[data-testid=claims]").unwrap().contains("cannot be checked: no price data is loaded"));
    let prices = rotation_fixture();
    let (host, _) = mount_drawn(&format!(r#"{{"prices":{prices},"note":{{"title":5}},"theme":"light"}}"#)).await;
    until("the note error", || text_of(&host, "[data-testid=card-error]").is_some()).await;
    assert!(text_of(&host, "[data-testid=card-error]").unwrap().contains("`note.title` should be a text, but it is the number 5"));
    assert!(text_of(&host, "[data-testid=ranking]").is_some());
}

fn key(el: &web_sys::Element, name: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(name);
    init.set_bubbles(true);
    init.set_cancelable(true);
    el.dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

/// The rotation fixture's tails (default settings), in the widget's order.
fn fixture_rotations(table: &PriceTable) -> Vec<(String, Vec<RotationPoint>)> {
    fixture_tails(table).into_iter().map(|(s, points)| (s, points.into_iter().map(|(p, _)| p).collect())).collect()
}

/// A point's metrics as the test works them out: (heading in degrees, compass word, distance,
/// velocity).
type Worked = (f64, &'static str, f64, f64);

/// The fixture's tails (10 points) with each point's metrics worked out here from README
/// "Rotation metrics": heading `atan2(Δy, Δx)` in degrees from the point before (in the whole
/// history), its compass word, distance from 100/100, velocity = mean step over the 10-point
/// tail ending at the point.
fn fixture_tails(table: &PriceTable) -> Vec<(String, Vec<(RotationPoint, Worked)>)> {
    let selection = Selection::resolve(table, None, None).unwrap();
    let (rots, _) = rotations(table, &selection, table.dates.len() - 1, RotationParams::default()).unwrap();
    let step = |a: &RotationPoint, b: &RotationPoint| (b.rs_ratio - a.rs_ratio).hypot(b.rs_momentum - a.rs_momentum);
    let words = ["east", "north-east", "north", "north-west", "west", "south-west", "south", "south-east"];
    rots.iter()
        .map(|r| {
            let h = &r.points;
            let start = h.len() - 10;
            let tail = (start..h.len())
                .map(|k| {
                    let (p, prev) = (&h[k], &h[k - 1]);
                    let deg = (p.rs_momentum - prev.rs_momentum).atan2(p.rs_ratio - prev.rs_ratio).to_degrees().rem_euclid(360.0);
                    let word = words[(((deg + 22.5) / 45.0).floor() as usize) % 8];
                    let distance = (p.rs_ratio - 100.0).hypot(p.rs_momentum - 100.0);
                    let first = (k + 1).saturating_sub(10);
                    let velocity = (first + 1..=k).map(|j| step(&h[j - 1], &h[j])).sum::<f64>() / (k - first) as f64;
                    (p.clone(), (deg, word, distance, velocity))
                })
                .collect();
            (table.series[r.position].symbol.clone(), tail)
        })
        .collect()
}

/// "NE" for "north-east".
fn compass_abbreviation(word: &str) -> String {
    word.split('-').map(|w| w[..1].to_uppercase()).collect()
}

#[wasm_bindgen_test]
async fn a_keyboard_walk_through_the_rotation_chart_is_announced_in_order() {
    let prices = rotation_fixture();
    let (host, _) = mount_drawn(&format!(r#"{{"prices":{prices}}}"#)).await;
    let table = parse_contract_json(&prices).unwrap();
    let tails = fixture_tails(&table);
    let fmt = IntlFormat::new(None).unwrap();
    let say = |t: usize, k: usize| {
        let (sym, pts) = &tails[t];
        let (p, (deg, word, distance, velocity)) = &pts[k];
        format!(
            "{sym}, {}, RS-Ratio {}, RS-Momentum {}, heading {word} ({}°), distance {}, velocity {} per week, week of {}{}",
            p.quadrant.name(),
            fmt.number(p.rs_ratio, 2),
            fmt.number(p.rs_momentum, 2),
            fmt.number(*deg, 0),
            fmt.number(*distance, 2),
            fmt.number(*velocity, 2),
            fmt.date(p.date.week_start()),
            if p.partial { ", week in progress" } else { "" }
        )
    };
    let chart = host.query_selector("[data-testid=chart]").unwrap().unwrap();
    chart.dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    let last = tails[1].1.len() - 1;
    let walk = [
        ("ArrowDown", say(0, tails[0].1.len() - 1)), // first symbol's head
        ("ArrowDown", say(1, last)),                 // next symbol's head
        ("ArrowLeft", say(1, last - 1)),             // a week back along its tail
        ("Home", say(1, 0)),                         // the tail's first point
        ("End", say(1, last)),                       // back to the head
        ("ArrowUp", say(0, tails[0].1.len() - 1)),   // previous symbol
    ];
    for (k, expected) in walk {
        key(&chart, k);
        settle().await;
        assert_eq!(text_of(&host, "[data-testid=live]").unwrap(), expected, "after {k}");
        assert!(text_of(&host, "[data-testid=tooltip]").is_some(), "the focused point shows its tooltip");
    }
    // Enter highlights that symbol; Escape clears it (tooltip gone).
    key(&chart, "Enter");
    settle().await;
    assert_eq!(text_of(&host, "[data-testid=live]").unwrap(), format!("{} highlighted", tails[0].0));
    key(&chart, "Escape");
    settle().await;
    assert!(text_of(&host, "[data-testid=tooltip]").is_none());
    // A control change is announced too.
    set_input(&host, "[data-testid=tail]", "12", "input");
    settle().await;
    assert_eq!(text_of(&host, "[data-testid=live]").unwrap(), "Tail length 12 weeks");
}

#[wasm_bindgen_test]
async fn the_summary_puts_each_symbol_in_its_quadrant() {
    let prices = rotation_fixture();
    let (host, _) = mount_drawn(&format!(r#"{{"prices":{prices}}}"#)).await;
    let table = parse_contract_json(&prices).unwrap();
    let summary = text_of(&host, "[data-testid=summary]").unwrap();
    assert!(summary.starts_with("Relative rotation graph of 3 symbols against SPY, weekly"), "{summary}");
    for (symbol, points) in fixture_rotations(&table) {
        let quadrant = points.last().unwrap().quadrant.name();
        let sentence = summary.split(". ").find(|s| s.starts_with(&format!("{quadrant}:"))).unwrap_or_else(|| panic!("no {quadrant} sentence in {summary}"));
        assert!(sentence.contains(&symbol), "{symbol} should be under {quadrant}: {summary}");
    }
    // Hidden from sight until asked for, but always in the accessibility tree; the chart
    // points to it.
    let p = host.query_selector("[data-testid=summary]").unwrap().unwrap();
    assert!(p.class_name().contains("rs-visually-hidden"));
    let chart = host.query_selector("[data-testid=chart]").unwrap().unwrap();
    assert_eq!(chart.get_attribute("aria-describedby"), Some(p.id()));
    click(&host, "[data-testid=summary-toggle]");
    settle().await;
    assert!(!host.query_selector("[data-testid=summary]").unwrap().unwrap().class_name().contains("rs-visually-hidden"));
}

#[wasm_bindgen_test]
async fn the_data_table_holds_the_analytics_and_sorts() {
    let prices = rotation_fixture();
    let (host, _) = mount_drawn(&format!(r#"{{"prices":{prices}}}"#)).await;
    click(&host, "[data-testid=table-toggle]");
    settle().await;
    let table = parse_contract_json(&prices).unwrap();
    let fmt = IntlFormat::new(None).unwrap();
    let expected: Vec<Vec<String>> = fixture_tails(&table)
        .iter()
        .flat_map(|(sym, pts)| pts.iter().map(move |p| (sym.clone(), p.clone())))
        .map(|(sym, (p, (deg, word, distance, velocity)))| {
            vec![
                sym,
                fmt.date(p.date),
                fmt.number(p.rs_ratio, 2),
                fmt.number(p.rs_momentum, 2),
                p.quadrant.name().to_string(),
                compass_abbreviation(word),
                fmt.number(deg, 0),
                fmt.number(distance, 2),
                fmt.number(velocity, 2),
            ]
        })
        .collect();
    let cells = |row: web_sys::Element| -> Vec<String> {
        let list = row.query_selector_all("th, td").unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap()).collect()
    };
    let rows = host.query_selector_all("[data-testid=data-table] tbody tr").unwrap();
    let got: Vec<Vec<String>> = (0..rows.length()).map(|i| cells(rows.item(i).unwrap().dyn_into().unwrap())).collect();
    assert_eq!(got, expected);
    let headers = host.query_selector_all("[data-testid=data-table] thead th[scope=col]").unwrap();
    assert_eq!(headers.length(), 9);
    // Sort by RS-Ratio (third column) with its header button: ascending, then descending.
    click(&host, "[data-testid=data-table] thead th:nth-child(3) button");
    settle().await;
    let th = host.query_selector("[data-testid=data-table] thead th:nth-child(3)").unwrap().unwrap();
    assert_eq!(th.get_attribute("aria-sort").as_deref(), Some("ascending"));
    let mut ratios: Vec<f64> = fixture_rotations(&table).iter().flat_map(|(_, p)| p.iter().map(|x| x.rs_ratio)).collect();
    ratios.sort_by(f64::total_cmp);
    let first = host.query_selector("[data-testid=data-table] tbody tr td:nth-child(3)").unwrap().unwrap().text_content().unwrap();
    assert_eq!(first, fmt.number(ratios[0], 2));
    click(&host, "[data-testid=data-table] thead th:nth-child(3) button");
    settle().await;
    assert_eq!(th.get_attribute("aria-sort").as_deref(), Some("descending"));
}

/// Clicks an export button and returns the blob and name the widget hands over (the
/// download itself is cancelled).
async fn export(host: &HtmlElement, selector: &str) -> (web_sys::Blob, String) {
    let caught: std::rc::Rc<std::cell::RefCell<Option<(web_sys::Blob, String)>>> = Default::default();
    let sink = caught.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
        e.prevent_default();
        let d = e.detail();
        let blob = js_sys::Reflect::get(&d, &"blob".into()).unwrap().dyn_into().unwrap();
        let name = js_sys::Reflect::get(&d, &"name".into()).unwrap().as_string().unwrap();
        *sink.borrow_mut() = Some((blob, name));
    });
    host.add_event_listener_with_callback("rotascope:export", listener.as_ref().unchecked_ref()).unwrap();
    click(host, selector);
    until("the export", || caught.borrow().is_some()).await;
    host.remove_event_listener_with_callback("rotascope:export", listener.as_ref().unchecked_ref()).unwrap();
    let out = caught.borrow_mut().take().unwrap();
    out
}

#[wasm_bindgen_test]
async fn png_and_csv_exports_carry_the_chart_and_its_numbers() {
    let prices = rotation_fixture();
    let (host, canvas) = mount_drawn(&format!(r#"{{"prices":{prices},"title":"Fixture"}}"#)).await;
    let (png, name) = export(&host, "[data-testid=export-png]").await;
    assert_eq!(png.type_(), "image/png");
    assert!(png.size() > 5_000.0, "a real image, not an empty one: {} bytes", png.size());
    assert_eq!(name, "rotascope-rotation-AAA-BBB-CCC-2026-02-27.png");
    let bitmap: web_sys::ImageBitmap = JsFuture::from(web_sys::window().unwrap().create_image_bitmap_with_blob(&png).unwrap()).await.unwrap().dyn_into().unwrap();
    assert_eq!(bitmap.width(), canvas.width(), "the PNG is as wide as the canvas (device pixels)");
    assert!(bitmap.height() > canvas.height(), "title, legend and source line add height");

    let (csv, name) = export(&host, "[data-testid=export-csv]").await;
    assert_eq!(name, "rotascope-rotation-AAA-BBB-CCC-2026-02-27.csv");
    let text = JsFuture::from(csv.text()).await.unwrap().as_string().unwrap();
    let table = parse_contract_json(&prices).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("Symbol,Date,RS-Ratio,RS-Momentum,Quadrant,Heading,Heading (°),Distance,Velocity"));
    let expected: Vec<(String, (RotationPoint, Worked))> =
        fixture_tails(&table).into_iter().flat_map(|(s, pts)| pts.into_iter().map(move |p| (s.clone(), p))).collect();
    let parsed: Vec<Vec<String>> = lines.map(|l| l.split(',').map(str::to_owned).collect()).collect();
    assert_eq!(parsed.len(), expected.len());
    for (row, (sym, (p, (deg, word, distance, velocity)))) in parsed.iter().zip(&expected) {
        assert_eq!(row[0], *sym);
        assert_eq!(row[1], p.date.to_string());
        // Full precision: the numbers read back exactly.
        assert_eq!(row[2].parse::<f64>().unwrap(), p.rs_ratio);
        assert_eq!(row[3].parse::<f64>().unwrap(), p.rs_momentum);
        assert_eq!(row[4], p.quadrant.name());
        assert_eq!(row[5], compass_abbreviation(word));
        // The metrics to 1e-9 (worked out here in another order of operations).
        for (cell, want) in [(&row[6], *deg), (&row[7], *distance), (&row[8], *velocity)] {
            assert!((cell.parse::<f64>().unwrap() - want).abs() < 1e-9, "{sym} {}: {cell} vs {want}", p.date);
        }
    }
}

/// The loading layer, without the widget: a note fails with the same typed error as the prices,
/// its message as the card shows it, `data` for a note that cannot be read (never retried) and
/// the fetch's own code and retry for a download that failed.
#[wasm_bindgen_test]
async fn the_load_layer_types_note_failures_like_price_failures() {
    use rotascope::config::Source;
    use rotascope::load::{load_note, LoadError};
    let value = serde_json::json!(["not", "a", "note"]);
    let expected = rotascope::analysis::note::parse_note(&value).unwrap_err();
    let inline = load_note(Source::Inline(value), 5.0, &|_, _| {}).await.unwrap_err();
    assert_eq!(inline, LoadError::Note { url: None, reason: expected.clone() });
    assert_eq!(inline.to_string(), expected);
    assert_eq!((inline.code(), inline.retryable()), ("data", false));
    let read = LoadError::Note { url: Some("notes/q1.json".into()), reason: "the note is not valid JSON: EOF".into() };
    assert_eq!(read.to_string(), "notes/q1.json: the note is not valid JSON: EOF");
    let fetched = load_note(Source::Url("http://127.0.0.1:9/note.json".into()), 5.0, &|_, _| {}).await.unwrap_err();
    let LoadError::Fetch(fetch) = &fetched else { panic!("a download failure: {fetched:?}") };
    assert_eq!((fetched.code(), fetched.retryable(), fetched.to_string()), (fetch.code(), true, fetch.to_string()));
    assert!(fetched.to_string().starts_with("could not load http://127.0.0.1:9/note.json"), "{fetched}");
}
