/**
 * The follow-up sheet (`Opfølgningsresultater`, som-method.md §11) in another spreadsheet program: `som calculate
 * --out` on the bundled example (two realised years), LibreOffice recalculates the file; the sheet's status reads
 * "Aktuel" and its defined names hold the figures; after one realised cell is changed in the file, LibreOffice's
 * recalculation turns the sheet's status into "Forældet" (the stale flag covers `SOM_Realiseret`). The sheet is
 * printed to PDF (Danish locale) to check it prints one page wide with its headings and the status sentences.
 * Skipped with a message when `soffice` is missing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { FileWorkbook } from "../../src/file/file-workbook";
import { RESULT_SHEETS } from "../../src/workbook/names";
import { som } from "../cli/som";
import {
  convertToXlsx,
  describeWithSoffice,
  makeDanishPrintProfile,
  makeRecalcProfile,
  makeTempDir,
  pdfPages,
  printSheetToPdf,
  removeTempDir,
} from "../support/libreoffice";

const describeLo = describeWithSoffice(
  "SKIPPED test/file/libreoffice-follow-up.test.ts: `soffice` (LibreOffice) is not on PATH; install libreoffice-calc-nogui.",
);

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "eksempel.xlsx");

async function readScalar(file: string, name: string): Promise<unknown> {
  const v = (await (await FileWorkbook.open(file)).readNames([name])).get(name.toLowerCase());
  return v?.kind === "range" ? v.values[0]?.[0] : undefined;
}

/** The cached value of a cell as LibreOffice saved it (for a formula cell, its result). */
async function cellValue(file: string, sheet: string, address: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const v = wb.getWorksheet(sheet)?.getCell(address).value;
  return v !== null && typeof v === "object" && "result" in v ? v.result : v;
}

describeLo("the Opfølgningsresultater sheet in LibreOffice", () => {
  let dir = "";
  let result = "";
  let profile = "";
  let calculated: { updated: number; difference: number } = { updated: NaN, difference: NaN };
  beforeAll(async () => {
    dir = makeTempDir("som-lo-follow-up-");
    profile = makeRecalcProfile(dir);
    result = path.join(dir, "result.xlsx");
    const r = await som(["calculate", EXAMPLE, "--out", result]);
    if (r.code !== 0) throw new Error(`som calculate failed: ${r.err}`);
    calculated = {
      updated: Number(await readScalar(result, "SOM_Opf_Netto_Total")),
      difference: Number(await readScalar(result, "SOM_Opf_Forskel_Total")),
    };
  }, 120_000);
  afterAll(() => removeTempDir(dir));

  it("keeps the figures and reads Aktuel after LibreOffice recalculates", async () => {
    const lo = convertToXlsx(result, path.join(dir, "lo"), profile);
    expect(await cellValue(lo, RESULT_SHEETS.followUp, "B2")).toBe("Aktuel");
    expect(Number.isFinite(calculated.updated)).toBe(true);
    expect(await readScalar(lo, "SOM_Opf_Netto_Total")).toBeCloseTo(calculated.updated, 6);
    // The difference is updated − forecast, and the forecast is Resultater's Σ NR.
    const forecast = Number(await readScalar(lo, "SOM_Res_Netto_Total"));
    expect(calculated.difference).toBeCloseTo(calculated.updated - forecast, 6);
  }, 180_000);

  it("reads Forældet after a realised cell is changed", async () => {
    const realised = (await (await FileWorkbook.open(result)).readNames(["SOM_Realiseret"])).get(
      "som_realiseret",
    );
    if (realised?.kind !== "range") throw new Error("SOM_Realiseret not found");
    const col = realised.values[0]?.indexOf("Deltagere") ?? -1;
    expect(realised.values[2]?.[col]).toBe(42); // year 2's realised starters in the example
    const address = `${String.fromCharCode(65 + realised.col + col)}${realised.row + 3}`;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result);
    const ws = wb.getWorksheet(realised.sheet);
    if (ws === undefined) throw new Error("no Opfølgning sheet");
    ws.getCell(address).value = 45;
    wb.calcProperties.fullCalcOnLoad = true;
    const edited = path.join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const lo = convertToXlsx(edited, path.join(dir, "lo-edited"), profile);
    expect(await cellValue(lo, RESULT_SHEETS.followUp, "B2")).toBe("Forældet");
    expect(await readScalar(lo, "SOM_Status")).toBe("Forældet");
  }, 180_000);

  it("prints one page wide, with the headings and one status sentence per actor", () => {
    const print = makeDanishPrintProfile(path.join(dir, "print"));
    const pdf = printSheetToPdf(result, RESULT_SHEETS.followUp, dir, print);
    expect(fs.existsSync(pdf)).toBe(true);
    const pages = pdfPages(pdf);
    const text = pages.join("\n");
    for (const heading of [
      "Status pr. aktør",
      "Nettoresultat over hele perioden (Σ NR)",
      "Kommune: nettoresultat pr. år",
      "Realiserede tal mod prognosen",
    ])
      expect(text).toContain(heading);
    for (const actor of ["Kommune", "Region", "Stat"])
      expect(text).toMatch(new RegExp(`${actor}: Til og med 2026 er det akkumulerede nettoresultat`));
    // one page wide: no page holds only the right-hand columns of a table (every page has the title header)
    for (const page of pages) expect(page).toContain("Opfølgning: IPS-inspireret");
  }, 180_000);
});
