/**
 * The task pane's .xlsx knowledge import path (`readKnowledgeXlsx`, loaded on demand by the knowledge panel):
 * bytes of a file written exactly as `som knowledge export --out fil.xlsx` writes it (knowledgeSheetSpec +
 * the exceljs writer) → our safe reader → the read-only port → the knowledge table → validation.
 */
import { writeWorkbookSpec } from "../../src/file/xlsx-writer";
import type { KnowledgeRecord } from "../../src/knowledge/types";
import { PANE_XLSX_LIMITS, readKnowledgeXlsx } from "../../src/taskpane/panels/knowledge/knowledge-xlsx";
import { knowledgeSheetSpec } from "../../src/workbook/layout/knowledge-sheet";
import type { Block, CellValue, SheetSpec } from "../../src/workbook/sheet-model";

const odensePrice: KnowledgeRecord = {
  kind: "price",
  id: "odense_dagtilbud",
  title: "Dagtilbud, Odense",
  service: "Dag i dagtilbud",
  unit: "dag",
  amounts: { Kommune: 1250, Region: 0, Stat: 0 },
  figureKind: "pris",
  inklOverhead: null,
  efterRefusion: null,
  provenance: { source: "Odense Kommunes takstblad 2025", year: 2025, confidence: "H" },
};
const odenseShelter: KnowledgeRecord = {
  kind: "price",
  id: "odense_herberg",
  title: "Herbergsophold, Odense",
  service: "Døgn på herberg",
  unit: "døgn",
  amounts: { Kommune: 512.5, Region: 0, Stat: null },
  figureKind: "takst",
  inklOverhead: false,
  efterRefusion: true,
  provenance: { source: "Odense Kommunes takstblad 2025", year: 2025, confidence: "M" },
  gap: { reason: "Statens andel er ikke opgjort.", where: "Social- og Boligstyrelsen" },
};

/** An exported knowledge file (as `som knowledge export --out x.xlsx`), optionally with one cell changed. */
async function aKnowledgeFile(
  records: readonly KnowledgeRecord[],
  edit?: { readonly record: number; readonly header: string; readonly value: CellValue },
): Promise<Uint8Array> {
  const { sheet, name } = knowledgeSheetSpec({ lang: "da", records });
  let out: SheetSpec = sheet;
  if (edit !== undefined) {
    const header = sheet.blocks.find((b) => b.row === 3)?.values[0] ?? [];
    const col = header.indexOf(edit.header);
    if (col < 0) throw new Error(`no column ${edit.header}`);
    const blocks: Block[] = sheet.blocks.map((b) =>
      b.row !== 4
        ? b
        : {
            ...b,
            values: b.values.map((row, i) =>
              row.map((v, j) => (i === edit.record && j === col ? edit.value : v)),
            ),
          },
    );
    out = { ...sheet, blocks };
  }
  return writeWorkbookSpec({ sheets: [out], names: [name] });
}

describe("importing an .xlsx knowledge file in the task pane", () => {
  it("reads back the records of an exported knowledge file, unknown figures and gaps included", async () => {
    const v = await readKnowledgeXlsx(await aKnowledgeFile([odensePrice, odenseShelter]), "odense.xlsx");
    expect(v.ok && v.value.records).toEqual([odensePrice, odenseShelter]);
  });

  it("names the file, sheet, row and column of a bad amount (header on row 4, so the first record is row 5)", async () => {
    const bytes = await aKnowledgeFile([odensePrice, odenseShelter], {
      record: 1,
      header: "Kommune",
      value: "mange",
    });
    const v = await readKnowledgeXlsx(bytes, "odense.xlsx");
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems).toEqual([
      {
        file: "odense.xlsx › Viden",
        record: "række 6 (odense_herberg)",
        field: "Kommune",
        message: {
          da: '"Kommune" skal være et tal eller "?" (er "mange").',
          en: '"Municipality" must be a number or "?" (is "mange").',
        },
      },
    ]);
  });

  it("treats a formula-looking text as text, never as a formula", async () => {
    const bytes = await aKnowledgeFile([{ ...odensePrice, title: '=HYPERLINK("x")' }]);
    const v = await readKnowledgeXlsx(bytes, "odense.xlsx");
    expect(v.ok && v.value.records[0]?.title).toBe('=HYPERLINK("x")');
  });

  it("refuses a file that is not an .xlsx with a Danish and English message naming the file", async () => {
    const v = await readKnowledgeXlsx(new TextEncoder().encode("not a zip at all"), "priser.xlsx");
    expect(v).toEqual({
      ok: false,
      problems: [
        {
          file: "priser.xlsx",
          record: "",
          field: "",
          message: {
            da: "Filen er ikke en gyldig .xlsx-projektmappe (ikke en zip-fil, eller den er beskadiget).",
            en: "The file is not a valid .xlsx workbook (not a zip file, or it is damaged).",
          },
        },
      ],
    });
  });

  it("refuses a file above the pane's size cap before unzipping it", async () => {
    const bytes = await aKnowledgeFile([odensePrice]);
    const v = await readKnowledgeXlsx(bytes, "odense.xlsx", { ...PANE_XLSX_LIMITS, maxFileBytes: 1000 });
    expect(v.ok ? "" : v.problems[0]?.message.en).toMatch(/^The file is too large \(/);
  });

  it("refuses a file that unpacks to more than the cap (zip bomb) and one with too many cells", async () => {
    const bytes = await aKnowledgeFile([odensePrice]);
    const bomb = await readKnowledgeXlsx(bytes, "bomb.xlsx", {
      ...PANE_XLSX_LIMITS,
      maxUncompressedBytes: 500,
    });
    expect(bomb.ok ? "" : bomb.problems[0]?.message.en).toMatch(/^The file unpacks to more than allowed/);
    const cells = await readKnowledgeXlsx(bytes, "big.xlsx", { ...PANE_XLSX_LIMITS, maxTotalCells: 10 });
    expect(cells.ok ? "" : cells.problems[0]?.message.da).toMatch(/flere end 10 udfyldte celler/);
  });

  it("says how to make a knowledge file when the workbook has no SOM_Viden", async () => {
    const bytes = await writeWorkbookSpec({
      sheets: [{ name: "Ark1", role: "input", blocks: [{ row: 0, col: 0, values: [["hej"]] }] }],
      names: [],
    });
    const v = await readKnowledgeXlsx(bytes, "andet.xlsx");
    expect(v.ok ? "" : v.problems[0]).toMatchObject({
      file: "andet.xlsx",
      message: { da: expect.stringContaining("har ikke navnet SOM_Viden") },
    });
  });
});
