/**
 * The decision report (issue 15): its model equals the engine's figures, and the hand-derived figures of the
 * bundled example (examples/README.md, "The arithmetic": Kommune Σ NR 1.540.501,84, PV 290.719,78, break-even
 * 2034; Region −666.556, never; Stat 3.211.167,96; total 4.085.113,80, PV 2.210.734,73, break-even 2032,
 * ΣV 10.940.113,80, ΣC 6.855.000); the `Rapport`
 * sheet written by Beregn (ownership, stale flag).
 */
import * as path from "node:path";
import { calculateWorkbook, prepareBaseRun } from "../../../src/app/calculate-workbook";
import { isStale } from "../../../src/app/stale";
import { FileWorkbook } from "../../../src/file/file-workbook";
import { MemoryWorkbook } from "../../../src/workbook/memory-workbook";
import { RESULT_SHEETS } from "../../../src/workbook/names";
import {
  buildReportModel,
  originOf,
  type ReportCell,
  type ReportModel,
  type ReportTable,
} from "../../../src/workbook/render/report-model";
import { columnGroups, renderReportSheet } from "../../../src/workbook/render/report-sheet";
import { englishReorderedSpec } from "../../golden/hand-layout";

const NOW = new Date(Date.UTC(2026, 11, 6, 8, 0));
const EXAMPLE = path.join(__dirname, "../../../examples/eksempel.xlsx");

async function exampleRun(): Promise<{
  model: ReportModel;
  base: Extract<Awaited<ReturnType<typeof prepareBaseRun>>, { ok: true }>;
}> {
  const wb = await FileWorkbook.open(EXAMPLE);
  const base = await prepareBaseRun(wb, { now: NOW, lang: "da" });
  if (!base.ok) throw new Error("the example has input issues");
  const model = buildReportModel(base.results, base.scenario, {
    lang: "da",
    stamp: "2026-12-06 09:00 (UTC+01:00)",
    engineVersion: "9.9.9",
    sensitivity: null,
  });
  return { model, base };
}

function table(model: ReportModel, id: string): ReportTable {
  for (const s of model.sections) for (const t of s.tables) if (t.id === id) return t;
  throw new Error(`no table ${id}`);
}

const rowOf = (t: ReportTable, label: string): readonly ReportCell[] => {
  const r = t.rows.find((x) => x[0]?.v === label);
  if (r === undefined) throw new Error(`no row ${label}`);
  return r;
};

describe("the report model", () => {
  it("has SØM's sections in the published order, then the annexes and the methods note", async () => {
    const { model } = await exampleRun();
    expect(model.sections.map((s) => s.title)).toEqual([
      "1. Sammenfatning",
      "2. Omkostninger",
      "3. Effekt",
      "4. Konsekvenser og priser",
      "5. Resultater",
      "6. Følsomhedsanalyser",
      "7. Forudsætninger",
      "Bilag A. Medregnede konsekvenser",
      "Bilag B. Detaljerede budgetøkonomiske konsekvenser",
      "Metodenote",
    ]);
  });

  it("shows the hand-derived key figures of the example (examples/README.md) and they are the engine's", async () => {
    const { model, base } = await exampleRun();
    const key = table(model, "keyFigures");
    expect(key.header.slice(0, 5)).toEqual([
      "Aktør",
      "Nettoresultat",
      "Nutidsværdi",
      "Tilbagebetalingsår",
      "Afkast pr. krone",
    ]);
    const kommune = rowOf(key, "Kommune");
    expect(kommune[1]?.v).toBeCloseTo(1540501.84, 6);
    expect(kommune[2]?.v).toBeCloseTo(290719.78, 2);
    expect(kommune[3]?.v).toBe(2034);
    expect(rowOf(key, "Region")[1]?.v).toBeCloseTo(-666556, 6);
    expect(rowOf(key, "Region")[3]?.v).toBe("ikke inden for tidshorisonten");
    expect(rowOf(key, "Stat")[4]?.v).toBe("ingen omkostninger");
    const total = rowOf(key, "I alt");
    expect(total[1]?.v).toBeCloseTo(4085113.8, 6);
    expect(total[2]?.v).toBeCloseTo(2210734.73, 2);
    expect(total[3]?.v).toBe(2032);
    // Break-even success rate of the total: f* · r = ΣC/ΣV · 12,6 % = 6.855.000 / 10.940.113,80 · 0,126.
    expect(total[5]?.v).toBeCloseTo((6855000 / 10940113.8) * 0.126, 12);
    // Exactly the engine's values, unrounded.
    expect(total[1]?.v).toBe(base.results.total.netTotal);
    expect(total[2]?.v).toBe(base.results.total.presentValue);
    base.results.actors.forEach((a, i) => {
      expect(rowOf(key, a.name)[1]?.v).toBe(base.results.byActor[i]?.netTotal);
      expect(rowOf(key, a.name)[2]?.v).toBe(base.results.byActor[i]?.presentValue);
    });
    // Every actor is its own level: no "Niveau: …" rows.
    expect(key.rows.map((r) => r[0]?.v)).toEqual(["Kommune", "Region", "Stat", "I alt"]);
  });

  it("says one plain sentence per actor and for the total, with the figures rounded once", async () => {
    const { model } = await exampleRun();
    const summary = model.sections[0];
    expect(summary?.paragraphs).toEqual([
      "Kommune bruger 5.975.000 kr. på indsatsen og får 7.515.502 kr. i sparede udgifter og merindtægter i 2025–2037; det giver et overskud på 1.540.502 kr., og investeringen er tjent hjem i 2034.",
      "Region bruger 880.000 kr. på indsatsen og får 213.444 kr. i sparede udgifter og merindtægter i 2025–2037; det giver et underskud på 666.556 kr., og investeringen er ikke tjent hjem inden for tidshorisonten.",
      "Stat har ingen nettoomkostninger og får 3.211.168 kr. i sparede udgifter og merindtægter i 2025–2037; det giver et overskud på 3.211.168 kr., og investeringen er tjent hjem i 2025.",
      "Alle aktører tilsammen bruger 6.855.000 kr. på indsatsen og får 10.940.114 kr. i sparede udgifter og merindtægter i 2025–2037; det giver et overskud på 4.085.114 kr., og investeringen er tjent hjem i 2032.",
    ]);
  });

  it("computes the tornado and the critical values by recomputation (costs +25 %: ΣV − 1,25·ΣC)", async () => {
    const { model } = await exampleRun();
    const tornado = table(model, "tornado");
    const costs = rowOf(tornado, "Omkostninger");
    expect(costs[1]?.v).toBe(-0.25);
    expect(costs[3]?.v).toBeCloseTo(10940113.8 - 0.75 * 6855000, 6);
    expect(costs[4]?.v).toBeCloseTo(10940113.8 - 1.25 * 6855000, 6);
    expect(costs[5]?.v).toBeCloseTo(0.5 * 6855000, 6);
    const swings = tornado.rows.map((r) => r[5]?.v as number);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    const critical = table(model, "critical");
    // Common success rate of the total: ΣC / V₁ with V₁ = ΣV / 0,126.
    expect(rowOf(critical, "I alt")[1]?.v).toBeCloseTo((6855000 * 0.126) / 10940113.8, 9);
    // Costs: ΣV/ΣC − 1; Stat has no costs, so its result is positive for every cost change.
    expect(rowOf(critical, "I alt")[3]?.v).toBeCloseTo(10940113.8 / 6855000 - 1, 9);
    expect(rowOf(critical, "Stat")[3]?.v).toBe("altid positivt");
  });

  it("lists every input in the assumptions register, marks inputs without a source, and tells knowledge-base figures apart", async () => {
    const { base } = await exampleRun();
    const s = base.scenario;
    const unsourced = { ...s, costs: s.costs.map((c, i) => (i === 0 ? { ...c, source: "" } : c)) };
    const fromBase = {
      ...unsourced,
      effects: s.effects.map((e) => ({ ...e, source: "Projekt Inklusion (2013, sikkerhed høj)" })),
    };
    const model = buildReportModel(base.results, fromBase, {
      lang: "da",
      stamp: "x",
      engineVersion: "x",
      sensitivity: null,
    });
    const reg = table(model, "assumptions");
    expect(reg.header).toEqual(["Input", "Område", "Værdi", "Enhed", "Oprindelse", "Note", "Kilde"]);
    const areas = reg.rows.map((r) => r[1]?.v);
    expect(areas.filter((a) => a === "Omkostning")).toHaveLength(s.costs.length);
    expect(areas.filter((a) => a === "Konsekvens")).toHaveLength(s.consequences.length);
    expect(areas.filter((a) => a === "Effekt")).toHaveLength(s.effects.length);
    const firstCost = reg.rows.find((r) => r[1]?.v === "Omkostning");
    expect(firstCost?.[4]).toEqual({ v: "Ingen kilde", f: "text", mark: true });
    expect(firstCost?.[6]).toEqual({ v: "(ingen kilde)", f: "text", mark: true });
    expect(firstCost?.[2]?.v).toBe(300000);
    const effect = reg.rows.find((r) => r[1]?.v === "Effekt");
    expect(effect?.[4]?.v).toBe("Vidensdatabasen");
    expect(effect?.[2]?.v).toBe(0.126);
    expect(originOf(undefined)).toBe("none");
    expect(originOf("  ")).toBe("none");
    expect(originOf("Egen opgørelse")).toBe("typed");
  });

  it("annex A sums the counted consequences per actor to the engine's ΣV; annex B holds every year per actor", async () => {
    const { model, base } = await exampleRun();
    const a = table(model, "consequencesCounted");
    const total = rowOf(a, "I alt");
    expect(total[1]?.v).toBe(base.results.byActor[0]?.consequenceTotal);
    expect(total[1]?.v).toBeCloseTo(7515501.84, 6);
    expect(total[4]?.v).toBeCloseTo(10940113.8, 6);
    const kommune = table(model, "budget-0");
    expect(kommune.caption).toBe("Kommune: pr. år");
    expect(kommune.rows).toHaveLength(base.results.years.length + 1);
    // Year 1 (2025): Kommune 3,78 · 10.472 − (300.000 + 1.800.000 + 2.500 · 30) (examples/README.md).
    expect(kommune.rows[0]?.[1]?.v).toBeCloseTo(2175000, 6);
    expect(kommune.rows[0]?.[2]?.v).toBeCloseTo(3.78 * 10472, 6);
    expect(kommune.rows[0]?.[3]?.v).toBeCloseTo(-2135415.84, 6);
    // 2026: 3,78 · (4 · 5.236 + 2 · 3.500 + 0,2 · 45.000) + 5,04 · 10.472 − 1.900.000.
    expect(kommune.rows[1]?.[3]?.v).toBeCloseTo(-1707572.8, 6);
  });

  it("is in English when chosen", async () => {
    const { base } = await exampleRun();
    const model = buildReportModel(base.results, base.scenario, {
      lang: "en",
      stamp: "x",
      engineVersion: "x",
      sensitivity: null,
    });
    expect(model.title).toBe(`Decision report: ${base.scenario.intervention}`);
    expect(model.sections[0]?.paragraphs[0]).toContain("surplus of 1,540,502 kr.");
    expect(model.sections[0]?.paragraphs[1]).toContain("does not pay for itself within the horizon");
    expect(model.sections[0]?.paragraphs[3]).toMatch(/^All actors together spend 6,855,000 kr\. .* and get /);
  });
});

describe("the report of a Kun kommune workbook (test/golden/kommune-only.calc.md)", () => {
  it("reports the two Kommune actors, their level and the total only, with the hand-derived figures", async () => {
    const wb = await FileWorkbook.open(path.join(__dirname, "../../golden/kommune-only.xlsx"));
    const base = await prepareBaseRun(wb, { now: NOW, lang: "da" });
    if (!base.ok) throw new Error("fixture has issues");
    const model = buildReportModel(base.results, base.scenario, {
      lang: "da",
      stamp: "x",
      engineVersion: "x",
      sensitivity: null,
    });
    const key = table(model, "keyFigures");
    expect(key.rows.map((r) => r[0]?.v)).toEqual([
      "Jobcenter",
      "Socialforvaltning",
      "Niveau: Kommune",
      "I alt",
    ]);
    expect(rowOf(key, "Jobcenter")[1]?.v).toBeCloseTo(5000, 9);
    expect(rowOf(key, "Jobcenter")[2]?.v).toBeCloseTo(97000 / 21, 9);
    expect(rowOf(key, "Socialforvaltning")[1]?.v).toBeCloseTo(30000, 9);
    expect(rowOf(key, "Niveau: Kommune")[1]?.v).toBeCloseTo(35000, 9);
    expect(rowOf(key, "I alt")[2]?.v).toBeCloseTo(707000 / 21, 9);
    // Critical common success rate = ΣC / V₁ (V₁ = ΣV at r = 100 %): Jobcenter 15.000 / 50.000,
    // Socialforvaltning 10.000 / 100.000, total 25.000 / 150.000 — each actor's own block, not Region's or Stat's.
    const critical = table(model, "critical");
    expect(critical.rows.map((r) => r[0]?.v)).toEqual(["Jobcenter", "Socialforvaltning", "I alt"]);
    expect(rowOf(critical, "Jobcenter")[1]?.v).toBeCloseTo(0.3, 9);
    expect(rowOf(critical, "Socialforvaltning")[1]?.v).toBeCloseTo(0.1, 9);
    expect(rowOf(critical, "I alt")[1]?.v).toBeCloseTo(25000 / 150000, 9);
    expect(model.sections[0]?.paragraphs).toHaveLength(3); // Jobcenter, Socialforvaltning, I alt
    expect(rowOf(table(model, "costTotals"), "I alt")[1]?.v).toBe(25000);
    expect(table(model, "budget-2").caption).toBe("Niveau: Kommune: pr. år");
  });
});

describe("the Rapport sheet", () => {
  it("splits a table wider than the page into column groups that repeat the first column", () => {
    expect(columnGroups(5)).toEqual([[0, 1, 2, 3, 4]]);
    expect(columnGroups(12, 9)).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7, 8],
      [0, 9, 10, 11],
    ]);
  });

  it("starts every section on a new printed page and writes the figures unrounded with number formats", async () => {
    const { model } = await exampleRun();
    const { sheet, names } = renderReportSheet(model, {
      now: NOW,
      lang: "da",
      engineVersion: "9.9.9",
      inputFingerprint: "som-0",
    });
    expect(sheet.name).toBe("Rapport");
    expect(names.map((n) => n.name)).toEqual(["SOM_Rap_Inputaftryk"]);
    const titleRows = model.sections.map(
      (s) => sheet.blocks.find((b) => b.values[0]?.[0] === s.title && b.style === "subtitle")?.row,
    );
    expect(titleRows.slice(1)).toEqual(sheet.pageBreaks);
    // The sheet's cells: (row, col) → value and number format.
    const cells = new Map<string, { v: unknown; f: string | undefined }>();
    for (const b of sheet.blocks)
      b.values.forEach((r, i) =>
        r.forEach((v, j) => {
          const f = typeof b.numberFormat === "string" ? b.numberFormat : b.numberFormat?.[i]?.[j];
          cells.set(`${b.row + i},${b.col + j}`, { v, f });
        }),
      );
    const kommuneRow = [...cells.entries()]
      .find(
        ([k, c]) =>
          c.v === "Kommune" && k.endsWith(",0") && typeof cells.get(`${k.split(",")[0]},1`)?.v === "number",
      )?.[0]
      .split(",")[0];
    const net = cells.get(`${kommuneRow},1`);
    expect(net?.v).toBeCloseTo(1540501.84, 6);
    expect(net?.f).toBe("#,##0");
    expect(sheet.charts?.map((c) => c.kind)).toEqual(["line", "bar"]);
  });
});

describe("Beregn writes the Rapport sheet", () => {
  const workbook = (): MemoryWorkbook => MemoryWorkbook.fromSpec(englishReorderedSpec());

  it("writes it with the results in the one write, owned, with its own stale flag", async () => {
    const wb = workbook();
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok).toBe(true);
    expect(wb.writeSheetsCalls).toBe(1);
    expect((await wb.listSheets()).map((s) => s.name)).toContain(RESULT_SHEETS.report);
    const fp = wb.nameTarget("SOM_Rap_Inputaftryk");
    if (fp === undefined || !("ref" in fp)) throw new Error("SOM_Rap_Inputaftryk is not a cell");
    expect(fp.sheet).toBe("Rapport");
    expect(wb.getFormula("Rapport", "B2")).toContain(`$B$${Number(fp.ref.slice(1))}=SOM_Meta_Inputaftryk`);
    expect(await isStale(wb)).toEqual({ state: "current", stale: false });
    // An input edit makes the report out of date, with the other result sheets.
    wb.setCell("Costs", "B3", 99999);
    const after = await isStale(wb);
    expect(after.state).toBe("stale");
    expect(after.state === "stale" && after.outOfDateSheets).toContain("Rapport");
  });

  it("leaves a user's own Rapport sheet alone with a warning, and still writes the results", async () => {
    const wb = workbook().addSheet("Rapport").setCell("Rapport", "A1", "min egen rapport");
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings.map((w) => w.code)).toContain("report-sheet-not-owned");
    expect(wb.getCell("Rapport", "A1")).toBe("min egen rapport");
    expect(wb.getCell(RESULT_SHEETS.results, "A1")).toMatch(/^SØM-resultater/);
  });
});
