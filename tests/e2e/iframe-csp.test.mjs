// Iframe mode under a site-wide Content-Security-Policy (README "Where embed.html is served
// from"). A header applies to embed.html as well as its <meta>: served from the same site
// under the site's `script-src 'self'`, the frame cannot run WebAssembly, and must say so in
// its own words (how to serve embed.html, with the header lines), not with the widget's advice
// to use an iframe, and keep a height that shows all of it. The two documented setups draw:
// embed.html from another origin listed in the host page's frame-src, and embed.html on the
// same site exempt from the site-wide header (given its own, as the README's nginx lines do).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launchBrowser, DIST, ROOT, waitForChart, watchProblems } from "./harness.mjs";

// The README's nginx lines: the site-wide header, and the one its `location` gives embed.html.
const NGINX = fs.readFileSync(path.join(ROOT, "README.md"), "utf8").match(/```nginx\n([\s\S]*?)```/)[1];
const [SITE_HEADER, EMBED_HEADER] = [...NGINX.matchAll(/add_header Content-Security-Policy "([^"]+)"/g)].map((m) => m[1]);

const LISTEN = `window.__frameEvents = [];
for (const name of ["rotascope:ready", "rotascope:error"]) {
  document.addEventListener(name, (e) => window.__frameEvents.push({ id: e.target.dataset.testid, name, code: e.detail && e.detail.code, message: e.detail && e.detail.message }));
}`;
const article = (src) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>article</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="/listen.js"></script><script type="module" src="/rotascope-frame.js"></script></head><body>
<h1>An article</h1>
<iframe data-rotascope data-testid="frame" title="Rotation chart" width="900" height="600" src="${src}"></iframe>
</body></html>`;
const QUERY = "prices=data/sample-prices.json&amp;benchmark=SPY&amp;symbols=IWM,IJR,MDY";
const html = (body, headers = {}) => (req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers }).end(body);
const js = (body) => (req, res) => res.writeHead(200, { "content-type": "text/javascript" }).end(body);

let cdn, site, exempt, browser;
before(async () => {
  // The CDN: another origin, no header of the site's.
  cdn = await serve(DIST);
  const cdnOrigin = cdn.url.replace(/\/$/, "");
  // The site-wide header, on every HTML page of the site: embed.html too.
  assert.equal(SITE_HEADER, "script-src 'self'");
  const policy = `${SITE_HEADER}; frame-src 'self' ${cdnOrigin}`;
  site = await serve(DIST, {
    csp: policy,
    routes: {
      "/same-site.html": html(article(`/embed.html?${QUERY}`)),
      "/other-origin.html": html(article(`${cdn.url}embed.html?${QUERY}`)),
      "/listen.js": js(LISTEN),
    },
  });
  // The same site with embed.html exempt from that header and given its own.
  const embed = fs.readFileSync(path.join(DIST, "embed.html"), "utf8");
  exempt = await serve(DIST, {
    routes: {
      "/same-site.html": html(article(`/embed.html?${QUERY}`), { "content-security-policy": policy }),
      "/embed.html": html(embed, { "content-security-policy": EMBED_HEADER }),
      "/listen.js": js(LISTEN),
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const s of [cdn, site, exempt]) s?.server.close();
});

async function open(url) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const problems = watchProblems(page);
  await page.goto(url);
  const frame = await (await page.locator("[data-testid=frame]").elementHandle()).contentFrame();
  return { page, frame, problems };
}

test("embed.html under the site-wide script-src 'self' says how to serve it, with the header lines, and keeps a height that shows it", async () => {
  const { page, frame, problems } = await open(`${site.url}same-site.html`);
  const card = frame.locator("[data-testid=frame-csp]");
  await card.waitFor();
  const texts = await card.evaluate((c) => ({ paragraphs: [...c.querySelectorAll("p")].map((p) => p.textContent), code: [...c.querySelectorAll("code")].map((x) => x.textContent) }));
  assert.deepEqual(texts.paragraphs, [
    "This chart cannot run here: the server sends embed.html a Content-Security-Policy header that does not allow WebAssembly (a site-wide header applies to embed.html too).",
    "Serve embed.html from another origin and allow it in the host page's policy: frame-src https://cdn.example.org. Or exempt embed.html from the site's header, or send it its own: Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'. (README, \"Iframe mode\".)",
  ]);
  assert.deepEqual(texts.code, ["frame-src https://cdn.example.org", "Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'"]);
  // Not the widget's advice to use an iframe of embed.html, which this is.
  assert.ok(!(await frame.locator("body").textContent()).includes("iframe of Rotascope's embed.html"));
  // The host page hears the frame's words, code wasm, once.
  await page.waitForFunction(() => window.__frameEvents.some((e) => e.name === "rotascope:error"));
  const events = await page.evaluate(() => window.__frameEvents);
  assert.deepEqual(events, [{ id: "frame", name: "rotascope:error", code: "wasm", message: texts.paragraphs.join(" ") }]);
  // The helper sizes the iframe to the message: all of it shows, nothing more.
  const contentHeight = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction((h) => Number(document.querySelector("[data-testid=frame]").getAttribute("height")) === h, contentHeight);
  const bottom = await card.evaluate((c) => c.getBoundingClientRect().bottom);
  assert.ok(contentHeight >= 120 && bottom <= contentHeight, `card bottom ${bottom}, frame ${contentHeight}`);
  // The only problems are the refusals to compile WebAssembly.
  assert.deepEqual(problems.filter((p) => !/WebAssembly|Content Security Policy|unsafe-eval/i.test(p)), []);
  await page.close();
});

for (const [setup, server, name] of [
  ["from another origin listed in the host page's frame-src", () => site, "other-origin.html"],
  ["from the same site, exempt from the site-wide header", () => exempt, "same-site.html"],
]) {
  test(`embed.html ${setup} draws, and the console stays clean`, async () => {
    const { page, frame, problems } = await open(`${server().url}${name}`);
    await page.waitForFunction(() => window.__frameEvents.some((e) => e.name === "rotascope:ready"));
    const chart = await waitForChart(frame, ".rotascope");
    assert.ok(chart.coloured > 100);
    assert.equal(await frame.locator("[data-testid=frame-csp]").count(), 0);
    assert.deepEqual(await page.evaluate(() => window.__frameEvents.filter((e) => e.name === "rotascope:error")), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
