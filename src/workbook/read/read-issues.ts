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

const daNumber = (x: number): string => String(x).replace(".", ",");

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
};

/** Severity by code: every reader issue is an error except a missing price column. */
const SEVERITY: { readonly [C in ReadIssueCode]?: Severity } = { "missing-price-column": "warning" };

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
