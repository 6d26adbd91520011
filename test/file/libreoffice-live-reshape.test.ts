/**
 * The live workbook when a block grows (som-method.md §12: "it covers the inputs as they are when written; the
 * sheet says so, and Beregn regenerates it when a block grows"), proven in LibreOffice:
 *
 * 1. a random live workbook is opened in headless LibreOffice and a new line is typed into the first blank row
 *    of a named block (a cost line in SOM_Omkostninger, a consequence line in SOM_Konsekvenser) — after the
 *    recalculation the status line `SOM_Levende_Status` says the shape changed and the shape check's «Alle ens»
 *    is FALSE, while an edit that keeps the shape (a number) leaves the status «Levende»;
 * 2. the file LibreOffice saved goes through `som calculate <fil> --out <ny> --live` (the same use case as the
 *    add-in's Beregn), and LibreOffice recalculates the regenerated file: the status is «Levende» again and every
 *    live figure equals the engine on the grown inputs — the new line counted (1e-9 relative).
 * Skipped with a message when `soffice` or Python-UNO is missing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { calculateWorkbook } from "../../src/app/calculate-workbook";
import { loadScenario } from "../../src/app/load-scenario";
import { calculate } from "../../src/engine/calculate";
import type { RawScenario } from "../../src/engine/types";
import { FileWorkbook } from "../../src/file/file-workbook";
import { writeWorkbookSpec } from "../../src/file/xlsx-writer";
import { cellA1 } from "../../src/workbook/a1";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { COLUMNS, N } from "../../src/workbook/names";
import type { NamedValue } from "../../src/workbook/port";
import { readBlock } from "../../src/workbook/read/block";
import { LIVE_SHEETS, liveFigureValue, renderLiveSheets } from "../../src/workbook/render/live-sheets";
import { som } from "../cli/som";
import { makeTempDir, removeTempDir } from "../support/libreoffice";
import { hasLoBatch, startLoBatch, type LoEdit } from "../support/lo-batch";
import { randomScenario } from "../support/live-scenarios";

const ready = hasLoBatch();
if (!ready)
  console.warn(
    "SKIPPED test/file/libreoffice-live-reshape.test.ts: needs `soffice` (libreoffice-calc-nogui) and Python-UNO (python3-uno).",
  );
const describeLo = ready ? describe : describe.skip;

const NOW = new Date("2026-01-02T03:04:05Z");
const close = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-6;

/** The Danish status texts of the live sheet (what a user reads in B2). */
const LIVE_TEXT = /^Levende: regnes af regnearket selv/;
const RESHAPED_TEXT = /^Input-formen er ændret .*tryk Beregn/;

/** The first row inside a named block that is blank in every column (0-based sheet row), and the block. */
function firstBlankRow(named: ReadonlyMap<string, NamedValue>, name: string) {
  const nv = named.get(name.toLowerCase());
  const block = readBlock(named, name, COLUMNS[name as keyof typeof COLUMNS], [], {});
  if (nv?.kind !== "range" || block === undefined) throw new Error(`${name} does not read`);
  const last = Math.max(block.headerRow, ...block.rows.map((r) => r.row));
  for (let i = last + 1 - nv.row; i < nv.values.length; i++)
    if ((nv.values[i] ?? []).every((v) => v === null || v === "")) return { row: nv.row + i, block };
  throw new Error(`${name} has no blank row left`);
}

const colOf = (block: NonNullable<ReturnType<typeof readBlock>>, key: string): number => {
  const c = block.columns.get(key)?.col;
  if (c === undefined) throw new Error(`${block.name}: no column ${key}`);
  return c;
};

interface Grow {
  readonly label: string;
  readonly edits: (named: ReadonlyMap<string, NamedValue>, raw: RawScenario) => LoEdit[];
}

/** New lines typed into a blank row of a block (text cells as the template's drop-downs spell them). */
const GROWS: readonly Grow[] = [
  {
    label: "a cost line typed into SOM_Omkostninger",
    edits: (named, raw) => {
      const { row, block } = firstBlankRow(named, N.costs);
      const at = (key: string): string => cellA1(row, colOf(block, key));
      return [
        { sheet: block.sheet, cell: at("item"), value: "Ny post" },
        { sheet: block.sheet, cell: at("kind"), value: "Drift" },
        { sheet: block.sheet, cell: at("actor"), value: raw.actors[0]?.name ?? "" },
        { sheet: block.sheet, cell: at("amount"), value: 123456.5 },
      ];
    },
  },
  {
    label: "a consequence line typed into SOM_Konsekvenser",
    edits: (named, raw) => {
      const { row, block } = firstBlankRow(named, N.consequences);
      const at = (key: string): string => cellA1(row, colOf(block, key));
      const year1 = block.extraColumns.find((e) => e.normalized === "år 1");
      if (year1 === undefined) throw new Error("no År 1 column");
      return [
        { sheet: block.sheet, cell: at("effect"), value: raw.effects[0]?.name ?? "" },
        { sheet: block.sheet, cell: at("service"), value: raw.prices[0]?.service ?? "" },
        { sheet: block.sheet, cell: at("kind"), value: "Udgift" },
        { sheet: block.sheet, cell: cellA1(row, year1.col), value: -3.5 },
      ];
    },
  },
];

describeLo("the live sheets when an input block grows (LibreOffice)", () => {
  let dir: string;
  const seeds = [2101, 2102, 2103, 2104];
  interface Case {
    seed: number;
    grow: Grow;
    grown: string;
    regenerated: string;
  }
  const cases: Case[] = [];
  let first: Awaited<ReturnType<ReturnType<typeof startLoBatch>["finish"]>> = [];
  let second: Awaited<ReturnType<ReturnType<typeof startLoBatch>["finish"]>> = [];
  const statusRead = { sheet: LIVE_SHEETS.results, range: "B2:B2" };

  beforeAll(async () => {
    dir = makeTempDir("som-live-reshape-");
    const lo = startLoBatch(path.join(dir));
    try {
      for (const [k, seed] of seeds.entries()) {
        const grow = GROWS[k % GROWS.length] as Grow;
        const raw = randomScenario(seed);
        const template = buildTemplateSpec("da", raw);
        const wb = MemoryWorkbook.fromSpec(template);
        const outcome = await calculateWorkbook(wb, { now: NOW, lang: "da", live: true });
        if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message.en).join(" "));
        const loaded = await loadScenario(wb);
        if (!loaded.ok) throw new Error("reload failed");
        const file = path.join(dir, `live-${seed}.xlsx`);
        fs.writeFileSync(
          file,
          await writeWorkbookSpec({
            sheets: [...template.sheets, ...outcome.written.sheets],
            names: [...template.names, ...outcome.written.names],
          }),
        );
        // «Alle ens» on Levende 1 Priser: the row after the last shape check.
        const shapeAll = readShapeAllCell(outcome.written);
        const grown = path.join(dir, `grown-${seed}.xlsx`);
        const participants = readBlock(loaded.named, N.participants, COLUMNS[N.participants], [], {});
        const countCell = participants?.rows[0]?.fields.get("count")?.cell;
        if (participants === undefined || countCell === undefined) throw new Error("no participants");
        lo.add({
          file,
          phases: [
            // a number edited: the shape is the same, the status stays «Levende»
            {
              edits: [{ sheet: participants.sheet, cell: countCell, value: 17.5 }],
              reads: [statusRead, shapeAll],
            },
            // a new line typed into a blank row: the status says the shape changed
            { edits: grow.edits(loaded.named, raw), reads: [statusRead, shapeAll], saveAs: grown },
          ],
        });
        cases.push({ seed, grow, grown, regenerated: path.join(dir, `regenerated-${seed}.xlsx`) });
      }
      first = await lo.finish();
    } finally {
      await lo.stop();
    }
    // Beregn again (the command line's route to the same use case) on the files LibreOffice saved.
    const lo2 = startLoBatch(path.join(dir, "second"));
    try {
      for (const c of cases) {
        const r = await som(["calculate", c.grown, "--out", c.regenerated, "--live"]);
        if (r.code !== 0) throw new Error(`seed ${c.seed}: ${r.err}`);
        lo2.add({
          file: c.regenerated,
          phases: [{ reads: [statusRead, { sheet: LIVE_SHEETS.results, range: "A1:AZ400" }] }],
        });
      }
      second = await lo2.finish();
    } finally {
      await lo2.stop();
    }
  }, 600_000);

  afterAll(() => {
    if (dir !== undefined) removeTempDir(dir);
  });

  it("a number edit keeps «Levende»; a line typed into a blank block row turns the status to «Input-formen er ændret … tryk Beregn»", () => {
    expect(first).toHaveLength(seeds.length);
    first.forEach((job, k) => {
      const [same, grown] = job.phases;
      expect([cases[k]?.grow.label, same?.reads[0]?.[0]?.[0]]).toEqual([
        cases[k]?.grow.label,
        expect.stringMatching(LIVE_TEXT),
      ]);
      expect(same?.reads[1]?.[0]?.[0]).toBe(1); // TRUE (UNO reads booleans as numbers)
      expect([cases[k]?.grow.label, grown?.reads[0]?.[0]?.[0]]).toEqual([
        cases[k]?.grow.label,
        expect.stringMatching(RESHAPED_TEXT),
      ]);
      expect(grown?.reads[1]?.[0]?.[0]).toBe(0); // FALSE
    });
  });

  it("after Beregn on the grown file the live sheets are «Levende» again and equal the engine with the new line", async () => {
    expect(second).toHaveLength(cases.length);
    const bad: string[] = [];
    let compared = 0;
    for (const [k, c] of cases.entries()) {
      const reads = second[k]?.phases[0]?.reads;
      expect(reads?.[0]?.[0]?.[0]).toMatch(LIVE_TEXT);
      const loaded = await loadScenario(await FileWorkbook.open(c.regenerated));
      if (!loaded.ok) throw new Error(`seed ${c.seed}: ${loaded.issues.map((i) => i.message.en).join(" ")}`);
      const grownLoaded = await loadScenario(await FileWorkbook.open(c.grown));
      if (!grownLoaded.ok) throw new Error(`seed ${c.seed}: the grown file does not read`);
      // The new line is in the scenario the live sheets now cover.
      const before = randomScenario(c.seed);
      const grew = c.grow.label.includes("cost")
        ? loaded.scenario.costs.length === before.costs.length + 1
        : loaded.scenario.consequences.length === before.consequences.length + 1;
      expect([c.grow.label, grew]).toEqual([c.grow.label, true]);
      const results = calculate(loaded.scenario);
      const live = renderLiveSheets(loaded.scenario, results, loaded.named, { lang: "da" });
      const values = reads?.[1] ?? [];
      for (const f of live.figures) {
        if (f.row >= 400 || f.col >= 52) continue;
        const got = values[f.row]?.[f.col];
        const want = liveFigureValue(f, results, loaded.scenario, "da");
        compared++;
        const ok = typeof want === "number" ? typeof got === "number" && close(got, want) : got === want;
        if (!ok)
          bad.push(
            `seed ${c.seed} ${cellA1(f.row, f.col)} ${JSON.stringify(f.field)}: ${String(got)} ≠ ${String(want)}`,
          );
      }
    }
    expect(bad.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(cases.length * 100);
  });
});

/** The «Alle ens» cell of the shape check (column D of its row on Levende 1 Priser) as a read. */
function readShapeAllCell(spec: {
  sheets: readonly {
    name: string;
    blocks: readonly {
      row: number;
      col: number;
      values: readonly (readonly unknown[])[];
      formulas?: readonly (readonly (string | null)[])[];
    }[];
  }[];
}): {
  sheet: string;
  range: string;
} {
  const sheet = spec.sheets.find((s) => s.name === LIVE_SHEETS.prices);
  for (const b of sheet?.blocks ?? [])
    for (const [r, row] of (b.formulas ?? []).entries())
      for (const [c, f] of row.entries())
        if (f !== null && /^=AND\(\$D\$\d+:\$D\$\d+\)$/.test(f)) {
          const a1 = cellA1(b.row + r, b.col + c);
          return { sheet: LIVE_SHEETS.prices, range: `${a1}:${a1}` };
        }
  throw new Error("no shape-check total");
}
