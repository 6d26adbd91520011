/**
 * Requirement-set checks. The manifest asks for ExcelApi 1.8 (issue 12, item 1): the code itself needs 1.7 (names,
 * null objects, onChanged, NamedItem.formula), but the only hosts with 1.7 and not 1.8 are Office 2019
 * volume-licensed builds, whose Internet Explorer webview cannot run the ES2020 bundle. Supported: Microsoft 365,
 * Excel 2021 or later (with Microsoft Edge WebView2 on Windows), Excel for Mac and Excel on the web;
 * newer features are used only when the host has them (see `FEATURE_SETS`).
 */
import type { UserMessage } from "./office-errors";

/** `isSetSupported("ExcelApi", version)`; injectable for tests. */
export type IsSetSupported = (version: string) => boolean;

export const MIN_EXCEL_API = "1.8";

/** Optional features and the ExcelApi version each needs. */
export const FEATURE_SETS = {
  dataValidation: "1.8",
  workbookOnChanged: "1.9",
  triggerSource: "1.14",
  /** Worksheet.pageLayout, print titles, header/footer, page breaks. */
  pageLayout: "1.9",
  notes: "1.18",
} as const;

/**
 * Features a write leaves out on a host without their set (`WriteReport.skipped` holds the `en` text), and how
 * the task pane names them.
 */
export const SKIPPED_FEATURES = {
  pageLayout: {
    en: `print setup (ExcelApi ${FEATURE_SETS.pageLayout})`,
    da: `udskriftsopsætning (ExcelApi ${FEATURE_SETS.pageLayout})`,
  },
  dataValidation: {
    en: `drop-down lists (ExcelApi ${FEATURE_SETS.dataValidation})`,
    da: `rullelister (ExcelApi ${FEATURE_SETS.dataValidation})`,
  },
  notes: {
    en: `notes (ExcelApi ${FEATURE_SETS.notes})`,
    da: `noter (ExcelApi ${FEATURE_SETS.notes})`,
  },
} as const satisfies Record<string, UserMessage>;

/**
 * The message shown once per pane session when a write left features out (issue 12, item 8): e.g. on Excel
 * 2016/2019 builds without ExcelApi 1.8 the template's drop-down lists are missing — the user should know.
 */
export function skippedFeaturesMessage(skipped: readonly string[]): UserMessage {
  const known = Object.values(SKIPPED_FEATURES);
  const da = skipped.map((en) => known.find((k) => k.en === en)?.da ?? en).join(", ");
  const en = skipped.join(", ");
  return {
    da: `Din version af Excel kan ikke alt, SØM bruger, så dette blev udeladt: ${da}. Alt andet er skrevet, og beregningerne er de samme. Med Microsoft 365 eller Excel på nettet kommer det med.`,
    en: `Your version of Excel cannot do everything SØM uses, so this was left out: ${en}. Everything else was written and the calculations are the same. With Microsoft 365 or Excel on the web it is included.`,
  };
}

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
      da: "SØM kræver en nyere Excel (ExcelApi 1.8 eller nyere): Microsoft 365, Excel 2021 eller nyere eller Excel på nettet. Opdater Excel og åbn SØM igen.",
      en: "SØM needs a newer Excel (ExcelApi 1.8 or later): Microsoft 365, Excel 2021 or later or Excel on the web. Update Excel and open SØM again.",
    },
  };
}
