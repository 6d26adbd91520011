/**
 * Validation at the edge (som-method.md §1–5): a `RawScenario` as read becomes a trusted `Scenario`, or the
 * list of every problem at once. The calculation steps accept only the validated type and never re-check.
 *
 * Defaults applied here (som-method.md §1, §3, §4, §6): horizon 10 (with a warning), horizon method
 * `perCohort`, duration 1, perspective `public`, price level = start year, discount rate 3,5 %, blank
 * participants = 0, blank Δq = 0, blank phase = `after`, blank price = 0, blank price year = P, and the
 * cost kinds' default first/last years.
 */
import { daNumber, engineIssue, FIELD } from "./issues";
import { textKey } from "./text-key";
import type {
  Actor,
  CalendarYear,
  ConsequenceKind,
  ConsequenceLine,
  CostKind,
  CostLine,
  Effect,
  InputIssue,
  Level,
  PriceRow,
  RawScenario,
  Scenario,
  Settings,
  Validation,
} from "./types";
import { calcYearCount } from "./time";
import {
  CONSEQUENCE_KINDS,
  CONSEQUENCE_PHASES,
  COST_KINDS,
  HORIZON_METHODS,
  LEVELS,
  PERSPECTIVES,
} from "./types";

/** Limits of som-method.md §1 (unit in the name). */
export const LIMITS = {
  startYear: { min: 2000, max: 2100 },
  horizonYears: { min: 1, max: 30 },
  operatingPeriodYears: { min: 1, max: 30 },
  durationYears: { min: 1, max: 10 },
  priceLevel: { min: 1900, max: 2100 },
  discountRateShare: { min: 0, max: 0.2 },
  maxConsequenceYears: 20,
} as const;

/**
 * Model-size limits [D] (issue 13): far above any real SØM analysis (a kommune with its departments, a few
 * effects, dozens of lines), low enough that a calculation stays well under a second and sensitivity under a
 * minute. A larger block is a located error on its first row beyond the limit, found before calculating.
 */
export const MODEL_LIMITS = {
  actors: 100,
  effects: 20,
  costLines: 2_000,
  consequenceLines: 2_000,
  priceRows: 1_000,
  priceIndexYears: 300,
  /** Actors × price rows: the price cells read and converted. */
  priceCells: 50_000,
} as const;

/** Defaults of som-method.md §1. */
export const DEFAULTS = {
  /** Years [S: the knowledge data supports 10 years]. */
  horizonYears: 10,
  /** Share; Finansministeriet's rate for years 0–35 [S: FM 2021/2023]. */
  discountRateShare: 0.035,
  /** SØM's practice [S]: ten years from each cohort's completion year. */
  horizonMethod: "perCohort",
  durationYears: 1,
  perspective: "public",
} as const;

type Path = readonly (string | number)[];

/** The key used to resolve references and check uniqueness (actor, effect, service names): `textKey`. */
const refKey = textKey;

/**
 * `line` with the row's source and the user's note copied when present. Both are presentation only (the report's
 * assumptions register): no figure depends on them.
 */
function withText<L extends object>(
  line: L,
  row: { readonly source?: string | undefined; readonly note?: string | undefined },
): L & { source?: string; note?: string } {
  return {
    ...line,
    ...(row.source === undefined ? {} : { source: row.source }),
    ...(row.note === undefined ? {} : { note: row.note }),
  };
}

class Collector {
  readonly issues: InputIssue[] = [];
  add(issue: InputIssue): void {
    this.issues.push(issue);
  }
  get hasErrors(): boolean {
    return this.issues.some((i) => i.severity === "error");
  }
}

type FieldNames = { readonly field_da: string; readonly field_en: string };

/** A required whole number within [min, max]; undefined when missing or invalid (the issue is recorded). */
function integerIn(
  out: Collector,
  value: number | undefined,
  path: Path,
  field: FieldNames,
  min: number,
  max: number,
  required: boolean,
): number | undefined {
  if (value === undefined) {
    if (required) out.add(engineIssue("missing-value", path, field));
    return undefined;
  }
  if (!Number.isFinite(value)) {
    out.add(engineIssue("not-finite", path, field));
    return undefined;
  }
  if (!Number.isInteger(value)) {
    out.add(engineIssue("not-an-integer", path, { ...field, value }));
    return undefined;
  }
  if (value < min || value > max) {
    out.add(engineIssue("out-of-range", path, { ...field, value, min, max }));
    return undefined;
  }
  return value;
}

/** A finite number ≥ 0 (blank = `blank`); undefined when invalid. */
function nonNegative(
  out: Collector,
  value: number | undefined,
  path: Path,
  field: FieldNames,
  blank: number | undefined,
  hint?: { readonly hint_da: string; readonly hint_en: string },
): number | undefined {
  if (value === undefined) {
    if (blank === undefined) out.add(engineIssue("missing-value", path, field));
    return blank;
  }
  if (!Number.isFinite(value)) {
    out.add(engineIssue("not-finite", path, field));
    return undefined;
  }
  if (value < 0) {
    out.add(engineIssue("negative-value", path, { ...field, value, ...(hint ?? {}) }));
    return undefined;
  }
  return value;
}

function validateSettings(raw: RawScenario, out: Collector): Settings | undefined {
  const s = raw.settings;
  const p = (key: string): Path => ["settings", key];
  const startYear = integerIn(
    out,
    s.startYear,
    p("startYear"),
    FIELD.startYear,
    LIMITS.startYear.min,
    LIMITS.startYear.max,
    true,
  );
  let horizon: number | undefined;
  if (s.horizon === undefined) {
    out.add(engineIssue("horizon-default-used", p("horizon")));
    horizon = DEFAULTS.horizonYears;
  } else {
    horizon = integerIn(
      out,
      s.horizon,
      p("horizon"),
      FIELD.horizon,
      LIMITS.horizonYears.min,
      LIMITS.horizonYears.max,
      true,
    );
  }
  const priceLevel =
    s.priceLevel === undefined
      ? startYear
      : integerIn(
          out,
          s.priceLevel,
          p("priceLevel"),
          FIELD.priceLevel,
          LIMITS.priceLevel.min,
          LIMITS.priceLevel.max,
          true,
        );
  let discountRate: number | undefined = DEFAULTS.discountRateShare;
  if (s.discountRate !== undefined) {
    const { min, max } = LIMITS.discountRateShare;
    if (!Number.isFinite(s.discountRate)) {
      out.add(engineIssue("not-finite", p("discountRate"), FIELD.discountRate));
      discountRate = undefined;
    } else if (s.discountRate < min || s.discountRate > max) {
      out.add(
        engineIssue("out-of-range", p("discountRate"), {
          ...FIELD.discountRate,
          value: s.discountRate,
          min: "0 %",
          max: "20 %",
          // 3,5 typed into a cell without the % format is 350 %: say so.
          ...(s.discountRate > 1 && s.discountRate <= 100
            ? {
                hint_da: `Skrev du ${daNumber(s.discountRate)} i stedet for ${daNumber(s.discountRate)} %?`,
                hint_en: `Did you type ${s.discountRate} instead of ${s.discountRate} %?`,
              }
            : {}),
        }),
      );
      discountRate = undefined;
    } else discountRate = s.discountRate;
  }
  const operatingPeriod = integerIn(
    out,
    s.operatingPeriod,
    p("operatingPeriod"),
    FIELD.operatingPeriod,
    LIMITS.operatingPeriodYears.min,
    LIMITS.operatingPeriodYears.max,
    true,
  );
  const duration =
    s.duration === undefined
      ? DEFAULTS.durationYears
      : integerIn(
          out,
          s.duration,
          p("duration"),
          FIELD.duration,
          LIMITS.durationYears.min,
          LIMITS.durationYears.max,
          true,
        );
  const horizonMethod = enumValue(
    out,
    s.horizonMethod,
    HORIZON_METHODS,
    DEFAULTS.horizonMethod,
    p("horizonMethod"),
    "unknown-horizon-method",
  );
  const perspective = enumValue(
    out,
    s.perspective,
    PERSPECTIVES,
    DEFAULTS.perspective,
    p("perspective"),
    "unknown-perspective",
  );
  // Kalenderår [D]: every participant must complete within the horizon, D + v − 1 ≤ F (som-method.md §2).
  if (
    horizonMethod === "calendar" &&
    horizon !== undefined &&
    operatingPeriod !== undefined &&
    duration !== undefined &&
    operatingPeriod + duration - 1 > horizon
  ) {
    out.add(
      engineIssue(
        "calendar-horizon-too-short",
        p("horizon"),
        { horizon, period: operatingPeriod, duration, needed: operatingPeriod + duration - 1 },
        p("operatingPeriod"),
      ),
    );
    return undefined;
  }
  if (
    startYear === undefined ||
    horizon === undefined ||
    priceLevel === undefined ||
    discountRate === undefined ||
    operatingPeriod === undefined ||
    duration === undefined ||
    horizonMethod === undefined ||
    perspective === undefined
  )
    return undefined;
  return {
    startYear,
    horizon,
    horizonMethod,
    duration,
    perspective,
    priceLevel,
    discountRate,
    operatingPeriod,
  };
}

/** An enumeration given as an engine code (the reader maps Danish/English labels to codes); blank = default. */
function enumValue<T extends string>(
  out: Collector,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
  path: Path,
  code: "unknown-horizon-method" | "unknown-perspective" | "unknown-consequence-phase",
): T | undefined {
  if (value === undefined || value.trim() === "") return fallback;
  const found = allowed.find((a) => a === value);
  if (found === undefined) out.add(engineIssue(code, path, { value }));
  return found;
}

/** Validates a list of names: non-blank and unique (case-insensitive). Returns the key → index map. */
function uniqueNames(
  out: Collector,
  names: readonly string[],
  block: string,
  nameKey: string,
  field: FieldNames,
  list: { readonly list_da: string; readonly list_en: string },
): Map<string, number> {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name.trim() === "") {
      out.add(engineIssue("blank-name", [block, i, nameKey], field));
      return;
    }
    const key = refKey(name);
    if (seen.has(key))
      out.add(engineIssue("duplicate-name", [block, i, nameKey], { value: name.trim(), ...list }));
    else seen.set(key, i);
  });
  return seen;
}

function validateActors(raw: RawScenario, out: Collector): { actors: Actor[]; byKey: Map<string, number> } {
  if (raw.actors.length === 0) out.add(engineIssue("no-actors", ["actors"]));
  const byKey = uniqueNames(
    out,
    raw.actors.map((a) => a.name),
    "actors",
    "name",
    FIELD.actor,
    {
      list_da: "aktørlisten",
      list_en: "the actor list",
    },
  );
  const actors: Actor[] = raw.actors.map((a, i) => {
    const level = LEVELS.find((l) => l === a.level);
    if (level === undefined)
      out.add(engineIssue("unknown-level", ["actors", i, "level"], { value: a.level }));
    return { name: a.name.trim(), level: level ?? ("Andet" as Level) };
  });
  return { actors, byKey };
}

function validateParticipants(raw: RawScenario, settings: Settings | undefined, out: Collector): number[] {
  const period = settings?.operatingPeriod ?? LIMITS.operatingPeriodYears.max;
  const participants = new Array<number>(period).fill(0);
  const seenYears = new Set<number>();
  raw.participants.forEach((row, i) => {
    const year = integerIn(
      out,
      row.calcYear,
      ["participants", i, "calcYear"],
      FIELD.participantYear,
      1,
      Number.MAX_SAFE_INTEGER,
      true,
    );
    const count = nonNegative(out, row.count, ["participants", i, "count"], FIELD.participants, 0);
    if (year === undefined || count === undefined) return;
    if (seenYears.has(year)) {
      out.add(
        engineIssue("duplicate-year", ["participants", i, "calcYear"], {
          value: year,
          list_da: "deltagerlisten",
          list_en: "the participant list",
        }),
      );
      return;
    }
    seenYears.add(year);
    if (count === 0) return; // a zero row after the operating period is harmless
    if (settings !== undefined && year > settings.operatingPeriod) {
      out.add(
        engineIssue(
          "participants-after-operating-period",
          ["participants", i, "count"],
          { value: count, year, period: settings.operatingPeriod },
          ["settings", "operatingPeriod"],
        ),
      );
      return;
    }
    participants[year - 1] = count;
  });
  return participants;
}

function validateEffects(
  raw: RawScenario,
  out: Collector,
): { effects: Effect[]; byKey: Map<string, number> } {
  if (raw.effects.length === 0) out.add(engineIssue("no-effects", ["effects"]));
  const byKey = uniqueNames(
    out,
    raw.effects.map((e) => e.name),
    "effects",
    "name",
    FIELD.effect,
    {
      list_da: "effektlisten",
      list_en: "the outcome list",
    },
  );
  const effects = raw.effects.map((e, i): Effect => {
    const path = ["effects", i, "successRate"];
    let rate = 0;
    if (e.successRate === undefined) out.add(engineIssue("missing-value", path, FIELD.successRate));
    else if (!Number.isFinite(e.successRate)) out.add(engineIssue("not-finite", path, FIELD.successRate));
    else if (e.successRate < 0)
      out.add(engineIssue("negative-value", path, { ...FIELD.successRate, value: e.successRate }));
    else if (e.successRate > 1)
      out.add(engineIssue("rate-above-one", path, { effect: e.name.trim(), value: e.successRate }));
    else rate = e.successRate;
    return withText({ name: e.name.trim(), successRate: rate }, e);
  });
  return { effects, byKey };
}

/** Price-year check: b = P needs nothing; otherwise both I(b) and I(P) must exist (som-method.md §5). */
function checkIndexYears(
  out: Collector,
  priceYear: CalendarYear,
  priceLevel: CalendarYear,
  index: ReadonlyMap<number, number>,
  path: Path,
): void {
  if (priceYear === priceLevel) return;
  for (const year of [priceYear, priceLevel]) {
    if (!index.has(year))
      out.add(
        engineIssue("missing-index-year", path, { year, from: priceYear, to: priceLevel }, ["priceIndex"]),
      );
  }
}

function validatePriceIndex(raw: RawScenario, out: Collector): Map<number, number> {
  const index = new Map<number, number>();
  raw.priceIndex.forEach((point, i) => {
    const year = integerIn(
      out,
      point.year,
      ["priceIndex", i, "year"],
      FIELD.indexYear,
      LIMITS.priceLevel.min,
      LIMITS.priceLevel.max,
      true,
    );
    const path = ["priceIndex", i, "index"];
    let value: number | undefined;
    if (point.index === undefined) out.add(engineIssue("missing-value", path, FIELD.index));
    else if (!Number.isFinite(point.index)) out.add(engineIssue("not-finite", path, FIELD.index));
    else if (point.index <= 0)
      out.add(
        engineIssue("out-of-range", path, { ...FIELD.index, value: point.index, min: "> 0", max: "∞" }),
      );
    else value = point.index;
    if (year === undefined || value === undefined) return;
    if (index.has(year))
      out.add(
        engineIssue("duplicate-year", ["priceIndex", i, "year"], {
          value: year,
          list_da: "prisindekset",
          list_en: "the price index",
        }),
      );
    else index.set(year, value);
  });
  return index;
}

/** Default last year by kind (som-method.md §3): f, D, or D + v − 1 (the last year anyone receives the intervention). */
const COST_DEFAULT_LAST: Readonly<Record<CostKind, "from" | "operating" | "receiving">> = {
  Opstart: "from",
  Drift: "operating",
  PrDeltager: "receiving",
  PrForloeb: "operating",
  Sparet: "operating",
};

function validateCosts(
  raw: RawScenario,
  settings: Settings | undefined,
  actorKeys: ReadonlyMap<string, number>,
  index: ReadonlyMap<number, number>,
  out: Collector,
): CostLine[] {
  const lines: CostLine[] = [];
  raw.costs.forEach((c, i) => {
    const path = (field: string): Path => ["costs", i, field];
    let ok = true;
    if (c.item.trim() === "") {
      out.add(engineIssue("blank-name", path("item"), FIELD.costItem));
      ok = false;
    }
    const kind = COST_KINDS.find((k) => k === c.kind);
    if (kind === undefined) {
      out.add(engineIssue("unknown-cost-kind", path("kind"), { value: c.kind }));
      ok = false;
    }
    const actor = actorKeys.get(refKey(c.actor));
    if (actor === undefined) {
      out.add(engineIssue("unknown-actor", path("actor"), { value: c.actor }, ["actors"]));
      ok = false;
    }
    const amount = nonNegative(out, c.amountKr, path("amountKr"), FIELD.amount, undefined, {
      hint_da: "Brug arten Sparet til besparelser.",
      hint_en: "Use the kind Saved for savings.",
    });
    const priceYear =
      c.priceYear === undefined
        ? settings?.priceLevel
        : integerIn(
            out,
            c.priceYear,
            path("priceYear"),
            FIELD.priceYear,
            LIMITS.priceLevel.min,
            LIMITS.priceLevel.max,
            true,
          );
    if (settings === undefined || kind === undefined) return;
    const H = calcYearCount(settings);
    const from =
      c.fromYear === undefined
        ? 1
        : integerIn(out, c.fromYear, path("fromYear"), FIELD.fromYear, -Infinity, Infinity, true);
    const last = COST_DEFAULT_LAST[kind];
    const defaultTo =
      last === "from"
        ? from
        : last === "operating"
          ? settings.operatingPeriod
          : settings.operatingPeriod + settings.duration - 1;
    const to =
      c.toYear === undefined
        ? defaultTo
        : integerIn(out, c.toYear, path("toYear"), FIELD.toYear, -Infinity, Infinity, true);
    if (from === undefined || to === undefined) return;
    if (from < 1 || from > H) {
      out.add(
        engineIssue("year-outside-horizon", path("fromYear"), { ...FIELD.fromYear, value: from, horizon: H }),
      );
      ok = false;
    }
    if (to < 1 || to > H) {
      out.add(
        engineIssue("year-outside-horizon", path("toYear"), { ...FIELD.toYear, value: to, horizon: H }),
      );
      ok = false;
    }
    if (from > to) {
      out.add(
        engineIssue("from-after-to", path(c.toYear === undefined ? "fromYear" : "toYear"), { from, to }),
      );
      ok = false;
    }
    if (priceYear !== undefined)
      checkIndexYears(out, priceYear, settings.priceLevel, index, path("priceYear"));
    if (!ok || actor === undefined || amount === undefined || priceYear === undefined) return;
    const line: CostLine = {
      item: c.item.trim(),
      kind,
      actor,
      amountKr: amount,
      priceYear,
      fromYear: from,
      toYear: to,
    };
    lines.push(withText(line, c));
  });
  return lines;
}

function validatePrices(
  raw: RawScenario,
  settings: Settings | undefined,
  actors: readonly Actor[],
  index: ReadonlyMap<number, number>,
  out: Collector,
): { prices: PriceRow[]; byKey: Map<string, number> } {
  const byKey = uniqueNames(
    out,
    raw.prices.map((p) => p.service),
    "prices",
    "service",
    FIELD.service,
    {
      list_da: "prislisten",
      list_en: "the price list",
    },
  );
  const prices = raw.prices.map((row, i): PriceRow => {
    const byActorKey = new Map<string, { readonly name: string; readonly value: number | undefined }>();
    for (const [name, value] of row.priceKrByActor) byActorKey.set(refKey(name), { name, value });
    const priceKrByActor = actors.map((actor) => {
      const entry = byActorKey.get(refKey(actor.name));
      if (entry === undefined) return 0;
      return nonNegative(out, entry.value, ["prices", i, "priceKrByActor", entry.name], FIELD.price, 0) ?? 0;
    });
    const priceYear =
      row.priceYear === undefined
        ? (settings?.priceLevel ?? 0)
        : (integerIn(
            out,
            row.priceYear,
            ["prices", i, "priceYear"],
            FIELD.priceYear,
            LIMITS.priceLevel.min,
            LIMITS.priceLevel.max,
            true,
          ) ?? 0);
    if (settings !== undefined && priceYear !== 0)
      checkIndexYears(out, priceYear, settings.priceLevel, index, ["prices", i, "priceYear"]);
    const out_: PriceRow = {
      service: row.service.trim(),
      unit: row.unit?.trim() ?? "",
      priceYear,
      priceKrByActor,
    };
    return withText(out_, row);
  });
  return { prices, byKey };
}

function validateConsequences(
  raw: RawScenario,
  settings: Settings | undefined,
  effectKeys: ReadonlyMap<string, number>,
  serviceKeys: ReadonlyMap<string, number>,
  out: Collector,
): ConsequenceLine[] {
  const lines: ConsequenceLine[] = [];
  raw.consequences.forEach((c, i) => {
    const path = (field: string): Path => ["consequences", i, field];
    const effect = effectKeys.get(refKey(c.effect));
    if (effect === undefined)
      out.add(engineIssue("unknown-effect", path("effect"), { value: c.effect }, ["effects"]));
    const service = serviceKeys.get(refKey(c.service));
    if (service === undefined)
      out.add(engineIssue("unknown-service", path("service"), { value: c.service }, ["prices"]));
    const kind = CONSEQUENCE_KINDS.find((k): k is ConsequenceKind => k === c.kind);
    if (kind === undefined) out.add(engineIssue("unknown-consequence-kind", path("kind"), { value: c.kind }));
    const phase = enumValue(
      out,
      c.phase,
      CONSEQUENCE_PHASES,
      "after",
      path("phase"),
      "unknown-consequence-phase",
    );
    if (c.deltaByYear.length > LIMITS.maxConsequenceYears) {
      out.add(
        engineIssue(
          "too-many-consequence-years",
          ["consequences", i, "deltaByYear", LIMITS.maxConsequenceYears],
          { value: c.deltaByYear.length, max: LIMITS.maxConsequenceYears },
        ),
      );
      return;
    }
    let finite = true;
    const deltaByYear = c.deltaByYear.map((q, j) => {
      if (q === undefined) return 0;
      if (!Number.isFinite(q)) {
        out.add(engineIssue("not-finite", ["consequences", i, "deltaByYear", j], FIELD.delta));
        finite = false;
        return 0;
      }
      return q;
    });
    // "Under indsats" [D]: values only in years k = 1..v − 1 of a citizen's time in the intervention (§4).
    if (phase === "during" && settings !== undefined) {
      const v = settings.duration;
      deltaByYear.forEach((q, j) => {
        if (q !== 0 && j + 1 > v - 1) {
          out.add(
            engineIssue(
              "during-value-outside-intervention",
              ["consequences", i, "deltaByYear", j],
              { year: j + 1, value: q, duration: v, last: v - 1 },
              ["settings", "duration"],
            ),
          );
          finite = false;
        }
      });
    }
    if (effect === undefined || service === undefined || kind === undefined || phase === undefined || !finite)
      return;
    const line: ConsequenceLine = { effect, service, unit: c.unit?.trim() ?? "", kind, deltaByYear, phase };
    lines.push(withText(line, c));
  });
  return lines;
}

/**
 * Validates a raw scenario (som-method.md §1–5) and returns the trusted `Scenario`, or every problem at once.
 * Warnings (e.g. a blank horizon that took its default) do not stop the calculation.
 *
 * @example
 * const v = validateScenario(raw);
 * if (v.ok) calculate(v.value); else show(v.issues);
 */
/** The model-size limits: one located issue per block that is too large (before any other check). */
function modelSizeIssues(raw: RawScenario): InputIssue[] {
  const out: InputIssue[] = [];
  const check = (
    list: readonly unknown[],
    key: string,
    max: number,
    what: { readonly what_da: string; readonly what_en: string },
  ): void => {
    if (list.length > max)
      out.push(engineIssue("model-too-large", [key, max], { ...what, value: list.length, max }));
  };
  check(raw.actors, "actors", MODEL_LIMITS.actors, { what_da: "aktører", what_en: "actors" });
  check(raw.effects, "effects", MODEL_LIMITS.effects, { what_da: "effektmål", what_en: "outcomes" });
  check(raw.costs, "costs", MODEL_LIMITS.costLines, { what_da: "omkostningslinjer", what_en: "cost lines" });
  check(raw.consequences, "consequences", MODEL_LIMITS.consequenceLines, {
    what_da: "konsekvenslinjer",
    what_en: "consequence lines",
  });
  check(raw.prices, "prices", MODEL_LIMITS.priceRows, { what_da: "prisrækker", what_en: "price rows" });
  check(raw.priceIndex, "priceIndex", MODEL_LIMITS.priceIndexYears, {
    what_da: "prisindeksår",
    what_en: "price-index years",
  });
  if (out.length === 0 && raw.actors.length * raw.prices.length > MODEL_LIMITS.priceCells)
    out.push(
      engineIssue("model-too-large", ["prices"], {
        what_da: "priser (aktører × prisrækker)",
        what_en: "prices (actors × price rows)",
        value: raw.actors.length * raw.prices.length,
        max: MODEL_LIMITS.priceCells,
      }),
    );
  return out;
}

export function validateScenario(raw: RawScenario): Validation<Scenario> {
  const tooLarge = modelSizeIssues(raw);
  if (tooLarge.length > 0) return { ok: false, issues: tooLarge };
  const out = new Collector();
  const settings = validateSettings(raw, out);
  const { actors, byKey: actorKeys } = validateActors(raw, out);
  const participants = validateParticipants(raw, settings, out);
  const { effects, byKey: effectKeys } = validateEffects(raw, out);
  const priceIndex = validatePriceIndex(raw, out);
  const costs = validateCosts(raw, settings, actorKeys, priceIndex, out);
  const { prices, byKey: serviceKeys } = validatePrices(raw, settings, actors, priceIndex, out);
  const consequences = validateConsequences(raw, settings, effectKeys, serviceKeys, out);
  // Kun kommune (som-method.md §6): there must be an actor of level Kommune to report.
  if (settings?.perspective === "kommune" && actors.length > 0 && !actors.some((a) => a.level === "Kommune"))
    out.add(engineIssue("perspective-without-kommune", ["settings", "perspective"], {}, ["actors"]));

  effects.forEach((e, i) => {
    if (effectKeys.get(refKey(e.name)) === i && !consequences.some((c) => c.effect === i))
      out.add(engineIssue("unused-effect", ["effects", i, "name"], { value: e.name }));
  });

  if (out.hasErrors || settings === undefined) return { ok: false, issues: out.issues };
  return {
    ok: true,
    warnings: out.issues,
    value: {
      intervention: raw.intervention?.trim() ?? "",
      targetGroup: raw.targetGroup?.trim() ?? "",
      settings,
      actors,
      participants,
      effects,
      costs,
      consequences,
      prices,
      priceIndex,
    },
  };
}
