/**
 * What a defined name's formula (the text of `<definedName>` in workbook.xml, invariant syntax, no "=")
 * stands for: one rectangular range on one sheet, a constant, or something we do not read (multi-area,
 * `#REF!`, 3-D or external references, formulas). A hand-written scanner — no regular expression with
 * backtracking runs over the untrusted text.
 */
import type { CellValue } from "../workbook/sheet-model";
import { parseRectA1, type CellRect } from "./a1-ref";

export type NameTarget =
  | { readonly kind: "range"; readonly sheet: string; readonly rect: CellRect }
  | { readonly kind: "constant"; readonly value: CellValue }
  | { readonly kind: "unsupported" };

const UNSUPPORTED: NameTarget = { kind: "unsupported" };
const NUMBER = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** Longest formula text we look at (Excel's limit is 8 192 characters). */
const MAX_FORMULA = 8192;

function parseStringConstant(t: string): string | undefined {
  // "…" with "" as an escaped quote, nothing after the closing quote.
  let out = "";
  let i = 1;
  while (i < t.length) {
    const ch = t[i];
    if (ch === '"') {
      if (t[i + 1] === '"') {
        out += '"';
        i += 2;
        continue;
      }
      return i === t.length - 1 ? out : undefined;
    }
    out += ch;
    i += 1;
  }
  return undefined;
}

/** Splits `Sheet!A1` / `'My sheet'!A1` into the sheet name and the reference; undefined if not that shape. */
function splitSheetRef(t: string): { readonly sheet: string; readonly ref: string } | undefined {
  if (t.startsWith("'")) {
    let sheet = "";
    let i = 1;
    while (i < t.length) {
      const ch = t[i];
      if (ch === "'") {
        if (t[i + 1] === "'") {
          sheet += "'";
          i += 2;
          continue;
        }
        break;
      }
      sheet += ch;
      i += 1;
    }
    if (t[i] !== "'" || t[i + 1] !== "!") return undefined;
    return { sheet, ref: t.slice(i + 2) };
  }
  const bang = t.indexOf("!");
  if (bang <= 0) return undefined;
  const sheet = t.slice(0, bang);
  for (const ch of sheet) {
    // Unquoted sheet names are plain identifiers; anything else means an operator, a function or a 3-D ref.
    if (" ,()+-*/&^=<>\"'[]:;{}#%".includes(ch)) return undefined;
  }
  return { sheet, ref: t.slice(bang + 1) };
}

/**
 * Reads the formula of a defined name. `findSheet` looks a sheet up by name (case-insensitive
 * in Excel) and returns its exact name, or undefined when there is no such sheet.
 */
export function parseNameFormula(
  formula: string,
  findSheet: (name: string) => string | undefined,
): NameTarget {
  let t = formula.trim();
  if (t.startsWith("=")) t = t.slice(1).trim();
  if (t.length === 0 || t.length > MAX_FORMULA) return UNSUPPORTED;
  if (NUMBER.test(t)) {
    const n = Number(t);
    return Number.isFinite(n) ? { kind: "constant", value: n } : UNSUPPORTED;
  }
  if (t.startsWith('"')) {
    const s = parseStringConstant(t);
    return s === undefined ? UNSUPPORTED : { kind: "constant", value: s };
  }
  const upper = t.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "constant", value: upper === "TRUE" };
  const split = splitSheetRef(t);
  if (split === undefined || split.sheet.includes(":") || split.sheet.includes("[")) return UNSUPPORTED;
  const sheet = findSheet(split.sheet);
  const rect = parseRectA1(split.ref);
  if (sheet === undefined || rect === undefined) return UNSUPPORTED;
  return { kind: "range", sheet, rect };
}
