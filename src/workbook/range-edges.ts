/**
 * The cells just outside a named range — the row directly below and the column directly to the right — for
 * the reading rule "non-blank cells directly below or to the right of a block give a warning" (contract v2,
 * Reading rules). Shared by the file and in-memory ports so both read them the same way.
 *
 * @example rangeEdges({ row: 3, col: 1, rows: 5, cols: 4 }, get) // → { below: [4 values], right: [5 values] }
 */
import { MAX_COLS, MAX_ROWS, type Rect } from "./a1";
import type { CellValue } from "./sheet-model";

/** The optional `NamedValue` fields about the range's surroundings. */
export interface RangeEdges {
  readonly below?: readonly CellValue[];
  readonly right?: readonly CellValue[];
  readonly wholeColumns?: true;
}

/** Ranges larger than this (cells) are whole-column or whole-row names: their edges are not read. */
const MAX_EDGE_RANGE = 1_000_000;

/**
 * `rect` is the range as defined (before any clipping to the used area); `get` returns a cell's value
 * (null/undefined for empty). Edges at the sheet's border are absent.
 */
export function rangeEdges(rect: Rect, get: (row: number, col: number) => CellValue | undefined): RangeEdges {
  const wholeColumns = rect.row === 0 && rect.rows === MAX_ROWS;
  if (rect.rows * rect.cols > MAX_EDGE_RANGE) return wholeColumns ? { wholeColumns: true } : {};
  const last = rect.row + rect.rows;
  const right = rect.col + rect.cols;
  const below: CellValue[] = [];
  if (last < MAX_ROWS) for (let c = 0; c < rect.cols; c++) below.push(get(last, rect.col + c) ?? null);
  const beside: CellValue[] = [];
  if (right < MAX_COLS) for (let r = 0; r < rect.rows; r++) beside.push(get(rect.row + r, right) ?? null);
  return {
    ...(last < MAX_ROWS ? { below } : {}),
    ...(right < MAX_COLS ? { right: beside } : {}),
  };
}
