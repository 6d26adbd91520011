import { runnerFor } from "../support/adapter-host";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { OfficeReadError } from "../../src/excel/office-errors";
import { createFakeExcel, fakeWorkbook, type FakeWorkbookSeed } from "../support/fake-excel";
import type { CellValue } from "../../src/workbook/sheet-model";

const allVersions = (): boolean => true;

function setup(seed: FakeWorkbookSeed) {
  const fake = createFakeExcel(fakeWorkbook(seed));
  const wb = new OfficeWorkbook(runnerFor(fake), { isSetSupported: allVersions });
  return { fake, wb };
}

/** A workbook with `n` scalar names on one sheet and one block name of `rows` data rows. */
function workbookWith(n: number, rows: number): FakeWorkbookSeed {
  const scalars: CellValue[][] = Array.from({ length: n }, (_, i) => [`Navn ${i}`, i * 10]);
  const block: CellValue[][] = [
    ["År", "Deltagere"],
    ...Array.from({ length: rows }, (_, i): CellValue[] => [i + 1, 100 + i]),
  ];
  const names: Record<string, string> = { SOM_Deltagere: `=Indsats!$A$1:$B$${rows + 1}` };
  for (let i = 0; i < n - 1; i++)
    names[`SOM_Navn${String.fromCharCode(65 + (i % 26))}${i}`] = `=Indstillinger!$B$${i + 1}`;
  return { sheets: { Indstillinger: scalars, Indsats: block }, names };
}

describe("OfficeWorkbook.readNames", () => {
  it.each([
    [3, 10],
    [30, 10],
    [3, 10_000],
    [30, 10_000],
  ])("uses exactly 2 syncs for %i names and %i rows", async (n, rows) => {
    const seed = workbookWith(n, rows);
    const { fake, wb } = setup(seed);
    const names = Object.keys(seed.names ?? {});
    const out = await wb.readNames(names);
    expect(fake.stats.syncs).toBe(2);
    expect(out.size).toBe(n);
    const block = out.get("som_deltagere");
    expect(block?.kind).toBe("range");
    if (block?.kind !== "range") throw new Error("unreachable");
    expect(block.values).toHaveLength(rows + 1);
    expect(block.values[0]).toEqual(["År", "Deltagere"]);
    expect(block.values[rows]).toEqual([rows, 100 + rows - 1]);
  });

  it("reads a named cell, named constants, and reports missing, multi-area and #REF! names", async () => {
    const { fake, wb } = setup({
      sheets: {
        "Ark 1": [
          ["Indsats", "Mentorforløb"],
          ["Rente", 0.035],
          [null, null],
        ],
      },
      names: {
        SOM_Indsats: "='Ark 1'!$B$1",
        SOM_Diskonteringsrente: "=0.035",
        SOM_Startaar: "=2025",
        SOM_Maalgruppe: '="Unge ""NEET"""',
        SOM_Multi: "='Ark 1'!$A$1,'Ark 1'!$B$2",
        SOM_Ref: "=#REF!$B$2",
      },
    });
    const out = await wb.readNames([
      "SOM_Indsats",
      "som_diskonteringsrente",
      "SOM_Startaar",
      "SOM_Maalgruppe",
      "SOM_Multi",
      "SOM_Ref",
      "SOM_Mangler",
    ]);
    expect(fake.stats.syncs).toBe(2);
    expect(out.get("som_indsats")).toEqual({
      kind: "range",
      name: "SOM_Indsats",
      sheet: "Ark 1",
      row: 0,
      col: 1,
      values: [["Mentorforløb"]],
      below: [0.035], // B2, just below the name: the reading rule about cells outside a block
      right: [null], // C1
    });
    expect(out.get("som_diskonteringsrente")).toEqual({
      kind: "constant",
      name: "SOM_Diskonteringsrente",
      value: 0.035,
    });
    expect(out.get("som_startaar")).toEqual({ kind: "constant", name: "SOM_Startaar", value: 2025 });
    expect(out.get("som_maalgruppe")).toEqual({
      kind: "constant",
      name: "SOM_Maalgruppe",
      value: 'Unge "NEET"',
    });
    expect(out.get("som_multi")).toEqual({
      kind: "unsupported",
      name: "SOM_Multi",
      formula: "='Ark 1'!$A$1,'Ark 1'!$B$2",
    });
    expect(out.get("som_ref")?.kind).toBe("unsupported");
    expect(out.has("som_mangler")).toBe(false);
  });

  it("keeps the range's shape: blank cells are null, including blank edges", async () => {
    const { wb } = setup({
      sheets: {
        Effekt: [
          [null, null, null],
          [null, "Effektmål", "Succesrate"],
          [null, "Job", 0.25],
          [null, null, null],
        ],
      },
      names: { SOM_Effekter: "=Effekt!$A$1:$C$5" },
    });
    const v = (await wb.readNames(["SOM_Effekter"])).get("som_effekter");
    expect(v).toEqual({
      kind: "range",
      name: "SOM_Effekter",
      sheet: "Effekt",
      row: 0,
      col: 0,
      values: [
        [null, null, null],
        [null, "Effektmål", "Succesrate"],
        [null, "Job", 0.25],
        [null, null, null],
        [null, null, null],
      ],
      below: [null, null, null],
      right: [null, null, null, null, null],
    });
  });

  it("reads a whole-column name only down to the last used row", async () => {
    const { fake, wb } = setup({
      sheets: {
        Konsekvenser: [
          ["Effektmål", "Ydelse"],
          ["Job", "Kontanthjælp"],
          ["Job", "Skat"],
        ],
      },
      names: { SOM_Konsekvenser: "=Konsekvenser!$A:$B" },
    });
    const v = (await wb.readNames(["SOM_Konsekvenser"])).get("som_konsekvenser");
    expect(fake.stats.syncs).toBe(2);
    expect(v?.kind === "range" && v.values).toEqual([
      ["Effektmål", "Ydelse"],
      ["Job", "Kontanthjælp"],
      ["Job", "Skat"],
    ]);
  });

  it("remembers where the input ranges are (for the write guard and the change watcher)", async () => {
    const { fake, wb } = setup(workbookWith(3, 5));
    await wb.readNames(["SOM_Deltagere", "SOM_NavnA0"]);
    const id = (name: string): string | undefined => fake.model.sheets.find((s) => s.name === name)?.id;
    expect(wb.inputRanges()).toEqual([
      {
        name: "SOM_Deltagere",
        sheet: "Indsats",
        rect: { row: 0, col: 0, rows: 6, cols: 2 },
        sheetId: id("Indsats"),
      },
      {
        name: "SOM_NavnA0",
        sheet: "Indstillinger",
        rect: { row: 0, col: 1, rows: 1, cols: 1 },
        sheetId: id("Indstillinger"),
      },
    ]);
  });

  it("reads error cells by Range.valueTypes: a Danish Excel's #I/T is the error #N/A, not text (issue 12, item 10)", async () => {
    const { fake, wb } = setup({
      sheets: {
        Indstillinger: [
          ["Tidshorisont", 10],
          ["Aktør", "Kommune"],
          ["Note", "#I/T"],
        ],
      },
      names: {
        SOM_Tidshorisont: "=Indstillinger!$B$1",
        SOM_Aktoer: "=Indstillinger!$B$2",
        SOM_Note: "=Indstillinger!$B$3",
      },
    });
    const sheet = fake.model.sheets.find((s) => s.name === "Indstillinger");
    // what a Danish Excel shows for =NA() and =1/0 in B1 and B2; B3 is the user's text "#I/T"
    sheet?.cells.set(0 * 16384 + 1, { value: "#I/T", error: true, numberFormat: "General" });
    sheet?.cells.set(1 * 16384 + 1, { value: "#DIVISION/0!", error: true, numberFormat: "General" });
    const out = await wb.readNames(["SOM_Tidshorisont", "SOM_Aktoer", "SOM_Note"]);
    const first = (n: string): CellValue | undefined => {
      const v = out.get(n);
      return v?.kind === "range" ? v.values[0]?.[0] : undefined;
    };
    expect(first("som_tidshorisont")).toBe("#N/A");
    expect(first("som_aktoer")).toBe("#DIV/0!");
    expect(first("som_note")).toBe("#I/T"); // text that only looks like an error stays text
  });

  it("wraps Office failures in OfficeReadError with the Office code", async () => {
    const { fake, wb } = setup(workbookWith(3, 5));
    fake.failOn((op) => op.kind === "NamedItem.load", "GeneralException");
    await expect(wb.readNames(["SOM_Deltagere"])).rejects.toMatchObject({
      name: "OfficeReadError",
      code: "GeneralException",
    });
    await expect(wb.readNames(["SOM_Deltagere"])).resolves.toBeDefined();
    expect(new OfficeReadError("X")).toBeInstanceOf(Error);
  });
});

describe("OfficeWorkbook.listSheets and selectCell", () => {
  it("lists sheets in tab order with visibility in one sync", async () => {
    const { fake, wb } = setup({ sheets: { Forside: [["x"]], Indsats: [["y"]] } });
    fake.model.sheets[1]!.visibility = "VeryHidden";
    expect(await wb.listSheets()).toEqual([
      { name: "Forside", visibility: "visible" },
      { name: "Indsats", visibility: "veryHidden" },
    ]);
    expect(fake.stats.syncs).toBe(1);
  });

  it("selects the cell of an input issue", async () => {
    const { fake, wb } = setup({ sheets: { Forside: [["x"]], Effekt: [["y"]] } });
    await wb.selectCell("Effekt", "C7");
    expect(fake.selection).toEqual({ sheet: "Effekt", address: "C7" });
    await expect(wb.selectCell("Findes ikke", "A1")).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
