/**
 * `som calculate` end to end on real files: --out writes a new workbook with the inputs, the result sheet and
 * the hidden meta sheet; a workbook whose own "Resultater" sheet is not ours stops with exit 2 and writes
 * nothing; the tool's own output can be calculated again.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isStale } from "../../src/app/stale";
import { FileWorkbook } from "../../src/file/file-workbook";
import { writeWorkbookSpec } from "../../src/file/write-workbook-spec";
import { englishReorderedSpec } from "../golden/hand-layout";
import { som } from "./som";

const FIXTURE = path.join(__dirname, "..", "golden", "one-actor.xlsx");
const sha256 = (file: string): string =>
  crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-calc-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function scalar(file: string, name: string): Promise<unknown> {
  const v = (await (await FileWorkbook.open(file)).readNames([name])).get(name.toLowerCase());
  return v?.kind === "range" ? v.values[0]?.[0] : undefined;
}

describe("som calculate --out", () => {
  it("writes the inputs, Resultater and a hidden _som_meta with the snapshot; the input file is unchanged", async () => {
    const out = path.join(dir, "one-actor-result.xlsx");
    const before = sha256(FIXTURE);
    const r = await som(["calculate", FIXTURE, "--out", out]);
    expect(r.code).toBe(0);
    expect(sha256(FIXTURE)).toBe(before);
    const wb = await FileWorkbook.open(out);
    const sheets = await wb.listSheets();
    expect(sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Indstillinger", "Resultater", "_som_meta"]),
    );
    expect(sheets.find((s) => s.name === "_som_meta")?.visibility).toBe("veryHidden");
    // one-actor.calc.md: Σ NR = 50.000 kr., break-even 2027.
    expect(await scalar(out, "SOM_Res_Netto_Total")).toBe(50000);
    expect(await scalar(out, "SOM_Res_Aar_A1")).toBe(2027);
    expect(await scalar(out, "SOM_Status")).toBe("Aktuel");
    expect(await isStale(wb)).toEqual({ state: "current", stale: false });
  });

  it("calculates its own output again (the result sheets are recognised as ours)", async () => {
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    expect((await som(["calculate", FIXTURE, "--out", first])).code).toBe(0);
    const r = await som(["calculate", first, "--out", second, "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { total: { netTotal: number } }).total.netTotal).toBe(50000);
  });
});

describe("a Resultater sheet that is not ours", () => {
  it("stops with exit 2, prints the contract's issue JSON and writes no output file", async () => {
    const spec = englishReorderedSpec();
    const input = path.join(dir, "own-results.xlsx");
    await writeWorkbookSpec(
      {
        ...spec,
        sheets: [
          ...spec.sheets,
          { name: "Resultater", role: "input", blocks: [{ row: 0, col: 0, values: [["mine tal"]] }] },
        ],
      },
      input,
    );
    const out = path.join(dir, "never.xlsx");
    const r = await som(["calculate", input, "--out", out, "--json"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { issues: { code: string; sheet: string | null; message: string }[] };
    expect(doc.issues.map((i) => [i.code, i.sheet])).toEqual([["sheet-not-owned", "Resultater"]]);
    expect(doc.issues[0]?.message).toContain("overskrives ikke");
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("som calculate and the follow-up (SOM_Realiseret, som-method.md §11)", () => {
  const EXAMPLE_FILE = path.join(__dirname, "..", "..", "examples", "eksempel.xlsx");

  it("--json adds followUp for the example's realised years, with the costs' part derived by hand", async () => {
    const r = await som(["calculate", EXAMPLE_FILE, "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      total: { netTotal: number };
      followUp: {
        realisedYears: number[];
        total: {
          forecast: { netTotal: number };
          difference: { netTotal: number };
          contributions: { netTotal: { participants: number; successRates: number; costs: number } };
          netByYear: { forecast: number[]; updated: number[]; costs: number[] };
        };
        byActor: Record<string, { contributions: { netTotal: { costs: number } } }>;
        status: string[];
      };
    };
    const f = doc.followUp;
    expect(f.realisedYears).toEqual([2025, 2026]);
    expect(f.total.forecast.netTotal).toBe(doc.total.netTotal);
    const c = f.total.contributions.netTotal;
    expect(c.participants + c.successRates + c.costs).toBeCloseTo(f.total.difference.netTotal, 6);
    // examples/README.md: ½ × [(2.175.000 − 2.250.000) + (2.170.000 − 2.250.000)] = −77.500 kr., all in 2025
    expect(f.byActor["Kommune"]?.contributions.netTotal.costs).toBeCloseTo(-77_500, 6);
    expect(f.total.netByYear.costs[0]).toBeCloseTo(-77_500, 6);
    expect(f.total.netByYear.costs.slice(1).every((x) => x === 0)).toBe(true);
    expect(f.status).toHaveLength(3);
    expect(f.status[0]).toMatch(/^Kommune: Til og med 2026 /);
  });

  it("prints the status sentences under the table, and a workbook without realised figures has no followUp", async () => {
    const text = await som(["calculate", EXAMPLE_FILE]);
    expect(text.out).toContain("Opfølgning (realiserede tal for 2025, 2026):");
    expect(text.out).toMatch(/\n {2}Region: Til og med 2026 /);
    const plain = await som([
      "calculate",
      path.join(__dirname, "..", "golden", "three-actors.xlsx"),
      "--json",
    ]);
    expect(JSON.parse(plain.out)).not.toHaveProperty("followUp");
  });
});
