#!/usr/bin/env node
// Entry point of the `som` command. Runs the bundled JavaScript build/cli/som.js (made by `npm run build:cli`,
// which `npm install` / `npm ci` run through the `prepare` script), so no TypeScript is compiled at start-up.
// Only when that build is missing (sources checked out without installing) does it fall back to running the
// TypeScript sources through tsx. After editing src/, run `npm run build:cli` (CONTRIBUTING.md).
//
// Start-up (issue 13: `som calculate --json` ≤ 2× a bare `node -e 1`): the bundle is compiled with the V8 code
// cache build/cli/som.js.cache that `npm run build:cli` makes (a training run of `som calculate` on the
// example, `SOM_WRITE_CODE_CACHE`), so V8 neither parses the 0,7 MB bundle nor compiles the functions a
// calculation uses. The cache starts with the size and modification time of the bundle it was made from and is
// used only for that bundle; V8 itself rejects it after a Node upgrade (or other V8 flags). Without a usable cache the bundle just compiles as
// usual. Node's own module loader (require) does the same as this function apart from the cache.
"use strict";
const path = require("node:path");
const fs = require("node:fs");

function runCompiled(file) {
  // A `som` run is short: V8's optimising compiler (TurboFan) would start compiling the functions a
  // calculation runs a few thousand times (the XML scanner, inflate) in the background, and the process then
  // waits for those compile jobs before it can exit — ≈ 15–20 ms of a 100 ms run, for code that is never used
  // again. A larger interrupt budget (default 67.584) lets functions run longer in the interpreter and the
  // baseline compiler before they are optimised: short runs never pay for it, long ones (a simulation, a
  // sensitivity grid, a large model) are optimised a few milliseconds later. Set before the bundle is compiled,
  // so the training run that makes the code cache (same setting) and every later run agree on V8's flags.
  require("node:v8").setFlagsFromString("--interrupt-budget=1000000");
  const Module = require("node:module");
  const vm = require("node:vm");
  const bytes = fs.readFileSync(file);
  // The cache's key is the bundle's size and modification time (as Python's .pyc files): a rebuilt or edited
  // bundle never meets an old cache. (A SHA-256 would cost more start-up than loading `node:crypto` is worth.)
  // The training run also notes in the key whether the bundle is pure ASCII (esbuild writes it so, and
  // `npm run build:cli` checks it); then the bytes become the source string by the cheaper Latin-1 route.
  const stat = fs.statSync(file);
  const keyText = `som-code-cache ${stat.size} ${stat.mtimeMs}`;
  const ascii = Buffer.from(`${keyText} ascii\n`, "utf8");
  const plain = Buffer.from(`${keyText}\n`, "utf8");
  const cacheFile = `${file}.cache`;
  let cachedData;
  let isAscii = false;
  try {
    const cache = fs.readFileSync(cacheFile);
    for (const key of [ascii, plain]) {
      if (cache.length > key.length && cache.subarray(0, key.length).equals(key)) {
        cachedData = cache.subarray(key.length);
        isAscii = key === ascii;
        break;
      }
    }
  } catch {
    // no cache: compile as usual
  }
  const source = isAscii ? bytes.latin1Slice(0, bytes.length) : bytes.toString("utf8");
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (process.env.SOM_DEBUG === "1")
    process.stderr.write(
      `som: code cache ${cachedData === undefined ? "absent or stale" : script.cachedDataRejected ? "rejected by V8" : "used"}\n`,
    );
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  const req = (id) => mod.require(id);
  req.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  req.main = require.main;
  req.cache = Module._cache;
  if (process.env.SOM_WRITE_CODE_CACHE === "1") {
    // `npm run build:cli`: after this run, keep the functions it compiled.
    const key = bytes.every((b) => b < 0x80) ? ascii : plain;
    process.once("exit", () => fs.writeFileSync(cacheFile, Buffer.concat([key, script.createCachedData()])));
  }
  script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
  mod.loaded = true;
}

const compiled = path.join(__dirname, "..", "build", "cli", "som.js");
if (fs.existsSync(compiled)) {
  runCompiled(compiled);
} else {
  require("tsx/cjs");
  require(path.join(__dirname, "..", "src", "cli", "main.ts"));
}
