/**
 * `OfficeWorkbook`: the workbook port over the Excel JavaScript API — the only code in the product that calls
 * Office.js for reading and writing (see also change-watcher.ts and select-cell in this file).
 *
 * Round trips (`context.sync()` calls), whatever the number of names, rows or sheets:
 * - `readNames`: 2 (1: every name's type/value/formula; 2: every range's address + used values).
 * - `readWorkbook`: the same 2, with the sheet list loaded in the first.
 * - `listSheets`: 1.
 * - `writeSheets`: 2 preflight syncs (which sheets/names exist; protection and old charts of the sheets we
 *   replace) + W write syncs, where W = 1 for any spec up to `maxCellsPerRequest` cells (20,000) and
 *   ≈ `maxBytesPerRequest` (2 MB estimated JSON); bigger specs are chunked in row slices, W = number of
 *   chunks, to stay under Excel on the web's 5 MB request limit. So a normal result write is 3 syncs. The
 *   estimate counts what the real client sends (`REQUEST_BYTES`): values and formats, and per block its range
 *   and style properties, per merge and row height, per name; merges and row heights go in chunks after the
 *   content, the sheet settings in the last request.
 *   Calculation is suspended (`suspendApiCalculationUntilNextSync`) in every write sync but the last, which
 *   ends with `application.calculate("Recalculate")`: after a suspended write, recalculating is the add-in's
 *   job (Microsoft's documentation), and the status formulas must show "Forældet"/"Aktuel" at once.
 * - `applyEdits` / `writeCells` / `defineName` (explicit user edits of input cells, `InputEditPort`): 2 (1: the
 *   target cells' number formats and which names exist; 2: one 2-D `values` assignment per block, the names,
 *   then `calculate("Recalculate")`), whatever the number of blocks and names.
 * - `selectCell`: 1.
 *
 * Safety: the spec is validated in full before the first Office call, protected target sheets and sheets that
 * hold input ranges stop the write before anything changes. Input ranges = where the contract's input names
 * (`INPUT_NAMES`) were last read, kept across reads — so the ownership check reading meta names right before
 * a write neither switches the guard off nor mistakes `_som_meta` for an input sheet. Excel batches are not
 * transactional: if Excel still fails mid-write, `OfficeWriteError` names the sheets and says the workbook may be
 * partly updated.
 */
import { INPUT_NAMES } from "../workbook/names";
import { EXCEL_ERRORS } from "../workbook/read/scalar";
import { printTitleRanges } from "../workbook/render/print-layout";
import type {
  CellEdit,
  InputEditPort,
  NameEdit,
  NamedValue,
  RangeRef,
  SelectPort,
  SheetInfo,
  WorkbookPort,
  WorkbookState,
} from "../workbook/port";
import type {
  Block,
  CellValue,
  NameSpec,
  PrintSetup,
  SheetSpec,
  WorkbookSpec,
} from "../workbook/sheet-model";
import { MAX_COLS, MAX_ROWS, cellA1, parseAddress, parseRect, quoteSheet, type Rect } from "./a1";
import { toExcelInput } from "./excel-input";
import { COLOR_SCALE, CONDITIONAL_LOOKS, columnWidthPoints, formatForStyle } from "./office-format";
import { logOfficeError, OfficeReadError, OfficeWriteError, officeErrorCode } from "./office-errors";
import { FEATURE_SETS, officeIsSetSupported, SKIPPED_FEATURES, type IsSetSupported } from "./requirements";
import { validateSpec, InvalidSpecError } from "./validate-spec";

/** Options of one batch (`Excel.RunOptions`). */
export interface RunOptions {
  /** Wait while the user edits a cell instead of failing with `InvalidOperationInCellEditMode`. */
  readonly delayForCellEdit?: boolean;
}

/**
 * The request-context factory: runs a batch against Excel. `Excel.run` in the add-in; in tests the real
 * Office.js client against the RichApi host emulator (`Excel.run({ session: url }, …)`) or the fake Excel.
 */
export type ExcelRunner = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options?: RunOptions,
) => Promise<T>;

/** The real runner, for the task pane's composition root (after `Office.onReady`). */
export const excelRunner: ExcelRunner = (batch, options) =>
  options ? Excel.run({ ...options }, batch) : Excel.run(batch);

/**
 * Runs started without the user asking (auto-recalculate 1,5 s after an edit) usually meet the user typing in
 * the next cell, and Excel rejects them (`InvalidOperationInCellEditMode`). `automatic(work)` runs `work` with
 * every batch sent as `Excel.run({ delayForCellEdit: true }, …)`: Excel holds the request until the cell edit
 * ends (hosts with the DelayForCellEdit set; elsewhere the error still comes and the caller retries quietly).
 */
export function automaticRuns(base: ExcelRunner): {
  readonly run: ExcelRunner;
  automatic<T>(work: () => Promise<T>): Promise<T>;
} {
  let depth = 0;
  return {
    run: (batch, options) => base(batch, depth > 0 ? { ...options, delayForCellEdit: true } : options),
    async automatic(work) {
      depth++;
      try {
        return await work();
      } finally {
        depth--;
      }
    },
  };
}

export interface OfficeWorkbookOptions {
  /** Max cells written per request (sync). Default 20,000 (Microsoft: "start with 5k–20k"). */
  readonly maxCellsPerRequest?: number;
  /** Max estimated request payload in bytes. Default 2,000,000 (the web limit is 5 MB; the estimate is rough). */
  readonly maxBytesPerRequest?: number;
  /** Requirement-set check; default `Office.context.requirements`. */
  readonly isSetSupported?: IsSetSupported;
}

/** Where an input name lives (from the last read), so writes and the change watcher can respect it. */
export interface InputRange {
  readonly name: string;
  readonly sheet: string;
  readonly rect: Rect;
  /** The sheet's id (stable when the user renames the sheet). */
  readonly sheetId?: string;
}

/** What the last `writeSheets` did. */
export interface WriteReport {
  readonly syncs: number;
  readonly writeRequests: number;
  readonly cells: number;
  /** Spec features skipped because this Excel lacks the API (e.g. "notes (ExcelApi 1.18)"). */
  readonly skipped: readonly string[];
}

const CONTRACT_INPUTS = new Set(INPUT_NAMES.map((n) => n.toLowerCase()));

/** Names larger than this (cells) are read only up to their used extent (e.g. whole-column names). */
const FULL_SHAPE_CAP = 1_000_000;
/** Largest named range whose edges (row below, column right) are read: whole-column names are not. */
const EDGE_CAP = 1_000_000;

type Matrix = (string | number | boolean)[][];

interface Slice {
  readonly sheet: string;
  readonly rect: Rect;
  readonly content: Matrix;
  readonly useFormulas: boolean;
  readonly numberFormat: string[][] | undefined;
  readonly block: Block;
  readonly bytes: number;
}

const VISIBILITY: Readonly<
  Record<NonNullable<SheetSpec["visibility"]>, Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden">
> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

const FROM_VISIBILITY: Readonly<Record<string, SheetInfo["visibility"]>> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

const sheetInfo = (s: Excel.Worksheet): SheetInfo => ({
  name: s.name,
  visibility: FROM_VISIBILITY[String(s.visibility)] ?? "visible",
});

const absolute = (a1: string): string => {
  const r = parseRect(a1);
  if (!r) return a1;
  const tl = `$${cellA1(r.row, r.col).replace(/(\d+)$/, "$$$1")}`;
  if (r.rows === 1 && r.cols === 1) return tl;
  return `${tl}:$${cellA1(r.row + r.rows - 1, r.col + r.cols - 1).replace(/(\d+)$/, "$$$1")}`;
};

/** The invariant formula of a defined name. */
export function nameFormula(n: NameSpec): string {
  if ("ref" in n) return `=${quoteSheet(n.sheet)}!${absolute(n.ref)}`;
  if (typeof n.constant === "number") return `=${String(n.constant)}`;
  return `="${n.constant.replace(/"/g, '""')}"`;
}

/** Top-level comma (outside quotes) = a multi-area reference or a function call we cannot read as one range. */
const isPlainReference = (formula: string): boolean => {
  const body = formula.replace(/^=/, "");
  if (/#REF!/i.test(body)) return false;
  return parseAddress(body) !== undefined;
};

const fromExcel = (v: unknown): CellValue =>
  v === "" || v === undefined
    ? null
    : typeof v === "number" || typeof v === "boolean" || typeof v === "string"
      ? v
      : null;

function blockMatrices(b: Block): {
  content: Matrix;
  useFormulas: boolean;
  numberFormat: string[][] | undefined;
} {
  const useFormulas = b.formulas !== undefined && b.formulas.some((r) => r.some((f) => f !== null));
  const cols = b.values[0]?.length ?? 0;
  const numberFormat =
    b.numberFormat === undefined
      ? undefined
      : typeof b.numberFormat === "string"
        ? b.values.map(() => new Array<string>(cols).fill(b.numberFormat as string))
        : b.numberFormat.map((r) => [...r]);
  // A cell formatted as Text ("@") keeps typed input verbatim (an apostrophe would become part of the text),
  // so text goes there unprefixed; everywhere else `toExcelInput` adds Excel's text prefix where needed.
  const content: Matrix = b.values.map((row, r) =>
    row.map(
      (v, c) =>
        b.formulas?.[r]?.[c] ??
        (typeof v === "string" && numberFormat?.[r]?.[c] === "@" ? v : toExcelInput(v)),
    ),
  );
  return { content, useFormulas, numberFormat };
}

const rowBytes = (row: readonly unknown[]): number => JSON.stringify(row).length + 1;

/** Cut blocks into row slices of at most `maxCells` cells / `maxBytes` estimated bytes. */
function sliceBlocks(spec: WorkbookSpec, maxCells: number, maxBytes: number): Slice[] {
  const out: Slice[] = [];
  for (const s of spec.sheets)
    for (const b of s.blocks) {
      const { content, useFormulas, numberFormat } = blockMatrices(b);
      const cols = content[0]?.length ?? 0;
      let start = 0;
      while (start < content.length) {
        let end = start;
        // the range's object path and the assignments (values, number formats, the style's format.set)
        let bytes = REQUEST_BYTES.slice + (b.style ? styleBytes(b.style) : 0);
        while (end < content.length) {
          const rb = rowBytes(content[end] ?? []) + (numberFormat ? rowBytes(numberFormat[end] ?? []) : 0);
          if (end > start && ((end - start + 1) * cols > maxCells || bytes + rb > maxBytes)) break;
          bytes += rb;
          end++;
        }
        out.push({
          sheet: s.name,
          rect: { row: b.row + start, col: b.col, rows: end - start, cols },
          content: content.slice(start, end),
          useFormulas,
          numberFormat: numberFormat?.slice(start, end),
          block: b,
          bytes,
        });
        start = end;
      }
    }
  return out;
}

/**
 * Request bytes per operation as Microsoft's office.js client serializes them (measured against the RichApi
 * emulator: docs/office-js-protocol.md): a written block costs its range's object path and its assignments
 * (≈ 460 B) beyond its values; each property of a style's `format.set` ≈ 200 B; a merge ≈ 450 B; a row height
 * ≈ 600 B; a defined name ≈ 450 B. Without these, a sheet of many small blocks (the report of a large model:
 * 45.811 blocks, 6.115 merges) was estimated by its values alone and sent as one 9 MB request, which Excel on
 * the web refuses (5 MB).
 */
const REQUEST_BYTES = {
  slice: 460,
  styleProperty: 200,
  merge: 450,
  rowHeight: 600,
  name: 450,
  pageBreak: 500,
  printSetup: 3_000,
  validation: 1_000,
  conditionalFormat: 1_500,
  note: 500,
  chart: 3_000,
  series: 1_000,
  sheet: 1_000,
} as const;

const leafCount = (o: unknown): number =>
  typeof o === "object" && o !== null ? Object.values(o).reduce((a: number, v) => a + leafCount(v), 0) : 1;

const styleBytes = (style: NonNullable<Block["style"]>): number =>
  REQUEST_BYTES.styleProperty * leafCount(formatForStyle(style));

/** Merges and row heights of one sheet, written after its content in chunks under the byte budget. */
interface LayoutChunk {
  readonly sheet: string;
  readonly merges: readonly string[];
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
}

/** What one write request carries: content slices, layout chunks, and (in the last) the sheet settings. */
type WriteItem =
  | { readonly kind: "slice"; readonly slice: Slice; readonly cells: number; readonly bytes: number }
  | { readonly kind: "layout"; readonly chunk: LayoutChunk; readonly cells: 0; readonly bytes: number }
  | { readonly kind: "finish"; readonly cells: 0; readonly bytes: number };

function layoutChunks(spec: WorkbookSpec, maxBytes: number): WriteItem[] {
  const out: WriteItem[] = [];
  for (const s of spec.sheets) {
    const ops = [
      ...(s.merges ?? []).map((m) => ({ merge: m, bytes: REQUEST_BYTES.merge + m.length })),
      ...(s.rowHeights ?? []).map((h) => ({ height: h, bytes: REQUEST_BYTES.rowHeight })),
    ];
    let merges: string[] = [];
    let heights: { row: number; height: number }[] = [];
    let bytes = 0;
    const flush = (): void => {
      if (merges.length + heights.length === 0) return;
      out.push({ kind: "layout", chunk: { sheet: s.name, merges, rowHeights: heights }, cells: 0, bytes });
      merges = [];
      heights = [];
      bytes = 0;
    };
    for (const op of ops) {
      if (bytes + op.bytes > maxBytes) flush();
      if ("merge" in op) merges.push(op.merge);
      else heights.push(op.height);
      bytes += op.bytes;
    }
    flush();
  }
  return out;
}

/** Estimated bytes of the sheet settings the last request applies (`finishSheet`, without merges/heights). */
const finishBytes = (spec: WorkbookSpec): number =>
  spec.sheets.reduce(
    (a, s) =>
      a +
      REQUEST_BYTES.sheet +
      (s.print ? REQUEST_BYTES.printSetup + (s.print.rowBreaks?.length ?? 0) * REQUEST_BYTES.pageBreak : 0) +
      (s.validations ?? []).reduce(
        (x, v) =>
          x + REQUEST_BYTES.validation + (typeof v.list === "string" ? v.list : v.list.join(",")).length,
        0,
      ) +
      ((s.conditionalFormats?.length ?? 0) + (s.colorScales?.length ?? 0)) * REQUEST_BYTES.conditionalFormat +
      (s.notes ?? []).reduce((x, n) => x + REQUEST_BYTES.note + n.text.length, 0) +
      (s.charts ?? []).reduce((x, c) => x + REQUEST_BYTES.chart + c.series.length * REQUEST_BYTES.series, 0),
    0,
  );

/**
 * Pack the write into requests (each one sync) under the cell and byte budgets: content slices, then each
 * sheet's merges and row heights, then the sheet settings — always in the last request. `firstBytes` is what
 * the first request carries before any content (the claim, the sheets added or cleared, every defined name).
 */
function packRequests(
  slices: readonly Slice[],
  layout: readonly WriteItem[],
  finish: number,
  firstBytes: number,
  maxCells: number,
  maxBytes: number,
): WriteItem[][] {
  const items: WriteItem[] = [
    ...slices.map((slice): WriteItem => ({
      kind: "slice",
      slice,
      cells: slice.rect.rows * slice.rect.cols,
      bytes: slice.bytes,
    })),
    ...layout,
    { kind: "finish", cells: 0, bytes: finish },
  ];
  const requests: WriteItem[][] = [[]];
  let cells = 0;
  let bytes = firstBytes;
  for (const item of items) {
    const current = requests[requests.length - 1] as WriteItem[];
    if (current.length > 0 && (cells + item.cells > maxCells || bytes + item.bytes > maxBytes)) {
      requests.push([item]);
      cells = item.cells;
      bytes = item.bytes;
    } else {
      current.push(item);
      cells += item.cells;
      bytes += item.bytes;
    }
  }
  return requests;
}

/**
 * Whether the loaded office.js client library has `Excel.<type>.prototype.<member>` (true when there is no
 * client, as with the fake). A host may support a set that an older office.js build does not know yet —
 * npm `@microsoft/office-js` 1.1.110 has no `Worksheet.notes` (ExcelApi 1.18).
 */
function clientKnows(type: string, member: string): boolean {
  if (typeof Excel === "undefined") return true;
  const ctor = (Excel as unknown as Record<string, unknown>)[type];
  return typeof ctor !== "function" || member in (ctor as { prototype: object }).prototype;
}

/** `Excel.CalculationType.recalculate` (the enum object exists only where office.js is loaded). */
const RECALCULATE = "Recalculate" as Excel.CalculationType.recalculate;

/** Largest block `writeCells` accepts in one request (cells); user edits are far smaller. */
const MAX_EDIT_CELLS = 100_000;

export class OfficeWorkbook implements WorkbookPort, InputEditPort, SelectPort {
  private inputs: InputRange[] = [];
  /** Contract input names (lower-cased) → where they were last read; kept across reads of other names. */
  private readonly contractInputs = new Map<string, InputRange>();
  private report: WriteReport | undefined;
  private readonly maxCells: number;
  private readonly maxBytes: number;
  private readonly isSetSupported: IsSetSupported;

  constructor(
    private readonly run: ExcelRunner = excelRunner,
    options: OfficeWorkbookOptions = {},
  ) {
    this.maxCells = options.maxCellsPerRequest ?? 20_000;
    this.maxBytes = options.maxBytesPerRequest ?? 2_000_000;
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported;
  }

  /** Ranges found by the last `readNames`. */
  inputRanges(): readonly InputRange[] {
    return this.inputs;
  }

  /**
   * Where the contract's input names (`INPUT_NAMES`) were when last read, whatever was read since — what the
   * change watcher should watch (a calculation's last read is the ownership check's meta names).
   */
  contractInputRanges(): readonly InputRange[] {
    return [...this.contractInputs.values()];
  }

  /** What the last successful `writeSheets` did (sync count, requests, skipped features). */
  lastWrite(): WriteReport | undefined {
    return this.report;
  }

  async readNames(names: readonly string[]): Promise<ReadonlyMap<string, NamedValue>> {
    return (await this.read(names, false)).named;
  }

  /** `listSheets` and `readNames` in the same 2 round trips (the sheet list rides along in the first). */
  async readWorkbook(names: readonly string[]): Promise<WorkbookState> {
    const { named, sheets } = await this.read(names, true);
    return { named, sheets: sheets ?? [] };
  }

  private async read(
    names: readonly string[],
    withSheets: boolean,
  ): Promise<{ named: ReadonlyMap<string, NamedValue>; sheets?: readonly SheetInfo[] }> {
    const unique = [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
    try {
      return await this.run(async (context) => {
        // the sheet ids let the change watcher follow an input sheet the user renames (issue 12, item 5)
        const sheetItems = context.workbook.worksheets;
        sheetItems.load("items/id,items/name,items/visibility");
        const items = unique.map((n) => context.workbook.names.getItemOrNullObject(n));
        for (const item of items) item.load("name,type,value,formula");
        await context.sync(); // sync 1: existence, type, constant values, formulas (and the sheet list)

        const reads = items.map((item) => {
          if (item.isNullObject || item.type !== "Range") return undefined;
          if (!isPlainReference(String(item.formula)) && !isPlainReference(String(item.value)))
            return undefined;
          const range = item.getRangeOrNullObject();
          range.load("address");
          const used = range.getUsedRangeOrNullObject(true);
          // valueTypes: an error cell is "Error" whatever the host's language shows (#I/T in Danish)
          used.load("address,values,valueTypes");
          // The reading rule "filled cells just below or right of a block" (contract v2) needs the row below
          // and the column to the right, in the same sync; not past the sheet's edge, not for whole columns.
          const where =
            parseAddress(String(item.formula).replace(/^=/, "")) ??
            parseAddress(String(item.value).replace(/^=/, ""));
          const edges =
            where === undefined || where.rect.rows * where.rect.cols > EDGE_CAP
              ? {}
              : {
                  ...(where.rect.row + where.rect.rows < MAX_ROWS ? { below: range.getRowsBelow(1) } : {}),
                  ...(where.rect.col + where.rect.cols < MAX_COLS ? { right: range.getColumnsAfter(1) } : {}),
                };
          edges.below?.load("values");
          edges.right?.load("values");
          return { range, used, ...edges };
        });
        await context.sync(); // sync 2: every range's address and used values at once

        const out = new Map<string, NamedValue>();
        const inputs: InputRange[] = [];
        const sheetIds = new Map(sheetItems.items.map((ws) => [ws.name.toLowerCase(), ws.id]));
        items.forEach((item, i) => {
          if (item.isNullObject) return;
          const name = item.name;
          const key = name.toLowerCase();
          const read = reads[i];
          const value = readNamedValue(item, read);
          out.set(key, value);
          if (value.kind === "range") {
            const rect = parseAddress(read?.range.address ?? "")?.rect;
            const sheetId = sheetIds.get(value.sheet.toLowerCase());
            if (rect) inputs.push({ name, sheet: value.sheet, rect, ...(sheetId ? { sheetId } : {}) });
          }
        });
        this.inputs = inputs;
        for (const n of unique) {
          const key = n.toLowerCase();
          if (!CONTRACT_INPUTS.has(key)) continue;
          const found = inputs.find((r) => r.name.toLowerCase() === key);
          if (found) this.contractInputs.set(key, found);
          else this.contractInputs.delete(key);
        }
        return withSheets ? { named: out, sheets: sheetItems.items.map(sheetInfo) } : { named: out };
      });
    } catch (err) {
      logOfficeError(withSheets ? "readWorkbook" : "readNames", err);
      throw new OfficeReadError(officeErrorCode(err), err);
    }
  }

  /** The values of a few ranges in one round trip; `undefined` where the sheet does not exist. */
  async readRanges(refs: readonly RangeRef[]): Promise<readonly (CellValue[][] | undefined)[]> {
    if (refs.length === 0) return [];
    try {
      return await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync(); // sync 1: which sheets exist (a range on a missing sheet would fail the batch)
        const names = new Set(sheets.items.map((ws) => ws.name.toLowerCase()));
        const ranges = refs.map(({ sheet, ref }) => {
          if (!names.has(sheet.toLowerCase()) || !parseRect(ref)) return undefined;
          const range = context.workbook.worksheets.getItem(sheet).getRange(ref);
          range.load("values");
          return range;
        });
        if (ranges.some((r) => r !== undefined)) await context.sync(); // sync 2: every range's values
        return ranges.map((r) => r?.values.map((row) => row.map(fromExcel)));
      });
    } catch (err) {
      logOfficeError("readRanges", err);
      throw new OfficeReadError(officeErrorCode(err), err);
    }
  }

  async listSheets(): Promise<readonly SheetInfo[]> {
    try {
      return await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name,items/visibility");
        await context.sync();
        return sheets.items.map(sheetInfo);
      });
    } catch (err) {
      logOfficeError("listSheets", err);
      throw new OfficeReadError(officeErrorCode(err), err);
    }
  }

  /** Activate `sheet` and select `address` (A1, e.g. "C7") — used when the user clicks an input issue. */
  async selectCell(sheet: string, address: string): Promise<void> {
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      });
    } catch (err) {
      logOfficeError("selectCell", err);
      throw new OfficeReadError(officeErrorCode(err), err);
    }
  }

  /**
   * Write one 2-D block of values into the existing sheet `sheet` at 0-based (`row`, `col`) — an explicit user
   * action (inserting knowledge records, restoring a scenario), never a calculation. User text is written as
   * text: into cells formatted as Text ("@") verbatim, elsewhere with Excel's text prefix where Excel could
   * reinterpret it (`toExcelInput`), so "=cmd|…" stays text. `null` empties a cell. Numbers and booleans are
   * written as they are. Two syncs; calculation is suspended during the write. Nothing is written when the
   * block is not rectangular or the sheet does not exist (`OfficeWriteError`, `partial: false`).
   */
  async writeCells(
    sheet: string,
    row: number,
    col: number,
    values: readonly (readonly CellValue[])[],
  ): Promise<void> {
    await this.applyEdits([{ sheet, row, col, values }], []);
  }

  /**
   * One user action's input edits in one `Excel.run` of 2 requests, whatever the number of blocks and names:
   * (1) every target range's number formats (and whether its sheet exists) and every name's existence;
   * (2) with calculation suspended, every block as one 2-D `values` assignment, then every name. Blocks are
   * written as `writeCells` describes. Nothing is written when a block is invalid, a sheet is missing or the
   * first request fails (`OfficeWriteError`, `partial: false`). Excel runs the second request in order and
   * keeps what ran before a failure: then the error is `partial` when the request held more than one change,
   * and `targets` lists every range and name the action was writing, for the message.
   */
  async applyEdits(cells: readonly CellEdit[], names: readonly NameEdit[]): Promise<void> {
    const problems: string[] = [];
    for (const { sheet, row, col, values } of cells) {
      const rows = values.length;
      const cols = values[0]?.length ?? 0;
      const invalid =
        rows === 0 ||
        cols === 0 ||
        values.some((r) => r.length !== cols) ||
        !Number.isInteger(row) ||
        !Number.isInteger(col) ||
        row < 0 ||
        col < 0 ||
        row + rows > MAX_ROWS ||
        col + cols > MAX_COLS ||
        rows * cols > MAX_EDIT_CELLS;
      if (invalid)
        problems.push(
          `writeCells: a ${rows}×${cols} block at (${row}, ${col}) on ${sheet} is not a valid range`,
        );
    }
    for (const { name, sheet, ref } of names)
      if (!parseRect(ref) || !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || parseRect(name))
        problems.push(`defineName: "${name}" → ${sheet}!${ref} is not a valid name and range`);
    const sheets = [...new Set(cells.map((c) => c.sheet))];
    if (problems.length > 0)
      throw new OfficeWriteError("InvalidSpec", sheets, false, new InvalidSpecError(problems));
    if (cells.length === 0 && names.length === 0) return;
    const targets = [
      ...cells.map(
        (c) =>
          `${quoteSheet(c.sheet)}!${cellA1(c.row, c.col)}:${cellA1(
            c.row + c.values.length - 1,
            c.col + (c.values[0]?.length ?? 1) - 1,
          )}`,
      ),
      ...names.map((n) => n.name),
    ];
    let phase = "preflight" as "preflight" | "write";
    try {
      await this.run(async (context) => {
        const ranges = cells.map((c) => {
          const range = context.workbook.worksheets
            .getItem(c.sheet)
            .getRangeByIndexes(c.row, c.col, c.values.length, c.values[0]?.length ?? 0);
          range.load("numberFormat");
          return range;
        });
        const items = names.map((n) => context.workbook.names.getItemOrNullObject(n.name));
        await context.sync(); // sync 1: the sheets exist; which cells are formatted as Text; which names exist
        phase = "write";
        cells.forEach((c, k) => {
          const range = ranges[k] as Excel.Range;
          const formats = range.numberFormat as unknown as string[][];
          range.values = c.values.map((r, i) =>
            r.map((v, j) => (typeof v === "string" && formats[i]?.[j] === "@" ? v : toExcelInput(v))),
          );
        });
        names.forEach((n, k) => {
          const item = items[k] as Excel.NamedItem;
          const formula = nameFormula(n);
          if (item.isNullObject) context.workbook.names.add(n.name, formula);
          else item.formula = formula;
        });
        // the stale flag's formulas (SOM_Status) read the inputs just written: recalculated in this request,
        // also in a workbook set to manual calculation (issue 12, item 9)
        context.workbook.application.calculate(RECALCULATE);
        await context.sync(); // sync 2: every block and name
      });
    } catch (err) {
      logOfficeError(cells.length === 1 && names.length === 0 ? "writeCells" : "applyEdits", err);
      const code = officeErrorCode(err);
      const partial =
        phase === "write" &&
        cells.length + names.length > 1 &&
        code !== "InvalidOperationInCellEditMode" &&
        code !== "RequestPayloadSizeLimitExceeded";
      throw new OfficeWriteError(code, phase === "write" ? sheets : [], partial, err, targets);
    }
  }

  /**
   * Create or redefine the workbook-scoped name `name` as `sheet!ref` (absolute), e.g. to extend a block by the
   * rows just added. Two syncs. The comment of an existing name is kept.
   */
  async defineName(name: string, sheet: string, ref: string): Promise<void> {
    await this.applyEdits([], [{ name, sheet, ref }]);
  }

  async writeSheets(spec: WorkbookSpec): Promise<void> {
    try {
      validateSpec(spec);
    } catch (err) {
      if (err instanceof InvalidSpecError) throw new OfficeWriteError("InvalidSpec", [], false, err);
      throw err;
    }
    const claim = spec.claim;
    const claimKey = claim?.sheet.toLowerCase();
    if (claim) {
      const problems = [
        ...(spec.sheets.some((s) => s.name.toLowerCase() === claimKey)
          ? []
          : [`claim: the sheet "${claim.sheet}" is not written`]),
        ...claim.names
          .filter(
            (c) =>
              !spec.names.some(
                (n) => n.name.toLowerCase() === c.name.toLowerCase() && nameFormula(n) === nameFormula(c),
              ),
          )
          .map((c) => `claim: the name "${c.name}" is not among the names written`),
        ...claim.blocks
          .filter((b) => b.formulas !== undefined || b.values.some((r) => r.length !== b.values[0]?.length))
          .map(() => "claim: blocks hold values only, rectangular"),
      ];
      if (problems.length > 0)
        throw new OfficeWriteError("InvalidSpec", [], false, new InvalidSpecError(problems));
    }
    const inputSheets = new Set([...this.contractInputs.values()].map((r) => r.sheet.toLowerCase()));
    const guarded = spec.sheets.filter((s) => s.role !== "input" && inputSheets.has(s.name.toLowerCase()));
    if (guarded.length > 0)
      throw new OfficeWriteError(
        "InputOverwrite",
        guarded.map((s) => s.name),
        false,
      );

    const supports = (v: string): boolean => this.isSetSupported(v);
    const canValidate = supports(FEATURE_SETS.dataValidation);
    const canNote = supports(FEATURE_SETS.notes) && clientKnows("Worksheet", "notes");
    const canPrint = supports(FEATURE_SETS.pageLayout) && clientKnows("Worksheet", "pageLayout");
    const skipped: string[] = [];
    // [D] Input pages (the template's, "Opret SØM-ark", the Viden sheet) also carry a print setup, but a host
    // without it skips that silently: the pages are still complete, and the notice is kept for what the results
    // lack. The result sheets' print setup is announced as before.
    if (
      !canPrint &&
      spec.sheets.some((s) => s.print !== undefined && s.role !== "input" && s.role !== "front")
    )
      skipped.push(SKIPPED_FEATURES.pageLayout.en);
    if (!canValidate && spec.sheets.some((s) => (s.validations ?? []).length > 0))
      skipped.push(SKIPPED_FEATURES.dataValidation.en);
    if (!canNote && spec.sheets.some((s) => (s.notes ?? []).length > 0))
      skipped.push(SKIPPED_FEATURES.notes.en);

    // Meta sheets last: if a write fails, the old run stamp/snapshot stays and results read as stale.
    const ordered: WorkbookSpec = {
      ...spec,
      sheets: [
        ...spec.sheets.filter((s) => s.role !== "meta"),
        ...spec.sheets.filter((s) => s.role === "meta"),
      ],
    };
    const slices = sliceBlocks(ordered, this.maxCells, this.maxBytes);
    const firstBytes =
      ordered.names.length * REQUEST_BYTES.name +
      ordered.sheets.length * REQUEST_BYTES.sheet +
      (claim?.blocks ?? []).reduce((a, b) => a + REQUEST_BYTES.slice + rowBytes(b.values), 0);
    const requests = packRequests(
      slices,
      layoutChunks(ordered, this.maxBytes),
      finishBytes(ordered),
      firstBytes,
      this.maxCells,
      this.maxBytes,
    );
    const cells = slices.reduce((a, s) => a + s.rect.rows * s.rect.cols, 0);

    let phase = "preflight" as "preflight" | "write";
    let current: readonly string[] = [];
    let syncs = 0;
    try {
      await this.run(async (context) => {
        const wb = context.workbook;
        // ---- sync 1: which sheets and names exist
        const all = wb.worksheets;
        all.load("items/name");
        const structure = wb.protection;
        structure.load("protected");
        const nameItems = ordered.names.map((n) => wb.names.getItemOrNullObject(n.name));
        for (const item of nameItems) item.load("name");
        await context.sync();
        syncs++;

        const existing = new Map(all.items.map((ws) => [ws.name.toLowerCase(), ws]));
        const missingRef = ordered.names.filter(
          (n) =>
            "ref" in n &&
            !existing.has(n.sheet.toLowerCase()) &&
            !ordered.sheets.some((s) => s.name.toLowerCase() === n.sheet.toLowerCase()),
        );
        if (missingRef.length > 0)
          throw new OfficeWriteError(
            "InvalidSpec",
            [],
            false,
            new InvalidSpecError(
              missingRef.map((n) => `name "${n.name}" refers to a sheet that does not exist`),
            ),
          );

        const added = ordered.sheets.filter((s) => !existing.has(s.name.toLowerCase())).map((s) => s.name);
        if (added.length > 0 && structure.protected)
          throw new OfficeWriteError("WorkbookProtected", added, false);

        // ---- sync 2: protection and old charts of the sheets we replace
        const replaced = ordered.sheets.flatMap((s) => {
          const ws = existing.get(s.name.toLowerCase());
          if (!ws) return [];
          ws.protection.load("protected");
          ws.charts.load("items/name");
          return [{ spec: s, ws }];
        });
        await context.sync();
        syncs++;
        const protectedSheets = replaced.filter((r) => r.ws.protection.protected).map((r) => r.spec.name);
        if (protectedSheets.length > 0) throw new OfficeWriteError("SheetProtected", protectedSheets, false);

        // ---- write syncs. The first request, in this order (Excel runs a batch in order and keeps what ran
        // before a failure): the claim (ownership marker, "being written" fingerprint and their names), the
        // sheets added or cleared, every defined name (issue 12, item 2: a failure later — a validation, a
        // chart — leaves sheets that have their names), then the content; sheet settings come last.
        phase = "write";
        const sheets = new Map<string, Excel.Worksheet>();
        current = ordered.sheets.map((s) => s.name);
        if (requests.length > 1) wb.application.suspendApiCalculationUntilNextSync();
        const defineName = (n: NameSpec): void => {
          const i = ordered.names.indexOf(n);
          const item = i >= 0 ? nameItems[i] : undefined;
          const formula = nameFormula(n);
          if (!item || item.isNullObject) wb.names.add(n.name, formula, n.comment ?? "");
          else {
            item.formula = formula;
            item.comment = n.comment ?? "";
          }
        };
        const claimed = new Set<string>();
        if (claim && claimKey !== undefined) {
          const claimSpec = ordered.sheets.find((s) => s.name.toLowerCase() === claimKey) as SheetSpec;
          const old = existing.get(claimKey);
          const ws = old ?? wb.worksheets.add(claim.sheet);
          // a new meta sheet is hidden from its first action on
          if (!old) ws.visibility = VISIBILITY[claimSpec.visibility ?? "visible"];
          sheets.set(claimKey, ws);
          for (const b of claim.blocks) {
            const { content, numberFormat } = blockMatrices(b);
            const range = ws.getRangeByIndexes(b.row, b.col, content.length, content[0]?.length ?? 0);
            if (numberFormat) range.numberFormat = numberFormat;
            range.values = content;
          }
          for (const c of claim.names) {
            const n = ordered.names.find((x) => x.name.toLowerCase() === c.name.toLowerCase()) as NameSpec;
            defineName(n);
            claimed.add(n.name.toLowerCase());
          }
        }
        for (const s of ordered.sheets) {
          const key = s.name.toLowerCase();
          const old = existing.get(key);
          const ws = sheets.get(key) ?? old ?? wb.worksheets.add(s.name);
          if (old) {
            if (key === claimKey && claim) clearOutside(ws, claim.blocks);
            else ws.getRange().clear("All");
            const used = ws.getRange();
            used.conditionalFormats.clearAll();
            if (canValidate) used.dataValidation.clear();
            ws.freezePanes.unfreeze();
          }
          sheets.set(key, ws);
        }
        for (const r of replaced) for (const chart of r.ws.charts.items) chart.delete();
        for (const n of ordered.names) if (!claimed.has(n.name.toLowerCase())) defineName(n);
        for (const s of ordered.sheets) {
          const ws = sheets.get(s.name.toLowerCase()) as Excel.Worksheet;
          (s.columnWidths ?? []).forEach((w, c) => {
            ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(w);
          });
        }

        const writeRequest = (request: readonly WriteItem[], index: number, last: boolean): void => {
          // Calculation is suspended in every request but the last; the last recalculates what they wrote
          // (after suspendApiCalculationUntilNextSync, re-calculating is the add-in's job — issue 12, item 9)
          if (index > 0 && !last) wb.application.suspendApiCalculationUntilNextSync();
          current = [
            ...new Set(
              request.flatMap((r) =>
                r.kind === "slice" ? [r.slice.sheet] : r.kind === "layout" ? [r.chunk.sheet] : [],
              ),
            ),
          ];
          for (const item of request) {
            if (item.kind === "layout") {
              const ws = sheets.get(item.chunk.sheet.toLowerCase()) as Excel.Worksheet;
              for (const m of item.chunk.merges) ws.getRange(m).merge(false);
              for (const h of item.chunk.rowHeights)
                ws.getRangeByIndexes(h.row, 0, 1, 1).format.rowHeight = h.height;
            }
            if (item.kind !== "slice") continue;
            const slice = item.slice;
            const ws = sheets.get(slice.sheet.toLowerCase()) as Excel.Worksheet;
            const range = ws.getRangeByIndexes(
              slice.rect.row,
              slice.rect.col,
              slice.rect.rows,
              slice.rect.cols,
            );
            if (slice.numberFormat) range.numberFormat = slice.numberFormat;
            if (slice.useFormulas) range.formulas = slice.content;
            else range.values = slice.content;
            if (slice.block.style) range.format.set(formatForStyle(slice.block.style));
          }
          if (last) {
            current = ordered.sheets.map((s) => s.name);
            for (const s of ordered.sheets)
              this.finishSheet(
                sheets.get(s.name.toLowerCase()) as Excel.Worksheet,
                s,
                canValidate,
                canNote,
                canPrint,
                existing.has(s.name.toLowerCase()),
              );
            // the status formulas (and every formula a suspended request wrote) show their values now, also
            // in a workbook set to manual calculation
            wb.application.calculate(RECALCULATE);
          }
        };

        // One sync per request; the count is fixed by the payload size (see the module comment), not by rows.
        for (let i = 0; i < requests.length; i++) {
          writeRequest(requests[i] ?? [], i, i === requests.length - 1);
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤5 MB payload chunk, by design
          await context.sync();
          syncs++;
          // A sheet from `worksheets.add()` is valid only in the request that added it (Office.js throws
          // InvalidObjectPath when it is used in the next one): later chunks address every sheet by name.
          if (i < requests.length - 1)
            for (const s of ordered.sheets) sheets.set(s.name.toLowerCase(), wb.worksheets.getItem(s.name));
        }
      });
    } catch (err) {
      if (err instanceof OfficeWriteError) throw err;
      logOfficeError("writeSheets", err);
      const code = officeErrorCode(err);
      const partial =
        phase === "write" &&
        code !== "InvalidOperationInCellEditMode" &&
        code !== "RequestPayloadSizeLimitExceeded";
      throw new OfficeWriteError(code, phase === "write" ? current : [], partial, err);
    }
    this.report = { syncs, writeRequests: requests.length, cells, skipped };
  }

  /** Sheet-level settings after the content: validations, conditional formats, notes, charts, freeze, tab, visibility. */
  private finishSheet(
    ws: Excel.Worksheet,
    s: SheetSpec,
    canValidate: boolean,
    canNote: boolean,
    canPrint: boolean,
    existed: boolean,
  ): void {
    // merges and row heights were written before, in chunks under the byte budget (`layoutChunks`)
    if (canPrint && s.print !== undefined) applyPrintSetup(ws, s.print);
    if (canValidate)
      for (const v of s.validations ?? []) {
        const range = ws.getRange(v.ref);
        range.dataValidation.rule = {
          list: { inCellDropDown: true, source: typeof v.list === "string" ? v.list : v.list.join(",") },
        };
        if (v.prompt)
          range.dataValidation.prompt = { showPrompt: true, message: v.prompt.slice(0, 255), title: "" };
      }
    for (const c of s.conditionalFormats ?? []) {
      const cf = ws.getRange(c.ref).conditionalFormats.add("Custom");
      cf.custom.rule.formula = c.formula;
      cf.custom.format.fill.color = CONDITIONAL_LOOKS[c.style].fill;
      cf.custom.format.font.color = CONDITIONAL_LOOKS[c.style].font;
    }
    for (const c of s.colorScales ?? []) {
      const cf = ws.getRange(c.ref).conditionalFormats.add("ColorScale");
      cf.colorScale.criteria = {
        minimum: { type: "LowestValue", color: COLOR_SCALE.min },
        midpoint: { type: "Number", formula: String(c.midValue), color: COLOR_SCALE.mid },
        maximum: { type: "HighestValue", color: COLOR_SCALE.max },
      };
    }
    if (canNote) for (const n of s.notes ?? []) ws.notes.add(ws.getRange(n.ref), n.text);
    for (const c of s.charts ?? []) {
      const first = c.series[0];
      if (!first) continue;
      // Series by the shape of the first series range, so Excel creates exactly one series from it.
      const shape = parseRect(first.ref) as Rect;
      const seriesBy = shape.rows === 1 && shape.cols > 1 ? "Rows" : "Columns";
      const chart = ws.charts.add(
        c.kind === "bar" ? "BarClustered" : "Line",
        ws.getRange(first.ref),
        seriesBy,
      );
      chart.title.text = c.title;
      c.series.forEach((x, i) => {
        const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(x.name);
        series.name = x.name;
        series.setValues(ws.getRange(x.ref));
        series.setXAxisValues(ws.getRange(c.categories));
      });
      const anchor = parseRect(c.anchor) as Rect;
      chart.setPosition(
        cellA1(anchor.row, anchor.col),
        cellA1(anchor.row + c.heightRows - 1, anchor.col + c.widthCols - 1),
      );
    }
    if (s.freeze && (s.freeze.rows > 0 || s.freeze.cols > 0)) {
      if (s.freeze.cols === 0) ws.freezePanes.freezeRows(s.freeze.rows);
      else if (s.freeze.rows === 0) ws.freezePanes.freezeColumns(s.freeze.cols);
      else ws.freezePanes.freezeAt(`A1:${cellA1(s.freeze.rows - 1, s.freeze.cols - 1)}`);
    }
    if (s.tabColor !== undefined) ws.tabColor = `#${s.tabColor.toUpperCase()}`;
    else if (existed) ws.tabColor = "";
    ws.visibility = VISIBILITY[s.visibility ?? "visible"];
  }
}

/**
 * Clear every cell of `ws` except those of `keep` (a write's claim, already written in this request): whole
 * row bands between the kept rows, and on each kept row the cells left and right of the kept blocks.
 */
function clearOutside(ws: Excel.Worksheet, keep: readonly Block[]): void {
  const rects = keep.map((b) => ({
    row: b.row,
    col: b.col,
    rows: b.values.length,
    cols: b.values[0]?.length ?? 0,
  }));
  const keptRows = [
    ...new Set(rects.flatMap((r) => Array.from({ length: r.rows }, (_, i) => r.row + i))),
  ].sort((a, b) => a - b);
  const clear = (row: number, col: number, rows: number, cols: number): void => {
    if (rows > 0 && cols > 0) ws.getRangeByIndexes(row, col, rows, cols).clear("All");
  };
  let next = 0;
  for (const row of keptRows) {
    clear(next, 0, row - next, MAX_COLS);
    const spans = rects.filter((r) => row >= r.row && row < r.row + r.rows).sort((a, b) => a.col - b.col);
    let col = 0;
    for (const r of spans) {
      clear(row, col, 1, r.col - col);
      col = Math.max(col, r.col + r.cols);
    }
    clear(row, col, 1, MAX_COLS - col);
    next = row + 1;
  }
  clear(next, 0, MAX_ROWS - next, MAX_COLS);
}

/**
 * The sheet's print setup through Office.js page layout (ExcelApi 1.9; the caller checks): A4, orientation,
 * one page wide, repeated title rows, manual page breaks, header with the title and footer with the time of
 * calculation and "side x af y" (the same header/footer codes as the .xlsx writer).
 */
function applyPrintSetup(ws: Excel.Worksheet, p: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.zoom = { horizontalFitToPages: p.pagesWide ?? 1, verticalFitToPages: 0 };
  const titles = printTitleRanges(p);
  if (titles.rows !== undefined) layout.setPrintTitleRows(titles.rows);
  if (titles.columns !== undefined) layout.setPrintTitleColumns(titles.columns);
  const amp = (t: string): string => t.replace(/&/g, "&&");
  const hf = layout.headersFooters.defaultForAllPages;
  hf.centerHeader = `&B${amp(p.header)}`;
  hf.leftFooter = amp(p.footer);
  hf.rightFooter = p.lang === "da" ? "Side &P af &N" : "Page &P of &N";
  for (const r of p.rowBreaks ?? []) ws.horizontalPageBreaks.add(cellA1(r, 0));
}

/**
 * Excel's error values in the languages we know, as `Range.values` shows them → the invariant (English) text
 * the reader recognises (`isExcelError`). Danish Excel shows #N/A as "#I/T", #VALUE! as "#VÆRDI!" and so on.
 */
const LOCALIZED_ERRORS: ReadonlyMap<string, string> = new Map([
  ["#I/T", "#N/A"],
  ["#DIVISION/0!", "#DIV/0!"],
  ["#VÆRDI!", "#VALUE!"],
  ["#REFERENCE!", "#REF!"],
  ["#NAVN?", "#NAME?"],
  ["#NUL!", "#NULL!"],
]);

/**
 * A cell whose `valueTypes` entry is "Error" (issue 12, item 10): its value as the invariant error text, so the
 * reader reports it as an error whatever the host's language. An error text we do not know (another language)
 * becomes "#VALUE!" — still a located error, never text or a number.
 */
function errorValue(v: unknown): string {
  const t = typeof v === "string" ? v.trim().toUpperCase() : "";
  if (EXCEL_ERRORS.has(t)) return t;
  return LOCALIZED_ERRORS.get(t) ?? "#VALUE!";
}

/** Map one loaded name (+ its range read) to the port's `NamedValue`. */
function readNamedValue(
  item: Excel.NamedItem,
  read: { range: Excel.Range; used: Excel.Range; below?: Excel.Range; right?: Excel.Range } | undefined,
): NamedValue {
  const name = item.name;
  const formula = String(item.formula ?? "");
  switch (item.type) {
    case "String":
    case "Integer":
    case "Double":
    case "Boolean":
      return { kind: "constant", name, value: fromExcel(item.value) };
    case "Range": {
      if (!read || read.range.isNullObject) return { kind: "unsupported", name, formula };
      const whole = parseAddress(read.range.address);
      if (!whole) return { kind: "unsupported", name, formula };
      const { sheet, rect } = whole;
      const used = read.used.isNullObject ? undefined : parseAddress(read.used.address)?.rect;
      const big = rect.rows * rect.cols > FULL_SHAPE_CAP;
      const rows = big ? (used ? used.row + used.rows - rect.row : 1) : rect.rows;
      const cols = big ? (used ? used.col + used.cols - rect.col : 1) : rect.cols;
      const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
      if (used) {
        const src = read.used.values;
        const types = read.used.valueTypes;
        for (let r = 0; r < used.rows; r++)
          for (let c = 0; c < used.cols; c++) {
            const row = values[used.row - rect.row + r];
            const v = src[r]?.[c];
            if (row) row[used.col - rect.col + c] = types[r]?.[c] === "Error" ? errorValue(v) : fromExcel(v);
          }
      }
      // The same shape as the file reader's edges (src/workbook/range-edges.ts): one value per column below,
      // one per row to the right; absent at the sheet's edge.
      const below = read.below?.values[0]?.map(fromExcel);
      const right = read.right?.values.map((line) => fromExcel(line[0]));
      return {
        kind: "range",
        name,
        sheet,
        row: rect.row,
        col: rect.col,
        values,
        ...(below === undefined ? {} : { below }),
        ...(right === undefined ? {} : { right }),
        ...(rect.row === 0 && rect.rows === MAX_ROWS ? { wholeColumns: true as const } : {}),
      };
    }
    default:
      return { kind: "unsupported", name, formula };
  }
}
