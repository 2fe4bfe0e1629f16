// In-browser benchmark: Rotascope.analyze() on the same contract JSON the native benchmark
// used, in headless Chromium, timed with performance.now().
//   node tests/tools/bench-browser.mjs target/bench/prices.json [runs]
import fs from "node:fs";
import path from "node:path";
import { launchBrowser, serve, DIST, API_PAGE, htmlRoute } from "../e2e/harness.mjs";

const file = path.resolve(process.argv[2] || "target/bench/prices.json");
const runs = Number(process.argv[3] || 10);
if (!fs.existsSync(file)) {
  console.error(`bench-browser: ${file} is missing (run rotascope-tool bench --json first)`);
  process.exit(1);
}
const site = await serve(DIST, { routes: { "/api.html": htmlRoute(API_PAGE) }, mounts: { "/bench/": path.dirname(file) } });
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(site.url + "api.html");
  await page.waitForFunction(() => globalThis.Rotascope);
  const figures = await page.evaluate(
    async ({ name, runs }) => {
      const text = await (await fetch(`/bench/${name}`)).text();
      const periods = ["1W", "1M", "3M", "6M", "YTD", "1Y", "3Y"];
      const time = async (options) => {
        await globalThis.Rotascope.analyze(options); // warm-up
        const samples = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          await globalThis.Rotascope.analyze(options);
          samples.push(performance.now() - t0);
        }
        samples.sort((a, b) => a - b);
        return { median: samples[Math.floor(samples.length / 2)], min: samples[0] };
      };
      const parsed = JSON.parse(text);
      return {
        mb: text.length / 1e6,
        weekly: await time({ prices: text, period: periods }),
        daily: await time({ prices: text, period: periods, rotation: { interval: "daily" } }),
        object: await time({ prices: parsed, period: periods }),
        agent: navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent,
      };
    },
    { name: path.basename(file), runs },
  );
  const row = (label, f) => console.log(`browser ${label.padEnd(36)} median ${f.median.toFixed(2).padStart(8)} ms  (min ${f.min.toFixed(2)}, ${runs} runs)`);
  console.log(`browser: ${figures.agent} (headless), same ${figures.mb.toFixed(1)} MB contract JSON`);
  row("parse + analyze, weekly RRG (text)", figures.weekly);
  row("parse + analyze, daily RRG (text)", figures.daily);
  row("parse + analyze, weekly (JS object)", figures.object);
} finally {
  await browser.close();
  site.server.close();
}
