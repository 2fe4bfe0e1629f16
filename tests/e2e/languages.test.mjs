// The interface in the reader's language (README "Languages"): a widget with data-lang="de" or
// "ja", and one on a page whose <html lang="fr"> is the only hint, show the chrome (tabs,
// controls, buttons, toggles, exports, table headings and caption, quadrant names, the loading
// line) in that language, the expected words read from www/lang/*.json; the loading line
// never shows English first; an English page fetches no language file; a language Rotascope
// does not ship shows English with a notice; a publisher's override wins and a bad one is a
// config error; at 360 px German and French chrome fits.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, DIST, ROOT, htmlRoute, watchProblems } from "./harness.mjs";

const table = (lang) => JSON.parse(fs.readFileSync(path.join(ROOT, "www/lang", `${lang}.json`), "utf8"));

const page = (htmlLang, attrs, id = "w") => `<!doctype html><html lang="${htmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/demo.css"><script type="module" src="/rotascope.js"></script></head>
<body><main class="demo"><div class="rotascope" id="${id}" data-prices="/slow-prices.json" data-benchmark="SPY" data-lazy="false" ${attrs}></div></main></body></html>`;

// The sample prices, held back until the test lets them go (so the loading line can be read).
let release = () => {};
let held = Promise.resolve();
const slowPrices = async (req, res) => {
  await held;
  res.writeHead(200, { "content-type": "application/json" }).end(fs.readFileSync(path.join(DIST, "data", "sample-prices.json")));
};

const session = useSiteAndBrowser(DIST, {
  routes: {
    "/de.html": htmlRoute(page("en", 'data-lang="de"')),
    "/ja.html": htmlRoute(page("en", 'data-lang="ja"')),
    "/fr.html": htmlRoute(page("fr", "")),
    "/es.html": htmlRoute(page("en", 'data-lang="es"')),
    "/it.html": htmlRoute(page("en", 'data-lang="it"')),
    "/en.html": htmlRoute(page("en", "")),
    "/pt.html": htmlRoute(page("en", 'data-lang="pt-BR"')),
    "/override.html": htmlRoute(page("de", `data-messages='{"quadrant.leading":"Vorne","tab.trend":"Verlauf"}'`)),
    "/bad.html": htmlRoute(page("de", `data-messages='{"quadrant.leadng":"Vorne"}'`)),
    "/card-de.html": htmlRoute(page("en", 'data-lang="de" data-note="/data/demo-note.json"').replace("/slow-prices.json", "/data/sample-prices.json")),
    "/slow-prices.json": slowPrices,
    "/missing-de.html": htmlRoute(page("en", 'data-lang="de"').replace("/slow-prices.json", "/missing.json")),
    "/missing.json": (req, res) => res.writeHead(404, { "content-type": "text/plain" }).end("gone"),
    "/share-de.html": htmlRoute(page("en", 'data-lang="de" data-permalink="true"')),
    "/bad-date-de.html": htmlRoute(page("en", 'data-lang="de"').replace("/slow-prices.json", "/bad-date.json")),
    "/bad-date.json": (req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"dates": ["2026–01–02"], "series": {"SPY": [100]}}'),
  },
});

/** Records each text the widget's loading line shows, from its first moment. */
const watchLoading = () => {
  window.__loading = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    const seen = () => {
      const line = root.querySelector("[data-testid=loading] .rs-waiting-screen");
      const text = line?.textContent ?? null;
      if (text !== null && window.__loading.at(-1) !== text) window.__loading.push(text);
    };
    new MutationObserver(seen).observe(root, { subtree: true, childList: true, characterData: true });
    return root;
  };
};

/** The chrome's words as shown, by message key (what each key's element reads). */
async function chrome(p) {
  const root = p.locator("#w");
  const text = async (selector) => (await root.locator(selector).first().textContent()).trim();
  const attr = async (selector, name) => root.locator(selector).first().getAttribute(name);
  const words = {};
  const tabs = await root.locator("[role=tab]").allTextContents();
  [words["tab.rotation"], words["tab.performance"], words["tab.trend"]] = tabs.map((t) => t.trim());
  words["tab.list"] = await attr("[role=tablist]", "aria-label");
  words["widget.region"] = await attr("[role=region]", "aria-label");
  words["control.benchmark"] = await text(".rs-field:has([data-testid=benchmark]) .rs-field-label");
  words["control.interval"] = await attr("[data-testid=interval]", "aria-label");
  [words["interval.weekly"], words["interval.daily"]] = (await root.locator("[data-testid=interval] button").allTextContents()).map((t) => t.trim());
  words["control.method"] = await text(".rs-field:has([data-testid=method]) .rs-field-label");
  words["control.tail"] = (await text(".rs-field:has([data-testid=tail]) .rs-field-label")).split(/\s/)[0];
  words["control.graph"] = await attr(".rs-segmented:has([data-testid=show-tails])", "aria-label");
  words["toggle.tails"] = await text("[data-testid=show-tails]");
  words["toggle.labels"] = await text("[data-testid=show-labels]");
  words["button.resetZoom"] = await text("[data-testid=reset-zoom]");
  words["button.play"] = await text("[data-testid=play]");
  words["control.date"] = await attr("[data-testid=scrub]", "aria-label");
  words["tools.label"] = await attr(".rs-actions", "aria-label");
  words["tools.summary"] = await text("[data-testid=summary-toggle]");
  words["tools.table"] = await text("[data-testid=table-toggle]");
  words["export.png"] = await text("[data-testid=export-png]");
  words["export.png.label"] = await attr("[data-testid=export-png]", "aria-label");
  words["export.csv"] = await text("[data-testid=export-csv]");
  words["export.csv.label"] = await attr("[data-testid=export-csv]", "aria-label");
  words.quadrants = await root.locator("[data-testid=ranking] tbody .rs-th-long").allTextContents();
  words.lang = await attr("[role=region]", "lang");
  await root.locator("[role=tab]").nth(1).click();
  await root.locator("[data-testid=returns] tbody tr").first().waitFor();
  words["control.period"] = await attr("[data-testid=period]", "aria-label");
  words["control.periodStart"] = await text(".rs-field:has([data-testid=period-start]) .rs-field-label");
  words["control.mode"] = await attr("[data-testid=mode]", "aria-label");
  [words["mode.percent"], words["mode.ratio"]] = (await root.locator("[data-testid=mode] button").allTextContents()).map((t) => t.trim());
  const heads = (await root.locator("[data-testid=returns] thead th").allTextContents()).map((t) => t.trim());
  // The sample data names its symbols: the Name column is there.
  [words["returns.rank"], words["returns.symbol"], words["returns.name"], words["returns.return"], words["returns.excess"], words["returns.bar"]] = heads;
  words["returns.benchmark"] = await text("[data-testid=returns] .rs-row-benchmark td:nth-of-type(4)");
  words.caption = await text("[data-testid=returns] caption");
  await root.locator("[role=tab]").nth(2).click();
  await root.locator("[data-testid=trend-stats]").waitFor();
  words["control.symbol"] = await text(".rs-field:has([data-testid=trend-symbol]) .rs-field-label");
  [words["trend.close"], words["trend.sma50"], words["trend.sma200"], words["trend.fromHigh"]] = (await root.locator("[data-testid=trend-stats] dt").allTextContents()).map((t) => t.trim());
  return words;
}

async function open(name, lang, { hold = false } = {}) {
  const context = await session.browser.newContext({ viewport: { width: 1200, height: 1000 } });
  const p = await context.newPage();
  const problems = watchProblems(p);
  const requests = [];
  p.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await p.addInitScript(watchLoading);
  held = hold ? new Promise((r) => (release = r)) : Promise.resolve();
  await p.goto(`${session.url}${name}.html`);
  return { context, p, problems, requests };
}

for (const [name, lang] of [["de", "de"], ["ja", "ja"], ["fr", "fr"]]) {
  test(`${name}: the chrome reads in ${lang}, from its table (${name === "fr" ? "<html lang> alone" : "data-lang"})`, async () => {
    await session.ready;
    const t = table(lang);
    const { context, p, problems, requests } = await open(name, lang, { hold: true });
    // While the prices are held: the loading line in the language, never English first.
    await p.waitForFunction((want) => window.__loading.includes(want), t["loading.prices"]);
    assert.deepEqual(await p.evaluate(() => window.__loading.filter((s) => s !== "")), [t["loading.prices"]]);
    release();
    await p.locator("#w [data-testid=ranking] tbody tr").first().waitFor();
    const words = await chrome(p);
    for (const key of Object.keys(words).filter((k) => k in t)) assert.equal(words[key], t[key], `${name}: ${key}`);
    const quadrants = ["leading", "weakening", "lagging", "improving"].map((q) => t[`quadrant.${q}`]);
    assert.ok(words.quadrants.length > 0 && words.quadrants.every((q) => quadrants.includes(q)), `${name}: ranking quadrants ${words.quadrants}`);
    assert.equal(words.lang, lang);
    assert.match(words.caption, new RegExp(t["returns.caption"].replace(/\{period\}|\{date\}/g, ".+").replace(/[()（）]/g, ".")));
    // The table was fetched once, from beside the loader.
    assert.deepEqual(requests.filter((r) => r.includes("/lang/")), [`/lang/${lang}.json`]);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// The summaries, the ranking's words and the method note are whole sentences per language:
// each reads as its German template filled in.
test("de: the subtitle, summary, ranking and method note read in German", async () => {
  await session.ready;
  const t = table("de");
  const fill = (key, values) => t[key].replace(/\{(\w+)\}/g, (_, name) => values[name]);
  const { context, p, problems } = await open("de", "de");
  const root = p.locator("#w");
  await root.locator("[data-testid=ranking] tbody tr").first().waitFor();
  const text = async (selector) => (await root.locator(selector).first().textContent()).trim();
  assert.match(await text("[data-testid=subtitle]"), new RegExp(`^${fill("summary.subtitle.rotation", { benchmark: "SPY", interval: t["summary.weekly"], method: t["method.logTrend"] })} · Daten bis `));
  assert.equal(await text("[data-testid=ranking] caption"), fill("ranking.caption", { column: t["ranking.rsRatio"], order: t["ranking.highestFirst"] }));
  assert.equal(await text("[data-testid=method-note] summary"), fill("method.summary", { method: t["method.logTrend"] }));
  const summary = await text("[data-testid=summary]");
  assert.match(summary, /^Relative-Rotation-Graph von \d+ Symbolen gegenüber SPY, wöchentlich, Stand /);
  const quadrants = ["leading", "weakening", "lagging", "improving"].map((q) => `${t[`quadrant.${q}`]}: `);
  assert.ok(quadrants.some((q) => summary.includes(q)) && summary.includes("Richtung und Abstand von 100/100: "), summary);
  assert.deepEqual(problems, []);
  await context.close();
});

test("de: the chart's name, the data table's headings and its quadrants read in German", async () => {
  await session.ready;
  const t = table("de");
  const { context, p, problems } = await open("de", "de");
  const root = p.locator("#w");
  await root.locator("[data-testid=ranking] tbody tr").first().waitFor();
  const label = await root.locator("[data-testid=chart]").first().getAttribute("aria-label");
  assert.ok(label.startsWith(t["rotation.chartLabel.other"].split("{n}")[0]), label);
  assert.ok(label.endsWith(t["label.withKeys"].replace("{label} ", "")), label);
  await root.locator("[data-testid=table-toggle]").click();
  const heads = (await root.locator("[data-testid=data-table] thead th").allTextContents()).map((s) => s.trim());
  const keys = ["symbol", "date", "", "", "quadrant", "heading", "headingDegrees", "distance", "velocity"];
  assert.deepEqual(heads, keys.map((k, i) => (k ? t[`table.${k}`] : ["RS-Ratio", "RS-Momentum"][i - 2])));
  // A row: the symbol heads it, then date, RS-Ratio, RS-Momentum, quadrant.
  const quadrant = (await root.locator("[data-testid=data-table] tbody tr").first().locator("td").nth(3).textContent()).trim();
  assert.ok(["leading", "weakening", "lagging", "improving"].some((q) => t[`quadrant.${q}`] === quadrant), quadrant);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an English page fetches no language file and reads the English chrome", async () => {
  await session.ready;
  const { context, p, problems, requests } = await open("en", "en");
  await p.locator("#w [data-testid=ranking] tbody tr").first().waitFor();
  const words = await chrome(p);
  assert.equal(words["tab.rotation"], "Rotation");
  assert.equal(words["control.benchmark"], "Benchmark");
  assert.equal(words["tools.table"], "Data table");
  assert.equal(words["trend.fromHigh"], "From prior high");
  assert.equal(words.lang, "en");
  assert.ok(words.quadrants.every((q) => ["Leading", "Weakening", "Lagging", "Improving"].includes(q)), `${words.quadrants}`);
  assert.deepEqual(requests.filter((r) => r.includes("/lang/")), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a language Rotascope does not ship shows English, with a notice", async () => {
  await session.ready;
  const { context, p, problems, requests } = await open("pt", "pt");
  await p.locator("#w [data-testid=ranking] tbody tr").first().waitFor();
  assert.equal(await p.locator("#w [data-testid=language]").textContent(), 'Language "pt-BR" is not available: showing English (available: en, de, fr, es, it, ja)');
  assert.equal((await p.locator("#w [role=tab]").first().textContent()).trim(), "Rotation");
  assert.deepEqual(requests.filter((r) => r.includes("/lang/")), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a publisher's messages override the language's, and an unknown key is a config error", async () => {
  await session.ready;
  const { context, p, problems } = await open("override", "de");
  await p.locator("#w [data-testid=ranking] tbody tr").first().waitFor();
  const tabs = (await p.locator("#w [role=tab]").allTextContents()).map((t) => t.trim());
  assert.deepEqual(tabs, [table("de")["tab.rotation"], table("de")["tab.performance"], "Verlauf"]);
  const quadrants = await p.locator("#w [data-testid=ranking] tbody .rs-th-long").allTextContents();
  assert.ok(!quadrants.includes(table("de")["quadrant.leading"]), `${quadrants}`);
  assert.deepEqual(problems, []);
  await context.close();

  const bad = await open("bad", "de");
  const message = bad.p.locator("#w").getByText("option `messages.quadrant.leadng`", { exact: false });
  await message.waitFor();
  assert.equal((await message.textContent()).trim(), 'option `messages.quadrant.leadng` = "Vorne": no message has this key (the keys are listed in the README, "Languages")');
  await bad.context.close();
});

test("a download's fault reads in the widget's language; the event keeps English for scripts", async () => {
  await session.ready;
  const context = await session.browser.newContext();
  const p = await context.newPage();
  await p.addInitScript(() => document.addEventListener("rotascope:error", (e) => (window.__error = e.detail.message)));
  await p.goto(`${session.url}missing-de.html`);
  const message = p.locator("#w [data-testid=error] .rs-error-message");
  await message.waitFor();
  const url = "/missing.json";
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => values[name]);
  assert.equal(await message.textContent(), fill(table("de")["fault.status"], { url, status: "404", statusText: "Not Found" }));
  assert.equal((await p.locator("#w [data-testid=error] .rs-error-title").textContent()).trim(), table("de")["error.chart"]);
  assert.equal(await p.evaluate(() => window.__error), `could not load ${url}: the server answered 404 Not Found`);
  await context.close();
});

test("de: the note card reads in German, the note's own texts as written", async () => {
  await session.ready;
  const t = table("de");
  const { context, p, problems } = await open("card-de", "de");
  const card = p.locator("#w [data-testid=card]");
  await card.locator("[data-testid=claims] li").first().waitFor();
  await card.locator("[data-testid=alerts] li").first().waitFor();
  assert.equal(await card.getAttribute("aria-label"), t["card.label"]);
  assert.equal((await card.locator(".rs-card-link").textContent()).trim(), t["card.read"]);
  assert.equal(await card.locator("[data-testid=chips]").getAttribute("aria-label"), t["card.chips"]);
  assert.equal((await card.locator(".rs-claims h4").textContent()).trim(), t["claim.heading"]);
  assert.equal(await card.locator("[data-testid=claims-csv]").getAttribute("aria-label"), t["claim.csv"]);
  assert.equal((await card.locator(".rs-alerts h4").textContent()).trim(), t["alert.heading"]);
  // Each verdict is one of the German templates, its figures filled in.
  const verdict = new RegExp(`^(${["claim.matches", "claim.differs", "claim.unchecked"].map((k) => t[k].replace(/[()]/g, "\\$&").replace(/\{\w+\}/g, ".+")).join("|")})$`);
  for (const v of await card.locator(".rs-claim-verdict").allTextContents()) assert.match(v.trim(), verdict);
  assert.match(await card.locator("[data-testid=claims-summary]").textContent(), /anhand der Kurse geprüft/);
  // The note's sentiment label and section headings are the publisher's, shown as written.
  assert.equal((await card.locator(".rs-sentiment-name").textContent()).trim(), "mildly positive");
  assert.ok((await card.locator(".rs-section summary").allTextContents()).includes("Horizon"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("what a shared view cannot restore reads in the widget's language; the event keeps English for scripts", async () => {
  await session.ready;
  const context = await session.browser.newContext({ viewport: { width: 1200, height: 1000 } });
  const p = await context.newPage();
  await p.addInitScript(() => document.addEventListener("rotascope:error", (e) => (window.__error = e.detail.message)));
  held = Promise.resolve();
  await p.goto(`${session.url}share-de.html#w=view:pie`);
  const item = p.locator("#w [data-testid=permalink-problems] li");
  await item.first().waitFor();
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => values[name]);
  assert.deepEqual(await item.allTextContents(), [fill(table("de")["permalink.view"], { key: "w", field: "view", value: '"pie"' })]);
  assert.equal((await p.locator("#w [data-testid=permalink-problems] p").textContent()).trim(), table("de")["permalink.notRestored"]);
  assert.equal(await p.evaluate(() => window.__error), 'permalink `w`: `view` = "pie": use rotation, performance or trend');
  await context.close();
});

test("bad data reads in the widget's language but for the data; the event keeps English for scripts", async () => {
  await session.ready;
  const context = await session.browser.newContext();
  const p = await context.newPage();
  await p.addInitScript(() => document.addEventListener("rotascope:error", (e) => (window.__error = e.detail.message)));
  await p.goto(`${session.url}bad-date-de.html`);
  const message = p.locator("#w [data-testid=error] .rs-error-message");
  await message.waitFor();
  const de = table("de");
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => values[name]);
  const reason = fill(de["date.dash"], { dash: "–", code: "2013" });
  const error = fill(de["data.badDate"], { at: "dates[0]", value: "2026–01–02", reason });
  assert.equal(await message.textContent(), fill(de["data.inSource"], { source: "/bad-date.json", error }));
  assert.equal(await p.evaluate(() => window.__error), '/bad-date.json: dates[0] = "2026–01–02" is written with "–" (U+2013) where an ISO date (YYYY-MM-DD) has a hyphen');
  await context.close();
});

/** What of the chrome does not fit at this width: containers that scroll, buttons whose words spill. */
const overflowing = () => {
  const root = document.querySelector("#w").shadowRoot;
  const outer = root.querySelector(".rotascope-widget").getBoundingClientRect();
  const out = [];
  const chrome = root.querySelectorAll(".rs-tabs, .rs-tabs [role=tab], .rs-toolbar, .rs-toolbar *, .rs-actions, .rs-actions button, .rs-scrub, .rs-scrub *, .rs-segmented, .rs-segmented button, .rs-field-label");
  for (const el of chrome) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) out.push(`${el.className || el.tagName} "${el.textContent.trim().slice(0, 30)}" ${el.scrollWidth} > ${el.clientWidth}`);
    if (box.left < outer.left - 0.5 || box.right > outer.right + 0.5) out.push(`${el.className || el.tagName} "${el.textContent.trim().slice(0, 30)}" outside ${Math.round(box.left)}..${Math.round(box.right)}`);
  }
  // The widget breaks a word rather than overflow (overflow-wrap: anywhere): a word of the
  // chrome split over two lines is a word too long for its place.
  for (const el of root.querySelectorAll(".rs-tabs, .rs-toolbar, .rs-actions, .rs-scrub")) {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      for (const m of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(`"${m[0]}" is broken over ${lines.size} lines`);
      }
    }
  }
  return out;
};

for (const name of ["de", "fr", "es", "it", "ja"]) {
  test(`${name} at 360 px: nothing in the chrome overflows`, async () => {
    await session.ready;
    const context = await session.browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const p = await context.newPage();
    const problems = watchProblems(p);
    held = Promise.resolve();
    await p.goto(`${session.url}${name}.html`);
    await p.locator("#w [data-testid=ranking] tbody tr").first().waitFor();
    const t = table(name);
    for (const [i, tab] of [t["tab.rotation"], t["tab.performance"], t["tab.trend"]].entries()) {
      await p.locator("#w [role=tab]").nth(i).tap();
      await p.waitForFunction((v) => document.querySelector("#w").shadowRoot.querySelector("[role=tab][aria-selected=true]")?.textContent.includes(v), tab);
      await p.locator("#w canvas").first().waitFor();
      assert.deepEqual(await p.evaluate(overflowing), [], `${name}, ${tab}`);
    }
    assert.ok((await p.evaluate(() => document.documentElement.scrollWidth)) <= 360, "the page scrolls sideways");
    assert.deepEqual(problems, []);
    await context.close();
  });
}
