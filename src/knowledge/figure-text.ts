/**
 * The figure a knowledge record carries, as one short line for lists (command line and task pane):
 * a price per level ("K 0 / R 0 / S 1.469 kr./døgn"), a rate as its gross amount ("Sats 11.944 kr./måned
 * (brutto, …)"), a suggested success rate ("12,6 %"), Δq by year,
 * a success measure, or "mangler" (gap) — unknown figures show as "?".
 */
import { formatNumber, formatPercent, type Lang } from "../present/format";
import type { KnowledgeRecord } from "./types";

export function figureText(r: KnowledgeRecord, lang: Lang): string {
  const gap = lang === "da" ? "mangler" : "gap";
  const n = (x: number | null): string =>
    x === null ? "?" : formatNumber(x, lang, Number.isInteger(x) ? 0 : 2);
  switch (r.kind) {
    case "price":
      // A rate is shown as what it is: a gross amount before refusion, not a price split by actor.
      if (r.figureKind === "sats" && r.grossAmount !== undefined)
        return lang === "da"
          ? `Sats ${n(r.grossAmount)} kr./${r.unit} (brutto, før refusion; ikke fordelt)`
          : `Rate ${n(r.grossAmount)} kr./${r.unit} (gross, before refusion; not split)`;
      return `K ${n(r.amounts.Kommune)} / R ${n(r.amounts.Region)} / S ${n(r.amounts.Stat)} kr./${r.unit}`;
    case "effect":
      return r.suggestedSuccessRate === null ? gap : formatPercent(r.suggestedSuccessRate, lang);
    case "consequence":
      return r.deltaByYear.every((d) => d === null) ? gap : r.deltaByYear.map(n).join("; ");
    case "parameter":
      return r.values.map((v) => `${v.label} ${formatPercent(v.value, lang)}`).join("; ");
    case "targetGroup":
      return r.successMeasure ?? gap;
  }
}
