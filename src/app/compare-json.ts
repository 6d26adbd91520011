/**
 * The machine-readable comparison (`som compare <file.xlsx> --json`): every compared scenario's key inputs
 * and key figures (total, per level, per actor), its cumulative net result, and the decomposition of one
 * pair with its method and [D] rules. Amounts are plain numbers in kroner at the scenario's price level,
 * unrounded; undefined key figures are `null` (som-method.md §6). Actor names are user text, so actors are
 * arrays of objects, never object keys.
 */
import type { FigureDecomposition, ScopeDecomposition } from "../engine/decompose/decompose";
import { DECOMPOSITION_FACTORS } from "../engine/decompose/mix-scenarios";
import type { ResultBlock } from "../engine/types";
import { LEVELS } from "../engine/types";
import type { Lang } from "../present/format";
import {
  DECOMPOSITION_RULES,
  type ComparisonEntry,
  type ComparisonModel,
} from "../workbook/render/comparison-sheet";
import { finiteJsonText } from "./contract-json";

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** Thrown when a number in the document is not finite (a programmer error). */
export class NonFiniteCompareNumberError extends Error {
  override readonly name = "NonFiniteCompareNumberError";
}

const figures = (b: ResultBlock): { [key: string]: Json } => ({
  netTotal: b.netTotal,
  presentValue: b.presentValue,
  breakEvenYear: b.breakEvenYear,
  returnPerKrone: b.returnPerKrone,
  costTotal: b.costTotal,
  consequenceTotal: b.consequenceTotal,
});

function entryJson(e: ComparisonEntry): Json {
  const s = e.scenario;
  const r = e.results;
  return {
    name: e.name,
    savedAt: e.savedAt,
    intervention: s.intervention,
    startYear: s.settings.startYear,
    horizon: s.settings.horizon,
    operatingPeriod: s.settings.operatingPeriod,
    priceLevel: s.settings.priceLevel,
    discountRate: s.settings.discountRate,
    totalCompleters: r.totalCompleters,
    successRates: s.effects.map((x) => ({ effect: x.name, successRate: x.successRate })),
    years: [...r.years],
    cumulativeNet: [...r.total.cumulative],
    total: figures(r.total),
    byLevel: LEVELS.filter((l) => r.byLevel.has(l)).map((level) => {
      const b = r.byLevel.get(level) as ResultBlock;
      return { level, ...figures(b) };
    }),
    byActor: r.actors.map((a, i) => {
      const b = r.byActor[i] as ResultBlock;
      return { name: a.name, level: a.level, ...figures(b) };
    }),
  };
}

const figureJson = (f: FigureDecomposition): Json => ({
  from: f.from,
  to: f.to,
  difference: f.difference,
  contributions: Object.fromEntries(DECOMPOSITION_FACTORS.map((k) => [k, f.contributions[k]])),
});

const scopeJson = (s: ScopeDecomposition): Json => ({
  ...(s.scope.kind === "total"
    ? {}
    : s.scope.kind === "level"
      ? { level: s.scope.level }
      : { name: s.scope.name }),
  netTotal: figureJson(s.netTotal),
  presentValue: figureJson(s.presentValue),
});

/** The comparison as a JSON value. */
export function toCompareJson(model: ComparisonModel, lang: Lang): Json {
  const d = model.decomposition;
  let decomposition: Json = null;
  if (d !== null) {
    decomposition = d.outcome.ok
      ? {
          from: d.from,
          to: d.to,
          method: "shapley-exact",
          factors: [...DECOMPOSITION_FACTORS],
          rules: [...DECOMPOSITION_RULES[lang]],
          worstRelativeError: d.outcome.value.worstRelativeError,
          total: scopeJson(d.outcome.value.total),
          byLevel: d.outcome.value.byLevel.map(scopeJson),
          byActor: d.outcome.value.byActor.map(scopeJson),
        }
      : { from: d.from, to: d.to, error: d.outcome.reason };
  }
  return {
    scenarios: model.entries.map(entryJson),
    skipped: model.skipped.map((s) => ({ name: s.name, reason: s.reason[lang] })),
    decomposition,
  };
}

/** The comparison as JSON text (2-space indent). */
export function compareJsonText(model: ComparisonModel, lang: Lang): string {
  return finiteJsonText(
    toCompareJson(model, lang),
    (v) => new NonFiniteCompareNumberError(`Not a finite number: ${v}`),
  );
}
