/**
 * A stub Office host for the headless-Chromium tests: served in place of Microsoft's office.js (the test
 * intercepts the CDN request), it defines `Office` (onReady → Excel, requirement sets) and `Excel.run` backed
 * by the fake Excel of test/support/fake-excel, over an empty workbook ("Ark1").
 *
 * `window.somTest` lets the test look into the workbook and act as the user (typing into cells, pasting the
 * example inputs). Everything it returns is plain JSON so `page.evaluate` can carry it.
 */
import type { CellValue } from "../../../src/workbook/sheet-model";
import { createFakeExcel, fakeWorkbook, findSheet, getCell } from "../../support/fake-excel";
import { fillExample } from "./fill-example";
import { evaluateTemplateFormula as evaluate } from "./template-formulas";
import { cellA1, parseAddress } from "../../../src/excel/a1";

const params = new URLSearchParams(window.location.search);

const fake = createFakeExcel(fakeWorkbook(), { apiVersion: params.get("api") ?? "1.18", evaluate });

const info = { host: "Excel", platform: "PC" };
const office = {
  HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0),
    );
  },
  context: {
    displayLanguage: "da-DK",
    requirements: { isSetSupported: (name: string, version?: string) => fake.isSetSupported(name, version) },
  },
};
type Batch<T> = (c: Excel.RequestContext) => Promise<T>;
/** `Excel.run(batch)` and `Excel.run(options, batch)` (automatic runs pass `{ delayForCellEdit: true }`). */
const excel = {
  run: <T>(a: Batch<T> | Excel.RunOptions, b?: Batch<T>): Promise<T> =>
    fake.run(typeof a === "function" ? a : b!),
};

const somTest = {
  /** Sheets in tab order with visibility. */
  sheets: () => fake.model.sheets.map((s) => ({ name: s.name, visibility: s.visibility })),
  /** The value of a cell (null when empty) and its formula. */
  cell: (sheet: string, a1: string) => {
    const c = getCell(fake.model, sheet, a1);
    return { value: c?.value ?? null, formula: c?.formula ?? null };
  },
  /** All values of a sheet as a 2-D array from A1 to the last used cell (null for empty cells), or null. */
  sheetValues: (sheet: string): CellValue[][] | null => {
    const s = findSheet(fake.model, sheet);
    if (!s) return null;
    let rows = 0;
    let cols = 0;
    for (const key of s.cells.keys()) {
      rows = Math.max(rows, Math.floor(key / 16384) + 1);
      cols = Math.max(cols, (key % 16384) + 1);
    }
    const out: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null));
    for (const [key, c] of s.cells) {
      const row = out[Math.floor(key / 16384)];
      if (row) row[key % 16384] = c.value ?? null;
    }
    return out;
  },
  /** Where a name points (its formula), or null. */
  name: (name: string) => fake.model.names.get(name.toLowerCase())?.formula ?? null,
  /** The first cell of a range name, as {sheet, address}. */
  nameCell: (name: string) => {
    const f = fake.model.names.get(name.toLowerCase())?.formula;
    const addr = f ? parseAddress(f.replace(/^=/, "")) : undefined;
    if (!addr) return null;
    return { sheet: addr.sheet, address: cellA1(addr.rect.row, addr.rect.col) };
  },
  selection: () => fake.selection ?? null,
  stats: () => ({ ...fake.stats, ops: fake.stats.ops.length }),
  writtenRanges: () => fake.stats.writtenRanges.map((w) => ({ ...w })),
  resetStats: () => fake.resetStats(),
  /** Make the `nth` operation `kind` on `sheet` fail once (Excel failing in the middle of a request). */
  failOnce: (kind: string, sheet: string, nth = 1) => {
    let seen = 0;
    fake.failOn((op) => op.kind === kind && op.sheet === sheet && ++seen === nth, "GeneralException");
  },
  /** The user types `value` into a cell (fires onChanged like Excel). */
  userEdit: (sheet: string, a1: string, value: CellValue) => fake.userEdit(sheet, a1, value),
  /** A co-author edits a cell (onChanged with source "Remote"). */
  remoteEdit: (sheet: string, a1: string, value: CellValue) => fake.remoteEdit(sheet, a1, value),
  /** The user pastes the bundled example's inputs over the input sheets (see fill-example.ts). */
  fillExample: (lang: "da" | "en" = "da") => fillExample(fake.model, lang),
};

Object.assign(window, { Office: office, Excel: excel, somTest });
