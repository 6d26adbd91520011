/**
 * A1 address helpers for the Office.js adapter (pure, browser-safe). Rows and columns are 0-based.
 * Excel limits: 1,048,576 rows × 16,384 columns (XFD).
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangular range, 0-based, inclusive of the top-left, `rows`/`cols` ≥ 1. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

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
export function cellA1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

/** "B3:F20" (or "B3" for a single cell). */
export function rectA1(r: Rect): string {
  const tl = cellA1(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? tl : `${tl}:${cellA1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function parseCell(s: string): { row: number; col: number } | undefined {
  const m = CELL.exec(s);
  if (!m) return undefined;
  const letters = (m[1] ?? "").toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]) - 1;
  col -= 1;
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLS) return undefined;
  return { row, col };
}

const WHOLE_COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const WHOLE_ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** Parse "B3", "$B$3:$F$20", whole columns "A:Z" or whole rows "3:5"; undefined for anything else. */
export function parseRect(a1: string): Rect | undefined {
  const t = a1.trim();
  const wc = WHOLE_COLS.exec(t);
  if (wc) {
    const a = parseCell(`${wc[1] ?? ""}1`);
    const b = parseCell(`${wc[2] ?? ""}1`);
    if (!a || !b) return undefined;
    return { row: 0, col: Math.min(a.col, b.col), rows: MAX_ROWS, cols: Math.abs(a.col - b.col) + 1 };
  }
  const wr = WHOLE_ROWS.exec(t);
  if (wr) {
    const a = parseCell(`A${wr[1] ?? ""}`);
    const b = parseCell(`A${wr[2] ?? ""}`);
    if (!a || !b) return undefined;
    return { row: Math.min(a.row, b.row), col: 0, rows: Math.abs(a.row - b.row) + 1, cols: MAX_COLS };
  }
  const parts = t.split(":");
  if (parts.length < 1 || parts.length > 2) return undefined;
  const a = parseCell(parts[0] ?? "");
  const b = parts.length === 2 ? parseCell(parts[1] ?? "") : a;
  if (!a || !b) return undefined;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rows: Math.abs(a.row - b.row) + 1, cols: Math.abs(a.col - b.col) + 1 };
}

/** Quote a sheet name for a formula/address when needed: Ark 1 → 'Ark 1', O'Hara → 'O''Hara'. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseCell(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Split an Excel address "Sheet1!A1:B2" / "'Ark 1'!$B$3" into sheet and rectangle. Returns undefined for
 * multi-area ("A1,B2"), whole rows/columns or anything else that is not one rectangle.
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
  const rect = parseRect(ref);
  return rect ? { sheet, rect } : undefined;
}

/** True when two rectangles share at least one cell. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}
