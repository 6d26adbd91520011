/**
 * The printed input pages (issue 15, item 2), as a user printing the template gets them: LibreOffice prints single
 * sheets of assets/SOM-skabelon.xlsx to PDF with the sheets' own print setup, and the PDF's page count and text
 * are checked — the header carries the sheet's title, the footer "SØM for Excel – inddata" and "Side x af y", the
 * guidance is wrapped on the page (its last words are printed, not cut off at the page's edge), and the 26-column
 * Konsekvenser page prints over three pages wide with Effektmål and Ydelse repeated on each ([D]).
 * Skipped with a message when `soffice` is missing.
 */
import * as path from "node:path";
import {
  describeWithSoffice,
  makeDanishPrintProfile,
  makeTempDir,
  pdfPageCount,
  pdfPages,
  printSheetToPdf,
  removeTempDir,
} from "../support/libreoffice";

const describeLo = describeWithSoffice(
  "SKIPPED test/file/libreoffice-template-print.test.ts: `soffice` (LibreOffice) is not on PATH; install libreoffice-calc-nogui.",
);

const TEMPLATE = path.join(__dirname, "..", "..", "assets", "SOM-skabelon.xlsx");
const flat = (s: string): string => s.replace(/\s+/g, " ");

describeLo("the printed template pages (LibreOffice → PDF)", () => {
  let dir: string;
  const printed = new Map<string, { count: number; pages: string[] }>();
  beforeAll(() => {
    dir = makeTempDir("som-lo-template-");
    const profile = makeDanishPrintProfile(dir);
    for (const sheet of ["Forside", "Indstillinger", "Konsekvenser"]) {
      const pdf = printSheetToPdf(TEMPLATE, sheet, dir, profile);
      printed.set(sheet, { count: pdfPageCount(pdf), pages: pdfPages(pdf) });
    }
  }, 240_000);
  afterAll(() => removeTempDir(dir));

  it("prints the front page on one portrait page with its guidance whole", () => {
    const f = printed.get("Forside")!;
    expect(f.count).toBe(1);
    const text = flat(f.pages[0] ?? "");
    expect(text).toContain("SØM for Excel – inddata");
    expect(text).toContain("Side 1 af 1");
    // the last words of long guidance lines (cut off at the page's edge before the print setup)
    expect(text).toContain("for kommune, region og stat – år for år.");
    expect(text).toContain("Resultaterne skrives på egne ark; arket Følsomhed styrer følsomhedsanalyserne.");
  });

  it("prints Konsekvenser over four pages wide, Effektmål and Ydelse repeated, År 1 … År 20, Kilde and Bemærkning all printed", () => {
    const k = printed.get("Konsekvenser")!;
    expect(k.count).toBe(4);
    k.pages.forEach((p, i) => {
      expect(p).toContain("Konsekvenser");
      expect(p).toMatch(/Effektmål\s+Ydelse/);
      expect(flat(p)).toContain(`Side ${i + 1} af 4`);
    });
    const all = k.pages.join("\n");
    for (let y = 1; y <= 20; y++) expect(all).toMatch(new RegExp(`År ${y}\\b`));
    expect(k.pages.slice(2).join("\n")).toContain("Kilde");
    expect(k.pages[3]).toContain("Bemærkning");
    // the guidance is merged over the repeated columns: printed whole on every page
    for (const p of k.pages) expect(flat(p)).toContain("Negativ = mindre brug.");
  });

  it("prints Indstillinger with its long remarks and the price index's source wrapped, not cut", () => {
    const s = printed.get("Indstillinger")!;
    expect(s.count).toBeGreaterThanOrEqual(1);
    const text = flat(s.pages.join("\n"));
    expect(text).toContain("Vælg Kalenderår for at få tallene fra værktøjets første version.");
    expect(text).toContain("nettoprisindeks");
    expect(s.pages[0]).toContain("Indstillinger");
  });
});
