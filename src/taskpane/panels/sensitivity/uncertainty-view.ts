/**
 * What the Usikkerhed section of the Følsomhed panel shows (issue 16, som-method.md §10), as plain data (pure,
 * tested in Node): the plain-Danish sentence, P(Σ NR > 0) per actor, level and total as the headline with
 * P5/P50/P95 of Σ NR, and the fan chart's geometry (the P5–P95 band and the P50 line of the cumulative net
 * result per year). All rounding happens here through `src/present/format.ts`; the result is unrounded.
 */
import type { SimulationResult, SimulationSummary } from "../../../engine/simulation/simulate";
import type { Level } from "../../../engine/types";
import { formatKr, formatNumber, formatPercent, type Lang } from "../../../present/format";
import { probabilitySentence } from "../../../present/uncertainty-text";
import { levelLabel } from "../../../workbook/names";
import { headline } from "../../../workbook/render/uncertainty-sheet";
import { chartFrame } from "../../calculation/chart";
import type { Text } from "../../panel";

export const UT = {
  title: { da: "Usikkerhed (simulering)", en: "Uncertainty (simulation)" },
  intro: {
    da: "Simuleringen trækker de usikre input fra tabellen SOM_Usikkerhed (arket Usikkerhed) fra deres fordelinger og genberegner hele modellen for hver trækning. Samme seed giver præcis samme resultat overalt. Resultatet skrives til arket Usikkerhedsresultater.",
    en: "The simulation draws the uncertain inputs of the table SOM_Usikkerhed (the Usikkerhed sheet) from their distributions and recomputes the whole model for every draw. The same seed gives exactly the same result everywhere. The results are written to the sheet Usikkerhedsresultater.",
  },
  iterationsSheet: {
    da: "Skriv hver iteration til arket Simuleringer (trækninger og nettoresultat pr. aktør)",
    en: "Write every iteration to the sheet Simuleringer (draws and net result per actor)",
  },
  run: { da: "Kør simulering", en: "Run simulation" },
  computing: { da: "Simulerer …", en: "Simulating …" },
  issues: {
    da: "Simuleringen kan ikke køres: {count} problem(er) i input. Se listen.",
    en: "The simulation cannot run: {count} input problem(s). See the list.",
  },
  done: {
    da: "Simuleringen er skrevet til arket »Usikkerhedsresultater« (og »Resultater« er opdateret).",
    en: "The simulation was written to the sheet “Usikkerhedsresultater” (and “Resultater” was updated).",
  },
  doneWithIterations: {
    da: "Simuleringen er skrevet til arkene »Usikkerhedsresultater« og »Simuleringer« (og »Resultater« er opdateret).",
    en: "The simulation was written to the sheets “Usikkerhedsresultater” and “Simuleringer” (and “Resultater” was updated).",
  },
  cancelled: {
    da: "Simuleringen er afbrudt; intet er skrevet.",
    en: "The simulation was cancelled; nothing was written.",
  },
  settings: {
    da: "{iterations} iterationer, seed {seed}, {inputs} usikre input.",
    en: "{iterations} iterations, seed {seed}, {inputs} uncertain inputs.",
  },
  probabilityTitle: {
    da: "Sandsynlighed for overskud (Σ nettoresultat > 0)",
    en: "Probability of a surplus (Σ net result > 0)",
  },
  probability: { da: "P(overskud)", en: "P(surplus)" },
  p5: { da: "P5 nettoresultat", en: "P5 net result" },
  p50: { da: "P50 nettoresultat", en: "P50 net result" },
  p95: { da: "P95 nettoresultat", en: "P95 net result" },
  level: { da: "Niveau {level}", en: "Level {level}" },
  total: { da: "I alt", en: "Total" },
  fanTitle: { da: "Vifte: akkumuleret nettoresultat", en: "Fan chart: cumulative net result" },
  fanFor: { da: "Vis for", en: "Show for" },
  fanDesc: {
    da: "{who}: båndet går fra 5 %- til 95 %-fraktilen af det akkumulerede nettoresultat pr. år, linjen er medianen (P50), {first}–{last}.",
    en: "{who}: the band runs from the 5th to the 95th percentile of the cumulative net result per year, the line is the median (P50), {first}–{last}.",
  },
  band: { da: "P5–P95", en: "P5–P95" },
  median: { da: "P50 (median)", en: "P50 (median)" },
} as const satisfies Record<string, Text>;

/** One card: P(Σ NR > 0) and P5/P50/P95 of Σ NR for an actor, a level or the total. */
export interface ProbabilityRow {
  /** Stable key: `actor:<index>`, `level:<Level>` or `total`. */
  readonly key: string;
  readonly who: string;
  readonly kind: "actor" | "level" | "total";
  /** "83 %". */
  readonly probability: string;
  /** The unrounded share, for the bar. */
  readonly share: number;
  readonly p5: string;
  readonly p50: string;
  readonly p95: string;
}

export interface SimulationView {
  readonly sentence: string;
  readonly settings: string;
  readonly rows: readonly ProbabilityRow[];
  /** The key of the block the sentence speaks of (the fan chart's default). */
  readonly headlineKey: string;
}

/**
 * Every block's summary with its key and label, in the order actor…, level…, total; a level only when it has
 * several actors.
 */
export function summaryBlocks(
  result: SimulationResult,
  lang: Lang,
): { key: string; who: string; kind: ProbabilityRow["kind"]; summary: SimulationSummary }[] {
  const blocks = result.actors.map((a, i) => ({
    key: `actor:${i}`,
    who: a.name,
    kind: "actor" as const,
    summary: result.byActor[i] as SimulationSummary,
  }));
  // A level with a single actor has that actor's figures: no card of its own (as on Resultater).
  const levels = [...result.byLevel]
    .filter(([level]) => result.actors.filter((a) => a.level === level).length > 1)
    .map(([level, summary]: [Level, SimulationSummary]) => ({
      key: `level:${level}`,
      who: UT.level[lang].replace("{level}", levelLabel(level, lang)),
      kind: "level" as const,
      summary,
    }));
  return [...blocks, ...levels, { key: "total", who: UT.total[lang], kind: "total", summary: result.total }];
}

export function simulationView(result: SimulationResult, lang: Lang): SimulationView {
  const head = headline(result);
  const rows = summaryBlocks(result, lang).map((b) => ({
    key: b.key,
    who: b.who,
    kind: b.kind,
    probability: formatPercent(b.summary.probabilityPositive, lang, 0),
    share: b.summary.probabilityPositive,
    p5: formatKr(b.summary.netTotal.p5, lang),
    p50: formatKr(b.summary.netTotal.p50, lang),
    p95: formatKr(b.summary.netTotal.p95, lang),
  }));
  const settings = UT.settings[lang]
    .replace("{iterations}", formatNumber(result.iterations, lang))
    .replace("{seed}", String(result.seed))
    .replace("{inputs}", String(result.inputs.length));
  // the fan chart starts at the block the sentence speaks of (the Kommune actor when it is alone on its level)
  const kommuneActors = result.actors.flatMap((a, i) => (a.level === "Kommune" ? [i] : []));
  const headlineKey =
    head.subject.kind !== "kommune"
      ? "total"
      : kommuneActors.length === 1
        ? `actor:${kommuneActors[0]}`
        : "level:Kommune";
  return {
    sentence: probabilitySentence(head.summary.probabilityPositive, head.subject, lang),
    settings,
    rows,
    headlineKey,
  };
}

// ───────────────────────────── fan chart ─────────────────────────────

export interface FanModel {
  readonly width: number;
  readonly height: number;
  readonly plot: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
  /** SVG `points` of the P5–P95 band: P95 left to right, then P5 right to left. */
  readonly band: string;
  /** SVG `points` of the P50 line. */
  readonly median: string;
  readonly yTicks: readonly { readonly y: number; readonly value: number; readonly label: string }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
  readonly zeroY: number;
}

/**
 * Geometry of a fan chart over `years` (the calculation panel's chart frame, `chartFrame`: nice steps that
 * include 0, about five year labels with the first and the last).
 */
export function fanModel(
  years: readonly number[],
  cumulative: SimulationSummary["cumulative"],
  lang: Lang,
): FanModel {
  const f = chartFrame(years, [...cumulative.p5, ...cumulative.p50, ...cumulative.p95], lang);
  const upper = cumulative.p95.map((v, i) => f.point(i, v));
  const lower = cumulative.p5.map((v, i) => f.point(i, v)).reverse();
  return {
    width: f.width,
    height: f.height,
    plot: f.plot,
    band: [...upper, ...lower].join(" "),
    median: cumulative.p50.map((v, i) => f.point(i, v)).join(" "),
    yTicks: f.yTicks,
    xTicks: f.xTicks,
    zeroY: f.zeroY,
  };
}

/** The simulation's block with `key` (see `ProbabilityRow.key`). */
export function blockByKey(result: SimulationResult, key: string, lang: Lang) {
  return summaryBlocks(result, lang).find((b) => b.key === key);
}
