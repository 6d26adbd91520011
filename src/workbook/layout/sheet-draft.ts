/**
 * A small helper for laying out one input sheet top to bottom: titles, guidance lines, labelled scalar
 * inputs and named blocks (header row + data rows), collecting blocks, defined names and validations.
 * Rows and columns are 0-based (sheet-model convention); A1 text only for names and validation ranges.
 */
import type {
  Block,
  CellStyle,
  CellValue,
  ConditionalFormat,
  ListValidation,
  NameSpec,
  SheetRole,
  SheetSpec,
} from "../sheet-model";
import { cellA1, rectA1 } from "../a1";

/** A layout programmer error (e.g. data rows wider than the header). */
export class LayoutError extends Error {
  override readonly name = "LayoutError";
}

/** "B3" for the 0-based (row 2, col 1). */
export const a1 = cellA1;

/** "B3:F20" for a rectangle (0-based top-left, size), "B3" for one cell. */
export const rangeA1 = (row: number, col: number, rows: number, cols: number): string =>
  rectA1({ row, col, rows, cols });

/** The number format of text cells (no conversion). */
export const GENERAL = "General";

/** A column of a named input block. */
export interface TableColumn {
  readonly header: string;
  /** Invariant number format of the data cells. */
  readonly format: string;
  /** Drop-down list on the data cells (literal items or a formula such as "=SOM_Aktoerer_Navne"). */
  readonly list?: readonly string[] | string;
}

/** Where a table landed: the header row and the first data row, 0-based. */
export interface PlacedTable {
  readonly headerRow: number;
  readonly col: number;
  readonly rows: number;
  readonly ref: string;
}

export class SheetDraft {
  private readonly blocks: Block[] = [];
  private readonly names: NameSpec[] = [];
  private readonly validations: ListValidation[] = [];
  private readonly conditionalFormats: ConditionalFormat[] = [];
  /** The next free row. */
  row = 0;

  constructor(
    readonly sheet: string,
    private readonly role: SheetRole,
  ) {}

  /** One text cell at (row, col) with a style; does not move the cursor. */
  cell(row: number, col: number, value: CellValue, style: CellStyle, numberFormat?: string): void {
    this.blocks.push({
      row,
      col,
      values: [[value]],
      style,
      ...(numberFormat !== undefined ? { numberFormat } : {}),
    });
  }

  /** A line of text in column A at the cursor; moves the cursor down one row. */
  line(text: string, style: CellStyle): void {
    this.cell(this.row, 0, text, style);
    this.row += 1;
  }

  /** Skips `n` blank rows. */
  gap(n = 1): void {
    this.row += n;
  }

  /** A header row (not named) at the cursor. */
  header(values: readonly string[], col = 0): void {
    this.blocks.push({ row: this.row, col, values: [values], style: "inputHeader" });
    this.row += 1;
  }

  /**
   * A labelled scalar input at the cursor: label (col A), input cell (col B, named `name`), remark (col C).
   */
  scalar(
    name: string,
    label: string,
    value: CellValue,
    format: string,
    remark?: string,
    /** Drop-down list on the input cell (an enumeration's labels). */
    list?: readonly string[],
  ): void {
    const r = this.row;
    this.cell(r, 0, label, "label");
    this.blocks.push({ row: r, col: 1, values: [[value]], style: "input", numberFormat: format });
    if (remark !== undefined) this.cell(r, 2, remark, "muted");
    if (list !== undefined) this.validations.push({ ref: a1(r, 1), list });
    this.names.push({ name, sheet: this.sheet, ref: a1(r, 1) });
    this.row += 1;
  }

  /**
   * A named block at the cursor: a header row (`inputHeader`) and `data` rows styled `input`, the name
   * covering the header and every data row (blank spare rows included). `formulas`, when given, has the
   * shape of `data` (null = plain value; the value is then the formula's cached result).
   */
  table(
    name: string,
    columns: readonly TableColumn[],
    data: readonly (readonly CellValue[])[],
    opts: {
      readonly col?: number;
      readonly formulas?: readonly (readonly (string | null)[])[];
      /** Per-cell formats (shape of `data`), overriding the columns' formats. */
      readonly formats?: readonly (readonly string[])[];
    } = {},
  ): PlacedTable {
    const col = opts.col ?? 0;
    const width = columns.length;
    for (const [i, r] of data.entries()) {
      if (r.length !== width)
        throw new LayoutError(`${name}: data row ${i} has ${r.length} cells, expected ${width}`);
    }
    if (data.length === 0) throw new LayoutError(`${name}: a block needs at least one data row`);
    const headerRow = this.row;
    this.blocks.push({ row: headerRow, col, values: [columns.map((c) => c.header)], style: "inputHeader" });
    this.blocks.push({
      row: headerRow + 1,
      col,
      values: data,
      ...(opts.formulas !== undefined ? { formulas: opts.formulas } : {}),
      numberFormat: opts.formats ?? data.map(() => columns.map((c) => c.format)),
      style: "input",
    });
    const ref = rangeA1(headerRow, col, data.length + 1, width);
    this.names.push({ name, sheet: this.sheet, ref });
    columns.forEach((c, i) => {
      if (c.list !== undefined)
        this.validations.push({ ref: rangeA1(headerRow + 1, col + i, data.length, 1), list: c.list });
    });
    this.row = headerRow + 1 + data.length;
    return { headerRow, col, rows: data.length, ref };
  }

  /** An extra defined name on this sheet (e.g. a helper list for drop-downs). */
  name(spec: NameSpec): void {
    this.names.push(spec);
  }

  validation(v: ListValidation): void {
    this.validations.push(v);
  }

  conditional(cf: ConditionalFormat): void {
    this.conditionalFormats.push(cf);
  }

  /** A free-form block (e.g. a formula cell). */
  block(b: Block): void {
    this.blocks.push(b);
  }

  build(extra: Partial<Pick<SheetSpec, "columnWidths" | "freeze" | "tabColor">> = {}): {
    readonly sheet: SheetSpec;
    readonly names: readonly NameSpec[];
  } {
    const sheet: SheetSpec = {
      name: this.sheet,
      role: this.role,
      blocks: [...this.blocks],
      ...(this.validations.length > 0 ? { validations: [...this.validations] } : {}),
      ...(this.conditionalFormats.length > 0 ? { conditionalFormats: [...this.conditionalFormats] } : {}),
      ...extra,
    };
    return { sheet, names: [...this.names] };
  }
}
