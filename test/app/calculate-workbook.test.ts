/**
 * The "Beregn" use case against the in-memory workbook, with the hand-laid-out golden scenario
 * (test/golden/english-reordered.calc.md derives its figures by hand).
 */
import { calculateWorkbook, prepareBaseRun } from "../../src/app/calculate-workbook";
import { isStale } from "../../src/app/stale";
import { writeResultSheets } from "../../src/app/write-results";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { META_NAMES, RESULT_SHEETS } from "../../src/workbook/names";
import { englishReorderedSpec } from "../golden/hand-layout";

const NOW = new Date(Date.UTC(2026, 10, 23, 18, 45));
const INPUT_SHEETS = ["Settings", "Outcomes", "Costs", "Consequences", "Prices"];

const workbook = (): MemoryWorkbook => MemoryWorkbook.fromSpec(englishReorderedSpec());
const inputGrids = (wb: MemoryWorkbook): unknown => INPUT_SHEETS.map((s) => wb.sheetFormulas(s));

async function named(wb: MemoryWorkbook, name: string): Promise<unknown> {
  const v = (await wb.readNames([name])).get(name.toLowerCase());
  if (v?.kind !== "range") return undefined;
  return v.values[0]?.[0];
}

describe("calculateWorkbook", () => {
  it("writes Resultater and the hidden _som_meta in one write and never touches an input cell", async () => {
    const wb = workbook();
    const before = inputGrids(wb);
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok).toBe(true);
    expect(wb.writeSheetsCalls).toBe(1);
    expect(inputGrids(wb)).toEqual(before);
    expect(await wb.listSheets()).toEqual(
      expect.arrayContaining([
        { name: RESULT_SHEETS.results, visibility: "visible" },
        { name: RESULT_SHEETS.meta, visibility: "veryHidden" },
      ]),
    );
    expect(wb.getFormula(RESULT_SHEETS.results, "B2")).toBe(
      '=IFERROR(IF(AND(OR(SOM_Status="Aktuel",SOM_Status="Current"),$B$11=SOM_Meta_Inputaftryk),"Aktuel","Forældet"),"Forældet")',
    );
    // The sheet's fingerprint (B11, named) is the one on _som_meta.
    expect(wb.nameTarget("SOM_Res_Inputaftryk")).toEqual({ sheet: RESULT_SHEETS.results, ref: "B11" });
    expect(wb.getCell(RESULT_SHEETS.results, "B11")).toMatch(/^som-[0-9a-f]{14}$/);
    expect(wb.getCell(RESULT_SHEETS.results, "B11")).toBe(await named(wb, "SOM_Meta_Inputaftryk"));
  });

  it("names the key results with the hand-calculated figures (total −52.000 kr., Region 30.000 kr., Jobcenter A1 −12.000 kr.)", async () => {
    const wb = workbook();
    await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(await named(wb, "SOM_Res_Netto_Total")).toBeCloseTo(-52000, 6);
    expect(await named(wb, "SOM_Res_Netto_Region")).toBeCloseTo(30000, 6);
    expect(await named(wb, "SOM_Res_Netto_Kommune")).toBeCloseTo(-82000, 6);
    expect(await named(wb, "SOM_Res_Netto_A1")).toBeCloseTo(-12000, 6);
    // PV Region = 10000/1.1 + 10000/1.21 + 10000/1.331 (english-reordered.calc.md)
    expect(await named(wb, "SOM_Res_NV_Region")).toBeCloseTo(10000 / 1.1 + 10000 / 1.21 + 10000 / 1.331, 6);
    expect(await named(wb, "SOM_Res_Aar_Region")).toBe(2030);
    expect(await named(wb, "SOM_Res_Aar_Total")).toBe("ikke inden for tidshorisonten");
  });

  it("gives identical result cells when re-run on unchanged inputs with the same time", async () => {
    const wb = workbook();
    await calculateWorkbook(wb, { now: NOW, lang: "da" });
    const first = [
      wb.sheetFormulas(RESULT_SHEETS.results),
      wb.sheetFormulas(RESULT_SHEETS.meta),
      wb.nameList(),
    ];
    await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect([
      wb.sheetFormulas(RESULT_SHEETS.results),
      wb.sheetFormulas(RESULT_SHEETS.meta),
      wb.nameList(),
    ]).toEqual(first);
    expect(wb.writeSheetsCalls).toBe(2);
  });

  it("does not overwrite a Resultater sheet it does not own, and writes nothing", async () => {
    const wb = workbook().addSheet("resultater").setCell("resultater", "A1", "mine egne tal");
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.location.sheet])).toEqual([["sheet-not-owned", "resultater"]]);
    expect(r.issues[0]?.message.da).toContain("overskrives ikke");
    expect(wb.writeSheetsCalls).toBe(0);
    expect(wb.getCell("resultater", "A1")).toBe("mine egne tal");
  });

  it("reports an unowned Resultater sheet together with input issues", async () => {
    const wb = workbook().addSheet("Resultater").setCell("Settings", "B5", 99);
    const r = await calculateWorkbook(wb, { now: NOW, lang: "en" });
    expect(r.ok ? [] : r.issues.map((i) => i.location.sheet)).toEqual(["Resultater", "Settings"]);
    expect(wb.writeSheetsCalls).toBe(0);
  });

  it("does not overwrite a user's own _som_meta sheet either", async () => {
    const wb = workbook().addSheet("_som_meta").setCell("_som_meta", "A1", "noter");
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok ? [] : r.issues.map((i) => i.location.sheet)).toEqual(["_som_meta"]);
    expect(wb.writeSheetsCalls).toBe(0);
  });

  it("writes nothing when an input is wrong, and reports the issue with its cell", async () => {
    const wb = workbook().setCell("Settings", "B5", 99); // SOM_Tidshorisont out of range (1–30)
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.some((i) => i.location.name === "SOM_Tidshorisont" && i.location.cell === "B5")).toBe(
      true,
    );
    expect(wb.writeSheetsCalls).toBe(0);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(INPUT_SHEETS);
  });

  it("leaves the workbook as it was when the host write fails", async () => {
    const wb = workbook();
    wb.failNextWrite = new Error("host failed");
    await expect(calculateWorkbook(wb, { now: NOW, lang: "da" })).rejects.toThrow("host failed");
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(INPUT_SHEETS);
    expect(await isStale(wb)).toEqual({ state: "none" });
  });
});

describe("isStale and the snapshot", () => {
  it("is none before a run, current after it, stale after an input edit and current again after re-running", async () => {
    const wb = workbook();
    expect(await isStale(wb)).toEqual({ state: "none" });
    await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(await isStale(wb)).toEqual({ state: "current", stale: false });
    wb.setCell("Costs", "B3", 100001);
    expect(await isStale(wb)).toEqual({
      state: "stale",
      stale: true,
      outOfDateSheets: [RESULT_SHEETS.results, RESULT_SHEETS.report],
    });
    await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(await isStale(wb)).toEqual({ state: "current", stale: false });
  });

  it("sees a changed named constant, a blank cell filled in, a text changed only in letter case and an extended name", async () => {
    const edits: ((wb: MemoryWorkbook) => void)[] = [
      (wb) => wb.setName({ name: "SOM_Diskonteringsrente", constant: 0.04 }),
      (wb) => wb.setCell("Settings", "B6", 2030), // SOM_Prisniveau was blank
      (wb) => wb.setCell("Outcomes", "C3", "stable housing"),
      (wb) => wb.setName({ name: "SOM_Effekter", sheet: "Outcomes", ref: "A2:C4" }),
    ];
    for (const edit of edits) {
      const wb = workbook();
      await calculateWorkbook(wb, { now: NOW, lang: "da" });
      edit(wb);
      expect(await isStale(wb)).toEqual({
        state: "stale",
        stale: true,
        outOfDateSheets: [RESULT_SHEETS.results, RESULT_SHEETS.report],
      });
    }
  });

  it("stores blanks as <tom>, mirrors every cell with INDEX and sizes with ROWS/COLUMNS, and SOM_Status compares both", async () => {
    const wb = workbook();
    await calculateWorkbook(wb, { now: NOW, lang: "da" });
    const meta = wb.sheetFormulas(RESULT_SHEETS.meta);
    const line = (name: string, part: string, r = 0, c = 0): unknown[] | undefined =>
      meta.find((row) => row[0] === name && row[1] === part && row[2] === r && row[3] === c);
    expect(line("SOM_Prisniveau", "cell", 1, 1)?.slice(4, 6)).toEqual([
      "<tom>",
      '=IFERROR(IF(INDEX(SOM_Prisniveau,1,1)&""="","<tom>",INDEX(SOM_Prisniveau,1,1)),"<fejl>")',
    ]);
    expect(line("SOM_Priser", "rows")?.slice(4, 6)).toEqual([4, "=IFERROR(ROWS(SOM_Priser),-1)"]);
    expect(line("SOM_Diskonteringsrente", "value")?.slice(4, 6)).toEqual([
      0.1,
      '=IFERROR(IF(SOM_Diskonteringsrente&""="","<tom>",SOM_Diskonteringsrente),"<fejl>")',
    ]);
    expect(line("SOM_Maalgruppe", "rows")?.slice(4, 6)).toEqual([-1, "=IFERROR(ROWS(SOM_Maalgruppe),-1)"]);
    expect(wb.getFormula(RESULT_SHEETS.meta, "B2")).toBe(
      '=IF(SUMPRODUCT(--(SOM_Inputs<>SOM_InputsAtRun))+SUMPRODUCT(ISTEXT(SOM_Inputs)*ISTEXT(SOM_InputsAtRun)*(1-EXACT(SOM_Inputs,SOM_InputsAtRun)))>0,"Forældet","Aktuel")',
    );
    expect(wb.nameTarget(META_NAMES.status)).toEqual({ sheet: RESULT_SHEETS.meta, ref: "B2" });
  });
});

describe("writeResultSheets (for sensitivity and comparison runs)", () => {
  it("merges the owned-sheet list and refreshes Resultater with the snapshot in the same write", async () => {
    const wb = workbook();
    await calculateWorkbook(wb, { now: NOW, lang: "da" });
    const base = await prepareBaseRun(wb, { now: NOW, lang: "da" });
    if (!base.ok) throw new Error("base run failed");
    const own = {
      name: RESULT_SHEETS.sensitivity,
      role: "result" as const,
      blocks: [{ row: 0, col: 0, values: [["x"]] }],
    };
    await writeResultSheets(wb, [base.sheet, own], base.names, base.snapshot, { now: NOW, lang: "da" });
    const owned = (await wb.readNames([META_NAMES.ownedSheets])).get(META_NAMES.ownedSheets.toLowerCase());
    expect(owned?.kind === "range" ? owned.values[0] : undefined).toEqual([
      RESULT_SHEETS.results,
      RESULT_SHEETS.report,
      RESULT_SHEETS.meta,
      RESULT_SHEETS.sensitivity,
    ]);
    expect(wb.writeSheetsCalls).toBe(2);
  });

  it("turns a result name the new run no longer defines into the text «ikke beregnet», never a stale cell", async () => {
    const wb = workbook();
    await calculateWorkbook(wb, { now: NOW, lang: "da" });
    const base = await prepareBaseRun(wb, { now: NOW, lang: "da" });
    if (!base.ok) throw new Error("base run failed");
    // As if the third actor had been removed: its names are not produced again.
    const fewer = base.names.filter((n) => !n.name.endsWith("_A3"));
    await writeResultSheets(wb, [base.sheet], fewer, base.snapshot, { now: NOW, lang: "da" });
    expect(wb.nameTarget("SOM_Res_Netto_A3")).toEqual({ constant: "ikke beregnet" });
    // B16 below the 7-line stamp, + 7 rows of the model block (title, method, duration, perspective, cohort
    // header, one cohort, blank row)
    expect(wb.nameTarget("SOM_Res_Netto_A2")).toEqual({ sheet: "Resultater", ref: "B23" });
    // A later run does not list it again (it is no longer a result name).
    const listed = (await wb.readNames(["SOM_Meta_Resultatnavne"])).get("som_meta_resultatnavne");
    const entries = listed?.kind === "range" ? listed.values.flat() : [];
    expect(entries).toContain("Resultater!SOM_Res_Netto_A2");
    expect(entries).not.toContain("Resultater!SOM_Res_Netto_A3");
  });

  it("refuses to define an input name of the contract", async () => {
    const wb = workbook();
    await expect(
      writeResultSheets(
        wb,
        [],
        [{ name: "SOM_Priser", sheet: "Prices", ref: "A1" }],
        { entries: [] },
        { now: NOW, lang: "da" },
      ),
    ).rejects.toThrow("SOM_Priser");
    expect(wb.writeSheetsCalls).toBe(0);
  });
});
