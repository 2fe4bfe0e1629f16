// Network faults, each from a fault-injecting route of the test server: a download that hangs
// (the timeout), a slow one (the progress bar, with and without a known size), an HTML page
// where price data was expected, a body cut mid-way, a cross-origin server that sends no CORS
// header, 404 and 500. Every fault shows its message and fires rotascope:error with a code;
// a second widget on the page keeps drawing; Try again, once the server behaves, draws the
// chart in place of the error.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useSiteAndBrowser, serve, watchProblems, waitForChart, DIST, htmlRoute } from "./harness.mjs";

const SAMPLE = fs.readFileSync(path.join(DIST, "data/sample-prices.json"));

/** The widget's size text, written again from its README description: MB with one decimal
 * from 1 MB, else whole KB. */
const sizeText = (received, total) => {
  const largest = Math.max(total ?? received, received);
  const [unit, scale, decimals] = largest >= 1e6 ? ["MB", 1e6, 1] : ["KB", 1e3, 0];
  const show = (b) => (b / scale).toFixed(decimals);
  return total === undefined ? `${show(received)} ${unit}` : `${show(received)} of ${show(total)} ${unit}`;
};

// What each route does next; tests switch a route to "ok" to let a retry succeed.
const mode = {};
// Resolvers that let a slow download finish when the test has seen its progress.
const release = {};

function faulty(name) {
  return (req, res) => {
    switch (mode[name] ?? name) {
      case "ok":
        return res.writeHead(200, { "content-type": "application/json", "content-length": SAMPLE.length }).end(SAMPLE);
      case "hang":
        // Headers never come; the widget's timeout must end it.
        return;
      case "slow-sized":
      case "slow-unsized": {
        const sized = (mode[name] ?? name) === "slow-sized";
        res.writeHead(200, sized ? { "content-type": "application/json", "content-length": SAMPLE.length } : { "content-type": "application/json" });
        const half = Math.floor(SAMPLE.length / 2);
        res.write(SAMPLE.subarray(0, half));
        new Promise((done) => (release[name] = done)).then(() => res.end(SAMPLE.subarray(half)));
        return;
      }
      case "html":
        return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html><html><body>App shell</body></html>");
      case "html-as-text":
        return res.writeHead(200, { "content-type": "text/plain" }).end("\n  <!DOCTYPE HTML><html><body>Sign in</body></html>");
      case "cut": {
        // The connection breaks once the page has shown the first part arrive.
        res.writeHead(200, { "content-type": "application/json", "content-length": SAMPLE.length });
        res.write(SAMPLE.subarray(0, 4000));
        release.cut = () => res.socket.destroy();
        return;
      }
      case "missing":
        return res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      case "down":
        return res.writeHead(500, { "content-type": "text/plain" }).end("oops");
      default:
        throw new Error(`no fault ${name}`);
    }
  };
}

// A note a little over 3 KB (no rounding tie in its KB figures).
const NOTE = Buffer.from(JSON.stringify({ title: "A slow note", summary: "Small caps lead. ".repeat(190) }));
const FAULTS = ["hang", "slow-sized", "slow-unsized", "html", "html-as-text", "cut", "missing", "down"];
const routes = Object.fromEntries(FAULTS.map((f) => [`/faults/${f}.json`, faulty(f)]));
routes["/faults/slow-note.json"] = (req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": NOTE.length });
  const half = Math.floor(NOTE.length / 2);
  res.write(NOTE.subarray(0, half));
  new Promise((done) => (release.note = done)).then(() => res.end(NOTE.subarray(half)));
};
// A signed URL: its server answers only the query exactly as signed.
const SIGNED = "/faults/signed.json?expires=1&sig=abc";
const requested = [];
routes["/faults/signed.json"] = (req, res) => {
  requested.push(req.url);
  if (req.url === SIGNED) return faulty("ok")(req, res);
  res.writeHead(403, { "content-type": "text/plain" }).end("signature mismatch");
};
routes["/faults.html"] = (req, res) => {
  const url = new URL(req.url, "http://x");
  const prices = url.searchParams.get("prices");
  const source = prices ? `data-prices="${prices}"` : `data-note="${url.searchParams.get("note")}"`;
  const extra = url.searchParams.get("extra") ?? "";
  htmlRoute(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>faults</title>
<link rel="icon" href="favicon.svg"><script type="module" src="rotascope.js"></script></head><body>
<script>
window.__events = [];
for (const name of ["rotascope:ready", "rotascope:error"]) document.addEventListener(name, (e) => window.__events.push({ name, id: e.target.dataset.testid, detail: e.detail }));
</script>
<div class="rotascope" data-testid="faulty" ${source} data-lazy="false" ${extra}></div>
<div class="rotascope" data-testid="good" data-prices="data/sample-prices.json" data-lazy="false"></div>
</body></html>`)(req, res);
};

const session = useSiteAndBrowser(DIST, { routes });

async function open(prices, extra = "") {
  const page = await session.browser.newPage({ viewport: { width: 1000, height: 900 } });
  const problems = watchProblems(page);
  await page.goto(`${session.url}faults.html?prices=${encodeURIComponent(prices)}&extra=${encodeURIComponent(extra)}`);
  return { page, problems };
}

const message = (page) => page.locator("[data-testid=faulty] .rs-error-message");
const errorEvents = (page) => page.evaluate(() => window.__events.filter((e) => e.name === "rotascope:error").map((e) => ({ id: e.id, code: e.detail.code, message: e.detail.message })));

/** The fault's message, its event, the good widget drawing, and (after `fix`) a retry that draws. */
async function expectFault(page, { text, code, retry = true, fix }) {
  await message(page).waitFor();
  assert.equal(await message(page).textContent(), text);
  assert.deepEqual(await errorEvents(page), [{ id: "faulty", code, message: text }]);
  await waitForChart(page, "[data-testid=good]");
  const button = page.locator("[data-testid=faulty] button", { hasText: "Try again" });
  assert.equal(await button.count(), retry ? 1 : 0, retry ? "a Try again button" : "no Try again button");
  if (fix) {
    fix();
    await button.click();
    await waitForChart(page, "[data-testid=faulty]");
    assert.equal(await message(page).count(), 0, "the chart replaced the error");
  }
}

test("a download that never answers times out with the option's limit, and Try again recovers", async () => {
  const { page, problems } = await open("faults/hang.json", 'data-timeout="1"');
  await expectFault(page, {
    text: "could not load faults/hang.json: no complete answer within 1 s (the `timeout` option sets the limit)",
    code: "timeout",
    fix: () => (mode.hang = "ok"),
  });
  // The one request the widget aborted, and nothing else.
  assert.deepEqual(problems, [`request failed: ${session.url}faults/hang.json (net::ERR_ABORTED)`]);
  await page.close();
});

test("a slow download shows how much has arrived of its size, then the chart", async () => {
  const { page, problems } = await open("faults/slow-sized.json");
  const loading = page.locator("[data-testid=faulty] [data-testid=loading]");
  const half = Math.floor(SAMPLE.length / 2);
  await page.waitForFunction((want) => document.querySelector("[data-testid=faulty]").shadowRoot?.querySelector("[data-testid=loading] span")?.textContent === want, `Loading prices… ${sizeText(half, SAMPLE.length)}`);
  const bar = loading.locator("progress");
  assert.equal(await bar.getAttribute("max"), String(SAMPLE.length));
  assert.equal(await bar.getAttribute("value"), String(half));
  release["slow-sized"]();
  await waitForChart(page, "[data-testid=faulty]");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a slow download of unknown size shows the bytes so far and a moving bar", async () => {
  const { page, problems } = await open("faults/slow-unsized.json");
  const half = Math.floor(SAMPLE.length / 2);
  await page.waitForFunction((want) => document.querySelector("[data-testid=faulty]").shadowRoot?.querySelector("[data-testid=loading] span")?.textContent === want, `Loading prices… ${sizeText(half)}`);
  const bar = page.locator("[data-testid=faulty] [data-testid=loading] progress");
  assert.equal(await bar.getAttribute("value"), null, "indeterminate");
  release["slow-unsized"]();
  await waitForChart(page, "[data-testid=faulty]");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a slow research note shows how much of it has arrived, then the card", async () => {
  const page = await session.browser.newPage({ viewport: { width: 1000, height: 900 } });
  const problems = watchProblems(page);
  await page.goto(`${session.url}faults.html?note=${encodeURIComponent("faults/slow-note.json")}`);
  const half = Math.floor(NOTE.length / 2);
  await page.waitForFunction((want) => document.querySelector("[data-testid=faulty]").shadowRoot?.querySelector("[data-testid=card] [data-testid=loading] span")?.textContent === want, `Loading the note… ${sizeText(half, NOTE.length)}`);
  release.note();
  await page.locator("[data-testid=faulty] [data-testid=card-title]").waitFor();
  assert.equal(await page.locator("[data-testid=faulty] [data-testid=card-title]").textContent(), "A slow note");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a URL with a query is requested exactly as written", async () => {
  const { page, problems } = await open(SIGNED.slice(1));
  await waitForChart(page, "[data-testid=faulty]");
  assert.deepEqual(requested, [SIGNED]);
  assert.deepEqual(problems, []);
  await page.close();
});

test("an HTML page where price data was expected says so, with the status and content type", async () => {
  const { page, problems } = await open("faults/html.json");
  await expectFault(page, {
    text: "could not load faults/html.json: the server sent an HTML page, not price data (status 200, content type text/html; charset=utf-8)",
    code: "html",
    fix: () => (mode.html = "ok"),
  });
  assert.deepEqual(problems, []);
  await page.close();
});

test("an HTML page sent as plain text is recognised too", async () => {
  const { page, problems } = await open("faults/html-as-text.json");
  await expectFault(page, {
    text: "could not load faults/html-as-text.json: the server sent an HTML page, not price data (status 200, content type text/plain)",
    code: "html",
  });
  assert.deepEqual(problems, []);
  await page.close();
});

test("a body cut mid-way says how much arrived of how much", async () => {
  const { page } = await open("faults/cut.json");
  await page.waitForFunction((want) => document.querySelector("[data-testid=faulty]").shadowRoot?.querySelector("[data-testid=loading] span")?.textContent === want, `Loading prices… ${sizeText(4000, SAMPLE.length)}`);
  release.cut();
  await expectFault(page, {
    text: `could not load faults/cut.json: the download broke after ${sizeText(4000, SAMPLE.length)}`,
    code: "broken",
    fix: () => (mode.cut = "ok"),
  });
  // The browser itself logs the failed load (net::ERR_CONTENT_LENGTH_MISMATCH); nothing else.
  await page.close();
});

test("404 is final and 500 may be retried, both with the status", async () => {
  {
    const { page } = await open("faults/missing.json");
    await expectFault(page, { text: "could not load faults/missing.json: the server answered 404 Not Found", code: "status", retry: false });
    await page.close();
  }
  {
    const { page } = await open("faults/down.json");
    await expectFault(page, {
      text: "could not load faults/down.json: the server answered 500 Internal Server Error",
      code: "status",
      fix: () => (mode.down = "ok"),
    });
    await page.close();
  }
});

test("a cross-origin server without a CORS header is named with both origins", async () => {
  const other = await serve(DIST);
  try {
    const url = `${other.url}data/sample-prices.json`;
    const { page } = await open(url);
    const theirs = other.url.replace(/\/$/, "");
    const ours = session.url.replace(/\/$/, "");
    await expectFault(page, {
      text: `could not load ${url}: TypeError: Failed to fetch. It is on another origin (${theirs}) than this page (${ours}): unless the network is down, its server refused the cross-origin request. It must answer with the header Access-Control-Allow-Origin: ${ours} (or *), or the file must be served from ${ours}`,
      code: "cors",
    });
    await page.close();
  } finally {
    other.server.close();
  }
});
