// Optional helper for Rotascope iframes (embed.html): sizes each one to its content and fires
// its widget's rotascope:* events on the <iframe> element, so the host page can listen as it
// would to a script-tag widget. Without it an iframe keeps its fixed height attribute.
//
//   <iframe data-rotascope src="https://cdn.example.org/rotascope/embed.html?prices=..." height="1200" ...></iframe>
//   <script type="module" src="/js/rotascope-frame.js"></script>
//
// Marked iframes are found in the page and inside open shadow roots (a page built of web
// components); the events leave those roots as the widget's own do (composed).
// A message counts only when it comes from an iframe the publisher marked `data-rotascope`,
// and from that iframe's own origin: other frames on the page (ads, social embeds) cannot
// resize themselves or fire rotascope events through it. Runs under `script-src 'self'` (no
// inline code, no eval).
const LIMITS = { min: 120, max: 20000 };

function* markedFrames(root) {
  yield* root.querySelectorAll("iframe[data-rotascope]");
  for (const element of root.querySelectorAll("*")) {
    if (element.shadowRoot) yield* markedFrames(element.shadowRoot);
  }
}

function frameOf(event) {
  for (const frame of markedFrames(document)) {
    if (frame.contentWindow !== event.source) continue;
    let origin = null;
    try {
      origin = new URL(frame.src, document.baseURI).origin;
    } catch {
      return null;
    }
    return origin === event.origin ? frame : null;
  }
  return null;
}

window.addEventListener("message", (event) => {
  const message = event.data;
  if (!message || message.rotascope !== 1) return;
  const frame = frameOf(event);
  if (!frame) return;
  if (message.type === "height" && Number.isFinite(message.height)) {
    const height = Math.min(LIMITS.max, Math.max(LIMITS.min, Math.round(message.height)));
    frame.setAttribute("height", String(height));
  } else if (message.type === "event" && typeof message.name === "string" && message.name.startsWith("rotascope:")) {
    frame.dispatchEvent(new CustomEvent(message.name, { bubbles: true, composed: true, detail: message.detail }));
  }
});
