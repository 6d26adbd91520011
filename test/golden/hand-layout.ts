/**
 * Workbooks laid out by hand (not by the template), as `WorkbookSpec` data: blocks anywhere on any sheet,
 * any header language and column order. Used for the golden fixture with English headers and for the
 * security tests (hostile names), so the reader is tested against layouts the template never makes.
 */
import type { Block, CellValue, NameSpec, SheetSpec, WorkbookSpec } from "../../src/workbook/sheet-model";

const colLetters = (col: number): string => {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** "B3" for the 0-based (row 2, col 1). */
export const a1 = (row: number, col: number): string => `${colLetters(col)}${row + 1}`;

/** A rectangle of values placed at a 0-based position, with the A1 reference it covers. */
export interface Placed {
  readonly block: Block;
  readonly ref: string;
}

/** Places `rows` (all the same length) with the top-left at 0-based (row, col). */
export function place(row: number, col: number, rows: readonly (readonly CellValue[])[]): Placed {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
  const ref = `${a1(row, col)}:${a1(row + rows.length - 1, col + width - 1)}`;
  return { block: { row, col, values }, ref };
}

/** A sheet spec builder collecting blocks and the names that point at them. */
export function handSheet(name: string): {
  readonly scalar: (name: string, row: number, col: number, label: string, value: CellValue) => void;
  readonly block: (name: string, row: number, col: number, rows: readonly (readonly CellValue[])[]) => void;
  readonly text: (row: number, col: number, text: string) => void;
  readonly build: () => { readonly sheet: SheetSpec; readonly names: readonly NameSpec[] };
} {
  const blocks: Block[] = [];
  const names: NameSpec[] = [];
  return {
    scalar: (defined, row, col, label, value) => {
      blocks.push({ row, col, values: [[label, value]] });
      names.push({ name: defined, sheet: name, ref: a1(row, col + 1) });
    },
    block: (defined, row, col, rows) => {
      const p = place(row, col, rows);
      blocks.push(p.block);
      names.push({ name: defined, sheet: name, ref: p.ref });
    },
    text: (row, col, text) => void blocks.push({ row, col, values: [[text]] }),
    build: () => ({ sheet: { name, role: "input", blocks }, names }),
  };
}

/** Joins hand-built sheets (plus extra names such as named constants) into one workbook spec. */
export function handWorkbook(
  parts: readonly { readonly sheet: SheetSpec; readonly names: readonly NameSpec[] }[],
  extraNames: readonly NameSpec[] = [],
): WorkbookSpec {
  return { sheets: parts.map((p) => p.sheet), names: [...parts.flatMap((p) => p.names), ...extraNames] };
}

/**
 * The `english-reordered` golden fixture (see english-reordered.calc.md): English headers, columns in
 * another order, an ignored "Comment" column, a blank row inside the actor block, blocks away from A1,
 * the discount rate as a named constant, no price index, no target group.
 */
export function englishReorderedSpec(): WorkbookSpec {
  const settings = handSheet("Settings");
  settings.text(0, 0, "SØM golden fixture — English headers, reordered columns");
  settings.scalar("SOM_Indsats", 2, 0, "Intervention", "Housing First pilot");
  settings.scalar("SOM_Startaar", 3, 0, "Start year", 2030);
  settings.scalar("SOM_Tidshorisont", 4, 0, "Horizon", 4);
  settings.scalar("SOM_Prisniveau", 5, 0, "Price level", null);
  settings.scalar("SOM_Driftsperiode", 6, 0, "Operating period", 1);
  settings.block("SOM_Aktoerer", 2, 3, [
    ["Level", "Comment", "Actor"],
    ["Municipality", "employment", "Jobcenter"],
    [null, null, null],
    ["Municipality", "social services", "Socialforvaltning"],
    ["Region", null, "Region"],
  ]);
  settings.block("SOM_Deltagere", 2, 7, [
    ["Participants", "Year"],
    [4, 1],
    [0, 2],
    [null, 3],
    [null, 4],
  ]);

  const outcomes = handSheet("Outcomes");
  outcomes.block("SOM_Effekter", 1, 0, [
    ["Source", "Success rate", "Outcome"],
    ["illustrative", 0.5, "Stable housing"],
  ]);

  const costs = handSheet("Costs");
  costs.block("SOM_Omkostninger", 1, 1, [
    ["Amount", "Actor", "Item", "Kind", "From year", "To year", "Price year"],
    [100000, "Socialforvaltning", "Housing team", "Operating", null, null, null],
    [20000, "Jobcenter", "Job coach start", "Start-up", 2, null, null],
  ]);

  const consequences = handSheet("Consequences");
  consequences.block("SOM_Konsekvenser", 0, 0, [
    ["Outcome", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Service", "Kind", "Unit"],
    ["Stable housing", -10, -5, 0, 0, null, "Shelter", "Expenditure", "nights"],
    ["Stable housing", 0, -1, -1, -1, -1, "Psychiatry", "Expenditure", "contacts"],
    ["Stable housing", 0, 0, -1, -1, null, "Unemployment benefit", "Expenditure", "months"],
  ]);

  const prices = handSheet("Prices");
  prices.block("SOM_Priser", 3, 2, [
    ["Region", "Service", "Socialforvaltning", "Unit", "Jobcenter", "Price year"],
    [0, "Shelter", 1000, "nights", 0, null],
    [5000, "Psychiatry", 0, "contacts", 0, null],
    [0, "Unemployment benefit", 0, "months", 2000, null],
  ]);

  return handWorkbook(
    [settings.build(), outcomes.build(), costs.build(), consequences.build(), prices.build()],
    [{ name: "SOM_Diskonteringsrente", constant: 0.1 }],
  );
}

/**
 * A small valid workbook whose user texts are hostile: actor names `__proto__` and `constructor`, a cost
 * item and a service that look like formulas. One completer, success rate 100 %, H = 2 (see security tests).
 */
export function hostileNamesSpec(
  opts: { readonly actors?: readonly [string, string]; readonly item?: string } = {},
): WorkbookSpec {
  const [a, b] = opts.actors ?? ["__proto__", "constructor"];
  const item = opts.item ?? '=HYPERLINK("x")';
  const s = handSheet("Input");
  s.scalar("SOM_Indsats", 0, 0, "Indsats", "=1+1");
  s.scalar("SOM_Startaar", 1, 0, "Startår", 2025);
  s.scalar("SOM_Tidshorisont", 2, 0, "Tidshorisont", 2);
  s.scalar("SOM_Prisniveau", 3, 0, "Prisniveau", 2025);
  s.scalar("SOM_Diskonteringsrente", 4, 0, "Diskonteringsrente", 0);
  s.scalar("SOM_Driftsperiode", 5, 0, "Driftsperiode", 1);
  s.block("SOM_Aktoerer", 7, 0, [
    ["Aktør", "Niveau"],
    [a, "Kommune"],
    [b, "Stat"],
  ]);
  s.block("SOM_Deltagere", 11, 0, [
    ["År", "Deltagere"],
    [1, 1],
    [2, 0],
  ]);
  s.block("SOM_Effekter", 15, 0, [
    ["Effektmål", "Succesrate"],
    ["toString", 1],
  ]);
  s.block("SOM_Omkostninger", 18, 0, [
    ["Post", "Art", "Aktør", "Beløb"],
    [item, "Opstart", a, 100],
  ]);
  s.block("SOM_Konsekvenser", 21, 0, [
    ["Effektmål", "Ydelse", "Enhed", "Art", "År 1", "År 2"],
    ["toString", "=SUM(A1:A2)", "stk", "Udgift", -1, -1],
  ]);
  s.block("SOM_Priser", 24, 0, [
    ["Ydelse", "Enhed", a, b],
    ["=SUM(A1:A2)", "stk", 30, 70],
  ]);
  return handWorkbook([s.build()]);
}
