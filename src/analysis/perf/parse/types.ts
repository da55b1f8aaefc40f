/** Which way is better for a benchmark's value: time and memory shrink, throughput grows. */
export type Direction = 'smaller-is-better' | 'bigger-is-better';

/** The benchmark tools whose output files `ai-ci perf` reads. */
export type SourceFormat = 'pytest-benchmark' | 'google-benchmark' | 'hyperfine' | 'github-action-benchmark';

/**
 * What the `--format` option accepts. The github-action-benchmark custom format does not say which way is better,
 * so it is named with its `tool` setting (`customSmallerIsBetter` / `customBiggerIsBetter`); `auto` guesses the
 * direction of a custom file from its unit.
 */
export const FORMAT_NAMES = [
  'auto',
  'pytest-benchmark',
  'google-benchmark',
  'hyperfine',
  'customSmallerIsBetter',
  'customBiggerIsBetter',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Summary statistics of one benchmark's measurements, as reported by the tool or computed from the samples. */
export interface BenchmarkSummary {
  mean: number;
  median: number;
  /** Sample standard deviation (n − 1); 0 when only one value is known and the tool reported no spread. */
  stddev: number;
  /** How many measurements the summary stands for (rounds, repetitions, runs), even when `samples` is shorter. */
  n: number;
}

/**
 * One benchmark's result from one run of a benchmark tool, in the tool's own unit.
 * `samples` holds the raw per-round measurements when the file has them (`samplesKind: 'raw'`); otherwise it
 * holds the best single value the file offers (`samplesKind: 'summary'`, e.g. the mean of aggregated repetitions),
 * and `summary` keeps the tool's own spread and count.
 */
export interface BenchmarkResult {
  name: string;
  unit: string;
  direction: Direction;
  samples: number[];
  samplesKind: 'raw' | 'summary';
  summary: BenchmarkSummary;
  format: SourceFormat;
  /** Tool-specific details worth keeping (cpu time, iterations, parameters, the custom format's `range`/`extra`). */
  extra: Record<string, unknown>;
}

/** Where and when the results were produced, when the file says so. */
export interface ResultsContext {
  commit?: string;
  branch?: string;
  /** ISO 8601 time of the run. */
  time?: string;
  /** Host or machine description found in the file. */
  machine?: string;
}

/** All benchmark results read from one file. */
export interface ParsedResults {
  file: string;
  format: SourceFormat;
  results: BenchmarkResult[];
  context: ResultsContext;
  /** Things skipped on the way (failed runs, unusable entries), worth telling the user about. */
  warnings: string[];
}
