/** A tiny benchmark harness: warm up, then time batches until `minMs` has passed; report the median per call. */
export interface Measurement {
  readonly label: string;
  /** Median time per call, microseconds. */
  readonly microsPerCall: number;
  readonly calls: number;
}

export function measure(label: string, fn: () => unknown, minMs = 400): Measurement {
  for (let i = 0; i < 20; i++) fn();
  const samples: number[] = [];
  let calls = 0;
  const start = performance.now();
  let batch = 1;
  while (performance.now() - start < minMs) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    const dt = performance.now() - t0;
    samples.push((dt * 1000) / batch);
    calls += batch;
    if (dt < 5) batch *= 2;
  }
  samples.sort((a, b) => a - b);
  return { label, microsPerCall: samples[Math.floor(samples.length / 2)] ?? NaN, calls };
}

export const formatMicros = (us: number): string =>
  us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`;

/**
 * CPU time per call (user + system of the whole process, microseconds), median of `rounds` rounds of `calls`
 * calls after a warm-up. On a loaded shared machine wall-clock time includes the time the process waits for a
 * core; CPU time does not, so the bench prints both (process-wide CPU also counts the GC's helper threads, so it
 * is an upper bound of the main thread's work).
 */
export function measureCpu(fn: () => unknown, calls: number, rounds = 5): number {
  for (let i = 0; i < Math.min(calls, 2000); i++) fn();
  const perCall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < calls; i++) fn();
    const c = process.cpuUsage(c0);
    perCall.push((c.user + c.system) / calls);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)] ?? NaN;
}
