/**
 * Budget view (som-method.md §11, [D]): the results of a calculation as the table an economist pastes into a
 * budgetforslag — budgetår B and the three overslagsår B+1..B+3, per actor, per level and in total.
 *
 * Budget sign convention (the opposite of the results' convention): expenditure is positive, savings and
 * revenue are negative.
 *   - "Udgift til indsatsen"            = C        (the results' costs)
 *   - "Mindreudgifter og merindtægter"  = −V       (the results' consequences, sign turned)
 *   - "Nettoudgift"                     = C − V    (= −NR)
 * Amounts are at the price level of B when the price index has both P and B (x × I(B) / I(P)); otherwise at
 * P, and `atBudgetPrices` is false so the header can say so. A calendar year outside the calculation years
 * 1..T shows 0 and is marked (`outside`).
 *
 * Pure: a function of `Results`, the price index and B.
 */
import type { CalendarYear, Level, ResultBlock, Results } from "../types";
import { LEVELS } from "../types";

/** The four budget columns: budgetår and three overslagsår. */
export const BUDGET_YEARS = 4;

/** One actor's, level's or the total's budget lines; each array has `BUDGET_YEARS` entries (kr.). */
export interface BudgetLines {
  /** "Udgift til indsatsen": C (positive = expenditure). */
  readonly expenditure: readonly number[];
  /** "Mindreudgifter og merindtægter": −V (negative = a saving or extra revenue). */
  readonly savings: readonly number[];
  /** "Nettoudgift": C − V (positive = a net expenditure). */
  readonly net: readonly number[];
}

export interface BudgetView {
  readonly budgetYear: CalendarYear;
  /** B, B+1, B+2, B+3. */
  readonly years: readonly CalendarYear[];
  /** For each budget column, true when its year is outside the calculation years 1..T (shown as 0). */
  readonly outside: readonly boolean[];
  /** The price year of every amount: B when converted, else the results' price level P. */
  readonly priceYear: CalendarYear;
  /** True when the amounts are at B's price level (the index had both P and B, or B = P). */
  readonly atBudgetPrices: boolean;
  /** The factor I(B) / I(P) applied to the results (1 when not converted). */
  readonly factor: number;
  /** The results' price level P. */
  readonly resultsPriceLevel: CalendarYear;
  /** One entry per actor, in the order of `Results.actors`. */
  readonly byActor: readonly BudgetLines[];
  /** Levels that have a result block, in the order of LEVELS. */
  readonly byLevel: ReadonlyMap<Level, BudgetLines>;
  readonly total: BudgetLines;
}

/**
 * The factor that takes kroner at price level P to kroner at price year B: I(B) / I(P), or undefined when the
 * index lacks P or B (B = P needs no index).
 * @example budgetPriceFactor(new Map([[2024, 100], [2026, 104]]), 2024, 2026) // 1.04
 */
export function budgetPriceFactor(
  priceIndex: ReadonlyMap<CalendarYear, number>,
  priceLevel: CalendarYear,
  budgetYear: CalendarYear,
): number | undefined {
  if (budgetYear === priceLevel) return 1;
  const atP = priceIndex.get(priceLevel);
  const atB = priceIndex.get(budgetYear);
  if (atP === undefined || atB === undefined || !(atP > 0) || !(atB > 0)) return undefined;
  return atB / atP;
}

function linesOf(block: ResultBlock, columns: readonly (number | undefined)[], factor: number): BudgetLines {
  const expenditure: number[] = [];
  const savings: number[] = [];
  const net: number[] = [];
  for (const t of columns) {
    if (t === undefined) {
      expenditure.push(0);
      savings.push(0);
      net.push(0);
      continue;
    }
    const c = (block.costs[t] ?? 0) * factor;
    const v = (block.consequences[t] ?? 0) * factor;
    expenditure.push(c);
    // 0 − v, so a zero consequence stays +0 (no "-0" in a budget table)
    savings.push(0 - v);
    net.push(c - v);
  }
  return { expenditure, savings, net };
}

/**
 * The budget view of `results` for budget year `budgetYear` (som-method.md §11).
 *
 * @example
 *   const b = budgetView(calculate(s), s.priceIndex, 2026);
 *   b.total.net[0] // Nettoudgift i budgetåret 2026, kr. at 2026 prices when the index allows
 */
export function budgetView(
  results: Results,
  priceIndex: ReadonlyMap<CalendarYear, number>,
  budgetYear: CalendarYear,
): BudgetView {
  const P = results.priceLevel;
  const converted = budgetPriceFactor(priceIndex, P, budgetYear);
  const factor = converted ?? 1;
  const first = results.years[0] ?? budgetYear;
  const T = results.years.length;
  const years: CalendarYear[] = [];
  const columns: (number | undefined)[] = [];
  const outside: boolean[] = [];
  for (let k = 0; k < BUDGET_YEARS; k++) {
    const year = budgetYear + k;
    const t = year - first; // 0-based calculation year
    years.push(year);
    const inside = t >= 0 && t < T;
    columns.push(inside ? t : undefined);
    outside.push(!inside);
  }
  const byLevel = new Map<Level, BudgetLines>();
  for (const level of LEVELS) {
    const block = results.byLevel.get(level);
    if (block !== undefined) byLevel.set(level, linesOf(block, columns, factor));
  }
  return {
    budgetYear,
    years,
    outside,
    priceYear: converted === undefined ? P : budgetYear,
    atBudgetPrices: converted !== undefined,
    factor,
    resultsPriceLevel: P,
    byActor: results.byActor.map((b) => linesOf(b, columns, factor)),
    byLevel,
    total: linesOf(results.total, columns, factor),
  };
}
