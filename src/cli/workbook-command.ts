/**
 * What every command that reads one workbook shares: the input path, an optional `--out` (a new .xlsx that is
 * never the input file), `--json`, and how input issues are printed (JSON on stdout, or a Danish/English list on
 * stderr) with exit code 2.
 */
import { issuesJsonText } from "../app/contract-json";
import type { InputIssue } from "../engine/types";
import type { Lang } from "../present/format";
import { hasFlag, optionValue, type ParsedArgs } from "./args";
import type { ExitCode } from "./cli-error";
import type { CliIo } from "./io";
import { refuseInputAsOutput, requireXlsxName, resolvePath } from "./paths";
import { issueLine } from "./summary-table";

export interface WorkbookArgs {
  /** Absolute path of the workbook to read. */
  readonly input: string;
  /** Absolute path of the new workbook to write, checked: ends in .xlsx and is not the input file. */
  readonly out: string | undefined;
  readonly json: boolean;
}

/** The input workbook, `--out` and `--json` of a command with one positional workbook argument. */
export function workbookArgs(args: ParsedArgs, cwd: string): WorkbookArgs {
  const input = resolvePath(cwd, args.positionals[0] ?? "");
  const outArg = optionValue(args, "out");
  const out = outArg === undefined ? undefined : resolvePath(cwd, outArg);
  if (out !== undefined) {
    requireXlsxName(out);
    refuseInputAsOutput(input, out);
  }
  return { input, out, json: hasFlag(args, "json") };
}

const NOTHING_DONE: Readonly<Record<Lang, string>> = {
  da: "Projektmappen har fejl i input; intet er beregnet:",
  en: "The workbook has input issues; nothing was calculated:",
};

/**
 * Prints input issues — the contract's `{"issues": [...]}` on stdout with `--json`, else a list on stderr under
 * `title` — and returns exit code 2.
 */
export function reportIssues(
  io: CliIo,
  issues: readonly InputIssue[],
  options: { readonly json: boolean; readonly lang: Lang; readonly title?: string },
): ExitCode {
  if (options.json) io.stdout(`${issuesJsonText(issues, options.lang)}\n`);
  else {
    const title = options.title ?? NOTHING_DONE[options.lang];
    io.stderr([title, ...issues.map((i) => `  - ${issueLine(i, options.lang)}`), ""].join("\n"));
  }
  return 2;
}
