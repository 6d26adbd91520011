import type { RawScenario } from "../../../src/engine/types";
import { parseRectA1, type Rect } from "../../../src/workbook/a1";
import {
  ACTOR_LIST_NAME,
  buildTemplateSpec,
  PARTICIPANT_ROWS,
} from "../../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA } from "../../../src/workbook/layout/example-data";
import { KNOWLEDGE_SHEET } from "../../../src/workbook/layout/knowledge-sheet";
import { MemoryWorkbook } from "../../../src/workbook/memory-workbook";
import {
  COLUMNS,
  CONSEQUENCE_KIND_LABELS,
  COST_KIND_LABELS,
  INPUT_NAMES,
  LEVEL_LABELS,
  MAX_CONSEQUENCE_YEARS,
  N,
  SENSITIVITY_PARAMETER_LABELS,
  type ColumnDef,
} from "../../../src/workbook/names";
import { readScenario, SCENARIO_NAMES } from "../../../src/workbook/read/read-scenario";
import type {
  Block,
  CellStyle,
  CellValue,
  NameSpec,
  SheetSpec,
  WorkbookSpec,
} from "../../../src/workbook/sheet-model";

type Lang = "da" | "en";

// ───────────── helpers reading the spec like a spreadsheet would ─────────────

/** The block that writes (row, col) last (later blocks overwrite earlier ones, as in the writers). */
function blockAt(sheet: SheetSpec, row: number, col: number): Block | undefined {
  let hit: Block | undefined;
  for (const b of sheet.blocks) {
    const r = row - b.row;
    const c = col - b.col;
    if (r >= 0 && c >= 0 && r < b.values.length && c < (b.values[r]?.length ?? 0)) hit = b;
  }
  return hit;
}
const valueAt = (sheet: SheetSpec, row: number, col: number): CellValue => {
  const b = blockAt(sheet, row, col);
  return b === undefined ? null : (b.values[row - b.row]?.[col - b.col] ?? null);
};
const formulaAt = (sheet: SheetSpec, row: number, col: number): string | null => {
  const b = blockAt(sheet, row, col);
  return b?.formulas?.[row - b.row]?.[col - b.col] ?? null;
};
const styleAt = (sheet: SheetSpec, row: number, col: number): CellStyle | undefined =>
  blockAt(sheet, row, col)?.style;
const formatAt = (sheet: SheetSpec, row: number, col: number): string | undefined => {
  const b = blockAt(sheet, row, col);
  if (b === undefined || b.numberFormat === undefined) return undefined;
  return typeof b.numberFormat === "string" ? b.numberFormat : b.numberFormat[row - b.row]?.[col - b.col];
};

function target(spec: WorkbookSpec, name: string): { sheet: SheetSpec; rect: Rect } {
  const n = spec.names.find((x) => x.name === name);
  if (n === undefined || !("sheet" in n)) throw new Error(`no range name ${name}`);
  const sheet = spec.sheets.find((s) => s.name === n.sheet);
  const rect = parseRectA1(n.ref);
  if (sheet === undefined || rect === undefined) throw new Error(`bad target of ${name}`);
  return { sheet, rect };
}

const headerRow = (spec: WorkbookSpec, name: string): CellValue[] => {
  const { sheet, rect } = target(spec, name);
  return Array.from({ length: rect.cols }, (_, c) => valueAt(sheet, rect.row, rect.col + c));
};

/** The data cells (rows below the header) of a block name, column by header. */
function dataColumn(
  spec: WorkbookSpec,
  name: string,
  headerText: string,
): { sheet: SheetSpec; ref: string; cells: [number, number][] } {
  const { sheet, rect } = target(spec, name);
  const c = headerRow(spec, name).indexOf(headerText);
  if (c < 0) throw new Error(`${name} has no column ${headerText}`);
  const cells: [number, number][] = [];
  for (let r = rect.row + 1; r < rect.row + rect.rows; r++) cells.push([r, rect.col + c]);
  const first = cells[0] ?? [0, 0];
  const last = cells[cells.length - 1] ?? [0, 0];
  const letters = (col: number): string => String.fromCharCode(65 + col);
  return { sheet, ref: `${letters(first[1])}${first[0] + 1}:${letters(last[1])}${last[0] + 1}`, cells };
}

const BLOCK_NAMES = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];
const SCALAR_NAMES = [
  N.intervention,
  N.targetGroup,
  N.startYear,
  N.horizon,
  N.priceLevel,
  N.discountRate,
  N.operatingPeriod,
  N.gridResult,
];

describe.each<Lang>(["da", "en"])("the blank template (%s)", (lang) => {
  const spec = buildTemplateSpec(lang);
  const h = (cols: readonly ColumnDef[]): string[] => cols.map((c) => c[lang]);

  it("defines every input name of the contract exactly once, on one of its sheets", () => {
    const names = spec.names.map((n) => n.name);
    for (const name of INPUT_NAMES) expect(names.filter((n) => n === name)).toHaveLength(1);
    for (const n of spec.names)
      expect(spec.sheets.map((s) => s.name)).toContain((n as Extract<NameSpec, { sheet: string }>).sheet);
  });

  it("points each scalar name at a single input cell", () => {
    for (const name of SCALAR_NAMES) {
      const { sheet, rect } = target(spec, name);
      expect([name, rect.rows, rect.cols]).toEqual([name, 1, 1]);
      // "inputText": an input cell whose text wraps (issue 15, print setup of the input pages)
      expect([name, ["input", "inputText"].includes(String(styleAt(sheet, rect.row, rect.col)))]).toEqual([
        name,
        true,
      ]);
    }
  });

  it("points each block name at a header row holding the contract's headers, then input rows", () => {
    for (const name of BLOCK_NAMES) {
      const headers = headerRow(spec, name);
      expect(headers).toEqual(expect.arrayContaining(h(COLUMNS[name])));
      const { sheet, rect } = target(spec, name);
      expect(rect.rows).toBeGreaterThan(1);
      for (let r = rect.row + 1; r < rect.row + rect.rows; r++)
        for (let c = rect.col; c < rect.col + rect.cols; c++)
          expect([name, r, c, ["input", "inputText"].includes(String(styleAt(sheet, r, c)))]).toEqual([
            name,
            r,
            c,
            true,
          ]);
    }
  });

  it("has År 1 … År 20 in the consequence block and one price column per default actor", () => {
    const years = Array.from({ length: MAX_CONSEQUENCE_YEARS }, (_, j) =>
      lang === "da" ? `År ${j + 1}` : `Year ${j + 1}`,
    );
    expect(headerRow(spec, N.consequences)).toEqual(expect.arrayContaining(years));
    const actors = LEVEL_LABELS.filter((l) => l.level !== "Andet").map((l) => l[lang]);
    expect(headerRow(spec, N.prices)).toEqual(expect.arrayContaining(actors));
    expect(
      dataColumn(spec, N.actors, COLUMNS[N.actors][0][lang])
        .cells.slice(0, 3)
        .map(([r, c]) => valueAt(target(spec, N.actors).sheet, r, c)),
    ).toEqual(actors);
  });

  it("has a Kilde (Source) column in every block where numbers are typed", () => {
    const source = COLUMNS[N.effects][2][lang];
    for (const name of [N.priceIndex, N.participants, N.effects, N.costs, N.consequences, N.prices])
      expect([name, headerRow(spec, name)]).toEqual([name, expect.arrayContaining([source])]);
  });

  it("fills SOM_Prisindeks with the shipped nettoprisindeks, each year's Kilde saying the mean is ours", () => {
    const { sheet, rect } = target(spec, N.priceIndex);
    const rows = Array.from({ length: 9 }, (_, i) =>
      [0, 1, 2].map((c) => valueAt(sheet, rect.row + 1 + i, rect.col + c)),
    );
    expect(rows.map((r) => r[0])).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    // 2016: (99,5 + 100,4 + 100,4 + 100,6 + 100,7 + 100,8 + 100,8 + 100,5 + 100,4 + 100,7 + 100,5 + 100,5) / 12
    expect(rows[1]?.[1]).toBeCloseTo(1205.8 / 12, 12);
    for (const r of rows) {
      expect(String(r[2])).toContain("Danmarks Statistik");
      expect(String(r[2])).toContain(
        lang === "da" ? "beregnet af SØM for Excel" : "computed by SØM for Excel",
      );
      expect(String(r[2])).toContain("https://www.dst.dk/");
    }
    // The example (data given, no index) keeps its own empty index.
    const ex = buildTemplateSpec({ lang, data: EXAMPLE_DATA });
    const e = target(ex, N.priceIndex);
    expect(valueAt(e.sheet, e.rect.row + 1, e.rect.col)).toBeNull();
  });

  it("leaves spare blank rows inside each input block for the user to type into", () => {
    for (const name of [N.actors, N.effects, N.costs, N.consequences, N.prices, N.priceIndex]) {
      const { sheet, rect } = target(spec, name);
      const last = rect.row + rect.rows - 1;
      const blankLast = Array.from({ length: rect.cols }, (_, c) => valueAt(sheet, last, rect.col + c)).every(
        (v) => v === null,
      );
      expect([name, blankLast]).toEqual([name, true]);
    }
    const p = target(spec, N.participants);
    expect(p.rect.rows).toBe(PARTICIPANT_ROWS + 1);
    expect(valueAt(p.sheet, p.rect.row + PARTICIPANT_ROWS, p.rect.col)).toBe(30);
  });

  it("offers drop-down lists for cost kinds, consequence kinds, levels and actors on the data rows", () => {
    const list = (name: string, col: ColumnDef) => {
      const d = dataColumn(spec, name, col[lang]);
      return d.sheet.validations?.find((v) => v.ref === d.ref)?.list;
    };
    expect(list(N.costs, COLUMNS[N.costs][1])).toEqual(COST_KIND_LABELS.map((k) => k[lang]));
    expect(list(N.consequences, COLUMNS[N.consequences][3])).toEqual(
      CONSEQUENCE_KIND_LABELS.map((k) => k[lang]),
    );
    expect(list(N.actors, COLUMNS[N.actors][1])).toEqual(LEVEL_LABELS.map((k) => k[lang]));
    expect(list(N.costs, COLUMNS[N.costs][2])).toBe(`=${ACTOR_LIST_NAME}`);
    expect(list(N.sensitivity, COLUMNS[N.sensitivity][0])).toEqual(
      SENSITIVITY_PARAMETER_LABELS.map((p) => p[lang]),
    );
  });

  it("defines the actor list helper name over exactly the actor names below the Aktør header", () => {
    const helper = spec.names.find((n) => n.name === ACTOR_LIST_NAME);
    const d = dataColumn(spec, N.actors, COLUMNS[N.actors][0][lang]);
    expect(helper).toMatchObject({ sheet: d.sheet.name, ref: d.ref });
  });

  it("fills the documented defaults: horizon 10, discount rate 3,5 % citing Finansministeriet, start year blank", () => {
    const scalar = (name: string): [SheetSpec, number, number] => {
      const t = target(spec, name);
      return [t.sheet, t.rect.row, t.rect.col];
    };
    expect(valueAt(...scalar(N.horizon))).toBe(10);
    expect(valueAt(...scalar(N.discountRate))).toBe(0.035);
    expect(formatAt(...scalar(N.discountRate))).toBe("0.0%");
    const [s, r, c] = scalar(N.discountRate);
    expect(String(valueAt(s, r, c + 1))).toMatch(lang === "da" ? /Finansministeriet/ : /Ministry of Finance/);
    expect(valueAt(...scalar(N.startYear))).toBeNull();
  });

  it("sets the sensitivity defaults and the grid axes 0 %…50 % and −50 %…+50 %", () => {
    const { sheet, rect } = target(spec, N.sensitivity);
    const rows = Array.from({ length: rect.rows - 1 }, (_, i) =>
      [0, 1, 2].map((c) => valueAt(sheet, rect.row + 1 + i, rect.col + c)),
    );
    const label = (k: string) => SENSITIVITY_PARAMETER_LABELS.find((p) => p.key === k)?.[lang];
    expect(rows).toEqual([
      [label("successRate"), 0, 0], // no effect yet: 50 % and 150 % of 0
      [label("consequences"), -0.25, 0.25],
      [label("costs"), -0.25, 0.25],
      [label("prices"), -0.1, 0.1],
      [label("participants"), -0.25, 0.25],
      [label("horizon"), 5, 15],
    ]);
    expect(formulaAt(sheet, rect.row + 1, rect.col + 1)).toMatch(
      /^=MIN\(1,MAX\(0,0\.5\*INDEX\(SOM_Effekter,2,MATCH\(/,
    );
    expect(formulaAt(sheet, rect.row + 1, rect.col + 2)).toMatch(
      /^=MIN\(1,MAX\(0,1\.5\*INDEX\(SOM_Effekter,2,MATCH\(/,
    );
    const axis = (name: string) => {
      const t = target(spec, name);
      return Array.from({ length: t.rect.rows }, (_, i) => valueAt(t.sheet, t.rect.row + i, t.rect.col));
    };
    // Success-rate axis: k/5 × the first effect's rate (0 %, 20 %, … 200 % of it), capped at 100 %, as formulas;
    // the template has no effect yet, so every cached value is 0, and factor 1 (the base case) is the 6th value.
    expect(axis(N.gridX)).toEqual([label("successRate"), ...new Array(11).fill(0)]);
    const gx = target(spec, N.gridX);
    expect(formulaAt(gx.sheet, gx.rect.row + 6, gx.rect.col)).toMatch(
      /^=MIN\(1,MAX\(0,1\*INDEX\(SOM_Effekter,2,MATCH\(/,
    );
    expect(formulaAt(gx.sheet, gx.rect.row + 11, gx.rect.col)).toMatch(
      /^=MIN\(1,MAX\(0,2\*INDEX\(SOM_Effekter,2,MATCH\(/,
    );
    expect(axis(N.gridY)).toEqual([
      label("consequences"),
      -0.5,
      -0.4,
      -0.3,
      -0.2,
      -0.1,
      0,
      0.1,
      0.2,
      0.3,
      0.4,
      0.5,
    ]);
    const g = target(spec, N.gridResult);
    expect(valueAt(g.sheet, g.rect.row, g.rect.col)).toBe(
      lang === "da" ? "Nettoresultat Kommune" : "Net result Municipality",
    );
  });

  it("has a title and guidance text on every sheet, in the original tool's order, the knowledge sheet last", () => {
    expect(spec.sheets.slice(0, 10).map((s) => s.name)).toEqual(
      lang === "da"
        ? [
            "Forside",
            "Indstillinger",
            "Indsats",
            "Effekt",
            "Omkostninger",
            "Konsekvenser",
            "Priser",
            "Følsomhed",
            "Usikkerhed",
            "Opfølgning",
          ]
        : [
            "Front page",
            "Settings",
            "Intervention",
            "Effect",
            "Costs",
            "Consequences",
            "Prices",
            "Sensitivity",
            "Uncertainty",
            "Follow-up",
          ],
    );
    expect(spec.sheets.slice(10).map((s) => s.name)).toEqual([KNOWLEDGE_SHEET[lang]]);
    for (const s of spec.sheets) {
      expect([s.name, styleAt(s, 0, 0)]).toEqual([s.name, "title"]);
      const texts = s.blocks
        .filter((b) => b.style === "guidance" || b.style === "note")
        .flatMap((b) => b.values.flat());
      expect([s.name, texts.some((t) => typeof t === "string" && t.length > 40)]).toEqual([s.name, true]);
    }
  });

  it("shows the results status on the front page without failing before the first run", () => {
    const front = spec.sheets[0] as SheetSpec;
    const cell = front.blocks.find((b) => b.formulas?.[0]?.[0]?.includes("SOM_Status"));
    expect(cell?.formulas?.[0]?.[0]).toBe(
      lang === "da"
        ? '=IFERROR(SOM_Status,"Ikke beregnet endnu")'
        : '=IFERROR(SOM_Status,"Not calculated yet")',
    );
    expect(cell?.values[0]?.[0]).toBe(lang === "da" ? "Ikke beregnet endnu" : "Not calculated yet");
  });

  it("uses invariant number formats on the amount, share and year columns", () => {
    const fmt = (name: string, col: ColumnDef) => {
      const d = dataColumn(spec, name, col[lang]);
      const [r, c] = d.cells[0] ?? [0, 0];
      return formatAt(d.sheet, r, c);
    };
    expect(fmt(N.costs, COLUMNS[N.costs][3])).toBe("#,##0");
    expect(fmt(N.effects, COLUMNS[N.effects][1])).toBe("0.0%");
    expect(fmt(N.costs, COLUMNS[N.costs][4])).toBe("0");
  });
});

describe("buildTemplateSpec", () => {
  it("is deterministic and accepts both call forms", () => {
    expect(JSON.stringify(buildTemplateSpec("da"))).toBe(JSON.stringify(buildTemplateSpec({ lang: "da" })));
    expect(JSON.stringify(buildTemplateSpec())).toBe(JSON.stringify(buildTemplateSpec("da")));
    const withMaps = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v] : v));
    expect(withMaps(buildTemplateSpec("en", EXAMPLE_DATA))).toBe(
      withMaps(buildTemplateSpec({ lang: "en", data: EXAMPLE_DATA })),
    );
  });

  it("writes filled data that the workbook reader reads back unchanged (Danish and English)", async () => {
    for (const lang of ["da", "en"] as const) {
      const wb = MemoryWorkbook.fromSpec(buildTemplateSpec({ lang, data: EXAMPLE_DATA }));
      const read = readScenario(await wb.readNames(SCENARIO_NAMES));
      expect(read.issues).toEqual([]);
      const raw: RawScenario = read.raw;
      expect(raw.intervention).toBe(EXAMPLE_DATA.intervention);
      expect(raw.targetGroup).toBe(EXAMPLE_DATA.targetGroup);
      expect(raw.settings).toEqual(EXAMPLE_DATA.settings);
      expect(raw.actors).toEqual(EXAMPLE_DATA.actors);
      expect(raw.effects).toEqual(EXAMPLE_DATA.effects);
      expect(raw.costs).toEqual(EXAMPLE_DATA.costs);
      expect(raw.prices).toEqual(EXAMPLE_DATA.prices);
      expect(raw.priceIndex).toEqual([]);
      // Δq beyond the given years are blank cells (read as absent); kinds come back as engine codes.
      expect(
        raw.consequences.map((k) => ({ ...k, deltaByYear: k.deltaByYear.filter((x) => x !== undefined) })),
      ).toEqual(EXAMPLE_DATA.consequences);
      expect(raw.participants.slice(0, 3)).toEqual(EXAMPLE_DATA.participants);
      expect(raw.participants.slice(3).every((p) => p.count === undefined)).toBe(true);
    }
  });

  it("writes kinds and levels as labels of the template's language, and unknown text unchanged", () => {
    const data: RawScenario = {
      ...EXAMPLE_DATA,
      actors: [{ name: "Jobcenter", level: "Kommune" }],
      costs: [
        { item: "a", kind: "PrDeltager", actor: "Jobcenter", amountKr: 1 },
        { item: "b", kind: "Sparet", actor: "Jobcenter", amountKr: 1 },
        { item: "c", kind: "Ukendt art", actor: "Jobcenter", amountKr: 1 },
      ],
    };
    const en = buildTemplateSpec("en", data);
    const kinds = dataColumn(en, N.costs, "Kind");
    expect(kinds.cells.slice(0, 3).map(([r, c]) => valueAt(kinds.sheet, r, c))).toEqual([
      "Per participant",
      "Saved",
      "Ukendt art",
    ]);
    const levels = dataColumn(en, N.actors, "Level");
    expect(levels.cells.slice(0, 1).map(([r, c]) => valueAt(levels.sheet, r, c))).toEqual(["Municipality"]);
    expect(headerRow(en, N.prices)).toContain("Jobcenter");
  });

  it("caps the default success-rate sensitivity at 100 % and shows it as 50 % and 150 % of the first effect", () => {
    const high = buildTemplateSpec("da", { ...EXAMPLE_DATA, effects: [{ name: "x", successRate: 0.8 }] });
    const { sheet, rect } = target(high, N.sensitivity);
    expect([valueAt(sheet, rect.row + 1, rect.col + 1), valueAt(sheet, rect.row + 1, rect.col + 2)]).toEqual([
      0.4, 1,
    ]);
    const ex = buildTemplateSpec("da", EXAMPLE_DATA);
    const t = target(ex, N.sensitivity);
    // 0,126 × 0,5 = 0,063 and 0,126 × 1,5 = 0,189
    expect(valueAt(t.sheet, t.rect.row + 1, t.rect.col + 1)).toBeCloseTo(0.063, 12);
    expect(valueAt(t.sheet, t.rect.row + 1, t.rect.col + 2)).toBeCloseTo(0.189, 12);
  });

  it("sets the default horizon variants to the data's F ± 5 within 1–30", () => {
    const short = buildTemplateSpec("da", {
      ...EXAMPLE_DATA,
      settings: { ...EXAMPLE_DATA.settings, horizon: 3 },
    });
    const { sheet, rect } = target(short, N.sensitivity);
    const row = rect.row + 6; // the sixth parameter row: Tidshorisont
    expect(valueAt(sheet, row, rect.col)).toBe("Tidshorisont");
    // F = 3: low max(1, 3 − 5) = 1, high min(30, 3 + 5) = 8, as plain input values
    expect([valueAt(sheet, row, rect.col + 1), valueAt(sheet, row, rect.col + 2)]).toEqual([1, 8]);
    expect([formulaAt(sheet, row, rect.col + 1), formulaAt(sheet, row, rect.col + 2)]).toEqual([null, null]);
    const long = buildTemplateSpec("da", {
      ...EXAMPLE_DATA,
      settings: { ...EXAMPLE_DATA.settings, horizon: 28 },
    });
    const t = target(long, N.sensitivity);
    expect([
      valueAt(t.sheet, t.rect.row + 6, t.rect.col + 1),
      valueAt(t.sheet, t.rect.row + 6, t.rect.col + 2),
    ]).toEqual([23, 30]);
  });

  it("grows a block beyond its default size when the data has more rows, keeping spare rows", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      item: `Post ${i + 1}`,
      kind: "Drift",
      actor: "Kommune",
      amountKr: i,
    }));
    const spec = buildTemplateSpec("da", { ...EXAMPLE_DATA, costs: many });
    expect(target(spec, N.costs).rect.rows).toBe(1 + 30 + 5);
  });
});
