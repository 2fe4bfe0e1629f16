// Bundle size: raw, gzip (-9) and brotli (q11) bytes of what a reader downloads.
//   node tests/tools/size.mjs [dist]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dist = process.argv[2] || "dist";
const files = [
  ["wasm", "rotascope-widget_bg.wasm"],
  ["js (glue)", "rotascope-widget.js"],
  ["js (loader)", "rotascope.js"],
  ["css", "rotascope.css"],
];
const pad = (s, n) => String(s).padStart(n);
console.log(`${"file".padEnd(28)}${pad("raw", 10)}${pad("gzip", 10)}${pad("brotli", 10)}`);
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const [kind, name] of files) {
  const body = fs.readFileSync(path.join(dist, name));
  const gzip = zlib.gzipSync(body, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(body, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }).length;
  total.raw += body.length;
  total.gzip += gzip;
  total.brotli += brotli;
  console.log(`${`${name} (${kind})`.padEnd(28)}${pad(body.length, 10)}${pad(gzip, 10)}${pad(brotli, 10)}`);
}
console.log(`${"total".padEnd(28)}${pad(total.raw, 10)}${pad(total.gzip, 10)}${pad(total.brotli, 10)}`);
