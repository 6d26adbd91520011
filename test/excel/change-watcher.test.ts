import { watchInputChanges, type InputChange } from "../../src/excel/change-watcher";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { createFakeExcel, fakeWorkbook } from "../support/fake-excel";

const SEED = {
  sheets: {
    Indstillinger: [
      ["Startår", 2025],
      ["Tidshorisont", 10],
    ],
    Noter: [["fri tekst"]],
  },
  names: { SOM_Startaar: "=Indstillinger!$B$1", SOM_Tidshorisont: "=Indstillinger!$B$2" },
};

const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Wait (up to 2 s) until `done()` — the debounced callback, even on a loaded machine. */
const until = async (done: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !done(); i++) await tick(10);
};

async function setup(apiVersion = "1.18") {
  const fake = createFakeExcel(fakeWorkbook(SEED), { apiVersion });
  const isSetSupported = (v: string): boolean => fake.isSetSupported("ExcelApi", v);
  const wb = new OfficeWorkbook((b) => fake.run(b), { isSetSupported });
  await wb.readNames(["SOM_Startaar", "SOM_Tidshorisont"]);
  const seen: (readonly InputChange[])[] = [];
  const watcher = await watchInputChanges({
    run: (b) => fake.run(b),
    inputRanges: () => wb.inputRanges(),
    onChange: (c) => seen.push(c),
    debounceMs: 20,
    isSetSupported,
  });
  return { fake, wb, seen, watcher };
}

describe("watchInputChanges", () => {
  it.each(["1.18", "1.7"])("reports a debounced burst of input edits once (ExcelApi %s)", async (v) => {
    const { fake, seen, watcher } = await setup(v);
    fake.userEdit("Indstillinger", "B1", 2026);
    fake.userEdit("Indstillinger", "B2", 12);
    await until(() => seen.length > 0);
    await tick(60);
    expect(seen).toEqual([
      [
        { sheet: "Indstillinger", address: "B1", names: ["SOM_Startaar"], source: "Local" },
        { sheet: "Indstillinger", address: "B2", names: ["SOM_Tidshorisont"], source: "Local" },
      ],
    ]);
    await watcher.stop();
    fake.userEdit("Indstillinger", "B1", 2027);
    await tick(60);
    expect(seen).toHaveLength(1);
  });

  it("ignores edits outside the input ranges", async () => {
    const { fake, seen } = await setup();
    fake.userEdit("Indstillinger", "A1", "Første år");
    fake.userEdit("Noter", "A1", "noget");
    await tick(60);
    expect(seen).toEqual([]);
  });

  it("ignores our own writes, even to input sheets", async () => {
    const { fake, seen, watcher } = await setup("1.7"); // no triggerSource filter by version: rely on ignoreWhile
    await watcher.ignoreWhile(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Indstillinger").getRange("B1").values = [[2030]];
        await ctx.sync();
      }),
    );
    await tick(60);
    expect(seen).toEqual([]);
  });

  it("on ExcelApi 1.14+ ignores our own write by its trigger source, but not a user edit right after it", async () => {
    const { fake, seen, watcher } = await setup("1.18");
    await watcher.ignoreWhile(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Indstillinger").getRange("B1").values = [[2030]];
        await ctx.sync();
      }),
    );
    await tick(30);
    expect(seen).toEqual([]);
    fake.userEdit("Indstillinger", "B2", 11); // well within the 500 ms grace older hosts need
    await until(() => seen.length > 0);
    expect(seen).toEqual([
      [{ sheet: "Indstillinger", address: "B2", names: ["SOM_Tidshorisont"], source: "Local" }],
    ]);
  });

  // issue 12, item 11: before ExcelApi 1.14 Excel sends no triggerSource, so our own writes look like edits
  it("on ExcelApi 1.7 sees our own write as an edit unless it runs inside ignoreWhile (no triggerSource there)", async () => {
    const { fake, seen } = await setup("1.7");
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Indstillinger").getRange("B1").values = [[2030]];
      await ctx.sync();
    });
    await until(() => seen.length > 0);
    expect(seen).toEqual([
      [{ sheet: "Indstillinger", address: "B1", names: ["SOM_Startaar"], source: "Local" }],
    ]);
  });

  // issue 12, item 5
  it("keeps watching a renamed input sheet after the inputs were read again", async () => {
    const { fake, wb, seen } = await setup("1.18");
    fake.renameSheet("Indstillinger", "Settings");
    await wb.readNames(["SOM_Startaar", "SOM_Tidshorisont"]); // the pane re-reads: ranges now on "Settings"
    fake.userEdit("Settings", "B2", 13);
    await until(() => seen.length > 0);
    expect(seen).toEqual([
      [{ sheet: "Settings", address: "B2", names: ["SOM_Tidshorisont"], source: "Local" }],
    ]);
  });

  it("reports a co-author's edit as Remote", async () => {
    const { fake, seen } = await setup("1.18");
    fake.remoteEdit("Indstillinger", "B1", 2031);
    await until(() => seen.length > 0);
    expect(seen).toEqual([
      [{ sheet: "Indstillinger", address: "B1", names: ["SOM_Startaar"], source: "Remote" }],
    ]);
  });
});
