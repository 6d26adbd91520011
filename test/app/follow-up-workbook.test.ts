/**
 * "Beregn" with realised figures (`SOM_Realiseret`, som-method.md §11) on the hand-laid-out golden scenario
 * (test/golden/english-reordered.calc.md): start 2030, T = 4, P = 2030, ρ = 10 %, D = 1, N₁ = 4, r = 50 %,
 * actors Jobcenter, Socialforvaltning (both Kommune) and Region.
 *
 * Forecast Σ NR: Jobcenter −12.000, Socialforvaltning −70.000, Region 30.000, total −52.000.
 *
 * Realised year 1 (typed with English headers): Participants 2, Success rate 50 % (= the forecast),
 * Socialforvaltning 110.000 kr. (forecast: the Operating line 100.000).
 *   successes 2 × 0,5 = 1 (was 2): every consequence halves.
 *   Socialforvaltning: V = [10.000, 5.000, 0, 0], C = [110.000, 0, 0, 0] → NR = [−100.000, 5.000, 0, 0], Σ −95.000
 *   Jobcenter: V = [0, 0, 2.000, 2.000], C = [0, 20.000, 0, 0] → Σ −16.000
 *   Region: V = [0, 5.000, 5.000, 5.000] → Σ 15.000;  total Σ −96.000 (difference −44.000)
 * Decomposition of Socialforvaltning's Σ NR = 7.500 × N − C (no interaction between N and C):
 *   participants: 7.500 × (2 − 4) = −15.000; costs: −10.000; success rates: 0 (the rate is unchanged).
 */
import { calculateWorkbook } from "../../src/app/calculate-workbook";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { N, RESULT_SHEETS } from "../../src/workbook/names";
import type { CellValue } from "../../src/workbook/sheet-model";
import { englishReorderedSpec } from "../golden/hand-layout";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA, EXAMPLE_DECISION } from "../../src/workbook/layout/example-data";

const NOW = new Date(Date.UTC(2026, 10, 23, 18, 45));

/** The golden workbook with `SOM_Realiseret` on a sheet "Follow-up" at A1:…, header row first. */
function workbook(rows: readonly (readonly CellValue[])[]): MemoryWorkbook {
  const wb = MemoryWorkbook.fromSpec(englishReorderedSpec());
  wb.addSheet("Follow-up");
  const cols = "ABCDEFGH";
  rows.forEach((r, i) => r.forEach((v, j) => wb.setCell("Follow-up", `${cols[j]}${i + 1}`, v)));
  const width = Math.max(...rows.map((r) => r.length));
  wb.setName({ name: N.realised, sheet: "Follow-up", ref: `A1:${cols[width - 1]}${rows.length}` });
  return wb;
}

const HEADER = ["Year", "Participants", "Success rate", "Socialforvaltning"];

async function value(wb: MemoryWorkbook, name: string): Promise<CellValue> {
  const v = (await wb.readNames([name])).get(name.toLowerCase());
  if (v?.kind !== "range") throw new Error(`${name} is not a range`);
  return v.values[0]?.[0] ?? null;
}

describe("the Opfølgningsresultater sheet written by Beregn", () => {
  it("is not written while SOM_Realiseret holds only years", async () => {
    const wb = workbook([HEADER, [1, null, null, null], [2, null, null, null]]);
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok && r.followUp).toBe(null);
    expect((await wb.listSheets()).map((s) => s.name)).not.toContain(RESULT_SHEETS.followUp);
  });

  it("shows the hand-calculated forecast, update and decomposition", async () => {
    const wb = workbook([HEADER, [1, 2, 0.5, 110_000], [2, null, null, null]]);
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join("\n"));
    expect(r.followUp?.updated.total.netTotal).toBe(-96_000);
    // Names: actor A2 is Socialforvaltning (actors in the workbook's order: Jobcenter, Socialforvaltning, Region).
    expect(await value(wb, "SOM_Opf_Netto_A2")).toBe(-95_000);
    expect(await value(wb, "SOM_Opf_Forskel_A2")).toBe(-25_000);
    expect(await value(wb, "SOM_Opf_Netto_Total")).toBe(-96_000);
    expect(await value(wb, "SOM_Opf_Forskel_Total")).toBe(-44_000);
    const grid = wb.sheetGrid(RESULT_SHEETS.followUp);
    const social = grid.find((row) => row[0] === "Socialforvaltning (Kommune)");
    // forecast, updated, difference, of which participants, success rates, costs
    expect(social?.slice(1, 7)).toEqual([-70_000, -95_000, -25_000, -15_000, 0, -10_000]);
    const text = grid
      .flat()
      .filter((c) => typeof c === "string")
      .join("\n");
    expect(text).toContain(
      "Socialforvaltning: Til og med 2030 er det akkumulerede nettoresultat 20.000 kr. lavere end prognosen; over hele perioden 25.000 kr. lavere (−35,7 %), mest på grund af deltagere.",
    );
    expect(text).toContain("En realiseret succesrate gælder kun dem, der starter det år (deres kohorte)");
    // The realised inputs against the forecast: 2030, participants 4 → 2, Socialforvaltning 100.000 → 110.000.
    expect(grid.find((row) => row[0] === 2030 && row[2] === 2)?.slice(0, 7)).toEqual([
      2030, 4, 2, 0.5, 0.5, 100_000, 110_000,
    ]);
  });

  it("is owned and stale-flagged like the other result sheets", async () => {
    const wb = workbook([HEADER, [1, 2, null, null]]);
    await calculateWorkbook(wb, { now: NOW, lang: "en" });
    const owned = (await wb.readNames(["SOM_Meta_EjedeArk"])).get("som_meta_ejedeark");
    expect(owned?.kind === "range" && owned.values.flat()).toContain(RESULT_SHEETS.followUp);
    expect(wb.nameList()).toContain("SOM_Opf_Inputaftryk");
    const grid = wb.sheetGrid(RESULT_SHEETS.followUp);
    expect(grid[0]?.[0]).toMatch(/^Follow-up: /);
  });

  it("says the status in English too", async () => {
    const wb = workbook([HEADER, [1, 2, 0.5, 110_000]]);
    await calculateWorkbook(wb, { now: NOW, lang: "en" });
    const text = wb
      .sheetGrid(RESULT_SHEETS.followUp)
      .flat()
      .filter((c) => typeof c === "string")
      .join("\n");
    // Socialforvaltning: NR 2030 −80.000 → −100.000; Σ NR −70.000 → −95.000 (−25.000 / 70.000 = −35,7 %).
    expect(text).toContain(
      "Socialforvaltning: Through 2030 the cumulative net result is 20,000 kr. below the forecast; over the whole period 25,000 kr. below (−35.7 %), mostly because of participants.",
    );
    // Region: V halves, no costs: NR 2030 0 → 0, Σ NR 30.000 → 15.000.
    expect(text).toContain(
      "Region: Through 2030 the cumulative net result matches the forecast; over the whole period 15,000 kr. below (−50 %), mostly because of participants.",
    );
  });

  it("never overwrites a sheet of the user's called Opfølgningsresultater", async () => {
    const wb = workbook([HEADER, [1, 2, null, null]]);
    wb.addSheet(RESULT_SHEETS.followUp).setCell(RESULT_SHEETS.followUp, "A1", "mine");
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok).toBe(false);
    expect(wb.getCell(RESULT_SHEETS.followUp, "A1")).toBe("mine");
    expect((await wb.listSheets()).map((s) => s.name)).not.toContain(RESULT_SHEETS.results);
  });
});

describe("located issues of SOM_Realiseret", () => {
  const issuesOf = async (rows: CellValue[][]): Promise<string[]> => {
    const r = await calculateWorkbook(workbook(rows), { now: NOW, lang: "da" });
    return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.location.sheet}!${i.location.cell}`);
  };

  it("a realised year outside 1..T names its cell", async () => {
    expect(await issuesOf([HEADER, [5, 1, null, null]])).toEqual(["realised-year-out-of-range Follow-up!A2"]);
  });

  it("a cost column headed by a non-actor names its header cell", async () => {
    expect(
      await issuesOf([
        [...HEADER, "Jobcentret"],
        [1, 1, null, null, 5_000],
      ]),
    ).toEqual(["realised-unknown-column Follow-up!E1"]);
  });

  it("a success rate above 100 %, participants after the operating period and an unknown outcome", async () => {
    expect(await issuesOf([HEADER, [1, null, 1.5, null], [2, 3, null, null]])).toEqual([
      "realised-rate-out-of-range Follow-up!C2",
      "realised-participants-after-operating-period Follow-up!B3",
    ]);
    expect(
      await issuesOf([
        ["Year", "Participants", "Success rate: Housing"],
        [1, 1, 0.2],
      ]),
    ).toEqual(["realised-unknown-effect Follow-up!C1"]);
  });

  it("a per-outcome rate column is read by the outcome's name, in either language", async () => {
    const r = await calculateWorkbook(
      workbook([
        ["År", "Deltagere", "Succesrate: stable housing"],
        [1, null, 0.25],
      ]),
      { now: NOW, lang: "da" },
    );
    // successes 4 × 0,25 = 1 (was 2): total Σ NR as in the test above without the cost: −96.000 + 10.000 + …
    //   Socialforvaltning V = [10.000, 5.000, 0, 0], C = 100.000 → −85.000; Jobcenter −16.000; Region 15.000 → −86.000
    expect(r.ok && r.followUp?.updated.total.netTotal).toBe(-86_000);
  });

  it("messages are Danish and English", async () => {
    const r = await calculateWorkbook(
      workbook([
        [...HEADER, "Jobcentret"],
        [1, 1, null, null, 5_000],
      ]),
      {
        now: NOW,
        lang: "da",
      },
    );
    const issue = r.ok ? undefined : r.issues[0];
    expect(issue?.message.da).toContain('Kolonnen "Jobcentret" i de realiserede tal er hverken År');
    expect(issue?.message.en).toContain(
      "is neither Year, Participants, Success rate nor the name of an actor",
    );
    expect(issue?.location.name).toBe(N.realised);
  });

  it("a plain Success rate column with several outcomes asks which outcome it is for", async () => {
    const wb = workbook([HEADER, [1, null, 0.2, null]]);
    // A second outcome: one more row under SOM_Effekter (the name is extended, as a user does in Name Manager).
    const target = wb.nameTarget(N.effects);
    if (target === undefined || !("ref" in target)) throw new Error("no SOM_Effekter");
    const [first, last] = target.ref.replace(/\$/g, "").split(":") as [string, string];
    const lastRow = Number(/[0-9]+$/.exec(last)?.[0]);
    const grid = wb.sheetGrid(target.sheet);
    const header = grid[Number(/[0-9]+$/.exec(first)?.[0]) - 1] ?? [];
    header.forEach((h, j) => {
      const at = `${String.fromCharCode(65 + j)}${lastRow + 1}`;
      if (h === "Outcome") wb.setCell(target.sheet, at, "Employment");
      if (h === "Success rate") wb.setCell(target.sheet, at, 0.1);
    });
    wb.setName({
      name: N.effects,
      sheet: target.sheet,
      ref: `${first}:${last.replace(/[0-9]+$/, String(lastRow + 1))}`,
    });
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok ? [] : r.issues.map((i) => `${i.code} ${i.location.cell}`)).toEqual([
      "realised-rate-ambiguous C1",
    ]);
  });
});

describe("the example's two realised years (examples/README.md, Opfølgning)", () => {
  it("give the costs' contribution to the Kommune's Σ NR derived by hand: −77.500 kr.", async () => {
    // ½ × [(2.175.000 − 2.250.000) + (2.170.000 − 2.250.000)]: the realised 2.250.000 replaces Opstart + Drift +
    // Pr. forløb 2.500 × N₁ with N₁ = 30 (forecast) or 28 (realised); no interaction with the success rates.
    const wb = MemoryWorkbook.fromSpec(
      buildTemplateSpec({ lang: "da", data: EXAMPLE_DATA, decision: EXAMPLE_DECISION }),
    );
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join("\n"));
    const kommune = r.followUp?.scopes.find((s) => s.scope.kind === "actor" && s.scope.name === "Kommune");
    expect(kommune?.netTotal.contributions.costs).toBeCloseTo(-77_500, 6);
    for (const name of ["Region", "Stat"]) {
      const other = r.followUp?.scopes.find((s) => s.scope.kind === "actor" && s.scope.name === name);
      expect(other?.netTotal.contributions.costs).toBe(0);
    }
    expect(r.followUp?.realised.years.map((y) => y.calcYear)).toEqual([1, 2]);
  });
});
