/**
 * Consequences V_{a,t} (som-method.md §4), in kroner at price level P, positive = saved or earned:
 *
 *   V_{a,t} = Σ_e Σ_{c ≤ t} S_{c,e} × Σ_{k ∈ e} σ_k × Δq_k(t − c + 1) × p_{k,a},   S_{c,e} = N_c × r_e
 *
 * σ_k = −1 for Udgift, +1 for Indtægt [D]. Cohort c's consequence year j falls in calculation year
 * t = c + j − 1 (the effect falls in the year the citizen completes, §2). Nothing after H is counted [D];
 * what falls after H is returned separately (undiscounted) so the user sees what the horizon cuts off.
 *
 * The price p_{k,a} depends only on the line's service and the actor, so the change in use is first summed
 * per (effect, service) — u_{e,s}(t) = Σ_{k ∈ e, service s} σ_k Σ_c S_{c,e} Δq_k(t − c + 1) — and only then
 * multiplied by prices. Cost: O(L × H × J) for the convolutions plus O(pairs × H) per result block.
 */
import { priceLevelFactor } from "./price-level";
import type { Scenario } from "./types";

/** σ_k of som-method.md §4 [D]: less use of an expenditure saves money; more revenue earns it. */
export const sigma = (kind: "Udgift" | "Indtaegt"): -1 | 1 => (kind === "Udgift" ? -1 : 1);

/**
 * Successful citizens per cohort and effect: S_{c,e} = N_c × r_e (index [e][c − 1]).
 * @example successesByCohort(s)[0][0] // successes of effect 0 among year-1 completers
 */
export function successesByCohort(scenario: Scenario): number[][] {
  return scenario.effects.map((e) => scenario.participants.map((n) => n * e.successRate));
}

/** The signed change in use u_{e,s} of one (effect, service) pair (units of the service, not kroner). */
export interface PairUse {
  /** Index into `scenario.effects`. */
  readonly effect: number;
  /** Index into `scenario.prices`. */
  readonly service: number;
  /** σ × change in use per calculation year t = 1..H. */
  readonly signedUse: readonly number[];
  /** σ × change in use that falls after year H (undiscounted). */
  readonly signedUseBeyond: number;
}

/**
 * The signed change in use of every (effect, service) pair that has consequence lines, in the order the
 * pairs first occur in the consequence list.
 * @example signedUseByPair(s)[0].signedUse[2] // σ·u in year 3 of the first pair
 */
export function signedUseByPair(scenario: Scenario): PairUse[] {
  const H = scenario.settings.horizon;
  const N = scenario.participants;
  const nServices = scenario.prices.length;
  const index = new Map<number, number>();
  const pairs: { effect: number; service: number; signedUse: number[]; signedUseBeyond: number }[] = [];
  for (const line of scenario.consequences) {
    const key = line.effect * nServices + line.service;
    let at = index.get(key);
    if (at === undefined) {
      at = pairs.length;
      index.set(key, at);
      const signedUse: number[] = [];
      for (let t = 0; t < H; t++) signedUse.push(0);
      pairs.push({ effect: line.effect, service: line.service, signedUse, signedUseBeyond: 0 });
    }
    const pair = pairs[at] as (typeof pairs)[number];
    const rate = scenario.effects[line.effect]?.successRate ?? 0;
    const dq = line.deltaByYear;
    const J = dq.length;
    const sign = sigma(line.kind);
    const use = pair.signedUse;
    for (let c = 1; c <= H; c++) {
      const sc = (N[c - 1] ?? 0) * rate; // S_{c,e} = N_c × r_e
      if (sc === 0) continue;
      for (let j = 1; j <= J; j++) {
        const q = dq[j - 1] as number;
        if (q === 0) continue;
        const t = c + j - 1;
        if (t <= H) use[t - 1] = (use[t - 1] as number) + sign * sc * q;
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
