// Shareable view (README "Shareable view"): with `permalink`, what a reader changes goes into
// the page URL's hash under the widget's key (its id, else rotascope-N), the page's own hash
// part is kept, and opening that URL restores the view. Values that cannot be restored are
// named on the widget and in rotascope:error; the rest of the view still comes back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSiteAndBrowser, DIST, htmlRoute, watchProblems } from "./harness.mjs";

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">
<script type="module" src="/events.js"></script><script type="module" src="/rotascope.js"></script></head><body>
<div class="rotascope" id="styles" data-prices="/data/sample-prices.json" data-permalink="true" data-lazy="false"></div>
<rotascope-widget data-testid="second" prices="/data/sample-prices.json" permalink="true" lazy="false"></rotascope-widget>
<div class="rotascope" data-testid="plain" data-prices="/data/sample-prices.json" data-lazy="false"></div>
<div class="rotascope" data-testid="bad-key" data-prices="/data/sample-prices.json" data-permalink="my chart" data-lazy="false"></div>
<div data-testid="api"></div>
<script type="module" src="/mount.js"></script>
<div class="spacer"></div><h2 id="intro">The page's own section</h2>
</body></html>`;
// A mount() target without an id has no place to name its view by.
const MOUNT = `Rotascope.mount(document.querySelector("[data-testid=api]"), { prices: "/data/sample-prices.json", permalink: true, lazy: false });`;
const CSS = `.spacer { height: 3000px; }`;
// Counts the page's history writes, from before any script runs.
const countWrites = () => {
  window.__writes = 0;
  const replace = history.replaceState.bind(history);
  history.replaceState = (...args) => {
    window.__writes++;
    return replace(...args);
  };
};
const EVENTS = `window.__errors = [];
document.addEventListener("rotascope:error", (e) => window.__errors.push({ id: e.target.id || e.target.dataset.testid, code: e.detail.code, message: e.detail.message }));`;

const session = useSiteAndBrowser(DIST, {
  routes: {
    "/share.html": htmlRoute(PAGE.replace("</head>", '<link rel="stylesheet" href="/share.css"></head>')),
    "/events.js": (req, res) => res.writeHead(200, { "content-type": "text/javascript" }).end(EVENTS),
    "/mount.js": (req, res) => res.writeHead(200, { "content-type": "text/javascript" }).end(MOUNT),
    "/share.css": (req, res) => res.writeHead(200, { "content-type": "text/css" }).end(CSS),
  },
});

const widget = (page) => page.locator("#styles");
const hashOf = (page) => page.evaluate(() => decodeURIComponent(location.hash));

test("a reader's view goes into the URL under the widget's key and comes back from it", async () => {
  await session.ready;
  const page = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.addInitScript(countWrites);
  const problems = watchProblems(page);
  await page.goto(`${session.url}share.html#intro`);
  const w = widget(page);
  await w.locator("[data-testid=ranking] tbody tr").first().waitFor();
  // Nothing is written until the reader changes something. An absence has no event to wait
  // for: a write would come 250 ms after a change, so a second of quiet shows there was none.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
  assert.equal(await page.evaluate(() => window.__writes), 0);
  assert.equal(await hashOf(page), "#intro");
  const entries = await page.evaluate(() => history.length);

  await w.locator("[data-testid=benchmark]").selectOption(await w.locator("[data-testid=benchmark] option", { hasText: /^IWM/ }).getAttribute("value"));
  await w.locator("[data-testid=method]").selectOption("zscore");
  await w.locator("[data-testid=legend] button", { hasText: "XLU" }).click();
  await w.locator("[data-testid=ranking] .rs-link", { hasText: "IJR" }).click();
  const scrub = w.locator("[data-testid=scrub]");
  await scrub.fill(String(Number(await scrub.getAttribute("max")) - 3));
  const scrubDate = await w.locator("[data-testid=scrub-date]").textContent();
  await w.locator("[data-testid=tab-performance]").click();
  await w.locator("[data-testid=period] button", { hasText: "1Y" }).click();

  const expected = /^#intro&styles=view:performance;benchmark:IWM;method:zscore;period:1Y;date:(\d{4}-\d\d-\d\d);highlight:IJR;hidden:XLU$/;
  await page.waitForFunction((re) => new RegExp(re).test(decodeURIComponent(location.hash)), expected.source);
  const hash = await hashOf(page);
  const day = hash.match(expected)[1];
  // One entry rewritten in place, not one per change; the scrub date is the one shown.
  assert.equal(await page.evaluate(() => history.length), entries);
  const shownDay = await page.evaluate((d) => new Date(`${d}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }), day);
  assert.equal(shownDay, scrubDate);
  // The other widgets did not write: the custom element was not touched, the third has no permalink.
  assert.ok(!hash.includes("rotascope-2"));

  // The same URL in a new tab restores the view before it is drawn.
  const shared = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  await shared.goto(`${session.url}share.html${hash}`);
  const s = widget(shared);
  await s.locator("[data-testid=returns] tbody tr").first().waitFor();
  // The browser could not find `#intro&styles=…`; the widget took the reader to #intro
  // (checked before any click, which would scroll the page back to the widget).
  await shared.waitForFunction(() => window.scrollY > 2000);
  assert.equal(await s.locator("[data-testid=tab-performance]").getAttribute("aria-selected"), "true");
  assert.equal(await s.locator("[data-testid=period] button", { hasText: "1Y" }).getAttribute("aria-pressed"), "true");
  assert.match(await s.locator("[data-testid=subtitle]").textContent(), /^Against IWM/);
  assert.equal(await s.locator("[data-testid=legend] button", { hasText: "XLU" }).getAttribute("aria-pressed"), "false");
  await s.locator("[data-testid=tab-rotation]").click();
  assert.equal(await s.locator("[data-testid=method]").inputValue(), "zscore");
  assert.equal(await s.locator("[data-testid=scrub-date]").textContent(), scrubDate);
  assert.match(await s.locator(".rs-row-pinned").textContent(), /IJR/);
  assert.equal(await s.locator("[data-testid=permalink-problems]").count(), 0);
  // The second widget takes key rotascope-2 (its place on the page) once its reader acts.
  const second = shared.locator("[data-testid=second]");
  await second.locator("[data-testid=tab-trend]").click();
  await shared.waitForFunction(() => location.hash.endsWith("&rotascope-2=view:trend;benchmark:SPY;method:log-trend;period:YTD"));
  assert.deepEqual(problems, []);
  await page.close();
  await shared.close();
});

test("what cannot be restored is named, reported like a config error, and the rest still applies", async () => {
  await session.ready;
  const page = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(`${session.url}share.html#styles=view:pie;benchmark:QQQ;period:1M;date:1990-01-05;hidden:XLU`);
  const w = widget(page);
  const box = w.locator("[data-testid=permalink-problems]");
  await box.waitFor();
  const listed = await box.locator("li").allTextContents();
  assert.deepEqual(listed.slice(0, 2), [
    'permalink `styles`: `view` = "pie": use rotation, performance or trend',
    'permalink `styles`: `benchmark` = "QQQ": not in the price data',
  ]);
  const first = listed[2]?.match(/^permalink `styles`: `date` = "1990-01-05": before the rotation graph's first point, (\d{4}-\d\d-\d\d)$/)?.[1];
  assert.ok(first, listed[2]);
  // That is the graph's first point: the scrub slider's start.
  await w.locator("[data-testid=scrub]").fill("0");
  const shown = await page.evaluate((d) => new Date(`${d}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }), first);
  assert.equal(await w.locator("[data-testid=scrub-date]").textContent(), shown);
  assert.equal(await box.getAttribute("role"), "alert");
  // The rest applied: XLU hidden; the period shows on the performance tab.
  assert.equal(await w.locator("[data-testid=legend] button", { hasText: "XLU" }).getAttribute("aria-pressed"), "false");
  await w.locator("[data-testid=tab-performance]").click();
  assert.equal(await w.locator("[data-testid=period] button", { hasText: "1M" }).getAttribute("aria-pressed"), "true");
  const errors = await page.evaluate(() => window.__errors);
  const styles = errors.filter((e) => e.id === "styles");
  assert.equal(styles.length, 1);
  assert.equal(styles[0].code, "config");
  assert.match(styles[0].message, /`view` = "pie".*`benchmark` = "QQQ"/);
  // A permalink key that is not one is the widget's config error; so is `true` on a mount()
  // target without an id.
  const bad = errors.find((e) => e.id === "bad-key");
  assert.equal(bad?.message, 'option `permalink` = "my chart": use true, false, or a key of up to 40 letters, digits, - and _');
  await page.waitForFunction(() => window.__errors.some((e) => e.id === "api"));
  assert.equal(
    (await page.evaluate(() => window.__errors.find((e) => e.id === "api"))).message,
    "option `permalink` = true: this element has no id to name its view in the address; give it an id, or set permalink to a key",
  );
  await page.close();
});

test("a link that names the retired ratio-roc says why, draws log-trend and restores the rest", async () => {
  await session.ready;
  const page = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(`${session.url}share.html#styles=view:rotation;benchmark:IWM;method:ratio-roc;hidden:XLU`);
  const w = widget(page);
  const box = w.locator("[data-testid=permalink-problems]");
  await box.waitFor();
  // README "The retired `ratio-roc`": a shared link that names it restores the rest of the
  // view and says the same as the refused config.
  const why = "ratio-roc was retired: it measured each symbol in its own units, so distance from 100 did not mean strength; use log-trend (the default) or zscore";
  assert.deepEqual(await box.locator("li").allTextContents(), [`permalink \`styles\`: \`method\` = "ratio-roc": ${why}`]);
  assert.equal(await w.locator("[data-testid=method]").inputValue(), "log-trend");
  assert.match(await w.locator("[data-testid=subtitle]").textContent(), /^Against IWM/);
  assert.equal(await w.locator("[data-testid=legend] button", { hasText: "XLU" }).getAttribute("aria-pressed"), "false");
  const errors = await page.evaluate(() => window.__errors.filter((e) => e.id === "styles"));
  assert.equal(errors.length, 1);
  assert.equal(errors[0].code, "config");
  assert.ok(errors[0].message.includes(why), errors[0].message);
  await page.close();
});

test("a crafted link is quoted short, and a megabyte one is not read, quickly", async () => {
  await session.ready;
  const page = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  const long = "Q".repeat(200);
  const huge = "x".repeat(1_000_000);
  const started = Date.now();
  await page.goto(`${session.url}share.html#styles=view:trend;highlight:${long}&rotascope-2=highlight:${huge}`);
  const quoted = `permalink \`styles\`: \`highlight\` = "${"Q".repeat(40)}… (200 characters)": not in the price data`;
  const refused = "permalink `rotascope-2`: the view is 1000010 characters long, more than the 16384 a view can have; it was not read";
  const listed = async (widgetSelector) => {
    const box = page.locator(`${widgetSelector} [data-testid=permalink-problems]`);
    await box.waitFor();
    return box.locator("li").allTextContents();
  };
  assert.deepEqual(await listed("[data-testid=second]"), [refused]);
  // Refused before any of it is parsed: the page is as quick as any (a bound, not a wait: the
  // widget is observed as soon as it shows).
  assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
  assert.deepEqual(await listed("#styles"), [quoted]);
  // The rest of the link applied, and the events say the same, as short.
  assert.equal(await page.locator("#styles [data-testid=tab-trend]").getAttribute("aria-selected"), "true");
  const errors = await page.evaluate(() => window.__errors.filter((e) => e.code === "config"));
  assert.deepEqual(errors.filter((e) => e.id === "styles" || e.id === "second").map((e) => [e.id, e.message]).sort(), [["second", refused], ["styles", quoted]]);
  await page.close();
});

test("a page that routes with its hash keeps it: the widget says so and writes nothing", async () => {
  await session.ready;
  const page = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.addInitScript(countWrites);
  await page.goto(`${session.url}share.html#/article/5`);
  const w = widget(page);
  const note = w.locator("[data-testid=permalink-route]");
  await note.waitFor();
  assert.equal(await note.textContent(), "This page uses the # part of its address for its own navigation, so this chart's view is not kept in the address.");
  await w.locator("[data-testid=tab-trend]").click();
  await w.locator("[data-testid=trend-stats]").waitFor();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
  assert.equal(await hashOf(page), "#/article/5");
  assert.equal(await page.evaluate(() => window.__writes), 0);
  await page.close();
});
