// The "Data notes" fold: a widget lists the notes about the symbols it shows (its symbols, its
// baskets' members and the benchmark) and counts the rest of the file's; the fold starts closed
// and stays as the reader left it (open or closed) when a control changes what is shown.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, watchProblems, waitForChart, htmlRoute, DIST } from "./harness.mjs";

// The sample file with gaps: IWM starts 20 days late; XLE starts 10 days late, XLK misses 5
// closes, XLF ends 3 days early, MDY misses 1 close. SPY is complete.
const sample = JSON.parse(fs.readFileSync(path.join(DIST, "data", "sample-prices.json"), "utf8"));
const n = sample.dates.length;
const blank = (symbol, from, to) => {
  for (let i = from; i < to; i++) sample.series[symbol][i] = null;
};
blank("IWM", 0, 20);
blank("XLE", 0, 10);
blank("XLK", 500, 505);
blank("XLF", n - 3, n);
blank("MDY", 700, 701);
const OWN = `IWM starts on ${sample.dates[20]}, after the first date ${sample.dates[0]}; periods that begin earlier are not available for it`;

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/demo.css"><script type="module" src="/rotascope.js"></script></head>
<body><main class="demo">
<div class="rotascope" id="trend" data-prices="/gaps.json" data-benchmark="SPY" data-symbols="IWM" data-view="trend" data-lazy="false"></div>
<div class="rotascope" id="all" data-prices="/gaps.json" data-benchmark="SPY" data-view="performance" data-lazy="false"></div>
</main></body></html>`;
const session = useSiteAndBrowser(DIST, {
  routes: {
    "/notes.html": htmlRoute(page),
    "/gaps.json": (req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(sample)),
  },
});

/** The fold's state inside `host`: open, summary, listed notes, and whether it is still the
 * element marked by `mark()`. */
const fold = (tab, host) =>
  tab.evaluate((h) => {
    const d = document.querySelector(h).shadowRoot.querySelector("[data-testid=notes]");
    return {
      open: d.open,
      hidden: d.hidden,
      marked: d.__marked === true,
      summary: d.querySelector("summary").textContent,
      listed: [...d.querySelectorAll("li")].map((li) => li.textContent),
    };
  }, host);
const mark = (tab, host) => tab.evaluate((h) => (document.querySelector(h).shadowRoot.querySelector("[data-testid=notes]").__marked = true), host);
const inside = (tab, host, selector) => tab.locator(`${host} ${selector}`);

test("a one-symbol trend widget fed the whole file lists only its own notes and counts the others; a widget of every symbol lists them all", async () => {
  const tab = await session.browser.newPage({ viewport: { width: 1000, height: 1400 } });
  const problems = watchProblems(tab);
  await tab.goto(session.url + "notes.html");
  await waitForChart(tab, "#trend");
  await waitForChart(tab, "#all");

  const trend = await fold(tab, "#trend");
  assert.deepEqual(
    { ...trend, marked: undefined },
    { open: false, hidden: false, marked: undefined, summary: "Data notes (1, and 4 about other symbols in the file)", listed: [OWN] },
  );
  const all = await fold(tab, "#all");
  assert.equal(all.summary, "Data notes (5)");
  for (const s of ["IWM", "XLE", "XLK", "XLF", "MDY"]) assert.equal(all.listed.filter((m) => m.startsWith(s)).length, 1, `${s} in ${all.listed}`);

  // Open the fold, then change what it lists: the performance view from a day before IWM's
  // first close adds a note about IWM. The same element, still open, listing both.
  await mark(tab, "#trend");
  await inside(tab, "#trend", "[data-testid=notes] summary").click();
  assert.equal((await fold(tab, "#trend")).open, true);
  await inside(tab, "#trend", "[data-testid=tab-performance]").click();
  const field = inside(tab, "#trend", "[data-testid=period-start]");
  await field.fill(sample.dates[5]);
  await field.dispatchEvent("change");
  const summary = (text) =>
    tab.waitForFunction((t) => document.querySelector("#trend").shadowRoot.querySelector("[data-testid=notes] summary").textContent === t, text);
  await summary("Data notes (2, and 4 about other symbols in the file)");
  let now = await fold(tab, "#trend");
  assert.deepEqual([now.open, now.marked], [true, true], "the fold closed or was rebuilt when what it lists changed");
  assert.equal(now.listed[0], OWN);
  assert.match(now.listed[1], /^IWM/);
  // Closed by the reader, it stays closed when the list changes back.
  await inside(tab, "#trend", "[data-testid=notes] summary").click();
  await inside(tab, "#trend", "[data-testid=tab-trend]").click();
  await summary("Data notes (1, and 4 about other symbols in the file)");
  now = await fold(tab, "#trend");
  assert.deepEqual([now.open, now.marked], [false, true]);
  assert.deepEqual(problems, []);
  await tab.close();
});
