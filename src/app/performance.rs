//! The performance view: ranked period returns with excess over the benchmark, and a line
//! chart from the period start (% change, ratio to the benchmark, or the spread of two baskets)
//! with a crosshair that reads every line at the hovered date.

use super::a11y::{ChartTable, line_keyboard, unique_id, ChartExtras, LineNav, ViewExports};
use super::chart_canvas::{ChartCanvas, Painter, PointerAction};
use super::controls::{BenchmarkSelect, Legend, Segmented, Swatch, Tooltip, TooltipData, ViewError};
use super::state::{use_state, Data, LineKey, PerfLines, PerfMode};
use super::widget_context;
use crate::analysis::period::Period;
use crate::analysis::Date;
use crate::browser::canvas::CanvasSize;
use crate::chart::describe::describe_performance;
use crate::chart::export::lines_table;
use crate::chart::performance::{draw_line_chart, draw_line_overlay, LineChartSpec, LineChartView, PlotLine, ValueKind};
use crate::chart::{Palette, Rgb};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// Label, colour and dash of a performance line.
fn line_style(data: &Data, palette: &Palette, key: LineKey, benchmark: usize) -> (String, Rgb, bool) {
    match key {
        LineKey::Symbol(p) if p == benchmark => (data.symbol(p).to_owned(), palette.text, true),
        LineKey::Symbol(p) => (data.symbol(p).to_owned(), data.colour(palette, p), false),
        LineKey::Basket(k) => (data.baskets[k].name.clone(), palette.series_colour(k), false),
        LineKey::Spread => (format!("{} − {}", data.baskets[0].name, data.baskets[1].name), palette.text, false),
    }
}

fn kind_of(mode: PerfMode) -> ValueKind {
    match mode {
        PerfMode::PercentChange => ValueKind::PercentChange,
        PerfMode::Ratio => ValueKind::Ratio,
        PerfMode::BasketSpread => ValueKind::Spread,
    }
}

/// The period buttons and a custom start day.
#[component]
pub fn PeriodControl() -> impl IntoView {
    let (data, c) = use_state();
    let named: Vec<(Period, String)> = Period::NAMED.iter().map(|p| (*p, p.label())).collect();
    let first = data.table.first_date().to_string();
    let last = data.table.dates[data.to].to_string();
    view! {
        <Segmented label="Period" value=c.period options=named testid="period" />
        <label class="rs-field">
            <span class="rs-field-label">"From"</span>
            <input type="date" class="rs-date" data-testid="period-start" min=first max=last
                prop:value=move || match c.period.get() { Period::Since(d) => d.to_string(), _ => String::new() }
                on:change=move |ev| {
                    if let Ok(d) = Date::parse_iso(&event_target_value(&ev)) {
                        c.period.set(Period::Since(d));
                    }
                } />
        </label>
    }
}

/// What is on screen: the laid-out chart, the lines it was built from, and for each drawn line
/// its index in those lines (for the crosshair tooltip).
struct Shown {
    view: LineChartView,
    lines: Rc<PerfLines>,
    source: Vec<usize>,
}

#[component]
pub fn PerformanceView() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let shown: Rc<RefCell<Option<Shown>>> = Rc::new(RefCell::new(None));
    let cursor: RwSignal<Option<usize>> = RwSignal::new(None);
    let tooltip: RwSignal<Option<TooltipData>> = RwSignal::new(None);
    // Keyboard focus: (line on screen, table index).
    let focus: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let scene_ref = NodeRef::<leptos::html::Canvas>::new();

    let scene = {
        let (data, shown, ctx) = (data.clone(), shown.clone(), ctx.clone());
        Rc::new(move |size: CanvasSize| -> Painter {
            let palette = ctx.palette.get();
            let (benchmark, mode) = (c.benchmark.get(), c.mode.get());
            let lines = data.period_lines(benchmark, c.period.get(), mode);
            let mut source = Vec::new();
            let styled: Vec<(LineKey, String, Rgb, bool, bool, &crate::analysis::lines::Line)> = lines
                .lines
                .iter()
                .enumerate()
                .filter(|(_, (key, _))| !matches!(key.symbol(), Some(p) if p != benchmark && c.is_hidden(p)))
                .map(|(k, (key, line))| {
                    source.push(k);
                    let (label, colour, dashed) = line_style(&data, &palette, *key, benchmark);
                    let faded = matches!(key.symbol(), Some(p) if p != benchmark && c.emphasis(p) == crate::chart::rotation::Emphasis::Faded);
                    (*key, label, colour, dashed, faded, line)
                })
                .collect();
            // On the spread chart the baskets are % change lines; only the spread is in pp.
            let plot: Vec<PlotLine> = styled
                .iter()
                .map(|(key, label, colour, dashed, faded, line)| PlotLine {
                    label,
                    colour: *colour,
                    dashed: *dashed,
                    faded: *faded,
                    line,
                    unit: matches!(key, LineKey::Basket(_)).then_some(ValueKind::PercentChange),
                })
                .collect();
            if plot.is_empty() {
                *shown.borrow_mut() = None;
                return Rc::new(|_| {});
            }
            let view = LineChartView::build(
                &LineChartSpec {
                    dates: &data.table.dates,
                    from: lines.from,
                    to: lines.to,
                    lines: &plot,
                    kind: kind_of(mode),
                    reference: &[],
                    width: size.device_width(),
                    height: size.device_height(),
                    ui: size.dpr,
                },
                ctx.format.as_ref(),
            );
            *shown.borrow_mut() = Some(Shown { view: view.clone(), lines: lines.clone(), source });
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
                if let Some(s) = shown.borrow().as_ref() {
                    let _ = draw_line_overlay(area, &s.view, &palette, index, ring);
                }
            })
        })
    };
    // What a date on the chart reads: every line's value, best first (tooltip and keyboard).
    let rows_at = {
        let format = ctx.format.clone();
        Rc::new(move |s: &Shown, i: usize| -> Vec<(f64, String)> {
            let v = &s.view;
            let mut rows: Vec<(f64, String)> = v
                .lines
                .iter()
                .zip(&s.source)
                .filter(|(l, _)| !l.faded)
                .filter_map(|(l, &k)| {
                    let value = s.lines.lines[k].1.at(i)?;
                    Some((value, format!("{} {}", l.label, l.unit.format(format.as_ref(), value))))
                })
                .collect();
            rows.sort_by(|a, b| b.0.total_cmp(&a.0));
            rows
        })
    };
    let on_pointer = {
        let (data, shown, rows_at) = (data.clone(), shown.clone(), rows_at.clone());
        let format = ctx.format.clone();
        Rc::new(move |action: PointerAction| {
            let shown = shown.borrow();
            let Some(s) = shown.as_ref() else { return };
            let v = &s.view;
            match action {
                PointerAction::Move { x, css_x, css_y, .. } => match v.index_at(x) {
                    Some(i) => {
                        cursor.set(Some(i));
                        let rows = rows_at(s, i);
                        let (w, h) = (v.width / v.ui, v.height / v.ui);
                        tooltip.set(Some(TooltipData::beside(css_x, css_y, w, h, format.date(data.table.dates[i]), rows.into_iter().map(|r| r.1).collect())));
                    }
                    None => {
                        cursor.set(None);
                        tooltip.set(None);
                    }
                },
                PointerAction::Leave => {
                    cursor.set(None);
                    tooltip.set(None);
                }
                PointerAction::Click { .. } => {}
            }
        })
    };

    let summary_id = unique_id("rs-summary");
    let keyboard = {
        let (shown, shown2, shown3, data) = (shown.clone(), shown.clone(), shown.clone(), data.clone());
        let format = ctx.format.clone();
        line_keyboard(
            LineNav {
                shape: Rc::new(move || shown.borrow().as_ref().map(|s| (s.view.lines.len(), s.view.from, s.view.to))),
                show: Rc::new(move |l, i| {
                    let shown = shown2.borrow();
                    let Some(s) = shown.as_ref() else { return };
                    cursor.set(Some(i));
                    let v = &s.view;
                    let line = &v.lines[l];
                    if let Some((x, y)) = line.point_at(i) {
                        let rows = rows_at(s, i).into_iter().map(|r| r.1).collect();
                        tooltip.set(Some(TooltipData::beside(x / v.ui, y / v.ui, v.width / v.ui, v.height / v.ui, format.date(data.table.dates[i]), rows)));
                    }
                    let value = s.lines.lines[s.source[l]].1.at(i);
                    c.announce.set(match value {
                        Some(val) => format!("{} {} on {}", line.label, line.unit.format(format.as_ref(), val), format.date(data.table.dates[i])),
                        None => format!("{}: no value on {}", line.label, format.date(data.table.dates[i])),
                    });
                }),
                choose: Rc::new(move |l| {
                    let symbol = shown3.borrow().as_ref().and_then(|s| s.lines.lines[s.source[l]].0.symbol());
                    if let Some(p) = symbol {
                        c.pinned.update(|x| *x = if *x == Some(p) { None } else { Some(p) });
                    }
                }),
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
            let (benchmark, period, mode) = (c.benchmark.get(), c.period.get(), c.mode.get());
            let lines = data.period_lines(benchmark, period, mode);
            let (performers, bench_return) = data.performers(benchmark, period);
            let what = match mode {
                PerfMode::PercentChange => "% change",
                PerfMode::Ratio => "ratio to the benchmark (rebased to 100)",
                PerfMode::BasketSpread => "basket spread",
            };
            describe_performance(
                data.symbol(benchmark),
                what,
                &period.to_string(),
                data.table.dates[lines.from],
                data.table.dates[lines.to],
                &performers,
                bench_return,
                data.spread_fact(period).as_ref(),
                format.as_ref(),
            )
        })
    };
    let table_open = RwSignal::new(false);
    let exports = {
        let (d1, d2, d3) = (data.clone(), data.clone(), data.clone());
        let palette = ctx.palette;
        ViewExports {
            table: Rc::new(move || {
                let (benchmark, period, mode) = (c.benchmark.get(), c.period.get(), c.mode.get());
                let lines = d1.period_lines(benchmark, period, mode);
                let palette = palette.get_untracked();
                let labelled: Vec<(String, &crate::analysis::lines::Line)> = lines
                    .lines
                    .iter()
                    .filter(|(key, _)| !matches!(key.symbol(), Some(p) if p != benchmark && c.is_hidden(p)))
                    .map(|(key, l)| (line_style(&d1, &palette, *key, benchmark).0, l))
                    .collect();
                let what = match mode {
                    PerfMode::PercentChange => "% change",
                    PerfMode::Ratio => "ratio to the benchmark",
                    PerfMode::BasketSpread => "basket lines (% change) and spread (pp)",
                };
                lines_table(format!("{what}, {period}, against {}", d1.symbol(benchmark)), &d1.table.dates, lines.from, lines.to, &labelled, 2)
            }),
            frame: Rc::new(move || {
                let (benchmark, period, mode) = (c.benchmark.get_untracked(), c.period.get_untracked(), c.mode.get_untracked());
                let palette = palette.get_untracked();
                let lines = d2.period_lines(benchmark, period, mode);
                let legend = lines
                    .lines
                    .iter()
                    .filter(|(key, _)| !matches!(key.symbol(), Some(p) if p != benchmark && c.is_hidden(p)))
                    .map(|(key, _)| {
                        let (label, colour, _) = line_style(&d2, &palette, *key, benchmark);
                        (label, colour)
                    })
                    .collect();
                (format!("Performance, {period}, against {}", d2.symbol(benchmark)), legend)
            }),
            naming: Rc::new(move || {
                let benchmark = c.benchmark.get_untracked();
                ("performance", d3.members.iter().filter(|&&p| p != benchmark && !c.is_hidden(p)).map(|&p| d3.symbol(p).to_owned()).collect())
            }),
            scene: scene_ref,
        }
    };
    let table_rows = exports.table.clone();

    let mut modes = vec![(PerfMode::PercentChange, "% change".to_string()), (PerfMode::Ratio, "Ratio to benchmark".to_string())];
    if data.baskets.len() >= 2 {
        modes.push((PerfMode::BasketSpread, format!("{} − {}", data.baskets[0].name, data.baskets[1].name)));
    }
    let data_for_label = data.clone();
    let label = Signal::derive(move || {
        let what = match c.mode.get() {
            PerfMode::PercentChange => "% change",
            PerfMode::Ratio => "ratio to the benchmark",
            PerfMode::BasketSpread => "basket spread",
        };
        let bench = data_for_label.symbol(c.benchmark.get()).to_owned();
        format!("Line chart: {what} of each symbol against {bench} for {}", c.period.get())
    });
    view! {
        <div class="rs-toolbar">
            <BenchmarkSelect />
            <PeriodControl />
            <Segmented label="Show" value=c.mode options=modes testid="mode" />
        </div>
        <ChartExtras summary=summary summary_id=summary_id exports=exports table_open=table_open />
        <ChartCanvas height=ctx.height label=label scene=scene overlay=overlay on_pointer=on_pointer keyboard=keyboard scene_ref=scene_ref>
            <Tooltip data=tooltip />
        </ChartCanvas>
        <ChartTable open=table_open table=table_rows />
        {move || (c.mode.get() != PerfMode::BasketSpread).then(|| view! { <Legend /> })}
        <ReturnsTable />
    }
}

/// Period returns ranked best first, with excess over the benchmark in percentage points.
#[component]
fn ReturnsTable() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let names = data.has_names();
    move || {
        let (benchmark, period) = (c.benchmark.get(), c.period.get());
        let returns = data.returns(benchmark, period);
        let (rows, _) = match returns.as_ref() {
            Ok(r) => r,
            Err(e) => return view! { <ViewError message=e.to_string() /> }.into_any(),
        };
        let widest = rows.iter().map(|r| r.return_pct.abs()).fold(0.0_f64, f64::max).max(1e-9);
        let body = rows
            .iter()
            .enumerate()
            .map(|(rank, r)| {
                let p = data.table.position(&r.symbol).expect("returned symbols are loaded");
                let palette = ctx.palette;
                let colours = data.clone();
                let colour = Signal::derive(move || if p == benchmark { palette.get().text } else { colours.colour(&palette.get(), p) });
                let width = format!("{:.1}%", 100.0 * r.return_pct.abs() / widest);
                let bar = if r.return_pct >= 0.0 { "rs-bar rs-bar-up" } else { "rs-bar rs-bar-down" };
                let excess = if p == benchmark { "benchmark".to_string() } else { ctx.format.points(r.excess_pp, 2) };
                view! {
                    <tr class:rs-row-benchmark=p == benchmark
                        on:mouseenter=move |_| c.hovered.set(Some(p))
                        on:mouseleave=move |_| c.hovered.set(None)>
                        <td class="rs-num">{rank + 1}</td>
                        <th scope="row"><Swatch colour=colour marker=data.marker(p) />{r.symbol.clone()}</th>
                        {names.then(|| view! { <td class="rs-name">{data.name(p).unwrap_or("").to_owned()}</td> })}
                        <td class="rs-num">{ctx.format.percent(r.return_pct, 2)}</td>
                        <td class="rs-num">{excess}</td>
                        <td class="rs-bar-cell" aria-hidden="true"><span class=bar style:width=width></span></td>
                    </tr>
                }
            })
            .collect_view();
        let caption = format!(
            "{} returns to {}, ranked",
            period,
            ctx.format.date(data.table.dates[data.to])
        );
        view! {
            <div class="rs-table-wrap">
                <table class="rs-table" data-testid="returns">
                    <caption class="rs-caption">{caption}</caption>
                    <thead><tr>
                        <th scope="col" class="rs-num">"#"</th>
                        <th scope="col">"Symbol"</th>
                        {names.then(|| view! { <th scope="col" class="rs-name">"Name"</th> })}
                        <th scope="col" class="rs-num">"Return"</th>
                        <th scope="col" class="rs-num">"vs benchmark"</th>
                        <th scope="col" class="rs-bar-cell"><span class="rs-visually-hidden">"Bar"</span></th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    }
}
