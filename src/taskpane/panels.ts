/**
 * The panels of the task pane, in tab order — the one list to extend when a feature panel lands
 * (`src/taskpane/panels/<name>/index.ts`, each exporting a factory returning a `Panel`; see `panel.ts`).
 */
import { calculateWorkbook } from "../app/calculate-workbook";
import { createSomSheets } from "../app/create-sheets";
import { readLiveOption, setLiveOption } from "../app/live-option";
import { isStale } from "../app/stale";
import { createCalculationPanel } from "./calculation/calculation-panel";
import type { Panel } from "./panel";
import { knowledgePanel } from "./panels/knowledge";
import { scenariosPanel } from "./panels/scenarios";
import { sensitivityPanel } from "./panels/sensitivity";
import { simulationWorkerFactory } from "./panels/sensitivity/simulation-worker-factory";

export function createPanels(): Panel[] {
  return [
    createCalculationPanel({
      calculateWorkbook,
      isStale,
      createSomSheets,
      readLiveOption,
      setLiveOption,
    }),
    sensitivityPanel(simulationWorkerFactory()),
    knowledgePanel(),
    scenariosPanel(),
  ];
}
