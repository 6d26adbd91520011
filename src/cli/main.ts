/**
 * Entry point of the `som` command (bin/som.js runs this file through tsx). The composition root: it
 * hands the real process streams, working directory and clock to `runCli` and sets the exit code.
 */
import { COMMANDS } from "./commands";
import { runCli } from "./run-cli";
import { writeAllSync } from "./std-write";

// Ctrl-C once: long computations (the sensitivity grid) stop at the next step and say so; twice: exit at once.
const interrupt = new AbortController();
process.once("SIGINT", () => {
  interrupt.abort();
  process.once("SIGINT", () => process.exit(130));
});

// Output through `writeAllSync` (std-write.ts): no stream modules loaded at start-up. A reader that stops early
// (`som knowledge list | head`) closes the pipe: stop quietly, as other Unix tools do, instead of an EPIPE error.
const stdoutClosed = (): never => process.exit(0);

void runCli(
  process.argv.slice(2),
  {
    stdout: (text) => writeAllSync(1, text, stdoutClosed),
    stderr: (text) => writeAllSync(2, text, () => undefined),
    cwd: process.cwd(),
    now: () => new Date(),
    env: process.env,
    signal: interrupt.signal,
    // Asked only by `som sensitivity` (progress on a terminal); `node:tty` is loaded then, not at start-up.
    get stderrIsTTY() {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, synchronously
      return (require("node:tty") as typeof import("node:tty")).isatty(2);
    },
  },
  COMMANDS,
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // runCli catches everything; this is a last guard against a bug in the CLI itself.
    writeAllSync(2, `som: ${error instanceof Error ? error.message : String(error)}\n`, () => undefined);
    process.exitCode = 1;
  },
);
