import { runnerFor, viaOfficeJs } from "../support/adapter-host";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { OfficeWriteError, describeOfficeError } from "../../src/excel/office-errors";
import {
  createFakeExcel,
  fakeWorkbook,
  findSheet,
  getCell,
  PAYLOAD_LIMIT_BYTES,
  type FakeWorkbookSeed,
} from "../support/fake-excel";
import type { CellValue, SheetSpec, WorkbookSpec } from "../../src/workbook/sheet-model";

function setup(seed: FakeWorkbookSeed = {}, apiVersion = "1.18") {
  const fake = createFakeExcel(fakeWorkbook(seed), { apiVersion });
  const wb = new OfficeWorkbook(runnerFor(fake), {
    isSetSupported: (v) => fake.isSetSupported("ExcelApi", v),
  });
  return { fake, wb };
}

const INPUT_SEED: FakeWorkbookSeed = {
  sheets: {
    Indstillinger: [
      ["Startår", 2025],
      ["Tidshorisont", 10],
    ],
    Indsats: [["Indsats", "Mentor"]],
  },
  names: {
    SOM_Startaar: "=Indstillinger!$B$1",
    SOM_Tidshorisont: "=Indstillinger!$B$2",
    SOM_Indsats: "=Indsats!$B$1",
  },
};

/** A result sheet like the renderer's: title, a table with header/labels/numbers, a formula, a chart. */
function resultSheet(overrides: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name: "Resultater",
    role: "result",
    columnWidths: [28, 14, 14],
    freeze: { rows: 3, cols: 1 },
    tabColor: "0f6c74",
    blocks: [
      { row: 0, col: 0, values: [["SØM – resultater"]], style: "title" },
      {
        row: 2,
        col: 0,
        values: [
          ["Aktør", "2025", "2026"],
          ["Kommune", -100000, 25000.5],
          ["=cmd|' /C calc'!A0", 1, 2],
          ["-Stat", 3, 4],
        ],
        numberFormat: [
          ["@", "@", "@"],
          ["General", "#,##0", "#,##0"],
          ["General", "#,##0", "#,##0"],
          ["General", "#,##0", "#,##0"],
        ],
        style: "output",
      },
      {
        row: 7,
        col: 0,
        values: [["I alt", null]],
        formulas: [[null, "=SUM(B4:B6)"]],
        numberFormat: "#,##0",
        style: "total",
      },
    ],
    conditionalFormats: [{ ref: "B4:C6", formula: "=B4<0", style: "warning" }],
    charts: [
      {
        kind: "line",
        title: "Kumuleret nettoresultat",
        categories: "B3:C3",
        series: [{ name: "Kommune", ref: "B4:C4" }],
        anchor: "E3",
        widthCols: 6,
        heightRows: 12,
      },
    ],
    ...overrides,
  };
}

const META: SheetSpec = {
  name: "_som_meta",
  role: "meta",
  visibility: "veryHidden",
  blocks: [
    {
      row: 0,
      col: 0,
      values: [
        ["EjedeArk", "Resultater"],
        ["Motor", "0.1.0"],
      ],
    },
  ],
};

const SPEC: WorkbookSpec = {
  sheets: [META, resultSheet()],
  names: [
    { name: "SOM_Meta_EjedeArk", sheet: "_som_meta", ref: "B1" },
    { name: "SOM_Netto_Kommune", sheet: "Resultater", ref: "B4:C4", comment: "Nettoresultat pr. år" },
    { name: "SOM_Version", constant: "0.1.0" },
  ],
};

const snapshot = (fake: ReturnType<typeof setup>["fake"]): unknown =>
  JSON.stringify({
    sheets: fake.model.sheets.map((s) => ({ ...s, cells: [...s.cells], columnWidths: [...s.columnWidths] })),
    names: [...fake.model.names],
  });

describe("OfficeWorkbook.writeSheets", () => {
  it("writes a normal result spec in 3 syncs (2 preflight + 1 write) ending with one recalculation", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    await wb.writeSheets(SPEC);
    // 3 syncs, but 2 requests: the second preflight sync has nothing to ask for a new sheet, and Office.js
    // sends no request for an empty sync
    expect(fake.stats.syncs).toBe(2);
    // one write request: nothing to suspend; it ends with calculate("Recalculate")
    expect(fake.stats.calcSuspendedSyncs).toBe(0);
    expect(fake.stats.calculations).toBe(1);
    expect(wb.lastWrite()).toMatchObject({ syncs: 3, writeRequests: 1, skipped: [] });
    // one 2-D assignment per block, and no more
    expect(fake.stats.writes).toBe(4);
    expect(fake.stats.writtenRanges.map((r) => `${r.sheet}!${r.address}`)).toEqual([
      "Resultater!A1",
      "Resultater!A3:C6",
      "Resultater!A8:B8",
      "_som_meta!A1:B2",
    ]);
  });

  it("writes values, formulas and number formats cell by cell as the spec says", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    await wb.writeSheets(SPEC);
    const m = fake.model;
    expect(getCell(m, "Resultater", "A1")?.value).toBe("SØM – resultater");
    expect(getCell(m, "Resultater", "B3")).toMatchObject({ value: "2025", numberFormat: "@" });
    expect(getCell(m, "Resultater", "B4")).toMatchObject({ value: -100000, numberFormat: "#,##0" });
    expect(getCell(m, "Resultater", "C4")?.value).toBe(25000.5);
    expect(getCell(m, "Resultater", "B8")).toMatchObject({ formula: "=SUM(B4:B6)", numberFormat: "#,##0" });
    expect(getCell(m, "Resultater", "A8")?.value).toBe("I alt");
    expect(getCell(m, "Resultater", "A8")?.formula).toBeUndefined();
  });

  it('writes user text such as "=cmd|\' /C calc\'!A0" and "-Stat" as text, never as formulas', async () => {
    const { fake, wb } = setup(INPUT_SEED);
    await wb.writeSheets(SPEC);
    const a5 = getCell(fake.model, "Resultater", "A5");
    expect(a5?.value).toBe("=cmd|' /C calc'!A0");
    expect(a5?.formula).toBeUndefined();
    const a6 = getCell(fake.model, "Resultater", "A6");
    expect(a6?.value).toBe("-Stat");
    expect(a6?.formula).toBeUndefined();
  });

  it("applies styles with one format assignment per block, and sheet settings", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    await wb.writeSheets(SPEC);
    // one `format.set` per block (3); the real client sends each as one SetProperty per scalar, same request
    if (!viaOfficeJs()) expect(fake.stats.ops.filter((o) => o === "RangeFormat.set")).toHaveLength(3);
    expect(getCell(fake.model, "Resultater", "A1")?.format).toMatchObject({ font: { bold: true } });
    const s = findSheet(fake.model, "Resultater");
    expect(s?.freeze).toEqual({ rows: 3, cols: 1 });
    expect(s?.tabColor).toBe("#0F6C74");
    expect(s?.columnWidths.get(0)).toBeCloseTo((28 * 7 + 5) * 0.75);
    expect(s?.conditionalFormats).toEqual([
      {
        rect: { row: 3, col: 1, rows: 3, cols: 2 },
        type: "Custom",
        detail: { "rule.formula": "=B4<0", "fill.color": "#FFC7CE", "font.color": "#9C0006" },
      },
    ]);
    expect(s?.charts).toEqual([
      {
        name: "Diagram 1",
        type: "Line",
        source: "Resultater!B4:C4",
        title: "Kumuleret nettoresultat",
        series: [{ name: "Kommune", values: "Resultater!B4:C4", xValues: "Resultater!B3:C3" }],
        position: ["E3", "J14"],
      },
    ]);
  });

  it("writes the ownership markers: the very hidden meta sheet and the names, as the spec says", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    await wb.writeSheets(SPEC);
    expect(findSheet(fake.model, "_som_meta")?.visibility).toBe("VeryHidden");
    expect(getCell(fake.model, "_som_meta", "B1")?.value).toBe("Resultater");
    expect(fake.model.names.get("som_meta_ejedeark")).toEqual({
      name: "SOM_Meta_EjedeArk",
      formula: "=_som_meta!$B$1",
      comment: "",
    });
    expect(fake.model.names.get("som_netto_kommune")).toEqual({
      name: "SOM_Netto_Kommune",
      formula: "=Resultater!$B$4:$C$4",
      comment: "Nettoresultat pr. år",
    });
    expect(fake.model.names.get("som_version")?.formula).toBe('="0.1.0"');
    // and they read back through the port
    const back = await wb.readNames(["SOM_Meta_EjedeArk", "SOM_Version"]);
    expect(back.get("som_meta_ejedeark")).toMatchObject({ kind: "range", values: [["Resultater"]] });
    expect(back.get("som_version")).toEqual({ kind: "constant", name: "SOM_Version", value: "0.1.0" });
  });

  it("never writes input sheets when writing results, and refuses a result sheet that holds input ranges", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    await wb.readNames(["SOM_Startaar", "SOM_Tidshorisont", "SOM_Indsats"]);
    const before = JSON.stringify([...findSheet(fake.model, "Indstillinger")!.cells]);
    await wb.writeSheets(SPEC);
    expect(fake.stats.writtenRanges.every((r) => r.sheet === "Resultater" || r.sheet === "_som_meta")).toBe(
      true,
    );
    expect(JSON.stringify([...findSheet(fake.model, "Indstillinger")!.cells])).toBe(before);

    fake.resetStats();
    const bad: WorkbookSpec = { sheets: [resultSheet({ name: "Indstillinger" })], names: [] };
    await expect(wb.writeSheets(bad)).rejects.toMatchObject({
      code: "InputOverwrite",
      sheets: ["Indstillinger"],
      partial: false,
    });
    expect(fake.stats.syncs).toBe(0);
  });

  it("replaces an existing result sheet in place: old cells, charts and formats are gone, names are updated", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    await wb.writeSheets(SPEC);
    const second: WorkbookSpec = {
      sheets: [
        resultSheet({
          blocks: [{ row: 0, col: 0, values: [["Ny"]] }],
          charts: [],
          conditionalFormats: [],
          freeze: { rows: 0, cols: 0 },
        }),
        META,
      ],
      names: [{ name: "SOM_Netto_Kommune", sheet: "Resultater", ref: "A1" }],
    };
    fake.resetStats();
    await wb.writeSheets(second);
    expect(fake.stats.syncs).toBe(3);
    const s = findSheet(fake.model, "Resultater")!;
    expect([...s.cells.values()].map((c) => c.value)).toEqual(["Ny"]);
    expect(s.charts).toEqual([]);
    expect(s.conditionalFormats).toEqual([]);
    expect(s.freeze).toBeUndefined();
    expect(fake.model.names.get("som_netto_kommune")?.formula).toBe("=Resultater!$A$1");
    expect(fake.model.sheets.filter((x) => x.name === "Resultater")).toHaveLength(1);
  });

  it("chunks a 200×200 grid into row slices under the payload budget, each one 2-D assignment", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    const grid: CellValue[][] = Array.from({ length: 200 }, (_, r) =>
      Array.from({ length: 200 }, (_, c) => r * 1000 + c + 0.123456789),
    );
    await wb.writeSheets({
      sheets: [
        {
          name: "Følsomhedsresultater",
          role: "result",
          blocks: [{ row: 1, col: 1, values: grid, numberFormat: "#,##0" }],
        },
      ],
      names: [],
    });
    const writes = fake.stats.writtenRanges;
    // 100 rows × 200 cols = 20,000 cells each; the real client then cuts every assignment of more than 1,500
    // cells into row slices of its own (8 rows × 200 here), all in the same request
    if (!viaOfficeJs()) expect(writes.map((w) => w.address)).toEqual(["B2:GS101", "B102:GS201"]);
    else expect(writes.map((w) => w.address)).toContain("B98:GS101");
    expect(writes.every((w) => w.cells <= 20_000)).toBe(true);
    expect(fake.stats.syncs).toBe(1 + 2); // 1 preflight request (new sheet: the 2nd has nothing to ask) + 2 writes
    // calculation suspended in the first write request; the last recalculates
    expect(fake.stats.calcSuspendedSyncs).toBe(1);
    expect(fake.stats.calculations).toBe(1);
    expect(Math.max(...fake.stats.requestBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(getCell(fake.model, "Følsomhedsresultater", "GS201")?.value).toBe(199 * 1000 + 199 + 0.123456789);
  });

  it("formulas written with calculation suspended are recalculated: the write ends with calculate (issue 12, item 9)", async () => {
    // Office.js: after suspendApiCalculationUntilNextSync "it is the developer's responsibility to re-calc the
    // workbook"; the fake leaves formulas of a suspended request uncalculated, as Excel does
    const { fake, wb } = setup(INPUT_SEED, "1.18");
    const small = new OfficeWorkbook(runnerFor(fake), {
      maxCellsPerRequest: 10,
      isSetSupported: (v) => fake.isSetSupported("ExcelApi", v),
    });
    const numbers: CellValue[][] = Array.from({ length: 5 }, (_, i) => [i, i, i, i, i]);
    await small.writeSheets({
      sheets: [
        {
          name: "Resultater",
          role: "result",
          blocks: [
            // first request (suspended): a formula on an input cell
            { row: 0, col: 0, values: [[null]], formulas: [["=Indstillinger!B2"]] },
            { row: 1, col: 0, values: numbers },
          ],
        },
      ],
      names: [],
    });
    expect(wb.lastWrite()).toBeUndefined();
    expect(small.lastWrite()?.writeRequests).toBeGreaterThan(1);
    expect(getCell(fake.model, "Resultater", "A1")?.value).toBe(10);
    expect(fake.stats.calculations).toBe(1);
    expect(fake.stats.ops[fake.stats.ops.length - 1]).toBe("Application.calculate");
  });

  it("keeps requests under Excel on the web's 5 MB limit for a large grid of long texts", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    const text = "x".repeat(200);
    const grid: CellValue[][] = Array.from({ length: 1000 }, () => Array.from({ length: 40 }, () => text));
    await wb.writeSheets({
      sheets: [{ name: "Tekst", role: "result", blocks: [{ row: 0, col: 0, values: grid }] }],
      names: [],
    });
    expect(Math.max(...fake.stats.requestBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(fake.stats.cellsWritten).toBe(40_000);
    expect(fake.stats.syncs).toBeGreaterThan(3);
  });

  it("the fake really enforces the 5 MB limit (so the test above can fail)", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    const big = new OfficeWorkbook((b) => fake.run(b), {
      maxCellsPerRequest: 1e9,
      maxBytesPerRequest: 1e9,
      isSetSupported: () => true,
    });
    const grid: CellValue[][] = Array.from({ length: 1000 }, () =>
      Array.from({ length: 40 }, () => "y".repeat(200)),
    );
    void wb;
    await expect(
      big.writeSheets({
        sheets: [{ name: "Tekst", role: "result", blocks: [{ row: 0, col: 0, values: grid }] }],
        names: [],
      }),
    ).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
  });

  it("skips drop-down lists and notes on hosts without the API, and says so", async () => {
    const sheet = resultSheet({
      validations: [{ ref: "A4:A6", list: ["Kommune", "Region", "Stat"], prompt: "Vælg niveau" }],
      notes: [{ ref: "A1", text: "Beregnet af SØM" }],
    });
    const old = setup(INPUT_SEED, "1.7");
    await old.wb.writeSheets({ sheets: [sheet], names: [] });
    expect(old.wb.lastWrite()?.skipped).toEqual(["drop-down lists (ExcelApi 1.8)", "notes (ExcelApi 1.18)"]);
    expect(findSheet(old.fake.model, "Resultater")?.validations).toEqual([]);

    const recent = setup(INPUT_SEED, "1.18");
    await recent.wb.writeSheets({ sheets: [sheet], names: [] });
    const s = findSheet(recent.fake.model, "Resultater")!;
    expect(s.validations).toEqual([
      {
        rect: { row: 3, col: 0, rows: 3, cols: 1 },
        rule: { list: { inCellDropDown: true, source: "Kommune,Region,Stat" } },
        prompt: { showPrompt: true, message: "Vælg niveau", title: "" },
      },
    ]);
    if (viaOfficeJs()) {
      // npm @microsoft/office-js 1.1.110 has no Worksheet.notes: the adapter skips notes and says so
      expect(recent.wb.lastWrite()?.skipped).toEqual(["notes (ExcelApi 1.18)"]);
      expect(s.notes).toEqual([]);
    } else expect(s.notes).toEqual([{ address: "A1", text: "Beregnet af SØM" }]);
  });
});

describe("print setup of input pages (issue 15, item 2)", () => {
  const print = {
    orientation: "landscape" as const,
    titleRows: { first: 5, last: 5 },
    titleColumns: { first: 0, last: 1 },
    pagesWide: 3,
    header: "Konsekvenser",
    footer: "SØM for Excel – inddata",
    lang: "da" as const,
  };
  const inputPage: SheetSpec = {
    name: "Konsekvenser",
    role: "input",
    blocks: [{ row: 0, col: 0, values: [["Konsekvenser"]], style: "title" }],
    print,
  };

  it("[D] is left out silently on a host without ExcelApi 1.9 (no notice), while the result sheets' is announced", async () => {
    const old = setup({}, "1.8");
    await old.wb.writeSheets({ sheets: [inputPage], names: [] });
    expect(old.wb.lastWrite()?.skipped).toEqual([]);
    expect(findSheet(old.fake.model, "Konsekvenser")?.pageLayout).toBeUndefined();

    const both = setup({}, "1.8");
    await both.wb.writeSheets({ sheets: [inputPage, resultSheet({ print: { ...print, header: "R" } })], names: [] });
    expect(both.wb.lastWrite()?.skipped).toEqual(["print setup (ExcelApi 1.9)"]);
  });

  it("is applied where the host has it: pages wide and the repeated title columns", async () => {
    if (viaOfficeJs()) return; // the npm office-js client may lack Worksheet.pageLayout
    const recent = setup({}, "1.9");
    await recent.wb.writeSheets({ sheets: [inputPage], names: [] });
    const layout = findSheet(recent.fake.model, "Konsekvenser")?.pageLayout;
    expect(layout).toMatchObject({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 3, verticalFitToPages: 0 },
      printTitleRows: "$6:$6",
      printTitleColumns: "$A:$B",
      centerHeader: "&BKonsekvenser",
      rightFooter: "Side &P af &N",
    });
  });
});

describe("a failed write leaves the workbook as it was", () => {
  it("rejects an invalid spec before any Office call", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    const before = snapshot(fake);
    const bad: WorkbookSpec = {
      sheets: [
        resultSheet({ name: "Resultater: 2025/26" }),
        resultSheet({ name: "Ok", blocks: [{ row: 0, col: 0, values: [[1, 2], [3]] }] }),
      ],
      names: [{ name: "CO2", constant: 1 }],
    };
    const err = await wb.writeSheets(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeWriteError);
    expect((err as OfficeWriteError).code).toBe("InvalidSpec");
    expect(String((err as OfficeWriteError).cause)).toMatch(
      /contains one of.*rows have different lengths.*looks like a cell reference/s,
    );
    expect(fake.stats.syncs).toBe(0);
    expect(snapshot(fake)).toBe(before);
  });

  it("stops on a protected result sheet before writing anything", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    await wb.writeSheets(SPEC);
    findSheet(fake.model, "Resultater")!.protected = true;
    const before = snapshot(fake);
    const err = await wb.writeSheets(SPEC).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "SheetProtected", sheets: ["Resultater"], partial: false });
    expect(snapshot(fake)).toBe(before);
    expect(describeOfficeError(err).da).toMatch(/beskyttet.*Intet er ændret/);
  });

  it("stops before writing when the workbook's structure is protected and a sheet must be added (issue 12, item 6)", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    fake.model.structureProtected = true;
    const before = fake.model.sheets.map((s) => s.name);
    const err = await wb.writeSheets(SPEC).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeWriteError);
    expect(err).toMatchObject({ code: "WorkbookProtected", partial: false });
    expect(describeOfficeError(err).da).toMatch(/Projektmappens struktur er beskyttet.*Intet er ændret/);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(before);
    expect(fake.stats.writes).toBe(0);
  });

  it("changes nothing when the user is editing a cell (Excel rejects the whole request)", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    fake.setCellEditMode(true);
    const before = snapshot(fake);
    const err = await wb.writeSheets(SPEC).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "InvalidOperationInCellEditMode", partial: false });
    expect(snapshot(fake)).toBe(before);
    expect(describeOfficeError(err).da).toMatch(/Afslut redigeringen af cellen \(tryk Enter/);
  });

  it("changes nothing when Excel fails in the preflight syncs", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    fake.failOn((op) => op.kind === "WorksheetCollection.load", "GeneralException");
    const before = snapshot(fake);
    await expect(wb.writeSheets(SPEC)).rejects.toMatchObject({
      code: "GeneralException",
      partial: false,
      sheets: [],
    });
    expect(snapshot(fake)).toBe(before);
  });

  it("names the sheet and says the workbook may be partly updated when Excel fails mid-write", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    const grid: CellValue[][] = Array.from({ length: 200 }, () => Array.from({ length: 200 }, () => 1));
    fake.failOn(
      (op) => op.kind === "Range.values" && op.sheet === "Følsomhedsresultater",
      "GeneralException",
    );
    const err = await wb
      .writeSheets({
        sheets: [
          { name: "Følsomhedsresultater", role: "result", blocks: [{ row: 0, col: 0, values: grid }] },
        ],
        names: [],
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "GeneralException", sheets: ["Følsomhedsresultater"], partial: true });
    expect(describeOfficeError(err).da).toContain("»Følsomhedsresultater«");
    expect(describeOfficeError(err).da).toContain("delvist opdateret");
  });
});

describe("what writeSheets writes, readNames reads back", () => {
  it("round-trips an input-sheet template with names, user text and a blank workbook's default sheet left alone", async () => {
    const { fake, wb } = setup({ sheets: { Ark1: [["brugerens egne data"]] } });
    const template: WorkbookSpec = {
      sheets: [
        {
          name: "Indstillinger",
          role: "input",
          validations: [{ ref: "B6:B8", list: ["Kommune", "Region", "Stat", "Andet"] }],
          blocks: [
            {
              row: 0,
              col: 0,
              values: [
                ["Startår", 2025],
                ["Tidshorisont", 10],
              ],
              style: "input",
            },
            {
              row: 4,
              col: 0,
              values: [
                ["Aktør", "Niveau"],
                ["=Kommune", "Kommune"],
                ["Region Syd", "Region"],
                ["2025", "Stat"],
              ],
            },
          ],
        },
      ],
      names: [
        { name: "SOM_Startaar", sheet: "Indstillinger", ref: "B1" },
        { name: "SOM_Aktoerer", sheet: "Indstillinger", ref: "A5:B8" },
        { name: "SOM_Diskonteringsrente", constant: 0.035 },
      ],
    };
    await wb.writeSheets(template);
    const out = await wb.readNames(["SOM_Startaar", "SOM_Aktoerer", "SOM_Diskonteringsrente"]);
    expect(out.get("som_startaar")).toMatchObject({ kind: "range", values: [[2025]] });
    expect(out.get("som_aktoerer")).toEqual({
      kind: "range",
      name: "SOM_Aktoerer",
      sheet: "Indstillinger",
      row: 4,
      col: 0,
      values: [
        ["Aktør", "Niveau"],
        ["=Kommune", "Kommune"],
        ["Region Syd", "Region"],
        ["2025", "Stat"],
      ],
      below: [null, null],
      right: [null, null, null, null],
    });
    expect(out.get("som_diskonteringsrente")).toEqual({
      kind: "constant",
      name: "SOM_Diskonteringsrente",
      value: 0.035,
    });
    expect(getCell(fake.model, "Ark1", "A1")?.value).toBe("brugerens egne data");
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["Ark1", "Indstillinger"]);
  });
});

describe("charts", () => {
  it("draws a tornado bar chart with exactly the spec's series (column ranges)", async () => {
    const { fake, wb } = setup(INPUT_SEED);
    await wb.writeSheets({
      sheets: [
        {
          name: "Følsomhedsresultater",
          role: "result",
          blocks: [
            {
              row: 0,
              col: 0,
              values: [
                ["Parameter", "Lav", "Høj"],
                ["Succesrate", -10, 12],
                ["Priser", -5, 6],
                ["Deltagere", -3, 3],
              ],
            },
          ],
          charts: [
            {
              kind: "bar",
              title: "Tornado",
              categories: "A2:A4",
              series: [
                { name: "Lav", ref: "B2:B4" },
                { name: "Høj", ref: "C2:C4" },
              ],
              anchor: "E2",
              widthCols: 8,
              heightRows: 15,
            },
          ],
        },
      ],
      names: [],
    });
    const chart = findSheet(fake.model, "Følsomhedsresultater")?.charts[0];
    expect(chart?.type).toBe("BarClustered");
    expect(chart?.series).toEqual([
      { name: "Lav", values: "'Følsomhedsresultater'!B2:B4", xValues: "'Følsomhedsresultater'!A2:A4" },
      { name: "Høj", values: "'Følsomhedsresultater'!C2:C4", xValues: "'Følsomhedsresultater'!A2:A4" },
    ]);
    expect(chart?.position).toEqual(["E2", "L16"]);
  });
});
