// Rotascope loader: the one script a publisher includes.
//
//   <div class="rotascope" data-prices="/data/prices.json" data-benchmark="SPY"></div>
//   <script type="module" src="/rotascope/rotascope.js"></script>
//
// Everything else (the wasm, the glue, the stylesheet) is fetched relative to this file's own
// URL, so the folder can be hosted anywhere. No eval, no inline script or style: it runs under
// `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
//
// globalThis.Rotascope is defined at once; its functions wait for the wasm to be ready.
import init, { start, analyze as analyzeNow } from "./rotascope-widget.js";

const base = new URL("./", import.meta.url).href;
const ready = init({ module_or_path: new URL("rotascope-widget_bg.wasm", base) }).then(() => start(base));

/** Computes returns, rotation, baskets, spreads and trend; see README "JavaScript API". */
export async function analyze(options) {
  await ready;
  return analyzeNow(options);
}

globalThis.Rotascope = Object.assign(globalThis.Rotascope || {}, { analyze, ready });
