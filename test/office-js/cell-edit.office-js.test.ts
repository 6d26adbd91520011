/**
 * Issue 12, item 4: automatic runs (auto-recalculate) wait for the user to finish editing a cell instead of
 * failing with InvalidOperationInCellEditMode — `Excel.run({ delayForCellEdit: true }, …)` through the real
 * Office.js client, which sets request flag 64; the emulator holds such a request while a cell is edited.
 */
import { automaticRuns, OfficeWorkbook } from "../../src/excel/office-workbook";
import { fakeWorkbook } from "../support/fake-excel";
import { FLAG_DELAY_FOR_CELL_EDIT, startRichApiEmulator } from "../support/richapi-emulator/emulator";

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

it("a user action fails while a cell is edited; an automatic run waits and then succeeds", async () => {
  const emu = await startRichApiEmulator(
    fakeWorkbook({ sheets: { Ark1: [["x", 7]] }, names: { N: "=Ark1!$B$1" } }),
  );
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const auto = automaticRuns(emu.run);
    const wb = new OfficeWorkbook(auto.run, { isSetSupported: () => true });
    emu.fake.setCellEditMode(true);
    await expect(wb.readNames(["N"])).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });

    emu.reset();
    let done = false;
    const pending = auto
      .automatic(() => wb.readNames(["N"]))
      .then((r) => {
        done = true;
        return r;
      });
    await tick(100);
    expect(done).toBe(false); // held while the user types
    emu.fake.setCellEditMode(false);
    const read = await pending;
    expect(read.get("n")).toMatchObject({ kind: "range", values: [[7]] });
    const sent = emu.requests.filter((r) => !r.cleanup);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => (r.flags & FLAG_DELAY_FOR_CELL_EDIT) !== 0)).toBe(true);
    expect(sent.every((r) => r.error === undefined)).toBe(true);
  } finally {
    spy.mockRestore();
    await emu.settle();
    await emu.close();
  }
});
