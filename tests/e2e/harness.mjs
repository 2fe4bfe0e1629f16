// Shared end-to-end harness: Debian's Chromium through playwright-core, a static server on a
// free port, and a watcher that records every console error, uncaught exception, failed
// request and CSP violation so a test can assert there were none.
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { startServer } from "../tools/serve.mjs";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(ROOT, "dist");

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** Serves `root` on a free loopback port; resolves to { server, url }. */
export async function serve(root = DIST, options = {}) {
  const server = await startServer({ root, port: 0, ...options });
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/**
 * Registers node:test hooks that serve `root` and launch Chromium once for the calling file's
 * tests, and close both afterwards. The returned session's `browser` and `url` are set once the
 * hook has run, so tests read them at test time, not at import time; a file's own `before`
 * hook awaits `session.ready` first, since node:test does not promise to finish one root hook
 * before starting the next.
 */
export function useSiteAndBrowser(root = DIST, options = {}) {
  let starting = null;
  const session = {
    browser: null,
    url: null,
    server: null,
    // Started by whichever hook asks first, then shared.
    get ready() {
      starting ??= (async () => {
        ({ server: session.server, url: session.url } = await serve(root, options));
        session.browser = await launchBrowser();
      })();
      return starting;
    },
  };
  before(() => session.ready);
  after(async () => {
    await session.browser?.close();
    session.server?.close();
  });
  return session;
}

/**
 * Where the real shared price data lives (not part of the repo): $ROTASCOPE_REAL_DATA, else
 * ../shared/data/prices next to this checkout, else where these machines keep it (a fresh
 * clone in a temporary folder still finds it).
 */
export const REAL_DATA =
  [process.env.ROTASCOPE_REAL_DATA, path.resolve(ROOT, "../shared/data/prices"), "/work/shared/data/prices"].find(
    (dir) => dir && fs.existsSync(path.join(dir, "SPY.csv")),
  ) ?? path.resolve(ROOT, "../shared/data/prices");

/** A blank page that loads only the publisher loader, for API tests. */
export const API_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rotascope API</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="/rotascope.js"></script></head><body></body></html>`;

export function htmlRoute(html) {
  return (req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
}

/** Starts recording problems on `page`; returns the live array. */
export function watchProblems(page) {
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

/**
 * Waits until the canvas inside `hostSelector`'s shadow root has at least `minColoured`
 * sampled pixels that are not grey (chart lines, not just background and grid) and the widget
 * is styled, and returns
 * { width, height, cssWidth, coloured }.
 */
export async function waitForChart(page, hostSelector, minColoured = 100) {
  const handle = await page.waitForFunction(
    ([sel, min]) => {
      const host = document.querySelector(sel);
      const canvas = host?.shadowRoot?.querySelector("canvas");
      if (!canvas || !canvas.width || !canvas.height) return false;
      // Styled too: each shadow root's stylesheet arrives on its own, and the widget is hidden
      // until it has.
      const widget = host.shadowRoot.querySelector(".rs-mount");
      if (widget && getComputedStyle(widget).visibility !== "visible") return false;
      const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4 * 7) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured++;
      }
      if (coloured < min) return false;
      return { width: canvas.width, height: canvas.height, cssWidth: canvas.getBoundingClientRect().width, coloured };
    },
    [hostSelector, minColoured],
    { timeout: 20000 },
  );
  return handle.jsonValue();
}

/** Text of the first element matching `selector` inside the host's shadow root. */
export function shadowText(page, hostSelector, selector) {
  return page.evaluate(
    ([h, s]) => document.querySelector(h)?.shadowRoot?.querySelector(s)?.textContent ?? null,
    [hostSelector, selector],
  );
}
