//! What a widget says while its data downloads: how much has arrived, and what a chart that
//! had not loaded says on paper.

use super::messages::Messages;

/// What a chart that had not loaded says on paper (print CSS shows it instead of the screen's
/// text), while waiting for the viewport or its data: in English where the page holds the
/// widget before its language's table loads (the embed's placeholder); a mounted widget says
/// [`not_loaded_on_paper`].
pub const NOT_LOADED_ON_PAPER: &str = "This chart had not loaded when the page was printed: open the page to see it.";

/// The same in `m`'s language.
pub fn not_loaded_on_paper(m: &Messages) -> &'static str {
    m.get("label.notLoadedOnPaper")
}

/// `received` (and `total`) as a reader reads sizes: "1.6 of 3.2 MB", "120 of 450 KB".
pub fn size_text(received: u64, total: Option<u64>) -> String {
    size_in(&Messages::english(), received, total)
}

/// The same in `m`'s language ("2 von 8 KB").
pub fn size_in(m: &Messages, received: u64, total: Option<u64>) -> String {
    let largest = total.unwrap_or(received).max(received) as f64;
    let (unit, scale, decimals) = if largest >= 1e6 { ("MB", 1e6, 1) } else { ("KB", 1e3, 0) };
    let show = |b: u64| format!("{:.*}", decimals, b as f64 / scale);
    match total {
        Some(t) => format!("{} {unit}", m.fill("loading.size", &[("received", &show(received)), ("total", &show(t))])),
        None => format!("{} {unit}", show(received)),
    }
}

/// "Loading prices…" (the message `what`: `loading.prices`, `loading.note`), then how much
/// has arrived once bytes come.
pub fn loading_text(m: &Messages, what: &'static str, received: Option<(u64, Option<u64>)>) -> String {
    match received {
        Some((got, total)) => format!("{} {}", m.get(what), size_in(m, got, total)),
        None => m.get(what).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_the_unit_of_the_larger_figure() {
        assert_eq!(size_text(1_600_000, Some(3_200_000)), "1.6 of 3.2 MB");
        assert_eq!(size_text(120_000, Some(450_000)), "120 of 450 KB");
        // The total decides the unit: 0.5 MB of 1.2 MB, not 500 KB of 1.2 MB.
        assert_eq!(size_text(500_000, Some(1_200_000)), "0.5 of 1.2 MB");
        assert_eq!(size_text(4_000, None), "4 KB");
        assert_eq!(size_text(2_340_000, None), "2.3 MB");
    }

    #[test]
    fn loading_says_what_and_how_much() {
        let en = Messages::english();
        assert_eq!(loading_text(&en, "loading.prices", None), "Loading prices…");
        assert_eq!(loading_text(&en, "loading.note", Some((2_000, Some(8_000)))), "Loading the note… 2 of 8 KB");
        assert_eq!(loading_text(&en, "loading.prices", Some((1_400, None))), "Loading prices… 1 KB");
        let de = Messages::new("de", &[("loading.note", "Notiz wird geladen…"), ("loading.size", "{received} von {total}")], &[], None);
        assert_eq!(loading_text(&de, "loading.note", Some((2_000, Some(8_000)))), "Notiz wird geladen… 2 von 8 KB");
        assert_eq!(loading_text(&de, "loading.prices", None), "Loading prices…");
        assert_eq!(not_loaded_on_paper(&en), NOT_LOADED_ON_PAPER);
    }
}
