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
import { colLetters, parseRectA1 } from "../../src/workbook/a1";
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

  it("offers to add a missing index year from the shipped nettoprisindeks instead of failing", async () => {
    await search("sikret institution");
    await page.click("#knowledge-pick-price_secure_institution_year-starter");
    const asked = (await page.evaluate(() => window.paneTest.questions())).length;
    const n = await notesCount();
    await page.click("#knowledge-insert");
    await waitNote(n);
    const questions = await page.evaluate(() => window.paneTest.questions());
    expect(questions.slice(asked).map((q) => q.da)).toEqual([
      expect.stringMatching(
        /^Prisindekset \(SOM_Prisindeks\) mangler år 2020 for at omregne til prisniveau 2025\. Tilføj det fra nettoprisindekset, der følger med \(Danmarks Statistik, 2015 = 100; årsgennemsnit af månedstallene, beregnet af SØM for Excel\) – 2020: 103,87\?/,
      ),
    ]);
    expect((await lastNote())?.kind).toBe("success");
    expect(await text("#knowledge-report")).toContain("Indsat i SOM_Prisindeks");
    // 1.510.239 kr. (2020) × 125 / (1246,4 / 12), in the Kommune column (row 5, below the prison row).
    expect(await page.evaluate(() => window.paneTest.cell("Priser", "D5"))).toBeCloseTo(
      (1510239 * 125 * 12) / 1246.4,
      6,
    );
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

  /** The SOM_Priser row whose Ydelse is `service`, as header → value, found through the defined name. */
  const priceRow = async (service: string): Promise<Record<string, unknown> | undefined> => {
    const target = await page.evaluate(() => window.paneTest.name("SOM_Priser"));
    if (!target || !("ref" in target)) throw new Error("no SOM_Priser");
    const rect = parseRectA1(target.ref);
    if (!rect) throw new Error(`bad ref ${target.ref}`);
    const grid: unknown[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const cells = Array.from(
        { length: rect.cols },
        (_, c) => `${colLetters(rect.col + c)}${rect.row + r + 1}`,
      );
      grid.push(
        await page.evaluate(
          (sheet, a1s) => a1s.map((a) => window.paneTest.cell(sheet, a)),
          target.sheet,
          cells,
        ),
      );
    }
    const header = (grid[0] ?? []).map(String);
    const row = grid.find((r) => r[0] === service);
    return row && Object.fromEntries(header.map((h, i) => [h, row[i]]));
  };
  /** Screenshots at 320 and 1280 px with the pane's own style sheet (the page itself has none). */
  const shot = async (name: string): Promise<void> => {
    fs.mkdirSync(path.join(ROOT, "test", "artifacts"), { recursive: true });
    if (!(await page.$("style[data-pane-css]"))) {
      const css = fs.readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.css"), "utf8");
      await page.addStyleTag({ content: css });
      await page.$eval("style:last-of-type", (e) => e.setAttribute("data-pane-css", ""));
      await page.$eval("#root", (e) => e.classList.add("panel"));
    }
    for (const width of [320, 1280]) {
      await page.setViewport({ width, height: 900 });
      await page.screenshot({
        path: path.join(ROOT, "test", "artifacts", `${name}-${width}.png`),
        fullPage: true,
      });
    }
    await page.setViewport({ width: 360, height: 900 });
  };

  it("switches to English", async () => {
    await page.evaluate(() => window.paneTest.setLang("en"));
    expect(await text("#knowledge-insert")).toBe("Insert selected into the calculation");
    expect(await text('#knowledge-list li[data-id="odense_dagtilbud"] .knowledge-meta')).toBe(
      "Price · sheet Viden · odense_dagtilbud",
    );
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it("from a fresh template (start year 2023), inserts the prison-day price at the price level in one click: the index ships", async () => {
    await page.evaluate(() => window.knowledgeFreshTemplate(2023));
    await page.waitForSelector("#knowledge-list li");
    expect(await text("#knowledge-insert")).toBe("Indsæt valgte i beregningen");
    await search("gennemsnit pr. indsat");
    expect(await items()).toEqual(["price_prison_day_avg"]);
    expect(await text('#knowledge-list li[data-id="price_prison_day_avg"] .knowledge-source')).toBe(
      "Kilde: http://www.kriminalforsorgen.dk/%C3%98konomi-7062.aspx (2015; sikkerhed H)",
    );
    await search("SU udeboende");
    expect(await text('#knowledge-list li[data-id="price_su_away_month"] .knowledge-source')).toBe(
      "Kilde: https://seniorfolk.dk/su-2024/ (2024; sikkerhed M – sekundær kilde)",
    );
    await search("gennemsnit pr. indsat");
    expect(await text('#knowledge-list li[data-id="price_prison_day_avg"] .knowledge-detail')).toBe(
      "Art: pris (SØM-type gennemsnitsomkostning) · Hovedområde: Politi, retsvæsen og kriminalforsorg",
    );
    await page.click("#knowledge-pick-price_prison_day_avg-starter");
    const n = await notesCount();
    await page.click("#knowledge-insert");
    await waitNote(n);
    expect(await lastNote()).toEqual({
      kind: "success",
      text: { da: "1 række(r) indsat.", en: "1 row(s) inserted." },
    });
    expect(await page.evaluate(() => window.paneTest.questions())).toEqual([]);
    const row = await priceRow("Fængselsdøgn");
    // 1.469 kr. (2015) × I(2023) / I(2015) = 1.469 × (1416,5 / 12) / 100 = 1.734,03… (2023 = mean of its 12 months).
    expect(row?.["Prisår"]).toBe(2023);
    expect(row?.["Stat"]).toBeCloseTo((1469 * 1416.5) / 1200, 9);
    expect(row?.["Kommune"]).toBe(0);
    expect(String(row?.["Kilde"])).toContain(
      "http://www.kriminalforsorgen.dk/%C3%98konomi-7062.aspx (2015, sikkerhed H)",
    );
    expect(String(row?.["Kilde"])).toContain("2015-priser omregnet til 2023 med indeks 100 → 118,041667");
    await shot("knowledge-pane-fresh-template-price");
  });

  it("inserts a kontanthjælp rate only after the user says how it splits across actors, with the refusion rule as help", async () => {
    await search("kontanthjælp 30 år og derover, ikke forsørger");
    expect(await items()).toEqual(["price_kontanthjaelp_30plus_month"]);
    expect(
      await text('#knowledge-list li[data-id="price_kontanthjaelp_30plus_month"] .knowledge-figure'),
    ).toBe("Sats 11.944 kr./måned (brutto, før refusion; ikke fordelt)");
    await page.click("#knowledge-pick-price_kontanthjaelp_30plus_month-starter");
    let n = await notesCount();
    await page.click("#knowledge-insert");
    await waitNote(n);
    // Refused as a price: nothing written, the pane says what is missing and asks for the split.
    expect(await lastNote()).toEqual({
      kind: "error",
      text: {
        da: "Satsen er ikke indsat: angiv fordelingen på aktører under knappen.",
        en: "The rate was not inserted: give the split across actors below the button.",
      },
    });
    expect(await priceRow("Måned på kontanthjælp")).toBeUndefined();
    expect(await text("#knowledge-report")).toContain(
      "er en sats (bruttobeløb 11.944 kr./måned, 2023), ikke en SØM-pris",
    );
    const form = "#knowledge-split-price_kontanthjaelp_30plus_month";
    expect(await text(`${form} .banner.warning`)).toContain(
      "Mangler: fordelingen på kommune, region og stat efter refusion; administration og sagsbehandling",
    );
    const help = await text(`${form}-help`);
    expect(help).toContain("Uge 1–4 80 %, Uge 5–26 40 %, Uge 27–52 30 %, Over 52 uger 20 %");
    expect(help).toContain("sikkerhed M – sekundær kilde");
    expect(await page.$eval(`${form}-insert`, (e) => (e as HTMLButtonElement).disabled)).toBe(true);
    await shot("knowledge-pane-rate-split");
    // The citizen has been on support for more than 52 weeks: the state refunds 20 %.
    await page.click(`${form}-stage-4`);
    expect(await text(`${form}-sum`)).toBe(
      "I alt: 100 % – Kommune 9.555,20 kr./måned, Stat 2.388,80 kr./måned",
    );
    n = await notesCount();
    await page.click(`${form}-insert`);
    await waitNote(n);
    expect((await lastNote())?.kind).toBe("success");
    const row = await priceRow("Måned på kontanthjælp");
    // 11.944 × 80 % = 9.555,2 and 11.944 × 20 % = 2.388,8 (2023 = the price level: factor 1).
    expect(row?.["Kommune"]).toBeCloseTo(9555.2, 9);
    expect(row?.["Stat"]).toBeCloseTo(2388.8, 9);
    expect(row?.["Region"]).toBe(0);
    const kilde = String(row?.["Kilde"]);
    expect(kilde).toContain("https://bm.dk/satser/satser-for-2023/kontanthjaelp/ (2023, sikkerhed H)");
    expect(kilde).toContain("fordeling: brugerens skøn (Kommune 80 %, Stat 20 %)");
    expect(await page.$(form)).toBeNull();
    await shot("knowledge-pane-rate-inserted");
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
