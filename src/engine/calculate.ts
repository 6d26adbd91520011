/**
 * The SØM calculation (som-method.md §2–6): a validated `Scenario` in, `Results` out — per actor, per level
 * and in total, per calculation year, in kroner at price level P, positive = gain for the public budget.
 *
 * Pure and deterministic: no rounding (presentation rounds), no clock, no randomness.
 * Cost grows as O(L_c × T × v + L_k × D × J + pairs × T × A + A × (T + S)) for L_c cost lines, L_k
 * consequence lines, D start years, J consequence years, T calculation years, A actors and S services —
 * linear in every dimension except the cohort × consequence-year convolution (D × J per line).
 *
 * Perspective `kommune` (som-method.md §6): only the actors of level Kommune are reported; every reported
 * block is computed by the same code as under `public`, so the kommune-only total equals the public
 * Kommune level bit for bit.
 */
import { pricesAtLevel, signedUseByPair, type PairUse } from "./consequences";
import { costsByActorYear, type CostsByKind } from "./costs";
import {
  breakEvenSuccessFactor,
  breakEvenYear,
  netPerCompleter,
  presentValue,
  RELATIVE_ZERO,
  returnPerKrone,
  UNDEFINED_REASON,
  type KeyFigureName,
} from "./key-figures";
import { calcYearCount, countedYears } from "./time";
import type { Actor, CohortFollowUp, CostKind, Level, ResultBlock, Results, Scenario } from "./types";
import { COST_KINDS, LEVELS } from "./types";

/** The additive parts of a result block; everything else is derived from them. */
interface BlockParts {
  readonly costsByKind: Readonly<Record<CostKind, readonly number[]>>;
  readonly consequences: readonly number[];
  readonly byService: ReadonlyMap<string, readonly number[]>;
  readonly byEffect: ReadonlyMap<string, readonly number[]>;
  readonly beyondHorizon: number;
}

/**
 * n zeros in an array V8 stores as unboxed doubles (written as 0.5 first, then 0), so copies of it never change
 * representation when fractional kroner are added.
 */
function doubleZeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0.5);
  for (let i = 0; i < n; i++) out[i] = 0;
  return out;
}

function zeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}

function addInto(target: number[], source: readonly number[], factor = 1): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) + factor * (source[i] ?? 0);
}

const sum = (xs: readonly number[]): number => {
  let total = 0;
  for (const x of xs) total += x;
  return total;
};

/** Derives totals and key figures from the additive parts (som-method.md §6). */
function finishBlock(parts: BlockParts, scenario: Scenario, completers: number): ResultBlock {
  const H = calcYearCount(scenario.settings);
  const { Opstart, Drift, PrDeltager, PrForloeb, Sparet } = parts.costsByKind;
  const V = parts.consequences;
  const costs: number[] = [];
  const net: number[] = [];
  const cumulative: number[] = [];
  let costTotal = 0;
  let consequenceTotal = 0;
  let netTotal = 0;
  let scale = 0;
  for (let t = 0; t < H; t++) {
    // C_t summed over the kinds in COST_KINDS order (the sensitivity fast path mirrors this order).
    const c =
      0 +
      (Opstart[t] as number) +
      (Drift[t] as number) +
      (PrDeltager[t] as number) +
      (PrForloeb[t] as number) +
      (Sparet[t] as number);
    const v = V[t] as number;
    const nr = v - c;
    costs.push(c);
    net.push(nr);
    netTotal += nr;
    cumulative.push(netTotal);
    costTotal += c;
    consequenceTotal += v;
    scale += Math.abs(c) + Math.abs(v);
  }
  const figures = {
    breakEvenYear: breakEvenYear(cumulative, scenario.settings.startYear, RELATIVE_ZERO * scale),
    returnPerKrone: returnPerKrone(consequenceTotal, costTotal),
    breakEvenSuccessFactor: breakEvenSuccessFactor(consequenceTotal, costTotal),
    netPerCompleter: netPerCompleter(netTotal, completers),
  };
  const undefinedReasons: Partial<Record<KeyFigureName, (typeof UNDEFINED_REASON)[KeyFigureName]>> = {};
  if (figures.breakEvenYear === null) undefinedReasons.breakEvenYear = UNDEFINED_REASON.breakEvenYear;
  if (figures.returnPerKrone === null) undefinedReasons.returnPerKrone = UNDEFINED_REASON.returnPerKrone;
  if (figures.breakEvenSuccessFactor === null)
    undefinedReasons.breakEvenSuccessFactor = UNDEFINED_REASON.breakEvenSuccessFactor;
  if (figures.netPerCompleter === null) undefinedReasons.netPerCompleter = UNDEFINED_REASON.netPerCompleter;
  return {
    costs,
    costsByKind: parts.costsByKind,
    consequences: V,
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
  /**
   * One frozen all-zero year series: shared by every block's services that carry no price for it, and copied
   * (`slice`) to start each new series in one allocation.
   */
  readonly zeroYears: readonly number[];
  /** Unfrozen zeros of double representation, never written: each new series starts as a copy of it. */
  readonly zeroTemplate: readonly number[];
  /** Service name of each price row. */
  readonly serviceNames: readonly string[];
}

/**
 * The additive parts for a set of actors: V = Σ_pairs (Σ_{a ∈ set} p_{s,a}) × u_{e,s}, since prices depend
 * only on service and actor (som-method.md §4); costs are the sum of the actors' costs (§3).
 */
function partsFor(actors: readonly number[], shared: Shared): BlockParts {
  const { scenario, pairs, prices, services } = shared;
  const H = calcYearCount(scenario.settings);
  const nServices = prices.length;
  const weight: number[] = [];
  for (let s = 0; s < nServices; s++) {
    const row = prices[s] ?? [];
    let w = 0;
    for (let i = 0; i < actors.length; i++) w += row[actors[i] ?? 0] ?? 0;
    weight.push(w);
  }
  const consequences = shared.zeroTemplate.slice();
  // V by service: created at the service's first pair with a price for this block (so an actor who pays
  // nothing for a service shares one frozen array of zeros instead of allocating its own).
  const bySvc: (number[] | undefined)[] = new Array<number[] | undefined>(nServices);
  const nEffects = scenario.effects.length;
  // With one effect, V by effect is V itself: the same additions in the same order, so share the array.
  const byEff: number[][] = [];
  for (let e = 0; e < nEffects; e++) byEff.push(nEffects === 1 ? consequences : shared.zeroTemplate.slice());
  let beyondHorizon = 0;
  for (let k = 0; k < pairs.length; k++) {
    const pair = pairs[k] as PairUse;
    const w = weight[pair.service] ?? 0;
    if (w === 0) continue;
    const use = pair.signedUse;
    let svc = bySvc[pair.service];
    if (svc === undefined) {
      svc = shared.zeroTemplate.slice();
      bySvc[pair.service] = svc;
    }
    if (nEffects === 1) {
      for (let t = 0; t < H; t++) {
        const v = w * (use[t] as number);
        consequences[t] = (consequences[t] as number) + v;
        svc[t] = (svc[t] as number) + v;
      }
    } else {
      const eff = byEff[pair.effect] as number[];
      for (let t = 0; t < H; t++) {
        const v = w * (use[t] as number);
        consequences[t] = (consequences[t] as number) + v;
        svc[t] = (svc[t] as number) + v;
        eff[t] = (eff[t] as number) + v;
      }
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
  for (let i = 0; i < services.length; i++) {
    const s = services[i] ?? 0;
    byService.set(shared.serviceNames[s] ?? "", bySvc[s] ?? shared.zeroYears);
  }
  const byEffect = new Map<string, readonly number[]>();
  for (let e = 0; e < nEffects; e++) byEffect.set(scenario.effects[e]?.name ?? "", byEff[e] ?? zeros(H));
  return { costsByKind, consequences, byService, byEffect, beyondHorizon };
}

function yearsFrom(startYear: number, H: number): number[] {
  const years: number[] = [];
  for (let t = 0; t < H; t++) years.push(startYear + t);
  return years;
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
    zeroYears: Object.freeze(zeros(calcYearCount(scenario.settings))),
    zeroTemplate: doubleZeros(calcYearCount(scenario.settings)),
    serviceNames: scenario.prices.map((p) => p.service),
  };
}

function emptyCosts(H: number): CostsByKind {
  return { Opstart: zeros(H), Drift: zeros(H), PrDeltager: zeros(H), PrForloeb: zeros(H), Sparet: zeros(H) };
}

/**
 * Calculates a validated scenario (som-method.md §2–6).
 *
 * @example
 * const v = validateScenario(raw);
 * if (v.ok) calculate(v.value).byActor[0].netTotal; // Σ_t NR for the first actor, kr. at price level P
 */
export function calculate(scenario: Scenario): Results {
  const settings = scenario.settings;
  const H = calcYearCount(settings);
  const shared = sharedOf(scenario);
  const completers = sum(scenario.participants);
  const A = scenario.actors.length;
  const byActor: ResultBlock[] = [];
  const all: number[] = [];
  for (let a = 0; a < A; a++) {
    if (!isReported(scenario, a)) continue;
    byActor.push(finishBlock(partsFor([a], shared), scenario, completers));
    all.push(a);
  }
  const byLevel = new Map<Level, ResultBlock>();
  for (const level of LEVELS) {
    const members = all.filter((a) => scenario.actors[a]?.level === level);
    // A level with one actor is that actor's block (the same numbers; no need to compute them twice).
    if (members.length === 1) byLevel.set(level, byActor[all.indexOf(members[0] ?? 0)] as ResultBlock);
    else if (members.length > 1)
      byLevel.set(level, finishBlock(partsFor(members, shared), scenario, completers));
  }
  const total = finishBlock(partsFor(all, shared), scenario, completers);
  const startYear = settings.startYear;
  const v = settings.duration;
  const cohorts: CohortFollowUp[] = scenario.participants.map((starters, i) => ({
    startCalcYear: i + 1,
    completionCalcYear: i + v,
    completionYear: startYear + i + v - 1,
    starters,
    yearsFollowed: countedYears(settings, i + v),
  }));
  return {
    years: yearsFrom(startYear, H),
    priceLevel: settings.priceLevel,
    discountRate: settings.discountRate,
    actors: all.map((a) => scenario.actors[a] as Actor),
    actorIndex: all,
    excludedActors: scenario.actors.filter((_, a) => !isReported(scenario, a)),
    byActor,
    byLevel,
    total,
    beyondHorizon: total.beyondHorizon,
    totalCompleters: completers,
    horizon: {
      method: settings.horizonMethod,
      years: settings.horizon,
      calcYears: H,
      lastYear: startYear + H - 1,
    },
    duration: v,
    perspective: settings.perspective,
    cohorts,
  };
}

/** Whether actor a is reported under the scenario's perspective (som-method.md §6). */
export function isReported(scenario: Pick<Scenario, "actors" | "settings">, a: number): boolean {
  return scenario.settings.perspective === "public" || scenario.actors[a]?.level === "Kommune";
}

/**
 * The actors the perspective reports, in the scenario's order — the actors of `Results.actors`. Index i of this
 * list is the index of an actor scope in the sensitivity analyses (`{ kind: "actor", actor: i }`).
 */
export function reportedActors(scenario: Pick<Scenario, "actors" | "settings">): Actor[] {
  return scenario.actors.filter((_, a) => isReported(scenario, a));
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
