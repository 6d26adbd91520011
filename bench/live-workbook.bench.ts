/**
 * Live-workbook benchmark (issue 18, som-method.md §12): `npx tsx bench/live-workbook.bench.ts`.
 * For the typical and the large benchmark scenario (bench/scenarios.ts): the number of formulas in the live
 * sheets, the size of the file `som calculate --out … --live` writes, and LibreOffice's full recalculation time
 * (`calculateAll`, five rounds in one headless LibreOffice driven through Python-UNO, median reported).
 * Not a test: the figures go into the issue note. Needs `soffice` and python3-uno for the recalculation part.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { calculateWorkbook } from "../src/app/calculate-workbook";
import { FileWorkbook } from "../src/file/file-workbook";
import { writeWorkbookSpec } from "../src/file/xlsx-writer";
import { buildTemplateSpec } from "../src/workbook/layout/build-template-spec";
import { LIVE_SHEETS } from "../src/workbook/render/live-sheets";
import { makeTempDir, removeTempDir } from "../test/support/libreoffice";
import { hasLoBatch, startLoBatch, type LoJob } from "../test/support/lo-batch";
import { LARGE, rawScenarioOfSize, TYPICAL } from "./scenarios";

async function main(): Promise<void> {
  const dir = makeTempDir("som-live-bench-");
  const lo = hasLoBatch() ? startLoBatch(dir) : undefined;
  const rows: {
    name: string;
    formulas: number;
    cells: number;
    bytes: number;
    staticBytes: number;
    file: string;
    staticFile: string;
  }[] = [];
  try {
    const sizes = [
      ["typical (10 years, 3 actors, 1 effect, 15 lines)", TYPICAL],
      ["large (30 years, 40 actors, 3 effects, 200 lines, 200 services)", LARGE],
    ] as const;
    for (const [name, size] of sizes.filter((x) =>
      (process.env.SOM_BENCH_ONLY ?? x[0]).startsWith(x[0].split(" ")[0] as string),
    )) {
      const input = path.join(dir, `in-${rows.length}.xlsx`);
      fs.writeFileSync(input, await writeWorkbookSpec(buildTemplateSpec("da", rawScenarioOfSize(size))));
      const files: string[] = [];
      let formulas = 0;
      let cells = 0;
      for (const live of [false, true]) {
        const wb = await FileWorkbook.open(input);
        const t0 = performance.now();
        const outcome = await calculateWorkbook(wb, { now: new Date(), lang: "da", live });
        if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message.en).join(" "));
        const file = path.join(dir, `out-${rows.length}-${live ? "live" : "static"}.xlsx`);
        await wb.saveAs(file);
        const ms = performance.now() - t0;
        files.push(file);
        if (live) {
          for (const s of outcome.written.sheets)
            if ((Object.values(LIVE_SHEETS) as string[]).includes(s.name))
              for (const b of s.blocks) {
                for (const r of b.values) cells += r.length;
                for (const r of b.formulas ?? []) for (const f of r) if (f !== null) formulas++;
              }
          console.log(`${name}: calculate + write with --live ${ms.toFixed(0)} ms`);
        }
      }
      rows.push({
        name,
        formulas,
        cells,
        staticBytes: fs.statSync(files[0] as string).size,
        bytes: fs.statSync(files[1] as string).size,
        file: files[1] as string,
        staticFile: files[0] as string,
      });
    }
    console.log(`\nNode ${process.version}, ${new Date().toISOString()}`);
    for (const r of rows)
      console.log(
        `${r.name}\n  live formulas: ${r.formulas.toLocaleString("en")} (of ${r.cells.toLocaleString("en")} cells on the live sheets)\n  file: ${(r.bytes / 1024).toFixed(0)} KiB with --live, ${(r.staticBytes / 1024).toFixed(0)} KiB without`,
      );
    if (lo === undefined) {
      console.log("\nLibreOffice or python3-uno missing: no recalculation times.");
      return;
    }
    for (const r of rows)
      for (const file of [r.file, r.staticFile]) {
        const job: LoJob = { file, phases: Array.from({ length: 5 }, () => ({ reads: [] })) };
        lo.add(job);
      }
    const out = await lo.finish();
    const median = (i: number): string => {
      const phases = out[i]?.phases ?? [];
      const wall = phases.map((p) => p.recalcSeconds * 1000).sort((a, b) => a - b);
      const cpu = phases.map((p) => (p.recalcCpuSeconds ?? NaN) * 1000).sort((a, b) => a - b);
      return `median ${wall[2]?.toFixed(0)} ms wall, ${cpu[2]?.toFixed(0)} ms CPU (rounds ${wall.map((t) => t.toFixed(0)).join(", ")} ms wall; ${cpu.map((t) => t.toFixed(0)).join(", ")} ms CPU)`;
    };
    rows.forEach((r, i) => {
      console.log(`LibreOffice full recalculation (calculateAll), ${r.name}:`);
      console.log(`  with the live sheets: ${median(2 * i)}`);
      console.log(`  the same workbook without them (static results, stale check): ${median(2 * i + 1)}`);
    });
  } finally {
    await lo?.stop();
    removeTempDir(dir);
  }
}

void main();
