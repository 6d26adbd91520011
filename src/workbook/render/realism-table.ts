/**
 * The realism adjustment on `Resultater` (som-method.md §10) [D]: when the user has filled in the realism
 * inputs, a table below the results shows the key figures of the base calculation and of the adjusted one
 * side by side — per actor, per level and in total — with the adjustments used. The base results above are
 * never replaced.
 */
import type { RealismSettings } from "../../engine/simulation/realism";
import type { ResultBlock, Results } from "../../engine/types";
import type { Lang } from "../../present/format";
import { cellA1 } from "../a1";
import { levelLabel } from "../names";
import type { CellValue, NameSpec, SheetSpec } from "../sheet-model";
import { SheetWriter } from "./sheet-writer";

const KR = "#,##0";

/** Defined names of the adjusted Σ NR cells; suffix "A1", "A2"…, the level code, or "Total". */
export const REALISM_NET_NAME = "SOM_Res_Realisme_Netto_";

const T = {
  da: {
    title: "Realismejustering (optimisme-bias): grundberegning og justeret beregning side om side",
    used: (r: string, c: string, d: number) =>
      `Justering: succesrate reduceret efter evidensniveau (${r}); omkostninger ${c}; konsekvenser forsinket ${d} år.`,
    none: "ingen",
    who: "Aktør / niveau",
    net: "Nettoresultat",
    netAdj: "Nettoresultat, justeret",
    pv: "Nutidsværdi",
    pvAdj: "Nutidsværdi, justeret",
    year: "Tilbagebetalingsår",
    yearAdj: "Tilbagebetalingsår, justeret",
    notWithin: "ikke inden for tidshorisonten",
    total: "I alt",
    level: (l: string) => `Niveau: ${l}`,
    rule: "[D] Den justerede beregning er den samme model på justerede input: succesrate × (1 − reduktion for effektmålets evidensniveau), alle omkostninger (inkl. sparede) × (1 + tillæg), og alle konsekvenser efter indsatsen forskudt d år senere inden for samme tidshorisont.",
  },
  en: {
    title: "Realism adjustment (optimism bias): base and adjusted calculation side by side",
    used: (r: string, c: string, d: number) =>
      `Adjustment: success rates reduced by evidence level (${r}); costs ${c}; consequences delayed ${d} years.`,
    none: "none",
    who: "Actor / level",
    net: "Net result",
    netAdj: "Net result, adjusted",
    pv: "Present value",
    pvAdj: "Present value, adjusted",
    year: "Break-even year",
    yearAdj: "Break-even year, adjusted",
    notWithin: "not within the horizon",
    total: "Total",
    level: (l: string) => `Level: ${l}`,
    rule: "[D] The adjusted calculation is the same model on adjusted inputs: success rate × (1 − the reduction for the outcome's evidence level), every cost (saved costs included) × (1 + uplift), and every after-intervention consequence shifted d years later within the same horizon.",
  },
} as const;

const pct = (x: number, lang: Lang): string => {
  const s = String(Math.round(x * 1e4) / 100);
  return `${lang === "da" ? s.replace(".", ",") : s} %`;
};

/**
 * `sheet` with the side-by-side table appended below its last block, and the names of the adjusted Σ NR cells.
 * @example appendRealismTable(resultsSheet, results, adjusted, realism, "da").sheet
 */
export function appendRealismTable(
  sheet: SheetSpec,
  base: Results,
  adjusted: Results,
  realism: RealismSettings,
  lang: Lang,
): { readonly sheet: SheetSpec; readonly names: readonly NameSpec[] } {
  const t = T[lang];
  const w = new SheetWriter();
  w.row = sheet.blocks.reduce((m, b) => Math.max(m, b.row + b.values.length), 0) + 1;
  w.add([[t.title]], { style: "subtitle" });
  const levels = [...realism.reductionByLevel].map(([l, r]) => `${l}: ${pct(r, lang)}`).join(", ");
  const uplift = `${realism.costUplift >= 0 ? "+" : ""}${pct(realism.costUplift, lang)}`;
  w.add([[t.used(levels === "" ? t.none : levels, uplift, realism.delayYears)]], { style: "guidance" });
  w.add([[t.who, t.net, t.netAdj, t.pv, t.pvAdj, t.year, t.yearAdj]], { style: "header" });
  const rows: { who: string; suffix: string; b: ResultBlock; a: ResultBlock }[] = base.actors.map(
    (actor, i) => ({
      who: actor.name,
      suffix: `A${i + 1}`,
      b: base.byActor[i] as ResultBlock,
      a: adjusted.byActor[i] as ResultBlock,
    }),
  );
  for (const [level, b] of base.byLevel) {
    const a = adjusted.byLevel.get(level);
    if (a !== undefined) rows.push({ who: t.level(levelLabel(level, lang)), suffix: level, b, a });
  }
  rows.push({ who: t.total, suffix: "Total", b: base.total, a: adjusted.total });
  const top = w.row;
  const year = (x: number | null): CellValue => x ?? t.notWithin;
  w.add(
    rows.map((r) => [
      r.who,
      r.b.netTotal,
      r.a.netTotal,
      r.b.presentValue,
      r.a.presentValue,
      year(r.b.breakEvenYear),
      year(r.a.breakEvenYear),
    ]),
    { numberFormat: rows.map(() => ["@", KR, KR, KR, KR, "0", "0"]), style: "output" },
  );
  w.add([[t.rule]], { style: "guidance" });
  const names: NameSpec[] = rows.map((r, i) => ({
    name: `${REALISM_NET_NAME}${r.suffix}`,
    sheet: sheet.name,
    ref: cellA1(top + i, 2),
  }));
  return { sheet: { ...sheet, blocks: [...sheet.blocks, ...w.blocks] }, names };
}
