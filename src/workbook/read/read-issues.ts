/**
 * The workbook reader's message catalogue: every problem found while *reading* the workbook (before the
 * engine validates values), with its Danish and English message, in one place. The engine's validation has
 * its own catalogue; the reader only judges the *shape* of the input (names, headers, cell types).
 *
 * @example readIssue("number-as-text", { path: ["costs", 0, "amountKr"], name: "SOM_Omkostninger",
 *   sheet: "Omkostninger", cell: "E5" }, { text: "1.500" })
 */
import type { InputIssue, IssueLocation, Severity } from "../../engine/types";

/** Parameters of each reader issue code. */
export interface ReadIssueParams {
  /** A required defined name is not in the workbook. */
  readonly "missing-name": { readonly name: string };
  /** The name is defined, but as several areas, `#REF!` or a formula. */
  readonly "unsupported-name": { readonly name: string; readonly formula: string };
  /** A block name is a named constant instead of a range. */
  readonly "not-a-block": { readonly name: string };
  /** A scalar name refers to several non-blank cells. */
  readonly "not-one-cell": { readonly name: string; readonly ref: string };
  /** The block's range is blank: no header row. */
  readonly "missing-header": { readonly name: string };
  /** A required column is not in the header row. `da`/`en` = the header text. */
  readonly "missing-column": { readonly name: string; readonly da: string; readonly en: string };
  /** Two columns of the header row mean the same thing. */
  readonly "duplicate-column": { readonly name: string; readonly header: string };
  /** A number stored as text ("1.500", "1,5"). */
  readonly "number-as-text": { readonly text: string };
  /** Text where a number is required. */
  readonly "not-a-number": { readonly text: string };
  /** A number that must be a whole number. */
  readonly "not-an-integer": { readonly value: number };
  /** TRUE/FALSE in an input cell. */
  readonly "boolean-in-cell": { readonly value: boolean };
  /** An Excel error value (#DIV/0!, #N/A, …) in an input cell. */
  readonly "error-in-cell": { readonly error: string };
  /** A cell that must be filled in for the row to mean anything (e.g. the year of a participants row). */
  readonly "required-cell-blank": { readonly da: string; readonly en: string };
  /** A consequence year column beyond `År 1`…`År {max}`. */
  readonly "consequence-year-out-of-range": { readonly header: string; readonly max: number };
  /** An actor of SOM_Aktoerer has no price column in SOM_Priser (warning: its prices count as 0). */
  readonly "missing-price-column": { readonly actor: string; readonly name: string };
  /** The workbook has none of the contract's names (a blank workbook). */
  readonly "no-som-names": Record<string, never>;
  /** A formula cell without a stored value (a file from a tool that does not calculate). */
  readonly "formula-without-value": Record<string, never>;
  /** A whole-column name (`$A:$H`) in which no row holds the block's headers. */
  readonly "header-row-not-found": { readonly name: string };
  /** A row whose contract columns are blank but that holds a note elsewhere in the block (warning). */
  readonly "notes-only-row": { readonly name: string };
  /** Filled cells just below or right of a block, outside the defined name (warning). */
  readonly "cells-outside-block": {
    readonly name: string;
    readonly cells: string;
    readonly side: "below" | "right";
  };
  /** A column of SOM_Priser with numbers whose header is not an actor of SOM_Aktoerer. */
  readonly "price-column-not-actor": { readonly header: string; readonly name: string };
  /** A free-text note longer than the report shows (warning: it is cut). */
  readonly "note-too-long": { readonly length: number; readonly max: number };
  /** A consequence's unit differs from its price row's unit (warning; names both cells). */
  readonly "unit-mismatch": { readonly unit: string; readonly priceUnit: string; readonly service: string };
  /** SOM_Omkostninger has no cost lines (warning). */
  readonly "no-costs": { readonly name: string };
  /** Every participants count is 0 or blank (warning). */
  readonly "no-participants": { readonly name: string };
  /** A number too large in magnitude to calculate with (amounts, changes, counts, years). */
  readonly "number-too-large": { readonly value: number; readonly max: number };
  /** A price index value so close to 0 that converting by it overflows. */
  readonly "index-too-small": { readonly value: number; readonly min: number };
}

export type ReadIssueCode = keyof ReadIssueParams;

type Messages = {
  readonly [C in ReadIssueCode]: (p: ReadIssueParams[C]) => { readonly da: string; readonly en: string };
};

/** Longest piece of user text quoted in a message. */
const MAX_QUOTED = 40;

/** User text as quoted in a message: one line, at most 40 characters. */
export function quoted(text: string): string {
  const oneLine = text.replace(/[\r\n\t]+/g, " ");
  return `"${oneLine.length > MAX_QUOTED ? `${oneLine.slice(0, MAX_QUOTED - 1)}…` : oneLine}"`;
}

/** A number in Danish notation for a message: decimal comma ("3,5", "1e+308" stays as is). */
export const daNumber = (x: number): string => String(x).replace(".", ",");

const MESSAGES: Messages = {
  "missing-name": ({ name }) => ({
    da: `Navnet ${name} findes ikke i projektmappen. Definér det i Navnestyring (Formler → Navnestyring).`,
    en: `The name ${name} is not defined in the workbook. Define it in Name Manager (Formulas → Name Manager).`,
  }),
  "unsupported-name": ({ name, formula }) => ({
    da: `Navnet ${name} skal henvise til ét sammenhængende område eller en konstant, men henviser til ${quoted(formula)}.`,
    en: `The name ${name} must refer to one rectangular range or a constant, but refers to ${quoted(formula)}.`,
  }),
  "not-a-block": ({ name }) => ({
    da: `Navnet ${name} skal henvise til en tabel (et område med en overskriftsrække), ikke til en konstant.`,
    en: `The name ${name} must refer to a table (a range with a header row), not to a constant.`,
  }),
  "not-one-cell": ({ name, ref }) => ({
    da: `Navnet ${name} skal henvise til én celle, men henviser til ${ref}, hvor flere celler er udfyldt.`,
    en: `The name ${name} must refer to one cell, but refers to ${ref}, where several cells are filled in.`,
  }),
  "missing-header": ({ name }) => ({
    da: `Området ${name} er tomt: første række skal være overskrifterne.`,
    en: `The range ${name} is empty: its first row must be the headers.`,
  }),
  "missing-column": ({ name, da, en }) => ({
    da: `Kolonnen "${da}" mangler i overskriftsrækken i ${name}.`,
    en: `The column "${en}" (Danish "${da}") is missing from the header row of ${name}.`,
  }),
  "duplicate-column": ({ name, header }) => ({
    da: `Kolonnen ${quoted(header)} findes to gange i ${name}. Slet eller omdøb den ene.`,
    en: `The column ${quoted(header)} appears twice in ${name}. Delete or rename one of them.`,
  }),
  "number-as-text": ({ text }) => ({
    da: `Cellen indeholder tallet ${quoted(text)} som tekst. Skriv det som et tal (uden apostrof foran), så Excel kan regne med det.`,
    en: `The cell holds the number ${quoted(text)} as text. Enter it as a number (without a leading apostrophe) so Excel can calculate with it.`,
  }),
  "not-a-number": ({ text }) => ({
    da: `Her skal stå et tal, men cellen indeholder teksten ${quoted(text)}.`,
    en: `A number is required here, but the cell holds the text ${quoted(text)}.`,
  }),
  "not-an-integer": ({ value }) => ({
    da: `Her skal stå et helt tal, men cellen indeholder ${daNumber(value)}.`,
    en: `A whole number is required here, but the cell holds ${String(value)}.`,
  }),
  "boolean-in-cell": ({ value }) => ({
    da: `Cellen indeholder ${value ? "SAND" : "FALSK"}; her skal stå et tal eller en tekst.`,
    en: `The cell holds ${value ? "TRUE" : "FALSE"}; a number or a text is required here.`,
  }),
  "error-in-cell": ({ error }) => ({
    da: `Cellen indeholder fejlværdien ${error}. Ret formlen eller værdien.`,
    en: `The cell holds the error value ${error}. Correct the formula or the value.`,
  }),
  "required-cell-blank": ({ da, en }) => ({
    da: `Rækken er udfyldt, men "${da}" er tom.`,
    en: `The row is filled in, but "${en}" is blank.`,
  }),
  "consequence-year-out-of-range": ({ header, max }) => ({
    da: `Kolonnen ${quoted(header)}: konsekvenser kan angives for år 1 til ${max}.`,
    en: `Column ${quoted(header)}: consequences can be given for years 1 to ${max}.`,
  }),
  "missing-price-column": ({ actor, name }) => ({
    da: `Aktøren ${quoted(actor)} har ingen priskolonne i ${name}; aktørens priser regnes som 0.`,
    en: `The actor ${quoted(actor)} has no price column in ${name}; the actor's prices count as 0.`,
  }),
  "no-som-names": () => ({
    da: "Projektmappen har ingen SØM-ark: brug Opret SØM-ark i tilføjelsesprogrammet eller `som template`.",
    en: "The workbook has no SØM sheets: use Create SØM sheets in the add-in or `som template`.",
  }),
  "formula-without-value": () => ({
    da: "Cellen indeholder en formel uden gemt værdi (filen er gemt af et program, der ikke regner formler ud). Åbn og gem filen i Excel eller LibreOffice, eller skriv værdien i cellen.",
    en: "The cell holds a formula without a stored value (the file was saved by a program that does not calculate formulas). Open and save the file in Excel or LibreOffice, or type the value into the cell.",
  }),
  "header-row-not-found": ({ name }) => ({
    da: `Navnet ${name} dækker hele kolonner, men ingen række i dem har tabellens overskrifter. Lad navnet begynde ved overskriftsrækken.`,
    en: `The name ${name} covers whole columns, but no row in them holds the table's headers. Let the name start at the header row.`,
  }),
  "notes-only-row": ({ name }) => ({
    da: `Rækken i ${name} har kun noter uden for tabellens kolonner og springes over. Skal den regnes med, så udfyld tabellens kolonner.`,
    en: `The row in ${name} holds only notes outside the table's columns and is skipped. To count it, fill in the table's columns.`,
  }),
  "cells-outside-block": ({ name, cells, side }) => ({
    da: `Cellerne ${cells} ${side === "below" ? "lige under" : "lige til højre for"} ${name} er udfyldt, men ligger uden for navnet og læses ikke. Hører de med, så udvid ${name} i Navnestyring (Formler → Navnestyring).`,
    en: `The cells ${cells} just ${side === "below" ? "below" : "to the right of"} ${name} are filled in, but lie outside the name and are not read. If they belong to it, extend ${name} in Name Manager (Formulas → Name Manager).`,
  }),
  "note-too-long": ({ length, max }) => ({
    da: `Bemærkningen er ${daNumber(length)} tegn lang; rapporten viser de første ${daNumber(max)} tegn. Skriv den kortere, eller henvis til et bilag.`,
    en: `The note is ${String(length)} characters long; the report shows the first ${String(max)}. Shorten it, or refer to an annex.`,
  }),
  "price-column-not-actor": ({ header, name }) => ({
    da: `Kolonnen ${quoted(header)} i ${name} indeholder tal, men ${quoted(header)} er ikke en aktør i aktørlisten (SOM_Aktoerer). Ret overskriften til aktørens navn, eller slet kolonnen.`,
    en: `The column ${quoted(header)} in ${name} holds numbers, but ${quoted(header)} is not an actor in the actor list (SOM_Aktoerer). Correct the header to the actor's name, or delete the column.`,
  }),
  "unit-mismatch": ({ unit, priceUnit, service }) => ({
    da: `Enheden ${quoted(unit)} passer ikke med enheden ${quoted(priceUnit)} i prisrækken for ${quoted(service)}. Tjek at konsekvens og pris er opgjort i samme enhed.`,
    en: `The unit ${quoted(unit)} differs from the unit ${quoted(priceUnit)} of the price row of ${quoted(service)}. Check that the consequence and the price use the same unit.`,
  }),
  "no-costs": ({ name }) => ({
    da: `${name} har ingen omkostninger; resultatet indeholder kun konsekvenser.`,
    en: `${name} has no costs; the results hold consequences only.`,
  }),
  "no-participants": ({ name }) => ({
    da: `Alle deltagertal i ${name} er 0 eller tomme; der er ingen borgere at regne konsekvenser for.`,
    en: `Every participants count in ${name} is 0 or blank; there are no citizens to calculate consequences for.`,
  }),
  "number-too-large": ({ value, max }) => ({
    da: `Tallet ${daNumber(value)} er for stort til at regne med (højst ${daNumber(max)} i talværdi).`,
    en: `The number ${String(value)} is too large to calculate with (at most ${String(max)} in magnitude).`,
  }),
  "index-too-small": ({ value, min }) => ({
    da: `Prisindekset ${daNumber(value)} er for tæt på 0 til at omregne med (mindst ${daNumber(min)}).`,
    en: `The price index ${String(value)} is too close to 0 to convert with (at least ${String(min)}).`,
  }),
};

/** Severity by code: reader issues are errors except the ones listed here. */
const SEVERITY: { readonly [C in ReadIssueCode]?: Severity } = {
  "missing-price-column": "warning",
  "notes-only-row": "warning",
  "cells-outside-block": "warning",
  "unit-mismatch": "warning",
  "note-too-long": "warning",
  "no-costs": "warning",
  "no-participants": "warning",
};

/** Every reader issue code (for tests and documentation). */
export const READ_ISSUE_CODES = Object.keys(MESSAGES) as readonly ReadIssueCode[];

/** The message of a reader issue, Danish and English. */
export function readIssueMessage<C extends ReadIssueCode>(
  code: C,
  params: ReadIssueParams[C],
): { readonly da: string; readonly en: string } {
  return (MESSAGES[code] as (p: ReadIssueParams[C]) => { readonly da: string; readonly en: string })(params);
}

/** Build a reader issue at `location` (already located: path, name, sheet, cell). */
export function readIssue<C extends ReadIssueCode>(
  code: C,
  location: IssueLocation,
  params: ReadIssueParams[C],
): InputIssue {
  return { code, severity: SEVERITY[code] ?? "error", message: readIssueMessage(code, params), location };
}
