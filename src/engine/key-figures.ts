/**
 * Key figures (nøgletal) of som-method.md §6 [D], for one actor, one level or the total.
 * Undefined figures are `null` with a reason, never NaN or Infinity.
 */
import type { CalendarYear, UndefinedReason } from "./types";

/**
 * Tolerance for "≥ 0" on cumulative sums, relative to the scale of the block: floating-point addition of
 * amounts that are exactly zero in arithmetic may leave a residue of ~1e-10 kr.; such a residue must not
 * move the break-even year. 1e-9 × (Σ|C_t| + Σ|V_t|) is far below a krone for any real scenario.
 */
export const RELATIVE_ZERO = 1e-9;

/**
 * Net present value PV = Σ_t NR_t / (1 + ρ)^(t − 1): year 1 undiscounted [D].
 * @example presentValue([100, 100], 0.05) // 100 + 100/1.05
 */
export function presentValue(net: readonly number[], discountRate: number): number {
  let pv = 0;
  let factor = 1;
  for (const nr of net) {
    pv += nr / factor;
    factor *= 1 + discountRate;
  }
  return pv;
}

/** CNR_T = Σ_{t ≤ T} NR_t. */
export function cumulativeSum(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}

/**
 * Break-even year (tilbagebetalingsår): the first calendar year T such that CNR_T ≥ 0 and CNR stays ≥ 0
 * through year H; null when there is none ("not within the horizon").
 * @example breakEvenYear([-5, -1, 2, 3], 2025, 0) // 2027
 */
export function breakEvenYear(
  cumulative: ArrayLike<number>,
  startYear: CalendarYear,
  tolerance: number,
): CalendarYear | null {
  let first: number | null = null;
  for (let i = cumulative.length - 1; i >= 0; i--) {
    if ((cumulative[i] ?? 0) >= -tolerance) first = i;
    else break;
  }
  return first === null ? null : startYear + first;
}

/** A quotient, or null when it is not a finite number (a divisor so small that the quotient overflows). */
const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Return per krone Σ V / Σ C; undefined when Σ C ≤ 0. */
export function returnPerKrone(consequenceTotal: number, costTotal: number): number | null {
  return costTotal > 0 ? finiteOrNull(consequenceTotal / costTotal) : null;
}

/**
 * Break-even success factor f*: scaling every r_e by f gives Σ NR(f) = f·ΣV − ΣC (linear in f); f* is the
 * smallest f ≥ 0 from which Σ NR ≥ 0: max(0, ΣC/ΣV) when ΣV > 0; 0 when ΣV = 0 and ΣC ≤ 0; otherwise null.
 * @example breakEvenSuccessFactor(250_000, 200_000) // 0.8
 */
export function breakEvenSuccessFactor(consequenceTotal: number, costTotal: number): number | null {
  if (consequenceTotal > 0) return finiteOrNull(Math.max(0, costTotal / consequenceTotal));
  if (consequenceTotal === 0 && costTotal <= 0) return 0;
  return null;
}

/** Net result per completer Σ NR / Σ N; undefined without completers. */
export function netPerCompleter(netTotal: number, completers: number): number | null {
  return completers > 0 ? finiteOrNull(netTotal / completers) : null;
}

export type KeyFigureName = "breakEvenYear" | "returnPerKrone" | "breakEvenSuccessFactor" | "netPerCompleter";

/** The reason each key figure is undefined (som-method.md §6). */
export const UNDEFINED_REASON: Readonly<Record<KeyFigureName, UndefinedReason>> = {
  breakEvenYear: "not-within-horizon",
  returnPerKrone: "no-costs",
  breakEvenSuccessFactor: "cannot-break-even",
  netPerCompleter: "no-participants",
};
