/**
 * `window.paneTest`: what a single-panel test page (a pane-entry.ts built with stub-context.ts) lets its
 * headless-Chromium test do — look into and edit the in-memory workbook, read the notes, questions and
 * workbook-change signals the panel sent, answer the confirmation dialog and switch language. One type for
 * every pane page, shared by the page (stub-context.ts) and the tests (chromium.ts).
 */
import type { Lang } from "../../../src/present/format";
import type { Text } from "../../../src/taskpane/panel";
import type { CellValue } from "../../../src/workbook/sheet-model";

/** A message the panel showed through `PanelContext.notify`. */
export interface Note {
  kind: string;
  text: Text;
}

export interface PaneTest {
  cell(sheet: string, a1: string): CellValue;
  setCell(sheet: string, a1: string, v: CellValue): void;
  /** Where a defined name points (null when it does not exist). */
  name(n: string): { sheet: string; ref: string } | { constant: string | number } | null;
  sheets(): Promise<readonly { name: string; visibility: string }[]>;
  notes(): Note[];
  questions(): Text[];
  changed(): string[];
  /** The answer the next confirmation dialogs get. */
  answer(yes: boolean): void;
  setLang(l: Lang): void;
}

declare global {
  interface Window {
    paneTest: PaneTest;
  }
}
