//! The widget root: loads prices, shows loading and error states, the view tabs and the
//! chosen view, data notes and the footnote.

use super::a11y::{Announcer, LiveRegion};
use super::card::NoteCard;
use super::loading::{Loaded, Loading};
use super::refresh::{NoteVersion, Refresh, RefreshTargets};
use super::performance::PerformanceView;
use super::rotation::RotationView;
use super::state::{use_state, Controls};
use super::trend::TrendView;
use super::{intl_or_default, messages, widget_context, WidgetContext, WidgetEvents};
use crate::analysis::{AnalysisError, PriceTable, Warning};
use crate::browser::palette::{page_declares_dark, prefers_dark, read_palette, ColourSchemeWatch};
use crate::chart::describe::{subtitle, Shown};
use crate::chart::markup::{numbered_id, tab_testid};
use crate::chart::messages::{language_not_loaded, language_of, unsupported_language, Messages};
use crate::chart::words::{self, TAB_KEYS, TAB_NAMES};
use crate::chart::{notes, Palette};
use crate::analysis::sentiment::Bands;
use crate::config::{Source, Theme, View, WidgetConfig};
use crate::load::{load_prices, LoadError};
use crate::model::Model;
use leptos::html;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// Whether a widget with `theme` draws dark: `auto` follows the page's own colour scheme when
/// it declares exactly one (`color-scheme` on the root element, or its `<meta>`), else
/// `prefers-color-scheme`.
pub fn resolve_dark(theme: Theme) -> bool {
    match theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::Auto => page_declares_dark().unwrap_or_else(prefers_dark),
    }
}

/// The data a widget drew last and the reader's controls over it.
type Drawn = Option<(Rc<Model>, Controls)>;

/// The model of `table` and the reader's controls: those of the data drawn before (`kept`,
/// after a refresh) when the new table has the same symbols, so the view, benchmark,
/// highlight, zoom and hidden symbols stay, and a scrub position stays on its day (at the
/// last point it follows the new last point); else new ones, owned by the widget (`owner`) so
/// they outlive a redraw, with the reader's settings carried over by symbol name.
fn prepare(table: Rc<PriceTable>, config: &WidgetConfig, kept: Option<&(Rc<Model>, Controls)>, owner: &Owner) -> Result<(Model, Controls), AnalysisError> {
    let data = Model::new(table, &config.analyze_options())?;
    if let Some((before, c)) = kept {
        if before.table.series.iter().map(|s| &s.symbol).eq(data.table.series.iter().map(|s| &s.symbol)) {
            if let Some(step) = c.scrub.get_untracked() {
                c.scrub.set(data.same_step(before, step, c.benchmark.get_untracked(), c.interval.get_untracked(), c.method.get_untracked()));
            }
            return Ok((data, *c));
        }
    }
    let benchmark = data.benchmark;
    let first = data.members.first().copied().unwrap_or(benchmark);
    let controls = owner.with(|| Controls::new(config, benchmark, first));
    if let Some((before, c)) = kept {
        c.carry_into(before, &data, controls);
    }
    Ok((data, controls))
}

/// What the reader and the page are told when a refresh brought new data: each quadrant
/// change it brought (`rotascope:alert`, and marked new in the alerts list) and one polite
/// announcement.
fn tell_new_data(data: &Model, before: &Model, c: Controls, events: Option<&WidgetEvents>, said: RwSignal<String>, told: &std::cell::RefCell<Vec<crate::model::RotationAlert>>) {
    let mut alerts = data.new_alerts(before, c.benchmark.get_untracked(), c.interval.get_untracked(), c.method.get_untracked());
    // Each change once in the widget's life: an unfinished week's change may go and come back.
    alerts.retain(|a| !told.borrow().iter().any(|t| t.same(a)));
    told.borrow_mut().extend(alerts.iter().cloned());
    if let Some(e) = events {
        alerts.iter().for_each(|a| (e.alert)(a));
    }
    c.fresh.update(|f| f.extend(alerts.iter().cloned()));
    let moves: Vec<(&str, crate::analysis::rotation::Quadrant)> = alerts.iter().map(|a| (a.symbol.as_str(), a.to)).collect();
    if let Some(&latest) = data.table.dates.get(data.to) {
        said.set(words::refresh_announcement(&super::messages(), latest, &moves, widget_context().format.as_ref()));
    }
}

#[component]
pub fn Widget(config: WidgetConfig) -> impl IntoView {
    let root = NodeRef::<html::Section>::new();
    let dark = resolve_dark(config.theme);
    let palette = RwSignal::new(if dark { Palette::dark() } else { Palette::light() });
    // Numbers and dates follow the language unless a locale is given.
    let (intl, locale_problem) = intl_or_default(config.locale_tag());
    let format: send_wrapper::SendWrapper<Rc<dyn crate::chart::format::Format>> = send_wrapper::SendWrapper::new(Rc::clone(&intl) as Rc<dyn crate::chart::format::Format>);
    // The interface's words: English at once; another language once its table is in (loaded
    // beside the prices, so nothing with words is drawn before it).
    let words: RwSignal<Option<Messages>> = RwSignal::new(None);
    // Why the widget shows English instead of the language asked for; set before `words`, whose
    // change draws the widget (so read without tracking).
    let language_problem: send_wrapper::SendWrapper<Rc<RefCell<Option<crate::analysis::said::Said>>>> = send_wrapper::SendWrapper::new(Rc::default());
    {
        let tag = config.lang.clone().unwrap_or_default();
        let lang = if tag.is_empty() { Some("en") } else { language_of(&tag) };
        if lang.is_none() {
            *language_problem.borrow_mut() = Some(unsupported_language(&tag));
        }
        // Kept for the page's life, as the language's table is.
        let overrides = crate::chart::messages::keep(config.messages.clone());
        match lang {
            Some(lang) if lang != "en" => {
                let timeout_s = config.timeout_s;
                let language_problem = Rc::clone(&language_problem);
                let intl = Rc::clone(&intl);
                wasm_bindgen_futures::spawn_local(async move {
                    let table = crate::load::load_language(lang, timeout_s).await;
                    let messages = match table {
                        Ok(table) => Messages::new(lang, table, overrides, Some(crate::browser::intl::plural_category)),
                        Err(why) => {
                            *language_problem.borrow_mut() = Some(language_not_loaded(lang, &why));
                            Messages::new("en", &[], overrides, None)
                        }
                    };
                    intl.speak(&messages);
                    words.try_set(Some(messages));
                });
            }
            _ => {
                let messages = Messages::new("en", &[], overrides, None);
                intl.speak(&messages);
                words.set(Some(messages));
            }
        }
    }
    provide_context(WidgetContext { palette, format, height: config.height, title: config.title.clone(), messages: words });

    // Publisher CSS may override the palette through custom properties: read them once the
    // root is in the document.
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            palette.set(read_palette(&el, dark));
        }
    });
    // Shows the widget in the light or dark theme: the host's attribute (page CSS) and the
    // charts' palette, read from the custom properties that attribute selects.
    let show_theme = {
        let events = use_context::<WidgetEvents>();
        std::rc::Rc::new(move |dark: bool| {
            if let Some(e) = &events {
                (e.theme)(dark);
            }
            if let Some(el) = root.get_untracked() {
                palette.set(read_palette(&el, dark));
            }
        })
    };
    // `auto` follows the reader's colour scheme while the page is open (unless the page
    // declares its own).
    if config.theme == Theme::Auto {
        let show = show_theme.clone();
        let watch = ColourSchemeWatch::new(move |_| show(resolve_dark(Theme::Auto)));
        let watch = StoredValue::new_local(watch);
        on_cleanup(move || watch.set_value(None));
    }

    // Paper is light: the host switches to the light theme before anything is printed (this
    // listener is registered before the charts' own, which repaint with this palette), and
    // back to the reader's afterwards.
    {
        let (before, theme) = (show_theme.clone(), config.theme);
        let print = crate::browser::print::PrintWatch::new(move || before(false), move || show_theme(resolve_dark(theme)));
        let print = StoredValue::new_local(print);
        on_cleanup(move || print.set_value(None));
    }

    let sources = config.prices.clone();
    let timeout_s = config.timeout_s;
    // Bytes received (and the total, when known) while the prices download.
    let received: RwSignal<Option<(u64, Option<u64>)>, LocalStorage> = RwSignal::new_local(None);
    let prices = Loaded::new(move || {
        received.set(None);
        load_prices(sources.clone(), timeout_s, Rc::new(move |got, total| received.set(Some((got, total)))))
    });
    let config = Arc::new(config);
    let owner = Owner::current().unwrap_or_default();
    // The data drawn last and the reader's controls, kept across refreshes.
    let shown: send_wrapper::SendWrapper<Rc<std::cell::RefCell<Drawn>>> = send_wrapper::SendWrapper::new(Rc::default());
    // "Updated 10:32" under the chart (its time, and why not when refreshes fail), and the
    // announcement of new data.
    let status: RwSignal<Option<(String, Option<String>)>, LocalStorage> = RwSignal::new_local(None);
    let said = RwSignal::new(String::new());
    // The quadrant changes already told of (`rotascope:alert`).
    let told: send_wrapper::SendWrapper<Rc<std::cell::RefCell<Vec<crate::model::RotationAlert>>>> = send_wrapper::SendWrapper::new(Rc::default());
    let note_version = NoteVersion(RwSignal::new(0u32));
    provide_context(note_version);
    let refresh = Refresh::new(config.clone(), RefreshTargets { prices, root, words, status, note_version });
    let title = config.title.clone();
    let theme_class = if dark { "rotascope-widget rs-theme-dark" } else { "rotascope-widget rs-theme-light" };
    let ignored = config.ignored.clone();

    let (note, bands, tolerance) = (config.note.clone(), config.bands, config.tolerance);
    let card_only = config.prices.is_empty();
    let events = use_context::<WidgetEvents>();
    if card_only {
        if let Some(e) = &events {
            (e.ready)();
        }
        refresh.start();
    }
    if let Some(e) = &events {
        *e.refresh.borrow_mut() = Some(refresh.now.clone());
    }
    let refresh = send_wrapper::SendWrapper::new(Rc::new(refresh));
    let body = {
        let config = config.clone();
        let note = note.clone();
        move || {
            let config = config.clone();
            let note = note.clone();
            let events = events.clone();
            let Some(result) = prices.get() else {
                return view! { <Loading what="loading.prices" received=received /> }.into_any();
            };
            let kept = shown.borrow().clone();
            if kept.is_none() {
                refresh.first_outcome(&config);
            }
            match result.and_then(|t| prepare(t, &config, kept.as_ref(), &owner).map_err(LoadError::Data)) {
                Ok((data, controls)) => {
                    let data = Rc::new(data);
                    match &kept {
                        // Once the drawn widget is in the page (effects run after it is).
                        None => {
                            Effect::new(move |_| {
                                if let Some(e) = &events {
                                    (e.ready)();
                                }
                            });
                        }
                        Some((before, _)) => tell_new_data(&data, before, controls, events.as_ref(), said, &told),
                    }
                    *shown.borrow_mut() = Some((data.clone(), controls));
                    provide_context(send_wrapper::SendWrapper::new(data));
                    provide_context(controls);
                    // `Auto` is resolved to a key by the host when it mounts.
                    let permalink = match &config.permalink {
                        Some(crate::config::Permalink::Key(k)) => Some(k.clone()),
                        _ => None,
                    };
                    view! { <WidgetBody note=note bands=bands tolerance=tolerance timeout_s=timeout_s permalink=permalink status=status /> }.into_any()
                }
                // The note does not depend on the prices: it still shows beside the error.
                Err(error) => {
                    if let Some(e) = &events {
                        (e.error)(error.code(), error.to_string());
                    }
                    let layout = if note.is_some() { "rs-layout rs-layout-card" } else { "rs-layout" };
                    view! {
                        <div class=layout>
                            <div class="rs-main"><ErrorPanel error=error on_retry=move || prices.reload() /></div>
                            {note.map(|n| view! { <NoteCard source=n bands=bands tolerance=tolerance timeout_s=timeout_s /> })}
                        </div>
                    }
                    .into_any()
                }
            }
        }
    };

    // Drawn once the language's table is in (at once in English): the box waits empty, so a
    // reader never sees English flash first.
    move || {
        let m = words.get()?;
        let region_label = title.clone().unwrap_or_else(|| m.get("widget.region").to_owned());
        let ignored = words::ignored_settings(&m, &ignored);
        let note = note.clone();
        Some(view! {
            <section class=theme_class node_ref=root data-rotascope-root="" data-rotascope-stopped=m.get("panic.stopped") role="region" aria-label=region_label lang=m.lang>
                <p class="rs-visually-hidden" role="status" data-testid="refresh-said">{move || said.get()}</p>
                {title.clone().map(|t| view! { <h2 class="rs-title">{t}</h2> })}
                {locale_problem.clone().map(|p| view! { <p class="rs-note" role="note">{p}{"; using the browser's locale"}</p> })}
                {language_problem.borrow().as_ref().map(|p| view! { <p class="rs-note" role="note" data-testid="language">{m.said(p)}</p> })}
                {ignored.map(|p| view! { <p class="rs-note" role="note" data-testid="ignored">{p}</p> })}
                {if card_only {
                    note.map(|n| view! { <NoteCard source=n bands=bands tolerance=tolerance timeout_s=timeout_s /> }).into_any()
                } else {
                    body.clone().into_any()
                }}
            </section>
        })
    }
}

/// Tabs, the chosen view, data notes and the footnote; the research note beside them.
#[component]
fn WidgetBody(note: Option<Source>, bands: Bands, tolerance: f64, timeout_s: f64, permalink: Option<String>, status: RwSignal<Option<(String, Option<String>)>, LocalStorage>) -> impl IntoView {
    let ctx = widget_context();
    let (data, c) = use_state();
    let m = messages();
    let tabs: [(View, &str); 3] = [(View::ALL[0], TAB_NAMES[0]), (View::ALL[1], TAB_NAMES[1]), (View::ALL[2], TAB_NAMES[2])];
    let tab_buttons = tabs
        .iter()
        .zip(TAB_KEYS)
        .enumerate()
        .map(|(i, (&(v, name), key))| {
            let shown = m.get(key);
            let select = move |to: usize| {
                c.view.set(tabs[to].0);
            };
            view! {
                <button type="button" role="tab" class="rs-tab" id=numbered_id("rs-tab", i)
                    data-testid=tab_testid(name)
                    aria-selected=move || (c.view.get() == v).to_string()
                    tabindex=move || if c.view.get() == v { "0" } else { "-1" }
                    on:click=move |_| select(i)
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        let to = match ev.key().as_str() {
                            "ArrowRight" => (i + 1) % tabs.len(),
                            "ArrowLeft" => (i + tabs.len() - 1) % tabs.len(),
                            "Home" => 0,
                            "End" => tabs.len() - 1,
                            _ => return,
                        };
                        ev.prevent_default();
                        select(to);
                        // Roving focus: the newly chosen tab takes it.
                        if let Some(target) = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
                            if let Some(next) = target.parent_element().and_then(|p| p.children().item(to as u32)) {
                                let _ = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&next).map(|e| e.focus());
                            }
                        }
                    }>{shown}</button>
            }
        })
        .collect_view();
    let subtitle = {
        let data = data.clone();
        let format = ctx.format.clone();
        move || {
            let benchmark = data.symbol(c.benchmark.get());
            let shown = match c.view.get() {
                View::Rotation => Shown::Rotation { benchmark, interval: c.interval.get(), method: c.method.get() },
                View::Performance => Shown::Performance { benchmark, period: c.period.get() },
                View::Trend => Shown::Trend { symbol: data.symbol(c.trend_symbol.get()), period: c.period.get() },
            };
            subtitle(&super::messages(), shown, data.table.dates[data.to], format.as_ref())
        }
    };
    let panel = move || match c.view.get() {
        View::Rotation => view! { <RotationView /> }.into_any(),
        View::Performance => view! { <PerformanceView /> }.into_any(),
        View::Trend => view! { <TrendView /> }.into_any(),
    };
    let footnote = {
        let t = &data.table;
        let mut text = m.get(t.adjustment.message().0).to_string();
        if let Some(s) = &t.source {
            text.push_str(" · ");
            text.push_str(s);
        }
        text
    };
    let layout = if note.is_some() { "rs-layout rs-layout-card" } else { "rs-layout" };
    view! {
        <div class=layout>
            <div class="rs-main">
                // First: the shared view is restored before any view reads the controls.
                {permalink.map(|key| view! { <super::permalink::PermalinkSync key=key /> })}
                <Announcer />
                <LiveRegion />
                <p class="rs-subtitle" data-testid="subtitle">{subtitle}</p>
                <div class="rs-tabs" role="tablist" aria-label=m.get("tab.list")>{tab_buttons}</div>
                <div class="rs-panel" role="tabpanel" aria-live="off">{panel}</div>
                <DataNotes />
                <p class="rs-footnote" data-testid="footnote">{footnote}{move || status.get().map(|(time, failing)| {
                    let class = if failing.is_some() { "rs-updated rs-updated-failing" } else { "rs-updated" };
                    view! { <span class=class data-testid="updated" title=failing>{words::META_SEPARATOR}{words::refresh_status(&super::messages(), &time, failing.is_some())}</span> }
                })}</p>
            </div>
            {note.map(|n| view! { <NoteCard source=n bands=bands tolerance=tolerance timeout_s=timeout_s /> })}
        </div>
    }
}

/// Everything the data needed fixing for about the symbols shown, listed (never silent), and a
/// count of the notes about the file's other symbols, in a fold closed by default. A control
/// change rebuilds it in place (the same view shape), so the element and whether the reader
/// left it open stay.
#[component]
fn DataNotes() -> impl IntoView {
    let (data, c) = use_state();
    move || {
        let benchmark = c.benchmark.get();
        let (set, lines);
        let view_warnings: &[Warning] = match c.view.get() {
            View::Rotation => {
                set = data.rotation_set(benchmark, c.interval.get(), c.method.get());
                set.as_ref().as_ref().map_or(&[], |s| &s.warnings)
            }
            View::Performance => {
                lines = data.period_lines(benchmark, c.period.get(), c.mode.get());
                &lines.warnings
            }
            View::Trend => &[],
        };
        let shown: Vec<&str> = data.shown(benchmark).into_iter().map(|p| data.symbol(p)).collect();
        let notes = notes::DataNotes::new(data.table.warnings.iter().chain(view_warnings), &shown, &messages());
        (!notes.is_empty()).then(|| {
            let summary = notes.summary(&crate::app::messages());
            view! {
                <details class="rs-notes" data-testid="notes">
                    <summary>{summary}</summary>
                    <ul>{notes.listed.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </details>
            }
        })
    }
}

/// The error card: what went wrong, in the core's words, and a retry for network failures.
#[component]
pub fn ErrorPanel(error: LoadError, on_retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let retryable = error.retryable();
    let m = messages();
    let message = error.words(&m);
    let retry = m.get("error.retry");
    view! {
        <div class="rs-error" role="alert" data-testid="error">
            <p class="rs-error-title">{m.get("error.chart")}</p>
            <p class="rs-error-message">{message}</p>
            {retryable.then(|| view! { <button class="rs-button" on:click=move |_| on_retry()>{retry}</button> })}
        </div>
    }
}
