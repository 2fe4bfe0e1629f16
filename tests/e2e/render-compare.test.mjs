// The native image and the browser's canvas show the same picture (README "Images", issue 23):
// `rotascope-tool render` draws each view at the size the widget's scene canvas has, from the
// same config and the same sample prices, light, at scale 1; the widget draws it in Chromium
// at device pixel ratio 1. The native SVG (drawn in the same page onto a canvas) and the
// native PNG (resvg's pixels) are each compared with the scene canvas, in ways that allow for
// anti-aliasing, whole-pixel rounding and glyphs, and fail when a mark moves by 2 px:
// - colour classes: each pixel is the background, one of the view's fills (the quadrants, the
//   RS panel's bands) or something else; away from text, ≥ 99.5% of pixels have their class
//   within 1 px in the other image;
// - shapes: for each colour lines, dots and axes are drawn in, ≥ 97% of its ink pixels in
//   either image have one within 1 px in the other (3 px for dashed lines);
// - text: where the SVG sets it, its ink in both, anchored edge or centre and middle row
//   within 3 px;
// - the rotation graph's heads: the head colour's centroid in a 15 px window around where the
//   SVG puts each head, within 1.5 px; line views: each line's last point is in its colour.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import zlib from "node:zlib";
import { useSiteAndBrowser, watchProblems, waitForChart, htmlRoute, DIST, ROOT } from "./harness.mjs";

// The widget's config, as data- attributes and as the tool's JSON: a fixed as-of day inside
// the sample (not its last), a tail and a height other than the defaults.
const CONFIG = { benchmark: "SPY", symbols: ["IWM", "IJR", "MDY", "IVE", "IVW", "XLK"], asOf: "2026-06-30", rotation: { tail: 8 }, height: 360, theme: "light" };
const ATTRIBUTES = `data-prices="/data/sample-prices.json" data-benchmark="SPY" data-symbols="${CONFIG.symbols.join(",")}" data-as-of="${CONFIG.asOf}"
data-rotation-tail="${CONFIG.rotation.tail}" data-height="${CONFIG.height}" data-theme="light" data-lazy="false"`;
// A page 760 px wide: the scene canvas gets what the widget leaves it, read back below.
const page = (view) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">
<script type="module" src="/rotascope.js"></script></head>
<body style="margin:0"><div style="width:760px"><div class="rotascope" id="w" data-view="${view}" ${ATTRIBUTES}></div></div></body></html>`;
const VIEWS = ["rotation", "performance", "trend"];
const session = useSiteAndBrowser(DIST, { routes: Object.fromEntries(VIEWS.map((v) => [`/${v}.html`, htmlRoute(page(v))])) });
const HOST = "#w";

/** The tool's debug build, brought up to date once (after `cargo test` it is current and
 * this takes a second; run alone after a change to chart/, it rebuilds rather than compare a
 * stale tool). */
let toolBuilt = false;
function tool() {
  if (!toolBuilt) {
    const built = spawnSync("cargo", ["build", "--locked", "--bin", "rotascope-tool"], { cwd: ROOT, stdio: "inherit" });
    assert.equal(built.status, 0, "cargo build --bin rotascope-tool");
    toolBuilt = true;
  }
  return path.join(ROOT, "target/debug/rotascope-tool");
}

/** `rotascope-tool render` of one view at `width` CSS px; { svg, png } as text and bytes. */
function renderNatively(view, width) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rotascope-compare-"));
  try {
    const config = path.join(dir, "widget.json");
    fs.writeFileSync(config, JSON.stringify({ prices: "/data/sample-prices.json", ...CONFIG }));
    const args = ["render", "--config", config, "--prices", path.join(DIST, "data/sample-prices.json"), "--view", view, "--width", String(width), "--scale", "1", "--frame", "no", "--theme", "light", "--out", dir];
    const run = spawnSync(tool(), args, { encoding: "utf8" });
    assert.equal(run.status, 0, `rotascope-tool ${args.join(" ")}: ${run.stderr}`);
    return { svg: fs.readFileSync(path.join(dir, `${view}.svg`), "utf8"), png: fs.readFileSync(path.join(dir, `${view}.png`)) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// In the page: a canvas's RGBA as base64, and an image (data URL) drawn on a canvas of a size.
const SCENE = "canvas.rs-canvas:not(.rs-overlay)";
const PANEL_SCENE = "[data-testid=rs-lines] canvas.rs-canvas:not(.rs-overlay)";
async function canvasPixels(tab, selector) {
  return tab.evaluate(
    ([host, sel]) => {
      const canvas = document.querySelector(host).shadowRoot.querySelector(sel);
      const bytes = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      let text = "";
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { width: canvas.width, height: canvas.height, base64: btoa(text) };
    },
    [HOST, selector],
  ).then(toImage);
}
async function imagePixels(tab, url, width, height) {
  return tab.evaluate(
    async ([src, w, h]) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement("canvas");
      [canvas.width, canvas.height] = [w, h];
      const ctx = canvas.getContext("2d");
      ctx.drawImage(img, 0, 0, w, h);
      const bytes = ctx.getImageData(0, 0, w, h).data;
      let text = "";
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { width: w, height: h, base64: btoa(text) };
    },
    [url, width, height],
  ).then(toImage);
}
const toImage = ({ width, height, base64 }) => ({ width, height, data: Buffer.from(base64, "base64") });

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const near = (a, b, tolerance) => Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance && Math.abs(a[2] - b[2]) <= tolerance;

/** What the SVG says is where: its fills (background first), mark colours, texts, heads and
 * lines, in the image's pixels (the RS panel's group is moved down by its translate). */
function readSvg(svg) {
  const attrs = (tag) => Object.fromEntries([...tag.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const [rects, texts, circles, polylines] = [[], [], [], []];
  let dy = 0;
  for (const m of svg.matchAll(/<g transform="translate\(0 ([\d.]+)\)">|<\/g>|<(rect|circle|polyline|text) ([^>]*)>(?:\n([^<]*)\n<\/text>)?/g)) {
    if (m[1] !== undefined) dy = +m[1];
    else if (m[0] === "</g>") dy = 0;
    else {
      const a = attrs(m[3]);
      if (m[2] === "rect") rects.push(a);
      if (m[2] === "text") texts.push({ ...a, y: +a.y + dy, text: m[4] });
      if (m[2] === "circle") circles.push({ ...a, cy: +a.cy + dy });
      if (m[2] === "polyline") polylines.push({ ...a, points: a.points.trim().split(" ").map((xy) => xy.split(",").map(Number)).map(([x, y]) => [x, y + dy]) });
    }
  }
  const fills = [...new Set(rects.map((r) => r.fill))];
  // A head: the full-opacity dot of radius 5 drawn over its white ring (rotation.rs).
  const heads = circles.filter((c) => c.r === "5" && !c.opacity).map((c) => ({ x: +c.cx, y: c.cy, colour: c.fill }));
  const lines = polylines.filter((p) => !p.opacity).map((p) => ({ colour: p.stroke, points: p.points, dashed: !!p["stroke-dasharray"] }));
  // The colours of shapes (not only of text), and those of dashed lines.
  const drawn = new Set([...polylines.map((p) => p.stroke), ...circles.map((c) => c.fill)]);
  const dashed = new Set(lines.filter((l) => l.dashed && l.points.length >= 10).map((l) => l.colour));
  // Colours near a fill (the grid) would take the fill's pixels for ink: the class check has them.
  const marks = [...new Set([...polylines.map((p) => p.stroke), ...circles.map((c) => c.fill), ...texts.map((t) => t.fill)])].filter((c) => c && !fills.some((f) => near(hex(c), hex(f), 40)));
  return { fills, texts, heads, lines, marks, drawn, dashed };
}

/** Each text's box from its anchor, size and length (a glyph at most 0.75 em wide; turned
 * with the text when it is rotated by -90°, the y axis's title), grown by `pad` px:
 * { left, top, right, bottom }. */
function textBox(t, pad) {
  const [x, y, size] = [+t.x, +t.y, +t["font-size"]];
  const w = t.text.length * size * 0.75;
  const dx = t["text-anchor"] === "end" ? [-w, 0] : t["text-anchor"] === "middle" ? [-w / 2, w / 2] : [0, w];
  const base = t["dominant-baseline"];
  const dy = base === "hanging" ? [0, size * 1.3] : base === "middle" ? [-size * 0.7, size * 0.7] : [-size * 1.3, 0];
  const [across, down] = /rotate\(-90/.test(t.transform ?? "") ? [dy, [-dx[1], -dx[0]]] : [dx, dy];
  return { left: x + across[0] - pad, right: x + across[1] + pad, top: y + down[0] - pad, bottom: y + down[1] + pad };
}

/** A mask of the pixels in any text's box. Glyphs differ (the widget sets text in the
 * system's fonts, the tool in DejaVu Sans regular and bold): they are compared by
 * where their ink is, not pixel by pixel. */
function textMask(texts, width, height) {
  const mask = new Uint8Array(width * height);
  for (const t of texts) {
    const b = textBox(t, 3);
    for (let y = Math.max(0, Math.floor(b.top)); y < Math.min(height, Math.ceil(b.bottom)); y++)
      for (let x = Math.max(0, Math.floor(b.left)); x < Math.min(width, Math.ceil(b.right)); x++) mask[y * width + x] = 1;
  }
  return mask;
}

/** Each pixel's nearest of `colours` (index), -1 when none is within `tolerance` per channel. */
function paintOf(img, colours, tolerance) {
  const rgb = colours.map(hex);
  const out = new Int16Array(img.width * img.height).fill(-1);
  for (let i = 0; i < out.length; i++) {
    const [r, g, b] = [img.data[i * 4], img.data[i * 4 + 1], img.data[i * 4 + 2]];
    let best = tolerance + 1;
    rgb.forEach((c, k) => {
      const d = Math.max(Math.abs(r - c[0]), Math.abs(g - c[1]), Math.abs(b - c[2]));
      if (d < best) [best, out[i]] = [d, k];
    });
  }
  return out;
}

/** Each pixel as the mark it is ink of (index), else -1: the mark colour and fill between
 * which the pixel lies closest, when it is at least 40% of the way from the fill to the mark
 * (so the fringe of a blue line is a weak blue, not a strong grey).
 * A 1 px line that falls between two pixel rows is two pixels at half strength; a stroke's
 * anti-aliased fringe and faded tails are not ink. */
function inkOf(img, marks, fills) {
  const [mk, fl] = [marks.map(hex), fills.map(hex)];
  const out = new Int16Array(img.width * img.height).fill(-1);
  for (let i = 0; i < out.length; i++) {
    const p = [img.data[i * 4], img.data[i * 4 + 1], img.data[i * 4 + 2]];
    if (fl.some((f) => near(p, f, 3))) continue;
    let [best, strength] = [24 * 24 * 3, 0];
    mk.forEach((c, k) => {
      for (const f of fl) {
        const d = [c[0] - f[0], c[1] - f[1], c[2] - f[2]];
        const q = [p[0] - f[0], p[1] - f[1], p[2] - f[2]];
        const len = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
        const t = Math.max(0, Math.min(1, (q[0] * d[0] + q[1] * d[1] + q[2] * d[2]) / len));
        const e = (q[0] - t * d[0]) ** 2 + (q[1] - t * d[1]) ** 2 + (q[2] - t * d[2]) ** 2;
        if (e < best) [best, strength, out[i]] = [e, t, k];
      }
    });
    if (strength < 0.4) out[i] = -1;
  }
  return out;
}

/** Share of pixels outside `mask` whose class (background, fill k, other) one of the other
 * image's pixels within 1 px has too (an edge on a half pixel falls either way). */
function classAgreement(a, b, fills, mask) {
  const [pa, pb] = [paintOf(a, fills, 3), paintOf(b, fills, 3)];
  const { width, height } = a;
  let [same, counted] = [0, 0];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (mask[i]) continue;
      counted++;
      let found = false;
      for (let v = Math.max(0, y - 1); v <= Math.min(height - 1, y + 1) && !found; v++)
        for (let u = Math.max(0, x - 1); u <= Math.min(width - 1, x + 1) && !found; u++) found = pb[v * width + u] === pa[i];
      if (found) same++;
    }
  return same / counted;
}

/** Share of the pixels painted `k` in `pa` (outside `mask`) with one painted `k` in `pb`
 * within `r` px; and how many there were. */
function covered(pa, pb, k, mask, width, height, r) {
  let [hit, n] = [0, 0];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if (pa[y * width + x] !== k || mask[y * width + x]) continue;
      n++;
      let found = false;
      for (let v = Math.max(0, y - r); v <= Math.min(height - 1, y + r) && !found; v++)
        for (let u = Math.max(0, x - r); u <= Math.min(width - 1, x + r) && !found; u++) found = pb[v * width + u] === k;
      if (found) hit++;
    }
  return { share: n ? hit / n : 1, n };
}

/** The pixels painted `k` in a box: how many, their centroid and their extent. */
function inkIn(paint, k, width, { left, top, right, bottom }) {
  let [n, sx, sy, x0, x1] = [0, 0, 0, Infinity, -Infinity];
  const height = paint.length / width;
  for (let y = Math.max(0, Math.floor(top)); y <= Math.min(height - 1, Math.ceil(bottom)); y++)
    for (let x = Math.max(0, Math.floor(left)); x <= Math.min(width - 1, Math.ceil(right)); x++)
      if (paint[y * width + x] === k) [n, sx, sy, x0, x1] = [n + 1, sx + x, sy + y, Math.min(x0, x), Math.max(x1, x)];
  return { n, at: [sx / n, sy / n], left: x0, right: x1 };
}

const distance = (p, q) => Math.hypot(p[0] - q[0], p[1] - q[1]);
const around = (x, y, r) => ({ left: x - r, right: x + r, top: y - r, bottom: y + r });

/** An RGBA image as a PNG file (8-bit RGBA, no filter), to look at when the test fails. */
function writePng(file, { width, height, data }) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, body) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length);
    head.write(type, 4, "latin1");
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), body])));
    return Buffer.concat([head, body, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rows.set(data.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  fs.writeFileSync(file, Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", zlib.deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]));
}

/** Every comparison between the canvas and one native picture of the same size. */
function compare(name, canvas, native, svg, problems) {
  assert.deepEqual([native.width, native.height], [canvas.width, canvas.height], `${name}: same size`);
  const { width, height } = canvas;
  const { fills, texts, heads, lines, marks, drawn, dashed } = readSvg(svg);
  const mask = textMask(texts, width, height);
  const agreement = classAgreement(canvas, native, fills, mask);
  if (agreement < 0.995) problems.push(`${name}: ${(agreement * 100).toFixed(2)}% of pixels away from text have their colour class within 1 px in the other (want ≥ 99.5%)`);
  const [pa, pb] = [inkOf(canvas, marks, fills), inkOf(native, marks, fills)];
  // Shapes: each colour's ink away from text, where there is enough of it to say something
  // (a colour only text has is the text check's; a few pixels of it outside the estimated
  // boxes, or where two lines cross and blend, are not a mark). Dashed lines within 3 px: the
  // SVG's coordinates are whole pixels, so its path is a little longer or shorter than the
  // canvas's and the dashes drift along it.
  marks.forEach((colour, k) => {
    if (!drawn.has(colour)) return;
    const r = dashed.has(colour) ? 3 : 1;
    const [ab, ba] = [covered(pa, pb, k, mask, width, height, r), covered(pb, pa, k, mask, width, height, r)];
    if (Math.max(ab.n, ba.n) >= 50 && (ab.share < 0.97 || ba.share < 0.97))
      problems.push(`${name}: ${colour} away from text: ${ab.n} px on the canvas, ${ba.n} natively; ${(ab.share * 100).toFixed(1)}% / ${(ba.share * 100).toFixed(1)}% have one within ${r} px in the other`);
  });
  // Text: its ink where the SVG sets it, in both, at the same place: its anchored edge (the
  // left of start-anchored text, the right of end-anchored) or its centre, and its middle
  // row, within 3 px. Widths are not compared: faces differ (see textMask).
  for (const t of texts) {
    const k = marks.indexOf(t.fill);
    if (k < 0) continue;
    const box = textBox(t, 1);
    const [a, b] = [inkIn(pa, k, width, box), inkIn(pb, k, width, box)];
    const rotated = /rotate/.test(t.transform ?? "");
    const anchor = (i) => (rotated ? i.at[0] : t["text-anchor"] === "end" ? i.right : t["text-anchor"] === "middle" ? i.at[0] : i.left);
    const row = (i) => i.at[1];
    if (a.n < 3 || b.n < 3 || Math.abs(anchor(a) - anchor(b)) > 3 || (!rotated && Math.abs(row(a) - row(b)) > 3))
      problems.push(`${name}: text "${t.text}" (${t.fill}): ${a.n} px, anchored at ${anchor(a)}, row ${row(a).toFixed(1)} on the canvas; ${b.n} px, ${anchor(b)}, ${row(b).toFixed(1)} natively`);
  }
  for (const head of heads) {
    const k = marks.indexOf(head.colour);
    const [a, b] = [inkIn(pa, k, width, around(head.x, head.y, 7)), inkIn(pb, k, width, around(head.x, head.y, 7))];
    if (a.n < 40 || b.n < 40 || distance(a.at, b.at) > 1.5)
      problems.push(`${name}: head ${head.colour} at (${head.x}, ${head.y}): ${a.n} px at ${a.at.map((v) => v.toFixed(1))} on the canvas, ${b.n} px at ${b.at.map((v) => v.toFixed(1))} natively`);
  }
  // A line's last point is drawn in its colour (the longest run of each colour: not a leader;
  // a dashed line may end in a gap: within 5 px).
  const longest = new Map();
  for (const line of lines) if (line.points.length >= 10 && line.points.length > (longest.get(line.colour)?.points.length ?? 0)) longest.set(line.colour, line);
  for (const { colour, points, dashed: gaps } of longest.values()) {
    const k = marks.indexOf(colour);
    const [x, y] = points.at(-1);
    for (const [which, paint] of [["canvas", pa], ["native", pb]])
      if (inkIn(paint, k, width, around(x, y, gaps ? 5 : 1)).n === 0) problems.push(`${name}: the ${colour} line ends at (${x}, ${y}) but the ${which} has none of its colour there`);
  }
  return agreement;
}

/** Mounts `view`, renders it natively at the scene canvas's size, compares both. */
async function compareView(view, t) {
  await session.ready;
  const tab = await session.browser.newPage({ viewport: { width: 1000, height: 1200 }, deviceScaleFactor: 1 });
  const problems = watchProblems(tab);
  await tab.goto(`${session.url}${view}.html`);
  const size = await waitForChart(tab, HOST);
  assert.equal(size.cssWidth, size.width, "device pixel ratio 1");
  if (view === "trend")
    await tab.waitForFunction(([host, sel]) => document.querySelector(host).shadowRoot.querySelector(sel)?.dataset.builds, [HOST, PANEL_SCENE]);
  // Whatever was scheduled has painted once two animation frames have passed.
  await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  let canvas = await canvasPixels(tab, SCENE);
  assert.equal(canvas.height, CONFIG.height);
  if (view === "trend") {
    // The RS panel is a canvas of its own under the price chart; the image stacks the two.
    const panel = await canvasPixels(tab, PANEL_SCENE);
    assert.equal(panel.width, canvas.width, "the panel is as wide as the price chart");
    canvas = { width: canvas.width, height: canvas.height + panel.height, data: Buffer.concat([canvas.data, panel.data]) };
  }
  const native = renderNatively(view, canvas.width);
  const svgPixels = await imagePixels(tab, `data:image/svg+xml;base64,${Buffer.from(native.svg).toString("base64")}`, canvas.width, canvas.height);
  const pngPixels = await imagePixels(tab, `data:image/png;base64,${native.png.toString("base64")}`, canvas.width, canvas.height);
  const found = [];
  const agreement = [compare(`${view} SVG`, canvas, svgPixels, native.svg, found), compare(`${view} PNG`, canvas, pngPixels, native.svg, found)];
  if (found.length) {
    // What differed, to look at: the canvas, the SVG as Chromium draws it, resvg's PNG.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rotascope-compare-${view}-`));
    for (const [name, img] of [["canvas", canvas], ["svg", svgPixels], ["png", pngPixels]]) writePng(path.join(dir, `${name}.png`), img);
    fs.writeFileSync(path.join(dir, "native.svg"), native.svg);
    found.push(`pictures in ${dir}`);
  }
  t.diagnostic(`${view}: colour classes agree within 1 px on ${agreement.map((a) => (a * 100).toFixed(2)).join("% (SVG), ")}% (PNG) of pixels away from text`);
  assert.deepEqual(found, [], `${view}: the native image and the canvas differ`);
  assert.deepEqual(problems, []);
  await tab.close();
}

for (const view of VIEWS) test(`${view}: the native image has the canvas's marks at the same places`, (t) => compareView(view, t));
