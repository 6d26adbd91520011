/**
 * Use cases "Scenarier" (som-method.md §9): save the current calculation as a named scenario inside the
 * workbook, list, restore into the input sheets, rename, delete. The store is the hidden sheet
 * `_som_scenarier` (`src/workbook/render/scenario-store.ts`): plain cell values that survive email, Excel
 * and LibreOffice.
 *
 * Rules [D]:
 * - Saving needs inputs without errors (a scenario is a calculation: it carries its key results).
 * - A scenario name is trimmed, 1–80 characters, unique ignoring case; any text (also `__proto__`) is a name.
 * - The store sheet is ours when its first cell holds our title and `SOM_Scenarier` points at it. A sheet
 *   named `_som_scenarier` that is not ours is never overwritten.
 * - Restore writes each stored grid back into its named range at the range's **current** position (the
 *   user may have moved the block since); when the shape changed, the name is redefined to the stored shape
 *   and cells of the current range outside it are blanked. A name that is missing now is recreated at its
 *   stored position. An optional name that was not defined at save time but is now has its data blanked
 *   (blocks keep their header row, grid axes their first cell), so the restored inputs compute as saved.
 *   Named constants cannot be set through the port: a difference there is reported, not written.
 *   A restore that would write over another input block is refused before anything is written.
 */
import { calculate } from "../engine/calculate";
import type { InputIssue, Results } from "../engine/types";
import { LEVELS } from "../engine/types";
import { ENGINE_VERSION } from "../engine/version";
import { overlaps, rectA1, type Rect } from "../workbook/a1";
import { COLUMNS, INPUT_NAMES, N } from "../workbook/names";
import type { InputEditPort, NamedValue, SheetInfo, WorkbookPort } from "../workbook/port";
import {
  isScenarioStore,
  parseScenarioStore,
  renderScenarioStore,
  SCENARIO_SHEET,
  SCENARIO_TABLE_NAME,
  STORE_LIMITS,
  type StoredFigure,
  type StoredScenario,
} from "../workbook/render/scenario-store";
import type { CellValue } from "../workbook/sheet-model";
import { loadScenario } from "./load-scenario";
import { notOwnedIssue } from "./write-results";

/** A text in both languages. */
export interface Text {
  readonly da: string;
  readonly en: string;
}

const lower = (s: string): string => s.toLowerCase();

function scenarioIssue(code: string, da: string, en: string): InputIssue {
  return { code, severity: "error", message: { da, en }, location: { path: [] } };
}

// ───────────────────────────── reading the store ─────────────────────────────

export type StoreState =
  | {
      readonly ok: true;
      readonly scenarios: readonly StoredScenario[];
      readonly problems: readonly Text[];
      readonly exists: boolean;
    }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** Interprets the store from a `readNames` answer and the sheet list. */
function storeFrom(named: ReadonlyMap<string, NamedValue>, sheets: readonly SheetInfo[]): StoreState {
  const sheetExists = sheets.some((s) => lower(s.name) === lower(SCENARIO_SHEET));
  const v = named.get(lower(SCENARIO_TABLE_NAME));
  const ours =
    v !== undefined &&
    v.kind === "range" &&
    lower(v.sheet) === lower(SCENARIO_SHEET) &&
    isScenarioStore(v.values);
  if (!ours) {
    if (sheetExists) return { ok: false, issues: [notOwnedIssue(SCENARIO_SHEET)] };
    return { ok: true, scenarios: [], problems: [], exists: false };
  }
  const read = parseScenarioStore(v.values);
  return { ok: true, scenarios: read.scenarios, problems: read.problems, exists: true };
}

/** The saved scenarios (empty when none were saved). Fails only when `_som_scenarier` exists but is not ours. */
export async function listScenarios(port: WorkbookPort): Promise<StoreState> {
  const [named, sheets] = await Promise.all([port.readNames([SCENARIO_TABLE_NAME]), port.listSheets()]);
  return storeFrom(named, sheets);
}

async function writeStore(port: WorkbookPort, scenarios: readonly StoredScenario[]): Promise<void> {
  const { sheet, names } = renderScenarioStore(scenarios);
  await port.writeSheets({ sheets: [sheet], names });
}

// ───────────────────────────── names ─────────────────────────────

/** Checks a typed scenario name; returns the trimmed name or an issue. `exceptId` allows renaming to itself. */
export function checkScenarioName(
  typed: string,
  existing: readonly StoredScenario[],
  exceptId?: number,
): { readonly ok: true; readonly name: string } | { readonly ok: false; readonly issue: InputIssue } {
  const name = typed.trim();
  if (name === "")
    return {
      ok: false,
      issue: scenarioIssue("scenario-name-blank", "Giv scenariet et navn.", "Give the scenario a name."),
    };
  if (name.length > STORE_LIMITS.maxNameLength) {
    return {
      ok: false,
      issue: scenarioIssue(
        "scenario-name-too-long",
        `Scenariets navn må højst have ${STORE_LIMITS.maxNameLength} tegn.`,
        `A scenario name may have at most ${STORE_LIMITS.maxNameLength} characters.`,
      ),
    };
  }
  if (existing.some((s) => s.id !== exceptId && lower(s.name.trim()) === lower(name))) {
    return {
      ok: false,
      issue: scenarioIssue(
        "scenario-name-taken",
        `Der findes allerede et scenarie med navnet »${name}«.`,
        `A scenario named “${name}” already exists.`,
      ),
    };
  }
  return { ok: true, name };
}

// ───────────────────────────── saving ─────────────────────────────

/** Key figures of a result: Σ NR, PV, break-even year and return per krone, for the total, each level and each actor. */
export function keyFigures(results: Results): StoredFigure[] {
  const out: StoredFigure[] = [];
  const push = (scope: StoredFigure["scope"], name: string, b: Results["total"]): void => {
    out.push({ scope, name, field: "netTotal", value: b.netTotal });
    out.push({ scope, name, field: "presentValue", value: b.presentValue });
    out.push({ scope, name, field: "breakEvenYear", value: b.breakEvenYear });
    out.push({ scope, name, field: "returnPerKrone", value: b.returnPerKrone });
  };
  push("total", "", results.total);
  for (const level of LEVELS) {
    const b = results.byLevel.get(level);
    if (b !== undefined) push("level", level, b);
  }
  results.actors.forEach((a, i) => {
    const b = results.byActor[i];
    if (b !== undefined) push("actor", a.name, b);
  });
  return out;
}

export interface SaveOptions {
  readonly now: Date;
  /** Replace a scenario of the same name instead of refusing. */
  readonly replace?: boolean;
}

export type SaveOutcome =
  | { readonly ok: true; readonly scenario: StoredScenario; readonly replaced: boolean }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** Contract spelling of a name as read (the workbook may spell it in another case). */
const spelled = new Map(INPUT_NAMES.map((n) => [lower(n), n] as const));
/** A name as stored: its contract spelling, and for a range only position and values (not what lies around it). */
const contractName = (v: NamedValue): NamedValue => {
  const name = spelled.get(lower(v.name)) ?? v.name;
  return v.kind === "range"
    ? { kind: "range", name, sheet: v.sheet, row: v.row, col: v.col, values: v.values }
    : { ...v, name };
};

/**
 * Saves the current inputs (every input name of the contract, as read) and key results under `typedName`.
 * One read of all names (plus the sheet list), one write of the store sheet. Input cells are not touched.
 *
 * @example await saveScenario(port, "Forsigtig", { now: new Date() })
 */
export async function saveScenario(
  port: WorkbookPort,
  typedName: string,
  options: SaveOptions,
): Promise<SaveOutcome> {
  const extra = [...INPUT_NAMES, SCENARIO_TABLE_NAME];
  const [load, sheets] = await Promise.all([loadScenario(port, { extraNames: extra }), port.listSheets()]);
  if (!load.ok) return { ok: false, issues: load.issues };
  const store = storeFrom(load.named, sheets);
  if (!store.ok) return store;
  const existing = store.scenarios;
  const sameName = existing.find((s) => lower(s.name.trim()) === lower(typedName.trim()));
  const replacing = options.replace === true && sameName !== undefined;
  const checked = checkScenarioName(typedName, existing, replacing ? sameName.id : undefined);
  if (!checked.ok) return { ok: false, issues: [checked.issue] };
  if (!replacing && existing.length >= STORE_LIMITS.maxScenarios) {
    return {
      ok: false,
      issues: [
        scenarioIssue(
          "too-many-scenarios",
          `Der kan højst gemmes ${STORE_LIMITS.maxScenarios} scenarier.`,
          `At most ${STORE_LIMITS.maxScenarios} scenarios can be saved.`,
        ),
      ],
    };
  }
  const inputs: NamedValue[] = [];
  for (const n of INPUT_NAMES) {
    const v = load.named.get(lower(n));
    if (v !== undefined) inputs.push(contractName(v));
  }
  const id = replacing ? sameName.id : existing.reduce((m, s) => Math.max(m, s.id), 0) + 1;
  const scenario: StoredScenario = {
    id,
    name: checked.name,
    savedAt: options.now.toISOString(),
    engineVersion: ENGINE_VERSION,
    inputs,
    figures: keyFigures(calculate(load.scenario)),
  };
  const next = replacing ? existing.map((s) => (s.id === id ? scenario : s)) : [...existing, scenario];
  await writeStore(port, next);
  return { ok: true, scenario, replaced: replacing };
}

// ───────────────────────────── rename, delete ─────────────────────────────

export type EditOutcome =
  { readonly ok: true } | { readonly ok: false; readonly issues: readonly InputIssue[] };

const unknownScenario = (id: number): InputIssue =>
  scenarioIssue(
    "unknown-scenario",
    `Scenariet (nr. ${id}) findes ikke længere.`,
    `The scenario (no. ${id}) no longer exists.`,
  );

/** Renames a saved scenario. */
export async function renameScenario(
  port: WorkbookPort,
  id: number,
  typedName: string,
): Promise<EditOutcome> {
  const store = await listScenarios(port);
  if (!store.ok) return store;
  if (!store.scenarios.some((s) => s.id === id)) return { ok: false, issues: [unknownScenario(id)] };
  const checked = checkScenarioName(typedName, store.scenarios, id);
  if (!checked.ok) return { ok: false, issues: [checked.issue] };
  await writeStore(
    port,
    store.scenarios.map((s) => (s.id === id ? { ...s, name: checked.name } : s)),
  );
  return { ok: true };
}

/** Deletes a saved scenario (the store sheet stays, possibly empty). */
export async function deleteScenario(port: WorkbookPort, id: number): Promise<EditOutcome> {
  const store = await listScenarios(port);
  if (!store.ok) return store;
  if (!store.scenarios.some((s) => s.id === id)) return { ok: false, issues: [unknownScenario(id)] };
  await writeStore(
    port,
    store.scenarios.filter((s) => s.id !== id),
  );
  return { ok: true };
}

// ───────────────────────────── restoring ─────────────────────────────

/** One block write of a restore. */
export interface RestoreWrite {
  readonly name: string;
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly values: readonly (readonly CellValue[])[];
  /** New reference of the name (A1 on `sheet`) when its shape or place changes. */
  readonly redefine?: string;
  /** Rows (and columns) the block grows by, for the confirmation text. */
  readonly growsRows: number;
  readonly growsCols: number;
}

export interface RestorePlan {
  readonly scenario: StoredScenario;
  readonly writes: readonly RestoreWrite[];
  /** Names that could not be restored, with the reason (shown to the user). */
  readonly skipped: readonly { readonly name: string; readonly reason: Text }[];
}

/** Block names keep their header row when blanked; grid axes their first cell; scalars keep nothing. */
const BLOCK_NAMES = new Set(Object.keys(COLUMNS).map(lower));
const AXIS_NAMES = new Set([lower(N.gridX), lower(N.gridY)]);

const sameValue = (a: CellValue, b: CellValue): boolean => (a === "" ? null : a) === (b === "" ? null : b);

function sameGrid(a: readonly (readonly CellValue[])[], b: readonly (readonly CellValue[])[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (line, r) =>
        line.length === (b[r]?.length ?? -1) && line.every((v, c) => sameValue(v, b[r]?.[c] ?? null)),
    )
  );
}

const shapeOf = (g: readonly (readonly CellValue[])[]): { rows: number; cols: number } => ({
  rows: g.length,
  cols: g[0]?.length ?? 0,
});

/** `values` padded with blanks to rows × cols. */
const padded = (g: readonly (readonly CellValue[])[], rows: number, cols: number): CellValue[][] =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => g[r]?.[c] ?? null));

/** The grid with its data blanked (see the module rules). */
function blanked(name: string, g: readonly (readonly CellValue[])[]): CellValue[][] {
  const k = lower(name);
  return g.map((line, r) =>
    line.map((v, c) => {
      if (BLOCK_NAMES.has(k) && r === 0) return v;
      if (AXIS_NAMES.has(k) && r === 0 && c === 0) return v;
      return null;
    }),
  );
}

const displayValue = (v: CellValue): string => (v === null ? "(tom)" : String(v));

/**
 * Works out what restoring `id` would write, without writing. Refuses (issues) when a block would grow over
 * another input block or the scenario does not exist.
 */
export async function planRestore(
  port: WorkbookPort,
  id: number,
): Promise<
  | { readonly ok: true; readonly plan: RestorePlan }
  | { readonly ok: false; readonly issues: readonly InputIssue[] }
> {
  const [named, sheets] = await Promise.all([
    port.readNames([...INPUT_NAMES, SCENARIO_TABLE_NAME]),
    port.listSheets(),
  ]);
  const store = storeFrom(named, sheets);
  if (!store.ok) return store;
  const scenario = store.scenarios.find((s) => s.id === id);
  if (scenario === undefined) return { ok: false, issues: [unknownScenario(id)] };
  const stored = new Map(scenario.inputs.map((v) => [lower(v.name), v] as const));
  const sheetNamed = (s: string): string | undefined => sheets.find((x) => lower(x.name) === lower(s))?.name;

  const writes: RestoreWrite[] = [];
  const skipped: { name: string; reason: Text }[] = [];
  const skip = (name: string, da: string, en: string): void => {
    skipped.push({ name, reason: { da, en } });
  };

  for (const name of INPUT_NAMES) {
    const k = lower(name);
    const s = stored.get(k);
    const c = named.get(k);
    if (s === undefined) {
      if (c?.kind === "range") {
        const values = blanked(name, c.values);
        if (!sameGrid(values, c.values))
          writes.push({ name, sheet: c.sheet, row: c.row, col: c.col, values, growsRows: 0, growsCols: 0 });
      } else if (c?.kind === "constant") {
        skip(
          name,
          `${name} var ikke udfyldt i scenariet, men er nu en navngivet konstant; fjern den i Navnestyring.`,
          `${name} was not set in the scenario but is now a named constant; remove it in Name Manager.`,
        );
      }
      continue;
    }
    if (s.kind === "unsupported") {
      if (!(c?.kind === "unsupported" && c.formula === s.formula)) {
        skip(
          name,
          `${name} var ikke et enkelt område, da scenariet blev gemt (${s.formula}); gendan det selv.`,
          `${name} was not a single range when the scenario was saved (${s.formula}); restore it by hand.`,
        );
      }
      continue;
    }
    if (s.kind === "constant") {
      if (c?.kind === "constant" && sameValue(c.value, s.value)) continue;
      if (c?.kind === "range" && c.values.length === 1 && c.values[0]?.length === 1) {
        if (!sameValue(c.values[0]?.[0] ?? null, s.value))
          writes.push({
            name,
            sheet: c.sheet,
            row: c.row,
            col: c.col,
            values: [[s.value]],
            growsRows: 0,
            growsCols: 0,
          });
        continue;
      }
      skip(
        name,
        `${name} skal være ${displayValue(s.value)}; sæt værdien i Navnestyring.`,
        `${name} should be ${displayValue(s.value)}; set it in Name Manager.`,
      );
      continue;
    }
    // s is a range
    const want = shapeOf(s.values);
    if (c?.kind === "range") {
      if (sameGrid(c.values, s.values)) continue;
      const have = shapeOf(c.values);
      const rows = Math.max(want.rows, have.rows);
      const cols = Math.max(want.cols, have.cols);
      const reshaped = want.rows !== have.rows || want.cols !== have.cols;
      writes.push({
        name,
        sheet: c.sheet,
        row: c.row,
        col: c.col,
        values: padded(s.values, rows, cols),
        ...(reshaped
          ? { redefine: rectA1({ row: c.row, col: c.col, rows: want.rows, cols: want.cols }, true) }
          : {}),
        growsRows: Math.max(0, want.rows - have.rows),
        growsCols: Math.max(0, want.cols - have.cols),
      });
      continue;
    }
    if (c !== undefined) {
      skip(
        name,
        `${name} er nu ${c.kind === "constant" ? "en navngivet konstant" : "ikke et enkelt område"}; gendan det selv.`,
        `${name} is now ${c.kind === "constant" ? "a named constant" : "not a single range"}; restore it by hand.`,
      );
      continue;
    }
    const sheet = sheetNamed(s.sheet);
    if (sheet === undefined) {
      skip(
        name,
        `Arket »${s.sheet}« til ${name} findes ikke længere.`,
        `The sheet “${s.sheet}” of ${name} no longer exists.`,
      );
      continue;
    }
    writes.push({
      name,
      sheet,
      row: s.row,
      col: s.col,
      values: s.values,
      redefine: rectA1({ row: s.row, col: s.col, rows: want.rows, cols: want.cols }, true),
      growsRows: want.rows,
      growsCols: 0,
    });
  }

  // Refuse writes that would land on another input block (as it is now).
  const issues: InputIssue[] = [];
  const rectOf = (w: RestoreWrite): Rect => ({
    row: w.row,
    col: w.col,
    rows: w.values.length,
    cols: w.values[0]?.length ?? 0,
  });
  for (const w of writes) {
    for (const other of INPUT_NAMES) {
      if (lower(other) === lower(w.name)) continue;
      const o = named.get(lower(other));
      if (o?.kind !== "range" || lower(o.sheet) !== lower(w.sheet)) continue;
      const orect: Rect = { row: o.row, col: o.col, rows: o.values.length, cols: o.values[0]?.length ?? 0 };
      if (overlaps(rectOf(w), orect)) {
        issues.push(
          scenarioIssue(
            "restore-overlaps-block",
            `Scenariets ${w.name} fylder mere end området nu og ville overskrive ${other}. Gør plads (indsæt rækker under ${w.name}), og prøv igen.`,
            `The scenario's ${w.name} is larger than the range now and would overwrite ${other}. Make room (insert rows below ${w.name}) and try again.`,
          ),
        );
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, plan: { scenario, writes, skipped } };
}

/** The confirmation question for a plan (what will be overwritten). */
export function restoreQuestion(plan: RestorePlan): Text {
  const list = plan.writes.map((w) => w.name).join(", ");
  const grows = plan.writes.filter((w) => w.growsRows > 0 || w.growsCols > 0);
  const growDa = grows
    .map((w) => `${w.name} vokser med ${w.growsRows} rækker og ${w.growsCols} kolonner`)
    .join("; ");
  const growEn = grows
    .map((w) => `${w.name} grows by ${w.growsRows} rows and ${w.growsCols} columns`)
    .join("; ");
  return {
    da: `Gendan scenariet »${plan.scenario.name}«? Disse inputområder overskrives: ${list}.${growDa === "" ? "" : ` ${growDa} (celler under/til højre overskrives).`} Resultatarkene bliver forældede, indtil du beregner igen.`,
    en: `Restore the scenario “${plan.scenario.name}”? These input ranges are overwritten: ${list}.${growEn === "" ? "" : ` ${growEn} (cells below/to the right are overwritten).`} The result sheets are out of date until you calculate again.`,
  };
}

/** Applies a plan as one edit (`applyEdits`): every changed block, then the redefined names. */
export async function applyRestore(port: InputEditPort, plan: RestorePlan): Promise<void> {
  await port.applyEdits(
    plan.writes.map((w) => ({ sheet: w.sheet, row: w.row, col: w.col, values: w.values })),
    plan.writes.flatMap((w) =>
      w.redefine === undefined ? [] : [{ name: w.name, sheet: w.sheet, ref: w.redefine }],
    ),
  );
}

export type RestoreOutcome =
  | {
      readonly ok: true;
      readonly status: "restored" | "already-current" | "cancelled";
      readonly plan: RestorePlan;
    }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/**
 * Restores a saved scenario into the input sheets after `confirm` (asked only when something changes).
 * @example await restoreScenario(wb, 2, (q) => context.confirm(q))
 */
export async function restoreScenario(
  port: WorkbookPort & InputEditPort,
  id: number,
  confirm: (question: Text) => Promise<boolean>,
): Promise<RestoreOutcome> {
  const planned = await planRestore(port, id);
  if (!planned.ok) return planned;
  const { plan } = planned;
  if (plan.writes.length === 0) return { ok: true, status: "already-current", plan };
  if (!(await confirm(restoreQuestion(plan)))) return { ok: true, status: "cancelled", plan };
  await applyRestore(port, plan);
  return { ok: true, status: "restored", plan };
}

// ───────────────────────────── a stored scenario as a workbook ─────────────────────────────

/**
 * A read-only `WorkbookPort` over a stored scenario's inputs, so `loadScenario` recomputes it exactly as
 * the workbook would. Writing throws (programmer error).
 */
export function storedScenarioPort(scenario: StoredScenario): WorkbookPort {
  const byKey = new Map(scenario.inputs.map((v) => [lower(v.name), v] as const));
  return {
    readNames: (names) => {
      const out = new Map<string, NamedValue>();
      for (const n of names) {
        const v = byKey.get(lower(n));
        if (v !== undefined) out.set(lower(n), v);
      }
      return Promise.resolve(out);
    },
    listSheets: () => Promise.resolve([]),
    writeSheets: () => Promise.reject(new Error("A stored scenario is read-only")),
  };
}
