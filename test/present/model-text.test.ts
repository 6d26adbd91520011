/**
 * One wording of the calculation model for the result sheet, the pane and the CLI (src/present/model-text.ts).
 * Expected texts are written out by hand from som-method.md §2/§6, not copied from the program.
 */
import { calculate } from "../../src/engine/calculate";
import { validateScenario } from "../../src/engine/validate";
import {
  cohortsFollowedText,
  cohortText,
  METHOD_NAMES,
  modelLines,
  PERSPECTIVE_NAMES,
} from "../../src/present/model-text";
import { HORIZON_METHOD_LABELS, PERSPECTIVE_LABELS } from "../../src/workbook/names";
import type { RawScenario } from "../../src/engine/types";

describe("model wording", () => {
  it("names the methods and perspectives with the very words the user types in the workbook", () => {
    for (const l of HORIZON_METHOD_LABELS) expect(METHOD_NAMES[l.code]).toEqual({ da: l.da, en: l.en });
    for (const l of PERSPECTIVE_LABELS) expect(PERSPECTIVE_NAMES[l.code]).toEqual({ da: l.da, en: l.en });
  });

  it("describes a calculated v = 2, D = 3 scenario per cohort, kommune only (T = 3 + 2 + 4 − 2 = 7)", () => {
    const raw: RawScenario = {
      intervention: "Test",
      settings: {
        startYear: 2025,
        horizon: 4,
        operatingPeriod: 3,
        duration: 2,
        horizonMethod: "perCohort",
        perspective: "kommune",
      },
      actors: [
        { name: "Jobcenter", level: "Kommune" },
        { name: "Regionen", level: "Region" },
      ],
      participants: [
        { calcYear: 1, count: 10 },
        { calcYear: 2, count: 20 },
        { calcYear: 3, count: 7.5 },
      ],
      effects: [{ name: "Job", successRate: 0.5 }],
      costs: [{ item: "Drift", kind: "Drift", actor: "Jobcenter", amountKr: 1000 }],
      consequences: [{ effect: "Job", service: "Ydelse", kind: "Udgift", deltaByYear: [1] }],
      prices: [{ service: "Ydelse", priceKrByActor: new Map([["Jobcenter", 100]]) }],
      priceIndex: [],
    };
    const v = validateScenario(raw);
    if (!v.ok) throw new Error(v.issues.map((i) => i.code).join());
    const r = calculate(v.value);
    expect(r.years).toHaveLength(7);
    expect(modelLines(r, "da")).toEqual([
      {
        label: "Horisontmetode",
        value: "Pr. kohorte: hvert hold følges 4 år fra afslutningsåret (SØM's praksis)",
      },
      { label: "Varighed", value: "2 år pr. borger" },
      { label: "Perspektiv", value: "Kun kommune (kun aktører med niveauet Kommune)" },
      { label: "Udeladt (ikke kommune)", value: "Regionen" },
      { label: "Hold fulgt", value: "alle 3 hold følges 4 år hver" },
    ]);
    expect(modelLines(r, "en")[4]).toEqual({
      label: "Cohorts followed",
      value: "all 3 cohorts are followed 4 years each",
    });
  });

  it("lists each cohort's years by calendar (F = 4, D = 3, v = 1: 4, 3 and 2 years)", () => {
    const results = {
      years: [2025, 2026, 2027, 2028],
      cohorts: [1, 2, 3].map((s) => ({
        startCalcYear: s,
        completionCalcYear: s,
        completionYear: 2024 + s,
        starters: 1,
        yearsFollowed: 5 - s,
      })),
    };
    expect(cohortsFollowedText(results, "da")).toBe("2025: 4 år, 2026: 3 år, 2027: 2 år");
    expect(cohortsFollowedText({ years: [2025], cohorts: [results.cohorts[0]!] }, "en")).toBe(
      "the cohort of 2025 is followed 4 years",
    );
    expect(
      cohortText({ startYear: 2025, completionYear: 2026, starters: 1234.5, yearsFollowed: 1 }, "da"),
    ).toBe("Startår 2025 (afslutter 2026): 1.234,5 deltagere, fulgt 1 år");
  });
});
