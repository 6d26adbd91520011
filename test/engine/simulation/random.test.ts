/**
 * The generator and the two distributions, pinned to numbers from an independent implementation: the Python
 * script below (integer arithmetic for the generator; Python floats are IEEE doubles and `math.sqrt` is
 * correctly rounded, like JavaScript's). Its printed values are pasted into the expectations.
 *
 *   M = 0xFFFFFFFF
 *   def splitmix32(seed, i):
 *       z = (seed + (i + 1) * 0x9E3779B9) & M
 *       z = ((z ^ (z >> 16)) * 0x21F0AAAD) & M
 *       z = ((z ^ (z >> 15)) * 0x735A2D97) & M
 *       return (z ^ (z >> 15)) & M
 *   def rotl(x, k): return ((x << k) | (x >> (32 - k))) & M
 *   def from_state(s, n):
 *       s = list(s); out = []
 *       for _ in range(n):
 *           r = (rotl((s[1] * 5) & M, 7) * 9) & M
 *           t = (s[1] << 9) & M
 *           s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11)
 *           out.append(r)
 *       return out
 *   def stream(seed, n): return from_state([splitmix32(seed, i) for i in range(4)], n)
 *   def tri(a, c, b, u):
 *       if a == b: return a
 *       w = b - a
 *       if u < (c - a) / w: return a + math.sqrt(u * w * (c - a))
 *       return b - math.sqrt((1 - u) * w * (b - c))
 *   print(from_state([1, 2, 3, 4], 6)); print(stream(1, 6)); print(stream(0, 6)); print(stream(4294967295, 6))
 *   print([x / 2**32 for x in stream(1, 6)])
 *   print([tri(0.05, 0.1, 0.4, x / 2**32) for x in stream(7, 6)])
 *   print([-0.2 + (0.3 - -0.2) * (x / 2**32) for x in stream(7, 6)])
 *
 * The state (1, 2, 3, 4) sequence is also the published reference output of xoshiro128** (Vigna's C code).
 */
import { drawFrom, momentsOf, type Distribution } from "../../../src/engine/simulation/distributions";
import { MAX_SEED, SeedError, Xoshiro128 } from "../../../src/engine/simulation/random";

const take = (g: Xoshiro128, n: number, f: (g: Xoshiro128) => number): number[] =>
  Array.from({ length: n }, () => f(g));

describe("xoshiro128** seeded by SplitMix32", () => {
  it("gives the reference sequence from state (1, 2, 3, 4)", () => {
    expect(take(Xoshiro128.fromState([1, 2, 3, 4]), 6, (g) => g.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492,
    ]);
  });

  it("gives the independently computed first outputs for seeds 1, 0 and 2³² − 1", () => {
    expect(take(new Xoshiro128(1), 6, (g) => g.nextUint32())).toEqual([
      393288148, 2174103013, 3814759091, 2092745082, 1865176206, 2179171167,
    ]);
    expect(take(new Xoshiro128(0), 6, (g) => g.nextUint32())).toEqual([
      1789933344, 44971166, 2521387044, 3848737593, 1138324114, 749234105,
    ]);
    expect(take(new Xoshiro128(MAX_SEED), 6, (g) => g.nextUint32())).toEqual([
      4104197751, 1825856343, 1152209388, 2427537429, 3685145430, 609215610,
    ]);
  });

  it("divides by 2³² for uniform numbers in [0, 1), exactly", () => {
    expect(take(new Xoshiro128(1), 6, (g) => g.nextUnit())).toEqual([
      0.09156953264027834, 0.5061978038866073, 0.8881928145419806, 0.4872551844455302, 0.43427017657086253,
      0.5073778254445642,
    ]);
  });

  it("rejects a seed that is not a whole number 0 … 2³² − 1", () => {
    for (const bad of [-1, 1.5, 2 ** 32, Number.NaN]) expect(() => new Xoshiro128(bad)).toThrow(SeedError);
    expect(() => Xoshiro128.fromState([0, 0, 0, 0])).toThrow(SeedError);
  });
});

describe("inverse-CDF draws", () => {
  const tri: Distribution = { kind: "triangular", low: 0.05, mode: 0.1, high: 0.4 };
  const uni: Distribution = { kind: "uniform", low: -0.2, high: 0.3 };

  it("match the independent implementation bit for bit for the first draws of seed 7", () => {
    expect(take(new Xoshiro128(7), 6, (g) => drawFrom(tri, g.nextUnit()))).toEqual([
      0.0792859675149674, 0.10400007951888696, 0.31417801492694836, 0.3291037058858693, 0.1484246421327985,
      0.20540454454409904,
    ]);
    expect(take(new Xoshiro128(7), 6, (g) => drawFrom(uni, g.nextUnit()))).toEqual([
      -0.17549520304892213, -0.11721882345154883, 0.2649266041815281, 0.276065311813727,
      -0.0013817175524309389, 0.11967908912338315,
    ]);
  });

  it("put the ends and the mode where the CDF says", () => {
    expect(drawFrom(uni, 0)).toBe(-0.2);
    expect(drawFrom(uni, 0.5)).toBeCloseTo(0.05, 15);
    expect(drawFrom(tri, 0)).toBe(0.05);
    // F(mode) = (0.1 − 0.05) / 0.35 = 1/7: the draw at u = 1/7 is the mode.
    expect(drawFrom(tri, 1 / 7)).toBeCloseTo(0.1, 15);
    expect(drawFrom({ kind: "triangular", low: 0, mode: 0, high: 1 }, 0.75)).toBeCloseTo(
      1 - Math.sqrt(0.25),
      15,
    );
  });

  it("return Lav exactly for a degenerate distribution, whatever u is", () => {
    for (const u of [0, 0.3, 0.999]) {
      expect(Object.is(drawFrom({ kind: "uniform", low: 0.15, high: 0.15 }, u), 0.15)).toBe(true);
      expect(Object.is(drawFrom({ kind: "triangular", low: -0.1, mode: -0.1, high: -0.1 }, u), -0.1)).toBe(
        true,
      );
    }
  });

  it("have the closed-form mean and variance within sampling error (200.000 draws, seed 42)", () => {
    const n = 200_000;
    for (const d of [uni, tri, { kind: "triangular", low: 0, mode: 1, high: 1 } as Distribution]) {
      const g = new Xoshiro128(42);
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < n; i++) {
        const x = drawFrom(d, g.nextUnit());
        sum += x;
        sumSq += x * x;
      }
      const mean = sum / n;
      const variance = sumSq / n - mean * mean;
      const m = momentsOf(d);
      // Hand-checked closed forms: Uniform(−0,2; 0,3): mean 0,05, var 0,25/12; Trekant(0,05; 0,1; 0,4): mean
      // 0,55/3, var (0,0025 + 0,16 + 0,01 − 0,02 − 0,005 − 0,04)/18 = 0,1075/18.
      if (d === uni) {
        expect(m.mean).toBeCloseTo(0.05, 15);
        expect(m.variance).toBeCloseTo(0.25 / 12, 15);
      }
      if (d === tri) {
        expect(m.mean).toBeCloseTo(0.55 / 3, 15);
        expect(m.variance).toBeCloseTo(0.1075 / 18, 15);
      }
      // Four standard errors: mean ± 4·σ/√n; the variance estimate's error ≈ σ²·√(2/n) (generous for these shapes).
      expect(Math.abs(mean - m.mean)).toBeLessThan(4 * Math.sqrt(m.variance / n));
      expect(Math.abs(variance - m.variance)).toBeLessThan(4 * m.variance * Math.sqrt(2 / n));
    }
  });
});
