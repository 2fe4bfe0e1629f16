// Independent reference implementation, written from the written specification
// only (period returns and RRG relative rotation), without reading the Rust
// implementation it is used to cross-check. Plain JavaScript ES module, Node 20,
// no dependencies. All date arithmetic is integer civil-date arithmetic (UTC),
// never local time zones. Clarity over speed: windows are recomputed with
// direct two-pass mean / population-sd summation.
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

export function rotation(symRows, benchRows, asOf, { interval = "weekly", window = 14 } = {}) {
  if (interval !== "weekly" && interval !== "daily") {
    throw new Error(`unknown interval: ${JSON.stringify(interval)}`);
  }
  if (!Number.isInteger(window) || window < 1) throw new Error(`bad window: ${window}`);

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

  // Samples.
  let samples;
  if (interval === "daily") {
    samples = pairs.map((x) => ({ ...x, partial: false }));
  } else {
    // Data day D: latest benchmark date <= asOf.
    let D = null;
    for (const d of bench.keys()) if (D === null || d > D) D = d;
    let partialWeek = null;
    if (D !== null && weekdayMon0(dayNumber(D)) <= 3) partialWeek = isoWeekKey(D);

    samples = [];
    let curKey = null;
    for (const x of pairs) {
      const key = isoWeekKey(x.date);
      const s = { ...x, partial: key === partialWeek };
      if (key === curKey) samples[samples.length - 1] = s; // keep LAST pair day of week
      else samples.push(s);
      curKey = key;
    }
  }

  const rs = samples.map((s) => (100 * s.p) / s.b);

  const rsr = new Array(samples.length).fill(undefined);
  for (let t = window - 1; t < samples.length; t++) rsr[t] = zScore100(rs, t, window);

  const points = [];
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

  // --- synthetic series for rotation checks ---
  const real = (sym) => parseCsv(fs.readFileSync(`/work/shared/data/prices/${sym}.csv`, "utf8"));
  const spy = real("SPY");
  const iwm = real("IWM");
  const asOf = "2026-07-13";

  for (const interval of ["weekly", "daily"]) {
    const self = rotation(spy, spy, asOf, { interval, window: 14 });
    check(
      `SPY vs itself (${interval}) all exactly 100/100 Leading`,
      self.length > 0 && self.every((p) => p.rsRatio === 100 && p.rsMomentum === 100 && p.quadrant === "Leading"),
      true,
    );
    const scaled = spy.map((r) => ({ date: r.date, close: 2.5 * r.close }));
    const sc = rotation(scaled, spy, asOf, { interval, window: 14 });
    check(
      `2.5 x SPY vs SPY (${interval}) all exactly 100/100 Leading`,
      sc.length > 0 && sc.every((p) => p.rsRatio === 100 && p.rsMomentum === 100 && p.quadrant === "Leading"),
      true,
    );
  }

  // --- hand-worked case, window = 2, daily ---
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
    const pts = rotation(sym, ben, "2026-03-13", { interval: "daily", window: 2 });
    check(
      "hand-worked window=2 points",
      pts.map((p) => [p.date, p.rsRatio, p.rsMomentum, p.quadrant, p.partial]),
      [
        ["2026-03-05", 99, 99, "Lagging", false],
        ["2026-03-06", 101, 101, "Leading", false],
        ["2026-03-09", 100, 99, "Weakening", false],
        ["2026-03-10", 99, 99, "Lagging", false],
        ["2026-03-12", 99, 100, "Improving", false],
      ],
    );
    check("hand-worked window=2 transitions", transitions(pts), [
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
    const w = rotation(s, b, "2026-01-08", { interval: "weekly", window: 1 });
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
    const w2 = rotation(s, b, "2026-01-11", { interval: "weekly", window: 1 });
    check("partial uses data day, not asOf", w2.at(-1).partial, true);
    // D on Friday -> not partial.
    const b3 = [...b, { date: "2026-01-09", close: 50 }];
    const s3 = [...s, { date: "2026-01-09", close: 20 }];
    const w3 = rotation(s3, b3, "2026-01-09", { interval: "weekly", window: 1 });
    check("D=Fri -> not partial", [w3.at(-1).date, w3.at(-1).partial], ["2026-01-09", false]);
    // Daily never partial.
    check("daily never partial", rotation(s, b, "2026-01-08", { interval: "daily", window: 1 }).some((p) => p.partial), false);
  }

  // --- first point index 2*window-2 ---
  {
    const daily = rotation(iwm, spy, asOf, { interval: "daily", window: 14 });
    const pairs = iwm.filter((r) => r.date <= asOf && spy.some((x) => x.date === r.date));
    check("first point is sample 2*window-2 (daily)", daily[0].date, pairs[26].date);
    check("daily count = pairs - 26", daily.length, pairs.length - 26);
  }

  // --- real data, printed for a human ---
  const rot = rotation(iwm, spy, asOf, { interval: "weekly", window: 14 });
  console.log("\nIWM vs SPY weekly rotation (window 14), as of", asOf, "- last 3 points:");
  for (const p of rot.slice(-3)) console.log("  ", JSON.stringify(p));
  console.log("IWM YTD as of", asOf, ":", JSON.stringify(periodReturn(iwm, asOf, "YTD")));

  if (failures) {
    console.log(`\n${failures} check(s) FAILED`);
    process.exit(1);
  }
  console.log("\nall checks passed");
}
