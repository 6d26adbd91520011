/**
 * The `Resultater` sheet as data, rendered from the english-reordered golden scenario (figures derived by hand
 * in test/golden/english-reordered.calc.md).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { FileWorkbook } from "../../../src/file/file-workbook";
import { stampTime } from "../../../src/workbook/render/meta-sheet";
import { prepareBaseRun } from "../../../src/app/calculate-workbook";
import type { Results, Scenario } from "../../../src/engine/types";
import type { Lang } from "../../../src/present/format";
import { MemoryWorkbook } from "../../../src/workbook/memory-workbook";
import { renderResultSheets, KR, PCT } from "../../../src/workbook/render/results-sheet";
import type { CellValue, SheetSpec } from "../../../src/workbook/sheet-model";
import { englishReorderedSpec } from "../../golden/hand-layout";

const NOW = new Date(Date.UTC(2026, 10, 23, 18, 45));
const FINGERPRINT = "som-000000001f2e3d";

async function base(): Promise<{ results: Results; scenario: Scenario }> {
  const run = await prepareBaseRun(MemoryWorkbook.fromSpec(englishReorderedSpec()), { now: NOW, lang: "da" });
  if (!run.ok) throw new Error(run.issues.map((i) => i.message.en).join("; "));
  return run;
}

/** The rendered sheet in a fresh in-memory workbook, to look cells up by address. */
async function rendered(
  lang: Lang,
): Promise<{ wb: MemoryWorkbook; sheet: SheetSpec; names: readonly { name: string }[] }> {
  const { results, scenario } = await base();
  const { sheet, names } = renderResultSheets(results, scenario, {
    now: NOW,
    lang,
    engineVersion: "9.9.9",
    inputFingerprint: FINGERPRINT,
  });
  const wb = new MemoryWorkbook();
  await wb.writeSheets({ sheets: [sheet], names });
  return { wb, sheet, names };
}

const rowStartingWith = (grid: CellValue[][], label: string): CellValue[] | undefined =>
  grid.find((r) => r[0] === label);

describe("renderResultSheets", () => {
  it("stamps engine version, time of calculation, price level and discount rate", async () => {
    const { wb } = await rendered("da");
    const grid = wb.sheetGrid("Resultater");
    expect(rowStartingWith(grid, "Motorversion")?.[1]).toBe("9.9.9");
    expect(rowStartingWith(grid, "Beregnet")?.[1]).toBe(stampTime(NOW));
    expect(rowStartingWith(grid, "Prisniveau")?.[1]).toBe(2030);
    expect(rowStartingWith(grid, "Diskonteringsrente")?.[1]).toBe(0.1);
  });

  it("writes one line per [D] rule of som-method.md", async () => {
    const { wb } = await rendered("da");
    const rules = wb
      .sheetGrid("Resultater")
      .map((r) => r[0])
      .filter((v): v is string => typeof v === "string" && v.startsWith("[D]"));
    expect(rules).toHaveLength(8);
    for (const topic of [
      "Kalenderår",
      "uden for tidshorisonten",
      "Under indsats",
      "Pr. forløb",
      "σ = −1 for Udgift",
      "år 1 diskonteres ikke",
      "Flere effektmål",
      "Følsomhed",
    ]) {
      expect(rules.some((r) => r.includes(topic))).toBe(true);
    }
    // Issue 11: an old workbook now calculates per cohort; the sheet says how to get the old figures.
    const all = wb
      .sheetGrid("Resultater")
      .map((r) => r[0])
      .filter((v): v is string => typeof v === "string");
    expect(
      all.some(
        (r) =>
          r.startsWith("NB: En projektmappe uden navnet SOM_Horisontmetode") &&
          r.includes("beregnes nu pr. kohorte") &&
          r.includes("Vælg Kalenderår i SOM_Horisontmetode (arket Indstillinger)") &&
          r.includes('Formler › Navnestyring › Ny, navn SOM_Horisontmetode, refererer til ="Kalenderår"'),
      ),
    ).toBe(true);
  });

  it("shows the key figures unrounded with number formats, undefined figures as Danish text", async () => {
    const { wb } = await rendered("da");
    const grid = wb.sheetGrid("Resultater");
    const total = grid.find((r) => r[0] === "I alt" && typeof r[1] === "number");
    // english-reordered.calc.md: Σ NR −52.000, PV −57.911,3448…, no break-even, 0,5666…, f* = 120/68, −13.000.
    expect(total?.[1]).toBe(-52000);
    expect(total?.[2]).toBeCloseTo(-57911.34485349361, 8);
    expect(total?.[3]).toBe("ikke inden for tidshorisonten");
    expect(total?.[4]).toBeCloseTo(68000 / 120000, 12);
    // Break-even success rate shown as f* × r_e = (120.000 / 68.000) × 50 %.
    expect(total?.[5]).toBeCloseTo((120000 / 68000) * 0.5, 12);
    expect(total?.[6]).toBe(-13000);
    const region = rowStartingWith(grid, "Region");
    expect(region?.[3]).toBe(2030);
    expect(region?.[4]).toBe("ingen omkostninger");
    const info = (address: string) => wb.getCellInfo("Resultater", address);
    const totalRow = grid.indexOf(total as CellValue[]) + 1;
    expect(info(`B${totalRow}`)?.numberFormat).toBe(KR);
    expect(info(`F${totalRow}`)?.numberFormat).toBe(PCT);
  });

  it("has a year table per actor, level and total with costs by kind, consequences by service and effect, net, cumulative, discounted", async () => {
    const { wb } = await rendered("da");
    const grid = wb.sheetGrid("Resultater");
    const start = grid.findIndex((r) => r[0] === "Region: pr. år");
    expect(grid[start]?.slice(1, 6)).toEqual([2030, 2031, 2032, 2033, "I alt"]);
    const table = grid.slice(start + 1, start + 20);
    const row = (label: string) => table.find((r) => r[0] === label)?.slice(1, 6);
    expect(row("Opstart")).toEqual([0, 0, 0, 0, 0]);
    expect(row("Konsekvens: Psychiatry")).toEqual([0, 10000, 10000, 10000, 30000]);
    expect(row("heraf effektmål: Stable housing")).toEqual([0, 10000, 10000, 10000, 30000]);
    expect(row("Nettoresultat")).toEqual([0, 10000, 10000, 10000, 30000]);
    expect(row("Kumuleret nettoresultat")).toEqual([0, 10000, 20000, 30000, null]);
    const disc = row("Diskonteret nettoresultat") as number[];
    [0, 10000 / 1.1, 10000 / 1.21, 10000 / 1.331, 24868.51990984222].forEach((x, i) =>
      expect(disc[i]).toBeCloseTo(x, 8),
    );
    expect(grid.some((r) => r[0] === "Jobcenter: pr. år")).toBe(true);
    expect(grid.some((r) => r[0] === "Niveau: Kommune: pr. år")).toBe(true);
    expect(grid.some((r) => r[0] === "I alt: pr. år")).toBe(true);
  });

  it("shows the status from SOM_Status and its own input fingerprint (B11), red when it does not read Aktuel, and has no other formula", async () => {
    const { wb, sheet, names } = await rendered("da");
    const formulas = sheet.blocks.flatMap((b) =>
      (b.formulas ?? []).flat().filter((f): f is string => f !== null),
    );
    expect(formulas).toEqual([
      '=IFERROR(IF(AND(OR(SOM_Status="Aktuel",SOM_Status="Current"),$B$11=SOM_Meta_Inputaftryk),"Aktuel","Forældet"),"Forældet")',
    ]);
    expect(wb.getCell("Resultater", "A11")).toBe("Beregnet på input-aftryk");
    expect(wb.getCell("Resultater", "B11")).toBe(FINGERPRINT);
    expect(names).toEqual(
      expect.arrayContaining([{ name: "SOM_Res_Inputaftryk", sheet: "Resultater", ref: "B11" }]),
    );
    expect(sheet.conditionalFormats).toEqual([{ ref: "B2", formula: '=$B$2<>"Aktuel"', style: "warning" }]);
  });

  it("writes the English status texts in the status formula when the language is English", async () => {
    const { sheet } = await rendered("en");
    expect(sheet.blocks.find((b) => b.row === 1)?.formulas?.[0]?.[1]).toBe(
      '=IFERROR(IF(AND(OR(SOM_Status="Aktuel",SOM_Status="Current"),$B$11=SOM_Meta_Inputaftryk),"Current","Out of date"),"Out of date")',
    );
    expect(sheet.conditionalFormats).toEqual([{ ref: "B2", formula: '=$B$2<>"Current"', style: "warning" }]);
  });

  it("defines valid names for net result, present value, break-even year and return per krone, and lists them on the sheet", async () => {
    const { wb, names } = await rendered("da");
    expect(names.map((n) => n.name)).toEqual(
      expect.arrayContaining([
        "SOM_Res_Netto_Total",
        "SOM_Res_NV_Kommune",
        "SOM_Res_Aar_A3",
        "SOM_Res_Afkast_A2",
      ]),
    );
    const listed = new Set(wb.sheetGrid("Resultater").map((r) => r[0]));
    for (const n of names) {
      expect(n.name).toMatch(/^SOM_Res_([A-Za-z]+_[A-Za-z0-9]+|Inputaftryk)$/);
      expect(listed.has(n.name)).toBe(true);
    }
    const read = await wb.readNames(["SOM_Res_Netto_A2", "SOM_Res_Aar_A3"]);
    const v = (k: string) => {
      const x = read.get(k);
      return x?.kind === "range" ? x.values[0]?.[0] : undefined;
    };
    expect(v("som_res_netto_a2")).toBe(-70000); // Socialforvaltning, the second actor
    expect(v("som_res_aar_a3")).toBe(2030); // Region
  });

  it("speaks English when asked", async () => {
    const { wb, sheet } = await rendered("en");
    const grid = wb.sheetGrid("Resultater");
    expect(grid[0]?.[0]).toBe("SØM results: Housing First pilot");
    expect(grid.find((r) => r[0] === "Total" && typeof r[1] === "number")?.[3]).toBe(
      "not within the horizon",
    );
    expect(sheet.conditionalFormats?.[0]?.formula).toBe('=$B$2<>"Current"');
    expect(grid.filter((r) => typeof r[0] === "string" && r[0].startsWith("[D]"))).toHaveLength(8);
  });
});

describe("the model block of a v2 result (golden kommune-only.calc.md)", () => {
  it("names the method, duration and perspective, lists the left-out actors and the cohort followed, and reports only Kommune actors", async () => {
    const file = path.join(__dirname, "..", "..", "golden", "kommune-only.xlsx");
    const run = await prepareBaseRun(FileWorkbook.fromBytes(new Uint8Array(fs.readFileSync(file))), {
      now: NOW,
      lang: "da",
    });
    if (!run.ok) throw new Error(run.issues.map((i) => i.message.en).join("; "));
    const { sheet, names } = renderResultSheets(run.results, run.scenario, {
      now: NOW,
      lang: "da",
      engineVersion: "9.9.9",
      inputFingerprint: FINGERPRINT,
    });
    const wb = new MemoryWorkbook();
    await wb.writeSheets({ sheets: [sheet], names });
    const grid = wb.sheetGrid("Resultater");
    expect(rowStartingWith(grid, "Horisontmetode")?.[1]).toBe(
      "Pr. kohorte: hvert hold følges 2 år fra afslutningsåret (SØM's praksis)",
    );
    expect(rowStartingWith(grid, "Varighed (år pr. borger)")?.[1]).toBe(1);
    expect(rowStartingWith(grid, "Perspektiv")?.[1]).toBe("Kun kommune (kun aktører med niveauet Kommune)");
    expect(rowStartingWith(grid, "Udeladt (ikke kommune)")?.[1]).toBe("Region, Stat");
    const header = grid.findIndex((r) => r[0] === "Startår" && r[3] === "Konsekvensår medregnet");
    expect(grid[header + 1]?.slice(0, 4)).toEqual([2025, 2025, 10, 2]);
    // Key figures (kommune-only.calc.md): Jobcenter 5.000, Socialforvaltning 30.000, I alt 35.000; no Region/Stat row.
    expect(rowStartingWith(grid, "Jobcenter")?.[1]).toBe(5000);
    expect(rowStartingWith(grid, "Socialforvaltning")?.[1]).toBe(30000);
    expect(rowStartingWith(grid, "Region")).toBeUndefined();
    expect(rowStartingWith(grid, "Stat")).toBeUndefined();
  });
});
