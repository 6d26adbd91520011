import {
  confirmQuestion,
  insertKnowledge,
  planInsertion,
  priceLevelFactor,
  readInsertionTarget,
} from "../../src/app/knowledge-insert";
import { starterKnowledge } from "../../src/app/knowledge-library";
import type {
  ConsequenceRecord,
  EffectRecord,
  KnowledgeRecord,
  PriceRecord,
} from "../../src/knowledge/types";
import { buildTemplateSpec } from "../../src/workbook/layout/build-template-spec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { readScenario, SCENARIO_NAMES } from "../../src/workbook/read/read-scenario";
import { aSomWorkbook } from "../knowledge/a-som-workbook";
import type { CellValue } from "../../src/workbook/sheet-model";

const starter = starterKnowledge().records;
const rec = <K extends KnowledgeRecord["kind"]>(
  id: string,
  _kind: K,
): Extract<KnowledgeRecord, { kind: K }> => {
  const r = starter.find((x) => x.id === id);
  if (!r || r.kind !== _kind) throw new Error(`no ${_kind} ${id} in starter`);
  return r as Extract<KnowledgeRecord, { kind: K }>;
};

const aPrice = (over: Partial<PriceRecord> = {}): PriceRecord => ({
  kind: "price",
  id: "own_price",
  title: "Egen pris",
  service: "Dag i dagtilbud",
  unit: "dag",
  amounts: { Kommune: 1000, Region: 0, Stat: 0 },
  figureKind: "pris",
  inklOverhead: null,
  efterRefusion: null,
  provenance: { source: "Egen takst 2025", year: 2025, confidence: "H" },
  ...over,
});

const aConsequence = (over: Partial<ConsequenceRecord> = {}): ConsequenceRecord => ({
  kind: "consequence",
  id: "own_cons",
  title: "Egen konsekvens",
  targetGroup: "adult_homeless",
  successMeasure: "Ude af hjemløshed",
  service: "Herbergsdøgn",
  unit: "døgn",
  consequenceKind: "Udgift",
  deltaByYear: [-40, -30, -20],
  recommended: null,
  provenance: { source: "SØM-regnearket maj 2023", year: 2023, confidence: "H" },
  ...over,
});

const yes = (): Promise<boolean> => Promise.resolve(true);
const no = (): Promise<boolean> => Promise.resolve(false);

// ───────────── Price level (som-method.md §5) ─────────────

describe("converting a price to the workbook's price level", () => {
  it("multiplies by I(P) / I(b): 2015 → 2025 with index 100 → 125 is × 1,25", () => {
    expect(
      priceLevelFactor(
        2015,
        2025,
        new Map([
          [2015, 100],
          [2025, 125],
        ]),
      ),
    ).toEqual({ ok: true, factor: 1.25, from: 100, to: 125 });
  });

  it("needs no index when the price year is the price level", () => {
    expect(priceLevelFactor(2025, 2025, new Map())).toEqual({ ok: true, factor: 1 });
  });

  it("names every missing index year", () => {
    expect(priceLevelFactor(2014, 2025, new Map([[2015, 100]]))).toEqual({
      ok: false,
      missing: [2014, 2025],
    });
  });
});

describe("inserting a price row into SOM_Priser", () => {
  it("puts the prison-day price (2015, stat 1.469 kr.) at 2025 prices in the Stat column: 1.469 × 125/100 = 1.836,25", async () => {
    const wb = aSomWorkbook({
      priceLevel: 2025,
      index: [
        [2015, 100],
        [2025, 125],
      ],
    });
    const report = await insertKnowledge(wb, [rec("price_prison_day_avg", "price")], {
      lang: "da",
      confirm: no,
    });
    expect(report.skipped).toEqual([]);
    expect(report.inserted).toEqual([
      { recordId: "price_prison_day_avg", block: "SOM_Priser", sheet: "Priser", row: 4 },
    ]);
    // Row 4: Ydelse, Enhed, Prisår, Kommune, Region, Stat, Kilde
    expect(["A4", "B4", "C4", "D4", "E4", "F4"].map((a) => wb.getCell("Priser", a))).toEqual([
      "Fængselsdøgn",
      "døgn",
      2025,
      0,
      0,
      1836.25,
    ]);
    const kilde = String(wb.getCell("Priser", "G4"));
    expect(kilde).toContain("http://www.kriminalforsorgen.dk/%C3%98konomi-7062.aspx");
    expect(kilde).toContain("2015-priser omregnet til 2025 med indeks 100 → 125");
  });

  it("uses the start year as price level when SOM_Prisniveau is absent, and converts the secure-institution year (2020) with 105 → 125", async () => {
    const wb = aSomWorkbook({
      startYear: 2025,
      index: [
        [2020, 105],
        [2025, 125],
      ],
    });
    const report = await insertKnowledge(wb, [rec("price_secure_institution_year", "price")], {
      lang: "da",
      confirm: no,
    });
    // 1.510.239 × 125 / 105 = 188.779.875 / 105 = 1.797.903,571428…
    expect(wb.getCell("Priser", "D4")).toBeCloseTo(1797903.571428, 5);
    expect(wb.getCell("Priser", "E4")).toBe(0);
    // Stat is a gap in the knowledge base: left blank, and the gap is said in Kilde and in a note.
    expect(wb.getCell("Priser", "F4")).toBeNull();
    expect(String(wb.getCell("Priser", "G4"))).toContain("MANGLER beløb for Stat");
    expect(report.notes.map((n) => n.text.da).join(" ")).toContain("Beløbet for Stat er ukendt");
  });

  it("refuses a price whose price year has no index, naming the year, and writes nothing", async () => {
    const wb = aSomWorkbook({ priceLevel: 2025, index: [[2025, 125]] });
    const before = wb.sheetGrid("Priser");
    const report = await insertKnowledge(wb, [rec("price_child_placement_year", "price")], {
      lang: "da",
      confirm: yes,
    });
    expect(report.inserted).toEqual([]);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]?.text.da).toMatch(/^Prisindekset \(SOM_Prisindeks\) mangler år 2014\./);
    expect(report.skipped[0]?.text.en).toMatch(/no year 2014/);
    expect(wb.sheetGrid("Priser")).toEqual(before);
  });

  it("puts a level's amount with the first of several actors on that level and says so", async () => {
    const wb = aSomWorkbook({
      priceLevel: 2025,
      actors: [
        ["Socialforvaltningen", "Kommune"],
        ["Jobcentret", "Kommune"],
        ["Staten", "Stat"],
      ],
    });
    const report = await insertKnowledge(wb, [aPrice({ amounts: { Kommune: 1000, Region: 50, Stat: 20 } })], {
      lang: "da",
      confirm: no,
    });
    // Ydelse, Enhed, Prisår, Socialforvaltningen, Jobcentret, Staten, Kilde
    expect(["D4", "E4", "F4"].map((a) => wb.getCell("Priser", a))).toEqual([1000, null, 20]);
    const notes = report.notes.map((n) => n.text.da).join(" ");
    expect(notes).toContain('hele beløbet står hos "Socialforvaltningen"');
    expect(notes).toContain("Ingen aktør har niveauet Region, så beløbet 50 kr.");
  });

  it("asks before overwriting a filled row for the same service, and leaves it alone on no", async () => {
    const filled: CellValue[] = ["Dag i dagtilbud", "dag", 2025, 900, 0, 0, "gammel kilde"];
    const wb = aSomWorkbook({ priceLevel: 2025, priceRows: [filled] });
    const asked: string[] = [];
    const report = await insertKnowledge(wb, [aPrice()], {
      lang: "da",
      confirm: (q) => {
        asked.push(q.da);
        return Promise.resolve(false);
      },
    });
    expect(asked).toEqual([
      "Disse rækker er allerede udfyldt og bliver overskrevet: SOM_Priser række 4 (Dag i dagtilbud). Fortsæt?",
    ]);
    expect(report.inserted).toEqual([]);
    expect(["A4", "D4", "G4"].map((a) => wb.getCell("Priser", a))).toEqual([
      "Dag i dagtilbud",
      900,
      "gammel kilde",
    ]);
    expect(wb.getCell("Priser", "A5")).toBeNull();
  });

  it("overwrites that row after yes, filling Kilde", async () => {
    const wb = aSomWorkbook({
      priceLevel: 2025,
      priceRows: [["Dag i dagtilbud", "dag", 2025, 900, 0, 0, "gammel kilde"]],
    });
    await insertKnowledge(wb, [aPrice()], { lang: "da", confirm: yes });
    expect(["A4", "D4", "G4"].map((a) => wb.getCell("Priser", a))).toEqual([
      "Dag i dagtilbud",
      1000,
      "Egen takst 2025 (2025, sikkerhed H)",
    ]);
  });

  it("appends below a full block after yes and extends the name over the new rows", async () => {
    const wb = aSomWorkbook({
      priceLevel: 2025,
      priceRows: [["Anden ydelse", "dag", 2025, 1, 0, 0, "x"]],
      priceBlankRows: 0,
    });
    expect(wb.nameTarget("SOM_Priser")).toEqual({ sheet: "Priser", ref: "A3:G4" });
    const report = await insertKnowledge(wb, [aPrice(), aPrice({ id: "p2", service: "Nat i dagtilbud" })], {
      lang: "da",
      confirm: yes,
    });
    expect(report.inserted.map((r) => r.row)).toEqual([5, 6]);
    expect(wb.getCell("Priser", "A5")).toBe("Dag i dagtilbud");
    expect(wb.getCell("Priser", "A6")).toBe("Nat i dagtilbud");
    expect(wb.nameTarget("SOM_Priser")).toEqual({ sheet: "Priser", ref: "A3:G6" });
    // The extended block reads back with both rows.
    const target = await readInsertionTarget(wb);
    expect(target.prices?.read.rows.map((r) => r.fields.get("service")?.value)).toEqual([
      "Anden ydelse",
      "Dag i dagtilbud",
      "Nat i dagtilbud",
    ]);
  });

  it("refuses prices when the price level is unknown", async () => {
    const wb = aSomWorkbook({ priceLevel: 2025 });
    wb.deleteName("SOM_Prisniveau").deleteName("SOM_Startaar");
    const report = await insertKnowledge(wb, [aPrice()], { lang: "en", confirm: yes });
    expect(report.skipped[0]?.text.en).toBe(
      "The price level is not known: fill in SOM_Prisniveau or SOM_Startaar so the price can be converted.",
    );
  });
});

describe("inserting consequence lines into SOM_Konsekvenser", () => {
  it("writes outcome, service, unit, kind, Δq by year and the source", async () => {
    const wb = aSomWorkbook({ priceLevel: 2025, effects: [["Ude af hjemløshed", 0.2]] });
    const report = await insertKnowledge(wb, [aConsequence()], { lang: "da", confirm: no });
    expect(report.inserted).toEqual([
      { recordId: "own_cons", block: "SOM_Konsekvenser", sheet: "Konsekvenser", row: 4 },
    ]);
    expect(wb.sheetGrid("Konsekvenser")[3]).toEqual([
      "Ude af hjemløshed",
      "Herbergsdøgn",
      "døgn",
      "Udgift",
      -40,
      -30,
      -20,
      null,
      null,
      "SØM-regnearket maj 2023 (2023, sikkerhed H)",
    ]);
    // The service has no price yet: the user is told.
    expect(report.notes.map((n) => n.text.da).join(" ")).toContain(
      'Ydelsen "Herbergsdøgn" har ingen pris i SOM_Priser',
    );
  });

  it("uses the only outcome of SOM_Effekter when the record's success measure is not there, and says so", async () => {
    const wb = aSomWorkbook({ priceLevel: 2025, effects: [["Egen bolig", 0.3]] });
    const report = await insertKnowledge(wb, [aConsequence({ consequenceKind: "Indtaegt" })], {
      lang: "en",
      confirm: no,
    });
    expect(wb.getCell("Konsekvenser", "A4")).toBe("Egen bolig");
    expect(wb.getCell("Konsekvenser", "D4")).toBe("Revenue");
    expect(report.notes[0]?.text.en).toBe(
      'The outcome was set to "Egen bolig" (the only one in SOM_Effekter).',
    );
  });

  it("leaves unknown years blank, marks MANGLER in Kilde and drops years the block has no column for", async () => {
    const wb = aSomWorkbook({ priceLevel: 2025 });
    const r = aConsequence({
      deltaByYear: [-1, null, -3, 0, -5, -6, -7],
      gap: { reason: "ukendt", where: "SØM-regnearket" },
    });
    const report = await insertKnowledge(wb, [r], { lang: "da", confirm: no, effectName: "Mit effektmål" });
    expect(wb.sheetGrid("Konsekvenser")[3]?.slice(0, 9)).toEqual([
      "Mit effektmål",
      "Herbergsdøgn",
      "døgn",
      "Udgift",
      -1,
      null,
      -3,
      0,
      -5,
    ]);
    expect(String(wb.getCell("Konsekvenser", "J4"))).toContain("MANGLER tal for år 2: SØM-regnearket");
    const notes = report.notes.map((n) => n.text.da).join(" ");
    expect(notes).toContain("SOM_Konsekvenser har ingen kolonne for år 6–7");
  });

  it("inserts the starter's homeless consequence as a visible gap (all years blank, pointer in Kilde)", async () => {
    const wb = aSomWorkbook({ priceLevel: 2025 });
    await insertKnowledge(wb, [rec("cons_homeless_shelter", "consequence")], { lang: "da", confirm: no });
    expect(wb.sheetGrid("Konsekvenser")[3]?.slice(4, 9)).toEqual([null, null, null, null, null]);
    expect(String(wb.getCell("Konsekvenser", "J4"))).toContain(
      "MANGLER tal for år 1–10: SØM-regnearket (social.dk › SØM › Hent modellen)",
    );
  });
});

describe("inserting a success-rate suggestion into SOM_Effekter", () => {
  it("writes the IPS trial's net rate 59,1 % − 46,5 % = 12,6 % under the group's success measure", async () => {
    const wb = aSomWorkbook({ priceLevel: 2025 });
    const ips = rec("effect_ips_dk_rct", "effect");
    const group = rec("adult_smi_employment", "targetGroup");
    const report = await insertKnowledge(wb, [group, ips], { lang: "da", confirm: no });
    expect(wb.getCell("Effekt", "A4")).toBe("I ordinært job eller uddannelse");
    expect(wb.getCell("Effekt", "B4")).toBeCloseTo(0.591 - 0.465, 12);
    expect(String(wb.getCell("Effekt", "C4"))).toContain("59,1 % − 46,5 %");
    expect(String(wb.getCell("Effekt", "C4"))).toContain("evidensniveau 1");
    // The target group itself is not a row of figures.
    expect(report.skipped.map((s) => s.recordId)).toEqual(["adult_smi_employment"]);
  });

  it("refuses an effect without a suggested rate and points to the official figure", async () => {
    const wb = aSomWorkbook({ priceLevel: 2025 });
    const hf: EffectRecord = rec("effect_housing_first_hjemloesestrategien", "effect");
    const report = await insertKnowledge(wb, [hf], { lang: "da", confirm: yes });
    expect(report.inserted).toEqual([]);
    expect(report.skipped[0]?.text.da).toContain("har ingen foreslået succesrate");
    expect(report.skipped[0]?.text.da).toContain("Rambøll/SFI 2013");
  });

  it("lets consequences inserted in the same batch use the new effect's outcome", async () => {
    const wb = aSomWorkbook({ priceLevel: 2025, effects: [["Andet mål", 0.1]] });
    const ips = rec("effect_ips_dk_rct", "effect");
    const cons = aConsequence({
      successMeasure: "Ordinært job eller uddannelse inden for 18 måneder",
      targetGroup: "adult_smi_employment",
    });
    await insertKnowledge(wb, [cons, ips], { lang: "da", confirm: no });
    expect(wb.getCell("Effekt", "A5")).toBe("Ordinært job eller uddannelse inden for 18 måneder");
    expect(wb.getCell("Konsekvenser", "A4")).toBe("Ordinært job eller uddannelse inden for 18 måneder");
  });
});

describe("the insertion plan", () => {
  it("never puts two records in the same blank row", async () => {
    const wb = aSomWorkbook({ priceLevel: 2025 });
    const target = await readInsertionTarget(wb);
    const plan = planInsertion(
      target,
      [
        aPrice({ id: "a", service: "A" }),
        aPrice({ id: "b", service: "B" }),
        aPrice({ id: "c", service: "C" }),
      ],
      { lang: "da" },
    );
    expect(plan.rows.map((r) => r.target)).toEqual([
      { kind: "blank", row: 3 },
      { kind: "blank", row: 4 },
      { kind: "blank", row: 5 },
    ]);
  });

  it("asks one question naming overwrites and appends", () => {
    const q = confirmQuestion([
      {
        recordId: "a",
        block: "SOM_Priser",
        sheet: "Priser",
        label: "A",
        cells: new Map(),
        target: { kind: "replace", row: 6 },
      },
      {
        recordId: "b",
        block: "SOM_Priser",
        sheet: "Priser",
        label: "B",
        cells: new Map(),
        target: { kind: "append", row: 9 },
      },
    ]);
    expect(q.da).toBe(
      "Disse rækker er allerede udfyldt og bliver overskrevet: SOM_Priser række 7 (A). SOM_Priser har ikke flere tomme rækker: 1 række(r) tilføjes lige under blokken, og navnet udvides. Celler dér bliver overskrevet. Fortsæt?",
    );
  });

  it("refuses every record when the workbook has no SØM blocks", async () => {
    const wb = new MemoryWorkbook();
    const report = await insertKnowledge(wb, [aPrice(), aConsequence()], { lang: "da", confirm: yes });
    expect(report.inserted).toEqual([]);
    expect(report.skipped.map((s) => s.text.da)).toEqual([
      "Projektmappen har ikke navnet SOM_Priser (eller det har ingen overskriftsrække).",
      "Projektmappen har ikke navnet SOM_Konsekvenser (eller det har ingen overskriftsrække).",
    ]);
  });
});

/** A fresh Danish template with the start year typed (price level = start year); the index is the shipped one. */
async function aFreshTemplate(startYear: number): Promise<MemoryWorkbook> {
  const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da"));
  const sy = (await wb.readNames(["SOM_Startaar"])).get("som_startaar");
  if (sy?.kind !== "range") throw new Error("template has no SOM_Startaar");
  await wb.writeCells(sy.sheet, sy.row, sy.col, [[startYear]]);
  return wb;
}

/** The SOM_Priser row of `service` as header → value, read through the name (layout-independent). */
async function priceRow(wb: MemoryWorkbook, service: string): Promise<Map<string, CellValue> | undefined> {
  const p = (await wb.readNames(["SOM_Priser"])).get("som_priser");
  if (p?.kind !== "range") return undefined;
  const header = (p.values[0] ?? []).map(String);
  const row = p.values.find((r) => r[0] === service);
  return row && new Map(header.map((h, i) => [h, row[i] ?? null]));
}

describe("inserting into the SØM template itself", () => {
  it("inserts the prison-day price at the template's price level in one go: the index ships (2015 → 2023: × 118,04…/100)", async () => {
    const wb = await aFreshTemplate(2023);
    const asked: string[] = [];
    const report = await insertKnowledge(wb, [rec("price_prison_day_avg", "price")], {
      lang: "da",
      confirm: (q) => (asked.push(q.da), Promise.resolve(false)),
    });
    expect(asked).toEqual([]);
    expect(report.skipped).toEqual([]);
    const read = readScenario(await wb.readNames(SCENARIO_NAMES));
    // only the blank template's two warnings (no costs, no participants yet): the insert adds no issue
    expect(read.issues.map((i) => i.code)).toEqual(["no-costs", "no-participants"]);
    const price = read.raw.prices.find((p) => p.service === "Fængselsdøgn");
    // I(2023) = 1416,5 / 12 (the mean of 2023's twelve months), I(2015) = 1200,0 / 12 = 100:
    // 1.469 kr. × (1416,5 / 12) / 100 = 1.734,032083… kr. at 2023 prices, all with the state.
    expect(price?.priceYear).toBe(2023);
    expect(price?.priceKrByActor.get("Stat")).toBeCloseTo((1469 * 1416.5) / 1200, 9);
    expect(price?.priceKrByActor.get("Kommune")).toBe(0);
    expect(price?.source).toContain("http://www.kriminalforsorgen.dk/%C3%98konomi-7062.aspx");
    expect(price?.source).toContain("2015-priser omregnet til 2023 med indeks 100 → 118,041667");
  });

  it("refuses a price level after the index's last full year and asks for a cited forecast index", async () => {
    const wb = await aFreshTemplate(2025);
    const report = await insertKnowledge(wb, [rec("price_prison_day_avg", "price")], {
      lang: "da",
      confirm: yes,
    });
    expect(report.inserted).toEqual([]);
    const text = report.skipped[0]?.text.da ?? "";
    expect(text).toContain("Prisindekset (SOM_Prisindeks) mangler år 2025.");
    expect(text).toContain("har hele år til og med 2023");
    expect(text).toContain("Skriv selv et fremskrevet indeks for 2025");
    expect(text).toContain("Finansministeriets eller KL's");
    expect(report.skipped[0]?.text.en).toContain("forecast index for 2025");
  });

  it("never inserts a rate as a price silently: kontanthjælp without a split writes nothing and says what is missing", async () => {
    const wb = await aFreshTemplate(2023);
    const before = wb.sheetGrid("Priser");
    const r = rec("price_kontanthjaelp_30plus_month", "price");
    const report = await insertKnowledge(wb, [r], { lang: "da", confirm: yes });
    expect(report.inserted).toEqual([]);
    expect(report.needsSplit.map((x) => x.id)).toEqual(["price_kontanthjaelp_30plus_month"]);
    const text = report.skipped[0]?.text.da ?? "";
    expect(text).toContain("er en sats (bruttobeløb 11.944 kr./måned, 2023), ikke en SØM-pris");
    expect(text).toContain("fordelingen på kommune, region og stat efter refusion");
    expect(text).toContain("administration og sagsbehandling");
    expect(wb.sheetGrid("Priser")).toEqual(before);
  });

  it("inserts kontanthjælp after the user's split (stat 20 % after week 52): 11.944 × 80 % / 20 %, Kilde says whose split", async () => {
    const wb = await aFreshTemplate(2023);
    const r = rec("price_kontanthjaelp_30plus_month", "price");
    const report = await insertKnowledge(wb, [r], {
      lang: "da",
      confirm: yes,
      splits: new Map([[r.id, { Kommune: 0.8, Region: 0, Stat: 0.2 }]]),
    });
    expect(report.skipped).toEqual([]);
    expect(report.needsSplit).toEqual([]);
    const row = await priceRow(wb, "Måned på kontanthjælp");
    // 11.944 × 0,8 = 9.555,2 and 11.944 × 0,2 = 2.388,8 (2023 prices = price level, factor 1).
    expect(row?.get("Kommune")).toBeCloseTo(9555.2, 9);
    expect(row?.get("Stat")).toBeCloseTo(2388.8, 9);
    expect(row?.get("Region")).toBe(0);
    const kilde = String(row?.get("Kilde"));
    expect(kilde).toContain("https://bm.dk/satser/satser-for-2023/kontanthjaelp/ (2023, sikkerhed H)");
    expect(kilde).toContain("sats (bruttobeløb 11.944 kr./måned), ikke en SØM-pris");
    expect(kilde).toContain("fordeling: brugerens skøn (Kommune 80 %, Stat 20 %)");
    expect(kilde).toContain("administration og sagsbehandling ikke medregnet");
    expect(kilde).not.toContain("MANGLER");
  });

  it("refuses a split that does not add up to 100 %", async () => {
    const wb = await aFreshTemplate(2023);
    const r = rec("price_kontanthjaelp_30plus_month", "price");
    const report = await insertKnowledge(wb, [r], {
      lang: "da",
      confirm: yes,
      splits: new Map([[r.id, { Kommune: 0.6, Region: 0, Stat: 0.3 }]]),
    });
    expect(report.inserted).toEqual([]);
    expect(report.skipped[0]?.text.da).toContain("tilsammen giver 100 % (er 90 %)");
  });

  it("labels a tariff as a tariff in Kilde", async () => {
    const wb = await aFreshTemplate(2022);
    await insertKnowledge(wb, [rec("price_psych_special_place_day", "price")], { lang: "da", confirm: yes });
    const row = await priceRow(wb, "Døgn på særlig plads i psykiatrien");
    expect(row?.get("Kommune")).toBe(4165);
    expect(String(row?.get("Kilde"))).toContain("takst (ikke nødvendigvis gennemsnitsomkostning");
  });
});

describe("adding missing index years from the shipped nettoprisindeks", () => {
  it("asks once, adds 2015 with its source, then converts the price (1.469 × 125 / 100 = 1.836,25)", async () => {
    const wb = aSomWorkbook({ priceLevel: 2025, index: [[2025, 125]] });
    const asked: string[] = [];
    const report = await insertKnowledge(wb, [rec("price_prison_day_avg", "price")], {
      lang: "da",
      confirm: (q) => (asked.push(q.da), Promise.resolve(true)),
    });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain(
      "Prisindekset (SOM_Prisindeks) mangler år 2015 for at omregne til prisniveau 2025.",
    );
    expect(asked[0]).toContain("2015: 100,00");
    // aSomWorkbook: SOM_Prisindeks at E6:F7 (header, 2025); the new year goes below it and the name grows.
    expect([wb.getCell("Indstillinger", "E8"), wb.getCell("Indstillinger", "F8")]).toEqual([2015, 100]);
    expect(report.inserted.map((x) => x.recordId)).toEqual(["nettoprisindeks_2015", "price_prison_day_avg"]);
    expect(wb.getCell("Priser", "F4")).toBe(1836.25);
  });

  it("writes the series' source next to the added year when the block has a Kilde column", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da"));
    const named = await wb.readNames(["SOM_Prisniveau", "SOM_Prisindeks"]);
    const pl = named.get("som_prisniveau");
    const ix = named.get("som_prisindeks");
    if (pl?.kind !== "range" || ix?.kind !== "range") throw new Error("template names missing");
    await wb.writeCells(pl.sheet, pl.row, pl.col, [[2020]]);
    // The user cleared the shipped rows 2015 and 2016.
    await wb.writeCells(ix.sheet, ix.row + 1, ix.col, [
      [null, null, null],
      [null, null, null],
    ]);
    const report = await insertKnowledge(wb, [rec("price_prison_day_avg", "price")], {
      lang: "da",
      confirm: yes,
    });
    expect(report.inserted.map((x) => x.recordId)).toEqual(["nettoprisindeks_2015", "price_prison_day_avg"]);
    const after = (await wb.readNames(["SOM_Prisindeks"])).get("som_prisindeks");
    if (after?.kind !== "range") throw new Error("no index");
    const row2015 = after.values.find((r) => r[0] === 2015);
    expect(row2015?.[1]).toBeCloseTo(100, 12);
    expect(String(row2015?.[2])).toContain("beregnet af SØM for Excel");
    // 2020: (103,6 + 104,3 + 103,9 + 103,9 + 103,7 + 103,8 + 104,6 + 103,9 + 103,7 + 104,0 + 103,6 + 103,4) / 12 = 1246,4 / 12
    const price = await priceRow(wb, "Fængselsdøgn");
    expect(price?.get("Stat")).toBeCloseTo((1469 * 1246.4) / 1200, 9);
  });

  it("refuses (as before) when the user declines, and adds nothing", async () => {
    const wb = aSomWorkbook({ priceLevel: 2025, index: [[2025, 125]] });
    const report = await insertKnowledge(wb, [rec("price_prison_day_avg", "price")], {
      lang: "da",
      confirm: no,
    });
    expect(report.inserted).toEqual([]);
    expect(report.skipped[0]?.text.da).toMatch(/^Prisindekset \(SOM_Prisindeks\) mangler år 2015\./);
    expect(wb.getCell("Indstillinger", "E8")).toBeNull();
  });

  it("adds nothing from the series when the workbook's index is another series, and warns", async () => {
    const wb = aSomWorkbook({
      priceLevel: 2025,
      index: [
        [2020, 100],
        [2025, 112],
      ],
    });
    const asked: string[] = [];
    const report = await insertKnowledge(wb, [rec("price_prison_day_avg", "price")], {
      lang: "da",
      confirm: (q) => (asked.push(q.da), Promise.resolve(true)),
    });
    expect(asked).toEqual([]);
    expect(report.inserted).toEqual([]);
    expect(report.warnings[0]?.text.da).toContain("ser ud til at være et andet indeks");
    expect(report.warnings[0]?.text.da).toContain("år 2020 har 100,00, nettoprisindekset 103,87");
  });
});

describe("two effects for one target group", () => {
  const ownEffect: EffectRecord = {
    kind: "effect",
    id: "own_ips_12m",
    title: "IPS lokalt",
    intervention: "IPS",
    targetGroup: "adult_smi_employment",
    outcome: "Job efter 12 måneder",
    treatedShare: null,
    controlShare: null,
    suggestedSuccessRate: 0.1,
    design: "Egen opgørelse",
    evidenceLevel: 3,
    provenance: { source: "https://example.org/egen", year: 2024, confidence: "L", note: "egen" },
  };

  it("warns that consequences would be counted twice when an effect for the same group is already in SOM_Effekter", async () => {
    const wb = aSomWorkbook({ priceLevel: 2025, effects: [["I ordinært job eller uddannelse", 0.1]] });
    const report = await insertKnowledge(wb, [ownEffect], {
      lang: "da",
      confirm: yes,
      knownRecords: starter,
    });
    expect(report.inserted.map((x) => x.recordId)).toEqual(["own_ips_12m"]);
    expect(report.warnings.map((w) => w.text.da)).toEqual([
      'Effekterne "I ordinært job eller uddannelse" og "Job efter 12 måneder" gælder begge målgruppen "Voksne med svær psykisk lidelse, der ønsker job (IPS-forsøgets population)". Deres konsekvenser ville blive talt to gange: SØM har ét succesmål pr. målgruppe i en beregning. Behold én af dem, eller lav en beregning pr. effekt.',
    ]);
  });

  it("does not warn for the same effect again, nor for effects of different groups", async () => {
    const wb = aSomWorkbook({ priceLevel: 2025, effects: [["I ordinært job eller uddannelse", 0.1]] });
    // The IPS effect with its group: it is named by the group's success measure, i.e. it is the same effect.
    const same = await insertKnowledge(
      wb,
      [rec("adult_smi_employment", "targetGroup"), rec("effect_ips_dk_rct", "effect")],
      {
        lang: "da",
        confirm: yes,
        knownRecords: starter,
      },
    );
    expect(same.warnings).toEqual([]);
    const other = await insertKnowledge(
      aSomWorkbook({ priceLevel: 2025, effects: [["Mindre kontakt med psykiatrien", 0.1]] }),
      [ownEffect],
      { lang: "da", confirm: yes, knownRecords: starter },
    );
    expect(other.warnings).toEqual([]);
  });
});

describe("inserting into the SØM template with the user's own index", () => {
  it("fills the template's first blank price row, and the workbook then reads as a scenario with that price", async () => {
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da"));
    // Type P = 2025 and overwrite the shipped index rows with the user's own I(2015) = 100, I(2025) = 125.
    const named = await wb.readNames(["SOM_Prisniveau", "SOM_Prisindeks"]);
    const pl = named.get("som_prisniveau");
    const ix = named.get("som_prisindeks");
    if (pl?.kind !== "range" || ix?.kind !== "range") throw new Error("template names missing");
    await wb.writeCells(pl.sheet, pl.row, pl.col, [[2025]]);
    await wb.writeCells(ix.sheet, ix.row + 1, ix.col, [
      [2015, 100],
      [2025, 125],
    ]);
    const report = await insertKnowledge(wb, [rec("price_prison_day_avg", "price")], {
      lang: "da",
      confirm: no,
    });
    expect(report.skipped).toEqual([]);
    const read = readScenario(await wb.readNames(SCENARIO_NAMES));
    const price = read.raw.prices.find((p) => p.service === "Fængselsdøgn");
    // 1.469 kr. (2015) × 125 / 100 = 1.836,25 kr. at 2025 prices, in the Stat actor's column.
    expect(price?.priceYear).toBe(2025);
    expect(price?.priceKrByActor.get("Stat")).toBe(1836.25);
    expect(price?.priceKrByActor.get("Kommune")).toBe(0);
    expect(price?.source).toContain("kriminalforsorgen.dk");
  });
});
