/**
 * `WorkbookPort` over an .xlsx file (Node): the command line and the golden tests read a user's workbook
 * through it. Reading goes through our own reader (`readXlsx`, size-capped, no prototype pollution);
 * `writeSheets` only records the spec in memory, and `saveAs` writes a NEW file holding the input plus the
 * recorded sheets and names, copied at the zip level (`package-copy.ts`). The input file is never modified.
 */
import * as fs from "node:fs";
import type { NamedValue, SheetInfo, WorkbookPort } from "../workbook/port";
import type { NameSpec, SheetSpec, WorkbookSpec } from "../workbook/sheet-model";
import { readBookNames } from "./xlsx-book-port";
import { DEFAULT_READ_LIMITS, readXlsx, type ReadLimits, type XlsxBook } from "./xlsx-reader";
import type { WriteOptions } from "./xlsx-writer";
import { readFileCapped } from "./read-capped";

// The browser-safe part (name → values) lives in xlsx-book-port.ts; re-exported for existing callers.
export { MAX_RANGE_CELLS, namedValue } from "./xlsx-book-port";

/** Merges two specs: later sheets replace earlier ones of the same name (case-insensitive), names likewise. */
function mergeSpecs(a: WorkbookSpec, b: WorkbookSpec): WorkbookSpec {
  const sheets = new Map<string, SheetSpec>();
  for (const s of [...a.sheets, ...b.sheets]) {
    sheets.delete(s.name.toLowerCase());
    sheets.set(s.name.toLowerCase(), s);
  }
  const names = new Map<string, NameSpec>();
  for (const n of [...a.names, ...b.names]) {
    names.delete(n.name.toLowerCase());
    names.set(n.name.toLowerCase(), n);
  }
  return { sheets: [...sheets.values()], names: [...names.values()] };
}

export class FileWorkbook implements WorkbookPort {
  private pending: WorkbookSpec = { sheets: [], names: [] };

  private constructor(
    /** The file's bytes as read (kept to write the copy). */
    private readonly bytes: Uint8Array,
    /** The parsed workbook. */
    readonly book: XlsxBook,
    private readonly limits: ReadLimits,
  ) {}

  /** Reads a workbook from bytes. Throws `FileReadError` when the file is refused. */
  static fromBytes(bytes: Uint8Array, limits?: Partial<ReadLimits>): FileWorkbook {
    const all: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits };
    // Sheets are parsed when a name first reads them (a calculation skips Viden, Forside…).
    return new FileWorkbook(bytes, readXlsx(bytes, all, "onDemand"), all);
  }

  /**
   * Reads a workbook from a file. The size is checked (fstat) before the file is read, so a 2 GB file is
   * refused at once. Node system errors (ENOENT, EACCES, EISDIR…) are passed on unchanged.
   */
  static async open(path: string, limits?: Partial<ReadLimits>): Promise<FileWorkbook> {
    const all: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits };
    return FileWorkbook.fromBytes(await readFileCapped(path, all.maxFileBytes), all);
  }

  readNames(names: readonly string[]): Promise<ReadonlyMap<string, NamedValue>> {
    return Promise.resolve(readBookNames(this.book, names));
  }

  listSheets(): Promise<readonly SheetInfo[]> {
    return Promise.resolve(this.book.sheets.map((s) => ({ name: s.name, visibility: s.visibility })));
  }

  /** Records the sheets and names in memory; nothing is written until `saveAs`. */
  writeSheets(spec: WorkbookSpec): Promise<void> {
    this.pending = mergeSpecs(this.pending, spec);
    return Promise.resolve();
  }

  /** Everything recorded by `writeSheets` so far. */
  get written(): WorkbookSpec {
    return this.pending;
  }

  /** A new file's bytes: the input workbook plus the recorded sheets and names. */
  async toBytes(opts?: WriteOptions): Promise<Uint8Array> {
    const { copyPackageWithSheets } = await import("./package-copy"); // exceljs loads only when writing
    return copyPackageWithSheets(this.bytes, this.pending, { ...opts, limits: this.limits });
  }

  /** Writes the input workbook plus the recorded sheets and names to `path` (a new file; the input is untouched). */
  async saveAs(path: string, opts?: WriteOptions): Promise<void> {
    await fs.promises.writeFile(path, await this.toBytes(opts));
  }
}
