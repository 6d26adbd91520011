/**
 * The decision report (issue 15) as data: SØM's published structure — Sammenfatning, Omkostninger, Effekt,
 * Konsekvenser og priser, Resultater, Følsomhedsanalyser, Forudsætninger, the annexes "Medregnede konsekvenser"
 * and "Detaljerede budgetøkonomiske konsekvenser", and a short methods note — built from the engine's results
 * and the validated inputs. One model, two renderings: the `Rapport` sheet (`report-sheet.ts`) and the
 * self-contained HTML document of `som report` (`report-html.ts`), so the two cannot disagree.
 *
 * Every number in a table is the engine's value, unrounded; a cell carries its kind (`kr`, `pct`, …) and the
 * renderer formats it (the sheet by number format, the HTML through `src/present/format.ts` — the one rounding).
 * Only the plain-language sentences hold formatted numbers, made with the same formatters.
 * Pure and browser-safe: no Date (the caller passes the stamp text), no I/O.
 */
import {
  breakEvenValues,
  tornado,
  type BreakEvenValue,
  type BreakEvenValues,
  type SensitivitySettings,
  type Tornado,
} from "../../engine/sensitivity/analyses";
import { defaultOneWaySettings } from "../../engine/sensitivity/defaults";
import type { SensitivityParameter } from "../../engine/sensitivity/parameters";
import { LEVELS, type ResultBlock, type Results, type Scenario } from "../../engine/types";
import { formatDecimal, formatKr, formatPercent, type Lang } from "../../present/format";
import { cohortsFollowedText, durationText, methodText, perspectiveText } from "../../present/model-text";
import {
  CONSEQUENCE_KIND_LABELS,
  COST_KIND_LABELS,
  enumLabel,
  HORIZON_METHOD_LABELS,
  levelLabel,
  PERSPECTIVE_LABELS,
  PHASE_LABELS,
  SENSITIVITY_PARAMETER_LABELS,
} from "../names";

/** How a table cell is shown: `kr` whole kroner, `pct` a share as %, `year` a year, `ratio` 2 decimals, `num` up to 3 decimals, `text`. */
export type ReportFormat = "kr" | "pct" | "year" | "ratio" | "num" | "int" | "text";

export interface ReportCell {
  readonly v: string | number | null;
  readonly f: ReportFormat;
  /** A marked cell (e.g. an input without a source): shown highlighted. */
  readonly mark?: boolean;
}

export interface ReportTable {
  /** A short caption above the table (optional). */
  readonly caption?: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly ReportCell[])[];
  /** Rows (0-based into `rows`) shown bold, e.g. totals. */
  readonly boldRows?: readonly number[];
  /** What the table is, for tests and the sheet's names (e.g. "keyFigures"). */
  readonly id: string;
  /**
   * Text columns (indices) that share the page's spare width on the `Rapport` sheet (merged cells), e.g. the
   * register's Note and Kilde. Without it the last column takes the rest when it holds text.
   */
  readonly spanColumns?: readonly number[];
}

export interface LineChartData {
  readonly kind: "line";
  readonly title: string;
  readonly categories: readonly number[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
  /** The id of the table the series come from (the sheet's chart points at its cells). */
  readonly tableId: string;
}

export interface TornadoChartData {
  readonly kind: "tornado";
  readonly title: string;
  readonly base: number;
  /** The base line's label, e.g. "Rød linje: nettoresultat i grundberegningen". */
  readonly baseLabel: string;
  readonly bars: readonly { readonly label: string; readonly low: number; readonly high: number }[];
  readonly tableId: string;
}

export type ReportChart = LineChartData | TornadoChartData;

export interface ReportSection {
  readonly id:
    | "summary"
    | "costs"
    | "effect"
    | "consequences"
    | "results"
    | "sensitivity"
    | "assumptions"
    | "annexConsequences"
    | "annexBudget"
    | "method";
  readonly title: string;
  /** Paragraphs before the tables (plain language). */
  readonly paragraphs: readonly string[];
  readonly tables: readonly ReportTable[];
  readonly charts: readonly ReportChart[];
}

export interface ReportModel {
  readonly lang: Lang;
  readonly title: string;
  /** The intervention's name (page header). */
  readonly intervention: string;
  /** "Beregnet 2026-12-06 09:05 (UTC+01:00) · motorversion 1.2.0" — one line under the title. */
  readonly stampLine: string;
  readonly sections: readonly ReportSection[];
}

export interface ReportContext {
  readonly lang: Lang;
  /** The time stamp text (`stampTime(now)`), never computed here. */
  readonly stamp: string;
  readonly engineVersion: string;
  /**
   * The workbook's sensitivity settings (`readSensitivity`), or null when they are missing or have issues: the
   * report then uses the defaults and says so.
   */
  readonly sensitivity: SensitivitySettings | null;
}

const cell = (v: string | number | null, f: ReportFormat, mark = false): ReportCell =>
  mark ? { v, f, mark } : { v, f };
const kr = (v: number): ReportCell => cell(v, "kr");
const txt = (v: string): ReportCell => cell(v, "text");

/** The words of the summary sentence in one language; `summarySentence` puts them together. */
interface SentenceWords {
  /** The actor (or "all actors", `all`) spends `cost` and gets `gets` in the years `span`. */
  readonly spends: (who: string, cost: string, gets: string, span: string, all: boolean) => string;
  /** The actor has no net costs and gets `gets` in the years `span`. */
  readonly noCosts: (who: string, gets: string, span: string, all: boolean) => string;
  readonly surplus: (v: string) => string;
  readonly deficit: (v: string) => string;
  readonly notPaid: string;
  readonly paidIn: (year: number) => string;
  readonly join: (head: string, net: string, when: string) => string;
}

/** One actor's (or all actors') result in a sentence: costs and consequences, surplus or deficit, break-even. */
function summarySentence(
  lang: Lang,
  w: SentenceWords,
): (who: string, b: ResultBlock, first: number, last: number, all: boolean) => string {
  return (who, b, first, last, all) => {
    const span = `${first}–${last}`;
    const gets = formatKr(b.consequenceTotal, lang);
    const head =
      b.costTotal > 0
        ? w.spends(who, formatKr(b.costTotal, lang), gets, span, all)
        : w.noCosts(who, gets, span, all);
    const net =
      b.netTotal >= 0 ? w.surplus(formatKr(b.netTotal, lang)) : w.deficit(formatKr(-b.netTotal, lang));
    const when = b.breakEvenYear === null ? w.notPaid : w.paidIn(b.breakEvenYear);
    return w.join(head, net, when);
  };
}

/** Danish/English texts of the report. */
const T = {
  da: {
    title: (name: string): string => `Beslutningsrapport: ${name}`,
    stamp: (stamp: string, version: string): string =>
      `Beregnet ${stamp} med SØM for Excel, motorversion ${version}. Beløb i kr. i prisniveauet; positive tal er en gevinst for den offentlige økonomi.`,
    s: {
      summary: "1. Sammenfatning",
      costs: "2. Omkostninger",
      effect: "3. Effekt",
      consequences: "4. Konsekvenser og priser",
      results: "5. Resultater",
      sensitivity: "6. Følsomhedsanalyser",
      assumptions: "7. Forudsætninger",
      annexConsequences: "Bilag A. Medregnede konsekvenser",
      annexBudget: "Bilag B. Detaljerede budgetøkonomiske konsekvenser",
      method: "Metodenote",
    },
    facts: "Beregningens grundlag",
    fact: "Forhold",
    value: "Værdi",
    intervention: "Indsats",
    targetGroup: "Målgruppe",
    noTargetGroup: "(ikke angivet)",
    participants: "Deltagere i alt (starter)",
    operating: "Driftsperiode (år)",
    duration: "Varighed pr. borger (år)",
    method: "Horisontmetode",
    years: "Beregningsår",
    cohortsFollowed: "Hold fulgt",
    perspective: "Perspektiv",
    priceLevel: "Prisniveau",
    discount: "Diskonteringsrente",
    keyCaption: "Nøgletal pr. aktør og i alt (kr.)",
    who: "Aktør",
    net: "Nettoresultat",
    pv: "Nutidsværdi",
    breakEven: "Tilbagebetalingsår",
    rpk: "Afkast pr. krone",
    critical: (e: string): string => `Kritisk succesrate: ${e}`,
    notWithin: "ikke inden for tidshorisonten",
    noCosts: "ingen omkostninger",
    cannot: "kan ikke tjene sig hjem",
    total: "I alt",
    level: (l: string): string => `Niveau: ${l}`,
    allActors: "Alle aktører tilsammen",
    sentence: summarySentence("da", {
      spends: (who, cost, gets, span) =>
        `${who} bruger ${cost} på indsatsen og får ${gets} i sparede udgifter og merindtægter i ${span}`,
      noCosts: (who, gets, span) =>
        `${who} har ingen nettoomkostninger og får ${gets} i sparede udgifter og merindtægter i ${span}`,
      surplus: (v) => `det giver et overskud på ${v}`,
      deficit: (v) => `det giver et underskud på ${v}`,
      notPaid: "investeringen er ikke tjent hjem inden for tidshorisonten",
      paidIn: (year) => `investeringen er tjent hjem i ${year}`,
      join: (head, net, when) => `${head}; ${net}, og ${when}.`,
    }),
    cumulativeChart: "Kumuleret nettoresultat pr. aktør (kr.)",
    costLines: "Omkostningslinjer (beløb i prisåret; art og år som angivet)",
    costHeader: ["Post", "Art", "Aktør", "Beløb (kr.)", "Prisår", "Fra år", "Til år", "Kilde"],
    costTotals: "Omkostninger pr. aktør over tidshorisonten (kr. i prisniveauet)",
    costTotalsHeader: ["Aktør", "Omkostninger i alt"],
    participantsCaption: "Deltagere pr. startår og hvor længe hvert hold er fulgt",
    participantsHeader: ["Startår", "Afslutningsår", "Deltagere", "Konsekvensår medregnet"],
    effectsCaption: "Effektmål og succesrater (andel, der når målet på grund af indsatsen)",
    effectsHeader: ["Effektmål", "Succesrate", "Forventede succeser", "Kilde"],
    consLines: "Ændring i forbrug pr. succesfuld borger (Δq pr. år)",
    consHeader: (j: number): string[] => [
      "Ydelse",
      "Effektmål",
      "Enhed",
      "Art",
      "Fase",
      ...Array.from({ length: j }, (_, i) => `År ${i + 1}`),
      "Kilde",
    ],
    pricesCaption: (p: number): string =>
      `Priser pr. enhed (kr. i prisåret; omregnet til ${p} i beregningen)`,
    pricesHeader: (actors: readonly string[]): string[] => ["Ydelse", "Enhed", "Prisår", ...actors, "Kilde"],
    resultsCaption: "Nettoresultat pr. aktør og år (kr.)",
    year: "År",
    cumulativeTotal: "Kumuleret i alt",
    beyond: (v: string): string =>
      `Værdi uden for tidshorisonten: ${v} (konsekvenser efter den sidste medregnede periode; ikke diskonteret og ikke medregnet).`,
    tornadoIntro: (from: boolean): string =>
      from
        ? "Hver parameter er sat til sin lave og høje værdi fra arket Følsomhed; alt andet er uændret. Hver variant er en ny beregning."
        : "Arket Følsomhed har ingen gyldige indstillinger; standardværdierne er brugt (succesrate 50 % og 150 % af den angivne, konsekvenser, omkostninger og deltagere ±25 %, priser ±10 %, tidshorisont 5 og 15 år).",
    tornadoCaption: "Tornado: nettoresultat i alt ved lav og høj værdi (sorteret efter udsving)",
    tornadoHeader: [
      "Parameter",
      "Lav værdi",
      "Høj værdi",
      "Nettoresultat ved lav",
      "Nettoresultat ved høj",
      "Udsving",
    ],
    tornadoChart: "Tornado: nettoresultat i alt (kr.)",
    tornadoBase: "Rød linje: nettoresultat i alt i grundberegningen",
    criticalCaption: "Kritiske værdier: hvor nettoresultatet over tidshorisonten netop er 0",
    criticalHeader: ["Aktør", "Fælles succesrate", "Ændring i konsekvenser", "Ændring i omkostninger"],
    alwaysPositive: "altid positivt",
    alwaysNegative: "altid negativt",
    assumptionsIntro:
      "Alle input, som resultatet hviler på. «Oprindelse» siger, om tallet er indsat fra vidensdatabasen (kilden har databasens stempel «(år, sikkerhed …)») eller tastet; input uden kilde er markeret. «Note» viser først brugerens egen bemærkning fra inputarket (kolonnen «Bemærkning»), dernæst beregningens oplysninger (år, prisomregning).",
    assumptionsHeader: ["Input", "Område", "Værdi", "Enhed", "Oprindelse", "Note", "Kilde"],
    area: {
      settings: "Indstillinger",
      participants: "Deltagere",
      effect: "Effekt",
      cost: "Omkostning",
      consequence: "Konsekvens",
      price: "Pris",
      index: "Prisindeks",
    },
    origin: { knowledge: "Vidensdatabasen", typed: "Tastet", none: "Ingen kilde" },
    noSource: "(ingen kilde)",
    unit: { year: "år", share: "andel", kr: "kr.", persons: "personer", index: "indeks" },
    startYear: "Startår",
    horizon: "Tidshorisont",
    consNote: (n: number): string => `værdien er summen af Δq over ${n} år`,
    costNote: (from: number, to: number): string => `år ${from}–${to}`,
    priceNote: (p: number, b: number): string =>
      p === b ? "" : `omregnet fra ${b} til ${p} med prisindekset`,
    annexConsIntro:
      "De konsekvenser, der indgår i resultatet, pr. ydelse og effektmål, summeret over tidshorisonten (kr. i prisniveauet; positive tal = sparede udgifter eller merindtægter).",
    annexConsHeader: (actors: readonly string[]): string[] => ["Ydelse / effektmål", ...actors, "I alt"],
    service: (s: string): string => `Ydelse: ${s}`,
    effect: (e: string): string => `Effektmål: ${e}`,
    annexBudgetIntro:
      "Omkostninger, konsekvenser og nettoresultat pr. år for hver aktør (kr. i prisniveauet; omkostninger som positive tal).",
    budgetCaption: (who: string): string => `${who}: pr. år`,
    budgetHeader: ["År", "Omkostninger", "Konsekvenser", "Nettoresultat", "Kumuleret", "Diskonteret"],
    methodNote: (r: Results): string[] => [
      "Beregningen følger Socialstyrelsens socialøkonomiske investeringsmodel (SØM): nettoresultatet er konsekvenserne (sparede udgifter og merindtægter) minus omkostningerne, pr. aktør og år, i faste priser.",
      r.horizon.method === "perCohort"
        ? `Hvert hold deltagere følges ${r.horizon.years} år fra det år, holdet afslutter indsatsen (SØM's praksis).`
        : `Kun de ${r.horizon.years} kalenderår fra startåret tælles (projektets valg til budgetvisning); senere hold følges i færre år.`,
      "Konsekvenser efter tidshorisonten medregnes ikke; deres værdi vises for sig, ikke diskonteret (projektets valg).",
      "Mindre forbrug af en udgift er en besparelse; mere skat er en indtægt. Positive tal er en gevinst for den offentlige økonomi (projektets valg).",
      "Nutidsværdien diskonterer fra år 2; år 1 diskonteres ikke (projektets valg).",
      "Tilbagebetalingsåret er det første år, hvorfra det kumulerede nettoresultat forbliver 0 eller derover. Den kritiske succesrate er den succesrate, hvor nettoresultatet over tidshorisonten netop er 0 (projektets valg).",
      "Flere effektmål i samme beregning er tilladt; deres konsekvenser lægges sammen (SØM har ét; projektets valg).",
    ],
  },
  en: {
    title: (name: string): string => `Decision report: ${name}`,
    stamp: (stamp: string, version: string): string =>
      `Calculated ${stamp} with SØM for Excel, engine version ${version}. Amounts in kr. at the price level; positive figures are a gain for the public budget.`,
    s: {
      summary: "1. Summary",
      costs: "2. Costs",
      effect: "3. Effect",
      consequences: "4. Consequences and prices",
      results: "5. Results",
      sensitivity: "6. Sensitivity analyses",
      assumptions: "7. Assumptions",
      annexConsequences: "Annex A. Consequences counted",
      annexBudget: "Annex B. Detailed budget consequences",
      method: "Methods note",
    },
    facts: "Basis of the calculation",
    fact: "Item",
    value: "Value",
    intervention: "Intervention",
    targetGroup: "Target group",
    noTargetGroup: "(not given)",
    participants: "Participants in all (starters)",
    operating: "Operating period (years)",
    duration: "Duration per citizen (years)",
    method: "Horizon method",
    years: "Calculation years",
    cohortsFollowed: "Cohorts followed",
    perspective: "Perspective",
    priceLevel: "Price level",
    discount: "Discount rate",
    keyCaption: "Key figures per actor and in total (kr.)",
    who: "Actor",
    net: "Net result",
    pv: "Present value",
    breakEven: "Break-even year",
    rpk: "Return per krone",
    critical: (e: string): string => `Break-even success rate: ${e}`,
    notWithin: "not within the horizon",
    noCosts: "no costs",
    cannot: "cannot break even",
    total: "Total",
    level: (l: string): string => `Level: ${l}`,
    allActors: "All actors together",
    // "All actors together" takes the plural verb.
    sentence: summarySentence("en", {
      spends: (who, cost, gets, span, all) =>
        `${who} ${all ? "spend" : "spends"} ${cost} on the intervention and ${all ? "get" : "gets"} ${gets} in saved expenditure and extra revenue in ${span}`,
      noCosts: (who, gets, span, all) =>
        `${who} ${all ? "have" : "has"} no net costs and ${all ? "get" : "gets"} ${gets} in saved expenditure and extra revenue in ${span}`,
      surplus: (v) => `a surplus of ${v}`,
      deficit: (v) => `a deficit of ${v}`,
      notPaid: "the investment does not pay for itself within the horizon",
      paidIn: (year) => `the investment has paid for itself in ${year}`,
      join: (head, net, when) => `${head}: ${net}, and ${when}.`,
    }),
    cumulativeChart: "Cumulative net result per actor (kr.)",
    costLines: "Cost lines (amounts at their price year; kind and years as given)",
    costHeader: ["Item", "Kind", "Actor", "Amount (kr.)", "Price year", "From year", "To year", "Source"],
    costTotals: "Costs per actor over the horizon (kr. at the price level)",
    costTotalsHeader: ["Actor", "Costs, total"],
    participantsCaption: "Participants per start year and how long each cohort was followed",
    participantsHeader: ["Start year", "Completion year", "Participants", "Consequence years counted"],
    effectsCaption: "Outcomes and success rates (share reaching the outcome because of the intervention)",
    effectsHeader: ["Outcome", "Success rate", "Expected successes", "Source"],
    consLines: "Change in use per successful citizen (Δq per year)",
    consHeader: (j: number): string[] => [
      "Service",
      "Outcome",
      "Unit",
      "Kind",
      "Phase",
      ...Array.from({ length: j }, (_, i) => `Year ${i + 1}`),
      "Source",
    ],
    pricesCaption: (p: number): string =>
      `Prices per unit (kr. at their price year; converted to ${p} in the calculation)`,
    pricesHeader: (actors: readonly string[]): string[] => [
      "Service",
      "Unit",
      "Price year",
      ...actors,
      "Source",
    ],
    resultsCaption: "Net result per actor and year (kr.)",
    year: "Year",
    cumulativeTotal: "Cumulative total",
    beyond: (v: string): string =>
      `Value beyond the horizon: ${v} (consequences after the last counted period; undiscounted and not counted).`,
    tornadoIntro: (from: boolean): string =>
      from
        ? "Each parameter is set to its low and high value from the Følsomhed sheet; everything else is unchanged. Every variant is a new calculation."
        : "The Følsomhed sheet has no valid settings; the defaults are used (success rate 50 % and 150 % of the one given, consequences, costs and participants ±25 %, prices ±10 %, horizon 5 and 15 years).",
    tornadoCaption: "Tornado: total net result at the low and the high value (sorted by swing)",
    tornadoHeader: [
      "Parameter",
      "Low value",
      "High value",
      "Net result at low",
      "Net result at high",
      "Swing",
    ],
    tornadoChart: "Tornado: total net result (kr.)",
    tornadoBase: "Red line: total net result of the base calculation",
    criticalCaption: "Critical values: where the net result over the horizon is exactly 0",
    criticalHeader: ["Actor", "Common success rate", "Change in consequences", "Change in costs"],
    alwaysPositive: "always positive",
    alwaysNegative: "always negative",
    assumptionsIntro:
      "Every input the result rests on. “Origin” says whether the figure was inserted from the knowledge base (its source carries the base's stamp “(year, sikkerhed …)”) or typed; inputs without a source are marked. “Note” shows the user's own note from the input sheet (the “Note” column) first, then the calculation's details (years, price conversion).",
    assumptionsHeader: ["Input", "Area", "Value", "Unit", "Origin", "Note", "Source"],
    area: {
      settings: "Settings",
      participants: "Participants",
      effect: "Effect",
      cost: "Cost",
      consequence: "Consequence",
      price: "Price",
      index: "Price index",
    },
    origin: { knowledge: "Knowledge base", typed: "Typed", none: "No source" },
    noSource: "(no source)",
    unit: { year: "year", share: "share", kr: "kr.", persons: "persons", index: "index" },
    startYear: "Start year",
    horizon: "Horizon",
    consNote: (n: number): string => `the value is the sum of Δq over ${n} years`,
    costNote: (from: number, to: number): string => `years ${from}–${to}`,
    priceNote: (p: number, b: number): string =>
      p === b ? "" : `converted from ${b} to ${p} by the price index`,
    annexConsIntro:
      "The consequences counted in the result, per service and outcome, summed over the horizon (kr. at the price level; positive = saved expenditure or extra revenue).",
    annexConsHeader: (actors: readonly string[]): string[] => ["Service / outcome", ...actors, "Total"],
    service: (s: string): string => `Service: ${s}`,
    effect: (e: string): string => `Outcome: ${e}`,
    annexBudgetIntro:
      "Costs, consequences and net result per year for each actor (kr. at the price level; costs as positive figures).",
    budgetCaption: (who: string): string => `${who}: by year`,
    budgetHeader: ["Year", "Costs", "Consequences", "Net result", "Cumulative", "Discounted"],
    methodNote: (r: Results): string[] => [
      "The calculation follows Socialstyrelsen's socio-economic investment model (SØM): the net result is the consequences (saved expenditure and extra revenue) minus the costs, per actor and year, at fixed prices.",
      r.horizon.method === "perCohort"
        ? `Each cohort of participants is followed ${r.horizon.years} years from the year it completes the intervention (SØM's practice).`
        : `Only the ${r.horizon.years} calendar years from the start year count (the project's choice for budget views); later cohorts are followed for fewer years.`,
      "Consequences after the horizon are not counted; their value is shown apart, undiscounted (the project's choice).",
      "Less use of an expenditure is a saving; more tax is revenue. Positive figures are a gain for the public budget (the project's choice).",
      "The present value discounts from year 2; year 1 is not discounted (the project's choice).",
      "The break-even year is the first year from which the cumulative net result stays at 0 or above. The break-even success rate is the success rate at which the net result over the horizon is exactly 0 (the project's choice).",
      "Several outcomes in one calculation are allowed; their consequences are added (SØM has one; the project's choice).",
    ],
  },
} as const;

type Texts = (typeof T)[Lang];

/** The knowledge base's stamp in a `Kilde` text: "… (2021, sikkerhed middel)" (src/app/knowledge-insert.ts). */
const KNOWLEDGE_STAMP = /\(\d{4}, sikkerhed [^)]*\)/;

/** Where an input's figure came from, judged by its `Kilde` text. */
export function originOf(source: string | undefined): "knowledge" | "typed" | "none" {
  if (source === undefined || source.trim() === "") return "none";
  return KNOWLEDGE_STAMP.test(source) ? "knowledge" : "typed";
}

/**
 * The register's Note cell [D]: the user's own note (`Bemærkning`/`Note` column of the input block) first, then
 * our generated note (years, price conversion, Δq sum) after " — "; either alone when the other is empty.
 * Example: registerNote("Skøn fra forvaltningen", "år 2025–2027") → "Skøn fra forvaltningen — år 2025–2027".
 */
export function registerNote(user: string | undefined, generated = ""): string {
  const own = user?.trim() ?? "";
  if (own === "") return generated;
  return generated === "" ? own : `${own} — ${generated}`;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0);

/** The result scopes shown: actors, levels with more than one actor, total (no repeated single-actor levels). */
export function reportScopes(
  results: Results,
  t: Texts,
  lang: Lang,
): { readonly label: string; readonly block: ResultBlock; readonly kind: "actor" | "level" | "total" }[] {
  const out: { label: string; block: ResultBlock; kind: "actor" | "level" | "total" }[] = results.actors.map(
    (a, i) => ({ label: a.name, block: results.byActor[i] as ResultBlock, kind: "actor" as const }),
  );
  for (const level of LEVELS) {
    const block = results.byLevel.get(level);
    if (block === undefined) continue;
    if (results.actors.filter((a) => a.level === level).length < 2) continue;
    out.push({ label: t.level(levelLabel(level, lang)), block, kind: "level" });
  }
  out.push({ label: t.total, block: results.total, kind: "total" });
  return out;
}

const parameterText = (p: SensitivityParameter, lang: Lang): string =>
  SENSITIVITY_PARAMETER_LABELS.find((l) => l.key === p)?.[lang] ?? p;

/** A parameter value as typed: a rate or change as %, the horizon in years. */
const parameterCell = (p: SensitivityParameter, v: number): ReportCell =>
  p === "horizon" ? cell(v, "int") : cell(v, "pct");

function breakEvenCell(v: BreakEvenValue, t: Texts): ReportCell {
  if (v.reachable) return cell(v.value, "pct");
  return txt(v.reason === "always-positive" ? t.alwaysPositive : t.alwaysNegative);
}

/**
 * The report for one calculation. `results` must be `calculate(scenario)`.
 * Example: buildReportModel(results, scenario, { lang: "da", stamp: stampTime(now), engineVersion: ENGINE_VERSION, sensitivity: null })
 */
export function buildReportModel(results: Results, scenario: Scenario, ctx: ReportContext): ReportModel {
  const lang = ctx.lang;
  const t: Texts = T[lang];
  const first = results.years[0] ?? scenario.settings.startYear;
  const last = results.years[results.years.length - 1] ?? first;
  const scopes = reportScopes(results, t, lang);
  const actorNames = results.actors.map((a) => a.name);
  const effects = scenario.effects;
  const P = results.priceLevel;

  // ── 1. Summary
  const facts: ReportCell[][] = [
    [txt(t.intervention), txt(scenario.intervention)],
    [txt(t.targetGroup), txt(scenario.targetGroup.trim() === "" ? t.noTargetGroup : scenario.targetGroup)],
    [txt(t.participants), txt(formatDecimal(results.totalCompleters, lang, 3))],
    [txt(t.operating), txt(String(scenario.settings.operatingPeriod))],
    // The model in the shared wording of the sheet, the pane and the command line (src/present/model-text.ts).
    [txt(t.duration), txt(durationText(results.duration, lang))],
    [txt(t.method), txt(methodText(results.horizon.method, results.horizon.years, lang))],
    [txt(t.cohortsFollowed), txt(cohortsFollowedText(results, lang))],
    [txt(t.years), txt(`${first}–${last}`)],
    [txt(t.perspective), txt(perspectiveText(results.perspective, lang))],
    [txt(t.priceLevel), txt(String(P))],
    [txt(t.discount), txt(formatPercent(results.discountRate, lang, 2))],
  ];
  const keyRows: ReportCell[][] = scopes.map((s) => {
    const b = s.block;
    const f = b.breakEvenSuccessFactor;
    return [
      txt(s.label),
      kr(b.netTotal),
      kr(b.presentValue),
      b.breakEvenYear === null ? txt(t.notWithin) : cell(b.breakEvenYear, "year"),
      b.returnPerKrone === null ? txt(t.noCosts) : cell(b.returnPerKrone, "ratio"),
      ...effects.map((e) => (f === null ? txt(t.cannot) : cell(f * e.successRate, "pct"))),
    ];
  });
  const cumulativeRows: ReportCell[][] = results.years.map((y, i) => [
    cell(y, "year"),
    ...scopes.filter((s) => s.kind !== "level").map((s) => kr(s.block.cumulative[i] ?? 0)),
  ]);
  const chartScopes = scopes.filter((s) => s.kind !== "level");
  const summary: ReportSection = {
    id: "summary",
    title: t.s.summary,
    paragraphs: scopes
      .filter((s) => s.kind !== "level")
      .map((s) =>
        s.kind === "total"
          ? t.sentence(t.allActors, s.block, first, last, true)
          : t.sentence(s.label, s.block, first, last, false),
      ),
    tables: [
      { id: "facts", caption: t.facts, header: [t.fact, t.value], rows: facts },
      {
        id: "keyFigures",
        caption: t.keyCaption,
        header: [t.who, t.net, t.pv, t.breakEven, t.rpk, ...effects.map((e) => t.critical(e.name))],
        rows: keyRows,
        boldRows: [keyRows.length - 1],
      },
      {
        id: "cumulative",
        caption: t.cumulativeChart,
        header: [t.year, ...chartScopes.map((s) => s.label)],
        rows: cumulativeRows,
      },
    ],
    charts: [
      {
        kind: "line",
        title: t.cumulativeChart,
        categories: results.years,
        series: chartScopes.map((s) => ({ name: s.label, values: s.block.cumulative })),
        tableId: "cumulative",
      },
    ],
  };

  // ── 2. Costs
  const costLines: ReportCell[][] = scenario.costs.map((c) => [
    txt(c.item),
    txt(COST_KIND_LABELS.find((k) => k.kind === c.kind)?.[lang] ?? c.kind),
    txt(scenario.actors[c.actor]?.name ?? ""),
    kr(c.amountKr),
    cell(c.priceYear, "year"),
    cell(first + c.fromYear - 1, "year"),
    cell(first + c.toYear - 1, "year"),
    c.source === undefined || c.source.trim() === "" ? cell(t.noSource, "text", true) : txt(c.source),
  ]);
  const costTotals: ReportCell[][] = [
    ...results.actors.map((a, i) => [txt(a.name), kr(results.byActor[i]?.costTotal ?? 0)]),
    [txt(t.total), kr(results.total.costTotal)],
  ];
  const costs: ReportSection = {
    id: "costs",
    title: t.s.costs,
    paragraphs: [],
    tables: [
      { id: "costLines", caption: t.costLines, header: t.costHeader, rows: costLines },
      {
        id: "costTotals",
        caption: t.costTotals,
        header: t.costTotalsHeader,
        rows: costTotals,
        boldRows: [costTotals.length - 1],
      },
    ],
    charts: [],
  };

  // ── 3. Effect
  const participantRows: ReportCell[][] = results.cohorts.map((c) => [
    cell(first + c.startCalcYear - 1, "year"),
    cell(c.completionYear, "year"),
    cell(c.starters, "num"),
    cell(c.yearsFollowed, "int"),
  ]);
  const effectRows: ReportCell[][] = effects.map((e) => [
    txt(e.name),
    cell(e.successRate, "pct"),
    cell(results.totalCompleters * e.successRate, "num"),
    e.source === undefined || e.source.trim() === "" ? cell(t.noSource, "text", true) : txt(e.source),
  ]);
  const effect: ReportSection = {
    id: "effect",
    title: t.s.effect,
    paragraphs: [],
    tables: [
      {
        id: "participants",
        caption: t.participantsCaption,
        header: t.participantsHeader,
        rows: participantRows,
      },
      { id: "effects", caption: t.effectsCaption, header: t.effectsHeader, rows: effectRows },
    ],
    charts: [],
  };

  // ── 4. Consequences and prices
  // The years shown: through the last year any line has a non-zero change (blank years of the template dropped).
  const lastNonZero = (xs: readonly number[]): number => {
    for (let j = xs.length - 1; j >= 0; j--) if (xs[j] !== 0) return j + 1;
    return 0;
  };
  const J = Math.max(1, ...scenario.consequences.map((c) => lastNonZero(c.deltaByYear)));
  const consRows: ReportCell[][] = scenario.consequences.map((c) => [
    txt(scenario.prices[c.service]?.service ?? ""),
    txt(effects[c.effect]?.name ?? ""),
    txt(c.unit),
    txt(CONSEQUENCE_KIND_LABELS.find((k) => k.kind === c.kind)?.[lang] ?? c.kind),
    txt(enumLabel(PHASE_LABELS, c.phase, lang)),
    ...Array.from({ length: J }, (_, j) => cell(c.deltaByYear[j] ?? 0, "num")),
    c.source === undefined || c.source.trim() === "" ? cell(t.noSource, "text", true) : txt(c.source),
  ]);
  const priceRows: ReportCell[][] = scenario.prices.map((p) => [
    txt(p.service),
    txt(p.unit),
    cell(p.priceYear, "year"),
    ...scenario.actors.map((_, a) => kr(p.priceKrByActor[a] ?? 0)),
    p.source === undefined || p.source.trim() === "" ? cell(t.noSource, "text", true) : txt(p.source),
  ]);
  const consequences: ReportSection = {
    id: "consequences",
    title: t.s.consequences,
    paragraphs: [],
    tables: [
      { id: "consequenceLines", caption: t.consLines, header: t.consHeader(J), rows: consRows },
      {
        id: "prices",
        caption: t.pricesCaption(P),
        header: t.pricesHeader(scenario.actors.map((a) => a.name)),
        rows: priceRows,
      },
    ],
    charts: [],
  };

  // ── 5. Results per actor and year
  const resultRows: ReportCell[][] = results.years.map((y, i) => [
    cell(y, "year"),
    ...results.byActor.map((b) => kr(b.net[i] ?? 0)),
    kr(results.total.net[i] ?? 0),
    kr(results.total.cumulative[i] ?? 0),
  ]);
  resultRows.push([
    txt(t.total),
    ...results.byActor.map((b) => kr(b.netTotal)),
    kr(results.total.netTotal),
    cell(null, "text"),
  ]);
  const resultSection: ReportSection = {
    id: "results",
    title: t.s.results,
    paragraphs: [t.beyond(formatKr(results.beyondHorizon, lang))],
    tables: [
      {
        id: "netByYear",
        caption: t.resultsCaption,
        header: [t.year, ...actorNames, t.total, t.cumulativeTotal],
        rows: resultRows,
        boldRows: [resultRows.length - 1],
      },
    ],
    charts: [],
  };

  // ── 6. Sensitivity: tornado and critical values (each an exact recomputation)
  const settings = ctx.sensitivity?.oneWay ?? defaultOneWaySettings(scenario);
  const tor: Tornado = tornado(scenario, settings);
  const tornadoRows: ReportCell[][] = tor.bars.map((b) => [
    txt(parameterText(b.parameter, lang)),
    parameterCell(b.parameter, b.low),
    parameterCell(b.parameter, b.high),
    kr(b.total.low),
    kr(b.total.high),
    kr(b.swing),
  ]);
  // `selectBlock` indexes the reported actors (results.byActor), so the scope is the reported index.
  const critical = (label: string, v: BreakEvenValues): ReportCell[] => [
    txt(label),
    breakEvenCell(v.successRate, t),
    breakEvenCell(v.consequenceChange, t),
    breakEvenCell(v.costChange, t),
  ];
  const criticalRows: ReportCell[][] = [
    ...results.actors.map((a, i) => critical(a.name, breakEvenValues(scenario, { kind: "actor", actor: i }))),
    critical(t.total, breakEvenValues(scenario, { kind: "total" })),
  ];
  const sensitivity: ReportSection = {
    id: "sensitivity",
    title: t.s.sensitivity,
    paragraphs: [t.tornadoIntro(ctx.sensitivity !== null)],
    tables: [
      { id: "tornado", caption: t.tornadoCaption, header: t.tornadoHeader, rows: tornadoRows },
      {
        id: "critical",
        caption: t.criticalCaption,
        header: t.criticalHeader,
        rows: criticalRows,
        boldRows: [criticalRows.length - 1],
      },
    ],
    charts: [
      {
        kind: "tornado",
        title: t.tornadoChart,
        base: tor.baseTotal,
        baseLabel: t.tornadoBase,
        bars: tor.bars.map((b) => ({
          label: parameterText(b.parameter, lang),
          low: b.total.low,
          high: b.total.high,
        })),
        tableId: "tornado",
      },
    ],
  };

  // ── 7. Assumptions register
  const a = t.area;
  const u = t.unit;
  /** One register row: input, area, value, unit, origin, note, source (a missing source is marked). */
  const row = (
    area: string,
    input: string,
    value: ReportCell,
    unit: string,
    source: string | undefined | null,
    note = "",
  ): ReportCell[] => {
    // null: the contract has no source column for this input (settings, participants, index): typed.
    const o = source === null ? "typed" : originOf(source);
    return [
      txt(input),
      txt(area),
      value,
      txt(unit),
      cell(t.origin[o], "text", o === "none"),
      txt(note),
      o === "none" ? cell(t.noSource, "text", true) : txt(source ?? ""),
    ];
  };
  const kindLabel = (k: string): string => COST_KIND_LABELS.find((x) => x.kind === k)?.[lang] ?? k;
  const assumptions: ReportCell[][] = [
    row(a.settings, t.startYear, cell(scenario.settings.startYear, "year"), u.year, null),
    row(a.settings, t.horizon, cell(scenario.settings.horizon, "int"), u.year, null),
    row(
      a.settings,
      t.method,
      txt(enumLabel(HORIZON_METHOD_LABELS, scenario.settings.horizonMethod, lang)),
      "",
      null,
    ),
    row(a.settings, t.operating, cell(scenario.settings.operatingPeriod, "int"), u.year, null),
    row(a.settings, t.duration, cell(scenario.settings.duration, "int"), u.year, null),
    row(
      a.settings,
      t.perspective,
      txt(enumLabel(PERSPECTIVE_LABELS, scenario.settings.perspective, lang)),
      "",
      null,
    ),
    row(a.settings, t.priceLevel, cell(P, "year"), u.year, null),
    row(a.settings, t.discount, cell(scenario.settings.discountRate, "pct"), u.share, null),
    ...scenario.participants.map((n, i) =>
      row(a.participants, `${t.startYear} ${first + i}`, cell(n, "num"), u.persons, null),
    ),
    ...effects.map((e) =>
      row(a.effect, e.name, cell(e.successRate, "pct"), u.share, e.source, registerNote(e.note)),
    ),
    ...scenario.costs.map((c) =>
      row(
        a.cost,
        `${c.item} (${kindLabel(c.kind)}, ${scenario.actors[c.actor]?.name ?? ""})`,
        kr(c.amountKr),
        `${u.kr} (${c.priceYear})`,
        c.source,
        registerNote(
          c.note,
          [t.costNote(first + c.fromYear - 1, first + c.toYear - 1), t.priceNote(P, c.priceYear)]
            .filter((x) => x !== "")
            .join("; "),
        ),
      ),
    ),
    ...scenario.consequences.map((c) =>
      row(
        a.consequence,
        `${scenario.prices[c.service]?.service ?? ""} (${effects[c.effect]?.name ?? ""}, ${enumLabel(PHASE_LABELS, c.phase, lang)})`,
        cell(sum(c.deltaByYear), "num"),
        `Δq, ${c.unit}`,
        c.source,
        registerNote(c.note, t.consNote(c.deltaByYear.filter((x) => x !== 0).length)),
      ),
    ),
    ...scenario.prices.flatMap((p) =>
      scenario.actors.flatMap((act, ai) => {
        const v = p.priceKrByActor[ai] ?? 0;
        if (v === 0) return [];
        return [
          row(
            a.price,
            `${p.service}, ${act.name}`,
            kr(v),
            `${u.kr} / ${p.unit} (${p.priceYear})`,
            p.source,
            registerNote(p.note, t.priceNote(P, p.priceYear)),
          ),
        ];
      }),
    ),
    ...[...scenario.priceIndex.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([year, index]) => row(a.index, String(year), cell(index, "num"), u.index, null)),
  ];
  const assumptionsSection: ReportSection = {
    id: "assumptions",
    title: t.s.assumptions,
    paragraphs: [t.assumptionsIntro],
    // The user's note and the source share the spare width of the Rapport sheet (two columns each).
    tables: [{ id: "assumptions", header: t.assumptionsHeader, rows: assumptions, spanColumns: [5, 6] }],
    charts: [],
  };

  // ── Annex A: consequences counted, per service and outcome, per actor
  const annexRows: ReportCell[][] = [];
  const bold: number[] = [];
  for (const p of scenario.prices) {
    const per = results.byActor.map((b) => sum(b.consequencesByService.get(p.service) ?? []));
    if (per.every((x) => x === 0) && !scenario.consequences.some((c) => scenario.prices[c.service] === p))
      continue;
    annexRows.push([
      txt(t.service(p.service)),
      ...per.map(kr),
      kr(sum(results.total.consequencesByService.get(p.service) ?? [])),
    ]);
  }
  for (const e of effects) {
    const per = results.byActor.map((b) => sum(b.consequencesByEffect.get(e.name) ?? []));
    annexRows.push([
      txt(t.effect(e.name)),
      ...per.map(kr),
      kr(sum(results.total.consequencesByEffect.get(e.name) ?? [])),
    ]);
  }
  bold.push(annexRows.length);
  annexRows.push([
    txt(t.total),
    ...results.byActor.map((b) => kr(b.consequenceTotal)),
    kr(results.total.consequenceTotal),
  ]);
  const annexConsequences: ReportSection = {
    id: "annexConsequences",
    title: t.s.annexConsequences,
    paragraphs: [t.annexConsIntro, t.beyond(formatKr(results.beyondHorizon, lang))],
    tables: [
      { id: "consequencesCounted", header: t.annexConsHeader(actorNames), rows: annexRows, boldRows: bold },
    ],
    charts: [],
  };

  // ── Annex B: detailed budget consequences, one table per actor (and level with several actors, and total)
  const budgetTables: ReportTable[] = scopes.map((s, k) => {
    const b = s.block;
    const rows: ReportCell[][] = results.years.map((y, i) => [
      cell(y, "year"),
      kr(b.costs[i] ?? 0),
      kr(b.consequences[i] ?? 0),
      kr(b.net[i] ?? 0),
      kr(b.cumulative[i] ?? 0),
      kr((b.net[i] ?? 0) / (1 + results.discountRate) ** i),
    ]);
    rows.push([
      txt(t.total),
      kr(b.costTotal),
      kr(b.consequenceTotal),
      kr(b.netTotal),
      cell(null, "text"),
      kr(b.presentValue),
    ]);
    return {
      id: `budget-${k}`,
      caption: t.budgetCaption(s.label),
      header: t.budgetHeader,
      rows,
      boldRows: [rows.length - 1],
    };
  });
  const annexBudget: ReportSection = {
    id: "annexBudget",
    title: t.s.annexBudget,
    paragraphs: [t.annexBudgetIntro],
    tables: budgetTables,
    charts: [],
  };

  const method: ReportSection = {
    id: "method",
    title: t.s.method,
    paragraphs: t.methodNote(results),
    tables: [],
    charts: [],
  };

  return {
    lang,
    title: t.title(scenario.intervention),
    intervention: scenario.intervention,
    stampLine: t.stamp(ctx.stamp, ctx.engineVersion),
    sections: [
      summary,
      costs,
      effect,
      consequences,
      resultSection,
      sensitivity,
      assumptionsSection,
      annexConsequences,
      annexBudget,
      method,
    ],
  };
}
