/**
 * Use case "Beregn": read and validate the scenario, calculate, and write the `Resultater` sheet (and `Budget`
 * when the workbook has `SOM_Budgetaar`, `Opfølgningsresultater` when `SOM_Realiseret` holds realised figures,
 * som-method.md §11) with the hidden `_som_meta` sheet (snapshot +
 * `SOM_Status`) in one write. Input cells are never written; a failed
 * run (input issues, an unowned `Resultater` sheet, a host error) leaves the workbook as it was.
 *
 * Used by the command line (`som calculate`) and the task pane.
 */
import { calculate } from "../engine/calculate";
import type { InputIssue, Results, Scenario } from "../engine/types";
import { ENGINE_VERSION } from "../engine/version";
import type { Lang } from "../present/format";
import { LIVE_OPTION_NAME, RESULT_SHEETS, YES_NO_LABELS } from "../workbook/names";
import type { WorkbookPort } from "../workbook/port";
import { applyRealism, type RealismSettings } from "../engine/simulation/realism";
import type { FollowUp } from "../engine/decision/follow-up";
import type { DecisionRead } from "../workbook/read/read-decision";
import { renderFollowUpSheet } from "../workbook/render/follow-up-sheet";
import { SCENARIO_NAMES } from "../workbook/read/read-scenario";
import { budgetFigures, renderBudgetSheet, type BudgetFigures } from "../workbook/render/budget-sheet";
import { appendRealismTable } from "../workbook/render/realism-table";
import { snapshotFingerprint, type InputSnapshot } from "../workbook/render/input-snapshot";
import { LIVE_SHEETS, renderLiveSheets } from "../workbook/render/live-sheets";
import { renderResultSheets } from "../workbook/render/results-sheet";
import { buildReportModel, type ReportModel } from "../workbook/render/report-model";
import { renderReportSheet } from "../workbook/render/report-sheet";
import { stampTime } from "../workbook/render/meta-sheet";
import { readSensitivity } from "../workbook/read/read-sensitivity";
import type { NamedValue } from "../workbook/port";
import type { NameSpec, SheetSpec, WorkbookSpec } from "../workbook/sheet-model";
import { calculateBase, SNAPSHOT_EXTRA_NAMES } from "./base-calculation";
import type { LoadOptions } from "./load-scenario";
import { readOnce } from "./read-once";
import { checkOwnership, OWNERSHIP_NAMES, writeOwnedResultSheets } from "./write-results";

export interface CalculateOptions {
  /** Time stamped on the results (the caller's clock; same `now` → identical result cells). */
  readonly now: Date;
  readonly lang: Lang;
  /**
   * Also write the live formula sheets (`Levende resultater` and its four step sheets, som-method.md §12):
   * `true` (the command line's `--live`), `false`, or undefined = the workbook's option `SOM_LevendeResultater`
   * ("Ja" on; the add-in's Beregn).
   */
  readonly live?: boolean;
}

export type CalculateOutcome =
  | {
      readonly ok: true;
      readonly results: Results;
      readonly scenario: Scenario;
      readonly warnings: readonly InputIssue[];
      /** The budget view and investment pool (som-method.md §11), for the pane. */
      readonly budget: BudgetFigures;
      /**
       * The realism-adjusted results and the inputs behind them (som-method.md §10), for the pane's side-by-side
       * view; null (or absent) when the realism inputs are not filled in.
       */
      readonly adjusted?: { readonly results: Results; readonly realism: RealismSettings } | null;
      /** The follow-up of the realised figures (som-method.md §11), or null when `SOM_Realiseret` holds none. */
      readonly followUp: FollowUp | null;
      /** What was passed to `port.writeSheets` (result sheet, meta sheet and names). */
      readonly written: WorkbookSpec;
    }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** The base run without writing: what every run (also sensitivity and comparison) re-renders. */
export type BaseRun =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      readonly results: Results;
      readonly warnings: readonly InputIssue[];
      /** The `Resultater` sheet and its names. */
      readonly sheet: SheetSpec;
      readonly names: readonly NameSpec[];
      readonly snapshot: InputSnapshot;
      /** The values behind the names read (the live sheets take the blocks' shape from them; further readers). */
      readonly named: ReadonlyMap<string, NamedValue>;
      /** Budget year, pool share and unit (som-method.md §11), validated. */
      readonly decision: DecisionRead;
      /** The budget view and investment pool for those settings. */
      readonly budget: BudgetFigures;
      /** Forecast vs the realised figures of `SOM_Realiseret` (som-method.md §11); null when it holds none. */
      readonly followUp: FollowUp | null;
      /**
       * The sheets a "Beregn" writes besides `Resultater` (`Budget` when the workbook has `SOM_Budgetaar`,
       * `Opfølgningsresultater` when `SOM_Realiseret` holds realised figures) and their names. Sensitivity and comparison runs leave them as they are.
       */
      readonly extraSheets: readonly SheetSpec[];
      readonly extraNames: readonly NameSpec[];
      /** The realism-adjusted results (som-method.md §10), when the realism inputs are filled in. */
      readonly adjusted: Results | null;
      /** The realism inputs behind `adjusted` (null when not filled in). */
      readonly realism: RealismSettings | null;
    }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

export { SNAPSHOT_EXTRA_NAMES } from "./base-calculation";

/**
 * Reads, validates, calculates (`calculateBase`) and renders `Resultater` — nothing is written.
 * Sensitivity/comparison runs call this (with their own `extraNames`) and pass `sheet`/`names`/`snapshot` on to
 * `writeResultSheets` together with their own sheets, so every run writes a fresh snapshot and consistent base
 * results [D]. The sensitivity names (`SNAPSHOT_EXTRA_NAMES`) are always read into the snapshot, before any
 * `extraNames`.
 */
export async function prepareBaseRun(
  port: WorkbookPort,
  options: CalculateOptions & LoadOptions,
): Promise<BaseRun> {
  const base = await calculateBase(port, options);
  if (!base.ok) return base;
  const { scenario, results, realism } = base;
  const ctx = {
    now: options.now,
    lang: options.lang,
    engineVersion: ENGINE_VERSION,
    inputFingerprint: snapshotFingerprint(base.snapshot),
  };
  const rendered = renderResultSheets(results, scenario, ctx);
  const figures = budgetFigures(results, scenario, base.decision);
  const budget = base.decision.present ? renderBudgetSheet(results, scenario, figures, ctx) : undefined;
  const follow = base.followUp;
  const followSheet = follow === null ? undefined : renderFollowUpSheet(follow, scenario, ctx);
  const adjusted = realism === null ? null : calculate(applyRealism(scenario, realism));
  const withRealism =
    adjusted === null || realism === null
      ? { sheet: rendered.sheet, names: [] }
      : appendRealismTable(rendered.sheet, results, adjusted, realism, options.lang);
  return {
    ok: true,
    scenario,
    results,
    warnings: base.warnings,
    sheet: withRealism.sheet,
    names: [...rendered.names, ...withRealism.names],
    snapshot: base.snapshot,
    named: base.named,
    decision: base.decision,
    budget: figures,
    followUp: follow,
    extraSheets: [
      ...(budget === undefined ? [] : [budget.sheet]),
      ...(followSheet === undefined ? [] : [followSheet.sheet]),
    ],
    extraNames: [...(budget?.names ?? []), ...(followSheet?.names ?? [])],
    adjusted,
    realism,
  };
}

/** The workbook option `SOM_LevendeResultater`: on for "Ja"/"Yes" (any case, trimmed) or TRUE; off otherwise. */
export function liveOptionOn(named: ReadonlyMap<string, NamedValue>): boolean {
  const v = named.get(LIVE_OPTION_NAME.toLowerCase());
  const x = v?.kind === "range" ? v.values[0]?.[0] : v?.kind === "constant" ? v.value : undefined;
  if (x === true) return true;
  if (typeof x !== "string") return false;
  const k = x.trim().toLowerCase();
  return YES_NO_LABELS.some((l) => l.value && (l.da.toLowerCase() === k || l.en.toLowerCase() === k));
}

/**
 * Calculates the workbook and writes `Resultater` + `_som_meta`.
 * Example: const r = await calculateWorkbook(port, { now: new Date(), lang: "da" }); if (r.ok) r.results.total.netTotal
 */
export async function calculateWorkbook(
  port: WorkbookPort,
  options: CalculateOptions,
): Promise<CalculateOutcome> {
  // one read for the whole run (sheet list, ownership names, scenario, sensitivity settings, the live option):
  // 2 round trips
  const once = await readOnce(port, [
    ...OWNERSHIP_NAMES,
    ...SCENARIO_NAMES,
    ...SNAPSHOT_EXTRA_NAMES,
    LIVE_OPTION_NAME,
  ]);
  const base = await prepareBaseRun(once, options);
  const live = options.live ?? (base.ok && liveOptionOn(base.named));
  // The Rapport sheet (issue 15) is a courtesy: a user's own sheet of that name is left alone with a warning
  // instead of stopping the run.
  const reportBlocked = (await checkOwnership(once, [RESULT_SHEETS.report])) !== null;
  const notOwned = await checkOwnership(once, [
    RESULT_SHEETS.results,
    ...(base.ok ? base.extraSheets.map((s) => s.name) : []),
    ...(live ? Object.values(LIVE_SHEETS) : []),
  ]);
  // Both kinds of problems are shown together; nothing is written while any remains.
  if (notOwned !== null || !base.ok)
    return { ok: false, issues: [...(notOwned ?? []), ...(base.ok ? [] : base.issues)] };
  const sheets: SheetSpec[] = [base.sheet, ...base.extraSheets];
  const names: NameSpec[] = [...base.names, ...base.extraNames];
  const warnings: InputIssue[] = [...base.warnings];
  if (reportBlocked) warnings.push(reportNotOwnedWarning());
  else {
    const report = renderReport(base, options);
    sheets.push(report.sheet);
    names.push(...report.names);
  }
  if (live) {
    const rendered = renderLiveSheets(base.scenario, base.results, base.named, { lang: options.lang });
    sheets.push(...rendered.sheets);
    names.push(...rendered.names);
  }
  const write = await writeOwnedResultSheets(once, sheets, names, base.snapshot, options);
  if (!write.ok) return write;
  return {
    ok: true,
    results: base.results,
    scenario: base.scenario,
    warnings,
    budget: base.budget,
    adjusted:
      base.adjusted === null || base.realism === null
        ? null
        : { results: base.adjusted, realism: base.realism },
    followUp: base.followUp,
    written: write.written,
  };
}

/**
 * The decision report of a base run (issue 15): the model behind the `Rapport` sheet and `som report`, with the
 * workbook's sensitivity settings (the defaults when they are missing or have issues; the report says so).
 */
export function reportModelOf(base: Extract<BaseRun, { ok: true }>, options: CalculateOptions): ReportModel {
  const sensitivity = readSensitivity(base.named, base.scenario);
  return buildReportModel(base.results, base.scenario, {
    lang: options.lang,
    stamp: stampTime(options.now),
    engineVersion: ENGINE_VERSION,
    sensitivity: sensitivity.ok ? sensitivity.value : null,
  });
}

/** The `Rapport` sheet of a base run (issue 15): the decision report from the same results and inputs. */
export function renderReport(
  base: Extract<BaseRun, { ok: true }>,
  options: CalculateOptions,
): { readonly sheet: SheetSpec; readonly names: readonly NameSpec[] } {
  return renderReportSheet(reportModelOf(base, options), {
    now: options.now,
    lang: options.lang,
    engineVersion: ENGINE_VERSION,
    inputFingerprint: snapshotFingerprint(base.snapshot),
  });
}

/** A user's own sheet named "Rapport" (not created by the tools): the report is not written, the run goes on. */
export function reportNotOwnedWarning(): InputIssue {
  const sheet = RESULT_SHEETS.report;
  return {
    code: "report-sheet-not-owned",
    severity: "warning",
    message: {
      da: `Arket »${sheet}« findes allerede, men er ikke oprettet af SØM for Excel. Rapporten er ikke skrevet (resultaterne er): omdøb eller slet arket, og beregn igen for at få rapporten.`,
      en: `The sheet “${sheet}” already exists but was not created by SØM for Excel. The report was not written (the results were): rename or delete the sheet and calculate again to get the report.`,
    },
    location: { path: [], sheet },
  };
}
