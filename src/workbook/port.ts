/**
 * The workbook port: everything the use cases need from a workbook, whatever holds it.
 *
 * Implementations: `src/excel/office-workbook.ts` (Office.js, the product), `src/file/…` (.xlsx files,
 * command line and golden tests) and `test/support/memory-workbook.ts` (in-memory, unit tests and the
 * task-pane stub host).
 */
import type { CellValue, WorkbookSpec } from "./sheet-model";

/** The value behind a workbook-scoped defined name, as read. */
export type NamedValue =
  | {
      readonly kind: "range";
      /** The name as defined in the workbook (original case). */
      readonly name: string;
      readonly sheet: string;
      /** 0-based position of the top-left cell. */
      readonly row: number;
      readonly col: number;
      /** Cell values, row-major, shape = the range. Empty cells are null. */
      readonly values: readonly (readonly CellValue[])[];
      /**
       * Cells of the range that hold a formula but no stored value (files written by tools that do not
       * calculate), as [row, col] offsets into `values` (where they read null). Absent or empty when the
       * host calculates (Office.js) or there are none. The reader turns each into an error naming the cell.
       */
      readonly unvalued?: readonly (readonly [number, number])[];
      /**
       * The cells just outside the range: the row directly below (same columns) and the column directly
       * to the right (same rows), for the reading rule that warns about rows typed just outside a block.
       * Absent when the port did not read them (or the range touches the sheet's edge).
       */
      readonly below?: readonly CellValue[];
      readonly right?: readonly CellValue[];
      /** The name spans whole columns (`$A:$H`); the values are clipped to the sheet's used rows. */
      readonly wholeColumns?: true;
    }
  | {
      /** A named constant such as `=0,035` or `="Kommune"`. */
      readonly kind: "constant";
      readonly name: string;
      readonly value: CellValue;
    }
  | {
      /** Defined, but neither a single rectangular range nor a constant (multi-area, #REF!, formula). */
      readonly kind: "unsupported";
      readonly name: string;
      readonly formula: string;
    };

/** A range on a sheet, A1 (e.g. "A1" or "A5:H5"). */
export interface RangeRef {
  readonly sheet: string;
  readonly ref: string;
}

export interface SheetInfo {
  readonly name: string;
  readonly visibility: "visible" | "hidden" | "veryHidden";
}

/** Sheets and named values read together. */
export interface WorkbookState {
  readonly sheets: readonly SheetInfo[];
  readonly named: ReadonlyMap<string, NamedValue>;
}

export interface WorkbookPort {
  /**
   * Read the given workbook-scoped names in one go. The result is keyed by the **lower-cased** name;
   * names that are not defined are absent. Implementations must not issue a round trip per name.
   */
  readNames(names: readonly string[]): Promise<ReadonlyMap<string, NamedValue>>;
  /** The sheets of the workbook, in tab order. */
  listSheets(): Promise<readonly SheetInfo[]>;
  /**
   * Optional: `listSheets` and `readNames(names)` in one go (Office.js: the same 2 round trips as `readNames`).
   * Use `readWorkbook(port, names)` from src/app/read-once.ts, which falls back to the two calls.
   */
  readWorkbook?(names: readonly string[]): Promise<WorkbookState>;
  /**
   * Optional: the cell values of a few ranges (`sheet` + A1 `ref`) in one go (Office.js: 1 round trip), in the
   * order asked; `undefined` for a sheet that does not exist. Used to recognise the template's own sheets.
   */
  readRanges?(refs: readonly RangeRef[]): Promise<readonly (CellValue[][] | undefined)[]>;
  /**
   * Create or replace the given sheets (each sheet is cleared and rewritten whole) and set the names.
   * The caller has already checked ownership; implementations must apply everything or nothing
   * where the host allows (Office.js: one batch; files: written to a new file).
   */
  writeSheets(spec: WorkbookSpec): Promise<void>;
}

/**
 * Explicit user actions that edit input cells: inserting knowledge records, restoring a saved scenario.
 * A calculation run never uses this. Implementations write user text as text (never as a formula).
 */
export interface InputEditPort {
  /** Write one 2-D block of values into an existing sheet at 0-based (row, col). */
  writeCells(
    sheet: string,
    row: number,
    col: number,
    values: readonly (readonly CellValue[])[],
  ): Promise<void>;
  /** Create or redefine a workbook-scoped name as `sheet!ref` (e.g. to extend a block by the rows just added). */
  defineName(name: string, sheet: string, ref: string): Promise<void>;
  /**
   * One user action's edits as one unit: every block (as `writeCells`), then every name (as `defineName`).
   * Office.js: one `Excel.run` of 2 requests — nothing is written when the first fails (a sheet is missing),
   * and a failure in the second says which ranges and names the action was writing (issue 12, item 3).
   */
  applyEdits(cells: readonly CellEdit[], names: readonly NameEdit[]): Promise<void>;
}

/** One block of an input edit: values at 0-based (`row`, `col`) of `sheet`. */
export interface CellEdit {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly values: readonly (readonly CellValue[])[];
}

/** A workbook-scoped name (re)defined as `sheet!ref` by an input edit. */
export interface NameEdit {
  readonly name: string;
  readonly sheet: string;
  readonly ref: string;
}

/** Moving the user's selection (clicking an input issue selects its cell). */
export interface SelectPort {
  /** Activate `sheet` and select `address` (A1, e.g. "C7"). */
  selectCell(sheet: string, address: string): Promise<void>;
}
