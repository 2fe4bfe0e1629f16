//! One sort for the whole crate.
//!
//! `slice::sort_by` is generic: every element type and comparator gets its own copy of the
//! standard library's driftsort/quicksort, about 4 KB of wasm each, and the widget sorts in
//! a dozen places. Sorting an index vector through a `dyn` comparator instead compiles the
//! sort once; each call site keeps only the small permutation step. The sort is stable.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
///
/// # Example
/// ```
/// let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c')];
/// rotascope::analysis::sorting::sort_by(&mut v, |x, y| x.0.cmp(&y.0));
/// assert_eq!(v, [(1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let items: &[T] = items;
        // Indices come from 0..len, so both lookups succeed; `Equal` is never reached.
        sort_indices(&mut order, &mut |a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => compare(x, y),
            _ => Ordering::Equal,
        });
    }
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)));
}

/// Sorts `items` stably by the key `key` gives, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[inline(never)]
fn sort_indices(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut state: u32 = 12345;
        for len in [0usize, 1, 2, 3, 10, 100, 1000] {
            let v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((state >> 16) % 7, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|x| x.0);
            let mut got = v.clone();
            sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, expected, "len {len}");
            let mut by_key = v;
            sort_by_key(&mut by_key, |x| std::cmp::Reverse(x.0));
            expected.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(by_key, expected, "len {len}, by key");
        }
    }
}
