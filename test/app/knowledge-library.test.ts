import {
  KnowledgeSheetConflictError,
  knowledgeEntries,
  readWorkbookKnowledge,
  saveToKnowledgeSheet,
  starterKnowledge,
} from "../../src/app/knowledge-library";
import type { PriceRecord } from "../../src/knowledge/types";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { KNOWLEDGE_BLANK_ROWS, KNOWLEDGE_NAME } from "../../src/workbook/layout/knowledge-sheet";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";

const aPrice = (over: Partial<PriceRecord> = {}): PriceRecord => ({
  kind: "price",
  id: "odense_dagtilbud",
  title: "Dagtilbud, Odense",
  service: "Dag i dagtilbud",
  unit: "dag",
  amounts: { Kommune: 1250, Region: 0, Stat: 0 },
  figureKind: "pris",
  inklOverhead: null,
  efterRefusion: null,
  provenance: { source: "Odense Kommunes takstblad 2024", year: 2024, confidence: "H" },
  ...over,
});

const yes = (): Promise<boolean> => Promise.resolve(true);
const no = (): Promise<boolean> => Promise.resolve(false);

describe("the workbook's own knowledge sheet", () => {
  it("is absent until something is saved", async () => {
    expect(await readWorkbookKnowledge(new MemoryWorkbook())).toEqual({ status: "absent" });
  });

  it("is created with SOM_Viden on first save and reads back the same records", async () => {
    const wb = new MemoryWorkbook();
    const report = await saveToKnowledgeSheet(wb, [aPrice(), ...starterKnowledge().records.slice(0, 3)], {
      lang: "da",
      confirm: no,
    });
    expect(report).toEqual({ written: 4, sheet: "Viden", created: true, skipped: [] });
    // Header on row 4, 4 records and the blank input rows below them.
    expect(wb.nameTarget(KNOWLEDGE_NAME)).toEqual({
      sheet: "Viden",
      ref: `A4:BE${4 + 4 + KNOWLEDGE_BLANK_ROWS}`,
    });
    const back = await readWorkbookKnowledge(wb);
    expect(back.status === "ok" && back.knowledge.records).toEqual([
      aPrice(),
      ...starterKnowledge().records.slice(0, 3),
    ]);
  });

  it("never overwrites a sheet called Viden that is not the knowledge sheet", async () => {
    const wb = new MemoryWorkbook().addSheet("Viden").setCell("Viden", "A1", "mine noter");
    await expect(saveToKnowledgeSheet(wb, [aPrice()], { lang: "da", confirm: yes })).rejects.toBeInstanceOf(
      KnowledgeSheetConflictError,
    );
    expect(wb.sheetGrid("Viden")).toEqual([["mine noter"]]);
  });

  it("asks before overwriting a record with the same id, and keeps it on no", async () => {
    const wb = new MemoryWorkbook();
    await saveToKnowledgeSheet(wb, [aPrice()], { lang: "da", confirm: no });
    const questions: string[] = [];
    const report = await saveToKnowledgeSheet(
      wb,
      [aPrice({ amounts: { Kommune: 1400, Region: 0, Stat: 0 } })],
      {
        lang: "da",
        confirm: (q) => {
          questions.push(q.da);
          return Promise.resolve(false);
        },
      },
    );
    expect(questions).toEqual([
      "Posterne odense_dagtilbud findes allerede i arket og bliver overskrevet. Fortsæt?",
    ]);
    expect(report.written).toBe(0);
    const back = await readWorkbookKnowledge(wb);
    expect(
      back.status === "ok" &&
        back.knowledge.records[0]?.kind === "price" &&
        back.knowledge.records[0].amounts.Kommune,
    ).toBe(1250);
  });

  it("overwrites the same id after yes, and appends below a full block, extending the name", async () => {
    const wb = new MemoryWorkbook();
    await saveToKnowledgeSheet(wb, [aPrice()], { lang: "da", confirm: no });
    // Shrink the block to header + the one record, so the next new record must be appended.
    wb.setName({ name: KNOWLEDGE_NAME, sheet: "Viden", ref: "A4:AX5" });
    const report = await saveToKnowledgeSheet(
      wb,
      [aPrice({ amounts: { Kommune: 1400, Region: 0, Stat: 0 } }), aPrice({ id: "ny_pris", service: "Ny" })],
      {
        lang: "da",
        confirm: yes,
      },
    );
    expect(report.written).toBe(2);
    expect(wb.nameTarget(KNOWLEDGE_NAME)).toEqual({ sheet: "Viden", ref: "A4:AX6" });
    const back = await readWorkbookKnowledge(wb);
    if (back.status !== "ok") throw new Error(JSON.stringify(back));
    expect(
      back.knowledge.records.map((r) => (r.kind === "price" ? `${r.id}:${r.amounts.Kommune}` : r.id)),
    ).toEqual(["odense_dagtilbud:1400", "ny_pris:1250"]);
  });

  it("reports a broken record with sheet, row and column", async () => {
    const wb = new MemoryWorkbook();
    await saveToKnowledgeSheet(wb, [aPrice()], { lang: "da", confirm: no });
    wb.setCell("Viden", "AF5", "ukendt"); // column AF = Sikkerhed (confidence) of the first record
    const back = await readWorkbookKnowledge(wb);
    expect(back.status).toBe("invalid");
    if (back.status === "invalid")
      expect(back.problems.map((p) => `${p.file} ${p.record} ${p.field}`)).toEqual([
        "Viden række 5 (odense_dagtilbud) Sikkerhed",
      ]);
  });
});

describe("browsing several sources together", () => {
  it("lists starter records first, then the workbook's, each with its origin", () => {
    const entries = knowledgeEntries([
      { origin: { kind: "starter" }, knowledge: starterKnowledge() },
      {
        origin: { kind: "workbook", sheet: "Viden" },
        knowledge: { formatVersion: 1, name: "Viden", records: [aPrice()] },
      },
    ]);
    expect(entries.length).toBe(starterKnowledge().records.length + 1);
    expect(entries[entries.length - 1]).toEqual({
      record: aPrice(),
      origin: { kind: "workbook", sheet: "Viden" },
    });
  });
});

describe("the SØM template's knowledge sheet", () => {
  it("is there, empty, and takes own records into its blank rows without asking", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da"));
    expect(await readWorkbookKnowledge(wb)).toEqual({
      status: "ok",
      sheet: "Viden",
      knowledge: { formatVersion: 1, name: "Viden", records: [] },
    });
    const asked: unknown[] = [];
    const report = await saveToKnowledgeSheet(wb, [aPrice()], {
      lang: "da",
      confirm: (q) => (asked.push(q), Promise.resolve(false)),
    });
    expect(report).toEqual({ written: 1, sheet: "Viden", created: false, skipped: [] });
    expect(asked).toEqual([]);
    const back = await readWorkbookKnowledge(wb);
    expect(back.status === "ok" && back.knowledge.records).toEqual([aPrice()]);
  });
});
