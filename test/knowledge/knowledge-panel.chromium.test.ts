/**
 * The knowledge panel in headless Chromium (Debian /usr/bin/chromium via puppeteer-core; no browser download):
 * the real panel and use cases over an in-memory SØM workbook (pane/pane-entry.ts), driven as a user would —
 * search, read the source, tick records, insert, answer the overwrite question, import a knowledge file, save
 * it into the workbook's knowledge sheet. A pane-level test: the shell (tabs, status bar) is the e2e suite's.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Page } from "puppeteer-core";
import { writeWorkbookSpec } from "../../src/file/xlsx-writer";
import starter from "../../src/knowledge/data/starter.json";
import { knowledgeSheetSpec } from "../../src/workbook/layout/knowledge-sheet";
import {
  describeWithChromium,
  lastNote as lastNoteOf,
  notesCount as notesCountOf,
  paneHarness,
  ROOT,
  waitForNoteAfter,
  type Note,
} from "../support/pane-harness/chromium";

const describeChromium = describeWithChromium("knowledge pane");

describeChromium("the knowledge panel in headless Chromium", () => {
  const pane = paneHarness({
    config: "test/knowledge/pane/webpack.pane.config.js",
    tmpPrefix: "som-knowledge-pane-",
    readySelector: "#knowledge-list li",
  });
  const { errors, requests } = pane;
  let page: Page;

  const text = (sel: string): Promise<string> => page.$eval(sel, (e) => (e.textContent ?? "").trim());
  const items = (): Promise<string[]> =>
    page.$$eval("#knowledge-list li", (els) => els.map((e) => e.getAttribute("data-id") ?? ""));
  const lastNote = (): Promise<Note | undefined> => lastNoteOf(page);
  const search = async (q: string): Promise<void> => {
    await page.$eval("#knowledge-search", (e) => ((e as HTMLInputElement).value = ""));
    await page.type("#knowledge-search", q);
  };
  const notesCount = (): Promise<number> => notesCountOf(page);
  const waitNote = (n: number): Promise<void> => waitForNoteAfter(page, n);

  beforeAll(async () => {
    page = await pane.start();
  }, 180000);
  afterAll(() => pane.stop());

  it("opens in Danish listing every starter record, with no network access and no errors", async () => {
    expect(await text("#knowledge-insert")).toBe("Indsæt valgte i beregningen");
    expect(await items()).toHaveLength(starter.records.length);
    expect(await text("#knowledge-count")).toBe(
      `${starter.records.length} / ${starter.records.length} poster · 0 valgt`,
    );
    expect(await text("#knowledge-sources")).toBe(
      `Startvidensbase: ${starter.records.length} · intet vidensark i projektmappen`,
    );
    expect(await page.$eval("#knowledge-insert", (e) => (e as HTMLButtonElement).disabled)).toBe(true);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("searches by text and shows each record's source, year and confidence", async () => {
    await search("lukket fængsel");
    expect(await items()).toEqual(["price_prison_closed_day", "price_prison_closed_day_2013"]);
    expect(await text('#knowledge-list li[data-id="price_prison_closed_day"] .knowledge-source')).toBe(
      "Kilde: http://www.kriminalforsorgen.dk/%C3%98konomi-7062.aspx (2015; sikkerhed H)",
    );
    expect(await text('#knowledge-list li[data-id="price_prison_closed_day"] .knowledge-figure')).toBe(
      "K 0 / R 0 / S 1.878 kr./døgn",
    );
  });

  it("filters by kind and target group, and shows a gap with where the official figure is", async () => {
    await search("");
    await page.select("#knowledge-kind", "consequence");
    await page.select("#knowledge-group", "adult_homeless");
    expect(await items()).toEqual(["cons_homeless_shelter"]);
    expect(await text('#knowledge-list li[data-id="cons_homeless_shelter"] .knowledge-gap')).toMatch(
      /^Mangler: SØM's ændring i brug pr\. år \(år 1–10\) er ikke offentliggjort i læsbar form\. Det officielle tal findes i: SØM-regnearket/,
    );
    await page.select("#knowledge-kind", "");
    await page.select("#knowledge-group", "");
  });

  it("inserts the ticked price into SOM_Priser at the workbook's price level: 1.878 × 125 / 100 = 2.347,5", async () => {
    await search("lukket fængsel");
    await page.click("#knowledge-pick-price_prison_closed_day-starter");
    expect(await text("#knowledge-count")).toBe(`2 / ${starter.records.length} poster · 1 valgt`);
    const n = await notesCount();
    await page.click("#knowledge-insert");
    await waitNote(n);
    expect(await lastNote()).toEqual({
      kind: "success",
      text: { da: "1 række(r) indsat.", en: "1 row(s) inserted." },
    });
    const row = await page.evaluate(() =>
      ["A4", "B4", "C4", "D4", "E4", "F4", "G4"].map((a) => window.paneTest.cell("Priser", a)),
    );
    expect(row.slice(0, 6)).toEqual(["Døgn i lukket fængsel", "døgn", 2025, 0, 0, 2347.5]);
    expect(String(row[6])).toContain("2015-priser omregnet til 2025 med indeks 100 → 125");
    expect(await text("#knowledge-report")).toContain(
      "Indsat i SOM_Priser (Priser række 4): price_prison_closed_day",
    );
    expect(await page.evaluate(() => window.paneTest.changed())).toEqual(["inputs"]);
    fs.mkdirSync(path.join(ROOT, "test", "artifacts"), { recursive: true });
    await page.screenshot({
      path: path.join(ROOT, "test", "artifacts", "knowledge-pane-inserted.png"),
      fullPage: true,
    });
  });

  it("asks before overwriting the filled row and leaves it alone when the user says no", async () => {
    await page.evaluate(() => window.paneTest.answer(false));
    await page.click("#knowledge-pick-price_prison_closed_day-starter");
    const n = await notesCount();
    await page.click("#knowledge-insert");
    await waitNote(n);
    expect((await page.evaluate(() => window.paneTest.questions())).map((q) => q.da)).toEqual([
      "Disse rækker er allerede udfyldt og bliver overskrevet: SOM_Priser række 4 (Døgn i lukket fængsel). Fortsæt?",
    ]);
    expect(await lastNote()).toEqual({
      kind: "error",
      text: {
        da: "Intet blev indsat – se forklaringen under knappen.",
        en: "Nothing was inserted – see the explanation below the button.",
      },
    });
    expect(await page.evaluate(() => window.paneTest.cell("Priser", "A5"))).toBeNull();
    await page.evaluate(() => window.paneTest.answer(true));
  });

  it("explains a price that cannot be converted because the index lacks its year", async () => {
    await search("anbringelse");
    await page.click("#knowledge-pick-price_child_placement_year-starter");
    const n = await notesCount();
    await page.click("#knowledge-insert");
    await waitNote(n);
    expect(await text("#knowledge-report")).toContain("Prisindekset (SOM_Prisindeks) mangler år 2014.");
  });

  it("imports a municipality's JSON file, reports a broken one, and saves the import into a new Viden sheet", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-knowledge-import-"));
    const good = path.join(dir, "odense.json");
    fs.writeFileSync(
      good,
      JSON.stringify({
        formatVersion: 1,
        name: "Odense",
        records: [
          {
            kind: "price",
            id: "odense_dagtilbud",
            title: "Dagtilbud, Odense",
            service: "Dag i dagtilbud",
            unit: "dag",
            amounts: { Kommune: 1250, Region: 0, Stat: 0 },
            provenance: { source: "Odense Kommunes takstblad 2025", year: 2025, confidence: "H" },
          },
        ],
      }),
    );
    const bad = path.join(dir, "broken.json");
    fs.writeFileSync(bad, '{"formatVersion":1,"name":"x","records":[{"kind":"price","id":"p"}]}');
    const input = await page.$("#knowledge-import");
    if (!input) throw new Error("no import input");

    let n = await notesCount();
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(bad);
    await waitNote(n);
    expect(await lastNote()).toEqual({
      kind: "error",
      text: {
        da: "Filen kunne ikke importeres – se fejlene i listen.",
        en: "The file could not be imported – see the problems in the list.",
      },
    });
    expect(await text("#knowledge-report")).toContain('p › title: Feltet "title" mangler.');

    n = await notesCount();
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(good);
    await waitNote(n);
    expect((await lastNote())?.text.da).toBe("1 poster importeret fra odense.json.");
    await search("dagtilbud");
    expect(await items()).toEqual(["odense_dagtilbud"]);

    n = await notesCount();
    await page.click("#knowledge-save");
    await waitNote(n);
    expect((await lastNote())?.text.da).toBe("1 poster gemt i arket »Viden«.");
    expect(await page.evaluate(() => window.paneTest.name("SOM_Viden"))).toEqual({
      sheet: "Viden",
      ref: "A4:BE45",
    });
    await page.waitForFunction(() =>
      (document.querySelector("#knowledge-sources")?.textContent ?? "").includes("»Viden«: 1"),
    );
    expect(await page.evaluate(() => window.paneTest.cell("Viden", "B5"))).toBe("odense_dagtilbud");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("imports an .xlsx knowledge file (as 'som knowledge export' writes it) and reports a broken one by row and column", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-knowledge-xlsx-"));
    const price = (kommune: number | string): Record<string, unknown> => ({
      kind: "price",
      id: "aarhus_botilbud",
      title: "Botilbud, Aarhus",
      service: "Døgn på botilbud",
      unit: "døgn",
      amounts: { Kommune: kommune, Region: 0, Stat: 0 },
      provenance: { source: "Aarhus Kommunes takster 2025", year: 2025, confidence: "H" },
    });
    const write = async (file: string, kommune: number | string): Promise<string> => {
      const spec = knowledgeSheetSpec({ lang: "da", records: [price(kommune) as never] });
      const p = path.join(dir, file);
      fs.writeFileSync(p, await writeWorkbookSpec({ sheets: [spec.sheet], names: [spec.name] }));
      return p;
    };
    const input = await page.$("#knowledge-import");
    if (!input) throw new Error("no import input");
    const upload = (p: string): Promise<void> =>
      (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(p);

    let n = await notesCount();
    await upload(await write("aarhus-fejl.xlsx", "mange"));
    await waitNote(n);
    expect((await lastNote())?.kind).toBe("error");
    expect(await text("#knowledge-report")).toContain(
      'aarhus-fejl.xlsx › Viden › række 5 (aarhus_botilbud) › Kommune: "Kommune" skal være et tal eller "?" (er "mange").',
    );

    n = await notesCount();
    await upload(await write("aarhus.xlsx", 2150));
    await waitNote(n);
    expect((await lastNote())?.text.da).toBe("1 poster importeret fra aarhus.xlsx.");
    await search("botilbud, aarhus");
    expect(await items()).toEqual(["aarhus_botilbud"]);
    expect(await text('#knowledge-list li[data-id="aarhus_botilbud"] .knowledge-meta')).toBe(
      "Pris · aarhus.xlsx · aarhus_botilbud",
    );
    expect(await text('#knowledge-list li[data-id="aarhus_botilbud"] .knowledge-figure')).toBe(
      "K 2.150 / R 0 / S 0 kr./døgn",
    );
    await search("");
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("switches to English", async () => {
    await page.evaluate(() => window.paneTest.setLang("en"));
    expect(await text("#knowledge-insert")).toBe("Insert selected into the calculation");
    expect(await text('#knowledge-list li[data-id="odense_dagtilbud"] .knowledge-meta')).toBe(
      "Price · sheet Viden · odense_dagtilbud",
    );
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
