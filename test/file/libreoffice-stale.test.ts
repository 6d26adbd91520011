/**
 * The stale-results flag works without the add-in, in another spreadsheet program: `som calculate --out`
 * writes a result workbook, LibreOffice recalculates it (`soffice --headless --convert-to xlsx`, with a private
 * profile set to recalculate .xlsx files on load, as Excel does with fullCalcOnLoad), and our reader finds the
 * results and `SOM_Status` = "Aktuel". After one input cell is changed in the file, LibreOffice's
 * recalculation turns `SOM_Status` into "Forældet". Skipped with a message when `soffice` is missing.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { isStale } from "../../src/app/stale";
import { FileWorkbook } from "../../src/file/file-workbook";
import { som } from "../cli/som";

function hasSoffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "pipe", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

const available = hasSoffice();
if (!available) {
  console.warn(
    "SKIPPED test/file/libreoffice-stale.test.ts: `soffice` (LibreOffice) is not on PATH; install libreoffice-calc-nogui.",
  );
}
const describeLo = available ? describe : describe.skip;

const FIXTURE = path.join(__dirname, "..", "golden", "three-actors.xlsx");
let dir: string;

/** A LibreOffice profile that recalculates every formula when an .xlsx (or .ods) file is loaded. */
function makeProfile(): string {
  const profile = path.join(dir, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return profile;
}

/** Opens `file` in LibreOffice, recalculates, saves as .xlsx in a new folder; returns the new file. */
function recalcWithLibreOffice(file: string, profile: string): string {
  const outDir = path.join(dir, `lo-${path.basename(file, ".xlsx")}`);
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

async function readScalar(file: string, name: string): Promise<unknown> {
  const v = (await (await FileWorkbook.open(file)).readNames([name])).get(name.toLowerCase());
  return v?.kind === "range" ? v.values[0]?.[0] : v?.kind === "constant" ? v.value : undefined;
}

describeLo("the stale flag after LibreOffice recalculates", () => {
  let profile: string;
  let result: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-lo-stale-"));
    profile = makeProfile();
    result = path.join(dir, "result.xlsx");
    const r = await som(["calculate", FIXTURE, "--out", result]);
    if (r.code !== 0) throw new Error(`som calculate failed: ${r.err}`);
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

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
    const wb = await FileWorkbook.open(result);
    const costs = (await wb.readNames(["SOM_Omkostninger"])).get("som_omkostninger");
    if (costs?.kind !== "range") throw new Error("SOM_Omkostninger not found");
    const col = costs.values[0]?.indexOf("Beløb") ?? -1;
    expect(costs.values[1]?.[col]).toBe(200000);
    const address = `${String.fromCharCode(65 + costs.col + col)}${costs.row + 2}`;
    await editCell(result, edited, costs.sheet, address, 999);
    const lo = recalcWithLibreOffice(edited, profile);
    expect(await readScalar(lo, "SOM_Status")).toBe("Forældet");
    expect(await isStale(await FileWorkbook.open(lo))).toEqual({ state: "stale", stale: true });
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
