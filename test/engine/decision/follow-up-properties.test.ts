/**
 * Properties of the follow-up (som-method.md §11) over random v2 scenarios (per cohort and calendar years,
 * v = 1–3, during lines, every cost kind, price years that need the index) and random realised figures:
 * - the three contributions of every figure (NR per year, Σ NR, PV; every actor, level and the total) sum to
 *   the difference updated − forecast;
 * - realised figures equal to the forecast's (starters, rates, each actor's total cost at P) change nothing;
 * - a realised success rate for start year s changes nothing before year s, and only the success rates'
 *   contribution is non-zero.
 */
import fc from "fast-check";
import { calculate } from "../../../src/engine/calculate";
import { followUp, validateRealised, type RawRealisedRow } from "../../../src/engine/decision/follow-up";
import { calcYearCount } from "../../../src/engine/time";
import type { RawScenario, Scenario } from "../../../src/engine/types";
import { validateScenario } from "../../../src/engine/validate";
import { arbRawScenario } from "../arbitraries";

function valid(raw: RawScenario): Scenario {
  const v = validateScenario(raw);
  if (!v.ok) throw new Error(`invalid: ${v.issues.map((i) => i.code).join(", ")}`);
  return v.value;
}

const close = (a: number, b: number, scale: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b), scale);

/** A scenario and realised rows for some of its years (costs typed at P or at an index year). */
const arbCase = arbRawScenario.chain((raw) => {
  const s = valid(raw);
  const T = calcYearCount(s.settings);
  const D = s.settings.operatingPeriod;
  const row = (t: number): fc.Arbitrary<RawRealisedRow> =>
    fc.record({
      calcYear: fc.constant(t),
      participants:
        t <= D
          ? fc.option(
              fc.integer({ min: 0, max: 20_000 }).map((x) => x / 100),
              { nil: undefined },
            )
          : fc.constant(undefined),
      successRates: fc.tuple(
        ...s.effects.map(() =>
          t <= D
            ? fc.option(
                fc.integer({ min: 0, max: 10_000 }).map((x) => x / 10_000),
                { nil: undefined },
              )
            : fc.constant(undefined),
        ),
      ),
      costsKr: fc.tuple(
        ...s.actors.map(() =>
          fc.option(
            fc.integer({ min: -1_000_000, max: 100_000_000 }).map((x) => x / 100),
            { nil: undefined },
          ),
        ),
      ),
      priceYear: fc.option(fc.integer({ min: 2014, max: 2033 }), { nil: undefined }),
    });
  return fc
    .subarray(
      Array.from({ length: T }, (_, i) => i + 1),
      { maxLength: Math.min(4, T) },
    )
    .chain((years) => fc.tuple(fc.constant(s), fc.tuple(...years.map(row))));
});

describe("follow-up properties", () => {
  it("the contributions sum to the difference for every figure", () => {
    fc.assert(
      fc.property(arbCase, ([s, rows]) => {
        const v = validateRealised(rows, s);
        if (!v.ok) throw new Error(v.issues.map((i) => i.code).join(", "));
        const f = followUp(s, v.value);
        for (const scope of f.scopes) {
          const gross =
            scope.forecast.costs.reduce((a, c) => a + Math.abs(c), 0) +
            scope.updated.costs.reduce((a, c) => a + Math.abs(c), 0) +
            scope.forecast.consequences.reduce((a, c) => a + Math.abs(c), 0) +
            scope.updated.consequences.reduce((a, c) => a + Math.abs(c), 0);
          for (const fig of [scope.netTotal, scope.presentValue, ...scope.netByYear]) {
            const c = fig.contributions;
            if (!close(c.participants + c.successRates + c.costs, fig.difference, gross)) return false;
          }
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it("realised figures equal to the forecast change nothing", () => {
    fc.assert(
      fc.property(arbRawScenario, fc.array(fc.nat(), { maxLength: 4 }), (raw, picks) => {
        const s = valid(raw);
        const r = calculate(s);
        const T = r.years.length;
        const D = s.settings.operatingPeriod;
        // each actor's total cost at P, by actor index (reported or not)
        const all = calculate({ ...s, settings: { ...s.settings, perspective: "public" } });
        const years = [...new Set(picks.map((p) => (p % T) + 1))];
        const rows: RawRealisedRow[] = years.map((t) => ({
          calcYear: t,
          participants: t <= D ? (s.participants[t - 1] ?? 0) : undefined,
          successRates: s.effects.map((e) => (t <= D ? e.successRate : undefined)),
          costsKr: s.actors.map((_, a) => all.byActor[a]?.costs[t - 1] ?? 0),
        }));
        const v = validateRealised(rows, s);
        if (!v.ok) throw new Error(v.issues.map((i) => i.code).join(", "));
        const u = calculate(followUp(s, v.value).updatedScenario);
        return r.byActor.every((b, a) =>
          b.net.every((x, t) => close(x, u.byActor[a]?.net[t] ?? NaN, Math.abs(b.costs[t] ?? 0))),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("a realised success rate for start year s touches nothing before year s and only the rates' part", () => {
    fc.assert(
      fc.property(
        arbRawScenario,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 10_000 }),
        (raw, pickYear, pickEffect, rate) => {
          const s = valid(raw);
          const D = s.settings.operatingPeriod;
          const t = (pickYear % D) + 1;
          const e = pickEffect % s.effects.length;
          const rows: RawRealisedRow[] = [
            {
              calcYear: t,
              successRates: s.effects.map((_, k) => (k === e ? rate / 10_000 : undefined)),
              costsKr: s.actors.map(() => undefined),
            },
          ];
          const v = validateRealised(rows, s);
          if (!v.ok) throw new Error(v.issues.map((i) => i.code).join(", "));
          const f = followUp(s, v.value);
          return f.scopes.every(
            (scope) =>
              scope.netByYear.slice(0, t - 1).every((y) => y.difference === 0) &&
              scope.netTotal.contributions.participants === 0 &&
              scope.netTotal.contributions.costs === 0,
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
