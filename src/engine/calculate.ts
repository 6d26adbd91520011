/**
 * The SØM calculation (som-method.md §2–6): a validated `Scenario` in, `Results` out — per actor, per level
 * and in total, per calculation year, in kroner at price level P, positive = gain for the public budget.
 *
 * Pure and deterministic: no rounding (presentation rounds), no clock, no randomness.
 * Cost grows as O(L_c × H + L_k × H × (J + A) + A × (H + S)) for L_c cost lines, L_k consequence lines,
 * J consequence years, A actors and S services — linear in every dimension except the cohort × consequence-year
 * convolution (H × J per line).
 */
import { pricesAtLevel, signedUseByPair, type PairUse } from "./consequences";
import { costsByActorYear, type CostsByKind } from "./costs";
import {
  breakEvenSuccessFactor,
  breakEvenYear,
  cumulativeSum,
  netPerCompleter,
  presentValue,
  RELATIVE_ZERO,
  returnPerKrone,
  UNDEFINED_REASON,
  type KeyFigureName,
} from "./key-figures";
import type { CostKind, Level, ResultBlock, Results, Scenario } from "./types";
import { COST_KINDS, LEVELS } from "./types";

/** The additive parts of a result block; everything else is derived from them. */
interface BlockParts {
  readonly costsByKind: Readonly<Record<CostKind, readonly number[]>>;
  readonly consequences: readonly number[];
  readonly byService: ReadonlyMap<string, readonly number[]>;
  readonly byEffect: ReadonlyMap<string, readonly number[]>;
  readonly beyondHorizon: number;
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);

function addInto(target: number[], source: readonly number[], factor = 1): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) + factor * (source[i] ?? 0);
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Derives totals and key figures from the additive parts (som-method.md §6). */
function finishBlock(parts: BlockParts, scenario: Scenario, completers: number): ResultBlock {
  const H = scenario.settings.horizon;
  const costs = zeros(H);
  for (const kind of COST_KINDS) addInto(costs, parts.costsByKind[kind]);
  const net = parts.consequences.map((v, i) => v - (costs[i] ?? 0));
  const cumulative = cumulativeSum(net);
  const costTotal = sum(costs);
  const consequenceTotal = sum(parts.consequences);
  const netTotal = sum(net);
  let scale = 0;
  for (let i = 0; i < H; i++) scale += Math.abs(costs[i] ?? 0) + Math.abs(parts.consequences[i] ?? 0);
  const figures = {
    breakEvenYear: breakEvenYear(cumulative, scenario.settings.startYear, RELATIVE_ZERO * scale),
    returnPerKrone: returnPerKrone(consequenceTotal, costTotal),
    breakEvenSuccessFactor: breakEvenSuccessFactor(consequenceTotal, costTotal),
    netPerCompleter: netPerCompleter(netTotal, completers),
  };
  const undefinedReasons: Partial<Record<KeyFigureName, (typeof UNDEFINED_REASON)[KeyFigureName]>> = {};
  for (const name of Object.keys(figures) as KeyFigureName[]) {
    if (figures[name] === null) undefinedReasons[name] = UNDEFINED_REASON[name];
  }
  return {
    costs,
    costsByKind: parts.costsByKind,
    consequences: parts.consequences,
    consequencesByService: parts.byService,
    consequencesByEffect: parts.byEffect,
    net,
    cumulative,
    costTotal,
    consequenceTotal,
    netTotal,
    presentValue: presentValue(net, scenario.settings.discountRate),
    ...figures,
    beyondHorizon: parts.beyondHorizon,
    undefinedReasons,
  };
}

/** What every block needs: the pairs' use, prices at P, services used (in price-row order), costs per actor. */
interface Shared {
  readonly scenario: Scenario;
  readonly pairs: readonly PairUse[];
  readonly prices: readonly (readonly number[])[];
  readonly services: readonly number[];
  readonly costs: readonly CostsByKind[];
}

/**
 * The additive parts for a set of actors: V = Σ_pairs (Σ_{a ∈ set} p_{s,a}) × u_{e,s}, since prices depend
 * only on service and actor (som-method.md §4); costs are the sum of the actors' costs (§3).
 */
function partsFor(actors: readonly number[], shared: Shared): BlockParts {
  const { scenario, pairs, prices, services } = shared;
  const H = scenario.settings.horizon;
  const weight = prices.map((row) => {
    let w = 0;
    for (const a of actors) w += row[a] ?? 0;
    return w;
  });
  const consequences = zeros(H);
  const bySvc: number[][] = [];
  for (const s of services) bySvc[s] = zeros(H);
  const byEff = scenario.effects.map(() => zeros(H));
  let beyondHorizon = 0;
  for (const pair of pairs) {
    const w = weight[pair.service] ?? 0;
    if (w === 0) continue;
    const svc = bySvc[pair.service];
    const eff = byEff[pair.effect];
    if (svc === undefined || eff === undefined) continue;
    const use = pair.signedUse;
    for (let t = 0; t < H; t++) {
      const v = w * (use[t] ?? 0);
      consequences[t] = (consequences[t] ?? 0) + v;
      svc[t] = (svc[t] ?? 0) + v;
      eff[t] = (eff[t] ?? 0) + v;
    }
    beyondHorizon += w * pair.signedUseBeyond;
  }
  let costsByKind: CostsByKind;
  if (actors.length === 1) costsByKind = shared.costs[actors[0] ?? 0] ?? emptyCosts(H);
  else {
    costsByKind = emptyCosts(H);
    for (const a of actors)
      for (const kind of COST_KINDS) addInto(costsByKind[kind], shared.costs[a]?.[kind] ?? []);
  }
  const byService = new Map<string, readonly number[]>();
  for (const s of services) byService.set(scenario.prices[s]?.service ?? "", bySvc[s] ?? zeros(H));
  const byEffect = new Map<string, readonly number[]>();
  scenario.effects.forEach((e, i) => byEffect.set(e.name, byEff[i] ?? zeros(H)));
  return { costsByKind, consequences, byService, byEffect, beyondHorizon };
}

function sharedOf(scenario: Scenario): Shared {
  const pairs = signedUseByPair(scenario);
  const usedServices = new Set(pairs.map((p) => p.service));
  return {
    scenario,
    pairs,
    prices: pricesAtLevel(scenario),
    // Services in the order of the price rows, restricted to those a consequence line uses.
    services: scenario.prices.map((_, i) => i).filter((i) => usedServices.has(i)),
    costs: costsByActorYear(scenario),
  };
}

function emptyCosts(H: number): CostsByKind {
  return { Opstart: zeros(H), Drift: zeros(H), PrDeltager: zeros(H), Sparet: zeros(H) };
}

/**
 * Calculates a validated scenario (som-method.md §2–6).
 *
 * @example
 * const v = validateScenario(raw);
 * if (v.ok) calculate(v.value).byActor[0].netTotal; // Σ_t NR for the first actor, kr. at price level P
 */
export function calculate(scenario: Scenario): Results {
  const H = scenario.settings.horizon;
  const shared = sharedOf(scenario);
  const completers = sum(scenario.participants);
  const byActor = scenario.actors.map((_, a) => finishBlock(partsFor([a], shared), scenario, completers));
  const byLevel = new Map<Level, ResultBlock>();
  for (const level of LEVELS) {
    const members = scenario.actors.flatMap((actor, a) => (actor.level === level ? [a] : []));
    // A level with one actor is that actor's block (the same numbers; no need to compute them twice).
    if (members.length === 1) byLevel.set(level, byActor[members[0] ?? 0] as ResultBlock);
    else if (members.length > 1)
      byLevel.set(level, finishBlock(partsFor(members, shared), scenario, completers));
  }
  const total = finishBlock(
    partsFor(
      scenario.actors.map((_, a) => a),
      shared,
    ),
    scenario,
    completers,
  );
  const startYear = scenario.settings.startYear;
  return {
    years: Array.from({ length: H }, (_, i) => startYear + i),
    priceLevel: scenario.settings.priceLevel,
    discountRate: scenario.settings.discountRate,
    actors: scenario.actors,
    byActor,
    byLevel,
    total,
    beyondHorizon: total.beyondHorizon,
    totalCompleters: completers,
  };
}

/**
 * Σ NR and PV (kr. at price level P) of a set of actors — an actor, a level's actors or all of them — by the
 * very same code `calculate` uses for that block, so the numbers are bit-for-bit those of `calculate`,
 * without building the other blocks and breakdowns. Meant for sensitivity grids (one figure per variant).
 * An empty set gives 0.
 * @example netFiguresFor(s, [0]).netTotal === calculate(s).byActor[0].netTotal
 */
export function netFiguresFor(
  scenario: Scenario,
  actors: readonly number[],
): { netTotal: number; presentValue: number } {
  if (actors.length === 0) return { netTotal: 0, presentValue: 0 };
  const block = finishBlock(partsFor(actors, sharedOf(scenario)), scenario, 0);
  return { netTotal: block.netTotal, presentValue: block.presentValue };
}
