import { mean, median, variance } from '../stats/robust.js';
import type { BenchmarkResult, BenchmarkSummary } from './types.js';

/** Mean, median and sample standard deviation of measurements (n ≥ 1). */
export function summarize(samples: readonly number[]): BenchmarkSummary {
  return {
    mean: mean(samples),
    median: median(samples),
    stddev: Math.sqrt(variance(samples)),
    n: samples.length,
  };
}

/**
 * Asymptotic standard error of a sample median over that of a mean under normality (√(π/2)): the location of
 * a run is its median, so its standard error from a reported standard deviation is this much wider.
 */
const MEDIAN_SE_FACTOR = Math.sqrt(Math.PI / 2);

/**
 * How much wider the standard error of a summary-only result is made than the summary's own numbers say: the
 * rounds are not there to check the spread for outliers, drift or bimodality, so the model allows for twice
 * the error. Chosen, not tuned: it makes a summary-only comparison need a larger change than the same
 * comparison with the rounds.
 */
export const SUMMARY_SE_WIDENING = 2;

/**
 * The one location statistic every input kind is compared on: the median of a run's rounds. A summary-only
 * result (pytest-benchmark without --benchmark-save-data, Google Benchmark aggregates, hyperfine without times,
 * a custom-format value) is represented by its reported median (the mean when the tool reports no median), so
 * both sides of a comparison use the same statistic whatever each file holds.
 */
export function locationOf(result: Pick<BenchmarkResult, 'samples' | 'samplesKind' | 'summary'>): number {
  return result.samplesKind === 'raw' ? median(result.samples) : result.summary.median;
}

/**
 * The first and third quartile of a summary-only result's rounds when the tool reported them (pytest-benchmark's
 * stats.q1 and q3, kept in `extra`); undefined for results with their rounds and for tools that report none.
 */
export function summaryQuartiles(
  result: Pick<BenchmarkResult, 'samplesKind'> & { extra?: Record<string, unknown> },
): [number, number] | undefined {
  const q1 = result.extra?.q1;
  const q3 = result.extra?.q3;
  if (result.samplesKind === 'raw' || typeof q1 !== 'number' || typeof q3 !== 'number') return undefined;
  return q1 > 0 && q3 >= q1 ? [q1, q3] : undefined;
}

/** A normal distribution's interquartile range in standard deviations (2 × 0.6745). */
const IQR_TO_SD = 1.349;

/**
 * Relative standard error of a summary-only result's location, from the spread and count the tool reported
 * (√(π/2)·spread/√n, widened by SUMMARY_SE_WIDENING); undefined when the tool reported no spread (one value,
 * e.g. Google Benchmark without repetitions) or the result has its rounds (the detector measures those). The
 * spread is the interquartile range as a standard deviation (IQR/1.349) when the tool reports one
 * (pytest-benchmark's stats.iqr, kept in `extra.iqr`), else the standard deviation: a few slow rounds (a GC
 * pause, a preempted round) make pytest-benchmark's stddev half the median or more, which made the median's
 * error ±10% and hid 10-20% changes of summary-only files, while they move neither the median nor the IQR.
 */
export function summaryRelativeError(
  result: Pick<BenchmarkResult, 'samplesKind' | 'summary'> & { extra?: Record<string, unknown> },
): number | undefined {
  const { stddev, n, median: m } = result.summary;
  const iqr = result.extra?.iqr;
  const spread = typeof iqr === 'number' && iqr > 0 ? iqr / IQR_TO_SD : stddev;
  if (result.samplesKind === 'raw' || !(spread > 0) || !(n > 1) || m === 0) return undefined;
  return (SUMMARY_SE_WIDENING * MEDIAN_SE_FACTOR * spread) / Math.sqrt(n) / Math.abs(m);
}
