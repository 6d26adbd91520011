#!/usr/bin/env node
// Builds the command line (`npm run build:cli`; `npm install`/`npm ci` run it through `prepare`, `npm test` too):
// src/cli/main.ts → build/cli/som.js and the portfolio worker → build/cli/worker.js, each ONE CommonJS file made
// by esbuild (the bundler tsx runs on, so no extra package). One file instead of ~150 modules is what makes
// `som calculate` start fast (issue 13: ≤ 2× a bare `node -e 1`; `node bench/cli-startup.bench.js`).
// exceljs stays outside the bundle and is required only when a command writes a file. fflate's browser build
// is used: its Node build loads worker_threads at start-up for asynchronous APIs we never call.
// Type checking is `npm run typecheck`; esbuild only strips the types.
// Then the V8 code cache build/cli/som.js.cache: one training run of `som calculate` on the bundled example,
// after which bin/som.js saves the bytecode of every function that run compiled (see bin/som.js).
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const esbuild = require("esbuild");

const root = path.join(__dirname, "..");
const outdir = path.join(root, "build", "cli");
fs.rmSync(outdir, { recursive: true, force: true });
esbuild.buildSync({
  entryPoints: {
    som: path.join(root, "src", "cli", "main.ts"),
    worker: path.join(root, "src", "cli", "portfolio", "worker.ts"),
  },
  outdir,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["exceljs"],
  alias: { fflate: "fflate/browser" },
  legalComments: "none",
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: process.env.SOM_CLI_PROFILE !== "1",
  logLevel: "warning",
});

// bin/som.js turns a pure-ASCII bundle into its source string by the cheaper Latin-1 route (esbuild escapes
// non-ASCII text in strings, but not in regular expressions: write those as \u escapes).
const bundle = fs.readFileSync(path.join(outdir, "som.js"));
const nonAscii = bundle.findIndex((b) => b >= 0x80);
if (nonAscii >= 0)
  console.warn(
    `build-cli: build/cli/som.js is not pure ASCII (near ${JSON.stringify(bundle.subarray(Math.max(0, nonAscii - 40), nonAscii + 10).toString("utf8"))}); som starts a little slower.`,
  );

const example = path.join(root, "examples", "eksempel.xlsx");
if (fs.existsSync(example)) {
  const run = spawnSync(
    process.execPath,
    [path.join(root, "bin", "som.js"), "calculate", example, "--json"],
    {
      cwd: root,
      env: { ...process.env, SOM_WRITE_CODE_CACHE: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (run.status !== 0)
    console.warn("build-cli: the code-cache training run failed; som starts without the cache.");
}
