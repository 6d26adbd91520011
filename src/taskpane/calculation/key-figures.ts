/**
 * Key figures per actor for the calculation panel (pure; formatted with `src/present/format.ts`).
 * som-method.md §6: Σ net result over the horizon (kr. at price level P, positive = gain for the public
 * budget), break-even year (first calendar year from which the cumulative net result stays ≥ 0 through H) and
 * return per krone (Σ V / Σ C, undefined without costs).
 */
import type { Effect, ResultBlock, Results } from "../../engine/types";
import { formatKr, formatPercent, formatRatio, type Lang } from "../../present/format";
import { T, tr } from "../i18n";

export interface KeyFigureRow {
  /** Actor name (user text), or "I alt"/"Total" for the total row. */
  readonly name: string;
  /** Level label of the actor ("" for the total). */
  readonly level: string;
  readonly isTotal: boolean;
  /** Σ NR over the horizon, e.g. "1.234.567 kr." */
  readonly net: string;
  /** Sign of Σ NR: for colouring (gain / loss / zero). */
  readonly sign: -1 | 0 | 1;
  readonly breakEven: string;
  readonly breakEvenDefined: boolean;
  readonly returnPerKrone: string;
  readonly returnPerKroneDefined: boolean;
  /** Present value PV (year 1 undiscounted [D]), e.g. "1.234.567 kr." */
  readonly presentValue: string;
  /**
   * The critical (break-even) success rate f* × r_e (som-method.md §6): "10,8 %" with one effect, "Job: 10,8 %;
   * Bolig: 4 %" with several; "kan ikke tjene sig hjem" when f* is undefined.
   */
  readonly critical: string;
  readonly criticalDefined: boolean;
}

const LEVEL_TEXT = {
  Kommune: { da: "Kommune", en: "Municipality" },
  Region: { da: "Region", en: "Region" },
  Stat: { da: "Stat", en: "State" },
  Andet: { da: "Andet", en: "Other" },
} as const;

function criticalText(b: ResultBlock, effects: readonly Effect[], lang: Lang): string {
  const f = b.breakEvenSuccessFactor;
  if (f === null) return tr(T.cannotBreakEven, lang);
  if (effects.length === 1) return formatPercent(f * (effects[0]?.successRate ?? 0), lang);
  return effects.map((e) => `${e.name}: ${formatPercent(f * e.successRate, lang)}`).join("; ");
}

function row(
  name: string,
  level: string,
  isTotal: boolean,
  b: ResultBlock,
  lang: Lang,
  effects: readonly Effect[],
): KeyFigureRow {
  const net = formatKr(b.netTotal, lang);
  const rounded = Math.round(b.netTotal);
  return {
    name,
    level,
    isTotal,
    net,
    sign: rounded > 0 ? 1 : rounded < 0 ? -1 : 0,
    breakEven: b.breakEvenYear === null ? tr(T.notWithinHorizon, lang) : String(b.breakEvenYear),
    breakEvenDefined: b.breakEvenYear !== null,
    returnPerKroneDefined: b.returnPerKrone !== null,
    returnPerKrone:
      b.returnPerKrone === null
        ? tr(b.undefinedReasons.returnPerKrone === "no-costs" ? T.noCosts : T.notDefined, lang)
        : formatRatio(b.returnPerKrone, lang),
    presentValue: formatKr(b.presentValue, lang),
    critical: effects.length === 0 ? tr(T.notDefined, lang) : criticalText(b, effects, lang),
    criticalDefined: b.breakEvenSuccessFactor !== null && effects.length > 0,
  };
}

/** One row per actor in the order of `results.actors`, then the total (only when there are several actors). */
export function keyFigureRows(results: Results, lang: Lang, effects: readonly Effect[] = []): KeyFigureRow[] {
  const rows = results.actors.map((a, i) => {
    const block = results.byActor[i];
    return block ? row(a.name, tr(LEVEL_TEXT[a.level], lang), false, block, lang, effects) : undefined;
  });
  const out = rows.filter((r): r is KeyFigureRow => r !== undefined);
  if (results.actors.length > 1) out.push(row(tr(T.total, lang), "", true, results.total, lang, effects));
  return out;
}
