/**
 * Start-up of `som` (issue 13: `som calculate --json` ≤ 2× a bare `node -e 1`; the figures come from
 * `node bench/cli-startup.bench.js`, never from a test). What the tests hold: commands load only when they run,
 * the calculation without --out renders nothing yet gives the same results as the full run, and the compiled
 * entry point gives the same output with its V8 code cache, with a stale or damaged one, and without one.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { calculateBase } from "../../src/app/base-calculation";
import { prepareBaseRun } from "../../src/app/calculate-workbook";
import type { Command, CommandEntry } from "../../src/cli/command";
import { COMMANDS } from "../../src/cli/commands";
import { runCli } from "../../src/cli/run-cli";
import { ENGINE_VERSION } from "../../src/engine/version";
import { FileWorkbook } from "../../src/file/file-workbook";
import { recordingIo } from "./recording-io";
import { som } from "./som";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLE = path.join(ROOT, "examples", "eksempel.xlsx");

describe("commands load only when they run", () => {
  const loaded: string[] = [];
  const entry = (name: string): CommandEntry => ({
    name,
    summary: { da: `Om ${name}`, en: `About ${name}` },
    load: () => {
      loaded.push(name);
      const command: Command = {
        name,
        usage: { da: "", en: "" },
        summary: { da: `Om ${name}`, en: `About ${name}` },
        description: { da: "", en: "" },
        options: [],
        positionals: { min: 0, max: 0 },
        run: () => Promise.resolve(0),
      };
      return Promise.resolve(command);
    },
  });
  const entries = [entry("one"), entry("two")];
  const run = async (argv: string[]) => {
    const rec = recordingIo();
    const code = await runCli(argv, rec.io, entries);
    return { code, out: rec.out(), err: rec.err() };
  };
  beforeEach(() => {
    loaded.length = 0;
  });

  it("the general help, --version and an unknown command load none", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("  one   Om one");
    expect(help.out).toContain("--version");
    expect(await run(["--version"])).toEqual({ code: 0, out: `som ${ENGINE_VERSION}\n`, err: "" });
    expect((await run(["three"])).code).toBe(1);
    expect(loaded).toEqual([]);
  });

  it("a command (or its --help) loads that command only", async () => {
    expect((await run(["two"])).code).toBe(0);
    expect((await run(["one", "--help"])).code).toBe(0);
    expect(loaded).toEqual(["two", "one"]);
  });

  it("every listed command loads, under its own name and with the summary the list shows", async () => {
    for (const e of COMMANDS) {
      const command = await e.load();
      expect([command.name, command.summary]).toEqual([e.name, e.summary]);
    }
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });
});

describe("som calculate without --out renders nothing", () => {
  it("calculateBase gives the full run's results, warnings and follow-up on the example", async () => {
    const base = await calculateBase(await FileWorkbook.open(EXAMPLE), {});
    const full = await prepareBaseRun(await FileWorkbook.open(EXAMPLE), { now: new Date(0), lang: "da" });
    if (!base.ok || !full.ok) throw new Error("the example must calculate");
    expect(base.results).toEqual(full.results);
    expect(base.warnings).toEqual(full.warnings);
    expect(base.followUp).toEqual(full.followUp);
    expect(base.snapshot).toEqual(full.snapshot);
    expect(full.sheet.name).toBe("Resultater"); // the full run did render
  });

  it("prints the same JSON as the run that renders and writes (--out)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-startup-"));
    try {
      const plain = await som(["calculate", EXAMPLE, "--json"]);
      const written = await som(["calculate", EXAMPLE, "--json", "--out", path.join(dir, "ud.xlsx")]);
      expect([plain.code, written.code]).toEqual([0, 0]);
      expect(plain.out).toBe(written.out);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the compiled entry point and its code cache", () => {
  const bundle = path.join(ROOT, "build", "cli", "som.js");
  let dir: string;
  let copy: string;
  let expected: string;
  const runWithNote = (): { out: string; note: string } => {
    const file = path.join(dir, "stderr.txt");
    const fd = fs.openSync(file, "w");
    try {
      const out = execFileSync(
        process.execPath,
        [path.join(copy, "bin", "som.js"), "calculate", EXAMPLE, "--json"],
        {
          encoding: "utf8",
          env: { ...process.env, SOM_DEBUG: "1" },
          stdio: ["ignore", "pipe", fd],
          timeout: 60_000,
        },
      );
      return { out, note: fs.readFileSync(file, "utf8") };
    } finally {
      fs.closeSync(fd);
    }
  };

  beforeAll(async () => {
    // `npm test` builds the command line first (`npm run build:cli`).
    if (!fs.existsSync(bundle)) throw new Error("build/cli/som.js is missing: run `npm run build:cli` first");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-cache-"));
    copy = path.join(dir, "pkg");
    fs.mkdirSync(path.join(copy, "bin"), { recursive: true });
    fs.mkdirSync(path.join(copy, "build", "cli"), { recursive: true });
    fs.copyFileSync(path.join(ROOT, "bin", "som.js"), path.join(copy, "bin", "som.js"));
    fs.copyFileSync(bundle, path.join(copy, "build", "cli", "som.js"));
    expected = (await som(["calculate", EXAMPLE, "--json"])).out;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("gives the in-process output without a cache, writes one when asked, and uses it", () => {
    expect(runWithNote()).toEqual({ out: expected, note: "som: code cache absent or stale\n" });
    execFileSync(process.execPath, [path.join(copy, "bin", "som.js"), "calculate", EXAMPLE, "--json"], {
      env: { ...process.env, SOM_WRITE_CODE_CACHE: "1" },
      stdio: "ignore",
      timeout: 60_000,
    });
    expect(fs.existsSync(path.join(copy, "build", "cli", "som.js.cache"))).toBe(true);
    expect(runWithNote()).toEqual({ out: expected, note: "som: code cache used\n" });
  });

  it("the bundle is pure ASCII and its cache says so (the cheaper Latin-1 decoding is used)", () => {
    const built = fs.readFileSync(bundle);
    expect(built.findIndex((b) => b >= 0x80)).toBe(-1);
    const cache = fs.readFileSync(`${bundle}.cache`);
    expect(cache.subarray(0, cache.indexOf(10)).toString("utf8")).toMatch(
      /^som-code-cache \d+ [\d.]+ ascii$/,
    );
  });

  it("a bundle with non-ASCII text is keyed without 'ascii' and still read as UTF-8", () => {
    const other = path.join(dir, "other");
    fs.mkdirSync(path.join(other, "bin"), { recursive: true });
    fs.mkdirSync(path.join(other, "build", "cli"), { recursive: true });
    fs.copyFileSync(path.join(ROOT, "bin", "som.js"), path.join(other, "bin", "som.js"));
    /** A bundle that writes the JavaScript string literal `literal` (given as source text). */
    const tiny = (literal: string) => `"use strict";require("node:fs").writeSync(1, "${literal}");\n`;
    const run = (env: Record<string, string>) =>
      execFileSync(process.execPath, [path.join(other, "bin", "som.js")], {
        encoding: "utf8",
        env: { ...process.env, ...env },
        timeout: 60_000,
      });
    const key = () => {
      const c = fs.readFileSync(path.join(other, "build", "cli", "som.js.cache"));
      return c.subarray(0, c.indexOf(10)).toString("utf8");
    };
    fs.writeFileSync(path.join(other, "build", "cli", "som.js"), `${tiny("Århus ø\\n")}// æ\n`);
    expect(run({ SOM_WRITE_CODE_CACHE: "1" })).toBe("Århus ø\n");
    expect(key()).not.toMatch(/ascii$/);
    expect(run({})).toBe("Århus ø\n");
    fs.writeFileSync(path.join(other, "build", "cli", "som.js"), tiny("\\u00c5rhus\\n"));
    expect(run({ SOM_WRITE_CODE_CACHE: "1" })).toBe("Århus\n");
    expect(key()).toMatch(/ascii$/);
    expect(run({})).toBe("Århus\n");
  });

  it("ignores a cache made for another bundle, and survives one V8 rejects", () => {
    const cacheFile = path.join(copy, "build", "cli", "som.js.cache");
    const cache = fs.readFileSync(cacheFile);
    const headerEnd = cache.indexOf(10) + 1;
    // Damaged bytes behind a valid key: V8 checks them and compiles as usual.
    const damaged = Buffer.from(cache);
    for (let i = headerEnd; i < damaged.length; i += 7) damaged[i] = (damaged[i] ?? 0) ^ 0x5a;
    fs.writeFileSync(cacheFile, damaged);
    expect(runWithNote()).toEqual({ out: expected, note: "som: code cache rejected by V8\n" });
    // The bundle rebuilt (another modification time): the old cache is not even offered to V8.
    fs.writeFileSync(cacheFile, cache);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(copy, "build", "cli", "som.js"), later, later);
    expect(runWithNote()).toEqual({ out: expected, note: "som: code cache absent or stale\n" });
  });
});
