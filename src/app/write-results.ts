/**
 * Writing result sheets safely (workbook-contract.md, "Writing rules"; team brief "Result sheets and ownership").
 *
 * - Ownership: the hidden `_som_meta` sheet lists the sheets the tools own (`SOM_Meta_EjedeArk`). A sheet
 *   with a result sheet's name that exists but is not in that list is never overwritten: the run stops with
 *   an `InputIssue` (code `sheet-not-owned`).
 * - Every write also rewrites `_som_meta`: the owned list (merged), the input snapshot of this run, its
 *   fingerprint (`SOM_Meta_Inputaftryk`) and the `SOM_Status` formula, so stale results are visible without the
 *   add-in. Result sheets rendered for this write must carry `snapshotFingerprint(snapshot)` of the same
 *   snapshot; a result sheet left from an earlier run keeps its own fingerprint and so reads "Forældet" when the
 *   inputs have changed since (see `sheetStatusFormula`).
 * - One `writeSheets` call per run. A file is written whole; in Excel a write can fail halfway (batches are not
 *   transactional), so the spec's `claim` (the ownership list and a "being written" fingerprint) is written
 *   first: the sheets a failed write created stay SØM's and every result sheet reads "Forældet" until a run
 *   finishes.
 */
import type { InputIssue } from "../engine/types";
import { ENGINE_VERSION } from "../engine/version";
import type { Lang } from "../present/format";
import { INPUT_NAMES, META_NAMES, RESULT_SHEETS } from "../workbook/names";
import type { NamedValue, SheetInfo, WorkbookPort } from "../workbook/port";
import type { InputSnapshot } from "../workbook/render/input-snapshot";
import {
  META_RESULT_NAMES,
  parseResultNameEntry,
  renderMetaSheet,
  resultNameEntry,
  stampTime,
  type MetaContext,
} from "../workbook/render/meta-sheet";
import { calculatedFooter, withPrintSetup } from "../workbook/render/print-layout";
import { readWorkbook } from "./read-once";
import type { NameSpec, SheetSpec, WorkbookSpec } from "../workbook/sheet-model";

/** Raised by `writeResultSheets` when a target sheet exists but is not owned; carries the issues to show. */
export class SheetNotOwnedError extends Error {
  override readonly name = "SheetNotOwnedError";
  constructor(readonly issues: readonly InputIssue[]) {
    super(issues.map((i) => i.message.en).join(" "));
  }
}

/** A programmer error: a result write tried to (re)define an input name of the contract. */
export class InputNameWriteError extends Error {
  override readonly name = "InputNameWriteError";
}

const lower = (s: string): string => s.toLowerCase();

/** The texts of a list name on the meta sheet (empty when absent or not on the meta sheet). */
function metaList(named: ReadonlyMap<string, NamedValue>, name: string): string[] {
  const v = named.get(lower(name));
  if (v === undefined || v.kind !== "range" || lower(v.sheet) !== lower(RESULT_SHEETS.meta)) return [];
  const out: string[] = [];
  for (const line of v.values)
    for (const x of line) if (typeof x === "string" && x.trim() !== "") out.push(x);
  return out;
}

/** The sheets the tools own, as recorded in `SOM_Meta_EjedeArk` on the meta sheet (empty when absent). */
export async function readOwnedSheets(port: WorkbookPort): Promise<readonly string[]> {
  return metaList(await port.readNames([META_NAMES.ownedSheets]), META_NAMES.ownedSheets);
}

/** The issue for one sheet that would be overwritten but is not ours. */
export function notOwnedIssue(sheet: string): InputIssue {
  return {
    code: "sheet-not-owned",
    severity: "error",
    message: {
      da: `Arket »${sheet}« findes allerede, men er ikke oprettet af SØM for Excel. Det overskrives ikke: omdøb eller slet arket, og beregn igen.`,
      en: `The sheet “${sheet}” already exists but was not created by SØM for Excel. It is not overwritten: rename or delete the sheet and calculate again.`,
    },
    location: { path: [], sheet },
  };
}

/**
 * Checks that every sheet in `sheetNames` (plus the meta sheet) either does not exist or is owned.
 * Returns null when all may be written, else one issue per unowned sheet.
 */
export async function checkOwnership(
  port: WorkbookPort,
  sheetNames: readonly string[],
): Promise<readonly InputIssue[] | null> {
  return (await ownershipState(port, sheetNames)).issues;
}

/** The names the ownership check reads (with the sheet list). */
export const OWNERSHIP_NAMES: readonly string[] = [META_NAMES.ownedSheets, META_RESULT_NAMES];

async function ownershipState(
  port: WorkbookPort,
  sheetNames: readonly string[],
): Promise<{
  issues: readonly InputIssue[] | null;
  owned: readonly string[];
  resultNames: readonly string[];
  existing: readonly SheetInfo[];
}> {
  // the sheet list and the meta names in one read (Office.js: 2 round trips; from the cache of a `readOnce` port)
  const { sheets: existing, named } = await readWorkbook(port, OWNERSHIP_NAMES);
  const owned = metaList(named, META_NAMES.ownedSheets);
  const ownedSet = new Set(owned.map(lower));
  const existingByName = new Map(existing.map((s) => [lower(s.name), s.name]));
  const targets = [...sheetNames, RESULT_SHEETS.meta];
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    const k = lower(t);
    if (seen.has(k)) continue;
    seen.add(k);
    const actual = existingByName.get(k);
    // A VeryHidden `_som_meta` is ours even without the list: Excel's UI cannot make a sheet VeryHidden, and a
    // write stopped right after adding it (before the claim's owned list was written) leaves it so.
    const ourMeta =
      k === lower(RESULT_SHEETS.meta) &&
      existing.some((s) => lower(s.name) === k && s.visibility === "veryHidden");
    if (actual !== undefined && !ownedSet.has(k) && !ourMeta) issues.push(notOwnedIssue(actual));
  }
  return {
    issues: issues.length === 0 ? null : issues,
    owned,
    resultNames: metaList(named, META_RESULT_NAMES),
    existing,
  };
}

export interface WriteContext {
  readonly now: Date;
  readonly lang: Lang;
  /** Defaults to the engine's version. */
  readonly engineVersion?: string;
}

/**
 * Writes result sheets and their names plus a fresh `_som_meta` (owned list merged with earlier runs, the
 * snapshot of this run, `SOM_Status`) in ONE `writeSheets` call. Throws `SheetNotOwnedError` (nothing written)
 * when a target sheet exists but is not owned.
 * Example: await writeResultSheets(port, [resultsSheet], resultNames, snapshot, { now, lang: "da" })
 */
export async function writeResultSheets(
  port: WorkbookPort,
  sheets: readonly SheetSpec[],
  names: readonly NameSpec[],
  snapshot: InputSnapshot,
  ctx: WriteContext = { now: new Date(), lang: "da" },
): Promise<void> {
  const inputNames = new Set(INPUT_NAMES.map(lower));
  for (const n of names) {
    if (inputNames.has(lower(n.name)))
      throw new InputNameWriteError(`A result write may not define ${n.name}`);
  }
  const state = await ownershipState(
    port,
    sheets.map((s) => s.name),
  );
  if (state.issues !== null) throw new SheetNotOwnedError(state.issues);
  const existing = new Set(state.existing.map((s) => lower(s.name)));
  const owned: string[] = [];
  const add = (s: string): void => {
    if (!owned.some((o) => lower(o) === lower(s))) owned.push(s);
  };
  for (const s of state.owned) if (existing.has(lower(s))) add(s);
  for (const s of sheets) add(s.name);
  add(RESULT_SHEETS.meta);
  const metaCtx: MetaContext = {
    now: ctx.now,
    lang: ctx.lang,
    engineVersion: ctx.engineVersion ?? ENGINE_VERSION,
  };
  const { entries, leftovers } = resultNameBookkeeping(state.resultNames, sheets, names, existing);
  const notCalculated = ctx.lang === "da" ? "ikke beregnet" : "not calculated";
  const neutralised: NameSpec[] = leftovers.map((name) => ({ name, constant: notCalculated }));
  const meta = renderMetaSheet(snapshot, owned, metaCtx, entries);
  // Every sheet written prints on A4, one page wide, with the title and time of calculation (print-layout.ts).
  const footer = calculatedFooter(ctx.lang, stampTime(ctx.now));
  const ordered = sheets
    .filter((s) => lower(s.name) !== lower(RESULT_SHEETS.meta))
    .map((s) => withPrintSetup(s, { lang: ctx.lang, footer }));
  await port.writeSheets({
    sheets: [...ordered, meta.sheet],
    names: [...neutralised, ...names, ...meta.names],
    // written first by the Office adapter: a write that fails halfway leaves sheets that are still SØM's and
    // results that read "Forældet" (issue 12, item 3)
    claim: meta.claim,
  });
}

/**
 * Which result names exist after this write, and which earlier ones it no longer produces. A name recorded for
 * a sheet that is rewritten now but not defined again would point at a cell of the new layout, so it becomes
 * the text constant "ikke beregnet" (never a silently wrong figure). Names on sheets not rewritten are kept.
 */
function resultNameBookkeeping(
  previous: readonly string[],
  sheets: readonly SheetSpec[],
  names: readonly NameSpec[],
  existing: ReadonlySet<string>,
): { entries: string[]; leftovers: string[] } {
  const rewritten = new Set(sheets.map((s) => lower(s.name)));
  const now = new Set(names.map((n) => lower(n.name)));
  const entries: string[] = [];
  const leftovers: string[] = [];
  const seen = new Set<string>();
  for (const e of previous) {
    const p = parseResultNameEntry(e);
    if (p === undefined || seen.has(lower(p.name)) || now.has(lower(p.name))) continue;
    seen.add(lower(p.name));
    if (rewritten.has(lower(p.sheet))) leftovers.push(p.name);
    else if (existing.has(lower(p.sheet))) entries.push(resultNameEntry(p.sheet, p.name));
  }
  for (const n of names) if ("sheet" in n) entries.push(resultNameEntry(n.sheet, n.name));
  return { entries, leftovers };
}

/**
 * `writeResultSheets` through a `recordingPort`: `{ ok: true, written }` with exactly what was passed to
 * `writeSheets`, or `{ ok: false, issues }` (nothing written) when a target sheet exists but is not owned.
 * Other errors are thrown. The one write step of Beregn, Følsomhed and Usikkerhed.
 * Example: const w = await writeOwnedResultSheets(port, [sheet], names, snapshot, { now, lang: "da" }); if (!w.ok) w.issues
 */
export async function writeOwnedResultSheets(
  port: WorkbookPort,
  sheets: readonly SheetSpec[],
  names: readonly NameSpec[],
  snapshot: InputSnapshot,
  ctx: WriteContext,
): Promise<
  | { readonly ok: true; readonly written: WorkbookSpec }
  | { readonly ok: false; readonly issues: readonly InputIssue[] }
> {
  const rec = recordingPort(port);
  try {
    await writeResultSheets(rec.port, sheets, names, snapshot, ctx);
  } catch (error) {
    if (error instanceof SheetNotOwnedError) return { ok: false, issues: error.issues };
    throw error;
  }
  return { ok: true, written: rec.written() };
}

/**
 * A port around `port` whose reads pass through and whose writes are passed on and recorded, so a use case can
 * return exactly what it wrote (the CLI's `--out` adds those sheets to a copy of the input file).
 */
export function recordingPort(port: WorkbookPort): { port: WorkbookPort; written: () => WorkbookSpec } {
  let last: WorkbookSpec = { sheets: [], names: [] };
  return {
    port: {
      readNames: (n) => port.readNames(n),
      listSheets: () => port.listSheets(),
      // passed on, or the ownership check would read the sheet list in a round trip of its own
      ...(port.readWorkbook ? { readWorkbook: (n: readonly string[]) => port.readWorkbook!(n) } : {}),
      writeSheets: async (spec) => {
        await port.writeSheets(spec);
        last = spec;
      },
    },
    written: () => last,
  };
}
