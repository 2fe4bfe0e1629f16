//! Keeping a widget's data current: its prices and note asked again of their servers,
//! `refresh` seconds apart (paused while the page is hidden, backing off after failures), or
//! now (`handle.refresh()`); new data put in place of the drawn one. The asking is
//! [`crate::load`]'s, the clock [`crate::browser::refresh`]'s.

use super::loading::Loaded;
use crate::analysis::PriceTable;
use crate::browser::refresh::{focus_place, focused_place, next_frame, warn_not_updated, RefreshClock};
use crate::chart::messages::Messages;
use crate::config::{refresh_delay, Source, WidgetConfig};
use crate::load::{note_version, refresh_note, refresh_prices, LoadError};
use crate::model::Model;
use leptos::html;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

/// Bumped when a refresh brought a new note and nothing else: the card reads it again.
#[derive(Clone, Copy)]
pub struct NoteVersion(pub RwSignal<u32>);

/// What a refresh reads and changes of its widget.
#[derive(Clone)]
pub struct RefreshTargets {
    pub prices: Loaded<Result<Rc<PriceTable>, LoadError>>,
    pub root: NodeRef<html::Section>,
    pub words: RwSignal<Option<Messages>>,
    /// "Updated 10:32" (the time), or since when it could not update and why.
    pub status: RwSignal<Option<(String, Option<String>)>, LocalStorage>,
    pub note_version: NoteVersion,
}

/// What a widget drew: the versions of its price files and of its note (`load::versions`,
/// `load::note_version`), and when it first drew (the "since" of a failure before any
/// refresh).
#[derive(Default)]
struct Drawn {
    prices: Vec<u32>,
    note: u32,
    first_at: String,
}

/// A widget's refresh: `now()` asks at once, `start()` starts the clock (at the first load's
/// outcome, so a slow first download is not asked for twice).
pub struct Refresh {
    pub now: Rc<dyn Fn()>,
    clock: Rc<RefCell<Option<RefreshClock>>>,
    every: Option<f64>,
    drawn: Rc<RefCell<Drawn>>,
    status: RwSignal<Option<(String, Option<String>)>, LocalStorage>,
    /// Cleared when the widget goes: a refresh under way then changes nothing.
    alive: Rc<Cell<bool>>,
}

impl Refresh {
    pub fn new(config: Arc<WidgetConfig>, t: RefreshTargets) -> Refresh {
        let (clock, alive): (Rc<RefCell<Option<RefreshClock>>>, Rc<Cell<bool>>) = (Rc::default(), Rc::new(Cell::new(true)));
        let drawn: Rc<RefCell<Drawn>> = Rc::default();
        let (busy, again, failures) = (Rc::new(Cell::new(false)), Rc::new(Cell::new(false)), Rc::new(Cell::new(0u32)));
        let (every, root, status) = (config.refresh_s, t.root, t.status);
        let now: Rc<dyn Fn()> = {
            let (clock, alive, drawn) = (clock.clone(), alive.clone(), drawn.clone());
            Rc::new(move || {
                if !alive.get() {
                    return;
                }
                // One at a time; a call meanwhile asks once more after it.
                if busy.replace(true) {
                    again.set(true);
                    return;
                }
                let (config, t, clock, alive, drawn, busy, again, failures) = (config.clone(), t.clone(), clock.clone(), alive.clone(), drawn.clone(), busy.clone(), again.clone(), failures.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    loop {
                        if !refresh_once(&config, &t, &drawn, &alive, &failures).await {
                            return;
                        }
                        if !again.replace(false) {
                            break;
                        }
                    }
                    busy.set(false);
                    if let (Some(every), Some(c)) = (every, clock.borrow().as_ref()) {
                        c.after(refresh_delay(every, failures.get()));
                    }
                });
            })
        };
        if every.is_some() {
            let tick = now.clone();
            *clock.borrow_mut() = Some(RefreshClock::new(move || tick(), move || set_state(root, "paused")));
        }
        // The clock's tick holds `now`, which holds the clock: taken apart when the widget goes.
        let (gone_clock, gone_alive) = (send_wrapper::SendWrapper::new(clock.clone()), send_wrapper::SendWrapper::new(alive.clone()));
        on_cleanup(move || {
            gone_alive.set(false);
            drop(gone_clock.take());
        });
        Refresh { now, clock, every, drawn, alive, status }
    }

    /// The first load's outcome is in: what later refreshes compare with (the files' versions
    /// and the time, "Updated 10:32" when refreshing), and the clock starts.
    pub fn first_outcome(&self, config: &WidgetConfig) {
        let note = match &config.note {
            Some(Source::Url(url)) => note_version(url),
            _ => 0,
        };
        let time = crate::browser::intl::clock_time(config.locale_tag());
        if config.refresh_s.is_some() {
            self.status.set(Some((time.clone(), None)));
        }
        *self.drawn.borrow_mut() = Drawn { prices: crate::load::versions(&config.prices), note, first_at: time };
        self.start();
    }

    /// Starts the clock, once.
    pub fn start(&self) {
        if let (Some(every), Some(c)) = (self.every, self.clock.borrow().as_ref()) {
            if self.alive.get() && !c.started() {
                c.after(every);
            }
        }
    }
}

/// The refresh's state on the root, for scripts and tests: checking, current, failing, paused.
fn set_state(root: NodeRef<html::Section>, state: &str) {
    if let Some(r) = root.try_get_untracked().flatten() {
        let _ = r.set_attribute("data-refresh", state);
    }
}

/// One refresh; `false` when the widget went meanwhile.
async fn refresh_once(config: &WidgetConfig, t: &RefreshTargets, drawn: &RefCell<Drawn>, alive: &Cell<bool>, failures: &Cell<u32>) -> bool {
    set_state(t.root, "checking");
    let seen = drawn.borrow().prices.clone();
    let prices = if config.prices.is_empty() { Ok(None) } else { refresh_prices(config.prices.clone(), config.timeout_s, &seen).await };
    // New prices that cannot be drawn (a symbol gone) count as a failed refresh.
    let prices = prices.and_then(|p| match p {
        Some((table, versions)) => Model::new(table.clone(), &config.analyze_options()).map(|_| Some((table, versions))).map_err(LoadError::Data),
        None => Ok(None),
    });
    let note = match &config.note {
        Some(Source::Url(url)) => refresh_note(url, config.timeout_s).await.map(|_| note_version(url)),
        _ => Ok(0),
    };
    if !alive.get() {
        return false;
    }
    match prices.and_then(|p| note.map(|n| (p, n))) {
        Ok((prices, note)) => {
            failures.set(0);
            t.status.set(Some((crate::browser::intl::clock_time(config.locale_tag()), None)));
            let note_changed = std::mem::replace(&mut drawn.borrow_mut().note, note) != note;
            match prices {
                // New prices redraw the widget, the card with them; the reader keeps their
                // place on the keyboard.
                Some((table, versions)) => {
                    drawn.borrow_mut().prices = versions;
                    let place = t.root.get_untracked().and_then(|r| focused_place(&r));
                    t.prices.set(Ok(table));
                    next_frame().await;
                    if !alive.get() {
                        return false;
                    }
                    if let (Some(r), Some(place)) = (t.root.get_untracked(), place) {
                        focus_place(&r, &place);
                    }
                }
                None if note_changed => t.note_version.0.update(|v| *v += 1),
                None => {}
            }
            set_state(t.root, "current");
        }
        Err(error) => {
            failures.set(failures.get() + 1);
            warn_not_updated(&error);
            let m = t.words.get_untracked().unwrap_or_default();
            let since = t.status.get_untracked().map_or_else(|| drawn.borrow().first_at.clone(), |s| s.0);
            t.status.set(Some((since, Some(error.words(&m)))));
            set_state(t.root, "failing");
        }
    }
    true
}
