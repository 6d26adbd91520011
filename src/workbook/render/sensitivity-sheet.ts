/**
 * The `Følsomhedsresultater` sheet as data (som-method.md §7; workbook-contract.md "Writing rules").
 *
 * Top to bottom: title and status line (`sheetStatusFormula`: `SOM_Status` and this sheet's input fingerprint,
 * so a later plain "Beregn" on changed inputs leaves this sheet "Forældet") · stamp (engine version, time,
 * price level, discount rate, horizon, the input fingerprint the analyses were computed from, named
 * `SOM_Fls_Inputaftryk`) · one-way table (base, then each parameter at low and high: Σ NR, PV and break-even year
 * per actor and in total) · tornado table sorted by swing in total Σ NR, with per-actor values, and an Excel
 * bar chart drawn from a chart-data table (written smallest swing first, so Excel's bottom-up category axis
 * shows the largest bar on top) · two-way grid (rows = y values, columns = x values) with a colour scale
 * centred on 0 and the base case in bold with a note · break-even values per actor and in total · the [D]
 * rules of the sensitivity analyses · the defined names.
 *
 * Amounts are kroner at the price level, unrounded (number formats round). User text is written as text.
 * Writers without chart support (the .xlsx file writer) skip the chart; every figure is in the tables.
 */
import { reportedActors } from "../../engine/calculate";
import { MODEL_LABELS, methodText, perspectiveText } from "../../present/model-text";
import type {
  BreakEvenValue,
  BreakEvenValues,
  FigureSet,
  SensitivityAnalysis,
  VariantFigures,
} from "../../engine/sensitivity/analyses";
import type { SensitivityParameter } from "../../engine/sensitivity/parameters";
import type { Scenario } from "../../engine/types";
import type { Lang } from "../../present/format";
import { cellA1, rectA1 } from "../a1";
import { RESULT_SHEETS, SENSITIVITY_PARAMETER_LABELS } from "../names";
import { keyCellNames, SheetWriter } from "./sheet-writer";
import { resultSelectorText } from "../read/read-sensitivity";
import type { CellStyle, CellValue, ChartSpec, NameSpec, NoteSpec, SheetSpec } from "../sheet-model";
import { sheetFingerprintName, stampTime, type MetaContext } from "./meta-sheet";

export interface SensitivityContext extends MetaContext {
  /** The fingerprint of the input snapshot the analyses were computed from (`snapshotFingerprint`). */
  readonly inputFingerprint: string;
}

const KR = "#,##0";
const RATE = "0.0%";
const CHANGE = "+0.0%;-0.0%;0.0%";
const YEARS = "0";

/** Defined names of the sensitivity sheet's key cells. Suffix: "A1", "A2"… (actors in order) or "Total". */
export const SENSITIVITY_RESULT_NAMES = {
  grid: "SOM_Fls_Gitter",
  successRate: "SOM_Fls_KritiskSuccesrate_",
  consequenceChange: "SOM_Fls_KritiskKonsekvens_",
  costChange: "SOM_Fls_KritiskOmkostning_",
} as const;

const T = {
  da: {
    title: "SØM-følsomhedsanalyser",
    status: "Status",
    statusHelp:
      "«Forældet» betyder, at input er ændret efter denne følsomhedsanalyse (også når Resultater er beregnet igen siden): kør følsomhedsanalysen igen.",
    fingerprint: "Beregnet på input-aftryk",
    fingerprintName:
      "Input-aftrykket, analyserne er beregnet på (status er «Aktuel», når det er lig SOM_Meta_Inputaftryk og input ikke er ændret)",
    stamp: "Beregningsgrundlag",
    engine: "Motorversion",
    calculated: "Beregnet",
    priceLevel: "Prisniveau",
    discountRate: "Diskonteringsrente",
    horizon: "Tidshorisont (år)",
    oneWayTitle:
      "Envejsfølsomhed: hver parameter ved lav og høj værdi (kr. i prisniveau; positive tal = gevinst)",
    parameter: "Parameter",
    variant: "Variant",
    value: "Værdi",
    base: "Basis",
    low: "Lav",
    high: "Høj",
    total: "I alt",
    net: (who: string): string => `Nettoresultat: ${who}`,
    pv: (who: string): string => `Nutidsværdi: ${who}`,
    year: (who: string): string => `Tilbagebetalingsår: ${who}`,
    notWithin: "ikke inden for tidshorisonten",
    tornadoTitle: "Tornado: samlet nettoresultat ved lav og høj værdi, sorteret efter udsving",
    lowValue: "Lav værdi",
    highValue: "Høj værdi",
    totalAtLow: "I alt ved lav",
    totalAtHigh: "I alt ved høj",
    swing: "Udsving",
    atLow: (who: string): string => `${who} ved lav`,
    atHigh: (who: string): string => `${who} ved høj`,
    chartData: "Diagramdata: ændring i samlet nettoresultat i forhold til basis (største udsving nederst)",
    changeAtLow: "Ved lav",
    changeAtHigh: "Ved høj",
    chartTitle: "Tornado: ændring i samlet nettoresultat (kr.)",
    gridTitle: (result: string): string => `Tovejsfølsomhed: ${result} (kr. i prisniveau)`,
    gridAxes: (y: string, x: string): string =>
      `Rækker: ${y}. Kolonner: ${x}. Farveskala: rød under 0, hvid ved 0, grøn over 0.`,
    gridBase: (desc: string, value: string): string => `Basis (fed): ${desc} giver ${value} kr.`,
    gridNoBase: (value: string): string =>
      `Basisscenariet ligger ikke på gitteret; basisresultatet er ${value} kr.`,
    baseNote: "Basisscenariet",
    breakEvenTitle: "Kritiske værdier: hvor aktørens nettoresultat over tidshorisonten er 0",
    who: "Aktør",
    beSuccess: "Kritisk succesrate (alle effektmål)",
    beConsequence: "Kritisk ændring i konsekvenser",
    beCost: "Kritisk ændring i omkostninger",
    alwaysPositive: "ikke opnåelig: altid positivt",
    alwaysNegative: "ikke opnåelig: altid negativt",
    rulesTitle: "Projektets egne beslutninger [D] for følsomhedsanalyserne (ikke officiel SØM-adfærd)",
    rules: [
      "[D] Succesrate sætter alle effektmåls succesrate til værdien; Konsekvenser ganger alle Δq med (1 + ændring); Omkostninger ganger alle beløb (inkl. sparede) med (1 + ændring); Priser ganger alle priser med (1 + ændring); Deltagere ganger alle N_s (startere) med (1 + ændring); Tidshorisont sætter F, og beregningsårene følger med (pr. kohorte T = driftsperiode + varighed + F − 2, ved kalenderår T = F); input uden for de nye år ignoreres.",
      "[D] Hver variant er en fuld genberegning af modellen; intet er lineært fremskrevet.",
      "[D] Tornadoen sorteres efter udsving |høj − lav| i samlet nettoresultat.",
      "[D] Gitteret anvender først rækkens parameter, derefter kolonnens.",
      "[D] Kritiske værdier: den fælles succesrate (0–100 %), ændringen i alle konsekvenser og ændringen i alle omkostninger (begge ≥ −100 %), hvor nettoresultatet over tidshorisonten er 0; bekræftet ved genberegning. »Ikke opnåelig« når ingen lovlig værdi giver 0.",
      "[D] Uden følsomhedsindstillinger i projektmappen bruges standarder: succesrate ½ og 1½ gange basis, konsekvenser, omkostninger og deltagere ±25 %, priser ±10 %, tidshorisont ±5 år; gitter succesrate (kolonner, 0 til 2 gange basis) × ændring i konsekvenser (rækker, −50 % til +50 %), samlet nettoresultat.",
    ],
    namesTitle: "Definerede navne (brug dem i egne formler)",
    nameCol: "Navn",
    meaning: "Betydning",
    gridName: "Gitterets resultatceller",
    beName: (what: string, who: string): string => `${what}, ${who}`,
  },
  en: {
    title: "SØM sensitivity analyses",
    status: "Status",
    statusHelp:
      "“Out of date” means that inputs changed after this sensitivity analysis (also when Resultater has been recalculated since): run the sensitivity analysis again.",
    fingerprint: "Computed from input fingerprint",
    fingerprintName:
      "The input fingerprint the analyses were computed from (the status is “Current” while it equals SOM_Meta_Inputaftryk and no input changed)",
    stamp: "Basis of calculation",
    engine: "Engine version",
    calculated: "Calculated",
    priceLevel: "Price level",
    discountRate: "Discount rate",
    horizon: "Horizon (years)",
    oneWayTitle:
      "One-way sensitivity: each parameter at its low and high value (kr. at the price level; positive = gain)",
    parameter: "Parameter",
    variant: "Variant",
    value: "Value",
    base: "Base",
    low: "Low",
    high: "High",
    total: "Total",
    net: (who: string): string => `Net result: ${who}`,
    pv: (who: string): string => `Present value: ${who}`,
    year: (who: string): string => `Break-even year: ${who}`,
    notWithin: "not within the horizon",
    tornadoTitle: "Tornado: total net result at the low and high value, sorted by swing",
    lowValue: "Low value",
    highValue: "High value",
    totalAtLow: "Total at low",
    totalAtHigh: "Total at high",
    swing: "Swing",
    atLow: (who: string): string => `${who} at low`,
    atHigh: (who: string): string => `${who} at high`,
    chartData: "Chart data: change in total net result from the base (largest swing last)",
    changeAtLow: "At low",
    changeAtHigh: "At high",
    chartTitle: "Tornado: change in total net result (kr.)",
    gridTitle: (result: string): string => `Two-way sensitivity: ${result} (kr. at the price level)`,
    gridAxes: (y: string, x: string): string =>
      `Rows: ${y}. Columns: ${x}. Colour scale: red below 0, white at 0, green above 0.`,
    gridBase: (desc: string, value: string): string => `Base (bold): ${desc} gives ${value} kr.`,
    gridNoBase: (value: string): string =>
      `The base case is not on the grid; the base result is ${value} kr.`,
    baseNote: "The base case",
    breakEvenTitle: "Break-even values: where the actor's net result over the horizon is 0",
    who: "Actor",
    beSuccess: "Break-even success rate (all outcomes)",
    beConsequence: "Break-even change in consequences",
    beCost: "Break-even change in costs",
    alwaysPositive: "not reachable: always positive",
    alwaysNegative: "not reachable: always negative",
    rulesTitle: "The project's own decisions [D] for the sensitivity analyses (not official SØM behaviour)",
    rules: [
      "[D] Success rate sets every outcome's success rate to the value; Consequences multiplies every Δq by (1 + change); Costs multiplies every amount (saved costs included) by (1 + change); Prices multiplies every price by (1 + change); Participants multiplies every N_s (starters) by (1 + change); Horizon sets F and the calculation years follow (per cohort T = operating period + duration + F − 2, by calendar years T = F); inputs outside the new years are ignored.",
      "[D] Every variant is a full recomputation of the model; nothing is extrapolated linearly.",
      "[D] The tornado is sorted by swing |high − low| in total net result.",
      "[D] The grid applies the row's parameter first, then the column's.",
      "[D] Break-even values: the common success rate (0–100 %), the change in all consequences and the change in all costs (both ≥ −100 %) at which the net result over the horizon is 0; confirmed by recomputation. “Not reachable” when no legal value gives 0.",
      "[D] Without sensitivity settings in the workbook, defaults are used: success rate ½ and 1½ times the base, consequences, costs and participants ±25 %, prices ±10 %, horizon ±5 years; grid success rate (columns, 0 to 2 times the base) × change in consequences (rows, −50 % to +50 %), total net result.",
    ],
    namesTitle: "Defined names (use them in your own formulas)",
    nameCol: "Name",
    meaning: "Meaning",
    gridName: "The grid's result cells",
    beName: (what: string, who: string): string => `${what}, ${who}`,
  },
} as const;

type Texts = (typeof T)[Lang];

const label = (p: SensitivityParameter, lang: Lang): string =>
  SENSITIVITY_PARAMETER_LABELS.find((l) => l.key === p)?.[lang] ?? p;

/** Number format of a parameter value: rate, signed change or years. */
const valueFormat = (p: SensitivityParameter): string =>
  p === "successRate" ? RATE : p === "horizon" ? YEARS : CHANGE;

/** A parameter value as text for a sentence (display only: 1 decimal for percentages). */
function valueText(p: SensitivityParameter, v: number, lang: Lang): string {
  if (p === "horizon") return lang === "da" ? `${v} år` : `${v} years`;
  const pct = Math.round(v * 1000) / 10;
  const s = `${p !== "successRate" && pct > 0 ? "+" : ""}${pct}`;
  return `${lang === "da" ? s.replace(".", ",") : s} %`;
}

const krText = (v: number, lang: Lang): string =>
  Math.round(v)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === "da" ? "." : ",")
    .replace("-", "−");

function breakEvenCell(v: BreakEvenValue, t: Texts): CellValue {
  if (v.reachable) return v.value;
  return v.reason === "always-positive" ? t.alwaysPositive : t.alwaysNegative;
}

/**
 * The `Følsomhedsresultater` sheet and its defined names. Pure: the same inputs (and `ctx.now`) give the
 * same spec.
 * @example renderSensitivitySheet(analysis, scenario, { now, lang: "da", engineVersion }).sheet.name === "Følsomhedsresultater"
 */
export function renderSensitivitySheet(
  analysis: SensitivityAnalysis,
  scenario: Scenario,
  ctx: SensitivityContext,
): { readonly sheet: SheetSpec; readonly names: readonly NameSpec[] } {
  const lang = ctx.lang;
  const t = T[lang];
  const sheetName = RESULT_SHEETS.sensitivity;
  const w = new SheetWriter();
  const names: NameSpec[] = [];
  const notes: NoteSpec[] = [];
  const charts: ChartSpec[] = [];
  // The actors the perspective reports (Kun kommune: the Kommune actors), as the analyses' per-actor figures.
  const actors = reportedActors(scenario);
  const s = scenario.settings;

  // Title, status, stamp (the input fingerprint as the stamp's last line).
  const head = w.statusAndStamp({
    sheet: sheetName,
    lang,
    title: `${t.title}: ${scenario.intervention}`,
    statusLabel: t.status,
    statusHelp: t.statusHelp,
    stampTitle: t.stamp,
    lines: [
      [t.engine, ctx.engineVersion, "@"],
      [t.calculated, stampTime(ctx.now), "@"],
      [t.priceLevel, s.priceLevel, YEARS],
      [t.discountRate, s.discountRate, RATE],
      [t.horizon, s.horizon, YEARS],
    ],
    fingerprintLabel: t.fingerprint,
    fingerprint: ctx.inputFingerprint,
  });
  names.push(head.name);
  w.skip();

  // The model the figures follow (same wording as Resultater, src/present/model-text.ts): the horizon parameter
  // sets F under this method, and with Kun kommune every figure is the Kommune actors' only.
  const m = MODEL_LABELS[lang];
  const model: CellValue[][] = [
    [m.method, methodText(s.horizonMethod, s.horizon, lang)],
    [m.duration, s.duration],
    [m.perspective, perspectiveText(s.perspective, lang)],
  ];
  const leftOut = scenario.actors.filter((a) => !actors.includes(a)).map((a) => a.name);
  if (leftOut.length > 0) model.push([m.leftOut, leftOut.join(", ")]);
  w.add([[m.title]], { style: "subtitle" });
  w.add(model, { numberFormat: model.map((_, i) => ["@", i === 1 ? YEARS : "@"]), style: "stamp" });
  w.skip();

  // One-way table.
  const scopes = [t.total, ...actors.map((a) => a.name)];
  const figuresOf = (v: VariantFigures): FigureSet[] => [v.total, ...v.byActor];
  w.add([[t.oneWayTitle]], { style: "subtitle" });
  w.add(
    [[t.parameter, t.variant, t.value, ...scopes.flatMap((who) => [t.net(who), t.pv(who), t.year(who)])]],
    {
      style: "header",
    },
  );
  const oneWayWidth = 3 + 3 * scopes.length;
  const figureCells = (v: VariantFigures): CellValue[] =>
    figuresOf(v).flatMap((f) => [f.netTotal, f.presentValue, f.breakEvenYear ?? t.notWithin]);
  const figureFormats = scopes.flatMap(() => [KR, KR, YEARS]);
  w.add([[t.base, t.base, null, ...figureCells(analysis.oneWay.base)]], {
    numberFormat: [["@", "@", "@", ...figureFormats]],
    style: "outputBold",
  });
  const oneWayRows: CellValue[][] = [];
  const oneWayFormats: string[][] = [];
  for (const r of analysis.oneWay.rows) {
    for (const [variant, v] of [
      [t.low, r.low],
      [t.high, r.high],
    ] as const) {
      oneWayRows.push([label(r.parameter, lang), variant, v.value, ...figureCells(v)]);
      oneWayFormats.push(["@", "@", valueFormat(r.parameter), ...figureFormats]);
    }
  }
  w.add(oneWayRows, { numberFormat: oneWayFormats, style: "output" });
  w.skip();

  // Tornado table, chart data and chart.
  w.pageBreak();
  const bars = analysis.tornado.bars;
  const baseTotal = analysis.tornado.baseTotal;
  w.add([[t.tornadoTitle]], { style: "subtitle" });
  const tornadoTop = w.add(
    [
      [
        t.parameter,
        t.lowValue,
        t.highValue,
        t.totalAtLow,
        t.totalAtHigh,
        t.swing,
        ...actors.flatMap((a) => [t.atLow(a.name), t.atHigh(a.name)]),
      ],
    ],
    { style: "header" },
  );
  const tornadoWidth = 6 + 2 * actors.length;
  w.add(
    bars.map((b) => [
      label(b.parameter, lang),
      b.low,
      b.high,
      b.total.low,
      b.total.high,
      b.swing,
      ...b.byActor.flatMap((x) => [x.low, x.high]),
    ]),
    {
      numberFormat: bars.map((b) => [
        "@",
        valueFormat(b.parameter),
        valueFormat(b.parameter),
        KR,
        KR,
        KR,
        ...b.byActor.flatMap(() => [KR, KR]),
      ]),
      style: "output",
    },
  );
  let after = w.row;
  if (bars.length > 0) {
    const dataCol = tornadoWidth + 1;
    const reversed = [...bars].reverse();
    w.put(tornadoTop - 1, dataCol, [[t.chartData]], { style: "muted" });
    w.put(tornadoTop, dataCol, [[t.parameter, t.changeAtLow, t.changeAtHigh]], { style: "header" });
    w.put(
      tornadoTop + 1,
      dataCol,
      reversed.map((b) => [label(b.parameter, lang), b.total.low - baseTotal, b.total.high - baseTotal]),
      { numberFormat: reversed.map(() => ["@", KR, KR]), style: "output" },
    );
    const first = tornadoTop + 1;
    const last = tornadoTop + bars.length;
    const col = (c: number): string => rectA1({ row: first, col: c, rows: last - first + 1, cols: 1 });
    const heightRows = Math.max(12, 2 * bars.length + 6);
    charts.push({
      kind: "bar",
      title: t.chartTitle,
      categories: col(dataCol),
      series: [
        { name: t.changeAtLow, ref: col(dataCol + 1) },
        { name: t.changeAtHigh, ref: col(dataCol + 2) },
      ],
      anchor: cellA1(tornadoTop - 1, dataCol + 4),
      widthCols: 8,
      heightRows,
    });
    after = Math.max(after, tornadoTop - 1 + heightRows);
  }
  w.row = after;
  w.skip();

  // Two-way grid.
  w.pageBreak();
  const g = analysis.grid;
  const resultText = resultSelectorText(g.result, scenario, lang);
  w.add([[t.gridTitle(resultText)]], { style: "subtitle" });
  w.add([[t.gridAxes(label(g.y.parameter, lang), label(g.x.parameter, lang))]], { style: "guidance" });
  const gridHeader = w.add(
    [[`${label(g.y.parameter, lang)} \\ ${label(g.x.parameter, lang)}`, ...g.x.values]],
    { numberFormat: [["@", ...g.x.values.map(() => valueFormat(g.x.parameter))]], style: "header" },
  );
  const gridTop = gridHeader + 1;
  w.add(
    g.y.values.map((v) => [v]),
    { numberFormat: g.y.values.map(() => [valueFormat(g.y.parameter)]), style: "header" },
  );
  const cellRect = {
    row: gridTop,
    col: 1,
    rows: Math.max(1, g.y.values.length),
    cols: Math.max(1, g.x.values.length),
  };
  w.put(
    gridTop,
    1,
    g.cells.map((row) => [...row]),
    { numberFormat: KR, style: "output" },
  );
  const colorScales =
    g.y.values.length > 0 && g.x.values.length > 0 ? [{ ref: rectA1(cellRect), midValue: 0 }] : [];
  names.push({ name: SENSITIVITY_RESULT_NAMES.grid, sheet: sheetName, ref: rectA1(cellRect) });
  const bx = g.baseIndex.x;
  const by = g.baseIndex.y;
  if (bx !== null && by !== null) {
    const r = gridTop + by;
    const c = 1 + bx;
    // The base cell again, bold (written after the grid block, so it wins) and with a note.
    w.put(r, c, [[g.cells[by]?.[bx] ?? null]], { numberFormat: KR, style: "outputBold" });
    notes.push({ ref: cellA1(r, c), text: t.baseNote });
    const desc = `${label(g.y.parameter, lang)} ${valueText(g.y.parameter, g.y.values[by] ?? 0, lang)}, ${label(g.x.parameter, lang)} ${valueText(g.x.parameter, g.x.values[bx] ?? 0, lang)}`;
    w.add([[t.gridBase(desc, krText(g.baseValue, lang))]], { style: "guidance" });
  } else {
    w.add([[t.gridNoBase(krText(g.baseValue, lang))]], { style: "guidance" });
  }
  w.skip();

  // Break-even values.
  w.pageBreak();
  w.add([[t.breakEvenTitle]], { style: "subtitle" });
  w.add([[t.who, t.beSuccess, t.beConsequence, t.beCost]], { style: "header" });
  const beTop = w.row;
  const beRows: { who: string; suffix: string; be: BreakEvenValues; style: CellStyle }[] = [
    ...actors.map((a, i) => {
      const be = analysis.breakEven.byActor[i];
      if (be === undefined) throw new RangeError(`No break-even values for actor ${i}`);
      return { who: a.name, suffix: `A${i + 1}`, be, style: "output" as const };
    }),
    { who: t.total, suffix: "Total", be: analysis.breakEven.total, style: "total" },
  ];
  beRows.forEach((r) =>
    w.add(
      [
        [
          r.who,
          breakEvenCell(r.be.successRate, t),
          breakEvenCell(r.be.consequenceChange, t),
          breakEvenCell(r.be.costChange, t),
        ],
      ],
      { numberFormat: [["@", RATE, CHANGE, CHANGE]], style: r.style },
    ),
  );
  const beKeys = keyCellNames(sheetName, beTop, beRows, [
    { prefix: SENSITIVITY_RESULT_NAMES.successRate, col: 1, meaning: (who) => t.beName(t.beSuccess, who) },
    {
      prefix: SENSITIVITY_RESULT_NAMES.consequenceChange,
      col: 2,
      meaning: (who) => t.beName(t.beConsequence, who),
    },
    { prefix: SENSITIVITY_RESULT_NAMES.costChange, col: 3, meaning: (who) => t.beName(t.beCost, who) },
  ]);
  names.push(...beKeys.names);
  w.skip();

  // [D] rules and the names table.
  w.rulesAndNamesHeader(t, "guidance", 8);
  w.add(
    [
      [SENSITIVITY_RESULT_NAMES.grid, `${t.gridName} (${resultText})`],
      [sheetFingerprintName(sheetName), t.fingerprintName],
      ...beKeys.table,
    ],
    { style: "label" },
  );

  const widest = Math.max(oneWayWidth, tornadoWidth + 4, 1 + g.x.values.length);
  const sheet: SheetSpec = {
    name: sheetName,
    role: "result",
    columnWidths: [34, ...Array.from({ length: widest - 1 }, () => 16)],
    blocks: w.blocks,
    conditionalFormats: [head.statusFormat],
    colorScales,
    notes,
    charts,
    freeze: { rows: 0, cols: 1 },
    tabColor: "1F6E6E",
    merges: w.merges,
    pageBreaks: w.pageBreaks,
  };
  return { sheet, names };
}
