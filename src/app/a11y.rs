//! Accessibility and export pieces shared by the views: the polite live region and what it
//! announces, the chart summary (read before the chart, shown on demand), the data-table view
//! (sortable from the keyboard) and the export buttons.

use super::state::use_state;
use super::widget_context;
use crate::browser::export::{compose_png, hand_over, hand_over_text, png_blob};
use crate::chart::frame::ImageFrame;
use crate::chart::export::DataTable;
use crate::chart::{words, Rgb};
use leptos::html;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Ids unique within a page (a widget may be mounted outside a shadow root).
pub fn unique_id(prefix: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    crate::chart::markup::numbered_id(prefix, NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The polite live region: what keyboard focus lands on, and what a control just changed.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let (_, c) = use_state();
    view! { <div class="rs-visually-hidden" role="status" aria-live="polite" data-testid="live">{move || c.announce.get()}</div> }
}

/// Announces control changes (not the initial values).
#[component]
pub fn Announcer() -> impl IntoView {
    let ctx = widget_context();
    let lang = super::messages();
    let (data, c) = use_state();
    let say = move |text: String| c.announce.set(text);
    let m = super::messages();
    Effect::watch(
        move || (c.tail.get(), c.interval.get()),
        move |(tail, interval), prev, _| say(words::tail_changed(&m, *tail, *interval, prev.is_some_and(|(_, before)| before != interval))),
        false,
    );
    {
        let data = data.clone();
        Effect::watch(move || c.benchmark.get(), move |b, _, _| say(words::benchmark_changed(&m, data.symbol(*b))), false);
    }
    {
        let format = ctx.format.clone();
        Effect::watch(move || c.period.get(), move |p, _, _| say(words::period_changed(&m, p, format.as_ref())), false);
    }
    Effect::watch(
        move || c.mode.get(),
        move |m, _, _| say(words::mode_words(&lang, *m).chosen.into()),
        false,
    );
    Effect::watch(
        move || c.view.get(),
        move |v, _, _| {
            let tab = crate::config::View::ALL.iter().position(|x| x == v).map_or("", |i| m.get(["tab.rotation", "tab.performance", "tab.trend"][i]));
            say(words::view_changed(&m, tab))
        },
        false,
    );
    {
        let data = data.clone();
        Effect::watch(
            move || c.hidden.get(),
            move |now, before, _| {
                let before = before.cloned().unwrap_or_default();
                if let Some(p) = now.iter().find(|p| !before.contains(p)) {
                    say(words::hidden_changed(&m, data.symbol(*p), true));
                } else if let Some(p) = before.iter().find(|p| !now.contains(p)) {
                    say(words::hidden_changed(&m, data.symbol(*p), false));
                }
            },
            false,
        );
    }
    {
        let data = data.clone();
        Effect::watch(
            move || c.pinned.get(),
            move |p, _, _| say(words::highlight_changed(&m, p.map(|p| data.symbol(p)))),
            false,
        );
    }
    Effect::watch(move || c.playing.get(), move |playing, _, _| say(words::playing_changed(&m, *playing).into()), false);
    {
        let data = data.clone();
        let format = ctx.format.clone();
        Effect::watch(
            move || c.scrub.get(),
            move |s, _, _| {
                // While playing the date changes every 300 ms: too chatty to announce.
                if c.playing.get_untracked() {
                    return;
                }
                let set = data.rotation_set(c.benchmark.get_untracked(), c.interval.get_untracked(), c.method.get_untracked());
                if let Ok(set) = set.as_ref() {
                    let last = set.timeline.len().saturating_sub(1);
                    if let Some(&i) = set.timeline.get(s.unwrap_or(last)) {
                        say(words::showing_date(&m, data.table.dates[i], format.as_ref()));
                    }
                }
            },
            false,
        );
    }
}

/// A PNG's title and legend (label, colour).
pub type FrameFn = Rc<dyn Fn() -> (String, Vec<(String, Rgb)>)>;

/// What a view offers the action bar.
#[derive(Clone)]
pub struct ViewExports {
    /// The data behind the chart.
    pub table: Rc<dyn Fn() -> DataTable>,
    /// Title and legend for the PNG.
    pub frame: FrameFn,
    /// (view name, symbols) for file names.
    pub naming: Rc<dyn Fn() -> (&'static str, Vec<String>)>,
    pub scene: NodeRef<html::Canvas>,
    /// A chart drawn under the scene on the same dates (the trend's RS panel), in the PNG
    /// below it while it is shown.
    pub below: Option<NodeRef<html::Canvas>>,
}

/// Summary, table, PNG and CSV buttons and the summary caption (before the chart, so a
/// screen reader meets the summary first). The table itself is [`ChartTable`], after the chart.
#[component]
pub fn ChartExtras(#[prop(into)] summary: Signal<String>, summary_id: String, exports: ViewExports, table_open: RwSignal<bool>) -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let summary_toggle_id = unique_id("rs-summary-toggle");
    let (table_fn, frame_fn, naming_fn, scene, below) = (exports.table.clone(), exports.frame.clone(), exports.naming.clone(), exports.scene, exports.below);
    let file_name = {
        let data = data.clone();
        let naming = naming_fn.clone();
        move |ext: &str| {
            let (view, symbols) = naming();
            let refs: Vec<&str> = symbols.iter().map(String::as_str).collect();
            crate::chart::export::file_name(view, &refs, data.table.dates[data.to], ext)
        }
    };
    let words_now = super::messages();
    let source_line = words::source_line(&words_now, words_now.get(data.table.adjustment.message().0), data.table.source.as_deref());
    let m = |key: &'static str| words_now.get(key);
    let csv = {
        let (table_fn, file_name) = (table_fn.clone(), file_name.clone());
        move |ev: web_sys::MouseEvent| {
            if hand_over_text(&ev, &file_name("csv"), &table_fn().to_csv(), "text/csv") {
                c.announce.set(words::csv_ready(&words_now).into());
            }
        }
    };
    let png = {
        let palette = ctx.palette;
        move |ev: web_sys::MouseEvent| {
            let Some(button) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            let Some(chart) = scene.get_untracked() else { return };
            let (view_title, legend) = frame_fn();
            let (title, subtitle) = crate::chart::export::png_headings(ctx.title.as_deref(), view_title);
            let frame = ImageFrame { title, subtitle, legend, source: source_line.clone() };
            let below = below.and_then(|b| b.get_untracked()).filter(|b| b.client_width() > 0);
            let Some(image) = compose_png(&chart, below.as_ref(), &frame, &palette.get_untracked(), crate::browser::canvas::device_pixel_ratio()) else { return };
            let name = file_name("png");
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(blob) = png_blob(&image).await {
                    hand_over(&button, &name, &blob);
                    c.announce.set(words::png_ready(&words_now).into());
                }
            });
        }
    };
    view! {
        <div class="rs-actions" role="group" aria-label=m("tools.label")>
            <button type="button" class="rs-action" id=summary_toggle_id data-testid="summary-toggle"
                aria-expanded=move || c.show_summary.get().to_string() aria-controls=summary_id.clone()
                on:click=move |_| c.show_summary.update(|s| *s = !*s)>{m("tools.summary")}</button>
            <button type="button" class="rs-action" data-testid="table-toggle" aria-pressed=move || table_open.get().to_string()
                on:click=move |_| table_open.update(|t| *t = !*t)>{m("tools.table")}</button>
            <button type="button" class="rs-action" data-testid="export-png" aria-label=m("export.png.label") on:click=png>{m("export.png")}</button>
            <button type="button" class="rs-action" data-testid="export-csv" aria-label=m("export.csv.label") on:click=csv>{m("export.csv")}</button>
        </div>
        <p id=summary_id class=move || if c.show_summary.get() { "rs-summary-text" } else { "rs-summary-text rs-visually-hidden" }
            data-testid="summary">{move || summary.get()}</p>
    }
}

/// The data table of a chart, while its toggle is on.
#[component]
pub fn ChartTable(open: RwSignal<bool>, table: Rc<dyn Fn() -> DataTable>) -> impl IntoView {
    let table = send_wrapper::SendWrapper::new(table);
    move || open.get().then(|| view! { <DataTableView table=table() /> })
}

/// The data as a `<table>` ([`crate::chart::export::data_table`], built once into the frame
/// and patched in place on a re-sort); each header is a button that sorts by its column (again
/// to reverse).
#[component]
pub fn DataTableView(table: DataTable) -> impl IntoView {
    let ctx = widget_context();
    let sort: RwSignal<Option<(usize, bool)>> = RwSignal::new(None);
    let wrap: NodeRef<html::Div> = NodeRef::new();
    Effect::new(move || {
        let by = sort.get();
        if let Some(div) = wrap.get() {
            crate::browser::markup::patch_children(&div, &crate::chart::export::data_table(&table, by, ctx.format.as_ref()));
        }
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(k) = crate::browser::markup::sort_column(&ev) {
            sort.update(|s| *s = Some(match *s {
                Some((col, asc)) if col == k => (k, !asc),
                _ => (k, true),
            }));
        }
    };
    view! { <div class="rs-table-wrap rs-data-wrap" node_ref=wrap on:click=on_click></div> }
}

/// What a line chart tells the keyboard helper about itself.
pub struct LineNav {
    /// Number of lines, and the first and last table index shown.
    pub shape: Rc<dyn Fn() -> Option<(usize, usize, usize)>>,
    /// Show line `line` at table index `index` (crosshair, ring, tooltip, announcement).
    pub show: Rc<dyn Fn(usize, usize)>,
    /// Enter on line `line`.
    pub choose: Rc<dyn Fn(usize)>,
    /// Focus left the chart: clear what `show` set.
    pub clear: Rc<dyn Fn()>,
}

/// Keyboard navigation of a line chart: Up/Down between lines, Left/Right between dates,
/// Home/End to the first and last date, Enter chooses the line, Escape clears the ring, the
/// crosshair and the highlight and keeps focus on the chart (the keyboard goes on from there).
pub fn line_keyboard(nav: LineNav, focus: RwSignal<Option<(usize, usize)>>, described_by: String) -> super::chart_canvas::ChartKeyboard {
    let LineNav { shape, show, choose, clear } = nav;
    let clear_for_blur = clear.clone();
    let controls = use_context::<super::state::Controls>();
    let on_key = Rc::new(move |ev: &web_sys::KeyboardEvent| -> bool {
        let Some((n, from, to)) = shape() else { return false };
        if n == 0 {
            return false;
        }
        let key = ev.key();
        if key == "Escape" {
            focus.set(None);
            clear();
            if let Some(c) = controls {
                c.clear_highlight();
            }
            return true;
        }
        let current = focus.get_untracked().filter(|&(l, i)| l < n && (from..=to).contains(&i));
        let next = match (key.as_str(), current) {
            ("ArrowDown" | "ArrowUp" | "ArrowLeft" | "ArrowRight" | "Home" | "End", None) => (0, to),
            ("ArrowDown", Some((l, i))) => ((l + 1) % n, i),
            ("ArrowUp", Some((l, i))) => ((l + n - 1) % n, i),
            ("ArrowLeft", Some((l, i))) => (l, i.saturating_sub(1).max(from)),
            ("ArrowRight", Some((l, i))) => (l, (i + 1).min(to)),
            ("Home", Some((l, _))) => (l, from),
            ("End", Some((l, _))) => (l, to),
            ("Enter" | " ", Some((l, _))) => {
                choose(l);
                return true;
            }
            _ => return false,
        };
        focus.set(Some(next));
        show(next.0, next.1);
        true
    });
    super::chart_canvas::ChartKeyboard {
        on_key,
        on_blur: Rc::new(move || {
            focus.set(None);
            clear_for_blur();
        }),
        described_by,
    }
}
