import { Type } from '@sinclair/typebox';
import { ResultsFileError } from './errors.js';
import { checkShape } from './shape.js';
import type { BenchmarkResult, ParsedResults } from './types.js';

/** hyperfine's `--export-json` output; all times are in seconds. */
const HyperfineFile = Type.Object({
  results: Type.Array(
    Type.Object({
      command: Type.String(),
      mean: Type.Number(),
      // null when a command ran only once
      stddev: Type.Union([Type.Number(), Type.Null()]),
      median: Type.Number(),
      min: Type.Number(),
      max: Type.Number(),
      user: Type.Optional(Type.Number()),
      system: Type.Optional(Type.Number()),
      times: Type.Optional(Type.Array(Type.Number())),
      exit_codes: Type.Optional(Type.Array(Type.Union([Type.Integer(), Type.Null()]))),
      parameters: Type.Optional(Type.Record(Type.String(), Type.String())),
    }),
  ),
});

export function parseHyperfine(doc: unknown, file: string): ParsedResults {
  const parsed = checkShape(HyperfineFile, doc, file);
  if (parsed.results.length === 0) {
    throw new ResultsFileError(file, 'results', 'is empty: the file holds no benchmark results');
  }
  const warnings: string[] = [];
  const results = parsed.results.map((r): BenchmarkResult => {
    const raw = r.times !== undefined && r.times.length > 0;
    const failed = (r.exit_codes ?? []).filter((c) => c !== 0).length;
    if (failed > 0) {
      warnings.push(`${r.command}: ${failed} of ${r.exit_codes!.length} runs exited non-zero (hyperfine -i)`);
    }
    return {
      name: r.command,
      unit: 's',
      direction: 'smaller-is-better',
      // Without the times, the median stands for the run, as the median of the times does with them.
      samples: raw ? [...r.times!] : [r.median],
      samplesKind: raw ? 'raw' : 'summary',
      summary: { mean: r.mean, median: r.median, stddev: r.stddev ?? 0, n: raw ? r.times!.length : 1 },
      format: 'hyperfine',
      extra: {
        min: r.min,
        max: r.max,
        ...(r.user !== undefined ? { user: r.user } : {}),
        ...(r.system !== undefined ? { system: r.system } : {}),
        ...(r.parameters ? { parameters: r.parameters } : {}),
      },
    };
  });
  return { file, format: 'hyperfine', results, context: {}, warnings };
}
