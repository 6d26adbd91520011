/**
 * The task pane with Microsoft's own office.js in headless Chromium, under the production Content-Security-Policy
 * of taskpane.html (issue 12, §1). The production build is served on 127.0.0.1; requests for the Office CDN
 * (`https://appsforoffice.microsoft.com/lib/1/hosted/…`) are answered with the files of npm
 * `@microsoft/office-js` (in the test only — production loads the CDN), every other outside request is aborted.
 *
 * 1. The real `office.js` loader: it loads under the CSP (no violation, no page error) and, outside Office,
 *    reports no host, so the pane starts in browser dev mode.
 * 2. The real Excel client (`excel-web-16.00.js`) with the pane: the pane's `Excel.run` goes to the RichApi host
 *    emulator (test/support/richapi-emulator), reached through the page's own origin (`connect-src 'self'`), so
 *    Opret SØM-ark and Beregn run the production pane code through Microsoft's client under the CSP; the
 *    requests are counted on the wire.
 */
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, HTTPRequest, Page } from "puppeteer-core";
import { fakeWorkbook, PAYLOAD_LIMIT_BYTES } from "../support/fake-excel";
import {
  buildWithWebpack,
  describeWithChromium,
  launchChromium,
  ROOT,
} from "../support/pane-harness/chromium";
import { startRichApiEmulator, type RichApiEmulator } from "../support/richapi-emulator/emulator";
import { fillExample } from "./stub-host/fill-example";
import { evaluateTemplateFormula } from "./stub-host/template-formulas";

const ARTIFACTS = path.join(ROOT, "test", "artifacts");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const describeE2e = describeWithChromium(
  "e2e office.js",
  " Install Debian's chromium (apt-get install chromium).",
);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".json": "application/json",
};

/**
 * The built pane from `dir`, and `/richapi/…` passed on to the emulator (same origin as the page, as the CSP's
 * `connect-src 'self'` requires).
 */
function serve(dir: string, emulator: () => RichApiEmulator): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname.startsWith("/richapi/")) {
      const target = new URL(url.pathname.slice("/richapi/".length) + url.search, emulator().url);
      const fwd = http.request(
        target,
        {
          method: req.method,
          headers: { "content-type": req.headers["content-type"] ?? "application/json" },
        },
        (r) => {
          res.writeHead(r.statusCode ?? 500, {
            "content-type": r.headers["content-type"] ?? "application/json",
          });
          r.pipe(res);
        },
      );
      req.pipe(fwd);
      return;
    }
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** A file of the office.js package for a CDN path, or undefined (never outside the package folder). */
function officeFile(cdnPath: string): string | undefined {
  const file = path.normalize(path.join(OFFICE_DIST, cdnPath));
  if (!file.startsWith(OFFICE_DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile())
    return undefined;
  return file;
}

/**
 * What answers the page's office.js request in part 2: Microsoft's Excel client, then a host shim — `Office`
 * reporting Excel with ExcelApi up to 1.18, and `Excel.run` sending every batch to the emulator behind the
 * page's origin (`Excel.run({ session })`, the client's HTTP executor).
 */
const HOST_SHIM = `
;(function () {
  var session = location.origin + "/richapi/";
  var info = { host: "Excel", platform: "OfficeOnline" };
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    onReady: function (cb) { if (cb) cb(info); return Promise.resolve(info); },
    context: {
      displayLanguage: "da-DK",
      requirements: {
        isSetSupported: function (name, version) {
          return name === "ExcelApi" && Number(String(version || "1.1").split(".")[1]) <= 18;
        },
      },
    },
  };
  var run = Excel.run;
  Excel.run = function (a, b) {
    if (typeof a === "function") return run.call(Excel, { session: session }, a);
    return run.call(Excel, Object.assign({}, a, { session: session }), b);
  };
})();
`;

interface PageLog {
  readonly cdn: string[];
  readonly missing: string[];
  readonly blocked: string[];
  readonly errors: string[];
  readonly console: string[];
}

describeE2e("task pane with Microsoft's office.js under the production CSP", () => {
  let out = "";
  let server: http.Server;
  let base = "";
  let browser: Browser;
  let emu: RichApiEmulator;

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    out = fs.mkdtempSync(path.join(os.tmpdir(), "som-officejs-"));
    await buildWithWebpack("test/e2e/webpack.e2e.config.js", out, { args: ["--mode", "production"] });
    emu = await startRichApiEmulator(fakeWorkbook(), {
      apiVersion: "1.18",
      evaluate: evaluateTemplateFormula,
    });
    server = await serve(out, () => emu);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium(["--lang=da-DK"]);
  }, 240000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    await emu?.close();
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  /**
   * A page whose office.js request gets `officeJs` (or the package's files for every CDN path when undefined);
   * `cors: false` answers without the CDN's CORS header; `html` picks another page of the build.
   */
  async function open(
    officeJs?: string,
    { cors = true, html = "taskpane.html" }: { cors?: boolean; html?: string } = {},
  ): Promise<{ page: Page; log: PageLog }> {
    const page = await browser.newPage();
    await page.setViewport({ width: 360, height: 900, deviceScaleFactor: 1 });
    const log: PageLog = { cdn: [], missing: [], blocked: [], errors: [], console: [] };
    // every CSP violation, with what was blocked and which directive blocked it
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.setRequestInterception(true);
    page.on("request", (req: HTTPRequest) => {
      const url = req.url();
      if (url.startsWith(CDN)) {
        const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(CDN).pathname.length));
        log.cdn.push(rel);
        if (officeJs !== undefined && rel === "office.js")
          void req.respond({ status: 200, contentType: "text/javascript; charset=utf-8", body: officeJs });
        else {
          const file = officeJs === undefined ? officeFile(rel) : undefined;
          if (file === undefined) {
            log.missing.push(rel);
            void req.respond({ status: 404, body: "" });
          } else
            void req.respond({
              status: 200,
              contentType: TYPES[path.extname(file)] ?? "application/octet-stream",
              // as the CDN answers: office.js loads its helper files with crossorigin (CORS)
              headers: cors ? { "access-control-allow-origin": "*" } : {},
              body: fs.readFileSync(file),
            });
        }
      } else if (url.startsWith(`${base}/`) || url.startsWith("data:")) void req.continue();
      else {
        log.blocked.push(url);
        void req.abort();
      }
    });
    page.on("console", (m) => log.console.push(`${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => log.errors.push(String(e)));
    await page.goto(`${base}/${html}`, { waitUntil: "load" });
    return { page, log };
  }

  const violations = (page: Page): Promise<string[]> =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  it("Microsoft's office.js loads under the pane's CSP and, outside Office, reports no host (browser dev mode)", async () => {
    const { page, log } = await open();
    await page.waitForSelector("#dev-banner", { timeout: 30000 });
    expect(await violations(page)).toEqual([]);
    expect(log.errors).toEqual([]);
    expect(log.console.filter((c) => /Content.Security.Policy|Refused to/i.test(c))).toEqual([]);
    expect(log.cdn).toContain("office.js");
    // everything office.js asked its CDN for is in the package (nothing was served from anywhere else)
    expect(log.missing).toEqual([]);
    expect(log.blocked).toEqual([]);
    await page.close();
  }, 60000);

  it("the test sees a CSP that blocks office.js: the same page with the CDN left out of script-src", async () => {
    const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
    const strict = html.replace("script-src 'self' https://appsforoffice.microsoft.com", "script-src 'self'");
    expect(strict).not.toBe(html);
    fs.writeFileSync(path.join(out, "taskpane-strict.html"), strict);
    const { page } = await open(undefined, { html: "taskpane-strict.html" });
    await page.waitForFunction(
      () => (window as unknown as { cspViolations: string[] }).cspViolations.length > 0,
      {
        timeout: 10000,
      },
    );
    expect((await violations(page)).join(" ")).toMatch(
      /script-src.*appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/,
    );
    await page.close();
  }, 30000);

  it("office.js that never gets ready (its helper file refused by CORS) leaves a message, not «Indlæser SØM …»", async () => {
    const { page, log } = await open(undefined, { cors: false });
    await page.waitForSelector("#som-office-waiting", { timeout: 20000 });
    expect(await page.$eval("#som-office-waiting", (e) => e.textContent ?? "")).toMatch(
      /venter stadig på, at Excel/,
    );
    expect(log.console.join("\n")).toMatch(/CORS/);
    await page.screenshot({ path: path.join(ARTIFACTS, "office-js-waiting.png"), fullPage: true });
    await page.close();
  }, 40000);

  it("Opret SØM-ark, Beregn and Følsomhed through Microsoft's Excel client and the RichApi emulator, under the CSP", async () => {
    const client = fs.readFileSync(path.join(OFFICE_DIST, "excel-web-16.00.js"), "utf8");
    const { page, log } = await open(client + HOST_SHIM);
    await page.waitForSelector("#som-create", { timeout: 30000 });
    await page.click("#som-create");
    await page.waitForSelector(".status-box.success", { visible: true, timeout: 30000 });
    expect(emu.fake.model.sheets.map((s) => s.name)).toContain("Indstillinger");
    fillExample(emu.fake.model, "da");

    await emu.settle();
    emu.reset();
    await page.click("#som-calculate");
    await page.waitForSelector(".kf-card", { visible: true, timeout: 30000 });
    await page.waitForFunction(
      () => /^Beregnet/.test(document.querySelector("#status .status-text")?.textContent ?? ""),
      {
        timeout: 30000,
      },
    );
    await emu.settle();
    expect(emu.fake.model.sheets.map((s) => s.name)).toContain("Resultater");
    const calc = emu.requests.filter((r) => !r.cleanup);
    expect(calc.filter((r) => r.error !== undefined)).toEqual([]);
    // the first Beregn from the pane, with what the pane reads right after it; the repeat run's figure is in
    // test/office-js/flows.office-js.test.ts (5)
    expect(calc.length).toBeLessThanOrEqual(5);
    expect(Math.max(...emu.requests.map((r) => r.bytes))).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    console.log(
      `[office.js in Chromium] Beregn from the pane: ${calc.length} requests (+${emu.requests.length - calc.length} clean-up), ` +
        `largest ${Math.max(...emu.requests.map((r) => r.bytes))} B`,
    );

    await page.screenshot({ path: path.join(ARTIFACTS, "real-officejs-beregn.png"), fullPage: true });

    // Følsomhed from its tab, through the same client
    await emu.settle();
    emu.reset();
    await page.click("#tab-sensitivity");
    await page.click("#som-sensitivity-run");
    await page.waitForFunction(
      () =>
        document.querySelector("#som-sensitivity-results:not([hidden])") ||
        document.querySelector(".status-box.error"),
      { timeout: 60000 },
    );
    await page.waitForFunction(() => !document.querySelector("#app-body[aria-busy]"), { timeout: 30000 });
    expect(await page.$eval("#status .status-text", (e) => e.textContent ?? "")).toMatch(
      /Følsomhedsresultater/,
    );
    await emu.settle();
    expect(emu.fake.model.sheets.map((x) => x.name)).toContain("Følsomhedsresultater");
    const sens = emu.requests.filter((r) => !r.cleanup);
    expect(sens.filter((r) => r.error !== undefined)).toEqual([]);
    expect(sens.length).toBeLessThanOrEqual(7);
    console.log(`[office.js in Chromium] Følsomhed from the pane: ${sens.length} requests`);

    expect(await violations(page)).toEqual([]);
    expect(log.errors).toEqual([]);
    expect(log.blocked).toEqual([]);
    await page.close();
  }, 90000);
});
