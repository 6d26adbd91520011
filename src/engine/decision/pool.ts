/**
 * Investment pool (som-method.md §11, [D]): an internal pool for social investments (as in Ikast-Brande) pays
 * the costs of the actors of level Kommune as they fall, and the kommune pays back the share α of its
 * consequences each year:
 *
 *   balance_t = balance_{t−1} + C_Kommune,t − α × V_Kommune,t,   balance_0 = 0,   t = 1..T
 *
 * A positive balance is money the pool has out. Reported: the balance per year, the pool money needed (the
 * largest balance, at least 0), the first calendar year from which the balance stays ≤ 0 through T
 * ("repaid"), or — when it never does — the balance left at T. Amounts in kroner at the results' price level P.
 *
 * Pure: a function of `Results` and α.
 */
import { RELATIVE_ZERO } from "../key-figures";
import type { CalendarYear, Results } from "../types";

/** Default share α of the kommune's consequences paid back to the pool: 100 %. */
export const DEFAULT_POOL_SHARE = 1;

export interface InvestmentPool {
  /** α, a share 0–1. */
  readonly share: number;
  /** Calendar years 1..T. */
  readonly years: readonly CalendarYear[];
  /** Paid out by the pool in year t: C_Kommune,t (kr.). */
  readonly paidOut: readonly number[];
  /** Paid back to the pool in year t: α × V_Kommune,t (kr.). */
  readonly paidBack: readonly number[];
  /** balance_t after year t (kr.; positive = money the pool has out). */
  readonly balance: readonly number[];
  /** The pool money needed: max(0, max_t balance_t) (kr.). */
  readonly moneyNeeded: number;
  /** The calendar year in which the balance first reaches its largest value (null when nothing is needed). */
  readonly peakYear: CalendarYear | null;
  /** First calendar year from which balance_t ≤ 0 through T; null = not repaid within the horizon. */
  readonly repaidYear: CalendarYear | null;
  /** balance_T (kr.): what is left to repay at the horizon when `repaidYear` is null. */
  readonly balanceAtEnd: number;
  /** False when the scenario has no actor of level Kommune (every figure is then 0). */
  readonly hasKommune: boolean;
}

/**
 * The investment pool for share `share` (α as a share 0–1) of the kommune's consequences.
 *
 * @example
 *   // C_K = [100, 0, 0], V_K = [0, 60, 60], α = 1 → balance [100, 40, −20], needed 100, repaid in year 3
 *   investmentPool(results, 1).repaidYear // startYear + 2
 */
export function investmentPool(results: Results, share: number): InvestmentPool {
  const kommune = results.byLevel.get("Kommune");
  const T = results.years.length;
  const paidOut: number[] = [];
  const paidBack: number[] = [];
  const balance: number[] = [];
  let b = 0;
  let scale = 0;
  let moneyNeeded = 0;
  let peak: number | null = null;
  for (let t = 0; t < T; t++) {
    const c = kommune?.costs[t] ?? 0;
    const back = share * (kommune?.consequences[t] ?? 0);
    b = b + c - back;
    paidOut.push(c);
    paidBack.push(back);
    balance.push(b);
    scale += Math.abs(c) + Math.abs(back);
    if (b > moneyNeeded) {
      moneyNeeded = b;
      peak = t;
    }
  }
  // "≤ 0" with the tolerance of the break-even year: a residue of float additions must not move the year.
  const tolerance = RELATIVE_ZERO * scale;
  let first: number | null = null;
  for (let t = T - 1; t >= 0; t--) {
    if ((balance[t] ?? 0) <= tolerance) first = t;
    else break;
  }
  const startYear = results.years[0] ?? 0;
  return {
    share,
    years: results.years,
    paidOut,
    paidBack,
    balance,
    moneyNeeded,
    peakYear: peak === null ? null : startYear + peak,
    repaidYear: first === null ? null : startYear + first,
    balanceAtEnd: balance[T - 1] ?? 0,
    hasKommune: kommune !== undefined,
  };
}
