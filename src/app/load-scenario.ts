/**
 * Use case: read the scenario from a workbook and validate it (workbook-contract.md, "Reading rules").
 *
 * `port.readNames(SCENARIO_NAMES)` (one round trip) → `readScenario` (workbook layer: cells → RawScenario,
 * reading issues) → `validateScenario` (engine) → engine issues located by the reader's `locate`. Nothing
 * is computed while any error remains. The input snapshot for the stale-results check is taken from the
 * same `readNames` answer, so it is exactly what the run used.
 */
import type { InputIssue, RawScenario, Scenario } from "../engine/types";
import { validateScenario } from "../engine/validate";
import type { NamedValue, WorkbookPort } from "../workbook/port";
import { readScenario, SCENARIO_NAMES, withEngineIssues } from "../workbook/read/read-scenario";
import { takeSnapshot, type InputSnapshot } from "../workbook/render/input-snapshot";

export type LoadOutcome =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      readonly raw: RawScenario;
      /** Warnings (reader and engine), located. */
      readonly warnings: readonly InputIssue[];
      /** Everything `readNames` answered (scenario names plus `extraNames`), keys lower-cased. */
      readonly named: ReadonlyMap<string, NamedValue>;
      /** Snapshot of every name read (for `_som_meta`). */
      readonly snapshot: InputSnapshot;
    }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

export interface LoadOptions {
  /** Further input names to read in the same round trip and include in the snapshot (e.g. sensitivity). */
  readonly extraNames?: readonly string[];
  /** Names read in the same round trip but left out of the snapshot (options that are not inputs). */
  readonly optionNames?: readonly string[];
}

const errorsFirst = (issues: readonly InputIssue[]): InputIssue[] => [
  ...issues.filter((i) => i.severity === "error"),
  ...issues.filter((i) => i.severity !== "error"),
];

/**
 * Reads and validates the scenario. On any error returns `{ ok: false, issues }` (errors first, then
 * warnings, all located); otherwise the scenario, the warnings and the snapshot.
 */
export async function loadScenario(port: WorkbookPort, options: LoadOptions = {}): Promise<LoadOutcome> {
  const requested = [...SCENARIO_NAMES, ...(options.extraNames ?? [])];
  const named = await port.readNames([...requested, ...(options.optionNames ?? [])]);
  const read = readScenario(named);
  const validation = validateScenario(read.raw);
  const engineIssues = validation.ok ? validation.warnings : validation.issues;
  const all = withEngineIssues(read, engineIssues);
  if (!validation.ok || all.some((i) => i.severity === "error"))
    return { ok: false, issues: errorsFirst(all) };
  return {
    ok: true,
    scenario: validation.value,
    raw: read.raw,
    warnings: all,
    named,
    snapshot: takeSnapshot(requested, named),
  };
}
