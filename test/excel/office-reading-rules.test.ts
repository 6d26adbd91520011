/**
 * The Office adapter applies the reading rule "filled cells just below or right of a block" (contract v2) like
 * the file reader (issue 13 §1): `readNames` returns the row below and the column to the right of each named
 * range in the same 2 syncs (getRowsBelow/getColumnsAfter), so a 250.000 kr. cost line typed one row under
 * SOM_Omkostninger is the same located warning in the add-in as in `som calculate`.
 */
import { loadScenario } from "../../src/app/load-scenario";
import { createSomSheets } from "../../src/app/create-sheets";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { parseAddress } from "../../src/excel/a1";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA, EXAMPLE_DECISION } from "../../src/workbook/layout/example-data";
import { createFakeExcel, fakeWorkbook, findSheet } from "../support/fake-excel";
import { cellKey } from "../support/fake-excel/model";
import { fillExample } from "../e2e/stub-host/fill-example";
import { evaluateTemplateFormula } from "../e2e/stub-host/template-formulas";

async function example() {
  const fake = createFakeExcel(fakeWorkbook(), { evaluate: evaluateTemplateFormula });
  const wb = new OfficeWorkbook((b) => fake.run(b), {
    isSetSupported: (v) => fake.isSetSupported("ExcelApi", v),
  });
  await createSomSheets(wb, "da");
  fillExample(fake.model, "da");
  return { fake, wb };
}

const located = (
  issues: readonly {
    code: string;
    severity: string;
    location: { name?: string; sheet?: string; cell?: string };
  }[],
) =>
  issues
    .filter((i) => i.code === "cells-outside-block")
    .map((i) => [i.severity, i.location.name, i.location.sheet, i.location.cell]);

describe("cells just outside a block, through the Office adapter", () => {
  it("a cost line typed one row under SOM_Omkostninger: the same warning as the in-memory (file) reader, in 2 syncs", async () => {
    const { fake, wb } = await example();
    const where = parseAddress(fake.model.names.get("som_omkostninger")!.formula.replace(/^=/, ""))!;
    const sheet = findSheet(fake.model, where.sheet)!;
    const below = where.rect.row + where.rect.rows;
    // item, kind, actor, amount — as a user types a line just under the table
    ["Ekstra mentor", "Drift", "Kommune", 250000].forEach((v, i) =>
      sheet.cells.set(cellKey(below, where.rect.col + i), { value: v, numberFormat: "General" }),
    );
    const syncsBefore = fake.stats.syncs;
    const office = await loadScenario(wb);
    expect(fake.stats.syncs - syncsBefore).toBe(2);
    const officeIssues = office.ok ? office.warnings : office.issues;

    // The independent route: the same sheets and names in the in-memory workbook (the file reader's edges).
    const spec = buildTemplateSpec({ lang: "da", data: EXAMPLE_DATA, decision: EXAMPLE_DECISION });
    const mem = MemoryWorkbook.fromSpec(spec);
    const memSheet = spec.sheets.find((s) => s.name.toLowerCase() === where.sheet.toLowerCase())!;
    ["Ekstra mentor", "Drift", "Kommune", 250000].forEach((v, i) =>
      mem.setCell(memSheet.name, `${String.fromCharCode(65 + where.rect.col + i)}${below + 1}`, v),
    );
    const memory = await loadScenario(mem);
    const memIssues = memory.ok ? memory.warnings : memory.issues;

    const cells = `${String.fromCharCode(65 + where.rect.col)}${below + 1}:${String.fromCharCode(65 + where.rect.col + 3)}${below + 1}`;
    expect(located(officeIssues)).toEqual([["warning", "SOM_Omkostninger", where.sheet, cells]]);
    expect(located(officeIssues)).toEqual(located(memIssues));
  });

  it("nothing typed around the blocks: no such warning (and no failed batch at the edges)", async () => {
    const { wb } = await example();
    const r = await loadScenario(wb);
    expect(located(r.ok ? r.warnings : r.issues)).toEqual([]);
  });
});
