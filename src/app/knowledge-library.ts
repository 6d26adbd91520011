/**
 * Where knowledge comes from and where it goes: the shipped starter base, the workbook's own knowledge sheet
 * (`SOM_Viden`, travels with the workbook), and knowledge files a municipality imports and shares (JSON here;
 * .xlsx through any `WorkbookPort` over the file, e.g. the command line's `FileWorkbook`).
 */
import starterJson from "../knowledge/data/starter.json";
import { knowledgeToTable, tableToKnowledge, KNOWLEDGE_COLUMNS } from "../knowledge/knowledge-table";
import type { KnowledgeBase, KnowledgeRecord } from "../knowledge/types";
import {
  validateKnowledgeBase,
  type KnowledgeProblem,
  type KnowledgeValidation,
} from "../knowledge/validate-knowledge";
import type { Lang } from "../present/format";
import { colLetters } from "../workbook/a1";
import { KNOWLEDGE_NAME, KNOWLEDGE_SHEET, knowledgeSheetSpec } from "../workbook/layout/knowledge-sheet";
import type { CellEdit, InputEditPort, NameEdit, WorkbookPort } from "../workbook/port";
import { normalizeHeader } from "../workbook/read/block";
import { isBlank } from "../workbook/read/scalar";
import type { CellValue } from "../workbook/sheet-model";
import type { Bilingual } from "./knowledge-insert";

/** The shipped starter base failed its own validation: a bug in the release, not the user's problem. */
export class StarterKnowledgeError extends Error {
  override readonly name = "StarterKnowledgeError";
}

/** Where a record was found. */
export type KnowledgeOrigin =
  | { readonly kind: "starter" }
  | { readonly kind: "workbook"; readonly sheet: string }
  | { readonly kind: "file"; readonly file: string };

export interface KnowledgeEntry {
  readonly record: KnowledgeRecord;
  readonly origin: KnowledgeOrigin;
}

let starterCache: KnowledgeBase | undefined;

/** The shipped starter knowledge base (validated once). Throws `StarterKnowledgeError` if the shipped file is invalid. */
export function starterKnowledge(): KnowledgeBase {
  if (starterCache === undefined) {
    const v = validateKnowledgeBase(starterJson, "starter.json");
    if (!v.ok)
      throw new StarterKnowledgeError(
        `starter.json is invalid: ${v.problems.map((p) => `${p.record}.${p.field}: ${p.message.en}`).join("; ")}`,
      );
    starterCache = v.value;
  }
  return starterCache;
}

/** Target-group ids of the starter base: own knowledge may refer to them without repeating the group. */
export const starterTargetGroups = (): string[] =>
  starterKnowledge()
    .records.filter((r) => r.kind === "targetGroup")
    .map((r) => r.id);

export type WorkbookKnowledge =
  | { readonly status: "absent" }
  | { readonly status: "ok"; readonly sheet: string; readonly knowledge: KnowledgeBase }
  | { readonly status: "invalid"; readonly sheet: string; readonly problems: readonly KnowledgeProblem[] };

/**
 * Reads the knowledge sheet (`SOM_Viden`) of a workbook — the open one, or a knowledge .xlsx file through a
 * file port. `absent` when the name is not defined.
 */
export async function readWorkbookKnowledge(
  port: WorkbookPort,
  fileLabel?: string,
): Promise<WorkbookKnowledge> {
  const nv = (await port.readNames([KNOWLEDGE_NAME])).get(KNOWLEDGE_NAME.toLowerCase());
  if (nv === undefined) return { status: "absent" };
  if (nv.kind !== "range") {
    const file = fileLabel ?? KNOWLEDGE_NAME;
    return {
      status: "invalid",
      sheet: "",
      problems: [
        {
          file,
          record: "",
          field: "",
          message: {
            da: `Navnet ${KNOWLEDGE_NAME} er ikke et område.`,
            en: `The name ${KNOWLEDGE_NAME} is not a range.`,
          },
        },
      ],
    };
  }
  // The header is the first non-blank row of the range.
  let h = 0;
  while (h < nv.values.length && (nv.values[h] ?? []).every(isBlank)) h++;
  const file = fileLabel ? `${fileLabel} › ${nv.sheet}` : nv.sheet;
  const v = tableToKnowledge(nv.values.slice(h), { file, headerRow: nv.row + h + 1 }, nv.sheet, {
    externalTargetGroups: starterTargetGroups(),
  });
  return v.ok
    ? { status: "ok", sheet: nv.sheet, knowledge: v.value }
    : { status: "invalid", sheet: nv.sheet, problems: v.problems };
}

/**
 * A knowledge .xlsx file the user picked (read through any port over the file, e.g. the task pane's read-only
 * port over its bytes) as a validation result, so the caller treats it exactly like a JSON file: the records,
 * or problems naming the file, sheet, row (`række n (id)`) and column. A file without `SOM_Viden` is one
 * problem that says how to make one.
 */
export async function knowledgeFromWorkbookFile(
  port: WorkbookPort,
  fileName: string,
): Promise<KnowledgeValidation> {
  const k = await readWorkbookKnowledge(port, fileName);
  if (k.status === "ok") return { ok: true, value: k.knowledge };
  if (k.status === "invalid") return { ok: false, problems: k.problems };
  return {
    ok: false,
    problems: [
      {
        file: fileName,
        record: "",
        field: "",
        message: {
          da: `Filen har ikke navnet ${KNOWLEDGE_NAME} (et vidensark). Eksportér et med 'som knowledge export --out fil.xlsx', eller gem et vidensark fra opgaveruden.`,
          en: `The file has no name ${KNOWLEDGE_NAME} (a knowledge sheet). Export one with 'som knowledge export --out file.xlsx', or save a knowledge sheet from the task pane.`,
        },
      },
    ],
  };
}

/**
 * Everything to browse: starter records first, then the workbook's own, then imported files. A record of the
 * workbook or a file with the same id as a starter record is listed as well (it is the user's version).
 */
export function knowledgeEntries(
  sources: readonly { readonly origin: KnowledgeOrigin; readonly knowledge: KnowledgeBase }[],
): KnowledgeEntry[] {
  return sources.flatMap((s) => s.knowledge.records.map((record) => ({ record, origin: s.origin })));
}

export interface SaveReport {
  readonly written: number;
  readonly sheet: string;
  /** True when the sheet was created. */
  readonly created: boolean;
  readonly skipped: readonly { readonly recordId: string; readonly text: Bilingual }[];
}

/** Thrown when the knowledge sheet cannot be created because a sheet of that name exists that is not ours. */
export class KnowledgeSheetConflictError extends Error {
  override readonly name = "KnowledgeSheetConflictError";
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

/**
 * Saves records into the workbook's knowledge sheet so they travel with the workbook. Creates the sheet
 * (with `SOM_Viden`) when the name does not exist — unless a sheet of that name exists, which is never
 * overwritten. In an existing sheet, a record goes into a blank row; a row with the same id is overwritten
 * and rows appended below the block only after `confirm` (once for all). Parameter records are skipped.
 */
export async function saveToKnowledgeSheet(
  port: WorkbookPort & InputEditPort,
  records: readonly KnowledgeRecord[],
  options: { readonly lang: Lang; readonly confirm: (q: Bilingual) => Promise<boolean> },
): Promise<SaveReport> {
  const { lang } = options;
  const tableRecords = records.filter((r) => r.kind !== "parameter");
  const skipped = records
    .filter((r) => r.kind === "parameter")
    .map((r) => ({
      recordId: r.id,
      text: { da: "Parametre gemmes kun i JSON-filer.", en: "Parameters are kept in JSON files only." },
    }));
  const nv = (await port.readNames([KNOWLEDGE_NAME])).get(KNOWLEDGE_NAME.toLowerCase());
  if (nv === undefined) {
    const sheetName = KNOWLEDGE_SHEET[lang];
    const sheets = await port.listSheets();
    if (sheets.some((s) => s.name.toLowerCase() === sheetName.toLowerCase()))
      throw new KnowledgeSheetConflictError({
        da: `Arket "${sheetName}" findes allerede, men har ikke navnet ${KNOWLEDGE_NAME}. Det overskrives ikke: omdøb arket eller giv vidensblokken navnet ${KNOWLEDGE_NAME}.`,
        en: `The sheet "${sheetName}" exists but has no name ${KNOWLEDGE_NAME}. It is not overwritten: rename the sheet or name its knowledge block ${KNOWLEDGE_NAME}.`,
      });
    const { sheet, name } = knowledgeSheetSpec({ lang, records: tableRecords });
    await port.writeSheets({ sheets: [sheet], names: [name] });
    return { written: tableRecords.length, sheet: sheet.name, created: true, skipped };
  }
  if (nv.kind !== "range")
    throw new KnowledgeSheetConflictError({
      da: `Navnet ${KNOWLEDGE_NAME} er ikke et område; ret det i Navnestyring.`,
      en: `The name ${KNOWLEDGE_NAME} is not a range; fix it in Name Manager.`,
    });

  // Map the record rows (in our column order) onto the sheet's header.
  let h = 0;
  while (h < nv.values.length && (nv.values[h] ?? []).every(isBlank)) h++;
  const header = nv.values[h] ?? [];
  const width = Math.max(header.length, ...nv.values.map((r) => r.length));
  const ourIndex = header.map((cell) => {
    if (typeof cell !== "string") return -1;
    return KNOWLEDGE_COLUMNS.findIndex(
      (c) =>
        normalizeHeader(c.da) === normalizeHeader(cell) || normalizeHeader(c.en) === normalizeHeader(cell),
    );
  });
  const idCol = ourIndex.findIndex((i) => i >= 0 && KNOWLEDGE_COLUMNS[i]?.key === "id");
  const rowsOfTable = knowledgeToTable(tableRecords, lang).slice(1);
  const existingById = new Map<string, number>();
  const blankRows: number[] = [];
  for (let i = h + 1; i < nv.values.length; i++) {
    const row = nv.values[i] ?? [];
    const id = idCol >= 0 ? row[idCol] : null;
    if (typeof id === "string" && id.trim() !== "" && !existingById.has(id.trim()))
      existingById.set(id.trim(), i);
    if (row.every(isBlank)) blankRows.push(i);
  }
  const planned: { offset: number; kind: "blank" | "replace" | "append"; values: CellValue[]; id: string }[] =
    [];
  let appended = 0;
  tableRecords.forEach((r, k) => {
    const ours = rowsOfTable[k] ?? [];
    const values = Array.from({ length: width }, (_, j) => {
      const oi = ourIndex[j] ?? -1;
      return oi >= 0 ? (ours[oi] ?? null) : null;
    });
    const existing = existingById.get(r.id);
    if (existing !== undefined) {
      // Columns the sheet has but we do not know are kept as they are.
      const old = nv.values[existing] ?? [];
      planned.push({
        offset: existing,
        kind: "replace",
        values: values.map((v, j) => ((ourIndex[j] ?? -1) >= 0 ? v : (old[j] ?? null))),
        id: r.id,
      });
    } else {
      const blank = blankRows.shift();
      if (blank !== undefined) planned.push({ offset: blank, kind: "blank", values, id: r.id });
      else planned.push({ offset: nv.values.length + appended++, kind: "append", values, id: r.id });
    }
  });
  const risky = planned.filter((p) => p.kind !== "blank");
  let ok = true;
  if (risky.length > 0) {
    const replaced = risky.filter((p) => p.kind === "replace").map((p) => p.id);
    const nAppend = risky.filter((p) => p.kind === "append").length;
    ok = await options.confirm({
      da: [
        replaced.length > 0
          ? `Posterne ${replaced.join(", ")} findes allerede i arket og bliver overskrevet.`
          : "",
        nAppend > 0 ? `${nAppend} række(r) tilføjes under vidensblokken, og ${KNOWLEDGE_NAME} udvides.` : "",
        "Fortsæt?",
      ]
        .filter((s) => s !== "")
        .join(" "),
      en: [
        replaced.length > 0
          ? `The records ${replaced.join(", ")} are already in the sheet and will be overwritten.`
          : "",
        nAppend > 0
          ? `${nAppend} row(s) are added below the knowledge block and ${KNOWLEDGE_NAME} is extended.`
          : "",
        "Continue?",
      ]
        .filter((s) => s !== "")
        .join(" "),
    });
  }
  const toWrite = ok ? planned : planned.filter((p) => p.kind === "blank");
  for (const p of planned)
    if (!toWrite.includes(p))
      skipped.push({
        recordId: p.id,
        text: { da: "Ikke gemt (ikke bekræftet).", en: "Not saved (not confirmed)." },
      });
  toWrite.sort((a, b) => a.offset - b.offset);
  const cells: CellEdit[] = [];
  const names: NameEdit[] = [];
  let i = 0;
  while (i < toWrite.length) {
    let j = i;
    while (j + 1 < toWrite.length && (toWrite[j + 1]?.offset ?? 0) === (toWrite[j]?.offset ?? 0) + 1) j++;
    const run = toWrite.slice(i, j + 1);
    cells.push({
      sheet: nv.sheet,
      row: nv.row + (run[0]?.offset ?? 0),
      col: nv.col,
      values: run.map((p) => p.values),
    });
    i = j + 1;
  }
  const lastOffset = Math.max(nv.values.length - 1, ...toWrite.map((p) => p.offset));
  if (lastOffset > nv.values.length - 1) {
    names.push({
      name: KNOWLEDGE_NAME,
      sheet: nv.sheet,
      ref: `${colLetters(nv.col)}${nv.row + 1}:${colLetters(nv.col + width - 1)}${nv.row + lastOffset + 1}`,
    });
  }
  // one edit: the rows and the extended name together (issue 12, item 3)
  await port.applyEdits(cells, names);
  return { written: toWrite.length, sheet: nv.sheet, created: false, skipped };
}
