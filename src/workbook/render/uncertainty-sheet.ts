/**
 * The `Usikkerhed` sheet as data (som-method.md §10; workbook-contract.md "Writing rules"), and optionally the
 * `Simuleringer` sheet with every iteration's draws and Σ NR per actor.
 *
 * `Usikkerhed`, top to bottom: title and status line (`sheetStatusFormula`, so the sheet reads "Forældet" when
 * the inputs change) · stamp (engine version, time, price level, discount rate, horizon, input fingerprint
 * `SOM_Usk_Inputaftryk`, seed, iterations, generator) · the uncertain inputs with their distributions ·
 * the plain-language sentence · summary per actor, level and total (P(Σ NR > 0); mean, P5, P50, P95 of Σ NR
 * and of PV) · break-even-year distribution · fan-chart table (P5/P50/P95 of the cumulative net result per
 * year, per actor, level and total) with a line chart of the headline block · [D] rules · defined names.
 *
 * `Simuleringer`: one row per iteration (iteration number, each input's draw, Σ NR per actor) and, to the
 * right, each actor's P50 recomputed by an Excel formula implementing the nearest rank
 * (`SMALL(range, ROUNDUP(50*COUNT(range)/100, 0))`) next to the engine's value, so anyone can check it.
 *
 * Amounts are kroner at the price level, unrounded (number formats round). User text is written as text.
 */
import { momentsOf } from "../../engine/simulation/distributions";
import type { SimulationResult, SimulationSummary, Stats } from "../../engine/simulation/simulate";
import type { Level, Scenario } from "../../engine/types";
import type { Lang } from "../../present/format";
import { probabilitySentence, type SentenceSubject } from "../../present/uncertainty-text";
import { cellA1, rectA1 } from "../a1";
import { DISTRIBUTION_LABELS, levelLabel, RESULT_SHEETS } from "../names";
import { inputLabel } from "../read/read-uncertainty";
import type { CellValue, ChartSpec, ConditionalFormat, NameSpec, SheetSpec } from "../sheet-model";
import { sheetFingerprintName, stampTime, type MetaContext } from "./meta-sheet";
import { keyCellNames, SheetWriter } from "./sheet-writer";

export interface UncertaintyContext extends MetaContext {
  /** The fingerprint of the input snapshot the simulation was computed from (`snapshotFingerprint`). */
  readonly inputFingerprint: string;
}

const KR = "#,##0";
const SHARE = "0.0%";
const VALUE = "0.0###";
const YEAR = "0";

/** Defined names of the key cells. Suffix "A1", "A2"… (actors in order), the level code, or "Total". */
export const UNCERTAINTY_RESULT_NAMES = {
  probability: "SOM_Usk_SandsynlighedPositiv_",
  p50: "SOM_Usk_P50_",
} as const;

const T = {
  da: {
    title: "SØM-usikkerhed (simulering)",
    iterationsTitle: "SØM-simuleringer: hver iteration",
    status: "Status",
    statusHelp: "«Forældet» betyder, at input er ændret efter simuleringen: kør simuleringen igen.",
    stamp: "Beregningsgrundlag",
    engine: "Motorversion",
    calculated: "Beregnet",
    priceLevel: "Prisniveau",
    discountRate: "Diskonteringsrente",
    horizon: "Tidshorisont (år)",
    fingerprint: "Beregnet på input-aftryk",
    seed: "Startværdi (seed)",
    iterations: "Antal simuleringer",
    generator: "Tilfældighedsgenerator",
    generatorText: "xoshiro128** med SplitMix32-start; invers fordelingsfunktion (kun + − × ÷ og kvadratrod)",
    inputsTitle: "Usikre input (trækkes uafhængigt i hver simulering)",
    parameter: "Parameter",
    distribution: "Fordeling",
    low: "Lav",
    mode: "Mest sandsynlig",
    high: "Høj",
    mean: "Middelværdi",
    summaryTitle:
      "Resultat over simuleringerne: sandsynlighed for overskud, nettoresultat (Σ NR) og nutidsværdi (NV) i kr. i prisniveau; positive tal = gevinst",
    who: "Aktør / niveau",
    probability: "P(Σ NR > 0)",
    net: (s: string) => `Σ NR ${s}`,
    pv: (s: string) => `NV ${s}`,
    total: "I alt",
    level: (l: string) => `Niveau: ${l}`,
    breakEvenTitle: "Tilbagebetalingsår: andel af simuleringerne",
    year: "År",
    none: "Ikke inden for tidshorisonten",
    fanTitle: "Vifte: akkumuleret nettoresultat pr. år (P5, P50, P95; kr. i prisniveau)",
    fanChart: (who: string) => `Akkumuleret nettoresultat, ${who} (P5, P50, P95)`,
    rulesTitle: "Projektets egne beslutninger [D] for simuleringen (ikke officiel SØM-adfærd)",
    rules: [
      "[D] Hver usikker parameter trækkes uafhængigt af de andre fra sin fordeling (Uniform eller Trekant); Succesrate sætter succesraten (alle effektmål eller det navngivne), de øvrige ganger med (1 + trækket) som i følsomhedsanalysen.",
      "[D] Tilfældige tal: xoshiro128** startet med SplitMix32 af startværdien; samme startværdi giver de samme tal på alle maskiner. Trækkene tages simulering for simulering, parameter for parameter i tabellens rækkefølge.",
      "[D] Hver simulering er en fuld, eksakt genberegning af modellen.",
      "[D] Percentiler efter nærmeste rang: P-percentilen er den ⌈P·n/100⌉-mindste værdi (ingen interpolation).",
    ],
    namesTitle: "Definerede navne (brug dem i egne formler)",
    nameCol: "Navn",
    meaning: "Betydning",
    probabilityName: (who: string) => `Sandsynlighed for overskud, ${who}`,
    p50Name: (who: string) => `Nettoresultat P50, ${who}`,
    fingerprintName: "Input-aftrykket, simuleringen er beregnet på",
    iteration: "Iteration",
    draw: (label: string) => `Træk: ${label}`,
    netOf: (who: string) => `Σ NR ${who}`,
    checkTitle: "Kontrol: P50 genberegnet af Excel (nærmeste rang) og motorens P50",
    checkExcel: "P50, Excel-formel",
    checkEngine: "P50, motoren",
  },
  en: {
    title: "SØM uncertainty (simulation)",
    iterationsTitle: "SØM simulations: every iteration",
    status: "Status",
    statusHelp: "“Out of date” means that inputs changed after the simulation: run the simulation again.",
    stamp: "Basis of calculation",
    engine: "Engine version",
    calculated: "Calculated",
    priceLevel: "Price level",
    discountRate: "Discount rate",
    horizon: "Horizon (years)",
    fingerprint: "Computed from input fingerprint",
    seed: "Seed",
    iterations: "Iterations",
    generator: "Random generator",
    generatorText: "xoshiro128** seeded by SplitMix32; inverse CDF (only + − × ÷ and square root)",
    inputsTitle: "Uncertain inputs (drawn independently in every iteration)",
    parameter: "Parameter",
    distribution: "Distribution",
    low: "Low",
    mode: "Most likely",
    high: "High",
    mean: "Mean",
    summaryTitle:
      "Result over the iterations: probability of a surplus, net result (Σ NR) and present value (PV) in kr. at the price level; positive = gain",
    who: "Actor / level",
    probability: "P(Σ NR > 0)",
    net: (s: string) => `Σ NR ${s}`,
    pv: (s: string) => `PV ${s}`,
    total: "Total",
    level: (l: string) => `Level: ${l}`,
    breakEvenTitle: "Break-even year: share of the iterations",
    year: "Year",
    none: "Not within the horizon",
    fanTitle: "Fan: cumulative net result per year (P5, P50, P95; kr. at the price level)",
    fanChart: (who: string) => `Cumulative net result, ${who} (P5, P50, P95)`,
    rulesTitle: "The project's own decisions [D] for the simulation (not official SØM behaviour)",
    rules: [
      "[D] Every uncertain parameter is drawn independently from its distribution (Uniform or Triangular); Success rate sets the rate (every outcome or the one named), the others multiply by (1 + draw) as in the sensitivity analysis.",
      "[D] Random numbers: xoshiro128** seeded by SplitMix32 of the seed; the same seed gives the same numbers on every machine. Draws are taken iteration by iteration, parameter by parameter in the table's order.",
      "[D] Every iteration is a full, exact recomputation of the model.",
      "[D] Nearest-rank percentiles: the P-th percentile is the ⌈P·n/100⌉-th smallest value (no interpolation).",
    ],
    namesTitle: "Defined names (use them in your own formulas)",
    nameCol: "Name",
    meaning: "Meaning",
    probabilityName: (who: string) => `Probability of a surplus, ${who}`,
    p50Name: (who: string) => `Net result P50, ${who}`,
    fingerprintName: "The input fingerprint the simulation was computed from",
    iteration: "Iteration",
    draw: (label: string) => `Draw: ${label}`,
    netOf: (who: string) => `Σ NR ${who}`,
    checkTitle: "Check: P50 recomputed by Excel (nearest rank) and the engine's P50",
    checkExcel: "P50, Excel formula",
    checkEngine: "P50, engine",
  },
} as const;

type Texts = (typeof T)[Lang];

/** The blocks of a simulation in display order: actors, levels with several actors… no: every level, then total. */
interface Row {
  readonly who: string;
  readonly suffix: string;
  readonly summary: SimulationSummary;
}

function rowsOf(result: SimulationResult, t: Texts, lang: Lang): Row[] {
  const rows: Row[] = result.actors.map((a, i) => ({
    who: a.name,
    suffix: `A${i + 1}`,
    summary: result.byActor[i] as SimulationSummary,
  }));
  for (const [level, summary] of result.byLevel)
    rows.push({ who: t.level(levelLabel(level, lang)), suffix: level, summary });
  rows.push({ who: t.total, suffix: "Total", summary: result.total });
  return rows;
}

/** The block the headline sentence speaks of: the level Kommune when there is one, else the total. */
export function headline(result: SimulationResult): { summary: SimulationSummary; subject: SentenceSubject } {
  const kommune = result.byLevel.get("Kommune" as Level);
  if (kommune !== undefined) return { summary: kommune, subject: { kind: "kommune" } };
  return { summary: result.total, subject: { kind: "total" } };
}

const statCells = (s: Stats): number[] => [s.mean, s.p5, s.p50, s.p95];

/** Title, status line and stamp shared by both sheets; returns the fingerprint name spec and the status format. */
function header(
  w: SheetWriter,
  title: string,
  sheetName: string,
  scenario: Scenario,
  result: SimulationResult,
  ctx: UncertaintyContext,
): { names: NameSpec[]; statusFormat: ConditionalFormat[] } {
  const t = T[ctx.lang];
  const s = scenario.settings;
  const head = w.statusAndStamp({
    sheet: sheetName,
    lang: ctx.lang,
    title: `${title}: ${scenario.intervention}`,
    statusLabel: t.status,
    statusHelp: t.statusHelp,
    stampTitle: t.stamp,
    lines: [
      [t.engine, ctx.engineVersion, "@"],
      [t.calculated, stampTime(ctx.now), "@"],
      [t.priceLevel, s.priceLevel, YEAR],
      [t.discountRate, s.discountRate, SHARE],
      [t.horizon, result.years.length, YEAR],
    ],
    fingerprintLabel: t.fingerprint,
    fingerprint: ctx.inputFingerprint,
    linesAfter: [
      [t.seed, result.seed, "0"],
      [t.iterations, result.iterations, "#,##0"],
      [t.generator, t.generatorText, "@"],
    ],
  });
  w.skip();
  return { names: [head.name], statusFormat: [head.statusFormat] };
}

/** The iterations sheet was asked for a simulation run without `keepDraws` (a programmer error). */
export class DrawsNotKeptError extends Error {
  override readonly name = "DrawsNotKeptError";
}

/**
 * The `Usikkerhed` sheet and its defined names. Pure: the same result and `ctx` give the same spec.
 * @example renderUncertaintySheet(result, scenario, ctx).sheet.name === "Usikkerhed"
 */
export function renderUncertaintySheet(
  result: SimulationResult,
  scenario: Scenario,
  ctx: UncertaintyContext,
): { readonly sheet: SheetSpec; readonly names: readonly NameSpec[] } {
  const lang = ctx.lang;
  const t = T[lang];
  const sheetName = RESULT_SHEETS.uncertainty;
  const w = new SheetWriter();
  const { names, statusFormat } = header(w, t.title, sheetName, scenario, result, ctx);

  // The uncertain inputs.
  w.add([[t.inputsTitle]], { style: "subtitle" });
  w.add([[t.parameter, t.distribution, t.low, t.mode, t.high, t.mean]], { style: "header" });
  w.add(
    result.inputs.map((input) => {
      const d = input.distribution;
      return [
        inputLabel(input, scenario)[lang],
        DISTRIBUTION_LABELS.find((l) => l.kind === d.kind)?.[lang] ?? d.kind,
        d.low,
        d.kind === "triangular" ? d.mode : null,
        d.high,
        momentsOf(d).mean,
      ];
    }),
    { numberFormat: result.inputs.map(() => ["@", "@", VALUE, VALUE, VALUE, VALUE]), style: "output" },
  );
  w.skip();

  // The sentence and the summary.
  const head = headline(result);
  w.add([[probabilitySentence(head.summary.probabilityPositive, head.subject, lang)]], {
    style: "outputBold",
  });
  w.skip();
  const rows = rowsOf(result, t, lang);
  w.add([[t.summaryTitle]], { style: "subtitle" });
  const stats = ["mean", "P5", "P50", "P95"];
  w.add(
    [
      [
        t.who,
        t.probability,
        ...stats.map((s) => t.net(s === "mean" ? t.mean.toLowerCase() : s)),
        ...stats.map((s) => t.pv(s === "mean" ? t.mean.toLowerCase() : s)),
      ],
    ],
    { style: "header" },
  );
  const summaryTop = w.row;
  rows.forEach((r, i) =>
    w.add(
      [
        [
          r.who,
          r.summary.probabilityPositive,
          ...statCells(r.summary.netTotal),
          ...statCells(r.summary.presentValue),
        ],
      ],
      {
        numberFormat: [["@", SHARE, KR, KR, KR, KR, KR, KR, KR, KR]],
        style: i === rows.length - 1 ? "total" : "output",
      },
    ),
  );
  const keys = keyCellNames(sheetName, summaryTop, rows, [
    { prefix: UNCERTAINTY_RESULT_NAMES.probability, col: 1, meaning: t.probabilityName },
    { prefix: UNCERTAINTY_RESULT_NAMES.p50, col: 4, meaning: t.p50Name },
  ]);
  names.push(...keys.names);
  w.skip();

  // Break-even years: rows = every year that occurs in any block (ascending), then "none"; columns = blocks.
  const years = [
    ...new Set(
      rows.flatMap((r) => r.summary.breakEvenYears.flatMap((y) => (y.year === null ? [] : [y.year]))),
    ),
  ].sort((a, b) => a - b);
  const shareOf = (s: SimulationSummary, year: number | null): number =>
    s.breakEvenYears.find((y) => y.year === year)?.share ?? 0;
  w.add([[t.breakEvenTitle]], { style: "subtitle" });
  w.add([[t.year, ...rows.map((r) => r.who)]], { style: "header" });
  w.add(
    [...years, null].map((y) => [y ?? t.none, ...rows.map((r) => shareOf(r.summary, y))]),
    {
      numberFormat: [...years, null].map((y) => [y === null ? "@" : YEAR, ...rows.map(() => SHARE)]),
      style: "output",
    },
  );
  w.skip();

  // Fan-chart table and a line chart of the headline block.
  w.add([[t.fanTitle]], { style: "subtitle" });
  w.add([[t.year, ...rows.flatMap((r) => ["P5", "P50", "P95"].map((p) => `${r.who} ${p}`))]], {
    style: "header",
  });
  const fanTop = w.row;
  w.add(
    result.years.map((year, k) => [
      year,
      ...rows.flatMap((r) => [
        r.summary.cumulative.p5[k] ?? null,
        r.summary.cumulative.p50[k] ?? null,
        r.summary.cumulative.p95[k] ?? null,
      ]),
    ]),
    { numberFormat: result.years.map(() => [YEAR, ...rows.flatMap(() => [KR, KR, KR])]), style: "output" },
  );
  const charts: ChartSpec[] = [];
  const headIndex = rows.findIndex((r) => r.summary === head.summary);
  if (result.years.length > 0 && headIndex >= 0) {
    const col = (c: number): string => rectA1({ row: fanTop, col: c, rows: result.years.length, cols: 1 });
    const base = 1 + 3 * headIndex;
    charts.push({
      kind: "line",
      title: t.fanChart(rows[headIndex]!.who),
      categories: col(0),
      series: ["P5", "P50", "P95"].map((p, k) => ({ name: p, ref: col(base + k) })),
      anchor: cellA1(w.row + 1, 0),
      widthCols: 8,
      heightRows: 16,
    });
    w.skip(17);
  }
  w.skip();

  // [D] rules and names.
  w.rulesAndNamesHeader(t);
  w.add([[sheetFingerprintName(sheetName), t.fingerprintName], ...keys.table], { style: "label" });
  const widest = Math.max(10, 1 + 3 * rows.length, 1 + rows.length);
  return {
    sheet: {
      name: sheetName,
      role: "result",
      columnWidths: [34, ...Array.from({ length: widest - 1 }, () => 16)],
      blocks: w.blocks,
      conditionalFormats: statusFormat,
      charts,
      freeze: { rows: 0, cols: 1 },
      tabColor: "6E3A8C",
    },
    names,
  };
}

/**
 * The `Simuleringer` sheet: every iteration's draws and Σ NR per actor, and each actor's P50 recomputed by a
 * nearest-rank Excel formula next to the engine's P50.
 */
export function renderIterationsSheet(
  result: SimulationResult,
  scenario: Scenario,
  ctx: UncertaintyContext,
): { readonly sheet: SheetSpec; readonly names: readonly NameSpec[] } {
  if (result.draws.length !== result.inputs.length)
    throw new DrawsNotKeptError("Simuleringer needs every draw: run the simulation with keepDraws");
  const lang = ctx.lang;
  const t = T[lang];
  const sheetName = RESULT_SHEETS.iterations;
  const w = new SheetWriter();
  const { names, statusFormat } = header(w, t.iterationsTitle, sheetName, scenario, result, ctx);
  const K = result.inputs.length;
  const A = result.actors.length;
  w.add(
    [
      [
        t.iteration,
        ...result.inputs.map((i) => t.draw(inputLabel(i, scenario)[lang])),
        ...result.actors.map((a) => t.netOf(a.name)),
      ],
    ],
    {
      style: "header",
    },
  );
  const top = w.row;
  const n = result.iterations;
  // Three blocks (iteration numbers, draws, Σ NR), each with one number format.
  const numbers: CellValue[][] = [];
  const draws: CellValue[][] = [];
  const nets: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    numbers.push([i + 1]);
    const d: CellValue[] = [];
    for (let k = 0; k < K; k++) d.push((result.draws[k] as Float64Array)[i] as number);
    draws.push(d);
    const r: CellValue[] = [];
    for (let a = 0; a < A; a++) r.push((result.netByActor[a] as Float64Array)[i] as number);
    nets.push(r);
  }
  w.put(top, 0, numbers, { numberFormat: "0", style: "output" });
  if (K > 0) w.put(top, 1, draws, { numberFormat: VALUE, style: "output" });
  if (A > 0) w.put(top, 1 + K, nets, { numberFormat: KR, style: "output" });
  // The check, to the right of the table.
  const checkCol = 1 + K + A + 1;
  const check: CellValue[][] = [[t.checkTitle, null, null]];
  const formulas: (string | null)[][] = [[null, null, null]];
  check.push([t.who, t.checkExcel, t.checkEngine]);
  formulas.push([null, null, null]);
  result.actors.forEach((a, i) => {
    const range = rectA1({ row: top, col: 1 + K + i, rows: n, cols: 1 });
    const abs = range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    check.push([a.name, null, (result.byActor[i] as SimulationSummary).netTotal.p50]);
    formulas.push([null, `=SMALL(${abs},ROUNDUP(50*COUNT(${abs})/100,0))`, null]);
  });
  w.put(top - 1, checkCol, check, {
    formulas,
    numberFormat: check.map((_, r) => (r < 2 ? ["@", "@", "@"] : ["@", KR, KR])),
    style: "output",
  });
  return {
    sheet: {
      name: sheetName,
      role: "result",
      columnWidths: [12, ...result.inputs.map(() => 18), ...result.actors.map(() => 18), 4, 30, 18, 18],
      blocks: w.blocks,
      conditionalFormats: statusFormat,
      freeze: { rows: top, cols: 1 },
      tabColor: "6E3A8C",
    },
    names,
  };
}
