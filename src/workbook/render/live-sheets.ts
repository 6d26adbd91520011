/**
 * The live workbook (som-method.md §12): the SØM calculation written as ordinary Excel formulas over the
 * contract's input names, so a workbook recalculates without the add-in and never goes stale.
 *
 * Generated from the validated scenario's *shape* — which rows of each named block hold which line, the
 * header columns, the actors reported, services, effects, horizon method, duration and perspective, the
 * number of calculation years T — never from its numbers: every input number is reached through its defined
 * name (`INDEX(SOM_Omkostninger,4,5)`, `SUMIF(INDEX(SOM_Deltagere,0,1),…)`, `SOM_Startaar`), so editing any
 * input cell moves the live results. The shape itself is recorded as plain values on the first helper sheet
 * and compared with the inputs by formulas; when it changes (a line's kind or actor, a block's size, D, v, F…)
 * the sheets say so and Beregn regenerates them.
 *
 * Sheets (all visible; "how it is computed" is part of the value):
 * 1. `Levende 1 Priser`     — settings, prices and cost amounts converted to price level P (§5), shape check.
 * 2. `Levende 2 Kohorter`   — t, calendar years, starters N_t, receiving R_t, completers, discount factors,
 *                             success rates (§2–3).
 * 3. `Levende 3 Konsekvenser` — per consequence line: Δq, X_r(t) = Σ_s N_s·Δq (as if every participant
 *                             succeeded), U_r(t) = σ·r_e·X_r(t), the line's price for each actor/level/total (§4).
 * 4. `Levende 4 Omkostninger` — per cost line and year, then per actor and kind (§3).
 * 5. `Levende resultater`   — key figures (named `SOM_Levende_*`), SØM's sensitivity calculator (alternative
 *                             success rate, change in use) and the year tables laid out like `Resultater` (§6).
 *
 * Excel-safe: English function names, `,` separators, only functions of Excel 2016 that LibreOffice also
 * evaluates (INDEX, MATCH, SUMIF, SUM, SUMPRODUCT, COUNTIF, COUNTA, ROWS, COLUMNS, IF, AND, MAX, ABS, TRIM,
 * IFERROR, NA), nothing volatile, no circular references (every formula refers only to inputs, to earlier
 * steps, or to earlier cells of the same row).
 */
import type { CostKind, Level, Results, Scenario } from "../../engine/types";
import { COST_KINDS, LEVELS } from "../../engine/types";
import { DEFAULTS } from "../../engine/validate";
import type { Lang } from "../../present/format";
import { absCellA1, cellA1, quoteSheetName } from "../a1";
import { COLUMNS, CONSEQUENCE_KIND_LABELS, N, levelLabel } from "../names";
import type { NamedValue } from "../port";
import { normalizeHeader, readBlock, type BlockRead } from "../read/block";
import type { CellValue, NameSpec, SheetSpec } from "../sheet-model";
import { actorNameSuffix, KR, PCT } from "./results-sheet";
import { SheetWriter } from "./sheet-writer";

/** The live sheets, in tab order (results first after the static ones, then the steps). */
export const LIVE_SHEETS = {
  results: "Levende resultater",
  prices: "Levende 1 Priser",
  cohorts: "Levende 2 Kohorter",
  consequences: "Levende 3 Konsekvenser",
  costs: "Levende 4 Omkostninger",
} as const;

/** The four kinds of live key-figure names; suffixes as `SOM_Res_*` (Total, level code, A1, A2…). */
export const LIVE_NAME_PREFIXES = {
  net: "SOM_Levende_Netto_",
  pv: "SOM_Levende_NV_",
  year: "SOM_Levende_Aar_",
  rpk: "SOM_Levende_Afkast_",
} as const;

/** The live sheets' shape status (text): whether the inputs still have the shape the sheets were made for. */
export const LIVE_STATUS_NAME = "SOM_Levende_Status";

/** Thrown when the named blocks and the validated scenario do not line up (a programmer error). */
export class LiveShapeError extends Error {
  override readonly name = "LiveShapeError";
}

const RATIO = "0.00";
const YEAR = "0";
const NUM = "#,##0.00";
const GENERAL = "General";

const T = {
  da: {
    status: "Status",
    live: "Levende: regnes af regnearket selv ud fra input-cellerne og bliver aldrig forældet.",
    reshaped:
      "Input-formen er ændret (se «Levende 1 Priser», Formkontrol): tryk Beregn for at lave de levende ark igen.",
    covers:
      "Formlerne dækker de navngivne input-blokke, som de var, da arkene blev lavet (rækker, kolonner, aktører, ydelser, effektmål, D, v, F). Ændres formen, siger statuslinjen det, og Beregn laver arkene igen. Tallene er de samme som i «Resultater» (motoren er referencen).",
    steps:
      "Trinene: «Levende 1 Priser» (prisomregning) → «Levende 2 Kohorter» (N, R og succesrater) → «Levende 3 Konsekvenser» (pr. linje) → «Levende 4 Omkostninger» (pr. linje og art) → dette ark.",
    title: "SØM-resultater, levende formler",
    step1: "Trin 1: indstillinger og omregning til prisniveau P (x_P = x_b × I(P) / I(b))",
    step2: "Trin 2: kohorter — startere N_t, modtagere R_t = Σ N_s (s = t−v+1..t) og succesrater",
    step3: "Trin 3: konsekvenser pr. linje",
    step4: "Trin 4: omkostninger pr. linje og pr. aktør og art",
    guidanceLive:
      "Alle celler er formler over input-navnene (SOM_…) og de foregående trin. Rediger input-arkene, ikke disse ark.",
    setting: "Indstilling",
    value: "Værdi",
    from: "Hentet fra",
    startYear: "Startår",
    priceLevel: "Prisniveau P",
    discount: "Diskonteringsrente ρ",
    horizon: "Tidshorisont F",
    period: "Driftsperiode D",
    duration: "Varighed v",
    method: "Horisontmetode",
    perspective: "Perspektiv",
    indexP: "Prisindeks I(P)",
    notInIndex: "P ikke i indekset",
    standard: "standard (navnet findes ikke)",
    perCohort: "Pr. kohorte",
    calendar: "Kalenderår",
    public: "Offentlig sektor",
    kommune: "Kun kommune",
    pricesTitle: "Priser pr. enhed i prisniveau P (pr. aktør, niveau og i alt)",
    service: "Ydelse",
    priceYear: "Prisår b",
    factor: "Faktor I(P)/I(b)",
    total: "I alt",
    levelRow: (l: string): string => `Niveau: ${l}`,
    costsTitle: "Omkostningslinjer i prisniveau P, med anvendte år",
    item: "Post",
    kind: "Art",
    actor: "Aktør",
    amount: "Beløb (prisår)",
    amountP: "Beløb i prisniveau P",
    fromYear: "Fra år",
    toYear: "Til år",
    shapeTitle: "Formkontrol: formen som arkene blev lavet til, og input nu",
    check: "Kontrol",
    atGeneration: "Ved generering",
    now: "Nu",
    same: "Ens",
    shapeAll: "Alle ens",
    rows: (n: string): string => `Rækker i ${n}`,
    cols: (n: string): string => `Kolonner i ${n}`,
    filled: (n: string, h: string): string => `Udfyldte celler i ${n}, kolonne ${h}`,
    cellText: (n: string, c: string): string => `${n}: ${c}`,
    t: "Beregningsår t",
    calendarYear: "Kalenderår",
    starters: "Startere N_t",
    receiving: "Modtager indsatsen R_t",
    completers: "Afslutter (kohorte c = t)",
    discountFactor: "Diskonteringsfaktor (1 + ρ)^(t − 1)",
    startersTotal: "Startere i alt Σ N_s",
    effect: "Effektmål",
    successRate: "Succesrate r_e",
    line: "Linje",
    phase: "Fase",
    after: "Efter indsats",
    during: "Under indsats",
    sigma: "σ",
    dqTitle:
      "Δq pr. succesfuld borger (fra SOM_Konsekvenser); efter indsats: år j fra afslutningsåret; under indsats: k-te år i indsatsen",
    dqYear: (j: number): string => `År ${j}`,
    xTitle:
      "X_r(t) = Σ_s N_s × Δq: ændring i forbrug, hvis alle startere opnår effekten (kohorte c = s + v − 1; efter indsats j = t − c + 1, tælles pr. horisontmetoden; under indsats k = t − s + 1 ≤ v − 1)",
    sumX: "I alt",
    pvX: "Nutidsværdi",
    beyondX: "Uden for tidshorisonten",
    uTitle: "U_r(t) = σ × r_e × X_r(t): ændring i forbrug fra succeserne, med fortegn (positiv = gevinst)",
    uServiceTitle:
      "Σ U_r(t) pr. ydelse: summen over ydelsens linjer (ganges med ydelsens pris i årstabellerne)",
    unitPrice: "Pris pr. enhed (P)",
    pTitle: "Pris pr. enhed af linjens ydelse i prisniveau P (fra trin 1), pr. aktør, niveau og i alt",
    lineCostTitle:
      "Omkostning pr. linje og år (Opstart/Drift: A; Pr. deltager: A × R_t; Pr. forløb: A × N_t; Sparet: −A)",
    byActorKindTitle: "Omkostninger pr. aktør og art",
    keyTitle: "Nøgletal (kr. i prisniveau; positive tal = gevinst for den offentlige økonomi)",
    who: "Aktør / niveau",
    netTotal: "Nettoresultat i alt",
    pv: "Nutidsværdi",
    breakEven: "Tilbagebetalingsår",
    rpk: "Afkast pr. krone",
    critical: (effect: string): string => `Kritisk succesrate: ${effect}`,
    perParticipant: "Nettoresultat pr. deltager",
    mask: (e: string): string => `Effektmål: ${e} (1 = linjen)`,
    beyond: "Uden for tidshorisonten",
    beyondLine: "Værdi uden for tidshorisonten (ikke diskonteret, ikke medregnet)",
    notWithin: "ikke inden for tidshorisonten",
    noCosts: "ingen omkostninger",
    cannot: "kan ikke tjene sig hjem",
    noParticipants: "ingen deltagere",
    sensTitle:
      "SØM's følsomhedsberegner (levende): skriv en alternativ succesrate og/eller en ændring i forbruget",
    altRate: "Alternativ succesrate (alle effektmål; tom = inputtets)",
    altChange: "Ændring i forbrug af ydelser, Δq × (1 + ændring) (tom = 0 %)",
    sensNet: "Nettoresultat i alt, alternativ",
    sensPv: "Nutidsværdi, alternativ",
    sensBase: "Nettoresultat i alt, input",
    yearTable: (who: string): string => `${who}: pr. år`,
    costKind: {
      Opstart: "Opstart",
      Drift: "Drift",
      PrDeltager: "Pr. deltager",
      PrForloeb: "Pr. forløb",
      Sparet: "Sparet (modregnet)",
    } as Record<string, string>,
    costs: "Omkostninger i alt",
    consequence: (s: string): string => `Konsekvens: ${s}`,
    consequences: "Konsekvenser i alt",
    ofEffect: (e: string): string => `heraf effektmål: ${e}`,
    net: "Nettoresultat",
    cumulative: "Kumuleret nettoresultat",
    discounted: "Diskonteret nettoresultat",
    paidBack: "Kumuleret ≥ 0 herfra til sidste år (1 = ja); i alt-kolonnen: tolerance 1e-9 × (Σ|C| + Σ|V|)",
    namesTitle: "Definerede navne til de levende nøgletal (brug dem i egne formler)",
    nameCol: "Navn",
    meaning: "Betydning",
    nameKinds: {
      net: "nettoresultat over tidshorisonten (kr.), levende",
      pv: "nutidsværdi (kr.), levende",
      year: "tilbagebetalingsår, levende",
      rpk: "afkast pr. investeret krone, levende",
    },
    statusName: "Status for de levende ark (formen passer / er ændret)",
  },
  en: {
    status: "Status",
    live: "Live: calculated by the spreadsheet itself from the input cells; never out of date.",
    reshaped:
      "The shape of the inputs has changed (see “Levende 1 Priser”, shape check): press Calculate to make the live sheets again.",
    covers:
      "The formulas cover the named input blocks as they were when the sheets were made (rows, columns, actors, services, outcomes, D, v, F). If the shape changes, the status line says so and Calculate makes the sheets again. The figures equal those on “Resultater” (the engine is the reference).",
    steps:
      "The steps: “Levende 1 Priser” (price conversion) → “Levende 2 Kohorter” (N, R and success rates) → “Levende 3 Konsekvenser” (per line) → “Levende 4 Omkostninger” (per line and kind) → this sheet.",
    title: "SØM results, live formulas",
    step1: "Step 1: settings and conversion to price level P (x_P = x_b × I(P) / I(b))",
    step2: "Step 2: cohorts — starters N_t, receiving R_t = Σ N_s (s = t−v+1..t) and success rates",
    step3: "Step 3: consequences per line",
    step4: "Step 4: costs per line and per actor and kind",
    guidanceLive:
      "Every cell is a formula over the input names (SOM_…) and the earlier steps. Edit the input sheets, not these sheets.",
    setting: "Setting",
    value: "Value",
    from: "Taken from",
    startYear: "Start year",
    priceLevel: "Price level P",
    discount: "Discount rate ρ",
    horizon: "Horizon F",
    period: "Operating period D",
    duration: "Duration v",
    method: "Horizon method",
    perspective: "Perspective",
    indexP: "Price index I(P)",
    notInIndex: "P not in the index",
    standard: "default (the name does not exist)",
    perCohort: "Per cohort",
    calendar: "Calendar years",
    public: "Public sector",
    kommune: "Municipality only",
    pricesTitle: "Prices per unit at price level P (per actor, level and total)",
    service: "Service",
    priceYear: "Price year b",
    factor: "Factor I(P)/I(b)",
    total: "Total",
    levelRow: (l: string): string => `Level: ${l}`,
    costsTitle: "Cost lines at price level P, with the years applied",
    item: "Item",
    kind: "Kind",
    actor: "Actor",
    amount: "Amount (price year)",
    amountP: "Amount at price level P",
    fromYear: "From year",
    toYear: "To year",
    shapeTitle: "Shape check: the shape the sheets were made for, and the inputs now",
    check: "Check",
    atGeneration: "When made",
    now: "Now",
    same: "Same",
    shapeAll: "All the same",
    rows: (n: string): string => `Rows of ${n}`,
    cols: (n: string): string => `Columns of ${n}`,
    filled: (n: string, h: string): string => `Filled cells of ${n}, column ${h}`,
    cellText: (n: string, c: string): string => `${n}: ${c}`,
    t: "Calculation year t",
    calendarYear: "Calendar year",
    starters: "Starters N_t",
    receiving: "Receiving the intervention R_t",
    completers: "Completing (cohort c = t)",
    discountFactor: "Discount factor (1 + ρ)^(t − 1)",
    startersTotal: "Starters, total Σ N_s",
    effect: "Outcome",
    successRate: "Success rate r_e",
    line: "Line",
    phase: "Phase",
    after: "After",
    during: "During",
    sigma: "σ",
    dqTitle:
      "Δq per successful citizen (from SOM_Konsekvenser); after: year j from the completion year; during: k-th year in the intervention",
    dqYear: (j: number): string => `Year ${j}`,
    xTitle:
      "X_r(t) = Σ_s N_s × Δq: change in use if every starter reached the outcome (cohort c = s + v − 1; after: j = t − c + 1, counted by the horizon method; during: k = t − s + 1 ≤ v − 1)",
    sumX: "Total",
    pvX: "Present value",
    beyondX: "Beyond the horizon",
    uTitle: "U_r(t) = σ × r_e × X_r(t): change in use from the successes, signed (positive = gain)",
    uServiceTitle:
      "Σ U_r(t) per service: the sum over the service's lines (times the service's price in the year tables)",
    unitPrice: "Price per unit (P)",
    pTitle: "Price per unit of the line's service at price level P (from step 1), per actor, level and total",
    lineCostTitle:
      "Cost per line and year (Start-up/Operating: A; Per participant: A × R_t; Per course: A × N_t; Saved: −A)",
    byActorKindTitle: "Costs per actor and kind",
    keyTitle: "Key figures (kr. at the price level; positive = gain for the public budget)",
    who: "Actor / level",
    netTotal: "Net result, total",
    pv: "Present value",
    breakEven: "Break-even year",
    rpk: "Return per krone",
    critical: (effect: string): string => `Break-even success rate: ${effect}`,
    perParticipant: "Net result per participant",
    mask: (e: string): string => `Outcome: ${e} (1 = the line)`,
    beyond: "Beyond the horizon",
    beyondLine: "Value beyond the horizon (undiscounted, not counted)",
    notWithin: "not within the horizon",
    noCosts: "no costs",
    cannot: "cannot break even",
    noParticipants: "no participants",
    sensTitle: "SØM's sensitivity calculator (live): type an alternative success rate and/or a change in use",
    altRate: "Alternative success rate (every outcome; blank = the input's)",
    altChange: "Change in the use of services, Δq × (1 + change) (blank = 0 %)",
    sensNet: "Net result, total, alternative",
    sensPv: "Present value, alternative",
    sensBase: "Net result, total, inputs",
    yearTable: (who: string): string => `${who}: by year`,
    costKind: {
      Opstart: "Start-up",
      Drift: "Operating",
      PrDeltager: "Per participant",
      PrForloeb: "Per course",
      Sparet: "Saved (offset)",
    } as Record<string, string>,
    costs: "Costs, total",
    consequence: (s: string): string => `Consequence: ${s}`,
    consequences: "Consequences, total",
    ofEffect: (e: string): string => `of which outcome: ${e}`,
    net: "Net result",
    cumulative: "Cumulative net result",
    discounted: "Discounted net result",
    paidBack:
      "Cumulative ≥ 0 from here to the last year (1 = yes); total column: tolerance 1e-9 × (Σ|C| + Σ|V|)",
    namesTitle: "Defined names of the live key figures (use them in your own formulas)",
    nameCol: "Name",
    meaning: "Meaning",
    nameKinds: {
      net: "net result over the horizon (kr.), live",
      pv: "present value (kr.), live",
      year: "break-even year, live",
      rpk: "return per krone invested, live",
    },
    statusName: "Status of the live sheets (shape fits / has changed)",
  },
};

type Texts = (typeof T)["da"];

// ───────────────────────────── what a live figure is (for checks against the engine) ─────────────────────────────

/** Which result block a live figure belongs to. */
export type LiveScope =
  | { readonly kind: "actor"; readonly index: number }
  | { readonly kind: "level"; readonly level: Level }
  | { readonly kind: "total" };

/** What a live cell shows, in terms of the engine's `ResultBlock` (t is 0-based). */
export type LiveField =
  | { readonly f: "costsByKind"; readonly kind: CostKind; readonly t: number | "total" }
  | {
      readonly f: "costs" | "consequences" | "net" | "cumulative" | "discounted";
      readonly t: number | "total";
    }
  | { readonly f: "byService"; readonly service: string; readonly t: number | "total" }
  | { readonly f: "byEffect"; readonly effect: string; readonly t: number | "total" }
  | { readonly f: "netTotal" | "presentValue" | "breakEvenYear" | "returnPerKrone" | "netPerCompleter" }
  | { readonly f: "beyondHorizon" }
  | { readonly f: "critical"; readonly effect: number }
  | { readonly f: "sensitivityNet" | "sensitivityPv" };

/** One live figure: where it is and what it must equal. */
export interface LiveFigure {
  readonly sheet: string;
  /** 0-based position. */
  readonly row: number;
  readonly col: number;
  readonly scope: LiveScope;
  readonly field: LiveField;
}

/** The texts a live key figure shows where the engine's figure is undefined (null). */
export const liveUndefinedText = (lang: Lang): Readonly<Record<string, string>> => ({
  breakEvenYear: T[lang].notWithin,
  returnPerKrone: T[lang].noCosts,
  critical: T[lang].cannot,
  netPerCompleter: T[lang].noParticipants,
});

export interface LiveSheets {
  readonly sheets: readonly SheetSpec[];
  readonly names: readonly NameSpec[];
  /** Every live figure with its engine counterpart (tests compare them after a spreadsheet recalculates). */
  readonly figures: readonly LiveFigure[];
  /** The two input cells of the sensitivity calculator on `Levende resultater` (0-based). */
  readonly sensitivityInputs: {
    readonly rate: { readonly row: number; readonly col: number };
    readonly change: { readonly row: number; readonly col: number };
  };
}

// ───────────────────────────── shape ─────────────────────────────

interface Scope {
  readonly label: string;
  readonly suffix: string;
  readonly describe: string;
  /** Indices into scenario.actors. */
  readonly members: readonly number[];
  readonly scope: LiveScope;
  readonly style?: "label" | "total";
}

interface TimeShape {
  readonly T: number;
  readonly F: number;
  readonly D: number;
  readonly v: number;
  readonly method: "perCohort" | "calendar";
  readonly perspective: "public" | "kommune";
}

function timeShape(scenario: Scenario, results: Results): TimeShape {
  const s = scenario.settings;
  return {
    T: results.years.length,
    F: s.horizon,
    D: s.operatingPeriod,
    v: s.duration,
    method: s.horizonMethod,
    perspective: s.perspective,
  };
}

function scopesOf(
  scenario: Scenario,
  results: Results,
  reported: readonly number[],
  t: Texts,
  lang: Lang,
): Scope[] {
  const out: Scope[] = reported.map((a, i) => {
    const actor = scenario.actors[a];
    if (actor === undefined) throw new LiveShapeError(`No actor ${a}`);
    return {
      label: actor.name,
      suffix: actorNameSuffix(i),
      describe: `${actor.name} (${levelLabel(actor.level, lang)})`,
      members: [a],
      scope: { kind: "actor", index: i },
    };
  });
  for (const level of LEVELS) {
    if (!results.byLevel.has(level)) continue;
    const members = reported.filter((a) => scenario.actors[a]?.level === level);
    const label = t.levelRow(levelLabel(level, lang));
    out.push({
      label,
      suffix: level,
      describe: label,
      members,
      scope: { kind: "level", level },
      style: "label",
    });
  }
  out.push({
    label: t.total,
    suffix: "Total",
    describe: t.total,
    members: [...reported],
    scope: { kind: "total" },
    style: "total",
  });
  return out;
}

/** A named block as read, plus the 1-based offsets INDEX needs. */
interface Geo {
  readonly name: string;
  readonly block: BlockRead;
  readonly top: number;
  readonly left: number;
  /** INDEX row (1-based within the defined range) of the i-th data row. */
  readonly rowOf: (i: number) => number;
  /** INDEX column (1-based) of a known column key, or undefined. */
  readonly colOf: (key: string) => number | undefined;
  /** `INDEX(SOM_X,r,c)`. */
  readonly cell: (i: number, key: string) => string;
}

function geometry(
  named: ReadonlyMap<string, NamedValue>,
  name: string,
  columns: Parameters<typeof readBlock>[2],
): Geo | undefined {
  const nv = named.get(name.toLowerCase());
  if (nv === undefined || nv.kind !== "range") return undefined;
  const block = readBlock(named, name, columns, [], {});
  if (block === undefined) return undefined;
  const colOf = (key: string): number | undefined => {
    const c = block.columns.get(key);
    return c === undefined ? undefined : c.col - nv.col + 1;
  };
  const rowOf = (i: number): number => {
    const r = block.rows[i];
    if (r === undefined) throw new LiveShapeError(`${name}: no data row ${i}`);
    return r.row - nv.row + 1;
  };
  return {
    name: nv.name,
    block,
    top: nv.row,
    left: nv.col,
    rowOf,
    colOf,
    cell: (i, key) => {
      const c = colOf(key);
      if (c === undefined) throw new LiveShapeError(`${name}: no column ${key}`);
      return `INDEX(${nv.name},${rowOf(i)},${c})`;
    },
  };
}

const optionalName = (named: ReadonlyMap<string, NamedValue>, name: string): string | undefined => {
  const nv = named.get(name.toLowerCase());
  return nv === undefined || nv.kind === "unsupported" ? undefined : nv.name;
};

/** A sheet-qualified absolute reference. */
const ref = (sheet: string, row: number, col: number): string =>
  `${quoteSheetName(sheet)}!${absCellA1(row, col)}`;
const rangeRef = (sheet: string, r1: number, c1: number, r2: number, c2: number): string =>
  `${quoteSheetName(sheet)}!${absCellA1(r1, c1)}:${absCellA1(r2, c2)}`;
/** `a+b+c`, or `0` for no terms. */
const plus = (terms: readonly string[]): string => (terms.length === 0 ? "0" : terms.join("+"));

/** One table row: values and formulas side by side. */
class Row {
  readonly values: CellValue[] = [];
  readonly formulas: (string | null)[] = [];
  readonly formats: string[] = [];
  value(v: CellValue, fmt = GENERAL): this {
    this.values.push(v);
    this.formulas.push(null);
    this.formats.push(fmt);
    return this;
  }
  formula(f: string, fmt = GENERAL): this {
    this.values.push(null);
    this.formulas.push(`=${f}`);
    this.formats.push(fmt);
    return this;
  }
}

/** Appends rows as one block (values, formulas, formats) at the writer's cursor; returns the first row. */
function addRows(
  w: SheetWriter,
  rows: readonly Row[],
  style: "output" | "outputBold" | "label" | "stamp" | "total" = "output",
  col = 0,
): number {
  const width = Math.max(...rows.map((r) => r.values.length));
  const pad = <X>(xs: readonly X[], fill: X): X[] => [
    ...xs,
    ...Array.from({ length: width - xs.length }, () => fill),
  ];
  return w.add(
    rows.map((r) => pad(r.values, null)),
    {
      formulas: rows.map((r) => pad(r.formulas, null)),
      numberFormat: rows.map((r) => pad(r.formats, GENERAL)),
      style,
    },
    col,
  );
}

const consequenceKindText = (kind: string, lang: Lang): string =>
  CONSEQUENCE_KIND_LABELS.find((k) => k.kind === kind)?.[lang] ?? kind;

/**
 * The live sheets and names for a validated scenario read from `named` (what `loadScenario` answered), with the
 * engine's `results` for the shape of the result (years, reported actors, levels, services).
 * Pure: the same inputs give the same spec.
 */
export function renderLiveSheets(
  scenario: Scenario,
  results: Results,
  named: ReadonlyMap<string, NamedValue>,
  ctx: { readonly lang: Lang },
): LiveSheets {
  const lang = ctx.lang;
  const t = T[lang];
  const shape = timeShape(scenario, results);
  const { T: TT, D, v, F } = shape;
  const reported = [...results.actorIndex];
  const all = scopesOf(scenario, results, reported, t, lang);
  const figures: LiveFigure[] = [];

  const geo = (name: string, cols: Parameters<typeof readBlock>[2]): Geo => {
    const g = geometry(named, name, cols);
    if (g === undefined) throw new LiveShapeError(`${name} is not a readable block`);
    return g;
  };
  const actorsG = geo(N.actors, COLUMNS[N.actors]);
  const participantsG = geo(N.participants, COLUMNS[N.participants]);
  const effectsG = geo(N.effects, COLUMNS[N.effects]);
  const costsG = geo(N.costs, COLUMNS[N.costs]);
  const consG = geo(N.consequences, COLUMNS[N.consequences]);
  const pricesG = geo(N.prices, COLUMNS[N.prices]);
  const indexG = geometry(named, N.priceIndex, COLUMNS[N.priceIndex]);
  if (
    actorsG.block.rows.length !== scenario.actors.length ||
    effectsG.block.rows.length !== scenario.effects.length ||
    costsG.block.rows.length !== scenario.costs.length ||
    consG.block.rows.length !== scenario.consequences.length ||
    pricesG.block.rows.length !== scenario.prices.length
  )
    throw new LiveShapeError("The named blocks' rows do not line up with the validated scenario");

  // ── sheet 1: settings, prices, cost amounts, shape check
  const S1 = LIVE_SHEETS.prices;
  const w1 = new SheetWriter();
  w1.add([[t.step1]], { style: "title" });
  w1.add([[t.guidanceLive]], { style: "muted" });
  w1.skip();
  w1.add([[t.setting, t.value, t.from]], { style: "header" });
  const settingRows: Row[] = [];
  const settingAt = (i: number): string => ref(S1, w1.row + i, 1);
  const priceLevelName = optionalName(named, N.priceLevel);
  const discountName = optionalName(named, N.discountRate);
  const durationName = optionalName(named, N.duration);
  const startCell = settingAt(0);
  const pCell = settingAt(1);
  const rhoCell = settingAt(2);
  const dCell = settingAt(4);
  const vCell = settingAt(5);
  const ipCell = settingAt(6);
  settingRows.push(new Row().value(t.startYear).formula(N.startYear, YEAR).value(N.startYear));
  settingRows.push(
    priceLevelName === undefined
      ? new Row().value(t.priceLevel).formula(N.startYear, YEAR).value(`${N.startYear} (${t.standard})`)
      : new Row()
          .value(t.priceLevel)
          .formula(`IF(${priceLevelName}="",${N.startYear},${priceLevelName})`, YEAR)
          .value(priceLevelName),
  );
  settingRows.push(
    discountName === undefined
      ? new Row().value(t.discount).value(DEFAULTS.discountRateShare, PCT).value(t.standard)
      : new Row()
          .value(t.discount)
          .formula(`IF(${discountName}="",${DEFAULTS.discountRateShare},${discountName})`, "0.00%")
          .value(discountName),
  );
  settingRows.push(new Row().value(t.horizon).formula(N.horizon, YEAR).value(N.horizon));
  settingRows.push(new Row().value(t.period).formula(N.operatingPeriod, YEAR).value(N.operatingPeriod));
  settingRows.push(
    durationName === undefined
      ? new Row().value(t.duration).value(1, YEAR).value(t.standard)
      : new Row()
          .value(t.duration)
          .formula(`IF(${durationName}="",1,${durationName})`, YEAR)
          .value(durationName),
  );
  const idxYears = indexG === undefined ? undefined : `INDEX(${indexG.name},0,${indexG.colOf("year") ?? 1})`;
  const idxValues =
    indexG === undefined ? undefined : `INDEX(${indexG.name},0,${indexG.colOf("index") ?? 2})`;
  settingRows.push(
    idxYears === undefined || idxValues === undefined
      ? new Row().value(t.indexP).value(null).value(t.standard)
      : new Row()
          .value(t.indexP)
          .formula(`IFERROR(INDEX(${idxValues},MATCH(${pCell},${idxYears},0)),"${t.notInIndex}")`, NUM)
          .value(N.priceIndex),
  );
  settingRows.push(
    new Row()
      .value(t.method)
      .value(shape.method === "perCohort" ? t.perCohort : t.calendar)
      .value(N.horizonMethod),
  );
  settingRows.push(
    new Row()
      .value(t.perspective)
      .value(shape.perspective === "public" ? t.public : t.kommune)
      .value(N.perspective),
  );
  addRows(w1, settingRows, "stamp");
  w1.skip();

  /** I(P)/I(b) for a price-year cell (1 when b = P; #N/A when b is not in the index, as the engine's error). */
  const factorFormula = (bCell: string): string =>
    idxYears === undefined || idxValues === undefined
      ? `IF(${bCell}=${pCell},1,NA())`
      : `IF(${bCell}=${pCell},1,${ipCell}/INDEX(${idxValues},MATCH(${bCell},${idxYears},0)))`;
  const priceYearFormula = (g: Geo, i: number): string =>
    g.colOf("priceYear") === undefined
      ? pCell
      : `IF(${g.cell(i, "priceYear")}="",${pCell},${g.cell(i, "priceYear")})`;

  // Prices at P: one row per price row, one column per reported actor, level and total.
  w1.add([[t.pricesTitle]], { style: "subtitle" });
  const priceScopeCol = new Map<Scope, number>();
  const PRICE_FIRST = 3;
  all.forEach((s, i) => priceScopeCol.set(s, PRICE_FIRST + i));
  w1.add([[t.service, t.priceYear, t.factor, ...all.map((s) => s.label)]], { style: "header" });
  const priceTop = w1.row;
  const actorPriceCol = new Map<number, number>();
  for (const extra of pricesG.block.extraColumns)
    scenario.actors.forEach((a, i) => {
      if (normalizeHeader(a.name) === extra.normalized && !actorPriceCol.has(i))
        actorPriceCol.set(i, extra.col - pricesG.left + 1);
    });
  const priceRows: Row[] = scenario.prices.map((_, i) => {
    const row = priceTop + i;
    const r = new Row().formula(pricesG.cell(i, "service")).formula(priceYearFormula(pricesG, i), YEAR);
    r.formula(factorFormula(absCellA1(row, 1)), "0.000000");
    for (const s of all) {
      if (s.scope.kind === "actor") {
        const a = s.members[0] ?? 0;
        const c = actorPriceCol.get(a);
        if (c === undefined) r.value(0, NUM);
        else r.formula(`INDEX(${pricesG.name},${pricesG.rowOf(i)},${c})*${absCellA1(row, 2)}`, NUM);
      } else {
        const cols = s.members.map((a) =>
          absCellA1(row, priceScopeCol.get(all[reported.indexOf(a)] as Scope) ?? 0),
        );
        r.formula(cols.length === 0 ? "0" : `SUM(${cols.join(",")})`, NUM);
      }
    }
    return r;
  });
  addRows(w1, priceRows);
  /** Price of price row `p` for scope `s` at P (cell on sheet 1). */
  const priceCell = (p: number, s: Scope): string => ref(S1, priceTop + p, priceScopeCol.get(s) ?? 0);
  w1.skip();

  // Cost lines of reported actors at P, with the years applied.
  const reportedSet = new Set(reported);
  const costLines = scenario.costs.map((c, i) => ({ c, i })).filter((x) => reportedSet.has(x.c.actor));
  w1.add([[t.costsTitle]], { style: "subtitle" });
  w1.add([[t.item, t.kind, t.actor, t.amount, t.priceYear, t.factor, t.amountP, t.fromYear, t.toYear]], {
    style: "header",
  });
  const costTop = w1.row;
  const costRows = costLines.map(({ c, i }, k) => {
    const row = costTop + k;
    const r = new Row()
      .formula(costsG.cell(i, "item"))
      .value(t.costKind[c.kind] ?? c.kind)
      .formula(costsG.cell(i, "actor"))
      .formula(costsG.cell(i, "amount"), NUM)
      .formula(priceYearFormula(costsG, i), YEAR)
      .formula(factorFormula(absCellA1(row, 4)), "0.000000")
      .formula(`${absCellA1(row, 3)}*${absCellA1(row, 5)}`, NUM);
    const fromCol = costsG.colOf("fromYear");
    if (fromCol === undefined) r.value(1, YEAR);
    else r.formula(`IF(${costsG.cell(i, "fromYear")}="",1,${costsG.cell(i, "fromYear")})`, YEAR);
    const def =
      c.kind === "Opstart" ? absCellA1(row, 7) : c.kind === "PrDeltager" ? `${dCell}+${vCell}-1` : dCell;
    const toCol = costsG.colOf("toYear");
    if (toCol === undefined) r.formula(def, YEAR);
    else r.formula(`IF(${costsG.cell(i, "toYear")}="",${def},${costsG.cell(i, "toYear")})`, YEAR);
    return r;
  });
  if (costRows.length > 0) addRows(w1, costRows);
  w1.skip();

  // Shape check.
  w1.add([[t.shapeTitle]], { style: "subtitle" });
  w1.add([[t.check, t.atGeneration, t.now, t.same]], { style: "header" });
  const shapeTop = w1.row;
  const shapeRows: Row[] = [];
  const shapeCheck = (label: string, stored: CellValue, now: string, fmt = GENERAL): void => {
    const row = shapeTop + shapeRows.length;
    shapeRows.push(
      new Row()
        .value(label)
        .value(stored, fmt)
        .formula(now, fmt)
        .formula(`${absCellA1(row, 2)}=${absCellA1(row, 1)}`),
    );
  };
  const nv = (name: string): NamedValue | undefined => named.get(name.toLowerCase());
  shapeCheck(t.horizon, F, N.horizon, YEAR);
  shapeCheck(t.period, D, N.operatingPeriod, YEAR);
  if (durationName !== undefined) shapeCheck(t.duration, v, vCell, YEAR);
  for (const g of [actorsG, participantsG, effectsG, costsG, consG, pricesG, ...(indexG ? [indexG] : [])]) {
    const value = nv(g.name);
    if (value?.kind !== "range") continue;
    shapeCheck(t.rows(g.name), value.values.length, `ROWS(${g.name})`, YEAR);
    shapeCheck(t.cols(g.name), Math.max(0, ...value.values.map((r) => r.length)), `COLUMNS(${g.name})`, YEAR);
  }
  /** Filled cells of a key column (data rows + header) must stay as they were: a row typed into a blank one changes it. */
  const filled = (g: Geo, key: string, count: number): void => {
    const c = g.colOf(key);
    const header = g.block.columns.get(key)?.header ?? key;
    if (c !== undefined)
      shapeCheck(t.filled(g.name, header), count + 1, `COUNTA(INDEX(${g.name},0,${c}))`, YEAR);
  };
  filled(actorsG, "actor", scenario.actors.length);
  filled(effectsG, "effect", scenario.effects.length);
  filled(costsG, "kind", scenario.costs.length);
  filled(consG, "service", scenario.consequences.length);
  filled(pricesG, "service", scenario.prices.length);
  /** The trimmed text of a structural cell must stay what it was (case-insensitive, as the reader matches). */
  const textCheck = (g: Geo, i: number, key: string): void => {
    const c = g.colOf(key);
    const row = g.block.rows[i];
    if (c === undefined || row === undefined) return;
    const cell = row.fields.get(key);
    const stored = typeof cell?.value === "string" ? cell.value.trim() : (cell?.value ?? "");
    shapeCheck(t.cellText(g.name, cell?.cell ?? ""), stored, `TRIM(${g.cell(i, key)})`);
  };
  scenario.actors.forEach((_, i) => {
    textCheck(actorsG, i, "actor");
    textCheck(actorsG, i, "level");
  });
  scenario.effects.forEach((_, i) => textCheck(effectsG, i, "effect"));
  scenario.costs.forEach((_, i) => {
    textCheck(costsG, i, "kind");
    textCheck(costsG, i, "actor");
  });
  scenario.consequences.forEach((_, i) => {
    textCheck(consG, i, "effect");
    textCheck(consG, i, "service");
    textCheck(consG, i, "kind");
    textCheck(consG, i, "phase");
  });
  scenario.prices.forEach((_, i) => textCheck(pricesG, i, "service"));
  for (const extra of [
    { name: N.horizonMethod, key: "method" },
    { name: N.perspective, key: "perspective" },
  ]) {
    const value = nv(extra.name);
    if (value?.kind === "range") {
      const x = value.values[0]?.[0] ?? "";
      shapeCheck(extra.name, typeof x === "string" ? x.trim() : x, `TRIM(${value.name})`);
    }
  }
  addRows(w1, shapeRows);
  const shapeOkRow = w1.row;
  addRows(
    w1,
    [
      new Row()
        .value(t.shapeAll)
        .value(null)
        .value(null)
        .formula(`AND(${absCellA1(shapeTop, 3)}:${absCellA1(shapeTop + shapeRows.length - 1, 3)})`),
    ],
    "outputBold",
  );
  const shapeOk = ref(S1, shapeOkRow, 3);

  // ── sheet 2: cohorts
  const S2 = LIVE_SHEETS.cohorts;
  const w2 = new SheetWriter();
  const SC = 2; // series start column on sheets 2–4 and on the results sheet's year tables: C
  w2.add([[t.step2]], { style: "title" });
  w2.add([[t.guidanceLive]], { style: "muted" });
  w2.skip();
  const tRow2 = w2.row;
  const years = Array.from({ length: TT }, (_, i) => i + 1);
  const col = (k: number): number => SC + k; // k = 0..T-1
  const tRef = (row: number, k: number): string => `${colLetter(col(k))}$${row + 1}`;
  const r2: Row[] = [];
  {
    const tr = new Row().value(t.t).value(null);
    for (const y of years) tr.value(y, YEAR);
    r2.push(tr);
    const cal = new Row().value(t.calendarYear).value(null);
    years.forEach((_, k) => cal.formula(`${startCell}+${tRef(tRow2, k)}-1`, YEAR));
    r2.push(cal);
    const nRow = new Row().value(t.starters).value(participantsG.name);
    const yc = participantsG.colOf("year") ?? 1;
    const cc = participantsG.colOf("count") ?? 2;
    years.forEach((_, k) =>
      nRow.formula(
        `SUMIF(INDEX(${participantsG.name},0,${yc}),${tRef(tRow2, k)},INDEX(${participantsG.name},0,${cc}))`,
        NUM,
      ),
    );
    r2.push(nRow);
    const rRow = new Row().value(t.receiving).value(null);
    years.forEach((_, k) => {
      const first = Math.max(0, k - v + 1);
      rRow.formula(`SUM(${cellA1(tRow2 + 2, col(first))}:${cellA1(tRow2 + 2, col(k))})`, NUM);
    });
    r2.push(rRow);
    const cRow = new Row().value(t.completers).value(null);
    years.forEach((_, k) => {
      const s = k - v + 1;
      if (s < 0) cRow.value(0, NUM);
      else cRow.formula(cellA1(tRow2 + 2, col(s)), NUM);
    });
    r2.push(cRow);
    const dRow = new Row().value(t.discountFactor).value(null);
    years.forEach((_, k) => dRow.formula(`(1+${rhoCell})^(${tRef(tRow2, k)}-1)`, "0.000000"));
    r2.push(dRow);
  }
  addRows(w2, [r2[0] as Row], "outputBold");
  addRows(w2, r2.slice(1));
  const calRow = tRow2 + 1;
  const nRow2 = tRow2 + 2;
  const rRow2 = tRow2 + 3;
  const discRow2 = tRow2 + 5;
  const nCell = (k: number): string => ref(S2, nRow2, col(k));
  const rCell = (k: number): string => ref(S2, rRow2, col(k));
  const yearCell = (k: number): string => ref(S2, calRow, col(k));
  const discRange = rangeRef(S2, discRow2, col(0), discRow2, col(TT - 1));
  w2.skip();
  const sumNRow = w2.row;
  addRows(
    w2,
    [
      new Row()
        .value(t.startersTotal)
        .formula(`SUM(${cellA1(nRow2, col(0))}:${cellA1(nRow2, col(TT - 1))})`, NUM),
    ],
    "outputBold",
  );
  const sumN = ref(S2, sumNRow, 1);
  w2.skip();
  w2.add([[t.effect, t.successRate]], { style: "header" });
  const effTop = w2.row;
  addRows(
    w2,
    scenario.effects.map((_, e) =>
      new Row().formula(effectsG.cell(e, "effect")).formula(effectsG.cell(e, "successRate"), "0.00%"),
    ),
  );
  const rateCell = (e: number): string => ref(S2, effTop + e, 1);

  // ── sheet 3: consequences per line
  const S3 = LIVE_SHEETS.consequences;
  const w3 = new SheetWriter();
  const LC = 7; // first series/Δq column on sheet 3: H
  w3.add([[t.step3]], { style: "title" });
  w3.add([[t.guidanceLive]], { style: "muted" });
  w3.skip();
  // Δq columns present in the block: j → INDEX column.
  const dqCol = new Map<number, number>();
  for (const extra of consG.block.extraColumns) {
    const m = /^(?:\u00e5r|year) (\d+)$/.exec(extra.normalized);
    const j = m === null ? NaN : Number(m[1]);
    if (Number.isInteger(j) && j >= 1 && !dqCol.has(j)) dqCol.set(j, extra.col - consG.left + 1);
  }
  const J = Math.max(0, ...dqCol.keys());
  const L = scenario.consequences.length;
  w3.add([[t.dqTitle]], { style: "subtitle" });
  w3.add(
    [
      [
        t.line,
        t.effect,
        t.service,
        t.kind,
        t.phase,
        t.sigma,
        t.successRate,
        ...Array.from({ length: J }, (_, j) => t.dqYear(j + 1)),
      ],
    ],
    { style: "header" },
  );
  const dqTop = w3.row;
  const phaseOf = (i: number): "after" | "during" => scenario.consequences[i]?.phase ?? "after";
  addRows(
    w3,
    scenario.consequences.map((line, i) => {
      const r = new Row()
        .value(i + 1)
        .formula(consG.cell(i, "effect"))
        .formula(consG.cell(i, "service"))
        .value(consequenceKindText(line.kind, lang))
        .value(phaseOf(i) === "during" ? t.during : t.after)
        .value(line.kind === "Udgift" ? -1 : 1, "0")
        .formula(rateCell(line.effect), "0.00%");
      for (let j = 1; j <= J; j++) {
        const c = dqCol.get(j);
        if (c === undefined) r.value(0, NUM);
        else r.formula(`INDEX(${consG.name},${consG.rowOf(i)},${c})`, NUM);
      }
      return r;
    }),
  );
  const dqCell = (i: number, j: number): string => absCellA1(dqTop + i, LC + j - 1);
  const sigmaCell = (i: number): string => absCellA1(dqTop + i, 5);
  const lineRateCell = (i: number): string => absCellA1(dqTop + i, 6);
  w3.skip();

  // X_r(t).
  w3.add([[t.xTitle]], { style: "subtitle" });
  const seriesHeader = (labels: readonly string[], extra: readonly string[]): CellValue[] => [
    ...labels,
    ...Array.from({ length: LC - labels.length }, () => null),
    ...years.map((y) => y),
    ...extra,
  ];
  w3.add([seriesHeader([t.line, t.effect, t.service], [t.sumX, t.pvX, t.beyondX])], { style: "header" });
  const xTop = w3.row;
  const xCol = (k: number): number => LC + k;
  const xRows = scenario.consequences.map((_, i) => {
    const row = xTop + i;
    const r = new Row()
      .value(i + 1)
      .formula(absCellA1(dqTop + i, 1))
      .formula(absCellA1(dqTop + i, 2));
    for (let c = 3; c < LC; c++) r.value(null);
    const during = phaseOf(i) === "during";
    for (let k = 0; k < TT; k++) {
      const tt = k + 1;
      const terms: string[] = [];
      for (let s = 1; s <= Math.min(D, tt); s++) {
        let j: number;
        if (during) {
          j = tt - s + 1; // k-th year in the intervention
          if (j > v - 1) continue;
        } else {
          j = tt - (s + v - 1) + 1; // consequence year from the completion year
          if (j < 1) continue;
          if (shape.method === "perCohort" && j > F) continue;
        }
        if (j > J) continue;
        terms.push(`${nCell(s - 1)}*${dqCell(i, j)}`);
      }
      r.formula(plus(terms), NUM);
    }
    const first = cellA1(row, xCol(0));
    const last = cellA1(row, xCol(TT - 1));
    r.formula(`SUM(${first}:${last})`, NUM);
    r.formula(`SUMPRODUCT(${first}:${last}/${discRange})`, NUM);
    // Beyond the horizon (after-phase lines only): consequence years not counted.
    const beyond: string[] = [];
    if (!during) {
      if (shape.method === "perCohort") {
        if (J > F) beyond.push(`${sumN}*SUM(${dqCell(i, F + 1)}:${dqCell(i, J)})`);
      } else {
        for (let s = 1; s <= D; s++) {
          const c = s + v - 1;
          const j0 = Math.max(1, TT - c + 2);
          if (j0 <= J) beyond.push(`${nCell(s - 1)}*SUM(${dqCell(i, j0)}:${dqCell(i, J)})`);
        }
      }
    }
    r.formula(plus(beyond), NUM);
    return r;
  });
  addRows(w3, xRows);
  w3.skip();

  // U_r(t) = σ r X.
  w3.add([[t.uTitle]], { style: "subtitle" });
  w3.add([seriesHeader([t.line, t.effect, t.service], [t.sumX, t.pvX, t.beyondX])], { style: "header" });
  const uTop = w3.row;
  addRows(
    w3,
    scenario.consequences.map((_, i) => {
      const r = new Row()
        .value(i + 1)
        .formula(absCellA1(dqTop + i, 1))
        .formula(absCellA1(dqTop + i, 2));
      for (let c = 3; c < LC; c++) r.value(null);
      for (let k = 0; k <= TT + 2; k++)
        r.formula(`${sigmaCell(i)}*${lineRateCell(i)}*${cellA1(xTop + i, xCol(k))}`, NUM);
      return r;
    }),
  );
  const uRange = (k: number): string => rangeRef(S3, uTop, xCol(k), uTop + L - 1, xCol(k));
  w3.skip();

  // U per service: Σ U_r(t) over the lines of each service (the year tables' per-service rows multiply it by
  // the service's price per actor, level and total: one product per cell, also in large models).
  const services = [...results.total.consequencesByService.keys()];
  const serviceIndex = (name: string): number => scenario.prices.findIndex((p) => p.service === name);
  w3.add([[t.uServiceTitle]], { style: "subtitle" });
  w3.add([seriesHeader([t.service], [t.sumX])], { style: "header" });
  const usTop = w3.row;
  if (services.length > 0)
    addRows(
      w3,
      services.map((svc, si) => {
        const p = serviceIndex(svc);
        const lines = scenario.consequences.map((l, i) => ({ l, i })).filter((x) => x.l.service === p);
        const r = new Row().formula(pricesG.cell(p, "service"));
        for (let c = 1; c < LC; c++) r.value(null);
        for (let k = 0; k < TT; k++) r.formula(plus(lines.map((x) => cellA1(uTop + x.i, xCol(k)))), NUM);
        r.formula(`SUM(${cellA1(usTop + si, xCol(0))}:${cellA1(usTop + si, xCol(TT - 1))})`, NUM);
        return r;
      }),
    );
  /**
   * Σ U of service number `si` (in `services` order) in year k, as seen from another sheet. Relative
   * (no `$`): a table's per-service rows then have the same relative formula down each column, which spreadsheet
   * programs store and calculate as one formula group (LibreOffice recalculates the large model several times
   * faster so).
   */
  const uServiceCell = (si: number, k: number): string =>
    `${quoteSheetName(S3)}!${cellA1(usTop + si, xCol(k))}`;
  w3.skip();

  // Line prices per scope.
  w3.add([[t.pTitle]], { style: "subtitle" });
  w3.add(
    [
      [
        t.line,
        t.effect,
        t.service,
        null,
        null,
        t.sigma,
        null,
        ...all.map((s) => s.label),
        ...scenario.effects.map((e) => t.mask(e.name)),
      ],
    ],
    { style: "header" },
  );
  const lpTop = w3.row;
  // σ under the Δq table's σ column (F), the prices from column H like the series above.
  const LP = LC;
  addRows(
    w3,
    scenario.consequences.map((line, i) => {
      const r = new Row()
        .value(i + 1)
        .formula(absCellA1(dqTop + i, 1))
        .formula(absCellA1(dqTop + i, 2))
        .value(null)
        .value(null)
        .formula(sigmaCell(i), "0")
        .value(null);
      for (const s of all) r.formula(priceCell(line.service, s), NUM);
      scenario.effects.forEach((_, e) => r.value(line.effect === e ? 1 : 0, "0"));
      return r;
    }),
  );
  const scopeIdx = new Map(all.map((s, i) => [s, i]));
  const linePriceRange = (s: Scope): string =>
    rangeRef(S3, lpTop, LP + (scopeIdx.get(s) ?? 0), lpTop + L - 1, LP + (scopeIdx.get(s) ?? 0));
  const sigmaRange = rangeRef(S3, lpTop, 5, lpTop + L - 1, 5);
  const maskRange = (e: number): string =>
    rangeRef(S3, lpTop, LP + all.length + e, lpTop + L - 1, LP + all.length + e);
  const xSumRange = rangeRef(S3, xTop, xCol(TT), xTop + L - 1, xCol(TT));
  const xPvRange = rangeRef(S3, xTop, xCol(TT + 1), xTop + L - 1, xCol(TT + 1));

  // ── sheet 4: costs
  const S4 = LIVE_SHEETS.costs;
  const w4 = new SheetWriter();
  w4.add([[t.step4]], { style: "title" });
  w4.add([[t.guidanceLive]], { style: "muted" });
  w4.skip();
  w4.add([[t.lineCostTitle]], { style: "subtitle" });
  const c4Header = [t.item, t.kind, ...years.map((y) => y), t.total];
  w4.add([c4Header], { style: "header" });
  const tRow4 = w4.row - 1;
  const lcTop = w4.row;
  const lineCostRows = costLines.map(({ c }, k) => {
    const row = lcTop + k;
    const src = costTop + k;
    const a = ref(S1, src, 6);
    const from = ref(S1, src, 7);
    const to = ref(S1, src, 8);
    const r = new Row().formula(ref(S1, src, 0)).value(t.costKind[c.kind] ?? c.kind);
    years.forEach((_, kk) => {
      const tt = `${colLetter(col(kk))}$${tRow4 + 1}`;
      const amount =
        c.kind === "PrDeltager"
          ? `${a}*${rCell(kk)}`
          : c.kind === "PrForloeb"
            ? `${a}*${nCell(kk)}`
            : c.kind === "Sparet"
              ? `-${a}`
              : a;
      r.formula(`IF(AND(${tt}>=${from},${tt}<=${to}),${amount},0)`, NUM);
    });
    r.formula(`SUM(${cellA1(row, col(0))}:${cellA1(row, col(TT - 1))})`, NUM);
    return r;
  });
  if (lineCostRows.length > 0) addRows(w4, lineCostRows);
  w4.skip();
  w4.add([[t.byActorKindTitle]], { style: "subtitle" });
  w4.add([[t.actor, t.kind, ...years.map((y) => y), t.total]], { style: "header" });
  const akTop = w4.row;
  const akRow = new Map<string, number>();
  const akRows: Row[] = [];
  for (const a of reported)
    for (const kind of COST_KINDS) {
      const row = akTop + akRows.length;
      akRow.set(`${a}|${kind}`, row);
      const lines = costLines
        .map((x, k) => ({ ...x, k }))
        .filter((x) => x.c.actor === a && x.c.kind === kind);
      const r = new Row().formula(actorsG.cell(a, "actor")).value(t.costKind[kind] ?? kind);
      years.forEach((_, kk) => {
        if (lines.length === 0) r.value(0, NUM);
        else r.formula(plus(lines.map((x) => cellA1(lcTop + x.k, col(kk)))), NUM);
      });
      r.formula(`SUM(${cellA1(row, col(0))}:${cellA1(row, col(TT - 1))})`, NUM);
      akRows.push(r);
    }
  addRows(w4, akRows);

  // ── the results sheet
  const S0 = LIVE_SHEETS.results;
  const w0 = new SheetWriter();
  const names: NameSpec[] = [];
  w0.add([[`${t.title}: ${scenario.intervention}`]], { style: "title" });
  const statusRow = w0.row;
  addRows(
    w0,
    [new Row().value(t.status).formula(`IF(${shapeOk},"${t.live}","${t.reshaped}")`)],
    "outputBold",
  );
  names.push({ name: LIVE_STATUS_NAME, sheet: S0, ref: cellA1(statusRow, 1) });
  w0.add([[t.covers], [t.steps]], { style: "muted" });
  w0.skip();

  // Year tables come later on the sheet but the key figures refer to them: lay out their rows first.
  const effects = scenario.effects;
  const keyHeader: CellValue[] = [
    t.who,
    t.netTotal,
    t.pv,
    t.breakEven,
    t.rpk,
    ...effects.map((e) => t.critical(e.name)),
    t.perParticipant,
    t.beyond,
  ];
  const keyTitleRow = w0.row;
  const keyTop = keyTitleRow + 2;
  const beyondLineRow = keyTop + all.length + 1;
  const sensTitleRow = beyondLineRow + 2;
  const sensRateRow = sensTitleRow + 1;
  const sensChangeRow = sensTitleRow + 2;
  const sensHeaderRow = sensTitleRow + 3;
  const sensTop = sensHeaderRow + 1;
  let tableRow = sensTop + all.length + 1;
  // Row offsets inside a year table (after its header row).
  const kinds = COST_KINDS;
  // Every actor, level and the total has a row per service, as on «Resultater»: the service's price (column B)
  // × Σ U of its lines (step 3), one product per cell, so large models stay fast.
  const offOf = (_s: Scope) => {
    const nS = services.length;
    return {
      kind: (i: number): number => 1 + i,
      costs: 1 + kinds.length,
      consequences: 2 + kinds.length + nS,
      net: 3 + kinds.length + nS + effects.length,
      cumulative: 4 + kinds.length + nS + effects.length,
      discounted: 5 + kinds.length + nS + effects.length,
      flag: 6 + kinds.length + nS + effects.length,
    };
  };
  const tableAt = new Map<Scope, number>();
  for (const s of all) {
    tableAt.set(s, tableRow);
    tableRow += offOf(s).flag + 2;
  }
  const totalCol = col(TT);
  const tcell = (s: Scope, offset: number, k: number): string =>
    cellA1((tableAt.get(s) ?? 0) + offset, col(k));
  const tabs = (s: Scope, offset: number, k: number): string =>
    absCellA1((tableAt.get(s) ?? 0) + offset, col(k));
  const trange = (s: Scope, offset: number): string =>
    `${absCellA1((tableAt.get(s) ?? 0) + offset, col(0))}:${absCellA1((tableAt.get(s) ?? 0) + offset, col(TT - 1))}`;

  // Key figures.
  w0.add([[t.keyTitle]], { style: "subtitle" });
  w0.add([keyHeader], { style: "header" });
  if (w0.row !== keyTop) throw new LiveShapeError("key table misplaced");
  const keyRows = all.map((s, i) => {
    const row = keyTop + i;
    const C = tabs(s, offOf(s).costs, TT);
    const V = tabs(s, offOf(s).consequences, TT);
    const NR = tabs(s, offOf(s).net, TT);
    const flags = trange(s, offOf(s).flag);
    const yearsRange = trange(s, 0);
    const r = new Row()
      .value(s.label)
      .formula(NR, KR)
      .formula(tabs(s, offOf(s).discounted, TT), KR)
      .formula(
        `IF(COUNTIF(${flags},1)=0,"${t.notWithin}",INDEX(${yearsRange},COLUMNS(${flags})-COUNTIF(${flags},1)+1))`,
        YEAR,
      )
      .formula(`IF(${C}>0,${V}/${C},"${t.noCosts}")`, RATIO);
    effects.forEach((_, e) =>
      r.formula(`IF(${V}>0,MAX(0,${C}/${V})*${rateCell(e)},IF(AND(${V}=0,${C}<=0),0,"${t.cannot}"))`, PCT),
    );
    r.formula(`IF(${sumN}>0,${NR}/${sumN},"${t.noParticipants}")`, KR);
    r.formula(
      `SUMPRODUCT(${linePriceRange(s)},${rangeRef(S3, uTop, xCol(TT + 2), uTop + L - 1, xCol(TT + 2))})`,
      KR,
    );
    const fig = (c: number, field: LiveField): void => {
      figures.push({ sheet: S0, row, col: c, scope: s.scope, field });
    };
    fig(1, { f: "netTotal" });
    fig(2, { f: "presentValue" });
    fig(3, { f: "breakEvenYear" });
    fig(4, { f: "returnPerKrone" });
    effects.forEach((_, e) => fig(5 + e, { f: "critical", effect: e }));
    fig(5 + effects.length, { f: "netPerCompleter" });
    fig(6 + effects.length, { f: "beyondHorizon" });
    names.push(
      { name: `${LIVE_NAME_PREFIXES.net}${s.suffix}`, sheet: S0, ref: cellA1(row, 1) },
      { name: `${LIVE_NAME_PREFIXES.pv}${s.suffix}`, sheet: S0, ref: cellA1(row, 2) },
      { name: `${LIVE_NAME_PREFIXES.year}${s.suffix}`, sheet: S0, ref: cellA1(row, 3) },
      { name: `${LIVE_NAME_PREFIXES.rpk}${s.suffix}`, sheet: S0, ref: cellA1(row, 4) },
    );
    return r;
  });
  addRows(w0, keyRows);
  w0.skip();
  addRows(w0, [
    new Row().value(t.beyondLine).formula(absCellA1(keyTop + all.length - 1, 6 + effects.length), KR),
  ]);
  w0.skip();

  // Sensitivity calculator.
  w0.add([[t.sensTitle]], { style: "subtitle" });
  w0.add([[t.altRate]], { style: "label" });
  w0.put(sensRateRow, 1, [[null]], { style: "input", numberFormat: "0.0%" });
  w0.add([[t.altChange]], { style: "label" });
  w0.put(sensChangeRow, 1, [[null]], { style: "input", numberFormat: "0.0%" });
  w0.add([[t.who, t.sensNet, t.sensPv, t.sensBase]], { style: "header" });
  const altR = absCellA1(sensRateRow, 1);
  const altX = absCellA1(sensChangeRow, 1);
  const sensRows = all.map((s, i) => {
    const row = sensTop + i;
    const C = tabs(s, offOf(s).costs, TT);
    const V = tabs(s, offOf(s).consequences, TT);
    const pvC = `SUMPRODUCT(${trange(s, offOf(s).costs)}/${discRange})`;
    const pvV = `SUMPRODUCT(${trange(s, offOf(s).consequences)}/${discRange})`;
    const unitV = `SUMPRODUCT(${sigmaRange},${linePriceRange(s)},${xSumRange})`;
    const unitPv = `SUMPRODUCT(${sigmaRange},${linePriceRange(s)},${xPvRange})`;
    const scale = `(1+IF(${altX}="",0,${altX}))`;
    figures.push({ sheet: S0, row, col: 1, scope: s.scope, field: { f: "sensitivityNet" } });
    figures.push({ sheet: S0, row, col: 2, scope: s.scope, field: { f: "sensitivityPv" } });
    return new Row()
      .value(s.label)
      .formula(`${scale}*IF(${altR}="",${V},${altR}*${unitV})-${C}`, KR)
      .formula(`${scale}*IF(${altR}="",${pvV},${altR}*${unitPv})-${pvC}`, KR)
      .formula(absCellA1(keyTop + i, 1), KR);
  });
  addRows(w0, sensRows);
  w0.skip();
  if (w0.row !== tableAt.get(all[0] as Scope)) throw new LiveShapeError("year tables misplaced");

  // Year tables.
  for (const s of all) {
    const top = tableAt.get(s) ?? 0;
    const header = new Row().value(t.yearTable(s.label)).value(services.length > 0 ? t.unitPrice : null);
    years.forEach((_, k) => header.formula(yearCell(k), YEAR));
    header.value(t.total);
    addRows(w0, [header], "outputBold");
    const rows: { r: Row; bold: boolean }[] = [];
    const series = (
      label: string,
      cell: (k: number) => string,
      field: (k: number | "total") => LiveField,
      total: "sum" | "none" | string = "sum",
      bold = false,
      colB?: string,
    ): void => {
      const row = top + 1 + rows.length;
      const r = new Row().value(label);
      if (colB === undefined) r.value(null);
      else r.formula(colB, NUM);
      years.forEach((_, k) => {
        r.formula(cell(k), KR);
        figures.push({ sheet: S0, row, col: col(k), scope: s.scope, field: field(k) });
      });
      if (total === "sum") {
        r.formula(`SUM(${cellA1(row, col(0))}:${cellA1(row, col(TT - 1))})`, KR);
        figures.push({ sheet: S0, row, col: totalCol, scope: s.scope, field: field("total") });
      } else if (total !== "none") r.formula(total, KR);
      rows.push({ r, bold });
    };
    kinds.forEach((kind) =>
      series(
        t.costKind[kind] ?? kind,
        (k) => plus(s.members.map((a) => ref(S4, akRow.get(`${a}|${kind}`) ?? 0, col(k)))),
        (k) => ({ f: "costsByKind", kind, t: k }),
      ),
    );
    series(
      t.costs,
      (k) =>
        `SUM(${cellA1(top + offOf(s).kind(0), col(k))}:${cellA1(top + offOf(s).kind(kinds.length - 1), col(k))})`,
      (k) => ({ f: "costs", t: k }),
      "sum",
      true,
    );
    services.forEach((svc, si) => {
      const row = top + 1 + rows.length;
      series(
        t.consequence(svc),
        (k) => `$B${row + 1}*${uServiceCell(si, k)}`,
        (k) => ({ f: "byService", service: svc, t: k }),
        "sum",
        false,
        priceCell(serviceIndex(svc), s),
      );
    });
    series(
      t.consequences,
      (k) => `SUMPRODUCT(${linePriceRange(s)},${uRange(k)})`,
      (k) => ({ f: "consequences", t: k }),
      "sum",
      true,
    );
    effects.forEach((eff, e) => {
      series(
        t.ofEffect(eff.name),
        (k) => `SUMPRODUCT(${linePriceRange(s)},${uRange(k)},${maskRange(e)})`,
        (k) => ({ f: "byEffect", effect: eff.name, t: k }),
      );
    });
    series(
      t.net,
      (k) => `${tcell(s, offOf(s).consequences, k)}-${tcell(s, offOf(s).costs, k)}`,
      (k) => ({ f: "net", t: k }),
      "sum",
      true,
    );
    series(
      t.cumulative,
      (k) =>
        k === 0
          ? tcell(s, offOf(s).net, 0)
          : `${tcell(s, offOf(s).cumulative, k - 1)}+${tcell(s, offOf(s).net, k)}`,
      (k) => ({ f: "cumulative", t: k }),
      "none",
    );
    series(
      t.discounted,
      (k) => `${tcell(s, offOf(s).net, k)}/${ref(S2, discRow2, col(k))}`,
      (k) => ({ f: "discounted", t: k }),
      "sum",
      true,
    );
    // Paid back from here on (1 = yes), computed from the last year backwards; total column = tolerance.
    const flagRow = top + offOf(s).flag;
    const tol = absCellA1(flagRow, totalCol);
    const fr = new Row().value(t.paidBack).value(null);
    years.forEach((_, k) => {
      const cnr = tcell(s, offOf(s).cumulative, k);
      fr.formula(
        k === TT - 1
          ? `IF(${cnr}>=-${tol},1,0)`
          : `IF(AND(${cnr}>=-${tol},${cellA1(flagRow, col(k + 1))}=1),1,0)`,
        "0",
      );
    });
    fr.formula(
      `1E-9*(SUMPRODUCT(ABS(${trange(s, offOf(s).costs)}))+SUMPRODUCT(ABS(${trange(s, offOf(s).consequences)})))`,
      "0.00E+00",
    );
    rows.push({ r: fr, bold: false });
    // Consecutive rows of the same style as one block (the per-service rows of a large model are one block, not
    // hundreds: fewer ranges and format operations in the add-in's write).
    for (let i = 0; i < rows.length;) {
      let j = i + 1;
      while (j < rows.length && rows[j]?.bold === rows[i]?.bold) j++;
      addRows(
        w0,
        rows.slice(i, j).map((x) => x.r),
        rows[i]?.bold === true ? "outputBold" : "output",
      );
      i = j;
    }
    w0.skip();
  }

  // Names table.
  w0.add([[t.namesTitle]], { style: "subtitle" });
  w0.add([[t.nameCol, t.meaning]], { style: "header" });
  const nameRows: CellValue[][] = [];
  for (const s of all)
    for (const [key, prefix] of Object.entries(LIVE_NAME_PREFIXES))
      nameRows.push([
        `${prefix}${s.suffix}`,
        `${t.nameKinds[key as keyof typeof LIVE_NAME_PREFIXES]}, ${s.describe}`,
      ]);
  nameRows.push([LIVE_STATUS_NAME, t.statusName]);
  w0.add(nameRows, { style: "label" });

  const widths = (first: number, n: number): number[] => [first, ...Array.from({ length: n }, () => 14)];
  const sheet = (
    name: string,
    w: SheetWriter,
    colWidths: number[],
    freeze?: SheetSpec["freeze"],
  ): SheetSpec => ({
    name,
    role: "result",
    columnWidths: colWidths,
    blocks: w.blocks,
    ...(freeze ? { freeze } : {}),
    tabColor: "2E7D32",
  });
  const results0: SheetSpec = {
    // A: labels; B: the key figure «Nettoresultat» and the per-service rows' unit price; D: the break-even year
    // or its text («ikke inden for tidshorisonten»); E: return per krone or «ingen omkostninger».
    ...sheet(S0, w0, [60, 18, 16, 27, 20, ...Array.from({ length: Math.max(0, TT - 2) }, () => 16)], {
      rows: 0,
      cols: 1,
    }),
    conditionalFormats: [{ ref: cellA1(statusRow, 1), formula: `=NOT(${shapeOk})`, style: "warning" }],
  };
  return {
    sheets: [
      results0,
      sheet(S1, w1, [46, 18, 18, ...Array.from({ length: Math.max(all.length, 6) }, () => 14)]),
      sheet(S2, w2, widths(34, TT + 1)),
      sheet(S3, w3, [
        8,
        18,
        26,
        12,
        14,
        6,
        12,
        ...Array.from({ length: Math.max(TT + 3, J, all.length + scenario.effects.length) }, () => 12),
      ]),
      sheet(S4, w4, [34, 18, ...Array.from({ length: TT + 1 }, () => 14)]),
    ],
    names,
    figures,
    sensitivityInputs: { rate: { row: sensRateRow, col: 1 }, change: { row: sensChangeRow, col: 1 } },
  };
}

function colLetter(c: number): string {
  return cellA1(0, c).replace(/[0-9]+$/, "");
}

// ───────────────────────────── engine counterpart of a live figure ─────────────────────────────

/**
 * The engine's value of a live figure (number, or the text shown for an undefined key figure). Sensitivity
 * figures need the engine run on the changed scenario: pass those results as `sensitivity`.
 */
export function liveFigureValue(
  fig: LiveFigure,
  results: Results,
  scenario: Scenario,
  lang: Lang,
  sensitivity?: Results,
): number | string {
  const blockOf = (r: Results) =>
    fig.scope.kind === "actor"
      ? r.byActor[fig.scope.index]
      : fig.scope.kind === "level"
        ? r.byLevel.get(fig.scope.level)
        : r.total;
  const b = blockOf(results);
  if (b === undefined) throw new LiveShapeError("no such block");
  const undef = liveUndefinedText(lang);
  const at = (xs: readonly number[], k: number | "total"): number =>
    k === "total" ? xs.reduce((a, x) => a + x, 0) : (xs[k] ?? NaN);
  const f = fig.field;
  switch (f.f) {
    case "costsByKind":
      return at((b.costsByKind as Record<string, readonly number[]>)[f.kind] ?? [], f.t);
    case "costs":
      return f.t === "total" ? b.costTotal : at(b.costs, f.t);
    case "consequences":
      return f.t === "total" ? b.consequenceTotal : at(b.consequences, f.t);
    case "net":
      return f.t === "total" ? b.netTotal : at(b.net, f.t);
    case "cumulative":
      return at(b.cumulative, f.t);
    case "discounted":
      return f.t === "total" ? b.presentValue : at(b.net, f.t) / (1 + results.discountRate) ** f.t;
    case "byService":
      return at(b.consequencesByService.get(f.service) ?? [], f.t);
    case "byEffect":
      return at(b.consequencesByEffect.get(f.effect) ?? [], f.t);
    case "netTotal":
      return b.netTotal;
    case "presentValue":
      return b.presentValue;
    case "breakEvenYear":
      return b.breakEvenYear ?? undef.breakEvenYear ?? "";
    case "returnPerKrone":
      return b.returnPerKrone ?? undef.returnPerKrone ?? "";
    case "netPerCompleter":
      return b.netPerCompleter ?? undef.netPerCompleter ?? "";
    case "beyondHorizon":
      return b.beyondHorizon;
    case "critical": {
      const factor = b.breakEvenSuccessFactor;
      return factor === null
        ? (undef.critical ?? "")
        : factor * (scenario.effects[f.effect]?.successRate ?? NaN);
    }
    case "sensitivityNet":
    case "sensitivityPv": {
      const sb = blockOf(sensitivity ?? results);
      if (sb === undefined) throw new LiveShapeError("no such block");
      return f.f === "sensitivityNet" ? sb.netTotal : sb.presentValue;
    }
  }
}
