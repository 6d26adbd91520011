/**
 * The scenarios panel alone on a page, for the headless-Chromium test (scenarios-panel.chromium.test.ts): the
 * real panel and use cases over the in-memory example workbook, with the recording panel context of
 * test/support/pane-harness/stub-context.ts. `window.paneTest` lets the test edit and look into the workbook
 * and answer the confirmation dialog.
 */
import { scenariosPanel } from "../../../src/taskpane/panels/scenarios";
import { buildTemplateSpec } from "../../../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA } from "../../../src/workbook/layout/example-data";
import { MemoryWorkbook } from "../../../src/workbook/memory-workbook";
import { mountPane } from "../../support/pane-harness/stub-context";

mountPane(MemoryWorkbook.fromSpec(buildTemplateSpec("da", EXAMPLE_DATA)), scenariosPanel());
