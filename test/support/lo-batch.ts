/**
 * One headless LibreOffice for many workbooks, driven through Python-UNO (`lo-batch.py`): start it first (it
 * takes seconds to start on a busy machine), prepare the workbooks meanwhile, then submit the jobs. See
 * `lo-batch.py` for the job format. Needs `soffice` and Python-UNO (Debian: libreoffice-calc-nogui, python3-uno).
 */
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { hasSoffice } from "./libreoffice";

/** Debian's python3-uno is built for the system Python, not for a Python a version manager put first on PATH. */
export const SYSTEM_PYTHON = "/usr/bin/python3";

/** True when `soffice` runs and the system Python imports `uno`. */
export function hasLoBatch(): boolean {
  if (!hasSoffice()) return false;
  try {
    execFileSync(SYSTEM_PYTHON, ["-c", "import uno"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

export interface LoEdit {
  readonly sheet: string;
  readonly cell: string;
  readonly value: number | string | null;
}
export interface LoPhase {
  readonly edits?: readonly LoEdit[];
  readonly reads?: readonly { readonly sheet: string; readonly range: string }[];
  readonly saveAs?: string;
}
export interface LoJob {
  readonly file: string;
  readonly phases: readonly LoPhase[];
}
export interface LoJobResult {
  readonly phases: readonly {
    readonly recalcSeconds: number;
    /** CPU seconds soffice.bin used for the recalculation (null where /proc is missing). */
    readonly recalcCpuSeconds: number | null;
    /** One 2-D array per read range: numbers, text, or null (blank or error). */
    readonly reads: readonly (readonly (readonly (number | string | null)[])[])[];
  }[];
}

/**
 * Starts LibreOffice now. `add(job)` queues a job (LibreOffice starts on it at once); `finish()` says there are
 * no more and resolves with every job's result, in order, when LibreOffice has quit. `stop()` (for an
 * `afterAll`) ends it when `finish` was never called.
 */
export function startLoBatch(dir: string): {
  add(job: LoJob): void;
  finish(): Promise<readonly LoJobResult[]>;
  stop(): Promise<void>;
} {
  const jobsFile = path.join(dir, "lo-jobs.jsonl");
  const outFile = path.join(dir, "lo-out.json");
  const profile = path.join(dir, "lo-profile");
  fs.mkdirSync(profile, { recursive: true });
  fs.writeFileSync(jobsFile, "");
  const child = spawn(SYSTEM_PYTHON, [path.join(__dirname, "lo-batch.py"), jobsFile, outFile, profile], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
  let ended = false;
  const end = (): void => {
    if (!ended) fs.appendFileSync(jobsFile, `${JSON.stringify({ end: true })}\n`);
    ended = true;
  };
  return {
    add(job) {
      fs.appendFileSync(jobsFile, `${JSON.stringify(job)}\n`);
    },
    async finish() {
      end();
      const code = await done;
      if (code !== 0) throw new Error(`lo-batch.py exited with ${code}: ${stderr}`);
      return (JSON.parse(fs.readFileSync(outFile, "utf8")) as { jobs: LoJobResult[] }).jobs;
    },
    async stop() {
      end();
      await done;
    },
  };
}
