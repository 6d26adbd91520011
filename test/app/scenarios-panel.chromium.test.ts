/**
 * The scenarios panel in headless Chromium (Debian /usr/bin/chromium via puppeteer-core; no browser download):
 * the real panel and use cases over the in-memory example workbook (scenarios-pane/pane-entry.ts), driven as a
 * user would — save two scenarios, compare them and read "why did it move", restore the first after the
 * confirmation, and split the kommune into departments.
 */
import type { Page } from "puppeteer-core";
import {
  describeWithChromium,
  lastNote as lastNoteOf,
  notesCount as notesCountOf,
  paneHarness,
  waitForNoteAfter,
  type Note,
} from "../support/pane-harness/chromium";

const describeChromium = describeWithChromium("scenarios pane");

describeChromium("the scenarios panel in headless Chromium", () => {
  const pane = paneHarness({
    config: "test/app/scenarios-pane/webpack.pane.config.js",
    tmpPrefix: "som-scenarios-pane-",
    readySelector: "#scenarios-save",
  });
  const { errors, requests } = pane;
  let page: Page;

  const clickAndWaitNote = async (selector: string): Promise<Note | undefined> => {
    const n = await notesCountOf(page);
    await page.click(selector);
    await waitForNoteAfter(page, n);
    return lastNoteOf(page);
  };
  const listed = (): Promise<string[]> =>
    page.$$eval("#scenarios-list .scenario-name", (els) => els.map((e) => e.textContent ?? ""));
  /** The success-rate cell of the first effect: one row and one column in from the top-left of SOM_Effekter. */
  const rateCell = async (): Promise<{ sheet: string; a1: string }> => {
    const target = await page.evaluate(() => window.paneTest.name("SOM_Effekter"));
    if (target === null || !("ref" in target)) throw new Error("no SOM_Effekter");
    const m = /^\$?([A-Z]+)\$?(\d+)/.exec(target.ref);
    if (m === null) throw new Error(target.ref);
    const col = String.fromCharCode((m[1] ?? "A").charCodeAt(0) + 1);
    return { sheet: target.sheet, a1: `${col}${Number(m[2]) + 1}` };
  };
  const save = async (name: string): Promise<Note | undefined> => {
    await page.$eval("#scenarios-name", (e) => ((e as HTMLInputElement).value = ""));
    await page.type("#scenarios-name", name);
    const note = await clickAndWaitNote("#scenarios-save");
    await page.waitForFunction(
      (k: string) =>
        [...document.querySelectorAll("#scenarios-list .scenario-name")].some((e) => e.textContent === k),
      { timeout: 10000 },
      name,
    );
    return note;
  };

  beforeAll(async () => {
    page = await pane.start();
  }, 180000);
  afterAll(() => pane.stop());

  it("saves two scenarios into the hidden store sheet and lists them", async () => {
    expect(await save("Forsigtig")).toEqual({
      kind: "success",
      text: { da: "Scenariet »Forsigtig« er gemt.", en: "The scenario “Forsigtig” was saved." },
    });
    const cell = await rateCell();
    await page.evaluate(
      (c: { sheet: string; a1: string }) => window.paneTest.setCell(c.sheet, c.a1, 0.3),
      cell,
    );
    await save("Optimistisk");
    expect(await listed()).toEqual(["Forsigtig", "Optimistisk"]);
    const sheets = await page.evaluate(() => window.paneTest.sheets());
    expect(sheets.find((s) => s.name === "_som_scenarier")?.visibility).toBe("hidden");
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("writes the comparison and shows that only the success rates moved the result", async () => {
    const note = await clickAndWaitNote("#scenarios-compare");
    expect(note?.kind).toBe("success");
    await page.waitForSelector("#scenarios-why");
    const rows = await page.$$eval("#scenarios-why dt", (els) =>
      els.map((e) => `${e.textContent}=${e.nextElementSibling?.textContent ?? ""}`),
    );
    expect(
      rows
        .filter((r) => !r.startsWith("Succesrater") && !r.startsWith("Forskel"))
        .every((r) => r.endsWith("=0 kr.")),
    ).toBe(true);
    const diff = rows.find((r) => r.startsWith("Forskel"))?.split("=")[1];
    expect(rows.find((r) => r.startsWith("Succesrater"))?.split("=")[1]).toBe(diff);
    const sheets = await page.evaluate(() => window.paneTest.sheets());
    expect(sheets.map((s) => s.name)).toContain("Sammenligning");
  });

  it("restores the first scenario after asking, putting the success rate back", async () => {
    const cell = await rateCell();
    const before = await page.evaluate(() => window.paneTest.questions().length);
    const note = await clickAndWaitNote('#scenarios-list li[data-id="1"] .actions button');
    expect(await page.evaluate(() => window.paneTest.questions().length)).toBe(before + 1);
    expect(note?.kind).toBe("success");
    expect(
      await page.evaluate((c: { sheet: string; a1: string }) => window.paneTest.cell(c.sheet, c.a1), cell),
    ).toBe(0.126);
    expect(await page.evaluate(() => window.paneTest.changed())).toContain("inputs");
  });

  it("splits the kommune into the suggested departments", async () => {
    await page.click("#scenarios-load-actors");
    await page.waitForSelector("#scenarios-kommune");
    const suggested = await page.$eval(
      "#scenarios-departments-list",
      (e) => (e as HTMLTextAreaElement).value,
    );
    expect(suggested.split("\n")).toEqual([
      "Beskæftigelse",
      "Børn og unge",
      "Social/voksen",
      "Sundhed og ældre",
      "Skole",
    ]);
    await page.$eval(
      "#scenarios-departments-list",
      (e) => ((e as HTMLTextAreaElement).value = "Beskæftigelse\nSocial/voksen"),
    );
    await page.$eval("#scenarios-departments-list", (e) => e.dispatchEvent(new Event("input")));
    await page.click("#scenarios-departments .actions button");
    await page.waitForSelector("#scenarios-key input");
    const inputs = await page.$$("#scenarios-key input");
    await inputs[0]?.click({ count: 3 });
    await inputs[0]?.type("100");
    const note = await clickAndWaitNote("#scenarios-split");
    expect(note?.kind === "success" || note?.kind === "info").toBe(true);
    await page.waitForFunction(() => document.querySelectorAll("#scenarios-actors li").length === 5, {
      timeout: 10000,
    });
    const names = await page.$$eval("#scenarios-actors li input", (els) =>
      els.map((e) => (e as HTMLInputElement).value),
    );
    expect(names).toEqual(["Kommune", "Region", "Stat", "Beskæftigelse", "Social/voksen"]);
    expect(errors).toEqual([]);
  });
});
