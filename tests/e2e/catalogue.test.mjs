// The catalogue of bad inputs: every surface a publisher feeds (CSV, the price contract, Yahoo
// chart JSON, several sources, the options, research notes, widget configs) with non-ASCII and invisible characters, line
// endings, quoting, separators, duplicates, extreme numbers and dates, very long lines and
// deep JSON. Each case: [surface, what, analyze() options, the exact message]. Every case
// must reject with exactly its message; no markup in any of them may run (a case that would
// run sets window.__ran); each price case mounted as a widget shows the same message on its
// error card as text; and a good widget on the same page still draws and answers afterwards.
//
// The messages were derived case by case: each names the file or field, the line, the cell
// or index, and what is wrong with it, in words a publisher can act on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSiteAndBrowser, watchProblems, waitForChart, DIST, htmlRoute } from "./harness.mjs";

const d = (...days) => days.map((x) => `2026-01-${String(x).padStart(2, "0")}`);
const ok2 = { SPY: [1, 2] };
// Enough for YTD: a close on 2025-12-31.
const ytd = { dates: ["2025-12-31", "2026-01-05", "2026-01-06"], series: { SPY: [1, 2, 3], IWM: [2, 3, 4] } };
const csv = (body) => ({ prices: body });
// A very long file: 200,000 daily rows from 1800-01-01, the last close unreadable. Its date
// by the calendar's own arithmetic (UTC milliseconds), not the widget's.
const LONG_ROWS = 200_000;
const isoDay = (k) => new Date(Date.UTC(1800, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
const longFile = `Date,Close\n${Array.from({ length: LONG_ROWS }, (_, k) => `${isoDay(k)},${k === LONG_ROWS - 1 ? "x" : 10 + (k % 7)}`).join("\n")}\n`;
const J = (o) => ({ prices: o });
const CASES = [
  // --- CSV: structure
  ["csv", "empty text", csv(""),
    "option `prices` = \"\": give a URL or the data itself"],
  ["csv", "only blank lines", csv("\n\n  \n"),
    "option `prices` = \"\\n\\n  \\n\": give a URL or the data itself"],
  ["csv", "header only", csv("Date,Close\n"),
    "prices.csv: the file has a header but no rows"],
  ["csv", "no Date column", csv("Day Close,Price\n2026-01-02,1\n"),
    "prices.csv: no `Date` column (the header is: Day Close, Price)"],
  ["csv", "no Close column", csv("Date,Open\n2026-01-02,1\n"),
    "prices.csv: no `Adj Close` or `Close` column (the header is: Date, Open)"],
  ["csv", "row with too many fields", csv("Date,Close\n2026-01-02,1,2\n"),
    "prices.csv: line 2 has 3 fields but the header has 2"],
  ["csv", "row with too few fields", csv("Date,Close,Volume\n2026-01-02,1\n"),
    "prices.csv: line 2 has 2 fields but the header has 3"],
  ["csv", "unclosed quote swallows the rest", csv('Date,Close\n"2026-01-02,1\n2026-01-05,2\n'),
    "prices.csv: line 2 opens a quoted field that is never closed"],
  ["csv", "semicolon file with a bad close", csv("Date;Close\n2026-01-02;1;5\n"),
    "prices.csv: line 2 has 3 fields but the header has 2"],
  ["csv", "tab file with a bad date", csv("Date\tClose\n02/01/2026\t1\n"),
    "prices.csv line 2, column Date = \"02/01/2026\" is not an ISO date (YYYY-MM-DD)"],
  ["csv", "duplicate date", csv("Date,Close\n2026-01-02,1\n2026-01-02,2\n"),
    "prices.csv line 3 = 2026-01-02 repeats the previous date 2026-01-02: dates must be strictly increasing"],
  ["csv", "dates out of order", csv("Date,Close\n2026-01-02,1\n2026-01-06,2\n2026-01-05,3\n"),
    "prices.csv line 4 = 2026-01-05 comes before the previous date 2026-01-06: dates must be strictly increasing"],
  ["csv", "long format row without its symbol", csv("Date,Symbol,Close\n2026-01-02,SPY,1\n2026-01-02, ,2\n"),
    "prices.csv: line 3, column Symbol is empty: give each row its symbol"],
  ["csv", "long format duplicate symbol date", csv("Symbol,Date,Close\nSPY,2026-01-02,1\nSPY,2026-01-02,2\n"),
    "prices.csv line 3 = 2026-01-02 repeats the previous date 2026-01-02: dates must be strictly increasing"],
  // --- CSV: dates
  ["csv", "en dash date", csv("Date,Close\n2026–01–02,1\n"),
    "prices.csv line 2, column Date = \"2026–01–02\" is written with \"–\" (U+2013) where an ISO date (YYYY-MM-DD) has a hyphen"],
  ["csv", "em dash date", csv("Date,Close\n2026—01—02,1\n"),
    "prices.csv line 2, column Date = \"2026—01—02\" is written with \"—\" (U+2014) where an ISO date (YYYY-MM-DD) has a hyphen"],
  ["csv", "minus sign date", csv("Date,Close\n2026−01−02,1\n"),
    "prices.csv line 2, column Date = \"2026−01−02\" is written with \"−\" (U+2212) where an ISO date (YYYY-MM-DD) has a hyphen"],
  ["csv", "slashes", csv("Date,Close\n2026/01/02,1\n"),
    "prices.csv line 2, column Date = \"2026/01/02\" is not an ISO date (YYYY-MM-DD)"],
  ["csv", "US order", csv("Date,Close\n01/02/2026,1\n"),
    "prices.csv line 2, column Date = \"01/02/2026\" is not an ISO date (YYYY-MM-DD)"],
  ["csv", "no such day", csv("Date,Close\n2026-02-30,1\n"),
    "prices.csv line 2, column Date = \"2026-02-30\" is no such day in the calendar"],
  ["csv", "month 13", csv("Date,Close\n2026-13-01,1\n"),
    "prices.csv line 2, column Date = \"2026-13-01\" is no such day in the calendar"],
  ["csv", "year zero", csv("Date,Close\n0000-01-01,1\n"),
    "prices.csv line 2, column Date = \"0000-01-01\" is outside the years 1800 to 9999 that price data can cover"],
  ["csv", "five-digit year", csv("Date,Close\n20260-01-02,1\n"),
    "prices.csv line 2, column Date = \"20260-01-02\" is not an ISO date (YYYY-MM-DD)"],
  ["csv", "fullwidth digits", csv("Date,Close\n２０２６-01-02,1\n"),
    "prices.csv line 2, column Date = \"２０２６-01-02\" is not an ISO date (YYYY-MM-DD)"],
  ["csv", "arabic-indic digits", csv("Date,Close\n٢٠٢٦-01-02,1\n"),
    "prices.csv line 2, column Date = \"٢٠٢٦-01-02\" is not an ISO date (YYYY-MM-DD)"],
  ["csv", "zero-width space in date", csv("Date,Close\n2026-01-\u200b02,1\n"),
    "prices.csv line 2, column Date = \"2026-01-​02\" is a date but for an invisible zero-width space (U+200B) in it"],
  ["csv", "RTL mark before date", csv("Date,Close\n\u200f2026-01-02,1\n"),
    "prices.csv line 2, column Date = \"‏2026-01-02\" is a date but for an invisible right-to-left mark (U+200F) in it"],
  ["csv", "NBSP inside date", csv("Date,Close\n2026-01-\u00a002,1\n"),
    "prices.csv line 2, column Date = \"2026-01- 02\" is a date but for an invisible no-break space (U+00A0) in it"],
  ["csv", "date then junk", csv("Date,Close\n2026-01-02x,1\n"),
    "prices.csv line 2, column Date = \"2026-01-02x\" is not an ISO date (YYYY-MM-DD)"],
  ["csv", "emoji in date", csv("Date,Close\n2026-01-0😀,1\n"),
    "prices.csv line 2, column Date = \"2026-01-0😀\" is not an ISO date (YYYY-MM-DD)"],
  ["csv", "combining accent in date", csv("Date,Close\n2026-01-0\u03012,1\n"),
    "prices.csv line 2, column Date = \"2026-01-0́2\" is not an ISO date (YYYY-MM-DD)"],
  ["csv", "empty date", csv("Date,Close\n,1\n"),
    "prices.csv line 2, column Date = \"\" is not an ISO date (YYYY-MM-DD)"],
  // --- CSV: closes
  ["csv", "negative close", csv("Date,Close\n2026-01-02,-1\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close -1 is negative; closes must be positive numbers or null"],
  ["csv", "zero close", csv("Date,Close\n2026-01-02,0\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close 0 is zero; closes must be positive numbers or null"],
  ["csv", "overflowing close", csv("Date,Close\n2026-01-02,1e309\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close 1e309 is not a finite number; closes must be positive numbers or null"],
  ["csv", "NaN close", csv("Date,Close\n2026-01-02,NaN\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close NaN is not a finite number; closes must be positive numbers or null"],
  ["csv", "inf close", csv("Date,Close\n2026-01-02,inf\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close inf is not a finite number; closes must be positive numbers or null"],
  ["csv", "thousands separator", csv("Date,Close\n2026-01-02,\"1,234.5\"\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close 1,234.5 is not a number; closes must be positive numbers or null"],
  ["csv", "currency sign", csv("Date,Close\n2026-01-02,$12.5\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close $12.5 is not a number; closes must be positive numbers or null"],
  ["csv", "percent", csv("Date,Close\n2026-01-02,12%\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close 12% is not a number; closes must be positive numbers or null"],
  ["csv", "NBSP thousands", csv("Date;Close\n2026-01-02;1\u00a0234,5\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close 1 234,5 is not a number; closes must be positive numbers or null"],
  ["csv", "semicolon file, 1.234 with nothing to tell", csv("Date;Close\n2026-01-02;7\n2026-01-05;1.234\n"),
    "PRICES on 2026-01-05 (prices.csv line 3, column Close): close 1.234 could be 1.234 or 1234: nothing in the Close column shows whether its dots are decimal points or separate thousands; write a decimal comma (1,234) or no thousands dot (1234)"],
  ["csv", "semicolon file, a decimal point among decimal commas", csv("Date;Close\n2026-01-02;1.000,5\n2026-01-05;1.5\n"),
    "PRICES on 2026-01-05 (prices.csv line 3, column Close): close 1.5 cannot be read: the Close column writes decimal commas, where a dot can only separate thousands (1.000,5)"],
  ["csv", "fullwidth digits close", csv("Date,Close\n2026-01-02,１２\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close １２ is not a number; closes must be positive numbers or null"],
  ["csv", "zero-width in close", csv("Date,Close\n2026-01-02,1\u200b2\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close 1​2 is not a number; closes must be positive numbers or null"],
  ["csv", "hex close", csv("Date,Close\n2026-01-02,0x1A\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close 0x1A is not a number; closes must be positive numbers or null"],
  ["csv", "two dots", csv("Date,Close\n2026-01-02,1.2.3\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close 1.2.3 is not a number; closes must be positive numbers or null"],
  ["csv", "all closes missing", csv("Date,Close\n2026-01-02,null\n2026-01-05,NA\n"),
    "no data: every series is empty (all null)"],
  ["csv", "markup in a close", csv("Date,Close\n2026-01-02,<img src=x onerror=window.__ran=1>\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close <img src=x onerror=window.__ran=1> is not a number; closes must be positive numbers or null"],
  ["csv", "markup in a symbol and a bad close", csv("Symbol,Date,Close\n<b onmouseover=window.__ran=1>X</b>,2026-01-02,-3\n"),
    "<B ONMOUSEOVER=WINDOW.__RAN=1>X</B> on 2026-01-02 (prices.csv line 2): close -3 is negative; closes must be positive numbers or null"],
  ["csv", "very long line", csv("Date,Close\n2026-01-02," + "9".repeat(5000) + "x\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close 9999999999999999999999999999999999999999… (5001 characters) is not a number; closes must be positive numbers or null"],
  ["csv", "BOM then no Date", csv("\ufeffWhen,Close\n2026-01-02,1\n"),
    "prices.csv: no `Date` column (the header is: When, Close)"],
  ["csv", "a 200,000-line file with a bad last close", csv(longFile),
    `PRICES on ${isoDay(LONG_ROWS - 1)} (prices.csv line ${LONG_ROWS + 1}): close x is not a number; closes must be positive numbers or null`],
  ["csv", "CRLF bad close line 3", csv("Date,Close\r\n2026-01-02,1\r\n2026-01-05,x\r\n"),
    "PRICES on 2026-01-05 (prices.csv line 3): close x is not a number; closes must be positive numbers or null"],
  ["csv", "lone CR bad close line 3", csv("Date,Close\r2026-01-02,1\r2026-01-05,x\r"),
    "PRICES on 2026-01-05 (prices.csv line 3): close x is not a number; closes must be positive numbers or null"],
  ["csv", "quoted newline then bad close", csv('Name,Date,Close\n"a\nb",2026-01-02,1\nc,2026-01-05,x\n'),
    "PRICES on 2026-01-05 (prices.csv line 4): close x is not a number; closes must be positive numbers or null"],
  ["csv", "year out of range", csv("Date,Close\n0206-01-02,1\n"),
    "prices.csv line 2, column Date = \"0206-01-02\" is outside the years 1800 to 9999 that price data can cover"],
  ["csv", "unclosed quote at the end", csv('Date,Close\n2026-01-02,"1\n'),
    "prices.csv: line 2 opens a quoted field that is never closed"],
  ["csv", "tab file, close with comma", csv("Date\tClose\n2026-01-02\t1,5\n"),
    "PRICES on 2026-01-02 (prices.csv line 2): close 1,5 is not a number; closes must be positive numbers or null"],
  ["csv", "duplicate Close columns, bad second", csv("Date,Close,Close\n2026-01-02,1,x\n"),
    "prices.csv: the header names `Close` twice (columns 2 and 3): keep the one that holds the data"],
  ["csv", "named source, bad close", { prices: { csv: "Date,Close\n2026-01-02,-2\n", symbol: "IWM" } },
    "IWM on 2026-01-02 (IWM line 2): close -2 is negative; closes must be positive numbers or null"],
  // --- contract JSON: envelope
  ["json", "not JSON", J("{dates:"),
    "prices are not valid JSON: key must be a string at line 1 column 2"],
  ["json", "trailing comma", J('{"dates":["2026-01-02"],"series":{"SPY":[1],}}'),
    "prices are not valid JSON: trailing comma at line 1 column 45"],
  // A JSON array in one text is a list of sources (price data is an object).
  ["json", "an array", J("[1,2,3]"),
    "option `prices[0]` = 1: a list holds sources, each a URL, CSV or JSON text, or an object: { \"url\": …, \"symbol\": …, \"adjusted\": … }, { \"csv\": …, \"symbol\": …, \"adjusted\": … }, or the price data"],
  ["json", "a number", J("42"),
    "could not load 42: the server answered 404 Not Found"],
  ["json", "no dates", J({ series: ok2 }),
    "`prices.dates` should be present, but it is missing"],
  ["json", "no series", J({ dates: d(5, 6) }),
    "`prices.series` should be present, but it is missing"],
  ["json", "dates not a list", J({ dates: "2026-01-05", series: ok2 }),
    "`dates` should be an array of ISO dates, but it is the text \"2026-01-05\""],
  ["json", "series a list", J({ dates: d(5, 6), series: [1, 2] }),
    "`series` should be an object mapping each symbol to its closes, but it is an array of 2 items"],
  ["json", "series of a symbol not a list", J({ dates: d(5, 6), series: { SPY: 1 } }),
    "`series.SPY` should be an array of closes, but it is the number 1"],
  ["json", "empty symbol", J({ dates: d(5, 6), series: { "": [1, 2] } }),
    "`series` should be keyed by non-empty symbols, but it is a key \"\""],
  ["json", "blank symbol", J({ dates: d(5, 6), series: { "  ": [1, 2] } }),
    "`series` should be keyed by non-empty symbols, but it is a key \"  \""],
  ["json", "duplicate symbol in text", J('{"dates":["2026-01-05"],"series":{"SPY":[1],"SPY":[2]}}'),
    "symbol \"SPY\" is given more than once; give each symbol in one source only"],
  ["json", "deeply nested", J("[".repeat(5000) + "]".repeat(5000)),
    "option `prices` = \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[… (10000 characters)\": a text starting with [ is read as a JSON list of sources, but it is not valid JSON (recursion limit exceeded at line 1 column 128)"],
  ["json", "deep inside series", J({ dates: d(5), series: { SPY: [[[[[[1]]]]]] } }),
    "`series.SPY[0] (2026-01-05)` should be a number or null, but it is an array of 1 items"],
  ["json", "date a number", J({ dates: [20260105], series: { SPY: [1] } }),
    "`dates[0]` should be an ISO date text (YYYY-MM-DD), but it is the number 20260105"],
  ["json", "date with time", J({ dates: ["2026-01-05T00:00:00Z"], series: { SPY: [1] } }),
    "dates[0] = \"2026-01-05T00:00:00Z\" is not an ISO date (YYYY-MM-DD)"],
  ["json", "date en dash", J({ dates: ["2026–01–05"], series: { SPY: [1] } }),
    "dates[0] = \"2026–01–05\" is written with \"–\" (U+2013) where an ISO date (YYYY-MM-DD) has a hyphen"],
  ["json", "date far future ok then order", J({ dates: ["9999-12-31", "2026-01-05"], series: { SPY: [1, 2] } }),
    "dates[1] = 2026-01-05 comes before the previous date 9999-12-31: dates must be strictly increasing"],
  ["json", "close true", J({ dates: d(5), series: { SPY: [true] } }),
    "`series.SPY[0] (2026-01-05)` should be a number or null, but it is the boolean true"],
  ["json", "close object", J({ dates: d(5), series: { SPY: [{ v: 1 }] } }),
    "`series.SPY[0] (2026-01-05)` should be a number or null, but it is an object"],
  ["json", "close huge", J('{"dates":["2026-01-05"],"series":{"SPY":[1e400]}}'),
    "prices are not valid JSON: number out of range at line 1 column 46"],
  ["json", "close tiny negative", J({ dates: d(5), series: { SPY: [-1e-300] } }),
    "SPY on 2026-01-05 (series.SPY[0]): close -1e-300 is negative; closes must be positive numbers or null"],
  ["json", "too many closes", J({ dates: d(5), series: { SPY: [1, 2] } }),
    "series \"SPY\" has 2 closes but `dates` has 1: give one close (or null) per date"],
  ["json", "meta not an object", J({ dates: d(5), series: { SPY: [1] }, meta: 3 }),
    "`meta` should be an object mapping symbols to { name, group }, but it is the number 3"],
  ["json", "escaped control character in a date", J('{"dates":["2026-01-0\\u0000"],"series":{"SPY":[1]}}'),
    "dates[0] = \"2026-01-0\u0000\" is not an ISO date (YYYY-MM-DD)"],
  ["json", "lone surrogate", J('{"dates":["\\ud800"],"series":{"SPY":[1]}}'),
    "prices are not valid JSON: unexpected end of hex escape at line 1 column 18"],
  ["json", "BOM then bad", J("\ufeff{\"dates\":1}"),
    "`dates` should be an array of ISO dates, but it is the number 1"],
  ["json", "markup symbol with bad close", J({ dates: d(5), series: { "<script>window.__ran=1</script>": [-1] } }),
    "<script>window.__ran=1</script> on 2026-01-05 (series.<script>window.__ran=1</script>[0]): close -1 is negative; closes must be positive numbers or null"],
  // --- Yahoo chart
  ["yahoo", "error response", J({ chart: { result: null, error: { code: "Not Found", description: "No data found, symbol may be delisted" } } }),
    "no data: the chart response is an error: No data found, symbol may be delisted"],
  ["yahoo", "no result", J({ chart: { result: [], error: null } }),
    "no data: `chart.result` is empty"],
  ["yahoo", "no timestamps", J({ chart: { result: [{ meta: { symbol: "IWM" }, indicators: { quote: [{ close: [1] }] } }], error: null } }),
    "`chart.result[0].timestamp` should be an array of Unix times, but it is null"],
  ["yahoo", "closes not numbers", J({ chart: { result: [{ meta: { symbol: "IWM" }, timestamp: [1767571200], indicators: { quote: [{ close: ["x"] }] } }], error: null } }),
    "`chart.result[0].indicators.quote[0].close[0] (2026-01-05)` should be a number or null, but it is the text \"x\""],
  ["yahoo", "length mismatch", J({ chart: { result: [{ meta: { symbol: "IWM" }, timestamp: [1767571200, 1767657600], indicators: { quote: [{ close: [1] }] } }], error: null } }),
    "series \"IWM\" has 1 closes but `dates` has 2: give one close (or null) per date"],
  ["yahoo", "negative close", J({ chart: { result: [{ meta: { symbol: "IWM" }, timestamp: [1767571200], indicators: { quote: [{ close: [-2] }] } }], error: null } }),
    "IWM on 2026-01-05 (chart.result[0].indicators.quote[0].close[0]): close -2 is negative; closes must be positive numbers or null"],
  ["yahoo", "no symbol", J({ chart: { result: [{ meta: {}, timestamp: [1767571200], indicators: { quote: [{ close: [2] }] } }], error: null } }),
    "`chart.result[0].meta.symbol` should be the symbol's text, but it is null"],
  ["yahoo", "timestamps out of order", J({ chart: { result: [{ meta: { symbol: "IWM" }, timestamp: [1767657600, 1767571200], indicators: { quote: [{ close: [1, 2] }] } }], error: null } }),
    "chart.result[0].timestamp[1] = 2026-01-05 comes before the previous date 2026-01-06: dates must be strictly increasing"],
  // --- sources
  ["sources", "same symbol twice across sources", { prices: [{ dates: d(5), series: { SPY: [1] } }, { dates: d(6), series: { SPY: [2] } }] },
    "symbol \"SPY\" is given more than once; give each symbol in one source only"],
  ["sources", "a source of the wrong type", { prices: [42] },
    "option `prices[0]` = 42: a list holds sources, each a URL, CSV or JSON text, or an object: { \"url\": …, \"symbol\": …, \"adjusted\": … }, { \"csv\": …, \"symbol\": …, \"adjusted\": … }, or the price data"],
  ["sources", "object source without csv or url", { prices: { symbol: "SPY" } },
    "`prices.dates` should be present, but it is missing"],
  ["sources", "URL 404", { prices: "/nope/prices.json" },
    "could not load /nope/prices.json: the server answered 404 Not Found"],
  ["sources", "a javascript: URL", { prices: "javascript:window.__ran=1" },
    "option `prices` = \"javascript:window.__ran=1\": a javascript: address cannot be downloaded; give an https:// URL or a path on this site, or the data itself"],
  ["sources", "a data: URL in a list", { prices: ["/data/sample-prices.json", { url: "data:text/csv,Date,Close%0A2026-01-02,1", symbol: "X" }] },
    "option `prices[1].url` = \"data:text/csv,Date,Close%0A2026-01-02,1\": a data: address cannot be downloaded; give an https:// URL or a path on this site, or the data itself"],
  ["sources", "a JSON list in one text holding rows, not sources", { prices: '[["2026-01-02", 1]]' },
    "option `prices[0]` = [\"2026-01-02\",1]: a list holds sources, each a URL, CSV or JSON text, or an object: { \"url\": …, \"symbol\": …, \"adjusted\": … }, { \"csv\": …, \"symbol\": …, \"adjusted\": … }, or the price data"],
  ["sources", "a JSON list in one text that is not valid JSON", { prices: '["a.csv", "b.csv"' },
    "option `prices` = \"[\\\"a.csv\\\", \\\"b.csv\\\"\": a text starting with [ is read as a JSON list of sources, but it is not valid JSON (EOF while parsing a list at line 1 column 17)"],
  ["sources", "a list of URLs in one text with a javascript: one", { prices: "/data/sample-prices.json javascript:window.__ran=1" },
    "option `prices[1]` = \"javascript:window.__ran=1\": a javascript: address cannot be downloaded; give an https:// URL or a path on this site, or the data itself"],
  ["sources", "adjusted a text", { prices: [{ url: "/data/sample-prices.json", adjusted: "yes" }] },
    "option `prices[0].adjusted` = \"yes\": use true (total-return closes, dividends reinvested) or false (price closes)"],
  ["sources", "symbol a number", { prices: [{ csv: "Date,Close\n2026-01-02,1\n", symbol: 7 }] },
    "option `prices[0].symbol` = 7: give the symbol as a text"],
  // --- options (analyze) and config
  ["options", "benchmark unknown", { prices: ytd, benchmark: "<img src=x onerror=window.__ran=1>" },
    "unknown benchmark \"<img src=x onerror=window.__ran=1>\": the prices have SPY, IWM"],
  ["options", "benchmark number", { prices: ytd, benchmark: 5 },
    "option `benchmark` = 5: expected a text"],
  ["options", "symbols number", { prices: ytd, symbols: 3 },
    "option `symbols` = 3: expected a list of symbols"],
  ["options", "symbols unknown zero-width", { prices: ytd, symbols: ["SPY\u200b"] },
    "unknown symbol \"SPY​\": the prices have SPY, IWM"],
  ["options", "period impossible day", { prices: ytd, period: "2026-02-30" },
    "option `period` = \"2026-02-30\": use 1W, 1M, 3M, 6M, YTD, 1Y, 3Y or a start date YYYY-MM-DD"],
  ["options", "period list with a bad one", { prices: ytd, period: ["YTD", "5Y"] },
    "option `period` = \"5Y\": use 1W, 1M, 3M, 6M, YTD, 1Y, 3Y or a start date YYYY-MM-DD"],
  ["options", "asOf en dash", { prices: ytd, asOf: "2026–01–06" },
    "option `asOf` = \"2026–01–06\": written with \"–\" (U+2013) where an ISO date (YYYY-MM-DD) has a hyphen"],
  ["options", "rotation not object", { prices: ytd, rotation: "weekly" },
    "option `rotation` = \"weekly\": expected { interval, window, tail, method } (as JSON in an attribute)"],
  ["options", "rotation interval", { prices: ytd, rotation: { interval: "hourly" } },
    "option `rotation.interval` = \"hourly\": use one of weekly, daily"],
  ["options", "rotation window fraction", { prices: ytd, rotation: { window: 2.5 } },
    "option `rotation.window` = 2.5: use a whole number of at least 2"],
  ["options", "rotation tail zero", { prices: ytd, rotation: { tail: 0 } },
    "option `rotation.tail` = 0: use a whole number of at least 1"],
  ["options", "baskets bad shape", { prices: ytd, baskets: 7 },
    "option `baskets` = 7: expected an object of symbol lists"],
  ["options", "basket unknown member", { prices: ytd, baskets: { small: ["QQQ"] } },
    "unknown basket \"small\" member \"QQQ\": the prices have SPY, IWM"],
  ["options", "options an array", ["SPY"],
    "option `options` should be an object with at least `prices`"],
  ["options", "options null", null,
    "option `options` should be an object with at least `prices`"],
  ["options", "spreads bad", { prices: ytd, baskets: { a: ["SPY"], b: ["SPY"] }, spreads: [["a"]] },
    "option `spreads[0]` = [\"a\"]: give [long, short] or { long, short } with basket or symbol names"],
  ["options", "spreads unknown basket", { prices: ytd, baskets: { a: ["SPY"], b: ["SPY"] }, spreads: [["a", "c"]] },
    "unknown spread leg (basket or symbol) \"c\": the prices have SPY, IWM"],
];

// Surfaces only a widget reads: the research note and the widget config (as mount() and
// attributes give it). [surface, what, config, the exact message on the card].
const P = "/data/sample-prices.json";
const WIDGET_CASES = [
  ["note", "not JSON", { note: "{summary" },
    "option `note` = \"{summary\": the text starts like JSON but is not valid JSON (key must be a string at line 1 column 2)"],
  ["note", "an array", { note: [1, 2] },
    "option `note` = [1,2]: give a URL or an inline object"],
  ["note", "summary a number", { note: { summary: 5 } },
    "`note.summary` should be a text, but it is the number 5"],
  ["note", "score out of range", { note: { summary: "s", sentiment: { label: "positive", score: 3 } } },
    "the sentiment score 3 is outside −1..1"],
  ["note", "score a text", { note: { summary: "s", sentiment: { label: "positive", score: "high" } } },
    "the sentiment score is missing or not a number"],
  ["note", "published en dash", { note: { summary: "s", published: "2026–02–04" } },
    "`note.published` = \"2026–02–04\" is written with \"–\" (U+2013) where an ISO date (YYYY-MM-DD) has a hyphen"],
  ["note", "markup in the summary and a bad score", { note: { summary: "<img src=x onerror=window.__ran=1>", sentiment: { label: "positive", score: 9 } } },
    "the sentiment score 9 is outside −1..1"],
  ["note", "claims not a list", { note: { summary: "s", claims: 3 } },
    "`note.claims` should be a list of claims, but it is the number 3"],
  ["config", "height a word", { prices: P, height: "tall" },
    "option `height` = \"tall\": expected a number"],
  ["config", "height too small", { prices: P, height: 10 },
    "option `height` = 10: use a height between 120 and 4000 pixels"],
  ["config", "view unknown", { prices: P, view: "pie" },
    "option `view` = \"pie\": use one of rotation, performance, trend"],
  ["config", "theme unknown", { prices: P, theme: "sepia" },
    "option `theme` = \"sepia\": use one of light, dark, auto"],
  ["config", "bands out of order", { prices: P, bands: "0.5,-0.5,0.1,0.2" },
    "option `bands` = \"0.5,-0.5,0.1,0.2\": band cut points must be four increasing numbers within −1..1, got [0.5, -0.5, 0.1, 0.2]"],
  ["config", "timeout zero", { prices: P, timeout: 0 },
    "option `timeout` = 0: use a number of seconds from 0.1 to 600"],
  ["config", "lazy maybe", { prices: P, lazy: "maybe" },
    "option `lazy` = \"maybe\": use true or false"],
  ["config", "tolerance negative", { prices: P, tolerance: -1 },
    "option `tolerance` = -1: use a number of percentage points, 0 or more"],
  ["config", "tolerance above 100 pp", { prices: P, tolerance: 250 },
    "option `tolerance` = 250: use at most 100 percentage points"],
  ["config", "rotation tail RTL mark", { prices: P, rotationTail: "\u200f10" },
    "option `rotation.tail` = \"‏10\": expected a number"],
  ["config", "period en dash day", { prices: P, period: "2026–01–02" },
    "option `period` = \"2026–01–02\": use 1W, 1M, 3M, 6M, YTD, 1Y, 3Y or a start date YYYY-MM-DD"],
  ["config", "no prices and no note", { title: "x" },
    "option `prices` = missing: give the URL of the price data or the data inline"],
];


const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>catalogue</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="/rotascope.js"></script></head><body>
<div class="rotascope" data-testid="good" data-prices="/data/sample-prices.json" data-lazy="false"></div>
<div id="bad"></div>
</body></html>`;

const session = useSiteAndBrowser(DIST, { routes: { "/catalogue.html": htmlRoute(PAGE) } });

test(`the catalogue: ${CASES.length + WIDGET_CASES.length} bad inputs, each with its exact message, none running markup, a good widget drawing throughout`, async () => {
  assert.ok(CASES.length + WIDGET_CASES.length >= 100);
  const page = await session.browser.newPage({ viewport: { width: 1000, height: 900 } });
  const problems = watchProblems(page);
  await page.goto(`${session.url}catalogue.html`);
  await waitForChart(page, "[data-testid=good]");
  const options = CASES.map((c) => c[2]);
  const outcomes = await page.evaluate(async (all) => {
    const out = [];
    for (const o of all) {
      try {
        await globalThis.Rotascope.analyze(o);
        out.push({ resolved: true });
      } catch (e) {
        out.push({ isError: e instanceof Error, message: e.message });
      }
    }
    return out;
  }, options);
  CASES.forEach(([surface, what, , expected], i) => {
    assert.deepEqual(outcomes[i], { isError: true, message: expected }, `${surface}: ${what}`);
  });

  // The price cases as widgets, all on the page at once beside the good one.
  const priceCases = CASES.map((c, i) => [i, c]).filter(([, [surface]]) => ["csv", "json", "yahoo", "sources"].includes(surface));
  const cards = await page.evaluate(async (cases) => {
    const holder = document.getElementById("bad");
    const handles = cases.map(([i, [, , o]]) => {
      const el = document.createElement("div");
      el.dataset.case = String(i);
      holder.append(el);
      return [i, el, globalThis.Rotascope.mount(el, { prices: o.prices, lazy: false })];
    });
    const messageOf = (el) => el.shadowRoot?.querySelector(".rs-error-message")?.textContent;
    for (let frame = 0; frame < 600 && handles.some(([, el]) => messageOf(el) === undefined); frame++) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    return handles.map(([i, el]) => ({ i, message: messageOf(el), markup: el.shadowRoot?.querySelectorAll("script, img, b").length ?? -1 }));
  }, priceCases);
  for (const { i, message, markup } of cards) {
    const [surface, what, , expected] = CASES[i];
    assert.equal(message, expected, `widget, ${surface}: ${what}`);
    assert.equal(markup, 0, `widget, ${surface}: ${what}: markup became elements`);
  }
  // Notes and configs, as widgets.
  const widgetCards = await page.evaluate(async (cases) => {
    const holder = document.getElementById("bad");
    const els = cases.map(([, , config]) => {
      const el = document.createElement("div");
      holder.append(el);
      globalThis.Rotascope.mount(el, { lazy: false, ...config });
      return el;
    });
    const messageOf = (el) => el.shadowRoot?.querySelector(".rs-error-message")?.textContent;
    for (let frame = 0; frame < 600 && els.some((el) => messageOf(el) === undefined); frame++) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    return els.map((el) => ({ message: messageOf(el), markup: el.shadowRoot?.querySelectorAll("script, img").length ?? -1 }));
  }, WIDGET_CASES);
  WIDGET_CASES.forEach(([surface, what, , expected], i) => {
    assert.equal(widgetCards[i].message, expected, `widget, ${surface}: ${what}`);
    assert.equal(widgetCards[i].markup, 0, `widget, ${surface}: ${what}: markup became elements`);
  });
  assert.equal(await page.evaluate(() => window.__ran), undefined, "markup in an input ran");
  assert.equal(await page.locator("[data-testid=fatal]").count(), 0, "a widget stopped");
  // The good widget still draws and still answers: scrub it and it redraws.
  await waitForChart(page, "[data-testid=good]");
  const slider = page.locator("[data-testid=good] [data-testid=scrub]");
  const before = await page.locator("[data-testid=good] canvas").first().screenshot();
  await slider.evaluate((s) => {
    s.value = String(Number(s.max) - 20);
    s.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelector("[data-testid=good]").shadowRoot.querySelector("[data-testid=scrub-date]")?.textContent !== "");
  await waitForChart(page, "[data-testid=good]");
  const after = await page.locator("[data-testid=good] canvas").first().screenshot();
  assert.notDeepEqual(after, before, "the good widget redrew after the scrub");
  // The browser notes the two deliberate 404s (a number and a missing file taken as URLs).
  assert.deepEqual(problems.filter((p) => !/404 \(Not Found\)|nope\/prices\.json|\/42\b/.test(p)), []);
  await page.close();
});
