/**
 * `som simulate` in-process on workbooks written from the template with the example data and its uncertain
 * inputs (`EXAMPLE_UNCERTAINTY`): overrides, the JSON shape of issue 16, located issues (exit 2), bad
 * arguments (exit 1), and `--out` with the Usikkerhedsresultater and Simuleringer sheets. The numbers come
 * from the engine, whose exactness is tested in test/engine/simulation; here they must be the engine's own
 * for the settings the command says it used.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { simulate } from "../../src/engine/simulation/simulate";
import { validateScenario } from "../../src/engine/validate";
import { FileWorkbook } from "../../src/file/file-workbook";
import { writeWorkbookSpec } from "../../src/file/write-workbook-spec";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA, EXAMPLE_UNCERTAINTY } from "../../src/workbook/layout/example-data";
import type { UncertaintyTemplateData } from "../../src/workbook/layout/uncertainty-page";
import { RESULT_SHEETS } from "../../src/workbook/names";
import { som } from "./som";

let dir: string;
let example: string;

async function workbookWith(uncertainty: UncertaintyTemplateData, file: string): Promise<string> {
  const p = path.join(dir, file);
  await writeWorkbookSpec(buildTemplateSpec({ lang: "da", data: EXAMPLE_DATA, uncertainty }), p);
  return p;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-simulate-"));
  example = await workbookWith(EXAMPLE_UNCERTAINTY, "eksempel.xlsx");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface F {
  netTotal: { mean: number; p5: number; p50: number; p95: number };
  presentValue: { mean: number; p5: number; p50: number; p95: number };
  probabilityPositive: number;
  breakEvenYears: Record<string, number>;
  cumulative: { p5: number[]; p50: number[]; p95: number[] };
}
interface SimulationJson {
  seed: number;
  iterations: number;
  years: number[];
  byActor: Record<string, F>;
  byLevel: Record<string, F>;
  total: F;
}

describe("som simulate", () => {
  it("prints the JSON of issue 16 with --iterations and --seed overriding the workbook, equal to the engine's simulation", async () => {
    const r = await som(["simulate", example, "--json", "--iterations", "400", "--seed", "7"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as SimulationJson;
    expect([doc.seed, doc.iterations]).toEqual([7, 400]);
    expect(Object.keys(doc.byActor)).toEqual(["Kommune", "Region", "Stat"]);
    expect(Object.keys(doc.byLevel)).toEqual(["Kommune", "Region", "Stat"]);
    for (const f of [...Object.values(doc.byActor), doc.total]) {
      expect(Object.keys(f)).toEqual([
        "netTotal",
        "presentValue",
        "probabilityPositive",
        "breakEvenYears",
        "cumulative",
      ]);
      expect(f.netTotal.p5).toBeLessThanOrEqual(f.netTotal.p50);
      expect(f.netTotal.p50).toBeLessThanOrEqual(f.netTotal.p95);
      expect(f.cumulative.p50).toHaveLength(doc.years.length);
      expect(Object.keys(f.breakEvenYears).at(-1)).toBe("none");
      expect(Object.values(f.breakEvenYears).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      // Σ NR is the last year's cumulative net result, so P50 of both agree.
      expect(f.cumulative.p50.at(-1)).toBe(f.netTotal.p50);
    }
    // The engine directly, on the scenario as the file holds it, with the same inputs, 400 iterations, seed 7.
    const v = validateScenario(EXAMPLE_DATA);
    if (!v.ok) throw new Error("example invalid");
    const direct = simulate(v.value, {
      iterations: 400,
      seed: 7,
      inputs: [
        { parameter: "successRate", distribution: { kind: "triangular", low: 0.06, mode: 0.126, high: 0.2 } },
        { parameter: "consequences", distribution: { kind: "uniform", low: -0.3, high: 0.1 } },
        { parameter: "costs", distribution: { kind: "triangular", low: -0.05, mode: 0, high: 0.25 } },
      ],
    });
    expect(doc.total.probabilityPositive).toBe(direct.total.probabilityPositive);
    expect(doc.byActor.Kommune!.netTotal).toEqual(direct.byActor[0]!.netTotal);
    expect(doc.total.cumulative.p95).toEqual(direct.total.cumulative.p95);
  });

  it("prints the plain-Danish sentence and a table without --json", async () => {
    const r = await som(["simulate", example, "--iterations", "200"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /I \d+ % af simuleringerne giver indsatsen overskud for kommunen inden for tidshorisonten\./,
    );
    expect(r.out).toContain("Niveau: Kommune");
  });

  it("exits 2 with located issues for a bad SOM_Usikkerhed row, and 1 for a bad --iterations or --seed", async () => {
    const bad = await workbookWith(
      { inputs: [{ parameter: "Succesrate", distribution: "Uniform", low: 0.3, high: 0.1 }] },
      "bad.xlsx",
    );
    const r = await som(["simulate", bad, "--json"]);
    expect(r.code).toBe(2);
    const issues = (
      JSON.parse(r.out) as { issues: { code: string; name: string; sheet: string; cell: string }[] }
    ).issues;
    expect(issues.map((i) => [i.code, i.name, i.sheet])).toEqual([
      ["uncertainty-low-above-high", "SOM_Usikkerhed", "Usikkerhed"],
    ]);
    expect(issues[0]!.cell).toMatch(/^C\d+$/);
    for (const args of [
      ["--iterations", "0"],
      ["--iterations", "1000000000"],
      ["--seed", "1.5"],
      ["--seed", "-1"],
    ]) {
      const e = await som(["simulate", example, ...args]);
      expect(e.code).toBe(1);
    }
  });

  it("exits 2 when there is nothing to simulate", async () => {
    const empty = await workbookWith({ inputs: [] }, "empty.xlsx");
    const r = await som(["simulate", empty, "--json"]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("uncertainty-no-inputs");
  });

  it("writes Usikkerhedsresultater and, with --iterations-sheet, Simuleringer into a new file with --out", async () => {
    const out = path.join(dir, "ud.xlsx");
    const r = await som(["simulate", example, "--iterations", "300", "--iterations-sheet", "--out", out]);
    expect(r.code).toBe(0);
    const wb = await FileWorkbook.open(out);
    const sheets = (await wb.listSheets()).map((s) => s.name);
    expect(sheets).toEqual(
      expect.arrayContaining([RESULT_SHEETS.results, RESULT_SHEETS.uncertainty, RESULT_SHEETS.iterations]),
    );
    const named = await wb.readNames(["SOM_Usk_SandsynlighedPositiv_Total"]);
    const p = named.get("som_usk_sandsynlighedpositiv_total");
    const doc = JSON.parse(
      (await som(["simulate", example, "--iterations", "300", "--json"])).out,
    ) as SimulationJson;
    expect(p?.kind === "range" ? p.values[0]?.[0] : undefined).toBe(doc.total.probabilityPositive);
  });
});
