import { type Command, InvalidArgumentError } from 'commander';
import {
  type ChangePoint,
  ChangePointDetector,
  readSeriesText,
  SeriesFileError,
} from '../../../analysis/perf/changepoints/index.js';
import { ResultsFileError, readInputText } from '../../../analysis/perf/parse/index.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { traceResult } from '../tracing.js';

function positiveInt(value: string): number {
  const v = Number(value);
  if (!Number.isInteger(v) || v < 1) throw new InvalidArgumentError('must be a positive whole number');
  return v;
}

function wholeNonNegative(value: string): number {
  const v = Number(value);
  if (!Number.isInteger(v) || v < 0) throw new InvalidArgumentError('must be a whole number ≥ 0');
  return v;
}

function positive(value: string): number {
  const v = Number(value);
  if (!(v > 0)) throw new InvalidArgumentError('must be a number > 0');
  return v;
}

function nonNegative(value: string): number {
  const v = Number(value);
  if (!(v >= 0)) throw new InvalidArgumentError('must be a number ≥ 0');
  return v;
}

function delimiter(value: string): string {
  const v = value === '\\t' || value.toLowerCase() === 'tab' ? '\t' : value;
  if (v.length !== 1) throw new InvalidArgumentError('must be one character (or "tab")');
  return v;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').filter((c) => c !== '')];
}

interface ChangepointFlags {
  column?: string[];
  delimiter?: string;
  json?: boolean;
  minSegment?: number;
  penalty?: number;
  minChange?: number;
  trendFit?: number;
  mergeWithin?: number;
}

function describe(c: ChangePoint) {
  return {
    index: c.index,
    relativeChange: c.relativeChange,
    pValue: c.pValue,
    before: c.before,
    after: c.after,
    ...(c.burstEnd !== undefined ? { burstEnd: c.burstEnd } : {}),
  };
}

/** The file's text: gzip-compressed files decompressed, a UTF-8 byte order mark dropped (exit 3 when unreadable). */
async function readText(file: string): Promise<string> {
  try {
    return await readInputText(file);
  } catch (err) {
    if (err instanceof ResultsFileError) throw new CliError(err.message, ExitCode.InputError);
    throw err;
  }
}

export function registerPerfChangepoints(perf: Command): void {
  perf
    .command('changepoints')
    .description(
      'find change points in plain series and print them as 0-based indices (of the file rows) of the first ' +
        'point of each new regime (optimal partition with a penalty scaled to the series’ long-run noise)',
    )
    .argument(
      '<file>',
      'a JSON array, a JSON object of named arrays, or a CSV/TSV/semicolon file with a header',
    )
    .option(
      '--column <name|n>',
      'a column to analyse, by name or 1-based position; repeat or comma-separate for several (default: every numeric column)',
      collect,
    )
    .option(
      '--delimiter <char>',
      'field delimiter of a delimited file (default: guessed from the header among , ; tab |)',
      delimiter,
    )
    .option('--min-segment <n>', 'fewest points in a segment (default 3)', positiveInt)
    .option(
      '--penalty <k>',
      'penalty per change point in units of log²(n) × long-run noise variance (default 0.7); higher finds fewer',
      positive,
    )
    .option('--min-change <fraction>', 'smallest relative shift reported (default 0.005)', nonNegative)
    .option(
      '--trend-fit <r>',
      'drop a change point when a straight line over its neighbouring segments fits nearly as well: the ' +
        'step reduces the squared error by less than r × the line (default 0.9; 0 keeps every step)',
      nonNegative,
    )
    .option(
      '--merge-within <n>',
      'report change points at most n points apart as one event, at its first point (default 6; 0 = each)',
      wholeNonNegative,
    )
    .option('--json', 'print the change points with their shifts and p-values as JSON')
    .action(async (file: string, flags: ChangepointFlags) => {
      let parsed: ReturnType<typeof readSeriesText>;
      try {
        parsed = readSeriesText(await readText(file), file, {
          ...(flags.column !== undefined ? { columns: flags.column } : {}),
          ...(flags.delimiter !== undefined ? { delimiter: flags.delimiter } : {}),
        });
      } catch (err) {
        if (err instanceof SeriesFileError) {
          throw new CliError(err.message, err.usage ? ExitCode.Usage : ExitCode.InputError);
        }
        throw err;
      }
      const detector = new ChangePointDetector({
        ...(flags.minSegment !== undefined ? { minSegment: flags.minSegment } : {}),
        ...(flags.penalty !== undefined ? { penalty: flags.penalty } : {}),
        ...(flags.minChange !== undefined ? { minRelativeChange: flags.minChange } : {}),
        ...(flags.trendFit !== undefined ? { trendFit: flags.trendFit } : {}),
        ...(flags.mergeWithin !== undefined ? { mergeWithin: flags.mergeWithin } : {}),
      });
      const results = parsed.series.map((s) => ({
        name: s.name,
        length: s.values.length,
        missing: s.values.filter((v) => Number.isNaN(v)).length,
        found: detector.detect(s.values),
      }));
      traceResult((t) => t.perfChangepoints(results));
      if (flags.json) {
        const doc = {
          file,
          skippedColumns: parsed.skippedColumns,
          series: results.map((r) => ({
            name: r.name,
            length: r.length,
            missing: r.missing,
            changePoints: r.found.map((c) => c.index),
            details: r.found.map(describe),
          })),
        };
        process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        return;
      }
      if (parsed.skippedColumns.length > 0) {
        process.stderr.write(`${file}: not numeric, left out: ${parsed.skippedColumns.join(', ')}\n`);
      }
      for (const r of results) {
        const list = r.found.map((c) => c.index).join(' ');
        const label = results.length > 1 || r.name !== 'series' ? `${r.name}: ` : '';
        process.stdout.write(`${label}${list || '(none)'}\n`);
      }
    });
}
