#!/usr/bin/env node
// Start-up benchmark of the command line (issue 13): wall time of `som calculate examples/eksempel.xlsx
// --json` against a bare `node -e 1` on the same machine, median of N runs each, interleaved so that load
// changes hit both alike. Target: ratio ≤ 2. Also `som calculate` (table), `som --help` and `som --version`.
// On Linux the mean CPU time (user + system) per run is shown too, read from /proc/self/stat (children's
// times), which a loaded machine disturbs less than wall time. Run after `npm run build:cli` (npm install does
// it):
//   node bench/cli-startup.bench.js [runs]
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const runs = Number(process.argv[2] ?? 15);

/** Children's user + system CPU time so far, in ms (Linux), or undefined. */
const childCpu = () => {
  try {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17, in clock ticks (100 per second).
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
};
const time = (args) => {
  const c0 = childCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c1 = childCpu();
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { ms, cpu: c0 === undefined || c1 === undefined ? undefined : c1 - c0 };
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const cases = [
  { label: "node -e 1", args: ["-e", "1"] },
  {
    label: "som calculate examples/eksempel.xlsx --json",
    args: ["bin/som.js", "calculate", "examples/eksempel.xlsx", "--json"],
  },
  {
    label: "som calculate examples/eksempel.xlsx",
    args: ["bin/som.js", "calculate", "examples/eksempel.xlsx"],
  },
  { label: "som --help", args: ["bin/som.js", "--help"] },
  { label: "som --version", args: ["bin/som.js", "--version"] },
];
for (const c of cases) time(c.args); // warm the file cache
const wall = cases.map(() => []);
const cpu = cases.map(() => []);
for (let i = 0; i < runs; i++) {
  cases.forEach((c, k) => {
    const r = time(c.args);
    wall[k].push(r.ms);
    if (r.cpu !== undefined) cpu[k].push(r.cpu);
  });
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const bare = median(wall[0]);
const bareCpu = cpu[0].length === runs ? mean(cpu[0]) : undefined;
cases.forEach((c, k) => {
  const w = median(wall[k]);
  const cpuText =
    bareCpu === undefined
      ? ""
      : `, CPU ${mean(cpu[k]).toFixed(1)} ms (${(mean(cpu[k]) / bareCpu).toFixed(2)}×)`;
  console.log(
    `${c.label.padEnd(46)} wall ${w.toFixed(1).padStart(6)} ms (${(w / bare).toFixed(2)}×)${cpuText}`,
  );
});
console.log(
  `median wall time of ${runs} runs each (mean CPU time); ratio of som calculate --json: ${(median(wall[1]) / bare).toFixed(2)} (target ≤ 2)`,
);
