/** Runs the real `som` command line in-process, as the golden and security tests do. */
import { COMMANDS } from "../../src/cli/commands";
import { runCli } from "../../src/cli/run-cli";
import { recordingIo } from "./recording-io";

/** Runs `som …args` in-process; returns the exit code and what was printed. */
export async function som(
  args: readonly string[],
  cwd?: string,
): Promise<{ code: number; out: string; err: string }> {
  const rec = recordingIo(cwd);
  const code = await runCli(args, rec.io, COMMANDS);
  return { code, out: rec.out(), err: rec.err() };
}
