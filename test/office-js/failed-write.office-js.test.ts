/**
 * Issue 12, item 3: a write that fails halfway (Excel batches are not transactional) must leave the workbook
 * recoverable. A fault is injected in the RichApi host emulator in the middle of Beregn's write request, through
 * Microsoft's real Office.js client; afterwards the sheets it had already created are still SØM's (the ownership
 * marker on `_som_meta` is written before anything else), every result sheet reads "Forældet" until a run
 * finishes, the error says the workbook was partly updated, and the next Følsomhed and Beregn simply work.
 */
import { calculateWorkbook } from "../../src/app/calculate-workbook";
import { createSomSheets } from "../../src/app/create-sheets";
import { sensitivityWorkbook } from "../../src/app/sensitivity-workbook";
import { insertKnowledge } from "../../src/app/knowledge-insert";
import { starterKnowledge } from "../../src/app/knowledge-library";
import { restoreScenario, saveScenario } from "../../src/app/scenarios";
import { describeError } from "../../src/taskpane/errors";
import { isStale } from "../../src/app/stale";
import { describeOfficeError, OfficeWriteError } from "../../src/excel/office-errors";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { fakeWorkbook, findSheet } from "../support/fake-excel";
import { cellKey } from "../support/fake-excel/model";
import { startRichApiEmulator, type RichApiEmulator } from "../support/richapi-emulator/emulator";
import { fillExample } from "../e2e/stub-host/fill-example";
import { evaluateTemplateFormula } from "../e2e/stub-host/template-formulas";

const NOW = new Date("2026-11-23T12:00:00Z");
const yes = (): Promise<boolean> => Promise.resolve(true);

let emu: RichApiEmulator;
let wb: OfficeWorkbook;
let errorLog: jest.SpyInstance;

beforeEach(async () => {
  emu = await startRichApiEmulator(fakeWorkbook(), { apiVersion: "1.18", evaluate: evaluateTemplateFormula });
  wb = new OfficeWorkbook(emu.run, { isSetSupported: (v) => emu.fake.isSetSupported("ExcelApi", v) });
  await createSomSheets(wb, "da");
  fillExample(emu.fake.model, "da");
  errorLog = jest.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(async () => {
  errorLog.mockRestore();
  await emu.settle();
  await emu.close();
});

const cell = (sheet: string, a1: string): unknown => {
  const s = findSheet(emu.fake.model, sheet);
  const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
  const col = [...(m[1] as string)].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return s?.cells.get(cellKey(Number(m[2]) - 1, col))?.value;
};

/** Fail the `nth` content write on `sheet` (resolved when it runs, so also on a sheet added in the request). */
function failWritingOn(sheet: string, nth = 1): void {
  let seen = 0;
  emu.fake.failOn(
    (op) =>
      (op.kind === "Range.values" || op.kind === "Range.formulas") && op.sheet === sheet && ++seen === nth,
    "GeneralException",
  );
}

describe("a Beregn that fails in the middle of its write", () => {
  it("first run: the sheets it created stay SØM's; Følsomhed and Beregn then work", async () => {
    failWritingOn("Resultater");
    const err = (await calculateWorkbook(wb, { now: NOW, lang: "da" }).catch(
      (e: unknown) => e,
    )) as OfficeWriteError;
    expect(err).toBeInstanceOf(OfficeWriteError);
    expect(err.partial).toBe(true);
    expect(describeOfficeError(err).da).toMatch(/delvist opdateret/);
    // The sheet was added before the failure: it exists, and _som_meta already says it is SØM's
    expect(findSheet(emu.fake.model, "Resultater")).toBeDefined();
    const owned = await wb.readNames(["SOM_Meta_EjedeArk"]);
    const list = owned.get("som_meta_ejedeark");
    expect(list?.kind === "range" ? list.values.flat() : []).toEqual(
      expect.arrayContaining(["Resultater", "_som_meta"]),
    );
    expect(findSheet(emu.fake.model, "_som_meta")?.visibility).toBe("VeryHidden");

    const sens = await sensitivityWorkbook(wb, { now: NOW, lang: "da" });
    expect(sens.ok ? [] : sens.issues.map((i) => i.message.da)).toEqual([]);
    const again = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(again.ok ? [] : again.issues.map((i) => i.message.da)).toEqual([]);
    expect(await isStale(wb)).toEqual({ state: "current", stale: false });
  });

  it("first run stopped right after adding _som_meta (before the claim's list): the VeryHidden sheet is still ours", async () => {
    failWritingOn("_som_meta", 1); // the claim's first cell write
    await expect(calculateWorkbook(wb, { now: NOW, lang: "da" })).rejects.toBeInstanceOf(OfficeWriteError);
    expect(findSheet(emu.fake.model, "_som_meta")?.visibility).toBe("VeryHidden");
    expect(emu.fake.model.names.has("som_meta_ejedeark")).toBe(false);
    const again = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(again.ok ? [] : again.issues.map((i) => i.message.da)).toEqual([]);
  });

  it("a visible sheet named _som_meta that is not SØM's is still refused", async () => {
    emu.fake.model.sheets.push({
      ...emu.fake.model.sheets[0]!,
      name: "_som_meta",
      id: "user-meta",
      cells: new Map(),
    });
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(["sheet-not-owned"]);
  });

  it("repeat run: the old results read Forældet until a run finishes", async () => {
    expect((await calculateWorkbook(wb, { now: NOW, lang: "da" })).ok).toBe(true);
    expect(await isStale(wb)).toEqual({ state: "current", stale: false });
    const fingerprint = cell("_som_meta", "D2");
    expect(String(fingerprint)).toMatch(/^som-/);

    // the failure comes on _som_meta's content, the last sheet of the write (after the claim's two cells):
    // Resultater is already rewritten
    failWritingOn("_som_meta", 3);
    const err = (await calculateWorkbook(wb, { now: NOW, lang: "da" }).catch(
      (e: unknown) => e,
    )) as OfficeWriteError;
    expect(err).toBeInstanceOf(OfficeWriteError);
    expect(err.partial).toBe(true);
    // the meta fingerprint is not the one of a finished run, so every result sheet reads out of date
    expect(cell("_som_meta", "D2")).not.toBe(fingerprint);
    const stale = await isStale(wb);
    expect(stale).toMatchObject({ state: "stale", stale: true, interrupted: true });
    expect(stale.state === "stale" ? stale.outOfDateSheets : []).toEqual(
      expect.arrayContaining(["Resultater", "Budget", "Opfølgningsresultater"]),
    );
    // what a user without the add-in sees: Resultater's status formula is "Aktuel" only when its fingerprint
    // (SOM_Res_Inputaftryk) equals SOM_Meta_Inputaftryk — now the claim's "being written" text
    const read = await wb.readNames(["SOM_Res_Inputaftryk", "SOM_Meta_Inputaftryk"]);
    const res = read.get("som_res_inputaftryk");
    const meta = read.get("som_meta_inputaftryk");
    expect(res?.kind === "range" ? res.values[0]?.[0] : undefined).toBe(fingerprint);
    expect(meta?.kind === "range" ? meta.values[0]?.[0] : undefined).toBe("(skrives – ikke færdig)");

    const again = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(again.ok).toBe(true);
    expect(cell("_som_meta", "D2")).toBe(fingerprint);
    expect(await isStale(wb)).toEqual({ state: "current", stale: false });
  });
});

describe("a chunked write that fails on a later request", () => {
  it("the first request's claim holds: the next Beregn overwrites, nothing reads Aktuel in between", async () => {
    // small requests, so Beregn's write is several requests; the failure comes in a later one
    const chunked = new OfficeWorkbook(emu.run, {
      maxCellsPerRequest: 1500,
      isSetSupported: (v) => emu.fake.isSetSupported("ExcelApi", v),
    });
    emu.reset();
    failWritingOn("_som_meta", 3);
    const err = (await calculateWorkbook(chunked, { now: NOW, lang: "da" }).catch(
      (e: unknown) => e,
    )) as OfficeWriteError;
    expect(err).toBeInstanceOf(OfficeWriteError);
    expect(err.partial).toBe(true);
    const writes = emu.requests.filter((r) => !r.cleanup && r.calls.includes("Values"));
    expect(writes.length).toBeGreaterThan(1);
    expect(writes[writes.length - 1]?.error).toBe("GeneralException");
    expect(writes.slice(0, -1).every((r) => r.error === undefined)).toBe(true);
    expect(await isStale(wb)).toMatchObject({ stale: true, interrupted: true });

    const again = await calculateWorkbook(chunked, { now: NOW, lang: "da" });
    expect(again.ok ? [] : again.issues.map((i) => i.message.da)).toEqual([]);
    expect(await isStale(wb)).toEqual({ state: "current", stale: false });
  });
});

describe("input edits of one user action are one Excel.run", () => {
  it("restoring a scenario: a failure in the write names what may be written; a missing sheet changes nothing", async () => {
    expect((await saveScenario(wb, "Basis", { now: NOW })).ok).toBe(true);
    emu.fake.userEdit("Indstillinger", "B6", 7); // horizon
    emu.fake.userEdit("Omkostninger", "D6", 123); // a cost amount
    emu.reset();
    emu.fake.failOn((op) => op.kind === "Range.values" && op.sheet === "Omkostninger", "GeneralException");
    const err = await restoreScenario(wb, 1, yes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeWriteError);
    const e = err as OfficeWriteError;
    expect(e.partial).toBe(true);
    expect(e.targets.length).toBeGreaterThanOrEqual(2);
    const text = describeOfficeError(e).da;
    expect(text).toMatch(/Excel kan have skrevet en del af ændringen: tjek .*Indstillinger.*Omkostninger/);
    expect(text).not.toMatch(/Intet blev ændret/);
    // one Excel.run: its 2 requests (the read of the plan comes before)
    const writes = emu.requests.filter((r) => !r.cleanup && r.calls.includes("Values"));
    expect(writes).toHaveLength(1);

    // the sheet is gone before the write: the first request fails, nothing is changed
    const before = JSON.stringify([...(findSheet(emu.fake.model, "Indstillinger")?.cells ?? [])]);
    await expect(
      wb.applyEdits(
        [
          { sheet: "Indstillinger", row: 5, col: 1, values: [[9]] },
          { sheet: "Findes ikke", row: 0, col: 0, values: [[1]] },
        ],
        [],
      ),
    ).rejects.toMatchObject({ code: "ItemNotFound", partial: false });
    expect(JSON.stringify([...(findSheet(emu.fake.model, "Indstillinger")?.cells ?? [])])).toBe(before);
  });
});

describe("knowledge insert with the offered index years: one edit", () => {
  it("the index years and the price row are one Excel.run; a failure lists both ranges to check", async () => {
    const price = starterKnowledge().records.find((r) => r.kind === "price");
    expect(price).toBeDefined();
    emu.reset();
    // the price row on Priser fails, after the index years on Indstillinger in the same request
    emu.fake.failOn((op) => op.kind === "Range.values" && op.sheet === "Priser", "GeneralException");
    const err = await insertKnowledge(wb, [price!], { lang: "da", confirm: yes }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeWriteError);
    const e = err as OfficeWriteError;
    expect(e.partial).toBe(true);
    expect(e.targets.some((t) => t.startsWith("Indstillinger!"))).toBe(true);
    expect(e.targets.some((t) => t.startsWith("Priser!"))).toBe(true);
    expect(describeError(err).da).toMatch(
      /Excel kan have skrevet en del af ændringen: tjek Indstillinger!.*Priser!/,
    );
    // one read (2 requests) and one edit (2 requests)
    const sent = emu.requests.filter((r) => !r.cleanup);
    expect(sent.filter((r) => r.calls.includes("Values"))).toHaveLength(1);
    expect(sent.length).toBe(4);
  });
});
