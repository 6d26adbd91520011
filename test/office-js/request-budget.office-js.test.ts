/**
 * The write's request budget through Microsoft's real Office.js client (RichApi emulator, 5 MB limit of Excel on
 * the web): a sheet of many small styled blocks, merges and row heights — the shape of the Rapport sheet of a
 * large model (45.811 blocks, 6.115 merges, 2.027 row heights), which was estimated by its values alone and sent
 * as one 9 MB request that Excel refuses. Every request the user waits for must stay under the limit, and the
 * sheet must arrive whole: every value, merge and row height.
 */
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import type { Block, SheetSpec } from "../../src/workbook/sheet-model";
import { fakeWorkbook, PAYLOAD_LIMIT_BYTES } from "../support/fake-excel";
import { startRichApiEmulator, type RichApiEmulator } from "../support/richapi-emulator/emulator";

let emu: RichApiEmulator;

beforeAll(async () => {
  emu = await startRichApiEmulator(fakeWorkbook(), { apiVersion: "1.18" });
});
afterAll(async () => {
  await emu.close();
});

const BLOCKS = 8_000;
const MERGES = 3_000;
const HEIGHTS = 3_000;

function reportLikeSheet(): SheetSpec {
  // one-cell blocks with the heaviest style (header: font, fill, wrap, alignment = 5 properties)
  const blocks: Block[] = Array.from({ length: BLOCKS }, (_, i) => ({
    row: i,
    col: 0,
    values: [[`Afsnit ${i}`]],
    style: "header" as const,
  }));
  return {
    name: "Rapportlignende",
    role: "result",
    blocks,
    merges: Array.from({ length: MERGES }, (_, i) => `B${i + 1}:D${i + 1}`),
    rowHeights: Array.from({ length: HEIGHTS }, (_, i) => ({ row: i, height: 30 })),
  };
}

it("splits a sheet of many small styled blocks, merges and row heights into requests under 5 MB, and writes it whole", async () => {
  const wb = new OfficeWorkbook(emu.run, { isSetSupported: (v) => emu.fake.isSetSupported("ExcelApi", v) });
  emu.reset();
  await wb.writeSheets({ sheets: [reportLikeSheet()], names: [] });
  await emu.settle();
  const waited = emu.requests.filter((r) => !r.cleanup);
  expect(waited.filter((r) => r.error !== undefined)).toEqual([]);
  // the values alone are ~0,2 MB; what the client really sends is ~1,4 kB per styled block: > 10 MB in all
  const total = waited.reduce((a, r) => a + r.bytes, 0);
  expect(total).toBeGreaterThan(2 * PAYLOAD_LIMIT_BYTES);
  for (const r of waited) expect(r.bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);

  const sheet = emu.fake.model.sheets.find((s) => s.name === "Rapportlignende");
  expect(sheet).toBeDefined();
  const values = [...(sheet?.cells.values() ?? [])].map((c) => c.value).filter((v) => typeof v === "string");
  expect(values).toHaveLength(BLOCKS);
  expect(new Set(sheet?.merges)).toEqual(new Set(reportLikeSheet().merges));
  expect(sheet?.rowHeights?.size).toBe(HEIGHTS);
  expect(sheet?.rowHeights?.get(HEIGHTS - 1)).toBe(30);
});
