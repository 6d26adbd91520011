import { needsTextPrefix, toExcelInput } from "../../src/excel/excel-input";
import { colLetters, parseAddress, parseRect, quoteSheet, rectA1 } from "../../src/excel/a1";
import { createFakeExcel, fakeWorkbook, getCell } from "../support/fake-excel";

describe("text is sent so that Excel keeps it as text", () => {
  it.each([
    "=cmd|' /C calc'!A0",
    "+45 12 34 56 78",
    "-Stat",
    "@SUM(A1)",
    "'citat",
    "2025",
    "1/2",
    "12:30",
    "50%",
    "#N/A",
    " Kommune",
    "Jan 2025",
    "TRUE",
    "falsk",
    "(5)",
    "e5x1",
  ])("prefixes %j", (s) => {
    expect(needsTextPrefix(s)).toBe(true);
    expect(toExcelInput(s)).toBe(`'${s}`);
  });

  it.each(["Kommune", "Aktør", "Mentorforløb for unge", "Øvrige", "Nettoresultat, kommune"])(
    "leaves plain text %j alone",
    (s) => {
      expect(toExcelInput(s)).toBe(s);
    },
  );

  it("passes numbers and booleans through and empties null cells", () => {
    expect(toExcelInput(-1.5)).toBe(-1.5);
    expect(toExcelInput(true)).toBe(true);
    expect(toExcelInput(null)).toBe("");
  });

  it("round-trips every tricky string through Excel's input parsing as the same text", async () => {
    const tricky = ["=cmd|' /C calc'!A0", "-Stat", "'citat", "2025", "TRUE", "+4512", "@x", "Kommune"];
    const fake = createFakeExcel(fakeWorkbook({ sheets: { A: [[null]] } }));
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRangeByIndexes(0, 0, 1, tricky.length).values = [
        tricky.map(toExcelInput),
      ];
      await ctx.sync();
    });
    tricky.forEach((s, i) => {
      const cell = getCell(fake.model, "A", `${colLetters(i)}1`);
      expect(cell?.value).toBe(s);
      expect(cell?.formula).toBeUndefined();
    });
  });
});

describe("A1 helpers", () => {
  it("converts columns and rectangles", () => {
    expect(colLetters(0)).toBe("A");
    expect(colLetters(25)).toBe("Z");
    expect(colLetters(26)).toBe("AA");
    expect(colLetters(16383)).toBe("XFD");
    expect(rectA1({ row: 2, col: 1, rows: 18, cols: 5 })).toBe("B3:F20");
    expect(parseRect("$B$3:$F$20")).toEqual({ row: 2, col: 1, rows: 18, cols: 5 });
    expect(parseRect("A:B")).toEqual({ row: 0, col: 0, rows: 1_048_576, cols: 2 });
    expect(parseRect("XFE1")).toBeUndefined();
  });

  it("parses and quotes sheet names", () => {
    expect(quoteSheet("Resultater")).toBe("Resultater");
    expect(quoteSheet("Ark 1")).toBe("'Ark 1'");
    expect(quoteSheet("O'Hara")).toBe("'O''Hara'");
    expect(quoteSheet("Følsomhed")).toBe("'Følsomhed'");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(parseAddress("'O''Hara'!$B$2")).toEqual({
      sheet: "O'Hara",
      rect: { row: 1, col: 1, rows: 1, cols: 1 },
    });
    expect(parseAddress("Ark1!A1,Ark1!B2")).toBeUndefined();
  });
});
