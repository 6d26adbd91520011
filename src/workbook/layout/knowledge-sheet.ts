/**
 * The knowledge sheet ("Viden"): the user's own knowledge records — a municipality's price list, consequence
 * estimates copied from the SØM workbook, effect studies — kept inside the workbook so they travel with it.
 *
 * The records are the block named `SOM_Viden` (header row first, one record per row, columns found by header
 * text; see `src/knowledge/knowledge-table.ts` for the columns and the "?" convention for unknown figures).
 * The same sheet is the layout of an exported .xlsx knowledge file. Pure: produces sheets as data.
 */
import { KNOWLEDGE_COLUMNS, knowledgeToTable } from "../../knowledge/knowledge-table";
import type { KnowledgeRecord } from "../../knowledge/types";
import type { Lang } from "../../present/format";
import { rectA1 } from "../a1";
import type { Block, CellValue, NameSpec, SheetSpec } from "../sheet-model";

/** The defined name of the knowledge block. */
export const KNOWLEDGE_NAME = "SOM_Viden";

/** Default sheet name by language (the tools find the block by its name, never by the sheet name). */
export const KNOWLEDGE_SHEET: Readonly<Record<Lang, string>> = { da: "Viden", en: "Knowledge" };

/** 0-based row of the header row on the sheet (title and guidance above it). */
export const KNOWLEDGE_HEADER_ROW = 3;

/** Empty input rows the template leaves below the records, inside the name. */
export const KNOWLEDGE_BLANK_ROWS = 40;

const TEXT = {
  da: {
    title: "Vidensdatabase – egne tal",
    guidance:
      "Én post pr. række: Type (Målgruppe, Effekt, Pris, Konsekvens), Id (små bogstaver, tal og _), Titel, Kilde, Årstal og Sikkerhed (H, M eller L) skal altid udfyldes. " +
      "Priser: Ydelse, Enhed og beløb pr. niveau (Kommune, Region, Stat) efter refusion, i prisåret Årstal. Konsekvenser: Målgruppe (id), Succesmål, Ydelse, Enhed, Art (Udgift/Indtægt) og År 1, År 2, … (ændring pr. succesfuld borger). " +
      'Et ukendt tal skrives "?" og kræver, at "Mangler: hvorfor" og "Mangler: hvor findes tallet" er udfyldt. Opgaveruden (Vidensdatabase) kan søge i arket og indsætte posterne i beregningen.',
  },
  en: {
    title: "Knowledge database – own figures",
    guidance:
      "One record per row: Type (Target group, Effect, Price, Consequence), Id (lower-case letters, digits and _), Title, Source, Year of figure and Confidence (H, M or L) are always required. " +
      "Prices: Service, Unit and the amount per level (Municipality, Region, State) after refund, at the price year given in Year of figure. Consequences: Target group (id), Success measure, Service, Unit, Kind (Expenditure/Revenue) and Year 1, Year 2, … (change per successful citizen). " +
      'An unknown figure is written "?" and needs "Gap: why" and "Gap: where to find it". The task pane (Knowledge) can search the sheet and insert records into the calculation.',
  },
} as const;

const SHARE_KEYS = new Set(["treatedShare", "controlShare", "suggestedSuccessRate"]);
const AMOUNT_KEYS = new Set(["Kommune", "Region", "Stat", "grossAmount"]);

function formatOf(key: string): string {
  if (SHARE_KEYS.has(key)) return "0.0%";
  if (AMOUNT_KEYS.has(key)) return "#,##0.00";
  if (key === "year" || key === "evidenceLevel" || key === "n") return "0";
  if (key.startsWith("year")) return "0.00";
  return "@";
}

function widthOf(key: string): number {
  if (key === "title" || key === "source" || key === "note" || key === "gapReason" || key === "gapWhere")
    return 40;
  if (
    key === "successMeasure" ||
    key === "outcome" ||
    key === "intervention" ||
    key === "design" ||
    key === "service" ||
    key === "hovedomraade" ||
    key === "inklOverhead"
  )
    return 28;
  if (key.startsWith("year") && key !== "year") return 8;
  return 14;
}

export interface KnowledgeSheetOptions {
  readonly lang: Lang;
  /** Records to fill in (parameter records are left out). Default: none — a blank sheet. */
  readonly records?: readonly KnowledgeRecord[];
  /** Blank input rows below the records. Default `KNOWLEDGE_BLANK_ROWS`. */
  readonly blankRows?: number;
  /** Sheet name. Default `KNOWLEDGE_SHEET[lang]`. */
  readonly sheetName?: string;
}

/**
 * The knowledge sheet and its defined name. The name covers the header row, the records and the blank rows.
 * @example const { sheet, name } = knowledgeSheetSpec({ lang: "da" }); // "Viden", SOM_Viden = Viden!$A$4:$AX$44
 */
export function knowledgeSheetSpec(opts: KnowledgeSheetOptions): {
  readonly sheet: SheetSpec;
  readonly name: NameSpec;
} {
  const { lang } = opts;
  const sheetName = opts.sheetName ?? KNOWLEDGE_SHEET[lang];
  const table = knowledgeToTable(opts.records ?? [], lang);
  const width = KNOWLEDGE_COLUMNS.length;
  const blankRows = opts.blankRows ?? KNOWLEDGE_BLANK_ROWS;
  const dataRows: CellValue[][] = [
    ...table.slice(1),
    ...Array.from({ length: blankRows }, () => Array<CellValue>(width).fill(null)),
  ];
  const blocks: Block[] = [
    { row: 0, col: 0, values: [[TEXT[lang].title]], style: "title" },
    { row: 1, col: 0, values: [[TEXT[lang].guidance]], style: "guidance" },
    { row: KNOWLEDGE_HEADER_ROW, col: 0, values: [table[0] ?? []], style: "inputHeader" },
  ];
  if (dataRows.length > 0) {
    const formats = KNOWLEDGE_COLUMNS.map((c) => formatOf(c.key));
    blocks.push({
      row: KNOWLEDGE_HEADER_ROW + 1,
      col: 0,
      values: dataRows,
      numberFormat: dataRows.map(() => formats),
      style: "input",
    });
  }
  const ref = rectA1({ row: KNOWLEDGE_HEADER_ROW, col: 0, rows: 1 + dataRows.length, cols: width }, true);
  return {
    sheet: {
      name: sheetName,
      role: "input",
      columnWidths: KNOWLEDGE_COLUMNS.map((c) => widthOf(c.key)),
      blocks,
      freeze: { rows: KNOWLEDGE_HEADER_ROW + 1, cols: 3 },
      tabColor: "7F6000",
    },
    name: {
      name: KNOWLEDGE_NAME,
      sheet: sheetName,
      ref,
      comment: lang === "da" ? "Egne vidensposter (SØM for Excel)" : "Own knowledge records (SØM for Excel)",
    },
  };
}
