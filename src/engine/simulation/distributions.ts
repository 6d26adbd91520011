/**
 * The two distributions of som-method.md §10, drawn by inverse CDF with `+ − × ÷` and `sqrt` only (IEEE 754
 * guarantees correctly rounded results for exactly these operations, so every engine gives the same bits).
 *
 * - `Uniform` (Lav a, Høj b): x = a + (b − a) × u.
 * - `Trekant` (triangular: Lav a, Mest sandsynlig c, Høj b), F_c = (c − a) / (b − a):
 *   x = a + sqrt(u × (b − a) × (c − a)) when u < F_c, else x = b − sqrt((1 − u) × (b − a) × (b − c)).
 * A degenerate distribution (a = b) gives exactly a, whatever u is.
 */

export type Distribution =
  | { readonly kind: "uniform"; readonly low: number; readonly high: number }
  | { readonly kind: "triangular"; readonly low: number; readonly mode: number; readonly high: number };

/**
 * The value of `d` at cumulative probability u ∈ [0, 1) (the inverse CDF).
 * @example drawFrom({ kind: "uniform", low: 10, high: 30 }, 0.5) // 20
 */
export function drawFrom(d: Distribution, u: number): number {
  const a = d.low;
  const b = d.high;
  if (a === b) return a;
  if (d.kind === "uniform") return a + (b - a) * u;
  const c = d.mode;
  const width = b - a;
  if (u < (c - a) / width) return a + Math.sqrt(u * width * (c - a));
  return b - Math.sqrt((1 - u) * width * (b - c));
}

/** Closed-form mean and variance of a distribution (shown next to the settings, and checked by tests). */
export function momentsOf(d: Distribution): { readonly mean: number; readonly variance: number } {
  const a = d.low;
  const b = d.high;
  if (d.kind === "uniform") return { mean: (a + b) / 2, variance: ((b - a) * (b - a)) / 12 };
  const c = d.mode;
  return { mean: (a + b + c) / 3, variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18 };
}
