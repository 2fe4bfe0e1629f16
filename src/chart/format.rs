//! Number and date formatting behind a trait, so charts stay pure: the browser layer supplies
//! a locale-aware implementation (Intl), tests and native tools use [`PlainFormat`].

use crate::analysis::Date;

pub trait Format {
    /// Grouped number with exactly `decimals` decimals: "1,234.5".
    fn number(&self, value: f64, decimals: usize) -> String;
    /// Signed percentage: "+12.3%", "−4.0%", "0.0%".
    fn percent(&self, value: f64, decimals: usize) -> String;
    /// Medium date: "Jul 13, 2026".
    fn date(&self, date: Date) -> String;
    /// Short month name: "Jul".
    fn month(&self, date: Date) -> String;
    /// Month and day: "Jul 13".
    fn month_day(&self, date: Date) -> String;
    /// Year: "2026".
    fn year(&self, date: Date) -> String;

    /// Signed percentage points: "+8.5 pp".
    fn points(&self, value: f64, decimals: usize) -> String {
        let body = self.number(value.abs(), decimals);
        format!("{}{body} pp", sign_for(value, decimals))
    }
}

/// "+" for positive, "−" (U+2212, what screen readers say as "minus") for negative, nothing
/// for a value that rounds to zero at `decimals`.
pub fn sign_for(value: f64, decimals: usize) -> &'static str {
    let scale = 10f64.powi(decimals as i32);
    let rounded = (value * scale).round();
    if rounded > 0.0 {
        "+"
    } else if rounded < 0.0 {
        "−"
    } else {
        ""
    }
}

/// English (en-US) formatting without a browser.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlainFormat;

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The short English name of month `month` (1–12; a [`Date`] never has another).
fn month_name(month: u32) -> &'static str {
    MONTHS.get((month as usize).wrapping_sub(1)).copied().unwrap_or("")
}

impl Format for PlainFormat {
    fn number(&self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return "–".into();
        }
        let text = format!("{:.*}", decimals, value.abs());
        let (int, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
        let mut grouped = String::with_capacity(text.len() + 4);
        for (k, ch) in int.chars().enumerate() {
            if k > 0 && (int.len() - k) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        if let Some(f) = frac {
            grouped.push('.');
            grouped.push_str(f);
        }
        let negative = value < 0.0 && grouped.chars().any(|c| c.is_ascii_digit() && c != '0');
        if negative { format!("−{grouped}") } else { grouped }
    }

    fn percent(&self, value: f64, decimals: usize) -> String {
        format!("{}{}%", sign_for(value, decimals), self.number(value.abs(), decimals))
    }

    fn date(&self, date: Date) -> String {
        let (y, m, d) = date.ymd();
        format!("{} {d}, {y}", month_name(m))
    }

    fn month(&self, date: Date) -> String {
        month_name(date.ymd().1).into()
    }

    fn month_day(&self, date: Date) -> String {
        let (_, m, d) = date.ymd();
        format!("{} {d}", month_name(m))
    }

    fn year(&self, date: Date) -> String {
        date.year().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_group_and_sign() {
        let f = PlainFormat;
        assert_eq!(f.number(1234567.891, 2), "1,234,567.89");
        assert_eq!(f.number(-0.004, 2), "0.00");
        assert_eq!(f.number(-12.5, 1), "−12.5");
        assert_eq!(f.percent(12.345, 1), "+12.3%");
        assert_eq!(f.percent(-4.0, 1), "−4.0%");
        assert_eq!(f.percent(0.04, 1), "0.0%");
        assert_eq!(f.points(8.5, 1), "+8.5 pp");
        assert_eq!(f.number(f64::NAN, 1), "–");
    }

    #[test]
    fn plain_dates() {
        let d = Date::parse_iso("2026-07-13").unwrap();
        let f = PlainFormat;
        assert_eq!((f.date(d), f.month(d), f.month_day(d), f.year(d)),
                   ("Jul 13, 2026".into(), "Jul".into(), "Jul 13".into(), "2026".into()));
    }
}
