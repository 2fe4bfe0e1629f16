// Widgets that start at the same moment on one file download it once (README "Data that stays
// current"): the page's first asker fetches and parses it, the others wait for its outcome.
// The files are served with `Cache-Control: no-store`, so the browser's cache cannot be what
// answers the second widget. The server holds its answers until the test releases them, after
// every widget has started loading, so a widget that asked for its own copy would be seen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, watchProblems, waitForChart, DIST, API_PAGE, htmlRoute } from "./harness.mjs";

const PRICES = fs.readFileSync(path.join(DIST, "data/sample-prices.json"), "utf8");
const NOTE = fs.readFileSync(path.join(DIST, "data/demo-note.json"), "utf8");

// Every request the server saw, by path; answers held until `release()`, then given at once.
const requests = [];
let held = null;
const holding = (body) => (req, res) => {
  requests.push(req.url);
  const answer = () => res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(body);
  if (held) held.push(answer);
  else answer();
};
const hold = () => {
  requests.length = 0;
  held = [];
};
const release = () => {
  const waiting = held;
  held = null;
  waiting.forEach((answer) => answer());
};
const routes = {
  "/api.html": htmlRoute(API_PAGE),
  "/shared/prices.json": holding(PRICES),
  "/shared/note.json": holding(NOTE),
};

const session = useSiteAndBrowser(DIST, { routes });
let page, problems;

before(async () => {
  await session.ready;
  page = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  problems = watchProblems(page);
  await page.goto(`${session.url}api.html`);
  await page.evaluate(() => globalThis.Rotascope.ready);
});

after(async () => {
  // Removing a widget (as each test does at its end, and the second in its middle) may cancel
  // the response it was reading, which the browser reports as aborted: no fault.
  assert.deepEqual(problems.filter((p) => !/^request failed: .*\/shared\/prices\.json(\?again)? \(net::ERR_ABORTED\)$/.test(p)), []);
  await page?.close();
});

/** Mounts a widget for each config at once (in one task), in hosts `ids`. */
const mountAll = (ids, configs) =>
  page.evaluate(([ids, configs]) => {
    window.__handles = {};
    ids.forEach((id, k) => {
      const host = document.createElement("div");
      host.id = id;
      document.body.append(host);
      window.__handles[id] = globalThis.Rotascope.mount(host, { lazy: false, ...configs[k] });
    });
  }, [ids, configs]);

/** Resolves once every widget shows its loading state, and two frames more: each has started its downloads. */
const allLoading = (ids) =>
  page.waitForFunction(
    (ids) => ids.every((id) => document.getElementById(id)?.shadowRoot?.querySelector("[data-testid=loading]")),
    ids,
    { timeout: 20000 },
  ).then(() => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));

test("three widgets starting at once on one price file, two of them with one note, make one request for each file", async () => {
  hold();
  const ids = ["a", "b", "c"];
  const prices = "/shared/prices.json";
  await mountAll(ids, [{ prices, note: "/shared/note.json" }, { prices, view: "performance" }, { prices, note: "/shared/note.json", view: "trend" }]);
  await allLoading(ids);
  // The card asks for its note once the prices are in: both cards at the same moment.
  assert.deepEqual(requests, ["/shared/prices.json"], "one request while the first is under way");
  release();
  for (const id of ids) await waitForChart(page, `#${id}`);
  for (const id of ["a", "c"]) {
    await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector("[data-testid=card]"), id, { timeout: 20000 });
  }
  assert.deepEqual(requests.sort(), ["/shared/note.json", "/shared/prices.json"], "and none after");
  await page.evaluate(() => Promise.all(Object.values(window.__handles).map((h) => h.unmount())));
});

test("the others still draw when the widget whose download they wait for is removed before it ends", async () => {
  hold();
  const ids = ["first", "second", "third"];
  // Another URL: the page keeps the first test's table.
  await mountAll(ids, ids.map(() => ({ prices: "/shared/prices.json?again" })));
  await allLoading(ids);
  assert.deepEqual(requests, ["/shared/prices.json?again"]);
  await page.evaluate(() => window.__handles.first.unmount());
  release();
  await waitForChart(page, "#second");
  await waitForChart(page, "#third");
  // Whether the removed widget's download ended or was dropped (the browser then reports it
  // aborted), nobody waits for ever, and a file asked for again after a drop is asked for once.
  assert.ok(requests.length <= 2, `requests: ${requests}`);
  await page.evaluate(() => Promise.all(["second", "third"].map((id) => window.__handles[id].unmount())));
});
