/**
 * Reading block names: a rectangular range whose first (non-blank) row is a header. Columns are found by
 * header text — the Danish header, its English alias or a further alias, trimmed, case-insensitive, runs of spaces as one —
 * so column order is free. Columns the caller does not know are returned as `extraColumns` (the prices
 * block finds its per-actor columns there, the consequences block its `År 1`…`År 20` columns); columns with
 * a blank header are ignored. Fully blank rows are skipped. Every field comes with its A1 cell address so
 * an issue can name the exact cell. Time is linear in the number of cells read.
 *
 * @example
 * const issues: InputIssue[] = [];
 * const block = readBlock(named, N.costs, COLUMNS[N.costs], issues, { required: true, path: ["costs"] });
 * // block.rows[2].fields.get("actor") → { value: "Kommune", cell: "D7" }
 */
import type { InputIssue } from "../../engine/types";
import { textKey } from "../../engine/text-key";
import type { ColumnDef } from "../names";
import type { NamedValue } from "../port";
import type { CellValue } from "../sheet-model";
import { cellA1, rectA1 } from "../a1";
import { readIssue } from "./read-issues";
import { isBlank, lookupName, reportUnvalued, type CellAt, type IssuePath, type ReadOptions } from "./scalar";

/** One field of a data row: the value and its A1 address on the block's sheet. */
export interface BlockCell {
  readonly value: CellValue;
  readonly cell: string;
}

/** A known column found in the header row. */
export interface BlockColumn {
  readonly key: string;
  /** The header as written (trimmed). */
  readonly header: string;
  /** 0-based sheet column. */
  readonly col: number;
  /** A1 address of the header cell. */
  readonly cell: string;
}

/** A column whose header is not one the caller asked for (kept in sheet order). */
export interface ExtraColumn {
  /** The header as written (trimmed). */
  readonly header: string;
  /** `normalizeHeader(header)`: for matching (e.g. against actor names). */
  readonly normalized: string;
  readonly col: number;
  readonly cell: string;
  /** True when a data row (below the header) holds a number in this column. */
  readonly hasNumbers: boolean;
}

/** Options of `readBlock` beyond `ReadOptions`. */
export interface BlockOptions extends ReadOptions {
  /**
   * Which extra columns (headers the caller did not ask for) carry data, so that a row filled only there
   * is a data row (consequence year columns, price columns of actors). Default: every extra column. A row
   * whose data columns are all blank but that holds something elsewhere in the block (a note under an
   * unknown or blank header, or in the presentation-only note column) is skipped with a `notes-only-row`
   * warning.
   */
  readonly extraIsData?: (column: ExtraColumn) => boolean;
  /**
   * Warn about filled cells directly below or right of the block (`cells-outside-block`). The scenario's
   * input blocks ask for it; blocks with designed neighbours (the sensitivity settings' explanation
   * column, the grid axes side by side) do not.
   */
  readonly reportOutside?: boolean;
  /**
   * Every filled cell makes a row a data row, presentation-only columns (`ColumnDef.data === false`, the
   * note) included. Knowledge insertion asks for it: it looks for rows with nothing in them at all.
   */
  readonly everyColumnIsData?: boolean;
}

export interface BlockRow {
  /** 0-based sheet row. */
  readonly row: number;
  /** Known columns by key (absent when the header row has no such column). */
  readonly fields: ReadonlyMap<string, BlockCell>;
  /** One cell per extra column, aligned with `BlockRead.extraColumns`. */
  readonly extra: readonly BlockCell[];
}

export interface BlockRead {
  /** The contract name (as asked for). */
  readonly name: string;
  readonly sheet: string;
  /** The range as read, e.g. "B4:D12" (a used-range read may be smaller than the defined range). */
  readonly ref: string;
  /** 0-based sheet row of the header. */
  readonly headerRow: number;
  /** The header row as an A1 range, e.g. "B4:D4". */
  readonly headerRef: string;
  readonly columns: ReadonlyMap<string, BlockColumn>;
  readonly extraColumns: readonly ExtraColumn[];
  /** Data rows that are not fully blank, in sheet order. */
  readonly rows: readonly BlockRow[];
}

/** Header text for matching: the one normalisation of user text (`textKey`: NFC, whitespace, case). */
export const normalizeHeader = textKey;

/** A cell value as header text ("" for blank). Numbers and booleans as their text. */
function headerText(value: CellValue): string {
  if (value === null) return "";
  return typeof value === "string" ? value.trim() : String(value);
}

/** The location of a block field, for an issue. */
export function blockCellAt(block: BlockRead, cell: string, path: IssuePath): CellAt {
  return { path, name: block.name, sheet: block.sheet, cell };
}

/**
 * Read a block name. Returns undefined when the name is missing (an issue if `required`), unsupported or a
 * constant (issues), or blank (`missing-header`). A missing required column is an issue located at the
 * header row; the block is still returned, without that column.
 */
export function readBlock(
  named: ReadonlyMap<string, NamedValue>,
  name: string,
  columns: readonly ColumnDef[],
  issues: InputIssue[],
  options: BlockOptions = {},
): BlockRead | undefined {
  const path = options.path ?? [];
  const nv = lookupName(named, name);
  if (nv === undefined) {
    if (options.required === true) issues.push(readIssue("missing-name", { path, name }, { name }));
    return undefined;
  }
  if (nv.kind === "unsupported") {
    issues.push(readIssue("unsupported-name", { path, name }, { name, formula: nv.formula }));
    return undefined;
  }
  if (nv.kind === "constant") {
    issues.push(readIssue("not-a-block", { path, name }, { name }));
    return undefined;
  }

  const grid = nv.values;
  let width = 0;
  for (const r of grid) width = Math.max(width, r.length);
  const ref = rectA1({ row: nv.row, col: nv.col, rows: Math.max(1, grid.length), cols: Math.max(1, width) });

  reportUnvalued(nv.unvalued, nv, { path, name, sheet: nv.sheet }, issues);

  const byHeader = new Map<string, ColumnDef>();
  for (const c of columns)
    for (const h of [c.da, c.en, ...(c.aliases ?? [])]) {
      const key = normalizeHeader(h);
      if (!byHeader.has(key)) byHeader.set(key, c);
    }
  const h = headerRowIndex(grid, nv.wholeColumns === true, byHeader);
  if (h === undefined) {
    issues.push(
      readIssue(
        nv.wholeColumns === true ? "header-row-not-found" : "missing-header",
        { path, name, sheet: nv.sheet, cell: ref },
        { name },
      ),
    );
    return undefined;
  }
  const headerRow = nv.row + h;
  const headerRef = rectA1({ row: headerRow, col: nv.col, rows: 1, cols: Math.max(1, width) });
  const header = grid[h] ?? [];

  const known = new Map<string, BlockColumn>();
  const knownOffsets: { readonly key: string; readonly offset: number; readonly data: boolean }[] = [];
  const extraColumns: ExtraColumn[] = [];
  const extraOffsets: number[] = [];
  for (let j = 0; j < header.length; j++) {
    const text = headerText(header[j] ?? null);
    if (text === "") continue;
    const col = nv.col + j;
    const cell = cellA1(headerRow, col);
    const normalized = normalizeHeader(text);
    const def = byHeader.get(normalized);
    if (def === undefined) {
      let hasNumbers = false;
      for (let i = h + 1; i < grid.length && !hasNumbers; i++) hasNumbers = typeof grid[i]?.[j] === "number";
      extraColumns.push({ header: text, normalized, col, cell, hasNumbers });
      extraOffsets.push(j);
    } else if (known.has(def.key)) {
      issues.push(
        readIssue("duplicate-column", { path, name, sheet: nv.sheet, cell }, { name, header: text }),
      );
    } else {
      known.set(def.key, { key: def.key, header: text, col, cell });
      knownOffsets.push({
        key: def.key,
        offset: j,
        data: def.data !== false || options.everyColumnIsData === true,
      });
    }
  }
  for (const c of columns) {
    if (c.required && !known.has(c.key))
      issues.push(
        readIssue(
          "missing-column",
          { path, name, sheet: nv.sheet, cell: headerRef },
          { name, da: c.da, en: c.en },
        ),
      );
  }

  const isData = options.extraIsData ?? (() => true);
  const dataExtra = extraOffsets.filter((_, k) => {
    const c = extraColumns[k];
    return c !== undefined && isData(c);
  });
  const rows: BlockRow[] = [];
  for (let i = h + 1; i < grid.length; i++) {
    const values = grid[i] ?? [];
    let blank = true;
    for (const k of knownOffsets) if (k.data && !isBlank(values[k.offset] ?? null)) blank = false;
    for (const off of dataExtra) if (!isBlank(values[off] ?? null)) blank = false;
    if (blank) {
      if (!values.every(isBlank)) {
        const rowRef = rectA1({ row: nv.row + i, col: nv.col, rows: 1, cols: Math.max(1, width) });
        issues.push(readIssue("notes-only-row", { path, name, sheet: nv.sheet, cell: rowRef }, { name }));
      }
      continue;
    }
    const row = nv.row + i;
    const fields = new Map<string, BlockCell>();
    for (const k of knownOffsets)
      fields.set(k.key, { value: values[k.offset] ?? null, cell: cellA1(row, nv.col + k.offset) });
    const extra = extraOffsets.map((off) => ({
      value: values[off] ?? null,
      cell: cellA1(row, nv.col + off),
    }));
    rows.push({ row, fields, extra });
  }

  if (options.reportOutside === true) reportOutside(nv, width, { path, name, sheet: nv.sheet }, issues);
  return { name, sheet: nv.sheet, ref, headerRow, headerRef, columns: known, extraColumns, rows };
}

/** Rows searched for the header of a whole-column name (`$A:$H`), below titles and notes. */
const MAX_HEADER_SEARCH = 1000;

/**
 * The index of the header row in `grid`: the first non-blank row; for a whole-column name the first row
 * (among the first 1 000) that holds one of the block's own headers, so a sheet title above is skipped.
 * Undefined when there is none.
 */
function headerRowIndex(
  grid: readonly (readonly CellValue[])[],
  wholeColumns: boolean,
  byHeader: ReadonlyMap<string, ColumnDef>,
): number | undefined {
  if (!wholeColumns) {
    let h = 0;
    while (h < grid.length && (grid[h] ?? []).every(isBlank)) h++;
    return h < grid.length ? h : undefined;
  }
  for (let h = 0; h < Math.min(grid.length, MAX_HEADER_SEARCH); h++) {
    const row = grid[h] ?? [];
    if (row.some((v) => typeof v === "string" && byHeader.has(normalizeHeader(v)))) return h;
  }
  return undefined;
}

type Where = { readonly path: IssuePath; readonly name: string; readonly sheet: string };

/** Non-blank cells directly below or right of the block, outside the name: one warning per side. */
function reportOutside(
  nv: NamedValue & { readonly kind: "range" },
  width: number,
  where: Where,
  issues: InputIssue[],
): void {
  const filled = (cells: readonly CellValue[] | undefined): number[] => {
    const out: number[] = [];
    (cells ?? []).forEach((v, k) => {
      if (!isBlank(v)) out.push(k);
    });
    return out;
  };
  const height = Math.max(1, nv.values.length);
  const below = filled(nv.below);
  const first = below[0];
  const last = below[below.length - 1];
  if (first !== undefined && last !== undefined) {
    const cells = rectA1({ row: nv.row + height, col: nv.col + first, rows: 1, cols: last - first + 1 });
    issues.push(
      readIssue("cells-outside-block", { ...where, cell: cells }, { name: where.name, cells, side: "below" }),
    );
  }
  const right = filled(nv.right);
  const top = right[0];
  const bottom = right[right.length - 1];
  if (top !== undefined && bottom !== undefined) {
    const cells = rectA1({
      row: nv.row + top,
      col: nv.col + Math.max(1, width),
      rows: bottom - top + 1,
      cols: 1,
    });
    issues.push(
      readIssue("cells-outside-block", { ...where, cell: cells }, { name: where.name, cells, side: "right" }),
    );
  }
}
