/**
 * `FileWorkbook` (the `WorkbookPort` over an .xlsx file): names read in one go, keyed by lower-cased name,
 * range values as 2-D arrays with null for empty cells; sheets with visibility; writeSheets recorded and
 * saved as a new file.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FileReadError } from "../../src/file/file-read-error";
import { FileWorkbook } from "../../src/file/file-workbook";
import { addSheetsToExistingFile } from "../../src/file/add-sheets-to-existing-file";
import { writeWorkbookSpec } from "../../src/file/write-workbook-spec";
import { readXlsx } from "../../src/file/xlsx-reader";
import { featureSpec, rawWorkbook } from "./xlsx-test-kit";

let dir: string;
let file: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-file-workbook-"));
  file = path.join(dir, "features.xlsx");
  await writeWorkbookSpec(featureSpec(), file);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("FileWorkbook", () => {
  it("reads the names asked for, case-insensitively, keyed by lower-case; unknown names are absent", async () => {
    const wb = await FileWorkbook.open(file);
    const got = await wb.readNames([
      "SOM_AKTOERER",
      "som_startaar",
      "SOM_Diskonteringsrente",
      "SOM_Kommune",
      "SOM_Findes_Ikke",
    ]);
    expect([...got.keys()]).toEqual([
      "som_aktoerer",
      "som_startaar",
      "som_diskonteringsrente",
      "som_kommune",
    ]);
    expect(got.get("som_aktoerer")).toMatchObject({
      kind: "range",
      name: "SOM_Aktoerer",
      sheet: "Indstillinger",
      row: 12,
      col: 0,
      values: [
        ["Aktør", "Niveau"],
        ["Kommune", "Kommune"],
        ["Staten", "Stat"],
      ],
    });
    expect(got.get("som_startaar")).toMatchObject({
      kind: "range",
      name: "SOM_Startaar",
      sheet: "Indstillinger",
      row: 3,
      col: 1,
      values: [[2025]],
    });
    expect(got.get("som_diskonteringsrente")).toEqual({
      kind: "constant",
      name: "SOM_Diskonteringsrente",
      value: 0.035,
    });
    expect(got.get("som_kommune")).toEqual({
      kind: "constant",
      name: "SOM_Kommune",
      value: 'Kommune "Nord"',
    });
  });

  it("gives null for empty cells and the cached value of formula cells", async () => {
    const bytes = rawWorkbook(
      [
        {
          name: "Ark 1",
          sheetData: `<row r="1"><c r="A1"><v>1</v></c><c r="C1"><f>A1*2</f><v>2</v></c></row><row r="3"><c r="B3"><v>7</v></c></row>`,
        },
      ],
      {
        definedNames: `<definedName name="Blok">'Ark 1'!$A$1:$C$2</definedName><definedName name="Multi">'Ark 1'!$A$1,'Ark 1'!$C$1</definedName>`,
      },
    );
    const got = await FileWorkbook.fromBytes(bytes).readNames(["Blok", "Multi"]);
    expect(got.get("blok")).toEqual({
      kind: "range",
      name: "Blok",
      sheet: "Ark 1",
      row: 0,
      col: 0,
      values: [
        [1, null, 2],
        [null, null, null],
      ],
      below: [null, 7, null], // row 3, just under the name: for the "cells just outside" reading rule
      right: [null, null],
    });
    expect(got.get("multi")).toEqual({
      kind: "unsupported",
      name: "Multi",
      formula: "'Ark 1'!$A$1,'Ark 1'!$C$1",
    });
  });

  it("lists formula cells without a stored value (written by tools that do not calculate) as unvalued", async () => {
    const bytes = rawWorkbook(
      [
        {
          name: "Ark1",
          sheetData: `<row r="1"><c r="A1"><f>1+1</f></c><c r="B1"><v>5</v></c><c r="C1" t="str"><f>""</f><v></v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/></c></row>`,
        },
      ],
      { definedNames: `<definedName name="Blok">Ark1!$A$1:$C$2</definedName>` },
    );
    const got = (await FileWorkbook.fromBytes(bytes).readNames(["Blok"])).get("blok");
    expect(got?.kind === "range" ? got.unvalued : undefined).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it("clips a whole-column name to the rows that hold data", async () => {
    const bytes = rawWorkbook(
      [
        {
          name: "Data",
          sheetData: `<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="B3"><v>3</v></c></row>`,
        },
      ],
      {
        definedNames: `<definedName name="Kolonner">Data!$A:$B</definedName>`,
      },
    );
    const got = await FileWorkbook.fromBytes(bytes).readNames(["Kolonner"]);
    expect(got.get("kolonner")).toEqual({
      kind: "range",
      name: "Kolonner",
      sheet: "Data",
      row: 0,
      col: 0,
      values: [
        [1, null],
        [null, null],
        [null, 3],
      ],
      wholeColumns: true,
    });
  });

  it("lists the sheets in tab order with their visibility", async () => {
    const wb = await FileWorkbook.open(file);
    expect(await wb.listSheets()).toEqual([
      { name: "Indstillinger", visibility: "visible" },
      { name: "Lister (skjult)", visibility: "hidden" },
      { name: "SOM_Meta", visibility: "veryHidden" },
    ]);
  });

  it("records writeSheets and saves a new file with inputs + written sheets; the input file is untouched", async () => {
    const before = fs.readFileSync(file);
    const wb = await FileWorkbook.open(file);
    await wb.writeSheets({
      sheets: [{ name: "Resultater", role: "result", blocks: [{ row: 0, col: 0, values: [["gammel"]] }] }],
      names: [],
    });
    await wb.writeSheets({
      sheets: [{ name: "Resultater", role: "result", blocks: [{ row: 0, col: 0, values: [["ny", 5]] }] }],
      names: [{ name: "SOM_Netto", sheet: "Resultater", ref: "B1" }],
    });
    expect(wb.written.sheets).toHaveLength(1);
    const out = path.join(dir, "out.xlsx");
    await wb.saveAs(out);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const again = await FileWorkbook.open(out);
    expect((await again.listSheets()).map((s) => s.name)).toEqual([
      "Indstillinger",
      "Lister (skjult)",
      "SOM_Meta",
      "Resultater",
    ]);
    expect((await again.readNames(["SOM_Netto"])).get("som_netto")).toMatchObject({
      kind: "range",
      name: "SOM_Netto",
      sheet: "Resultater",
      row: 0,
      col: 1,
      values: [[5]],
    });
  });

  it("path form of addSheetsToExistingFile writes a new file", async () => {
    const out = path.join(dir, "out2.xlsx");
    await addSheetsToExistingFile(
      file,
      {
        sheets: [{ name: "Resultater", role: "result", blocks: [{ row: 0, col: 0, values: [["=1+1"]] }] }],
        names: [],
      },
      out,
    );
    const book = readXlsx(fs.readFileSync(out));
    expect(book.sheets.map((s) => s.name)).toContain("Resultater");
  });

  it("refuses an oversized file by its size, before reading it (2 GB sparse file)", async () => {
    const huge = path.join(dir, "huge.xlsx");
    fs.closeSync(fs.openSync(huge, "w"));
    fs.truncateSync(huge, 2 * 1024 * 1024 * 1024);
    const started = Date.now();
    await expect(FileWorkbook.open(huge)).rejects.toThrow(FileReadError);
    expect(Date.now() - started).toBeLessThan(2000);
    fs.rmSync(huge);
  });

  it("passes a missing file on as the Node error (ENOENT)", async () => {
    await expect(FileWorkbook.open(path.join(dir, "findes-ikke.xlsx"))).rejects.toMatchObject({
      code: "ENOENT",
    });
  });
});
