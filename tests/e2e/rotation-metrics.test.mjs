// The rotation metrics (heading, distance, velocity; README "Formulas") where a reader meets
// them: analyze()'s points against the formulas written out here, the ranking against
// analyze() for the same settings and sorted by each new column, the tooltip and the live
// region of a focused head, the summary, the data table and the CSV.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSiteAndBrowser, watchProblems, waitForChart, htmlRoute, DIST } from "./harness.mjs";

const SYMBOLS = ["IWM", "IJR", "MDY", "IVE", "IVW"];
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/demo.css"><script type="module" src="/rotascope.js"></script></head>
<body><main class="demo"><div class="rotascope" id="w" data-prices="/data/sample-prices.json" data-benchmark="SPY"
data-symbols="${SYMBOLS.join(",")}" data-lazy="false"></div></main></body></html>`;
const session = useSiteAndBrowser(DIST, { routes: { "/metrics.html": htmlRoute(PAGE) } });
const HOST = "#w";
const COMPASS = ["E", "NE", "N", "NW", "W", "SW", "S", "SE"];
const SPOKEN = ["east", "north-east", "north", "north-west", "west", "south-west", "south", "south-east"];

async function open() {
  const tab = await session.browser.newPage({ viewport: { width: 1100, height: 1400 }, deviceScaleFactor: 1 });
  const problems = watchProblems(tab);
  await tab.addInitScript(() => {
    // Keep the CSV instead of downloading it.
    document.addEventListener("rotascope:export", (e) => {
      if (e.detail.type !== "text/csv") return;
      e.preventDefault();
      e.detail.blob.text().then((t) => (window.__csv = t));
    });
  });
  await tab.goto(session.url + "metrics.html");
  await waitForChart(tab, HOST);
  const host = tab.locator(HOST);
  await host.locator("[data-testid=ranking] tbody tr").first().waitFor();
  const result = await tab.evaluate((symbols) => globalThis.Rotascope.analyze({ prices: "/data/sample-prices.json", benchmark: "SPY", symbols }), SYMBOLS);
  return { tab, problems, host, result };
}

/** The formulas, from a tail's own points (tail 10: the head's heading and 9 steps are inside it). */
function expectedHead(points) {
  const [p, q] = [points.at(-2), points.at(-1)];
  let deg = (Math.atan2(q.rs_momentum - p.rs_momentum, q.rs_ratio - p.rs_ratio) * 180) / Math.PI;
  if (deg < 0) deg += 360;
  let steps = 0;
  for (let i = 1; i < points.length; i++) steps += Math.hypot(points[i].rs_ratio - points[i - 1].rs_ratio, points[i].rs_momentum - points[i - 1].rs_momentum);
  return {
    deg,
    sector: Math.floor((deg + 22.5) / 45) % 8,
    distance: Math.hypot(q.rs_ratio - 100, q.rs_momentum - 100),
    velocity: steps / (points.length - 1),
  };
}

const rankingRows = (host) =>
  host.locator("[data-testid=ranking] tbody tr").evaluateAll((rows) =>
    rows.map((r) => {
      const cells = [...r.querySelectorAll("td.rs-num")].map((c) => c.textContent.trim());
      return { symbol: r.querySelector("th").textContent.trim(), heading: cells[3], distance: cells[4], velocity: cells[5] };
    }),
  );

test("analyze(), the ranking, the tooltip, the live region and the summary give each head's heading, distance and velocity", async () => {
  const { tab, problems, host, result } = await open();
  assert.equal(result.rotation_settings.tail, 10);
  const heads = new Map();
  for (const r of result.rotation) {
    const head = r.points.at(-1);
    const e = expectedHead(r.points);
    assert.ok(Math.abs(head.heading_deg - e.deg) < 1e-9, `${r.symbol} heading ${head.heading_deg} vs ${e.deg}`);
    assert.equal(head.heading, COMPASS[e.sector], r.symbol);
    assert.ok(Math.abs(head.distance - e.distance) < 1e-12, `${r.symbol} distance`);
    assert.ok(Math.abs(head.velocity - e.velocity) < 1e-12, `${r.symbol} velocity`);
    // The tail's first point takes its heading from the point before the tail.
    assert.equal(typeof r.points[0].heading_deg, "number", `${r.symbol}: the tail's first point has a heading`);
    heads.set(r.symbol, head);
  }

  // The ranking shows the same numbers, formatted.
  const rows = await rankingRows(host);
  assert.equal(rows.length, SYMBOLS.length);
  for (const row of rows) {
    const h = heads.get(row.symbol);
    assert.ok(h, row.symbol);
    assert.deepEqual(row, { symbol: row.symbol, heading: `${h.heading} ${h.heading_deg.toFixed(0)}°`, distance: h.distance.toFixed(2), velocity: h.velocity.toFixed(2) });
  }

  // The first symbol's head from the keyboard: tooltip and live region.
  await host.locator("[data-testid=chart]").focus();
  await tab.keyboard.press("ArrowDown");
  const iwm = heads.get("IWM");
  const tooltip = await host.locator("[data-testid=tooltip]").textContent();
  for (const line of [`Heading ${iwm.heading} ${iwm.heading_deg.toFixed(0)}°`, `Distance ${iwm.distance.toFixed(2)}`, `Velocity ${iwm.velocity.toFixed(2)} per week`]) {
    assert.ok(tooltip.includes(line), `tooltip "${tooltip}" has "${line}"`);
  }
  const spoken = `heading ${SPOKEN[COMPASS.indexOf(iwm.heading)]} (${iwm.heading_deg.toFixed(0)}°), distance ${iwm.distance.toFixed(2)}, velocity ${iwm.velocity.toFixed(2)} per week`;
  assert.ok((await host.locator("[data-testid=live]").textContent()).includes(spoken), spoken);
  await tab.keyboard.press("Escape");

  // The summary tells every head's heading and distance, farthest first.
  const summary = await host.locator("[data-testid=summary]").textContent();
  const byDistance = [...heads].sort((a, b) => b[1].distance - a[1].distance);
  const told = byDistance.map(([s, h]) => `${s} ${SPOKEN[COMPASS.indexOf(h.heading)]} (${h.heading_deg.toFixed(0)}°), ${h.distance.toFixed(2)}`).join("; ");
  assert.ok(summary.includes(`Heading and distance from 100/100: ${told}.`), `${summary}\nlacks ${told}`);
  assert.deepEqual(problems, []);
  await tab.close();
});

test("the ranking sorts by heading, distance and velocity, each way", async () => {
  const { tab, problems, host } = await open();
  const ranking = host.locator("[data-testid=ranking]");
  assert.match(await ranking.locator("caption").textContent(), /^Ranking by RS-Ratio at the date shown, highest first$/);
  const value = { heading: (t) => parseFloat(t.split(" ")[1]), distance: parseFloat, velocity: parseFloat };
  for (const [column, key] of [["Heading", "heading"], ["Distance", "distance"], ["Velocity", "velocity"]]) {
    const header = ranking.locator("thead th", { hasText: column });
    for (const direction of ["descending", "ascending"]) {
      await header.locator("button").click();
      assert.equal(await header.getAttribute("aria-sort"), direction, column);
      assert.equal(await ranking.locator("thead th[aria-sort=none]").count(), (await ranking.locator("thead th").count()) - 1);
      const values = (await rankingRows(host)).map((r) => value[key](r[key]));
      assert.ok(values.every(Number.isFinite), `${column}: ${values}`);
      const sorted = [...values].sort((a, b) => (direction === "descending" ? b - a : a - b));
      assert.deepEqual(values, sorted, `${column} ${direction}`);
      assert.ok(new Set(values).size > 1, `${column}: the symbols differ, so the order means something`);
      assert.match(await ranking.locator("caption").textContent(), new RegExp(`^Ranking by ${column} at the date shown`));
    }
  }
  assert.deepEqual(problems, []);
  await tab.close();
});

test("the data table and the CSV carry heading, degrees, distance and velocity for every point", async () => {
  const { tab, problems, host, result } = await open();
  await host.locator("[data-testid=table-toggle]").click();
  const table = host.locator("[data-testid=data-table]");
  assert.deepEqual(
    (await table.locator("thead th").allTextContents()).map((t) => t.trim()),
    ["Symbol", "Date", "RS-Ratio", "RS-Momentum", "Quadrant", "Heading", "Heading (°)", "Distance", "Velocity"],
  );
  const iwm = result.rotation.find((r) => r.symbol === "IWM");
  const head = iwm.points.at(-1);
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const iwmRows = rows.filter((r) => r[0] === "IWM");
  assert.equal(iwmRows.length, iwm.points.length);
  assert.deepEqual(iwmRows.at(-1).slice(5), [head.heading, head.heading_deg.toFixed(0), head.distance.toFixed(2), head.velocity.toFixed(2)]);

  await host.locator("[data-testid=export-csv]").click();
  await tab.waitForFunction(() => typeof window.__csv === "string");
  const csv = (await tab.evaluate(() => window.__csv)).trim().split("\n");
  assert.equal(csv[0], "Symbol,Date,RS-Ratio,RS-Momentum,Quadrant,Heading,Heading (°),Distance,Velocity");
  // Full precision: the widget's numbers are analyze()'s, bit for bit, for every IWM point.
  const csvRows = csv.slice(1).map((l) => l.split(",")).filter((r) => r[0] === "IWM");
  assert.equal(csvRows.length, iwm.points.length);
  csvRows.forEach((r, i) => {
    const p = iwm.points[i];
    assert.equal(r[1], p.date);
    assert.deepEqual([r[5], Number(r[6]), Number(r[7]), Number(r[8])], [p.heading, p.heading_deg, p.distance, p.velocity], `IWM point ${i}`);
  });
  assert.deepEqual(problems, []);
  await tab.close();
});
