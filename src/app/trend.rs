//! The trend view: one symbol's price with its 50- and 200-day moving averages and a dashed
//! line at the prior high, labelled with its value, date and the distance from it.

use super::a11y::{unique_id, ChartExtras, ChartTable, ViewExports};
use super::chart_canvas::{ChartCanvas, Paint};
use super::controls::{Tooltip, ViewError};
use super::line_surface::{LineSurface, Read};
use super::performance::PeriodControl;
use super::state::{use_state, Looks};
use super::widget_context;
use crate::browser::canvas::CanvasSize;
use crate::chart::describe::describe_trend;
use crate::chart::export::lines_table;
use crate::analysis::lines::Line;
use crate::analysis::trend::TrendLines;
use crate::chart::performance::{draw_line_chart, LineChartSpec, LineChartView, PlotLine, ReferenceLine, ValueKind};
use crate::chart::paint::Painter;
use leptos::prelude::*;
use std::rc::Rc;

/// The lines on screen, with their names: the close, then the averages that exist.
fn named_lines(lines: &TrendLines) -> Vec<(&'static str, &Line)> {
    let mut out = vec![("Close", &lines.close)];
    out.extend(lines.sma50.as_ref().map(|l| ("SMA 50", l)));
    out.extend(lines.sma200.as_ref().map(|l| ("SMA 200", l)));
    out
}

#[component]
pub fn TrendView() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let surface = LineSurface::new();
    let scene_ref = NodeRef::<leptos::html::Canvas>::new();

    let scene = {
        let (data, surface) = (data.clone(), surface.clone());
        let format = ctx.format.clone();
        Rc::new(move |size: CanvasSize| -> Paint {
            let palette = ctx.palette.get();
            let (symbol, period) = (c.trend_symbol.get(), c.period.get());
            let trend = data.trend(symbol, period);
            let Some((lines, from)) = trend.as_ref() else {
                *surface.view.borrow_mut() = None;
                return Rc::new(|_| {});
            };
            let mut plot = vec![PlotLine { label: data.symbol(symbol), colour: data.colour(&palette, symbol), dashed: false, faded: false, line: &lines.close, unit: None }];
            if let Some(l) = &lines.sma50 {
                plot.push(PlotLine { label: "SMA 50", colour: palette.text, dashed: false, faded: false, line: l, unit: None });
            }
            if let Some(l) = &lines.sma200 {
                plot.push(PlotLine { label: "SMA 200", colour: palette.muted, dashed: true, faded: false, line: l, unit: None });
            }
            let s = &lines.summary;
            let reference: Vec<ReferenceLine> = s
                .prior_high
                .zip(s.prior_high_date)
                .map(|(high, date)| ReferenceLine {
                    value: high,
                    label: format!(
                        "Prior high {} · {} · {} from it",
                        format.number(high, 2),
                        format.date(date),
                        format.percent(s.from_high_pct.unwrap_or(0.0), 1)
                    ),
                    colour: palette.quadrant_text[2],
                })
                .into_iter()
                .collect();
            let view = LineChartView::build(
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
                },
                format.as_ref(),
            );
            *surface.view.borrow_mut() = Some(view.clone());
            Rc::new(move |pen: &mut dyn Painter| {
                draw_line_chart(pen, &view, &palette);
            })
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
                .filter_map(|(name, line)| line.at(i).map(|x| format!("{name} {}", format.number(x, 2))))
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
            let who = if name == "Close" { data.symbol(symbol).to_owned() } else { format!("{} {name}", data.symbol(symbol)) };
            let day = format.date(data.table.dates[i]);
            c.announce.set(match line.at(i) {
                Some(x) => format!("{who} {} on {day}", format.number(x, 2)),
                None => format!("{who}: no value on {day}"),
            });
        });
        surface.keyboard(read.clone(), announce, Rc::new(|_| {}), summary_id.clone())
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
            let Some((lines, _)) = trend.as_ref() else { return format!("{} has no closes in this period.", data.symbol(symbol)) };
            let s = &lines.summary;
            describe_trend(data.symbol(symbol), s.date, s.close, s.sma50, s.sma200, s.prior_high.zip(s.prior_high_date), s.from_high_pct, format.as_ref())
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
                lines_table(format!("{} close and moving averages, {period}", d1.symbol(symbol)), &d1.table.dates, *from, d1.to, &labelled, 2)
            }),
            frame: Rc::new(move || {
                let symbol = c.trend_symbol.get_untracked();
                let palette = palette.get_untracked();
                let legend = vec![
                    (d2.symbol(symbol).to_owned(), d2.colour(&palette, symbol)),
                    ("SMA 50".to_string(), palette.text),
                    ("SMA 200".to_string(), palette.muted),
                ];
                (format!("{}: trend, {}", d2.symbol(symbol), c.period.get_untracked()), legend)
            }),
            naming: Rc::new(move || ("trend", vec![d3.symbol(c.trend_symbol.get_untracked()).to_owned()])),
            scene: scene_ref,
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
                return view! { <ViewError message=format!("{} has no closes in this period", data.symbol(c.trend_symbol.get())) /> }.into_any();
            };
            let s = &lines.summary;
            let value = |v: Option<f64>| v.map_or_else(|| "not enough history".to_string(), |v| format.number(v, 2));
            let above = |avg: Option<f64>| match avg {
                Some(a) if s.close >= a => "above",
                Some(_) => "below",
                None => "",
            };
            view! {
                <dl class="rs-stats" data-testid="trend-stats">
                    <div><dt>"Close"</dt><dd>{format.number(s.close, 2)}<span class="rs-muted">{format!(" {}", format.date(s.date))}</span></dd></div>
                    <div><dt>"SMA 50"</dt><dd>{value(s.sma50)}<span class="rs-muted">{format!(" {}", above(s.sma50))}</span></dd></div>
                    <div><dt>"SMA 200"</dt><dd>{value(s.sma200)}<span class="rs-muted">{format!(" {}", above(s.sma200))}</span></dd></div>
                    <div><dt>"From prior high"</dt><dd>{s.from_high_pct.map_or_else(|| "no earlier close".to_string(), |d| format.percent(d, 1))}</dd></div>
                </dl>
            }
            .into_any()
        }
    };
    let data_for_label = data.clone();
    let label = Signal::derive(move || {
        let symbol = data_for_label.symbol(c.trend_symbol.get()).to_owned();
        format!("Price of {symbol} with 50- and 200-day moving averages and its prior high")
    });
    view! {
        <div class="rs-toolbar">
            <label class="rs-field">
                <span class="rs-field-label">"Symbol"</span>
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
        <ChartTable open=table_open table=table_rows />
    }
}
