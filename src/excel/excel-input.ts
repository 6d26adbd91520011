/**
 * What we send to Excel for one cell. Excel parses whatever the add-in assigns to `values`/`formulas` as if it
 * were typed: "=cmd|' /C calc'!A0" would become a formula, "-5" a number, "1/2" a date, "TRUE" a boolean.
 *
 * Decision (workbook contract: "text from the user is written as text"): a string is sent with Excel's text
 * prefix — a leading apostrophe, which Excel stores as the cell's prefix character and never as part of the
 * value — unless it is text Excel could never reinterpret: it starts with a letter, contains no digit and is
 * not a boolean word. We chose the prefix over number format "@" because it is independent of the order of
 * format and value assignments, does not change the cell's number format (a user typing a number there later
 * gets a number), and survives copy/paste of values.
 */
import type { CellValue } from "../workbook/sheet-model";

const BOOLEAN_WORDS = new Set(["true", "false", "sand", "falsk"]);

/** True when Excel could read `s` as something other than this exact text. */
export function needsTextPrefix(s: string): boolean {
  if (s === "") return false;
  if (!/^\p{L}/u.test(s)) return true; // = + - @ ' # digits, spaces, punctuation, …
  if (/\p{N}/u.test(s)) return true; // dates/times/numbers such as "Jan 2025", "e5"… are possible
  return BOOLEAN_WORDS.has(s.trim().toLowerCase());
}

/** The value to assign for a cell (null → "" so the cell is emptied, strings prefixed as needed). */
export function toExcelInput(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "string") return needsTextPrefix(v) ? `'${v}` : v;
  return v;
}
