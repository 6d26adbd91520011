/**
 * Reads the uncertainty settings of som-method.md §10 (workbook-contract.md "Names for §10–11", all optional):
 * the simulation (`SOM_Usikkerhed`, `SOM_Simulering_Antal`, `SOM_Simulering_Seed`) and the realism adjustment
 * (`SOM_Realisme`, the `Evidens` column of `SOM_Effekter`, `SOM_Omkostningstillaeg`, `SOM_Forsinkelse`).
 *
 * Every problem is a located `InputIssue` (defined name, sheet, cell; Danish and English message); all are
 * collected, and settings are returned only when there are none. Values are typed as in the workbook:
 * rates and changes as shares (25 % = 0,25), never divided by 100.
 *
 * `SOM_Usikkerhed` rows: `Parameter` is `Succesrate` (every effect), `Succesrate: <Effektmål>` (one effect),
 * `Konsekvenser`, `Omkostninger`, `Priser` or `Deltagere` (or the English names); `Fordeling` is `Uniform` or
 * `Trekant` (`Triangular`); `Lav` ≤ `Mest sandsynlig` ≤ `Høj`, each a legal value of the parameter
 * (a rate 0–100 %, a change ≥ −100 %). `Mest sandsynlig` is required for `Trekant` and must be blank for
 * `Uniform`.
 */
import type { Distribution } from "../../engine/simulation/distributions";
import {
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  MAX_ITERATIONS,
  type SimulationParameter,
  type SimulationSettings,
  type UncertainInput,
} from "../../engine/simulation/inputs";
import { MAX_SEED } from "../../engine/simulation/random";
import type { RealismSettings } from "../../engine/simulation/realism";
import { checkParameterValue } from "../../engine/sensitivity/parameters";
import type { InputIssue, Scenario, Validation } from "../../engine/types";
import { issueCatalogue } from "../../engine/issues";
import { COLUMNS, DISTRIBUTION_LABELS, N, SENSITIVITY_PARAMETER_LABELS } from "../names";
import type { NamedValue } from "../port";
import type { CellValue } from "../sheet-model";
import { blockCellAt, readBlock, type BlockCell, type BlockRead } from "./block";
import { quoted, readIssue } from "./read-issues";
import { parameterLabel, parseParameter } from "./read-sensitivity";
import {
  isBlank,
  locationOf,
  lookupName,
  readScalar,
  toInteger,
  toNumber,
  toText,
  type CellAt,
} from "./scalar";

/** The defined names of the uncertainty settings (read in the same round trip as the scenario). */
export const UNCERTAINTY_NAMES: readonly string[] = [
  N.uncertainty,
  N.simulationIterations,
  N.simulationSeed,
  N.realism,
  N.costUplift,
  N.effectDelay,
];

/** Largest effect delay in whole years (workbook-contract.md). */
export const MAX_DELAY = 10;

type Bi = { readonly da: string; readonly en: string };

const SIM_LABELS = SENSITIVITY_PARAMETER_LABELS.filter((l) => l.key !== "horizon");
const LIST_DA = `${SIM_LABELS.map((l) => l.da).join(", ")} eller "Succesrate: <effektmål>"`;
const LIST_EN = `${SIM_LABELS.map((l) => l.en).join(", ")} or "Success rate: <outcome>"`;
const da = (x: number): string => String(x).replace(".", ",");
const pct = (x: number, lang: "da" | "en"): string => {
  const s = String(Math.round(x * 1e6) / 1e4);
  return `${lang === "da" ? s.replace(".", ",") : s} %`;
};

const MESSAGES = {
  "uncertainty-unknown-parameter": (p: { text: string }): Bi => ({
    da: `Ukendt usikker parameter ${quoted(p.text)}. Brug en af: ${LIST_DA}.`,
    en: `Unknown uncertain parameter ${quoted(p.text)}. Use one of: ${LIST_EN} (or the Danish names).`,
  }),
  "uncertainty-unknown-effect": (p: { text: string }): Bi => ({
    da: `Effektmålet ${quoted(p.text)} findes ikke i SOM_Effekter. Skriv navnet præcis som i effekttabellen.`,
    en: `The outcome ${quoted(p.text)} is not in SOM_Effekter. Type the name exactly as in the effect table.`,
  }),
  "uncertainty-duplicate-parameter": (p: { text: string }): Bi => ({
    da: `Parameteren ${quoted(p.text)} står mere end én gang i SOM_Usikkerhed (eller både for alle effektmål og for ét). Slet den ene række.`,
    en: `The parameter ${quoted(p.text)} appears more than once in SOM_Usikkerhed (or both for all outcomes and for one). Delete one row.`,
  }),
  "uncertainty-unknown-distribution": (p: { text: string }): Bi => ({
    da: `Ukendt fordeling ${quoted(p.text)}. Brug Uniform eller Trekant.`,
    en: `Unknown distribution ${quoted(p.text)}. Use Uniform or Triangular (Trekant).`,
  }),
  "uncertainty-low-above-high": (p: { low: number; high: number }): Bi => ({
    da: `Lav (${da(p.low)}) er større end Høj (${da(p.high)}). Byt om på dem.`,
    en: `Low (${p.low}) is greater than High (${p.high}). Swap them.`,
  }),
  "uncertainty-mode-outside": (p: { mode: number; low: number; high: number }): Bi => ({
    da: `Mest sandsynlig (${da(p.mode)}) skal ligge mellem Lav (${da(p.low)}) og Høj (${da(p.high)}).`,
    en: `Most likely (${p.mode}) must lie between Low (${p.low}) and High (${p.high}).`,
  }),
  "uncertainty-mode-for-uniform": (_p: Record<string, never>): Bi => ({
    da: `En uniform fordeling har ingen mest sandsynlige værdi: tøm cellen, eller vælg Trekant.`,
    en: `A uniform distribution has no most likely value: clear the cell, or choose Triangular (Trekant).`,
  }),
  "uncertainty-value-out-of-range": (p: { rate: boolean; value: number }): Bi =>
    p.rate
      ? {
          da: `En succesrate skal ligge mellem 0 % og 100 % (ikke ${pct(p.value, "da")}).`,
          en: `A success rate must be between 0 % and 100 % (not ${pct(p.value, "en")}).`,
        }
      : {
          da: `En ændring skal være −100 % eller mere (ikke ${pct(p.value, "da")}).`,
          en: `A change must be −100 % or more (not ${pct(p.value, "en")}).`,
        },
  "uncertainty-iterations-out-of-range": (p: { value: number }): Bi => ({
    da: `Antal simuleringer skal være et helt tal fra 1 til ${MAX_ITERATIONS.toLocaleString("da-DK")} (ikke ${da(p.value)}).`,
    en: `The number of iterations must be a whole number from 1 to ${MAX_ITERATIONS.toLocaleString("en-GB")} (not ${p.value}).`,
  }),
  "uncertainty-seed-out-of-range": (p: { value: number }): Bi => ({
    da: `Startværdien (seed) skal være et helt tal fra 0 til ${MAX_SEED} (ikke ${da(p.value)}).`,
    en: `The seed must be a whole number from 0 to ${MAX_SEED} (not ${p.value}).`,
  }),
  "realism-level-out-of-range": (p: { value: number }): Bi => ({
    da: `Evidensniveauet skal være 1, 2 eller 3 (1 = stærkest evidens), ikke ${da(p.value)}.`,
    en: `The evidence level must be 1, 2 or 3 (1 = strongest evidence), not ${p.value}.`,
  }),
  "realism-duplicate-level": (p: { level: number }): Bi => ({
    da: `Evidensniveau ${p.level} står mere end én gang i SOM_Realisme. Slet den ene række.`,
    en: `Evidence level ${p.level} appears more than once in SOM_Realisme. Delete one row.`,
  }),
  "realism-reduction-out-of-range": (p: { value: number }): Bi => ({
    da: `Reduktionen skal ligge mellem 0 % og 100 % (ikke ${pct(p.value, "da")}).`,
    en: `The reduction must be between 0 % and 100 % (not ${pct(p.value, "en")}).`,
  }),
  "realism-level-without-reduction": (p: { level: number }): Bi => ({
    da: `Effektmålet har evidensniveau ${p.level}, men SOM_Realisme har ingen reduktion for niveau ${p.level}. Tilføj rækken (der bruges ingen standardværdier).`,
    en: `The outcome has evidence level ${p.level}, but SOM_Realisme has no reduction for level ${p.level}. Add the row (no default values are used).`,
  }),
  "realism-effect-without-level": (_p: Record<string, never>): Bi => ({
    da: `Effektmålet har intet evidensniveau; dets succesrate reduceres ikke i realismejusteringen.`,
    en: `The outcome has no evidence level; its success rate is not reduced in the realism adjustment.`,
  }),
  "realism-uplift-out-of-range": (p: { value: number }): Bi => ({
    da: `Omkostningstillægget skal være 0 % eller mere (ikke ${pct(p.value, "da")}).`,
    en: `The cost uplift must be 0 % or more (not ${pct(p.value, "en")}).`,
  }),
  "realism-delay-out-of-range": (p: { value: number }): Bi => ({
    da: `Forsinkelsen skal være et helt antal år fra 0 til ${MAX_DELAY} (ikke ${da(p.value)}).`,
    en: `The delay must be a whole number of years from 0 to ${MAX_DELAY} (not ${p.value}).`,
  }),
} as const;

type Code = keyof typeof MESSAGES;

const issue = issueCatalogue(MESSAGES, (code) =>
  code === "realism-effect-without-level" ? "warning" : "error",
);

/** Every issue code this reader adds (tests, documentation). */
export const UNCERTAINTY_ISSUE_CODES = Object.keys(MESSAGES) as readonly Code[];

const norm = (s: string): string => s.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

/** The Danish and English name of an uncertain input, e.g. "Succesrate: Beskæftigelse". */
export function inputLabel(input: UncertainInput, scenario: Pick<Scenario, "effects">): Bi {
  const l = parameterLabel(input.parameter);
  if (input.effect === undefined) return l;
  const e = scenario.effects[input.effect]?.name ?? "?";
  return { da: `${l.da}: ${e}`, en: `${l.en}: ${e}` };
}

/** Reads a field of a block row; blank when the column is absent. */
const fieldOf = (row: { fields: ReadonlyMap<string, BlockCell> }, key: string): BlockCell =>
  row.fields.get(key) ?? { value: null, cell: "" };

function parseInputParameter(
  text: string,
  scenario: Scenario,
): { parameter: SimulationParameter; effect?: number } | "unknown" | { unknownEffect: string } {
  const colon = text.indexOf(":");
  const head = colon < 0 ? text : text.slice(0, colon);
  const p = parseParameter(head);
  if (p === undefined || p === "horizon") return "unknown";
  if (colon < 0) return { parameter: p };
  if (p !== "successRate") return "unknown";
  const name = text.slice(colon + 1);
  const effect = scenario.effects.findIndex((e) => norm(e.name) === norm(name));
  return effect < 0 ? { unknownEffect: name.trim() } : { parameter: p, effect };
}

function readInputs(
  names: ReadonlyMap<string, NamedValue>,
  scenario: Scenario,
  issues: InputIssue[],
): UncertainInput[] {
  const out: UncertainInput[] = [];
  if (lookupName(names, N.uncertainty) === undefined) return out;
  const block = readBlock(names, N.uncertainty, COLUMNS[N.uncertainty], issues, { path: [N.uncertainty] });
  if (block === undefined) return out;
  const seen = new Set<string>();
  block.rows.forEach((row, i) => {
    const at = (key: string): CellAt => blockCellAt(block, fieldOf(row, key).cell, [N.uncertainty, i, key]);
    const before = issues.length;
    const pText = toText(fieldOf(row, "parameter").value, at("parameter"), issues);
    if (pText === undefined) {
      if (issues.length === before)
        issues.push(
          readIssue("required-cell-blank", locationOf(at("parameter")), { da: "Parameter", en: "Parameter" }),
        );
      return;
    }
    const parsed = parseInputParameter(pText, scenario);
    if (parsed === "unknown") {
      issues.push(issue("uncertainty-unknown-parameter", locationOf(at("parameter")), { text: pText }));
      return;
    }
    if ("unknownEffect" in parsed) {
      issues.push(
        issue(
          "uncertainty-unknown-effect",
          { ...locationOf(at("parameter")), relatedPath: ["effects"] },
          { text: parsed.unknownEffect },
        ),
      );
      return;
    }
    const key = `${parsed.parameter}:${parsed.effect ?? "*"}`;
    const clash =
      seen.has(key) ||
      (parsed.parameter === "successRate" &&
        (parsed.effect === undefined
          ? [...seen].some((k) => k.startsWith("successRate:"))
          : seen.has("successRate:*")));
    seen.add(key);
    if (clash) {
      issues.push(issue("uncertainty-duplicate-parameter", locationOf(at("parameter")), { text: pText }));
      return;
    }
    const distribution = readDistribution(block, row, i, parsed.parameter, issues);
    if (distribution !== undefined && issues.length === before)
      out.push(
        parsed.effect === undefined
          ? { parameter: parsed.parameter, distribution }
          : { parameter: parsed.parameter, effect: parsed.effect, distribution },
      );
  });
  return out;
}

function readDistribution(
  block: BlockRead,
  row: BlockRead["rows"][number],
  i: number,
  parameter: SimulationParameter,
  issues: InputIssue[],
): Distribution | undefined {
  const at = (key: string): CellAt => blockCellAt(block, fieldOf(row, key).cell, [N.uncertainty, i, key]);
  const before = issues.length;
  const dText = toText(fieldOf(row, "distribution").value, at("distribution"), issues);
  let kind: Distribution["kind"] | undefined;
  if (dText === undefined) {
    if (issues.length === before)
      issues.push(
        readIssue("required-cell-blank", locationOf(at("distribution")), {
          da: "Fordeling",
          en: "Distribution",
        }),
      );
  } else {
    kind = DISTRIBUTION_LABELS.find((l) => norm(l.da) === norm(dText) || norm(l.en) === norm(dText))?.kind;
    if (kind === undefined)
      issues.push(issue("uncertainty-unknown-distribution", locationOf(at("distribution")), { text: dText }));
  }
  const value = (key: string, label: Bi, required: boolean): number | undefined => {
    const v: CellValue = fieldOf(row, key).value;
    if (isBlank(v)) {
      if (required) issues.push(readIssue("required-cell-blank", locationOf(at(key)), label));
      return undefined;
    }
    const x = toNumber(v, at(key), issues);
    if (x !== undefined && checkParameterValue(parameter, x) !== null) {
      issues.push(
        issue("uncertainty-value-out-of-range", locationOf(at(key)), {
          rate: parameter === "successRate",
          value: x,
        }),
      );
      return undefined;
    }
    return x;
  };
  const low = value("low", { da: "Lav", en: "Low" }, true);
  const high = value("high", { da: "Høj", en: "High" }, true);
  const mode = value("mode", { da: "Mest sandsynlig", en: "Most likely" }, kind === "triangular");
  if (kind === "uniform" && !isBlank(fieldOf(row, "mode").value))
    issues.push(issue("uncertainty-mode-for-uniform", locationOf(at("mode")), {}));
  if (low !== undefined && high !== undefined && low > high) {
    issues.push(
      issue(
        "uncertainty-low-above-high",
        { ...locationOf(at("low")), relatedPath: [N.uncertainty, i, "high"] },
        { low, high },
      ),
    );
    return undefined;
  }
  if (
    kind === "triangular" &&
    low !== undefined &&
    high !== undefined &&
    mode !== undefined &&
    (mode < low || mode > high)
  ) {
    issues.push(issue("uncertainty-mode-outside", locationOf(at("mode")), { mode, low, high }));
    return undefined;
  }
  if (issues.length > before || kind === undefined || low === undefined || high === undefined)
    return undefined;
  return kind === "uniform" ? { kind, low, high } : { kind, low, mode: mode as number, high };
}

/** An optional whole-number scalar with a range; a located issue when it is not one. */
function readBoundedInteger(
  names: ReadonlyMap<string, NamedValue>,
  name: string,
  fallback: number,
  min: number,
  max: number,
  code:
    "uncertainty-iterations-out-of-range" | "uncertainty-seed-out-of-range" | "realism-delay-out-of-range",
  issues: InputIssue[],
): number | undefined {
  const scalar = readScalar(names, name, issues, { path: [name] });
  if (scalar === undefined || isBlank(scalar.value)) return fallback;
  const n = toNumber(scalar.value, scalar.at, issues);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < min || n > max) {
    if (Number.isInteger(n)) issues.push(issue(code, locationOf(scalar.at), { value: n }));
    else toInteger(n, scalar.at, issues);
    return undefined;
  }
  return n;
}

/**
 * The simulation settings, or every problem with them. `value` is null when `SOM_Usikkerhed` is absent or
 * has no rows (nothing to simulate); iterations and seed default to 10.000 and 1.
 * @example readSimulation(named, scenario) // { ok: true, value: { inputs: [...], iterations: 10000, seed: 1 } }
 */
export function readSimulation(
  names: ReadonlyMap<string, NamedValue>,
  scenario: Scenario,
): Validation<SimulationSettings | null> {
  const issues: InputIssue[] = [];
  const inputs = readInputs(names, scenario, issues);
  const iterations = readBoundedInteger(
    names,
    N.simulationIterations,
    DEFAULT_ITERATIONS,
    1,
    MAX_ITERATIONS,
    "uncertainty-iterations-out-of-range",
    issues,
  );
  const seed = readBoundedInteger(
    names,
    N.simulationSeed,
    DEFAULT_SEED,
    0,
    MAX_SEED,
    "uncertainty-seed-out-of-range",
    issues,
  );
  if (issues.length > 0 || iterations === undefined || seed === undefined) return { ok: false, issues };
  return { ok: true, value: inputs.length === 0 ? null : { inputs, iterations, seed }, warnings: [] };
}

/**
 * The realism adjustment, or every problem with it. `value` is null when none of `SOM_Realisme` (with rows),
 * `SOM_Omkostningstillaeg` and `SOM_Forsinkelse` is filled in (then only the base result is shown).
 */
export function readRealism(
  names: ReadonlyMap<string, NamedValue>,
  scenario: Scenario,
): Validation<RealismSettings | null> {
  const issues: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  const reductions = new Map<number, number>();
  let filled = false;
  if (lookupName(names, N.realism) !== undefined) {
    const block = readBlock(names, N.realism, COLUMNS[N.realism], issues, { path: [N.realism] });
    block?.rows.forEach((row, i) => {
      const at = (key: string): CellAt => blockCellAt(block, fieldOf(row, key).cell, [N.realism, i, key]);
      // A level without a reduction is not in use (the template lists the levels 1–3 with blank reductions).
      if (isBlank(fieldOf(row, "reduction").value)) return;
      filled = true;
      const before = issues.length;
      const level = toNumber(fieldOf(row, "level").value, at("level"), issues);
      const reduction = toNumber(fieldOf(row, "reduction").value, at("reduction"), issues);
      if (issues.length > before) return;
      if (level === undefined)
        issues.push(
          readIssue("required-cell-blank", locationOf(at("level")), {
            da: "Evidensniveau",
            en: "Evidence level",
          }),
        );
      else if (![1, 2, 3].includes(level))
        issues.push(issue("realism-level-out-of-range", locationOf(at("level")), { value: level }));
      else if (reductions.has(level))
        issues.push(issue("realism-duplicate-level", locationOf(at("level")), { level }));
      if (reduction === undefined)
        issues.push(
          readIssue("required-cell-blank", locationOf(at("reduction")), { da: "Reduktion", en: "Reduction" }),
        );
      else if (reduction < 0 || reduction > 1)
        issues.push(
          issue("realism-reduction-out-of-range", locationOf(at("reduction")), { value: reduction }),
        );
      if (issues.length === before && level !== undefined && reduction !== undefined)
        reductions.set(level, reduction);
    });
  }
  // Evidence levels of the effects (by effect name; rows as in SOM_Effekter).
  const evidence: (1 | 2 | 3 | null)[] = scenario.effects.map(() => null);
  const effectRows: { effect: number; at: CellAt }[] = [];
  if (lookupName(names, N.effects) !== undefined) {
    const cols = COLUMNS[N.effects].filter((c) => c.key === "effect" || c.key === "evidence");
    const block = readBlock(names, N.effects, cols, [], { path: ["effects"] });
    block?.rows.forEach((row, i) => {
      const name = fieldOf(row, "effect").value;
      const e =
        typeof name === "string" ? scenario.effects.findIndex((x) => norm(x.name) === norm(name)) : -1;
      const at = blockCellAt(block, fieldOf(row, "evidence").cell, ["effects", i, "evidence"]);
      const v = fieldOf(row, "evidence").value;
      if (e < 0) return;
      const evidenceColumn = block.columns.has("evidence");
      effectRows.push({
        effect: e,
        at: evidenceColumn ? at : blockCellAt(block, fieldOf(row, "effect").cell, ["effects", i, "effect"]),
      });
      if (isBlank(v)) return;
      const level = toNumber(v, at, issues);
      if (level === undefined) return;
      if (![1, 2, 3].includes(level))
        issues.push(issue("realism-level-out-of-range", locationOf(at), { value: level }));
      else evidence[e] = level as 1 | 2 | 3;
    });
  }
  const upliftScalar = readScalar(names, N.costUplift, issues, { path: [N.costUplift] });
  let costUplift = 0;
  if (upliftScalar !== undefined && !isBlank(upliftScalar.value)) {
    filled = true;
    const x = toNumber(upliftScalar.value, upliftScalar.at, issues);
    if (x !== undefined && x < 0)
      issues.push(issue("realism-uplift-out-of-range", locationOf(upliftScalar.at), { value: x }));
    else if (x !== undefined) costUplift = x;
  }
  const delayScalar = readScalar(names, N.effectDelay, [], { path: [N.effectDelay] });
  if (delayScalar !== undefined && !isBlank(delayScalar.value)) filled = true;
  const delay = readBoundedInteger(
    names,
    N.effectDelay,
    0,
    0,
    MAX_DELAY,
    "realism-delay-out-of-range",
    issues,
  );
  if (filled && reductions.size > 0) {
    for (const { effect, at } of effectRows) {
      const level = evidence[effect];
      if (level === null || level === undefined)
        warnings.push(issue("realism-effect-without-level", locationOf(at), {}));
      else if (!reductions.has(level))
        issues.push(
          issue(
            "realism-level-without-reduction",
            { ...locationOf(at), relatedPath: [N.realism] },
            { level },
          ),
        );
    }
  }
  if (issues.length > 0 || delay === undefined) return { ok: false, issues };
  if (!filled) return { ok: true, value: null, warnings: [] };
  return {
    ok: true,
    value: {
      successRateReduction: evidence.map((level) => (level === null ? 0 : (reductions.get(level) ?? 0))),
      evidenceLevels: evidence,
      reductionByLevel: reductions,
      costUplift,
      delayYears: delay,
    },
    warnings,
  };
}
