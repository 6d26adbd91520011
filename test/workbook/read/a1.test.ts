import {
  absCellA1,
  cellA1,
  colLetters,
  parseAddress,
  parseCellA1,
  parseRectA1,
  qualifiedAbsRef,
  quoteSheet,
  quoteSheetName,
  rectA1,
} from "../../../src/workbook/a1";
import * as excelA1 from "../../../src/excel/a1";
import * as fileA1 from "../../../src/file/a1-ref";

describe("the shared A1 helpers", () => {
  it("turn 0-based positions into A1 text and back (Z=25, AA=26, XFD=16383)", () => {
    expect([colLetters(0), colLetters(25), colLetters(26), colLetters(16_383)]).toEqual([
      "A",
      "Z",
      "AA",
      "XFD",
    ]);
    expect(cellA1(6, 3)).toBe("D7");
    expect(absCellA1(6, 3)).toBe("$D$7");
    expect(rectA1({ row: 3, col: 1, rows: 9, cols: 3 })).toBe("B4:D12");
    expect(rectA1({ row: 3, col: 1, rows: 1, cols: 1 }, true)).toBe("$B$4");
    expect(parseCellA1("$D$7")).toEqual({ row: 6, col: 3 });
    expect(parseCellA1("XFE1")).toBeUndefined();
    expect(parseRectA1("D12:B4")).toEqual({ row: 3, col: 1, rows: 9, cols: 3 });
    expect(parseRectA1("3:5")).toEqual({ row: 2, col: 0, rows: 3, cols: 16_384 });
  });

  it("quote sheet names for files (non-ASCII letters plain) and for Office.js (only ASCII plain)", () => {
    expect(quoteSheetName("Følsomhed")).toBe("Følsomhed");
    expect(quoteSheet("Følsomhed")).toBe("'Følsomhed'");
    for (const q of [quoteSheetName, quoteSheet]) {
      expect(q("Indstillinger")).toBe("Indstillinger");
      expect(q("Ark 1")).toBe("'Ark 1'");
      expect(q("O'Hara")).toBe("'O''Hara'");
      expect(q("AB12")).toBe("'AB12'");
    }
    expect(quoteSheetName("TRUE")).toBe("'TRUE'");
    expect(qualifiedAbsRef("Mine tal", { row: 2, col: 1, rows: 18, cols: 5 })).toBe("'Mine tal'!$B$3:$F$20");
    expect(parseAddress("'Mine tal'!$B$3:$F$20")).toEqual({
      sheet: "Mine tal",
      rect: { row: 2, col: 1, rows: 18, cols: 5 },
    });
  });

  it("are the very functions the Office.js and file adapters use", () => {
    expect(excelA1.parseRect).toBe(parseRectA1);
    expect(excelA1.quoteSheet).toBe(quoteSheet);
    expect(fileA1.parseRectA1).toBe(parseRectA1);
    expect(fileA1.quoteSheetName).toBe(quoteSheetName);
  });
});
