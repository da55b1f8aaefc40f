import { Type } from '@sinclair/typebox';
import { ResultsFileError } from './errors.js';
import { checkShape } from './shape.js';
import { summarize } from './summary.js';
import type { BenchmarkResult, ParsedResults } from './types.js';

/** The parts of Google Benchmark's JSON output (`--benchmark_out_format=json`) that are read. */
const GoogleBenchmarkFile = Type.Object({
  context: Type.Object({
    date: Type.Optional(Type.String()),
    host_name: Type.Optional(Type.String()),
    executable: Type.Optional(Type.String()),
    num_cpus: Type.Optional(Type.Number()),
    library_build_type: Type.Optional(Type.String()),
  }),
  benchmarks: Type.Array(
    Type.Object({
      name: Type.String(),
      run_name: Type.Optional(Type.String()),
      run_type: Type.Optional(Type.Union([Type.Literal('iteration'), Type.Literal('aggregate')])),
      aggregate_name: Type.Optional(Type.String()),
      aggregate_unit: Type.Optional(Type.String()),
      repetitions: Type.Optional(Type.Integer()),
      repetition_index: Type.Optional(Type.Integer()),
      threads: Type.Optional(Type.Integer()),
      iterations: Type.Optional(Type.Number()),
      real_time: Type.Optional(Type.Number()),
      cpu_time: Type.Optional(Type.Number()),
      time_unit: Type.Optional(Type.String()),
      error_occurred: Type.Optional(Type.Boolean()),
      error_message: Type.Optional(Type.String()),
    }),
  ),
});

type Entry = (typeof GoogleBenchmarkFile)['static']['benchmarks'][number];

const AGGREGATE_SUFFIX = /_(mean|median|stddev|cv)$/;

/**
 * Google Benchmark JSON. Each repetition (`run_type: iteration`) is one sample of `real_time`; with
 * `--benchmark_report_aggregates_only` only the mean/median/stddev aggregates are there, and they are used instead.
 * Releases before 1.5 have no `run_type`/`run_name`; their aggregates are recognised by the name suffix.
 */
export function parseGoogleBenchmark(doc: unknown, file: string): ParsedResults {
  const parsed = checkShape(GoogleBenchmarkFile, doc, file);
  if (parsed.benchmarks.length === 0) {
    throw new ResultsFileError(file, 'benchmarks', 'is empty: the file holds no benchmark results');
  }
  const warnings: string[] = [];
  /** Aggregates that are not times (BigO, RMS, cv, user statistics), named for the error when nothing else is left. */
  const notTimes = new Set<string>();
  const groups = new Map<string, { runs: Entry[]; aggregates: Map<string, Entry>; firstIndex: number }>();
  parsed.benchmarks.forEach((entry, i) => {
    const legacyAggregate = entry.run_type === undefined ? AGGREGATE_SUFFIX.exec(entry.name) : null;
    const runName =
      entry.run_name ?? (legacyAggregate ? entry.name.slice(0, legacyAggregate.index) : entry.name);
    const aggregateName = entry.aggregate_name ?? legacyAggregate?.[1];
    const isAggregate = entry.run_type === 'aggregate' || legacyAggregate !== null;
    let group = groups.get(runName);
    if (!group) {
      group = { runs: [], aggregates: new Map(), firstIndex: i };
      groups.set(runName, group);
    }
    if (entry.error_occurred) {
      warnings.push(`${runName}: a run failed (${entry.error_message ?? 'no message'}); it is left out`);
      return;
    }
    // BigO and RMS aggregates of complexity runs carry coefficients, not times.
    if (isAggregate && aggregateName !== undefined && !['mean', 'median', 'stddev'].includes(aggregateName)) {
      notTimes.add(
        `${entry.name} (${aggregateName}${entry.aggregate_unit ? `, a ${entry.aggregate_unit}` : ''})`,
      );
      return;
    }
    if (entry.real_time === undefined) {
      throw new ResultsFileError(file, `benchmarks[${i}].real_time`, 'is missing');
    }
    if (isAggregate) group.aggregates.set(aggregateName ?? 'mean', entry);
    else group.runs.push(entry);
  });

  const results: BenchmarkResult[] = [];
  for (const [name, group] of groups) {
    const first = group.runs[0] ?? group.aggregates.get('mean') ?? group.aggregates.get('median');
    if (!first) {
      if (group.aggregates.size > 0) {
        throw new ResultsFileError(
          file,
          `benchmarks[${group.firstIndex}]`,
          `${name} has aggregates but neither a mean nor a median`,
        );
      }
      continue; // every run failed: already warned
    }
    const unit = first.time_unit ?? 'ns';
    for (const entry of [...group.runs, ...group.aggregates.values()]) {
      if ((entry.time_unit ?? 'ns') !== unit) {
        throw new ResultsFileError(
          file,
          `benchmarks[${parsed.benchmarks.indexOf(entry)}].time_unit`,
          `is ${entry.time_unit} but other runs of ${name} use ${unit}`,
        );
      }
    }
    const extra: Record<string, unknown> = {
      ...(first.threads !== undefined ? { threads: first.threads } : {}),
      ...(first.repetitions !== undefined ? { repetitions: first.repetitions } : {}),
    };
    if (group.runs.length > 0) {
      const samples = group.runs.map((r) => r.real_time!);
      extra.cpuTime = group.runs.map((r) => r.cpu_time);
      extra.iterations = group.runs.map((r) => r.iterations);
      results.push({
        name,
        unit,
        direction: 'smaller-is-better',
        samples,
        samplesKind: 'raw',
        summary: summarize(samples),
        format: 'google-benchmark',
        extra,
      });
    } else {
      const mean = group.aggregates.get('mean')?.real_time;
      const median = group.aggregates.get('median')?.real_time;
      const stddev = group.aggregates.get('stddev')?.real_time ?? 0;
      // The median when the file has it: every input kind is compared on its median (summary.ts locationOf).
      const center = (median ?? mean)!;
      extra.cpuTime = group.aggregates.get('mean')?.cpu_time;
      results.push({
        name,
        unit,
        direction: 'smaller-is-better',
        samples: [center],
        samplesKind: 'summary',
        summary: { mean: mean ?? center, median: median ?? center, stddev, n: first.repetitions ?? 1 },
        format: 'google-benchmark',
        extra,
      });
    }
  }
  if (results.length === 0) {
    throw new ResultsFileError(
      file,
      'benchmarks',
      notTimes.size > 0
        ? `holds no time to compare: only aggregates that are not times (${[...notTimes].slice(0, 3).join(', ')})`
        : 'holds no successful benchmark run',
    );
  }
  return {
    file,
    format: 'google-benchmark',
    results,
    context: {
      ...(parsed.context.date ? { time: parsed.context.date } : {}),
      ...(parsed.context.host_name ? { machine: parsed.context.host_name } : {}),
    },
    warnings,
  };
}
