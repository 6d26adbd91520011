import { MemoryWorkbook, MemoryWorkbookError } from "../../src/workbook/memory-workbook";
import type { WorkbookSpec } from "../../src/workbook/sheet-model";

function settingsBook(): MemoryWorkbook {
  const wb = new MemoryWorkbook().addSheet("Indstillinger");
  wb.setCell("Indstillinger", "A1", "Aktør").setCell("Indstillinger", "B1", "Niveau");
  wb.setCell("Indstillinger", "A2", "Kommune").setCell("Indstillinger", "B2", "Kommune");
  wb.setName({ name: "SOM_Aktoerer", sheet: "Indstillinger", ref: "A1:B3" });
  wb.setName({ name: "SOM_Diskonteringsrente", constant: 0.04 });
  return wb;
}

describe("MemoryWorkbook", () => {
  it("reads a range name as a values grid keyed by the lower-cased name, blanks as null", async () => {
    const named = await settingsBook().readNames(["SOM_AKTOERER", "som_aktoerer"]);
    expect([...named.keys()]).toEqual(["som_aktoerer"]);
    expect(named.get("som_aktoerer")).toEqual({
      kind: "range",
      name: "SOM_Aktoerer",
      sheet: "Indstillinger",
      row: 0,
      col: 0,
      values: [
        ["Aktør", "Niveau"],
        ["Kommune", "Kommune"],
        [null, null],
      ],
      // the cells just outside (row 4 below, column C to the right), for the reading rules
      below: [null, null],
      right: [null, null, null],
    });
  });

  it("reads a named constant as a constant and leaves undefined names out", async () => {
    const named = await settingsBook().readNames(["SOM_Diskonteringsrente", "SOM_Startaar"]);
    expect(named.get("som_diskonteringsrente")).toEqual({
      kind: "constant",
      name: "SOM_Diskonteringsrente",
      value: 0.04,
    });
    expect(named.has("som_startaar")).toBe(false);
  });

  it("reads a name whose sheet was deleted as unsupported", async () => {
    const wb = settingsBook().removeSheet("Indstillinger");
    expect((await wb.readNames(["SOM_Aktoerer"])).get("som_aktoerer")?.kind).toBe("unsupported");
  });

  it("writeSheets replaces a sheet whole, keeps formulas and sets names", async () => {
    const wb = settingsBook().addSheet("Resultater");
    wb.setCell("Resultater", "Z99", "gammelt");
    const spec: WorkbookSpec = {
      sheets: [
        {
          name: "Resultater",
          role: "result",
          blocks: [{ row: 0, col: 0, values: [[1, 2]], formulas: [[null, "=A1*2"]], numberFormat: "#,##0" }],
        },
        {
          name: "_som_meta",
          role: "meta",
          visibility: "hidden",
          blocks: [{ row: 0, col: 0, values: [["x"]] }],
        },
      ],
      names: [{ name: "SOM_Res", sheet: "Resultater", ref: "A1:B1" }],
    };
    await wb.writeSheets(spec);
    expect(wb.getCell("Resultater", "Z99")).toBeNull();
    expect(wb.sheetGrid("Resultater")).toEqual([[1, 2]]);
    expect(wb.getFormula("Resultater", "B1")).toBe("=A1*2");
    expect(wb.getCellInfo("Resultater", "A1")?.numberFormat).toBe("#,##0");
    expect(await wb.listSheets()).toEqual([
      { name: "Indstillinger", visibility: "visible" },
      { name: "Resultater", visibility: "visible" },
      { name: "_som_meta", visibility: "hidden" },
    ]);
    expect((await wb.readNames(["SOM_Res"])).get("som_res")).toMatchObject({
      kind: "range",
      values: [[1, 2]],
    });
    expect(wb.writeSheetsCalls).toBe(1);
  });

  it("writeSheets changes nothing when any part of the spec is invalid", async () => {
    const wb = settingsBook();
    const before = wb.sheetGrid("Indstillinger");
    const bad: WorkbookSpec = {
      sheets: [{ name: "Indstillinger", role: "result", blocks: [{ row: 0, col: 0, values: [["ny"]] }] }],
      names: [{ name: "SOM_X", sheet: "Findes ikke", ref: "A1" }],
    };
    await expect(wb.writeSheets(bad)).rejects.toBeInstanceOf(MemoryWorkbookError);
    expect(wb.sheetGrid("Indstillinger")).toEqual(before);
    expect(wb.nameList()).not.toContain("SOM_X");
  });

  it("writeSheets can be made to fail once, leaving the workbook as it was", async () => {
    const wb = settingsBook();
    wb.failNextWrite = new Error("host failed");
    await expect(
      wb.writeSheets({ sheets: [{ name: "R", role: "result", blocks: [] }], names: [] }),
    ).rejects.toThrow("host failed");
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(["Indstillinger"]);
  });

  it("writeCells writes a block into an existing sheet and defineName extends a block", async () => {
    const wb = settingsBook();
    await wb.writeCells("Indstillinger", 2, 0, [["Staten", "Stat"]]);
    await wb.defineName("SOM_Aktoerer", "Indstillinger", "A1:B4");
    const v = (await wb.readNames(["SOM_Aktoerer"])).get("som_aktoerer");
    expect(v?.kind === "range" ? v.values : undefined).toEqual([
      ["Aktør", "Niveau"],
      ["Kommune", "Kommune"],
      ["Staten", "Stat"],
      [null, null],
    ]);
    await expect(wb.writeCells("Mangler", 0, 0, [[1]])).rejects.toBeInstanceOf(MemoryWorkbookError);
  });

  it("stores text starting with = as text, not as a formula", () => {
    const wb = settingsBook().setCell("Indstillinger", "C1", "=HYPERLINK(1)");
    expect(wb.getCell("Indstillinger", "C1")).toBe("=HYPERLINK(1)");
    expect(wb.getFormula("Indstillinger", "C1")).toBeUndefined();
  });

  it("records the selection", async () => {
    const wb = settingsBook();
    await wb.selectCell("indstillinger", "B2");
    expect(wb.selection).toEqual({ sheet: "Indstillinger", address: "B2" });
    await expect(wb.selectCell("Indstillinger", "not a cell")).rejects.toBeInstanceOf(MemoryWorkbookError);
  });

  it("refuses names Excel would refuse", () => {
    expect(() => new MemoryWorkbook().setName({ name: "A1", constant: 1 })).toThrow(MemoryWorkbookError);
    expect(() => new MemoryWorkbook().setName({ name: "has space", constant: 1 })).toThrow(
      MemoryWorkbookError,
    );
  });
});

describe("MemoryWorkbook whole-column names", () => {
  it("clips a name over whole columns to the used rows", async () => {
    const wb = new MemoryWorkbook().addSheet("S").setCell("S", "A1", "År").setCell("S", "A3", 2025);
    wb.setName({ name: "SOM_Prisindeks", sheet: "S", ref: "A:B" });
    const v = (await wb.readNames(["SOM_Prisindeks"])).get("som_prisindeks");
    expect(v?.kind === "range" ? v.values : undefined).toEqual([["År"], [null], [2025]]);
  });
});
