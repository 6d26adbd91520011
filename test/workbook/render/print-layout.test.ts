/**
 * The print setup of result sheets (src/workbook/render/print-layout.ts) and the print-title ranges both writers
 * use (`printTitleRanges`: `_xlnm.Print_Titles` in files, `pageLayout.setPrintTitleRows/Columns` in Excel).
 */
import { printTitleRanges, withPrintSetup } from "../../../src/workbook/render/print-layout";
import type { PrintSetup, SheetSpec } from "../../../src/workbook/sheet-model";

const SHEET: SheetSpec = {
  name: "Resultater",
  role: "result",
  blocks: [
    { row: 0, col: 0, values: [["Resultater: Indsats X"]], style: "title" },
    {
      row: 2,
      col: 0,
      values: [
        ["Aktør", "2025"],
        ["Kommune", 1],
      ],
      style: "output",
    },
    {
      row: 40,
      col: 0,
      values: [
        ["Aktør", "2026"],
        ["Region", 2],
      ],
      style: "output",
    },
  ],
  pageBreaks: [0, 40, 40],
};

describe("withPrintSetup (result sheets)", () => {
  it("prints the title (A1) in the page header and does not repeat row 1 as a title row", () => {
    const p = withPrintSetup(SHEET, { lang: "da", footer: "Beregnet 2026-12-06 07:05 (UTC+01:00)" }).print;
    expect(p?.header).toBe("Resultater: Indsats X");
    expect(p?.titleRows).toBeUndefined();
    expect(p?.titleColumns).toBeUndefined();
    expect(p?.rowBreaks).toEqual([40]); // the renderer's breaks, row 0 and duplicates dropped
    expect(p?.orientation).toBe("portrait");
  });
});

describe("printTitleRanges", () => {
  const base: PrintSetup = { orientation: "landscape", header: "h", footer: "f", lang: "da" };
  it("gives absolute 1-based rows and lettered columns", () => {
    expect(
      printTitleRanges({ ...base, titleRows: { first: 5, last: 5 }, titleColumns: { first: 0, last: 1 } }),
    ).toEqual({ rows: "$6:$6", columns: "$A:$B" });
    expect(printTitleRanges({ ...base, titleColumns: { first: 25, last: 27 } })).toEqual({
      columns: "$Z:$AB",
    });
    expect(printTitleRanges(base)).toEqual({});
  });
});
