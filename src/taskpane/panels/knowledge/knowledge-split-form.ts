/**
 * The form that turns a rate into a price (knowledge-base-sources.md §7.2): a legal benefit rate is a gross
 * amount before refusion, so before it goes into `SOM_Priser` the user says how it splits across kommune,
 * region and stat. The form shows the rate with its source, what is missing (the split after refusion;
 * administration), the refusion rule as help — the refusionstrappe, marked as a secondary source — with one
 * button per stage that fills the split, and three percentage fields that must add up to 100 %.
 *
 * Record text is untrusted and only set through `textContent` (via `h`).
 */
import { sharesText, type LevelShares } from "../../../app/knowledge-rates";
import type { ParameterRecord, PriceRecord } from "../../../knowledge/types";
import { formatNumber, formatPercent, type Lang } from "../../../present/format";
import { h } from "../../dom";
import { KT } from "./knowledge-text";

const LEVELS = ["Kommune", "Region", "Stat"] as const;

export interface SplitFormOptions {
  readonly record: PriceRecord;
  /** The refusion rule shown as help (the starter's refusionstrappe), if any. */
  readonly refusion: ParameterRecord | undefined;
  readonly lang: Lang;
  readonly busy: boolean;
  /** Called with valid shares (0–1, summing to 1) when the user presses the insert button. */
  onInsert(shares: LevelShares): void;
}

/** One form for one rate. Element ids: `knowledge-split-<id>` (form), `…-Kommune|Region|Stat`, `…-insert`. */
export function splitForm(o: SplitFormOptions): HTMLElement {
  const { record: r, lang } = o;
  const t = (x: { readonly da: string; readonly en: string }): string => x[lang];
  const base = `knowledge-split-${r.id}`;
  const gross = r.grossAmount;
  const inputs = LEVELS.map((level) =>
    h("input", {
      type: "number",
      id: `${base}-${level}`,
      min: 0,
      max: 100,
      step: "any",
      inputmode: "decimal",
      "data-level": level,
    }),
  );
  const sum = h("p", { class: "hint", id: `${base}-sum`, "aria-live": "polite" });
  const insert = h("button", { type: "button", class: "primary", id: `${base}-insert` }, t(KT.splitInsert));
  const shares = (): LevelShares | undefined => {
    const v = inputs.map((i) => (i.value.trim() === "" ? 0 : Number(i.value) / 100));
    if (v.some((x) => !Number.isFinite(x) || x < 0 || x > 1)) return undefined;
    const [k = 0, rg = 0, st = 0] = v;
    return Math.abs(k + rg + st - 1) <= 1e-9 ? { Kommune: k, Region: rg, Stat: st } : undefined;
  };
  const update = (): void => {
    const v = inputs.map((i) => (i.value.trim() === "" ? 0 : Number(i.value)));
    const total = v.reduce((s, x) => s + (Number.isFinite(x) ? x : NaN), 0);
    const ok = shares();
    sum.textContent = ok
      ? `${t(KT.splitSum)}: 100 % – ${
          gross !== undefined
            ? LEVELS.filter((l) => ok[l] > 0)
                .map((l) => `${l} ${formatNumber(gross * ok[l], lang, 2)} kr./${r.unit}`)
                .join(", ")
            : sharesText(ok, lang)
        }`
      : `${t(KT.splitSum)}: ${Number.isFinite(total) ? formatNumber(total, lang, 2) : "?"} % – ${t(KT.splitMust100)}`;
    insert.disabled = o.busy || ok === undefined;
  };
  for (const i of inputs) i.addEventListener("input", update);
  insert.addEventListener("click", () => {
    const ok = shares();
    if (ok) o.onInsert(ok);
  });

  const fields = h(
    "div",
    { class: "knowledge-split-fields" },
    ...LEVELS.map((level, k) => h("label", { for: `${base}-${level}` }, `${level} (%)`, inputs[k] ?? null)),
  );
  const help = o.refusion
    ? h(
        "div",
        { class: "knowledge-split-help", id: `${base}-help` },
        h(
          "p",
          { class: "hint" },
          `${t(KT.splitHelp)} ${o.refusion.title}: ${o.refusion.values
            .map((v) => `${v.label} ${formatPercent(v.value, lang)}`)
            .join(
              ", ",
            )}. ${t(KT.splitHelpRest)} ${t(KT.source)}: ${o.refusion.provenance.source} (${o.refusion.provenance.year}; ${t(KT.confidence)} ${o.refusion.provenance.confidence} – ${t(KT.secondary)}).`,
        ),
        o.refusion.provenance.note ? h("p", { class: "hint" }, o.refusion.provenance.note) : null,
        h(
          "div",
          { class: "actions" },
          ...o.refusion.values.map((v, k) => {
            const b = h(
              "button",
              { type: "button", class: "secondary", id: `${base}-stage-${k + 1}` },
              `${v.label}: Stat ${formatPercent(v.value, lang)}`,
            );
            b.addEventListener("click", () => {
              const [ik, ir, is] = inputs;
              if (ik) ik.value = String(Math.round((1 - v.value) * 1e6) / 1e4);
              if (ir) ir.value = "0";
              if (is) is.value = String(Math.round(v.value * 1e6) / 1e4);
              update();
            });
            return b;
          }),
        ),
      )
    : null;

  const p = r.provenance;
  const form = h(
    "div",
    { class: "knowledge-split", id: base, "data-id": r.id },
    h("p", { class: "knowledge-report-title" }, `${t(KT.splitTitle)}: ${r.title}`),
    h(
      "p",
      {},
      gross !== undefined
        ? `${r.figureKind === "sats" ? t(KT.splitRate) : t(KT.splitTotal)} ${formatNumber(gross, lang, Number.isInteger(gross) ? 0 : 2)} kr./${r.unit} (${p.year}). ${t(KT.source)}: ${p.source} (${t(KT.confidence)} ${p.confidence}).`
        : `${t(KT.source)}: ${p.source} (${p.year}).`,
    ),
    h(
      "p",
      { class: "banner warning" },
      t(r.figureKind === "sats" ? KT.splitMissingRate : KT.splitMissingTotal),
    ),
    help,
    fields,
    sum,
    h("p", { class: "hint" }, t(KT.splitKilde)),
    h("div", { class: "actions" }, insert),
  );
  update();
  return form;
}
