import starter from "../../src/knowledge/data/starter.json";
import {
  knowledgeHeader,
  knowledgeToTable,
  tableToKnowledge,
  UNKNOWN_MARK,
} from "../../src/knowledge/knowledge-table";
import type { KnowledgeRecord } from "../../src/knowledge/types";
import { validateKnowledgeBase } from "../../src/knowledge/validate-knowledge";
import type { CellValue } from "../../src/workbook/sheet-model";

const base = validateKnowledgeBase(starter, "starter.json");
if (!base.ok) throw new Error("starter invalid");
const records = base.value.records;
const origin = { file: "Viden", headerRow: 4 };

/** A table with the Danish header and the given rows, cells set by Danish header text. */
function aTable(...rows: Record<string, CellValue>[]): CellValue[][] {
  const header = knowledgeHeader("da");
  return [header, ...rows.map((r) => header.map((h) => r[h] ?? null))];
}

const ownPrice = {
  Type: "Pris",
  Id: "odense_dagtilbud",
  Titel: "Dagtilbud, Odense",
  Ydelse: "Dag i dagtilbud",
  Enhed: "dag",
  Kommune: 1250.5,
  Region: 0,
  Stat: 0,
  Kilde: "Odense Kommunes takstblad 2024",
  Årstal: 2024,
  Sikkerhed: "H",
};

describe("the knowledge table (the Viden sheet and .xlsx knowledge files)", () => {
  it("round-trips every starter record except the parameters, unknown figures included", () => {
    for (const lang of ["da", "en"] as const) {
      const table = knowledgeToTable(records, lang);
      const back = tableToKnowledge(table, origin, "Viden");
      if (!back.ok) throw new Error(JSON.stringify(back.problems, null, 1));
      const expected = records.filter((r) => r.kind !== "parameter");
      expect(back.value.records).toEqual(expected);
    }
  });

  it('writes an unknown figure as "?" so the gap is visible in the sheet', () => {
    const table = knowledgeToTable(records, "da");
    const header = table[0] ?? [];
    const row = table.find((r) => r[header.indexOf("Id")] === "price_secure_institution_year") ?? [];
    expect(row[header.indexOf("Stat")]).toBe(UNKNOWN_MARK);
    expect(row[header.indexOf("Kommune")]).toBe(1510239);
  });

  it("reads a municipality's own price row typed by hand, with columns in any order and English headers", () => {
    const t = aTable(ownPrice);
    const reversed = t.map((r) => [...r].reverse());
    const v = tableToKnowledge(reversed, origin, "Viden");
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    expect(v.value.records).toEqual([
      {
        kind: "price",
        id: "odense_dagtilbud",
        title: "Dagtilbud, Odense",
        service: "Dag i dagtilbud",
        unit: "dag",
        amounts: { Kommune: 1250.5, Region: 0, Stat: 0 },
        // A hand-typed row without "Art af tal" is a price; overhead and refusion are not known.
        figureKind: "pris",
        inklOverhead: null,
        efterRefusion: null,
        provenance: { source: "Odense Kommunes takstblad 2024", year: 2024, confidence: "H" },
      },
    ]);
    const en = [knowledgeHeader("en"), ...(aTable(ownPrice).slice(1) as CellValue[][])];
    expect(tableToKnowledge(en, origin, "Viden").ok).toBe(true);
  });

  it("reads a rate typed in Excel: kind label, Ja/Nej/?, a date cell as an Excel serial number", () => {
    const v = tableToKnowledge(
      aTable({
        ...ownPrice,
        Kommune: "?",
        Stat: null,
        Bruttobeløb: 11944,
        "Art af tal": "Sats",
        "Inkl. administration og overhead": "Nej",
        "Efter refusion": "?",
        "Gyldig fra": 45108, // 1 July 2023: (2023-07-01 − 1899-12-30) = 45.108 days
        "Gyldig til": "2023-12-31",
        "Mangler: hvorfor": "Fordelingen mangler.",
        "Mangler: hvor findes tallet": "Refusionsreglerne.",
      }),
      origin,
      "Viden",
    );
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    expect(v.value.records[0]).toMatchObject({
      figureKind: "sats",
      grossAmount: 11944,
      inklOverhead: false,
      efterRefusion: null,
      gyldigFra: "2023-07-01",
      gyldigTil: "2023-12-31",
      amounts: { Kommune: null, Region: 0, Stat: null },
    });
  });

  it("names the sheet, row, id and column of a problem", () => {
    const v = tableToKnowledge(
      aTable(ownPrice, { ...ownPrice, Id: "b", Region: "?", Kilde: null }),
      origin,
      "Viden",
    );
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const at = v.problems.map((p) => `${p.file} | ${p.record} | ${p.field}`);
    // Header on sheet row 4, so the records are rows 5 and 6.
    expect(at).toContain("Viden | række 6 (b) | Kilde");
    expect(at).toContain("Viden | række 6 (b) | Kommune/Region/Stat");
  });

  it("refuses a number typed as text instead of guessing", () => {
    const v = tableToKnowledge(aTable({ ...ownPrice, Kommune: "1.250,50" }), origin, "Viden");
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.problems[0]).toEqual({
        file: "Viden",
        record: "række 5 (odense_dagtilbud)",
        field: "Kommune",
        message: {
          da: '"Kommune" skal være et tal eller "?" (er "1.250,50").',
          en: '"Municipality" must be a number or "?" (is "1.250,50").',
        },
      });
  });

  it("says which required column is missing from the header", () => {
    const t = aTable(ownPrice).map((r) => r.slice(1));
    const v = tableToKnowledge(t, origin, "Viden");
    expect(!v.ok && v.problems.map((p) => p.message.da)).toEqual([
      'Kolonnen "Type" mangler i overskriftsrækken.',
    ]);
  });

  it("lets own consequences refer to a starter target group when told about it", () => {
    const cons = {
      Type: "Konsekvens",
      Id: "herberg_egen",
      Titel: "Herberg",
      "Målgruppe (id)": "adult_homeless",
      Succesmål: "Ude af hjemløshed",
      Ydelse: "Herbergsdøgn",
      Enhed: "døgn",
      Art: "Udgift",
      "År 1": -40,
      "År 2": -30,
      Kilde: "SØM-regnearket",
      Årstal: 2023,
      Sikkerhed: "H",
    };
    expect(tableToKnowledge(aTable(cons), origin, "Viden").ok).toBe(false);
    const v = tableToKnowledge(aTable(cons), origin, "Viden", { externalTargetGroups: ["adult_homeless"] });
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const r = v.value.records[0] as KnowledgeRecord;
    expect(r.kind === "consequence" && r.deltaByYear).toEqual([-40, -30]);
  });

  it("skips blank rows and ignores unknown columns", () => {
    const t = aTable(ownPrice);
    const withExtra = [
      [...(t[0] ?? []), "Min kommentar"],
      [...(t[1] ?? []), "noget"],
      Array<CellValue>((t[0] ?? []).length + 1).fill(null),
    ];
    const v = tableToKnowledge(withExtra, origin, "Viden");
    expect(v.ok && v.value.records.length).toBe(1);
  });
});
