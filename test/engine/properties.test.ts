/**
 * Property tests (fast-check) of the SØM calculation over random valid scenarios (som-method.md §3–6).
 */
import fc from "fast-check";
import { calculate } from "../../src/engine/calculate";
import type { ResultBlock, Results, Scenario } from "../../src/engine/types";
import { calcYearCount } from "../../src/engine/time";
import { LEVELS } from "../../src/engine/types";
import { validateScenario } from "../../src/engine/validate";
import { arbRawScenario } from "./arbitraries";

const arbScenario: fc.Arbitrary<Scenario> = arbRawScenario.map((raw) => {
  const v = validateScenario(raw);
  if (!v.ok)
    throw new Error(`generator produced an invalid scenario: ${v.issues.map((i) => i.code).join(", ")}`);
  return v.value;
});

/** |a − b| within 1e-9 of the scale of the numbers involved. */
function close(a: number, b: number, scale = Math.max(1, Math.abs(a), Math.abs(b))): boolean {
  return Math.abs(a - b) <= 1e-9 * scale;
}
function closeArrays(a: readonly number[], b: readonly number[], scale: number): boolean {
  return a.length === b.length && a.every((x, i) => close(x, b[i] ?? NaN, scale));
}
/** Scale of a result set: the largest absolute yearly amount anywhere. */
function scaleOf(r: Results): number {
  const all = r.byActor.flatMap((b) => [...b.costs, ...b.consequences, b.costTotal, b.consequenceTotal]);
  return Math.max(1, ...all.map(Math.abs));
}
const addArrays = (
  blocks: readonly ResultBlock[],
  pick: (b: ResultBlock) => readonly number[],
  H: number,
): number[] => Array.from({ length: H }, (_, t) => blocks.reduce((s, b) => s + (pick(b)[t] ?? 0), 0));

const RUNS = { numRuns: 150 };

describe("properties of the calculation", () => {
  it("the sum over actors equals the total, year by year and over the horizon", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = calculate(s);
        const H = calcYearCount(s.settings);
        const scale = scaleOf(r) * s.actors.length;
        return (
          closeArrays(
            addArrays(r.byActor, (b) => b.costs, H),
            r.total.costs,
            scale,
          ) &&
          closeArrays(
            addArrays(r.byActor, (b) => b.consequences, H),
            r.total.consequences,
            scale,
          ) &&
          closeArrays(
            addArrays(r.byActor, (b) => b.net, H),
            r.total.net,
            scale,
          ) &&
          close(
            r.byActor.reduce((x, b) => x + b.presentValue, 0),
            r.total.presentValue,
            scale * H,
          ) &&
          close(
            r.byActor.reduce((x, b) => x + b.beyondHorizon, 0),
            r.beyondHorizon,
            Math.max(scale, Math.abs(r.beyondHorizon)) * 20,
          )
        );
      }),
      RUNS,
    );
  });

  it("the sum over a level's actors equals the level", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = calculate(s);
        const scale = scaleOf(r) * s.actors.length * calcYearCount(s.settings);
        return LEVELS.every((level) => {
          const members = r.byActor.filter((_, a) => s.actors[a]?.level === level);
          const block = r.byLevel.get(level);
          if (members.length === 0) return block === undefined;
          return (
            block !== undefined &&
            close(
              members.reduce((x, b) => x + b.netTotal, 0),
              block.netTotal,
              scale,
            ) &&
            close(
              members.reduce((x, b) => x + b.costTotal, 0),
              block.costTotal,
              scale,
            )
          );
        });
      }),
      RUNS,
    );
  });

  it("a zero success rate gives zero consequences (and nothing beyond the horizon)", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = calculate({ ...s, effects: s.effects.map((e) => ({ ...e, successRate: 0 })) });
        return r.total.consequences.every((v) => v === 0) && r.beyondHorizon === 0;
      }),
      RUNS,
    );
  });

  it("doubling all prices doubles the consequences and leaves costs unchanged", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const doubled = {
          ...s,
          prices: s.prices.map((p) => ({ ...p, priceKrByActor: p.priceKrByActor.map((x) => 2 * x) })),
        };
        const a = calculate(s);
        const b = calculate(doubled);
        const scale = scaleOf(b) * calcYearCount(s.settings);
        return (
          closeArrays(
            b.total.consequences,
            a.total.consequences.map((v) => 2 * v),
            scale,
          ) && closeArrays(b.total.costs, a.total.costs, scale)
        );
      }),
      RUNS,
    );
  });

  it("with discount rate 0 the present value equals the undiscounted total", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = calculate({ ...s, settings: { ...s.settings, discountRate: 0 } });
        const scale = scaleOf(r) * calcYearCount(s.settings);
        return [r.total, ...r.byActor].every((b) => close(b.presentValue, b.netTotal, scale));
      }),
      RUNS,
    );
  });

  it("costs scale linearly with the amounts", () => {
    fc.assert(
      fc.property(arbScenario, fc.double({ min: 0, max: 10, noNaN: true }), (s, k) => {
        const a = calculate(s);
        const b = calculate({ ...s, costs: s.costs.map((c) => ({ ...c, amountKr: c.amountKr * k })) });
        const scale = Math.max(1, k) * scaleOf(a) * calcYearCount(s.settings);
        return b.byActor.every((block, i) =>
          closeArrays(
            block.costs,
            (a.byActor[i]?.costs ?? []).map((c) => c * k),
            scale,
          ),
        );
      }),
      RUNS,
    );
  });

  it("the break-even success factor, applied to every rate, gives Σ NR = 0 within rounding", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = calculate(s);
        const f = r.total.breakEvenSuccessFactor;
        if (f === null)
          return (r.total.consequenceTotal <= 0 && r.total.costTotal > 0) || r.total.consequenceTotal < 0;
        const scaled = calculate({
          ...s,
          effects: s.effects.map((e) => ({ ...e, successRate: e.successRate * f })),
        });
        const scale = (r.total.costTotal + Math.abs(r.total.consequenceTotal)) * (1 + f);
        // f* = ΣC/ΣV hits zero exactly; f* = 0 (ΣC ≤ 0) leaves Σ NR = −ΣC ≥ 0.
        if (f === 0) return scaled.total.netTotal >= -1e-9 * Math.max(1, scale);
        return close(scaled.total.netTotal, 0, Math.max(1, scale));
      }),
      RUNS,
    );
  });

  it("is deterministic: the same inputs give identical outputs", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        expect(calculate(s)).toEqual(calculate(s));
      }),
      { numRuns: 30 },
    );
  });

  it("never produces NaN or Infinity", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = calculate(s);
        return [r.total, ...r.byActor, ...r.byLevel.values()].every(
          (b) =>
            [
              ...b.costs,
              ...b.consequences,
              ...b.net,
              ...b.cumulative,
              b.presentValue,
              b.netTotal,
              b.beyondHorizon,
            ].every(Number.isFinite) &&
            [b.returnPerKrone, b.breakEvenSuccessFactor, b.netPerCompleter].every(
              (x) => x === null || Number.isFinite(x),
            ),
        );
      }),
      RUNS,
    );
  });
});
