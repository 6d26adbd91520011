/**
 * `som sensitivity` in-process on the golden three-actor workbook (hand calculation in
 * test/golden/three-actors.calc.md; the template's sensitivity settings: x = Succesrate 0–50 %, y = Konsekvenser
 * −50 %…+50 %, "Nettoresultat Kommune"). Kommune: Σ NR(r, c) = (r / 0,25)(1 + c)·1.800.000 − 490.000.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FileWorkbook } from "../../src/file/file-workbook";
import { writeWorkbookSpec } from "../../src/file/write-workbook-spec";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { RESULT_SHEETS } from "../../src/workbook/names";
import { parseRect } from "../../src/workbook/a1";
import { THREE_ACTORS } from "../golden/fixture-data";
import { withCell } from "../golden/make-fixtures";
import { som } from "./som";

const GOLDEN = path.join(__dirname, "..", "golden", "three-actors.xlsx");
const kommuneNet = (r: number, c: number): number => (r / 0.25) * (1 + c) * 1_800_000 - 490_000;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-sensitivity-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface SensitivityJson {
  tornado: { parameter: string; low: number; high: number; total: { low: number; high: number } }[];
  grid: {
    x: { parameter: string; values: number[] };
    y: { parameter: string; values: number[] };
    result: string;
    cells: number[][];
  };
  breakEven: Record<
    string,
    { successRate: number | null; consequenceChange: number | null; costChange: number | null }
  >;
}

describe("som sensitivity", () => {
  it("prints the JSON document: tornado, grid with cells[i][j] at y[i], x[j], break-even values per actor", async () => {
    const r = await som(["sensitivity", GOLDEN, "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as SensitivityJson;
    expect(doc.grid.x.parameter).toBe("Succesrate");
    expect(doc.grid.y.parameter).toBe("Konsekvenser");
    expect(doc.grid.result).toBe("Nettoresultat Kommune");
    doc.grid.y.values.forEach((c, i) =>
      doc.grid.x.values.forEach((rate, j) =>
        expect(doc.grid.cells[i]?.[j]).toBeCloseTo(kommuneNet(rate, c), 6),
      ),
    );
    expect(Object.keys(doc.breakEven)).toEqual(["Kommune", "Region", "Stat"]);
    expect(doc.breakEven["Kommune"]?.successRate).toBeCloseTo(490_000 / 7_200_000, 12);
    expect(doc.breakEven["Stat"]?.costChange).toBeNull();
    // Tornado row for costs ±25 % (the template's values): total Σ NR = 2.863.000 − (1 ± 0,25)·520.000.
    const costs = doc.tornado.find((b) => b.parameter === "Omkostninger");
    expect(costs).toEqual({
      parameter: "Omkostninger",
      key: "costs",
      low: -0.25,
      high: 0.25,
      total: {
        low: expect.closeTo(2_863_000 - 0.75 * 520_000, 6),
        high: expect.closeTo(2_863_000 - 1.25 * 520_000, 6),
      },
      swing: expect.closeTo(260_000, 6),
      byActor: expect.anything(),
    });
  });

  it("prints a Danish summary by default and an English one with --lang en", async () => {
    const da = await som(["sensitivity", GOLDEN]);
    expect(da.code).toBe(0);
    expect(da.out).toContain("Tornado: samlet nettoresultat");
    expect(da.out).toContain("Kritiske værdier");
    expect(da.out).toMatch(
      /Omkostninger\s+-25 %\s+\+25 %\s+2\.473\.000 kr\.\s+2\.213\.000 kr\.\s+260\.000 kr\./,
    );
    const en = await som(["sensitivity", GOLDEN, "--lang", "en"]);
    expect(en.out).toContain("Break-even values");
  });

  it("writes a new workbook with Følsomhedsresultater with --out, leaving the input file unchanged", async () => {
    const before = fs.readFileSync(GOLDEN);
    const out = path.join(dir, "med-foelsomhed.xlsx");
    const r = await som(["sensitivity", GOLDEN, "--out", out]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(GOLDEN).equals(before)).toBe(true);
    const wb = await FileWorkbook.open(out);
    const sheets = (await wb.listSheets()).map((s) => s.name);
    expect(sheets).toEqual(expect.arrayContaining([RESULT_SHEETS.results, RESULT_SHEETS.sensitivity]));
    const grid = (await wb.readNames(["SOM_Fls_Gitter"])).get("som_fls_gitter");
    expect(grid?.kind).toBe("range");
    if (grid?.kind !== "range") return;
    expect(grid.sheet).toBe(RESULT_SHEETS.sensitivity);
    expect(grid.values[0]?.[1]).toBeCloseTo(kommuneNet(0.05, -0.5), 6);
  });

  it("exits 2 with located issues as JSON when a sensitivity input is wrong", async () => {
    let spec = buildTemplateSpec({ lang: "da", data: THREE_ACTORS });
    const target = spec.names.find((n) => n.name === "SOM_Foelsomhed");
    if (target === undefined || !("ref" in target)) throw new Error("template has no SOM_Foelsomhed range");
    const rect = parseRect(target.ref);
    if (rect === undefined) throw new Error("bad ref");
    // The second data row (Konsekvenser): type the parameter name wrong.
    spec = withCell(spec, target.sheet, rect.row + 2, rect.col, "Konsekvens");
    const file = path.join(dir, "forkert.xlsx");
    await writeWorkbookSpec(spec, file);
    const r = await som(["sensitivity", file, "--json"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as {
      issues: { code: string; name: string; sheet: string; cell: string }[];
    };
    expect(doc.issues).toEqual([
      expect.objectContaining({
        code: "sensitivity-unknown-parameter",
        name: "SOM_Foelsomhed",
        sheet: target.sheet,
        cell: `${String.fromCharCode(65 + rect.col)}${rect.row + 3}`,
      }),
    ]);
  });
});
