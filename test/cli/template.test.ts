import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { COLUMNS, N, REQUIRED_NAMES } from "../../src/workbook/names";
import { som } from "./som";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-template-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const definedNames = (file: string): Map<string, string> =>
  new Map(
    (XLSX.read(fs.readFileSync(file), { type: "buffer" }).Workbook?.Names ?? []).map((n) => [n.Name, n.Ref]),
  );

/** The header row of a block name, read back from the file. */
function headerRow(file: string, name: string): string[] {
  const wb = XLSX.read(fs.readFileSync(file), { type: "buffer" });
  const ref = (wb.Workbook?.Names ?? []).find((n) => n.Name === name)?.Ref ?? "";
  const [sheetPart, range] = ref.split("!");
  const sheet = wb.Sheets[(sheetPart ?? "").replace(/^'|'$/g, "").replace(/''/g, "'")];
  if (sheet === undefined || range === undefined) return [];
  const r = XLSX.utils.decode_range(range.replace(/\$/g, ""));
  const out: string[] = [];
  for (let c = r.s.c; c <= r.e.c; c++)
    out.push(
      String((sheet[XLSX.utils.encode_cell({ r: r.s.r, c })] as XLSX.CellObject | undefined)?.v ?? ""),
    );
  return out;
}

describe("som template", () => {
  it("writes SOM-skabelon.xlsx in the current directory with every required name", async () => {
    const r = await som(["template"], dir);
    expect(r.code).toBe(0);
    const file = path.join(dir, "SOM-skabelon.xlsx");
    expect(r.out).toBe(`Skabelonen er skrevet: ${file}\n`);
    const names = definedNames(file);
    for (const name of REQUIRED_NAMES) expect(names.has(name)).toBe(true);
    expect(headerRow(file, N.costs)).toEqual(expect.arrayContaining(COLUMNS[N.costs].map((c) => c.da)));
  });

  it("refuses to overwrite an existing file unless --force", async () => {
    const file = path.join(dir, "SOM-skabelon.xlsx");
    fs.writeFileSync(file, "mine");
    const refused = await som(["template"], dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`som: Filen findes allerede: ${file}. Brug --force for at overskrive den.\n`);
    expect(fs.readFileSync(file, "utf8")).toBe("mine");
    const forced = await som(["template", "--force"], dir);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("--out and --lang en write an English template where asked", async () => {
    const r = await som(["template", "--out", "en/skabelon.xlsx", "--lang", "en"], dir);
    // A missing folder is a clear user error, not a crash.
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `som: The output file's folder does not exist: ${path.join(dir, "en")}. Create it first, or choose another path.\n`,
    );
    fs.mkdirSync(path.join(dir, "en"));
    const ok = await som(["template", "--out", "en/skabelon.xlsx", "--lang", "en"], dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("Template written");
    expect(headerRow(path.join(dir, "en", "skabelon.xlsx"), N.costs)).toEqual(
      expect.arrayContaining(COLUMNS[N.costs].map((c) => c.en)),
    );
  });

  it("a blank template is not calculable: exit 2 with located issues", async () => {
    const r = await som(["calculate", path.join(dir, "SOM-skabelon.xlsx"), "--json"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { issues: { code: string; name: string | null }[] };
    expect(doc.issues.length).toBeGreaterThan(0);
    expect(doc.issues.every((i) => typeof i.code === "string" && i.name !== null)).toBe(true);
  });
});
