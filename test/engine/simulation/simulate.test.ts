import { calculate } from "../../../src/engine/calculate";
import { drawFrom } from "../../../src/engine/simulation/distributions";
import { nearestRank } from "../../../src/engine/simulation/percentiles";
import { Xoshiro128 } from "../../../src/engine/simulation/random";
import {
  applyDraws,
  simulate,
  Simulation,
  SimulationNotFinishedError,
  type SimulationSettings,
  type SimulationSummary,
} from "../../../src/engine/simulation/simulate";
import type { ResultBlock, Results } from "../../../src/engine/types";
import { baseCase } from "../sensitivity/base-case";

const base = baseCase();

const settings: SimulationSettings = {
  seed: 2026,
  iterations: 301,
  inputs: [
    { parameter: "successRate", distribution: { kind: "triangular", low: 0.05, mode: 0.2, high: 0.35 } },
    { parameter: "consequences", distribution: { kind: "uniform", low: -0.3, high: 0.2 } },
    { parameter: "costs", distribution: { kind: "triangular", low: -0.1, mode: 0, high: 0.5 } },
    { parameter: "prices", distribution: { kind: "uniform", low: -0.05, high: 0.05 } },
    { parameter: "participants", distribution: { kind: "uniform", low: -0.2, high: 0.2 } },
  ],
};

/** The reference route: draws from a fresh generator, every iteration through the full `calculate`. */
function referenceRuns(s: SimulationSettings): { draws: number[][]; results: Results[] } {
  const g = new Xoshiro128(s.seed);
  const draws: number[][] = [];
  const results: Results[] = [];
  for (let i = 0; i < s.iterations; i++) {
    const row = s.inputs.map((input) => drawFrom(input.distribution, g.nextUnit()));
    draws.push(row);
    results.push(calculate(applyDraws(base, s.inputs, row)));
  }
  return { draws, results };
}

const sortedNearest = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[nearestRank(p, xs.length) - 1] as number;

function expectSummary(
  summary: SimulationSummary,
  blocks: ResultBlock[],
  startYear: number,
  T: number,
): void {
  const n = blocks.length;
  const net = blocks.map((b) => b.netTotal);
  const pv = blocks.map((b) => b.presentValue);
  for (const p of [5, 50, 95] as const) {
    expect(summary.netTotal[`p${p}`]).toBe(sortedNearest(net, p));
    expect(summary.presentValue[`p${p}`]).toBe(sortedNearest(pv, p));
  }
  const mean = net.reduce((a, b) => a + b, 0) / n;
  expect(summary.netTotal.mean).toBeCloseTo(mean, 6);
  // P(Σ NR > 0) is a direct count of the iterations.
  expect(summary.probabilityPositive).toBe(net.filter((x) => x > 0).length / n);
  const years = new Map<number | null, number>();
  for (const b of blocks) years.set(b.breakEvenYear, (years.get(b.breakEvenYear) ?? 0) + 1);
  expect(summary.breakEvenYears.map((y) => [y.year, y.share])).toEqual(
    [...years.keys()]
      .filter((y) => y !== null)
      .sort((a, b) => (a as number) - (b as number))
      .map((y): [number | null, number] => [y, years.get(y)! / n])
      .concat([[null, (years.get(null) ?? 0) / n]]),
  );
  for (let t = 0; t < T; t++) {
    const cum = blocks.map((b) => b.cumulative[t] as number);
    expect(summary.cumulative.p5[t]).toBe(sortedNearest(cum, 5));
    expect(summary.cumulative.p50[t]).toBe(sortedNearest(cum, 50));
    expect(summary.cumulative.p95[t]).toBe(sortedNearest(cum, 95));
  }
  expect(startYear).toBe(2025);
}

describe("simulate", () => {
  const result = simulate(base, settings);
  const ref = referenceRuns(settings);

  it("draws input by input, iteration by iteration, from one stream of the seed", () => {
    settings.inputs.forEach((_, k) =>
      expect(Array.from(result.draws[k]!)).toEqual(ref.draws.map((row) => row[k])),
    );
  });

  it("without keepDraws keeps no draws and gives the same figures, bit for bit", () => {
    const lean = simulate(base, settings, { keepDraws: false });
    expect(lean.draws).toEqual([]);
    expect(lean.total).toEqual(result.total);
    expect(lean.byActor).toEqual(result.byActor);
    lean.netByActor.forEach((xs, a) =>
      xs.forEach((x, i) => expect(Object.is(x, result.netByActor[a]![i])).toBe(true)),
    );
  });

  it("recomputes every iteration exactly: Σ NR per actor equals calculate on the drawn inputs, bit for bit", () => {
    base.actors.forEach((_, a) =>
      ref.results.forEach((r, i) =>
        expect(Object.is(result.netByActor[a]![i], r.byActor[a]!.netTotal)).toBe(true),
      ),
    );
  });

  it("summarises per actor, level and total: nearest-rank percentiles, P(Σ NR > 0), break-even years, fan chart", () => {
    const T = base.settings.horizon;
    base.actors.forEach((_, a) =>
      expectSummary(
        result.byActor[a]!,
        ref.results.map((r) => r.byActor[a]!),
        2025,
        T,
      ),
    );
    expect([...result.byLevel.keys()]).toEqual([...ref.results[0]!.byLevel.keys()]);
    for (const level of result.byLevel.keys())
      expectSummary(
        result.byLevel.get(level)!,
        ref.results.map((r) => r.byLevel.get(level)!),
        2025,
        T,
      );
    expectSummary(
      result.total,
      ref.results.map((r) => r.total),
      2025,
      T,
    );
    // The inputs were chosen so that the total's sign is genuinely uncertain (a 0 % or 100 % share would
    // make the count check weak).
    expect(result.total.probabilityPositive).toBeGreaterThan(0);
    expect(result.total.probabilityPositive).toBeLessThan(1);
  });

  it("gives the same numbers whether run at once or in steps", () => {
    const sim = new Simulation(base, settings);
    expect(() => sim.result()).toThrow(SimulationNotFinishedError);
    while (!sim.finished) sim.step(37);
    expect(sim.result()).toEqual(result);
  });

  it("reproduces the base case exactly when every distribution is degenerate (Lav = Høj at the base value)", () => {
    const r = simulate(base, {
      seed: 5,
      iterations: 97,
      inputs: [
        { parameter: "successRate", distribution: { kind: "uniform", low: 0.2, high: 0.2 } },
        { parameter: "consequences", distribution: { kind: "triangular", low: 0, mode: 0, high: 0 } },
        { parameter: "costs", distribution: { kind: "uniform", low: 0, high: 0 } },
      ],
    });
    const full = calculate(base);
    const check = (s: SimulationSummary, b: ResultBlock): void => {
      for (const stat of [s.netTotal, s.presentValue]) expect(new Set(Object.values(stat)).size).toBe(1);
      expect(Object.is(s.netTotal.mean, b.netTotal)).toBe(true);
      expect(Object.is(s.netTotal.p50, b.netTotal)).toBe(true);
      expect(Object.is(s.presentValue.p5, b.presentValue)).toBe(true);
      expect(s.probabilityPositive).toBe(b.netTotal > 0 ? 1 : 0);
      expect(s.breakEvenYears).toEqual(
        b.breakEvenYear === null
          ? [{ year: null, share: 1 }]
          : [
              { year: b.breakEvenYear, share: 1 },
              { year: null, share: 0 },
            ],
      );
      expect(s.cumulative.p5).toEqual(b.cumulative);
      expect(s.cumulative.p95).toEqual(b.cumulative);
    };
    full.byActor.forEach((b, a) => check(r.byActor[a]!, b));
    check(r.total, full.total);
    // The hand-calculated base case: Σ NR total 3 100, kommune −1 600.
    expect(r.total.netTotal.p50).toBe(3100);
    expect(r.byActor[0]!.netTotal.p95).toBe(-1600);
  });

  it("gives identical results for the same seed and different ones for another seed", () => {
    expect(simulate(base, settings)).toEqual(result);
    expect(simulate(base, { ...settings, seed: 2027 }).total.netTotal.mean).not.toBe(
      result.total.netTotal.mean,
    );
  });
});
