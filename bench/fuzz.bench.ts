/**
 * Fuzz benchmark (issue 13 §4): every hostile file of test/support/hostile-xlsx.ts through the compiled command
 * line in its own process — `som calculate --json` and `som calculate --out` — with wall time and peak memory
 * (max RSS, from /usr/bin/time) per file. Bounds: ≤ 2 s and ≤ 300 MB per file on the machine it runs on.
 * Prints the slowest and the largest cases and every case over a bound. Run after `npm run build:cli`:
 *   npx tsx bench/fuzz.bench.ts [--out]
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { hostileCases } from "../test/support/hostile-xlsx";

const root = path.join(__dirname, "..");
const withOut = process.argv.includes("--out");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-fuzz-bench-"));
interface Row {
  name: string;
  mode: string;
  seconds: number;
  mb: number;
  code: number | null;
  line: string;
}
const rows: Row[] = [];
for (const c of hostileCases()) {
  const file = path.join(dir, "case.xlsx");
  fs.writeFileSync(file, c.bytes());
  const modes: [string, string[]][] = [["calculate --json", ["calculate", file, "--json"]]];
  if (withOut)
    modes.push(["calculate --out", ["calculate", file, "--out", path.join(dir, "out.xlsx"), "--force"]]);
  for (const [mode, args] of modes) {
    const r = spawnSync("/usr/bin/time", ["-f", "BENCH %e %M", process.execPath, "bin/som.js", ...args], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const m = /BENCH ([\d.]+) (\d+)/.exec(r.stderr ?? "");
    const line = (r.stderr ?? "").split("\n").find((l) => l.startsWith("som:")) ?? "";
    rows.push({
      name: c.name,
      mode,
      seconds: m ? Number(m[1]) : NaN,
      mb: m ? Number(m[2]) / 1024 : NaN,
      code: r.status,
      line: line.slice(0, 110),
    });
  }
}
fs.rmSync(dir, { recursive: true, force: true });
const fmt = (r: Row): string =>
  `${r.seconds.toFixed(2).padStart(6)} s ${r.mb.toFixed(0).padStart(5)} MB  exit ${String(r.code).padEnd(4)} ${r.mode.padEnd(17)} ${r.name}${r.line ? `\n${" ".repeat(44)}${r.line}` : ""}`;
console.log(
  `cases: ${rows.length} runs over ${hostileCases().length} files, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)}`,
);
console.log("\nslowest:");
for (const r of [...rows].sort((a, b) => b.seconds - a.seconds).slice(0, 6)) console.log(fmt(r));
console.log("\nlargest (peak RSS):");
for (const r of [...rows].sort((a, b) => b.mb - a.mb).slice(0, 6)) console.log(fmt(r));
const over = rows.filter(
  (r) => !(r.seconds <= 2) || !(r.mb <= 300) || r.code === null || /uventet|unexpected/.test(r.line),
);
console.log(`\nover a bound (> 2 s, > 300 MB, killed, or "uventet fejl"): ${over.length}`);
for (const r of over) console.log(fmt(r));
