/**
 * A fast-check arbitrary of valid scenarios of varied shape (horizon, actors on shared levels, several
 * effects, every cost kind, price years needing the index, zero prices), for property tests of the
 * sensitivity engine.
 */
import fc from "fast-check";
import type { RawScenario, Scenario } from "../../../src/engine/types";
import { validateScenario } from "../../../src/engine/validate";

const LEVELS = ["Kommune", "Region", "Stat", "Andet"] as const;
const KINDS = ["Opstart", "Drift", "PrDeltager", "Sparet"] as const;
/**
 * Realistic magnitudes: fast-check's doubles lean towards extreme values (1e-129, …) where (1 + change) = 1,
 * which would hide the effect of a parameter. Amounts in øre-exact kroner, rates and Δq with decimals.
 */
const scaled = (min: number, max: number, per: number): fc.Arbitrary<number> =>
  fc.integer({ min: Math.round(min * per), max: Math.round(max * per) }).map((k) => k / per);
const money = scaled(0, 2_000_000, 100);

export const aRandomRawScenario: fc.Arbitrary<RawScenario> = fc
  .record({
    horizon: fc.integer({ min: 1, max: 12 }),
    levels: fc.array(fc.constantFrom(...LEVELS), { minLength: 1, maxLength: 4 }),
    rates: fc.array(scaled(0, 1, 1000), { minLength: 1, maxLength: 2 }),
    counts: fc.array(scaled(0, 200, 10), { minLength: 12, maxLength: 12 }),
    discountRate: scaled(0, 0.2, 1000),
    costs: fc.array(
      fc.record({
        kind: fc.constantFrom(...KINDS),
        actor: fc.nat(),
        amount: money,
        priceYear: fc.constantFrom(2023, 2024, 2025),
      }),
      { maxLength: 5 },
    ),
    lines: fc.array(
      fc.record({
        effect: fc.nat(),
        service: fc.nat({ max: 3 }),
        revenue: fc.boolean(),
        dq: fc.array(scaled(-5, 5, 100), { minLength: 1, maxLength: 14 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    prices: fc.array(fc.array(fc.oneof(fc.constant(0), money), { minLength: 4, maxLength: 4 }), {
      minLength: 4,
      maxLength: 4,
    }),
  })
  .map((r): RawScenario => {
    const actors = r.levels.map((level, i) => ({ name: `Aktør ${i + 1}`, level }));
    const D = Math.max(1, Math.ceil(r.horizon / 2));
    const effects = r.rates.map((successRate, e) => ({ name: `Effekt ${e + 1}`, successRate }));
    return {
      intervention: "Tilfældig",
      settings: {
        startYear: 2025,
        horizon: r.horizon,
        priceLevel: 2025,
        discountRate: r.discountRate,
        operatingPeriod: D,
      },
      actors,
      participants: Array.from({ length: D }, (_, c) => ({ calcYear: c + 1, count: r.counts[c] ?? 0 })),
      effects,
      costs: r.costs.map((c, i) => ({
        item: `Post ${i + 1}`,
        kind: c.kind,
        actor: actors[c.actor % actors.length]?.name ?? "",
        amountKr: c.amount,
        priceYear: c.priceYear,
      })),
      consequences: r.lines.map((l) => ({
        effect: effects[l.effect % effects.length]?.name ?? "",
        service: `Ydelse ${l.service + 1}`,
        kind: l.revenue ? "Indtaegt" : "Udgift",
        deltaByYear: l.dq,
      })),
      prices: [0, 1, 2, 3].map((k) => ({
        service: `Ydelse ${k + 1}`,
        priceYear: 2024,
        priceKrByActor: new Map(actors.map((a, i) => [a.name, r.prices[k]?.[i] ?? 0])),
      })),
      priceIndex: [
        { year: 2023, index: 97.5 },
        { year: 2024, index: 100 },
        { year: 2025, index: 103.1 },
      ],
    };
  });

/** Validates; throws with the issue codes when the generated scenario is not valid (a bug in the arbitrary). */
export function validOrThrow(raw: RawScenario): Scenario {
  const v = validateScenario(raw);
  if (!v.ok)
    throw new Error(
      `invalid random scenario: ${v.issues.map((i) => `${i.code}@${i.location.path.join(".")}`).join("; ")}`,
    );
  return v.value;
}

export const aRandomScenario: fc.Arbitrary<Scenario> = aRandomRawScenario.map(validOrThrow);
