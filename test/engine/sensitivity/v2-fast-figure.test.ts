/**
 * The sensitivity fast path on v2 scenarios (issue 11): duration v = 1–3, per cohort or calendar years,
 * "Under indsats" lines, Pr. forløb costs and the Kun kommune perspective. `fastFigure` and every cell of
 * `twoWayGrid` must equal `calculate` bit for bit (`Object.is`) on every variant, the horizon parameter
 * (which sets F, so T = D + v + F − 2 per cohort) included.
 */
import fc from "fast-check";
import { calculate } from "../../../src/engine/calculate";
import { selectFigure, twoWayGrid, type ResultSelector } from "../../../src/engine/sensitivity/analyses";
import { fastFigure } from "../../../src/engine/sensitivity/fast-figure";
import {
  applyParameter,
  SENSITIVITY_PARAMETERS,
  type SensitivityParameter,
} from "../../../src/engine/sensitivity/parameters";
import { calcYearCount } from "../../../src/engine/time";
import { LEVELS, type RawScenario, type Scenario } from "../../../src/engine/types";
import { validateScenario } from "../../../src/engine/validate";
import { arbRawScenario } from "../arbitraries";

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

/** Both measures × total, every level, and every reported actor (indices count reported actors). */
function allSelectors(reported: number): ResultSelector[] {
  const scopes = [
    { kind: "total" } as const,
    ...LEVELS.map((level) => ({ kind: "level", level }) as const),
    ...Array.from({ length: reported }, (_, actor) => ({ kind: "actor", actor }) as const),
  ];
  return scopes.flatMap((scope) =>
    (["netTotal", "presentValue"] as const).map((measure) => ({ measure, scope })),
  );
}

const valueOf = (p: SensitivityParameter): fc.Arbitrary<number> =>
  p === "successRate"
    ? fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000)
    : p === "horizon"
      ? fc.integer({ min: 1, max: 30 })
      : fc.integer({ min: -1000, max: 3000 }).map((k) => k / 1000);

const aVariant = fc
  .tuple(fc.constantFrom(...SENSITIVITY_PARAMETERS), fc.constantFrom(...SENSITIVITY_PARAMETERS))
  .chain(([p, q]) => fc.tuple(fc.constant(p), valueOf(p), fc.constant(q), valueOf(q)));

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
      fc.property(aV2Scenario, anAxisPair, fc.nat(), (base, [xp, xs, yp, ys], pick) => {
        const selectors = allSelectors(calculate(base).actors.length);
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
