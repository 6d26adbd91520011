/**
 * The scenario store and the comparison sheet written through the Office.js adapter (over the faithful fake
 * Excel of test/support/fake-excel): Excel would turn typed text such as "1.500" or "=1+1" into a number or a
 * formula, so this checks that every stored value still reads back exactly, and that the comparison sheet
 * (with its line chart) passes the adapter's spec check.
 */
import { buildComparison } from "../../src/app/compare";
import { listScenarios, saveScenario } from "../../src/app/scenarios";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { validateSpec } from "../../src/excel/validate-spec";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA } from "../../src/workbook/layout/example-data";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { N } from "../../src/workbook/names";
import { renderComparisonSheet } from "../../src/workbook/render/comparison-sheet";
import { renderScenarioStore, type StoredScenario } from "../../src/workbook/render/scenario-store";
import { createFakeExcel, fakeWorkbook } from "../support/fake-excel";

const now = new Date("2026-11-23T12:00:00Z");

const tricky: StoredScenario = {
  id: 3,
  name: "=SUM(A1) 1.500",
  savedAt: "2026-11-23T12:00:00.000Z",
  engineVersion: "1.0.0",
  inputs: [
    { kind: "range", name: N.intervention, sheet: "Indsats", row: 2, col: 1, values: [['=HYPERLINK("x")']] },
    { kind: "range", name: N.horizon, sheet: "Indstillinger", row: 4, col: 1, values: [["1.500"]] },
    { kind: "constant", name: N.discountRate, value: "3,5 %" },
    {
      kind: "range",
      name: N.effects,
      sheet: "Effekt",
      row: 3,
      col: 0,
      values: [
        ["Effektmål", "Succesrate", "Kilde"],
        ["TRUE", 0.1 + 0.2, true],
        ["'Tekst", -0, "2025-01-01"],
      ],
    },
  ],
  figures: [{ scope: "total", name: "", field: "returnPerKrone", value: 1 / 3 }],
};

function officeWorkbook(): OfficeWorkbook {
  const fake = createFakeExcel(fakeWorkbook({}), { apiVersion: "1.18" });
  return new OfficeWorkbook((batch) => fake.run(batch), {
    isSetSupported: (v) => fake.isSetSupported("ExcelApi", v),
  });
}

describe("the scenario store through the Office.js adapter", () => {
  it("reads back every stored value exactly, although Excel would re-interpret typed text", async () => {
    const mem = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
    const saved = await saveScenario(mem, "Forventet", { now });
    if (!saved.ok) throw new Error("setup");
    const scenarios = [saved.scenario, tricky];
    const { sheet, names } = renderScenarioStore(scenarios);
    const wb = officeWorkbook();
    await wb.writeSheets({ sheets: [sheet], names });
    const list = await listScenarios(wb);
    if (!list.ok) throw new Error(list.issues.map((i) => i.code).join());
    expect(list.problems).toEqual([]);
    expect(list.scenarios).toEqual(scenarios);
  });

  it("writes a comparison sheet the adapter accepts, chart included", async () => {
    const mem = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
    await saveScenario(mem, "A", { now });
    const eff = (await mem.readNames([N.effects])).get(N.effects.toLowerCase());
    if (eff?.kind !== "range") throw new Error("setup");
    await mem.writeCells(eff.sheet, eff.row + 1, eff.col + 1, [[0.3]]);
    await saveScenario(mem, "B", { now });
    const built = await buildComparison(mem);
    if (!built.ok) throw new Error("setup");
    const sheet = renderComparisonSheet(built.model, { now, lang: "da", engineVersion: "1.0.0" });
    expect(() => validateSpec({ sheets: [sheet], names: [] })).not.toThrow();
    const wb = officeWorkbook();
    await expect(wb.writeSheets({ sheets: [sheet], names: [] })).resolves.toBeUndefined();
  });
});
