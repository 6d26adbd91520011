/** The fake must fail where Excel fails, or the adapter tests prove nothing. */
import { createFakeExcel, fakeWorkbook, getCell } from "../support/fake-excel";

const seed = { sheets: { Ark1: [["a", 1]] }, names: { N: "=Ark1!$B$1" } };

describe("fake Excel is strict like Office.js", () => {
  it("throws PropertyNotLoaded when a property is read before load + sync", async () => {
    const fake = createFakeExcel(fakeWorkbook(seed));
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Ark1").getRange("A1:B1");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(r.values).toEqual([["a", 1]]);
      expect(() => r.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("only knows isNullObject after a sync", async () => {
    const fake = createFakeExcel(fakeWorkbook(seed));
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.names.getItemOrNullObject("Findes_Ikke");
      const there = ctx.workbook.names.getItemOrNullObject("n");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
    expect(fake.stats.syncs).toBe(1);
  });

  it("runs queued calls only at sync, and rejects 2-D arrays of the wrong shape with InvalidArgument", async () => {
    const fake = createFakeExcel(fakeWorkbook(seed));
    await expect(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Ark1");
        ws.getRange("C1").values = [["før"]];
        expect(getCell(fake.model, "Ark1", "C1")).toBeUndefined(); // queued, not yet applied
        ws.getRange("A2:B3").values = [[1, 2, 3]];
        ws.getRange("D1").values = [["efter"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(getCell(fake.model, "Ark1", "C1")?.value).toBe("før"); // earlier call stays applied (not transactional)
    expect(getCell(fake.model, "Ark1", "D1")).toBeUndefined(); // later call dropped
  });

  it("parses typed input like Excel: formulas, numbers, booleans, text prefix, text format", async () => {
    const fake = createFakeExcel(fakeWorkbook(seed));
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Ark1");
      ws.getRange("A3:E3").numberFormat = [["General", "General", "General", "General", "@"]];
      ws.getRange("A3:E3").values = [["=B1", "-5", "TRUE", "'=x", "=y"]];
      await ctx.sync();
    });
    expect(getCell(fake.model, "Ark1", "A3")).toMatchObject({ formula: "=B1", value: 1 });
    expect(getCell(fake.model, "Ark1", "B3")?.value).toBe(-5);
    expect(getCell(fake.model, "Ark1", "C3")?.value).toBe(true);
    expect(getCell(fake.model, "Ark1", "D3")?.value).toBe("=x");
    expect(getCell(fake.model, "Ark1", "E3")).toMatchObject({ value: "=y", numberFormat: "@" });
  });

  it("rejects invalid sheet and defined names like Excel", async () => {
    const fake = createFakeExcel(fakeWorkbook(seed));
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.add("a/b");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.names.add("CO2", "=1");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.add("ark1");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });
});
