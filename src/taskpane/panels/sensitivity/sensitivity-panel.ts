/**
 * The Følsomhed panel (som-method.md §7): one button computes the sensitivity analyses and writes the sheet
 * `Følsomhedsresultater`; the pane then shows the tornado (inline SVG) and the break-even values per actor.
 *
 * Large grids do not freeze the pane: the grid is computed row by row (`computeSensitivity` → engine
 * `gridRow`), awaiting `context.yieldToUi()` after each row, with a progress bar (rows done / rows) and a
 * Cancel button (`context.progress.run(..., { cancellable: true })`); a cancelled run writes nothing.
 * All logic comes from the use cases in `src/app/sensitivity-workbook.ts` (injected; see `index.ts`).
 */
import type {
  ComputeHooks,
  PrepareOutcome,
  PreparedSensitivity,
  SensitivityOptions,
} from "../../../app/sensitivity-workbook";
import type { SensitivityAnalysis, SensitivitySettings } from "../../../engine/sensitivity/analyses";
import type { InputIssue, Scenario } from "../../../engine/types";
import type { Lang } from "../../../present/format";
import type { WorkbookPort } from "../../../workbook/port";
import type { WorkbookSpec } from "../../../workbook/sheet-model";
import { clear, h, s, uid } from "../../dom";
import { fill, tr } from "../../i18n";
import type { Panel, PanelContext } from "../../panel";
import { cancellableRun, textBinder } from "../../panel-helpers";
import { breakEvenView, gridSummary, ST, tornadoView, type TornadoView } from "./sensitivity-view";
import { mountUncertaintySection, type UncertaintyUseCases } from "./uncertainty-section";

/** The use cases the panel calls (the real ones are wired in `index.ts`; tests may pass others). */
export interface SensitivityUseCases {
  prepareSensitivity(port: WorkbookPort, options: SensitivityOptions): Promise<PrepareOutcome>;
  computeSensitivity(
    scenario: Scenario,
    settings: SensitivitySettings,
    hooks: ComputeHooks,
  ): Promise<SensitivityAnalysis>;
  writeSensitivity(
    port: WorkbookPort,
    prepared: PreparedSensitivity,
    analysis: SensitivityAnalysis,
    options: SensitivityOptions,
  ): Promise<
    | { readonly ok: true; readonly written: WorkbookSpec }
    | { readonly ok: false; readonly issues: readonly InputIssue[] }
  >;
}

const LOW_COLOR = "#c50f1f";
const HIGH_COLOR = "#0f6cbd";

/** The tornado as inline SVG: one row per parameter, bars left/right of the base line, largest swing on top. */
function tornadoSvg(view: TornadoView, lang: Lang): SVGSVGElement {
  const W = 320;
  const rowH = 22;
  const labelW = 96;
  const top = 6;
  const height = top + rowH * view.bars.length + 6;
  const left = labelW + 4;
  const right = W - 6;
  const mid = (left + right) / 2;
  const half = (right - left) / 2;
  const scale = view.maxAbs > 0 ? half / view.maxAbs : 0;
  const titleId = uid("tornado-title");
  const svg = s(
    "svg",
    {
      class: "chart",
      viewBox: `0 0 ${W} ${height}`,
      role: "img",
      "aria-labelledby": titleId,
      preserveAspectRatio: "xMidYMid meet",
    },
    s("title", { id: titleId }, tr(ST.tornadoTitle, lang)),
  );
  svg.append(s("line", { x1: mid, x2: mid, y1: top - 4, y2: height - 2, class: "axis-zero" }));
  view.bars.forEach((b, i) => {
    const y = top + i * rowH;
    svg.append(
      s("text", { x: labelW, y: y + rowH / 2 + 3, class: "tick", "text-anchor": "end" }, b.parameter),
    );
    for (const [delta, color, text] of [
      [b.lowDelta, LOW_COLOR, b.lowText],
      [b.highDelta, HIGH_COLOR, b.highText],
    ] as const) {
      const w = Math.abs(delta) * scale;
      const x = delta < 0 ? mid - w : mid;
      const barY = color === LOW_COLOR ? y + 3 : y + rowH / 2;
      svg.append(
        s(
          "rect",
          { x, y: barY, width: Math.max(w, 0.5), height: rowH / 2 - 3, fill: color },
          s("title", {}, `${b.parameter}: ${text}`),
        ),
      );
    }
  });
  return svg;
}

/**
 * The panel; with `uncertainty` it also has the Usikkerhed section (simulation, `uncertainty-section.ts`)
 * below the sensitivity analyses.
 */
export function createSensitivityPanel(
  useCases: SensitivityUseCases,
  uncertainty?: UncertaintyUseCases,
): Panel {
  return {
    id: "sensitivity",
    title: ST.tab,
    mount(root: HTMLElement, ctx: PanelContext) {
      const { bind, relabel } = textBinder(ctx);
      const runBtn = bind(
        h("button", { type: "button", class: "primary", id: "som-sensitivity-run" }),
        ST.run,
      );
      const results = h("section", { id: "som-sensitivity-results", class: "results", hidden: true });
      root.append(
        bind(h("p", { class: "intro" }), ST.intro),
        h("div", { class: "actions" }, runBtn),
        results,
      );
      const offUncertainty =
        uncertainty === undefined ? undefined : mountUncertaintySection(root, ctx, uncertainty);

      let last: { analysis: SensitivityAnalysis; scenario: Scenario } | undefined;
      let disposed = false;

      const render = (): void => {
        clear(results);
        results.hidden = last === undefined;
        if (last === undefined) return;
        const lang = ctx.lang();
        const view = tornadoView(last.analysis, lang);
        const legend = h("ul", { class: "legend" });
        for (const [color, text] of [
          [LOW_COLOR, ST.atLow],
          [HIGH_COLOR, ST.atHigh],
        ] as const)
          legend.append(
            h(
              "li",
              {},
              s(
                "svg",
                { class: "swatch", viewBox: "0 0 12 8", width: 12, height: 8, "aria-hidden": "true" },
                s("rect", { x: 0, y: 0, width: 12, height: 8, fill: color }),
              ),
              tr(text, lang),
            ),
          );
        const tornadoList = h("ul", { class: "kf-list", id: "som-tornado-list" });
        for (const b of view.bars)
          tornadoList.append(
            h(
              "li",
              { class: "kf-card" },
              h("div", { class: "kf-head" }, h("span", { class: "kf-name" }, b.parameter)),
              h(
                "dl",
                { class: "kf-grid" },
                h("dt", {}, tr(ST.atLow, lang)),
                h("dd", {}, b.lowText),
                h("dt", {}, tr(ST.atHigh, lang)),
                h("dd", {}, b.highText),
                h("dt", {}, tr(ST.swing, lang)),
                h("dd", {}, b.swingText),
              ),
            ),
          );
        const beList = h("ul", { class: "kf-list", id: "som-breakeven-list" });
        for (const r of breakEvenView(last.analysis, last.scenario, lang))
          beList.append(
            h(
              "li",
              { class: `kf-card${r.isTotal ? " total" : ""}`, "data-actor": r.isTotal ? "" : r.who },
              h("div", { class: "kf-head" }, h("span", { class: "kf-name" }, r.who)),
              h(
                "dl",
                { class: "kf-grid" },
                h("dt", {}, tr(ST.beSuccess, lang)),
                h("dd", {}, r.successRate),
                h("dt", {}, tr(ST.beConsequence, lang)),
                h("dd", {}, r.consequenceChange),
                h("dt", {}, tr(ST.beCost, lang)),
                h("dd", {}, r.costChange),
              ),
            ),
          );
        results.append(
          h("h2", {}, tr(ST.tornadoTitle, lang)),
          h("p", { class: "hint" }, tr(fill(ST.tornadoNote, { base: view.baseText }), lang)),
          h("figure", { class: "chart-box", id: "som-tornado" }, tornadoSvg(view, lang), legend),
          tornadoList,
          h("p", { class: "hint", id: "som-grid-summary" }, gridSummary(last.analysis, last.scenario, lang)),
          h("h2", {}, tr(ST.breakEvenTitle, lang)),
          beList,
        );
      };

      cancellableRun<{
        analysis: SensitivityAnalysis;
        scenario: Scenario;
        warnings: readonly InputIssue[];
      }>(ctx, {
        button: runBtn,
        progressLabel: ST.computing,
        cancelled: ST.cancelled,
        issues: ST.issues,
        cancelErrorName: "SensitivityCancelledError",
        disposed: () => disposed,
        quietErrorsOnceDisposed: false,
        start: () => {
          const options = { now: ctx.now(), lang: ctx.lang() };
          return {
            task: async (report, signal) => {
              const prepared = await useCases.prepareSensitivity(ctx.workbook, options);
              if (!prepared.ok) return { ok: false as const, issues: prepared.issues };
              const analysis = await useCases.computeSensitivity(prepared.scenario, prepared.settings, {
                onRow: report,
                yieldBetweenRows: () => ctx.yieldToUi(),
                signal,
              });
              if (signal.aborted) return { ok: "cancelled" as const };
              const written = await useCases.writeSensitivity(ctx.workbook, prepared, analysis, options);
              if (!written.ok) return { ok: false as const, issues: written.issues };
              return {
                ok: true as const,
                analysis,
                scenario: prepared.scenario,
                warnings: prepared.warnings,
              };
            },
            succeeded: (outcome) => {
              ctx.showIssues(outcome.warnings);
              last = { analysis: outcome.analysis, scenario: outcome.scenario };
              render();
              ctx.notify("success", ST.done);
              ctx.workbookChanged("results");
            },
          };
        },
      });

      const offLang = ctx.onLangChange((lang) => {
        relabel(lang);
        render();
      });
      return () => {
        disposed = true;
        offLang();
        offUncertainty?.();
      };
    },
  };
}
