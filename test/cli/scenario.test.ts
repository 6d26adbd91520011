/**
 * `som scenario list|save|delete` (issue 13 §2): scenarios without Excel, so `som compare` can be tried; the
 * input file is never modified; save/delete write a new file and refuse an existing one without --force; the
 * bundled examples/eksempel-scenarier.xlsx holds two scenarios and equals what its tool makes.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { scenarioExampleBytes } from "../../tools/make-scenario-example";
import { som } from "./som";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLE = path.join(ROOT, "examples", "eksempel.xlsx");
const SCENARIOS = path.join(ROOT, "examples", "eksempel-scenarier.xlsx");
const sha = (f: string): string => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-scenario-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Listed {
  scenarios: { id: number; name: string; total: { netTotal: number } }[];
}

async function list(file: string): Promise<Listed> {
  const r = await som(["scenario", "list", file, "--json"]);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Listed;
}

/** A copy of `file` with one cell changed through exceljs (as a user's edit in Excel would). */
async function edit(file: string, out: string, sheet: string, address: string, value: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet(sheet)!.getCell(address).value = value;
  await wb.xlsx.writeFile(out);
}

describe("som scenario", () => {
  it("list: a workbook without scenarios says so", async () => {
    const r = await som(["scenario", "list", EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("Projektmappen har ingen gemte scenarier.\n");
  });

  it("save twice with an edit between, then compare: the decomposition is the success rate's", async () => {
    const before = sha(EXAMPLE);
    const one = path.join(dir, "one.xlsx");
    const r1 = await som(["scenario", "save", EXAMPLE, "--name", "Basis", "--out", one]);
    expect(r1.code).toBe(0);
    expect(r1.err).toBe(`Scenariet "Basis" er gemt (nr. 1) i en ny fil: ${one}\n`);
    expect(sha(EXAMPLE)).toBe(before); // the input file is never modified

    const calc = await som(["calculate", EXAMPLE, "--json"]);
    const base = (JSON.parse(calc.out) as { total: { netTotal: number } }).total.netTotal;
    expect((await list(one)).scenarios).toEqual([
      expect.objectContaining({ id: 1, name: "Basis", total: expect.objectContaining({ netTotal: base }) }),
    ]);

    // Lower the success rate in a copy (Effekt!B6 holds the first success rate in the template layout).
    const edited = path.join(dir, "edited.xlsx");
    await edit(one, edited, "Effekt", "B6", 0.1);
    const two = path.join(dir, "two.xlsx");
    const r2 = await som(["scenario", "save", edited, "--name", "Lav succesrate", "--out", two]);
    expect(r2.code).toBe(0);
    const listed = (await list(two)).scenarios;
    expect(listed.map((s) => [s.id, s.name])).toEqual([
      [1, "Basis"],
      [2, "Lav succesrate"],
    ]);
    const cmp = await som(["compare", two, "--json", "--from", "Basis", "--to", "Lav succesrate"]);
    expect(cmp.code).toBe(0);
    const doc = JSON.parse(cmp.out) as {
      decomposition: {
        total: { netTotal: { difference: number; contributions: Record<string, number> } };
      };
    };
    const diff = (listed[1]?.total.netTotal ?? 0) - (listed[0]?.total.netTotal ?? 0);
    expect(diff).toBeLessThan(0); // 10 % < the example's 12,6 %
    const net = doc.decomposition.total.netTotal;
    expect(net.difference).toBeCloseTo(diff, 6);
    expect(net.contributions["successRates"]).toBeCloseTo(diff, 6);
    for (const [factor, c] of Object.entries(net.contributions))
      if (factor !== "successRates") expect(c).toBe(0);
  });

  it("save refuses a name already saved (unless --replace) and an existing --out (unless --force)", async () => {
    const one = path.join(dir, "dup.xlsx");
    expect((await som(["scenario", "save", EXAMPLE, "--name", "A", "--out", one])).code).toBe(0);
    const again = path.join(dir, "dup2.xlsx");
    const r = await som(["scenario", "save", one, "--name", " a ", "--out", again]);
    expect(r.code).toBe(2);
    expect(fs.existsSync(again)).toBe(false);
    expect((await som(["scenario", "save", one, "--name", "A", "--replace", "--out", again])).code).toBe(0);
    const exists = await som(["scenario", "save", one, "--name", "B", "--out", again]);
    expect(exists.code).toBe(1);
    expect(exists.err).toContain("Brug --force");
    expect((await som(["scenario", "save", one, "--name", "B", "--out", again, "--force"])).code).toBe(0);
    expect((await list(again)).scenarios.map((s) => s.name)).toEqual(["A", "B"]);
  });

  it("delete by --id or --name writes a new file without it; an unknown one is exit 2", async () => {
    const out = path.join(dir, "deleted.xlsx");
    const r = await som(["scenario", "delete", SCENARIOS, "--id", "1", "--out", out]);
    expect(r.code).toBe(0);
    expect((await list(out)).scenarios.map((s) => s.name)).toEqual(["Basis"]);
    const byName = path.join(dir, "deleted2.xlsx");
    expect((await som(["scenario", "delete", SCENARIOS, "--name", "basis", "--out", byName])).code).toBe(0);
    expect((await list(byName)).scenarios.map((s) => s.id)).toEqual([1]);
    const none = await som(["scenario", "delete", SCENARIOS, "--id", "9", "--out", path.join(dir, "x.xlsx")]);
    expect(none.code).toBe(2);
    expect(none.err).toBe('som: Der er intet gemt scenarie nr. "9".\n');
  });

  it("save and delete need --out; an unknown subcommand is a usage error", async () => {
    const r = await som(["scenario", "save", EXAMPLE, "--name", "X"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("angiv --out");
    expect((await som(["scenario", "rename", EXAMPLE])).err).toContain('Ukendt underkommando "rename"');
  });
});

describe("examples/eksempel-scenarier.xlsx", () => {
  it("equals what tools/make-scenario-example.ts makes", async () => {
    expect(Buffer.from(await scenarioExampleBytes()).equals(fs.readFileSync(SCENARIOS))).toBe(true);
  });

  it("holds two scenarios; Basis equals the example's own result and the careful one has 75 % of its success rate", async () => {
    const listed = (await list(SCENARIOS)).scenarios;
    expect(listed.map((s) => s.name)).toEqual(["Forsigtig: succesrate −25 %", "Basis"]);
    const calc = await som(["calculate", EXAMPLE, "--json"]);
    expect(listed[1]?.total.netTotal).toBe(
      (JSON.parse(calc.out) as { total: { netTotal: number } }).total.netTotal,
    );
    expect(listed[0]!.total.netTotal).toBeLessThan(listed[1]!.total.netTotal);
    const cmp = await som(["compare", SCENARIOS]);
    expect(cmp.code).toBe(0);
    expect(cmp.out).toContain("Hvorfor flyttede det sig?");
  });
});
