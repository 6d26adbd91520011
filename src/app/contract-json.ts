/**
 * The command line's machine-readable document (workbook-contract.md, "Machine-readable results").
 *
 * `toContractJson(results)` maps engine `Results` to the contract's JSON shape; `contractJsonText` and
 * `issuesJsonText` give the exact text the CLI prints. Amounts are plain numbers in kroner at the price
 * level, unrounded (som-method.md §6); undefined key figures are `null`.
 *
 * Objects keyed by user text (actor names, service and effect names) are built with a null prototype and
 * `Object.defineProperty`, so a name such as `__proto__` or `constructor` is an ordinary key in the
 * output and never touches a prototype.
 */
import type {
  CostKind,
  HorizonMethod,
  InputIssue,
  Level,
  Perspective,
  ResultBlock,
  Results,
  UndefinedReason,
} from "../engine/types";
import { COST_KINDS, LEVELS } from "../engine/types";
import type { Lang } from "../present/format";
import type { FollowUp, FollowUpFactor, FollowUpScopeResult } from "../engine/decision/follow-up";
import { followUpStatus } from "../workbook/render/follow-up-sheet";

/** A JSON value. Records are null-prototype objects. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** One result block in the contract's shape (per actor, per level or total). */
export interface ContractBlock {
  /** C_t per calculation year, kr. at price level P; positive = money spent. */
  readonly costs: readonly number[];
  /** V_t per year; positive = saved or earned. */
  readonly consequences: readonly number[];
  /** NR_t = V_t − C_t. */
  readonly net: readonly number[];
  /** CNR_T = Σ_{t ≤ T} NR_t. */
  readonly cumulative: readonly number[];
  /** Σ_t NR_t. */
  readonly netTotal: number;
  /** PV = Σ_t NR_t / (1 + ρ)^(t − 1). */
  readonly presentValue: number;
  /** Calendar year, or null = not within the horizon. */
  readonly breakEvenYear: number | null;
  /** Σ V / Σ C, or null when Σ C ≤ 0. */
  readonly returnPerKrone: number | null;
  /** f* (som-method.md §6), or null = cannot break even. */
  readonly breakEvenSuccessFactor: number | null;
  // Additional fields (allowed by the contract: "at least").
  readonly costTotal: number;
  readonly consequenceTotal: number;
  /** Σ NR / Σ N, or null when there are no completers. */
  readonly netPerCompleter: number | null;
  /** Undiscounted consequences after year H [D]. */
  readonly beyondHorizon: number;
  /** C_t by cost kind (Opstart, Drift, PrDeltager, Sparet). */
  readonly costsByKind: { readonly [kind: string]: readonly number[] };
  /** V_t by service name (null-prototype record). */
  readonly consequencesByService: { readonly [service: string]: readonly number[] };
  /** V_t by effect name (null-prototype record). */
  readonly consequencesByEffect: { readonly [effect: string]: readonly number[] };
  /** For each null key figure: why (e.g. "not-within-horizon"). */
  readonly undefinedReasons: { readonly [figure: string]: UndefinedReason };
}

/** The whole results document. */
export interface ContractDocument {
  readonly years: readonly number[];
  readonly priceLevel: number;
  readonly discountRate: number;
  readonly actors: readonly { readonly name: string; readonly level: Level }[];
  /** Keyed by actor name (null-prototype record, insertion order = actor order). */
  readonly byActor: { readonly [actor: string]: ContractBlock };
  /** Keyed by level, in the order of LEVELS; only levels that have an actor. */
  readonly byLevel: { readonly [level: string]: ContractBlock };
  readonly total: ContractBlock;
  /** Total undiscounted consequences not counted by the horizon [D]. */
  readonly beyondHorizon: number;
  /** Σ_s N_s (starters). */
  readonly totalCompleters: number;
  /** The horizon as applied (som-method.md §2): method, F, and the calendar year of T. */
  readonly horizon: {
    readonly method: HorizonMethod;
    readonly years: number;
    readonly lastYear: number;
  };
  /** v, whole years a citizen receives the intervention. */
  readonly duration: number;
  /** `public` (Offentlig sektor) or `kommune` (Kun kommune: only Kommune actors in actors/byActor/byLevel/total). */
  readonly perspective: Perspective;
  /** Actors left out by the perspective (empty for `public`). */
  readonly excludedActors: readonly { readonly name: string; readonly level: Level }[];
  /** Per start year s: completion year and the number of consequence years counted for that cohort. */
  readonly cohorts: readonly {
    readonly startYear: number;
    readonly completionYear: number;
    readonly starters: number;
    readonly yearsFollowed: number;
  }[];
  /** Warnings from validation (same shape as issues); empty when none. */
  readonly warnings: readonly ContractIssue[];
}

/** One input issue as the contract prints it. Absent locations are null. */
export interface ContractIssue {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly name: string | null;
  readonly sheet: string | null;
  readonly cell: string | null;
}

/** Thrown if a caller maps results with two actors of the same name (validation must prevent it). */
export class DuplicateKeyError extends Error {
  override readonly name = "DuplicateKeyError";
}

/** A null-prototype record built from entries; a repeated key is a programmer error. */
function record<V>(entries: Iterable<readonly [string, V]>): { readonly [key: string]: V } {
  const out = Object.create(null) as Record<string, V>;
  for (const [key, value] of entries) {
    if (Object.prototype.hasOwnProperty.call(out, key))
      throw new DuplicateKeyError(`Duplicate key in JSON record: ${JSON.stringify(key)}`);
    Object.defineProperty(out, key, { value, enumerable: true, writable: false, configurable: false });
  }
  return out;
}

function toContractBlock(block: ResultBlock): ContractBlock {
  return {
    costs: [...block.costs],
    consequences: [...block.consequences],
    net: [...block.net],
    cumulative: [...block.cumulative],
    netTotal: block.netTotal,
    presentValue: block.presentValue,
    breakEvenYear: block.breakEvenYear,
    returnPerKrone: block.returnPerKrone,
    breakEvenSuccessFactor: block.breakEvenSuccessFactor,
    costTotal: block.costTotal,
    consequenceTotal: block.consequenceTotal,
    netPerCompleter: block.netPerCompleter,
    beyondHorizon: block.beyondHorizon,
    costsByKind: record(COST_KINDS.map((kind: CostKind) => [kind, [...block.costsByKind[kind]]] as const)),
    consequencesByService: record([...block.consequencesByService].map(([k, v]) => [k, [...v]] as const)),
    consequencesByEffect: record([...block.consequencesByEffect].map(([k, v]) => [k, [...v]] as const)),
    undefinedReasons: record(
      Object.entries(block.undefinedReasons).filter(
        (e): e is [string, UndefinedReason] => e[1] !== undefined,
      ),
    ),
  };
}

/** One input issue in the contract's shape, message in `lang`. */
export function toContractIssue(issue: InputIssue, lang: Lang): ContractIssue {
  return {
    code: issue.code,
    severity: issue.severity,
    message: issue.message[lang],
    name: issue.location.name ?? null,
    sheet: issue.location.sheet ?? null,
    cell: issue.location.cell ?? null,
  };
}

/**
 * The contract's results document for `results` (workbook-contract.md, "Machine-readable results").
 * Example: `toContractJson(r).byActor["Kommune"].netTotal` is Σ_t NR for the actor named "Kommune".
 */
export function toContractJson(
  results: Results,
  warnings: readonly InputIssue[] = [],
  lang: Lang = "da",
): ContractDocument {
  return {
    years: [...results.years],
    priceLevel: results.priceLevel,
    discountRate: results.discountRate,
    actors: results.actors.map((a) => ({ name: a.name, level: a.level })),
    byActor: record(
      results.actors.map((actor, i) => {
        const block = results.byActor[i];
        if (block === undefined) throw new RangeError(`No result block for actor ${i}`);
        return [actor.name, toContractBlock(block)] as const;
      }),
    ),
    byLevel: record(
      LEVELS.flatMap((level) => {
        const block = results.byLevel.get(level);
        return block === undefined ? [] : [[level, toContractBlock(block)] as const];
      }),
    ),
    total: toContractBlock(results.total),
    beyondHorizon: results.beyondHorizon,
    totalCompleters: results.totalCompleters,
    horizon: {
      method: results.horizon.method,
      years: results.horizon.years,
      lastYear: results.horizon.lastYear,
    },
    duration: results.duration,
    perspective: results.perspective,
    excludedActors: results.excludedActors.map((a) => ({ name: a.name, level: a.level })),
    cohorts: results.cohorts.map((c) => ({
      startYear: results.years[0] === undefined ? c.startCalcYear : results.years[0] + c.startCalcYear - 1,
      completionYear: c.completionYear,
      starters: c.starters,
      yearsFollowed: c.yearsFollowed,
    })),
    warnings: warnings.map((w) => toContractIssue(w, lang)),
  };
}

/** One scope of the follow-up in the JSON (kr. at the price level; results' sign). */
export interface ContractFollowUpScope {
  readonly forecast: { readonly netTotal: number; readonly presentValue: number };
  readonly updated: { readonly netTotal: number; readonly presentValue: number };
  readonly difference: { readonly netTotal: number; readonly presentValue: number };
  /** The difference split into participants, success rates and costs (they sum to it). */
  readonly contributions: {
    readonly netTotal: Readonly<Record<FollowUpFactor, number>>;
    readonly presentValue: Readonly<Record<FollowUpFactor, number>>;
  };
  /** NR per year: forecast, updated and the three contributions. */
  readonly netByYear: {
    readonly forecast: readonly number[];
    readonly updated: readonly number[];
  } & Readonly<Record<FollowUpFactor, readonly number[]>>;
}

/** The follow-up of realised figures (som-method.md §11) as `som calculate --json` prints it. */
export interface ContractFollowUp {
  readonly realisedYears: readonly number[];
  readonly byActor: { readonly [name: string]: ContractFollowUpScope };
  readonly byLevel: { readonly [level: string]: ContractFollowUpScope };
  readonly total: ContractFollowUpScope;
  /** One sentence per actor (the pane's and the sheet's status). */
  readonly status: readonly string[];
}

function followUpScope(s: FollowUpScopeResult): ContractFollowUpScope {
  const pick = (k: FollowUpFactor): number[] => s.netByYear.map((y) => y.contributions[k]);
  return {
    forecast: { netTotal: s.netTotal.forecast, presentValue: s.presentValue.forecast },
    updated: { netTotal: s.netTotal.updated, presentValue: s.presentValue.updated },
    difference: { netTotal: s.netTotal.difference, presentValue: s.presentValue.difference },
    contributions: {
      netTotal: { ...s.netTotal.contributions },
      presentValue: { ...s.presentValue.contributions },
    },
    netByYear: {
      forecast: s.netByYear.map((y) => y.forecast),
      updated: s.netByYear.map((y) => y.updated),
      participants: pick("participants"),
      successRates: pick("successRates"),
      costs: pick("costs"),
    },
  };
}

/** The `followUp` member of the results document. */
export function toFollowUpJson(f: FollowUp, lang: Lang): ContractFollowUp {
  const start = f.forecast.years[0] ?? 0;
  const total = f.scopes.find((s) => s.scope.kind === "total");
  if (total === undefined) throw new RangeError("A follow-up always has a total");
  return {
    realisedYears: f.realised.years.map((y) => start + y.calcYear - 1),
    byActor: record(
      f.scopes.flatMap((s) => (s.scope.kind === "actor" ? [[s.scope.name, followUpScope(s)] as const] : [])),
    ),
    byLevel: record(
      f.scopes.flatMap((s) => (s.scope.kind === "level" ? [[s.scope.level, followUpScope(s)] as const] : [])),
    ),
    total: followUpScope(total),
    status: followUpStatus(f, lang).map((x) => x.text),
  };
}

/** Non-finite numbers would silently become `null` in JSON; the engine must never produce them. */
export class NonFiniteNumberError extends Error {
  override readonly name = "NonFiniteNumberError";
}

/**
 * `JSON.stringify(doc, …, 2)` that throws `fail(value)` at the first non-finite number instead of writing
 * `null`: the one finite-checking JSON text of every `--json` document.
 * Example: finiteJsonText({ a: 1 }, (v) => new NonFiniteNumberError(String(v))) === '{\n  "a": 1\n}'
 */
export function finiteJsonText(doc: unknown, fail: (value: number) => Error): string {
  return JSON.stringify(
    doc,
    (_key, value: unknown) => {
      if (typeof value === "number" && !Number.isFinite(value)) throw fail(value);
      return value;
    },
    2,
  );
}

/** The exact text `som calculate --json` prints on success (one JSON document, two-space indentation). */
export function contractJsonText(
  results: Results,
  warnings: readonly InputIssue[] = [],
  lang: Lang = "da",
  followUp: FollowUp | null = null,
): string {
  const doc = toContractJson(results, warnings, lang);
  // `followUp` only when the workbook has realised figures (SOM_Realiseret, som-method.md §11).
  const full = followUp === null ? doc : { ...doc, followUp: toFollowUpJson(followUp, lang) };
  return finiteJsonText(
    full,
    (value) => new NonFiniteNumberError(`Non-finite number in results: ${String(value)}`),
  );
}

/** The exact text printed on input issues: `{"issues": [{code, message, name, sheet, cell}, …]}`. */
export function issuesJsonText(issues: readonly InputIssue[], lang: Lang = "da"): string {
  return JSON.stringify({ issues: issues.map((i) => toContractIssue(i, lang)) }, null, 2);
}
