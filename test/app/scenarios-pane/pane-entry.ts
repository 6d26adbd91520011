/**
 * The scenarios panel alone on a page, for the headless-Chromium test (scenarios-panel.chromium.test.ts): the
 * real panel and use cases over the in-memory example workbook, with a recording panel context.
 * `window.scenarioPaneTest` lets the test edit and look into the workbook and answer the confirmation dialog.
 */
import type { Lang } from "../../../src/present/format";
import type { PanelContext, Text } from "../../../src/taskpane/panel";
import { scenariosPanel } from "../../../src/taskpane/panels/scenarios";
import { buildTemplateSpec } from "../../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA } from "../../../src/workbook/layout/example-data";
import { MemoryWorkbook } from "../../../src/workbook/memory-workbook";
import type { CellValue } from "../../../src/workbook/sheet-model";

const wb = MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA));
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
if (root) scenariosPanel().mount(root, ctx);

const scenarioPaneTest = {
  cell: (sheet: string, a1: string) => wb.getCell(sheet, a1),
  setCell: (sheet: string, a1: string, v: CellValue) => void wb.setCell(sheet, a1, v),
  name: (n: string) => wb.nameTarget(n) ?? null,
  sheets: () => wb.listSheets(),
  notes: () => notes,
  questions: () => questions,
  changed: () => changed,
  answer: (yes: boolean) => void (answer = yes),
  setLang: (l: Lang) => {
    lang = l;
    for (const f of langListeners) f(l);
  },
};
(window as unknown as { scenarioPaneTest: typeof scenarioPaneTest }).scenarioPaneTest = scenarioPaneTest;
