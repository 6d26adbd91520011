/**
 * Reads the realised figures of som-method.md §11 (`SOM_Realiseret`, workbook-contract.md "Names for §10–11"):
 * `År` (calculation year), `Deltagere` (realised starters), optional `Succesrate` (one effect) or one
 * `Succesrate: <Effektmål>` column per effect, optional `Prisår` of the costs (blank = the price level), and one
 * column per actor, headed by the actor's name, with that actor's realised total cost in the year.
 *
 * The block gives meaning to free headers, so (contract, reading rules) a column with numbers whose header is
 * neither a contract column, a `Succesrate: …` column nor an actor is an error at its header cell; a
 * `Succesrate: …` header naming no effect is an error; a plain `Succesrate` column with numbers in a workbook
 * with several effects is an error (which effect?). Values are validated by the engine (`validateRealised`)
 * and its issues are located here (defined name, sheet, cell). A row with only `År` realises nothing (the
 * template lists the years in advance).
 */
import { validateRealised, type RawRealisedRow, type Realised } from "../../engine/decision/follow-up";
import { decisionIssue } from "../../engine/decision/decision-issues";
import { textKey } from "../../engine/text-key";
import type { InputIssue, IssueLocation, Scenario } from "../../engine/types";
import { COLUMNS, N } from "../names";
import type { NamedValue } from "../port";
import { blockCellAt, readBlock, type BlockCell, type BlockRead } from "./block";
import { readIssue } from "./read-issues";
import { isBlank, locationOf, lookupName, toNumber, type CellAt } from "./scalar";

/** Header prefixes of a per-effect rate column ("Succesrate: <Effektmål>"), compared by `textKey`. */
const RATE_PREFIXES = ["succesrate", "success rate"];

/** Where each value of a realised row sits (for issues and the result sheet). */
interface RowCells {
  readonly year: string;
  readonly participants: string;
  readonly priceYear: string;
  /** By effect index. */
  readonly rates: readonly string[];
  /** By actor index. */
  readonly costs: readonly string[];
}

export type RealisedRead =
  | { readonly ok: true; readonly value: Realised | null; readonly warnings: readonly InputIssue[] }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** The effect a `Succesrate: <Effektmål>` header names: its index, -1 for no such effect, undefined for no such header. */
function rateHeaderEffect(header: string, scenario: Scenario): number | undefined {
  const colon = header.indexOf(":");
  if (colon < 0) return undefined;
  if (!RATE_PREFIXES.includes(textKey(header.slice(0, colon)))) return undefined;
  const name = textKey(header.slice(colon + 1));
  return scenario.effects.findIndex((e) => textKey(e.name) === name);
}

/**
 * Reads and validates `SOM_Realiseret`. `value` is null when the name is absent or no row holds a realised
 * value (then no follow-up is made).
 * @example readRealised(named, scenario) // { ok: true, value: { years: [{ calcYear: 1, participants: 28, … }] } }
 */
export function readRealised(named: ReadonlyMap<string, NamedValue>, scenario: Scenario): RealisedRead {
  if (lookupName(named, N.realised) === undefined) return { ok: true, value: null, warnings: [] };
  const issues: InputIssue[] = [];
  const block = readBlock(named, N.realised, COLUMNS[N.realised], issues, {
    path: ["realised"],
    reportOutside: true,
  });
  if (block === undefined) return split(issues, null);

  const nEffects = scenario.effects.length;
  const rateCol: (number | undefined)[] = new Array<number | undefined>(nEffects).fill(undefined);
  const costCol: (number | undefined)[] = new Array<number | undefined>(scenario.actors.length).fill(
    undefined,
  );
  const header = (cell: string): IssueLocation => ({
    path: ["realised"],
    name: block.name,
    sheet: block.sheet,
    cell,
  });
  const dup = (cell: string, text: string): void => {
    issues.push(readIssue("duplicate-column", header(cell), { name: block.name, header: text }));
  };

  // A plain "Succesrate" column: the one effect's rate; with several effects it must say which.
  const plain = block.columns.get("successRate");
  let plainEffect: number | undefined;
  if (plain !== undefined) {
    const hasValues = block.rows.some((r) => !isBlank(r.fields.get("successRate")?.value ?? null));
    if (nEffects === 1) plainEffect = 0;
    else if (hasValues)
      issues.push(decisionIssue("realised-rate-ambiguous", header(plain.cell), { count: nEffects }));
  }

  block.extraColumns.forEach((col, k) => {
    const effect = rateHeaderEffect(col.header, scenario);
    if (effect !== undefined) {
      if (effect < 0)
        issues.push(
          decisionIssue(
            "realised-unknown-effect",
            { ...header(col.cell), relatedPath: ["effects"] },
            { header: col.header },
          ),
        );
      else if (rateCol[effect] !== undefined || plainEffect === effect) dup(col.cell, col.header);
      else rateCol[effect] = k;
      return;
    }
    const actor = scenario.actors.findIndex((a) => textKey(a.name) === col.normalized);
    if (actor >= 0) {
      if (costCol[actor] !== undefined) dup(col.cell, col.header);
      else costCol[actor] = k;
      return;
    }
    if (col.hasNumbers)
      issues.push(
        decisionIssue(
          "realised-unknown-column",
          { ...header(col.cell), relatedPath: ["actors"] },
          { header: col.header },
        ),
      );
  });

  const rows: RawRealisedRow[] = [];
  const cells: RowCells[] = [];
  block.rows.forEach((row, i) => {
    const field = (key: string): BlockCell => row.fields.get(key) ?? { value: null, cell: "" };
    const at = (cell: string, ...rest: (string | number)[]): CellAt =>
      blockCellAt(block, cell, ["realised", i, ...rest]);
    const num = (c: BlockCell, ...rest: (string | number)[]): number | undefined =>
      c.cell === "" ? undefined : toNumber(c.value, at(c.cell, ...rest), issues);
    const rateCells = Array.from({ length: nEffects }, (_, e): BlockCell => {
      if (plainEffect === e) return field("successRate");
      const k = rateCol[e];
      return k === undefined ? { value: null, cell: "" } : (row.extra[k] ?? { value: null, cell: "" });
    });
    const costCells = costCol.map((k): BlockCell =>
      k === undefined ? { value: null, cell: "" } : (row.extra[k] ?? { value: null, cell: "" }),
    );
    rows.push({
      calcYear: num(field("year"), "calcYear"),
      participants: num(field("participants"), "participants"),
      successRates: rateCells.map((c, e) => num(c, "successRate", e)),
      costsKr: costCells.map((c, a) => num(c, "cost", a)),
      priceYear: num(field("priceYear"), "priceYear"),
    });
    cells.push({
      year: field("year").cell,
      participants: field("participants").cell,
      priceYear: field("priceYear").cell || field("year").cell,
      rates: rateCells.map((c) => c.cell),
      costs: costCells.map((c) => c.cell),
    });
  });

  const v = validateRealised(rows, scenario);
  if (!v.ok) for (const issue of v.issues) issues.push(locate(issue, block, cells, named));
  if (!v.ok) return split(issues, null);
  return split(issues, v.value.years.length === 0 ? null : v.value);
}

function split(issues: readonly InputIssue[], value: Realised | null): RealisedRead {
  if (issues.some((i) => i.severity === "error")) return { ok: false, issues };
  return { ok: true, value, warnings: issues };
}

/** An engine issue with path ["realised", row, field, index?] located at its cell. */
function locate(
  issue: InputIssue,
  block: BlockRead,
  cells: readonly RowCells[],
  named: ReadonlyMap<string, NamedValue>,
): InputIssue {
  const [, row, field, index] = issue.location.path;
  const c = typeof row === "number" ? cells[row] : undefined;
  let cell: string | undefined;
  if (c !== undefined) {
    if (field === "calcYear") cell = c.year;
    else if (field === "participants") cell = c.participants;
    else if (field === "priceYear") cell = c.priceYear;
    else if (field === "successRate" && typeof index === "number") cell = c.rates[index];
    else if (field === "cost" && typeof index === "number") cell = c.costs[index];
  }
  const where =
    cell === undefined || cell === ""
      ? { name: block.name, sheet: block.sheet }
      : locationOf(blockCellAt(block, cell, issue.location.path));
  const index_ = lookupName(named, N.priceIndex);
  const related =
    issue.location.relatedPath?.[0] === "priceIndex"
      ? {
          related: {
            name: N.priceIndex,
            ...(index_ !== undefined && index_.kind === "range" ? { sheet: index_.sheet } : {}),
          },
        }
      : {};
  return { ...issue, location: { ...issue.location, ...where, ...related } };
}
