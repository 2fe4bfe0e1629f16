// What a step of the date slider writes to the page: the ranking table keeps its rows and
// rewrites only the texts and attributes whose value changed (a row keeps its swatch and
// symbol unless another symbol moved into it), and a step to the date already shown writes
// nothing and builds no scene (no tails, no label placement). Counted with a
// MutationObserver on the widget's shadow root and the scene canvas's data-builds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSiteAndBrowser, watchProblems, waitForChart, htmlRoute, DIST } from "./harness.mjs";

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="/favicon.svg"><script type="module" src="/rotascope.js"></script></head>
<body><div class="rotascope" id="w" data-prices="/data/sample-prices.json" data-benchmark="SPY"
data-rotation-tail="10" data-lazy="false"></div></body></html>`;
const session = useSiteAndBrowser(DIST, { routes: { "/scrub.html": htmlRoute(PAGE) } });
const HOST = "#w";

/**
 * Moves the slider to each position in turn (one input event, then two animation frames, as a
 * drag does) and reports, per step, the ranking's rows before and after and every mutation in
 * the shadow root: its kind, where (row index in the ranking, or the test id around it), the
 * attribute, and the value before the step and after it.
 */
function steps(tab, positions) {
  return tab.evaluate(
    async ([sel, positions]) => {
      const root = document.querySelector(sel).shadowRoot;
      const slider = root.querySelector("[data-testid=scrub]");
      const scene = root.querySelector("canvas");
      const rows = () => [...root.querySelectorAll("[data-testid=ranking] tbody tr")];
      const symbols = () => rows().map((r) => r.querySelector("th").textContent);
      const report = [];
      for (const p of positions) {
        const before = { symbols: symbols(), rows: rows(), builds: scene.dataset.builds };
        const seen = [];
        const observer = new MutationObserver((list) => seen.push(...list));
        observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true, attributeOldValue: true, characterDataOldValue: true });
        slider.value = String(p);
        slider.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        seen.push(...observer.takeRecords());
        observer.disconnect();
        // The first record of each node and attribute holds its value before the step.
        const first = new Map();
        for (const m of seen) {
          const key = m.type === "childList" ? m : `${m.type} ${m.attributeName ?? ""}`;
          if (!first.has(m.target)) first.set(m.target, new Map());
          if (!first.get(m.target).has(key)) first.get(m.target).set(key, m);
        }
        const mutations = [];
        for (const [target, byKey] of first) {
          for (const m of byKey.values()) {
            const el = target.nodeType === Node.TEXT_NODE ? target.parentElement : target;
            const row = before.rows.findIndex((r) => r.contains(el));
            mutations.push({
              type: m.type,
              row,
              where: row >= 0 ? "ranking" : (el.closest("[data-testid]")?.dataset.testid ?? el.tagName),
              attribute: m.attributeName,
              quadrant: !!el.closest(".rs-quadrant"),
              old: m.oldValue,
              now: m.type === "characterData" ? target.data : m.type === "attributes" ? target.getAttribute(m.attributeName) : null,
            });
          }
        }
        report.push({ before: before.symbols, after: symbols(), rowsKept: rows().every((r, i) => r === before.rows[i]), builds: [before.builds, scene.dataset.builds], mutations });
      }
      return report;
    },
    [HOST, positions],
  );
}

test("a scrub step rewrites only the ranking's texts and attributes that changed, and a step to the same date writes nothing", async () => {
  const tab = await session.browser.newPage({ viewport: { width: 1000, height: 1400 }, deviceScaleFactor: 1 });
  const problems = watchProblems(tab);
  await tab.goto(session.url + "scrub.html");
  await waitForChart(tab, HOST);
  const host = tab.locator(HOST);
  await host.locator("[data-testid=ranking] tbody tr").first().waitFor();
  const max = Number(await host.locator("[data-testid=scrub]").getAttribute("max"));
  assert.ok(max > 40, `the sample has ${max + 1} weekly dates`);
  const from = max - 30;
  const positions = [from, ...Array.from({ length: 20 }, (_, k) => from + 1 + k)];
  const [settle, ...moves] = await steps(tab, positions);
  assert.ok(settle.after.length >= 5, "the ranking has rows");

  let reordered = 0;
  let texts = 0;
  for (const step of moves) {
    assert.ok(step.rowsKept, "a step keeps the ranking's rows (no row added, removed or replaced)");
    assert.equal(step.after.length, step.before.length);
    assert.notEqual(step.builds[0], step.builds[1], "a step to another date builds the scene again");
    for (const m of step.mutations) {
      // Nothing is written that ends as it was.
      if (m.type !== "childList") assert.notEqual(m.now, m.old, `a ${m.type} ${m.attribute ?? ""} in ${m.where} was rewritten to the same value "${m.now}"`);
      if (m.where !== "ranking") continue;
      const moved = step.before[m.row] !== step.after[m.row];
      if (m.type === "characterData") texts++;
      // A row whose symbol stayed changes texts and, with its quadrant, the quadrant's class;
      // its swatch, its button and the row itself are only touched when another symbol moves in.
      if (!moved) assert.ok(m.type === "characterData" || (m.attribute === "class" && m.quadrant), `row ${m.row} (${step.after[m.row]}) did not change symbol, yet its ${m.type} ${m.attribute ?? ""} was written`);
      // Swatches change in place: no node is added or removed inside a row.
      assert.notEqual(m.type, "childList", `row ${m.row}'s children were replaced`);
    }
    if (step.before.join() !== step.after.join()) reordered++;
  }
  // The sweep does exercise both: new numbers every step, and rows trading symbols.
  assert.ok(texts > moves.length * 5, `${texts} texts rewritten over ${moves.length} steps`);
  assert.ok(reordered > 0, "the order changed at least once in the sweep");

  // The same date again: the slider's input fires, nothing it shows changes.
  const [same] = await steps(tab, [positions.at(-1)]);
  assert.deepEqual(same.mutations, [], "a step to the date shown writes nothing");
  assert.equal(same.builds[1], same.builds[0], "a step to the date shown builds no scene (no tails, no label placement)");
  assert.deepEqual(problems, []);
  await tab.close();
});
