//! The leptos side of loading (the loading itself is [`crate::load`]): the result of a load
//! as a signal, and the status shown while it runs.

use crate::chart::loading::{loading_text, not_loaded_on_paper};
use leptos::prelude::*;
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

/// The result of an async load as a local signal, `None` while it runs. It stands in for
/// leptos' `LocalResource` + `Suspense`, which bring their async machinery into the bundle
/// for what is one fetch per widget.
pub struct Loaded<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    /// Starts the load; `true` clears the value first (a loading state), `false` keeps it
    /// until the new one is in.
    start: StoredValue<Rc<dyn Fn(bool)>, LocalStorage>,
    generation: StoredValue<Rc<Cell<u32>>, LocalStorage>,
}

impl<T: 'static> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Loaded<T> {}

impl<T: Clone + 'static> Loaded<T> {
    /// Starts `load` now; `reload` starts it again.
    pub fn new<Fut: Future<Output = T> + 'static>(load: impl Fn() -> Fut + 'static) -> Self {
        let value = RwSignal::new_local(None);
        // Only the newest load may set the value: a retry can overtake a slow first attempt.
        let generation = Rc::new(Cell::new(0u32));
        let counter = generation.clone();
        let start: Rc<dyn Fn(bool)> = Rc::new(move |clear| {
            let this = generation.get().wrapping_add(1);
            generation.set(this);
            if clear {
                value.try_set(None);
            }
            let future = load();
            let generation = generation.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = future.await;
                // The widget may be gone by then (try_set is a no-op on a disposed signal).
                if generation.get() == this {
                    value.try_set(Some(result));
                }
            });
        });
        start(true);
        Loaded { value, start: StoredValue::new_local(start), generation: StoredValue::new_local(counter) }
    }

    /// Puts `value` in place of what was loaded (a refresh's newer data), without a loading
    /// state in between; a load still under way can no longer overwrite it.
    pub fn set(&self, value: T) {
        if let Some(g) = self.generation.try_get_value() {
            g.set(g.get().wrapping_add(1));
        }
        self.value.try_set(Some(value));
    }

    /// The loaded value (tracked), `None` while loading.
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }

    pub fn reload(&self) {
        if let Some(start) = self.start.try_get_value() {
            start(true);
        }
    }

    /// Loads again, showing the value at hand until the new one is in.
    pub fn refill(&self) {
        if let Some(start) = self.start.try_get_value() {
            start(false);
        }
    }
}

/// "Loading prices…" (or the message `what` names: `loading.note`), then how much has
/// arrived: a bar of the known total, or a moving one when the server does not say the size.
#[component]
pub fn Loading(what: &'static str, received: RwSignal<Option<(u64, Option<u64>)>, LocalStorage>) -> impl IntoView {
    let m = super::messages();
    let text = move || loading_text(&m, what, received.get());
    let total = move || received.get().and_then(|(_, t)| t).map(|t| t as f64);
    view! {
        <div class="rs-loading" role="status" data-testid="loading">
            <span class="rs-waiting-screen">{text}</span>
            <span class="rs-waiting-print">{not_loaded_on_paper(&m)}</span>
            <progress class="rs-progress" max=move || total().map(|t| t.to_string())
                value=move || received.get().filter(|(_, t)| t.is_some()).map(|(got, _)| got.to_string())
                aria-hidden="true"></progress>
        </div>
    }
}
