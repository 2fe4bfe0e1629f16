//! Deterministic, illustrative sample prices for the demo and the browser tests.
//!
//! Not market data. Eleven ETF-like series on a US-style trading calendar (weekdays minus the
//! NYSE holidays) from 2022-01-03 to 2026-11-20, made by a factor model:
//!
//! ```text
//! r(symbol, day) = beta · market + size · SMB(day) + value · HML(day) + sector cycle + noise
//! price(day)     = price(day − 1) · exp(r)
//! ```
//!
//! - `market` is normal with 0.03 % drift and 0.9 % daily volatility.
//! - `SMB(day)` (small minus big) drifts down 0.07 %/day until 2024-06-28, then up
//!   0.08 %/day (0.3 % daily volatility): small caps lag for two and a half years, then lead. That is the rotation the
//!   demo shows.
//! - `HML(day)` (value minus growth) follows a slow 400-trading-day sine.
//! - each sector adds its own sine cycle (period 160 to 320 trading days), so sectors orbit
//!   the rotation graph clockwise the way real ones do.
//! - noise is normal, from one SplitMix64 generator with a fixed seed ([`SEED`]) and
//!   Box–Muller; the same build always writes the same file.
//!
//! Closes are rounded to cents. `make sample-data` rewrites `www/data/sample-prices.json`;
//! a test fails if the committed file differs from what this module generates.

use crate::analysis::Date;
use std::fmt::Write;

/// The generator's fixed seed ("ROTASCOP" in ASCII).
pub const SEED: u64 = 0x524F_5441_5343_4F50;
pub const FIRST_DAY: &str = "2022-01-03";
pub const LAST_DAY: &str = "2026-11-20";
const REGIME_CHANGE: &str = "2024-06-28";

struct Profile {
    symbol: &'static str,
    name: &'static str,
    group: &'static str,
    start: f64,
    beta: f64,
    size: f64,
    value: f64,
    /// (amplitude per day, period in trading days, phase in radians) of the sector cycle.
    cycle: (f64, f64, f64),
    noise: f64,
}

const PROFILES: &[Profile] = &[
    Profile { symbol: "SPY", name: "S&P 500 tracker (illustrative)", group: "large", start: 470.0, beta: 1.0, size: 0.0, value: 0.0, cycle: (0.0, 1.0, 0.0), noise: 0.0 },
    Profile { symbol: "IWM", name: "Russell 2000 small caps (illustrative)", group: "small", start: 220.0, beta: 1.0, size: 1.0, value: 0.2, cycle: (0.0, 1.0, 0.0), noise: 0.003 },
    Profile { symbol: "IJR", name: "S&P 600 small caps (illustrative)", group: "small", start: 115.0, beta: 1.0, size: 0.9, value: 0.4, cycle: (0.0, 1.0, 0.0), noise: 0.003 },
    Profile { symbol: "MDY", name: "S&P 400 mid caps (illustrative)", group: "mid", start: 510.0, beta: 1.05, size: 0.5, value: 0.2, cycle: (0.0, 1.0, 0.0), noise: 0.003 },
    Profile { symbol: "IVE", name: "S&P 500 value (illustrative)", group: "value", start: 155.0, beta: 0.9, size: 0.0, value: 0.6, cycle: (0.0, 1.0, 0.0), noise: 0.002 },
    Profile { symbol: "IVW", name: "S&P 500 growth (illustrative)", group: "growth", start: 80.0, beta: 1.1, size: 0.0, value: -0.6, cycle: (0.0, 1.0, 0.0), noise: 0.002 },
    Profile { symbol: "XLK", name: "Technology sector (illustrative)", group: "sector", start: 170.0, beta: 1.25, size: -0.1, value: -0.8, cycle: (0.0008, 260.0, 0.0), noise: 0.005 },
    Profile { symbol: "XLF", name: "Financials sector (illustrative)", group: "sector", start: 39.0, beta: 1.05, size: 0.1, value: 0.7, cycle: (0.0007, 200.0, 1.6), noise: 0.005 },
    Profile { symbol: "XLE", name: "Energy sector (illustrative)", group: "sector", start: 58.0, beta: 0.8, size: 0.1, value: 0.8, cycle: (0.0014, 320.0, 3.1), noise: 0.009 },
    Profile { symbol: "XLV", name: "Health care sector (illustrative)", group: "sector", start: 135.0, beta: 0.75, size: -0.05, value: 0.1, cycle: (0.0006, 160.0, 4.4), noise: 0.004 },
    Profile { symbol: "XLU", name: "Utilities sector (illustrative)", group: "sector", start: 70.0, beta: 0.55, size: 0.0, value: 0.3, cycle: (0.0007, 240.0, 5.5), noise: 0.005 },
];

/// SplitMix64: tiny, well-mixed and fully specified, so the sample data never depends on a
/// crate's RNG choices.
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1]: never 0, so `ln` is finite.
    pub fn unit(&mut self) -> f64 {
        ((self.next_u64() >> 11) + 1) as f64 / (1u64 << 53) as f64
    }

    pub fn normal(&mut self) -> f64 {
        let (u1, u2) = (self.unit(), self.unit());
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

fn nth_weekday(year: i32, month: u32, weekday: u32, n: i32) -> Date {
    let first = Date::from_ymd(year, month, 1).expect("valid");
    let offset = (weekday + 7 - first.weekday()) % 7;
    first.add_days(offset as i32 + 7 * (n - 1))
}

fn last_weekday(year: i32, month: u32, weekday: u32) -> Date {
    let last = Date::from_ymd(year, month, crate::analysis::date::days_in_month(year, month)).expect("valid");
    last.add_days(-(((last.weekday() + 7 - weekday) % 7) as i32))
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
fn easter(year: i32) -> Date {
    let a = year % 19;
    let (b, c) = (year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::from_ymd(year, month as u32, day as u32).expect("valid")
}

/// A fixed-date holiday moved to Friday when on Saturday and to Monday when on Sunday.
fn observed(day: Date) -> Date {
    match day.weekday() {
        5 => day.add_days(-1),
        6 => day.add_days(1),
        _ => day,
    }
}

/// NYSE full-day holidays of `year` (the rules in force since 2022).
pub fn exchange_holidays(year: i32) -> Vec<Date> {
    let fixed = |m, d| Date::from_ymd(year, m, d).expect("valid");
    let mut days = vec![
        nth_weekday(year, 1, 0, 3),  // Martin Luther King Jr. Day
        nth_weekday(year, 2, 0, 3),  // Washington's Birthday
        easter(year).add_days(-2),   // Good Friday
        last_weekday(year, 5, 0),    // Memorial Day
        observed(fixed(6, 19)),      // Juneteenth
        observed(fixed(7, 4)),       // Independence Day
        nth_weekday(year, 9, 0, 1),  // Labor Day
        nth_weekday(year, 11, 3, 4), // Thanksgiving
        observed(fixed(12, 25)),     // Christmas
    ];
    // New Year's Day on a Saturday is not moved back into the old year.
    let new_year = fixed(1, 1);
    if new_year.weekday() != 5 {
        days.push(observed(new_year));
    }
    days
}

/// Trading days from `first` to `last` inclusive.
pub fn trading_days(first: Date, last: Date) -> Vec<Date> {
    let holidays: Vec<Date> = (first.year()..=last.year()).flat_map(exchange_holidays).collect();
    (first.days()..=last.days())
        .map(Date::from_days)
        .filter(|d| d.weekday() < 5 && !holidays.contains(d))
        .collect()
}

/// A large synthetic table for benchmarks when no real data is at hand: `symbols` random
/// walks (1 % daily volatility, seeded) on the trading calendar from `first` to `last`.
pub fn synthetic_table(symbols: usize, first: Date, last: Date) -> crate::analysis::PriceTable {
    let days = trading_days(first, last);
    let mut rng = SplitMix64(SEED ^ symbols as u64);
    let series = (0..symbols)
        .map(|k| {
            let mut level = 50.0 + 10.0 * k as f64;
            let closes = days
                .iter()
                .map(|_| {
                    level *= (0.0002 + 0.01 * rng.normal()).exp();
                    Some(level)
                })
                .collect();
            crate::analysis::Series { symbol: format!("S{k:02}"), name: None, group: None, closes }
        })
        .collect();
    crate::analysis::PriceTable::validated(days, series, crate::analysis::Adjustment::NotStated, Some("synthetic".into()), Vec::new())
        .expect("synthetic data is valid")
}

/// The sample price contract as JSON text (what `www/data/sample-prices.json` holds).
pub fn sample_prices_json() -> String {
    let first = Date::parse_iso(FIRST_DAY).expect("valid");
    let last = Date::parse_iso(LAST_DAY).expect("valid");
    let regime_change = Date::parse_iso(REGIME_CHANGE).expect("valid");
    let days = trading_days(first, last);
    let mut rng = SplitMix64(SEED);
    let mut levels: Vec<f64> = PROFILES.iter().map(|p| p.start).collect();
    let mut closes: Vec<Vec<f64>> = vec![Vec::with_capacity(days.len()); PROFILES.len()];

    for (t, day) in days.iter().enumerate() {
        let market = 0.0003 + 0.009 * rng.normal();
        let smb_drift = if *day <= regime_change { -0.0007 } else { 0.0008 };
        let smb = smb_drift + 0.003 * rng.normal();
        let hml = 0.0005 * (std::f64::consts::TAU * t as f64 / 400.0).sin() + 0.003 * rng.normal();
        for (k, p) in PROFILES.iter().enumerate() {
            if t > 0 {
                let (amp, period, phase) = p.cycle;
                let cycle = amp * (std::f64::consts::TAU * t as f64 / period + phase).sin();
                let r = p.beta * market + p.size * smb + p.value * hml + cycle + p.noise * rng.normal();
                levels[k] *= r.exp();
            }
            closes[k].push((levels[k] * 100.0).round() / 100.0);
        }
    }

    let mut out = String::with_capacity(160 * 1024);
    out.push_str("{\n\"source\": \"Rotascope sample generator: illustrative prices, not market data\",\n");
    out.push_str("\"adjusted\": true,\n\"dates\": [");
    for (i, d) in days.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        write!(out, "{sep}\"{d}\"").expect("write to string");
    }
    out.push_str("],\n\"series\": {\n");
    for (k, p) in PROFILES.iter().enumerate() {
        write!(out, "\"{}\": [", p.symbol).expect("write to string");
        for (i, c) in closes[k].iter().enumerate() {
            let sep = if i == 0 { "" } else { "," };
            write!(out, "{sep}{c:.2}").expect("write to string");
        }
        out.push_str(if k + 1 == PROFILES.len() { "]\n" } else { "],\n" });
    }
    out.push_str("},\n\"meta\": {\n");
    for (k, p) in PROFILES.iter().enumerate() {
        let sep = if k + 1 == PROFILES.len() { "" } else { "," };
        writeln!(out, "\"{}\": {{\"name\": \"{}\", \"group\": \"{}\"}}{sep}", p.symbol, p.name, p.group)
            .expect("write to string");
    }
    out.push_str("}\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn holidays_match_the_published_nyse_calendar() {
        // NYSE's published 2026 holidays.
        let mut h2026 = exchange_holidays(2026);
        h2026.sort();
        let expected = [
            "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19",
            "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25",
        ];
        assert_eq!(h2026, expected.map(d).to_vec());
        // 2022: New Year's Day fell on a Saturday and was not observed; Juneteenth (Sunday)
        // moved to Monday June 20; Christmas (Sunday) to Monday December 26.
        let h2022 = exchange_holidays(2022);
        assert!(!h2022.contains(&d("2021-12-31")));
        assert!(h2022.contains(&d("2022-06-20")));
        assert!(h2022.contains(&d("2022-12-26")));
        assert!(h2022.contains(&d("2022-04-15"))); // Good Friday
    }

    #[test]
    fn trading_days_skip_weekends_and_holidays() {
        let days = trading_days(d("2026-06-29"), d("2026-07-10"));
        let text: Vec<String> = days.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            text,
            [
                "2026-06-29", "2026-06-30", "2026-07-01", "2026-07-02", // Fri 07-03 observed holiday
                "2026-07-06", "2026-07-07", "2026-07-08", "2026-07-09", "2026-07-10"
            ]
        );
        // 2023 had 250 NYSE trading days.
        assert_eq!(trading_days(d("2023-01-01"), d("2023-12-31")).len(), 250);
    }

    #[test]
    fn splitmix_matches_reference_values() {
        // First outputs for seed 0 from the reference implementation (Vigna, splitmix64.c).
        let mut g = SplitMix64(0);
        assert_eq!(g.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(g.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }
}
