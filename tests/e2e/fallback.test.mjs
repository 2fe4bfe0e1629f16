// Fallback content: whatever the publisher puts inside a placeholder or <rotascope-widget> (an
// image, a sentence, a table) stays in view until the chart draws, and stays when it cannot,
// under one line for readers; the detail goes to the console and rotascope:error. (A page whose
// policy forbids WebAssembly: tests/e2e/csp.test.mjs.)
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, waitForChart, htmlRoute, ROOT, DIST } from "./harness.mjs";

// The README's snippet as a publisher would paste it, fed a broken price file.
const SNIPPET = fs.readFileSync(path.join(ROOT, "README.md"), "utf8").split("#### Fallback content")[1].match(/```html\n([\s\S]*?)```/)[1];
const README_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Snippet</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="/rotascope.js"></script></head><body>
${SNIPPET.replace('data-prices="/data/prices.json"', 'id="snippet" data-prices="/data/broken-prices.json"')}</body></html>`;

const FALLBACK = `<img src="/favicon.svg" alt="Small caps against large caps, year to date" width="120" height="40">
  <p>Small caps led large caps by 8.5 pp this year.</p>
  <table><tr><th>IWM</th><td>+12.1%</td></tr></table>`;
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fallbacks</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="/events.js"></script>
<script type="module" src="/rotascope.js" blocking="render"></script></head><body>
<div class="rotascope" id="held" data-prices="/held/sample-prices.json" data-lazy="false">${FALLBACK}</div>
<rotascope-widget id="broken" prices="/data/broken-prices.json" lazy="false">${FALLBACK}</rotascope-widget>
<div class="rotascope" id="refused" data-prices="/data/sample-prices.json" data-period="someday" data-lazy="false">${FALLBACK}</div>
<div class="rotascope" id="plain" data-prices="/data/broken-prices.json" data-lazy="false"><noscript><p>Charts need JavaScript.</p></noscript>
  <script type="application/json">{ "view": "performance" }</script></div>
</body></html>`;
const EVENTS = `window.__errors = [];
document.addEventListener("rotascope:error", (e) => window.__errors.push({ id: e.target.id, code: e.detail.code, message: e.detail.message }));`;

let release;
const held = new Promise((resolve) => (release = resolve));
const site = useSiteAndBrowser(undefined, {
  routes: {
    "/fallback.html": htmlRoute(PAGE),
    "/snippet.html": htmlRoute(README_PAGE),
    "/img/small-caps-2026.png": (req, res) => res.writeHead(200, { "content-type": "image/svg+xml" }).end(fs.readFileSync(path.join(DIST, "favicon.svg"))),
    "/events.js": (req, res) => res.writeHead(200, { "content-type": "text/javascript" }).end(EVENTS),
  },
});
before(() => site.ready);

/** Whether the light-DOM element `selector` inside host `id` is laid out on the page. */
const shown = (page, id, selector) =>
  page.evaluate(([i, s]) => {
    const rect = document.querySelector(`#${i} ${s}`).getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  }, [id, selector]);

test("fallback content shows until the chart draws, and stays, under one line for readers, when it cannot", async () => {
  const page = await site.browser.newPage();
  const consoleErrors = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  page.on("pageerror", (e) => consoleErrors.push(`uncaught: ${e.message}`));
  // Every layout shift not caused by input: the fallback going, or staying, moves nothing.
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.route("**/held/sample-prices.json", async (route) => {
    await held;
    route.fulfill({ path: "dist/data/sample-prices.json" }).catch(() => {});
  });
  await page.goto(site.url + "fallback.html");
  await page.evaluate(() => globalThis.Rotascope.ready);
  await page.waitForFunction(() => document.querySelector("#held").shadowRoot?.querySelector(".rs-box")?.dataset.state === "loading");
  // Loading: the publisher's image, sentence and table are in view.
  for (const part of ["img", "p", "table"]) assert.ok(await shown(page, "held", part), `loading: ${part}`);
  release();
  await waitForChart(page, "#held");
  for (const part of ["img", "p", "table"]) assert.equal(await shown(page, "held", part), false, `drawn: ${part} is hidden`);

  // A data error and a refused config: the fallback stays, with the reader's line above it; the
  // widget's error card (the publisher's detail) is not shown to readers.
  for (const id of ["broken", "refused"]) {
    await page.waitForFunction((i) => document.querySelector(`#${i}`).shadowRoot?.querySelector("[data-testid=reader-note]"), id);
    const note = await page.evaluate((i) => {
      const root = document.querySelector(`#${i}`).shadowRoot;
      const error = root.querySelector("[data-testid=error]");
      return { text: root.querySelector("[data-testid=reader-note]").textContent, role: root.querySelector("[data-testid=reader-note]").getAttribute("role"), card: !!error && error.getBoundingClientRect().height > 0 };
    }, id);
    assert.deepEqual(note, { text: "This chart could not be shown.", role: "status", card: false }, id);
    for (const part of ["img", "p", "table"]) assert.ok(await shown(page, id, part), `${id}: ${part}`);
  }
  // The detail reaches the publisher: rotascope:error and the console, word for word.
  const errors = await page.evaluate(() => window.__errors);
  for (const id of ["broken", "refused"]) {
    const event = errors.find((e) => e.id === id);
    assert.ok(event, `${id} fired rotascope:error`);
    assert.ok(consoleErrors.includes(`Rotascope: ${event.message}`), `${id}: ${consoleErrors.join("\n")}`);
  }
  assert.match(errors.find((e) => e.id === "refused").message, /period/);

  assert.ok((await page.evaluate(() => window.__cls)) <= 0.01, `CLS ${await page.evaluate(() => window.__cls)}`);
  // <noscript> and the JSON config are not fallback content: without any, the error card stays.
  await page.waitForFunction(() => document.querySelector("#plain").shadowRoot?.querySelector("[data-testid=error]"));
  assert.equal(await page.evaluate(() => !!document.querySelector("#plain").shadowRoot.querySelector("[data-testid=reader-note]")), false);
  assert.deepEqual(consoleErrors.filter((m) => !m.startsWith("Rotascope: ") && !/Failed to load resource/.test(m)), []);
  await page.close();
});

test("the README's fallback snippet keeps its image and sentence in view when the data is wrong", async () => {
  assert.match(README_PAGE, /id="snippet" data-prices="\/data\/broken-prices.json"/);
  const page = await site.browser.newPage();
  await page.goto(site.url + "snippet.html");
  await page.waitForFunction(() => document.querySelector("#snippet").shadowRoot?.querySelector("[data-testid=reader-note]"));
  assert.equal(await page.evaluate(() => document.querySelector("#snippet").shadowRoot.querySelector("[data-testid=reader-note]").textContent), "This chart could not be shown.");
  for (const part of ["img", "p"]) assert.ok(await shown(page, "snippet", part), part);
  assert.ok(await page.evaluate(() => document.querySelector("#snippet img").complete && document.querySelector("#snippet img").naturalWidth > 0), "the image loaded");
  await page.close();
});
