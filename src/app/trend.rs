//! The trend view: one symbol's price with its 50- and 200-day moving averages and a dashed
//! line at the prior high, labelled with its value, date and the distance from it.

use super::chart_canvas::{ChartCanvas, Painter, PointerAction};
use super::controls::{Tooltip, TooltipData, ViewError};
use super::performance::PeriodControl;
use super::state::use_state;
use super::widget_context;
use crate::browser::canvas::CanvasSize;
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
            let shown = shown.clone();
            Rc::new(move |area| {
                if let Some((v, _)) = shown.borrow().as_ref() {
                    let _ = draw_line_overlay(area, v, &palette, index);
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
        <ChartCanvas height=ctx.height label=label scene=scene overlay=overlay on_pointer=on_pointer>
            <Tooltip data=tooltip />
        </ChartCanvas>
    }
}
