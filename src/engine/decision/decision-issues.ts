/**
 * Input problems of the decision inputs of som-method.md §11 (`SOM_Budgetaar`, `SOM_Pulje_Andel`,
 * `SOM_Realiseret`): one stable code per rule with its Danish and English message, and the validation of the
 * two scalars. Paths: ["budgetYear"], ["poolShare"], ["realised", row, field…]; the workbook reader turns them
 * into defined name, sheet and cell.
 */
import type { CalendarYear, InputIssue } from "../types";
import { issueCatalogue } from "../issues";
import { DEFAULT_POOL_SHARE } from "./pool";

type Bi = { readonly da: string; readonly en: string };

const da = (x: number): string => String(x).replace(".", ",");
const pct = (x: number, lang: "da" | "en"): string => {
  const s = String(Math.round(x * 1e6) / 1e4);
  return `${lang === "da" ? s.replace(".", ",") : s} %`;
};
const q = (s: string): string => `"${s}"`;

/** Every rule of the decision inputs, by code. */
const MESSAGES = {
  "budget-year-not-integer": (p: { value: number }): Bi => ({
    da: `Budgetåret skal være et helt årstal (ikke ${da(p.value)}).`,
    en: `The budget year must be a whole calendar year (not ${p.value}).`,
  }),
  "budget-year-out-of-range": (p: { value: number; min: number; max: number }): Bi => ({
    da: `Budgetåret ${p.value} ligger uden for beregningen: det skal ligge mellem ${p.min} (startåret − 10) og ${p.max} (sidste beregningsår).`,
    en: `The budget year ${p.value} is outside the calculation: it must be between ${p.min} (the start year − 10) and ${p.max} (the last calculation year).`,
  }),
  "budget-unit-unknown": (p: { text: string }): Bi => ({
    da: `Ukendt enhed for budgettet ${q(p.text)}. Skriv »kr.« eller »1.000 kr.«.`,
    en: `Unknown unit for the budget ${q(p.text)}. Type “kr.” or “1.000 kr.” (thousands).`,
  }),
  "pool-share-out-of-range": (p: { value: number }): Bi => ({
    da: `Puljeandelen skal ligge mellem 0 % og 100 % (ikke ${pct(p.value, "da")}).${p.value > 1 && p.value <= 100 ? ` Skrev du ${da(p.value)} i stedet for ${da(p.value)} %?` : ""}`,
    en: `The pool share must be between 0 % and 100 % (not ${pct(p.value, "en")}).${p.value > 1 && p.value <= 100 ? ` Did you type ${p.value} instead of ${p.value} %?` : ""}`,
  }),
  "realised-year-out-of-range": (p: { value: number; max: number }): Bi => ({
    da: `Det realiserede år ${Number.isNaN(p.value) ? "(tomt)" : da(p.value)} skal være et beregningsår mellem 1 og ${p.max} (år 1 = startåret).`,
    en: `The realised year ${Number.isNaN(p.value) ? "(blank)" : p.value} must be a calculation year between 1 and ${p.max} (year 1 = the start year).`,
  }),
  "realised-year-duplicate": (p: { value: number }): Bi => ({
    da: `År ${p.value} står mere end én gang i de realiserede tal. Slet den ene række.`,
    en: `Year ${p.value} appears more than once in the realised figures. Delete one row.`,
  }),
  "realised-participants-negative": (p: { value: number }): Bi => ({
    da: `Antal realiserede deltagere må ikke være negativt (${da(p.value)}).`,
    en: `The realised number of participants must not be negative (${p.value}).`,
  }),
  "realised-participants-after-operating-period": (p: { year: number; period: number }): Bi => ({
    da: `Der er realiserede deltagere i år ${p.year}, efter driftsperioden (${p.period} år). Forlæng driftsperioden, eller flyt deltagerne.`,
    en: `There are realised participants in year ${p.year}, after the operating period (${p.period} years). Extend the operating period or move the participants.`,
  }),
  "realised-rate-after-operating-period": (p: { year: number; period: number }): Bi => ({
    da: `Der er en realiseret succesrate for år ${p.year}, efter driftsperioden (${p.period} år): ingen deltagere starter det år. Slet tallet, eller skriv det ud for startåret.`,
    en: `There is a realised success rate for year ${p.year}, after the operating period (${p.period} years): no participants start that year. Delete it, or type it in the row of the start year.`,
  }),
  "realised-price-year-without-index": (p: { year: number }): Bi => ({
    da: `De realiserede omkostninger kan ikke omregnes til prisniveauet: prisindekset (SOM_Prisindeks) mangler år ${p.year}. Tilføj året til prisindekset, eller tøm Prisår, hvis beløbene allerede er i prisniveauets priser.`,
    en: `The realised costs cannot be converted to the price level: the price index (SOM_Prisindeks) has no year ${p.year}. Add the year to the price index, or clear Price year if the amounts are already at the price level.`,
  }),
  "realised-rate-out-of-range": (p: { value: number }): Bi => ({
    da: `En realiseret succesrate skal ligge mellem 0 % og 100 % (ikke ${pct(p.value, "da")}).`,
    en: `A realised success rate must be between 0 % and 100 % (not ${pct(p.value, "en")}).`,
  }),
  "realised-cost-not-finite": (_p: Record<string, never>): Bi => ({
    da: "En realiseret omkostning er ikke et gyldigt tal.",
    en: "A realised cost is not a valid number.",
  }),
  "realised-unknown-column": (p: { header: string }): Bi => ({
    da: `Kolonnen ${q(p.header)} i de realiserede tal er hverken År, Deltagere, Succesrate eller navnet på en aktør fra SOM_Aktoerer. Ret overskriften til en aktørs navn, eller slet kolonnens tal.`,
    en: `The column ${q(p.header)} of the realised figures is neither Year, Participants, Success rate nor the name of an actor in SOM_Aktoerer. Change the header to an actor's name, or delete the column's numbers.`,
  }),
  "realised-unknown-effect": (p: { header: string }): Bi => ({
    da: `Kolonnen ${q(p.header)} nævner et effektmål, der ikke står i SOM_Effekter.`,
    en: `The column ${q(p.header)} names an outcome that is not in SOM_Effekter.`,
  }),
  "realised-rate-ambiguous": (p: { count: number }): Bi => ({
    da: `Kolonnen Succesrate siger ikke, hvilket af de ${p.count} effektmål den gælder. Skriv én kolonne pr. effektmål med overskriften »Succesrate: <Effektmål>«.`,
    en: `The Success rate column does not say which of the ${p.count} outcomes it is for. Use one column per outcome headed “Success rate: <Outcome>”.`,
  }),
} as const;

export type DecisionIssueCode = keyof typeof MESSAGES;

/** Every code of this catalogue (tests check that each one is raised somewhere). */
export const DECISION_ISSUE_CODES = Object.keys(MESSAGES) as readonly DecisionIssueCode[];

/** An issue from this catalogue (always an error), located by `location` (at least a path). */
export const decisionIssue = issueCatalogue(MESSAGES);

/** The budget and pool settings as read (blank = undefined). */
export interface RawDecisionSettings {
  /** `SOM_Budgetaar` B, a calendar year. */
  readonly budgetYear?: number | undefined;
  /** `SOM_Pulje_Andel` α as a share (100 % = 1). */
  readonly poolShare?: number | undefined;
}

export interface DecisionSettings {
  readonly budgetYear: CalendarYear;
  readonly poolShare: number;
}

/** How far before the start year a budget year may lie (som-method.md §11 via issue 17). */
export const BUDGET_YEAR_LEAD = 10;

/**
 * Validates B and α against the calculation's calendar years: B is a whole year from `startYear − 10` through
 * the last calculation year; α is a share 0–1. Blank B = the start year; blank α = 100 %.
 * @example validateDecisionSettings({}, 2025, 2036).value // { budgetYear: 2025, poolShare: 1 }
 */
export function validateDecisionSettings(
  raw: RawDecisionSettings,
  startYear: CalendarYear,
  lastYear: CalendarYear,
):
  | { readonly ok: true; readonly value: DecisionSettings }
  | { readonly ok: false; readonly issues: readonly InputIssue[] } {
  const issues: InputIssue[] = [];
  const b = raw.budgetYear;
  if (b !== undefined) {
    if (!Number.isInteger(b))
      issues.push(decisionIssue("budget-year-not-integer", { path: ["budgetYear"] }, { value: b }));
    else if (b < startYear - BUDGET_YEAR_LEAD || b > lastYear)
      issues.push(
        decisionIssue(
          "budget-year-out-of-range",
          { path: ["budgetYear"] },
          { value: b, min: startYear - BUDGET_YEAR_LEAD, max: lastYear },
        ),
      );
  }
  const a = raw.poolShare;
  if (a !== undefined && !(a >= 0 && a <= 1))
    issues.push(decisionIssue("pool-share-out-of-range", { path: ["poolShare"] }, { value: a }));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { budgetYear: b ?? startYear, poolShare: a ?? DEFAULT_POOL_SHARE } };
}
