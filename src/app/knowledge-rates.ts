/**
 * Rates are not prices (knowledge-base-sources.md §7.2). A SØM price is an average unit cost incl.
 * administration, after refusion, split by actor; a legal benefit rate (`figureKind: "sats"`) is a gross
 * amount before refusion — an input to a price. Inserting a rate into `SOM_Priser` therefore needs the
 * user's split across levels after refusion (the refusionstrappe is shown as help), and the `Kilde` cell
 * then says so: the rate's source, "sats … ikke en SØM-pris" and "fordeling: brugerens skøn (…)".
 * The same holds for a price known only as a gross total (e.g. a shelter year) with its split unknown.
 *
 * Pure: used by the insertion planner (`knowledge-insert.ts`) and the pane's split form.
 */
import type { LevelAmounts, PriceRecord } from "../knowledge/types";
import { formatNumber, formatPercent } from "../present/format";
import type { Bilingual } from "./knowledge-insert";

/** The user's split of a gross amount across levels: shares 0–1 that sum to 1. */
export interface LevelShares {
  readonly Kommune: number;
  readonly Region: number;
  readonly Stat: number;
}

export type RateSplit =
  /** Insert the record's own amounts (a price or tariff; unknown levels stay gaps). */
  | { readonly kind: "asIs" }
  /** Insert gross × the user's shares. */
  | {
      readonly kind: "split";
      readonly gross: number;
      readonly shares: LevelShares;
      readonly amounts: LevelAmounts;
    }
  /** Not inserted: the split is missing; `text` says what is missing. */
  | { readonly kind: "needsSplit"; readonly text: Bilingual }
  /** Not inserted: the split given is not a split. */
  | { readonly kind: "badSplit"; readonly text: Bilingual };

const LEVELS = ["Kommune", "Region", "Stat"] as const;

/** True when inserting `r` needs the user's split: a rate with unknown levels, or a gross total with unknown levels. */
export function needsUserSplit(r: PriceRecord): boolean {
  const unknown = LEVELS.some((l) => r.amounts[l] === null);
  return unknown && (r.figureKind === "sats" || r.grossAmount !== undefined);
}

/** "Kommune 80 %, Stat 20 %" (levels with a share above 0). */
export function sharesText(shares: LevelShares, lang: "da" | "en"): string {
  const parts = LEVELS.filter((l) => shares[l] > 0).map((l) => `${l} ${formatPercent(shares[l], lang, 2)}`);
  return parts.length > 0 ? parts.join(", ") : "–";
}

/** What a record's figure is, and what inserting it needs, decided before any row is planned. */
export function rateSplit(r: PriceRecord, split: LevelShares | undefined): RateSplit {
  if (!needsUserSplit(r)) return { kind: "asIs" };
  const gross = r.grossAmount;
  const what =
    gross === undefined
      ? { da: "", en: "" }
      : {
          da: ` (bruttobeløb ${formatNumber(gross, "da", Number.isInteger(gross) ? 0 : 2)} kr./${r.unit}, ${r.provenance.year})`,
          en: ` (gross amount ${formatNumber(gross, "en", Number.isInteger(gross) ? 0 : 2)} kr./${r.unit}, ${r.provenance.year})`,
        };
  if (split === undefined || gross === undefined) {
    if (r.figureKind === "sats")
      return {
        kind: "needsSplit",
        text: {
          da: `"${r.title}" er en sats${what.da}, ikke en SØM-pris, og indsættes ikke som pris, før du har angivet fordelingen. Mangler: fordelingen på kommune, region og stat efter refusion; administration og sagsbehandling (er ikke med i satsen).`,
          en: `"${r.title}" is a legal rate${what.en}, not a SØM price, and is not inserted as a price until you give the split. Missing: the split across municipality, region and state after refusion; administration and case handling (not in the rate).`,
        },
      };
    return {
      kind: "needsSplit",
      text: {
        da: `"${r.title}" kendes kun som et samlet beløb${what.da}; fordelingen på kommune, region og stat mangler. Angiv fordelingen for at indsætte den.`,
        en: `"${r.title}" is known only as a total${what.en}; its split across municipality, region and state is missing. Give the split to insert it.`,
      },
    };
  }
  const values = LEVELS.map((l) => split[l]);
  const sum = values.reduce((s, v) => s + v, 0);
  if (values.some((v) => !Number.isFinite(v) || v < 0 || v > 1) || Math.abs(sum - 1) > 1e-9)
    return {
      kind: "badSplit",
      text: {
        da: `Fordelingen af "${r.title}" skal være andele mellem 0 og 100 %, der tilsammen giver 100 % (er ${Number.isFinite(sum) ? formatPercent(sum, "da", 2) : "ugyldig"}).`,
        en: `The split of "${r.title}" must be shares between 0 and 100 % that add up to 100 % (is ${Number.isFinite(sum) ? formatPercent(sum, "en", 2) : "invalid"}).`,
      },
    };
  return {
    kind: "split",
    gross,
    shares: split,
    amounts: { Kommune: gross * split.Kommune, Region: gross * split.Region, Stat: gross * split.Stat },
  };
}

/** The parts of `Kilde` that say what kind of figure was inserted (Danish: the sheet's language of record). */
export function figureKindSource(r: PriceRecord, rate: RateSplit): string[] {
  const kr = (x: number): string => `${formatNumber(x, "da", Number.isInteger(x) ? 0 : 2)} kr./${r.unit}`;
  if (rate.kind === "split") {
    const head =
      r.figureKind === "sats"
        ? `sats (bruttobeløb ${kr(rate.gross)}), ikke en SØM-pris`
        : `samlet beløb ${kr(rate.gross)}`;
    return [
      head,
      `fordeling: brugerens skøn (${sharesText(rate.shares, "da")})`,
      ...(r.inklOverhead === true ? [] : ["administration og sagsbehandling ikke medregnet"]),
    ];
  }
  if (r.figureKind === "sats") return ["sats, ikke en SØM-pris"];
  if (r.figureKind === "takst")
    return ["takst (ikke nødvendigvis gennemsnitsomkostning inkl. administration og overhead)"];
  return r.inklOverhead === false ? ["ekskl. administration og overhead"] : [];
}
