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

/** Shows `message` in every placeholder, custom element and mount() target, and fires
 * rotascope:error on each (code "wasm"). */
function showFailure(message) {
  const hosts = new Set([...document.querySelectorAll(".rotascope, rotascope-widget"), ...asked]);
  for (const host of hosts) {
    if (host.shadowRoot) continue; // a widget that did start (not possible today) keeps itself
    const card = document.createElement("p");
    card.setAttribute("role", "alert");
    card.className = "rotascope-start-error";
    card.dataset.testid = "start-error";
    card.textContent = message;
    host.replaceChildren(card);
    host.dispatchEvent(new CustomEvent("rotascope:error", { bubbles: true, composed: true, detail: { code: "wasm", message } }));
  }
}

/** Resolves when the wasm is running and the page's placeholders are mounted; rejects with
 * the reason when it cannot start (every widget then says so; nothing is left uncaught). */
// `new URL("./file", import.meta.url)`: the form bundlers emit as an asset and rewrite.
export const ready = init({ module_or_path: new URL("./rotascope-widget_bg.wasm", import.meta.url) })
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
 * `unmount()`, and `ready` (a promise that settles once it is mounted, and rejects with the
 * reason when it cannot be). Calls made before the wasm is ready wait for it.
 */
export function mount(element, config = null) {
  let inner = null;
  let gone = false;
  let target = null;
  const mounted = new Promise((resolve) => {
    target = targetOf(element);
    asked.add(target);
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
  "height", "note", "bands", "tolerance", "lazy", "timeout", "permalink",
];

/** `<rotascope-widget>`: attributes are the config; changing one updates the widget; removing the element unmounts it. */
class RotascopeWidget extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  connectedCallback() {
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

if (!customElements.get("rotascope-widget")) customElements.define("rotascope-widget", RotascopeWidget);

globalThis.Rotascope = Object.assign(globalThis.Rotascope || {}, {
  analyze,
  mount,
  scan,
  ready,
  configAttributes: () => ready.then(() => configAttributes()),
  version: () => ready.then(() => versionNow()),
  observedAttributes: ATTRIBUTES,
});
