/**
 * The look of each cell style role (sheet-model `CellStyle`), host-neutral: the .xlsx writer
 * (`src/file/xlsx-writer.ts`, exceljs) maps it to exceljs styles, and the Office.js adapter can map it to
 * `RangeFormat` payloads, so the template file and the add-in's sheets look the same.
 *
 * Colours are hex RGB without '#' ("FFF2CC"). Sizes are points. Pure data; browser-safe.
 *
 * Conventions (workbook contract "Reading rules": input cells visibly marked):
 * - `input`: the classic Excel "Input" look — light yellow fill, thin grey border, dark blue text.
 * - `header`: bold white on teal; `inputHeader`: bold on light teal (headers of input blocks).
 * - `guidance`: wrapped grey italic text, top-aligned (explanations on each page).
 * - `warning`: Excel's "Bad" look (dark red on light red); the conditional-format looks below use the same.
 */
import type { CellStyle } from "./sheet-model";

export interface FontLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Points. Absent = the workbook default (Calibri 11). */
  readonly size?: number;
  /** Hex RGB without '#'. */
  readonly color?: string;
}

export interface BorderLook {
  /** A thin line on all four sides. */
  readonly style: "thin";
  /** Hex RGB without '#'. */
  readonly color: string;
}

export interface AlignmentLook {
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "middle" | "bottom";
  readonly wrap?: boolean;
}

/** How one style role looks. Absent parts are left at the workbook default. */
export interface CellLook {
  readonly font?: FontLook;
  /** Solid fill colour, hex RGB without '#'. */
  readonly fill?: string;
  readonly border?: BorderLook;
  readonly alignment?: AlignmentLook;
}

const TEAL = "0F6C74";
const DARK = "1F1F1F";
const GREY = "7F7F7F";

/** The look of every style role (exhaustive: adding a `CellStyle` without a look fails to compile). */
export const CELL_LOOKS: Readonly<Record<CellStyle, CellLook>> = {
  title: { font: { bold: true, size: 16, color: TEAL } },
  subtitle: { font: { bold: true, size: 12, color: TEAL } },
  guidance: { font: { italic: true, color: "595959" }, alignment: { vertical: "top", wrap: true } },
  header: {
    font: { bold: true, color: "FFFFFF" },
    fill: TEAL,
    alignment: { vertical: "middle", wrap: true },
  },
  inputHeader: {
    font: { bold: true, color: DARK },
    fill: "D9E7E8",
    alignment: { vertical: "middle", wrap: true },
  },
  input: { font: { color: "1F3864" }, fill: "FFF2CC", border: { style: "thin", color: GREY } },
  inputText: {
    font: { color: "1F3864" },
    fill: "FFF2CC",
    border: { style: "thin", color: GREY },
    alignment: { wrap: true },
  },
  output: { font: { color: DARK } },
  outputBold: { font: { bold: true, color: DARK } },
  total: { font: { bold: true }, fill: "F2F2F2" },
  label: { font: { color: DARK } },
  stamp: { font: { italic: true, size: 9, color: GREY } },
  warning: { font: { bold: true, color: "9C0006" }, fill: "FFC7CE" },
  muted: { font: { color: GREY } },
  note: { font: { color: GREY }, alignment: { wrap: true } },
  paragraph: { font: { color: DARK }, alignment: { horizontal: "left", vertical: "top", wrap: true } },
  figure: { font: { color: DARK }, alignment: { vertical: "top" } },
  figureBold: { font: { bold: true, color: DARK }, alignment: { vertical: "top" } },
};

/** The look of a style role. */
export const lookFor = (style: CellStyle): CellLook => CELL_LOOKS[style];

/**
 * Conditional-format looks (sheet-model `ConditionalFormat.style`): `warning` = red fill (Excel "Bad"),
 * `ok` = green fill (Excel "Good"). Hex RGB without '#'.
 */
export const CONDITIONAL_LOOKS: Readonly<
  Record<"warning" | "ok", { readonly fill: string; readonly font: string }>
> = {
  warning: { fill: "FFC7CE", font: "9C0006" },
  ok: { fill: "C6EFCE", font: "006100" },
};

/** Three-colour scale (sheet-model `ColorScale`): minimum red, the mid point white, maximum green (Excel's defaults). */
export const COLOR_SCALE = { min: "F8696B", mid: "FFFFFF", max: "63BE7B" } as const;
