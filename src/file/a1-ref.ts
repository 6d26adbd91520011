/**
 * A1 helpers for the file adapter — the shared, pure helpers of `src/workbook/a1.ts`. Rows and columns are
 * 0-based. Excel limits: 1 048 576 rows × 16 384 columns (XFD).
 */
export {
  MAX_COLS,
  MAX_ROWS,
  absCellA1,
  cellA1,
  colLetters,
  parseCellA1,
  parseRectA1,
  qualifiedAbsRef,
  quoteSheetName,
  rectA1,
  type CellRect,
} from "../workbook/a1";
