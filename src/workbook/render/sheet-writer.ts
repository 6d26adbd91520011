/**
 * A growing result sheet: blocks appended row by row (`add`), or placed at an explicit position (`put`).
 * Used by every renderer so that result, sensitivity and comparison sheets are built the same way.
 */
import type { Lang } from "../../present/format";
import { cellA1, rectA1 } from "../a1";
import type { Block, CellStyle, CellValue, ConditionalFormat, NameSpec } from "../sheet-model";
import { sheetFingerprintName, sheetStatusFormula, STATUS_TEXT } from "./meta-sheet";

/** One line of a sheet's stamp: label, value and the value's number format. */
export type StampLine = readonly [label: string, value: CellValue, format: string];

export type BlockOptions = Omit<Block, "row" | "col" | "values">;

/** A column of named key cells: the name is `${prefix}${suffix}` of its row; `meaning` is the names table's text. */
export interface KeyColumn {
  readonly prefix: string;
  readonly col: number;
  readonly meaning: (who: string) => string;
}

/**
 * The defined names of a table of key cells (row `top + i` is `rows[i]`; one name per row and column, row by
 * row) and the matching rows of the sheet's names table, in the same order.
 * Example: keyCellNames("Usikkerhed", 20, [{ who: "Total", suffix: "Total" }], [{ prefix: "SOM_Usk_P50_", col: 4, meaning: (w) => w }])
 */
export function keyCellNames(
  sheet: string,
  top: number,
  rows: readonly { readonly who: string; readonly suffix: string }[],
  cols: readonly KeyColumn[],
): { readonly names: NameSpec[]; readonly table: [string, string][] } {
  return {
    names: rows.flatMap((r, i) =>
      cols.map((c) => ({ name: `${c.prefix}${r.suffix}`, sheet, ref: cellA1(top + i, c.col) })),
    ),
    table: rows.flatMap((r) =>
      cols.map((c): [string, string] => [`${c.prefix}${r.suffix}`, c.meaning(r.who)]),
    ),
  };
}

export class SheetWriter {
  readonly blocks: Block[] = [];
  /** Merged ranges (A1) of the paragraphs written with `paragraphs`. */
  readonly merges: string[] = [];
  /** Rows that start a new printed page (`SheetSpec.pageBreaks`). */
  readonly pageBreaks: number[] = [];
  /** The next free row (0-based). */
  row = 0;

  /**
   * Wrapped text, one paragraph per row, each merged across `span` columns from column 0 so it reads as a
   * paragraph on screen and in print (the print layout sizes the row to the text).
   */
  paragraphs(texts: readonly string[], span: number, style: CellStyle = "guidance"): void {
    for (const text of texts) {
      const at = this.add([[text]], { style });
      if (span > 1) this.merges.push(rectA1({ row: at, col: 0, rows: 1, cols: span }));
    }
  }

  /** The next row starts a new printed page. */
  pageBreak(): void {
    if (this.row > 0 && !this.pageBreaks.includes(this.row)) this.pageBreaks.push(this.row);
  }

  /** Appends `values` at the cursor (in column `col`) and moves the cursor below it; returns the block's row. */
  add(values: readonly (readonly CellValue[])[], opts: BlockOptions = {}, col = 0): number {
    const at = this.row;
    if (values.length > 0) this.blocks.push({ row: at, col, values, ...opts });
    this.row += values.length;
    return at;
  }

  /** A block at an explicit position; does not move the cursor. */
  put(row: number, col: number, values: readonly (readonly CellValue[])[], opts: BlockOptions = {}): void {
    if (values.length > 0) this.blocks.push({ row, col, values, ...opts });
  }

  /**
   * The closing part every result sheet shares: the [D] rules under their title, then the title and header row
   * of the table of defined names (the caller adds the name rows).
   */
  rulesAndNamesHeader(
    t: {
      readonly rulesTitle: string;
      readonly rules: readonly string[];
      readonly namesTitle: string;
      readonly nameCol: string;
      readonly meaning: string;
    },
    rulesStyle: CellStyle = "guidance",
    span = 8,
  ): void {
    this.pageBreak();
    this.add([[t.rulesTitle]], { style: "subtitle" });
    this.paragraphs(t.rules, span, rulesStyle);
    this.skip();
    this.add([[t.namesTitle]], { style: "subtitle" });
    this.add([[t.nameCol, t.meaning]], { style: "header" });
  }

  /**
   * The head every input-dependent result sheet shares: title, the status line (`sheetStatusFormula`, red when
   * out of date), a blank row, the stamp under its title, and after the stamp's `lines` the input fingerprint the
   * sheet was computed from (named by `sheetFingerprintName(sheet)`), then any `linesAfter`. Returns that name
   * and the status cell's conditional format for the sheet spec.
   */
  statusAndStamp(h: {
    readonly sheet: string;
    readonly lang: Lang;
    readonly title: string;
    readonly statusLabel: string;
    readonly statusHelp: string;
    readonly stampTitle: string;
    readonly lines: readonly StampLine[];
    readonly fingerprintLabel: string;
    readonly fingerprint: string;
    /** Stamp lines below the fingerprint line (the simulation's seed, iterations, generator). */
    readonly linesAfter?: readonly StampLine[];
  }): { readonly name: NameSpec; readonly statusFormat: ConditionalFormat } {
    this.add([[h.title]], { style: "title" });
    const statusRow = this.row;
    const fingerprintRow = statusRow + 3 + h.lines.length;
    this.add([[h.statusLabel, STATUS_TEXT[h.lang].current, h.statusHelp]], {
      formulas: [[null, sheetStatusFormula(h.lang, `$B$${fingerprintRow + 1}`), null]],
      style: "outputBold",
    });
    this.skip();
    this.add([[h.stampTitle]], { style: "subtitle" });
    const lines = [...h.lines, [h.fingerprintLabel, h.fingerprint, "@"] as const, ...(h.linesAfter ?? [])];
    this.add(
      lines.map(([label, value]) => [label, value]),
      { numberFormat: lines.map(([, , format]) => ["@", format]), style: "stamp" },
    );
    return {
      name: { name: sheetFingerprintName(h.sheet), sheet: h.sheet, ref: cellA1(fingerprintRow, 1) },
      statusFormat: {
        ref: cellA1(statusRow, 1),
        formula: `=$B$${statusRow + 1}<>"${STATUS_TEXT[h.lang].current}"`,
        style: "warning",
      },
    };
  }

  skip(n = 1): void {
    this.row += n;
  }
}
