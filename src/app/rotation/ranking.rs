//! The ranking at the date shown: symbol, quadrant, RS-Ratio, RS-Momentum and time in the
//! quadrant, strongest RS-Ratio first.

use super::unit;
use crate::analysis::rotation::{periods_in_quadrant, RotationPoint};
use crate::app::controls::Swatch;
use crate::app::state::{use_state, Looks};
use crate::app::widget_context;
use leptos::prelude::*;

/// Symbol, quadrant, RS-Ratio, RS-Momentum and time in quadrant at the shown date, strongest
/// RS-Ratio first. Choosing a row pins that symbol's highlight. The rows are rebuilt as a
/// whole when the date (or the benchmark, interval, method or theme) changes: plain values,
/// no signal per row; only the pinned and hidden marks update in place.
#[component]
pub fn RankingTable() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let names = data.has_names();
    let rows = move || {
        let palette = ctx.palette.get();
        let s = data.rotation_set(c.benchmark.get(), c.interval.get(), c.method.get());
        let Ok(s) = s.as_ref() else { return Vec::new() };
        let at = c.scrub_index(&s.timeline).unwrap_or(data.to);
        let mut rows: Vec<(usize, RotationPoint, usize)> = s
            .rotations
            .iter()
            .filter_map(|r| {
                let end = r.points.partition_point(|p| p.index <= at);
                let head = r.points[..end].last()?.clone();
                Some((r.position, head, periods_in_quadrant(&r.points[..end])))
            })
            .collect();
        crate::analysis::sorting::sort_by(&mut rows, |a, b| b.1.rs_ratio.total_cmp(&a.1.rs_ratio));
        rows.into_iter()
            .map(|(p, head, streak)| {
                let colour = data.colour(&palette, p);
                let quadrant = head.quadrant;
                let interval = c.interval.get_untracked();
                view! {
                    <tr class=move || if c.is_hidden(p) { "rs-row rs-row-hidden" } else { "rs-row" }
                        class:rs-row-pinned=move || c.pinned.get() == Some(p)
                        on:mouseenter=move |_| c.hovered.set(Some(p))
                        on:mouseleave=move |_| c.hovered.set(None)>
                        <th scope="row">
                            <button type="button" class="rs-link" aria-pressed=move || (c.pinned.get() == Some(p)).to_string()
                                on:click=move |_| c.pinned.update(|x| *x = if *x == Some(p) { None } else { Some(p) })>
                                <Swatch colour=colour marker=data.marker(p) />
                                {data.symbol(p).to_owned()}
                            </button>
                        </th>
                        {names.then(|| view! { <td class="rs-name">{data.name(p).unwrap_or("").to_owned()}</td> })}
                        <td><span class=format!("rs-quadrant rs-q-{}", quadrant.name().to_ascii_lowercase())>{quadrant.name()}</span></td>
                        <td class="rs-num">{ctx.format.number(head.rs_ratio, 2)}</td>
                        <td class="rs-num">{ctx.format.number(head.rs_momentum, 2)}</td>
                        <td class="rs-num">{format!("{streak} {}", unit(interval, streak))}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <div class="rs-table-wrap">
            <table class="rs-table" data-testid="ranking">
                <caption class="rs-caption">"Ranking by RS-Ratio at the date shown"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Symbol"</th>
                        {names.then(|| view! { <th scope="col" class="rs-name">"Name"</th> })}
                        <th scope="col">"Quadrant"</th>
                        <th scope="col" class="rs-num">"RS-Ratio"</th>
                        <th scope="col" class="rs-num">"RS-Momentum"</th>
                        <th scope="col" class="rs-num">"In quadrant"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
