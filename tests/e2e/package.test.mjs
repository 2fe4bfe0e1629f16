// The npm package as a consumer gets it: packed from the built dist/ by the script
// `make package` runs (tests/tools/package.mjs), installed into an empty folder with
// `npm install ./rotascope-<version>.tgz --offline`, then
// - its manifest and files: exactly the bundle, the types and package.json, version and
//   license from Cargo.toml, every `exports` target present;
// - tests/package/example.ts type-checked against it with `tsc --noEmit` (typescript from
//   tests/node_modules), and the same file with its `@ts-expect-error` markers removed
//   failing with exactly one error on each marked line;
// - every `ts` and `tsx` snippet of README "npm package" compiled as written with
//   tests/package/tsconfig.vite.json (the settings of Vite's React + TypeScript template) and
//   small React and Svelte type stubs (tests/package/stubs), and variants that must not
//   compile: the element with `view="pie"` and other bad attribute values, an effect returning
//   unmount()'s Promise, mount() given a plain RotascopeConfig;
// - the installed folder served with a page that imports "rotascope" through an import map
//   built from the package's `exports`: a <rotascope-widget> and a mount() target draw, and
//   a real analyze() result is walked against the result interfaces parsed from the
//   installed rotascope.d.ts (every field declared, every required field present, each value
//   of its declared type).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import ts from "typescript";
import { useSiteAndBrowser, watchProblems, waitForChart, htmlRoute, DIST, ROOT } from "./harness.mjs";
import { pack } from "../tools/package.mjs";

const run = promisify(execFile);
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "rotascope-npm-"));
const APP = path.join(TMP, "app");
const INSTALLED = path.join(APP, "node_modules/rotascope");
const TSC = path.join(ROOT, "tests/node_modules/typescript/bin/tsc");
const MARKER = /^(\s*)\/\/ @ts-expect-error\b.*$/;

// What the tarball must hold, no more.
const FILES = ["README.md", "embed.css", "embed.html", "embed.js", "lang/de.json", "lang/es.json", "lang/fr.json", "lang/it.json", "lang/ja.json", "package.json", "rotascope-frame.js", "rotascope-widget.js", "rotascope-widget_bg.wasm", "rotascope.css", "rotascope.d.ts", "rotascope.js"];

const cargo = fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8").split(/^\[/m).find((t) => t.startsWith("package]"));
const CARGO_VERSION = cargo.match(/^version = "(.+)"$/m)[1];
const CARGO_LICENSE = cargo.match(/^license = "(.+)"$/m)[1];

let packed = null;
let typecheck = null;
const installing = (async () => {
  packed = pack({ dist: DIST, out: path.join(TMP, "out") });
  fs.mkdirSync(APP);
  const tarball = path.basename(packed.tarball);
  fs.copyFileSync(packed.tarball, path.join(APP, tarball));
  // A local tarball without dependencies: nothing to fetch.
  await run("npm", ["install", `./${tarball}`, "--offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: APP });
  // The consumer's project: the example, its tsconfig, and the example without its markers.
  fs.copyFileSync(path.join(ROOT, "tests/package/tsconfig.json"), path.join(APP, "tsconfig.json"));
  const example = fs.readFileSync(path.join(ROOT, "tests/package/example.ts"), "utf8");
  fs.writeFileSync(path.join(APP, "example.ts"), example);
  const lines = example.split("\n");
  const marked = lines.flatMap((line, i) => (MARKER.test(line) ? [i + 2] : [])); // 1-based line after the marker
  fs.writeFileSync(path.join(APP, "rejected.ts"), lines.map((line) => line.replace(MARKER, "$1//")).join("\n"));
  // Started now, awaited by its test, so it runs while the browser test does.
  typecheck = run(process.execPath, [TSC, "--noEmit", "-p", APP, "--pretty", "false"], { cwd: APP }).then(
    ({ stdout }) => ({ code: 0, stdout, marked }),
    (e) => ({ code: e.code, stdout: e.stdout, marked }),
  );
  // README's TypeScript snippets, with React and Svelte type stubs, under Vite's settings.
  snippets = writeSnippets();
  const vite = path.join(APP, "tsconfig.vite.json");
  fs.copyFileSync(path.join(ROOT, "tests/package/tsconfig.vite.json"), vite);
  snippetCheck = run(process.execPath, [TSC, "-p", vite, "--pretty", "false"], { cwd: APP }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (e) => ({ code: e.code, stdout: e.stdout }),
  );
})();

let snippets = null;
let snippetCheck = null;

/** The `ts` and `tsx` fences of README "npm package", in order, as { lang, code }. */
function readmeSnippets() {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.split("\n### npm package\n")[1].split(/\n## /)[0];
  return [...section.matchAll(/^```(tsx?)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2] }));
}

/**
 * Writes each README snippet to snippets/ (as written), the type stubs to node_modules, and
 * variants that must not compile: the element's JSX line with a bad attribute value, the
 * effect returning unmount()'s Promise, and mount() given a plain RotascopeConfig. Returns
 * { written, rejected: [{ file, line, code }] } (line: 1-based, where tsc must report `code`).
 */
function writeSnippets() {
  const dir = path.join(APP, "snippets");
  fs.mkdirSync(dir);
  const stubs = path.join(ROOT, "tests/package/stubs");
  fs.cpSync(path.join(stubs, "react"), path.join(APP, "node_modules/@types/react"), { recursive: true });
  fs.cpSync(path.join(stubs, "svelte"), path.join(APP, "node_modules/svelte"), { recursive: true });
  const found = readmeSnippets();
  const written = found.map(({ lang, code }, i) => {
    const file = `snippet-${i + 1}.${lang}`;
    fs.writeFileSync(path.join(dir, file), code);
    return file;
  });
  const rejected = [];
  const variant = (name, from, edit, code, lineOf) => {
    const source = found.find((s) => s.code.includes(from))?.code;
    assert.ok(source, `a README snippet has ${from}`);
    const text = edit(source);
    assert.notEqual(text, source, `${name}: the edit applies`);
    fs.writeFileSync(path.join(dir, name), text);
    rejected.push({ file: name, line: text.split("\n").findIndex((l) => l.includes(lineOf)) + 1, code });
  };
  const element = "<rotascope-widget ref={widget}";
  for (const [i, attr] of ['view="pie"', 'period="2W"', 'period="2026-1-x"', 'theme="blue"', 'rotation-method="macd"', 'rotation-method="ratio-roc"'].entries()) {
    variant(`bad-attribute-${i + 1}.tsx`, element, (s) => s.replace('view="performance"', attr), "TS2322", element);
  }
  // The good values of the same attributes compile (checked with the snippets).
  const good = 'view="trend" period="2026-01-02" theme="dark" rotation-method="zscore" rotation-interval="daily"';
  const goodSource = found.find((s) => s.code.includes(element)).code;
  fs.writeFileSync(path.join(dir, "good-attributes.tsx"), goodSource.replace('view="performance"', good));
  variant("promise-cleanup.tsx", "void handle.unmount();", (s) => s.replace(/return \(\) => \{\n\s*void handle\.unmount\(\);\n\s*\};/, "return () => handle.unmount();"), "TS2345", "useEffect(() => {");
  variant("plain-config.tsx", "void handle.unmount();", (s) => s.replaceAll("MountConfig", "RotascopeConfig"), "TS2345", "mount(host.current, config)");
  return { written, rejected };
}
installing.catch(() => {});

before(() => installing);
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

const installedManifest = () => JSON.parse(fs.readFileSync(path.join(INSTALLED, "package.json"), "utf8"));

test("make package's tarball installs into an empty folder with exactly the bundle, the types and a manifest from Cargo.toml", async () => {
  await installing;
  assert.deepEqual(packed.files, FILES);
  assert.equal(path.basename(packed.tarball), `rotascope-${CARGO_VERSION}.tgz`);
  assert.deepEqual(fs.readdirSync(INSTALLED, { recursive: true }).filter((f) => fs.statSync(path.join(INSTALLED, f)).isFile()).sort(), FILES);
  const pkg = installedManifest();
  assert.equal(pkg.name, "rotascope");
  assert.equal(pkg.version, CARGO_VERSION);
  assert.equal(pkg.license, CARGO_LICENSE);
  assert.equal(pkg.type, "module");
  assert.equal(pkg.dependencies, undefined, "no dependencies");
  assert.deepEqual(pkg.exports["."], { types: "./rotascope.d.ts", default: "./rotascope.js" });
  assert.ok(pkg.sideEffects.includes("./rotascope.js"), "the loader defines the custom element: a side effect");
  const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === "string" ? [t] : Object.values(t)));
  for (const t of targets) assert.ok(fs.existsSync(path.join(INSTALLED, t)), `exports target ${t} is in the package`);
  for (const f of ["./rotascope.css", "./rotascope-widget_bg.wasm", "./package.json"]) assert.ok(pkg.exports[f], `exports ${f}`);
  // What ships is the built bundle and the repository's types.
  for (const f of ["rotascope.js", "rotascope-widget.js", "rotascope-widget_bg.wasm", "rotascope.css", "embed.html", "embed.js", "embed.css", "rotascope-frame.js"]) {
    assert.ok(fs.readFileSync(path.join(INSTALLED, f)).equals(fs.readFileSync(path.join(DIST, f))), `${f} equals dist/${f}`);
  }
  assert.equal(fs.readFileSync(path.join(INSTALLED, "rotascope.d.ts"), "utf8"), fs.readFileSync(path.join(ROOT, "www/rotascope.d.ts"), "utf8"));
});

// ---- The browser: the installed folder served as is, "rotascope" mapped through its exports.

const PAGE = () => {
  const entry = installedManifest().exports["."].default.replace(/^\.\//, "");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>rotascope from npm</title><link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify({ imports: { rotascope: `/node_modules/rotascope/${entry}` } })}</script>
<script type="module">
  import { mount } from "rotascope";
  mount(document.querySelector("[data-testid=mounted]"), { prices: "/data/sample-prices.json", view: "performance", lazy: false });
</script></head><body>
<rotascope-widget data-testid="element" prices="/data/sample-prices.json" benchmark="SPY" lazy="false"></rotascope-widget>
<div data-testid="mounted"></div>
</body></html>`;
};

const session = useSiteAndBrowser(APP, { routes: { "/": (req, res) => htmlRoute(PAGE())(req, res) }, mounts: { "/data/": path.join(DIST, "data") } });

/** The interfaces and type aliases of a .d.ts, by name (parsed, not type-checked). */
function declarations(file) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const found = new Map();
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) found.set(node.name.text, node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Checks `value` against `type` (a type node of the d.ts), recording each mismatch in
 * `errors` and each interface it walked through in `seen`.
 */
function conforms(value, type, where, decls, errors, seen) {
  const fail = (why) => errors.push(`${where}: ${why} (${JSON.stringify(value)?.slice(0, 80)})`);
  const K = ts.SyntaxKind;
  switch (type.kind) {
    case K.StringKeyword:
      return typeof value === "string" || fail("not a string");
    case K.NumberKeyword:
      return (typeof value === "number" && Number.isFinite(value)) || fail("not a finite number");
    case K.BooleanKeyword:
      return typeof value === "boolean" || fail("not a boolean");
    case K.ParenthesizedType:
      return conforms(value, type.type, where, decls, errors, seen);
    case K.LiteralType:
      if (type.literal.kind === K.NullKeyword) return value === null || fail("not null");
      return value === type.literal.text || fail(`not "${type.literal.text}"`);
    case K.TemplateLiteralType:
      // Only `since ${string}` is used in the result.
      return (typeof value === "string" && value.startsWith(type.head.text)) || fail(`does not start with "${type.head.text}"`);
    case K.ArrayType:
      if (!Array.isArray(value)) return fail("not an array");
      return value.forEach((v, i) => conforms(v, type.elementType, `${where}[${i}]`, decls, errors, seen));
    case K.UnionType: {
      // The first member that fits; `(string & {})` (an open list of codes) is not taken as
      // "any string": the values seen must be among the listed ones.
      const members = type.types.filter((t) => !(ts.isParenthesizedTypeNode(t) && ts.isIntersectionTypeNode(t.type)));
      const match = members.find((t) => fits(value, t, where, decls));
      return match ? conforms(value, match, where, decls, errors, seen) : fail(`none of ${type.getText()}`);
    }
    case K.TypeReference:
      return named(value, type.typeName.getText(), where, decls, errors, seen);
    default:
      return fail(`the check does not handle ${K[type.kind]}`);
  }
}

/** Whether `value` conforms to `type` with no mismatch anywhere inside. */
function fits(value, type, where, decls) {
  const errors = [];
  conforms(value, type, where, decls, errors, new Map());
  return errors.length === 0;
}

/** Checks `value` against the interface or type alias `name` of the d.ts. */
function named(value, name, where, decls, errors, seen) {
  const decl = decls.get(name);
  if (!decl) return errors.push(`${where}: unknown type ${name}`);
  if (ts.isTypeAliasDeclaration(decl)) return conforms(value, decl.type, where, decls, errors, seen);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return errors.push(`${where}: not a ${name} object`);
  seen.set(name, (seen.get(name) ?? 0) + 1);
  const props = decl.members.filter(ts.isPropertySignature);
  for (const key of Object.keys(value)) {
    if (!props.some((p) => p.name.getText() === key)) errors.push(`${where}.${key}: not declared in ${name}`);
  }
  for (const p of props) {
    const key = p.name.getText();
    if (key in value) conforms(value[key], p.type, `${where}.${key}`, decls, errors, seen);
    else if (!p.questionToken) errors.push(`${where}.${key}: required by ${name}, missing`);
  }
  return true;
}

test("the installed package renders a widget and analyze() returns what rotascope.d.ts declares", async () => {
  await installing;
  await session.ready;
  const page = await session.browser.newPage({ viewport: { width: 1000, height: 1600 } });
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ["rotascope:ready", "rotascope:error"]) {
      document.addEventListener(name, (e) => window.__events.push({ name, id: e.target.dataset.testid, detail: e.detail }));
    }
  });
  await page.goto(session.url);
  await waitForChart(page, "[data-testid=element]");
  await waitForChart(page, "[data-testid=mounted]");
  await page.waitForFunction(() => window.__events.filter((e) => e.name === "rotascope:ready").length === 2);
  assert.deepEqual((await page.evaluate(() => window.__events)).map((e) => `${e.name} ${e.id}`).sort(), ["rotascope:ready element", "rotascope:ready mounted"]);

  const { result, version, attributes } = await page.evaluate(async () => {
    const { analyze } = await import("rotascope");
    const result = await analyze({
      prices: await (await fetch("/data/sample-prices.json")).json(),
      period: ["YTD", "3Y"],
      baskets: { small: ["IWM", "IJR"], large: ["SPY"] },
      colour: "red", // unknown: a warning
    });
    return { result, version: await globalThis.Rotascope.version(), attributes: await globalThis.Rotascope.configAttributes() };
  });
  assert.equal(version, CARGO_VERSION, "the wasm's version is the package's");

  const decls = declarations(path.join(INSTALLED, "rotascope.d.ts"));
  const attributeNames = decls.get("RotascopeWidgetAttributes").members.map((m) => m.name.getText().replace(/"/g, ""));
  assert.deepEqual(attributes, attributeNames, "the element's attributes in the d.ts are the ones the wasm observes");

  const errors = [];
  const seen = new Map();
  named(result, "AnalyzeResult", "result", decls, errors, seen);
  assert.deepEqual(errors.slice(0, 20), [], `the result matches rotascope.d.ts (${errors.length} mismatches)`);
  for (const name of ["AnalyzeResult", "PeriodReturn", "RotationSettings", "SymbolRotation", "RotationPoint", "Transition", "BasketReturn", "SpreadReturn", "TrendSummary", "Warning"]) {
    assert.ok(seen.get(name) > 0, `the result had at least one ${name} to check`);
  }
  assert.ok(result.returns.some((r) => "annualized_pct" in r), "3Y returns carry annualized_pct");
  assert.ok(result.warnings.some((w) => w.code === "ignored_option" && !("symbol" in w)), "a warning without a symbol");
  assert.deepEqual(problems, []);
  await page.close();
});

test("README's TypeScript snippets compile as written under Vite's React + TypeScript settings, and the element's attributes take only their values", async () => {
  await installing;
  const { code, stdout } = await snippetCheck;
  const { written, rejected } = snippets;
  assert.ok(written.length >= 4 && written.some((f) => f.endsWith(".tsx")), `README "npm package" has ts and tsx snippets (${written})`);
  const diagnostics = stdout.split("\n").filter((l) => /\(\d+,\d+\): error TS\d+/.test(l));
  const ok = diagnostics.filter((l) => /^snippets[\\/](snippet-|good-)/.test(l));
  assert.deepEqual(ok, [], "the snippets as written and the good attribute values compile");
  for (const { file, line, code: ts } of rejected) {
    const errors = diagnostics.filter((l) => l.startsWith(`snippets/${file}(`) || l.startsWith(`snippets\\${file}(`));
    assert.equal(errors.length, 1, `${file}: one error expected, got ${errors.join(" | ") || "none"}`);
    const [, at, got] = errors[0].match(/\((\d+),\d+\): error (TS\d+)/);
    assert.deepEqual([Number(at), got], [line, ts], `${file}: ${errors[0]}`);
  }
  assert.equal(diagnostics.length, rejected.length, diagnostics.join("\n"));
  assert.equal(code, 2, "tsc fails on the rejected variants");
});

test("the TypeScript example type-checks against the installed package, and each marked misuse is rejected", async () => {
  await installing;
  const { code, stdout, marked } = await typecheck;
  const diagnostics = stdout.split("\n").filter((l) => /^\S.*\(\d+,\d+\): error TS\d+/.test(l));
  assert.deepEqual(diagnostics.filter((l) => !l.startsWith("rejected.ts(")), [], "example.ts (and rotascope.d.ts) type-check");
  assert.ok(marked.length >= 10, `example.ts marks its misuses (${marked.length})`);
  const lines = diagnostics.map((l) => Number(l.match(/^rejected\.ts\((\d+),/)[1]));
  assert.deepEqual(lines, marked, "without the markers, exactly one error on each marked line");
  assert.equal(code, 2, "tsc fails on rejected.ts");
});
