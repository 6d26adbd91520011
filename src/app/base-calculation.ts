/**
 * The calculation of a workbook without any rendering: read and validate the scenario (with the realism,
 * decision and follow-up inputs every run checks), calculate, and compare with the realised figures. This is
 * all `som calculate` needs when it writes nothing (`--json` or the summary table); `prepareBaseRun`
 * (calculate-workbook.ts) builds on it and renders the result sheets. Kept apart from the renderers so that the
 * command line loads none of them when it does not write (start-up, issue 13).
 */
import { calculate } from "../engine/calculate";
import { followUp, type FollowUp } from "../engine/decision/follow-up";
import type { RealismSettings } from "../engine/simulation/realism";
import type { InputIssue, Results, Scenario } from "../engine/types";
import { LIVE_OPTION_NAME } from "../workbook/names";
import type { NamedValue, WorkbookPort } from "../workbook/port";
import { DECISION_NAMES, readDecision, type DecisionRead } from "../workbook/read/read-decision";
import { readRealised } from "../workbook/read/read-follow-up";
import { SENSITIVITY_NAMES } from "../workbook/read/read-sensitivity";
import { readRealism, UNCERTAINTY_NAMES } from "../workbook/read/read-uncertainty";
import type { InputSnapshot } from "../workbook/render/input-snapshot";
import { loadScenario, type LoadOptions } from "./load-scenario";

/**
 * The names every run snapshots, in this order: the scenario names, then the sensitivity settings (read, not
 * validated, by a plain "Beregn"). The same list in every run gives the same input fingerprint on unchanged
 * inputs, so a "Beregn" keeps an earlier sensitivity sheet current exactly when nothing it used has changed.
 */
export const SNAPSHOT_EXTRA_NAMES: readonly string[] = [
  ...SENSITIVITY_NAMES,
  ...DECISION_NAMES,
  ...UNCERTAINTY_NAMES,
];

export type BaseCalculation =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      readonly results: Results;
      /** The reader's, the realism inputs' and the follow-up's warnings, in that order. */
      readonly warnings: readonly InputIssue[];
      readonly snapshot: InputSnapshot;
      /** The values behind the names read. */
      readonly named: ReadonlyMap<string, NamedValue>;
      /** Budget year, pool share and unit (som-method.md §11), validated. */
      readonly decision: DecisionRead;
      /** Forecast vs the realised figures of `SOM_Realiseret` (som-method.md §11); null when it holds none. */
      readonly followUp: FollowUp | null;
      /** The realism inputs (som-method.md §10), validated; null when not filled in. */
      readonly realism: RealismSettings | null;
    }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/**
 * Reads, validates and calculates — nothing is rendered or written. The sensitivity names
 * (`SNAPSHOT_EXTRA_NAMES`) are always read into the snapshot, before any `extraNames`.
 * Example: const r = await calculateBase(port, {}); if (r.ok) r.results.total.netTotal
 */
export async function calculateBase(port: WorkbookPort, options: LoadOptions): Promise<BaseCalculation> {
  const extra = [...SNAPSHOT_EXTRA_NAMES];
  for (const n of options.extraNames ?? [])
    if (!extra.some((e) => e.toLowerCase() === n.toLowerCase())) extra.push(n);
  const loaded = await loadScenario(port, { extraNames: extra, optionNames: [LIVE_OPTION_NAME] });
  if (!loaded.ok) return loaded;
  // The realism adjustment (som-method.md §10) is part of every base run: its inputs are checked in every run.
  const realism = readRealism(loaded.named, loaded.scenario);
  if (!realism.ok) return { ok: false, issues: realism.issues };
  const results = calculate(loaded.scenario);
  const startYear = results.years[0] ?? loaded.scenario.settings.startYear;
  const decision = readDecision(
    loaded.named,
    startYear,
    results.years[results.years.length - 1] ?? startYear,
  );
  if (!decision.ok) return decision;
  const realised = readRealised(loaded.named, loaded.scenario);
  if (!realised.ok) return { ok: false, issues: realised.issues };
  return {
    ok: true,
    scenario: loaded.scenario,
    results,
    warnings: [...loaded.warnings, ...realism.warnings, ...realised.warnings],
    snapshot: loaded.snapshot,
    named: loaded.named,
    decision: decision.value,
    followUp: realised.value === null ? null : followUp(loaded.scenario, realised.value),
    realism: realism.value,
  };
}
