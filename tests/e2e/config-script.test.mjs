// A placeholder's `<script type="application/json">` child (README "Embedding"): its text is
// read by the engine's JSON.parse and the value by the reader mount()'s config objects go
// through, so a config child reads exactly as `mount(el, JSON.parse(text))`; a text JSON.parse
// refuses keeps the message naming line and column.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSiteAndBrowser, DIST, API_PAGE, htmlRoute, watchProblems } from "./harness.mjs";

const session = useSiteAndBrowser(DIST, { routes: { "/page.html": htmlRoute(API_PAGE) } });

/** What each config text gives on a placeholder (its JSON child) and, when `viaMount`, through
 * `mount(el, JSON.parse(text))`: the `rotascope:error` message, or "ready". */
async function outcomes(texts, viaMount) {
  await session.ready;
  const page = await session.browser.newPage();
  const problems = watchProblems(page);
  await page.goto(session.url + "page.html");
  const got = await page.evaluate(async ([texts, viaMount]) => {
    await globalThis.Rotascope.ready;
    const settled = (host) =>
      new Promise((resolve) => {
        host.addEventListener("rotascope:error", (e) => resolve(e.detail.message), { once: true });
        host.addEventListener("rotascope:ready", () => resolve("ready"), { once: true });
      });
    const out = [];
    for (const text of texts) {
      const placeholder = document.createElement("div");
      placeholder.className = "rotascope";
      const script = document.createElement("script");
      script.type = "application/json";
      script.textContent = text;
      placeholder.append(script);
      const child = settled(placeholder);
      document.body.append(placeholder);
      const row = { child: await child };
      if (viaMount) {
        const host = document.createElement("div");
        document.body.append(host);
        const mounted = settled(host);
        try {
          globalThis.Rotascope.mount(host, JSON.parse(text));
        } catch {}
        row.mount = await mounted;
      }
      out.push(row);
    }
    return out;
  }, [texts, viaMount]);
  await page.close();
  return { got, problems };
}

test("a config child reads as mount() reads the value JSON.parse gives: lone surrogates, 1e400, 50.0, duplicate keys, __proto__", async () => {
  const cases = [
    // Half an emoji in a basket's name: valid JSON grammar, which JSON.parse reads; the name
    // arrives as U+FFFD, as it does through mount(). (serde_json refused the whole script.)
    ['{"lazy":false,"prices":"p.json","baskets":{"\\ud83d":[]}}', "option `baskets.\uFFFD` = []: a basket needs at least one symbol"],
    // Beyond f64: the engine's Infinity, which a config value reads as null (as JSON.stringify
    // writes it): the message names the field. (serde_json: "number out of range" at a column.)
    ['{"lazy":false,"prices":"p.json","height":1e400}', "option `height` = null: expected a number"],
    // The engine has one number 50; the message quotes it as the engine reads it.
    ['{"lazy":false,"prices":"p.json","height":50.0}', "option `height` = 50: use a height between 120 and 4000 pixels"],
    // A key given twice: the last one counts (as before).
    ['{"lazy":false,"prices":"p.json","height":"tall","height":50}', "option `height` = 50: use a height between 120 and 4000 pixels"],
    // `__proto__` is a key like any other (an unknown one), never the value's prototype.
    ['{"lazy":false,"prices":"p.json","__proto__":{"height":50},"theme":"sepia"}', "option `theme` = \"sepia\": use one of light, dark, auto"],
  ];
  const { got, problems } = await outcomes(cases.map(([text]) => text), true);
  assert.deepEqual(got, cases.map(([, expected]) => ({ child: expected, mount: expected })));
  assert.deepEqual(problems.filter((p) => !p.includes("Rotascope:")), []);
});

test("a config child that is not JSON, or not an object, says so as before, with line and column", async () => {
  const deep = '{"lazy":false,"a":' + "[".repeat(200) + "]".repeat(200) + "}";
  const cases = [
    // The `}` after the comma is the 33rd character.
    ['{"lazy":false,"prices":"p.json",}', "the config script is not valid JSON: trailing comma at line 1 column 33"],
    ['{\n  "prices": "p.json"\n  "view": "pie"\n}', "the config script is not valid JSON: expected `,` or `}` at line 3 column 3"],
    ["", "the config script is not valid JSON: EOF while parsing a value at line 1 column 0"],
    // JSON.parse reads it; nesting past 128 levels is refused, in serde_json's words: the
    // object is one level, so the 127th `[` (column 18 + 127) is one too many.
    [deep, "the config script is not valid JSON: recursion limit exceeded at line 1 column 145"],
    ["[1]", "the config script should hold a JSON object, but it is an array of 1 items"],
    ["null", "the config script should hold a JSON object, but it is null"],
  ];
  const { got, problems } = await outcomes(cases.map(([text]) => text), false);
  assert.deepEqual(got, cases.map(([, expected]) => ({ child: expected })));
  assert.deepEqual(problems.filter((p) => !p.includes("Rotascope:")), []);
});
