//! The "Data notes" block under the charts: what the data needed fixing for (never silent),
//! limited to the symbols the widget shows. A file of 24 symbols may carry notes about all of
//! them; a widget showing two lists the notes about those two (and notes about no symbol in
//! particular) and counts the rest.

use super::messages::Messages;
use crate::analysis::Warning;

/// The notes a widget lists, and how many it leaves out because they concern symbols it does
/// not show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DataNotes {
    /// The sentences listed, in the order given.
    pub listed: Vec<String>,
    /// Notes about symbols the widget does not show.
    pub others: usize,
}

impl DataNotes {
    /// Lists each warning about no symbol or about one of `shown`, and counts the others.
    pub fn new<'a>(warnings: impl IntoIterator<Item = &'a Warning>, shown: &[&str], m: &crate::chart::messages::Messages) -> DataNotes {
        let mut notes = DataNotes::default();
        for w in warnings {
            match w.symbol.as_deref() {
                Some(s) if !shown.contains(&s) => notes.others += 1,
                _ => notes.listed.push(m.said(w)),
            }
        }
        notes
    }

    /// Nothing to say: the block is not shown.
    pub fn is_empty(&self) -> bool {
        self.listed.is_empty() && self.others == 0
    }

    /// The fold's label: how many notes it lists, and how many it leaves out (shown while the
    /// fold is closed, so a reader sees at once that the rest concern other symbols).
    /// The notes themselves are the data's words, as the file's checks wrote them.
    pub fn summary(&self, m: &Messages) -> String {
        let n = self.listed.len().to_string();
        match self.others {
            0 => m.fill("notes.summary", &[("n", &n)]),
            others => m.count_fill("notes.summaryOthers", others, &[("shown", &n)]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(symbol: Option<&str>, message: &str) -> Warning {
        Warning::new("missing_closes", symbol, message)
    }

    #[test]
    fn lists_the_shown_symbols_and_file_wide_notes_and_counts_the_rest() {
        let warnings = [
            w(Some("IWC"), "IWC starts late."),
            w(Some("IWM"), "IWM has 3 missing closes."),
            w(None, "2 dates were repeated."),
            w(Some("SPY"), "SPY ends early."),
            w(Some("XLK"), "XLK has 1 missing close."),
            w(Some("IWMX"), "IWMX starts late."),
        ];
        let notes = DataNotes::new(&warnings, &["IWM", "SPY"], &crate::chart::messages::Messages::english());
        assert_eq!(notes.listed, vec!["IWM has 3 missing closes.", "2 dates were repeated.", "SPY ends early."]);
        assert_eq!(notes.others, 3);
        assert_eq!(notes.summary(&Messages::english()), "Data notes (3, and 3 about other symbols in the file)");
        assert!(!notes.is_empty());
    }

    #[test]
    fn none_listed_or_none_left_out() {
        let none = DataNotes::new(&[w(Some("XLK"), "b"), w(Some("XLE"), "c")], &["IWM"], &crate::chart::messages::Messages::english());
        assert!(none.listed.is_empty() && !none.is_empty());
        assert_eq!(none.summary(&Messages::english()), "Data notes (0, and 2 about other symbols in the file)");
        let all = DataNotes::new(&[w(Some("XLK"), "b"), w(None, "c")], &["XLK"], &Messages::english());
        assert_eq!((all.listed.len(), all.others), (2, 0));
        assert_eq!(all.summary(&Messages::english()), "Data notes (2)");
    }

    #[test]
    fn no_warnings_no_block() {
        let notes = DataNotes::new(&[], &["IWM"], &crate::chart::messages::Messages::english());
        assert!(notes.is_empty());
    }
}

#[cfg(test)]
mod with_a_model {
    use super::DataNotes;
    use crate::analysis::input::parse_contract_json;
    use crate::model::{AnalyzeOptions, Model};

    /// SPY and IWM complete; IWC starts late, XLK and XLE each miss a close.
    const FILE: &str = r#"{"dates":["2026-01-05","2026-01-06","2026-01-07","2026-01-08","2026-01-09"],
        "series":{"SPY":[1,2,3,4,5],"IWM":[1,2,3,4,5],"IWC":[null,null,3,4,5],"XLK":[1,2,null,4,5],"XLE":[1,null,3,4,5]}}"#;

    fn notes(options: &AnalyzeOptions, benchmark: Option<&str>) -> (Vec<String>, DataNotes) {
        let table = parse_contract_json(FILE).unwrap();
        let mut model = Model::without_baskets(&table, options).unwrap();
        model.resolve_baskets(&options.baskets).unwrap();
        let b = benchmark.map_or(model.benchmark, |s| table.position(s).unwrap());
        let shown: Vec<&str> = model.shown(b).into_iter().map(|p| model.symbol(p)).collect();
        let notes = DataNotes::new(&table.warnings, &shown, &crate::chart::messages::Messages::english());
        (shown.into_iter().map(str::to_owned).collect(), notes)
    }

    #[test]
    fn a_one_symbol_widget_lists_only_its_own_and_its_benchmarks_notes() {
        let table = parse_contract_json(FILE).unwrap();
        let about: Vec<_> = table.warnings.iter().filter_map(|w| w.symbol.as_deref()).collect();
        assert_eq!(about, vec!["IWC", "XLK", "XLE"], "{:?}", table.warnings);
        let one = AnalyzeOptions { symbols: Some(vec!["IWM".into()]), ..AnalyzeOptions::default() };
        let (shown, n) = notes(&one, None);
        assert_eq!(shown, vec!["IWM", "SPY"]);
        assert!(n.listed.is_empty());
        assert_eq!(n.others, 3);
        // The reader picks XLK as the benchmark: its note is listed, the other two counted.
        let (shown, n) = notes(&one, Some("XLK"));
        assert_eq!(shown, vec!["IWM", "SPY", "XLK"]);
        assert_eq!(n.listed.len(), 1);
        assert!(n.listed.iter().all(|m| m.contains("XLK")), "{:?}", n.listed);
        assert_eq!(n.others, 2);
    }

    #[test]
    fn basket_members_are_shown_symbols() {
        let options = AnalyzeOptions {
            symbols: Some(vec!["IWM".into()]),
            baskets: vec![("small".into(), vec!["IWM".into(), "IWC".into()]), ("tech".into(), vec!["XLK".into(), "SPY".into()])],
            ..AnalyzeOptions::default()
        };
        let (shown, n) = notes(&options, None);
        assert_eq!(shown, vec!["IWM", "SPY", "IWC", "XLK"]);
        assert_eq!(n.listed.len(), 2);
        assert_eq!(n.others, 1);
    }

    #[test]
    fn a_widget_of_every_symbol_lists_every_note() {
        let (shown, n) = notes(&AnalyzeOptions::default(), None);
        assert_eq!(shown.len(), 5);
        assert_eq!((n.listed.len(), n.others), (3, 0));
    }
}
