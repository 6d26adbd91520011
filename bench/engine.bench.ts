/**
 * Engine benchmark (issue 2): `npm run bench`. Time per `calculate` for the typical and the large scenario,
 * and how the cost grows when one dimension is doubled. Not a test: the figures go into the issue note.
 * Wall-clock medians and CPU time per call are both printed: on a loaded shared machine the wall clock also
 * counts the time spent waiting for a core.
 */
import { calculate } from "../src/engine/calculate";
import { validateScenario } from "../src/engine/validate";
import { formatMicros, measure, measureCpu } from "./measure";
import { LARGE, rawScenarioOfSize, scenarioOfSize, TYPICAL, type Size } from "./scenarios";

const line = (label: string, us: number, target?: number): string =>
  `${label.padEnd(58)} ${formatMicros(us).padStart(10)}${target === undefined ? "" : `   (target ≤ ${formatMicros(target)}: ${us <= target ? "ok" : "MISSED"})`}`;

console.log(`Node ${process.version}, ${new Date().toISOString()}`);
for (const [name, size, target] of [
  ["typical (F = 10, 3 actors, 3 costs, 1 effect, 15 lines)", TYPICAL, 20],
  ["large (F = 30, 40 actors, 3 effects, 200 lines)", LARGE, 2000],
  // issue 11: v = 3 per cohort (T = D + v + F − 2), Pr. forløb costs and Under indsats lines
  [
    "typical, v = 3 per cohort (T = 5 + 3 + 10 − 2 = 16)",
    { ...TYPICAL, duration: 3, horizonMethod: "perCohort" },
    20,
  ],
  [
    "large, v = 3 per cohort (T = 15 + 3 + 30 − 2 = 46)",
    { ...LARGE, duration: 3, horizonMethod: "perCohort" },
    2000,
  ],
] as const satisfies readonly (readonly [string, Size, number])[]) {
  const s = scenarioOfSize(size);
  const raw = rawScenarioOfSize(size);
  // Five rounds of the median: the machine is a shared VM, so report the spread, and judge the target by the
  // median of the rounds.
  const rounds = Array.from({ length: 5 }, () => measure(name, () => calculate(s)).microsPerCall).sort(
    (a, b) => a - b,
  );
  console.log(line(`calculate — ${name}`, rounds[2] ?? NaN, target));
  console.log(`${"".padEnd(4)}rounds: ${rounds.map(formatMicros).join(", ")}`);
  const cpu = measureCpu(() => calculate(s), target <= 20 ? 20_000 : 300);
  console.log(line(`    CPU time per call (process.cpuUsage, median of 5)`, cpu, target));
  console.log(line(`validateScenario — ${name}`, measure(name, () => validateScenario(raw)).microsPerCall));
}

console.log("\nGrowth from the large scenario when one dimension is doubled (time ratio):");
/** Median of three rounds of `measure` (the VM is noisy). */
const median3 = (fn: () => unknown): number =>
  [0, 1, 2].map(() => measure("", fn).microsPerCall).sort((a, b) => a - b)[1] ?? NaN;
const baseCalc = (() => {
  const s = scenarioOfSize(LARGE);
  return median3(() => calculate(s));
})();
const variants: [string, Size][] = [
  ["actors 40 → 80", { ...LARGE, actors: 80 }],
  ["consequence lines 200 → 400", { ...LARGE, consequenceLines: 400 }],
  ["consequence years 20 → 10 (halved)", { ...LARGE, consequenceYears: 10 }],
  ["years 30 → 15 (halved; cohorts halve too)", { ...LARGE, years: 15 }],
  ["cost lines 40 → 80", { ...LARGE, costLines: 80 }],
];
for (const [label, size] of variants) {
  const s = scenarioOfSize(size);
  const t = median3(() => calculate(s));
  console.log(`  ${label.padEnd(44)} ${formatMicros(t).padStart(10)}  ×${(t / baseCalc).toFixed(2)}`);
}
