// Rotascope loader: the one script a publisher includes.
//
//   <div class="rotascope" data-prices="/data/prices.json" data-benchmark="SPY"></div>
//   <rotascope-widget prices="/data/prices.json" benchmark="SPY"></rotascope-widget>
//   <script type="module" src="/rotascope/rotascope.js"></script>
//
// Everything else (the wasm, the glue, the stylesheet) is fetched relative to this file's own
// URL, so the folder can be hosted anywhere. No eval, no inline script or style: it runs under
// `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`. globalThis.Rotascope is defined at
// once; its functions wait for the wasm. See README "Embedding".
import init, { start, analyze as analyzeNow, mount as mountNow, scan as scanNow, configAttributes, version as versionNow } from "./rotascope-widget.js";


// Elements a widget was asked for before the wasm ran (mount() targets), so a failure to start
// can be shown on each of them too.
const asked = new Set();

// The height rule (README "Height rule"): the same table and formula as `box_height` in
// src/config.rs, here for the moment before the WebAssembly runs (an end-to-end test checks the
// two agree). Per view and width class: everything but the chart and the table rows, and one row.
const BOX = {
  bandFrom: [0, 340, 370, 420, 555, 700, 830, 1050],
  bands: {
    rotation: [[775, 32], [680, 32], [650, 28], [566, 33], [527, 33], [460, 30], [452, 30], [410, 30]],
    performance: [[635, 33.5], [553, 33.5], [522, 29.5], [485, 33], [485, 33], [429, 30], [410, 30], [368, 30]],
    trend: [[709, 0], [584, 0], [549, 0], [507, 0], [384, 0], [367, 0], [367, 0], [350, 0]],
  },
  assumedSymbols: 10, titleLine: 22.5, titleChar: 10, cardGap: 18, frame: 26,
  cardStacked: [1820, 1690, 1590, 1350, 1290, 1210, 1180, 1180],
  cardBeside: 914, cardColumn: 318,
};

/** The height of a widget's box, in CSS pixels, for `config` (as written) in a host `width` wide. */
export function boxHeight(config, width) {
  const c = config && typeof config === "object" ? config : {};
  const text = (key) => (typeof c[key] === "string" && c[key].trim() ? c[key].trim() : null);
  const view = ["performance", "trend"].includes(text("view")?.toLowerCase()) ? text("view").toLowerCase() : "rotation";
  const asNumber = typeof c.height === "number" ? c.height : typeof c.height === "string" && c.height.trim() && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(c.height.trim()) ? Number(c.height.trim()) : NaN;
  let chart = asNumber >= 120 && asNumber <= 4000 ? asNumber : 480;
  const count = (key, separators) => {
    const v = c[key];
    if (Array.isArray(v)) return v.length;
    if (v && typeof v === "object") return Object.keys(v).length;
    if (typeof v === "string") return v.split(separators).filter((part) => part.trim()).length;
    return null;
  };
  const listed = count("symbols", /[,\s]/);
  const symbols = listed > 0 ? listed : BOX.assumedSymbols;
  const has = (key) => c[key] !== undefined && c[key] !== null && (typeof c[key] !== "string" || c[key].trim() !== "");
  const w = Number.isFinite(width) && width > 0 ? width : 600;
  const beside = has("note") && w >= BOX.cardBeside;
  const main = beside ? w - BOX.cardColumn : w;
  const band = BOX.bandFrom.findLastIndex((from) => main >= from);
  const [base, perRow] = BOX.bands[view][Math.max(band, 0)];
  let rows = symbols;
  if (view === "trend") {
    rows = 0;
    chart = (chart * 4) / 3;
  }
  const title = text("title") ? Math.ceil(([...text("title")].length * BOX.titleChar) / Math.max(w - 34, 100)) * BOX.titleLine : 0;
  const cardHeight = BOX.cardStacked[Math.max(band, 0)];
  if (!has("prices") && has("note")) return Math.ceil(BOX.frame + title + cardHeight);
  const card = has("note") && !beside ? BOX.cardGap + cardHeight : 0;
  return Math.ceil(base + chart + rows * perRow + title + card);
}

/** A host's config as written in the page: its JSON child, then its data- attributes (and, on
 * `<rotascope-widget>`, its plain ones). Only what the height rule reads matters here. */
function configOf(host) {
  let config = {};
  const script = host.querySelector(":scope > script[type='application/json']");
  try {
    const value = script ? JSON.parse(script.textContent) : null;
    if (value && typeof value === "object" && !Array.isArray(value)) config = value;
  } catch {}
  const custom = host.localName === "rotascope-widget";
  for (const { name, value } of host.attributes) {
    const key = name.startsWith("data-") ? name.slice(5) : custom ? name : null;
    if (!key || key.startsWith("rotascope") || key.startsWith("rs-") || key === "testid") continue;
    config[key.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = value;
  }
  return config;
}

/** Whether the publisher put something inside the host for readers (anything but the JSON
 * config, `<noscript>` and blank text), as `has_fallback` in src/embed/host.rs decides. */
function hasFallback(host) {
  return [...host.childNodes].some((node) =>
    node.nodeType === 1 ? !["script", "noscript", "template", "style"].includes(node.localName) : node.nodeType === 3 && node.textContent.trim() !== "",
  );
}

// Hosts given their box here (before the wasm runs); the widget replaces it with its own.
const reserved = new WeakSet();

/** Gives `host` its widget's box at once, with the height rule's height and the publisher's
 * fallback content shown through a slot, so the page does not jump while the wasm loads. */
function reserve(host, config) {
  if (host.shadowRoot || reserved.has(host)) return;
  let shadow;
  try {
    shadow = host.attachShadow({ mode: "open" });
  } catch {
    return; // an element that cannot hold a widget: mount() says so
  }
  reserved.add(host);
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("./rotascope.css", import.meta.url).href;
  const frame = document.createElement("div");
  frame.className = "rs-box";
  frame.dataset.state = "loading";
  Object.assign(frame.style, { display: "flex", flexDirection: "column", position: "relative" });
  const fallback = document.createElement("div");
  fallback.className = "rs-fallback";
  // Over the box until the chart draws, when the publisher gave any; else out of the way.
  Object.assign(fallback.style, hasFallback(host) ? { position: "absolute", inset: "0", overflow: "auto", zIndex: "2" } : { display: "none" });
  fallback.append(document.createElement("slot"));
  frame.append(fallback);
  shadow.append(link, frame);
  // The rule's height as the least (content taller grows it at the foot); the publisher's own
  // choice (`--rs-box-height` on the host) is kept exactly.
  frame.style.minHeight = `var(--rs-box-height, ${boxHeight(config, frame.getBoundingClientRect().width)}px)`;
  frame.style.maxHeight = "var(--rs-box-height, none)";
}

/** Why the wasm could not start, in words a publisher can act on. */
function startFailure(error) {
  const detail = String(error && error.message ? error.message : error);
  // Chromium: "…violates the following Content Security Policy directive…'unsafe-eval'…";
  // Firefox: "call to WebAssembly.instantiate() blocked by CSP"; Safari: "Refused to create
  // a WebAssembly object because 'unsafe-eval' or 'wasm-unsafe-eval' is not an allowed source".
  if (/content security policy|unsafe-eval|\bCSP\b/i.test(detail)) {
    return "Rotascope cannot start: this page's Content-Security-Policy does not allow WebAssembly. Add 'wasm-unsafe-eval' to its script-src directive, or show the chart in an iframe of Rotascope's embed.html.";
  }
  if (typeof WebAssembly !== "object") {
    return "Rotascope cannot start: this browser cannot run WebAssembly.";
  }
  return `Rotascope cannot start: its WebAssembly module did not load (${detail}). Check that rotascope-widget_bg.wasm is served next to rotascope.js, as application/wasm.`;
}

// What a reader sees when the chart cannot start (the same words as CHART_UNAVAILABLE in
// src/chart/describe.rs); the publisher's detail goes to the console and rotascope:error.
const UNAVAILABLE = "This chart could not be shown.";

/** Tells the reader, in every placeholder, custom element and mount() target, that the chart
 * could not be shown (under the publisher's fallback content, which stays); logs `message`
 * once and fires rotascope:error on each (code "wasm"). */
function showFailure(message) {
  const hosts = new Set([...document.querySelectorAll(".rotascope, rotascope-widget"), ...asked]);
  if (hosts.size > 0) console.error(message);
  for (const host of hosts) {
    reserve(host, configOf(host));
    const frame = reserved.has(host) ? host.shadowRoot.querySelector(".rs-box") : null;
    if (frame && frame.dataset.state !== "failed") {
      frame.dataset.state = "failed";
      const note = document.createElement("p");
      note.className = "rs-reader-note";
      note.setAttribute("role", "status");
      note.dataset.testid = "start-error";
      note.textContent = UNAVAILABLE;
      // Under the fallback content, which stays where it was: nothing on the page moves.
      const fallback = frame.querySelector(".rs-fallback");
      Object.assign(fallback.style, { display: "block", position: "absolute", inset: "0", overflow: "auto", zIndex: "2" });
      fallback.append(note);
    }
    host.dispatchEvent(new CustomEvent("rotascope:error", { bubbles: true, composed: true, detail: { code: "wasm", message } }));
  }
}

// The release wasm has no panic machinery (README "Bundle size"): a bug traps, and the trap
// reaches the page as an uncaught WebAssembly.RuntimeError from the wasm's URL. Then every
// drawn widget shows that it stopped, in its own language (its root carries the sentence),
// as a debug build's panic hook does; the console keeps the trap and its stack. Another
// script's wasm failing is not ours: only errors whose stack names our file count.
const WASM_URL = new URL("./rotascope-widget_bg.wasm", import.meta.url).href;
function stopped(error) {
  if (!(error instanceof WebAssembly.RuntimeError) || !String(error.stack).includes(WASM_URL)) return;
  const roots = [...document.querySelectorAll("[data-rotascope-stopped]")];
  for (const host of document.querySelectorAll("[data-rotascope-mounted]")) roots.push(...(host.shadowRoot?.querySelectorAll("[data-rotascope-stopped]") ?? []));
  for (const root of roots) {
    const card = document.createElement("div");
    card.className = "rs-error rs-error--fatal";
    card.setAttribute("role", "alert");
    card.dataset.testid = "fatal";
    card.textContent = root.dataset.rotascopeStopped;
    root.replaceChildren(card);
  }
}
addEventListener("error", (event) => stopped(event.error));
addEventListener("unhandledrejection", (event) => stopped(event.reason));

/** Resolves when the wasm is running and the page's placeholders are mounted; rejects with
 * the reason when it cannot start (every widget then says so; nothing is left uncaught). */
// `new URL("./file", import.meta.url)`: the form bundlers emit as an asset and rewrite.
export const ready = init({ module_or_path: WASM_URL })
  .then(() => start(new URL("./rotascope.css", import.meta.url).href))
  .catch((error) => {
    const message = startFailure(error);
    const show = () => showFailure(message);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show, { once: true });
    else show();
    throw new Error(message);
  });
// Handled here, so a page that never awaits `ready` gets no "uncaught (in promise)".
ready.catch(() => {});

/** Returns, computed in the browser: returns, rotation, baskets, spreads, trend. */
export async function analyze(options) {
  await ready;
  return analyzeNow(options);
}

/** mount()'s first argument as an element: an element, or the id or CSS selector of one. */
function targetOf(element) {
  if (element?.nodeType === 1) return element;
  if (typeof element === "string" && element.trim()) {
    let found = document.getElementById(element);
    let selector = true;
    try {
      found ??= document.querySelector(element);
    } catch {
      selector = false;
    }
    if (found) return found;
    throw new Error(`mount(${JSON.stringify(element)}): no element has that id${selector ? " or matches that CSS selector" : ", and it is not a valid CSS selector"}`);
  }
  const got = element === null || element === undefined ? String(element) : element === "" ? "an empty text" : typeof element === "object" ? "an object that is not an element" : `a ${typeof element}`;
  throw new Error(`mount() needs an element, or the id or CSS selector of one, as its first argument; it got ${got}`);
}

/**
 * Mounts a widget in `element` (an element, or its id or a CSS selector) with `config` (or the
 * element's own attributes when `config` is null). Returns a handle at once: `update(partialConfig)`,
 * `refresh()`, `unmount()`, and `ready` (a promise that settles once it is mounted, and rejects with the
 * reason when it cannot be). Calls made before the wasm is ready wait for it.
 */
export function mount(element, config = null) {
  let inner = null;
  let gone = false;
  let target = null;
  const mounted = new Promise((resolve) => {
    target = targetOf(element);
    asked.add(target);
    reserve(target, config ?? configOf(target));
    resolve(ready);
  }).then(() => {
    asked.delete(target);
    if (!gone) inner = mountNow(target, config);
  });
  mounted.catch(() => {});
  return {
    ready: mounted,
    update(partial = null) {
      return mounted.then(() => inner && inner.update(partial));
    },
    refresh() {
      return mounted.then(() => inner && inner.refresh());
    },
    unmount() {
      gone = true;
      return mounted.then(() => {
        if (inner) {
          inner.unmount();
          inner.free();
          inner = null;
        }
      });
    },
  };
}

/** Mounts placeholders under `root` that have no widget yet (new ones are also found on their own). */
export async function scan(root = document) {
  await ready;
  scanNow(root);
}

// A copy of the config table's attributes (FIELDS in src/config.rs): observedAttributes is
// read when the element is defined, before the wasm has loaded. A native test
// (tests/config_fields.rs) checks it equals the table, an end-to-end one that it equals
// configAttributes().
const ATTRIBUTES = [
  "prices", "benchmark", "symbols", "baskets", "title", "view", "period", "as-of", "rotation",
  "rotation-interval", "rotation-window", "rotation-tail", "rotation-method", "theme", "locale",
  "lang", "messages", "height", "note", "bands", "tolerance", "lazy", "timeout", "refresh",
  "permalink",
];

/** `<rotascope-widget>`: attributes are the config; changing one updates the widget; removing the element unmounts it. */
class RotascopeWidget extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  connectedCallback() {
    reserve(this, configOf(this));
    if (!this.rotascope) this.rotascope = mount(this, null);
  }

  disconnectedCallback() {
    // Swallowed: when the wasm could not start, the element already says so.
    if (this.rotascope) this.rotascope.unmount().catch(() => {});
    this.rotascope = null;
  }

  attributeChangedCallback(_name, before, after) {
    // Several attributes set in a row rebuild the widget once.
    if (!this.rotascope || before === after || this.pendingUpdate) return;
    this.pendingUpdate = true;
    queueMicrotask(() => {
      this.pendingUpdate = false;
      if (this.rotascope) this.rotascope.update(null).catch(() => {});
    });
  }
}

// Placeholders in the page get their box now, before the wasm has downloaded.
for (const host of document.querySelectorAll(".rotascope")) reserve(host, configOf(host));

if (!customElements.get("rotascope-widget")) customElements.define("rotascope-widget", RotascopeWidget);

globalThis.Rotascope = Object.assign(globalThis.Rotascope || {}, {
  analyze,
  mount,
  scan,
  ready,
  configAttributes: () => ready.then(() => configAttributes()),
  version: () => ready.then(() => versionNow()),
  observedAttributes: ATTRIBUTES,
  boxHeight,
});
