// The rotation graph's own controls, driven as a reader would, in both themes: the method
// (and that the widget draws what analyze() computes for it), tails and labels toggles,
// zoom by dragging a rectangle, by the keyboard and by a two-finger pinch, and fitting again
// by double-click, the Reset button and the 0 key; a configured tail beyond 52.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSiteAndBrowser, watchProblems, waitForChart, htmlRoute, DIST } from "./harness.mjs";

const page = (theme, extra = "") => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/demo.css"><script type="module" src="/rotascope.js"></script></head>
<body><main class="demo"><div class="rotascope" id="w" data-prices="/data/sample-prices.json" data-benchmark="SPY"
data-symbols="IWM,IJR,MDY,IVE,IVW" data-theme="${theme}" data-lazy="false" ${extra}></div></main></body></html>`;
const session = useSiteAndBrowser(DIST, {
  routes: {
    "/light.html": htmlRoute(page("light")),
    "/dark.html": htmlRoute(page("dark")),
    "/zscore.html": htmlRoute(page("light", 'data-rotation-method="zscore"')),
    "/long-tail.html": htmlRoute(page("light", 'data-rotation-tail="80"')),
  },
});
const HOST = "#w";

async function open(file, options = {}) {
  const tab = await session.browser.newPage({ viewport: { width: 1000, height: 1000 }, deviceScaleFactor: 1, ...options });
  const problems = watchProblems(tab);
  await tab.goto(session.url + file);
  await waitForChart(tab, HOST);
  return { tab, problems, host: tab.locator(HOST) };
}

/** Coloured (not grey) pixels of the scene canvas: tails, heads, labels. */
const colouredPixels = (tab) =>
  tab.evaluate((sel) => {
    const canvas = document.querySelector(sel).shadowRoot.querySelector("canvas");
    const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 60) n++;
    return n;
  }, HOST);

/** Waits for the scene to change after an action (it repaints on the next animation frame). */
async function sceneChanges(tab, before) {
  await tab.waitForFunction(
    ([sel, b]) => {
      const canvas = document.querySelector(sel).shadowRoot.querySelector("canvas");
      const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 60) n++;
      return n !== b;
    },
    [HOST, before],
  );
  return colouredPixels(tab);
}

const summary = (host) => host.locator("[data-testid=summary]").textContent();
const resetEnabled = (host) => host.locator("[data-testid=reset-zoom]").isEnabled();

test("the method control switches formulas, says which one draws, and matches analyze()", async () => {
  const { tab, problems, host } = await open("light.html");
  assert.match(await host.locator("[data-testid=method-note]").textContent(), /by ratio-roc: trend of relative strength and its rate of change, window 14/);
  const firstRow = async () => (await host.locator("[data-testid=ranking] tbody tr").first().locator("td.rs-num").allTextContents()).slice(0, 2);
  const analyzedHead = async (method) => {
    const r = await tab.evaluate((m) => globalThis.Rotascope.analyze({ prices: "/data/sample-prices.json", symbols: ["IWM", "IJR", "MDY", "IVE", "IVW"], rotation: { method: m } }), method);
    const best = r.rotation.map((s) => s.points.at(-1)).sort((a, b) => b.rs_ratio - a.rs_ratio)[0];
    return [best.rs_ratio.toFixed(2), best.rs_momentum.toFixed(2)];
  };
  assert.deepEqual(await firstRow(), await analyzedHead("ratio-roc"));
  const before = await colouredPixels(tab);
  await host.locator("[data-testid=method]").selectOption("zscore");
  await sceneChanges(tab, before);
  assert.match(await host.locator("[data-testid=method-note]").textContent(), /by zscore: z-score/);
  assert.match(await summary(host), /Method zscore/);
  assert.deepEqual(await firstRow(), await analyzedHead("zscore"));
  assert.deepEqual(problems, []);
  await tab.close();

  // data-rotation-method picks it from the start.
  const z = await open("zscore.html");
  assert.equal(await z.host.locator("[data-testid=method]").inputValue(), "zscore");
  assert.deepEqual(z.problems, []);
  await z.tab.close();
});

for (const theme of ["light", "dark"]) {
  test(`${theme}: tails and labels toggle, drag zooms, double-click and Reset fit again`, async () => {
    const { tab, problems, host } = await open(`${theme}.html`);
    const all = await colouredPixels(tab);
    const tails = host.locator("[data-testid=show-tails]");
    await tails.click();
    assert.equal(await tails.getAttribute("aria-pressed"), "false");
    const headsOnly = await sceneChanges(tab, all);
    assert.ok(headsOnly < all * 0.8, `tails off: ${headsOnly} coloured pixels of ${all}`);
    await tails.click();
    assert.equal(await sceneChanges(tab, headsOnly), all);
    const labels = host.locator("[data-testid=show-labels]");
    await labels.click();
    const unlabelled = await sceneChanges(tab, all);
    assert.ok(unlabelled < all, `labels off: ${unlabelled} of ${all}`);
    await labels.click();
    await sceneChanges(tab, unlabelled);

    // Drag a rectangle over the middle of the plot: zoomed, the summary and table say so.
    assert.equal(await resetEnabled(host), false);
    const box = await host.locator("canvas.rs-overlay").boundingBox();
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    await tab.mouse.move(cx - 120, cy - 90);
    await tab.mouse.down();
    await tab.mouse.move(cx + 20, cy + 10, { steps: 6 });
    await tab.mouse.move(cx + 140, cy + 100, { steps: 6 });
    await tab.mouse.up();
    await tab.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.querySelector("[data-testid=reset-zoom]").disabled, HOST);
    assert.match(await summary(host), /Zoomed to RS-Ratio [\d.]+ to [\d.]+, RS-Momentum [\d.]+ to [\d.]+\./);
    await host.locator("[data-testid=table-toggle]").click();
    assert.match(await host.locator("[data-testid=data-table] caption").textContent(), /Zoomed to RS-Ratio/);
    // The drag did not pin a symbol (no row is pinned).
    assert.equal(await host.locator(".rs-row-pinned").count(), 0);

    // Double-click fits again.
    await tab.mouse.dblclick(cx, cy);
    await tab.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector("[data-testid=reset-zoom]").disabled, HOST);
    assert.doesNotMatch(await summary(host), /Zoomed/);

    // The keyboard: + zooms about the middle, the Reset button fits, − and 0 work too.
    await host.locator("[data-testid=chart]").focus();
    await tab.keyboard.press("+");
    assert.equal(await resetEnabled(host), true);
    const zoomedText = await summary(host);
    await host.locator("[data-testid=reset-zoom]").click();
    assert.equal(await resetEnabled(host), false);
    await host.locator("[data-testid=chart]").focus();
    await tab.keyboard.press("-");
    assert.notEqual(await summary(host), zoomedText);
    await tab.keyboard.press("0");
    assert.equal(await resetEnabled(host), false);
    assert.deepEqual(problems, []);
    await tab.close();
  });
}

test("two fingers pinch the graph on a phone; one finger does not zoom", async () => {
  const { tab, problems, host } = await open("light.html", { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const cdp = await tab.context().newCDPSession(tab);
  const box = await host.locator("canvas.rs-overlay").boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const touch = (type, points) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  // One finger sideways: no zoom.
  await touch("touchStart", [[cx - 60, cy]]);
  for (let k = 1; k <= 5; k++) await touch("touchMove", [[cx - 60 + 20 * k, cy]]);
  await touch("touchEnd", []);
  assert.equal(await resetEnabled(host), false);
  // Two fingers spreading apart: zoomed in.
  await touch("touchStart", [[cx - 30, cy], [cx + 30, cy]]);
  for (let k = 1; k <= 6; k++) await touch("touchMove", [[cx - 30 - 10 * k, cy], [cx + 30 + 10 * k, cy]]);
  await touch("touchEnd", []);
  await tab.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.querySelector("[data-testid=reset-zoom]").disabled, HOST);
  const zoomed = (await summary(host)).match(/RS-Ratio ([\d.]+) to ([\d.]+)/);
  assert.ok(zoomed, "the summary gives the zoomed range");
  assert.deepEqual(problems, []);
  await tab.close();
});

test("a configured tail beyond 52 is what the slider shows and accepts", async () => {
  const { tab, problems, host } = await open("long-tail.html");
  const slider = host.locator("[data-testid=tail]");
  assert.equal(await slider.getAttribute("max"), "80");
  assert.equal(await host.locator("[data-testid=tail-value]").textContent(), "80");
  await slider.focus();
  await tab.keyboard.press("ArrowLeft");
  assert.equal(await host.locator("[data-testid=tail-value]").textContent(), "79");
  assert.deepEqual(problems, []);
  await tab.close();
});
