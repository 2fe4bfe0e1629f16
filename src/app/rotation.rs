//! The rotation view: the relative rotation graph with its controls (benchmark, weekly or
//! daily, tail length, a date slider with play/pause), legend and ranking table.

use super::chart_canvas::{ChartCanvas, Painter, PointerAction};
use super::controls::{BenchmarkSelect, Legend, Segmented, Swatch, Tooltip, TooltipData, ViewError};
use super::state::use_state;
use super::widget_context;
use crate::analysis::rotation::{periods_in_quadrant, Interval, RotationPoint};
use crate::browser::canvas::CanvasSize;
use crate::chart::rotation::{draw_rrg, draw_rrg_overlay, RrgSpec, RrgView, TailInput};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

/// What is on screen: the laid-out graph and, per tail, the symbol and its shown points (for
/// hit-testing and tooltips without recomputing anything).
struct Shown {
    view: RrgView,
    positions: Vec<usize>,
    points: Vec<Vec<RotationPoint>>,
}

/// The points of `rotation` up to table index `at`, the last `tail` of them.
fn visible_tail(points: &[RotationPoint], at: usize, tail: usize) -> Vec<RotationPoint> {
    let end = points.partition_point(|p| p.index <= at);
    points[end.saturating_sub(tail)..end].to_vec()
}

/// The unit of the tail and the streak in words.
fn unit(interval: Interval, n: usize) -> &'static str {
    match (interval, n) {
        (Interval::Weekly, 1) => "week",
        (Interval::Weekly, _) => "weeks",
        (Interval::Daily, 1) => "day",
        (Interval::Daily, _) => "days",
    }
}

#[component]
pub fn RotationView() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let set = {
        let data = data.clone();
        move || data.rotation_set(c.benchmark.get(), c.interval.get())
    };
    let shown: Rc<RefCell<Option<Shown>>> = Rc::new(RefCell::new(None));
    let hover: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let tooltip: RwSignal<Option<TooltipData>> = RwSignal::new(None);

    // The whole graph: rebuilt when data, controls, theme or size change; never on hover.
    let scene = {
        let (data, shown, set, ctx) = (data.clone(), shown.clone(), set.clone(), ctx.clone());
        Rc::new(move |size: CanvasSize| -> Painter {
            let palette = ctx.palette.get();
            let set = set();
            let tail = c.tail.get();
            let Ok(set) = set.as_ref() else {
                *shown.borrow_mut() = None;
                return Rc::new(|_| {});
            };
            let at = c.scrub_index(&set.timeline).unwrap_or(data.to);
            let mut positions = Vec::new();
            let mut points = Vec::new();
            for r in &set.rotations {
                let pts = visible_tail(&r.points, at, tail);
                if !c.is_hidden(r.position) && !pts.is_empty() {
                    positions.push(r.position);
                    points.push(pts);
                }
            }
            let inputs: Vec<TailInput> = positions
                .iter()
                .zip(&points)
                .map(|(&p, pts)| TailInput { symbol: data.symbol(p), colour: data.colour(&palette, p), marker: data.marker(p), emphasis: c.emphasis(p), points: pts })
                .collect();
            let view = RrgView::build(&RrgSpec { tails: &inputs, width: size.device_width(), height: size.device_height(), ui: size.dpr }, ctx.format.as_ref());
            *shown.borrow_mut() = Some(Shown { view: view.clone(), positions, points });
            Rc::new(move |area| {
                let _ = draw_rrg(area, &view, &palette);
            })
        })
    };

    // The hover ring only.
    let overlay = {
        let shown = shown.clone();
        Rc::new(move |_size: CanvasSize| -> Painter {
            let palette = ctx.palette.get();
            let target = hover.get();
            let shown = shown.clone();
            Rc::new(move |area| {
                if let Some(s) = shown.borrow().as_ref() {
                    let hit = target.and_then(|(pos, k)| s.positions.iter().position(|&p| p == pos).map(|t| (t, k)));
                    let _ = draw_rrg_overlay(area, &s.view, &palette, hit);
                }
            })
        })
    };

    let on_pointer = {
        let (data, shown) = (data.clone(), shown.clone());
        let format = ctx.format.clone();
        Rc::new(move |action: PointerAction| {
            let shown = shown.borrow();
            let Some(s) = shown.as_ref() else { return };
            let radius = 10.0 * s.view.ui;
            match action {
                PointerAction::Move { x, y, css_x, css_y } => match s.view.hit_test(x, y, radius) {
                    Some((t, k)) => {
                        let (pos, p) = (s.positions[t], &s.points[t][k]);
                        hover.set(Some((pos, k)));
                        c.hovered.set(Some(pos));
                        let title = match data.name(pos) {
                            Some(n) => format!("{} · {n}", data.symbol(pos)),
                            None => data.symbol(pos).to_owned(),
                        };
                        let mut lines = vec![
                            format!("{}{}", format.date(p.date), if p.partial { " (week in progress)" } else { "" }),
                            format!("RS-Ratio {}", format.number(p.rs_ratio, 2)),
                            format!("RS-Momentum {}", format.number(p.rs_momentum, 2)),
                        ];
                        lines.push(p.quadrant.name().to_owned());
                        let (w, h) = (s.view.width / s.view.ui, s.view.height / s.view.ui);
                        tooltip.set(Some(TooltipData::beside(css_x, css_y, w, h, title, lines)));
                    }
                    None => {
                        if hover.get_untracked().is_some() {
                            hover.set(None);
                            c.hovered.set(None);
                            tooltip.set(None);
                        }
                    }
                },
                PointerAction::Click { x, y } => {
                    let hit = s.view.hit_test(x, y, radius).map(|(t, _)| s.positions[t]);
                    c.pinned.update(|p| *p = if hit.is_some() && *p == hit { None } else { hit });
                }
                PointerAction::Leave => {
                    hover.set(None);
                    c.hovered.set(None);
                    tooltip.set(None);
                }
            }
        })
    };

    let label = {
        let data = data.clone();
        Signal::derive(move || {
            format!(
                "Relative rotation graph of {} symbols against {}: RS-Ratio across, RS-Momentum up",
                data.members.len().saturating_sub(1),
                data.symbol(c.benchmark.get())
            )
        })
    };
    let error = {
        let set = set.clone();
        move || match set().as_ref() {
            Err(e) => Some(view! { <ViewError message=e.to_string() /> }),
            Ok(_) => None,
        }
    };

    view! {
        <div class="rs-toolbar">
            <BenchmarkSelect />
            <Segmented label="Interval" value=c.interval testid="interval"
                options=vec![(Interval::Weekly, "Weekly".to_string()), (Interval::Daily, "Daily".to_string())] />
            <TailControl />
        </div>
        {error}
        <ChartCanvas height=ctx.height label=label scene=scene overlay=overlay on_pointer=on_pointer>
            <Tooltip data=tooltip />
        </ChartCanvas>
        <ScrubBar />
        <Legend />
        <RankingTable />
    }
}

#[component]
fn TailControl() -> impl IntoView {
    let (_, c) = use_state();
    view! {
        <label class="rs-field">
            <span class="rs-field-label">
                "Tail " <output data-testid="tail-value">{move || c.tail.get()}</output>
                {move || format!(" {}", unit(c.interval.get(), c.tail.get()))}
            </span>
            <input type="range" class="rs-range" min="1" max="52" step="1" data-testid="tail"
                prop:value=move || c.tail.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                        c.tail.set(v.clamp(1, 52));
                    }
                } />
        </label>
    }
}

/// The date slider and play/pause: scrubbing moves every tail back in time without
/// recomputing anything.
#[component]
fn ScrubBar() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let set = {
        let data = data.clone();
        move || data.rotation_set(c.benchmark.get(), c.interval.get())
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
    let date_text = {
        let data = data.clone();
        let format = ctx.format.clone();
        move || {
            let s = set();
            let Ok(s) = s.as_ref() else { return String::new() };
            c.scrub_index(&s.timeline).map(|i| format.date(data.table.dates[i])).unwrap_or_default()
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

    view! {
        <div class="rs-scrub">
            <button type="button" class="rs-button rs-play" data-testid="play"
                aria-pressed=move || c.playing.get().to_string()
                on:click=move |_| c.playing.update(|p| *p = !*p)>
                {move || if c.playing.get() { "Pause" } else { "Play" }}
            </button>
            <input type="range" class="rs-range rs-scrub-range" min="0" step="1" data-testid="scrub"
                aria-label="Date"
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
            <output class="rs-scrub-date" data-testid="scrub-date">{date_text}</output>
        </div>
    }
}

/// Symbol, quadrant, RS-Ratio, RS-Momentum and time in quadrant at the shown date, strongest
/// RS-Ratio first. Choosing a row pins that symbol's highlight.
#[component]
fn RankingTable() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let names = data.has_names();
    let rows = move || {
        let s = data.rotation_set(c.benchmark.get(), c.interval.get());
        let Ok(s) = s.as_ref() else { return Vec::new() };
        let at = c.scrub_index(&s.timeline).unwrap_or(data.to);
        let mut rows: Vec<(usize, RotationPoint, usize)> = s
            .rotations
            .iter()
            .filter_map(|r| {
                let end = r.points.partition_point(|p| p.index <= at);
                let head = r.points[..end].last()?.clone();
                Some((r.position, head, periods_in_quadrant(&r.points[..end])))
            })
            .collect();
        rows.sort_by(|a, b| b.1.rs_ratio.total_cmp(&a.1.rs_ratio));
        rows.into_iter()
            .map(|(p, head, streak)| {
                let palette = ctx.palette;
                let colours = data.clone();
                let colour = Signal::derive(move || colours.colour(&palette.get(), p));
                let quadrant = head.quadrant;
                let interval = c.interval.get_untracked();
                view! {
                    <tr class=move || if c.is_hidden(p) { "rs-row rs-row-hidden" } else { "rs-row" }
                        class:rs-row-pinned=move || c.pinned.get() == Some(p)
                        on:mouseenter=move |_| c.hovered.set(Some(p))
                        on:mouseleave=move |_| c.hovered.set(None)>
                        <th scope="row">
                            <button type="button" class="rs-link" aria-pressed=move || (c.pinned.get() == Some(p)).to_string()
                                on:click=move |_| c.pinned.update(|x| *x = if *x == Some(p) { None } else { Some(p) })>
                                <Swatch colour=colour marker=data.marker(p) />
                                {data.symbol(p).to_owned()}
                            </button>
                        </th>
                        {names.then(|| view! { <td class="rs-name">{data.name(p).unwrap_or("").to_owned()}</td> })}
                        <td><span class=format!("rs-quadrant rs-q-{}", quadrant.name().to_lowercase())>{quadrant.name()}</span></td>
                        <td class="rs-num">{ctx.format.number(head.rs_ratio, 2)}</td>
                        <td class="rs-num">{ctx.format.number(head.rs_momentum, 2)}</td>
                        <td class="rs-num">{format!("{streak} {}", unit(interval, streak))}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <div class="rs-table-wrap">
            <table class="rs-table" data-testid="ranking">
                <caption class="rs-caption">"Ranking by RS-Ratio at the date shown"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Symbol"</th>
                        {names.then(|| view! { <th scope="col" class="rs-name">"Name"</th> })}
                        <th scope="col">"Quadrant"</th>
                        <th scope="col" class="rs-num">"RS-Ratio"</th>
                        <th scope="col" class="rs-num">"RS-Momentum"</th>
                        <th scope="col" class="rs-num">"In quadrant"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
