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
    f = new Intl.NumberFormat(locale(lang), {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: true,
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * `value` with grouping and between `min` and `max` decimals, exactly as `Intl.NumberFormat` (da-DK / en-GB)
 * writes it. The callers round first (`roundHalfAway`), so the number's shortest decimal form (`String`, the
 * digits ICU formats too) usually fits: then the digits are grouped here by hand, because creating the first
 * `Intl.NumberFormat` loads the locale data (≈ 12 ms, a tenth of `som calculate`'s start-up, issue 13). Anything
 * else — exponent forms, more decimals than `max`, -0, NaN, ±∞ — goes to `Intl.NumberFormat` itself. A property
 * test (test/present/format-grouping.test.ts) holds the two equal.
 */
export function formatGrouped(value: number, lang: Lang, min: number, max: number): string {
  const digits = Number.isFinite(value) && !Object.is(value, -0) ? String(Math.abs(value)) : "e";
  const dot = digits.indexOf(".");
  const whole = dot < 0 ? digits : digits.slice(0, dot);
  const fraction = dot < 0 ? "" : digits.slice(dot + 1);
  if (digits.includes("e") || fraction.length > max) return nf(lang, min, max).format(value);
  const [group, decimal] = lang === "da" ? [".", ","] : [",", "."];
  let grouped = whole.slice(0, ((whole.length - 1) % 3) + 1);
  for (let i = grouped.length; i < whole.length; i += 3) grouped += group + whole.slice(i, i + 3);
  const decimals = fraction.padEnd(min, "0");
  return `${value < 0 ? "-" : ""}${grouped}${decimals === "" ? "" : decimal + decimals}`;
}

/** Rounds -0 to 0 so "-0 kr." never shows. */
const clean = (x: number): number => (Object.is(x, -0) || Math.abs(x) < 1e-9 ? 0 : x);

/**
 * THE rounding rule of every figure shown to people (sheet, pane, command line, report): half away from zero
 * at `decimals` decimals — what Excel's number formats (`#,##0`, `0.0%`) show for the same stored value, so the
 * sheet, the pane and the terminal show the same krone (−868.016,5 → −868.017 everywhere; `Math.round` would
 * give −868.016). Values within 1e-9 relative of a half (binary noise such as 1.005) count as the half.
 * Example: roundHalfAway(-868016.5) → -868017; roundHalfAway(0.0345, 3) → 0.035.
 */
export function roundHalfAway(value: number, decimals = 0): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const floor = Math.floor(scaled);
  const frac = scaled - floor;
  const up = frac >= 0.5 - 1e-9 * Math.max(1, scaled);
  const magnitude = (up ? floor + 1 : floor) / factor;
  return clean(value < 0 ? -magnitude : magnitude);
}

/** A plain number with grouping: formatNumber(1234567.8) → "1.234.568"; decimals default 0. */
export function formatNumber(value: number, lang: Lang = "da", decimals = 0): string {
  return formatGrouped(roundHalfAway(value, decimals), lang, decimals, decimals);
}

/** A number with at most `maxDecimals` decimals and no trailing zeros: formatDecimal(0.25) → "0,25"; 3 → "3". */
export function formatDecimal(value: number, lang: Lang = "da", maxDecimals = 2): string {
  return formatGrouped(roundHalfAway(value, maxDecimals), lang, 0, maxDecimals);
}

/** An amount in kroner, rounded to whole kroner: formatKr(1234567.4) → "1.234.567 kr." */
export function formatKr(value: number, lang: Lang = "da"): string {
  return `${formatNumber(value, lang, 0)} kr.`;
}

/** A share as a percentage: formatPercent(0.035) → "3,5 %" (Danish style with a space). */
export function formatPercent(share: number, lang: Lang = "da", maxDecimals = 1): string {
  return `${formatGrouped(roundHalfAway(share * 100, maxDecimals), lang, 0, maxDecimals)} %`;
}

/** A ratio such as return per krone: formatRatio(2.634) → "2,63". */
export function formatRatio(value: number, lang: Lang = "da", decimals = 2): string {
  return formatGrouped(roundHalfAway(value, decimals), lang, decimals, decimals);
}
