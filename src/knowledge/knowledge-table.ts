/**
 * The knowledge database as a flat table: one row per record, one column per field. This is the layout of
 * the workbook's knowledge sheet ("Viden", defined name `SOM_Viden`) and of an exported .xlsx knowledge
 * file, so a municipality can keep its own price list in Excel, email it, and read it back.
 *
 * Conventions in the table:
 * - columns are found by header text (Danish or English, trimmed, case-insensitive), like every block of
 *   the workbook contract; column order is free and unknown columns are ignored;
 * - a figure that is not known is written as "?" (a blank amount or year cell also means "not known");
 *   such a record needs the two gap columns, exactly as in a JSON knowledge file;
 * - `År 1` … `År 20` hold Δq per successful citizen by consequence year (trailing blanks are trimmed);
 * - shares (treated, control, success rate) are numbers 0–1 (format the cells as percent).
 *
 * Parameter records (discount rates, index uprating) have no place in the flat table; they stay in JSON files.
 */
import type { Lang } from "../present/format";
import type { CellValue } from "../workbook/sheet-model";
import type { KnowledgeBase, KnowledgeRecord, RecordKind } from "./types";
import {
  KNOWLEDGE_LIMITS,
  validateKnowledgeBase,
  type KnowledgeProblem,
  type KnowledgeValidation,
  type KnowledgeValidationOptions,
} from "./validate-knowledge";

/** A column of the knowledge table: the record field it holds and its Danish and English header. */
export interface KnowledgeColumn {
  readonly key: string;
  readonly da: string;
  readonly en: string;
}

const col = (key: string, da: string, en: string): KnowledgeColumn => ({ key, da, en });

/** Number of consequence-year columns (`År 1` … `År 20`). */
export const KNOWLEDGE_TABLE_YEARS = KNOWLEDGE_LIMITS.years;

/** The columns in the order the tools write them. */
export const KNOWLEDGE_COLUMNS: readonly KnowledgeColumn[] = [
  col("kind", "Type", "Type"),
  col("id", "Id", "Id"),
  col("title", "Titel", "Title"),
  col("targetGroup", "Målgruppe (id)", "Target group (id)"),
  col("area", "Område", "Area"),
  col("successMeasure", "Succesmål", "Success measure"),
  col("verifiedSomGroup", "Bekræftet SØM-målgruppe", "Verified SØM group"),
  col("intervention", "Indsats", "Intervention"),
  col("outcome", "Effektmål", "Outcome"),
  col("treatedShare", "Andel med indsats", "Share with intervention"),
  col("controlShare", "Andel uden indsats", "Share without intervention"),
  col("suggestedSuccessRate", "Succesrate", "Success rate"),
  col("design", "Design", "Design"),
  col("evidenceLevel", "Evidensniveau", "Evidence level"),
  col("n", "Antal deltagere (n)", "Participants (n)"),
  col("service", "Ydelse", "Service"),
  col("unit", "Enhed", "Unit"),
  col("consequenceKind", "Art", "Kind"),
  col("Kommune", "Kommune", "Municipality"),
  col("Region", "Region", "Region"),
  col("Stat", "Stat", "State"),
  col("grossAmount", "Bruttobeløb", "Gross amount"),
  col("figureKind", "Art af tal", "Kind of figure"),
  col("inklOverhead", "Inkl. administration og overhead", "Incl. administration and overhead"),
  col("efterRefusion", "Efter refusion", "After refusion"),
  col("gyldigFra", "Gyldig fra", "Valid from"),
  col("gyldigTil", "Gyldig til", "Valid to"),
  col("hovedomraade", "Hovedområde", "Main area"),
  col("recommended", "Anbefalet af SØM", "Recommended by SØM"),
  col("source", "Kilde", "Source"),
  col("year", "Årstal", "Year of figure"),
  col("confidence", "Sikkerhed", "Confidence"),
  col("derivation", "Udregning", "Derivation"),
  col("note", "Note", "Note"),
  col("gapReason", "Mangler: hvorfor", "Gap: why"),
  col("gapWhere", "Mangler: hvor findes tallet", "Gap: where to find it"),
  col("tags", "Søgeord", "Tags"),
  ...Array.from({ length: KNOWLEDGE_TABLE_YEARS }, (_, i) =>
    col(`year${i + 1}`, `År ${i + 1}`, `Year ${i + 1}`),
  ),
];

/** The text for an unknown figure in the table. */
export const UNKNOWN_MARK = "?";

/** Record kinds as written in the `Type` column. Parameters have no row. */
export const KIND_LABELS: readonly {
  readonly kind: Exclude<RecordKind, "parameter">;
  readonly da: string;
  readonly en: string;
}[] = [
  { kind: "targetGroup", da: "Målgruppe", en: "Target group" },
  { kind: "effect", da: "Effekt", en: "Effect" },
  { kind: "price", da: "Pris", en: "Price" },
  { kind: "consequence", da: "Konsekvens", en: "Consequence" },
];

const AREA_LABELS = [
  { area: "voksne", da: "Voksne", en: "Adults" },
  { area: "boern_unge", da: "Børn og unge", en: "Children and young people" },
  { area: "handicap", da: "Handicap", en: "Disability" },
] as const;

const CONSEQUENCE_KIND = [
  { kind: "Udgift", da: "Udgift", en: "Expenditure" },
  { kind: "Indtaegt", da: "Indtægt", en: "Revenue" },
] as const;

const YES = { da: "Ja", en: "Yes" };
const NO = { da: "Nej", en: "No" };

/** Kinds of figure of a price record as written in `Art af tal`. */
const FIGURE_KIND_LABELS = [
  { kind: "pris", da: "Pris", en: "Price" },
  { kind: "sats", da: "Sats", en: "Rate" },
  { kind: "takst", da: "Takst", en: "Tariff" },
] as const;

/** Ja / Nej / ? for a yes-no-unknown field. */
const yesNoUnknown = (v: boolean | null, lang: Lang): CellValue =>
  v === null ? UNKNOWN_MARK : v ? YES[lang] : NO[lang];

/** Reads Ja/Nej/Yes/No/TRUE/FALSE; blank or "?" is null (unknown); anything else is returned as is (the validator names it). */
function readYesNo(v: CellValue | undefined): unknown {
  if (blank(v)) return null;
  if (typeof v === "boolean") return v;
  const t = typeof v === "string" ? norm(v) : v;
  if (t === UNKNOWN_MARK) return null;
  if (t === "ja" || t === "yes") return true;
  if (t === "nej" || t === "no") return false;
  return v;
}

/** A date cell: ISO text as is; an Excel date serial (days since 1899-12-30) as ISO text. */
function readDate(v: CellValue | undefined): unknown {
  if (blank(v)) return undefined;
  if (typeof v === "number" && Number.isInteger(v) && v > 0 && v < 2958466)
    return new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10);
  return typeof v === "string" ? v.trim() : v;
}

const norm = (s: string): string => s.trim().toLocaleLowerCase("da");

const blank = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The header row in the given language. */
export function knowledgeHeader(lang: Lang): string[] {
  return KNOWLEDGE_COLUMNS.map((c) => c[lang]);
}

const unknownOr = (v: number | null | undefined): CellValue => (v === null ? UNKNOWN_MARK : (v ?? null));

/** One record as a table row (same order as `KNOWLEDGE_COLUMNS`), or undefined for a parameter record. */
export function recordToRow(r: KnowledgeRecord, lang: Lang): CellValue[] | undefined {
  if (r.kind === "parameter") return undefined;
  const cells: Record<string, CellValue> = Object.create(null) as Record<string, CellValue>;
  cells["kind"] = KIND_LABELS.find((k) => k.kind === r.kind)?.[lang] ?? r.kind;
  cells["id"] = r.id;
  cells["title"] = r.title;
  cells["source"] = r.provenance.source;
  cells["year"] = r.provenance.year;
  cells["confidence"] = r.provenance.confidence;
  cells["derivation"] = r.provenance.derivation ?? null;
  cells["note"] = r.provenance.note ?? null;
  cells["gapReason"] = r.gap?.reason ?? null;
  cells["gapWhere"] = r.gap?.where ?? null;
  cells["tags"] = r.tags && r.tags.length > 0 ? r.tags.join(", ") : null;
  switch (r.kind) {
    case "targetGroup":
      cells["area"] = AREA_LABELS.find((a) => a.area === r.area)?.[lang] ?? r.area;
      cells["successMeasure"] = r.successMeasure ?? UNKNOWN_MARK;
      cells["verifiedSomGroup"] = r.verifiedSomGroup ? YES[lang] : NO[lang];
      break;
    case "effect":
      cells["intervention"] = r.intervention;
      cells["targetGroup"] = r.targetGroup;
      cells["outcome"] = r.outcome;
      cells["treatedShare"] = unknownOr(r.treatedShare);
      cells["controlShare"] = unknownOr(r.controlShare);
      cells["suggestedSuccessRate"] = unknownOr(r.suggestedSuccessRate);
      cells["design"] = r.design;
      cells["evidenceLevel"] = unknownOr(r.evidenceLevel);
      cells["n"] = r.n ?? null;
      break;
    case "price":
      cells["service"] = r.service;
      cells["unit"] = r.unit;
      cells["Kommune"] = unknownOr(r.amounts.Kommune);
      cells["Region"] = unknownOr(r.amounts.Region);
      cells["Stat"] = unknownOr(r.amounts.Stat);
      cells["grossAmount"] = r.grossAmount ?? null;
      cells["figureKind"] = FIGURE_KIND_LABELS.find((k) => k.kind === r.figureKind)?.[lang] ?? r.figureKind;
      cells["inklOverhead"] = yesNoUnknown(r.inklOverhead, lang);
      cells["efterRefusion"] = yesNoUnknown(r.efterRefusion, lang);
      cells["targetGroup"] = r.targetGroup ?? null;
      cells["gyldigFra"] = r.gyldigFra ?? null;
      cells["gyldigTil"] = r.gyldigTil ?? null;
      cells["hovedomraade"] = r.hovedomraade ?? null;
      break;
    case "consequence":
      cells["targetGroup"] = r.targetGroup;
      cells["successMeasure"] = r.successMeasure;
      cells["service"] = r.service;
      cells["unit"] = r.unit;
      cells["consequenceKind"] =
        CONSEQUENCE_KIND.find((k) => k.kind === r.consequenceKind)?.[lang] ?? r.consequenceKind;
      r.deltaByYear.forEach((d, i) => (cells[`year${i + 1}`] = unknownOr(d)));
      cells["recommended"] = yesNoUnknown(r.recommended, lang);
      break;
  }
  return KNOWLEDGE_COLUMNS.map((c) => cells[c.key] ?? null);
}

/** Header plus one row per record (parameter records are left out). */
export function knowledgeToTable(records: readonly KnowledgeRecord[], lang: Lang): CellValue[][] {
  const rows = records.map((r) => recordToRow(r, lang)).filter((r): r is CellValue[] => r !== undefined);
  return [knowledgeHeader(lang), ...rows];
}

/** Where the table sits, so problems can name real cells: sheet (or file) name and 1-based row of the header. */
export interface TableOrigin {
  /** Name used as `file` in problems, e.g. "Viden" or "priser.xlsx › Viden". */
  readonly file: string;
  /** 1-based sheet row of the header row (data start on the next row). */
  readonly headerRow: number;
}

/**
 * Reads a knowledge table (header row first) into a validated knowledge base. Blank rows are skipped.
 * Problems name the file, the record as "række <n> (<id>)" ("row <n>" in English is the caller's choice;
 * the Danish word is used because the sheet is Danish) and the column header.
 */
export function tableToKnowledge(
  rows: readonly (readonly CellValue[])[],
  origin: TableOrigin,
  name: string,
  options: KnowledgeValidationOptions = {},
): KnowledgeValidation {
  const header = rows[0] ?? [];
  const colOf = new Map<string, number>();
  const headerProblems: KnowledgeProblem[] = [];
  header.forEach((h, i) => {
    if (typeof h !== "string") return;
    const c = KNOWLEDGE_COLUMNS.find((k) => norm(k.da) === norm(h) || norm(k.en) === norm(h));
    if (c && !colOf.has(c.key)) colOf.set(c.key, i);
  });
  for (const key of ["kind", "id", "title", "source", "year", "confidence"]) {
    if (!colOf.has(key)) {
      const c = KNOWLEDGE_COLUMNS.find((k) => k.key === key);
      headerProblems.push({
        file: origin.file,
        record: "",
        field: c?.da ?? key,
        message: {
          da: `Kolonnen "${c?.da}" mangler i overskriftsrækken.`,
          en: `The column "${c?.en}" is missing from the header row.`,
        },
      });
    }
  }
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };
  if (rows.length - 1 > KNOWLEDGE_LIMITS.records) {
    return {
      ok: false,
      problems: [
        {
          file: origin.file,
          record: "",
          field: "",
          message: { da: "For mange rækker.", en: "Too many rows." },
        },
      ],
    };
  }

  const records: Record<string, unknown>[] = [];
  const sheetRowOf: number[] = [];
  const cellProblems: KnowledgeProblem[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const get = (key: string): CellValue | undefined => {
      const c = colOf.get(key);
      return c === undefined ? undefined : row[c];
    };
    if ([...colOf.values()].every((c) => blank(row[c]))) continue;
    const sheetRow = origin.headerRow + i;
    const id = text(get("id"));
    const label = `række ${sheetRow}${id ? ` (${id})` : ""}`;
    const fail = (key: string, da: string, en: string): void => {
      const c = KNOWLEDGE_COLUMNS.find((k) => k.key === key);
      cellProblems.push({ file: origin.file, record: label, field: c?.da ?? key, message: { da, en } });
    };
    const num = (key: string): number | null | undefined => {
      const v = get(key);
      if (blank(v)) return undefined;
      if (typeof v === "number") return v;
      if (typeof v === "string" && v.trim() === UNKNOWN_MARK) return null;
      const c = KNOWLEDGE_COLUMNS.find((k) => k.key === key);
      fail(
        key,
        `"${c?.da}" skal være et tal eller "?" (er "${String(v)}").`,
        `"${c?.en}" must be a number or "?" (is "${String(v)}").`,
      );
      return undefined;
    };
    /** A number, or null (unknown) when blank or "?". */
    const numOrNull = (key: string): number | null | undefined => {
      const v = num(key);
      return v === undefined && blank(get(key)) ? null : v;
    };
    const kindText = text(get("kind"));
    const kind = KIND_LABELS.find(
      (k) =>
        kindText !== undefined &&
        (norm(k.da) === norm(kindText) || norm(k.en) === norm(kindText) || k.kind === kindText.trim()),
    )?.kind;
    const rec: Record<string, unknown> = { kind: kind ?? kindText, id, title: text(get("title")) };
    const gapReason = text(get("gapReason"));
    const gapWhere = text(get("gapWhere"));
    if (gapReason !== undefined || gapWhere !== undefined)
      rec["gap"] = { reason: gapReason, where: gapWhere };
    const tags = text(get("tags"));
    if (tags !== undefined)
      rec["tags"] = tags
        .split(",")
        .map((t) => t.trim())
        .filter((t) => t.length > 0);
    const year = num("year");
    rec["provenance"] = {
      source: text(get("source")),
      year: year === null ? undefined : year,
      confidence: text(get("confidence"))?.toUpperCase(),
      ...(text(get("derivation")) !== undefined ? { derivation: text(get("derivation")) } : {}),
      ...(text(get("note")) !== undefined ? { note: text(get("note")) } : {}),
    };
    switch (kind) {
      case "targetGroup": {
        const area = text(get("area"));
        rec["area"] =
          AREA_LABELS.find(
            (a) =>
              area !== undefined &&
              (norm(a.da) === norm(area) || norm(a.en) === norm(area) || a.area === area),
          )?.area ?? area;
        const sm = text(get("successMeasure"));
        rec["successMeasure"] = sm === undefined || sm === UNKNOWN_MARK ? null : sm;
        const v = get("verifiedSomGroup");
        const vt = typeof v === "string" ? norm(v) : v;
        rec["verifiedSomGroup"] =
          vt === true || vt === "ja" || vt === "yes"
            ? true
            : vt === false || vt === "nej" || vt === "no"
              ? false
              : v;
        break;
      }
      case "effect":
        rec["intervention"] = text(get("intervention"));
        rec["targetGroup"] = text(get("targetGroup")) ?? null;
        rec["outcome"] = text(get("outcome"));
        rec["treatedShare"] = numOrNull("treatedShare");
        rec["controlShare"] = numOrNull("controlShare");
        rec["suggestedSuccessRate"] = numOrNull("suggestedSuccessRate");
        rec["design"] = text(get("design"));
        rec["evidenceLevel"] = numOrNull("evidenceLevel");
        if (num("n") !== undefined) rec["n"] = num("n");
        break;
      case "price": {
        rec["service"] = text(get("service"));
        rec["unit"] = text(get("unit"));
        rec["amounts"] = {
          Kommune: numOrNull("Kommune"),
          Region: numOrNull("Region"),
          Stat: numOrNull("Stat"),
        };
        const gross = num("grossAmount");
        if (typeof gross === "number") rec["grossAmount"] = gross;
        const fk = text(get("figureKind"));
        if (fk !== undefined)
          rec["figureKind"] =
            FIGURE_KIND_LABELS.find(
              (k) => norm(k.da) === norm(fk) || norm(k.en) === norm(fk) || k.kind === fk,
            )?.kind ?? fk;
        rec["inklOverhead"] = readYesNo(get("inklOverhead"));
        rec["efterRefusion"] = readYesNo(get("efterRefusion"));
        const tg = text(get("targetGroup"));
        if (tg !== undefined) rec["targetGroup"] = tg;
        for (const key of ["gyldigFra", "gyldigTil"]) {
          const d = readDate(get(key));
          if (d !== undefined) rec[key] = d;
        }
        const area = text(get("hovedomraade"));
        if (area !== undefined) rec["hovedomraade"] = area;
        break;
      }
      case "consequence": {
        rec["targetGroup"] = text(get("targetGroup"));
        rec["successMeasure"] = text(get("successMeasure"));
        rec["service"] = text(get("service"));
        rec["unit"] = text(get("unit"));
        const ck = text(get("consequenceKind"));
        rec["consequenceKind"] =
          CONSEQUENCE_KIND.find(
            (k) => ck !== undefined && (norm(k.da) === norm(ck) || norm(k.en) === norm(ck) || k.kind === ck),
          )?.kind ?? ck;
        const delta: (number | null | undefined)[] = [];
        for (let j = 1; j <= KNOWLEDGE_TABLE_YEARS; j++) delta.push(numOrNull(`year${j}`));
        let last = delta.length;
        while (last > 0 && blank(get(`year${last}`))) last--;
        rec["deltaByYear"] = delta.slice(0, last);
        rec["recommended"] = readYesNo(get("recommended"));
        break;
      }
      default:
        break;
    }
    records.push(rec);
    sheetRowOf.push(sheetRow);
  }
  if (cellProblems.length > 0) return { ok: false, problems: cellProblems };

  const result = validateKnowledgeBase({ formatVersion: 1, name, records }, origin.file, options);
  if (result.ok) return result;
  // The validator names records by id or "#<position>" and fields by JSON key; say row and column instead.
  return {
    ok: false,
    problems: result.problems.map((p) => {
      const pos = p.record.startsWith("#")
        ? Number(p.record.slice(1)) - 1
        : records.findIndex((r) => r["id"] === p.record);
      const id = pos >= 0 ? records[pos]?.["id"] : undefined;
      const record =
        pos >= 0 ? `række ${sheetRowOf[pos]}${typeof id === "string" ? ` (${id})` : ""}` : p.record;
      return { ...p, record, field: fieldHeader(p.field) };
    }),
  };
}

/** The column header (Danish) for a validator field name. */
function fieldHeader(field: string): string {
  if (field === "amounts") return "Kommune/Region/Stat";
  if (field === "deltaByYear") return "År 1…";
  if (field === "reason") return "Mangler: hvorfor";
  if (field === "where") return "Mangler: hvor findes tallet";
  if (field === "provenance.derivation") return "Udregning";
  const c = KNOWLEDGE_COLUMNS.find((k) => k.key === field);
  return c ? c.da : field;
}

function text(v: CellValue | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = typeof v === "string" ? v.trim() : String(v);
  return s === "" ? undefined : s;
}

/** A knowledge base from rows, or the caller's fallback name when none is given. */
export function knowledgeBaseOf(
  records: readonly KnowledgeRecord[],
  name: string,
  description?: string,
): KnowledgeBase {
  return { formatVersion: 1, name, ...(description !== undefined ? { description } : {}), records };
}
