/**
 * Domain types of the SØM engine — plain readonly data, no classes.
 *
 * Units are in the names: `…Kr` amounts are Danish kroner (at the price year stated next to them on
 * input, at the scenario's price level P on output); `…Share` values are shares 0–1 (never percent);
 * `calendarYear` vs `calcYear` (calculation year t = 1..T, see som-method.md §2).
 *
 * The time model (som-method.md §2, v2): citizens **start** the intervention in years s = 1..D, receive it for
 * v whole years (duration, `Varighed`) and complete in c = s + v − 1 ("cohort c"). Consequence year j of
 * cohort c falls in calculation year t = c + j − 1. The horizon F (`Tidshorisont`) is applied per cohort
 * (default: every cohort is followed for F years, T = D + v + F − 2) or as calendar years (T = F). Use
 * `calcYearCount(settings)` from `time.ts` for T; never use `settings.horizon` as the number of years.
 *
 * Sign convention of every result (som-method.md §6): positive = gain for the public budget.
 * Costs are reported as positive numbers (a cost of 100 kr. is `100`), consequences as positive when they
 * save or earn money, and net = consequences − costs.
 */

/** Actor level (som-method.md §1). Several actors may share a level (forvaltninger). */
export type Level = "Kommune" | "Region" | "Stat" | "Andet";
export const LEVELS: readonly Level[] = ["Kommune", "Region", "Stat", "Andet"];

/**
 * Cost kind (som-method.md §3). `PrDeltager` = "Pr. deltager" (per citizen per year in the intervention,
 * A × R_t), `PrForloeb` = "Pr. forløb" (per course, paid in the start year, A × N_t), `Sparet` = saved cost
 * of a replaced offer. The order of `COST_KINDS` is the order in which C_t is summed.
 */
export type CostKind = "Opstart" | "Drift" | "PrDeltager" | "PrForloeb" | "Sparet";
export const COST_KINDS: readonly CostKind[] = ["Opstart", "Drift", "PrDeltager", "PrForloeb", "Sparet"];

/**
 * How the horizon F is applied (som-method.md §2): `perCohort` ("Pr. kohorte", default, SØM's practice):
 * every cohort is followed for F consequence years, T = D + v + F − 2; `calendar` ("Kalenderår", [D]):
 * T = F calendar years from the start year, D + v − 1 ≤ F required.
 */
export type HorizonMethod = "perCohort" | "calendar";
export const HORIZON_METHODS: readonly HorizonMethod[] = ["perCohort", "calendar"];

/**
 * Whose budgets are reported (som-method.md §6): `public` ("Offentlig sektor", default: every actor) or
 * `kommune` ("Kun kommune": only actors of level Kommune; the others are validated but left out).
 */
export type Perspective = "public" | "kommune";
export const PERSPECTIVES: readonly Perspective[] = ["public", "kommune"];

/**
 * Phase of a consequence line (som-method.md §4): `after` ("Efter indsats", default; consequence years
 * j = 1.. from the completion year) or `during` ("Under indsats"; the k-th year in the intervention,
 * k = 1..v − 1, before the completion year).
 */
export type ConsequencePhase = "after" | "during";
export const CONSEQUENCE_PHASES: readonly ConsequencePhase[] = ["after", "during"];

/** Consequence kind (som-method.md §4): Udgift (σ = −1), Indtægt (σ = +1). */
export type ConsequenceKind = "Udgift" | "Indtaegt";
export const CONSEQUENCE_KINDS: readonly ConsequenceKind[] = ["Udgift", "Indtaegt"];

/** A calendar year such as 2025. */
export type CalendarYear = number;
/** A calculation year t = 1..T (som-method.md §2). */
export type CalcYear = number;

// ───────────────────────────── Raw input (before validation) ─────────────────────────────
// Raw input is what a reader produced: numbers may be missing (`undefined`) or out of range.
// Validation turns it into a `Scenario` or a list of issues.

export interface RawSettings {
  /** Startår: calendar year of calculation year 1. Integer 2000–2100. */
  readonly startYear?: number | undefined;
  /** Tidshorisont F: years of consequences counted (per cohort or calendar years), integer 1–30 (default 10). */
  readonly horizon?: number | undefined;
  /** Horisontmetode as an engine code (`perCohort`, `calendar`); blank = `perCohort`. Other text is an issue. */
  readonly horizonMethod?: string | undefined;
  /** Varighed v: whole years a citizen receives the intervention, integer 1–10 (default 1). */
  readonly duration?: number | undefined;
  /** Perspektiv as an engine code (`public`, `kommune`); blank = `public`. Other text is an issue. */
  readonly perspective?: string | undefined;
  /** Prisniveau P: price year of all results (default = startYear). */
  readonly priceLevel?: number | undefined;
  /** Diskonteringsrente ρ as a share 0–0.2 (default 0.035, Finansministeriet). */
  readonly discountRate?: number | undefined;
  /** Driftsperiode D: years the intervention runs and takes in participants, integer 1–30 (calendar: D + v − 1 ≤ F). */
  readonly operatingPeriod?: number | undefined;
}

export interface RawActor {
  readonly name: string;
  readonly level: string;
}

/** Starters in one calculation year (som-method.md §1, "Deltagere N_s"). */
export interface RawParticipants {
  /** Calculation year s (1..D). */
  readonly calcYear: number;
  /** Number of citizens who start the intervention that year (≥ 0, may be fractional). Blank = 0. */
  readonly count?: number | undefined;
}

export interface RawEffect {
  readonly name: string;
  /** Success rate r_e as a share 0–1, net of those who would succeed anyway. */
  readonly successRate?: number | undefined;
  readonly source?: string | undefined;
  /** The user's free-text note (`Bemærkning`/`Note` column): presentation only, never used in a calculation. */
  readonly note?: string | undefined;
}

export interface RawCostLine {
  readonly item: string;
  readonly kind: string;
  readonly actor: string;
  /** Amount A in kroner at `priceYear` (blank price year = price level P). */
  readonly amountKr?: number | undefined;
  readonly priceYear?: number | undefined;
  /** First and last calculation year (blank = the kind's default, som-method.md §3). */
  readonly fromYear?: number | undefined;
  readonly toYear?: number | undefined;
  readonly source?: string | undefined;
  /** The user's free-text note (`Bemærkning`/`Note` column): presentation only, never used in a calculation. */
  readonly note?: string | undefined;
}

export interface RawConsequenceLine {
  readonly effect: string;
  readonly service: string;
  readonly unit?: string | undefined;
  readonly kind: string;
  /**
   * Δq by year, index 0 = year 1, per successful citizen; blank = 0. J ≤ 20. For phase `after`: consequence
   * year j = 1..J from the completion year; for `during`: the k-th year in the intervention (only k ≤ v − 1
   * may be non-zero).
   */
  readonly deltaByYear: readonly (number | undefined)[];
  /** Fase as an engine code (`after`, `during`); blank = `after`. Other text is an issue. */
  readonly phase?: string | undefined;
  readonly source?: string | undefined;
  /** The user's free-text note (`Bemærkning`/`Note` column): presentation only, never used in a calculation. */
  readonly note?: string | undefined;
}

export interface RawPriceRow {
  readonly service: string;
  readonly unit?: string | undefined;
  /** Price year b (blank = P). */
  readonly priceYear?: number | undefined;
  /** Price per unit for each actor name, in kroner at `priceYear`. A missing actor = 0. */
  readonly priceKrByActor: ReadonlyMap<string, number | undefined>;
  readonly source?: string | undefined;
  /** The user's free-text note (`Bemærkning`/`Note` column): presentation only, never used in a calculation. */
  readonly note?: string | undefined;
}

export interface RawIndexPoint {
  readonly year: number;
  readonly index?: number | undefined;
}

/** Everything a SØM calculation needs, as read. Order of arrays = order in the workbook. */
export interface RawScenario {
  readonly intervention?: string | undefined;
  readonly targetGroup?: string | undefined;
  readonly settings: RawSettings;
  readonly actors: readonly RawActor[];
  readonly participants: readonly RawParticipants[];
  readonly effects: readonly RawEffect[];
  readonly costs: readonly RawCostLine[];
  readonly consequences: readonly RawConsequenceLine[];
  readonly prices: readonly RawPriceRow[];
  readonly priceIndex: readonly RawIndexPoint[];
}

// ───────────────────────────── Validated scenario ─────────────────────────────
// The engine's steps accept only these types and never re-check.

export interface Settings {
  readonly startYear: CalendarYear;
  /** Tidshorisont F (1–30): consequence years per cohort, or calendar years (see `horizonMethod`). Not T! */
  readonly horizon: number;
  readonly horizonMethod: HorizonMethod;
  /** Varighed v (1–10). */
  readonly duration: number;
  readonly perspective: Perspective;
  readonly priceLevel: CalendarYear;
  /** Share, e.g. 0.035. */
  readonly discountRate: number;
  /** Driftsperiode D (1–30). */
  readonly operatingPeriod: number;
}

export interface Actor {
  readonly name: string;
  readonly level: Level;
}

export interface Effect {
  readonly name: string;
  /** Share 0–1. */
  readonly successRate: number;
  /**
   * Success rate per start-year cohort (som-method.md §11, follow-up): index s − 1 is the rate of the starters
   * of year s, replacing `successRate` for that cohort (an index past the end = `successRate`). Never set by
   * validation: only the follow-up's updated scenario (`applyRealised`) and the mixes of its decomposition
   * carry it. Shares 0–1.
   */
  readonly cohortRates?: readonly number[];
  readonly source?: string;
  /** The user's free-text note, carried for the report's assumptions register only (no figure depends on it). */
  readonly note?: string;
}

export interface CostLine {
  readonly item: string;
  readonly kind: CostKind;
  /** Index into `Scenario.actors`. */
  readonly actor: number;
  /** Amount in kroner at the line's own `priceYear` (not yet converted). */
  readonly amountKr: number;
  readonly priceYear: CalendarYear;
  /** Resolved first/last calculation year (defaults applied), within 1..T. */
  readonly fromYear: CalcYear;
  readonly toYear: CalcYear;
  readonly source?: string;
  /** The user's free-text note, carried for the report's assumptions register only (no figure depends on it). */
  readonly note?: string;
}

export interface ConsequenceLine {
  /** Index into `Scenario.effects`. */
  readonly effect: number;
  /** Index into `Scenario.prices`. */
  readonly service: number;
  readonly unit: string;
  readonly kind: ConsequenceKind;
  /** `after`: Δq(j), index 0 = consequence year 1; `during`: Δq(k), index 0 = first year in the intervention. Blanks are 0. */
  readonly deltaByYear: readonly number[];
  readonly phase: ConsequencePhase;
  readonly source?: string;
  /** The user's free-text note, carried for the report's assumptions register only (no figure depends on it). */
  readonly note?: string;
}

export interface PriceRow {
  readonly service: string;
  readonly unit: string;
  readonly priceYear: CalendarYear;
  /** Price per unit at `priceYear`, one entry per actor, in the order of `Scenario.actors`. */
  readonly priceKrByActor: readonly number[];
  readonly source?: string;
  /** The user's free-text note, carried for the report's assumptions register only (no figure depends on it). */
  readonly note?: string;
}

/** A validated scenario. Build it only through `validateScenario`. */
export interface Scenario {
  readonly intervention: string;
  readonly targetGroup: string;
  readonly settings: Settings;
  readonly actors: readonly Actor[];
  /**
   * Starters N_s for s = 1..D (index 0 = year 1). Length = the operating period D (an index past the end
   * reads as 0). Starters of year s complete in c = s + v − 1.
   */
  readonly participants: readonly number[];
  readonly effects: readonly Effect[];
  readonly costs: readonly CostLine[];
  readonly consequences: readonly ConsequenceLine[];
  readonly prices: readonly PriceRow[];
  /** Index value by calendar year (only the years given). */
  readonly priceIndex: ReadonlyMap<CalendarYear, number>;
}

// ───────────────────────────── Issues ─────────────────────────────

/** Where an input problem sits. `path` is always set by the engine; the workbook layer adds name/sheet/cell. */
export interface IssueLocation {
  /** Path into the RawScenario, e.g. ["costs", 2, "actor"] or ["settings", "horizon"]. */
  readonly path: readonly (string | number)[];
  /** Defined name, e.g. "SOM_Omkostninger". */
  readonly name?: string;
  readonly sheet?: string;
  /** A1 address, e.g. "D7". */
  readonly cell?: string;
  /**
   * Path of a second place the problem refers to, set by the engine: e.g. ["effects"] for a consequence whose
   * effect is not in the effect list, ["actors"] for an unknown actor, ["priceIndex"] for a missing index year.
   */
  readonly relatedPath?: readonly (string | number)[];
  /** The second place as a workbook location (filled by the workbook reader from `relatedPath`). */
  readonly related?: { readonly name?: string; readonly sheet?: string; readonly cell?: string };
}

export type Severity = "error" | "warning";

/** One input problem, as a value. Messages come from one catalogue (see `issues.ts`). */
export interface InputIssue {
  /** Stable machine code, e.g. "horizon-out-of-range". */
  readonly code: string;
  readonly severity: Severity;
  readonly message: { readonly da: string; readonly en: string };
  readonly location: IssueLocation;
}

export type Validation<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly InputIssue[] }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

// ───────────────────────────── Results ─────────────────────────────

/** Why a key figure is undefined (som-method.md §6). */
export type UndefinedReason =
  | "not-within-horizon" // break-even year: CNR never stays ≥ 0 through T
  | "no-costs" // return per krone: Σ C ≤ 0
  | "cannot-break-even" // break-even success factor: Σ V ≤ 0 and Σ C > 0 (or Σ V < 0)
  | "no-participants"; // net per participant: Σ N = 0

/**
 * Results for one actor, one level or the total. All amounts in kroner at price level P, unrounded.
 * Arrays have one entry per calculation year t = 1..T (index 0 = year 1).
 */
export interface ResultBlock {
  /** C_t, positive = money spent (saved costs reduce it). */
  readonly costs: readonly number[];
  readonly costsByKind: Readonly<Record<CostKind, readonly number[]>>;
  /** V_t, positive = money saved or earned. */
  readonly consequences: readonly number[];
  /** V_t by service name (keys in the order of the price rows). Null-prototype map semantics: use `Map`. */
  readonly consequencesByService: ReadonlyMap<string, readonly number[]>;
  /** V_t by effect name. */
  readonly consequencesByEffect: ReadonlyMap<string, readonly number[]>;
  /** NR_t = V_t − C_t. */
  readonly net: readonly number[];
  /** CNR_T = Σ_{t ≤ T} NR_t. */
  readonly cumulative: readonly number[];
  readonly costTotal: number;
  readonly consequenceTotal: number;
  /** Σ_t NR_t. */
  readonly netTotal: number;
  /** PV = Σ_t NR_t / (1 + ρ)^(t − 1) — year 1 undiscounted [D]. */
  readonly presentValue: number;
  /** First calendar year from which CNR ≥ 0 through T; null = "not-within-horizon". */
  readonly breakEvenYear: CalendarYear | null;
  /** Σ V / Σ C; null when Σ C ≤ 0. */
  readonly returnPerKrone: number | null;
  /** f* (som-method.md §6); null = "cannot-break-even". */
  readonly breakEvenSuccessFactor: number | null;
  /** Σ NR / Σ_s N_s (per participant; the name is historical); null when no participants. */
  readonly netPerCompleter: number | null;
  /**
   * Undiscounted consequences that are not counted (som-method.md §2) [D]: consequence years j > F of a
   * cohort (per cohort), or years after T (calendar years).
   */
  readonly beyondHorizon: number;
  /** For every null key figure, why it is null. */
  readonly undefinedReasons: Readonly<
    Partial<
      Record<
        "breakEvenYear" | "returnPerKrone" | "breakEvenSuccessFactor" | "netPerCompleter",
        UndefinedReason
      >
    >
  >;
}

/** How one start-year cohort was followed (som-method.md §2). */
export interface CohortFollowUp {
  /** Calculation year s the cohort started (1..D). */
  readonly startCalcYear: CalcYear;
  /** Calculation year c = s + v − 1 the cohort completed. */
  readonly completionCalcYear: CalcYear;
  /** Calendar year of c. */
  readonly completionYear: CalendarYear;
  /** N_s. */
  readonly starters: number;
  /**
   * Consequence years j counted for this cohort: F per cohort; min(F, max(0, T − c + 1)) for calendar years.
   */
  readonly yearsFollowed: number;
}

/** The horizon as applied (som-method.md §2). */
export interface HorizonInfo {
  readonly method: HorizonMethod;
  /** F. */
  readonly years: number;
  /** T, the number of calculation years (= `Results.years.length`). */
  readonly calcYears: number;
  /** Calendar year of T. */
  readonly lastYear: CalendarYear;
}

export interface Results {
  /** Calendar years of t = 1..T. */
  readonly years: readonly CalendarYear[];
  readonly priceLevel: CalendarYear;
  readonly discountRate: number;
  /**
   * The actors reported — all of them, or with perspective `kommune` only those of level Kommune (in the
   * scenario's order). NB: index i of `actors`/`byActor` is NOT index i of `scenario.actors` when actors are
   * left out; match by name or use `actorIndex`.
   */
  readonly actors: readonly Actor[];
  /** For each reported actor, its index in `scenario.actors`. */
  readonly actorIndex: readonly number[];
  /** Actors left out by the perspective (empty for `public`). */
  readonly excludedActors: readonly Actor[];
  /** One block per reported actor, in the order of `actors`. */
  readonly byActor: readonly ResultBlock[];
  /** One block per level that has at least one reported actor, in the order of LEVELS. */
  readonly byLevel: ReadonlyMap<Level, ResultBlock>;
  /** Sum over the reported actors. */
  readonly total: ResultBlock;
  /** The total's undiscounted consequences not counted by the horizon [D]. */
  readonly beyondHorizon: number;
  /** Σ_s N_s (starters; with any v every starter completes). The name is historical. */
  readonly totalCompleters: number;
  readonly horizon: HorizonInfo;
  /** v. */
  readonly duration: number;
  readonly perspective: Perspective;
  /** One entry per start year s = 1..D. */
  readonly cohorts: readonly CohortFollowUp[];
}
