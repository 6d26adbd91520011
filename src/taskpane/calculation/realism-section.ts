/**
 * The pane's realism section (som-method.md §10, issue 16): when the user has filled in the realism inputs
 * (`SOM_Realisme` with the `Evidens` column, `SOM_Omkostningstillaeg`, `SOM_Forsinkelse`), the base and the
 * adjusted key figures side by side — Σ net result, present value and break-even year per actor and in total —
 * as on `Resultater`. The adjusted figures come from the same calculation run (`calculateWorkbook`), so the pane
 * and the sheet cannot disagree; the base figures above are never replaced.
 */
import type { RealismSettings } from "../../engine/simulation/realism";
import type { ResultBlock, Results } from "../../engine/types";
import { formatKr, formatPercent, type Lang } from "../../present/format";
import { h } from "../dom";
import { fill, T, tr } from "../i18n";
import type { Text } from "../panel";

export const RX = {
  title: { da: "Realismejustering: grund og justeret", en: "Realism adjustment: base and adjusted" },
  note: {
    da: "Samme model på justerede input: {rates}; omkostninger {uplift}; konsekvenser efter indsatsen {delay} år senere inden for samme tidshorisont. Grundberegningen ovenfor er uændret.",
    en: "The same model on adjusted inputs: {rates}; costs {uplift}; after-intervention consequences {delay} years later within the same horizon. The base calculation above is unchanged.",
  },
  rates: {
    da: "succesrater reduceret efter evidensniveau ({levels})",
    en: "success rates reduced by evidence level ({levels})",
  },
  noRates: { da: "succesrater ikke reduceret", en: "success rates not reduced" },
  who: { da: "Aktør", en: "Actor" },
  base: { da: "Grund", en: "Base" },
  adjusted: { da: "Justeret", en: "Adjusted" },
  net: { da: "Nettoresultat", en: "Net result" },
  pv: { da: "Nutidsværdi", en: "Present value" },
  year: { da: "Tilbagebetalingsår", en: "Break-even year" },
  total: { da: "I alt", en: "Total" },
} as const satisfies Record<string, Text>;

/** One actor (or the total): each figure as [base, adjusted] display texts. */
export interface RealismRow {
  readonly who: string;
  readonly isTotal: boolean;
  readonly net: readonly [string, string];
  readonly presentValue: readonly [string, string];
  readonly breakEven: readonly [string, string];
}

const year = (b: ResultBlock, lang: Lang): string =>
  b.breakEvenYear === null ? tr(T.notWithinHorizon, lang) : String(b.breakEvenYear);

/** Rows per actor in the order of `base.actors`, then the total when there are several actors. */
export function realismRows(base: Results, adjusted: Results, lang: Lang): RealismRow[] {
  const pairs = base.actors.flatMap((a, i) => {
    const b = base.byActor[i];
    const j = adjusted.actors.findIndex((x) => x.name === a.name);
    const adj = adjusted.byActor[j];
    return b === undefined || adj === undefined ? [] : [{ who: a.name, isTotal: false, b, adj }];
  });
  if (base.actors.length > 1)
    pairs.push({ who: tr(RX.total, lang), isTotal: true, b: base.total, adj: adjusted.total });
  return pairs.map(({ who, isTotal, b, adj }) => ({
    who,
    isTotal,
    net: [formatKr(b.netTotal, lang), formatKr(adj.netTotal, lang)],
    presentValue: [formatKr(b.presentValue, lang), formatKr(adj.presentValue, lang)],
    breakEven: [year(b, lang), year(adj, lang)],
  }));
}

/** The sentence on what was adjusted. */
export function realismNote(realism: RealismSettings, lang: Lang): string {
  const levels = [...realism.reductionByLevel]
    .sort(([a], [b]) => a - b)
    .map(([level, r]) => `${level}: ${formatPercent(r, lang)}`)
    .join(", ");
  const rates = levels === "" ? tr(RX.noRates, lang) : tr(fill(RX.rates, { levels }), lang);
  const uplift = `${realism.costUplift > 0 ? "+" : ""}${formatPercent(realism.costUplift, lang)}`;
  return tr(fill(RX.note, { rates, uplift, delay: realism.delayYears }), lang);
}

/** The section: a note and one table (Aktør | Grund | Justeret) grouped by figure. */
export function realismSection(
  base: Results,
  adjusted: Results,
  realism: RealismSettings,
  lang: Lang,
): HTMLElement {
  const rows = realismRows(base, adjusted, lang);
  const group = (title: Text, pick: (r: RealismRow) => readonly [string, string], key: string) =>
    h(
      "tbody",
      { "data-figure": key },
      h("tr", { class: "group" }, h("th", { scope: "colgroup", colspan: 3 }, tr(title, lang))),
      ...rows.map((r) =>
        h(
          "tr",
          r.isTotal ? { class: "total" } : {},
          h("th", { scope: "row" }, r.who),
          h("td", { class: "num" }, pick(r)[0]),
          h("td", { class: "num" }, pick(r)[1]),
        ),
      ),
    );
  return h(
    "section",
    { id: "som-realism", class: "realism", "aria-labelledby": "som-realism-title" },
    h("h2", { id: "som-realism-title" }, tr(RX.title, lang)),
    h("p", { class: "hint" }, realismNote(realism, lang)),
    h(
      "table",
      { class: "budget-table realism-table" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, tr(RX.who, lang)),
          h("th", { scope: "col", class: "num" }, tr(RX.base, lang)),
          h("th", { scope: "col", class: "num" }, tr(RX.adjusted, lang)),
        ),
      ),
      group(RX.net, (r) => r.net, "net"),
      group(RX.pv, (r) => r.presentValue, "pv"),
      group(RX.year, (r) => r.breakEven, "breakeven"),
    ),
  );
}
