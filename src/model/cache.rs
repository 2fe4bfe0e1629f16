//! A result cache keyed by its inputs: compute once, read many.

use std::cell::RefCell;
use std::rc::Rc;

/// Remembers results by input, so redrawing (resize, hover, scrub) never recomputes them.
/// The same key always gives the same `Rc` (callers may compare with `Rc::ptr_eq`). A list
/// searched in order: a chart asks for a few periods and intervals, and a hash map per key
/// type costs more code than it saves time.
pub struct Cache<K, V>(RefCell<Vec<(K, Rc<V>)>>);

impl<K: PartialEq, V> Cache<K, V> {
    pub fn new() -> Self {
        Cache(RefCell::new(Vec::new()))
    }

    /// The cached value for `key`, computing it with `compute` the first time. `compute` may
    /// itself read this cache (no borrow is held while it runs).
    pub fn get_or(&self, key: K, compute: impl FnOnce() -> V) -> Rc<V> {
        if let Some((_, v)) = self.0.borrow().iter().find(|(k, _)| *k == key) {
            return v.clone();
        }
        let v = Rc::new(compute());
        self.0.borrow_mut().push((key, v.clone()));
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

impl<K: PartialEq, V> Default for Cache<K, V> {
    fn default() -> Self {
        Cache::new()
    }
}
