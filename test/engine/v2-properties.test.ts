/**
 * Property tests of the v2 scenario model (issue 11, "Done means"):
 * - with v = 1 and Kalenderår every result equals the first model's (som-method.md v1, an independent oracle
 *   written from the formulas below, not from the engine);
 * - per cohort, every cohort has exactly F counted consequence years;
 * - the kommune-only total equals the sum of the Kommune actors under the public perspective.
 */
import fc from "fast-check";
import { calculate } from "../../src/engine/calculate";
import { priceLevelFactor } from "../../src/engine/price-level";
import { calcYearCount } from "../../src/engine/time";
import type { RawScenario, Scenario } from "../../src/engine/types";
import { validateScenario } from "../../src/engine/validate";
import { arbRawScenario } from "./arbitraries";

function valid(raw: RawScenario): Scenario {
  const v = validateScenario(raw);
  if (!v.ok) throw new Error(`invalid: ${v.issues.map((i) => i.code).join(", ")}`);
  return v.value;
}

/**
 * The first model (som-method.md v1, H = F, completers N_c, v = 1), straight from its formulas:
 *   C_{a,t} = Σ_lines [t ∈ f..l] × (A | A | A × N_t | −A) at price level P
 *   V_{a,t} = Σ_lines Σ_{c=1..t} N_c r_e σ Δq(t − c + 1) p_{s,a};  beyond = Σ of the same for t > H.
 */
function firstModel(s: Scenario): { costs: number[][]; consequences: number[][]; beyond: number[] } {
  const H = s.settings.horizon;
  const A = s.actors.length;
  const N = (c: number): number => s.participants[c - 1] ?? 0;
  const costs = Array.from({ length: A }, () => new Array<number>(H).fill(0));
  const consequences = Array.from({ length: A }, () => new Array<number>(H).fill(0));
  const beyond = new Array<number>(A).fill(0);
  for (const line of s.costs) {
    const amount = line.amountKr * priceLevelFactor(s, line.priceYear);
    for (let t = line.fromYear; t <= line.toYear; t++) {
      const per = { Opstart: amount, Drift: amount, PrDeltager: amount * N(t), Sparet: -amount }[
        line.kind as "Opstart" | "Drift" | "PrDeltager" | "Sparet"
      ];
      costs[line.actor]![t - 1]! += per;
    }
  }
  for (const line of s.consequences) {
    const rate = s.effects[line.effect]!.successRate;
    const sign = line.kind === "Udgift" ? -1 : 1;
    const row = s.prices[line.service]!;
    const factor = priceLevelFactor(s, row.priceYear);
    for (let c = 1; c <= H; c++)
      line.deltaByYear.forEach((q, j0) => {
        const t = c + j0;
        for (let a = 0; a < A; a++) {
          const v = N(c) * rate * sign * q * (row.priceKrByActor[a] ?? 0) * factor;
          if (t <= H) consequences[a]![t - 1]! += v;
          else beyond[a]! += v;
        }
      });
  }
  return { costs, consequences, beyond };
}

/** Random scenarios restricted to what the first model knew: Kalenderår, v = 1, after lines, no Pr. forløb. */
const arbFirstModel = arbRawScenario.map((raw): RawScenario => ({
  ...raw,
  settings: { ...raw.settings, horizonMethod: "calendar", duration: 1 },
  costs: raw.costs.map((c) => (c.kind === "PrForloeb" ? { ...c, kind: "PrDeltager" } : c)),
  consequences: raw.consequences.filter((c) => c.phase === undefined),
}));

const close = (a: number, b: number, scale: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, scale);

describe("v2 properties", () => {
  it("with v = 1 and Kalenderår every result equals the first model's", () => {
    fc.assert(
      fc.property(arbFirstModel, (raw) => {
        if (raw.consequences.length === 0) return true;
        const s = valid(raw);
        const r = calculate(s);
        const m = firstModel(s);
        expect(r.years).toHaveLength(s.settings.horizon);
        const scale =
          Math.max(
            1,
            ...m.costs.flat().map(Math.abs),
            ...m.consequences.flat().map(Math.abs),
            ...m.beyond.map(Math.abs),
          ) * 50;
        return r.byActor.every(
          (b, a) =>
            b.costs.every((c, t) => close(c, m.costs[a]![t]!, scale)) &&
            b.consequences.every((v, t) => close(v, m.consequences[a]![t]!, scale)) &&
            close(b.beyondHorizon, m.beyond[a]!, scale) &&
            close(
              b.netTotal,
              m.consequences[a]!.reduce((x, y) => x + y, 0) - m.costs[a]!.reduce((x, y) => x + y, 0),
              scale * s.settings.horizon,
            ),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("per cohort, every cohort has exactly F counted consequence years (j = 1..F), the rest beyond the horizon", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }), // F
        fc.integer({ min: 1, max: 10 }), // D
        fc.integer({ min: 1, max: 10 }), // v
        fc.nat(), // which start year
        (F, D, v, pick) => {
          const start = (pick % D) + 1;
          // One citizen starts in year `start`, succeeds (r = 1) and earns 1 kr. in each of 20 consequence years.
          const s = valid({
            intervention: "F år pr. kohorte",
            settings: { startYear: 2025, horizon: F, operatingPeriod: D, duration: v, priceLevel: 2025 },
            actors: [{ name: "Kommune", level: "Kommune" }],
            participants: [{ calcYear: start, count: 1 }],
            effects: [{ name: "E", successRate: 1 }],
            costs: [],
            consequences: [
              { effect: "E", service: "S", kind: "Indtaegt", deltaByYear: new Array<number>(20).fill(1) },
            ],
            prices: [{ service: "S", priceKrByActor: new Map([["Kommune", 1]]) }],
            priceIndex: [],
          });
          const r = calculate(s);
          const T = D + v + F - 2;
          const c = start + v - 1; // completion year
          const counted = Math.min(F, 20);
          expect(r.years).toHaveLength(T);
          expect(calcYearCount(s.settings)).toBe(T);
          // room for all F years of this cohort inside 1..T
          expect(c + F - 1).toBeLessThanOrEqual(T);
          expect(r.cohorts[start - 1]?.yearsFollowed).toBe(F);
          expect(r.cohorts.every((k) => k.yearsFollowed === F)).toBe(true);
          // exactly the years c..c + min(F, J) − 1 hold the 1 kr.; the rest of J = 20 is beyond
          expect(r.total.consequences).toEqual(
            Array.from({ length: T }, (_, i) => (i + 1 >= c && i + 1 < c + counted ? 1 : 0)),
          );
          expect(r.beyondHorizon).toBe(20 - counted);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the kommune-only total equals the sum of the Kommune actors under the public perspective", () => {
    fc.assert(
      fc.property(
        arbRawScenario.filter((raw) => raw.actors.some((a) => a.level === "Kommune")),
        (raw) => {
          const pub = calculate(valid(raw));
          const kom = calculate(valid({ ...raw, settings: { ...raw.settings, perspective: "kommune" } }));
          const level = pub.byLevel.get("Kommune")!;
          // the same block, computed by the same code: bit for bit
          expect(kom.total.net).toEqual(level.net);
          expect(Object.is(kom.total.netTotal, level.netTotal)).toBe(true);
          expect(Object.is(kom.total.presentValue, level.presentValue)).toBe(true);
          expect(kom.beyondHorizon).toEqual(level.beyondHorizon);
          // and the sum of the Kommune actors' own blocks (another order of addition: relative 1e-9)
          const members = pub.byActor.filter((_, a) => pub.actors[a]?.level === "Kommune");
          const sum = members.reduce((x, b) => x + b.netTotal, 0);
          const scale = members.reduce((x, b) => x + Math.abs(b.costTotal) + Math.abs(b.consequenceTotal), 1);
          expect(Math.abs(kom.total.netTotal - sum)).toBeLessThanOrEqual(1e-9 * scale * 10);
          // only Kommune actors are reported; the others are named as left out
          expect(kom.actors.every((a) => a.level === "Kommune")).toBe(true);
          expect(kom.actors.length + kom.excludedActors.length).toBe(raw.actors.length);
          kom.byActor.forEach((b, i) => expect(b.net).toEqual(pub.byActor[kom.actorIndex[i]!]!.net));
        },
      ),
      { numRuns: 150 },
    );
  });
});
