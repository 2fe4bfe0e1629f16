//! The trend view's symbol.

use leptos::prelude::*;

/// Which symbol the chart shows.
pub fn symbol_select(g: &super::Chart) -> impl IntoView {
    let (data, c) = (&g.data, g.c);
    let options = data
        .members
        .iter()
        .map(|&p| view! { <option value=p.to_string() selected=move || c.trend_symbol.get() == p>{data.symbol(p).to_owned()}</option> })
        .collect_view();
    view! {
        <label class="rs-field">
            <span class="rs-field-label">{crate::app::messages().get("control.symbol")}</span>
            <select class="rs-select" data-testid="trend-symbol"
                on:change=move |ev| {
                    if let Ok(p) = event_target_value(&ev).parse::<usize>() {
                        c.trend_symbol.set(p);
                    }
                }>{options}</select>
        </label>
    }
}
