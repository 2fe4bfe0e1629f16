// Data that stays current (README "Refresh"): a widget with `refresh: 10` whose price file
// gains a day while the page is open. The file is served with an ETag and a long max-age, so
// only a conditional request can see the new day. Checked: the first tick comes on its own and
// carries the validator; the chart redraws with the new day and the reader's view and focus
// stay; `rotascope:alert` fires once for each quadrant change the day brought (and for no
// other); the alerts list marks them new until the reader goes there; one polite announcement;
// a 304 costs no drawing; a hidden page asks nothing until it shows again; a failing refresh
// keeps the chart and says since when; update() asks the server again under the same URL; and a
// bad `refresh` is a config error. No step waits a fixed time: each waits for what it checks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, serve as serveSite, watchProblems, waitForChart, DIST, API_PAGE, htmlRoute } from "./harness.mjs";

const SAMPLE = JSON.parse(fs.readFileSync(path.join(DIST, "data/sample-prices.json"), "utf8"));
/** The sample file's first `n` days. */
const firstDays = (n) => ({
  ...SAMPLE,
  dates: SAMPLE.dates.slice(0, n),
  series: Object.fromEntries(Object.entries(SAMPLE.series).map(([symbol, closes]) => [symbol, closes.slice(0, n)])),
});

// What the server has now, each version with its own ETag; every request it answered.
let served = null;
let down = false;
// While set, answers wait here until the test releases them.
let held = null;
const requests = [];
const serve = (n, without = null) => {
  const data = firstDays(n);
  if (without) delete data.series[without];
  served = { body: JSON.stringify(data), etag: `"days-${n}${without ? `-${without}` : ""}"` };
};
const routes = {
  "/api.html": htmlRoute(API_PAGE),
  "/refresh/prices.json": (req, res) => {
    const asked = { validator: req.headers["if-none-match"] ?? null };
    requests.push(asked);
    if (held) return held.push(() => answer(req, res, asked));
    answer(req, res, asked);
  },
};
function answer(req, res, asked) {
  {
    if (down) {
      asked.status = 500;
      return res.writeHead(500, { "content-type": "text/plain" }).end("down for maintenance");
    }
    // A long max-age: the browser's cache would answer a plain request without asking.
    const headers = { etag: served.etag, "cache-control": "max-age=3600", "content-type": "application/json" };
    asked.status = asked.validator === served.etag ? 304 : 200;
    if (asked.status === 304) return res.writeHead(304, headers).end();
    res.writeHead(200, headers).end(served.body);
  }
}

const session = useSiteAndBrowser(DIST, { routes });
let page, problems;

/** The widget's shadow root, queried. */
const inWidget = (selector) => page.evaluate((s) => [...document.querySelector("#live").shadowRoot.querySelectorAll(s)].map((e) => e.textContent), selector);
const refreshState = () => page.evaluate(() => document.querySelector("#live").shadowRoot.querySelector("[data-refresh]")?.dataset.refresh ?? null);
/** Waits until the widget's refresh state has become `state` after the `from`-th change. */
const waitForState = (state, from) =>
  page.waitForFunction(([s, k]) => window.__states.slice(k).includes(s), [state, from], { timeout: 25000 });

// The day to add: the first one from the end of the sample whose daily rotation against SPY
// brings at least one quadrant change, found with analyze(); the changes dated that day are
// the alerts expected (a day's closes move only the points of that day).
let days, expected;

before(async () => {
  await session.ready;
  page = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  problems = watchProblems(page);
  // Counts canvas drawing, to tell a redraw from none.
  await page.addInitScript(() => {
    window.__draws = 0;
    const clear = CanvasRenderingContext2D.prototype.clearRect;
    CanvasRenderingContext2D.prototype.clearRect = function (...args) {
      window.__draws++;
      return clear.apply(this, args);
    };
  });
  await page.goto(`${session.url}api.html`);
  await page.evaluate(() => globalThis.Rotascope.ready);
  ({ days, expected } = await page.evaluate(async (sample) => {
    const cut = (n) => ({ ...sample, dates: sample.dates.slice(0, n), series: Object.fromEntries(Object.entries(sample.series).map(([k, v]) => [k, v.slice(0, n)])) });
    for (let n = sample.dates.length - 1; n > sample.dates.length - 120; n--) {
      const result = await globalThis.Rotascope.analyze({ prices: cut(n + 1), rotation: { interval: "daily" } });
      const day = sample.dates[n];
      const changes = result.rotation.flatMap((r) => r.transitions.filter((t) => t.date === day).map((t) => ({ symbol: r.symbol, from: t.from, to: t.to, date: t.date, benchmark: result.benchmark, interval: "daily", partial: t.partial })));
      if (changes.length) return { days: n, expected: changes };
    }
    throw new Error("no day in the last 120 brings a quadrant change");
  }, SAMPLE));
  serve(days);
  await page.evaluate(() => {
    window.__alerts = [];
    document.addEventListener("rotascope:alert", (e) => window.__alerts.push({ id: e.target.id, ...e.detail }));
    window.__alertsOf = (id) => window.__alerts.filter((a) => a.id === id).map(({ id, ...detail }) => detail);
    const host = document.createElement("div");
    host.id = "live";
    document.body.append(host);
    // A second widget on the same file, without refresh.
    const other = document.createElement("div");
    other.id = "other";
    document.body.append(other);
    window.__other = globalThis.Rotascope.mount(other, { prices: "/refresh/prices.json", rotationInterval: "daily", lazy: false });
    window.__handle = globalThis.Rotascope.mount(host, {
      prices: "/refresh/prices.json",
      refresh: 10,
      rotationInterval: "daily",
      lazy: false,
      note: { title: "Small caps turn", published: "2022-03-01", summary: "A note beside the chart." },
    });
  });
  await waitForChart(page, "#live");
  await waitForChart(page, "#other");
  // Every value the widget's refresh state takes, in order.
  await page.evaluate(() => {
    window.__states = [];
    // On the shadow root's whole tree: update() builds the widget's root element anew.
    const shadow = document.querySelector("#live").shadowRoot;
    new MutationObserver((changes) => changes.forEach((c) => window.__states.push(c.target.dataset.refresh))).observe(shadow, { attributes: true, subtree: true, attributeFilter: ["data-refresh"] });
  });
});

after(async () => {
  // The one failure the test asks for, and nothing else.
  assert.deepEqual(problems, [
    `HTTP 500: ${session.url}refresh/prices.json`,
    "console.error: Failed to load resource: the server responded with a status of 500 (Internal Server Error)",
  ]);
  await page?.close();
});

test("the first tick comes on its own with the validator; the new day redraws in place, keeps the view and focus, and fires one alert per new change", async () => {
  assert.deepEqual(requests, [{ validator: null, status: 200 }], "the first load asks once for both widgets, without a validator");
  assert.match((await inWidget("[data-testid=updated]"))[0], /^ · Updated \d{1,2}:\d{2}/);
  assert.deepEqual(await page.evaluate(() => window.__alerts), [], "no alert for the changes there at first load");
  // The reader moves to the performance view with the keyboard's focus on its tab.
  await page.locator("#live [data-testid=tab-performance]").focus();
  await page.keyboard.press("Enter");
  const lastBefore = SAMPLE.dates[days - 1];
  serve(days + 1);
  await page.waitForFunction((n) => window.__alertsOf("live").length >= n, expected.length, { timeout: 25000 });
  await waitForState("current", 0);
  assert.deepEqual(requests.slice(1), [{ validator: `"days-${days}"`, status: 200 }], "one conditional request, carrying the last response's ETag");
  assert.deepEqual(await page.evaluate(() => window.__alertsOf("live")), expected);
  const view = await page.evaluate(() => {
    const root = document.querySelector("#live").shadowRoot;
    return { selected: root.querySelector("[aria-selected=true]")?.dataset.testid, focused: root.activeElement?.dataset.testid };
  });
  assert.deepEqual(view, { selected: "tab-performance", focused: "tab-performance" });
  // The subtitle's as-of day moved from the old last day to the new one.
  const day = (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  const subtitle = (await inWidget("[data-testid=subtitle]"))[0];
  assert.ok(subtitle.includes(day(SAMPLE.dates[days])) && !subtitle.includes(day(lastBefore)), subtitle);
  const said = (await inWidget("[data-testid=refresh-said]"))[0];
  assert.equal(said.split(":")[0], `Prices updated to ${day(SAMPLE.dates[days])}`);
  for (const a of expected) assert.ok(said.includes(`${a.symbol} moved into ${a.to}`), said);
  // The card's alerts mark the new changes until the reader goes to the list.
  assert.equal((await inWidget("[data-testid=alert-new]")).length, expected.length);
  await page.locator("#live [data-testid=alerts]").hover();
  await page.waitForFunction(() => !document.querySelector("#live").shadowRoot.querySelector("[data-testid=alert-new]"));
});

/** Resolves after two animation frames: a redraw asked for by then has been painted. */
const twoFrames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

test("a second widget on the file sees the new day when it asks, though its answer is a 304", async () => {
  const subtitle = () => page.evaluate(() => document.querySelector("#other").shadowRoot.querySelector("[data-testid=subtitle]").textContent);
  const day = (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  assert.ok((await subtitle()).includes(day(SAMPLE.dates[days - 1])), "it kept what it drew");
  const asked = requests.length;
  await page.evaluate(() => window.__other.refresh());
  await page.waitForFunction((d) => document.querySelector("#other").shadowRoot.querySelector("[data-testid=subtitle]").textContent.includes(d), day(SAMPLE.dates[days]));
  assert.deepEqual(requests.slice(asked), [{ validator: `"days-${days + 1}"`, status: 304 }]);
  // The day's changes are new to this widget too.
  assert.deepEqual(await page.evaluate(() => window.__alertsOf("other")), expected);
});

test("an unchanged file (304) costs no drawing and no alert", async () => {
  await twoFrames();
  const [drawsBefore, from] = await page.evaluate(() => {
    window.__canvas = document.querySelector("#live").shadowRoot.querySelector("canvas");
    return [window.__draws, window.__states.length];
  });
  const asked = requests.length;
  await page.evaluate(() => window.__handle.refresh());
  await waitForState("current", from);
  await twoFrames();
  assert.deepEqual(requests.slice(asked), [{ validator: `"days-${days + 1}"`, status: 304 }]);
  assert.equal(await page.evaluate(() => window.__draws), drawsBefore, "nothing drawn");
  assert.ok(await page.evaluate(() => document.querySelector("#live").shadowRoot.querySelector("canvas") === window.__canvas), "the same chart, not a new one");
  assert.equal(await page.evaluate(() => window.__alerts.length), 2 * expected.length);
});

test("a hidden page asks nothing at its tick, and asks as soon as it shows again", async () => {
  const from = await page.evaluate(() => window.__states.length);
  const setHidden = (hidden) =>
    page.evaluate((h) => {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => h });
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (h ? "hidden" : "visible") });
      document.dispatchEvent(new Event("visibilitychange"));
    }, hidden);
  await setHidden(true);
  const asked = requests.length;
  await waitForState("paused", from);
  assert.equal(requests.length, asked, "no request while hidden");
  const shown = await page.evaluate(() => window.__states.length);
  await setHidden(false);
  await waitForState("current", shown);
  assert.deepEqual(requests.slice(asked), [{ validator: `"days-${days + 1}"`, status: 304 }]);
});

test("a failing refresh keeps the chart and says since when it could not update", async () => {
  const from = await page.evaluate(() => window.__states.length);
  const updated = (await inWidget("[data-testid=updated]"))[0];
  down = true;
  await page.evaluate(() => window.__handle.refresh());
  await waitForState("failing", from);
  down = false;
  const time = updated.match(/\d{1,2}:\d{2}( [AP]M)?/)[0];
  assert.deepEqual(await inWidget("[data-testid=updated]"), [` · Could not update since ${time}`]);
  assert.deepEqual(await inWidget("[data-testid=error]"), [], "no error card");
  await waitForChart(page, "#live");
  assert.equal(await refreshState(), "failing");
});

test("update() with the same URL asks the server again, even within the file's max-age", async () => {
  const asked = requests.length;
  await page.evaluate(() => window.__handle.update({ title: "Same file" }));
  await waitForChart(page, "#live");
  assert.deepEqual(requests.slice(asked), [{ validator: `"days-${days + 1}"`, status: 304 }]);
});

test("a file that lost a symbol keeps the reader's view and hidden symbols by name", async () => {
  const legend = (symbol) => page.locator("#live .rs-legend-item", { hasText: symbol });
  await page.locator("#live [data-testid=tab-performance]").click();
  await legend("IWM").click();
  assert.equal(await legend("IWM").getAttribute("aria-pressed"), "false");
  const from = await page.evaluate(() => window.__states.length);
  serve(days + 1, "XLE");
  await page.evaluate(() => window.__handle.refresh());
  await waitForState("current", from);
  await page.waitForFunction(() => ![...document.querySelector("#live").shadowRoot.querySelectorAll(".rs-legend-item")].some((b) => b.textContent.includes("XLE")));
  assert.equal(await legend("IWM").getAttribute("aria-pressed"), "false", "IWM still hidden");
  assert.equal(await page.evaluate(() => document.querySelector("#live").shadowRoot.querySelector("[aria-selected=true]").dataset.testid), "tab-performance");
  serve(days + 1);
});

test("refresh below 10 seconds or not a number is a config error", async () => {
  const messages = await page.evaluate(async () => {
    const out = [];
    for (const refresh of [5, "soon"]) {
      const host = document.createElement("div");
      document.body.append(host);
      const error = new Promise((resolve) => host.addEventListener("rotascope:error", (e) => resolve(e.detail.message), { once: true }));
      globalThis.Rotascope.mount(host, { prices: "/data/sample-prices.json", lazy: false, refresh });
      out.push(await error);
    }
    return out;
  });
  assert.deepEqual(messages, ["option `refresh` = 5: use a number of seconds from 10 to 86400, or false", 'option `refresh` = "soon": expected a number']);
});

test("a refresh under way when its widget is rebuilt or removed changes nothing and throws nothing", async () => {
  // Each time the file changes, so the refresh under way has new data to put in place.
  for (const [change, version] of [["update", days], ["unmount", days + 1]]) {
    serve(version);
    held = [];
    const asked = requests.length;
    await page.evaluate(() => window.__other.refresh());
    while (requests.length === asked) await new Promise((r) => setImmediate(r));
    await page.evaluate((c) => (c === "update" ? window.__other.update({ title: "Rebuilt" }) : window.__other.unmount()), change);
    const waiting = held;
    held = null;
    waiting.forEach((release) => release());
    await twoFrames();
    await twoFrames();
  }
  assert.equal(await page.evaluate(() => document.querySelector("#other").shadowRoot.childElementCount), 0, "unmounted");
});

test("across origins the browser revalidates its copy (no preflight): a 304 draws nothing, a new day redraws", async () => {
  // The prices on another origin, with CORS, an ETag it does not expose and a Last-Modified.
  let version = days;
  const seen = [];
  const body = (n) => JSON.stringify(firstDays(n));
  const modified = (n) => new Date(Date.UTC(2026, 0, 1) + n * 86400000).toUTCString();
  const data = await serveSite(DIST, {
    routes: {
      "/prices.json": (req, res) => {
        const etag = `"x-${version}"`;
        seen.push({ method: req.method, validator: req.headers["if-none-match"] ?? null });
        const headers = { etag, "last-modified": modified(version), "access-control-allow-origin": "*", "cache-control": "max-age=300", "content-type": "application/json" };
        if (req.headers["if-none-match"] === etag) return res.writeHead(304, headers).end();
        res.writeHead(200, headers).end(body(version));
      },
    },
  });
  const tab = await session.browser.newPage({ viewport: { width: 1000, height: 800 } });
  const tabProblems = watchProblems(tab);
  try {
    await tab.goto(`${session.url}api.html`);
    await tab.evaluate((url) => {
      const host = document.createElement("div");
      host.id = "far";
      document.body.append(host);
      window.__far = globalThis.Rotascope.mount(host, { prices: url, lazy: false });
      window.__farState = [];
      new MutationObserver(() => window.__farState.push(host.shadowRoot.querySelector("[data-refresh]")?.dataset.refresh)).observe(host.shadowRoot, { attributes: true, subtree: true, attributeFilter: ["data-refresh"] });
    }, `${data.url}prices.json`);
    await waitForChart(tab, "#far");
    const refreshed = async () => {
      const from = await tab.evaluate(() => window.__farState.length);
      await tab.evaluate(() => window.__far.refresh());
      await tab.waitForFunction((k) => window.__farState.slice(k).includes("current"), from);
      await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    };
    const canvas = () => tab.evaluate(() => {
      const c = document.querySelector("#far").shadowRoot.querySelector("canvas");
      const same = c === window.__farCanvas;
      window.__farCanvas = c;
      return same;
    });
    await canvas();
    await refreshed();
    assert.ok(await canvas(), "a 304 keeps the drawn chart");
    version = days + 1;
    await refreshed();
    assert.ok(!(await canvas()), "a new day draws the chart again");
    const day = new Date(`${SAMPLE.dates[days]}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
    assert.ok((await tab.evaluate(() => document.querySelector("#far").shadowRoot.querySelector("[data-testid=subtitle]").textContent)).includes(day));
    // No preflight; the browser sent the validator it kept, each time.
    assert.deepEqual(seen, [
      { method: "GET", validator: null },
      { method: "GET", validator: `"x-${days}"` },
      { method: "GET", validator: `"x-${days}"` },
    ]);
    assert.deepEqual(tabProblems, []);
  } finally {
    await tab.close();
    data.server.close();
  }
});
