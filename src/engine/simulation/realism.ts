/**
 * The realism adjustment (optimism bias) of som-method.md §10 [D]: an adjusted scenario computed by the same
 * engine and shown next to the base result, never replacing it.
 *
 * - Success rates: r_e × (1 − reduction of the effect's evidence level) — the user's own reductions per
 *   level (`SOM_Realisme`); an effect without an evidence level is not reduced.
 * - Costs: every cost line's amount × (1 + uplift) (`SOM_Omkostningstillaeg`), saved costs included, as the
 *   `Omkostninger` parameter of the sensitivity analyses does.
 * - Delay d (`SOM_Forsinkelse`): every cohort's consequences shift d years later — Δq(j) lands in consequence
 *   year j + d, i.e. calculation year c + j − 1 + d. The horizon does not change, so a shifted value counts
 *   only while it stays within it (j + d ≤ F per cohort, its year ≤ T for calendar years); the rest is reported
 *   as beyond the horizon, as any other value is. "During" lines (`Under indsats`) are not shifted.
 */
import type { Scenario } from "../types";

export interface RealismSettings {
  /** The reduction of each effect's success rate (share 0–1), in the order of `Scenario.effects`. */
  readonly successRateReduction: readonly number[];
  /** Each effect's evidence level (1 = strongest), or null when not given (shown on the sheet). */
  readonly evidenceLevels: readonly (1 | 2 | 3 | null)[];
  /** The user's reduction per evidence level (`SOM_Realisme`). */
  readonly reductionByLevel: ReadonlyMap<number, number>;
  /** Cost uplift as a share (0.2 = +20 %). */
  readonly costUplift: number;
  /** Effect delay in whole years, 0–10. */
  readonly delayYears: number;
}

/**
 * The adjusted scenario: reduced success rates, uplifted costs, delayed consequences.
 * @example applyRealism(s, { successRateReduction: [0.25], evidenceLevels: [2], reductionByLevel: new Map([[2, 0.25]]), costUplift: 0.1, delayYears: 1 })
 */
export function applyRealism(base: Scenario, realism: RealismSettings): Scenario {
  const uplift = 1 + realism.costUplift;
  const shift: number[] = new Array<number>(realism.delayYears).fill(0);
  return {
    ...base,
    effects: base.effects.map((e, i) => {
      const keep = 1 - (realism.successRateReduction[i] ?? 0);
      const reduced = { ...e, successRate: e.successRate * keep };
      return e.cohortRates === undefined
        ? reduced
        : { ...reduced, cohortRates: e.cohortRates.map((r) => r * keep) };
    }),
    costs: base.costs.map((c) => ({ ...c, amountKr: c.amountKr * uplift })),
    consequences: base.consequences.map((c) =>
      realism.delayYears === 0 || c.phase === "during"
        ? c
        : { ...c, deltaByYear: [...shift, ...c.deltaByYear] },
    ),
  };
}
