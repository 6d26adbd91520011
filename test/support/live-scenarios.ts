/**
 * Seeded random valid SØM scenarios for the live-workbook checks (som-method.md §12): several actors per level,
 * every cost kind, price years ≠ P (so the index is used), Udgift and Indtægt lines, blank cells, and — once
 * the engine has them — durations 1–3, "during" lines, both horizon methods and the kommune-only perspective.
 * Deterministic: the same seed gives the same scenario.
 */
import type { RawScenario } from "../../src/engine/types";

/** A small seeded generator (mulberry32): integers only, the same sequence on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ScenarioSize {
  readonly actors: readonly [number, number];
  readonly effects: readonly [number, number];
  readonly services: readonly [number, number];
  readonly costs: readonly [number, number];
  readonly consequences: readonly [number, number];
  readonly years: readonly [number, number];
  readonly period: readonly [number, number];
}

export const TYPICAL: ScenarioSize = {
  actors: [2, 5],
  effects: [1, 2],
  services: [1, 4],
  costs: [2, 6],
  consequences: [2, 6],
  years: [3, 12],
  period: [1, 4],
};

export const LARGE: ScenarioSize = {
  actors: [10, 10],
  effects: [3, 3],
  services: [15, 15],
  costs: [40, 40],
  consequences: [60, 60],
  years: [20, 20],
  period: [8, 8],
};

/** Engine features a scenario may use (the v2 model adds duration, phases, horizon method and perspective). */
export interface ScenarioFeatures {
  readonly v2: boolean;
}

/** A random valid raw scenario. `features.v2` adds duration 1–3, during lines, the horizon method and perspective. */
export function randomScenario(
  seed: number,
  size: ScenarioSize = TYPICAL,
  features: ScenarioFeatures = { v2: true },
): RawScenario {
  const rnd = seeded(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const odd = (lo: number, hi: number, step: number): number =>
    Math.round((lo + rnd() * (hi - lo)) / step) * step;

  const startYear = int(2022, 2027);
  const priceLevel = startYear + int(-2, 1);
  const F = int(size.years[0], size.years[1]);
  const v = features.v2 ? int(1, 3) : 1;
  const calendar = features.v2 ? rnd() < 0.4 : true;
  let D = int(size.period[0], size.period[1]);
  if (calendar) D = Math.max(1, Math.min(D, F - v + 1));
  const T = calendar ? F : D + v + F - 2;
  const nActors = int(size.actors[0], size.actors[1]);
  // Several actors per level: levels drawn from a short list so they repeat.
  const levelPool = ["Kommune", "Kommune", "Region", "Stat", "Andet"];
  const actors = Array.from({ length: nActors }, (_, i) => ({
    name: `Aktør ${String.fromCharCode(65 + i)}`,
    level: i === 0 ? "Kommune" : pick(levelPool),
  }));
  const effects = Array.from({ length: int(size.effects[0], size.effects[1]) }, (_, i) => ({
    name: `Effekt ${i + 1}`,
    successRate: odd(0.013, 0.6, 0.0001),
  }));
  const nServices = int(size.services[0], size.services[1]);
  const indexYears = Array.from({ length: 14 }, (_, i) => priceLevel - 6 + i);
  const priceIndex = indexYears.map((year, i) => ({
    year,
    index: Math.round((93.7 + i * 2.13 + (i % 3) * 0.41) * 100) / 100,
  }));
  const priceYear = (): number | undefined => (rnd() < 0.2 ? undefined : priceLevel + int(-4, 2));
  const prices = Array.from({ length: nServices }, (_, i) => ({
    service: `Ydelse ${i + 1}`,
    unit: "enhed",
    priceYear: priceYear(),
    priceKrByActor: new Map(
      actors.map((a) => [a.name, rnd() < 0.25 ? undefined : odd(13.37, 91_234.5, 0.01)]),
    ),
  }));
  const kinds = features.v2
    ? ["Opstart", "Drift", "PrDeltager", "PrForloeb", "Sparet"]
    : ["Opstart", "Drift", "PrDeltager", "Sparet"];
  const costs = Array.from({ length: int(size.costs[0], size.costs[1]) }, (_, i) => {
    const kind = i < kinds.length ? (kinds[i] as string) : pick(kinds);
    const explicit = rnd() < 0.3;
    const from = explicit ? int(1, Math.max(1, Math.min(T, D))) : undefined;
    const to = explicit && from !== undefined ? int(from, T) : undefined;
    return {
      item: `Post ${i + 1}`,
      kind,
      actor: (actors[int(0, nActors - 1)] as { name: string }).name,
      amountKr: odd(1_234.56, 2_345_678.9, 0.01),
      priceYear: priceYear(),
      ...(from === undefined ? {} : { fromYear: from }),
      ...(to === undefined ? {} : { toYear: to }),
    };
  });
  const consequences = Array.from({ length: int(size.consequences[0], size.consequences[1]) }, () => {
    const during = features.v2 && v > 1 && rnd() < 0.3;
    const J = during ? int(1, v - 1) : int(1, Math.min(20, F + 3));
    return {
      effect: (pick(effects) as { name: string }).name,
      service: `Ydelse ${int(1, nServices)}`,
      unit: "enhed",
      kind: rnd() < 0.7 ? "Udgift" : "Indtaegt",
      deltaByYear: Array.from({ length: J }, () => (rnd() < 0.15 ? undefined : odd(-14.5, 9.5, 0.01))),
      ...(features.v2 ? { phase: during ? "during" : "after" } : {}),
    };
  });
  const participants = Array.from({ length: D }, (_, i) => ({
    calcYear: i + 1,
    count: rnd() < 0.1 ? undefined : odd(3.5, 412.25, 0.25),
  }));
  const settings = {
    startYear,
    horizon: F,
    priceLevel,
    discountRate: odd(0.001, 0.07, 0.0005),
    operatingPeriod: D,
    ...(features.v2
      ? {
          duration: v,
          horizonMethod: calendar ? "calendar" : "perCohort",
          perspective: rnd() < 0.3 ? "kommune" : "public",
        }
      : {}),
  };
  return {
    intervention: `Tilfældig indsats ${seed}`,
    settings,
    actors,
    participants,
    effects,
    costs,
    consequences,
    prices,
    priceIndex,
  } as RawScenario;
}
