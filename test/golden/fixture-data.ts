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
    {
      item: "Opstart af indsats",
      kind: "Opstart",
      actor: "Kommune",
      amountKr: 100000,
      source: "illustrativ",
    },
    { item: "Drift af indsats", kind: "Drift", actor: "Kommune", amountKr: 50000, source: "illustrativ" },
  ],
  consequences: [
    {
      effect: "Beskæftigelse",
      service: "Kontanthjælp",
      unit: "måned",
      kind: "Udgift",
      deltaByYear: [-1, -1, -1],
      source: "illustrativ",
    },
  ],
  prices: [
    {
      service: "Kontanthjælp",
      unit: "måned",
      priceYear: 2025,
      priceKrByActor: new Map([["Kommune", 10000]]),
      source: "illustrativ",
    },
  ],
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
    {
      item: "Indsatsmedarbejder",
      kind: "Drift",
      actor: "Kommune",
      amountKr: 200000,
      priceYear: 2024,
      source: "illustrativ",
    },
    { item: "Kursus", kind: "Pr. deltager", actor: "Kommune", amountKr: 5000, source: "illustrativ" },
    { item: "Sparet tilbud", kind: "Sparet", actor: "Kommune", amountKr: 40000, source: "illustrativ" },
    { item: "Udredning", kind: "Opstart", actor: "Region", amountKr: 30000, source: "illustrativ" },
  ],
  consequences: [
    {
      effect: "I job",
      service: "Kontanthjælp",
      unit: "måned",
      kind: "Udgift",
      deltaByYear: [-6, -6, -6],
      source: "illustrativ",
    },
    {
      effect: "I job",
      service: "Indkomstskat",
      unit: "år",
      kind: "Indtægt",
      deltaByYear: [1, 1, 1],
      source: "illustrativ",
    },
    {
      effect: "I job",
      service: "Sygehusbehandling",
      unit: "forløb",
      kind: "Udgift",
      deltaByYear: [-1, undefined, undefined],
      source: "illustrativ",
    },
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

/** per-cohort.calc.md: ONE_ACTOR's inputs with Horisontmetode Pr. kohorte (T = D + v + F − 2 = 4). */
export const PER_COHORT: RawScenario = {
  ...ONE_ACTOR,
  intervention: "Golden 4: én aktør, pr. kohorte",
  settings: { ...ONE_ACTOR.settings, horizonMethod: "perCohort" },
};

/** duration-during.calc.md: v = 2 per cohort, Pr. forløb and Pr. deltager costs, Under indsats lines. */
export const DURATION_DURING: RawScenario = {
  intervention: "Golden 5: varighed 2, under indsats",
  targetGroup: "Illustrativ",
  settings: {
    startYear: 2025,
    horizon: 2,
    horizonMethod: "perCohort",
    duration: 2,
    priceLevel: 2025,
    discountRate: 0.2,
    operatingPeriod: 2,
  },
  actors: [
    { name: "Kommune", level: "Kommune" },
    { name: "Stat", level: "Stat" },
  ],
  participants: [
    { calcYear: 1, count: 10 },
    { calcYear: 2, count: 20 },
  ],
  effects: [{ name: "Job", successRate: 0.5, source: "illustrativ" }],
  costs: [
    { item: "Visitation", kind: "Pr. forløb", actor: "Kommune", amountKr: 1000, source: "illustrativ" },
    { item: "Mentor", kind: "Pr. deltager", actor: "Kommune", amountKr: 500, source: "illustrativ" },
    { item: "Drift", kind: "Drift", actor: "Stat", amountKr: 8000, source: "illustrativ" },
  ],
  consequences: [
    {
      effect: "Job",
      service: "Kontanthjælp",
      unit: "måned",
      kind: "Udgift",
      deltaByYear: [-2, -1, -1],
      source: "illustrativ",
    },
    {
      effect: "Job",
      service: "Kontanthjælp",
      unit: "måned",
      kind: "Udgift",
      phase: "during",
      deltaByYear: [-1],
      source: "illustrativ",
    },
    {
      effect: "Job",
      service: "Skat",
      unit: "år",
      kind: "Indtægt",
      deltaByYear: [1, 1],
      source: "illustrativ",
    },
  ],
  prices: [
    {
      service: "Kontanthjælp",
      unit: "måned",
      priceYear: 2025,
      priceKrByActor: new Map([
        ["Kommune", 1000],
        ["Stat", 500],
      ]),
      source: "illustrativ",
    },
    {
      service: "Skat",
      unit: "år",
      priceYear: 2025,
      priceKrByActor: new Map([
        ["Kommune", 2000],
        ["Stat", 4000],
      ]),
      source: "illustrativ",
    },
  ],
  priceIndex: [],
};

/** kommune-only.calc.md: Perspektiv Kun kommune, two Kommune actors (forvaltninger), Region and Stat left out. */
export const KOMMUNE_ONLY: RawScenario = {
  intervention: "Golden 6: kun kommune",
  targetGroup: "Illustrativ",
  settings: {
    startYear: 2025,
    horizon: 2,
    horizonMethod: "perCohort",
    duration: 1,
    perspective: "kommune",
    priceLevel: 2025,
    discountRate: 0.05,
    operatingPeriod: 1,
  },
  actors: [
    { name: "Jobcenter", level: "Kommune" },
    { name: "Socialforvaltning", level: "Kommune" },
    { name: "Region", level: "Region" },
    { name: "Stat", level: "Stat" },
  ],
  participants: [{ calcYear: 1, count: 10 }],
  effects: [{ name: "Selvforsørgelse", successRate: 0.4, source: "illustrativ" }],
  costs: [
    { item: "Opstart", kind: "Opstart", actor: "Jobcenter", amountKr: 15000, source: "illustrativ" },
    {
      item: "Drift social",
      kind: "Drift",
      actor: "Socialforvaltning",
      amountKr: 10000,
      source: "illustrativ",
    },
    { item: "Drift region", kind: "Drift", actor: "Region", amountKr: 5000, source: "illustrativ" },
    { item: "Opstart stat", kind: "Opstart", actor: "Stat", amountKr: 3000, source: "illustrativ" },
  ],
  consequences: [
    {
      effect: "Selvforsørgelse",
      service: "Kontanthjælp",
      unit: "måned",
      kind: "Udgift",
      deltaByYear: [-3, -2],
      source: "illustrativ",
    },
    {
      effect: "Selvforsørgelse",
      service: "Botilbud",
      unit: "måned",
      kind: "Udgift",
      deltaByYear: [-1, -1],
      source: "illustrativ",
    },
  ],
  prices: [
    {
      service: "Kontanthjælp",
      unit: "måned",
      priceYear: 2025,
      priceKrByActor: new Map([
        ["Jobcenter", 1000],
        ["Socialforvaltning", 0],
        ["Region", 0],
        ["Stat", 400],
      ]),
      source: "illustrativ",
    },
    {
      service: "Botilbud",
      unit: "måned",
      priceYear: 2025,
      priceKrByActor: new Map([
        ["Jobcenter", 0],
        ["Socialforvaltning", 5000],
        ["Region", 2000],
        ["Stat", 0],
      ]),
      source: "illustrativ",
    },
  ],
  priceIndex: [],
};
