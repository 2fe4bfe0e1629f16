// The demo widget driven like a reader would: play and scrub through time with the mouse,
// then do everything with the keyboard alone, seeing a focus ring on each control.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, watchProblems, waitForChart, DIST } from "./harness.mjs";

const HOST = "[data-testid=demo-widget]";
const session = useSiteAndBrowser();

async function openDemo() {
  const page = await session.browser.newPage({ viewport: { width: 1100, height: 1000 }, deviceScaleFactor: 2 });
  const problems = watchProblems(page);
  await page.goto(session.url);
  await waitForChart(page, HOST);
  return { page, problems, host: page.locator(HOST) };
}

test("play animates the rotation graph through time and stops at the end", async () => {
  const { page, problems, host } = await openDemo();
  const date = host.locator("[data-testid=scrub-date]");
  const last = await date.textContent();
  // Scrub back near the end, then play: dates advance, and playback stops on the last date.
  const scrub = host.locator("[data-testid=scrub]");
  const max = Number(await scrub.getAttribute("max"));
  await scrub.fill(String(max - 5));
  const start = await date.textContent();
  assert.notEqual(start, last);
  await host.locator("[data-testid=play]").click();
  // The date moving is what playing means: wait for it rather than for a fixed time.
  await page.waitForFunction(([sel, was]) => document.querySelector(sel).shadowRoot.querySelector("[data-testid=scrub-date]").textContent !== was, [HOST, start]);
  const mid = await date.textContent();
  assert.notEqual(mid, start, "the date moves while playing");
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector("[data-testid=play]").textContent === "Play", HOST, { timeout: 5000 });
  assert.equal(await date.textContent(), last, "playback ends on the last date");
  assert.deepEqual(problems, []);
  await page.close();
});

test("every control is reachable and operable with the keyboard, with a visible focus ring", async () => {
  const { page, problems, host } = await openDemo();
  // Walk the widget with Tab, recording what gets focus and whether a ring shows.
  await page.focus("body");
  const seen = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      const el = root.activeElement;
      if (!el) return null;
      const style = getComputedStyle(el);
      return {
        what: el.dataset.testid || el.getAttribute("role") || el.className || el.tagName,
        text: (el.textContent || "").trim().slice(0, 20),
        ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      };
    }, HOST);
    if (info) seen.push(info);
  }
  const whats = seen.map((s) => s.what);
  for (const expected of ["tab-rotation", "benchmark", "tail", "play", "scrub"]) {
    assert.ok(whats.includes(expected), `Tab reaches ${expected}: ${whats.join(", ")}`);
  }
  assert.ok(seen.some((s) => s.what === "rs-seg" && s.text === "Daily"), "the interval buttons are reachable");
  assert.ok(seen.some((s) => s.what === "rs-legend-item"), "legend buttons are reachable");
  const ringless = seen.filter((s) => !s.ring);
  assert.deepEqual(ringless, [], "every focused control shows a focus ring");

  // Tabs: arrow keys move between views.
  await host.locator("[data-testid=tab-rotation]").focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await host.locator("[data-testid=tab-performance]").getAttribute("aria-selected"), "true");
  await host.locator("[role=tabpanel] [data-testid=returns]").waitFor();
  await page.keyboard.press("ArrowLeft");
  assert.equal(await host.locator("[data-testid=tab-rotation]").getAttribute("aria-selected"), "true");

  // The tail slider follows the arrow keys; the label says so.
  await host.locator("[data-testid=tail]").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.equal(await host.locator("[data-testid=tail-value]").textContent(), "12");

  // Space on "Daily" switches the interval; the tail is now counted in days.
  await host.locator("[data-testid=interval] button", { hasText: "Daily" }).focus();
  await page.keyboard.press("Space");
  assert.equal(await host.locator("[data-testid=interval] button", { hasText: "Daily" }).getAttribute("aria-pressed"), "true");
  assert.match(await host.locator(".rs-field-label", { hasText: "Tail" }).textContent(), /12 days/);

  // The benchmark select works from the keyboard.
  await host.locator("[data-testid=benchmark]").focus();
  await page.keyboard.press("ArrowDown");
  assert.match(await host.locator("[data-testid=subtitle]").textContent(), /^Against IWM/);

  // Enter on a legend button hides that symbol.
  const item = host.locator("[data-testid=legend] button").first();
  await item.focus();
  await page.keyboard.press("Enter");
  assert.equal(await item.getAttribute("aria-pressed"), "false");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the performance chart reads out lines and dates from the keyboard", async () => {
  const { page, problems, host } = await openDemo();
  await host.locator("[data-testid=tab-performance]").click();
  await waitForChart(page, HOST);
  // Expected values from the independent reference: SPY's YTD % change on the last two days.
  const { periodStart } = await import("./reference.mjs");
  const json = JSON.parse(fs.readFileSync(path.join(DIST, "data", "sample-prices.json"), "utf8"));
  const spy = json.series.SPY;
  const n = json.dates.length;
  const base = json.dates.filter((d) => d <= periodStart(json.dates[n - 1], "YTD")).length - 1;
  const pct = (i) => (spy[i] / spy[base] - 1) * 100;
  const say = (v) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(1)}%`;
  const date = (iso) => new Date(iso + "T00:00:00Z").toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  const chart = host.locator("[data-testid=chart]");
  await chart.focus();
  await page.keyboard.press("ArrowDown");
  assert.equal(await host.locator("[data-testid=live]").textContent(), `SPY ${say(pct(n - 1))} on ${date(json.dates[n - 1])}`);
  await page.keyboard.press("ArrowLeft");
  assert.equal(await host.locator("[data-testid=live]").textContent(), `SPY ${say(pct(n - 2))} on ${date(json.dates[n - 2])}`);
  await page.keyboard.press("Home");
  assert.equal(await host.locator("[data-testid=live]").textContent(), `SPY 0.0% on ${date(json.dates[base])}`);
  await page.keyboard.press("ArrowDown");
  assert.match(await host.locator("[data-testid=live]").textContent(), /^IWM 0\.0% on /);
  assert.ok(await host.locator("[data-testid=tooltip]").isVisible());
  await page.keyboard.press("Escape");
  assert.equal(await host.locator("[data-testid=tooltip]").count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the PNG export carries the widget's configured title as its heading, over the view's own", async () => {
  const { page, problems, host } = await openDemo();
  // Every text drawn on a canvas that is not in the page: the composed image.
  await page.evaluate((h) => {
    window.__drawn = [];
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
      if (!this.canvas.isConnected) window.__drawn.push({ text, font: this.font, y });
      return fill.call(this, text, x, y, ...rest);
    };
    window.__png = null;
    document.querySelector(h).addEventListener("rotascope:export", (e) => {
      e.preventDefault();
      createImageBitmap(e.detail.blob).then((b) => (window.__png = [b.width, b.height]));
    });
  }, HOST);
  await host.locator("[data-testid=export-png]").click();
  await page.waitForFunction(() => window.__png);
  const drawn = await page.evaluate(() => window.__drawn);
  const [heading, second] = drawn;
  assert.equal(heading.text, "Style and sector rotation against the S&P 500", JSON.stringify(drawn.slice(0, 3)));
  assert.match(heading.font, /^bold 32px /, "the heading is the largest text (16 CSS px at 2 device px each)");
  assert.match(second.text, /^Relative rotation against SPY · /, "the view's own title comes under it");
  assert.ok(second.y > heading.y);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the method select and the note under it name the same method", async () => {
  const { page, problems, host } = await openDemo();
  const select = host.locator("[data-testid=method]");
  for (const value of await select.locator("option").evaluateAll((os) => os.map((o) => o.value))) {
    await select.selectOption(value);
    const label = (await select.evaluate((s) => s.selectedOptions[0].textContent)).trim();
    const note = (await host.locator("[data-testid=method-note] summary").textContent()).trim();
    assert.equal(note, `How ${label} computes RS-Ratio and RS-Momentum`, `option ${value}`);
    assert.doesNotMatch(`${label} ${note}`, /ratio-roc|rate of change/i);
  }
  assert.deepEqual(problems, []);
  await page.close();
});
