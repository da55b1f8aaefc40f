import type { CommonMode } from '../common-mode.js';
import type { NoiseEstimate } from '../detect.js';
import type { Verdict } from '../features.js';
import type { Direction, SourceFormat } from '../parse/types.js';

/** The estimated relative change of the median with its interval (as detect.ts's ChangeEstimate). */
export interface ChangeInterval {
  /** candidate/reference − 1: + means larger values. */
  estimate: number;
  low: number;
  high: number;
  confidence: number;
  reference: 'baseline' | 'history';
}

/** A benchmark's verdict, or 'no-baseline' when there was nothing to compare it with. */
export type BenchmarkVerdict = Verdict | 'no-baseline';

/** The analysis of one benchmark of the results file. */
export interface BenchmarkAnalysis {
  name: string;
  unit: string;
  direction: Direction;
  verdict: BenchmarkVerdict;
  /** True when this benchmark fails the step: a regression with P(regressed) ≥ the threshold. */
  failing: boolean;
  probabilityRegressed?: number;
  probabilityImproved?: number;
  /** Where the probability came from. */
  source?: 'statistics' | 'statistics+model';
  /** Relative change of the median (candidate/reference − 1; + = larger values) with its interval. */
  change?: ChangeInterval;
  candidate: { median: number; samples: number };
  /** The noise the change was judged against (history, prior or the rounds of one job). */
  noise?: NoiseEstimate;
  baseline?: { median: number; samples: number; runs: number; commit?: string };
  roundsNeeded?: number;
  /**
   * Common-mode analysis (files of 3 or more benchmarks): the run-wide shift measured on the file's other
   * benchmarks, which may explain a change beside the verdict (it never changes the verdict).
   */
  commonMode?: CommonMode;
  /**
   * Results with CPU time (Google Benchmark): present when a run of the comparison spent more of its wall time
   * off the CPU than the benchmark usually does, and the verdict judged the time on the CPU (off-cpu.ts).
   */
  offCpu?: OffCpuReport;
  reason: string;
}

/** What the off-CPU correction saw and did (off-cpu.ts), with the raw comparison's verdict and change. */
export interface OffCpuReport {
  /** real/cpu − 1 the benchmark usually shows, and where that came from. */
  usualShare: number;
  usualFrom: 'history' | 'the two runs';
  candidateShare: number;
  baselineShare?: number;
  /** Which values were corrected. */
  corrected: ('candidate' | 'baseline' | 'history')[];
  /** The verdict and change on the wall times as measured. */
  rawVerdict: Verdict;
  rawChange: ChangeInterval;
}

/** Everything `ai-ci perf analyze` found, as printed with --json. */
export interface AnalysisReport {
  file: string;
  format: SourceFormat;
  threshold: number;
  /** regression: at least one benchmark fails the step; inconclusive: none fails but some could not be decided. */
  verdict: 'regression' | 'inconclusive' | 'pass';
  counts: Record<BenchmarkVerdict, number>;
  model: { path?: string; used: boolean; executionProvider?: string; problem?: string };
  baselineSource: string;
  benchmarks: BenchmarkAnalysis[];
  warnings: string[];
}
