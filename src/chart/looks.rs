//! How a symbol looks in every view, the widget's and the images': its colour in the current
//! palette and its marker shape, both from the model's fixed colour slot.

use super::rotation::Marker;
use super::theme::{Palette, Rgb, SERIES_COLOURS};
use crate::model::Model;

pub trait Looks {
    fn colour(&self, palette: &Palette, position: usize) -> Rgb;
    fn marker(&self, position: usize) -> Marker;
}

impl Looks for Model {
    fn colour(&self, palette: &Palette, position: usize) -> Rgb {
        palette.series_colour(self.colour_slot(position))
    }

    fn marker(&self, position: usize) -> Marker {
        Marker::for_slot(self.colour_slot(position), SERIES_COLOURS)
    }
}
