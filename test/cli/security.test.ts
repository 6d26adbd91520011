/**
 * Files come from email: the command line must reject what is not a workbook, refuse oversized files,
 * treat hostile names as plain names, write formula-looking text as text, and never write the input file.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { zipSync, strToU8 } from "fflate";
import * as XLSX from "xlsx";
import { writeWorkbookSpec } from "../../src/file/write-workbook-spec";
import { hostileNamesSpec } from "../golden/hand-layout";
import { som } from "./som";

const sha256 = (file: string): string => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

let dir: string;
let hostile: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-security-"));
  hostile = path.join(dir, "hostile.xlsx");
  await writeWorkbookSpec(hostileNamesSpec(), hostile);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One line on stderr, no stack trace, nothing on stdout. */
function expectCleanError(r: { code: number; out: string; err: string }): void {
  expect(r.code).toBe(1);
  expect(r.out).toBe("");
  expect(r.err).toMatch(/^som: .+\n$/);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err).not.toMatch(/uventet fejl|unexpected error/);
}

describe("files that are not SØM workbooks", () => {
  it("rejects a text file named .xlsx with a clear message, exit 1", async () => {
    const file = path.join(dir, "text.xlsx");
    fs.writeFileSync(file, "Dette er ikke en projektmappe\n");
    expectCleanError(await som(["calculate", file]));
  });

  it("rejects a zip file that is not a workbook, exit 1", async () => {
    const file = path.join(dir, "zip.xlsx");
    fs.writeFileSync(file, zipSync({ "readme.txt": strToU8("hello") }));
    expectCleanError(await som(["calculate", file, "--json"]));
  });

  it("rejects an oversized file before reading it, exit 1", async () => {
    const file = path.join(dir, "huge.xlsx");
    fs.closeSync(fs.openSync(file, "w"));
    fs.truncateSync(file, 2 * 1024 * 1024 * 1024); // 2 GB sparse file: must be refused by size, not read
    const started = Date.now();
    expectCleanError(await som(["calculate", file]));
    expect(Date.now() - started).toBeLessThan(5000);
    fs.rmSync(file);
  });

  it("says that a missing file is missing, exit 1", async () => {
    const r = await som(["calculate", path.join(dir, "findes-ikke.xlsx")]);
    expectCleanError(r);
    expect(r.err).toContain("findes-ikke.xlsx");
  });
});

describe("hostile names and formula-looking text", () => {
  it("prints actors named __proto__ and constructor as ordinary JSON keys with their own results", async () => {
    const r = await som(["calculate", hostile, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain('"__proto__": {');
    const doc = JSON.parse(r.out) as {
      byActor: Record<string, { netTotal: number; costs: number[] }>;
      total: { netTotal: number };
    };
    expect(Object.keys(doc.byActor)).toEqual(["__proto__", "constructor"]);
    // Hand calculation: S = 1 × 100 %; Δq = −1, −1 (Udgift); prices 30 / 70; start-up 100 for __proto__.
    expect(Object.getOwnPropertyDescriptor(doc.byActor, "__proto__")?.value).toMatchObject({
      costs: [100, 0],
      netTotal: 30 + 30 - 100,
    });
    expect(doc.byActor["constructor"]?.netTotal).toBe(140);
    expect(doc.total.netTotal).toBe(100);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["netTotal"]).toBeUndefined();
  });

  it("--out keeps formula-looking text as text, in the copied inputs and the result sheets", async () => {
    const out = path.join(dir, "hostile-result.xlsx");
    const before = sha256(hostile);
    const r = await som(["calculate", hostile, "--out", out]);
    expect(r.code).toBe(0);
    expect(sha256(hostile)).toBe(before);

    const wb = XLSX.read(fs.readFileSync(out), { type: "buffer", cellFormula: true });
    const cells = wb.SheetNames.flatMap((s) => {
      const ws = wb.Sheets[s] ?? {};
      return Object.keys(ws)
        .filter((k) => !k.startsWith("!"))
        .map((k) => ({ sheet: s, addr: k, cell: ws[k] as XLSX.CellObject }));
    });
    const texts = (needle: string) => cells.filter((c) => c.cell.v === needle);
    // The cost item and the service are still the literal text, stored as strings, with no formula.
    for (const needle of ['=HYPERLINK("x")', "=SUM(A1:A2)", "=1+1"]) {
      const found = texts(needle);
      expect(found.length).toBeGreaterThan(0);
      for (const c of found) {
        expect(c.cell.t).toBe("s");
        // The only formulas whose cached value is user text are the stale-check mirrors on _som_meta,
        // which refer to an input cell by position (INDEX) and are built from contract names only.
        if (c.cell.f !== undefined) {
          expect(c.sheet).toBe("_som_meta");
          expect(c.cell.f).toMatch(
            /^IFERROR\(IF\(INDEX\(SOM_[A-Za-z]+,\d+,\d+\)&""="","<tom>",INDEX\(SOM_[A-Za-z]+,\d+,\d+\)\),"<fejl>"\)$/,
          );
        }
      }
      expect(found.some((c) => c.cell.f === undefined)).toBe(true);
    }
    // No formula anywhere was made from user text.
    expect(cells.filter((c) => typeof c.cell.f === "string" && /HYPERLINK|A1:A2/.test(c.cell.f))).toEqual([]);
    // The actor names reach the result sheets as text.
    expect(texts("__proto__").some((c) => c.sheet !== "Input")).toBe(true);
  });
});

describe("control characters and bidi overrides in workbook text", () => {
  // U+009B is the C1 "CSI" (as ESC [: "31m" colours a terminal red), U+202E reverses what follows, U+0085 is
  // the C1 "next line", U+2066 opens an isolate: none may reach the terminal raw, in the table, in JSON or
  // in an issue message. (C0 controls such as ESC are not allowed in XML; Excel stores them as `_x001B_`,
  // which the reader decodes — see xlsx-reader-strict.test.ts.)
  const evil = "Kom\u009b31mmune\u202e\u0085\u2066x";
  const shown = "Kom\\u009b31mmune\\u202e\\u0085\\u2066x";
  // eslint-disable-next-line no-control-regex
  const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, "control.xlsx");
    await writeWorkbookSpec(hostileNamesSpec({ actors: [evil, "Staten"] }), file);
  });

  it("the summary table shows them escaped", async () => {
    const r = await som(["calculate", file]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(raw);
    expect(r.out).toContain(shown);
  });

  it("the JSON escapes them and still parses to the very same name", async () => {
    const r = await som(["calculate", file, "--json"]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(raw);
    const doc = JSON.parse(r.out) as { byActor: Record<string, unknown> };
    expect(Object.keys(doc.byActor)).toEqual([evil, "Staten"]);
  });

  it("an issue that quotes the name shows it escaped on stderr", async () => {
    const bad = path.join(dir, "control-issue.xlsx");
    // The cost line names an actor that is not in the list: the message quotes the hostile text.
    const spec = hostileNamesSpec({ actors: ["Kommune", "Staten"] });
    const input = spec.sheets[0]!;
    const blocks = input.blocks.map((b) => ({
      ...b,
      values: b.values.map((row) =>
        row.map((v, i) => (v === "Kommune" && row[i - 1] === "Opstart" ? evil : v)),
      ),
    }));
    await writeWorkbookSpec({ ...spec, sheets: [{ ...input, blocks }] }, bad);
    const r = await som(["calculate", bad]);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(raw);
    expect(r.err).toContain("mune\\u202e");
  });
});

describe("the input file is never written", () => {
  it("--out writes a new workbook with the inputs and the result sheets; the input's bytes are unchanged", async () => {
    const out = path.join(dir, "result.xlsx");
    const before = sha256(hostile);
    const r = await som(["calculate", hostile, "--out", out, "--json"]);
    expect(r.code).toBe(0);
    JSON.parse(r.out); // stdout stays pure JSON; the "written to" note goes to stderr
    expect(r.err).toContain(out);
    expect(sha256(hostile)).toBe(before);
    const names = XLSX.read(fs.readFileSync(out), { type: "buffer", bookSheets: true }).SheetNames;
    expect(names).toContain("Input");
    expect(names).toContain("Resultater");
  });

  it("refuses --out pointing at the input file (same path, other spelling, symlink), exit 1, file untouched", async () => {
    const before = sha256(hostile);
    const link = path.join(dir, "link.xlsx");
    if (!fs.existsSync(link)) fs.symlinkSync(hostile, link);
    for (const target of [hostile, path.join(dir, ".", "x", "..", "hostile.xlsx"), link, "hostile.xlsx"]) {
      const r = await som(["calculate", "hostile.xlsx", "--out", target], dir);
      expectCleanError(r);
      expect(r.err).toMatch(/Inputfilen ændres aldrig/);
    }
    expect(sha256(hostile)).toBe(before);
  });

  it("refuses an output name that is not .xlsx", async () => {
    const r = await som(["calculate", hostile, "--out", path.join(dir, "result.csv"), "--lang", "en"]);
    expectCleanError(r);
    expect(r.err).toContain("must end in .xlsx");
  });
});
