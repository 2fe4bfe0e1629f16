//! What a date reads (the tooltip, for hover and keyboard alike): the close and the averages
//! that exist; and the keyboard walk along them.

use super::Chart;
use crate::app::chart_canvas::ChartKeyboard;
use crate::app::line_surface::Read;
use crate::app::WidgetContext;
use crate::chart::words::trend_lines;
use crate::chart::words;
use leptos::prelude::*;
use std::rc::Rc;

pub fn read(g: &Chart, ctx: &WidgetContext) -> Read {
    let (data, c, format, m, view) = (g.data.clone(), g.c, ctx.format.clone(), crate::app::messages(), g.surface.view.clone());
    Rc::new(move |i: usize| {
        let trend = data.trend(c.trend_symbol.get_untracked(), c.period.get_untracked());
        let rows = trend
            .as_ref()
            .iter()
            .flat_map(|(lines, _)| trend_lines(&m, lines))
            .filter_map(|(name, line)| line.at(i).map(|x| words::reading(&m, name, &format.number(x, 2))))
            .collect();
        let at_note = view.borrow().as_ref().and_then(|v| v.note_day_at(i));
        (words::day_read(&m, format.date(data.table.dates[i]), at_note), rows)
    })
}

pub fn keyboard(g: &Chart, ctx: &WidgetContext, read: Read, summary_id: String) -> ChartKeyboard {
    let (data, c, format, m, view) = (g.data.clone(), g.c, ctx.format.clone(), crate::app::messages(), g.surface.view.clone());
    let announce = Rc::new(move |l: usize, i: usize| {
        let symbol = c.trend_symbol.get_untracked();
        let trend = data.trend(symbol, c.period.get_untracked());
        let Some((name, line)) = trend.as_ref().as_ref().and_then(|(lines, _)| trend_lines(&m, lines).into_iter().nth(l)) else { return };
        let who = words::trend_line_owner(&m, data.symbol(symbol), name);
        let at_note = view.borrow().as_ref().and_then(|v| v.note_day_at(i));
        let day = words::day_read(&m, format.date(data.table.dates[i]), at_note);
        c.announce.set(words::value_on(&m, &who, line.at(i).map(|x| format.number(x, 2)).as_deref(), &day));
    });
    g.surface.keyboard(read, announce, Rc::new(|_| {}), summary_id)
}
