/**
 * Off-CPU correction for results that report CPU time beside wall time (Google Benchmark's `cpu_time` and
 * `real_time`, single-threaded). A benchmark run the machine descheduled — another job on the same core, a
 * noisy neighbour — shows it: its wall time grows while its CPU time does not. Recorded on a shared 2-core
 * machine (test/fixtures/perf/real/gbench), undisturbed runs spend 0.0% of their wall time off the CPU, and
 * the runs that failed the step unchanged spent 15–44% off it (`real/cpu − 1`), in one benchmark of the file.
 *
 * What this module does: per value (a round, or one run's location), the off-CPU share `real/cpu − 1`; the
 * benchmark's usual share (the history's median, or the smaller of the two runs' without history); and a
 * corrected value for each value whose share exceeds the usual one by more than OFF_CPU_TOLERANCE (and by at
 * most OFF_CPU_MAX_EXCESS): the wall time it would have taken with the usual share,
 * `real × (1 + usual)/(1 + share)`. The analysis judges the corrected comparison when anything was corrected
 * (report/analysis.ts judgeOffCpu), and a raw regression of a disturbed candidate that the time on the CPU does
 * not confirm is 'inconclusive', never a pass: a code change that makes a benchmark wait (I/O, locks, sleeps)
 * also moves time off the CPU.
 *
 * Multi-threaded results are left alone: Google Benchmark's cpu_time then sums the threads (or times the main
 * thread alone), and wall time below CPU time is normal.
 */
import type { FeatureInput } from './features.js';
import type { BenchmarkResult } from './parse/types.js';
import { median } from './stats/robust.js';

/** A value whose off-CPU share exceeds the benchmark's usual share by more than this is corrected (3 points). */
export const OFF_CPU_TOLERANCE = 0.03;
/**
 * Largest excess over the usual share that is read as descheduling (wall time up to twice the usual): a
 * machine shared with one other busy job per core at most doubles a run's wall time, while a benchmark whose
 * wall time grew 10× or 1000× over its CPU time waits by design (sleeps, I/O, a GPU) and is left as measured.
 */
export const OFF_CPU_MAX_EXCESS = 1;
/** Fewest history runs with a known share for their median to be the usual share. */
const MIN_HISTORY_SHARES = 3;

/** The off-CPU shares of one run: per round (aligned with its samples) and of its location. */
export interface OffCpuShares {
  /** real/cpu − 1 of each sample, aligned with `samples`; undefined where the cpu time is unknown. */
  samples: (number | undefined)[];
  /** real/cpu − 1 of the run's location (its median for rounds, its mean for a summary). */
  location: number;
}

type RunLike = Pick<BenchmarkResult, 'samples' | 'samplesKind' | 'summary' | 'extra'>;

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * The off-CPU shares of a result or stored run, or undefined when it has no CPU time (another tool), runs
 * several threads (declared, or shown by more CPU than wall time), or its values are not positive.
 */
export function offCpuSharesOf(run: RunLike): OffCpuShares | undefined {
  const threads = run.extra.threads;
  if (typeof threads === 'number' && threads > 1) return undefined;
  const cpu = run.extra.cpuTime;
  if (run.samplesKind === 'raw' && Array.isArray(cpu) && cpu.length === run.samples.length) {
    const known = cpu.filter(positive);
    if (known.length !== cpu.length || !run.samples.every(positive)) return undefined;
    const location = median(run.samples) / median(known) - 1;
    if (location < -OFF_CPU_TOLERANCE) return undefined;
    // A round with more CPU than wall time ran other threads: no share to read.
    const samples = run.samples.map((real, i) => {
      const s = real / (cpu[i] as number) - 1;
      return s >= -OFF_CPU_TOLERANCE ? s : undefined;
    });
    return { samples, location };
  }
  // A summary (aggregates of repetitions): the mean's cpu_time beside the mean's real_time.
  const c = Array.isArray(cpu) && cpu.length === 1 ? cpu[0] : cpu;
  if (!positive(c) || !positive(run.summary.mean)) return undefined;
  const location = run.summary.mean / c - 1;
  if (location < -OFF_CPU_TOLERANCE) return undefined;
  return { samples: run.samples.map(() => location), location };
}

/** The off-CPU shares known for a comparison's sides, as the baseline lookup and the candidate give them. */
export interface ComparisonShares {
  candidate?: OffCpuShares;
  baseline?: OffCpuShares;
  /** Location share of each history run, aligned with FeatureInput.history; undefined where unknown. */
  history?: (number | undefined)[];
}

/** What the correction did, for the report. */
export interface OffCpuCorrection {
  /** The benchmark's usual off-CPU share, and where it came from. */
  usualShare: number;
  usualFrom: 'history' | 'the two runs';
  /** Off-CPU share of the candidate's and the baseline's location. */
  candidateShare: number;
  baselineShare?: number;
  /** How many values of the candidate, the baseline (rounds, or its one value) and the history were corrected. */
  candidateCorrected: number;
  baselineCorrected: number;
  historyCorrected: number;
  /** The comparison with the corrected values (same shape as the raw one). */
  input: FeatureInput;
}

function correct(values: readonly number[], shares: readonly (number | undefined)[], usual: number) {
  let changed = 0;
  const out = values.map((v, i) => {
    const s = shares[i];
    if (s === undefined || !(s > usual + OFF_CPU_TOLERANCE) || s > usual + OFF_CPU_MAX_EXCESS) return v;
    changed++;
    return (v * (1 + usual)) / (1 + s);
  });
  return { values: out, changed };
}

/**
 * The corrected comparison when a value of it was measured off the CPU more than usual, or undefined when
 * nothing needs correcting (or the candidate has no CPU time). Summary relative errors and quartiles are kept:
 * they describe the rounds, which the location's correction does not change.
 */
export function correctOffCpu(input: FeatureInput, shares: ComparisonShares): OffCpuCorrection | undefined {
  const c = shares.candidate;
  if (!c) return undefined;
  const b = shares.baseline;
  const historyKnown = (shares.history ?? []).filter((s): s is number => s !== undefined);
  const fromHistory = historyKnown.length >= MIN_HISTORY_SHARES;
  const usual = fromHistory
    ? median(historyKnown)
    : Math.min(sideShare(c), b ? sideShare(b) : Number.POSITIVE_INFINITY);
  const cand = correct(input.candidate, c.samples, usual);
  const base = b ? correct(input.baseline, b.samples, usual) : { values: [...input.baseline], changed: 0 };
  const hist = input.history
    ? correct(input.history, shares.history ?? [], usual)
    : { values: undefined, changed: 0 };
  if (cand.changed + base.changed + hist.changed === 0) return undefined;
  return {
    usualShare: usual,
    usualFrom: fromHistory ? 'history' : 'the two runs',
    candidateShare: c.location,
    ...(b ? { baselineShare: b.location } : {}),
    candidateCorrected: cand.changed,
    baselineCorrected: base.changed,
    historyCorrected: hist.changed,
    input: {
      ...input,
      candidate: cand.values,
      baseline: base.values,
      ...(hist.values ? { history: hist.values } : {}),
    },
  };
}

/** A run's typical share: the median of its rounds' (one value: its location's). */
function sideShare(s: OffCpuShares): number {
  const known = s.samples.filter((v): v is number => v !== undefined);
  return known.length > 0 ? median(known) : s.location;
}
