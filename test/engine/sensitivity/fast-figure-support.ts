/**
 * Shared by the fast-path properties (fast-figure.test.ts on v1 scenarios, v2-fast-figure.test.ts on v2
 * ones): the selectors of a result, the parameter values and variants drawn, and the grid check against
 * `calculate`.
 */
import fc from "fast-check";
import { calculate } from "../../../src/engine/calculate";
import { selectFigure, twoWayGrid, type ResultSelector } from "../../../src/engine/sensitivity/analyses";
import {
  applyParameter,
  SENSITIVITY_PARAMETERS,
  type SensitivityParameter,
} from "../../../src/engine/sensitivity/parameters";
import { LEVELS, type Scenario } from "../../../src/engine/types";

/** Both measures × total, every level (with or without actors), and every actor index below `actors`. */
export function allSelectors(actors: number): ResultSelector[] {
  const scopes = [
    { kind: "total" } as const,
    ...LEVELS.map((level) => ({ kind: "level", level }) as const),
    ...Array.from({ length: actors }, (_, actor) => ({ kind: "actor", actor }) as const),
  ];
  return scopes.flatMap((scope) =>
    (["netTotal", "presentValue"] as const).map((measure) => ({ measure, scope })),
  );
}

/** A legal value of each parameter, drawn from its range in steps of 0,1 % (a share) or whole years. */
export const valueOf = (p: SensitivityParameter): fc.Arbitrary<number> =>
  p === "successRate"
    ? fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000)
    : p === "horizon"
      ? fc.integer({ min: 1, max: 30 })
      : fc.integer({ min: -1000, max: 3000 }).map((k) => k / 1000);

/** Two parameters (possibly the same) with a value each. */
export const aVariant = fc
  .tuple(fc.constantFrom(...SENSITIVITY_PARAMETERS), fc.constantFrom(...SENSITIVITY_PARAMETERS))
  .chain(([p, q]) => fc.tuple(fc.constant(p), valueOf(p), fc.constant(q), valueOf(q)));

/** Two different parameters for the axes of a grid, with one to four values each. */
export const anAxisPair = fc
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

/** Every cell of `twoWayGrid` equals, bit for bit (`Object.is`), `calculate` on its variant. */
export function expectGridEqualsCalculate(
  base: Scenario,
  [xp, xs, yp, ys]: [SensitivityParameter, number[], SensitivityParameter, number[]],
  selector: ResultSelector,
): void {
  const g = twoWayGrid(base, { parameter: xp, values: xs }, { parameter: yp, values: ys }, selector);
  ys.forEach((yv, i) =>
    xs.forEach((xv, j) => {
      const direct = selectFigure(calculate(applyParameter(applyParameter(base, yp, yv), xp, xv)), selector);
      expect(Object.is(g.cells[i]?.[j], direct)).toBe(true);
    }),
  );
}
