/** Flag parsers and input handling shared by the `ai-ci perf` subcommands. */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import { HistoryStore } from '../../../analysis/perf/history/index.js';
import {
  FORMAT_NAMES,
  type FormatName,
  type ParsedResults,
  parseResultsFile,
  ResultsFileError,
} from '../../../analysis/perf/parse/index.js';
import { CliError, ExitCode } from '../exit-codes.js';

export function probability(value: string): number {
  const v = Number(value);
  if (!(v > 0.5 && v < 1))
    throw new InvalidArgumentError('must be a probability between 0.5 and 1, e.g. 0.95');
  return v;
}

export function fraction(value: string): number {
  const v = Number(value);
  if (!(v >= 0 && v < 1)) throw new InvalidArgumentError('must be a fraction such as 0.05 (5%)');
  return v;
}

export function positiveInt(value: string): number {
  const v = Number(value);
  if (!Number.isInteger(v) || v < 1) throw new InvalidArgumentError('must be a positive whole number');
  return v;
}

export function formatOption(flags = '--format <format>', what = 'results format') {
  return new Option(flags, `${what} (default: detected from the file)`)
    .choices([...FORMAT_NAMES])
    .default('auto');
}

export function warn(message: string): void {
  process.stderr.write(`ai-ci: warning: ${message}\n`);
}

/** Runs `fn`, turning unusable input into exit code 3 with the message naming the file and field. */
export async function inputErrors<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ResultsFileError) throw new CliError(err.message, ExitCode.InputError);
    throw err;
  }
}

export function openHistory(path: string, mustExist: boolean): HistoryStore {
  if (mustExist && !existsSync(path)) {
    throw new CliError(
      `${path}: history database does not exist (create it with ai-ci perf record or import)`,
    );
  }
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return HistoryStore.open(path);
}

/** Files from this size on are announced on stderr while they are read, so that a long read does not look hung. */
const ANNOUNCE_BYTES = 16e6;

/**
 * Reads and parses a results file (exit 3 on unusable input). A large file is announced on stderr before the read
 * and summed up after it (benchmarks, rounds, seconds): tens of megabytes take seconds to parse and compare.
 */
export async function readResults(path: string, format: FormatName): Promise<ParsedResults> {
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    // parseResultsFile names the problem
  }
  const announce = size >= ANNOUNCE_BYTES;
  const started = performance.now();
  if (announce)
    process.stderr.write(`ai-ci: reading ${path} (${(size / 1e6).toFixed(0)} MB) …
`);
  const parsed = await inputErrors(() => parseResultsFile(path, format));
  if (announce) {
    const rounds = parsed.results.reduce((sum, r) => sum + r.samples.length, 0);
    process.stderr.write(
      `ai-ci: ${path}: ${parsed.results.length} benchmark${parsed.results.length === 1 ? '' : 's'}, ` +
        `${rounds.toLocaleString('en')} rounds, ` +
        `read in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  return parsed;
}
