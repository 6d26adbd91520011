/**
 * Sensitivity parameters (som-method.md §7): what each one does to a validated scenario.
 *
 * Every variant is an exact recomputation of the model on transformed inputs — nothing here
 * extrapolates. The transformations are pure: they return a new `Scenario` and never touch the base.
 */
import { calcYearCount } from "../time";
import type { Scenario } from "../types";

/** The parameters of som-method.md §7's table, as engine keys. */
export type SensitivityParameter =
  "successRate" | "consequences" | "costs" | "prices" | "participants" | "horizon";

export const SENSITIVITY_PARAMETERS: readonly SensitivityParameter[] = [
  "successRate",
  "consequences",
  "costs",
  "prices",
  "participants",
  "horizon",
];

/** Thrown when a caller passes a value the parameter cannot take (a programmer error: inputs are validated at the edge). */
export class SensitivityValueError extends Error {
  override readonly name = "SensitivityValueError";
}

/** Lowest accepted relative change: −100 % (everything zero). Below that signs would flip, which no table in §7 means. */
const MIN_CHANGE = -1;

/**
 * Checks that `value` is a legal value of `parameter` and returns a problem code, or null when it is fine.
 * - `successRate`: a share 0–1 (absolute rate).
 * - `consequences`, `costs`, `prices`, `participants`: a relative change ≥ −1 (−0.2 = −20 %).
 * - `horizon`: a whole number of years 1–30.
 */
export function checkParameterValue(
  parameter: SensitivityParameter,
  value: number,
): "not-finite" | "rate-out-of-range" | "change-below-minus-100" | "horizon-out-of-range" | null {
  if (!Number.isFinite(value)) return "not-finite";
  switch (parameter) {
    case "successRate":
      return value < 0 || value > 1 ? "rate-out-of-range" : null;
    case "horizon":
      return !Number.isInteger(value) || value < 1 || value > 30 ? "horizon-out-of-range" : null;
    default:
      return value < MIN_CHANGE ? "change-below-minus-100" : null;
  }
}

/**
 * The scenario with one parameter set to `value` (som-method.md §7, [D]):
 * - `successRate` r: every r_e := r.
 * - `consequences` c: every Δq := Δq × (1 + c).
 * - `costs` c: every cost line's amount (saved costs included) := A × (1 + c).
 * - `prices` c: every price := p × (1 + c).
 * - `participants` c: every N_s := N_s × (1 + c).
 * - `horizon` F': F := F' and T follows (som-method.md §2: T = D + v + F' − 2 per cohort, T = F' for
 *   calendar years). Cost years after the new T are cut off (a line that starts after T is dropped);
 *   consequences that are no longer counted are reported as beyond the horizon as usual. With calendar years
 *   a short F' may end before some cohorts complete (D + v − 1 > F'): their consequences and costs after T
 *   are ignored, not reported as errors. Participants and the operating period are unchanged.
 *
 * @example applyParameter(base, "costs", -0.25) // every cost amount 25 % lower
 * @throws SensitivityValueError when the value is not legal for the parameter.
 */
export function applyParameter(base: Scenario, parameter: SensitivityParameter, value: number): Scenario {
  const problem = checkParameterValue(parameter, value);
  if (problem !== null) throw new SensitivityValueError(`${parameter} = ${value}: ${problem}`);
  const factor = 1 + value;
  switch (parameter) {
    case "successRate":
      // The value replaces every rate, also any per-cohort rate (follow-up, som-method.md §11).
      return {
        ...base,
        effects: base.effects.map(({ cohortRates: _perCohort, ...e }) => ({ ...e, successRate: value })),
      };
    case "consequences":
      return {
        ...base,
        consequences: base.consequences.map((c) => ({
          ...c,
          deltaByYear: c.deltaByYear.map((q) => q * factor),
        })),
      };
    case "costs":
      return { ...base, costs: base.costs.map((c) => ({ ...c, amountKr: c.amountKr * factor })) };
    case "prices":
      return {
        ...base,
        prices: base.prices.map((p) => ({ ...p, priceKrByActor: p.priceKrByActor.map((x) => x * factor) })),
      };
    case "participants":
      return { ...base, participants: base.participants.map((n) => n * factor) };
    case "horizon": {
      const settings = { ...base.settings, horizon: value };
      const T = calcYearCount(settings);
      // Cost years outside the new T are ignored (not errors): lines starting after T are dropped, the rest
      // end at T at the latest. Done here so every variant is a valid scenario for `calculate`.
      const costs = base.costs
        .filter((c) => c.fromYear <= T)
        .map((c) => (c.toYear <= T ? c : { ...c, toYear: T }));
      return { ...base, settings, costs };
    }
  }
}

/**
 * The base value of a parameter in a scenario, for marking the base case in tables and grids:
 * 0 for relative changes, F for the horizon, and for the success rate the common rate of all effects
 * (or null when effects have different rates, so no single base point exists on that axis).
 */
export function baseValueOf(base: Scenario, parameter: SensitivityParameter): number | null {
  switch (parameter) {
    case "successRate": {
      const first = base.effects[0]?.successRate;
      if (first === undefined) return null;
      return base.effects.every((e) => e.successRate === first) ? first : null;
    }
    case "horizon":
      return base.settings.horizon;
    default:
      return 0;
  }
}
