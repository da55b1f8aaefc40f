import type { BenchmarkSummary, Direction, SourceFormat } from '../parse/types.js';

/** One benchmark's result from one run, with where and when it was measured. */
export interface RunRecord {
  benchmark: string;
  /** Commit SHA; empty when unknown. */
  commit: string;
  /** Branch the commit was measured on; empty when unknown. */
  branch: string;
  /** ISO 8601 time of the measurement (UTC). */
  time: string;
  /** Machine class: results are only compared between runs of the same class (e.g. "linux-x64 AMD EPYC 7763"). */
  machine: string;
  /** The individual runner or host within the class; empty when unknown. */
  runner: string;
  unit: string;
  direction: Direction;
  format: SourceFormat;
  samplesKind: 'raw' | 'summary';
  samples: number[];
  summary: BenchmarkSummary;
  /** File the run was read from, for people tracing a number back. */
  sourceFile: string;
  extra: Record<string, unknown>;
}

/** Where and on what a set of results was measured. */
export interface RunMeta {
  commit?: string;
  branch?: string;
  time: string;
  machine: string;
  runner?: string;
  sourceFile?: string;
}

/** The file `ai-ci perf export` writes and `ai-ci perf import` reads. */
export interface HistoryExport {
  kind: 'ai-ci-perf-history';
  version: 1;
  exportedAt: string;
  runs: RunRecord[];
}

export interface BaselineQuery {
  benchmark: string;
  /** Only runs on this branch (the PR's base branch); all branches when undefined. */
  branch?: string;
  /** Only runs of this machine class; all machines when undefined. */
  machine?: string;
  /** At most this many runs, the most recent ones. */
  limit?: number;
  /** Only runs strictly before this ISO time. */
  before?: string;
  /** Leave out runs of this commit (the one under test, when it was already recorded). */
  excludeCommit?: string;
}
