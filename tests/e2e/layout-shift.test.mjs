// A good guest keeps still: from the first paint to a drawn chart a widget's box has the height
// the height rule gives (README "Height rule"), so the publisher's page does not jump (Cumulative
// Layout Shift measured with a PerformanceObserver, the browser's own measure), and a lazy widget
// below the fold fetches nothing until the reader scrolls near it.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, watchProblems, waitForChart, htmlRoute, ROOT } from "./harness.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// Three lazy widgets far below the fold, one of each view, each with its own price URL so its
// download can be seen (or not).
const LAZY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Lazy widgets</title>
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/publisher.css"><link rel="stylesheet" href="/lazy.css">
<script type="module" src="/rotascope.js" blocking="render"></script></head><body><article>
<h1>A long article</h1><div class="fold"><p>Text above the fold.</p></div>
<div class="rotascope" id="lazy-1" data-prices="data/sample-prices.json?lazy-1" data-symbols="IWM,IJR,MDY" data-title="One"></div>
<p>Between the widgets.</p>
<rotascope-widget id="lazy-2" prices="data/sample-prices.json?lazy-2" view="performance" symbols="IWM,IJR" baskets="small: IWM IJR; large: SPY IVE" title="Two"></rotascope-widget>
<p>Between the widgets.</p>
<div class="rotascope" id="lazy-3" data-prices="data/sample-prices.json?lazy-3" data-view="trend" data-symbols="IWM" data-note="data/demo-note.json"></div>
<p>The end.</p></article></body></html>`;

// The README's own CSS for a box of the publisher's choosing, on a page that loads the widget the
// ordinary way (not render-blocking): the box is there from the first paint.
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const CHOSEN_CSS = README.split("#### Height rule")[1].match(/```css\n([\s\S]*?)```/)[1];
const CHOSEN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chosen height</title>
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/chosen.css"><script type="module" src="/rotascope.js"></script></head>
<body><h1>Above</h1><div class="rotascope" id="small-caps" data-prices="data/sample-prices.json" data-symbols="IWM,IJR"></div>
<p id="below">Below the widget.</p></body></html>`;

// The first widget starts 450 px below the fold: just out of the 400 px reach.
const LAZY_CSS = ".fold { height: calc(100vh + 450px); margin: 0; overflow: hidden; } h1 { margin: 0; }";
const site = useSiteAndBrowser(undefined, {
  csp: CSP,
  routes: {
    "/lazy.html": htmlRoute(LAZY_PAGE),
    "/lazy.css": (req, res) => res.writeHead(200, { "content-type": "text/css" }).end(LAZY_CSS),
    "/chosen.html": htmlRoute(CHOSEN_PAGE),
    "/chosen.css": (req, res) => res.writeHead(200, { "content-type": "text/css" }).end(CHOSEN_CSS),
  },
});
before(() => site.ready);

// Runs before any page script: adds up every layout shift not caused by the reader's input.
const MEASURE_CLS = () => {
  window.__cls = 0;
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__cls += entry.value;
      window.__shifts.push({ at: Math.round(entry.startTime), value: entry.value });
    }
  }).observe({ type: "layout-shift", buffered: true });
};

/** Scrolls to the foot of the page a screen at a time (as a reader's wheel would), letting each
 * widget that comes near draw before going on. */
async function readToTheEnd(page, hosts) {
  for (;;) {
    const before = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 700);
    await page.waitForFunction((y) => window.scrollY !== y || window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 1, before);
    for (const host of hosts) {
      const near = await page.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().top < window.innerHeight + 400, host);
      if (near) await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot?.querySelector(".rs-box")?.dataset.state === "drawn", host);
    }
    if (await page.evaluate(() => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 1)) return;
  }
}

test("publisher.html does not move at all while its widgets load and the reader scrolls through it (CLS 0)", async () => {
  // 1400 × 1100: the first chart's foot is in view while it draws (a canvas that took its
  // default 2:1 shape before its first fit moved what is under it: CLS 0.0043 here).
  for (const viewport of [{ width: 1200, height: 900 }, { width: 1400, height: 1100 }]) {
    const page = await site.browser.newPage({ viewport });
    const problems = watchProblems(page);
    await page.addInitScript(MEASURE_CLS);
    await page.goto(site.url + "publisher.html");
    await waitForChart(page, "[data-testid=pub-rotation]");
    await readToTheEnd(page, ["[data-testid=pub-rotation]", "[data-testid=pub-performance]", "[data-testid=pub-lazy]"]);
    const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
    assert.equal(cls, 0, `${viewport.width} px: CLS ${cls.toFixed(4)}: ${JSON.stringify(shifts)}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("three lazy widgets below the fold fetch nothing until scrolled near, and the page does not move (CLS 0)", async () => {
  for (const viewport of [{ width: 1200, height: 800 }, { width: 390, height: 844 }]) {
    const page = await site.browser.newPage({ viewport });
    const problems = watchProblems(page);
    const prices = [];
    page.on("request", (r) => {
      if (r.url().includes("sample-prices.json?lazy-")) prices.push(new URL(r.url()).search.slice(1));
    });
    await page.addInitScript(MEASURE_CLS);
    await page.goto(site.url + "lazy.html");
    await page.evaluate(() => globalThis.Rotascope.ready);
    // Every box has its height now, and none has loaded: the first is far below the fold.
    const waiting = await page.evaluate(() => ["#lazy-1", "#lazy-2", "#lazy-3"].map((s) => document.querySelector(s).shadowRoot.querySelector(".rs-box")?.dataset.state));
    assert.deepEqual(waiting, ["waiting", "waiting", "waiting"], `${viewport.width} px`);
    assert.deepEqual(prices, [], `${viewport.width} px: fetched before scrolling`);
    // A little scrolling brings the first near, and only the first: it keeps the height it will
    // have while it loads, so the second stays out of reach.
    await page.mouse.wheel(0, 200);
    await page.waitForFunction(() => document.querySelector("#lazy-1").shadowRoot.querySelector(".rs-box")?.dataset.state === "drawn");
    assert.deepEqual(prices, ["lazy-1"], `${viewport.width} px: only the first widget loads`);
    await readToTheEnd(page, ["#lazy-1", "#lazy-2", "#lazy-3"]);
    assert.deepEqual([...prices].sort(), ["lazy-1", "lazy-2", "lazy-3"], `${viewport.width} px`);
    const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
    assert.equal(cls, 0, `${viewport.width} px: CLS ${cls.toFixed(4)}: ${JSON.stringify(shifts)}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("the loader's height rule and the widget's give the same box for every view, width and option", async () => {
  const page = await site.browser.newPage();
  await page.goto(site.url + "lazy.html");
  const disagreements = await page.evaluate(async () => {
    const glue = await import("/rotascope-widget.js");
    await globalThis.Rotascope.ready;
    const configs = [];
    for (const view of [undefined, "rotation", "performance", "trend", "pie", " Trend "])
      for (const symbols of [undefined, "IWM", "IWM, IJR MDY", ["IWM", "IJR"], ""])
        for (const extra of [{}, { title: "Size and style against the S&P 500" }, { note: "n.json" }, { height: "360" }, { height: 9000 }, { height: "12px" }, { baskets: "a: X Y; b: Z" }, { baskets: { a: ["X"] } }, { prices: null, note: "n.json" }])
          configs.push({ prices: "p.json", view, symbols, ...extra });
    const wrong = [];
    for (const config of configs)
      for (const width of [0, 300, 339.5, 340, 390, 555, 699, 700, 913, 914, 1049, 1050, 1400]) {
        const loader = globalThis.Rotascope.boxHeight(config, width);
        const widget = glue.boxHeightOf(config, width);
        if (loader !== widget) wrong.push({ config, width, loader, widget });
      }
    return { checked: configs.length * 13, wrong: wrong.slice(0, 5) };
  });
  assert.ok(disagreements.checked > 3000);
  assert.deepEqual(disagreements.wrong, []);
  await page.close();
});

test("a box keeps its height while lazy, loading, drawn, failed and retrying, and the drawn widget fits in it", async () => {
  const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  let failures = 1;
  await page.route("**/held-prices.json", async (route) => {
    await held;
    route.fulfill({ path: "dist/data/sample-prices.json" }).catch(() => {});
  });
  await page.route("**/flaky-prices.json", (route) =>
    failures-- > 0 ? route.fulfill({ status: 503, body: "busy" }) : route.fulfill({ path: "dist/data/sample-prices.json" }),
  );
  await page.goto(site.url + "lazy.html");
  await page.evaluate(() => globalThis.Rotascope.ready);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      "afterbegin",
      `<div class="rotascope" id="held" data-prices="/data/held-prices.json" data-lazy="false" data-symbols="IWM,IJR"></div>
       <div class="rotascope" id="flaky" data-prices="/data/flaky-prices.json" data-lazy="false" data-view="performance"></div>
       <div class="rotascope" id="bad" data-prices="/data/sample-prices.json" data-lazy="false" data-period="someday"></div>`,
    );
  });
  const height = (sel) => page.evaluate((s) => document.querySelector(s).getBoundingClientRect().height, sel);
  const rule = (sel, config) => page.evaluate(([s, c]) => globalThis.Rotascope.boxHeight(c, document.querySelector(s).getBoundingClientRect().width), [sel, config]);
  await page.waitForFunction(() => document.querySelector("#held").shadowRoot?.querySelector(".rs-box")?.dataset.state === "loading");
  const expected = await rule("#held", { prices: "x", symbols: "IWM,IJR" });
  assert.equal(await height("#held"), expected, "loading");
  release();
  await waitForChart(page, "#held");
  assert.equal(await height("#held"), expected, "drawn");
  // A server error: the error card, then Try again, in the same box.
  await page.waitForFunction(() => document.querySelector("#flaky").shadowRoot?.querySelector("[data-testid=error]"));
  const flaky = await rule("#flaky", { prices: "x", view: "performance" });
  assert.equal(await height("#flaky"), flaky, "failed");
  await page.evaluate(() => document.querySelector("#flaky").shadowRoot.querySelector("[data-testid=error] button").click());
  await waitForChart(page, "#flaky");
  assert.equal(await height("#flaky"), flaky, "after Try again");
  // A config the widget refuses keeps the box its config implies.
  await page.waitForFunction(() => document.querySelector("#bad").shadowRoot?.querySelector("[data-testid=error]"));
  assert.equal(await height("#bad"), await rule("#bad", { prices: "x" }), "config error");
  await page.close();
});

test("the rule fits the widget as drawn: no view, symbol count or width grows its box past the rule (re-measure the rule when the layout changes)", async () => {
  const page = await site.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const cases = [];
  for (const view of ["rotation", "performance", "trend"])
    for (const symbols of ["IWM", "IWM,IJR,MDY,IVE,IVW", null])
      for (const width of [320, 390, 480, 600, 760, 900, 1000, 1300]) cases.push({ view, symbols, width });
  for (const width of [1000, 1300]) cases.push({ view: "rotation", symbols: "IWM,IJR,MDY,IVE,IVW", width, note: true });
  await page.goto(site.url + "lazy.html");
  await page.evaluate(() => globalThis.Rotascope.ready);
  const results = await page.evaluate(async (all) => {
    for (const [k, c] of all.entries()) {
      const holder = document.createElement("div");
      holder.style.width = `${c.width}px`;
      const host = document.createElement("div");
      host.className = "rotascope";
      host.id = `fit-${k}`;
      Object.assign(host.dataset, { prices: "data/sample-prices.json", view: c.view, lazy: "false", ...(c.symbols ? { symbols: c.symbols } : {}), ...(c.note ? { note: "data/demo-note.json" } : {}) });
      holder.append(host);
      document.body.prepend(holder);
    }
    // Drawn, and styled: each shadow root's stylesheet arrives on its own.
    const drawn = () =>
      all.every((_, k) => {
        const box = document.querySelector(`#fit-${k}`).shadowRoot?.querySelector(".rs-box");
        return box?.dataset.state === "drawn" && getComputedStyle(box.querySelector(".rs-mount")).visibility === "visible";
      });
    while (!drawn()) await new Promise((r) => requestAnimationFrame(r));
    // The note card loads on its own; wait for its claims.
    while (all.some((c, k) => c.note && !document.querySelector(`#fit-${k}`).shadowRoot.querySelector("[data-testid=claims]"))) await new Promise((r) => requestAnimationFrame(r));
    // Until every box has stopped changing (late parts of a view, the card's alerts).
    const heights = () => all.map((_, k) => document.querySelector(`#fit-${k}`).getBoundingClientRect().height).join();
    for (let before = heights(), settled = 0; settled < 3; ) {
      await new Promise((r) => setTimeout(r, 50));
      const now = heights();
      settled = now === before ? settled + 1 : 0;
      before = now;
    }
    return all.map((c, k) => {
      const host = document.querySelector(`#fit-${k}`);
      const config = { prices: "x", view: c.view, symbols: c.symbols ?? undefined, note: c.note ? "n" : undefined };
      const rule = globalThis.Rotascope.boxHeight(config, host.getBoundingClientRect().width);
      return { ...c, over: Math.round(host.shadowRoot.querySelector(".rs-box").getBoundingClientRect().height - rule) };
    });
  }, cases);
  assert.deepEqual(results.filter((r) => r.over > 0), []);
  await page.close();
});

test("the README's CSS chooses the box's height; reserved in the page's CSS, nothing moves from the first paint", async () => {
  assert.match(CHOSEN_CSS, /--rs-box-height: 900px/);
  const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
  const problems = watchProblems(page);
  await page.addInitScript(MEASURE_CLS);
  await page.goto(site.url + "chosen.html");
  await waitForChart(page, "#small-caps");
  const sizes = await page.evaluate(() => ({
    host: document.querySelector("#small-caps").getBoundingClientRect().height,
    box: document.querySelector("#small-caps").shadowRoot.querySelector(".rs-box").getBoundingClientRect().height,
    rule: globalThis.Rotascope.boxHeight({ prices: "x", symbols: "IWM,IJR" }, 1000),
  }));
  assert.deepEqual([sizes.host, sizes.box], [900, 900]);
  assert.notEqual(sizes.rule, 900, "the chosen height is not the rule's");
  const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
  assert.equal(cls, 0, JSON.stringify(shifts));
  assert.deepEqual(problems, []);
  await page.close();
});
