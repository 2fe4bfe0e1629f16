// README screenshots: each view of the widget in headless Chromium, light and dark.
//   node tests/tools/screenshots.mjs [outdir]      (make screenshots)
// Uses dist/data/local/real-prices.json (make real-data) when present, else the sample data.
import fs from "node:fs";
import path from "node:path";
import { launchBrowser, serve, watchProblems, waitForChart, DIST, htmlRoute } from "../e2e/harness.mjs";

const out = path.resolve(process.argv[2] || "www/screenshots");
fs.mkdirSync(out, { recursive: true });
const real = fs.existsSync(path.join(DIST, "data/local/real-prices.json"));
const prices = real ? "/data/local/real-prices.json" : "/data/sample-prices.json";
const sectors = "XLB,XLC,XLE,XLF,XLI,XLK,XLP,XLRE,XLU,XLV,XLY";
const styles = real ? "IWM,IJR,IJS,IWC,MDY,IVE,IVW,QQQ" : "IWM,IJR,MDY,IVE,IVW";
const baskets = real ? "small: IWM IJR IJS IWC; large: SPY IVE IVW" : "small: IWM IJR; large: SPY IVE IVW";

const shots = [
  { name: "rotation-light", theme: "light", attrs: { view: "rotation", title: real ? "23 ETFs against SPY, weekly" : "Sample data against SPY, weekly", "rotation-tail": "6" } },
  { name: "rotation-dark", theme: "dark", attrs: { view: "rotation", title: "Sectors against SPY, weekly", symbols: real ? sectors : "XLK,XLF,XLE,XLV,XLU", "rotation-tail": "8" } },
  { name: "performance-light", theme: "light", attrs: { view: "performance", title: "Styles year to date", symbols: styles, baskets } },
  { name: "trend-dark", theme: "dark", attrs: { view: "trend", title: "Small caps: trend", symbols: "IWM", period: "1Y" } },
  // The same data drawn by each rotation method (README "Rotation methods").
  ...["log-trend", "zscore"].map((method) => ({
    name: `method-${method}`,
    theme: "light",
    attrs: { view: "rotation", title: `${method}: styles against SPY, weekly, tail 10`, symbols: real ? "IWM,IJR,MDY,IVE,IVW,QQQ" : "IWM,IJR,MDY,IVE,IVW", "rotation-method": method, "rotation-tail": "10" },
  })),
  // The research-note card always shows the sample data with its demo note (which is about it).
  { name: "card-light", theme: "light", width: 1340, attrs: { prices: "/data/sample-prices.json", note: "/data/demo-note.json", view: "rotation", title: "Sample data with its research note", baskets: "small: IWM IJR; large: SPY IVE IVW" } },
  // The interface in the reader's language (README "Languages"): German and Japanese, with the note.
  { name: "lang-de", theme: "light", width: 1340, attrs: { prices: "/data/sample-prices.json", note: "/data/demo-note.json", view: "rotation", lang: "de", title: "Stile gegen SPY, wöchentlich", symbols: "IWM,IJR,MDY,IVE,IVW", "rotation-tail": "6" } },
  { name: "lang-ja", theme: "dark", attrs: { prices: "/data/sample-prices.json", view: "performance", lang: "ja", title: "スタイル別パフォーマンス（年初来）", symbols: "IWM,IJR,MDY,IVE,IVW", baskets: "small: IWM IJR; large: SPY IVE IVW" } },
  // A 360 px touch phone (README "Phones and print"): the rotation view, its ranking and tools.
  // The research note's day on each view, light and dark (the chart column only; the card is
  // in card-light).
  ...["rotation", "performance", "trend"].flatMap((view) =>
    ["light", "dark"].map((theme) => ({
      name: `note-${view}-${theme}`, theme, width: 1340, crop: ".rs-main", waitFor: "[data-testid=card-summary]",
      attrs: { prices: "/data/sample-prices.json", note: "/data/demo-note.json", view, title: `The note's day: ${view}, ${theme} theme`, symbols: "IWM,IJR,MDY,IVE,IVW", period: "6M", "rotation-tail": "10" },
    })),
  ),
  { name: "phone-rotation", theme: "light", width: 360, phone: true, attrs: { view: "rotation", title: "Styles against SPY", symbols: real ? "IWM,IJR,MDY,IVE,IVW,QQQ" : "IWM,IJR,MDY,IVE,IVW", "rotation-tail": "6" } },
];

const page = (shot) => {
  const attrs = Object.entries({ prices, benchmark: "SPY", theme: shot.theme, ...shot.attrs })
    .map(([k, v]) => `data-${k}="${String(v).replace(/"/g, "&quot;")}"`)
    .join(" ");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg">
<link rel="stylesheet" href="/demo.css"><script type="module" src="/rotascope.js"></script></head>
<body class="shot-${shot.theme}"><main class="demo"><div class="rotascope" id="w" ${attrs}></div></main></body></html>`;
};

const routes = Object.fromEntries(shots.map((s) => [`/${s.name}.html`, htmlRoute(page(s))]));
const site = await serve(DIST, { routes });
const browser = await launchBrowser();
try {
  for (const shot of shots) {
    const device = shot.phone ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { deviceScaleFactor: 1.5 };
    const context = await browser.newContext({ viewport: { width: shot.width || 1040, height: 900 }, colorScheme: shot.theme, ...device });
    const tab = await context.newPage();
    const problems = watchProblems(tab);
    await tab.goto(`${site.url}${shot.name}.html`);
    await waitForChart(tab, "#w", 50);
    if (shot.waitFor) await tab.locator(`#w ${shot.waitFor}`).waitFor();
    await tab.waitForTimeout(300);
    const file = path.join(out, `${shot.name}.png`);
    await tab.locator(shot.phone ? "#w .rotascope-widget" : shot.crop ? `#w ${shot.crop}` : "#w").screenshot({ path: file });
    if (problems.length) throw new Error(`${shot.name}: ${problems.join("; ")}`);
    const what = (shot.attrs.prices || prices).includes("sample") ? "sample data" : "real closes";
    console.log(`${file} (${what})`);
    await context.close();
  }
} finally {
  await browser.close();
  site.server.close();
}
