/**
 * "Opret SØM-ark" (create the SØM sheets): sets up the SØM input sheets from the template layout
 * (`src/workbook/layout/build-template-spec.ts`) in a blank workbook, or adds the missing ones to an
 * existing workbook without touching what is there:
 *
 * - a sheet that already exists (same name, case-insensitive) is skipped, never rewritten;
 * - a defined name that already exists is not redefined;
 * - the names of a skipped sheet are not created (they would point into the user's own sheet);
 * - the actor drop-downs use the helper name `SOM_Aktoerer_Navne`: when it does not exist and the template's
 *   actor block is not created, it is defined over the `Aktør` column of the workbook's existing
 *   `SOM_Aktoerer`; without any actor list the actor drop-downs are left out.
 *
 * - repair (issue 12, item 2): on a template sheet that already exists and is recognisably the template's (its
 *   A1 holds the template's title for that sheet), a template name that is missing from the workbook is
 *   defined again when the cell in column A of the name's first row still holds the template's label or header
 *   there — e.g. after an earlier run was interrupted or a name was deleted in Name Manager. A name that exists
 *   (wherever it points) is never redefined, and no cell is written. Needs a port that reads ranges
 *   (`readRanges`); elsewhere nothing is repaired.
 *
 * Everything is written with one `port.writeSheets` call; nothing is written when every sheet exists and no
 * name is missing. The Office adapter defines the names right after adding the sheets, before any content,
 * drop-down or format, so a failure later in the write still leaves sheets with their names.
 *
 * Example: `await createSomSheets(port, "da")` → `{ created: ["Forside", …, "Følsomhed"], skipped: [] }`.
 */
import type { Lang } from "../present/format";
import { ACTOR_LIST_NAME, buildTemplateSpec } from "../workbook/layout/build-template-spec";
import { cellA1, parseRect, rectA1 } from "../workbook/a1";
import { COLUMNS, N } from "../workbook/names";
import type { NamedValue, RangeRef, WorkbookPort } from "../workbook/port";
import type { CellValue, NameSpec, SheetSpec, WorkbookSpec } from "../workbook/sheet-model";
import { readWorkbook } from "./read-once";

export interface CreateSheetsResult {
  /** Sheets added, in tab order. */
  readonly created: readonly string[];
  /** Template sheets that already existed and were left as they are. */
  readonly skipped: readonly string[];
  /** Missing template names defined again on existing template sheets (see the module comment). */
  readonly repairedNames?: readonly string[];
}

const lower = (s: string): string => s.toLowerCase();

/** The `Aktør`/`Actor` data cells of an existing `SOM_Aktoerer` range, as a name spec; undefined if not found. */
function actorListFrom(actors: NamedValue | undefined): NameSpec | undefined {
  if (actors === undefined || actors.kind !== "range" || actors.values.length < 2) return undefined;
  const def = COLUMNS[N.actors][0];
  const wanted = new Set([lower(def.da), lower(def.en)]);
  const col = (actors.values[0] ?? []).findIndex((v) => typeof v === "string" && wanted.has(lower(v.trim())));
  if (col < 0) return undefined;
  const ref = rectA1({ row: actors.row + 1, col: actors.col + col, rows: actors.values.length - 1, cols: 1 });
  return { name: ACTOR_LIST_NAME, sheet: actors.sheet, ref };
}

const withoutActorLists = (sheet: SheetSpec): SheetSpec => {
  const validations = (sheet.validations ?? []).filter((v) => v.list !== `=${ACTOR_LIST_NAME}`);
  const { validations: _dropped, ...rest } = sheet;
  return validations.length > 0 ? { ...rest, validations } : rest;
};

/** Creates the SØM input sheets that are missing (see the module comment). */
export async function createSomSheets(port: WorkbookPort, lang: Lang): Promise<CreateSheetsResult> {
  const spec = buildTemplateSpec(lang);
  // the sheet list and every template name in one read (Office.js: 2 round trips)
  const state = await readWorkbook(
    port,
    spec.names.map((n) => n.name),
  );
  const existingSheets = new Set(state.sheets.map((s) => lower(s.name)));
  const toCreate = spec.sheets.filter((s) => !existingSheets.has(lower(s.name)));
  const skipped = spec.sheets.filter((s) => existingSheets.has(lower(s.name))).map((s) => s.name);

  const existingNames = state.named;
  const repaired = await namesToRepair(port, spec, skipped, existingNames);
  if (toCreate.length === 0 && repaired.length === 0) return { created: [], skipped };
  const created = new Set(toCreate.map((s) => lower(s.name)));
  const names: NameSpec[] = spec.names.filter(
    (n) => "sheet" in n && created.has(lower(n.sheet)) && !existingNames.has(lower(n.name)),
  );

  // The actor drop-down list must follow the workbook's real SOM_Aktoerer.
  let sheets = toCreate;
  if (!existingNames.has(lower(ACTOR_LIST_NAME))) {
    const ownActors = existingNames.get(lower(N.actors));
    const helperIndex = names.findIndex((n) => n.name === ACTOR_LIST_NAME);
    if (ownActors !== undefined) {
      // The workbook's own actor block wins over the template's (which is then unnamed).
      if (helperIndex >= 0) names.splice(helperIndex, 1);
      const derived = actorListFrom(ownActors);
      if (derived !== undefined) names.push(derived);
      else sheets = sheets.map(withoutActorLists);
    } else if (helperIndex < 0) {
      sheets = sheets.map(withoutActorLists);
    }
  }

  await port.writeSheets({ sheets, names: [...names, ...repaired] });
  return {
    created: toCreate.map((s) => s.name),
    skipped,
    ...(repaired.length > 0 ? { repairedNames: repaired.map((n) => n.name) } : {}),
  };
}

/** The template names to define again on existing template sheets (see the module comment). */
async function namesToRepair(
  port: WorkbookPort,
  template: WorkbookSpec,
  existingSheets: readonly string[],
  existing: ReadonlyMap<string, NamedValue>,
): Promise<NameSpec[]> {
  type RefName = Extract<NameSpec, { sheet: string }>;
  const candidates = template.names.filter(
    (n): n is RefName =>
      "sheet" in n && existingSheets.some((s) => lower(s) === lower(n.sheet)) && !existing.has(lower(n.name)),
  );
  if (candidates.length === 0 || !port.readRanges) return [];
  const templateCell = (sheet: string, row: number, col: number): CellValue => {
    const s = template.sheets.find((x) => lower(x.name) === lower(sheet));
    for (const b of s?.blocks ?? []) {
      const v = b.values[row - b.row]?.[col - b.col];
      if (v !== undefined) return v;
    }
    return null;
  };
  const labelRow = (n: RefName): number => parseRect(n.ref)?.row ?? 0;
  const sheets = [...new Set(candidates.map((n) => n.sheet))];
  const refs: RangeRef[] = [
    ...sheets.map((sheet) => ({ sheet, ref: "A1" })),
    ...candidates.map((n) => ({ sheet: n.sheet, ref: cellA1(labelRow(n), 0) })),
  ];
  const read = await port.readRanges(refs);
  const at = (i: number): CellValue => read[i]?.[0]?.[0] ?? null;
  const ours = new Set(
    sheets.filter((sheet, i) => {
      const title = templateCell(sheet, 0, 0);
      return typeof title === "string" && title !== "" && at(i) === title;
    }),
  );
  return candidates.filter((n, i) => {
    if (!ours.has(n.sheet)) return false;
    const label = templateCell(n.sheet, labelRow(n), 0);
    return typeof label === "string" && label !== "" && at(sheets.length + i) === label;
  });
}
