/**
 * The knowledge panel alone on a page, for the headless-Chromium test (knowledge-panel.chromium.test.ts):
 * the real panel and use cases over an in-memory SØM workbook, with a recording panel context. `window.paneTest`
 * lets the test look into the workbook and answer the confirmation dialog.
 */
import type { Lang } from "../../../src/present/format";
import type { PanelContext, Text } from "../../../src/taskpane/panel";
import { knowledgePanel } from "../../../src/taskpane/panels/knowledge";
import { aSomWorkbook } from "../a-som-workbook";

const wb = aSomWorkbook({
  priceLevel: 2025,
  index: [
    [2015, 100],
    [2025, 125],
  ],
  effects: [["I ordinært job eller uddannelse", 0.1]],
});
let lang: Lang = "da";
const langListeners = new Set<(l: Lang) => void>();
const notes: { kind: string; text: Text }[] = [];
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
  workbookChanged: (what) => void changed.push(what),
  onWorkbookChanged: () => () => undefined,
};

const root = document.getElementById("root");
if (root) knowledgePanel().mount(root, ctx);

const paneTest = {
  cell: (sheet: string, a1: string) => wb.getCell(sheet, a1),
  notes: () => notes,
  questions: () => questions,
  changed: () => changed,
  answer: (yes: boolean) => void (answer = yes),
  setLang: (l: Lang) => {
    lang = l;
    for (const f of langListeners) f(l);
  },
  name: (n: string) => wb.nameTarget(n) ?? null,
};
(window as unknown as { paneTest: typeof paneTest }).paneTest = paneTest;
