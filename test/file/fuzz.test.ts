/**
 * Fuzz suite (issue 13 §4): malformed and hostile .xlsx files (test/support/hostile-xlsx.ts) against every
 * path that reads a workbook — `som calculate --json`, `som knowledge list --file`, the pane's knowledge
 * import (`readKnowledgeXlsx`), hostile scenario stores through `som compare`, and hostile knowledge JSON.
 * Each must end in a result, located issues (exit 2) or ONE clear line (exit 1): never a stack trace, never
 * "uventet fejl", never a polluted prototype (Object.prototype is frozen by the jest setup, so pollution
 * would throw). Time and memory per file are measured by `npx tsx bench/fuzz.bench.ts` (≤ 2 s, ≤ 300 MB),
 * not asserted here.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseKnowledgeJson } from "../../src/knowledge/knowledge-json";
import { readKnowledgeXlsx } from "../../src/taskpane/panels/knowledge/knowledge-xlsx";
import { STORE_TITLE } from "../../src/workbook/render/scenario-store";
import { som } from "../cli/som";
import { exampleWithStore, hostileCases, hostileKnowledgeJson, hostileStores } from "../support/hostile-xlsx";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-fuzz-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A clean ending of a CLI run: 0, 2 with issues, or 1 with one line. */
function expectClean(r: { code: number; out: string; err: string }, json: boolean): void {
  expect([0, 1, 2]).toContain(r.code);
  expect(r.err).not.toMatch(/uventet fejl|unexpected error/);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.out).not.toMatch(/\n\s+at /);
  if (r.code === 1) expect(r.err).toMatch(/^som: [^\n]+\n$/);
  if (json && r.code === 0) expect(() => JSON.parse(r.out) as unknown).not.toThrow();
  if (json && r.code === 2 && r.out !== "") {
    const doc = JSON.parse(r.out) as { issues: { message: string }[] };
    expect(doc.issues.length).toBeGreaterThan(0);
    for (const i of doc.issues) expect(i.message.length).toBeGreaterThan(5);
  }
  expect(Object.keys(Object.prototype)).toEqual([]);
}

const cases = hostileCases();

describe.each(cases.map((c) => [c.name, c] as const))("%s", (name, c) => {
  let file: string;
  let bytes: Uint8Array;
  beforeAll(() => {
    bytes = c.bytes();
    file = path.join(dir, `${name.replace(/[^A-Za-z0-9]+/g, "-").slice(0, 60)}.xlsx`);
    fs.writeFileSync(file, bytes);
  });

  it("som calculate --json ends cleanly", async () => {
    expectClean(await som(["calculate", file, "--json"]), true);
  });

  it("som knowledge list --file ends cleanly", async () => {
    expectClean(await som(["knowledge", "list", "--file", file]), false);
  });

  it("the pane's knowledge import gives knowledge or problems, never throws", async () => {
    const v = await readKnowledgeXlsx(bytes, "fil.xlsx");
    if (!v.ok) for (const p of v.problems) expect(p.message.da.length).toBeGreaterThan(5);
  });
});

describe("expected outcomes of named cases", () => {
  const run = async (caseName: string): Promise<{ code: number; out: string; err: string }> => {
    const c = cases.find((x) => x.name === caseName);
    if (c === undefined) throw new Error(caseName);
    const file = path.join(dir, "named.xlsx");
    fs.writeFileSync(file, c.bytes());
    return som(["calculate", file, "--json"]);
  };

  it.each([
    ["zip bomb: a part declaring 4 GB", /udpakkes til mere end det tilladte/],
    ["10.001 zip entries", /flere end 10\.000 dele/],
    ["1.000.000 defined names", /flere end 50\.000 definerede navne/],
    ["SOM_Priser defined twice", /navnet "SOM_Priser" er defineret to gange/],
    ["a 100.000-character name formula", /over 8\.192 tegn/],
    ["billion laughs in the shared strings", /er ikke gyldig XML/],
    ["external entity (XXE) in the workbook part", /er ikke gyldig XML/],
    ["a cell beyond column XFD", /cellereferencen "XFE200" i arket "Priser" ligger uden for Excels gitter/],
    ["a row beyond 1048576", /rækkenummer i arket "Priser" er ikke mellem 1 og 1\.048\.576/],
    ["32.768 characters of text in a cell", /mere end 32\.767 tegn/],
    ["a duplicate price cell (last wins in lenient readers)", /"Priser"!D5 står to gange/],
    ["a price written as hex (0x3D090)", /"Priser"!D5.*"0x3D090"/],
    ["a shared-string index out of range", /"Priser"!A5 henviser til delt tekst nr\. "99999"/],
    ["two sheets differing only in case (Priser, PRISER)", /to ark hedder "PRISER"/],
    ["1.001 sheets", /flere end 1000 ark/],
  ])("%s → exit 1 with %s", async (caseName, message) => {
    const r = await run(caseName);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
  });

  it.each([
    ["a price cell holding a formula without a stored value", "Priser!D5"],
    ["SOM_Priser as an external name", "SOM_Priser"],
    ["SOM_Priser as a multi-area name", "SOM_Priser"],
  ])("%s → located input issue naming %s (exit 2)", async (caseName, where) => {
    const r = await run(caseName);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { issues: { name?: string; sheet?: string; cell?: string }[] };
    expect(doc.issues.some((i) => `${i.name} ${i.sheet}!${i.cell}`.includes(where))).toBe(true);
  });

  it("the Priser sheet renamed __proto__ still calculates, with the same total as the example", async () => {
    const plain = await som([
      "calculate",
      path.join(__dirname, "..", "..", "examples", "eksempel.xlsx"),
      "--json",
    ]);
    const r = await run("the Priser sheet renamed __proto__");
    expect(r.code).toBe(0);
    const total = (s: string): number => (JSON.parse(s) as { total: { netTotal: number } }).total.netTotal;
    expect(total(r.out)).toBe(total(plain.out));
  });
});

describe("hostile scenario stores (som compare)", () => {
  it.each(hostileStores(STORE_TITLE).map((s) => [s.name, s] as const))("%s ends cleanly", async (name, s) => {
    const file = path.join(dir, `store-${name.replace(/[^A-Za-z0-9]+/g, "-").slice(0, 40)}.xlsx`);
    fs.writeFileSync(file, exampleWithStore(s.rows));
    expectClean(await som(["compare", file, "--json"]), true);
  });
});

describe("hostile knowledge JSON (pane and CLI import)", () => {
  it.each(hostileKnowledgeJson().map((k) => [k.name, k] as const))(
    "%s gives problems, never throws",
    (name, k) => {
      const text = k.text();
      const v = parseKnowledgeJson(text, "fil.json");
      expect(v.ok).toBe(false);
      if (!v.ok) {
        expect(v.problems.length).toBeGreaterThan(0);
        expect(JSON.stringify(v.problems).length).toBeLessThan(200_000);
      }
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    },
  );

  it.each(hostileKnowledgeJson().map((k) => [k.name, k] as const))(
    "som knowledge list --file %s ends cleanly",
    async (name, k) => {
      const file = path.join(dir, `k-${name.replace(/[^A-Za-z0-9]+/g, "-").slice(0, 40)}.json`);
      fs.writeFileSync(file, k.text());
      const r = await som(["knowledge", "list", "--file", file]);
      expect(r.code).not.toBe(0);
      expect(r.err).not.toMatch(/uventet fejl|unexpected error|\n\s+at /);
    },
  );
});
