import {
  describeOfficeError,
  logOfficeError,
  officeErrorCode,
  OfficeWriteError,
  KNOWN_OFFICE_CODES,
} from "../../src/excel/office-errors";
import { checkRequirements } from "../../src/excel/requirements";

const officeError = (code: string): Error & { code: string } =>
  Object.assign(new Error("localized technical text"), { code });

describe("Office error messages", () => {
  it.each([
    [
      "InvalidOperationInCellEditMode",
      /Afslut redigeringen af cellen \(tryk Enter/,
      /Finish editing the cell \(press Enter/,
    ],
    ["ItemNotFound", /Navnestyring/, /Name Manager/],
    ["InvalidArgument", /afviste/, /rejected/],
    ["RequestPayloadSizeLimitExceeded", /for store.*følsomhedsgitteret/, /too large.*sensitivity grid/],
    ["ResponsePayloadSizeLimitExceeded", /hele kolonner/, /whole columns/],
    ["ApiNotFound", /Opdater Excel/, /Update Excel/],
    ["AccessDenied", /skrivebeskyttet/, /read-only/],
    ["GeneralException", /uventet fejl/, /unexpected error/],
    ["InvalidReference", /#REFERENCE!/, /#REF!/],
    ["Conflict", /samredigering/, /co-authoring/],
    // issue 12, item 6: codes that used to get the generic message
    ["InactiveWorkbook", /ikke den aktive/, /not the active/],
    ["InvalidSelection", /markering/, /selection/],
    ["RangeExceedsLimit", /for stort område/, /too large a range/],
    ["ActivityLimitReached", /for mange ændringer/, /too many changes/],
    ["FormulaLengthExceedsLimit", /formel.*for lang/, /formula.*too long/],
    ["RequestAborted", /afbrudt/, /interrupted/],
    ["WorkbookProtected", /Projektmappens struktur er beskyttet/, /workbook's structure is protected/],
  ])("%s → a message that says what to do, in Danish and English", (code, da, en) => {
    const m = describeOfficeError(officeError(code));
    expect(m.da).toMatch(da);
    expect(m.en).toMatch(en);
    expect(m.da).not.toContain("localized technical text");
  });

  it("has a generic message for unknown codes and non-Office errors", () => {
    expect(describeOfficeError(officeError("SomethingNew")).da).toMatch(/uventet fejl/);
    expect(describeOfficeError(new TypeError("x")).en).toMatch(/unexpected error/);
    expect(officeErrorCode("string error")).toBe("Unknown");
    expect(officeErrorCode(null)).toBe("Unknown");
  });

  it("names the sheet of a failed write and whether the workbook may be partly changed", () => {
    const partial = describeOfficeError(new OfficeWriteError("GeneralException", ["Resultater"], true));
    expect(partial.da).toMatch(/»Resultater«.*delvist opdateret/);
    expect(partial.en).toMatch(/“?Resultater.*partly updated/);
    const none = describeOfficeError(
      new OfficeWriteError("InvalidOperationInCellEditMode", ["Resultater"], false),
    );
    expect(none.da).toMatch(/Intet blev ændret/);
  });

  it("covers every code the brief lists", () => {
    for (const code of [
      "ItemNotFound",
      "InvalidArgument",
      "InvalidOperationInCellEditMode",
      "RequestPayloadSizeLimitExceeded",
      "ResponsePayloadSizeLimitExceeded",
      "ApiNotFound",
      "AccessDenied",
      "GeneralException",
    ])
      expect(KNOWN_OFFICE_CODES).toContain(code);
  });
});

describe("requirements", () => {
  it("accepts ExcelApi 1.8 and explains what to do below it (Office 2019 volume-licensed stops at 1.7)", () => {
    const upTo = (max: number) => (v: string) => Number(v.split(".")[1]) <= max;
    expect(checkRequirements(upTo(8))).toEqual({ ok: true });
    const r = checkRequirements(upTo(7));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.da).toMatch(/ExcelApi 1\.8.*Excel 2021 eller nyere.*Opdater Excel/);
  });

  it("is false outside Office (no Office global)", () => {
    expect(checkRequirements().ok).toBe(false);
  });
});

describe("Office error diagnostics (issue 12, item 6)", () => {
  it("logs code, errorLocation and statement of every Office error, also when wrapped by the adapter", () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const office = Object.assign(new Error("x"), {
        code: "InvalidArgument",
        debugInfo: {
          code: "InvalidArgument",
          errorLocation: "Range.values",
          statement: "range.values = ...;",
        },
      });
      logOfficeError("writeSheets", new OfficeWriteError("InvalidArgument", ["Resultater"], false, office));
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0]?.[1]).toEqual({
        operation: "writeSheets",
        code: "InvalidArgument",
        errorLocation: "Range.values",
        statement: "range.values = ...;",
      });
      logOfficeError("readNames", new TypeError("not an Office error"));
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});
