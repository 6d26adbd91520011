/**
 * The scenarios panel wired to the real use cases. Mount it from `src/taskpane/panels.ts`: `scenariosPanel()`.
 */
import { compareWorkbook } from "../../../app/compare";
import {
  applyStoredDistributionKey,
  editActors,
  readActorsAndPrices,
  splitKommuneAndSaveKey,
} from "../../../app/departments";
import {
  deleteScenario,
  listScenarios,
  renameScenario,
  restoreScenario,
  saveScenario,
} from "../../../app/scenarios";
import type { Panel } from "../../panel";
import { createScenariosPanel } from "./scenarios-panel";

export { createScenariosPanel, type ScenariosUseCases } from "./scenarios-panel";

export function scenariosPanel(): Panel {
  return createScenariosPanel({
    listScenarios,
    saveScenario,
    restoreScenario,
    renameScenario,
    deleteScenario,
    compareWorkbook,
    readActorsAndPrices,
    editActors,
    splitKommune: splitKommuneAndSaveKey,
    applyStoredKey: applyStoredDistributionKey,
  });
}
