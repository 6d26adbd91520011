/**
 * `--out` copies the user's package at the zip level (src/file/package-copy.ts, issue 13 §2): every part the
 * tools do not own is kept byte for byte, nothing of the user's is expanded cell by cell (a `<col>` span over
 * 2e9 columns, a merge over C100:XFD1048576, validation over A:Z, 60.000 merges), and the owned sheets look
 * exactly as our writer makes them (styles remapped into the user's styles.xml).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import * as XLSX from "xlsx";
import { copyPackageWithSheets } from "../../src/file/package-copy";
import { cellAt, findSheet, readXlsx } from "../../src/file/xlsx-reader";
import { writeWorkbookSpec } from "../../src/file/xlsx-writer";
import type { WorkbookSpec } from "../../src/workbook/sheet-model";
import { som } from "../cli/som";
import { hostileCases } from "../support/hostile-xlsx";
import { featureSpec, rawWorkbook } from "./xlsx-test-kit";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "eksempel.xlsx");
const example = (): Uint8Array => new Uint8Array(fs.readFileSync(EXAMPLE));

/** The feature spec's first sheet under another name, as a result sheet to graft in. */
function resultSpec(name = "Resultater"): WorkbookSpec {
  const s = featureSpec().sheets[0]!;
  return {
    sheets: [{ ...s, name, validations: [], charts: [] }],
    names: [{ name: "SOM_Ny", sheet: name, ref: "B4" }],
  };
}

function withParts(bytes: Uint8Array, extra: Record<string, Uint8Array>): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = Object.create(null) as Zippable;
  for (const k of Object.keys(files)) out[k] = files[k]!;
  for (const k of Object.keys(extra)) out[k] = extra[k]!;
  return zipSync(out);
}

describe("parts the tools do not own", () => {
  it("are kept byte for byte: sheets, shared strings, theme, and parts we never read (macros, charts, custom XML)", async () => {
    const foreign: Record<string, Uint8Array> = {
      "xl/vbaProject.bin": Uint8Array.from({ length: 3000 }, (_, i) => (i * 31) % 256),
      "xl/charts/chart1.xml": strToU8(
        `<?xml version="1.0"?><c:chartSpace xmlns:c="x"><c:chart/></c:chartSpace>`,
      ),
      "customXml/item1.xml": strToU8(`<?xml version="1.0"?><root>mine</root>`),
      "xl/webextensions/webextension1.xml": strToU8(`<we:webextension xmlns:we="y"/>`),
    };
    const input = withParts(example(), foreign);
    const before = unzipSync(input);
    const out = unzipSync(await copyPackageWithSheets(input, resultSpec()));
    const owned = new Set([
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
    ]);
    for (const name of Object.keys(before)) {
      if (owned.has(name) || name.endsWith("/")) continue;
      expect([name, Buffer.from(out[name] ?? []).equals(Buffer.from(before[name]!))]).toEqual([name, true]);
    }
    // The user's style records come first, unchanged, in every section (their indices stay valid).
    const children = (xml: string, section: string, child: string): string[] =>
      (new RegExp(`<${section}\\b[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)?.[1] ?? "").match(
        new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, "g"),
      ) ?? [];
    const userStyles = strFromU8(before["xl/styles.xml"]!);
    const merged = strFromU8(out["xl/styles.xml"]!);
    for (const [section, child] of [
      ["fonts", "font"],
      ["fills", "fill"],
      ["borders", "border"],
      ["cellXfs", "xf"],
      ["dxfs", "dxf"],
    ]) {
      const mine = children(userStyles, section!, child!);
      const all = children(merged, section!, child!);
      expect(all.slice(0, mine.length)).toEqual(mine);
      expect(all.length).toBeGreaterThan(mine.length);
    }
  });

  it.each([
    `<col min="1" max="2000000000"> (27 KB file)`,
    "merge over C100:XFD1048576",
    "data validation over A:Z",
    "60.000 merges",
    "dimension A1:XFD1048576",
  ])("%s: som calculate --out finishes, the user's sheet part is unchanged", async (caseName) => {
    const c = hostileCases().find((x) => x.name === caseName);
    if (c === undefined) throw new Error(caseName);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-copy-"));
    try {
      const input = path.join(dir, "in.xlsx");
      const output = path.join(dir, "out.xlsx");
      const bytes = c.bytes();
      fs.writeFileSync(input, bytes);
      const r = await som(["calculate", input, "--out", output]);
      expect(r.err).toMatch(/skrevet til en ny fil/);
      expect(r.code).toBe(0);
      const before = unzipSync(bytes);
      const after = unzipSync(new Uint8Array(fs.readFileSync(output)));
      for (const k of Object.keys(before).filter((k) => k.startsWith("xl/worksheets/sheet")))
        expect(Buffer.from(after[k]!).equals(Buffer.from(before[k]!))).toBe(true);
      expect(findSheet(readXlsx(new Uint8Array(fs.readFileSync(output))), "Resultater")).toBeDefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the owned sheets", () => {
  /** Every cell's value and full style as exceljs resolves them (number format, font, fill, border, alignment). */
  async function looks(bytes: Uint8Array, sheet: string): Promise<Map<string, string>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(sheet);
    if (ws === undefined) throw new Error(`no ${sheet}`);
    const out = new Map<string, string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const v = cell.value;
        out.set(
          cell.address,
          JSON.stringify({
            v: typeof v === "object" && v !== null && "richText" in v ? "rich" : v,
            s: cell.style,
          }),
        );
      }),
    );
    return out;
  }

  it("look exactly as our writer makes them on their own (styles remapped into the user's styles.xml)", async () => {
    const spec = resultSpec("Ny");
    const alone = await looks(await writeWorkbookSpec({ sheets: spec.sheets, names: [] }), "Ny");
    const grafted = await looks(await copyPackageWithSheets(example(), spec), "Ny");
    expect(alone.size).toBeGreaterThan(20);
    expect([...grafted.entries()]).toEqual([...alone.entries()]);
  });

  it("the conditional formats point at the copied differential formats", async () => {
    const out = await copyPackageWithSheets(example(), resultSpec("Ny"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
    const cf = (
      wb.getWorksheet("Ny") as unknown as {
        conditionalFormattings: { rules: { style?: { fill?: { bgColor?: { argb?: string } } } }[] }[];
      }
    ).conditionalFormattings;
    const alone = new ExcelJS.Workbook();
    await alone.xlsx.load(
      Buffer.from(
        await writeWorkbookSpec({ sheets: resultSpec("Ny").sheets, names: [] }),
      ) as unknown as ExcelJS.Buffer,
    );
    const cf0 = (
      alone.getWorksheet("Ny") as unknown as typeof cf extends infer T ? { conditionalFormattings: T } : never
    ).conditionalFormattings;
    expect(cf.map((c) => c.rules[0]?.style?.fill?.bgColor?.argb)).toEqual(
      cf0.map((c) => c.rules[0]?.style?.fill?.bgColor?.argb),
    );
    expect(cf.length).toBeGreaterThan(0);
  });

  it("a replaced sheet keeps its tab position, gets the spec's case and visibility; calcChain is dropped", async () => {
    const files = unzipSync(example());
    const input = withParts(example(), {
      "xl/calcChain.xml": strToU8(
        `<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="3"/></calcChain>`,
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        strFromU8(files["xl/_rels/workbook.xml.rels"]!).replace(
          "</Relationships>",
          `<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`,
        ),
      ),
      "[Content_Types].xml": strToU8(
        strFromU8(files["[Content_Types].xml"]!).replace(
          "</Types>",
          `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`,
        ),
      ),
    });
    const spec: WorkbookSpec = {
      sheets: [
        {
          name: "FORSIDE",
          role: "result",
          visibility: "hidden",
          blocks: [{ row: 0, col: 0, values: [["ny forside", 7]] }],
        },
      ],
      names: [],
    };
    const out = await copyPackageWithSheets(input, spec);
    const book = readXlsx(out);
    expect(book.sheets[0]?.name).toBe("FORSIDE");
    expect(book.sheets[0]?.visibility).toBe("hidden");
    expect(cellAt(book.sheets[0]!, 0, 0)?.value).toBe("ny forside");
    expect(cellAt(book.sheets[0]!, 0, 1)?.value).toBe(7);
    expect(book.sheets.length).toBe(readXlsx(input).sheets.length);
    const parts = unzipSync(out);
    expect(Object.keys(parts)).not.toContain("xl/calcChain.xml");
    expect(strFromU8(parts["xl/_rels/workbook.xml.rels"]!)).not.toContain("calcChain");
    expect(strFromU8(parts["[Content_Types].xml"]!)).not.toContain("calcChain");
    // SheetJS, an independent reader, agrees.
    const sj = XLSX.read(out, { type: "array" });
    expect(sj.SheetNames[0]).toBe("FORSIDE");
    expect(sj.Sheets["FORSIDE"]?.["A1"]?.v).toBe("ny forside");
  });

  it("repeat their title rows and columns when printed (_xlnm.Print_Titles), beside the user's own print titles", async () => {
    const spec = resultSpec();
    const sheet = spec.sheets[0]!;
    const print = { orientation: "landscape", header: "h", footer: "f", lang: "da" } as const;
    const titled: WorkbookSpec = {
      ...spec,
      sheets: [
        {
          ...sheet,
          print: { ...print, titleRows: { first: 2, last: 3 }, titleColumns: { first: 0, last: 1 } },
        },
      ],
    };
    const printTitles = (bytes: Uint8Array): [string | undefined, string][] =>
      readXlsx(bytes)
        .rawNames.filter((n) => n.name === "_xlnm.Print_Titles")
        .map((n) => [n.scopeSheet, n.formula]);
    const before = printTitles(example());
    expect(before).toContainEqual(["Konsekvenser", "Konsekvenser!$A:$B,Konsekvenser!$6:$6"]);
    const out = printTitles(await copyPackageWithSheets(example(), titled));
    // the same name as a new file of the same spec has
    const alone = printTitles(await writeWorkbookSpec(titled));
    expect(alone).toEqual([["Resultater", "Resultater!$A:$B,Resultater!$3:$4"]]);
    expect(out).toEqual([...before, ...alone]);
  });

  it("a package without styles.xml gets ours; the user's defined names keep their scope", async () => {
    const input = rawWorkbook([{ name: "Data", sheetData: `<row r="1"><c r="A1"><v>1</v></c></row>` }], {
      definedNames: `<definedName name="Lokal" localSheetId="0">Data!$A$1</definedName>`,
    });
    const out = await copyPackageWithSheets(input, resultSpec());
    const book = readXlsx(out);
    expect(book.sheets.map((s) => s.name)).toEqual(["Data", "Resultater"]);
    expect(book.rawNames).toEqual([
      { name: "Lokal", formula: "Data!$A$1", scopeSheet: "Data" },
      { name: "SOM_Ny", formula: "Resultater!$B$4" },
    ]);
    expect(await looks(out, "Resultater")).toEqual(
      await looks(await writeWorkbookSpec({ sheets: resultSpec().sheets, names: [] }), "Resultater"),
    );
  });

  it("a prefixed styles.xml (x:…) gets children that declare the main namespace; the result is well-formed", async () => {
    const files = unzipSync(example());
    const styles = strFromU8(files["xl/styles.xml"]!)
      .replace(/<(\/?)([A-Za-z]+)/g, (m, slash: string, name: string) =>
        name === "xml" ? m : `<${slash}x:${name}`,
      )
      .replace(
        ` xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`,
        ` xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`,
      );
    const input = withParts(example(), { "xl/styles.xml": strToU8(styles) });
    const out = unzipSync(await copyPackageWithSheets(input, resultSpec()));
    const merged = strFromU8(out["xl/styles.xml"]!);
    expect(merged).toMatch(/<font xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main">/);
    expect(() => XLSX.read(zipSync(out), { type: "array" })).not.toThrow();
  });
});
