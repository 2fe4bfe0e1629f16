//! Relative rotation (RRG): RS-Ratio against RS-Momentum.
//!
//! Two methods, chosen by [`RotationMethod`]; both sample the same way, start from the same
//! relative strength and share the quadrant rules below.
//!
//! # Formula
//!
//! 1. **Samples.** Weekly (default): for each ISO week (Monday–Sunday), the last trading day on
//!    or before the as-of day `D` on which both the symbol and the benchmark have a close; the
//!    sample carries that day's date. Daily: every such day.
//! 2. `RS_t = 100 × P_t / B_t`.
//!
//! **`log-trend`** (the default): RS-Ratio is the trend of relative strength in percent, the
//! same units for every symbol and every date, so the farther right, the stronger; RS-Momentum
//! is its rate of change, so momentum leads ratio and tails turn clockwise.
//!
//! 3. `L_t = ln RS_t`.
//! 4. `T_t = mean₁₀(L)_t − mean₃₀(L)_t`: how far the last 10 samples' relative strength sits
//!    above the last 30 samples' (geometric means), as a log ratio (de Kempenaer's 10- and
//!    30-period averages of RS, taken on the log so that a symbol's numbers scale with its
//!    relative strength: doubling `ln RS` doubles its distance from 100).
//! 5. `RS-Ratio_t = 100 + 100 · T_t`: RS-Ratio 103 means recent relative strength runs about 3 %
//!    above its longer average.
//! 6. `RS-Momentum_t = 100 + 3 · (RS-Ratio_t − RS-Ratio_{t−1})`: RS-Momentum 101 means RS-Ratio
//!    rose a third of a point in the last sample. The factor 3 makes both axes move alike (round
//!    loops: on 23 real ETFs against SPY the median height ÷ width of 10-point stretches is
//!    1.05 weekly and 1.03 daily); it is fixed, so momentum also compares across symbols.
//!
//! `mean_n` is the mean of the last `n` values including `t`. Nothing is normalised per symbol,
//! so a symbol's numbers depend on its own prices and the benchmark's only. A steady relative
//! trend (RS growing by `g` per sample) sits still at RS-Ratio `100 + 1000 · ln(1 + g)`,
//! RS-Momentum 100. The first point is sample 30: 31 samples are needed (31 weekly closes
//! spanning 30 weeks). The window setting is not used by this method.
//!
//! **`zscore`** (the RRGPy / RRG-Lite formula, kept bit for bit):
//!
//! 3. `RS-Ratio_t = 100 + (RS_t − mean_w(RS)_t) / sd_w(RS)_t`.
//! 4. `RS-Momentum_t = 100 + (RSR_t − mean_w(RSR)_t) / sd_w(RSR)_t`.
//!
//! `mean_w` and `sd_w` are taken over the last `w` samples including `t` (population sd,
//! dividing by `w`). A value exists only when its window is full, so the first point is sample
//! `2w − 2` and `2w − 1` samples are needed. Momentum here is a second *level* of the same
//! series, so it moves with the ratio (tails lie along the diagonal rather than loop).
//!
//! `zscore`: `w = 14` by default, any `w ≥ 2` allowed.
//!
//! # Edge cases
//!
//! - The benchmark against itself, and any constant multiple of it, sits at exactly 100/100,
//!   never NaN. Floating point makes `P/B` of a constant multiple wobble in the last bit, so
//!   `zscore` counts sd as zero when `sd ≤ 1e-9 × |mean|`, and `log-trend` counts `|T| ≤ 1e-12`
//!   as 0 (a trend of 10⁻¹⁰ %, far below any price's precision).
//! - The sample in the week of `D` is flagged `partial` when `D` is Monday to Thursday: that
//!   week has not closed yet (an exchange holiday on a Friday also leaves it flagged until the
//!   next week's data arrives). Daily samples are never partial.
//!
//! Quadrants: Leading (RSR ≥ 100, RSM ≥ 100), Weakening (RSR ≥ 100, RSM < 100), Lagging (both
//! < 100), Improving (RSR < 100, RSM ≥ 100). A transition is every change of quadrant between
//! consecutive points, dated at the later point.

use super::date::Date;
use super::error::*;
use super::said::Said;
use super::prices::{PriceTable, Series};
use super::selection::Selection;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    Weekly,
    Daily,
}

impl Interval {
    /// The sample unit in words ("weekly closes").
    pub fn unit(self) -> &'static str {
        match self {
            Interval::Weekly => "weekly closes",
            Interval::Daily => "daily closes",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Quadrant {
    Leading,
    Weakening,
    Lagging,
    Improving,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [Quadrant::Leading, Quadrant::Weakening, Quadrant::Lagging, Quadrant::Improving];

    /// # Example
    /// ```
    /// use rotascope::analysis::rotation::Quadrant;
    /// assert_eq!(Quadrant::of(100.0, 100.0), Quadrant::Leading);
    /// assert_eq!(Quadrant::of(100.0, 99.9), Quadrant::Weakening);
    /// assert_eq!(Quadrant::of(99.9, 99.9), Quadrant::Lagging);
    /// assert_eq!(Quadrant::of(99.9, 100.0), Quadrant::Improving);
    /// ```
    pub fn of(rs_ratio: f64, rs_momentum: f64) -> Quadrant {
        match (rs_ratio >= 100.0, rs_momentum >= 100.0) {
            (true, true) => Quadrant::Leading,
            (true, false) => Quadrant::Weakening,
            (false, false) => Quadrant::Lagging,
            (false, true) => Quadrant::Improving,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Quadrant::Leading => "Leading",
            Quadrant::Weakening => "Weakening",
            Quadrant::Lagging => "Lagging",
            Quadrant::Improving => "Improving",
        }
    }

    /// Position in [`Quadrant::ALL`] (and in the palette's quadrant colours).
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Quadrant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How RS-Ratio and RS-Momentum are computed from relative strength (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RotationMethod {
    /// Trend of log relative strength in percent, and its rate of change: distance from 100
    /// means strength, comparable across symbols; tails loop clockwise.
    #[default]
    LogTrend,
    /// RRGPy / RRG-Lite: a z-score of RS, and a z-score of that z-score.
    Zscore,
}

impl RotationMethod {
    pub const ALL: [RotationMethod; 2] = [RotationMethod::LogTrend, RotationMethod::Zscore];

    /// The name used in configuration and by `analyze()`.
    pub fn name(self) -> &'static str {
        match self {
            RotationMethod::LogTrend => "log-trend",
            RotationMethod::Zscore => "zscore",
        }
    }

    /// The method a configuration, a link or `analyze()` names (any case), or why there is
    /// none: the retired `ratio-roc` says it was retired and what to use.
    ///
    /// # Example
    /// ```
    /// use rotascope::analysis::rotation::RotationMethod;
    /// assert_eq!(RotationMethod::parse(" ZScore "), Ok(RotationMethod::Zscore));
    /// assert_eq!(RotationMethod::parse("jdk").unwrap_err().to_string(), "use log-trend or zscore");
    /// assert!(RotationMethod::parse("ratio-roc").unwrap_err().to_string().starts_with("ratio-roc was retired"));
    /// ```
    pub fn parse(text: &str) -> Result<RotationMethod, Said> {
        let name = text.trim().to_ascii_lowercase();
        match RotationMethod::ALL.into_iter().find(|m| m.name() == name) {
            Some(m) => Ok(m),
            None if name == RETIRED_METHOD => Err(Said::plain(METHOD_RETIRED)),
            None => Err(Said::plain(METHOD_NAMES)),
        }
    }

    /// What the method draws, in a reader's words.
    pub fn description(self) -> &'static str {
        match self {
            RotationMethod::LogTrend => "trend of relative strength in percent and its rate of change",
            RotationMethod::Zscore => "z-score of relative strength and of that z-score",
        }
    }

    /// Samples needed before the first point with window `w` (see the module docs).
    pub fn samples_needed(self, w: usize) -> usize {
        match self {
            RotationMethod::LogTrend => TREND_LONG + 1,
            RotationMethod::Zscore => 2 * w - 1,
        }
    }
}

impl fmt::Display for RotationMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `log-trend`: the short and long means of `ln RS` whose difference is the trend.
pub const TREND_SHORT: usize = 10;
pub const TREND_LONG: usize = 30;
/// `log-trend`: RS-Ratio points per unit of trend (so RS-Ratio − 100 is in percent).
pub const RATIO_SCALE: f64 = 100.0;
/// `log-trend`: RS-Momentum points per point of RS-Ratio change in one sample (see the module
/// docs for why 3).
pub const MOMENTUM_SCALE: f64 = 3.0;
/// `log-trend`: a trend this small is floating-point wobble (a constant multiple of the
/// benchmark), counted as 0.
const TREND_EPSILON: f64 = 1e-12;

/// The name a configuration, a link or `analyze()` may still use for the retired method (why
/// it went: [`METHOD_RETIRED`]).
pub const RETIRED_METHOD: &str = "ratio-roc";

/// Rotation settings, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RotationParams {
    pub interval: Interval,
    /// `w`: values in each z-score window (`zscore`; `log-trend` has fixed 10- and 30-sample
    /// means).
    pub window: usize,
    /// Points in a tail.
    pub tail: usize,
    pub method: RotationMethod,
}

impl Default for RotationParams {
    fn default() -> Self {
        RotationParams { interval: Interval::Weekly, window: 14, tail: 10, method: RotationMethod::default() }
    }
}

impl RotationParams {
    /// Settings with the default method ([`RotationMethod::LogTrend`]).
    pub fn new(interval: Interval, window: usize, tail: usize) -> Result<Self, AnalysisError> {
        if window < 2 {
            return Err(AnalysisError::bad_option("rotation.window", window, Said::plain(WINDOW_TOO_SHORT)));
        }
        if tail < 1 {
            return Err(AnalysisError::bad_option("rotation.tail", tail, Said::plain(TAIL_TOO_SHORT)));
        }
        Ok(RotationParams { interval, window, tail, method: RotationMethod::default() })
    }

    pub fn with_method(self, method: RotationMethod) -> Self {
        RotationParams { method, ..self }
    }

    /// Samples needed for the first point: 31 (`log-trend`) or `2w − 1` (`zscore`).
    pub fn samples_needed(&self) -> usize {
        self.method.samples_needed(self.window)
    }
}

/// One sampled pair of closes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// Table index of the day.
    pub index: usize,
    pub date: Date,
    pub price: f64,
    pub benchmark: f64,
    pub partial: bool,
}

/// Samples of `symbol` against `benchmark` up to table index `to` (see the module docs).
pub fn sample(dates: &[Date], symbol: &Series, benchmark: &Series, to: usize, interval: Interval) -> Vec<Sample> {
    let Some(&as_of) = dates.get(to).or(dates.last()) else { return Vec::new() };
    let open_week = (as_of.weekday() < 4).then(|| as_of.week_start());
    let mut out: Vec<Sample> = Vec::with_capacity(match interval {
        Interval::Weekly => to / 5 + 2,
        Interval::Daily => to + 1,
    });
    let days = dates.iter().zip(symbol.closes.iter().zip(&benchmark.closes)).enumerate().take(to + 1);
    for (i, (&date, (price, bench))) in days {
        let (Some(price), Some(bench)) = (*price, *bench) else { continue };
        let week = date.week_start();
        let partial = interval == Interval::Weekly && open_week == Some(week);
        let s = Sample { index: i, date, price, benchmark: bench, partial };
        match out.last_mut() {
            // A later day of the same week replaces the earlier one: the last day wins.
            Some(last) if interval == Interval::Weekly && last.date.week_start() == week => *last = s,
            _ => out.push(s),
        }
    }
    out
}

/// `f` of each full trailing window of `w` values (the window ending at `t` gives slot `t`);
/// `None` before the first full window and wherever `f` gives `None`.
fn over_trailing_windows<T>(values: &[T], w: usize, f: impl Fn(&[T]) -> Option<f64>) -> Vec<Option<f64>> {
    let mut out = vec![None; values.len()];
    if w == 0 {
        return out;
    }
    for (slot, window) in out.iter_mut().skip(w - 1).zip(values.windows(w)) {
        *slot = f(window);
    }
    out
}

/// `100 + (x_t − mean) / sd` over each full trailing window of `w` values; `None` before the
/// first full window. Two passes per window (mean, then squared deviations) for accuracy; the
/// cost, `n × w`, is negligible next to drawing.
pub fn standardize(values: &[f64], w: usize) -> Vec<Option<f64>> {
    over_trailing_windows(values, w, |window| {
        let x = *window.last()?;
        let mean = window.iter().sum::<f64>() / w as f64;
        let variance = window.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / w as f64;
        let sd = variance.sqrt();
        Some(if sd <= 1e-9 * mean.abs() { 100.0 } else { 100.0 + (x - mean) / sd })
    })
}

/// Mean of each full trailing window of `n` values; `None` before the first.
pub fn moving_average(values: &[f64], n: usize) -> Vec<Option<f64>> {
    over_trailing_windows(values, n, |window| Some(window.iter().sum::<f64>() / n as f64))
}

/// (RS-Ratio, RS-Momentum) for each RS value, `None` until both exist.
pub fn rotation_lines(rs: &[f64], w: usize, method: RotationMethod) -> Vec<Option<(f64, f64)>> {
    match method {
        RotationMethod::Zscore => {
            let rs_ratio = standardize(rs, w);
            // RS-Momentum standardises the RS-Ratio values from the first full window on.
            let ratio_values: Vec<f64> = rs_ratio.iter().flatten().copied().collect();
            let lead = rs.len() - ratio_values.len();
            let rs_momentum = standardize(&ratio_values, w);
            rs_ratio
                .iter()
                .enumerate()
                .map(|(t, rsr)| Some((((*rsr)?), (*rs_momentum.get(t.checked_sub(lead)?)?)?)))
                .collect()
        }
        RotationMethod::LogTrend => {
            let log_rs: Vec<f64> = rs.iter().map(|x| x.ln()).collect();
            let short = moving_average(&log_rs, TREND_SHORT);
            let long = moving_average(&log_rs, TREND_LONG);
            let rs_ratio: Vec<Option<f64>> = short
                .iter()
                .zip(&long)
                .map(|(s, l)| {
                    let trend = s.as_ref()? - l.as_ref()?;
                    Some(if trend.abs() <= TREND_EPSILON { 100.0 } else { 100.0 + RATIO_SCALE * trend })
                })
                .collect();
            let before = std::iter::once(None).chain(rs_ratio.iter().copied());
            rs_ratio.iter().zip(before).map(|(r, prev)| Some(((*r)?, 100.0 + MOMENTUM_SCALE * ((*r)? - prev?)))).collect()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RotationPoint {
    pub date: Date,
    pub rs_ratio: f64,
    pub rs_momentum: f64,
    pub quadrant: Quadrant,
    pub partial: bool,
    /// Table index of the sampled day.
    #[serde(skip)]
    pub index: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Transition {
    pub date: Date,
    pub from: Quadrant,
    pub to: Quadrant,
    /// The change happened at the unfinished week's point and may still reverse.
    pub partial: bool,
    /// Table index of the point where it happened (to scrub the chart there).
    #[serde(skip)]
    pub index: usize,
}

/// A symbol's whole rotation history up to the as-of day.
#[derive(Debug, Clone, PartialEq)]
pub struct SymbolRotation {
    /// Table position of the symbol.
    pub position: usize,
    /// Every point, oldest first.
    pub points: Vec<RotationPoint>,
    pub transitions: Vec<Transition>,
}

impl SymbolRotation {
    /// The last `n` points (the tail), oldest first.
    pub fn tail(&self, n: usize) -> &[RotationPoint] {
        self.points.get(self.points.len().saturating_sub(n)..).unwrap_or_default()
    }

    pub fn head(&self) -> Option<&RotationPoint> {
        self.points.last()
    }

    /// Consecutive points, counting back from the last, in the last point's quadrant.
    pub fn periods_in_quadrant(&self) -> usize {
        periods_in_quadrant(&self.points)
    }

    /// The points up to and including the one on or before table index `at` (for scrubbing).
    pub fn until(&self, at: usize) -> &[RotationPoint] {
        let end = self.points.partition_point(|p| p.index <= at);
        self.points.get(..end).unwrap_or_default()
    }
}

/// Consecutive points at the end of `points` in the last point's quadrant (the "weeks in
/// quadrant" of the ranking table; 0 for no points).
pub fn periods_in_quadrant(points: &[RotationPoint]) -> usize {
    let Some(last) = points.last() else { return 0 };
    points.iter().rev().take_while(|p| p.quadrant == last.quadrant).count()
}

/// Every table index at which at least one rotation has a point, ascending: the steps of the
/// date slider.
pub fn timeline(rotations: &[SymbolRotation]) -> Vec<usize> {
    let mut steps: Vec<usize> = rotations.iter().flat_map(|r| r.points.iter().map(|p| p.index)).collect();
    crate::analysis::sorting::sort_by(&mut steps, usize::cmp);
    steps.dedup();
    steps
}

/// The most recent quadrant changes across `rotations`, newest first (ties in the order of
/// `rotations`), at most `limit`: the rotation alerts feed.
pub fn latest_transitions(rotations: &[SymbolRotation], limit: usize) -> Vec<(usize, Transition)> {
    let mut all: Vec<(usize, usize, Transition)> = rotations
        .iter()
        .enumerate()
        .flat_map(|(k, r)| r.transitions.iter().map(move |t| (k, r.position, t.clone())))
        .collect();
    crate::analysis::sorting::sort_by(&mut all, |a, b| b.2.index.cmp(&a.2.index).then(a.0.cmp(&b.0)));
    all.into_iter().take(limit).map(|(_, position, t)| (position, t)).collect()
}

/// RS-Ratio and RS-Momentum of one symbol against the benchmark, up to table index `to`.
///
/// # Example
/// ```
/// use rotascope::analysis::input::parse_contract_json;
/// use rotascope::analysis::rotation::{rotation, Interval, RotationMethod, RotationParams};
/// // `zscore`, window 2, daily. RS = the symbol's close (benchmark flat at 100): 100, 110, 105.
/// // RSR at t=1: mean 105, sd 5 → 100 + 5/5 = 101; at t=2: mean 107.5, sd 2.5 → 99.
/// // RSM at t=2: window {101, 99}, mean 100, sd 1 → 99. One point: (99, 99), Lagging.
/// let t = parse_contract_json(r#"{"dates":["2026-03-02","2026-03-03","2026-03-04"],
///     "series":{"B":[100,100,100],"X":[100,110,105]}}"#).unwrap();
/// let params = RotationParams::new(Interval::Daily, 2, 10).unwrap().with_method(RotationMethod::Zscore);
/// let r = rotation(&t, 1, 0, 2, params).unwrap();
/// assert_eq!(r.points.len(), 1);
/// assert_eq!((r.points[0].rs_ratio, r.points[0].rs_momentum), (99.0, 99.0));
/// ```
pub fn rotation(table: &PriceTable, symbol: usize, benchmark: usize, to: usize, params: RotationParams) -> Result<SymbolRotation, AnalysisError> {
    let (Some(s), Some(b)) = (table.series_at(symbol), table.series_at(benchmark)) else {
        return Err(AnalysisError::NoData { detail: Said::new(NO_POSITION, &[("symbol", &symbol.to_string()), ("benchmark", &benchmark.to_string())]) });
    };
    let samples = sample(&table.dates, s, b, to, params.interval);
    let w = params.window;
    if samples.len() < params.samples_needed() {
        return Err(AnalysisError::TooFewPoints {
            what: Box::new(match params.method {
                RotationMethod::LogTrend => Said::plain(MOMENTUM_LOG_TREND),
                RotationMethod::Zscore => Said::new(MOMENTUM_ZSCORE, &[("window", &w.to_string())]),
            }),
            symbol: s.symbol.clone(),
            needed: params.samples_needed(),
            have: samples.len(),
            unit: match params.interval {
                Interval::Weekly => WEEKLY_SHARED,
                Interval::Daily => DAILY_SHARED,
            },
        });
    }
    let rs: Vec<f64> = samples.iter().map(|x| 100.0 * x.price / x.benchmark).collect();
    let points: Vec<RotationPoint> = rotation_lines(&rs, w, params.method)
        .into_iter()
        .zip(&samples)
        .filter_map(|(line, sample)| {
            let (rsr, rsm) = line?;
            Some(RotationPoint { date: sample.date, rs_ratio: rsr, rs_momentum: rsm, quadrant: Quadrant::of(rsr, rsm), partial: sample.partial, index: sample.index })
        })
        .collect();
    let transitions = points
        .iter()
        .zip(points.iter().skip(1))
        .filter(|(before, after)| before.quadrant != after.quadrant)
        .map(|(before, after)| Transition { date: after.date, from: before.quadrant, to: after.quadrant, partial: after.partial, index: after.index })
        .collect();
    Ok(SymbolRotation { position: symbol, points, transitions })
}

/// Rotation of every selected symbol. A symbol with too few shared closes (it started later)
/// is left out with a warning; if none can be computed, that is an error.
pub fn rotations(table: &PriceTable, selection: &Selection, to: usize, params: RotationParams) -> Result<(Vec<SymbolRotation>, Vec<Warning>), AnalysisError> {
    let mut out = Vec::with_capacity(selection.symbols.len());
    let mut warnings = Vec::new();
    let mut first_error = None;
    for &pos in &selection.symbols {
        match rotation(table, pos, selection.benchmark, to, params) {
            Ok(r) => out.push(r),
            Err(e) => {
                warnings.push(Warning::about("rotation_skipped", Some(table.symbol_at(pos)), NOT_ON_GRAPH, &[], Within::Error(e.clone())));
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(e) if out.is_empty() => Err(e),
        _ => Ok((out, warnings)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::input::parse_contract_json;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn series(closes: Vec<Option<f64>>) -> Series {
        Series { symbol: "S".into(), name: None, group: None, closes }
    }

    /// `n` weekdays from Monday 2025-06-02.
    fn weekdays(n: usize) -> Vec<Date> {
        (0..).map(|i| d("2025-06-02").add_days(i)).filter(|x| x.weekday() < 5).take(n).collect()
    }

    fn table(dates: &[Date], series: &[(&str, Vec<f64>)]) -> PriceTable {
        let dates_json: Vec<String> = dates.iter().map(|x| format!("\"{x}\"")).collect();
        let series_json: Vec<String> = series
            .iter()
            .map(|(s, v)| format!("\"{s}\":[{}]", v.iter().map(|x| format!("{x:?}")).collect::<Vec<_>>().join(",")))
            .collect();
        parse_contract_json(&format!(r#"{{"dates":[{}],"series":{{{}}}}}"#, dates_json.join(","), series_json.join(","))).unwrap()
    }

    #[test]
    fn weekly_samples_take_the_last_shared_day_of_each_week_and_flag_the_open_week() {
        // Mon 2025-06-02 .. Wed 2025-06-18: three ISO weeks, the last one open on Wednesday.
        let dates = weekdays(13);
        let mut sym: Vec<Option<f64>> = (0..13).map(|i| Some(10.0 + i as f64)).collect();
        sym[4] = None; // no close on Friday 06-06: that week's sample is Thursday 06-05
        let bench = series(vec![Some(100.0); 13]);
        let s = sample(&dates, &series(sym), &bench, 12, Interval::Weekly);
        let got: Vec<(String, f64, bool)> = s.iter().map(|x| (x.date.to_string(), x.price, x.partial)).collect();
        assert_eq!(
            got,
            vec![("2025-06-05".into(), 13.0, false), ("2025-06-13".into(), 19.0, false), ("2025-06-18".into(), 22.0, true)]
        );
        // As of Friday 06-13 the week is complete.
        let s = sample(&dates, &bench, &bench, 9, Interval::Weekly);
        assert!(!s.last().unwrap().partial);
        // Daily: every shared day, never partial.
        let s = sample(&dates, &bench, &bench, 12, Interval::Daily);
        assert_eq!(s.len(), 13);
        assert!(s.iter().all(|x| !x.partial));
    }

    #[test]
    fn the_alerts_feed_lists_the_newest_transitions_first() {
        let dates = weekdays(7);
        let t = table(&dates, &[("B", vec![100.0; 7]), ("X", vec![100.0, 110.0, 105.0, 120.0, 120.0, 110.0, 100.0]), ("Y", vec![100.0, 90.0, 95.0, 80.0, 80.0, 90.0, 100.0])]);
        let params = RotationParams::new(Interval::Daily, 2, 10).unwrap().with_method(RotationMethod::Zscore);
        let rots = vec![rotation(&t, 1, 0, 6, params).unwrap(), rotation(&t, 2, 0, 6, params).unwrap()];
        // X changes at indices 3, 4, 5, 6 (see hand_worked_daily_window_two). Y, worked the same
        // way: RSR −, 99, 101, 99, 100, 101, 101; RSM from t2: 101, 99, 101, 101, 100 → points
        // Leading, Lagging, Leading, Leading, Leading: changes at 3 and 4.
        let feed = latest_transitions(&rots, 4);
        let got: Vec<(usize, usize)> = feed.iter().map(|(p, t)| (*p, t.index)).collect();
        // Newest first; X and Y both change at 4, X first (its order).
        assert_eq!(got, vec![(1, 6), (1, 5), (1, 4), (2, 4)]);
        assert_eq!(feed[0].1.date.to_string(), "2025-06-10");
        assert_eq!(latest_transitions(&rots, 100).len(), rots.iter().map(|r| r.transitions.len()).sum::<usize>());
    }

    #[test]
    fn streaks_count_back_from_the_last_point() {
        let p = |rsr: f64, rsm: f64| RotationPoint { date: d("2026-01-05"), rs_ratio: rsr, rs_momentum: rsm, quadrant: Quadrant::of(rsr, rsm), partial: false, index: 0 };
        // Lagging, then Leading three times.
        let points = [p(99.0, 99.0), p(101.0, 101.0), p(102.0, 100.5), p(100.2, 100.0)];
        assert_eq!(periods_in_quadrant(&points), 3);
        assert_eq!(periods_in_quadrant(&points[..1]), 1);
        assert_eq!(periods_in_quadrant(&[]), 0);
    }

    #[test]
    fn weeks_straddling_new_year_are_one_week() {
        let dates: Vec<Date> = ["2025-12-29", "2025-12-30", "2025-12-31", "2026-01-02", "2026-01-05"].map(d).to_vec();
        let one = series(vec![Some(1.0); 5]);
        let s = sample(&dates, &one, &one, 4, Interval::Weekly);
        assert_eq!(s.iter().map(|x| x.date.to_string()).collect::<Vec<_>>(), ["2026-01-02", "2026-01-05"]);
    }

    #[test]
    fn standardize_hand_worked() {
        // Window 2 over 100, 110, 105, 120: population sd of a pair is half their distance.
        assert_eq!(standardize(&[100.0, 110.0, 105.0, 120.0], 2), vec![None, Some(101.0), Some(99.0), Some(101.0)]);
        // Window 3 over 1, 2, 3, 3: [1,2,3] mean 2, sd √(2/3): 3 → 100 + 1/√(2/3) = 101.2247...
        let z = standardize(&[1.0, 2.0, 3.0, 3.0], 3);
        assert!((z[2].unwrap() - (100.0 + 1.0 / (2.0f64 / 3.0).sqrt())).abs() < 1e-12);
        // [2,3,3] mean 8/3, sd √(2/9): 3 → 100 + (1/3)/(√2/3) = 100 + 1/√2.
        assert!((z[3].unwrap() - (100.0 + 1.0 / 2.0f64.sqrt())).abs() < 1e-12);
        // Constant windows are exactly 100.
        assert_eq!(standardize(&[5.0, 5.0, 5.0], 2), vec![None, Some(100.0), Some(100.0)]);
    }

    #[test]
    fn hand_worked_daily_window_two() {
        // Benchmark flat at 100, so RS is the symbol's close. Derivation in the comments:
        // RS   100 110 105 120 120 110 100
        // RSR   -  101  99 101 100  99  99   (pairs; equal pair → sd 0 → 100)
        // RSM   -   -   99 101  99  99 100   ({101,99}→99; {99,101}→101; {101,100}→99;
        //                                     {100,99}→99; {99,99} sd 0 → 100)
        let dates = weekdays(7);
        let t = table(&dates, &[("B", vec![100.0; 7]), ("X", vec![100.0, 110.0, 105.0, 120.0, 120.0, 110.0, 100.0])]);
        let r = rotation(&t, 1, 0, 6, RotationParams::new(Interval::Daily, 2, 10).unwrap().with_method(RotationMethod::Zscore)).unwrap();
        let got: Vec<(f64, f64, Quadrant)> = r.points.iter().map(|p| (p.rs_ratio, p.rs_momentum, p.quadrant)).collect();
        use Quadrant::*;
        assert_eq!(
            got,
            vec![(99.0, 99.0, Lagging), (101.0, 101.0, Leading), (100.0, 99.0, Weakening), (99.0, 99.0, Lagging), (99.0, 100.0, Improving)]
        );
        let changes: Vec<(String, Quadrant, Quadrant)> = r.transitions.iter().map(|x| (x.date.to_string(), x.from, x.to)).collect();
        assert_eq!(
            changes,
            vec![
                ("2025-06-05".into(), Lagging, Leading),
                ("2025-06-06".into(), Leading, Weakening),
                ("2025-06-09".into(), Weakening, Lagging),
                ("2025-06-10".into(), Lagging, Improving),
            ]
        );
        assert_eq!(r.periods_in_quadrant(), 1);
        // …, Weakening, Lagging: the last quadrant differs from the one before it.
        assert_eq!(periods_in_quadrant(&r.points[..4]), 1);
        assert_eq!(r.tail(2).len(), 2);
        assert_eq!(r.until(4).len(), 3);
        assert_eq!(timeline(std::slice::from_ref(&r)), vec![2, 3, 4, 5, 6]);
    }

    #[test]
    fn benchmark_against_itself_and_constant_multiples_sit_at_100() {
        let dates = weekdays(400);
        let b: Vec<f64> = (0..400).map(|i| 100.0 * (1.0 + 0.3 * (i as f64 / 17.0).sin()) * (1.0005f64).powi(i)).collect();
        let multiple: Vec<f64> = b.iter().map(|x| x * 2.5).collect();
        let third: Vec<f64> = b.iter().map(|x| x / 3.0).collect();
        let t = table(&dates, &[("B", b), ("M", multiple), ("T", third)]);
        for interval in [Interval::Weekly, Interval::Daily] {
            for (sym, method) in (0..3).flat_map(|s| RotationMethod::ALL.map(|m| (s, m))) {
                let r = rotation(&t, sym, 0, 399, RotationParams::new(interval, 14, 10).unwrap().with_method(method)).unwrap();
                assert!(!r.points.is_empty());
                for p in &r.points {
                    assert_eq!((p.rs_ratio, p.rs_momentum), (100.0, 100.0), "{interval:?} {method} symbol {sym} at {}", p.date);
                    assert_eq!(p.quadrant, Quadrant::Leading);
                }
                assert!(r.transitions.is_empty());
            }
        }
    }

    #[test]
    fn too_few_samples_is_an_error_saying_how_many_are_needed() {
        let dates = weekdays(20);
        let t = table(&dates, &[("SPY", vec![1.0; 20]), ("IWM", vec![2.0; 20])]);
        let e = rotation(&t, 1, 0, 19, RotationParams::default()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "RS-Momentum (log-trend) for IWM needs at least 31 weekly closes shared with the benchmark, but the data has 4"
        );
        let e = rotation(&t, 1, 0, 19, RotationParams::default().with_method(RotationMethod::Zscore)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "RS-Momentum (zscore, window 14) for IWM needs at least 27 weekly closes shared with the benchmark, but the data has 4"
        );
        assert!(RotationParams::new(Interval::Weekly, 1, 10).is_err());
        assert!(RotationParams::new(Interval::Weekly, 2, 0).is_err());
    }

    #[test]
    fn late_starters_are_skipped_with_a_warning_while_others_compute() {
        let dates = weekdays(60);
        // `zscore` with window 5 needs 2·5 − 1 = 9 samples; LATE has 8.
        let mut late: Vec<Option<f64>> = vec![None; 52];
        late.extend((0..8).map(|i| Some(1.0 + i as f64)));
        let t = PriceTable::validated(
            dates,
            vec![
                series(vec![Some(100.0); 60]),
                Series { symbol: "UP".into(), name: None, group: None, closes: (0..60).map(|i| Some(50.0 + i as f64)).collect() },
                Series { symbol: "LATE".into(), name: None, group: None, closes: late },
            ],
            crate::analysis::Adjustment::NotStated,
            None,
            vec![],
        )
        .unwrap();
        let sel = Selection { benchmark: 0, symbols: vec![1, 2] };
        let params = RotationParams::new(Interval::Daily, 5, 10).unwrap().with_method(RotationMethod::Zscore);
        let (rots, warnings) = rotations(&t, &sel, 59, params).unwrap();
        assert_eq!(rots.len(), 1);
        assert_eq!(warnings[0].symbol.as_deref(), Some("LATE"));
        assert!(warnings[0].message.contains("needs at least 9 daily closes"), "{}", warnings[0].message);
    }

    #[test]
    fn moving_average_hand_worked() {
        assert_eq!(moving_average(&[1.0, 2.0, 6.0], 2), vec![None, Some(1.5), Some(4.0)]);
    }

    /// `ln RS` values as RS.
    fn rs_of(log_rs: impl Iterator<Item = f64>) -> Vec<f64> {
        log_rs.map(|l| 100.0 * l.exp()).collect()
    }

    #[test]
    fn log_trend_hand_worked_jump() {
        // ln RS is 0 for 30 samples, then 0.3. At sample 29 both means are 0: RS-Ratio 100. At
        // sample 30 the 10-mean is 0.3/10 = 0.03 and the 30-mean 0.3/30 = 0.01: T = 0.02,
        // RS-Ratio 100 + 100 · 0.02 = 102, RS-Momentum 100 + 3 · (102 − 100) = 106.
        let rs = rs_of((0..31).map(|t| if t < 30 { 0.0 } else { 0.3 }));
        let lines = rotation_lines(&rs, 14, RotationMethod::LogTrend);
        assert_eq!(lines.iter().position(Option::is_some), Some(30), "the first point is sample 30");
        let (rsr, rsm) = lines[30].unwrap();
        assert!((rsr - 102.0).abs() < 1e-9 && (rsm - 106.0).abs() < 1e-9, "{rsr} {rsm}");
        assert_eq!(RotationMethod::LogTrend.samples_needed(14), 31);
        // The window does not change log-trend.
        assert_eq!(rotation_lines(&rs, 2, RotationMethod::LogTrend), lines);
        // zscore: sample 2w − 2.
        assert_eq!(rotation_lines(&rs, 2, RotationMethod::Zscore).iter().position(Option::is_some), Some(2));
    }

    #[test]
    fn log_trend_steady_trends_sit_still_and_stronger_trends_sit_further_right() {
        // RS growing by g per sample: ln RS = t · ln(1 + g), so T = 10 · ln(1 + g) every sample:
        // RS-Ratio 100 + 1000 · ln(1 + g), RS-Momentum 100.
        let mut previous = 100.0;
        for g in [0.0005f64, 0.001, 0.002, 0.005, 0.01, 0.02, 0.03] {
            for sign in [1.0, -1.0] {
                let step = (1.0 + sign * g).ln();
                let lines: Vec<(f64, f64)> = rotation_lines(&rs_of((0..80).map(|t| t as f64 * step)), 14, RotationMethod::LogTrend).into_iter().flatten().collect();
                assert_eq!(lines.len(), 50);
                for (r, m) in &lines {
                    assert!((r - (100.0 + 1000.0 * step)).abs() < 1e-9, "{g}: RS-Ratio {r}");
                    assert!((m - 100.0).abs() < 1e-9, "{g}: RS-Momentum {m}");
                }
                if sign > 0.0 {
                    assert!(lines[0].0 > previous, "RS-Ratio rises with g: {g}");
                    previous = lines[0].0;
                }
            }
        }
    }

    #[test]
    fn log_trend_distance_scales_with_log_relative_strength() {
        // ln RS′ = s · ln RS moves every point s times as far from 100/100, on both axes.
        let log_rs: Vec<f64> = (0..300).map(|t| 0.04 * (t as f64 / 9.0).sin() + 0.02 * (t as f64 / 23.0).cos() + 0.0007 * t as f64).collect();
        let base: Vec<(f64, f64)> = rotation_lines(&rs_of(log_rs.iter().copied()), 14, RotationMethod::LogTrend).into_iter().flatten().collect();
        for s in [0.5, 2.0, 4.0] {
            let scaled: Vec<(f64, f64)> = rotation_lines(&rs_of(log_rs.iter().map(|l| s * l)), 14, RotationMethod::LogTrend).into_iter().flatten().collect();
            for ((r, m), (r2, m2)) in base.iter().zip(&scaled) {
                assert!((r2 - 100.0 - s * (r - 100.0)).abs() < 1e-9 && (m2 - 100.0 - s * (m - 100.0)).abs() < 1e-9, "s = {s}");
            }
        }
    }

    #[test]
    fn log_trend_momentum_crosses_100_where_the_ratio_turns_and_rotates_clockwise() {
        // RS cycles with a 40-sample period: RS-Momentum is above 100 exactly while RS-Ratio is
        // rising, and the path turns clockwise around 100/100 (the cross product of position and
        // step is negative).
        let rs = rs_of((0..400).map(|t| 0.05 * (std::f64::consts::TAU * t as f64 / 40.0).sin()));
        let lines: Vec<(f64, f64)> = rotation_lines(&rs, 14, RotationMethod::LogTrend).into_iter().flatten().collect();
        for k in 1..lines.len() {
            assert_eq!(lines[k].1 >= 100.0, lines[k].0 >= lines[k - 1].0, "sample {k}");
        }
        let clockwise = lines.windows(2).filter(|p| {
            let (x, y) = (p[0].0 - 100.0, p[0].1 - 100.0);
            let (dx, dy) = (p[1].0 - p[0].0, p[1].1 - p[0].1);
            x * dy - y * dx < 0.0
        });
        assert!(clockwise.count() == lines.len() - 1, "every step turns clockwise");
    }
}
