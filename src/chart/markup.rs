//! The components' generated markup values: ids, class lists, CSS lengths and the sentiment
//! gauge's marker path, built from the model so the components hold no formatting; and the
//! tree type, [`Markup`], in which markup that does not react per attribute is written
//! (`export::data_table`, the `card` pieces) for the one builder in `browser::markup`.

use crate::analysis::rotation::Quadrant;
use crate::analysis::sentiment::Band;

/// Markup as data: a tree of elements (tag, attributes in order, children) and text nodes,
/// written down in document order, each element's attributes after its `Open` and its
/// children before its `Close`. Flat, so building one is a call per node (a nested `Vec` per
/// element costs the wasm more than the view code it replaces). Text is never parsed as HTML.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Markup(pub Vec<Node>);

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Open(&'static str),
    Attr(&'static str, String),
    Text(String),
    Close,
}

impl Markup {
    /// Starts an element; its attributes follow, then its children, then [`Markup::close`].
    #[inline(never)]
    pub fn open(&mut self, tag: &'static str) -> &mut Self {
        self.0.push(Node::Open(tag));
        self
    }

    #[inline(never)]
    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Self {
        self.0.push(Node::Attr(name, value.to_owned()));
        self
    }

    #[inline(never)]
    pub fn text(&mut self, text: String) -> &mut Self {
        self.0.push(Node::Text(text));
        self
    }

    #[inline(never)]
    pub fn close(&mut self) -> &mut Self {
        self.0.push(Node::Close);
        self
    }

    /// An element with attributes `attrs` holding one text node.
    #[inline(never)]
    pub fn leaf(&mut self, tag: &'static str, attrs: &[(&'static str, &str)], text: String) -> &mut Self {
        self.open(tag);
        for &(k, v) in attrs {
            self.attr(k, v);
        }
        self.text(text).close()
    }

    /// As HTML (text and attribute values escaped), to read in tests.
    #[cfg(test)]
    pub fn html(&self) -> String {
        let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('"', "&quot;");
        let (mut out, mut open, mut stack) = (String::new(), false, Vec::new());
        for node in &self.0 {
            if open && !matches!(node, Node::Attr(..)) {
                out.push('>');
                open = false;
            }
            match node {
                Node::Open(tag) => {
                    out.push_str(&format!("<{tag}"));
                    stack.push(*tag);
                    open = true;
                }
                Node::Attr(k, v) => out.push_str(&format!(" {k}=\"{}\"", esc(v))),
                Node::Text(t) => out.push_str(&esc(t)),
                Node::Close => out.push_str(&format!("</{}>", stack.pop().unwrap_or_default())),
            }
        }
        out
    }
}

/// `prefix` and a number: "rs-summary-3", "rs-tab-0".
pub fn numbered_id(prefix: &str, n: usize) -> String {
    format!("{prefix}-{n}")
}

/// A view tab's test id: "tab-rotation".
pub fn tab_testid(name: &str) -> String {
    format!("tab-{}", name.to_ascii_lowercase())
}

/// A CSS length in pixels: "12.5px".
pub fn px(x: f64) -> String {
    format!("{x}px")
}

/// `part` as a CSS percentage of `whole`, to a tenth: a bar's width, "42.5%".
pub fn percent_of(part: f64, whole: f64) -> String {
    format!("{:.1}%", 100.0 * part / whole)
}

/// `base` with the quadrant's colour class: "rs-quadrant rs-q-leading".
pub fn quadrant_class(base: &str, q: Quadrant) -> String {
    format!("{base} rs-q-{}", q.name().to_ascii_lowercase())
}

/// A gauge band's class: "rs-band rs-band-1" for the first (most negative).
pub fn band_class(band: Band) -> String {
    format!("rs-band rs-band-{}", band.index() + 1)
}

/// The sentiment name's class, coloured like its band: "rs-sentiment-name rs-band-text-5".
pub fn band_text_class(band: Band) -> String {
    format!("rs-sentiment-name rs-band-text-{}", band.index() + 1)
}

/// The gauge's marker: a triangle under the needle at `x` (0–200 in the gauge's viewBox).
pub fn gauge_marker(x: f64) -> String {
    format!("M{x} 22 L{} 30 L{} 30 Z", x - 5.0, x + 5.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_values_read_as_before() {
        assert_eq!(numbered_id("rs-summary", 3), "rs-summary-3");
        assert_eq!(numbered_id("rs-tab", 0), "rs-tab-0");
        assert_eq!(tab_testid("Performance"), "tab-performance");
        assert_eq!(px(12.5), "12.5px");
        assert_eq!(px(40.0), "40px");
        assert_eq!(percent_of(1.7, 4.0), "42.5%");
        assert_eq!(percent_of(3.0, 3.0), "100.0%");
        assert_eq!(quadrant_class("rs-quadrant", Quadrant::Leading), "rs-quadrant rs-q-leading");
        assert_eq!(quadrant_class("rs-alert-text", Quadrant::Improving), "rs-alert-text rs-q-improving");
        assert_eq!(band_class(Band::StronglyNegative), "rs-band rs-band-1");
        assert_eq!(band_class(Band::StronglyPositive), "rs-band rs-band-5");
        assert_eq!(band_text_class(Band::Neutral), "rs-sentiment-name rs-band-text-3");
        assert_eq!(gauge_marker(130.0), "M130 22 L125 30 L135 30 Z");
        assert_eq!(gauge_marker(12.5), "M12.5 22 L7.5 30 L17.5 30 Z");
    }
}
