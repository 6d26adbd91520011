/**
 * The in-memory workbook behind the fake Excel API (browser-safe: no Node imports). Rows/cols 0-based.
 * It mirrors what Excel stores, as far as the SØM adapter can observe it through Office.js.
 */
import type { CellValue } from "../../../src/workbook/sheet-model";
import { parseAddress, parseRect, type Rect } from "../../../src/excel/a1";

export interface FakeCell {
  /** The stored value (for formula cells, what `evaluate` returned). */
  value: CellValue;
  /** The formula, for formula cells ("=…"). */
  formula?: string;
  numberFormat: string;
  /**
   * The cell holds an error value; `value` is its text as the host shows it — localized, e.g. "#I/T" in a
   * Danish Excel for #N/A (`Range.valueTypes` reads "Error").
   */
  error?: true;
  /** Last `format.set(...)` applied to the cell (fonts, fills, alignment). */
  format?: Readonly<Record<string, unknown>>;
}

export type FakeVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface FakeSheet {
  readonly id: string;
  name: string;
  visibility: FakeVisibility;
  tabColor: string;
  protected: boolean;
  cells: Map<number, FakeCell>;
  freeze: { rows: number; cols: number } | undefined;
  /** Column widths in points by 0-based column. */
  columnWidths: Map<number, number>;
  validations: { rect: Rect; rule: unknown; prompt?: unknown }[];
  conditionalFormats: { rect: Rect; type: string; detail: Record<string, unknown> }[];
  charts: {
    name: string;
    type: string;
    source: string;
    title: string;
    series: { name: string; values?: string; xValues?: string }[];
    position: [string, string] | undefined;
  }[];
  notes: { address: string; text: string }[];
  /** Merged ranges (A1) from `Range.merge()`. */
  merges?: string[];
  /** Row heights in points by 0-based row (`RangeFormat.rowHeight`). */
  rowHeights?: Map<number, number>;
  /** `Worksheet.pageLayout` (ExcelApi 1.9) as set: orientation, paper, zoom, print titles, header/footer, breaks. */
  pageLayout?: Record<string, unknown>;
}

export interface FakeName {
  /** As defined (original case). */
  name: string;
  /** Invariant formula, e.g. "=Indstillinger!$B$3", "=0.035", "=\"Kommune\"", "=#REF!". */
  formula: string;
  comment: string;
}

export interface FakeWorkbookModel {
  sheets: FakeSheet[];
  /** Workbook-scoped names keyed by lower-cased name. */
  names: Map<string, FakeName>;
  nextSheetId: number;
  /** Workbook structure protection (Review › Protect Workbook): sheets cannot be added, deleted or renamed. */
  structureProtected?: boolean;
}

export const cellKey = (row: number, col: number): number => row * 16384 + col;

export function newSheet(model: FakeWorkbookModel, name: string): FakeSheet {
  const sheet: FakeSheet = {
    id: `{00000000-0001-0000-0000-${String(model.nextSheetId++).padStart(12, "0")}}`,
    name,
    visibility: "Visible",
    tabColor: "",
    protected: false,
    cells: new Map(),
    freeze: undefined,
    columnWidths: new Map(),
    validations: [],
    conditionalFormats: [],
    charts: [],
    notes: [],
  };
  model.sheets.push(sheet);
  return sheet;
}

export const findSheet = (model: FakeWorkbookModel, name: string): FakeSheet | undefined =>
  model.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

/** Seed: sheets as 2-D arrays from A1 (strings starting with "=" are formulas), names as formulas. */
export interface FakeWorkbookSeed {
  readonly sheets?: Readonly<Record<string, readonly (readonly CellValue[])[]>>;
  readonly names?: Readonly<Record<string, string>>;
}

export function fakeWorkbook(seed: FakeWorkbookSeed = {}): FakeWorkbookModel {
  const model: FakeWorkbookModel = { sheets: [], names: new Map(), nextSheetId: 1 };
  for (const [name, rows] of Object.entries(seed.sheets ?? {})) {
    const sheet = newSheet(model, name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        if (typeof v === "string" && v.startsWith("="))
          sheet.cells.set(cellKey(r, c), { value: null, formula: v, numberFormat: "General" });
        else sheet.cells.set(cellKey(r, c), { value: v, numberFormat: "General" });
      }),
    );
  }
  if (model.sheets.length === 0) newSheet(model, "Ark1");
  for (const [name, formula] of Object.entries(seed.names ?? {}))
    model.names.set(name.toLowerCase(), { name, formula, comment: "" });
  return model;
}

/** The value of one cell (null when empty). */
export function getCell(model: FakeWorkbookModel, sheet: string, a1: string): FakeCell | undefined {
  const s = findSheet(model, sheet);
  const r = parseRect(a1);
  if (!s || !r) return undefined;
  return s.cells.get(cellKey(r.row, r.col));
}

/** Values of a rectangle as Excel's `values` would return them ("" for empty). */
export function readValues(sheet: FakeSheet, rect: Rect): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < rect.cols; c++)
      row.push(sheet.cells.get(cellKey(rect.row + r, rect.col + c))?.value ?? "");
    out.push(row);
  }
  return out;
}

/** The bounding rectangle of non-empty cells of `sheet` inside `within`, or undefined. */
export function usedRect(sheet: FakeSheet, within?: Rect): Rect | undefined {
  let r0 = Infinity,
    c0 = Infinity,
    r1 = -1,
    c1 = -1;
  for (const [k, cell] of sheet.cells) {
    if (cell.value === null && cell.formula === undefined) continue;
    const row = Math.floor(k / 16384);
    const col = k % 16384;
    if (
      within &&
      (row < within.row ||
        row >= within.row + within.rows ||
        col < within.col ||
        col >= within.col + within.cols)
    )
      continue;
    r0 = Math.min(r0, row);
    c0 = Math.min(c0, col);
    r1 = Math.max(r1, row);
    c1 = Math.max(c1, col);
  }
  return r1 < 0 ? undefined : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/** Classify a name's formula the way Excel reports `NamedItem.type`/`value`. */
export function describeName(
  model: FakeWorkbookModel,
  n: FakeName,
): { type: string; value: unknown; ref?: { sheet: FakeSheet; rect: Rect } } {
  const body = n.formula.replace(/^=/, "").trim();
  if (/#REF!/i.test(body)) return { type: "Error", value: "#REF!" };
  if (/^-?\d+(\.\d+)?(E[+-]?\d+)?$/i.test(body)) {
    const v = Number(body);
    return { type: Number.isInteger(v) ? "Integer" : "Double", value: v };
  }
  if (/^"(?:[^"]|"")*"$/.test(body)) return { type: "String", value: body.slice(1, -1).replace(/""/g, '"') };
  if (/^(TRUE|FALSE)$/i.test(body)) return { type: "Boolean", value: body.toUpperCase() === "TRUE" };
  const addr = parseAddress(body);
  if (addr) {
    const sheet = findSheet(model, addr.sheet);
    if (!sheet) return { type: "Error", value: "#REF!" };
    return { type: "Range", value: body, ref: { sheet, rect: addr.rect } };
  }
  // multi-area ("Ark1!$A$1,Ark1!$B$2") or a formula: Excel reports a Range/other type whose getRangeOrNullObject is null
  return { type: "Range", value: body };
}
