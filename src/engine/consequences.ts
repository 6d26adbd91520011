/**
 * Consequences V_{a,t} (som-method.md §4), in kroner at price level P, positive = saved or earned.
 * Successes among the starters of year s for effect e: S_{s,e} = N_s × r_e; they complete in c = s + v − 1.
 * In the follow-up's updated scenario (§11) r_e may differ per start-year cohort s (`Effect.cohortRates`).
 *
 *   Efter indsats (after, default):  V_{a,t} += Σ_e Σ_s S_{s,e} × Σ_{k ∈ e, after}  σ_k × Δq_k(t − c + 1) × p_{k,a}
 *   Under indsats (during) [D]:      V_{a,t} += Σ_e Σ_s S_{s,e} × Σ_{k ∈ e, during} σ_k × Δq_k(t − s + 1) × p_{k,a}
 *
 * σ_k = −1 for Udgift, +1 for Indtægt [D]. Cohort c's consequence year j falls in calculation year
 * t = c + j − 1 (the effect falls in the year the citizen completes, §2). Which consequence years count is
 * the horizon method's rule (`time.ts`): j ≤ F per cohort, t ≤ T for calendar years. What is not counted is
 * returned separately (undiscounted) so the user sees what the horizon cuts off [D]. A "during" value falls
 * in t = s + k − 1 ≤ D + v − 2 < T and is always counted (except in a sensitivity variant whose calendar
 * horizon ends before it; then it counts as beyond the horizon).
 *
 * The price p_{k,a} depends only on the line's service and the actor, so the change in use is first summed
 * per (effect, service) — u_{e,s}(t) = Σ_{k ∈ e, service s} σ_k Σ_s S_{s,e} Δq_k(…) — and only then
 * multiplied by prices. Cost: O(L × D × J) for the convolutions plus O(pairs × T) per result block.
 */
import { priceLevelFactor } from "./price-level";
import { calcYearCount } from "./time";
import type { Scenario } from "./types";

/** σ_k of som-method.md §4 [D]: less use of an expenditure saves money; more revenue earns it. */
export const sigma = (kind: "Udgift" | "Indtaegt"): -1 | 1 => (kind === "Udgift" ? -1 : 1);

/**
 * Successful citizens per start-year cohort and effect: S_{s,e} = N_s × r_e (index [e][s − 1], s = 1..D).
 * @example successesByCohort(s)[0][0] // successes of effect 0 among the year-1 starters
 */
export function successesByCohort(scenario: Scenario): number[][] {
  return scenario.effects.map((e) =>
    scenario.participants.map((n, i) => n * (e.cohortRates?.[i] ?? e.successRate)),
  );
}

/** The signed change in use u_{e,s} of one (effect, service) pair (units of the service, not kroner). */
export interface PairUse {
  /** Index into `scenario.effects`. */
  readonly effect: number;
  /** Index into `scenario.prices`. */
  readonly service: number;
  /** σ × change in use per calculation year t = 1..T. */
  readonly signedUse: readonly number[];
  /** σ × change in use that is not counted by the horizon (undiscounted). */
  readonly signedUseBeyond: number;
}

/**
 * The signed change in use of every (effect, service) pair that has consequence lines, in the order the
 * pairs first occur in the consequence list. With `include`, pairs whose service it rejects are left out
 * (not computed) — the sensitivity fast path uses that to skip services a figure does not price; the pairs
 * kept are computed by exactly the same operations.
 * @example signedUseByPair(s)[0].signedUse[2] // σ·u in year 3 of the first pair
 */
export function signedUseByPair(scenario: Scenario, include?: (service: number) => boolean): PairUse[] {
  const settings = scenario.settings;
  const T = calcYearCount(settings);
  const F = settings.horizon;
  const v = settings.duration;
  const perCohort = settings.horizonMethod === "perCohort";
  const N = scenario.participants;
  const D = N.length;
  const nServices = scenario.prices.length;
  const index = new Map<number, number>();
  const pairs: { effect: number; service: number; signedUse: number[]; signedUseBeyond: number }[] = [];
  const skipped = new Set<number>();
  for (const line of scenario.consequences) {
    const key = line.effect * nServices + line.service;
    if (skipped.has(key)) continue;
    let at = index.get(key);
    if (at === undefined) {
      if (include !== undefined && !include(line.service)) {
        skipped.add(key);
        continue;
      }
      at = pairs.length;
      index.set(key, at);
      const signedUse: number[] = [];
      for (let t = 0; t < T; t++) signedUse.push(0);
      pairs.push({ effect: line.effect, service: line.service, signedUse, signedUseBeyond: 0 });
    }
    const pair = pairs[at] as (typeof pairs)[number];
    const rate = scenario.effects[line.effect]?.successRate ?? 0;
    // Success rates per start-year cohort (follow-up, som-method.md §11); absent in every validated scenario.
    const cohortRates = scenario.effects[line.effect]?.cohortRates;
    const dq = line.deltaByYear;
    const J = dq.length;
    const sign = sigma(line.kind);
    const use = pair.signedUse;
    const during = line.phase === "during";
    for (let s = 1; s <= D; s++) {
      const sc = (N[s - 1] ?? 0) * (cohortRates?.[s - 1] ?? rate); // S_{s,e} = N_s × r_e (r_{e,s} in follow-up)
      if (sc === 0) continue;
      // after: year j falls in t = c + j − 1 with c = s + v − 1; during: year k falls in t = s + k − 1.
      const first = during ? s : s + v - 1;
      for (let j = 1; j <= J; j++) {
        const q = dq[j - 1] as number;
        if (q === 0) continue;
        const t = first + j - 1;
        if (t <= T && (during || !perCohort || j <= F)) use[t - 1] = (use[t - 1] as number) + sign * sc * q;
        else pair.signedUseBeyond += sign * sc * q;
      }
    }
  }
  return pairs;
}

/** p_{s,a} at price level P: `[service][actor]`, kroner per unit. */
export function pricesAtLevel(scenario: Scenario): number[][] {
  return scenario.prices.map((row) => {
    const factor = priceLevelFactor(scenario, row.priceYear);
    return row.priceKrByActor.map((p) => p * factor);
  });
}
