/**
 * What Excel would refuse or repair, the reader refuses with a located message instead of picking one
 * silently (issue 13 §1): duplicate cells and rows, duplicate zip entries, a name defined twice in one
 * scope, two sheets whose names differ only in case, numbers Excel never stores (hex, NaN, Infinity), a
 * shared-string index out of range, a date cell that is no date.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { FileReadError } from "../../src/file/file-read-error";
import { cellAt, readXlsx } from "../../src/file/xlsx-reader";
import { rawWorkbook } from "./xlsx-test-kit";

function refusal(fn: () => unknown): FileReadError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FileReadError) return error;
    throw error;
  }
  throw new Error("expected a FileReadError");
}

const sheet = (sheetData: string, extra: Parameters<typeof rawWorkbook>[1] = {}): Uint8Array =>
  rawWorkbook([{ name: "Priser", sheetData }], extra);

describe("cells Excel would repair", () => {
  it("refuses a cell written twice (last-wins is a silent pick), naming sheet and cell", () => {
    const e = refusal(() =>
      readXlsx(sheet(`<row r="7"><c r="C7"><v>100</v></c><c r="C7"><v>250000</v></c></row>`)),
    );
    expect(e.code).toBe("duplicateCell");
    expect(e.messageIn("da")).toContain(`"Priser"!C7 står to gange`);
    expect(e.messageIn("en")).toContain(`"Priser"!C7 appears twice`);
  });

  it("refuses a cell that comes back in a later row element of the same row", () => {
    const e = refusal(() =>
      readXlsx(sheet(`<row r="2"><c r="B2"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>`)),
    );
    expect(e.code).toBe("duplicateCell");
    expect(e.messageIn("da")).toContain("række 2");
  });

  it("refuses cells out of order within a row (B before A)", () => {
    const e = refusal(() => readXlsx(sheet(`<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>`)));
    expect(e.code).toBe("duplicateCell");
    expect(e.messageIn("en")).toContain(`"Priser"!A1 is out of order`);
  });

  it("still reads cells in order, also without r attributes", () => {
    const book = readXlsx(
      sheet(`<row r="1"><c r="A1"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>`),
    );
    const s = book.sheets[0]!;
    expect([cellAt(s, 0, 0)?.value, cellAt(s, 0, 1)?.value, cellAt(s, 1, 0)?.value]).toEqual([1, 2, 3]);
  });
});

describe("numbers and shared strings", () => {
  it.each([
    ["hex", "0x3D090"],
    ["NaN", "NaN"],
    ["Infinity", "Infinity"],
    ["-Infinity", "-Infinity"],
    ["binary", "0b101"],
    ["a comma", "3,5"],
    ["two numbers", "1 2"],
    ["1e400 (overflows to Infinity)", "1e400"],
  ])("refuses %s in a number cell, naming the cell and the text", (_, text) => {
    const e = refusal(() => readXlsx(sheet(`<row r="4"><c r="D4"><v>${text}</v></c></row>`)));
    expect(e.code).toBe("badNumber");
    expect(e.messageIn("da")).toContain(`"Priser"!D4`);
    expect(e.messageIn("da")).toContain(JSON.stringify(text));
  });

  it("reads every number form Excel and other writers store", () => {
    const forms = ["250000", "-1.5", "+2", "3.", ".5", "1E-3", "6.02e+23", " 7 "];
    const data = forms.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`).join("");
    const s = readXlsx(sheet(`<row r="1">${data}</row>`)).sheets[0]!;
    expect(forms.map((_, i) => cellAt(s, 0, i)?.value)).toEqual([250000, -1.5, 2, 3, 0.5, 0.001, 6.02e23, 7]);
  });

  it("refuses a shared-string index out of range (was read as blank) and a non-numeric index", () => {
    const e = refusal(() =>
      readXlsx(sheet(`<row r="3"><c r="A3" t="s"><v>5</v></c></row>`, { sharedStrings: ["Kommune"] })),
    );
    expect(e.code).toBe("badSharedString");
    expect(e.messageIn("da")).toContain(`"Priser"!A3 henviser til delt tekst nr. "5"`);
    expect(e.messageIn("da")).toContain("kun 1 delte tekster");
    const f = refusal(() =>
      readXlsx(sheet(`<row r="3"><c r="A3" t="s"><v>0x0</v></c></row>`, { sharedStrings: ["Kommune"] })),
    );
    expect(f.code).toBe("badSharedString");
    const ok = readXlsx(
      sheet(`<row r="3"><c r="A3" t="s"><v>0</v></c></row>`, { sharedStrings: ["Kommune"] }),
    );
    expect(cellAt(ok.sheets[0]!, 2, 0)?.value).toBe("Kommune");
  });

  it("refuses a date cell that is not a date", () => {
    const e = refusal(() => readXlsx(sheet(`<row r="2"><c r="B2" t="d"><v>i morgen</v></c></row>`)));
    expect(e.code).toBe("badDate");
    expect(e.messageIn("en")).toContain(`"Priser"!B2`);
  });
});

describe("Excel's _xHHHH_ escapes", () => {
  it("decodes them in shared, inline and formula strings as Excel shows them (ESC, a literal _x…_)", () => {
    const book = readXlsx(
      sheet(
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>a_x0007_b</t></is></c><c r="C1" t="str"><f>"x"</f><v>_x005F_x0041_</v></c></row>`,
        { sharedStrings: ["Kom_x001B_[31mmune"] },
      ),
    );
    const s = book.sheets[0]!;
    expect(cellAt(s, 0, 0)?.value).toBe("Kom\u001b[31mmune");
    expect(cellAt(s, 0, 1)?.value).toBe("a\u0007b");
    expect(cellAt(s, 0, 2)?.value).toBe("_x0041_");
  });
});

describe("names and sheets Excel would refuse", () => {
  it("refuses a workbook name defined twice (first-wins was a silent pick), case-insensitively", () => {
    const e = refusal(() =>
      readXlsx(
        sheet("", {
          definedNames: `<definedName name="SOM_Omkostninger">Priser!$A$1:$D$5</definedName><definedName name="som_omkostninger">Priser!$A$1:$D$9</definedName>`,
        }),
      ),
    );
    expect(e.code).toBe("duplicateName");
    expect(e.messageIn("da")).toContain(
      `navnet "som_omkostninger" er defineret to gange for hele projektmappen`,
    );
  });

  it("refuses a sheet-scoped name defined twice in one sheet, and accepts one name in two scopes", () => {
    const e = refusal(() =>
      readXlsx(
        sheet("", {
          definedNames: `<definedName name="X" localSheetId="0">1</definedName><definedName name="X" localSheetId="0">2</definedName>`,
        }),
      ),
    );
    expect(e.code).toBe("duplicateName");
    expect(e.messageIn("en")).toContain(`for the sheet "Priser"`);
    const ok = readXlsx(
      sheet("", {
        definedNames: `<definedName name="X" localSheetId="0">1</definedName><definedName name="X">2</definedName>`,
      }),
    );
    expect(ok.names.get("x")).toEqual({ kind: "constant", name: "X", value: 2 });
  });

  it("refuses two sheets whose names differ only in case", () => {
    const e = refusal(() =>
      readXlsx(
        rawWorkbook([
          { name: "Priser", sheetData: "" },
          { name: "PRISER", sheetData: "" },
        ]),
      ),
    );
    expect(e.code).toBe("duplicateSheet");
    expect(e.messageIn("da")).toContain(`to ark hedder "PRISER"`);
  });
});

describe("zip entries", () => {
  /** Re-zips a package with one more entry whose name equals an existing one up to case (OPC part names are case-insensitive). */
  function withEntry(pkg: Uint8Array, name: string, data: string): Uint8Array {
    const files = unzipSync(pkg);
    const out: Zippable = Object.create(null) as Zippable;
    for (const k of Object.keys(files)) out[k] = files[k]!;
    out[name] = strToU8(data);
    return zipSync(out, { level: 0 });
  }

  it("refuses two entries whose names differ only in case", () => {
    const pkg = withEntry(sheet(""), "XL/WORKBOOK.XML", "<workbook/>");
    const e = refusal(() => readXlsx(pkg));
    expect(e.code).toBe("duplicateEntry");
    expect(e.messageIn("da")).toContain(`"XL/WORKBOOK.XML" findes to gange`);
  });

  it("refuses two entries with the very same name (which one would be read?)", () => {
    // Stored (level 0) zip with a placeholder name of the same length, renamed in the local header and the
    // central directory: the result has two entries called xl/worksheets/sheet1.xml.
    const pkg = withEntry(
      sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`),
      "xl/worksheets/sheetX.xml",
      "<worksheet/>",
    );
    const text = strFromU8(pkg, true);
    expect(text.split("xl/worksheets/sheetX.xml").length - 1).toBe(2);
    const patched = strToU8(text.split("xl/worksheets/sheetX.xml").join("xl/worksheets/sheet1.xml"), true);
    const e = refusal(() => readXlsx(patched));
    expect(e.code).toBe("duplicateEntry");
  });

  it("says 'too many parts' for a zip with more entries than allowed (not 'unpacks to more')", () => {
    const files: Zippable = Object.create(null) as Zippable;
    for (let i = 0; i < 30; i++) files[`x/${i}.txt`] = strToU8("x");
    const e = refusal(() => readXlsx(zipSync(files), { maxEntries: 20 }));
    expect(e.code).toBe("tooManyEntries");
    expect(e.messageIn("da")).toBe(
      "Filen indeholder flere end 20 dele (zip-poster); en Excel-projektmappe har langt færre. Den læses ikke.",
    );
  });
});

describe("on-demand parsing (the command line)", () => {
  const twoSheets = (): Uint8Array =>
    rawWorkbook([
      { name: "Input", sheetData: `<row r="1"><c r="A1"><v>42</v></c></row>` },
      { name: "Viden", sheetData: `<row r="1"><c r="A1"><v>0x1</v></c></row>` },
    ]);

  it("parses a sheet when its cells are first read; a damaged sheet is refused when it is used", () => {
    const book = readXlsx(twoSheets(), undefined, "onDemand");
    expect(cellAt(book.sheets[0]!, 0, 0)?.value).toBe(42);
    const e = refusal(() => book.sheets[1]!.cells);
    expect(e.code).toBe("badNumber");
    expect(refusal(() => readXlsx(twoSheets())).code).toBe("badNumber"); // "all" refuses at once
  });

  it("keeps one total cap on what is inflated across on-demand reads", () => {
    const big = `<row r="1"><c r="A1" t="inlineStr"><is><t>${"x".repeat(3000)}</t></is></c></row>`;
    const pkg = rawWorkbook([
      { name: "A", sheetData: big },
      { name: "B", sheetData: big },
    ]);
    const book = readXlsx(pkg, { maxUncompressedBytes: 5000 }, "onDemand");
    void book.sheets[0]!.cells;
    expect(refusal(() => book.sheets[1]!.cells).code).toBe("zipBomb");
  });
});
