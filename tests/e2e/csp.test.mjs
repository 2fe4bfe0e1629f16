// A publisher page whose Content-Security-Policy allows scripts from the site but not
// WebAssembly (`script-src 'self'`, as many news sites ship): the wasm cannot start. Every
// placeholder, custom element and mount() target tells the reader in one line, keeps the
// publisher's fallback content in view, and gives the publisher the reason and what to add
// (console, rotascope:error with code "wasm", the rejected promises); nothing is left uncaught.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSiteAndBrowser, DIST, htmlRoute } from "./harness.mjs";

const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>no wasm</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="/events.js"></script><script type="module" src="/rotascope.js"></script>
<script type="module" src="/mount.js"></script></head><body>
<div class="rotascope" data-testid="placeholder" data-prices="/data/sample-prices.json" data-lazy="false">
  <p data-testid="fallback">Small caps led large caps by 8.5 pp this year.</p>
</div>
<rotascope-widget data-testid="element" prices="/data/sample-prices.json" lazy="false"></rotascope-widget>
<div data-testid="mounted"></div>
</body></html>`;
// The page's own scripts, from the site (no inline script under this policy).
const EVENTS = `window.__events = [];
document.addEventListener("rotascope:error", (e) => window.__events.push({ id: e.target.dataset.testid, code: e.detail.code, message: e.detail.message }));`;
const MOUNT = `const handle = Rotascope.mount(document.querySelector("[data-testid=mounted]"), { prices: "/data/sample-prices.json", lazy: false });
handle.ready.catch((e) => { window.__mountRejected = e.message; });
Rotascope.analyze({ prices: "/data/sample-prices.json" }).catch((e) => { window.__analyzeRejected = e.message; });`;
const js = (body) => (req, res) => res.writeHead(200, { "content-type": "text/javascript" }).end(body);

// The same bundle under /missing/, whose wasm file is not there (a deploy that forgot it).
const MISSING = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>no wasm file</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="/missing/rotascope.js"></script></head><body>
<div class="rotascope" data-testid="placeholder" data-prices="/data/sample-prices.json" data-lazy="false"></div></body></html>`;
const notFound = (req, res) => res.writeHead(404, { "content-type": "text/plain" }).end("not found");

const session = useSiteAndBrowser(DIST, {
  csp: NO_WASM,
  routes: { "/no-wasm.html": htmlRoute(PAGE), "/events.js": js(EVENTS), "/mount.js": js(MOUNT), "/missing.html": htmlRoute(MISSING), "/missing/rotascope-widget_bg.wasm": notFound },
  mounts: { "/missing/": DIST },
});

const READER = "This chart could not be shown.";
const MESSAGE = "Rotascope cannot start: this page's Content-Security-Policy does not allow WebAssembly. Add 'wasm-unsafe-eval' to its script-src directive, or show the chart in an iframe of Rotascope's embed.html.";

test("a page whose CSP forbids WebAssembly: one line for readers on every widget, the fallback stays, the reason and the fix for the publisher, no uncaught error", async () => {
  const page = await session.browser.newPage();
  const uncaught = [];
  page.on("pageerror", (e) => uncaught.push(String(e)));
  const consoleErrors = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  await page.goto(`${session.url}no-wasm.html`);
  for (const id of ["placeholder", "element", "mounted"]) {
    const card = page.locator(`[data-testid=${id}] [data-testid=start-error]`);
    await card.waitFor();
    assert.equal(await card.textContent(), READER, id);
    assert.equal(await card.getAttribute("role"), "status");
  }
  // The publisher's own content stays in view under the note.
  const fallback = await page.locator("[data-testid=fallback]").boundingBox();
  assert.ok(fallback && fallback.height > 0, "the fallback content is shown");
  const events = await page.evaluate(() => window.__events.sort((a, b) => a.id.localeCompare(b.id)));
  assert.deepEqual(events, ["element", "mounted", "placeholder"].map((id) => ({ id, code: "wasm", message: MESSAGE })));
  await page.waitForFunction(() => window.__mountRejected && window.__analyzeRejected);
  assert.equal(await page.evaluate(() => window.__mountRejected), MESSAGE);
  assert.equal(await page.evaluate(() => window.__analyzeRejected), MESSAGE);
  // Changing and removing the element after the failure throws nothing either.
  await page.evaluate(() => {
    const el = document.querySelector("rotascope-widget");
    el.setAttribute("benchmark", "IWM");
    el.remove();
  });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  assert.deepEqual(uncaught, []);
  // The console has the reason once, besides the browser's own report of the refused compile.
  assert.equal(consoleErrors.filter((m) => m === MESSAGE).length, 1, consoleErrors.join("\n"));
  assert.ok(consoleErrors.every((m) => /WebAssembly|Content Security Policy|unsafe-eval/i.test(m)), consoleErrors.join("\n"));
  await page.close();
});

test("a wasm file that does not load is named for the publisher, with what to check", async () => {
  const page = await session.browser.newPage();
  const uncaught = [];
  page.on("pageerror", (e) => uncaught.push(String(e)));
  const consoleErrors = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  await page.goto(`${session.url}missing.html`);
  const card = page.locator("[data-testid=placeholder] [data-testid=start-error]");
  await card.waitFor();
  assert.equal(await card.textContent(), READER);
  assert.ok(consoleErrors.some((m) => /^Rotascope cannot start: its WebAssembly module did not load \(.+\)\. Check that rotascope-widget_bg\.wasm is served next to rotascope\.js, as application\/wasm\.$/.test(m)), consoleErrors.join("\n"));
  assert.deepEqual(uncaught, []);
  await page.close();
});
