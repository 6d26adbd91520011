/**
 * What every command that reads one workbook shares: the input path, an optional `--out` (a new .xlsx that is
 * never the input file), `--json`, and how input issues are printed (JSON on stdout, or a Danish/English list on
 * stderr) with exit code 2.
 */
import { issuesJsonText } from "../app/contract-json";
import type { InputIssue } from "../engine/types";
import type { Lang } from "../present/format";
import { hasFlag, optionValue, type OptionSpec, type ParsedArgs } from "./args";
import type { ExitCode } from "./cli-error";
import type { CliIo } from "./io";
import { refuseExisting, refuseInputAsOutput, requireXlsxName, resolvePath } from "./paths";
import { issueLine } from "./summary-table";

export interface WorkbookArgs {
  /** Absolute path of the workbook to read. */
  readonly input: string;
  /** Absolute path of the new workbook to write, checked: ends in .xlsx, is not the input file, and does not exist unless `--force`. */
  readonly out: string | undefined;
  /** `--force`: replace an existing output file. */
  readonly force: boolean;
  readonly json: boolean;
}

/** The input workbook, `--out` and `--json` of a command with one positional workbook argument. */
export function workbookArgs(args: ParsedArgs, cwd: string): WorkbookArgs {
  const input = resolvePath(cwd, args.positionals[0] ?? "");
  const outArg = optionValue(args, "out");
  const out = outArg === undefined ? undefined : resolvePath(cwd, outArg);
  const force = hasFlag(args, "force");
  if (out !== undefined) {
    requireXlsxName(out);
    refuseInputAsOutput(input, out);
    refuseExisting(out, force); // before any work; checked again when writing
  }
  return { input, out, force, json: hasFlag(args, "json") };
}

/** The `--force` option of every command that writes `--out`. */
export const FORCE_OPTION: OptionSpec = {
  name: "force",
  help: { da: "Overskriv en eksisterende uddatafil", en: "Overwrite an existing output file" },
};

/** `--json` of the commands that print results (calculate, sensitivity, simulate). */
export const JSON_OPTION: OptionSpec = {
  name: "json",
  help: {
    da: "Udskriv resultatet som JSON (maskinlæsbart)",
    en: "Print the results as JSON (machine-readable)",
  },
};

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
