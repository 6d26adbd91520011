/**
 * Follow-up of realised results (som-method.md §11), against hand calculation.
 *
 * The forecast (calendar years, F = T = 4, 2025–2028, v = 1, D = 2, P = 2025, ρ = 0):
 *   N = [10, 20], one effect "Job" r = 50 %, Δq = [−1, −2] months of Kontanthjælp (Udgift, σ = −1),
 *   price Kommune 100 kr., Stat 10 kr.
 *   successes: cohort 1 = 5 → signed use +5 in 2025, +10 in 2026; cohort 2 = 10 → +10 in 2026, +20 in 2027
 *   use = [5, 20, 20, 0]  →  V_K = [500, 2 000, 2 000, 0],  V_S = [50, 200, 200, 0]
 *   costs: Kommune Drift 1 000 (years 1–2) + Pr. deltager 100 × N_t → C_K = [2 000, 3 000, 0, 0];
 *          Stat Opstart 500 → C_S = [500, 0, 0, 0]
 *   NR_K = [−1 500, −1 000, 2 000, 0] (Σ −500),  NR_S = [−450, 200, 200, 0] (Σ −50),  total Σ −550.
 */
import { calculate } from "../../../src/engine/calculate";
import {
  applyRealised,
  followUp,
  validateRealised,
  type RawRealisedRow,
  type Realised,
} from "../../../src/engine/decision/follow-up";
import { DECISION_ISSUE_CODES } from "../../../src/engine/decision/decision-issues";
import { applyParameter } from "../../../src/engine/sensitivity/parameters";
import type { Scenario } from "../../../src/engine/types";
import { aConsequenceLine, aCostLine, anActor, anEffect, aPriceRow, aScenario } from "../builders";

function forecastScenario(priceIndex: { year: number; index: number }[] = []): Scenario {
  return aScenario({
    settings: { startYear: 2025, horizon: 4, priceLevel: 2025, discountRate: 0, operatingPeriod: 2 },
    actors: [anActor("Kommune", "Kommune"), anActor("Stat", "Stat")],
    participants: [
      { calcYear: 1, count: 10 },
      { calcYear: 2, count: 20 },
    ],
    effects: [anEffect("Job", 0.5)],
    costs: [
      aCostLine({ item: "Drift", kind: "Drift", actor: "Kommune", amountKr: 1_000 }),
      aCostLine({ item: "Pr. deltager", kind: "PrDeltager", actor: "Kommune", amountKr: 100 }),
      aCostLine({ item: "Opstart", kind: "Opstart", actor: "Stat", amountKr: 500 }),
    ],
    consequences: [aConsequenceLine({ effect: "Job", service: "Kontanthjælp", deltaByYear: [-1, -2] })],
    prices: [aPriceRow("Kontanthjælp", { Kommune: 100, Stat: 10 })],
    priceIndex,
  });
}

/** A realised row: participants, the one effect's rate, costs of [Kommune, Stat]. */
const row = (
  calcYear: number | undefined,
  participants?: number,
  rate?: number,
  costs: (number | undefined)[] = [undefined, undefined],
  priceYear?: number,
): RawRealisedRow => ({ calcYear, participants, successRates: [rate], costsKr: costs, priceYear });

function realised(s: Scenario, rows: RawRealisedRow[]): Realised {
  const v = validateRealised(rows, s);
  if (!v.ok) throw new Error(v.issues.map((i) => i.code).join(", "));
  return v.value;
}

describe("the forecast of these tests", () => {
  it("is the hand-calculated scenario", () => {
    const r = calculate(forecastScenario());
    expect(r.byActor[0]?.net).toEqual([-1500, -1000, 2000, 0]);
    expect(r.byActor[1]?.net).toEqual([-450, 200, 200, 0]);
    expect(r.total.netTotal).toBe(-550);
  });
});

describe("the updated scenario", () => {
  it("takes realised participants, the cohort's success rate and the realised cost (hand calculation)", () => {
    // Year 1 realised: 12 starters, rate 25 %, Kommune's total cost 2 600 kr.
    //   successes: cohort 1 = 12 × 0,25 = 3 → +3 in 2025, +6 in 2026; cohort 2 unchanged (10) → +10, +20
    //   use = [3, 16, 20, 0] → V_K = [300, 1 600, 2 000, 0], V_S = [30, 160, 200, 0]
    //   C_K = [2 600 (realised, replaces 1 000 + 100 × 12), 1 000 + 100 × 20 = 3 000, 0, 0]; C_S unchanged
    //   NR_K = [−2 300, −1 400, 2 000, 0] (Σ −1 700); NR_S = [−470, 160, 200, 0] (Σ −110)
    const s = forecastScenario();
    const u = calculate(applyRealised(s, realised(s, [row(1, 12, 0.25, [2600, undefined])])));
    expect(u.byActor[0]?.costs).toEqual([2600, 3000, 0, 0]);
    expect(u.byActor[0]?.consequences).toEqual([300, 1600, 2000, 0]);
    expect(u.byActor[0]?.net).toEqual([-2300, -1400, 2000, 0]);
    expect(u.byActor[1]?.net).toEqual([-470, 160, 200, 0]);
    expect(u.total.netTotal).toBe(-1810);
  });

  it("a realised year that equals the forecast changes nothing", () => {
    const s = forecastScenario();
    const same = realised(s, [row(1, 10, 0.5, [2000, 500]), row(2, 20, 0.5, [3000, 0])]);
    const f = followUp(s, same);
    const forecast = calculate(s);
    expect(f.updated.byActor.map((b) => b.net)).toEqual(forecast.byActor.map((b) => b.net));
    expect(f.updated.total.presentValue).toBe(forecast.total.presentValue);
    for (const scope of f.scopes)
      for (const fig of [scope.netTotal, scope.presentValue, ...scope.netByYear]) {
        expect(fig.difference).toBe(0);
        expect(fig.contributions).toEqual({ participants: 0, successRates: 0, costs: 0 });
      }
  });

  it("a realised success rate touches only its cohort", () => {
    // Cohort 2 realised at 25 %: its successes 20 × 0,25 = 5 → +5 in 2026, +10 in 2027 (was +10, +20);
    // cohort 1 unchanged (+5, +10): use = [5, 15, 10, 0] → V_K = [500, 1 500, 1 000, 0]
    const s = forecastScenario();
    const f = followUp(s, realised(s, [row(2, undefined, 0.25)]));
    const k = f.scopes.find((x) => x.scope.kind === "actor" && x.scope.name === "Kommune");
    expect(f.updated.byActor[0]?.consequences).toEqual([500, 1500, 1000, 0]);
    expect(k?.netByYear.map((y) => y.difference)).toEqual([0, -500, -1000, 0]);
    // everything is the success rates' doing
    expect(k?.netTotal.contributions).toEqual({ participants: 0, successRates: -1500, costs: 0 });
    expect(f.updatedScenario.effects[0]?.cohortRates).toEqual([0.5, 0.25]);
    expect(f.updatedScenario.effects[0]?.successRate).toBe(0.5);
  });

  it("a realised cost replaces the actor's cost in that year only, whatever the participants", () => {
    // Kommune realised 400 kr. in 2027 (after the operating period: no forecast cost there) and 2 500 in 2026.
    const s = forecastScenario();
    const u = applyRealised(
      s,
      realised(s, [row(3, undefined, undefined, [400, undefined]), row(2, 25, undefined, [2500, undefined])]),
    );
    // 2025: 1 000 + 100 × 10; 2026: realised 2 500 (not 1 000 + 100 × 25); 2027: 400
    expect(calculate(u).byActor[0]?.costs).toEqual([2000, 2500, 400, 0]);
    expect(calculate(u).byActor[1]?.costs).toEqual([500, 0, 0, 0]);
  });

  it("converts a realised cost from its price year to the price level", () => {
    // 2 600 kr. in 2024 prices × I(2025) / I(2024) = 2 600 × 104 / 100 = 2 704 kr.
    const s = forecastScenario([
      { year: 2024, index: 100 },
      { year: 2025, index: 104 },
    ]);
    const u = calculate(
      applyRealised(s, realised(s, [row(1, undefined, undefined, [2600, undefined], 2024)])),
    );
    expect(u.byActor[0]?.costs[0]).toBeCloseTo(2704, 9);
    expect(u.byActor[0]?.costs[1]).toBe(3000);
  });
});

describe("the decomposition of the difference", () => {
  // Realised year 1: participants 10 → 12, cohort 1's rate 50 % → 25 %, Kommune's cost → 2 600 kr.
  // Kommune's Σ NR = 300 · N₁ · r₁ + 3 000 − C, with C = 4 000 + 100 · N₁ (forecast lines) or 5 600 (realised).
  //   v(∅) = −500, v(P) = −400, v(R) = −1 250, v(C) = −1 100,
  //   v(PR) = −1 300, v(PC) = −800, v(RC) = −1 850, v(PRC) = −1 700
  // Shapley weights for 3 factors: 1/3 (alone), 1/6 (after one), 1/3 (last):
  //   φ_P = 100/3 − 50/6 + 300/6 + 150/3 = 125
  //   φ_R = −750/3 − 900/6 − 750/6 − 900/3 = −825
  //   φ_C = −600/3 − 400/6 − 600/6 − 400/3 = −500          (sum −1 200 = −1 700 − (−500))
  const s = forecastScenario();
  const f = followUp(s, realised(s, [row(1, 12, 0.25, [2600, undefined])]));
  const kommune = f.scopes.find((x) => x.scope.kind === "actor" && x.scope.name === "Kommune");

  it("gives Kommune's Σ NR the hand-calculated Shapley contributions", () => {
    expect(kommune?.netTotal.forecast).toBe(-500);
    expect(kommune?.netTotal.updated).toBe(-1700);
    expect(kommune?.netTotal.contributions.participants).toBeCloseTo(125, 9);
    expect(kommune?.netTotal.contributions.successRates).toBeCloseTo(-825, 9);
    expect(kommune?.netTotal.contributions.costs).toBeCloseTo(-500, 9);
  });

  it("sums to the difference for every scope, year, Σ NR and PV", () => {
    for (const scope of f.scopes)
      for (const fig of [scope.netTotal, scope.presentValue, ...scope.netByYear]) {
        const c = fig.contributions;
        expect(c.participants + c.successRates + c.costs).toBeCloseTo(fig.difference, 9);
        expect(fig.difference).toBe(fig.updated - fig.forecast);
      }
    expect(f.worstRelativeError).toBeLessThanOrEqual(1e-9);
  });

  it("splits per year so that the years add up to Σ NR's contributions", () => {
    for (const k of ["participants", "successRates", "costs"] as const) {
      const years = (kommune?.netByYear ?? []).reduce((a, y) => a + y.contributions[k], 0);
      expect(years).toBeCloseTo(kommune?.netTotal.contributions[k] ?? NaN, 9);
    }
    // 2027 and 2028 hold only cohort 2 and no costs: nothing changes there.
    expect(kommune?.netByYear[2]?.difference).toBe(0);
    expect(kommune?.netByYear[3]?.difference).toBe(0);
  });

  it("reports the scopes actors, then levels, then the total", () => {
    expect(f.scopes.map((x) => x.scope.kind)).toEqual(["actor", "actor", "level", "level", "total"]);
    expect(f.scopes[4]?.netTotal.difference).toBe(-1260);
    expect(f.lastRealisedYear).toBe(1);
  });
});

describe("validation of the realised figures", () => {
  const s = forecastScenario([{ year: 2025, index: 100 }]);
  const codes = (rows: RawRealisedRow[]): string[] => {
    const v = validateRealised(rows, s);
    return v.ok ? [] : v.issues.map((i) => `${i.code}@${i.location.path.join(".")}`);
  };

  it("skips rows that realise nothing, whatever their year", () => {
    expect(codes([row(99), row(1)])).toEqual([]);
    const v = validateRealised([row(99), row(2, 5)], s);
    expect(v.ok && v.value.years.map((y) => [y.row, y.calcYear])).toEqual([[1, 2]]);
  });

  it("wants a calculation year 1..T once", () => {
    expect(codes([row(0, 1)])).toEqual(["realised-year-out-of-range@realised.0.calcYear"]);
    expect(codes([row(5, 1)])).toEqual(["realised-year-out-of-range@realised.0.calcYear"]);
    expect(codes([row(1.5, 1)])).toEqual(["realised-year-out-of-range@realised.0.calcYear"]);
    expect(codes([row(undefined, 1)])).toEqual(["realised-year-out-of-range@realised.0.calcYear"]);
    expect(codes([row(1, 1), row(1, 2)])).toEqual(["realised-year-duplicate@realised.1.calcYear"]);
  });

  it("checks participants, rates and costs", () => {
    expect(codes([row(1, -1)])).toEqual(["realised-participants-negative@realised.0.participants"]);
    expect(codes([row(3, 4)])).toEqual([
      "realised-participants-after-operating-period@realised.0.participants",
    ]);
    expect(codes([row(3, 0)])).toEqual([]);
    expect(codes([row(1, undefined, 1.2)])).toEqual(["realised-rate-out-of-range@realised.0.successRate.0"]);
    expect(codes([row(3, undefined, 0.2)])).toEqual([
      "realised-rate-after-operating-period@realised.0.successRate.0",
    ]);
    expect(codes([row(1, undefined, undefined, [Number.NaN, 1])])).toEqual([
      "realised-cost-not-finite@realised.0.cost.0",
    ]);
    expect(codes([row(1, undefined, undefined, [1, undefined], 2020)])).toEqual([
      "realised-price-year-without-index@realised.0.priceYear",
    ]);
  });

  it("names the missing index year and both messages", () => {
    const v = validateRealised([row(1, undefined, undefined, [1, undefined], 2020)], s);
    const issue = v.ok ? undefined : v.issues[0];
    expect(issue?.message.da).toContain("mangler år 2020");
    expect(issue?.message.en).toContain("has no year 2020");
    expect(issue?.location.relatedPath).toEqual(["priceIndex"]);
  });

  it("every realised rule of the catalogue is exercised above", () => {
    expect(
      DECISION_ISSUE_CODES.filter((c) => c.startsWith("realised-") && !READER_CODES.includes(c)),
    ).toEqual([
      "realised-year-out-of-range",
      "realised-year-duplicate",
      "realised-participants-negative",
      "realised-participants-after-operating-period",
      "realised-rate-after-operating-period",
      "realised-price-year-without-index",
      "realised-rate-out-of-range",
      "realised-cost-not-finite",
    ]);
  });
});

/** Codes raised by the workbook reader (headers), tested in test/app/follow-up-workbook.test.ts. */
const READER_CODES: readonly string[] = [
  "realised-unknown-column",
  "realised-unknown-effect",
  "realised-rate-ambiguous",
];

describe("other engine paths and per-cohort rates", () => {
  it("the success-rate sensitivity replaces per-cohort rates too", () => {
    const s = forecastScenario();
    const u = applyRealised(s, realised(s, [row(2, undefined, 0.25)]));
    const varied = applyParameter(u, "successRate", 0.5);
    expect(varied.effects[0]?.cohortRates).toBeUndefined();
    expect(calculate(varied).total.net).toEqual(calculate(s).total.net);
  });
});
