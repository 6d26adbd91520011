/**
 * The user's own notes (`Bemærkning` / `Note` column of the assumption blocks) in the report's assumptions register
 * (issue 15, item 5): first in the Note cell, on the row of the input they belong to, followed by the generated
 * note; escaped in the HTML document; plain text (never a formula) on the `Rapport` sheet.
 */
import * as path from "node:path";
import { calculateWorkbook, prepareBaseRun } from "../../../src/app/calculate-workbook";
import type { Scenario } from "../../../src/engine/types";
import { FileWorkbook } from "../../../src/file/file-workbook";
import { buildTemplateSpec } from "../../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA } from "../../../src/workbook/layout/example-data";
import { cellA1 } from "../../../src/workbook/a1";
import { MemoryWorkbook } from "../../../src/workbook/memory-workbook";
import { RESULT_SHEETS } from "../../../src/workbook/names";
import { reportHtml } from "../../../src/workbook/render/report-html";
import {
  buildReportModel,
  registerNote,
  type ReportCell,
  type ReportModel,
  type ReportTable,
} from "../../../src/workbook/render/report-model";
import { renderReportSheet } from "../../../src/workbook/render/report-sheet";

const NOW = new Date(Date.UTC(2026, 11, 6, 8, 0));
const EXAMPLE = path.join(__dirname, "../../../examples/eksempel.xlsx");
const CTX = { lang: "da", stamp: "x", engineVersion: "x", sensitivity: null } as const;
/** Columns of the register: Input, Område, Værdi, Enhed, Oprindelse, Note, Kilde. */
const NOTE = 5;

function register(model: ReportModel): ReportTable {
  for (const s of model.sections) for (const t of s.tables) if (t.id === "assumptions") return t;
  throw new Error("no assumptions table");
}

const rowOf = (t: ReportTable, input: string): readonly ReportCell[] => {
  const r = t.rows.find((x) => x[0]?.v === input);
  if (r === undefined) throw new Error(`no register row ${input}`);
  return r;
};

async function exampleBase() {
  const base = await prepareBaseRun(await FileWorkbook.open(EXAMPLE), { now: NOW, lang: "da" });
  if (!base.ok) throw new Error("the example has input issues");
  return base;
}

describe("registerNote", () => {
  it("puts the user's note first, then the generated note after « — »; either alone when the other is empty", () => {
    expect(registerNote("Skøn fra forvaltningen", "år 2025–2027")).toBe(
      "Skøn fra forvaltningen — år 2025–2027",
    );
    expect(registerNote("Skøn", "")).toBe("Skøn");
    expect(registerNote(undefined, "år 2025–2027")).toBe("år 2025–2027");
    expect(registerNote("   ", "år 2025")).toBe("år 2025");
    expect(registerNote(undefined)).toBe("");
  });
});

describe("the user's notes in the assumptions register (the bundled example)", () => {
  it("shows each note of the example workbook on its own input's row, before the generated note", async () => {
    const base = await exampleBase();
    const reg = register(buildReportModel(base.results, base.scenario, CTX));
    // effect: no generated note, the user's note alone
    expect(rowOf(reg, "I job eller uddannelse")[NOTE]).toEqual({
      v: "Forsøgets effekt er brugt uændret, selv om målgruppen her er yngre; se følsomhedsanalysen.",
      f: "text",
    });
    // cost: the user's note, then the years 2025–2027 (Drift, D = 3, start year 2025; no price conversion: b = P)
    expect(rowOf(reg, "IPS-konsulenter (3 årsværk) (Drift, Kommune)")[NOTE]?.v).toBe(
      "3 årsværk à 600.000 kr. inkl. overhead (forvaltningens skøn). — år 2025–2027",
    );
    // a cost without a note keeps only the generated note (Opstart: year 1 only)
    expect(rowOf(reg, "Opstart: uddannelse af IPS-konsulenter (Opstart, Kommune)")[NOTE]?.v).toBe(
      "år 2025–2025",
    );
    // consequence: the note, then «the sum of Δq over 10 years» (ten non-zero years in the example)
    expect(rowOf(reg, "Skat af arbejdsindkomst (I job eller uddannelse, Efter indsats)")[NOTE]?.v).toBe(
      "Kun skat af lønindkomst; moms og afledte effekter er ikke medregnet. — værdien er summen af Δq over 10 år",
    );
    // price: on the actor row with a price (Region 2.200 kr.), no generated note (price year = price level)
    expect(rowOf(reg, "Psykiatrisk ambulant besøg, Region")[NOTE]?.v).toBe(
      "Gennemsnitlig takst pr. besøg, ikke regionens egen opgørelse.",
    );
    // exactly the four notes of the example, nowhere else
    const withUserNote = reg.rows.filter((r) =>
      /skøn\)|uændret|lønindkomst|takst pr\. besøg/.test(String(r[NOTE]?.v)),
    );
    expect(withUserNote).toHaveLength(4);
  });

  it("puts a price row's note on every actor row of that price (one row per actor with a price)", async () => {
    const base = await exampleBase();
    const s = base.scenario;
    const noted: Scenario = {
      ...s,
      prices: s.prices.map((p, i) => (i === 0 ? { ...p, note: "Satsen for 2023" } : p)),
    };
    const reg = register(buildReportModel(base.results, noted, CTX));
    expect(rowOf(reg, "Uddannelseshjælp, Kommune")[NOTE]?.v).toBe("Satsen for 2023");
    expect(rowOf(reg, "Uddannelseshjælp, Stat")[NOTE]?.v).toBe("Satsen for 2023");
    expect(reg.rows.some((r) => r[0]?.v === "Uddannelseshjælp, Region")).toBe(false); // price 0: no row
  });
});

describe("hostile notes in the two renderings", () => {
  const HOSTILE = '=HYPERLINK("http://evil.example","Klik") <script>alert(1)</script> & </td>';

  async function hostileModel(): Promise<ReportModel> {
    const base = await exampleBase();
    const s = base.scenario;
    return buildReportModel(
      base.results,
      { ...s, effects: s.effects.map((e) => ({ ...e, note: HOSTILE })) },
      CTX,
    );
  }

  it("escapes the note in the HTML document (no markup from user text)", async () => {
    const html = reportHtml(await hostileModel(), "x");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain(
      "=HYPERLINK(&quot;http://evil.example&quot;,&quot;Klik&quot;) &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/td&gt;",
    );
  });

  it("writes the note as a text value (format «@», no formula) on the Rapport sheet", async () => {
    const { sheet } = renderReportSheet(await hostileModel(), {
      now: NOW,
      lang: "da",
      engineVersion: "x",
      inputFingerprint: "som-0",
    });
    const hits = sheet.blocks.flatMap((b) =>
      b.values.flatMap((r, i) =>
        r.flatMap((v, j) =>
          v === HOSTILE
            ? [
                {
                  formula: b.formulas?.[i]?.[j] ?? null,
                  format: typeof b.numberFormat === "string" ? b.numberFormat : b.numberFormat?.[i]?.[j],
                },
              ]
            : [],
        ),
      ),
    );
    expect(hits).toEqual([{ formula: null, format: "@" }]);
  });
});

describe("the register on the Rapport sheet", () => {
  it("gives the Note and the Kilde column two merged columns each (F–G and H–I); other tables keep one source column to the edge", async () => {
    const base = await exampleBase();
    const model = buildReportModel(base.results, base.scenario, CTX);
    const { sheet } = renderReportSheet(model, {
      now: NOW,
      lang: "da",
      engineVersion: "x",
      inputFingerprint: "s",
    });
    const headerRow = sheet.blocks.find(
      (b) => b.style === "header" && b.values[0]?.[4] === "Oprindelse",
    )?.row;
    expect(headerRow).toBeDefined();
    const header = sheet.blocks.find((b) => b.row === headerRow && b.style === "header");
    expect(header?.values[0]).toEqual([
      "Input",
      "Område",
      "Værdi",
      "Enhed",
      "Oprindelse",
      "Note",
      null,
      "Kilde",
      null,
    ]);
    const r = (headerRow ?? 0) + 1;
    expect(sheet.merges).toEqual(
      expect.arrayContaining([`F${r}:G${r}`, `H${r}:I${r}`, `F${r + 1}:G${r + 1}`]),
    );
    // the costs table (section 2): its last column Kilde still spans to column I alone
    const costsHeader = sheet.blocks.find((b) => b.style === "header" && b.values[0]?.[0] === "Post");
    const width = costsHeader?.values[0]?.filter((v) => v !== null).length ?? 0;
    const row = (costsHeader?.row ?? 0) + 1;
    expect(sheet.merges).toContain(`${String.fromCharCode(64 + width)}${row}:I${row}`);
  });
});

describe("Beregn: from the note typed in the input sheet to the Rapport sheet", () => {
  it("reads the template's Bemærkning column and shows the note on the Rapport sheet as text", async () => {
    const note = '=HYPERLINK("http://evil.example","Klik")';
    const data = { ...EXAMPLE_DATA, effects: EXAMPLE_DATA.effects.map((e) => ({ ...e, note })) };
    const wb = MemoryWorkbook.fromSpec(buildTemplateSpec({ lang: "da", data }));
    const r = await calculateWorkbook(wb, { now: NOW, lang: "da" });
    expect(r.ok).toBe(true);
    // the input cell of the note, read back from the template's Bemærkning column
    expect(r.ok && r.scenario.effects[0]?.note).toBe(note);
    const grid = wb.sheetGrid(RESULT_SHEETS.report);
    const at = grid.flatMap((row, i) => row.flatMap((v, j) => (v === note ? [cellA1(i, j)] : [])));
    expect(at).toHaveLength(1);
    const info = wb.getCellInfo(RESULT_SHEETS.report, at[0] ?? "");
    expect(info).toEqual({ value: note, numberFormat: "@" });
  });
});
