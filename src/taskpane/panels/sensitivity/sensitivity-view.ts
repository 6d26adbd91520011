/**
 * What the Følsomhed panel shows, as plain data (pure, tested in Node): the tornado bars with their texts and
 * geometry, the break-even values per actor, and a one-line grid summary. All rounding happens here, through
 * `src/present/format.ts`; the analysis itself is unrounded.
 */
import { reportedActors } from "../../../engine/calculate";
import type { BreakEvenValue, SensitivityAnalysis } from "../../../engine/sensitivity/analyses";
import type { SensitivityParameter } from "../../../engine/sensitivity/parameters";
import type { Scenario } from "../../../engine/types";
import { formatKr, formatNumber, formatPercent, type Lang } from "../../../present/format";
import { SENSITIVITY_PARAMETER_LABELS } from "../../../workbook/names";
import { resultSelectorText } from "../../../workbook/read/read-sensitivity";
import type { Text } from "../../panel";

export const ST = {
  tab: { da: "Følsomhed", en: "Sensitivity" },
  intro: {
    da: "Følsomhedsanalyserne genberegner modellen for hver variant. Indstillingerne står på arket Følsomhed (navnene SOM_Foelsomhed, SOM_Grid_X, SOM_Grid_Y og SOM_Grid_Resultat); mangler de, bruges standarder. Resultatet skrives til arket Følsomhedsresultater.",
    en: "The sensitivity analyses recompute the model for every variant. The settings are on the Sensitivity sheet (the names SOM_Foelsomhed, SOM_Grid_X, SOM_Grid_Y and SOM_Grid_Resultat); defaults are used when they are missing. The results are written to the sheet Følsomhedsresultater.",
  },
  run: { da: "Beregn følsomhed", en: "Calculate sensitivity" },
  computing: { da: "Beregner følsomhed …", en: "Calculating sensitivity …" },
  issues: {
    da: "Følsomhedsanalysen kan ikke beregnes: {count} problem(er) i input. Se listen.",
    en: "The sensitivity analysis cannot be calculated: {count} input problem(s). See the list.",
  },
  done: {
    da: "Følsomhedsanalyserne er skrevet til arket »Følsomhedsresultater« (og »Resultater« er opdateret).",
    en: "The sensitivity analyses were written to the sheet “Følsomhedsresultater” (and “Resultater” was updated).",
  },
  cancelled: {
    da: "Følsomhedsberegningen er afbrudt; intet er skrevet.",
    en: "The sensitivity calculation was cancelled; nothing was written.",
  },
  tornadoTitle: { da: "Tornado: samlet nettoresultat", en: "Tornado: total net result" },
  tornadoNote: {
    da: "Basis {base} – bjælkerne viser ændringen ved lav og høj værdi, største udsving øverst.",
    en: "Base {base} – the bars show the change at the low and the high value, largest swing on top.",
  },
  atLow: { da: "Lav", en: "Low" },
  atHigh: { da: "Høj", en: "High" },
  swing: { da: "Udsving", en: "Swing" },
  breakEvenTitle: { da: "Kritiske værdier (nettoresultat = 0)", en: "Break-even values (net result = 0)" },
  beSuccess: { da: "Succesrate", en: "Success rate" },
  beConsequence: { da: "Konsekvenser", en: "Consequences" },
  beCost: { da: "Omkostninger", en: "Costs" },
  total: { da: "I alt", en: "Total" },
  alwaysPositive: { da: "altid positivt", en: "always positive" },
  alwaysNegative: { da: "altid negativt", en: "always negative" },
  gridSummary: {
    da: "Gitter {rows} × {cols} ({result}; rækker: {y}, kolonner: {x}) er skrevet til arket med farveskala; basis {base}",
    en: "Grid {rows} × {cols} ({result}; rows: {y}, columns: {x}) was written to the sheet with a colour scale; base {base}",
  },
} as const satisfies Record<string, Text>;

const label = (p: SensitivityParameter, lang: Lang): string =>
  SENSITIVITY_PARAMETER_LABELS.find((l) => l.key === p)?.[lang] ?? p;

/** A parameter value for display: a rate, a signed change in % or years. */
export function parameterValueText(p: SensitivityParameter, v: number, lang: Lang): string {
  if (p === "horizon")
    return lang === "da" ? `${formatNumber(v, lang)} år` : `${formatNumber(v, lang)} years`;
  const text = formatPercent(v, lang);
  return p !== "successRate" && v > 0 ? `+${text}` : text;
}

export interface TornadoBarView {
  readonly parameter: string;
  /** "Succesrate 12,5 % → 911.500 kr." */
  readonly lowText: string;
  readonly highText: string;
  readonly swingText: string;
  /** Σ NR − base, kr. (for the bar geometry). */
  readonly lowDelta: number;
  readonly highDelta: number;
}

export interface TornadoView {
  readonly baseText: string;
  readonly bars: readonly TornadoBarView[];
  /** Largest |delta| of all bars (0 when none): the half-width of the axis. */
  readonly maxAbs: number;
}

export function tornadoView(analysis: SensitivityAnalysis, lang: Lang): TornadoView {
  const base = analysis.tornado.baseTotal;
  const bars = analysis.tornado.bars.map((b) => ({
    parameter: label(b.parameter, lang),
    lowText: `${parameterValueText(b.parameter, b.low, lang)} → ${formatKr(b.total.low, lang)}`,
    highText: `${parameterValueText(b.parameter, b.high, lang)} → ${formatKr(b.total.high, lang)}`,
    swingText: formatKr(b.swing, lang),
    lowDelta: b.total.low - base,
    highDelta: b.total.high - base,
  }));
  const maxAbs = bars.reduce((m, b) => Math.max(m, Math.abs(b.lowDelta), Math.abs(b.highDelta)), 0);
  return { baseText: formatKr(base, lang), bars, maxAbs };
}

export interface BreakEvenView {
  readonly who: string;
  readonly isTotal: boolean;
  readonly successRate: string;
  readonly consequenceChange: string;
  readonly costChange: string;
}

function beText(v: BreakEvenValue, change: boolean, lang: Lang): string {
  if (!v.reachable) return (v.reason === "always-positive" ? ST.alwaysPositive : ST.alwaysNegative)[lang];
  const text = formatPercent(v.value, lang);
  return change && v.value > 0 ? `+${text}` : text;
}

export function breakEvenView(
  analysis: SensitivityAnalysis,
  scenario: Scenario,
  lang: Lang,
): BreakEvenView[] {
  const rows = [
    ...reportedActors(scenario).map((a, i) => ({
      who: a.name,
      isTotal: false,
      be: analysis.breakEven.byActor[i],
    })),
    { who: ST.total[lang], isTotal: true, be: analysis.breakEven.total },
  ];
  return rows.flatMap((r) =>
    r.be === undefined
      ? []
      : [
          {
            who: r.who,
            isTotal: r.isTotal,
            successRate: beText(r.be.successRate, false, lang),
            consequenceChange: beText(r.be.consequenceChange, true, lang),
            costChange: beText(r.be.costChange, true, lang),
          },
        ],
  );
}

/** One sentence about the grid written to the sheet. */
export function gridSummary(analysis: SensitivityAnalysis, scenario: Scenario, lang: Lang): string {
  const g = analysis.grid;
  const values: Readonly<Record<string, string | number>> = {
    rows: g.y.values.length,
    cols: g.x.values.length,
    result: resultSelectorText(g.result, scenario, lang),
    y: label(g.y.parameter, lang),
    x: label(g.x.parameter, lang),
    base: formatKr(g.baseValue, lang),
  };
  return ST.gridSummary[lang].replace(/\{(\w+)\}/g, (m, k: string) =>
    Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m,
  );
}
