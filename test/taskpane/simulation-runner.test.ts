/**
 * How the pane runs a simulation (Node, with a fake worker that answers through the real worker code
 * `answerRequest`, asynchronously as a worker would): the result is the engine's, bit for bit; progress comes
 * per chunk; Cancel terminates the worker and rejects; a worker that cannot start falls back to the UI thread.
 */
import { simulate, type SimulationSettings } from "../../src/engine/simulation/simulate";
import {
  answerRequest,
  mainThreadRunner,
  SimulationCancelledError,
  SimulationWorkerError,
  transferables,
  workerRunner,
  type WorkerLike,
  type WorkerReply,
  type WorkerRequest,
} from "../../src/taskpane/panels/sensitivity/simulation-runner";
import { baseCase } from "../engine/sensitivity/base-case";

const scenario = baseCase();
const settings: SimulationSettings = {
  seed: 99,
  iterations: 1000,
  inputs: [
    { parameter: "successRate", distribution: { kind: "triangular", low: 0.05, mode: 0.2, high: 0.35 } },
    { parameter: "costs", distribution: { kind: "uniform", low: -0.1, high: 0.3 } },
  ],
};

/** A worker whose replies arrive as macrotasks (like postMessage); `mode` breaks it on purpose. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly transferred: Transferable[][] = [];
  constructor(private readonly mode: "ok" | "load-error" | "error-after-progress" = "ok") {}
  postMessage(message: WorkerRequest): void {
    if (this.mode === "load-error") {
      setTimeout(() => this.onerror?.({ message: "404", preventDefault: () => undefined } as ErrorEvent), 0);
      return;
    }
    const replies: { reply: WorkerReply; transfer: Transferable[] }[] = [];
    answerRequest(message, (reply, transfer) => replies.push({ reply, transfer: transfer ?? [] }));
    if (this.mode === "error-after-progress") replies.splice(1);
    const deliver = (i: number): void => {
      if (this.terminated) return;
      const next = replies[i];
      if (next === undefined) {
        if (this.mode === "error-after-progress")
          this.onerror?.({ message: "boom", preventDefault: () => undefined } as ErrorEvent);
        return;
      }
      this.transferred.push(next.transfer);
      this.onmessage?.({ data: next.reply } as MessageEvent<WorkerReply>);
      setTimeout(() => deliver(i + 1), 0);
    };
    setTimeout(() => deliver(0), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const bits = (xs: ArrayLike<number>): string =>
  Buffer.from(new Float64Array(Array.from(xs)).buffer).toString("hex");

const neverFallback = () => Promise.reject(new Error("the fallback must not run"));

describe("workerRunner", () => {
  it("gives the engine's result bit for bit, with progress after every chunk and the typed arrays transferred", async () => {
    const worker = new FakeWorker();
    const progress: [number, number][] = [];
    const run = workerRunner(() => worker, neverFallback, 300);
    const got = await run(scenario, settings, {
      onProgress: (d, t) => progress.push([d, t]),
      signal: new AbortController().signal,
    });
    const want = simulate(scenario, settings);
    expect(progress).toEqual([
      [300, 1000],
      [600, 1000],
      [900, 1000],
      [1000, 1000],
    ]);
    expect(got.total).toEqual(want.total);
    expect(got.byActor).toEqual(want.byActor);
    expect(got.draws.map(bits)).toEqual(want.draws.map(bits));
    expect(got.netByActor.map(bits)).toEqual(want.netByActor.map(bits));
    expect(worker.terminated).toBe(true);
    // the last message (the result) moves every per-iteration buffer: inputs + actors
    expect(worker.transferred.at(-1)).toHaveLength(settings.inputs.length + got.actors.length);
    expect(transferables(want)).toHaveLength(settings.inputs.length + want.actors.length);
  });

  it("without keepDraws the worker sends no draws and moves only the actors' buffers", async () => {
    const worker = new FakeWorker();
    const run = workerRunner(() => worker, neverFallback, 500);
    const got = await run(scenario, settings, {
      onProgress: () => undefined,
      signal: new AbortController().signal,
      keepDraws: false,
    });
    expect(got.draws).toEqual([]);
    expect(got.total).toEqual(simulate(scenario, settings).total);
    expect(worker.transferred.at(-1)).toHaveLength(got.actors.length);
  });

  it("Cancel terminates the worker and rejects with SimulationCancelledError", async () => {
    const worker = new FakeWorker();
    const controller = new AbortController();
    const run = workerRunner(() => worker, neverFallback, 100);
    const p = run(scenario, settings, {
      onProgress: (done) => {
        if (done >= 200) controller.abort();
      },
      signal: controller.signal,
    });
    await expect(p).rejects.toBeInstanceOf(SimulationCancelledError);
    expect(worker.terminated).toBe(true);
  });

  it("falls back to the UI thread when no worker can be created or it fails before answering", async () => {
    const fallback = mainThreadRunner(() => new Promise((r) => setTimeout(r, 0)), 400);
    const want = simulate(scenario, settings);
    const hooks = { onProgress: () => undefined, signal: new AbortController().signal };
    const thrown = workerRunner(() => {
      throw new Error("CSP");
    }, fallback);
    expect((await thrown(scenario, settings, hooks)).total).toEqual(want.total);
    const broken = new FakeWorker("load-error");
    const failing = workerRunner(() => broken, fallback);
    expect((await failing(scenario, settings, hooks)).total).toEqual(want.total);
    expect(broken.terminated).toBe(true);
  });

  it("a worker that fails after it has answered is an error, not a silent fallback", async () => {
    const run = workerRunner(() => new FakeWorker("error-after-progress"), neverFallback, 100);
    await expect(
      run(scenario, settings, { onProgress: () => undefined, signal: new AbortController().signal }),
    ).rejects.toBeInstanceOf(SimulationWorkerError);
  });
});

describe("mainThreadRunner", () => {
  it("yields between chunks, reports progress and equals the engine", async () => {
    let yields = 0;
    const progress: number[] = [];
    const run = mainThreadRunner(() => {
      yields++;
      return Promise.resolve();
    }, 250);
    const got = await run(scenario, settings, {
      onProgress: (d) => progress.push(d),
      signal: new AbortController().signal,
    });
    expect(progress).toEqual([250, 500, 750, 1000]);
    expect(yields).toBe(4);
    expect(got.total).toEqual(simulate(scenario, settings).total);
  });

  it("stops at the next chunk when cancelled", async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const run = mainThreadRunner(() => Promise.resolve(), 250);
    const p = run(scenario, settings, {
      onProgress: (d) => {
        progress.push(d);
        if (d === 500) controller.abort();
      },
      signal: controller.signal,
    });
    await expect(p).rejects.toBeInstanceOf(SimulationCancelledError);
    expect(progress).toEqual([250, 500]);
  });
});

describe("answerRequest", () => {
  it("reports a failure as a message instead of throwing (a bad seed is a programmer error here)", () => {
    const replies: WorkerReply[] = [];
    answerRequest(
      { kind: "run", scenario, settings: { ...settings, seed: 1.5 }, chunk: 10, keepDraws: true },
      (r) => replies.push(r),
    );
    expect(replies).toEqual([{ kind: "failed", message: "SeedError: Bad seed 1.5" }]);
  });
});
