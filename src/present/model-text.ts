/**
 * The one wording of the calculation model (som-method.md §2, §6): horizon method, duration, perspective and
 * how many years each cohort was followed. The result sheet's «Beregningsmodel» block, the pane's model card
 * and the `som calculate` table all take their texts from here, so they say the same thing.
 *
 * The method and perspective names are the words the user types in `SOM_Horisontmetode` and `SOM_Perspektiv`
 * (src/workbook/names.ts; a test keeps the two lists equal).
 */
import type { CohortFollowUp, HorizonMethod, Perspective, Results } from "../engine/types";
import { formatDecimal, type Lang } from "./format";

/** Names of the horizon methods, as typed in SOM_Horisontmetode. */
export const METHOD_NAMES: Readonly<Record<HorizonMethod, Readonly<Record<Lang, string>>>> = {
  perCohort: { da: "Pr. kohorte", en: "Per cohort" },
  calendar: { da: "Kalenderår", en: "Calendar years" },
};

/** Names of the perspectives, as typed in SOM_Perspektiv. */
export const PERSPECTIVE_NAMES: Readonly<Record<Perspective, Readonly<Record<Lang, string>>>> = {
  public: { da: "Offentlig sektor", en: "Public sector" },
  kommune: { da: "Kun kommune", en: "Municipality only" },
};

/** Row and block labels of the model, in both languages. */
export const MODEL_LABELS = {
  da: {
    title: "Beregningsmodel",
    method: "Horisontmetode",
    duration: "Varighed (år pr. borger)",
    durationShort: "Varighed",
    perspective: "Perspektiv",
    leftOut: "Udeladt (ikke kommune)",
    cohorts: "Hold fulgt",
    cohortsTitle: "Hold (kohorter): hvor mange år hvert hold er fulgt",
    cohortHeader: ["Startår", "Afslutningsår", "Deltagere (starter)", "Konsekvensår medregnet"],
  },
  en: {
    title: "Calculation model",
    method: "Horizon method",
    duration: "Duration (years per citizen)",
    durationShort: "Duration",
    perspective: "Perspective",
    leftOut: "Left out (not municipal)",
    cohorts: "Cohorts followed",
    cohortsTitle: "Cohorts: how many years each cohort was followed",
    cohortHeader: ["Start year", "Completion year", "Participants (starters)", "Consequence years counted"],
  },
} as const;

const years = (n: number, lang: Lang): string =>
  lang === "da" ? `${n} år` : `${n} ${n === 1 ? "year" : "years"}`;

/**
 * The horizon method as a sentence.
 * @example methodText("perCohort", 10, "da") // "Pr. kohorte: hvert hold følges 10 år fra afslutningsåret (SØM's praksis)"
 */
export function methodText(method: HorizonMethod, horizonYears: number, lang: Lang): string {
  const name = METHOD_NAMES[method][lang];
  if (lang === "da")
    return method === "perCohort"
      ? `${name}: hvert hold følges ${years(horizonYears, lang)} fra afslutningsåret (SØM's praksis)`
      : `${name}: kun de ${horizonYears} kalenderår fra startåret tælles`;
  return method === "perCohort"
    ? `${name}: each cohort is followed ${years(horizonYears, lang)} from its completion year (SØM's practice)`
    : `${name}: only the ${horizonYears} calendar years from the start year count`;
}

/**
 * The perspective as a short sentence.
 * @example perspectiveText("kommune", "da") // "Kun kommune (kun aktører med niveauet Kommune)"
 */
export function perspectiveText(perspective: Perspective, lang: Lang): string {
  const name = PERSPECTIVE_NAMES[perspective][lang];
  if (lang === "da")
    return perspective === "kommune"
      ? `${name} (kun aktører med niveauet Kommune)`
      : `${name} (alle aktører)`;
  return perspective === "kommune" ? `${name} (actors of level Kommune)` : `${name} (every actor)`;
}

/**
 * The duration v as text. @example durationText(2, "da") // "2 år pr. borger"
 */
export function durationText(duration: number, lang: Lang): string {
  return lang === "da" ? `${years(duration, lang)} pr. borger` : `${years(duration, lang)} per citizen`;
}

/**
 * One cohort in a line: start year, completion year, starters and years followed.
 * @example cohortText({ startYear: 2025, completionYear: 2026, starters: 40, yearsFollowed: 10 }, "da")
 * // "Startår 2025 (afslutter 2026): 40 deltagere, fulgt 10 år"
 */
export function cohortText(
  c: {
    readonly startYear: number;
    readonly completionYear: number;
    readonly starters: number;
    readonly yearsFollowed: number;
  },
  lang: Lang,
): string {
  const n = formatDecimal(c.starters, lang, 2);
  return lang === "da"
    ? `Startår ${c.startYear} (afslutter ${c.completionYear}): ${n} deltagere, fulgt ${years(c.yearsFollowed, lang)}`
    : `Start year ${c.startYear} (completes ${c.completionYear}): ${n} participants, followed ${years(c.yearsFollowed, lang)}`;
}

/** The cohorts of a result with their calendar start year (calendar year of calculation year s). */
export function cohortRows(
  results: Pick<Results, "years" | "cohorts">,
): (CohortFollowUp & { readonly startYear: number })[] {
  const first = results.years[0] ?? 0;
  return results.cohorts.map((c) => ({ ...c, startYear: first + c.startCalcYear - 1 }));
}

/**
 * How many years the cohorts were followed, in one line: "alle 3 hold 10 år hver" when equal (always so per
 * cohort), otherwise each cohort's years ("2025: 10 år, 2026: 9 år, 2027: 8 år").
 */
export function cohortsFollowedText(results: Pick<Results, "years" | "cohorts">, lang: Lang): string {
  const rows = cohortRows(results);
  const first = rows[0];
  if (first === undefined) return lang === "da" ? "ingen hold" : "no cohorts";
  if (rows.every((r) => r.yearsFollowed === first.yearsFollowed)) {
    const n = rows.length;
    if (lang === "da")
      return n === 1
        ? `holdet fra ${first.startYear} følges ${years(first.yearsFollowed, lang)}`
        : `alle ${n} hold følges ${years(first.yearsFollowed, lang)} hver`;
    return n === 1
      ? `the cohort of ${first.startYear} is followed ${years(first.yearsFollowed, lang)}`
      : `all ${n} cohorts are followed ${years(first.yearsFollowed, lang)} each`;
  }
  return rows.map((r) => `${r.startYear}: ${years(r.yearsFollowed, lang)}`).join(", ");
}

/** The model as label/value pairs, in the order every view shows them (method, duration, perspective, left out, cohorts). */
export function modelLines(
  results: Pick<Results, "years" | "cohorts" | "horizon" | "duration" | "perspective" | "excludedActors">,
  lang: Lang,
): { readonly label: string; readonly value: string }[] {
  const l = MODEL_LABELS[lang];
  const lines: { label: string; value: string }[] = [
    { label: l.method, value: methodText(results.horizon.method, results.horizon.years, lang) },
    { label: l.durationShort, value: durationText(results.duration, lang) },
    { label: l.perspective, value: perspectiveText(results.perspective, lang) },
  ];
  if (results.excludedActors.length > 0)
    lines.push({ label: l.leftOut, value: results.excludedActors.map((a) => a.name).join(", ") });
  lines.push({ label: l.cohorts, value: cohortsFollowedText(results, lang) });
  return lines;
}
