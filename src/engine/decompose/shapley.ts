/**
 * Exact Shapley values over a small set of players (factors), for a vector-valued game.
 *
 * φ_i = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! × (v(S ∪ {i}) − v(S))
 *
 * i.e. the average, over all n! orders in which the factors can be substituted one by one, of the change
 * that factor i causes when it is substituted. Computed exactly over all 2^n subsets (no sampling).
 * By construction Σ_i φ_i = v(N) − v(∅) (efficiency), up to floating-point rounding.
 *
 * Subsets are bit masks: bit i set = player i is "switched on" (takes the value of the target scenario).
 */

/** Thrown for a programmer error (a game of the wrong size, ragged values). */
export class ShapleyError extends Error {
  override readonly name = "ShapleyError";
}

/** Largest number of players accepted: 2^12 evaluations is still cheap; beyond that a caller is doing something odd. */
export const MAX_PLAYERS = 12;

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

/**
 * The Shapley weight of a coalition of size `s` in a game of `n` players: s! (n − s − 1)! / n!.
 * The weights of the coalitions not containing a given player sum to 1.
 *
 * @example shapleyWeight(0, 2) // 0.5
 */
export function shapleyWeight(s: number, n: number): number {
  return (factorial(s) * factorial(n - s - 1)) / factorial(n);
}

/** The value of every coalition plus the Shapley values, so callers can check and display both. */
export interface ShapleyResult {
  /** v(mask) for mask = 0 … 2^n − 1; each a vector of the same length. */
  readonly values: readonly (readonly number[])[];
  /** φ_i, one vector per player (same length as each value vector). */
  readonly shares: readonly (readonly number[])[];
}

/**
 * Evaluates `value` once per subset of `n` players and returns the exact Shapley values of every component.
 *
 * @example
 *   // v(S) = 10·[0 ∈ S] + 5·[1 ∈ S] + 2·[0 ∈ S ∧ 1 ∈ S]: the interaction 2 is split equally.
 *   shapley(2, (m) => [(m & 1 ? 10 : 0) + (m & 2 ? 5 : 0) + (m === 3 ? 2 : 0)]).shares // [[11], [6]]
 */
export function shapley(n: number, value: (mask: number) => readonly number[]): ShapleyResult {
  if (!Number.isInteger(n) || n < 1 || n > MAX_PLAYERS)
    throw new ShapleyError(`Player count must be 1–${MAX_PLAYERS}, got ${n}`);
  const count = 1 << n;
  const values: (readonly number[])[] = [];
  for (let mask = 0; mask < count; mask++) values.push(value(mask));
  const width = values[0]?.length ?? 0;
  if (values.some((v) => v.length !== width))
    throw new ShapleyError("Every coalition value must have the same length");
  const weights = Array.from({ length: n }, (_, s) => shapleyWeight(s, n));
  const sizeOf = (mask: number): number => {
    let s = 0;
    for (let m = mask; m !== 0; m &= m - 1) s++;
    return s;
  };
  const shares: number[][] = [];
  for (let i = 0; i < n; i++) {
    const bit = 1 << i;
    const phi = new Array<number>(width).fill(0);
    for (let mask = 0; mask < count; mask++) {
      if ((mask & bit) !== 0) continue;
      const w = weights[sizeOf(mask)] ?? 0;
      const without = values[mask] ?? [];
      const with_ = values[mask | bit] ?? [];
      for (let k = 0; k < width; k++) phi[k] = (phi[k] ?? 0) + w * ((with_[k] ?? 0) - (without[k] ?? 0));
    }
    shares.push(phi);
  }
  return { values, shares };
}
