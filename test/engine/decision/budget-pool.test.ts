/**
 * Budget view and investment pool (som-method.md §11), against hand calculation. The scenarios have one
 * cohort (D = 1, N = 1, r = 100 %, v = 1), so the kroner per year are exactly the cost lines and
 * Δq × price typed below, whatever the horizon method: T = F = 4, calendar years 2025–2028.
 *
 *   Kommune "Beskæftigelse": C = [100 000, 50 000, 0, 0]     (Drift lines, one per year)
 *                            V = [0, 40 000, 80 000, 80 000]  (Δq = [0, −40, −80, −80] × 1 000 kr., Udgift)
 *   Kommune "Børn og unge":  C = [0, 0, 0, 0],  V = [0, 0, 0, 0] except as noted per test
 *   Stat:                    C = [30 000, 0, 0, 0], V = [0, 4 000, 8 000, 8 000] (price 100 kr.)
 */
import { calculate } from "../../../src/engine/calculate";
import { budgetPriceFactor, budgetView } from "../../../src/engine/decision/budget";
import { DECISION_ISSUE_CODES, validateDecisionSettings } from "../../../src/engine/decision/decision-issues";
import { investmentPool } from "../../../src/engine/decision/pool";
import type { RawCostLine, RawIndexPoint } from "../../../src/engine/types";
import { aConsequenceLine, aCostLine, anActor, anEffect, aPriceRow, aScenario } from "../builders";

const drift = (actor: string, year: number, amountKr: number): RawCostLine =>
  aCostLine({ item: `Drift ${year}`, kind: "Drift", actor, amountKr, fromYear: year, toYear: year });

function aPoolScenario(
  kommuneCosts: readonly number[],
  kommuneSavingUnits: readonly number[],
  priceIndex: readonly RawIndexPoint[] = [],
) {
  return aScenario({
    settings: { startYear: 2025, horizon: 4, priceLevel: 2025, discountRate: 0, operatingPeriod: 1 },
    actors: [
      anActor("Beskæftigelse", "Kommune"),
      anActor("Børn og unge", "Kommune"),
      anActor("Stat", "Stat"),
    ],
    participants: [{ calcYear: 1, count: 1 }],
    effects: [anEffect("Job", 1)],
    costs: [
      ...kommuneCosts.flatMap((c, t) => (c === 0 ? [] : [drift("Beskæftigelse", t + 1, c)])),
      drift("Stat", 1, 30_000),
    ],
    consequences: [
      aConsequenceLine({
        effect: "Job",
        service: "Kontanthjælp",
        kind: "Udgift",
        deltaByYear: kommuneSavingUnits.map((u) => -u),
      }),
    ],
    prices: [aPriceRow("Kontanthjælp", { Beskæftigelse: 1_000, Stat: 100 })],
    priceIndex,
  });
}

const near = (actual: readonly number[], expected: readonly number[]): void => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i] ?? NaN, 6));
};

describe("budget view", () => {
  const index = [
    { year: 2025, index: 100 },
    { year: 2026, index: 104 },
  ];
  const s = aPoolScenario([100_000, 50_000, 0, 0], [0, 40, 80, 80], index);
  const r = calculate(s);

  it("turns the results' sign: expenditure positive, savings negative, net = C − V", () => {
    // B = 2025 = P: factor 1. Columns 2025..2028 = t 1..4.
    const b = budgetView(r, s.priceIndex, 2025);
    expect(b.years).toEqual([2025, 2026, 2027, 2028]);
    expect(b.outside).toEqual([false, false, false, false]);
    expect(b.atBudgetPrices).toBe(true);
    expect(b.priceYear).toBe(2025);
    near(b.byActor[0]?.expenditure ?? [], [100_000, 50_000, 0, 0]);
    near(b.byActor[0]?.savings ?? [], [0, -40_000, -80_000, -80_000]);
    near(b.byActor[0]?.net ?? [], [100_000, 10_000, -80_000, -80_000]);
    // Stat: C = [30 000, 0, 0, 0], V = 1 × 100 × [0, 40, 80, 80]
    near(b.byActor[2]?.net ?? [], [30_000, -4_000, -8_000, -8_000]);
    // Kommune level = both departments; total = Kommune + Stat
    near(b.byLevel.get("Kommune")?.net ?? [], [100_000, 10_000, -80_000, -80_000]);
    near(b.total.net, [130_000, 6_000, -88_000, -88_000]);
    // Sign check against the results: Nettoudgift = −NR
    expect(b.total.net[0]).toBeCloseTo(-(r.total.net[0] ?? NaN), 6);
  });

  it("converts to the budget year's prices with I(B) / I(P) and marks years after T", () => {
    // B = 2026: columns 2026..2029 = t 2, 3, 4 and (outside) 5. Factor 104 / 100 = 1,04.
    const b = budgetView(r, s.priceIndex, 2026);
    expect(b.years).toEqual([2026, 2027, 2028, 2029]);
    expect(b.outside).toEqual([false, false, false, true]);
    expect(b.atBudgetPrices).toBe(true);
    expect(b.priceYear).toBe(2026);
    expect(b.factor).toBeCloseTo(1.04, 12);
    // Kommune dept. 1: C = [50 000, 0, 0] × 1,04 = [52 000, 0, 0]; V = [40 000, 80 000, 80 000] × 1,04
    near(b.byActor[0]?.expenditure ?? [], [52_000, 0, 0, 0]);
    near(b.byActor[0]?.savings ?? [], [-41_600, -83_200, -83_200, 0]);
    near(b.byActor[0]?.net ?? [], [10_400, -83_200, -83_200, 0]);
  });

  it("stays at the price level P, and says so, when the index lacks the budget year", () => {
    // B = 2023 (two years before the start): columns 2023, 2024 are outside; 2025, 2026 = t 1, 2; no I(2023).
    const b = budgetView(r, s.priceIndex, 2023);
    expect(b.outside).toEqual([true, true, false, false]);
    expect(b.atBudgetPrices).toBe(false);
    expect(b.priceYear).toBe(2025);
    expect(b.factor).toBe(1);
    near(b.byActor[0]?.expenditure ?? [], [0, 0, 100_000, 50_000]);
    near(b.byActor[0]?.net ?? [], [0, 0, 100_000, 10_000]);
  });

  it("needs both index years for the conversion", () => {
    expect(budgetPriceFactor(new Map([[2026, 104]]), 2025, 2026)).toBeUndefined();
    expect(budgetPriceFactor(new Map(), 2025, 2025)).toBe(1);
    expect(
      budgetPriceFactor(
        new Map([
          [2024, 100],
          [2026, 103],
        ]),
        2026,
        2024,
      ),
    ).toBeCloseTo(100 / 103, 12);
  });
});

describe("investment pool", () => {
  it("finds the money needed and the repayment year", () => {
    // α = 1: balance = 100 000; +50 000 − 40 000 = 110 000; −80 000 = 30 000; −80 000 = −50 000.
    const p = investmentPool(calculate(aPoolScenario([100_000, 50_000, 0, 0], [0, 40, 80, 80])), 1);
    near(p.balance, [100_000, 110_000, 30_000, -50_000]);
    expect(p.moneyNeeded).toBeCloseTo(110_000, 6);
    expect(p.peakYear).toBe(2026);
    expect(p.repaidYear).toBe(2028);
    expect(p.balanceAtEnd).toBeCloseTo(-50_000, 6);
    // Stat's costs (30 000 in 2025) are not the pool's.
    near(p.paidOut, [100_000, 50_000, 0, 0]);
  });

  it("repays only the share α and reports the balance left when never repaid", () => {
    // α = 50 %: paid back [0, 20 000, 40 000, 40 000]; balance 100 000, 130 000, 90 000, 50 000.
    const p = investmentPool(calculate(aPoolScenario([100_000, 50_000, 0, 0], [0, 40, 80, 80])), 0.5);
    near(p.paidBack, [0, 20_000, 40_000, 40_000]);
    near(p.balance, [100_000, 130_000, 90_000, 50_000]);
    expect(p.moneyNeeded).toBeCloseTo(130_000, 6);
    expect(p.repaidYear).toBeNull();
    expect(p.balanceAtEnd).toBeCloseTo(50_000, 6);
  });

  it("is not repaid when the balance turns positive again before T", () => {
    // C = [100 000, 0, 0, 100 000], V = [0, 150 000, 0, 0]: balance 100 000, −50 000, −50 000, 50 000.
    const p = investmentPool(calculate(aPoolScenario([100_000, 0, 0, 100_000], [0, 150, 0, 0])), 1);
    near(p.balance, [100_000, -50_000, -50_000, 50_000]);
    expect(p.repaidYear).toBeNull();
    expect(p.balanceAtEnd).toBeCloseTo(50_000, 6);
    expect(p.moneyNeeded).toBeCloseTo(100_000, 6);
  });

  it("is repaid at once and needs nothing when the consequences come first", () => {
    // C = [0, 0, 0, 10 000], V = [0, 40 000, 0, 0]: balance 0, −40 000, −40 000, −30 000.
    const p = investmentPool(calculate(aPoolScenario([0, 0, 0, 10_000], [0, 40, 0, 0])), 1);
    near(p.balance, [0, -40_000, -40_000, -30_000]);
    expect(p.moneyNeeded).toBe(0);
    expect(p.peakYear).toBeNull();
    expect(p.repaidYear).toBe(2025);
  });
});

describe("budget year and pool share validation", () => {
  // Start 2025, last calculation year 2034.
  const check = (raw: { budgetYear?: number; poolShare?: number }) =>
    validateDecisionSettings(raw, 2025, 2034);

  it("defaults to the start year and 100 %", () => {
    expect(check({})).toEqual({ ok: true, value: { budgetYear: 2025, poolShare: 1 } });
  });

  it("accepts the first and last allowed budget years and the ends of 0–100 %", () => {
    expect(check({ budgetYear: 2015, poolShare: 0 }).ok).toBe(true);
    expect(check({ budgetYear: 2034, poolShare: 1 }).ok).toBe(true);
  });

  it.each([
    [2014, "2014", "mellem 2015 (startåret − 10) og 2034"],
    [2035, "2035", "mellem 2015 (startåret − 10) og 2034"],
  ])("refuses budget year %d", (budgetYear, shown, range) => {
    const v = check({ budgetYear });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues[0]?.code).toBe("budget-year-out-of-range");
    expect(v.issues[0]?.location.path).toEqual(["budgetYear"]);
    expect(v.issues[0]?.message.da).toContain(shown);
    expect(v.issues[0]?.message.da).toContain(range);
    expect(v.issues[0]?.message.en).toContain("between 2015 (the start year − 10) and 2034");
  });

  it("refuses a budget year that is not whole", () => {
    const v = check({ budgetYear: 2025.5 });
    expect(!v.ok && v.issues[0]?.code).toBe("budget-year-not-integer");
    expect(!v.ok && v.issues[0]?.message.da).toContain("2025,5");
  });

  it.each([
    [1.2, "120 %", true],
    [-0.1, "-10 %", false],
    [100, "10000 %", true],
  ])("refuses pool share %d with a hint when it looks like a forgotten %%", (poolShare, shown, hint) => {
    const v = check({ poolShare });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues[0]?.code).toBe("pool-share-out-of-range");
    expect(v.issues[0]?.location.path).toEqual(["poolShare"]);
    expect(v.issues[0]?.message.da).toContain(`ikke ${shown}`);
    expect(v.issues[0]?.message.en).toContain("between 0 % and 100 %");
    expect(v.issues[0]?.message.da.includes("Skrev du")).toBe(hint);
  });

  it("reports both problems at once", () => {
    const v = check({ budgetYear: 2000, poolShare: 2 });
    expect(!v.ok && v.issues.map((i) => i.code)).toEqual([
      "budget-year-out-of-range",
      "pool-share-out-of-range",
    ]);
  });

  it("has a catalogue the tests can enumerate", () => {
    expect(DECISION_ISSUE_CODES).toEqual(
      expect.arrayContaining(["budget-year-out-of-range", "pool-share-out-of-range"]),
    );
  });
});
