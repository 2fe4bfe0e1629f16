//! The graph in words and numbers: the summary (before the chart), the data table, the PNG's
//! title and legend and the export file names, all read from the tails memo the scene draws.

use super::{note_sentence, point_metrics, Graph};
use crate::analysis::rotation::RotationPoint;
use crate::analysis::rotation_metrics::PointMetrics;
use crate::app::a11y::ViewExports;
use crate::app::WidgetContext;
use crate::chart::describe::{describe_extent, describe_motion, describe_rotation, in_view, Performer, SpreadFact};
use crate::chart::words::{rotation_png_title, rotation_summary, rotation_table_caption};
use crate::chart::export::rotation_table;
use leptos::prelude::*;
use std::rc::Rc;

/// Who sits in which quadrant, where each head is heading and how far from the centre, the
/// period's leaders and laggards, the basket spread, the method and the zoom.
pub fn summary(g: &Graph, ctx: &WidgetContext) -> Signal<String> {
    let (g, format) = (g.clone(), ctx.format.clone());
    Signal::derive(move || {
        let (data, c) = (&g.data, g.c);
        let heads: Vec<(String, RotationPoint)> =
            g.tails.with(|t| t.0.iter().filter_map(|tail| tail.points.last().cloned().map(|h| (data.symbol(tail.position).to_owned(), h))).collect());
        // Heads only: one tail's worth of steps each, per scrub step.
        let motion: Vec<(String, PointMetrics)> = g.tails.with(|t| {
            t.0.iter()
                .filter_map(|tail| {
                    let k = tail.points.len().checked_sub(1)?;
                    Some((data.symbol(tail.position).to_owned(), point_metrics(data, c, tail, k)?))
                })
                .collect()
        });
        let as_of = heads.iter().map(|(_, h)| h.date).max().unwrap_or(data.table.dates[data.to]);
        let period = c.period.get();
        let (returns, _) = data.performers(c.benchmark.get(), period);
        let performers: Vec<Performer> = returns.iter().map(Performer::from).collect();
        let spread = data.basket_spread(period).as_ref().map(SpreadFact::from);
        let words = &g.words;
        let rotation = describe_rotation(words, data.symbol(c.benchmark.get()), c.interval.get(), as_of, &heads, &crate::chart::describe::period_name(words, period, format.as_ref()), &performers, spread.as_ref(), format.as_ref());
        let mut text = rotation_summary(words, &rotation, &describe_motion(words, &motion, format.as_ref()), &describe_extent(words, c.method.get(), data.window, c.zoom.get(), format.as_ref()));
        text.push_str(&g.tails.with(|t| note_sentence(data, c, t, words, c.published.get(), format.as_ref())));
        text
    })
}

/// The data table (points in view), the PNG's title and legend, and the file names.
pub fn exports(g: &Graph, ctx: &WidgetContext, scene: NodeRef<leptos::html::Canvas>) -> ViewExports {
    let (g1, g2, g3) = (g.clone(), g.clone(), g.clone());
    let c = g.c;
    let palette = ctx.palette;
    let (format, table_format) = (ctx.format.clone(), ctx.format.clone());
    ViewExports {
        table: Rc::new(move || {
            let (data, zoom) = (&g1.data, c.zoom.get_untracked());
            let tails: Vec<(String, Vec<(RotationPoint, PointMetrics)>)> = g1.tails.with(|t| {
                t.0.iter()
                    .map(|tail| {
                        let shown = tail.points.iter().cloned().zip(g1.tail_metrics(tail)).filter(|(p, _)| in_view(p, zoom)).collect::<Vec<_>>();
                        (data.symbol(tail.position).to_owned(), shown)
                    })
                    .filter(|(_, pts)| !pts.is_empty())
                    .collect()
            });
            let tail = c.tail.get_untracked();
            let extent = describe_extent(&g1.words, c.method.get_untracked(), data.window, zoom, table_format.as_ref());
            let mut caption = rotation_table_caption(&g1.words, data.symbol(c.benchmark.get_untracked()), c.interval.get_untracked(), tail, &extent);
            caption.push_str(&g1.tails.with(|t| note_sentence(data, c, t, &g1.words, c.published.get(), table_format.as_ref())));
            rotation_table(&g1.words, caption, &tails)
        }),
        frame: Rc::new(move || {
            let (data, palette) = (&g2.data, palette.get_untracked());
            let legend = g2.tails.with_untracked(|t| crate::chart::frame::rotation_legend(data, t.0.iter().map(|tail| tail.position), &palette));
            let title = rotation_png_title(&g2.words, data.symbol(c.benchmark.get_untracked()), data.table.dates[data.to], format.as_ref());
            (title, legend)
        }),
        naming: Rc::new(move || ("rotation", g3.tails.with_untracked(|t| t.0.iter().map(|tail| g3.data.symbol(tail.position).to_owned()).collect()))),
        scene,
        below: None,
    }
}
