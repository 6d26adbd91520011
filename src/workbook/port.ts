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

export interface SheetInfo {
  readonly name: string;
  readonly visibility: "visible" | "hidden" | "veryHidden";
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
   * Create or replace the given sheets (each sheet is cleared and rewritten whole) and set the names.
   * The caller has already checked ownership; implementations must apply everything or nothing
   * where the host allows (Office.js: one batch; files: written to a new file).
   */
  writeSheets(spec: WorkbookSpec): Promise<void>;
}
