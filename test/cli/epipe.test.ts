/**
 * A reader that stops early (`som knowledge list | head -1`) closes the pipe: the command ends quietly with exit
 * code 0 and no stack trace on stderr (an unhandled EPIPE before).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";

const BIN = join(__dirname, "..", "..", "bin", "som.js");

it("som knowledge list into a reader that closes after the first chunk ends quietly", async () => {
  const child = spawn(process.execPath, [BIN, "knowledge", "list"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  const first = await new Promise<string>((resolve) =>
    child.stdout.once("data", (d: Buffer) => resolve(d.toString("utf8"))),
  );
  // close our end of the pipe as `head` does after its first line
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  expect(first).toContain("SØM");
  expect(stderr).toBe("");
  expect(code).toBe(0);
});
