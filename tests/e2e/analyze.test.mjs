// Rotascope.analyze() in headless Chromium, checked against reference.mjs, an independent
// implementation written from the formulas in the README (not from the Rust code), for every
// rotation method offered (log-trend, the default, and zscore), weekly and daily, over the whole
// history (every point, not just the tail) at several as-of days, from one early enough that
// only a few points exist to the data's last day:
// - on the bundled sample data (always);
// - on the real shared closes of 24 ETFs (when ../shared/data/prices or $ROTASCOPE_REAL_DATA
//   exists; otherwise node:test reports the test as skipped, not passed);
// the retired ratio-roc is refused with the README's message, and every malformed input in the
// table below rejects with an Error naming the problem.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, watchProblems, DIST, REAL_DATA, API_PAGE, htmlRoute } from "./harness.mjs";
import * as ref from "./reference.mjs";

// Every period kind and two custom starts; each case uses those that start between the
// benchmark's first close and the as-of day (a later start is refused, an earlier one has no
// benchmark return: both are errors, checked in ranges.test.mjs and the table below).
const PERIODS = ["1W", "1M", "3M", "6M", "YTD", "1Y", "3Y", "2000-03-24", "2020-02-19"];
// The sample data starts in 2022: its custom period starts at the regime change instead.
const SAMPLE_PERIODS = ["1W", "1M", "3M", "6M", "YTD", "1Y", "3Y", "2024-06-28"];
const label = (p) => (/^\d{4}-/.test(p) ? `since ${p}` : p);
// Acceptance tolerances: returns to 0.01 pp, rotation to 1e-9 (README, both methods).
const RETURN_TOLERANCE = 0.01;
const ROTATION_TOLERANCE = 1e-9;
// Every rotation method the widget offers (README "Rotation methods"); ratio-roc is retired.
const METHODS = ["log-trend", "zscore"];
const INTERVALS = ["weekly", "daily"];
// A tail longer than any history: analyze() returns every point, and every one is compared.
const WHOLE_HISTORY = 100000;
// README, "The retired `ratio-roc`": the message a config that names it is refused with.
const RATIO_ROC_RETIRED =
  'option `rotation.method` = "ratio-roc": ratio-roc was retired: it measured each symbol in its own units, so distance from 100 did not mean strength; use log-trend (the default) or zscore';

const mounts = fs.existsSync(REAL_DATA) ? { "/real/": REAL_DATA } : {};
const session = useSiteAndBrowser(DIST, { routes: { "/api.html": htmlRoute(API_PAGE) }, mounts });
let page, problems;

before(async () => {
  await session.ready;
  page = await session.browser.newPage();
  problems = watchProblems(page);
  await page.goto(session.url + "api.html");
  await page.waitForFunction(() => globalThis.Rotascope && globalThis.Rotascope.analyze);
});

// The result comes back as JSON text: a whole daily history is some 150,000 points, which
// Playwright's structured transfer takes many seconds for and a string does not. (A
// non-finite number would arrive as null and fail the comparison.)
const analyzeInPage = async (options) => JSON.parse(await page.evaluate(async (o) => JSON.stringify(await globalThis.Rotascope.analyze(o)), options));

/** The as-of trading day: the benchmark's last date on or before `asOf`. */
const asOfDay = (benchRows, asOf) => benchRows.filter((r) => r.date <= asOf).at(-1).date;

/** The periods of `periods` that start on or after the benchmark's first close and on or before `day`. */
const periodsFor = (benchRows, day, periods) => periods.filter((p) => ref.periodStart(day, p) >= benchRows[0].date && ref.periodStart(day, p) <= day);

/** Compares one analyze() result with the reference; returns the largest differences seen. */
function compare(result, rowsBySymbol, asOf, periods, { interval, window, tail, method }) {
  const stats = { maxReturnDiff: 0, maxRotationDiff: 0, returns: 0, points: 0, transitions: 0, symbols: 0, skipped: 0 };
  const bench = rowsBySymbol[result.benchmark];
  assert.ok(bench, `benchmark ${result.benchmark} rows`);
  for (const period of periods) {
    const benchRef = ref.periodReturn(bench, asOf, period);
    for (const [symbol, rows] of Object.entries(rowsBySymbol)) {
      const expected = ref.periodReturn(rows, asOf, period);
      const got = result.returns.find((r) => r.symbol === symbol && r.period === label(period));
      if (!expected) {
        assert.equal(got, undefined, `${symbol} ${period}: the reference has no return, analyze gave one`);
        continue;
      }
      assert.ok(got, `${symbol} ${period} as of ${asOf}: missing from analyze()`);
      assert.equal(got.start_date, expected.startDate, `${symbol} ${period} base date`);
      assert.equal(got.end_date, expected.endDate, `${symbol} ${period} end date`);
      const d = Math.abs(got.return_pct - expected.returnPct);
      const dx = Math.abs(got.excess_pp - (expected.returnPct - benchRef.returnPct));
      stats.maxReturnDiff = Math.max(stats.maxReturnDiff, d, dx);
      assert.ok(d <= RETURN_TOLERANCE, `${symbol} ${period} as of ${asOf}: ${got.return_pct} vs ${expected.returnPct}`);
      assert.ok(dx <= RETURN_TOLERANCE, `${symbol} ${period} excess as of ${asOf}`);
      stats.returns++;
    }
  }
  const where = `${method} ${interval} as of ${asOf}`;
  const skipped = [];
  for (const [symbol, rows] of Object.entries(rowsBySymbol)) {
    if (symbol === result.benchmark) continue;
    const all = ref.rotation(rows, bench, asOf, { interval, window, method });
    const got = result.rotation.find((r) => r.symbol === symbol);
    if (all.length === 0) {
      assert.equal(got, undefined, `${symbol} (${where}): too little history, yet analyze() gave a rotation`);
      skipped.push(symbol);
      stats.skipped++;
      continue;
    }
    assert.ok(got, `${symbol} rotation (${where}): missing from analyze()`);
    const expected = all.slice(-tail);
    assert.equal(got.points.length, expected.length, `${symbol} (${where}): number of points`);
    expected.forEach((e, i) => {
      const g = got.points[i];
      assert.equal(g.date, e.date, `${symbol} (${where}) point ${i} date`);
      assert.equal(g.partial, e.partial, `${symbol} (${where}) ${e.date} partial`);
      const d = Math.max(Math.abs(g.rs_ratio - e.rsRatio), Math.abs(g.rs_momentum - e.rsMomentum));
      stats.maxRotationDiff = Math.max(stats.maxRotationDiff, d);
      assert.ok(d <= ROTATION_TOLERANCE, `${symbol} (${where}) ${e.date}: analyze (${g.rs_ratio}, ${g.rs_momentum}) vs reference (${e.rsRatio}, ${e.rsMomentum})`);
      assert.equal(g.quadrant, e.quadrant, `${symbol} (${where}) ${e.date} quadrant`);
      stats.points++;
    });
    const expectedTransitions = ref.transitions(all);
    assert.deepEqual(
      got.transitions.map((t) => [t.date, t.from, t.to]),
      expectedTransitions.map((t) => [t.date, t.from, t.to]),
      `${symbol} (${where}) transitions`,
    );
    stats.transitions += expectedTransitions.length;
    assert.equal(got.quadrant, expected.at(-1).quadrant, `${symbol} (${where}) current quadrant`);
    stats.symbols++;
  }
  assert.equal(result.rotation.length, stats.symbols, `${where}: analyze() has rotations the reference does not`);
  // A symbol too short for the graph is named in a rotation_skipped warning; when no symbol
  // has a point, one rotation_skipped warning says there is no rotation graph at all.
  const skipWarnings = result.warnings.filter((w) => w.code === "rotation_skipped");
  if (stats.symbols === 0) assert.ok(skipWarnings.length > 0 && skipWarnings.every((w) => /no rotation graph/.test(w.message)), `${where}: no rotation graph, and no warning saying so`);
  else for (const symbol of skipped) assert.ok(skipWarnings.some((w) => w.symbol === symbol), `${symbol} (${where}): no rotation and no rotation_skipped warning`);
  assert.deepEqual(result.rotation_settings, { interval, window, tail, method });
  return stats;
}

/** Runs every method × interval × as-of day on one data set; reports per method and interval. */
async function compareAll(t, name, prices, rowsBySymbol, asOfs, periods) {
  const bench = rowsBySymbol.SPY;
  for (const method of METHODS) {
    for (const interval of INTERVALS) {
      const total = { points: 0, maxRotationDiff: 0, returns: 0, maxReturnDiff: 0, transitions: 0 };
      for (const asOf of asOfs) {
        const day = asOfDay(bench, asOf);
        const ps = periodsFor(bench, day, periods);
        const settings = { interval, window: 14, tail: WHOLE_HISTORY, method };
        const result = await analyzeInPage({ prices, benchmark: "SPY", asOf, period: ps, rotation: settings });
        assert.equal(result.as_of, day);
        const stats = compare(result, rowsBySymbol, day, ps, settings);
        t.diagnostic(
          `${name} ${method} ${interval} as of ${day}: ${stats.symbols} symbols, ${stats.points} points (max diff ${stats.maxRotationDiff.toExponential(1)}), ` +
            `${stats.skipped} skipped, ${stats.transitions} transitions; ${stats.returns} returns over ${ps.length} periods (max diff ${stats.maxReturnDiff.toExponential(1)} pp)`,
        );
        total.points += stats.points;
        total.transitions += stats.transitions;
        total.returns += stats.returns;
        total.maxRotationDiff = Math.max(total.maxRotationDiff, stats.maxRotationDiff);
        total.maxReturnDiff = Math.max(total.maxReturnDiff, stats.maxReturnDiff);
      }
      assert.ok(total.points > 0 && total.returns > 0, `${name} ${method} ${interval}: nothing compared`);
      t.diagnostic(
        `${name} ${method} ${interval}, ${asOfs.length} as-of days: ${total.points} points compared, max |diff| ${total.maxRotationDiff.toExponential(1)}; ` +
          `${total.transitions} transitions equal; ${total.returns} returns, max |diff| ${total.maxReturnDiff.toExponential(1)} pp`,
      );
    }
  }
}

test("analyze() on the sample data equals the independent reference", async (t) => {
  const json = JSON.parse(fs.readFileSync(path.join(DIST, "data", "sample-prices.json"), "utf8"));
  const rowsBySymbol = Object.fromEntries(
    Object.entries(json.series).map(([symbol, closes]) => [
      symbol,
      json.dates.map((date, i) => ({ date, close: closes[i] })).filter((r) => r.close !== null),
    ]),
  );
  // Early (weekly: no point yet; daily: 31 + 4 samples), early (weekly: 32 weeks, a Wednesday,
  // so the last week is partial; daily: 152 samples), mid-history (a Wednesday), the last day.
  const asOfs = ["2022-02-22", "2022-08-10", "2025-06-25", json.dates.at(-1)];
  await compareAll(t, "sample", "/data/sample-prices.json", rowsBySymbol, asOfs, SAMPLE_PERIODS);

  // Without `method`, analyze() uses the default, log-trend, and the tail is the last points.
  const plain = await analyzeInPage({ prices: "/data/sample-prices.json", rotation: { tail: 5 } });
  assert.equal(plain.rotation_settings.method, "log-trend");
  const last = json.dates.at(-1);
  compare(plain, rowsBySymbol, last, [], { interval: "weekly", window: 14, tail: 5, method: "log-trend" });
});

test("analyze() on 24 real ETFs equals the independent reference at several dates", { skip: !fs.existsSync(REAL_DATA) && `no real data at ${REAL_DATA}` }, async (t) => {
  const files = fs.readdirSync(REAL_DATA).filter((f) => f.endsWith(".csv")).sort();
  assert.equal(files.length, 24);
  const rowsBySymbol = Object.fromEntries(files.map((f) => [f.replace(/\.csv$/, ""), ref.parseCsv(fs.readFileSync(path.join(REAL_DATA, f), "utf8"))]));
  const prices = files.map((f) => `/real/${f}`);
  // Early, while only SPY, MDY and the sector funds (from 1998-12-22) exist: a Wednesday with 35
  // daily samples of the sector funds (a few points; weekly none) and a Wednesday with 34 weeks
  // of them (a few weekly points, an open week; QQQ too short for either method). Then a Friday
  // in the 2008 crash, a Wednesday (open week) in March 2020, a year end, and the data's last day.
  const last = rowsBySymbol.SPY.at(-1).date;
  const asOfs = ["1999-02-10", "1999-08-11", "2008-10-10", "2020-03-18", "2024-12-31", last];
  await compareAll(t, "real", prices, rowsBySymbol, asOfs, PERIODS);
});

test("the retired ratio-roc is refused with the README's message", async () => {
  for (const rotation of [{ method: "ratio-roc" }, { interval: "daily", window: 14, tail: 10, method: "ratio-roc" }]) {
    const outcome = await page.evaluate(async (r) => {
      try {
        await globalThis.Rotascope.analyze({ prices: "/data/sample-prices.json", benchmark: "SPY", rotation: r });
        return { resolved: true };
      } catch (e) {
        return { isError: e instanceof Error, message: e.message };
      }
    }, rotation);
    assert.deepEqual(outcome, { isError: true, message: RATIO_ROC_RETIRED }, JSON.stringify(rotation));
  }
});

test("every malformed input rejects with an Error naming the problem", async () => {
  const d = (...days) => days.map((x) => `2026-01-0${x}`);
  const cases = [
    [{ prices: "{" }, "prices are not valid JSON: EOF while parsing an object at line 1 column 1"],
    [{ prices: { dates: d(5, 2), series: { SPY: [1, 2] } } }, "dates[1] = 2026-01-02 comes before the previous date 2026-01-05: dates must be strictly increasing"],
    [{ prices: { dates: d(5, 5), series: { SPY: [1, 2] } } }, "dates[1] = 2026-01-05 repeats the previous date 2026-01-05: dates must be strictly increasing"],
    [{ prices: { dates: ["2026-13-01"], series: { SPY: [1] } } }, 'dates[0] = "2026-13-01" is no such day in the calendar'],
    [{ prices: { dates: ["5 Jan 2026"], series: { SPY: [1] } } }, 'dates[0] = "5 Jan 2026" is not an ISO date (YYYY-MM-DD)'],
    [{ prices: { dates: d(5, 6), series: { SPY: [1] } } }, 'series "SPY" has 1 closes but `dates` has 2: give one close (or null) per date'],
    [{ prices: { dates: d(5, 6), series: { SPY: [1, 2], IWM: [1, -4] } } }, "IWM on 2026-01-06 (series.IWM[1]): close -4 is negative; closes must be positive numbers or null"],
    [{ prices: { dates: d(5), series: { IWM: [0] } } }, "IWM on 2026-01-05 (series.IWM[0]): close 0 is zero; closes must be positive numbers or null"],
    [{ prices: { dates: d(5), series: { SPY: ["1.5"] } } }, '`series.SPY[0] (2026-01-05)` should be a number or null, but it is the text "1.5"'],
    [{ prices: { dates: [], series: {} } }, "no data: `dates` is empty"],
    [{ prices: { dates: d(5), series: { SPY: [null] } } }, "no data: every series is empty (all null)"],
    [{ prices: "Date,Close\n2026-01-02,abc\n" }, "PRICES on 2026-01-02 (prices.csv line 2): close abc is not a number; closes must be positive numbers or null"],
    [{ prices: { csv: "When,Close\n2026-01-02,1\n", symbol: "SPY" } }, "SPY: no `Date` column (the header is: When, Close)"],
    [{ prices: { chart: { result: null, error: { description: "No data found" } } } }, "no data: the chart response is an error: No data found"],
    [{ prices: { dates: d(5, 6), series: { SPY: [1, 2] } }, benchmark: "QQQ" }, 'unknown benchmark "QQQ": the prices have SPY'],
    [{ prices: { dates: d(5, 6), series: { SPY: [1, 2] } }, symbols: ["IWC"] }, 'unknown symbol "IWC": the prices have SPY'],
    [{ prices: { dates: d(5, 6), series: { SPY: [1, 2] } }, asOf: "2025-12-01" }, "option `asOf` = 2025-12-01: the data starts on 2026-01-05"],
    [{ prices: { dates: d(5, 6), series: { SPY: [1, 2] } }, asOf: "last week" }, 'option `asOf` = "last week": not an ISO date (YYYY-MM-DD)'],
    [{ prices: { dates: d(5, 6), series: { SPY: [1, 2] } }, period: "2W" }, 'option `period` = "2W": use 1W, 1M, 3M, 6M, YTD, 1Y, 3Y or a start date YYYY-MM-DD'],
    [{ prices: { dates: d(5, 6), series: { SPY: [1, 2] } }, period: "3Y" }, "the 3Y return of SPY needs a close on or before 2023-01-06, but its first close is 2026-01-05"],
    [{ prices: { dates: d(5, 6), series: { SPY: [1, 2] } }, rotation: { window: 1 } }, "option `rotation.window` = 1: use a whole number of at least 2"],
    [{ prices: { dates: d(5, 6), series: { SPY: [1, 2] } }, rotation: { method: "jdk" } }, 'option `rotation.method` = "jdk": use log-trend or zscore'],
    [{ prices: "/missing.json" }, "could not load /missing.json: the server answered 404 Not Found"],
    [{ benchmark: "SPY" }, "option `prices` = missing: give the price data (an object, JSON or CSV text, a URL, or a list of those)"],
    [{ prices: [] }, "option `prices` = []: the list of sources is empty"],
    ["SPY", "option `options` should be an object with at least `prices`"],
  ];
  const outcomes = await page.evaluate(async (cs) => {
    const out = [];
    for (const [options] of cs) {
      try {
        await globalThis.Rotascope.analyze(options);
        out.push({ resolved: true });
      } catch (e) {
        out.push({ isError: e instanceof Error, message: e.message });
      }
    }
    return out;
  }, cases);
  cases.forEach(([options, expected], i) => {
    assert.deepEqual(outcomes[i], { isError: true, message: expected }, `case ${i}: ${JSON.stringify(options)}`);
  });
  // The only console output allowed is the browser's own note of the deliberate 404.
  const unexpected = problems.filter((p) => !p.includes("missing.json") && !p.includes("404 (Not Found)"));
  assert.deepEqual(unexpected, []);
});
