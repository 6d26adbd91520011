/**
 * The pane's model card: horizon method, duration, perspective (and the actors it leaves out) and how many
 * years each cohort was followed — the same wording as the result sheet's «Beregningsmodel» block and the
 * `som calculate` table (src/present/model-text.ts).
 */
import type { Results } from "../../engine/types";
import type { Lang } from "../../present/format";
import { MODEL_LABELS, modelLines } from "../../present/model-text";
import { h } from "../dom";

export function modelCard(results: Results, lang: Lang): HTMLElement {
  const dl = h("dl", { class: "model-grid" });
  for (const line of modelLines(results, lang)) dl.append(h("dt", {}, line.label), h("dd", {}, line.value));
  return h(
    "section",
    { class: "model-card", id: "som-model", "aria-labelledby": "som-model-title" },
    h("h3", { id: "som-model-title" }, MODEL_LABELS[lang].title),
    dl,
  );
}
