/**
 * The Følsomhed panel wired to the real use cases. Mount it from `src/taskpane/panels.ts`:
 * `sensitivityPanel()`.
 */
import { computeSensitivity, prepareSensitivity, writeSensitivity } from "../../../app/sensitivity-workbook";
import type { Panel } from "../../panel";
import { createSensitivityPanel } from "./sensitivity-panel";

export { createSensitivityPanel, type SensitivityUseCases } from "./sensitivity-panel";

export function sensitivityPanel(): Panel {
  return createSensitivityPanel({ prepareSensitivity, computeSensitivity, writeSensitivity });
}
