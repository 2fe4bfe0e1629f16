//! The rotation view's controls: benchmark, interval, method, tail length, tails and labels
//! toggles with the zoom reset (the toolbar), the method note, and the date slider with
//! play/pause.

use crate::analysis::rotation::{Interval, RotationMethod};
use crate::app::controls::{BenchmarkSelect, Segmented};
use crate::app::state::use_state;
use crate::app::widget_context;
use crate::browser::assets::docs_url;
use crate::chart::describe::{method_explainer, method_label, method_summary};
use crate::chart::words;
use leptos::prelude::*;
use std::time::Duration;

/// Everything above the chart that changes what it shows.
#[component]
pub fn Toolbar() -> impl IntoView {
    let (_, c) = use_state();
    let m = crate::app::messages();
    view! {
        <div class="rs-toolbar">
            <BenchmarkSelect />
            <Segmented label=m.get("control.interval") value=c.interval testid="interval"
                options=vec![(Interval::Weekly, words::interval_button(&m, Interval::Weekly).to_string()), (Interval::Daily, words::interval_button(&m, Interval::Daily).to_string())] />
            <MethodSelect />
            <TailControl />
            <GraphToggles />
        </div>
    }
}

/// Which formula draws the graph (README "Formulas"): the default rotates, `zscore` matches
/// RRGPy and RRG-Lite.
#[component]
fn MethodSelect() -> impl IntoView {
    let (_, c) = use_state();
    let options = RotationMethod::ALL
        .into_iter()
        .map(|m| view! { <option value=m.name() selected=move || c.method.get() == m>{method_label(&crate::app::messages(), m)}</option> })
        .collect_view();
    view! {
        <label class="rs-field">
            <span class="rs-field-label">{crate::app::messages().get("control.method")}</span>
            <select class="rs-select" data-testid="method"
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(m) = RotationMethod::ALL.into_iter().find(|m| m.name() == chosen) {
                        c.method.set(m);
                        c.scrub.set(None);
                        c.zoom.set(None);
                    }
                }>{options}</select>
        </label>
    }
}

/// Says which method draws the graph, and opens to how it computes (README "Rotation methods").
#[component]
pub fn MethodNote() -> impl IntoView {
    let (data, c) = use_state();
    let lines = move || method_explainer(&crate::app::messages(), c.method.get(), data.window, c.interval.get()).into_iter().map(|line| view! { <p>{line}</p> }).collect_view();
    view! {
        <details class="rs-method-note" data-testid="method-note">
            <summary>{move || method_summary(&crate::app::messages(), c.method.get())}</summary>
            {lines}
            <p><a href=docs_url("#rotation-methods") target="_blank" rel="noopener">{crate::app::messages().get("method.link")}</a></p>
        </details>
    }
}

#[component]
fn TailControl() -> impl IntoView {
    let (_, c) = use_state();
    let m = crate::app::messages();
    view! {
        <label class="rs-field">
            <span class="rs-field-label">
                {words::tail_label(&m)}<output data-testid="tail-value">{move || c.tail.get()}</output>
                {move || words::tail_unit(&m, c.interval.get(), c.tail.get())}
            </span>
            <input type="range" class="rs-range" min="1" max=c.tail_max.to_string() step="1" data-testid="tail"
                prop:value=move || c.tail.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                        c.tail.set(v.min(c.tail_max).max(1));
                    }
                } />
        </label>
    }
}

/// Tails and labels on or off, and the zoom's reset (drag a rectangle, pinch, or + and − on
/// the focused chart to zoom; double-click, this button or 0 to fit again).
#[component]
fn GraphToggles() -> impl IntoView {
    let (_, c) = use_state();
    let m = crate::app::messages();
    let toggle = |signal: RwSignal<bool>, text: &str, testid: &'static str| {
        let text = text.to_owned();
        view! {
            <button type="button" class="rs-seg" data-testid=testid
                aria-pressed=move || signal.get().to_string()
                on:click=move |_| signal.update(|on| *on = !*on)>{text}</button>
        }
    };
    view! {
        <div class="rs-segmented" role="group" aria-label=m.get("control.graph")>
            {toggle(c.show_tails, m.get("toggle.tails"), "show-tails")}
            {toggle(c.show_labels, m.get("toggle.labels"), "show-labels")}
            <button type="button" class="rs-seg" data-testid="reset-zoom"
                disabled=move || c.zoom.get().is_none()
                on:click=move |_| c.zoom.set(None)>{m.get("button.resetZoom")}</button>
        </div>
    }
}

/// The date slider and play/pause: scrubbing moves every tail back in time without
/// recomputing anything.
#[component]
pub fn ScrubBar() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let set = {
        let data = data.clone();
        move || data.rotation_set(c.benchmark.get(), c.interval.get(), c.method.get())
    };
    let steps = {
        let set = set.clone();
        move || set().as_ref().as_ref().map_or(0, |s| s.timeline.len())
    };
    let position = {
        let steps = steps.clone();
        move || {
            let n = steps();
            c.scrub.get().map_or(n.saturating_sub(1), |s| s.min(n.saturating_sub(1)))
        }
    };
    let mark = {
        let (data, set) = (data.clone(), set.clone());
        move || {
            let s = set();
            crate::chart::rotation::slider_mark(&data.table.dates, &s.as_ref().as_ref().ok()?.timeline, c.published.get()?)
        }
    };
    let mark_title = {
        let (mark, format, m) = (mark.clone(), ctx.format.clone(), crate::app::messages());
        move || mark().and(c.published.get()).map(|day| words::slider_mark_title(&m, day, format.as_ref()))
    };
    let date_text = {
        let (data, mark, position) = (data.clone(), mark.clone(), position.clone());
        let (format, m) = (ctx.format.clone(), crate::app::messages());
        move || {
            let s = set();
            let Ok(s) = s.as_ref() else { return String::new() };
            let at_note = mark().filter(|k| position() == k.step).map(|k| k.day);
            c.scrub_index(&s.timeline).map(|i| words::day_read(&m, format.date(data.table.dates[i]), at_note)).unwrap_or_default()
        }
    };

    // Play steps one sample every 300 ms and stops at the end; the timer goes with the view.
    let timer: StoredValue<Option<IntervalHandle>, LocalStorage> = StoredValue::new_local(None);
    let stop = move || {
        timer.update_value(|t| {
            if let Some(h) = t.take() {
                h.clear();
            }
        });
    };
    let stepper = steps.clone();
    Effect::new(move |_| {
        if c.playing.get() {
            let steps = stepper.clone();
            let n = steps();
            if c.scrub.get_untracked().is_none_or(|s| s + 1 >= n) {
                c.scrub.set(Some(0));
            }
            let handle = set_interval_with_handle(
                move || {
                    let n = steps();
                    let next = c.scrub.get_untracked().map_or(n, |s| s + 1);
                    if next + 1 >= n {
                        c.scrub.set(None);
                        c.playing.set(false);
                    } else {
                        c.scrub.set(Some(next));
                    }
                },
                Duration::from_millis(300),
            )
            .ok();
            stop();
            timer.set_value(handle);
        } else {
            stop();
        }
    });
    on_cleanup(stop);
    let m = crate::app::messages();
    let play = [words::play_label(&m, false), words::play_label(&m, true)];
    let date_label = m.get("control.date");

    view! {
        <div class="rs-scrub">
            <button type="button" class="rs-button rs-play" data-testid="play"
                aria-pressed=move || c.playing.get().to_string()
                on:click=move |_| c.playing.update(|p| *p = !*p)>
                {move || play[usize::from(c.playing.get())]}
            </button>
            <span class="rs-scrub-track">
            <input type="range" class="rs-range rs-scrub-range" min="0" step="1" data-testid="scrub"
                aria-label=date_label
                aria-valuetext=date_text.clone()
                prop:max={
                    let steps = steps.clone();
                    move || steps().saturating_sub(1).to_string()
                }
                prop:value=move || position().to_string()
                on:input=move |ev| {
                    c.playing.set(false);
                    if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                        c.scrub.set(if v + 1 >= steps() { None } else { Some(v) });
                    }
                } />
            // Without a title (no note, or its day is not on the slider) the mark is not shown;
            // the stylesheet places it at its share of the track (--rs-mark) under the thumb.
            <span class="rs-scrub-mark" data-testid="note-mark" aria-hidden="true"
                title=mark_title
                style:--rs-mark=move || mark().map(|k| k.share.to_string()).unwrap_or_default()></span>
            </span>
            <output class="rs-scrub-date" data-testid="scrub-date">{date_text}</output>
        </div>
    }
}
