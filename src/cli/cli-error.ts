/**
 * Errors the command line reports to the user: a Danish/English message and an exit code, never a stack
 * trace. Exit codes: 0 ok, 2 input issues (the workbook's content), 1 everything else (usage, files).
 */
import type { Lang } from "../present/format";

export type ExitCode = 0 | 1 | 2;

export interface Bilingual {
  readonly da: string;
  readonly en: string;
}

/** A problem the user can fix (wrong argument, missing file, refused overwrite). Shown as `message[lang]`. */
export class CliError extends Error {
  override readonly name: string = "CliError";
  constructor(
    readonly text: Bilingual,
    readonly exitCode: ExitCode = 1,
  ) {
    super(text.en);
  }
  /** The message in the user's language. */
  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

/** A wrong command line (unknown option, missing argument). Exit 1, followed by a hint to use --help. */
export class UsageError extends CliError {
  override readonly name = "UsageError";
}
