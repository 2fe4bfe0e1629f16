//! The one builder of [`Markup`] trees: `createElement`, `setAttribute` and text nodes (never
//! `innerHTML`, so pages enforcing Trusted Types accept it). A rebuild patches what is there:
//! nodes of the same kind and tag are kept and their attributes and text updated in place, so
//! focus and the elements a script holds survive a re-sort.

use crate::chart::markup::{Markup, Node as M};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

/// Builds `markup` into the new element `el`: a leptos directive (`use:fill=markup`) for a
/// region built once.
pub fn fill(el: Element, markup: Markup) {
    patch_children(&el, &markup);
}

/// Makes `parent`'s children read as `markup`.
pub fn patch_children(parent: &Node, markup: &Markup) {
    patch_range(&super::document(), parent, &markup.0, &mut 0, false);
}

/// Patches `parent`'s children against the nodes from `at` to the `Close` that ends them (or
/// the end), leaving `at` after that `Close`. A node that does not match is built and put
/// before the one that is there, which is then compared with the next (so one node gained or
/// lost moves nothing else); what is left over at the end is removed. Elements in an `<svg>`
/// are made in the SVG namespace.
fn patch_range(doc: &Document, parent: &Node, nodes: &[M], at: &mut usize, svg: bool) {
    let children = parent.child_nodes();
    let mut k = 0;
    while let Some(m) = nodes.get(*at) {
        *at += 1;
        let here = children.item(k);
        k += 1;
        match m {
            M::Close => {
                k -= 1;
                break;
            }
            M::Attr(..) => k -= 1,
            M::Text(text) => match &here {
                Some(node) if node.node_type() == Node::TEXT_NODE => {
                    if node.text_content().as_deref() != Some(text) {
                        node.set_text_content(Some(text));
                    }
                }
                _ => {
                    let _ = parent.insert_before(&doc.create_text_node(text), here.as_ref());
                }
            },
            M::Open(tag) => {
                let svg = svg || *tag == "svg";
                let same = here.as_ref().filter(|n| n.node_type() == Node::ELEMENT_NODE).map(|n| n.unchecked_ref::<Element>()).filter(|el| el.tag_name().eq_ignore_ascii_case(tag));
                let el = match same {
                    Some(el) => el.clone(),
                    None => match if svg { doc.create_element_ns(Some("http://www.w3.org/2000/svg"), tag) } else { doc.create_element(tag) } {
                        Ok(el) => {
                            let _ = parent.insert_before(&el, here.as_ref());
                            el
                        }
                        Err(_) => return,
                    },
                };
                let attrs = nodes.get(*at..).unwrap_or_default().iter().map_while(|n| match n {
                    M::Attr(k, v) => Some((*k, v)),
                    _ => None,
                });
                for name in el.get_attribute_names().iter().filter_map(|n| n.as_string()) {
                    if !attrs.clone().any(|(k, _)| k == name) {
                        let _ = el.remove_attribute(&name);
                    }
                }
                for (k, v) in attrs {
                    if el.get_attribute(k).as_deref() != Some(v) {
                        let _ = el.set_attribute(k, v);
                    }
                }
                patch_range(doc, &el, nodes, at, svg);
            }
        }
    }
    while let Some(extra) = children.item(k) {
        // ChildNode.remove, which text nodes have as well as elements.
        extra.unchecked_into::<Element>().remove();
    }
}

/// The index among its row's cells of the header cell whose `.rs-sort` button an event came
/// from.
pub fn sort_column(ev: &web_sys::Event) -> Option<usize> {
    let button = ev.target()?.dyn_into::<Element>().ok().filter(|b| b.matches(".rs-sort").unwrap_or(false))?;
    let cell = button.parent_element()?;
    let cells = cell.parent_element()?.children();
    (0..cells.length()).position(|i| cells.item(i).as_ref() == Some(&cell))
}
