// The built demo (dist/) in headless Chromium: a chart is drawn (pixels, not just an
// element), crisp at device pixel ratio 2, and the page logs no error of any kind.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, watchProblems, waitForChart, shadowText, ROOT } from "./harness.mjs";

const session = useSiteAndBrowser();

test("demo page draws the sample chart with no console error, exception or failed request", async () => {
  const page = await session.browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 2 });
  const problems = watchProblems(page);
  await page.goto(session.url);
  const chart = await waitForChart(page, "[data-testid=demo-widget]");
  assert.ok(chart.coloured > 100, `chart pixels: ${chart.coloured}`);
  // HiDPI: the backing store is the CSS size times the device pixel ratio.
  assert.equal(chart.width, Math.round(chart.cssWidth * 2));
  const footnote = await shadowText(page, "[data-testid=demo-widget]", "[data-testid=footnote]");
  assert.match(footnote, /illustrative prices, not market data/);
  assert.match(await page.textContent("[data-testid=illustrative]"), /Illustrative data/);
  const shots = path.join(ROOT, "target", "screenshots");
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, "demo.png"), fullPage: true });
  assert.deepEqual(problems, [], problems.join("\n"));
  await page.close();
});

test("an error on the page fails the check", async () => {
  // The watcher itself must catch errors, or the test above proves nothing.
  const page = await session.browser.newPage();
  const problems = watchProblems(page);
  await page.goto(session.url);
  // Waits for the two events themselves (a fixed wait lost the race on a busy machine).
  const seen = Promise.all([
    page.waitForEvent("console", (m) => m.text() === "deliberate"),
    page.waitForEvent("pageerror", (e) => String(e).includes("deliberate uncaught")),
  ]);
  await page.evaluate(() => {
    console.error("deliberate");
    setTimeout(() => {
      throw new Error("deliberate uncaught");
    });
  });
  await seen;
  assert.ok(problems.some((p) => p.includes("console.error: deliberate")), problems.join("\n"));
  assert.ok(problems.some((p) => p.includes("uncaught: deliberate uncaught")), problems.join("\n"));
  await page.close();
});
