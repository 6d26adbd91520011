/**
 * Reading a knowledge .xlsx file in the task pane. Loaded with a dynamic `import()` only when the user picks an
 * .xlsx file, so the zip and XML parsers (fflate, saxes) and our safe reader stay out of the main bundle
 * (webpack puts them in a separate chunk from the add-in's own origin, which the CSP's `script-src 'self'`
 * allows).
 *
 * The file is untrusted (an email attachment): the reader caps the file size, the unpacked size (zip bombs),
 * the number of cells and sheets and the text length, uses no prototype-keyed tables and never evaluates
 * formulas. A refused file becomes one problem with the reader's Danish/English message naming the file;
 * a readable file with bad rows gives the knowledge-table problems (file › sheet, `række n (id)`, column).
 */
import { knowledgeFromWorkbookFile } from "../../../app/knowledge-library";
import { FileReadError } from "../../../file/file-read-error";
import { readOnlyXlsxPort } from "../../../file/xlsx-book-port";
import { readXlsx, type ReadLimits } from "../../../file/xlsx-reader";
import type { KnowledgeValidation } from "../../../knowledge/validate-knowledge";

/** Caps for a knowledge file picked in the task pane (a price list, not a model): stricter than the CLI's. */
export const PANE_XLSX_LIMITS: ReadLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxEntries: 2_000,
  maxCellsPerSheet: 200_000,
  maxTotalCells: 400_000,
  maxSheets: 255,
  maxTextLength: 32_767,
};

/**
 * The knowledge in an .xlsx file's `SOM_Viden` block (bytes as read from the picked `File`). Never throws for
 * a bad file: every refusal is a problem naming `fileName`. Programmer errors still throw.
 */
export async function readKnowledgeXlsx(
  bytes: Uint8Array,
  fileName: string,
  limits: ReadLimits = PANE_XLSX_LIMITS,
): Promise<KnowledgeValidation> {
  let port;
  try {
    port = readOnlyXlsxPort(readXlsx(bytes, limits));
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    return { ok: false, problems: [{ file: fileName, record: "", field: "", message: error.text }] };
  }
  return knowledgeFromWorkbookFile(port, fileName);
}
