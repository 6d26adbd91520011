/**
 * The one error the .xlsx reader throws for a file it refuses: not a zip, not a workbook, too large, a zip
 * bomb, malformed XML, too many cells. It is the user's situation (a bad email attachment), not a bug, so it
 * carries a Danish and an English message and no details the user cannot act on. The command line shows
 * `messageIn(lang)` on one line and exits 1.
 */

/** Why a file was refused (stable codes for tests and callers). */
export type FileReadErrorCode =
  | "tooLarge"
  | "notZip"
  | "zipBomb"
  | "notWorkbook"
  | "malformedXml"
  | "tooManyCells"
  | "textTooLong"
  | "tooManyEntries"
  | "tooManyNames"
  | "duplicateEntry"
  | "duplicateCell"
  | "duplicateName"
  | "duplicateSheet"
  | "badNumber"
  | "badSharedString"
  | "badDate"
  | "copyFailed";

export interface FileReadMessage {
  readonly da: string;
  readonly en: string;
}

/** A file the tools refuse to read. `message` is the English text; `text` holds both languages. */
export class FileReadError extends Error {
  override readonly name = "FileReadError";
  constructor(
    readonly code: FileReadErrorCode,
    readonly text: FileReadMessage,
    options?: { readonly cause?: unknown },
  ) {
    super(text.en, options);
  }
  /** The message in the user's language. */
  messageIn(lang: "da" | "en"): string {
    return this.text[lang];
  }
}
