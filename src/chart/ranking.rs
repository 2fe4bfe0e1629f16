//! The rotation view's ranking at the date shown: one row per symbol (its head), sortable by
//! any column, with every text a reader sees (headers, caption, cells). The widget builds the
//! table's rows once per set of rotations and rewrites only these texts per scrub step.

use super::describe::{compass_short, unit_in};
use super::format::Format;
use super::messages::Messages;
use crate::analysis::rotation::{Interval, Quadrant, RotationPoint};
use crate::analysis::rotation_metrics::PointMetrics;
use std::cmp::Ordering;

/// A column of the ranking, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RankColumn {
    Symbol,
    Name,
    Quadrant,
    RsRatio,
    RsMomentum,
    InQuadrant,
    Heading,
    Distance,
    Velocity,
}

impl RankColumn {
    pub const ALL: [RankColumn; 9] = [
        RankColumn::Symbol,
        RankColumn::Name,
        RankColumn::Quadrant,
        RankColumn::RsRatio,
        RankColumn::RsMomentum,
        RankColumn::InQuadrant,
        RankColumn::Heading,
        RankColumn::Distance,
        RankColumn::Velocity,
    ];

    /// The column's header (what screen readers always hear).
    pub fn header(self, m: &Messages) -> &'static str {
        m.get(match self {
            RankColumn::Symbol => "ranking.symbol",
            RankColumn::Name => "ranking.name",
            RankColumn::Quadrant => "ranking.quadrant",
            RankColumn::RsRatio => "ranking.rsRatio",
            RankColumn::RsMomentum => "ranking.rsMomentum",
            RankColumn::InQuadrant => "ranking.inQuadrant",
            RankColumn::Heading => "ranking.heading",
            RankColumn::Distance => "ranking.distance",
            RankColumn::Velocity => "ranking.velocity",
        })
    }

    /// The header a narrow widget shows (README "Phones").
    pub fn short(self, m: &Messages) -> &'static str {
        match self {
            RankColumn::Quadrant => m.get("ranking.short.quadrant"),
            RankColumn::RsRatio => m.get("ranking.short.rsRatio"),
            RankColumn::RsMomentum => m.get("ranking.short.rsMomentum"),
            RankColumn::InQuadrant => m.get("ranking.short.inQuadrant"),
            RankColumn::Heading => m.get("ranking.short.heading"),
            RankColumn::Distance => m.get("ranking.short.distance"),
            RankColumn::Velocity => m.get("ranking.short.velocity"),
            other => other.header(m),
        }
    }

    /// Numbers are right-aligned and sort highest first on the first choice.
    pub fn numeric(self) -> bool {
        !matches!(self, RankColumn::Symbol | RankColumn::Name | RankColumn::Quadrant)
    }
}

/// The column the ranking is sorted by and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankSort {
    pub column: RankColumn,
    pub descending: bool,
}

impl Default for RankSort {
    /// Strongest RS-Ratio first.
    fn default() -> Self {
        RankSort { column: RankColumn::RsRatio, descending: true }
    }
}

impl RankSort {
    /// After choosing `column`'s header: the same column reverses; another sorts numbers
    /// highest first and text A to Z.
    pub fn choose(self, column: RankColumn) -> RankSort {
        if column == self.column {
            RankSort { column, descending: !self.descending }
        } else {
            RankSort { column, descending: column.numeric() }
        }
    }

    /// The header's `aria-sort`.
    pub fn aria(self, column: RankColumn) -> &'static str {
        match (column == self.column, self.descending) {
            (false, _) => "none",
            (true, true) => "descending",
            (true, false) => "ascending",
        }
    }

    /// Every way to sort the ranking, for the narrow widget's "Sort by" list: each column
    /// (the Name column only when there are names) its first way, then reversed.
    pub fn choices(names: bool) -> Vec<RankSort> {
        RankColumn::ALL
            .into_iter()
            .filter(|&c| names || c != RankColumn::Name)
            .flat_map(|c| {
                let first = RankSort { column: c, descending: c.numeric() };
                [first, RankSort { column: c, descending: !first.descending }]
            })
            .collect()
    }

    /// "Distance, highest first": a choice in the "Sort by" list.
    pub fn label(self, m: &Messages) -> String {
        m.fill("ranking.choice", &[("column", self.column.header(m)), ("order", self.order(m))])
    }

    /// "Ranking by RS-Ratio at the date shown, highest first".
    pub fn caption(self, m: &Messages) -> String {
        m.fill("ranking.caption", &[("column", self.column.header(m)), ("order", self.order(m))])
    }

    fn order(self, m: &Messages) -> &'static str {
        let order = match (self.column.numeric(), self.descending) {
            (true, true) => "ranking.highestFirst",
            (true, false) => "ranking.lowestFirst",
            (false, false) => "ranking.aToZ",
            (false, true) => "ranking.zToA",
        };
        m.get(match self.column {
            RankColumn::Heading if self.descending => "ranking.headingDown",
            RankColumn::Heading => "ranking.headingUp",
            RankColumn::Quadrant if self.descending => "ranking.quadrantDown",
            RankColumn::Quadrant => "ranking.quadrantUp",
            _ => order,
        })
    }
}

/// The visible label of the narrow widget's sort list.
pub fn sort_label(m: &Messages) -> &'static str {
    m.get("ranking.sortBy")
}

/// One symbol's head at the date shown.
#[derive(Debug, Clone, PartialEq)]
pub struct RankInput<'a> {
    /// Table position of the symbol.
    pub position: usize,
    pub symbol: &'a str,
    pub name: &'a str,
    pub head: &'a RotationPoint,
    /// Points in the head's quadrant, counting back from it.
    pub streak: usize,
    pub metrics: PointMetrics,
}

/// One row of the ranking, as shown. A narrow widget hides the parts after the first (the
/// unit, the degrees) from sight, not from screen readers.
#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    pub position: usize,
    pub quadrant: Quadrant,
    pub rs_ratio: String,
    pub rs_momentum: String,
    /// "4" and " weeks".
    pub in_quadrant: (String, String),
    /// "NE" and " 45°", or "–" and "".
    pub heading: (String, String),
    pub distance: String,
    pub velocity: String,
}

/// A value to sort on: text, or a number that may be missing (missing sorts last either way).
enum Key<'a> {
    Text(&'a str),
    Number(Option<f64>),
}

fn key<'a>(column: RankColumn, r: &RankInput<'a>) -> Key<'a> {
    match column {
        RankColumn::Symbol => Key::Text(r.symbol),
        RankColumn::Name => Key::Text(r.name),
        RankColumn::Quadrant => Key::Number(Some(r.head.quadrant.index() as f64)),
        RankColumn::RsRatio => Key::Number(Some(r.head.rs_ratio)),
        RankColumn::RsMomentum => Key::Number(Some(r.head.rs_momentum)),
        RankColumn::InQuadrant => Key::Number(Some(r.streak as f64)),
        RankColumn::Heading => Key::Number(r.metrics.heading_deg),
        RankColumn::Distance => Key::Number(Some(r.metrics.distance)),
        RankColumn::Velocity => Key::Number(r.metrics.velocity),
    }
}

/// The rows sorted by `sort` (stable: ties keep the order of `inputs`), texts formatted.
pub fn rank(m: &Messages, mut inputs: Vec<RankInput>, sort: RankSort, interval: Interval, fmt: &dyn Format) -> Vec<RankRow> {
    let flip = |o: Ordering| if sort.descending { o.reverse() } else { o };
    crate::analysis::sorting::sort_by(&mut inputs, |a, b| match (key(sort.column, a), key(sort.column, b)) {
        (Key::Text(a), Key::Text(b)) => flip(a.cmp(b)),
        (Key::Number(Some(a)), Key::Number(Some(b))) => flip(a.total_cmp(&b)),
        (Key::Number(None), Key::Number(Some(_))) => Ordering::Greater,
        (Key::Number(Some(_)), Key::Number(None)) => Ordering::Less,
        _ => Ordering::Equal,
    });
    inputs
        .into_iter()
        .map(|r| RankRow {
            position: r.position,
            quadrant: r.head.quadrant,
            rs_ratio: fmt.number(r.head.rs_ratio, 2),
            rs_momentum: fmt.number(r.head.rs_momentum, 2),
            in_quadrant: (r.streak.to_string(), format!(" {}", unit_in(m, interval, r.streak))),
            heading: match (r.metrics.heading(), r.metrics.heading_deg) {
                (Some(c), Some(deg)) => (compass_short(m, c).to_owned(), format!(" {}°", fmt.number(deg, 0))),
                _ => ("–".into(), String::new()),
            },
            distance: fmt.number(r.metrics.distance, 2),
            velocity: r.metrics.velocity.map_or_else(|| "–".into(), |v| fmt.number(v, 2)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::rotation_metrics::metrics_at;
    use crate::analysis::Date;
    use crate::chart::format::PlainFormat;
    use crate::chart::messages::Messages;

    fn p(x: f64, y: f64) -> RotationPoint {
        RotationPoint { date: Date::parse_iso("2026-06-12").unwrap(), rs_ratio: x, rs_momentum: y, quadrant: Quadrant::of(x, y), partial: false, index: 0 }
    }

    /// Three symbols' histories, tail 3:
    /// - AAA (97, 96) → (100, 100) → (101, 100): heading 0° E, distance 1, velocity (5 + 1) / 2 = 3;
    /// - BBB (100, 100) → (100, 102): heading 90° N, distance 2, velocity 2 (one step);
    /// - CCC one point (103, 104): no heading, distance 5, no velocity.
    fn histories() -> Vec<(&'static str, Vec<RotationPoint>)> {
        vec![
            ("AAA", vec![p(97.0, 96.0), p(100.0, 100.0), p(101.0, 100.0)]),
            ("BBB", vec![p(100.0, 100.0), p(100.0, 102.0)]),
            ("CCC", vec![p(103.0, 104.0)]),
        ]
    }

    fn ranked(h: &[(&'static str, Vec<RotationPoint>)], sort: RankSort) -> Vec<RankRow> {
        let inputs = h
            .iter()
            .enumerate()
            .map(|(position, (symbol, points))| {
                let head = points.last().unwrap();
                RankInput { position, symbol, name: "", head, streak: 1, metrics: metrics_at(points, points.len() - 1, 3).unwrap() }
            })
            .collect();
        rank(&Messages::english(), inputs, sort, Interval::Weekly, &PlainFormat)
    }

    fn order(rows: &[RankRow]) -> Vec<usize> {
        rows.iter().map(|r| r.position).collect()
    }

    #[test]
    fn rows_show_heading_distance_and_velocity() {
        let rows = ranked(&histories(), RankSort::default());
        // RS-Ratio highest first: CCC 103, AAA 101, BBB 100.
        assert_eq!(order(&rows), [2, 0, 1]);
        let texts: Vec<(String, &str, &str)> = rows.iter().map(|r| (format!("{}{}", r.heading.0, r.heading.1), r.distance.as_str(), r.velocity.as_str())).collect();
        assert_eq!(texts, [("–".into(), "5.00", "–"), ("E 0°".into(), "1.00", "3.00"), ("N 90°".into(), "2.00", "2.00")]);
        assert_eq!(rows[1].in_quadrant, ("1".into(), " week".into()));
        assert_eq!(crate::chart::words::quadrant_short(&Messages::english(), rows[0].quadrant), "Lead.");
    }

    #[test]
    fn sorting_by_each_new_column_leaves_missing_values_last() {
        let h = histories();
        let by = |column, descending| order(&ranked(&h, RankSort { column, descending }));
        // Heading: AAA 0°, BBB 90°, CCC none.
        assert_eq!(by(RankColumn::Heading, false), [0, 1, 2]);
        assert_eq!(by(RankColumn::Heading, true), [1, 0, 2]);
        // Distance: AAA 1, BBB 2, CCC 5.
        assert_eq!(by(RankColumn::Distance, true), [2, 1, 0]);
        assert_eq!(by(RankColumn::Distance, false), [0, 1, 2]);
        // Velocity: AAA 3, BBB 2, CCC none.
        assert_eq!(by(RankColumn::Velocity, true), [0, 1, 2]);
        assert_eq!(by(RankColumn::Velocity, false), [1, 0, 2]);
        assert_eq!(by(RankColumn::Symbol, true), [2, 1, 0]);
    }

    #[test]
    fn choosing_a_header_sorts_then_reverses() {
        let en = Messages::english();
        let s = RankSort::default();
        assert_eq!(s.aria(RankColumn::RsRatio), "descending");
        assert_eq!(s.aria(RankColumn::Distance), "none");
        let s = s.choose(RankColumn::Distance);
        assert_eq!(s, RankSort { column: RankColumn::Distance, descending: true });
        assert_eq!(s.caption(&en), "Ranking by Distance at the date shown, highest first");
        let s = s.choose(RankColumn::Distance);
        assert_eq!((s.aria(RankColumn::Distance), s.caption(&en).as_str()), ("ascending", "Ranking by Distance at the date shown, lowest first"));
        assert_eq!(s.choose(RankColumn::Symbol), RankSort { column: RankColumn::Symbol, descending: false });
        assert_eq!(RankSort::default().caption(&en), "Ranking by RS-Ratio at the date shown, highest first");
        // The sort list: every column both ways, the first way first.
        let choices = RankSort::choices(false);
        assert_eq!(choices.len(), 16);
        assert_eq!(choices[0].label(&en), "Symbol, A to Z");
        assert!(choices.contains(&RankSort::default()));
        assert_eq!(choices[14], RankSort { column: RankColumn::Velocity, descending: true });
        assert_eq!(choices[15].label(&en), "Velocity, lowest first");
        assert_eq!(RankSort::choices(true).len(), 18);
        assert_eq!(RankSort::default().choose(RankColumn::Heading).choose(RankColumn::Heading).caption(&en), "Ranking by Heading at the date shown, from 0° up (E, NE, N … SE)");
    }
}
