import { Type } from '@sinclair/typebox';
import { ResultsFileError } from './errors.js';
import { checkShape } from './shape.js';
import { summarize } from './summary.js';
import type { BenchmarkResult, Direction, ParsedResults } from './types.js';

/** github-action-benchmark's custom format (tools `customSmallerIsBetter` / `customBiggerIsBetter`). */
const CustomFile = Type.Array(
  Type.Object({
    name: Type.String({ minLength: 1 }),
    unit: Type.String(),
    value: Type.Number(),
    // github-action-benchmark documents a string ("± 3") but accepts a number too, as the value's spread.
    range: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    extra: Type.Optional(Type.String()),
  }),
);

/** Units that measure a rate or a score, where a bigger value is better. */
const BIGGER_IS_BETTER_UNIT =
  /(\/\s*(s|sec|second|ms|min)\b|per\s*(s|sec|second)\b|\bops\b|throughput|\bhz\b|\bfps\b|score)/i;

export function guessDirectionFromUnit(unit: string): Direction {
  return BIGGER_IS_BETTER_UNIT.test(unit) ? 'bigger-is-better' : 'smaller-is-better';
}

/**
 * Entries with the same name are taken as repeated measurements of one benchmark, so a workflow can report
 * several rounds. `direction` is undefined when the file came without a `--format` that says it.
 */
export function parseGithubActionBenchmark(
  doc: unknown,
  file: string,
  direction: Direction | undefined,
): ParsedResults {
  const entries = checkShape(CustomFile, doc, file);
  if (entries.length === 0) {
    throw new ResultsFileError(file, '(top level)', 'is an empty array: the file holds no benchmark results');
  }
  const warnings: string[] = [];
  const byName = new Map<string, { indexes: number[] }>();
  entries.forEach((e, i) => {
    const group = byName.get(e.name) ?? { indexes: [] };
    group.indexes.push(i);
    byName.set(e.name, group);
  });
  const guessed: string[] = [];
  const results: BenchmarkResult[] = [];
  for (const [name, { indexes }] of byName) {
    const first = entries[indexes[0]!]!;
    for (const i of indexes) {
      if (entries[i]!.unit !== first.unit) {
        throw new ResultsFileError(
          file,
          `[${i}].unit`,
          `is "${entries[i]!.unit}" but ${name} was "${first.unit}"`,
        );
      }
    }
    const samples = indexes.map((i) => entries[i]!.value);
    const summary = summarize(samples);
    const spread =
      samples.length === 1 && first.range !== undefined ? parseRange(first.range, first.value) : undefined;
    if (spread !== undefined) summary.stddev = spread;
    const dir = direction ?? guessDirectionFromUnit(first.unit);
    if (direction === undefined) guessed.push(`${name} (${first.unit}: ${dir})`);
    results.push({
      name,
      unit: first.unit,
      direction: dir,
      samples,
      samplesKind: samples.length > 1 ? 'raw' : 'summary',
      summary,
      format: 'github-action-benchmark',
      extra: {
        ...(first.range !== undefined ? { range: first.range } : {}),
        ...(first.extra !== undefined ? { extra: first.extra } : {}),
      },
    });
  }
  if (guessed.length > 0) {
    warnings.push(
      `the custom format does not say which way is better; guessed from the unit for ${guessed.join(', ')}. ` +
        'Pass --format customSmallerIsBetter or customBiggerIsBetter to say it.',
    );
  }
  return { file, format: 'github-action-benchmark', results, context: {}, warnings };
}

/**
 * Reads a spread such as 3, "3", "± 3", "+/- 0.30%" or "stddev: 0.0001" as an absolute value; undefined if
 * unreadable.
 */
function parseRange(range: string | number, value: number): number | undefined {
  if (typeof range === 'number') return Number.isFinite(range) ? Math.abs(range) : undefined;
  const m = /([0-9]*\.?[0-9]+(?:e[-+]?\d+)?)\s*(%)?/i.exec(range);
  if (!m) return undefined;
  const amount = Number(m[1]);
  if (!Number.isFinite(amount)) return undefined;
  return m[2] ? (Math.abs(value) * amount) / 100 : amount;
}
