import { validateScenario } from "../../../src/engine/validate";
import type { InputIssue } from "../../../src/engine/types";
import { readScenario, withEngineIssues } from "../../../src/workbook/read/read-scenario";
import { aNamedConstant, aNamedRange, aScenarioWorkbook } from "./named-values";

const where = (issues: readonly InputIssue[]) =>
  issues.map((i) => [i.code, i.location.name, i.location.sheet, i.location.cell]);

describe("readScenario with the engine's validation", () => {
  it("reads the template layout into a scenario the engine accepts without issues", () => {
    const v = validateScenario(readScenario(aScenarioWorkbook()).raw);
    expect(v.ok).toBe(true);
    expect(v.ok ? v.warnings : v.issues).toEqual([]);
  });

  it("does not repeat an engine issue for a value the reader already reported (number stored as text)", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Effekter: aNamedRange(
          "Effekt",
          "B4",
          [
            ["Effektmål", "Succesrate"],
            ["Beskæftigelse", "25%"],
          ],
          "SOM_Effekter",
        ),
      }),
    );
    const v = validateScenario(read.raw);
    const all = withEngineIssues(read, v.ok ? v.warnings : v.issues);
    expect(where(all)).toEqual([["number-as-text", "SOM_Effekter", "Effekt", "C5"]]);
  });

  it("locates the engine's issues at the exact cells (rate typed as 25, unknown actor, horizon as a constant)", () => {
    const read = readScenario(
      aScenarioWorkbook({
        SOM_Effekter: aNamedRange(
          "Effekt",
          "B4",
          [
            ["Effektmål", "Succesrate"],
            ["Beskæftigelse", 25],
          ],
          "SOM_Effekter",
        ),
        SOM_Omkostninger: aNamedRange(
          "Omkostninger",
          "B4",
          [
            ["Post", "Art", "Aktør", "Beløb"],
            ["a", "Drift", "Kommune", 1],
            ["b", "Drift", "Kommune", 1],
            ["c", "Drift", "Amtet", 1],
          ],
          "SOM_Omkostninger",
        ),
        SOM_Tidshorisont: aNamedConstant(40, "SOM_Tidshorisont"),
      }),
    );
    const v = validateScenario(read.raw);
    expect(v.ok).toBe(false);
    const all = withEngineIssues(read, v.ok ? [] : v.issues);
    // Effekt B4 header → data row 1 is row 5, Succesrate in C; Omkostninger B4 → third data row is row 7, Aktør in D.
    expect(where(all)).toEqual([
      ["out-of-range", "SOM_Tidshorisont", undefined, undefined],
      ["rate-above-one", "SOM_Effekter", "Effekt", "C5"],
      ["unknown-actor", "SOM_Omkostninger", "Omkostninger", "D7"],
    ]);
    expect(all[2]?.location.related).toEqual({
      name: "SOM_Aktoerer",
      sheet: "Indstillinger",
      cell: "B9:C12",
    });
  });
});
