//! The rotation view: the relative rotation graph with its controls (benchmark, weekly or
//! daily, tail length, a date slider with play/pause), legend and ranking table.

use super::a11y::{ChartTable, unique_id, ChartExtras, ViewExports};
use super::chart_canvas::{ChartCanvas, ChartKeyboard, Painter, PointerAction};
use super::controls::{BenchmarkSelect, Legend, Segmented, Swatch, Tooltip, TooltipData, ViewError};
use super::state::{use_state, Controls, Looks};
use super::widget_context;
use crate::analysis::rotation::{periods_in_quadrant, Interval, RotationMethod, RotationPoint};
use crate::browser::canvas::CanvasSize;
use crate::chart::describe::{describe_extent, describe_rotation, points_in_view, Performer, SpreadFact};
use crate::model::Model;
use crate::chart::export::rotation_table;
use crate::chart::format::Format;
use crate::chart::gesture::{GestureOutcome, Gestures};
use crate::chart::rotation::{draw_rrg, draw_rrg_overlay, draw_zoom_rect, RrgSpec, RrgView, TailInput};
use std::cell::Cell;
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

/// Two opposite corners of the zoom rectangle being dragged, in device pixels.
type DragRect = ((f64, f64), (f64, f64));

/// The points of `rotation` up to table index `at`, the last `tail` of them.
fn visible_tail(points: &[RotationPoint], at: usize, tail: usize) -> Vec<RotationPoint> {
    let end = points.partition_point(|p| p.index <= at);
    points[end.saturating_sub(tail)..end].to_vec()
}

/// The tails on screen: (table position, points) of every shown symbol with points up to the
/// scrub date (tracked: benchmark, interval, tail, scrub, hidden).
fn visible_tails(data: &Model, c: Controls) -> Vec<(usize, Vec<RotationPoint>)> {
    let set = data.rotation_set(c.benchmark.get(), c.interval.get(), c.method.get());
    let Ok(set) = set.as_ref() else { return Vec::new() };
    let at = c.scrub_index(&set.timeline).unwrap_or(data.to);
    let tail = c.tail.get();
    set.rotations
        .iter()
        .filter(|r| !c.is_hidden(r.position))
        .map(|r| (r.position, visible_tail(&r.points, at, tail)))
        .filter(|(_, pts)| !pts.is_empty())
        .collect()
}

/// "IWM, Improving, RS-Ratio 99.20, RS-Momentum 101.40, week of Jun 8, 2026".
fn describe_point(symbol: &str, p: &RotationPoint, interval: Interval, fmt: &dyn Format) -> String {
    let when = match interval {
        Interval::Weekly => format!("week of {}", fmt.date(p.date.week_start())),
        Interval::Daily => fmt.date(p.date),
    };
    format!(
        "{symbol}, {}, RS-Ratio {}, RS-Momentum {}, {when}{}",
        p.quadrant.name(),
        fmt.number(p.rs_ratio, 2),
        fmt.number(p.rs_momentum, 2),
        if p.partial { ", week in progress" } else { "" }
    )
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
        move || data.rotation_set(c.benchmark.get(), c.interval.get(), c.method.get())
    };
    let shown: Rc<RefCell<Option<Shown>>> = Rc::new(RefCell::new(None));
    let hover: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let tooltip: RwSignal<Option<TooltipData>> = RwSignal::new(None);

    let scene_ref = NodeRef::<leptos::html::Canvas>::new();
    // The whole graph: rebuilt when data, controls, theme or size change; never on hover.
    let scene = {
        let (data, shown, ctx) = (data.clone(), shown.clone(), ctx.clone());
        Rc::new(move |size: CanvasSize| -> Painter {
            let palette = ctx.palette.get();
            let (positions, points): (Vec<usize>, Vec<Vec<RotationPoint>>) = visible_tails(&data, c).into_iter().unzip();
            if positions.is_empty() {
                *shown.borrow_mut() = None;
                return Rc::new(|_| {});
            }
            let inputs: Vec<TailInput> = positions
                .iter()
                .zip(&points)
                .map(|(&p, pts)| TailInput { symbol: data.symbol(p), colour: data.colour(&palette, p), marker: data.marker(p), emphasis: c.emphasis(p), points: pts })
                .collect();
            let spec = RrgSpec {
                tails: &inputs,
                width: size.device_width(),
                height: size.device_height(),
                ui: size.dpr,
                show_tails: c.show_tails.get(),
                show_labels: c.show_labels.get(),
                zoom: c.zoom.get(),
            };
            let view = RrgView::build(&spec, ctx.format.as_ref());
            *shown.borrow_mut() = Some(Shown { view: view.clone(), positions, points });
            Rc::new(move |area| {
                let _ = draw_rrg(area, &view, &palette);
            })
        })
    };

    // The hover ring and the zoom rectangle being dragged.
    let drag_rect: RwSignal<Option<DragRect>> = RwSignal::new(None);
    let overlay = {
        let shown = shown.clone();
        Rc::new(move |_size: CanvasSize| -> Painter {
            let palette = ctx.palette.get();
            let target = hover.get();
            let rect = drag_rect.get();
            let shown = shown.clone();
            Rc::new(move |area| {
                if let Some(s) = shown.borrow().as_ref() {
                    let hit = target.and_then(|(pos, k)| s.positions.iter().position(|&p| p == pos).map(|t| (t, k)));
                    let _ = draw_rrg_overlay(area, &s.view, &palette, hit);
                    if let Some((a, b)) = rect {
                        let _ = draw_zoom_rect(area, &s.view, &palette, a, b);
                    }
                }
            })
        })
    };
    let gestures = Rc::new(RefCell::new(Gestures::new(1.0)));
    // A click that ends a drag only zooms; it does not pin.
    let dragged = Rc::new(Cell::new(false));

    let on_pointer = {
        let (data, shown) = (data.clone(), shown.clone());
        let format = ctx.format.clone();
        Rc::new(move |action: PointerAction| {
            let shown = shown.borrow();
            let Some(s) = shown.as_ref() else { return };
            let radius = 10.0 * s.view.ui;
            let outcome = {
                let mut g = gestures.borrow_mut();
                match action {
                    PointerAction::Down { x, y, id, touch } => {
                        g.set_ui(s.view.ui);
                        g.down(id, (x, y), touch, s.view.viewport())
                    }
                    PointerAction::Move { x, y, id, .. } => g.moved(id, (x, y), s.view.plot),
                    PointerAction::Up { x, y, id } => g.up(id, (x, y)),
                    _ => GestureOutcome::None,
                }
            };
            match outcome {
                GestureOutcome::Rectangle(a, b) => {
                    hover.set(None);
                    tooltip.set(None);
                    drag_rect.set(Some((a, b)));
                    return;
                }
                GestureOutcome::ZoomTo(a, b) => {
                    drag_rect.set(None);
                    dragged.set(true);
                    if let Some(v) = s.view.viewport_from_pixels(a, b) {
                        c.zoom.set(Some(v));
                    }
                    return;
                }
                GestureOutcome::Pinch(v) => {
                    tooltip.set(None);
                    c.zoom.set(Some(v));
                    return;
                }
                GestureOutcome::None if gestures.borrow().active() => return,
                GestureOutcome::None => {}
            }
            match action {
                PointerAction::Down { .. } | PointerAction::Up { .. } => {}
                PointerAction::DoubleClick { .. } => c.zoom.set(None),
                PointerAction::Move { x, y, css_x, css_y, .. } => match s.view.hit_test(x, y, radius) {
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
                PointerAction::Click { .. } if dragged.replace(false) => {}
                PointerAction::Click { x, y } => {
                    let hit = s.view.hit_test(x, y, radius).map(|(t, _)| s.positions[t]);
                    c.pinned.update(|p| *p = if hit.is_some() && *p == hit { None } else { hit });
                }
                PointerAction::Leave => {
                    drag_rect.set(None);
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
                "Relative rotation graph of {} symbols against {}: RS-Ratio across, RS-Momentum up. Plus and minus zoom, 0 fits.",
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

    // Keyboard: Up/Down from symbol to symbol, Left/Right along its tail, Home/End to the ends,
    // Enter highlights, Escape leaves. The focused point gets the hover ring and tooltip, and the
    // live region says what it is.
    let focus: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let summary_id = unique_id("rs-summary");
    let keyboard = {
        let (data, shown, shown_for_keys) = (data.clone(), shown.clone(), shown.clone());
        let format = ctx.format.clone();
        let show = move |t: usize, k: usize| {
            let shown = shown.borrow();
            let Some(s) = shown.as_ref() else { return };
            let (pos, p) = (s.positions[t], &s.points[t][k]);
            let dot = &s.view.tails[t].points[k];
            hover.set(Some((pos, k)));
            c.hovered.set(Some(pos));
            let (x, y, w, h) = (dot.x / s.view.ui, dot.y / s.view.ui, s.view.width / s.view.ui, s.view.height / s.view.ui);
            let title = data.name(pos).map_or_else(|| data.symbol(pos).to_owned(), |n| format!("{} · {n}", data.symbol(pos)));
            let lines = vec![
                format!("{}{}", format.date(p.date), if p.partial { " (week in progress)" } else { "" }),
                format!("RS-Ratio {}", format.number(p.rs_ratio, 2)),
                format!("RS-Momentum {}", format.number(p.rs_momentum, 2)),
                p.quadrant.name().to_owned(),
            ];
            tooltip.set(Some(TooltipData::beside(x, y, w, h, title, lines)));
            c.announce.set(describe_point(data.symbol(pos), p, c.interval.get_untracked(), format.as_ref()));
        };
        let on_key = Rc::new(move |ev: &web_sys::KeyboardEvent| -> bool {
            let key = ev.key();
            // + and − zoom about the middle of the plot, 0 fits everything again.
            let zoom_step = match key.as_str() {
                "+" | "=" => Some(0.5),
                "-" | "_" => Some(2.0),
                _ => None,
            };
            if let Some(factor) = zoom_step {
                if let Some(s) = shown_for_keys.borrow().as_ref() {
                    let p = s.view.plot;
                    c.zoom.set(Some(s.view.zoomed_by(factor, ((p.left + p.right) / 2.0, (p.top + p.bottom) / 2.0))));
                }
                return true;
            }
            if key == "0" {
                c.zoom.set(None);
                return true;
            }
            // Only the points inside the plot (all of them unless zoomed) are reachable: per
            // tail, the indices of its visible points.
            let reachable: Vec<Vec<usize>> = match shown_for_keys.borrow().as_ref() {
                Some(s) => s.view.tails.iter().map(|t| (0..t.points.len()).filter(|&k| t.points.get(k).is_some_and(|d| s.view.plot.contains(d.x, d.y))).collect()).collect(),
                None => return false,
            };
            let tails: Vec<usize> = (0..reachable.len()).filter(|&t| !reachable[t].is_empty()).collect();
            if tails.is_empty() {
                return false;
            }
            let last_of = |t: usize| reachable[t].last().copied().unwrap_or(0);
            let step = |t: usize, k: usize, forward: bool| -> usize {
                let r = &reachable[t];
                let next = if forward { r.iter().find(|&&j| j > k) } else { r.iter().rev().find(|&&j| j < k) };
                next.copied().unwrap_or(k)
            };
            if key == "Escape" {
                focus.set(None);
                hover.set(None);
                c.hovered.set(None);
                tooltip.set(None);
                if let Some(el) = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok()) {
                    let _ = el.blur();
                }
                return true;
            }
            let current = focus.get_untracked().filter(|&(t, k)| reachable.get(t).is_some_and(|r| r.contains(&k)));
            let n = tails.len();
            let slot = |t: usize| tails.iter().position(|&x| x == t).unwrap_or(0);
            let next = match (key.as_str(), current) {
                ("ArrowDown" | "ArrowUp" | "ArrowLeft" | "ArrowRight" | "Home" | "End", None) => Some((tails[0], last_of(tails[0]))),
                ("ArrowDown", Some((t, _))) => Some((tails[(slot(t) + 1) % n], last_of(tails[(slot(t) + 1) % n]))),
                ("ArrowUp", Some((t, _))) => Some((tails[(slot(t) + n - 1) % n], last_of(tails[(slot(t) + n - 1) % n]))),
                ("ArrowLeft", Some((t, k))) => Some((t, step(t, k, false))),
                ("ArrowRight", Some((t, k))) => Some((t, step(t, k, true))),
                ("Home", Some((t, _))) => Some((t, reachable[t].first().copied().unwrap_or(0))),
                ("End", Some((t, _))) => Some((t, last_of(t))),
                ("Enter" | " ", Some((t, _))) => {
                    let pos = shown_for_keys.borrow().as_ref().map(|s| s.positions[t]);
                    c.pinned.update(|p| *p = if *p == pos { None } else { pos });
                    return true;
                }
                _ => return false,
            };
            if let Some((t, k)) = next {
                focus.set(Some((t, k)));
                show(t, k);
            }
            true
        });
        ChartKeyboard {
            on_key,
            on_blur: Rc::new(move || {
                focus.set(None);
                hover.set(None);
                c.hovered.set(None);
                tooltip.set(None);
            }),
            described_by: summary_id.clone(),
        }
    };

    let summary = {
        let data = data.clone();
        let format = ctx.format.clone();
        Signal::derive(move || {
            let heads: Vec<(String, RotationPoint)> = visible_tails(&data, c)
                .into_iter()
                .filter_map(|(p, pts)| pts.last().cloned().map(|h| (data.symbol(p).to_owned(), h)))
                .collect();
            let as_of = heads.iter().map(|(_, h)| h.date).max().unwrap_or(data.table.dates[data.to]);
            let period = c.period.get();
            let (performers, _) = data.performers(c.benchmark.get(), period);
            let performers: Vec<Performer> = performers.iter().map(Performer::from).collect();
            let spread = data.basket_spread(period).as_ref().map(SpreadFact::from);
            let rotation = describe_rotation(data.symbol(c.benchmark.get()), c.interval.get(), as_of, &heads, &period.to_string(), &performers, spread.as_ref(), format.as_ref());
            format!("{rotation} {}", describe_extent(c.method.get(), data.window, c.zoom.get(), format.as_ref()))
        })
    };
    let table_open = RwSignal::new(false);
    let exports = {
        let (d1, d2, d3) = (data.clone(), data.clone(), data.clone());
        let palette = ctx.palette;
        let format = ctx.format.clone();
        let table_format = ctx.format.clone();
        ViewExports {
            table: Rc::new(move || {
                let zoom = c.zoom.get_untracked();
                let tails: Vec<(String, Vec<RotationPoint>)> = visible_tails(&d1, c)
                    .into_iter()
                    .map(|(p, pts)| (d1.symbol(p).to_owned(), points_in_view(&pts, zoom)))
                    .filter(|(_, pts)| !pts.is_empty())
                    .collect();
                let caption = format!(
                    "RS-Ratio and RS-Momentum against {}, the last {} {} of each tail. {}",
                    d1.symbol(c.benchmark.get_untracked()),
                    c.tail.get_untracked(),
                    unit(c.interval.get_untracked(), c.tail.get_untracked()),
                    describe_extent(c.method.get_untracked(), d1.window, zoom, table_format.as_ref())
                );
                rotation_table(caption, &tails)
            }),
            frame: Rc::new(move || {
                let palette = palette.get_untracked();
                let legend = visible_tails(&d2, c).iter().map(|(p, _)| (d2.symbol(*p).to_owned(), d2.colour(&palette, *p))).collect();
                let title = format!("Relative rotation against {} · {}", d2.symbol(c.benchmark.get_untracked()), format.date(d2.table.dates[d2.to]));
                (title, legend)
            }),
            naming: Rc::new(move || ("rotation", visible_tails(&d3, c).iter().map(|(p, _)| d3.symbol(*p).to_owned()).collect())),
            scene: scene_ref,
        }
    };
    let table_rows = exports.table.clone();

    view! {
        <div class="rs-toolbar">
            <BenchmarkSelect />
            <Segmented label="Interval" value=c.interval testid="interval"
                options=vec![(Interval::Weekly, "Weekly".to_string()), (Interval::Daily, "Daily".to_string())] />
            <MethodSelect />
            <TailControl />
            <GraphToggles />
        </div>
        <MethodNote />
        {error}
        <ChartExtras summary=summary summary_id=summary_id exports=exports table_open=table_open />
        <ChartCanvas height=ctx.height label=label scene=scene overlay=overlay on_pointer=on_pointer keyboard=keyboard scene_ref=scene_ref>
            <Tooltip data=tooltip />
        </ChartCanvas>
        <ChartTable open=table_open table=table_rows />
        <ScrubBar />
        <Legend />
        <RankingTable />
    }
}

/// Which formula draws the graph (README "Formulas"): the default rotates, `zscore` matches
/// RRGPy and RRG-Lite.
#[component]
fn MethodSelect() -> impl IntoView {
    let (_, c) = use_state();
    let options = RotationMethod::ALL
        .into_iter()
        .map(|m| {
            let text = match m {
                RotationMethod::RatioRoc => "Trend & rate of change",
                RotationMethod::Zscore => "Z-score (RRG-Lite)",
            };
            view! { <option value=m.name() selected=move || c.method.get() == m>{text}</option> }
        })
        .collect_view();
    view! {
        <label class="rs-field">
            <span class="rs-field-label">"Method"</span>
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

/// Says which method draws the graph and with what window.
#[component]
fn MethodNote() -> impl IntoView {
    let (data, c) = use_state();
    let text = move || {
        let m = c.method.get();
        format!("RS-Ratio and RS-Momentum by {}: {}, window {}", m.name(), m.description(), data.window)
    };
    view! { <p class="rs-method-note" data-testid="method-note">{text}</p> }
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
            <input type="range" class="rs-range" min="1" max=c.tail_max.to_string() step="1" data-testid="tail"
                prop:value=move || c.tail.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                        c.tail.set(v.clamp(1, c.tail_max));
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
    let toggle = |signal: RwSignal<bool>, text: &'static str, testid: &'static str| {
        view! {
            <button type="button" class="rs-seg" data-testid=testid
                aria-pressed=move || signal.get().to_string()
                on:click=move |_| signal.update(|on| *on = !*on)>{text}</button>
        }
    };
    view! {
        <div class="rs-segmented" role="group" aria-label="Graph">
            {toggle(c.show_tails, "Tails", "show-tails")}
            {toggle(c.show_labels, "Labels", "show-labels")}
            <button type="button" class="rs-seg" data-testid="reset-zoom"
                disabled=move || c.zoom.get().is_none()
                on:click=move |_| c.zoom.set(None)>"Reset zoom"</button>
        </div>
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
        let s = data.rotation_set(c.benchmark.get(), c.interval.get(), c.method.get());
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
