/**
 * The printed `Rapport` sheet (issue 15), as a reader gets it: `som calculate examples/eksempel.xlsx --out` writes
 * the workbook, LibreOffice (Danish locale, recalculating on load) prints the Rapport sheet alone to PDF with the
 * sheet's own print setup, and the PDF's text and page count are checked: every section starts a new page in
 * SØM's order, the header carries the intervention's name and the footer "Side x af y", page 1 holds the key
 * figures in Danish format (the hand-derived figures of examples/README.md) and the live status "Aktuel".
 * The pages are also rendered to PNG (pdftoppm): to `$SOM_SHOTS_DIR` when set, for a person to look at.
 * Skipped with a message when `soffice` is missing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { som } from "../cli/som";
import {
  describeWithSoffice,
  makeDanishPrintProfile,
  makeTempDir,
  pdfPageCount,
  pdfPages,
  pdfToPngs,
  printSheetToPdf,
  removeTempDir,
} from "../support/libreoffice";

const describeLo = describeWithSoffice(
  "SKIPPED test/file/libreoffice-report.test.ts: `soffice` (LibreOffice) is not on PATH; install libreoffice-calc-nogui.",
);

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "eksempel.xlsx");
const INTERVENTION = "IPS-inspireret job- og uddannelsesstøtte for unge (eksempel)";
const SECTIONS = [
  "1. Sammenfatning",
  "2. Omkostninger",
  "3. Effekt",
  "4. Konsekvenser og priser",
  "5. Resultater",
  "6. Følsomhedsanalyser",
  "7. Forudsætninger",
  "Bilag A. Medregnede konsekvenser",
  "Bilag B. Detaljerede budgetøkonomiske konsekvenser",
  "Metodenote",
];

describeLo("the printed Rapport sheet (LibreOffice → PDF → PNG)", () => {
  let dir: string;
  let pdf: string;
  let pages: string[];
  beforeAll(async () => {
    dir = makeTempDir("som-lo-report-");
    const result = path.join(dir, "rapport.xlsx");
    const r = await som(["calculate", EXAMPLE, "--out", result]);
    if (r.code !== 0) throw new Error(`som calculate failed: ${r.err}`);
    pdf = printSheetToPdf(result, "Rapport", dir, makeDanishPrintProfile(dir));
    pages = pdfPages(pdf);
  }, 240_000);
  afterAll(() => removeTempDir(dir));

  it("prints every section from the top of a new page, in SØM's order, with header and page x of y", () => {
    const count = pdfPageCount(pdf);
    expect(pages).toHaveLength(count);
    // Ten sections, each from a new page; long ones may take more than one.
    expect(count).toBeGreaterThanOrEqual(SECTIONS.length);
    expect(count).toBeLessThanOrEqual(2 * SECTIONS.length);
    const firstLine = (p: string): string =>
      p
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "" && !l.startsWith("Beslutningsrapport:"))[0] ?? "";
    const starts = SECTIONS.map((title) => pages.findIndex((p) => firstLine(p) === title));
    // Page 1 holds the title and stamp above the summary; every later section opens its page.
    expect(starts.slice(1).every((i) => i > 0)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    pages.forEach((p, i) => {
      expect(p).toContain(`Beslutningsrapport: ${INTERVENTION}`);
      expect(p).toContain(`Side ${i + 1} af ${count}`);
    });
  });

  it("shows the summary with the hand-derived key figures in Danish format on page 1, and the live status", () => {
    const p1 = pages[0] ?? "";
    expect(p1).toMatch(/Status\s+Aktuel/);
    expect(p1).toContain("1. Sammenfatning");
    // examples/README.md: Kommune Σ NR 1.540.501,84, PV 290.719,78, break-even 2034; total 4.085.113,80, PV 2.210.734,73.
    expect(p1).toMatch(/Kommune\s+1\.540\.502\s+290\.720\s+2034/);
    expect(p1).toMatch(/I alt\s+4\.085\.114\s+2\.210\.735\s+2032/);
    // The sentence as printed (wrapped lines joined).
    expect(p1.replace(/\s+/g, " ")).toContain(
      "det giver et overskud på 4.085.114 kr., og investeringen er tjent hjem i 2032.",
    );
    expect(p1).toContain("Tilbagebetali"); // the header wraps inside the word in a 15-character column
    expect(p1).toContain("3,5");
  });

  it("prints the assumptions register and the annexes with their figures", () => {
    const text = pages.join("\n");
    expect(text).toMatch(/Opstart: uddannelse af IPS-[\s\S]*300\.000/);
    expect(text).toContain("Illustrativt tal (ikke fra SØM's vidensdatabase)");
    // Annex A: ΣV per actor and in total; annex B Kommune 2025: 3,78 · 10.472 − 2.175.000 = −2.135.415,84.
    expect(text).toMatch(/I alt\s+7\.515\.502\s+213\.444\s+3\.211\.168\s+10\.940\.114/);
    expect(text).toMatch(/2025\s+2\.175\.000\s+39\.584\s+-2\.135\.416/);
  });

  it("draws the native charts (cumulative net result, tornado): their titles are printed besides the tables", () => {
    const text = pages.join("\n");
    // The table caption and the chart title of the cumulative table are the same text: twice when the chart draws.
    expect(text.split("Kumuleret nettoresultat pr. aktør (kr.)").length - 1).toBe(2);
    // The tornado chart's title differs from its table's caption.
    expect(text).toContain("Tornado: nettoresultat i alt (kr.)");
  });

  it("renders every page to a PNG", () => {
    const shots = process.env.SOM_SHOTS_DIR ?? dir;
    fs.mkdirSync(shots, { recursive: true });
    const pngs = pdfToPngs(pdf, path.join(shots, "rapport-sheet"), 60);
    expect(pngs).toHaveLength(pages.length);
    for (const png of pngs) expect(fs.statSync(png).size).toBeGreaterThan(5000);
  });
});
