/**
 * PLACEHOLDER by H5a (add-in shell) so the webpack build runs; H5b replaces this file with the task pane.
 */
import { checkRequirements } from "../excel/requirements";

Office.onReady(() => {
  const body = document.getElementById("app-body");
  const check = checkRequirements();
  if (body) body.textContent = check.ok ? "SØM" : check.message.da;
});
