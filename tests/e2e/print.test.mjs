// Printing (README "Print"): a dark widget with its research note, beside the chart on a wide
// screen, printed to an A4 PDF. While printing it is light and its chart is redrawn at the
// printed width; in the PDF the chart fits the page and every line of the card comes after
// it; afterwards the screen is as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, DIST, htmlRoute, watchProblems } from "./harness.mjs";

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">
<script type="module" src="/rotascope.js"></script></head>
<body><div class="rotascope" id="w" data-prices="/data/sample-prices.json" data-note="/data/demo-note.json" data-theme="dark" data-lazy="false"></div></body></html>`;
// Added once the widget is up, so it runs after the widget's own listeners and sees what the
// printer sees.
const capture = () => window.addEventListener("beforeprint", () => {
  const host = document.querySelector("#w");
  const canvas = host.shadowRoot.querySelector("canvas.rs-canvas");
  const corner = canvas.getContext("2d").getImageData(2, 2, 1, 1).data;
  window.__printed = { theme: host.dataset.rsTheme, printWidth: canvas.dataset.printWidth, deviceWidth: canvas.width, corner: [...corner.slice(0, 3)] };
});

// A phone-width page: the chart is drawn for the page, not stretched from 330 px; a lazy
// widget never scrolled to says so on paper.
const NARROW = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg"><script type="module" src="/rotascope.js"></script></head>
<body><div class="rotascope" id="w" data-prices="/data/sample-prices.json" data-lazy="false"></div>
<div style="height: 4000px"></div><div class="rotascope" id="later" data-prices="/slow/prices.json"></div>
<div class="rotascope" id="cached" data-prices="/data/sample-prices.json"></div></body></html>`;
// Prices that take a while: not there when the page prints.
let releaseSlow = null;
const slowPrices = (req, res) => {
  releaseSlow = () => res.writeHead(200, { "content-type": "application/json" }).end(fs.readFileSync(path.join(DIST, "data/sample-prices.json")));
};

const session = useSiteAndBrowser(DIST, {
  routes: { "/print.html": htmlRoute(PAGE), "/narrow.html": htmlRoute(NARROW), "/slow/prices.json": slowPrices },
});

/** Every page's text, positioned in PDF points (y up), by pdf.js. Chromium prints a 2D
 * canvas as vector drawing, so the chart's own labels (the quadrant names, the axis title)
 * are text too and mark where the chart is. */
async function pdfText(pdfBytes) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdfBytes), isEvalSupported: false, disableFontFace: true }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const items = (await page.getTextContent()).items.filter((t) => t.str.trim());
    pages.push({ width: page.view[2], text: items.map((t) => ({ str: t.str, page: n, left: t.transform[4], right: t.transform[4] + t.width, y: t.transform[5], top: t.transform[5] + t.height })) });
  }
  return pages;
}

for (const paper of [{ format: "A4" }, { format: "A4", landscape: true }]) test(`printed to PDF (${paper.format}${paper.landscape ? " landscape" : ""}), the chart is redrawn light for the page and the card sits below it`, async () => {
  await session.ready;
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watchProblems(page);
  await page.goto(`${session.url}print.html`);
  await page.locator("#w [data-testid=claims]").waitFor();
  await page.waitForFunction(() => document.querySelector("#w").shadowRoot.querySelector("canvas.rs-canvas")?.dataset.builds);
  // On screen the card is beside the chart.
  const screen = await page.evaluate(() => {
    const root = document.querySelector("#w").shadowRoot;
    const chart = root.querySelector("canvas.rs-canvas").getBoundingClientRect();
    const card = root.querySelector("[data-testid=card]").getBoundingClientRect();
    return { chartRight: chart.right, cardLeft: card.left, width: root.querySelector("canvas.rs-canvas").width };
  });
  assert.ok(screen.cardLeft >= screen.chartRight, "the card is beside the chart on a wide screen");

  await page.evaluate(capture);
  const pdf = await page.pdf({ ...paper, printBackground: true });
  const printed = await page.evaluate(() => window.__printed);
  assert.equal(printed.theme, "light", "paper is light");
  // Redrawn for the page: 718 CSS px at 2 device px each, not the screen's width.
  assert.equal(Number(printed.printWidth), 718);
  assert.equal(printed.deviceWidth, 1436);
  assert.ok(printed.corner.every((c) => c > 200), `the chart's background is light: ${printed.corner}`);

  const pages = await pdfText(pdf);
  const all = pages.flatMap((p) => p.text);
  const axis = all.find((t) => t.str === "RS-Ratio →");
  assert.ok(axis, "the chart is in the PDF");
  const quadrants = pages[axis.page - 1].text.filter((t) => /^(Improving|Leading|Weakening|Lagging)$/.test(t.str) && t.y > axis.y);
  assert.equal(quadrants.length, 4, "the four quadrant names of the chart");
  const chart = { page: axis.page, left: Math.min(...quadrants.map((t) => t.left)), right: Math.max(...quadrants.map((t) => t.right)), bottom: axis.y, top: Math.max(...quadrants.map((t) => t.top)) };
  assert.ok(chart.left >= 0 && chart.right <= pages[chart.page - 1].width, `the chart fits the page: ${chart.left}..${chart.right}`);
  assert.ok(chart.right - chart.left > pages[chart.page - 1].width * 0.6, `the chart spans the page: ${chart.left}..${chart.right}`);
  // The card's lines come after the chart: on a later page, or below it on the same one.
  const card = all.filter((t) => /Small caps take the lead|^mildly positive$|^Since the note/.test(t.str));
  assert.ok(card.length >= 3, card.map((t) => t.str).join(" | "));
  const over = card.filter((t) => t.page < chart.page || (t.page === chart.page && t.top > chart.bottom));
  assert.deepEqual(over.map((t) => `${t.str} (page ${t.page}, y ${Math.round(t.y)})`), [], `card text beside or over the chart (page ${chart.page}, y ${Math.round(chart.bottom)}..${Math.round(chart.top)})`);

  // Afterwards the screen is as it was: dark, at the screen's width.
  await page.waitForFunction((w) => {
    const host = document.querySelector("#w");
    const canvas = host.shadowRoot.querySelector("canvas.rs-canvas");
    return host.dataset.rsTheme === "dark" && canvas.width === w && !canvas.dataset.printWidth;
  }, screen.width);
  assert.deepEqual(problems, []);
  await page.close();
});

test("printed from a phone, the chart is drawn for the page; lazy widgets start, and one whose data is not there says so", async () => {
  await session.ready;
  const context = await session.browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${session.url}narrow.html`);
  await page.waitForFunction(() => document.querySelector("#w").shadowRoot?.querySelector("canvas.rs-canvas")?.dataset.builds);
  assert.ok(await page.evaluate(() => ["#later", "#cached"].every((id) => document.querySelector(id).shadowRoot.querySelector(".rs-waiting"))), "both lazy widgets wait");
  await page.evaluate(capture);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const printed = await page.evaluate(() => window.__printed);
  assert.equal(Number(printed.printWidth), 718, "drawn for the page, not at the phone's width");
  const all = (await pdfText(pdf)).flatMap((p) => p.text);
  const line = all.map((t) => t.str).join(" ");
  // The slow one prints its paper sentence (once, not the screen's "Loading…"); the one whose
  // prices the page already had is printed whole (two rankings in the text, one per widget).
  assert.equal(line.match(/This chart had not loaded when the page was printed: open the page to see it\./g)?.length, 1, line);
  assert.doesNotMatch(line, /loads when you scroll to it|Loading prices/);
  assert.equal(line.match(/Ranking by RS-Ratio at the date shown/g)?.length, 2);
  // Printing started the waiting widget: it draws once its prices arrive.
  releaseSlow();
  await page.locator("#later [data-testid=ranking] tbody tr").first().waitFor({ state: "attached" });
  await context.close();
});

// A light widget with a title, for what paper keeps and what it drops.
const CONTROLS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">
<script type="module" src="/rotascope.js"></script></head>
<body><div class="rotascope" id="w" data-prices="/data/sample-prices.json" data-title="Sector rotation on paper" data-lazy="false"></div></body></html>`;

test("on paper the controls are gone and the title, the subtitle stating the choices, the chart and the figures stay", async () => {
  await session.ready;
  const page = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems = watchProblems(page);
  await page.route("**/controls.html", (route) => route.fulfill({ contentType: "text/html", body: CONTROLS }));
  await page.goto(`${session.url}controls.html`);
  await page.locator("#w [data-testid=ranking] tbody tr").first().waitFor();
  const shown = (selectors) =>
    page.evaluate((list) => {
      const root = document.querySelector("#w").shadowRoot;
      return Object.fromEntries(list.map((s) => [s, [...root.querySelectorAll(s)].map((el) => el.checkVisibility())]));
    }, selectors);
  const views = [
    ["rotation", ["[data-testid=interval]", "[data-testid=method]", "[data-testid=benchmark]", "[data-testid=tail]"], "[data-testid=ranking]"],
    ["performance", ["[data-testid=period]", "[data-testid=period-start]", "[data-testid=benchmark]", "[data-testid=mode]"], "[data-testid=returns]"],
    ["trend", ["[data-testid=period]", "[data-testid=trend-symbol]"], "[data-testid=trend-stats]"],
  ];
  for (const [view, controls, figures] of views) {
    await page.locator(`#w [data-testid=tab-${view}]`).click();
    await page.locator(`#w ${figures}`).first().waitFor();
    await page.waitForFunction(() => document.querySelector("#w").shadowRoot.querySelector("canvas.rs-canvas")?.dataset.builds);
    // What the controls say now, in the reader's words.
    const chosen = await page.evaluate(() => {
      const root = document.querySelector("#w").shadowRoot;
      const pressed = (id) => root.querySelector(`[data-testid=${id}] [aria-pressed=true]`)?.textContent.trim();
      const option = (id) => root.querySelector(`[data-testid=${id}]`)?.selectedOptions[0]?.textContent.trim();
      return [option("benchmark")?.split(" · ")[0], pressed("interval")?.toLowerCase(), option("method"), pressed("period"), option("trend-symbol")].filter(Boolean);
    });
    const onScreen = await shown([...controls, "[role=tablist]"]);
    assert.ok(Object.values(onScreen).flat().every(Boolean), `${view}: the controls are on screen ${JSON.stringify(onScreen)}`);
    await page.emulateMedia({ media: "print" });
    const onPaper = await shown([...controls, "[role=tablist]", "[role=tab]", "select", "input", ".rs-seg"]);
    for (const [selector, visible] of Object.entries(onPaper)) assert.ok(visible.every((v) => !v), `${view}: ${selector} is printed`);
    const kept = await shown([".rs-title", "[data-testid=subtitle]", "canvas.rs-canvas:not(.rs-overlay)", figures]);
    for (const [selector, visible] of Object.entries(kept)) assert.ok(visible[0], `${view}: ${selector} is not printed`);
    const subtitle = await page.locator("#w [data-testid=subtitle]").textContent();
    for (const choice of chosen) assert.ok(subtitle.includes(choice), `${view}: the subtitle "${subtitle}" does not say "${choice}"`);
    await page.emulateMedia({ media: "screen" });
  }
  assert.deepEqual(problems, []);
  await page.close();
});
