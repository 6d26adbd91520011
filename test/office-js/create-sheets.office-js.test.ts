/**
 * Issue 12, item 2, through Microsoft's real Office.js client against the RichApi host emulator: "Opret SØM-ark"
 * defines the names right after adding the sheets, before content, drop-downs, formats and charts, so a failure
 * later in the write leaves sheets that have their names; and a second click repairs template names that are
 * missing on its own sheets (without touching their cells).
 */
import { createSomSheets } from "../../src/app/create-sheets";
import { OfficeWriteError } from "../../src/excel/office-errors";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { N } from "../../src/workbook/names";
import { fakeWorkbook } from "../support/fake-excel";
import { startRichApiEmulator, type RichApiEmulator } from "../support/richapi-emulator/emulator";

const TEMPLATE = buildTemplateSpec("da");
const refNames = TEMPLATE.names.filter((n) => "sheet" in n).map((n) => n.name.toLowerCase());

let emu: RichApiEmulator;
let wb: OfficeWorkbook;
let errorLog: jest.SpyInstance;

beforeEach(async () => {
  emu = await startRichApiEmulator(fakeWorkbook(), { apiVersion: "1.18" });
  wb = new OfficeWorkbook(emu.run, { isSetSupported: (v) => emu.fake.isSetSupported("ExcelApi", v) });
  errorLog = jest.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(async () => {
  errorLog.mockRestore();
  await emu.settle();
  await emu.close();
});

it("a failure on a drop-down leaves the new sheets with every template name", async () => {
  emu.fake.failOn((op) => op.kind === "DataValidation.rule", "GeneralException");
  const err = await createSomSheets(wb, "da").catch((e: unknown) => e);
  expect(err).toBeInstanceOf(OfficeWriteError);
  expect((err as OfficeWriteError).partial).toBe(true);
  expect(emu.fake.model.sheets.map((s) => s.name)).toEqual(["Ark1", ...TEMPLATE.sheets.map((s) => s.name)]);
  expect([...emu.fake.model.names.keys()].filter((k) => refNames.includes(k)).sort()).toEqual(
    [...refNames].sort(),
  );
});

it("a second click defines the template names missing on its own sheets, and changes no cell", async () => {
  await createSomSheets(wb, "da");
  const before = emu.fake.model.names.get(N.costs.toLowerCase())?.formula;
  emu.fake.model.names.delete(N.costs.toLowerCase());
  emu.fake.model.names.delete(N.startYear.toLowerCase());
  emu.fake.resetStats();
  const again = await createSomSheets(wb, "da");
  expect(again.created).toEqual([]);
  expect([...(again.repairedNames ?? [])].sort()).toEqual([N.costs, N.startYear].sort());
  expect(emu.fake.model.names.get(N.costs.toLowerCase())?.formula).toBe(before);
  expect(emu.fake.stats.writtenRanges).toEqual([]);
  // nothing missing any more: the third click changes nothing
  emu.fake.resetStats();
  expect(await createSomSheets(wb, "da")).toEqual({
    created: [],
    skipped: TEMPLATE.sheets.map((s) => s.name),
  });
  expect(emu.fake.stats.ops.filter((o) => !o.endsWith(".load") && !o.endsWith(".resolve"))).toEqual([]);
});
