//! A research note's checked figures in words and as a table: each row of the card (the note's
//! value, the prices' value then and now, the call since publication), the card's screen-reader
//! summary, and the CSV a reader can download. Pure, so the wording is tested natively.

use super::export::{Cell, DataTable};
use super::format::Format;
use super::messages::Messages;
use crate::analysis::claims::{ClaimCheck, Outcome};
use crate::analysis::note::{Claim, ClaimKind, NoteClaim};
use crate::analysis::Date;



/// The call a claim makes, in words: "IJR minus SPY", "IWM and IJR minus SPY and IVV", "IWM".
/// `benchmark` is the widget's, for an excess claim that names none.
pub fn call(m: &Messages, kind: &ClaimKind, benchmark: Option<&str>) -> String {
    match kind {
        ClaimKind::Return { symbol } => symbol.clone(),
        ClaimKind::Excess { symbol, benchmark: named } => match named.as_deref().or(benchmark) {
            Some(b) => m.fill("claim.minus", &[("long", symbol), ("short", b)]),
            None => symbol.clone(),
        },
        ClaimKind::Spread { long, short } => m.fill("claim.minus", &[("long", &m.list(long)), ("short", &m.list(short))]),
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
pub fn claim_text(m: &Messages, claim: &Result<Claim, crate::analysis::error::Reason>, check: &ClaimCheck, tolerance: f64, benchmark: Option<&str>, fmt: &dyn Format) -> ClaimText {
    let claim = claim.as_ref().ok();
    let unsigned = |v: f64| fmt.points(v, 1).trim_start_matches('+').to_owned();
    let verdict = match &check.outcome {
        Outcome::Matches { .. } => m.fill("claim.matches", &[("tolerance", &unsigned(tolerance))]),
        Outcome::Differs { difference } => m.fill("claim.differs", &[("difference", &unsigned(difference.abs()))]),
        Outcome::Unchecked { reason } => m.fill("claim.unchecked", &[("reason", &m.said(reason))]),
    };
    let period = check.period.map(|p| super::describe::period_name(m, p, fmt)).unwrap_or_default();
    let now = claim.zip(check.now.as_ref()).map(|(c, n)| m.fill("claim.now", &[("value", &in_unit(c, n.value, fmt)), ("period", &period), ("date", &fmt.date(n.as_of))]));
    let (mut since, mut held_now) = (None, None);
    if let (Some(c), Some(s)) = (claim, &check.since) {
        since = Some(match (&s.value, s.from, s.to) {
            (Ok(v), Some(from), Some(to)) => {
                held_now = held(c.value, *v);
                let key = match held_now {
                    Some(true) => "claim.since.held",
                    Some(false) => "claim.since.reversed",
                    None => "claim.since",
                };
                m.fill(key, &[("from", &fmt.date(from)), ("to", &fmt.date(to)), ("call", &call(m, &c.kind, benchmark)), ("value", &in_unit(c, *v, fmt))])
            }
            (Err(reason), ..) => m.fill("claim.since.failed", &[("reason", &m.said(reason))]),
            _ => m.fill("claim.since.unknown", &[("published", &fmt.date(s.published))]),
        });
    }
    ClaimText {
        stated: claim.map(|c| in_unit(c, c.value, fmt)),
        computed: claim.zip(check.computed).map(|(c, v)| in_unit(c, v, fmt)),
        basis: check.as_of.map(|d| m.fill("claim.basis", &[("period", &period), ("date", &fmt.date(d))])),
        verdict,
        now,
        since,
        held: held_now,
    }
}

/// The claims section in one passage, for screen readers: how many figures match, and for
/// each call its figure now and its result since the note. Example: "2 figures checked against
/// the prices: 1 matches, 1 differs. IJR minus SPY: +10.8 pp now, +2.9 pp since the note, held."
pub fn describe_claims(m: &Messages, claims: &[NoteClaim], checks: &[ClaimCheck], benchmark: Option<&str>, fmt: &dyn Format) -> String {
    let count = |f: fn(&Outcome) -> bool| checks.iter().filter(|c| f(&c.outcome)).count();
    let (matches, differs, unchecked) =
        (count(|o| matches!(o, Outcome::Matches { .. })), count(|o| matches!(o, Outcome::Differs { .. })), count(|o| matches!(o, Outcome::Unchecked { .. })));
    let mut parts = Vec::new();
    for (n, base) in [(matches, "claim.summary.matches"), (differs, "claim.summary.differs"), (unchecked, "claim.summary.unchecked")] {
        if n > 0 {
            parts.push(m.count(base, n));
        }
    }
    // The count fills `{n}`; the outcomes go into the same sentence after it.
    let mut text = m.count_fill("claim.summary", checks.len(), &[("outcomes", &m.list(&parts))]);
    let calls: Vec<String> = claims
        .iter()
        .zip(checks)
        .filter_map(|(nc, check)| {
            let claim = nc.claim.as_ref().ok()?;
            let mut said = Vec::new();
            if let Some(now) = &check.now {
                said.push(m.fill("claim.summary.now", &[("value", &in_unit(claim, now.value, fmt))]));
            }
            if let Some(value) = check.since.as_ref().and_then(|s| s.value.as_ref().ok()) {
                let key = match held(claim.value, *value) {
                    Some(true) => "claim.summary.since.held",
                    Some(false) => "claim.summary.since.reversed",
                    None => "claim.summary.since",
                };
                said.push(m.fill(key, &[("value", &in_unit(claim, *value, fmt))]));
            }
            (!said.is_empty()).then(|| m.fill("claim.summary.call", &[("call", &call(m, &claim.kind, benchmark)), ("figures", &said.join(m.get("claim.comma")))]))
        })
        .collect();
    if !calls.is_empty() {
        text.push_str(&m.fill("claim.summary.calls", &[("calls", &calls.join(m.get("claim.summary.next")))]));
    }
    text
}

/// Every claim and its checks as a table (the card's CSV): plain numbers at full precision.
/// The columns' names and the outcome and held codes are the file's format, the same in every
/// language so that what reads the file reads any; the call is said in the reader's words.
pub fn claims_table(m: &Messages, claims: &[NoteClaim], checks: &[ClaimCheck], benchmark: Option<&str>, published: Option<Date>) -> DataTable {
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
                text(claim.map(|c| call(m, &c.kind, benchmark))),
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
    DataTable { caption: m.get("claim.csv.caption").into(), columns: columns.iter().map(|c| c.to_string()).collect(), rows }
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
        let t = claim_text(&Messages::english(), &n.claims[0].claim, &checks[0], 0.5, Some("SPY"), &PlainFormat);
        // Then: +25 % − +12.5 % = 12.5 pp against a stated 12.0: within 0.5 pp.
        assert_eq!((t.stated.as_deref(), t.computed.as_deref(), t.verdict.as_str()), (Some("+12.0 pp"), Some("+12.5 pp"), "matches (within 0.5 pp)"));
        assert_eq!(t.basis.as_deref(), Some("YTD to Feb 20, 2026"));
        // Now (2026-03-02): −25 % − +25 % = −50 pp.
        assert_eq!(t.now.as_deref(), Some("Now −50.0 pp (YTD to Mar 2, 2026)"));
        // Since 2026-02-04: −50 % − +25 % = −75 pp, against a stated +12: reversed.
        assert_eq!(t.since.as_deref(), Some("Since the note (Feb 4, 2026 to Mar 2, 2026): IJR minus SPY −75.0 pp, the call has reversed"));
        assert_eq!(t.held, Some(false));
        // The excess claim names the widget's benchmark; 12.5 against 9.0 differs by 3.5 pp.
        let t = claim_text(&Messages::english(), &n.claims[1].claim, &checks[1], 0.5, Some("SPY"), &PlainFormat);
        assert_eq!(t.verdict, "differs by 3.5 pp");
        assert!(t.since.unwrap().contains("IJR minus SPY −75.0 pp"));
        // An unchecked claim shows no figures from the prices.
        let t = claim_text(&Messages::english(), &n.claims[2].claim, &checks[2], 0.5, Some("SPY"), &PlainFormat);
        assert_eq!((t.computed, t.now, t.since, t.verdict.as_str()), (None, None, None, "cannot be checked: QQQ is not in the price data"));
    }

    #[test]
    fn the_summary_counts_outcomes_and_names_each_call_since_the_note() {
        let (n, checks) = (note(), checks());
        assert_eq!(
            describe_claims(&Messages::english(), &n.claims, &checks, Some("SPY"), &PlainFormat),
            "3 figures checked against the prices: 1 matches, 1 differs and 1 cannot be checked. \
             IJR minus SPY: −50.0 pp now, −75.0 pp since the note, reversed; IJR minus SPY: −50.0 pp now, −75.0 pp since the note, reversed."
        );
    }

    #[test]
    fn the_csv_has_every_figure_at_full_precision() {
        let (n, checks) = (note(), checks());
        let csv = claims_table(&Messages::english(), &n.claims, &checks, Some("SPY"), n.published).to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "claim,call,unit,period,note_value,as_of,prices_value,difference,outcome,now_as_of,now_value,published,since_from,since_to,since_value,held");
        assert_eq!(lines[1], "Small caps lead by 12.5 pp YTD,IJR minus SPY,pp,YTD,12,2026-02-20,12.5,0.5,matches,2026-03-02,-50,2026-02-04,2026-02-04,2026-03-02,-75,reversed");
        assert_eq!(lines[3], "QQQ is up,QQQ,%,,3,,,,cannot be checked: QQQ is not in the price data,,,2026-02-04,,,,");
    }

    /// The card's texts in German: whole sentences with their placeholders filled, counts in
    /// their plural forms, lists joined in the language's words.
    #[test]
    fn the_card_reads_in_german() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/lang/de.json")).unwrap();
        let de = Messages::new("de", crate::chart::messages::keep(crate::chart::messages::parse_table(&text).unwrap()), &[], None);
        let (n, checks) = (note(), checks());
        let t = claim_text(&de, &n.claims[0].claim, &checks[0], 0.5, Some("SPY"), &PlainFormat);
        assert_eq!(t.verdict, "stimmt überein (Toleranz 0.5 pp)");
        // A claim the note writes wrong says why in German too.
        let broken = crate::analysis::note::parse_note(&serde_json::json!({"claims": [{"text": "", "kind": "return", "value": 3}]})).unwrap();
        let check = check_claim(None, None, None, &broken.claims[0].claim, 0.5);
        assert_eq!(claim_text(&de, &broken.claims[0].claim, &check, 0.5, None, &PlainFormat).verdict, "nicht prüfbar: `note.claims[0].symbol` fehlt");
        assert_eq!(t.now.as_deref(), Some("Aktuell −50.0 pp (YTD bis Mar 2, 2026)"));
        assert_eq!(t.since.as_deref(), Some("Seit der Studie (Feb 4, 2026 bis Mar 2, 2026): IJR minus SPY −75.0 pp, die Entwicklung lief der Einschätzung zuwider"));
        assert_eq!(
            describe_claims(&de, &n.claims, &checks, Some("SPY"), &PlainFormat),
            "3 Zahlen anhand der Kurse geprüft: 1 stimmt überein, 1 weicht ab und 1 ist nicht prüfbar. \
             IJR minus SPY: aktuell −50.0 pp, −75.0 pp seit der Studie, gegenläufig; IJR minus SPY: aktuell −50.0 pp, −75.0 pp seit der Studie, gegenläufig."
        );
        let spread = ClaimKind::Spread { long: vec!["IWM".into(), "IJR".into(), "VB".into()], short: vec!["SPY".into()] };
        assert_eq!(call(&de, &spread, None), "IWM, IJR und VB minus SPY");
        assert_eq!(claims_table(&de, &n.claims, &checks, Some("SPY"), n.published).caption, "Die Zahlen der Studie, geprüft anhand der Kurse");
        assert_eq!(crate::chart::words::alert_text(&de, "XLK", crate::analysis::rotation::Quadrant::Improving, crate::analysis::rotation::Quadrant::Leading), "XLK Aufholend → Führend");
        let ja = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/lang/ja.json")).unwrap();
        let ja = Messages::new("ja", crate::chart::messages::keep(crate::chart::messages::parse_table(&ja).unwrap()), &[], None);
        assert_eq!(call(&ja, &spread, None), "IWM、IJR、VB マイナス SPY");
    }

    #[test]
    fn held_follows_the_sign_of_the_call() {
        assert_eq!((held(8.5, 2.9), held(8.5, -0.1), held(-3.0, -1.0), held(0.0, 1.0), held(2.0, 0.0)), (Some(true), Some(false), Some(true), None, None));
    }
}
