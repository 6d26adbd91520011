/**
 * The "Usikkerhed" use case against the in-memory workbook filled from the template with the example data and
 * its uncertain inputs: one write, input sheets untouched, the stale flag of Usikkerhedsresultater, ownership,
 * and the realism table on Resultater (base and adjusted figures side by side, the adjusted ones equal to
 * `calculate` on the adjusted scenario).
 */
import { calculateWorkbook } from "../../src/app/calculate-workbook";
import { isStale } from "../../src/app/stale";
import { simulateWorkbook } from "../../src/app/uncertainty-workbook";
import { calculate } from "../../src/engine/calculate";
import { applyRealism } from "../../src/engine/simulation/realism";
import { validateScenario } from "../../src/engine/validate";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA, EXAMPLE_UNCERTAINTY } from "../../src/workbook/layout/example-data";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { N, RESULT_SHEETS } from "../../src/workbook/names";
import { REALISM_NET_NAME } from "../../src/workbook/render/realism-table";

const NOW = new Date(Date.UTC(2026, 11, 6, 6, 0));
const workbook = (): MemoryWorkbook =>
  MemoryWorkbook.fromSpec(
    buildTemplateSpec({ lang: "da", data: EXAMPLE_DATA, uncertainty: EXAMPLE_UNCERTAINTY }),
  );

async function scalarCell(wb: MemoryWorkbook, name: string): Promise<{ sheet: string; ref: string }> {
  const t = wb.nameTarget(name);
  if (t === undefined || !("sheet" in t)) throw new Error(`${name} is not a cell`);
  return t;
}

describe("simulateWorkbook", () => {
  it("writes Resultater, Usikkerhedsresultater and _som_meta in one write, leaving the input sheets as they were", async () => {
    const wb = workbook();
    const inputs = (await wb.listSheets()).map((s) => s.name);
    const before = inputs.map((s) => wb.sheetFormulas(s));
    const r = await simulateWorkbook(wb, { now: NOW, lang: "da", iterations: 300 });
    expect(r.ok).toBe(true);
    expect(wb.writeSheetsCalls).toBe(1);
    expect(inputs.map((s) => wb.sheetFormulas(s))).toEqual(before);
    const sheets = (await wb.listSheets()).map((s) => s.name);
    expect(sheets).toEqual(expect.arrayContaining([RESULT_SHEETS.results, RESULT_SHEETS.uncertainty]));
    expect(sheets).not.toContain(RESULT_SHEETS.iterations);
    if (!r.ok) return;
    const p = wb.nameTarget("SOM_Usk_SandsynlighedPositiv_A1");
    expect(p !== undefined && "sheet" in p && wb.getCell(p.sheet, p.ref)).toBe(
      r.result.byActor[0]!.probabilityPositive,
    );
    expect(await isStale(wb)).toEqual({ state: "current", stale: false });
  });

  it("makes Usikkerhedsresultater out of date when an uncertain input changes, even after a plain Beregn", async () => {
    const wb = workbook();
    await simulateWorkbook(wb, { now: NOW, lang: "da", iterations: 100 });
    const t = wb.nameTarget(N.uncertainty);
    if (t === undefined || !("sheet" in t)) throw new Error("no SOM_Usikkerhed");
    const top = t.ref.split(":")[0]!; // header row; the first data row's Høj is 4 columns right, 1 row down
    const col = String.fromCharCode(top.charCodeAt(0) + 4);
    const row = Number(top.slice(1)) + 1;
    wb.setCell(t.sheet, `${col}${row}`, 0.25);
    expect((await calculateWorkbook(wb, { now: NOW, lang: "da" })).ok).toBe(true);
    expect(await isStale(wb)).toEqual({
      state: "current",
      stale: false,
      outOfDateSheets: [RESULT_SHEETS.uncertainty],
    });
  });

  it("writes Simuleringer with every iteration when asked", async () => {
    const wb = workbook();
    const r = await simulateWorkbook(wb, { now: NOW, lang: "da", iterations: 50, writeIterations: true });
    expect(r.ok).toBe(true);
    const grid = wb.sheetGrid(RESULT_SHEETS.iterations);
    const numbers = grid.map((row) => row[0]).filter((x) => typeof x === "number");
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("refuses to overwrite a sheet named Usikkerhedsresultater that it does not own", async () => {
    const wb = workbook().addSheet(RESULT_SHEETS.uncertainty);
    const r = await simulateWorkbook(wb, { now: NOW, lang: "da", iterations: 10 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["sheet-not-owned"]);
    expect(wb.writeSheetsCalls).toBe(0);
  });
});

describe("the realism adjustment on Resultater", () => {
  it("shows base and adjusted key figures side by side when the realism inputs are filled, the adjusted ones from calculate", async () => {
    const wb = workbook();
    const uplift = await scalarCell(wb, N.costUplift);
    const delay = await scalarCell(wb, N.effectDelay);
    wb.setCell(uplift.sheet, uplift.ref, 0.2);
    wb.setCell(delay.sheet, delay.ref, 1);
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok).toBe(true);
    const v = validateScenario(EXAMPLE_DATA);
    if (!v.ok) throw new Error("example invalid");
    const adjusted = calculate(
      applyRealism(v.value, {
        successRateReduction: [0],
        evidenceLevels: [null],
        reductionByLevel: new Map(),
        costUplift: 0.2,
        delayYears: 1,
      }),
    );
    const at = wb.nameTarget(`${REALISM_NET_NAME}Total`);
    expect(at !== undefined && "sheet" in at && wb.getCell(at.sheet, at.ref)).toBe(adjusted.total.netTotal);
    // The base figure sits just left of it.
    if (at === undefined || !("sheet" in at)) return;
    const left = `${String.fromCharCode(at.ref.charCodeAt(0) - 1)}${at.ref.slice(1)}`;
    expect(wb.getCell(at.sheet, left)).toBe(r.ok && r.results.total.netTotal);
    expect(adjusted.total.netTotal).not.toBe(r.ok && r.results.total.netTotal);
  });

  it("adds no realism table while the realism inputs are blank (the template's levels without reductions)", async () => {
    const wb = workbook();
    expect((await calculateWorkbook(wb, { now: NOW, lang: "da" })).ok).toBe(true);
    expect(wb.nameTarget(`${REALISM_NET_NAME}Total`)).toBeUndefined();
  });
});
