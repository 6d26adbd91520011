/**
 * A SØM workbook in memory for the knowledge tests (use cases and the task-pane page): a builder that speaks
 * the domain. Browser-safe (the Chromium pane test bundles it).
 */
import { colLetters } from "../../src/workbook/a1";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import type { CellValue } from "../../src/workbook/sheet-model";

/** Puts a 2-D block at `topLeft` (0-based row, col) and names it from the top-left over its whole shape. */
function putBlock(
  wb: MemoryWorkbook,
  sheet: string,
  name: string,
  row: number,
  col: number,
  grid: CellValue[][],
): void {
  wb.addSheet(sheet);
  const width = Math.max(...grid.map((r) => r.length));
  grid.forEach((line, r) =>
    line.forEach((v, c) => v !== null && wb.setCell(sheet, `${colLetters(col + c)}${row + r + 1}`, v)),
  );
  wb.setName({
    name,
    sheet,
    ref: `${colLetters(col)}${row + 1}:${colLetters(col + width - 1)}${row + grid.length}`,
  });
}

const blankRows = (n: number, width: number): CellValue[][] =>
  Array.from({ length: n }, () => Array<CellValue>(width).fill(null));

export interface WorkbookSetup {
  priceLevel?: number;
  startYear?: number;
  index?: [number, number][];
  actors?: [string, string][];
  priceRows?: CellValue[][];
  priceBlankRows?: number;
  consequenceRows?: CellValue[][];
  effects?: [string, number][];
}

/**
 * A SØM workbook in memory: Indstillinger (start year, price level, actors, price index), Priser
 * (Ydelse, Enhed, Prisår, one column per actor, Kilde), Konsekvenser (Effektmål, Ydelse, Enhed, Art, År 1–5,
 * Kilde) and Effekt (Effektmål, Succesrate, Kilde).
 */
export function aSomWorkbook(s: WorkbookSetup = {}): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.addSheet("Indstillinger");
  wb.setCell("Indstillinger", "B2", s.startYear ?? 2025);
  wb.setName({ name: "SOM_Startaar", sheet: "Indstillinger", ref: "B2" });
  if (s.priceLevel !== undefined) {
    wb.setCell("Indstillinger", "B3", s.priceLevel);
    wb.setName({ name: "SOM_Prisniveau", sheet: "Indstillinger", ref: "B3" });
  }
  const actors = s.actors ?? [
    ["Kommune", "Kommune"],
    ["Region", "Region"],
    ["Stat", "Stat"],
  ];
  putBlock(wb, "Indstillinger", "SOM_Aktoerer", 5, 0, [["Aktør", "Niveau"], ...actors]);
  putBlock(wb, "Indstillinger", "SOM_Prisindeks", 5, 4, [["År", "Indeks"], ...(s.index ?? [])]);
  const priceHeader: CellValue[] = ["Ydelse", "Enhed", "Prisår", ...actors.map((a) => a[0]), "Kilde"];
  putBlock(wb, "Priser", "SOM_Priser", 2, 0, [
    priceHeader,
    ...(s.priceRows ?? []),
    ...blankRows(s.priceBlankRows ?? 4, priceHeader.length),
  ]);
  const consHeader: CellValue[] = [
    "Effektmål",
    "Ydelse",
    "Enhed",
    "Art",
    "År 1",
    "År 2",
    "År 3",
    "År 4",
    "År 5",
    "Kilde",
  ];
  putBlock(wb, "Konsekvenser", "SOM_Konsekvenser", 2, 0, [
    consHeader,
    ...(s.consequenceRows ?? []),
    ...blankRows(4, consHeader.length),
  ]);
  putBlock(wb, "Effekt", "SOM_Effekter", 2, 0, [
    ["Effektmål", "Succesrate", "Kilde"],
    ...(s.effects ?? []).map(([e, r]) => [e, r, "egen"]),
    ...blankRows(3, 3),
  ]);
  return wb;
}
