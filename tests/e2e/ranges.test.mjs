// A period that starts after the as-of day, through each way it can arrive (README "Periods"):
// the widget's config, a shared link, the Performance view's "From" field and analyze(). Each
// is refused where it enters with a message naming it; only that widget says so, and every
// other widget on the page keeps drawing. (It used to panic in the performance lines and
// replace every widget on the page with the fatal card.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSiteAndBrowser, DIST, htmlRoute, watchProblems, waitForChart } from "./harness.mjs";

const AS_OF = "2025-01-15";
const LATE = "2025-03-03";
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">
<script type="module" src="/events.js"></script><script type="module" src="/rotascope.js"></script></head><body>
<div class="rotascope" id="config" data-prices="/data/sample-prices.json" data-view="performance" data-period="${LATE}" data-as-of="${AS_OF}" data-lazy="false"></div>
<div class="rotascope" id="link" data-prices="/data/sample-prices.json" data-as-of="${AS_OF}" data-permalink="true" data-lazy="false"></div>
<div class="rotascope" id="field" data-prices="/data/sample-prices.json" data-view="performance" data-as-of="${AS_OF}" data-lazy="false"></div>
<div class="rotascope" id="plain" data-prices="/data/sample-prices.json" data-lazy="false"></div>
</body></html>`;
const EVENTS = `window.__errors = [];
document.addEventListener("rotascope:error", (e) => window.__errors.push({ id: e.target.id, code: e.detail.code, message: e.detail.message }));`;

const session = useSiteAndBrowser(DIST, {
  routes: {
    "/ranges.html": htmlRoute(PAGE),
    "/events.js": (req, res) => res.writeHead(200, { "content-type": "text/javascript" }).end(EVENTS),
  },
});

const inShadow = (page, host, selector) =>
  page.waitForFunction(([h, s]) => document.querySelector(h)?.shadowRoot?.querySelector(s)?.textContent ?? null, [host, selector]).then((h) => h.jsonValue());

test("a period after the as-of day is refused in config, link, date field and analyze(); every other widget draws", async () => {
  await session.ready;
  const page = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems = watchProblems(page);
  await page.goto(`${session.url}ranges.html#link=view:performance;period:${LATE}`);

  // Config: this widget alone says what is wrong, and where.
  const message = `option \`period\` = ${LATE}: it starts after the as-of day ${AS_OF}; choose a start on or before ${AS_OF}`;
  assert.equal(await inShadow(page, "#config", "[data-testid=error] .rs-error-message"), message);
  await page.waitForFunction(() => window.__errors.some((e) => e.id === "config"));
  assert.deepEqual(await page.evaluate(() => window.__errors.filter((e) => e.id === "config").map((e) => e.message)), [message]);

  // Link: the view comes back, the period does not, and the widget names it.
  assert.match(await inShadow(page, "#link", "[data-testid=permalink-problems]"), new RegExp(`\`period\` = "${LATE}": it starts after the as-of day ${AS_OF}`));
  const linkPeriod = await page.evaluate(() => document.querySelector("#link").shadowRoot.querySelector("[data-testid=period] [aria-pressed=true]")?.textContent);
  assert.equal(linkPeriod, "YTD");
  await waitForChart(page, "#link");

  // The date field: a day after the as-of day is refused with a reason; the chart stays.
  await waitForChart(page, "#field");
  const field = page.locator("#field [data-testid=period-start]");
  assert.equal(await field.getAttribute("max"), AS_OF);
  await field.fill(LATE);
  await field.dispatchEvent("change");
  assert.equal(await inShadow(page, "#field", "[data-testid=period-start-error]"), "Mar 3, 2025 is after the as-of day. Choose a start on or before Jan 15, 2025.");
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  assert.equal(await field.inputValue(), "", "the field shows the period still in force (YTD: no custom start)");
  assert.equal(await page.evaluate(() => document.querySelector("#field").shadowRoot.querySelector("[data-testid=period] [aria-pressed=true]")?.textContent), "YTD");
  // A good day is taken and clears the reason.
  await field.fill("2024-10-01");
  await field.dispatchEvent("change");
  await page.waitForFunction(() => !document.querySelector("#field").shadowRoot.querySelector("[data-testid=period-start-error]"));
  assert.equal(await field.inputValue(), "2024-10-01");
  await waitForChart(page, "#field");

  // The JS API names the same problem and the page goes on.
  const rejected = await page.evaluate(
    ([asOf, late]) => globalThis.Rotascope.analyze({ prices: "/data/sample-prices.json", asOf, period: ["YTD", late] }).then(() => "resolved", (e) => e.message),
    [AS_OF, LATE],
  );
  assert.equal(rejected, message);

  // Every other widget still draws, and nothing went to the console.
  await waitForChart(page, "#plain");
  const stopped = await page.evaluate(() =>
    [...document.querySelectorAll(".rotascope")].filter((host) => host.shadowRoot.querySelector("[data-testid=fatal]")).map((host) => host.id),
  );
  assert.deepEqual(stopped, []);
  assert.equal(await page.evaluate(() => document.querySelector("#plain").shadowRoot.querySelectorAll("[data-testid=error]").length), 0);
  assert.deepEqual(problems, []);
  await page.close();
});
