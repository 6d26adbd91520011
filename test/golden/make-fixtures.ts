/**
 * Writes the golden fixture workbooks (run once, commit the .xlsx files):
 *
 *   npx tsx test/golden/make-fixtures.ts
 *
 * - one-actor.xlsx, three-actors.xlsx: the SØM template (Danish) filled with `fixture-data.ts`.
 * - english-reordered.xlsx: laid out by hand (`hand-layout.ts`), English headers, other column order.
 * - bad-inputs.xlsx: one-actor with four cells made wrong (see bad-inputs.expected.json).
 * - per-cohort.xlsx, duration-during.xlsx, kommune-only.xlsx: the v2 model (issue 11) — one-actor's inputs per
 *   cohort; v = 2 with Pr. forløb costs and Under indsats lines; Kun kommune with two Kommune actors.
 *
 * The expected results are NOT produced here: they are derived by hand in the `*.calc.md` files.
 */
import * as path from "node:path";
import { writeWorkbookSpec } from "../../src/file/write-workbook-spec";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import type { CellValue, NameSpec, WorkbookSpec } from "../../src/workbook/sheet-model";
import { DURATION_DURING, KOMMUNE_ONLY, ONE_ACTOR, PER_COHORT, THREE_ACTORS } from "./fixture-data";
import { englishReorderedSpec } from "./hand-layout";

/** Thrown when a patch cannot find its target in the template (the layout changed). */
export class FixturePatchError extends Error {
  override readonly name = "FixturePatchError";
}

const A1 = /^\$?([A-Z]+)\$?(\d+)/;
function topLeft(ref: string): { row: number; col: number } {
  const m = A1.exec(ref.split(":")[0] ?? "");
  if (m === null) throw new FixturePatchError(`Not an A1 reference: ${ref}`);
  const col = [...(m[1] ?? "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

function cellValue(spec: WorkbookSpec, sheet: string, row: number, col: number): CellValue {
  for (const b of spec.sheets.find((s) => s.name === sheet)?.blocks ?? []) {
    const v = b.values[row - b.row]?.[col - b.col];
    if (v !== undefined) return v;
  }
  return null;
}

/** The spec with one cell's value replaced (the cell must lie inside a written block; its formula is dropped). */
export function withCell(
  spec: WorkbookSpec,
  sheet: string,
  row: number,
  col: number,
  value: CellValue,
): WorkbookSpec {
  let done = false;
  const replace = <T>(grid: readonly (readonly T[])[], r: number, c: number, v: T): T[][] =>
    grid.map((line, i) => line.map((x, j) => (i === r && j === c ? v : x)));
  const sheets = spec.sheets.map((s) => {
    if (s.name !== sheet) return s;
    const blocks = s.blocks.map((b) => {
      const r = row - b.row;
      const c = col - b.col;
      if (done || r < 0 || c < 0 || r >= b.values.length || c >= (b.values[r]?.length ?? 0)) return b;
      done = true;
      const values = replace(b.values, r, c, value);
      return b.formulas === undefined
        ? { ...b, values }
        : { ...b, values, formulas: replace<string | null>(b.formulas, r, c, null) };
    });
    return { ...s, blocks };
  });
  if (!done) throw new FixturePatchError(`No block covers ${sheet} row ${row} col ${col}`);
  return { ...spec, sheets };
}

function rangeName(spec: WorkbookSpec, name: string): { sheet: string; row: number; col: number } {
  const n = spec.names.find((x: NameSpec) => x.name === name);
  if (n === undefined || !("sheet" in n)) throw new FixturePatchError(`No range name ${name}`);
  return { sheet: n.sheet, ...topLeft(n.ref) };
}

/** Patches a scalar name's cell. */
export function patchScalar(spec: WorkbookSpec, name: string, value: CellValue): WorkbookSpec {
  const at = rangeName(spec, name);
  return withCell(spec, at.sheet, at.row, at.col, value);
}

/** Patches data row `dataRow` (0 = first row under the header) of a block name, in the column headed `header`. */
export function patchBlock(
  spec: WorkbookSpec,
  name: string,
  dataRow: number,
  header: string,
  value: CellValue,
): WorkbookSpec {
  const at = rangeName(spec, name);
  for (let c = at.col; c < at.col + 60; c++) {
    if (cellValue(spec, at.sheet, at.row, c) === header)
      return withCell(spec, at.sheet, at.row + 1 + dataRow, c, value);
  }
  throw new FixturePatchError(`No column "${header}" in ${name}`);
}

/** one-actor with four wrong cells; bad-inputs.expected.json lists the issues they must give. */
export function badInputsSpec(): WorkbookSpec {
  let spec = buildTemplateSpec({ lang: "da", data: ONE_ACTOR });
  spec = patchScalar(spec, "SOM_Tidshorisont", 40); // horizon out of 1–30
  spec = patchBlock(spec, "SOM_Effekter", 0, "Succesrate", 25); // 25 typed for 25 % → error, never ÷ 100
  spec = patchBlock(spec, "SOM_Omkostninger", 0, "Beløb", "1.500"); // number-looking text
  spec = patchBlock(spec, "SOM_Omkostninger", 1, "Aktør", "Kommunen"); // not an actor
  return spec;
}

async function main(): Promise<void> {
  const dir = __dirname;
  const files: [string, WorkbookSpec][] = [
    ["one-actor.xlsx", buildTemplateSpec({ lang: "da", data: ONE_ACTOR })],
    ["three-actors.xlsx", buildTemplateSpec({ lang: "da", data: THREE_ACTORS })],
    ["english-reordered.xlsx", englishReorderedSpec()],
    ["bad-inputs.xlsx", badInputsSpec()],
    ["per-cohort.xlsx", buildTemplateSpec({ lang: "da", data: PER_COHORT })],
    ["duration-during.xlsx", buildTemplateSpec({ lang: "da", data: DURATION_DURING })],
    ["kommune-only.xlsx", buildTemplateSpec({ lang: "da", data: KOMMUNE_ONLY })],
  ];
  for (const [file, spec] of files) {
    await writeWorkbookSpec(spec, path.join(dir, file));
    process.stdout.write(`wrote ${path.join(dir, file)}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
