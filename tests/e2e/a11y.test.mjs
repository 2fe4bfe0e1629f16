// Accessibility in the browser: an axe-core audit of the demo (every view, summary and data
// table open, both themes) and of the publisher page must find no
// serious or critical violation; the auto theme follows the reader's colour scheme live;
// reduced motion gets no movement.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, watchProblems, waitForChart, ROOT } from "./harness.mjs";

const AXE = fs.readFileSync(path.join(ROOT, "tests", "node_modules", "axe-core", "axe.min.js"), "utf8");
// No CSP header here: axe applies inline styles while it checks, which a strict policy
// (rightly) blocks. The widgets' own CSP cleanliness is tested in publisher.test.mjs.
const session = useSiteAndBrowser();

/** axe's serious and critical findings on the page, as readable lines. */
async function audit(page) {
  await page.evaluate(AXE);
  const results = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ["violations"] }));
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")})`);
}

for (const scheme of ["light", "dark"]) {
  test(`the demo has no serious accessibility violation in any view (${scheme})`, async (t) => {
    const page = await session.browser.newPage({ viewport: { width: 1300, height: 1000 }, colorScheme: scheme });
    const problems = watchProblems(page);
    await page.goto(session.url);
    const host = page.locator("[data-testid=demo-widget]");
    await waitForChart(page, "[data-testid=demo-widget]");
    await host.locator("[data-testid=claims]").waitFor();
    const findings = [];
    for (const tab of ["rotation", "performance", "trend"]) {
      await host.locator(`[data-testid=tab-${tab}]`).click();
      await waitForChart(page, "[data-testid=demo-widget]");
      await host.locator("[data-testid=summary-toggle]").click();
      await host.locator("[data-testid=table-toggle]").click();
      await host.locator("[data-testid=data-table]").waitFor();
      for (const f of await audit(page)) findings.push(`${tab}: ${f}`);
    }
    t.diagnostic(`${findings.length} serious/critical findings`);
    assert.deepEqual(findings, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test("the publisher page has no serious accessibility violation", async () => {
  const page = await session.browser.newPage({ viewport: { width: 1100, height: 1000 } });
  const problems = watchProblems(page);
  await page.goto(session.url + "publisher.html");
  await waitForChart(page, "[data-testid=pub-rotation]");
  // The widgets below load as the reader scrolls to them (each box keeps its height, so the
  // next one is out of reach until then).
  await page.locator("[data-testid=pub-performance]").scrollIntoViewIfNeeded();
  await waitForChart(page, "[data-testid=pub-performance]");
  await page.locator("[data-testid=pub-broken]").scrollIntoViewIfNeeded();
  await page.locator("[data-testid=pub-broken] .rs-error-message").waitFor();
  assert.deepEqual(await audit(page), []);
  // The audit does see inside the widgets' shadow roots: a nameless button planted there is
  // flagged (so the empty lists above mean something).
  await page.evaluate(() => document.querySelector("[data-testid=pub-rotation]").shadowRoot.querySelector(".rs-main").append(document.createElement("button")));
  const planted = await audit(page);
  assert.equal(planted.length, 1, planted.join("\n"));
  assert.match(planted[0], /button-name/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the auto theme follows the reader's colour scheme while the page is open", async () => {
  const page = await session.browser.newPage({ colorScheme: "light" });
  await page.goto(session.url);
  const host = page.locator("[data-testid=demo-widget]");
  await waitForChart(page, "[data-testid=demo-widget]");
  assert.equal(await host.getAttribute("data-rs-theme"), "light");
  const bg = () => host.locator(".rotascope-widget").evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(await bg(), "rgb(255, 255, 255)");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForFunction(() => document.querySelector("[data-testid=demo-widget]").dataset.rsTheme === "dark");
  assert.equal(await bg(), "rgb(18, 22, 28)");
  // The chart repaints with the dark palette's background.
  await page.waitForFunction(() => {
    const c = document.querySelector("[data-testid=demo-widget]").shadowRoot.querySelector("canvas");
    const [r, g, b] = c.getContext("2d").getImageData(2, 2, 1, 1).data;
    return r === 18 && g === 22 && b === 28;
  });
  await page.close();
});

test("a reader who asks for reduced motion gets no movement", async () => {
  const page = await session.browser.newPage({ reducedMotion: "reduce" });
  await page.goto(session.url);
  const host = page.locator("[data-testid=demo-widget]");
  await waitForChart(page, "[data-testid=demo-widget]");
  // Nothing plays on its own, and scrubbing jumps at once.
  assert.equal(await host.locator("[data-testid=play]").getAttribute("aria-pressed"), "false");
  const before = await host.locator("[data-testid=scrub-date]").textContent();
  await page.waitForTimeout(800);
  assert.equal(await host.locator("[data-testid=scrub-date]").textContent(), before);
  await host.locator("[data-testid=scrub]").fill("0");
  assert.notEqual(await host.locator("[data-testid=scrub-date]").textContent(), before);
  const transitions = await host.locator("[data-testid=play]").evaluate((el) => getComputedStyle(el).transitionDuration);
  assert.equal(transitions, "0s");
  await page.close();
});

test("Escape in a chart clears the highlight, the ring and the tooltip, and keeps focus on the chart", async () => {
  const page = await session.browser.newPage({ viewport: { width: 1300, height: 1000 } });
  const problems = watchProblems(page);
  await page.goto(session.url);
  const host = page.locator("[data-testid=demo-widget]");
  await waitForChart(page, "[data-testid=demo-widget]");
  const focus = () =>
    page.evaluate(() => {
      const h = document.querySelector("[data-testid=demo-widget]");
      return [document.activeElement === h, h.shadowRoot.activeElement?.dataset.testid ?? null];
    });
  // Rotation: a symbol highlighted with Enter (its ranking row pinned), then Escape.
  await host.locator("[data-testid=chart]").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await host.locator(".rs-row-pinned").waitFor();
  assert.ok(await host.locator("[data-testid=tooltip]").isVisible());
  await page.keyboard.press("Escape");
  assert.equal(await host.locator(".rs-row-pinned").count(), 0, "the highlight is cleared");
  assert.equal(await host.locator("[data-testid=tooltip]").count(), 0, "the tooltip is gone");
  assert.equal(await host.locator("[data-testid=live]").textContent(), "Highlight cleared");
  assert.deepEqual(await focus(), [true, "chart"], "focus stays on the chart");
  // The keyboard goes on from there.
  await page.keyboard.press("ArrowDown");
  assert.ok(await host.locator("[data-testid=tooltip]").isVisible());
  // A line chart too: the crosshair's tooltip goes, focus stays.
  await host.locator("[data-testid=tab-performance]").click();
  await waitForChart(page, "[data-testid=demo-widget]");
  await host.locator("[data-testid=chart]").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  assert.ok(await host.locator("[data-testid=tooltip]").isVisible());
  await page.keyboard.press("Escape");
  assert.equal(await host.locator("[data-testid=tooltip]").count(), 0);
  assert.equal(await host.locator("[data-testid=live]").textContent(), "Highlight cleared");
  assert.deepEqual(await focus(), [true, "chart"]);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the auto theme follows the page's own colour scheme when it declares one, else the reader's", async () => {
  const pageWith = (head, rootStyle = "") => `<!doctype html><html lang="en"${rootStyle ? ` style="${rootStyle}"` : ""}><head><meta charset="utf-8">${head}
<link rel="icon" href="/favicon.svg"><script type="module" src="/rotascope.js"></script></head>
<body><div class="rotascope" id="w" data-prices="/data/sample-prices.json" data-lazy="false"></div></body></html>`;
  const cases = [
    // [what the page declares, the reader's scheme, the widget's theme]
    ["root color-scheme: dark", pageWith("", "color-scheme: dark"), "light", "dark"],
    ["root color-scheme: only light", pageWith("", "color-scheme: only light"), "dark", "light"],
    ["<meta> dark", pageWith(`<meta name="color-scheme" content="dark">`), "light", "dark"],
    ["<meta> light", pageWith(`<meta name="color-scheme" content="light">`), "dark", "light"],
    ["<meta> light dark (both)", pageWith(`<meta name="color-scheme" content="light dark">`), "dark", "dark"],
    ["nothing declared", pageWith(""), "dark", "dark"],
  ];
  for (const [what, html, os, expected] of cases) {
    const page = await session.browser.newPage({ colorScheme: os });
    const problems = watchProblems(page);
    await page.route("**/scheme.html", (route) => route.fulfill({ contentType: "text/html", body: html }));
    await page.goto(session.url + "scheme.html");
    await waitForChart(page, "#w");
    assert.equal(await page.locator("#w").getAttribute("data-rs-theme"), expected, `${what}, reader ${os}`);
    // The reader's scheme changing does not override the page's one declared scheme.
    const flipped = os === "dark" ? "light" : "dark";
    await page.emulateMedia({ colorScheme: flipped });
    const followsOs = what.includes("both") || what === "nothing declared";
    if (followsOs) {
      await page.waitForFunction((t) => document.querySelector("#w").dataset.rsTheme === t, flipped);
    } else {
      // Media query changes are reported in the rendering steps before animation frames: two
      // frames on, the change has been seen.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await page.locator("#w").getAttribute("data-rs-theme"), expected, `${what}, reader now ${flipped}`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  }
});
