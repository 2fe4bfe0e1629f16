//! A result cache keyed by its inputs: compute once, read many.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hash;
use std::rc::Rc;

/// Remembers results by input, so redrawing (resize, hover, scrub) never recomputes them.
/// The same key always gives the same `Rc` (callers may compare with `Rc::ptr_eq`).
pub struct Cache<K, V>(RefCell<HashMap<K, Rc<V>>>);

impl<K: Eq + Hash, V> Cache<K, V> {
    pub fn new() -> Self {
        Cache(RefCell::new(HashMap::new()))
    }

    /// The cached value for `key`, computing it with `compute` the first time. `compute` may
    /// itself read this cache (no borrow is held while it runs).
    pub fn get_or(&self, key: K, compute: impl FnOnce() -> V) -> Rc<V> {
        if let Some(v) = self.0.borrow().get(&key) {
            return v.clone();
        }
        let v = Rc::new(compute());
        self.0.borrow_mut().insert(key, v.clone());
        v
    }

    /// How many results are stored.
    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<K: Eq + Hash, V> Default for Cache<K, V> {
    fn default() -> Self {
        Cache::new()
    }
}
