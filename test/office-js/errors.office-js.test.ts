/**
 * Real Office.js error objects from the RichApi host emulator: `code` and `debugInfo` (errorLocation and the
 * statement the real client reconstructs from the failing action's index), as the add-in logs and maps them
 * (issue 12, item 6), and the 5 MB request limit measured on the real serialized request.
 */
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { describeOfficeError } from "../../src/excel/office-errors";
import { fakeWorkbook } from "../support/fake-excel";
import { startRichApiEmulator, type RichApiEmulator } from "../support/richapi-emulator/emulator";

let emu: RichApiEmulator;
let wb: OfficeWorkbook;

beforeEach(async () => {
  emu = await startRichApiEmulator(
    fakeWorkbook({ sheets: { Ark1: [["x", 1]] }, names: { SOM_Startaar: "=Ark1!$B$1" } }),
  );
  wb = new OfficeWorkbook(emu.run, { isSetSupported: () => true });
});
afterEach(async () => {
  await emu.settle();
  await emu.close();
});

describe("Office errors through the real client", () => {
  it("a missing sheet is ItemNotFound with debugInfo, logged with location and statement", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const err = (await wb.selectCell("Findes ikke", "A1").catch((e: unknown) => e)) as {
        code: string;
        cause: { name: string; code: string; debugInfo: { errorLocation?: string; statement?: string } };
      };
      expect(err.code).toBe("ItemNotFound");
      // the real client's error object
      expect(err.cause.name).toBe("RichApi.Error");
      expect(err.cause.code).toBe("ItemNotFound");
      expect(err.cause.debugInfo.statement).toBe("var worksheet = worksheets.getItem(...);");
      expect(spy).toHaveBeenCalledWith(
        "SØM: Excel error ItemNotFound in selectCell",
        expect.objectContaining({
          code: "ItemNotFound",
          statement: expect.stringMatching(/getItem/) as string,
        }),
      );
      expect(describeOfficeError(err).en).toMatch(/Name Manager/);
    } finally {
      spy.mockRestore();
    }
  });

  it("a request over 5 MB is refused as RequestPayloadSizeLimitExceeded, measured on the wire", async () => {
    const big = new OfficeWorkbook(emu.run, {
      maxCellsPerRequest: 1e9,
      maxBytesPerRequest: 1e9,
      isSetSupported: () => true,
    });
    const grid = Array.from({ length: 1000 }, () => Array.from({ length: 30 }, () => "y".repeat(200)));
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await expect(
        big.writeSheets({
          sheets: [{ name: "Tekst", role: "result", blocks: [{ row: 0, col: 0, values: grid }] }],
          names: [],
        }),
      ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded", partial: false });
    } finally {
      spy.mockRestore();
    }
    const refused = emu.requests.find((r) => r.error === "RequestPayloadSizeLimitExceeded");
    expect(refused?.bytes).toBeGreaterThan(5 * 1024 * 1024);
    // the same grid in the adapter's default chunks goes through, every request under the limit
    emu.reset();
    await wb.writeSheets({
      sheets: [{ name: "Tekst", role: "result", blocks: [{ row: 0, col: 0, values: grid }] }],
      names: [],
    });
    expect(Math.max(...emu.requests.map((r) => r.bytes))).toBeLessThan(5 * 1024 * 1024);
  });
});
