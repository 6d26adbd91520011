/**
 * The .xlsx writer (exceljs + our post-processing), checked through three independent routes: our reader,
 * SheetJS (`xlsx`, tests only) and the raw XML parts; styles additionally through exceljs reading back.
 */
import ExcelJS from "exceljs";
import * as XLSX from "xlsx";
import { readXlsx, cellAt, findSheet, type XlsxBook } from "../../src/file/xlsx-reader";
import { copyPackageWithSheets as addSheetsToExistingFile } from "../../src/file/package-copy";
import { writeWorkbookSpec, XlsxWriteError } from "../../src/file/xlsx-writer";
import { CELL_LOOKS, CONDITIONAL_LOOKS } from "../../src/workbook/styles";
import { elements, featureSpec, partsOf, rawWorkbook, type XmlElement } from "./xlsx-test-kit";

let bytes: Uint8Array;
let book: XlsxBook;
let parts: Map<string, string>;
beforeAll(async () => {
  bytes = await writeWorkbookSpec(featureSpec());
  book = readXlsx(bytes);
  parts = partsOf(bytes);
});

const sheetOf = (name: string) => {
  const s = findSheet(book, name);
  if (s === undefined) throw new Error(`no sheet ${name}`);
  return s;
};
/** (row, col) 0-based from "B4". */
const at = (sheet: string, a1: string) => {
  const col = a1.charCodeAt(0) - 65;
  const row = Number(a1.slice(1)) - 1;
  return cellAt(sheetOf(sheet), row, col);
};
const sheetXml = (n: number): XmlElement[] => elements(parts.get(`xl/worksheets/sheet${n}.xml`) ?? "");

describe("values and formulas, read back with our reader", () => {
  it("keeps sheets in order with their visibility", () => {
    expect(book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Indstillinger", "visible"],
      ["Lister (skjult)", "hidden"],
      ["SOM_Meta", "veryHidden"],
    ]);
  });

  it("reads numbers, text, booleans and empty input cells", () => {
    expect(at("Indstillinger", "B4")).toEqual({ value: 2025 });
    expect(at("Indstillinger", "B5")).toEqual({ value: 0.035 });
    expect(at("Indstillinger", "C5")).toEqual({ value: "Finansministeriet" });
    expect(at("Indstillinger", "B7")).toBeUndefined(); // styled, but empty
    expect(at("Indstillinger", "C11")).toEqual({ value: true });
  });

  it("keeps strings that start with '=' as text, without a formula", () => {
    expect(at("Indstillinger", "A9")).toEqual({ value: "=1+1" });
    expect(at("Indstillinger", "B9")).toEqual({ value: '=HYPERLINK("x")' });
    expect(at("Indstillinger", "C9")).toEqual({ value: "=SUM(A1:A2)" });
  });

  it("writes formulas with their cached result, or none", () => {
    expect(at("Indstillinger", "A11")).toEqual({ value: 2035, formula: "=B4+B6" });
    expect(at("Indstillinger", "B11")).toEqual({ value: null, formula: "=B4*2" });
    expect(at("Indstillinger", "D11")).toEqual({ value: "ok", formula: '=IF(B4>2000,"ok","nej")' });
  });

  it("writes workbook-scoped names: ranges with absolute, quoted references, and constants", () => {
    expect([...book.names.entries()]).toEqual([
      [
        "som_startaar",
        {
          kind: "range",
          name: "SOM_Startaar",
          sheet: "Indstillinger",
          rect: { row: 3, col: 1, rows: 1, cols: 1 },
        },
      ],
      [
        "som_aktoerer",
        {
          kind: "range",
          name: "SOM_Aktoerer",
          sheet: "Indstillinger",
          rect: { row: 12, col: 0, rows: 3, cols: 2 },
        },
      ],
      [
        "som_niveauer",
        {
          kind: "range",
          name: "SOM_Niveauer",
          sheet: "Lister (skjult)",
          rect: { row: 0, col: 0, rows: 4, cols: 1 },
        },
      ],
      ["som_diskonteringsrente", { kind: "constant", name: "SOM_Diskonteringsrente", value: 0.035 }],
      ["som_kommune", { kind: "constant", name: "SOM_Kommune", value: 'Kommune "Nord"' }],
    ]);
    expect(book.rawNames.map((n) => n.formula)).toEqual([
      "Indstillinger!$B$4",
      "Indstillinger!$A$13:$B$15",
      "'Lister (skjult)'!$A$1:$A$4",
      "0.035",
      '"Kommune ""Nord"""',
    ]);
    expect(book.rawNames[1]?.comment).toBe("Aktører og niveauer");
  });
});

describe("read back with SheetJS (an independent reader)", () => {
  let wb: XLSX.WorkBook;
  beforeAll(() => {
    wb = XLSX.read(bytes, { type: "array", cellFormula: true, cellNF: true, cellStyles: true });
  });
  const cell = (sheet: string, a1: string): XLSX.CellObject | undefined =>
    wb.Sheets[sheet]?.[a1] as XLSX.CellObject | undefined;

  it("sees the same values, text cells and formulas", () => {
    expect(cell("Indstillinger", "B4")).toMatchObject({ t: "n", v: 2025 });
    for (const a1 of ["A9", "B9", "C9"]) {
      expect(cell("Indstillinger", a1)?.t).toBe("s");
      expect(cell("Indstillinger", a1)?.f).toBeUndefined();
    }
    expect(cell("Indstillinger", "A9")?.v).toBe("=1+1");
    expect(cell("Indstillinger", "A11")).toMatchObject({ t: "n", v: 2035, f: "B4+B6" });
    expect(cell("Indstillinger", "B11")?.f).toBe("B4*2");
    expect(cell("Indstillinger", "D11")).toMatchObject({ t: "s", v: "ok" });
    expect(cell("SOM_Meta", "B1")?.v).toBe("SØM");
  });

  it("sees the number formats", () => {
    expect(cell("Indstillinger", "B5")?.z).toBe("0.0%");
    expect(cell("Indstillinger", "B4")?.z).toBe("0");
    expect(cell("Indstillinger", "A11")?.z).toBe("#,##0");
  });

  it("sees the sheet visibility and the defined names", () => {
    expect(wb.Workbook?.Sheets?.map((s) => [s.name, s.Hidden])).toEqual([
      ["Indstillinger", 0],
      ["Lister (skjult)", 1],
      ["SOM_Meta", 2],
    ]);
    expect(wb.Workbook?.Names?.map((n) => [n.Name, n.Ref, n.Sheet])).toEqual([
      ["SOM_Startaar", "Indstillinger!$B$4", undefined],
      ["SOM_Aktoerer", "Indstillinger!$A$13:$B$15", undefined],
      ["SOM_Niveauer", "'Lister (skjult)'!$A$1:$A$4", undefined],
      ["SOM_Diskonteringsrente", "0.035", undefined],
      ["SOM_Kommune", '"Kommune ""Nord"""', undefined],
    ]);
  });

  it("sees the input fill on input cells", () => {
    const s = cell("Indstillinger", "B4")?.s as { fgColor?: { rgb?: string } } | undefined;
    expect(s?.fgColor?.rgb).toBe(CELL_LOOKS.input.fill);
  });
});

describe("the XML parts", () => {
  it("has list validations: a literal list and a name", () => {
    const els = sheetXml(1);
    const dvs = els.filter((e) => e.name === "dataValidation");
    expect(dvs.map((d) => [d.attrs.get("type"), d.attrs.get("sqref"), d.attrs.get("prompt")])).toEqual([
      ["list", "B14:B20", "Vælg niveau"],
      ["list", "C14:C20", undefined],
    ]);
    const formulas = els.filter((e) => e.name === "formula1").map((e) => e.text);
    expect(formulas).toEqual(['"Kommune,Region,Stat,Andet"', "SOM_Niveauer"]);
  });

  it("has the conditional formats (red warning, green ok) and the 3-colour scale", () => {
    const els = sheetXml(1);
    const rules = els.filter((e) => e.name === "cfRule");
    expect(rules.map((r) => r.attrs.get("type"))).toEqual(["expression", "expression", "colorScale"]);
    expect(els.filter((e) => e.name === "conditionalFormatting").map((e) => e.attrs.get("sqref"))).toEqual([
      "A1",
      "B1",
      "E4:G6",
    ]);
    expect(els.filter((e) => e.name === "formula").map((e) => e.text)).toEqual(["$B$4<2000", "$B$4>=2000"]);
    expect(
      els.filter((e) => e.name === "cfvo").map((e) => [e.attrs.get("type"), e.attrs.get("val")]),
    ).toEqual([
      ["min", undefined],
      ["num", "0"],
      ["max", undefined],
    ]);
    expect(els.filter((e) => e.name === "color").map((e) => e.attrs.get("rgb"))).toEqual([
      "FFF8696B",
      "FFFFFFFF",
      "FF63BE7B",
    ]);
    // The dxf styles the two expression rules point at: red and green fills.
    const dxfs = elements(parts.get("xl/styles.xml") ?? "");
    const dxfStart = dxfs.findIndex((e) => e.name === "dxfs");
    const dxfList: XmlElement[][] = [];
    for (const e of dxfs.slice(dxfStart + 1)) {
      if (e.name === "dxf") dxfList.push([]);
      else if (e.name === "tableStyles") break;
      else dxfList[dxfList.length - 1]?.push(e);
    }
    const fillOf = (rule: XmlElement | undefined): string | undefined =>
      dxfList[Number(rule?.attrs.get("dxfId"))]?.find((e) => e.name === "bgColor")?.attrs.get("rgb");
    expect(fillOf(rules[0])).toBe(`FF${CONDITIONAL_LOOKS.warning.fill}`);
    expect(fillOf(rules[1])).toBe(`FF${CONDITIONAL_LOOKS.ok.fill}`);
  });

  it("has freeze panes, column widths, the tab colour, the note and the spec's chart as a chart part", () => {
    const els = sheetXml(1);
    const pane = els.find((e) => e.name === "pane");
    expect([
      pane?.attrs.get("state"),
      pane?.attrs.get("xSplit"),
      pane?.attrs.get("ySplit"),
      pane?.attrs.get("topLeftCell"),
    ]).toEqual(["frozen", "1", "2", "B3"]);
    expect(
      els.filter((e) => e.name === "col").map((e) => [e.attrs.get("min"), e.attrs.get("width")]),
    ).toEqual([
      ["1", "24"],
      ["2", "14"],
      ["3", "10"],
    ]);
    expect(els.find((e) => e.name === "tabColor")?.attrs.get("rgb")).toBe("FF0F6C74");
    expect([...parts.values()].some((p) => p.includes("Første år med udgifter"))).toBe(true);
    // the chart is written by chart-parts.ts (test/file/chart-parts.test.ts checks its content)
    expect([...parts.keys()].filter((k) => k.includes("chart"))).toEqual(["xl/charts/chart1.xml"]);
  });

  it("has fixed document properties and recalculation on load", () => {
    const core = parts.get("docProps/core.xml") ?? "";
    expect(core).toContain("<dc:creator>SØM for Excel</dc:creator>");
    expect(core).toContain("2020-01-01T00:00:00Z");
    expect(elements(parts.get("xl/workbook.xml") ?? "").some((e) => e.name === "calcPr")).toBe(true);
    expect(parts.get("xl/workbook.xml")).toContain('fullCalcOnLoad="1"');
  });
});

describe("styles, read back with exceljs", () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const found = wb.getWorksheet("Indstillinger");
    if (found === undefined) throw new Error("no sheet");
    ws = found;
  });
  const fill = (a1: string): string | undefined =>
    (ws.getCell(a1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

  it("marks input cells (light yellow, thin border), also empty ones", () => {
    for (const a1 of ["B4", "B7"]) {
      expect(fill(a1)).toBe("FFFFF2CC");
      expect(ws.getCell(a1).border?.left?.style).toBe("thin");
    }
  });

  it("makes headers bold with a fill and guidance wrapped grey", () => {
    expect(ws.getCell("A3").font?.bold).toBe(true);
    expect(fill("A3")).toBe(`FF${CELL_LOOKS.header.fill}`);
    expect(ws.getCell("A2").alignment?.wrapText).toBe(true);
    expect(ws.getCell("A2").font?.color?.argb).toBe("FF595959");
    expect(ws.getCell("A1").font?.size).toBe(16);
  });

  it("keeps the number format next to the style", () => {
    expect(ws.getCell("B5").numFmt).toBe("0.0%");
    expect(fill("B5")).toBe("FFFFF2CC");
  });
});

describe("determinism and spec errors", () => {
  it("writes identical bytes for the same spec", async () => {
    const again = await writeWorkbookSpec(featureSpec());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it("refuses a literal list item with a comma, a formula without '=', a name on a missing sheet, a duplicate sheet", async () => {
    const base = featureSpec();
    const first = base.sheets[0];
    if (first === undefined) throw new Error("spec");
    await expect(
      writeWorkbookSpec({
        ...base,
        sheets: [{ ...first, validations: [{ ref: "A1", list: ["a,b"] }] }],
        names: [],
      }),
    ).rejects.toThrow(XlsxWriteError);
    await expect(
      writeWorkbookSpec({
        sheets: [
          { name: "A", role: "result", blocks: [{ row: 0, col: 0, values: [[1]], formulas: [["1+1"]] }] },
        ],
        names: [],
      }),
    ).rejects.toThrow(XlsxWriteError);
    await expect(
      writeWorkbookSpec({
        sheets: [{ name: "A", role: "result", blocks: [] }],
        names: [{ name: "X", sheet: "B", ref: "A1" }],
      }),
    ).rejects.toThrow(XlsxWriteError);
    await expect(
      writeWorkbookSpec({
        sheets: [
          { name: "A", role: "result", blocks: [] },
          { name: "a", role: "result", blocks: [] },
        ],
        names: [],
      }),
    ).rejects.toThrow(XlsxWriteError);
    await expect(
      writeWorkbookSpec({
        sheets: [{ name: "A", role: "result", blocks: [{ row: 0, col: 0, values: [[NaN]] }] }],
        names: [],
      }),
    ).rejects.toThrow(XlsxWriteError);
  });
});

describe("addSheetsToExistingFile", () => {
  const results = {
    sheets: [
      {
        name: "Resultater",
        role: "result" as const,
        blocks: [
          {
            row: 0,
            col: 0,
            values: [
              ["Netto", 1250.5],
              ["=2+2", null],
            ],
          },
        ],
      },
      {
        name: "som_meta",
        role: "meta" as const,
        visibility: "veryHidden" as const,
        blocks: [{ row: 0, col: 0, values: [["ny"]] }],
      },
    ],
    names: [
      { name: "SOM_Resultat_Netto", sheet: "Resultater", ref: "B1" },
      { name: "SOM_Diskonteringsrente", constant: 0.04 },
    ],
  };

  it("returns a new file: inputs kept, sheets replaced in place or added, names merged; input bytes untouched", async () => {
    const before = Buffer.from(bytes);
    const out = await addSheetsToExistingFile(bytes, results);
    expect(Buffer.from(bytes).equals(before)).toBe(true);
    const copy = readXlsx(out);
    expect(copy.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Indstillinger", "visible"],
      ["Lister (skjult)", "hidden"],
      ["som_meta", "veryHidden"],
      ["Resultater", "visible"],
    ]);
    const res = findSheet(copy, "Resultater");
    expect(res && cellAt(res, 0, 1)).toEqual({ value: 1250.5 });
    expect(res && cellAt(res, 1, 0)).toEqual({ value: "=2+2" });
    const meta = findSheet(copy, "SOM_META");
    expect(meta && [...meta.cells.values()]).toEqual([{ value: "ny" }]);
    // The input sheet's values, formulas and formula-looking text survive the copy.
    const ind = findSheet(copy, "Indstillinger");
    expect(ind && cellAt(ind, 3, 1)).toEqual({ value: 2025 });
    expect(ind && cellAt(ind, 8, 0)).toEqual({ value: "=1+1" });
    expect(ind && cellAt(ind, 10, 0)).toEqual({ value: 2035, formula: "=B4+B6" });
    expect(copy.names.get("som_resultat_netto")).toEqual({
      kind: "range",
      name: "SOM_Resultat_Netto",
      sheet: "Resultater",
      rect: { row: 0, col: 1, rows: 1, cols: 1 },
    });
    expect(copy.names.get("som_diskonteringsrente")).toEqual({
      kind: "constant",
      name: "SOM_Diskonteringsrente",
      value: 0.04,
    });
    expect(copy.names.get("som_niveauer")).toMatchObject({ kind: "range", sheet: "Lister (skjult)" });
    // Validations of the input sheet survive (exceljs keeps them).
    expect(
      elements(partsOf(out).get("xl/worksheets/sheet1.xml") ?? "").filter((e) => e.name === "dataValidation"),
    ).toHaveLength(2);
  });

  it("keeps a user's sheet-scoped names with their scope (exceljs alone would make them workbook-scoped)", async () => {
    const input = rawWorkbook(
      [
        { name: "Data", sheetData: `<row r="1"><c r="A1"><v>1</v></c></row>` },
        { name: "Andet ark", sheetData: `<row r="1"><c r="A1"><v>2</v></c></row>` },
      ],
      {
        definedNames:
          `<definedName name="Lokal" localSheetId="1">'Andet ark'!$A$1</definedName>` +
          `<definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$B$2</definedName>` +
          `<definedName name="Global">Data!$A$1</definedName>`,
      },
    );
    const out = await addSheetsToExistingFile(input, {
      sheets: [{ name: "Resultater", role: "result", blocks: [] }],
      names: [],
    });
    const copy = readXlsx(out);
    expect(copy.rawNames).toEqual([
      { name: "Lokal", formula: "'Andet ark'!$A$1", scopeSheet: "Andet ark" },
      { name: "_xlnm.Print_Area", formula: "Data!$A$1:$B$2", scopeSheet: "Data" },
      { name: "Global", formula: "Data!$A$1" },
    ]);
    expect([...copy.names.keys()]).toEqual(["global"]);
    const sj = XLSX.read(out, { type: "array" });
    expect(sj.Workbook?.Names?.find((n) => n.Name === "Lokal")?.Sheet).toBe(1);
  });
});

describe("hostile names through the writer", () => {
  it("writes and reads back sheets, names and text called __proto__ / constructor; nothing is polluted", async () => {
    const out = await writeWorkbookSpec({
      sheets: [
        {
          name: "__proto__",
          role: "input",
          blocks: [{ row: 0, col: 0, values: [["__proto__", "constructor", 1]] }],
          validations: [{ ref: "A2:A3", list: ["__proto__", "toString"] }],
          notes: [{ ref: "A1", text: "__proto__" }],
        },
        { name: "constructor", role: "result", blocks: [{ row: 0, col: 0, values: [["prototype"]] }] },
      ],
      names: [
        { name: "__proto__", sheet: "__proto__", ref: "A1:C1" },
        { name: "constructor", constant: "__proto__" },
      ],
    });
    const back = readXlsx(out);
    expect(back.sheets.map((s) => s.name)).toEqual(["__proto__", "constructor"]);
    expect(back.names.get("__proto__")).toEqual({
      kind: "range",
      name: "__proto__",
      sheet: "__proto__",
      rect: { row: 0, col: 0, rows: 1, cols: 3 },
    });
    expect(back.names.get("constructor")).toEqual({
      kind: "constant",
      name: "constructor",
      value: "__proto__",
    });
    const copy = readXlsx(
      await addSheetsToExistingFile(out, {
        sheets: [{ name: "toString", role: "result", blocks: [] }],
        names: [],
      }),
    );
    expect(copy.sheets.map((s) => s.name)).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
