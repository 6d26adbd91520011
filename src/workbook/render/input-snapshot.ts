/**
 * The input snapshot: what the inputs were when results were calculated (workbook-contract.md, "Stale
 * results are visible without the add-in"). Taken from the same `readNames` answer the run used, stored on
 * the hidden `_som_meta` sheet next to a live mirror of the inputs, and compared again on open (`src/app/stale.ts`).
 *
 * Blank cells and cells whose value is the empty text are stored as the sentinel `BLANK` ("<tom>"), because a
 * formula that refers to a blank cell yields 0 and a blank snapshot cell equals both 0 and "" in Excel.
 */
import type { NamedValue } from "../port";
import { isExcelError } from "../read/scalar";
import type { CellValue } from "../sheet-model";

/** Stands for a blank input cell in the snapshot and in the mirror formulas. */
export const BLANK = "<tom>";
/** The mirror's value when a name no longer resolves (deleted, #REF!, out of range). */
export const BROKEN = "<fejl>";
/** ROWS/COLUMNS value of a name that was not defined (or not a single range) at the run. */
export const NO_RANGE = -1;

/** Largest number of cells snapshotted per name; a larger range is compared by its size only. */
export const MAX_SNAPSHOT_CELLS_PER_NAME = 20_000;

export type SnapshotEntry =
  | {
      readonly kind: "range";
      /** The name as requested (contract spelling, e.g. "SOM_Priser"). */
      readonly name: string;
      readonly rows: number;
      readonly cols: number;
      /** Row-major values with blanks as `BLANK`; empty when the range is larger than the per-name cap. */
      readonly values: readonly (readonly Exclude<CellValue, null>[])[];
    }
  | { readonly kind: "constant"; readonly name: string; readonly value: Exclude<CellValue, null> }
  /** Not defined, or defined as something that is not one range (multi-area, #REF!). */
  | { readonly kind: "absent"; readonly name: string };

export interface InputSnapshot {
  readonly entries: readonly SnapshotEntry[];
}

/**
 * A cell value as the snapshot stores it: blank and "" → `BLANK`; an Excel error value (read as its text,
 * e.g. "#N/A") → `BROKEN`, which is what the mirror formula's IFERROR shows for it.
 */
export const snapshotValue = (v: CellValue): Exclude<CellValue, null> =>
  v === null || v === "" ? BLANK : isExcelError(v) ? BROKEN : v;

/**
 * The snapshot of `requested` names from a `readNames` answer (keys lower-cased).
 * Example: takeSnapshot(["SOM_Startaar"], named) → { entries: [{ kind: "range", name: "SOM_Startaar", rows: 1, cols: 1, values: [[2025]] }] }
 */
export function takeSnapshot(
  requested: readonly string[],
  named: ReadonlyMap<string, NamedValue>,
): InputSnapshot {
  const seen = new Set<string>();
  const entries: SnapshotEntry[] = [];
  for (const name of requested) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const v = named.get(key);
    if (v === undefined || v.kind === "unsupported") entries.push({ kind: "absent", name });
    else if (v.kind === "constant") entries.push({ kind: "constant", name, value: snapshotValue(v.value) });
    else {
      const rows = v.values.length;
      const cols = v.values[0]?.length ?? 0;
      const values =
        rows * cols > MAX_SNAPSHOT_CELLS_PER_NAME ? [] : v.values.map((line) => line.map(snapshotValue));
      entries.push({ kind: "range", name, rows, cols, values });
    }
  }
  return { entries };
}

/** One compared line of the snapshot (what the meta sheet stores one row for). */
export interface SnapshotLine {
  readonly name: string;
  /** "rows", "cols", "value" (a constant or absent name), or "cell". */
  readonly part: "rows" | "cols" | "value" | "cell";
  /** 1-based position inside the range for `cell`; 0 otherwise. */
  readonly row: number;
  readonly col: number;
  readonly value: Exclude<CellValue, null>;
}

/** The snapshot flattened into the lines the meta sheet holds, in a fixed order. */
export function snapshotLines(snapshot: InputSnapshot): SnapshotLine[] {
  const out: SnapshotLine[] = [];
  for (const e of snapshot.entries) {
    if (e.kind === "absent") out.push({ name: e.name, part: "rows", row: 0, col: 0, value: NO_RANGE });
    else if (e.kind === "constant") out.push({ name: e.name, part: "value", row: 0, col: 0, value: e.value });
    else {
      out.push({ name: e.name, part: "rows", row: 0, col: 0, value: e.rows });
      out.push({ name: e.name, part: "cols", row: 0, col: 0, value: e.cols });
      e.values.forEach((line, r) =>
        line.forEach((value, c) => out.push({ name: e.name, part: "cell", row: r + 1, col: c + 1, value })),
      );
    }
  }
  return out;
}

/** True when two line lists are equal (exact: numbers by value, text case-sensitively; names case-insensitively). */
export function sameLines(a: readonly SnapshotLine[], b: readonly SnapshotLine[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    return (
      y !== undefined &&
      x.name.toLowerCase() === y.name.toLowerCase() &&
      x.part === y.part &&
      x.row === y.row &&
      x.col === y.col &&
      x.value === y.value
    );
  });
}

/** True when two snapshots hold the same lines. */
export const sameSnapshot = (a: InputSnapshot, b: InputSnapshot): boolean =>
  sameLines(snapshotLines(a), snapshotLines(b));

/**
 * cyrb53: a 53-bit string hash (public domain, bryc). Pure arithmetic over UTF-16 code units (no Node crypto,
 * so it runs in the add-in); used to fingerprint snapshots, not for security.
 */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The fingerprint of snapshot lines: "som-" and 14 hex digits of a 53-bit hash over the canonical text (one JSON
 * array per line: lower-cased name, part, row, column, value — so the number 1 and the text "1" differ, and
 * names compare case-insensitively as in `sameLines`). Equal lines ↔ equal fingerprint (up to a 2⁻⁵³ chance of
 * a collision). Never a number-looking text, so a spreadsheet keeps it as text.
 * Example: linesFingerprint(snapshotLines(snapshot)) → "som-001f3a9c0b2d4e"
 */
export function linesFingerprint(lines: readonly SnapshotLine[]): string {
  const text = lines
    .map((l) => JSON.stringify([l.name.toLowerCase(), l.part, l.row, l.col, l.value]))
    .join("\n");
  return `som-${cyrb53(text).toString(16).padStart(14, "0")}`;
}

/** The fingerprint of a snapshot (see `linesFingerprint`): what each result sheet stores as "computed from". */
export const snapshotFingerprint = (snapshot: InputSnapshot): string =>
  linesFingerprint(snapshotLines(snapshot));
