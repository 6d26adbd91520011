/**
 * The calculation panel: "Opret SØM-ark" (create the input sheets), "Beregn" (calculate and write the result
 * sheets), key figures per actor with a chart of the cumulative net result, the stale flag and opt-in
 * automatic recalculation. All logic comes from the use cases in `src/app/` (injected, see `panels.ts`).
 */
import type { CalculateOutcome } from "../../app/calculate-workbook";
import type { CreateSheetsResult } from "../../app/create-sheets";
import type { LiveOptionState } from "../../app/live-option";
import type { StaleState } from "../../app/stale";
import type { RealismSettings } from "../../engine/simulation/realism";
import type { Effect, Results } from "../../engine/types";
import type { Lang } from "../../present/format";
import type { InputEditPort, WorkbookPort } from "../../workbook/port";
import type { BudgetFigures } from "../../workbook/render/budget-sheet";
import { LIVE_SHEETS } from "../../workbook/render/live-sheets";
import type { FollowUp } from "../../engine/decision/follow-up";
import { clear, h } from "../dom";
import { describeError } from "../errors";
import { fill, T, tr } from "../i18n";
import { officeErrorCode } from "../../excel/office-errors";
import type { InputsChanged, Panel, PanelContext, Text } from "../panel";
import { textBinder } from "../panel-helpers";
import { budgetSection } from "./budget-section";
import { realismSection } from "./realism-section";
import { followUpSection } from "./follow-up-section";
import { renderChart } from "./chart";
import { keyFigureRows } from "./key-figures";
import { modelCard } from "./model-card";

/** The use cases the panel calls (the real ones are wired in `panels.ts`; tests may pass others). */
export interface CalculationUseCases {
  calculateWorkbook(
    port: WorkbookPort,
    options: { now: Date; lang: Lang; live?: boolean },
  ): Promise<CalculateOutcome>;
  isStale(port: WorkbookPort): Promise<StaleState>;
  createSomSheets(port: WorkbookPort, lang: Lang): Promise<CreateSheetsResult>;
  /** The option «Levende resultater» (`SOM_LevendeResultater`). */
  readLiveOption(port: WorkbookPort): Promise<LiveOptionState>;
  /** Writes the option's cell (an explicit user action); a workbook without the option is left as it is. */
  setLiveOption(port: WorkbookPort & InputEditPort, on: boolean): Promise<LiveOptionState>;
}

export interface CalculationPanelOptions {
  /** Quiet time after the last input edit before an automatic recalculation, ms. Default 1500. */
  readonly autoDelayMs?: number;
}

/** A sheet list from the use cases (names, or objects with a `name`) as "»A«, »B«". */
function sheetList(items: unknown): string {
  const arr = Array.isArray(items) ? (items as unknown[]) : [];
  return arr
    .map((x) =>
      typeof x === "string"
        ? x
        : typeof x === "object" && x !== null && "name" in x
          ? String((x as { name: unknown }).name)
          : "",
    )
    .filter((x) => x.length > 0)
    .map((x) => `»${x}«`)
    .join(", ");
}

/** The visible sheets of what a calculation wrote (a `WorkbookSpec`), as "»Resultater«". */
function writtenSheets(written: unknown): string {
  const sheets = (written as { sheets?: unknown } | null)?.sheets;
  if (!Array.isArray(sheets)) return sheetList(written);
  return sheetList(
    (sheets as { name?: unknown; visibility?: unknown }[]).filter(
      (x) => x.visibility === undefined || x.visibility === "visible",
    ),
  );
}

/** Stale flag: true/false, or undefined when the workbook holds no results yet. */
const staleFlag = (x: StaleState): boolean | undefined => (x.state === "none" ? undefined : x.stale);

export function createCalculationPanel(
  useCases: CalculationUseCases,
  options: CalculationPanelOptions = {},
): Panel {
  return {
    id: "calculation",
    title: T.calcTab,
    mount(root: HTMLElement, ctx: PanelContext) {
      const autoDelay = options.autoDelayMs ?? 1500;
      const { bind, relabel } = textBinder(ctx);

      const createBtn = bind(
        h("button", { type: "button", class: "secondary", id: "som-create" }),
        T.createSheets,
      );
      const calcBtn = bind(
        h("button", { type: "button", class: "primary", id: "som-calculate" }),
        T.calculate,
      );
      const autoBox = h("input", { type: "checkbox", id: "som-auto" });
      const autoLabel = h(
        "label",
        { class: "check", for: "som-auto" },
        autoBox,
        bind(h("span", {}), T.autoRecalc),
      );
      const autoHint = bind(
        h("p", { class: "hint", id: "som-auto-hint" }),
        ctx.host === "excel" ? T.autoRecalcHint : T.autoRecalcUnavailable,
      );
      autoBox.setAttribute("aria-describedby", autoHint.id);
      if (ctx.host !== "excel") autoBox.disabled = true;
      const liveBox = h("input", { type: "checkbox", id: "som-live" });
      const liveLabel = h(
        "label",
        { class: "check", for: "som-live" },
        liveBox,
        bind(h("span", {}), T.liveResults),
      );
      const liveHint = h("p", { class: "hint", id: "som-live-hint" });
      liveBox.setAttribute("aria-describedby", liveHint.id);
      const staleBanner = h("p", { class: "banner warning", id: "som-stale", hidden: true });
      const results = h("section", {
        id: "som-results",
        class: "results",
        hidden: true,
        "aria-labelledby": "som-kf-title",
      });

      root.append(
        bind(h("p", { class: "intro" }), T.calcIntro),
        h("div", { class: "actions" }, calcBtn, createBtn),
        bind(h("p", { class: "hint" }), T.createSheetsHint),
        h("div", { class: "auto" }, autoLabel, autoHint),
        h("div", { class: "auto", id: "som-live-box" }, liveLabel, liveHint),
        staleBanner,
        results,
      );

      let busy = false;
      let stale: boolean | undefined;
      /** The last write stopped halfway (`isStale` → interrupted): the banner says so. */
      let interrupted = false;
      let last:
        | {
            results: Results;
            budget: BudgetFigures | undefined;
            adjusted: { readonly results: Results; readonly realism: RealismSettings } | null;
            followUp: FollowUp | null;
            effects: readonly Effect[];
          }
        | undefined;
      let autoTimer: ReturnType<typeof setTimeout> | undefined;
      let rerun = false;
      let disposed = false;
      /** The workbook's option as last read or written; undefined until read. */
      let liveState: LiveOptionState | undefined;
      /** The choice for a workbook without the option (kept for this session, passed to Beregn). */
      let liveSession = false;

      const renderLive = (): void => {
        const present = liveState?.present === true;
        liveBox.checked = present ? liveState?.on === true : liveSession;
        liveHint.textContent = tr(present ? T.liveResultsHint : T.liveResultsNoOption, ctx.lang());
      };

      const refreshLive = async (): Promise<void> => {
        try {
          const state = await useCases.readLiveOption(ctx.workbook);
          if (disposed) return;
          liveState = state;
          renderLive();
        } catch (err) {
          console.warn("SØM: could not read the option Levende resultater", err);
        }
      };

      const setBusy = (b: boolean): void => {
        busy = b;
        createBtn.disabled = b;
        calcBtn.disabled = b;
        liveBox.disabled = b;
        calcBtn.setAttribute("aria-busy", String(b));
      };

      const renderStale = (): void => {
        staleBanner.hidden = stale !== true;
        const lang = ctx.lang();
        // With the live sheets on, say that they keep calculating (until the inputs' shape changes).
        const live =
          !interrupted && liveState?.present === true && liveState.on ? ` ${tr(T.staleLive, lang)}` : "";
        staleBanner.textContent = `${tr(interrupted ? T.staleInterrupted : T.stale, lang)}${live}`;
        results.classList.toggle("is-stale", stale === true);
      };

      const renderResults = (): void => {
        clear(results);
        results.hidden = last === undefined;
        if (!last) return;
        const lang = ctx.lang();
        const r = last.results;
        const first = r.years[0] ?? "";
        const lastYear = r.years[r.years.length - 1] ?? "";
        results.append(
          h("h2", { id: "som-kf-title" }, tr(T.keyFigures, lang)),
          h(
            "p",
            { class: "hint" },
            tr(fill(T.keyFiguresNote, { priceLevel: r.priceLevel, first, last: lastYear }), lang),
          ),
        );
        const cards = h("ul", { class: "kf-list" });
        for (const row of keyFigureRows(r, lang, last.effects)) {
          const dl = h(
            "dl",
            { class: "kf-grid" },
            h("dt", {}, tr(T.netResult, lang)),
            h("dd", { class: `kf-net ${row.sign > 0 ? "gain" : row.sign < 0 ? "loss" : ""}` }, row.net),
            h("dt", {}, tr(T.breakEven, lang)),
            h("dd", { class: `kf-breakeven${row.breakEvenDefined ? "" : " kf-note"}` }, row.breakEven),
            h("dt", {}, tr(T.returnPerKrone, lang)),
            h("dd", { class: `kf-rpk${row.returnPerKroneDefined ? "" : " kf-note"}` }, row.returnPerKrone),
            h("dt", {}, tr(T.presentValue, lang)),
            h("dd", { class: "kf-pv" }, row.presentValue),
            h("dt", {}, tr(T.criticalRate, lang)),
            h("dd", { class: `kf-critical${row.criticalDefined ? "" : " kf-note"}` }, row.critical),
          );
          cards.append(
            h(
              "li",
              { class: `kf-card${row.isTotal ? " total" : ""}`, "data-actor": row.isTotal ? "" : row.name },
              h(
                "div",
                { class: "kf-head" },
                h("span", { class: "kf-name" }, row.name),
                row.level && row.level.toLowerCase() !== row.name.toLowerCase()
                  ? h("span", { class: "kf-level" }, row.level)
                  : null,
              ),
              dl,
            ),
          );
        }
        const chart = h("figure", { class: "chart-box", id: "som-chart" });
        results.append(
          cards,
          ...(last.adjusted === null
            ? []
            : [realismSection(r, last.adjusted.results, last.adjusted.realism, lang)]),
          modelCard(r, lang),
          chart,
        );
        renderChart(
          chart,
          r.years,
          [
            ...r.actors.map((a, i) => ({ name: a.name, values: r.byActor[i]?.cumulative ?? [] })),
            // the "I alt" line, drawn thick and dark, when there is more than one actor
            ...(r.actors.length > 1
              ? [{ name: tr(T.total, lang), values: r.total.cumulative, total: true }]
              : []),
          ],
          lang,
        );
        if (last.budget !== undefined) results.append(budgetSection(r, last.budget, lang));
        if (last.followUp !== null) results.append(followUpSection(last.followUp, lang));
      };

      const refreshStale = async (): Promise<void> => {
        try {
          const state = await useCases.isStale(ctx.workbook);
          if (disposed) return;
          stale = staleFlag(state);
          interrupted = state.state === "stale" && state.interrupted === true;
          renderStale();
        } catch (err) {
          console.warn("SØM: could not check whether results are stale", err);
        }
      };

      function scheduleAuto(): void {
        if (!autoBox.checked || disposed) return;
        if (autoTimer !== undefined) clearTimeout(autoTimer);
        autoTimer = setTimeout(() => {
          autoTimer = undefined;
          void calculate("auto");
        }, autoDelay);
      }

      const calculate = async (trigger: "button" | "auto"): Promise<void> => {
        if (busy) {
          if (trigger === "auto") rerun = true;
          return;
        }
        setBusy(true);
        try {
          // The workbook's option decides when it has one (Beregn reads it in its single read); otherwise the
          // session's choice.
          const live = liveState?.present === true ? undefined : liveSession;
          const run = (): ReturnType<typeof useCases.calculateWorkbook> =>
            useCases.calculateWorkbook(ctx.workbook, {
              now: ctx.now(),
              lang: ctx.lang(),
              ...(live === undefined ? {} : { live }),
            });
          const outcome = await ctx.progress.run(T.calculating, () =>
            trigger === "auto" ? ctx.automatic(run) : run(),
          );
          if (!outcome.ok) {
            ctx.showIssues(outcome.issues);
            const n = outcome.issues.length;
            ctx.notify("error", n === 1 ? T.calcIssues1 : fill(T.calcIssues, { count: n }));
            return;
          }
          ctx.showIssues(outcome.warnings);
          last = {
            results: outcome.results,
            budget: outcome.budget,
            adjusted: outcome.adjusted ?? null,
            followUp: outcome.followUp,
            effects: outcome.scenario.effects,
          };
          if (liveState?.present === true) {
            // what Beregn found in the cell (the user may have typed Ja/Nej there since the pane read it)
            const wroteLive = (outcome.written?.sheets ?? []).some((x) => x.name === LIVE_SHEETS.results);
            liveState = { ...liveState, on: wroteLive };
            renderLive();
          }
          stale = false;
          interrupted = false;
          renderStale();
          renderResults();
          const written = writtenSheets(outcome.written) || "»Resultater«";
          const done = fill(T.calcDone, { sheets: written });
          ctx.notify(
            "success",
            outcome.warnings.length > 0
              ? {
                  da: `${done.da} ${fill(T.warningsShown, { count: outcome.warnings.length }).da}`,
                  en: `${done.en} ${fill(T.warningsShown, { count: outcome.warnings.length }).en}`,
                }
              : done,
          );
          ctx.workbookChanged("results");
        } catch (err) {
          if (trigger === "auto" && officeErrorCode(err) === "InvalidOperationInCellEditMode") {
            // the user is typing (hosts without delayForCellEdit): stay stale, try again quietly later
            scheduleAuto();
            return;
          }
          ctx.notify("error", describeError(err));
          // a write that failed halfway leaves the workbook marked (ClaimSpec): the banner says so
          void refreshStale();
        } finally {
          setBusy(false);
          if (rerun && !disposed) {
            rerun = false;
            void calculate("auto");
          }
        }
      };

      const createSheets = async (): Promise<void> => {
        if (busy) return;
        setBusy(true);
        try {
          const out = await ctx.progress.run(T.creatingSheets, () =>
            useCases.createSomSheets(ctx.workbook, ctx.lang()),
          );
          const created = sheetList(out.created);
          const skipped = sheetList(out.skipped);
          const repaired = (out.repairedNames ?? []).join(", ");
          const parts: Text[] = [];
          if (created) parts.push(fill(T.sheetsCreated, { list: created }));
          if (repaired) parts.push(fill(T.namesRepaired, { list: repaired }));
          if (skipped) parts.push(fill(T.sheetsSkipped, { list: skipped }));
          if (!created && !repaired) parts.unshift(T.sheetsNoneCreated);
          ctx.showIssues([]);
          ctx.notify(created || repaired ? "success" : "info", {
            da: parts.map((p) => p.da).join(" "),
            en: parts.map((p) => p.en).join(" "),
          });
          ctx.workbookChanged("inputs");
        } catch (err) {
          ctx.notify("error", describeError(err));
        } finally {
          setBusy(false);
        }
        await refreshStale(); // also reads the (new) input names, so edits to them are watched
        await refreshLive(); // new sheets bring the option (Ja)
      };

      calcBtn.addEventListener("click", () => void calculate("button"));
      createBtn.addEventListener("click", () => void createSheets());

      const onEdit = (change: InputsChanged): void => {
        if (last !== undefined || stale !== undefined) {
          stale = true;
          renderStale();
        }
        // a co-author's edit only marks the results stale: every open client would recalculate otherwise
        if (change.local) scheduleAuto();
      };
      const offInputs = ctx.onInputsChanged(onEdit);
      const offWb = ctx.onWorkbookChanged((what) => {
        if (what === "inputs" && !busy) {
          void refreshStale();
          void refreshLive();
        }
      });
      const setLive = async (): Promise<void> => {
        const on = liveBox.checked;
        if (liveState?.present !== true) {
          liveSession = on;
          renderLive();
          return;
        }
        setBusy(true);
        try {
          liveState = await useCases.setLiveOption(ctx.workbook, on);
          if (!liveState.present) liveSession = on;
          ctx.notify("info", on ? T.liveResultsOn : T.liveResultsOff);
        } catch (err) {
          ctx.notify("error", describeError(err));
        } finally {
          setBusy(false);
          renderLive();
        }
      };
      liveBox.addEventListener("change", () => void setLive());
      autoBox.addEventListener("change", () => {
        if (!autoBox.checked && autoTimer !== undefined) {
          clearTimeout(autoTimer);
          autoTimer = undefined;
        }
      });

      const offLang = ctx.onLangChange((lang) => {
        relabel(lang);
        renderStale();
        renderLive();
        renderResults();
      });

      renderLive();
      void refreshStale();
      void refreshLive();

      return () => {
        disposed = true;
        if (autoTimer !== undefined) clearTimeout(autoTimer);
        offInputs();
        offWb();
        offLang();
      };
    },
  };
}
