/**
 * A small hand-written argument parser: `--name value`, `--name=value`, boolean `--flag`, `-h`, and `--`
 * to end options. Every mistake is a `UsageError` with a Danish/English message.
 */
import { UsageError } from "./cli-error";

/** An option a command accepts. `value` names the argument in help text (e.g. "fil"); absent = a flag. */
export interface OptionSpec {
  /** Long name without dashes, e.g. "out". */
  readonly name: string;
  /** Placeholder for the value in help text, e.g. "<fil.xlsx>"; absent for a boolean flag. */
  readonly value?: string;
  readonly help: { readonly da: string; readonly en: string };
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  /** Option values by name; flags map to `true`. */
  readonly options: ReadonlyMap<string, string | true>;
}

/** Short aliases. */
const SHORT: ReadonlyMap<string, string> = new Map([["-h", "help"]]);

/**
 * Parses `argv` (without the node and script paths) against the allowed options.
 * Example: `parseArgs(["a.xlsx", "--out=b.xlsx"], specs)` → positionals ["a.xlsx"], options {out: "b.xlsx"}.
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (onlyPositionals || !arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const rawName = eq >= 0 ? arg.slice(0, eq) : arg;
    const name = SHORT.get(rawName) ?? (rawName.startsWith("--") ? rawName.slice(2) : "");
    const spec = byName.get(name);
    if (spec === undefined) {
      throw new UsageError({ da: `Ukendt tilvalg: ${rawName}`, en: `Unknown option: ${rawName}` });
    }
    if (options.has(name)) {
      throw new UsageError({
        da: `Tilvalget --${name} er angivet mere end én gang.`,
        en: `Option --${name} is given more than once.`,
      });
    }
    if (spec.value === undefined) {
      if (eq >= 0)
        throw new UsageError({
          da: `Tilvalget --${name} tager ingen værdi.`,
          en: `Option --${name} takes no value.`,
        });
      options.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value !== undefined && value.startsWith("--")) value = undefined;
      else i++;
    }
    if (value === undefined || value === "") {
      throw new UsageError({
        da: `Tilvalget --${name} mangler en værdi ${spec.value}.`,
        en: `Option --${name} needs a value ${spec.value}.`,
      });
    }
    options.set(name, value);
  }
  return { positionals, options };
}

/** The string value of an option, or undefined when absent. */
export function optionValue(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === "string" ? v : undefined;
}

/** True when a flag is present. */
export function hasFlag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}
