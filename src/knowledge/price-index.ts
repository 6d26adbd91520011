/**
 * The shipped nettoprisindeks (Danmarks Statistik, 2015 = 100): the index SØM converts prices with
 * (som-method.md §5: x_P = x_b × I(P) / I(b)). The data file holds DST's published MONTHLY values with their
 * source (`data/nettoprisindeks.json`); the annual figures are the mean of a year's twelve monthly values,
 * computed here — they are ours, not DST's, and are labelled as such wherever they are shown or written.
 * Only full years have an annual figure; the series states its last full year, and a price level after it
 * needs a forecast index the user types and cites (e.g. Finansministeriet's or KL's).
 *
 * Pure and browser-safe (the task pane and "Opret SØM-ark" use it as well as the command line).
 */
import indexJson from "./data/nettoprisindeks.json";

export interface PriceIndexSeries {
  /** "Nettoprisindeks". */
  readonly series: string;
  readonly publisher: string;
  /** Base year (index 100). */
  readonly base: number;
  /** URL of the publisher's page. */
  readonly source: string;
  /** The statistics table the monthly values are from. */
  readonly table: string;
  readonly confidence: "H" | "M" | "L";
  /** The last year with all twelve months (stated in the data file, checked against the table). */
  readonly lastFullYear: number;
  /** How the annual figures are made (Danish), shown with them. */
  readonly annualNote: string;
  /** "YYYY-MM" → index, in calendar order. */
  readonly monthly: ReadonlyMap<string, number>;
  /** Year → mean of its twelve monthly values (full years only), computed from `monthly`. */
  readonly annual: ReadonlyMap<number, number>;
}

/** The shipped index data is broken: a bug in the release, never the user's problem. */
export class PriceIndexDataError extends Error {
  override readonly name = "PriceIndexDataError";
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Year → mean of the twelve monthly values, for every year that has all twelve. */
export function annualMeans(monthly: ReadonlyMap<string, number>): Map<number, number> {
  const byYear = new Map<number, number[]>();
  for (const [key, value] of monthly) {
    const m = MONTH_KEY.exec(key);
    if (!m) continue;
    const year = Number(m[1]);
    const list = byYear.get(year) ?? [];
    list.push(value);
    byYear.set(year, list);
  }
  const out = new Map<number, number>();
  for (const [year, values] of [...byYear].sort((a, b) => a[0] - b[0]))
    if (values.length === 12) out.set(year, values.reduce((s, v) => s + v, 0) / 12);
  return out;
}

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks an index data file (shape, month keys, positive values, every month present from the first to the
 * last, `lastFullYear` equal to the table's) and builds the series. Returns the problems in English.
 */
export function readPriceIndexSeries(
  data: unknown,
): { ok: true; value: PriceIndexSeries } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (!isObj(data)) return { ok: false, problems: ["not an object"] };
  const str = (k: string): string => {
    const v = data[k];
    if (typeof v !== "string" || v.trim() === "") problems.push(`${k} must be a non-empty text`);
    return typeof v === "string" ? v : "";
  };
  const series = str("series");
  const publisher = str("publisher");
  const source = str("source");
  const table = str("table");
  const annualNote = str("annualNote");
  const base = data["base"];
  const lastFullYear = data["lastFullYear"];
  const confidence = data["confidence"];
  if (typeof base !== "number" || !Number.isInteger(base)) problems.push("base must be a whole year");
  if (confidence !== "H" && confidence !== "M" && confidence !== "L")
    problems.push("confidence must be H, M or L");
  const raw = data["monthly"];
  const monthly = new Map<string, number>();
  if (!isObj(raw)) problems.push("monthly must be an object");
  else
    for (const [k, v] of Object.entries(raw)) {
      if (!MONTH_KEY.test(k)) problems.push(`monthly key ${k} is not YYYY-MM`);
      else if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
        problems.push(`monthly ${k} must be a positive number`);
      else monthly.set(k, v);
    }
  const keys = [...monthly.keys()].sort();
  // No holes: every month from the first to the last.
  for (let i = 1; i < keys.length; i++) {
    const [y0, m0] = (keys[i - 1] ?? "").split("-").map(Number);
    const [y1, m1] = (keys[i] ?? "").split("-").map(Number);
    if ((y1 ?? 0) * 12 + (m1 ?? 0) !== (y0 ?? 0) * 12 + (m0 ?? 0) + 1)
      problems.push(`monthly has a gap between ${keys[i - 1]} and ${keys[i]}`);
  }
  const sorted = new Map(keys.map((k) => [k, monthly.get(k) ?? 0]));
  const annual = annualMeans(sorted);
  const lastComputed = Math.max(...annual.keys());
  if (lastFullYear !== lastComputed)
    problems.push(
      `lastFullYear is ${String(lastFullYear)}, but the last year with 12 months is ${lastComputed}`,
    );
  if (typeof base === "number" && annual.has(base) && Math.abs((annual.get(base) ?? 0) - 100) > 0.05)
    problems.push(`the base year ${base} does not average 100`);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      series,
      publisher,
      base: base as number,
      source,
      table,
      confidence: confidence as "H" | "M" | "L",
      lastFullYear: lastComputed,
      annualNote,
      monthly: sorted,
      annual,
    },
  };
}

let cache: PriceIndexSeries | undefined;

/** The shipped nettoprisindeks (validated once). Throws `PriceIndexDataError` if the shipped file is broken. */
export function shippedPriceIndex(): PriceIndexSeries {
  if (cache === undefined) {
    const r = readPriceIndexSeries(indexJson);
    if (!r.ok) throw new PriceIndexDataError(`nettoprisindeks.json is invalid: ${r.problems.join("; ")}`);
    cache = r.value;
  }
  return cache;
}

/** The text written in `Kilde` next to an annual figure of the series, in the sheet's language. */
export function annualSourceText(
  lang: "da" | "en" = "da",
  s: PriceIndexSeries = shippedPriceIndex(),
): string {
  return lang === "da"
    ? `${s.publisher}, ${s.series.toLowerCase()} (${s.base} = 100), ${s.table}: årsgennemsnit af de 12 månedstal, beregnet af SØM for Excel – ${s.source}`
    : `${s.publisher} (Statistics Denmark), net price index (${s.base} = 100), ${s.table}: annual mean of the 12 monthly values, computed by SØM for Excel – ${s.source}`;
}

/**
 * The series as a plain document (`som knowledge index --json`): annual means keyed by year, monthly values
 * keyed "YYYY-MM", the source, and how the annual figures were made.
 */
export function priceIndexDocument(s: PriceIndexSeries = shippedPriceIndex()): {
  series: string;
  publisher: string;
  source: string;
  table: string;
  confidence: string;
  base: number;
  lastFullYear: number;
  annualComputedBy: string;
  annualNote: string;
  annual: Record<string, number>;
  monthly: Record<string, number>;
} {
  return {
    series: s.series,
    publisher: s.publisher,
    source: s.source,
    table: s.table,
    confidence: s.confidence,
    base: s.base,
    lastFullYear: s.lastFullYear,
    annualComputedBy: "SØM for Excel (mean of the twelve monthly values)",
    annualNote: s.annualNote,
    annual: Object.fromEntries([...s.annual].map(([y, v]) => [String(y), v])),
    monthly: Object.fromEntries(s.monthly),
  };
}

/**
 * Why a year has no annual figure in the series, in both languages, for messages: after the last full year
 * (a forecast index is needed, cited) or before the first year.
 */
export function missingIndexYearText(
  year: number,
  s: PriceIndexSeries = shippedPriceIndex(),
): { readonly da: string; readonly en: string } {
  const first = Math.min(...s.annual.keys());
  if (year > s.lastFullYear)
    return {
      da: `Nettoprisindekset (${s.publisher}) har hele år til og med ${s.lastFullYear}; ${year} er ikke et helt år endnu. Skriv selv et fremskrevet indeks for ${year} i SOM_Prisindeks (fx fra Finansministeriets eller KL's pris- og lønskøn, på samme grundlag ${s.base} = 100), og skriv kilden i Kilde-kolonnen.`,
      en: `The net price index (${s.publisher}) has full years up to ${s.lastFullYear}; ${year} is not a full year yet. Type a forecast index for ${year} into SOM_Prisindeks yourself (e.g. from the Ministry of Finance's or KL's price and wage forecast, on the same base ${s.base} = 100) and cite it in the Kilde column.`,
    };
  return {
    da: `Den medfølgende nettoprisindeks begynder i ${first} (${s.base} = 100). Skriv indekset for ${year} i SOM_Prisindeks fra ${s.publisher} (samme grundlag), og skriv kilden i Kilde-kolonnen.`,
    en: `The shipped net price index starts in ${first} (${s.base} = 100). Type the index for ${year} into SOM_Prisindeks from ${s.publisher} (same base) and cite it in the Kilde column.`,
  };
}
