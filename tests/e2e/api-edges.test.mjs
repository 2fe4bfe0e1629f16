// The JS API at its edges (README "3. The JS API"): what mount() takes as its element, which
// elements cannot hold a widget, who owns a mount() target's widget (its handle, not the
// page's removal sweep, and not after a second mount() replaced it), and analyze() options
// that cannot be read. Each case settles with a message naming the problem; nothing is left
// uncaught.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { useSiteAndBrowser, watchProblems, waitForChart, DIST, API_PAGE, htmlRoute } from "./harness.mjs";

const session = useSiteAndBrowser(DIST, { routes: { "/api.html": htmlRoute(API_PAGE) } });
let page, problems;

before(async () => {
  await session.ready;
  page = await session.browser.newPage({ viewport: { width: 1000, height: 900 } });
  problems = watchProblems(page);
  await page.goto(`${session.url}api.html`);
  await page.evaluate(() => globalThis.Rotascope.ready);
  // Every rotascope:error on the page, by the element it was fired on.
  await page.evaluate(() => {
    window.__errors = [];
    document.addEventListener("rotascope:error", (e) => window.__errors.push({ id: e.target.id, code: e.detail.code, message: e.detail.message }));
    // A promise's outcome: { resolved } or { rejected: message }.
    window.__outcome = (p) => p.then(() => ({ resolved: true }), (e) => ({ rejected: e instanceof Error ? e.message : String(e) }));
  });
});

after(async () => {
  assert.deepEqual(problems, []);
  await page?.close();
});

const CONFIG = { prices: "/data/sample-prices.json", lazy: false };

test("mount() takes an element, or the id or CSS selector of one; anything else rejects with a message about its first argument", async () => {
  const got = await page.evaluate(async (config) => {
    const outcome = window.__outcome;
    const el = document.createElement("div");
    el.id = "by-id";
    document.body.append(el);
    const results = {};
    for (const [name, arg] of [["null", null], ["undefined", undefined], ["number", 7], ["object", {}], ["empty", ""], ["no match", "#nope"], ["bad selector", "1w"]]) {
      results[name] = await outcome(globalThis.Rotascope.mount(arg, config).ready);
    }
    results.id = await outcome(globalThis.Rotascope.mount("by-id", config).ready);
    results.selector = await outcome(globalThis.Rotascope.mount("#by-id", config).ready);
    return results;
  }, CONFIG);
  const needs = (what) => ({ rejected: `mount() needs an element, or the id or CSS selector of one, as its first argument; it got ${what}` });
  assert.deepEqual(got, {
    null: needs("null"),
    undefined: needs("undefined"),
    number: needs("a number"),
    object: needs("an object that is not an element"),
    empty: needs("an empty text"),
    "no match": { rejected: 'mount("#nope"): no element has that id or matches that CSS selector' },
    "bad selector": { rejected: 'mount("1w"): no element has that id, and it is not a valid CSS selector' },
    id: { resolved: true },
    selector: { resolved: true },
  });
  await waitForChart(page, "#by-id");
});

test("an element that cannot hold a shadow root rejects ready, says why in its place and fires rotascope:error", async () => {
  const got = await page.evaluate(async (config) => {
    const outcome = window.__outcome;
    const figure = document.createElement("figure");
    figure.id = "fig";
    figure.innerHTML = "<figcaption>old</figcaption>";
    const closed = document.createElement("div");
    closed.id = "closed";
    closed.attachShadow({ mode: "closed" });
    closed.textContent = "slotted";
    document.body.append(figure, closed);
    return {
      figure: await outcome(globalThis.Rotascope.mount(figure, config).ready),
      closed: await outcome(globalThis.Rotascope.mount(closed, config).ready),
      figureText: figure.querySelector("[data-testid=mount-error]")?.textContent,
      closedText: closed.textContent,
      errors: window.__errors.filter((e) => e.id === "fig" || e.id === "closed"),
    };
  }, CONFIG);
  const figure = 'cannot mount into <figure id="fig">: a <figure> cannot hold a shadow root (which keeps the page\'s CSS out of the widget); mount into a <div> inside it';
  const closed = 'cannot mount into <div id="closed">: it already has a closed shadow root of its own; mount into a <div> inside or beside it';
  assert.deepEqual(got, {
    figure: { rejected: figure },
    closed: { rejected: closed },
    figureText: figure,
    // The closed root's own content is not the widget's to replace.
    closedText: "slotted",
    errors: [
      { id: "fig", code: "config", message: figure },
      { id: "closed", code: "config", message: closed },
    ],
  });
});

test("a widget mounted into a detached element survives other removals and draws once attached; its handle unmounts it", async () => {
  const kept = await page.evaluate(async (config) => {
    const el = document.createElement("div");
    el.id = "late";
    const handle = globalThis.Rotascope.mount(el, config);
    window.__late = handle;
    await handle.ready;
    // A removal elsewhere; an observer made after the page's delivers after it.
    const swept = new Promise((resolve) => new MutationObserver(resolve).observe(document.body, { childList: true }));
    const other = document.createElement("p");
    document.body.append(other);
    other.remove();
    await swept;
    const kept = el.shadowRoot.childElementCount;
    document.body.append(el);
    return kept;
  }, CONFIG);
  assert.ok(kept > 0, "the detached target's widget was unmounted by the removal sweep");
  await waitForChart(page, "#late");
  // Removing it from the page does not end it (its handle owns it): put back, it still draws.
  await page.evaluate(async () => {
    const el = document.getElementById("late");
    const swept = new Promise((resolve) => new MutationObserver(resolve).observe(document.body, { childList: true }));
    el.remove();
    await swept;
    document.body.append(el);
  });
  await waitForChart(page, "#late");
  const left = await page.evaluate(async () => {
    await window.__late.unmount();
    return document.getElementById("late").shadowRoot.childElementCount;
  });
  assert.equal(left, 0);
});

test("a second mount() on the same element replaces the first; the first handle then leaves the new widget alone", async () => {
  const got = await page.evaluate(async (config) => {
    const outcome = window.__outcome;
    const el = document.createElement("div");
    el.id = "twice";
    document.body.append(el);
    const title = () => el.shadowRoot.querySelector(".rs-title, h2")?.textContent;
    const titled = async (text) => {
      for (let frame = 0; frame < 600 && title() !== text; frame++) await new Promise((r) => requestAnimationFrame(r));
      return title();
    };
    const first = globalThis.Rotascope.mount(el, { ...config, title: "first" });
    await first.ready;
    const second = globalThis.Rotascope.mount(el, { ...config, title: "second" });
    await second.ready;
    const replaced = await titled("second");
    const update = await outcome(first.update({ title: "from the first handle" }));
    const unmount = await outcome(first.unmount());
    const afterFirst = await titled("second");
    await second.update({ title: "third" });
    return { replaced, update, unmount, afterFirst, updated: await titled("third") };
  }, CONFIG);
  assert.deepEqual(got, {
    replaced: "second",
    update: { rejected: "this widget was replaced by a later mount() on the same element; update that one's handle" },
    unmount: { resolved: true },
    afterFirst: "second",
    updated: "third",
  });
  await waitForChart(page, "#twice");
});

test("analyze() options whose getters throw reject naming the option; nothing is left uncaught", { timeout: 60000 }, async () => {
  const uncaught = [];
  page.on("pageerror", (e) => uncaught.push(String(e)));
  const got = await page.evaluate(async () => {
    const outcome = window.__outcome;
    const prices = "/data/sample-prices.json";
    const boom = (m) => () => {
      throw new Error(m);
    };
    return {
      top: await outcome(globalThis.Rotascope.analyze(Object.defineProperty({ prices }, "benchmark", { get: boom("no benchmark today"), enumerable: true }))),
      nested: await outcome(globalThis.Rotascope.analyze({ prices, rotation: Object.defineProperty({}, "tail", { get: boom("no tail"), enumerable: true }) })),
      prices: await outcome(globalThis.Rotascope.analyze(Object.defineProperty({}, "prices", { get: boom("no prices"), enumerable: true }))),
      keys: await outcome(globalThis.Rotascope.analyze(new Proxy({ prices }, { ownKeys: boom("no keys") }))),
    };
  });
  assert.deepEqual(got, {
    top: { rejected: "option `benchmark` cannot be read: no benchmark today" },
    nested: { rejected: "option `rotation` cannot be read: no tail" },
    prices: { rejected: "option `prices` cannot be read: no prices" },
    keys: { rejected: "option `options` cannot be read: no keys" },
  });
  assert.deepEqual(uncaught, []);
});

test("mount() and update() read the config as JS values, not as JSON text: a BigInt reads as its number; a cyclic object is refused", async () => {
  const got = await page.evaluate(async (config) => {
    const outcome = window.__outcome;
    const el = document.createElement("div");
    el.id = "values";
    document.body.append(el);
    const tail = () => el.shadowRoot.querySelector("[data-testid=tail]")?.value;
    const drawn = () => new Promise((resolve) => el.addEventListener("rotascope:ready", resolve, { once: true }));
    // JSON.stringify throws on a BigInt: through JSON text this config could not be read at all.
    let ready = drawn();
    const handle = globalThis.Rotascope.mount(el, { ...config, rotation: { tail: 3n } });
    const mounted = await outcome(handle.ready);
    if (!mounted.resolved) return { mounted };
    await ready;
    const first = tail();
    ready = drawn();
    await handle.update({ rotation: { tail: 5n } });
    await ready;
    const updated = tail();
    const cyclic = { ...config };
    cyclic.self = cyclic;
    const refused = await outcome(globalThis.Rotascope.mount(document.createElement("div"), cyclic).ready);
    await handle.unmount();
    el.remove();
    return { mounted, first, updated, refused };
  }, CONFIG);
  assert.deepEqual(got, { mounted: { resolved: true }, first: "3", updated: "5", refused: { rejected: "config cannot be read as JSON" } });
});
