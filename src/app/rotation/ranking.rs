//! The ranking at the date shown: symbol, quadrant, RS-Ratio, RS-Momentum and time in the
//! quadrant, strongest RS-Ratio first.

use super::unit;
use crate::analysis::rotation::{periods_in_quadrant, Quadrant, RotationPoint};
use crate::app::controls::Swatch;
use crate::app::state::{use_state, Looks};
use crate::app::widget_context;
use leptos::prelude::*;

/// One row of the ranking, as shown.
#[derive(Debug, Clone, PartialEq)]
struct Ranked {
    position: usize,
    quadrant: Quadrant,
    rs_ratio: String,
    rs_momentum: String,
    in_quadrant: String,
}

/// Symbol, quadrant, RS-Ratio, RS-Momentum and time in quadrant at the shown date, strongest
/// RS-Ratio first. Choosing a row pins that symbol's highlight. The rows are built once per
/// set of rotations (benchmark, interval, method), one per symbol; scrubbing changes only the
/// texts that differ and, where the order changes, which symbol a row shows, so a drag
/// rewrites a few text nodes per frame instead of rebuilding the table.
#[component]
pub fn RankingTable() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let names = data.has_names();
    let ranked: Memo<Vec<Ranked>> = {
        let (data, format) = (data.clone(), ctx.format.clone());
        Memo::new(move |_| {
            let s = data.rotation_set(c.benchmark.get(), c.interval.get(), c.method.get());
            let Ok(s) = s.as_ref() else { return Vec::new() };
            let at = c.scrub_index(&s.timeline).unwrap_or(data.to);
            let interval = c.interval.get();
            let mut rows: Vec<(usize, &RotationPoint, usize)> = s
                .rotations
                .iter()
                .filter_map(|r| {
                    let shown = r.points.get(..r.points.partition_point(|p| p.index <= at))?;
                    Some((r.position, shown.last()?, periods_in_quadrant(shown)))
                })
                .collect();
            crate::analysis::sorting::sort_by(&mut rows, |a, b| b.1.rs_ratio.total_cmp(&a.1.rs_ratio));
            rows.into_iter()
                .map(|(position, head, streak)| Ranked {
                    position,
                    quadrant: head.quadrant,
                    rs_ratio: format.number(head.rs_ratio, 2),
                    rs_momentum: format.number(head.rs_momentum, 2),
                    in_quadrant: format!("{streak} {}", unit(interval, streak)),
                })
                .collect()
        })
    };
    let count = Memo::new(move |_| ranked.with(Vec::len));
    let rows = move || {
        (0..count.get())
            .map(|k| {
                // The symbol in row `k`: its colour, marker and name change only with it.
                let position = Memo::new(move |_| ranked.with(|r| r.get(k).map_or(0, |r| r.position)));
                let field = move |pick: fn(&Ranked) -> String| move || ranked.with(|r| r.get(k).map(pick).unwrap_or_default());
                // An index into Quadrant::ALL, so this memo shares its code with the others.
                let quadrant_index = Memo::new(move |_| ranked.with(|r| r.get(k).map_or(usize::MAX, |r| r.quadrant.index())));
                let quadrant = move || Quadrant::ALL.get(quadrant_index.get()).copied();
                let symbol = {
                    let data = data.clone();
                    move || {
                        let p = position.get();
                        view! { <Swatch colour=data.colour(&ctx.palette.get(), p) marker=data.marker(p) />{data.symbol(p).to_owned()} }
                    }
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
                        <td><span class=move || quadrant().map_or(String::new(), |q| format!("rs-quadrant rs-q-{}", q.name().to_ascii_lowercase()))>
                            {move || quadrant().map_or("", |q| q.name())}
                        </span></td>
                        <td class="rs-num">{field(|r| r.rs_ratio.clone())}</td>
                        <td class="rs-num">{field(|r| r.rs_momentum.clone())}</td>
                        <td class="rs-num">{field(|r| r.in_quadrant.clone())}</td>
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
                        // A narrow widget shows the short header; a screen reader always
                        // hears the full one (README "Phones").
                        <th scope="col" class="rs-num"><span class="rs-th-long">"RS-Momentum"</span><span class="rs-th-short" aria-hidden="true">"Mom."</span></th>
                        <th scope="col" class="rs-num"><span class="rs-th-long">"In quadrant"</span><span class="rs-th-short" aria-hidden="true">"Time"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
