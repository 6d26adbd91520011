/**
 * The simulation's random numbers (som-method.md §10): a seeded generator that uses only 32-bit integer
 * operations, so the same seed gives bit-identical numbers on every machine and JavaScript engine.
 *
 * Generator: **xoshiro128\*\*** (Blackman & Vigna, 2018; 128-bit state of four 32-bit words, period 2¹²⁸ − 1):
 *
 *   result = rotl(s1 × 5, 7) × 9          (× modulo 2³², `Math.imul`)
 *   t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11)
 *
 * Seeding [D]: the 32-bit seed S (0 … 2³² − 1) is expanded into the four state words by **SplitMix32**
 * (the 32-bit finaliser "lowbias32" of C. Wellons' hash-prospector): word i (i = 0…3) is
 *
 *   z = S + (i + 1) × 0x9E3779B9 (mod 2³²); z = (z ^ z >>> 16) × 0x21F0AAAD; z = (z ^ z >>> 15) × 0x735A2D97;
 *   word = z ^ z >>> 15
 *
 * (an all-zero state, which xoshiro cannot leave, is replaced by s0 = 1; no 32-bit seed produces it).
 *
 * Uniform numbers: u = next() / 2³², a multiple of 2⁻³² in [0, 1) — exact in a double, no rounding.
 * The draw order is fixed by the caller (simulate.ts): iteration by iteration, parameter by parameter.
 */

/** Rotate a 32-bit word left by k bits (result as an unsigned 32-bit integer). */
const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

const GOLDEN = 0x9e3779b9;

/** SplitMix32 word i of a seed (see the module comment). */
function splitMix32(seed: number, i: number): number {
  let z = (seed + Math.imul(i + 1, GOLDEN)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
  return (z ^ (z >>> 15)) >>> 0;
}

/** Thrown for a seed that is not a whole number 0 … 2³² − 1 (a programmer error: inputs are checked at the edge). */
export class SeedError extends Error {
  override readonly name = "SeedError";
}

/** The largest seed: 2³² − 1. */
export const MAX_SEED = 0xffffffff;

/** A xoshiro128** stream. Mutable state; create one per simulation. */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** @throws SeedError when `seed` is not an integer 0 … 2³² − 1. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new SeedError(`Bad seed ${seed}`);
    this.s0 = splitMix32(seed, 0);
    this.s1 = splitMix32(seed, 1);
    this.s2 = splitMix32(seed, 2);
    this.s3 = splitMix32(seed, 3);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /**
   * A stream started from an explicit state (four unsigned 32-bit words, not all zero) — for checking the
   * generator against the published reference sequence of state (1, 2, 3, 4).
   */
  static fromState(state: readonly [number, number, number, number]): Xoshiro128 {
    const g = new Xoshiro128(0);
    [g.s0, g.s1, g.s2, g.s3] = state.map((w) => w >>> 0) as [number, number, number, number];
    if ((g.s0 | g.s1 | g.s2 | g.s3) === 0) throw new SeedError("An all-zero xoshiro state");
    return g;
  }

  /** The next 32-bit output as an unsigned integer 0 … 2³² − 1. */
  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ s1) >>> 0;
    this.s1 = (s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform number in [0, 1): the next output divided by 2³² (exact). */
  nextUnit(): number {
    return this.nextUint32() / 4294967296;
  }
}
