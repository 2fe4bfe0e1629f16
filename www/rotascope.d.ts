// Types for Rotascope's loader, rotascope.js (the npm package's main module; see README
// "npm package"). Hand-written: the widget is Rust compiled to WebAssembly and the loader is
// plain JavaScript, so these describe what the code accepts and returns:
//   - the config (src/config.rs, FIELDS and the parsers; README "Configuration"),
//   - analyze()'s options (src/config.rs, AnalyzeRequest) and result (the serde shape of
//     src/model/analyze.rs, Analysis, and the structs it holds),
//   - the events (src/embed/host.rs, src/browser/export.rs, www/rotascope.js).
// tests/config_fields.rs checks that RotascopeConfig and RotascopeWidgetAttributes list
// every field of config::FIELDS, in its order; tests/e2e/package.test.mjs type-checks an
// example against the packed package and compares a real analyze() result with the
// interfaces below.

// ---------------------------------------------------------------------------------------
// Shared shapes

/** An ISO day, `YYYY-MM-DD`. */
export type IsoDate = `${number}-${number}-${number}`;

/** A named period. Case does not matter at run time (`"ytd"` works); `12M` and `36M` are also read as `1Y` and `3Y`. */
export type PeriodName = "1W" | "1M" | "3M" | "6M" | "YTD" | "1Y" | "3Y";

/** A period: a named one, or the start day of a custom one. */
export type PeriodInput = PeriodName | IsoDate;

/** A number, or its text as an attribute carries it (`"480"`, `"480px"`). */
export type NumberLike = number | `${number}` | `${number}px`;

export type View = "rotation" | "performance" | "trend";
export type Theme = "light" | "dark" | "auto";
export type RotationInterval = "weekly" | "daily";
/** How RS-Ratio and RS-Momentum are computed (README "Formulas"). */
export type RotationMethod = "log-trend" | "zscore";

/** The price data contract (README "Price data contract"). */
export interface PriceContract {
  /** ISO days, strictly increasing. */
  dates: string[];
  /** One close per date for each symbol, `null` where it has none. */
  series: Record<string, Array<number | null>>;
  /** Name and group per symbol. */
  meta?: Record<string, { name?: string; group?: string }>;
  /** `true` for total-return closes, `false` for price closes; absent: not stated. */
  adjusted?: boolean;
  /** Shown in the footnote and on exports. */
  source?: string;
}

/** A Yahoo-chart JSON response (one or several `chart.result` entries). */
export interface YahooChart {
  chart: {
    result?: YahooChartResult[] | null;
    error?: { code?: string; description?: string } | null;
  };
}

export interface YahooChartResult {
  meta: { symbol: string; gmtoffset?: number; [key: string]: unknown };
  /** Unix seconds. */
  timestamp: number[];
  indicators: {
    adjclose?: Array<{ adjclose: Array<number | null> }>;
    quote?: Array<{ close: Array<number | null>; [key: string]: unknown }>;
  };
  [key: string]: unknown;
}

/**
 * A URL to fetch (contract JSON, Yahoo-chart JSON or CSV); `symbol` names a one-symbol CSV;
 * `adjusted` says what its closes are (`true` total return, `false` price closes), over what
 * the file says.
 */
export interface PriceUrl {
  url: string;
  symbol?: string;
  adjusted?: boolean;
}

/** CSV text given inline; `symbol` names a one-symbol CSV; `adjusted` as on {@link PriceUrl}. */
export interface PriceCsv {
  csv: string;
  symbol?: string;
  adjusted?: boolean;
}

/**
 * One price source: a URL; JSON or CSV text (recognised by a leading `{`, or by line breaks
 * with a CSV separator in the first); the contract or a Yahoo chart as an object;
 * `{ url, symbol, adjusted }`; `{ csv, symbol, adjusted }`. At the top of `prices`, a text may
 * also be a list: a JSON array of these, or URLs separated by whitespace.
 */
export type PriceSource = string | PriceUrl | PriceCsv | PriceContract | YahooChart;

/** `prices`: one source or a list of them, merged on one calendar. */
export type PriceInput = PriceSource | PriceSource[];

/**
 * Named groups of symbols, equal weight: `{ small: ["IWM", "IJR"], large: "SPY, IWB" }` or
 * `"small: IWM IJR; large: SPY"`.
 */
export type Baskets = Record<string, string | string[]> | string;

/** Rotation graph settings; each is optional and falls back to its default. */
export interface RotationOptions {
  /** `weekly` (default) or `daily` closes. */
  interval?: RotationInterval;
  /** Samples in `zscore`'s window, at least 2 (`log-trend` has fixed 10- and 30-sample means). Default `14`. */
  window?: NumberLike;
  /** Points in each tail, at least 1. Default `10`. */
  tail?: NumberLike;
  /** Default `log-trend` (README "Rotation methods"); `ratio-roc` is retired and refused. */
  method?: RotationMethod;
}

// ---------------------------------------------------------------------------------------
// Research note (README "Research note contract")

/** What every claim has. */
export interface ClaimBase {
  /** The sentence as the note states it. */
  text?: string;
  /** Default `YTD`. */
  period?: PeriodInput;
  /** The day the figure is stated for; default the data's last date. */
  as_of?: IsoDate;
  /** The stated figure. */
  value: number;
}

/** A symbol's period return, in %. */
export interface ReturnClaim extends ClaimBase {
  kind: "return";
  symbol: string;
  unit?: "%" | "percent";
}

/** A symbol minus the benchmark (this one, else the widget's), in pp. */
export interface ExcessClaim extends ClaimBase {
  kind: "excess";
  symbol: string;
  benchmark?: string | null;
  unit?: "pp";
}

/** Equal-weight basket `long` minus basket `short`, in pp. */
export interface SpreadClaim extends ClaimBase {
  kind: "spread";
  long: string | string[];
  short: string | string[];
  unit?: "pp";
}

export type NoteClaim = ReturnClaim | ExcessClaim | SpreadClaim;

/** A research note: every field is optional. */
export interface ResearchNote {
  title?: string | null;
  source?: string | null;
  /** A time of day after the date (`2026-02-04T09:30:00Z`) is read as its date. */
  published?: IsoDate | `${IsoDate}T${string}` | null;
  /** Only an `http(s)` URL becomes a link. */
  url?: string | null;
  summary?: string | null;
  sections?: Array<{ heading?: string | null; body?: string | null }>;
  /** `score` on −1..1. */
  sentiment?: { label?: string | null; score?: number };
  tickers?: string | string[];
  claims?: NoteClaim[];
}

// ---------------------------------------------------------------------------------------
// Configuration

/**
 * A widget's configuration: the same fields as the `data-` attributes of a placeholder, the
 * attributes of `<rotascope-widget>` and a `<script type="application/json">` child. Every
 * field is optional except `prices`, which may be left out when a `note` is given (see
 * {@link MountConfig}). Fields this version does not know are listed under the widget's
 * title, never dropped silently; here they are type errors.
 */
export interface RotascopeConfig {
  /** URL of price JSON or CSV, the data inline, or a list of sources. Required unless `note` is given. */
  prices?: PriceInput;
  /** What everything is relative to. Default: `SPY` if loaded, else the first symbol. */
  benchmark?: string | null;
  /** What to show, in colour order: `"IWM,IJR"` or an array. Default: every loaded symbol but the benchmark. */
  symbols?: string | string[];
  /** Named groups of symbols, equal weight. Default: none. */
  baskets?: Baskets | null;
  /** Heading above the chart. Default: none. */
  title?: string | null;
  /** `rotation` (default), `performance` or `trend`. */
  view?: View;
  /** `1W 1M 3M 6M YTD 1Y 3Y` or a start day `YYYY-MM-DD`. Default `YTD`. */
  period?: PeriodInput | null;
  /** The day the numbers are computed for. Default: the last date in the data. */
  asOf?: IsoDate | null;
  /** Rotation graph settings. Default `{ "interval": "weekly", "window": 14, "tail": 10, "method": "log-trend" }`. */
  rotation?: RotationOptions;
  /** `rotation.interval` on its own (`rotation-interval` attribute): `weekly` (default) or `daily`. */
  rotationInterval?: RotationInterval;
  /** `rotation.window` on its own (`rotation-window` attribute). Default `14`. */
  rotationWindow?: NumberLike;
  /** `rotation.tail` on its own (`rotation-tail` attribute). Default `10`. */
  rotationTail?: NumberLike;
  /** `rotation.method` on its own (`rotation-method` attribute): `log-trend` (default) or `zscore`. */
  rotationMethod?: RotationMethod;
  /** `light`, `dark`, or `auto` (default: the page's own colour scheme when it declares exactly one, else `prefers-color-scheme`). */
  theme?: Theme;
  /** BCP 47 tag for numbers and dates, e.g. `de-DE`; an invalid one falls back, with a note. Default: `lang` when given or found on the page, else the browser's. */
  locale?: string | null;
  /** The interface's language: `en`, `de`, `fr`, `es`, `it` or `ja` (a region is ignored: `de-CH` is `de`); another falls back to English, with a note. Default: the nearest `lang` attribute around the element (the page's), else English. */
  lang?: string | null;
  /** Texts replacing the language's, by message key (README "Languages"): `{ "quadrant.leading": "Ahead" }`; an unknown key or other placeholders is a config error. Default: none. */
  messages?: Record<string, string> | null;
  /** Chart height in CSS pixels, 120–4000. Default `480`. */
  height?: NumberLike;
  /** Research note: a URL or the note inline (README "Research note"). Default: none. */
  note?: string | ResearchNote | null;
  /** Sentiment band cut points: four increasing numbers within −1..1. Default `[-0.6, -0.15, 0.15, 0.6]`. */
  bands?: [number, number, number, number] | string;
  /** Percentage points a note's figure may be off and still match, 0 to 100. Default `0.5`. */
  tolerance?: NumberLike;
  /** Wait until the widget nears the viewport before loading. Default `true`. */
  lazy?: boolean | "true" | "false" | "";
  /** Seconds a download (prices or note) may take, 0.1–600, before the widget stops it and offers Try again. Default `30`. */
  timeout?: NumberLike;
  /** Seconds between re-requests of the prices and the note (conditional requests; at least 10, at most 86400), paused while the page is hidden; `false` loads once. Default `false`. */
  refresh?: NumberLike | false;
  /** Keep the reader's view (view, benchmark, method, period, date, highlight, hidden) in the page URL's hash and restore it on load: `true` (key: the host's id, else `rotascope-N`) or a key of letters, digits, `-` and `_`. Default `false`. */
  permalink?: boolean | string | null;
}

/** What `mount()` takes: a config with `prices`, or with a `note` (a card alone). */
export type MountConfig = RotascopeConfig & ({ prices: PriceInput } | { note: string | ResearchNote });

// ---------------------------------------------------------------------------------------
// <rotascope-widget>

/**
 * The attributes of `<rotascope-widget>`: the config fields, kebab-case, as text (the same
 * names with `data-` in front on a `.rotascope` placeholder). Changing one updates the
 * widget. Object fields (`rotation`, `baskets`, an inline `note`) take JSON text; `view`,
 * `period`, `theme`, `rotation-interval` and `rotation-method` take only their values (in JSX,
 * `view="pie"` is a type error).
 */
export interface RotascopeWidgetAttributes {
  /** URL of price JSON or CSV, the data inline (JSON or CSV text), or several sources: a JSON array, or URLs separated by spaces. Required unless `note` is given. */
  prices?: string;
  /** Default: `SPY` if loaded, else the first symbol. */
  benchmark?: string;
  /** `"IWM,IJR"`. Default: every loaded symbol but the benchmark. */
  symbols?: string;
  /** `"small: IWM IJR; large: SPY"` or JSON. Default: none. */
  baskets?: string;
  /** Default: none. */
  title?: string;
  /** `rotation` (default), `performance` or `trend`. */
  view?: View;
  /** `1W 1M 3M 6M YTD 1Y 3Y` or `YYYY-MM-DD`. Default `YTD`. */
  period?: PeriodInput;
  /** `YYYY-MM-DD`. Default: the last date in the data. */
  "as-of"?: string;
  /** JSON. Default `{"interval": "weekly", "window": 14, "tail": 10, "method": "log-trend"}`. */
  rotation?: string;
  /** `weekly` (default) or `daily`. */
  "rotation-interval"?: RotationInterval;
  /** Default `14`. */
  "rotation-window"?: string;
  /** Default `10`. */
  "rotation-tail"?: string;
  /** `log-trend` (default) or `zscore`. */
  "rotation-method"?: RotationMethod;
  /** `light`, `dark` or `auto` (default). */
  theme?: Theme;
  /** BCP 47 tag. Default: `lang` when given or found on the page, else the browser's. */
  locale?: string;
  /** `en`, `de`, `fr`, `es`, `it` or `ja`. Default: the nearest `lang` attribute around the element (the page's), else English. */
  lang?: string;
  /** JSON object of message keys and texts. Default: none. */
  messages?: string;
  /** CSS pixels, 120–4000. Default `480`. */
  height?: string;
  /** A URL, or the note as JSON text. Default: none. */
  note?: string;
  /** `"-0.6,-0.15,0.15,0.6"` (the default). */
  bands?: string;
  /** Percentage points. Default `0.5`. */
  tolerance?: string;
  /** `"false"` mounts at once. Default `true`. */
  lazy?: string;
  /** Seconds. Default `30`. */
  timeout?: string;
  /** Seconds, or `"false"`. Default `false`. */
  refresh?: string;
  /** `"true"` or a hash key. Default `false`. */
  permalink?: string;
}

export type RotascopeWidgetAttributeName = keyof RotascopeWidgetAttributes;

/** A `<rotascope-widget>` element: attributes are the config; removing it unmounts the widget. */
export interface RotascopeWidgetElement extends HTMLElement {}

// ---------------------------------------------------------------------------------------
// Events (they bubble and cross the shadow boundary: a listener on `document` sees every widget)

/** The `code` of a `rotascope:error` (README "Behaviour everywhere"). */
export type RotascopeErrorCode = "timeout" | "html" | "broken" | "cors" | "csp" | "network" | "status" | "data" | "config" | "wasm";

export interface RotascopeErrorDetail {
  code: RotascopeErrorCode;
  /** The message the widget shows. */
  message: string;
}

/** `rotascope:export`, fired before a PNG or CSV download; `preventDefault()` keeps the file from downloading. */
export interface RotascopeExportDetail {
  /** The file name, e.g. `rotascope-rotation-IWM-2026-11-20.png`. */
  name: string;
  /** Its MIME type. */
  type: string;
  blob: Blob;
}

/** `rotascope:alert`: a quadrant change that new data brought (not those there at first load), against the benchmark and interval the reader has chosen. */
export interface RotascopeAlertDetail {
  symbol: string;
  from: Quadrant;
  to: Quadrant;
  /** The day of the point where it happened (`YYYY-MM-DD`). */
  date: string;
  benchmark: string;
  interval: RotationInterval;
  /** At an unfinished week's point: it may still reverse. */
  partial: boolean;
}

export interface RotascopeEventMap {
  /** The widget's data has loaded and it is drawn. */
  "rotascope:ready": CustomEvent<null>;
  /** The widget cannot be shown; it says why on its card. */
  "rotascope:error": CustomEvent<RotascopeErrorDetail>;
  /** A PNG or CSV export is about to download (cancelable). */
  "rotascope:export": CustomEvent<RotascopeExportDetail>;
  /** A refresh brought a quadrant change. */
  "rotascope:alert": CustomEvent<RotascopeAlertDetail>;
}

// ---------------------------------------------------------------------------------------
// The JS API

/**
 * A mounted widget. It owns its element's widget until `unmount()` (removing the element from
 * the page does not end it) or until a later `mount()` on the same element replaces it.
 */
export interface WidgetHandle {
  /**
   * Settles once the widget is mounted (not loaded: see `rotascope:ready`); rejects when the
   * wasm cannot start, when `element` is not an element or matches none, or when the element
   * cannot hold a shadow root (a `<figure>`, one with a closed shadow root of its own).
   */
  readonly ready: Promise<void>;
  /**
   * Merges `partial` into the config and rebuilds the widget (`null`: re-reads the element's
   * attributes); rejects once a later `mount()` on the element replaced this widget.
   */
  update(partial?: RotascopeConfig | null): Promise<void>;
  /** Re-requests the prices and the note now (an unchanged file costs no redraw). */
  refresh(): Promise<void>;
  /** Removes the widget and everything it holds; the element is left empty. Does nothing once replaced. */
  unmount(): Promise<void>;
}

/** Options of `analyze()`. */
export interface AnalyzeOptions {
  /** The price data: an object, JSON or CSV text, a URL, `{ url, symbol }`, `{ csv, symbol }`, or a list of those. */
  prices: PriceInput;
  /** Default: `SPY` if loaded, else the first symbol. */
  benchmark?: string | null;
  /** Default: every loaded symbol but the benchmark. */
  symbols?: string | string[];
  baskets?: Baskets | null;
  /** `[long, short]` pairs of basket or symbol names. Default with two or more baskets: the first minus the second. */
  spreads?: Array<[string, string] | { long: string; short: string }>;
  /** Default: the last date. */
  asOf?: IsoDate | null;
  /** One or several periods. Default `YTD`. */
  period?: PeriodInput | PeriodInput[];
  /** Default `{ interval: "weekly", window: 14, tail: 10, method: "log-trend" }`. */
  rotation?: RotationOptions;
}

/** A period as the result names it: `"YTD"`, or `"since 2026-03-02"` for a start day. */
export type ResultPeriod = PeriodName | `since ${string}`;

export type Quadrant = "Leading" | "Weakening" | "Lagging" | "Improving";

export type Adjustment = "total_return" | "price_only" | "not_stated";

export interface PeriodReturn {
  symbol: string;
  period: ResultPeriod;
  /** The period's nominal start day. */
  period_start: string;
  /** Day of the base close (on or before `period_start`). */
  start_date: string;
  /** Day of the end close (on or before the as-of day). */
  end_date: string;
  start_close: number;
  end_close: number;
  return_pct: number;
  /** Minus the benchmark's return, in percentage points. */
  excess_pp: number;
  /** For periods of a year or more (1Y, 3Y, a start day at least a year back). */
  annualized_pct?: number;
}

export interface RotationSettings {
  interval: RotationInterval;
  window: number;
  tail: number;
  method: RotationMethod;
}

export interface RotationPoint {
  date: string;
  rs_ratio: number;
  rs_momentum: number;
  quadrant: Quadrant;
  /** Sampled from an unfinished week. */
  partial: boolean;
  /**
   * Direction of the last step in degrees, [0, 360): 0 = straight right (RS-Ratio rising),
   * 90 = straight up, counter-clockwise. `null` at a history's first point or after a step of
   * length zero.
   */
  heading_deg: number | null;
  /** The heading's compass sector (45° each, centred on E at 0°). */
  heading: Compass | null;
  /** Distance from 100/100: √((RS-Ratio − 100)² + (RS-Momentum − 100)²). */
  distance: number;
  /** Mean step length over the tail ending here, per sample (week or day); `null` without a step. */
  velocity: number | null;
}

export type Compass = "E" | "NE" | "N" | "NW" | "W" | "SW" | "S" | "SE";

export interface Transition {
  date: string;
  from: Quadrant;
  to: Quadrant;
  /** Happened at the unfinished week's point and may still reverse. */
  partial: boolean;
}

export interface SymbolRotation {
  symbol: string;
  /** The quadrant of the last point. */
  quadrant: Quadrant;
  /** Consecutive points in that quadrant, counting back from the last. */
  periods_in_quadrant: number;
  /** The last `tail` points, oldest first. */
  points: RotationPoint[];
  /** Every change of quadrant in the whole history, oldest first. */
  transitions: Transition[];
}

export interface BasketReturn {
  name: string;
  period: ResultPeriod;
  /** Members with a return, and their returns. */
  members: string[];
  member_returns_pct: number[];
  /** Members left out (no close on or before the base day). */
  excluded: string[];
  return_pct: number;
}

export interface SpreadReturn {
  long: string;
  short: string;
  period: ResultPeriod;
  long_return_pct: number;
  short_return_pct: number;
  spread_pp: number;
}

export interface TrendSummary {
  symbol: string;
  /** Day of the last close on or before the as-of day. */
  date: string;
  close: number;
  /** `null` with fewer than 50 closes. */
  sma50: number | null;
  /** `null` with fewer than 200 closes. */
  sma200: number | null;
  prior_high: number | null;
  prior_high_date: string | null;
  from_high_pct: number | null;
}

export type WarningCode =
  | "late_start"
  | "missing_closes"
  | "early_end"
  | "empty_series"
  | "ignored_field"
  | "ignored_option"
  | "mixed_adjustment"
  | "reversed"
  | "no_base_close"
  | "stale_close"
  | "period_clipped"
  | "rotation_skipped"
  | "basket_member_skipped"
  | "basket_empty"
  | "spread_skipped";

/** A recoverable problem the core worked around. */
export interface Warning {
  /** Stable machine-readable kind (later versions may add some). */
  code: WarningCode | (string & {});
  /** The symbol concerned, when there is one. */
  symbol?: string;
  message: string;
}

/** What `analyze()` resolves to (README "JavaScript API"). */
export interface AnalyzeResult {
  benchmark: string;
  as_of: string;
  adjustment: Adjustment;
  adjustment_text: string;
  /** Ranked best first within each period; periods in the order asked. */
  returns: PeriodReturn[];
  rotation_settings: RotationSettings;
  rotation: SymbolRotation[];
  /** Only when baskets were given. */
  baskets?: BasketReturn[];
  /** Only when there are spreads (asked for, or two or more baskets). */
  spreads?: SpreadReturn[];
  trend: TrendSummary[];
  warnings: Warning[];
}

/**
 * Resolves when the wasm is running and the page's placeholders are mounted; rejects with
 * the reason when it cannot start (every widget then says so).
 */
export declare const ready: Promise<void>;

/**
 * Returns, rotation, baskets, spreads and trend, computed in the browser. Bad input rejects
 * with an `Error` whose message is the one the widget shows.
 */
export declare function analyze(options: AnalyzeOptions): Promise<AnalyzeResult>;

/**
 * Mounts a widget in `element` (an element, or the id or CSS selector of one: `"chart"`,
 * `"#chart"`) with `config`, or with the element's own attributes when `config` is `null` or
 * left out; a widget the element already has is replaced. Returns its handle at once; calls
 * made before the wasm is ready wait for it.
 */
export declare function mount(element: HTMLElement | string, config?: MountConfig | null): WidgetHandle;

/** Mounts the `.rotascope` placeholders under `root` (default: the document) that have no widget yet. */
export declare function scan(root?: Document | Element): Promise<void>;

/**
 * The height rule (README "Height rule"): the height in CSS pixels of the box a widget with
 * `config` (as written: attribute strings or JSON values) keeps in a host `width` pixels wide,
 * from the first paint to a drawn chart. Available before the wasm has loaded.
 */
export declare function boxHeight(config: Partial<RotascopeConfig> | Record<string, unknown>, width: number): number;

/** `globalThis.Rotascope`, defined as soon as rotascope.js runs; its functions wait for the wasm. */
export interface RotascopeGlobal {
  analyze: typeof analyze;
  mount: typeof mount;
  scan: typeof scan;
  boxHeight: typeof boxHeight;
  ready: Promise<void>;
  /** The attributes `<rotascope-widget>` observes, from the wasm's own table. */
  configAttributes(): Promise<RotascopeWidgetAttributeName[]>;
  /** The bundle's version (the npm package's). */
  version(): Promise<string>;
  /** The loader's copy of the observed attributes (available before the wasm runs). */
  observedAttributes: readonly RotascopeWidgetAttributeName[];
}

declare global {
  // The events on every element, the document and the window (all extend this map).
  interface GlobalEventHandlersEventMap extends RotascopeEventMap {}

  interface HTMLElementTagNameMap {
    "rotascope-widget": RotascopeWidgetElement;
  }

  var Rotascope: RotascopeGlobal;
}
