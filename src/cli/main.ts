/**
 * Entry point of the `som` command (bin/som.js runs this file through tsx). The composition root: it
 * hands the real process streams, working directory and clock to `runCli` and sets the exit code.
 */
import { COMMANDS } from "./commands";
import { runCli } from "./run-cli";

// Ctrl-C once: long computations (the sensitivity grid) stop at the next step and say so; twice: exit at once.
const interrupt = new AbortController();
process.once("SIGINT", () => {
  interrupt.abort();
  process.once("SIGINT", () => process.exit(130));
});

// A reader that stops early (`som knowledge list | head`) closes the pipe: stop quietly, as other Unix tools do,
// instead of an unhandled EPIPE error with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

void runCli(
  process.argv.slice(2),
  {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    now: () => new Date(),
    env: process.env,
    signal: interrupt.signal,
    stderrIsTTY: process.stderr.isTTY === true,
  },
  COMMANDS,
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // runCli catches everything; this is a last guard against a bug in the CLI itself.
    process.stderr.write(`som: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
