/**
 * The task pane's checkbox «Levende resultater» (som-method.md §12): reading and setting SOM_LevendeResultater
 * writes only the option's cell, in the cell's language, and Beregn follows the option afterwards.
 */
import { calculateWorkbook } from "../../src/app/calculate-workbook";
import { readLiveOption, setLiveOption } from "../../src/app/live-option";
import { cellA1 } from "../../src/workbook/a1";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA } from "../../src/workbook/layout/example-data";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { LIVE_OPTION_NAME } from "../../src/workbook/names";
import type { CellValue, WorkbookSpec } from "../../src/workbook/sheet-model";

const NOW = new Date("2026-01-02T03:04:05Z");

/** Every sheet's values, to prove that only the option's cell changed. */
function grids(wb: MemoryWorkbook, spec: WorkbookSpec): Map<string, CellValue[][]> {
  return new Map(spec.sheets.map((s) => [s.name, wb.sheetGrid(s.name)]));
}

function changedCells(before: Map<string, CellValue[][]>, after: Map<string, CellValue[][]>): string[] {
  const out: string[] = [];
  for (const [sheet, a] of after) {
    const b = before.get(sheet) ?? [];
    const rows = Math.max(a.length, b.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0);
      for (let c = 0; c < cols; c++)
        if ((a[r]?.[c] ?? null) !== (b[r]?.[c] ?? null)) out.push(`${sheet}!${cellA1(r, c)}=${a[r]?.[c]}`);
    }
  }
  return out;
}

describe("the option «Levende resultater» from the task pane", () => {
  it("reads Ja in a new Danish workbook and writes Nej, then Ja, into the option's cell and nowhere else", async () => {
    const spec = buildTemplateSpec("da", EXAMPLE_DATA);
    const wb = MemoryWorkbook.fromSpec(spec);
    const state = await readLiveOption(wb);
    expect(state.present).toBe(true);
    if (!state.present) return;
    expect(state.on).toBe(true);
    expect(state.labelLang).toBe("da");
    const at = `${state.sheet}!${cellA1(state.row, state.col)}`;

    const before = grids(wb, spec);
    expect(await setLiveOption(wb, false)).toMatchObject({ present: true, on: false });
    expect(changedCells(before, grids(wb, spec))).toEqual([`${at}=Nej`]);
    expect((await readLiveOption(wb)).on).toBe(false);

    // Beregn follows the cell: no live sheets now.
    const off = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(off.ok && off.written.sheets.map((s) => s.name).filter((n) => n.startsWith("Levende"))).toEqual(
      [],
    );

    const mid = grids(wb, spec);
    expect(await setLiveOption(wb, true)).toMatchObject({ present: true, on: true });
    expect(changedCells(mid, grids(wb, spec))).toEqual([`${at}=Ja`]);
    const on = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(on.ok && on.written.sheets.some((s) => s.name === "Levende resultater")).toBe(true);
  });

  it("writes No/Yes in an English workbook (the drop-down's labels) and nothing when the value is already set", async () => {
    const spec = buildTemplateSpec("en", EXAMPLE_DATA);
    const wb = MemoryWorkbook.fromSpec(spec);
    const state = await readLiveOption(wb);
    if (!state.present) throw new Error("no option");
    expect(state.labelLang).toBe("en");
    const at = `${state.sheet}!${cellA1(state.row, state.col)}`;
    const before = grids(wb, spec);
    await setLiveOption(wb, true); // already Yes
    expect(changedCells(before, grids(wb, spec))).toEqual([]);
    await setLiveOption(wb, false);
    expect(changedCells(before, grids(wb, spec))).toEqual([`${at}=No`]);
  });

  it("a workbook without the name: off, and setting it writes nothing", async () => {
    const full = buildTemplateSpec("da", EXAMPLE_DATA);
    const spec = { ...full, names: full.names.filter((n) => n.name !== LIVE_OPTION_NAME) };
    const wb = MemoryWorkbook.fromSpec(spec);
    expect(await readLiveOption(wb)).toEqual({ present: false, on: false });
    const before = grids(wb, spec);
    expect(await setLiveOption(wb, true)).toEqual({ present: false, on: false });
    expect(changedCells(before, grids(wb, spec))).toEqual([]);
    // The pane then passes its choice to Beregn explicitly.
    const live = await calculateWorkbook(wb, { now: NOW, lang: "da", live: true });
    expect(live.ok && live.written.sheets.some((s) => s.name === "Levende resultater")).toBe(true);
  });
});
