/**
 * Presentation: the one place where numbers are rounded and formatted for people.
 * Danish first ("1.234.567 kr.", "3,5 %"), English on request ("1,234,567 kr.", "3.5 %").
 * The engine never rounds; only these functions do.
 */
export type Lang = "da" | "en";

const locale = (lang: Lang): string => (lang === "da" ? "da-DK" : "en-GB");

const formatters = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}|${min}|${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: true });
    formatters.set(key, f);
  }
  return f;
}

/** Rounds -0 to 0 so "-0 kr." never shows. */
const clean = (x: number): number => (Object.is(x, -0) || Math.abs(x) < 1e-9 ? 0 : x);

/** A plain number with grouping: formatNumber(1234567.8) → "1.234.568"; decimals default 0. */
export function formatNumber(value: number, lang: Lang = "da", decimals = 0): string {
  const factor = 10 ** decimals;
  return nf(lang, decimals, decimals).format(clean(Math.round(value * factor) / factor));
}

/** An amount in kroner, rounded to whole kroner: formatKr(1234567.4) → "1.234.567 kr." */
export function formatKr(value: number, lang: Lang = "da"): string {
  return `${formatNumber(value, lang, 0)} kr.`;
}

/** A share as a percentage: formatPercent(0.035) → "3,5 %" (Danish style with a space). */
export function formatPercent(share: number, lang: Lang = "da", maxDecimals = 1): string {
  const factor = 10 ** maxDecimals;
  return `${nf(lang, 0, maxDecimals).format(clean(Math.round(share * 100 * factor) / factor))} %`;
}

/** A ratio such as return per krone: formatRatio(2.634) → "2,63". */
export function formatRatio(value: number, lang: Lang = "da", decimals = 2): string {
  return nf(lang, decimals, decimals).format(clean(value));
}

/**
 * Round a list of amounts to whole kroner so that the rounded parts add up to the rounded total
 * (largest-remainder method). Used where per-actor rounded figures are shown next to a rounded total.
 */
export function roundPreservingSum(values: readonly number[]): number[] {
  const total = Math.round(values.reduce((a, b) => a + b, 0));
  const floors = values.map((v) => Math.floor(v));
  let remainder = total - floors.reduce((a, b) => a + b, 0);
  const order = values.map((v, i) => ({ i, frac: v - Math.floor(v) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  const out = [...floors];
  for (const { i } of order) {
    if (remainder <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    remainder -= 1;
  }
  return out;
}
