/**
 * Cell style roles (sheet-model `CellStyle`) → one Office.js `RangeFormat.set(...)` payload per block.
 *
 * TODO(styles): when `src/workbook/styles.ts` (the shared style → look table) lands, derive these from it so
 * the .xlsx writer and the add-in cannot drift. Until then this table is the add-in's look (Excel "Good/Bad/
 * Neutral"-like colours, Calibri defaults untouched).
 */
import type { CellStyle } from "../workbook/sheet-model";

export type FormatUpdate = Excel.Interfaces.RangeFormatUpdateData;

const LOOKS: Readonly<Record<CellStyle, FormatUpdate>> = {
  title: { font: { bold: true, size: 16, color: "#0F6C74" } },
  subtitle: { font: { bold: true, size: 12, color: "#0F6C74" } },
  guidance: { font: { italic: true, color: "#595959" }, wrapText: true, verticalAlignment: "Top" },
  header: {
    font: { bold: true, color: "#FFFFFF" },
    fill: { color: "#0F6C74" },
    wrapText: true,
    verticalAlignment: "Center",
  },
  inputHeader: {
    font: { bold: true, color: "#1F1F1F" },
    fill: { color: "#D9E7E8" },
    wrapText: true,
    verticalAlignment: "Center",
  },
  input: { font: { color: "#1F3864" }, fill: { color: "#FFF2CC" } },
  inputText: { font: { color: "#1F3864" }, fill: { color: "#FFF2CC" }, wrapText: true },
  output: { font: { color: "#1F1F1F" } },
  outputBold: { font: { bold: true, color: "#1F1F1F" } },
  total: { font: { bold: true }, fill: { color: "#F2F2F2" } },
  label: { font: { color: "#1F1F1F" } },
  stamp: { font: { italic: true, size: 9, color: "#7F7F7F" } },
  warning: { font: { bold: true, color: "#9C0006" }, fill: { color: "#FFC7CE" } },
  muted: { font: { color: "#7F7F7F" } },
  note: { font: { color: "#7F7F7F" }, wrapText: true },
  paragraph: {
    font: { color: "#1F1F1F" },
    wrapText: true,
    verticalAlignment: "Top",
    horizontalAlignment: "Left",
  },
  figure: { font: { color: "#1F1F1F" }, verticalAlignment: "Top" },
  figureBold: { font: { bold: true, color: "#1F1F1F" }, verticalAlignment: "Top" },
};

/** The format payload for a style role. */
export const formatForStyle = (style: CellStyle): FormatUpdate => LOOKS[style];

/** Conditional-format looks (sheet-model `ConditionalFormat.style`). */
export const CONDITIONAL_LOOKS: Readonly<
  Record<"warning" | "ok", { readonly fill: string; readonly font: string }>
> = {
  warning: { fill: "#FFC7CE", font: "#9C0006" },
  ok: { fill: "#C6EFCE", font: "#006100" },
};

/** Colour-scale colours (min red, mid white, max green), Excel's defaults. */
export const COLOR_SCALE = { min: "#F8696B", mid: "#FFFFFF", max: "#63BE7B" } as const;

/** Column width in characters (of the default font) → points, as Excel converts: (w·7 + 5) px × 0.75. */
export const columnWidthPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
