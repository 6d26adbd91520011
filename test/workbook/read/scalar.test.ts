import type { InputIssue } from "../../../src/engine/types";
import {
  looksLikeNumber,
  readInteger,
  readNumber,
  readPercent,
  readScalar,
  readText,
  toNumber,
  toText,
  type CellAt,
} from "../../../src/workbook/read/scalar";
import { aNamedCell, aNamedConstant, aNamedRange, anUnsupportedName, namedMap } from "./named-values";

const AT: CellAt = {
  path: ["costs", 0, "amountKr"],
  name: "SOM_Omkostninger",
  sheet: "Omkostninger",
  cell: "E5",
};

describe("readScalar", () => {
  it("reads a named cell with its sheet and cell", () => {
    const issues: InputIssue[] = [];
    const named = namedMap({ SOM_Tidshorisont: aNamedCell("Indstillinger", "C4", 10, "SOM_Tidshorisont") });
    const s = readScalar(named, "SOM_Tidshorisont", issues, { path: ["settings", "horizon"] });
    expect(s).toEqual({
      value: 10,
      at: { path: ["settings", "horizon"], name: "SOM_Tidshorisont", sheet: "Indstillinger", cell: "C4" },
    });
    expect(issues).toEqual([]);
  });

  it("finds the name whatever its case in the workbook (the map is keyed by lower-cased name)", () => {
    const issues: InputIssue[] = [];
    const named = new Map([["som_tidshorisont", aNamedCell("Ark1", "A1", 7, "som_TIDSHORISONT")]]);
    expect(readNumber(named, "SOM_Tidshorisont", issues)).toBe(7);
  });

  it("reads a named constant with no sheet and no cell", () => {
    const issues: InputIssue[] = [];
    const named = namedMap({ SOM_Diskonteringsrente: aNamedConstant(0.035, "SOM_Diskonteringsrente") });
    const s = readScalar(named, "SOM_Diskonteringsrente", issues, { path: ["settings", "discountRate"] });
    expect(s).toEqual({
      value: 0.035,
      at: { path: ["settings", "discountRate"], name: "SOM_Diskonteringsrente" },
    });
    expect(readPercent(named, "SOM_Diskonteringsrente", issues)).toBe(0.035);
    expect(issues).toEqual([]);
  });

  it("accepts a merged cell (a range with only the top-left cell filled)", () => {
    const issues: InputIssue[] = [];
    const named = namedMap({
      SOM_Indsats: aNamedRange("Indsats", "C3", [["Mentorforløb", null, ""]], "SOM_Indsats"),
    });
    expect(readText(named, "SOM_Indsats", issues)).toBe("Mentorforløb");
    expect(issues).toEqual([]);
  });

  it("reports a scalar name over several filled cells as not-one-cell, located at the whole range", () => {
    const issues: InputIssue[] = [];
    const named = namedMap({
      SOM_Startaar: aNamedRange("Indstillinger", "C3", [[2025], [2026]], "SOM_Startaar"),
    });
    expect(readNumber(named, "SOM_Startaar", issues, { path: ["settings", "startYear"] })).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe("not-one-cell");
    expect(issues[0]?.location).toEqual({
      path: ["settings", "startYear"],
      name: "SOM_Startaar",
      sheet: "Indstillinger",
      cell: "C3:C4",
    });
  });

  it("reports a missing required name by its name, and ignores a missing optional one", () => {
    const issues: InputIssue[] = [];
    expect(
      readNumber(namedMap({}), "SOM_Tidshorisont", issues, { required: true, path: ["settings", "horizon"] }),
    ).toBeUndefined();
    expect(
      readNumber(namedMap({}), "SOM_Prisniveau", issues, { path: ["settings", "priceLevel"] }),
    ).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe("missing-name");
    expect(issues[0]?.severity).toBe("error");
    expect(issues[0]?.location).toEqual({ path: ["settings", "horizon"], name: "SOM_Tidshorisont" });
    expect(issues[0]?.message.da).toContain("SOM_Tidshorisont");
    expect(issues[0]?.message.en).toContain("SOM_Tidshorisont");
  });

  it("reports an unsupported name (#REF!, several areas) with its formula", () => {
    const issues: InputIssue[] = [];
    const named = namedMap({ SOM_Startaar: anUnsupportedName("Indstillinger!#REF!", "SOM_Startaar") });
    expect(readInteger(named, "SOM_Startaar", issues)).toBeUndefined();
    expect(issues.map((i) => [i.code, i.location.name])).toEqual([["unsupported-name", "SOM_Startaar"]]);
    expect(issues[0]?.message.en).toContain("Indstillinger!#REF!");
  });
});

describe("toNumber", () => {
  it.each(["1.500", "1,5", " 12 ", "-3,5 %", "1 500 kr.", "2.000.000"])(
    "reports the number stored as text %p as number-as-text at its cell",
    (text) => {
      const issues: InputIssue[] = [];
      expect(toNumber(text, AT, issues)).toBeUndefined();
      expect(issues.map((i) => i.code)).toEqual(["number-as-text"]);
      expect(issues[0]?.location).toEqual({
        path: ["costs", 0, "amountKr"],
        name: "SOM_Omkostninger",
        sheet: "Omkostninger",
        cell: "E5",
      });
      expect(issues[0]?.message.da).toContain(`"${text.trim()}"`);
    },
  );

  it("reports other text where a number is required as not-a-number", () => {
    const issues: InputIssue[] = [];
    expect(toNumber("ca. 500", AT, issues)).toBeUndefined();
    expect(toNumber("=E4*2", AT, issues)).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual(["not-a-number", "not-a-number"]);
  });

  it("reports TRUE/FALSE and Excel error values in a number cell", () => {
    const issues: InputIssue[] = [];
    expect(toNumber(true, AT, issues)).toBeUndefined();
    expect(toNumber("#DIV/0!", AT, issues)).toBeUndefined();
    expect(toNumber("#N/A", AT, issues)).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual(["boolean-in-cell", "error-in-cell", "error-in-cell"]);
    expect(issues[1]?.message.en).toContain("#DIV/0!");
  });

  it("reads blank cells (null, empty or spaces) as undefined without an issue", () => {
    const issues: InputIssue[] = [];
    expect([toNumber(null, AT, issues), toNumber("", AT, issues), toNumber("   ", AT, issues)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(issues).toEqual([]);
  });

  it("passes a number through unchanged, also a percentage typed as 25 instead of 25 %", () => {
    const issues: InputIssue[] = [];
    expect(toNumber(-1234.5, AT, issues)).toBe(-1234.5);
    const named = namedMap({
      SOM_Diskonteringsrente: aNamedCell("Indstillinger", "C6", 25, "SOM_Diskonteringsrente"),
    });
    expect(readPercent(named, "SOM_Diskonteringsrente", issues)).toBe(25);
    expect(issues).toEqual([]);
  });
});

describe("readInteger", () => {
  it("reports a fractional number where a whole number is required", () => {
    const issues: InputIssue[] = [];
    const named = namedMap({ SOM_Startaar: aNamedCell("Indstillinger", "C3", 2025.5, "SOM_Startaar") });
    expect(readInteger(named, "SOM_Startaar", issues, { path: ["settings", "startYear"] })).toBeUndefined();
    expect(issues.map((i) => [i.code, i.location.name, i.location.sheet, i.location.cell])).toEqual([
      ["not-an-integer", "SOM_Startaar", "Indstillinger", "C3"],
    ]);
    expect(issues[0]?.message.da).toContain("2025,5");
  });
});

describe("toText", () => {
  it("trims text, turns numbers into their text and keeps text starting with = as text", () => {
    const issues: InputIssue[] = [];
    expect(toText("  Kommune ", AT, issues)).toBe("Kommune");
    expect(toText(2025, AT, issues)).toBe("2025");
    expect(toText('=HYPERLINK("x")', AT, issues)).toBe('=HYPERLINK("x")');
    expect(toText("  ", AT, issues)).toBeUndefined();
    expect(issues).toEqual([]);
  });

  it("reports an error value or TRUE/FALSE where text is required", () => {
    const issues: InputIssue[] = [];
    expect(toText("#REF!", AT, issues)).toBeUndefined();
    expect(toText(false, AT, issues)).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual(["error-in-cell", "boolean-in-cell"]);
  });
});

describe("looksLikeNumber", () => {
  it("tells number-looking text from words, and stays fast on very long text", () => {
    expect(["1.500", "1,5", "12", "+3", "25 %"].every(looksLikeNumber)).toBe(true);
    expect(["Kommune", "År 1", "1-2", "", "1.5.x"].some(looksLikeNumber)).toBe(false);
    const long = `1${" ".repeat(200_000)}x`;
    const t0 = Date.now();
    expect(looksLikeNumber(long)).toBe(false);
    // a quadratic scan of 200.000 characters takes seconds; a linear one well under a millisecond (generous bound for a loaded CI)
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
