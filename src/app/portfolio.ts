/**
 * Portfolio (som-method.md §11, [D]): many SØM workbooks (interventions) calculated together — one compact
 * summary per workbook (`summariseWorkbook`, computed where the file is read, e.g. in a worker thread) and the
 * combination of the summaries (`combinePortfolio`): key figures per intervention, sortable, and the net result
 * summed per actor and calendar year across interventions.
 *
 * Price level [D]: the sums are at one portfolio price level — the one asked for, else the highest price level P
 * among the calculated interventions. An intervention at another P is converted with its own price index
 * (× I(portfolio) / I(P)); when its index lacks either year it is left out of the sums and a portfolio issue says
 * so (never summed at the wrong price level). Key figures per intervention stay at the intervention's own P.
 *
 * Summaries are plain JSON-safe data (they cross a worker boundary). Browser-safe.
 */
import { calculate } from "../engine/calculate";
import { simulate } from "../engine/simulation/simulate";
import type { ResultBlock } from "../engine/types";
import type { Lang } from "../present/format";
import type { WorkbookPort } from "../workbook/port";
import { toContractIssue, type ContractIssue } from "./contract-json";
import { loadScenario } from "./load-scenario";
import { readSimulation, UNCERTAINTY_NAMES } from "../workbook/read/read-uncertainty";

/** The key figures listed per intervention, per actor and in total (kr. at the intervention's price level). */
export interface FigureSummary {
  readonly netTotal: number;
  readonly presentValue: number;
  readonly breakEvenYear: number | null;
  readonly returnPerKrone: number | null;
  /** f* (som-method.md §6): the critical success rates are f* × r_e. */
  readonly breakEvenSuccessFactor: number | null;
  /**
   * P(Σ NR > 0) from the workbook's own simulation settings (`SOM_Usikkerhed`, same seed and iterations as
   * `som simulate`, som-method.md §10); null when the workbook has none (or they have issues).
   */
  readonly probabilityPositive: number | null;
}

export type InterventionSummary =
  | {
      readonly file: string;
      readonly ok: true;
      readonly name: string;
      readonly priceLevel: number;
      /** The workbook's price index as [year, index] pairs (for the conversion to the portfolio level). */
      readonly priceIndex: readonly (readonly [number, number])[];
      readonly years: readonly number[];
      readonly total: FigureSummary;
      /** Per reported actor, in the workbook's order: name, level, key figures, net per year (results' sign). */
      readonly actors: readonly {
        readonly name: string;
        readonly level: string;
        readonly figures: FigureSummary;
        readonly net: readonly number[];
      }[];
      /** The success rates r_e by effect (the critical rates are f* × r_e). */
      readonly successRates: readonly (readonly [string, number])[];
      /** Located issues of the simulation settings (then P(Σ NR > 0) is null); empty otherwise. */
      readonly simulationIssues: readonly ContractIssue[];
    }
  | { readonly file: string; readonly ok: false; readonly issues: readonly ContractIssue[] };

const figures = (b: ResultBlock, probabilityPositive: number | null): FigureSummary => ({
  netTotal: b.netTotal,
  presentValue: b.presentValue,
  breakEvenYear: b.breakEvenYear,
  returnPerKrone: b.returnPerKrone,
  breakEvenSuccessFactor: b.breakEvenSuccessFactor,
  probabilityPositive,
});

/**
 * Reads, validates and calculates one workbook and keeps only what the portfolio needs.
 * @example await summariseWorkbook(await FileWorkbook.open(f), "a.xlsx", "da") // { ok: true, total: {...}, ... }
 */
export async function summariseWorkbook(
  port: WorkbookPort,
  file: string,
  lang: Lang,
): Promise<InterventionSummary> {
  const loaded = await loadScenario(port, { extraNames: UNCERTAINTY_NAMES });
  if (!loaded.ok) return { file, ok: false, issues: loaded.issues.map((i) => toContractIssue(i, lang)) };
  const s = loaded.scenario;
  const r = calculate(s);
  // P(Σ NR > 0) where the workbook has simulation settings (the same simulation as `som simulate`).
  const settings = readSimulation(loaded.named, s);
  const sim = settings.ok && settings.value !== null ? simulate(s, settings.value) : null;
  return {
    file,
    ok: true,
    name: s.intervention,
    priceLevel: r.priceLevel,
    priceIndex: [...s.priceIndex.entries()],
    years: r.years,
    total: figures(r.total, sim?.total.probabilityPositive ?? null),
    actors: r.actors.map((a, i) => {
      const b = r.byActor[i] as ResultBlock;
      return {
        name: a.name,
        level: a.level,
        figures: figures(b, sim?.byActor[i]?.probabilityPositive ?? null),
        net: b.net,
      };
    }),
    successRates: s.effects.map((e) => [e.name, e.successRate] as const),
    simulationIssues: settings.ok ? [] : settings.issues.map((i) => toContractIssue(i, lang)),
  };
}

/** Sort keys of the intervention list (`--sort`). */
export const PORTFOLIO_SORT_KEYS = ["net", "pv", "breakeven", "rpk", "critical", "probability"] as const;
export type PortfolioSortKey = (typeof PORTFOLIO_SORT_KEYS)[number];

export interface PortfolioIssue {
  readonly code: string;
  readonly file: string;
  readonly message: string;
}

export interface PortfolioDocument {
  /** The price level of `byActorYear`. */
  readonly priceLevel: number | null;
  readonly interventions: readonly unknown[];
  /** Σ net result per actor (by name) and calendar year, results' sign, kr. at `priceLevel`. */
  readonly byActorYear: Record<string, Record<string, number>>;
  readonly calculated: number;
  readonly failed: number;
  readonly issues: readonly PortfolioIssue[];
}

/** Nulls last; otherwise ascending or descending. */
function compare(a: number | null, b: number | null, descending: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return descending ? b - a : a - b;
}

const sortValue = (s: FigureSummary, key: PortfolioSortKey): number | null =>
  key === "net"
    ? s.netTotal
    : key === "pv"
      ? s.presentValue
      : key === "breakeven"
        ? s.breakEvenYear
        : key === "rpk"
          ? s.returnPerKrone
          : key === "probability"
            ? s.probabilityPositive
            : s.breakEvenSuccessFactor;

/** The intervention list in order: input order, or by `sort` on the total (best first; stable). */
export function sortInterventions(
  entries: readonly InterventionSummary[],
  sort: PortfolioSortKey | undefined,
): InterventionSummary[] {
  const list = [...entries];
  if (sort === undefined) return list;
  const descending = sort === "net" || sort === "pv" || sort === "rpk" || sort === "probability";
  return list.sort((a, b) => {
    if (!a.ok || !b.ok) return a.ok === b.ok ? 0 : a.ok ? -1 : 1;
    return compare(sortValue(a.total, sort), sortValue(b.total, sort), descending);
  });
}

/** The factor from an intervention's P to the portfolio level, or undefined when its index cannot do it. */
function factorTo(s: Extract<InterventionSummary, { ok: true }>, level: number): number | undefined {
  if (s.priceLevel === level) return 1;
  const index = new Map(s.priceIndex);
  const from = index.get(s.priceLevel);
  const to = index.get(level);
  return from !== undefined && to !== undefined && from > 0 && to > 0 ? to / from : undefined;
}

/**
 * Combines the summaries (in input order) into the portfolio document (the JSON of `som portfolio`).
 * @example combinePortfolio(summaries, {}).byActorYear["Kommune"]["2026"] // Σ net, kr.
 */
export function combinePortfolio(
  entries: readonly InterventionSummary[],
  options: { readonly sort?: PortfolioSortKey; readonly priceLevel?: number; readonly lang?: Lang } = {},
): PortfolioDocument {
  const lang = options.lang ?? "da";
  const ok = entries.filter((e): e is Extract<InterventionSummary, { ok: true }> => e.ok);
  const level = options.priceLevel ?? (ok.length === 0 ? null : Math.max(...ok.map((e) => e.priceLevel)));
  const byActorYear: Record<string, Record<string, number>> = Object.create(null) as Record<
    string,
    Record<string, number>
  >;
  const actorKey = new Map<string, string>(); // trimmed lower-case → first spelling
  const issues: PortfolioIssue[] = [];
  for (const e of ok) {
    if (e.simulationIssues.length > 0)
      issues.push({
        code: "portfolio-simulation-issues",
        file: e.file,
        message:
          lang === "da"
            ? `${e.file}: simuleringsindstillingerne har fejl (${e.simulationIssues.map((i) => i.message).join(" ")}); P(Σ NR > 0) er ikke beregnet.`
            : `${e.file}: the simulation settings have issues (${e.simulationIssues.map((i) => i.message).join(" ")}); P(Σ NR > 0) is not computed.`,
      });
    const f = level === null ? undefined : factorTo(e, level);
    if (f === undefined) {
      issues.push({
        code: "portfolio-price-level",
        file: e.file,
        message:
          lang === "da"
            ? `${e.file}: prisindekset har ikke både ${e.priceLevel} og ${String(level)}; indsatsen er ikke talt med i summerne pr. aktør og år.`
            : `${e.file}: the price index does not have both ${e.priceLevel} and ${String(level)}; the intervention is left out of the sums per actor and year.`,
      });
      continue;
    }
    for (const a of e.actors) {
      const k = a.name.trim().toLowerCase();
      const name = actorKey.get(k) ?? a.name.trim();
      actorKey.set(k, name);
      const row = byActorYear[name] ?? (Object.create(null) as Record<string, number>);
      byActorYear[name] = row;
      a.net.forEach((x, t) => {
        const y = String(e.years[t]);
        row[y] = (row[y] ?? 0) + x * f;
      });
    }
  }
  // years in ascending order within each actor
  for (const name of Object.keys(byActorYear)) {
    const row = byActorYear[name] as Record<string, number>;
    const sorted = Object.create(null) as Record<string, number>;
    for (const y of Object.keys(row).sort((a, b) => Number(a) - Number(b))) sorted[y] = row[y] as number;
    byActorYear[name] = sorted;
  }
  const interventions = sortInterventions(entries, options.sort).map((e) =>
    e.ok
      ? {
          file: e.file,
          name: e.name,
          ok: true,
          priceLevel: e.priceLevel,
          total: e.total,
          byActor: Object.fromEntries(e.actors.map((a) => [a.name, a.figures])),
          criticalSuccessRates: Object.fromEntries(
            e.successRates.map(([n, r]) => [
              n,
              e.total.breakEvenSuccessFactor === null ? null : e.total.breakEvenSuccessFactor * r,
            ]),
          ),
        }
      : { file: e.file, ok: false, issues: e.issues },
  );
  return {
    priceLevel: level,
    interventions,
    byActorYear: { ...byActorYear },
    calculated: ok.length,
    failed: entries.length - ok.length,
    issues,
  };
}
