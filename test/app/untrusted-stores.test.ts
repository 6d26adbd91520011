/**
 * The snapshot on `_som_meta` and the scenario store are read from workbooks that arrive by email (issue 13
 * §4): a tampered table must not make the add-in or `compare` run out of memory, throw a RangeError, or
 * send a read of 100 000 names to Excel when a workbook opens.
 */
import { snapshotFromLines } from "../../src/app/compare";
import { isStale, MAX_SNAPSHOT_NAMES } from "../../src/app/stale";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import type { CellValue } from "../../src/workbook/sheet-model";
import { META_SNAPSHOT_TABLE } from "../../src/workbook/render/meta-sheet";
import { MAX_SNAPSHOT_CELLS_PER_NAME, type SnapshotLine } from "../../src/workbook/render/input-snapshot";
import {
  parseScenarioStore,
  renderScenarioStore,
  STORE_LIMITS,
} from "../../src/workbook/render/scenario-store";

/** A workbook whose snapshot table holds `rows`, and a record of every name list read from it. */
function withSnapshot(rows: CellValue[][]): { wb: MemoryWorkbook; asked: number[] } {
  const wb = MemoryWorkbook.fromSpec({
    sheets: [{ name: "_som_meta", role: "meta", blocks: [{ row: 0, col: 0, values: rows }] }],
    names: [{ name: META_SNAPSHOT_TABLE, sheet: "_som_meta", ref: `A1:E${rows.length}` }],
  });
  const asked: number[] = [];
  const read = wb.readNames.bind(wb);
  wb.readNames = (names) => {
    asked.push(names.length);
    return read(names);
  };
  return { wb, asked };
}

describe("the stale check on a tampered snapshot", () => {
  it("100 000 lines with 100 000 distinct names: stale, without asking the host for them", async () => {
    const rows: CellValue[][] = Array.from({ length: 100_000 }, (_, i) => [`SOM_X${i}`, "value", 0, 0, 1]);
    const { wb, asked } = withSnapshot(rows);
    expect(await isStale(wb)).toEqual({ state: "stale", stale: true });
    expect(Math.max(...asked)).toBeLessThanOrEqual(MAX_SNAPSHOT_NAMES + 20);
  });

  it("100 000 lines of one name (in two spellings) ask the host for that one name only", async () => {
    // Every line names SOM_Startaar's absence the same way: the workbook has no such name, so the
    // current snapshot is one "rows = <no range>" line and the stored one has 100 000: stale.
    const rows: CellValue[][] = Array.from({ length: 100_000 }, (_, i) => [
      i % 2 === 0 ? "SOM_Startaar" : "som_startaar",
      "value",
      0,
      0,
      1,
    ]);
    const { wb, asked } = withSnapshot(rows);
    expect(await isStale(wb)).toEqual({ state: "stale", stale: true });
    expect(asked[1]).toBe(1); // one distinct name read back, case-insensitively
  });
});

describe("the compare snapshot's declared shapes", () => {
  it("a declared 5e9-row range is no RangeError: the shape is refused and no cells are held", () => {
    const lines: SnapshotLine[] = [
      { name: "SOM_Priser", part: "rows", row: 0, col: 0, value: 5e9 },
      { name: "SOM_Priser", part: "cols", row: 0, col: 0, value: 4 },
      { name: "SOM_Priser", part: "cell", row: 1, col: 1, value: "x" },
      { name: "SOM_Omkostninger", part: "rows", row: 0, col: 0, value: 1000 },
      { name: "SOM_Omkostninger", part: "cols", row: 0, col: 0, value: 1000 }, // over the per-name cap
      { name: "SOM_Omkostninger", part: "cell", row: 1, col: 1, value: 1 },
      { name: "SOM_Effekter", part: "rows", row: 0, col: 0, value: 2 },
      { name: "SOM_Effekter", part: "cols", row: 0, col: 0, value: 1 },
      { name: "SOM_Effekter", part: "cell", row: 2, col: 1, value: 0.5 },
    ];
    expect(1000 * 1000).toBeGreaterThan(MAX_SNAPSHOT_CELLS_PER_NAME);
    const snap = snapshotFromLines(lines);
    expect(snap.entries).toEqual([
      { kind: "range", name: "SOM_Priser", rows: 0, cols: 4, values: [] },
      { kind: "range", name: "SOM_Omkostninger", rows: 1000, cols: 1000, values: [] },
      { kind: "range", name: "SOM_Effekter", rows: 2, cols: 1, values: [[""], [0.5]] },
    ]);
  });
});

describe("the scenario store's total cap", () => {
  it("50 scenarios declaring 1000 × 1000 cells each hold at most 2 000 000 cells together, with a problem", () => {
    const title = renderScenarioStore([]).sheet.blocks[0]?.values[0]?.[0] ?? null;
    const rows: CellValue[][] = [
      [title, null, null, null, null, null, null, null],
      ["Scenarie", "Post", "Navn", "Felt", "Række", "Kolonne", "Type", "Værdi"],
    ];
    for (let id = 1; id <= 50; id++) {
      rows.push([id, "scenarie", null, "navn", null, null, "s", `S${id}`]);
      rows.push([id, "område", "SOM_Priser", null, 0, 0, "s", "Priser"]);
      rows.push([id, "form", "SOM_Priser", null, 1000, 1000, null, null]);
    }
    const read = parseScenarioStore(rows);
    const held = read.scenarios.flatMap((s) =>
      s.inputs.map((i) => (i.kind === "range" ? i.values.length * (i.values[0]?.length ?? 0) : 0)),
    );
    expect(held.reduce((a, b) => a + b, 0)).toBe(STORE_LIMITS.maxTotalCells);
    expect(held.filter((n) => n > 0)).toHaveLength(2);
    expect(read.problems.some((p) => p.da.includes("over 2.000.000 celler tilsammen"))).toBe(true);
  });
});
