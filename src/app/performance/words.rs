//! The chart in words and numbers: the summary (before the chart), the data table, the PNG's
//! title and legend and the export file names.

use super::Chart;
use crate::app::a11y::ViewExports;
use crate::app::WidgetContext;
use crate::chart::describe::{describe_performance, note_sentence, Performer, SpreadFact};
use crate::chart::export::lines_table;
use crate::chart::words::line_style;
use crate::chart::words;
use leptos::prelude::*;
use std::rc::Rc;

/// The period's leaders and laggards against the benchmark, and the basket spread.
pub fn summary(g: &Chart, ctx: &WidgetContext) -> Signal<String> {
    let (data, c, format, m) = (g.data.clone(), g.c, ctx.format.clone(), crate::app::messages());
    Signal::derive(move || {
        let (benchmark, period, mode) = (c.benchmark.get(), c.period.get(), c.mode.get());
        let lines = data.period_lines(benchmark, period, mode);
        let (performers, bench_return) = data.performers(benchmark, period);
        let performers: Vec<Performer> = performers.iter().map(Performer::from).collect();
        let mut text = describe_performance(
            &m,
            data.symbol(benchmark),
            words::mode_words(&m, mode).summary,
            &crate::chart::describe::period_name(&m, period, format.as_ref()),
            data.table.dates[lines.from],
            data.table.dates[lines.to],
            &performers,
            bench_return,
            data.basket_spread(period).as_ref().map(SpreadFact::from).as_ref(),
            format.as_ref(),
        );
        text.push_str(&note_sentence(&m, c.published.get(), &data.table.dates, lines.from, lines.to, format.as_ref()));
        text
    })
}

/// The lines shown as a table, the PNG's title and legend, and the files' names.
pub fn exports(g: &Chart, ctx: &WidgetContext, scene: NodeRef<leptos::html::Canvas>) -> ViewExports {
    let (d1, d2, d3, c) = (g.data.clone(), g.data.clone(), g.data.clone(), g.c);
    let (palette, m, format, format2) = (ctx.palette, crate::app::messages(), ctx.format.clone(), ctx.format.clone());
    ViewExports {
        table: Rc::new(move || {
            let (benchmark, period, mode) = (c.benchmark.get(), c.period.get(), c.mode.get());
            let lines = d1.period_lines(benchmark, period, mode);
            let palette = palette.get_untracked();
            let labelled: Vec<(String, &crate::analysis::lines::Line)> =
                lines.shown(benchmark, |p| c.is_hidden(p)).map(|(_, (key, l))| (line_style(&m, &d1, &palette, *key, benchmark).0, l)).collect();
            let mut caption = words::performance_table_caption(&m, mode, &period, d1.symbol(benchmark), format.as_ref());
            caption.push_str(&note_sentence(&m, c.published.get(), &d1.table.dates, lines.from, lines.to, format.as_ref()));
            lines_table(&m, caption, &d1.table.dates, lines.from, lines.to, &labelled, 2)
        }),
        frame: Rc::new(move || {
            let (benchmark, period, mode) = (c.benchmark.get_untracked(), c.period.get_untracked(), c.mode.get_untracked());
            let legend = crate::chart::frame::performance_legend(&m, &d2, &palette.get_untracked(), benchmark, period, mode, &|p| c.is_hidden(p));
            (words::performance_png_title(&m, &period, d2.symbol(benchmark), format2.as_ref()), legend)
        }),
        naming: Rc::new(move || {
            let benchmark = c.benchmark.get_untracked();
            ("performance", d3.members.iter().filter(|&&p| p != benchmark && !c.is_hidden(p)).map(|&p| d3.symbol(p).to_owned()).collect())
        }),
        scene,
        below: None,
    }
}
