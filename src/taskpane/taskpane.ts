/**
 * Composition root of the task pane (entry of the webpack bundle). After `Office.onReady`:
 * - in Excel: the Office.js adapter (`OfficeWorkbook`) and the input-change watcher;
 * - with no host (the page opened in a plain browser, `info.host === null`) or no office.js at all:
 *   "browser dev mode" on an in-memory workbook, so the UI can be tried without Excel;
 * - in another Office host: a message that SØM needs Excel.
 */
import { watchInputChanges } from "../excel/change-watcher";
import { automaticRuns, excelRunner, OfficeWorkbook } from "../excel/office-workbook";
import { checkRequirements, FEATURE_SETS, officeIsSetSupported } from "../excel/requirements";
import { buildTemplateSpec } from "../workbook/layout/build-template-spec";
import { EXAMPLE_DATA, EXAMPLE_DECISION, EXAMPLE_UNCERTAINTY } from "../workbook/layout/example-data";
import { MemoryWorkbook } from "../workbook/memory-workbook";
import { INPUT_NAMES } from "../workbook/names";
import { h } from "./dom";
import { T } from "./i18n";
import { createPanels } from "./panels";
import { startShell, type DevAction, type Shell } from "./shell";

// The first line that runs: webview-check.js (ES5, loaded after this bundle) shows a message when it is missing,
// i.e. when this ES2020 bundle could not be parsed or loaded (issue 12, item 1).
document.documentElement.setAttribute("data-som-bundle", "started");

declare global {
  interface Window {
    /** The running shell (for debugging in the browser console and the headless tests). */
    som?: Shell;
    /** Browser dev mode only: the in-memory workbook behind the pane (for the console and the headless tests). */
    somWorkbook?: MemoryWorkbook;
  }
}

function body(): HTMLElement {
  const el = document.getElementById("app-body");
  if (!el) throw new Error("taskpane.html has no #app-body");
  return el;
}

function showMessage(text: { da: string; en: string }): void {
  const root = body();
  root.replaceChildren(
    h("p", { class: "banner error", role: "alert" }, text.da),
    h("p", { class: "hint", lang: "en" }, text.en),
  );
}

function startExcel(): void {
  const check = checkRequirements();
  if (!check.ok) {
    showMessage(check.message);
    return;
  }
  // automatic runs (auto-recalculate) wait while the user edits a cell instead of failing (issue 12, item 4)
  const runs = automaticRuns(excelRunner);
  const workbook = new OfficeWorkbook(runs.run);
  window.som = startShell({
    root: body(),
    workbook,
    host: "excel",
    panels: createPanels(),
    automatic: (work) => runs.automatic(work),
    watchInputs: async (onChange) => {
      const start = () =>
        watchInputChanges({
          run: excelRunner,
          inputRanges: () => workbook.contractInputRanges(),
          // a co-author's edit marks results stale on every client but recalculates on none
          onChange: (changes) => onChange({ local: changes.some((c) => c.source === "Local") }),
        });
      let watcher = await start();
      // Where the inputs are: one read of every contract name (2 syncs), again after the pane changed input
      // sheets. Hosts before ExcelApi 1.9 watch sheet by sheet, so sheets added since (Opret SØM-ark) need
      // the watcher restarted.
      const refresh = async (): Promise<void> => {
        await workbook.readNames(INPUT_NAMES);
        if (!officeIsSetSupported(FEATURE_SETS.workbookOnChanged)) {
          const old = watcher;
          watcher = await start();
          await old.stop();
        }
      };
      await workbook.readNames(INPUT_NAMES);
      return { stop: () => watcher.stop(), ignoreWhile: (w) => watcher.ignoreWhile(w), refresh };
    },
  });
}

/** Browser dev mode: load the bundled example into the in-memory workbook (replacing SØM's sheets). */
const loadExample: DevAction = {
  id: "dev-example",
  label: T.loadExample,
  async run(ctx) {
    if ((await ctx.workbook.listSheets()).length > 0 && !(await ctx.confirm(T.loadExampleConfirm))) return;
    await ctx.workbook.writeSheets(
      buildTemplateSpec({
        lang: ctx.lang(),
        data: EXAMPLE_DATA,
        decision: EXAMPLE_DECISION,
        uncertainty: EXAMPLE_UNCERTAINTY,
      }),
    );
    ctx.showIssues([]);
    ctx.workbookChanged("inputs");
    ctx.notify("success", T.exampleLoaded);
  },
};

function startBrowser(): void {
  const workbook = new MemoryWorkbook();
  window.somWorkbook = workbook;
  window.som = startShell({
    root: body(),
    workbook,
    host: "browser",
    panels: createPanels(),
    devActions: [loadExample],
  });
}

/**
 * How long to wait for `Office.onReady` before saying so. office.js that never calls back (a helper file it loads
 * from Microsoft's CDN blocked by a proxy, or failing CORS) would otherwise leave the pane on "Indlæser SØM …"
 * for good; the pane still starts when Office answers later (the shell replaces the message).
 */
const OFFICE_WAIT_MS = 10_000;

function boot(): void {
  if (typeof Office === "undefined") {
    startBrowser(); // office.js did not load (offline, or opened from disk)
    return;
  }
  const waiting = setTimeout(() => {
    const root = body();
    root.replaceChildren(
      h("p", { class: "banner info", role: "status", id: "som-office-waiting" }, T.officeSlow.da),
      h("p", { class: "hint", lang: "en" }, T.officeSlow.en),
    );
  }, OFFICE_WAIT_MS);
  Office.onReady()
    .finally(() => clearTimeout(waiting))
    .then((info) => {
      if (info.host === Office.HostType.Excel) startExcel();
      else if (info.host === null || info.host === undefined) startBrowser();
      else showMessage(T.unsupportedHost);
    })
    .catch((err: unknown) => {
      console.error("SØM: Office.onReady failed", err);
      startBrowser();
    });
}

boot();
