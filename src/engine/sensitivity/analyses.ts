/**
 * Sensitivity analyses (som-method.md §7): one-way table, tornado, two-way grid, break-even values.
 * Each variant is an exact recomputation through `calculate` on transformed inputs.
 */
import { calculate, reportedActors } from "../calculate";
import type { CalendarYear, Level, ResultBlock, Results, Scenario } from "../types";
import { rowEvaluator } from "./fast-figure";
import { applyParameter, baseValueOf, type SensitivityParameter } from "./parameters";

// ───────────────────────────── result selection ─────────────────────────────

/** Which block of the results a figure is taken from. */
export type ResultScope =
  | { readonly kind: "total" }
  | { readonly kind: "level"; readonly level: Level }
  /** `actor` indexes the reported actors (`reportedActors(scenario)`, = `Results.actors`), not `scenario.actors`. */
  | { readonly kind: "actor"; readonly actor: number };

/** Which figure: Σ NR over the horizon, or its present value. */
export type ResultMeasure = "netTotal" | "presentValue";

export interface ResultSelector {
  readonly measure: ResultMeasure;
  readonly scope: ResultScope;
}

/** The block a scope points at; a level without actors gives an all-zero figure (null here). */
export function selectBlock(results: Results, scope: ResultScope): ResultBlock | null {
  switch (scope.kind) {
    case "total":
      return results.total;
    case "level":
      return results.byLevel.get(scope.level) ?? null;
    case "actor":
      return results.byActor[scope.actor] ?? null;
  }
}

/** The selected figure in kroner at the price level; 0 for a level that has no actors. */
export function selectFigure(results: Results, selector: ResultSelector): number {
  const block = selectBlock(results, selector.scope);
  return block === null ? 0 : block[selector.measure];
}

// ───────────────────────────── one-way ─────────────────────────────

/** Σ NR, PV and break-even year for one block. */
export interface FigureSet {
  readonly netTotal: number;
  readonly presentValue: number;
  readonly breakEvenYear: CalendarYear | null;
}

const figureSet = (b: ResultBlock): FigureSet => ({
  netTotal: b.netTotal,
  presentValue: b.presentValue,
  breakEvenYear: b.breakEvenYear,
});

/** Figures of one recomputed variant: per reported actor (order of `reportedActors(scenario)`), per level, and total. */
export interface VariantFigures {
  readonly value: number;
  readonly byActor: readonly FigureSet[];
  readonly byLevel: ReadonlyMap<Level, FigureSet>;
  readonly total: FigureSet;
}

function variantFigures(value: number, results: Results): VariantFigures {
  const byLevel = new Map<Level, FigureSet>();
  for (const [level, block] of results.byLevel) byLevel.set(level, figureSet(block));
  return { value, byActor: results.byActor.map(figureSet), byLevel, total: figureSet(results.total) };
}

/** A one-way setting: a parameter with its low and high value (as typed: rate, change or years). */
export interface OneWaySetting {
  readonly parameter: SensitivityParameter;
  readonly low: number;
  readonly high: number;
}

export interface OneWayRow {
  readonly parameter: SensitivityParameter;
  readonly low: VariantFigures;
  readonly high: VariantFigures;
  /** The base scenario's value of the parameter (null: effects have different success rates). */
  readonly baseValue: number | null;
}

export interface OneWayAnalysis {
  readonly base: VariantFigures;
  readonly rows: readonly OneWayRow[];
}

/**
 * One-way sensitivity: for every setting, the scenario recomputed at its low and at its high value.
 * @example oneWay(s, [{ parameter: "costs", low: -0.25, high: 0.25 }]).rows[0].high.total.netTotal
 */
export function oneWay(base: Scenario, settings: readonly OneWaySetting[]): OneWayAnalysis {
  const baseResults = calculate(base);
  const rows = settings.map((s) => ({
    parameter: s.parameter,
    baseValue: baseValueOf(base, s.parameter),
    low: variantFigures(s.low, calculate(applyParameter(base, s.parameter, s.low))),
    high: variantFigures(s.high, calculate(applyParameter(base, s.parameter, s.high))),
  }));
  // The base row has no single parameter value; `value` is 0 there by convention (not shown anywhere).
  return { base: variantFigures(0, baseResults), rows };
}

// ───────────────────────────── tornado ─────────────────────────────

export interface TornadoBar {
  readonly parameter: SensitivityParameter;
  /** The parameter values tried. */
  readonly low: number;
  readonly high: number;
  /** Total Σ NR at the low and at the high value, kr. at price level. */
  readonly total: { readonly low: number; readonly high: number };
  /** Per actor Σ NR at low and high (order of `scenario.actors`). */
  readonly byActor: readonly { readonly low: number; readonly high: number }[];
  /** |high − low| of total Σ NR: the bar's length. */
  readonly swing: number;
}

export interface Tornado {
  /** Total Σ NR of the base scenario: the axis the bars are drawn around. */
  readonly baseTotal: number;
  /** Bars sorted by swing, largest first (ties keep the settings' order). */
  readonly bars: readonly TornadoBar[];
}

/** Tornado: each parameter at its low and high value, sorted by swing in total Σ NR (som-method.md §7). */
export function tornado(base: Scenario, settings: readonly OneWaySetting[]): Tornado {
  return tornadoFromOneWay(oneWay(base, settings));
}

/** The tornado of an already computed one-way analysis (no recomputation). */
export function tornadoFromOneWay(analysis: OneWayAnalysis): Tornado {
  const bars = analysis.rows.map((r) => ({
    parameter: r.parameter,
    low: r.low.value,
    high: r.high.value,
    total: { low: r.low.total.netTotal, high: r.high.total.netTotal },
    byActor: r.low.byActor.map((lowFig, a) => ({
      low: lowFig.netTotal,
      high: r.high.byActor[a]?.netTotal ?? 0,
    })),
    swing: Math.abs(r.high.total.netTotal - r.low.total.netTotal),
  }));
  const order = bars.map((b, i) => ({ b, i })).sort((x, y) => y.b.swing - x.b.swing || x.i - y.i);
  return { baseTotal: analysis.base.total.netTotal, bars: order.map((o) => o.b) };
}

// ───────────────────────────── two-way grid ─────────────────────────────

export interface GridAxis {
  readonly parameter: SensitivityParameter;
  readonly values: readonly number[];
}

export interface Grid {
  readonly x: GridAxis;
  readonly y: GridAxis;
  readonly result: ResultSelector;
  /** `cells[i][j]` = the selected result at y.values[i] and x.values[j] (kr. at price level). */
  readonly cells: readonly (readonly number[])[];
  /** Position of the base case on each axis (index into values), or null when the base value is not on it. */
  readonly baseIndex: { readonly x: number | null; readonly y: number | null };
  /** The selected result of the base scenario. */
  readonly baseValue: number;
}

/** Thrown for a grid whose two axes are the same parameter (a programmer error: checked at the edge). */
export class GridAxesError extends Error {
  override readonly name = "GridAxesError";
}

/** Progress callback for long grids: called after each row with rows done and rows in all. */
export type GridProgress = (rowsDone: number, rows: number) => void;

/**
 * Two-way grid: the scenario recomputed for every pair (y.values[i], x.values[j]); the y parameter is
 * applied first, then x. `cells` has one row per y value and one column per x value.
 * @example twoWayGrid(s, {parameter:"successRate", values:[0.1,0.2]}, {parameter:"consequences", values:[-0.2,0,0.2]}, {measure:"netTotal", scope:{kind:"total"}})
 */
export function twoWayGrid(
  base: Scenario,
  x: GridAxis,
  y: GridAxis,
  result: ResultSelector,
  onRow?: GridProgress,
): Grid {
  const cells: number[][] = [];
  for (let i = 0; i < y.values.length; i++) {
    cells.push(gridRow(base, x, y, result, i));
    onRow?.(i + 1, y.values.length);
  }
  return finishGrid(base, x, y, result, cells);
}

/** Row i of a grid: exposed so a UI can compute a large grid in slices without freezing. */
export function gridRow(
  base: Scenario,
  x: GridAxis,
  y: GridAxis,
  result: ResultSelector,
  i: number,
): number[] {
  if (x.parameter === y.parameter) throw new GridAxesError(`both axes are ${x.parameter}`);
  const yValue = y.values[i];
  if (yValue === undefined) throw new RangeError(`grid row ${i} outside 0..${y.values.length - 1}`);
  const rowBase = applyParameter(base, y.parameter, yValue);
  // rowEvaluator is bit-for-bit equal to selectFigure(calculate(…)) (tested): it computes only the one figure
  // and reuses, along the row, the part of the model that the x parameter does not change.
  const evaluate = rowEvaluator(result, x.parameter);
  return x.values.map((xv) => evaluate(applyParameter(rowBase, x.parameter, xv)));
}

/** Assembles a grid from rows computed with `gridRow`. */
export function finishGrid(
  base: Scenario,
  x: GridAxis,
  y: GridAxis,
  result: ResultSelector,
  cells: readonly (readonly number[])[],
): Grid {
  const indexOf = (axis: GridAxis): number | null => {
    const b = baseValueOf(base, axis.parameter);
    if (b === null) return null;
    const i = axis.values.findIndex((v) => Math.abs(v - b) <= 1e-12);
    return i < 0 ? null : i;
  };
  return {
    x,
    y,
    result,
    cells,
    baseIndex: { x: indexOf(x), y: indexOf(y) },
    baseValue: selectFigure(calculate(base), result),
  };
}

// ───────────────────────────── break-even values ─────────────────────────────

/** Why a break-even value does not exist within the parameter's legal range. */
export type NotReachableReason =
  /** Σ NR is above zero for every legal value. */
  | "always-positive"
  /** Σ NR is below zero for every legal value. */
  | "always-negative";

/** A break-even value, or why there is none. */
export type BreakEvenValue =
  | { readonly reachable: true; readonly value: number }
  | { readonly reachable: false; readonly reason: NotReachableReason };

export interface BreakEvenValues {
  /** The common success rate r (every r_e := r) at which Σ NR = 0; legal range 0–1. */
  readonly successRate: BreakEvenValue;
  /** The relative change c of all Δq at which Σ NR = 0 (Σ NR = (1 + c)·ΣV − ΣC); legal range c ≥ −1. */
  readonly consequenceChange: BreakEvenValue;
  /** The relative change k of all costs at which Σ NR = 0 (Σ NR = ΣV − (1 + k)·ΣC); legal range k ≥ −1. */
  readonly costChange: BreakEvenValue;
}

/**
 * The root of the linear function f(v) = intercept + slope·v on [lo, hi] (hi may be +∞).
 * A function that is zero everywhere has its root at `lo`.
 */
function linearRoot(intercept: number, slope: number, lo: number, hi: number): BreakEvenValue {
  if (slope === 0) {
    if (intercept === 0) return { reachable: true, value: lo };
    return { reachable: false, reason: intercept > 0 ? "always-positive" : "always-negative" };
  }
  const root = -intercept / slope;
  if (root >= lo && root <= hi) return { reachable: true, value: root };
  // No root inside: f keeps one sign on the range; read it at the lower end.
  const atLo = intercept + slope * lo;
  return { reachable: false, reason: atLo > 0 ? "always-positive" : "always-negative" };
}

/**
 * Break-even values of one block (an actor, a level or the total) of a scenario (issue: sensitivity).
 *
 * The model is linear in each of these parameters (§3: C is linear in the amounts; §4: V is linear in
 * r_e and in Δq), so each value has a closed form:
 * - success rate: with every r_e := r, ΣNR(r) = r·V₁ − ΣC where V₁ = ΣV at r = 1 ⇒ r* = ΣC / V₁;
 * - consequences: ΣNR(c) = (1 + c)·ΣV − ΣC ⇒ c* = ΣC/ΣV − 1;
 * - costs: ΣNR(k) = ΣV − (1 + k)·ΣC ⇒ k* = ΣV/ΣC − 1.
 * Every value is then confirmed by an exact recomputation of the model at that value; should the
 * recomputation not give ΣNR ≈ 0 (the model would then not be linear), the root is found by bisection.
 */
export function breakEvenValues(base: Scenario, scope: ResultScope): BreakEvenValues {
  const block = selectBlock(calculate(base), scope);
  const costTotal = block?.costTotal ?? 0;
  const consTotal = block?.consequenceTotal ?? 0;
  const v1 = selectBlock(calculate(applyParameter(base, "successRate", 1)), scope)?.consequenceTotal ?? 0;

  const confirm = (parameter: SensitivityParameter, value: BreakEvenValue, lo: number): BreakEvenValue => {
    if (!value.reachable) return value;
    const netAt = (v: number): number =>
      selectFigure(calculate(applyParameter(base, parameter, v)), { measure: "netTotal", scope });
    const hi = parameter === "successRate" ? 1 : Math.max(1, 2 * value.value + 2);
    return { reachable: true, value: refine(netAt, value.value, lo, hi) };
  };

  return {
    successRate: confirm("successRate", linearRoot(-costTotal, v1, 0, 1), 0),
    consequenceChange: confirm(
      "consequences",
      linearRoot(consTotal - costTotal, consTotal, -1, Infinity),
      -1,
    ),
    costChange: confirm("costs", linearRoot(consTotal - costTotal, -costTotal, -1, Infinity), -1),
  };
}

/**
 * Confirms a closed-form root by recomputation; if Σ NR at `guess` is not zero within 1e-9 of the scale
 * of the problem, finds the root by bisection on [lo, hi] (80 halvings).
 */
function refine(f: (v: number) => number, guess: number, lo: number, hi: number): number {
  const fLo = f(lo);
  const fHi = f(hi);
  const scale = Math.max(1, Math.abs(fLo), Math.abs(fHi));
  if (Math.abs(f(guess)) <= 1e-9 * scale) return guess;
  if (fLo === 0) return lo;
  let a = lo;
  let b = hi;
  let fa = fLo;
  for (let i = 0; i < 80; i++) {
    const m = (a + b) / 2;
    const fm = f(m);
    if (fm === 0) return m;
    if (fa < 0 === fm < 0) {
      a = m;
      fa = fm;
    } else b = m;
  }
  return (a + b) / 2;
}

/** Break-even values for every reported actor (order of `reportedActors(scenario)`) and for the total. */
export interface BreakEvenTable {
  readonly byActor: readonly BreakEvenValues[];
  readonly total: BreakEvenValues;
}

/** Break-even values per actor and in total (issue: sensitivity; each confirmed by recomputation). */
export function breakEvenTable(base: Scenario): BreakEvenTable {
  return {
    byActor: reportedActors(base).map((_, actor) => breakEvenValues(base, { kind: "actor", actor })),
    total: breakEvenValues(base, { kind: "total" }),
  };
}

// ───────────────────────────── everything at once ─────────────────────────────

/** What to analyse: the one-way/tornado settings and the grid's axes and result. */
export interface SensitivitySettings {
  readonly oneWay: readonly OneWaySetting[];
  readonly grid: { readonly x: GridAxis; readonly y: GridAxis; readonly result: ResultSelector };
}

/** All of som-method.md §7 for one scenario. */
export interface SensitivityAnalysis {
  readonly oneWay: OneWayAnalysis;
  readonly tornado: Tornado;
  readonly grid: Grid;
  readonly breakEven: BreakEvenTable;
}

/**
 * One-way table, tornado, grid and break-even values in one synchronous call (command line, tests).
 * The add-in computes the grid row by row with `gridRow` instead, yielding between rows.
 */
export function analyseSensitivity(
  base: Scenario,
  settings: SensitivitySettings,
  onRow?: GridProgress,
): SensitivityAnalysis {
  const one = oneWay(base, settings.oneWay);
  const { x, y, result } = settings.grid;
  return {
    oneWay: one,
    tornado: tornadoFromOneWay(one),
    grid: twoWayGrid(base, x, y, result, onRow),
    breakEven: breakEvenTable(base),
  };
}
