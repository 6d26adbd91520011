/**
 * Print setup for every sheet the tools write (issue 15): A4, landscape when the used columns are wider than a
 * portrait page, scaled to one page wide, the sheet's own page breaks between sections, a header with the
 * sheet's title (the intervention's name) and a footer with the time of calculation and "side x af y"; and row
 * heights that fit wrapped text (LibreOffice does not grow rows of a file on load, so wrapped guidance and
 * headers were clipped).
 *
 * Pure data: the .xlsx writer and the Office.js adapter both apply `SheetSpec.print` and `rowHeights`.
 */
import { colLetters, parseRectA1 } from "../a1";
import type { Lang } from "../../present/format";
import { lookFor } from "../styles";
import type { CellValue, PrintSetup, SheetSpec } from "../sheet-model";

/** Characters (Calibri 11) that fit across a portrait A4 page at 100 % between normal margins. */
const PORTRAIT_CHARS = 95;
/** Excel's default column width in characters. */
const DEFAULT_WIDTH = 8.43;
/** Points per line of wrapped 11 pt text, and the smallest row height. */
const LINE_POINTS = 15;

export interface PrintContext {
  readonly lang: Lang;
  /** Footer text, e.g. "Beregnet 2026-12-06 07:05 (UTC+01:00)". */
  readonly footer: string;
  /** Header text; default: the sheet's title (the text in A1), else the sheet's name. */
  readonly header?: string;
}

/**
 * The rows and columns a sheet repeats on every printed page, as absolute A1 ranges: `{ rows: "$6:$6",
 * columns: "$A:$B" }` for Konsekvenser. The .xlsx writer puts them into `_xlnm.Print_Titles`, the Office.js
 * adapter into `pageLayout.setPrintTitleRows`/`setPrintTitleColumns`.
 */
export function printTitleRanges(p: PrintSetup): { readonly rows?: string; readonly columns?: string } {
  const { titleRows: r, titleColumns: c } = p;
  return {
    ...(r === undefined ? {} : { rows: `$${r.first + 1}:$${r.last + 1}` }),
    ...(c === undefined ? {} : { columns: `$${colLetters(c.first)}:$${colLetters(c.last)}` }),
  };
}

/** A column's width in characters (Excel's default when the spec leaves it out). */
export const width = (s: SheetSpec, col: number): number => s.columnWidths?.[col] ?? DEFAULT_WIDTH;

/** The last used column (0-based) of a sheet's blocks, charts ignored. */
export function lastColumn(s: SheetSpec): number {
  let last = 0;
  for (const b of s.blocks) {
    const cols = Math.max(0, ...b.values.map((r) => r.length));
    if (cols > 0) last = Math.max(last, b.col + cols - 1);
  }
  return last;
}

/** Sum of the widths of the used columns, in characters. */
export function usedWidth(s: SheetSpec): number {
  let sum = 0;
  for (let c = 0; c <= lastColumn(s); c++) sum += width(s, c);
  return sum;
}

/** Lines a text needs in a cell `chars` wide (wrapped at word boundaries, explicit line breaks kept). */
export function wrappedLines(text: string, chars: number): number {
  const usable = Math.max(4, chars - 1);
  let lines = 0;
  for (const para of text.split("\n")) {
    let line = 0;
    let count = 1;
    for (const word of para.split(/\s+/).filter((w) => w !== "")) {
      const len = word.length;
      if (line === 0) line = len;
      else if (line + 1 + len <= usable) line += 1 + len;
      else {
        count += 1;
        line = len;
      }
      while (line > usable) {
        count += 1;
        line -= usable;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Merged ranges by their top-left cell ("row,col" → columns spanned), parsed once per sheet. */
const mergeStarts = new WeakMap<SheetSpec, Map<string, { col: number; cols: number }>>();

function mergesOf(s: SheetSpec): Map<string, { col: number; cols: number }> {
  let m = mergeStarts.get(s);
  if (m === undefined) {
    m = new Map();
    for (const ref of s.merges ?? []) {
      const r = parseRectA1(ref);
      const key = r === undefined ? undefined : `${r.row},${r.col}`;
      if (r !== undefined && key !== undefined && !m.has(key)) m.set(key, { col: r.col, cols: r.cols });
    }
    mergeStarts.set(s, m);
  }
  return m;
}

/** The width in characters of the cell at (row, col), spanning its merged range when it starts one. */
function cellChars(s: SheetSpec, row: number, col: number): number {
  const r = mergesOf(s).get(`${row},${col}`);
  if (r === undefined) return width(s, col);
  let sum = 0;
  for (let c = r.col; c < r.col + r.cols; c++) sum += width(s, c);
  return sum;
}

/** Row heights (points) for rows holding wrapped text that needs more than one line. */
export function fitRowHeights(s: SheetSpec): { row: number; height: number }[] {
  const need = new Map<number, number>();
  for (const b of s.blocks) {
    const look = b.style === undefined ? undefined : lookFor(b.style);
    if (look?.alignment?.wrap !== true) continue;
    const size = look.font?.size ?? 11;
    b.values.forEach((r, i) =>
      r.forEach((v: CellValue, j) => {
        if (typeof v !== "string" || v === "") return;
        const row = b.row + i;
        const lines = wrappedLines(v, cellChars(s, row, b.col + j));
        const height = Math.ceil(lines * LINE_POINTS * (size / 11) + 3);
        if (lines > 1) need.set(row, Math.max(need.get(row) ?? 0, height));
      }),
    );
  }
  for (const h of s.rowHeights ?? []) need.set(h.row, Math.max(need.get(h.row) ?? 0, h.height));
  return [...need.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
}

/** The text of A1 when it is a string (every sheet the tools write starts with its title there). */
function titleOf(s: SheetSpec): string | undefined {
  for (const b of s.blocks) {
    if (b.row === 0 && b.col === 0) {
      const v = b.values[0]?.[0];
      if (typeof v === "string" && v.trim() !== "") return v;
    }
  }
  return undefined;
}

/**
 * `s` with its print setup and row heights filled in. The page breaks the renderer chose (`s.pageBreaks`)
 * become the print setup's; a print setup already there is kept; hidden sheets are returned unchanged.
 * [D] No repeated title rows: row 1 of every sheet the tools write is its title, which the page header already
 * prints on every page (repeating it printed the title twice and pushed the Rapport summary's last row off page 1);
 * the input pages set their `titleRows` themselves (`withInputPrintSetup`: the header row of a sheet's only table).
 * Example: withPrintSetup(resultsSheet, { lang: "da", footer: "Beregnet 2026-12-06 07:05 (UTC+01:00)" })
 */
export function withPrintSetup(s: SheetSpec, ctx: PrintContext): SheetSpec {
  if ((s.visibility ?? "visible") !== "visible" || s.print !== undefined) return s;
  const rowHeights = fitRowHeights(s);
  const breaks = (s.pageBreaks ?? []).filter((r) => r > 0);
  return {
    ...s,
    ...(rowHeights.length > 0 ? { rowHeights } : {}),
    print: {
      orientation: usedWidth(s) > PORTRAIT_CHARS ? "landscape" : "portrait",
      ...(breaks.length > 0 ? { rowBreaks: [...new Set(breaks)].sort((a, b) => a - b) } : {}),
      header: ctx.header ?? titleOf(s) ?? s.name,
      footer: ctx.footer,
      lang: ctx.lang,
    },
  };
}

/** "Beregnet 2026-12-06 07:05 (UTC+01:00)" / "Calculated …" — the footer of result sheets. */
export const calculatedFooter = (lang: Lang, stamp: string): string =>
  lang === "da" ? `Beregnet ${stamp}` : `Calculated ${stamp}`;
