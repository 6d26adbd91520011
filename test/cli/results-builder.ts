/** Hand-made `Results` for testing presentation without the engine. */
import type { Actor, CostKind, Level, ResultBlock, Results } from "../../src/engine/types";

/** A result block whose costs and consequences per year are given; everything else follows §6 by hand. */
export function aBlock(
  costs: readonly number[],
  consequences: readonly number[],
  over: Partial<ResultBlock> = {},
): ResultBlock {
  const net = consequences.map((v, i) => v - (costs[i] ?? 0));
  let run = 0;
  const cumulative = net.map((x) => (run += x));
  const zeros = costs.map(() => 0);
  const byKind: Record<CostKind, readonly number[]> = {
    Opstart: costs,
    Drift: zeros,
    PrDeltager: zeros,
    PrForloeb: zeros,
    Sparet: zeros,
  };
  const costTotal = costs.reduce((a, b) => a + b, 0);
  const consequenceTotal = consequences.reduce((a, b) => a + b, 0);
  return {
    costs,
    costsByKind: byKind,
    consequences,
    consequencesByService: new Map([["Kontanthjælp", consequences]]),
    consequencesByEffect: new Map([["Job", consequences]]),
    net,
    cumulative,
    costTotal,
    consequenceTotal,
    netTotal: consequenceTotal - costTotal,
    presentValue: consequenceTotal - costTotal,
    breakEvenYear: null,
    returnPerKrone: costTotal > 0 ? consequenceTotal / costTotal : null,
    breakEvenSuccessFactor: consequenceTotal > 0 ? Math.max(0, costTotal / consequenceTotal) : null,
    netPerCompleter: null,
    beyondHorizon: 0,
    undefinedReasons: {},
    ...over,
  };
}

/** Results for the given actors and blocks; total = the last argument. */
export function someResults(
  actors: readonly Actor[],
  blocks: readonly ResultBlock[],
  total: ResultBlock,
  over: Partial<Results> = {},
): Results {
  const byLevel = new Map<Level, ResultBlock>();
  actors.forEach((a, i) => {
    const b = blocks[i];
    if (b !== undefined && !byLevel.has(a.level)) byLevel.set(a.level, b);
  });
  return {
    years: total.net.map((_, i) => 2025 + i),
    priceLevel: 2025,
    discountRate: 0.035,
    actors,
    byActor: blocks,
    byLevel,
    total,
    beyondHorizon: 0,
    totalCompleters: 10,
    actorIndex: actors.map((_, i) => i),
    excludedActors: [],
    horizon: {
      method: "calendar",
      years: total.net.length,
      calcYears: total.net.length,
      lastYear: 2024 + total.net.length,
    },
    duration: 1,
    perspective: "public",
    cohorts: [],
    ...over,
  };
}
