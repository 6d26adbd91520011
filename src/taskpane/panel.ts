/**
 * The contract between the task-pane shell (`src/taskpane/`) and its feature panels (calculation,
 * sensitivity, knowledge base, scenarios & comparison, actors & departments). The shell owns navigation,
 * language, progress, the issue list and the Office connection; a panel owns one feature's UI and calls
 * use cases in `src/app/` with the ports it is given. Panels never touch Office.js or `Excel` directly.
 */
import type { InputIssue } from "../engine/types";
import type { Lang } from "../present/format";
import type { InputEditPort, SelectPort, WorkbookPort } from "../workbook/port";

/** A text in both UI languages. */
export interface Text {
  readonly da: string;
  readonly en: string;
}

/** Progress of a long task: `done` of `total` steps, with a label. The shell shows a bar and keeps the pane responsive. */
export interface Progress {
  /** Run `task` with a visible progress bar; `task` reports steps through `report` and may be cancelled via `signal`. */
  run<T>(
    label: Text,
    task: (report: (done: number, total: number) => void, signal: AbortSignal) => Promise<T>,
    options?: ProgressOptions,
  ): Promise<T>;
}

export interface ProgressOptions {
  /** Show a Cancel button that aborts `signal` (only for tasks that check it, e.g. between slices). Default false. */
  readonly cancellable?: boolean;
}

/** What the shell gives each panel. */
export interface PanelContext {
  /** The open workbook (Office.js in Excel; in-memory in the browser dev mode and the headless tests). */
  readonly workbook: WorkbookPort & InputEditPort & SelectPort;
  /** The current UI language. */
  lang(): Lang;
  /** Subscribe to language changes; returns an unsubscribe function. */
  onLangChange(listener: (lang: Lang) => void): () => void;
  readonly progress: Progress;
  /** Show input issues in the shell's shared issue list (clicking one selects its cell). Empty list clears it. */
  showIssues(issues: readonly InputIssue[]): void;
  /** A short status message (info / success / error) at the top of the pane. */
  notify(kind: "info" | "success" | "error", text: Text): void;
  /** Ask the user to confirm (e.g. before overwriting filled rows or restoring a scenario). */
  confirm(question: Text): Promise<boolean>;
  /** The current time (injected so tests are deterministic). */
  now(): Date;
  /** Yield to the browser so long loops do not freeze the pane (resolves on the next macrotask). */
  yieldToUi(): Promise<void>;
  /** "excel" inside Excel; "browser" in the browser dev mode (in-memory workbook, no Office host). */
  readonly host: "excel" | "browser";
  /**
   * Subscribe to the user's edits of SØM input cells while the pane is open (debounced; Excel only — never
   * fires in the browser dev mode). Writes made through `workbook` by the pane itself do not fire it.
   * Returns an unsubscribe function.
   */
  onInputsChanged(listener: (change: InputsChanged) => void): () => void;
  /**
   * Run `work` as an automatic run (not asked for by a click): its Excel requests wait while the user edits a
   * cell (`delayForCellEdit`) instead of failing. Identity outside Excel.
   */
  automatic<T>(work: () => Promise<T>): Promise<T>;
  /** Tell the other panels that this panel rewrote input cells or result sheets (e.g. restored a scenario). */
  workbookChanged(what: "inputs" | "results"): void;
  /** Subscribe to `workbookChanged` from any panel (e.g. to mark results stale). Returns an unsubscribe function. */
  onWorkbookChanged(listener: (what: "inputs" | "results") => void): () => void;
}

/** A feature panel: a tab in the task pane. */
export interface Panel {
  /** Stable id, also used as the DOM id prefix (`panel-<id>`) and in the e2e tests. */
  readonly id: string;
  readonly title: Text;
  /** Render into `root` (an empty element the shell owns). May return a clean-up function. */
  mount(root: HTMLElement, context: PanelContext): void | (() => void);
}

/** One (debounced) burst of input edits. */
export interface InputsChanged {
  /** False when every edit came from a co-author (`source: "Remote"`): mark stale, do not recalculate. */
  readonly local: boolean;
}
