import fc from "fast-check";
import { calculate } from "../../../src/engine/calculate";
import {
  decompose,
  DECOMPOSITION_TOLERANCE,
  type Decomposition,
} from "../../../src/engine/decompose/decompose";
import {
  DECOMPOSITION_FACTORS,
  mixScenarios,
  type DecompositionFactor,
} from "../../../src/engine/decompose/mix-scenarios";
import { shapley, shapleyWeight } from "../../../src/engine/decompose/shapley";
import type { RawCostLine, RawScenario, Scenario } from "../../../src/engine/types";
import { validateScenario } from "../../../src/engine/validate";

// ───────────── builders that speak the domain ─────────────

interface Plan {
  horizon?: number;
  operatingPeriod?: number;
  participants?: number[];
  rate?: number;
  drift?: number;
  perParticipant?: number;
  delta?: number[];
  priceKommune?: number;
  discountRate?: number;
  priceLevel?: number;
}

/**
 * One actor "Kommune", one effect "Job", one service "Kontanthjælp" (Udgift): every success saves
 * Δq(j) × price in consequence year j; an operating cost `drift` per year in years 1..D.
 */
function aScenario(plan: Plan = {}): Scenario {
  const H = plan.horizon ?? 1;
  const D = plan.operatingPeriod ?? 1;
  const costs: RawCostLine[] = [
    { item: "Drift", kind: "Drift", actor: "Kommune", amountKr: plan.drift ?? 0 },
  ];
  if (plan.perParticipant !== undefined)
    costs.push({ item: "Pr. deltager", kind: "PrDeltager", actor: "Kommune", amountKr: plan.perParticipant });
  const raw: RawScenario = {
    intervention: "Test",
    settings: {
      startYear: 2025,
      horizon: H,
      priceLevel: plan.priceLevel ?? 2025,
      discountRate: plan.discountRate ?? 0,
      operatingPeriod: D,
    },
    actors: [{ name: "Kommune", level: "Kommune" }],
    participants: (plan.participants ?? [10]).map((count, i) => ({ calcYear: i + 1, count })),
    effects: [{ name: "Job", successRate: plan.rate ?? 0.2 }],
    costs,
    consequences: [
      { effect: "Job", service: "Kontanthjælp", kind: "Udgift", deltaByYear: plan.delta ?? [-1] },
    ],
    prices: [
      {
        service: "Kontanthjælp",
        priceYear: 2025,
        priceKrByActor: new Map([["Kommune", plan.priceKommune ?? 100]]),
      },
    ],
    priceIndex: [
      { year: 2025, index: 100 },
      { year: 2026, index: 104 },
    ],
  };
  return valid(raw);
}

function valid(raw: RawScenario): Scenario {
  const v = validateScenario(raw);
  if (!v.ok)
    throw new Error(
      `invalid test scenario: ${v.issues.map((i) => `${i.code} ${JSON.stringify(i.location.path)}`).join(", ")}`,
    );
  return v.value;
}

function decomposed(a: Scenario, b: Scenario): Decomposition {
  const d = decompose(a, b);
  if (!d.ok) throw new Error(d.reason);
  return d.value;
}

const sumOf = (r: Readonly<Record<DecompositionFactor, number>>): number =>
  DECOMPOSITION_FACTORS.reduce((s, f) => s + r[f], 0);

// ───────────── Shapley itself ─────────────

describe("the exact Shapley value", () => {
  it("splits an interaction equally between the two players (hand calculation)", () => {
    // v(∅)=0, v({0})=10, v({1})=5, v({0,1})=17. φ0 = ½·10 + ½·(17−5) = 11; φ1 = ½·5 + ½·(17−10) = 6.
    const r = shapley(2, (m) => [(m & 1 ? 10 : 0) + (m & 2 ? 5 : 0) + (m === 3 ? 2 : 0)]);
    expect(r.shares).toEqual([[11], [6]]);
  });

  it("uses weights that sum to one over the coalitions without a player (n = 7)", () => {
    // Σ_s C(6, s) · s!(6 − s)!/7! = Σ_s 1/7 over s = 0..6 = 1.
    const binom = [1, 6, 15, 20, 15, 6, 1];
    const total = binom.reduce((acc, c, s) => acc + c * shapleyWeight(s, 7), 0);
    expect(total).toBeCloseTo(1, 14);
  });

  it("gives a dummy player exactly zero and the others their additive parts", () => {
    const r = shapley(3, (m) => [(m & 1 ? 3 : 0) + (m & 4 ? -7 : 0)]);
    expect(r.shares[1]).toEqual([0]);
    expect(r.shares[0]?.[0]).toBeCloseTo(3, 12);
    expect(r.shares[2]?.[0]).toBeCloseTo(-7, 12);
  });
});

// ───────────── the decomposition on hand-calculated cases ─────────────

describe("decomposing the difference between two scenarios", () => {
  it("puts a pure cost change entirely on costs", () => {
    // H = 1, D = 1. A: Drift 1 000; B: Drift 1 500. V equal (10 × 0.2 × 1 × 100 = 200). Σ NR: −800 vs −1 300.
    const d = decomposed(aScenario({ drift: 1000 }), aScenario({ drift: 1500 }));
    expect(d.total.netTotal.from).toBeCloseTo(-800, 9);
    expect(d.total.netTotal.to).toBeCloseTo(-1300, 9);
    expect(d.total.netTotal.contributions.costs).toBeCloseTo(-500, 9);
    for (const f of DECOMPOSITION_FACTORS.filter((x) => x !== "costs"))
      expect(d.total.netTotal.contributions[f]).toBe(0);
  });

  it("splits participants × success rate by the Shapley rule (hand calculation)", () => {
    // V = N · r · 100. A: N = 10, r = 0.2 → 200. B: N = 20, r = 0.3 → 600.
    // φ_N = ΔN · (r_A + r_B)/2 · 100 = 10 · 0.25 · 100 = 250; φ_r = Δr · (N_A + N_B)/2 · 100 = 0.1 · 15 · 100 = 150.
    const d = decomposed(
      aScenario({ participants: [10], rate: 0.2 }),
      aScenario({ participants: [20], rate: 0.3 }),
    );
    expect(d.total.netTotal.difference).toBeCloseTo(400, 9);
    expect(d.total.netTotal.contributions.participants).toBeCloseTo(250, 9);
    expect(d.total.netTotal.contributions.successRates).toBeCloseTo(150, 9);
    expect(d.byActor.map((a) => a.scope)).toEqual([{ kind: "actor", name: "Kommune" }]);
    expect(d.byActor[0]?.netTotal.contributions.participants).toBeCloseTo(250, 9);
  });

  it("puts a shorter horizon on the horizon, even though the participant lists have different lengths", () => {
    // A: H = 2, Δq = [−1, −1]: V = 10 · 0.2 · 100 · 2 = 400. B: H = 1: V = 200. Difference −200, all horizon.
    const a = aScenario({ horizon: 2, delta: [-1, -1], participants: [10] });
    const b = aScenario({ horizon: 1, delta: [-1, -1], participants: [10] });
    const d = decomposed(a, b);
    expect(d.total.netTotal.difference).toBeCloseTo(-200, 9);
    expect(d.total.netTotal.contributions.horizon).toBeCloseTo(-200, 9);
    expect(d.total.netTotal.contributions.participants).toBe(0);
  });

  it("puts a discount-rate change only on the present value, not on Σ NR", () => {
    // H = 2, NR = 200 in both years (Δq = [−1, −1], no cost). PV at 0 % = 400; at 10 %: 200 + 200/1.1.
    const a = aScenario({ horizon: 2, delta: [-1, -1], discountRate: 0 });
    const b = aScenario({ horizon: 2, delta: [-1, -1], discountRate: 0.1 });
    const d = decomposed(a, b);
    expect(d.total.netTotal.difference).toBe(0);
    expect(d.total.presentValue.contributions.discountRate).toBeCloseTo(200 / 1.1 - 200, 9);
  });

  it("compares prices at the price level: a price typed at 2026 prices is converted before mixing", () => {
    // B's price row has price year 2026 at 104, I(2026) = 104 → 100 at 2025 prices: same as A, so prices add 0.
    const a = aScenario();
    const rawB = validateScenario({
      intervention: "Test",
      settings: { startYear: 2025, horizon: 1, priceLevel: 2025, discountRate: 0, operatingPeriod: 1 },
      actors: [{ name: "Kommune", level: "Kommune" }],
      participants: [{ calcYear: 1, count: 10 }],
      effects: [{ name: "Job", successRate: 0.2 }],
      costs: [{ item: "Drift", kind: "Drift", actor: "Kommune", amountKr: 0 }],
      consequences: [{ effect: "Job", service: "Kontanthjælp", kind: "Udgift", deltaByYear: [-1] }],
      prices: [{ service: "Kontanthjælp", priceYear: 2026, priceKrByActor: new Map([["Kommune", 104]]) }],
      priceIndex: [
        { year: 2025, index: 100 },
        { year: 2026, index: 104 },
      ],
    });
    if (!rawB.ok) throw new Error("invalid");
    const d = decomposed(a, rawB.value);
    expect(d.total.netTotal.difference).toBeCloseTo(0, 9);
    expect(Math.abs(d.total.netTotal.contributions.prices)).toBeLessThan(1e-9);
  });

  it("refuses scenarios at different price levels instead of mixing kroner", () => {
    expect(decompose(aScenario(), aScenario({ priceLevel: 2026 }))).toEqual({
      ok: false,
      reason: "different-price-level",
    });
  });

  it("reproduces each scenario when every factor comes from it", () => {
    const a = aScenario({ drift: 300, perParticipant: 20 });
    const b = aScenario({ drift: 100, participants: [5], rate: 0.5 });
    const all = new Set(DECOMPOSITION_FACTORS);
    expect(calculate(mixScenarios(a, b, new Set())).total.netTotal).toBe(calculate(a).total.netTotal);
    expect(calculate(mixScenarios(a, b, all)).total.netTotal).toBe(calculate(b).total.netTotal);
  });
});

// ───────────── property tests over random scenario pairs of different shapes ─────────────

const ACTORS = [
  { name: "Kommune", level: "Kommune" },
  { name: "Beskæftigelse", level: "Kommune" },
  { name: "Region", level: "Region" },
  { name: "Stat", level: "Stat" },
] as const;
const EFFECTS = ["Job", "Uddannelse", "Bolig"];
const SERVICES = ["Kontanthjælp", "Skat", "Psykiatri"];
const KINDS = ["Opstart", "Drift", "PrDeltager", "Sparet"] as const;

const subsetOf = <T>(items: readonly T[]) =>
  fc.subarray([...items], { minLength: 1 }).filter((xs) => xs.length >= 1);

/** A random valid scenario: random subsets of actors, effects and services, random lines, horizon 1–6. */
const arbScenario = fc
  .record({
    horizon: fc.integer({ min: 1, max: 6 }),
    dFrac: fc.double({ min: 0, max: 1, noNaN: true }),
    actors: subsetOf(ACTORS),
    effects: subsetOf(EFFECTS),
    services: subsetOf(SERVICES),
    rates: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
    counts: fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 6, maxLength: 6 }),
    costs: fc.array(
      fc.record({
        kind: fc.constantFrom(...KINDS),
        actor: fc.nat(),
        amount: fc.double({ min: 0, max: 1e6, noNaN: true }),
        from: fc.nat(),
        len: fc.nat(),
      }),
      { maxLength: 4 },
    ),
    consequences: fc.array(
      fc.record({
        effect: fc.nat(),
        service: fc.nat(),
        kind: fc.constantFrom("Udgift", "Indtaegt"),
        delta: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 8 }),
      }),
      { maxLength: 4 },
    ),
    prices: fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 12, maxLength: 12 }),
    rho: fc.double({ min: 0, max: 0.2, noNaN: true }),
  })
  .map((g): Scenario => {
    const H = g.horizon;
    const D = Math.max(1, Math.min(H, Math.ceil(g.dFrac * H)));
    const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
    const raw: RawScenario = {
      intervention: "Random",
      settings: { startYear: 2025, horizon: H, priceLevel: 2025, discountRate: g.rho, operatingPeriod: D },
      actors: g.actors.map((a) => ({ name: a.name, level: a.level })),
      participants: g.counts.slice(0, D).map((count, i) => ({ calcYear: i + 1, count })),
      effects: g.effects.map((name, i) => ({ name, successRate: g.rates[i] ?? 0 })),
      costs: g.costs.map((c, i) => {
        const from = 1 + (c.from % H);
        const to = Math.min(H, from + (c.len % H));
        return {
          item: `Post ${i}`,
          kind: c.kind,
          actor: pick(g.actors, c.actor).name,
          amountKr: c.amount,
          fromYear: from,
          toYear: to,
        };
      }),
      consequences: g.consequences.map((q) => ({
        effect: pick(g.effects, q.effect),
        service: pick(g.services, q.service),
        kind: q.kind,
        deltaByYear: q.delta,
      })),
      prices: g.services.map((service, s) => ({
        service,
        priceKrByActor: new Map(g.actors.map((a, j) => [a.name, g.prices[(s * 4 + j) % 12] ?? 0] as const)),
      })),
      priceIndex: [],
    };
    return valid(raw);
  });

describe("the decomposition of random scenario pairs", () => {
  it("sums exactly (to 1e-9 of the scale) to the difference, in total, per level and per actor", () => {
    fc.assert(
      fc.property(arbScenario, arbScenario, (a, b) => {
        const d = decomposed(a, b);
        const rA = calculate(a);
        const rB = calculate(b);
        const scale = Math.max(1, Math.abs(rA.total.netTotal), Math.abs(rB.total.netTotal));
        // The difference is the one between the two scenarios' own results, computed independently.
        expect(
          Math.abs(d.total.netTotal.difference - (rB.total.netTotal - rA.total.netTotal)),
        ).toBeLessThanOrEqual(1e-9 * scale);
        for (const row of [d.total, ...d.byLevel, ...d.byActor]) {
          for (const fig of [row.netTotal, row.presentValue]) {
            const s = Math.max(
              1,
              Math.abs(fig.from),
              Math.abs(fig.to),
              ...DECOMPOSITION_FACTORS.map((f) => Math.abs(fig.contributions[f])),
            );
            expect(Math.abs(sumOf(fig.contributions) - fig.difference)).toBeLessThanOrEqual(
              DECOMPOSITION_TOLERANCE * 10 * s,
            );
          }
        }
        // Per actor: the actor's own difference (0 where a scenario lacks the actor).
        for (const row of d.byActor) {
          if (row.scope.kind !== "actor") continue;
          const name = row.scope.name;
          const own = (s: Scenario, r: typeof rA): number =>
            r.byActor[s.actors.findIndex((x) => x.name === name)]?.netTotal ?? 0;
          const want = own(b, rB) - own(a, rA);
          const scaleActor = Math.max(1, Math.abs(own(a, rA)), Math.abs(own(b, rB)));
          expect(Math.abs(row.netTotal.difference - want)).toBeLessThanOrEqual(1e-9 * scaleActor);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("is antisymmetric: going from B to A gives the negated contributions", () => {
    fc.assert(
      fc.property(arbScenario, arbScenario, (a, b) => {
        const ab = decomposed(a, b).total.netTotal;
        const ba = decomposed(b, a).total.netTotal;
        // Scale: the largest figure involved, contributions included (they may cancel to a small difference).
        const s = Math.max(
          1,
          Math.abs(ab.from),
          Math.abs(ab.to),
          ...DECOMPOSITION_FACTORS.map((f) => Math.abs(ab.contributions[f])),
        );
        for (const f of DECOMPOSITION_FACTORS)
          expect(Math.abs(ab.contributions[f] + ba.contributions[f])).toBeLessThanOrEqual(1e-9 * s);
      }),
      { numRuns: 30 },
    );
  });

  it("gives exactly zero to every factor the two scenarios share", () => {
    fc.assert(
      fc.property(
        arbScenario,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (a, rate, k) => {
          // B = A with other success rates and scaled prices only.
          const b: Scenario = {
            ...a,
            effects: a.effects.map((e) => ({ ...e, successRate: rate })),
            prices: a.prices.map((p) => ({ ...p, priceKrByActor: p.priceKrByActor.map((x) => x * k) })),
          };
          const c = decomposed(a, b).total.netTotal.contributions;
          for (const f of ["participants", "costs", "consequences", "horizon", "discountRate"] as const)
            expect(c[f]).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  });
});
