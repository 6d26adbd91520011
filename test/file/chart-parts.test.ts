/**
 * Native charts in written .xlsx files (src/file/chart-parts.ts): the parts, relationships and content types a
 * spreadsheet program needs, the series as references to the sheet's own cells, the `<drawing>` element at its
 * place in the worksheet (before a notes sheet's `<legacyDrawing>`), and files without charts unchanged.
 * That LibreOffice reads such a chart is checked in test/app/uncertainty-libreoffice.test.ts.
 */
import { unzipSync } from "fflate";
import { copyPackageWithSheets } from "../../src/file/package-copy";
import { writeWorkbookSpec } from "../../src/file/xlsx-writer";
import type { SheetSpec, WorkbookSpec } from "../../src/workbook/sheet-model";

const text = (files: Record<string, Uint8Array>, name: string): string => {
  const f = files[name];
  if (f === undefined) throw new Error(`no part ${name}`);
  return new TextDecoder().decode(f);
};

const plain: SheetSpec = {
  name: "Ark1",
  role: "result",
  blocks: [{ row: 0, col: 0, values: [["x"]] }],
};

/** A sheet "Mit ark" with years in A2:A4, two series in B2:C4, labels in E2:E3 and values in F2:F3. */
const withCharts: SheetSpec = {
  name: "Mit ark",
  role: "result",
  blocks: [
    {
      row: 0,
      col: 0,
      values: [
        ["År", "P5", "P95"],
        [2025, -10, 5],
        [2026, -5, 10],
        [2027, 0, 20],
      ],
    },
    {
      row: 1,
      col: 4,
      values: [
        ["Priser & <løn>", 3],
        ["Omkostninger", -2],
      ],
    },
  ],
  notes: [{ ref: "A1", text: "en note" }],
  charts: [
    {
      kind: "line",
      title: "Vifte: P5 & P95",
      categories: "A2:A4",
      series: [
        { name: "P5", ref: "B2:B4" },
        { name: "P95", ref: "C2:C4" },
      ],
      anchor: "A7",
      widthCols: 6,
      heightRows: 12,
    },
    {
      kind: "bar",
      title: "Tornado",
      categories: "E2:E3",
      series: [{ name: "Ændring", ref: "F2:F3" }],
      anchor: "H7",
      widthCols: 5,
      heightRows: 10,
    },
  ],
};

describe("charts in written files", () => {
  let files: Record<string, Uint8Array>;
  beforeAll(async () => {
    const spec: WorkbookSpec = { sheets: [plain, withCharts], names: [] };
    files = unzipSync(await writeWorkbookSpec(spec));
  });

  it("writes one chart part per chart, with the series and categories as absolute references to the sheet", () => {
    const line = text(files, "xl/charts/chart1.xml");
    expect(line).toContain("<c:lineChart>");
    expect(line).toContain("<c:cat><c:numRef><c:f>&apos;Mit ark&apos;!$A$2:$A$4</c:f></c:numRef></c:cat>");
    expect(line).toContain("<c:tx><c:v>P5</c:v></c:tx>");
    expect(line).toContain("<c:val><c:numRef><c:f>&apos;Mit ark&apos;!$B$2:$B$4</c:f></c:numRef></c:val>");
    expect(line).toContain("<c:val><c:numRef><c:f>&apos;Mit ark&apos;!$C$2:$C$4</c:f></c:numRef></c:val>");
    expect(line).toContain("<a:t>Vifte: P5 &amp; P95</a:t>");
    const bar = text(files, "xl/charts/chart2.xml");
    expect(bar).toContain('<c:barDir val="bar"/>');
    // text categories are a string reference
    expect(bar).toContain("<c:cat><c:strRef><c:f>&apos;Mit ark&apos;!$E$2:$E$3</c:f></c:strRef></c:cat>");
  });

  it("anchors both charts in one drawing of the sheet, linked by relationships and declared content types", () => {
    const drawing = text(files, "xl/drawings/drawing1.xml");
    // A7 → row 6, col 0; 6 columns wide, 12 rows high
    expect(drawing).toContain(
      "<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>",
    );
    expect(drawing).toContain(
      "<xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>",
    );
    expect(drawing.match(/<c:chart /g)).toHaveLength(2);
    const drawingRels = text(files, "xl/drawings/_rels/drawing1.xml.rels");
    expect(drawingRels).toContain('Id="rId1"');
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
    expect(drawingRels).toContain('Target="../charts/chart2.xml"');
    const types = text(files, "[Content_Types].xml");
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml"');
    expect(types).toContain('<Override PartName="/xl/charts/chart2.xml"');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml"');
  });

  it("puts <drawing> into the chart sheet only, before its notes' <legacyDrawing>, with the r: prefix declared", () => {
    const sheet2 = text(files, "xl/worksheets/sheet2.xml");
    const rels2 = text(files, "xl/worksheets/_rels/sheet2.xml.rels");
    const id = /<drawing r:id="([^"]+)"\/>/.exec(sheet2)?.[1];
    expect(id).toBeDefined();
    expect(rels2).toContain(`Id="${id}"`);
    expect(rels2).toContain('Target="../drawings/drawing1.xml"');
    // the notes' relationships (exceljs) are still there
    expect(rels2).toMatch(/comments|vmlDrawing/);
    expect(sheet2.indexOf("<drawing ")).toBeLessThan(sheet2.indexOf("<legacyDrawing"));
    expect(sheet2).toMatch(/<worksheet [^>]*xmlns:r="/);
    expect(text(files, "xl/worksheets/sheet1.xml")).not.toContain("<drawing");
  });

  it("adds nothing to a workbook without charts", async () => {
    const none = unzipSync(await writeWorkbookSpec({ sheets: [plain], names: [] }));
    expect(Object.keys(none).filter((n) => /chart|drawing/i.test(n))).toEqual([]);
  });
});

describe("charts in an --out copy (package-copy.ts)", () => {
  it("copies the drawing, its relationships and the chart parts with the grafted sheet, all resolvable", async () => {
    const user = await writeWorkbookSpec({ sheets: [plain], names: [] });
    const files = unzipSync(await copyPackageWithSheets(user, { sheets: [withCharts], names: [] }));
    const types = text(files, "[Content_Types].xml");
    // the grafted sheet → its rels → the drawing → its rels → two charts, every part present and typed
    const wbRels = text(files, "xl/_rels/workbook.xml.rels");
    const sheetTarget = [...wbRels.matchAll(/Target="([^"]+)"/g)]
      .map((m) => m[1] as string)
      .filter((t) => /worksheets\/sheet\d+\.xml$/.test(t))
      .map((t) => `xl/${t.replace(/^\/?xl\//, "")}`)
      .find((t) => text(files, t).includes("<drawing "));
    expect(sheetTarget).toBeDefined();
    const sheet = text(files, sheetTarget as string);
    const relId = /<drawing r:id="([^"]+)"\/>/.exec(sheet)?.[1] as string;
    const slash = (sheetTarget as string).lastIndexOf("/");
    const sheetRels = text(
      files,
      `${(sheetTarget as string).slice(0, slash)}/_rels/${(sheetTarget as string).slice(slash + 1)}.rels`,
    );
    const drawingTarget = new RegExp(`Id="${relId}"[^>]*Target="\\.\\./drawings/([^"]+)"`).exec(
      sheetRels,
    )?.[1];
    expect(drawingTarget).toBeDefined();
    expect(types).toContain(`<Override PartName="/xl/drawings/${drawingTarget}"`);
    const drawing = text(files, `xl/drawings/${drawingTarget}`);
    const drawingRels = text(files, `xl/drawings/_rels/${drawingTarget}.rels`);
    const ids = [...drawing.matchAll(/r:id="([^"]+)"/g)].map((m) => m[1] as string);
    expect(ids).toHaveLength(2);
    for (const id of ids) {
      const chart = new RegExp(`Id="${id}"[^>]*Target="\\.\\./charts/([^"]+)"`).exec(drawingRels)?.[1];
      expect(chart).toBeDefined();
      expect(text(files, `xl/charts/${chart}`)).toContain("&apos;Mit ark&apos;!$");
      expect(types).toContain(`<Override PartName="/xl/charts/${chart}"`);
    }
  });
});
