//! Which colour slot each symbol gets: fixed per configuration, the same in every view.

/// Stable colour slots: the configured symbols first, in their order, then every other
/// symbol in data order. Computed once per data load, so toggling symbols or switching the
/// benchmark never repaints a symbol in another colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColourOrder(Vec<usize>);

impl ColourOrder {
    /// `first`: table positions in configured order; `count`: number of series in the table.
    pub fn new(first: &[usize], count: usize) -> Self {
        let mut order: Vec<usize> = Vec::with_capacity(count);
        for &p in first.iter().chain(&(0..count).collect::<Vec<_>>()) {
            if p < count && !order.contains(&p) {
                order.push(p);
            }
        }
        ColourOrder(order)
    }

    /// The colour slot of table position `position`.
    pub fn slot(&self, position: usize) -> usize {
        self.0.iter().position(|&p| p == position).unwrap_or(position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_slots_follow_configured_order_then_data_order() {
        let order = ColourOrder::new(&[3, 1], 5);
        assert_eq!([3, 1, 0, 2, 4].map(|p| order.slot(p)), [0, 1, 2, 3, 4]);
    }
}
