/**
 * Print setup of the input pages (issue 15, item 2): the template (`som template`), the sheets "Opret SØM-ark"
 * creates and the example workbooks print as readable pages, like the result sheets (`withPrintSetup`).
 *
 * Layout only — no value, name or input cell moves:
 * - a guidance line (grey text in column A) is wrapped and merged across the page's width (`mergeSpan`), and a
 *   remark beside an input (grey text in another column) is wrapped and merged over the free cells to its right
 *   up to the last used column, so nothing runs off the printed page; row heights fit the wrapped text
 *   (`fitRowHeights`); text input columns such as Kilde wrap too (`inputText`);
 * - A4, portrait up to a portrait page's width, else landscape, scaled to one page wide;
 * - [D] a table too wide to read on one page (Konsekvenser: 26 columns, ≈ 340 characters; Viden: 50 columns)
 *   is printed landscape over a few pages wide (`pagesWide`, chosen so the scale stays near 90 %) with its frozen
 *   columns (Effekt, Ydelse / Type, Id, Titel) repeated at the left of every page and its header row at the top;
 *   fitting it to one page wide would shrink 11 pt text to about 4 pt;
 * - the header row of a sheet's only table is repeated on every page (else the title row);
 * - [D] header: the sheet's title (A1); footer: "SØM for Excel – inddata" and "Side x af y". Input pages have no
 *   calculation time, and the intervention's name is left out: it is typed on the page and would go stale in a
 *   static header.
 *
 * Example: `withInputPrintSetup(sheet, "da")` → the sheet with `print`, `merges` and `rowHeights` filled in.
 */
import type { Lang } from "../../present/format";
import { rectA1 } from "../a1";
import { fitRowHeights, lastColumn, usedWidth, width, withPrintSetup } from "../render/print-layout";
import type { Block, SheetSpec } from "../sheet-model";

/** Characters (Calibri 11) across a landscape A4 page at 100 % between the writer's margins. */
export const LANDSCAPE_CHARS = 139;
/** Widest used width printed on one page (landscape at ≥ 67 %); a wider sheet prints over `pagesWide` pages. */
export const ONE_PAGE_MAX_CHARS = 210;
/** The scale a table printed over several pages wide aims at. */
const MULTI_PAGE_SCALE = 0.9;
/** The width a merged guidance line aims at (characters): readable on screen and in print. */
const MERGE_TARGET_CHARS = 120;
/** Wrapped text is measured against columns this much as wide (see `withInputPrintSetup`). */
const NARROW_FONT_FACTOR = 0.8;

/** The footer of every input page. */
export const inputFooter = (lang: Lang): string =>
  lang === "da" ? "SØM for Excel – inddata" : "SØM for Excel – inputs";

/** How the sheet prints across: one page, or `pages` wide with `titleCols` repeated at the left. */
export function pageAcross(s: SheetSpec): { readonly pages: number; readonly titleCols: number } {
  const used = usedWidth(s);
  if (used <= ONE_PAGE_MAX_CHARS) return { pages: 1, titleCols: 0 };
  const titleCols = Math.max(1, s.freeze?.cols ?? 0);
  let titleWidth = 0;
  for (let c = 0; c < titleCols; c++) titleWidth += width(s, c);
  const perPage = LANDSCAPE_CHARS / MULTI_PAGE_SCALE - titleWidth;
  return { pages: Math.max(2, Math.ceil((used - titleWidth) / perPage)), titleCols };
}

/**
 * Columns (from A) a guidance line is merged across: of the prefixes of the used columns, the one whose width is
 * closest to `MERGE_TARGET_CHARS`. On a sheet printed over several pages wide, the repeated title columns: the
 * guidance then prints whole on every page (a wider merge would print cut off at the title columns' edge on the
 * following pages).
 */
export function mergeSpan(s: SheetSpec): number {
  const across = pageAcross(s);
  if (across.pages > 1) return across.titleCols;
  const last = lastColumn(s);
  let best = 1;
  let bestDistance = Infinity;
  let sum = 0;
  for (let c = 0; c <= last; c++) {
    sum += width(s, c);
    const d = Math.abs(sum - MERGE_TARGET_CHARS);
    if (d < bestDistance) {
      best = c + 1;
      bestDistance = d;
    }
  }
  return best;
}

/** Text input columns at least this wide (characters) wrap (`inputText`): Kilde, names, titles. */
const WRAP_INPUT_WIDTH = 28;

const formatAt = (b: Block, i: number, j: number): string | undefined =>
  typeof b.numberFormat === "string" ? b.numberFormat : b.numberFormat?.[i]?.[j];

/**
 * An `input` block with its wide text columns (text format, width ≥ `WRAP_INPUT_WIDTH`) split off as `inputText`
 * blocks, so a long Kilde prints wrapped instead of running off the page; values, formulas and formats unchanged.
 */
function wrapTextInputs(s: SheetSpec, b: Block): Block[] {
  const cols = Math.max(0, ...b.values.map((r) => r.length));
  if (b.style !== "input" || cols === 0 || b.values.some((r) => r.length !== cols)) return [b];
  const wraps = Array.from(
    { length: cols },
    (_, j) =>
      width(s, b.col + j) >= WRAP_INPUT_WIDTH &&
      b.values.every((_, i) => {
        const f = formatAt(b, i, j);
        return f === undefined || f === "General" || f === "@";
      }) &&
      (b.formulas === undefined || b.formulas.every((r) => r[j] === null || r[j] === undefined)),
  );
  if (!wraps.some((w) => w)) return [b];
  const out: Block[] = [];
  let start = 0;
  for (let j = 1; j <= cols; j++) {
    if (j < cols && wraps[j] === wraps[start]) continue;
    const slice = <T>(rows: readonly (readonly T[])[]): T[][] => rows.map((r) => r.slice(start, j));
    out.push({
      row: b.row,
      col: b.col + start,
      values: slice(b.values),
      ...(b.formulas !== undefined ? { formulas: slice(b.formulas) } : {}),
      ...(b.numberFormat !== undefined
        ? { numberFormat: typeof b.numberFormat === "string" ? b.numberFormat : slice(b.numberFormat) }
        : {}),
      style: wraps[start] === true ? "inputText" : "input",
    });
    start = j;
  }
  return out;
}

const isText = (b: Block): boolean =>
  b.values.length === 1 && b.values[0]?.length === 1 && typeof b.values[0][0] === "string";

/**
 * `s` with its guidance wrapped and merged, remarks wrapped, and its print setup (see the module comment).
 * A sheet that already has a print setup, or is hidden, is returned unchanged.
 */
export function withInputPrintSetup(s: SheetSpec, lang: Lang): SheetSpec {
  if ((s.visibility ?? "visible") !== "visible" || s.print !== undefined) return s;
  const span = mergeSpan(s);
  const last = lastColumn(s);
  // cells taken on each row (to merge a line only where the cells to its right are free)
  const taken = new Map<number, Set<number>>();
  for (const b of s.blocks)
    b.values.forEach((r, i) =>
      r.forEach((_, j) => {
        const set = taken.get(b.row + i) ?? new Set<number>();
        set.add(b.col + j);
        taken.set(b.row + i, set);
      }),
    );
  const merges = [...(s.merges ?? [])];
  const blocks = s.blocks.flatMap((b) => wrapTextInputs(s, b)).map((b): Block => {
    if (!isText(b) || (b.style !== "muted" && b.style !== "guidance")) return b;
    const style = b.style === "muted" ? "note" : "guidance";
    // merged to the right over the free cells: a guidance line up to `span`, a remark up to the last used column
    const row = taken.get(b.row) ?? new Set<number>();
    const limit = b.col === 0 ? span - 1 : last;
    let end = b.col;
    while (end < limit && !row.has(end + 1)) end += 1;
    if (end > b.col) merges.push(rectA1({ row: b.row, col: b.col, rows: 1, cols: end - b.col + 1 }));
    return { ...b, style };
  });
  const shaped: SheetSpec = { ...s, blocks, ...(merges.length > 0 ? { merges } : {}) };

  const headerRows = [...new Set(s.blocks.filter((b) => b.style === "inputHeader").map((b) => b.row))];
  const titleRow = headerRows.length === 1 && headerRows[0] !== undefined ? headerRows[0] : 0;
  const across = pageAcross(s);
  // Row heights for a font up to 25 % wider than Calibri (LibreOffice without Calibri or Carlito prints in DejaVu):
  // the wrapped text is measured against columns 80 % as wide, so it is not cut off there either.
  const narrow = Array.from({ length: last + 1 }, (_, c) => width(s, c) * NARROW_FONT_FACTOR);
  const heights = fitRowHeights({ ...shaped, columnWidths: narrow });
  const printed = withPrintSetup(
    { ...shaped, ...(heights.length > 0 ? { rowHeights: heights } : {}) },
    { lang, footer: inputFooter(lang) },
  );
  if (printed.print === undefined) return printed;
  return {
    ...printed,
    print: {
      ...printed.print,
      ...(across.pages > 1 ? { orientation: "landscape" as const } : {}),
      titleRows: { first: titleRow, last: titleRow },
      ...(across.pages > 1
        ? { pagesWide: across.pages, titleColumns: { first: 0, last: across.titleCols - 1 } }
        : {}),
    },
  };
}
