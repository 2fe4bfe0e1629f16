//! The data behind each chart as a table: shown as a real `<table>` (numbers formatted for the
//! locale) and downloaded as CSV (plain numbers at full precision, ISO dates), so a reader can
//! check and reuse every value drawn.

use super::format::Format;
use super::markup::Markup;
use super::messages::Messages;
use crate::analysis::lines::Line;
use crate::analysis::rotation::RotationPoint;
use crate::analysis::rotation_metrics::PointMetrics;
use crate::analysis::Date;
use std::cmp::Ordering;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Date(Date),
    /// A value and the decimals to show it with.
    Number(f64, usize),
    Missing,
}

impl Cell {
    /// As shown in the table.
    pub fn display(&self, fmt: &dyn Format) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Date(d) => fmt.date(*d),
            Cell::Number(v, decimals) => fmt.number(*v, *decimals),
            Cell::Missing => "–".into(),
        }
    }

    /// As written to CSV: shortest text that reads back as the same number.
    pub fn csv(&self) -> String {
        match self {
            Cell::Text(s) if s.contains([',', '"', '\n']) => format!("\"{}\"", s.replace('"', "\"\"")),
            Cell::Text(s) => s.clone(),
            Cell::Date(d) => d.to_string(),
            Cell::Number(v, _) => format!("{v}"),
            Cell::Missing => String::new(),
        }
    }

    fn order(&self, other: &Cell) -> Ordering {
        match (self, other) {
            (Cell::Number(a, _), Cell::Number(b, _)) => a.total_cmp(b),
            (Cell::Date(a), Cell::Date(b)) => a.cmp(b),
            (Cell::Text(a), Cell::Text(b)) => a.cmp(b),
            // Missing values sort last either way.
            (Cell::Missing, Cell::Missing) => Ordering::Equal,
            (Cell::Missing, _) => Ordering::Greater,
            (_, Cell::Missing) => Ordering::Less,
            _ => Ordering::Equal,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DataTable {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl DataTable {
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let header: Vec<String> = self.columns.iter().map(|c| Cell::Text(c.clone()).csv()).collect();
        out.push_str(&header.join(","));
        out.push('\n');
        for row in &self.rows {
            out.push_str(&row.iter().map(Cell::csv).collect::<Vec<_>>().join(","));
            out.push('\n');
        }
        out
    }

    /// Sorts rows by `column` (stable, so equal values keep their previous order).
    pub fn sort_by(&mut self, column: usize, ascending: bool) {
        crate::analysis::sorting::sort_by(&mut self.rows, |a, b| {
            let (a, b) = (a.get(column).unwrap_or(&Cell::Missing), b.get(column).unwrap_or(&Cell::Missing));
            let o = a.order(b);
            if ascending || matches!((a, b), (Cell::Missing, _) | (_, Cell::Missing)) { o } else { o.reverse() }
        });
    }
}

/// A chart's data as a `<table>`: caption, column headers with `scope` and `aria-sort`, each a
/// button that sorts by its column, row headers, locale numbers (class `rs-num`), rows sorted
/// by `sort` (column, ascending).
pub fn data_table(table: &DataTable, sort: Option<(usize, bool)>, fmt: &dyn Format) -> Markup {
    let mut m = Markup::default();
    m.open("table").attr("class", "rs-table rs-data-table").attr("data-testid", "data-table");
    m.leaf("caption", &[("class", "rs-caption")], table.caption.clone());
    m.open("thead").open("tr");
    for (k, name) in table.columns.iter().enumerate() {
        let aria = match sort {
            Some((col, true)) if col == k => "ascending",
            Some((col, false)) if col == k => "descending",
            _ => "none",
        };
        m.open("th").attr("scope", "col").attr("aria-sort", aria);
        m.leaf("button", &[("class", "rs-sort"), ("type", "button")], name.clone()).close();
    }
    m.close().close().open("tbody");
    let mut sorted = table.clone();
    if let Some((col, asc)) = sort {
        sorted.sort_by(col, asc);
    }
    for row in &sorted.rows {
        let mut cells = row.iter();
        m.open("tr").leaf("th", &[("scope", "row")], cells.next().map(|c| c.display(fmt)).unwrap_or_default());
        for c in cells {
            let numeric: &[_] = if matches!(c, Cell::Number(..)) { &[("class", "rs-num")] } else { &[] };
            m.leaf("td", numeric, c.display(fmt));
        }
        m.close();
    }
    m.close().close();
    m
}

/// Every point of the visible tails, with its rotation metrics: the heading as a compass name
/// and in degrees, the distance from 100/100 and the velocity (missing where there is none).
pub fn rotation_table(m: &Messages, caption: String, tails: &[(String, Vec<(RotationPoint, PointMetrics)>)]) -> DataTable {
    let number = |v: Option<f64>, decimals: usize| v.map_or(Cell::Missing, |v| Cell::Number(v, decimals));
    let rows = tails
        .iter()
        .flat_map(|(symbol, points)| {
            points.iter().map(move |(p, metrics)| {
                vec![
                    Cell::Text(symbol.clone()),
                    Cell::Date(p.date),
                    Cell::Number(p.rs_ratio, 2),
                    Cell::Number(p.rs_momentum, 2),
                    Cell::Text(m.quadrant(p.quadrant).into()),
                    metrics.heading().map_or(Cell::Missing, |c| Cell::Text(c.name().into())),
                    number(metrics.heading_deg, 0),
                    Cell::Number(metrics.distance, 2),
                    number(metrics.velocity, 2),
                ]
            })
        })
        .collect();
    // RS-Ratio and RS-Momentum are the field's names in every language.
    let columns = [m.get("table.symbol"), m.get("table.date"), "RS-Ratio", "RS-Momentum", m.get("table.quadrant"), m.get("table.heading"), m.get("table.headingDegrees"), m.get("table.distance"), m.get("table.velocity")];
    DataTable { caption, columns: columns.map(String::from).to_vec(), rows }
}

/// The headings of an exported image, biggest first: the widget's configured `title` over the
/// view's own title ("Relative rotation against SPY · Jun 30, 2026"), or the view's alone
/// when no title is configured (as Highcharts' exporting draws the chart's title).
pub fn png_headings(configured: Option<&str>, view_title: String) -> (String, Option<String>) {
    match configured.map(str::trim).filter(|t| !t.is_empty()) {
        Some(title) => (title.to_string(), Some(view_title)),
        None => (view_title, None),
    }
}

/// A line table without lines or dates (a symbol with no closes in the period).
pub fn no_lines_table(m: &Messages) -> DataTable {
    lines_table(m, String::new(), &[], 1, 0, &[], 0)
}

/// The claims CSV's name: dated by the data's last day, or the note's, or undated.
pub fn claims_file_name(day: Option<Date>) -> String {
    match day {
        Some(d) => file_name("claims", &[], d, "csv"),
        None => "rotascope-claims.csv".to_owned(),
    }
}

/// One row per date in `from..=to`, one column per line.
pub fn lines_table(m: &Messages, caption: String, dates: &[Date], from: usize, to: usize, lines: &[(String, &Line)], decimals: usize) -> DataTable {
    let mut columns = vec![m.get("table.date").to_string()];
    columns.extend(lines.iter().map(|(label, _)| label.clone()));
    let rows = (from..=to)
        .filter_map(|i| {
            let mut row = vec![Cell::Date(*dates.get(i)?)];
            row.extend(lines.iter().map(|(_, l)| l.at(i).map_or(Cell::Missing, |v| Cell::Number(v, decimals))));
            Some(row)
        })
        .collect();
    DataTable { caption, columns, rows }
}

/// Adds RS-Ratio, RS-Momentum and Quadrant columns to a table of one row per date (the
/// first cell), filled on the dates of `points` (oldest first) and missing on the others.
pub fn add_rotation_columns(m: &Messages, table: &mut DataTable, points: &[RotationPoint]) {
    table.columns.extend(super::rs_lines::LINE_NAMES.iter().map(|n| n.to_string()).chain([m.get("table.quadrant").to_string()]));
    for row in &mut table.rows {
        let point = match row.first() {
            Some(Cell::Date(d)) => points.binary_search_by(|p| p.date.cmp(d)).ok().and_then(|k| points.get(k)),
            _ => None,
        };
        match point {
            Some(p) => row.extend([Cell::Number(p.rs_ratio, 2), Cell::Number(p.rs_momentum, 2), Cell::Text(m.quadrant(p.quadrant).into())]),
            None => row.extend([Cell::Missing, Cell::Missing, Cell::Missing]),
        }
    }
}

/// `rotascope-rotation-IWM-IJR-MDY-and-7-more-2026-11-20.png`: view, symbols, as-of day.
/// English in every language: a file name stays the same ASCII wherever it is saved (a
/// Japanese word would not survive the cleaning), so scripts and links to it keep working.
pub fn file_name(view: &str, symbols: &[&str], as_of: Date, extension: &str) -> String {
    const SHOWN: usize = 3;
    let clean = |s: &str| s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-').collect::<String>();
    let mut parts: Vec<String> = symbols.iter().take(SHOWN).map(|s| clean(s)).filter(|s| !s.is_empty()).collect();
    if symbols.len() > SHOWN {
        parts.push(format!("and-{}-more", symbols.len() - SHOWN));
    }
    let mut name = format!("rotascope-{view}");
    for p in parts {
        name.push('-');
        name.push_str(&p);
    }
    format!("{name}-{as_of}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::markup::Node;

    fn small_table() -> DataTable {
        DataTable {
            caption: "Closes".into(),
            columns: vec!["Symbol".into(), "Close".into()],
            rows: vec![
                vec![Cell::Text("IWM".into()), Cell::Number(12.5, 2)],
                vec![Cell::Text("S&P".into()), Cell::Missing],
                vec![Cell::Text("QQQ".into()), Cell::Number(3.0, 1)],
            ],
        }
    }

    fn header(name: &str, sort: &str) -> String {
        format!(r#"<th scope="col" aria-sort="{sort}"><button class="rs-sort" type="button">{name}</button></th>"#)
    }

    const IWM: &str = r#"<tr><th scope="row">IWM</th><td class="rs-num">12.50</td></tr>"#;
    const SP: &str = r#"<tr><th scope="row">S&amp;P</th><td>–</td></tr>"#;
    const QQQ: &str = r#"<tr><th scope="row">QQQ</th><td class="rs-num">3.0</td></tr>"#;

    fn table(headers: [String; 2], rows: [&str; 3]) -> String {
        format!(
            r#"<table class="rs-table rs-data-table" data-testid="data-table"><caption class="rs-caption">Closes</caption><thead><tr>{}</tr></thead><tbody>{}</tbody></table>"#,
            headers.concat(),
            rows.concat()
        )
    }

    #[test]
    fn the_data_table_is_caption_headers_and_rows_in_the_given_order() {
        let got = data_table(&small_table(), None, &crate::chart::PlainFormat);
        assert_eq!(got.html(), table([header("Symbol", "none"), header("Close", "none")], [IWM, SP, QQQ]));
        // The tree is balanced: every element opened is closed.
        let depth = got.0.iter().try_fold(0i32, |d, n| match n {
            Node::Open(_) => Some(d + 1),
            Node::Close => (d > 0).then(|| d - 1),
            _ => Some(d),
        });
        assert_eq!(depth, Some(0));
    }

    #[test]
    fn the_sorted_column_says_so_and_orders_the_rows() {
        let sorted = |s| data_table(&small_table(), Some(s), &crate::chart::PlainFormat).html();
        // Missing values sort last either way.
        assert_eq!(sorted((1, true)), table([header("Symbol", "none"), header("Close", "ascending")], [QQQ, IWM, SP]));
        assert_eq!(sorted((1, false)), table([header("Symbol", "none"), header("Close", "descending")], [IWM, QQQ, SP]));
        assert_eq!(sorted((0, true)), table([header("Symbol", "ascending"), header("Close", "none")], [IWM, QQQ, SP]));
    }
    use crate::analysis::rotation::Quadrant;
    use crate::chart::format::PlainFormat;

    #[test]
    fn a_table_without_lines_has_the_date_column_and_no_rows() {
        let t = no_lines_table(&Messages::english());
        assert_eq!((t.caption.as_str(), t.columns.as_slice(), t.rows.len()), ("", ["Date".to_string()].as_slice(), 0));
    }

    #[test]
    fn the_claims_file_is_dated_when_a_day_is_known() {
        assert_eq!(claims_file_name(Some(Date::parse_iso("2026-03-02").unwrap())), "rotascope-claims-2026-03-02.csv");
        assert_eq!(claims_file_name(None), "rotascope-claims.csv");
    }

    #[test]
    fn the_png_heading_is_the_configured_title_over_the_views_own() {
        let view = || "Relative rotation against SPY · Jun 30, 2026".to_string();
        assert_eq!(
            png_headings(Some("Size and style against the S&P 500"), view()),
            ("Size and style against the S&P 500".to_string(), Some(view()))
        );
        // No title configured (or a blank one): the view's title is the heading.
        assert_eq!(png_headings(None, view()), (view(), None));
        assert_eq!(png_headings(Some("  "), view()), (view(), None));
    }

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn csv_writes_full_precision_iso_dates_and_quotes_text() {
        use crate::analysis::rotation_metrics::metrics_from;
        let p = RotationPoint { date: d("2026-06-12"), rs_ratio: 99.2000000001, rs_momentum: 101.4, quadrant: Quadrant::Improving, partial: false, index: 0 };
        // A step 3 right and 4 up from (96.2…, 97.4): heading atan2(4, 3) = 53.13°, NE; one
        // step of 5; distance √(0.8² + 1.4²) = 1.6125 (to the digits the float gives).
        let before = RotationPoint { rs_ratio: 96.2000000001, rs_momentum: 97.4, ..p.clone() };
        let history = [before, p];
        let shown: Vec<(RotationPoint, PointMetrics)> = history.iter().cloned().zip(metrics_from(&history, 0, 10)).collect();
        let t = rotation_table(&Messages::english(), "c".into(), &[("IWM, Inc".to_string(), shown)]);
        let csv = t.to_csv();
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some("Symbol,Date,RS-Ratio,RS-Momentum,Quadrant,Heading,Heading (°),Distance,Velocity"));
        // The first point of the history: no heading, no velocity (empty cells); its distance
        // is √(3.8² + 2.6²) = 4.6043.
        let first: Vec<&str> = lines.next().unwrap().split(',').skip(6).collect();
        assert_eq!((first[0], first[1], first[3]), ("", "", ""));
        assert!((first[2].parse::<f64>().unwrap() - 4.604_345_773_2).abs() < 1e-9, "{csv}");
        let last: Vec<String> = lines.next().unwrap().rsplitn(5, ',').map(String::from).collect();
        let (velocity, distance, degrees, name) = (last[0].parse::<f64>().unwrap(), last[1].parse::<f64>().unwrap(), last[2].parse::<f64>().unwrap(), &last[3]);
        assert_eq!(name, "NE");
        assert!((degrees - 53.130_102_354_155_98).abs() < 1e-9 && (velocity - 5.0).abs() < 1e-9 && (distance - 0.8f64.hypot(1.4)).abs() < 1e-9, "{csv}");
        assert!(csv.contains("\"IWM, Inc\",2026-06-12,99.2000000001,101.4,Improving,NE,"), "{csv}");
        assert_eq!(t.rows[1][2].display(&PlainFormat), "99.20");
        assert_eq!(t.rows[1][6].display(&PlainFormat), "53");
        assert_eq!(t.rows[0][8].display(&PlainFormat), "–");
    }

    #[test]
    fn lines_tables_have_a_column_per_line_and_gaps_as_missing() {
        let dates: Vec<Date> = (0..3).map(|i| d("2026-01-05").add_days(i)).collect();
        let a = Line { from: 0, values: vec![0.0, 1.5, 2.25] };
        let b = Line { from: 1, values: vec![0.0, -1.0] };
        let t = lines_table(&Messages::english(), "c".into(), &dates, 0, 2, &[("A".into(), &a), ("B".into(), &b)], 2);
        assert_eq!(t.to_csv(), "Date,A,B\n2026-01-05,0,\n2026-01-06,1.5,0\n2026-01-07,2.25,-1\n");
    }

    #[test]
    fn rotation_columns_fill_the_dates_that_have_a_point() {
        let dates: Vec<Date> = (0..3).map(|i| d("2026-01-05").add_days(i)).collect();
        let close = Line { from: 0, values: vec![10.0, 11.0, 12.5] };
        let mut t = lines_table(&Messages::english(), "c".into(), &dates, 0, 2, &[("Close".into(), &close)], 2);
        let p = RotationPoint { date: d("2026-01-06"), rs_ratio: 101.25, rs_momentum: 99.5, quadrant: Quadrant::Weakening, partial: false, index: 1 };
        add_rotation_columns(&Messages::english(), &mut t, &[p]);
        assert_eq!(
            t.to_csv(),
            "Date,Close,RS-Ratio,RS-Momentum,Quadrant\n2026-01-05,10,,,\n2026-01-06,11,101.25,99.5,Weakening\n2026-01-07,12.5,,,\n"
        );
    }

    #[test]
    fn sorting_numbers_dates_and_missing_values() {
        let mut t = DataTable {
            caption: String::new(),
            columns: vec!["x".into()],
            rows: vec![vec![Cell::Number(2.0, 1)], vec![Cell::Missing], vec![Cell::Number(-1.0, 1)], vec![Cell::Number(10.0, 1)]],
        };
        t.sort_by(0, true);
        assert_eq!(t.rows.iter().map(|r| r[0].csv()).collect::<Vec<_>>(), ["-1", "2", "10", ""]);
        t.sort_by(0, false);
        assert_eq!(t.rows.iter().map(|r| r[0].csv()).collect::<Vec<_>>(), ["10", "2", "-1", ""]);
    }

    #[test]
    fn file_names_say_view_symbols_and_date() {
        assert_eq!(file_name("trend", &["IWM"], d("2026-07-13"), "png"), "rotascope-trend-IWM-2026-07-13.png");
        assert_eq!(
            file_name("rotation", &["IWM", "IJR", "MDY", "IVE", "XLK"], d("2026-11-20"), "csv"),
            "rotascope-rotation-IWM-IJR-MDY-and-2-more-2026-11-20.csv"
        );
        assert_eq!(file_name("performance", &["BRK/B"], d("2026-01-02"), "png"), "rotascope-performance-BRKB-2026-01-02.png");
    }
}
