//! Small building blocks shared by the views: segmented buttons, the benchmark select, the
//! legend, colour swatches and the tooltip. All are native buttons, selects and inputs, so
//! every control works with the keyboard and shows a focus ring.

use super::state::{use_state, Looks};
use super::widget_context;
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
    let options = (0..data.table.series.len())
        .map(|p| {
            let label = crate::chart::words::symbol_with_name(data.symbol(p), data.name(p));
            view! { <option value=p.to_string() selected=move || c.benchmark.get() == p>{label}</option> }
        })
        .collect_view();
    view! {
        <label class="rs-field">
            <span class="rs-field-label">{crate::chart::words::BENCHMARK}</span>
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
        <div class="rs-legend" role="group" aria-label=crate::chart::words::LEGEND_LABEL data-testid="legend">{items}</div>
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
            <p class="rs-error-title">{crate::chart::words::VIEW_FAILED}</p>
            <p class="rs-error-message">{message}</p>
        </div>
    }
}
