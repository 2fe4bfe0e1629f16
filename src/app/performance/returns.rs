//! The returns table: the period's returns ranked best first, with the excess over the
//! benchmark in percentage points and a bar for each.

use crate::app::controls::{Swatch, ViewError};
use crate::app::state::Looks;
use crate::app::WidgetContext;
use crate::chart::performance::return_bars;
use crate::chart::words;
use leptos::prelude::*;

/// Period returns ranked best first, with excess over the benchmark in percentage points.
pub fn returns_table(g: &super::Chart, ctx: &WidgetContext) -> impl IntoView {
    let (data, c, palette, format) = (g.data.clone(), g.c, ctx.palette, ctx.format.clone());
    let names = data.has_names();
    move || {
        let (benchmark, period, palette) = (c.benchmark.get(), c.period.get(), palette.get());
        let returns = data.returns(benchmark, period);
        let (rows, _) = match returns.as_ref() {
            Ok(r) => r,
            Err(e) => return view! { <ViewError message=crate::app::messages().said(e) /> }.into_any(),
        };
        let m = crate::app::messages();
        let h = words::returns_headings(&m);
        let bars = return_bars(&rows.iter().map(|r| r.return_pct).collect::<Vec<_>>());
        let body = rows
            .iter()
            .zip(bars)
            .enumerate()
            .map(|(rank, (r, (bar, width)))| {
                let p = data.table.position(&r.symbol).expect("returned symbols are loaded");
                let colour = if p == benchmark { palette.text } else { data.colour(&palette, p) };
                let excess = if p == benchmark { h.benchmark.to_string() } else { format.points(r.excess_pp, 2) };
                view! {
                    <tr class:rs-row-benchmark=p == benchmark
                        on:mouseenter=move |_| c.hovered.set(Some(p))
                        on:mouseleave=move |_| c.hovered.set(None)>
                        <td class="rs-num">{rank + 1}</td>
                        <th scope="row"><Swatch colour=colour marker=data.marker(p) />{r.symbol.clone()}</th>
                        {names.then(|| view! { <td class="rs-name">{data.name(p).unwrap_or("").to_owned()}</td> })}
                        <td class="rs-num">{format.percent(r.return_pct, 2)}</td>
                        <td class="rs-num">{excess}</td>
                        <td class="rs-bar-cell" aria-hidden="true"><span class=bar style:width=width></span></td>
                    </tr>
                }
            })
            .collect_view();
        let caption = words::returns_caption(&m, &period, data.table.dates[data.to], format.as_ref());
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
