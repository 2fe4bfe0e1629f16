//! What a widget says while its data downloads: how much has arrived, and what a chart that
//! had not loaded says on paper.

/// What a chart that had not loaded says on paper (print CSS shows it instead of the screen's
/// text), while waiting for the viewport or its data.
pub const NOT_LOADED_ON_PAPER: &str = "This chart had not loaded when the page was printed: open the page to see it.";

/// `received` (and `total`) as a reader reads sizes: "1.6 of 3.2 MB", "120 of 450 KB".
pub fn size_text(received: u64, total: Option<u64>) -> String {
    let largest = total.unwrap_or(received).max(received) as f64;
    let (unit, scale, decimals) = if largest >= 1e6 { ("MB", 1e6, 1) } else { ("KB", 1e3, 0) };
    let show = |b: u64| format!("{:.*}", decimals, b as f64 / scale);
    match total {
        Some(t) => format!("{} of {} {unit}", show(received), show(t)),
        None => format!("{} {unit}", show(received)),
    }
}

/// "Loading prices…" (or `what` else is loading), then how much has arrived once bytes come.
pub fn loading_text(what: &str, received: Option<(u64, Option<u64>)>) -> String {
    match received {
        Some((got, total)) => format!("Loading {what}… {}", size_text(got, total)),
        None => format!("Loading {what}…"),
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
        assert_eq!(loading_text("prices", None), "Loading prices…");
        assert_eq!(loading_text("the note", Some((2_000, Some(8_000)))), "Loading the note… 2 of 8 KB");
        assert_eq!(loading_text("prices", Some((1_400, None))), "Loading prices… 1 KB");
    }
}
