/**
 * The portfolio worker (a `worker_threads` thread): reads one workbook at a time, as the main thread sends its
 * path, and answers with the workbook's compact summary (`summariseWorkbook`). Only one file's bytes are held at a
 * time, so memory stays bounded however many files the portfolio has.
 */
import { parentPort } from "node:worker_threads";
import { summariseWorkbook, type InterventionSummary } from "../../app/portfolio";
import { FileWorkbook } from "../../file/file-workbook";
import type { Lang } from "../../present/format";
import { userErrorMessage } from "../user-error-message";

export interface WorkerRequest {
  readonly id: number;
  readonly file: string;
  readonly lang: Lang;
}

export interface WorkerAnswer {
  readonly id: number;
  readonly summary: InterventionSummary;
}

/** A file that cannot be read at all (not an .xlsx, too large, missing) is listed with one issue. */
export async function summariseFile(file: string, lang: Lang): Promise<InterventionSummary> {
  try {
    return await summariseWorkbook(await FileWorkbook.open(file), file, lang);
  } catch (error) {
    const message =
      userErrorMessage(error, lang) ??
      (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    return {
      file,
      ok: false,
      issues: [{ code: "file-unreadable", severity: "error", message, name: null, sheet: null, cell: null }],
    };
  }
}

parentPort?.on("message", (req: WorkerRequest) => {
  void summariseFile(req.file, req.lang).then((summary) => {
    const answer: WorkerAnswer = { id: req.id, summary };
    parentPort?.postMessage(answer);
  });
});
