/**
 * The time model of som-method.md §2 (v2), in one place.
 *
 * Starters of calculation year s (1..D) receive the intervention in years s..s + v − 1 and complete in
 * c = s + v − 1 ("cohort c"). Consequence year j = 1, 2, … of cohort c falls in year t = c + j − 1.
 *
 * - `perCohort` (SØM's practice [S]): every cohort's consequence years j = 1..F count; the calculation runs
 *   through the last cohort's last counted year, T = D + v + F − 2.
 * - `calendar` [D]: T = F; nothing after year T counts. Validation requires D + v − 1 ≤ F (a sensitivity
 *   variant with a shorter horizon may break that; then whatever falls after T is simply not counted).
 */
import type { Settings } from "./types";

/** The settings the time model depends on. */
export type TimeSettings = Pick<Settings, "horizon" | "horizonMethod" | "duration" | "operatingPeriod">;

/**
 * T, the number of calculation years: D + v + F − 2 per cohort, F for calendar years.
 * @example calcYearCount({ horizon: 10, horizonMethod: "perCohort", duration: 1, operatingPeriod: 3 }) // 12
 */
export function calcYearCount(s: TimeSettings): number {
  return s.horizonMethod === "perCohort" ? s.operatingPeriod + s.duration + s.horizon - 2 : s.horizon;
}

/**
 * The number of consequence years counted for the cohort completing in calculation year c:
 * F per cohort; min(F, max(0, T − c + 1)) for calendar years (T = F).
 * @example countedYears({ horizon: 10, horizonMethod: "calendar", duration: 1, operatingPeriod: 3 }, 3) // 8
 */
export function countedYears(s: TimeSettings, completionCalcYear: number): number {
  if (s.horizonMethod === "perCohort") return s.horizon;
  return Math.min(s.horizon, Math.max(0, calcYearCount(s) - completionCalcYear + 1));
}

/**
 * R_t = Σ_{s = t−v+1..t} N_s: citizens receiving the intervention in calculation year t (som-method.md §3).
 * `starters[s − 1]` = N_s; missing entries are 0. Summed from the earliest start year up.
 * @example receiving([10, 20], 2, 2) // 30
 */
export function receiving(starters: readonly number[], duration: number, t: number): number {
  let r = 0;
  for (let s = Math.max(1, t - duration + 1); s <= t; s++) r += starters[s - 1] ?? 0;
  return r;
}
