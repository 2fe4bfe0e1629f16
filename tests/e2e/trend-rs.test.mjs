// The trend view's RS-Ratio / RS-Momentum panel under the price chart, in both themes: it
// draws the quadrant band (exactly the quadrants of the symbol's points in the period) and
// both lines; hovering it reads each point as analyze() computes it and draws the crosshair in
// the price chart too (and hovering the price chart draws it in the panel); the keyboard
// walks the points and the live region says them; the data table and the CSV carry RS-Ratio,
// RS-Momentum and Quadrant on exactly the points' dates; the PNG holds it under the price
// chart; the benchmark gets one line instead.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, watchProblems, waitForChart, htmlRoute, DIST } from "./harness.mjs";
import { periodStart } from "./reference.mjs";

const page = (theme) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/demo.css"><script type="module" src="/rotascope.js"></script></head>
<body><main class="demo"><div class="rotascope" id="w" data-prices="/data/sample-prices.json" data-benchmark="SPY"
data-view="trend" data-theme="${theme}" data-lazy="false"></div></main></body></html>`;
const session = useSiteAndBrowser(DIST, { routes: { "/light.html": htmlRoute(page("light")), "/dark.html": htmlRoute(page("dark")) } });
const HOST = "#w";
const PANEL = "[data-testid=rs-lines]";

const json = JSON.parse(fs.readFileSync(path.join(DIST, "data", "sample-prices.json"), "utf8"));
const n = json.dates.length;
// The YTD chart starts on its base day, the last close on or before Dec 31.
const from = json.dates.filter((d) => d <= periodStart(json.dates[n - 1], "YTD")).at(-1);
const dateText = (iso) => new Date(iso + "T00:00:00Z").toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

async function open(file) {
  const tab = await session.browser.newPage({ viewport: { width: 1000, height: 1100 }, deviceScaleFactor: 1 });
  const problems = watchProblems(tab);
  await tab.goto(session.url + file);
  await waitForChart(tab, HOST);
  const host = tab.locator(HOST);
  await tab.waitForFunction(([h, p]) => document.querySelector(h).shadowRoot.querySelector(`${p} canvas.rs-canvas`)?.dataset.builds, [HOST, PANEL]);
  // IWM's whole history against SPY, as analyze() gives it (the widget's default method).
  const analysed = await tab.evaluate(() => globalThis.Rotascope.analyze({ prices: "/data/sample-prices.json", benchmark: "SPY", symbols: ["IWM"], rotation: { tail: 100000 } }));
  const points = analysed.rotation[0].points.filter((p) => p.date >= from);
  assert.ok(points.length > 20, `${points.length} points in the period`);
  return { tab, problems, host, points };
}

/** Pixels of the panel's scene: how many match each colour exactly, and how many lie near a
 * line colour inside the plot (between 10 % and 80 % of the width: no axis labels, no names). */
const panelPixels = (tab, fills, lines) =>
  tab.evaluate(
    ([h, p, fills, lines]) => {
      const canvas = document.querySelector(h).shadowRoot.querySelector(`${p} canvas.rs-canvas`);
      const { width, height } = canvas;
      const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
      const hex = (s) => s.trim().replace("#", "").match(/../g).map((x) => parseInt(x, 16));
      const f = fills.map(hex);
      const l = lines.map(hex);
      const exact = f.map(() => 0);
      const near = l.map(() => 0);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = 4 * (y * width + x);
          const px = [data[i], data[i + 1], data[i + 2]];
          f.forEach((c, k) => { if (c.every((v, j) => v === px[j])) exact[k]++; });
          if (x > width * 0.1 && x < width * 0.8) l.forEach((c, k) => { if (c.every((v, j) => Math.abs(v - px[j]) < 30)) near[k]++; });
        }
      }
      return { exact, near };
    },
    [HOST, PANEL, fills, lines],
  );

const cssVar = (tab, name) => tab.evaluate(([h, v]) => getComputedStyle(document.querySelector(h).shadowRoot.querySelector(".rotascope-widget")).getPropertyValue(v), [HOST, name]);

/** Non-transparent pixels of an overlay canvas (the crosshair, dots, rings). */
const overlayInk = (tab, selector) =>
  tab.evaluate(([h, s]) => {
    const c = document.querySelector(h).shadowRoot.querySelector(s);
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let k = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) k++;
    return k;
  }, [HOST, selector]);

const QUADRANTS = ["Leading", "Weakening", "Lagging", "Improving"];

for (const theme of ["light", "dark"]) {
  test(`${theme}: the panel draws the quadrants of the period's points behind both lines`, async () => {
    const { tab, problems, host, points } = await open(`${theme}.html`);
    assert.match(await host.locator("[data-testid=rs-lines-line]").textContent(), /^IWM against SPY: RS-Ratio \(solid\) and RS-Momentum \(dashed\), weekly by /);
    // The view is IWM's own trend: the subtitle says so, not "Against SPY".
    assert.equal(await host.locator("[data-testid=subtitle]").textContent(), `Trend of IWM · YTD · data to ${dateText(json.dates[n - 1])}`);
    assert.deepEqual(await host.locator("[data-testid=quadrant-key] li").allTextContents(), QUADRANTS);
    const fills = [];
    for (const q of QUADRANTS) fills.push(await cssVar(tab, `--rs-${q.toLowerCase()}`));
    const lines = [await cssVar(tab, "--rs-series-1"), await cssVar(tab, "--rs-fg")];
    const { exact, near } = await panelPixels(tab, fills, lines);
    // Every stretch is drawn in its point's quadrant (the first from the period's first day,
    // as earlier points exist): a quadrant is on screen exactly when a point is in it.
    QUADRANTS.forEach((q, k) => {
      const expected = points.some((p) => p.quadrant === q);
      assert.equal(exact[k] > 200, expected, `${q}: ${exact[k]} pixels of ${fills[k]}, expected ${expected ? "some" : "none"}`);
    });
    assert.ok(near[0] > 300, `RS-Ratio line: ${near[0]} pixels near ${lines[0]}`);
    assert.ok(near[1] > 300, `RS-Momentum line: ${near[1]} pixels near ${lines[1]}`);
    assert.deepEqual(problems, []);
    await tab.close();
  });
}

test("hovering the panel reads every point as analyze() computes it, with the crosshair through both charts", async () => {
  const { tab, problems, host, points } = await open("light.html");
  const overlay = host.locator(`${PANEL} canvas.rs-overlay`);
  const box = await overlay.boundingBox();
  const tip = host.locator(`${PANEL} [data-testid=tooltip]`);
  const byDate = new Map(points.map((p) => [dateText(p.date), p]));
  const seen = new Set();
  for (let x = 2; x < box.width - 2; x += 3) {
    await tab.mouse.move(box.x + x, box.y + box.height / 2);
    if (!(await tip.count())) continue;
    const [title, ...rows] = await tip.locator("div").allTextContents();
    const p = byDate.get(title);
    assert.ok(p, `a reading on ${title}, not a point's date`);
    const quadrant = p.partial ? `${p.quadrant} (week in progress)` : p.quadrant;
    assert.deepEqual(rows, [`RS-Ratio ${p.rs_ratio.toFixed(2)}`, `RS-Momentum ${p.rs_momentum.toFixed(2)}`, quadrant]);
    seen.add(title);
  }
  assert.equal(seen.size, points.length, "every point is read somewhere along the panel");
  // The crosshair reaches the price chart while the pointer is on the panel.
  await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await tip.waitFor();
  const priceOverlay = "[data-testid=chart] canvas.rs-overlay";
  await tab.waitForFunction(([h, s]) => {
    const c = document.querySelector(h).shadowRoot.querySelector(s);
    return c.getContext("2d").getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0);
  }, [HOST, priceOverlay]);
  // Leaving clears both; hovering the price chart draws the crosshair in the panel.
  await tab.mouse.move(box.x + box.width / 2, box.y + box.height + 200);
  await tip.waitFor({ state: "detached" });
  await tab.waitForFunction(([h, s]) => {
    const c = document.querySelector(h).shadowRoot.querySelector(s);
    return !c.getContext("2d").getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0);
  }, [HOST, `${PANEL} canvas.rs-overlay`]);
  const price = await host.locator(priceOverlay).first().boundingBox();
  await tab.mouse.move(price.x + price.width / 2, price.y + price.height / 2);
  await tab.waitForFunction(([h, s]) => {
    const c = document.querySelector(h).shadowRoot.querySelector(s);
    return c.getContext("2d").getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0);
  }, [HOST, `${PANEL} canvas.rs-overlay`]);
  assert.ok((await overlayInk(tab, `${PANEL} canvas.rs-overlay`)) > 50);
  assert.deepEqual(problems, []);
  await tab.close();
});

test("the keyboard walks the panel's points and the live region says them", async () => {
  const { tab, problems, host, points } = await open("light.html");
  const live = host.locator("[data-testid=live]");
  const say = (line, p) => {
    const [name, value, other, otherValue] = line === 0 ? ["RS-Ratio", p.rs_ratio, "RS-Momentum", p.rs_momentum] : ["RS-Momentum", p.rs_momentum, "RS-Ratio", p.rs_ratio];
    return `IWM ${name} ${value.toFixed(2)} on ${dateText(p.date)}, ${p.quadrant}${p.partial ? ", week in progress" : ""} (${other} ${otherValue.toFixed(2)})`;
  };
  await host.locator(`${PANEL} [data-testid=chart]`).focus();
  await tab.keyboard.press("End");
  assert.equal(await live.textContent(), say(0, points.at(-1)));
  await tab.keyboard.press("ArrowLeft");
  assert.equal(await live.textContent(), say(0, points.at(-2)));
  await tab.keyboard.press("ArrowDown");
  assert.equal(await live.textContent(), say(1, points.at(-2)));
  await tab.keyboard.press("Home");
  assert.equal(await live.textContent(), say(1, points[0]));
  await tab.keyboard.press("ArrowRight");
  assert.equal(await live.textContent(), say(1, points[1]));
  const tip = host.locator(`${PANEL} [data-testid=tooltip]`);
  assert.equal(await tip.locator(".rs-tooltip-title").textContent(), dateText(points[1].date));
  await tab.keyboard.press("Escape");
  assert.equal(await tip.count(), 0);
  assert.deepEqual(problems, []);
  await tab.close();
});

test("the data table and the CSV carry RS-Ratio, RS-Momentum and Quadrant on the points' dates", async () => {
  const { tab, problems, host, points } = await open("light.html");
  await host.locator("[data-testid=table-toggle]").click();
  const table = host.locator("[data-testid=data-table]");
  const headers = await table.locator("thead th").allTextContents();
  assert.deepEqual(headers.slice(-3), ["RS-Ratio", "RS-Momentum", "Quadrant"]);
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const filled = rows.filter((r) => r.at(-1) !== "–");
  assert.deepEqual(
    filled.map((r) => [r[0], ...r.slice(-3)]),
    points.map((p) => [dateText(p.date), p.rs_ratio.toFixed(2), p.rs_momentum.toFixed(2), p.quadrant]),
  );
  assert.ok(rows.length > filled.length, "the other dates have no rotation values");

  // The CSV, taken from the export event: full precision, ISO dates.
  await tab.evaluate((h) => {
    document.querySelector(h).addEventListener("rotascope:export", (e) => {
      e.preventDefault();
      e.detail.blob.text().then((t) => (window.__csv = t));
    });
  }, HOST);
  await host.locator("[data-testid=export-csv]").click();
  await tab.waitForFunction(() => window.__csv);
  const [head, ...lines] = (await tab.evaluate(() => window.__csv)).trim().split("\n").map((l) => l.split(","));
  assert.deepEqual(head.slice(-3), ["RS-Ratio", "RS-Momentum", "Quadrant"]);
  const csvPoints = lines.filter((l) => l.at(-1) !== "").map((l) => [l[0], Number(l.at(-3)), Number(l.at(-2)), l.at(-1)]);
  assert.deepEqual(csvPoints, points.map((p) => [p.date, p.rs_ratio, p.rs_momentum, p.quadrant]));
  assert.deepEqual(problems, []);
  await tab.close();
});

test("printed, the panel is redrawn light at the printed width, under the price chart", async () => {
  const { tab, problems } = await open("dark.html");
  // Added once the widget is up, so it runs after the widget's own listeners.
  await tab.evaluate(([h, p]) => window.addEventListener("beforeprint", () => {
    const root = document.querySelector(h).shadowRoot;
    const light = getComputedStyle(root.querySelector(".rotascope-widget")).getPropertyValue("--rs-leading").trim();
    const hex = light.replace("#", "").match(/../g).map((x) => parseInt(x, 16));
    const [price, panel] = [root.querySelector("canvas.rs-canvas"), root.querySelector(`${p} canvas.rs-canvas`)];
    const data = panel.getContext("2d").getImageData(0, 0, panel.width, panel.height).data;
    let leading = 0;
    for (let i = 0; i < data.length; i += 4) if (hex.every((v, j) => v === data[i + j])) leading++;
    window.__printed = {
      widths: [price.dataset.printWidth, panel.dataset.printWidth, price.width, panel.width],
      corner: [...panel.getContext("2d").getImageData(2, 2, 1, 1).data.slice(0, 3)],
      leading,
      below: panel.getBoundingClientRect().top >= price.getBoundingClientRect().bottom,
    };
  }), [HOST, PANEL]);
  await tab.pdf({ format: "A4" });
  const printed = await tab.evaluate(() => window.__printed);
  assert.deepEqual(printed.widths, ["718", "718", 1436, 1436]);
  assert.ok(printed.corner.every((c) => c > 200), `the panel's background is light: ${printed.corner}`);
  assert.ok(printed.leading > 1000, `the light Leading fill on paper: ${printed.leading} pixels`);
  assert.ok(printed.below);
  assert.deepEqual(problems, []);
  await tab.close();
});

/** The next PNG export's image height, and the two charts' canvas heights. */
async function pngHeights(tab, host) {
  await tab.evaluate((h) => {
    window.__png = null;
    document.querySelector(h).addEventListener("rotascope:export", (e) => {
      e.preventDefault();
      createImageBitmap(e.detail.blob).then((b) => (window.__png = b.height));
    }, { once: true });
  }, HOST);
  await host.locator("[data-testid=export-png]").click();
  await tab.waitForFunction(() => window.__png);
  return tab.evaluate(([h, p]) => {
    const root = document.querySelector(h).shadowRoot;
    return { png: window.__png, price: root.querySelector("canvas.rs-canvas").height, panel: root.querySelector(`${p} canvas.rs-canvas`).height };
  }, [HOST, PANEL]);
}

test("for the benchmark the panel says so in one line and draws nothing", async () => {
  const { tab, problems, host } = await open("light.html");
  // The PNG holds the panel under the price chart (its title, legend and source line take
  // less than the panel's height), and leaves it out once it is hidden.
  const withPanel = await pngHeights(tab, host);
  assert.ok(withPanel.png > withPanel.price + withPanel.panel, JSON.stringify(withPanel));
  await host.locator("[data-testid=trend-symbol]").selectOption({ label: "SPY" });
  const line = host.locator("[data-testid=rs-lines-line]");
  await tab.waitForFunction(([h]) => document.querySelector(h).shadowRoot.querySelector("[data-testid=rs-lines-line]").textContent.startsWith("SPY"), [HOST]);
  assert.equal(await line.textContent(), "SPY is the benchmark: it has no RS-Ratio or RS-Momentum against itself.");
  assert.equal(await host.locator(`${PANEL} [data-testid=chart]`).isVisible(), false);
  assert.equal(await host.locator("[data-testid=quadrant-key]").isVisible(), false);
  await host.locator("[data-testid=table-toggle]").click();
  const headers = await host.locator("[data-testid=data-table] thead th").allTextContents();
  assert.ok(!headers.includes("RS-Ratio"), headers.join(", "));
  const without = await pngHeights(tab, host);
  assert.ok(without.png < without.price + without.panel, JSON.stringify(without));
  // Back to a symbol: the panel is drawn again.
  await host.locator("[data-testid=trend-symbol]").selectOption({ label: "IWM" });
  await host.locator(`${PANEL} [data-testid=chart]`).waitFor({ state: "visible" });
  assert.deepEqual(problems, []);
  await tab.close();
});
