/**
 * Microsoft's real Office.js client (npm `@microsoft/office-js`, `dist/excel-web-16.00.debug.js`) loaded into
 * this Node process — the client half of the Excel JavaScript API: proxies, `load`/`sync`, request batching,
 * `PropertyNotLoaded`, `*OrNullObject`, `OfficeExtension.Error` with `code` and `debugInfo`.
 * Node-only (test support). It needs a `window` (= globalThis) and a `navigator`; it sends requests with `fetch`.
 */
import { readFileSync } from "node:fs";

export interface OfficeJsClient {
  readonly Excel: typeof Excel;
  readonly OfficeExtension: typeof OfficeExtension;
}

const CLIENT_FILE = "@microsoft/office-js/dist/excel-web-16.00.debug.js";

/** Evaluate the client once per global scope (each jest test file has its own) and return its globals. */
export function loadOfficeJsClient(): OfficeJsClient {
  const g = globalThis as Record<string, unknown>;
  if (g.__somOfficeJsClient === undefined) {
    g.window ??= g;
    g.navigator ??= { userAgent: "node" };
    // indirect eval: the file declares its globals (Excel, OfficeExtension, OfficeCore, …) at top level
    (0, eval)(readFileSync(require.resolve(CLIENT_FILE), "utf8"));
    g.__somOfficeJsClient = { Excel: g.Excel, OfficeExtension: g.OfficeExtension };
  }
  return g.__somOfficeJsClient as OfficeJsClient;
}
