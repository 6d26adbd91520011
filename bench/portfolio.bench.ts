/**
 * Portfolio benchmark (issue 17): `som portfolio <folder> --json` over N typical workbooks (the bundled example's
 * inputs with varied participants, success rate and name; template layout, ~30 kB each), timed end to end as a
 * user runs it (a child process: tsx start-up, worker start-up, reading, calculating, summing).
 *
 *   npx tsx bench/portfolio.bench.ts [N=200]
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { writeWorkbookSpec } from "../src/file/write-workbook-spec";
import { buildTemplateSpec } from "../src/workbook/layout/build-template-spec";
import { EXAMPLE_DATA, EXAMPLE_DECISION } from "../src/workbook/layout/example-data";

/** The i-th typical workbook's inputs: the example with participants × (0.5 + i mod 10 / 10) and its own name. */
export function variant(i: number): typeof EXAMPLE_DATA {
  const f = 0.5 + (i % 10) / 10;
  return {
    ...EXAMPLE_DATA,
    intervention: `Indsats ${i + 1}`,
    participants: EXAMPLE_DATA.participants.map((p) => ({
      ...p,
      ...(p.count === undefined ? {} : { count: p.count * f }),
    })),
    effects: EXAMPLE_DATA.effects.map((e) => ({
      ...e,
      successRate: Math.min(1, (e.successRate ?? 0) * (0.8 + (i % 5) / 10)),
    })),
  };
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 200);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "som-portfolio-bench-"));
  try {
    for (let i = 0; i < n; i++)
      await writeWorkbookSpec(
        buildTemplateSpec({ lang: "da", data: variant(i), decision: EXAMPLE_DECISION }),
        path.join(dir, `indsats-${String(i + 1).padStart(3, "0")}.xlsx`),
      );
    const bin = path.join(__dirname, "..", "bin", "som.js");
    const t0 = performance.now();
    const out = execFileSync(process.execPath, [bin, "portfolio", dir, "--json"], {
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    });
    const ms = performance.now() - t0;
    const doc = JSON.parse(out.toString()) as { calculated: number; failed: number };
    const cores =
      typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    process.stdout.write(
      `som portfolio: ${n} workbooks (${doc.calculated} calculated, ${doc.failed} failed) in ${(ms / 1000).toFixed(2)} s on ${cores} cores, load average ${os.loadavg()[0]?.toFixed(1)} (target ≤ 10 s for 200)\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
