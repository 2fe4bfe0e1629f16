// A 360 px phone (touch, device pixel ratio 2): in every view, with the research note and the
// data table open, nothing is wider than the widget (a table may scroll only inside its own
// frame), the page never scrolls sideways, the ranking and returns tables fit without
// scrolling, and every control is at least 44 × 44 CSS px (the data notes', method note's and
// card sections' disclosure toggles too; on a desktop they are at least 24 px tall).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, DIST, htmlRoute, watchProblems } from "./harness.mjs";

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/demo.css"><script type="module" src="/rotascope.js"></script></head>
<body><main class="demo"><div class="rotascope" id="w" data-prices="/noted-prices.json" data-note="/data/demo-note.json"
  data-baskets="small: IWM IJR; large: SPY IVE IVW" data-title="Style and sector rotation against the S&amp;P 500" data-lazy="false"></div></main></body></html>`;

// The sample prices with a field the contract does not know: the widget lists it under "Data
// notes" in every view, so the notes' toggle is measured too.
const noted = (req, res) => {
  const json = JSON.parse(fs.readFileSync(path.join(DIST, "data", "sample-prices.json"), "utf8"));
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...json, comment: "closes from the sample" }));
};
const session = useSiteAndBrowser(DIST, { routes: { "/phone.html": htmlRoute(PAGE), "/noted-prices.json": noted } });

/** What breaks a phone layout, measured in the page. */
const measure = () => {
  const root = document.querySelector("#w").shadowRoot;
  // The widget's content box: what reaches into its padding looks cut off at the border.
  const outer = root.querySelector(".rotascope-widget");
  const box0 = outer.getBoundingClientRect();
  const pad = getComputedStyle(outer);
  const widget = { left: box0.left + parseFloat(pad.paddingLeft) + parseFloat(pad.borderLeftWidth), right: box0.right - parseFloat(pad.paddingRight) - parseFloat(pad.borderRightWidth) };
  const scrolls = (el) => /(auto|scroll)/.test(getComputedStyle(el).overflowX);
  const name = (el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""}${el.dataset.testid ? `[${el.dataset.testid}]` : ""}`;
  const wider = [];
  const small = [];
  for (const el of outer.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (el.closest(".rs-visually-hidden")) continue;
    // Inside a frame that scrolls sideways, an element may be wider than the widget; the
    // frame itself may not.
    let frame = el.parentElement;
    while (frame && !scrolls(frame)) frame = frame.parentElement;
    const bounds = frame ? frame.getBoundingClientRect() : widget;
    if (frame && (bounds.left < widget.left - 0.5 || bounds.right > widget.right + 0.5)) continue; // reported as the frame itself
    if (!frame && (box.left < widget.left - 0.5 || box.right > widget.right + 0.5)) wider.push(`${name(el)} ${Math.round(box.left)}..${Math.round(box.right)}`);
    const interactive = el.matches("button, select, input, a[href], summary, [role=slider], [tabindex='0']");
    if (interactive && getComputedStyle(el).visibility !== "hidden" && (box.width < 44 || box.height < 44)) {
      small.push(`${name(el)} "${(el.textContent || "").trim().slice(0, 24)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  const unfit = [...root.querySelectorAll("[data-testid=ranking], [data-testid=returns]")]
    .map((t) => t.closest(".rs-table-wrap"))
    .filter((w) => w && w.scrollWidth > w.clientWidth + 1)
    .map((w) => `${name(w.querySelector("table"))} ${w.scrollWidth} > ${w.clientWidth}`);
  return { widget: [box0.left, box0.right], page: document.documentElement.scrollWidth, wider, small, unfit };
};

test("at 360 px on a touch phone nothing overflows the widget and every control is a 44 px target", async () => {
  await session.ready;
  const context = await session.browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${session.url}phone.html`);
  await page.locator("#w [data-testid=claims]").waitFor();
  await page.locator("#w [data-testid=ranking] tbody tr").first().waitFor();
  for (const view of ["Rotation", "Performance", "Trend"]) {
    await page.locator("#w [role=tab]", { hasText: view }).tap();
    await page.waitForFunction((v) => document.querySelector("#w").shadowRoot.querySelector("[role=tab][aria-selected=true]")?.textContent.includes(v), view);
    await page.locator("#w canvas").first().waitFor();
    for (const table of [false, true]) {
      if (table) {
        await page.locator("#w [data-testid=table-toggle]").tap();
        await page.locator("#w [data-testid=data-table]").waitFor();
      }
      const m = await page.evaluate(measure);
      const toggles = await page.locator("#w summary").count();
      assert.ok(toggles >= (view === "Rotation" ? 2 : 1), `${view}: the data notes (and method note) toggles are there to measure (${toggles})`);
      const where = `${view}${table ? " with its data table" : ""}`;
      assert.ok(m.widget[0] >= 0 && m.widget[1] <= 360 && m.widget[1] - m.widget[0] >= 300, `${where}: the widget fills the phone's column (${m.widget})`);
      assert.ok(m.page <= 360, `${where}: the page scrolls sideways (${m.page} px)`);
      assert.deepEqual(m.wider, [], `${where}: wider than the widget`);
      assert.deepEqual(m.unfit, [], `${where}: tables that should fit`);
      assert.deepEqual(m.small, [], `${where}: touch targets under 44 px`);
    }
    await page.locator("#w [data-testid=table-toggle]").tap();
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a desktop every disclosure toggle is at least 24 px tall (WCAG 2.2 target size)", async () => {
  await session.ready;
  const page = await session.browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = watchProblems(page);
  await page.goto(`${session.url}phone.html`);
  await page.locator("#w [data-testid=claims]").waitFor();
  await page.locator("#w [data-testid=notes]").waitFor();
  const heights = await page.evaluate(() =>
    [...document.querySelector("#w").shadowRoot.querySelectorAll("summary")].map((s) => [s.textContent.trim().slice(0, 24), Math.round(s.getBoundingClientRect().height)]),
  );
  assert.ok(heights.length >= 3, JSON.stringify(heights));
  assert.deepEqual(heights.filter(([, h]) => h < 24), [], "toggles under 24 px");
  assert.deepEqual(problems, []);
  await page.close();
});
