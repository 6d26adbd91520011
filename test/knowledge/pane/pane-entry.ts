/**
 * The knowledge panel alone on a page, for the headless-Chromium test (knowledge-panel.chromium.test.ts):
 * the real panel and use cases over an in-memory SØM workbook, with the recording panel context of
 * test/support/pane-harness/stub-context.ts. `window.paneTest` lets the test look into the workbook and answer
 * the confirmation dialog. `window.knowledgeFreshTemplate(startYear)` mounts the panel again over a fresh SØM
 * template (as "Opret SØM-ark" or the template file makes it) with only the start year typed.
 */
import { knowledgePanel } from "../../../src/taskpane/panels/knowledge";
import { buildTemplateSpec } from "../../../src/workbook/layout/build-template-spec";
import { MemoryWorkbook } from "../../../src/workbook/memory-workbook";
import { mountPane } from "../../support/pane-harness/stub-context";
import { aSomWorkbook } from "../a-som-workbook";

declare global {
  interface Window {
    knowledgeFreshTemplate(startYear: number): Promise<void>;
  }
}

const wb = aSomWorkbook({
  priceLevel: 2025,
  index: [
    [2015, 100],
    [2025, 125],
  ],
  effects: [["I ordinært job eller uddannelse", 0.1]],
});
mountPane(wb, knowledgePanel());

window.knowledgeFreshTemplate = async (startYear: number): Promise<void> => {
  const fresh = MemoryWorkbook.fromSpec(buildTemplateSpec("da"));
  const sy = (await fresh.readNames(["SOM_Startaar"])).get("som_startaar");
  if (sy?.kind !== "range") throw new Error("the template has no SOM_Startaar");
  await fresh.writeCells(sy.sheet, sy.row, sy.col, [[startYear]]);
  const root = document.getElementById("root");
  if (root) root.replaceChildren();
  mountPane(fresh, knowledgePanel());
};
