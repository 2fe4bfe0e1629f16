// Rotascope's iframe page (embed.html): one widget configured from the page's URL, for host
// pages whose Content-Security-Policy cannot allow WebAssembly.
//
//   embed.html?prices=https://example.org/prices.json&benchmark=SPY&view=performance
//   embed.html#prices=...&rotation-tail=8        (the hash is read too and wins over the query)
//   embed.html?prices=IWM.csv+SPY.csv              (several sources: `+` is a space in a query;
//                                                   or a JSON array, URL-encoded)
//
// Each key is a config field, by its attribute (`rotation-tail`) or JSON name (`rotationTail`),
// and becomes that data- attribute on a placeholder, so values are read, checked and reported
// exactly as on a script-tag placeholder. Any other key goes into the placeholder's JSON config
// as written, where the widget lists it as ignored: it never becomes an attribute, so it cannot
// collide with the widget's own (`rotascope-mounted`, `testid`). Relative URLs are relative to
// embed.html.
//
// To the parent window it posts `{ rotascope: 1, type: "height", height }` when the content's
// height changes and `{ rotascope: 1, type: "event", name, detail }` for every rotascope:*
// event; www/rotascope-frame.js (optional) sizes the iframe and re-fires the events on it.
import "./rotascope.js";

const SETTING = /^[a-z][a-zA-Z0-9]*([-_][a-z0-9]+)*$/;
const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The config pairs of the URL: query first, then the hash (later ones win). */
function urlConfig(location) {
  const pairs = new Map();
  const hash = location.hash.replace(/^#/, "");
  for (const params of [new URLSearchParams(location.search), new URLSearchParams(hash)]) {
    for (const [key, value] of params) pairs.set(key, value);
  }
  return pairs;
}

const root = document.getElementById("rotascope-embed");
const host = document.createElement("div");
host.className = "rotascope";
const bad = [];
const unknown = new Map();
const FIELDS = new Set(globalThis.Rotascope.observedAttributes);
let permalink = false;
for (const [key, value] of urlConfig(window.location)) {
  if (!SETTING.test(key)) {
    bad.push(key);
    continue;
  }
  // A shared view would go into this frame's own address, which readers never see.
  if (key === "permalink") {
    permalink = true;
    continue;
  }
  if (FIELDS.has(kebab(key))) host.setAttribute(`data-${kebab(key)}`, value);
  else unknown.set(key, value);
}
// The frame is the unit of laziness (`loading="lazy"` on the iframe): inside it the widget
// loads at once, since a frame from another origin would otherwise wait until it is in view
// (the browser ignores the 400 px head start there).
if (!host.hasAttribute("data-lazy")) host.setAttribute("data-lazy", "false");
if (unknown.size > 0) {
  const script = document.createElement("script");
  script.type = "application/json";
  script.textContent = JSON.stringify(Object.fromEntries(unknown));
  host.append(script);
}
if (permalink) {
  const note = document.createElement("p");
  note.className = "rotascope-url-note";
  note.setAttribute("role", "note");
  note.dataset.testid = "url-note";
  note.textContent = "permalink is not available in iframe mode: the reader's address bar shows the host page, not this frame.";
  root.append(note);
}
// This document's own policy may forbid WebAssembly where embed.html's <meta> allows it: a
// policy in a header applies too (a site-wide `script-src 'self'`), and both must allow. The
// widget would then advise an iframe of embed.html, which this is: the frame says instead how
// to serve it. Compiling the smallest module (8 bytes: magic and version) is what the policy
// forbids, so it tells; it runs only after the wasm failed to start.
const wasmForbidden = () => {
  if (typeof WebAssembly !== "object") return false;
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    return false;
  } catch {
    return true;
  }
};
const code = (text) => {
  const element = document.createElement("code");
  element.textContent = text;
  return element;
};
let refused = false;
host.addEventListener("rotascope:error", (event) => {
  if (refused || event.detail?.code !== "wasm" || !wasmForbidden()) return;
  refused = true;
  event.stopPropagation();
  const card = document.createElement("div");
  card.className = "rotascope-url-error rotascope-frame-csp";
  card.setAttribute("role", "alert");
  card.dataset.testid = "frame-csp";
  const why = document.createElement("p");
  why.append("This chart cannot run here: the server sends embed.html a Content-Security-Policy header that does not allow WebAssembly (a site-wide header applies to embed.html too).");
  const fix = document.createElement("p");
  fix.append(
    "Serve embed.html from another origin and allow it in the host page's policy: ",
    code("frame-src https://cdn.example.org"),
    ". Or exempt embed.html from the site's header, or send it its own: ",
    code("Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'"),
    ". (README, \"Iframe mode\".)",
  );
  card.append(why, fix);
  host.replaceChildren(card);
  const message = `${why.textContent} ${fix.textContent}`;
  host.dispatchEvent(new CustomEvent("rotascope:error", { bubbles: true, composed: true, detail: { code: "wasm", message } }));
});

if (bad.length > 0) {
  // A key that cannot be an attribute name: said here, in the widget's place.
  const card = document.createElement("p");
  card.className = "rotascope-url-error";
  card.setAttribute("role", "alert");
  card.dataset.testid = "url-error";
  card.textContent = `This chart cannot be shown: ${bad.map((k) => JSON.stringify(k)).join(", ")} in the address ${bad.length === 1 ? "is not a setting" : "are not settings"} (settings are names like benchmark or rotation-tail).`;
  root.append(card);
} else {
  root.append(host);
}

// To the page that frames this one only, where the browser says which it is (Chromium and
// Safari: location.ancestorOrigins); elsewhere to any (it already holds this frame's config).
const parentOrigin = window.location.ancestorOrigins?.[0] ?? "*";
const toParent = (message) => {
  if (window.parent !== window) window.parent.postMessage({ rotascope: 1, ...message }, parentOrigin);
};

// Events cross by structured clone, so an export's Blob arrives as a Blob; a detail that
// cannot be cloned is sent as its JSON. (The host cannot cancel the frame's download.)
for (const name of ["ready", "error", "export", "alert"]) {
  document.addEventListener(`rotascope:${name}`, (event) => {
    const message = { type: "event", name: `rotascope:${name}`, detail: event.detail ?? null };
    try {
      toParent(message);
    } catch {
      let detail = null;
      try {
        detail = JSON.parse(JSON.stringify(message.detail));
      } catch {}
      toParent({ ...message, detail });
    }
  });
}

let sent = 0;
const report = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== sent) {
    sent = height;
    toParent({ type: "height", height });
  }
};
new ResizeObserver(report).observe(document.documentElement);
report();
