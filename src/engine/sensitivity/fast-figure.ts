/**
 * A fast exact evaluator of one result figure (Σ NR or PV of an actor, a level or the total) for the
 * sensitivity grid, where the same figure is needed for thousands of variants.
 *
 * `calculate` (som-method.md §2–6) builds the whole `Results`: every actor, level and total, with the
 * breakdowns by cost kind, service and effect and all key figures. The grid needs one number per variant.
 * This module computes that number with **the same floating-point operations in the same order** as
 * `calculate` — it reuses the engine's own `pricesAtLevel`, `costsByActorYear` and `signedUseByPair`
 * (leaving out the services the figure does not price) and mirrors the summation order of
 * `calculate`'s `partsFor` and `finishBlock` — so the result is bit-for-bit equal, not an
 * approximation. `test/engine/sensitivity/fast-figure.test.ts` checks equality with `Object.is` against
 * `calculate` on random scenarios and every parameter; if `calculate` changes its order of summation that
 * test fails and this file must follow.
 */
import { isReported } from "../calculate";
import { pricesAtLevel, signedUseByPair } from "../consequences";
import { costsByActorYear, type CostsByKind } from "../costs";
import { presentValue } from "../key-figures";
import { calcYearCount } from "../time";
import type { Scenario } from "../types";
import { COST_KINDS } from "../types";
import type { ResultSelector } from "./analyses";
import type { SensitivityParameter } from "./parameters";

const zeros = (n: number): number[] => new Array<number>(n).fill(0);

/** target += source, element-wise (the same expression as `calculate`'s `addInto` with factor 1). */
function addInto(target: number[], source: readonly number[], factor = 1): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) + factor * (source[i] ?? 0);
}

function emptyCosts(H: number): CostsByKind {
  return { Opstart: zeros(H), Drift: zeros(H), PrDeltager: zeros(H), PrForloeb: zeros(H), Sparet: zeros(H) };
}

/**
 * The actors whose figures a scope adds up (indices into `scenario.actors`, in its order), among the actors
 * the perspective reports; an actor scope's index counts reported actors, as `Results.byActor` does.
 */
function actorsOf(scenario: Scenario, scope: ResultSelector["scope"]): number[] {
  const actors: number[] = [];
  let reported = 0;
  scenario.actors.forEach((actor, a) => {
    if (!isReported(scenario, a)) return;
    if (
      scope.kind === "total" ||
      (scope.kind === "actor" && scope.actor === reported) ||
      (scope.kind === "level" && scope.level === actor.level)
    )
      actors.push(a);
    reported++;
  });
  return actors;
}

/** V_t of a set of actors, as calculate's partsFor: Σ_pairs (Σ_{a ∈ set} p_{s,a}) × u_{e,s}, pairs in order. */
function consequencePart(scenario: Scenario, actors: readonly number[]): number[] {
  const H = calcYearCount(scenario.settings);
  const weight = pricesAtLevel(scenario).map((row) => {
    let w = 0;
    for (const a of actors) w += row[a] ?? 0;
    return w;
  });
  const consequences = zeros(H);
  // calculate skips the pairs whose service has weight 0 for the block; they are not computed here at all.
  for (const pair of signedUseByPair(scenario, (service) => (weight[service] ?? 0) !== 0)) {
    const w = weight[pair.service] ?? 0;
    const use = pair.signedUse;
    for (let t = 0; t < H; t++) consequences[t] = (consequences[t] ?? 0) + w * (use[t] ?? 0);
  }
  return consequences;
}

/** C_t of a set of actors, as calculate's partsFor (costs by kind) and finishBlock (kinds summed in order). */
function costPart(scenario: Scenario, actors: readonly number[]): number[] {
  const H = calcYearCount(scenario.settings);
  const costs = costsByActorYear(scenario);
  let costsByKind: CostsByKind;
  if (actors.length === 1) costsByKind = costs[actors[0] ?? 0] ?? emptyCosts(H);
  else {
    costsByKind = emptyCosts(H);
    for (const a of actors) for (const kind of COST_KINDS) addInto(costsByKind[kind], costs[a]?.[kind] ?? []);
  }
  const costTotals = zeros(H);
  for (const kind of COST_KINDS) addInto(costTotals, costsByKind[kind]);
  return costTotals;
}

/** calculate's finishBlock: NR_t = V_t − C_t, then Σ from the left or the present value. */
function finish(
  consequences: readonly number[],
  costTotals: readonly number[],
  scenario: Scenario,
  measure: ResultSelector["measure"],
): number {
  const net = consequences.map((v, i) => v - (costTotals[i] ?? 0));
  return measure === "netTotal"
    ? net.reduce((a, b) => a + b, 0)
    : presentValue(net, scenario.settings.discountRate);
}

/**
 * The selected figure of `calculate(scenario)`, bit-for-bit, in kroner at the price level.
 * A level without actors gives 0 (as `selectFigure` does).
 * @example fastFigure(s, { measure: "netTotal", scope: { kind: "total" } }) === calculate(s).total.netTotal
 */
export function fastFigure(scenario: Scenario, selector: ResultSelector): number {
  const actors = actorsOf(scenario, selector.scope);
  if (actors.length === 0) return 0;
  return finish(consequencePart(scenario, actors), costPart(scenario, actors), scenario, selector.measure);
}

/** Which part of the model each parameter changes (som-method.md §7's table; §3 costs, §4 consequences). */
const CHANGES: Readonly<
  Record<SensitivityParameter, { readonly costs: boolean; readonly consequences: boolean }>
> = {
  successRate: { costs: false, consequences: true },
  consequences: { costs: false, consequences: true },
  prices: { costs: false, consequences: true },
  costs: { costs: true, consequences: false },
  participants: { costs: true, consequences: true }, // Pr. deltager costs and the cohorts
  horizon: { costs: true, consequences: true },
};

/**
 * An evaluator for one grid row: variants that differ only in `varying` (the x parameter). The part of the
 * model that `varying` does not change (the costs, or the consequences) is computed once, from the first
 * variant, and reused — the same numbers from the same inputs, so every figure still equals `fastFigure`
 * (and `calculate`) bit for bit.
 * @example const f = rowEvaluator(sel, "costs"); xs.map((k) => f(applyParameter(row, "costs", k)))
 */
export function rowEvaluator(
  selector: ResultSelector,
  varying: SensitivityParameter,
): (variant: Scenario) => number {
  const changes = CHANGES[varying];
  let costs: number[] | undefined;
  let consequences: number[] | undefined;
  return (variant) => {
    const actors = actorsOf(variant, selector.scope);
    if (actors.length === 0) return 0;
    const c = !changes.costs && costs !== undefined ? costs : costPart(variant, actors);
    const v =
      !changes.consequences && consequences !== undefined ? consequences : consequencePart(variant, actors);
    costs = c;
    consequences = v;
    return finish(v, c, variant, selector.measure);
  };
}
