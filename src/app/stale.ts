/**
 * Use case for the add-in: are the results in the workbook out of date? (addin-engineering.md §2.4 (a))
 *
 * Reads the snapshot table stored on `_som_meta` at the last run, reads the same input names again, and
 * compares exactly (numbers by value, text case-sensitively, blanks as blanks) — the same comparison the
 * in-sheet `SOM_Status` formula makes, but without relying on the host having recalculated.
 *
 * Per sheet: each result sheet that depends on the inputs stores the input fingerprint it was computed from
 * (`SHEET_FINGERPRINT_NAMES`); a sheet whose fingerprint differs from the one on `_som_meta` (e.g. an older
 * `Følsomhedsresultater` after a plain "Beregn" on changed inputs) is out of date even while `state` is
 * "current" — the same rule as the sheet's own status formula (`sheetStatusFormula`).
 */
import type { NamedValue, WorkbookPort } from "../workbook/port";
import { sameLines, snapshotLines, takeSnapshot } from "../workbook/render/input-snapshot";
import {
  linesFromTable,
  META_FINGERPRINT,
  META_SNAPSHOT_TABLE,
  SHEET_FINGERPRINT_NAMES,
  WRITE_PENDING,
} from "../workbook/render/meta-sheet";

export type StaleState =
  /** No results (no snapshot) in the workbook. */
  | { readonly state: "none" }
  /**
   * `state`/`stale` compare the inputs with the snapshot of the last run (what `Resultater` and the task pane's
   * figures were computed from). `outOfDateSheets`, present only when not empty, names the result sheets that
   * are out of date (all of them when `stale`; when current, those computed from an earlier snapshot).
   */
  | { readonly state: "current"; readonly stale: false; readonly outOfDateSheets?: readonly string[] }
  | {
      readonly state: "stale";
      readonly stale: true;
      readonly outOfDateSheets?: readonly string[];
      /**
       * The last write stopped halfway (its "being written" mark is still on `_som_meta`, see `ClaimSpec`):
       * the result sheets may be partly rewritten; run again.
       */
      readonly interrupted?: true;
    };

/** More distinct names than any snapshot the tools write (the contract has well under 200 input names). */
export const MAX_SNAPSHOT_NAMES = 500;

/** The single text in a one-cell range or constant, else undefined. */
function textOf(v: NamedValue | undefined): string | undefined {
  const x = v?.kind === "range" ? v.values[0]?.[0] : v?.kind === "constant" ? v.value : undefined;
  return typeof x === "string" && x !== "" ? x : undefined;
}

/** Compares the stored snapshot with the current inputs, and each result sheet's fingerprint with the stored one. */
export async function isStale(port: WorkbookPort): Promise<StaleState> {
  const sheetNames = SHEET_FINGERPRINT_NAMES.map((s) => s.name);
  const metaRead = await port.readNames([META_SNAPSHOT_TABLE, META_FINGERPRINT, ...sheetNames]);
  const pending = textOf(metaRead.get(META_FINGERPRINT.toLowerCase()));
  if (pending === WRITE_PENDING.da || pending === WRITE_PENDING.en) {
    const present = SHEET_FINGERPRINT_NAMES.filter((s) => {
      const v = metaRead.get(s.name.toLowerCase());
      return v?.kind === "range" && v.sheet.toLowerCase() === s.sheet.toLowerCase();
    }).map((s) => s.sheet);
    return {
      state: "stale",
      stale: true,
      interrupted: true,
      ...(present.length > 0 ? { outOfDateSheets: present } : {}),
    };
  }
  const table = metaRead.get(META_SNAPSHOT_TABLE.toLowerCase());
  if (table === undefined || table.kind !== "range") return { state: "none" };
  const stored = linesFromTable(table.values);
  if (stored.length === 0) return { state: "none" };
  // Linear in the snapshot's lines (it runs when a workbook opens; a tampered table may hold 100 000 lines).
  const names: string[] = [];
  const seen = new Set<string>();
  for (const l of stored) {
    const key = l.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(l.name);
  }
  // A snapshot we wrote names a few dozen inputs; a table naming more was not written by us: stale, and no
  // read of thousands of names is sent to Excel.
  if (names.length > MAX_SNAPSHOT_NAMES) return { state: "stale", stale: true };
  const current = takeSnapshot(names, await port.readNames(names));
  const stale = !sameLines(stored, snapshotLines(current));
  const metaFingerprint = textOf(metaRead.get(META_FINGERPRINT.toLowerCase()));
  const outOfDate: string[] = [];
  for (const s of SHEET_FINGERPRINT_NAMES) {
    const v = metaRead.get(s.name.toLowerCase());
    // A sheet without the name (not written yet, deleted, or from before fingerprints) is not reported.
    if (v?.kind !== "range" || v.sheet.toLowerCase() !== s.sheet.toLowerCase()) continue;
    if (stale || metaFingerprint === undefined || textOf(v) !== metaFingerprint) outOfDate.push(s.sheet);
  }
  const detail = outOfDate.length > 0 ? { outOfDateSheets: outOfDate } : {};
  return stale ? { state: "stale", stale: true, ...detail } : { state: "current", stale: false, ...detail };
}
