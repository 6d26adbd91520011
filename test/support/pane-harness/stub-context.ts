/**
 * In-page part of a single-panel test page: a recording `PanelContext` over an in-memory workbook, and
 * `window.paneTest` (see pane-test-api.ts) for the headless-Chromium test. A pane-entry.ts builds its workbook,
 * calls `mountPane(wb, panel)` and nothing else.
 */
import type { Lang } from "../../../src/present/format";
import type { Panel, PanelContext, Text } from "../../../src/taskpane/panel";
import type { MemoryWorkbook } from "../../../src/workbook/memory-workbook";
import type { Note, PaneTest } from "./pane-test-api";

/** Mounts `panel` into `#root` over `wb` with a recording context and publishes `window.paneTest`. */
export function mountPane(wb: MemoryWorkbook, panel: Panel): void {
  let lang: Lang = "da";
  const langListeners = new Set<(l: Lang) => void>();
  const notes: Note[] = [];
  const questions: Text[] = [];
  let answer = true;
  const changed: string[] = [];

  const ctx: PanelContext = {
    workbook: wb,
    lang: () => lang,
    onLangChange: (l) => {
      langListeners.add(l);
      return () => langListeners.delete(l);
    },
    progress: { run: (_label, task) => task(() => undefined, new AbortController().signal) },
    showIssues: () => undefined,
    notify: (kind, text) => void notes.push({ kind, text }),
    confirm: (q) => {
      questions.push(q);
      return Promise.resolve(answer);
    },
    now: () => new Date(Date.UTC(2026, 0, 2)),
    yieldToUi: () => new Promise((r) => setTimeout(r, 0)),
    host: "browser",
    onInputsChanged: () => () => undefined,
    automatic: (work) => work(),
    workbookChanged: (what) => void changed.push(what),
    onWorkbookChanged: () => () => undefined,
  };

  const root = document.getElementById("root");
  if (root) panel.mount(root, ctx);

  const paneTest: PaneTest = {
    cell: (sheet, a1) => wb.getCell(sheet, a1),
    setCell: (sheet, a1, v) => void wb.setCell(sheet, a1, v),
    name: (n) => wb.nameTarget(n) ?? null,
    sheets: () => wb.listSheets(),
    notes: () => notes,
    questions: () => questions,
    changed: () => changed,
    answer: (yes) => void (answer = yes),
    setLang: (l) => {
      lang = l;
      for (const f of langListeners) f(l);
    },
  };
  window.paneTest = paneTest;
}
