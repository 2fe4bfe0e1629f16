// Side-by-side scrub benchmark in one headless Chromium run: the built widget, Chart.js
// drawing the same points, a hand-written Canvas2D page and an empty floor, on the same
// sequence of dates; then the bundle size and analyze() against JSON.parse. A report, not a
// test: a missed target prints "NOT met" and the exit code stays 0 (it is 1 only when the
// benchmark itself is broken: no widget, a slider that did not take, a chart that did not
// redraw).
//
//   node tests/tools/bench-scrub.mjs [--dist dist] [prices.json]
//     [--frames N] [--warmup 5] [--clock wall|thread] [--cases 1,2,3] [--screenshots dir]
//     [--trace dir] [--profile]
//
// prices.json is case 1's data (`make bench` passes target/bench/prices.json, the real closes
// rotascope-tool wrote, when ../shared/data/prices exists); without it, the bundle's
// data/sample-prices.json. Cases 2 and 3 are 100 symbols from the seeded generator below.
//
// What one frame costs: the renderer main thread's busy time, from a DevTools trace of the
// timed frames: the summed duration of every top-level task (script, style, layout, paint,
// the commit, the canvas's raster, GC) that ends within the frame, so idle time waiting for
// vsync counts for nothing. Not Performance.getMetrics' TaskDuration: it misses the task in
// which Chromium rasterizes a canvas drawn outside an animation frame (what Chart.js's
// update("none") and the raw page do), so it counted their raster as free and the widget's
// (drawn in requestAnimationFrame, rasterized in the frame's commit) in full. A frame is:
// a task that moves to the next date (the widget's slider input, or the page's own redraw),
// then two animation frames (the widget repaints on the next one; the second makes sure that
// paint has happened). The same loop drawing nothing ("floor") is what the measurement itself
// costs (the CDP round trips, the timer, the rAF callbacks).
//
// The four pages:
//   Rotascope  the real widget (rotation view, weekly, the case's tail), scrubbed through its
//              own slider ([data-testid=scrub] in the shadow DOM) with an `input` event, so it
//              pays what a reader's drag pays: tails, labels, ranking table, summary.
//   Chart.js   4.6.1 (tests/package.json): a scatter chart, one dataset per symbol holding the
//              tail that ends at the frame's date, showLine, parsing: false, animation: false,
//              chart.update("none"); a small plugin shades the four quadrants.
//   raw        Canvas2D by hand: quadrant backgrounds, minimal axes, per tail one stroked path
//              (the line) and one filled path (its dots), a head dot and the symbol's label.
//   floor      the same frame loop, drawing nothing.
// Chart.js and raw draw the points Rotascope.analyze() returns for the same options (the whole
// rotation history of every symbol, asked for with a tail longer than any history), so all
// four show the same tails. Every page has an 800×600 CSS-pixel canvas at devicePixelRatio 1.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchBrowser, serve, DIST, ROOT, htmlRoute, watchProblems, waitForChart } from "../e2e/harness.mjs";
import { measure } from "./size.mjs";

// ---------------------------------------------------------------------------------------------
// Options

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const dist = path.resolve(option("--dist", DIST));
// Frames per case: case 3 costs up to a second a frame, so it sweeps fewer dates to keep the
// whole run near three minutes. --frames N sets every case.
const framesOption = option("--frames", null);
const FRAMES = framesOption ? [1, 2, 3].map(() => Number(framesOption)) : [120, 120, 30];
const WARMUP = Number(option("--warmup", 5));
// wall: task durations in wall-clock time (DevTools' default); thread: in the main thread's
// CPU time, which other processes competing for the cores inflate less.
const CLOCK = option("--clock", "wall");
const ONLY = option("--cases", "1,2,3").split(",").map(Number);
// Saves each page's canvas at the last frame (case-page.png), to see that all four draw alike.
const SHOTS = option("--screenshots", null);
// Records a DevTools trace of each page's timed frames (dir/case-page.json), to see where a
// frame's time goes (open in chrome://tracing or the Performance panel).
const TRACES = option("--trace", null);
// Samples the widget's timed frames with the V8 profiler and prints the functions that take
// the most time (build with names to read wasm frames: see the README's "Profiling").
const PROFILE = args.includes("--profile") ? (args.splice(args.indexOf("--profile"), 1), true) : false;
const RUNS = 9; // analyze() and JSON.parse, each after one warm-up run
const given = args.find((a) => !a.startsWith("--"));
const CANVAS = { width: 800, height: 600 };

for (const f of ["index.html", "rotascope.js", "rotascope-widget.js", "rotascope-widget_bg.wasm"]) {
  if (!fs.existsSync(path.join(dist, f))) {
    console.error(`bench-scrub: ${path.join(dist, f)} is missing (build first, or pass --dist)`);
    process.exit(1);
  }
}
const sample = path.join(dist, "data", "sample-prices.json");
const case1File = given && fs.existsSync(given) ? path.resolve(given) : sample;
if (given && case1File === sample) console.log(`bench-scrub: ${given} is missing; case 1 uses the sample data`);
const chartJs = path.join(ROOT, "tests", "node_modules", "chart.js", "dist", "chart.umd.min.js");
if (!fs.existsSync(chartJs)) {
  console.error(`bench-scrub: ${chartJs} is missing (run: npm ci --prefix tests)`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Synthetic data for cases 2 and 3
//
// A seeded generator, so every run benchmarks the same bytes. mulberry32 (a 32-bit PRNG) with
// Box-Muller normals. One benchmark, BENCH, is a geometric random walk (daily log return
// 0.03 % ± 1.1 %). Each of the 100 symbols S001…S100 is, in logs,
//   beta·bench + A·sin(2πt/T + φ) + its own random walk (± 0.6 % a day),
// with beta in 0.85…1.15, a cycle of T = 65…260 trading days and amplitude A = 4…15 %:
// the sine is the cyclical relative drift that makes tails loop through the quadrants the
// way sector rotation does, the walk keeps them from being perfect circles. Weekdays only
// (no holidays), 2012-01-02 to 2025-12-31: 14 years, 730 weeks. The rotation needs 58 weekly
// samples before its first point, so each symbol has about 670 points, enough for a full
// 500-point tail on every frame of the sweep (12 years would leave the first frames short).

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticPrices(symbols = 100, seed = 20261201) {
  const random = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const dates = [];
  for (let d = new Date(Date.UTC(2012, 0, 2)); d <= new Date(Date.UTC(2025, 11, 31)); d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) dates.push(d.toISOString().slice(0, 10));
  }
  const bench = [];
  let level = Math.log(100);
  for (let t = 0; t < dates.length; t++) {
    level += 0.0003 + 0.011 * normal();
    bench.push(level);
  }
  const round = (x) => Math.round(x * 100) / 100;
  const series = { BENCH: bench.map((l) => round(Math.exp(l))) };
  for (let i = 1; i <= symbols; i++) {
    const beta = 0.85 + 0.3 * random();
    const amplitude = 0.04 + 0.11 * random();
    const cycle = 65 + 195 * random();
    const phase = 2 * Math.PI * random();
    const start = Math.log(20 + 180 * random());
    let own = 0;
    const closes = [];
    for (let t = 0; t < dates.length; t++) {
      own += 0.006 * normal();
      const log = start + beta * (bench[t] - bench[0]) + amplitude * Math.sin((2 * Math.PI * t) / cycle + phase) + own;
      closes.push(round(Math.exp(log)));
    }
    series[`S${String(i).padStart(3, "0")}`] = closes;
  }
  return { source: `bench-scrub synthetic generator (mulberry32, seed ${seed}): not market data`, adjusted: true, dates, series };
}

// ---------------------------------------------------------------------------------------------
// Pages

// Shared by every page: the frame wait, and a pixel digest for the redraw check.
const COMMON = `
const twoFrames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
/**
 * One frame: \`step\` runs in a task of its own (as a reader's input event would, and so that
 * DevTools counts its script as ScriptDuration, which it does not for code CDP calls into),
 * then two animation frames pass; resolves to what \`report\` says once painted.
 */
const frameOf = (step, report) => new Promise((done) =>
  setTimeout(() => {
    step();
    twoFrames().then(() => done(report()));
  }, 0));
/** FNV-1a over a canvas's pixels, and how many of them are coloured (not grey). */
function digest(canvas) {
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let hash = 2166136261, coloured = 0;
  for (let i = 0; i < data.length; i += 4) {
    hash = Math.imul(hash ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16)), 16777619);
    if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 40) coloured++;
  }
  return { hash: hash >>> 0, coloured, width: canvas.width, height: canvas.height, cssWidth: canvas.getBoundingClientRect().width, cssHeight: canvas.getBoundingClientRect().height };
}
`;

// The points the comparison pages draw: for each symbol its whole history, and per frame the
// last \`tail\` of those on or before the frame's date (what the widget's visible_tail does).
const TAILS = `
let input = null;
function setup(payload) {
  input = payload;
  return input.series.length;
}
/** First index of a sorted date list past \`date\` (partition point). */
function end(dates, date) {
  let lo = 0, hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid] <= date) lo = mid + 1; else hi = mid;
  }
  return lo;
}
function tailOf(s, position) {
  const e = end(s.dates, input.timeline[position]);
  return [Math.max(0, e - input.tail), e];
}
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939"];
`;

const page = (head, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench-scrub</title>
<link rel="icon" href="/favicon.svg"><style>body { margin: 0; background: #fff; font: 12px sans-serif }</style>${head}</head><body>${body}</body></html>`;
const canvasTag = `<canvas id="c" width="${CANVAS.width}" height="${CANVAS.height}" style="width: ${CANVAS.width}px; height: ${CANVAS.height}px; display: block"></canvas>`;

/** The widget, mounted from data- attributes; `bench.frame(position)` drags its slider there. */
function rotascopePage({ url, benchmark, symbols, tail }) {
  return page(
    `<script type="module" src="/rotascope.js"></script><style>#w { width: ${CANVAS.width}px }</style>`,
    `<div class="rotascope" id="w" data-prices="${url}" data-benchmark="${benchmark}" data-symbols="${symbols.join(",")}"
      data-view="rotation" data-rotation-interval="weekly" data-rotation-tail="${tail}" data-height="${CANVAS.height}"
      data-theme="light" data-locale="en-US" data-lazy="false"></div>
<script type="module">
// The glue's default export resolves to the wasm exports once the loader has started it,
// memory included (wasm-bindgen --target web): no hook in the widget needed.
import init from "/rotascope-widget.js";
${COMMON}
const root = () => document.querySelector("#w").shadowRoot;
const slider = () => root().querySelector("[data-testid=scrub]");
globalThis.bench = {
  /** Widens the host until the chart canvas is ${CANVAS.width} CSS pixels (the widget pads it). */
  fit() {
    const host = document.querySelector("#w");
    const canvas = root().querySelector("canvas");
    host.style.width = host.getBoundingClientRect().width + (${CANVAS.width} - canvas.getBoundingClientRect().width) + "px";
  },
  steps: () => Number(slider().max) + 1,
  frame(position) {
    return frameOf(
      () => {
        const s = slider();
        s.value = String(position);
        s.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
      },
      () => [slider().value, root().querySelector("[data-testid=scrub-date]").textContent],
    );
  },
  digest: () => digest(root().querySelector("canvas")),
  async wasmBytes() {
    await globalThis.Rotascope.ready;
    return (await init()).memory.buffer.byteLength;
  },
};
</script>`,
  );
}

/** Chart.js: one scatter dataset per symbol, its data replaced by the frame's tail. */
const CHARTJS_PAGE = page(
  `<script src="/chartjs/chart.umd.min.js"></script>`,
  `${canvasTag}
<script>
${COMMON}
${TAILS}
let chart = null, points = null;
// The four quadrants around 100/100, under the grid and the data (Chart.js has no such option).
const quadrants = {
  id: "quadrants",
  beforeDraw(c) {
    const { ctx, chartArea: a, scales: { x, y } } = c;
    const cx = Math.min(Math.max(x.getPixelForValue(100), a.left), a.right);
    const cy = Math.min(Math.max(y.getPixelForValue(100), a.top), a.bottom);
    ctx.save();
    ctx.fillStyle = "#e8f5e9"; ctx.fillRect(cx, a.top, a.right - cx, cy - a.top);       // Leading
    ctx.fillStyle = "#fff8e1"; ctx.fillRect(cx, cy, a.right - cx, a.bottom - cy);       // Weakening
    ctx.fillStyle = "#ffebee"; ctx.fillRect(a.left, cy, cx - a.left, a.bottom - cy);    // Lagging
    ctx.fillStyle = "#e3f2fd"; ctx.fillRect(a.left, a.top, cx - a.left, cy - a.top);    // Improving
    ctx.restore();
  },
};
globalThis.bench = {
  setup(payload) {
    setup(payload);
    // parsing: false wants the internal format, {x, y} objects: built once, sliced per frame.
    points = input.series.map((s) => s.x.map((x, k) => ({ x, y: s.y[k] })));
    chart = new Chart(document.getElementById("c"), {
      type: "scatter",
      data: {
        datasets: input.series.map((s, i) => ({
          label: s.symbol, data: [], showLine: true, borderColor: PALETTE[i % 12], backgroundColor: PALETTE[i % 12],
          borderWidth: 1.5, pointRadius: 2,
        })),
      },
      options: {
        responsive: false, animation: false, parsing: false, events: [],
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
        scales: { x: { type: "linear", title: { display: true, text: "RS-Ratio" } }, y: { type: "linear", title: { display: true, text: "RS-Momentum" } } },
      },
      plugins: [quadrants],
    });
    return input.series.length;
  },
  frame(position) {
    return frameOf(() => {
      // parsing: false also tells Chart.js the data is sorted by x, so it takes the x range
      // from each dataset's first and last point; a tail is not sorted, so the x extent is
      // given as suggestedMin/Max (a hard min/max would make it cut the "unsorted" data).
      let lo = Infinity, hi = -Infinity;
      input.series.forEach((s, i) => {
        const [a, b] = tailOf(s, position);
        chart.data.datasets[i].data = points[i].slice(a, b);
        for (let k = a; k < b; k++) {
          if (s.x[k] < lo) lo = s.x[k];
          if (s.x[k] > hi) hi = s.x[k];
        }
      });
      chart.options.scales.x.suggestedMin = lo;
      chart.options.scales.x.suggestedMax = hi;
      chart.update("none");
    }, () => [String(position), input.timeline[position]]);
  },
  digest: () => digest(document.getElementById("c")),
};
</script>`,
);

/** Canvas2D by hand: what a careful author would write, batched one path per tail. */
const RAW_PAGE = page(
  "",
  `${canvasTag}
<script>
${COMMON}
${TAILS}
const canvas = document.getElementById("c");
const ctx = canvas.getContext("2d");
function draw(position) {
  const W = canvas.width, H = canvas.height, pad = 36;
  const shown = input.series.map((s) => tailOf(s, position));
  // Extent: symmetric about 100/100, covering every point shown, 8 % margin.
  let dx = 0.5, dy = 0.5;
  input.series.forEach((s, i) => {
    for (let k = shown[i][0]; k < shown[i][1]; k++) {
      dx = Math.max(dx, Math.abs(s.x[k] - 100));
      dy = Math.max(dy, Math.abs(s.y[k] - 100));
    }
  });
  dx *= 1.08; dy *= 1.08;
  const sx = (W - 2 * pad) / (2 * dx), sy = (H - 2 * pad) / (2 * dy);
  const X = (v) => pad + (v - 100 + dx) * sx, Y = (v) => H - pad - (v - 100 + dy) * sy;
  const cx = X(100), cy = Y(100), L = pad, T = pad, R = W - pad, B = H - pad;
  ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = "#e8f5e9"; ctx.fillRect(cx, T, R - cx, cy - T);
  ctx.fillStyle = "#fff8e1"; ctx.fillRect(cx, cy, R - cx, B - cy);
  ctx.fillStyle = "#ffebee"; ctx.fillRect(L, cy, cx - L, B - cy);
  ctx.fillStyle = "#e3f2fd"; ctx.fillRect(L, T, cx - L, cy - T);
  ctx.strokeStyle = "#999"; ctx.lineWidth = 1;
  ctx.strokeRect(L, T, R - L, B - T);
  ctx.beginPath(); ctx.moveTo(cx, T); ctx.lineTo(cx, B); ctx.moveTo(L, cy); ctx.lineTo(R, cy); ctx.stroke();
  ctx.fillStyle = "#333"; ctx.textAlign = "center";
  ctx.fillText("RS-Ratio", W / 2, H - 10);
  ctx.fillText((100 - dx).toFixed(1), L, B + 14); ctx.fillText((100 + dx).toFixed(1), R, B + 14);
  ctx.save(); ctx.translate(12, H / 2); ctx.rotate(-Math.PI / 2); ctx.fillText("RS-Momentum", 0, 0); ctx.restore();
  ctx.textAlign = "left"; ctx.lineWidth = 1.5;
  input.series.forEach((s, i) => {
    const [a, b] = shown[i];
    if (a === b) return;
    ctx.strokeStyle = ctx.fillStyle = PALETTE[i % 12];
    ctx.beginPath();
    ctx.moveTo(X(s.x[a]), Y(s.y[a]));
    for (let k = a + 1; k < b; k++) ctx.lineTo(X(s.x[k]), Y(s.y[k]));
    ctx.stroke();
    ctx.beginPath();
    for (let k = a; k < b - 1; k++) {
      const x = X(s.x[k]), y = Y(s.y[k]);
      ctx.moveTo(x + 2, y);
      ctx.arc(x, y, 2, 0, 2 * Math.PI);
    }
    ctx.fill();
    const hx = X(s.x[b - 1]), hy = Y(s.y[b - 1]);
    ctx.beginPath(); ctx.arc(hx, hy, 4, 0, 2 * Math.PI); ctx.fill();
    ctx.fillText(s.symbol, hx + 6, hy - 4);
  });
}
globalThis.bench = {
  setup,
  frame(position) {
    return frameOf(() => draw(position), () => [String(position), input.timeline[position]]);
  },
  digest: () => digest(canvas),
};
</script>`,
);

/** The measurement alone: the same call and wait, nothing drawn. */
const FLOOR_PAGE = page(
  "",
  `${canvasTag}
<script>
${COMMON}
${TAILS}
globalThis.bench = {
  setup,
  frame(position) {
    return frameOf(() => {}, () => [String(position), input.timeline[position]]);
  },
  digest: () => digest(document.getElementById("c")),
};
</script>`,
);

/** The loader alone plus access to the wasm memory, for analyze() and the histories. */
const API_PAGE = page(
  `<script type="module" src="/rotascope.js"></script>
<script type="module">
import init from "/rotascope-widget.js";
globalThis.wasmBytes = async () => {
  await globalThis.Rotascope.ready;
  return (await init()).memory.buffer.byteLength;
};
</script>`,
  "",
);

// ---------------------------------------------------------------------------------------------
// Measuring

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];

// Trace categories: every main-thread task (RunTask) and the script, style and layout events
// inside them; --trace adds what is needed to read a trace by eye.
const TRACE_CATEGORIES = ["disabled-by-default-devtools.timeline", "devtools.timeline"];
const FULL_TRACE_CATEGORIES = [...TRACE_CATEGORIES, "blink", "cc", "toplevel"];
const SCRIPT_EVENTS = new Set(["FunctionCall", "EvaluateScript", "v8.compile", "TimerFire", "EventDispatch"]);
const LAYOUT_EVENTS = new Set(["UpdateLayoutTree", "Layout"]);
const FRAME_MARK = "bench-frame";

/**
 * Per frame, from a trace: the renderer main thread's top-level tasks that ended between one
 * frame mark and the next (each frame's own CDP call starts in the task holding its mark), their
 * total duration, and of it script, style + layout, and the rest (paint, the commit, the
 * canvas's raster, GC).
 */
function framesOf(events) {
  const marks = events.filter((e) => e.name === "TimeStamp" && e.args?.data?.message === FRAME_MARK).sort((a, b) => a.ts - b.ts);
  if (marks.length < 2) throw new Error(`the trace holds ${marks.length} frame marks`);
  const { pid, tid } = marks[0];
  const length = (e) => (CLOCK === "thread" ? e.tdur ?? e.dur : e.dur);
  const spans = events.filter((e) => e.ph === "X" && e.pid === pid && e.tid === tid && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  /** The outermost of `list` (sorted by start): those not inside an earlier one. */
  const outermost = (list) => {
    const out = [];
    let end = -Infinity;
    for (const e of list) {
      if (e.ts >= end) {
        out.push(e);
        end = e.ts + e.dur;
      }
    }
    return out;
  };
  const tasks = outermost(spans);
  const scripts = outermost(spans.filter((e) => SCRIPT_EVENTS.has(e.name)));
  const layouts = outermost(spans.filter((e) => LAYOUT_EVENTS.has(e.name)));
  const frames = marks.slice(0, -1).map((m, k) => ({ from: m.ts, to: marks[k + 1].ts }));
  const within = (list, f) => list.filter((e) => e.ts + e.dur > f.from && e.ts + e.dur <= f.to);
  const sum = (list) => list.reduce((total, e) => total + length(e), 0) / 1000;
  const costs = [];
  const script = [];
  const layout = [];
  const rest = [];
  for (const f of frames) {
    const frameLayouts = within(layouts, f);
    // Layout that script forced is counted as layout, not twice.
    const forced = frameLayouts.filter((l) => scripts.some((s) => l.ts >= s.ts && l.ts + l.dur <= s.ts + s.dur));
    costs.push(sum(within(tasks, f)));
    layout.push(sum(frameLayouts));
    script.push(sum(within(scripts, f)) - sum(forced));
    rest.push(costs.at(-1) - script.at(-1) - layout.at(-1));
  }
  return { costs, script, layout, rest };
}

/**
 * Runs the warm-up and timed frames on a page that has `bench.frame`, tracing the timed ones;
 * returns per timed frame its cost (ms), its script, style + layout and remaining parts, and
 * what the frame reported (slider value, date shown).
 */
async function sweep(tab, positions, traceName) {
  for (const p of positions.warmup) await tab.evaluate((q) => globalThis.bench.frame(q), p);
  const trace = await startTrace(tab, TRACES ? FULL_TRACE_CATEGORIES : TRACE_CATEGORIES);
  const shown = [];
  const frame = (q) => {
    console.timeStamp("bench-frame");
    return globalThis.bench.frame(q);
  };
  // The mark's text is FRAME_MARK (the function runs in the page, apart from this module).
  const profiler = PROFILE && traceName.endsWith("rotascope") ? await startProfile(tab) : null;
  for (const p of positions.timed) shown.push(await tab.evaluate(frame, p));
  await tab.evaluate(() => console.timeStamp("bench-frame"));
  if (profiler) await profiler.stop(traceName, positions.timed.length);
  const events = await trace.stop(traceName);
  return { ...framesOf(events), shown };
}

/** Starts the V8 sampling profiler; `stop` prints the 25 functions with most self time. */
async function startProfile(tab) {
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  return {
    async stop(name, frames) {
      const { profile } = await cdp.send("Profiler.stop");
      await cdp.detach();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map();
      profile.samples.forEach((id, i) => {
        const { functionName, url } = byId.get(id).callFrame;
        const key = functionName || url.split("/").pop() || "(program)";
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
      });
      console.log(`profile of ${name}: ms per frame of self time`);
      for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(us / 1000 / frames).toFixed(3).padStart(8)}  ${key.slice(0, 110)}`);
    },
  };
}

/** Starts a DevTools trace of `tab`; `stop(name)` resolves to its events (and with --trace
 * writes them to TRACES/name.json). */
async function startTrace(tab, categories) {
  const cdp = await tab.context().newCDPSession(tab);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  await cdp.send("Tracing.start", { transferMode: "ReportEvents", traceConfig: { includedCategories: categories } });
  return {
    async stop(name) {
      const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
      await cdp.send("Tracing.end");
      await done;
      await cdp.detach();
      if (TRACES) {
        fs.mkdirSync(TRACES, { recursive: true });
        fs.writeFileSync(path.join(TRACES, `${name}.json`), JSON.stringify({ traceEvents: events }));
      }
      return events;
    },
  };
}

/** Checks that a page really redrew: two frames far apart differ, and both show coloured ink. */
async function redraws(tab, positions, shot) {
  await tab.evaluate((q) => globalThis.bench.frame(q), positions.timed[0]);
  const first = await tab.evaluate(() => globalThis.bench.digest());
  await tab.evaluate((q) => globalThis.bench.frame(q), positions.timed.at(-1));
  const last = await tab.evaluate(() => globalThis.bench.digest());
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await tab.locator("canvas").first().screenshot({ path: path.join(SHOTS, `${shot}.png`) });
  }
  return { first, last, ok: first.hash !== last.hash && first.coloured > 100 && last.coloured > 100 };
}

const problems = []; // what makes the figures untrustworthy (exit code 1)
const newTab = (browser) => browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });

const historyCache = new Map(); // cases 2 and 3 read the same data with the same options
/** Rotascope.analyze() with the case's options and an endless tail: every symbol's whole history. */
async function histories(browser, site, c) {
  const key = `${c.url} ${c.benchmark} ${c.symbols.join(",")}`;
  if (!historyCache.has(key)) historyCache.set(key, await analyzeHistories(browser, site, c));
  return historyCache.get(key);
}
async function analyzeHistories(browser, site, c) {
  const tab = await newTab(browser);
  await tab.goto(site.url + "api.html");
  await tab.waitForFunction(() => globalThis.Rotascope && globalThis.wasmBytes);
  const result = await tab.evaluate(
    ({ url, benchmark, symbols }) =>
      globalThis.Rotascope.analyze({ prices: url, benchmark, symbols, rotation: { interval: "weekly", tail: 1e9 } }).then((r) =>
        r.rotation.map((s) => ({ symbol: s.symbol, dates: s.points.map((p) => p.date), x: s.points.map((p) => p.rs_ratio), y: s.points.map((p) => p.rs_momentum) })),
      ),
    c,
  );
  await tab.close();
  return result;
}

async function runCase(browser, site, c) {
  const series = await histories(browser, site, c);
  const timeline = [...new Set(series.flatMap((s) => s.dates))].sort();
  // The sweep ends one date before the last (the slider's last step means "follow the latest").
  const last = timeline.length - 2;
  const first = Math.max(0, last - c.frames + 1);
  const positions = {
    warmup: Array.from({ length: Math.min(WARMUP, first) }, (_, i) => first - Math.min(WARMUP, first) + i),
    timed: Array.from({ length: last - first + 1 }, (_, i) => first + i),
  };
  const fullTails = series.filter((s) => s.dates.filter((d) => d <= timeline[first]).length >= c.tail).length;
  const info = {
    dates: timeline.length,
    from: timeline[first],
    to: timeline[last],
    shown: series.length,
    fullTails,
    started: Date.now(),
  };
  const payload = { tail: c.tail, timeline, series };
  const results = {};

  // Rotascope
  {
    const tab = await newTab(browser);
    const seen = watchProblems(tab);
    await tab.goto(site.url + c.route);
    await waitForChart(tab, "#w");
    await tab.evaluate(() => globalThis.bench.fit());
    await tab.waitForFunction((w) => {
      const canvas = document.querySelector("#w").shadowRoot.querySelector("canvas");
      return canvas.getBoundingClientRect().width === w && canvas.width === w;
    }, CANVAS.width);
    await waitForChart(tab, "#w");
    const steps = await tab.evaluate(() => globalThis.bench.steps());
    if (steps !== timeline.length) problems.push(`${c.name}: the widget's slider has ${steps} steps, analyze() gives ${timeline.length} dates`);
    const run = await sweep(tab, positions, `${c.name.replace(" ", "-")}-rotascope`);
    // The slider must have taken every value, and show the date the comparison pages drew.
    const format = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
    const wrong = run.shown.filter(([value, date], k) => value !== String(positions.timed[k]) || date !== format.format(new Date(timeline[positions.timed[k]])));
    if (wrong.length) problems.push(`${c.name}: Rotascope's slider did not take ${wrong.length} of ${run.shown.length} frames (e.g. ${JSON.stringify(wrong[0])})`);
    results.rotascope = { ...run, check: await redraws(tab, positions, `${c.route.replace(".html", "")}`), wasm: await tab.evaluate(() => globalThis.bench.wasmBytes()) };
    if (seen.length) problems.push(`${c.name}: Rotascope page: ${seen.join("; ")}`);
    await tab.close();
  }
  // Chart.js, raw, floor
  for (const [key, route] of [["chartjs", "chartjs.html"], ["raw", "raw.html"], ["floor", "floor.html"]]) {
    const tab = await newTab(browser);
    const seen = watchProblems(tab);
    await tab.goto(site.url + route);
    await tab.waitForFunction(() => globalThis.bench);
    await tab.evaluate((p) => globalThis.bench.setup(p), payload);
    const run = await sweep(tab, positions, `${c.name.replace(" ", "-")}-${key}`);
    results[key] = { ...run, check: key === "floor" ? null : await redraws(tab, positions, `${c.name.replace(" ", "-")}-${key}`) };
    if (seen.length) problems.push(`${c.name}: ${route}: ${seen.join("; ")}`);
    await tab.close();
  }
  for (const key of ["rotascope", "chartjs", "raw"]) {
    const { check } = results[key];
    if (!check.ok) problems.push(`${c.name}: ${key} did not redraw between ${info.from} and ${info.to} (${JSON.stringify(check)})`);
    if (check.first.cssWidth !== CANVAS.width || check.first.cssHeight !== CANVAS.height) {
      problems.push(`${c.name}: ${key}'s canvas is ${check.first.cssWidth}×${check.first.cssHeight} CSS px, not ${CANVAS.width}×${CANVAS.height}`);
    }
  }
  info.seconds = (Date.now() - info.started) / 1000;
  return { info, results };
}

/** Median JSON.parse and analyze() of case 1's text, and the wasm memory after loading it. */
async function analyzeVsParse(browser, site, url) {
  const tab = await newTab(browser);
  await tab.goto(site.url + "api.html");
  await tab.waitForFunction(() => globalThis.Rotascope && globalThis.wasmBytes);
  const figures = await tab.evaluate(
    async ({ url, runs }) => {
      const text = await (await fetch(url)).text();
      const started = await globalThis.wasmBytes();
      await globalThis.Rotascope.analyze({ prices: text });
      const loaded = await globalThis.wasmBytes();
      // Alternated, so a change in the machine's load hits both alike.
      const parse = [];
      const analyze = [];
      for (let i = 0; i <= runs; i++) {
        let t0 = performance.now();
        JSON.parse(text);
        const p = performance.now() - t0;
        t0 = performance.now();
        await globalThis.Rotascope.analyze({ prices: text });
        const a = performance.now() - t0;
        if (i > 0) { // the first round is the warm-up
          parse.push(p);
          analyze.push(a);
        }
      }
      const middle = (xs) => xs.sort((x, y) => x - y)[(xs.length - 1) >> 1];
      return { mb: text.length / 1e6, parse: middle(parse), analyze: middle(analyze), started, loaded, after: await globalThis.wasmBytes() };
    },
    { url, runs: RUNS },
  );
  await tab.close();
  return figures;
}

// ---------------------------------------------------------------------------------------------
// Running

const started = Date.now();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-scrub-"));
const synthetic = syntheticPrices();
fs.writeFileSync(path.join(work, "synthetic.json"), JSON.stringify(synthetic));
const case1 = JSON.parse(fs.readFileSync(case1File, "utf8"));
const case1Benchmark = case1.series.SPY ? "SPY" : Object.keys(case1.series)[0];
const case1Symbols = Object.keys(case1.series).filter((s) => s !== case1Benchmark);
const SYNTH = Object.keys(synthetic.series).filter((s) => s !== "BENCH");
const cases = [
  {
    name: "case 1",
    title: `${case1Symbols.length} symbols vs ${case1Benchmark} from ${path.basename(case1File)}, weekly, tail 10`,
    url: `/case1/${path.basename(case1File)}`,
    benchmark: case1Benchmark,
    symbols: case1Symbols,
    tail: 10,
    // Targets: issue 22 (case 1 and 2 vs raw, case 1 vs Chart.js, the bundle), issue 11 (the rest).
    targets: { vsRaw: 1.6, vsChartJs: 1 },
  },
  { name: "case 2", title: "100 synthetic symbols vs BENCH, weekly, tail 52", url: "/synthetic/synthetic.json", benchmark: "BENCH", symbols: SYNTH, tail: 52, targets: { vsRaw: 1.6 } },
  { name: "case 3", title: "100 synthetic symbols vs BENCH, weekly, tail 500", url: "/synthetic/synthetic.json", benchmark: "BENCH", symbols: SYNTH, tail: 500, targets: { p95: 50 } },
].map((c, i) => ({ ...c, frames: FRAMES[i], route: `rotascope-${i + 1}.html` }));
const routes = {
  "/api.html": htmlRoute(API_PAGE),
  "/chartjs.html": htmlRoute(CHARTJS_PAGE),
  "/raw.html": htmlRoute(RAW_PAGE),
  "/floor.html": htmlRoute(FLOOR_PAGE),
};
for (const c of cases) routes[`/${c.route}`] = htmlRoute(rotascopePage(c));
const site = await serve(dist, {
  routes,
  mounts: { "/case1/": path.dirname(case1File), "/synthetic/": work, "/chartjs/": path.dirname(chartJs) },
});

const browser = await launchBrowser();
const out = [];
let agent = "";
let api = null;
try {
  const tab = await newTab(browser);
  agent = await tab.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
  await tab.close();
  for (const c of cases.filter((_, i) => ONLY.includes(i + 1))) out.push({ c, ...(await runCase(browser, site, c)) });
  api = await analyzeVsParse(browser, site, cases[0].url);
} finally {
  await browser.close();
  site.server.close();
  fs.rmSync(work, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Report

const MB = 1e6; // decimal units, as in the README's tables (KB = 1,000 bytes)
const verdict = (ok) => (ok ? "met" : "NOT met");
const num = (x, width = 9) => x.toFixed(2).padStart(width);
const mb = (bytes) => `${(bytes / MB).toFixed(1)} MB`;
const tally = [];
const LABEL = 58;
const figure = (label, value) => `  ${label.padEnd(LABEL)} ${value.padStart(9)}`;
const target = (label, value, ok, text) => {
  tally.push([label, ok]);
  return `${figure(label, value)}   target ${text.padEnd(9)} ${verdict(ok)}`;
};
const shown = (file) => {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
};

console.log(`bench-scrub: ${agent} headless, canvas ${CANVAS.width}×${CANVAS.height} CSS px at devicePixelRatio 1, bundle ${shown(dist)}`);
console.log(`bench-scrub: case 1 reads ${shown(case1File)}${case1File === sample ? " (the sample: no real data given)" : ""}`);
console.log(`bench-scrub: ms per frame = renderer main-thread busy time (top-level tasks in a DevTools trace, ${CLOCK === "thread" ? "thread CPU time" : "wall-clock"}) across one scrub step and two animation frames;`);
console.log("             of which script (FunctionCall, EvaluateScript, …), style + layout (UpdateLayoutTree, Layout) and the rest:");
console.log("             paint, the commit, the canvas's raster (software in headless Chromium), GC, the CDP call itself");
for (const { c, info, results } of out) {
  const r = Object.fromEntries(
    Object.entries(results).map(([k, v]) => [k, { median: median(v.costs), p95: p95(v.costs), script: median(v.script), layout: median(v.layout), rest: median(v.rest) }]),
  );
  console.log("");
  console.log(`${c.name}: ${c.title}`);
  console.log(`  ${info.dates} weekly dates; ${WARMUP} warm-up + ${c.frames} timed frames, ${info.from} to ${info.to}; ${info.fullTails} of ${info.shown} tails full from the first frame; ${info.seconds.toFixed(0)} s`);
  console.log(`  ${"ms per frame".padEnd(12)}${"median".padStart(9)}${"p95".padStart(9)}   medians of: ${"script".padStart(7)}${"style+layout".padStart(14)}${"rest".padStart(7)}`);
  for (const [key, label] of [["rotascope", "Rotascope"], ["chartjs", "Chart.js"], ["raw", "raw"], ["floor", "floor"]]) {
    console.log(`  ${label.padEnd(12)}${num(r[key].median)}${num(r[key].p95)}${" ".repeat(15)}${num(r[key].script, 7)}${num(r[key].layout, 14)}${num(r[key].rest, 7)}`);
  }
  const vsRaw = r.rotascope.median / r.raw.median;
  const vsChartJs = (r.chartjs.median - r.floor.median) / (r.rotascope.median - r.floor.median);
  // [label, value, the case's target or undefined, met?, the target in words, shown without a target?]
  const lines = [
    [`Rotascope ÷ raw, median`, `${vsRaw.toFixed(2)}×`, c.targets.vsRaw, () => vsRaw <= c.targets.vsRaw, `≤ ${c.targets.vsRaw}×`, true],
    [`(Chart.js − floor) ÷ (Rotascope − floor), median`, `${vsChartJs.toFixed(2)}×`, c.targets.vsChartJs, () => vsChartJs >= c.targets.vsChartJs, `≥ ${c.targets.vsChartJs}×`, true],
    [`Rotascope p95`, `${r.rotascope.p95.toFixed(1)} ms`, c.targets.p95, () => r.rotascope.p95 <= c.targets.p95, `≤ ${c.targets.p95} ms`, false],
  ];
  for (const [label, value, goal, ok, text, always] of lines) {
    if (goal !== undefined) console.log(target(`${c.name}: ${label}`, value, ok(), text));
    else if (always) console.log(figure(`${c.name}: ${label}`, value));
  }
  console.log(figure(`${c.name}: wasm memory of the widget page after the sweep`, mb(results.rotascope.wasm)));
}

console.log("");
console.log(`bundle (tests/tools/size.mjs), bytes:`);
const { rows, total } = measure(dist);
const pad = (x, n) => String(x).padStart(n);
console.log(`  ${"file".padEnd(34)}${pad("raw", 10)}${pad("gzip", 10)}${pad("brotli", 10)}`);
for (const row of rows) console.log(`  ${`${row.name} (${row.kind})`.padEnd(34)}${pad(row.raw, 10)}${pad(row.gzip, 10)}${pad(row.brotli, 10)}`);
console.log(`  ${"total".padEnd(34)}${pad(total.raw, 10)}${pad(total.gzip, 10)}${pad(total.brotli, 10)}`);
console.log(target("bundle, brotli", `${(total.brotli / 1000).toFixed(1)} KB`, total.brotli <= 200000, "≤ 200 KB"));

console.log("");
console.log(`analyze() against JSON.parse on case 1's ${api.mb.toFixed(1)} MB of JSON text (medians of ${RUNS} alternated runs after a warm-up, performance.now()):`);
console.log(figure("JSON.parse(text)", `${api.parse.toFixed(2)} ms`));
console.log(figure("Rotascope.analyze({ prices: text })", `${api.analyze.toFixed(2)} ms`));
console.log(target("analyze ÷ JSON.parse", `${(api.analyze / api.parse).toFixed(2)}×`, api.analyze / api.parse <= 1.5, "≤ 1.5×"));
console.log(figure("wasm memory once the loader has started", mb(api.started)));
console.log(target("wasm memory after analyze() has loaded the file", mb(api.loaded), api.loaded <= 12 * MB, "≤ 12 MB"));
console.log(figure(`wasm memory after all ${RUNS + 2} analyze() runs`, mb(api.after)));

console.log("");
const missed = tally.filter(([, ok]) => !ok).map(([label]) => label);
console.log(`targets: ${tally.length - missed.length} of ${tally.length} met${missed.length ? `; not met: ${missed.join("; ")}` : ""}`);
console.log(`bench-scrub: ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (problems.length) {
  console.error("");
  for (const p of problems) console.error(`bench-scrub: BROKEN: ${p}`);
  console.error("bench-scrub: the figures above are not to be trusted");
  process.exit(1);
}
