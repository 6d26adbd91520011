/**
 * A growing result sheet: blocks appended row by row (`add`), or placed at an explicit position (`put`).
 * Used by every renderer so that result, sensitivity and comparison sheets are built the same way.
 */
import type { Block, CellValue } from "../sheet-model";

export type BlockOptions = Omit<Block, "row" | "col" | "values">;

export class SheetWriter {
  readonly blocks: Block[] = [];
  /** The next free row (0-based). */
  row = 0;

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
  rulesAndNamesHeader(t: {
    readonly rulesTitle: string;
    readonly rules: readonly string[];
    readonly namesTitle: string;
    readonly nameCol: string;
    readonly meaning: string;
  }): void {
    this.add([[t.rulesTitle]], { style: "subtitle" });
    this.add(
      t.rules.map((r) => [r]),
      { style: "guidance" },
    );
    this.skip();
    this.add([[t.namesTitle]], { style: "subtitle" });
    this.add([[t.nameCol, t.meaning]], { style: "header" });
  }

  skip(n = 1): void {
    this.row += n;
  }
}
