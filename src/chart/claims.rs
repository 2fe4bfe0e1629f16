//! A research note's checked figures in words and as a table: each row of the card (the note's
//! value, the prices' value then and now, the call since publication), the card's screen-reader
//! summary, and the CSV a reader can download. Pure, so the wording is tested natively.

use super::describe::list;
use super::export::{Cell, DataTable};
use super::format::Format;
use crate::analysis::claims::{ClaimCheck, Outcome};
use crate::analysis::note::{Claim, ClaimKind, NoteClaim};
use crate::analysis::Date;

/// English messages of the note card, by key (see [`super::messages`]).
pub const MESSAGES: &[(&str, &str)] = &[];

/// The call a claim makes, in words: "IJR minus SPY", "IWM and IJR minus SPY and IVV", "IWM".
/// `benchmark` is the widget's, for an excess claim that names none.
pub fn call(kind: &ClaimKind, benchmark: Option<&str>) -> String {
    match kind {
        ClaimKind::Return { symbol } => symbol.clone(),
        ClaimKind::Excess { symbol, benchmark: named } => match named.as_deref().or(benchmark) {
            Some(b) => format!("{symbol} minus {b}"),
            None => symbol.clone(),
        },
        ClaimKind::Spread { long, short } => format!("{} minus {}", list(long), list(short)),
    }
}

/// Whether the call has held since the note: the result since publication has the sign of
/// the note's value (`Some(true)`), the opposite sign (`Some(false)`), or either is zero.
pub fn held(stated: f64, since: f64) -> Option<bool> {
    let product = stated * since;
    (product != 0.0).then_some(product > 0.0)
}

/// [`held`] in a word: "held", "reversed", or none.
fn held_word(held: Option<bool>) -> Option<&'static str> {
    held.map(|h| if h { "held" } else { "reversed" })
}

/// One claim's texts on the card.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimText {
    /// "+8.5 pp" (the note's value).
    pub stated: Option<String>,
    /// "+8.4 pp" (the prices, as of the claim's day).
    pub computed: Option<String>,
    /// "YTD to Feb 20, 2026".
    pub basis: Option<String>,
    /// "matches (within 0.5 pp)", "differs by 1.2 pp", "cannot be checked: …".
    pub verdict: String,
    /// "Now +10.8 pp (YTD to Jul 13, 2026)".
    pub now: Option<String>,
    /// "Since the note (Feb 4, 2026 to Jul 13, 2026): IJR minus SPY +2.9 pp, the call has held".
    pub since: Option<String>,
    pub held: Option<bool>,
}

fn in_unit(claim: &Claim, value: f64, fmt: &dyn Format) -> String {
    if claim.kind.unit() == "%" {
        fmt.percent(value, 1)
    } else {
        fmt.points(value, 1)
    }
}

/// The texts of one checked claim.
pub fn claim_text(claim: &Result<Claim, String>, check: &ClaimCheck, tolerance: f64, benchmark: Option<&str>, fmt: &dyn Format) -> ClaimText {
    let claim = claim.as_ref().ok();
    let unsigned = |v: f64| fmt.points(v, 1).trim_start_matches('+').to_owned();
    let verdict = match &check.outcome {
        Outcome::Matches { .. } => format!("matches (within {})", unsigned(tolerance)),
        Outcome::Differs { difference } => format!("differs by {}", unsigned(difference.abs())),
        Outcome::Unchecked { reason } => format!("cannot be checked: {reason}"),
    };
    let period = check.period.map(|p| p.to_string()).unwrap_or_default();
    let now = claim.zip(check.now.as_ref()).map(|(c, n)| format!("Now {} ({period} to {})", in_unit(c, n.value, fmt), fmt.date(n.as_of)));
    let (mut since, mut held_now) = (None, None);
    if let (Some(c), Some(s)) = (claim, &check.since) {
        since = Some(match (&s.value, s.from, s.to) {
            (Ok(v), Some(from), Some(to)) => {
                held_now = held(c.value, *v);
                let verdict = held_word(held_now).map_or(String::new(), |w| format!(", the call has {w}"));
                format!("Since the note ({} to {}): {} {}{verdict}", fmt.date(from), fmt.date(to), call(&c.kind, benchmark), in_unit(c, *v, fmt))
            }
            (Err(reason), ..) => format!("Since the note: cannot be computed: {reason}"),
            _ => format!("Since the note ({}): cannot be computed", fmt.date(s.published)),
        });
    }
    ClaimText {
        stated: claim.map(|c| in_unit(c, c.value, fmt)),
        computed: claim.zip(check.computed).map(|(c, v)| in_unit(c, v, fmt)),
        basis: check.as_of.map(|d| format!("{period} to {}", fmt.date(d))),
        verdict,
        now,
        since,
        held: held_now,
    }
}

/// The claims section in one passage, for screen readers: how many figures match, and for
/// each call its figure now and its result since the note. Example: "2 figures checked against
/// the prices: 1 matches, 1 differs. IJR minus SPY: +10.8 pp now, +2.9 pp since the note, held."
pub fn describe_claims(claims: &[NoteClaim], checks: &[ClaimCheck], benchmark: Option<&str>, fmt: &dyn Format) -> String {
    let count = |f: fn(&Outcome) -> bool| checks.iter().filter(|c| f(&c.outcome)).count();
    let (matches, differs, unchecked) =
        (count(|o| matches!(o, Outcome::Matches { .. })), count(|o| matches!(o, Outcome::Differs { .. })), count(|o| matches!(o, Outcome::Unchecked { .. })));
    let mut parts = Vec::new();
    for (n, one, many) in [(matches, "matches", "match"), (differs, "differs", "differ"), (unchecked, "cannot be checked", "cannot be checked")] {
        if n > 0 {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    let figures = if checks.len() == 1 { "figure" } else { "figures" };
    let mut text = format!("{} {figures} checked against the prices: {}.", checks.len(), list(&parts));
    let calls: Vec<String> = claims
        .iter()
        .zip(checks)
        .filter_map(|(nc, check)| {
            let claim = nc.claim.as_ref().ok()?;
            let mut said = Vec::new();
            if let Some(now) = &check.now {
                said.push(format!("{} now", in_unit(claim, now.value, fmt)));
            }
            if let Some(value) = check.since.as_ref().and_then(|s| s.value.as_ref().ok()) {
                let verdict = held_word(held(claim.value, *value)).map_or(String::new(), |w| format!(", {w}"));
                said.push(format!("{} since the note{verdict}", in_unit(claim, *value, fmt)));
            }
            (!said.is_empty()).then(|| format!("{}: {}", call(&claim.kind, benchmark), said.join(", ")))
        })
        .collect();
    if !calls.is_empty() {
        text.push_str(&format!(" {}.", calls.join("; ")));
    }
    text
}

/// Every claim and its checks as a table (the card's CSV): plain numbers at full precision.
pub fn claims_table(claims: &[NoteClaim], checks: &[ClaimCheck], benchmark: Option<&str>, published: Option<Date>) -> DataTable {
    let columns = [
        "claim", "call", "unit", "period", "note_value", "as_of", "prices_value", "difference", "outcome", "now_as_of", "now_value", "published", "since_from",
        "since_to", "since_value", "held",
    ];
    let number = |v: Option<f64>| v.map_or(Cell::Missing, |v| Cell::Number(v, 1));
    let date = |d: Option<Date>| d.map_or(Cell::Missing, Cell::Date);
    let text = |t: Option<String>| t.map_or(Cell::Missing, Cell::Text);
    let rows = claims
        .iter()
        .zip(checks)
        .map(|(nc, check)| {
            let claim = nc.claim.as_ref().ok();
            let (outcome, difference) = match &check.outcome {
                Outcome::Matches { difference } => ("matches".to_owned(), Some(*difference)),
                Outcome::Differs { difference } => ("differs".to_owned(), Some(*difference)),
                Outcome::Unchecked { reason } => (format!("cannot be checked: {reason}"), None),
            };
            let since = check.since.as_ref();
            let since_value = since.and_then(|s| s.value.as_ref().ok().copied());
            vec![
                Cell::Text(nc.text.clone()),
                text(claim.map(|c| call(&c.kind, benchmark))),
                text(claim.map(|c| c.kind.unit().to_owned())),
                text(check.period.map(|p| p.to_string())),
                number(claim.map(|c| c.value)),
                date(check.as_of),
                number(check.computed),
                number(difference),
                Cell::Text(outcome),
                date(check.now.as_ref().map(|n| n.as_of)),
                number(check.now.as_ref().map(|n| n.value)),
                date(published),
                date(since.and_then(|s| s.from)),
                date(since.and_then(|s| s.to)),
                number(since_value),
                text(held_word(claim.zip(since_value).and_then(|(c, v)| held(c.value, v))).map(str::to_owned)),
            ]
        })
        .collect();
    DataTable { caption: "The note's figures checked against the prices".into(), columns: columns.iter().map(|c| c.to_string()).collect(), rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::claims::check_claim;
    use crate::analysis::input::parse_contract_json;
    use crate::analysis::note::parse_note;
    use crate::chart::PlainFormat;
    use serde_json::json;

    // Exact binary ratios: YTD to 2026-02-20 IJR 80/64 (+25 %), SPY 90/80 (+12.5 %); to
    // 2026-03-02 IJR 48/64 (−25 %), SPY 100/80 (+25 %); since 2026-02-04 IJR 48/96 (−50 %),
    // SPY 100/80 (+25 %).
    fn table() -> crate::analysis::prices::PriceTable {
        parse_contract_json(r#"{"dates":["2025-12-31","2026-02-04","2026-02-20","2026-03-02"],"series":{"SPY":[80,80,90,100],"IJR":[64,96,80,48]}}"#).unwrap()
    }

    fn note() -> crate::analysis::note::Note {
        parse_note(&json!({"published": "2026-02-04", "claims": [
            {"text": "Small caps lead by 12.5 pp YTD", "kind": "spread", "long": "IJR", "short": "SPY", "value": 12.0, "as_of": "2026-02-20"},
            {"text": "IJR beats the benchmark", "kind": "excess", "symbol": "IJR", "value": 9.0, "as_of": "2026-02-20"},
            {"text": "QQQ is up", "kind": "return", "symbol": "QQQ", "value": 3.0}
        ]}))
        .unwrap()
    }

    fn checks() -> Vec<ClaimCheck> {
        let (t, n) = (table(), note());
        n.claims.iter().map(|c| check_claim(Some(&t), Some(0), n.published, &c.claim, 0.5)).collect()
    }

    #[test]
    fn each_claim_reads_then_now_and_since() {
        let (n, checks) = (note(), checks());
        let t = claim_text(&n.claims[0].claim, &checks[0], 0.5, Some("SPY"), &PlainFormat);
        // Then: +25 % − +12.5 % = 12.5 pp against a stated 12.0: within 0.5 pp.
        assert_eq!((t.stated.as_deref(), t.computed.as_deref(), t.verdict.as_str()), (Some("+12.0 pp"), Some("+12.5 pp"), "matches (within 0.5 pp)"));
        assert_eq!(t.basis.as_deref(), Some("YTD to Feb 20, 2026"));
        // Now (2026-03-02): −25 % − +25 % = −50 pp.
        assert_eq!(t.now.as_deref(), Some("Now −50.0 pp (YTD to Mar 2, 2026)"));
        // Since 2026-02-04: −50 % − +25 % = −75 pp, against a stated +12: reversed.
        assert_eq!(t.since.as_deref(), Some("Since the note (Feb 4, 2026 to Mar 2, 2026): IJR minus SPY −75.0 pp, the call has reversed"));
        assert_eq!(t.held, Some(false));
        // The excess claim names the widget's benchmark; 12.5 against 9.0 differs by 3.5 pp.
        let t = claim_text(&n.claims[1].claim, &checks[1], 0.5, Some("SPY"), &PlainFormat);
        assert_eq!(t.verdict, "differs by 3.5 pp");
        assert!(t.since.unwrap().contains("IJR minus SPY −75.0 pp"));
        // An unchecked claim shows no figures from the prices.
        let t = claim_text(&n.claims[2].claim, &checks[2], 0.5, Some("SPY"), &PlainFormat);
        assert_eq!((t.computed, t.now, t.since, t.verdict.as_str()), (None, None, None, "cannot be checked: QQQ is not in the price data"));
    }

    #[test]
    fn the_summary_counts_outcomes_and_names_each_call_since_the_note() {
        let (n, checks) = (note(), checks());
        assert_eq!(
            describe_claims(&n.claims, &checks, Some("SPY"), &PlainFormat),
            "3 figures checked against the prices: 1 matches, 1 differs and 1 cannot be checked. \
             IJR minus SPY: −50.0 pp now, −75.0 pp since the note, reversed; IJR minus SPY: −50.0 pp now, −75.0 pp since the note, reversed."
        );
    }

    #[test]
    fn the_csv_has_every_figure_at_full_precision() {
        let (n, checks) = (note(), checks());
        let csv = claims_table(&n.claims, &checks, Some("SPY"), n.published).to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "claim,call,unit,period,note_value,as_of,prices_value,difference,outcome,now_as_of,now_value,published,since_from,since_to,since_value,held");
        assert_eq!(lines[1], "Small caps lead by 12.5 pp YTD,IJR minus SPY,pp,YTD,12,2026-02-20,12.5,0.5,matches,2026-03-02,-50,2026-02-04,2026-02-04,2026-03-02,-75,reversed");
        assert_eq!(lines[3], "QQQ is up,QQQ,%,,3,,,,cannot be checked: QQQ is not in the price data,,,2026-02-04,,,,");
    }

    #[test]
    fn held_follows_the_sign_of_the_call() {
        assert_eq!((held(8.5, 2.9), held(8.5, -0.1), held(-3.0, -1.0), held(0.0, 1.0), held(2.0, 0.0)), (Some(true), Some(false), Some(true), None, None));
    }
}
