import type { InputIssue } from "../../../src/engine/types";
import type { NamedValue } from "../../../src/workbook/port";
import { readRealism, readSimulation } from "../../../src/workbook/read/read-uncertainty";
import type { CellValue } from "../../../src/workbook/sheet-model";
import { baseCase } from "../../engine/sensitivity/base-case";

const scenario = baseCase(); // actors Kommune, Stat; one effect "Job", r = 20 %

const range = (
  name: string,
  row: number,
  col: number,
  values: CellValue[][],
  sheet = "Usikkerhed",
): [string, NamedValue] => [name.toLowerCase(), { kind: "range", name, sheet, row, col, values }];
const cell = (name: string, row: number, col: number, value: CellValue): [string, NamedValue] =>
  range(name, row, col, [[value]]);
const names = (...entries: [string, NamedValue][]): ReadonlyMap<string, NamedValue> => new Map(entries);

/** SOM_Usikkerhed at B5 (row 4, col 1) with the template's header. */
const table = (rows: CellValue[][]): [string, NamedValue] =>
  range("SOM_Usikkerhed", 4, 1, [["Parameter", "Fordeling", "Lav", "Mest sandsynlig", "Høj"], ...rows]);

const effectName = scenario.effects[0]!.name;

function issuesOf(map: ReadonlyMap<string, NamedValue>): readonly InputIssue[] {
  const r = readSimulation(map, scenario);
  if (r.ok) throw new Error("expected issues");
  return r.issues;
}

const where = (i: InputIssue): [string, string | undefined, string | undefined, string | undefined] => [
  i.code,
  i.location.name,
  i.location.sheet,
  i.location.cell,
];

describe("reading the simulation settings", () => {
  it("gives nothing to simulate without SOM_Usikkerhed, and the defaults 10.000 iterations and seed 1", () => {
    const r = readSimulation(names(), scenario);
    expect(r).toEqual({ ok: true, value: null, warnings: [] });
    const r2 = readSimulation(names(table([["Konsekvenser", "Uniform", -0.2, null, 0.1]])), scenario);
    expect(r2.ok && r2.value).toEqual({
      inputs: [{ parameter: "consequences", distribution: { kind: "uniform", low: -0.2, high: 0.1 } }],
      iterations: 10_000,
      seed: 1,
    });
  });

  it("reads every parameter, one effect's success rate, both distributions (Danish or English), iterations and seed", () => {
    const r = readSimulation(
      names(
        range("SOM_Usikkerhed", 0, 0, [
          ["high", "distribution", "PARAMETER", "Low", "most likely"],
          [0.3, "Trekant", `Succesrate: ${effectName.toUpperCase()}`, 0.1, 0.2],
          [null, null, null, null, null],
          [0.25, "triangular", "costs", -0.1, 0],
          [0.05, "uniform", "Priser", -0.05, null],
          [0.1, "Uniform", "Deltagere", -0.1, null],
        ]),
        cell("SOM_Simulering_Antal", 12, 2, 2500),
        cell("SOM_Simulering_Seed", 13, 2, 4294967295),
      ),
      scenario,
    );
    expect(r.ok && r.value).toEqual({
      inputs: [
        {
          parameter: "successRate",
          effect: 0,
          distribution: { kind: "triangular", low: 0.1, mode: 0.2, high: 0.3 },
        },
        { parameter: "costs", distribution: { kind: "triangular", low: -0.1, mode: 0, high: 0.25 } },
        { parameter: "prices", distribution: { kind: "uniform", low: -0.05, high: 0.05 } },
        { parameter: "participants", distribution: { kind: "uniform", low: -0.1, high: 0.1 } },
      ],
      iterations: 2500,
      seed: 4294967295,
    });
  });

  it("names the cell of each bad input, in Danish and English", () => {
    const issues = issuesOf(
      names(
        table([
          ["Tidshorisont", "Uniform", 5, null, 10], // row 6: not a simulation parameter
          ["Succesrate", "Uniform", 0.3, null, 0.1], // row 7: Lav > Høj
          ["Konsekvenser", "Trekant", -0.2, 0.3, 0.1], // row 8: mode outside [Lav, Høj]
          ["Priser", "Normal", -0.1, null, 0.1], // row 9: unknown distribution
          ["Omkostninger", "Trekant", -0.1, null, 0.1], // row 10: Trekant without mode
          ["Succesrate: Ukendt", "Uniform", 0.1, null, 0.2], // row 11: unknown effect
          ["Deltagere", "Uniform", -1.5, null, 0.1], // row 12: below −100 %
        ]),
        cell("SOM_Simulering_Antal", 20, 2, 0),
        cell("SOM_Simulering_Seed", 21, 2, 2.5),
      ),
    );
    expect(issues.map(where)).toEqual([
      ["uncertainty-unknown-parameter", "SOM_Usikkerhed", "Usikkerhed", "B6"],
      ["uncertainty-low-above-high", "SOM_Usikkerhed", "Usikkerhed", "D7"],
      ["uncertainty-mode-outside", "SOM_Usikkerhed", "Usikkerhed", "E8"],
      ["uncertainty-unknown-distribution", "SOM_Usikkerhed", "Usikkerhed", "C9"],
      ["required-cell-blank", "SOM_Usikkerhed", "Usikkerhed", "E10"],
      ["uncertainty-unknown-effect", "SOM_Usikkerhed", "Usikkerhed", "B11"],
      ["uncertainty-value-out-of-range", "SOM_Usikkerhed", "Usikkerhed", "D12"],
      ["uncertainty-iterations-out-of-range", "SOM_Simulering_Antal", "Usikkerhed", "C21"],
      ["not-an-integer", "SOM_Simulering_Seed", "Usikkerhed", "C22"],
    ]);
    for (const i of issues) {
      expect(i.severity).toBe("error");
      expect(i.message.da).not.toBe(i.message.en);
      expect(i.message.da.length).toBeGreaterThan(20);
    }
    expect(issues[1]!.message.da).toContain("Lav (0,3) er større end Høj (0,1)");
    expect(issues[7]!.message.en).toContain("from 1 to 100,000");
  });

  it("rejects 10⁹ iterations, a negative seed, a seed above 2³² − 1 and a duplicated parameter", () => {
    expect(issuesOf(names(cell("SOM_Simulering_Antal", 0, 0, 1e9))).map((i) => i.code)).toEqual([
      "uncertainty-iterations-out-of-range",
    ]);
    expect(issuesOf(names(cell("SOM_Simulering_Seed", 0, 0, -1))).map((i) => i.code)).toEqual([
      "uncertainty-seed-out-of-range",
    ]);
    expect(issuesOf(names(cell("SOM_Simulering_Seed", 0, 0, 2 ** 32))).map((i) => i.code)).toEqual([
      "uncertainty-seed-out-of-range",
    ]);
    expect(issuesOf(names(cell("SOM_Simulering_Seed", 0, 0, "7"))).map((i) => i.code)).toEqual([
      "number-as-text",
    ]);
    expect(
      issuesOf(
        names(
          table([
            ["Succesrate", "Uniform", 0.1, null, 0.2],
            [`Succesrate: ${effectName}`, "Uniform", 0.1, null, 0.2],
            ["Konsekvenser", "Uniform", 0, null, 0.2],
            ["consequences", "Uniform", 0, null, 0.2],
          ]),
        ),
      ).map(where),
    ).toEqual([
      ["uncertainty-duplicate-parameter", "SOM_Usikkerhed", "Usikkerhed", "B7"],
      ["uncertainty-duplicate-parameter", "SOM_Usikkerhed", "Usikkerhed", "B9"],
    ]);
  });

  it("rejects a most likely value on a uniform row", () => {
    expect(issuesOf(names(table([["Priser", "Uniform", -0.1, 0, 0.1]]))).map(where)).toEqual([
      ["uncertainty-mode-for-uniform", "SOM_Usikkerhed", "Usikkerhed", "E6"],
    ]);
  });
});

describe("reading the realism adjustment", () => {
  const effects = (evidence: CellValue): [string, NamedValue] =>
    range(
      "SOM_Effekter",
      3,
      0,
      [
        ["Effektmål", "Succesrate", "Evidens"],
        [effectName, 0.2, evidence],
      ],
      "Effekt",
    );
  const realism = (rows: CellValue[][]): [string, NamedValue] =>
    range("SOM_Realisme", 10, 1, [["Evidensniveau", "Reduktion"], ...rows]);

  it("is absent when none of its names is filled in", () => {
    expect(readRealism(names(effects(2), cell("SOM_Forsinkelse", 0, 0, null)), scenario)).toEqual({
      ok: true,
      value: null,
      warnings: [],
    });
  });

  it("reads the reductions per level, the effect's level, the uplift and the delay", () => {
    const r = readRealism(
      names(
        effects(2),
        realism([
          [1, 0],
          [2, 0.25],
          [3, 0.5],
        ]),
        cell("SOM_Omkostningstillaeg", 20, 2, 0.1),
        cell("SOM_Forsinkelse", 21, 2, 1),
      ),
      scenario,
    );
    expect(r.ok && r.value).toEqual({
      successRateReduction: [0.25],
      evidenceLevels: [2],
      reductionByLevel: new Map([
        [1, 0],
        [2, 0.25],
        [3, 0.5],
      ]),
      costUplift: 0.1,
      delayYears: 1,
    });
  });

  it("locates a level without a reduction, a bad level, a bad reduction, a negative uplift and a delay of 11", () => {
    const r = readRealism(
      names(
        effects(3),
        realism([
          [1, 0],
          [4, 0.2],
          [2, 1.5],
        ]),
        cell("SOM_Omkostningstillaeg", 20, 2, -0.1),
        cell("SOM_Forsinkelse", 21, 2, 11),
      ),
      scenario,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map(where)).toEqual([
      ["realism-level-out-of-range", "SOM_Realisme", "Usikkerhed", "B13"],
      ["realism-reduction-out-of-range", "SOM_Realisme", "Usikkerhed", "C14"],
      ["realism-uplift-out-of-range", "SOM_Omkostningstillaeg", "Usikkerhed", "C21"],
      ["realism-delay-out-of-range", "SOM_Forsinkelse", "Usikkerhed", "C22"],
      ["realism-level-without-reduction", "SOM_Effekter", "Effekt", "C5"],
    ]);
  });

  it("warns (not an error) when an effect has no evidence level", () => {
    const r = readRealism(names(effects(null), realism([[1, 0]])), scenario);
    expect(r.ok && r.warnings.map(where)).toEqual([
      ["realism-effect-without-level", "SOM_Effekter", "Effekt", "C5"],
    ]);
    expect(r.ok && r.value?.successRateReduction).toEqual([0]);
  });
});
