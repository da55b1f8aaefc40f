import { mean, median, variance } from '../stats/robust.js';
import type { BenchmarkSummary } from './types.js';

/** Mean, median and sample standard deviation of measurements (n ≥ 1). */
export function summarize(samples: readonly number[]): BenchmarkSummary {
  return {
    mean: mean(samples),
    median: median(samples),
    stddev: Math.sqrt(variance(samples)),
    n: samples.length,
  };
}
