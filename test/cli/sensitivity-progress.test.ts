/**
 * `som sensitivity` on a long grid (issue 13 §4): progress on stderr in tenths (with --progress, or always on a
 * terminal) and Ctrl-C (the io's abort signal) stops the grid at the next row with one line, nothing written.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { COMMANDS } from "../../src/cli/commands";
import { runCli } from "../../src/cli/run-cli";
import { recordingIo } from "./recording-io";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "eksempel.xlsx");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-sens-progress-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("som sensitivity progress and cancel", () => {
  it("--progress reports each tenth of the grid once, ending at 100 %", async () => {
    const rec = recordingIo();
    const code = await runCli(["sensitivity", EXAMPLE, "--progress", "--json"], rec.io, COMMANDS);
    expect(code).toBe(0);
    const lines = rec.err().trim().split("\n");
    const pcts = lines.map((l) => Number(/^Følsomhed: (\d+) %/.exec(l)?.[1]));
    expect(pcts[pcts.length - 1]).toBe(100);
    expect(pcts).toEqual([...new Set(pcts)].sort((a, b) => a - b)); // increasing, each once
    expect(lines[lines.length - 1]).toMatch(/^Følsomhed: 100 % af gitteret beregnet \((\d+) af \1 rækker\)$/);
    expect(() => JSON.parse(rec.out()) as unknown).not.toThrow();
  });

  it("without --progress and not on a terminal, nothing is printed on stderr", async () => {
    const rec = recordingIo();
    expect(await runCli(["sensitivity", EXAMPLE, "--json"], rec.io, COMMANDS)).toBe(0);
    expect(rec.err()).toBe("");
  });

  it("Ctrl-C during the grid: one line, exit 1, no output file", async () => {
    const rec = recordingIo();
    const ctrl = new AbortController();
    const out = path.join(dir, "never.xlsx");
    const io = {
      ...rec.io,
      signal: ctrl.signal,
      stderrIsTTY: true,
      // the first progress report is where the user presses Ctrl-C
      stderr: (t: string) => {
        rec.io.stderr(t);
        if (t.startsWith("Følsomhed:")) ctrl.abort();
      },
    };
    const code = await runCli(["sensitivity", EXAMPLE, "--out", out], io, COMMANDS);
    expect(code).toBe(1);
    const lines = rec.err().trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe("som: Følsomhedsanalysen er afbrudt (Ctrl-C); intet er skrevet.");
    expect(rec.out()).toBe("");
    expect(fs.existsSync(out)).toBe(false);
  });
});
