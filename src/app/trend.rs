//! The trend view: one symbol's price with its 50- and 200-day moving averages and a dashed
//! line at the prior high, labelled with its value, date and the distance from it.

use super::a11y::{ChartTable, line_keyboard, unique_id, ChartExtras, LineNav, ViewExports};
use super::chart_canvas::{ChartCanvas, Painter, PointerAction};
use super::controls::{Tooltip, TooltipData, ViewError};
use super::performance::PeriodControl;
use super::state::use_state;
use super::widget_context;
use crate::browser::canvas::CanvasSize;
use crate::chart::describe::describe_trend;
use crate::chart::export::lines_table;
use crate::chart::performance::{draw_line_chart, draw_line_overlay, LineChartSpec, LineChartView, PlotLine, ReferenceLine, ValueKind};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

#[component]
pub fn TrendView() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let shown: Rc<RefCell<Option<(LineChartView, usize)>>> = Rc::new(RefCell::new(None));
    let cursor: RwSignal<Option<usize>> = RwSignal::new(None);
    let tooltip: RwSignal<Option<TooltipData>> = RwSignal::new(None);
    let focus: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let scene_ref = NodeRef::<leptos::html::Canvas>::new();

    let scene = {
        let (data, shown) = (data.clone(), shown.clone());
        let format = ctx.format.clone();
        Rc::new(move |size: CanvasSize| -> Painter {
            let palette = ctx.palette.get();
            let (symbol, period) = (c.trend_symbol.get(), c.period.get());
            let trend = data.trend(symbol, period);
            let Some((lines, from)) = trend.as_ref() else {
                *shown.borrow_mut() = None;
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
            *shown.borrow_mut() = Some((view.clone(), symbol));
            Rc::new(move |area| {
                let _ = draw_line_chart(area, &view, &palette);
            })
        })
    };
    let overlay = {
        let shown = shown.clone();
        Rc::new(move |_size: CanvasSize| -> Painter {
            let palette = ctx.palette.get();
            let index = cursor.get();
            let ring = focus.get().map(|(l, _)| l);
            let shown = shown.clone();
            Rc::new(move |area| {
                if let Some((v, _)) = shown.borrow().as_ref() {
                    let _ = draw_line_overlay(area, v, &palette, index, ring);
                }
            })
        })
    };
    let on_pointer = {
        let (data, shown) = (data.clone(), shown.clone());
        let format = ctx.format.clone();
        Rc::new(move |action: PointerAction| {
            let shown = shown.borrow();
            let Some((v, symbol)) = shown.as_ref() else { return };
            match action {
                PointerAction::Move { x, css_x, css_y, .. } => {
                    let Some(i) = v.index_at(x) else {
                        cursor.set(None);
                        tooltip.set(None);
                        return;
                    };
                    cursor.set(Some(i));
                    let trend = data.trend(*symbol, c.period.get_untracked());
                    let Some((lines, _)) = trend.as_ref() else { return };
                    let mut rows = vec![];
                    for (name, line) in [("Close", Some(&lines.close)), ("SMA 50", lines.sma50.as_ref()), ("SMA 200", lines.sma200.as_ref())] {
                        if let Some(value) = line.and_then(|l| l.at(i)) {
                            rows.push(format!("{name} {}", format.number(value, 2)));
                        }
                    }
                    let (w, h) = (v.width / v.ui, v.height / v.ui);
                    tooltip.set(Some(TooltipData::beside(css_x, css_y, w, h, format.date(data.table.dates[i]), rows)));
                }
                PointerAction::Leave => {
                    cursor.set(None);
                    tooltip.set(None);
                }
                PointerAction::Click { .. } => {}
            }
        })
    };

    // The lines on screen, with their names (close, then the averages that exist).
    let named_lines = |lines: &crate::analysis::trend::TrendLines| -> Vec<(&'static str, crate::analysis::lines::Line)> {
        let mut out = vec![("Close", lines.close.clone())];
        out.extend(lines.sma50.clone().map(|l| ("SMA 50", l)));
        out.extend(lines.sma200.clone().map(|l| ("SMA 200", l)));
        out
    };
    let summary_id = unique_id("rs-summary");
    let keyboard = {
        let (shown, shown2, data) = (shown.clone(), shown.clone(), data.clone());
        let format = ctx.format.clone();
        line_keyboard(
            LineNav {
                shape: Rc::new(move || shown.borrow().as_ref().map(|(v, _)| (v.lines.len(), v.from, v.to))),
                show: Rc::new(move |l, i| {
                    let shown = shown2.borrow();
                    let Some((v, symbol)) = shown.as_ref() else { return };
                    cursor.set(Some(i));
                    let trend = data.trend(*symbol, c.period.get_untracked());
                    let Some((lines, _)) = trend.as_ref() else { return };
                    let named = named_lines(lines);
                    let rows: Vec<String> = named.iter().filter_map(|(n, line)| line.at(i).map(|x| format!("{n} {}", format.number(x, 2)))).collect();
                    if let Some((x, y)) = v.lines.get(l).and_then(|line| line.point_at(i)) {
                        tooltip.set(Some(TooltipData::beside(x / v.ui, y / v.ui, v.width / v.ui, v.height / v.ui, format.date(data.table.dates[i]), rows)));
                    }
                    if let Some((name, line)) = named.get(l) {
                        let who = if *name == "Close" { data.symbol(*symbol).to_owned() } else { format!("{} {name}", data.symbol(*symbol)) };
                        c.announce.set(match line.at(i) {
                            Some(x) => format!("{who} {} on {}", format.number(x, 2), format.date(data.table.dates[i])),
                            None => format!("{who}: no value on {}", format.date(data.table.dates[i])),
                        });
                    }
                }),
                choose: Rc::new(|_| {}),
                clear: Rc::new(move || {
                    cursor.set(None);
                    tooltip.set(None);
                }),
            },
            focus,
            summary_id.clone(),
        )
    };
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
                let named = named_lines(lines);
                let labelled: Vec<(String, &crate::analysis::lines::Line)> = named.iter().map(|(n, l)| (n.to_string(), l)).collect();
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
