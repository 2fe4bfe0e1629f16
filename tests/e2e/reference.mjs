// Independent reference implementation, written from the written specification
// only (period returns and RRG relative rotation), without reading the Rust
// implementation it is used to cross-check. Plain JavaScript ES module, Node 20,
// no dependencies. All date arithmetic is integer civil-date arithmetic (UTC),
// never local time zones. Clarity over speed: windows are recomputed with
// direct two-pass mean / population-sd summation (zscore) and direct means of
// ln RS (log-trend, the README's default rotation method; the retired ratio-roc
// is not offered and is refused with the README's message).
//
// Self-check: node tests/e2e/reference.mjs

// ---------------------------------------------------------------------------
// Civil date helpers (proleptic Gregorian, days since 1970-01-01)
// ---------------------------------------------------------------------------

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(s) {
  const m = DATE_RE.exec(s);
  if (!m) throw new Error(`bad date: ${JSON.stringify(s)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new Error(`bad date: ${JSON.stringify(s)}`);
  }
  return { y, m: mo, d };
}

function isLeap(y) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y, m) {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function pad(n, w) {
  return String(n).padStart(w, "0");
}

function fmtDate(y, m, d) {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

// Howard Hinnant's days_from_civil.
function daysFromCivil(y, m, d) {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// Howard Hinnant's civil_from_days.
function civilFromDays(z) {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y0 = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: y0 + (m <= 2 ? 1 : 0), m, d };
}

function dayNumber(s) {
  const { y, m, d } = parseDate(s);
  return daysFromCivil(y, m, d);
}

function dateFromDayNumber(n) {
  const { y, m, d } = civilFromDays(n);
  return fmtDate(y, m, d);
}

// Weekday with Monday = 0 ... Sunday = 6. Day 0 (1970-01-01) was a Thursday.
function weekdayMon0(dayNum) {
  return (((dayNum + 3) % 7) + 7) % 7;
}

// ISO-week key: the day number of the Monday starting the week (straddles
// year boundaries naturally).
function isoWeekKey(dateStr) {
  const n = dayNumber(dateStr);
  return n - weekdayMon0(n);
}

// ---------------------------------------------------------------------------
// 1. parseCsv
// ---------------------------------------------------------------------------

export function parseCsv(text) {
  const lines = text.split(/\r?\n/);
  const out = [];
  let headerSkipped = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    if (!headerSkipped) {
      headerSkipped = true;
      continue;
    }
    const [date, close] = line.split(",");
    out.push({ date: date.trim(), close: Number(close) });
  }
  return out;
}

// ---------------------------------------------------------------------------
// 2. periodStart
// ---------------------------------------------------------------------------

const MONTHS_BACK = { "1M": 1, "3M": 3, "6M": 6, "1Y": 12, "3Y": 36 };

function minusMonths(asOf, n) {
  const { y, m, d } = parseDate(asOf);
  const idx = y * 12 + (m - 1) - n; // months since year 0
  const ty = Math.floor(idx / 12);
  const tm = idx - ty * 12 + 1;
  return fmtDate(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

export function periodStart(asOf, period) {
  const { y } = parseDate(asOf);
  if (period === "1W") return dateFromDayNumber(dayNumber(asOf) - 7);
  if (Object.prototype.hasOwnProperty.call(MONTHS_BACK, period)) {
    return minusMonths(asOf, MONTHS_BACK[period]);
  }
  if (period === "YTD") return fmtDate(y - 1, 12, 31);
  if (typeof period === "string" && DATE_RE.test(period)) {
    parseDate(period); // validate
    return period;
  }
  throw new Error(`unknown period: ${JSON.stringify(period)}`);
}

// ---------------------------------------------------------------------------
// 3. periodReturn
// ---------------------------------------------------------------------------

function lastRowOnOrBefore(rows, date) {
  let found = null;
  for (const r of rows) {
    if (r.date <= date) found = r; // ISO dates compare lexicographically
  }
  return found;
}

export function periodReturn(rows, asOf, period) {
  const end = lastRowOnOrBefore(rows, asOf);
  const base = lastRowOnOrBefore(rows, periodStart(asOf, period));
  if (!end || !base) return null;
  return {
    startDate: base.date,
    endDate: end.date,
    startClose: base.close,
    endClose: end.close,
    returnPct: (end.close / base.close - 1) * 100,
  };
}

// ---------------------------------------------------------------------------
// 4. rotation (RRG)
// ---------------------------------------------------------------------------

function mean(xs) {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

function popSd(xs, mu) {
  let s = 0;
  for (const x of xs) s += (x - mu) * (x - mu);
  return Math.sqrt(s / xs.length);
}

// 100 + (x_t - mean(window)) / sd(window); window = last `w` values ending at t.
// Zero-sd rule: sd <= 1e-9 * |mean| -> exactly 100.
function zScore100(values, t, w) {
  const win = values.slice(t - w + 1, t + 1);
  const mu = mean(win);
  const sd = popSd(win, mu);
  if (sd <= 1e-9 * Math.abs(mu)) return 100;
  return 100 + (values[t] - mu) / sd;
}

function quadrantOf(rsRatio, rsMomentum) {
  if (rsRatio >= 100) return rsMomentum >= 100 ? "Leading" : "Weakening";
  return rsMomentum >= 100 ? "Improving" : "Lagging";
}

// --- log-trend helpers ---------------------------------------------------------
// README "Rotation methods", column `"log-trend"` (default):
//   RS-Ratio     T_t = mean₁₀(ln RS)_t − mean₃₀(ln RS)_t, then RSR_t = 100 + 100 · T_t
//   RS-Momentum  RSM_t = 100 + 3 · (RSR_t − RSR_{t−1})
//   parameters   fixed: 10 and 30 samples, scales 100 and 3 (`window` is not used)
//   first point  sample 30: 31 samples needed
//   numerically zero: |T| ≤ 1e-12 counts as 0
// README "Definitions": mean_n(x)_t is the mean of the last n values including t;
// a value exists only when every window it needs is full. Each window is
// recomputed directly from scratch; a window that is not full (reaches before
// the first sample or onto a value that does not exist) is a programming error
// here, because the loops below start exactly where every window is full.

const LOG_TREND_SHORT = 10; // mean₁₀ of ln RS (fixed)
const LOG_TREND_LONG = 30; // mean₃₀ of ln RS (fixed)
const LOG_TREND_RATIO_SCALE = 100; // RSR = 100 + 100 · T (fixed)
const LOG_TREND_MOMENTUM_SCALE = 3; // RSM = 100 + 3 · ΔRSR (fixed)
const LOG_TREND_ZERO = 1e-12; // |T| ≤ 1e-12 counts as 0

function fullWindow(values, t, n) {
  if (t - n + 1 < 0 || t >= values.length) throw new Error(`window of ${n} ending at ${t} is not full`);
  const win = values.slice(t - n + 1, t + 1);
  if (win.some((x) => typeof x !== "number")) throw new Error(`window of ${n} ending at ${t} has a missing value`);
  return win;
}

// mean_n(x)_t: the mean of the last n values including t.
function meanN(values, t, n) {
  return mean(fullWindow(values, t, n));
}

// Index (0-based sample number) of the first log-trend point: T needs 30
// samples (t >= 29), RS-Ratio exists wherever T does (t >= 29), RS-Momentum
// needs RS-Ratio at t and t − 1 (t >= 30). README: "sample 30: 31 samples needed".
const LOG_TREND_FIRST = LOG_TREND_LONG; // = (30 − 1) + 1

// Returns per-sample arrays (undefined where a value does not exist).
function logTrendSeries(rs) {
  const n = rs.length;
  // ln RS, per sample (README: "mean₁₀(ln RS)", RS computed as (100 × P) / B).
  const lnRs = rs.map((x) => Math.log(x));
  // T_t = mean₁₀(ln RS)_t − mean₃₀(ln RS)_t; |T| ≤ 1e-12 counts as 0.
  const T = new Array(n).fill(undefined);
  for (let t = LOG_TREND_LONG - 1; t < n; t++) {
    const trend = meanN(lnRs, t, LOG_TREND_SHORT) - meanN(lnRs, t, LOG_TREND_LONG);
    T[t] = Math.abs(trend) <= LOG_TREND_ZERO ? 0 : trend;
  }
  // RSR_t = 100 + 100 · T_t.
  const rsr = new Array(n).fill(undefined);
  for (let t = LOG_TREND_LONG - 1; t < n; t++) rsr[t] = 100 + LOG_TREND_RATIO_SCALE * T[t];
  // RSM_t = 100 + 3 · (RSR_t − RSR_{t−1}).
  const rsm = new Array(n).fill(undefined);
  for (let t = LOG_TREND_FIRST; t < n; t++) {
    if (rsr[t] === undefined || rsr[t - 1] === undefined) throw new Error(`RS-Ratio missing at ${t}`);
    rsm[t] = 100 + LOG_TREND_MOMENTUM_SCALE * (rsr[t] - rsr[t - 1]);
  }
  return { lnRs, T, rsr, rsm };
}

// --- samples (shared by both methods) ------------------------------------------

function rotationSamples(symRows, benchRows, asOf, interval) {
  const bench = new Map();
  for (const r of benchRows) if (r.date <= asOf) bench.set(r.date, r.close);

  // Pair days: dates <= asOf on which both series have a row.
  const pairs = [];
  for (const r of symRows) {
    if (r.date <= asOf && bench.has(r.date)) {
      pairs.push({ date: r.date, p: r.close, b: bench.get(r.date) });
    }
  }
  pairs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  if (interval === "daily") return pairs.map((x) => ({ ...x, partial: false }));

  // Data day D: latest benchmark date <= asOf.
  let D = null;
  for (const d of bench.keys()) if (D === null || d > D) D = d;
  let partialWeek = null;
  if (D !== null && weekdayMon0(dayNumber(D)) <= 3) partialWeek = isoWeekKey(D);

  const samples = [];
  let curKey = null;
  for (const x of pairs) {
    const key = isoWeekKey(x.date);
    const s = { ...x, partial: key === partialWeek };
    if (key === curKey) samples[samples.length - 1] = s; // keep LAST pair day of week
    else samples.push(s);
    curKey = key;
  }
  return samples;
}

// README: the retired `ratio-roc` is refused with this message (config and analyze()).
export const RATIO_ROC_RETIRED =
  'option `rotation.method` = "ratio-roc": ratio-roc was retired: it measured each symbol in its own units, so distance from 100 did not mean strength; use log-trend (the default) or zscore';

// rotation(symRows, benchRows, asOf, { interval, window, method })
//   interval: "weekly" (default) | "daily"
//   window:   w, default 14; README: "A window below 2 is an error" (log-trend
//             does not use it, it is still checked); zscore keeps accepting
//             w >= 1 here as before, for the self-check's grouping cases
//   method:   "log-trend" (default, as in the README) | "zscore"; the retired
//             "ratio-roc" throws the README's message
// Returns [{ date, rsRatio, rsMomentum, quadrant, partial }], one per sample
// from the first sample where every window is full (log-trend: sample 30;
// zscore: sample 2w - 2).
export function rotation(symRows, benchRows, asOf, { interval = "weekly", window = 14, method = "log-trend" } = {}) {
  if (interval !== "weekly" && interval !== "daily") {
    throw new Error(`unknown interval: ${JSON.stringify(interval)}`);
  }
  if (method === "ratio-roc") throw new Error(RATIO_ROC_RETIRED);
  if (method !== "log-trend" && method !== "zscore") {
    throw new Error(`unknown method: ${JSON.stringify(method)}`);
  }
  if (!Number.isInteger(window) || window < 1) throw new Error(`bad window: ${window}`);
  if (method === "log-trend" && window < 2) throw new Error(`bad window (README: a window below 2 is an error): ${window}`);

  // README "Samples" and "RS_t = 100 × P_t / B_t", computed as (100 × P) / B.
  const samples = rotationSamples(symRows, benchRows, asOf, interval);
  const rs = samples.map((s) => (100 * s.p) / s.b);

  const points = [];
  if (method === "log-trend") {
    const { rsr, rsm } = logTrendSeries(rs);
    // README "first point": sample 30 (31 samples needed).
    for (let t = LOG_TREND_FIRST; t < samples.length; t++) {
      points.push({
        date: samples[t].date,
        rsRatio: rsr[t],
        rsMomentum: rsm[t],
        quadrant: quadrantOf(rsr[t], rsm[t]),
        partial: samples[t].partial,
      });
    }
    return points;
  }

  // zscore (RRGPy / RRG-Lite)
  const rsr = new Array(samples.length).fill(undefined);
  for (let t = window - 1; t < samples.length; t++) rsr[t] = zScore100(rs, t, window);

  for (let t = 2 * (window - 1); t < samples.length; t++) {
    const rsRatio = rsr[t];
    const rsMomentum = zScore100(rsr, t, window); // window lies within t >= window-1
    points.push({
      date: samples[t].date,
      rsRatio,
      rsMomentum,
      quadrant: quadrantOf(rsRatio, rsMomentum),
      partial: samples[t].partial,
    });
  }
  return points;
}

// ---------------------------------------------------------------------------
// 5. transitions
// ---------------------------------------------------------------------------

export function transitions(points) {
  const out = [];
  for (let i = 1; i < points.length; i++) {
    if (points[i].quadrant !== points[i - 1].quadrant) {
      out.push({ date: points[i].date, from: points[i - 1].quadrant, to: points[i].quadrant });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Self-check
// ---------------------------------------------------------------------------

if (import.meta.url === `file://${process.argv[1]}`) {
  const fs = await import("node:fs");
  let failures = 0;
  const check = (label, actual, expected) => {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    if (a === e) console.log(`ok   ${label}`);
    else {
      failures++;
      console.log(`FAIL ${label}\n     expected ${e}\n     actual   ${a}`);
    }
  };

  const quadrantsSeen = (pts) => new Set(pts.map((p) => p.quadrant)).size;

  // --- periodStart: month clamp and the other period kinds ---
  check("2026-03-31 - 1M", periodStart("2026-03-31", "1M"), "2026-02-28");
  check("2024-03-31 - 1M", periodStart("2024-03-31", "1M"), "2024-02-29");
  check("2024-02-29 - 1Y", periodStart("2024-02-29", "1Y"), "2023-02-28");
  check("2026-01-15 - 3M", periodStart("2026-01-15", "3M"), "2025-10-15");
  check("2026-08-31 - 6M", periodStart("2026-08-31", "6M"), "2026-02-28");
  check("2026-07-13 - 3Y", periodStart("2026-07-13", "3Y"), "2023-07-13");
  check("2026-01-03 - 1W", periodStart("2026-01-03", "1W"), "2025-12-27");
  check("2024-03-05 - 1W", periodStart("2024-03-05", "1W"), "2024-02-27");
  check("YTD 2026-07-13", periodStart("2026-07-13", "YTD"), "2025-12-31");
  check("custom", periodStart("2026-07-13", "2020-05-01"), "2020-05-01");

  // --- date helpers ---
  check("weekday 2026-07-13 is Monday", weekdayMon0(dayNumber("2026-07-13")), 0);
  check(
    "ISO week 2025-12-29..2026-01-04 is one week",
    [isoWeekKey("2025-12-29"), isoWeekKey("2026-01-04")].every((k) => k === isoWeekKey("2025-12-31")) &&
      isoWeekKey("2026-01-05") !== isoWeekKey("2026-01-04") &&
      isoWeekKey("2025-12-28") !== isoWeekKey("2025-12-29"),
    true,
  );
  {
    let okRound = true;
    for (let n = dayNumber("1900-01-01"); n <= dayNumber("2100-12-31"); n++) if (dayNumber(dateFromDayNumber(n)) !== n) okRound = false;
    check("civil date round trip", okRound, true);
  }

  // --- parseCsv / periodReturn on a toy file ---
  const toy = parseCsv("Date,Close\r\n2025-12-30,100\r\n\r\n2025-12-31,80\r\n2026-01-02,100\r\n");
  check("parseCsv", toy, [
    { date: "2025-12-30", close: 100 },
    { date: "2025-12-31", close: 80 },
    { date: "2026-01-02", close: 100 },
  ]);
  check("periodReturn YTD toy", periodReturn(toy, "2026-01-05", "YTD"), {
    startDate: "2025-12-31",
    endDate: "2026-01-02",
    startClose: 80,
    endClose: 100,
    returnPct: 25,
  });
  check("periodReturn null when no base", periodReturn(toy, "2026-01-05", "1M"), null);

  // --- rotation checks (zscore first; log-trend, the default, further down) ---
  const real = (sym) => parseCsv(fs.readFileSync(`/work/shared/data/prices/${sym}.csv`, "utf8"));
  const spy = real("SPY");
  const iwm = real("IWM");
  const asOf = "2026-07-13";

  for (const interval of ["weekly", "daily"]) {
    const self = rotation(spy, spy, asOf, { interval, window: 14, method: "zscore" });
    check(
      `zscore: SPY vs itself (${interval}) all exactly 100/100 Leading`,
      self.length > 0 && self.every((p) => p.rsRatio === 100 && p.rsMomentum === 100 && p.quadrant === "Leading"),
      true,
    );
    const scaled = spy.map((r) => ({ date: r.date, close: 2.5 * r.close }));
    const sc = rotation(scaled, spy, asOf, { interval, window: 14, method: "zscore" });
    check(
      `zscore: 2.5 x SPY vs SPY (${interval}) all exactly 100/100 Leading`,
      sc.length > 0 && sc.every((p) => p.rsRatio === 100 && p.rsMomentum === 100 && p.quadrant === "Leading"),
      true,
    );
  }

  // --- zscore: hand-worked case, window = 2, daily ---
  // Benchmark constant 100, so RS_t = 100 * P_t / 100 = P_t.
  //   idx:   0    1    2    3    4    5    6
  //   RS:  100  110  105  120  120  110  100
  // With window 2 the window is {x_{t-1}, x_t}: mean = (x_{t-1}+x_t)/2 and
  // population sd = |x_t - x_{t-1}|/2, so z = +1 if rising, -1 if falling,
  // and the zero-sd rule gives exactly 100 when equal.
  //   RSR idx1: {100,110} mean 105,  sd 5   -> 100 + 5/5       = 101
  //   RSR idx2: {110,105} mean 107.5,sd 2.5 -> 100 - 2.5/2.5   =  99
  //   RSR idx3: {105,120} mean 112.5,sd 7.5 -> 100 + 7.5/7.5   = 101
  //   RSR idx4: {120,120} sd 0              ->                   100
  //   RSR idx5: {120,110} mean 115,  sd 5   -> 100 - 5/5       =  99
  //   RSR idx6: {110,100} mean 105,  sd 5   -> 100 - 5/5       =  99
  // Momentum (first defined at idx 2 = 2*(2-1)):
  //   idx2: {101, 99} mean 100,  sd 1   -> 100 - 1     =  99  -> (99, 99)  Lagging
  //   idx3: { 99,101} mean 100,  sd 1   -> 100 + 1     = 101  -> (101,101) Leading
  //   idx4: {101,100} mean 100.5,sd 0.5 -> 100 - 1     =  99  -> (100, 99) Weakening
  //   idx5: {100, 99} mean 99.5, sd 0.5 -> 100 - 1     =  99  -> (99, 99)  Lagging
  //   idx6: { 99, 99} sd 0              ->               100  -> (99, 100) Improving
  // Transitions: idx3 Lagging->Leading, idx4 Leading->Weakening,
  //              idx5 Weakening->Lagging, idx6 Lagging->Improving.
  // An extra symbol-only day (2026-03-04) and benchmark-only day (2026-03-11)
  // must be ignored (not pair days), as must a day after asOf (2026-03-16).
  {
    const dates = ["2026-03-02", "2026-03-03", "2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10", "2026-03-12"];
    const closes = [100, 110, 105, 120, 120, 110, 100];
    const sym = dates.map((d, i) => ({ date: d, close: closes[i] }));
    sym.splice(2, 0, { date: "2026-03-04", close: 999 });
    sym.push({ date: "2026-03-16", close: 1 });
    const ben = dates.map((d) => ({ date: d, close: 100 }));
    ben.splice(6, 0, { date: "2026-03-11", close: 1 });
    ben.push({ date: "2026-03-16", close: 1000 });
    const pts = rotation(sym, ben, "2026-03-13", { interval: "daily", window: 2, method: "zscore" });
    check(
      "zscore hand-worked window=2 points",
      pts.map((p) => [p.date, p.rsRatio, p.rsMomentum, p.quadrant, p.partial]),
      [
        ["2026-03-05", 99, 99, "Lagging", false],
        ["2026-03-06", 101, 101, "Leading", false],
        ["2026-03-09", 100, 99, "Weakening", false],
        ["2026-03-10", 99, 99, "Lagging", false],
        ["2026-03-12", 99, 100, "Improving", false],
      ],
    );
    check("zscore hand-worked window=2 transitions", transitions(pts), [
      { date: "2026-03-06", from: "Lagging", to: "Leading" },
      { date: "2026-03-09", from: "Leading", to: "Weakening" },
      { date: "2026-03-10", from: "Weakening", to: "Lagging" },
      { date: "2026-03-12", from: "Lagging", to: "Improving" },
    ]);
  }

  // --- weekly grouping + partial flag ---
  // Pair days: Tue 2025-12-23, Fri 2025-12-26 (week A), Mon 2025-12-29,
  // Fri 2026-01-02 (week B straddles the year), Mon 2026-01-05, Wed 2026-01-07 (week C).
  // Weekly samples = last pair day per week: 12-26, 01-02, 01-07.
  // With window=1, sd of a single value is 0 -> every value is 100.
  {
    const ds = ["2025-12-23", "2025-12-26", "2025-12-29", "2026-01-02", "2026-01-05", "2026-01-07"];
    const s = ds.map((d, i) => ({ date: d, close: 10 + i }));
    const b = ds.map((d) => ({ date: d, close: 50 }));
    const w = rotation(s, b, "2026-01-08", { interval: "weekly", window: 1, method: "zscore" });
    check(
      "weekly grouping, D=Wed -> last week partial",
      w.map((p) => [p.date, p.partial, p.rsRatio, p.rsMomentum]),
      [
        ["2025-12-26", false, 100, 100],
        ["2026-01-02", false, 100, 100],
        ["2026-01-07", true, 100, 100],
      ],
    );
    // D is data day (latest benchmark date <= asOf), not asOf: asOf Sunday
    // 2026-01-11 but D = Wed 2026-01-07 -> still partial.
    const w2 = rotation(s, b, "2026-01-11", { interval: "weekly", window: 1, method: "zscore" });
    check("partial uses data day, not asOf", w2.at(-1).partial, true);
    // D on Friday -> not partial.
    const b3 = [...b, { date: "2026-01-09", close: 50 }];
    const s3 = [...s, { date: "2026-01-09", close: 20 }];
    const w3 = rotation(s3, b3, "2026-01-09", { interval: "weekly", window: 1, method: "zscore" });
    check("D=Fri -> not partial", [w3.at(-1).date, w3.at(-1).partial], ["2026-01-09", false]);
    // Daily never partial.
    check("daily never partial", rotation(s, b, "2026-01-08", { interval: "daily", window: 1, method: "zscore" }).some((p) => p.partial), false);
  }

  // --- zscore: first point index 2*window-2 ---
  {
    const daily = rotation(iwm, spy, asOf, { interval: "daily", window: 14, method: "zscore" });
    const pairs = iwm.filter((r) => r.date <= asOf && spy.some((x) => x.date === r.date));
    check("zscore: first point is sample 2*window-2 (daily)", daily[0].date, pairs[26].date);
    check("zscore: daily count = pairs - 26", daily.length, pairs.length - 26);
  }

  // =========================================================================
  // log-trend (the README's default method), checks derived from the README
  // =========================================================================
  const pairDays = (sym, ben, upTo) => {
    const bd = new Set(ben.filter((r) => r.date <= upTo).map((r) => r.date));
    return sym.filter((r) => r.date <= upTo && bd.has(r.date)).map((r) => r.date).sort();
  };
  const weeklyDays = (days) => {
    const out = [];
    for (const d of days) {
      if (out.length && isoWeekKey(out.at(-1)) === isoWeekKey(d)) out[out.length - 1] = d;
      else out.push(d);
    }
    return out;
  };
  // Consecutive weekdays (Mon-Fri) from a Monday, or consecutive Fridays.
  const weekdaysFrom = (startMonday, n) => {
    const out = [];
    for (let k = dayNumber(startMonday); out.length < n; k++) if (weekdayMon0(k) <= 4) out.push(dateFromDayNumber(k));
    return out;
  };
  const fridaysFrom = (startFriday, n) => Array.from({ length: n }, (_, i) => dateFromDayNumber(dayNumber(startFriday) + 7 * i));
  const thrown = (f) => {
    try {
      f();
      return null;
    } catch (e) {
      return e.message;
    }
  };

  // --- the default method is log-trend; ratio-roc is retired; bad options are refused ---
  {
    const dflt = rotation(iwm, spy, asOf);
    const lt = rotation(iwm, spy, asOf, { interval: "weekly", window: 14, method: "log-trend" });
    const zs = rotation(iwm, spy, asOf, { interval: "weekly", window: 14, method: "zscore" });
    check("default method is log-trend", JSON.stringify(dflt) === JSON.stringify(lt) && JSON.stringify(lt) !== JSON.stringify(zs), true);
    // README: `window` is not used by log-trend.
    check("log-trend ignores the window", JSON.stringify(rotation(iwm, spy, asOf, { window: 2 })) === JSON.stringify(rotation(iwm, spy, asOf, { window: 40 })), true);
    check("unknown method refused", thrown(() => rotation(iwm, spy, asOf, { method: "jdk" })) !== null, true);
    check("ratio-roc refused with the README's message", thrown(() => rotation(iwm, spy, asOf, { method: "ratio-roc" })), RATIO_ROC_RETIRED);
    check("window 1 refused (README: a window below 2 is an error)", thrown(() => rotation(iwm, spy, asOf, { window: 1 })) !== null, true);
  }

  // --- benchmark vs itself and constant multiples: exactly 100/100 everywhere ---
  // README "Edge cases": P/B of a constant multiple wobbles in the last bit, so
  // T is a few 1e-16 at most, |T| <= 1e-12 counts as 0, RSR is exactly 100,
  // RSR - RSR_{t-1} is exactly 0 and RSM exactly 100.
  for (const interval of ["weekly", "daily"]) {
    const days = pairDays(spy, spy, asOf);
    const nSamples = interval === "weekly" ? weeklyDays(days).length : days.length;
    for (const [label, f] of [
      ["SPY", (c) => c],
      ["2.5 x SPY", (c) => 2.5 * c],
      ["SPY / 3", (c) => c / 3],
      ["SPY x 0.7", (c) => c * 0.7],
    ]) {
      const sym = spy.map((r) => ({ date: r.date, close: f(r.close) }));
      const pts = rotation(sym, spy, asOf, { interval, method: "log-trend" });
      check(
        `log-trend: ${label} vs SPY (${interval}) all exactly 100/100 Leading, ${nSamples} - 30 points`,
        pts.length === nSamples - 30 && pts.length > 0 && pts.every((p) => p.rsRatio === 100 && p.rsMomentum === 100 && p.quadrant === "Leading"),
        true,
      );
    }
  }

  // --- steady trend: RS growing by g per sample sits still at 100 + 1000 ln(1 + g) / 100 ---
  // README "Edge cases". ln RS_t = ln RS_0 + t ln(1 + g), so the mean of the last
  // 10 is ln RS_0 + (t - 4.5) ln(1 + g), of the last 30 ln RS_0 + (t - 14.5) ln(1 + g):
  // T = 10 ln(1 + g), RSR = 100 + 1000 ln(1 + g), the same every sample, so
  // RSR_t - RSR_{t-1} = 0 and RSM = 100 (up to rounding in the last bits: the
  // README gives no threshold for the change of RS-Ratio, so the quadrant of a
  // steady trend, Leading or Weakening, is decided by rounding and not checked).
  // The benchmark wobbles (not constant) so P/B really is a division.
  for (const interval of ["weekly", "daily"]) {
    const n = 120;
    const dates = interval === "weekly" ? fridaysFrom("2024-01-05", n) : weekdaysFrom("2024-01-01", n);
    const ben = dates.map((d, t) => ({ date: d, close: 100 * (1 + 0.1 * Math.sin(t / 7)) }));
    const heads = [];
    for (const g of [-0.05, -0.01, -0.002, 0.002, 0.01, 0.05]) {
      const sym = ben.map((r, t) => ({ date: r.date, close: r.close * (1 + g) ** t }));
      const pts = rotation(sym, ben, dates.at(-1), { interval, method: "log-trend" });
      const target = 100 + 1000 * Math.log(1 + g);
      heads.push(pts.at(-1).rsRatio);
      check(
        `log-trend: RS growing by ${g} per sample (${interval}) RS-Ratio ${target.toFixed(6)} and RS-Momentum 100 within 1e-9, ${n} - 30 points`,
        pts.length === n - 30 && pts.every((p) => Math.abs(p.rsRatio - target) <= 1e-9 && Math.abs(p.rsMomentum - 100) <= 1e-9),
        true,
      );
    }
    check(`log-trend: steady trends (${interval}) RS-Ratio rises strictly with g`, heads.every((h, i) => i === 0 || h > heads[i - 1]), true);
  }

  // --- first point is sample 30 (31 samples needed: 31 weekly closes, 30 weeks) ---
  {
    const days = pairDays(iwm, spy, asOf);
    const pts = rotation(iwm, spy, asOf, { interval: "daily", method: "log-trend" });
    check("log-trend daily: first point is sample 30", [pts[0].date, pts.length], [days[30], days.length - 30]);
    // Cut the history: 30 samples give no point, 31 give exactly one.
    const none = rotation(iwm, spy, days[29], { interval: "daily", method: "log-trend" });
    const one = rotation(iwm, spy, days[30], { interval: "daily", method: "log-trend" });
    check("log-trend daily: 30 samples -> 0 points, 31 -> 1", [none.length, one.map((p) => p.date)], [0, [days[30]]]);
    // The points that exist do not depend on how much later data there is.
    check("log-trend daily: the one point equals the full run's first", JSON.stringify(one[0]) === JSON.stringify(pts[0]), true);
  }
  {
    const weeks = weeklyDays(pairDays(iwm, spy, asOf));
    const pts = rotation(iwm, spy, asOf, { interval: "weekly", method: "log-trend" });
    check("log-trend weekly: first point is the 31st weekly close", [pts[0].date, pts.length], [weeks[30], weeks.length - 30]);
    // As of the Friday of the 31st week: one point (30 weeks after the first close).
    const one = rotation(iwm, spy, weeks[30], { interval: "weekly", method: "log-trend" });
    check("log-trend weekly: 31 weekly closes -> 1 point, 30 weeks after the first", [one.length, one[0].date, dayNumber(weeks[30]) - isoWeekKey(weeks[0]) >= 7 * 30], [1, weeks[30], true]);
  }

  // --- RS-Momentum >= 100 exactly when RS-Ratio did not fall over the last sample ---
  // RSM_t - 100 = 3 (RSR_t - RSR_{t-1}): momentum leads the ratio.
  {
    const n = 400;
    for (const interval of ["daily", "weekly"]) {
      const dates = interval === "weekly" ? fridaysFrom("2018-01-05", n) : weekdaysFrom("2018-01-01", n);
      const ben = dates.map((d, t) => ({ date: d, close: 200 + 30 * Math.cos(t / 11) }));
      const sym = ben.map((r, t) => ({ date: r.date, close: r.close * Math.exp(0.05 * Math.sin((2 * Math.PI * t) / 40)) }));
      const pts = rotation(sym, ben, dates.at(-1), { interval, method: "log-trend" });
      let agree = 0;
      let up = 0;
      for (let i = 1; i < pts.length; i++) {
        const rising = pts[i].rsRatio >= pts[i - 1].rsRatio;
        if ((pts[i].rsMomentum >= 100) === rising) agree++;
        if (rising) up++;
      }
      const m = pts.length - 1;
      check(
        `log-trend: 40-sample sine in ln RS (${interval}) RSM >= 100 <=> RSR >= RSR one back, ${m} of ${m} (both signs seen)`,
        [agree, up > 0 && up < m, quadrantsSeen(pts)],
        [m, true, 4],
      );
    }
    // The same on real data, every ETF vs SPY, weekly and daily.
    let agree = 0;
    let total = 0;
    for (const f of fs.readdirSync("/work/shared/data/prices").filter((x) => x.endsWith(".csv") && x !== "SPY.csv")) {
      for (const interval of ["weekly", "daily"]) {
        const pts = rotation(real(f.slice(0, -4)), spy, asOf, { interval, method: "log-trend" });
        for (let i = 1; i < pts.length; i++) {
          total++;
          if ((pts[i].rsMomentum >= 100) === (pts[i].rsRatio >= pts[i - 1].rsRatio)) agree++;
        }
      }
    }
    check(`log-trend: real ETFs vs SPY, RSM >= 100 <=> RSR >= RSR one back (${total} points)`, [total > 0, agree], [true, total]);
  }

  // --- proportional: closes P' = B (P/B)^s move every point s times as far on each axis ---
  // README "What each method does": ln RS' = ln 100 + s ln(P/B), so the means of
  // ln RS' differ by s times those of ln RS, T' = s T, RSR' - 100 = s (RSR - 100)
  // and RSM' - 100 = s (RSM - 100).
  for (const interval of ["weekly", "daily"]) {
    const byDate = new Map(spy.map((r) => [r.date, r.close]));
    const base = rotation(iwm, spy, asOf, { interval, method: "log-trend" });
    let worst = 0;
    for (const s of [0.5, 2, 4]) {
      const scaled = iwm.filter((r) => byDate.has(r.date)).map((r) => ({ date: r.date, close: byDate.get(r.date) * (r.close / byDate.get(r.date)) ** s }));
      const pts = rotation(scaled, spy, asOf, { interval, method: "log-trend" });
      if (pts.length !== base.length) worst = Infinity;
      pts.forEach((p, i) => {
        worst = Math.max(worst, Math.abs(p.rsRatio - 100 - s * (base[i].rsRatio - 100)), Math.abs(p.rsMomentum - 100 - s * (base[i].rsMomentum - 100)));
      });
    }
    check(`log-trend: IWM vs SPY (${interval}) with ln RS x 0.5, 2, 4: every point s times as far, within 1e-9`, worst <= 1e-9, true);
  }

  // --- hand-worked log-trend case, daily ---
  // Benchmark constant 100, so RS_t = (100 × P_t) / 100 = P_t. Write a = ln 1.1 and
  // ln RS_t = ln 100 + e_t · a. 36 samples (0..35):
  //   t:    0..29   30    31    32    33          34        35
  //   RS:   100     110   110   121   100/1.4641  100/1.1   100·√1.1
  //   e_t:  0       1     1     2     −4          −1        0.5
  // Every nonzero e_t lies in both the last 10 and the last 30 samples of t ≤ 35, so
  // T_t = (Σ e) · a · (1/10 − 1/30) = (Σ e) · a/15, with a/15 = 0.006354011986954991:
  //   t    Σe    T            RSR = 100 + 100 T        RSM = 100 + 3 (RSR_t − RSR_{t−1})
  //   29   0     0            100 (|T| ≤ 1e-12 → 0)     (no point: sample 29)
  //   30   1     a/15         100.635401198695499      101.906203596086497   Leading
  //   31   2     2a/15        101.270802397390998      101.906203596086497   Leading
  //   32   4     4a/15        102.541604794781996      103.812407192172995   Leading
  //   33   0     0 (rounding) 100 exactly              92.375185615654012    Weakening
  //   34   −1    −a/15        99.364598801304501       98.093796403913503    Lagging
  //   35   −0.5  −a/30        99.682299400652250       100.953101798043249   Improving
  // Transitions: 33 Leading → Weakening, 34 Weakening → Lagging, 35 Lagging → Improving.
  {
    const rsv = [...Array(30).fill(100), 110, 110, 121, 100 / 1.4641, 100 / 1.1, 100 * Math.sqrt(1.1)];
    const dates = weekdaysFrom("2026-01-05", rsv.length);
    const sym = dates.map((d, i) => ({ date: d, close: rsv[i] }));
    const ben = dates.map((d) => ({ date: d, close: 100 }));
    const pts = rotation(sym, ben, dates.at(-1), { interval: "daily", method: "log-trend" });
    const expected = [
      [100.635401198695499, 101.906203596086497, "Leading"],
      [101.270802397390998, 101.906203596086497, "Leading"],
      [102.541604794781996, 103.812407192172995, "Leading"],
      [100, 92.375185615654012, "Weakening"],
      [99.364598801304501, 98.093796403913503, "Lagging"],
      [99.68229940065225, 100.953101798043249, "Improving"],
    ];
    const near = (a, b) => Math.abs(a - b) <= 1e-12;
    check(
      "log-trend hand-worked: six points, samples 30..35, quadrants",
      pts.map((p) => [p.date, p.quadrant, p.partial]),
      expected.map((e, i) => [dates[30 + i], e[2], false]),
    );
    check(
      "log-trend hand-worked: RS-Ratio and RS-Momentum within 1e-12, RS-Ratio exactly 100 at sample 33",
      [pts.every((p, i) => near(p.rsRatio, expected[i][0]) && near(p.rsMomentum, expected[i][1])), pts[3].rsRatio === 100],
      [true, true],
    );
    check("log-trend hand-worked: transitions", transitions(pts), [
      { date: dates[33], from: "Leading", to: "Weakening" },
      { date: dates[34], from: "Weakening", to: "Lagging" },
      { date: dates[35], from: "Lagging", to: "Improving" },
    ]);
    check(
      "log-trend hand-worked: 31 samples -> 1 point, 30 -> 0",
      [rotation(sym, ben, dates[30], { interval: "daily" }).length, rotation(sym, ben, dates[29], { interval: "daily" }).length],
      [1, 0],
    );
  }

  // --- real data, printed for a human ---
  for (const method of ["zscore", "log-trend"]) {
    const rot = rotation(iwm, spy, asOf, { interval: "weekly", window: 14, method });
    console.log(`\nIWM vs SPY weekly rotation (${method}, window 14), as of`, asOf, "- last 3 points:");
    for (const p of rot.slice(-3)) console.log("  ", JSON.stringify(p));
  }
  console.log("IWM YTD as of", asOf, ":", JSON.stringify(periodReturn(iwm, asOf, "YTD")));

  if (failures) {
    console.log(`\n${failures} check(s) FAILED`);
    process.exit(1);
  }
  console.log("\nall checks passed");
}
