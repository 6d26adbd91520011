/**
 * Golden fixtures: real .xlsx workbooks in, `som calculate --json` out, compared with numbers derived by
 * hand (each `*.calc.md` shows the arithmetic; `*.expected.json` holds the result). Regenerate the
 * workbooks with `npx tsx test/golden/make-fixtures.ts`; never regenerate the expectations from output.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { som } from "../cli/som";
import { compareJson } from "./compare-json";

const here = (file: string): string => path.join(__dirname, file);
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(here(file), "utf8"));

const GOOD = [
  "one-actor",
  "three-actors",
  "english-reordered",
  "per-cohort",
  "duration-during",
  "kommune-only",
];

describe.each(GOOD)("golden fixture %s.xlsx", (name) => {
  it("som calculate --json prints the hand-calculated results and exits 0", async () => {
    const r = await som(["calculate", here(`${name}.xlsx`), "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(compareJson(JSON.parse(r.out), readJson(`${name}.expected.json`))).toEqual([]);
  });
});

interface ExpectedIssue {
  readonly code: string;
  readonly name: string | null;
  readonly sheet: string | null;
  readonly cell: string | null;
}

const byPlace = (a: ExpectedIssue, b: ExpectedIssue): number =>
  `${a.name}|${a.cell}|${a.code}`.localeCompare(`${b.name}|${b.cell}|${b.code}`);

describe("golden fixture bad-inputs.xlsx", () => {
  it("exits 2 and lists exactly the expected issues, each with code, name, sheet and cell", async () => {
    const r = await som(["calculate", here("bad-inputs.xlsx"), "--json", "--lang", "en"]);
    expect(r.code).toBe(2);
    const printed = JSON.parse(r.out) as { issues: (ExpectedIssue & { message: string })[] };
    expect(Object.keys(printed)).toEqual(["issues"]);
    const expected = (readJson("bad-inputs.expected.json") as { issues: ExpectedIssue[] }).issues;
    const got = printed.issues.map(({ code, name, sheet, cell }) => ({ code, name, sheet, cell }));
    expect([...got].sort(byPlace)).toEqual([...expected].sort(byPlace));
    for (const issue of printed.issues) expect(issue.message.length).toBeGreaterThan(0);
  });

  it("prints the issues in Danish without --json, on stderr, exit 2", async () => {
    const r = await som(["calculate", here("bad-inputs.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("Projektmappen har fejl i input; intet er beregnet:");
    expect(r.err).toMatch(/SOM_Omkostninger, [^!]+![A-Z]+\d+: /);
  });
});

describe("the real binary", () => {
  it("node bin/som.js calculate … --json prints the same document as in-process", () => {
    const root = path.join(__dirname, "..", "..");
    const out = execFileSync(
      process.execPath,
      [path.join(root, "bin", "som.js"), "calculate", here("one-actor.xlsx"), "--json"],
      {
        cwd: root,
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(compareJson(JSON.parse(out), readJson("one-actor.expected.json"))).toEqual([]);
  });
});

describe("the terminal summary of a golden fixture", () => {
  it("shows the hand-calculated net result per year and the key figures in Danish format", async () => {
    const r = await som(["calculate", here("one-actor.xlsx")]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("Nettoresultat pr. aktør og år (kr., prisniveau 2025, diskonteringsrente 0 %)");
    expect(lines.find((l) => l.startsWith("2025"))?.split(/\s{2,}/)).toEqual(["2025", "-100.000 kr."]);
    expect(lines.find((l) => l.startsWith("2027"))?.split(/\s{2,}/)).toEqual(["2027", "100.000 kr."]);
    expect(lines.find((l) => l.startsWith("Kommune "))?.split(/\s{2,}/)).toEqual([
      "Kommune",
      "50.000 kr.",
      "50.000 kr.",
      "2027",
      "1,25",
      "40 %",
      "2.500 kr.",
    ]);
    expect(r.out).toContain("Værdi uden for tidshorisonten (ikke diskonteret, ikke medregnet): 50.000 kr.");
    // Kritisk succesrate = f* × r_e = 0,8 × 50 % = 40 % (one-actor.calc.md).
    expect(r.out).toContain(
      "* Kritisk succesrate: den succesrate for »Beskæftigelse«, hvor nettoresultatet over tidshorisonten netop er 0 (angivet: 50 %).",
    );
  });
});

describe("compareJson (the golden comparison itself)", () => {
  it("accepts 1e-9 relative differences and reports anything larger, missing keys and renamed actors", () => {
    expect(compareJson({ a: 1000000.0000001 }, { a: 1000000 })).toEqual([]);
    expect(compareJson({ a: 1000000.01 }, { a: 1000000 })).toEqual(["$.a: expected 1000000, got 1000000.01"]);
    expect(compareJson({}, { a: null })).toEqual(["$.a: missing"]);
    expect(compareJson({ byActor: { B: {} } }, { byActor: { A: {} } })).toContain(
      '$.byActor: expected keys ["A"], got ["B"]',
    );
    expect(compareJson({ x: [1, 2] }, { x: [1] })).toEqual(["$.x: expected 1 entries, got 2"]);
  });
});
