/**
 * The engine's catalogue of input problems: one stable code per rule, with the Danish and English message.
 * Validation (`validate.ts`) is the only producer; the workbook reader adds name/sheet/cell from the path.
 *
 * Messages speak to an economist typing into Excel: they say what is wrong and what to do, and quote the
 * offending value. Location prefixes ("SOM_Omkostninger, Omkostninger!D7: …") are added by the presenter.
 */
import type { InputIssue, IssueLocation, Severity } from "./types";

type Params = Readonly<Record<string, string | number>>;
type Message = (p: Params) => { readonly da: string; readonly en: string };

const q = (v: string | number | undefined): string => `"${String(v ?? "")}"`;

/** A number inside Danish text with a decimal comma ("3,5"); text is left as it is. */
export const daNumber = (v: string | number | undefined): string =>
  typeof v === "number" ? String(v).replace(".", ",") : String(v ?? "");

/** A whole count with thousands separators: "2.000" in Danish, "2,000" in English (no Intl in the engine). */
const grouped = (v: string | number | undefined, sep: string): string =>
  String(v ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, sep);
const daCount = (v: string | number | undefined): string => grouped(v, ".");
const enCount = (v: string | number | undefined): string => grouped(v, ",");

/** True when a quoted value is blank: the message then says the cell is empty instead of quoting `""`. */
const blank = (v: string | number | undefined): boolean => String(v ?? "").trim() === "";

/** Every validation rule of som-method.md §1–5, by code. */
export const ENGINE_ISSUES = {
  "model-too-large": {
    severity: "error",
    message: (p) => ({
      da: `Modellen har ${daCount(p.value)} ${p.what_da}; grænsen er ${daCount(p.max)}. Del analysen op, eller saml linjer (grænserne står i README).`,
      en: `The model has ${enCount(p.value)} ${p.what_en}; the limit is ${enCount(p.max)}. Split the analysis, or combine lines (the limits are in the README).`,
    }),
  },
  "missing-value": {
    severity: "error",
    message: (p) => ({ da: `${p.field_da} mangler.`, en: `${p.field_en} is missing.` }),
  },
  "not-an-integer": {
    severity: "error",
    message: (p) => ({
      da: `${p.field_da} skal være et helt tal (ikke ${daNumber(p.value)}).`,
      en: `${p.field_en} must be a whole number (not ${p.value}).`,
    }),
  },
  "out-of-range": {
    severity: "error",
    message: (p) => ({
      da: `${p.field_da} skal ligge mellem ${daNumber(p.min)} og ${daNumber(p.max)} (ikke ${daNumber(p.value)}). ${p.hint_da ?? ""}`.trim(),
      en: `${p.field_en} must be between ${p.min} and ${p.max} (not ${p.value}). ${p.hint_en ?? ""}`.trim(),
    }),
  },
  "not-finite": {
    severity: "error",
    message: (p) => ({
      da: `${p.field_da} er ikke et gyldigt tal.`,
      en: `${p.field_en} is not a valid number.`,
    }),
  },
  "negative-value": {
    severity: "error",
    message: (p) => ({
      da: `${p.field_da} må ikke være negativ (${daNumber(p.value)}). ${p.hint_da ?? ""}`.trim(),
      en: `${p.field_en} must not be negative (${p.value}). ${p.hint_en ?? ""}`.trim(),
    }),
  },
  "rate-above-one": {
    severity: "error",
    message: (p) => ({
      da: `Succesraten for ${q(p.effect)} er ${daNumber(p.value)}, men skal ligge mellem 0 % og 100 %. Skrev du ${daNumber(p.value)} i stedet for ${daNumber(p.value)} %?`,
      en: `The success rate of ${q(p.effect)} is ${p.value}, but must be between 0 % and 100 %. Did you type ${p.value} instead of ${p.value} %?`,
    }),
  },
  "horizon-default-used": {
    severity: "warning",
    message: () => ({
      da: "Tidshorisonten er tom; standarden på 10 år er brugt.",
      en: "The time horizon is blank; the default of 10 years is used.",
    }),
  },
  "no-actors": {
    severity: "error",
    message: () => ({
      da: "Der er ingen aktører. Angiv mindst én aktør.",
      en: "There are no actors. Enter at least one actor.",
    }),
  },
  "no-effects": {
    severity: "error",
    message: () => ({
      da: "Der er intet effektmål. Angiv mindst ét effektmål med en succesrate.",
      en: "There is no outcome. Enter at least one outcome with a success rate.",
    }),
  },
  "blank-name": {
    severity: "error",
    message: (p) => ({ da: `${p.field_da} mangler et navn.`, en: `${p.field_en} has no name.` }),
  },
  "duplicate-name": {
    severity: "error",
    message: (p) => ({
      da: `${q(p.value)} står mere end én gang i ${p.list_da}. Navne skal være entydige.`,
      en: `${q(p.value)} appears more than once in ${p.list_en}. Names must be unique.`,
    }),
  },
  "unknown-level": {
    severity: "error",
    message: (p) =>
      blank(p.value)
        ? {
            da: "Niveaucellen er tom. Brug Kommune, Region, Stat eller Andet.",
            en: "The level cell is empty. Use Kommune (Municipality), Region, Stat (State) or Andet (Other).",
          }
        : {
            da: `${q(p.value)} er ikke et niveau. Brug Kommune, Region, Stat eller Andet.`,
            en: `${q(p.value)} is not a level. Use Kommune (Municipality), Region, Stat (State) or Andet (Other).`,
          },
  },
  "unknown-cost-kind": {
    severity: "error",
    message: (p) =>
      blank(p.value)
        ? {
            da: "Artscellen er tom. Brug Opstart, Drift, Pr. deltager, Pr. forløb eller Sparet.",
            en: "The kind cell is empty. Use Start-up, Operating, Per participant, Per course or Saved.",
          }
        : {
            da: `${q(p.value)} er ikke en omkostningsart. Brug Opstart, Drift, Pr. deltager, Pr. forløb eller Sparet.`,
            en: `${q(p.value)} is not a cost kind. Use Start-up, Operating, Per participant, Per course or Saved.`,
          },
  },
  "unknown-consequence-kind": {
    severity: "error",
    message: (p) =>
      blank(p.value)
        ? {
            da: "Artscellen er tom. Brug Udgift eller Indtægt.",
            en: "The kind cell is empty. Use Expenditure or Revenue.",
          }
        : {
            da: `${q(p.value)} er ikke en konsekvensart. Brug Udgift eller Indtægt.`,
            en: `${q(p.value)} is not a consequence kind. Use Expenditure or Revenue.`,
          },
  },
  "unknown-actor": {
    severity: "error",
    message: (p) =>
      blank(p.value)
        ? {
            da: "Aktørcellen er tom. Vælg en aktør fra aktørlisten (SOM_Aktoerer).",
            en: "The actor cell is empty. Choose an actor from the actor list (SOM_Aktoerer).",
          }
        : {
            da: `${q(p.value)} er ikke en aktør i aktørlisten (SOM_Aktoerer).`,
            en: `${q(p.value)} is not an actor in the actor list (SOM_Aktoerer).`,
          },
  },
  "unknown-effect": {
    severity: "error",
    message: (p) =>
      blank(p.value)
        ? {
            da: "Effektmålscellen er tom. Vælg et effektmål fra effektlisten (SOM_Effekter).",
            en: "The outcome cell is empty. Choose an outcome from the outcome list (SOM_Effekter).",
          }
        : {
            da: `${q(p.value)} er ikke et effektmål i effektlisten (SOM_Effekter).`,
            en: `${q(p.value)} is not an outcome in the outcome list (SOM_Effekter).`,
          },
  },
  "unknown-service": {
    severity: "error",
    message: (p) =>
      blank(p.value)
        ? {
            da: "Ydelsescellen er tom. Skriv en ydelse, der har en prisrække i prislisten (SOM_Priser).",
            en: "The service cell is empty. Enter a service that has a price row in the price list (SOM_Priser).",
          }
        : {
            da: `Ydelsen ${q(p.value)} har ingen prisrække i prislisten (SOM_Priser).`,
            en: `The service ${q(p.value)} has no price row in the price list (SOM_Priser).`,
          },
  },
  "missing-index-year": {
    severity: "error",
    message: (p) => ({
      da: `Prisindekset mangler året ${p.year}, som skal bruges for at omregne fra prisår ${p.from} til prisniveau ${p.to}.`,
      en: `The price index has no value for ${p.year}, which is needed to convert from price year ${p.from} to price level ${p.to}.`,
    }),
  },
  "duplicate-year": {
    severity: "error",
    message: (p) => ({
      da: `Året ${daNumber(p.value)} står mere end én gang i ${p.list_da}.`,
      en: `The year ${p.value} appears more than once in ${p.list_en}.`,
    }),
  },
  "year-outside-horizon": {
    severity: "error",
    message: (p) => ({
      da: `${p.field_da} er år ${daNumber(p.value)}, men beregningsårene går fra 1 til ${p.horizon}.`,
      en: `${p.field_en} is year ${p.value}, but the calculation years run from 1 to ${p.horizon}.`,
    }),
  },
  "from-after-to": {
    severity: "error",
    message: (p) => ({
      da: `Fra år (${p.from}) ligger efter til år (${p.to}).`,
      en: `From year (${p.from}) is after to year (${p.to}).`,
    }),
  },
  "participants-after-operating-period": {
    severity: "error",
    message: (p) => ({
      da: `Der er ${daNumber(p.value)} deltagere i år ${p.year}, men driftsperioden er ${p.period} år. Deltagere skal være 0 efter driftsperioden.`,
      en: `There are ${p.value} participants in year ${p.year}, but the operating period is ${p.period} years. Participants must be 0 after the operating period.`,
    }),
  },
  "too-many-consequence-years": {
    severity: "error",
    message: (p) => ({
      da: `En konsekvens kan højst have ${daNumber(p.max)} år (her ${daNumber(p.value)}).`,
      en: `A consequence can have at most ${p.max} years (here ${p.value}).`,
    }),
  },
  "unknown-horizon-method": {
    severity: "error",
    message: (p) => ({
      da: `${q(p.value)} er ikke en horisontmetode. Brug Pr. kohorte (SØM's praksis) eller Kalenderår.`,
      en: `${q(p.value)} is not a horizon method. Use Per cohort (SØM's practice) or Calendar years.`,
    }),
  },
  "unknown-perspective": {
    severity: "error",
    message: (p) => ({
      da: `${q(p.value)} er ikke et perspektiv. Brug Offentlig sektor eller Kun kommune.`,
      en: `${q(p.value)} is not a perspective. Use Public sector or Municipality only.`,
    }),
  },
  "unknown-consequence-phase": {
    severity: "error",
    message: (p) => ({
      da: `${q(p.value)} er ikke en fase. Brug Efter indsats eller Under indsats.`,
      en: `${q(p.value)} is not a phase. Use After (Efter indsats) or During (Under indsats).`,
    }),
  },
  "calendar-horizon-too-short": {
    severity: "error",
    message: (p) => ({
      da: `Med Kalenderår skal alle deltagere afslutte inden for tidshorisonten: driftsperiode + varighed − 1 = ${p.period} + ${p.duration} − 1 = ${p.needed} år, men tidshorisonten er ${p.horizon} år. Sæt tidshorisonten til mindst ${p.needed}, eller vælg Pr. kohorte.`,
      en: `With Calendar years every participant must complete within the horizon: operating period + duration − 1 = ${p.period} + ${p.duration} − 1 = ${p.needed} years, but the horizon is ${p.horizon} years. Set the horizon to at least ${p.needed}, or choose Per cohort.`,
    }),
  },
  "during-value-outside-intervention": {
    severity: "error",
    message: (p) => ({
      da: `En konsekvens med fasen Under indsats har værdien ${daNumber(p.value)} i år ${p.year}, men med en varighed på ${p.duration} år må den kun have værdier i år 1 til ${p.last} (årene før afslutningsåret). Flyt værdien til en linje med fasen Efter indsats, eller ret varigheden.`,
      en: `A consequence in the phase During has the value ${p.value} in year ${p.year}, but with a duration of ${p.duration} years it may only have values in years 1 to ${p.last} (the years before the completion year). Move the value to a line in the phase After, or correct the duration.`,
    }),
  },
  "perspective-without-kommune": {
    severity: "error",
    message: () => ({
      da: "Perspektivet er Kun kommune, men ingen aktør har niveauet Kommune. Giv mindst én aktør niveauet Kommune, eller vælg Offentlig sektor.",
      en: "The perspective is Municipality only, but no actor has the level Kommune (Municipality). Give at least one actor that level, or choose Public sector.",
    }),
  },
  "unused-effect": {
    severity: "warning",
    message: (p) => ({
      da: `Effektmålet ${q(p.value)} har ingen konsekvenser og giver derfor ingen gevinst.`,
      en: `The outcome ${q(p.value)} has no consequences and therefore yields no gain.`,
    }),
  },
} as const satisfies Record<string, { readonly severity: Severity; readonly message: Message }>;

export type EngineIssueCode = keyof typeof ENGINE_ISSUES;

/** An input issue from the catalogue, located by its path into the raw scenario. */
export function engineIssue(
  code: EngineIssueCode,
  path: readonly (string | number)[],
  params: Params = {},
  relatedPath?: readonly (string | number)[],
): InputIssue {
  const entry = ENGINE_ISSUES[code];
  const location: IssueLocation = relatedPath === undefined ? { path } : { path, relatedPath };
  return { code, severity: entry.severity, message: (entry.message as Message)(params), location };
}

/** A message in both languages, as the smaller catalogues (readers, decision checks) build them. */
export type BilingualText = { readonly da: string; readonly en: string };

/**
 * The located-issue factory of a catalogue of typed message functions (`code → (params) → {da, en}`), as the
 * sensitivity and uncertainty readers and the decision checks keep: `issue(code, location, params)`.
 */
export function issueCatalogue<M extends Readonly<Record<string, (params: never) => BilingualText>>>(
  messages: M,
  severityOf: (code: keyof M & string) => Severity = () => "error",
): <C extends keyof M & string>(code: C, location: IssueLocation, params: Parameters<M[C]>[0]) => InputIssue {
  return (code, location, params) => {
    const message = (messages[code] as unknown as (p: typeof params) => BilingualText)(params);
    return { code, severity: severityOf(code), message, location };
  };
}

/** Danish and English names of the input fields, used in messages ("Tidshorisonten mangler."). */
export const FIELD = {
  startYear: { field_da: "Startåret", field_en: "The start year" },
  horizon: { field_da: "Tidshorisonten", field_en: "The time horizon" },
  priceLevel: { field_da: "Prisniveauet", field_en: "The price level" },
  discountRate: { field_da: "Diskonteringsrenten", field_en: "The discount rate" },
  operatingPeriod: { field_da: "Driftsperioden", field_en: "The operating period" },
  duration: { field_da: "Varigheden", field_en: "The duration" },
  actor: { field_da: "En aktør", field_en: "An actor" },
  effect: { field_da: "Et effektmål", field_en: "An outcome" },
  successRate: { field_da: "Succesraten", field_en: "The success rate" },
  participantYear: { field_da: "Deltagerårets år", field_en: "The participants' year" },
  participants: { field_da: "Antal deltagere", field_en: "The number of participants" },
  costItem: { field_da: "En omkostningspost", field_en: "A cost item" },
  costActor: { field_da: "Omkostningens aktør", field_en: "The cost's actor" },
  amount: { field_da: "Beløbet", field_en: "The amount" },
  priceYear: { field_da: "Prisåret", field_en: "The price year" },
  fromYear: { field_da: "Fra år", field_en: "From year" },
  toYear: { field_da: "Til år", field_en: "To year" },
  consequenceEffect: { field_da: "Konsekvensens effektmål", field_en: "The consequence's outcome" },
  service: { field_da: "En ydelse", field_en: "A service" },
  delta: { field_da: "Ændringen i forbrug", field_en: "The change in use" },
  price: { field_da: "Prisen", field_en: "The price" },
  indexYear: { field_da: "Indeksåret", field_en: "The index year" },
  index: { field_da: "Indekstallet", field_en: "The index value" },
} as const;
