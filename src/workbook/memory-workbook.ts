/**
 * An in-memory workbook: the `WorkbookPort`, `InputEditPort` and `SelectPort` over plain data. Used by
 * unit tests of the use cases and by the task pane's browser dev mode (no Office host). Browser-safe.
 *
 * Sheets are sparse grids of cells (value + optional formula + optional number format). Formulas are
 * stored, never evaluated: a formula cell reads as the value it was written with. Names are
 * workbook-scoped, case-insensitive (kept in their original case), either a range on a sheet or a constant.
 * `readNames` returns `NamedValue`s exactly as the file and Office adapters do.
 *
 * Example:
 *   const wb = new MemoryWorkbook();
 *   wb.addSheet("Indstillinger");
 *   wb.setCell("Indstillinger", "B3", 2025);
 *   wb.defineName("SOM_Startaar", "Indstillinger", "B3");
 *   (await wb.readNames(["SOM_Startaar"])).get("som_startaar") // → { kind: "range", …, values: [[2025]] }
 */
import type {
  CellEdit,
  InputEditPort,
  NamedValue,
  NameEdit,
  RangeRef,
  SelectPort,
  SheetInfo,
  WorkbookPort,
} from "./port";
import type { Block, CellValue, NameSpec, SheetSpec, WorkbookSpec } from "./sheet-model";
import { rangeEdges } from "./range-edges";
import { cellA1 as a1, parseCellA1 as parseA1, parseRectA1, rectA1 as rectToA1, type Rect } from "./a1";

/** A programmer error against the in-memory workbook (unknown sheet, bad reference, ragged block). */
export class MemoryWorkbookError extends Error {
  override readonly name = "MemoryWorkbookError";
}

export interface MemoryCell {
  readonly value: CellValue;
  /** Invariant formula text starting with "=", when the cell holds a formula. */
  readonly formula?: string;
  readonly numberFormat?: string;
}

type Visibility = SheetInfo["visibility"];

interface MemorySheet {
  name: string;
  visibility: Visibility;
  /** Key `row * 16384 + col`. */
  cells: Map<number, MemoryCell>;
  /** The spec last written for this sheet (styles, validations, conditional formats…), if any. */
  spec?: SheetSpec;
}

type StoredName =
  | { readonly name: string; readonly sheet: string; readonly rect: Rect }
  | { readonly name: string; readonly constant: string | number };

const MAX_COLS = 16_384;
const key = (row: number, col: number): number => row * MAX_COLS + col;

/** Excel's rules for a defined name, simplified: letter/underscore/backslash first, then letters, digits, _ and . */
const VALID_NAME = /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/;

function checkName(name: string): void {
  if (!VALID_NAME.test(name) || parseA1(name) !== undefined || name.length > 255) {
    throw new MemoryWorkbookError(`Not a valid defined name: ${JSON.stringify(name)}`);
  }
}

export class MemoryWorkbook implements WorkbookPort, InputEditPort, SelectPort {
  private sheets: MemorySheet[] = [];
  private names = new Map<string, StoredName>();
  /** The last selection made through `selectCell`. */
  selection: { readonly sheet: string; readonly address: string } | undefined;
  /** How many times `writeSheets` was called (successfully or not). */
  writeSheetsCalls = 0;
  /** Every spec passed to `writeSheets`, in order. */
  readonly writtenSpecs: WorkbookSpec[] = [];
  /** When set, the next `writeSheets` throws this error before changing anything (simulates a host failure). */
  failNextWrite: Error | undefined;

  /** A workbook holding exactly the sheets and names of `spec` (e.g. the template). */
  static fromSpec(spec: WorkbookSpec): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    wb.applySpec(spec);
    return wb;
  }

  // ───────────── WorkbookPort ─────────────

  readNames(names: readonly string[]): Promise<ReadonlyMap<string, NamedValue>> {
    const out = new Map<string, NamedValue>();
    for (const requested of names) {
      const k = requested.toLowerCase();
      const stored = this.names.get(k);
      if (stored === undefined || out.has(k)) continue;
      out.set(k, this.namedValue(stored));
    }
    return Promise.resolve(out);
  }

  readRanges(refs: readonly RangeRef[]): Promise<readonly (CellValue[][] | undefined)[]> {
    return Promise.resolve(
      refs.map(({ sheet, ref }) => {
        const s = this.findSheet(sheet);
        const r = parseRectA1(ref);
        if (s === undefined || r === undefined) return undefined;
        return Array.from({ length: r.rows }, (_, i) =>
          Array.from({ length: r.cols }, (_, j) => s.cells.get(key(r.row + i, r.col + j))?.value ?? null),
        );
      }),
    );
  }

  listSheets(): Promise<readonly SheetInfo[]> {
    return Promise.resolve(this.sheets.map((s) => ({ name: s.name, visibility: s.visibility })));
  }

  /** Replaces the given sheets whole and sets the names — all or nothing (everything is checked first). */
  writeSheets(spec: WorkbookSpec): Promise<void> {
    this.writeSheetsCalls += 1;
    try {
      const fail = this.failNextWrite;
      if (fail !== undefined) {
        this.failNextWrite = undefined;
        throw fail;
      }
      const staged = this.clone();
      staged.applySpec(spec);
      this.sheets = staged.sheets;
      this.names = staged.names;
      this.writtenSpecs.push(spec);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  // ───────────── InputEditPort ─────────────

  writeCells(
    sheet: string,
    row: number,
    col: number,
    values: readonly (readonly CellValue[])[],
  ): Promise<void> {
    try {
      const s = this.requireSheet(sheet);
      values.forEach((line, r) =>
        line.forEach((value, c) => {
          if (value === null) s.cells.delete(key(row + r, col + c));
          else s.cells.set(key(row + r, col + c), { value });
        }),
      );
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  defineName(name: string, sheet: string, ref: string): Promise<void> {
    try {
      this.setName({ name, sheet, ref });
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** All or nothing: every block and name is checked on a copy first. */
  async applyEdits(cells: readonly CellEdit[], names: readonly NameEdit[]): Promise<void> {
    const staged = this.clone();
    for (const c of cells) await staged.writeCells(c.sheet, c.row, c.col, c.values);
    for (const n of names) await staged.defineName(n.name, n.sheet, n.ref);
    this.sheets = staged.sheets;
    this.names = staged.names;
  }

  // ───────────── SelectPort ─────────────

  selectCell(sheet: string, address: string): Promise<void> {
    try {
      const s = this.requireSheet(sheet);
      if (parseRectA1(address) === undefined) throw new MemoryWorkbookError(`Not an A1 address: ${address}`);
      this.selection = { sheet: s.name, address };
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  // ───────────── Test helpers ─────────────

  /** Adds an empty sheet at the end (no-op if it exists; its visibility is then updated). */
  addSheet(name: string, visibility: Visibility = "visible"): this {
    const existing = this.findSheet(name);
    if (existing !== undefined) existing.visibility = visibility;
    else this.sheets.push({ name, visibility, cells: new Map() });
    return this;
  }

  /** Removes a sheet (names pointing to it then read as unsupported, like `#REF!`). */
  removeSheet(name: string): this {
    this.sheets = this.sheets.filter((s) => s.name.toLowerCase() !== name.toLowerCase());
    return this;
  }

  /** Sets one cell's value (null clears it). A string starting with "=" is stored as text. */
  setCell(sheet: string, address: string, value: CellValue): this {
    const s = this.requireSheet(sheet);
    const at = parseA1(address);
    if (at === undefined) throw new MemoryWorkbookError(`Not an A1 cell: ${address}`);
    if (value === null) s.cells.delete(key(at.row, at.col));
    else s.cells.set(key(at.row, at.col), { value });
    return this;
  }

  /** Defines (or redefines) a workbook-scoped name as a range or a constant. */
  setName(spec: NameSpec): this {
    checkName(spec.name);
    if ("constant" in spec) {
      this.names.set(spec.name.toLowerCase(), { name: spec.name, constant: spec.constant });
      return this;
    }
    const s = this.requireSheet(spec.sheet);
    const rect = parseRectA1(spec.ref);
    if (rect === undefined) throw new MemoryWorkbookError(`Not an A1 range for ${spec.name}: ${spec.ref}`);
    this.names.set(spec.name.toLowerCase(), { name: spec.name, sheet: s.name, rect });
    return this;
  }

  /** Removes a name. */
  deleteName(name: string): this {
    this.names.delete(name.toLowerCase());
    return this;
  }

  /** The value of one cell, or null when empty (or the sheet does not exist). */
  getCell(sheet: string, address: string): CellValue {
    return this.getCellInfo(sheet, address)?.value ?? null;
  }

  /** The formula of one cell, or undefined. */
  getFormula(sheet: string, address: string): string | undefined {
    return this.getCellInfo(sheet, address)?.formula;
  }

  /** The whole cell (value, formula, number format), or undefined when empty. */
  getCellInfo(sheet: string, address: string): MemoryCell | undefined {
    const s = this.findSheet(sheet);
    const at = parseA1(address);
    if (s === undefined || at === undefined) return undefined;
    return s.cells.get(key(at.row, at.col));
  }

  /** The sheet's values from A1 to its last used row/column (empty cells null); [] for an empty sheet. */
  sheetGrid(sheet: string): CellValue[][] {
    return this.grid(sheet, (c) => c?.value ?? null);
  }

  /** Same as `sheetGrid` but formulas where a cell has one (else the value). */
  sheetFormulas(sheet: string): (CellValue | string)[][] {
    return this.grid(sheet, (c) => c?.formula ?? c?.value ?? null);
  }

  /** The spec last written for a sheet through `writeSheets`/`fromSpec`. */
  sheetSpec(sheet: string): SheetSpec | undefined {
    return this.findSheet(sheet)?.spec;
  }

  /** Names defined in the workbook (original case). */
  nameList(): string[] {
    return [...this.names.values()].map((n) => n.name);
  }

  /** Where a name points: `{sheet, ref}` for a range, `{constant}` otherwise; undefined if not defined. */
  nameTarget(name: string): { sheet: string; ref: string } | { constant: string | number } | undefined {
    const n = this.names.get(name.toLowerCase());
    if (n === undefined) return undefined;
    return "constant" in n ? { constant: n.constant } : { sheet: n.sheet, ref: rectToA1(n.rect) };
  }

  /** A deep copy (same sheets, cells and names). */
  clone(): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    wb.sheets = this.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: new Map(s.cells),
      ...(s.spec === undefined ? {} : { spec: s.spec }),
    }));
    wb.names = new Map(this.names);
    return wb;
  }

  // ───────────── Internals ─────────────

  private grid<T>(sheet: string, pick: (c: MemoryCell | undefined) => T): T[][] {
    const s = this.findSheet(sheet);
    if (s === undefined) return [];
    let rows = 0;
    let cols = 0;
    for (const k of s.cells.keys()) {
      rows = Math.max(rows, Math.floor(k / MAX_COLS) + 1);
      cols = Math.max(cols, (k % MAX_COLS) + 1);
    }
    const out: T[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: T[] = [];
      for (let c = 0; c < cols; c++) line.push(pick(s.cells.get(key(r, c))));
      out.push(line);
    }
    return out;
  }

  private findSheet(name: string): MemorySheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  private requireSheet(name: string): MemorySheet {
    const s = this.findSheet(name);
    if (s === undefined) throw new MemoryWorkbookError(`No sheet named ${JSON.stringify(name)}`);
    return s;
  }

  private namedValue(stored: StoredName): NamedValue {
    if ("constant" in stored) return { kind: "constant", name: stored.name, value: stored.constant };
    const s = this.findSheet(stored.sheet);
    if (s === undefined) return { kind: "unsupported", name: stored.name, formula: "#REF!" };
    const rect = clipToUsed(stored.rect, s.cells);
    const values: CellValue[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const line: CellValue[] = [];
      for (let c = 0; c < rect.cols; c++)
        line.push(s.cells.get(key(rect.row + r, rect.col + c))?.value ?? null);
      values.push(line);
    }
    const edges = rangeEdges(stored.rect, (r, c) => s.cells.get(key(r, c))?.value);
    return {
      kind: "range",
      name: stored.name,
      sheet: s.name,
      row: rect.row,
      col: rect.col,
      values,
      ...edges,
    };
  }

  /** Applies a spec in place (callers stage it on a clone for all-or-nothing). */
  private applySpec(spec: WorkbookSpec): void {
    for (const sheetSpec of spec.sheets) {
      const cells = new Map<number, MemoryCell>();
      for (const block of sheetSpec.blocks) writeBlock(cells, block, sheetSpec.name);
      const existing = this.findSheet(sheetSpec.name);
      const visibility = sheetSpec.visibility ?? "visible";
      if (existing !== undefined) {
        existing.cells = cells;
        existing.visibility = visibility;
        existing.spec = sheetSpec;
      } else this.sheets.push({ name: sheetSpec.name, visibility, cells, spec: sheetSpec });
    }
    for (const name of spec.names) this.setName(name);
  }
}

/** A name over whole columns/rows is clipped to the sheet's used extent, as the file adapter does. */
function clipToUsed(rect: Rect, cells: ReadonlyMap<number, MemoryCell>): Rect {
  if (rect.rows * rect.cols <= 1_000_000) return rect;
  let rows = 0;
  let cols = 0;
  for (const k of cells.keys()) {
    rows = Math.max(rows, Math.floor(k / MAX_COLS) + 1);
    cols = Math.max(cols, (k % MAX_COLS) + 1);
  }
  return {
    row: rect.row,
    col: rect.col,
    rows: Math.max(1, Math.min(rect.rows, rows - rect.row)),
    cols: Math.max(1, Math.min(rect.cols, cols - rect.col)),
  };
}

function writeBlock(cells: Map<number, MemoryCell>, block: Block, sheet: string): void {
  const width = block.values[0]?.length ?? 0;
  block.values.forEach((line, r) => {
    if (line.length !== width) {
      throw new MemoryWorkbookError(`Ragged block at ${sheet}!${a1(block.row, block.col)} (row ${r})`);
    }
    line.forEach((value, c) => {
      const formula = block.formulas?.[r]?.[c] ?? null;
      const fmt = typeof block.numberFormat === "string" ? block.numberFormat : block.numberFormat?.[r]?.[c];
      if (formula !== null && !formula.startsWith("=")) {
        throw new MemoryWorkbookError(`Formula without "=" at ${sheet}!${a1(block.row + r, block.col + c)}`);
      }
      const cell: MemoryCell = {
        value,
        ...(formula === null ? {} : { formula }),
        ...(fmt === undefined ? {} : { numberFormat: fmt }),
      };
      if (value === null && formula === null) cells.delete(key(block.row + r, block.col + c));
      else cells.set(key(block.row + r, block.col + c), cell);
    });
  });
  if (block.formulas !== undefined && block.formulas.length !== block.values.length) {
    throw new MemoryWorkbookError(
      `Formulas and values differ in shape at ${sheet}!${a1(block.row, block.col)}`,
    );
  }
}
