/**
 * The pane's follow-up status (som-method.md §11): one sentence per actor saying how far the realised figures of
 * `SOM_Realiseret` move the net result from the forecast, through the last realised year and over the whole
 * period, and which factor moved it most. The sentences are the ones on the `Opfølgningsresultater` sheet
 * (`followUpStatus`), so the two cannot disagree.
 */
import type { FollowUp } from "../../engine/decision/follow-up";
import type { Lang } from "../../present/format";
import { followUpStatus } from "../../workbook/render/follow-up-sheet";
import { h } from "../dom";
import { fill, tr } from "../i18n";

const TX = {
  title: { da: "Opfølgning: realiseret mod prognose", en: "Follow-up: realised against forecast" },
  note: {
    da: "Realiserede tal for {years}. Tallene og opdelingen på deltagere, succesrater og omkostninger står på arket Opfølgningsresultater.",
    en: "Realised figures for {years}. The figures and the split into participants, success rates and costs are on the Opfølgningsresultater sheet.",
  },
} as const;

/** The follow-up section for the latest calculation. */
export function followUpSection(f: FollowUp, lang: Lang): HTMLElement {
  const start = f.forecast.years[0] ?? 0;
  const years = f.realised.years.map((y) => start + y.calcYear - 1).join(", ");
  return h(
    "section",
    { id: "som-follow-up", class: "follow-up", "aria-labelledby": "som-follow-up-title" },
    h("h2", { id: "som-follow-up-title" }, tr(TX.title, lang)),
    h("p", { class: "hint" }, tr(fill(TX.note, { years }), lang)),
    h(
      "ul",
      { class: "follow-up-status" },
      ...followUpStatus(f, lang).map((s) => h("li", { "data-actor": s.actor }, s.text)),
    ),
  );
}
