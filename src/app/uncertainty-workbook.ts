/**
 * Use case "Usikkerhed" (som-method.md §10): read the scenario and the simulation settings (`SOM_Usikkerhed`,
 * `SOM_Simulering_Antal`, `SOM_Simulering_Seed`) in one round trip, simulate, and write `Usikkerhed` (and, on
 * request, `Simuleringer` with every iteration) together with a fresh `Resultater` and `_som_meta` in one
 * write, so the input snapshot and the stale flags are true for every sheet [D].
 *
 * Three steps, so the task pane can simulate in a Web Worker: `prepareSimulation` (read, validate,
 * ownership) → the simulation (`runSimulation` here, or the pane's worker, which runs the same engine code) →
 * `writeSimulation`. `simulateWorkbook` runs all three (command line). Input cells are never written; a
 * failed or cancelled run leaves the workbook as it was.
 */
import type { SimulationSettings } from "../engine/simulation/inputs";
import { Simulation, type SimulationResult, type SimulationSummary } from "../engine/simulation/simulate";
import type { InputIssue, Results, Scenario } from "../engine/types";
import { ENGINE_VERSION } from "../engine/version";
import type { Lang } from "../present/format";
import { N, RESULT_SHEETS } from "../workbook/names";
import type { WorkbookPort } from "../workbook/port";
import { inputLabel, readSimulation } from "../workbook/read/read-uncertainty";
import { snapshotFingerprint } from "../workbook/render/input-snapshot";
import { renderIterationsSheet, renderUncertaintySheet } from "../workbook/render/uncertainty-sheet";
import type { WorkbookSpec } from "../workbook/sheet-model";
import { prepareBaseRun, type BaseRun } from "./calculate-workbook";
import { finiteJsonText, toContractIssue, type ContractIssue, type Json } from "./contract-json";
import { checkOwnership, writeOwnedResultSheets } from "./write-results";

export interface SimulationOptions {
  /** Time stamped on the sheets (the caller's clock). */
  readonly now: Date;
  readonly lang: Lang;
  /** Overrides `SOM_Simulering_Antal` (the command line's `--iterations`). */
  readonly iterations?: number;
  /** Overrides `SOM_Simulering_Seed` (`--seed`). */
  readonly seed?: number;
  /** Also write `Simuleringer`: every iteration's draws and Σ NR per actor. */
  readonly writeIterations?: boolean;
}

/** Everything read and validated, ready to simulate. */
export type PreparedSimulation = Extract<BaseRun, { ok: true }> & { readonly settings: SimulationSettings };

export type PrepareSimulationOutcome =
  | ({ readonly ok: true } & PreparedSimulation)
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** The issue when there is nothing to simulate. */
function noInputsIssue(): InputIssue {
  return {
    code: "uncertainty-no-inputs",
    severity: "error",
    message: {
      da: `Der er ingen usikre input at simulere: udfyld tabellen ${N.uncertainty} (fx på arket Usikkerhed) med mindst én parameter og dens fordeling.`,
      en: `There are no uncertain inputs to simulate: fill in the table ${N.uncertainty} (e.g. on the Usikkerhed sheet) with at least one parameter and its distribution.`,
    },
    location: { path: [N.uncertainty], name: N.uncertainty },
  };
}

const targets = (options: SimulationOptions): string[] => [
  RESULT_SHEETS.results,
  RESULT_SHEETS.uncertainty,
  ...(options.writeIterations === true ? [RESULT_SHEETS.iterations] : []),
];

/**
 * Reads the scenario and the simulation names in one `readNames` call, validates both, renders the base
 * `Resultater`; checks first that the result sheets may be written. Every problem is a located `InputIssue`.
 */
export async function prepareSimulation(
  port: WorkbookPort,
  options: SimulationOptions,
): Promise<PrepareSimulationOutcome> {
  const notOwned = await checkOwnership(port, targets(options));
  const base = await prepareBaseRun(port, { now: options.now, lang: options.lang });
  if (notOwned !== null || !base.ok)
    return { ok: false, issues: [...(notOwned ?? []), ...(base.ok ? [] : base.issues)] };
  const read = readSimulation(base.named, base.scenario);
  if (!read.ok) return { ok: false, issues: read.issues };
  if (read.value === null) return { ok: false, issues: [noInputsIssue()] };
  const settings: SimulationSettings = {
    ...read.value,
    ...(options.iterations === undefined ? {} : { iterations: options.iterations }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
  return { ...base, settings };
}

/** What the compute step may be given: progress after each chunk of iterations. */
export interface SimulationHooks {
  readonly onProgress?: (done: number, total: number) => void;
  /** Iterations per chunk (default 5.000). */
  readonly chunk?: number;
  /** Keep every iteration's draws (needed only for `Simuleringer`); default true. */
  readonly keepDraws?: boolean;
}

/** Runs the simulation in chunks (synchronously), reporting progress. */
export function runSimulation(
  scenario: Scenario,
  settings: SimulationSettings,
  hooks: SimulationHooks = {},
): SimulationResult {
  const sim = new Simulation(scenario, settings, { keepDraws: hooks.keepDraws ?? true });
  const chunk = hooks.chunk ?? 5000;
  while (!sim.finished) {
    const done = sim.step(chunk);
    hooks.onProgress?.(done, sim.iterations);
  }
  return sim.result();
}

/**
 * Writes `Resultater`, `Usikkerhed` (and `Simuleringer` when asked) and `_som_meta` in one `writeSheets` call.
 */
export async function writeSimulation(
  port: WorkbookPort,
  prepared: PreparedSimulation,
  result: SimulationResult,
  options: SimulationOptions,
): Promise<
  | { readonly ok: true; readonly written: WorkbookSpec }
  | { readonly ok: false; readonly issues: readonly InputIssue[] }
> {
  const ctx = {
    now: options.now,
    lang: options.lang,
    engineVersion: ENGINE_VERSION,
    inputFingerprint: snapshotFingerprint(prepared.snapshot),
  };
  const sheet = renderUncertaintySheet(result, prepared.scenario, ctx);
  const iterations =
    options.writeIterations === true ? renderIterationsSheet(result, prepared.scenario, ctx) : null;
  return writeOwnedResultSheets(
    port,
    [prepared.sheet, sheet.sheet, ...(iterations === null ? [] : [iterations.sheet])],
    [...prepared.names, ...sheet.names, ...(iterations?.names ?? [])],
    prepared.snapshot,
    options,
  );
}

export type SimulateOutcome =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      readonly results: Results;
      readonly result: SimulationResult;
      readonly warnings: readonly InputIssue[];
      readonly written: WorkbookSpec;
    }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** Prepare, simulate and write in one go (command line, tests). */
export async function simulateWorkbook(
  port: WorkbookPort,
  options: SimulationOptions,
  hooks: SimulationHooks = {},
): Promise<SimulateOutcome> {
  const prepared = await prepareSimulation(port, options);
  if (!prepared.ok) return prepared;
  const result = runSimulation(prepared.scenario, prepared.settings, {
    keepDraws: options.writeIterations === true,
    ...hooks,
  });
  const written = await writeSimulation(port, prepared, result, options);
  if (!written.ok) return written;
  return {
    ok: true,
    scenario: prepared.scenario,
    results: prepared.results,
    result,
    warnings: prepared.warnings,
    written: written.written,
  };
}

// ───────────────────────────── JSON (command line) ─────────────────────────────

/** A null-prototype record; keys are user text (actor names) and never touch a prototype. */
function record(entries: Iterable<readonly [string, Json]>): { readonly [key: string]: Json } {
  const out = Object.create(null) as Record<string, Json>;
  for (const [key, value] of entries)
    Object.defineProperty(out, key, { value, enumerable: true, writable: false, configurable: false });
  return out;
}

function summaryJson(s: SimulationSummary): Json {
  const stats = (x: SimulationSummary["netTotal"]): Json => ({
    mean: x.mean,
    p5: x.p5,
    p50: x.p50,
    p95: x.p95,
  });
  return {
    netTotal: stats(s.netTotal),
    presentValue: stats(s.presentValue),
    probabilityPositive: s.probabilityPositive,
    breakEvenYears: record(
      s.breakEvenYears.map((y) => [y.year === null ? "none" : String(y.year), y.share] as const),
    ),
    cumulative: { p5: [...s.cumulative.p5], p50: [...s.cumulative.p50], p95: [...s.cumulative.p95] },
  };
}

/**
 * The machine-readable simulation document (`som simulate --json`): `seed`, `iterations`, `years`, `inputs`
 * (parameter as the workbook names it, distribution), `byActor` (keyed by actor name), `byLevel`, `total`,
 * each `{netTotal: {mean, p5, p50, p95}, presentValue: {…}, probabilityPositive, breakEvenYears: {"2029": share,
 * …, "none": share}, cumulative: {p5: […], p50: […], p95: […]}}`, and warnings. Plain numbers, unrounded.
 */
export function toSimulationJson(
  result: SimulationResult,
  scenario: Scenario,
  warnings: readonly InputIssue[] = [],
  lang: Lang = "da",
): Json {
  return {
    seed: result.seed,
    iterations: result.iterations,
    years: [...result.years],
    priceLevel: scenario.settings.priceLevel,
    inputs: result.inputs.map((input) => ({
      parameter: inputLabel(input, scenario).da,
      distribution: { ...input.distribution },
    })),
    byActor: record(
      result.actors.map((a, i) => [a.name, summaryJson(result.byActor[i] as SimulationSummary)] as const),
    ),
    byLevel: record([...result.byLevel].map(([level, s]) => [level, summaryJson(s)] as const)),
    total: summaryJson(result.total),
    warnings: warnings.map((w): ContractIssue => toContractIssue(w, lang)) as unknown as Json,
  };
}

/** Non-finite numbers would silently become null in JSON; the engine never produces them. */
export class NonFiniteSimulationNumberError extends Error {
  override readonly name = "NonFiniteSimulationNumberError";
}

/** The exact text `som simulate --json` prints (two-space indentation). */
export function simulationJsonText(
  result: SimulationResult,
  scenario: Scenario,
  warnings: readonly InputIssue[] = [],
  lang: Lang = "da",
): string {
  return finiteJsonText(
    toSimulationJson(result, scenario, warnings, lang),
    (value) =>
      new NonFiniteSimulationNumberError(`Non-finite number in simulation results: ${String(value)}`),
  );
}
