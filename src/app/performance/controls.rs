//! The performance view's controls: the period (buttons and a start day; the trend view has
//! it too) and the mode.

use crate::analysis::period::Period;
use crate::analysis::Date;
use crate::app::a11y::unique_id;
use crate::app::controls::Segmented;
use crate::app::state::use_state;
use crate::app::widget_context;
use crate::chart::describe::start_after_as_of;
use crate::chart::words;
use leptos::prelude::*;

/// The period buttons and a custom start day.
#[component]
pub fn PeriodControl() -> impl IntoView {
    let (data, c) = use_state();
    let named: Vec<(Period, String)> = Period::NAMED.iter().map(|p| (*p, p.label())).collect();
    let first = data.table.first_date().to_string();
    let last = data.as_of().to_string();
    // Why the last day typed was refused (a start after the as-of day), until a good one.
    let refused = RwSignal::new(None::<String>);
    let error_id = unique_id("rs-start-error");
    let described_by = error_id.clone();
    let format = widget_context().format;
    let shown_start = move || match c.period.get() {
        Period::Since(d) => d.to_string(),
        _ => String::new(),
    };
    view! {
        <Segmented label=words::PERIOD value=c.period options=named testid="period" />
        <label class="rs-field">
            <span class="rs-field-label">{words::PERIOD_START}</span>
            <input type="date" class="rs-date" data-testid="period-start" min=first max=last
                aria-invalid=move || refused.get().is_some().then_some("true")
                aria-describedby=move || refused.get().is_some().then(|| described_by.clone())
                prop:value=shown_start
                on:change=move |ev| {
                    let Ok(day) = Date::parse_iso(&event_target_value(&ev)) else { return };
                    match data.check_period(Period::Since(day)) {
                        Ok(period) => {
                            refused.set(None);
                            c.period.set(period);
                        }
                        Err(_) => {
                            refused.set(Some(start_after_as_of(day, data.as_of(), &**format)));
                            // The field goes back to the period still shown.
                            event_target::<leptos::web_sys::HtmlInputElement>(&ev).set_value(&shown_start());
                        }
                    }
                } />
            {move || refused.get().map(|why| view! { <span class="rs-field-error" role="alert" id=error_id.clone() data-testid="period-start-error">{why}</span> })}
        </label>
    }
}

/// The modes: % change, ratio to the benchmark, and the spread of the first two baskets
/// (when there are).
pub fn modes(data: &crate::model::Model) -> Vec<(crate::model::PerfMode, String)> {
    words::mode_options(data.baskets.first().zip(data.baskets.get(1)).map(|(a, b)| (a.name.as_str(), b.name.as_str())))
}
