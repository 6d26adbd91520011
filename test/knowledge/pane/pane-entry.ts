/**
 * The knowledge panel alone on a page, for the headless-Chromium test (knowledge-panel.chromium.test.ts):
 * the real panel and use cases over an in-memory SØM workbook, with the recording panel context of
 * test/support/pane-harness/stub-context.ts. `window.paneTest` lets the test look into the workbook and answer
 * the confirmation dialog.
 */
import { knowledgePanel } from "../../../src/taskpane/panels/knowledge";
import { mountPane } from "../../support/pane-harness/stub-context";
import { aSomWorkbook } from "../a-som-workbook";

const wb = aSomWorkbook({
  priceLevel: 2025,
  index: [
    [2015, 100],
    [2025, 125],
  ],
  effects: [["I ordinært job eller uddannelse", 0.1]],
});
mountPane(wb, knowledgePanel());
