//! The sentiment card: the publisher's research note beside the charts, its figures checked
//! against the prices, and the latest rotation alerts.
//!
//! Every piece of note text goes into text nodes (never parsed as HTML); only http(s) URLs
//! become links.

use super::loading::{Loaded, Loading};
use super::state::{Controls, SharedData};
use super::widget_context;
use crate::analysis::claims::{check_claim, Outcome};
use crate::analysis::Date;
use crate::chart::claims::{claim_text, claims_table, describe_claims};
use crate::analysis::note::{Note, NoteClaim};
use crate::analysis::rotation::latest_transitions;
use crate::analysis::sentiment::{read_sentiment, Bands};
use crate::browser::markup::fill;
use crate::chart::{card, markup, words};
use crate::config::{Source, View};
use crate::load::load_note;
use leptos::prelude::*;

/// Alerts shown in the feed.
const ALERTS: usize = 8;

/// The card, with or without prices (without, claims cannot be checked and there are no
/// alerts or highlights).
#[component]
pub fn NoteCard(source: Source, bands: Bands, tolerance: f64, timeout_s: f64) -> impl IntoView {
    // Bytes received (and the total, when known) while the note downloads.
    let received: RwSignal<Option<(u64, Option<u64>)>, LocalStorage> = RwSignal::new_local(None);
    let note = Loaded::new(move || {
        received.set(None);
        let source = source.clone();
        async move { load_note(source, timeout_s, &move |got, total| received.set(Some((got, total)))).await }
    });
    // A refresh that brought a new note (and no new prices) has it read again, the card
    // shown meanwhile.
    if let Some(super::refresh::NoteVersion(version)) = use_context() {
        Effect::watch(move || version.get(), move |_, _, _| note.refill(), false);
    }
    let data = use_context::<SharedData>();
    let controls = use_context::<Controls>();
    let m = super::messages();
    view! {
        <aside class="rs-card" aria-label=m.get("card.label") data-testid="card">
            {
                    let data = data.clone();
                    move || {
                        let data = data.clone();
                        let Some(result) = note.get() else {
                            return view! { <Loading what="loading.note" received=received /> }.into_any();
                        };
                        match result {
                            Ok(note) => view! { <NoteBody note=note bands=bands tolerance=tolerance data=data controls=controls /> }.into_any(),
                            Err(error) => view! {
                                <div class="rs-error" role="alert" data-testid="card-error">
                                    <p class="rs-error-title">{m.get("card.failed")}</p>
                                    <p class="rs-error-message">{error.words(&m)}</p>
                                </div>
                            }
                            .into_any(),
                        }
                    }
            }
        </aside>
    }
}

#[component]
fn NoteBody(note: Note, bands: Bands, tolerance: f64, data: Option<SharedData>, controls: Option<Controls>) -> impl IntoView {
    let ctx = widget_context();
    let m = super::messages();
    if let Some(c) = controls {
        c.published.set(note.published);
    }
    let format = ctx.format.clone();
    let meta = words::note_meta(note.source.as_deref(), note.published.map(|d| format.date(d)).as_deref());
    let head = card::note_head(&m, note.title.as_deref(), meta, note.url.as_deref());
    let sentiment = note.sentiment.clone().map(|s| view! { <SentimentBlock label=s.label score=s.score bands=bands /> });
    let sections = card::note_sections(&note.sections);
    let chips = (!note.tickers.is_empty()).then(|| view! { <Chips tickers=note.tickers.clone() data=data.clone() controls=controls /> });
    let claims = (!note.claims.is_empty()).then(|| view! { <Claims claims=note.claims.clone() published=note.published tolerance=tolerance data=data.clone() controls=controls /> });
    let alerts = data.clone().zip(controls).map(|(d, c)| view! { <Alerts data=d controls=c /> });
    let warnings = (!note.warnings.is_empty()).then(|| {
        let m = super::messages();
        view! { <ul class="rs-note-warnings">{note.warnings.iter().map(|w| view! { <li>{m.said(w)}</li> }).collect_view()}</ul> }
    });
    view! {
        <header class="rs-card-head" use:fill=head></header>
        {sentiment}
        {note.summary.clone().map(|s| view! { <p class="rs-prose rs-summary" data-testid="card-summary">{s}</p> })}
        {chips}
        <div class="rs-sections" use:fill=sections></div>
        {claims}
        {alerts}
        {warnings}
    }
}

/// Label, score and a gauge over −1..1 with coloured bands; a note label that disagrees with
/// the score's band is shown beside it and marked.
#[component]
fn SentimentBlock(label: Option<String>, score: Option<f64>, bands: Bands) -> impl IntoView {
    let ctx = widget_context();
    let s = match read_sentiment(label.as_deref(), score, &bands) {
        Ok(s) => s,
        Err(message) => {
            return view! {
                <div class="rs-error rs-sentiment-error" role="alert" data-testid="sentiment-error">
                    <p class="rs-error-message">{super::messages().said(&message)}</p>
                </div>
            }
            .into_any()
        }
    };
    let block = card::sentiment_block(&super::messages(), &s, &bands, ctx.format.as_ref());
    view! { <div class="rs-sentiment" data-testid="sentiment" use:fill=block></div> }.into_any()
}

/// The note's tickers; choosing one highlights it in the chart.
#[component]
fn Chips(tickers: Vec<String>, data: Option<SharedData>, controls: Option<Controls>) -> impl IntoView {
    let m = super::messages();
    let chips = tickers
        .into_iter()
        .map(|t| {
            let position = data.as_ref().and_then(|d| d.table.position(&t));
            let title = words::chip_title(&m, &t, position.is_some());
            let pressed = move || (position.is_some() && controls.is_some_and(|c| c.pinned.get() == position)).to_string();
            view! {
                <button type="button" class="rs-chip" title=title disabled=position.is_none() aria-pressed=pressed
                    on:click=move |_| {
                        if let (Some(p), Some(c)) = (position, controls) {
                            c.pinned.update(|x| *x = if *x == Some(p) { None } else { Some(p) });
                            if c.view.get_untracked() == View::Trend {
                                c.trend_symbol.set(p);
                            }
                        }
                    }>{t.clone()}</button>
            }
        })
        .collect_view();
    view! { <div class="rs-chips" role="group" aria-label=m.get("card.chips") data-testid="chips">{chips}</div> }
}

/// Each claim beside what the prices say: then (the claim's day), now (the data's last day)
/// and the call since the note was published; a summary for screen readers and a CSV.
#[component]
fn Claims(claims: Vec<NoteClaim>, published: Option<Date>, tolerance: f64, data: Option<SharedData>, controls: Option<Controls>) -> impl IntoView {
    let ctx = widget_context();
    let m = super::messages();
    // Recomputed where it is read (a handful of claims): cheaper in bytes than a memo.
    let checked = {
        let (claims, data) = (claims.clone(), data.clone());
        std::sync::Arc::new(move || {
            let benchmark = controls.map(|c| c.benchmark.get());
            let checks: Vec<_> = claims.iter().map(|c| check_claim(data.as_ref().map(|d| &*d.table), benchmark, published, &c.claim, tolerance)).collect();
            let symbol = data.as_ref().zip(benchmark).map(|(d, b)| d.symbol(b).to_owned());
            (checks, symbol)
        })
    };
    let rows = {
        let (claims, format, checked) = (claims.clone(), ctx.format.clone(), checked.clone());
        move || {
            let (checks, benchmark) = checked();
            claims
                .iter()
                .zip(&checks)
                .map(|(c, check)| {
                    let t = claim_text(&m, &c.claim, check, tolerance, benchmark.as_deref(), format.as_ref());
                    let class = match &check.outcome {
                        Outcome::Matches { .. } => "rs-claim rs-claim-match",
                        Outcome::Differs { .. } => "rs-claim rs-claim-differs",
                        Outcome::Unchecked { .. } => "rs-claim rs-claim-unchecked",
                    };
                    let since_class = match t.held {
                        Some(true) => "rs-claim-since rs-claim-held",
                        Some(false) => "rs-claim-since rs-claim-reversed",
                        None => "rs-claim-since",
                    };
                    view! {
                        <li class=class>
                            <p class="rs-claim-text">{c.text.clone()}</p>
                            <p class="rs-claim-figures">
                                {t.stated.map(|s| view! { <span>{m.get("claim.stated")} <strong>{s}</strong></span> })}
                                {t.computed.map(|s| view! { <span>{m.get("claim.computed")} <strong>{s}</strong></span> })}
                                {t.basis.map(|b| view! { <span class="rs-muted">{words::basis_aside(&m, &b)}</span> })}
                            </p>
                            <p class="rs-claim-verdict">{t.verdict}</p>
                            {t.now.map(|n| view! { <p class="rs-claim-now" data-testid="claim-now">{n}</p> })}
                            {t.since.map(|s| view! { <p class=since_class data-testid="claim-since">{s}</p> })}
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let summary = {
        let (claims, format, checked) = (claims.clone(), ctx.format.clone(), checked.clone());
        move || {
            let (checks, benchmark) = checked();
            describe_claims(&m, &claims, &checks, benchmark.as_deref(), format.as_ref())
        }
    };
    let summary_id = super::a11y::unique_id("rs-claims-summary");
    let csv = {
        let data = data.clone();
        move |ev: web_sys::MouseEvent| {
            let (checks, benchmark) = untrack(|| checked());
            let table = claims_table(&m, &claims, &checks, benchmark.as_deref(), published);
            let day = data.as_ref().and_then(|d| d.table.dates.get(d.to).copied()).or(published);
            let name = crate::chart::export::claims_file_name(day);
            if crate::browser::export::hand_over_text(&ev, &name, &table.to_csv(), "text/csv") {
                if let Some(c) = controls {
                    c.announce.set(words::csv_ready(&super::messages()).into());
                }
            }
        }
    };
    view! {
        <section class="rs-claims" aria-label=m.get("claim.label")>
            <div class="rs-claims-head">
                <h4 class="rs-card-h">{m.get("claim.heading")}</h4>
                <button type="button" class="rs-action" data-testid="claims-csv" aria-label=m.get("claim.csv") on:click=csv>{m.get("export.csv")}</button>
            </div>
            <p id=summary_id.clone() class="rs-visually-hidden" data-testid="claims-summary">{summary}</p>
            <ul class="rs-claim-list" data-testid="claims" aria-describedby=summary_id>{rows}</ul>
        </section>
    }
}

/// The reader has been to the alerts list: no change is new any more.
fn seen(c: Controls) {
    if c.fresh.with_untracked(|f| !f.is_empty()) {
        c.fresh.set(Vec::new());
    }
}

/// The latest quadrant changes; choosing one scrubs the rotation graph there and highlights
/// the symbol.
#[component]
fn Alerts(data: SharedData, controls: Controls) -> impl IntoView {
    let ctx = widget_context();
    let m = super::messages();
    let c = controls;
    let items = move || {
        let set = data.rotation_set(c.benchmark.get(), c.interval.get(), c.method.get());
        let Ok(set) = set.as_ref() else { return Vec::new() };
        latest_transitions(&set.rotations, ALERTS)
            .into_iter()
            .map(|(position, t)| {
                let when = words::alert_when(&m, c.interval.get_untracked(), t.date, t.partial, ctx.format.as_ref());
                let step = set.timeline.partition_point(|&i| i < t.index);
                let last = set.timeline.len().saturating_sub(1);
                let text = words::alert_text(&m, data.symbol(position), t.from, t.to);
                let (benchmark, interval, method) = (data.symbol(c.benchmark.get_untracked()), c.interval.get_untracked(), c.method.get_untracked());
                let fresh = c.fresh.with(|f| f.iter().any(|a| a.is(data.symbol(position), benchmark, interval, method, &t)));
                view! {
                    <li class:rs-alert-new=fresh>
                        <button type="button" class="rs-alert" on:click=move |_| {
                            c.playing.set(false);
                            c.view.set(View::Rotation);
                            c.scrub.set(if step >= last { None } else { Some(step) });
                            c.pinned.set(Some(position));
                        }>
                            <span class=markup::quadrant_class("rs-alert-text", t.to)>{text}</span>
                            <span class="rs-muted">{when}</span>
                            {fresh.then(|| view! { <span class="rs-alert-badge" data-testid="alert-new">{m.get("alert.new")}</span> })}
                        </button>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <section class="rs-alerts" aria-label=m.get("alert.heading")>
            <h4 class="rs-card-h">{m.get("alert.heading")}</h4>
            // New changes stay marked until the reader has been to the list (pointer, touch or
            // keyboard).
            <ul class="rs-alert-list" data-testid="alerts" on:pointerenter=move |_| seen(c) on:focusin=move |_| seen(c)>{items}</ul>
        </section>
    }
}
