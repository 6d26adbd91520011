/**
 * `OfficeWorkbook` as `InputEditPort` (writeCells, defineName): explicit user edits of input cells, against the
 * fake Excel. Round trips are counted with `fake.stats.syncs`.
 */
import { runnerFor } from "../support/adapter-host";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { OfficeWriteError } from "../../src/excel/office-errors";
import {
  createFakeExcel,
  fakeWorkbook,
  findSheet,
  getCell,
  type FakeWorkbookSeed,
} from "../support/fake-excel";

const SEED: FakeWorkbookSeed = {
  sheets: {
    Omkostninger: [
      ["Post", "Art", "Aktør", "Beløb"],
      ["Mentor", "Drift", "Kommune", 100000],
    ],
    Noter: [["fri tekst"]],
  },
  names: { SOM_Omkostninger: "=Omkostninger!$A$1:$D$2" },
};

function setup(seed: FakeWorkbookSeed = SEED) {
  const fake = createFakeExcel(fakeWorkbook(seed));
  const wb = new OfficeWorkbook(runnerFor(fake), {
    isSetSupported: (v) => fake.isSetSupported("ExcelApi", v),
  });
  return { fake, wb };
}

describe("OfficeWorkbook.writeCells", () => {
  it("writes a whole block with one assignment in 2 syncs, recalculating at the end of the write", async () => {
    const { fake, wb } = setup();
    await wb.writeCells("Omkostninger", 2, 0, [
      ["Uddannelse", "Opstart", "Kommune", 50000],
      ["Bolig", "Pr. deltager", "Stat", 1234.5],
    ]);
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.calcSuspendedSyncs).toBe(0);
    expect(fake.stats.calculations).toBe(1);
    expect(fake.stats.writtenRanges).toEqual([{ sheet: "Omkostninger", address: "A3:D4", cells: 8 }]);
    expect(getCell(fake.model, "Omkostninger", "A3")?.value).toBe("Uddannelse");
    expect(getCell(fake.model, "Omkostninger", "B4")?.value).toBe("Pr. deltager");
    expect(getCell(fake.model, "Omkostninger", "D4")?.value).toBe(1234.5);
    expect(getCell(fake.model, "Omkostninger", "A2")?.value).toBe("Mentor"); // rows around it untouched
  });

  it('writes user text such as "=cmd|\' /C calc\'!A0", "-5", "12" and "TRUE" as text, never as formulas or numbers', async () => {
    const { fake, wb } = setup();
    const texts = ["=cmd|' /C calc'!A0", "-5", "12", "TRUE", "+SUM(A1)", "@A1"];
    await wb.writeCells("Noter", 1, 0, [texts]);
    texts.forEach((t, c) => {
      const cell = findSheet(fake.model, "Noter")?.cells.get(1 * 16384 + c);
      expect(cell?.formula).toBeUndefined();
      expect(cell?.value).toBe(t);
    });
  });

  it("writes text verbatim (no apostrophe) into cells formatted as Text", async () => {
    const { fake, wb } = setup();
    findSheet(fake.model, "Noter")?.cells.set(5 * 16384 + 0, { value: null, numberFormat: "@" });
    await wb.writeCells("Noter", 5, 0, [["=1+1", "=1+1"]]);
    expect(getCell(fake.model, "Noter", "A6")).toMatchObject({ value: "=1+1", numberFormat: "@" });
    expect(getCell(fake.model, "Noter", "A6")?.formula).toBeUndefined();
    expect(getCell(fake.model, "Noter", "B6")?.value).toBe("=1+1");
    expect(getCell(fake.model, "Noter", "B6")?.formula).toBeUndefined();
  });

  it("empties cells for null and keeps numbers and booleans as they are", async () => {
    const { fake, wb } = setup();
    await wb.writeCells("Omkostninger", 1, 2, [[null, 0.25]]);
    await wb.writeCells("Noter", 0, 1, [[true]]);
    expect(getCell(fake.model, "Omkostninger", "C2")?.value ?? null).toBeNull();
    expect(getCell(fake.model, "Omkostninger", "D2")?.value).toBe(0.25);
    expect(getCell(fake.model, "Noter", "B1")?.value).toBe(true);
  });

  it("changes nothing and makes no Office call for a ragged or empty block", async () => {
    const { fake, wb } = setup();
    await expect(wb.writeCells("Noter", 0, 0, [["a", "b"], ["c"]])).rejects.toMatchObject({
      name: "OfficeWriteError",
      code: "InvalidSpec",
      partial: false,
    });
    await expect(wb.writeCells("Noter", 0, 0, [])).rejects.toBeInstanceOf(OfficeWriteError);
    await expect(wb.writeCells("Noter", -1, 0, [["x"]])).rejects.toBeInstanceOf(OfficeWriteError);
    expect(fake.stats.syncs).toBe(0);
  });

  it("reports a missing sheet as ItemNotFound and writes nothing", async () => {
    const { fake, wb } = setup();
    await expect(wb.writeCells("Findes ikke", 0, 0, [["x"]])).rejects.toMatchObject({
      code: "ItemNotFound",
      partial: false,
    });
    expect(fake.stats.writes).toBe(0);
  });

  it("changes nothing while the user is editing a cell", async () => {
    const { fake, wb } = setup();
    fake.setCellEditMode(true);
    await expect(wb.writeCells("Noter", 0, 0, [["ny"]])).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
    expect(getCell(fake.model, "Noter", "A1")?.value).toBe("fri tekst");
  });
});

describe("OfficeWorkbook.defineName", () => {
  it("extends an existing block name to the rows just added, in 2 syncs, and readNames follows it", async () => {
    const { fake, wb } = setup();
    await wb.writeCells("Omkostninger", 2, 0, [["Uddannelse", "Opstart", "Kommune", 50000]]);
    fake.resetStats();
    await wb.defineName("SOM_Omkostninger", "Omkostninger", "A1:D3");
    expect(fake.stats.syncs).toBe(2);
    expect(fake.model.names.get("som_omkostninger")?.formula).toBe("=Omkostninger!$A$1:$D$3");
    const read = await wb.readNames(["SOM_Omkostninger"]);
    const v = read.get("som_omkostninger");
    expect(v?.kind === "range" ? v.values.length : 0).toBe(3);
  });

  it("creates a new name with an absolute reference and quotes sheet names that need it", async () => {
    const { fake, wb } = setup({ sheets: { "Mit ark": [["x"]] } });
    await wb.defineName("SOM_Ny", "Mit ark", "B2:C4");
    expect(fake.model.names.get("som_ny")?.formula).toBe("='Mit ark'!$B$2:$C$4");
  });

  it("refuses an invalid name or reference before any Office call", async () => {
    const { fake, wb } = setup();
    await expect(wb.defineName("A1", "Noter", "A1")).rejects.toMatchObject({ code: "InvalidSpec" });
    await expect(wb.defineName("SOM Navn", "Noter", "A1")).rejects.toMatchObject({ code: "InvalidSpec" });
    await expect(wb.defineName("SOM_X", "Noter", "not a ref")).rejects.toMatchObject({ code: "InvalidSpec" });
    expect(fake.stats.syncs).toBe(0);
  });

  it("reports a reference to a missing sheet as an Office error and leaves the names as they were", async () => {
    const { fake, wb } = setup();
    await expect(wb.defineName("SOM_Omkostninger", "Findes ikke", "A1:D3")).rejects.toBeInstanceOf(
      OfficeWriteError,
    );
    expect(fake.model.names.get("som_omkostninger")?.formula).toBe("=Omkostninger!$A$1:$D$2");
  });
});

describe("OfficeWorkbook.applyEdits (one user action, issue 12 item 3)", () => {
  it("writes several blocks on several sheets and extends a name in 2 syncs, then recalculates", async () => {
    const { fake, wb } = setup();
    await wb.applyEdits(
      [
        { sheet: "Omkostninger", row: 2, col: 0, values: [["Bolig", "Drift", "Stat", 5]] },
        { sheet: "Noter", row: 0, col: 1, values: [["a"], ["b"]] },
      ],
      [{ name: "SOM_Omkostninger", sheet: "Omkostninger", ref: "A1:D3" }],
    );
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.calcSuspendedSyncs).toBe(0);
    expect(fake.stats.calculations).toBe(1);
    expect(fake.stats.writtenRanges).toEqual([
      { sheet: "Omkostninger", address: "A3:D3", cells: 4 },
      { sheet: "Noter", address: "B1:B2", cells: 2 },
    ]);
    expect(fake.model.names.get("som_omkostninger")?.formula).toBe("=Omkostninger!$A$1:$D$3");
  });

  it("a failure in the write request is partial and lists every range and name of the action", async () => {
    const { fake, wb } = setup();
    fake.failOn((op) => op.kind === "Range.values" && op.sheet === "Noter", "GeneralException");
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const err = (await wb
        .applyEdits(
          [
            { sheet: "Omkostninger", row: 2, col: 0, values: [["Bolig", "Drift", "Stat", 5]] },
            { sheet: "Noter", row: 0, col: 1, values: [["a"]] },
          ],
          [{ name: "SOM_Omkostninger", sheet: "Omkostninger", ref: "A1:D3" }],
        )
        .catch((e: unknown) => e)) as OfficeWriteError;
      expect(err).toMatchObject({ code: "GeneralException", partial: true });
      expect(err.targets).toEqual(["Omkostninger!A3:D3", "Noter!B1:B1", "SOM_Omkostninger"]);
      // Excel keeps what ran before the failure: the first block
      expect(getCell(fake.model, "Omkostninger", "A3")?.value).toBe("Bolig");
    } finally {
      spy.mockRestore();
    }
  });
});
