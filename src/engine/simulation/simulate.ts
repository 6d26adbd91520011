/**
 * Monte Carlo simulation (som-method.md §10) [D]: the uncertain inputs of `SOM_Usikkerhed` are drawn from
 * their distributions, independently, iteration by iteration, and every iteration is an exact recomputation
 * of the model (`blockEvaluator`, equal bit for bit to `calculate` on the drawn scenario).
 *
 * Draw order: iteration 1 draws input 1, input 2, … in the order of the settings, then iteration 2, …; each
 * draw takes the next number of one xoshiro128** stream seeded with the settings' seed (`random.ts`), so the
 * same seed and settings give bit-identical results everywhere.
 *
 * Summaries per actor, per level and in total: mean and nearest-rank P5/P50/P95 of Σ NR and of PV, the share
 * of iterations with Σ NR > 0, the share with each break-even year (and none within the horizon), and per year
 * P5/P50/P95 of the cumulative net result (the fan chart). Per-iteration figures live in typed arrays.
 *
 * The run can be split into steps (`step`), so a caller can report progress and stop between them.
 */
import { blockEvaluator, blockPlan, type BlockFigures, type BlockPlan } from "./fast-blocks";
import { calcYearCount } from "../time";
import type { Actor, CalendarYear, Level, Scenario } from "../types";
import type { SimulationSettings, UncertainInput } from "./inputs";

export * from "./inputs";
import { drawFrom } from "./distributions";
import { percentiles5_50_95 } from "./percentiles";
import { Xoshiro128 } from "./random";

/** Mean and nearest-rank percentiles of one figure over the iterations. */
export interface Stats {
  readonly mean: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

export interface SimulationSummary {
  readonly netTotal: Stats;
  readonly presentValue: Stats;
  /** Share of iterations with Σ NR > 0. */
  readonly probabilityPositive: number;
  /** Share of iterations per break-even year (years that occur, ascending), then `null` = not within the horizon (always listed). */
  readonly breakEvenYears: readonly { readonly year: CalendarYear | null; readonly share: number }[];
  /** Per year t = 1..T: P5/P50/P95 of the cumulative net result CNR_t. */
  readonly cumulative: {
    readonly p5: readonly number[];
    readonly p50: readonly number[];
    readonly p95: readonly number[];
  };
}

export interface SimulationResult {
  readonly seed: number;
  readonly iterations: number;
  readonly inputs: readonly UncertainInput[];
  readonly years: readonly CalendarYear[];
  readonly actors: readonly Actor[];
  readonly byActor: readonly SimulationSummary[];
  /** Levels with at least one actor, in the order of LEVELS. */
  readonly byLevel: ReadonlyMap<Level, SimulationSummary>;
  readonly total: SimulationSummary;
  /**
   * Every iteration's draw, one array per input (in the order of `inputs`); empty when the simulation was run
   * with `keepDraws: false` (nothing needs them but the `Simuleringer` sheet).
   */
  readonly draws: readonly Float64Array[];
  /** Every iteration's Σ NR, one array per actor. */
  readonly netByActor: readonly Float64Array[];
}

/** Thrown when a simulation is asked for a result before it has run every iteration (a programmer error). */
export class SimulationNotFinishedError extends Error {
  override readonly name = "SimulationNotFinishedError";
}

/**
 * Per-iteration figures of one block. `cumulative` is year-major: CNR of year t in iteration i at t·n + i.
 * `netTotal` is a view of the last year's CNR (Σ NR = CNR_T: the evaluator sums both in the same variable, so
 * they are the same number), which saves n doubles per block.
 */
interface BlockStore {
  readonly netTotal: Float64Array;
  readonly presentValue: Float64Array;
  /** Break-even calendar year; 0 = not within the horizon. */
  readonly breakEven: Int16Array;
  readonly cumulative: Float64Array;
}

/**
 * Mean as x₁ + Σ (x_i − x₁) / n (the same number in arithmetic; in floating point it is exact when every
 * iteration gives the same value, so a degenerate simulation reproduces the base case exactly), and the
 * nearest-rank P5/P50/P95.
 */
function statsOf(values: Float64Array, scratch: Float64Array): Stats {
  const n = values.length;
  const x1 = values[0] as number;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (values[i] as number) - x1;
  const [p5, p50, p95] = percentiles5_50_95(values, scratch);
  return { mean: x1 + sum / n, p5, p50, p95 };
}

function summaryOf(store: BlockStore, T: number, n: number, scratch: Float64Array): SimulationSummary {
  let positive = 0;
  for (let i = 0; i < n; i++) if ((store.netTotal[i] as number) > 0) positive++;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const y = store.breakEven[i] as number;
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const years = [...counts.keys()].filter((y) => y !== 0).sort((a, b) => a - b);
  const breakEvenYears = [
    ...years.map((year) => ({ year, share: (counts.get(year) as number) / n })),
    { year: null, share: (counts.get(0) ?? 0) / n },
  ];
  const p5: number[] = [];
  const p50: number[] = [];
  const p95: number[] = [];
  for (let t = 0; t < T; t++) {
    const [a, b, c] = percentiles5_50_95(store.cumulative.subarray(t * n, (t + 1) * n), scratch);
    p5.push(a);
    p50.push(b);
    p95.push(c);
  }
  return {
    netTotal: statsOf(store.netTotal, scratch),
    presentValue: statsOf(store.presentValue, scratch),
    probabilityPositive: positive / n,
    breakEvenYears,
    cumulative: { p5, p50, p95 },
  };
}

/** How a simulation keeps its per-iteration data. */
export interface SimulationOptions {
  /** Keep every iteration's draws (`SimulationResult.draws`); default true. False saves 8 bytes per input and iteration. */
  readonly keepDraws?: boolean;
}

/**
 * A simulation in progress. `step(k)` runs up to k more iterations; `result()` summarises once all have run.
 * @example const sim = new Simulation(s, settings); while (!sim.finished) sim.step(1000); sim.result().total.probabilityPositive
 */
export class Simulation {
  readonly iterations: number;
  private done = 0;
  private readonly rng: Xoshiro128;
  private readonly plan: BlockPlan;
  private readonly evaluate: ReturnType<typeof blockEvaluator>;
  private readonly draws: Float64Array[];
  private readonly stores: BlockStore[];
  private readonly T: number;
  private readonly row: Float64Array;

  private readonly keepDraws: boolean;

  constructor(
    private readonly scenario: Scenario,
    private readonly settings: SimulationSettings,
    options: SimulationOptions = {},
  ) {
    this.keepDraws = options.keepDraws ?? true;
    const n = settings.iterations;
    this.iterations = n;
    this.rng = new Xoshiro128(settings.seed);
    this.plan = blockPlan(scenario);
    this.evaluate = blockEvaluator(this.plan, scenario, settings.inputs);
    this.T = calcYearCount(scenario.settings);
    this.draws = this.keepDraws ? settings.inputs.map(() => new Float64Array(n)) : [];
    const T = this.T;
    this.stores = this.plan.blocks.map(() => {
      const cumulative = new Float64Array(n * T);
      return {
        netTotal: T > 0 ? cumulative.subarray((T - 1) * n, T * n) : new Float64Array(n),
        presentValue: new Float64Array(n),
        breakEven: new Int16Array(n),
        cumulative,
      };
    });
    this.row = new Float64Array(settings.inputs.length);
  }

  /** Iterations run so far. */
  get completed(): number {
    return this.done;
  }

  get finished(): boolean {
    return this.done >= this.iterations;
  }

  /** Runs up to `count` more iterations; returns the number run so far. */
  step(count: number): number {
    const n = this.iterations;
    const end = Math.min(n, this.done + count);
    const inputs = this.settings.inputs;
    const T = this.T;
    const row = this.row;
    const draws = this.draws;
    const keep = this.keepDraws;
    const stores = this.stores;
    const rng = this.rng;
    for (let i = this.done; i < end; i++) {
      for (let k = 0; k < inputs.length; k++) {
        const x = drawFrom((inputs[k] as UncertainInput).distribution, rng.nextUnit());
        row[k] = x;
        if (keep) (draws[k] as Float64Array)[i] = x;
      }
      const figures = this.evaluate(row);
      for (let b = 0; b < figures.length; b++) {
        const f = figures[b] as BlockFigures;
        const store = stores[b] as BlockStore;
        if (T === 0) store.netTotal[i] = f.netTotal; // else the last year's CNR below is Σ NR
        store.presentValue[i] = f.presentValue;
        store.breakEven[i] = f.breakEvenYear ?? 0;
        const cum = f.cumulative;
        const into = store.cumulative;
        for (let t = 0, at = i; t < T; t++, at += n) into[at] = cum[t] as number;
      }
    }
    this.done = end;
    return end;
  }

  /** The summaries and per-iteration arrays. @throws SimulationNotFinishedError before every iteration has run. */
  result(): SimulationResult {
    if (!this.finished)
      throw new SimulationNotFinishedError(`${this.done} of ${this.iterations} iterations run`);
    const n = this.iterations;
    const scratch = new Float64Array(n);
    const summaries = this.stores.map((s) => summaryOf(s, this.T, n, scratch));
    const plan = this.plan;
    const byLevel = new Map<Level, SimulationSummary>();
    for (const [level, b] of plan.levelBlock) byLevel.set(level, summaries[b] as SimulationSummary);
    const start = this.scenario.settings.startYear;
    return {
      seed: this.settings.seed,
      iterations: n,
      inputs: this.settings.inputs,
      years: Array.from({ length: this.T }, (_, t) => start + t),
      actors: plan.reported.map((a) => this.scenario.actors[a] as Actor),
      byActor: plan.actorBlock.map((b) => summaries[b] as SimulationSummary),
      byLevel,
      total: summaries[plan.totalBlock] as SimulationSummary,
      draws: this.draws,
      netByActor: plan.actorBlock.map((b) => this.stores[b]!.netTotal),
    };
  }
}

/**
 * Runs a whole simulation at once.
 * @example simulate(s, { inputs: [{ parameter: "successRate", distribution: { kind: "uniform", low: 0.1, high: 0.3 } }], iterations: 10_000, seed: 1 }).total.probabilityPositive
 */
export function simulate(
  scenario: Scenario,
  settings: SimulationSettings,
  options: SimulationOptions = {},
): SimulationResult {
  const sim = new Simulation(scenario, settings, options);
  sim.step(settings.iterations);
  return sim.result();
}
