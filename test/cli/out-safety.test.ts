/**
 * The command line as a professional tool (issue 13 §2): `--out` never replaces an existing file without
 * `--force` (every writing command), never writes through a symlink onto another file, says when the output
 * folder is missing; input files are read with a byte cap (a symlink to /dev/zero is refused at once); a blank
 * workbook gives one line; a user's own `Resultater` sheet does not stop a calculation that writes nothing.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { writeWorkbookSpec } from "../../src/file/write-workbook-spec";
import { englishReorderedSpec } from "../golden/hand-layout";
import { som } from "./som";

const FIXTURE = path.join(__dirname, "..", "golden", "one-actor.xlsx");
const EXAMPLE = path.join(__dirname, "..", "..", "examples", "eksempel.xlsx");
const sha256 = (file: string): string =>
  crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-out-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("--out never overwrites without --force", () => {
  it.each([
    ["calculate", (out: string) => ["calculate", FIXTURE, "--out", out]],
    ["sensitivity", (out: string) => ["sensitivity", EXAMPLE, "--out", out]],
    ["compare", (out: string) => ["compare", EXAMPLE, "--out", out]],
    ["template", (out: string) => ["template", "--out", out]],
    ["knowledge export", (out: string) => ["knowledge", "export", "--out", out]],
    ["simulate", (out: string) => ["simulate", EXAMPLE, "--iterations", "20", "--out", out]],
    ["portfolio", (out: string) => ["portfolio", FIXTURE, "--out", out]],
  ])("%s refuses an existing file, leaves it as it was, and replaces it with --force", async (_, argv) => {
    const out = path.join(dir, `existing-${_.replace(" ", "-")}.xlsx`);
    fs.writeFileSync(out, "mine");
    const refused = await som(argv(out));
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`som: Filen findes allerede: ${out}. Brug --force for at overskrive den.\n`);
    expect(fs.readFileSync(out, "utf8")).toBe("mine");
    const forced = await som([...argv(out), "--force"]);
    // compare on a workbook without saved scenarios stops with input issues (2) before writing
    if (_ === "compare") expect([0, 2]).toContain(forced.code);
    else {
      expect(forced.code).toBe(0);
      expect(fs.readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
    }
  });

  it("with --force replaces a symlink named --out by a new file; the file it pointed to is untouched", async () => {
    const victim = path.join(dir, "victim.txt");
    fs.writeFileSync(victim, "do not touch");
    const link = path.join(dir, "link.xlsx");
    fs.symlinkSync(victim, link);
    const refused = await som(["calculate", FIXTURE, "--out", link]);
    expect(refused.code).toBe(1); // the link itself counts as an existing file
    const forced = await som(["calculate", FIXTURE, "--out", link, "--force"]);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(victim, "utf8")).toBe("do not touch");
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(link).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("a dangling symlink as --out is refused too (writing would create its target)", async () => {
    const link = path.join(dir, "dangling.xlsx");
    fs.symlinkSync(path.join(dir, "nowhere", "target.xlsx"), link);
    const r = await som(["calculate", FIXTURE, "--out", link]);
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, "nowhere"))).toBe(false);
  });

  it("a missing output folder is said as such, not as 'file not found'", async () => {
    const r = await som(["calculate", FIXTURE, "--out", path.join(dir, "missing", "r.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `som: Mappen til uddatafilen findes ikke: ${path.join(dir, "missing")}. Opret den først, eller vælg en anden sti.\n`,
    );
  });

  it("the input file is never modified", async () => {
    const before = sha256(FIXTURE);
    await som(["calculate", FIXTURE, "--out", path.join(dir, "copy.xlsx")]);
    expect(sha256(FIXTURE)).toBe(before);
  });
});

describe("reading input files", () => {
  it("a .xlsx that is a symlink to /dev/zero is refused at once with one line, not read forever", async () => {
    const link = path.join(dir, "zero.xlsx");
    fs.symlinkSync("/dev/zero", link);
    const t0 = Date.now();
    const r = await som(["calculate", link]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `som: Det er ikke en almindelig fil (men en enhed, en pipe eller lignende): ${link}\n`,
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("a blank workbook gives one line, not one issue per missing name", async () => {
    const blank = path.join(dir, "blank.xlsx");
    await writeWorkbookSpec({ sheets: [{ name: "Ark1", role: "input", blocks: [] }], names: [] }, blank);
    const r = await som(["calculate", blank]);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(2); // the title and one issue
    expect(lines[1]).toContain(
      "ingen SØM-ark: brug Opret SØM-ark i tilføjelsesprogrammet eller `som template`",
    );
    const json = await som(["calculate", blank, "--json"]);
    expect((JSON.parse(json.out) as { issues: { code: string }[] }).issues.map((i) => i.code)).toEqual([
      "no-som-names",
    ]);
  });

  it("a user's own sheet named Resultater does not block a calculation that writes nothing", async () => {
    const spec = englishReorderedSpec();
    const input = path.join(dir, "own-results-sheet.xlsx");
    await writeWorkbookSpec(
      {
        ...spec,
        sheets: [
          ...spec.sheets,
          { name: "Resultater", role: "input", blocks: [{ row: 0, col: 0, values: [["mine tal"]] }] },
        ],
      },
      input,
    );
    const r = await som(["calculate", input, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveProperty("total");
  });
});
