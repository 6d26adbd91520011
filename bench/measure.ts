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
