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
 * Everything is written with one `port.writeSheets` call (all or nothing); nothing is written when every
 * sheet exists.
 *
 * Example: `await createSomSheets(port, "da")` → `{ created: ["Forside", …, "Følsomhed"], skipped: [] }`.
 */
import type { Lang } from "../present/format";
import { ACTOR_LIST_NAME, buildTemplateSpec } from "../workbook/layout/build-template-spec";
import { rectA1 } from "../workbook/a1";
import { COLUMNS, N } from "../workbook/names";
import type { NamedValue, WorkbookPort } from "../workbook/port";
import type { NameSpec, SheetSpec } from "../workbook/sheet-model";

export interface CreateSheetsResult {
  /** Sheets added, in tab order. */
  readonly created: readonly string[];
  /** Template sheets that already existed and were left as they are. */
  readonly skipped: readonly string[];
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
  const existingSheets = new Set((await port.listSheets()).map((s) => lower(s.name)));
  const toCreate = spec.sheets.filter((s) => !existingSheets.has(lower(s.name)));
  const skipped = spec.sheets.filter((s) => existingSheets.has(lower(s.name))).map((s) => s.name);
  if (toCreate.length === 0) return { created: [], skipped };

  const existingNames = await port.readNames(spec.names.map((n) => n.name));
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

  await port.writeSheets({ sheets, names });
  return { created: toCreate.map((s) => s.name), skipped };
}
