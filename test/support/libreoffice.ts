/**
 * LibreOffice (headless `soffice`) for the tests that check our files in another spreadsheet program: whether it
 * is installed, a `describe` that is skipped with a printed message when it is not, a private temporary folder
 * and a conversion/recalculation to .xlsx with a private profile (so that parallel runs and a user's own
 * LibreOffice do not share a lock).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

let sofficeFound: boolean | undefined;

/** True when `soffice --version` runs (checked once per test file). */
export function hasSoffice(): boolean {
  if (sofficeFound === undefined) {
    try {
      execFileSync("soffice", ["--version"], { stdio: "pipe", timeout: 60_000 });
      sofficeFound = true;
    } catch {
      sofficeFound = false;
    }
  }
  return sofficeFound;
}

/** `describe` when LibreOffice is installed; otherwise `describe.skip`, after printing `skipMessage` as a warning. */
export function describeWithSoffice(skipMessage: string): jest.Describe {
  if (hasSoffice()) return describe;
  console.warn(skipMessage);
  return describe.skip;
}

/** A new, empty folder under the system's temporary folder; the caller removes it with `removeTempDir`. */
export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A LibreOffice profile folder (`<dir>/profile`) set to recalculate every formula when an .xlsx (or .ods) file
 * is loaded, as Excel does with fullCalcOnLoad, so cached values are not trusted. Returns the profile folder.
 */
export function makeRecalcProfile(dir: string): string {
  const profile = path.join(dir, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  const recalc = (kind: string): string =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${kind}RecalcMode" oor:op="fuse"><value>0</value></prop></item>`;
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${recalc("OOXML")}
${recalc("ODF")}
</oor:items>
`,
  );
  return profile;
}

/**
 * Opens `file` in headless LibreOffice and saves it as .xlsx (calculating its formulas) in `outDir`; returns the
 * new file's path. `profile` is the private profile folder (for example from `makeRecalcProfile`).
 */
export function convertToXlsx(file: string, outDir: string, profile: string): string {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      file,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  return path.join(outDir, path.basename(file));
}
