/**
 * Reads the sensitivity settings (workbook-contract.md: `SOM_Foelsomhed`, `SOM_Grid_X`, `SOM_Grid_Y`,
 * `SOM_Grid_Resultat`; som-method.md §7) from the names as read by a `WorkbookPort`.
 *
 * All four names are optional: a missing one takes the engine's default (`engine/sensitivity/defaults.ts`).
 * Every problem is a located `InputIssue` (defined name, sheet, cell; Danish and English message); all
 * problems are collected, and settings are returned only when there are none.
 *
 * Values are typed as in the workbook: `Succesrate` as a share (25 % = 0,25), the relative changes as
 * shares (−20 % = −0,2), `Tidshorisont` in whole years. A rate above 100 % is an error, never divided by 100.
 *
 * Result selector grammar (`SOM_Grid_Resultat`, team convention): `Nettoresultat <scope>` or
 * `Nutidsværdi <scope>` (English `Net result <scope>`, `Present value <scope>`); scope is `Total`
 * (`I alt`), an actor's name, or a level (`Kommune`, `Region`, `Stat`, `Andet`, or the English labels).
 * Matching is trimmed and case-insensitive. Precedence: `Total` → an actor's name → a level, so an actor
 * named like a level is selected as the actor (with the template's one actor per level they are equal).
 */
import {
  DEFAULT_GRID_RESULT,
  defaultGridX,
  defaultGridY,
  defaultOneWaySettings,
} from "../../engine/sensitivity/defaults";
import type {
  GridAxis,
  OneWaySetting,
  ResultScope,
  ResultSelector,
  SensitivitySettings,
} from "../../engine/sensitivity/analyses";
import { reportedActors as reported } from "../../engine/calculate";
import { checkParameterValue, type SensitivityParameter } from "../../engine/sensitivity/parameters";
import type { InputIssue, IssueLocation, Scenario, Validation } from "../../engine/types";
import { issueCatalogue } from "../../engine/issues";
import { COLUMNS, LEVEL_LABELS, N, SENSITIVITY_PARAMETER_LABELS } from "../names";
import type { NamedValue } from "../port";
import { cellA1 as a1 } from "../a1";
import type { CellValue } from "../sheet-model";
import { blockCellAt, readBlock, type BlockCell } from "./block";
import { quoted, readIssue } from "./read-issues";
import { isBlank, locationOf, lookupName, readScalar, toNumber, toText, type CellAt } from "./scalar";

/** The defined names this reader uses (pass them to `WorkbookPort.readNames`). */
export const SENSITIVITY_NAMES: readonly string[] = [N.sensitivity, N.gridX, N.gridY, N.gridResult];

/** Most values on one grid axis (a 201 × 201 grid is about 40 000 recomputations). */
export const MAX_AXIS_VALUES = 201;

// ───────────────────────────── messages ─────────────────────────────

type Bi = { readonly da: string; readonly en: string };

/** Danish and English name of a parameter, as the workbook spells it. */
export function parameterLabel(parameter: SensitivityParameter): Bi {
  const l = SENSITIVITY_PARAMETER_LABELS.find((x) => x.key === parameter);
  return l === undefined ? { da: parameter, en: parameter } : { da: l.da, en: l.en };
}

const LIST_DA = SENSITIVITY_PARAMETER_LABELS.map((l) => l.da).join(", ");
const LIST_EN = SENSITIVITY_PARAMETER_LABELS.map((l) => l.en).join(", ");

const pct = (x: number, lang: "da" | "en"): string => {
  const s = String(Math.round(x * 1e6) / 1e4);
  return `${lang === "da" ? s.replace(".", ",") : s} %`;
};

/** Issue messages of the sensitivity names, by code. */
const MESSAGES = {
  "sensitivity-unknown-parameter": (p: { text: string }): Bi => ({
    da: `Ukendt følsomhedsparameter ${quoted(p.text)}. Brug en af: ${LIST_DA}.`,
    en: `Unknown sensitivity parameter ${quoted(p.text)}. Use one of: ${LIST_EN} (or the Danish names).`,
  }),
  "sensitivity-value-out-of-range": (p: { parameter: SensitivityParameter; value: number }): Bi => {
    const l = parameterLabel(p.parameter);
    if (p.parameter === "successRate")
      return {
        da: `${l.da} skal ligge mellem 0 % og 100 % (ikke ${pct(p.value, "da")}). Skriv fx 15 %.`,
        en: `${l.en} must be between 0 % and 100 % (not ${pct(p.value, "en")}). Type e.g. 15 %.`,
      };
    if (p.parameter === "horizon")
      return {
        da: `${l.da} skal være et helt antal år mellem 1 og 30 (ikke ${String(p.value).replace(".", ",")}).`,
        en: `${l.en} must be a whole number of years between 1 and 30 (not ${p.value}).`,
      };
    return {
      da: `Ændringen af ${l.da.toLowerCase()} skal være −100 % eller mere (ikke ${pct(p.value, "da")}).`,
      en: `The change in ${l.en.toLowerCase()} must be −100 % or more (not ${pct(p.value, "en")}).`,
    };
  },
  "sensitivity-duplicate-parameter": (p: { parameter: SensitivityParameter }): Bi => ({
    da: `Parameteren ${parameterLabel(p.parameter).da} står mere end én gang i følsomhedstabellen. Slet den ene række.`,
    en: `The parameter ${parameterLabel(p.parameter).en} appears more than once in the sensitivity table. Delete one row.`,
  }),
  "sensitivity-grid-same-parameter": (p: { parameter: SensitivityParameter }): Bi => ({
    da: `Begge akser i følsomhedsgitteret er ${parameterLabel(p.parameter).da}. Vælg to forskellige parametre.`,
    en: `Both axes of the sensitivity grid are ${parameterLabel(p.parameter).en}. Choose two different parameters.`,
  }),
  "sensitivity-grid-axis-shape": (p: { name: string }): Bi => ({
    da: `Navnet ${p.name} skal henvise til én kolonne (parameternavn øverst, værdier nedenunder) eller én række (navn til venstre, værdier til højre).`,
    en: `The name ${p.name} must refer to one column (parameter name at the top, values below) or one row (name on the left, values to the right).`,
  }),
  "sensitivity-grid-axis-empty": (p: { name: string }): Bi => ({
    da: `Aksen ${p.name} har ingen værdier: skriv mindst én værdi efter parameternavnet.`,
    en: `The axis ${p.name} has no values: type at least one value after the parameter name.`,
  }),
  "sensitivity-grid-axis-too-long": (p: { name: string; count: number }): Bi => ({
    da: `Aksen ${p.name} har ${p.count} værdier; højst ${MAX_AXIS_VALUES} er tilladt.`,
    en: `The axis ${p.name} has ${p.count} values; at most ${MAX_AXIS_VALUES} are allowed.`,
  }),
  "sensitivity-unknown-result": (p: { text: string }): Bi => ({
    da: `Ukendt resultat ${quoted(p.text)}. Skriv "Nettoresultat" eller "Nutidsværdi" efterfulgt af "Total", et niveau (Kommune, Region, Stat, Andet) eller en aktørs navn, fx "Nettoresultat Kommune".`,
    en: `Unknown result ${quoted(p.text)}. Type "Net result" or "Present value" followed by "Total", a level (Kommune, Region, Stat, Andet) or an actor's name, e.g. "Net result Kommune".`,
  }),
  "sensitivity-result-not-reported": (p: { text: string }): Bi => ({
    da: `Resultatet ${quoted(p.text)} findes ikke med perspektivet Kun kommune (SOM_Perspektiv): kun aktører med niveauet Kommune medregnes. Skriv "Total", "Kommune" eller en kommunal aktørs navn, eller vælg Offentlig sektor.`,
    en: `The result ${quoted(p.text)} does not exist with the perspective Municipality only (SOM_Perspektiv): only actors of level Kommune are counted. Type "Total", "Kommune" or a municipal actor's name, or choose Public sector.`,
  }),
} as const;

type Code = keyof typeof MESSAGES;

const issue = issueCatalogue(MESSAGES);

/** Every issue code this reader adds on top of the reader catalogue (tests, documentation). */
export const SENSITIVITY_ISSUE_CODES = Object.keys(MESSAGES) as readonly Code[];

// ───────────────────────────── cells ─────────────────────────────

type RangeValue = Extract<NamedValue, { kind: "range" }>;

/** Where a cell of a range sits. */
function cellAt(nv: RangeValue, r: number, c: number, path: readonly (string | number)[]): CellAt {
  return { path, name: nv.name, sheet: nv.sheet, cell: a1(nv.row + r, nv.col + c) };
}

const norm = (s: string): string => s.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

/** The parameter a label names (Danish or English, trimmed, case-insensitive), or undefined. */
export function parseParameter(text: string): SensitivityParameter | undefined {
  const t = norm(text);
  return SENSITIVITY_PARAMETER_LABELS.find(
    (l) => norm(l.da) === t || norm(l.en) === t || l.key.toLowerCase() === t,
  )?.key;
}

/** A parameter from a cell, or an issue. */
function parameterIn(v: CellValue, at: CellAt, issues: InputIssue[]): SensitivityParameter | undefined {
  const text = toText(v, at, issues);
  if (text === undefined) {
    if (isBlank(v))
      issues.push(readIssue("required-cell-blank", locationOf(at), { da: "Parameter", en: "Parameter" }));
    return undefined;
  }
  const p = parseParameter(text);
  if (p === undefined) issues.push(issue("sensitivity-unknown-parameter", locationOf(at), { text }));
  return p;
}

/** A legal value of `parameter` from a cell, or an issue (blank, not a number, out of range). */
function valueIn(
  parameter: SensitivityParameter,
  v: CellValue,
  at: CellAt,
  issues: InputIssue[],
  blank: Bi,
): number | undefined {
  if (isBlank(v)) {
    issues.push(readIssue("required-cell-blank", locationOf(at), blank));
    return undefined;
  }
  const x = toNumber(v, at, issues);
  if (x === undefined) return undefined;
  if (checkParameterValue(parameter, x) !== null) {
    issues.push(issue("sensitivity-value-out-of-range", locationOf(at), { parameter, value: x }));
    return undefined;
  }
  return x;
}

// ───────────────────────────── SOM_Foelsomhed ─────────────────────────────

/** Rows of the one-way table; undefined when the name is absent; null when it has issues (pushed). */
function readOneWay(
  names: ReadonlyMap<string, NamedValue>,
  issues: InputIssue[],
): OneWaySetting[] | null | undefined {
  if (lookupName(names, N.sensitivity) === undefined) return undefined;
  const before = issues.length;
  const block = readBlock(names, N.sensitivity, COLUMNS[N.sensitivity], issues, { path: [N.sensitivity] });
  if (block === undefined || issues.length > before) return null;
  const out: OneWaySetting[] = [];
  const seen = new Set<SensitivityParameter>();
  block.rows.forEach((row, i) => {
    const field = (key: string): BlockCell => row.fields.get(key) ?? { value: null, cell: "" };
    const at = (key: string, f: BlockCell): CellAt => blockCellAt(block, f.cell, [N.sensitivity, i, key]);
    const p = field("parameter");
    const parameter = parameterIn(p.value, at("parameter", p), issues);
    if (parameter === undefined) return;
    if (seen.has(parameter)) {
      issues.push(issue("sensitivity-duplicate-parameter", locationOf(at("parameter", p)), { parameter }));
      return;
    }
    seen.add(parameter);
    const l = field("low");
    const h = field("high");
    const low = valueIn(parameter, l.value, at("low", l), issues, { da: "Lav", en: "Low" });
    const high = valueIn(parameter, h.value, at("high", h), issues, { da: "Høj", en: "High" });
    if (low !== undefined && high !== undefined) out.push({ parameter, low, high });
  });
  return issues.length > before ? null : out;
}

// ───────────────────────────── SOM_Grid_X / SOM_Grid_Y ─────────────────────────────

/** An axis from a one-column or one-row range: header = parameter, then values (blanks skipped). */
function readAxis(nv: RangeValue, issues: InputIssue[]): GridAxis | null {
  const before = issues.length;
  const rows = nv.values.length;
  const cols = nv.values[0]?.length ?? 0;
  let cells: { v: CellValue; r: number; c: number }[];
  if (cols === 1) cells = nv.values.map((row, r) => ({ v: row[0] ?? null, r, c: 0 }));
  else if (rows === 1) cells = (nv.values[0] ?? []).map((v, c) => ({ v, r: 0, c }));
  else {
    issues.push(
      issue("sensitivity-grid-axis-shape", locationOf(cellAt(nv, 0, 0, [nv.name])), { name: nv.name }),
    );
    return null;
  }
  const head = cells[0];
  const headAt = cellAt(nv, 0, 0, [nv.name, "parameter"]);
  if (head === undefined || isBlank(head.v)) {
    issues.push(readIssue("missing-header", locationOf(headAt), { name: nv.name }));
    return null;
  }
  const parameter = parameterIn(head.v, headAt, issues);
  if (parameter === undefined) return null;
  const values: number[] = [];
  for (const cell of cells.slice(1)) {
    if (isBlank(cell.v)) continue;
    const x = valueIn(parameter, cell.v, cellAt(nv, cell.r, cell.c, [nv.name, values.length]), issues, {
      da: "Værdi",
      en: "Value",
    });
    if (x !== undefined) values.push(x);
  }
  if (issues.length > before) return null;
  if (values.length === 0) {
    issues.push(issue("sensitivity-grid-axis-empty", locationOf(headAt), { name: nv.name }));
    return null;
  }
  if (values.length > MAX_AXIS_VALUES) {
    issues.push(
      issue("sensitivity-grid-axis-too-long", locationOf(headAt), { name: nv.name, count: values.length }),
    );
    return null;
  }
  return { parameter, values };
}

// ───────────────────────────── SOM_Grid_Resultat ─────────────────────────────

const MEASURES: readonly { readonly word: string; readonly measure: ResultSelector["measure"] }[] = [
  { word: "nettoresultat", measure: "netTotal" },
  { word: "net result", measure: "netTotal" },
  { word: "nutidsværdi", measure: "presentValue" },
  { word: "present value", measure: "presentValue" },
];

/**
 * Parses a result selector text against the actors the perspective reports (an actor left out by
 * «Kun kommune» has no result); undefined when it is not understood.
 * @example parseResultSelector("Nettoresultat Kommune", s) // → { measure: "netTotal", scope: … }
 */
export function parseResultSelector(
  text: string,
  scenario: Pick<Scenario, "actors" | "settings">,
): ResultSelector | undefined {
  const t = norm(text);
  const m = MEASURES.find((x) => t.startsWith(`${x.word} `));
  if (m === undefined) return undefined;
  const scopeText = t.slice(m.word.length + 1);
  let scope: ResultScope | undefined;
  if (scopeText === "total" || scopeText === "i alt") scope = { kind: "total" };
  else {
    const actor = reported(scenario).findIndex((a) => norm(a.name) === scopeText);
    if (actor >= 0) scope = { kind: "actor", actor };
    else {
      const level = LEVEL_LABELS.find((l) => norm(l.da) === scopeText || norm(l.en) === scopeText)?.level;
      // Kun kommune reports no Region/Stat/Andet: such a level has no result (it would silently be 0).
      const shown = scenario.settings.perspective === "public" || level === "Kommune";
      if (level !== undefined && shown) scope = { kind: "level", level };
    }
  }
  return scope === undefined ? undefined : { measure: m.measure, scope };
}

/**
 * The canonical text of a selector (Danish or English), e.g. "Nettoresultat Kommune", "Net result Total".
 * Actors are named by their name, levels by their Danish level code (the workbook's spelling).
 */
export function resultSelectorText(
  selector: ResultSelector,
  scenario: Pick<Scenario, "actors" | "settings">,
  lang: "da" | "en" = "da",
): string {
  const word =
    selector.measure === "netTotal"
      ? lang === "da"
        ? "Nettoresultat"
        : "Net result"
      : lang === "da"
        ? "Nutidsværdi"
        : "Present value";
  const s = selector.scope;
  const scope =
    s.kind === "total" ? "Total" : s.kind === "level" ? s.level : (reported(scenario)[s.actor]?.name ?? "?");
  return `${word} ${scope}`;
}

/** The grid result; undefined when the name is absent or blank (the default); null on issues (pushed). */
function readResult(
  names: ReadonlyMap<string, NamedValue>,
  scenario: Scenario,
  issues: InputIssue[],
): ResultSelector | null | undefined {
  if (lookupName(names, N.gridResult) === undefined) return undefined;
  const before = issues.length;
  const scalar = readScalar(names, N.gridResult, issues, { path: [N.gridResult] });
  if (scalar === undefined) return issues.length > before ? null : undefined;
  const text = toText(scalar.value, scalar.at, issues);
  if (issues.length > before) return null;
  if (text === undefined) return undefined; // blank = the default
  const selector = parseResultSelector(text, scenario);
  if (selector === undefined) {
    // Understood under Offentlig sektor, but about an actor or level that Kun kommune leaves out.
    const leftOut =
      scenario.settings.perspective === "kommune" &&
      parseResultSelector(text, {
        ...scenario,
        settings: { ...scenario.settings, perspective: "public" },
      }) !== undefined;
    issues.push(
      issue(
        leftOut ? "sensitivity-result-not-reported" : "sensitivity-unknown-result",
        locationOf(scalar.at),
        { text },
      ),
    );
    return null;
  }
  return selector;
}

// ───────────────────────────── all together ─────────────────────────────

/** The range behind an axis name; undefined when absent; null (with an issue) for a constant or unsupported name. */
function axisRange(
  names: ReadonlyMap<string, NamedValue>,
  name: string,
  issues: InputIssue[],
): RangeValue | null | undefined {
  const nv = lookupName(names, name);
  if (nv === undefined) return undefined;
  if (nv.kind === "range") return nv;
  const at: IssueLocation = { path: [name], name };
  if (nv.kind === "constant") issues.push(readIssue("not-a-block", at, { name }));
  else issues.push(readIssue("unsupported-name", at, { name, formula: nv.formula }));
  return null;
}

/**
 * The sensitivity settings of a workbook, or every problem with them.
 *
 * `names` is what `WorkbookPort.readNames(SENSITIVITY_NAMES)` returned (keys lower-cased); `scenario` is the
 * validated base scenario (its actors resolve the grid result, its success rates give the defaults).
 * When only one grid axis is given and the default for the other is the same parameter, the other axis
 * takes the second default (success rate ↔ consequence change).
 */
export function readSensitivity(
  names: ReadonlyMap<string, NamedValue>,
  scenario: Scenario,
): Validation<SensitivitySettings> {
  const issues: InputIssue[] = [];

  const oneWayRead = readOneWay(names, issues);
  const oneWay = oneWayRead === undefined ? defaultOneWaySettings(scenario) : oneWayRead;

  const xRange = axisRange(names, N.gridX, issues);
  const yRange = axisRange(names, N.gridY, issues);
  const xRead = xRange === undefined ? undefined : xRange === null ? null : readAxis(xRange, issues);
  const yRead = yRange === undefined ? undefined : yRange === null ? null : readAxis(yRange, issues);
  const otherDefault = (
    used: SensitivityParameter | undefined,
    first: GridAxis,
    second: GridAxis,
  ): GridAxis => (used === first.parameter ? second : first);
  const x =
    xRead !== undefined ? xRead : otherDefault(yRead?.parameter, defaultGridX(scenario), defaultGridY());
  const y =
    yRead !== undefined ? yRead : otherDefault(xRead?.parameter, defaultGridY(), defaultGridX(scenario));
  if (x !== null && y !== null && x.parameter === y.parameter && xRange && yRange) {
    const at: IssueLocation = {
      ...locationOf(cellAt(yRange, 0, 0, [N.gridY, "parameter"])),
      relatedPath: [N.gridX, "parameter"],
      related: { name: xRange.name, sheet: xRange.sheet, cell: a1(xRange.row, xRange.col) },
    };
    issues.push(issue("sensitivity-grid-same-parameter", at, { parameter: y.parameter }));
  }

  const resultRead = readResult(names, scenario, issues);
  const result = resultRead === undefined ? DEFAULT_GRID_RESULT : resultRead;

  if (issues.length > 0 || oneWay === null || x === null || y === null || result === null) {
    return { ok: false, issues };
  }
  return { ok: true, value: { oneWay, grid: { x, y, result } }, warnings: [] };
}
