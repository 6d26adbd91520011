/**
 * Node side of the headless-Chromium page tests (Debian /usr/bin/chromium via puppeteer-core; no browser is
 * downloaded): a `describe` skipped with a message when Chromium is missing, a webpack build in a child process,
 * and a page set from a string with the built pane script, every network request aborted and recorded, and
 * page errors collected. Helpers to read `window.paneTest` notes (see pane-test-api.ts). The task-pane e2e
 * suite (test/e2e) uses the skip, build and launch helpers with its own served page.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import type { Note } from "./pane-test-api";

export type { Note, PaneTest } from "./pane-test-api";

export const ROOT = path.resolve(__dirname, "../../..");
export const CHROMIUM = process.env.SOM_CHROMIUM ?? "/usr/bin/chromium";

/** `describe` when Chromium exists; otherwise `describe.skip`, after printing `[label] SKIPPED: … not found.` */
export function describeWithChromium(label: string, hint = ""): jest.Describe {
  if (fs.existsSync(CHROMIUM)) return describe;
  console.log(`[${label}] SKIPPED: ${CHROMIUM} not found.${hint}`);
  return describe.skip;
}

/**
 * Runs webpack with `config` (relative to the repository root) and `--env out=<out>` in a child process
 * (webpack does not run under the tests' frozen intrinsics); rejects with the end of webpack's log on failure.
 */
export function buildWithWebpack(
  config: string,
  out: string,
  options: { args?: readonly string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        require.resolve("webpack-cli/bin/cli.js"),
        "--config",
        config,
        ...(options.args ?? []),
        "--env",
        `out=${out}`,
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], ...(options.env ? { env: options.env } : {}) },
    );
    let log = "";
    child.stdout.on("data", (d: Buffer) => (log += d.toString()));
    child.stderr.on("data", (d: Buffer) => (log += d.toString()));
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`webpack failed (${code}):\n${log.slice(-4000)}`)),
    );
  });
}

/** Headless Chromium with the flags every page test uses, plus `extraArgs` (such as `--lang=da-DK`). */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const puppeteer = await import("puppeteer-core");
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", ...extraArgs],
  });
}

export interface PaneHarness {
  /** Every page error and console error, in order. */
  readonly errors: string[];
  /** Every network request the page tried (all aborted). */
  readonly requests: string[];
  /** Builds the pane, opens it in Chromium and waits for `readySelector`; returns the page. */
  start(): Promise<Page>;
  /** Closes the browser and removes the build folder. */
  stop(): Promise<void>;
}

/**
 * A single-panel page: `config` is the pane's webpack config (relative to the repository root), built into a
 * new temporary folder named `tmpPrefix…`; the page (360 × 900) is set from a string with a `#root` element and
 * the built pane.js, and is ready once `readySelector` is present.
 */
export function paneHarness(options: {
  config: string;
  tmpPrefix: string;
  readySelector: string;
}): PaneHarness {
  const errors: string[] = [];
  const requests: string[] = [];
  let out = "";
  let browser: Browser | undefined;
  return {
    errors,
    requests,
    async start() {
      out = fs.mkdtempSync(path.join(os.tmpdir(), options.tmpPrefix));
      await buildWithWebpack(options.config, out);
      const js = fs.readFileSync(path.join(out, "pane.js"), "utf8");
      browser = await launchChromium();
      const page = await browser.newPage();
      await page.setViewport({ width: 360, height: 900 });
      await page.setRequestInterception(true);
      page.on("request", (req) => {
        if (req.url().startsWith("data:") || req.url() === "about:blank") void req.continue();
        else {
          requests.push(req.url());
          void req.abort();
        }
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await page.setContent('<!doctype html><html lang="da"><body><div id="root"></div></body></html>');
      await page.addScriptTag({ content: js });
      await page.waitForSelector(options.readySelector);
      return page;
    },
    async stop() {
      await browser?.close();
      if (out) fs.rmSync(out, { recursive: true, force: true });
    },
  };
}

/** How many notes the panel has shown so far. */
export const notesCount = (page: Page): Promise<number> =>
  page.evaluate(() => window.paneTest.notes().length);

/** The panel's last note. */
export const lastNote = (page: Page): Promise<Note | undefined> =>
  page.evaluate(() => window.paneTest.notes().at(-1));

/** Waits (up to 10 s) until the panel has shown more than `n` notes. */
export async function waitForNoteAfter(page: Page, n: number): Promise<void> {
  await page.waitForFunction((k: number) => window.paneTest.notes().length > k, { timeout: 10000 }, n);
}
