/**
 * Plain series for `ai-ci perf changepoints`: a JSON array of numbers, a JSON object of named arrays, or a
 * delimited text file (CSV, semicolon- or tab-separated) with a header row. Missing values — JSON `null`, empty
 * cells, `NaN`, `NA`, `N/A`, `null` — are kept as NaN so that reported indices stay those of the file's rows.
 * Errors name the file and the line, column or field at fault.
 */
import { parse as parseCsv } from 'csv-parse/sync';

export interface NamedSeries {
  name: string;
  /** NaN = a missing value. */
  values: number[];
}

export interface SeriesFileOptions {
  /** Columns to analyse, by header name or 1-based position; default every numeric column. */
  columns?: readonly string[];
  /** Field delimiter of a delimited file; default the most frequent of , ; tab | in the header line. */
  delimiter?: string;
}

export interface SeriesFile {
  series: NamedSeries[];
  /** Columns left out because some cell is neither a number nor a missing value (only without `columns`). */
  skippedColumns: string[];
}

/** A series file that cannot be used; `usage` marks a flag that does not fit the file (e.g. --column on JSON). */
export class SeriesFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly usage = false,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'SeriesFileError';
  }
}

const MISSING = new Set(['', 'nan', 'na', 'n/a', 'null', 'none']);

/** A cell's number, NaN when it is a missing value, undefined when it is neither. */
function cellValue(raw: string): number | undefined {
  // Numbers first (Number() ignores surrounding whitespace): they are nearly every cell of a large file.
  const v = Number(raw);
  if (Number.isFinite(v) && (v !== 0 || raw.trim() !== '')) return v;
  return MISSING.has(raw.trim().toLowerCase()) ? Number.NaN : undefined;
}

function jsonValue(v: unknown, where: string, file: string): number {
  if (v === null) return Number.NaN;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const c = cellValue(v);
    if (c !== undefined) return c;
  }
  throw new SeriesFileError(file, `${where} is ${JSON.stringify(v)}, not a number or a missing value (null)`);
}

const DELIMITERS = [',', ';', '\t', '|'];

/** The most frequent candidate delimiter outside double quotes in the header line. */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, c] of counts) {
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

function readJson(text: string, file: string, options: SeriesFileOptions): SeriesFile {
  if (options.columns?.length || options.delimiter !== undefined) {
    throw new SeriesFileError(
      file,
      '--column and --delimiter apply to delimited text files; this file is JSON',
      true,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new SeriesFileError(file, `not valid JSON (${(err as Error).message})`);
  }
  if (Array.isArray(doc)) {
    return {
      series: [{ name: 'series', values: doc.map((v, i) => jsonValue(v, `element [${i}]`, file)) }],
      skippedColumns: [],
    };
  }
  if (doc === null || typeof doc !== 'object') {
    throw new SeriesFileError(file, 'expected an array of numbers or an object of named arrays');
  }
  const entries = Object.entries(doc as Record<string, unknown>);
  if (entries.length === 0) throw new SeriesFileError(file, 'the object has no series');
  const series = entries.map(([name, values]) => {
    if (!Array.isArray(values)) throw new SeriesFileError(file, `field "${name}" is not an array of numbers`);
    return { name, values: values.map((v, i) => jsonValue(v, `field "${name}"[${i}]`, file)) };
  });
  return { series, skippedColumns: [] };
}

/**
 * Rows of a delimited file without quotes, split directly: the same rows csv-parse returns (empty lines skipped,
 * rows of any length), at a fraction of its cost — 10,000 columns × 200 rows took it 1.6 s of CPU. Undefined when
 * the text has a quote or a lone carriage return, which csv-parse reads.
 */
export function splitPlain(text: string, delimiter: string): string[][] | undefined {
  if (text.includes('"') || /\r(?!\n)/.test(text)) return undefined;
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) if (line !== '') rows.push(line.split(delimiter));
  return rows;
}

function readDelimited(text: string, file: string, options: SeriesFileOptions): SeriesFile {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = options.delimiter ?? sniffDelimiter(firstLine);
  let rows = splitPlain(text, delimiter);
  if (!rows) {
    try {
      rows = parseCsv(text, { delimiter, skip_empty_lines: true, relax_column_count: true }) as string[][];
    } catch (err) {
      throw new SeriesFileError(file, `not valid delimited text (${(err as Error).message})`);
    }
  }
  const header = rows[0]!.map((h) => h.trim());
  const body = rows.slice(1);
  if (body.length === 0) throw new SeriesFileError(file, 'the file has a header but no rows');
  const pick = (wanted: string): number => {
    const byName = header.indexOf(wanted);
    if (byName >= 0) return byName;
    const position = Number(wanted);
    if (Number.isInteger(position) && position >= 1 && position <= header.length) return position - 1;
    throw new SeriesFileError(
      file,
      `no column "${wanted}" (the header has: ${header.join(', ')}; split with ${JSON.stringify(delimiter)})`,
    );
  };
  const explicit = options.columns !== undefined && options.columns.length > 0;
  const indices = explicit ? options.columns!.map(pick) : header.map((_, i) => i);
  const series: NamedSeries[] = [];
  const skippedColumns: string[] = [];
  let firstBad: string | undefined;
  for (const c of indices) {
    const name = header[c]!;
    const values: number[] = [];
    let bad: { line: number; raw: string } | undefined;
    for (let r = 0; r < body.length; r++) {
      const raw = body[r]![c] ?? '';
      const v = cellValue(raw);
      if (v === undefined) {
        // Line numbers count the header as line 1 (skipped blank lines aside).
        bad = { line: r + 2, raw };
        break;
      }
      values.push(v);
    }
    if (bad === undefined) {
      series.push({ name, values });
      continue;
    }
    const problem = `line ${bad.line}, column "${name}": ${JSON.stringify(bad.raw)} is not a number`;
    if (explicit) throw new SeriesFileError(file, problem);
    skippedColumns.push(name);
    firstBad ??= problem;
  }
  if (series.length === 0) {
    throw new SeriesFileError(
      file,
      header.length === 1
        ? firstBad!
        : `no column holds only numbers and missing values (the header has: ${header.join(', ')}; split with ${JSON.stringify(delimiter)}; first bad cell: ${firstBad})`,
    );
  }
  return { series, skippedColumns };
}

/** Parses the text of a series file; `file` only names the file in errors. */
export function readSeriesText(text: string, file: string, options: SeriesFileOptions = {}): SeriesFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trimStart();
  if (trimmed === '') throw new SeriesFileError(file, 'the file is empty');
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) return readJson(body, file, options);
  return readDelimited(body, file, options);
}
