/**
 * "Why did it move" (hvorfor flyttede det sig): the difference in Σ NR and PV between two scenarios,
 * split into the contributions of nine factors (som-method.md §9, [D]).
 *
 * Method — Shapley value: a factor's contribution is the average, over all 9! = 362 880 orders in which the
 * factors can be switched from scenario A to scenario B, of the change it causes when it is switched.
 * It is computed exactly over the 2^9 = 512 mixed scenarios (`mixScenarios`) with the Shapley weights
 * |S|! (9 − |S| − 1)! / 9!, each mix recomputed by `calculate` (no linearisation). The result does not depend
 * on any order, a factor that is equal in A and B gets exactly 0, and the contributions sum to
 * B − A by construction; `decompose` asserts |Σ contributions − (B − A)| ≤ 1e-9 × scale, where scale is the
 * largest absolute value of the figure over all mixes (at least 1 kr.).
 *
 * Interactions (e.g. more participants × a higher per-participant cost) are split equally between the
 * factors involved, which is what the Shapley average does.
 */
import { calculate } from "../calculate";
import type { Actor, Level, ResultBlock, Results, Scenario } from "../types";
import { LEVELS } from "../types";
import { textKey } from "../text-key";
import {
  DECOMPOSITION_FACTORS,
  mixFrame,
  mixProblem,
  mixScenarios,
  type DecompositionFactor,
} from "./mix-scenarios";
import { shapley } from "./shapley";

/** Thrown when the decomposition fails its own exactness check (a programmer error, never user input). */
export class DecompositionError extends Error {
  override readonly name = "DecompositionError";
}

/** Relative tolerance of the exactness checks. */
export const DECOMPOSITION_TOLERANCE = 1e-9;

/** One figure's decomposition, in kroner at the price level. */
export interface FigureDecomposition {
  /** The figure in scenario A (as recomputed in the common frame). */
  readonly from: number;
  /** The figure in scenario B. */
  readonly to: number;
  /** to − from. */
  readonly difference: number;
  /** One contribution per factor; they sum to `difference`. */
  readonly contributions: Readonly<Record<DecompositionFactor, number>>;
}

export type DecompositionScope =
  | { readonly kind: "total" }
  | { readonly kind: "level"; readonly level: Level }
  | { readonly kind: "actor"; readonly name: string };

/** Σ NR and PV decomposed for one scope (total, a level or an actor). */
export interface ScopeDecomposition {
  readonly scope: DecompositionScope;
  readonly netTotal: FigureDecomposition;
  readonly presentValue: FigureDecomposition;
}

export interface Decomposition {
  readonly factors: readonly DecompositionFactor[];
  readonly total: ScopeDecomposition;
  /** Levels that have at least one actor in the union frame, in the order of LEVELS. */
  readonly byLevel: readonly ScopeDecomposition[];
  /** The union of both actor lists (A's order first), restricted to the actors the perspective reports. */
  readonly byActor: readonly ScopeDecomposition[];
  /** Largest |Σ contributions − difference| / scale seen over all figures (≤ DECOMPOSITION_TOLERANCE). */
  readonly worstRelativeError: number;
}

export type DecompositionOutcome =
  | { readonly ok: true; readonly value: Decomposition }
  | { readonly ok: false; readonly reason: "different-price-level" | "different-perspective" };

/** Figures extracted from one result, in a fixed layout: total, then levels, then actors; (netTotal, PV) each. */
function figureVector(r: Results, levels: readonly Level[], actors: readonly Actor[]): number[] {
  const out = [r.total.netTotal, r.total.presentValue];
  for (const level of levels) {
    const block = r.byLevel.get(level);
    out.push(block?.netTotal ?? 0, block?.presentValue ?? 0);
  }
  for (const actor of actors) {
    const block = blockOf(r, actor.name);
    out.push(block?.netTotal ?? 0, block?.presentValue ?? 0);
  }
  return out;
}

const key = textKey;

/** The reported block of the actor with this name (matched as validation does), if any. */
function blockOf(r: Results, name: string): ResultBlock | undefined {
  const i = r.actors.findIndex((x) => key(x.name) === key(name));
  return i < 0 ? undefined : r.byActor[i];
}

/** Σ_t |C_t| + Σ_k Σ_t |V_{k,t}|: the size of the terms a block's net result is summed from (kr.). */
function grossSize(b: ResultBlock): number {
  let g = 0;
  for (const c of b.costs) g += Math.abs(c);
  for (const series of b.consequencesByService.values()) for (const v of series) g += Math.abs(v);
  return g;
}

/**
 * Decomposes calc(B) − calc(A) into the nine factors' Shapley contributions.
 *
 * @example
 *   const d = decompose(cautious, expected);
 *   if (d.ok) d.value.total.netTotal.contributions.successRates // kr. of the Σ NR difference due to success rates
 * @throws DecompositionError if a sum check fails (would mean a bug in the mixing rules).
 */
export function decompose(a: Scenario, b: Scenario): DecompositionOutcome {
  const problem = mixProblem(a, b);
  if (problem !== null) return { ok: false, reason: problem };
  const frame = mixFrame(a, b);
  // The actors the (common) perspective reports (som-method.md §6); the others add nothing to any figure.
  const shown = frame.actors.filter((x) => a.settings.perspective === "public" || x.level === "Kommune");
  const levels = LEVELS.filter((l) => shown.some((x) => x.level === l));
  const n = DECOMPOSITION_FACTORS.length;
  const game = shapley(n, (mask) => {
    const fromB = new Set(DECOMPOSITION_FACTORS.filter((_, i) => (mask & (1 << i)) !== 0));
    return figureVector(calculate(mixScenarios(a, b, fromB, frame)), levels, shown);
  });
  const vA = game.values[0] ?? [];
  const vB = game.values[(1 << n) - 1] ?? [];
  const width = vA.length;

  // Scale per component: the largest absolute value over all mixes (≥ 1 kr.).
  const scale = new Array<number>(width).fill(1);
  for (const v of game.values)
    for (let k = 0; k < width; k++) scale[k] = Math.max(scale[k] ?? 1, Math.abs(v[k] ?? 0));

  // Check 1: the all-A and all-B mixes reproduce A and B (totals and per actor; levels may move with a relabelled actor).
  // The mix may add the same terms in another order (actors, services), so the tolerance is relative to the
  // gross size of the terms (Σ|costs| + Σ|consequences by service|), not only to the net figure.
  const rA = calculate(a);
  const rB = calculate(b);
  const gross = Math.max(1, ...[rA, rB].flatMap((r) => [r.total, ...r.byActor].map(grossSize)));
  const check = (label: string, got: number, want: number, k: number): void => {
    if (Math.abs(got - want) > DECOMPOSITION_TOLERANCE * Math.max(scale[k] ?? 1, gross)) {
      throw new DecompositionError(`${label}: mix gives ${got}, scenario gives ${want}`);
    }
  };
  check("A total", vA[0] ?? 0, rA.total.netTotal, 0);
  check("B total", vB[0] ?? 0, rB.total.netTotal, 0);
  check("A total PV", vA[1] ?? 0, rA.total.presentValue, 1);
  check("B total PV", vB[1] ?? 0, rB.total.presentValue, 1);
  const actorBase = 2 + 2 * levels.length;
  shown.forEach((actor, j) => {
    for (const [label, r, v] of [
      ["A", rA, vA],
      ["B", rB, vB],
    ] as const) {
      const want = blockOf(r, actor.name)?.netTotal ?? 0;
      check(`${label} actor ${actor.name}`, v[actorBase + 2 * j] ?? 0, want, actorBase + 2 * j);
    }
  });

  // Check 2: efficiency — the contributions sum to the difference.
  let worst = 0;
  for (let k = 0; k < width; k++) {
    let sum = 0;
    for (const phi of game.shares) sum += phi[k] ?? 0;
    const diff = (vB[k] ?? 0) - (vA[k] ?? 0);
    const rel = Math.abs(sum - diff) / (scale[k] ?? 1);
    worst = Math.max(worst, rel);
    if (rel > DECOMPOSITION_TOLERANCE)
      throw new DecompositionError(`Contributions sum to ${sum}, difference is ${diff}`);
  }

  const figure = (k: number): FigureDecomposition => {
    const contributions = Object.fromEntries(
      DECOMPOSITION_FACTORS.map((f, i) => [f, game.shares[i]?.[k] ?? 0]),
    ) as Record<DecompositionFactor, number>;
    const from = vA[k] ?? 0;
    const to = vB[k] ?? 0;
    return { from, to, difference: to - from, contributions };
  };
  const scope = (s: DecompositionScope, k: number): ScopeDecomposition => ({
    scope: s,
    netTotal: figure(k),
    presentValue: figure(k + 1),
  });
  return {
    ok: true,
    value: {
      factors: DECOMPOSITION_FACTORS,
      total: scope({ kind: "total" }, 0),
      byLevel: levels.map((level, i) => scope({ kind: "level", level }, 2 + 2 * i)),
      byActor: shown.map((actor, j) => scope({ kind: "actor", name: actor.name }, actorBase + 2 * j)),
      worstRelativeError: worst,
    },
  };
}
