/**
 * A1 address helpers shared by the workbook reader, the Office.js adapter and the file adapter (pure,
 * browser-safe). Rows and columns are 0-based. Excel limits: 1 048 576 rows × 16 384 columns (XFD).
 *
 * The patterns are anchored and have no nested or overlapping quantifiers, so they run in linear time on
 * untrusted text (no catastrophic backtracking).
 *
 * @example cellA1(6, 3) === "D7"; rectA1({ row: 3, col: 1, rows: 9, cols: 3 }) === "B4:D12"
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle, 0-based top-left, `rows`/`cols` ≥ 1. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** Same as `Rect` (the file adapter's name for it). */
export type CellRect = Rect;

/** Column index (0-based) → letters: 0 → "A", 27 → "AB". */
export function colLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B3" for (2, 1). */
export const cellA1 = (row: number, col: number): string => `${colLetters(col)}${row + 1}`;

/** "$B$3" for (2, 1). */
export const absCellA1 = (row: number, col: number): string => `$${colLetters(col)}$${row + 1}`;

/** "B3:F20", or "B3" for one cell; `absolute` gives "$B$3:$F$20". */
export function rectA1(r: Rect, absolute = false): string {
  const f = absolute ? absCellA1 : cellA1;
  const tl = f(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? tl : `${tl}:${f(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

function lettersToCol(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?([0-9]{1,7}):\$?([0-9]{1,7})$/;

/** "B3" or "$B$3" → 0-based position; undefined when not a cell inside Excel's grid. */
export function parseCellA1(s: string): { readonly row: number; readonly col: number } | undefined {
  const m = CELL.exec(s);
  if (!m) return undefined;
  const col = lettersToCol(m[1] ?? "");
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLS) return undefined;
  return { row, col };
}

/** "B3", "$B$3:$F$20" (either corner order), whole columns "A:C" or whole rows "3:5"; undefined otherwise. */
export function parseRectA1(a1: string): Rect | undefined {
  const t = a1.trim();
  if (t.length > 40) return undefined;
  const wc = COLS.exec(t);
  if (wc) {
    const a = lettersToCol(wc[1] ?? "");
    const b = lettersToCol(wc[2] ?? "");
    if (a >= MAX_COLS || b >= MAX_COLS) return undefined;
    return { row: 0, col: Math.min(a, b), rows: MAX_ROWS, cols: Math.abs(a - b) + 1 };
  }
  const wr = ROWS.exec(t);
  if (wr) {
    const a = Number(wr[1]) - 1;
    const b = Number(wr[2]) - 1;
    if (a < 0 || b < 0 || a >= MAX_ROWS || b >= MAX_ROWS) return undefined;
    return { row: Math.min(a, b), col: 0, rows: Math.abs(a - b) + 1, cols: MAX_COLS };
  }
  const colon = t.indexOf(":");
  const first = parseCellA1(colon < 0 ? t : t.slice(0, colon));
  if (first === undefined) return undefined;
  if (colon < 0) return { row: first.row, col: first.col, rows: 1, cols: 1 };
  const second = parseCellA1(t.slice(colon + 1));
  if (second === undefined) return undefined;
  const row = Math.min(first.row, second.row);
  const col = Math.min(first.col, second.col);
  return { row, col, rows: Math.abs(first.row - second.row) + 1, cols: Math.abs(first.col - second.col) + 1 };
}

/** Same as `parseRectA1` (the Office.js adapter's name for it). */
export const parseRect = parseRectA1;

/**
 * A sheet name as it appears in a formula (defined names written to .xlsx files): quoted (`'Min ark'!`, with
 * `'` doubled) unless it is a plain identifier. We quote whenever the name is not letters/digits/underscore/
 * dots, or starts with a digit, or could be read as a cell reference (`A1`, `R1C1`) or is `TRUE`/`FALSE` —
 * quoting is always allowed, so erring towards quotes is safe. Letters include non-ASCII (`Følsomhed` stays
 * unquoted, as Excel writes it).
 *
 * @example quoteSheetName("Følsomhed") === "Følsomhed"; quoteSheetName("Ark 1") === "'Ark 1'"
 */
export function quoteSheetName(sheet: string): string {
  const plain =
    /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet);
  const upper = sheet.toUpperCase();
  const reserved = upper === "TRUE" || upper === "FALSE" || /^R[0-9]*C[0-9]*$/.test(upper);
  return plain && !reserved ? sheet : `'${sheet.split("'").join("''")}'`;
}

/**
 * A sheet name for an address handed to Office.js: like `quoteSheetName`, but anything beyond ASCII letters,
 * digits, underscore and dots is quoted too (`'Følsomhed'`) — the stricter form every Excel host accepts.
 *
 * @example quoteSheet("Resultater") === "Resultater"; quoteSheet("Følsomhed") === "'Følsomhed'"
 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseCellA1(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** `'Min ark'!$B$3:$F$20` — an absolute, sheet-qualified reference as defined names hold it. */
export const qualifiedAbsRef = (sheet: string, rect: Rect): string =>
  `${quoteSheetName(sheet)}!${rectA1(rect, true)}`;

/**
 * Split an Excel address "Sheet1!A1:B2" / "'Ark 1'!$B$3" into sheet and rectangle. Returns undefined for
 * multi-area ("A1,B2"), a missing sheet or anything else that is not one rectangle (whole rows/columns parse).
 */
export function parseAddress(address: string): { readonly sheet: string; readonly rect: Rect } | undefined {
  // a comma or a second "!" outside quotes means several areas (or a formula), not one rectangle
  let quoted = false;
  let bangs = 0;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === ",") return undefined;
    else if (!quoted && ch === "!") bangs++;
  }
  if (bangs !== 1) return undefined;
  const bang = address.lastIndexOf("!");
  let sheet = address.slice(0, bang);
  const ref = address.slice(bang + 1);
  if (ref.includes(",")) return undefined;
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2)
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const rect = parseRectA1(ref);
  return rect ? { sheet, rect } : undefined;
}

/** True when two rectangles share at least one cell. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}
