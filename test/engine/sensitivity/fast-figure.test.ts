import fc from "fast-check";
import { calculate } from "../../../src/engine/calculate";
import { selectFigure, twoWayGrid, type ResultSelector } from "../../../src/engine/sensitivity/analyses";
import { fastFigure } from "../../../src/engine/sensitivity/fast-figure";
import {
  applyParameter,
  SENSITIVITY_PARAMETERS,
  type SensitivityParameter,
} from "../../../src/engine/sensitivity/parameters";
import { LEVELS, type Scenario } from "../../../src/engine/types";
import { aRandomScenario } from "./random-scenario";

/** Every selector of a scenario: both measures × total, every level (with or without actors), every actor. */
function allSelectors(s: Scenario): ResultSelector[] {
  const scopes = [
    { kind: "total" } as const,
    ...LEVELS.map((level) => ({ kind: "level", level }) as const),
    ...s.actors.map((_, actor) => ({ kind: "actor", actor }) as const),
  ];
  return scopes.flatMap((scope) =>
    (["netTotal", "presentValue"] as const).map((measure) => ({ measure, scope })),
  );
}

/** A legal value of each parameter, drawn from its range in steps of 0,1 % (a share) or whole years. */
const valueOf = (p: SensitivityParameter): fc.Arbitrary<number> =>
  p === "successRate"
    ? fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000)
    : p === "horizon"
      ? fc.integer({ min: 1, max: 30 })
      : fc.integer({ min: -1000, max: 3000 }).map((k) => k / 1000);

const aVariant = fc
  .tuple(fc.constantFrom(...SENSITIVITY_PARAMETERS), fc.constantFrom(...SENSITIVITY_PARAMETERS))
  .chain(([p, q]) => fc.tuple(fc.constant(p), valueOf(p), fc.constant(q), valueOf(q)));

describe("fastFigure", () => {
  it("equals calculate bit for bit for every result of random scenarios and random two-parameter variants", () => {
    fc.assert(
      fc.property(aRandomScenario, aVariant, (base, [p, pv, q, qv]) => {
        const variant = applyParameter(applyParameter(base, p, pv), q, qv);
        const full = calculate(variant);
        for (const selector of allSelectors(variant)) {
          expect(Object.is(fastFigure(variant, selector), selectFigure(full, selector))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives 0 for a level that has no actors, as selectFigure does", () => {
    fc.assert(
      fc.property(aRandomScenario, (s) => {
        const empty = LEVELS.find((l) => !s.actors.some((a) => a.level === l));
        if (empty === undefined) return;
        expect(fastFigure(s, { measure: "netTotal", scope: { kind: "level", level: empty } })).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it("gives grid cells equal bit for bit to calculate on every variant, whatever parameters are on the axes", () => {
    const anAxisPair = fc
      .tuple(fc.constantFrom(...SENSITIVITY_PARAMETERS), fc.constantFrom(...SENSITIVITY_PARAMETERS))
      .filter(([p, q]) => p !== q)
      .chain(([p, q]) =>
        fc.tuple(
          fc.constant(p),
          fc.array(valueOf(p), { minLength: 1, maxLength: 4 }),
          fc.constant(q),
          fc.array(valueOf(q), { minLength: 1, maxLength: 4 }),
        ),
      );
    fc.assert(
      fc.property(aRandomScenario, anAxisPair, fc.nat(), (base, [xp, xs, yp, ys], pick) => {
        const selectors = allSelectors(base);
        const selector = selectors[pick % selectors.length] as ResultSelector;
        const g = twoWayGrid(base, { parameter: xp, values: xs }, { parameter: yp, values: ys }, selector);
        ys.forEach((yv, i) =>
          xs.forEach((xv, j) => {
            const direct = selectFigure(
              calculate(applyParameter(applyParameter(base, yp, yv), xp, xv)),
              selector,
            );
            expect(Object.is(g.cells[i]?.[j], direct)).toBe(true);
          }),
        );
      }),
      { numRuns: 200 },
    );
  });
});
