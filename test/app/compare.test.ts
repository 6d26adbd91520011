import { calculateWorkbook } from "../../src/app/calculate-workbook";
import { buildComparison, compareWorkbook, snapshotFromLines } from "../../src/app/compare";
import { toCompareJson } from "../../src/app/compare-json";
import { loadScenario } from "../../src/app/load-scenario";
import { saveScenario } from "../../src/app/scenarios";
import { isStale } from "../../src/app/stale";
import { calculate } from "../../src/engine/calculate";
import { DECOMPOSITION_FACTORS } from "../../src/engine/decompose/mix-scenarios";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA } from "../../src/workbook/layout/example-data";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { N, RESULT_SHEETS } from "../../src/workbook/names";
import type { NamedValue } from "../../src/workbook/port";
import { snapshotLines, takeSnapshot } from "../../src/workbook/render/input-snapshot";
import { SCENARIO_NAMES } from "../../src/workbook/read/read-scenario";

const now = new Date("2026-11-23T12:00:00Z");

async function rangeOf(wb: MemoryWorkbook, name: string): Promise<Extract<NamedValue, { kind: "range" }>> {
  const v = (await wb.readNames([name])).get(name.toLowerCase());
  if (v?.kind !== "range") throw new Error(`${name} is not a range`);
  return v;
}

async function save(wb: MemoryWorkbook, name: string): Promise<void> {
  const out = await saveScenario(wb, name, { now });
  if (!out.ok) throw new Error(out.issues.map((i) => i.code).join());
}

/** Sets the success rate of the first effect (column 2 of SOM_Effekter, first data row). */
async function setSuccessRate(wb: MemoryWorkbook, rate: number): Promise<void> {
  const eff = await rangeOf(wb, N.effects);
  await wb.writeCells(eff.sheet, eff.row + 1, eff.col + 1, [[rate]]);
}

async function totalNet(wb: MemoryWorkbook): Promise<number> {
  const load = await loadScenario(wb);
  if (!load.ok) throw new Error("issues");
  return calculate(load.scenario).total.netTotal;
}

/** The example workbook with two saved scenarios that differ only in the success rate (12,6 % → 20 %). */
async function twoScenarios(): Promise<{ wb: MemoryWorkbook; a: number; b: number }> {
  const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
  const a = await totalNet(wb);
  await save(wb, "Forsigtig");
  await setSuccessRate(wb, 0.2);
  const b = await totalNet(wb);
  await save(wb, "Optimistisk");
  return { wb, a, b };
}

describe("comparing saved scenarios", () => {
  it("recomputes each scenario from its stored inputs", async () => {
    const { wb, a, b } = await twoScenarios();
    const out = await buildComparison(wb);
    if (!out.ok) throw new Error(out.issues.map((i) => i.code).join());
    expect(out.model.entries.map((e) => [e.name, e.results.total.netTotal])).toEqual([
      ["Forsigtig", a],
      ["Optimistisk", b],
    ]);
  });

  it("puts a success-rate-only change wholly on success rates and gives every other factor exactly 0", async () => {
    const { wb, a, b } = await twoScenarios();
    const out = await buildComparison(wb);
    if (!out.ok || out.model.decomposition === null || !out.model.decomposition.outcome.ok)
      throw new Error("no decomposition");
    const fig = out.model.decomposition.outcome.value.total.netTotal;
    // When only one factor differs, every substitution order gives it the whole difference.
    expect(fig.contributions.successRates).toBeCloseTo(b - a, 6);
    for (const f of DECOMPOSITION_FACTORS.filter((x) => x !== "successRates"))
      expect(fig.contributions[f]).toBe(0);
  });

  it("writes the Sammenligning sheet, owned, with a line chart of one series per scenario (six scenarios)", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
    for (let i = 0; i < 6; i++) {
      await setSuccessRate(wb, 0.05 + 0.05 * i);
      await save(wb, `Scenarie ${i + 1}`);
    }
    const out = await compareWorkbook(wb, {}, { now, lang: "da" });
    if (!out.ok) throw new Error(out.issues.map((i) => i.code).join());
    const sheet = wb.sheetSpec(RESULT_SHEETS.comparison);
    expect(sheet?.charts?.[0]?.kind).toBe("line");
    expect(sheet?.charts?.[0]?.series.map((s) => s.name)).toEqual([
      "Scenarie 1",
      "Scenarie 2",
      "Scenarie 3",
      "Scenarie 4",
      "Scenarie 5",
      "Scenarie 6",
    ]);
    const owned = (await wb.readNames(["SOM_Meta_EjedeArk"])).get("som_meta_ejedeark");
    expect(owned?.kind === "range" && owned.values.flat()).toContain(RESULT_SHEETS.comparison);
    // The scenario names appear as text in the header of the key-input table.
    const grid = wb.sheetGrid(RESULT_SHEETS.comparison);
    expect(grid.some((row) => row[1] === "Scenarie 1" && row[6] === "Scenarie 6")).toBe(true);
  });

  it("keeps stale results stale (and current results current) when it rewrites _som_meta", async () => {
    const { wb } = await twoScenarios();
    const calc = await calculateWorkbook(wb, { now, lang: "da" });
    expect(calc.ok).toBe(true);
    expect((await isStale(wb)).state).toBe("current");
    await compareWorkbook(wb, {}, { now, lang: "da" });
    expect((await isStale(wb)).state).toBe("current");
    await setSuccessRate(wb, 0.3);
    expect((await isStale(wb)).state).toBe("stale");
    await compareWorkbook(wb, {}, { now, lang: "da" });
    expect((await isStale(wb)).state).toBe("stale");
  });

  it("keeps the input fingerprint on _som_meta, so Resultater stays current, and writes no status on Sammenligning", async () => {
    const { wb } = await twoScenarios();
    await calculateWorkbook(wb, { now, lang: "da" });
    const fingerprint = async (name: string): Promise<unknown> => (await rangeOf(wb, name)).values[0]?.[0];
    const before = await fingerprint("SOM_Meta_Inputaftryk");
    expect(before).toMatch(/^som-[0-9a-f]{14}$/);
    await compareWorkbook(wb, {}, { now, lang: "da" });
    expect(await fingerprint("SOM_Meta_Inputaftryk")).toBe(before);
    expect(await fingerprint("SOM_Res_Inputaftryk")).toBe(before);
    expect(await isStale(wb)).toEqual({ state: "current", stale: false });
    const formulas = wb.sheetFormulas(RESULT_SHEETS.comparison).flat();
    expect(formulas.some((f) => typeof f === "string" && f.includes("SOM_Status"))).toBe(false);
    expect(wb.sheetGrid(RESULT_SHEETS.comparison).flat().join(" ")).toContain("Arket har ingen status-linje");
  });

  it("never overwrites a Sammenligning sheet that is not ours", async () => {
    const { wb } = await twoScenarios();
    wb.addSheet(RESULT_SHEETS.comparison);
    const before = wb.writeSheetsCalls;
    const out = await compareWorkbook(wb, {}, { now, lang: "da" });
    expect(out.ok ? "ok" : out.issues[0]?.code).toBe("sheet-not-owned");
    expect(wb.writeSheetsCalls).toBe(before);
  });

  it("refuses to decompose scenarios at different price levels, and says so on the sheet", async () => {
    const { wb } = await twoScenarios();
    const p = await rangeOf(wb, N.priceLevel);
    await wb.writeCells(p.sheet, p.row, p.col, [[2025]]);
    // Prices and amounts are typed at 2023 prices: at price level 2025 they need the index of both years.
    const index = await rangeOf(wb, N.priceIndex);
    await wb.writeCells(index.sheet, index.row + 1, index.col, [
      [2023, 100],
      [2025, 105],
    ]);
    await save(wb, "Prisniveau 2025");
    const out = await compareWorkbook(wb, { from: "Forsigtig", to: "prisniveau 2025" }, { now, lang: "da" });
    if (!out.ok) throw new Error(out.issues.map((i) => i.code).join());
    expect(out.model.decomposition?.outcome).toEqual({ ok: false, reason: "different-price-level" });
    expect(
      wb
        .sheetGrid(RESULT_SHEETS.comparison)
        .flat()
        .some((v) => typeof v === "string" && v.includes("forskelligt prisniveau")),
    ).toBe(true);
  });

  it("refuses to decompose scenarios with different perspectives and names both on the sheet, with the model inputs side by side", async () => {
    const { wb } = await twoScenarios();
    const p = await rangeOf(wb, N.perspective);
    await wb.writeCells(p.sheet, p.row, p.col, [["Kun kommune"]]);
    await save(wb, "Kun kommune");
    const out = await compareWorkbook(wb, { from: "Forsigtig", to: "Kun kommune" }, { now, lang: "da" });
    if (!out.ok) throw new Error(out.issues.map((i) => i.code).join());
    expect(out.model.decomposition?.outcome).toEqual({ ok: false, reason: "different-perspective" });
    const grid = wb.sheetGrid(RESULT_SHEETS.comparison);
    const text = grid.flat().filter((v): v is string => typeof v === "string");
    expect(
      text.some((v) =>
        v.startsWith(
          "Forskellen kan ikke opdeles: scenarierne har forskelligt perspektiv (Offentlig sektor og Kun kommune)",
        ),
      ),
    ).toBe(true);
    expect(text.some((v) => v.includes("forskelligt prisniveau"))).toBe(false);
    // Key inputs: the example's model (Pr. kohorte, Varighed 2) and each scenario's perspective.
    const row = (label: string): unknown[] | undefined => grid.find((r) => r[0] === label);
    expect(row("Horisontmetode")?.slice(1, 4)).toEqual(["Pr. kohorte", "Pr. kohorte", "Pr. kohorte"]);
    expect(row("Varighed (år pr. borger)")?.slice(1, 4)).toEqual([2, 2, 2]);
    expect(row("Perspektiv")?.slice(1, 4)).toEqual(["Offentlig sektor", "Offentlig sektor", "Kun kommune"]);
    expect(row("Deltagere i alt (starter)")?.slice(1, 4)).toEqual([110, 110, 110]);
  });

  it("decomposes a pair even when one of them is left out of the side-by-side table", async () => {
    const { wb, a, b } = await twoScenarios();
    const out = await buildComparison(wb, { select: ["optimistisk"], from: "Forsigtig", to: "Optimistisk" });
    if (!out.ok || out.model.decomposition === null || !out.model.decomposition.outcome.ok)
      throw new Error("no decomposition");
    expect(out.model.entries.map((e) => e.name)).toEqual(["Optimistisk"]);
    expect(out.model.decomposition.outcome.value.total.netTotal.difference).toBeCloseTo(b - a, 6);
  });

  it("reports an unknown scenario name and a workbook without scenarios as issues", async () => {
    const { wb } = await twoScenarios();
    const bad = await buildComparison(wb, { from: "Findes ikke" });
    expect(bad.ok ? "ok" : bad.issues[0]?.code).toBe("unknown-scenario");
    const empty = await buildComparison(MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA)));
    expect(empty.ok ? "ok" : empty.issues[0]?.code).toBe("no-scenarios");
  });

  it("gives JSON whose contributions sum to the difference, with actors as an array", async () => {
    const { wb } = await twoScenarios();
    const out = await buildComparison(wb);
    if (!out.ok) throw new Error("issues");
    const json = JSON.parse(JSON.stringify(toCompareJson(out.model, "en"))) as {
      scenarios: { name: string; byActor: { name: string }[] }[];
      decomposition: { total: { netTotal: { difference: number; contributions: Record<string, number> } } };
    };
    expect(json.scenarios.map((s) => s.name)).toEqual(["Forsigtig", "Optimistisk"]);
    expect(json.scenarios[0]?.byActor.map((a) => a.name)).toEqual(["Kommune", "Region", "Stat"]);
    const t = json.decomposition.total.netTotal;
    const sum = Object.values(t.contributions).reduce((s, x) => s + x, 0);
    expect(Math.abs(sum - t.difference)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(t.difference)));
  });
});

describe("the kept input snapshot", () => {
  it("rebuilds exactly the lines the meta sheet holds", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
    const snap = takeSnapshot(
      [...SCENARIO_NAMES, "SOM_Findes_Ikke"],
      await wb.readNames([...SCENARIO_NAMES]),
    );
    const lines = snapshotLines(snap);
    expect(snapshotLines(snapshotFromLines(lines))).toEqual(lines);
  });
});
