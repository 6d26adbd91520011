/**
 * The hidden `_som_meta` sheet (addin-engineering.md §0.7–0.8, §2.3–2.4): the list of sheets the tools own
 * (`SOM_Meta_EjedeArk`, the ownership marker), the input snapshot taken at the run (`SOM_InputsAtRun`), a
 * live mirror of the same inputs (`SOM_Inputs`, formulas such as `=INDEX(SOM_Priser,3,2)`, `=ROWS(SOM_Priser)`)
 * and `SOM_Status`, a formula that reads "Aktuel"/"Forældet" ("Current"/"Out of date"), so a recipient
 * without the add-in sees that results are out of date after editing any input.
 *
 * Each run also stores the fingerprint of its snapshot (`SOM_Meta_Inputaftryk`, D2). Every result sheet that
 * depends on the inputs stores the fingerprint it was computed from on its own sheet and shows
 * `sheetStatusFormula`: "Aktuel" only while `SOM_Status` is current AND its fingerprint is the meta one. So a
 * plain "Beregn" after an input edit leaves an older `Følsomhedsresultater` reading "Forældet" until the
 * sensitivity analysis is run again, while `Resultater` (rewritten by that run) reads "Aktuel".
 *
 * Layout (0-based rows): 0 title · 1 status (C2:D2 input fingerprint) · 2 contract version · 3 engine version ·
 * 4 time of calculation · 5 owned sheets (B6 → right) · 7 table header · 8… one row per snapshot line:
 * name | part | row | column | value at run | value now (formula).
 */
import { CONTRACT_VERSION, META_NAMES, RESULT_SHEETS } from "../names";
import type { Lang } from "../../present/format";
import { cellA1, colLetters } from "../a1";
import type { Block, CellValue, ClaimSpec, NameSpec, SheetSpec } from "../sheet-model";
import {
  BLANK,
  BROKEN,
  linesFingerprint,
  NO_RANGE,
  snapshotLines,
  type InputSnapshot,
  type SnapshotLine,
} from "./input-snapshot";

/** The whole snapshot table (A9:F…) — read back by `isStale` to rebuild the snapshot. */
export const META_SNAPSHOT_TABLE = "SOM_Meta_Inputtabel";
/**
 * The defined names the tools wrote into result sheets, as `Sheet!Name` texts (row 7, B7 → right), so that a
 * later run can neutralise names it no longer produces (e.g. `SOM_Res_Netto_A3` after an actor was removed).
 */
export const META_RESULT_NAMES = "SOM_Meta_Resultatnavne";

/** The fingerprint of the snapshot on the meta sheet (D2; text "som-…", see `linesFingerprint`). */
export const META_FINGERPRINT = "SOM_Meta_Inputaftryk";

/**
 * The defined name of the "computed from input fingerprint" cell on each result sheet that depends on the
 * inputs (read back by `isStale` to tell which sheets are out of date). `Sammenligning` has none: it shows
 * saved scenarios, not the current inputs.
 */
export const SHEET_FINGERPRINT_NAMES: readonly { readonly sheet: string; readonly name: string }[] = [
  { sheet: RESULT_SHEETS.results, name: "SOM_Res_Inputaftryk" },
  { sheet: RESULT_SHEETS.sensitivity, name: "SOM_Fls_Inputaftryk" },
  { sheet: RESULT_SHEETS.budget, name: "SOM_Bud_Inputaftryk" },
  { sheet: RESULT_SHEETS.followUp, name: "SOM_Opf_Inputaftryk" },
  { sheet: RESULT_SHEETS.uncertainty, name: "SOM_Usk_Inputaftryk" },
  { sheet: RESULT_SHEETS.iterations, name: "SOM_Sim_Inputaftryk" },
  { sheet: RESULT_SHEETS.report, name: "SOM_Rap_Inputaftryk" },
];

/** The fingerprint name of a result sheet (`SHEET_FINGERPRINT_NAMES`). */
export function sheetFingerprintName(sheet: string): string {
  const found = SHEET_FINGERPRINT_NAMES.find((s) => s.sheet === sheet);
  if (found === undefined) throw new RangeError(`No fingerprint name for the sheet ${sheet}`);
  return found.name;
}

/** `Sheet!Name` as stored in the result-name list. */
export const resultNameEntry = (sheet: string, name: string): string => `${sheet}!${name}`;

/** Splits a stored `Sheet!Name` entry (names never contain "!"); undefined when malformed. */
export function parseResultNameEntry(
  entry: string,
): { readonly sheet: string; readonly name: string } | undefined {
  const bang = entry.lastIndexOf("!");
  if (bang <= 0 || bang === entry.length - 1) return undefined;
  return { sheet: entry.slice(0, bang), name: entry.slice(bang + 1) };
}

export const STATUS_TEXT = {
  da: { current: "Aktuel", stale: "Forældet" },
  en: { current: "Current", stale: "Out of date" },
} as const;

const STATUS_ROW = 1;
const OWNED_ROW = 5;
const RESULT_NAMES_ROW = 6;
const TABLE_HEADER_ROW = 7;
const FIRST_LINE_ROW = 8;

/** `"text"` as an Excel string literal. */
const str = (s: string): string => `"${s.split('"').join('""')}"`;

/** The live formula for one snapshot line. The name is a contract name (plain identifier, no quoting needed). */
export function mirrorFormula(line: SnapshotLine): string {
  const n = line.name;
  switch (line.part) {
    case "rows":
      return `=IFERROR(ROWS(${n}),${NO_RANGE})`;
    case "cols":
      return `=IFERROR(COLUMNS(${n}),${NO_RANGE})`;
    case "value":
      return `=IFERROR(IF(${n}&""="",${str(BLANK)},${n}),${str(BROKEN)})`;
    case "cell": {
      const at = `INDEX(${n},${line.row},${line.col})`;
      return `=IFERROR(IF(${at}&""="",${str(BLANK)},${at}),${str(BROKEN)})`;
    }
  }
}

/** The status formula: any difference (also in letter case) between mirror and snapshot → out of date. */
export function statusFormula(lang: Lang): string {
  const t = STATUS_TEXT[lang];
  const now = META_NAMES.inputs;
  const run = META_NAMES.inputsAtRun;
  // Numbers and booleans by `<>`; text also letter-case sensitively (EXACT only on text: LibreOffice's EXACT
  // over arrays reports equal numbers as different).
  return `=IF(SUMPRODUCT(--(${now}<>${run}))+SUMPRODUCT(ISTEXT(${now})*ISTEXT(${run})*(1-EXACT(${now},${run})))>0,${str(t.stale)},${str(t.current)})`;
}

/**
 * The status cell of a result sheet whose input fingerprint is in `fingerprintCell` (an address on the same
 * sheet, e.g. "$B$10"): current only when `SOM_Status` reads current (in either language, so a later run in the
 * other language does not flip it) AND the sheet was computed from the snapshot now on `_som_meta`. Any error
 * (no `_som_meta`, a deleted name) reads out of date.
 * Example: sheetStatusFormula("da", "$B$10") →
 *   =IFERROR(IF(AND(OR(SOM_Status="Aktuel",SOM_Status="Current"),$B$10=SOM_Meta_Inputaftryk),"Aktuel","Forældet"),"Forældet")
 */
export function sheetStatusFormula(lang: Lang, fingerprintCell: string): string {
  const t = STATUS_TEXT[lang];
  const s = META_NAMES.status;
  const current = `OR(${s}=${str(STATUS_TEXT.da.current)},${s}=${str(STATUS_TEXT.en.current)})`;
  return `=IFERROR(IF(AND(${current},${fingerprintCell}=${META_FINGERPRINT}),${str(t.current)},${str(t.stale)}),${str(t.stale)})`;
}

export interface MetaContext {
  readonly now: Date;
  readonly lang: Lang;
  readonly engineVersion: string;
}

/**
 * "2026-11-23 19:45 (UTC+01:00)" — the stamp's time of calculation in the local time of the machine that
 * calculated (the add-in: the user's clock; the command line: its TZ), with the offset so the moment is
 * unambiguous. Same `now` and time zone → same text.
 */
export function stampTime(now: Date, offsetMinutes: number = -now.getTimezoneOffset()): string {
  const p = (n: number): string => String(n).padStart(2, "0");
  // The local wall clock = UTC shifted by the offset, read with the UTC getters.
  const local = new Date(now.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${local.getUTCFullYear()}-${p(local.getUTCMonth() + 1)}-${p(local.getUTCDate())} ${p(local.getUTCHours())}:${p(local.getUTCMinutes())} (UTC${sign}${p(Math.floor(abs / 60))}:${p(abs % 60)})`;
}

/**
 * The `_som_meta` sheet and its names for a run. `owned` lists every sheet the tools own after this write
 * (the meta sheet is added if missing).
 */
export function renderMetaSheet(
  snapshot: InputSnapshot,
  owned: readonly string[],
  ctx: MetaContext,
  /** `Sheet!Name` entries of the result names defined after this write (see `META_RESULT_NAMES`). */
  resultNames: readonly string[] = [],
): { readonly sheet: SheetSpec; readonly names: readonly NameSpec[]; readonly claim: ClaimSpec } {
  const da = ctx.lang === "da";
  const sheetName = RESULT_SHEETS.meta;
  const ownedAll = owned.some((s) => s.toLowerCase() === sheetName.toLowerCase())
    ? [...owned]
    : [...owned, sheetName];
  const lines = snapshotLines(snapshot);
  const t = STATUS_TEXT[ctx.lang];

  const blocks: Block[] = [
    {
      row: 0,
      col: 0,
      values: [
        [
          da
            ? "SØM-metadata: ejet af SØM for Excel. Redigér ikke — arket bruges til at opdage forældede resultater."
            : "SØM metadata: owned by SØM for Excel. Do not edit — the sheet is used to detect out-of-date results.",
        ],
      ],
      style: "title",
    },
    {
      row: STATUS_ROW,
      col: 0,
      values: [
        [da ? "Status" : "Status", t.current],
        [da ? "Kontraktversion" : "Contract version", CONTRACT_VERSION],
        [da ? "Motorversion" : "Engine version", ctx.engineVersion],
        [da ? "Beregnet" : "Calculated", stampTime(ctx.now)],
      ],
      formulas: [
        [null, statusFormula(ctx.lang)],
        [null, null],
        [null, null],
        [null, null],
      ],
    },
    { row: OWNED_ROW, col: 0, values: [[da ? "Ejede ark" : "Owned sheets", ...ownedAll]] },
    { row: RESULT_NAMES_ROW, col: 0, values: [[da ? "Resultatnavne" : "Result names", ...resultNames]] },
    {
      row: TABLE_HEADER_ROW,
      col: 0,
      values: [
        da
          ? ["Navn", "Del", "Række", "Kolonne", "Ved beregning", "Nu"]
          : ["Name", "Part", "Row", "Column", "At calculation", "Now"],
      ],
      style: "header",
    },
  ];
  if (lines.length > 0) {
    blocks.push({
      row: FIRST_LINE_ROW,
      col: 0,
      values: lines.map((l): CellValue[] => [l.name, l.part, l.row, l.col, l.value, l.value]),
      formulas: lines.map((l) => [null, null, null, null, null, mirrorFormula(l)]),
    });
  }
  // The fingerprint last: the Office adapter writes blocks in order, so a write that fails before this cell
  // leaves the claim's "being written" text in it and every result sheet reads out of date.
  blocks.push(fingerprintBlock(da ? "Input-aftryk" : "Input fingerprint", linesFingerprint(lines)));
  const last = FIRST_LINE_ROW + Math.max(1, lines.length) - 1;
  const fingerprintName: NameSpec = { name: META_FINGERPRINT, sheet: sheetName, ref: cellA1(STATUS_ROW, 3) };
  const ownedName: NameSpec = {
    name: META_NAMES.ownedSheets,
    sheet: sheetName,
    ref: `B${OWNED_ROW + 1}:${colLetters(ownedAll.length)}${OWNED_ROW + 1}`,
  };
  const names: NameSpec[] = [
    { name: META_NAMES.status, sheet: sheetName, ref: cellA1(STATUS_ROW, 1) },
    fingerprintName,
    ownedName,
    {
      name: META_RESULT_NAMES,
      sheet: sheetName,
      ref: `B${RESULT_NAMES_ROW + 1}:${colLetters(Math.max(1, resultNames.length))}${RESULT_NAMES_ROW + 1}`,
    },
    { name: META_NAMES.inputsAtRun, sheet: sheetName, ref: `E${FIRST_LINE_ROW + 1}:E${last + 1}` },
    { name: META_NAMES.inputs, sheet: sheetName, ref: `F${FIRST_LINE_ROW + 1}:F${last + 1}` },
    { name: META_SNAPSHOT_TABLE, sheet: sheetName, ref: `A${FIRST_LINE_ROW + 1}:F${last + 1}` },
  ];
  const sheet: SheetSpec = {
    name: sheetName,
    role: "meta",
    visibility: "veryHidden", // not listed under Unhide; LibreOffice saves it as Hidden
    columnWidths: [24, 10, 16, 20, 20, 20],
    blocks,
  };
  // Written before anything else (ClaimSpec): every sheet of this write is SØM's from the first action on, and
  // the fingerprint matches no result sheet until the last block above replaces it.
  const claim: ClaimSpec = {
    sheet: sheetName,
    blocks: [
      { row: OWNED_ROW, col: 0, values: [[da ? "Ejede ark" : "Owned sheets", ...ownedAll]] },
      fingerprintBlock(da ? "Input-aftryk" : "Input fingerprint", WRITE_PENDING[ctx.lang]),
    ],
    names: [ownedName, fingerprintName],
  };
  return { sheet, names, claim };
}

/**
 * The meta fingerprint while a write is under way (`ClaimSpec`): no result sheet carries it, so each reads
 * "Forældet" if the write stops halfway. Never starts with "som-" (`linesFingerprint`).
 */
export const WRITE_PENDING = {
  da: "(skrives – ikke færdig)",
  en: "(being written – not finished)",
} as const;

const fingerprintBlock = (label: string, value: string): Block => ({
  row: STATUS_ROW,
  col: 2,
  values: [[label, value]],
  numberFormat: [["@", "@"]],
});

/** Rebuilds the snapshot lines from the table as read back (rows of name | part | row | col | value | mirror). */
export function linesFromTable(values: readonly (readonly CellValue[])[]): SnapshotLine[] {
  const out: SnapshotLine[] = [];
  for (const r of values) {
    const [name, part, row, col, value] = r;
    if (typeof name !== "string" || name === "") continue;
    if (part !== "rows" && part !== "cols" && part !== "value" && part !== "cell") continue;
    out.push({
      name,
      part,
      row: typeof row === "number" ? row : 0,
      col: typeof col === "number" ? col : 0,
      value: value === null || value === undefined || value === "" ? BLANK : value,
    });
  }
  return out;
}
