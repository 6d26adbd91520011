/**
 * Sheets as data: what the tools write into a workbook, independent of how it is written.
 *
 * The template layout (input sheets) and the result renderer both produce a `WorkbookSpec`; the file
 * writer (Node, .xlsx) and the Office.js adapter (the add-in) both consume it, so the two products
 * cannot drift. Rows and columns are 0-based here; `A1` addresses appear only at the edges.
 */

/** A cell value as Excel stores it. Strings are always written as text, never as formulas. */
export type CellValue = string | number | boolean | null;

/** Named visual roles; each writer maps them to fonts/fills (one place: `styles.ts`). */
export type CellStyle =
  | "title"
  | "subtitle"
  | "guidance"
  | "header"
  | "input"
  /** An input cell whose text wraps (Kilde and other wide text columns of the input pages). */
  | "inputText"
  | "inputHeader"
  | "output"
  | "outputBold"
  | "total"
  | "label"
  | "stamp"
  | "warning"
  | "muted"
  /** Grey wrapped text: guidance lines and remarks beside inputs on the input pages (they print wrapped, not clipped). */
  | "note"
  /** Plain wrapped text, left and top aligned (report paragraphs and table text). */
  | "paragraph"
  /** A figure in a report table, top aligned (so it lines up with wrapped text in the same row). */
  | "figure"
  | "figureBold";

/**
 * A rectangular block written with one 2-D assignment. `values` fixes the shape; `formulas`, when given,
 * has the same shape (null = use the value). Formulas are in Excel's invariant (English, comma) syntax
 * and start with "=".
 */
export interface Block {
  readonly row: number;
  readonly col: number;
  readonly values: readonly (readonly CellValue[])[];
  readonly formulas?: readonly (readonly (string | null)[])[];
  /** One format for the whole block, or one per cell (same shape as values). Invariant format codes. */
  readonly numberFormat?: string | readonly (readonly string[])[];
  readonly style?: CellStyle;
}

/** A workbook-scoped defined name. `ref` is an A1 range on `sheet` ("B3" or "B3:F20"), or a constant. */
export type NameSpec =
  | { readonly name: string; readonly sheet: string; readonly ref: string; readonly comment?: string }
  | { readonly name: string; readonly constant: string | number; readonly comment?: string };

/** A drop-down list on a range. `list` is either literal items or a formula such as "=SOM_Aktoerer_Navne". */
export interface ListValidation {
  readonly ref: string;
  readonly list: readonly string[] | string;
  readonly prompt?: string;
}

/** Conditional formatting: `formula` (invariant, relative to the top-left cell of `ref`) true → `style`. */
export interface ConditionalFormat {
  readonly ref: string;
  readonly formula: string;
  readonly style: "warning" | "ok";
}

/** A colour scale (min red, mid white at `midValue`, max green) — used for sensitivity grids. */
export interface ColorScale {
  readonly ref: string;
  readonly midValue: number;
}

export interface NoteSpec {
  readonly ref: string;
  readonly text: string;
}

/** A bar chart (e.g. the tornado) drawn from ranges on the same sheet. Writers without chart support skip it. */
export interface ChartSpec {
  readonly kind: "bar" | "line";
  readonly title: string;
  /** Category labels range and one or more series ranges (A1 on this sheet). */
  readonly categories: string;
  readonly series: readonly { readonly name: string; readonly ref: string }[];
  /** Where the chart sits (top-left cell) and its size in cells. */
  readonly anchor: string;
  readonly widthCols: number;
  readonly heightRows: number;
}

export type SheetRole = "front" | "input" | "result" | "meta";

/**
 * How a sheet prints (issue 15): A4, portrait or landscape, scaled to one page wide (any number of pages tall),
 * title rows repeated on every page, page breaks before given rows, and a header/footer. Header/footer texts
 * are plain text; the writers add the page field "side x af y" / "page x of y" themselves.
 */
export interface PrintSetup {
  readonly orientation: "portrait" | "landscape";
  /** First and last 0-based row repeated at the top of every printed page. */
  readonly titleRows?: { readonly first: number; readonly last: number };
  /** First and last 0-based column repeated at the left of every printed page (a table wider than one page). */
  readonly titleColumns?: { readonly first: number; readonly last: number };
  /**
   * Pages wide the sheet is scaled to (default 1). More than one only for a table too wide to read on one page
   * (Konsekvenser, Viden), together with `titleColumns`.
   */
  readonly pagesWide?: number;
  /** 0-based rows that start a new printed page (a manual page break above each). */
  readonly rowBreaks?: readonly number[];
  /** Centre of the page header, e.g. the intervention's name. */
  readonly header: string;
  /** Left of the page footer, e.g. "Beregnet 2026-12-06 07:05 (UTC+01:00)". */
  readonly footer: string;
  /** Language of the page field in the footer's right part ("Side &P af &N" / "Page &P of &N"). */
  readonly lang: "da" | "en";
}

export interface SheetSpec {
  readonly name: string;
  readonly role: SheetRole;
  readonly visibility?: "visible" | "hidden" | "veryHidden";
  /** Column widths in characters, from column A. */
  readonly columnWidths?: readonly number[];
  readonly blocks: readonly Block[];
  readonly validations?: readonly ListValidation[];
  readonly conditionalFormats?: readonly ConditionalFormat[];
  readonly colorScales?: readonly ColorScale[];
  readonly notes?: readonly NoteSpec[];
  readonly charts?: readonly ChartSpec[];
  /** Freeze panes below this many rows / right of this many columns. */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  /** Tab colour as hex RGB without '#'. */
  readonly tabColor?: string;
  /** Merged ranges (A1, e.g. "A5:L5"), used for long wrapped text that spans the table's width. */
  readonly merges?: readonly string[];
  /** Row heights in points for rows whose wrapped text needs more than one line (0-based rows). */
  readonly rowHeights?: readonly { readonly row: number; readonly height: number }[];
  /** 0-based rows that should start a new printed page (the renderer's sections); see `print`. */
  readonly pageBreaks?: readonly number[];
  /** The full print setup, filled in by `withPrintSetup` (src/workbook/render/print-layout.ts) before writing. */
  readonly print?: PrintSetup;
}

/**
 * What a write claims before it changes anything else (issue 12, item 3). Excel batches are not transactional:
 * a write that fails halfway keeps what was done before the failure. The Office adapter therefore writes the
 * claim first — the ownership marker listing every sheet the write may create or replace, and a fingerprint
 * that matches no result sheet, so every result sheet reads "Forældet" — and defines its names, then the rest.
 * After a failure the sheets already created are still SØM's (the next run may overwrite them) and nothing reads
 * "Aktuel" until a run finishes. `sheet` is one of the spec's sheets (the meta sheet); its blocks must be written
 * again by that sheet's own blocks (the final values), and `names` must be among the spec's names (same
 * definitions). The adapter keeps the claimed cells when it clears that sheet later in the same write.
 * File writers (a new .xlsx written whole) ignore it.
 */
export interface ClaimSpec {
  readonly sheet: string;
  readonly blocks: readonly Block[];
  readonly names: readonly NameSpec[];
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly names: readonly NameSpec[];
  /** Written first by writers that can fail halfway (the Office adapter); see `ClaimSpec`. */
  readonly claim?: ClaimSpec;
}
