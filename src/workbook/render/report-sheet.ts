/**
 * The `Rapport` sheet (issue 15): the decision report of `report-model.ts` laid out for print — title, status
 * line (stale flag: `sheetStatusFormula` with the sheet's own input fingerprint `SOM_Rap_Inputaftryk`) and stamp,
 * then SØM's sections, each on a new printed page, its plain-language paragraphs merged across the page width,
 * its tables with the model's raw values and number formats (`#,##0`, `0.0%`: the one rounding), sources that do
 * not fit wrapped across the rest of the page, inputs without a source marked. Nine columns (A–I) wide, so the
 * page prints landscape at nearly full size; a wider table (many years or actors) is split into column groups
 * that repeat its first column.
 *
 * Charts: the cumulative net result per actor and the tornado, from the sheet's own table cells.
 */
import type { Lang } from "../../present/format";
import { cellA1, rectA1 } from "../a1";
import { RESULT_SHEETS } from "../names";
import type { Block, CellStyle, CellValue, ChartSpec, NameSpec, SheetSpec } from "../sheet-model";
import { stampTime, type MetaContext } from "./meta-sheet";
import type { ReportCell, ReportFormat, ReportModel, ReportTable } from "./report-model";
import { SheetWriter } from "./sheet-writer";

/** Columns A–I. */
export const REPORT_COLUMNS = 9;
const FIRST_WIDTH = 30;
const OTHER_WIDTH = 15;
/** Rows reserved under a table for its chart. */
const CHART_ROWS = 18;

const FORMAT: Readonly<Record<ReportFormat, string>> = {
  kr: "#,##0",
  pct: "0.0%",
  year: "0",
  ratio: "0.00",
  num: "#,##0.###",
  int: "0",
  text: "@",
};

const T = {
  da: {
    status: "Status",
    statusHelp: "«Forældet»: input er ændret efter beregningen; beregn igen, før rapporten bruges.",
    stamp: "Beregningsgrundlag",
    engine: "Motorversion",
    calculated: "Beregnet",
    fingerprint: "Beregnet på input-aftryk",
  },
  en: {
    status: "Status",
    statusHelp:
      "“Out of date”: inputs changed after the calculation; calculate again before using the report.",
    stamp: "Basis of calculation",
    engine: "Engine version",
    calculated: "Calculated",
    fingerprint: "Computed from input fingerprint",
  },
} as const;

export interface ReportSheetContext extends MetaContext {
  readonly inputFingerprint: string;
}

/** A table's columns split into groups that fit the report's width, each repeating column 0. */
export function columnGroups(width: number, max = REPORT_COLUMNS): number[][] {
  if (width <= max) return [Array.from({ length: width }, (_, i) => i)];
  const groups: number[][] = [];
  for (let c = 1; c < width; c += max - 1)
    groups.push([0, ...Array.from({ length: Math.min(max - 1, width - c) }, (_, i) => c + i)]);
  return groups;
}

const valueOf = (c: ReportCell): CellValue => c.v;

/**
 * The cell's style: a marked cell (e.g. no source) is a warning; text is wrapped, left and top aligned; a figure
 * is top aligned so it lines up with wrapped text in its row; a bold row is bold; a figure heading a row (a
 * year) or in a column spanning the rest of the page is left aligned like text.
 */
function styleOf(c: ReportCell, bold: boolean, leftAligned: boolean): CellStyle {
  if (c.mark === true) return "warning";
  if (bold) return "figureBold";
  return c.f === "text" || leftAligned ? "paragraph" : "figure";
}

/** Where one table column goes on the sheet: its first sheet column and how many columns it spans. */
interface Place {
  readonly col: number;
  readonly cols: number;
}

/**
 * The sheet columns of one column group: one each; the last column takes the rest of the page when it holds text
 * (sources, notes); a table with `spanColumns` that fits the page shares the spare columns among those instead.
 */
function placesOf(table: ReportTable, cols: readonly number[]): Place[] {
  const last = cols.length - 1;
  const spare = REPORT_COLUMNS - cols.length;
  const extra = cols.map(() => 0);
  const wide = (table.spanColumns ?? []).filter((c) => cols.includes(c));
  if (spare > 0 && wide.length > 0 && cols.length === table.header.length) {
    wide.forEach((c, k) => {
      extra[cols.indexOf(c)] =
        Math.floor(spare / wide.length) + (k === wide.length - 1 ? spare % wide.length : 0);
    });
  } else if (spare > 0 && table.rows.every((r) => r[cols[last] as number]?.f === "text")) {
    extra[last] = spare;
  }
  let col = 0;
  return cols.map((_, j) => {
    const place = { col, cols: 1 + (extra[j] ?? 0) };
    col += place.cols;
    return place;
  });
}

/**
 * Writes one table at the cursor: caption, header, rows; split into column groups when wider than the page.
 * Returns the rows of the first group's data (for charts), 0-based, and the columns it used.
 */
function writeTable(
  w: SheetWriter,
  table: ReportTable,
): { readonly top: number; readonly cols: readonly number[] } {
  const width = table.header.length;
  let first: { top: number; cols: readonly number[] } | undefined;
  for (const cols of columnGroups(width)) {
    if (table.caption !== undefined) w.add([[table.caption]], { style: "outputBold" });
    const places = placesOf(table, cols);
    /** One table row as sheet cells: each value followed by blanks for the columns it spans (merged). */
    const spread = <T>(items: readonly T[], filler: (item: T) => T): T[] =>
      items.flatMap((item, j) => [
        item,
        ...Array.from({ length: (places[j]?.cols ?? 1) - 1 }, () => filler(item)),
      ]);
    const mergeRow = (row: number): void => {
      for (const p of places)
        if (p.cols > 1) w.merges.push(rectA1({ row, col: p.col, rows: 1, cols: p.cols }));
    };
    const headerAt = w.add(
      [
        spread<CellValue>(
          cols.map((c) => table.header[c] ?? ""),
          () => null,
        ),
      ],
      {
        style: "header",
      },
    );
    mergeRow(headerAt);
    const top = w.row;
    table.rows.forEach((r, i) => {
      const bold = table.boldRows?.includes(i) === true;
      const row = w.row;
      const given = cols.map((c) => r[c] ?? { v: null, f: "text" as const });
      const givenStyles = given.map((c, j) =>
        styleOf(c, bold, (places[j]?.cols ?? 1) > 1 || (j === 0 && c.f !== "text")),
      );
      const cells = spread<ReportCell>(given, (c) => ({ v: null, f: c.f }));
      const styles = spread<CellStyle>(givenStyles, (st) => st);
      // Consecutive cells with the same style form one block (one assignment each).
      let start = 0;
      for (let j = 1; j <= cells.length; j++) {
        if (j < cells.length && styles[j] === styles[start]) continue;
        const part = cells.slice(start, j);
        const block: Block = {
          row,
          col: start,
          values: [part.map(valueOf)],
          numberFormat: [part.map((c) => FORMAT[c.f])],
          style: styles[start] as CellStyle,
        };
        w.blocks.push(block);
        start = j;
      }
      mergeRow(row);
      w.row += 1;
    });
    w.skip();
    if (first === undefined) first = { top, cols };
  }
  return first ?? { top: w.row, cols: [] };
}

/**
 * The `Rapport` sheet and its fingerprint name.
 * Example: renderReportSheet(buildReportModel(results, scenario, rctx), { now, lang: "da", engineVersion, inputFingerprint })
 */
export function renderReportSheet(
  model: ReportModel,
  ctx: ReportSheetContext,
): { readonly sheet: SheetSpec; readonly names: readonly NameSpec[] } {
  const lang: Lang = ctx.lang;
  const t = T[lang];
  const sheetName = RESULT_SHEETS.report;
  const w = new SheetWriter();
  const charts: ChartSpec[] = [];
  const head = w.statusAndStamp({
    sheet: sheetName,
    lang,
    title: model.title,
    statusLabel: t.status,
    statusHelp: t.statusHelp,
    stampTitle: t.stamp,
    lines: [
      [t.engine, ctx.engineVersion, "@"],
      [t.calculated, stampTime(ctx.now), "@"],
    ],
    fingerprintLabel: t.fingerprint,
    fingerprint: ctx.inputFingerprint,
  });
  w.paragraphs([model.stampLine], REPORT_COLUMNS, "paragraph");
  w.skip();

  model.sections.forEach((section, k) => {
    if (k > 0) w.pageBreak();
    w.add([[section.title]], { style: "subtitle" });
    w.paragraphs(section.paragraphs, REPORT_COLUMNS, "paragraph");
    if (section.paragraphs.length > 0) w.skip();
    for (const table of section.tables) {
      const at = writeTable(w, table);
      const chart = section.charts.find((c) => c.tableId === table.id);
      if (chart === undefined || table.rows.length === 0) continue;
      const rows = table.rows.length;
      const colRange = (c: number): string => rectA1({ row: at.top, col: c, rows, cols: 1 }, true);
      if (chart.kind === "line") {
        charts.push({
          kind: "line",
          title: chart.title,
          categories: colRange(0),
          // Series whose column fell into a later column group (very many actors) are left out of the chart.
          series: chart.series.flatMap((s, i) => {
            const c = at.cols.indexOf(i + 1);
            return c < 0 ? [] : [{ name: s.name, ref: colRange(c) }];
          }),
          anchor: cellA1(w.row, 0),
          widthCols: 7,
          heightRows: CHART_ROWS,
        });
      } else {
        // The tornado: net result at the low and at the high value (columns 3 and 4 of its table).
        charts.push({
          kind: "bar",
          title: chart.title,
          categories: colRange(0),
          series: [
            { name: table.header[3] ?? "", ref: colRange(3) },
            { name: table.header[4] ?? "", ref: colRange(4) },
          ],
          anchor: cellA1(w.row, 0),
          widthCols: 7,
          heightRows: CHART_ROWS,
        });
      }
      w.skip(CHART_ROWS + 1);
    }
  });

  const sheet: SheetSpec = {
    name: sheetName,
    role: "result",
    columnWidths: [FIRST_WIDTH, ...Array.from({ length: REPORT_COLUMNS - 1 }, () => OTHER_WIDTH)],
    blocks: w.blocks,
    conditionalFormats: [head.statusFormat],
    charts,
    tabColor: "0F6C74",
    merges: w.merges,
    pageBreaks: w.pageBreaks,
  };
  return { sheet, names: [head.name] };
}
