//! What a date reads (the tooltip, for hover and keyboard alike) and the keyboard walk along
//! the lines: the focused value is announced, Enter pins its symbol.

use super::Chart;
use crate::app::chart_canvas::ChartKeyboard;
use crate::app::line_surface::Read;
use crate::app::WidgetContext;
use crate::chart::performance::best_first;
use crate::chart::words;
use leptos::prelude::*;
use std::rc::Rc;

/// Every unfaded line's value at a date, best first.
pub fn read(g: &Chart, ctx: &WidgetContext) -> Read {
    let (g, format, m) = (g.clone(), ctx.format.clone(), crate::app::messages());
    Rc::new(move |i: usize| {
        let view = g.surface.view.borrow();
        let rows: Vec<(f64, String)> = view
            .iter()
            .flat_map(|v| v.lines.iter().enumerate())
            .filter(|(_, l)| !l.faded)
            .filter_map(|(k, l)| g.value_of(k, i).map(|value| (value, words::line_reading(&m, &l.label, l.unit, value, format.as_ref()))))
            .collect();
        let at_note = view.as_ref().and_then(|v| v.note_day_at(i));
        (words::day_read(&m, format.date(g.data.table.dates[i]), at_note), best_first(rows))
    })
}

pub fn keyboard(g: &Chart, ctx: &WidgetContext, read: Read, summary_id: String) -> ChartKeyboard {
    let (announcer, format, m) = (g.clone(), ctx.format.clone(), crate::app::messages());
    let announce = Rc::new(move |l: usize, i: usize| {
        let g = &announcer;
        let view = g.surface.view.borrow();
        let Some(line) = view.as_ref().and_then(|v| v.lines.get(l)) else { return };
        let at_note = view.as_ref().and_then(|v| v.note_day_at(i));
        let day = words::day_read(&m, format.date(g.data.table.dates[i]), at_note);
        let value = g.value_of(l, i).map(|val| line.unit.format(format.as_ref(), val));
        g.c.announce.set(words::value_on(&m, &line.label, value.as_deref(), &day));
    });
    let chooser = g.clone();
    let choose = Rc::new(move |l: usize| {
        if let Some(p) = chooser.symbol_of(l) {
            chooser.c.pinned.update(|x| *x = if *x == Some(p) { None } else { Some(p) });
        }
    });
    g.surface.keyboard(read, announce, choose, summary_id)
}
