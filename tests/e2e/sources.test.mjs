// Lists of sources where the config is one text (README "Lists of sources"): the README's own
// snippet, served as written (its two origins being this server): a placeholder whose
// data-prices lists two per-symbol CSV files separated by a space, a <rotascope-widget> whose
// prices attribute is a JSON array with `symbol` and `adjusted`, and an iframe of embed.html
// whose URL carries a `+`-separated list. Each draws both symbols with the returns computed
// by hand from the fixtures, says what its closes are, and the console stays clean.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, DIST, ROOT, htmlRoute, waitForChart, watchProblems } from "./harness.mjs";

// Hand-built fixtures: every weekday from 2025-12-01 to 2026-03-31. IWM closes at 200 on
// 2025-12-31 and 230 on 2026-03-31, SPY at 600 and 630, wandering in between: YTD returns
// +15.00 % (230 / 200 − 1) and +5.00 % (630 / 600 − 1), IWM +10.00 pp over SPY.
const days = [];
for (let t = Date.UTC(2025, 11, 1); t <= Date.UTC(2026, 2, 31); t += 86_400_000) {
  const day = new Date(t);
  if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day.toISOString().slice(0, 10));
}
const closes = (base, last) =>
  days.map((d, k) => (d === "2025-12-31" ? base : k === days.length - 1 ? last : base + ((k * 7) % 11) - 5 + (k / days.length) * (last - base)));
const csvOf = (values) => `Date,Close\n${days.map((d, k) => `${d},${values[k].toFixed(2)}`).join("\n")}\n`;
const IWM = csvOf(closes(200, 230));
const SPY = csvOf(closes(600, 630));
const csvRoute = (body) => (req, res) => res.writeHead(200, { "content-type": "text/csv; charset=utf-8" }).end(body);

// The README's snippet, between its heading and the test's name.
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const SNIPPET = readme.slice(readme.indexOf("**Lists of sources.**")).match(/```html\n([\s\S]*?)```/)[1];

let origin = null;
const page = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sources</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="/rotascope.js"></script></head><body>
${SNIPPET.replaceAll("https://cdn.example.org/rotascope/", origin).replaceAll("https://example.org/", origin)}
</body></html>`;

const session = useSiteAndBrowser(DIST, {
  routes: {
    "/sources.html": (req, res) => htmlRoute(page())(req, res),
    "/prices/IWM.csv": csvRoute(IWM),
    "/prices/SPY.csv": csvRoute(SPY),
    "/prices/iwm-daily.csv": csvRoute(IWM),
    "/prices/spy-daily.csv": csvRoute(SPY),
    "/frame.html": (req, res) =>
      htmlRoute(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title><link rel="icon" href="/favicon.svg"></head><body>
<iframe title="chart" width="900" height="900" src="${new URL(req.url, "http://x").searchParams.get("src").replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"></iframe></body></html>`)(req, res),
    "/api.html": htmlRoute(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>api</title><link rel="icon" href="/favicon.svg">
<script type="module" src="/rotascope.js"></script></head><body></body></html>`),
  },
});

/** The returns table's rows and the footnote of the widget in `root` (a document or frame). */
const readWidget = (root, selector) =>
  root.evaluate((sel) => {
    const shadow = document.querySelector(sel).shadowRoot;
    return {
      rows: [...shadow.querySelectorAll("[data-testid=returns] tbody tr")].map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent.trim()).filter(Boolean)),
      footnote: shadow.querySelector("[data-testid=footnote]").textContent,
      ignored: shadow.querySelector("[data-testid=ignored]")?.textContent ?? null,
    };
  }, selector);

test("the README's lists of sources: a space-separated data-prices, a JSON array attribute with symbol and adjusted, an iframe URL with a list", async () => {
  assert.match(SNIPPET, /data-prices="prices\/IWM\.csv prices\/SPY\.csv"/);
  await session.ready;
  origin = session.url;
  const p = await session.browser.newPage({ viewport: { width: 1000, height: 900 } });
  const problems = watchProblems(p);
  await p.goto(`${session.url}sources.html`);

  // Hand-computed: IWM +15.00 %, +10.00 pp over SPY.
  const iwmRow = (rows) => rows.find((r) => r.includes("IWM"));
  for (const [selector, footnote] of [
    ["div.rotascope", "closes as supplied (adjustment not stated)"],
    ["rotascope-widget", "total-return closes (dividends reinvested)"],
  ]) {
    await p.locator(selector).scrollIntoViewIfNeeded();
    await waitForChart(p, selector);
    const w = await readWidget(p, selector);
    assert.equal(w.footnote, footnote, selector);
    assert.equal(w.ignored, null, selector);
    assert.deepEqual(iwmRow(w.rows)?.slice(1, 4), ["IWM", "+15.00%", "+10.00 pp"], `${selector}: ${JSON.stringify(w.rows)}`);
  }

  const frame = await (await p.locator("iframe[data-rotascope]").elementHandle()).contentFrame();
  await p.locator("iframe[data-rotascope]").scrollIntoViewIfNeeded();
  await waitForChart(frame, ".rotascope");
  const inFrame = await readWidget(frame, ".rotascope");
  assert.equal(await frame.evaluate(() => document.querySelector(".rotascope").dataset.prices), `${origin}prices/IWM.csv ${origin}prices/SPY.csv`);
  assert.deepEqual(iwmRow(inFrame.rows)?.slice(1, 4), ["IWM", "+15.00%", "+10.00 pp"], JSON.stringify(inFrame.rows));

  assert.deepEqual(problems, []);
  await p.close();
});

test("a JSON array in the iframe URL, and a misspelt key in a source named with its place", async () => {
  await session.ready;
  const p = await session.browser.newPage({ viewport: { width: 1000, height: 900 } });
  const problems = watchProblems(p);
  const list = [{ url: "prices/iwm-daily.csv", symbol: "IWM", adjusted: true }, { url: "prices/spy-daily.csv", symbol: "SPY", adjustd: true }];
  const src = `embed.html?view=performance&benchmark=SPY&prices=${encodeURIComponent(JSON.stringify(list))}`;
  await p.goto(`${session.url}frame.html?src=${encodeURIComponent(src)}`);
  const frame = await (await p.locator("iframe").elementHandle()).contentFrame();
  await waitForChart(frame, ".rotascope");
  const w = await readWidget(frame, ".rotascope");
  assert.deepEqual(iwmRowOf(w.rows), ["IWM", "+15.00%", "+10.00 pp"]);
  assert.equal(w.ignored, "Unknown settings ignored: prices[1].adjustd");
  // One source marked total-return, the other not stated: mixed, so not stated.
  assert.equal(w.footnote, "closes as supplied (adjustment not stated)");

  // analyze() takes the same list as one text and warns of the same key.
  await p.goto(`${session.url}api.html`);
  const result = await p.evaluate((prices) => globalThis.Rotascope.analyze({ prices, benchmark: "SPY", period: "YTD" }), JSON.stringify(list));
  assert.deepEqual(result.warnings.filter((x) => x.code === "ignored_option").map((x) => x.message), ["option `prices[1].adjustd` is not known and was ignored"]);
  assert.equal(result.adjustment, "not_stated");
  assert.deepEqual(result.warnings.filter((x) => x.code === "mixed_adjustment").length, 1);
  assert.deepEqual(problems, []);
  await p.close();
});

const iwmRowOf = (rows) => rows.find((r) => r.includes("IWM"))?.slice(1, 4);
