/**
 * The bundled example workbook's inputs (examples/eksempel.xlsx, `npm run example`): an IPS-inspired job
 * and education support for young people on uddannelseshjælp with mental-health problems, with actors
 * Kommune/Region/Stat, a 3-year operating period, a 2-year course per citizen (Varighed 2), each cohort followed
 * 10 years from its completion year (Pr. kohorte, T = 3 + 2 + 10 − 2 = 13 years), 4 cost lines (one Pr. forløb),
 * 1 effect and 5 consequence lines (one Under indsats).
 *
 * Sourced figures (shared/reference/knowledge-base-sources.md) cite their source in `source`; every other
 * figure is marked "Illustrativt tal (ikke fra SØM's vidensdatabase)". SØM's own consequence and price
 * tables were not available, so all Δq profiles are illustrative. examples/README.md explains the figures.
 * Four rows carry a free-text `Bemærkning` (`note`), so the report's assumptions register shows users' notes.
 */
import type { UncertaintyTemplateData } from "./uncertainty-page";
import type { RawScenario } from "../../engine/types";
import type { TemplateDecision } from "./decision-layout";
import { ILLUSTRATIVE } from "./texts";

const ILL = ILLUSTRATIVE.da;

/** The effect measure (one, as in SØM). */
export const EXAMPLE_EFFECT = "I job eller uddannelse";

/**
 * Success rate 12,6 % = 59,1 % − 46,5 % (ordinary job or education within 18 months, IPS vs. usual
 * support, the Danish RCT Projekt Inklusion, n = 720). Share 0–1. Derived; another target group.
 */
export const EXAMPLE_SUCCESS_RATE = 0.126; // 0,591 − 0,465, written as the exact decimal

/** Uddannelseshjælp, under 30, living away from parents: 6.545 kr. per month, 2023 (bm.dk). */
export const UDDANNELSESHJAELP_MONTH_2023 = 6545;
/** Kommune's share after the state's 20 % refund on stage 4 of the refund ladder [M]: 6.545 × 0,8 = 5.236 kr. */
export const UDDANNELSESHJAELP_KOMMUNE = 5236;
/** The state's 20 % refund: 6.545 × 0,2 = 1.309 kr. */
export const UDDANNELSESHJAELP_STAT = 1309;

const EFFECT_SOURCE =
  "Afledt: 59,1 % mod 46,5 % i ordinært job eller uddannelse efter 18 mdr. = 12,6 procentpoint. Det danske IPS-forsøg Projekt Inklusion (RCT, n = 720), https://ipscenterdanmark.dk/forskning/ . Forbehold: forsøgets målgruppe var voksne med svær psykisk sygdom, ikke denne målgruppe.";

const UDDANNELSESHJAELP_SOURCE =
  "Afledt: uddannelseshjælp, udeboende under 30 år, 6.545 kr./md. i 2023 (https://bm.dk/satser/satser-for-2023/uddannelseshjaelp), fordelt efter refusionstrappens trin 4 (over 52 uger): 20 % statsrefusion → Kommune 80 % = 5.236 kr., Stat 20 % = 1.309 kr. Trinnenes ugegrænser er ikke verificeret (kilde med middel sikkerhed).";

/** The example scenario (price level 2023: every price and amount is in 2023 kroner, so no index is needed). */
export const EXAMPLE_DATA: RawScenario = {
  intervention: "IPS-inspireret job- og uddannelsesstøtte for unge (eksempel)",
  targetGroup: "Unge 18–29 år på uddannelseshjælp med psykiske vanskeligheder (illustrativ afgrænsning)",
  settings: {
    startYear: 2025,
    horizon: 10,
    horizonMethod: "perCohort",
    duration: 2,
    priceLevel: 2023,
    discountRate: 0.035,
    operatingPeriod: 3,
  },
  actors: [
    { name: "Kommune", level: "Kommune" },
    { name: "Region", level: "Region" },
    { name: "Stat", level: "Stat" },
  ],
  participants: [
    { calcYear: 1, count: 30 },
    { calcYear: 2, count: 40 },
    { calcYear: 3, count: 40 },
  ],
  effects: [
    {
      name: EXAMPLE_EFFECT,
      successRate: EXAMPLE_SUCCESS_RATE,
      source: EFFECT_SOURCE,
      note: "Forsøgets effekt er brugt uændret, selv om målgruppen her er yngre; se følsomhedsanalysen.",
    },
  ],
  costs: [
    {
      item: "Opstart: uddannelse af IPS-konsulenter",
      kind: "Opstart",
      actor: "Kommune",
      amountKr: 300000,
      source: ILL,
    },
    {
      item: "IPS-konsulenter (3 årsværk)",
      kind: "Drift",
      actor: "Kommune",
      amountKr: 1800000,
      source: ILL,
      note: "3 årsværk à 600.000 kr. inkl. overhead (forvaltningens skøn).",
    },
    {
      item: "Visitation og jobplan ved start",
      kind: "PrForloeb",
      actor: "Kommune",
      amountKr: 2500,
      source: ILL,
    },
    {
      item: "Koordinering med behandlingspsykiatrien",
      kind: "PrDeltager",
      actor: "Region",
      amountKr: 4000,
      source: ILL,
    },
  ],
  consequences: [
    {
      effect: EXAMPLE_EFFECT,
      service: "Uddannelseshjælp",
      unit: "måned",
      kind: "Udgift",
      deltaByYear: [-4, -7, -7, -6, -6, -5, -5, -4, -4, -4],
      source: ILL,
    },
    {
      effect: EXAMPLE_EFFECT,
      service: "Beskæftigelsesrettet tilbud",
      unit: "måned",
      kind: "Udgift",
      deltaByYear: [-2, -3, -2, -2, -1, -1, -1, -1, -1, -1],
      source: ILL,
    },
    {
      effect: EXAMPLE_EFFECT,
      service: "Psykiatrisk ambulant besøg",
      unit: "besøg",
      kind: "Udgift",
      deltaByYear: [-2, -2, -1, -1, -1],
      source: ILL,
    },
    {
      effect: EXAMPLE_EFFECT,
      service: "Skat af arbejdsindkomst",
      unit: "år",
      kind: "Indtaegt",
      deltaByYear: [0.2, 0.4, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      source: ILL,
      note: "Kun skat af lønindkomst; moms og afledte effekter er ikke medregnet.",
    },
    {
      effect: EXAMPLE_EFFECT,
      service: "Uddannelseshjælp",
      unit: "måned",
      kind: "Udgift",
      phase: "during",
      deltaByYear: [-2],
      source: ILL,
    },
  ],
  prices: [
    {
      service: "Uddannelseshjælp",
      unit: "måned",
      priceYear: 2023,
      priceKrByActor: new Map([
        ["Kommune", UDDANNELSESHJAELP_KOMMUNE],
        ["Region", 0],
        ["Stat", UDDANNELSESHJAELP_STAT],
      ]),
      source: UDDANNELSESHJAELP_SOURCE,
    },
    {
      service: "Beskæftigelsesrettet tilbud",
      unit: "måned",
      priceYear: 2023,
      priceKrByActor: new Map([
        ["Kommune", 3500],
        ["Region", 0],
        ["Stat", 0],
      ]),
      source: ILL,
    },
    {
      service: "Psykiatrisk ambulant besøg",
      unit: "besøg",
      priceYear: 2023,
      priceKrByActor: new Map([
        ["Kommune", 0],
        ["Region", 2200],
        ["Stat", 0],
      ]),
      source: ILL,
      note: "Gennemsnitlig takst pr. besøg, ikke regionens egen opgørelse.",
    },
    {
      service: "Skat af arbejdsindkomst",
      unit: "år",
      priceYear: 2023,
      priceKrByActor: new Map([
        ["Kommune", 45000],
        ["Region", 0],
        ["Stat", 35000],
      ]),
      source: ILL,
    },
  ],
  priceIndex: [],
};

/**
 * Budget and pool settings of the example (som-method.md §11): budget year 2026 (the second calculation year),
 * 100 % of the kommune's gain paid back to the pool, amounts in whole thousands. The example has no price index,
 * so the Budget sheet stays at the 2023 price level and says so.
 */
/**
 * The example's §11 inputs: budget year 2026, the pool paid back in full, whole thousands, and two realised years on
 * the Opfølgning page (illustrative figures, som-method.md §11): in 2025 28 starters (forecast 30), 10 % of them
 * reached the outcome (forecast 12,6 %) and the Kommune spent 2.250.000 kr. (forecast 300.000 + 1.800.000 + 2.500 × 30 at the
 * 2023 price level; Prisår blank = the price level); in 2026 42 starters (forecast 40).
 */
export const EXAMPLE_DECISION: TemplateDecision = {
  budgetYear: 2026,
  poolShare: 1,
  unit: "1.000 kr.",
  realised: {
    rows: [
      { year: 1, participants: 28, successRates: [0.1], costsKr: { Kommune: 2_250_000 }, source: ILL },
      { year: 2, participants: 42, source: ILL },
    ],
  },
};

/**
 * The example's uncertain inputs for the simulation (illustrative ranges, not from SØM's knowledge base):
 * the success rate between 6 % and 20 % (most likely the example's 12,6 %), consequences −30 % to +10 %, costs −5 % to
 * +25 % (most likely 0 %). 10.000 iterations, seed 1.
 */
export const EXAMPLE_UNCERTAINTY: UncertaintyTemplateData = {
  inputs: [
    { parameter: "Succesrate", distribution: "Trekant", low: 0.06, mode: EXAMPLE_SUCCESS_RATE, high: 0.2 },
    { parameter: "Konsekvenser", distribution: "Uniform", low: -0.3, high: 0.1 },
    { parameter: "Omkostninger", distribution: "Trekant", low: -0.05, mode: 0, high: 0.25 },
  ],
  iterations: 10_000,
  seed: 1,
};
