/**
 * A faithful fake of exactly the Excel JavaScript API calls the SØM adapter (src/excel) uses, backed by
 * `FakeWorkbookModel`. Browser-safe (no Node imports): the headless-Chromium stub host bundles it as `Excel.run`.
 *
 * Faithful where it matters for correctness:
 * - Calls are QUEUED and run at `context.sync()`, in order; `stats.syncs` counts round trips.
 * - Reading a property that was not `load`ed and synced throws `PropertyNotLoaded`, like Office.js.
 * - `*OrNullObject` getters return proxies whose `isNullObject` is readable only after a sync.
 * - `values`/`formulas`/`numberFormat` take 2-D arrays whose shape equals the range, else `InvalidArgument`.
 * - Typed input is parsed like Excel does: "=…" becomes a formula, "-5"/"12"/"TRUE" become numbers/booleans,
 *   a leading "'" means text, and a cell with number format "@" keeps input as text.
 * - An error in a batch stops it: earlier operations of the batch stay applied, later ones are dropped
 *   (Excel is not transactional). In cell-edit mode the whole request is rejected before anything runs.
 * - A request whose payload exceeds 5 MB (Excel on the web) is rejected with `RequestPayloadSizeLimitExceeded`.
 * Not modelled: recalculation beyond a trivial evaluator, styles rendering, undo.
 */
import type { CellValue } from "../../../src/workbook/sheet-model";
import {
  MAX_COLS,
  MAX_ROWS,
  parseAddress,
  parseRect,
  quoteSheet,
  rectA1,
  overlaps,
  type Rect,
} from "../../../src/excel/a1";
import {
  cellKey,
  describeName,
  findSheet,
  newSheet,
  readValues,
  usedRect,
  type FakeCell,
  type FakeName,
  type FakeSheet,
  type FakeWorkbookModel,
} from "./model";

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export class FakeOfficeError extends Error {
  readonly code: string;
  /** The queued operation that failed (set by `sync`): its kind and the caller's tag (the emulator's action index). */
  failedOp?: { readonly kind: string; readonly tag: unknown };
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

export interface FakeOp {
  /** e.g. "Range.values", "WorksheetCollection.add", "NamedItemCollection.add". */
  readonly kind: string;
  readonly sheet?: string;
  readonly address?: string;
}

export interface FakeStats {
  syncs: number;
  /** Range content assignments (`values` or `formulas`). */
  writes: number;
  cellsWritten: number;
  /** `numberFormat` / `format.set` assignments. */
  formatWrites: number;
  /** Syncs whose batch started with `suspendApiCalculationUntilNextSync()`. */
  calcSuspendedSyncs: number;
  /** `application.calculate(...)` calls that ran. */
  calculations: number;
  /** Estimated payload per request (bytes), in order. */
  requestBytes: number[];
  /** Every content write: sheet, A1 address, number of cells. */
  writtenRanges: { sheet: string; address: string; cells: number }[];
  /** Every queued operation kind, in execution order. */
  ops: string[];
}

export interface FakeExcelOptions {
  /** Evaluate a formula cell (default: constants and single-cell references only). */
  readonly evaluate?: (formula: string, sheet: FakeSheet, model: FakeWorkbookModel) => CellValue;
  /** API versions the host "supports" (for `isSetSupported`); default "1.7"…"1.18". */
  readonly apiVersion?: string;
  /**
   * Reject a request whose estimated payload exceeds this many bytes (default 5 MB, Excel on the web). The
   * RichApi emulator passes `Infinity` and checks the real serialized request instead.
   */
  readonly payloadLimitBytes?: number;
}

/** One request context of the fake (what `run` hands to a batch); the emulator drives it directly. */
export interface FakeContext {
  readonly workbook: unknown;
  /** Operations queued from now on carry this tag (the emulator sets its action index). */
  tag: unknown;
  sync(): Promise<void>;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface FakeExcel {
  /** Use as `Excel.run`: `(batch) => fake.run(batch)`. */
  run<T>(batch: Batch<T>): Promise<T>;
  readonly stats: FakeStats;
  readonly model: FakeWorkbookModel;
  /** Make the next matching operation fail with `code` (once). */
  failOn(match: (op: FakeOp) => boolean, code: string): void;
  /** Simulate the user typing in a cell (true) → every request is rejected with InvalidOperationInCellEditMode. */
  setCellEditMode(on: boolean): void;
  /** Whether the user is (simulated to be) typing in a cell. */
  readonly inCellEditMode: boolean;
  /** A fresh request context (what `run` passes to a batch). */
  context(): FakeContext;
  /** Simulate the user editing a cell: stores the value and fires onChanged (source Local). */
  userEdit(sheet: string, a1: string, value: CellValue): void;
  /** A co-author's edit: stores the value and fires onChanged with source "Remote". */
  remoteEdit(sheet: string, a1: string, value: CellValue): void;
  /** The user renames a sheet (names referring to it follow, as in Excel). */
  renameSheet(from: string, to: string): void;
  /** The selected cell after `Range.select()`. */
  readonly selection: { sheet: string; address: string } | undefined;
  /** `Office.context.requirements.isSetSupported` for this fake host. */
  isSetSupported(name: string, version?: string): boolean;
  resetStats(): void;
}

const versionAtLeast = (have: string, want: string): boolean => {
  const [a1 = 0, a2 = 0] = have.split(".").map(Number);
  const [b1 = 0, b2 = 0] = want.split(".").map(Number);
  return a1 !== b1 ? a1 > b1 : a2 >= b2;
};

function defaultEvaluate(formula: string, sheet: FakeSheet, model: FakeWorkbookModel): CellValue {
  const body = formula.slice(1).trim();
  if (/^-?\d+(\.\d+)?$/.test(body)) return Number(body);
  if (/^"(?:[^"]|"")*"$/.test(body)) return body.slice(1, -1).replace(/""/g, '"');
  const addr = parseAddress(body.includes("!") ? body : `${quoteSheet(sheet.name)}!${body}`);
  if (addr && addr.rect.rows === 1 && addr.rect.cols === 1) {
    const s = findSheet(model, addr.sheet);
    return s?.cells.get(cellKey(addr.rect.row, addr.rect.col))?.value ?? 0;
  }
  return null;
}

/** Excel's parsing of typed input (values/formulas setters). Returns undefined for null = "leave unchanged". */
function parseInput(v: unknown, numberFormat: string): { value: CellValue; formula?: string } | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number" || typeof v === "boolean") return { value: v };
  if (typeof v !== "string")
    throw new FakeOfficeError("InvalidArgument", `Unsupported cell value type ${typeof v}`);
  if (v === "") return { value: null };
  if (numberFormat === "@") return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1) };
  const num = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?(%?)$/i.exec(v.trim());
  if (num) return { value: num[4] ? Number(v.trim().slice(0, -1)) / 100 : Number(v.trim()) };
  if (v.startsWith("=") && v.length > 1) return { value: null, formula: v };
  if (/^[+\-@]/.test(v) && v.length > 1)
    return { value: null, formula: `=${v.startsWith("@") ? v.slice(1) : v}` };
  if (/^(true|false)$/i.test(v)) return { value: v.toLowerCase() === "true" };
  return { value: v };
}

const is2d = (v: unknown): v is unknown[][] => Array.isArray(v) && v.every((r) => Array.isArray(r));

function checkShape(v: unknown, rect: Rect, what: string): unknown[][] {
  if (!is2d(v)) throw new FakeOfficeError("InvalidArgument", `${what}: expected a 2-D array`);
  if (v.length !== rect.rows || v.some((r) => r.length !== rect.cols))
    throw new FakeOfficeError(
      "InvalidArgument",
      `${what}: the number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rows}×${rect.cols})`,
    );
  return v;
}

/** `format.set` semantics: given properties replace, nested objects (font, fill) merge. */
function mergeFormat(
  old: Readonly<Record<string, unknown>> | undefined,
  props: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(old ?? {}) };
  for (const [k, v] of Object.entries(props))
    out[k] =
      typeof v === "object" && v !== null && typeof out[k] === "object" && out[k] !== null
        ? { ...(out[k] as Record<string, unknown>), ...(v as Record<string, unknown>) }
        : v;
  return out;
}

/** Add a setter to a property that `loadable` gave a getter. */
function addSetter<V>(obj: object, prop: string, set: (v: V) => void): void {
  const get = Object.getOwnPropertyDescriptor(obj, prop)?.get;
  Object.defineProperty(
    obj,
    prop,
    get ? { get, set, configurable: true, enumerable: true } : { set, configurable: true, enumerable: true },
  );
}

const notLoaded = (prop: string): FakeOfficeError =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export function createFakeExcel(model: FakeWorkbookModel, options: FakeExcelOptions = {}): FakeExcel {
  const evaluate = options.evaluate ?? defaultEvaluate;
  const apiVersion = options.apiVersion ?? "1.18";
  const payloadLimit = options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES;
  const stats: FakeStats = {
    syncs: 0,
    writes: 0,
    cellsWritten: 0,
    formatWrites: 0,
    calcSuspendedSyncs: 0,
    calculations: 0,
    requestBytes: [],
    writtenRanges: [],
    ops: [],
  };
  const failures: { match: (op: FakeOp) => boolean; code: string }[] = [];
  let editMode = false;
  let selection: { sheet: string; address: string } | undefined;
  type Handler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;
  const wbHandlers = new Set<Handler>();
  const sheetHandlers = new Map<string, Set<Handler>>();

  function fire(sheet: FakeSheet, address: string, triggerSource: string, source: string): void {
    // `triggerSource` exists from ExcelApi 1.14 on; older hosts send no such property
    const args = {
      address,
      changeType: "RangeEdited",
      source,
      ...(versionAtLeast(apiVersion, "1.14") ? { triggerSource } : {}),
      type: "WorksheetChanged",
      worksheetId: sheet.id,
    } as unknown as Excel.WorksheetChangedEventArgs;
    const hs = [...wbHandlers, ...(sheetHandlers.get(sheet.id) ?? [])];
    for (const h of hs) setTimeout(() => void h(args), 0);
  }

  function recalc(): void {
    for (const s of model.sheets)
      for (const cell of s.cells.values())
        if (cell.formula !== undefined) cell.value = evaluate(cell.formula, s, model);
  }

  class Ctx {
    readonly queue: { op: FakeOp; bytes: number; run: () => void; tag: unknown }[] = [];
    readonly workbook: unknown;
    suspended = false;
    tag: unknown = undefined;
    readonly changes: { sheet: FakeSheet; address: string }[] = [];
    constructor() {
      this.workbook = makeWorkbook(this);
    }
    enqueue(op: FakeOp, run: () => void, bytes = 64): void {
      this.queue.push({ op, bytes, run, tag: this.tag });
    }
    async sync(): Promise<void> {
      const batch = this.queue.splice(0);
      const suspended = this.suspended;
      this.suspended = false;
      await Promise.resolve();
      // like Office.js: a sync with nothing queued sends no request (and is not counted as one)
      if (batch.length === 0) return;
      stats.syncs++;
      const bytes = batch.reduce((a, b) => a + b.bytes, 0);
      stats.requestBytes.push(bytes);
      if (suspended) stats.calcSuspendedSyncs++;
      if (editMode)
        throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
      if (bytes > payloadLimit)
        throw new FakeOfficeError(
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit.",
        );
      try {
        for (const item of batch) {
          const fi = failures.findIndex((f) => f.match(item.op));
          if (fi >= 0) {
            const code = failures[fi]?.code ?? "GeneralException";
            failures.splice(fi, 1);
            const injected = new FakeOfficeError(
              code,
              `Injected failure on ${item.op.kind}`,
              `${item.op.kind}${item.op.sheet ? ` (${item.op.sheet})` : ""}`,
            );
            injected.failedOp = { kind: item.op.kind, tag: item.tag };
            throw injected;
          }
          stats.ops.push(item.op.kind);
          try {
            item.run();
          } catch (err) {
            if (err instanceof FakeOfficeError) err.failedOp ??= { kind: item.op.kind, tag: item.tag };
            throw err;
          }
        }
      } finally {
        // Excel recalculates after a request that changed something — unless the request suspended calculation
        // (`suspendApiCalculationUntilNextSync`): then its formulas keep their old values until something
        // recalculates ("it is the developer's responsibility to re-calc the workbook"): `calculate()`, a later
        // changing request, a user edit.
        const changed = batch.some((b) => !/\.(load|resolve)$/.test(b.op.kind));
        if (changed && !suspended) recalc();
        for (const ch of this.changes.splice(0)) fire(ch.sheet, ch.address, "ThisLocalAddin", "Local");
      }
    }
  }

  /** A lazily resolved target: resolved when the queued operation runs. */
  type Resolver<T> = () => T | null;

  function loadable(
    ctx: Ctx,
    kind: string,
    target: Resolver<unknown>,
    readers: Record<string, (t: never) => unknown>,
    obj: Record<string, unknown>,
    nullable = false,
  ): Record<string, unknown> {
    const loaded = new Map<string, unknown>();
    const readable = new Set<string>();
    for (const prop of Object.keys(readers)) {
      Object.defineProperty(obj, prop, {
        enumerable: true,
        configurable: true,
        get: () => {
          if (!readable.has(prop)) throw notLoaded(prop);
          return loaded.get(prop);
        },
      });
    }
    if (nullable) {
      Object.defineProperty(obj, "isNullObject", {
        get: () => {
          if (!readable.has("isNullObject")) throw notLoaded("isNullObject");
          return loaded.get("isNullObject");
        },
      });
      ctx.enqueue(
        { kind: `${kind}.resolve` },
        () => {
          loaded.set("isNullObject", target() === null);
          readable.add("isNullObject");
        },
        16,
      );
    }
    obj.load = (props?: string | string[]) => {
      // collection loads name item properties ("items/name"); the items come back with those loaded
      const ITEM_PROPS = ["name", "id", "visibility", "tabColor"];
      const raw = (Array.isArray(props) ? props : (props ?? "").split(","))
        .map((p) => p.trim())
        .filter(Boolean);
      for (const p of raw)
        if (p.startsWith("items/") && !ITEM_PROPS.includes(p.slice(6)))
          throw new FakeOfficeError("InvalidArgument", `${kind}: cannot load '${p}' (not modelled)`);
      const list = [...new Set(raw.map((p) => (p.startsWith("items/") ? "items" : p)))];
      for (const p of list)
        if (!(p in readers))
          throw new FakeOfficeError("InvalidArgument", `${kind}: cannot load '${p}' (not modelled)`);
      ctx.enqueue(
        { kind: `${kind}.load` },
        () => {
          const t = target();
          for (const p of list) {
            const reader = readers[p] as (t: unknown) => unknown;
            loaded.set(p, t === null ? null : reader(t));
            readable.add(p);
          }
        },
        32,
      );
      return obj;
    };
    return obj;
  }

  const must = <T>(t: T | null, what: string): T => {
    if (t === null) throw new FakeOfficeError("ItemNotFound", `${what} does not exist (null object).`);
    return t;
  };

  interface RangeT {
    sheet: FakeSheet;
    rect: Rect;
  }

  function makeRange(ctx: Ctx, target: Resolver<RangeT>, nullable = false): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    const sheetName = (): string => target()?.sheet.name ?? "";
    loadable(
      ctx,
      "Range",
      target,
      {
        values: (t: RangeT) => readValues(t.sheet, t.rect),
        formulas: (t: RangeT) => {
          const v = readValues(t.sheet, t.rect);
          return v.map((row, r) =>
            row.map((x, c) => t.sheet.cells.get(cellKey(t.rect.row + r, t.rect.col + c))?.formula ?? x),
          );
        },
        valueTypes: (t: RangeT) =>
          readValues(t.sheet, t.rect).map((row, r) =>
            row.map((v, c) =>
              t.sheet.cells.get(cellKey(t.rect.row + r, t.rect.col + c))?.error
                ? "Error"
                : v === "" || v === null
                  ? "Empty"
                  : typeof v === "number"
                    ? "Double"
                    : typeof v === "boolean"
                      ? "Boolean"
                      : "String",
            ),
          ),
        numberFormat: (t: RangeT) =>
          readValues(t.sheet, t.rect).map((row, r) =>
            row.map(
              (_, c) => t.sheet.cells.get(cellKey(t.rect.row + r, t.rect.col + c))?.numberFormat ?? "General",
            ),
          ),
        address: (t: RangeT) => `${quoteSheet(t.sheet.name)}!${rectA1(t.rect)}`,
        rowCount: (t: RangeT) => t.rect.rows,
        columnCount: (t: RangeT) => t.rect.cols,
        rowIndex: (t: RangeT) => t.rect.row,
        columnIndex: (t: RangeT) => t.rect.col,
      },
      obj,
      nullable,
    );

    const writeContent = (what: "values" | "formulas") => (v: unknown) => {
      const bytes = JSON.stringify(v ?? null).length + 64;
      ctx.enqueue(
        // the sheet is resolved when the operation runs (a sheet added earlier in the same request has no
        // name yet when the write is queued), so `failOn` can match content writes on a new sheet
        {
          kind: `Range.${what}`,
          get sheet() {
            return sheetName();
          },
        },
        () => {
          const t = must(target(), "Range");
          const arr = checkShape(v, t.rect, `Range.${what}`);
          let n = 0;
          arr.forEach((row, r) =>
            row.forEach((x, c) => {
              const k = cellKey(t.rect.row + r, t.rect.col + c);
              const old = t.sheet.cells.get(k);
              const parsed = parseInput(x, old?.numberFormat ?? "General");
              if (!parsed) return;
              n++;
              const cell: FakeCell = { ...(old ?? { numberFormat: "General" }), value: parsed.value };
              delete cell.error;
              if (parsed.formula !== undefined) cell.formula = parsed.formula;
              else delete cell.formula;
              t.sheet.cells.set(k, cell);
            }),
          );
          stats.writes++;
          stats.cellsWritten += n;
          const address = rectA1(t.rect);
          stats.writtenRanges.push({ sheet: t.sheet.name, address, cells: t.rect.rows * t.rect.cols });
          ctx.changes.push({ sheet: t.sheet, address });
        },
        bytes,
      );
    };
    addSetter(obj, "values", writeContent("values"));
    addSetter(obj, "formulas", writeContent("formulas"));
    addSetter(obj, "numberFormat", (v: unknown) => {
      ctx.enqueue(
        { kind: "Range.numberFormat", sheet: sheetName() },
        () => {
          const t = must(target(), "Range");
          const arr = checkShape(v, t.rect, "Range.numberFormat");
          arr.forEach((row, r) =>
            row.forEach((x, c) => {
              if (x === null) return;
              if (typeof x !== "string")
                throw new FakeOfficeError("InvalidArgument", "numberFormat must be text");
              const k = cellKey(t.rect.row + r, t.rect.col + c);
              t.sheet.cells.set(k, { ...(t.sheet.cells.get(k) ?? { value: null }), numberFormat: x });
            }),
          );
          stats.formatWrites++;
        },
        JSON.stringify(v ?? null).length + 64,
      );
    });
    const format: Record<string, unknown> = {
      set: (props: Record<string, unknown>) => {
        ctx.enqueue(
          { kind: "RangeFormat.set", sheet: sheetName() },
          () => {
            const t = must(target(), "Range");
            const { columnWidth, ...rest } = props;
            if (typeof columnWidth === "number")
              for (let c = 0; c < t.rect.cols; c++) t.sheet.columnWidths.set(t.rect.col + c, columnWidth);
            // like Excel, `set` changes only the given properties (nested font/fill merged)
            if (Object.keys(rest).length > 0 && t.rect.rows * t.rect.cols <= 1_000_000) {
              // cells share format objects: merge once per distinct old format (keeps big blocks fast)
              const merged = new Map<unknown, Record<string, unknown>>();
              for (let r = 0; r < t.rect.rows; r++)
                for (let c = 0; c < t.rect.cols; c++) {
                  const k = cellKey(t.rect.row + r, t.rect.col + c);
                  const old = t.sheet.cells.get(k) ?? { value: null, numberFormat: "General" };
                  let format = merged.get(old.format);
                  if (!format) merged.set(old.format, (format = mergeFormat(old.format, rest)));
                  t.sheet.cells.set(k, { ...old, format });
                }
            }
            stats.formatWrites++;
          },
          JSON.stringify(props).length + 64,
        );
      },
    };
    // what the real client sends for `format.set({...})`: one SetProperty per scalar on Format/Font/Fill
    const setPart = (part: "font" | "fill" | undefined, prop: string) => (v: unknown) =>
      (format.set as (p: Record<string, unknown>) => void)(part ? { [part]: { [prop]: v } } : { [prop]: v });
    for (const prop of ["wrapText", "verticalAlignment", "horizontalAlignment"])
      Object.defineProperty(format, prop, { set: setPart(undefined, prop) });
    const font = {};
    for (const prop of ["bold", "italic", "size", "color", "name", "underline"])
      Object.defineProperty(font, prop, { set: setPart("font", prop) });
    const fill = {};
    Object.defineProperty(fill, "color", { set: setPart("fill", "color") });
    format.font = font;
    format.fill = fill;
    Object.defineProperty(format, "columnWidth", {
      set: (w: number) =>
        ctx.enqueue({ kind: "RangeFormat.columnWidth", sheet: sheetName() }, () => {
          const t = must(target(), "Range");
          for (let c = 0; c < t.rect.cols; c++) t.sheet.columnWidths.set(t.rect.col + c, w);
        }),
    });
    Object.defineProperty(format, "rowHeight", {
      set: (h: number) =>
        ctx.enqueue({ kind: "RangeFormat.rowHeight", sheet: sheetName() }, () => {
          const t = must(target(), "Range");
          t.sheet.rowHeights ??= new Map();
          for (let r = 0; r < t.rect.rows; r++) t.sheet.rowHeights.set(t.rect.row + r, h);
        }),
    });
    obj.format = format;
    obj.merge = (across?: boolean) =>
      ctx.enqueue({ kind: "Range.merge", sheet: sheetName() }, () => {
        const t = must(target(), "Range");
        if (across === true) throw new FakeOfficeError("InvalidArgument", "merge across not modelled");
        (t.sheet.merges ??= []).push(rectA1(t.rect));
      });
    // the address as Excel would resolve it when the queued call runs (charts and notes take ranges)
    Object.defineProperty(obj, "_address", {
      value: () => {
        const t = target();
        return t ? `${quoteSheet(t.sheet.name)}!${rectA1(t.rect)}` : "";
      },
    });
    obj.clear = (applyTo?: string) =>
      ctx.enqueue({ kind: "Range.clear", sheet: sheetName() }, () => {
        const t = must(target(), "Range");
        for (const k of [...t.sheet.cells.keys()]) {
          const row = Math.floor(k / 16384),
            col = k % 16384;
          if (
            row < t.rect.row ||
            row >= t.rect.row + t.rect.rows ||
            col < t.rect.col ||
            col >= t.rect.col + t.rect.cols
          )
            continue;
          if (applyTo === undefined || applyTo === "All") t.sheet.cells.delete(k);
          else throw new FakeOfficeError("InvalidArgument", `clear(${applyTo}) not modelled`);
        }
        t.sheet.notes = t.sheet.notes.filter((n) => {
          const r = parseRect(n.address);
          return !r || !overlaps(r, t.rect);
        });
        ctx.changes.push({ sheet: t.sheet, address: rectA1(t.rect) });
      });
    // the real client cuts a `values`/`formulas`/`numberFormat` assignment of more than 1,500 cells into row
    // slices: range.getRow(i).getBoundingRect(range.getRow(j)) (setRangePropertiesInBulk in excel-web-16.00.debug.js)
    Object.defineProperty(obj, "_target", { value: target });
    obj.getRow = (i: number) =>
      makeRange(ctx, () => {
        const t = target();
        if (!t) return null;
        if (i < 0 || i >= t.rect.rows) throw new FakeOfficeError("InvalidArgument", `getRow(${i})`);
        return { sheet: t.sheet, rect: { row: t.rect.row + i, col: t.rect.col, rows: 1, cols: t.rect.cols } };
      });
    obj.getBoundingRect = (other: { _target?: Resolver<RangeT> }) =>
      makeRange(ctx, () => {
        const a = target();
        const b = other._target?.() ?? null;
        if (!a || !b) return null;
        if (a.sheet !== b.sheet)
          throw new FakeOfficeError("InvalidArgument", "getBoundingRect: another sheet");
        const row = Math.min(a.rect.row, b.rect.row);
        const col = Math.min(a.rect.col, b.rect.col);
        const rows = Math.max(a.rect.row + a.rect.rows, b.rect.row + b.rect.rows) - row;
        const cols = Math.max(a.rect.col + a.rect.cols, b.rect.col + b.rect.cols) - col;
        return { sheet: a.sheet, rect: { row, col, rows, cols } };
      });
    // the real client sends this before a large `values`/`formulas` assignment (ExcelApi 1.3, hidden member)
    obj._ValidateArraySize = (rows: number, cols: number) =>
      ctx.enqueue({ kind: "Range._ValidateArraySize", sheet: sheetName() }, () => {
        const t = must(target(), "Range");
        if (rows !== t.rect.rows || cols !== t.rect.cols)
          throw new FakeOfficeError(
            "InvalidArgument",
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${t.rect.rows}×${t.rect.cols})`,
          );
      });
    obj.select = () =>
      ctx.enqueue({ kind: "Range.select", sheet: sheetName() }, () => {
        const t = must(target(), "Range");
        selection = { sheet: t.sheet.name, address: rectA1(t.rect) };
      });
    // ExcelApi 1.2: the rows directly below / columns directly right of the range, same width / height.
    // At the sheet's edge Excel fails the batch with InvalidArgument, as here.
    const beside = (below: boolean, count: number) =>
      makeRange(ctx, () => {
        const t = target();
        if (!t) return null;
        const { row, col, rows, cols } = t.rect;
        if (below ? row + rows + count > MAX_ROWS : col + cols + count > MAX_COLS)
          throw new FakeOfficeError(
            "InvalidArgument",
            below ? "getRowsBelow: past the last row" : "getColumnsAfter: past the last column",
          );
        return {
          sheet: t.sheet,
          rect: below
            ? { row: row + rows, col, rows: count, cols }
            : { row, col: col + cols, rows, cols: count },
        };
      });
    obj.getRowsBelow = (count?: number) => beside(true, count ?? 1);
    obj.getColumnsAfter = (count?: number) => beside(false, count ?? 1);
    obj.getUsedRangeOrNullObject = (valuesOnly?: boolean) => {
      void valuesOnly;
      return makeRange(
        ctx,
        () => {
          const t = target();
          if (!t) return null;
          const u = usedRect(t.sheet, t.rect);
          return u ? { sheet: t.sheet, rect: u } : null;
        },
        true,
      );
    };
    obj.conditionalFormats = {
      clearAll: () =>
        ctx.enqueue({ kind: "ConditionalFormatCollection.clearAll", sheet: sheetName() }, () => {
          const t = must(target(), "Range");
          t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !overlaps(cf.rect, t.rect));
        }),
      add: (type: string) => {
        const detail: Record<string, unknown> = {};
        const entry = { rect: { row: 0, col: 0, rows: 1, cols: 1 } as Rect, type, detail };
        ctx.enqueue({ kind: "ConditionalFormatCollection.add", sheet: sheetName() }, () => {
          const t = must(target(), "Range");
          if (type !== "Custom" && type !== "ColorScale")
            throw new FakeOfficeError("InvalidArgument", `conditional format ${type} not modelled`);
          entry.rect = t.rect;
          t.sheet.conditionalFormats.push(entry);
        });
        const setter = (path: string) => (v: unknown) =>
          ctx.enqueue({ kind: `ConditionalFormat.${path}`, sheet: sheetName() }, () => {
            detail[path] = v;
          });
        const fill = {};
        const font = {};
        const rule = {};
        Object.defineProperty(fill, "color", { set: setter("fill.color") });
        Object.defineProperty(font, "color", { set: setter("font.color") });
        Object.defineProperty(font, "bold", { set: setter("font.bold") });
        Object.defineProperty(rule, "formula", { set: setter("rule.formula") });
        const colorScale = {};
        Object.defineProperty(colorScale, "criteria", { set: setter("colorScale.criteria") });
        return { custom: { rule, format: { fill, font } }, colorScale };
      },
    };
    const dataValidation: Record<string, unknown> = {
      clear: () =>
        ctx.enqueue({ kind: "DataValidation.clear", sheet: sheetName() }, () => {
          const t = must(target(), "Range");
          t.sheet.validations = t.sheet.validations.filter((v) => !overlaps(v.rect, t.rect));
        }),
    };
    Object.defineProperty(dataValidation, "rule", {
      set: (rule: unknown) =>
        ctx.enqueue({ kind: "DataValidation.rule", sheet: sheetName() }, () => {
          if (!versionAtLeast(apiVersion, "1.8"))
            throw new FakeOfficeError("ApiNotFound", "DataValidation requires ExcelApi 1.8");
          const t = must(target(), "Range");
          const src = (rule as { list?: { source?: unknown } }).list?.source;
          if (typeof src !== "string" || src.length === 0 || src.length > 255)
            throw new FakeOfficeError("InvalidArgument", "list source must be 1–255 characters");
          t.sheet.validations.push({ rect: t.rect, rule });
        }),
    });
    Object.defineProperty(dataValidation, "prompt", {
      set: (prompt: unknown) =>
        ctx.enqueue({ kind: "DataValidation.prompt", sheet: sheetName() }, () => {
          const t = must(target(), "Range");
          const v = t.sheet.validations.find((x) => x.rect.row === t.rect.row && x.rect.col === t.rect.col);
          if (v) v.prompt = prompt;
        }),
    });
    obj.dataValidation = dataValidation;
    return obj;
  }

  function makeSheet(ctx: Ctx, target: Resolver<FakeSheet>, nullable = false): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    loadable(
      ctx,
      "Worksheet",
      target,
      {
        name: (s: FakeSheet) => s.name,
        id: (s: FakeSheet) => s.id,
        visibility: (s: FakeSheet) => s.visibility,
        tabColor: (s: FakeSheet) => s.tabColor,
      },
      obj,
      nullable,
    );
    const nameOf = (): string => target()?.name ?? "";
    const setProp = (prop: "visibility" | "tabColor") => (v: string) =>
      ctx.enqueue({ kind: `Worksheet.${prop}`, sheet: nameOf() }, () => {
        const s = must(target(), "Worksheet");
        if (prop === "visibility") {
          if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
            throw new FakeOfficeError("InvalidArgument", `visibility ${v}`);
          if (
            v !== "Visible" &&
            model.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0
          )
            throw new FakeOfficeError(
              "InvalidOperation",
              "A workbook must contain at least one visible worksheet.",
            );
          s.visibility = v;
        } else {
          if (v !== "" && !/^#[0-9A-Fa-f]{6}$/.test(v))
            throw new FakeOfficeError("InvalidArgument", `tabColor ${v}`);
          s.tabColor = v;
        }
      });
    for (const prop of ["visibility", "tabColor"] as const) addSetter(obj, prop, setProp(prop));
    obj.getRange = (address?: string) =>
      makeRange(ctx, () => {
        const s = target();
        if (!s) return null;
        if (address === undefined || address === null || address === "")
          return { sheet: s, rect: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } };
        const rect = parseRect(address);
        if (!rect) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
        return { sheet: s, rect };
      });
    obj.getRangeByIndexes = (row: number, col: number, rows: number, cols: number) =>
      makeRange(ctx, () => {
        const s = target();
        if (!s) return null;
        if (rows < 1 || cols < 1 || row < 0 || col < 0 || row + rows > MAX_ROWS || col + cols > MAX_COLS)
          throw new FakeOfficeError("InvalidArgument", `getRangeByIndexes(${row},${col},${rows},${cols})`);
        return { sheet: s, rect: { row, col, rows, cols } };
      });
    obj.activate = () =>
      ctx.enqueue({ kind: "Worksheet.activate", sheet: nameOf() }, () => void must(target(), "Worksheet"));
    obj.delete = () =>
      ctx.enqueue({ kind: "Worksheet.delete", sheet: nameOf() }, () => {
        const s = must(target(), "Worksheet");
        model.sheets = model.sheets.filter((x) => x !== s);
      });
    const protection = loadable(
      ctx,
      "WorksheetProtection",
      () => target(),
      { protected: (s: FakeSheet) => s.protected },
      {},
    );
    obj.protection = protection;
    const freeze = (rows: number, cols: number) =>
      ctx.enqueue({ kind: "WorksheetFreezePanes.freeze", sheet: nameOf() }, () => {
        must(target(), "Worksheet").freeze = { rows, cols };
      });
    // page layout (ExcelApi 1.9): every assignment is recorded on the sheet's `pageLayout`
    const layoutSet = (key: string, value: unknown): void =>
      ctx.enqueue({ kind: `PageLayout.${key}`, sheet: nameOf() }, () => {
        const ws = must(target(), "Worksheet");
        (ws.pageLayout ??= {})[key] = value;
      });
    const pageLayout: Record<string, unknown> = {
      setPrintTitleRows: (r: unknown) => layoutSet("printTitleRows", typeof r === "string" ? r : "(range)"),
      setPrintTitleColumns: (r: unknown) =>
        layoutSet("printTitleColumns", typeof r === "string" ? r : "(range)"),
      headersFooters: {
        defaultForAllPages: Object.create(null) as Record<string, unknown>,
      },
    };
    for (const key of ["orientation", "paperSize", "zoom", "centerHorizontally"]) {
      Object.defineProperty(pageLayout, key, { set: (v: unknown) => layoutSet(key, v) });
    }
    const hf = (pageLayout["headersFooters"] as { defaultForAllPages: Record<string, unknown> })
      .defaultForAllPages;
    for (const key of ["centerHeader", "leftFooter", "rightFooter"]) {
      Object.defineProperty(hf, key, { set: (v: unknown) => layoutSet(key, v) });
    }
    obj.pageLayout = pageLayout;
    obj.horizontalPageBreaks = {
      // Office.js returns the new `Excel.PageBreak` (so the real client sends `add` as an object path)
      add: (r: string): Record<string, unknown> => {
        ctx.enqueue({ kind: "PageBreak.add", sheet: nameOf() }, () => {
          const ws = must(target(), "Worksheet");
          const breaks = ((ws.pageLayout ??= {})["rowBreaks"] ??= []) as string[];
          breaks.push(r);
        });
        return Object.create(null) as Record<string, unknown>;
      },
    };
    obj.freezePanes = {
      unfreeze: () =>
        ctx.enqueue({ kind: "WorksheetFreezePanes.unfreeze", sheet: nameOf() }, () => {
          must(target(), "Worksheet").freeze = undefined;
        }),
      freezeRows: (n: number) => freeze(n, 0),
      freezeColumns: (n: number) => freeze(0, n),
      freezeAt: (r: string) => {
        const rect = parseRect(r);
        if (!rect) throw new FakeOfficeError("InvalidArgument", `freezeAt ${r}`);
        freeze(rect.row + rect.rows, rect.col + rect.cols);
      },
    };
    // charts
    const chartsLoad = loadable(
      ctx,
      "ChartCollection",
      () => target(),
      { items: (s: FakeSheet) => s.charts.map((c) => makeChartItem(ctx, s, c)) },
      {},
    );
    chartsLoad.add = (type: string, source: unknown, seriesBy?: string) => {
      const chart = {
        name: "",
        type,
        source: "",
        title: "",
        series: [] as { name: string; values?: string; xValues?: string }[],
        position: undefined as [string, string] | undefined,
      } as FakeSheet["charts"][number];
      ctx.enqueue({ kind: "ChartCollection.add", sheet: nameOf() }, () => {
        const s = must(target(), "Worksheet");
        if (type !== "BarClustered" && type !== "Line" && type !== "ColumnClustered")
          throw new FakeOfficeError("InvalidArgument", `chart type ${type}`);
        chart.name = `Diagram ${s.charts.length + 1}`;
        chart.source = String((source as { _address?: () => string })._address?.() ?? "");
        // like Excel: one series per column (seriesBy "Columns"/"Auto") or per row ("Rows") of the source range
        const rect = parseAddress(chart.source)?.rect ?? { rows: 1, cols: 1 };
        const n = seriesBy === "Rows" ? rect.rows : rect.cols;
        for (let i = 0; i < n; i++) chart.series.push({ name: `Serie${i + 1}` });
        s.charts.push(chart);
      });
      const setC = (fn: () => void, kind: string) =>
        ctx.enqueue({ kind: `Chart.${kind}`, sheet: nameOf() }, fn);
      const title = {};
      Object.defineProperty(title, "text", {
        set: (t: string) =>
          setC(() => {
            chart.title = t;
          }, "title"),
      });
      const seriesProxy = (idx: () => number) => {
        const sp: Record<string, unknown> = {
          setValues: (r: { _address?: () => string }) =>
            setC(() => {
              const s = chart.series[idx()];
              if (!s) throw new FakeOfficeError("ItemNotFound", "series");
              s.values = r._address?.() ?? "";
            }, "series.setValues"),
          setXAxisValues: (r: { _address?: () => string }) =>
            setC(() => {
              const s = chart.series[idx()];
              if (!s) throw new FakeOfficeError("ItemNotFound", "series");
              s.xValues = r._address?.() ?? "";
            }, "series.setXAxisValues"),
        };
        Object.defineProperty(sp, "name", {
          set: (n: string) =>
            setC(() => {
              const s = chart.series[idx()];
              if (!s) throw new FakeOfficeError("ItemNotFound", "series");
              s.name = n;
            }, "series.name"),
        });
        return sp;
      };
      return {
        title,
        setPosition: (a: string, b: string) =>
          setC(() => {
            chart.position = [a, b];
          }, "setPosition"),
        series: {
          getItemAt: (i: number) => seriesProxy(() => i),
          add: (name: string) => {
            let index = -1;
            setC(() => {
              chart.series.push({ name });
              index = chart.series.length - 1;
            }, "series.add");
            return seriesProxy(() => index);
          },
        },
      };
    };
    chartsLoad.getItem = (name: string) => ({
      delete: () =>
        ctx.enqueue({ kind: "Chart.delete", sheet: nameOf() }, () => {
          const s = must(target(), "Worksheet");
          const c = s.charts.find((x) => x.name.toLowerCase() === String(name).toLowerCase());
          if (!c) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
          s.charts = s.charts.filter((x) => x !== c);
        }),
    });
    obj.charts = chartsLoad;
    obj.notes = {
      add: (cell: unknown, content: string) =>
        ctx.enqueue({ kind: "NoteCollection.add", sheet: nameOf() }, () => {
          if (!versionAtLeast(apiVersion, "1.18"))
            throw new FakeOfficeError("ApiNotFound", "Notes require ExcelApi 1.18");
          const s = must(target(), "Worksheet");
          const a =
            typeof cell === "string" ? cell : ((cell as { _address?: () => string })._address?.() ?? "");
          s.notes.push({ address: a.includes("!") ? a.slice(a.lastIndexOf("!") + 1) : a, text: content });
        }),
    };
    obj.onChanged = {
      add: (h: Handler) => {
        let id = "";
        ctx.enqueue({ kind: "Worksheet.onChanged.add", sheet: nameOf() }, () => {
          const s = must(target(), "Worksheet");
          id = s.id;
          const set = sheetHandlers.get(s.id) ?? new Set();
          set.add(h);
          sheetHandlers.set(s.id, set);
        });
        return {
          remove: () =>
            ctx.enqueue({ kind: "EventHandlerResult.remove" }, () => {
              sheetHandlers.get(id)?.delete(h);
            }),
          context: ctx,
        };
      },
    };
    return obj;
  }

  function makeChartItem(ctx: Ctx, s: FakeSheet, c: FakeSheet["charts"][number]): Record<string, unknown> {
    return {
      name: c.name,
      delete: () =>
        ctx.enqueue({ kind: "Chart.delete", sheet: s.name }, () => {
          s.charts = s.charts.filter((x) => x !== c);
        }),
    };
  }

  function makeName(ctx: Ctx, target: Resolver<FakeName>, nullable: boolean): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    loadable(
      ctx,
      "NamedItem",
      target,
      {
        name: (n: FakeName) => n.name,
        type: (n: FakeName) => describeName(model, n).type,
        value: (n: FakeName) => describeName(model, n).value,
        formula: (n: FakeName) => n.formula,
        comment: (n: FakeName) => n.comment,
      },
      obj,
      nullable,
    );
    addSetter(obj, "formula", (f: string) =>
      ctx.enqueue({ kind: "NamedItem.formula" }, () => {
        const n = must(target(), "NamedItem");
        n.formula = checkNameFormula(f);
      }),
    );
    addSetter(obj, "comment", (c: string) =>
      ctx.enqueue({ kind: "NamedItem.comment" }, () => {
        must(target(), "NamedItem").comment = c;
      }),
    );
    obj.getRangeOrNullObject = () =>
      makeRange(
        ctx,
        () => {
          const n = target();
          if (!n) return null;
          const d = describeName(model, n);
          return d.ref ? { sheet: d.ref.sheet, rect: d.ref.rect } : null;
        },
        true,
      );
    obj.delete = () =>
      ctx.enqueue({ kind: "NamedItem.delete" }, () => {
        const n = must(target(), "NamedItem");
        model.names.delete(n.name.toLowerCase());
      });
    return obj;
  }

  const checkNameFormula = (f: unknown): string => {
    if (typeof f !== "string" || !f.startsWith("="))
      throw new FakeOfficeError("InvalidArgument", `Name formula must start with "=": ${String(f)}`);
    const body = f.slice(1);
    const addr = parseAddress(body);
    if (addr && !findSheet(model, addr.sheet))
      throw new FakeOfficeError("InvalidArgument", `Reference to a missing sheet: ${f}`);
    return f;
  };

  function makeWorkbook(ctx: Ctx): Record<string, unknown> {
    const worksheets = loadable(
      ctx,
      "WorksheetCollection",
      () => model,
      {
        items: () =>
          model.sheets.map((s) => {
            const p = makeSheetLoaded(ctx, s);
            return p;
          }),
      },
      {},
    );
    const byKey = (key: string): FakeSheet | undefined =>
      findSheet(model, key) ?? model.sheets.find((s) => s.id === key);
    worksheets.getItemOrNullObject = (name: string) => makeSheet(ctx, () => byKey(name) ?? null, true);
    worksheets.getItem = (name: string) =>
      makeSheet(ctx, () => {
        const s = byKey(name);
        if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
        return s;
      });
    worksheets.add = (name: string) => {
      let created: FakeSheet | null = null;
      ctx.enqueue({ kind: "WorksheetCollection.add", sheet: name }, () => {
        if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name))
          throw new FakeOfficeError("InvalidArgument", `Invalid sheet name ${name}`);
        if (findSheet(model, name))
          throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists`);
        if (model.structureProtected)
          throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
        created = newSheet(model, name);
      });
      return makeSheet(ctx, () => created);
    };
    worksheets.onChanged = {
      add: (h: Handler) => {
        ctx.enqueue({ kind: "WorksheetCollection.onChanged.add" }, () => {
          if (!versionAtLeast(apiVersion, "1.9"))
            throw new FakeOfficeError("ApiNotFound", "worksheets.onChanged requires ExcelApi 1.9");
          wbHandlers.add(h);
        });
        return {
          remove: () =>
            ctx.enqueue({ kind: "EventHandlerResult.remove" }, () => {
              wbHandlers.delete(h);
            }),
          context: ctx,
        };
      },
    };
    const names: Record<string, unknown> = {
      getItemOrNullObject: (name: string) =>
        makeName(ctx, () => model.names.get(name.toLowerCase()) ?? null, true),
      add: (name: string, reference: unknown, comment?: string) => {
        ctx.enqueue({ kind: "NamedItemCollection.add" }, () => {
          if (
            !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) ||
            name.length > 255 ||
            parseRect(name) ||
            /^[rc]$/i.test(name) ||
            /^R\d*C\d*$/i.test(name)
          )
            throw new FakeOfficeError("InvalidArgument", `Invalid name ${name}`);
          if (model.names.has(name.toLowerCase()))
            throw new FakeOfficeError("ItemAlreadyExists", `Name ${name} already exists`);
          const f =
            typeof reference === "string"
              ? reference
              : `=${(reference as { _address?: () => string })._address?.() ?? ""}`;
          model.names.set(name.toLowerCase(), { name, formula: checkNameFormula(f), comment: comment ?? "" });
        });
        return {};
      },
    };
    const application = {
      suspendApiCalculationUntilNextSync: () => {
        ctx.suspended = true;
      },
      calculate: (type: string) =>
        ctx.enqueue({ kind: "Application.calculate" }, () => {
          if (type !== "Recalculate" && type !== "Full" && type !== "FullRebuild")
            throw new FakeOfficeError("InvalidArgument", `calculate(${type})`);
          stats.calculations++;
          recalc();
        }),
    };
    const protection = loadable(
      ctx,
      "WorkbookProtection",
      () => model,
      { protected: () => model.structureProtected === true },
      {},
    );
    return { worksheets, names, application, protection };
  }

  function makeSheetLoaded(ctx: Ctx, s: FakeSheet): Record<string, unknown> {
    const p = makeSheet(ctx, () => (model.sheets.includes(s) ? s : null));
    // collection items come back loaded with the requested scalar properties
    for (const prop of ["name", "id", "visibility", "tabColor"] as const) {
      const set = Object.getOwnPropertyDescriptor(p, prop)?.set;
      Object.defineProperty(
        p,
        prop,
        set ? { get: () => s[prop], set, configurable: true } : { get: () => s[prop], configurable: true },
      );
    }
    return p;
  }

  function edit(sheetName: string, a1: string, value: CellValue, source: "Local" | "Remote"): void {
    const s = findSheet(model, sheetName);
    const rect = parseRect(a1);
    if (!s || !rect) throw new Error(`userEdit: no cell ${sheetName}!${a1}`);
    const k = cellKey(rect.row, rect.col);
    const parsed = parseInput(value ?? "", s.cells.get(k)?.numberFormat ?? "General");
    if (parsed)
      s.cells.set(k, {
        ...(s.cells.get(k) ?? { numberFormat: "General" }),
        value: parsed.value,
        ...(parsed.formula ? { formula: parsed.formula } : {}),
      });
    recalc();
    fire(s, rectA1(rect), source === "Remote" ? "RemoteUser" : "Unknown", source);
  }

  return {
    async run<T>(batch: Batch<T>): Promise<T> {
      const ctx = new Ctx();
      return batch(ctx as unknown as Excel.RequestContext);
    },
    stats,
    model,
    failOn(match, code) {
      failures.push({ match, code });
    },
    setCellEditMode(on) {
      editMode = on;
    },
    get inCellEditMode() {
      return editMode;
    },
    context() {
      return new Ctx() as unknown as FakeContext;
    },
    userEdit(sheetName, a1, value) {
      edit(sheetName, a1, value, "Local");
    },
    remoteEdit(sheetName, a1, value) {
      edit(sheetName, a1, value, "Remote");
    },
    renameSheet(from, to) {
      const s = findSheet(model, from);
      if (!s || findSheet(model, to)) throw new Error(`renameSheet: ${from} → ${to}`);
      for (const n of model.names.values()) {
        const a = parseAddress(n.formula.replace(/^=/, ""));
        if (a && a.sheet.toLowerCase() === from.toLowerCase())
          n.formula = `=${quoteSheet(to)}!${n.formula.slice(n.formula.lastIndexOf("!") + 1)}`;
      }
      s.name = to;
    },

    get selection() {
      return selection;
    },
    isSetSupported(name, version) {
      return name === "ExcelApi" && versionAtLeast(apiVersion, version ?? "1.1");
    },
    resetStats() {
      Object.assign(stats, {
        syncs: 0,
        writes: 0,
        cellsWritten: 0,
        formatWrites: 0,
        calcSuspendedSyncs: 0,
        calculations: 0,
        requestBytes: [],
        writtenRanges: [],
        ops: [],
      });
    },
  };
}
