/**
 * Nearest-rank percentiles (som-method.md §10): the P-th percentile of n values sorted ascending is the value
 * at rank ⌈P × n / 100⌉ (1-based). No interpolation, so every percentile is one iteration's exact value;
 * in Excel: `=SMALL(range; ROUNDUP(P*COUNT(range)/100; 0))`.
 */

/** Thrown for a percentile outside 1–100 or an empty sample (programmer errors). */
export class PercentileError extends Error {
  override readonly name = "PercentileError";
}

/** The 1-based nearest rank of whole percent `p` (1–100) among n values: ⌈p·n/100⌉ (p·n is an exact integer). */
export function nearestRank(p: number, n: number): number {
  if (!Number.isInteger(p) || p < 1 || p > 100) throw new PercentileError(`Percentile ${p} is not 1–100`);
  if (!Number.isInteger(n) || n < 1) throw new PercentileError(`No values (n = ${n})`);
  return Math.ceil((p * n) / 100);
}

/**
 * The nearest-rank percentile of values already sorted ascending.
 * @example percentileOfSorted(Float64Array.of(1, 2, 3, 4), 50) // 2
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  return sorted[nearestRank(p, sorted.length) - 1] as number;
}

/**
 * Rearranges `a[lo..hi]` so that `a[k]` holds the value a full ascending sort would put there, with no larger
 * value before it and no smaller one after it (quickselect with a median-of-three pivot, Numerical Recipes'
 * `select`). Returns that value: the same order statistic as sorting, in linear expected time.
 */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  let l = lo;
  let ir = hi;
  const swap = (i: number, j: number): void => {
    const t = a[i] as number;
    a[i] = a[j] as number;
    a[j] = t;
  };
  for (;;) {
    if (ir <= l + 1) {
      if (ir === l + 1 && (a[ir] as number) < (a[l] as number)) swap(l, ir);
      return a[k] as number;
    }
    const mid = (l + ir) >>> 1;
    swap(mid, l + 1);
    if ((a[l] as number) > (a[ir] as number)) swap(l, ir);
    if ((a[l + 1] as number) > (a[ir] as number)) swap(l + 1, ir);
    if ((a[l] as number) > (a[l + 1] as number)) swap(l, l + 1);
    let i = l + 1;
    let j = ir;
    const pivot = a[l + 1] as number;
    for (;;) {
      do i++;
      while ((a[i] as number) < pivot);
      do j--;
      while ((a[j] as number) > pivot);
      if (j < i) break;
      swap(i, j);
    }
    a[l + 1] = a[j] as number;
    a[j] = pivot;
    if (j >= k) ir = j - 1;
    if (j <= k) l = i;
  }
}

/**
 * The nearest-rank P5, P50 and P95 of `values` (any order), using `scratch` (same length) as work space.
 * @example percentiles5_50_95(Float64Array.of(3, 1, 2), new Float64Array(3)) // [1, 2, 3]
 */
export function percentiles5_50_95(values: Float64Array, scratch: Float64Array): [number, number, number] {
  const n = values.length;
  scratch.set(values);
  const r5 = nearestRank(5, n) - 1;
  const r50 = nearestRank(50, n) - 1;
  const r95 = nearestRank(95, n) - 1;
  const p50 = selectInPlace(scratch, r50, 0, n - 1);
  const p5 = r5 === r50 ? p50 : selectInPlace(scratch, r5, 0, r50 - 1);
  const p95 = r95 === r50 ? p50 : selectInPlace(scratch, r95, r50 + 1, n - 1);
  return [p5, p50, p95];
}
