import type { InputIssue } from "../../src/engine/types";
import type { NamedValue } from "../../src/workbook/port";
import {
  parseResultSelector,
  readSensitivity,
  resultSelectorText,
} from "../../src/workbook/read/read-sensitivity";
import type { CellValue } from "../../src/workbook/sheet-model";
import { baseCase, baseCaseRaw, valid } from "../engine/sensitivity/base-case";

const scenario = baseCase(); // actors Kommune (Kommune), Stat (Stat); r = 20 %, H = 4

/** A range name on sheet "Følsomhed" with its top-left cell at 0-based (row, col). */
const range = (name: string, row: number, col: number, values: CellValue[][]): [string, NamedValue] => [
  name.toLowerCase(),
  { kind: "range", name, sheet: "Følsomhed", row, col, values },
];

const names = (...entries: [string, NamedValue][]): ReadonlyMap<string, NamedValue> => new Map(entries);

/** The table of the template, at B5 (row 4, col 1). */
const table = (rows: CellValue[][]): [string, NamedValue] =>
  range("SOM_Foelsomhed", 4, 1, [["Parameter", "Lav", "Høj"], ...rows]);

function issuesOf(map: ReadonlyMap<string, NamedValue>): readonly InputIssue[] {
  const r = readSensitivity(map, scenario);
  if (r.ok) throw new Error("expected issues");
  return r.issues;
}

describe("reading the sensitivity settings", () => {
  it("uses the defaults when none of the names exist", () => {
    const r = readSensitivity(names(), scenario);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.oneWay.map((s) => s.parameter)).toEqual([
      "successRate",
      "consequences",
      "costs",
      "prices",
      "participants",
      "horizon",
    ]);
    expect(r.value.grid.x.parameter).toBe("successRate");
    expect(r.value.grid.y.parameter).toBe("consequences");
    expect(r.value.grid.result).toEqual({ measure: "netTotal", scope: { kind: "total" } });
  });

  it("reads the table by header (Danish or English, any column order) and skips blank rows", () => {
    const r = readSensitivity(
      names(
        range("SOM_Foelsomhed", 0, 0, [
          ["high", "PARAMETER", "Low"],
          [0.3, "Succesrate", 0.1],
          [null, null, null],
          [1, "costs", -0.5],
          [12, "Tidshorisont", 2],
        ]),
      ),
      scenario,
    );
    expect(r.ok && r.value.oneWay).toEqual([
      { parameter: "successRate", low: 0.1, high: 0.3 },
      { parameter: "costs", low: -0.5, high: 1 },
      { parameter: "horizon", low: 2, high: 12 },
    ]);
  });

  it("reads a vertical and a horizontal axis: header cell = parameter, then the values (blanks skipped)", () => {
    const r = readSensitivity(
      names(
        range("SOM_Grid_X", 10, 0, [["Omkostninger"], [-0.1], [null], [0.1]]),
        range("SOM_Grid_Y", 20, 2, [["Deltagere", 0, 0.5, 1]]),
      ),
      scenario,
    );
    expect(r.ok && r.value.grid.x).toEqual({ parameter: "costs", values: [-0.1, 0.1] });
    expect(r.ok && r.value.grid.y).toEqual({ parameter: "participants", values: [0, 0.5, 1] });
  });

  it("takes the other default for a missing axis when the given axis uses the first default's parameter", () => {
    const r = readSensitivity(names(range("SOM_Grid_Y", 0, 0, [["Succesrate"], [0.1]])), scenario);
    expect(r.ok && r.value.grid.x.parameter).toBe("consequences");
    expect(r.ok && r.value.grid.y.parameter).toBe("successRate");
  });

  it("names the defined name and the cell of an unknown parameter, in Danish and English", () => {
    const [issue] = issuesOf(
      names(
        table([
          ["Succesrate", 0.1, 0.3],
          ["Renter", 0, 1],
        ]),
      ),
    );
    expect(issue).toMatchObject({
      code: "sensitivity-unknown-parameter",
      severity: "error",
      location: {
        name: "SOM_Foelsomhed",
        sheet: "Følsomhed",
        cell: "B7",
        path: ["SOM_Foelsomhed", 1, "parameter"],
      },
    });
    expect(issue?.message.da).toContain('"Renter"');
    expect(issue?.message.da).toContain("Succesrate, Konsekvenser");
    expect(issue?.message.en).toContain("Unknown sensitivity parameter");
  });

  it("reports values out of range at their cells: a rate above 100 %, a change below −100 %, a fractional horizon", () => {
    const issues = issuesOf(
      names(
        table([
          ["Succesrate", 0.1, 15],
          ["Priser", -1.5, 0],
          ["Tidshorisont", 5, 7.5],
        ]),
      ),
    );
    expect(issues.map((i) => [i.code, i.location.cell])).toEqual([
      ["sensitivity-value-out-of-range", "D6"],
      ["sensitivity-value-out-of-range", "C7"],
      ["sensitivity-value-out-of-range", "D8"],
    ]);
    expect(issues[0]?.message.da).toContain("1500 %");
    expect(issues[2]?.message.en).toContain("whole number of years");
  });

  it("reports a number stored as text and a blank value instead of guessing", () => {
    const issues = issuesOf(names(table([["Omkostninger", "-20 %", null]])));
    expect(issues.map((i) => [i.code, i.location.cell])).toEqual([
      ["number-as-text", "C6"],
      ["required-cell-blank", "D6"],
    ]);
  });

  it("reports a parameter listed twice", () => {
    const issues = issuesOf(
      names(
        table([
          ["Priser", -0.1, 0.1],
          ["prices", -0.2, 0.2],
        ]),
      ),
    );
    expect(issues.map((i) => [i.code, i.location.cell])).toEqual([["sensitivity-duplicate-parameter", "B7"]]);
  });

  it("reports both axes on the same parameter at the y header, naming the x header as the related place", () => {
    const issues = issuesOf(
      names(range("SOM_Grid_X", 14, 0, [["Priser"], [0]]), range("SOM_Grid_Y", 14, 1, [["priser"], [0.1]])),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "sensitivity-grid-same-parameter",
      location: { name: "SOM_Grid_Y", cell: "B15", related: { name: "SOM_Grid_X", cell: "A15" } },
    });
  });

  it("reports an axis that is not one row or one column, or that has no values", () => {
    expect(
      issuesOf(
        names(
          range("SOM_Grid_X", 0, 0, [
            ["Priser", 0],
            [0.1, 0.2],
          ]),
        ),
      )[0]?.code,
    ).toBe("sensitivity-grid-axis-shape");
    expect(issuesOf(names(range("SOM_Grid_X", 0, 0, [["Priser"], [null]])))[0]?.code).toBe(
      "sensitivity-grid-axis-empty",
    );
  });

  it("reports an unknown grid result with the cell and the grammar", () => {
    const [issue] = issuesOf(names(range("SOM_Grid_Resultat", 11, 1, [["Nettoresultat Kommunen"]])));
    expect(issue).toMatchObject({ code: "sensitivity-unknown-result", location: { cell: "B12" } });
    expect(issue?.message.da).toContain("Nettoresultat");
    expect(issue?.message.en).toContain('"Net result"');
  });

  it("says when the grid result names an actor or level that Kun kommune leaves out, at its name, sheet and cell", () => {
    // baseCase with Perspektiv = Kun kommune: Stat (level Stat) is not reported, Kommune is.
    const kommuneOnly = { ...scenario, settings: { ...scenario.settings, perspective: "kommune" as const } };
    const r = readSensitivity(
      names(range("SOM_Grid_Resultat", 11, 1, [["Nettoresultat Stat"]])),
      kommuneOnly,
    );
    if (r.ok) throw new Error("expected an issue");
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      code: "sensitivity-result-not-reported",
      location: { name: "SOM_Grid_Resultat", sheet: "Følsomhed", cell: "B12" },
    });
    expect(r.issues[0]?.message.da).toContain("Kun kommune");
    expect(r.issues[0]?.message.en).toContain("Municipality only");
    // The Kommune actor and the total are still results; under Offentlig sektor Stat is one too.
    const ok = readSensitivity(
      names(range("SOM_Grid_Resultat", 11, 1, [["Nettoresultat Kommune"]])),
      kommuneOnly,
    );
    expect(ok.ok).toBe(true);
    expect(
      readSensitivity(names(range("SOM_Grid_Resultat", 11, 1, [["Nettoresultat Stat"]])), scenario).ok,
    ).toBe(true);
  });

  it("collects every problem of every name at once", () => {
    const issues = issuesOf(
      names(
        table([["Renter", 0, 1]]),
        range("SOM_Grid_X", 0, 5, [["Priser"], ["x"]]),
        range("SOM_Grid_Resultat", 0, 9, [["Gevinst"]]),
      ),
    );
    expect(issues.map((i) => i.code)).toEqual([
      "sensitivity-unknown-parameter",
      "not-a-number",
      "sensitivity-unknown-result",
    ]);
  });
});

describe("the grid result selector", () => {
  it("reads Σ NR or PV of the total, a level, or an actor, in Danish or English, case-insensitive", () => {
    expect(parseResultSelector("Nettoresultat Total", scenario)).toEqual({
      measure: "netTotal",
      scope: { kind: "total" },
    });
    expect(parseResultSelector("  nutidsværdi   i alt ", scenario)).toEqual({
      measure: "presentValue",
      scope: { kind: "total" },
    });
    expect(parseResultSelector("Present value Stat", scenario)).toEqual({
      measure: "presentValue",
      scope: { kind: "actor", actor: 1 },
    });
    expect(parseResultSelector("Net result Region", scenario)).toEqual({
      measure: "netTotal",
      scope: { kind: "level", level: "Region" },
    });
    expect(parseResultSelector("Net result Municipality", scenario)).toEqual({
      measure: "netTotal",
      scope: { kind: "level", level: "Kommune" },
    });
    expect(parseResultSelector("Nettoresultat", scenario)).toBeUndefined();
    expect(parseResultSelector("Overskud Total", scenario)).toBeUndefined();
  });

  it("selects an actor named like a level as the actor (precedence: Total, actor, level)", () => {
    const departments = valid({
      ...baseCaseRaw(),
      actors: [
        { name: "Kommune", level: "Kommune" },
        { name: "Stat", level: "Stat" },
        { name: "Jobcenter", level: "Kommune" },
      ],
    });
    expect(parseResultSelector("Nettoresultat Kommune", departments)?.scope).toEqual({
      kind: "actor",
      actor: 0,
    });
    expect(parseResultSelector("Nettoresultat jobcenter", departments)?.scope).toEqual({
      kind: "actor",
      actor: 2,
    });
  });

  it("writes the canonical text back", () => {
    expect(resultSelectorText({ measure: "netTotal", scope: { kind: "actor", actor: 1 } }, scenario)).toBe(
      "Nettoresultat Stat",
    );
    expect(resultSelectorText({ measure: "presentValue", scope: { kind: "total" } }, scenario, "en")).toBe(
      "Present value Total",
    );
  });
});
