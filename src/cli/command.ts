/**
 * The shape of one `som` command. A command parses nothing itself: it receives parsed arguments, calls one
 * application use case, and prints. Add a command by adding a file in `commands/` and one line in
 * `commands/index.ts`.
 */
import type { Lang } from "../present/format";
import type { OptionSpec, ParsedArgs } from "./args";
import type { Bilingual, ExitCode } from "./cli-error";
import type { CliIo } from "./io";

export interface CommandContext {
  readonly io: CliIo;
  /** Language of messages and tables (`--lang`, default Danish). */
  readonly lang: Lang;
}

export interface Command {
  /** The word after `som`, e.g. "calculate". */
  readonly name: string;
  /** Usage line after `som <name>`, e.g. "<fil.xlsx> [--out <resultat.xlsx>] [--json]". */
  readonly usage: Bilingual;
  /** One line for the command list. */
  readonly summary: Bilingual;
  /** A few lines shown by `som <name> --help`. */
  readonly description: Bilingual;
  readonly options: readonly OptionSpec[];
  /** How many positional arguments the command takes. */
  readonly positionals: { readonly min: number; readonly max: number };
  run(args: ParsedArgs, ctx: CommandContext): Promise<ExitCode>;
}

/**
 * A command as the command list knows it before it is loaded: its name, its one-line summary, and how to load
 * it. `som calculate …` loads only the calculate command's code, `som --help` none (start-up, issue 13).
 * A full `Command` may stand in for an entry (tests pass small commands directly).
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: Bilingual;
  load(): Promise<Command>;
}
