/**
 * The sensitivity fast path on v2 scenarios (issue 11): duration v = 1–3, per cohort or calendar years,
 * "Under indsats" lines, Pr. forløb costs and the Kun kommune perspective. `fastFigure` and every cell of
 * `twoWayGrid` must equal `calculate` bit for bit (`Object.is`) on every variant, the horizon parameter
 * (which sets F, so T = D + v + F − 2 per cohort) included.
 */
import fc from "fast-check";
import { calculate } from "../../../src/engine/calculate";
import { selectFigure, type ResultSelector } from "../../../src/engine/sensitivity/analyses";
import { fastFigure } from "../../../src/engine/sensitivity/fast-figure";
import { applyParameter } from "../../../src/engine/sensitivity/parameters";
import { calcYearCount } from "../../../src/engine/time";
import type { RawScenario, Scenario } from "../../../src/engine/types";
import { validateScenario } from "../../../src/engine/validate";
import { arbRawScenario } from "../arbitraries";
import { allSelectors, anAxisPair, aVariant, expectGridEqualsCalculate } from "./fast-figure-support";

function valid(raw: RawScenario): Scenario {
  const v = validateScenario(raw);
  if (!v.ok) throw new Error(`invalid: ${v.issues.map((i) => i.code).join(", ")}`);
  return v.value;
}

/** v2 scenarios with either perspective; half of them with v ≥ 2 and a during line forced in. */
const aV2Scenario: fc.Arbitrary<Scenario> = fc
  .tuple(arbRawScenario, fc.boolean(), fc.boolean())
  .map(([raw, kommune, forceDuring]): RawScenario => {
    const settings = { ...raw.settings, perspective: kommune ? "kommune" : "public" };
    // Kun kommune needs a Kommune actor: the first actor is one when none is.
    const actors =
      kommune && !raw.actors.some((a) => a.level === "Kommune")
        ? raw.actors.map((a, i) => (i === 0 ? { ...a, level: "Kommune" } : a))
        : raw.actors;
    if (!forceDuring || (raw.settings.duration ?? 1) < 2) return { ...raw, settings, actors };
    const first = raw.consequences[0]!;
    return {
      ...raw,
      settings,
      actors,
      consequences: [
        ...raw.consequences,
        { ...first, phase: "during", deltaByYear: [-1.25, 0.5].slice(0, (raw.settings.duration ?? 1) - 1) },
      ],
    };
  })
  .map(valid);

describe("sensitivity fast path on v2 scenarios", () => {
  it("fastFigure equals calculate bit for bit for every figure (v > 1, per cohort, during lines, Kun kommune)", () => {
    const seen = { v2: 0, perCohort: 0, calendar: 0, during: 0, kommune: 0, forloeb: 0 };
    fc.assert(
      fc.property(aV2Scenario, aVariant, (base, [p, pv, q, qv]) => {
        const variant = applyParameter(applyParameter(base, p, pv), q, qv);
        const full = calculate(variant);
        if (variant.settings.duration > 1) seen.v2++;
        seen[variant.settings.horizonMethod]++;
        if (variant.consequences.some((c) => c.phase === "during")) seen.during++;
        if (variant.settings.perspective === "kommune") seen.kommune++;
        if (variant.costs.some((c) => c.kind === "PrForloeb")) seen.forloeb++;
        expect(full.years).toHaveLength(calcYearCount(variant.settings));
        for (const selector of allSelectors(full.actors.length)) {
          expect(Object.is(fastFigure(variant, selector), selectFigure(full, selector))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // The run really covered the v2 shapes (a property over v = 1 public scenarios only would prove little).
    for (const [shape, n] of Object.entries(seen)) expect([shape, n > 20]).toEqual([shape, true]);
  });

  it("gives grid cells equal bit for bit to calculate on v2 scenarios, the horizon axis included", () => {
    fc.assert(
      fc.property(aV2Scenario, anAxisPair, fc.nat(), (base, axes, pick) => {
        // Indices count reported actors (Kun kommune reports fewer than the scenario has).
        const selectors = allSelectors(calculate(base).actors.length);
        const selector = selectors[pick % selectors.length] as ResultSelector;
        expectGridEqualsCalculate(base, axes, selector);
      }),
      { numRuns: 200 },
    );
  });

  it("the horizon parameter sets F and T follows (T = D + v + F − 2 per cohort, F by calendar)", () => {
    fc.assert(
      fc.property(aV2Scenario, fc.integer({ min: 1, max: 30 }), (base, f) => {
        const variant = applyParameter(base, "horizon", f);
        const { operatingPeriod: D, duration: v, horizonMethod } = base.settings;
        const r = calculate(variant);
        expect(r.years.length).toBe(horizonMethod === "perCohort" ? D + v + f - 2 : f);
        expect(r.horizon.years).toBe(f);
        if (horizonMethod === "perCohort") for (const c of r.cohorts) expect(c.yearsFollowed).toBe(f);
      }),
      { numRuns: 100 },
    );
  });
});
