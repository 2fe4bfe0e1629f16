// Packs the release bundle as an npm tarball: what `make package` runs and what
// tests/e2e/package.test.mjs installs, so the test checks what ships.
//
//   node tests/tools/package.mjs [--dist dist] [--out target/package]
//
// Stages, in a temporary folder: www/package/package.json (the template) with `version`,
// `description` and `license` filled in from Cargo.toml's [package] (one source of truth),
// www/package/README.md, www/rotascope.d.ts, and from the built bundle (`dist/`) the loader,
// the wasm-bindgen glue, the wasm and the stylesheet. Then `npm pack` writes
// rotascope-<version>.tgz into --out (older rotascope-*.tgz there are removed first) and the
// script prints its path. Also importable: `pack({ dist, out })` resolves to
// { tarball, version, files, manifest }.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The bundle files the package carries, as Trunk names them in dist/. */
export const BUNDLE = [
  "rotascope.js", "rotascope-widget.js", "rotascope-widget_bg.wasm", "rotascope.css",
  // Iframe mode (README "Iframe mode"): the page, its script and style, the host page's helper.
  "embed.html", "embed.js", "embed.css", "rotascope-frame.js",
  // The interface in other languages (README "Languages"), each loaded only when shown.
  "lang/de.json", "lang/fr.json", "lang/es.json", "lang/it.json", "lang/ja.json",
];

/** `version`, `description` and `license` of Cargo.toml's [package] table. */
export function cargoPackage(text = fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8")) {
  const start = text.search(/^\[package\]\s*$/m);
  if (start < 0) throw new Error("Cargo.toml has no [package] table");
  const rest = text.slice(start).split("\n").slice(1);
  const end = rest.findIndex((line) => /^\s*\[/.test(line));
  const table = (end < 0 ? rest : rest.slice(0, end)).join("\n");
  const field = (name) => {
    const m = table.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"\\s*$`, "m"));
    if (!m) throw new Error(`Cargo.toml's [package] has no ${name} = "..."`);
    return m[1];
  };
  return { version: field("version"), description: field("description"), license: field("license") };
}

/** The template with Cargo.toml's fields, `name` and `version` first as npm writes them. */
export function manifest() {
  const template = JSON.parse(fs.readFileSync(path.join(ROOT, "www/package/package.json"), "utf8"));
  const cargo = cargoPackage();
  const { name, ...rest } = template;
  return { name, version: cargo.version, description: cargo.description, license: cargo.license, ...rest };
}

export function pack({ dist = path.join(ROOT, "dist"), out = path.join(ROOT, "target/package") } = {}) {
  for (const file of BUNDLE) {
    if (!fs.existsSync(path.join(dist, file))) throw new Error(`${path.join(dist, file)} is missing: run make build first`);
  }
  const pkg = manifest();
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), "rotascope-package-"));
  try {
    fs.writeFileSync(path.join(stage, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
    fs.copyFileSync(path.join(ROOT, "www/package/README.md"), path.join(stage, "README.md"));
    fs.copyFileSync(path.join(ROOT, "www/rotascope.d.ts"), path.join(stage, "rotascope.d.ts"));
    for (const file of BUNDLE) {
      fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
      fs.copyFileSync(path.join(dist, file), path.join(stage, file));
    }
    fs.mkdirSync(out, { recursive: true });
    for (const old of fs.readdirSync(out)) {
      if (/^rotascope-.*\.tgz$/.test(old)) fs.rmSync(path.join(out, old));
    }
    const json = execFileSync("npm", ["pack", "--json", "--pack-destination", path.resolve(out), "--loglevel=error"], {
      cwd: stage,
      encoding: "utf8",
    });
    const [info] = JSON.parse(json);
    return { tarball: path.join(path.resolve(out), info.filename), version: pkg.version, files: info.files.map((f) => f.path).sort(), manifest: pkg };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? path.resolve(args[i + 1]) : dflt;
  };
  try {
    const { tarball, files } = pack({ dist: opt("--dist", undefined), out: opt("--out", undefined) });
    console.log(`${path.relative(process.cwd(), tarball)} (${files.length} files: ${files.join(", ")})`);
  } catch (e) {
    console.error(`make package: ${e.message}`);
    process.exit(1);
  }
}
