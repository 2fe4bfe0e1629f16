// Bundle size: raw, gzip (-9) and brotli (q11) bytes of what a reader downloads.
//   node tests/tools/size.mjs [dist]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

export const FILES = [
  ["wasm", "rotascope-widget_bg.wasm"],
  ["js (glue)", "rotascope-widget.js"],
  ["js (loader)", "rotascope.js"],
  ["css", "rotascope.css"],
];
/** { rows: [{ name, kind, raw, gzip, brotli }], total: { raw, gzip, brotli } } for `dist`. */
export function measure(dist) {
  const rows = FILES.map(([kind, name]) => {
    const body = fs.readFileSync(path.join(dist, name));
    return {
      name,
      kind,
      raw: body.length,
      gzip: zlib.gzipSync(body, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    };
  });
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const r of rows) for (const k of Object.keys(total)) total[k] += r[k];
  return { rows, total };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, total } = measure(process.argv[2] || "dist");
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${"file".padEnd(34)}${pad("raw", 10)}${pad("gzip", 10)}${pad("brotli", 10)}`);
  for (const r of rows) console.log(`${`${r.name} (${r.kind})`.padEnd(34)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}`);
  console.log(`${"total".padEnd(34)}${pad(total.raw, 10)}${pad(total.gzip, 10)}${pad(total.brotli, 10)}`);
}
