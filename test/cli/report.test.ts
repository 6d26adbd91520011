/**
 * `som report` (issue 15): the decision report as a self-contained HTML document and as a PDF printed by headless
 * Chromium. The PDF is opened with poppler (`pdfinfo`, `pdftotext`): page count, "Side x af y" on every page, each
 * section from a new page in SØM's order, the example's hand-derived figures (examples/README.md) in Danish format;
 * its pages are rendered to PNG (`pdftoppm`, to `$SOM_SHOTS_DIR` when set). The HTML's figures are the engine's,
 * formatted once; user text cannot escape into markup or CSS. The PDF part is skipped with a message when Chromium
 * is missing.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { prepareBaseRun, reportModelOf } from "../../src/app/calculate-workbook";
import { COMMANDS } from "../../src/cli/commands";
import { runCli } from "../../src/cli/run-cli";
import { FileWorkbook } from "../../src/file/file-workbook";
import { formatNumber } from "../../src/present/format";
import { stampTime } from "../../src/workbook/render/meta-sheet";
import { calculatedFooter } from "../../src/workbook/render/print-layout";
import { escapeCssString, reportHtml } from "../../src/workbook/render/report-html";
import { CHROMIUM } from "../support/pane-harness/chromium";
import { recordingIo } from "./recording-io";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "eksempel.xlsx");
const SECTIONS = [
  "1. Sammenfatning",
  "2. Omkostninger",
  "3. Effekt",
  "4. Konsekvenser og priser",
  "5. Resultater",
  "6. Følsomhedsanalyser",
  "7. Forudsætninger",
  "Bilag A. Medregnede konsekvenser",
  "Bilag B. Detaljerede budgetøkonomiske konsekvenser",
  "Metodenote",
];

async function som(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number; out: string; err: string }> {
  const rec = recordingIo();
  const code = await runCli(args, { ...rec.io, env }, COMMANDS);
  return { code, out: rec.out(), err: rec.err() };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-report-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("som report --out rapport.html", () => {
  let html: string;
  beforeAll(async () => {
    const out = path.join(dir, "rapport.html");
    const r = await som(["report", EXAMPLE, "--out", out]);
    expect(r.code).toBe(0);
    html = fs.readFileSync(out, "utf8");
  }, 60_000);

  it("is one self-contained document: no script, nothing loaded from anywhere", () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html.match(/<svg /g)).toHaveLength(2); // cumulative net result, tornado
  });

  it("has the sections in SØM's order and the example's hand-derived figures (examples/README.md)", () => {
    const titles = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(titles).toEqual(SECTIONS);
    // Kommune Σ NR 1.540.501,84, PV 290.719,78, break-even 2034; total 4.085.113,80, 2.210.734,73, 2032.
    expect(html).toMatch(
      /<td>Kommune<\/td><td class="n">1\.540\.502<\/td><td class="n">290\.720<\/td><td>2034<\/td>/,
    );
    expect(html).toMatch(
      /<td>I alt<\/td><td class="n">4\.085\.114<\/td><td class="n">2\.210\.735<\/td><td>2032<\/td>/,
    );
    expect(html).toContain("Region bruger 880.000 kr. på indsatsen");
  });

  it("shows the same krone as the engine's figure formatted once", async () => {
    const wb = await FileWorkbook.open(EXAMPLE);
    const now = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const base = await prepareBaseRun(wb, { now, lang: "da" });
    if (!base.ok) throw new Error("example has issues");
    const model = reportModelOf(base, { now, lang: "da" });
    const doc = reportHtml(model, calculatedFooter("da", stampTime(now)));
    for (const b of [...base.results.byActor, base.results.total]) {
      expect(doc).toContain(`<td class="n">${formatNumber(b.netTotal, "da")}</td>`);
      expect(doc).toContain(`<td class="n">${formatNumber(b.presentValue, "da")}</td>`);
    }
    expect(doc).toBe(html); // the command writes exactly this document
  });

  it("keeps user text out of the markup and the CSS", () => {
    const evil = '</style><script>alert(1)</script>" } @page { x';
    const doc = reportHtml(
      {
        lang: "da",
        title: evil,
        intervention: evil,
        stampLine: evil,
        sections: [
          {
            id: "summary",
            title: evil,
            paragraphs: [evil],
            tables: [{ id: "t", header: [evil], rows: [[{ v: evil, f: "text" }]] }],
            charts: [],
          },
        ],
      },
      evil,
    );
    expect(doc).not.toContain("<script>");
    expect(doc).not.toContain("</style><");
    expect(doc.match(/<\/style>/g)).toHaveLength(1);
    expect(escapeCssString('a"b\\c\n}')).toBe("a\\22 b\\5c c\\a \\7d ");
  });

  it("refuses another file type, an existing file without --force, and a missing --out", async () => {
    expect((await som(["report", EXAMPLE, "--out", path.join(dir, "r.txt")])).err).toContain(
      "skal have endelsen .pdf eller .html",
    );
    const existing = path.join(dir, "exists.html");
    fs.writeFileSync(existing, "mine");
    const r = await som(["report", EXAMPLE, "--out", existing]);
    expect(r.code).toBe(1);
    expect(fs.readFileSync(existing, "utf8")).toBe("mine");
    expect((await som(["report", EXAMPLE])).code).toBe(1);
  });

  it("says clearly when no browser is there to make a PDF, and writes nothing", async () => {
    const out = path.join(dir, "none.pdf");
    const r = await som(["report", EXAMPLE, "--out", out], {
      SOM_CHROMIUM: path.join(dir, "no-such-browser"),
      PATH: "",
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain("PDF kræver Chromium eller Google Chrome");
    expect(r.err).toContain("--out rapport.html");
    expect(fs.existsSync(out)).toBe(false);
  });
});

const describePdf = fs.existsSync(CHROMIUM) ? describe : describe.skip;
if (!fs.existsSync(CHROMIUM)) console.log(`[som report PDF] SKIPPED: ${CHROMIUM} not found.`);

describePdf("som report --out rapport.pdf (headless Chromium)", () => {
  let pdf: string;
  let pages: string[];
  let count: number;
  beforeAll(async () => {
    pdf = path.join(dir, "rapport.pdf");
    const r = await som(["report", EXAMPLE, "--out", pdf], { SOM_CHROMIUM: CHROMIUM });
    if (r.code !== 0) throw new Error(r.err);
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    if (pages[pages.length - 1]?.trim() === "") pages.pop();
  }, 180_000);

  it("opens, has a page per section at least, and says Side x af y on every page under the intervention's name", () => {
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect(pages).toHaveLength(count);
    expect(count).toBeGreaterThanOrEqual(SECTIONS.length);
    expect(count).toBeLessThanOrEqual(2 * SECTIONS.length);
    pages.forEach((p, i) => {
      expect(p).toContain(`Side ${i + 1} af ${count}`);
      expect(p).toContain("IPS-inspireret job- og uddannelsesstøtte for unge (eksempel)");
      expect(p).toContain("Beregnet 2026-01-02");
    });
  });

  it("starts every section on a new page, in order", () => {
    const starts = SECTIONS.map((title) =>
      pages.findIndex((p) => p.split("\n").some((l) => l.trim() === title)),
    );
    expect(starts.every((i) => i >= 0)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(new Set(starts).size).toBe(SECTIONS.length);
  });

  it("contains the key figures (examples/README.md) in Danish format", () => {
    const text = pages.join("\n");
    expect(text).toMatch(/Kommune\s+1\.540\.502\s+290\.720\s+2034/);
    expect(text).toMatch(/I alt\s+4\.085\.114\s+2\.210\.735\s+2032/);
    expect(text.replace(/\s+/g, " ")).toContain(
      "det giver et overskud på 4.085.114 kr., og investeringen er tjent hjem i 2032.",
    );
    expect(text).toContain("Rød linje: nettoresultat i alt i grundberegningen: 4.085.114");
  });

  it("renders every page to a PNG", () => {
    const shots = process.env.SOM_SHOTS_DIR ?? dir;
    fs.mkdirSync(shots, { recursive: true });
    for (const f of fs.readdirSync(shots))
      if (/^rapport-pdf-\d+\.png$/.test(f)) fs.rmSync(path.join(shots, f));
    execFileSync("pdftoppm", ["-r", "60", "-png", pdf, path.join(shots, "rapport-pdf")]);
    const pngs = fs.readdirSync(shots).filter((f) => /^rapport-pdf-\d+\.png$/.test(f));
    expect(pngs).toHaveLength(count);
  });
});
