/**
 * fast-check arbitraries for valid raw scenarios of every shape the engine accepts: horizon 1–30 per cohort
 * or in calendar years, duration 1–3, 1–6 actors (several on the same level), 1–3 effects, all cost kinds,
 * price years that need the index, Udgift and Indtægt lines with up to 20 consequence years, after and
 * during the intervention. The perspective is `public` (tests of `kommune` switch it).
 */
import fc from "fast-check";
import type { RawScenario } from "../../src/engine/types";

const LEVEL_NAMES = ["Kommune", "Region", "Stat", "Andet"] as const;
const COST_KIND_CODES = ["Opstart", "Drift", "PrDeltager", "PrForloeb", "Sparet"] as const;
// Realistic precision (øre, 1/100 unit, 1/10.000 rate): spreadsheets hold such numbers, not denormals.
const amount = fc.integer({ min: 0, max: 100_000_000 }).map((ore) => ore / 100);
const delta = fc.integer({ min: -1200, max: 1200 }).map((x) => x / 100);
const rate = fc.integer({ min: 0, max: 10_000 }).map((x) => x / 10_000);

export const arbRawScenario: fc.Arbitrary<RawScenario> = fc
  .record({
    startYear: fc.integer({ min: 2020, max: 2030 }),
    horizon: fc.integer({ min: 1, max: 30 }),
    method: fc.constantFrom("perCohort", "calendar"),
    duration: fc.integer({ min: 1, max: 3 }),
    periodShare: fc.double({ min: 0, max: 1, noNaN: true }),
    discountRate: fc.integer({ min: 0, max: 2000 }).map((x) => x / 10_000),
    levels: fc.array(fc.constantFrom(...LEVEL_NAMES), { minLength: 1, maxLength: 6 }),
    rates: fc.array(rate, { minLength: 1, maxLength: 3 }),
    counts: fc.array(
      fc.integer({ min: 0, max: 20_000 }).map((x) => x / 100),
      { minLength: 30, maxLength: 30 },
    ),
    priceLevelOffset: fc.integer({ min: -2, max: 2 }),
    costs: fc.array(
      fc.record({
        kind: fc.constantFrom(...COST_KIND_CODES),
        actor: fc.nat(),
        amount,
        priceYearOffset: fc.option(fc.integer({ min: -3, max: 0 }), { nil: undefined }),
      }),
      { maxLength: 5 },
    ),
    services: fc.array(fc.array(fc.option(amount, { nil: undefined }), { minLength: 6, maxLength: 6 }), {
      minLength: 1,
      maxLength: 4,
    }),
    servicePriceYearOffset: fc.array(fc.option(fc.integer({ min: -3, max: 0 }), { nil: undefined }), {
      minLength: 4,
      maxLength: 4,
    }),
    consequences: fc.array(
      fc.record({
        effect: fc.nat(),
        service: fc.nat(),
        revenue: fc.boolean(),
        deltas: fc.array(fc.option(delta, { nil: undefined }), { minLength: 1, maxLength: 20 }),
        during: fc.boolean(),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map((g): RawScenario => {
    // Calendar years need D + v − 1 ≤ F (som-method.md §2).
    const duration = g.method === "calendar" ? Math.min(g.duration, g.horizon) : g.duration;
    const room = g.method === "calendar" ? g.horizon - duration + 1 : g.horizon;
    const operatingPeriod = Math.max(1, Math.ceil(g.periodShare * room));
    const actors = g.levels.map((level, i) => ({ name: `Aktør ${i + 1}`, level }));
    const effects = g.rates.map((r, i) => ({ name: `Effekt ${i + 1}`, successRate: r }));
    const priceLevel = g.startYear + g.priceLevelOffset;
    // Index for every year that can occur: 2014..2033.
    const index = Array.from({ length: 20 }, (_, i) => ({
      year: 2014 + i,
      index: 90 + i * 1.7 + (i % 3) * 0.4,
    }));
    return {
      intervention: "Egenskabstest",
      settings: {
        startYear: g.startYear,
        horizon: g.horizon,
        priceLevel,
        discountRate: g.discountRate,
        operatingPeriod,
        horizonMethod: g.method,
        duration,
      },
      actors,
      participants: g.counts.slice(0, operatingPeriod).map((count, i) => ({ calcYear: i + 1, count })),
      effects,
      costs: g.costs.map((c, i) => ({
        item: `Post ${i + 1}`,
        kind: c.kind,
        actor: actors[c.actor % actors.length]!.name,
        amountKr: c.amount,
        priceYear: c.priceYearOffset === undefined ? undefined : priceLevel + c.priceYearOffset,
      })),
      consequences: g.consequences.map((c) => ({
        effect: effects[c.effect % effects.length]!.name,
        service: `Ydelse ${(c.service % g.services.length) + 1}`,
        unit: "enhed",
        kind: c.revenue ? "Indtaegt" : "Udgift",
        // a "during" line holds values only in years 1..v − 1 of the intervention (§4)
        ...(c.during
          ? { phase: "during", deltaByYear: c.deltas.slice(0, duration - 1) }
          : { deltaByYear: c.deltas }),
      })),
      prices: g.services.map((row, i) => ({
        service: `Ydelse ${i + 1}`,
        priceYear:
          g.servicePriceYearOffset[i] === undefined
            ? undefined
            : priceLevel + (g.servicePriceYearOffset[i] ?? 0),
        priceKrByActor: new Map(actors.map((a, j) => [a.name, row[j]])),
      })),
      priceIndex: index,
    };
  });
