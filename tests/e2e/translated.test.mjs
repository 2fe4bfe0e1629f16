// No English left (README "Languages"): a widget in German, French, Spanish, Italian and
// Japanese, with a research note, is taken through its three views, its summary, data tables,
// method note, keyboard tooltip and announcements, and the card; every text a reader sees or
// hears (text and aria-label/title/alt/aria-valuetext) is collected, the data is taken out
// (symbols, names, the note's own texts, the source line), and no sentence of the English
// table may be left. The English table is the tool's (`rotascope-tool messages`), so a text
// added in English without a translation fails here.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { useSiteAndBrowser, DIST, ROOT, htmlRoute, watchProblems } from "./harness.mjs";

const table = (lang) => JSON.parse(fs.readFileSync(path.join(ROOT, "www/lang", `${lang}.json`), "utf8"));
const prices = JSON.parse(fs.readFileSync(path.join(DIST, "data", "sample-prices.json"), "utf8"));
const note = JSON.parse(fs.readFileSync(path.join(ROOT, "www/data/demo-note.json"), "utf8"));

let english = {};
before(() => {
  const tool = path.join(ROOT, "target", "debug", "rotascope-tool");
  execFileSync("cargo", ["build", "--quiet", "--locked", "--bin", "rotascope-tool"], { cwd: ROOT, stdio: "inherit" });
  english = JSON.parse(execFileSync(tool, ["messages"], { encoding: "utf8" }));
});

const page = (lang) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/demo.css"><script type="module" src="/rotascope.js"></script></head>
<body><main class="demo"><div class="rotascope" id="w" data-prices="/data/sample-prices.json" data-benchmark="SPY" data-note="/note.json" data-lazy="false" data-lang="${lang}"></div></main></body></html>`;

const LANGS = ["de", "fr", "es", "it", "ja"];
const session = useSiteAndBrowser(DIST, {
  routes: {
    ...Object.fromEntries(LANGS.map((l) => [`/${l}.html`, htmlRoute(page(l))])),
    "/note.json": (req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(note)),
  },
});

/** Every text of the widget's shadow root a reader sees or hears, one string per node. */
const texts = () => {
  const root = document.querySelector("#w").shadowRoot;
  const out = [];
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    if (node.parentElement?.closest("style, script")) continue;
    if (node.data.trim()) out.push(node.data.trim());
  }
  for (const el of root.querySelectorAll("*")) {
    for (const name of ["aria-label", "title", "alt", "aria-valuetext", "aria-roledescription", "placeholder"]) {
      const value = el.getAttribute(name);
      if (value?.trim()) out.push(value.trim());
    }
  }
  return out;
};

/** The data a widget shows as given: symbols, names, the note's texts, the source line, and
 * the methods' config names (`log-trend`, as the publisher writes them). */
function dataTexts() {
  const out = ["log-trend", "zscore", prices.source, ...Object.keys(prices.meta ?? {}), ...Object.values(prices.meta ?? {}).map((m) => m.name)];
  const walk = (v) => {
    if (typeof v === "string") out.push(v, ...v.split("\n"));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(note);
  return out.filter((t) => t && t.length > 1).sort((a, b) => b.length - a.length);
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The English sentences left in `shown`: each English template's literal pieces (between its
 * placeholders) with a word of 3+ letters, found as whole words, unless the language's own
 * table writes the same piece (a word both languages use: "Benchmark", "RS-Ratio").
 */
function englishLeft(shown, lang) {
  let text = shown.join("\n");
  for (const d of dataTexts()) text = text.split(d).join(" ");
  const own = Object.values(table(lang)).join("\n");
  const left = new Set();
  for (const [key, template] of Object.entries(english)) {
    for (const piece of template.split(/\{[A-Za-z]+\}/)) {
      const words = piece.trim().replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, "");
      if (!/[A-Za-z]{3}/.test(words)) continue;
      const whole = new RegExp(`(^|[^A-Za-z])${escape(words)}([^A-Za-z]|$)`);
      const found = whole.exec(text);
      if (found && !whole.test(own)) left.add(`${key}: "${words}" in "…${text.slice(Math.max(0, found.index - 40), found.index + words.length + 40).replace(/\s+/g, " ")}…"`);
    }
  }
  return [...left].sort();
}

async function visit(p) {
  const root = p.locator("#w");
  const shown = [];
  const collect = async () => shown.push(...(await p.evaluate(texts)));
  // Keyboard on each chart: a symbol highlighted (its tooltip), then cleared (announcements).
  const keyboard = async () => {
    for (const chart of await root.locator("[data-testid=chart]").all()) {
      await chart.focus();
      await p.keyboard.press("ArrowDown");
      await p.keyboard.press("Enter");
      await root.locator("[data-testid=tooltip]").first().waitFor({ state: "visible" });
      await collect();
      await p.keyboard.press("Escape");
      await collect();
    }
  };
  await root.locator("[data-testid=ranking] tbody tr").first().waitFor();
  await root.locator("[data-testid=card]").waitFor();
  await root.locator("[data-testid=summary-toggle]").click();
  await root.locator("[data-testid=table-toggle]").click();
  for (const details of await root.locator("details").all()) await details.evaluate((d) => (d.open = true));
  await collect();
  await keyboard();
  for (const tab of [1, 2]) {
    await root.locator("[role=tab]").nth(tab).click();
    await root.locator(tab === 1 ? "[data-testid=returns] tbody tr" : "[data-testid=trend-stats]").first().waitFor();
    await root.locator("[data-testid=summary-toggle]").click();
    await root.locator("[data-testid=table-toggle]").click();
    for (const details of await root.locator("details").all()) await details.evaluate((d) => (d.open = true));
    await keyboard();
  }
  return shown;
}

for (const lang of LANGS) {
  test(`${lang}: no English sentence is left in what a reader sees or hears`, async () => {
    await session.ready;
    const context = await session.browser.newContext({ viewport: { width: 1200, height: 1000 } });
    const p = await context.newPage();
    const problems = watchProblems(p);
    await p.goto(`${session.url}${lang}.html`);
    const shown = await visit(p);
    assert.ok(shown.length > 100, `${shown.length} texts collected`);
    assert.deepEqual(englishLeft(shown, lang), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
