import { fastestOf } from '../disturbed.js';
import { type OffCpuShares, offCpuSharesOf } from '../off-cpu.js';
import { locationOf, summaryQuartiles, summaryRelativeError } from '../parse/summary.js';
import type { BenchmarkResult } from '../parse/types.js';
import { convertUnit } from '../parse/units.js';
import type { RunRecord } from './types.js';

/** What a new result is compared with: the latest earlier run's samples and the per-run history. */
export interface Baseline {
  /** Samples of the most recent earlier run, in the new result's unit. */
  samples: number[];
  /** Median of each earlier run, oldest first, the baseline run last, in the new result's unit. */
  history: number[];
  /**
   * Identity of each history run (time and commit), aligned with `history`, so the benchmarks of one results
   * file can be matched run by run for common-mode rejection.
   */
  historyRuns?: string[];
  runs: number;
  /**
   * Relative standard error of the baseline run's location when it is a summary without rounds
   * (summary.ts summaryRelativeError); absent for rounds or when the tool reported no spread.
   */
  relativeError?: number;
  /** Quartiles of the baseline run's rounds when it is a summary that reports them (summary.ts summaryQuartiles). */
  quartiles?: [number, number];
  commit?: string;
  /** Runs left out because their unit cannot be converted to the new result's. */
  skippedRuns: number;
  /**
   * Off-CPU shares (off-cpu.ts) of the baseline run and of each history run's location (aligned with
   * `history`, undefined where unknown), for results that report CPU time; absent otherwise.
   */
  offCpu?: { baseline?: OffCpuShares; history: (number | undefined)[] };
  /**
   * The fastest round (disturbed.ts) of the baseline run and of each history run (aligned with `history`,
   * undefined where unknown), in the new result's unit; absent when the baseline run has none.
   */
  fastest?: { baseline: number; history: (number | undefined)[] };
}

/**
 * Builds the baseline from earlier runs (oldest first). The latest run's samples are the baseline rounds, and
 * the medians of all runs are the history whose run-to-run spread and change points the detector uses — the
 * same shape as the labelled comparisons the model was trained on.
 */
export function baselineFromRuns(runs: readonly RunRecord[], current: BenchmarkResult): Baseline | undefined {
  const usable: { run: RunRecord; factor: number }[] = [];
  let skippedRuns = 0;
  for (const run of runs) {
    const factor = convertUnit(run.unit, current.unit);
    if (factor === undefined || run.samples.length === 0) skippedRuns++;
    else usable.push({ run, factor });
  }
  const last = usable.at(-1);
  if (!last) return undefined;
  const relativeError = summaryRelativeError(last.run);
  const q = summaryQuartiles(last.run);
  const historyShares = usable.map(({ run }) => offCpuSharesOf(run)?.location);
  const lastShares = offCpuSharesOf(last.run);
  const fastest = usable.map(({ run, factor }) => {
    const f = fastestOf(run);
    return f === undefined ? undefined : f * factor;
  });
  const fastestBaseline = fastest.at(-1);
  const baselineShares =
    lastShares && last.run.samplesKind !== 'raw'
      ? { ...lastShares, samples: [lastShares.location] }
      : lastShares;
  const quartiles = q ? ([q[0] * last.factor, q[1] * last.factor] as [number, number]) : undefined;
  return {
    // A summary-only run is its location, the same statistic as a run with rounds (summary.ts locationOf);
    // histories recorded before that rule stored the mean as the one sample.
    samples:
      last.run.samplesKind === 'raw'
        ? last.run.samples.map((v) => v * last.factor)
        : [last.run.summary.median * last.factor],
    history: usable.map(({ run, factor }) => locationOf(run) * factor),
    ...(relativeError !== undefined ? { relativeError } : {}),
    ...(quartiles ? { quartiles } : {}),
    historyRuns: usable.map(({ run }) => `${run.time}|${run.commit}`),
    runs: usable.length,
    ...(last.run.commit ? { commit: last.run.commit } : {}),
    skippedRuns,
    ...(historyShares.some((v) => v !== undefined)
      ? { offCpu: { ...(baselineShares ? { baseline: baselineShares } : {}), history: historyShares } }
      : {}),
    ...(fastestBaseline !== undefined ? { fastest: { baseline: fastestBaseline, history: fastest } } : {}),
  };
}

/** A baseline from a single earlier results file (`--baseline FILE`): its samples, no history. */
export function baselineFromResult(
  previous: BenchmarkResult,
  current: BenchmarkResult,
): Baseline | undefined {
  const factor = convertUnit(previous.unit, current.unit);
  if (factor === undefined) return undefined;
  const relativeError = summaryRelativeError(previous);
  const q = summaryQuartiles(previous);
  const shares = offCpuSharesOf(previous);
  const fastest = fastestOf(previous);
  return {
    samples: previous.samples.map((v) => v * factor),
    history: [],
    runs: 1,
    skippedRuns: 0,
    ...(relativeError !== undefined ? { relativeError } : {}),
    ...(q ? { quartiles: [q[0] * factor, q[1] * factor] as [number, number] } : {}),
    ...(shares ? { offCpu: { baseline: shares, history: [] } } : {}),
    ...(fastest !== undefined ? { fastest: { baseline: fastest * factor, history: [] } } : {}),
  };
}
