import { CliError } from "../../src/cli/cli-error";
import type { Command } from "../../src/cli/command";
import { runCli } from "../../src/cli/run-cli";
import { recordingIo } from "./recording-io";

const calls: { positionals: readonly string[]; lang: string; options: [string, string | true][] }[] = [];

const echo: Command = {
  name: "echo",
  usage: { da: "<fil>", en: "<file>" },
  summary: { da: "Gentag", en: "Repeat" },
  description: { da: "Beskrivelse", en: "Description" },
  options: [{ name: "out", value: "<fil>", help: { da: "Ud", en: "Out" } }],
  positionals: { min: 1, max: 1 },
  async run(args, { lang }) {
    calls.push({ positionals: args.positionals, lang, options: [...args.options] });
    return 0;
  },
};

const failing = (error: unknown): Command => ({
  ...echo,
  name: "fail",
  async run() {
    throw error;
  },
});

async function run(argv: string[], commands: Command[] = [echo]) {
  const rec = recordingIo();
  const code = await runCli(argv, rec.io, commands);
  return { code, out: rec.out(), err: rec.err() };
}

beforeEach(() => {
  calls.length = 0;
});

describe("runCli", () => {
  it("prints help in Danish by default and in English with --lang en, exit 0", async () => {
    const da = await run(["--help"]);
    expect(da.code).toBe(0);
    expect(da.out).toContain("Brug: som <kommando> [tilvalg]");
    expect(da.out).toContain("echo");
    expect(da.out).toContain("Afslutningskoder: 0 = ok, 2 = fejl i projektmappens input, 1 = andre fejl");
    const en = await run(["--lang", "en", "--help"]);
    expect(en.out).toContain("Usage: som <command> [options]");
  });

  it("prints a command's own help", async () => {
    const r = await run(["echo", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Brug: som echo <fil>");
    expect(r.out).toMatch(/--out <fil>\s+Ud/);
    expect(r.out).toMatch(/--lang da\|en\s+Sprog/);
    expect(calls).toHaveLength(0);
  });

  it("runs a command with its arguments and the chosen language, before or after the command", async () => {
    expect((await run(["echo", "a.xlsx", "--out=b.xlsx", "--lang", "en"])).code).toBe(0);
    expect((await run(["--lang=en", "echo", "a.xlsx"])).code).toBe(0);
    expect(calls.map((c) => [c.positionals, c.lang])).toEqual([
      [["a.xlsx"], "en"],
      [["a.xlsx"], "en"],
    ]);
  });

  it("without a command shows help on stderr and exits 1", async () => {
    const r = await run([]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Brug: som");
  });

  it("reports usage errors in the user's language with a hint, exit 1, without running anything", async () => {
    const unknown = await run(["ekko"]);
    expect(unknown).toEqual({ code: 1, out: "", err: "som: Ukendt kommando: ekko\nSe 'som --help'.\n" });
    const missing = await run(["echo", "--lang", "en"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe("som: An argument is missing: som echo <file>\nSee 'som echo --help'.\n");
    const extra = await run(["echo", "a", "b"]);
    expect(extra.err).toContain("Uventet argument: b");
    const badLang = await run(["echo", "a", "--lang", "de"]);
    expect(badLang.err).toContain('--lang skal være da eller en (ikke "de")');
    expect(calls).toHaveLength(0);
  });

  it("turns a CliError into its message and exit code, never a stack trace", async () => {
    const r = await run(
      ["fail", "x", "--lang", "en"],
      [failing(new CliError({ da: "Filen er for stor", en: "The file is too big" }))],
    );
    expect(r).toEqual({ code: 1, out: "", err: "som: The file is too big\n" });
  });

  it("explains a missing file in Danish (ENOENT), exit 1", async () => {
    const enoent = Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT", path: "/x/a.xlsx" });
    const r = await run(["fail", "x"], [failing(enoent)]);
    expect(r).toEqual({ code: 1, out: "", err: "som: Filen findes ikke: /x/a.xlsx\n" });
  });

  it("reports an unexpected error by name and message only, exit 1", async () => {
    const r = await run(["fail", "x"], [failing(new TypeError("boom"))]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("som: uventet fejl: TypeError: boom\n");
    expect(r.err).not.toContain("    at ");
  });
});
