/**
 * What a command may touch outside itself: output streams, the working directory and the clock.
 * `main.ts` passes the real process; tests pass a recording one.
 */
export interface CliIo {
  /** Writes text to standard output (the caller adds newlines). */
  readonly stdout: (text: string) => void;
  /** Writes text to standard error. */
  readonly stderr: (text: string) => void;
  /** Directory that relative paths are resolved against. */
  readonly cwd: string;
  /** The time stamped on results. */
  readonly now: () => Date;
  /** Environment variables; `SOM_DEBUG=1` adds stack traces to unexpected errors. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted when the user presses Ctrl-C (main.ts); long computations stop at the next step. */
  readonly signal?: AbortSignal;
  /** Standard error is a terminal: long computations report progress there without being asked. */
  readonly stderrIsTTY?: boolean;
}
