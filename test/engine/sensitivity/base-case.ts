/**
 * The hand-calculated base case of the sensitivity tests (all prices at the price level, no index needed):
 * H = 4, D = 2, 10 completers in year 1 and 10 in year 2, one effect with r = 20 %.
 * Kommune: operating cost 1 000/yr in years 1–2 (Drift), per-participant 50 (Pr. deltager), saved 100/yr (Sparet).
 * Stat: start-up 500 in year 1.
 * Consequence: "Kontanthjælp" (Udgift), Δq = [−2, −1] per success; price Kommune 100, Stat 300.
 * Revenue: "Skat" (Indtægt), Δq = [0, 1, 1]; price Stat 200.
 *
 * Hand calculation (total): successes 2 per cohort; V = [1600, 2800, 1600, 400] (Σ 6400);
 * C = [1900, 1400, 0, 0] (Σ 3300); NR = [−300, 1400, 1600, 400], Σ NR = 3100.
 * Kommune: V = Kontanthjælp at 100 = [2·2·100, (2·1 + 2·2)·100, 2·1·100, 0] = [400, 600, 200, 0] (Σ 1200);
 * C = [1000 + 50·10 − 100, same, 0, 0] = [1400, 1400, 0, 0] (Σ 2800); Σ NR = −1600.
 * Stat: V = Σ 6400 − 1200 = 5200, C = 500, Σ NR = 4700.
 *
 * The overrides edit the inputs by hand (factor on every amount, Δq, price, count; rate; horizon), so a
 * sensitivity variant can be checked against a direct recomputation.
 */
import type { RawScenario, Scenario } from "../../../src/engine/types";
import { validateScenario } from "../../../src/engine/validate";

export interface BaseCaseEdits {
  readonly rate?: number;
  readonly costFactor?: number;
  readonly qFactor?: number;
  readonly pFactor?: number;
  readonly nFactor?: number;
  readonly horizon?: number;
}

export function baseCaseRaw(edits: BaseCaseEdits = {}): RawScenario {
  const r = edits.rate ?? 0.2;
  const costFactor = edits.costFactor ?? 1;
  const qFactor = edits.qFactor ?? 1;
  const pFactor = edits.pFactor ?? 1;
  const nFactor = edits.nFactor ?? 1;
  const horizon = edits.horizon ?? 4;
  return {
    intervention: "Test",
    settings: {
      startYear: 2025,
      horizon,
      priceLevel: 2025,
      discountRate: 0.035,
      operatingPeriod: Math.min(2, horizon),
      // derived for calendar years (T = F); the per-cohort rule is tested on its own
      horizonMethod: "calendar",
    },
    actors: [
      { name: "Kommune", level: "Kommune" },
      { name: "Stat", level: "Stat" },
    ],
    participants: [
      { calcYear: 1, count: 10 * nFactor },
      ...(horizon >= 2 ? [{ calcYear: 2, count: 10 * nFactor }] : []),
    ],
    effects: [{ name: "Job", successRate: r }],
    costs: [
      { item: "Drift", kind: "Drift", actor: "Kommune", amountKr: 1000 * costFactor },
      { item: "Pr. deltager", kind: "PrDeltager", actor: "Kommune", amountKr: 50 * costFactor },
      { item: "Sparet", kind: "Sparet", actor: "Kommune", amountKr: 100 * costFactor },
      { item: "Opstart", kind: "Opstart", actor: "Stat", amountKr: 500 * costFactor },
    ],
    consequences: [
      { effect: "Job", service: "Kontanthjælp", kind: "Udgift", deltaByYear: [-2 * qFactor, -1 * qFactor] },
      { effect: "Job", service: "Skat", kind: "Indtaegt", deltaByYear: [0, 1 * qFactor, 1 * qFactor] },
    ],
    prices: [
      {
        service: "Kontanthjælp",
        priceKrByActor: new Map([
          ["Kommune", 100 * pFactor],
          ["Stat", 300 * pFactor],
        ]),
      },
      { service: "Skat", priceKrByActor: new Map([["Stat", 200 * pFactor]]) },
    ],
    priceIndex: [],
  };
}

/** Validates; throws with the issue codes when invalid. */
export function valid(r: RawScenario): Scenario {
  const v = validateScenario(r);
  if (!v.ok) throw new Error(JSON.stringify(v.issues.map((i) => i.code)));
  return v.value;
}

export const baseCase = (edits: BaseCaseEdits = {}): Scenario => valid(baseCaseRaw(edits));
