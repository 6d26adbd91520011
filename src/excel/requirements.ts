/**
 * Requirement-set checks. The manifest asks for ExcelApi 1.7 (names, null objects, onChanged, NamedItem.formula);
 * newer features are used only when the host has them (see `FEATURE_SETS`).
 */
import type { UserMessage } from "./office-errors";

/** `isSetSupported("ExcelApi", version)`; injectable for tests. */
export type IsSetSupported = (version: string) => boolean;

export const MIN_EXCEL_API = "1.7";

/** Optional features and the ExcelApi version each needs. */
export const FEATURE_SETS = {
  dataValidation: "1.8",
  workbookOnChanged: "1.9",
  triggerSource: "1.14",
  /** Worksheet.pageLayout, print titles, header/footer, page breaks. */
  pageLayout: "1.9",
  notes: "1.18",
} as const;

/** The host's `Office.context.requirements.isSetSupported("ExcelApi", v)`, false outside Office. */
export const officeIsSetSupported: IsSetSupported = (version) => {
  try {
    return (
      typeof Office !== "undefined" &&
      Office.context?.requirements?.isSetSupported("ExcelApi", version) === true
    );
  } catch {
    return false;
  }
};

/** Whether this Excel can run SØM; when not, a message telling the user what to do. */
export function checkRequirements(
  isSetSupported: IsSetSupported = officeIsSetSupported,
): { readonly ok: true } | { readonly ok: false; readonly message: UserMessage } {
  if (isSetSupported(MIN_EXCEL_API)) return { ok: true };
  return {
    ok: false,
    message: {
      da: "SØM kræver en nyere Excel (ExcelApi 1.7 eller nyere): Microsoft 365, Excel 2019/2021/2024 eller Excel på nettet. Opdater Excel og åbn SØM igen.",
      en: "SØM needs a newer Excel (ExcelApi 1.7 or later): Microsoft 365, Excel 2019/2021/2024 or Excel on the web. Update Excel and open SØM again.",
    },
  };
}
