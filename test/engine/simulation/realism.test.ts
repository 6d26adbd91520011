import { calculate } from "../../../src/engine/calculate";
import { applyRealism } from "../../../src/engine/simulation/realism";
import { baseCaseRaw, valid } from "../sensitivity/base-case";

describe("the realism adjustment", () => {
  // Numbers exact in binary, so the hand-adjusted inputs are the very same doubles: r = 50 % with a 25 %
  // reduction = 37,5 %; costs +25 %; consequences one year later.
  const base = valid(baseCaseRaw({ rate: 0.5 }));
  const realism = {
    successRateReduction: [0.25],
    evidenceLevels: [2 as const],
    reductionByLevel: new Map([[2, 0.25]]),
    costUplift: 0.25,
    delayYears: 1,
  };

  it("equals calculate on inputs adjusted by hand (rate × 0,75, amounts × 1,25, Δq one year later)", () => {
    const raw = baseCaseRaw({ rate: 0.375, costFactor: 1.25 });
    const byHand = valid({
      ...raw,
      consequences: [
        { effect: "Job", service: "Kontanthjælp", kind: "Udgift", deltaByYear: [0, -2, -1] },
        { effect: "Job", service: "Skat", kind: "Indtaegt", deltaByYear: [0, 0, 1, 1] },
      ],
    });
    expect(calculate(applyRealism(base, realism))).toEqual(calculate(byHand));
  });

  it("keeps the horizon: a delayed value past the last year is reported beyond the horizon", () => {
    // H = 4: the Skat line's Δq(3) of cohort 2 lands in year 2 + 3 − 1 + 1 = 5 > 4. Successes 10 × 0,5 = 5,
    // Skat price (Stat) 200: without delay nothing falls after year 4 from Kontanthjælp; Skat cohort 2 year 3 →
    // year 4 (counted); with delay: Kontanthjælp cohort 2 Δq(2) = −1 → year 4 (counted); Skat cohort 1 Δq(3) →
    // year 4; Skat cohort 2 Δq(2), Δq(3) → years 4, 5: beyond = 5 × 1 × 200 = 1 000 kr.
    const delayed = calculate(applyRealism(base, { ...realism, successRateReduction: [0], costUplift: 0 }));
    expect(delayed.years).toEqual([2025, 2026, 2027, 2028]);
    expect(calculate(base).beyondHorizon).toBe(0);
    expect(delayed.beyondHorizon).toBe(1000);
  });

  it("changes nothing with no reduction, no uplift and no delay", () => {
    const none = { ...realism, successRateReduction: [0], costUplift: 0, delayYears: 0 };
    expect(calculate(applyRealism(base, none))).toEqual(calculate(base));
  });
});

describe("the realism delay in the v2 model", () => {
  it("shifts every after-intervention line by d years and leaves the during lines as they are", () => {
    const raw = baseCaseRaw({ rate: 0.5 });
    const s = valid({
      ...raw,
      settings: { ...raw.settings, duration: 2, horizonMethod: "perCohort" },
      consequences: [
        ...raw.consequences,
        { effect: "Job", service: "Kontanthjælp", kind: "Udgift", phase: "during", deltaByYear: [-1] },
      ],
    });
    const r = applyRealism(s, {
      successRateReduction: [0],
      evidenceLevels: [null],
      reductionByLevel: new Map(),
      costUplift: 0,
      delayYears: 2,
    });
    expect(r.consequences.map((c) => [c.phase, c.deltaByYear])).toEqual([
      ["after", [0, 0, -2, -1]],
      ["after", [0, 0, 0, 1, 1]],
      ["during", [-1]],
    ]);
    expect(r.consequences[2]).toBe(s.consequences[2]);
  });
});
