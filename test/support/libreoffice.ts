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

/**
 * A LibreOffice profile that recalculates on load (`makeRecalcProfile`) and uses the Danish locale (da-DK), so
 * printed numbers look as a Danish Excel shows them (1.234.567; 3,5 %).
 */
export function makeDanishPrintProfile(dir: string): string {
  const profile = makeRecalcProfile(dir);
  const file = path.join(profile, "user", "registrymodifications.xcu");
  const xcu = fs.readFileSync(file, "utf8");
  const locale =
    '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>da-DK</value></prop></item>\n' +
    '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>da-DK</value></prop></item>\n';
  fs.writeFileSync(file, xcu.replace("</oor:items>", `${locale}</oor:items>`));
  return profile;
}

/**
 * Prints ONE sheet of an .xlsx file to PDF with LibreOffice, as a user printing that sheet would get it (its print
 * setup: paper, orientation, scaling, page breaks, header/footer): a copy of the file with every other sheet
 * hidden (LibreOffice does not print hidden sheets) and the sheet active is converted. Returns the PDF's path.
 */
export function printSheetToPdf(xlsx: string, sheet: string, outDir: string, profile: string): string {
  // Lazy: fflate is only needed here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { unzipSync, zipSync, strFromU8, strToU8 } = require("fflate") as typeof import("fflate");
  const files = unzipSync(new Uint8Array(fs.readFileSync(xlsx)));
  const wbXml = files["xl/workbook.xml"];
  if (wbXml === undefined) throw new Error(`${xlsx} has no xl/workbook.xml`);
  let index = -1;
  let i = 0;
  const escaped = sheet.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const xml = strFromU8(wbXml)
    .replace(/<sheet [^>]*\/>/g, (tag) => {
      const own = tag.includes(`name="${escaped}"`);
      if (own) index = i;
      i += 1;
      const plain = tag.replace(/\s+state="[^"]*"/, "");
      return own ? plain : plain.replace("<sheet ", '<sheet state="hidden" ');
    })
    .replace(/\s+(activeTab|firstSheet)="\d+"/g, "");
  if (index < 0) throw new Error(`${xlsx} has no sheet ${sheet}`);
  const view = xml.includes("<workbookView")
    ? xml.replace("<workbookView ", `<workbookView activeTab="${index}" `)
    : xml.replace("<sheets>", `<bookViews><workbookView activeTab="${index}"/></bookViews><sheets>`);
  files["xl/workbook.xml"] = strToU8(view);
  const copy = path.join(outDir, `${path.basename(xlsx, ".xlsx")}-${index}.xlsx`);
  fs.writeFileSync(copy, zipSync(files));
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      copy,
    ],
    { stdio: "pipe", timeout: 180_000 },
  );
  return copy.replace(/\.xlsx$/, ".pdf");
}

/** The page count of a PDF (`pdfinfo`). */
export function pdfPageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (m === null) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(m[1]);
}

/** The text of a PDF, page by page (`pdftotext -layout`; pages split at form feeds). */
export function pdfPages(pdf: string): string[] {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = text.split("\f");
  if (pages[pages.length - 1]?.trim() === "") pages.pop();
  return pages;
}

/** Renders PDF pages to PNG files `<prefix>-N.png` at `dpi` (`pdftoppm`); returns their paths in page order. */
export function pdfToPngs(pdf: string, prefix: string, dpi = 60): string[] {
  execFileSync("pdftoppm", ["-r", String(dpi), "-png", pdf, prefix], { stdio: "pipe" });
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith(".png"))
    .sort()
    .map((f) => path.join(dir, f));
}
