/**
 * The live workbook (som-method.md §12) equals the engine, proven by a real spreadsheet program.
 *
 * 40 seeded random valid workbooks (test/support/live-scenarios.ts; 3 more with English headers and texts) get their live sheets from
 * `calculateWorkbook(…, { live: true })`; one more goes through the real command line
 * (`som calculate <fil> --out <ny.xlsx> --live`). ONE headless LibreOffice (started first, driven through
 * Python-UNO by test/support/lo-batch.py) opens each file, recalculates every formula (`calculateAll`), and every
 * live figure is compared with `calculate` (relative 1e-9, floor 1e-6 kr.). Then, in the same LibreOffice session,
 * input cells are changed through UNO (`setValue` on a success rate, a participant count, a price and a Δq cell,
 * plus the two cells of the live sensitivity calculator), the document is recalculated, and every live figure is
 * compared with the engine run on the same changes made to the raw inputs (the sensitivity figures with every r_e
 * set to the alternative rate and every Δq × (1 + change), som-method.md §7). For the first workbooks
 * LibreOffice also saves the changed file, and our reader must read back exactly the changed inputs.
 * Skipped with a message when `soffice` or Python-UNO is missing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { calculateWorkbook } from "../../src/app/calculate-workbook";
import { loadScenario } from "../../src/app/load-scenario";
import { calculate } from "../../src/engine/calculate";
import type { RawScenario, Results, Scenario } from "../../src/engine/types";
import { validateScenario } from "../../src/engine/validate";
import { FileWorkbook } from "../../src/file/file-workbook";
import type { Lang } from "../../src/present/format";
import { writeWorkbookSpec } from "../../src/file/xlsx-writer";
import { cellA1 } from "../../src/workbook/a1";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { COLUMNS, N } from "../../src/workbook/names";
import type { NamedValue } from "../../src/workbook/port";
import { normalizeHeader, readBlock } from "../../src/workbook/read/block";
import {
  LIVE_SHEETS,
  liveFigureValue,
  renderLiveSheets,
  type LiveFigure,
} from "../../src/workbook/render/live-sheets";
import { som } from "../cli/som";
import { makeTempDir, removeTempDir } from "../support/libreoffice";
import { hasLoBatch, startLoBatch, type LoJob, type LoJobResult } from "../support/lo-batch";
import { randomScenario } from "../support/live-scenarios";

const ready = hasLoBatch();
if (!ready)
  console.warn(
    "SKIPPED test/file/libreoffice-live.test.ts: needs `soffice` (libreoffice-calc-nogui) and Python-UNO (python3-uno).",
  );
const describeLo = ready ? describe : describe.skip;

const COUNT = Number(process.env.SOM_LIVE_COUNT ?? 40);
const SAVED = 2;
const NOW = new Date("2026-01-02T03:04:05Z");
const ALT_RATE = 0.37;
const ALT_CHANGE = -0.2;
/** Seeds of the English workbooks checked besides the Danish ones. */
const ENGLISH = [2001, 2002, 2003];

/** |a − b| ≤ 1e-9 · max(|a|, |b|), with a floor of 1e-6 kr. for figures that are 0 in exact arithmetic. */
const close = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-6;

interface Case {
  readonly seed: number;
  /** The workbook's language (template headers, live sheet texts). */
  readonly lang: Lang;
  readonly file: string;
  readonly raw: RawScenario;
  readonly changed: RawScenario;
  readonly scenario: Scenario;
  readonly results: Results;
  readonly figures: readonly LiveFigure[];
  readonly saved?: string;
}

type Block = NonNullable<ReturnType<typeof readBlock>>;
const block = (
  named: ReadonlyMap<string, NamedValue>,
  name: string,
  cols: Parameters<typeof readBlock>[2],
): Block => {
  const b = readBlock(named, name, cols, [], {});
  if (b === undefined) throw new Error(`${name} does not read`);
  return b;
};
const cellOf = (b: Block, i: number, key: string): string => {
  const c = b.rows[i]?.fields.get(key)?.cell;
  if (c === undefined) throw new Error(`${b.name}: no ${key} in row ${i}`);
  return c;
};
const extraCell = (b: Block, i: number, header: string): string => {
  const k = b.extraColumns.findIndex((e) => e.normalized === normalizeHeader(header));
  const c = b.rows[i]?.extra[k]?.cell;
  if (c === undefined) throw new Error(`${b.name}: no column ${header} in row ${i}`);
  return c;
};

/**
 * The four input edits, as cell edits for LibreOffice and as the same change to the raw scenario for the
 * engine: success rate of the first effect +0,0731; starters of year 1 +7,25; the first service's price for the
 * first actor ×1,37 + 11,5; Δq year 1 of the first consequence line = −2,25.
 */
function inputEdits(
  raw: RawScenario,
  named: ReadonlyMap<string, NamedValue>,
  lang: Lang,
): { edits: LoJob["phases"][number]["edits"]; changed: RawScenario } {
  const effects = block(named, N.effects, COLUMNS[N.effects]);
  const participants = block(named, N.participants, COLUMNS[N.participants]);
  const prices = block(named, N.prices, COLUMNS[N.prices]);
  const consequences = block(named, N.consequences, COLUMNS[N.consequences]);
  const e0 = raw.effects[0];
  const p0 = raw.participants.findIndex((p) => p.calcYear === 1);
  const actor = raw.actors[0]?.name ?? "";
  const price0 = raw.prices[0];
  const line0 = raw.consequences[0];
  if (e0 === undefined || p0 !== 0 || price0 === undefined || line0 === undefined)
    throw new Error("unexpected scenario");
  const rate = Math.min(1, (e0.successRate ?? 0) + 0.0731);
  const count = (raw.participants[0]?.count ?? 0) + 7.25;
  const price = (price0.priceKrByActor.get(actor) ?? 0) * 1.37 + 11.5;
  const changed: RawScenario = {
    ...raw,
    effects: raw.effects.map((e, i) => (i === 0 ? { ...e, successRate: rate } : e)),
    participants: raw.participants.map((p, i) => (i === 0 ? { ...p, count } : p)),
    prices: raw.prices.map((p, i) =>
      i === 0 ? { ...p, priceKrByActor: new Map([...p.priceKrByActor, [actor, price]]) } : p,
    ),
    consequences: raw.consequences.map((l, i) =>
      i === 0 ? { ...l, deltaByYear: l.deltaByYear.map((q, j) => (j === 0 ? -2.25 : q)) } : l,
    ),
  };
  return {
    edits: [
      { sheet: effects.sheet, cell: cellOf(effects, 0, "successRate"), value: rate },
      { sheet: participants.sheet, cell: cellOf(participants, 0, "count"), value: count },
      { sheet: prices.sheet, cell: extraCell(prices, 0, actor), value: price },
      {
        sheet: consequences.sheet,
        cell: extraCell(consequences, 0, lang === "da" ? "År 1" : "Year 1"),
        value: -2.25,
      },
    ],
    changed,
  };
}

function validated(raw: RawScenario): Scenario {
  const v = validateScenario(raw);
  if (!v.ok) throw new Error(v.issues.map((i) => i.message.en).join(" "));
  return v.value;
}

/** The scenario with every success rate set to `rate` and every Δq × (1 + change) (som-method.md §7). */
const sensitivityScenario = (s: Scenario, rate: number, change: number): Scenario => ({
  ...s,
  effects: s.effects.map((e) => ({ ...e, successRate: rate })),
  consequences: s.consequences.map((l) => ({
    ...l,
    deltaByYear: l.deltaByYear.map((q) => q * (1 + change)),
  })),
});

function mismatches(
  c: Case,
  values: readonly (readonly unknown[])[],
  scenario: Scenario,
  results: Results,
  sensitivity: Results,
): string[] {
  const bad: string[] = [];
  for (const f of c.figures) {
    const got = values[f.row]?.[f.col];
    const want = liveFigureValue(f, results, scenario, c.lang, sensitivity);
    const ok = typeof want === "number" ? typeof got === "number" && close(got, want) : got === want;
    if (!ok)
      bad.push(
        `seed ${c.seed} ${f.sheet}!${cellA1(f.row, f.col)} ${JSON.stringify(f.scope)} ${JSON.stringify(f.field)}: LibreOffice ${JSON.stringify(got)} ≠ engine ${JSON.stringify(want)}`,
      );
  }
  return bad;
}

describeLo("the live workbook recalculated by LibreOffice equals the engine", () => {
  let dir: string;
  let lo: ReturnType<typeof startLoBatch>;
  const cases: Case[] = [];
  let out: readonly LoJobResult[] = [];

  beforeAll(async () => {
    dir = makeTempDir("som-live-");
    lo = startLoBatch(dir);
    const add = async (seed: number, viaCli: boolean, lang: Lang = "da"): Promise<void> => {
      const raw = randomScenario(seed);
      const template = buildTemplateSpec(lang, raw);
      const file = path.join(dir, `live-${seed}.xlsx`);
      let named: ReadonlyMap<string, NamedValue>;
      let scenario: Scenario;
      let results: Results;
      if (viaCli) {
        const input = path.join(dir, `in-${seed}.xlsx`);
        fs.writeFileSync(input, await writeWorkbookSpec(template));
        const r = await som(["calculate", input, "--out", file, "--live"]);
        if (r.code !== 0) throw new Error(r.err);
        const loaded = await loadScenario(await FileWorkbook.open(file));
        if (!loaded.ok) throw new Error(`seed ${seed}: the CLI's file does not read`);
        ({ named, scenario } = loaded);
        results = calculate(scenario);
      } else {
        const wb = MemoryWorkbook.fromSpec(template);
        const outcome = await calculateWorkbook(wb, { now: NOW, lang, live: true });
        if (!outcome.ok)
          throw new Error(`seed ${seed}: ${outcome.issues.map((i) => i.message.en).join(" ")}`);
        const loaded = await loadScenario(wb);
        if (!loaded.ok) throw new Error(`seed ${seed}: reload failed`);
        ({ named, scenario, results } = {
          named: loaded.named,
          scenario: outcome.scenario,
          results: outcome.results,
        });
        const w = outcome.written;
        fs.writeFileSync(
          file,
          await writeWorkbookSpec({
            sheets: [...template.sheets, ...w.sheets],
            names: [...template.names, ...w.names],
          }),
        );
      }
      const live = renderLiveSheets(scenario, results, named, { lang });
      let maxRow = 0;
      let maxCol = 0;
      for (const f of live.figures) {
        maxRow = Math.max(maxRow, f.row);
        maxCol = Math.max(maxCol, f.col);
      }
      const reads = [{ sheet: LIVE_SHEETS.results, range: `A1:${cellA1(maxRow, maxCol)}` }];
      const { edits, changed } = inputEdits(raw, named, lang);
      const sens = LIVE_SHEETS.results;
      const { rate, change } = live.sensitivityInputs;
      const saved = cases.length < SAVED ? path.join(dir, `changed-${seed}.xlsx`) : undefined;
      lo.add({
        file,
        phases: [
          { reads },
          {
            edits: [
              ...(edits ?? []),
              { sheet: sens, cell: cellA1(rate.row, rate.col), value: ALT_RATE },
              { sheet: sens, cell: cellA1(change.row, change.col), value: ALT_CHANGE },
            ],
            reads,
            ...(saved === undefined ? {} : { saveAs: saved }),
          },
        ],
      });
      cases.push({
        seed,
        lang,
        file,
        raw,
        changed,
        scenario,
        results,
        figures: live.figures,
        ...(saved ? { saved } : {}),
      });
    };
    await add(999, true);
    for (let k = 0; k < COUNT; k++) await add(1000 + k, false);
    // English workbooks (English headers and live texts): the same formulas from the same geometry.
    for (const seed of ENGLISH) await add(seed, false, "en");
    out = await lo.finish();
  }, 600_000);

  afterAll(async () => {
    await lo?.stop();
    if (dir !== undefined) removeTempDir(dir);
  });

  it(`every live figure of ${COUNT} random workbooks (one more written by som calculate --live, ${ENGLISH.length} in English) equals calculate`, () => {
    const bad: string[] = [];
    let compared = 0;
    cases.forEach((c, k) => {
      bad.push(...mismatches(c, out[k]?.phases[0]?.reads[0] ?? [], c.scenario, c.results, c.results));
      compared += c.figures.length;
    });
    expect(bad.slice(0, 20)).toEqual([]);
    expect(cases).toHaveLength(COUNT + 1 + ENGLISH.length);
    expect(compared).toBeGreaterThan(COUNT * 100);
  });

  it("after input cells are changed in LibreOffice, every live figure equals the engine on the changed inputs", () => {
    const bad: string[] = [];
    let moved = 0;
    cases.forEach((c, k) => {
      const scenario = validated(c.changed);
      const results = calculate(scenario);
      const sensitivity = calculate(sensitivityScenario(scenario, ALT_RATE, ALT_CHANGE));
      bad.push(...mismatches(c, out[k]?.phases[1]?.reads[0] ?? [], scenario, results, sensitivity));
      if (results.total.netTotal !== c.results.total.netTotal) moved++;
    });
    expect(bad.slice(0, 20)).toEqual([]);
    // Every edit moved the result (otherwise the second comparison would prove nothing new).
    expect(moved).toBe(cases.length);
  });

  it("the file LibreOffice saved after the edits holds exactly the changed inputs (read by our reader)", async () => {
    const saved = cases.filter((c) => c.saved !== undefined);
    expect(saved.length).toBe(SAVED);
    for (const c of saved) {
      const loaded = await loadScenario(await FileWorkbook.open(c.saved as string));
      if (!loaded.ok) throw new Error(`seed ${c.seed}: ${loaded.issues.map((i) => i.message.en).join(" ")}`);
      // LibreOffice stores 15 significant digits: the changed inputs come back to within that.
      const got = calculate(loaded.scenario).total.netTotal;
      const want = calculate(validated(c.changed)).total.netTotal;
      expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-12 * Math.abs(want));
    }
  });
});
