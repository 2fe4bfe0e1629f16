//! The trend view: one symbol's price with its 50- and 200-day moving averages and a dashed
//! line at the prior high, labelled with its value, date and the distance from it.

use super::a11y::{unique_id, ChartExtras, ChartTable, ViewExports};
use super::chart_canvas::{ChartCanvas, Paint};
use super::a11y::{line_keyboard, LineNav};
use super::chart_canvas::{PointerAction, PointerHandler};
use super::controls::{Tooltip, TooltipData, ViewError};
use super::line_surface::{LineSurface, Read};
use super::performance::PeriodControl;
use super::state::{use_state, Looks};
use super::widget_context;
use crate::browser::canvas::CanvasSize;
use crate::chart::describe::describe_trend;
use crate::chart::export::{add_rotation_columns, lines_table};
use crate::chart::rs_lines::{self, draw_rs_lines, draw_rs_overlay, history_of, in_period, rs_gutters, NoPanel, RsLinesSpec, RsLinesView};
use crate::chart::format::Format;
use crate::chart::words;
use crate::chart::Palette;
use crate::analysis::lines::Line;
use crate::analysis::rotation::Quadrant;
use crate::analysis::trend::TrendLines;
use crate::chart::performance::{draw_line_chart, prior_high_labels, LineChartSpec, LineChartView, PlotLine, ReferenceLine, ValueKind};
use crate::chart::paint::Painter;
use super::state::{Controls, SharedData};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// The lines on screen, with their names: the close, then the averages that exist.
fn named_lines(lines: &TrendLines) -> Vec<(&'static str, &Line)> {
    let mut out = vec![(words::CLOSE, &lines.close)];
    out.extend(lines.sma50.as_ref().map(|l| (words::SMA50, l)));
    out.extend(lines.sma200.as_ref().map(|l| (words::SMA200, l)));
    out
}

/// The price chart laid out for a canvas of `size`, and the RS panel under it (`panel_height`
/// CSS px tall, as wide) or why there is none. The price chart reserves the panel's label room
/// and the panel takes the price chart's x axis, so their dates line up; both canvases' scenes
/// call this for the same width.
fn layout(data: &SharedData, c: Controls, size: CanvasSize, panel_height: f64, palette: &Palette, format: &dyn Format) -> Option<(LineChartView, Result<RsLinesView, NoPanel>)> {
    let (symbol, period) = (c.trend_symbol.get(), c.period.get());
    let trend = data.trend(symbol, period);
    let (lines, from) = trend.as_ref().as_ref()?;
    let benchmark = c.benchmark.get();
    let set = data.rotation_set(benchmark, c.interval.get(), c.method.get());
    let history = history_of(&set, symbol, benchmark);
    let panel_device = (panel_height * size.dpr).round();
    let gutters = history.map_or((0.0, 0.0), |h| rs_gutters(h, *from, data.to, panel_device, size.dpr, format));
    let colour = data.colour(palette, symbol);
    let mut plot = vec![PlotLine { label: data.symbol(symbol), colour, dashed: false, faded: false, line: &lines.close, unit: None }];
    if let Some(l) = &lines.sma50 {
        plot.push(PlotLine { label: words::SMA50, colour: palette.text, dashed: false, faded: false, line: l, unit: None });
    }
    if let Some(l) = &lines.sma200 {
        plot.push(PlotLine { label: words::SMA200, colour: palette.muted, dashed: true, faded: false, line: l, unit: None });
    }
    let s = &lines.summary;
    let reference: Vec<ReferenceLine> = s
        .prior_high
        .zip(s.prior_high_date)
        .map(|(high, date)| ReferenceLine { value: high, labels: prior_high_labels(high, date, s.from_high_pct, format), colour: palette.quadrant_text[2] })
        .into_iter()
        .collect();
    let price = LineChartView::build(
        &LineChartSpec {
            dates: &data.table.dates,
            from: *from,
            to: data.to,
            lines: &plot,
            kind: ValueKind::Price,
            reference: &reference,
            width: size.device_width(),
            height: size.device_height(),
            ui: size.dpr,
            gutters,
        },
        format,
    );
    let panel = history.and_then(|h| {
        RsLinesView::build(&RsLinesSpec { history: h, price: &price, height: panel_device, colours: [colour, palette.text] }, format).ok_or(NoPanel::NoneInPeriod)
    });
    Some((price, panel))
}

/// The panel's one line (tracked): whether it draws, and what it shows or why it shows nothing.
fn panel_line(data: &SharedData, c: Controls) -> (bool, String) {
    let (symbol, benchmark) = (c.trend_symbol.get(), c.benchmark.get());
    let (interval, method) = (c.interval.get(), c.method.get());
    let set = data.rotation_set(benchmark, interval, method);
    let shown = history_of(&set, symbol, benchmark).and_then(|h| {
        let trend = data.trend(symbol, c.period.get());
        let from = trend.as_ref().as_ref().map_or(data.to, |(_, from)| *from);
        if in_period(h, from, data.to).1.is_empty() { Err(NoPanel::NoneInPeriod) } else { Ok(()) }
    });
    let (name, bench) = (data.symbol(symbol), data.symbol(benchmark));
    match shown {
        Ok(()) => (true, rs_lines::panel_title(name, bench, interval, method, data.window)),
        Err(why) => (false, rs_lines::panel_unavailable(why, name, bench, interval, method, data.window)),
    }
}

/// The quadrant key's swatches, in [`Quadrant::ALL`] order (fills and text from the theme).
const KEY_CLASSES: [&str; 4] = ["rs-key-leading", "rs-key-weakening", "rs-key-lagging", "rs-key-improving"];

#[component]
pub fn TrendView() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let surface = LineSurface::new();
    let scene_ref = NodeRef::<leptos::html::Canvas>::new();
    let rs_scene_ref = NodeRef::<leptos::html::Canvas>::new();

    // The RS panel's height: a third of the price chart's.
    let panel_height = (ctx.height / 3.0).round();
    let scene = {
        let (data, surface) = (data.clone(), surface.clone());
        let format = ctx.format.clone();
        Rc::new(move |size: CanvasSize| -> Paint {
            let palette = ctx.palette.get();
            let Some((view, _)) = layout(&data, c, size, panel_height, &palette, format.as_ref()) else {
                *surface.view.borrow_mut() = None;
                return Rc::new(|_| {});
            };
            *surface.view.borrow_mut() = Some(view.clone());
            Rc::new(move |pen: &mut dyn Painter| {
                draw_line_chart(pen, &view, &palette);
            })
        })
    };

    // The RS panel: its own canvas, laid out on the price chart's x axis (the same layout,
    // for the same width), sharing the crosshair (`surface.cursor`).
    let rs: Rc<RefCell<Option<RsLinesView>>> = Rc::new(RefCell::new(None));
    let rs_focus: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let rs_tooltip: RwSignal<Option<TooltipData>> = RwSignal::new(None);
    let rs_scene = {
        let (data, rs) = (data.clone(), rs.clone());
        let format = ctx.format.clone();
        Rc::new(move |size: CanvasSize| -> Paint {
            let palette = ctx.palette.get();
            let price_size = CanvasSize { css_height: ctx.height, ..size };
            let view = layout(&data, c, price_size, panel_height, &palette, format.as_ref()).and_then(|(_, panel)| panel.ok());
            rs.borrow_mut().clone_from(&view);
            let Some(view) = view else { return Rc::new(|_| {}) };
            Rc::new(move |pen: &mut dyn Painter| draw_rs_lines(pen, &view, &palette))
        })
    };
    let rs_overlay = {
        let (rs, cursor) = (rs.clone(), surface.cursor);
        Rc::new(move |_size: CanvasSize| -> Paint {
            let palette = ctx.palette.get();
            let (index, focus) = (cursor.get(), rs_focus.get());
            let rs = rs.clone();
            Rc::new(move |pen: &mut dyn Painter| {
                if let Some(v) = rs.borrow().as_ref() {
                    draw_rs_overlay(pen, v, &palette, index, focus);
                }
            })
        })
    };
    // Shows point `k`'s reading beside (`x`, `y`) device pixels, with the crosshair on its date.
    let rs_show = {
        let (rs, cursor) = (rs.clone(), surface.cursor);
        let format = ctx.format.clone();
        Rc::new(move |k: usize, x: f64, y: f64| {
            let view = rs.borrow();
            let Some((v, p)) = view.as_ref().and_then(|v| Some((v, v.points.get(k)?))) else { return };
            cursor.set(Some(p.point.index));
            let (title, rows) = rs_lines::reading_rows(&p.point, format.as_ref());
            rs_tooltip.set(Some(TooltipData::beside(x / v.ui, y / v.ui, v.width / v.ui, v.height / v.ui, title, rows)));
        })
    };
    let rs_clear = {
        let cursor = surface.cursor;
        Rc::new(move || {
            cursor.set(None);
            rs_tooltip.set(None);
        })
    };
    let rs_pointer: PointerHandler = {
        let (rs, show, clear) = (rs.clone(), rs_show.clone(), rs_clear.clone());
        Rc::new(move |action: PointerAction| match action {
            PointerAction::Move { x, y, .. } => match rs.borrow().as_ref().and_then(|v| v.reading_at(x)) {
                Some(k) => show(k, x, y),
                None => clear(),
            },
            PointerAction::Leave => clear(),
            _ => {}
        })
    };

    // What a date reads: close and the averages that exist (hover and keyboard alike).
    let read: Read = {
        let data = data.clone();
        let format = ctx.format.clone();
        Rc::new(move |i: usize| {
            let trend = data.trend(c.trend_symbol.get_untracked(), c.period.get_untracked());
            let rows = trend
                .as_ref()
                .iter()
                .flat_map(|(lines, _)| named_lines(lines))
                .filter_map(|(name, line)| line.at(i).map(|x| words::reading(name, &format.number(x, 2))))
                .collect();
            (format.date(data.table.dates[i]), rows)
        })
    };
    let summary_id = unique_id("rs-summary");
    let keyboard = {
        let data = data.clone();
        let format = ctx.format.clone();
        let announce = Rc::new(move |l: usize, i: usize| {
            let symbol = c.trend_symbol.get_untracked();
            let trend = data.trend(symbol, c.period.get_untracked());
            let Some((name, line)) = trend.as_ref().as_ref().and_then(|(lines, _)| named_lines(lines).into_iter().nth(l)) else { return };
            let who = words::trend_line_owner(data.symbol(symbol), name);
            let day = format.date(data.table.dates[i]);
            c.announce.set(words::value_on(&who, line.at(i).map(|x| format.number(x, 2)).as_deref(), &day));
        });
        surface.keyboard(read.clone(), announce, Rc::new(|_| {}), summary_id.clone())
    };
    // The panel's keyboard: Up/Down between RS-Ratio and RS-Momentum, Left/Right from point
    // to point (the "index" is the point's place in the period).
    let rs_keyboard = {
        let (rs, data, show, clear) = (rs.clone(), data.clone(), rs_show.clone(), rs_clear.clone());
        let shape_of = rs.clone();
        let format = ctx.format.clone();
        line_keyboard(
            LineNav {
                shape: Rc::new(move || shape_of.borrow().as_ref().and_then(|v| Some((rs_lines::LINE_NAMES.len(), 0, v.points.len().checked_sub(1)?)))),
                show: Rc::new(move |line, k| {
                    let found = rs.borrow().as_ref().and_then(|v| Some((v.line_point(line, k)?, v.points.get(k)?.point.clone())));
                    let Some(((x, y), point)) = found else { return };
                    show(k, x, y);
                    c.announce.set(rs_lines::announce_point(data.symbol(c.trend_symbol.get_untracked()), line, &point, format.as_ref()));
                }),
                choose: Rc::new(|_| {}),
                clear: Rc::new(move || clear()),
            },
            rs_focus,
            summary_id.clone(),
        )
    };
    let rs_label = {
        let data = data.clone();
        Signal::derive(move || rs_lines::panel_label(data.symbol(c.trend_symbol.get()), data.symbol(c.benchmark.get())))
    };
    let overlay = surface.overlay(ctx.palette, || None);
    let on_pointer = surface.pointer(read);
    let tooltip = surface.tooltip;
    let summary = {
        let data = data.clone();
        let format = ctx.format.clone();
        Signal::derive(move || {
            let symbol = c.trend_symbol.get();
            let trend = data.trend(symbol, c.period.get());
            let Some((lines, from)) = trend.as_ref() else { return words::no_closes_sentence(data.symbol(symbol)) };
            let s = &lines.summary;
            let mut text = describe_trend(data.symbol(symbol), s.date, s.close, s.sma50, s.sma200, s.prior_high.zip(s.prior_high_date), s.from_high_pct, format.as_ref());
            let benchmark = c.benchmark.get();
            let set = data.rotation_set(benchmark, c.interval.get(), c.method.get());
            if let Some(last) = history_of(&set, symbol, benchmark).ok().and_then(|h| in_period(h, *from, data.to).1.last()) {
                text.push_str(&rs_lines::describe_latest(data.symbol(benchmark), last, format.as_ref()));
            }
            text
        })
    };
    let table_open = RwSignal::new(false);
    let exports = {
        let (d1, d2, d3) = (data.clone(), data.clone(), data.clone());
        let palette = ctx.palette;
        ViewExports {
            table: Rc::new(move || {
                let (symbol, period) = (c.trend_symbol.get(), c.period.get());
                let trend = d1.trend(symbol, period);
                let Some((lines, from)) = trend.as_ref() else {
                    return crate::chart::export::DataTable { caption: String::new(), columns: vec!["Date".into()], rows: Vec::new() };
                };
                let labelled: Vec<(String, &Line)> = named_lines(lines).into_iter().map(|(n, l)| (n.to_string(), l)).collect();
                let mut table = lines_table(words::trend_table_caption(d1.symbol(symbol), &period), &d1.table.dates, *from, d1.to, &labelled, 2);
                let benchmark = c.benchmark.get();
                let set = d1.rotation_set(benchmark, c.interval.get(), c.method.get());
                if let Ok(history) = history_of(&set, symbol, benchmark) {
                    add_rotation_columns(&mut table, in_period(history, *from, d1.to).1);
                }
                table
            }),
            frame: Rc::new(move || {
                let symbol = c.trend_symbol.get_untracked();
                let palette = palette.get_untracked();
                let legend = vec![
                    (d2.symbol(symbol).to_owned(), d2.colour(&palette, symbol)),
                    (words::SMA50.to_string(), palette.text),
                    (words::SMA200.to_string(), palette.muted),
                ];
                (words::trend_png_title(d2.symbol(symbol), &c.period.get_untracked()), legend)
            }),
            naming: Rc::new(move || ("trend", vec![d3.symbol(c.trend_symbol.get_untracked()).to_owned()])),
            scene: scene_ref,
            below: Some(rs_scene_ref),
        }
    };
    let table_rows = exports.table.clone();

    let options = data
        .members
        .iter()
        .map(|&p| view! { <option value=p.to_string() selected=move || c.trend_symbol.get() == p>{data.symbol(p).to_owned()}</option> })
        .collect_view();
    let stats = {
        let data = data.clone();
        let format = ctx.format.clone();
        move || {
            let trend = data.trend(c.trend_symbol.get(), c.period.get());
            let Some((lines, _)) = trend.as_ref() else {
                return view! { <ViewError message=words::no_closes(data.symbol(c.trend_symbol.get())) /> }.into_any();
            };
            let f = words::trend_figures(&lines.summary, format.as_ref());
            view! {
                <dl class="rs-stats" data-testid="trend-stats">
                    <div><dt>{words::CLOSE}</dt><dd>{f.close}<span class="rs-muted">{f.close_date}</span></dd></div>
                    <div><dt>{words::SMA50}</dt><dd>{f.sma50}<span class="rs-muted">{f.sma50_side}</span></dd></div>
                    <div><dt>{words::SMA200}</dt><dd>{f.sma200}<span class="rs-muted">{f.sma200_side}</span></dd></div>
                    <div><dt>{words::FROM_PRIOR_HIGH}</dt><dd>{f.from_high}</dd></div>
                </dl>
            }
            .into_any()
        }
    };
    let data_for_label = data.clone();
    let label = Signal::derive(move || {
        words::trend_chart_label(data_for_label.symbol(c.trend_symbol.get()))
    });
    view! {
        <div class="rs-toolbar">
            <label class="rs-field">
                <span class="rs-field-label">{words::SYMBOL}</span>
                <select class="rs-select" data-testid="trend-symbol"
                    on:change=move |ev| {
                        if let Ok(p) = event_target_value(&ev).parse::<usize>() {
                            c.trend_symbol.set(p);
                        }
                    }>{options}</select>
            </label>
            <PeriodControl />
        </div>
        {stats}
        <ChartExtras summary=summary summary_id=summary_id exports=exports table_open=table_open />
        <ChartCanvas height=ctx.height label=label scene=scene overlay=overlay on_pointer=on_pointer keyboard=keyboard scene_ref=scene_ref>
            <Tooltip data=tooltip />
        </ChartCanvas>
        <div class="rs-panel" data-testid="rs-lines">
            <p class="rs-panel-line" data-testid="rs-lines-line">{let data = data.clone(); move || panel_line(&data, c).1}</p>
            <div class:rs-hidden={let data = data.clone(); move || !panel_line(&data, c).0}>
                <ul class="rs-quadrant-key" data-testid="quadrant-key">
                    {Quadrant::ALL.iter().zip(KEY_CLASSES).map(|(q, class)| view! { <li class=class>{q.name()}</li> }).collect_view()}
                </ul>
                <ChartCanvas height=panel_height label=rs_label scene=rs_scene overlay=rs_overlay on_pointer=rs_pointer keyboard=rs_keyboard scene_ref=rs_scene_ref>
                    <Tooltip data=rs_tooltip />
                </ChartCanvas>
            </div>
        </div>
        <ChartTable open=table_open table=table_rows />
    }
}
