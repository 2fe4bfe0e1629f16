//! The chart in words and numbers: the figures above it, the summary (before the chart), the
//! data table (with the RS columns), the PNG's title and legend and the export file names.

use super::Chart;
use crate::analysis::lines::Line;
use crate::app::a11y::ViewExports;
use crate::app::controls::ViewError;
use crate::app::WidgetContext;
use crate::chart::describe::{describe_trend, note_sentence};
use crate::chart::export::{add_rotation_columns, lines_table, no_lines_table};
use crate::chart::words::trend_lines;
use crate::chart::rs_lines::{self, history_of, in_period};
use crate::chart::words;
use leptos::prelude::*;
use std::rc::Rc;

/// The close, the averages and the distance from the prior high, or why there are none.
pub fn figures(g: &Chart, ctx: &WidgetContext) -> impl IntoView {
    let (data, c, format, m) = (g.data.clone(), g.c, ctx.format.clone(), crate::app::messages());
    move || {
        let trend = data.trend(c.trend_symbol.get(), c.period.get());
        let Some((lines, _)) = trend.as_ref() else {
            return view! { <ViewError message=words::no_closes(&m, data.symbol(c.trend_symbol.get())) /> }.into_any();
        };
        let f = words::trend_figures(&m, &lines.summary, format.as_ref());
        let [close, sma50, sma200, from_high] = words::trend_figure_names(&m);
        view! {
            <dl class="rs-stats" data-testid="trend-stats">
                <div><dt>{close}</dt><dd>{f.close}<span class="rs-muted">{f.close_date}</span></dd></div>
                <div><dt>{sma50}</dt><dd>{f.sma50}<span class="rs-muted">{f.sma50_side}</span></dd></div>
                <div><dt>{sma200}</dt><dd>{f.sma200}<span class="rs-muted">{f.sma200_side}</span></dd></div>
                <div><dt>{from_high}</dt><dd>{f.from_high}</dd></div>
            </dl>
        }
        .into_any()
    }
}

/// The trend in a sentence, and the latest RS reading against the benchmark.
pub fn summary(g: &Chart, ctx: &WidgetContext) -> Signal<String> {
    let (data, c, format, m) = (g.data.clone(), g.c, ctx.format.clone(), crate::app::messages());
    Signal::derive(move || {
        let symbol = c.trend_symbol.get();
        let trend = data.trend(symbol, c.period.get());
        let Some((lines, from)) = trend.as_ref() else { return words::no_closes_sentence(&m, data.symbol(symbol)) };
        let s = &lines.summary;
        let mut text = describe_trend(&m, data.symbol(symbol), s.date, s.close, s.sma50, s.sma200, s.prior_high.zip(s.prior_high_date), s.from_high_pct, format.as_ref());
        let benchmark = c.benchmark.get();
        let set = data.rotation_set(benchmark, c.interval.get(), c.method.get());
        if let Some(last) = history_of(&set, symbol, benchmark).ok().and_then(|h| in_period(h, *from, data.to).1.last()) {
            text.push_str(&rs_lines::describe_latest(&m, data.symbol(benchmark), last, format.as_ref()));
        }
        text.push_str(&note_sentence(&m, c.published.get(), &data.table.dates, *from, data.to, format.as_ref()));
        text
    })
}

/// The lines (and RS columns) as a table, the PNG's title and legend, and the files' names;
/// the PNG stacks the RS panel (`below`) under the price chart.
pub fn exports(g: &Chart, ctx: &WidgetContext, scene: NodeRef<leptos::html::Canvas>, below: NodeRef<leptos::html::Canvas>) -> ViewExports {
    let (d1, d2, d3, c) = (g.data.clone(), g.data.clone(), g.data.clone(), g.c);
    let (palette, m, format, format2) = (ctx.palette, crate::app::messages(), ctx.format.clone(), ctx.format.clone());
    ViewExports {
        table: Rc::new(move || {
            let (symbol, period) = (c.trend_symbol.get(), c.period.get());
            let trend = d1.trend(symbol, period);
            let Some((lines, from)) = trend.as_ref() else { return no_lines_table(&m) };
            let labelled: Vec<(String, &Line)> = trend_lines(&m, lines).into_iter().map(|(n, l)| (n.to_string(), l)).collect();
            let mut caption = words::trend_table_caption(&m, d1.symbol(symbol), &period, format.as_ref());
            caption.push_str(&note_sentence(&m, c.published.get(), &d1.table.dates, *from, d1.to, format.as_ref()));
            let mut table = lines_table(&m, caption, &d1.table.dates, *from, d1.to, &labelled, 2);
            let benchmark = c.benchmark.get();
            let set = d1.rotation_set(benchmark, c.interval.get(), c.method.get());
            if let Ok(history) = history_of(&set, symbol, benchmark) {
                add_rotation_columns(&m, &mut table, in_period(history, *from, d1.to).1);
            }
            table
        }),
        frame: Rc::new(move || {
            let symbol = c.trend_symbol.get_untracked();
            let legend = crate::chart::frame::trend_legend(&m, &d2, &palette.get_untracked(), symbol);
            (words::trend_png_title(&m, d2.symbol(symbol), &c.period.get_untracked(), format2.as_ref()), legend)
        }),
        naming: Rc::new(move || ("trend", vec![d3.symbol(c.trend_symbol.get_untracked()).to_owned()])),
        scene,
        below: Some(below),
    }
}
