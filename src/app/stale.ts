/**
 * Use case for the add-in: are the results in the workbook out of date? (addin-engineering.md §2.4 (a))
 *
 * Reads the snapshot table stored on `_som_meta` at the last run, reads the same input names again, and
 * compares exactly (numbers by value, text case-sensitively, blanks as blanks) — the same comparison the
 * in-sheet `SOM_Status` formula makes, but without relying on the host having recalculated.
 */
import type { WorkbookPort } from "../workbook/port";
import { sameLines, snapshotLines, takeSnapshot } from "../workbook/render/input-snapshot";
import { linesFromTable, META_SNAPSHOT_TABLE } from "../workbook/render/meta-sheet";

export type StaleState =
  /** No results (no snapshot) in the workbook. */
  | { readonly state: "none" }
  | { readonly state: "current"; readonly stale: false }
  | { readonly state: "stale"; readonly stale: true };

/** Compares the stored snapshot with the current inputs. */
export async function isStale(port: WorkbookPort): Promise<StaleState> {
  const tableRead = await port.readNames([META_SNAPSHOT_TABLE]);
  const table = tableRead.get(META_SNAPSHOT_TABLE.toLowerCase());
  if (table === undefined || table.kind !== "range") return { state: "none" };
  const stored = linesFromTable(table.values);
  if (stored.length === 0) return { state: "none" };
  const names: string[] = [];
  for (const l of stored)
    if (!names.some((n) => n.toLowerCase() === l.name.toLowerCase())) names.push(l.name);
  const current = takeSnapshot(names, await port.readNames(names));
  return sameLines(stored, snapshotLines(current))
    ? { state: "current", stale: false }
    : { state: "stale", stale: true };
}
