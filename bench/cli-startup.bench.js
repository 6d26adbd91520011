#!/usr/bin/env node
// Start-up benchmark of the command line (issue 13): wall time of `som calculate examples/eksempel.xlsx
// --json` against a bare `node -e 1` on the same machine, median of N runs each, interleaved so that load
// changes hit both alike. Target: ratio ≤ 2. Run after `npm run build:cli` (npm install does it):
//   node bench/cli-startup.bench.js [runs]
"use strict";
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.join(__dirname, "..");
const runs = Number(process.argv[2] ?? 15);
const time = (args) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const bare = [];
const som = [];
time(["bin/som.js", "calculate", "examples/eksempel.xlsx", "--json"]); // warm the file cache
for (let i = 0; i < runs; i++) {
  bare.push(time(["-e", "1"]));
  som.push(time(["bin/som.js", "calculate", "examples/eksempel.xlsx", "--json"]));
}
const b = median(bare);
const s = median(som);
console.log(`node -e 1:                                      ${b.toFixed(1)} ms (median of ${runs})`);
console.log(`som calculate examples/eksempel.xlsx --json:   ${s.toFixed(1)} ms (median of ${runs})`);
console.log(`ratio: ${(s / b).toFixed(2)} (target ≤ 2)`);
