/**
 * The scenarios panel in headless Chromium (Debian /usr/bin/chromium via puppeteer-core; no browser download):
 * the real panel and use cases over the in-memory example workbook (scenarios-pane/pane-entry.ts), driven as a
 * user would — save two scenarios, compare them and read "why did it move", restore the first after the
 * confirmation, and split the kommune into departments.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, Page } from "puppeteer-core";

const ROOT = path.resolve(__dirname, "../..");
const CHROMIUM = process.env.SOM_CHROMIUM ?? "/usr/bin/chromium";
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.log(`[scenarios pane] SKIPPED: ${CHROMIUM} not found.`);
const describeChromium = haveChromium ? describe : describe.skip;

interface Note {
  kind: string;
  text: { da: string; en: string };
}
interface ScenarioPaneTest {
  cell(sheet: string, a1: string): unknown;
  setCell(sheet: string, a1: string, v: unknown): void;
  name(n: string): { sheet: string; ref: string } | null;
  sheets(): Promise<{ name: string; visibility: string }[]>;
  notes(): Note[];
  questions(): { da: string; en: string }[];
  changed(): string[];
  answer(yes: boolean): void;
}
declare global {
  interface Window {
    scenarioPaneTest: ScenarioPaneTest;
  }
}

function build(out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        require.resolve("webpack-cli/bin/cli.js"),
        "--config",
        "test/app/scenarios-pane/webpack.pane.config.js",
        "--env",
        `out=${out}`,
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let log = "";
    child.stdout.on("data", (d: Buffer) => (log += d.toString()));
    child.stderr.on("data", (d: Buffer) => (log += d.toString()));
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`webpack failed (${code}):\n${log.slice(-4000)}`)),
    );
  });
}

describeChromium("the scenarios panel in headless Chromium", () => {
  let out = "";
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const requests: string[] = [];

  const notesCount = (): Promise<number> => page.evaluate(() => window.scenarioPaneTest.notes().length);
  const lastNote = (): Promise<Note | undefined> => page.evaluate(() => window.scenarioPaneTest.notes().at(-1));
  const clickAndWaitNote = async (selector: string): Promise<Note | undefined> => {
    const n = await notesCount();
    await page.click(selector);
    await page.waitForFunction((k: number) => window.scenarioPaneTest.notes().length > k, { timeout: 10000 }, n);
    return lastNote();
  };
  const listed = (): Promise<string[]> =>
    page.$$eval("#scenarios-list .scenario-name", (els) => els.map((e) => e.textContent ?? ""));
  /** The success-rate cell of the first effect: one row and one column in from the top-left of SOM_Effekter. */
  const rateCell = async (): Promise<{ sheet: string; a1: string }> => {
    const target = await page.evaluate(() => window.scenarioPaneTest.name("SOM_Effekter"));
    if (target === null) throw new Error("no SOM_Effekter");
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
    out = fs.mkdtempSync(path.join(os.tmpdir(), "som-scenarios-pane-"));
    await build(out);
    const js = fs.readFileSync(path.join(out, "pane.js"), "utf8");
    const puppeteer = await import("puppeteer-core");
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 360, height: 900 });
    await page.setRequestInterception(true);
    page.on("request", (req) => {
      if (req.url().startsWith("data:") || req.url() === "about:blank") void req.continue();
      else {
        requests.push(req.url());
        void req.abort();
      }
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.setContent('<!doctype html><html lang="da"><body><div id="root"></div></body></html>');
    await page.addScriptTag({ content: js });
    await page.waitForSelector("#scenarios-save");
  }, 180000);

  afterAll(async () => {
    await browser?.close();
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it("saves two scenarios into the hidden store sheet and lists them", async () => {
    expect(await save("Forsigtig")).toEqual({
      kind: "success",
      text: { da: "Scenariet »Forsigtig« er gemt.", en: "The scenario “Forsigtig” was saved." },
    });
    const cell = await rateCell();
    await page.evaluate(
      (c: { sheet: string; a1: string }) => window.scenarioPaneTest.setCell(c.sheet, c.a1, 0.3),
      cell,
    );
    await save("Optimistisk");
    expect(await listed()).toEqual(["Forsigtig", "Optimistisk"]);
    const sheets = await page.evaluate(() => window.scenarioPaneTest.sheets());
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
    const sheets = await page.evaluate(() => window.scenarioPaneTest.sheets());
    expect(sheets.map((s) => s.name)).toContain("Sammenligning");
  });

  it("restores the first scenario after asking, putting the success rate back", async () => {
    const cell = await rateCell();
    const before = await page.evaluate(() => window.scenarioPaneTest.questions().length);
    const note = await clickAndWaitNote('#scenarios-list li[data-id="1"] .actions button');
    expect(await page.evaluate(() => window.scenarioPaneTest.questions().length)).toBe(before + 1);
    expect(note?.kind).toBe("success");
    expect(
      await page.evaluate((c: { sheet: string; a1: string }) => window.scenarioPaneTest.cell(c.sheet, c.a1), cell),
    ).toBe(0.126);
    expect(await page.evaluate(() => window.scenarioPaneTest.changed())).toContain("inputs");
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
