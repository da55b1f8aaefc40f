import type { BenchmarkSummary } from './types.js';

/** Mean, median and sample standard deviation of measurements (n ≥ 1). */
export function summarize(samples: readonly number[]): BenchmarkSummary {
  const n = samples.length;
  let sum = 0;
  for (const v of samples) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of samples) squares += (v - mean) ** 2;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { mean, median, stddev: n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n };
}
