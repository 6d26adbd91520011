/**
 * The task-pane shell: header with the language switch, status line, progress bar, tabs for the panels, the
 * shared issue list and the confirm dialog. It builds one `PanelContext` and mounts every panel of
 * `panels.ts` into its own tab. It knows nothing about Office: the composition root (`taskpane.ts`) hands it
 * a workbook port and, in Excel, a way to watch input edits.
 *
 * Accessibility: every action is a <button>; tabs follow the WAI-ARIA tabs pattern (arrow keys, Home/End);
 * status messages are in an aria-live region (errors as role=alert); the dialog is a modal <dialog>.
 */
import type { InputIssue } from "../engine/types";
import type { Lang } from "../present/format";
import type { InputEditPort, RangeRef, SelectPort, WorkbookPort } from "../workbook/port";
import { clear, h, uid } from "./dom";
import { skippedFeaturesMessage } from "../excel/requirements";
import { describeError } from "./errors";
import { fill, T, tr } from "./i18n";
import type { InputsChanged, Panel, PanelContext, Progress, ProgressOptions, Text } from "./panel";

export type ShellWorkbook = WorkbookPort &
  InputEditPort &
  SelectPort & {
    /** What the last write left out on this host (the Office adapter's `lastWrite()`). */
    lastWrite?(): { readonly skipped: readonly string[] } | undefined;
  };

/**
 * The workbook the panels use: `wb` with our own writes run through `own` (the change watcher ignores them).
 * Every optional port method is passed on — without `readWorkbook` a Beregn would read the sheet list in a
 * round trip of its own.
 */
export function shellWorkbook(
  wb: ShellWorkbook,
  own: <T>(work: Promise<T>) => Promise<T>,
  /** Called after each successful `writeSheets` with the features this host left out (may be empty). */
  written: (skipped: readonly string[]) => void = () => undefined,
): ShellWorkbook {
  return {
    readNames: (names) => wb.readNames(names),
    listSheets: () => wb.listSheets(),
    ...(wb.readWorkbook ? { readWorkbook: (names: readonly string[]) => wb.readWorkbook!(names) } : {}),
    ...(wb.readRanges ? { readRanges: (refs: readonly RangeRef[]) => wb.readRanges!(refs) } : {}),
    writeSheets: async (spec) => {
      await own(wb.writeSheets(spec));
      written(wb.lastWrite?.()?.skipped ?? []);
    },
    writeCells: (sheet, row, col, values) => own(wb.writeCells(sheet, row, col, values)),
    defineName: (name, sheet, ref) => own(wb.defineName(name, sheet, ref)),
    applyEdits: (cells, names) => own(wb.applyEdits(cells, names)),
    selectCell: (sheet, address) => wb.selectCell(sheet, address),
  };
}

/** Watching input edits in Excel (see `src/excel/change-watcher.ts`). */
export interface InputWatch {
  stop(): Promise<void>;
  /** Run our own write with its change events ignored. */
  ignoreWhile<T>(work: Promise<T>): Promise<T>;
  /** Re-read where the inputs are (after the pane created or rewrote input sheets). */
  refresh?(): Promise<void>;
}

export interface ShellOptions {
  readonly root: HTMLElement;
  readonly workbook: ShellWorkbook;
  readonly host: "excel" | "browser";
  readonly panels: readonly Panel[];
  readonly now?: () => Date;
  /** Excel only: start watching the user's input edits; `onChange` is called once per (debounced) burst. */
  readonly watchInputs?: (onChange: (change: InputsChanged) => void) => Promise<InputWatch>;
  /** Excel only: run `work` with its requests waiting while the user edits a cell (see `automaticRuns`). */
  readonly automatic?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Where the language choice is remembered (default `localStorage` when available). */
  readonly storage?: Pick<Storage, "getItem" | "setItem"> | undefined;
  /** Delay before a progress bar appears, ms ("slower than a blink"). Default 150. */
  readonly progressDelayMs?: number;
  /** Buttons in the browser dev-mode banner (e.g. load the example). */
  readonly devActions?: readonly DevAction[];
}

export interface DevAction {
  readonly id: string;
  readonly label: Text;
  run(context: PanelContext): Promise<void>;
}

export interface Shell {
  readonly context: PanelContext;
  /** Activate the tab of panel `id`. */
  select(id: string): void;
  setLang(lang: Lang): void;
  dispose(): Promise<void>;
}

const LANG_KEY = "som.lang";

function defaultStorage(): Pick<Storage, "getItem" | "setItem"> | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Resolves on the next macrotask, without the 4 ms clamping of nested setTimeout. */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A tiny event emitter. */
function emitter<A>(): { on(l: (a: A) => void): () => void; emit(a: A): void } {
  const ls = new Set<(a: A) => void>();
  return {
    on(l) {
      ls.add(l);
      return () => ls.delete(l);
    },
    emit(a) {
      for (const l of [...ls]) {
        try {
          l(a);
        } catch (err) {
          console.error("SØM listener failed", err);
        }
      }
    },
  };
}

export function startShell(options: ShellOptions): Shell {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const stored = storage?.getItem(LANG_KEY);
  let lang: Lang = stored === "en" ? "en" : "da";
  const langChanged = emitter<Lang>();
  const inputsChanged = emitter<InputsChanged>();
  const workbookChanged = emitter<"inputs" | "results">();
  const now = options.now ?? (() => new Date());
  const root = options.root;
  clear(root);
  root.classList.add("shell");

  /** Static texts: (element, text, attribute?) — updated on every language change. */
  const bound: { el: Element; text: Text; attr?: string }[] = [];
  const bind = <E extends Element>(el: E, text: Text, attr?: string): E => {
    bound.push(attr === undefined ? { el, text } : { el, text, attr });
    if (attr === undefined) el.textContent = tr(text, lang);
    else el.setAttribute(attr, tr(text, lang));
    return el;
  };

  // ───────── header: title and language switch ─────────
  const langButtons = (["da", "en"] as const).map((l) =>
    bind(
      h(
        "button",
        { type: "button", class: "lang-btn", id: `lang-${l}`, lang: l, "aria-pressed": String(l === lang) },
        l.toUpperCase(),
      ),
      l === "da" ? T.langDa : T.langEn,
      "title",
    ),
  );
  const langGroup = bind(
    h("div", { class: "lang", role: "group" }, ...langButtons),
    T.language,
    "aria-label",
  );
  const header = h(
    "header",
    { class: "appbar" },
    h(
      "div",
      { class: "brand" },
      h("img", { src: "assets/icon-32.png", alt: "", width: 24, height: 24 }),
      h("div", {}, bind(h("h1", {}), T.appTitle), bind(h("p", { class: "subtitle" }), T.appSubtitle)),
    ),
    langGroup,
  );

  const devButtons = (options.host === "browser" ? (options.devActions ?? []) : []).map((a) => {
    const b = bind(h("button", { type: "button", class: "secondary", id: a.id }), a.label);
    b.addEventListener("click", () => {
      b.disabled = true;
      a.run(context)
        .catch((err: unknown) => notify("error", describeError(err)))
        .finally(() => (b.disabled = false));
    });
    return b;
  });
  const devBanner =
    options.host === "browser"
      ? h(
          "div",
          { class: "banner info", id: "dev-banner" },
          bind(h("p", {}), T.devMode),
          devButtons.length > 0 ? h("div", { class: "actions" }, ...devButtons) : null,
        )
      : null;

  // ───────── status line ─────────
  const statusText = h("span", { class: "status-text" });
  const statusClose = bind(
    h("button", { type: "button", class: "icon-btn", id: "status-close" }, "×"),
    T.dismiss,
    "aria-label",
  );
  const statusBox = h("div", { class: "status-box", hidden: true }, statusText, statusClose);
  const status = bind(
    h("div", { id: "status", class: "status", role: "status", "aria-live": "polite" }, statusBox),
    T.statusRegion,
    "aria-label",
  );
  let statusMsg: { kind: "info" | "success" | "error"; text: Text } | undefined;
  const renderStatus = (): void => {
    statusBox.hidden = statusMsg === undefined;
    statusBox.className = `status-box ${statusMsg?.kind ?? ""}`;
    if (statusMsg?.kind === "error") statusBox.setAttribute("role", "alert");
    else statusBox.removeAttribute("role");
    statusText.textContent = statusMsg ? tr(statusMsg.text, lang) : "";
  };
  statusClose.addEventListener("click", () => {
    statusMsg = undefined;
    renderStatus();
  });

  // ───────── host notice (features this Excel lacks) ─────────
  const noticeText = h("span", { class: "status-text" });
  const noticeClose = bind(
    h("button", { type: "button", class: "icon-btn", id: "host-notice-close" }, "×"),
    T.dismiss,
    "aria-label",
  );
  const notice = h(
    "div",
    { class: "status-box info", id: "host-notice", role: "note", hidden: true },
    noticeText,
    noticeClose,
  );
  let noticeMsg: Text | undefined;
  const renderNotice = (): void => {
    notice.hidden = noticeMsg === undefined;
    noticeText.textContent = noticeMsg ? tr(noticeMsg, lang) : "";
  };
  noticeClose.addEventListener("click", () => {
    noticeMsg = undefined;
    renderNotice();
  });

  // ───────── progress ─────────
  const progressLabel = h("span", { class: "progress-label", id: uid("progress-label") });
  const progressBar = h("progress", { class: "progress-bar", "aria-labelledby": progressLabel.id });
  const progressCancel = bind(
    h("button", { type: "button", class: "link-btn", id: "progress-cancel", hidden: true }),
    T.cancel,
  );
  const progressBox = h(
    "div",
    { class: "progress", id: "progress", hidden: true },
    progressLabel,
    progressBar,
    progressCancel,
  );
  interface Job {
    label: Text;
    done: number;
    total: number;
    visible: boolean;
    cancellable: boolean;
    controller: AbortController;
  }
  const jobs: Job[] = [];
  const renderProgress = (): void => {
    const job = [...jobs].reverse().find((j) => j.visible);
    progressBox.hidden = job === undefined;
    if (!job) return;
    progressLabel.textContent = tr(job.label, lang);
    if (job.total > 0) {
      progressBar.max = job.total;
      progressBar.value = Math.min(job.done, job.total);
    } else progressBar.removeAttribute("value"); // indeterminate
    progressCancel.hidden = !job.cancellable;
  };
  progressCancel.addEventListener("click", () => {
    const job = [...jobs].reverse().find((j) => j.visible);
    job?.controller.abort();
  });
  const progress: Progress = {
    async run<T>(
      label: Text,
      task: (report: (done: number, total: number) => void, signal: AbortSignal) => Promise<T>,
      opts: ProgressOptions = {},
    ): Promise<T> {
      const job: Job = {
        label,
        done: 0,
        total: 0,
        visible: false,
        cancellable: opts.cancellable === true,
        controller: new AbortController(),
      };
      jobs.push(job);
      root.setAttribute("aria-busy", "true");
      const timer = setTimeout(() => {
        job.visible = true;
        renderProgress();
      }, options.progressDelayMs ?? 150);
      try {
        await yieldToUi(); // let the button's pressed state paint before work starts
        return await task((done, total) => {
          job.done = done;
          job.total = total;
          if (job.visible) renderProgress();
        }, job.controller.signal);
      } finally {
        clearTimeout(timer);
        jobs.splice(jobs.indexOf(job), 1);
        if (jobs.length === 0) root.removeAttribute("aria-busy");
        renderProgress();
      }
    },
  };

  // ───────── tabs and panels ─────────
  const tablist = bind(h("div", { class: "tabs", role: "tablist" }), T.tabs, "aria-label");
  const panelsBox = h("div", { class: "panels" });
  const tabs: { panel: Panel; tab: HTMLButtonElement; body: HTMLElement }[] = [];

  // ───────── shared issue list ─────────
  const issuesTitle = bind(h("h2", { id: "issues-title" }), T.issuesTitle);
  const issuesCount = h("p", { class: "issues-count" });
  const issuesList = h("ol", { class: "issue-list" });
  const issuesBox = h(
    "section",
    { id: "issues", class: "issues", hidden: true, "aria-labelledby": "issues-title" },
    issuesTitle,
    issuesCount,
    issuesList,
  );
  let issues: readonly InputIssue[] = [];

  const where = (loc: {
    sheet?: string | undefined;
    cell?: string | undefined;
    name?: string | undefined;
  }): string =>
    loc.sheet !== undefined && loc.cell !== undefined ? `${loc.sheet}!${loc.cell}` : (loc.name ?? "");

  const goTo = async (sheet: string, cell: string): Promise<void> => {
    try {
      await options.workbook.selectCell(sheet, cell);
    } catch {
      notify("error", fill(T.selectFailed, { where: `${sheet}!${cell}` }));
    }
  };

  const renderIssues = (): void => {
    clear(issuesList);
    issuesBox.hidden = issues.length === 0;
    const errors = issues.filter((i) => i.severity === "error").length;
    issuesCount.textContent = tr(fill(T.issuesCount, { errors, warnings: issues.length - errors }), lang);
    for (const issue of issues) {
      const loc = issue.location;
      const sev = issue.severity === "error" ? T.issueError : T.issueWarning;
      const place = where(loc);
      const main =
        loc.sheet !== undefined && loc.cell !== undefined
          ? h(
              "button",
              {
                type: "button",
                class: "issue-go",
                "data-sheet": loc.sheet,
                "data-cell": loc.cell,
                "aria-label": `${tr(sev, lang)}: ${tr(fill(T.issueGoTo, { where: place }), lang)}. ${issue.message[lang]}`,
              },
              h("span", { class: "issue-where" }, place),
              h("span", { class: "issue-msg" }, issue.message[lang]),
            )
          : h(
              "div",
              { class: "issue-static" },
              h("span", { class: "issue-where" }, place || tr(T.issueNoCell, lang)),
              h("span", { class: "issue-msg" }, issue.message[lang]),
            );
      if (main instanceof HTMLButtonElement) {
        const { sheet, cell } = loc as { sheet: string; cell: string };
        main.addEventListener("click", () => void goTo(sheet, cell));
      }
      const rel = loc.related;
      const related =
        rel?.sheet !== undefined && rel.cell !== undefined
          ? h(
              "button",
              { type: "button", class: "link-btn issue-related" },
              tr(fill(T.issueRelated, { where: where(rel) }), lang),
            )
          : null;
      if (related && rel?.sheet !== undefined && rel.cell !== undefined) {
        const { sheet, cell } = rel as { sheet: string; cell: string };
        related.addEventListener("click", () => void goTo(sheet, cell));
      }
      issuesList.append(
        h(
          "li",
          { class: `issue ${issue.severity}`, "data-code": issue.code },
          h("span", { class: "issue-sev", "aria-hidden": "true" }, tr(sev, lang)),
          main,
          related,
        ),
      );
    }
  };

  // ───────── confirm dialog ─────────
  const dialogText = h("p", { id: "confirm-text" });
  const dialogYes = bind(
    h("button", { type: "button", class: "primary", id: "confirm-yes", value: "yes" }),
    T.yes,
  );
  const dialogNo = bind(
    h("button", { type: "button", class: "secondary", id: "confirm-no", value: "no" }),
    T.no,
  );
  const dialog = h(
    "dialog",
    {
      id: "confirm",
      class: "dialog",
      "aria-labelledby": "confirm-title",
      "aria-describedby": "confirm-text",
    },
    bind(h("h2", { id: "confirm-title" }), T.confirmTitle),
    dialogText,
    h("div", { class: "actions" }, dialogYes, dialogNo),
  );
  let dialogQuestion: Text | undefined;
  let answer: ((yes: boolean) => void) | undefined;
  const closeDialog = (yes: boolean): void => {
    const done = answer;
    answer = undefined;
    dialogQuestion = undefined;
    if (dialog.open) {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
    }
    done?.(yes);
  };
  dialogYes.addEventListener("click", () => closeDialog(true));
  dialogNo.addEventListener("click", () => closeDialog(false));
  dialog.addEventListener("cancel", (e) => {
    e.preventDefault();
    closeDialog(false);
  });
  const confirm = (question: Text): Promise<boolean> => {
    if (answer) closeDialog(false);
    return new Promise<boolean>((resolve) => {
      const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      answer = (yes) => {
        opener?.focus();
        resolve(yes);
      };
      dialogQuestion = question;
      dialogText.textContent = tr(question, lang);
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", ""); // very old WebViews without <dialog>: shown in place, not modal
      dialogNo.focus(); // the safe choice is the default
    });
  };

  // ───────── notify ─────────
  function notify(kind: "info" | "success" | "error", text: Text): void {
    statusMsg = { kind, text };
    renderStatus();
  }

  // ───────── input watching (Excel) ─────────
  let watch: InputWatch | undefined;
  let watchStarting: Promise<void> | undefined;
  const ensureWatch = (): void => {
    if (watch || watchStarting || !options.watchInputs) return;
    watchStarting = options
      .watchInputs((change) => inputsChanged.emit(change))
      .then((w) => {
        watch = w;
      })
      .catch((err: unknown) => console.warn("SØM: could not watch input changes", err));
  };
  const own = <T>(work: Promise<T>): Promise<T> => (watch ? watch.ignoreWhile(work) : work);
  // Features this Excel cannot do (drop-downs before ExcelApi 1.8…): said once per pane session, in a notice
  // that stays until dismissed (issue 12, item 8)
  const announced = new Set<string>();
  const workbook = shellWorkbook(options.workbook, own, (skipped) => {
    const fresh = skipped.filter((s) => !announced.has(s));
    if (fresh.length === 0) return;
    for (const s of fresh) announced.add(s);
    noticeMsg = skippedFeaturesMessage(fresh);
    renderNotice();
  });

  const context: PanelContext = {
    workbook,
    lang: () => lang,
    onLangChange: (l) => langChanged.on(l),
    progress,
    showIssues(list) {
      issues = [...list];
      renderIssues();
    },
    notify,
    confirm,
    now,
    yieldToUi,
    host: options.host,
    onInputsChanged(listener) {
      ensureWatch();
      return inputsChanged.on((change) => listener(change));
    },
    automatic: (work) => (options.automatic ? options.automatic(work) : work()),
    workbookChanged: (what) => {
      if (what === "inputs")
        void watch
          ?.refresh?.()
          .catch((err: unknown) => console.warn("SØM: could not re-read the inputs", err));
      workbookChanged.emit(what);
    },
    onWorkbookChanged: (l) => workbookChanged.on(l),
  };

  // ───────── language ─────────
  const setLang = (l: Lang): void => {
    if (l === lang) return;
    lang = l;
    try {
      storage?.setItem(LANG_KEY, l);
    } catch {
      // storage may be unavailable (private mode); the choice then lasts for this session
    }
    document.documentElement.lang = l;
    for (const b of bound) {
      if (b.attr === undefined) b.el.textContent = tr(b.text, lang);
      else b.el.setAttribute(b.attr, tr(b.text, lang));
    }
    langButtons.forEach((b, i) => b.setAttribute("aria-pressed", String((i === 0 ? "da" : "en") === l)));
    for (const t of tabs) t.tab.textContent = tr(t.panel.title, lang);
    renderStatus();
    renderNotice();
    renderProgress();
    renderIssues();
    if (dialogQuestion) dialogText.textContent = tr(dialogQuestion, lang);
    langChanged.emit(l);
  };
  langButtons.forEach((b, i) => b.addEventListener("click", () => setLang(i === 0 ? "da" : "en")));
  document.documentElement.lang = lang;

  // ───────── mount ─────────
  const select = (id: string, focus = false): void => {
    for (const t of tabs) {
      const on = t.panel.id === id;
      t.tab.setAttribute("aria-selected", String(on));
      t.tab.tabIndex = on ? 0 : -1;
      t.body.hidden = !on;
      if (on && focus) t.tab.focus();
      // narrow panes scroll the tab row sideways (taskpane.css): keep the selected tab in view
      if (on && typeof t.tab.scrollIntoView === "function")
        t.tab.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  };
  const cleanups: (() => void)[] = [];
  for (const panel of options.panels) {
    const tabId = `tab-${panel.id}`;
    const bodyId = `panel-${panel.id}`;
    const tab = h(
      "button",
      {
        type: "button",
        role: "tab",
        id: tabId,
        class: "tab",
        "aria-controls": bodyId,
        "aria-selected": "false",
        tabindex: -1,
      },
      tr(panel.title, lang),
    );
    const body = h("section", {
      role: "tabpanel",
      id: bodyId,
      class: "panel",
      "aria-labelledby": tabId,
      hidden: true,
    });
    tab.addEventListener("click", () => select(panel.id));
    tablist.append(tab);
    panelsBox.append(body);
    tabs.push({ panel, tab, body });
  }
  tablist.addEventListener("keydown", (e) => {
    const i = tabs.findIndex((t) => t.tab === document.activeElement);
    if (i < 0) return;
    const n = tabs.length;
    const next =
      e.key === "ArrowRight"
        ? (i + 1) % n
        : e.key === "ArrowLeft"
          ? (i - 1 + n) % n
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? n - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    select(tabs[next]?.panel.id ?? "", true);
  });
  tablist.hidden = tabs.length < 2;

  root.append(header);
  if (devBanner) root.append(devBanner);
  root.append(status, notice, progressBox, tablist, issuesBox, panelsBox, dialog);

  for (const t of tabs) {
    try {
      const cleanup = t.panel.mount(t.body, context);
      if (typeof cleanup === "function") cleanups.push(cleanup);
    } catch (err) {
      console.error(`SØM: panel ${t.panel.id} failed to mount`, err);
      t.body.append(h("p", { class: "banner error" }, tr(describeError(err), lang)));
    }
  }
  if (tabs[0]) select(tabs[0].panel.id);

  return {
    context,
    select: (id) => select(id),
    setLang,
    async dispose() {
      for (const c of cleanups) c();
      await watchStarting;
      await watch?.stop();
    },
  };
}
