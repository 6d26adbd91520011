/**
 * The committed files generated from the layout: assets/SOM-skabelon.xlsx (`npm run template`) and
 * examples/eksempel.xlsx (`npm run example`) must equal what the layout definition generates now, open
 * with our own reader, and (the example) calculate to the hand-derived figures of examples/README.md.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { calculate } from "../../../src/engine/calculate";
import { validateScenario } from "../../../src/engine/validate";
import { FileWorkbook } from "../../../src/file/file-workbook";
import { writeWorkbookSpec } from "../../../src/file/xlsx-writer";
import { buildTemplateSpec } from "../../../src/workbook/layout/build-template-spec";
import {
  EXAMPLE_DATA,
  EXAMPLE_DECISION,
  EXAMPLE_UNCERTAINTY,
} from "../../../src/workbook/layout/example-data";
import { COLUMNS, INPUT_NAMES, N } from "../../../src/workbook/names";
import { readScenario, SCENARIO_NAMES } from "../../../src/workbook/read/read-scenario";
import { readSensitivity, SENSITIVITY_NAMES } from "../../../src/workbook/read/read-sensitivity";

const root = path.join(__dirname, "..", "..", "..");
const TEMPLATE_FILE = path.join(root, "assets", "SOM-skabelon.xlsx");
const EXAMPLE_FILE = path.join(root, "examples", "eksempel.xlsx");

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && Buffer.from(a).equals(Buffer.from(b));

describe("the template file", () => {
  it("is byte-for-byte what the layout definition generates (run `npm run template` after changing the layout)", async () => {
    const fresh = await writeWorkbookSpec(buildTemplateSpec("da"));
    expect(sameBytes(new Uint8Array(fs.readFileSync(TEMPLATE_FILE)), fresh)).toBe(true);
  });

  it("is generated deterministically: two runs give identical bytes, Danish and English", async () => {
    for (const lang of ["da", "en"] as const) {
      const a = await writeWorkbookSpec(buildTemplateSpec(lang));
      const b = await writeWorkbookSpec(buildTemplateSpec(lang));
      expect(sameBytes(a, b)).toBe(true);
    }
  });

  it("opens with our reader and every contract name resolves to a range on the layout's sheet and cells", async () => {
    const spec = buildTemplateSpec("da");
    const wb = FileWorkbook.fromBytes(new Uint8Array(fs.readFileSync(TEMPLATE_FILE)));
    const named = await wb.readNames(INPUT_NAMES);
    for (const name of INPUT_NAMES) {
      const want = spec.names.find((n) => n.name === name);
      const got = named.get(name.toLowerCase());
      expect([name, got?.kind]).toEqual([name, "range"]);
      if (got?.kind !== "range" || want === undefined || !("sheet" in want)) continue;
      expect([name, got.sheet]).toEqual([name, want.sheet]);
    }
    const costs = named.get(N.costs.toLowerCase());
    expect(costs?.kind === "range" ? costs.values[0] : []).toEqual(COLUMNS[N.costs].map((c) => c.da));
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(spec.sheets.map((s) => s.name));
  });

  it("reads as a scenario with located issues only for what the user must type (start year, operating period, an effect)", async () => {
    const wb = FileWorkbook.fromBytes(new Uint8Array(fs.readFileSync(TEMPLATE_FILE)));
    const read = readScenario(await wb.readNames(SCENARIO_NAMES));
    // The blank template has no costs and no participants yet: two warnings, nothing else.
    expect(read.issues.map((i) => [i.code, i.severity])).toEqual([
      ["no-costs", "warning"],
      ["no-participants", "warning"],
    ]);
    const v = validateScenario(read.raw);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues.map((i) => i.location.path.join("."))).toEqual(
      expect.arrayContaining(["settings.startYear", "settings.operatingPeriod", "effects"]),
    );
    expect(read.raw.settings.discountRate).toBe(0.035);
    expect(read.raw.settings.horizon).toBe(10);
  });
});

describe("the example workbook", () => {
  it("is byte-for-byte what example-data.ts generates (run `npm run example` after changing it)", async () => {
    const fresh = await writeWorkbookSpec(
      buildTemplateSpec({
        lang: "da",
        data: EXAMPLE_DATA,
        decision: EXAMPLE_DECISION,
        uncertainty: EXAMPLE_UNCERTAINTY,
      }),
    );
    expect(sameBytes(new Uint8Array(fs.readFileSync(EXAMPLE_FILE)), fresh)).toBe(true);
  });

  it("calculates without issues to the figures derived independently in examples/README.md", async () => {
    const wb = FileWorkbook.fromBytes(new Uint8Array(fs.readFileSync(EXAMPLE_FILE)));
    const named = await wb.readNames([...SCENARIO_NAMES, ...SENSITIVITY_NAMES]);
    const read = readScenario(named);
    expect(read.issues).toEqual([]);
    const v = validateScenario(read.raw);
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    const r = calculate(v.value);
    // Pr. kohorte, D = 3, v = 2, F = 10: T = 3 + 2 + 10 − 2 = 13 years, 2025–2037; every cohort followed 10 years.
    expect(r.years).toEqual(Array.from({ length: 13 }, (_, i) => 2025 + i));
    expect(r.horizon.method).toBe("perCohort");
    expect(r.duration).toBe(2);
    expect(r.cohorts.map((c) => [c.completionYear, c.yearsFollowed])).toEqual([
      [2026, 10],
      [2027, 10],
      [2028, 10],
    ]);
    const [kommune, region, stat] = r.byActor;

    // Costs: Kommune 300.000 (Opstart) + 3 × 1.800.000 (Drift, D = 3) + 2.500 × 110 (Pr. forløb, start year);
    // Region 4.000 × R_t summed over t = 1..4, R = 30, 70, 80, 40 (R_t = N_t + N_{t−1}, v = 2).
    expect(kommune?.costTotal).toBe(300_000 + 3 * 1_800_000 + 2_500 * 110);
    expect(region?.costTotal).toBe(4_000 * (30 + 70 + 80 + 40));

    // Consequences: S_s = N_s × 0,126, Σ S = 13,86; every cohort counts all 10 consequence years, plus the
    // Under indsats line (−2 months of uddannelseshjælp in the start year).
    const sumS = (30 + 40 + 40) * 0.126;
    const uddannelseshjaelp = [-4, -7, -7, -6, -6, -5, -5, -4, -4, -4];
    const tilbud = [-2, -3, -2, -2, -1, -1, -1, -1, -1, -1];
    const psykiatri = [-2, -2, -1, -1, -1];
    const skat = [0.2, 0.4, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
    const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);
    // Udgift: −Δq × price (less use saves); Indtægt: +Δq × price.
    const kommunePerSuccess = -sum(uddannelseshjaelp) * 5236 - sum(tilbud) * 3_500 + sum(skat) * 45_000;
    const statPerSuccess = -sum(uddannelseshjaelp) * 1309 + sum(skat) * 35_000;
    expect(kommunePerSuccess).toBeCloseTo(531_772, 9);
    expect(statPerSuccess).toBeCloseTo(229_068, 9);
    expect(kommune?.consequenceTotal).toBeCloseTo(sumS * (kommunePerSuccess + 2 * 5236), 6);
    expect(region?.consequenceTotal).toBeCloseTo(sumS * -sum(psykiatri) * 2_200, 6);
    expect(stat?.consequenceTotal).toBeCloseTo(sumS * (statPerSuccess + 2 * 1309), 6);
    // The README's table (checked with exact fractions by examples/check-example.py).
    expect(kommune?.consequenceTotal).toBeCloseTo(7_515_501.84, 6);
    expect(kommune?.netTotal).toBeCloseTo(1_540_501.84, 6);
    expect(kommune?.presentValue).toBeCloseTo(290_719.78, 2);
    expect(kommune?.breakEvenYear).toBe(2034);
    expect(region?.netTotal).toBeCloseTo(-666_556, 6);
    expect(region?.presentValue).toBeCloseTo(-645_101.62, 2);
    expect(region?.breakEvenYear).toBeNull();
    expect(stat?.netTotal).toBeCloseTo(3_211_167.96, 6);
    expect(stat?.presentValue).toBeCloseTo(2_565_116.57, 2);
    expect(stat?.breakEvenYear).toBe(2025);
    expect(r.total.netTotal).toBeCloseTo(4_085_113.8, 6);
    expect(r.total.presentValue).toBeCloseTo(2_210_734.73, 2);
    expect(r.total.breakEvenYear).toBe(2032);
    expect(r.beyondHorizon).toBe(0);
    // Year 1: Kommune 3,78 × 10.472 − 2.175.000; in 2026 cohort 1's first year and cohort 2's during year.
    expect(kommune?.net[0]).toBeCloseTo(-2_135_415.84, 6);
    expect(kommune?.net[1]).toBeCloseTo(-1_707_572.8, 6);

    const sens = readSensitivity(named, v.value);
    expect(sens.ok).toBe(true);
  });

  it("has a README table that the independent exact-fraction script confirms (python3 examples/check-example.py --check)", () => {
    const run = spawnSync("python3", [path.join(root, "examples", "check-example.py"), "--check"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    if (run.error !== undefined && (run.error as NodeJS.ErrnoException).code === "ENOENT") {
      console.warn("SKIPPED: python3 is not on PATH");
      return;
    }
    expect(run.stdout).toContain("README table: OK");
    expect(run.status).toBe(0);
  });
});
