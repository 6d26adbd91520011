/**
 * "Beregn" with the §11 budget inputs (som-method.md §11), on the hand-laid-out golden scenario
 * (test/golden/english-reordered.calc.md): start 2030, T = 4 (2030–2033), P = 2030, no price index.
 *
 *   Level Kommune (Jobcenter + Socialforvaltning): C = [100.000, 20.000, 0, 0], V = [20.000, 10.000, 4.000, 4.000]
 *   Total:                                         C = [100.000, 20.000, 0, 0], V = [20.000, 20.000, 14.000, 14.000]
 */
import { calculateWorkbook } from "../../src/app/calculate-workbook";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { N, RESULT_SHEETS } from "../../src/workbook/names";
import type { CellValue } from "../../src/workbook/sheet-model";
import { englishReorderedSpec } from "../golden/hand-layout";

const NOW = new Date(Date.UTC(2026, 10, 23, 18, 45));

/** The golden workbook with the budget names on the Settings sheet, in cells X1:X3 (values as typed). */
function workbook(budgetYear: CellValue, poolShare: CellValue, unit: CellValue = "kr."): MemoryWorkbook {
  const wb = MemoryWorkbook.fromSpec(englishReorderedSpec());
  wb.setCell("Settings", "X1", budgetYear).setName({ name: N.budgetYear, sheet: "Settings", ref: "X1" });
  wb.setCell("Settings", "X2", poolShare).setName({ name: N.poolShare, sheet: "Settings", ref: "X2" });
  wb.setCell("Settings", "X3", unit).setName({ name: N.budgetUnit, sheet: "Settings", ref: "X3" });
  return wb;
}

async function rangeValues(wb: MemoryWorkbook, name: string): Promise<CellValue[][]> {
  const v = (await wb.readNames([name])).get(name.toLowerCase());
  if (v?.kind !== "range") throw new Error(`${name} is not a range`);
  return v.values.map((r) => [...r]);
}

describe("the Budget sheet written by Beregn", () => {
  it("is not written when the workbook has no SOM_Budgetaar (a workbook from before §11)", async () => {
    const wb = MemoryWorkbook.fromSpec(englishReorderedSpec());
    expect((await calculateWorkbook(wb, { now: NOW, lang: "da" })).ok).toBe(true);
    expect((await wb.listSheets()).map((s) => s.name)).not.toContain(RESULT_SHEETS.budget);
  });

  it("shows budget year 2031 and three estimate years in the budget sign, with 2034 outside and marked", async () => {
    const wb = workbook(2031, 0.5);
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok).toBe(true);
    // Total: columns 2031, 2032, 2033 = t 2, 3, 4; 2034 outside → 0.
    //   Nettoudgift = C − V = [20.000 − 20.000, 0 − 14.000, 0 − 14.000, 0] = [0, −14.000, −14.000, 0]
    expect(await rangeValues(wb, "SOM_Bud_Netto_Total")).toEqual([[0, -14_000, -14_000, 0]]);
    // Level Kommune (two actors): [20.000 − 10.000, −4.000, −4.000, 0]
    expect(await rangeValues(wb, "SOM_Bud_Netto_Kommune")).toEqual([[10_000, -4_000, -4_000, 0]]);
    const grid = wb
      .sheetGrid(RESULT_SHEETS.budget)
      .map((row) => row.map((c) => (c === null ? "" : String(c))));
    const header = grid.find((row) => row.includes("Budgetår 2031"));
    expect(header).toEqual(
      expect.arrayContaining(["Budgetår 2031", "Overslagsår 2032", "Overslagsår 2033", "Overslagsår 2034 *"]),
    );
    expect(header?.[0]).toBe("kr., 2030-priser");
    const text = grid.flat().join("\n");
    expect(text).toContain("* Året ligger uden for beregningsårene 2030–2033 og vises som 0.");
    expect(text).toContain(
      "2030-priser (prisindekset har ikke både 2030 og 2031; beløbene er ikke omregnet)",
    );
    expect(text).toContain("udgifter er positive, mindreudgifter og merindtægter er negative");
  });

  it("shows the pool for α = 50 %: never repaid, with the balance left", async () => {
    // Kommune C = [100.000, 20.000, 0, 0]; paid back ½V = [10.000, 5.000, 2.000, 2.000]
    // balance = 90.000, 105.000, 103.000, 101.000 → needed 105.000 (2031), not repaid, 101.000 left.
    const wb = workbook(2031, 0.5);
    await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(await rangeValues(wb, "SOM_Bud_Puljebehov")).toEqual([[105_000]]);
    expect(await rangeValues(wb, "SOM_Bud_Tilbagebetalt")).toEqual([["ikke inden for beregningsårene"]]);
    const rows = wb.sheetGrid(RESULT_SHEETS.budget);
    const balance = rows.find((row) => row[0] === "Saldo (udestående)");
    expect(balance?.slice(1, 5)).toEqual([90_000, 105_000, 103_000, 101_000]);
    const left = rows.find((row) => row[0] === "Saldo tilbage ved udgangen af 2033");
    expect(left?.[1]).toBe(101_000);
  });

  it("formats whole thousands by default and keeps the exact kroner in the cells", async () => {
    const wb = workbook(2030, null, null);
    await calculateWorkbook(wb, { now: NOW, lang: "da" });
    const spec = wb.sheetSpec(RESULT_SHEETS.budget);
    const formats = new Set(
      (spec?.blocks ?? []).map((b) => (typeof b.numberFormat === "string" ? b.numberFormat : "")),
    );
    expect(formats).toContain("#,##0,");
    expect(formats).not.toContain("#,##0");
    // Blank α = 100 %: balance 80.000, 90.000, 86.000, 82.000 → needed 90.000.
    expect(await rangeValues(wb, "SOM_Bud_Puljebehov")).toEqual([[90_000]]);
  });

  it.each([
    [2041, 0.5, "kr.", "budget-year-out-of-range", "X1", "mellem 2020 (startåret − 10) og 2033"],
    [2019, 0.5, "kr.", "budget-year-out-of-range", "X1", "mellem 2020 (startåret − 10) og 2033"],
    [2031, 80, "kr.", "pool-share-out-of-range", "X2", "Skrev du 80 i stedet for 80 %?"],
    [2031, -0.2, "kr.", "pool-share-out-of-range", "X2", "(ikke -20 %)"],
    [2031, 0.5, "millioner", "budget-unit-unknown", "X3", "Skriv »kr.« eller »1.000 kr.«"],
  ])(
    "stops with a located, bilingual issue and writes nothing (B %s, α %s, unit %s)",
    async (b, a, unit, code, cell, da) => {
      const wb = workbook(b, a, unit);
      const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.issues).toHaveLength(1);
      const issue = r.issues[0];
      expect(issue?.code).toBe(code);
      expect(issue?.location).toMatchObject({ sheet: "Settings", cell });
      expect(issue?.message.da).toContain(da);
      expect(issue?.message.en.length).toBeGreaterThan(20);
      expect(issue?.message.en).not.toBe(issue?.message.da);
      expect(wb.writeSheetsCalls).toBe(0);
    },
  );

  it("reads a budget year stored as text as an issue, not a guess", async () => {
    const wb = workbook("2031", 0.5);
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(!r.ok && r.issues.map((i) => [i.code, i.location.cell])).toEqual([["number-as-text", "X1"]]);
  });
});
