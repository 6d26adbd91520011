/** A `CliIo` that records what a command prints, for running the CLI in-process in tests. */
import type { CliIo } from "../../src/cli/io";

export interface Recorded {
  readonly io: CliIo;
  readonly out: () => string;
  readonly err: () => string;
}

/** A recording io rooted at `cwd`, with a fixed clock (2026-01-02 03:04:05 UTC). */
export function recordingIo(cwd: string = process.cwd()): Recorded {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
      cwd,
      now: () => new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
      env: {},
    },
    out: () => out.join(""),
    err: () => err.join(""),
  };
}
