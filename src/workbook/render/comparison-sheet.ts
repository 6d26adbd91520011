/**
 * The `Sammenligning` sheet as data (som-method.md §9): saved scenarios side by side — key inputs, Σ NR and
 * PV per actor, per level and in total, break-even year and return per krone — a line chart of the
 * cumulative net result per scenario, and "why did it move": the Shapley decomposition of the difference
 * between two scenarios into seven factors, with its method and [D] rules, one line each.
 *
 * All amounts are kroner at each scenario's price level, unrounded; number formats round for display.
 * Scenario, actor and effect names are user text and are written as text values.
 *
 * No status line (unlike `Resultater` and `Følsomhedsresultater`): the sheet shows the saved scenarios, which do
 * not change when the workbook's inputs do, so "Aktuel"/"Forældet" about the current inputs would mislead. The
 * sheet's note says so in the user's language.
 */
import type { Decomposition, DecompositionOutcome } from "../../engine/decompose/decompose";
import { DECOMPOSITION_FACTORS, type DecompositionFactor } from "../../engine/decompose/mix-scenarios";
import { LEVELS, type Level, type ResultBlock, type Results, type Scenario } from "../../engine/types";
import type { Lang } from "../../present/format";
import { METHOD_NAMES, MODEL_LABELS, PERSPECTIVE_NAMES } from "../../present/model-text";
import { cellA1, rectA1 } from "../a1";
import { levelLabel, RESULT_SHEETS } from "../names";
import { SheetWriter } from "./sheet-writer";
import type { CellStyle, CellValue, ChartSpec, SheetSpec } from "../sheet-model";
import { stampTime, type MetaContext } from "./meta-sheet";

const KR = "#,##0";
const PCT = "0.0%";
const RATIO = "0.00";
const YEAR = "0";
const COUNT = "#,##0.0";

/** One scenario as compared: its stored name, when it was saved, and its recomputed inputs and results. */
export interface ComparisonEntry {
  readonly name: string;
  readonly savedAt: string;
  readonly scenario: Scenario;
  readonly results: Results;
}

export interface ComparisonModel {
  readonly entries: readonly ComparisonEntry[];
  /** Saved scenarios that could not be recomputed (their inputs now have errors), with the reason. */
  readonly skipped: readonly {
    readonly name: string;
    readonly reason: { readonly da: string; readonly en: string };
  }[];
  /** The decomposition of `to` − `from`, when at least two scenarios are compared. */
  readonly decomposition: {
    readonly from: string;
    readonly to: string;
    readonly outcome: DecompositionOutcome;
  } | null;
}

export const FACTOR_LABELS: Readonly<
  Record<DecompositionFactor, { readonly da: string; readonly en: string }>
> = {
  successRates: { da: "Succesrater", en: "Success rates" },
  participants: { da: "Deltagere", en: "Participants" },
  duration: { da: "Varighed", en: "Duration" },
  costs: { da: "Omkostninger", en: "Costs" },
  consequences: { da: "Konsekvenser", en: "Consequences" },
  prices: { da: "Priser", en: "Prices" },
  horizon: { da: "Tidshorisont", en: "Horizon" },
  horizonMethod: { da: "Horisontmetode", en: "Horizon method" },
  discountRate: { da: "Diskonteringsrente", en: "Discount rate" },
};

/** The method and the [D] rules of the decomposition, one line each (also printed by `som compare`). */
export const DECOMPOSITION_RULES: Readonly<Record<Lang, readonly string[]>> = {
  da: [
    "[D] Metode: Shapley-værdi over ni faktorer. En faktors bidrag er gennemsnittet over alle 9! = 362.880 rækkefølger, faktorerne kan skiftes fra det ene scenarie til det andet i, af den ændring faktoren giver, når den skiftes. Beregnet eksakt over alle 2^9 = 512 blandede scenarier med fuld genberegning (ingen lineær tilnærmelse). Resultatet afhænger ikke af nogen rækkefølge; en faktor, der er ens i de to scenarier, får præcis 0; samspil (fx flere deltagere × højere pris pr. deltager) deles ligeligt.",
    "[D] Bidragene summer til forskellen pr. konstruktion; det kontrolleres, at |Σ bidrag − forskel| ≤ 1e-9 × skala (skala = største absolutte værdi over alle blandinger, mindst 1 kr.).",
    "[D] Begge scenarier skal have samme prisniveau og samme perspektiv (Offentlig sektor eller Kun kommune), ellers opdeles forskellen ikke; alle beløb og priser omregnes først til prisniveauet med hvert scenaries eget prisindeks. Startår, indsats, perspektiv og aktørernes niveau tages fra fra-scenariet.",
    "[D] Aktører, effektmål og ydelser matches på navn (uden hensyn til store/små bogstaver). En aktør, et scenarie ikke har, har ingen omkostninger og pris 0 dér.",
    "[D] Succesrater: succesraten pr. effektmål; et effektmål, det ene scenarie ikke har, får det andets rate (så et nyt effektmål tælles under Konsekvenser).",
    "[D] Deltagere: antal, der starter, pr. beregningsår med driftsperioden. Varighed: antal år, en borger modtager indsatsen.",
    "[D] Omkostninger: hele listen af omkostningsposter (art, aktør, beløb, år); år efter blandingens sidste beregningsår tæller ikke.",
    "[D] Konsekvenser: hele listen af konsekvenslinjer (effektmål, ydelse, art, Δq pr. år).",
    "[D] Priser: prisen pr. ydelse og aktør; en ydelse, det ene scenarie ikke har pris på, får det andets (så en ny ydelse tælles under Konsekvenser).",
    "[D] Tidshorisont: F, antal konsekvensår, der medregnes. Horisontmetode: Pr. kohorte eller Kalenderår; blandingens sidste beregningsår følger af dens driftsperiode, varighed, tidshorisont og metode, og det, der falder efter, medregnes ikke. Diskonteringsrente: ρ (påvirker kun nutidsværdien).",
  ],
  en: [
    "[D] Method: Shapley value over nine factors. A factor's contribution is the average, over all 9! = 362,880 orders in which the factors can be switched from one scenario to the other, of the change the factor makes when it is switched. Computed exactly over all 2^9 = 512 mixed scenarios, each fully recomputed (no linear approximation). The result depends on no order; a factor that is equal in both scenarios gets exactly 0; interactions (e.g. more participants × a higher cost per participant) are split equally.",
    "[D] The contributions sum to the difference by construction; it is checked that |Σ contributions − difference| ≤ 1e-9 × scale (scale = largest absolute value over all mixes, at least 1 kr.).",
    "[D] Both scenarios must have the same price level and the same perspective (Public sector or Municipality only), otherwise the difference is not decomposed; every amount and price is first converted to the price level with its own scenario's price index. Start year, intervention, perspective and the actors' levels are taken from the from-scenario.",
    "[D] Actors, outcomes and services are matched by name (ignoring case). An actor a scenario does not have has no costs and price 0 there.",
    "[D] Success rates: the rate per outcome; an outcome one scenario does not have takes the other's rate (so a new outcome counts under Consequences).",
    "[D] Participants: starters per calculation year with the operating period. Duration: the years a citizen receives the intervention.",
    "[D] Costs: the whole list of cost lines (kind, actor, amount, years); years after the mix's last calculation year do not count.",
    "[D] Consequences: the whole list of consequence lines (outcome, service, kind, Δq per year).",
    "[D] Prices: the price per service and actor; a service one scenario has no price for takes the other's (so a new service counts under Consequences).",
    "[D] Horizon: F, the consequence years counted. Horizon method: per cohort or calendar years; the mix's last calculation year follows from its operating period, duration, horizon and method, and what falls after it is not counted. Discount rate: ρ (affects only the present value).",
  ],
};

const T = {
  da: {
    title: "Sammenligning af scenarier",
    engine: "Motorversion",
    calculated: "Beregnet",
    note: "Beløb i kr. i hvert scenaries prisniveau; positive tal = gevinst for den offentlige økonomi. Scenarierne er genberegnet fra deres gemte input. Arket har ingen status-linje: det viser de gemte scenarier, ikke projektmappens aktuelle input, og forældes derfor ikke, når input ændres (gem scenariet igen for at tage ændringerne med).",
    inputs: "Nøgleinput",
    saved: "Gemt",
    intervention: "Indsats",
    startYear: "Startår",
    horizon: "Tidshorisont (år)",
    operating: "Driftsperiode (år)",
    method: MODEL_LABELS.da.method,
    duration: MODEL_LABELS.da.duration,
    perspective: MODEL_LABELS.da.perspective,
    priceLevel: "Prisniveau",
    discount: "Diskonteringsrente",
    participants: "Deltagere i alt (starter)",
    rate: (e: string): string => `Succesrate: ${e}`,
    costTotal: "Omkostninger i alt",
    consequenceTotal: "Konsekvenser i alt",
    results: "Resultater",
    net: "nettoresultat over tidshorisonten",
    levelRow: (l: string): string => `Niveau ${l}`,
    pv: "nutidsværdi",
    bey: "tilbagebetalingsår",
    rpk: "afkast pr. krone",
    total: "I alt",
    notWithin: "ikke inden for tidshorisonten",
    noCosts: "ikke defineret (Σ C ≤ 0)",
    cumulative: "Kumuleret nettoresultat i alt pr. år (kr.)",
    year: "År",
    calcYear: (t: number): string => `År ${t}`,
    chart: "Kumuleret nettoresultat pr. scenarie",
    whyTitle: (a: string, b: string): string => `Hvorfor flyttede det sig? Fra »${a}« til »${b}« (kr.)`,
    factor: "Faktor",
    from: (a: string): string => `Fra: ${a}`,
    to: (b: string): string => `Til: ${b}`,
    sum: "Forskel = sum af bidragene",
    check: (e: number): string =>
      `Kontrol: største relative afvigelse mellem sum af bidrag og forskel: ${e.toExponential(1)} (grænse 1e-9).`,
    refused: (a: number, b: number): string =>
      `Forskellen kan ikke opdeles: scenarierne har forskelligt prisniveau (${a} og ${b}). Sæt dem til samme prisniveau for at sammenligne faktorerne.`,
    refusedPerspective: (a: string, b: string): string =>
      `Forskellen kan ikke opdeles: scenarierne har forskelligt perspektiv (${a} og ${b}), så deres totaler summerer forskellige aktører. Vælg samme perspektiv i SOM_Perspektiv for at sammenligne faktorerne.`,
    skipped: "Scenarier, der ikke kan genberegnes (input har fejl):",
    rulesTitle: "Metode og projektets egne beslutninger [D] (ikke officiel SØM-adfærd)",
    fewer: "Gem mindst to scenarier for at se, hvorfor resultatet flytter sig.",
  },
  en: {
    title: "Comparison of scenarios",
    engine: "Engine version",
    calculated: "Calculated",
    note: "Amounts in kr. at each scenario's price level; positive figures = gain for the public budget. The scenarios are recomputed from their saved inputs. The sheet has no status line: it shows the saved scenarios, not the workbook's current inputs, so it does not go out of date when inputs change (save the scenario again to include the changes).",
    inputs: "Key inputs",
    saved: "Saved",
    intervention: "Intervention",
    startYear: "Start year",
    horizon: "Horizon (years)",
    operating: "Operating period (years)",
    method: MODEL_LABELS.en.method,
    duration: MODEL_LABELS.en.duration,
    perspective: MODEL_LABELS.en.perspective,
    priceLevel: "Price level",
    discount: "Discount rate",
    participants: "Participants in total (starters)",
    rate: (e: string): string => `Success rate: ${e}`,
    costTotal: "Costs in total",
    consequenceTotal: "Consequences in total",
    results: "Results",
    net: "net result over the horizon",
    levelRow: (l: string): string => `Level ${l}`,
    pv: "present value",
    bey: "break-even year",
    rpk: "return per krone",
    total: "Total",
    notWithin: "not within the horizon",
    noCosts: "undefined (Σ C ≤ 0)",
    cumulative: "Cumulative net result in total per year (kr.)",
    year: "Year",
    calcYear: (t: number): string => `Year ${t}`,
    chart: "Cumulative net result per scenario",
    whyTitle: (a: string, b: string): string => `Why did it move? From “${a}” to “${b}” (kr.)`,
    factor: "Factor",
    from: (a: string): string => `From: ${a}`,
    to: (b: string): string => `To: ${b}`,
    sum: "Difference = sum of the contributions",
    check: (e: number): string =>
      `Check: largest relative deviation between the sum of contributions and the difference: ${e.toExponential(1)} (limit 1e-9).`,
    refused: (a: number, b: number): string =>
      `The difference cannot be decomposed: the scenarios have different price levels (${a} and ${b}). Put them at the same price level to compare the factors.`,
    refusedPerspective: (a: string, b: string): string =>
      `The difference cannot be decomposed: the scenarios have different perspectives (${a} and ${b}), so their totals sum different actors. Choose the same perspective in SOM_Perspektiv to compare the factors.`,
    skipped: "Scenarios that cannot be recomputed (their inputs have errors):",
    rulesTitle: "Method and the project's own decisions [D] (not official SØM behaviour)",
    fewer: "Save at least two scenarios to see why the result moves.",
  },
} as const;

const key = (s: string): string => s.trim().toLowerCase();

/** The saved time as "2026-11-23 12:00 UTC" when it is an ISO time, else the text as stored. */
const savedText = (iso: string): string => {
  const d = new Date(iso);
  return /^\d{4}-\d{2}-\d{2}T/.test(iso) && !Number.isNaN(d.getTime()) ? stampTime(d) : iso;
};

/** Union of names by key, in first-seen order. */
function unionNames(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const l of lists)
    for (const n of l) {
      if (seen.has(key(n))) continue;
      seen.add(key(n));
      out.push(n);
    }
  return out;
}

/**
 * The comparison sheet for a model.
 * @example renderComparisonSheet(model, { now, lang: "da", engineVersion: ENGINE_VERSION }).name // "Sammenligning"
 */
export function renderComparisonSheet(model: ComparisonModel, ctx: MetaContext): SheetSpec {
  const lang = ctx.lang;
  const t = T[lang];
  const w = new SheetWriter();
  const entries = model.entries;
  const n = entries.length;
  const names = entries.map((e) => e.name);

  w.add([[t.title]], { style: "title" });
  w.add(
    [
      [t.engine, ctx.engineVersion],
      [t.calculated, stampTime(ctx.now)],
    ],
    { style: "stamp" },
  );
  w.add([[t.note]], { style: "guidance" });
  w.skip();

  // ── key inputs
  w.add([[t.inputs, ...names]], { style: "header" });
  const perEntry = (f: (e: ComparisonEntry) => CellValue): CellValue[] => entries.map(f);
  const effectNames = unionNames(entries.map((e) => e.scenario.effects.map((x) => x.name)));
  const inputRows: { values: CellValue[]; format: string }[] = [
    { values: [t.saved, ...perEntry((e) => savedText(e.savedAt))], format: "@" },
    { values: [t.intervention, ...perEntry((e) => e.scenario.intervention)], format: "@" },
    { values: [t.startYear, ...perEntry((e) => e.scenario.settings.startYear)], format: YEAR },
    { values: [t.horizon, ...perEntry((e) => e.scenario.settings.horizon)], format: YEAR },
    {
      values: [t.method, ...perEntry((e) => METHOD_NAMES[e.scenario.settings.horizonMethod][lang])],
      format: "@",
    },
    { values: [t.operating, ...perEntry((e) => e.scenario.settings.operatingPeriod)], format: YEAR },
    { values: [t.duration, ...perEntry((e) => e.scenario.settings.duration)], format: YEAR },
    {
      values: [t.perspective, ...perEntry((e) => PERSPECTIVE_NAMES[e.scenario.settings.perspective][lang])],
      format: "@",
    },
    { values: [t.priceLevel, ...perEntry((e) => e.scenario.settings.priceLevel)], format: YEAR },
    { values: [t.discount, ...perEntry((e) => e.scenario.settings.discountRate)], format: PCT },
    { values: [t.participants, ...perEntry((e) => e.results.totalCompleters)], format: COUNT },
    ...effectNames.map((effect) => ({
      values: [
        t.rate(effect),
        ...perEntry((e) => e.scenario.effects.find((x) => key(x.name) === key(effect))?.successRate ?? null),
      ],
      format: PCT,
    })),
    { values: [t.costTotal, ...perEntry((e) => e.results.total.costTotal)], format: KR },
    { values: [t.consequenceTotal, ...perEntry((e) => e.results.total.consequenceTotal)], format: KR },
  ];
  for (const r of inputRows) w.add([r.values], { numberFormat: r.format, style: "output" });
  w.skip();

  // ── results: total, levels, actors
  w.add([[t.results, ...names]], { style: "header" });
  const figureRows = (
    label: string,
    pick: (e: ComparisonEntry) => ResultBlock | undefined,
    bold: boolean,
  ): void => {
    const style: CellStyle = bold ? "outputBold" : "output";
    w.add([[`${label}: ${t.net}`, ...perEntry((e) => pick(e)?.netTotal ?? null)]], {
      numberFormat: KR,
      style,
    });
    w.add([[`${label}: ${t.pv}`, ...perEntry((e) => pick(e)?.presentValue ?? null)]], {
      numberFormat: KR,
      style: "output",
    });
    w.add(
      [
        [
          `${label}: ${t.bey}`,
          ...perEntry((e) => {
            const b = pick(e);
            return b === undefined ? null : (b.breakEvenYear ?? t.notWithin);
          }),
        ],
      ],
      { numberFormat: YEAR, style: "output" },
    );
    w.add(
      [
        [
          `${label}: ${t.rpk}`,
          ...perEntry((e) => {
            const b = pick(e);
            return b === undefined ? null : (b.returnPerKrone ?? t.noCosts);
          }),
        ],
      ],
      { numberFormat: RATIO, style: "output" },
    );
  };
  figureRows(t.total, (e) => e.results.total, true);
  // A level rows only when some scenario has several actors on it: with every actor its own level, the level's
  // figures would repeat the actor's.
  const shared = (level: Level): boolean =>
    entries.some((e) => e.results.actors.filter((a) => a.level === level).length > 1);
  for (const level of LEVELS) {
    if (!entries.some((e) => e.results.byLevel.has(level)) || !shared(level)) continue;
    figureRows(t.levelRow(levelLabel(level, lang)), (e) => e.results.byLevel.get(level), false);
  }
  const actorNames = unionNames(entries.map((e) => e.results.actors.map((a) => a.name)));
  for (const actor of actorNames) {
    figureRows(
      actor,
      (e) => {
        const i = e.results.actors.findIndex((a) => key(a.name) === key(actor));
        return i < 0 ? undefined : e.results.byActor[i];
      },
      false,
    );
  }
  w.skip();

  // ── cumulative net result per year + chart
  const charts: ChartSpec[] = [];
  if (n > 0) {
    const maxH = Math.max(...entries.map((e) => e.results.years.length));
    const start = entries[0]?.scenario.settings.startYear;
    const sameStart = entries.every((e) => e.scenario.settings.startYear === start);
    w.add([[t.cumulative]], { style: "subtitle" });
    const headerRow = w.add([[sameStart ? t.year : t.year, ...names]], { style: "header" });
    const rows: CellValue[][] = Array.from({ length: maxH }, (_, i) => [
      sameStart && start !== undefined ? start + i : t.calcYear(i + 1),
      ...entries.map((e) => e.results.total.cumulative[i] ?? null),
    ]);
    const first = w.add(rows, {
      numberFormat: rows.map((r) => r.map((_, c) => (c === 0 ? YEAR : KR))),
      style: "output",
    });
    charts.push({
      kind: "line",
      title: t.chart,
      categories: rectA1({ row: first, col: 0, rows: maxH, cols: 1 }, true),
      series: entries.map((e, i) => ({
        name: e.name,
        ref: rectA1({ row: first, col: i + 1, rows: maxH, cols: 1 }, true),
      })),
      anchor: cellA1(headerRow, n + 2),
      widthCols: 8,
      heightRows: Math.max(15, maxH + 2),
    });
    w.row = Math.max(w.row, headerRow + Math.max(15, maxH + 2));
    w.skip();
  }

  // ── why did it move
  const d = model.decomposition;
  if (d === null) w.add([[t.fewer]], { style: "guidance" });
  else if (!d.outcome.ok) {
    w.add([[t.whyTitle(d.from, d.to)]], { style: "subtitle" });
    const a = entries.find((e) => e.name === d.from)?.scenario.settings;
    const b = entries.find((e) => e.name === d.to)?.scenario.settings;
    const text =
      d.outcome.reason === "different-perspective"
        ? t.refusedPerspective(
            PERSPECTIVE_NAMES[a?.perspective ?? "public"][lang],
            PERSPECTIVE_NAMES[b?.perspective ?? "public"][lang],
          )
        : t.refused(a?.priceLevel ?? 0, b?.priceLevel ?? 0);
    w.add([[text]], { style: "warning" });
  } else renderDecomposition(w, d.from, d.to, d.outcome.value, lang, shared);
  w.skip();

  if (model.skipped.length > 0) {
    w.add([[t.skipped]], { style: "subtitle" });
    w.add(
      model.skipped.map((s) => [s.name, s.reason[lang]]),
      { style: "warning" },
    );
    w.skip();
  }

  w.pageBreak();
  w.add([[t.rulesTitle]], { style: "subtitle" });
  w.paragraphs(DECOMPOSITION_RULES[lang], Math.max(n + 1, 8));

  return {
    name: RESULT_SHEETS.comparison,
    role: "result",
    columnWidths: [46, ...Array.from({ length: Math.max(n, 8) + 10 }, () => 18)],
    blocks: w.blocks,
    charts,
    freeze: { rows: 0, cols: 1 },
    tabColor: "6E4A1F",
    merges: w.merges,
    pageBreaks: w.pageBreaks,
  };
}

function renderDecomposition(
  w: SheetWriter,
  from: string,
  to: string,
  d: Decomposition,
  lang: Lang,
  sharedLevel: (level: Level) => boolean,
): void {
  const t = T[lang];
  w.add([[t.whyTitle(from, to)]], { style: "subtitle" });
  const scopes = [
    { label: `${t.total}: ${t.net}`, fig: d.total.netTotal },
    { label: `${t.total}: ${t.pv}`, fig: d.total.presentValue },
    ...d.byLevel
      .filter((s) => s.scope.kind !== "level" || sharedLevel(s.scope.level))
      .map((s) => ({
        label: `${s.scope.kind === "level" ? t.levelRow(levelLabel(s.scope.level, lang)) : ""}: ${t.net}`,
        fig: s.netTotal,
      })),
    ...d.byActor.map((s) => ({
      label: `${s.scope.kind === "actor" ? s.scope.name : ""}: ${t.net}`,
      fig: s.netTotal,
    })),
  ];
  w.add([[t.factor, ...scopes.map((s) => s.label)]], { style: "header" });
  w.add([[t.from(from), ...scopes.map((s) => s.fig.from)]], { numberFormat: KR, style: "output" });
  const first = w.add(
    DECOMPOSITION_FACTORS.map((f) => [FACTOR_LABELS[f][lang], ...scopes.map((s) => s.fig.contributions[f])]),
    { numberFormat: KR, style: "output" },
  );
  const last = first + DECOMPOSITION_FACTORS.length - 1;
  w.add([[t.sum, ...scopes.map((s) => s.fig.difference)]], {
    numberFormat: KR,
    style: "total",
    formulas: [
      [
        null,
        ...scopes.map(
          (_, i) => `=SUM(${rectA1({ row: first, col: i + 1, rows: last - first + 1, cols: 1 })})`,
        ),
      ],
    ],
  });
  w.add([[t.to(to), ...scopes.map((s) => s.fig.to)]], { numberFormat: KR, style: "output" });
  w.add([[t.check(d.worstRelativeError)]], { style: "muted" });
}
