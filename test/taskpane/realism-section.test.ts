/**
 * The pane's realism rows (som-method.md §10): base and adjusted key figures side by side, from the base case
 * of the sensitivity tests worked out by hand (test/engine/sensitivity/base-case.ts) and the same case with the
 * adjustment applied by hand to the inputs.
 */
import { calculate } from "../../src/engine/calculate";
import type { RealismSettings } from "../../src/engine/simulation/realism";
import { realismNote, realismRows } from "../../src/taskpane/calculation/realism-section";
import { baseCase } from "../engine/sensitivity/base-case";

describe("realismRows", () => {
  // Base (hand calculation in base-case.ts): Kommune Σ NR −1.600, Stat 4.700, total 3.100.
  // Adjusted by hand: every cost × 1,2 (costFactor) — Kommune C = 2.800 × 1,2 = 3.360, V = 1.200 → −2.160;
  // Stat C = 500 × 1,2 = 600, V = 5.200 → 4.600; total 6.400 − 3.960 = 2.440.
  const base = calculate(baseCase());
  const adjusted = calculate(baseCase({ costFactor: 1.2 }));

  it("shows Σ NR base and adjusted per actor and in total, in Danish format", () => {
    const rows = realismRows(base, adjusted, "da");
    expect(rows.map((r) => [r.who, r.isTotal, r.net])).toEqual([
      ["Kommune", false, ["-1.600 kr.", "-2.160 kr."]],
      ["Stat", false, ["4.700 kr.", "4.600 kr."]],
      ["I alt", true, ["3.100 kr.", "2.440 kr."]],
    ]);
    expect(rows[0]?.breakEven).toEqual(["ikke inden for tidshorisonten", "ikke inden for tidshorisonten"]);
  });

  it("says what was adjusted", () => {
    const realism: RealismSettings = {
      successRateReduction: [0.25],
      evidenceLevels: [2],
      reductionByLevel: new Map([
        [2, 0.25],
        [1, 0],
      ]),
      costUplift: 0.2,
      delayYears: 1,
    };
    expect(realismNote(realism, "da")).toBe(
      "Samme model på justerede input: succesrater reduceret efter evidensniveau (1: 0 %, 2: 25 %); omkostninger +20 %; konsekvenser efter indsatsen 1 år senere inden for samme tidshorisont. Grundberegningen ovenfor er uændret.",
    );
  });
});
