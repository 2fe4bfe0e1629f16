//! The ranking at the date shown: symbol, quadrant, RS-Ratio, RS-Momentum and time in the
//! quadrant, strongest RS-Ratio first.

use crate::analysis::rotation::{periods_in_quadrant, Quadrant};
use crate::analysis::rotation_metrics::metrics_at;
use crate::app::controls::swatch_class;
use crate::app::state::{use_state, Looks};
use crate::app::widget_context;
use crate::chart::ranking::{rank, sort_label, RankColumn, RankInput, RankRow, RankSort};
use leptos::prelude::*;

/// Symbol, quadrant, RS-Ratio, RS-Momentum, time in quadrant, heading, distance and velocity at
/// the shown date, strongest RS-Ratio first until a header picks another column (again to
/// reverse). Choosing a row pins that symbol's highlight. The rows are built once per set of
/// rotations (benchmark, interval, method), one per symbol; scrubbing or sorting changes only
/// the texts that differ and, where the order changes, which symbol a row shows, so a drag
/// rewrites a few text nodes per frame instead of rebuilding the table. The metrics are the
/// heads' alone: one tail's steps per symbol per step.
#[component]
pub fn RankingTable() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let names = data.has_names();
    let sort = RwSignal::new(RankSort::default());
    let ranked: Memo<Vec<RankRow>> = {
        let (data, format) = (data.clone(), ctx.format.clone());
        Memo::new(move |_| {
            let s = data.rotation_set(c.benchmark.get(), c.interval.get(), c.method.get());
            let Ok(s) = s.as_ref() else { return Vec::new() };
            let at = c.scrub_index(&s.timeline).unwrap_or(data.to);
            let tail = c.tail.get();
            let inputs: Vec<RankInput> = s
                .rotations
                .iter()
                .filter_map(|r| {
                    let shown = r.points.get(..r.points.partition_point(|p| p.index <= at))?;
                    let head = shown.last()?;
                    Some(RankInput {
                        position: r.position,
                        symbol: data.symbol(r.position),
                        name: data.name(r.position).unwrap_or(""),
                        head,
                        streak: periods_in_quadrant(shown),
                        metrics: metrics_at(shown, shown.len() - 1, tail)?,
                    })
                })
                .collect();
            rank(&crate::app::messages(), inputs, sort.get(), c.interval.get(), format.as_ref())
        })
    };
    let count = Memo::new(move |_| ranked.with(Vec::len));
    let m = crate::app::messages();
    let long = Quadrant::ALL.map(|q| m.quadrant(q));
    let short = Quadrant::ALL.map(|q| crate::chart::words::quadrant_short(&m, q));
    let rows = move || {
        (0..count.get())
            .map(|k| {
                // Row `k` alone: the ranking's only subscriber per row, so the dozen cells below
                // subscribe to their row, not all of them to the whole ranking (each reader of a
                // signal unsubscribes and subscribes again on every run, and that costs in
                // proportion to the signal's subscribers: ~300 on the ranking, 13 on a row).
                let row = Memo::new(move |_| ranked.with(|r| r.get(k).cloned()));
                // The symbol in row `k`: its colour, marker and name change only with it.
                let position = Memo::new(move |_| row.with(|r| r.as_ref().map_or(0, |r| r.position)));
                let field = move |pick: fn(&RankRow) -> String| move || row.with(|r| r.as_ref().map(pick).unwrap_or_default());
                // An index into Quadrant::ALL, so this memo shares its code with the others.
                let quadrant_index = Memo::new(move |_| row.with(|r| r.as_ref().map_or(usize::MAX, |r| r.quadrant.index())));
                let quadrant = move || Quadrant::ALL.get(quadrant_index.get()).copied();
                // The swatch (a Swatch's markup) and the symbol, each attribute and the text
                // rewritten alone when another symbol moves into the row, never rebuilt.
                let symbol = {
                    let (d1, d2, d3) = (data.clone(), data.clone(), data.clone());
                    let shape = move || swatch_class(d1.marker(position.get()));
                    let colour = move || d2.colour(&ctx.palette.get(), position.get()).to_string();
                    view! { <span class=shape aria-hidden="true" style:background-color=colour></span>{move || d3.symbol(position.get()).to_owned()} }
                };
                let name = {
                    let data = data.clone();
                    move || data.name(position.get()).unwrap_or("").to_owned()
                };
                view! {
                    <tr class=move || if c.is_hidden(position.get()) { "rs-row rs-row-hidden" } else { "rs-row" }
                        class:rs-row-pinned=move || c.pinned.get() == Some(position.get())
                        on:mouseenter=move |_| c.hovered.set(Some(position.get_untracked()))
                        on:mouseleave=move |_| c.hovered.set(None)>
                        <th scope="row">
                            <button type="button" class="rs-link" aria-pressed=move || (c.pinned.get() == Some(position.get())).to_string()
                                on:click=move |_| {
                                    let p = position.get_untracked();
                                    c.pinned.update(|x| *x = if *x == Some(p) { None } else { Some(p) });
                                }>
                                {symbol}
                            </button>
                        </th>
                        {names.then(|| view! { <td class="rs-name">{name}</td> })}
                        <td><span class=move || quadrant().map_or(String::new(), |q| crate::chart::markup::quadrant_class("rs-quadrant", q))>
                            <span class="rs-th-long">{move || quadrant().map_or("", |q| long[q.index()])}</span>
                            <span class="rs-th-short" aria-hidden="true">{move || quadrant().map_or("", |q| short[q.index()])}</span>
                        </span></td>
                        <td class="rs-num">{field(|r| r.rs_ratio.clone())}</td>
                        <td class="rs-num">{field(|r| r.rs_momentum.clone())}</td>
                        <td class="rs-num">{field(|r| r.in_quadrant.0.clone())}<span class="rs-narrow-hide">{field(|r| r.in_quadrant.1.clone())}</span></td>
                        <td class="rs-num">{field(|r| r.heading.0.clone())}<span class="rs-narrow-hide">{field(|r| r.heading.1.clone())}</span></td>
                        <td class="rs-num">{field(|r| r.distance.clone())}</td>
                        <td class="rs-num">{field(|r| r.velocity.clone())}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>()
    };
    // One header per column, each a button that sorts by it (again to reverse). A narrow
    // widget has no room for a 44 px button per column: it shows the short header as text
    // and a "Sort by" list instead; a screen reader always hears the full header (README
    // "Phones").
    let headers = RankColumn::ALL
        .into_iter()
        .filter(|&col| names || col != RankColumn::Name)
        .map(|col| {
            let class = match (col.numeric(), col == RankColumn::Name) {
                (true, _) => "rs-num",
                (_, true) => "rs-name",
                _ => "",
            };
            view! {
                <th scope="col" class=class aria-sort=move || sort.get().aria(col)>
                    <button type="button" class="rs-sort" on:click=move |_| sort.update(|s| *s = s.choose(col))>{col.header(&m)}</button>
                    <span class="rs-th-plain"><span class="rs-th-long">{col.header(&m)}</span><span class="rs-th-short" aria-hidden="true">{col.short(&m)}</span></span>
                </th>
            }
        })
        .collect_view();
    let choices = RankSort::choices(names);
    let options = choices.iter().enumerate().map(|(i, s)| view! { <option value=i.to_string()>{s.label(&m)}</option> }).collect_view();
    let chosen = {
        let choices = choices.clone();
        move || choices.iter().position(|s| *s == sort.get()).unwrap_or(0).to_string()
    };
    let choose = move |ev: leptos::ev::Event| {
        if let Some(s) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| choices.get(i).copied()) {
            sort.set(s);
        }
    };
    view! {
        <label class="rs-rank-sort">{sort_label(&m)}" "
            <select class="rs-select" data-testid="ranking-sort" prop:value=chosen on:change=choose>{options}</select>
        </label>
        <div class="rs-table-wrap">
            <table class="rs-table rs-ranking" data-testid="ranking">
                <caption class="rs-caption">{move || sort.get().caption(&m)}</caption>
                <thead>
                    <tr>{headers}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
