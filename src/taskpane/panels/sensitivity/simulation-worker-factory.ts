/**
 * Creates the simulation's Web Worker. webpack sees `new Worker(new URL("./simulation.worker.ts",
 * import.meta.url))`, bundles the worker as its own chunk and points the URL at it (same origin, so the pane's
 * Content-Security-Policy — `worker-src` falls back to `script-src 'self'` — allows it).
 *
 * Only the webpack build loads this file (it compiles with `module: es2020`); `tsconfig.json` type-checks with
 * CommonJS, where `import.meta` is not allowed, and Node tests never import it — hence the one `@ts-ignore`.
 */
import type { WorkerLike } from "./simulation-runner";

/** A new simulation worker, or undefined when the browser has no `Worker`. */
export function simulationWorkerFactory(): (() => WorkerLike) | undefined {
  if (typeof Worker === "undefined") return undefined;
  return () =>
    new Worker(
      // eslint-disable-next-line @typescript-eslint/ban-ts-comment
      // @ts-ignore TS1343/TS1470: import.meta is fine in the webpack build (module es2020), see above
      new URL("./simulation.worker.ts", import.meta.url),
      { name: "som-simulation" },
    ) as unknown as WorkerLike;
}
