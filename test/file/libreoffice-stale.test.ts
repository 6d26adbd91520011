/**
 * The stale-results flag works without the add-in, in another spreadsheet program: `som calculate --out`
 * writes a result workbook, LibreOffice recalculates it (`soffice --headless --convert-to xlsx`, with a private
 * profile set to recalculate .xlsx files on load, as Excel does with fullCalcOnLoad), and our reader finds the
 * results and `SOM_Status` = "Aktuel". After one input cell is changed in the file, LibreOffice's
 * recalculation turns `SOM_Status` into "Forældet". Skipped with a message when `soffice` is missing.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { isStale } from "../../src/app/stale";
import { FileWorkbook } from "../../src/file/file-workbook";
import { som } from "../cli/som";
import {
  convertToXlsx,
  describeWithSoffice,
  makeRecalcProfile,
  makeTempDir,
  removeTempDir,
} from "../support/libreoffice";

const describeLo = describeWithSoffice(
  "SKIPPED test/file/libreoffice-stale.test.ts: `soffice` (LibreOffice) is not on PATH; install libreoffice-calc-nogui.",
);

const FIXTURE = path.join(__dirname, "..", "golden", "three-actors.xlsx");
let dir: string;

/** Opens `file` in LibreOffice, recalculates, saves as .xlsx in a new folder; returns the new file. */
function recalcWithLibreOffice(file: string, profile: string): string {
  return convertToXlsx(file, path.join(dir, `lo-${path.basename(file, ".xlsx")}`), profile);
}

/** A copy of `file` with one cell changed (a small edit through exceljs, as a user's save would do). */
async function editCell(
  file: string,
  out: string,
  sheet: string,
  address: string,
  value: ExcelJS.CellValue,
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`no sheet ${sheet}`);
  ws.getCell(address).value = value;
  wb.calcProperties.fullCalcOnLoad = true;
  await wb.xlsx.writeFile(out);
}

/** The cached value of a cell as LibreOffice saved it (for a formula cell, its result). */
async function cellValue(file: string, sheet: string, address: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const v = wb.getWorksheet(sheet)?.getCell(address).value;
  return v !== null && typeof v === "object" && "result" in v ? v.result : v;
}

/** The address of the first cost line's amount (SOM_Omkostninger, column Beløb) and its value. */
async function firstCostAmount(file: string): Promise<{ sheet: string; address: string; value: unknown }> {
  const costs = (await (await FileWorkbook.open(file)).readNames(["SOM_Omkostninger"])).get(
    "som_omkostninger",
  );
  if (costs?.kind !== "range") throw new Error("SOM_Omkostninger not found");
  const col = costs.values[0]?.indexOf("Beløb") ?? -1;
  return {
    sheet: costs.sheet,
    address: `${String.fromCharCode(65 + costs.col + col)}${costs.row + 2}`,
    value: costs.values[1]?.[col],
  };
}

async function readScalar(file: string, name: string): Promise<unknown> {
  const v = (await (await FileWorkbook.open(file)).readNames([name])).get(name.toLowerCase());
  return v?.kind === "range" ? v.values[0]?.[0] : v?.kind === "constant" ? v.value : undefined;
}

describeLo("the stale flag after LibreOffice recalculates", () => {
  let profile: string;
  let result: string;
  beforeAll(async () => {
    dir = makeTempDir("som-lo-stale-");
    profile = makeRecalcProfile(dir);
    result = path.join(dir, "result.xlsx");
    const r = await som(["calculate", FIXTURE, "--out", result]);
    if (r.code !== 0) throw new Error(`som calculate failed: ${r.err}`);
  }, 60_000);
  afterAll(() => removeTempDir(dir));

  it("keeps the results and reads Aktuel when no input changed", async () => {
    const lo = recalcWithLibreOffice(result, profile);
    expect(await readScalar(lo, "SOM_Status")).toBe("Aktuel");
    // three-actors.calc.md: Σ NR total = 2.343.000 kr., Kommune 1.310.000 kr.
    expect(await readScalar(lo, "SOM_Res_Netto_Total")).toBeCloseTo(2343000, 6);
    expect(await readScalar(lo, "SOM_Res_Netto_Kommune")).toBeCloseTo(1310000, 6);
    expect(await isStale(await FileWorkbook.open(lo))).toEqual({ state: "current", stale: false });
  }, 180_000);

  it("reads Forældet after a cost amount is changed", async () => {
    const edited = path.join(dir, "edited-amount.xlsx");
    // SOM_Omkostninger's first data row, column Beløb (see the template layout): 200.000 → 999.
    const cost = await firstCostAmount(result);
    expect(cost.value).toBe(200000);
    await editCell(result, edited, cost.sheet, cost.address, 999);
    const lo = recalcWithLibreOffice(edited, profile);
    expect(await readScalar(lo, "SOM_Status")).toBe("Forældet");
    expect(await isStale(await FileWorkbook.open(lo))).toEqual({
      state: "stale",
      stale: true,
      outOfDateSheets: ["Resultater", "Rapport"],
    });
  }, 180_000);

  it("reads Forældet after an actor name changes only in letter case", async () => {
    const edited = path.join(dir, "edited-case.xlsx");
    const wb = await FileWorkbook.open(result);
    const actors = (await wb.readNames(["SOM_Aktoerer"])).get("som_aktoerer");
    if (actors?.kind !== "range") throw new Error("SOM_Aktoerer not found");
    expect(actors.values[2]?.[0]).toBe("Region");
    const address = `${String.fromCharCode(65 + actors.col)}${actors.row + 3}`;
    await editCell(result, edited, actors.sheet, address, "REGION");
    const lo = recalcWithLibreOffice(edited, profile);
    expect(await readScalar(lo, "SOM_Status")).toBe("Forældet");
  }, 180_000);
});

/**
 * Each result sheet carries the input fingerprint it was computed from; its status is "Aktuel" only while
 * SOM_Status is current AND that fingerprint is the one on _som_meta. So after `som sensitivity`, an input edit
 * and a plain `som calculate`, LibreOffice shows Resultater "Aktuel" but Følsomhedsresultater "Forældet".
 */
describeLo("the sensitivity sheet's status after a later calculation, in LibreOffice", () => {
  let profile: string;
  let sensitivity: string;
  const STATUS = "B2";
  const statuses = async (file: string): Promise<unknown[]> => [
    await readScalar(file, "SOM_Status"),
    await cellValue(file, "Resultater", STATUS),
    await cellValue(file, "Følsomhedsresultater", STATUS),
  ];
  beforeAll(async () => {
    dir = makeTempDir("som-lo-sens-");
    profile = makeRecalcProfile(dir);
    const calculated = path.join(dir, "calculated.xlsx");
    sensitivity = path.join(dir, "sensitivity.xlsx");
    const c = await som(["calculate", FIXTURE, "--out", calculated]);
    if (c.code !== 0) throw new Error(`som calculate failed: ${c.err}`);
    const s = await som(["sensitivity", calculated, "--out", sensitivity]);
    if (s.code !== 0) throw new Error(`som sensitivity failed: ${s.err}`);
  }, 120_000);
  afterAll(() => removeTempDir(dir));

  it("reads Aktuel on both sheets after a calculation on unchanged inputs", async () => {
    const again = path.join(dir, "again.xlsx");
    const r = await som(["calculate", sensitivity, "--out", again]);
    expect(r.code).toBe(0);
    const lo = recalcWithLibreOffice(again, profile);
    expect(await statuses(lo)).toEqual(["Aktuel", "Aktuel", "Aktuel"]);
    expect(await isStale(await FileWorkbook.open(lo))).toEqual({ state: "current", stale: false });
  }, 180_000);

  it("reads Forældet on both sheets after an input edit, and only on Følsomhedsresultater after calculating again", async () => {
    const edited = path.join(dir, "sens-edited.xlsx");
    const cost = await firstCostAmount(sensitivity);
    expect(cost.value).toBe(200000);
    await editCell(sensitivity, edited, cost.sheet, cost.address, 999);
    const loEdited = recalcWithLibreOffice(edited, profile);
    expect(await statuses(loEdited)).toEqual(["Forældet", "Forældet", "Forældet"]);

    const recalculated = path.join(dir, "recalculated.xlsx");
    const r = await som(["calculate", edited, "--out", recalculated]);
    expect(r.code).toBe(0);
    const lo = recalcWithLibreOffice(recalculated, profile);
    expect(await statuses(lo)).toEqual(["Aktuel", "Aktuel", "Forældet"]);
    // Resultater holds the new figures: three-actors.calc.md has Σ NR total 2.343.000 kr. with the Drift line
    // »Indsatsmedarbejder« at 200.000 kr. (price year 2024, index 105/100) paid in t = 1, 2; at 999 kr. the costs
    // fall by 2 × (200.000 − 999) × 1,05.
    expect(await readScalar(lo, "SOM_Res_Netto_Total")).toBeCloseTo(2343000 + 2 * (200000 - 999) * 1.05, 6);
    expect(await isStale(await FileWorkbook.open(lo))).toEqual({
      state: "current",
      stale: false,
      outOfDateSheets: ["Følsomhedsresultater"],
    });
  }, 240_000);
});
