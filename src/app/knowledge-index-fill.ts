/**
 * Missing index years, filled from the shipped nettoprisindeks (src/knowledge/price-index.ts) instead of a
 * refusal: when the prices being inserted need index years (their price year and the workbook's price level)
 * that `SOM_Prisindeks` lacks but the shipped series has, the pane asks once and adds those years — each with
 * `Kilde` saying it is our annual mean of Danmarks Statistik's monthly values. Years the series does not have
 * (after its last full year, before 2015) are never invented: the price is refused with a message asking for
 * a cited (forecast) index. When `SOM_Prisindeks` already holds years that disagree with the series (another
 * index or base), nothing is added from it — mixing two series would convert prices wrongly.
 *
 * Pure planning; `insertKnowledge` asks and writes.
 */
import { annualSourceText, shippedPriceIndex, type PriceIndexSeries } from "../knowledge/price-index";
import type { KnowledgeRecord } from "../knowledge/types";
import { formatNumber } from "../present/format";
import { N } from "../workbook/names";
import { normalizeHeader } from "../workbook/read/block";
import type { CellValue } from "../workbook/sheet-model";
import type { Bilingual, InsertionPlan, InsertionTarget, PlanOptions, PlannedRow } from "./knowledge-insert";
import { needsUserSplit } from "./knowledge-rates";

/** How far an index value typed in the workbook may differ from our annual mean and still be the same series (DST's own annual average can differ in the last decimal). */
export const SAME_SERIES_TOLERANCE = 0.1;

export type IndexFill =
  | {
      readonly kind: "offer";
      readonly years: readonly number[];
      readonly plan: InsertionPlan;
      readonly question: Bilingual;
    }
  | { readonly kind: "conflict"; readonly text: Bilingual };

/** The index years the price records in `records` need for conversion to the workbook's price level. */
function neededYears(
  target: InsertionTarget,
  records: readonly KnowledgeRecord[],
  options: PlanOptions,
): number[] {
  const P = target.priceLevel;
  if (P === undefined) return [];
  const years = new Set<number>();
  for (const r of records) {
    if (r.kind !== "price") continue;
    // A rate waiting for its split is not inserted now; it needs no index yet.
    if (needsUserSplit(r) && !options.splits?.has(r.id)) continue;
    if (r.provenance.year !== P) {
      years.add(r.provenance.year);
      years.add(P);
    }
  }
  return [...years].filter((y) => !target.priceIndex.has(y)).sort((a, b) => a - b);
}

/**
 * The offer to add missing index years from the shipped series, a conflict (the workbook's index is another
 * series), or undefined (nothing to add).
 */
export function planIndexFill(
  target: InsertionTarget,
  records: readonly KnowledgeRecord[],
  options: PlanOptions,
  series: PriceIndexSeries = shippedPriceIndex(),
): IndexFill | undefined {
  const g = target.priceIndexBlock;
  const fillable = neededYears(target, records, options).filter((y) => series.annual.has(y));
  if (g === undefined || fillable.length === 0) return undefined;
  const cy = g.read.columns.get("year")?.col;
  const ci = g.read.columns.get("index")?.col;
  if (cy === undefined || ci === undefined) return undefined;
  for (const [year, value] of target.priceIndex) {
    const ours = series.annual.get(year);
    if (ours !== undefined && Math.abs(ours - value) > SAME_SERIES_TOLERANCE)
      return {
        kind: "conflict",
        text: {
          da: `SOM_Prisindeks ser ud til at være et andet indeks end nettoprisindekset (${series.base} = 100): år ${year} har ${formatNumber(value, "da", 2)}, nettoprisindekset ${formatNumber(ours, "da", 2)}. Der tilføjes ikke år fra nettoprisindekset; skriv de manglende år (${fillable.join(", ")}) fra samme kilde som de øvrige.`,
          en: `SOM_Prisindeks looks like another index than the net price index (${series.base} = 100): year ${year} holds ${formatNumber(value, "en", 2)}, the net price index ${formatNumber(ours, "en", 2)}. No years are added from the net price index; type the missing years (${fillable.join(", ")}) from the same source as the others.`,
        },
      };
  }
  const cs = g.read.extraColumns.find((x) => ["kilde", "source"].includes(normalizeHeader(x.header)))?.col;
  const rows: PlannedRow[] = fillable.map((year, i) => {
    const cells = new Map<number, CellValue>([
      [cy, year],
      [ci, series.annual.get(year) ?? null],
    ]);
    if (cs !== undefined) cells.set(cs, annualSourceText(options.lang, series));
    const blank = g.blankRows[i];
    return {
      recordId: `nettoprisindeks_${year}`,
      block: N.priceIndex,
      sheet: g.read.sheet,
      label: String(year),
      cells,
      target:
        blank !== undefined
          ? { kind: "blank", row: blank }
          : { kind: "append", row: g.lastRow + 1 + (i - g.blankRows.length) },
    };
  });
  const list = (lang: "da" | "en"): string =>
    fillable.map((y) => `${y}: ${formatNumber(series.annual.get(y) ?? 0, lang, 2)}`).join("; ");
  const years = fillable.join(" og ");
  return {
    kind: "offer",
    years: fillable,
    plan: { rows, refused: [], notes: [], needsSplit: [], warnings: [] },
    question: {
      da: `Prisindekset (SOM_Prisindeks) mangler år ${years} for at omregne til prisniveau ${target.priceLevel}. Tilføj ${fillable.length === 1 ? "det" : "dem"} fra nettoprisindekset, der følger med (${series.publisher}, ${series.base} = 100; årsgennemsnit af månedstallene, beregnet af SØM for Excel) – ${list("da")}? Du kan rette tallene bagefter.`,
      en: `The price index (SOM_Prisindeks) lacks year ${fillable.join(" and ")} to convert to price level ${target.priceLevel}. Add ${fillable.length === 1 ? "it" : "them"} from the shipped net price index (${series.publisher}, ${series.base} = 100; annual means of the monthly values, computed by SØM for Excel) – ${list("en")}? You can change the figures afterwards.`,
    },
  };
}
