// A bug in the release wasm is a trap (it has no panic machinery, README "Bundle size"): the
// loader turns an uncaught trap from Rotascope's wasm into the stopped card in every widget on
// the page, each in its language, and ignores a trap from another script's wasm.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, DIST, ROOT, htmlRoute } from "./harness.mjs";

const table = (lang) => JSON.parse(fs.readFileSync(path.join(ROOT, "www/lang", `${lang}.json`), "utf8"));
const ENGLISH = "This chart stopped because of an internal error. Reload the page to try again; the browser console has the details for a bug report.";

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">
<script type="module" src="/rotascope.js"></script></head><body>
<div class="rotascope" id="en" data-prices="/data/sample-prices.json" data-lazy="false"></div>
<div class="rotascope" id="de" data-prices="/data/sample-prices.json" data-lazy="false" data-lang="de"></div>
</body></html>`;

const session = useSiteAndBrowser(DIST, { routes: { "/two.html": htmlRoute(page) } });

/** The stopped card's text in each widget, by id (null: no card). */
const cards = () => Object.fromEntries(["en", "de"].map((id) => [id, document.getElementById(id).shadowRoot?.querySelector("[data-testid=fatal]")?.textContent ?? null]));

test("a trap in Rotascope's wasm stops every widget with the card in its language; another wasm's trap does not", async () => {
  await session.ready;
  const context = await session.browser.newContext();
  const p = await context.newPage();
  const errors = [];
  p.on("pageerror", (e) => errors.push(e.message));
  await p.goto(`${session.url}two.html`);
  for (const id of ["en", "de"]) await p.locator(`#${id} [data-testid=ranking] tbody tr`).first().waitFor();

  // Another module's `unreachable`, uncaught: not Rotascope's.
  const otherTrapped = p.waitForEvent("pageerror");
  await p.evaluate(() => {
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]);
    const other = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    setTimeout(() => other.exports.f());
  });
  await otherTrapped;
  assert.deepEqual(await p.evaluate(cards), { en: null, de: null });

  // Rotascope's own wasm traps (an allocation it cannot make), uncaught.
  await p.evaluate(async () => {
    const wasm = await (await import("/rotascope-widget.js")).default();
    setTimeout(() => wasm.__wbindgen_malloc(0xfffffff0, 8));
  });
  await p.waitForFunction(() => document.getElementById("de").shadowRoot.querySelector("[data-testid=fatal]"));
  assert.deepEqual(await p.evaluate(cards), { en: ENGLISH, de: table("de")["panic.stopped"] });
  assert.equal(await p.locator("#en canvas").count(), 0, "the chart is gone, not left half-working");
  assert.equal(errors.length, 2, `${errors}`);
  await context.close();
});
