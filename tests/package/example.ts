// A small application using the packed package, type-checked by tests/e2e/package.test.mjs
// (`tsc --noEmit` with ./tsconfig.json, next to an `npm install` of the tarball). Each
// `// @ts-expect-error` marks wrong usage the types must reject: the test also checks the
// file with those lines' markers removed and requires exactly one error on each such line.
import { analyze, mount, ready, scan } from "rotascope";
import type {
  AnalyzeResult,
  Compass,
  Quadrant,
  RotascopeConfig,
  RotascopeErrorCode,
  RotascopeWidgetAttributes,
  RotascopeWidgetElement,
  WidgetHandle,
} from "rotascope";

export async function example(): Promise<string[]> {
  const seen: string[] = [];
  await ready;

  // mount(), with a config, and the handle it returns.
  const host = document.createElement("div");
  const config: RotascopeConfig = {
    prices: ["/data/spy.csv", { url: "/data/iwm.csv", symbol: "IWM" }],
    benchmark: "SPY",
    symbols: ["IWM", "IJR"],
    baskets: { small: ["IWM", "IJR"], large: "SPY" },
    view: "performance",
    period: "2026-01-02",
    rotation: { interval: "daily", tail: 12, method: "zscore" },
    height: "360px",
    bands: [-0.5, -0.1, 0.1, 0.5],
    lazy: false,
  };
  const handle: WidgetHandle = mount(host, { ...config, prices: "/data/sample-prices.json" });
  await handle.ready;
  await handle.update({ benchmark: "IWM", theme: "dark" });
  await handle.unmount();
  mount(host, { note: { title: "A card alone", sentiment: { label: "neutral", score: 0.1 } } });
  mount(host, null);
  mount(host);
  await scan(document.body);

  // analyze() and its result.
  const result: AnalyzeResult = await analyze({
    prices: { dates: ["2026-01-02", "2026-01-05"], series: { SPY: [100, 101], IWM: [50, null] } },
    period: ["YTD", "1Y"],
    baskets: { small: ["IWM"], large: ["SPY"] },
    spreads: [["small", "large"], { long: "IWM", short: "SPY" }],
    asOf: "2026-01-05",
  });
  const best = result.returns[0];
  if (best) seen.push(`${best.symbol} ${best.period} ${best.return_pct.toFixed(2)} % (${best.excess_pp} pp)`);
  const quadrants: Quadrant[] = result.rotation.map((r) => r.quadrant);
  const heads = result.rotation.map((r) => r.points.at(-1)?.rs_ratio ?? 100);
  // Where each head is going: "NE 45° at 2.83 from 100/100, 0.71 per week".
  const headings = result.rotation.map((r) => {
    const head = r.points.at(-1);
    const compass: Compass | null = head?.heading ?? null;
    return head ? `${compass ?? "still"} ${head.heading_deg?.toFixed(0) ?? "–"}° at ${head.distance.toFixed(2)}, ${head.velocity?.toFixed(2) ?? "–"} per week` : "";
  });
  const turns = result.rotation.flatMap((r) => r.transitions.map((t) => `${t.from}→${t.to} ${t.date}`));
  const spread: number | undefined = result.spreads?.[0]?.spread_pp;
  const sma: number | null = result.trend[0]?.sma200 ?? null;
  const method: "log-trend" | "zscore" = result.rotation_settings.method;
  seen.push(result.as_of, result.adjustment, method, String(spread), String(sma), ...quadrants, ...heads.map(String), ...headings, ...turns);
  for (const w of result.warnings) seen.push(`${w.code}${w.symbol ? ` (${w.symbol})` : ""}: ${w.message}`);

  // Events, with a typed detail, on an element and on the document.
  host.addEventListener("rotascope:error", (event) => {
    const code: RotascopeErrorCode = event.detail.code;
    seen.push(`${code}: ${event.detail.message}`);
  });
  document.addEventListener("rotascope:ready", (event) => seen.push(`ready on ${(event.target as Element).tagName}`));
  document.addEventListener("rotascope:export", (event) => {
    if (event.detail.type === "text/csv") event.preventDefault();
    seen.push(`${event.detail.name}: ${event.detail.blob.size} bytes`);
  });

  // <rotascope-widget> and its attributes.
  const widget: RotascopeWidgetElement = document.createElement("rotascope-widget");
  const attributes: RotascopeWidgetAttributes = { prices: "/data/sample-prices.json", "as-of": "2026-07-13", "rotation-tail": "6", lazy: "false" };
  for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, String(value));
  const found: RotascopeWidgetElement | null = document.querySelector("rotascope-widget");
  found?.setAttribute("view", "trend");

  // globalThis.Rotascope.
  seen.push(await globalThis.Rotascope.version(), ...Rotascope.observedAttributes);
  const observed = await Rotascope.configAttributes();
  seen.push(String(observed.includes("as-of")));

  // What the types reject.
  // @ts-expect-error: a config key this version does not have
  mount(host, { prices: "/data/p.json", colour: "red" });
  // @ts-expect-error: not a view
  mount(host, { prices: "/data/p.json", view: "pie" });
  // @ts-expect-error: neither prices nor a note
  mount(host, { benchmark: "SPY" });
  // @ts-expect-error: not a rotation method
  await handle.update({ rotation: { method: "macd" } });
  // @ts-expect-error: ratio-roc was retired (README "Rotation methods")
  await handle.update({ rotation: { method: "ratio-roc" } });
  // @ts-expect-error: not a period
  await handle.update({ period: "2W" });
  // @ts-expect-error: analyze() needs prices
  await analyze({ benchmark: "SPY" });
  // @ts-expect-error: the result's field is return_pct
  seen.push(String(best?.return_percent));
  // @ts-expect-error: the quadrant names are capitalised
  const lower: Quadrant = "leading";
  // @ts-expect-error: eight compass sectors, no sixteen-point names
  const finer: Compass = "NNE";
  // @ts-expect-error: the error detail has `code`, not `kind`
  host.addEventListener("rotascope:error", (event) => seen.push(event.detail.kind));
  // @ts-expect-error: attributes are kebab-case (asOf is the config's name)
  const camel: RotascopeWidgetAttributes = { asOf: "2026-07-13" };
  // @ts-expect-error: attributes are text
  const height: RotascopeWidgetAttributes = { height: 480 };
  // @ts-expect-error: the view attribute takes only a view's name
  const pie: RotascopeWidgetAttributes = { view: "pie" };
  // @ts-expect-error: nor the period attribute a period it does not have
  const fortnight: RotascopeWidgetAttributes = { period: "2W" };
  const good: RotascopeWidgetAttributes = { view: "trend", period: "2026-01-02", theme: "dark", "rotation-method": "zscore" };
  seen.push(lower, finer, String(camel), String(height), String(pie), String(fortnight), String(good));
  return seen;
}
