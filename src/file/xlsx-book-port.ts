/**
 * A read-only `WorkbookPort` over a parsed .xlsx (`XlsxBook`) — browser-safe (no Node built-ins), so the
 * task pane can read a knowledge file the user picks (`File` → bytes → `readXlsx` → this port →
 * `readWorkbookKnowledge`). The Node `FileWorkbook` builds on the same `namedValue`.
 */
import type { NamedValue, SheetInfo, WorkbookPort } from "../workbook/port";
import { rangeEdges } from "../workbook/range-edges";
import type { CellValue } from "../workbook/sheet-model";
import { qualifiedAbsRef, type CellRect } from "./a1-ref";
import { cellAt, findSheet, type XlsxBook, type XlsxName } from "./xlsx-reader";

/**
 * Largest range whose values `readNames` returns (cells). A name over whole columns (`$A:$H`) or a larger
 * area is first clipped to the sheet's used extent (the rows/columns holding cells) — blank trailing rows
 * carry nothing for the reading rules. Still larger → `unsupported`.
 */
export const MAX_RANGE_CELLS = 1_000_000;

function clip(rect: CellRect, rowExtent: number, colExtent: number): CellRect {
  if (rect.rows * rect.cols <= MAX_RANGE_CELLS) return rect;
  const rows = Math.max(1, Math.min(rect.rows, rowExtent - rect.row));
  const cols = Math.max(1, Math.min(rect.cols, colExtent - rect.col));
  return { row: rect.row, col: rect.col, rows, cols };
}

/** A defined name of the book → the port's `NamedValue` (range values as a 2-D array, null for empty). */
export function namedValue(book: XlsxBook, name: XlsxName): NamedValue {
  if (name.kind === "constant") return { kind: "constant", name: name.name, value: name.value };
  if (name.kind === "unsupported") return { kind: "unsupported", name: name.name, formula: name.formula };
  const sheet = findSheet(book, name.sheet);
  const rect = sheet === undefined ? undefined : clip(name.rect, sheet.rowExtent, sheet.colExtent);
  if (sheet === undefined || rect === undefined || rect.rows * rect.cols > MAX_RANGE_CELLS) {
    return { kind: "unsupported", name: name.name, formula: qualifiedAbsRef(name.sheet, name.rect) };
  }
  const values: CellValue[][] = [];
  const unvalued: (readonly [number, number])[] = [];
  for (let r = 0; r < rect.rows; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < rect.cols; c++) {
      const cell = cellAt(sheet, rect.row + r, rect.col + c);
      row.push(cell?.value ?? null);
      if (cell !== undefined && cell.value === null && (cell.formula !== undefined || cell.sharedFormula))
        unvalued.push([r, c]);
    }
    values.push(row);
  }
  const edges = rangeEdges(name.rect, (r, c) => cellAt(sheet, r, c)?.value);
  return {
    kind: "range",
    name: name.name,
    sheet: sheet.name,
    row: rect.row,
    col: rect.col,
    values,
    ...(unvalued.length > 0 ? { unvalued } : {}),
    ...edges,
  };
}

/** `readNames` over a parsed book: keyed by lower-cased name, undefined names absent, one value per name. */
export function readBookNames(book: XlsxBook, names: readonly string[]): ReadonlyMap<string, NamedValue> {
  const out = new Map<string, NamedValue>();
  for (const requested of names) {
    const key = requested.toLowerCase();
    const found = book.names.get(key);
    if (found !== undefined && !out.has(key)) out.set(key, namedValue(book, found));
  }
  return out;
}

/** Thrown when something tries to write through a read-only file port (a programmer error). */
export class ReadOnlyWorkbookError extends Error {
  override readonly name = "ReadOnlyWorkbookError";
}

/** A read-only port over a parsed .xlsx: `readNames` and `listSheets`; `writeSheets` rejects. */
export function readOnlyXlsxPort(book: XlsxBook): WorkbookPort {
  return {
    readNames: (names) => Promise.resolve(readBookNames(book, names)),
    listSheets: (): Promise<readonly SheetInfo[]> =>
      Promise.resolve(book.sheets.map((s) => ({ name: s.name, visibility: s.visibility }))),
    writeSheets: () => Promise.reject(new ReadOnlyWorkbookError("This .xlsx file is opened read-only.")),
  };
}
