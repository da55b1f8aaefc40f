/** Flag parsers and input handling shared by the `ai-ci perf` subcommands. */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import { HistoryStore } from '../../../analysis/perf/history/index.js';
import { FORMAT_NAMES, ResultsFileError } from '../../../analysis/perf/parse/index.js';
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
