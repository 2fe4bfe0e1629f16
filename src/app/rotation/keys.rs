//! Keyboard inside the chart: Up/Down from symbol to symbol (by tail head), Left/Right along
//! its tail, Home/End to its ends, Enter pins the highlight, Escape clears it, + and − zoom, 0
//! fits. The focused point gets the ring and tooltip (on the overlay), and the live region
//! says what it is.

use super::Graph;
use crate::app::chart_canvas::ChartKeyboard;
use crate::app::WidgetContext;
use crate::chart::describe::describe_point;
use leptos::prelude::*;
use std::rc::Rc;

/// Where a key moves focus `current` among `reachable` (per tail, the indices of its points
/// inside the plot); `None` when the key does not move it.
fn next_focus(key: &str, current: Option<(usize, usize)>, reachable: &[Vec<usize>]) -> Option<(usize, usize)> {
    let tails: Vec<usize> = (0..reachable.len()).filter(|&t| !reachable[t].is_empty()).collect();
    let n = tails.len();
    if n == 0 {
        return None;
    }
    let last_of = |t: usize| reachable[t].last().copied().unwrap_or(0);
    let step = |t: usize, k: usize, forward: bool| -> usize {
        let r = &reachable[t];
        let next = if forward { r.iter().find(|&&j| j > k) } else { r.iter().rev().find(|&&j| j < k) };
        next.copied().unwrap_or(k)
    };
    let slot = |t: usize| tails.iter().position(|&x| x == t).unwrap_or(0);
    match (key, current) {
        ("ArrowDown" | "ArrowUp" | "ArrowLeft" | "ArrowRight" | "Home" | "End", None) => Some((tails[0], last_of(tails[0]))),
        ("ArrowDown", Some((t, _))) => Some((tails[(slot(t) + 1) % n], last_of(tails[(slot(t) + 1) % n]))),
        ("ArrowUp", Some((t, _))) => Some((tails[(slot(t) + n - 1) % n], last_of(tails[(slot(t) + n - 1) % n]))),
        ("ArrowLeft", Some((t, k))) => Some((t, step(t, k, false))),
        ("ArrowRight", Some((t, k))) => Some((t, step(t, k, true))),
        ("Home", Some((t, _))) => Some((t, reachable[t].first().copied().unwrap_or(0))),
        ("End", Some((t, _))) => Some((t, last_of(t))),
        _ => None,
    }
}

pub fn keyboard(g: &Graph, ctx: &WidgetContext, described_by: String) -> ChartKeyboard {
    let (g, format) = (g.clone(), ctx.format.clone());
    let c = g.c;
    let on_blur = {
        let g = g.clone();
        Rc::new(move || {
            g.focus.set(None);
            g.clear_point();
        })
    };
    let on_key = Rc::new(move |ev: &web_sys::KeyboardEvent| -> bool {
        let key = ev.key();
        let shown = g.shown.borrow();
        // + and − zoom about the middle of the plot, 0 fits everything again.
        let zoom_step = match key.as_str() {
            "+" | "=" => Some(0.5),
            "-" | "_" => Some(2.0),
            _ => None,
        };
        if let Some(factor) = zoom_step {
            if let Some(s) = shown.as_ref() {
                let p = s.view.plot;
                c.zoom.set(Some(s.view.zoomed_by(factor, ((p.left + p.right) / 2.0, (p.top + p.bottom) / 2.0))));
            }
            return true;
        }
        if key == "0" {
            c.zoom.set(None);
            return true;
        }
        let Some(s) = shown.as_ref() else { return false };
        // Only the points inside the plot (all of them unless zoomed) are reachable.
        let reachable: Vec<Vec<usize>> =
            s.view.tails.iter().map(|t| (0..t.points.len()).filter(|&k| t.points.get(k).is_some_and(|d| s.view.plot.contains(d.x, d.y))).collect()).collect();
        if reachable.iter().all(Vec::is_empty) {
            return false;
        }
        // Escape clears the ring, the tooltip and the highlight; focus stays on the chart.
        if key == "Escape" {
            g.focus.set(None);
            g.clear_point();
            c.clear_highlight();
            return true;
        }
        let current = g.focus.get_untracked().filter(|&(t, k)| reachable.get(t).is_some_and(|r| r.contains(&k)));
        if matches!(key.as_str(), "Enter" | " ") {
            let Some((t, _)) = current else { return false };
            let pos = Some(s.position(t));
            c.pinned.update(|p| *p = if *p == pos { None } else { pos });
            return true;
        }
        let Some((t, k)) = next_focus(&key, current, &reachable) else { return false };
        g.focus.set(Some((t, k)));
        let dot = &s.view.tails[t].points[k];
        g.point_at(s, t, k, (dot.x / s.view.ui, dot.y / s.view.ui), format.as_ref());
        if let Some(m) = g.point_metrics(&s.tails.0[t], k) {
            let text = describe_point(&g.words, g.data.symbol(s.position(t)), s.point(t, k), &m, c.interval.get_untracked(), format.as_ref());
            c.announce.set(crate::chart::describe::point_at_note(&g.words, text, s.view.tails[t].note_point == Some(k)));
        }
        true
    });
    ChartKeyboard { on_key, on_blur, described_by }
}
