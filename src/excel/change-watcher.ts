/**
 * Watches the user's edits to SØM's input ranges while the task pane is open (stale banner, auto-recalculate).
 *
 * Uses `workbook.worksheets.onChanged` (ExcelApi 1.9); on 1.7/1.8 it registers `onChanged` on every sheet.
 * Events are filtered to the input ranges of the last read (`OfficeWorkbook.inputRanges()`), matched by sheet id
 * so a renamed sheet stays watched; a co-author's edit is reported with `source: "Remote"`; our own writes are
 * ignored (`triggerSource === "ThisLocalAddin"` on ExcelApi 1.14+; on older hosts everything that arrives while
 * `ignoreWhile(...)` runs and for a short grace period after it), and a burst of edits is debounced into one
 * callback.
 * Handlers live only while the pane is open; the in-workbook SOM_Status formula covers the rest.
 */
import { overlaps, parseRect, type Rect } from "./a1";
import type { ExcelRunner } from "./office-workbook";
import { FEATURE_SETS, officeIsSetSupported, type IsSetSupported } from "./requirements";

export interface InputChange {
  readonly sheet: string;
  /** A1 address of the changed cells on that sheet. */
  readonly address: string;
  /** Input names whose range the change touches. */
  readonly names: readonly string[];
  /** "Remote": a co-author's edit (flag results stale, but let the local user decide to recalculate). */
  readonly source: "Local" | "Remote";
}

export interface ChangeWatcherOptions {
  readonly run: ExcelRunner;
  /** The input ranges to watch; called on every event, so it follows the latest read. */
  readonly inputRanges: () => readonly {
    readonly name: string;
    readonly sheet: string;
    readonly rect: Rect;
    /** When known, events are matched by sheet id, so a renamed sheet keeps being watched. */
    readonly sheetId?: string;
  }[];
  /** Called once per burst of input edits. */
  readonly onChange: (changes: readonly InputChange[]) => void;
  /** Quiet time before `onChange`, ms. Default 800. */
  readonly debounceMs?: number;
  /** How long after our own write its events are still ignored, ms (hosts without triggerSource). Default 500. */
  readonly ownWriteGraceMs?: number;
  readonly isSetSupported?: IsSetSupported;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export interface ChangeWatcher {
  /** Remove the handlers. */
  stop(): Promise<void>;
  /** Run `work` (our own write) with events ignored until it settles. */
  ignoreWhile<T>(work: Promise<T>): Promise<T>;
}

/** Start watching. Resolves once the handlers are registered (one sync). */
export async function watchInputChanges(options: ChangeWatcherOptions): Promise<ChangeWatcher> {
  const debounceMs = options.debounceMs ?? 800;
  const graceMs = options.ownWriteGraceMs ?? 500;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const supports = options.isSetSupported ?? officeIsSetSupported;
  let ignoring = 0;
  let timer: unknown;
  let pending: InputChange[] = [];
  const sheetNames = new Map<string, string>();

  const refreshSheetNames = async (): Promise<void> => {
    await options.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name");
      await context.sync();
      for (const s of sheets.items) sheetNames.set(s.id, s.name);
    });
  };

  const handler = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (ignoring > 0) return;
    const trigger = (args as { triggerSource?: string }).triggerSource;
    if (trigger === "ThisLocalAddin") return;
    const ranges = options.inputRanges();
    // by sheet id where the read knew it (survives renames); else by the sheet's name
    let onSheet = ranges.filter((r) => r.sheetId !== undefined && r.sheetId === args.worksheetId);
    if (onSheet.length === 0 && ranges.some((r) => r.sheetId === undefined)) {
      if (!sheetNames.has(args.worksheetId)) await refreshSheetNames(); // a sheet added since we started
      const name = sheetNames.get(args.worksheetId)?.toLowerCase();
      onSheet = ranges.filter((r) => r.sheetId === undefined && r.sheet.toLowerCase() === name);
    }
    const sheet = onSheet[0]?.sheet;
    if (sheet === undefined) return;
    const source = args.source === "Remote" ? "Remote" : "Local";
    const hits: InputChange[] = [];
    for (const part of String(args.address).split(",")) {
      const rect = parseRect(part);
      if (!rect) continue;
      const names = onSheet.filter((r) => overlaps(r.rect, rect)).map((r) => r.name);
      if (names.length > 0) hits.push({ sheet, address: part, names, source });
    }
    if (hits.length === 0) return;
    pending.push(...hits);
    if (timer !== undefined) clearTimer(timer);
    timer = setTimer(() => {
      timer = undefined;
      const batch = pending;
      pending = [];
      options.onChange(batch);
    }, debounceMs);
  };

  const results = await options.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/id,items/name");
    await context.sync();
    for (const s of sheets.items) sheetNames.set(s.id, s.name);
    const registered = supports(FEATURE_SETS.workbookOnChanged)
      ? [sheets.onChanged.add(handler)]
      : sheets.items.map((s) => s.onChanged.add(handler));
    await context.sync();
    return registered;
  });

  return {
    async stop() {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      pending = [];
      const first = results[0];
      if (!first) return;
      for (const r of results) r.remove();
      await first.context.sync();
    },
    async ignoreWhile<T>(work: Promise<T>): Promise<T> {
      // With triggerSource the handler already drops our own writes; a grace period would also swallow a
      // genuine user edit made just after our write (e.g. right after Beregn).
      if (supports(FEATURE_SETS.triggerSource)) return work;
      ignoring++;
      try {
        return await work;
      } finally {
        // events for our own write arrive just after the sync resolves; let them pass before listening again
        setTimer(() => {
          ignoring--;
        }, graceMs);
      }
    },
  };
}
