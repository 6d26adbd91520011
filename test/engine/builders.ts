/**
 * Test builders that speak the domain: `aScenario({ horizon: 10 })`, `aCostLine({ kind: "Drift" })`.
 * Every builder returns raw input (as a workbook reader would produce it) with sensible defaults.
 */
import { validateScenario } from "../../src/engine/validate";
import type {
  RawActor,
  RawConsequenceLine,
  RawCostLine,
  RawEffect,
  RawPriceRow,
  RawScenario,
  RawSettings,
  Scenario,
} from "../../src/engine/types";

export const anActor = (name: string, level = "Kommune"): RawActor => ({ name, level });

export const anEffect = (
  name = "Beskæftigelse",
  successRate = 0.5,
  extra: Partial<RawEffect> = {},
): RawEffect => ({
  name,
  successRate,
  ...extra,
});

export const aCostLine = (overrides: Partial<RawCostLine> = {}): RawCostLine => ({
  item: "Drift af indsats",
  kind: "Drift",
  actor: "Kommune",
  amountKr: 100_000,
  ...overrides,
});

export const aConsequenceLine = (overrides: Partial<RawConsequenceLine> = {}): RawConsequenceLine => ({
  effect: "Beskæftigelse",
  service: "Kontanthjælp",
  unit: "måned",
  kind: "Udgift",
  deltaByYear: [-1, -1, -1],
  ...overrides,
});

/** A price row; `prices` maps actor name → price per unit (kr. at `priceYear`). */
export const aPriceRow = (
  service = "Kontanthjælp",
  prices: Readonly<Record<string, number | undefined>> = { Kommune: 10_000 },
  extra: Partial<RawPriceRow> = {},
): RawPriceRow => ({
  service,
  unit: "måned",
  priceKrByActor: new Map(Object.entries(prices)),
  ...extra,
});

export interface ScenarioOverrides extends Partial<Omit<RawScenario, "settings">> {
  readonly settings?: Partial<RawSettings>;
}

/**
 * A small valid raw scenario (one actor, one effect, one cost, one consequence), overridable part by part.
 * NB: the builder's horizon method is `calendar` (Kalenderår), the rule these tests were derived for
 * (som-method.md v1: H = F, v = 1). The engine's default is `perCohort`; tests of the per-cohort rule set it
 * explicitly (`settings: { horizonMethod: "perCohort" }`) or pass `horizonMethod: undefined`.
 */
export function aRawScenario(overrides: ScenarioOverrides = {}): RawScenario {
  const { settings, ...rest } = overrides;
  return {
    intervention: "Testindsats",
    targetGroup: "Unge på kontanthjælp",
    settings: {
      startYear: 2025,
      horizon: 3,
      horizonMethod: "calendar",
      priceLevel: 2025,
      discountRate: 0,
      operatingPeriod: 2,
      ...settings,
    },
    actors: [anActor("Kommune")],
    participants: [
      { calcYear: 1, count: 10 },
      { calcYear: 2, count: 10 },
    ],
    effects: [anEffect()],
    costs: [aCostLine()],
    consequences: [aConsequenceLine()],
    prices: [aPriceRow()],
    priceIndex: [],
    ...rest,
  };
}

/** Validates and returns the scenario; fails the test with the issues when it is not valid. */
export function aScenario(overrides: ScenarioOverrides = {}): Scenario {
  const v = validateScenario(aRawScenario(overrides));
  if (!v.ok)
    throw new Error(
      `Test scenario is invalid: ${v.issues.map((i) => `${i.code} @ ${i.location.path.join(".")}`).join("; ")}`,
    );
  return v.value;
}
