/**
 * The Usikkerhed section of the Følsomhed panel (issue 16, som-method.md §10): one button runs the seeded
 * simulation of `SOM_Usikkerhed` — off the UI thread (a Web Worker, `simulation-runner.ts`), with progress and
 * Cancel in the shell's progress bar — and writes `Usikkerhedsresultater` (and, when the box is ticked,
 * `Simuleringer`) together with `Resultater` and `_som_meta` in one write. The pane then shows the plain-Danish
 * sentence, P(Σ NR > 0) per actor, level and total as the headline, and the fan chart.
 *
 * A cancelled or failed run writes nothing. All logic comes from `src/app/uncertainty-workbook.ts` (injected).
 */
import type {
  PreparedSimulation,
  PrepareSimulationOutcome,
  SimulationOptions,
} from "../../../app/uncertainty-workbook";
import type { SimulationResult } from "../../../engine/simulation/simulate";
import type { InputIssue } from "../../../engine/types";
import type { Lang } from "../../../present/format";
import type { WorkbookPort } from "../../../workbook/port";
import type { WorkbookSpec } from "../../../workbook/sheet-model";
import { clear, h, s, uid } from "../../dom";
import { fill, tr } from "../../i18n";
import type { PanelContext } from "../../panel";
import { cancellableRun, textBinder } from "../../panel-helpers";
import { appendAxes } from "../../calculation/chart";
import type { SimulationRunner } from "./simulation-runner";
import { blockByKey, fanModel, simulationView, UT } from "./uncertainty-view";

/** The use cases the section calls (the real ones are wired in `index.ts`; tests may pass others). */
export interface UncertaintyUseCases {
  prepareSimulation(port: WorkbookPort, options: SimulationOptions): Promise<PrepareSimulationOutcome>;
  /** Where the iterations run (the pane: a Web Worker; `yieldToUi` is for a fallback on the UI thread). */
  simulationRunner(yieldToUi: () => Promise<void>): SimulationRunner;
  writeSimulation(
    port: WorkbookPort,
    prepared: PreparedSimulation,
    result: SimulationResult,
    options: SimulationOptions,
  ): Promise<
    | { readonly ok: true; readonly written: WorkbookSpec }
    | { readonly ok: false; readonly issues: readonly InputIssue[] }
  >;
}

const BAND = "#9cc3e5";
const LINE = "#0f6cbd";

function fanSvg(result: SimulationResult, key: string, lang: Lang): SVGSVGElement | null {
  const block = blockByKey(result, key, lang);
  if (block === undefined) return null;
  const m = fanModel(result.years, block.summary.cumulative, lang);
  const titleId = uid("fan-title");
  const descId = uid("fan-desc");
  const svg = s(
    "svg",
    {
      class: "chart",
      viewBox: `0 0 ${m.width} ${m.height}`,
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
      preserveAspectRatio: "xMidYMid meet",
      "data-block": key,
    },
    s("title", { id: titleId }, tr(UT.fanTitle, lang)),
    s(
      "desc",
      { id: descId },
      tr(
        fill(UT.fanDesc, {
          who: block.who,
          first: result.years[0] ?? "",
          last: result.years[result.years.length - 1] ?? "",
        }),
        lang,
      ),
    ),
  );
  appendAxes(svg, m);
  svg.append(
    s("polygon", { points: m.band, fill: BAND, "fill-opacity": 0.6, stroke: "none", class: "fan-band" }),
    s("polyline", {
      points: m.median,
      fill: "none",
      stroke: LINE,
      "stroke-width": 2,
      "stroke-linejoin": "round",
      class: "fan-median",
    }),
  );
  return svg;
}

function legend(lang: Lang): HTMLUListElement {
  const ul = h("ul", { class: "legend" });
  ul.append(
    h(
      "li",
      {},
      s(
        "svg",
        { class: "swatch", viewBox: "0 0 20 8", width: 20, height: 8, "aria-hidden": "true" },
        s("rect", { x: 0, y: 0, width: 20, height: 8, fill: BAND }),
      ),
      tr(UT.band, lang),
    ),
    h(
      "li",
      {},
      s(
        "svg",
        { class: "swatch", viewBox: "0 0 20 8", width: 20, height: 8, "aria-hidden": "true" },
        s("line", { x1: 0, x2: 20, y1: 4, y2: 4, stroke: LINE, "stroke-width": 2.5 }),
      ),
      tr(UT.median, lang),
    ),
  );
  return ul;
}

/** Mounts the section into `root`; returns its clean-up function. */
export function mountUncertaintySection(
  root: HTMLElement,
  ctx: PanelContext,
  useCases: UncertaintyUseCases,
): () => void {
  const { bind, relabel } = textBinder(ctx);
  const iterationsBox = h("input", { type: "checkbox", id: "som-sim-iterations" });
  const runBtn = bind(h("button", { type: "button", class: "primary", id: "som-simulate" }), UT.run);
  const results = h("section", { id: "som-sim-results", class: "results", hidden: true });
  root.append(
    h(
      "section",
      { id: "som-uncertainty", class: "uncertainty" },
      bind(h("h2", {}), UT.title),
      bind(h("p", { class: "intro" }), UT.intro),
      h(
        "label",
        { class: "check", for: "som-sim-iterations" },
        iterationsBox,
        bind(h("span", {}), UT.iterationsSheet),
      ),
      h("div", { class: "actions" }, runBtn),
      results,
    ),
  );

  const runSimulation = useCases.simulationRunner(() => ctx.yieldToUi());
  let last: SimulationResult | undefined;
  let fanKey = "total";
  let disposed = false;

  const render = (): void => {
    clear(results);
    results.hidden = last === undefined;
    if (last === undefined) return;
    const result = last;
    const lang = ctx.lang();
    const view = simulationView(result, lang);
    const list = h("ul", { class: "kf-list", id: "som-sim-probabilities" });
    for (const r of view.rows)
      list.append(
        h(
          "li",
          {
            class: `kf-card${r.kind === "total" ? " total" : ""}`,
            "data-block": r.key,
            "data-share": String(r.share),
          },
          h(
            "div",
            { class: "kf-head" },
            h("span", { class: "kf-name" }, r.who),
            h(
              "span",
              {
                class: `sim-prob ${r.share > 0.5 ? "gain" : "loss"}`,
                title: tr(UT.probability, lang),
                "aria-label": `${tr(UT.probability, lang)} ${r.probability}`,
              },
              r.probability,
            ),
          ),
          h(
            "div",
            { class: "sim-bar", "aria-hidden": "true" },
            s(
              "svg",
              { viewBox: "0 0 100 6", preserveAspectRatio: "none", width: "100%", height: 6 },
              s("rect", { x: 0, y: 0, width: 100, height: 6, fill: "#f0f0f0" }),
              s("rect", { x: 0, y: 0, width: Math.round(r.share * 1000) / 10, height: 6, fill: "#107c10" }),
            ),
          ),
          h(
            "dl",
            { class: "kf-grid" },
            h("dt", {}, tr(UT.p5, lang)),
            h("dd", {}, r.p5),
            h("dt", {}, tr(UT.p50, lang)),
            h("dd", {}, r.p50),
            h("dt", {}, tr(UT.p95, lang)),
            h("dd", {}, r.p95),
          ),
        ),
      );
    const selectId = uid("fan-select");
    const select = h("select", { id: selectId, class: "fan-select" });
    for (const r of view.rows) {
      const opt = h("option", { value: r.key }, r.who);
      if (r.key === fanKey) opt.selected = true;
      select.append(opt);
    }
    const figure = h("figure", { class: "chart-box", id: "som-fan" });
    const drawFan = (): void => {
      clear(figure);
      const svg = fanSvg(result, fanKey, lang);
      if (svg !== null) figure.append(svg, legend(lang));
    };
    select.addEventListener("change", () => {
      fanKey = select.value;
      drawFan();
    });
    drawFan();
    results.append(
      h("p", { class: "sim-sentence", id: "som-sim-sentence" }, view.sentence),
      h("p", { class: "hint", id: "som-sim-settings" }, view.settings),
      h("h3", {}, tr(UT.probabilityTitle, lang)),
      list,
      h("h3", {}, tr(UT.fanTitle, lang)),
      h("div", { class: "field" }, h("label", { for: selectId }, tr(UT.fanFor, lang)), select),
      figure,
    );
  };

  cancellableRun<{ result: SimulationResult; warnings: readonly InputIssue[] }>(ctx, {
    button: runBtn,
    progressLabel: UT.computing,
    cancelled: UT.cancelled,
    issues: UT.issues,
    cancelErrorName: "SimulationCancelledError",
    disposed: () => disposed,
    quietErrorsOnceDisposed: true,
    start: () => {
      const writeIterations = iterationsBox.checked;
      const options: SimulationOptions = { now: ctx.now(), lang: ctx.lang(), writeIterations };
      return {
        task: async (report, signal) => {
          const prepared = await useCases.prepareSimulation(ctx.workbook, options);
          if (!prepared.ok) return { ok: false as const, issues: prepared.issues };
          report(0, prepared.settings.iterations);
          const result = await runSimulation(prepared.scenario, prepared.settings, {
            onProgress: report,
            signal,
            keepDraws: writeIterations,
          });
          if (signal.aborted) return { ok: "cancelled" as const };
          // the result arrived in one message: write in a task of its own, so no single task grows long
          await ctx.yieldToUi();
          const written = await useCases.writeSimulation(ctx.workbook, prepared, result, options);
          if (!written.ok) return { ok: false as const, issues: written.issues };
          return { ok: true as const, result, warnings: prepared.warnings };
        },
        succeeded: async (outcome) => {
          await ctx.yieldToUi();
          if (disposed) return;
          ctx.showIssues(outcome.warnings);
          last = outcome.result;
          fanKey = simulationView(outcome.result, ctx.lang()).headlineKey;
          render();
          ctx.notify("success", writeIterations ? UT.doneWithIterations : UT.done);
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
  };
}
