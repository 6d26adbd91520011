/**
 * Benchmark scenarios of issue 2: a typical one (10 years, 3 actors, 3 cost lines, 1 effect, 15 consequence
 * lines) and a large one (30 years, 40 actors, 3 effects, 200 consequence lines), plus a size generator.
 */
import type { RawScenario, Scenario } from "../src/engine/types";
import { validateScenario } from "../src/engine/validate";

export interface Size {
  readonly years: number;
  readonly actors: number;
  readonly effects: number;
  readonly costLines: number;
  readonly consequenceLines: number;
  /** Consequence years J per line (≤ 20). */
  readonly consequenceYears: number;
  /**
   * v2 model (issue 11): duration v (blank = 1) — with v > 1 the cost kinds include Pr. forløb and every 4th
   * consequence line is an Under indsats line over years 1..v − 1. `years` is F; per cohort (the default) the
   * calculation runs through T = D + v + F − 2.
   */
  readonly duration?: number;
  readonly horizonMethod?: "perCohort" | "calendar";
}

export const TYPICAL: Size = {
  years: 10,
  actors: 3,
  effects: 1,
  costLines: 3,
  consequenceLines: 15,
  consequenceYears: 10,
};
export const LARGE: Size = {
  years: 30,
  actors: 40,
  effects: 3,
  costLines: 40,
  consequenceLines: 200,
  consequenceYears: 20,
};

const LEVELS = ["Kommune", "Region", "Stat"] as const;
const KINDS = ["Opstart", "Drift", "PrDeltager", "Sparet"] as const;
const V2_KINDS = ["Opstart", "Drift", "PrDeltager", "PrForloeb", "Sparet"] as const;

/** A valid raw scenario of the given size (deterministic numbers). */
export function rawScenarioOfSize(size: Size): RawScenario {
  const actors = Array.from({ length: size.actors }, (_, a) => ({
    name: `Aktør ${a + 1}`,
    level: LEVELS[a % 3]!,
  }));
  const effects = Array.from({ length: size.effects }, (_, e) => ({
    name: `Effekt ${e + 1}`,
    successRate: 0.1 + 0.05 * e,
  }));
  const operatingPeriod = Math.max(1, Math.floor(size.years / 2));
  const v = size.duration ?? 1;
  const kinds: readonly string[] = v > 1 ? V2_KINDS : KINDS;
  return {
    intervention: "Benchmark",
    settings: {
      startYear: 2025,
      horizon: size.years,
      priceLevel: 2025,
      discountRate: 0.035,
      operatingPeriod,
      ...(size.duration === undefined ? {} : { duration: size.duration }),
      ...(size.horizonMethod === undefined ? {} : { horizonMethod: size.horizonMethod }),
    },
    actors,
    participants: Array.from({ length: operatingPeriod }, (_, c) => ({ calcYear: c + 1, count: 20 + c })),
    effects,
    costs: Array.from({ length: size.costLines }, (_, i) => ({
      item: `Post ${i + 1}`,
      kind: kinds[i % kinds.length]!,
      actor: actors[i % size.actors]!.name,
      amountKr: 10_000 + 1_000 * i,
      priceYear: i % 2 === 0 ? 2024 : undefined,
    })),
    consequences: Array.from({ length: size.consequenceLines }, (_, k) => {
      const during = v > 1 && k % 4 === 3;
      return {
        effect: effects[k % size.effects]!.name,
        service: `Ydelse ${k + 1}`,
        kind: k % 5 === 0 ? "Indtaegt" : "Udgift",
        ...(during ? { phase: "during" } : {}),
        deltaByYear: Array.from(
          { length: during ? v - 1 : size.consequenceYears },
          (_, j) => (k % 5 === 0 ? 1 : -1) * (1 + ((j + k) % 4) * 0.25),
        ),
      };
    }),
    prices: Array.from({ length: size.consequenceLines }, (_, k) => ({
      service: `Ydelse ${k + 1}`,
      priceYear: k % 3 === 0 ? 2024 : undefined,
      priceKrByActor: new Map(
        actors.map((a, i) => [a.name, (k + i) % 3 === 0 ? 0 : 100 + 10 * ((k * 7 + i) % 50)]),
      ),
    })),
    priceIndex: [
      { year: 2024, index: 100 },
      { year: 2025, index: 103.2 },
    ],
  };
}

export function scenarioOfSize(size: Size): Scenario {
  const v = validateScenario(rawScenarioOfSize(size));
  if (!v.ok) throw new Error(`invalid benchmark scenario: ${v.issues.map((i) => i.code).join(", ")}`);
  return v.value;
}
