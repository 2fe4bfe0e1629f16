//! The performance view: ranked period returns with excess over the benchmark, and a line
//! chart from the period start (% change, ratio to the benchmark, or the spread of two baskets)
//! with a crosshair that reads every line at the hovered date.

use super::a11y::{unique_id, ChartExtras, ChartTable, ViewExports};
use super::chart_canvas::{ChartCanvas, Paint};
use super::controls::{BenchmarkSelect, Legend, Segmented, Swatch, Tooltip, ViewError};
use super::line_surface::{LineSurface, Read};
use super::state::{use_state, Looks};
use super::widget_context;
use crate::analysis::period::Period;
use crate::analysis::Date;
use crate::browser::canvas::CanvasSize;
use crate::chart::describe::{describe_performance, start_after_as_of, Performer, SpreadFact};
use crate::chart::export::lines_table;
use crate::chart::performance::{draw_line_chart, LineChartSpec, LineChartView, PlotLine, ValueKind};
use crate::chart::{markup, words, Palette, Rgb};
use crate::model::{LineKey, Model, PerfLines, PerfMode};
use crate::chart::paint::Painter;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// Label, colour and dash of a performance line.
fn line_style(data: &Model, palette: &Palette, key: LineKey, benchmark: usize) -> (String, Rgb, bool) {
    match key {
        LineKey::Symbol(p) if p == benchmark => (data.symbol(p).to_owned(), palette.text, true),
        LineKey::Symbol(p) => (data.symbol(p).to_owned(), data.colour(palette, p), false),
        LineKey::Basket(k) => (data.baskets[k].name.clone(), palette.series_colour(k), false),
        LineKey::Spread => (words::spread_name(&data.baskets[0].name, &data.baskets[1].name), palette.text, false),
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
    let last = data.as_of().to_string();
    // Why the last day typed was refused (a start after the as-of day), until a good one.
    let refused = RwSignal::new(None::<String>);
    let error_id = unique_id("rs-start-error");
    let described_by = error_id.clone();
    let format = widget_context().format;
    let shown_start = move || match c.period.get() {
        Period::Since(d) => d.to_string(),
        _ => String::new(),
    };
    view! {
        <Segmented label=words::PERIOD value=c.period options=named testid="period" />
        <label class="rs-field">
            <span class="rs-field-label">{words::PERIOD_START}</span>
            <input type="date" class="rs-date" data-testid="period-start" min=first max=last
                aria-invalid=move || refused.get().is_some().then_some("true")
                aria-describedby=move || refused.get().is_some().then(|| described_by.clone())
                prop:value=shown_start
                on:change=move |ev| {
                    let Ok(day) = Date::parse_iso(&event_target_value(&ev)) else { return };
                    match data.check_period(Period::Since(day)) {
                        Ok(period) => {
                            refused.set(None);
                            c.period.set(period);
                        }
                        Err(_) => {
                            refused.set(Some(start_after_as_of(day, data.as_of(), &**format)));
                            // The field goes back to the period still shown.
                            event_target::<leptos::web_sys::HtmlInputElement>(&ev).set_value(&shown_start());
                        }
                    }
                } />
            {move || refused.get().map(|why| view! { <span class="rs-field-error" role="alert" id=error_id.clone() data-testid="period-start-error">{why}</span> })}
        </label>
    }
}

/// What the chart on screen was drawn from: the lines, and for each drawn line its index in
/// them (the crosshair and the keyboard read values through it).
struct Drawn {
    lines: Rc<PerfLines>,
    source: Vec<usize>,
}

#[component]
pub fn PerformanceView() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let surface = LineSurface::new();
    let drawn: Rc<RefCell<Option<Drawn>>> = Rc::new(RefCell::new(None));
    let scene_ref = NodeRef::<leptos::html::Canvas>::new();

    let scene = {
        let (data, surface, drawn, ctx) = (data.clone(), surface.clone(), drawn.clone(), ctx.clone());
        Rc::new(move |size: CanvasSize| -> Paint {
            let palette = ctx.palette.get();
            let (benchmark, mode) = (c.benchmark.get(), c.mode.get());
            let lines = data.period_lines(benchmark, c.period.get(), mode);
            let mut source = Vec::new();
            let styled: Vec<(LineKey, String, Rgb, bool, bool, &crate::analysis::lines::Line)> = lines
                .shown(benchmark, |p| c.is_hidden(p))
                .map(|(k, (key, line))| {
                    source.push(k);
                    let (label, colour, dashed) = line_style(&data, &palette, *key, benchmark);
                    let faded = matches!(key.symbol(), Some(p) if p != benchmark && c.pinned_emphasis(p) == crate::chart::rotation::Emphasis::Faded);
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
                *surface.view.borrow_mut() = None;
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
                    gutters: (0.0, 0.0),
                },
                ctx.format.as_ref(),
            );
            *surface.view.borrow_mut() = Some(view.clone());
            *drawn.borrow_mut() = Some(Drawn { lines: lines.clone(), source });
            Rc::new(move |pen: &mut dyn Painter| {
                draw_line_chart(pen, &view, &palette);
            })
        })
    };

    // The value of drawn line `k` at table index `i`.
    let value_of = {
        let drawn = drawn.clone();
        move |k: usize, i: usize| drawn.borrow().as_ref().and_then(|d| d.lines.lines[d.source[k]].1.at(i))
    };
    // What a date reads: every line's value, best first (tooltip for hover and keyboard).
    let read: Read = {
        let (surface, data, value_of) = (surface.clone(), data.clone(), value_of.clone());
        let format = ctx.format.clone();
        Rc::new(move |i: usize| {
            let view = surface.view.borrow();
            let mut rows: Vec<(f64, String)> = view
                .iter()
                .flat_map(|v| v.lines.iter().enumerate())
                .filter(|(_, l)| !l.faded)
                .filter_map(|(k, l)| value_of(k, i).map(|value| (value, words::line_reading(&l.label, l.unit, value, format.as_ref()))))
                .collect();
            crate::analysis::sorting::sort_by(&mut rows, |a, b| b.0.total_cmp(&a.0));
            (format.date(data.table.dates[i]), rows.into_iter().map(|r| r.1).collect())
        })
    };
    let summary_id = unique_id("rs-summary");
    let keyboard = {
        let (surface_for_label, data, drawn) = (surface.clone(), data.clone(), drawn.clone());
        let format = ctx.format.clone();
        let announce = Rc::new(move |l: usize, i: usize| {
            let view = surface_for_label.view.borrow();
            let Some(line) = view.as_ref().and_then(|v| v.lines.get(l)) else { return };
            let day = format.date(data.table.dates[i]);
            let value = value_of(l, i).map(|val| line.unit.format(format.as_ref(), val));
            c.announce.set(words::value_on(&line.label, value.as_deref(), &day));
        });
        let choose = Rc::new(move |l: usize| {
            let symbol = drawn.borrow().as_ref().and_then(|d| d.lines.lines[d.source[l]].0.symbol());
            if let Some(p) = symbol {
                c.pinned.update(|x| *x = if *x == Some(p) { None } else { Some(p) });
            }
        });
        surface.keyboard(read.clone(), announce, choose, summary_id.clone())
    };
    let overlay = {
        // The hovered symbol's line on screen (hover and keyboard never rebuild the scene).
        let drawn = drawn.clone();
        surface.overlay(ctx.palette, move || {
            let hovered = c.hovered.get()?;
            let drawn = drawn.borrow();
            let d = drawn.as_ref()?;
            d.source.iter().position(|&k| d.lines.lines.get(k).and_then(|(key, _)| key.symbol()) == Some(hovered))
        })
    };
    let on_pointer = surface.pointer(read);
    let tooltip = surface.tooltip;
    let summary = {
        let data = data.clone();
        let format = ctx.format.clone();
        Signal::derive(move || {
            let (benchmark, period, mode) = (c.benchmark.get(), c.period.get(), c.mode.get());
            let lines = data.period_lines(benchmark, period, mode);
            let (performers, bench_return) = data.performers(benchmark, period);
            let performers: Vec<Performer> = performers.iter().map(Performer::from).collect();
            describe_performance(
                data.symbol(benchmark),
                words::mode_words(mode).summary,
                &period.to_string(),
                data.table.dates[lines.from],
                data.table.dates[lines.to],
                &performers,
                bench_return,
                data.basket_spread(period).as_ref().map(SpreadFact::from).as_ref(),
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
                let labelled: Vec<(String, &crate::analysis::lines::Line)> =
                    lines.shown(benchmark, |p| c.is_hidden(p)).map(|(_, (key, l))| (line_style(&d1, &palette, *key, benchmark).0, l)).collect();
                lines_table(words::performance_table_caption(mode, &period, d1.symbol(benchmark)), &d1.table.dates, lines.from, lines.to, &labelled, 2)
            }),
            frame: Rc::new(move || {
                let (benchmark, period, mode) = (c.benchmark.get_untracked(), c.period.get_untracked(), c.mode.get_untracked());
                let palette = palette.get_untracked();
                let lines = d2.period_lines(benchmark, period, mode);
                let legend = lines
                    .shown(benchmark, |p| c.is_hidden(p))
                    .map(|(_, (key, _))| {
                        let (label, colour, _) = line_style(&d2, &palette, *key, benchmark);
                        (label, colour)
                    })
                    .collect();
                (words::performance_png_title(&period, d2.symbol(benchmark)), legend)
            }),
            naming: Rc::new(move || {
                let benchmark = c.benchmark.get_untracked();
                ("performance", d3.members.iter().filter(|&&p| p != benchmark && !c.is_hidden(p)).map(|&p| d3.symbol(p).to_owned()).collect())
            }),
            scene: scene_ref,
            below: None,
        }
    };
    let table_rows = exports.table.clone();

    let modes = words::mode_options(data.baskets.first().zip(data.baskets.get(1)).map(|(a, b)| (a.name.as_str(), b.name.as_str())));
    let data_for_label = data.clone();
    let label = Signal::derive(move || words::performance_chart_label(c.mode.get(), data_for_label.symbol(c.benchmark.get()), &c.period.get()));
    view! {
        <div class="rs-toolbar">
            <BenchmarkSelect />
            <PeriodControl />
            <Segmented label=words::MODE value=c.mode options=modes testid="mode" />
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
        let (benchmark, period, palette) = (c.benchmark.get(), c.period.get(), ctx.palette.get());
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
                let colour = if p == benchmark { palette.text } else { data.colour(&palette, p) };
                let width = markup::percent_of(r.return_pct.abs(), widest);
                let bar = if r.return_pct >= 0.0 { "rs-bar rs-bar-up" } else { "rs-bar rs-bar-down" };
                let excess = if p == benchmark { words::BENCHMARK_EXCESS.to_string() } else { ctx.format.points(r.excess_pp, 2) };
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
        let h = words::RETURNS_HEADINGS;
        let caption = words::returns_caption(&period, data.table.dates[data.to], ctx.format.as_ref());
        view! {
            <div class="rs-table-wrap">
                <table class="rs-table" data-testid="returns">
                    <caption class="rs-caption">{caption}</caption>
                    <thead><tr>
                        <th scope="col" class="rs-num">{h.rank}</th>
                        <th scope="col">{h.symbol}</th>
                        {names.then(|| view! { <th scope="col" class="rs-name">{h.name}</th> })}
                        <th scope="col" class="rs-num">{h.return_pct}</th>
                        <th scope="col" class="rs-num">{h.excess}</th>
                        <th scope="col" class="rs-bar-cell"><span class="rs-visually-hidden">{h.bar}</span></th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    }
}
