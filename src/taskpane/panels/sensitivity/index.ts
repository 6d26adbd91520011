/**
 * The Følsomhed panel wired to the real use cases. Mount it from `src/taskpane/panels.ts`:
 * `sensitivityPanel(simulationWorkerFactory())` — the Usikkerhed section's simulation runs in a Web Worker
 * when a factory is given (the webpack build), else on the UI thread in chunks.
 */
import { computeSensitivity, prepareSensitivity, writeSensitivity } from "../../../app/sensitivity-workbook";
import { prepareSimulation, writeSimulation } from "../../../app/uncertainty-workbook";
import type { Panel } from "../../panel";
import { createSensitivityPanel } from "./sensitivity-panel";
import { paneSimulationRunner, type WorkerLike } from "./simulation-runner";

export { createSensitivityPanel, type SensitivityUseCases } from "./sensitivity-panel";
export type { UncertaintyUseCases } from "./uncertainty-section";

export function sensitivityPanel(createWorker?: () => WorkerLike): Panel {
  return createSensitivityPanel(
    { prepareSensitivity, computeSensitivity, writeSensitivity },
    {
      prepareSimulation,
      writeSimulation,
      simulationRunner: (yieldToUi) => paneSimulationRunner(createWorker, yieldToUi),
    },
  );
}
