/**
 * The grid fast path (`sensitivity/fast-figure.ts`) extended to every result block at once and to variants in
 * which every parameter may change together — the evaluator behind the simulation (som-method.md §10).
 * It takes one iteration's draws and computes what `calculate(applyDraws(base, inputs, draws))` would, without
 * building that scenario: each changed input value is computed inline by the same expression `applyDraws`
 * uses (Δq × (1 + x), N × (1 + x), p × (1 + x), in the order of the inputs).
 *
 * For each block (an actor, a level with several actors, the total — the blocks `calculate` computes) it
 * gives the cumulative net result per year, Σ NR, PV and the break-even year, with **the same floating-point
 * operations in the same order** as `calculate` (`partsFor` + `finishBlock`): prices at the level and costs
 * per actor come from the engine's own `pricesAtLevel` and `costsByActorYear`, the pair uses from
 * `pairUses` below (the sums of the engine's `signedUseByPair` within the horizon, into reused typed arrays),
 * then per block V_t = Σ_pairs w × u_t with the
 * pairs in order and zero weights skipped, C_t = 0 + Opstart + Drift + PrDeltager + Sparet, NR_t = V_t − C_t.
 * `test/engine/simulation/fast-blocks.test.ts` checks `Object.is` equality with `calculate(applyDraws(…))`
 * on random scenarios with every parameter changed at once.
 *
 * Parts that the varying parameters cannot change are computed once (from the first variant) and reused.
 */
import { isReported } from "../calculate";
import { sigma } from "../consequences";
import { costsByActorYear, type CostsByKind } from "../costs";
import { breakEvenYear, RELATIVE_ZERO } from "../key-figures";
import { priceLevelFactor } from "../price-level";
import { calcYearCount } from "../time";
import type { CalendarYear, Scenario } from "../types";
import { COST_KINDS, LEVELS } from "../types";
import type { SimulationParameter, UncertainInput } from "./inputs";

/**
 * The blocks `calculate` computes separately, as sets of actor indices (into `scenario.actors`), among the
 * actors the perspective reports (som-method.md §6).
 */
export interface BlockPlan {
  /** Distinct blocks: one per reported actor (in order), then one per level with ≥ 2 actors, then the total. */
  readonly blocks: readonly (readonly number[])[];
  /** The reported actors (indices into `scenario.actors`), as `Results.actorIndex`. */
  readonly reported: readonly number[];
  /** Block index of each reported actor (in the order of `reported`). */
  readonly actorBlock: readonly number[];
  /** Block index of each level that has reported actors (a one-actor level is that actor's block). */
  readonly levelBlock: ReadonlyMap<(typeof LEVELS)[number], number>;
  readonly totalBlock: number;
}

/** The blocks of a scenario, as `calculate` forms them. */
export function blockPlan(scenario: Scenario): BlockPlan {
  const reported = scenario.actors.map((_, a) => a).filter((a) => isReported(scenario, a));
  const blocks: number[][] = reported.map((a) => [a]);
  const actorBlock = reported.map((_, i) => i);
  const levelBlock = new Map<(typeof LEVELS)[number], number>();
  for (const level of LEVELS) {
    const members = reported.filter((a) => scenario.actors[a]?.level === level);
    if (members.length === 1) levelBlock.set(level, reported.indexOf(members[0] as number));
    else if (members.length > 1) {
      levelBlock.set(level, blocks.length);
      blocks.push(members);
    }
  }
  const totalBlock = blocks.length;
  blocks.push([...reported]);
  return { blocks, reported, actorBlock, levelBlock, totalBlock };
}

/** One block's figures for the last variant evaluated (buffers are overwritten by the next call). */
export interface BlockFigures {
  /** CNR_t, t = 1..T. */
  readonly cumulative: Float64Array;
  netTotal: number;
  presentValue: number;
  /** Break-even calendar year, or null ("not within the horizon"). */
  breakEvenYear: CalendarYear | null;
}

/** C_t of one actor: 0 + the kinds in COST_KINDS order (as calculate's finishBlock). */
function sumKinds(byKind: CostsByKind, t: number): number {
  let c = 0;
  for (let k = 0; k < COST_KINDS.length; k++)
    c += byKind[COST_KINDS[k] as (typeof COST_KINDS)[number]][t] as number;
  return c;
}

/** x₀ × f₁ × f₂ … from the left: a value as `applyDraws` leaves it after every input that scales it. */
function scaled(x: number, factors: readonly number[]): number {
  let v = x;
  for (let i = 0; i < factors.length; i++) v = v * (factors[i] as number);
  return v;
}

/**
 * An evaluator of every block of `plan` for the iterations of a simulation of `base` with `inputs`: given one
 * iteration's draws (one per input, in order) it returns the figures per block, in `plan.blocks` order, equal
 * bit for bit to the blocks of `calculate(applyDraws(base, inputs, draws))`. Parts that no input changes are
 * computed once. The returned objects are reused by the next call.
 * @example const ev = blockEvaluator(plan, s, inputs); ev(Float64Array.of(0.2))[plan.totalBlock].netTotal
 */
export function blockEvaluator(
  plan: BlockPlan,
  base: Scenario,
  inputs: readonly UncertainInput[],
): (draws: ArrayLike<number>) => readonly BlockFigures[] {
  // Per-cohort success rates exist only in the follow-up's updated scenario (som-method.md §11); this fast path
  // does not model them, so it refuses rather than compute something else than `calculate`.
  if (base.effects.some((e) => e.cohortRates !== undefined))
    throw new RangeError("The simulation fast path does not support per-cohort success rates");
  const settings = base.settings;
  const T = calcYearCount(settings);
  const D = base.participants.length;
  const F = settings.horizon;
  const v = settings.duration;
  const perCohort = settings.horizonMethod === "perCohort";
  const nBlocks = plan.blocks.length;
  const has = (p: SimulationParameter): boolean => inputs.some((i) => i.parameter === p);
  const varyCosts = has("costs") || has("participants");
  const varyUses = has("successRate") || has("consequences") || has("participants");
  const varyPrices = has("prices");
  const figures: BlockFigures[] = plan.blocks.map(() => ({
    cumulative: new Float64Array(T),
    netTotal: 0,
    presentValue: 0,
    breakEvenYear: null,
  }));
  // Discount factors (1 + ρ)^(t − 1), built by the same repeated multiplication as `presentValue`.
  const discount = new Float64Array(T);
  let factor = 1;
  for (let t = 0; t < T; t++) {
    discount[t] = factor;
    factor *= 1 + base.settings.discountRate;
  }
  // Pairs in order of first occurrence (as signedUseByPair), and each line's pair.
  const pairIndex = new Map<number, number>();
  const pairService: number[] = [];
  const pairOf = base.consequences.map((line) => {
    const key = line.effect * base.prices.length + line.service;
    let at = pairIndex.get(key);
    if (at === undefined) {
      at = pairService.length;
      pairIndex.set(key, at);
      pairService.push(line.service);
    }
    return at;
  });
  const levelFactors = base.prices.map((row) => priceLevelFactor(base, row.priceYear));
  const uses = pairService.map(() => new Float64Array(T));
  // Δq × (1 + x)… of each line, when an input scales the consequences.
  const scaledDq = base.consequences.map((line) => new Float64Array(line.deltaByYear.length));
  const successes = base.effects.map(() => new Float64Array(D));
  const participants = new Float64Array(D);
  const rates = new Float64Array(base.effects.length);
  const costTotals = plan.blocks.map(() => new Float64Array(T));
  const weights = plan.blocks.map(() => new Float64Array(base.prices.length));
  const consequences = plan.blocks.map(() => new Float64Array(T));
  const qFactors: number[] = [];
  const nFactors: number[] = [];
  const cFactors: number[] = [];
  const pFactors: number[] = [];
  let first = true;

  /** C_t per block from the costs of the drawn scenario (the engine's own `costsByActorYear`). */
  function blockCosts(): void {
    const costs = costsByActorYear(
      cFactors.length === 0 && nFactors.length === 0
        ? base
        : {
            ...base,
            costs: base.costs.map((c) => ({ ...c, amountKr: scaled(c.amountKr, cFactors) })),
            participants: base.participants.map((n) => scaled(n, nFactors)),
          },
    );
    // Each actor's four kinds in COST_KINDS order.
    const kinds = costs.map((byKind) => COST_KINDS.map((kind) => byKind[kind]));
    for (let b = 0; b < nBlocks; b++) {
      const actors = plan.blocks[b] as readonly number[];
      const out = costTotals[b] as Float64Array;
      if (actors.length === 1) {
        const byKind = costs[actors[0] as number] as CostsByKind;
        for (let t = 0; t < T; t++) out[t] = sumKinds(byKind, t);
      } else {
        // calculate: per kind, 0 + the actors' amounts in actor order; then the kinds in COST_KINDS order.
        for (let t = 0; t < T; t++) {
          let c = 0;
          for (let kind = 0; kind < COST_KINDS.length; kind++) {
            let k = 0;
            for (let i = 0; i < actors.length; i++)
              k = k + 1 * ((kinds[actors[i] as number] as number[][])[kind] as number[])[t]!;
            c += k;
          }
          out[t] = c;
        }
      }
    }
  }

  /** Σ_{a ∈ block} p_{s,a} at the price level, as calculate's weights (p × (1 + x) first, then × I(P)/I(b)). */
  function blockWeights(): void {
    for (let b = 0; b < nBlocks; b++) {
      const actors = plan.blocks[b] as readonly number[];
      const w = weights[b] as Float64Array;
      for (let s = 0; s < base.prices.length; s++) {
        const row = (base.prices[s] as Scenario["prices"][number]).priceKrByActor;
        const f = levelFactors[s] as number;
        let x = 0;
        for (let i = 0; i < actors.length; i++) {
          const p = row[actors[i] as number];
          x += p === undefined ? 0 : scaled(p, pFactors) * f;
        }
        w[s] = x;
      }
    }
  }

  /**
   * u_{e,s}(t), t = 1..T, of every pair: the sums of `signedUseByPair` (same lines, same start-year and year
   * order, same expression `sign × S_s × Δq` with S_s = N_s × r_e, the same rule for what the horizon counts),
   * without the uncounted remainder.
   */
  function pairUses(): void {
    for (let s = 0; s < D; s++) participants[s] = scaled(base.participants[s] as number, nFactors);
    for (let e = 0; e < rates.length; e++) {
      const succ = successes[e] as Float64Array;
      const rate = rates[e] as number;
      for (let s = 0; s < D; s++) succ[s] = (participants[s] as number) * rate;
    }
    for (const u of uses) u.fill(0);
    const lines = base.consequences;
    const scaleQ = qFactors.length > 0;
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l] as Scenario["consequences"][number];
      const succ = successes[line.effect] as Float64Array;
      const use = uses[pairOf[l] as number] as Float64Array;
      let dq: ArrayLike<number> = line.deltaByYear;
      if (scaleQ) {
        const into = scaledDq[l] as Float64Array;
        for (let j = 0; j < into.length; j++) into[j] = scaled(dq[j] as number, qFactors);
        dq = into;
      }
      const J = dq.length;
      const sign = sigma(line.kind);
      const during = line.phase === "during";
      for (let s = 1; s <= D; s++) {
        const sc = succ[s - 1] as number;
        if (sc === 0) continue;
        const first = during ? s : s + v - 1;
        for (let j = 1; j <= J; j++) {
          const q = dq[j - 1] as number;
          if (q === 0) continue;
          const t = first + j - 1;
          if (t <= T && (during || !perCohort || j <= F)) use[t - 1] = (use[t - 1] as number) + sign * sc * q;
        }
      }
    }
  }

  return (draws) => {
    qFactors.length = 0;
    nFactors.length = 0;
    cFactors.length = 0;
    pFactors.length = 0;
    for (let e = 0; e < rates.length; e++)
      rates[e] = (base.effects[e] as Scenario["effects"][number]).successRate;
    for (let k = 0; k < inputs.length; k++) {
      const input = inputs[k] as UncertainInput;
      const x = draws[k] as number;
      switch (input.parameter) {
        case "successRate":
          if (input.effect === undefined) rates.fill(x);
          else rates[input.effect] = x;
          break;
        case "consequences":
          qFactors.push(1 + x);
          break;
        case "participants":
          nFactors.push(1 + x);
          break;
        case "costs":
          cFactors.push(1 + x);
          break;
        case "prices":
          pFactors.push(1 + x);
          break;
      }
    }
    if (first || varyCosts) blockCosts();
    if (first || varyPrices) blockWeights();
    if (first || varyUses) pairUses();
    if (first || varyUses || varyPrices) {
      for (let b = 0; b < nBlocks; b++) {
        const w = weights[b] as Float64Array;
        const v = consequences[b] as Float64Array;
        v.fill(0);
        for (let k = 0; k < uses.length; k++) {
          const wk = w[pairService[k] as number] as number;
          if (wk === 0) continue;
          const use = uses[k] as Float64Array;
          for (let t = 0; t < T; t++) v[t] = (v[t] as number) + wk * (use[t] as number);
        }
      }
    }
    first = false;
    for (let b = 0; b < nBlocks; b++) {
      const f = figures[b] as BlockFigures;
      const c = costTotals[b] as Float64Array;
      const v = consequences[b] as Float64Array;
      const cum = f.cumulative;
      let netTotal = 0;
      let pv = 0;
      let scale = 0;
      for (let t = 0; t < T; t++) {
        const ct = c[t] as number;
        const vt = v[t] as number;
        const nr = vt - ct;
        netTotal += nr;
        cum[t] = netTotal;
        pv += nr / (discount[t] as number);
        scale += Math.abs(ct) + Math.abs(vt);
      }
      f.netTotal = netTotal;
      f.presentValue = pv;
      f.breakEvenYear = breakEvenYear(cum, base.settings.startYear, RELATIVE_ZERO * scale);
    }
    return figures;
  };
}
