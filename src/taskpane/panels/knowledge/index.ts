/**
 * The knowledge panel wired to the real use cases. Mount it from `src/taskpane/panels.ts`:
 * `knowledgePanel()`.
 */
import { insertKnowledge } from "../../../app/knowledge-insert";
import {
  readWorkbookKnowledge,
  saveToKnowledgeSheet,
  starterKnowledge,
  starterTargetGroups,
} from "../../../app/knowledge-library";
import { parseKnowledgeJson } from "../../../knowledge/knowledge-json";
import type { Panel } from "../../panel";
import { createKnowledgePanel } from "./knowledge-panel";

export { createKnowledgePanel, type KnowledgeUseCases } from "./knowledge-panel";

export function knowledgePanel(): Panel {
  return createKnowledgePanel({
    starterKnowledge,
    readWorkbookKnowledge: (port) => readWorkbookKnowledge(port),
    insertKnowledge,
    saveToKnowledgeSheet,
    parseKnowledgeJson: (text, file) =>
      parseKnowledgeJson(text, file, { externalTargetGroups: starterTargetGroups() }),
    // The .xlsx reader (fflate + saxes) is a separate chunk, fetched from our own origin on the first .xlsx import.
    readKnowledgeXlsx: async (bytes, file) =>
      (await import(/* webpackChunkName: "knowledge-xlsx" */ "./knowledge-xlsx")).readKnowledgeXlsx(
        bytes,
        file,
      ),
  });
}
