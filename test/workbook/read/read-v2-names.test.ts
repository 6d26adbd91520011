/**
 * The v2 inputs of the workbook contract: SOM_Varighed, SOM_Horisontmetode, SOM_Perspektiv, the `Fase` column
 * of SOM_Konsekvenser and the cost kind `Pr. forløb` — read in Danish and English, defaults when absent, and
 * every new validation rule located at its defined name, sheet and cell.
 */
import { validateScenario } from "../../../src/engine/validate";
import type { InputIssue } from "../../../src/engine/types";
import { readScenario, withEngineIssues } from "../../../src/workbook/read/read-scenario";
import { aNamedCell, aNamedRange, aScenarioWorkbook } from "./named-values";

const where = (issues: readonly InputIssue[]) =>
  issues.map((i) => [i.code, i.location.name, i.location.sheet, i.location.cell]);

const method = (v: string) => aNamedCell("Indstillinger", "C7", v, "SOM_Horisontmetode");
const perspective = (v: string) => aNamedCell("Indstillinger", "C8", v, "SOM_Perspektiv");
const duration = (v: number | string) => aNamedCell("Indsats", "C6", v, "SOM_Varighed");
const consequences = (rows: (string | number | null)[][]) =>
  aNamedRange(
    "Konsekvenser",
    "B4",
    [["Effektmål", "Ydelse", "Enhed", "Art", "Fase", "År 1", "År 2", "År 3"], ...rows],
    "SOM_Konsekvenser",
  );

/** Read, validate and locate: every issue the user would see. */
function issuesFor(overrides: Parameters<typeof aScenarioWorkbook>[0]): InputIssue[] {
  const read = readScenario(aScenarioWorkbook(overrides));
  const v = validateScenario(read.raw);
  return withEngineIssues(read, v.ok ? v.warnings : v.issues);
}

describe("reading the v2 names", () => {
  it("a workbook without them (v1) reads with no issues and takes the defaults: per cohort, v = 1, public", () => {
    const read = readScenario(aScenarioWorkbook());
    expect(read.issues).toEqual([]);
    expect(read.raw.settings.horizonMethod).toBeUndefined();
    const v = validateScenario(read.raw);
    expect(v.ok && v.value.settings).toMatchObject({
      horizonMethod: "perCohort",
      duration: 1,
      perspective: "public",
    });
  });

  it.each([
    ["Pr. kohorte", "perCohort"],
    ["  kalenderår ", "calendar"],
    ["Per cohort", "perCohort"],
    ["CALENDAR YEARS", "calendar"],
  ])("reads the horizon method %p as %p", (text, code) => {
    const read = readScenario(aScenarioWorkbook({ SOM_Horisontmetode: method(text) }));
    expect(read.raw.settings.horizonMethod).toBe(code);
  });

  it.each([
    ["Offentlig sektor", "public"],
    ["Kun kommune", "kommune"],
    ["Public sector", "public"],
    ["municipality only", "kommune"],
  ])("reads the perspective %p as %p", (text, code) => {
    const read = readScenario(aScenarioWorkbook({ SOM_Perspektiv: perspective(text) }));
    expect(read.raw.settings.perspective).toBe(code);
  });

  it("reads the duration, the phase column (Danish and English, blank = after) and the kind Pr. forløb / Per course", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Varighed: duration(2),
        SOM_Konsekvenser: consequences([
          ["Beskæftigelse", "Kontanthjælp", "år", "Udgift", "Under indsats", -0.25, null, null],
          ["Beskæftigelse", "Kontanthjælp", "år", "Udgift", "After", -0.5, -1, null],
          ["Beskæftigelse", "Kontanthjælp", "år", "Udgift", null, -0.5, null, null],
          ["Beskæftigelse", "Kontanthjælp", "år", "Udgift", "during", -0.1, null, null],
        ]),
        SOM_Omkostninger: aNamedRange(
          "Omkostninger",
          "B4",
          [
            ["Post", "Art", "Aktør", "Beløb"],
            ["Visitation", "Pr. forløb", "Kommune", 5000],
            ["Intake", "Per course", "Kommune", 5000],
          ],
          "SOM_Omkostninger",
        ),
      }),
    );
    expect(read.issues).toEqual([]);
    expect(read.raw.settings.duration).toBe(2);
    expect(read.raw.consequences.map((c) => c.phase)).toEqual(["during", "after", undefined, "during"]);
    expect(read.raw.costs.map((c) => c.kind)).toEqual(["PrForloeb", "PrForloeb"]);
    const v = validateScenario(read.raw);
    expect(v.ok ? v.warnings : v.issues).toEqual([]);
  });
});

describe("every v2 rule is located at its name, sheet and cell", () => {
  it("an unknown horizon method, at SOM_Horisontmetode", () => {
    expect(where(issuesFor({ SOM_Horisontmetode: method("Pr. år") }))).toEqual([
      ["unknown-horizon-method", "SOM_Horisontmetode", "Indstillinger", "C7"],
    ]);
  });

  it("an unknown perspective, at SOM_Perspektiv", () => {
    expect(where(issuesFor({ SOM_Perspektiv: perspective("Staten") }))).toEqual([
      ["unknown-perspective", "SOM_Perspektiv", "Indstillinger", "C8"],
    ]);
  });

  it("a duration outside 1–10, at SOM_Varighed", () => {
    expect(where(issuesFor({ SOM_Varighed: duration(11) }))).toEqual([
      ["out-of-range", "SOM_Varighed", "Indsats", "C6"],
    ]);
  });

  it("calendar years with D + v − 1 > F: at SOM_Tidshorisont, naming SOM_Driftsperiode", () => {
    // D = 3, v = 2 → the last starters complete in year 4 > F = 3
    const issues = issuesFor({
      SOM_Horisontmetode: method("Kalenderår"),
      SOM_Varighed: duration(2),
      SOM_Tidshorisont: aNamedCell("Indstillinger", "C4", 3, "SOM_Tidshorisont"),
    });
    expect(where(issues)).toEqual([
      ["calendar-horizon-too-short", "SOM_Tidshorisont", "Indstillinger", "C4"],
    ]);
    expect(issues[0]?.location.related).toEqual({
      name: "SOM_Driftsperiode",
      sheet: "Indsats",
      cell: "C5",
    });
  });

  it("a during value in year k ≥ v, at its own cell of SOM_Konsekvenser, naming SOM_Varighed", () => {
    // v = 2: a during line may only hold year 1 (column G). Row 2 of the block (sheet row 6) has År 2 (H6).
    const issues = issuesFor({
      SOM_Varighed: duration(2),
      SOM_Konsekvenser: consequences([
        ["Beskæftigelse", "Kontanthjælp", "år", "Udgift", null, -0.5, -1, null],
        ["Beskæftigelse", "Kontanthjælp", "år", "Udgift", "Under indsats", -0.25, -0.25, null],
      ]),
    });
    expect(where(issues)).toEqual([
      ["during-value-outside-intervention", "SOM_Konsekvenser", "Konsekvenser", "H6"],
    ]);
    expect(issues[0]?.location.related).toEqual({ name: "SOM_Varighed", sheet: "Indsats", cell: "C6" });
  });

  it("an unknown phase, at its cell of the Fase column", () => {
    const issues = issuesFor({
      SOM_Konsekvenser: consequences([
        ["Beskæftigelse", "Kontanthjælp", "år", "Udgift", "Før", -0.5, -1, null],
        ["Beskæftigelse", "Kontanthjælp", "år", "Udgift", "Efter indsats", -0.5, -1, null],
      ]),
    });
    expect(where(issues)).toEqual([["unknown-consequence-phase", "SOM_Konsekvenser", "Konsekvenser", "F5"]]);
  });

  it("Kun kommune without a Kommune actor, at SOM_Perspektiv, naming SOM_Aktoerer", () => {
    const issues = issuesFor({
      SOM_Perspektiv: perspective("Kun kommune"),
      SOM_Aktoerer: aNamedRange(
        "Indstillinger",
        "B9",
        [
          ["Aktør", "Niveau"],
          ["Kommune", "Andet"],
          ["Region Hovedstaden", "Region"],
          ["Staten", "Stat"],
        ],
        "SOM_Aktoerer",
      ),
    });
    expect(where(issues)).toEqual([["perspective-without-kommune", "SOM_Perspektiv", "Indstillinger", "C8"]]);
    expect(issues[0]?.location.related).toEqual({
      name: "SOM_Aktoerer",
      sheet: "Indstillinger",
      cell: "B9:C12",
    });
  });

  it("starters after the operating period, at the count cell, naming SOM_Driftsperiode", () => {
    const issues = issuesFor({
      SOM_Deltagere: aNamedRange(
        "Indsats",
        "B8",
        [
          ["År", "Deltagere"],
          [1, 20],
          [4, 5],
        ],
        "SOM_Deltagere",
      ),
    });
    expect(where(issues)).toEqual([
      ["participants-after-operating-period", "SOM_Deltagere", "Indsats", "C10"],
    ]);
  });
});
