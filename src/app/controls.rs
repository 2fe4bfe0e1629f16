//! Small building blocks shared by the views: segmented buttons, the benchmark select, the
//! legend, colour swatches and the tooltip. All are native buttons, selects and inputs, so
//! every control works with the keyboard and shows a focus ring.

use super::a11y::unique_id;
use super::state::{use_state, Looks};
use super::widget_context;
use crate::analysis::period::Period;
use crate::analysis::Date;
use crate::chart::describe::{period_name, start_after_as_of};
use crate::chart::rotation::Marker;
use crate::chart::Rgb;
use leptos::prelude::*;

/// A row of buttons of which one is chosen (`aria-pressed`).
#[component]
pub fn Segmented<T: Copy + PartialEq + Send + Sync + 'static>(
    #[prop(into)] label: String,
    options: Vec<(T, String)>,
    value: RwSignal<T>,
    #[prop(optional, into)] testid: String,
) -> impl IntoView {
    view! {
        <div class="rs-segmented" role="group" aria-label=label data-testid=testid>
            {options
                .into_iter()
                .map(|(v, text)| {
                    view! {
                        <button type="button" class="rs-seg" aria-pressed=move || (value.get() == v).to_string()
                            on:click=move |_| value.set(v)>{text}</button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// A colour swatch in the symbol's marker shape (shape tells symbols apart beyond hue).
#[component]
pub fn Swatch(colour: Rgb, marker: Marker) -> impl IntoView {
    view! { <span class=swatch_class(marker) aria-hidden="true" style:background-color=colour.to_string()></span> }
}

/// A swatch's classes for `marker`'s shape.
pub fn swatch_class(marker: Marker) -> &'static str {
    match marker {
        Marker::Circle => "rs-swatch",
        Marker::Square => "rs-swatch rs-swatch-square",
        Marker::Triangle => "rs-swatch rs-swatch-triangle",
        Marker::Diamond => "rs-swatch rs-swatch-diamond",
    }
}

/// The benchmark: any loaded symbol.
#[component]
pub fn BenchmarkSelect() -> impl IntoView {
    let (data, c) = use_state();
    let m = super::messages();
    let options = (0..data.table.series.len())
        .map(|p| {
            let label = crate::chart::words::symbol_with_name(&m, data.symbol(p), data.name(p));
            view! { <option value=p.to_string() selected=move || c.benchmark.get() == p>{label}</option> }
        })
        .collect_view();
    view! {
        <label class="rs-field">
            <span class="rs-field-label">{super::messages().get("control.benchmark")}</span>
            <select class="rs-select" data-testid="benchmark"
                on:change=move |ev| {
                    if let Ok(p) = event_target_value(&ev).parse::<usize>() {
                        c.benchmark.set(p);
                        c.scrub.set(None);
                        c.pinned.set(None);
                    }
                }>{options}</select>
        </label>
    }
}

/// Toggles symbols on and off; pointing at one highlights it in the chart.
#[component]
pub fn Legend() -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let items = move || {
        let benchmark = c.benchmark.get();
        let palette = ctx.palette.get();
        data.members
            .iter()
            .copied()
            .filter(|&p| p != benchmark)
            .map(|p| {
                let colour = data.colour(&palette, p);
                let symbol = data.symbol(p).to_owned();
                let title = data.name(p).map(str::to_owned).unwrap_or_default();
                view! {
                    <button type="button" class="rs-legend-item" title=title
                        aria-pressed=move || (!c.is_hidden(p)).to_string()
                        on:click=move |_| c.toggle_hidden(p)
                        on:mouseenter=move |_| c.hovered.set(Some(p))
                        on:mouseleave=move |_| c.hovered.set(None)
                        on:focus=move |_| c.hovered.set(Some(p))
                        on:blur=move |_| c.hovered.set(None)>
                        <Swatch colour=colour marker=data.marker(p) />
                        <span>{symbol}</span>
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <div class="rs-legend" role="group" aria-label=super::messages().get("control.legend") data-testid="legend">{items}</div>
    }
}

/// A tooltip's content and its top-left corner (CSS pixels within the chart).
#[derive(Debug, Clone, PartialEq)]
pub struct TooltipData {
    pub x: f64,
    pub y: f64,
    pub title: String,
    pub lines: Vec<String>,
}

impl TooltipData {
    /// Places a tooltip beside the pointer at (`px`, `py`), on the side with room, in a chart
    /// `width` × `height` CSS pixels.
    pub fn beside(px: f64, py: f64, width: f64, height: f64, title: String, lines: Vec<String>) -> TooltipData {
        const GAP: f64 = 14.0;
        const BOX_W: f64 = 210.0;
        let box_h = 22.0 + 18.0 * lines.len() as f64;
        let x = if px + GAP + BOX_W > width { (px - GAP - BOX_W).max(0.0) } else { px + GAP };
        let y = if py + GAP + box_h > height { (py - GAP - box_h).max(0.0) } else { py + GAP };
        TooltipData { x, y, title, lines }
    }
}

/// Shows `data` where it says.
#[component]
pub fn Tooltip(data: RwSignal<Option<TooltipData>>) -> impl IntoView {
    move || {
        data.get().map(|t| {
            view! {
                <div class="rs-tooltip" role="tooltip" data-testid="tooltip"
                    style:left=crate::chart::markup::px(t.x)
                    style:top=crate::chart::markup::px(t.y)>
                    <div class="rs-tooltip-title">{t.title}</div>
                    {t.lines.into_iter().map(|l| view! { <div>{l}</div> }).collect_view()}
                </div>
            }
        })
    }
}

/// An inline error inside a view (the data loaded, but this view cannot be drawn).
#[component]
pub fn ViewError(message: String) -> impl IntoView {
    view! {
        <div class="rs-error" role="alert" data-testid="view-error">
            <p class="rs-error-title">{super::messages().get("error.view")}</p>
            <p class="rs-error-message">{message}</p>
        </div>
    }
}

/// The period buttons and a custom start day.
#[component]
pub fn PeriodControl() -> impl IntoView {
    let (data, c) = use_state();
    let format = widget_context().format;
    let m = super::messages();
    let named: Vec<(Period, String)> = Period::NAMED.iter().map(|p| (*p, period_name(&m, *p, &**format))).collect();
    let first = data.table.first_date().to_string();
    let last = data.as_of().to_string();
    // Why the last day typed was refused (a start after the as-of day), until a good one.
    let refused = RwSignal::new(None::<String>);
    let error_id = unique_id("rs-start-error");
    let described_by = error_id.clone();
    let shown_start = move || match c.period.get() {
        Period::Since(d) => d.to_string(),
        _ => String::new(),
    };
    view! {
        <Segmented label=m.get("control.period") value=c.period options=named testid="period" />
        <label class="rs-field">
            <span class="rs-field-label">{m.get("control.periodStart")}</span>
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
                            refused.set(Some(start_after_as_of(&m, day, data.as_of(), &**format)));
                            // The field goes back to the period still shown.
                            event_target::<leptos::web_sys::HtmlInputElement>(&ev).set_value(&shown_start());
                        }
                    }
                } />
            {move || refused.get().map(|why| view! { <span class="rs-field-error" role="alert" id=error_id.clone() data-testid="period-start-error">{why}</span> })}
        </label>
    }
}
