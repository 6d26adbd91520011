import fc from "fast-check";
import {
  deleteScenario,
  listScenarios,
  planRestore,
  renameScenario,
  restoreScenario,
  saveScenario,
  storedScenarioPort,
} from "../../src/app/scenarios";
import { loadScenario } from "../../src/app/load-scenario";
import { calculate } from "../../src/engine/calculate";
import type { RawScenario } from "../../src/engine/types";
import { cellA1, rectA1 } from "../../src/workbook/a1";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA } from "../../src/workbook/layout/example-data";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { INPUT_NAMES, N } from "../../src/workbook/names";
import type { NamedValue } from "../../src/workbook/port";
import {
  parseScenarioStore,
  renderScenarioStore,
  SCENARIO_SHEET,
  type StoredScenario,
} from "../../src/workbook/render/scenario-store";

const now = new Date("2026-11-23T12:00:00Z");
const yes = (): Promise<boolean> => Promise.resolve(true);

function exampleWorkbook(data: RawScenario = EXAMPLE_DATA): MemoryWorkbook {
  return MemoryWorkbook.fromSpec(buildTemplateSpec("da", data));
}

async function readAll(wb: MemoryWorkbook): Promise<Map<string, NamedValue>> {
  return new Map(await wb.readNames(INPUT_NAMES));
}

/** A range's grid with "" as blank, for comparing what was saved with what is read. */
const grid = (v: NamedValue | undefined): unknown =>
  v?.kind === "range"
    ? {
        sheet: v.sheet,
        row: v.row,
        col: v.col,
        values: v.values.map((l) => l.map((x) => (x === "" ? null : x))),
      }
    : v;

async function namedRange(wb: MemoryWorkbook, name: string): Promise<Extract<NamedValue, { kind: "range" }>> {
  const v = (await wb.readNames([name])).get(name.toLowerCase());
  if (v?.kind !== "range") throw new Error(`${name} is not a range`);
  return v;
}

async function saved(wb: MemoryWorkbook, name: string): Promise<StoredScenario> {
  const out = await saveScenario(wb, name, { now });
  if (!out.ok) throw new Error(out.issues.map((i) => i.code).join());
  return out.scenario;
}

describe("saving scenarios", () => {
  it("stores every input name as read, plus key results, in a hidden sheet with a defined name", async () => {
    const wb = exampleWorkbook();
    const s = await saved(wb, "Forventet");
    const before = await readAll(wb);
    expect(s.inputs.map((v) => v.name.toLowerCase())).toEqual(
      INPUT_NAMES.filter((n) => before.has(n.toLowerCase())).map((n) => n.toLowerCase()),
    );
    const sheets = await wb.listSheets();
    expect(sheets.find((x) => x.name === SCENARIO_SHEET)?.visibility).toBe("hidden");
    const list = await listScenarios(wb);
    expect(list.ok && list.scenarios.map((x) => x.name)).toEqual(["Forventet"]);
    // Key result stored = the engine's own result for the same inputs.
    const load = await loadScenario(wb);
    if (!load.ok) throw new Error("example has issues");
    const total = s.figures.find((f) => f.scope === "total" && f.field === "netTotal");
    expect(total?.value).toBe(calculate(load.scenario).total.netTotal);
  });

  it("reads back exactly what it wrote (store render → parse is the identity on values)", async () => {
    const wb = exampleWorkbook();
    const s = await saved(wb, "Forventet");
    const list = await listScenarios(wb);
    if (!list.ok) throw new Error("store unreadable");
    expect(list.problems).toEqual([]);
    const back = list.scenarios[0];
    expect(back?.inputs.map(grid)).toEqual(s.inputs.map(grid));
    expect(back?.figures).toEqual(s.figures);
    expect(back?.savedAt).toBe("2026-11-23T12:00:00.000Z");
  });

  it("refuses a blank, a duplicate (ignoring case) and an over-long name, and treats __proto__ as just a name", async () => {
    const wb = exampleWorkbook();
    await saved(wb, "Forsigtig");
    for (const [name, code] of [
      ["  ", "scenario-name-blank"],
      ["forsigtig ", "scenario-name-taken"],
      ["x".repeat(81), "scenario-name-too-long"],
    ] as const) {
      const out = await saveScenario(wb, name, { now });
      expect(out.ok ? "ok" : out.issues[0]?.code).toBe(code);
    }
    await saved(wb, "__proto__");
    await saved(wb, '=HYPERLINK("http://x")');
    const list = await listScenarios(wb);
    expect(list.ok && list.scenarios.map((s) => s.name)).toEqual([
      "Forsigtig",
      "__proto__",
      '=HYPERLINK("http://x")',
    ]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("replaces a scenario of the same name only when asked", async () => {
    const wb = exampleWorkbook();
    const first = await saved(wb, "Basis");
    const again = await saveScenario(wb, "basis", { now, replace: true });
    expect(again.ok && again.replaced).toBe(true);
    const list = await listScenarios(wb);
    expect(list.ok && list.scenarios.map((s) => [s.id, s.name])).toEqual([[first.id, "basis"]]);
  });

  it("does not save inputs with errors, and writes nothing", async () => {
    const wb = exampleWorkbook();
    const h = await namedRange(wb, N.horizon);
    await wb.writeCells(h.sheet, h.row, h.col, [[99]]);
    const out = await saveScenario(wb, "Fejl", { now });
    expect(out.ok).toBe(false);
    expect(wb.writeSheetsCalls).toBe(0);
  });

  it("never overwrites a sheet named _som_scenarier that is not ours", async () => {
    const wb = exampleWorkbook();
    wb.addSheet(SCENARIO_SHEET);
    const out = await saveScenario(wb, "Basis", { now });
    expect(out.ok ? "ok" : out.issues[0]?.code).toBe("sheet-not-owned");
    expect(wb.writeSheetsCalls).toBe(0);
  });
});

describe("renaming and deleting", () => {
  it("renames and deletes by id, keeping the other scenarios", async () => {
    const wb = exampleWorkbook();
    const a = await saved(wb, "A");
    const b = await saved(wb, "B");
    expect(await renameScenario(wb, a.id, "Forsigtig")).toEqual({ ok: true });
    expect((await renameScenario(wb, b.id, "forsigtig")).ok).toBe(false);
    expect(await deleteScenario(wb, b.id)).toEqual({ ok: true });
    const list = await listScenarios(wb);
    expect(list.ok && list.scenarios.map((s) => [s.id, s.name])).toEqual([[a.id, "Forsigtig"]]);
    expect((await deleteScenario(wb, 999)).ok).toBe(false);
  });
});

describe("restoring a scenario", () => {
  it("restore(save(x)) = x: edited values come back exactly", async () => {
    const wb = exampleWorkbook();
    const x = await readAll(wb);
    const s = await saved(wb, "Basis");
    // Edit inputs: success rate, a cost amount, a text cell and the horizon.
    const eff = await namedRange(wb, N.effects);
    await wb.writeCells(eff.sheet, eff.row + 1, eff.col + 1, [[0.5]]);
    const costs = await namedRange(wb, N.costs);
    await wb.writeCells(costs.sheet, costs.row + 1, costs.col, [["Ændret post"]]);
    const h = await namedRange(wb, N.horizon);
    await wb.writeCells(h.sheet, h.row, h.col, [[7]]);
    expect(grid((await readAll(wb)).get(N.effects.toLowerCase()))).not.toEqual(
      grid(x.get(N.effects.toLowerCase())),
    );

    const questions: string[] = [];
    const out = await restoreScenario(wb, s.id, (q) => {
      questions.push(q.da);
      return Promise.resolve(true);
    });
    expect(out.ok && out.status).toBe("restored");
    expect(questions[0]).toContain(N.effects);
    const after = await readAll(wb);
    for (const n of INPUT_NAMES)
      expect(grid(after.get(n.toLowerCase()))).toEqual(grid(x.get(n.toLowerCase())));
  });

  it("asks before writing and writes nothing when the user says no", async () => {
    const wb = exampleWorkbook();
    const s = await saved(wb, "Basis");
    const h = await namedRange(wb, N.horizon);
    await wb.writeCells(h.sheet, h.row, h.col, [[7]]);
    const out = await restoreScenario(wb, s.id, () => Promise.resolve(false));
    expect(out.ok && out.status).toBe("cancelled");
    expect((await namedRange(wb, N.horizon)).values).toEqual([[7]]);
  });

  it("says 'already current' and asks nothing when the inputs equal the scenario", async () => {
    const wb = exampleWorkbook();
    const s = await saved(wb, "Basis");
    const out = await restoreScenario(wb, s.id, () => Promise.reject(new Error("must not ask")));
    expect(out.ok && out.status).toBe("already-current");
  });

  it("restores the shape: a block the user extended shrinks back, the extra rows are blanked", async () => {
    const wb = exampleWorkbook();
    const x = await readAll(wb);
    const s = await saved(wb, "Basis");
    const costs = await namedRange(wb, N.costs);
    const rows = costs.values.length;
    const cols = costs.values[0]?.length ?? 0;
    // The user adds a cost line below the block and extends the name over it.
    await wb.writeCells(costs.sheet, costs.row + rows, costs.col, [["Ekstra", "Drift", "Kommune", 1000]]);
    await wb.defineName(
      N.costs,
      costs.sheet,
      rectA1({ row: costs.row, col: costs.col, rows: rows + 1, cols }),
    );
    expect((await namedRange(wb, N.costs)).values.length).toBe(rows + 1);
    const plan = await planRestore(wb, s.id);
    expect(plan.ok && plan.plan.writes.find((w) => w.name === N.costs)?.redefine).toBeDefined();
    await restoreScenario(wb, s.id, yes);
    expect(grid(await namedRange(wb, N.costs))).toEqual(grid(x.get(N.costs.toLowerCase())));
    expect(wb.getCell(costs.sheet, cellA1(costs.row + rows, costs.col))).toBeNull();
  });

  it("recomputes a stored scenario exactly as the workbook did", async () => {
    const wb = exampleWorkbook();
    const s = await saved(wb, "Basis");
    const fromStore = await loadScenario(storedScenarioPort(s));
    const fromBook = await loadScenario(wb);
    if (!fromStore.ok || !fromBook.ok) throw new Error("issues");
    expect(calculate(fromStore.scenario).total).toEqual(calculate(fromBook.scenario).total);
  });
});

describe("the store is untrusted on reading", () => {
  it("skips unknown names, bad ids and absurd shapes, and reports them", () => {
    const { sheet } = renderScenarioStore([]);
    const values =
      sheet.blocks[0] === undefined
        ? []
        : [
            [sheet.blocks[0].values[0]?.[0] ?? null, null, null, null, null, null, null, null],
            ["Scenarie", "Post", "Navn", "Felt", "Række", "Kolonne", "Type", "Værdi"],
            [1, "scenarie", null, "navn", null, null, "s", "Ok"],
            [1, "område", "SOM_Startaar", null, 2, 1, "s", "Indstillinger"],
            [1, "form", "SOM_Startaar", null, 1, 1, null, null],
            [1, "celle", "SOM_Startaar", null, 0, 0, "n", "2025"],
            [1, "område", "Evil", null, 0, 0, "s", "Ark"],
            [1, "område", "SOM_Priser", null, 0, 0, "s", "Priser"],
            [1, "form", "SOM_Priser", null, 1e9, 1e9, null, null],
            ["x", "scenarie", null, "navn", null, null, "s", "No id"],
            [2, "celle", "SOM_Startaar", null, 0, 0, "n", "12abc"],
          ];
    const read = parseScenarioStore(values);
    expect(read.scenarios.map((s) => s.name)).toEqual(["Ok"]);
    expect(read.scenarios[0]?.inputs).toEqual([
      { kind: "range", name: "SOM_Startaar", sheet: "Indstillinger", row: 2, col: 1, values: [[2025]] },
    ]);
    expect(read.problems.length).toBeGreaterThanOrEqual(4);
  });
});

describe("the store's value encoding", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string(),
    fc.constantFrom("=1+1", "'tekst", "1.500", "1,5", "0.035", " 7 ", "TRUE", "__proto__", "æøå"),
  );
  const grid = fc
    .integer({ min: 1, max: 4 })
    .chain((cols) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 4 }),
    );
  const arbScenario = fc.record({
    name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ""),
    costs: grid,
    startYear: cell,
    rate: cell,
  });

  it("reads back exactly what it stored, for any cell values (blank text counts as blank)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbScenario, { minLength: 1, maxLength: 3 }), async (drafts) => {
        const scenarios: StoredScenario[] = drafts.map((d, i) => ({
          id: i + 1,
          name: d.name,
          savedAt: "2026-11-23T12:00:00.000Z",
          engineVersion: "1.0.0",
          inputs: [
            {
              kind: "range",
              name: N.startYear,
              sheet: "Indstillinger",
              row: 3,
              col: 1,
              values: [[d.startYear]],
            },
            { kind: "constant", name: N.discountRate, value: d.rate },
            { kind: "range", name: N.costs, sheet: "Omkostninger", row: 5, col: 0, values: d.costs },
          ],
          figures: [
            {
              scope: "actor",
              name: d.name,
              field: "netTotal",
              value: typeof d.rate === "number" ? d.rate : null,
            },
          ],
        }));
        const { sheet, names } = renderScenarioStore(scenarios);
        const wb = MemoryWorkbook.fromSpec({ sheets: [sheet], names });
        const list = await listScenarios(wb);
        if (!list.ok) throw new Error("not ours");
        const blankText = (v: unknown): unknown => (v === "" ? null : v);
        const norm = (s: StoredScenario): unknown => ({
          ...s,
          inputs: s.inputs.map((v) =>
            v.kind === "range" ? { ...v, values: v.values.map((l) => l.map(blankText)) } : v,
          ),
        });
        expect(list.problems).toEqual([]);
        expect(list.scenarios.map(norm)).toEqual(scenarios.map(norm));
      }),
      { numRuns: 60 },
    );
  });
});
