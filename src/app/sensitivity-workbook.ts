/**
 * Use case "Følsomhed" (som-method.md §7): read the scenario and the sensitivity settings (`SOM_Foelsomhed`,
 * `SOM_Grid_X`, `SOM_Grid_Y`, `SOM_Grid_Resultat`) in one round trip, compute the one-way table, tornado,
 * two-way grid and break-even values, and write `Følsomhedsresultater` together with a fresh `Resultater`
 * and `_som_meta` in one write (so the input snapshot and `SOM_Status` are true for both sheets [D]).
 *
 * Three steps, so the task pane can compute a large grid without freezing: `prepareSensitivity` (read,
 * validate, ownership) → `computeSensitivity` (awaits `yieldToUi` between grid rows, reports progress, can be
 * cancelled) → `writeSensitivity`. `sensitivityWorkbook` runs all three (command line).
 * Input cells are never written; a failed or cancelled run leaves the workbook as it was.
 */
import { calculate, reportedActors } from "../engine/calculate";
import {
  breakEvenTable,
  finishGrid,
  gridRow,
  oneWay,
  tornadoFromOneWay,
  type BreakEvenValue,
  type BreakEvenValues,
  type FigureSet,
  type SensitivityAnalysis,
  type SensitivitySettings,
  type VariantFigures,
} from "../engine/sensitivity/analyses";
import type { SensitivityParameter } from "../engine/sensitivity/parameters";
import type { InputIssue, Results, Scenario } from "../engine/types";
import { ENGINE_VERSION } from "../engine/version";
import type { Lang } from "../present/format";
import { RESULT_SHEETS, SENSITIVITY_PARAMETER_LABELS } from "../workbook/names";
import type { WorkbookPort } from "../workbook/port";
import { readSensitivity, resultSelectorText } from "../workbook/read/read-sensitivity";
import { snapshotFingerprint, type InputSnapshot } from "../workbook/render/input-snapshot";
import { renderResultSheets } from "../workbook/render/results-sheet";
import { renderSensitivitySheet } from "../workbook/render/sensitivity-sheet";
import type { NameSpec, SheetSpec, WorkbookSpec } from "../workbook/sheet-model";
import { SNAPSHOT_EXTRA_NAMES } from "./calculate-workbook";
import { loadScenario } from "./load-scenario";
import { readOnce } from "./read-once";
import { SCENARIO_NAMES } from "../workbook/read/read-scenario";
import { finiteJsonText, toContractIssue, type ContractIssue } from "./contract-json";
import { checkOwnership, OWNERSHIP_NAMES, writeOwnedResultSheets } from "./write-results";

export interface SensitivityOptions {
  /** Time stamped on the sheets (the caller's clock; same `now` → identical result cells). */
  readonly now: Date;
  readonly lang: Lang;
}

/** What the compute step may be given: progress per grid row, a yield between rows, cancellation. */
export interface ComputeHooks {
  /** Called after each grid row with rows done and rows in all. */
  readonly onRow?: (done: number, total: number) => void;
  /** Awaited between grid rows (the task pane passes `context.yieldToUi`). */
  readonly yieldBetweenRows?: () => Promise<void>;
  /** When aborted, the computation stops at the next row with `SensitivityCancelledError`. */
  readonly signal?: AbortSignal;
}

/** Thrown by `computeSensitivity` when its signal is aborted (nothing has been written). */
export class SensitivityCancelledError extends Error {
  override readonly name = "SensitivityCancelledError";
}

/** Everything read and validated, ready to compute. */
export interface PreparedSensitivity {
  readonly scenario: Scenario;
  readonly results: Results;
  readonly settings: SensitivitySettings;
  readonly warnings: readonly InputIssue[];
  /** The base `Resultater` sheet and names, rendered from the same read. */
  readonly resultsSheet: SheetSpec;
  readonly resultsNames: readonly NameSpec[];
  readonly snapshot: InputSnapshot;
}

export type PrepareOutcome =
  | ({ readonly ok: true } & PreparedSensitivity)
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

export type SensitivityOutcome =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      readonly results: Results;
      readonly settings: SensitivitySettings;
      readonly analysis: SensitivityAnalysis;
      readonly warnings: readonly InputIssue[];
      /** What was passed to `port.writeSheets`. */
      readonly written: WorkbookSpec;
    }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

const TARGET_SHEETS = [RESULT_SHEETS.results, RESULT_SHEETS.sensitivity];

/**
 * Reads the scenario and the sensitivity names in one `readNames` call, validates both and renders the base
 * `Resultater` sheet (as `prepareBaseRun` does); checks first that the result sheets may be written. Every problem comes back as a located `InputIssue`.
 */
export async function prepareSensitivity(
  port: WorkbookPort,
  options: SensitivityOptions,
): Promise<PrepareOutcome> {
  // One read (Office.js: 2 round trips) for the ownership check and the scenario. The write re-checks ownership
  // with a fresh read (2 more): the grid may take seconds while the user keeps working. Følsomhed = 2 + 2 + the
  // write's 3 = 7 requests, whatever the size of the model and grid (up to the 5 MB request chunks).
  const once = await readOnce(port, [...OWNERSHIP_NAMES, ...SCENARIO_NAMES, ...SNAPSHOT_EXTRA_NAMES]);
  const notOwned = await checkOwnership(once, TARGET_SHEETS);
  if (notOwned !== null) return { ok: false, issues: notOwned };
  // The same names, in the same order, as a plain "Beregn" snapshots (`SNAPSHOT_EXTRA_NAMES` holds the
  // sensitivity names), so both runs give the same input fingerprint on unchanged inputs.
  const loaded = await loadScenario(once, { extraNames: SNAPSHOT_EXTRA_NAMES });
  if (!loaded.ok) return loaded;
  const settings = readSensitivity(loaded.named, loaded.scenario);
  if (!settings.ok) return { ok: false, issues: settings.issues };
  const results = calculate(loaded.scenario);
  const rendered = renderResultSheets(results, loaded.scenario, {
    now: options.now,
    lang: options.lang,
    engineVersion: ENGINE_VERSION,
    inputFingerprint: snapshotFingerprint(loaded.snapshot),
  });
  return {
    ok: true,
    scenario: loaded.scenario,
    results,
    settings: settings.value,
    warnings: loaded.warnings,
    resultsSheet: rendered.sheet,
    resultsNames: rendered.names,
    snapshot: loaded.snapshot,
  };
}

/**
 * The analyses of som-method.md §7 for a prepared run. The grid is computed row by row (`gridRow`), awaiting
 * `hooks.yieldBetweenRows` after each row; everything is an exact recomputation.
 * @throws SensitivityCancelledError when `hooks.signal` is aborted.
 */
export async function computeSensitivity(
  scenario: Scenario,
  settings: SensitivitySettings,
  hooks: ComputeHooks = {},
): Promise<SensitivityAnalysis> {
  const cancelled = (): boolean => hooks.signal?.aborted === true;
  const { x, y, result } = settings.grid;
  const one = oneWay(scenario, settings.oneWay);
  const cells: number[][] = [];
  for (let i = 0; i < y.values.length; i++) {
    if (cancelled()) throw new SensitivityCancelledError("sensitivity cancelled");
    cells.push(gridRow(scenario, x, y, result, i));
    hooks.onRow?.(i + 1, y.values.length);
    if (hooks.yieldBetweenRows) await hooks.yieldBetweenRows();
  }
  if (cancelled()) throw new SensitivityCancelledError("sensitivity cancelled");
  return {
    oneWay: one,
    tornado: tornadoFromOneWay(one),
    grid: finishGrid(scenario, x, y, result, cells),
    breakEven: breakEvenTable(scenario),
  };
}

/**
 * Writes `Resultater`, `Følsomhedsresultater` and `_som_meta` in one `writeSheets` call. An unowned sheet
 * with one of those names → `{ ok: false, issues }` and nothing written.
 */
export async function writeSensitivity(
  port: WorkbookPort,
  prepared: PreparedSensitivity,
  analysis: SensitivityAnalysis,
  options: SensitivityOptions,
): Promise<
  | { readonly ok: true; readonly written: WorkbookSpec }
  | { readonly ok: false; readonly issues: readonly InputIssue[] }
> {
  const rendered = renderSensitivitySheet(analysis, prepared.scenario, {
    now: options.now,
    lang: options.lang,
    engineVersion: ENGINE_VERSION,
    inputFingerprint: snapshotFingerprint(prepared.snapshot),
  });
  return writeOwnedResultSheets(
    port,
    [prepared.resultsSheet, rendered.sheet],
    [...prepared.resultsNames, ...rendered.names],
    prepared.snapshot,
    options,
  );
}

/**
 * Prepare, compute and write in one go (command line, tests).
 * @example const r = await sensitivityWorkbook(port, { now: new Date(), lang: "da" }); if (r.ok) r.analysis.tornado.bars[0]
 */
export async function sensitivityWorkbook(
  port: WorkbookPort,
  options: SensitivityOptions,
  hooks: ComputeHooks = {},
): Promise<SensitivityOutcome> {
  const prepared = await prepareSensitivity(port, options);
  if (!prepared.ok) return prepared;
  const analysis = await computeSensitivity(prepared.scenario, prepared.settings, hooks);
  const written = await writeSensitivity(port, prepared, analysis, options);
  if (!written.ok) return written;
  return {
    ok: true,
    scenario: prepared.scenario,
    results: prepared.results,
    settings: prepared.settings,
    analysis,
    warnings: prepared.warnings,
    written: written.written,
  };
}

// ───────────────────────────── JSON (command line) ─────────────────────────────

/** A JSON value; records are null-prototype objects. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** Thrown if two actors share a name (validation prevents it) — keys of a JSON record must be unique. */
export class DuplicateActorKeyError extends Error {
  override readonly name = "DuplicateActorKeyError";
}

/** A null-prototype record; keys are user text (actor names) and never touch a prototype. */
function record(entries: Iterable<readonly [string, Json]>): { readonly [key: string]: Json } {
  const out = Object.create(null) as Record<string, Json>;
  for (const [key, value] of entries) {
    if (Object.prototype.hasOwnProperty.call(out, key))
      throw new DuplicateActorKeyError(`Duplicate key ${JSON.stringify(key)}`);
    Object.defineProperty(out, key, { value, enumerable: true, writable: false, configurable: false });
  }
  return out;
}

/** The parameter's name in the workbook contract (Danish): "Succesrate", "Konsekvenser", … */
const contractName = (p: SensitivityParameter): string =>
  SENSITIVITY_PARAMETER_LABELS.find((l) => l.key === p)?.da ?? p;

const figureJson = (f: FigureSet): Json => ({
  netTotal: f.netTotal,
  presentValue: f.presentValue,
  breakEvenYear: f.breakEvenYear,
});

function variantJson(v: VariantFigures, scenario: Scenario, value: number | null): Json {
  return {
    value,
    total: figureJson(v.total),
    byActor: record(
      reportedActors(scenario).map(
        (a, i) => [a.name, v.byActor[i] ? figureJson(v.byActor[i]) : null] as const,
      ),
    ),
  };
}

const beNumber = (v: BreakEvenValue): number | null => (v.reachable ? v.value : null);

function breakEvenJson(be: BreakEvenValues): Json {
  const reasons: [string, Json][] = [];
  for (const key of ["successRate", "consequenceChange", "costChange"] as const) {
    const v = be[key];
    if (!v.reachable) reasons.push([key, v.reason]);
  }
  return {
    successRate: beNumber(be.successRate),
    consequenceChange: beNumber(be.consequenceChange),
    costChange: beNumber(be.costChange),
    notReachable: record(reasons),
  };
}

/**
 * The machine-readable sensitivity document (`som sensitivity --json`):
 * `tornado[]` ({parameter, key, low, high, total: {low, high}, swing, byActor}), `grid` ({x, y, result, cells,
 * base}) with `cells[i][j]` = the result at `y.values[i]`, `x.values[j]`, `breakEven` keyed by actor name
 * (null = not reachable, reason in `notReachable`), `breakEvenTotal`, the one-way table, and warnings.
 * Parameter names are the contract's (Danish) names; `key` is the engine's. Amounts in kr. at the price level,
 * unrounded. Objects keyed by actor names have a null prototype.
 */
export function toSensitivityJson(
  analysis: SensitivityAnalysis,
  scenario: Scenario,
  warnings: readonly InputIssue[] = [],
  lang: Lang = "da",
): Json {
  const actors = reportedActors(scenario); // the per-actor figures are the reported actors' (Kun kommune)
  const g = analysis.grid;
  const axis = (a: typeof g.x): Json => ({
    parameter: contractName(a.parameter),
    key: a.parameter,
    values: [...a.values],
  });
  return {
    priceLevel: scenario.settings.priceLevel,
    discountRate: scenario.settings.discountRate,
    actors: actors.map((a) => ({ name: a.name, level: a.level })),
    base: variantJson(analysis.oneWay.base, scenario, null),
    oneWay: analysis.oneWay.rows.map((r) => ({
      parameter: contractName(r.parameter),
      key: r.parameter,
      baseValue: r.baseValue,
      low: variantJson(r.low, scenario, r.low.value),
      high: variantJson(r.high, scenario, r.high.value),
    })),
    tornado: analysis.tornado.bars.map((b) => ({
      parameter: contractName(b.parameter),
      key: b.parameter,
      low: b.low,
      high: b.high,
      total: { low: b.total.low, high: b.total.high },
      swing: b.swing,
      byActor: record(actors.map((a, i) => [a.name, b.byActor[i] ? { ...b.byActor[i] } : null] as const)),
    })),
    grid: {
      x: axis(g.x),
      y: axis(g.y),
      result: resultSelectorText(g.result, scenario, "da"),
      cells: g.cells.map((row) => [...row]),
      base: { x: g.baseIndex.x, y: g.baseIndex.y, value: g.baseValue },
    },
    breakEven: record(
      actors.map((a, i) => {
        const be = analysis.breakEven.byActor[i];
        return [a.name, be === undefined ? null : breakEvenJson(be)] as const;
      }),
    ),
    breakEvenTotal: breakEvenJson(analysis.breakEven.total),
    warnings: warnings.map((w): ContractIssue => toContractIssue(w, lang)) as unknown as Json,
  };
}

/** Non-finite numbers would silently become null in JSON; the engine must never produce them. */
export class NonFiniteSensitivityNumberError extends Error {
  override readonly name = "NonFiniteSensitivityNumberError";
}

/** The exact text `som sensitivity --json` prints (two-space indentation). */
export function sensitivityJsonText(
  analysis: SensitivityAnalysis,
  scenario: Scenario,
  warnings: readonly InputIssue[] = [],
  lang: Lang = "da",
): string {
  return finiteJsonText(
    toSensitivityJson(analysis, scenario, warnings, lang),
    (value) =>
      new NonFiniteSensitivityNumberError(`Non-finite number in sensitivity results: ${String(value)}`),
  );
}
