//! The one list of hosts on the page with a widget (or waiting for one). Placeholders found
//! by the scan and widgets mounted through the JS API are both kept here, so a second scan or
//! a second `mount` on the same element finds the first.
//!
//! Dependencies run one way: `host` knows nothing of this list; `registry` keeps hosts;
//! `scan` and `mount` read and write it.

use super::host::Host;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::Element;

thread_local! {
    static HOSTS: RefCell<Vec<Rc<RefCell<Host>>>> = const { RefCell::new(Vec::new()) };
}

pub fn remember(host: Rc<RefCell<Host>>) {
    HOSTS.with(|h| h.borrow_mut().push(host));
}

pub fn forget(host: &Rc<RefCell<Host>>) {
    HOSTS.with(|h| h.borrow_mut().retain(|x| !Rc::ptr_eq(x, host)));
}

/// Whether `host` is still listed (not unmounted, nor replaced by a later `mount()`).
pub fn holds(host: &Rc<RefCell<Host>>) -> bool {
    HOSTS.with(|h| h.borrow().iter().any(|x| Rc::ptr_eq(x, host)))
}

/// The host of `element`, if it has one.
pub fn find(element: &Element) -> Option<Rc<RefCell<Host>>> {
    HOSTS.with(|h| h.borrow().iter().find(|x| x.borrow().element.is_same_node(Some(element))).cloned())
}

/// The hosts `keep` says yes to (a copy, so the caller may unmount and forget them).
pub fn hosts_where(keep: impl Fn(&Host) -> bool) -> Vec<Rc<RefCell<Host>>> {
    HOSTS.with(|h| h.borrow().iter().filter(|x| keep(&x.borrow())).cloned().collect())
}
