/**
 * The committed files generated from the layout: assets/SOM-skabelon.xlsx (`npm run template`) and
 * examples/eksempel.xlsx (`npm run example`) must equal what the layout definition generates now, open
 * with our own reader, and (the example) calculate to the hand-derived figures of examples/README.md.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { calculate } from "../../../src/engine/calculate";
import { validateScenario } from "../../../src/engine/validate";
import { FileWorkbook } from "../../../src/file/file-workbook";
import { writeWorkbookSpec } from "../../../src/file/xlsx-writer";
import { buildTemplateSpec } from "../../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA, EXAMPLE_DECISION, EXAMPLE_UNCERTAINTY } from "../../../src/workbook/layout/example-data";
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
    expect(r.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034]);
    const [kommune, region, stat] = r.byActor;

    // Costs: Kommune 300.000 (Opstart) + 3 × 1.800.000 (Drift, D = 3); Region 4.000 × (30 + 40 + 40).
    expect(kommune?.costTotal).toBe(300_000 + 3 * 1_800_000);
    expect(region?.costTotal).toBe(4_000 * 110);

    // Consequences: successes S_c = N_c × 0,126; cohort c counts consequence years j = 1..H − c + 1.
    const S = [30, 40, 40].map((n) => n * 0.126);
    const within = (v: readonly number[]): number =>
      S.reduce((sum, s, c) => sum + s * v.slice(0, 10 - c).reduce((a, b) => a + b, 0), 0);
    const uddannelseshjaelp = [-4, -7, -7, -6, -6, -5, -5, -4, -4, -4];
    const tilbud = [-2, -3, -2, -2, -1, -1, -1, -1, -1, -1];
    const psykiatri = [-2, -2, -1, -1, -1, 0, 0, 0, 0, 0];
    const skat = [0.2, 0.4, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
    // Udgift: −Δq × price (less use saves); Indtægt: +Δq × price.
    const statPerSuccess = uddannelseshjaelp.map((d, j) => -d * 1309 + (skat[j] ?? 0) * 35_000);
    const kommunePerSuccess = uddannelseshjaelp.map(
      (d, j) => -d * 5236 - (tilbud[j] ?? 0) * 3_500 + (skat[j] ?? 0) * 45_000,
    );
    const regionPerSuccess = psykiatri.map((d) => -d * 2_200);
    expect(stat?.consequenceTotal).toBeCloseTo(within(statPerSuccess), 6); // 2.831.114,16
    expect(kommune?.consequenceTotal).toBeCloseTo(within(kommunePerSuccess), 6); // 6.660.566,64
    expect(region?.consequenceTotal).toBeCloseTo(within(regionPerSuccess), 6); // 213.444
    expect(stat?.consequenceTotal).toBeCloseTo(2_831_114.16, 6);

    const sens = readSensitivity(named, v.value);
    expect(sens.ok).toBe(true);
  });
});
