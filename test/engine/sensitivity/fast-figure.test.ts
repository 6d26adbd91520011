import fc from "fast-check";
import { calculate } from "../../../src/engine/calculate";
import { selectFigure, type ResultSelector } from "../../../src/engine/sensitivity/analyses";
import { fastFigure } from "../../../src/engine/sensitivity/fast-figure";
import { applyParameter } from "../../../src/engine/sensitivity/parameters";
import { LEVELS } from "../../../src/engine/types";
import { allSelectors, anAxisPair, aVariant, expectGridEqualsCalculate } from "./fast-figure-support";
import { aRandomScenario } from "./random-scenario";

describe("fastFigure", () => {
  it("equals calculate bit for bit for every result of random scenarios and random two-parameter variants", () => {
    fc.assert(
      fc.property(aRandomScenario, aVariant, (base, [p, pv, q, qv]) => {
        const variant = applyParameter(applyParameter(base, p, pv), q, qv);
        const full = calculate(variant);
        for (const selector of allSelectors(variant.actors.length)) {
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
    fc.assert(
      fc.property(aRandomScenario, anAxisPair, fc.nat(), (base, axes, pick) => {
        const selectors = allSelectors(base.actors.length);
        const selector = selectors[pick % selectors.length] as ResultSelector;
        expectGridEqualsCalculate(base, axes, selector);
      }),
      { numRuns: 200 },
    );
  });
});
