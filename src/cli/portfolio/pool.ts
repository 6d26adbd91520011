/**
 * A pool of portfolio workers (`worker_threads`), one per core: files are handed out one at a time as workers
 * become free, answers come back in any order and are returned in input order. Progress is reported through
 * `onProgress` after every file.
 *
 * Under tsx (`npx som`, jest) the worker is TypeScript: it is started through a tiny CommonJS bootstrap that
 * registers tsx first. A compiled CLI (.js) starts the compiled worker directly.
 */
import * as os from "node:os";
import * as path from "node:path";
import type { Worker } from "node:worker_threads";
import type { InterventionSummary } from "../../app/portfolio";
import type { Lang } from "../../present/format";
import type { WorkerAnswer, WorkerRequest } from "./worker";

/** The number of workers: every core the machine offers, at least one, at most the number of files. */
export function workerCount(files: number): number {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(files, cores));
}

function startWorker(): Worker {
  // Loaded here, not at the top: every `som` command would otherwise pay for worker_threads at start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require("node:worker_threads") as typeof import("node:worker_threads");
  const compiled = __filename.endsWith(".js");
  const file = path.join(__dirname, compiled ? "worker.js" : "worker.ts");
  if (compiled) return new Worker(file);
  return new Worker(`require("tsx/cjs"); require(${JSON.stringify(file)});`, { eval: true });
}

/**
 * Summarises `files` with `workers` threads; resolves with one summary per file, in the order of `files`.
 * @example await summariseFiles(["a.xlsx", "b.xlsx"], "da", 2, (done, total) => {})
 */
export async function summariseFiles(
  files: readonly string[],
  lang: Lang,
  workers: number,
  onProgress: (done: number, total: number, failed: number) => void = () => {},
): Promise<InterventionSummary[]> {
  const out = new Array<InterventionSummary | undefined>(files.length).fill(undefined);
  if (files.length === 0) return [];
  let next = 0;
  let done = 0;
  let failed = 0;
  const pool = Array.from({ length: Math.max(1, Math.min(workers, files.length)) }, startWorker);
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const feed = (): void => {
              if (next >= files.length) {
                resolve();
                return;
              }
              const req: WorkerRequest = { id: next, file: files[next] as string, lang };
              next++;
              w.postMessage(req);
            };
            w.on("message", (answer: WorkerAnswer) => {
              out[answer.id] = answer.summary;
              done++;
              if (!answer.summary.ok) failed++;
              onProgress(done, files.length, failed);
              feed();
            });
            w.on("error", reject);
            w.on("exit", (code) => {
              if (code !== 0) reject(new Error(`A portfolio worker stopped with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out.map((s, i) => s ?? { file: files[i] as string, ok: false, issues: [] });
}
