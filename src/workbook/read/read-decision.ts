/**
 * Reads the budget and pool settings of som-method.md §11 (workbook-contract.md, "Names for §10–11"):
 * `SOM_Budgetaar` (budget year B), `SOM_Pulje_Andel` (share α of the kommune's consequences paid back to the
 * pool), and this project's display option `SOM_Budget_Enhed` (`kr.` or `1.000 kr.`, default `1.000 kr.`).
 *
 * All are optional. Values are validated against the calculation (B from the start year − 10 through the last
 * calculation year; α 0–100 %) and every problem is a located, bilingual `InputIssue`.
 *
 * `present` says whether the workbook has `SOM_Budgetaar` at all: the `Budget` sheet is written only then
 * (the template has the name), so a workbook from before §11 — which may have a sheet of its own called
 * "Budget" — calculates as before [D].
 */
import {
  decisionIssue,
  validateDecisionSettings,
  type DecisionSettings,
} from "../../engine/decision/decision-issues";
import type { CalendarYear, InputIssue } from "../../engine/types";
import { N } from "../names";
import type { NamedValue } from "../port";
import { normalizeHeader } from "./block";
import { locationOf, lookupName, readScalar, toNumber, toPercent, toText, type ScalarCell } from "./scalar";

/** The names of §11 (read in the same round trip as the scenario); `SOM_Realiseret` is read by `read-follow-up.ts`. */
export const DECISION_NAMES: readonly string[] = [N.budgetYear, N.poolShare, N.budgetUnit, N.realised];

/** How the Budget sheet shows kroner: whole kroner, or whole thousands (the cells keep the exact value). */
export type BudgetUnit = "kr" | "thousands";

/** Texts accepted in `SOM_Budget_Enhed` (trimmed, case-insensitive). */
export const BUDGET_UNIT_LABELS: readonly { readonly unit: BudgetUnit; readonly texts: readonly string[] }[] =
  [
    { unit: "kr", texts: ["kr.", "kr", "kroner", "DKK"] },
    {
      unit: "thousands",
      texts: [
        "1.000 kr.",
        "1.000 kr",
        "1000 kr.",
        "1000 kr",
        "t.kr.",
        "tkr.",
        "tkr",
        "1,000 DKK",
        "DKK 1,000",
        "thousands",
      ],
    },
  ];

export interface DecisionRead {
  readonly settings: DecisionSettings;
  readonly unit: BudgetUnit;
  /** True when the workbook defines `SOM_Budgetaar` (then the Budget sheet is written). */
  readonly present: boolean;
}

/**
 * Reads and validates B, α and the unit. `startYear` and `lastYear` are the calendar years of calculation
 * years 1 and T.
 * @example readDecision(named, 2025, 2036) // { ok: true, value: { settings: { budgetYear: 2025, poolShare: 1 }, … } }
 */
export function readDecision(
  named: ReadonlyMap<string, NamedValue>,
  startYear: CalendarYear,
  lastYear: CalendarYear,
):
  | { readonly ok: true; readonly value: DecisionRead }
  | { readonly ok: false; readonly issues: readonly InputIssue[] } {
  const issues: InputIssue[] = [];
  const b = readScalar(named, N.budgetYear, issues, { path: ["budgetYear"] });
  const a = readScalar(named, N.poolShare, issues, { path: ["poolShare"] });
  const u = readScalar(named, N.budgetUnit, issues, { path: ["budgetUnit"] });
  const budgetYear = b === undefined ? undefined : toNumber(b.value, b.at, issues);
  const poolShare = a === undefined ? undefined : toPercent(a.value, a.at, issues);
  const unit = unitOf(u, issues);
  const v = validateDecisionSettings({ budgetYear, poolShare }, startYear, lastYear);
  if (!v.ok) {
    const at = (i: InputIssue): ScalarCell | undefined => (i.location.path[0] === "budgetYear" ? b : a);
    for (const i of v.issues) {
      const cell = at(i);
      issues.push(cell === undefined ? i : { ...i, location: { ...i.location, ...locationOf(cell.at) } });
    }
  }
  if (issues.some((i) => i.severity === "error") || !v.ok) return { ok: false, issues };
  return {
    ok: true,
    value: { settings: v.value, unit, present: lookupName(named, N.budgetYear) !== undefined },
  };
}

function unitOf(u: ScalarCell | undefined, issues: InputIssue[]): BudgetUnit {
  if (u === undefined) return "thousands";
  const text = toText(u.value, u.at, issues);
  if (text === undefined) return "thousands";
  const wanted = normalizeHeader(text);
  const found = BUDGET_UNIT_LABELS.find((l) => l.texts.some((t) => normalizeHeader(t) === wanted));
  if (found !== undefined) return found.unit;
  issues.push(decisionIssue("budget-unit-unknown", locationOf(u.at), { text }));
  return "thousands";
}
