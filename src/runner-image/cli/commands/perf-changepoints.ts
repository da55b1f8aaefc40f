import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { parse as parseCsv } from 'csv-parse/sync';
import { type ChangePoint, ChangePointDetector } from '../../../analysis/perf/changepoints/detector.js';
import { CliError, ExitCode } from '../exit-codes.js';

/** One named series read from the input file. */
export interface NamedSeries {
  name: string;
  values: number[];
}

function number(value: unknown, where: string, file: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new CliError(
    `${file}: ${where} is ${JSON.stringify(value)}, not a finite number`,
    ExitCode.InputError,
  );
}

/**
 * Reads plain series: a JSON array of numbers, a JSON object of named arrays, or a CSV file with a header
 * (one column chosen with `column`, or the only column). Errors name the file and the field or line.
 */
export function readSeriesFile(file: string, text: string, column?: string): NamedSeries[] {
  const trimmed = text.trimStart();
  if (trimmed === '') throw new CliError(`${file}: the file is empty`, ExitCode.InputError);
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    if (column !== undefined) {
      throw new CliError(`${file}: --column applies to CSV files; this file is JSON`, ExitCode.Usage);
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new CliError(`${file}: not valid JSON (${(err as Error).message})`, ExitCode.InputError);
    }
    if (Array.isArray(doc)) {
      return [{ name: 'series', values: doc.map((v, i) => number(v, `element [${i}]`, file)) }];
    }
    const entries = Object.entries(doc as Record<string, unknown>);
    if (entries.length === 0) throw new CliError(`${file}: the object has no series`, ExitCode.InputError);
    return entries.map(([name, values]) => {
      if (!Array.isArray(values)) {
        throw new CliError(`${file}: field "${name}" is not an array of numbers`, ExitCode.InputError);
      }
      return { name, values: values.map((v, i) => number(v, `field "${name}"[${i}]`, file)) };
    });
  }
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (err) {
    throw new CliError(`${file}: not valid CSV (${(err as Error).message})`, ExitCode.InputError);
  }
  if (rows.length === 0) throw new CliError(`${file}: the CSV has a header but no rows`, ExitCode.InputError);
  const columns = Object.keys(rows[0]!);
  let chosen = column;
  if (chosen === undefined) {
    if (columns.length !== 1) {
      throw new CliError(
        `${file}: the CSV has ${columns.length} columns (${columns.join(', ')}); choose one with --column NAME`,
        ExitCode.Usage,
      );
    }
    chosen = columns[0]!;
  } else if (!columns.includes(chosen)) {
    throw new CliError(
      `${file}: no column "${chosen}" (the header has: ${columns.join(', ')})`,
      ExitCode.InputError,
    );
  }
  const name = chosen;
  return [
    {
      name,
      values: rows.map((row, i) => {
        const raw = row[name] ?? '';
        const v = raw === '' ? Number.NaN : Number(raw);
        if (!Number.isFinite(v)) {
          // Line numbers count the header as line 1.
          throw new CliError(
            `${file}: line ${i + 2}, column "${name}": ${JSON.stringify(raw)} is not a number`,
            ExitCode.InputError,
          );
        }
        return v;
      }),
    },
  ];
}

function positiveInt(value: string): number {
  const v = Number(value);
  if (!Number.isInteger(v) || v < 1) throw new InvalidArgumentError('must be a positive whole number');
  return v;
}

function openInterval(value: string): number {
  const v = Number(value);
  if (!(v > 0 && v < 1)) throw new InvalidArgumentError('must be a number between 0 and 1, e.g. 0.001');
  return v;
}

function nonNegative(value: string): number {
  const v = Number(value);
  if (!(v >= 0)) throw new InvalidArgumentError('must be a number ≥ 0');
  return v;
}

interface ChangepointFlags {
  column?: string;
  json?: boolean;
  minSegment?: number;
  alpha?: number;
  minChange?: number;
  minEffect?: number;
}

function describe(c: ChangePoint) {
  return {
    index: c.index,
    relativeChange: c.relativeChange,
    pValue: c.pValue,
    before: c.before,
    after: c.after,
  };
}

export function registerPerfChangepoints(perf: Command): void {
  perf
    .command('changepoints')
    .description(
      'find change points in plain series and print them as 0-based indices of the first point of each new ' +
        'regime (robust binary segmentation with a significance test, a magnitude test and a merge step)',
    )
    .argument('<file>', 'a JSON array of numbers, a JSON object of named arrays, or a CSV file with a header')
    .option('--column <name>', 'the CSV column to analyse (needed when the CSV has several)')
    .option('--min-segment <n>', 'fewest points on each side of a change point (default 5)', positiveInt)
    .option('--alpha <p>', 'significance level of a change point (default 0.01)', openInterval)
    .option('--min-change <fraction>', 'smallest relative shift reported (default 0.005)', nonNegative)
    .option('--min-effect <k>', 'smallest shift in units of the series noise (default 0.5)', nonNegative)
    .option('--json', 'print the change points with their shifts and p-values as JSON')
    .action((file: string, flags: ChangepointFlags) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new CliError(
          `${file}: ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`,
          ExitCode.InputError,
        );
      }
      const series = readSeriesFile(file, text, flags.column);
      const detector = new ChangePointDetector({
        ...(flags.minSegment !== undefined ? { minSegment: flags.minSegment } : {}),
        ...(flags.alpha !== undefined ? { alpha: flags.alpha } : {}),
        ...(flags.minChange !== undefined ? { minRelativeChange: flags.minChange } : {}),
        ...(flags.minEffect !== undefined ? { minEffectSize: flags.minEffect } : {}),
      });
      const results = series.map((s) => ({
        name: s.name,
        length: s.values.length,
        found: detector.detect(s.values),
      }));
      if (flags.json) {
        const doc = {
          file,
          series: results.map((r) => ({
            name: r.name,
            length: r.length,
            changePoints: r.found.map((c) => c.index),
            details: r.found.map(describe),
          })),
        };
        process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        return;
      }
      for (const r of results) {
        const list = r.found.map((c) => c.index).join(' ');
        const label = results.length > 1 || r.name !== 'series' ? `${r.name}: ` : '';
        process.stdout.write(`${label}${list || '(none)'}\n`);
      }
    });
}
