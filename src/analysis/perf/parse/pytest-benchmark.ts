import { Type } from '@sinclair/typebox';
import { ResultsFileError } from './errors.js';
import { checkShape } from './shape.js';
import type { BenchmarkResult, ParsedResults } from './types.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);

/** The parts of pytest-benchmark's `--benchmark-json` output that are read; other fields are allowed and kept out. */
const PytestBenchmarkFile = Type.Object({
  benchmarks: Type.Array(
    Type.Object({
      name: Type.String(),
      fullname: Type.Optional(Type.String()),
      group: Type.Optional(NullableString),
      param: Type.Optional(Type.Unknown()),
      params: Type.Optional(Type.Unknown()),
      extra_info: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      stats: Type.Object({
        min: Type.Number(),
        max: Type.Number(),
        mean: Type.Number(),
        stddev: Type.Number(),
        median: Type.Number(),
        rounds: Type.Integer({ minimum: 1 }),
        // Interquartile range of the rounds (pytest-benchmark ≥ 3.0): the spread a summary-only run is judged by.
        iqr: Type.Optional(Type.Number()),
        q1: Type.Optional(Type.Number()),
        q3: Type.Optional(Type.Number()),
        iterations: Type.Optional(Type.Integer({ minimum: 1 })),
        // Present with --benchmark-save-data: one value per round, already divided by the iterations per round.
        // Checked below rather than here: a trimmed array (github-action-benchmark's fixtures end theirs with a
        // "... omitted" string) falls back to the summary with a warning instead of failing the file.
        // Not walked by the shape check either: millions of rounds made the walk cost a second per file.
        data: Type.Optional(Type.Unknown()),
      }),
    }),
  ),
  machine_info: Type.Optional(
    Type.Object({
      node: Type.Optional(Type.String()),
      machine: Type.Optional(Type.String()),
      cpu: Type.Optional(Type.Object({ brand_raw: Type.Optional(Type.String()) })),
    }),
  ),
  commit_info: Type.Optional(
    Type.Object({
      id: Type.Optional(NullableString),
      branch: Type.Optional(NullableString),
      time: Type.Optional(NullableString),
    }),
  ),
  datetime: Type.Optional(Type.String()),
});

/** pytest-benchmark JSON (`pytest --benchmark-json=FILE [--benchmark-save-data]`); times are in seconds. */
export function parsePytestBenchmark(doc: unknown, file: string): ParsedResults {
  const parsed = checkShape(PytestBenchmarkFile, doc, file);
  if (parsed.benchmarks.length === 0) {
    throw new ResultsFileError(file, 'benchmarks', 'is empty: the file holds no benchmark results');
  }
  const warnings: string[] = [];
  const results = parsed.benchmarks.map((b, i): BenchmarkResult => {
    const { stats } = b;
    if (stats.data !== undefined && !Array.isArray(stats.data)) {
      throw new ResultsFileError(file, `benchmarks[${i}].stats.data`, 'expected an array of times');
    }
    let data = stats.data as number[] | undefined;
    const oddAt = data?.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v)) ?? -1;
    const odd = oddAt >= 0 ? data![oddAt] : undefined;
    // A full-length array with a value that is not a time is a broken file; a trimmed one (fewer values than
    // rounds, with a marker such as "... omitted") is a shortened copy whose summary still holds.
    if (data !== undefined && oddAt >= 0 && data.length === stats.rounds) {
      throw new ResultsFileError(
        file,
        `benchmarks[${i}].stats.data[${oddAt}]`,
        `expected number, found ${typeof odd === 'string' ? `the string ${JSON.stringify(odd)}` : JSON.stringify(odd)}`,
      );
    }
    if (data !== undefined && oddAt >= 0) {
      warnings.push(
        `${file}: benchmarks[${i}].stats.data of ${b.fullname ?? b.name} holds ${JSON.stringify(odd).slice(0, 40)}, ` +
          'not a time: its raw data is left out and the summary statistics (median, stddev, rounds) are used',
      );
      data = undefined;
    }
    const raw = data !== undefined && data.length > 0;
    if (data !== undefined && data.length !== 0 && data.length !== stats.rounds) {
      throw new ResultsFileError(
        file,
        `benchmarks[${i}].stats.data`,
        `has ${data.length} values but stats.rounds says ${stats.rounds}`,
      );
    }
    return {
      name: b.fullname ?? b.name,
      unit: 's',
      direction: 'smaller-is-better',
      // Without stats.data the median stands for the run, the statistic a run with its rounds is compared on
      // (summary.ts locationOf): the mean of one run against the median of another differs by the skew alone.
      // The parsed array itself, not a copy: the document is this parser's own (parseResultsText).
      samples: raw ? data! : [stats.median],
      samplesKind: raw ? 'raw' : 'summary',
      summary: { mean: stats.mean, median: stats.median, stddev: stats.stddev, n: stats.rounds },
      format: 'pytest-benchmark',
      extra: {
        min: stats.min,
        max: stats.max,
        iterations: stats.iterations ?? 1,
        ...(stats.iqr !== undefined ? { iqr: stats.iqr } : {}),
        ...(stats.q1 !== undefined && stats.q3 !== undefined ? { q1: stats.q1, q3: stats.q3 } : {}),
        ...(b.group ? { group: b.group } : {}),
        ...(b.param !== undefined && b.param !== null ? { param: b.param } : {}),
        ...(b.extra_info && Object.keys(b.extra_info).length > 0 ? { extraInfo: b.extra_info } : {}),
      },
    };
  });
  const commit = parsed.commit_info;
  const machine = parsed.machine_info;
  return {
    file,
    format: 'pytest-benchmark',
    results,
    context: {
      // pytest-benchmark writes "unversioned" and "(unknown)" outside a git checkout.
      ...(commit?.id && commit.id !== 'unversioned' ? { commit: commit.id } : {}),
      ...(commit?.branch && commit.branch !== '(unknown)' ? { branch: commit.branch } : {}),
      ...(parsed.datetime ? { time: parsed.datetime } : commit?.time ? { time: commit.time } : {}),
      ...(machine?.cpu?.brand_raw
        ? { machine: machine.cpu.brand_raw }
        : machine?.node
          ? { machine: machine.node }
          : {}),
    },
    warnings,
  };
}
