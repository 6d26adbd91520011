/**
 * The "Følsomhed" use case against the in-memory workbook filled from the SØM template with the golden
 * three-actor scenario (hand calculation in test/golden/three-actors.calc.md):
 *   Kommune: V = 1.800.000 at r = 25 %, C = 490.000 → Σ NR = 1.310.000; consequences scale with r/0,25 and with
 *   (1 + change), costs do not, so Σ NR_Kommune(r, c) = (r / 0,25)(1 + c)·1.800.000 − 490.000.
 * The template's grid: x = Succesrate 0 %, 5 %, … 50 %; y = Konsekvenser −50 % … +50 %; "Nettoresultat Kommune".
 */
import { calculateWorkbook } from "../../src/app/calculate-workbook";
import {
  computeSensitivity,
  prepareSensitivity,
  SensitivityCancelledError,
  sensitivityJsonText,
  sensitivityWorkbook,
  toSensitivityJson,
} from "../../src/app/sensitivity-workbook";
import { isStale } from "../../src/app/stale";
import { analyseSensitivity } from "../../src/engine/sensitivity/analyses";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { RESULT_SHEETS } from "../../src/workbook/names";
import { SENSITIVITY_RESULT_NAMES } from "../../src/workbook/render/sensitivity-sheet";
import type { CellValue } from "../../src/workbook/sheet-model";
import { baseCaseRaw, valid } from "../engine/sensitivity/base-case";
import { THREE_ACTORS } from "../golden/fixture-data";

const NOW = new Date(Date.UTC(2026, 10, 23, 19, 30));
const workbook = (): MemoryWorkbook =>
  MemoryWorkbook.fromSpec(buildTemplateSpec({ lang: "da", data: THREE_ACTORS }));
/** The status cell of Følsomhedsresultater: SOM_Status AND its own fingerprint (B10) = SOM_Meta_Inputaftryk. */
const SENSITIVITY_STATUS =
  '=IFERROR(IF(AND(OR(SOM_Status="Aktuel",SOM_Status="Current"),$B$10=SOM_Meta_Inputaftryk),"Aktuel","Forældet"),"Forældet")';
const kommuneNet = (r: number, c: number): number => (r / 0.25) * (1 + c) * 1_800_000 - 490_000;

async function rangeValues(wb: MemoryWorkbook, name: string): Promise<readonly (readonly CellValue[])[]> {
  const v = (await wb.readNames([name])).get(name.toLowerCase());
  if (v?.kind !== "range") throw new Error(`${name} is not a range`);
  return v.values;
}
const numbersBelowHeader = (grid: readonly (readonly CellValue[])[]): number[] =>
  grid.slice(1).map((row) => row[0] as number);

describe("sensitivityWorkbook", () => {
  it("writes Resultater, Følsomhedsresultater and _som_meta in one write and never touches an input sheet", async () => {
    const wb = workbook();
    const inputSheets = (await wb.listSheets()).map((s) => s.name);
    const before = inputSheets.map((s) => wb.sheetFormulas(s));
    const r = await sensitivityWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok).toBe(true);
    expect(wb.writeSheetsCalls).toBe(1);
    expect(inputSheets.map((s) => wb.sheetFormulas(s))).toEqual(before);
    const names = (await wb.listSheets()).map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([RESULT_SHEETS.results, RESULT_SHEETS.sensitivity, RESULT_SHEETS.meta]),
    );
    expect(wb.getFormula(RESULT_SHEETS.sensitivity, "B2")).toBe(SENSITIVITY_STATUS);
    expect(wb.nameTarget("SOM_Fls_Inputaftryk")).toEqual({ sheet: RESULT_SHEETS.sensitivity, ref: "B10" });
  });

  it("writes the grid with y values in rows and x values in columns, as the hand formula says", async () => {
    const wb = workbook();
    await sensitivityWorkbook(wb, { now: NOW, lang: "da" });
    const xs = (await rangeValues(wb, "SOM_Grid_X")).slice(1).map((r) => r[0] as number);
    const ys = numbersBelowHeader(await rangeValues(wb, "SOM_Grid_Y"));
    expect(xs).toHaveLength(11);
    const cells = await rangeValues(wb, SENSITIVITY_RESULT_NAMES.grid);
    expect(cells).toHaveLength(ys.length);
    ys.forEach((c, i) => xs.forEach((r, j) => expect(cells[i]?.[j]).toBeCloseTo(kommuneNet(r, c), 6)));
    // The asymmetric corner pins the orientation: y = −50 %, x = 5 % → 0,2 × 0,5 × 1.800.000 − 490.000.
    expect(cells[0]?.[1]).toBeCloseTo(-310_000, 6);
    expect(cells[1]?.[0]).toBeCloseTo(-490_000, 6);
  });

  it("marks the base case (r = 25 %, change 0 %) in bold with a note, and centres the colour scale on 0", async () => {
    const wb = workbook();
    await sensitivityWorkbook(wb, { now: NOW, lang: "da" });
    const spec = wb.sheetSpec(RESULT_SHEETS.sensitivity);
    const target = wb.nameTarget(SENSITIVITY_RESULT_NAMES.grid);
    if (spec === undefined || target === undefined || !("ref" in target)) throw new Error("no grid");
    expect(spec.colorScales).toEqual([{ ref: target.ref, midValue: 0 }]);
    const top = Number(/\d+/.exec(target.ref)?.[0]) - 1; // first grid row, 0-based
    // Base: y index 5 (0 %), x index 5 (25 %) → row top + 5, column B + 5 = G.
    const baseRef = `G${top + 5 + 1}`;
    expect(spec.notes).toEqual([{ ref: baseRef, text: "Basisscenariet" }]);
    const bold = spec.blocks.find((b) => b.style === "outputBold" && b.row === top + 5 && b.col === 6);
    expect(bold?.values).toEqual([[expect.closeTo(1_310_000, 6)]]);
  });

  it("writes a tornado table sorted by swing and a bar chart over chart data with the largest swing last", async () => {
    const wb = workbook();
    const r = await sensitivityWorkbook(wb, { now: NOW, lang: "da" });
    if (!r.ok) throw new Error("not ok");
    const swings = r.analysis.tornado.bars.map((b) => b.swing);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    const chart = wb.sheetSpec(RESULT_SHEETS.sensitivity)?.charts?.[0];
    expect(chart?.kind).toBe("bar");
    expect(chart?.series).toHaveLength(2);
    // The series cells hold Σ NR − base for each parameter, bottom row = the largest swing.
    const [first, last] = (chart?.series[1]?.ref ?? "").split(":");
    const top = r.analysis.tornado.bars[0];
    expect(wb.getCell(RESULT_SHEETS.sensitivity, last ?? "")).toBeCloseTo(
      (top?.total.high ?? 0) - 2_343_000,
      6,
    );
    const bottom = r.analysis.tornado.bars[r.analysis.tornado.bars.length - 1];
    expect(wb.getCell(RESULT_SHEETS.sensitivity, first ?? "")).toBeCloseTo(
      (bottom?.total.high ?? 0) - 2_343_000,
      6,
    );
  });

  it("names the break-even values per actor; Kommune's plug back to Σ NR = 0 by the hand formula", async () => {
    const wb = workbook();
    await sensitivityWorkbook(wb, { now: NOW, lang: "da" });
    const cell = async (name: string): Promise<CellValue> => (await rangeValues(wb, name))[0]?.[0] ?? null;
    // r* = 490.000 / (1.800.000 / 0,25); c* = 490/1800 − 1; k* = 1800/490 − 1.
    expect(await cell(`${SENSITIVITY_RESULT_NAMES.successRate}A1`)).toBeCloseTo(490_000 / 7_200_000, 12);
    expect(await cell(`${SENSITIVITY_RESULT_NAMES.consequenceChange}A1`)).toBeCloseTo(490 / 1800 - 1, 12);
    expect(await cell(`${SENSITIVITY_RESULT_NAMES.costChange}A1`)).toBeCloseTo(1800 / 490 - 1, 12);
    // Stat has no costs: Σ NR ≥ 0 for every cost change.
    expect(await cell(`${SENSITIVITY_RESULT_NAMES.costChange}A3`)).toBe("ikke opnåelig: altid positivt");
  });

  it("gives identical result cells when re-run on unchanged inputs with the same time", async () => {
    const wb = workbook();
    await sensitivityWorkbook(wb, { now: NOW, lang: "da" });
    const first = wb.sheetFormulas(RESULT_SHEETS.sensitivity);
    await sensitivityWorkbook(wb, { now: NOW, lang: "da" });
    expect(wb.sheetFormulas(RESULT_SHEETS.sensitivity)).toEqual(first);
  });

  it("stops with located issues and writes nothing when the grid result is unknown", async () => {
    const wb = workbook();
    const target = wb.nameTarget("SOM_Grid_Resultat");
    if (target === undefined || !("ref" in target)) throw new Error("no SOM_Grid_Resultat");
    wb.setCell(target.sheet, target.ref, "Nettoresultat Amtet");
    const r = await sensitivityWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: "sensitivity-unknown-result",
        location: expect.objectContaining({
          name: "SOM_Grid_Resultat",
          sheet: target.sheet,
          cell: target.ref,
        }),
      }),
    ]);
    expect(wb.writeSheetsCalls).toBe(0);
  });

  it("refuses to overwrite a Følsomhedsresultater sheet it did not create", async () => {
    const wb = workbook();
    wb.addSheet(RESULT_SHEETS.sensitivity);
    wb.setCell(RESULT_SHEETS.sensitivity, "A1", "Mine egne noter");
    const r = await sensitivityWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toEqual(["sheet-not-owned"]);
    expect(wb.writeSheetsCalls).toBe(0);
    expect(wb.getCell(RESULT_SHEETS.sensitivity, "A1")).toBe("Mine egne noter");
  });

  it("reports progress per grid row, yields between rows, and equals the synchronous analysis", async () => {
    const wb = workbook();
    const prepared = await prepareSensitivity(wb, { now: NOW, lang: "da" });
    if (!prepared.ok) throw new Error("not ok");
    const progress: [number, number][] = [];
    let yields = 0;
    const a = await computeSensitivity(prepared.scenario, prepared.settings, {
      onRow: (done, total) => progress.push([done, total]),
      yieldBetweenRows: async () => {
        yields++;
      },
    });
    expect(progress).toEqual(Array.from({ length: 11 }, (_, i) => [i + 1, 11]));
    expect(yields).toBe(11);
    expect(a).toEqual(analyseSensitivity(prepared.scenario, prepared.settings));
  });

  it("stops at the next row when cancelled, and nothing is written", async () => {
    const wb = workbook();
    const controller = new AbortController();
    const run = sensitivityWorkbook(
      wb,
      { now: NOW, lang: "da" },
      { signal: controller.signal, onRow: (done) => (done === 3 ? controller.abort() : undefined) },
    );
    await expect(run).rejects.toBeInstanceOf(SensitivityCancelledError);
    expect(wb.writeSheetsCalls).toBe(0);
  });
});

/** The value in the one cell a defined name points at; undefined when the name is not a range (yet). */
async function textAt(wb: MemoryWorkbook, name: string): Promise<CellValue | undefined> {
  const v = (await wb.readNames([name])).get(name.toLowerCase());
  return v?.kind === "range" ? v.values[0]?.[0] : undefined;
}

/** Sets the amount (column Beløb) of the first cost line — an ordinary input edit. */
async function editFirstCostAmount(wb: MemoryWorkbook, amount: number): Promise<void> {
  const costs = (await wb.readNames(["SOM_Omkostninger"])).get("som_omkostninger");
  if (costs?.kind !== "range") throw new Error("SOM_Omkostninger not found");
  const col = costs.values[0]?.indexOf("Beløb") ?? -1;
  if (col < 0 || typeof costs.values[1]?.[col] !== "number")
    throw new Error("no amount in the first cost line");
  wb.setCell(costs.sheet, `${String.fromCharCode(65 + costs.col + col)}${costs.row + 2}`, amount);
}

/** The fingerprints on _som_meta, Resultater and Følsomhedsresultater, in that order. */
const fingerprints = async (wb: MemoryWorkbook): Promise<(CellValue | undefined)[]> => [
  await textAt(wb, "SOM_Meta_Inputaftryk"),
  await textAt(wb, "SOM_Res_Inputaftryk"),
  await textAt(wb, "SOM_Fls_Inputaftryk"),
];

describe("the sensitivity sheet's status after a later plain Beregn", () => {
  it("keeps Følsomhedsresultater current when Beregn runs again on unchanged inputs (same fingerprint everywhere)", async () => {
    const wb = workbook();
    expect((await calculateWorkbook(wb, { now: NOW, lang: "da" })).ok).toBe(true);
    const [afterCalc] = await fingerprints(wb);
    expect((await sensitivityWorkbook(wb, { now: NOW, lang: "da" })).ok).toBe(true);
    // The sensitivity run snapshots the same names as Beregn, so the fingerprint does not move.
    expect(await fingerprints(wb)).toEqual([afterCalc, afterCalc, afterCalc]);
    expect((await calculateWorkbook(wb, { now: NOW, lang: "da" })).ok).toBe(true);
    const [meta, res, fls] = await fingerprints(wb);
    expect(meta).toMatch(/^som-[0-9a-f]{14}$/);
    expect([res, fls]).toEqual([meta, meta]);
    expect(wb.getFormula(RESULT_SHEETS.sensitivity, "B2")).toBe(SENSITIVITY_STATUS);
    expect(await isStale(wb)).toEqual({ state: "current", stale: false });
  });

  it("makes Følsomhedsresultater out of date, and Resultater current, after an input edit and a plain Beregn", async () => {
    const wb = workbook();
    await calculateWorkbook(wb, { now: NOW, lang: "da" });
    await sensitivityWorkbook(wb, { now: NOW, lang: "da" });
    const [before] = await fingerprints(wb);
    await editFirstCostAmount(wb, 999);
    expect(await isStale(wb)).toEqual({
      state: "stale",
      stale: true,
      // Budget and Rapport are written by Beregn (the template has SOM_Budgetaar) and are out of date too.
      outOfDateSheets: [
        RESULT_SHEETS.results,
        RESULT_SHEETS.sensitivity,
        RESULT_SHEETS.budget,
        RESULT_SHEETS.report,
      ],
    });
    expect((await calculateWorkbook(wb, { now: NOW, lang: "da" })).ok).toBe(true);
    const [meta, res, fls] = await fingerprints(wb);
    expect(meta).not.toBe(before);
    expect(res).toBe(meta);
    expect(fls).toBe(before); // the sheet still says which inputs it was computed from
    expect(wb.getFormula(RESULT_SHEETS.sensitivity, "B2")).toBe(SENSITIVITY_STATUS);
    expect(await isStale(wb)).toEqual({
      state: "current",
      stale: false,
      outOfDateSheets: [RESULT_SHEETS.sensitivity],
    });
    // Running the sensitivity analysis again brings it back.
    await sensitivityWorkbook(wb, { now: NOW, lang: "da" });
    expect(await fingerprints(wb)).toEqual([meta, meta, meta]);
    expect(await isStale(wb)).toEqual({ state: "current", stale: false });
  });

  it("makes Følsomhedsresultater out of date after only its settings changed and Beregn ran", async () => {
    const wb = workbook();
    await sensitivityWorkbook(wb, { now: NOW, lang: "da" });
    const target = wb.nameTarget("SOM_Grid_Resultat");
    if (target === undefined || !("ref" in target)) throw new Error("no SOM_Grid_Resultat cell");
    wb.setCell(target.sheet, target.ref, "Nettoresultat Total");
    await calculateWorkbook(wb, { now: NOW, lang: "da" });
    const [meta, res, fls] = await fingerprints(wb);
    expect(res).toBe(meta);
    expect(fls).not.toBe(meta);
    expect(await isStale(wb)).toMatchObject({
      state: "current",
      outOfDateSheets: [RESULT_SHEETS.sensitivity],
    });
  });
});

describe("the sensitivity JSON document", () => {
  it("keys actors with a null prototype, so names like __proto__ are plain keys", () => {
    const s = valid({
      ...baseCaseRaw(),
      actors: [
        { name: "__proto__", level: "Kommune" },
        { name: "constructor", level: "Stat" },
      ],
      costs: baseCaseRaw().costs.map((c) => ({
        ...c,
        actor: c.actor === "Kommune" ? "__proto__" : "constructor",
      })),
      prices: [
        {
          service: "Kontanthjælp",
          priceKrByActor: new Map([
            ["__proto__", 100],
            ["constructor", 300],
          ]),
        },
        { service: "Skat", priceKrByActor: new Map([["constructor", 200]]) },
      ],
    });
    const settings = {
      oneWay: [{ parameter: "costs", low: -0.25, high: 0.25 }] as const,
      grid: {
        x: { parameter: "costs", values: [0, 1] } as const,
        y: { parameter: "successRate", values: [0.1, 0.2, 0.3] } as const,
        result: { measure: "netTotal", scope: { kind: "actor", actor: 0 } } as const,
      },
    };
    const json = toSensitivityJson(analyseSensitivity(s, settings), s) as Record<string, unknown>;
    const breakEven = json["breakEven"] as Record<string, unknown>;
    expect(Object.getPrototypeOf(breakEven)).toBeNull();
    expect(Object.keys(breakEven)).toEqual(["__proto__", "constructor"]);
    const bar = (json["tornado"] as Record<string, unknown>[])[0] ?? {};
    expect(Object.getPrototypeOf(bar["byActor"])).toBeNull();
    // The base case's numbers (hand calculation in base-case.ts): Kommune Σ NR −1600 at costs ×1.
    const parsed = JSON.parse(sensitivityJsonText(analyseSensitivity(s, settings), s)) as {
      grid: { result: string; cells: number[][]; x: { values: number[] }; y: { values: number[] } };
      breakEven: Record<string, { successRate: number | null }>;
    };
    expect(parsed.grid.result).toBe("Nettoresultat __proto__");
    // cells[i][j] at y = r_i, x = k_j: Kommune Σ NR = (r / 0.2)·1200 − (1 + k)·2800.
    expect(parsed.grid.cells[2]?.[0]).toBeCloseTo((0.3 / 0.2) * 1200 - 2800, 9);
    expect(parsed.grid.cells[0]?.[1]).toBeCloseTo((0.1 / 0.2) * 1200 - 2 * 2800, 9);
    expect(Object.keys(parsed.breakEven)).toEqual(["__proto__", "constructor"]);
    expect(parsed.breakEven["__proto__"]?.successRate).toBeCloseTo(2800 / 6000, 12);
  });
});
