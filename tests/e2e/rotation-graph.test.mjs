// The rotation graph's own controls, driven as a reader would, in both themes: the method
// (and that the widget draws what analyze() computes for it) and the note under the toolbar
// that opens to how it computes, weekly and daily; tails and labels toggles,
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

/** The method note: its summary line, whether it is open, and its lines as shown. */
const noteOf = async (host) => {
  const note = host.locator("[data-testid=method-note]");
  return {
    note,
    summary: (await note.locator("summary").textContent()).trim(),
    open: await note.evaluate((e) => e.open),
    lines: await note.locator("p").evaluateAll((ps) => ps.filter((p) => p.checkVisibility()).map((p) => p.textContent.trim())),
  };
};
/** The name the method select shows for the chosen method. */
const selectedName = (host) => host.locator("[data-testid=method] option:checked").evaluate((o) => o.textContent.trim());

test("the method control switches formulas, says which one draws, and matches analyze()", async () => {
  const { tab, problems, host } = await open("light.html");
  // README "The widget": log-trend by default, or zscore; the line under the toolbar names the
  // method the same way as the select and opens to how it computes RS-Ratio and RS-Momentum,
  // its parameters and the samples it needs.
  assert.equal(await host.locator("[data-testid=method]").inputValue(), "log-trend");
  assert.deepEqual(await host.locator("[data-testid=method] option").evaluateAll((os) => os.map((o) => o.value)), ["log-trend", "zscore"]);
  const name = await selectedName(host);
  let note = await noteOf(host);
  assert.equal(note.summary, `How ${name} computes RS-Ratio and RS-Momentum`);
  assert.equal(note.open, false);
  assert.deepEqual(note.lines, [], "closed, the note shows only its summary line");
  await note.note.locator("summary").click();
  note = await noteOf(host);
  assert.equal(note.open, true);
  // README "Rotation methods", log-trend: RS_t = 100 × P_t / B_t on each week's sample;
  // RSR = 100 + 100 · (mean₁₀ − mean₃₀ of ln RS); RSM = 100 + 3 · its one-sample change;
  // fixed 10 and 30, `window` not used; first point at sample 30, so 31 weekly closes.
  assert.match(note.lines[0], /^RS = 100 × close ÷ benchmark close, on each week's last trading day both have a close\.$/);
  assert.match(note.lines[1], /^RS-Ratio = 100 \+ 100 × \(mean of ln RS over the last 10 weeks − mean over the last 30\)/);
  assert.match(note.lines[2], /^RS-Momentum = 100 \+ 3 × the change of RS-Ratio since the previous week/);
  assert.match(note.lines[3], /^Needs 31 weekly closes; the window setting is not used\.$/);
  assert.equal(note.lines.at(-1), "All the formulas: README, Rotation methods");
  const link = note.note.locator("a");
  assert.ok(await link.isVisible());
  assert.equal((await link.textContent()).trim(), "All the formulas: README, Rotation methods");
  assert.match(await link.getAttribute("href"), /(^|\/)README\.md#rotation-methods$/);
  assert.match(await summary(host), new RegExp(`Method ${name} \\(log-trend\\)\\.`));

  const firstRow = async () => (await host.locator("[data-testid=ranking] tbody tr").first().locator("td.rs-num").allTextContents()).slice(0, 2);
  const analyzedHead = async (method) => {
    const r = await tab.evaluate((m) => globalThis.Rotascope.analyze({ prices: "/data/sample-prices.json", symbols: ["IWM", "IJR", "MDY", "IVE", "IVW"], rotation: { method: m } }), method);
    const best = r.rotation.map((s) => s.points.at(-1)).sort((a, b) => b.rs_ratio - a.rs_ratio)[0];
    return [best.rs_ratio.toFixed(2), best.rs_momentum.toFixed(2)];
  };
  assert.deepEqual(await firstRow(), await analyzedHead("log-trend"));
  const before = await colouredPixels(tab);
  await host.locator("[data-testid=method]").selectOption("zscore");
  await sceneChanges(tab, before);
  // README, zscore: RSR = 100 + z-score of RS over w = 14, RSM the same of RSR; 2w − 1 = 27 samples.
  const zName = await selectedName(host);
  note = await noteOf(host);
  assert.equal(note.summary, `How ${zName} computes RS-Ratio and RS-Momentum`);
  assert.match(zName, /Z-score/);
  assert.equal(note.open, true, "the note stays open when the method changes");
  assert.match(note.lines[1], /^RS-Ratio = 100 \+ the z-score of RS over the last 14 weeks; RS-Momentum = 100 \+ the z-score of RS-Ratio over the last 14\./);
  assert.match(note.lines.at(-2), /^Needs 27 weekly closes\.$/);
  assert.equal(note.lines.at(-1), "All the formulas: README, Rotation methods");
  assert.ok(await note.note.locator("a[href$='README.md#rotation-methods']").isVisible());
  assert.match(await summary(host), /Method Z-score \(RRG-Lite\) \(zscore, window 14\)\./);
  assert.deepEqual(await firstRow(), await analyzedHead("zscore"));

  // Daily, the note counts days: README "All lengths below count samples (weeks or days)".
  await host.locator("[data-testid=interval] button", { hasText: "Daily" }).click();
  await tab.waitForFunction((sel) => /Needs 27 daily closes/.test(document.querySelector(sel).shadowRoot.querySelector("[data-testid=method-note]").textContent), HOST);
  note = await noteOf(host);
  assert.match(note.lines[1], /the z-score of RS over the last 14 days/);
  await host.locator("[data-testid=method]").selectOption("log-trend");
  await tab.waitForFunction((sel) => /Needs 31 daily closes/.test(document.querySelector(sel).shadowRoot.querySelector("[data-testid=method-note]").textContent), HOST);
  note = await noteOf(host);
  assert.equal(note.summary, `How ${name} computes RS-Ratio and RS-Momentum`);
  assert.match(note.lines[1], /^RS-Ratio = 100 \+ 100 × \(mean of ln RS over the last 10 days − mean over the last 30\)/);
  assert.match(note.lines[2], /^RS-Momentum = 100 \+ 3 × the change of RS-Ratio since the previous day/);
  assert.match(note.lines[3], /^Needs 31 daily closes; the window setting is not used\.$/);
  assert.deepEqual(problems, []);
  await tab.close();

  // data-rotation-method picks it from the start.
  const z = await open("zscore.html");
  assert.equal(await z.host.locator("[data-testid=method]").inputValue(), "zscore");
  assert.equal((await noteOf(z.host)).summary, `How ${await selectedName(z.host)} computes RS-Ratio and RS-Momentum`);
  assert.deepEqual(z.problems, []);
  await z.tab.close();
});

test("the method note's README link opens the README beside the loader, at its Rotation methods", async () => {
  const { tab, host } = await open("light.html");
  const href = await host.locator("[data-testid=method-note] a").evaluate((a) => a.href);
  const loader = await tab.evaluate(() => document.querySelector("script[src$='rotascope.js']").src);
  assert.equal(href, new URL("README.md#rotation-methods", loader).href);
  const response = await tab.request.get(href);
  const text = await response.text();
  await tab.close();
  assert.equal(response.status(), 200, `${href}: ${response.status()}`);
  assert.match(text, /^## Rotation methods$/m);
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
