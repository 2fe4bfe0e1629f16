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

    /// How the language writes percentage points around a signed number (the message
    /// `unit.points`): English's "{value} pp" unless the format was given the widget's words.
    fn points_template(&self) -> &'static str {
        ENGLISH_POINTS
    }

    /// Signed percentage points: "+8.5 pp", German "+8,5 Pp.".
    fn points(&self, value: f64, decimals: usize) -> String {
        let signed = format!("{}{}", sign_for(value, decimals), self.number(value.abs(), decimals));
        super::messages::fill(self.points_template(), &[("value", &signed)])
    }
}

/// English's `unit.points`.
pub const ENGLISH_POINTS: &str = "{value} pp";

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

/// How one of the interface's languages writes numbers and dates, as CLDR (and so the
/// browser's `Intl`, which the widget uses) writes them: for the images, which are drawn
/// without a browser.
struct LocaleData {
    lang: &'static str,
    group: &'static str,
    decimal: &'static str,
    /// Integer digits a number needs before it is grouped at all (Spanish and Italian write
    /// 1234 but 12.345).
    min_grouping: usize,
    /// Month names inside a date ("5. Juli 2026").
    months: [&'static str; 12],
    /// Month names on their own (an axis tick), where they differ: German.
    months_alone: Option<[&'static str; 12]>,
    /// `{d}`, `{m}`, `{y}` templates: the medium date and month + day.
    date: &'static str,
    month_day: &'static str,
    year: &'static str,
}

const LOCALES: [LocaleData; 5] = [
    LocaleData {
        lang: "de", group: ".", decimal: ",", min_grouping: 1,
        months: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
        months_alone: Some(["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]),
        date: "{d}. {m} {y}", month_day: "{d}. {m}", year: "{y}",
    },
    LocaleData {
        lang: "fr", group: "\u{202f}", decimal: ",", min_grouping: 1,
        months: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
        months_alone: None,
        date: "{d} {m} {y}", month_day: "{d} {m}", year: "{y}",
    },
    LocaleData {
        lang: "es", group: ".", decimal: ",", min_grouping: 2,
        months: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
        months_alone: None,
        date: "{d} {m} {y}", month_day: "{d} {m}", year: "{y}",
    },
    LocaleData {
        lang: "it", group: ".", decimal: ",", min_grouping: 2,
        months: ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
        months_alone: None,
        date: "{d} {m} {y}", month_day: "{d} {m}", year: "{y}",
    },
    LocaleData {
        lang: "ja", group: ",", decimal: ".", min_grouping: 1,
        months: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
        months_alone: None,
        date: "{y}年{m}{d}日", month_day: "{m}{d}日", year: "{y}年",
    },
];

/// Numbers and dates in one of the interface's languages without a browser (the images):
/// English is [`PlainFormat`]; the others follow CLDR's medium formats, as the widget's
/// `Intl` writes them.
#[derive(Clone, Copy)]
pub struct LocaleFormat(Option<&'static LocaleData>, &'static str);

impl LocaleFormat {
    /// The format of `tag`'s language (`de-CH` → German); English for any other.
    pub fn new(tag: &str) -> LocaleFormat {
        let lang = super::messages::language_of(tag).unwrap_or("en");
        LocaleFormat(LOCALES.iter().find(|l| l.lang == lang), ENGLISH_POINTS)
    }

    /// The same, writing percentage points in the words `m` (their `unit.points`).
    pub fn speaking(self, m: &super::messages::Messages) -> LocaleFormat {
        LocaleFormat(self.0, m.get("unit.points"))
    }

    fn day(&self, date: Date, template: fn(&LocaleData) -> &'static str, alone: bool) -> Option<String> {
        let l = self.0?;
        let (y, m, d) = date.ymd();
        let index = (m as usize).wrapping_sub(1);
        let months = if alone { l.months_alone.as_ref().unwrap_or(&l.months) } else { &l.months };
        let month = months.get(index).copied().unwrap_or("");
        Some(super::messages::fill(template(l), &[("d", &d.to_string()), ("m", month), ("y", &y.to_string())]))
    }
}

impl Format for LocaleFormat {
    fn points_template(&self) -> &'static str {
        self.1
    }

    fn number(&self, value: f64, decimals: usize) -> String {
        let Some(l) = self.0 else { return PlainFormat.number(value, decimals) };
        // English's text, its separators swapped; grouping dropped below the locale's minimum.
        let english = PlainFormat.number(value, decimals);
        let integer_digits = english.split('.').next().unwrap_or("").chars().filter(char::is_ascii_digit).count();
        let group = if integer_digits > 3 + l.min_grouping - 1 { l.group } else { "" };
        english.chars().map(|c| match c {
            ',' => group.to_owned(),
            '.' => l.decimal.to_owned(),
            c => c.to_string(),
        }).collect()
    }

    fn percent(&self, value: f64, decimals: usize) -> String {
        format!("{}{}%", sign_for(value, decimals), self.number(value.abs(), decimals))
    }

    fn date(&self, date: Date) -> String {
        self.day(date, |l| l.date, false).unwrap_or_else(|| PlainFormat.date(date))
    }

    fn month(&self, date: Date) -> String {
        self.day(date, |_| "{m}", true).unwrap_or_else(|| PlainFormat.month(date))
    }

    fn month_day(&self, date: Date) -> String {
        self.day(date, |l| l.month_day, false).unwrap_or_else(|| PlainFormat.month_day(date))
    }

    fn year(&self, date: Date) -> String {
        self.day(date, |l| l.year, false).unwrap_or_else(|| PlainFormat.year(date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::messages::{keep, parse_table, Messages};

    /// Percentage points in each shipped language's words: its number, its unit (the tables'
    /// `unit.points`, with the spaces each language's typography puts before it).
    #[test]
    fn percentage_points_are_written_in_the_language_of_the_words() {
        let words = |lang: &'static str, json: &str| Messages::new(lang, keep(parse_table(json).unwrap()), &[], None);
        assert_eq!(PlainFormat.points(8.5, 1), "+8.5 pp");
        assert_eq!(LocaleFormat::new("en").speaking(&Messages::english()).points(-3.25, 2), "−3.25 pp");
        let cases = [
            ("de", include_str!("../../www/lang/de.json"), "+8,5\u{a0}Pp.", "−1.234,0\u{a0}Pp."),
            ("fr", include_str!("../../www/lang/fr.json"), "+8,5\u{202f}pts", "−1\u{202f}234,0\u{202f}pts"),
            ("es", include_str!("../../www/lang/es.json"), "+8,5\u{a0}p.\u{a0}p.", "−1234,0\u{a0}p.\u{a0}p."),
            ("it", include_str!("../../www/lang/it.json"), "+8,5\u{a0}p.p.", "−1234,0\u{a0}p.p."),
            ("ja", include_str!("../../www/lang/ja.json"), "+8.5pt", "−1,234.0pt"),
        ];
        for (lang, json, small, large) in cases {
            let f = LocaleFormat::new(lang).speaking(&words(lang, json));
            assert_eq!((f.points(8.5, 1), f.points(-1234.0, 1)), (small.to_owned(), large.to_owned()), "{lang}");
        }
        // An override of the unit is taken as any text is.
        let mine = Messages::new("en", &[], keep(vec![("unit.points".into(), "{value} pts".into())]), None);
        assert_eq!(LocaleFormat::new("en").speaking(&mine).points(0.04, 1), "0.0 pts");
    }

    /// The expected texts are what `Intl` (ICU's CLDR data) writes for each locale with the
    /// widget's options, taken from a JavaScript engine, not from this code.
    #[test]
    fn each_language_writes_numbers_and_dates_as_intl_does() {
        let d = Date::parse_iso("2026-07-13").unwrap();
        let march = Date::parse_iso("2026-03-05").unwrap();
        let cases: [(&str, [&str; 3], [&str; 4], &str); 6] = [
            ("en", ["−12,345.68", "1,234.5", "1,234"], ["Jul 13, 2026", "Jul", "Jul 13", "2026"], "Mar 5, 2026"),
            ("de-DE", ["−12.345,68", "1.234,5", "1.234"], ["13. Juli 2026", "Jul", "13. Juli", "2026"], "5. März 2026"),
            ("fr", ["−12\u{202f}345,68", "1\u{202f}234,5", "1\u{202f}234"], ["13 juil. 2026", "juil.", "13 juil.", "2026"], "5 mars 2026"),
            ("es", ["−12.345,68", "1234,5", "1234"], ["13 jul 2026", "jul", "13 jul", "2026"], "5 mar 2026"),
            ("it", ["−12.345,68", "1234,5", "1234"], ["13 lug 2026", "lug", "13 lug", "2026"], "5 mar 2026"),
            ("ja", ["−12,345.68", "1,234.5", "1,234"], ["2026年7月13日", "7月", "7月13日", "2026年"], "2026年3月5日"),
        ];
        for (tag, numbers, dates, in_march) in cases {
            let f = LocaleFormat::new(tag);
            assert_eq!([f.number(-12345.678, 2), f.number(1234.5, 1), f.number(1234.0, 0)], numbers.map(String::from), "{tag}");
            assert_eq!([f.date(d), f.month(d), f.month_day(d), f.year(d)], dates.map(String::from), "{tag}");
            assert_eq!(f.date(march), in_march, "{tag}");
        }
        // German months alone (an axis tick) are not the ones inside a date.
        assert_eq!(LocaleFormat::new("de").month(march), "Mär");
        assert_eq!(LocaleFormat::new("de").percent(-4.26, 1), "−4,3%");
        assert_eq!(LocaleFormat::new("pt-BR").date(d), "Jul 13, 2026");
    }

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
