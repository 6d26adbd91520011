/**
 * Inputs of the template-based golden fixtures, as raw scenarios (see each `*.calc.md` for the hand
 * calculation). `make-fixtures.ts` fills the SØM template with them and writes the .xlsx files.
 */
import type { RawScenario } from "../../src/engine/types";

/** one-actor.calc.md */
export const ONE_ACTOR: RawScenario = {
  intervention: "Golden 1: én aktør",
  targetGroup: "Ledige kontanthjælpsmodtagere (illustrativ)",
  settings: {
    startYear: 2025,
    horizon: 3,
    horizonMethod: "calendar",
    priceLevel: 2025,
    discountRate: 0,
    operatingPeriod: 2,
  },
  actors: [{ name: "Kommune", level: "Kommune" }],
  participants: [
    { calcYear: 1, count: 10 },
    { calcYear: 2, count: 10 },
    { calcYear: 3, count: 0 },
  ],
  effects: [{ name: "Beskæftigelse", successRate: 0.5, source: "illustrativ" }],
  costs: [
    { item: "Opstart af indsats", kind: "Opstart", actor: "Kommune", amountKr: 100000, source: "illustrativ" },
    { item: "Drift af indsats", kind: "Drift", actor: "Kommune", amountKr: 50000, source: "illustrativ" },
  ],
  consequences: [{ effect: "Beskæftigelse", service: "Kontanthjælp", unit: "måned", kind: "Udgift", deltaByYear: [-1, -1, -1], source: "illustrativ" }],
  prices: [{ service: "Kontanthjælp", unit: "måned", priceYear: 2025, priceKrByActor: new Map([["Kommune", 10000]]), source: "illustrativ" }],
  priceIndex: [],
};

/** three-actors.calc.md */
export const THREE_ACTORS: RawScenario = {
  intervention: "Golden 2: tre aktører, prisindeks",
  targetGroup: "Illustrativ",
  settings: {
    startYear: 2025,
    horizon: 3,
    horizonMethod: "calendar",
    priceLevel: 2025,
    discountRate: undefined,
    operatingPeriod: 2,
  },
  actors: [
    { name: "Kommune", level: "Kommune" },
    { name: "Region", level: "Region" },
    { name: "Stat", level: "Stat" },
  ],
  participants: [
    { calcYear: 1, count: 20 },
    { calcYear: 2, count: 10 },
    { calcYear: 3, count: 0 },
  ],
  effects: [{ name: "I job", successRate: 0.25, source: "illustrativ" }],
  costs: [
    { item: "Indsatsmedarbejder", kind: "Drift", actor: "Kommune", amountKr: 200000, priceYear: 2024, source: "illustrativ" },
    { item: "Kursus", kind: "Pr. deltager", actor: "Kommune", amountKr: 5000, source: "illustrativ" },
    { item: "Sparet tilbud", kind: "Sparet", actor: "Kommune", amountKr: 40000, source: "illustrativ" },
    { item: "Udredning", kind: "Opstart", actor: "Region", amountKr: 30000, source: "illustrativ" },
  ],
  consequences: [
    { effect: "I job", service: "Kontanthjælp", unit: "måned", kind: "Udgift", deltaByYear: [-6, -6, -6], source: "illustrativ" },
    { effect: "I job", service: "Indkomstskat", unit: "år", kind: "Indtægt", deltaByYear: [1, 1, 1], source: "illustrativ" },
    { effect: "I job", service: "Sygehusbehandling", unit: "forløb", kind: "Udgift", deltaByYear: [-1, undefined, undefined], source: "illustrativ" },
  ],
  prices: [
    {
      service: "Kontanthjælp",
      unit: "måned",
      priceYear: 2025,
      priceKrByActor: new Map<string, number | undefined>([
        ["Kommune", 10000],
        ["Region", undefined],
        ["Stat", 5000],
      ]),
      source: "illustrativ",
    },
    {
      service: "Indkomstskat",
      unit: "år",
      priceYear: 2025,
      priceKrByActor: new Map([
        ["Kommune", 30000],
        ["Region", 0],
        ["Stat", 20000],
      ]),
      source: "illustrativ",
    },
    {
      service: "Sygehusbehandling",
      unit: "forløb",
      priceYear: 2024,
      priceKrByActor: new Map([
        ["Kommune", 0],
        ["Region", 8000],
        ["Stat", 0],
      ]),
      source: "illustrativ",
    },
  ],
  priceIndex: [
    { year: 2024, index: 100 },
    { year: 2025, index: 105 },
  ],
};
