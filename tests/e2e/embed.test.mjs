// Iframe mode (README "Iframe mode"). A host page served with `script-src 'self'` (no
// WebAssembly) holds a script-tag widget, which must say why it cannot start, and iframes of
// dist/embed.html from another origin (as a CDN would serve it), which must draw a working
// chart under their own strict policy, size themselves through the optional helper and pass
// their events to the host page. A config error in the iframe's URL reads exactly as the same
// error on a script-tag placeholder.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, DIST, htmlRoute, waitForChart, watchProblems } from "./harness.mjs";

const HOST_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; frame-src http://127.0.0.1:*";
// The host page is the publisher's (localhost); the iframes come from the "CDN" (127.0.0.1).
const hostPage = (cdn, helper) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>news site</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="/listen.js"></script><script type="module" src="/rotascope.js"></script>
${helper ? '<script type="module" src="/rotascope-frame.js"></script>' : ""}</head><body>
<div class="rotascope" data-testid="script-tag" data-prices="/data/sample-prices.json" data-lazy="false"></div>
<iframe data-rotascope data-testid="frame" title="Rotation chart" width="900" height="300"
  src="${cdn}embed.html?prices=data/sample-prices.json&benchmark=SPY&symbols=IWM,IJR,MDY&rotation-tail=6#title=Styles%20against%20SPY"></iframe>
<iframe data-rotascope data-testid="bad-frame" title="Broken chart" width="600" height="300" src="${cdn}embed.html?prices=data/sample-prices.json&view=pie"></iframe>
<iframe data-testid="unmarked" title="Someone else's frame" width="600" height="300" src="${cdn}embed.html?prices=data/sample-prices.json&permalink=true"></iframe>
</body></html>`;
const LISTEN = `window.__frameEvents = [];
for (const name of ["rotascope:ready", "rotascope:error", "rotascope:export"]) {
  document.addEventListener(name, (e) => window.__frameEvents.push({ id: e.target.dataset.testid, name, code: e.detail && e.detail.code, message: e.detail && e.detail.message,
    blob: e.detail && e.detail.blob instanceof Blob ? { type: e.detail.blob.type, size: e.detail.blob.size } : null, file: e.detail && e.detail.name }));
}`;
// A page built of web components: a marked iframe inside an open shadow root (made by a
// script from the page's own origin, as its policy requires).
const SHADOW_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>components</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="/listen.js"></script><script type="module" src="/rotascope-frame.js"></script>
<script type="module" src="/shadow.js"></script></head><body><div data-testid="shadow-host"></div></body></html>`;
const shadowScript = (cdn) => `const root = document.querySelector("[data-testid=shadow-host]").attachShadow({ mode: "open" });
root.innerHTML = '<section><iframe data-rotascope data-testid="shadow-frame" title="Rotation chart" width="800" height="300" src="${cdn}embed.html?prices=data/sample-prices.json&benchmark=SPY"></iframe></section>';`;
const withPolicy = (html) => (req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": HOST_POLICY }).end(html);

let cdn = null;
const session = useSiteAndBrowser(DIST, {
  routes: {
    "/host.html": (req, res) => withPolicy(hostPage(cdn, true))(req, res),
    "/host-fixed.html": (req, res) => withPolicy(hostPage(cdn, false))(req, res),
    "/host-shadow.html": withPolicy(SHADOW_PAGE),
    "/shadow.js": (req, res) => res.writeHead(200, { "content-type": "text/javascript" }).end(shadowScript(cdn)),
    // An iframe of embed.html with this page's own query (no policy, with the helper).
    "/frame-of.html": (req, res) =>
      htmlRoute(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>framed</title><link rel="icon" href="/favicon.svg">
<script type="module" src="/listen.js"></script><script type="module" src="/rotascope-frame.js"></script></head><body>
<iframe data-rotascope data-testid="frame" title="chart" width="800" height="400" src="${cdn}embed.html${new URL(req.url, "http://x").search.replace(/&/g, "&amp;")}"></iframe></body></html>`)(req, res),
    "/listen.js": (req, res) => res.writeHead(200, { "content-type": "text/javascript" }).end(LISTEN),
    // The same wrong view on a script-tag placeholder, on a page that allows WebAssembly.
    "/placeholder.html": htmlRoute(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">
<script type="module" src="/rotascope.js"></script></head><body><div class="rotascope" id="w" data-prices="/data/sample-prices.json" data-view="pie"></div></body></html>`),
  },
});

async function open(name) {
  await session.ready;
  cdn = session.url; // http://127.0.0.1:<port>/
  const page = await session.browser.newPage({ viewport: { width: 1000, height: 900 } });
  const problems = watchProblems(page);
  const uncaught = [];
  page.on("pageerror", (e) => uncaught.push(String(e)));
  await page.goto(session.url.replace("127.0.0.1", "localhost") + name);
  return { page, problems, uncaught };
}

// Scrolled into view first, as a reader would: a widget in a frame from another origin starts
// when the frame nears the reader's viewport, and the host page's own (failed) widget above
// keeps its box.
const frameOf = async (page, id) => {
  const frame = page.locator(`[data-testid=${id}]`);
  await frame.scrollIntoViewIfNeeded();
  return (await frame.elementHandle()).contentFrame();
};

test("embed.html carries its own strict policy: scripts and styles from its folder, WebAssembly, no inline code", () => {
  const html = fs.readFileSync(path.join(DIST, "embed.html"), "utf8");
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, "embed.html has a policy");
  const directives = Object.fromEntries(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives["default-src"], ["'none'"]);
  assert.deepEqual(directives["script-src"], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives["style-src"], ["'self'"]);
  assert.ok(!/unsafe-inline|'unsafe-eval'/.test(policy), policy);
  assert.ok(!/<script(?![^>]*\bsrc=)/.test(html), "no inline script");
});

test("under script-src 'self' the script-tag widget says why, and the iframe draws the chart, sizes itself and passes its events", async () => {
  const { page, problems, uncaught } = await open("host.html");
  // The script-tag widget on the host page cannot start: one line for readers, the reason and
  // what to do for the publisher.
  const start = page.locator("[data-testid=script-tag] [data-testid=start-error]");
  await start.waitFor();
  assert.equal(await start.textContent(), "This chart could not be shown.");
  assert.ok(problems.some((m) => /Content-Security-Policy does not allow WebAssembly. Add 'wasm-unsafe-eval'/.test(m)), problems.join("\n"));

  // The iframe: a drawn rotation graph with the URL's settings.
  const frame = await frameOf(page, "frame");
  const chart = await waitForChart(frame, ".rotascope");
  assert.ok(chart.coloured > 100);
  const texts = await frame.evaluate(() => {
    const root = document.querySelector(".rotascope").shadowRoot;
    return { title: root.querySelector("h2, .rs-title")?.textContent, rows: [...root.querySelectorAll("[data-testid=ranking] tbody tr")].map((r) => r.textContent) };
  });
  assert.equal(texts.title, "Styles against SPY");
  assert.equal(texts.rows.length, 3, texts.rows.join(" | "));
  for (const s of ["IWM", "IJR", "MDY"]) assert.ok(texts.rows.some((r) => r.includes(s)), s);

  // The helper sets the iframe's height to its content's (from the fixed 300).
  await page.waitForFunction(() => {
    return Number(document.querySelector("[data-testid=frame]").getAttribute("height")) > 300;
  });
  const contentHeight = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction((h) => Number(document.querySelector("[data-testid=frame]").getAttribute("height")) === h, contentHeight);
  // The whole widget is inside the frame: nothing below its last pixel is cut off.
  const bottom = await frame.evaluate(() => document.querySelector(".rotascope").getBoundingClientRect().bottom);
  assert.ok(bottom <= contentHeight + 1, `${bottom} > ${contentHeight}`);

  // Its events reach the host page, fired on the <iframe> element; an export's file arrives
  // as a Blob.
  await page.waitForFunction(() => window.__frameEvents.some((e) => e.id === "frame" && e.name === "rotascope:ready"));
  await frame.locator(".rotascope [data-testid=export-csv]").click();
  await page.waitForFunction(() => window.__frameEvents.some((e) => e.name === "rotascope:export"));
  const exported = await page.evaluate(() => window.__frameEvents.find((e) => e.name === "rotascope:export"));
  assert.equal(exported.id, "frame");
  assert.match(exported.file, /^rotascope-rotation-.*\.csv$/);
  assert.equal(exported.blob?.type, "text/csv");
  assert.ok(exported.blob.size > 100, `${exported.blob.size} bytes`);

  // A frame the publisher did not mark is not resized by the helper and its events are not
  // passed on, though it posts the same messages; its permalink is refused with a note.
  await page.locator("[data-testid=unmarked]").scrollIntoViewIfNeeded();
  const unmarked = await frameOf(page, "unmarked");
  await waitForChart(unmarked, ".rotascope");
  assert.equal(await unmarked.locator("[data-testid=url-note]").textContent(), "permalink is not available in iframe mode: the reader's address bar shows the host page, not this frame.");
  await unmarked.evaluate(() => window.parent.postMessage({ rotascope: 1, type: "height", height: 5000 }, "*"));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  assert.equal(await page.locator("[data-testid=unmarked]").getAttribute("height"), "300");
  assert.ok(!(await page.evaluate(() => window.__frameEvents.some((e) => e.id === "unmarked"))), "no events from an unmarked frame");

  // The broken iframe: the same message as the same setting on a script-tag placeholder.
  const bad = await frameOf(page, "bad-frame");
  await bad.waitForFunction(() => document.querySelector(".rotascope")?.shadowRoot?.querySelector("[data-testid=error]"));
  const inFrame = await bad.evaluate(() => document.querySelector(".rotascope").shadowRoot.querySelector(".rs-error-message").textContent);
  assert.equal(inFrame, 'option `view` = "pie": use one of rotation, performance, trend');
  const reference = await session.browser.newPage();
  await reference.goto(`${session.url}placeholder.html`);
  await reference.waitForFunction(() => document.querySelector("#w")?.shadowRoot?.querySelector(".rs-error-message"));
  assert.equal(await reference.evaluate(() => document.querySelector("#w").shadowRoot.querySelector(".rs-error-message").textContent), inFrame);
  await reference.close();
  await page.waitForFunction(() => window.__frameEvents.some((e) => e.id === "bad-frame" && e.name === "rotascope:error" && e.code === "config"));

  assert.deepEqual(uncaught, []);
  // The only problems are the host page's own refusal to compile WebAssembly.
  assert.deepEqual(problems.filter((p) => !/WebAssembly|Content Security Policy|unsafe-eval/i.test(p)), []);
  await page.close();
});

test("the helper also sizes a marked iframe inside an open shadow root, and its events reach the page", async () => {
  const { page, uncaught } = await open("host-shadow.html");
  const frame = await (await page.locator("[data-testid=shadow-frame]").elementHandle()).contentFrame();
  await waitForChart(frame, ".rotascope");
  const contentHeight = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.ok(contentHeight > 300, `content ${contentHeight} px`);
  await page.waitForFunction(
    (h) => Number(document.querySelector("[data-testid=shadow-host]").shadowRoot.querySelector("iframe").getAttribute("height")) === h,
    contentHeight,
  );
  // Fired on the iframe, seen by the page as coming from the shadow root's host.
  await page.waitForFunction(() => window.__frameEvents.some((e) => e.id === "shadow-host" && e.name === "rotascope:ready"));
  assert.deepEqual(uncaught, []);
  await page.close();
});

test("without the helper an iframe keeps its fixed height and still works", async () => {
  const { page, uncaught } = await open("host-fixed.html");
  const frame = await frameOf(page, "frame");
  await waitForChart(frame, ".rotascope");
  assert.equal(await page.locator("[data-testid=frame]").getAttribute("height"), "300");
  assert.deepEqual(uncaught, []);
  await page.close();
});

test("a key in the iframe's URL that cannot be a setting name is shown in the widget's place", async () => {
  await session.ready;
  const page = await session.browser.newPage();
  const uncaught = [];
  page.on("pageerror", (e) => uncaught.push(String(e)));
  await page.goto(`${session.url}embed.html?prices=data/sample-prices.json&bench%20mark=SPY`);
  const card = page.locator("[data-testid=url-error]");
  await card.waitFor();
  assert.equal(await card.textContent(), 'This chart cannot be shown: "bench mark" in the address is not a setting (settings are names like benchmark or rotation-tail).');
  // A setting name that does not exist is reported by the widget, as on a placeholder.
  await page.goto(`${session.url}embed.html?prices=data/sample-prices.json&benchmrk=SPY`);
  const ignored = page.locator(".rotascope [data-testid=ignored]");
  await ignored.waitFor();
  assert.equal(await ignored.textContent(), "Unknown settings ignored: benchmrk");
  assert.deepEqual(uncaught, []);
  await page.close();
});

test("a URL key that is not a setting is listed as ignored, even one of the widget's own attribute names", async () => {
  await session.ready;
  const page = await session.browser.newPage();
  const uncaught = [];
  page.on("pageerror", (e) => uncaught.push(String(e)));
  await page.goto(`${session.url}embed.html?prices=data/sample-prices.json&rotascope-mounted=1&testid=x&rs-theme=dark#rotascope-root=1&as_of=2025-06-30`);
  await waitForChart(page, ".rotascope");
  assert.equal(await page.locator(".rotascope [data-testid=ignored]").textContent(), "Unknown settings ignored: rotascope-mounted, testid, rs-theme, rotascope-root");
  // None became an attribute (the two the widget sets are its own, and data-lazy="false" is the
  // frame's default); as_of, the old spelling of as-of, is still a setting, so it is not listed.
  assert.deepEqual(await page.evaluate(() => document.querySelector(".rotascope").getAttributeNames().sort()), ["class", "data-lazy", "data-prices", "data-rotascope-mounted", "data-rs-theme"]);
  assert.equal(await page.evaluate(() => document.querySelector(".rotascope").dataset.lazy), "false");
  // With nothing else in the address, the frame still says what is missing.
  await page.goto(`${session.url}embed.html?rotascope-mounted=1`);
  const message = page.locator(".rotascope .rs-error-message");
  await message.waitFor();
  assert.equal(await message.textContent(), "option `prices` = missing: give the URL of the price data or the data inline");
  assert.deepEqual(uncaught, []);
  await page.close();
});

test("in iframe mode a prices URL the frame's own policy refuses says so and what to do, with no Try again", async () => {
  await session.ready;
  // The host page is on localhost, the frame on 127.0.0.1: plain http from the host's origin.
  const prices = `${session.url.replace("127.0.0.1", "localhost")}data/sample-prices.json`;
  const { page, uncaught } = await open(`frame-of.html?prices=${encodeURIComponent(prices)}`);
  const frame = await frameOf(page, "frame");
  await frame.waitForFunction(() => document.querySelector(".rotascope")?.shadowRoot?.querySelector(".rs-error-message"));
  const card = await frame.evaluate(() => {
    const root = document.querySelector(".rotascope").shadowRoot;
    return { message: root.querySelector(".rs-error-message").textContent, buttons: [...root.querySelectorAll("[data-testid=error] button")].map((b) => b.textContent) };
  });
  const ours = session.url.replace(/\/$/, "");
  assert.equal(card.message, `could not load ${prices}: this frame's Content-Security-Policy (connect-src 'self' https:) does not allow downloading it, whatever its server sends. Serve the file over https, or from ${ours}`);
  assert.deepEqual(card.buttons, []);
  await page.waitForFunction(() => window.__frameEvents.some((e) => e.name === "rotascope:error"));
  assert.equal(await page.evaluate(() => window.__frameEvents.find((e) => e.name === "rotascope:error").code), "csp");
  assert.deepEqual(uncaught, []);

  // A javascript: or data: address is refused as the setting it is, before any download.
  for (const [url, scheme] of [["javascript:alert(1)", "javascript"], ["data:application/json,{}", "data"]]) {
    await page.goto(`${session.url}embed.html?prices=${encodeURIComponent(url)}`);
    const message = page.locator(".rotascope .rs-error-message");
    await message.waitFor();
    assert.equal(await message.textContent(), `option \`prices\` = ${JSON.stringify(url)}: a ${scheme}: address cannot be downloaded; give an https:// URL or a path on this site, or the data itself`);
    assert.equal(await page.locator(".rotascope [data-testid=error] button").count(), 0);
  }
  await page.close();
});
