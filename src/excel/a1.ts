/**
 * A1 address helpers for the Office.js adapter — the shared, pure helpers of `src/workbook/a1.ts`.
 * Rows and columns are 0-based. Excel limits: 1,048,576 rows × 16,384 columns (XFD).
 */
export {
  MAX_COLS,
  MAX_ROWS,
  cellA1,
  colLetters,
  overlaps,
  parseAddress,
  parseRect,
  quoteSheet,
  rectA1,
  type Rect,
} from "../workbook/a1";
