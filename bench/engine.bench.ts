/**
 * Engine benchmark (issue 2): `npm run bench`. Time per `calculate` for the typical and the large scenario,
 * and how the cost grows when one dimension is doubled. Not a test: the figures go into the issue note.
 */
import { calculate } from "../src/engine/calculate";
import { validateScenario } from "../src/engine/validate";
import { formatMicros, measure } from "./measure";
import { LARGE, rawScenarioOfSize, scenarioOfSize, TYPICAL, type Size } from "./scenarios";

const line = (label: string, us: number, target?: number): string =>
  `${label.padEnd(58)} ${formatMicros(us).padStart(10)}${target === undefined ? "" : `   (target ≤ ${formatMicros(target)}: ${us <= target ? "ok" : "MISSED"})`}`;

console.log(`Node ${process.version}, ${new Date().toISOString()}`);
for (const [name, size, target] of [
  ["typical (10 years, 3 actors, 3 costs, 1 effect, 15 lines)", TYPICAL, 20],
  ["large (30 years, 40 actors, 3 effects, 200 lines)", LARGE, 2000],
] as const) {
  const s = scenarioOfSize(size);
  const raw = rawScenarioOfSize(size);
  // Five rounds of the median: the machine is a shared VM, so report the spread, and judge the target by the
  // median of the rounds.
  const rounds = Array.from({ length: 5 }, () => measure(name, () => calculate(s)).microsPerCall).sort(
    (a, b) => a - b,
  );
  console.log(line(`calculate — ${name}`, rounds[2] ?? NaN, target));
  console.log(`${"".padEnd(4)}rounds: ${rounds.map(formatMicros).join(", ")}`);
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
