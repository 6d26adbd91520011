/**
 * A v2 result workbook survives LibreOffice (issue 11): `som calculate --out` on the golden fixture
 * duration-during.xlsx (v = 2, Pr. kohorte, Pr. forløb, Under indsats; hand figures in
 * test/golden/duration-during.calc.md), recalculated and saved by LibreOffice (`soffice --headless
 * --convert-to xlsx` with a recalculate-on-load profile). The saved file keeps the key figures, the model block
 * and the cohort table, reads back as the same v2 scenario (our reader → the same hand-calculated results), and
 * its stale flag turns «Forældet» when a v2 input (Varighed, Horisontmetode) is changed.
 * Skipped with a message when `soffice` is missing.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { isStale } from "../../src/app/stale";
import { calculate } from "../../src/engine/calculate";
import { validateScenario } from "../../src/engine/validate";
import { FileWorkbook } from "../../src/file/file-workbook";
import { readScenario, SCENARIO_NAMES } from "../../src/workbook/read/read-scenario";
import { som } from "../cli/som";
import {
  convertToXlsx,
  describeWithSoffice,
  makeRecalcProfile,
  makeTempDir,
  removeTempDir,
} from "../support/libreoffice";

const describeLo = describeWithSoffice(
  "SKIPPED test/file/libreoffice-v2.test.ts: `soffice` (LibreOffice) is not on PATH; install libreoffice-calc-nogui.",
);

const FIXTURE = path.join(__dirname, "..", "golden", "duration-during.xlsx");

async function readScalar(file: string, name: string): Promise<unknown> {
  const v = (await (await FileWorkbook.open(file)).readNames([name])).get(name.toLowerCase());
  return v?.kind === "range" ? v.values[0]?.[0] : v?.kind === "constant" ? v.value : undefined;
}

/** Every row of a sheet as plain values (formula cells as their saved result). */
async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`no sheet ${sheet}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v !== null && typeof v === "object" && "result" in v ? v.result : v)));
  });
  return rows;
}

/** A copy of `file` with the cell of a scalar name changed (through exceljs, as a user's save would do). */
async function editScalar(file: string, out: string, name: string, value: ExcelJS.CellValue): Promise<void> {
  const at = (await (await FileWorkbook.open(file)).readNames([name])).get(name.toLowerCase());
  if (at?.kind !== "range") throw new Error(`${name} is not a range`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(at.sheet);
  if (ws === undefined) throw new Error(`no sheet ${at.sheet}`);
  ws.getCell(at.row + 1, at.col + 1).value = value;
  wb.calcProperties.fullCalcOnLoad = true;
  await wb.xlsx.writeFile(out);
}

describeLo("a v2 result workbook after LibreOffice recalculates and saves it", () => {
  let dir: string;
  let profile: string;
  let result: string;
  let lo: string;
  beforeAll(async () => {
    dir = makeTempDir("som-lo-v2-");
    profile = makeRecalcProfile(dir);
    result = path.join(dir, "result.xlsx");
    const r = await som(["calculate", FIXTURE, "--out", result]);
    if (r.code !== 0) throw new Error(`som calculate failed: ${r.err}`);
    lo = convertToXlsx(result, path.join(dir, "lo"), profile);
  }, 180_000);
  afterAll(() => removeTempDir(dir));

  it("keeps the key figures (duration-during.calc.md) and reads Aktuel", async () => {
    expect(await readScalar(lo, "SOM_Status")).toBe("Aktuel");
    expect(await readScalar(lo, "SOM_Res_Netto_Total")).toBeCloseTo(194_000, 6);
    expect(await readScalar(lo, "SOM_Res_Netto_A1")).toBeCloseTo(60_000, 6);
    expect(await readScalar(lo, "SOM_Res_NV_Total")).toBeCloseTo(1_113_000 / 9, 6);
    expect(await readScalar(lo, "SOM_Res_Aar_Total")).toBe(2026);
    expect(await isStale(await FileWorkbook.open(lo))).toEqual({ state: "current", stale: false });
  });

  it("keeps the model block and the cohort table on Resultater", async () => {
    const rows = await sheetRows(lo, "Resultater");
    const row = (label: string): unknown[] | undefined => rows.find((r) => r[0] === label);
    expect(row("Horisontmetode")?.[1]).toBe(
      "Pr. kohorte: hvert hold følges 2 år fra afslutningsåret (SØM's praksis)",
    );
    expect(row("Varighed (år pr. borger)")?.[1]).toBe(2);
    expect(row("Perspektiv")?.[1]).toBe("Offentlig sektor (alle aktører)");
    const header = rows.findIndex((r) => r[0] === "Startår" && r[3] === "Konsekvensår medregnet");
    expect(header).toBeGreaterThan(0);
    expect(rows.slice(header + 1, header + 3).map((r) => r.slice(0, 4))).toEqual([
      [2025, 2026, 10, 2],
      [2026, 2027, 20, 2],
    ]);
  });

  it("reads back as the same v2 scenario: Varighed, Horisontmetode, Pr. forløb and Under indsats survive", async () => {
    const named = await (await FileWorkbook.open(lo)).readNames([...SCENARIO_NAMES]);
    const read = readScenario(named);
    expect(read.issues).toEqual([]);
    const v = validateScenario(read.raw);
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    expect(v.value.settings).toMatchObject({
      duration: 2,
      horizonMethod: "perCohort",
      perspective: "public",
    });
    expect(v.value.costs.map((c) => c.kind)).toEqual(["PrForloeb", "PrDeltager", "Drift"]);
    expect(v.value.consequences.map((c) => c.phase)).toEqual(["after", "during", "after"]);
    const r = calculate(v.value);
    expect(r.years).toEqual([2025, 2026, 2027, 2028]);
    expect(r.total.net).toEqual([-15_500, 17_000, 117_500, 75_000]);
    expect(r.beyondHorizon).toBe(22_500);
  });

  it.each([
    ["SOM_Varighed", 1],
    ["SOM_Horisontmetode", "Kalenderår"],
  ])(
    "reads Forældet after %s is changed to %s",
    async (name, value) => {
      const edited = path.join(dir, `edited-${name}.xlsx`);
      await editScalar(result, edited, name, value);
      const loEdited = convertToXlsx(edited, path.join(dir, `lo-${name}`), profile);
      expect(await readScalar(loEdited, "SOM_Status")).toBe("Forældet");
      expect(await isStale(await FileWorkbook.open(loEdited))).toMatchObject({ state: "stale", stale: true });
    },
    180_000,
  );
});
