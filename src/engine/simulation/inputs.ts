/**
 * What a simulation varies (som-method.md §10): the uncertain inputs of `SOM_Usikkerhed`, their distributions,
 * the number of iterations and the seed — and how one iteration's draws change the scenario.
 */
import type { Scenario } from "../types";
import type { Distribution } from "./distributions";

/** The parameters a simulation may vary (som-method.md §10's table). */
export type SimulationParameter = "successRate" | "consequences" | "costs" | "prices" | "participants";

export const SIMULATION_PARAMETERS: readonly SimulationParameter[] = [
  "successRate",
  "consequences",
  "costs",
  "prices",
  "participants",
];

/** One row of `SOM_Usikkerhed`: a parameter (a success rate of one effect or all), and its distribution. */
export interface UncertainInput {
  readonly parameter: SimulationParameter;
  /** For `successRate` only: the index of the one effect it sets; undefined = every effect. */
  readonly effect?: number;
  readonly distribution: Distribution;
}

export interface SimulationSettings {
  readonly inputs: readonly UncertainInput[];
  /** Iterations, 1–100.000. */
  readonly iterations: number;
  /** Seed, 0 … 2³² − 1. */
  readonly seed: number;
}

export const DEFAULT_ITERATIONS = 10_000;
export const MAX_ITERATIONS = 100_000;
export const DEFAULT_SEED = 1;

/**
 * The scenario of one iteration: the base with each input set to its draw (som-method.md §10):
 * `successRate` x → r_e := x (every effect, or the one named); `consequences` x → Δq × (1 + x);
 * `costs` x → every amount × (1 + x); `prices` x → every price × (1 + x); `participants` x → N × (1 + x).
 * For one input this is `applyParameter(base, parameter, x)` of the sensitivity analyses.
 */
export function applyDraws(
  base: Scenario,
  inputs: readonly UncertainInput[],
  draws: ArrayLike<number>,
): Scenario {
  let effects = base.effects;
  let consequences = base.consequences;
  let costs = base.costs;
  let prices = base.prices;
  let participants = base.participants;
  for (let k = 0; k < inputs.length; k++) {
    const input = inputs[k] as UncertainInput;
    const x = draws[k] as number;
    const factor = 1 + x;
    switch (input.parameter) {
      case "successRate":
        effects = effects.map((e, i) =>
          input.effect === undefined || input.effect === i ? { ...e, successRate: x } : e,
        );
        break;
      case "consequences":
        consequences = consequences.map((c) => ({ ...c, deltaByYear: c.deltaByYear.map((q) => q * factor) }));
        break;
      case "costs":
        costs = costs.map((c) => ({ ...c, amountKr: c.amountKr * factor }));
        break;
      case "prices":
        prices = prices.map((p) => ({ ...p, priceKrByActor: p.priceKrByActor.map((v) => v * factor) }));
        break;
      case "participants":
        participants = participants.map((n) => n * factor);
        break;
    }
  }
  return { ...base, effects, consequences, costs, prices, participants };
}
