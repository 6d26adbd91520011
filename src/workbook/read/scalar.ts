/**
 * Reading scalar names (one cell or a named constant) and turning cell values into numbers and text.
 *
 * The reader judges only the *type* of a value: a number where a number is required, text where text is
 * required. Ranges (horizon 1–30, success rate ≤ 1, whole years) are the engine's validation. Nothing is
 * guessed: a number stored as text ("1.500", "1,5", " 12 ") is an issue, and a percentage is passed
 * through as typed (a cell formatted `25 %` holds 0.25; a cell with 25 holds 25 and the engine rejects it —
 * never divided by 100).
 *
 * Problems are pushed onto the caller's `issues` list, already located (name, sheet, cell).
 *
 * @example
 * const issues: InputIssue[] = [];
 * const rate = readPercent(named, "SOM_Diskonteringsrente", issues, { path: ["settings", "discountRate"] });
 */
import type { InputIssue, IssueLocation } from "../../engine/types";
import type { NamedValue } from "../port";
import type { CellValue } from "../sheet-model";
import { cellA1, rectA1 } from "../a1";
import { readIssue } from "./read-issues";

/** A path into the RawScenario (see the team's path conventions); `[]` when the value is not part of it. */
export type IssuePath = readonly (string | number)[];

/** Where a value was read: the defined name, and for a cell its sheet and A1 address (absent for a constant). */
export interface CellAt {
  readonly path: IssuePath;
  readonly name: string;
  readonly sheet?: string;
  readonly cell?: string;
}

/** A located cell value. */
export interface ScalarCell {
  readonly value: CellValue;
  readonly at: CellAt;
}

export interface ReadOptions {
  /** A missing name is an issue (`missing-name`). Default false: a missing optional name reads as absent. */
  readonly required?: boolean;
  /** RawScenario path put on the issues. Default `[]`. */
  readonly path?: IssuePath;
}

/** `CellAt` as an issue location. */
export function locationOf(at: CellAt): IssueLocation {
  return {
    path: at.path,
    name: at.name,
    ...(at.sheet === undefined ? {} : { sheet: at.sheet }),
    ...(at.cell === undefined ? {} : { cell: at.cell }),
  };
}

/** Look a contract name up in the map returned by `WorkbookPort.readNames` (keyed by lower-cased name). */
export function lookupName(named: ReadonlyMap<string, NamedValue>, name: string): NamedValue | undefined {
  return named.get(name.toLowerCase());
}

/** Excel's error values as they arrive in a cell (as text; English, as the file format and Office.js give them). */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

/** True for an Excel error value such as "#DIV/0!" or "#N/A". */
export function isExcelError(value: CellValue): boolean {
  return typeof value === "string" && value.length <= 16 && EXCEL_ERRORS.has(value.trim().toUpperCase());
}

/** True for an empty cell: null, or text that is only whitespace. */
export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** Longer text is never taken for a number (keeps the pattern below cheap on untrusted text). */
const MAX_NUMBER_TEXT = 64;
/** "1.500", "1,5", "-3,5 %", "12 kr.", "1 500" — digits with separators, an optional sign and unit. */
const NUMBER_TEXT = /^[-+\u2212]?\s?[0-9][0-9.,\s\u00a0']*(?:%|kr\.?|dkk)?$/i;

/** True when text would be a number if Excel had stored it as one ("1.500", "1,5", " 12 "). */
export function looksLikeNumber(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= MAX_NUMBER_TEXT && NUMBER_TEXT.test(t);
}

/**
 * Largest magnitude of any number read (10^15: a thousand billion kroner, far above any SØM input). Caps
 * every product the calculation forms far below floating-point overflow, so an amount or a change of 1e308
 * is a located issue before calculating instead of an overflow inside it.
 */
export const MAX_INPUT_MAGNITUDE = 1e15;

/**
 * A cell value as a number. Blank → undefined. Text (also number-looking text), TRUE/FALSE and error
 * values → an issue and undefined.
 */
export function toNumber(value: CellValue, at: CellAt, issues: InputIssue[]): number | undefined {
  if (typeof value === "number") {
    if (Number.isFinite(value) && Math.abs(value) > MAX_INPUT_MAGNITUDE) {
      issues.push(readIssue("number-too-large", locationOf(at), { value, max: MAX_INPUT_MAGNITUDE }));
      return undefined;
    }
    if (Number.isFinite(value)) return value;
    issues.push(readIssue("error-in-cell", locationOf(at), { error: "#NUM!" }));
    return undefined;
  }
  if (isBlank(value)) return undefined;
  if (typeof value === "boolean") {
    issues.push(readIssue("boolean-in-cell", locationOf(at), { value }));
    return undefined;
  }
  const text = value ?? "";
  if (isExcelError(text))
    issues.push(readIssue("error-in-cell", locationOf(at), { error: text.trim().toUpperCase() }));
  else if (looksLikeNumber(text))
    issues.push(readIssue("number-as-text", locationOf(at), { text: text.trim() }));
  else issues.push(readIssue("not-a-number", locationOf(at), { text: text.trim() }));
  return undefined;
}

/**
 * A cell value as a share (0.25 for a cell showing `25 %`). The number is passed through unchanged: a cell
 * holding 25 gives 25 (the engine rejects a rate > 1; it is never divided by 100).
 */
export const toPercent = toNumber;

/** A cell value as a whole number; a fractional number is an issue (`not-an-integer`). */
export function toInteger(value: CellValue, at: CellAt, issues: InputIssue[]): number | undefined {
  const n = toNumber(value, at, issues);
  if (n === undefined || Number.isInteger(n)) return n;
  issues.push(readIssue("not-an-integer", locationOf(at), { value: n }));
  return undefined;
}

/**
 * A cell value as text, trimmed. Blank → undefined. A number becomes its decimal text ("2025"). TRUE/FALSE
 * and error values → an issue and undefined. Text starting with "=" is text (nothing is evaluated).
 */
export function toText(value: CellValue, at: CellAt, issues: InputIssue[]): string | undefined {
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") {
    issues.push(readIssue("boolean-in-cell", locationOf(at), { value }));
    return undefined;
  }
  if (value === null) return undefined;
  if (isExcelError(value)) {
    issues.push(readIssue("error-in-cell", locationOf(at), { error: value.trim().toUpperCase() }));
    return undefined;
  }
  const t = value.trim();
  return t === "" ? undefined : t;
}

/**
 * Read a scalar name: a named cell or a named constant. A range of several cells is accepted when only its
 * top-left cell is filled (a merged cell); otherwise it is an issue (`not-one-cell`). Missing name: an issue
 * when `required`, else undefined. Multi-area / `#REF!` / formula names: an issue (`unsupported-name`).
 */
export function readScalar(
  named: ReadonlyMap<string, NamedValue>,
  name: string,
  issues: InputIssue[],
  options: ReadOptions = {},
): ScalarCell | undefined {
  const path = options.path ?? [];
  const nv = lookupName(named, name);
  if (nv === undefined) {
    if (options.required === true) issues.push(readIssue("missing-name", { path, name }, { name }));
    return undefined;
  }
  if (nv.kind === "unsupported") {
    issues.push(readIssue("unsupported-name", { path, name }, { name, formula: nv.formula }));
    return undefined;
  }
  if (nv.kind === "constant") return { value: nv.value, at: { path, name } };
  const at: CellAt = { path, name, sheet: nv.sheet, cell: cellA1(nv.row, nv.col) };
  if (nv.unvalued !== undefined && nv.unvalued.length > 0) {
    reportUnvalued(nv.unvalued, nv, { path, name, sheet: nv.sheet }, issues);
    return undefined;
  }
  const first = nv.values[0]?.[0] ?? null;
  let filled = 0;
  let cols = 0;
  for (const row of nv.values) {
    cols = Math.max(cols, row.length);
    for (const v of row) if (!isBlank(v)) filled++;
  }
  if (filled > 1 || (filled === 1 && isBlank(first))) {
    const ref = rectA1({
      row: nv.row,
      col: nv.col,
      rows: Math.max(1, nv.values.length),
      cols: Math.max(1, cols),
    });
    issues.push(readIssue("not-one-cell", { path, name, sheet: nv.sheet, cell: ref }, { name, ref }));
    return undefined;
  }
  return { value: first, at };
}

/** Formula cells without a stored value (files from tools that do not calculate): an error per cell. */
export function reportUnvalued(
  unvalued: readonly (readonly [number, number])[] | undefined,
  origin: { readonly row: number; readonly col: number },
  where: { readonly path: IssuePath; readonly name: string; readonly sheet: string },
  issues: InputIssue[],
): void {
  for (const [r, c] of unvalued ?? [])
    issues.push(
      readIssue("formula-without-value", { ...where, cell: cellA1(origin.row + r, origin.col + c) }, {}),
    );
}

/** A reader of one scalar name that converts its value with `convert` (which records its own issues). */
function scalarReader<T>(
  convert: (value: CellValue, at: CellAt, issues: InputIssue[]) => T | undefined,
): (
  named: ReadonlyMap<string, NamedValue>,
  name: string,
  issues: InputIssue[],
  options?: ReadOptions,
) => T | undefined {
  return (named, name, issues, options = {}) => {
    const s = readScalar(named, name, issues, options);
    return s === undefined ? undefined : convert(s.value, s.at, issues);
  };
}

/** Read a scalar name as a number (see `readScalar`, `toNumber`). */
export const readNumber = scalarReader(toNumber);

/** Read a scalar name as a whole number (see `toInteger`). */
export const readInteger = scalarReader(toInteger);

/** Read a scalar name as a share, passed through as typed (see `toPercent`). */
export const readPercent = scalarReader(toPercent);

/** Read a scalar name as trimmed text (see `toText`). */
export const readText = scalarReader(toText);
