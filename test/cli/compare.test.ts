import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { saveScenario } from "../../src/app/scenarios";
import { FileWorkbook } from "../../src/file/file-workbook";
import { writeWorkbookSpec } from "../../src/file/xlsx-writer";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA } from "../../src/workbook/layout/example-data";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { N, RESULT_SHEETS } from "../../src/workbook/names";
import { renderScenarioStore } from "../../src/workbook/render/scenario-store";
import { som } from "./som";

const now = new Date("2026-11-23T12:00:00Z");
let dir: string;
let withScenarios: string;
let without: string;

/** Example inputs with the discount rate at 0 % in scenario "Uden diskontering" and 3,5 % in "Basis". */
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-compare-"));
  const template = buildTemplateSpec("da", EXAMPLE_DATA);
  const wb = MemoryWorkbook.fromSpec(template);
  const a = await saveScenario(wb, "Basis", { now });
  const rate = (await wb.readNames([N.discountRate])).get(N.discountRate.toLowerCase());
  if (rate?.kind !== "range" || !a.ok) throw new Error("setup");
  await wb.writeCells(rate.sheet, rate.row, rate.col, [[0]]);
  const b = await saveScenario(wb, "Uden diskontering", { now });
  if (!b.ok) throw new Error("setup");
  const store = renderScenarioStore([a.scenario, b.scenario]);
  withScenarios = path.join(dir, "med.xlsx");
  fs.writeFileSync(
    withScenarios,
    await writeWorkbookSpec({
      sheets: [...template.sheets, store.sheet],
      names: [...template.names, ...store.names],
    }),
  );
  without = path.join(dir, "uden.xlsx");
  fs.writeFileSync(without, await writeWorkbookSpec(template));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface FigureJson {
  difference: number;
  from: number;
  to: number;
  contributions: Record<string, number>;
}

describe("som compare", () => {
  it("prints JSON: both scenarios, and a discount-rate change that moves only the present value", async () => {
    const r = await som(["compare", withScenarios, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      scenarios: { name: string; discountRate: number; total: { netTotal: number; presentValue: number } }[];
      decomposition: {
        from: string;
        to: string;
        method: string;
        total: { netTotal: FigureJson; presentValue: FigureJson };
      };
    };
    expect(json.scenarios.map((s) => [s.name, s.discountRate])).toEqual([
      ["Basis", 0.035],
      ["Uden diskontering", 0],
    ]);
    const [a, b] = json.scenarios;
    // Σ NR does not depend on ρ; at ρ = 0 the present value equals Σ NR (som-method.md §6).
    expect(b?.total.netTotal).toBe(a?.total.netTotal);
    expect(b?.total.presentValue).toBeCloseTo(b?.total.netTotal ?? NaN, 6);
    const d = json.decomposition;
    expect([d.from, d.to, d.method]).toEqual(["Basis", "Uden diskontering", "shapley-exact"]);
    expect(d.total.netTotal.difference).toBe(0);
    expect(d.total.presentValue.contributions["discountRate"]).toBeCloseTo(
      d.total.presentValue.difference,
      6,
    );
    for (const f of ["successRates", "participants", "costs", "consequences", "prices", "horizon"]) {
      expect(d.total.presentValue.contributions[f]).toBe(0);
    }
  });

  it("prints a Danish table by default and honours --from/--to", async () => {
    const r = await som(["compare", withScenarios, "--from", "uden diskontering", "--to", "basis"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Hvorfor flyttede det sig? Fra »Uden diskontering« til »Basis«");
    expect(r.out).toContain("Diskonteringsrente");
    // the model of each scenario: the example's Pr. kohorte, v = 2, Offentlig sektor
    const header = r.out.split("\n").find((l) => l.startsWith("Scenarie")) ?? "";
    expect(header.split(/\s{2,}/).slice(0, 6)).toEqual([
      "Scenarie",
      "F",
      "Horisontmetode",
      "v",
      "Perspektiv",
      "ρ",
    ]);
    const basis = r.out.split("\n").find((l) => l.startsWith("Basis ")) ?? "";
    expect(basis.split(/\s{2,}/).slice(0, 6)).toEqual([
      "Basis",
      "10",
      "Pr. kohorte",
      "2",
      "Offentlig sektor",
      "3,5 %",
    ]);
  });

  it("writes a new workbook with the Sammenligning sheet when given --out, leaving the input untouched", async () => {
    const before = fs.readFileSync(withScenarios);
    const out = path.join(dir, "sammenligning.xlsx");
    const r = await som(["compare", withScenarios, "--out", out]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(withScenarios).equals(before)).toBe(true);
    const sheets = await (await FileWorkbook.open(out)).listSheets();
    expect(sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining([RESULT_SHEETS.comparison, RESULT_SHEETS.meta, "_som_scenarier"]),
    );
  });

  it("says the difference cannot be decomposed when the perspectives differ (not a price-level message)", async () => {
    const template = buildTemplateSpec("da", EXAMPLE_DATA);
    const wb = MemoryWorkbook.fromSpec(template);
    const a = await saveScenario(wb, "Offentlig", { now });
    const p = (await wb.readNames([N.perspective])).get(N.perspective.toLowerCase());
    if (p?.kind !== "range" || !a.ok) throw new Error("setup");
    await wb.writeCells(p.sheet, p.row, p.col, [["Kun kommune"]]);
    const b = await saveScenario(wb, "Kommunen", { now });
    if (!b.ok) throw new Error("setup");
    const store = renderScenarioStore([a.scenario, b.scenario]);
    const file = path.join(dir, "perspektiv.xlsx");
    fs.writeFileSync(
      file,
      await writeWorkbookSpec({
        sheets: [...template.sheets, store.sheet],
        names: [...template.names, ...store.names],
      }),
    );
    const r = await som(["compare", file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "Forskellen kan ikke opdeles: scenarierne har forskelligt perspektiv (Offentlig sektor / Kun kommune).",
    );
    expect(r.out).not.toContain("forskelligt prisniveau");
  });

  it("exits 2 with an issue when the workbook has no saved scenarios", async () => {
    const r = await som(["compare", without, "--json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ issues: [{ code: "no-scenarios" }] });
  });

  it("is listed in som --help", async () => {
    const r = await som(["--help"]);
    expect(r.out).toContain("compare");
  });
});
