/**
 * The reader against files from email: refusals are `FileReadError`s with Danish and English messages,
 * nothing hangs, nothing pollutes prototypes (Object.prototype is frozen by the jest setup, so a pollution
 * attempt would throw here), and hostile names are plain data.
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { FileReadError } from "../../src/file/file-read-error";
import { readXlsx, cellAt, findSheet } from "../../src/file/xlsx-reader";
import { patchDeclaredSize, rawWorkbook } from "./xlsx-test-kit";

function refusal(fn: () => unknown): FileReadError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FileReadError) {
      expect(error.name).toBe("FileReadError");
      expect(error.text.da.length).toBeGreaterThan(10);
      expect(error.text.en.length).toBeGreaterThan(10);
      expect(error.messageIn("da")).not.toBe(error.messageIn("en"));
      return error;
    }
    throw error;
  }
  throw new Error("expected a FileReadError");
}

const oneSheet = (sheetData: string, extra: Parameters<typeof rawWorkbook>[1] = {}): Uint8Array =>
  rawWorkbook([{ name: "Ark1", sheetData }], extra);

describe("files that are not workbooks", () => {
  it("refuses a text file", () => {
    expect(refusal(() => readXlsx(strToU8("Dette er ikke en projektmappe\n"))).code).toBe("notZip");
  });

  it("refuses an empty file", () => {
    expect(refusal(() => readXlsx(new Uint8Array(0))).code).toBe("notZip");
  });

  it("says that an encrypted file or an old .xls is one", () => {
    const ole = new Uint8Array([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array<number>(600).fill(0),
    ]);
    const e = refusal(() => readXlsx(ole));
    expect(e.code).toBe("notZip");
    expect(e.text.da).toContain("krypteret");
  });

  it("refuses a zip without xl/workbook.xml", () => {
    expect(refusal(() => readXlsx(zipSync({ "readme.txt": strToU8("hello") }))).code).toBe("notWorkbook");
  });

  it("refuses a workbook part that is not well-formed XML, naming the part", () => {
    const bad = zipSync({ "xl/workbook.xml": strToU8("<workbook><sheets><sheet name='a'</sheets>") });
    const e = refusal(() => readXlsx(bad));
    expect(e.code).toBe("malformedXml");
    expect(e.text.en).toContain("xl/workbook.xml");
  });

  it("does not expand DTD entities (billion laughs)", () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst><si><t>&lol2;</t></si></sst>`;
    const linked = rawWorkbook(
      [{ name: "Ark1", sheetData: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }],
      { sharedStrings: ["x"] },
    );
    const withLol = zipSync({ ...unzipAll(linked), "xl/sharedStrings.xml": strToU8(lol) });
    expect(refusal(() => readXlsx(withLol)).code).toBe("malformedXml");
  });
});

const unzipAll = (bytes: Uint8Array): Record<string, Uint8Array> => unzipSync(bytes);

describe("size caps", () => {
  it("refuses a file over the size cap before unzipping", () => {
    const started = Date.now();
    const e = refusal(() => readXlsx(new Uint8Array(21 * 1024 * 1024)));
    expect(e.code).toBe("tooLarge");
    expect(e.text.da).toContain("for stor");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("refuses a part whose declared uncompressed size is huge (zip bomb), without inflating it", () => {
    const bytes = patchDeclaredSize(
      oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`),
      "xl/worksheets/sheet1.xml",
      0xfffffff0,
    );
    const e = refusal(() => readXlsx(bytes));
    expect(e.code).toBe("zipBomb");
    expect(e.text.en).toContain("xl/worksheets/sheet1.xml");
  });

  it("refuses a real bomb: parts that unpack to more than the cap in total (cap lowered to 4 MB for speed)", () => {
    const big = new Uint8Array(5 * 1024 * 1024).fill(0x20); // 5 MB of spaces: valid XML whitespace, packs to a few KB
    const linked = zipSync({
      ...unzipAll(rawWorkbook([{ name: "Ark1", sheetData: "" }], { sharedStrings: [] })),
      "xl/sharedStrings.xml": big,
    });
    expect(linked.length).toBeLessThan(100 * 1024);
    expect(refusal(() => readXlsx(linked, { maxUncompressedBytes: 4 * 1024 * 1024 })).code).toBe("zipBomb");
  });

  it("truncates a part that inflates to more than it declares (a lying entry), which then fails to parse", () => {
    const honest = oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`);
    const lying = patchDeclaredSize(honest, "xl/worksheets/sheet1.xml", 60);
    expect(refusal(() => readXlsx(lying)).code).toBe("malformedXml");
  });

  it("caps cells per sheet", () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join("");
    expect(refusal(() => readXlsx(oneSheet(rows), { maxCellsPerSheet: 20 })).code).toBe("tooManyCells");
    expect(readXlsx(oneSheet(rows), { maxCellsPerSheet: 30 }).sheets[0]?.cells.size).toBe(30);
  });

  it("refuses text longer than Excel's 32 767 characters (shared or inline)", () => {
    const huge = "A".repeat(40_000);
    expect(
      refusal(() =>
        readXlsx(oneSheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, { sharedStrings: [huge] })),
      ).code,
    ).toBe("textTooLong");
    expect(
      refusal(() =>
        readXlsx(oneSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${huge}</t></is></c></row>`)),
      ).code,
    ).toBe("textTooLong");
    const ok = "B".repeat(32_767);
    expect(
      cellAt(
        readXlsx(oneSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${ok}</t></is></c></row>`)).sheets[0]!,
        0,
        0,
      )?.value,
    ).toBe(ok);
  });

  it("reads a file with a very long formula-free text in linear time (no catastrophic backtracking)", () => {
    const names = `<definedName name="Lang">${"'".repeat(4000)}!${"$".repeat(4000)}A1</definedName><definedName name="Tal">${"1".repeat(8000)}e</definedName>`;
    const started = Date.now();
    const book = readXlsx(oneSheet("", { definedNames: names }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(book.names.get("lang")?.kind).toBe("unsupported");
    expect(book.names.get("tal")?.kind).toBe("unsupported");
  });
});

describe("hostile names are data", () => {
  const hostile = (): Uint8Array =>
    rawWorkbook(
      [
        {
          name: "__proto__",
          sheetData: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row>`,
        },
        { name: "constructor", sheetData: `<row r="1"><c r="A1" t="s"><v>1</v></c></row>` },
        { name: "toString", state: "hidden", sheetData: `<row r="1"><c r="A1" t="s"><v>2</v></c></row>` },
      ],
      {
        sharedStrings: ["__proto__", "constructor", "prototype"],
        definedNames:
          `<definedName name="__proto__">'__proto__'!$A$1:$B$1</definedName>` +
          `<definedName name="constructor">constructor!$A$1</definedName>` +
          `<definedName name="hasOwnProperty">42</definedName>` +
          `<definedName name="toString" localSheetId="0">"scoped"</definedName>`,
      },
    );

  it("reads sheets and names called __proto__ and constructor; nothing is polluted", () => {
    const book = readXlsx(hostile());
    expect(book.sheets.map((s) => s.name)).toEqual(["__proto__", "constructor", "toString"]);
    expect(findSheet(book, "__PROTO__")?.name).toBe("__proto__");
    expect(book.names.get("__proto__")).toEqual({
      kind: "range",
      name: "__proto__",
      sheet: "__proto__",
      rect: { row: 0, col: 0, rows: 1, cols: 2 },
    });
    expect(book.names.get("constructor")).toEqual({
      kind: "range",
      name: "constructor",
      sheet: "constructor",
      rect: { row: 0, col: 0, rows: 1, cols: 1 },
    });
    expect(book.names.get("hasownproperty")).toEqual({ kind: "constant", name: "hasOwnProperty", value: 42 });
    expect(book.names.has("tostring")).toBe(false); // sheet-scoped
    expect(book.names.has("valueof")).toBe(false);
    expect(cellAt(book.sheets[0]!, 0, 0)?.value).toBe("__proto__");
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["B1"]).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe("names", () => {
  it("excludes sheet-scoped names (also one that shadows nothing) but keeps them raw", () => {
    const book = readXlsx(
      oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, {
        definedNames: `<definedName name="Kun_Lokal" localSheetId="0">Ark1!$A$1</definedName><definedName name="SOM_X" localSheetId="0">Ark1!$A$1</definedName><definedName name="SOM_X">2</definedName>`,
      }),
    );
    expect([...book.names.values()]).toEqual([{ kind: "constant", name: "SOM_X", value: 2 }]);
    expect(book.rawNames.map((n) => [n.name, n.scopeSheet])).toEqual([
      ["Kun_Lokal", "Ark1"],
      ["SOM_X", "Ark1"],
      ["SOM_X", undefined],
    ]);
  });

  it("resolves ranges and constants; multi-area, #REF!, 3-D, external and formulas are unsupported", () => {
    const names: Record<string, string> = {
      Enkelt: "Ark1!$B$3",
      Blok: "ark1!B3:$D$10",
      Kolonner: "Ark1!$A:$C",
      Tal: "-1.5E-2",
      Tekst: '"a ""b"""',
      Sand: "TRUE",
      Multi: "Ark1!$A$1,Ark1!$B$2",
      Ref: "#REF!",
      RefArk: "Ark1!#REF!",
      TreD: "Ark1:Ark2!$A$1",
      Ekstern: "[1]Ark1!$A$1",
      Formel: "SUM(Ark1!$A$1:$A$3)",
      Ukendt: "Findesikke!$A$1",
      Fejl: "#N/A",
    };
    const xml = Object.entries(names)
      .map(
        ([n, f]) =>
          `<definedName name="${n}">${f.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")}</definedName>`,
      )
      .join("");
    const book = readXlsx(oneSheet("", { definedNames: xml }));
    const kind = (n: string) => book.names.get(n.toLowerCase());
    expect(kind("Enkelt")).toMatchObject({
      kind: "range",
      sheet: "Ark1",
      rect: { row: 2, col: 1, rows: 1, cols: 1 },
    });
    expect(kind("Blok")).toMatchObject({
      kind: "range",
      sheet: "Ark1",
      rect: { row: 2, col: 1, rows: 8, cols: 3 },
    });
    expect(kind("Kolonner")).toMatchObject({
      kind: "range",
      rect: { row: 0, col: 0, rows: 1_048_576, cols: 3 },
    });
    expect(kind("Tal")).toEqual({ kind: "constant", name: "Tal", value: -0.015 });
    expect(kind("Tekst")).toEqual({ kind: "constant", name: "Tekst", value: 'a "b"' });
    expect(kind("Sand")).toEqual({ kind: "constant", name: "Sand", value: true });
    for (const n of ["Multi", "Ref", "RefArk", "TreD", "Ekstern", "Formel", "Ukendt", "Fejl"]) {
      expect(kind(n)).toEqual({ kind: "unsupported", name: n, formula: names[n] });
    }
  });
});

describe("cell values", () => {
  it("reads every value type; errors as text; dates as serials; empty cells absent", () => {
    const book = readXlsx(
      oneSheet(
        `<row r="2"><c r="A2"><v>1.25</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#REF!</v></c>` +
          `<c r="E2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="F2" t="inlineStr"><is><r><t>x</t></r><r><t>y</t></r><rPh><t>ignored</t></rPh></is></c>` +
          `<c r="G2" t="d"><v>2025-01-01</v></c><c r="H2" s="3"/><c r="I2" t="s"><v>0</v></c></row>` +
          // cells and rows without r: positions follow the previous ones
          `<row><c><v>10</v></c><c><v>11</v></c></row>` +
          `<row r="4"><c r="A4"><f t="shared" ref="A4:A5" si="0">A2*2</f><v>2.5</v></c></row><row r="5"><c r="A5"><f t="shared" si="0"/><v>22</v></c></row>`,
        { sharedStrings: ["=1+1"] },
      ),
    );
    const s = book.sheets[0]!;
    expect(cellAt(s, 1, 0)).toEqual({ value: 1.25 });
    expect(cellAt(s, 1, 1)).toEqual({ value: true });
    expect(cellAt(s, 1, 2)).toEqual({ value: false });
    expect(cellAt(s, 1, 3)).toEqual({ value: "#REF!", error: true });
    expect(cellAt(s, 1, 4)).toEqual({ value: "ab", formula: '="a"&"b"' });
    expect(cellAt(s, 1, 5)).toEqual({ value: "xy" });
    expect(cellAt(s, 1, 6)).toEqual({ value: 45658 }); // 1 Jan 2025 = serial 45658
    expect(cellAt(s, 1, 7)).toBeUndefined();
    expect(cellAt(s, 1, 8)).toEqual({ value: "=1+1" });
    expect(cellAt(s, 2, 0)).toEqual({ value: 10 });
    expect(cellAt(s, 2, 1)).toEqual({ value: 11 });
    expect(cellAt(s, 3, 0)).toEqual({ value: 2.5, formula: "=A2*2" });
    expect(cellAt(s, 4, 0)).toEqual({ value: 22, sharedFormula: true });
    expect([s.rowExtent, s.colExtent]).toEqual([5, 9]);
  });
});
