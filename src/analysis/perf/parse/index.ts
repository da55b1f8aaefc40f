import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { type ParseError, parse as parseTolerant, printParseErrorCode } from 'jsonc-parser';
import { ResultsFileError } from './errors.js';
import { parseGithubActionBenchmark } from './github-action-benchmark.js';
import { parseGoogleBenchmark } from './google-benchmark.js';
import { parseHyperfine } from './hyperfine.js';
import { parsePytestBenchmark } from './pytest-benchmark.js';
import { FORMAT_NAMES, type FormatName, type ParsedResults } from './types.js';

export { ResultsFileError } from './errors.js';
export { guessDirectionFromUnit } from './github-action-benchmark.js';
export {
  locationOf,
  SUMMARY_SE_WIDENING,
  summarize,
  summaryQuartiles,
  summaryRelativeError,
} from './summary.js';
export * from './types.js';
export { convertUnit, isTimeUnit } from './units.js';

export function isFormatName(value: string): value is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(value);
}

/** Tells the format of a parsed JSON document by its shape; undefined when it matches none. */
export function detectFormat(doc: unknown): Exclude<FormatName, 'auto' | 'customBiggerIsBetter'> | undefined {
  if (Array.isArray(doc)) {
    return doc.length === 0 || isObject(doc[0]) ? 'customSmallerIsBetter' : undefined;
  }
  if (!isObject(doc)) return undefined;
  if (Array.isArray(doc.results)) return 'hyperfine';
  if (Array.isArray(doc.benchmarks)) {
    if (isObject(doc.context)) return 'google-benchmark';
    const first = doc.benchmarks[0];
    if ('machine_info' in doc || 'commit_info' in doc || (isObject(first) && 'stats' in first)) {
      return 'pytest-benchmark';
    }
  }
  return undefined;
}

/** Parses the text of a results file. `file` is only used to name the file in errors. */
export function parseResultsText(raw: string, file: string, format: FormatName = 'auto'): ParsedResults {
  // Editors and PowerShell's Out-File write a UTF-8 byte order mark, which JSON.parse refuses.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') throw new ResultsFileError(file, undefined, 'is empty');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ResultsFileError(file, undefined, `is not valid JSON: ${locateJsonError(text, err as Error)}`);
  }
  let chosen: FormatName | undefined = format;
  if (format === 'auto') {
    chosen = detectFormat(doc);
    if (!chosen) {
      throw new ResultsFileError(
        file,
        undefined,
        'is not a benchmark results file this tool knows: expected pytest-benchmark JSON (benchmarks[].stats), ' +
          'Google Benchmark JSON (context and benchmarks[]), hyperfine --export-json (results[]) or ' +
          "github-action-benchmark's custom format (an array of {name, unit, value}); pass --format to say which",
      );
    }
  }
  switch (chosen) {
    case 'pytest-benchmark':
      return parsePytestBenchmark(doc, file);
    case 'google-benchmark':
      return parseGoogleBenchmark(doc, file);
    case 'hyperfine':
      return parseHyperfine(doc, file);
    case 'customSmallerIsBetter':
      return parseGithubActionBenchmark(doc, file, format === 'auto' ? undefined : 'smaller-is-better');
    case 'customBiggerIsBetter':
      return parseGithubActionBenchmark(doc, file, 'bigger-is-better');
    default:
      throw new ResultsFileError(file, undefined, `unknown format ${String(chosen)}`);
  }
}

/**
 * The text of an input file: gzip-compressed files (recognised by their magic bytes, whatever the name) are
 * decompressed, and the UTF-8 byte order mark is dropped. Every failure is a ResultsFileError naming the file.
 */
export async function readInputText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
    throw new ResultsFileError(path, undefined, `${why} (${code ?? (err as Error).message})`);
  }
  return decodeInput(bytes, path);
}

/** Bytes of an input file to text: gunzipped when they start with gzip's magic bytes, without a UTF-8 BOM. */
export function decodeInput(bytes: Buffer, path: string): string {
  let data = bytes;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      data = gunzipSync(bytes);
    } catch (err) {
      throw new ResultsFileError(path, undefined, `is not a valid gzip file (${(err as Error).message})`);
    }
  }
  const text = data.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads and parses a results file (plain or .gz); every failure is a ResultsFileError naming the file. */
export async function parseResultsFile(path: string, format: FormatName = 'auto'): Promise<ParsedResults> {
  return parseResultsText(await readInputText(path), path, format);
}

/** V8's JSON.parse messages often lack a position; jsonc-parser's strict mode finds the first error's offset. */
function locateJsonError(text: string, err: Error): string {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (!first) return err.message;
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  const what = printParseErrorCode(first.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return `${what} at line ${line}, column ${column}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
