import { analyseSensitivity } from "../../src/engine/sensitivity/analyses";
import {
  breakEvenView,
  gridSummary,
  parameterValueText,
  tornadoView,
} from "../../src/taskpane/panels/sensitivity/sensitivity-view";
import { baseCase } from "../engine/sensitivity/base-case";

// Base case (hand calculation in test/engine/sensitivity/base-case.ts): total Σ NR 3100 = 6400 − 3300;
// Kommune V 1200, C 2800; Stat V 5200, C 500.
const s = baseCase();
const analysis = analyseSensitivity(s, {
  oneWay: [
    { parameter: "costs", low: -0.5, high: 0.5 },
    { parameter: "successRate", low: 0.1, high: 0.3 },
  ],
  grid: {
    x: { parameter: "costs", values: [0, 1] },
    y: { parameter: "successRate", values: [0.1, 0.2, 0.3] },
    result: { measure: "netTotal", scope: { kind: "actor", actor: 0 } },
  },
});

describe("the Følsomhed panel's view", () => {
  it("lists the tornado bars largest swing first with Danish amounts and changes from the base", () => {
    const v = tornadoView(analysis, "da");
    expect(v.baseText).toBe("3.100 kr.");
    // Success 10 %…30 %: V 3200…9600 → Σ NR −100…6300 (swing 6400); costs ±50 %: Σ NR 4750…1450 (swing 3300).
    expect(v.bars.map((b) => b.parameter)).toEqual(["Succesrate", "Omkostninger"]);
    expect(v.bars[0]).toMatchObject({
      lowText: "10 % → -100 kr.",
      highText: "30 % → 6.300 kr.",
      swingText: "6.400 kr.",
    });
    expect(v.bars[1]).toMatchObject({ lowText: "-50 % → 4.750 kr.", highText: "+50 % → 1.450 kr." });
    expect(v.bars[1]?.lowDelta).toBeCloseTo(1650, 9);
    expect(v.maxAbs).toBeCloseTo(3200, 9);
  });

  it("shows break-even values per actor and in total, 'always positive' where none is reachable", () => {
    const rows = breakEvenView(analysis, s, "en");
    expect(rows.map((r) => r.who)).toEqual(["Kommune", "Stat", "Total"]);
    // Kommune: r* = 2800/6000 = 46,7 %; c* = 2800/1200 − 1 = +133,3 %; k* = 1200/2800 − 1 = −57,1 %.
    expect(rows[0]).toMatchObject({
      successRate: "46.7 %",
      consequenceChange: "+133.3 %",
      costChange: "-57.1 %",
    });
    expect(rows[2]?.isTotal).toBe(true);
  });

  it("says which grid was written, with rows and columns named", () => {
    expect(gridSummary(analysis, s, "da")).toBe(
      "Gitter 3 × 2 (Nettoresultat Kommune; rækker: Succesrate, kolonner: Omkostninger) er skrevet til arket med farveskala; basis -1.600 kr.",
    );
    expect(parameterValueText("horizon", 7, "en")).toBe("7 years");
  });
});
