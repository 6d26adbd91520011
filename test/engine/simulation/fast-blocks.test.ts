import fc from "fast-check";
import { calculate } from "../../../src/engine/calculate";
import { applyParameter } from "../../../src/engine/sensitivity/parameters";
import { blockEvaluator, blockPlan } from "../../../src/engine/simulation/fast-blocks";
import { applyDraws, type UncertainInput } from "../../../src/engine/simulation/simulate";
import type { ResultBlock, Results } from "../../../src/engine/types";
import { validateScenario } from "../../../src/engine/validate";
import { arbRawScenario } from "../arbitraries";
import { aRandomScenario } from "../sensitivity/random-scenario";

/** The v2 model's shapes (duration, "during" lines, both horizon methods, Pr. forløb), either perspective. */
const aV2Scenario = fc.tuple(arbRawScenario, fc.boolean()).map(([raw, kommune]) => {
  // "Kun kommune" needs an actor of level Kommune.
  const only = kommune && raw.actors.some((a) => a.level === "Kommune");
  const v = validateScenario({
    ...raw,
    settings: { ...raw.settings, perspective: only ? "kommune" : "public" },
  });
  if (!v.ok) throw new Error(`invalid v2 scenario: ${v.issues.map((i) => i.code).join(", ")}`);
  return v.value;
});

const change = fc.integer({ min: -1000, max: 3000 }).map((k) => k / 1000);
const rate = fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000);
const uniform = { kind: "uniform", low: 0, high: 0 } as const; // the distribution is not used by applyDraws

/** Every parameter at once (the success rate of all effects, or of effect 0 only), in a random order. */
const aDrawSet = fc
  .record({ r: rate, q: change, c: change, p: change, n: change, one: fc.boolean() })
  .chain((d) =>
    fc
      .shuffledSubarray(
        [
          {
            input: { parameter: "successRate", ...(d.one ? { effect: 0 } : {}), distribution: uniform },
            x: d.r,
          },
          { input: { parameter: "consequences", distribution: uniform }, x: d.q },
          { input: { parameter: "costs", distribution: uniform }, x: d.c },
          { input: { parameter: "prices", distribution: uniform }, x: d.p },
          { input: { parameter: "participants", distribution: uniform }, x: d.n },
        ] as { input: UncertainInput; x: number }[],
        { minLength: 1 },
      )
      .map((xs) => ({ inputs: xs.map((x) => x.input), draws: xs.map((x) => x.x) })),
  );

function expectSameBlock(
  fast: ReturnType<ReturnType<typeof blockEvaluator>>[number],
  full: ResultBlock,
): void {
  expect(Object.is(fast.netTotal, full.netTotal)).toBe(true);
  expect(Object.is(fast.presentValue, full.presentValue)).toBe(true);
  expect(fast.breakEvenYear).toBe(full.breakEvenYear);
  expect(Array.from(fast.cumulative)).toEqual(full.cumulative);
  full.cumulative.forEach((x, t) => expect(Object.is(fast.cumulative[t], x)).toBe(true));
}

function expectAllBlocks(
  figures: ReturnType<ReturnType<typeof blockEvaluator>>,
  full: Results,
  plan: ReturnType<typeof blockPlan>,
): void {
  expect(plan.reported).toEqual(full.actorIndex);
  full.byActor.forEach((block, a) => expectSameBlock(figures[plan.actorBlock[a]!]!, block));
  for (const [level, block] of full.byLevel) expectSameBlock(figures[plan.levelBlock.get(level)!]!, block);
  expectSameBlock(figures[plan.totalBlock]!, full.total);
}

describe("blockEvaluator (the fast path with every parameter varying at once)", () => {
  it("equals calculate bit for bit in every block (cumulative, Σ NR, PV, break-even year), over a run of variants", () => {
    fc.assert(
      fc.property(
        fc.oneof(aRandomScenario, aV2Scenario),
        fc.array(aDrawSet, { minLength: 1, maxLength: 3 }),
        (base, sets) => {
          const plan = blockPlan(base);
          for (const { inputs, draws } of sets) {
            // One evaluator over several variants: the cached parts must stay right between calls.
            const ev = blockEvaluator(plan, base, inputs);
            const zeros = inputs.map((i) => (i.parameter === "successRate" ? 0.5 : 0));
            expectAllBlocks(ev(zeros), calculate(applyDraws(base, inputs, zeros)), plan);
            expectAllBlocks(ev(draws), calculate(applyDraws(base, inputs, draws)), plan);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("builds the variant of a single input exactly as the sensitivity parameter does", () => {
    fc.assert(
      fc.property(aRandomScenario, change, rate, (base, x, r) => {
        for (const p of ["consequences", "costs", "prices", "participants"] as const)
          expect(applyDraws(base, [{ parameter: p, distribution: uniform }], [x])).toEqual(
            applyParameter(base, p, x),
          );
        expect(applyDraws(base, [{ parameter: "successRate", distribution: uniform }], [r])).toEqual(
          applyParameter(base, "successRate", r),
        );
      }),
      { numRuns: 100 },
    );
  });

  it("sets the success rate of the one named effect only", () => {
    fc.assert(
      fc.property(aRandomScenario, rate, (base, r) => {
        const v = applyDraws(base, [{ parameter: "successRate", effect: 0, distribution: uniform }], [r]);
        expect(v.effects[0]!.successRate).toBe(r);
        v.effects.slice(1).forEach((e, i) => expect(e).toBe(base.effects[i + 1]));
      }),
      { numRuns: 50 },
    );
  });
});
