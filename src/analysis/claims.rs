//! Checking a note's own figures against the prices.
//!
//! # Formula
//!
//! Each claim is recomputed with the core as of its `as_of` day (default: the data's last
//! day; the day actually used, the last date on or before it, is reported):
//!
//! - `return`: the symbol's period return, in % ([`super::returns`]);
//! - `excess`: that return minus the benchmark's, in pp (the claim's `benchmark`, else the
//!   widget's);
//! - `spread`: the equal-weight mean of the `long` members' returns minus that of the `short`
//!   members, in pp.
//!
//! `difference = computed − stated`. The claim **matches** when `|difference| ≤ tolerance`
//! (0.5 pp by default; the edge counts as a match), otherwise it **differs** by that much.
//!
//! # Since the note
//!
//! Two more figures show whether the call has held:
//!
//! - **now**: the same figure (same kind, symbols and period) recomputed as of the data's
//!   last day, when that is later than the claim's own day;
//! - **since publication**: the call's result from the note's `published` day to the data's
//!   last day, i.e. the same formula over the period `Since(published)`: the base close is the
//!   last close on or before `published`, so `return` gives the symbol's return in %, `excess`
//!   the symbol's return minus the benchmark's in pp, `spread` the long basket's mean return
//!   minus the short basket's in pp.
//!
//! # Edge cases
//!
//! A claim **cannot be checked**, with the reason, when no prices are loaded, a symbol is not
//! in them, its as-of day lies outside the data, a member has no close at the period's base,
//! or the claim itself is malformed.

use super::error::*;
use super::note::{Claim, ClaimKind};
use super::said::Said;
use super::period::Period;
use super::prices::PriceTable;
use super::returns::period_return;
use super::Date;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    Matches { difference: f64 },
    Differs { difference: f64 },
    Unchecked { reason: Reason },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimCheck {
    /// The value recomputed from prices.
    pub computed: Option<f64>,
    /// The day the numbers are as of (last date on or before the claim's as-of day).
    pub as_of: Option<Date>,
    pub period: Option<Period>,
    pub outcome: Outcome,
    /// The same figure as of the data's last day, when that is after `as_of`.
    pub now: Option<Figure>,
    /// The call's result since the note's publication day (when the note has one).
    pub since: Option<Since>,
}

/// A figure recomputed as of a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub value: f64,
    pub as_of: Date,
}

/// The call from the note's publication to the data's last day: `value` in the claim's unit
/// (`%` for a return, `pp` otherwise), or why it cannot be computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Since {
    pub published: Date,
    /// The base day (last close on or before `published`) and the end day.
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub value: Result<f64, Reason>,
}

fn unchecked(reason: impl Into<Reason>) -> ClaimCheck {
    ClaimCheck { computed: None, as_of: None, period: None, outcome: Outcome::Unchecked { reason: reason.into() }, now: None, since: None }
}

/// Checks one claim. `benchmark` is the widget's benchmark, for `excess` claims without one;
/// `published` is the note's publication day (for the result since the note).
///
/// # Example
/// ```
/// use rotascope::analysis::{claims::{check_claim, Outcome}, input::parse_contract_json, note::parse_note};
/// let t = parse_contract_json(r#"{"dates":["2025-12-31","2026-02-20"],"series":{"SPY":[100,102],"IWM":[50,55]}}"#).unwrap();
/// // IWM YTD: 55 / 50 − 1 = +10 %; SPY +2 %; excess +8 pp. The note says 8.5 pp: 0.5 pp off, a match.
/// let n = parse_note(&serde_json::json!({"claims": [{"text": "", "kind": "excess", "symbol": "IWM", "value": 8.5}]})).unwrap();
/// let c = check_claim(Some(&t), Some(0), None, &n.claims[0].claim, 0.5);
/// assert!(matches!(c.outcome, Outcome::Matches { .. }));
/// ```
pub fn check_claim(table: Option<&PriceTable>, benchmark: Option<usize>, published: Option<Date>, claim: &Result<Claim, Reason>, tolerance: f64) -> ClaimCheck {
    let claim = match claim {
        Ok(c) => c,
        Err(reason) => return unchecked(reason.clone()),
    };
    let Some(table) = table else {
        return unchecked(Said::plain(CLAIM_NO_PRICES));
    };
    let (first, last) = (table.first_date(), table.last_date());
    let day = claim.as_of.unwrap_or(last);
    if day > last {
        return unchecked(Said::new(CLAIM_AFTER, &[("day", &day.to_string()), ("last", &last.to_string())]));
    }
    let Some(to) = table.index_on_or_before(day) else {
        return unchecked(Said::new(CLAIM_BEFORE, &[("day", &day.to_string()), ("first", &first.to_string())]));
    };
    if let Err(_after) = claim.period.checked_start(table.date(to)) {
        return unchecked(Said::new(CLAIM_PERIOD, &[("start", &claim.period.start(table.date(to)).to_string()), ("day", &table.date(to).to_string())]));
    }
    let position = |symbol: &str| table.position(symbol).ok_or_else(|| Reason::from(Said::new(CLAIM_NOT_IN, &[("symbol", symbol)])));
    // The claim's figure over `period` as of date index `to`.
    let figure = |period: Period, to: usize| -> Result<f64, Reason> {
        let ret = |symbol: &str| -> Result<f64, Reason> { period_return(table, position(symbol)?, period, to).map(|r| r.return_pct).map_err(Reason::from) };
        let mean = |symbols: &[String]| -> Result<f64, Reason> {
            let mut returns = Vec::with_capacity(symbols.len());
            for s in symbols {
                returns.push(ret(s)?);
            }
            Ok(returns.iter().sum::<f64>() / returns.len() as f64)
        };
        match &claim.kind {
            ClaimKind::Return { symbol } => ret(symbol),
            ClaimKind::Excess { symbol, benchmark: named } => {
                let bench = match named {
                    Some(b) => Ok(b.clone()),
                    None => benchmark.and_then(|p| table.series.get(p)).map(|s| s.symbol.clone()).ok_or_else(|| Reason::from(Said::plain(CLAIM_NO_BENCHMARK))),
                };
                bench.and_then(|b| Ok(ret(symbol)? - ret(&b)?))
            }
            ClaimKind::Spread { long, short } => mean(long).and_then(|l| Ok(l - mean(short)?)),
        }
    };
    let computed = match figure(claim.period, to) {
        Ok(v) => v,
        Err(reason) => return unchecked(reason),
    };
    let difference = computed - claim.value;
    // A hair of slack so a claim exactly at the tolerance still matches after float rounding.
    let outcome = if difference.abs() <= tolerance + 1e-9 { Outcome::Matches { difference } } else { Outcome::Differs { difference } };
    let end = table.dates.len().saturating_sub(1);
    let now = (to < end).then(|| figure(claim.period, end).ok().map(|value| Figure { value, as_of: last })).flatten();
    let since = published.map(|published| {
        let value = if published > last {
            Err(Said::new(CLAIM_DATED_AFTER, &[("published", &published.to_string()), ("last", &last.to_string())]).into())
        } else if published < first {
            Err(Said::new(CLAIM_DATED_BEFORE, &[("published", &published.to_string()), ("first", &first.to_string())]).into())
        } else {
            figure(Period::Since(published), end)
        };
        let from = table.index_on_or_before(published).and_then(|i| table.dates.get(i).copied());
        Since { published, from: from.filter(|_| value.is_ok()), to: value.is_ok().then_some(last), value }
    });
    ClaimCheck { computed: Some(computed), as_of: table.dates.get(to).copied(), period: Some(claim.period), outcome, now, since }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::input::parse_contract_json;
    use crate::analysis::note::parse_note;
    use serde_json::json;

    fn table() -> PriceTable {
        // Exact binary ratios: SPY +25 % YTD, IWM +50 %, IJR +12.5 %; IWC starts 2026-01-02.
        parse_contract_json(
            r#"{"dates":["2025-12-31","2026-01-02","2026-02-20","2026-02-23"],
                "series":{"SPY":[80,81,100,101],"IWM":[40,41,60,61],"IJR":[64,65,72,73],"IWC":[null,10,12,13]}}"#,
        )
        .unwrap()
    }

    fn check(claim: serde_json::Value, tolerance: f64) -> ClaimCheck {
        let n = parse_note(&json!({ "claims": [claim] })).unwrap();
        check_claim(Some(&table()), Some(0), None, &n.claims[0].claim, tolerance)
    }

    #[test]
    fn each_kind_is_recomputed_as_of_its_day() {
        // As of 2026-02-20: IWM 60/40 − 1 = +50 %.
        let c = check(json!({"text": "", "kind": "return", "symbol": "IWM", "value": 50.0, "as_of": "2026-02-20"}), 0.5);
        assert_eq!((c.computed, c.outcome.clone()), (Some(50.0), Outcome::Matches { difference: 0.0 }));
        assert_eq!(c.as_of.unwrap().to_string(), "2026-02-20");
        // Excess over SPY (+25 %): 25 pp.
        let c = check(json!({"text": "", "kind": "excess", "symbol": "IWM", "value": 25.0, "as_of": "2026-02-20"}), 0.5);
        assert_eq!(c.computed, Some(25.0));
        // Spread [IWM, IJR] (+50, +12.5 → mean 31.25) − [SPY] (+25) = 6.25 pp.
        let c = check(json!({"text": "", "kind": "spread", "long": ["IWM", "IJR"], "short": "SPY", "value": 6.0, "as_of": "2026-02-20"}), 0.5);
        assert_eq!(c.computed, Some(6.25));
        assert!(matches!(c.outcome, Outcome::Matches { difference } if (difference - 0.25).abs() < 1e-12));
        // A weekend as-of day uses the Friday before; the default as-of is the last date.
        let c = check(json!({"text": "", "kind": "return", "symbol": "IWM", "value": 50.0, "as_of": "2026-02-22"}), 0.5);
        assert_eq!(c.as_of.unwrap().to_string(), "2026-02-20");
        // Default as-of: 2026-02-23, IWM 61/40 − 1 = +52.5 % (1.525 is not exact in binary).
        let c = check(json!({"text": "", "kind": "return", "symbol": "IWM", "value": 52.5}), 0.5);
        assert_eq!(c.as_of.unwrap().to_string(), "2026-02-23");
        assert!((c.computed.unwrap() - 52.5).abs() < 1e-9);
    }

    #[test]
    fn tolerance_edges() {
        let claim = |value: f64| json!({"text": "", "kind": "excess", "symbol": "IWM", "value": value, "as_of": "2026-02-20"});
        // Computed 25 pp: 24.5 and 25.5 are exactly at the 0.5 pp edge and match; beyond differs.
        assert!(matches!(check(claim(24.5), 0.5).outcome, Outcome::Matches { .. }));
        assert!(matches!(check(claim(25.5), 0.5).outcome, Outcome::Matches { .. }));
        assert_eq!(check(claim(24.49), 0.5).outcome, Outcome::Differs { difference: 25.0 - 24.49 });
        assert!(matches!(check(claim(23.0), 0.5).outcome, Outcome::Differs { difference } if (difference - 2.0).abs() < 1e-12));
        // A wider tolerance (configured) accepts it.
        assert!(matches!(check(claim(23.0), 2.0).outcome, Outcome::Matches { .. }));
    }

    #[test]
    fn uncheckable_claims_say_why() {
        let reason = |c: ClaimCheck| match c.outcome {
            Outcome::Unchecked { reason } => reason,
            other => panic!("{other:?}"),
        };
        assert_eq!(reason(check(json!({"text": "", "kind": "return", "symbol": "QQQ", "value": 1}), 0.5)), "QQQ is not in the price data");
        assert_eq!(
            reason(check(json!({"text": "", "kind": "return", "symbol": "IWM", "value": 1, "as_of": "2027-01-01"}), 0.5)),
            "its as-of day 2027-01-01 is after the price data, which ends on 2026-02-23"
        );
        assert_eq!(
            reason(check(json!({"text": "", "kind": "return", "symbol": "IWM", "value": 1, "as_of": "2025-01-01"}), 0.5)),
            "its as-of day 2025-01-01 is before the price data, which starts on 2025-12-31"
        );
        assert_eq!(
            reason(check(json!({"text": "", "kind": "spread", "long": ["IWC"], "short": ["SPY"], "value": 1}), 0.5)),
            "IWC has no close on or before 2025-12-31, the YTD base (its first close is 2026-01-02), so it has no YTD return"
        );
        assert_eq!(reason(check(json!({"text": "", "kind": "return", "value": 1}), 0.5)), "`note.claims[0].symbol` is missing");
        // A period that starts after the claim's as-of day has no figure (it used to "match").
        assert_eq!(
            reason(check(json!({"text": "", "kind": "return", "symbol": "IWM", "value": 0, "period": "2026-02-21", "as_of": "2026-02-20"}), 0.5)),
            "its period starts on 2026-02-21, after its as-of day 2026-02-20"
        );
        let n = parse_note(&json!({"claims": [{"text": "", "kind": "return", "symbol": "IWM", "value": 1}]})).unwrap();
        assert_eq!(reason(check_claim(None, None, None, &n.claims[0].claim, 0.5)), "no price data is loaded");
    }

    fn check_published(claim: serde_json::Value, published: &str) -> ClaimCheck {
        let n = parse_note(&json!({ "claims": [claim] })).unwrap();
        check_claim(Some(&table()), Some(0), Some(Date::parse_iso(published).unwrap()), &n.claims[0].claim, 0.5)
    }

    #[test]
    fn since_the_note_recomputes_now_and_from_publication() {
        // Excess IWM over SPY as of 2026-02-20: +50 % − +25 % = 25 pp (then). As of the last
        // day, 2026-02-23: 61/40 − 1 = +52.5 % and 101/80 − 1 = +26.25 %, so 26.25 pp (now).
        // Published Saturday 2026-01-03: base is Friday 2026-01-02, IWM 61/41 − 1, SPY 101/81 − 1.
        let c = check_published(json!({"text": "", "kind": "excess", "symbol": "IWM", "value": 25.0, "as_of": "2026-02-20"}), "2026-01-03");
        assert_eq!(c.computed, Some(25.0));
        let now = c.now.unwrap();
        assert_eq!(now.as_of.to_string(), "2026-02-23");
        assert!((now.value - 26.25).abs() < 1e-9, "{}", now.value);
        let since = c.since.unwrap();
        assert_eq!((since.published.to_string(), since.from.unwrap().to_string(), since.to.unwrap().to_string()), ("2026-01-03".into(), "2026-01-02".into(), "2026-02-23".into()));
        let expected = (61.0 / 41.0 - 101.0 / 81.0) * 100.0; // 24.089 pp
        assert!((since.value.unwrap() - expected).abs() < 1e-9);

        // A spread published on 2026-02-20: [IWM 61/60 − 1, IJR 73/72 − 1] mean minus SPY 101/100 − 1.
        let c = check_published(json!({"text": "", "kind": "spread", "long": ["IWM", "IJR"], "short": "SPY", "value": 6.0, "as_of": "2026-02-20"}), "2026-02-20");
        let expected = ((61.0 / 60.0 + 73.0 / 72.0) / 2.0 - 101.0 / 100.0) * 100.0; // 0.528 pp
        assert!((c.since.unwrap().value.unwrap() - expected).abs() < 1e-9);
        // A return claim: the symbol's own return since, in %: IWC 13/10 − 1 = +30 %.
        let c = check_published(json!({"text": "", "kind": "return", "symbol": "IWC", "value": 20.0, "period": "2026-01-02", "as_of": "2026-02-20"}), "2026-01-02");
        assert!((c.since.unwrap().value.unwrap() - 30.0).abs() < 1e-9);
    }

    #[test]
    fn since_the_note_edges() {
        // A claim as of the last day has no separate "now"; a note without a date has no "since".
        let c = check(json!({"text": "", "kind": "return", "symbol": "IWM", "value": 52.5}), 0.5);
        assert_eq!((c.now, c.since), (None, None));
        let since = |published: &str| check_published(json!({"text": "", "kind": "return", "symbol": "IWC", "value": 20.0, "period": "2026-01-02", "as_of": "2026-02-20"}), published).since.unwrap();
        assert_eq!(since("2026-03-01").value, Err("the note is dated 2026-03-01, after the price data, which ends on 2026-02-23".into()));
        assert_eq!(since("2025-06-01").value, Err("the note is dated 2025-06-01, before the price data, which starts on 2025-12-31".into()));
        // IWC has no close on the publication day's base (2025-12-31): why, and no days shown.
        let s = since("2025-12-31");
        assert!(s.value.as_ref().unwrap_err().starts_with("IWC has no close on or before 2025-12-31"), "{:?}", s.value);
        assert_eq!((s.from, s.to), (None, None));
        // Published on the last day: nothing has happened since, 0.
        assert_eq!(since("2026-02-23").value, Ok(0.0));
    }
}
