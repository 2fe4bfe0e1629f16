// Static file server for the demo and the end-to-end tests.
//
//   node tests/e2e/serve.mjs <root> [--port 8080] [--host 127.0.0.1] [--csp "<policy>"]
//
// Serves .wasm as application/wasm (needed for streaming instantiation), sends no-cache so a
// rebuilt bundle is always picked up, and can add a Content-Security-Policy header to every
// HTML response. Also importable: `startServer({ root, port, csp, routes, mounts })` resolves
// to the server; `routes` maps exact paths to handlers, `mounts` maps path prefixes to extra
// directories (e.g. { "/real/": "/data/prices" }).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

export function startServer({ root, port = 8080, host = "127.0.0.1", csp = null, routes = {}, mounts = {} }) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (routes[url.pathname]) {
      // Routed pages are HTML too: they get the same policy.
      if (csp) res.setHeader("content-security-policy", csp);
      return routes[url.pathname](req, res);
    }
    const prefix = Object.keys(mounts).find((p) => url.pathname.startsWith(p));
    const base = path.resolve(prefix ? mounts[prefix] : root);
    const rest = prefix ? url.pathname.slice(prefix.length - 1) : url.pathname;
    let file = path.normalize(path.join(base, decodeURIComponent(rest)));
    if (!file.startsWith(base)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${url.pathname}`);
        return;
      }
      const type = TYPES[path.extname(file)] || "application/octet-stream";
      const headers = { "content-type": type, "cache-control": "no-cache" };
      if (csp && type.startsWith("text/html")) headers["content-security-policy"] = csp;
      res.writeHead(200, headers).end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const root = args.find((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--"))) || "dist";
  const port = Number(opt("--port", 8080));
  const host = opt("--host", "127.0.0.1");
  startServer({ root, port, host, csp: opt("--csp", null) }).then(
    () => console.log(`Rotascope demo: http://${host}:${port}/  (serving ${root}; Ctrl-C to stop)`),
    (e) => {
      console.error(`cannot serve on ${host}:${port}: ${e.message}`);
      process.exit(1);
    },
  );
}
