/**
 * Where the pane runs a simulation (issue 16): off the UI thread, in a Web Worker bundled by webpack
 * (`simulation.worker.ts`, created by `simulation-worker-factory.ts`), so typing in Excel never stalls.
 *
 * Messages (structured clone): the pane posts `{ kind: "run", scenario, settings, chunk }`; the worker answers
 * `{ kind: "progress", done, total }` after every `chunk` iterations, then `{ kind: "done", result }` (the
 * per-iteration typed arrays are transferred, not copied) or `{ kind: "failed", message }`. Cancel terminates
 * the worker: the run stops at once and nothing is written.
 *
 * The worker runs the same engine code (`Simulation`) as the command line, and the draws use only integer
 * operations and + − × ÷ √, so the result is bit-identical to Node's (test/app/uncertainty-pane.chromium.test.ts).
 * Where no worker can be started (no `Worker`, or the script fails to load before it has answered), the run
 * falls back to the UI thread in small chunks with a yield between them.
 */
import { Simulation, type SimulationResult } from "../../../engine/simulation/simulate";
import type { SimulationSettings } from "../../../engine/simulation/inputs";
import type { Scenario } from "../../../engine/types";

/** Runs one simulation, reporting progress; rejects with `SimulationCancelledError` when `signal` aborts. */
export type SimulationRunner = (
  scenario: Scenario,
  settings: SimulationSettings,
  hooks: {
    readonly onProgress: (done: number, total: number) => void;
    readonly signal: AbortSignal;
    /** Keep every iteration's draws (only the `Simuleringer` sheet needs them); default true. */
    readonly keepDraws?: boolean;
  },
) => Promise<SimulationResult>;

/** The run was cancelled by the user; nothing is written. */
export class SimulationCancelledError extends Error {
  override readonly name = "SimulationCancelledError";
}

/** The worker reported an error (a programmer error: the inputs were validated before). */
export class SimulationWorkerError extends Error {
  override readonly name = "SimulationWorkerError";
}

export type WorkerRequest = {
  readonly kind: "run";
  readonly scenario: Scenario;
  readonly settings: SimulationSettings;
  readonly chunk: number;
  readonly keepDraws: boolean;
};

export type WorkerReply =
  | { readonly kind: "progress"; readonly done: number; readonly total: number }
  | { readonly kind: "done"; readonly result: SimulationResult }
  | { readonly kind: "failed"; readonly message: string };

/** Iterations between progress messages from the worker. */
export const WORKER_CHUNK = 2000;
/** Iterations between yields when the run falls back to the UI thread (about a few ms each). */
export const MAIN_THREAD_CHUNK = 250;

/** The per-iteration arrays of a result (moved to the receiver instead of copied). */
export function transferables(result: SimulationResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const a of [...result.draws, ...result.netByActor]) buffers.add(a.buffer as ArrayBuffer);
  return [...buffers];
}

/**
 * The worker side (called from `simulation.worker.ts` with the worker's `postMessage`): runs the whole
 * simulation synchronously — cancel terminates the worker — and reports progress every `chunk` iterations.
 */
export function answerRequest(
  request: WorkerRequest,
  post: (reply: WorkerReply, transfer?: Transferable[]) => void,
): void {
  try {
    const sim = new Simulation(request.scenario, request.settings, { keepDraws: request.keepDraws });
    while (!sim.finished) post({ kind: "progress", done: sim.step(request.chunk), total: sim.iterations });
    const result = sim.result();
    post({ kind: "done", result }, transferables(result));
  } catch (error) {
    post({
      kind: "failed",
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }
}

const cancelled = (): SimulationCancelledError =>
  new SimulationCancelledError("The simulation was cancelled");

/**
 * The UI-thread fallback: `MAIN_THREAD_CHUNK` iterations at a time, awaiting `yieldToUi` between chunks so the
 * pane stays usable and Cancel is seen.
 */
export function mainThreadRunner(
  yieldToUi: () => Promise<void>,
  chunk = MAIN_THREAD_CHUNK,
): SimulationRunner {
  return async (scenario, settings, { onProgress, signal, keepDraws }) => {
    const sim = new Simulation(scenario, settings, { keepDraws: keepDraws ?? true });
    while (!sim.finished) {
      if (signal.aborted) throw cancelled();
      onProgress(sim.step(chunk), sim.iterations);
      await yieldToUi();
    }
    if (signal.aborted) throw cancelled();
    return sim.result();
  };
}

/** The part of a `Worker` the runner uses (tests may pass a fake). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/**
 * Runs each simulation in a new worker from `createWorker` (one per run, terminated afterwards). When
 * `createWorker` throws or the worker fails before its first message, the run goes to `fallback`.
 */
export function workerRunner(
  createWorker: () => WorkerLike,
  fallback: SimulationRunner,
  chunk = WORKER_CHUNK,
): SimulationRunner {
  return (scenario, settings, hooks) => {
    if (hooks.signal.aborted) return Promise.reject(cancelled());
    let worker: WorkerLike;
    try {
      worker = createWorker();
    } catch {
      return fallback(scenario, settings, hooks);
    }
    return new Promise<SimulationResult>((resolve, reject) => {
      let heard = false;
      let settled = false;
      const finish = (): void => {
        settled = true;
        worker.onmessage = null;
        worker.onerror = null;
        hooks.signal.removeEventListener("abort", onAbort);
        worker.terminate();
      };
      const onAbort = (): void => {
        if (settled) return;
        finish();
        reject(cancelled());
      };
      hooks.signal.addEventListener("abort", onAbort);
      worker.onmessage = (event) => {
        if (settled) return;
        heard = true;
        const reply = event.data;
        if (reply.kind === "progress") hooks.onProgress(reply.done, reply.total);
        else if (reply.kind === "done") {
          finish();
          resolve(reply.result);
        } else {
          finish();
          reject(new SimulationWorkerError(reply.message));
        }
      };
      worker.onerror = (event) => {
        if (settled) return;
        event.preventDefault?.();
        finish();
        if (!heard) fallback(scenario, settings, hooks).then(resolve, reject);
        else reject(new SimulationWorkerError(event.message || "The simulation worker failed"));
      };
      worker.postMessage({ kind: "run", scenario, settings, chunk, keepDraws: hooks.keepDraws ?? true });
    });
  };
}

/** The pane's runner: a worker when the browser can start one, else the UI-thread fallback. */
export function paneSimulationRunner(
  createWorker: (() => WorkerLike) | undefined,
  yieldToUi: () => Promise<void>,
): SimulationRunner {
  const fallback = mainThreadRunner(yieldToUi);
  return createWorker === undefined ? fallback : workerRunner(createWorker, fallback);
}
