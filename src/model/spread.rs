//! Spreads: one side (a "leg") minus the other, where each leg is a configured basket or a
//! single symbol. The one place both the widget (its spread sentence and the basket-spread
//! line mode) and `analyze()` compute a spread.
//!
//! # Formula
//!
//! - as a return over a period: `spread_pp = return(long) − return(short)`, each leg's return
//!   being the symbol's period return or the basket's equal-weight mean
//!   ([`crate::analysis::returns`]);
//! - as lines from a base day: `spread(i) = line(long)(i) − line(short)(i)`, each leg's line
//!   being the symbol's % change or the basket's equal-weight mean of % changes
//!   ([`crate::analysis::lines`]).
//!
//! At the as-of day the line's last value is the return spread whenever the period starts
//! inside the data (the base closes are the same); a test checks it.
//!
//! # Edge cases
//!
//! A name that is neither a basket nor a loaded symbol is an error. A leg without a return
//! (every member started after the base day) gives no spread, with a `spread_skipped`
//! warning; basket members without a return are reported (`basket_member_skipped`,
//! `basket_empty`) by [`Model::basket_returns`], which `analyze()` lists once per period.

use super::Model;
use crate::analysis::lines::{self, Line};
use crate::analysis::period::Period;
use crate::analysis::relative::basket_line;
use crate::analysis::returns::{period_return, SpreadReturn};
use crate::analysis::error::{ROLE_SPREAD_LEG, SPREAD_SKIPPED};
use crate::analysis::said::Said;
use crate::analysis::{AnalysisError, PriceTable, Warning};
use std::fmt;
use std::ops::Deref;

/// One side of a spread, as named by the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leg {
    pub name: String,
    pub kind: LegKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegKind {
    /// Index into the model's baskets.
    Basket(usize),
    /// Table position.
    Symbol(usize),
}

impl fmt::Display for Leg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl<T: Deref<Target = PriceTable>> Model<T> {
    /// The leg `name` stands for: a configured basket of that name, else a loaded symbol.
    pub fn leg(&self, name: &str) -> Result<Leg, AnalysisError> {
        let kind = match self.baskets.iter().position(|b| b.name == name) {
            Some(k) => LegKind::Basket(k),
            None => LegKind::Symbol(
                self.table
                    .position(name)
                    .ok_or_else(|| AnalysisError::unknown_symbol(Said::plain(ROLE_SPREAD_LEG), name, &self.table.symbols()))?,
            ),
        };
        Ok(Leg { name: name.to_owned(), kind })
    }

    /// The first configured basket and the second, the spread the widget shows.
    pub fn basket_legs(&self) -> Option<(Leg, Leg)> {
        let [a, b, ..] = self.baskets.as_slice() else { return None };
        Some((Leg { name: a.name.clone(), kind: LegKind::Basket(0) }, Leg { name: b.name.clone(), kind: LegKind::Basket(1) }))
    }

    /// The leg's return over `period`, if it has one.
    fn leg_return(&self, leg: &Leg, period: Period) -> Option<f64> {
        match leg.kind {
            LegKind::Basket(k) => self.basket_returns(period).returns.get(k)?.as_ref().map(|b| b.return_pct),
            // A symbol without a return is reported once, by `spread_skipped`.
            LegKind::Symbol(p) => period_return(&self.table, p, period, self.to).ok().map(|r| r.return_pct),
        }
    }

    /// `long − short` over `period`, in percentage points, or why there is none.
    pub fn spread(&self, long: &Leg, short: &Leg, period: Period) -> Result<SpreadReturn, Warning> {
        match (self.leg_return(long, period), self.leg_return(short, period)) {
            (Some(l), Some(s)) => Ok(SpreadReturn {
                long: long.name.clone(),
                short: short.name.clone(),
                period,
                long_return_pct: l,
                short_return_pct: s,
                spread_pp: l - s,
            }),
            _ => Err(Warning::of("spread_skipped", None, Said::new(SPREAD_SKIPPED, &[("long", &long.to_string()), ("short", &short.to_string()), ("period", &period.to_string())])).with("period", period.words())),
        }
    }

    /// The first basket minus the second over `period` (the widget's spread sentence).
    pub fn basket_spread(&self, period: Period) -> Option<SpreadReturn> {
        let (a, b) = self.basket_legs()?;
        self.spread(&a, &b, period).ok()
    }

    /// The leg's % change line over `from..=to`.
    fn leg_line(&self, leg: &Leg, from: usize, to: usize, warnings: &mut Vec<Warning>) -> Option<Line> {
        match leg.kind {
            LegKind::Basket(k) => {
                let b = self.baskets.get(k)?;
                basket_line(&self.table, &b.name, &b.members, from, to, warnings)
            }
            LegKind::Symbol(p) => lines::percent_change(self.table.series_at(p)?, from, to),
        }
    }

    /// Both legs' % change lines over `from..=to` and the spread line `long − short`; `None`
    /// when a leg has no line.
    pub fn spread_lines(&self, long: &Leg, short: &Leg, from: usize, to: usize, warnings: &mut Vec<Warning>) -> Option<(Line, Line, Line)> {
        let a = self.leg_line(long, from, to, warnings)?;
        let b = self.leg_line(short, from, to, warnings)?;
        let spread = lines::spread(&a, &b);
        Some((a, b, spread))
    }
}
