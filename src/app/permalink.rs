//! Shareable view (`permalink`): restores the reader's view from the page URL's hash when the
//! widget starts, and writes it back as the reader changes it. The format, the checks and the
//! messages are the pure [`crate::permalink`]; this wires them to the controls and the URL.

use super::state::use_state;
use crate::browser::location::{self, HashWriter};
use crate::permalink::{anchor, before_first_point, hash_value, is_route, resolve, step_on_or_before, ViewState};
use leptos::prelude::*;
use std::rc::Rc;

/// Restores the view under `key` (before the first paint) and keeps it in the URL; shows what
/// could not be restored.
#[component]
pub fn PermalinkSync(key: String) -> impl IntoView {
    let (data, c) = use_state();
    let mut problems = Vec::new();
    let opened_with = location::hash();
    // A page that routes with its hash (`#/article/5`) keeps it to itself.
    if is_route(&opened_with) {
        return view! {
            <p class="rs-note" role="note" data-testid="permalink-route">{crate::chart::words::permalink_route(&super::messages())}</p>
        }
        .into_any();
    }
    if let Some(raw) = hash_value(&opened_with, &key) {
        let (state, mut unread) = ViewState::decode(raw, &key);
        problems.append(&mut unread);
        let mut shown = data.members.clone();
        shown.push(data.benchmark);
        let (r, mut unfit) = resolve(&state, &key, |s| data.table.position(s), &shown, data.as_of());
        problems.append(&mut unfit);
        if let Some(v) = r.view {
            c.view.set(v);
        }
        if let Some(b) = r.benchmark {
            c.benchmark.set(b);
        }
        if let Some(m) = r.method {
            c.method.set(m);
        }
        if let Some(p) = r.period {
            c.period.set(p);
        }
        if let Some(h) = r.highlight {
            c.pinned.set(Some(h));
            c.trend_symbol.set(h);
        }
        if !r.hidden.is_empty() {
            c.hidden.set(r.hidden);
        }
        if let Some(day) = r.date {
            let set = data.rotation_set(c.benchmark.get_untracked(), c.interval.get_untracked(), c.method.get_untracked());
            if let Ok(set) = set.as_ref() {
                match step_on_or_before(&set.timeline, &data.table.dates, day) {
                    Ok(step) if step + 1 < set.timeline.len() => c.scrub.set(Some(step)),
                    Ok(_) => c.scrub.set(None),
                    Err(first) => problems.push(before_first_point(&key, day, first)),
                }
            }
        }
        // The browser found no element for `#intro&key=…`: take the reader to the page's own
        // anchor as the link meant.
        if let Some(id) = anchor(&opened_with) {
            location::scroll_to(&id);
        }
    }

    // The view as the URL should say it, whenever the reader changes it (not while playing:
    // the date moves every 300 ms; the stop writes it).
    let writer = Rc::new(HashWriter::new());
    let current = {
        let data = data.clone();
        move || {
            let (b, interval, method) = (c.benchmark.get(), c.interval.get(), c.method.get());
            let date = c.scrub.get().and_then(|step| {
                let set = data.rotation_set(b, interval, method);
                let set = set.as_ref().as_ref().ok()?;
                set.timeline.get(step).and_then(|&i| data.table.dates.get(i)).copied()
            });
            ViewState {
                view: Some(c.view.get()),
                benchmark: Some(data.symbol(b).to_owned()),
                method: Some(method),
                period: Some(c.period.get()),
                date,
                highlight: c.pinned.get().map(|p| data.symbol(p).to_owned()),
                hidden: c.hidden.get().iter().map(|&p| data.symbol(p).to_owned()).collect(),
            }
            .encode()
        }
    };
    {
        let (writer, key) = (send_wrapper::SendWrapper::new(writer.clone()), key.clone());
        // Returns the view last written; the first run only notes the view the page opened with.
        Effect::new(move |written: Option<String>| {
            // While playing, nothing else is read (nor encoded each frame): the stop runs this again.
            if let (true, Some(before)) = (c.playing.get(), &written) {
                return before.clone();
            }
            let value = current();
            match written {
                Some(before) if before != value => {
                    writer.write_soon(key.clone(), value.clone());
                    value
                }
                Some(before) => before,
                None => value,
            }
        });
    }
    let writer = StoredValue::new_local(Some(writer));
    on_cleanup(move || writer.set_value(None));

    // Reported like a config error: named on the widget and in a `rotascope:error` event (the
    // rest of the view is restored and the widget works).
    if !problems.is_empty() {
        if let Some(events) = use_context::<super::WidgetEvents>() {
            // In English for scripts, as every `rotascope:error` message is.
            (events.error)("config", problems.join("; "));
        }
    }
    // At most a handful listed (a link is short; a crafted one is not the page's to show).
    let more = problems.len().saturating_sub(6);
    problems.truncate(6);
    (!problems.is_empty())
        .then(|| {
            view! {
                <div class="rs-note rs-permalink-problems" role="alert" data-testid="permalink-problems">
                    <p>{super::messages().get("permalink.notRestored")}</p>
                    <ul>
                        {problems.into_iter().map(|p| view! { <li>{super::messages().said(&p.said)}</li> }).collect_view()}
                        {(more > 0).then(|| view! { <li>{crate::chart::words::and_more(&super::messages(), more)}</li> })}
                    </ul>
                </div>
            }
        })
        .into_any()
}
