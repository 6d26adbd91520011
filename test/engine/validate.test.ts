/**
 * Every validation rule of som-method.md §1–5 has a test that triggers it and checks the code, both messages
 * and the location (path into the raw scenario, and the related place where there is one).
 */
import * as fs from "node:fs";
import { ENGINE_ISSUES } from "../../src/engine/issues";
import type { InputIssue, RawScenario } from "../../src/engine/types";
import { MODEL_LIMITS, validateScenario } from "../../src/engine/validate";
import {
  aConsequenceLine,
  aCostLine,
  anActor,
  anEffect,
  aPriceRow,
  aRawScenario,
  type ScenarioOverrides,
} from "./builders";

function issuesOf(overrides: ScenarioOverrides | RawScenario): readonly InputIssue[] {
  const raw =
    "actors" in overrides && "settings" in overrides && "prices" in overrides
      ? (overrides as RawScenario)
      : aRawScenario(overrides);
  const v = validateScenario(raw);
  return v.ok ? v.warnings : v.issues;
}

/** The single issue with `code`, checked for both languages and the exact path. */
function expectIssue(
  overrides: ScenarioOverrides | RawScenario,
  code: string,
  path: readonly (string | number)[],
  da: RegExp,
  en: RegExp,
  relatedPath?: readonly (string | number)[],
): void {
  const found = issuesOf(overrides).filter((i) => i.code === code);
  expect(found.map((i) => i.location.path)).toContainEqual(path);
  const issue = found.find((i) => JSON.stringify(i.location.path) === JSON.stringify(path))!;
  expect(issue.message.da).toMatch(da);
  expect(issue.message.en).toMatch(en);
  if (relatedPath !== undefined) expect(issue.location.relatedPath).toEqual(relatedPath);
}

describe("validateScenario", () => {
  it("accepts the builder's scenario and applies the documented defaults", () => {
    const v = validateScenario(
      aRawScenario({ settings: { priceLevel: undefined, discountRate: undefined } }),
    );
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value.settings.priceLevel).toBe(2025); // = start year
    expect(v.value.settings.discountRate).toBe(0.035);
    expect(v.value.participants).toEqual([10, 10]); // N_s for s = 1..D
    expect(v.value.costs[0]).toMatchObject({ fromYear: 1, toYear: 2, priceYear: 2025, actor: 0 });
    expect(v.warnings).toEqual([]);
  });

  it("collects every problem at once instead of stopping at the first", () => {
    const issues = issuesOf({
      settings: { startYear: 1999, horizon: 31 },
      effects: [anEffect("Beskæftigelse", 25)],
      costs: [aCostLine({ actor: "Kommunen" })],
    });
    expect(issues.map((i) => i.code).sort()).toEqual([
      "out-of-range",
      "out-of-range",
      "rate-above-one",
      "unknown-actor",
    ]);
  });

  describe("settings", () => {
    it("start year: required, whole, 2000–2100", () => {
      expectIssue(
        { settings: { startYear: undefined } },
        "missing-value",
        ["settings", "startYear"],
        /Startåret mangler/,
        /start year is missing/,
      );
      expectIssue(
        { settings: { startYear: 2025.5 } },
        "not-an-integer",
        ["settings", "startYear"],
        /helt tal.*2025.5/,
        /whole number/,
      );
      expectIssue(
        { settings: { startYear: 2101 } },
        "out-of-range",
        ["settings", "startYear"],
        /mellem 2000 og 2100/,
        /between 2000 and 2100/,
      );
    });

    it("horizon: 1–30; blank takes the default 10 with a warning", () => {
      expectIssue(
        { settings: { horizon: 0 } },
        "out-of-range",
        ["settings", "horizon"],
        /mellem 1 og 30/,
        /between 1 and 30/,
      );
      const v = validateScenario(aRawScenario({ settings: { horizon: undefined } }));
      expect(v.ok).toBe(true);
      if (!v.ok) return;
      expect(v.value.settings.horizon).toBe(10);
      expect(v.warnings.map((w) => [w.code, w.severity, w.location.path])).toEqual([
        ["horizon-default-used", "warning", ["settings", "horizon"]],
      ]);
      expect(v.warnings[0]!.message.da).toMatch(/standarden på 10 år/);
    });

    it("discount rate: 0–20 %, and not a non-number", () => {
      expectIssue(
        { settings: { discountRate: 0.35 } },
        "out-of-range",
        ["settings", "discountRate"],
        /mellem 0 % og 20 %/,
        /between 0 % and 20 %/,
      );
      expectIssue(
        { settings: { discountRate: Number.NaN } },
        "not-finite",
        ["settings", "discountRate"],
        /ikke et gyldigt tal/,
        /not a valid number/,
      );
    });

    it("operating period: required, 1–30", () => {
      expectIssue(
        { settings: { operatingPeriod: 31, horizonMethod: "perCohort" } },
        "out-of-range",
        ["settings", "operatingPeriod"],
        /mellem 1 og 30/,
        /between 1 and 30/,
      );
      expectIssue(
        { settings: { operatingPeriod: undefined } },
        "missing-value",
        ["settings", "operatingPeriod"],
        /Driftsperioden mangler/,
        /operating period is missing/,
      );
    });

    it("duration: optional (default 1), whole, 1–10", () => {
      const v = validateScenario(aRawScenario({ settings: { duration: undefined } }));
      expect(v.ok && v.value.settings.duration).toBe(1);
      expectIssue(
        { settings: { duration: 11, horizonMethod: "perCohort" } },
        "out-of-range",
        ["settings", "duration"],
        /Varigheden skal ligge mellem 1 og 10 \(ikke 11\)/,
        /duration must be between 1 and 10 \(not 11\)/,
      );
      expectIssue(
        { settings: { duration: 1.5 } },
        "not-an-integer",
        ["settings", "duration"],
        /Varigheden skal være et helt tal/,
        /duration must be a whole number/,
      );
    });

    it("horizon method: blank = per cohort (SØM's practice); other text is an issue", () => {
      const v = validateScenario(aRawScenario({ settings: { horizonMethod: undefined } }));
      expect(v.ok && v.value.settings.horizonMethod).toBe("perCohort");
      expectIssue(
        { settings: { horizonMethod: "Pr. år" } },
        "unknown-horizon-method",
        ["settings", "horizonMethod"],
        /"Pr. år" er ikke en horisontmetode. Brug Pr. kohorte/,
        /not a horizon method. Use Per cohort/,
      );
    });

    it("calendar years: D + v − 1 ≤ F, else an error on the horizon naming the operating period", () => {
      // D = 2, v = 2: the last starters complete in year 3 = F: fine.
      expect(validateScenario(aRawScenario({ settings: { duration: 2 } })).ok).toBe(true);
      // D = 2, v = 3: they complete in year 4 > F = 3.
      expectIssue(
        { settings: { duration: 3 } },
        "calendar-horizon-too-short",
        ["settings", "horizon"],
        /Kalenderår.*2 \+ 3 − 1 = 4 år, men tidshorisonten er 3 år.*mindst 4, eller vælg Pr. kohorte/,
        /Calendar years.*2 \+ 3 − 1 = 4 years, but the horizon is 3 years.*at least 4, or choose Per cohort/,
        ["settings", "operatingPeriod"],
      );
      expectIssue(
        { settings: { operatingPeriod: 4 } },
        "calendar-horizon-too-short",
        ["settings", "horizon"],
        /4 \+ 1 − 1 = 4/,
        /4 \+ 1 − 1 = 4/,
        ["settings", "operatingPeriod"],
      );
      // per cohort, the same inputs are fine (T = D + v + F − 2)
      expect(
        validateScenario(aRawScenario({ settings: { duration: 3, horizonMethod: "perCohort" } })).ok,
      ).toBe(true);
    });

    it("perspective: blank = public; other text is an issue; Kun kommune needs a Kommune actor", () => {
      const v = validateScenario(aRawScenario({ settings: { perspective: undefined } }));
      expect(v.ok && v.value.settings.perspective).toBe("public");
      expectIssue(
        { settings: { perspective: "Region" } },
        "unknown-perspective",
        ["settings", "perspective"],
        /"Region" er ikke et perspektiv. Brug Offentlig sektor eller Kun kommune/,
        /not a perspective. Use Public sector or Municipality only/,
      );
      expectIssue(
        aRawScenario({
          settings: { perspective: "kommune" },
          actors: [anActor("Region", "Region")],
          costs: [aCostLine({ actor: "Region" })],
          prices: [aPriceRow("Kontanthjælp", { Region: 10 })],
        }),
        "perspective-without-kommune",
        ["settings", "perspective"],
        /Kun kommune, men ingen aktør har niveauet Kommune/,
        /Municipality only, but no actor has the level Kommune/,
        ["actors"],
      );
    });

    it("price level: a whole year", () => {
      expectIssue(
        { settings: { priceLevel: 2025.2 } },
        "not-an-integer",
        ["settings", "priceLevel"],
        /Prisniveauet/,
        /price level/,
      );
    });
  });

  describe("actors", () => {
    it("needs at least one actor, with a name, unique, on a known level", () => {
      expectIssue(
        { actors: [], costs: [], prices: [aPriceRow("Kontanthjælp", {})] },
        "no-actors",
        ["actors"],
        /ingen aktører/,
        /no actors/,
      );
      expectIssue(
        { actors: [anActor("Kommune"), anActor("  ")] },
        "blank-name",
        ["actors", 1, "name"],
        /mangler et navn/,
        /has no name/,
      );
      expectIssue(
        { actors: [anActor("Kommune"), anActor("kommune ")] },
        "duplicate-name",
        ["actors", 1, "name"],
        /"kommune" står mere end én gang i aktørlisten/,
        /appears more than once in the actor list/,
      );
      expectIssue(
        { actors: [anActor("Kommune", "Amt")] },
        "unknown-level",
        ["actors", 0, "level"],
        /"Amt" er ikke et niveau/,
        /"Amt" is not a level/,
      );
    });

    it("treats names such as __proto__ and constructor as ordinary names", () => {
      const v = validateScenario(
        aRawScenario({
          actors: [anActor("__proto__"), anActor("constructor", "Stat")],
          costs: [aCostLine({ actor: "__proto__" })],
          prices: [
            {
              service: "Kontanthjælp",
              priceKrByActor: new Map([
                ["__proto__", 1],
                ["constructor", 2],
              ]),
            },
          ],
        }),
      );
      expect(v.ok).toBe(true);
      if (v.ok) expect(v.value.prices[0]!.priceKrByActor).toEqual([1, 2]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe("participants", () => {
    it("must be ≥ 0, in a whole year 1..H, once per year, and 0 after the operating period", () => {
      expectIssue(
        { participants: [{ calcYear: 1, count: -3 }] },
        "negative-value",
        ["participants", 0, "count"],
        /må ikke være negativ/,
        /must not be negative/,
      );
      expectIssue(
        { participants: [{ calcYear: 1.5, count: 3 }] },
        "not-an-integer",
        ["participants", 0, "calcYear"],
        /helt tal/,
        /whole number/,
      );
      expectIssue(
        { participants: [{ calcYear: 3, count: 5 }] },
        "participants-after-operating-period",
        ["participants", 0, "count"],
        /5 deltagere i år 3, men driftsperioden er 2 år/,
        /5 participants in year 3, but the operating period is 2 years/,
        ["settings", "operatingPeriod"],
      );
      // starters after D are an error whatever the horizon (per cohort T = 2 + 1 + 3 − 2 = 4)
      expectIssue(
        { settings: { horizonMethod: "perCohort" }, participants: [{ calcYear: 4, count: 5 }] },
        "participants-after-operating-period",
        ["participants", 0, "count"],
        /5 deltagere i år 4, men driftsperioden er 2 år/,
        /5 participants in year 4/,
        ["settings", "operatingPeriod"],
      );
      expectIssue(
        {
          participants: [
            { calcYear: 1, count: 5 },
            { calcYear: 1, count: 6 },
          ],
        },
        "duplicate-year",
        ["participants", 1, "calcYear"],
        /Året 1 står mere end én gang i deltagerlisten/,
        /year 1 appears more than once/,
      );
    });

    it("blank counts are 0 and zero rows outside the operating period are harmless", () => {
      const v = validateScenario(
        aRawScenario({
          participants: [
            { calcYear: 1, count: undefined },
            { calcYear: 3, count: 0 },
            { calcYear: 9, count: 0 },
          ],
        }),
      );
      expect(v.ok).toBe(true);
      if (v.ok) expect(v.value.participants).toEqual([0, 0]);
    });
  });

  describe("effects", () => {
    it("needs at least one effect, named, unique, with a success rate 0–1", () => {
      expectIssue(
        { effects: [], consequences: [] },
        "no-effects",
        ["effects"],
        /intet effektmål/,
        /no outcome/,
      );
      expectIssue(
        { effects: [{ name: "Beskæftigelse", successRate: undefined }] },
        "missing-value",
        ["effects", 0, "successRate"],
        /Succesraten mangler/,
        /success rate is missing/,
      );
      expectIssue(
        { effects: [anEffect("Beskæftigelse", 25)] },
        "rate-above-one",
        ["effects", 0, "successRate"],
        /Succesraten for "Beskæftigelse" er 25.*Skrev du 25 i stedet for 25 %/,
        /Did you type 25 instead of 25 %/,
      );
      expectIssue(
        { effects: [anEffect("Beskæftigelse", -0.1)] },
        "negative-value",
        ["effects", 0, "successRate"],
        /negativ/,
        /negative/,
      );
      expectIssue(
        { effects: [anEffect("Beskæftigelse"), anEffect("beskæftigelse")] },
        "duplicate-name",
        ["effects", 1, "name"],
        /effektlisten/,
        /outcome list/,
      );
    });

    it("warns about an effect without consequences", () => {
      expectIssue(
        { effects: [anEffect("Beskæftigelse"), anEffect("Uddannelse")] },
        "unused-effect",
        ["effects", 1, "name"],
        /"Uddannelse" har ingen konsekvenser/,
        /has no consequences/,
      );
    });
  });

  describe("costs", () => {
    it("names an unknown actor, kind, blank item and negative amount", () => {
      expectIssue(
        { costs: [aCostLine({ actor: "Kommunen" })] },
        "unknown-actor",
        ["costs", 0, "actor"],
        /"Kommunen" er ikke en aktør i aktørlisten/,
        /"Kommunen" is not an actor/,
        ["actors"],
      );
      expectIssue(
        { costs: [aCostLine({ kind: "Løn" })] },
        "unknown-cost-kind",
        ["costs", 0, "kind"],
        /"Løn" er ikke en omkostningsart/,
        /not a cost kind/,
      );
      expectIssue(
        { costs: [aCostLine({ item: "" })] },
        "blank-name",
        ["costs", 0, "item"],
        /omkostningspost mangler et navn/,
        /cost item has no name/,
      );
      expectIssue(
        { costs: [aCostLine({ amountKr: -5 })] },
        "negative-value",
        ["costs", 0, "amountKr"],
        /Brug arten Sparet/,
        /Use the kind Saved/,
      );
      expectIssue(
        { costs: [aCostLine({ amountKr: undefined })] },
        "missing-value",
        ["costs", 0, "amountKr"],
        /Beløbet mangler/,
        /amount is missing/,
      );
    });

    it("rejects years outside the horizon and a first year after the last, never dropping them silently", () => {
      expectIssue(
        { costs: [aCostLine({ fromYear: 0 })] },
        "year-outside-horizon",
        ["costs", 0, "fromYear"],
        /Fra år er år 0/,
        /From year is year 0/,
      );
      expectIssue(
        { costs: [aCostLine({ toYear: 4 })] },
        "year-outside-horizon",
        ["costs", 0, "toYear"],
        /Til år er år 4, men beregningsårene går fra 1 til 3/,
        /To year is year 4/,
      );
      expectIssue(
        { costs: [aCostLine({ fromYear: 3, toYear: 2 })] },
        "from-after-to",
        ["costs", 0, "toYear"],
        /Fra år \(3\) ligger efter til år \(2\)/,
        /From year \(3\) is after to year \(2\)/,
      );
      // Drift defaults to the last year D = 2: a first year of 3 lies after it.
      expectIssue(
        { costs: [aCostLine({ fromYear: 3 })] },
        "from-after-to",
        ["costs", 0, "fromYear"],
        /\(3\).*\(2\)/,
        /\(3\).*\(2\)/,
      );
    });

    it("applies the default years per kind (Opstart: l = f; others: l = D)", () => {
      const v = validateScenario(
        aRawScenario({
          costs: [
            aCostLine({ kind: "Opstart", fromYear: 2 }),
            aCostLine({ kind: "PrDeltager" }),
            aCostLine({ kind: "Sparet", fromYear: 2 }),
          ],
        }),
      );
      expect(v.ok).toBe(true);
      if (!v.ok) return;
      expect(v.value.costs.map((c) => [c.fromYear, c.toYear])).toEqual([
        [2, 2],
        [1, 2],
        [2, 2],
      ]);
    });
  });

  describe("price level and index", () => {
    it("a missing index year is an error naming the year, pointing at the index", () => {
      expectIssue(
        { costs: [aCostLine({ priceYear: 2023 })], priceIndex: [{ year: 2025, index: 104 }] },
        "missing-index-year",
        ["costs", 0, "priceYear"],
        /mangler året 2023, som skal bruges for at omregne fra prisår 2023 til prisniveau 2025/,
        /no value for 2023/,
        ["priceIndex"],
      );
      expectIssue(
        {
          prices: [aPriceRow("Kontanthjælp", { Kommune: 1 }, { priceYear: 2024 })],
          priceIndex: [{ year: 2024, index: 100 }],
        },
        "missing-index-year",
        ["prices", 0, "priceYear"],
        /mangler året 2025/,
        /no value for 2025/,
        ["priceIndex"],
      );
    });

    it("index values must be positive and years unique", () => {
      expectIssue(
        { priceIndex: [{ year: 2024, index: 0 }] },
        "out-of-range",
        ["priceIndex", 0, "index"],
        /Indekstallet/,
        /index value/,
      );
      expectIssue(
        {
          priceIndex: [
            { year: 2024, index: 100 },
            { year: 2024, index: 101 },
          ],
        },
        "duplicate-year",
        ["priceIndex", 1, "year"],
        /prisindekset/,
        /price index/,
      );
      expectIssue(
        { priceIndex: [{ year: 2024, index: undefined }] },
        "missing-value",
        ["priceIndex", 0, "index"],
        /mangler/,
        /missing/,
      );
    });
  });

  describe("consequences and prices", () => {
    it("a consequence must name a known effect, a service with a price row and a known kind", () => {
      expectIssue(
        { consequences: [aConsequenceLine({ effect: "Job" })] },
        "unknown-effect",
        ["consequences", 0, "effect"],
        /"Job" er ikke et effektmål i effektlisten/,
        /"Job" is not an outcome/,
        ["effects"],
      );
      expectIssue(
        { consequences: [aConsequenceLine({ service: "Førtidspension" })] },
        "unknown-service",
        ["consequences", 0, "service"],
        /Ydelsen "Førtidspension" har ingen prisrække/,
        /has no price row/,
        ["prices"],
      );
      expectIssue(
        { consequences: [aConsequenceLine({ kind: "Gevinst" })] },
        "unknown-consequence-kind",
        ["consequences", 0, "kind"],
        /"Gevinst" er ikke en konsekvensart/,
        /not a consequence kind/,
      );
    });

    it("at most 20 consequence years, and every Δq a number", () => {
      expectIssue(
        { consequences: [aConsequenceLine({ deltaByYear: new Array(21).fill(-1) })] },
        "too-many-consequence-years",
        ["consequences", 0, "deltaByYear", 20],
        /højst have 20 år \(her 21\)/,
        /at most 20 years/,
      );
      expectIssue(
        { consequences: [aConsequenceLine({ deltaByYear: [-1, Number.POSITIVE_INFINITY] })] },
        "not-finite",
        ["consequences", 0, "deltaByYear", 1],
        /ikke et gyldigt tal/,
        /not a valid number/,
      );
    });

    it("phase: blank = after; other text is an issue", () => {
      const v = validateScenario(aRawScenario());
      expect(v.ok && v.value.consequences[0]?.phase).toBe("after");
      expectIssue(
        { consequences: [aConsequenceLine({ phase: "Før indsats" })] },
        "unknown-consequence-phase",
        ["consequences", 0, "phase"],
        /"Før indsats" er ikke en fase. Brug Efter indsats eller Under indsats/,
        /not a phase. Use After/,
      );
    });

    it("a during line may hold values only in years 1..v − 1; a later value is an error at its cell", () => {
      // v = 2: only year 1 may be non-zero; zeros and blanks later are fine.
      expect(
        validateScenario(
          aRawScenario({
            settings: { duration: 2 },
            consequences: [aConsequenceLine({ phase: "during", deltaByYear: [-1, 0, undefined] })],
          }),
        ).ok,
      ).toBe(true);
      expectIssue(
        {
          settings: { duration: 2 },
          consequences: [aConsequenceLine({ phase: "during", deltaByYear: [-1, 0, -0.5] })],
        },
        "during-value-outside-intervention",
        ["consequences", 0, "deltaByYear", 2],
        /Under indsats har værdien -0.5 i år 3, men med en varighed på 2 år må den kun have værdier i år 1 til 1/,
        /During has the value -0.5 in year 3, but with a duration of 2 years it may only have values in years 1 to 1/,
        ["settings", "duration"],
      );
      // v = 1: a during line must be all blank or zero
      expectIssue(
        { consequences: [aConsequenceLine({ phase: "during", deltaByYear: [-1] })] },
        "during-value-outside-intervention",
        ["consequences", 0, "deltaByYear", 0],
        /i år 1 til 0/,
        /years 1 to 0/,
      );
    });

    it("prices must not be negative; the path names the actor's column", () => {
      expectIssue(
        { prices: [aPriceRow("Kontanthjælp", { Kommune: -10 })] },
        "negative-value",
        ["prices", 0, "priceKrByActor", "Kommune"],
        /Prisen må ikke være negativ/,
        /price must not be negative/,
      );
      expectIssue(
        { prices: [aPriceRow("Kontanthjælp"), aPriceRow("KONTANTHJÆLP")] },
        "duplicate-name",
        ["prices", 1, "service"],
        /prislisten/,
        /price list/,
      );
    });

    it("a missing actor column or blank price is 0", () => {
      const v = validateScenario(
        aRawScenario({
          actors: [anActor("Kommune"), anActor("Stat", "Stat")],
          prices: [aPriceRow("Kontanthjælp", { Kommune: undefined })],
        }),
      );
      expect(v.ok).toBe(true);
      if (v.ok) expect(v.value.prices[0]!.priceKrByActor).toEqual([0, 0]);
    });
  });

  it("every catalogue entry is exercised by this file", () => {
    const src = fs.readFileSync(__filename, "utf8");
    for (const code of Object.keys(ENGINE_ISSUES)) expect(src).toContain(`"${code}"`);
  });
});

describe("messages in Danish format (issue 13 §2)", () => {
  const da = (overrides: ScenarioOverrides, code: string): string[] =>
    issuesOf(overrides)
      .filter((i) => i.code === code)
      .map((i) => i.message.da);

  it("the discount rate 3,5 (typed without %) says so, with Danish decimals", () => {
    expect(da({ settings: { discountRate: 3.5 } }, "out-of-range")).toEqual([
      "Diskonteringsrenten skal ligge mellem 0 % og 20 % (ikke 3,5). Skrev du 3,5 i stedet for 3,5 %?",
    ]);
    const en = issuesOf({ settings: { discountRate: 3.5 } }).find((i) => i.code === "out-of-range");
    expect(en?.message.en).toBe(
      "The discount rate must be between 0 % and 20 % (not 3.5). Did you type 3.5 instead of 3.5 %?",
    );
    // a share just above 20 % is no typo of a percentage: no hint
    expect(da({ settings: { discountRate: 0.25 } }, "out-of-range")).toEqual([
      "Diskonteringsrenten skal ligge mellem 0 % og 20 % (ikke 0,25).",
    ]);
  });

  it("a success rate of 1,5 is written with a comma in Danish", () => {
    expect(da({ effects: [anEffect("Beskæftigelse", 1.5)] }, "rate-above-one")[0]).toBe(
      'Succesraten for "Beskæftigelse" er 1,5, men skal ligge mellem 0 % og 100 %. Skrev du 1,5 i stedet for 1,5 %?',
    );
  });

  it('a blank actor cell is "empty", never `"" er ikke en aktør`', () => {
    const msgs = da({ costs: [aCostLine({ actor: "" })] }, "unknown-actor");
    for (const m of msgs) expect(m).not.toContain('""');
    expect(msgs.length === 0 || msgs.every((m) => m.startsWith("Aktørcellen er tom."))).toBe(true);
    const blankIssues = issuesOf({ costs: [aCostLine({ actor: "" })] }).filter((i) =>
      JSON.stringify(i.location.path).startsWith('["costs",0'),
    );
    expect(blankIssues.length).toBeGreaterThan(0);
    for (const i of blankIssues) expect(i.message.da).not.toMatch(/^"" /);
  });
});

describe("model-size limits (issue 13 §4)", () => {
  it("101 actors is one located error on the 101st actor, before anything else is checked", () => {
    const actors = Array.from({ length: MODEL_LIMITS.actors + 1 }, (_, i) =>
      anActor(`Aktør ${i + 1}`, "Kommune"),
    );
    const issues = issuesOf({ actors });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe("model-too-large");
    expect(issues[0]?.location.path).toEqual(["actors", 100]);
    expect(issues[0]?.message.da).toBe(
      "Modellen har 101 aktører; grænsen er 100. Del analysen op, eller saml linjer (grænserne står i README).",
    );
  });

  it("2.001 cost lines and 1.001 price rows are errors naming the counts with thousands separators", () => {
    const costs = Array.from({ length: 2_001 }, () => aCostLine());
    const prices = Array.from({ length: 1_001 }, (_, i) => aPriceRow(`Ydelse ${i}`));
    const issues = issuesOf({ costs, prices });
    expect(issues.map((i) => i.location.path)).toEqual([
      ["costs", 2000],
      ["prices", 1000],
    ]);
    expect(issues[0]?.message.da).toMatch(/^Modellen har 2\.001 omkostningslinjer; grænsen er 2\.000\./);
    expect(issues[1]?.message.da).toMatch(/^Modellen har 1\.001 prisrækker; grænsen er 1\.000\./);
    expect(issues[0]?.message.en).toMatch(/^The model has 2,001 cost lines; the limit is 2,000\./);
  });

  it("exactly at the limits is no size issue", () => {
    const actors = Array.from({ length: MODEL_LIMITS.actors }, (_, i) =>
      anActor(`Aktør ${i + 1}`, "Kommune"),
    );
    expect(issuesOf({ actors }).filter((i) => i.code === "model-too-large")).toEqual([]);
  });
});
