/**
 * Benchmark of the sensitivity grid (issue 5): a 21×21 and a 101×101 two-way grid (success rate × consequence
 * change, Σ NR of the first actor) on the typical scenario of issue 2 (`bench/scenarios.ts`: 10 years,
 * 3 actors, 3 cost lines, 1 effect, 15 consequence lines). Targets: 21×21 ≤ 20 ms, 101×101 ≤ 0,5 s.
 * For comparison it also times the same grid through the full `calculate` per cell.
 *
 * Issue 11: the same grids on the typical scenario with v = 3 per cohort (T = 16, Pr. forløb, Under indsats),
 * 101×101 target ≤ 100 ms.
 *
 * Run: `npx tsx bench/sensitivity.bench.ts`. Not a timed test: timings depend on the machine and its load,
 * so both the median and the fastest run are printed.
 */
import { performance } from "node:perf_hooks";
import { calculate } from "../src/engine/calculate";
import {
  selectFigure,
  twoWayGrid,
  type GridAxis,
  type ResultSelector,
} from "../src/engine/sensitivity/analyses";
import { applyParameter } from "../src/engine/sensitivity/parameters";
import type { Scenario } from "../src/engine/types";
import { scenarioOfSize, TYPICAL } from "./scenarios";

function axis(parameter: GridAxis["parameter"], n: number, lo: number, hi: number): GridAxis {
  return { parameter, values: Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1)) };
}

/** The same grid, every cell through the full `calculate` (the slow reference). */
function gridViaCalculate(s: Scenario, x: GridAxis, y: GridAxis, result: ResultSelector): number[][] {
  return y.values.map((yv) => {
    const row = applyParameter(s, y.parameter, yv);
    return x.values.map((xv) => selectFigure(calculate(applyParameter(row, x.parameter, xv)), result));
  });
}

function time(label: string, run: () => unknown, repeats: number, target: number): void {
  run(); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  // CPU time (process-wide): on a loaded machine the wall clock also counts waiting for a core.
  const cpuMedian = cpu[Math.floor(cpu.length / 2)] ?? NaN;
  const verdict = Number.isFinite(target) ? (median <= target ? " ok" : " over target (median)") : "";
  const t = Number.isFinite(target) ? `, target ≤ ${target} ms` : "";
  console.log(
    `${label}: median ${median.toFixed(2)} ms, fastest ${(times[0] ?? NaN).toFixed(2)} ms, CPU median ${cpuMedian.toFixed(2)} ms (${repeats} runs${t})${verdict}`,
  );
}

const result: ResultSelector = { measure: "netTotal", scope: { kind: "actor", actor: 0 } };
for (const [label, s, n, repeats, target] of [
  ["typical", scenarioOfSize(TYPICAL), 21, 40, 20],
  ["typical", scenarioOfSize(TYPICAL), 101, 9, 500],
  [
    "typical v = 3 per cohort",
    scenarioOfSize({ ...TYPICAL, duration: 3, horizonMethod: "perCohort" }),
    21,
    40,
    20,
  ],
  [
    "typical v = 3 per cohort",
    scenarioOfSize({ ...TYPICAL, duration: 3, horizonMethod: "perCohort" }),
    101,
    9,
    100,
  ],
] as const) {
  const x = axis("consequences", n, -0.5, 0.5);
  const y = axis("successRate", n, 0, 0.4);
  time(`${label}: ${n}×${n} grid`, () => twoWayGrid(s, x, y, result), repeats, target);
  time(
    `${label}: ${n}×${n} grid via calculate (reference)`,
    () => gridViaCalculate(s, x, y, result),
    Math.min(repeats, 5),
    Infinity,
  );
}
