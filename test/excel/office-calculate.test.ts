/**
 * The add-in's whole round trip through the Office.js adapter and the fake Excel: "Opret SØM-ark"
 * (createSomSheets), the user filling in the example, "Beregn" (calculateWorkbook) — sync counts, input cells
 * never written, repeat runs, and the watcher seeing edits of the contract inputs.
 */
import { calculateWorkbook } from "../../src/app/calculate-workbook";
import { createSomSheets } from "../../src/app/create-sheets";
import { isStale } from "../../src/app/stale";
import { cellA1, overlaps, parseAddress, parseRect } from "../../src/excel/a1";
import { watchInputChanges } from "../../src/excel/change-watcher";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { INPUT_NAMES, N } from "../../src/workbook/names";
import { createFakeExcel, fakeWorkbook, findSheet } from "../support/fake-excel";
import { fillExample } from "../e2e/stub-host/fill-example";
import { evaluateTemplateFormula } from "../e2e/stub-host/template-formulas";

const NOW = new Date("2026-11-23T12:00:00Z");
const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function exampleWorkbook() {
  // the template's formulas (success rates) evaluated as Excel would: the write's recalculation keeps them
  const fake = createFakeExcel(fakeWorkbook(), { evaluate: evaluateTemplateFormula });
  const wb = new OfficeWorkbook((b) => fake.run(b), {
    isSetSupported: (v) => fake.isSetSupported("ExcelApi", v),
  });
  await createSomSheets(wb, "da");
  fillExample(fake.model, "da");
  return { fake, wb };
}

/** Where the contract's input names point in the fake workbook. */
function inputRects(fake: ReturnType<typeof createFakeExcel>) {
  return INPUT_NAMES.flatMap((n) => {
    const f = fake.model.names.get(n.toLowerCase())?.formula;
    const a = f ? parseAddress(f.replace(/^=/, "")) : undefined;
    return a ? [{ name: n, sheet: a.sheet, rect: a.rect }] : [];
  });
}

/** Every cell inside an input range: typed value (formula cells: the formula; their value is recalculated). */
function inputCells(
  fake: ReturnType<typeof createFakeExcel>,
  inputs: ReturnType<typeof inputRects>,
): string[] {
  const out: string[] = [];
  for (const i of inputs) {
    const sheet = findSheet(fake.model, i.sheet);
    for (let r = i.rect.row; r < i.rect.row + i.rect.rows; r++)
      for (let c = i.rect.col; c < i.rect.col + i.rect.cols; c++) {
        const cell = sheet?.cells.get(r * 16384 + c);
        if (cell)
          out.push(
            `${i.sheet}!${cellA1(r, c)}=${cell.formula ?? JSON.stringify(cell.value)}|${cell.numberFormat}`,
          );
      }
  }
  return out;
}

describe("calculating through OfficeWorkbook", () => {
  it("reads every input name in 2 syncs, whatever the number of names", async () => {
    const { fake, wb } = await exampleWorkbook();
    fake.resetStats();
    const read = await wb.readNames(INPUT_NAMES);
    expect(fake.stats.syncs).toBe(2);
    expect(read.size).toBeGreaterThanOrEqual(15);
  });

  it("writes results in a fixed number of syncs and never writes a cell of an input range", async () => {
    const { fake, wb } = await exampleWorkbook();
    const inputs = inputRects(fake);
    expect(inputs.length).toBeGreaterThanOrEqual(15);
    const before = inputCells(fake, inputs);
    fake.resetStats();
    const out = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(out.ok).toBe(true);
    // the result write itself: 2 preflight syncs + 1 write sync (see office-workbook.ts)
    expect(wb.lastWrite()).toMatchObject({ syncs: 3, writeRequests: 1 });
    // one read for the whole run (2) + the write (3; the first run's 2nd preflight is empty, so not sent)
    expect(fake.stats.syncs).toBe(4);
    const total = fake.stats.syncs;
    for (const w of fake.stats.writtenRanges) {
      const rect = parseRect(w.address);
      expect(rect).toBeDefined();
      const hit = inputs.find(
        (i) => i.sheet.toLowerCase() === w.sheet.toLowerCase() && overlaps(i.rect, rect!),
      );
      expect(hit ? `${hit.name} ← ${w.sheet}!${w.address}` : "").toBe("");
    }
    expect(inputCells(fake, inputs)).toEqual(before);
    // issue 12, item 7: _som_meta is VeryHidden (not offered under Unhide), as documented
    expect(findSheet(fake.model, "_som_meta")?.visibility).toBe("VeryHidden");

    // a second run (results and _som_meta now exist) costs the same number of round trips
    fake.resetStats();
    const again = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(again.ok).toBe(true);
    // a repeat run: the 2nd preflight asks for protection and old charts of the sheets it replaces (issue 12: ≤ 5)
    expect(fake.stats.syncs).toBe(5);
    console.log(
      `[sync count] calculateWorkbook via OfficeWorkbook: ${total} syncs (result write ${wb.lastWrite()?.syncs})`,
    );
  });

  it("keeps guarding input sheets after reading meta names (repeat runs are not refused)", async () => {
    const { fake, wb } = await exampleWorkbook();
    expect((await calculateWorkbook(wb, { now: NOW, lang: "da" })).ok).toBe(true);
    await wb.readNames(["SOM_Meta_EjedeArk"]); // the last read is now a meta name only
    const input = findSheet(fake.model, "Indstillinger")!;
    await expect(
      wb.writeSheets({
        sheets: [{ name: input.name, role: "result", blocks: [{ row: 0, col: 0, values: [["x"]] }] }],
        names: [],
      }),
    ).rejects.toMatchObject({ code: "InputOverwrite" });
    expect((await calculateWorkbook(wb, { now: NOW, lang: "da" })).ok).toBe(true);
  });

  it("is stale after the user edits an input, and the change watcher reports the edit of a contract input", async () => {
    const { fake, wb } = await exampleWorkbook();
    await calculateWorkbook(wb, { now: NOW, lang: "da" });
    await wb.readNames(["SOM_Meta_EjedeArk"]);
    const seen: string[][] = [];
    const watcher = await watchInputChanges({
      run: (b) => fake.run(b),
      inputRanges: () => wb.contractInputRanges(),
      onChange: (c) => seen.push(c.flatMap((x) => x.names)),
      debounceMs: 10,
      isSetSupported: (v) => fake.isSetSupported("ExcelApi", v),
    });
    expect(await isStale(wb)).toMatchObject({ stale: false });
    const at = parseAddress(fake.model.names.get(N.horizon.toLowerCase())!.formula.slice(1))!;
    fake.userEdit(at.sheet, cellA1(at.rect.row, at.rect.col), 12);
    for (let i = 0; i < 200 && seen.length === 0; i++) await tick(10); // the debounced callback, even under load
    expect(seen).toEqual([[N.horizon]]);
    expect(await isStale(wb)).toMatchObject({ stale: true });
    await watcher.stop();
  });
});
