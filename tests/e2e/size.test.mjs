// The bundle stays within its size budget (tests/size-budget.json), like lightweight-charts'
// .size-limit.js: a growing download is a regression to be argued for, not an accident.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { measure } from "../tools/size.mjs";
import { DIST, ROOT } from "./harness.mjs";

test("the bundle fits its brotli budget", (t) => {
  const budget = JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "size-budget.json"), "utf8"));
  const { rows, total } = measure(DIST);
  const wasm = rows.find((r) => r.name.endsWith(".wasm")).brotli;
  t.diagnostic(`wasm ${wasm} B (budget ${budget.wasm}), total ${total.brotli} B (budget ${budget.total}), brotli`);
  assert.ok(wasm <= budget.wasm, `wasm is ${wasm} B brotli, over the ${budget.wasm} B budget`);
  assert.ok(total.brotli <= budget.total, `the bundle is ${total.brotli} B brotli, over the ${budget.total} B budget`);
});
