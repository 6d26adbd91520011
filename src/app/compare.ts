/**
 * Use case "Sammenlign" (som-method.md §9): recompute saved scenarios from their stored inputs, put them side
 * by side on the `Sammenligning` sheet, and decompose the difference between two of them ("why did it move",
 * `src/engine/decompose`). Used by the task pane and by `som compare`.
 *
 * The comparison sheet is written through `writeResultSheets` (ownership check, `_som_meta`). It does not
 * depend on the current inputs, so the input snapshot already on `_som_meta` is kept unchanged: writing a
 * comparison never makes stale results look current. (Without results yet, the current inputs are used.)
 * The kept snapshot is rebuilt exactly from its table, so its input fingerprint (`SOM_Meta_Inputaftryk`) is
 * unchanged too and every result sheet keeps its status. The comparison sheet itself has no status line: it
 * shows saved scenarios, not the current inputs (its note says so).
 */
import { calculate } from "../engine/calculate";
import { decompose } from "../engine/decompose/decompose";
import type { InputIssue } from "../engine/types";
import { ENGINE_VERSION } from "../engine/version";
import type { Lang } from "../present/format";
import { RESULT_SHEETS } from "../workbook/names";
import type { WorkbookPort } from "../workbook/port";
import {
  renderComparisonSheet,
  type ComparisonEntry,
  type ComparisonModel,
} from "../workbook/render/comparison-sheet";
import { MAX_COLS, MAX_ROWS } from "../workbook/a1";
import {
  MAX_SNAPSHOT_CELLS_PER_NAME,
  NO_RANGE,
  takeSnapshot,
  type InputSnapshot,
  type SnapshotEntry,
  type SnapshotLine,
} from "../workbook/render/input-snapshot";
import { linesFromTable, META_SNAPSHOT_TABLE } from "../workbook/render/meta-sheet";
import type { StoredScenario } from "../workbook/render/scenario-store";
import type { SheetSpec } from "../workbook/sheet-model";
import { SCENARIO_NAMES } from "../workbook/read/read-scenario";
import { SNAPSHOT_EXTRA_NAMES } from "./calculate-workbook";
import { loadScenario } from "./load-scenario";
import { listScenarios, storedScenarioPort } from "./scenarios";
import { checkOwnership, SheetNotOwnedError, writeResultSheets } from "./write-results";

export interface CompareOptions {
  /** Which scenarios to compare, by id or name (case-insensitive), in this order; default all, in saved order. */
  readonly select?: readonly (number | string)[];
  /** The pair to decompose (id or name); default the first and the second compared scenario. */
  readonly from?: number | string;
  readonly to?: number | string;
}

export type CompareOutcome =
  | {
      readonly ok: true;
      readonly model: ComparisonModel;
      readonly storeProblems: readonly { readonly da: string; readonly en: string }[];
    }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

const lower = (s: string): string => s.trim().toLowerCase();

function issue(code: string, da: string, en: string): InputIssue {
  return { code, severity: "error", message: { da, en }, location: { path: [] } };
}

function find(all: readonly StoredScenario[], ref: number | string): StoredScenario | undefined {
  return typeof ref === "number"
    ? all.find((s) => s.id === ref)
    : all.find((s) => lower(s.name) === lower(ref));
}

const notFound = (ref: number | string): InputIssue =>
  issue(
    "unknown-scenario",
    `Scenariet »${String(ref)}« findes ikke.`,
    `There is no scenario “${String(ref)}”.`,
  );

/**
 * Recomputes the selected saved scenarios and decomposes one pair. Nothing is written.
 * A saved scenario whose inputs no longer validate (e.g. after an engine update) is listed in `skipped`.
 */
export async function buildComparison(
  port: WorkbookPort,
  options: CompareOptions = {},
): Promise<CompareOutcome> {
  const store = await listScenarios(port);
  if (!store.ok) return store;
  const all = store.scenarios;
  if (all.length === 0) {
    return {
      ok: false,
      issues: [
        issue(
          "no-scenarios",
          "Der er ingen gemte scenarier i projektmappen. Gem først et scenarie.",
          "The workbook has no saved scenarios. Save a scenario first.",
        ),
      ],
    };
  }
  const chosen: StoredScenario[] = [];
  for (const ref of options.select ?? all.map((s) => s.id)) {
    const s = find(all, ref);
    if (s === undefined) return { ok: false, issues: [notFound(ref)] };
    if (!chosen.includes(s)) chosen.push(s);
  }
  /** A stored scenario recomputed, or the first input issue that stops it (cached by id). */
  const computed = new Map<number, ComparisonEntry | InputIssue>();
  const compute = async (s: StoredScenario): Promise<ComparisonEntry | InputIssue> => {
    const known = computed.get(s.id);
    if (known !== undefined) return known;
    const load = await loadScenario(storedScenarioPort(s));
    const value: ComparisonEntry | InputIssue = load.ok
      ? { name: s.name, savedAt: s.savedAt, scenario: load.scenario, results: calculate(load.scenario) }
      : (load.issues[0] ?? issue("scenario-not-computable", "Input har fejl.", "The inputs have errors."));
    computed.set(s.id, value);
    return value;
  };
  const entries: ComparisonEntry[] = [];
  const skipped: { name: string; reason: { da: string; en: string } }[] = [];
  for (const s of chosen) {
    const e = await compute(s);
    if ("code" in e) skipped.push({ name: s.name, reason: e.message });
    else entries.push(e);
  }

  // The pair may be any saved scenario, also one left out of the table.
  let decomposition: ComparisonModel["decomposition"] = null;
  const pick = async (
    ref: number | string | undefined,
    fallback: number,
  ): Promise<ComparisonEntry | InputIssue | undefined> => {
    if (ref === undefined) return entries[fallback];
    const s = find(all, ref);
    if (s === undefined) return notFound(ref);
    const e = await compute(s);
    return "code" in e
      ? issue(
          "scenario-not-computable",
          `Scenariet »${s.name}« kan ikke genberegnes: ${e.message.da}`,
          `The scenario “${s.name}” cannot be recomputed: ${e.message.en}`,
        )
      : e;
  };
  const from = await pick(options.from, 0);
  const to = await pick(options.to, 1);
  for (const x of [from, to]) if (x !== undefined && "code" in x) return { ok: false, issues: [x] };
  if (from !== undefined && to !== undefined && !("code" in from) && !("code" in to)) {
    decomposition = { from: from.name, to: to.name, outcome: decompose(from.scenario, to.scenario) };
  }
  return { ok: true, model: { entries, skipped, decomposition }, storeProblems: store.problems };
}

/** Rebuilds the snapshot on `_som_meta` from its table lines, so a rewrite of the meta sheet keeps it exactly. */
export function snapshotFromLines(lines: readonly SnapshotLine[]): InputSnapshot {
  const entries: SnapshotEntry[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i] as SnapshotLine;
    if (l.part === "value") {
      entries.push({ kind: "constant", name: l.name, value: l.value });
      i++;
      continue;
    }
    const next = lines[i + 1];
    if (
      l.part === "rows" &&
      (next === undefined || next.part !== "cols" || lower(next.name) !== lower(l.name))
    ) {
      if (l.value === NO_RANGE) entries.push({ kind: "absent", name: l.name });
      i++;
      continue;
    }
    if (l.part !== "rows" || next === undefined) {
      i++;
      continue;
    }
    // The stored shape is untrusted (a tampered table may declare 5e9 rows): whole numbers within Excel's
    // grid, and cells only up to the snapshot's own cap — as `takeSnapshot` does for a large range.
    const whole = (v: unknown, max: number): number =>
      typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= max ? v : 0;
    const rows = whole(l.value, MAX_ROWS);
    const cols = whole(next.value, MAX_COLS);
    i += 2;
    const cells: SnapshotLine[] = [];
    while (i < lines.length && lines[i]?.part === "cell" && lower(lines[i]?.name ?? "") === lower(l.name))
      cells.push(lines[i++] as SnapshotLine);
    let values: SnapshotLine["value"][][] = [];
    if (cells.length > 0 && rows * cols <= MAX_SNAPSHOT_CELLS_PER_NAME) {
      values = Array.from({ length: rows }, () => new Array<SnapshotLine["value"]>(cols).fill(""));
      for (const x of cells) {
        const line = values[x.row - 1];
        if (line !== undefined && x.col >= 1 && x.col <= cols) line[x.col - 1] = x.value;
      }
    }
    entries.push({ kind: "range", name: l.name, rows, cols, values });
  }
  return { entries };
}

/** The input snapshot to keep on `_som_meta`: the one already there, else the current inputs. */
async function keptSnapshot(port: WorkbookPort): Promise<InputSnapshot> {
  const names = [...SCENARIO_NAMES, ...SNAPSHOT_EXTRA_NAMES];
  const named = await port.readNames([META_SNAPSHOT_TABLE, ...names]);
  const table = named.get(META_SNAPSHOT_TABLE.toLowerCase());
  if (table?.kind === "range") {
    const lines = linesFromTable(table.values);
    if (lines.length > 0) return snapshotFromLines(lines);
  }
  return takeSnapshot(names, named);
}

export interface CompareWriteContext {
  readonly now: Date;
  readonly lang: Lang;
}

export type CompareWriteOutcome =
  | { readonly ok: true; readonly model: ComparisonModel; readonly sheet: SheetSpec }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/**
 * Builds the comparison and writes the `Sammenligning` sheet (ownership-checked, with `_som_meta`) in one write.
 * A sheet of that name that is not ours gives the issue `sheet-not-owned` and nothing is written.
 */
export async function compareWorkbook(
  port: WorkbookPort,
  options: CompareOptions,
  ctx: CompareWriteContext,
): Promise<CompareWriteOutcome> {
  const notOwned = await checkOwnership(port, [RESULT_SHEETS.comparison]);
  if (notOwned !== null) return { ok: false, issues: notOwned };
  const built = await buildComparison(port, options);
  if (!built.ok) return built;
  const sheet = renderComparisonSheet(built.model, {
    now: ctx.now,
    lang: ctx.lang,
    engineVersion: ENGINE_VERSION,
  });
  const snapshot = await keptSnapshot(port);
  try {
    await writeResultSheets(port, [sheet], [], snapshot, { now: ctx.now, lang: ctx.lang });
  } catch (error) {
    if (error instanceof SheetNotOwnedError) return { ok: false, issues: error.issues };
    throw error;
  }
  return { ok: true, model: built.model, sheet };
}
