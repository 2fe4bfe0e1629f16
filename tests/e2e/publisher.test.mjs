// Embedding as a publisher would: the built dist/ served with a strict Content-Security-Policy
// header, the article page with two widgets, a broken one and a lazy one; the custom element;
// 50 mount/unmount cycles that must leave nothing behind; independent widgets.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSiteAndBrowser, watchProblems, waitForChart, DIST, API_PAGE, htmlRoute } from "./harness.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// Runs before any page script (Playwright injects it outside the page's CSP): records CSP
// violations and Rotascope events, and counts what could leak: event listeners on live
// targets, pending timers and animation frames, observed elements.
const INSTRUMENT = () => {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  window.__events = [];
  for (const name of ["rotascope:ready", "rotascope:error"]) {
    document.addEventListener(name, (e) => window.__events.push({ name, id: e.target.dataset.testid || e.target.id, detail: e.detail }));
  }
  const listeners = new Set();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const key = (t, type, fn, opts) => ({ t: new WeakRef(t), type, fn, capture: !!(typeof opts === "object" ? opts?.capture : opts) });
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if (fn) listeners.add(key(this, type, fn, opts));
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    const capture = !!(typeof opts === "object" ? opts?.capture : opts);
    for (const l of listeners) if (l.t.deref() === this && l.type === type && l.fn === fn && l.capture === capture) listeners.delete(l);
    return remove.call(this, type, fn, opts);
  };
  const timeouts = new Set(), intervals = new Set(), frames = new Set();
  const [st, ct, si, ci, raf, caf] = [setTimeout, clearTimeout, setInterval, clearInterval, requestAnimationFrame, cancelAnimationFrame];
  window.setTimeout = (fn, ms, ...a) => { const id = st(() => { timeouts.delete(id); typeof fn === "function" ? fn(...a) : null; }, ms); timeouts.add(id); return id; };
  window.clearTimeout = (id) => { timeouts.delete(id); ct(id); };
  window.setInterval = (fn, ms, ...a) => { const id = si(fn, ms, ...a); intervals.add(id); return id; };
  window.clearInterval = (id) => { intervals.delete(id); ci(id); };
  window.requestAnimationFrame = (fn) => { const id = raf((t) => { frames.delete(id); fn(t); }); frames.add(id); return id; };
  window.cancelAnimationFrame = (id) => { frames.delete(id); caf(id); };
  const observed = new Map();
  for (const name of ["ResizeObserver", "IntersectionObserver"]) {
    const Original = window[name];
    window[name] = class extends Original {
      constructor(...a) { super(...a); observed.set(this, new Set()); }
      observe(el, ...a) { observed.get(this).add(new WeakRef(el)); return super.observe(el, ...a); }
      unobserve(el) { const s = observed.get(this); for (const r of s) if (r.deref() === el) s.delete(r); return super.unobserve(el); }
      disconnect() { observed.get(this).clear(); return super.disconnect(); }
    };
  }
  window.__leaks = () => {
    const live = (t) => t === window || t === document || (t && t.isConnected);
    let liveListeners = 0;
    for (const l of listeners) if (live(l.t.deref())) liveListeners++;
    let observedElements = 0;
    for (const s of observed.values()) for (const r of s) if (r.deref()) observedElements++;
    return { liveListeners, timeouts: timeouts.size, intervals: intervals.size, frames: frames.size, observedElements };
  };
};

// A CSV as a word processor leaves it: en dashes (U+2013) where the dates have hyphens. Parsing
// it once panicked, and a panic stops the wasm instance every widget on the page shares.
const EN_DASH_CSV = "Date,Close\n2026-01-02,100\n2026\u201301\u201305,101\n2026-01-06,102\n";
const EN_DASH_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>en dash</title>
<link rel="icon" href="favicon.svg"><script type="module" src="rotascope.js"></script></head><body>
<div class="rotascope" data-testid="dashed" data-prices="data/dashed/IWM.csv" data-title="Word-processed CSV"></div>
<div class="rotascope" data-testid="good" data-prices="data/sample-prices.json" data-title="The sample"></div>
</body></html>`;

const session = useSiteAndBrowser(DIST, {
  csp: CSP,
  routes: {
    "/api.html": htmlRoute(API_PAGE),
    "/endash.html": htmlRoute(EN_DASH_PAGE),
    "/data/dashed/IWM.csv": (req, res) => res.writeHead(200, { "content-type": "text/csv; charset=utf-8" }).end(EN_DASH_CSV),
  },
});

async function open(path, viewport = { width: 1100, height: 900 }) {
  const page = await session.browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.addInitScript(INSTRUMENT);
  const problems = watchProblems(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const response = await page.goto(session.url + path);
  assert.equal(response.headers()["content-security-policy"], CSP, "served with the strict CSP");
  return { page, problems, requests };
}

test("the publisher page draws its widgets under a strict CSP, the broken one names its cause", async () => {
  const { page, problems, requests } = await open("publisher.html");
  await waitForChart(page, "[data-testid=pub-rotation]");
  // Each widget's box keeps its height, so the ones below load as the reader scrolls on.
  await page.locator("[data-testid=pub-performance]").scrollIntoViewIfNeeded();
  await waitForChart(page, "[data-testid=pub-performance]");
  await page.locator("[data-testid=pub-broken]").scrollIntoViewIfNeeded();
  const broken = page.locator("[data-testid=pub-broken] .rs-error-message");
  assert.equal(
    await broken.textContent(),
    "data/broken-prices.json: IWM on 2026-01-06 (series.IWM[1]): close -3 is negative; closes must be positive numbers or null",
  );
  // The card of the first widget and the dark custom element are there.
  assert.ok(await page.locator("[data-testid=pub-rotation] [data-testid=claims]").isVisible());
  assert.equal(await page.locator("[data-testid=pub-performance]").getAttribute("data-rs-theme"), "dark");
  // Events: ready for the two good ones, error (with the message) for the broken one.
  const events = await page.evaluate(() => window.__events);
  const ready = events.filter((e) => e.name === "rotascope:ready").map((e) => e.id).sort();
  assert.deepEqual(ready, ["pub-performance", "pub-rotation"]);
  const errors = events.filter((e) => e.name === "rotascope:error");
  assert.equal(errors.length, 1);
  assert.equal(errors[0].id, "pub-broken");
  assert.match(errors[0].detail.message, /IWM on 2026-01-06/);
  // The page's own aggressive CSS does not reach into the widgets.
  const buttonBackground = await page.locator("[data-testid=pub-rotation] [data-testid=play]").evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(buttonBackground, "rgb(255, 105, 180)", "page CSS leaked into the widget");
  const canvasFilter = await page.locator("[data-testid=pub-rotation] canvas").first().evaluate((c) => getComputedStyle(c).filter);
  assert.equal(canvasFilter, "none");
  // The lazy widget far below the fold has not fetched its data yet...
  assert.ok(!requests.some((u) => u.includes("sample-prices.json?lazy")), "the lazy widget loaded too early");
  // ...until the reader scrolls to it.
  await page.locator("[data-testid=pub-lazy]").scrollIntoViewIfNeeded();
  await waitForChart(page, "[data-testid=pub-lazy]");
  assert.ok(requests.some((u) => u.includes("sample-prices.json?lazy")));
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "no CSP violation");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a CSV with en dashes in its dates names the file, line and cell, and the other widget draws", async () => {
  const { page, problems } = await open("endash.html");
  const message = page.locator("[data-testid=dashed] .rs-error-message");
  await message.waitFor();
  assert.equal(
    await message.textContent(),
    "data/dashed/IWM.csv line 3, column Date = \"2026\u201301\u201305\" is written with \"\u2013\" (U+2013) where an ISO date (YYYY-MM-DD) has a hyphen",
  );
  await waitForChart(page, "[data-testid=good]");
  assert.equal(await page.locator("[data-testid=fatal]").count(), 0, "no widget stopped");
  // The shared instance still works: the API answers after the bad file.
  assert.match(await page.evaluate(async () => (await globalThis.Rotascope.analyze({ prices: "data/sample-prices.json" })).as_of), /^\d{4}-\d\d-\d\d$/);
  const events = await page.evaluate(() => window.__events.map((e) => `${e.name} ${e.id}`).sort());
  assert.deepEqual(events, ["rotascope:error dashed", "rotascope:ready good"]);
  assert.deepEqual(problems, []);
  await page.close();
});

test("changing an attribute of <rotascope-widget> redraws it", async () => {
  const { page, problems } = await open("publisher.html");
  const host = page.locator("[data-testid=pub-performance]");
  await host.scrollIntoViewIfNeeded();
  await waitForChart(page, "[data-testid=pub-performance]");
  assert.match(await host.locator("[data-testid=subtitle]").textContent(), /^Against IVE/);
  const before = await host.locator("canvas").first().evaluate((c) => c.toDataURL());
  await host.evaluate((el) => {
    el.setAttribute("benchmark", "SPY");
    el.setAttribute("theme", "light");
  });
  await page.waitForFunction(() => document.querySelector("[data-testid=pub-performance]").shadowRoot.querySelector("[data-testid=subtitle]")?.textContent.startsWith("Against SPY"));
  await waitForChart(page, "[data-testid=pub-performance]");
  assert.equal(await host.getAttribute("data-rs-theme"), "light");
  const after = await host.locator("canvas").first().evaluate((c) => c.toDataURL());
  assert.notEqual(after, before, "the chart was redrawn");
  // The loader's observed attributes are exactly the ones the wasm reads.
  const [observed, read] = await page.evaluate(async () => [globalThis.Rotascope.observedAttributes, await globalThis.Rotascope.configAttributes()]);
  assert.deepEqual(observed, read);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("changing a data- attribute of a loaded placeholder redraws it, as on the custom element", async () => {
  const { page, problems } = await open("publisher.html");
  const host = page.locator("[data-testid=pub-rotation]");
  await waitForChart(page, "[data-testid=pub-rotation]");
  assert.equal(await host.getAttribute("data-rs-theme"), "light");
  await host.evaluate((el) => el.setAttribute("data-theme", "dark"));
  await page.waitForFunction(() => document.querySelector("[data-testid=pub-rotation]").dataset.rsTheme === "dark");
  await waitForChart(page, "[data-testid=pub-rotation]");
  // The rebuilt widget's stylesheet arrives on its own (from the cache): wait for it to apply.
  await page.waitForFunction(() => {
    const widget = document.querySelector("[data-testid=pub-rotation]").shadowRoot.querySelector(".rs-mount");
    return widget && getComputedStyle(widget).visibility === "visible";
  });
  const bg = await host.locator(".rotascope-widget").evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(bg, "rgb(18, 22, 28)", "the dark theme's background");
  // A data- attribute wins over the JSON child, as when the page loaded; taking it away
  // gives the JSON's value back.
  await host.evaluate((el) => el.setAttribute("data-benchmark", "IWM"));
  await page.waitForFunction(() => document.querySelector("[data-testid=pub-rotation]").shadowRoot.querySelector("[data-testid=subtitle]")?.textContent.startsWith("Against IWM"));
  await host.evaluate((el) => el.removeAttribute("data-benchmark"));
  await page.waitForFunction(() => document.querySelector("[data-testid=pub-rotation]").shadowRoot.querySelector("[data-testid=subtitle]")?.textContent.startsWith("Against SPY"));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("50 mount/unmount cycles leave no widget DOM, listeners or timers behind", async () => {
  const { page, problems } = await open("api.html");
  await page.evaluate(() => globalThis.Rotascope.ready);
  const baseline = await page.evaluate(() => window.__leaks());
  const cycles = await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const drawn = async (host) => {
      for (let i = 0; i < 300; i++) {
        const c = host.shadowRoot?.querySelector("canvas");
        if (c && c.width > 0 && host.shadowRoot.querySelector("[data-testid=ranking] tbody tr")) return true;
        await frame();
      }
      return false;
    };
    let done = 0;
    for (let i = 0; i < 50; i++) {
      let host;
      if (i % 2 === 0) {
        // The JS API.
        host = document.createElement("div");
        document.body.append(host);
        const handle = globalThis.Rotascope.mount(host, { prices: "data/sample-prices.json", lazy: false, rotation: { tail: 4 } });
        await handle.ready;
        if (!(await drawn(host))) throw new Error(`cycle ${i}: not drawn`);
        // Hover and play, so listeners and timers really get used.
        host.shadowRoot.querySelector("[data-testid=play]").click();
        await frame();
        await handle.unmount();
        host.remove();
      } else {
        // The custom element: removing it unmounts.
        host = document.createElement("rotascope-widget");
        host.setAttribute("prices", "data/sample-prices.json");
        host.setAttribute("lazy", "false");
        document.body.append(host);
        if (!(await drawn(host))) throw new Error(`cycle ${i}: not drawn`);
        host.remove();
      }
      done++;
    }
    // Let removals settle (custom elements unmount after the wasm's queue).
    for (let i = 0; i < 10; i++) await frame();
    return done;
  });
  assert.equal(cycles, 50);
  const left = await page.evaluate(() => ({
    hosts: document.querySelectorAll("[data-rotascope-mounted], rotascope-widget, .rs-mount").length,
    leaks: window.__leaks(),
  }));
  assert.equal(left.hosts, 0, "no widget DOM left");
  assert.deepEqual(left.leaks, baseline, `left behind: ${JSON.stringify(left.leaks)} vs baseline ${JSON.stringify(baseline)}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("two widgets with different benchmarks do not share state", async () => {
  const { page, problems } = await open("api.html", { width: 900, height: 2200 });
  await page.evaluate(async () => {
    for (const [id, benchmark] of [["a", "SPY"], ["b", "IWM"]]) {
      const host = document.createElement("div");
      host.id = id;
      document.body.append(host);
      await globalThis.Rotascope.mount(host, { prices: "data/sample-prices.json", benchmark, lazy: false }).ready;
    }
  });
  await waitForChart(page, "#a");
  await waitForChart(page, "#b");
  const a = page.locator("#a");
  const b = page.locator("#b");
  assert.match(await a.locator("[data-testid=subtitle]").textContent(), /^Against SPY/);
  assert.match(await b.locator("[data-testid=subtitle]").textContent(), /^Against IWM/);
  const rankingB = await b.locator("[data-testid=ranking] tbody").textContent();
  // Changing the tail, hiding a symbol and scrubbing in A leaves B as it was.
  await a.locator("[data-testid=tail]").fill("3");
  await a.locator("[data-testid=legend] button").first().click();
  await a.locator("[data-testid=scrub]").fill("0");
  assert.equal(await a.locator("[data-testid=tail-value]").textContent(), "3");
  assert.equal(await b.locator("[data-testid=tail-value]").textContent(), "10");
  assert.equal(await b.locator("[data-testid=legend] button").first().getAttribute("aria-pressed"), "true");
  assert.equal(await b.locator("[data-testid=ranking] tbody").textContent(), rankingB);
  assert.notEqual(await a.locator("[data-testid=scrub-date]").textContent(), await b.locator("[data-testid=scrub-date]").textContent());
  assert.deepEqual(problems, []);
  await page.close();
});

test("placeholders added later mount on their own, and a second scan never mounts twice", async () => {
  const { page, problems } = await open("api.html");
  await page.evaluate(() => globalThis.Rotascope.ready);
  await page.evaluate(() => {
    // A CMS adding content after load: no call to Rotascope at all.
    const late = document.createElement("section");
    late.innerHTML = '<div class="rotascope" id="late" data-prices="data/sample-prices.json" data-lazy="false" data-view="performance"></div>';
    document.body.append(late);
  });
  await waitForChart(page, "#late");
  const mountPoints = () => page.evaluate(() => document.querySelector("#late").shadowRoot.querySelectorAll(".rs-mount").length);
  assert.equal(await mountPoints(), 1);
  await page.evaluate(() => globalThis.Rotascope.scan());
  await page.evaluate(() => globalThis.Rotascope.scan(document.body));
  assert.equal(await mountPoints(), 1, "a second scan mounted again");
  assert.equal(await page.locator("#late [data-testid=returns]").count(), 1);
  // Removing the placeholder unmounts its widget.
  await page.evaluate(() => document.querySelector("#late").remove());
  await page.waitForFunction(() => !document.querySelector("[data-rotascope-mounted]"));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await page.close();
});
