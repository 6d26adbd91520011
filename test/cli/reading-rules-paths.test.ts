/**
 * The reading rules (contract v2; issue 13 §1) on every path that reads a workbook: each case gives the same
 * located issue (code, name, sheet, cell) through `som calculate`, `som sensitivity`, `som simulate`,
 * `som portfolio`, `som scenario save` (the scenario store refuses inputs with errors) and the add-in's Office
 * adapter (the fake Excel filled with the same sheets) — never a number, never exit 0 for an error.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadScenario } from "../../src/app/load-scenario";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { quoteSheet } from "../../src/excel/a1";
import { writeWorkbookSpec } from "../../src/file/xlsx-writer";
import type { InputIssue } from "../../src/engine/types";
import { colLetters, parseRectA1 } from "../../src/workbook/a1";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA, EXAMPLE_DECISION } from "../../src/workbook/layout/example-data";
import type { Block, CellValue, WorkbookSpec } from "../../src/workbook/sheet-model";
import { createFakeExcel, fakeWorkbook } from "../support/fake-excel";
import { cellKey } from "../support/fake-excel/model";
import { som } from "./som";

const base = (): WorkbookSpec =>
  buildTemplateSpec({ lang: "da", data: EXAMPLE_DATA, decision: EXAMPLE_DECISION });

/** The spec with one more block (later blocks win in every writer). */
function withCells(spec: WorkbookSpec, sheet: string, block: Block): WorkbookSpec {
  return {
    ...spec,
    sheets: spec.sheets.map((s) => (s.name === sheet ? { ...s, blocks: [...s.blocks, block] } : s)),
  };
}

/** Where a defined name of the spec points. */
function rangeOf(
  spec: WorkbookSpec,
  name: string,
): { sheet: string; row: number; col: number; rows: number; cols: number } {
  const n = spec.names.find((x) => x.name === name);
  if (n === undefined || !("ref" in n)) throw new Error(name);
  const r = parseRectA1(n.ref);
  if (r === undefined) throw new Error(n.ref);
  return { sheet: n.sheet, ...r };
}

/** The first cell in the block of `name` whose value is `value` (row, col; 0-based, absolute). */
function find(spec: WorkbookSpec, name: string, value: CellValue): { row: number; col: number } {
  const r = rangeOf(spec, name);
  const sheet = spec.sheets.find((s) => s.name === r.sheet)!;
  for (const b of sheet.blocks)
    for (let i = 0; i < b.values.length; i++)
      for (let j = 0; j < (b.values[i]?.length ?? 0); j++) {
        const row = b.row + i;
        const col = b.col + j;
        if (
          row >= r.row &&
          row < r.row + r.rows &&
          col >= r.col &&
          col < r.col + r.cols &&
          b.values[i]?.[j] === value
        )
          return { row, col };
      }
  throw new Error(`${String(value)} not in ${name}`);
}
const a1 = (p: { row: number; col: number }): string => `${colLetters(p.col)}${p.row + 1}`;

interface Case {
  readonly name: string;
  readonly spec: () => WorkbookSpec;
  /** code, defined name, sheet, cell of the located issue every path must give. */
  readonly expected: () => [string, string, string, string];
  /**
   * In Excel a formula always has a value: a file written by a tool that does not calculate is the file
   * paths' case; in the add-in the same formula shows Excel's error value (#DIV/0!), which must be located
   * at the same cell.
   */
  readonly officeCode?: string;
}

const actor = EXAMPLE_DATA.actors[0]!.name;

const CASES: Case[] = [
  {
    name: "a price column headed by a misspelt actor, with numbers",
    spec: () => {
      const s = base();
      const at = find(s, "SOM_Priser", actor);
      return withCells(s, rangeOf(s, "SOM_Priser").sheet, {
        row: at.row,
        col: at.col,
        values: [[`${actor}en`]],
      });
    },
    expected: () => {
      const s = base();
      const r = rangeOf(s, "SOM_Priser");
      return ["price-column-not-actor", "SOM_Priser", r.sheet, a1(find(s, "SOM_Priser", actor))];
    },
  },
  {
    name: "a price cell holding a formula without a stored value",
    spec: () => {
      const s = base();
      const r = rangeOf(s, "SOM_Priser");
      const at = find(s, "SOM_Priser", actor);
      return withCells(s, r.sheet, {
        row: at.row + 1,
        col: at.col,
        values: [[null]],
        formulas: [["=1/0*0+SUM(A1)"]],
      });
    },
    expected: () => {
      const s = base();
      const r = rangeOf(s, "SOM_Priser");
      const at = find(s, "SOM_Priser", actor);
      return ["formula-without-value", "SOM_Priser", r.sheet, a1({ row: at.row + 1, col: at.col })];
    },
    officeCode: "error-in-cell",
  },
  {
    name: "two actors that differ only by a non-breaking space",
    spec: () => {
      const s = base();
      const r = rangeOf(s, "SOM_Aktoerer");
      const at = find(s, "SOM_Aktoerer", EXAMPLE_DATA.actors[1]!.name);
      const twin = actor.includes(" ") ? actor.replace(" ", "\u00a0") : `${actor}\u00a0`;
      return withCells(s, r.sheet, { row: at.row, col: at.col, values: [[twin]] });
    },
    expected: () => {
      const s = base();
      const r = rangeOf(s, "SOM_Aktoerer");
      return [
        "duplicate-name",
        "SOM_Aktoerer",
        r.sheet,
        a1(find(s, "SOM_Aktoerer", EXAMPLE_DATA.actors[1]!.name)),
      ];
    },
  },
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-rules-paths-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const pick = (i: { code: string; name?: string | null; sheet?: string | null; cell?: string | null }) => [
  i.code,
  i.name ?? null,
  i.sheet ?? null,
  i.cell ?? null,
];

describe.each(CASES.map((c) => [c.name, c] as const))("%s", (label, c) => {
  let file: string;
  let expected: [string, string, string, string];
  beforeAll(async () => {
    file = path.join(dir, `${label.replace(/[^a-z]+/gi, "-").slice(0, 40)}.xlsx`);
    fs.writeFileSync(file, await writeWorkbookSpec(c.spec()));
    expected = c.expected();
  });

  it.each([
    ["calculate", (f: string) => ["calculate", f, "--json"]],
    ["sensitivity", (f: string) => ["sensitivity", f, "--json"]],
    ["simulate", (f: string) => ["simulate", f, "--json", "--iterations", "10"]],
  ])("som %s: exit 2 with the located issue", async (_, argv) => {
    const r = await som(argv(file));
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as {
      issues: { code: string; name: string; sheet: string; cell: string }[];
    };
    expect(doc.issues.map(pick)).toContainEqual(expected);
  });

  it("som portfolio: listed as not calculated, with the located issue", async () => {
    const r = await som(["portfolio", file, "--json"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as {
      interventions: {
        ok: boolean;
        issues?: { code: string; name: string; sheet: string; cell: string }[];
      }[];
    };
    expect(doc.interventions[0]?.ok).toBe(false);
    expect((doc.interventions[0]?.issues ?? []).map(pick)).toContainEqual(expected);
  });

  it("som scenario save: refused with the located issue, nothing written", async () => {
    const out = path.join(dir, "scenario-out.xlsx");
    const r = await som(["scenario", "save", file, "--name", "X", "--out", out, "--json"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as {
      issues: { code: string; name: string; sheet: string; cell: string }[];
    };
    expect(doc.issues.map(pick)).toContainEqual(expected);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("the add-in (Office adapter over the fake Excel): the same located issue", async () => {
    const spec = c.spec();
    const fake = createFakeExcel(fakeWorkbook());
    for (const s of spec.sheets) {
      fake.model.sheets.push({ ...emptySheet(s.name) });
      const sheet = fake.model.sheets[fake.model.sheets.length - 1]!;
      for (const b of s.blocks)
        b.values.forEach((row, i) =>
          row.forEach((v, j) => {
            const f = b.formulas?.[i]?.[j] ?? null;
            if (v === null && f === null) return;
            // Excel calculates every formula: one without a stored value shows its error (1/0 → #DIV/0!)
            const calculated =
              f !== null && v === null ? { value: "#DIV/0!", error: true as const } : { value: v };
            sheet.cells.set(cellKey(b.row + i, b.col + j), {
              ...calculated,
              ...(f === null ? {} : { formula: f }),
              numberFormat: "General",
            });
          }),
        );
    }
    for (const n of spec.names)
      fake.model.names.set(n.name.toLowerCase(), {
        name: n.name,
        formula:
          "ref" in n
            ? `=${quoteSheet(n.sheet)}!${n.ref}`
            : typeof n.constant === "number"
              ? `=${n.constant}`
              : `="${n.constant}"`,
        comment: "",
      });
    const wb = new OfficeWorkbook((b) => fake.run(b), {
      isSetSupported: (v) => fake.isSetSupported("ExcelApi", v),
    });
    const r = await loadScenario(wb);
    expect(r.ok).toBe(false);
    const issues: readonly InputIssue[] = r.ok ? [] : r.issues;
    const [code, ...where] = expected;
    expect(issues.map((i) => pick({ code: i.code, ...i.location }))).toContainEqual([
      c.officeCode ?? code,
      ...where,
    ]);
  });
});

function emptySheet(name: string) {
  const template = fakeWorkbook().sheets[0]!;
  return { ...template, name, cells: new Map(), id: `{${name}}` };
}
