/**
 * PDF for `som report --out rapport.pdf`: the self-contained HTML report printed by a headless Chromium or Google
 * Chrome that is already installed (`--print-to-pdf`; the browser's own header/footer off, ours come from the
 * document's CSS page-margin boxes). Nothing is downloaded and no package is needed at run time; the browser runs
 * with a throw-away profile and background networking, component updates and extensions off, and the document
 * itself forbids loading anything (Content-Security-Policy). When no browser is found the command says so and
 * suggests `--out rapport.html` (print from any browser) or `SOM_CHROMIUM=<path>`.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { CliError } from "./cli-error";

/** Browser executables looked for on PATH, in order (after `SOM_CHROMIUM`). */
const CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

/** How long the browser may take to print, in milliseconds (then it is stopped: no hangs). */
const PRINT_TIMEOUT_MS = 120_000;

/** The first executable named `name` on `PATH`, or undefined. */
function onPath(name: string, envPath: string): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    if (dir === "") continue;
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The browser to print with: `SOM_CHROMIUM` when set (must exist), else the first candidate on PATH. */
export function findChromium(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const chosen = env.SOM_CHROMIUM;
  if (chosen !== undefined && chosen !== "") return fs.existsSync(chosen) ? chosen : undefined;
  for (const name of CANDIDATES) {
    const p = onPath(name, env.PATH ?? "");
    if (p !== undefined) return p;
  }
  return undefined;
}

export const NO_BROWSER = {
  da: "PDF kræver Chromium eller Google Chrome, og ingen blev fundet (søgt: SOM_CHROMIUM, chromium, chromium-browser, google-chrome). Skriv rapporten som HTML med --out rapport.html og udskriv den fra en browser, eller angiv browseren med SOM_CHROMIUM=<sti>.",
  en: "PDF needs Chromium or Google Chrome, and none was found (looked for: SOM_CHROMIUM, chromium, chromium-browser, google-chrome). Write the report as HTML with --out report.html and print it from a browser, or name the browser with SOM_CHROMIUM=<path>.",
} as const;

/** Prints `html` to PDF bytes with the browser at `chromium`. */
export async function printHtmlToPdf(html: string, chromium: string): Promise<Uint8Array> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "som-report-"));
  try {
    const page = path.join(dir, "rapport.html");
    const pdf = path.join(dir, "rapport.pdf");
    await fs.promises.writeFile(page, html, "utf8");
    const args = [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-extensions",
      "--disable-default-apps",
      `--user-data-dir=${path.join(dir, "profile")}`,
      "--no-pdf-header-footer",
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(
        chromium,
        args,
        { timeout: PRINT_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 },
        (error, _out, err) => {
          if (error !== null && !fs.existsSync(pdf))
            reject(
              new CliError({
                da: `Browseren kunne ikke udskrive rapporten til PDF (${chromium}): ${String(err).trim().slice(-400) || error.message}`,
                en: `The browser could not print the report to PDF (${chromium}): ${String(err).trim().slice(-400) || error.message}`,
              }),
            );
          else resolve();
        },
      );
    });
    if (!fs.existsSync(pdf))
      throw new CliError({
        da: `Browseren skrev ingen PDF (${chromium}).`,
        en: `The browser wrote no PDF (${chromium}).`,
      });
    return new Uint8Array(await fs.promises.readFile(pdf));
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
