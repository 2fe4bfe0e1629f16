// The research note's publication day on the timeline (issue 24 point 3), with the demo's
// note (published Fri Oct 2, 2026, inside the sample data's YTD): a tick on the rotation
// view's date slider (aria-hidden: the slider's own text says "note published" at that step);
// on the performance chart a dashed line in the palette's muted colour at the day's x, where
// hovering reads "Oct 2, 2026 (note published)"; the performance and trend summaries and data
// tables say the day; both themes draw the line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSiteAndBrowser, watchProblems, waitForChart, htmlRoute, DIST } from "./harness.mjs";

const page = (theme) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/demo.css"><script type="module" src="/rotascope.js"></script></head>
<body><main class="demo"><div class="rotascope" id="w" data-prices="/data/sample-prices.json" data-note="/data/demo-note.json"
data-benchmark="SPY" data-theme="${theme}" data-lazy="false"></div></main></body></html>`;
const plain = page("light").replace(' data-note="/data/demo-note.json"', "");
const session = useSiteAndBrowser(DIST, { routes: { "/light.html": htmlRoute(page("light")), "/dark.html": htmlRoute(page("dark")), "/plain.html": htmlRoute(plain) } });
const HOST = "#w";
const DAY = "Oct 2, 2026";
const SENTENCE = `The research note was published on ${DAY}.`;

async function open(file) {
  const tab = await session.browser.newPage({ viewport: { width: 1000, height: 1100 }, deviceScaleFactor: 1 });
  const problems = watchProblems(tab);
  await tab.goto(session.url + file);
  await waitForChart(tab, HOST);
  return { tab, problems, host: tab.locator(HOST) };
}

/** Shows a view and waits for its chart's scene to be drawn. */
async function show(tab, host, view) {
  await host.locator(`[data-testid=tab-${view}]`).click();
  await tab.waitForFunction((v) => document.querySelector("#w").shadowRoot.querySelector("[role=tab][aria-selected=true]")?.dataset.testid === `tab-${v}`, view);
  await tab.waitForFunction(() => document.querySelector("#w").shadowRoot.querySelector("[data-testid=chart] canvas.rs-canvas")?.dataset.builds);
}

/** The scene's columns (device px) where most of the plot's height is the muted colour: the
 * note's dashed line is the only vertical run of it. */
const mutedColumns = (tab, muted) =>
  tab.evaluate(([h, muted]) => {
    const canvas = document.querySelector(h).shadowRoot.querySelector("[data-testid=chart] canvas.rs-canvas");
    const { width, height } = canvas;
    const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
    const c = muted.trim().replace("#", "").match(/../g).map((x) => parseInt(x, 16));
    const columns = [];
    for (let x = 0; x < width; x++) {
      let n = 0;
      for (let y = 0; y < height; y++) {
        const i = 4 * (y * width + x);
        if (c.every((v, j) => Math.abs(v - data[i + j]) < 24)) n++;
      }
      if (n > height * 0.35) columns.push(x);
    }
    return columns;
  }, [HOST, muted]);

const cssVar = (tab, name) => tab.evaluate(([h, v]) => getComputedStyle(document.querySelector(h).shadowRoot.querySelector(".rotascope-widget")).getPropertyValue(v), [HOST, name]);

test("the note's day: a tick on the date slider, a line on the performance chart read there, and the summaries and tables say it", async () => {
  const { tab, problems, host } = await open("light.html");
  // The slider's tick, once the note has loaded: titled, hidden from screen readers.
  const mark = host.locator("[data-testid=note-mark]");
  await mark.waitFor({ state: "visible" });
  assert.equal(await mark.getAttribute("title"), `Research note published ${DAY}`);
  assert.equal(await mark.getAttribute("aria-hidden"), "true");
  // Stepping back along the slider reaches the step whose text says the note was published.
  const scrub = host.locator("[data-testid=scrub]");
  await scrub.focus();
  let said = "";
  for (let k = 0; k < 40 && !said.includes("note published"); k++) {
    await tab.keyboard.press("ArrowLeft");
    said = (await scrub.getAttribute("aria-valuetext")) ?? "";
  }
  assert.match(said, /^Oct \d+, 2026 \(note published\)$/);
  // The rotation summary names the day and, item by item after "; ", where each tail went
  // from its first point since then (here every head is that point: "is still").
  assert.match((await host.locator("[data-testid=summary]").textContent()) ?? "", /The research note was published on Oct 2, 2026\. Since then: [A-Z]+ (is still|moved from) [^.;]+(; [A-Z]+ (is still|moved from) [^.;]+)*\.$/);

  await show(tab, host, "performance");
  assert.ok((await host.locator("[data-testid=summary]").textContent()).endsWith(SENTENCE));
  await host.locator("[data-testid=table-toggle]").click();
  assert.match(await host.locator("[data-testid=data-table] caption").textContent(), new RegExp(SENTENCE.replace(/\./g, "\\.")));
  await host.locator("[data-testid=table-toggle]").click();

  // The dashed line in the muted colour, one run of columns, where hovering reads the day.
  const columns = await mutedColumns(tab, await cssVar(tab, "--rs-muted"));
  assert.ok(columns.length >= 1 && columns.length <= 3 && columns.at(-1) - columns[0] <= 2, `one vertical line: ${columns}`);
  const overlay = host.locator("[data-testid=chart] canvas.rs-overlay");
  const box = await overlay.boundingBox();
  await tab.mouse.move(box.x + columns[0] + 0.5, box.y + box.height / 2);
  const tip = host.locator("[data-testid=chart] [data-testid=tooltip] .rs-tooltip-title");
  await tip.waitFor();
  assert.equal(await tip.textContent(), `${DAY} (note published)`);

  await show(tab, host, "trend");
  await tab.waitForFunction((s) => document.querySelector("#w").shadowRoot.querySelector("[data-testid=summary]")?.textContent.endsWith(s), SENTENCE);
  await host.locator("[data-testid=table-toggle]").click();
  assert.match(await host.locator("[data-testid=data-table] caption").textContent(), new RegExp(SENTENCE.replace(/\./g, "\\.")));
  assert.deepEqual(problems, []);
  await tab.close();
});

test("the dark theme draws the note's line in its own muted colour", async () => {
  const { tab, problems, host } = await open("dark.html");
  await host.locator("[data-testid=note-mark]").waitFor({ state: "visible" });
  await show(tab, host, "performance");
  const muted = await cssVar(tab, "--rs-muted");
  assert.equal(muted.trim().toLowerCase(), "#a0a9b4");
  const columns = await mutedColumns(tab, muted);
  assert.ok(columns.length >= 1 && columns.at(-1) - columns[0] <= 2, `one vertical line: ${columns}`);
  assert.deepEqual(problems, []);
  await tab.close();
});

test("without a note nothing is marked", async () => {
  const { tab, problems, host } = await open("plain.html");
  assert.equal(await host.locator("[data-testid=note-mark]").isVisible(), false);
  assert.doesNotMatch(await host.locator("[data-testid=summary]").textContent(), /research note/);
  await show(tab, host, "performance");
  assert.deepEqual(await mutedColumns(tab, await cssVar(tab, "--rs-muted")), []);
  assert.deepEqual(problems, []);
  await tab.close();
});
