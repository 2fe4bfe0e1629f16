// Rotascope.analyze() in headless Chromium, checked against reference.mjs, an independent
// implementation written from the formulas in the README (not from the Rust code):
// - on the bundled sample data (always);
// - on the real shared closes of 24 ETFs at several as-of dates (when ../shared/data/prices or
//   $ROTASCOPE_REAL_DATA exists; otherwise node:test reports the test as skipped, not passed);
// and every malformed input in the table below rejects with an Error naming the problem.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, watchProblems, DIST, REAL_DATA, API_PAGE, htmlRoute } from "./harness.mjs";
import * as ref from "./reference.mjs";

const PERIODS = ["1W", "1M", "3M", "6M", "YTD", "1Y", "3Y", "2020-02-19"];
// The sample data starts in 2022: its custom period starts at the regime change instead.
const SAMPLE_PERIODS = ["1W", "1M", "3M", "6M", "YTD", "1Y", "3Y", "2024-06-28"];
const label = (p) => (/^\d{4}-/.test(p) ? `since ${p}` : p);
// Acceptance tolerances: returns to 0.01 pp, rotation to 1e-9 (both methods).
const RETURN_TOLERANCE = 0.01;
const ROTATION_TOLERANCE = 1e-9;
const METHODS = ["ratio-roc", "zscore"];

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

const analyzeInPage = (options) => page.evaluate((o) => globalThis.Rotascope.analyze(o), options);

/** Compares one analyze() result with the reference; returns the largest differences seen. */
function compare(result, rowsBySymbol, asOf, periods, { interval, window, tail, method }) {
  const stats = { maxReturnDiff: 0, maxRotationDiff: 0, returns: 0, points: 0, transitions: 0 };
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
  for (const [symbol, rows] of Object.entries(rowsBySymbol)) {
    if (symbol === result.benchmark) continue;
    const all = ref.rotation(rows, bench, asOf, { interval, window, method });
    const got = result.rotation.find((r) => r.symbol === symbol);
    if (all.length === 0) {
      assert.equal(got, undefined, `${symbol}: too little history, yet analyze() gave a rotation`);
      continue;
    }
    assert.ok(got, `${symbol} rotation as of ${asOf}: missing from analyze()`);
    const expected = all.slice(-tail);
    assert.equal(got.points.length, expected.length, `${symbol} tail length`);
    expected.forEach((e, i) => {
      const g = got.points[i];
      assert.equal(g.date, e.date, `${symbol} point ${i} date`);
      assert.equal(g.partial, e.partial, `${symbol} ${e.date} partial`);
      const d = Math.max(Math.abs(g.rs_ratio - e.rsRatio), Math.abs(g.rs_momentum - e.rsMomentum));
      stats.maxRotationDiff = Math.max(stats.maxRotationDiff, d);
      assert.ok(d <= ROTATION_TOLERANCE, `${symbol} ${e.date}: (${g.rs_ratio}, ${g.rs_momentum}) vs (${e.rsRatio}, ${e.rsMomentum})`);
      assert.equal(g.quadrant, e.quadrant, `${symbol} ${e.date} quadrant`);
      stats.points++;
    });
    const expectedTransitions = ref.transitions(all);
    assert.deepEqual(
      got.transitions.map((t) => [t.date, t.from, t.to]),
      expectedTransitions.map((t) => [t.date, t.from, t.to]),
      `${symbol} transitions`,
    );
    stats.transitions += expectedTransitions.length;
    assert.equal(got.quadrant, expected.at(-1).quadrant);
  }
  assert.equal(result.rotation_settings.method, method);
  return stats;
}

test("analyze() on the sample data equals the independent reference", async (t) => {
  const json = JSON.parse(fs.readFileSync(path.join(DIST, "data", "sample-prices.json"), "utf8"));
  const rowsBySymbol = Object.fromEntries(
    Object.entries(json.series).map(([symbol, closes]) => [
      symbol,
      json.dates.map((date, i) => ({ date, close: closes[i] })).filter((r) => r.close !== null),
    ]),
  );
  for (const method of METHODS) {
    for (const [asOf, interval] of [["2026-11-20", "weekly"], ["2025-06-25", "weekly"], ["2025-03-14", "daily"]]) {
      const settings = { interval, window: 14, tail: 40, method };
      const result = await analyzeInPage({ prices: "/data/sample-prices.json", benchmark: "SPY", asOf, period: SAMPLE_PERIODS, rotation: settings });
      assert.equal(result.as_of, asOf);
      const stats = compare(result, rowsBySymbol, asOf, SAMPLE_PERIODS, settings);
      assert.ok(stats.points > 0);
      t.diagnostic(`sample ${method} ${asOf} ${interval}: ${stats.returns} returns (max diff ${stats.maxReturnDiff.toExponential(1)} pp), ${stats.points} points (max diff ${stats.maxRotationDiff.toExponential(1)}), ${stats.transitions} transitions`);
    }
  }
  // Without `method`, analyze() uses the default, ratio-roc.
  const plain = await analyzeInPage({ prices: "/data/sample-prices.json", rotation: { tail: 5 } });
  assert.equal(plain.rotation_settings.method, "ratio-roc");
});

test("analyze() on 24 real ETFs equals the independent reference at several dates", { skip: !fs.existsSync(REAL_DATA) && `no real data at ${REAL_DATA}` }, async (t) => {
  const files = fs.readdirSync(REAL_DATA).filter((f) => f.endsWith(".csv")).sort();
  assert.equal(files.length, 24);
  const rowsBySymbol = Object.fromEntries(files.map((f) => [f.replace(/\.csv$/, ""), ref.parseCsv(fs.readFileSync(path.join(REAL_DATA, f), "utf8"))]));
  const prices = files.map((f) => `/real/${f}`);
  // A Friday in the 2008 crash, a Wednesday (open week) in March 2020, a year end, the last full close.
  const cases = [
    ["2008-10-10", "weekly"],
    ["2020-03-18", "weekly"],
    ["2024-12-31", "weekly"],
    ["2026-07-13", "weekly"],
    ["2026-07-13", "daily"],
  ];
  for (const method of METHODS) {
    for (const [asOf, interval] of cases) {
      const settings = { interval, window: 14, tail: 52, method };
      // A custom start after the as-of day is refused (README "Periods"), not answered.
      const periods = PERIODS.filter((p) => !/^\d{4}-/.test(p) || p <= asOf);
      if (periods.length < PERIODS.length) {
        const refused = await page.evaluate((o) => globalThis.Rotascope.analyze(o).then(() => "resolved", (e) => e.message), { prices, asOf, period: PERIODS });
        assert.match(refused, new RegExp(`^option \`period\` = \\d{4}-\\d\\d-\\d\\d: it starts after the as-of day ${asOf}`));
      }
      const result = await analyzeInPage({ prices, benchmark: "SPY", asOf, period: periods, rotation: settings });
      assert.equal(result.as_of, asOf);
      const stats = compare(result, rowsBySymbol, asOf, periods, settings);
      assert.ok(stats.points > 0 && stats.returns > 0);
      t.diagnostic(`real ${method} ${asOf} ${interval}: ${stats.returns} returns (max diff ${stats.maxReturnDiff.toExponential(1)} pp), ${stats.points} points (max diff ${stats.maxRotationDiff.toExponential(1)}), ${stats.transitions} transitions`);
    }
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
    [{ prices: { dates: d(5, 6), series: { SPY: [1, 2] } }, rotation: { method: "jdk" } }, 'option `rotation.method` = "jdk": use one of ratio-roc, zscore'],
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
