/**
 * Follow-up of realised results (opfølgning, som-method.md §11, [D]): the forecast against an updated scenario
 * that takes every realised figure the user typed in `SOM_Realiseret`, with the difference decomposed exactly
 * into participants, success rates and costs.
 *
 * The updated scenario (`applyRealised`) is the forecast scenario with, for each realised calculation year t:
 *   - `Deltagere`: N_t := the realised starters of year t (t ≤ D);
 *   - `Succesrate` (per effect): the rate of the starters of year t only — r_{e,t} := the realised rate — so
 *     the engine's success rates are per start-year cohort (`Effect.cohortRates`); the other cohorts keep r_e;
 *   - one cost per actor: C_{a,t} := the realised total cost of actor a in year t, converted to the price level
 *     P from the row's `Prisår` (blank = P, som-method.md §5). Technically every cost line of actor a is split
 *     around the realised years (its contribution in every other year is unchanged, bit for bit) and one line
 *     (kind Drift, years t..t) carries the realised total, so a realised cost replaces the forecast cost
 *     whatever the participants are.
 * A blank cell keeps the forecast: a realised year whose values equal the forecast changes nothing.
 *
 * Decomposition: Shapley values over three factors (`FOLLOW_UP_FACTORS`), computed with the comparison's own
 * machinery (`shapley` over `mixScenarios`, som-method.md §9): each of the 2³ mixes is an exact recomputation.
 * The figures decomposed are NR_t for every year, Σ NR and PV, for every reported actor, level and the total;
 * the contributions of a figure sum to its difference (checked to 1e-9 relative, `DecompositionError`).
 */
import { calculate } from "../calculate";
import { DecompositionError, DECOMPOSITION_TOLERANCE } from "../decompose/decompose";
import { mixFrame, mixScenarios, type DecompositionFactor } from "../decompose/mix-scenarios";
import { shapley } from "../decompose/shapley";
import { calcYearCount } from "../time";
import type { CostLine, InputIssue, Level, ResultBlock, Results, Scenario } from "../types";
import { LEVELS } from "../types";
import { decisionIssue } from "./decision-issues";

/** The three factors of the follow-up's decomposition, in the order tables show them. */
export type FollowUpFactor = Extract<DecompositionFactor, "participants" | "successRates" | "costs">;
export const FOLLOW_UP_FACTORS: readonly FollowUpFactor[] = ["participants", "successRates", "costs"];

/** One row of `SOM_Realiseret` as read (headers already matched to effects and actors by the reader). */
export interface RawRealisedRow {
  /** `År`: calculation year t (1..T). */
  readonly calcYear?: number | undefined;
  /** `Deltagere`: realised starters of year t (≥ 0); undefined = keep the forecast. */
  readonly participants?: number | undefined;
  /** Realised success rate of year t's starters, one entry per effect (order of `Scenario.effects`). */
  readonly successRates: readonly (number | undefined)[];
  /** Realised total cost of each actor in year t, one entry per actor (order of `Scenario.actors`), kr. at `priceYear`. */
  readonly costsKr: readonly (number | undefined)[];
  /** `Prisår` of the costs (blank = the price level P). */
  readonly priceYear?: number | undefined;
}

/** One validated realised year. */
export interface RealisedYear {
  /** Index of the row in the raw list (for locating issues and cells). */
  readonly row: number;
  readonly calcYear: number;
  readonly participants: number | undefined;
  readonly successRates: readonly (number | undefined)[];
  /** kr. at `priceYear`; undefined = keep the forecast. */
  readonly costsKr: readonly (number | undefined)[];
  readonly priceYear: number;
}

/** The validated realised figures: only rows with at least one value, sorted by year. */
export interface Realised {
  readonly years: readonly RealisedYear[];
}

const isSet = (x: number | undefined): x is number => x !== undefined;

/** True when the row holds a realised value (a row with only `År` realises nothing). */
export function rowHasValues(row: RawRealisedRow): boolean {
  return isSet(row.participants) || row.successRates.some(isSet) || row.costsKr.some(isSet);
}

/**
 * Validates the realised rows against the scenario (som-method.md §11). Paths: ["realised", row, "calcYear"],
 * ["realised", row, "participants"], ["realised", row, "successRate", effect], ["realised", row, "cost", actor],
 * ["realised", row, "priceYear"]. Rows without values are skipped (the template lists years in advance).
 * @example validateRealised([{ calcYear: 1, participants: 28, successRates: [], costsKr: [] }], s)
 */
export function validateRealised(
  rows: readonly RawRealisedRow[],
  scenario: Scenario,
):
  | { readonly ok: true; readonly value: Realised }
  | { readonly ok: false; readonly issues: readonly InputIssue[] } {
  const T = calcYearCount(scenario.settings);
  const D = scenario.settings.operatingPeriod;
  const P = scenario.settings.priceLevel;
  const issues: InputIssue[] = [];
  const years: RealisedYear[] = [];
  const seen = new Set<number>();
  rows.forEach((row, i) => {
    if (!rowHasValues(row)) return;
    const at = (...rest: (string | number)[]) => ({ path: ["realised", i, ...rest] });
    const before = issues.length;
    const t = row.calcYear;
    if (t === undefined || !Number.isInteger(t) || t < 1 || t > T) {
      issues.push(decisionIssue("realised-year-out-of-range", at("calcYear"), { value: t ?? NaN, max: T }));
      return;
    }
    if (seen.has(t)) {
      issues.push(decisionIssue("realised-year-duplicate", at("calcYear"), { value: t }));
      return;
    }
    seen.add(t);
    const n = row.participants;
    if (n !== undefined) {
      if (!(n >= 0))
        issues.push(decisionIssue("realised-participants-negative", at("participants"), { value: n }));
      else if (n > 0 && t > D)
        issues.push(
          decisionIssue("realised-participants-after-operating-period", at("participants"), {
            year: t,
            period: D,
          }),
        );
    }
    row.successRates.forEach((r, e) => {
      if (r === undefined) return;
      if (!(r >= 0 && r <= 1))
        issues.push(decisionIssue("realised-rate-out-of-range", at("successRate", e), { value: r }));
      else if (t > D)
        issues.push(
          decisionIssue("realised-rate-after-operating-period", at("successRate", e), { year: t, period: D }),
        );
    });
    row.costsKr.forEach((c, a) => {
      if (c !== undefined && !Number.isFinite(c))
        issues.push(decisionIssue("realised-cost-not-finite", at("cost", a), {}));
    });
    const b = row.priceYear ?? P;
    if (row.costsKr.some(isSet) && b !== P && (!scenario.priceIndex.has(b) || !scenario.priceIndex.has(P)))
      issues.push(
        decisionIssue(
          "realised-price-year-without-index",
          { ...at("priceYear"), relatedPath: ["priceIndex"] },
          { year: scenario.priceIndex.has(P) ? b : P },
        ),
      );
    if (issues.length > before) return;
    years.push({
      row: i,
      calcYear: t,
      participants: n,
      successRates: row.successRates,
      costsKr: row.costsKr,
      priceYear: b,
    });
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { years: years.sort((x, y) => x.calcYear - y.calcYear) } };
}

/** [f, l] without the years in `cut` (sorted), as maximal runs. */
function splitAround(from: number, to: number, cut: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  for (const y of cut) {
    if (y < start || y > to) continue;
    if (y > start) out.push([start, y - 1]);
    start = y + 1;
  }
  if (start <= to) out.push([start, to]);
  return out;
}

/**
 * The updated scenario: the forecast with every realised value (rules in the module comment). With no realised
 * values it is the forecast itself.
 * @example calculate(applyRealised(s, realised)).total.netTotal // Σ NR with the realised figures
 */
export function applyRealised(scenario: Scenario, realised: Realised): Scenario {
  if (realised.years.length === 0) return scenario;
  const participants = scenario.participants.slice();
  for (const y of realised.years)
    if (y.participants !== undefined && y.calcYear <= participants.length)
      participants[y.calcYear - 1] = y.participants;

  const effects = scenario.effects.map((effect, e) => {
    const given = realised.years.filter((y) => y.successRates[e] !== undefined);
    if (given.length === 0) return effect;
    const rates = (effect.cohortRates ?? []).slice();
    for (let s = rates.length; s < scenario.participants.length; s++) rates.push(effect.successRate);
    for (const y of given) rates[y.calcYear - 1] = y.successRates[e] as number;
    return { ...effect, cohortRates: rates };
  });

  const costs: CostLine[] = [];
  const realisedYearsOf = (a: number): number[] =>
    realised.years.filter((y) => y.costsKr[a] !== undefined).map((y) => y.calcYear);
  const cutByActor = scenario.actors.map((_, a) => realisedYearsOf(a));
  for (const line of scenario.costs) {
    const cut = cutByActor[line.actor] ?? [];
    if (cut.length === 0) {
      costs.push(line);
      continue;
    }
    for (const [f, l] of splitAround(line.fromYear, line.toYear, cut))
      costs.push({ ...line, fromYear: f, toYear: l });
  }
  for (const y of realised.years)
    y.costsKr.forEach((amountKr, a) => {
      if (amountKr === undefined) return;
      costs.push({
        item: `Realiseret ${scenario.settings.startYear + y.calcYear - 1}`,
        kind: "Drift",
        actor: a,
        amountKr,
        priceYear: y.priceYear,
        fromYear: y.calcYear,
        toYear: y.calcYear,
      });
    });
  return { ...scenario, participants, effects, costs };
}

/** A scope of the follow-up: an actor (by its index in `Results.actors`), a level or the total. */
export type FollowUpScope =
  | { readonly kind: "total" }
  | { readonly kind: "level"; readonly level: Level }
  | { readonly kind: "actor"; readonly index: number; readonly name: string };

/** One figure's forecast, updated value and the contributions of the three factors (kr. at P). */
export interface FollowUpFigure {
  readonly forecast: number;
  readonly updated: number;
  /** updated − forecast. */
  readonly difference: number;
  readonly contributions: Readonly<Record<FollowUpFactor, number>>;
}

export interface FollowUpScopeResult {
  readonly scope: FollowUpScope;
  readonly forecast: ResultBlock;
  readonly updated: ResultBlock;
  /** NR_t per calculation year. */
  readonly netByYear: readonly FollowUpFigure[];
  readonly netTotal: FollowUpFigure;
  readonly presentValue: FollowUpFigure;
}

export interface FollowUp {
  readonly forecast: Results;
  readonly updated: Results;
  readonly updatedScenario: Scenario;
  readonly realised: Realised;
  /** Calculation year of the last realised row (0 when there is none). */
  readonly lastRealisedYear: number;
  /** Reported actors (order of `Results.actors`), then levels with a block, then the total. */
  readonly scopes: readonly FollowUpScopeResult[];
  /** Largest |Σ contributions − difference| / scale over all figures (≤ DECOMPOSITION_TOLERANCE). */
  readonly worstRelativeError: number;
}

function scopeBlock(r: Results, scope: FollowUpScope): ResultBlock | undefined {
  if (scope.kind === "total") return r.total;
  if (scope.kind === "level") return r.byLevel.get(scope.level);
  return r.byActor[scope.index];
}

/**
 * The follow-up of a scenario with realised figures: forecast, updated results and the exact decomposition of
 * every difference (module comment).
 * @example followUp(s, realised).scopes.at(-1)?.netTotal.contributions.successRates // kr. due to realised rates
 * @throws DecompositionError if the contributions do not sum to the difference (a programmer error).
 */
export function followUp(scenario: Scenario, realised: Realised): FollowUp {
  const updatedScenario = applyRealised(scenario, realised);
  const forecast = calculate(scenario);
  const updated = calculate(updatedScenario);
  const T = forecast.years.length;
  const scopes: FollowUpScope[] = [
    ...forecast.actors.map((a, index) => ({ kind: "actor" as const, index, name: a.name })),
    ...LEVELS.filter((level) => forecast.byLevel.has(level)).map((level) => ({
      kind: "level" as const,
      level,
    })),
    { kind: "total" },
  ];
  const width = T + 2;
  const vector = (r: Results): number[] => {
    const out: number[] = [];
    for (const s of scopes) {
      const b = scopeBlock(r, s);
      for (let t = 0; t < T; t++) out.push(b?.net[t] ?? 0);
      out.push(b?.netTotal ?? 0, b?.presentValue ?? 0);
    }
    return out;
  };
  const frame = mixFrame(scenario, updatedScenario);
  const n = FOLLOW_UP_FACTORS.length;
  const game = shapley(n, (mask) => {
    const fromB = new Set(FOLLOW_UP_FACTORS.filter((_, i) => (mask & (1 << i)) !== 0));
    return vector(calculate(mixScenarios(scenario, updatedScenario, fromB, frame)));
  });
  const direct = [vector(forecast), vector(updated)];
  const ends = [game.values[0] ?? [], game.values[(1 << n) - 1] ?? []];
  let worst = 0;
  const size = direct[0]?.length ?? 0;
  for (let k = 0; k < size; k++) {
    let scale = 1;
    for (const v of [...game.values, ...direct]) scale = Math.max(scale, Math.abs(v[k] ?? 0));
    // The mixes of "all from A" and "all from B" are the forecast and the updated scenario themselves.
    for (let e = 0; e < 2; e++)
      if (Math.abs((ends[e]?.[k] ?? 0) - (direct[e]?.[k] ?? 0)) > DECOMPOSITION_TOLERANCE * scale)
        throw new DecompositionError(`Follow-up mix ${e} differs from its scenario at ${k}`);
    let sum = 0;
    for (const phi of game.shares) sum += phi[k] ?? 0;
    const diff = (direct[1]?.[k] ?? 0) - (direct[0]?.[k] ?? 0);
    const rel = Math.abs(sum - diff) / scale;
    worst = Math.max(worst, rel);
    if (rel > DECOMPOSITION_TOLERANCE)
      throw new DecompositionError(`Follow-up contributions sum to ${sum}, difference is ${diff}`);
  }
  const figure = (k: number): FollowUpFigure => {
    const from = direct[0]?.[k] ?? 0;
    const to = direct[1]?.[k] ?? 0;
    const contributions = Object.fromEntries(
      FOLLOW_UP_FACTORS.map((f, i) => [f, game.shares[i]?.[k] ?? 0]),
    ) as Record<FollowUpFactor, number>;
    return { forecast: from, updated: to, difference: to - from, contributions };
  };
  const results: FollowUpScopeResult[] = scopes.map((scope, j) => {
    const base = j * width;
    return {
      scope,
      forecast: scopeBlock(forecast, scope) as ResultBlock,
      updated: scopeBlock(updated, scope) as ResultBlock,
      netByYear: Array.from({ length: T }, (_, t) => figure(base + t)),
      netTotal: figure(base + T),
      presentValue: figure(base + T + 1),
    };
  });
  return {
    forecast,
    updated,
    updatedScenario,
    realised,
    lastRealisedYear: realised.years.reduce((m, y) => Math.max(m, y.calcYear), 0),
    scopes: results,
    worstRelativeError: worst,
  };
}
