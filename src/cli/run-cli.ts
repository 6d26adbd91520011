/**
 * The `som` command line: picks the command, parses its arguments, runs it, and turns every failure into
 * a message and an exit code (0 ok, 2 input issues, 1 other errors). No stack traces for user errors;
 * unexpected errors show their message, and their stack only with `SOM_DEBUG=1`.
 */
import { ENGINE_VERSION } from "../engine/version";
import type { Lang } from "../present/format";
import { terminalSafe } from "../workbook/safe-text";
import { parseArgs, type OptionSpec } from "./args";
import { CliError, UsageError, type ExitCode } from "./cli-error";
import type { Command, CommandEntry } from "./command";
import type { CliIo } from "./io";
import { userErrorMessage } from "./user-error-message";

/** Options every command accepts. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    name: "lang",
    value: "da|en",
    help: {
      da: "Sprog for beskeder og tabeller (standard: da)",
      en: "Language of messages and tables (default: da)",
    },
  },
  { name: "help", help: { da: "Vis hjælp", en: "Show help" } },
];

/** `som --version` (before any command; listed by the general help only). */
const VERSION_OPTION: OptionSpec = {
  name: "version",
  help: { da: "Vis versionsnummeret", en: "Show the version number" },
};

const LANGS: readonly Lang[] = ["da", "en"];

/**
 * The language asked for with `--lang` (looked up before full parsing so that parse errors are in it too).
 * An unknown value is a usage error.
 */
export function pickLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") break;
    let value: string | undefined;
    if (arg === "--lang") value = argv[i + 1];
    else if (arg?.startsWith("--lang=")) value = arg.slice("--lang=".length);
    else continue;
    const lang = LANGS.find((l) => l === value);
    if (lang === undefined) {
      throw new UsageError({
        da: `--lang skal være da eller en (ikke ${JSON.stringify(value ?? "")}).`,
        en: `--lang must be da or en (not ${JSON.stringify(value ?? "")}).`,
      });
    }
    return lang;
  }
  return "da";
}

const pad = (s: string, width: number): string => s + " ".repeat(Math.max(1, width - s.length));

function optionLines(options: readonly OptionSpec[], lang: Lang): string[] {
  const labels = options.map((o) =>
    o.name === "help" ? "-h, --help" : `--${o.name}${o.value === undefined ? "" : ` ${o.value}`}`,
  );
  const width = Math.max(...labels.map((l) => l.length)) + 3;
  return options.map((o, i) => `  ${pad(labels[i] ?? "", width)}${o.help[lang]}`);
}

const EXIT_CODES = {
  da: "Afslutningskoder: 0 = ok, 2 = fejl i projektmappens input, 1 = andre fejl (fil, tilvalg).",
  en: "Exit codes: 0 = ok, 2 = input issues in the workbook, 1 = other errors (file, options).",
};

/** The general help text (`som --help`). */
export function generalHelp(lang: Lang, commands: readonly (Command | CommandEntry)[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 3;
  const t =
    lang === "da"
      ? {
          title: "som – Den Socialøkonomiske Investeringsmodel (SØM) på kommandolinjen",
          use: "Brug",
          cmd: "<kommando> [tilvalg]",
          cmds: "Kommandoer",
          common: "Fælles tilvalg",
          more: "Hjælp til en kommando: som <kommando> --help",
        }
      : {
          title: "som – the Danish social-investment model (SØM) on the command line",
          use: "Usage",
          cmd: "<command> [options]",
          cmds: "Commands",
          common: "Common options",
          more: "Help on a command: som <command> --help",
        };
  return [
    t.title,
    "",
    `${t.use}: som ${t.cmd}`,
    "",
    `${t.cmds}:`,
    ...commands.map((c) => `  ${pad(c.name, width)}${c.summary[lang]}`),
    "",
    `${t.common}:`,
    ...optionLines([...GLOBAL_OPTIONS, VERSION_OPTION], lang),
    "",
    t.more,
    EXIT_CODES[lang],
    "",
  ].join("\n");
}

/** Help for one command (`som <name> --help`). */
export function commandHelp(command: Command, lang: Lang): string {
  const use = lang === "da" ? "Brug" : "Usage";
  const opts = lang === "da" ? "Tilvalg" : "Options";
  return [
    `${use}: som ${command.name} ${command.usage[lang]}`,
    "",
    command.description[lang],
    "",
    `${opts}:`,
    ...optionLines([...command.options, ...GLOBAL_OPTIONS], lang),
    "",
    EXIT_CODES[lang],
    "",
  ].join("\n");
}

function usageHint(lang: Lang, command?: Command): string {
  const target = command === undefined ? "som --help" : `som ${command.name} --help`;
  return lang === "da" ? `Se '${target}'.` : `See '${target}'.`;
}

/**
 * Runs `som` with `argv` (the arguments after the script path) and returns the exit code.
 * Example: `await runCli(["calculate", "a.xlsx", "--json"], io, COMMANDS)` prints the results document and returns 0.
 */
export async function runCli(
  argv: readonly string[],
  rawIo: CliIo,
  commands: readonly (Command | CommandEntry)[],
): Promise<ExitCode> {
  // Workbook text is untrusted: control characters (ESC sequences, C1) and bidi overrides in a sheet or actor
  // name never reach the terminal raw. `\uXXXX` keeps JSON output valid and equal in meaning.
  const io: CliIo = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(terminalSafe(text)),
    stderr: (text) => rawIo.stderr(terminalSafe(text)),
  };
  let lang: Lang = "da";
  let command: Command | undefined;
  try {
    lang = pickLang(argv);
    // Global options may come before the command: `som --lang en calculate …`.
    let at = 0;
    while (argv[at] === "--lang" || argv[at]?.startsWith("--lang=")) at += argv[at] === "--lang" ? 2 : 1;
    const first = argv[at];
    if (first === undefined) {
      io.stderr(generalHelp(lang, commands));
      return 1;
    }
    if (first === "--help" || first === "-h" || first === "help") {
      io.stdout(generalHelp(lang, commands));
      return 0;
    }
    if (first === "--version" || first === "-V") {
      io.stdout(`som ${ENGINE_VERSION}\n`);
      return 0;
    }
    const entry = commands.find((c) => c.name === first);
    if (entry === undefined) {
      throw new UsageError({ da: `Ukendt kommando: ${first}`, en: `Unknown command: ${first}` });
    }
    // Only the command that runs is loaded (start-up, issue 13).
    command = "load" in entry ? await entry.load() : entry;
    const args = parseArgs(argv.slice(at + 1), [...command.options, ...GLOBAL_OPTIONS]);
    if (args.options.get("help") === true) {
      io.stdout(commandHelp(command, lang));
      return 0;
    }
    const n = args.positionals.length;
    if (n < command.positionals.min) {
      throw new UsageError({
        da: `Der mangler et argument: som ${command.name} ${command.usage.da}`,
        en: `An argument is missing: som ${command.name} ${command.usage.en}`,
      });
    }
    if (n > command.positionals.max) {
      const extra = args.positionals[command.positionals.max] ?? "";
      throw new UsageError({ da: `Uventet argument: ${extra}`, en: `Unexpected argument: ${extra}` });
    }
    return await command.run(args, { io, lang });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`som: ${error.messageIn(lang)}\n${usageHint(lang, command)}\n`);
      return error.exitCode;
    }
    if (error instanceof CliError) {
      io.stderr(`som: ${error.messageIn(lang)}\n`);
      return error.exitCode;
    }
    const known = userErrorMessage(error, lang);
    if (known !== undefined) {
      io.stderr(`som: ${known}\n`);
      return 1;
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr(`som: ${lang === "da" ? "uventet fejl" : "unexpected error"}: ${message}\n`);
    if (io.env["SOM_DEBUG"] === "1" && error instanceof Error && error.stack !== undefined)
      io.stderr(`${error.stack}\n`);
    return 1;
  }
}
