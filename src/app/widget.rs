//! The widget root: loads prices, shows loading and error states, and the chosen view.

use super::load::{load_prices, LoadError};
use super::performance::PerformanceView;
use super::{intl_or_default, WidgetContext};
use crate::analysis::period::Period;
use crate::analysis::selection::as_of_index;
use crate::analysis::{AnalysisError, PriceTable, Selection};
use crate::browser::palette::{prefers_dark, read_palette};
use crate::chart::theme::ColourOrder;
use crate::chart::Palette;
use crate::config::{Theme, WidgetConfig};
use leptos::html;
use leptos::prelude::*;
use std::rc::Rc;

/// Everything a view needs once the prices are in.
#[derive(Clone)]
struct Ready {
    table: Rc<PriceTable>,
    selection: Selection,
    colours: Rc<ColourOrder>,
    period: Period,
    to: usize,
}

fn prepare(table: Rc<PriceTable>, config: &WidgetConfig) -> Result<Ready, AnalysisError> {
    let symbols = config.symbols.as_deref();
    let selection = Selection::resolve(&table, config.benchmark.as_deref(), symbols)?;
    let period = config.period;
    let to = as_of_index(&table, config.as_of.as_deref())?;
    let colours = Rc::new(ColourOrder::new(&selection.symbols, table.series.len()));
    Ok(Ready { table, selection, colours, period, to })
}

/// Whether a widget with `theme` draws dark: `auto` follows `prefers-color-scheme`.
pub fn resolve_dark(theme: Theme) -> bool {
    match theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::Auto => prefers_dark(),
    }
}

#[component]
pub fn Widget(config: WidgetConfig) -> impl IntoView {
    let root = NodeRef::<html::Section>::new();
    let dark = resolve_dark(config.theme);
    let palette = RwSignal::new(if dark { Palette::dark() } else { Palette::light() });
    let (format, locale_problem) = intl_or_default(config.locale.as_deref());
    let ctx = WidgetContext { palette, format, height: config.height };
    provide_context(StoredValue::new_local(ctx));

    // Publisher CSS may override the palette through custom properties: read them once the
    // root is in the document.
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            palette.set(read_palette(&el, dark));
        }
    });

    let source = config.prices.clone();
    let prices = LocalResource::new(move || load_prices(source.clone()));
    let config = std::sync::Arc::new(config);
    let title = config.title.clone();
    let region_label = title.clone().unwrap_or_else(|| "Rotascope market rotation chart".into());
    let theme_class = if dark { "rotascope-widget rs-theme-dark" } else { "rotascope-widget rs-theme-light" };

    let body = move || {
        let config = config.clone();
        prices.get().map(move |result| match result.and_then(|t| prepare(t, &config).map_err(LoadError::Data)) {
            Ok(ready) => {
                let source_line = ready.table.source.clone().unwrap_or_default();
                let adjustment = ready.table.adjustment.describe();
                view! {
                    <PerformanceView table=ready.table.clone() selection=ready.selection.clone() colours=ready.colours.clone() period=ready.period to=ready.to />
                    <p class="rs-footnote" data-testid="footnote">{adjustment}{if source_line.is_empty() { String::new() } else { format!(" · {source_line}") }}</p>
                }
                .into_any()
            }
            Err(error) => view! { <ErrorPanel error=error on_retry=move || prices.refetch() /> }.into_any(),
        })
    };

    view! {
        <section class=theme_class node_ref=root data-rotascope-root="" role="region" aria-label=region_label>
            {title.map(|t| view! { <h2 class="rs-title">{t}</h2> })}
            {locale_problem.map(|p| view! { <p class="rs-note" role="note">{p}{"; using the browser's locale"}</p> })}
            <Suspense fallback=|| view! { <div class="rs-loading" role="status">"Loading prices…"</div> }>
                {body}
            </Suspense>
        </section>
    }
}

/// The error card: what went wrong, in the core's words, and a retry for network failures.
#[component]
pub fn ErrorPanel(error: LoadError, on_retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let retryable = error.retryable();
    let message = error.to_string();
    view! {
        <div class="rs-error" role="alert" data-testid="error">
            <p class="rs-error-title">"This chart cannot be shown"</p>
            <p class="rs-error-message">{message}</p>
            {retryable.then(|| view! { <button class="rs-button" on:click=move |_| on_retry()>"Try again"</button> })}
        </div>
    }
}
