/**
 * The v2 scenario model (som-method.md §2–4, §6) calculated by hand: per cohort vs calendar years on the same
 * inputs, a duration of 2 years with a "during" line and per-course costs, and the kommune-only perspective.
 * The arithmetic is written out next to each expectation; none of these numbers came from the program.
 */
import { calculate } from "../../src/engine/calculate";
import { aConsequenceLine, aCostLine, anActor, anEffect, aPriceRow, aScenario } from "./builders";

function expectAmounts(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i] ?? NaN, 6));
}

describe("per cohort vs calendar years on the same inputs (F = 3, D = 2, v = 1)", () => {
  // Start 2025, P = 2025, ρ = 0. N = [10, 10], r = 50 % → S = [5, 5]. Drift 1.000/yr (years 1..D = 1..2).
  // Kontanthjælp (Udgift) Δq = [−1, −1, −1], Kommune price 100 → σΔq·p = +100 per success and year.
  const inputs = (horizonMethod: string) =>
    aScenario({
      settings: { horizon: 3, operatingPeriod: 2, horizonMethod },
      costs: [aCostLine({ kind: "Drift", amountKr: 1_000 })],
      consequences: [aConsequenceLine({ deltaByYear: [-1, -1, -1] })],
      prices: [aPriceRow("Kontanthjælp", { Kommune: 100 })],
    });

  it("Kalenderår: T = F = 3; cohort 2 is followed 2 years, its third year lies beyond the horizon", () => {
    const r = calculate(inputs("calendar"));
    expect(r.years).toEqual([2025, 2026, 2027]);
    // V: t1 cohort 1 j1 = 500; t2 c1 j2 + c2 j1 = 1.000; t3 c1 j3 + c2 j2 = 1.000; c2 j3 (t = 4) beyond: 500.
    expectAmounts(r.total.consequences, [500, 1_000, 1_000]);
    expect(r.beyondHorizon).toBeCloseTo(500, 9);
    expectAmounts(r.total.costs, [1_000, 1_000, 0]);
    expectAmounts(r.total.net, [-500, 0, 1_000]);
    expect(r.total.netTotal).toBeCloseTo(500, 9);
    expect(r.horizon).toEqual({ method: "calendar", years: 3, calcYears: 3, lastYear: 2027 });
    expect(r.cohorts.map((c) => [c.startCalcYear, c.completionYear, c.starters, c.yearsFollowed])).toEqual([
      [1, 2025, 10, 3],
      [2, 2026, 10, 2],
    ]);
  });

  it("Pr. kohorte: T = D + v + F − 2 = 4; both cohorts are followed 3 years, nothing beyond", () => {
    const r = calculate(inputs("perCohort"));
    expect(r.years).toEqual([2025, 2026, 2027, 2028]);
    // V: as above, plus c2 j3 in t = 4: 500.
    expectAmounts(r.total.consequences, [500, 1_000, 1_000, 500]);
    expect(r.beyondHorizon).toBe(0);
    expectAmounts(r.total.costs, [1_000, 1_000, 0, 0]);
    expectAmounts(r.total.net, [-500, 0, 1_000, 500]);
    expect(r.total.netTotal).toBeCloseTo(1_000, 9);
    // CNR = [−500, −500, 500, 1.000] → ≥ 0 from 2027 on.
    expect(r.total.breakEvenYear).toBe(2027);
    expect(r.horizon).toEqual({ method: "perCohort", years: 3, calcYears: 4, lastYear: 2028 });
    expect(r.cohorts.map((c) => c.yearsFollowed)).toEqual([3, 3]);
  });

  it("a blank horizon method means per cohort (SØM's practice)", () => {
    const r = calculate(inputs(undefined as unknown as string));
    expect(r.horizon.method).toBe("perCohort");
    expect(r.total.netTotal).toBeCloseTo(1_000, 9);
  });
});

/** Starters, costs, consequences and prices of the v = 2 case below (settings vary). */
const V2_PARTS = {
  participants: [
    { calcYear: 1, count: 10 },
    { calcYear: 2, count: 20 },
  ],
  costs: [
    aCostLine({ item: "Drift", kind: "Drift", amountKr: 1_000 }),
    aCostLine({ item: "Pr. deltager", kind: "PrDeltager", amountKr: 100 }),
    aCostLine({ item: "Visitation", kind: "PrForloeb", amountKr: 50 }),
  ],
  consequences: [
    // after: σΔq·p = 100, 200, 400 per success in j = 1, 2, 3
    aConsequenceLine({ service: "Kontanthjælp", deltaByYear: [-1, -2, -4] }),
    // during: more use of psychiatry in the first year in the intervention, σΔq·p = −(+2)·50 = −100
    aConsequenceLine({ service: "Psykiatri", phase: "during", deltaByYear: [2] }),
  ],
  prices: [aPriceRow("Kontanthjælp", { Kommune: 100 }), aPriceRow("Psykiatri", { Kommune: 50 })],
};

describe("duration v = 2 with a during line and per-course costs and per-course costs (per cohort, F = 2, D = 2)", () => {
  // Start 2025, P = 2025, ρ = 0. T = D + v + F − 2 = 2 + 2 + 2 − 2 = 4 (2025–2028).
  // Starters N = [10, 20], r = 50 % → S = [5, 10]; cohort s = 1 completes in c = 2, s = 2 in c = 3.
  // R_t = N_{t−1} + N_t: R = [10, 30, 20, 0].
  const s = aScenario({
    settings: { horizon: 2, operatingPeriod: 2, duration: 2, horizonMethod: "perCohort" },
    ...V2_PARTS,
  });
  const r = calculate(s);
  const k = r.byActor[0]!;

  it("costs: Drift in 1..D, Pr. deltager × R_t in 1..D + v − 1, Pr. forløb × N_t in 1..D", () => {
    expectAmounts(k.costsByKind.Drift, [1_000, 1_000, 0, 0]);
    expectAmounts(k.costsByKind.PrDeltager, [100 * 10, 100 * 30, 100 * 20, 0]);
    expectAmounts(k.costsByKind.PrForloeb, [50 * 10, 50 * 20, 0, 0]);
    expectAmounts(k.costs, [2_500, 5_000, 2_000, 0]);
    expect(k.costTotal).toBeCloseTo(9_500, 9);
  });

  it("consequences: the during line in t = s, the after line from c = s + 1, j ≤ F", () => {
    // during: s = 1 → t1: 5 × −100 = −500; s = 2 → t2: 10 × −100 = −1.000.
    expectAmounts(k.consequencesByService.get("Psykiatri")!, [-500, -1_000, 0, 0]);
    // after: cohort s = 1 (c = 2): t2 5 × 100 = 500, t3 5 × 200 = 1.000;
    //        cohort s = 2 (c = 3): t3 10 × 100 = 1.000, t4 10 × 200 = 2.000.
    expectAmounts(k.consequencesByService.get("Kontanthjælp")!, [0, 500, 2_000, 2_000]);
    expectAmounts(k.consequences, [-500, -500, 2_000, 2_000]);
    // j = 3 of both cohorts is beyond the horizon: 5 × 400 + 10 × 400 = 6.000.
    expect(r.beyondHorizon).toBeCloseTo(6_000, 9);
  });

  it("net, key figures and the cohorts followed", () => {
    expectAmounts(k.net, [-3_000, -5_500, 0, 2_000]);
    expectAmounts(k.cumulative, [-3_000, -8_500, -8_500, -6_500]);
    expect(k.netTotal).toBeCloseTo(-6_500, 9);
    expect(k.breakEvenYear).toBeNull();
    expect(k.returnPerKrone).toBeCloseTo(3_000 / 9_500, 12);
    expect(k.netPerCompleter).toBeCloseTo(-6_500 / 30, 9);
    expect(r.duration).toBe(2);
    expect(r.years).toEqual([2025, 2026, 2027, 2028]);
    expect(
      r.cohorts.map((c) => [c.startCalcYear, c.completionCalcYear, c.completionYear, c.yearsFollowed]),
    ).toEqual([
      [1, 2, 2026, 2],
      [2, 3, 2027, 2],
    ]);
  });

  it("the same inputs with Kalenderår and F = 4 (D + v − 1 = 3 ≤ 4) count j = 3 of cohort 1 but not of cohort 2", () => {
    const cal = calculate(
      aScenario({
        ...V2_PARTS,
        settings: { horizon: 4, operatingPeriod: 2, duration: 2, horizonMethod: "calendar" },
      }),
    );
    // T = 4: after line cohort 1 j = 3 falls in t = 4 (counted); cohort 2 j = 3 in t = 5 (beyond, 4.000).
    expectAmounts(cal.total.consequences, [-500, -500, 2_000, 2_000 + 2_000]);
    expect(cal.beyondHorizon).toBeCloseTo(4_000, 9);
    expect(cal.cohorts.map((c) => c.yearsFollowed)).toEqual([3, 2]);
  });
});

describe("Kun kommune: only the actors of level Kommune are reported and summed", () => {
  // Scenario A of hand-calculated.test.ts (calendar years, H = 4, D = 2, ρ = 5 %), perspective Kun kommune.
  // There: Beskæftigelse NR = [272.000, 530.000, 372.000, 90.000] (Σ 1.264.000);
  //        Børn og unge Σ NR = 13.500 − 30.000 = −16.500.
  const s = aScenario({
    settings: {
      startYear: 2025,
      horizon: 4,
      priceLevel: 2025,
      discountRate: 0.05,
      operatingPeriod: 2,
      perspective: "kommune",
    },
    actors: [
      anActor("Beskæftigelse", "Kommune"),
      anActor("Region", "Region"),
      anActor("Børn og unge", "Kommune"),
      anActor("Stat", "Stat"),
    ],
    participants: [
      { calcYear: 1, count: 20 },
      { calcYear: 2, count: 10 },
    ],
    effects: [anEffect("Job", 0.3)],
    costs: [
      aCostLine({ item: "Opstart", kind: "Opstart", actor: "Beskæftigelse", amountKr: 60_000 }),
      aCostLine({ item: "Drift", kind: "Drift", actor: "Beskæftigelse", amountKr: 40_000 }),
      aCostLine({ item: "Sagsbehandling", kind: "PrDeltager", actor: "Børn og unge", amountKr: 1_000 }),
      aCostLine({ item: "Regionens udgift", kind: "Drift", actor: "Region", amountKr: 999_999 }),
    ],
    consequences: [
      aConsequenceLine({ effect: "Job", service: "Kontanthjælp", kind: "Udgift", deltaByYear: [-6, -6, -3] }),
      aConsequenceLine({ effect: "Job", service: "Psykiatri", kind: "Udgift", deltaByYear: [-2, -1] }),
      aConsequenceLine({
        effect: "Job",
        service: "Indkomstskat",
        kind: "Indtaegt",
        deltaByYear: [10_000, 20_000],
      }),
    ],
    prices: [
      aPriceRow("Kontanthjælp", { Beskæftigelse: 10_000, Stat: 2_000 }),
      aPriceRow("Psykiatri", { "Børn og unge": 500, Region: 1_500 }),
      aPriceRow("Indkomstskat", { Beskæftigelse: 0.2, Stat: 0.3 }),
    ],
  });
  const r = calculate(s);

  it("reports the two Kommune departments only, in the scenario's order, and names the actors left out", () => {
    expect(r.perspective).toBe("kommune");
    expect(r.actors.map((a) => a.name)).toEqual(["Beskæftigelse", "Børn og unge"]);
    expect(r.actorIndex).toEqual([0, 2]);
    expect(r.excludedActors.map((a) => a.name)).toEqual(["Region", "Stat"]);
    expect([...r.byLevel.keys()]).toEqual(["Kommune"]);
  });

  it("the total is the Kommune actors' sum (the Region's 999.999 kr. cost is not in it)", () => {
    expectAmounts(r.byActor[0]!.net, [272_000, 530_000, 372_000, 90_000]);
    expect(r.byActor[1]!.netTotal).toBeCloseTo(-16_500, 6);
    // Σ NR = 1.264.000 − 16.500 = 1.247.500
    expect(r.total.netTotal).toBeCloseTo(1_247_500, 6);
    // C = 100.000 + 40.000 + 20.000 + 10.000 = 170.000
    expect(r.total.costTotal).toBeCloseTo(170_000, 6);
    expect(r.byLevel.get("Kommune")!.netTotal).toBeCloseTo(1_247_500, 6);
  });
});
